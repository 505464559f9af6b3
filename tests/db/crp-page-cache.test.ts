// The CRP page between views (issue 13): the data's digest and the draft built from it are kept
// under a stamp of every row they come from, read with the access check. An unchanged consultation
// costs two queries a view; any change, through the app or by hand in the database, shows at the
// next view exactly as a fresh build would say it.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildCrpModel, crpToMarkdown, type CrpModel } from "~/documents/crp";
import { compileCrp, crpSourceDigest, forgetCrpPageWork, getCrpPage, getCrpRedline, loadCrpData, saveIntroductionParagraph } from "~/models/crp.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";
import { addRevision, crpConsultation, crpSubmissions } from "./crp-setup";
import { countQueries } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const view = (user: SessionUser, consultationId: string) => countQueries(() => getCrpPage(user, consultationId));

/** What a build from the database says now, as the page must show it. */
async function fresh(consultationId: string) {
  const data = (await loadCrpData(await getDb(), consultationId))!;
  const built = buildCrpModel(data, { final: false });
  if (!built.ok) throw new Error("a draft always compiles");
  return { markdown: crpToMarkdown(built.model), digest: crpSourceDigest(data) };
}

describe("the CRP page between views", () => {
  it("builds once while nothing changes, and sees every kind of change at the next view", async () => {
    const c = await crpConsultation();
    const ids = await crpSubmissions(c);
    const db = await getDb();
    const id = c.consultationId;
    forgetCrpPageWork();
    const first = await view(c.officer, id);
    expect(first.queries).toBe(7);
    const again = await view(c.officer, id);
    expect(again.queries).toBe(2);
    expect(again.result!.preview).toBe(first.result!.preview); // the same model, not built again
    // Compiling writes a version, not the data: the next view is still two queries, and unchanged.
    expect(await compileCrp(c.officer, { consultationId: id, final: false })).toMatchObject({ ok: true, versionNumber: 1 });
    const compiled = await view(c.officer, id);
    expect([compiled.queries, compiled.result!.versions.map((v) => v.changedSince)]).toEqual([2, [false]]);

    const registration = and(
      eq(schema.registrations.consultationId, id),
      inArray(schema.registrations.delegationId, db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, "USA"))),
    );
    const submissionsHere = db.select({ id: schema.submissions.id }).from(schema.submissions).where(eq(schema.submissions.consultationId, id));
    const changes: [string, () => Promise<unknown>][] = [
      [
        "a translation made final by hand",
        () => db.update(schema.translations).set({ status: "final" }).where(eq(schema.translations.commentId, ids.peru.general!)),
      ],
      [
        "a comment's text changed by hand",
        () => db.update(schema.comments).set({ body: "El Perú apoya firmemente este punto." }).where(eq(schema.comments.id, ids.peru.point!)),
      ],
      [
        "a paragraph of section I rewritten",
        () => saveIntroductionParagraph(c.officer, { consultationId: id, key: "received", text: "Comments came from four delegations." }),
      ],
      ["a masthead fact", () => db.update(schema.consultations).set({ crpSymbol: "CTOC/COP/2026/CRP.9" }).where(eq(schema.consultations.id, id))],
      [
        "the meeting's venue",
        () =>
          db
            .update(schema.meetings)
            .set({ venue: "Geneva" })
            .where(
              inArray(schema.meetings.id, db.select({ id: schema.consultations.meetingId }).from(schema.consultations).where(eq(schema.consultations.id, id))),
            ),
      ],
      [
        "an agenda item's title",
        () => db.update(schema.agendaItems).set({ title: "Technical assistance and capacity-building" }).where(eq(schema.agendaItems.id, c.items["2"]!)),
      ],
      [
        "the circulated wording of a point",
        () =>
          db
            .update(schema.pointVersions)
            .set({ text: "States parties should update their legislative records promptly." })
            .where(eq(schema.pointVersions.pointId, c.points["2(a)"]!)),
      ],
      ["a participation", () => db.update(schema.registrations).set({ participation: "observer" }).where(registration)],
      ["a delegation's name", () => db.update(schema.delegations).set({ nameEn: "United States" }).where(eq(schema.delegations.code, "USA"))],
      [
        "a late submission accepted",
        () =>
          db
            .update(schema.submissionRevisions)
            .set({ late: "accepted" })
            .where(and(eq(schema.submissionRevisions.late, "pending"), inArray(schema.submissionRevisions.submissionId, submissionsHere))),
      ],
      [
        "a new submission",
        () => addRevision(c, "MEX", { language: "en", comments: [{ key: "g", kind: "general", item: "3", body: "Mexico supports the points." }] }),
      ],
      ["a comment deleted", () => db.delete(schema.comments).where(eq(schema.comments.id, ids.usa.proposalA!))],
      ["a translation deleted", () => db.delete(schema.translations).where(eq(schema.translations.commentId, ids.peru.point!))],
    ];
    const compiledDigest = (await fresh(id)).digest;
    let before = await fresh(id);
    for (const [what, change] of changes) {
      await change();
      const now = await fresh(id);
      expect(now.digest, `${what} changes the data`).not.toBe(before.digest);
      const seen = await view(c.officer, id);
      expect(seen.queries, what).toBe(7);
      expect(crpToMarkdown(seen.result!.preview as CrpModel), what).toBe(now.markdown);
      expect(seen.result!.versions[0]!.changedSince, what).toBe(now.digest !== compiledDigest);
      // Seen once: the view after is two queries again.
      expect((await view(c.officer, id)).queries, what).toBe(2);
      before = now;
    }
  });

  it("is not built again when a delegation's draft is autosaved: drafts are not CRP data", async () => {
    const c = await crpConsultation();
    const ids = await crpSubmissions(c);
    const db = await getDb();
    forgetCrpPageWork();
    const first = await view(c.officer, c.consultationId);
    expect(first.queries).toBe(7);
    // A draft comment written as the autosave writes it (no revision), then rewritten.
    const [submitted] = await db.select().from(schema.comments).where(eq(schema.comments.id, ids.peru.point!));
    const { id: _id, revisionId: _revision, ...fields } = submitted!;
    const [draft] = await db
      .insert(schema.comments)
      .values({ ...fields, revisionId: null, body: "Borrador: el Perú apoya este punto." })
      .returning({ id: schema.comments.id });
    await db.update(schema.comments).set({ body: "Borrador: el Perú apoya firmemente este punto." }).where(eq(schema.comments.id, draft!.id));
    const after = await view(c.officer, c.consultationId);
    expect(after.queries).toBe(2);
    expect(after.result!.preview).toBe(first.result!.preview);
  });

  it("keeps a redline once computed, and the final version's model", async () => {
    const c = await crpConsultation({ delegations: ["USA"] });
    const ids = await addRevision(c, "USA", { language: "en", comments: [{ key: "g", kind: "general", item: "2", body: "Support." }] });
    const db = await getDb();
    await compileCrp(c.officer, { consultationId: c.consultationId, final: false });
    await db.update(schema.comments).set({ body: "Strong support." }).where(eq(schema.comments.id, ids.g!));
    await compileCrp(c.officer, { consultationId: c.consultationId, final: false });
    forgetCrpPageWork();
    const first = await countQueries(() => getCrpRedline(c.officer, c.consultationId, 1, 2));
    const second = await countQueries(() => getCrpRedline(c.officer, c.consultationId, 1, 2));
    expect([first.queries, second.queries]).toEqual([3, 2]);
    expect(second.result).toBe(first.result);
    expect(JSON.stringify(second.result!.rows)).toContain("Strong");

    // The final CRP: the page previews the version as issued, read once.
    await db.update(schema.consultations).set({ status: "closed", closedAt: new Date() }).where(eq(schema.consultations.id, c.consultationId));
    expect(await compileCrp(c.officer, { consultationId: c.consultationId, final: true })).toMatchObject({ ok: true, versionNumber: 3 });
    const issued = await countQueries(() => getCrpPage(c.officer, c.consultationId));
    const reread = await countQueries(() => getCrpPage(c.officer, c.consultationId));
    expect([issued.queries, reread.queries]).toEqual([8, 2]);
    expect(reread.result!.finalVersion).toBe(3);
    expect(reread.result!.preview!.draftMark).toBeNull();
    expect(reread.result!.preview).toBe(issued.result!.preview);
  });
});
