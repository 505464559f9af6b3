// Dispositions (issue 18): what became of each comment, recorded on the side-by-side by the
// secretariat or the consultation's chairs. Who may, the refusals that write nothing, one shared
// disposition per comment with its audit entry, the counts and the "no disposition yet" filter,
// and the action and page without JavaScript.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAX_OBSERVATION } from "~/lib/dispositions";
import type { SideBySideFilters } from "~/lib/side-by-side";
import { getSideBySide } from "~/models/consolidation.server";
import { getOwnDispositions, saveDisposition, setDispositionsPublished } from "~/models/disposition.server";
import OwnDispositionsPage, { loader as ownLoader } from "~/routes/consultations.$consultationId.submission_.dispositions";
import SideBySidePage, { action as sideAction, loader as sideLoader } from "~/routes/consultations.$consultationId.side-by-side/route";
import { getDb, schema } from "~/utils/db.server";
import { makeChairOf, newChair, writeRevision, writeTranslation } from "./consolidation-setup";
import { outcome, requestAs, statusOf } from "./helpers";
import { renderRoute } from "./render-route";
import { openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const CHAIR = "chair@nonpaper.test";
const OFFICER = "secretariat@nonpaper.test";
const PERU = "peru@nonpaper.test";
const context = { clientAddress: "127.0.0.1" };
const view = (overrides: Partial<SideBySideFilters> = {}): SideBySideFilters => ({ order: "en", readerLanguage: "en", item: "2", ...overrides });

async function scenario() {
  const c = await openConsultation();
  await makeChairOf(c.consultationId);
  const [peruA, peruB] = await writeRevision(c.consultationId, "PER", "es", [
    { kind: "point", pointId: c.points["2(a)"]!, body: "Apoyamos el punto (a)." },
    { kind: "amendment", pointId: c.points["2(b)"]!, body: "", proposedText: "The Secretariat should provide technical assistance." },
  ]);
  await writeTranslation(peruA!, { status: "final", body: "We support point (a)." });
  const [moroccoA] = await writeRevision(c.consultationId, "MAR", "ar", [{ kind: "point", pointId: c.points["2(a)"]!, body: "يؤيد المغرب النقطة." }]);
  const [franceOld] = await writeRevision(c.consultationId, "FRA", "fr", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Première version." }]);
  await writeRevision(c.consultationId, "FRA", "fr", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Deuxième version." }]);
  const other = await openConsultation({ receiptPrefix: `OTHER-${Date.now().toString(36)}` });
  const [otherComment] = await writeRevision(other.consultationId, "PER", "es", [{ kind: "point", pointId: other.points["2(a)"]!, body: "Otra consulta." }]);
  return { c, other, ids: { peruA: peruA!, peruB: peruB!, moroccoA: moroccoA!, franceOld: franceOld!, otherComment: otherComment! } };
}

async function dispositionsOf(commentId: string) {
  const db = await getDb();
  return db.select().from(schema.commentDispositions).where(eq(schema.commentDispositions.commentId, commentId));
}

async function audits(consultationId: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, "disposition.save")))
    .orderBy(schema.auditLog.id);
}

describe("saveDisposition", () => {
  it("records one disposition per comment, shared by the chair and the secretariat, each change in the audit log without the observation", async () => {
    const { c, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    const officer = await userByEmail(OFFICER);
    const db = await getDb();
    const [commentBefore] = await db.select().from(schema.comments).where(eq(schema.comments.id, ids.peruB));

    const observation = "  Reflected in (b) of Rev.1,\r\nwithout the brackets.  ";
    expect(
      await saveDisposition(chair, {
        consultationId: c.consultationId,
        commentId: ids.peruB,
        disposition: "partly_reflected",
        observation,
        ipAddress: "10.0.0.2",
      }),
    ).toEqual({
      ok: true,
      disposition: { disposition: "partly_reflected", observation: "Reflected in (b) of Rev.1,\nwithout the brackets." },
    });
    // The secretariat revises the chair's decision: still one row.
    expect(
      await saveDisposition(officer, { consultationId: c.consultationId, commentId: ids.peruB, disposition: "reflected", observation: "", ipAddress: null }),
    ).toEqual({
      ok: true,
      disposition: { disposition: "reflected", observation: null },
    });
    const rows = await dispositionsOf(ids.peruB);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ disposition: "reflected", observation: null, decidedBy: officer.id });

    const entries = await audits(c.consultationId);
    expect(entries.map((e) => e.details)).toEqual([
      { delegation: "PER", comment: ids.peruB, disposition: "partly_reflected", observation: true },
      { delegation: "PER", comment: ids.peruB, disposition: "reflected", observation: false },
    ]);
    expect(entries[0]).toMatchObject({ actorId: chair.id, entityType: "comment", entityId: ids.peruB, ipAddress: "10.0.0.2" });
    expect(JSON.stringify(entries)).not.toContain("brackets");

    // Taken back: no row, and that too is logged. The comment itself never changed.
    expect(
      await saveDisposition(chair, { consultationId: c.consultationId, commentId: ids.peruB, disposition: null, observation: "  ", ipAddress: null }),
    ).toEqual({
      ok: true,
      disposition: null,
    });
    expect(await dispositionsOf(ids.peruB)).toEqual([]);
    expect(await audits(c.consultationId)).toHaveLength(3);
    const [commentAfter] = await db.select().from(schema.comments).where(eq(schema.comments.id, ids.peruB));
    expect(commentAfter).toEqual(commentBefore);
  });

  it("refuses, writing nothing: delegates, chairs of another consultation, other consultations' or superseded comments, unknown values, bad observations", async () => {
    const { c, other, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    const officer = await userByEmail(OFFICER);
    const attempt = (
      user: Awaited<ReturnType<typeof userByEmail>>,
      input: { consultationId?: string; commentId: string; disposition?: string | null; observation?: string | null },
    ) =>
      saveDisposition(user, {
        consultationId: input.consultationId ?? c.consultationId,
        commentId: input.commentId,
        disposition: input.disposition === undefined ? "noted" : input.disposition,
        observation: input.observation ?? null,
      });

    expect(await attempt(await userByEmail(PERU), { commentId: ids.peruA })).toEqual({ ok: false, reason: "not_found" });
    expect(await attempt(await userByEmail(await newChair()), { commentId: ids.peruA })).toEqual({ ok: false, reason: "not_found" });
    expect(await attempt(chair, { consultationId: other.consultationId, commentId: ids.otherComment })).toEqual({ ok: false, reason: "not_found" });
    expect(await attempt(officer, { commentId: ids.otherComment })).toEqual({ ok: false, reason: "not_found" });
    for (const commentId of [ids.franceOld, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect(await attempt(officer, { commentId }), commentId).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await attempt(chair, { commentId: ids.peruA, disposition: "accepted" })).toEqual({ ok: false, reason: "invalid_disposition" });
    expect(await attempt(chair, { commentId: ids.peruA, observation: "x".repeat(MAX_OBSERVATION + 1) })).toEqual({ ok: false, reason: "observation_too_long" });
    expect(await attempt(chair, { commentId: ids.peruA, observation: "Fine \u202Eenil\u202C text" })).toEqual({ ok: false, reason: "observation_invalid" });
    expect(await attempt(chair, { commentId: ids.peruA, disposition: null, observation: "A reason for nothing." })).toEqual({
      ok: false,
      reason: "observation_without_disposition",
    });
    // Exactly the limit, in a script of four bytes a character: accepted.
    expect(await attempt(chair, { commentId: ids.moroccoA, observation: "𠀀".repeat(MAX_OBSERVATION) })).toMatchObject({ ok: true });

    for (const commentId of [ids.peruA, ids.peruB, ids.franceOld, ids.otherComment]) expect(await dispositionsOf(commentId)).toEqual([]);
    expect(await audits(other.consultationId)).toEqual([]);
    expect(await audits(c.consultationId)).toHaveLength(1);
  });
});

describe("the side-by-side with dispositions", () => {
  it("shows each entry's disposition, counts them per point and filters the comments that have none yet, in the same number of queries", async () => {
    const { c, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    await saveDisposition(chair, { consultationId: c.consultationId, commentId: ids.peruA, disposition: "reflected", observation: "Kept in (a)." });

    const all = (await getSideBySide(chair, c.consultationId, view()))!;
    const pointA = all.points.find((p) => p.label === "(a)")!;
    const pointB = all.points.find((p) => p.label === "(b)")!;
    expect(pointA.summary.dispositions).toMatchObject({ reflected: 1, none: 2, not_reflected: 0 });
    expect(pointB.summary.dispositions).toMatchObject({ none: 1 });
    const peru = pointA.entries.find((e) => e.commentId === ids.peruA)!;
    expect(peru.disposition).toEqual({ disposition: "reflected", observation: "Kept in (a)." });

    const none = (await getSideBySide(chair, c.consultationId, view({ disposition: "none" })))!;
    expect(none.points.flatMap((p) => p.entries.map((e) => e.delegation.code)).sort()).toEqual(["FRA", "MAR", "PER"]);
    expect(none.points.flatMap((p) => p.entries.map((e) => e.commentId))).not.toContain(ids.peruA);
    const reflected = (await getSideBySide(chair, c.consultationId, view({ disposition: "reflected" })))!;
    expect(reflected.points.flatMap((p) => p.entries.map((e) => e.commentId))).toEqual([ids.peruA]);
    // The summary counts every entry, whatever the filter.
    expect(reflected.points.find((p) => p.label === "(a)")!.summary.dispositions).toEqual(pointA.summary.dispositions);
    // By delegation, in the view's order, whatever the filter.
    const byDelegation = (v: typeof all) => v.dispositionsByDelegation.map((r) => [r.delegation.code, r.counts.reflected, r.counts.none]);
    expect(byDelegation(all)).toEqual([
      ["FRA", 0, 1],
      ["MAR", 0, 1],
      ["PER", 1, 1],
    ]);
    expect(byDelegation(reflected)).toEqual(byDelegation(all));
  });

  it("saves through the page's action and redirects to the entry; a refusal keeps what was typed, in the reader's language; delegates are refused", async () => {
    const { c, ids } = await scenario();
    const path = `/consultations/${c.consultationId}/side-by-side?item=2`;
    const post = async (email: string, fields: Record<string, string>) =>
      outcome(async () =>
        sideAction({
          request: await requestAs(email, path, { method: "POST", body: new URLSearchParams({ intent: "disposition", anchor: "entry-1", ...fields }) }),
          params: { consultationId: c.consultationId },
          context,
        }),
      );

    const saved = await post(CHAIR, { commentId: ids.peruA, disposition: "not_reflected", observation: "Outside the mandate of the Working Group." });
    const redirect = (saved as { thrown: Response }).thrown;
    expect(statusOf(redirect)).toBe(302);
    expect(redirect.headers.get("Location")).toBe(`/consultations/${c.consultationId}/side-by-side?item=2#entry-1`);
    expect(await dispositionsOf(ids.peruA)).toMatchObject([{ disposition: "not_reflected", observation: "Outside the mandate of the Working Group." }]);

    expect(statusOf(((await post(PERU, { commentId: ids.peruB, disposition: "reflected", observation: "" })) as { thrown: unknown }).thrown)).toBe(403);
    expect(await dispositionsOf(ids.peruB)).toEqual([]);

    const typed = "Partly: see \u202Ehere";
    const refused = (await post(CHAIR, { commentId: ids.peruB, disposition: "partly_reflected", observation: typed })) as {
      value: { data: unknown; init: { status: number } };
    };
    expect(refused.value.init.status).toBe(400);
    expect(refused.value.data).toEqual({
      disposition: {
        form: "disposition",
        commentId: ids.peruB,
        disposition: "partly_reflected",
        observation: typed,
        error: "consolidation:errors.observationInvalid",
        values: undefined,
      },
    });
    expect(await dispositionsOf(ids.peruB)).toEqual([]);

    // The page: Peru's decided entry shows its disposition; the refused entry's form is open with the typed text and the message.
    const page = await outcome(async () => sideLoader({ request: await requestAs(CHAIR, path), params: { consultationId: c.consultationId }, context }));
    const html = await renderRoute(SideBySidePage, { url: `http://x${path}`, loaderData: (page as { value: unknown }).value, actionData: refused.value.data });
    expect(html).toContain(">Not reflected</span>");
    expect(html).toContain("Outside the mandate of the Working Group.");
    expect(html).toContain(`${typed}</textarea>`);
    expect(html).toContain("The observations contain invisible control or text-direction characters.");
    expect(html).toMatch(/<option value="partly_reflected" selected="">Partly reflected<\/option>/);
    // The point's summary counts it.
    expect(html).toContain("Not reflected: 1 comment");
    // And the table by delegation, folded, with Peru's row.
    expect(html).toMatch(/<details class="sbs-aside sbs-disposition-table"><summary>Dispositions by delegation<\/summary>/);
    expect(html).toMatch(/<th scope="row">Peru<\/th><td class="sbs-count"><\/td><td class="sbs-count"><\/td><td class="sbs-count">1<\/td>/);
  });
});

describe("what became of a delegation's comments, once the secretariat shows them", () => {
  it("shows each delegation only its own current comments with their dispositions, after publication; a chair may not publish", async () => {
    const { c, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    const officer = await userByEmail(OFFICER);
    const peru = await userByEmail(PERU);
    await saveDisposition(chair, {
      consultationId: c.consultationId,
      commentId: ids.peruB,
      disposition: "partly_reflected",
      observation: "Reflected in (b) of Rev.1.",
    });
    await saveDisposition(chair, { consultationId: c.consultationId, commentId: ids.moroccoA, disposition: "noted", observation: "Morocco's own." });

    // Before publication: the page says so, and holds no comment.
    expect(await getOwnDispositions(peru, c.consultationId)).toMatchObject({ publishedAt: null, entries: [] });
    expect(await setDispositionsPublished(chair, { consultationId: c.consultationId, publish: true })).toEqual({ ok: false, reason: "not_found" });
    const published = await setDispositionsPublished(officer, { consultationId: c.consultationId, publish: true, ipAddress: "10.0.0.3" });
    expect(published.ok && published.publishedAt).toBeInstanceOf(Date);

    const own = (await getOwnDispositions(peru, c.consultationId))!;
    expect(own.entries.map((e) => [e.pointLabel, e.kind, e.body, e.disposition, e.observation])).toEqual([
      ["(a)", "point", "Apoyamos el punto (a).", null, null],
      ["(b)", "amendment", "", "partly_reflected", "Reflected in (b) of Rev.1."],
    ]);
    expect(JSON.stringify(own)).not.toContain("Morocco's own.");
    // Published again: the first date stands. Withdrawn: nothing shown.
    const again = await setDispositionsPublished(officer, { consultationId: c.consultationId, publish: true });
    expect(again.ok && again.publishedAt?.getTime()).toBe(published.ok && published.publishedAt!.getTime());
    await setDispositionsPublished(officer, { consultationId: c.consultationId, publish: false });
    expect(await getOwnDispositions(peru, c.consultationId)).toMatchObject({ publishedAt: null, entries: [] });
    const db = await getDb();
    const entries = await db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, c.consultationId), eq(schema.auditLog.entityType, "consultation")));
    expect(entries.map((e) => e.action).filter((a) => a.startsWith("dispositions."))).toEqual([
      "dispositions.publish",
      "dispositions.publish",
      "dispositions.withdraw",
    ]);

    // Nobody else's page: chairs, the secretariat and an unregistered delegation get nothing.
    expect(await getOwnDispositions(chair, c.consultationId)).toBeNull();
    expect(await getOwnDispositions(officer, c.consultationId)).toBeNull();
  });

  it("renders the delegate's page: the comment as written, the disposition, the observations; 404 to the secretariat; the side-by-side's button for the secretariat only", async () => {
    const { c, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    await saveDisposition(chair, {
      consultationId: c.consultationId,
      commentId: ids.moroccoA,
      disposition: "not_reflected",
      observation: "Outside the mandate.",
    });
    await setDispositionsPublished(await userByEmail(OFFICER), { consultationId: c.consultationId, publish: true });
    const path = `/consultations/${c.consultationId}/submission/dispositions`;
    const load = async (email: string) =>
      outcome(async () => ownLoader({ request: await requestAs(email, path), params: { consultationId: c.consultationId }, context }));
    const page = await load("morocco@nonpaper.test");
    const html = await renderRoute(OwnDispositionsPage, { url: `http://x${path}`, loaderData: (page as { value: unknown }).value, language: "ar" });
    // Morocco's delegate reads the interface in Arabic; the comment stays in Arabic, right to left.
    expect(html).toContain('<p class="own-dispositions__text" lang="ar" dir="rtl">يؤيد المغرب النقطة.</p>');
    expect(html).toContain("لم يُدرج");
    expect(html).toContain("Outside the mandate.");
    expect(statusOf(((await load(OFFICER)) as { thrown: unknown }).thrown)).toBe(404);

    const side = async (email: string) => {
      const sidePath = `/consultations/${c.consultationId}/side-by-side?item=2`;
      const loaded = await outcome(async () =>
        sideLoader({ request: await requestAs(email, sidePath), params: { consultationId: c.consultationId }, context }),
      );
      return renderRoute(SideBySidePage, { url: `http://x${sidePath}`, loaderData: (loaded as { value: unknown }).value });
    };
    expect(await side(OFFICER)).toContain("Stop showing them");
    const chairs = await side(CHAIR);
    expect(chairs).toContain("Delegations see the dispositions of their own comments since");
    expect(chairs).not.toContain("Stop showing them");
  });
});
