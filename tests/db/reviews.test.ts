// The Chair's review (app/models/review.server.ts): who may tag and note which comment, the
// refusals that write nothing, the upsert, the audit entry without the note, and that the comment
// and its translation never change.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAX_REVIEW_NOTE, saveReview } from "~/models/review.server";
import { getDb, schema } from "~/utils/db.server";
import { makeChairOf, newChair, writeRevision, writeTranslation } from "./consolidation-setup";
import { openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const CHAIR = "chair@nonpaper.test";
const OFFICER = "secretariat@nonpaper.test";

async function scenario() {
  const c = await openConsultation();
  await makeChairOf(c.consultationId);
  const [peruA, peruB] = await writeRevision(c.consultationId, "PER", "es", [
    { kind: "point", pointId: c.points["2(a)"]!, body: "Apoyamos el punto (a)." },
    { kind: "amendment", pointId: c.points["2(b)"]!, body: "", proposedText: "The Secretariat should provide technical assistance." },
  ]);
  await writeTranslation(peruA!, { status: "final", body: "We support point (a)." });
  // France's first revision is superseded by its second.
  const [franceOld] = await writeRevision(c.consultationId, "FRA", "fr", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Première version." }]);
  const [franceNew] = await writeRevision(c.consultationId, "FRA", "fr", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Deuxième version." }]);
  const [chinaLate] = await writeRevision(c.consultationId, "CHN", "zh", [{ kind: "point", pointId: c.points["2(a)"]!, body: "迟交。" }], "pending");
  const [russiaDraft] = await writeRevision(c.consultationId, "RUS", "ru", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Черновик." }], "draft");
  const other = await openConsultation({ receiptPrefix: `OTHER-${Date.now().toString(36)}` });
  const [otherComment] = await writeRevision(other.consultationId, "PER", "es", [{ kind: "point", pointId: other.points["2(a)"]!, body: "Otra consulta." }]);
  return {
    c,
    other,
    ids: {
      peruA: peruA!,
      peruB: peruB!,
      franceOld: franceOld!,
      franceNew: franceNew!,
      chinaLate: chinaLate!,
      russiaDraft: russiaDraft!,
      otherComment: otherComment!,
    },
  };
}

async function reviewsOf(commentId: string) {
  const db = await getDb();
  return db.select().from(schema.chairReviews).where(eq(schema.chairReviews.commentId, commentId));
}

async function audits(consultationId: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, "review.save")))
    .orderBy(schema.auditLog.id);
}

describe("saveReview", () => {
  it("saves a tag and a private note, upserts per reviewer, and records the audit entry without the note", async () => {
    const { c, ids } = await scenario();
    const db = await getDb();
    const chair = await userByEmail(CHAIR);
    const [commentBefore] = await db.select().from(schema.comments).where(eq(schema.comments.id, ids.peruA));
    const [translationBefore] = await db.select().from(schema.translations).where(eq(schema.translations.commentId, ids.peruA));

    const first = await saveReview(chair, {
      consultationId: c.consultationId,
      commentId: ids.peruA,
      tag: "supports",
      note: "  Secret\r\nthought.  ",
      ipAddress: "10.0.0.1",
    });
    expect(first).toEqual({ ok: true, review: { tag: "supports", note: "Secret\nthought." } });
    const second = await saveReview(chair, { consultationId: c.consultationId, commentId: ids.peruA, tag: "needs_follow_up", note: "", ipAddress: null });
    expect(second).toEqual({ ok: true, review: { tag: "needs_follow_up", note: null } });
    await saveReview(await userByEmail(OFFICER), { consultationId: c.consultationId, commentId: ids.peruA, tag: "objects", note: null, ipAddress: null });
    const rows = await reviewsOf(ids.peruA);
    expect(rows.map((r) => [r.reviewerId === chair.id ? "chair" : "officer", r.tag, r.note]).sort()).toEqual([
      ["chair", "needs_follow_up", null],
      ["officer", "objects", null],
    ]);

    const entries = await audits(c.consultationId);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ actorId: chair.id, entityType: "comment", entityId: ids.peruA, ipAddress: "10.0.0.1" });
    expect(entries[0]!.details).toEqual({ delegation: "PER", comment: ids.peruA, tag: "supports", note: true });
    expect(entries[1]!.details).toMatchObject({ tag: "needs_follow_up", note: false });
    expect(JSON.stringify(entries)).not.toContain("Secret");

    // Neither the comment nor its translation changed.
    const [commentAfter] = await db.select().from(schema.comments).where(eq(schema.comments.id, ids.peruA));
    const [translationAfter] = await db.select().from(schema.translations).where(eq(schema.translations.commentId, ids.peruA));
    expect(commentAfter).toEqual(commentBefore);
    expect(translationAfter).toEqual(translationBefore);

    // No tag and no note: the review is removed (and that too is logged).
    expect(await saveReview(chair, { consultationId: c.consultationId, commentId: ids.peruA, tag: null, note: "   ", ipAddress: null })).toEqual({
      ok: true,
      review: null,
    });
    expect((await reviewsOf(ids.peruA)).map((r) => r.tag)).toEqual(["objects"]);
    expect(await audits(c.consultationId)).toHaveLength(4);
  });

  it("refuses, writing nothing: delegates, chairs of another consultation, other consultations' or non-current comments, bad tags and notes", async () => {
    const { c, other, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    const officer = await userByEmail(OFFICER);
    const refused = async (
      user: Awaited<ReturnType<typeof userByEmail>>,
      input: { consultationId?: string; commentId: string; tag?: unknown; note?: string | null },
    ) =>
      saveReview(user, {
        consultationId: input.consultationId ?? c.consultationId,
        commentId: input.commentId,
        tag: (input.tag === undefined ? "supports" : input.tag) as "supports",
        note: input.note ?? null,
        ipAddress: null,
      });

    expect(await refused(await userByEmail("peru@nonpaper.test"), { commentId: ids.peruA })).toEqual({ ok: false, reason: "not_found" });
    expect(await refused(await userByEmail(await newChair()), { commentId: ids.peruA })).toEqual({ ok: false, reason: "not_found" });
    // The chair chairs `c`, not `other`; the secretariat names the wrong consultation for a comment.
    expect(await refused(chair, { consultationId: other.consultationId, commentId: ids.otherComment })).toEqual({ ok: false, reason: "not_found" });
    expect(await refused(officer, { commentId: ids.otherComment })).toEqual({ ok: false, reason: "not_found" });
    for (const commentId of [ids.franceOld, ids.chinaLate, ids.russiaDraft, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect(await refused(officer, { commentId }), commentId).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await refused(chair, { commentId: ids.peruA, tag: "loves_it" })).toEqual({ ok: false, reason: "invalid_tag" });
    expect(await refused(chair, { commentId: ids.peruA, note: "x".repeat(MAX_REVIEW_NOTE + 1) })).toEqual({ ok: false, reason: "note_too_long" });
    expect(await refused(chair, { commentId: ids.peruA, note: "Fine \u202Eenil\u202C text" })).toEqual({ ok: false, reason: "note_invalid" });
    expect(await refused(chair, { commentId: ids.peruA, note: "bell \u0007" })).toEqual({ ok: false, reason: "note_invalid" });

    for (const commentId of Object.values(ids)) expect(await reviewsOf(commentId)).toEqual([]);
    expect(await audits(c.consultationId)).toEqual([]);
    expect(await audits(other.consultationId)).toEqual([]);

    // At the limit, in characters (a Chinese character is one), it is accepted.
    expect((await refused(chair, { commentId: ids.franceNew, note: "审".repeat(MAX_REVIEW_NOTE) })).ok).toBe(true);
  });
});
