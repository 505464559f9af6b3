// The Chair's revised text (issue 18): Rev.1 started from a closed consultation as the next round,
// points keeping their identity through amendment, merge, split, relabel and deletion, the links
// to the comments they answer, who may do what, and round 2 circulated as non-paper 2.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deletedPoints, pointIdentities } from "~/lib/revision";
import { deletePoint, relabelPoint } from "~/models/agenda.server";
import { circulateConsultation, draftCoveringNote, getCirculationPage } from "~/models/circulation.server";
import { applyAmendment, findNextRound, getRevision, mergePoints, setAnswer, splitPoint, startRevision } from "~/models/revision.server";
import { getDb, schema } from "~/utils/db.server";
import { makeChairOf, writeRevision, writeTranslation } from "./consolidation-setup";
import { countQueries, openConsultation, setDeadline, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const CHAIR = "chair@nonpaper.test";
const PERU = "peru@nonpaper.test";

async function closedConsultation() {
  const c = await openConsultation();
  await makeChairOf(c.consultationId);
  const [peruAmendment] = await writeRevision(c.consultationId, "PER", "es", [
    { kind: "amendment", pointId: c.points["2(b)"]!, body: "Proponemos aclarar.", proposedText: "El Secretario debería prestar asistencia técnica." },
  ]);
  await writeTranslation(peruAmendment!, {
    status: "final",
    body: "We propose a clarification.",
    proposedText: "The Secretariat should provide technical assistance.",
  });
  const [usaAmendment, usaGeneral] = await writeRevision(c.consultationId, "USA", "en", [
    { kind: "amendment", pointId: c.points["2(a)"]!, body: "", proposedText: "States parties [should] consider the matter." },
    { kind: "general", agendaItemId: c.items["2"]!, body: "General remark." },
  ]);
  const [chinaAmendment] = await writeRevision(c.consultationId, "CHN", "zh", [
    { kind: "amendment", pointId: c.points["2(a)"]!, body: "", proposedText: "缔约国应审议此事项。" },
  ]);
  const db = await getDb();
  await db.update(schema.consultations).set({ status: "closed" }).where(eq(schema.consultations.id, c.consultationId));
  return { ...c, comments: { peruAmendment: peruAmendment!, usaAmendment: usaAmendment!, usaGeneral: usaGeneral!, chinaAmendment: chinaAmendment! } };
}

async function started() {
  const c = await closedConsultation();
  const officer = await userByEmail(OFFICER);
  const result = await startRevision(officer, { consultationId: c.consultationId });
  if (!result.ok) throw new Error(result.reason);
  const revision = (await getRevision(officer, result.consultationId))!;
  const rev = (label: string, number = "2") =>
    revision.points.find((p) => p.label === label && revision.items.find((i) => i.id === p.agendaItemId)?.number === number)!;
  return { c, officer, roundId: result.consultationId, revision, rev };
}

describe("startRevision", () => {
  it("copies the circulated points with their wording and origins into a draft second round, with the same missions and chairs", async () => {
    const { c, officer, roundId, revision } = await started();
    expect(revision.consultation).toMatchObject({ status: "draft", round: 2, previousRoundId: c.consultationId });
    expect(revision.items.map((i) => i.number)).toEqual(["2", "3"]);
    expect(revision.points.map((p) => p.label)).toEqual(["(a)", "(b)", "(a)"]);
    for (const point of revision.points) {
      const origin = revision.former.find((f) => f.id === point.origins[0]);
      expect(point.origins).toHaveLength(1);
      expect(point.text).toBe(origin!.text);
      expect(point.label).toBe(origin!.label);
    }
    const db = await getDb();
    const count = async (table: typeof schema.registrations | typeof schema.consultationChairs, id: string) =>
      (await db.select().from(table).where(eq(table.consultationId, id))).length;
    expect(await count(schema.registrations, roundId)).toBe(await count(schema.registrations, c.consultationId));
    expect(await count(schema.consultationChairs, roundId)).toBe(1);
    const [round] = await db.select().from(schema.consultations).where(eq(schema.consultations.id, roundId));
    expect(round!.receiptPrefix).toMatch(/-R2$/);
    expect(round!.deadline).toBeNull();
    // Starting again opens the same round.
    expect(await startRevision(officer, { consultationId: c.consultationId })).toEqual({ ok: true, consultationId: roundId, created: false });
    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, roundId), eq(schema.auditLog.action, "revision.start")));
    expect(audit).toHaveLength(1);
  });

  it("is refused while the reflection period is open, and to anyone but the secretariat", async () => {
    const c = await openConsultation();
    await makeChairOf(c.consultationId);
    const officer = await userByEmail(OFFICER);
    expect(await startRevision(officer, { consultationId: c.consultationId })).toEqual({ ok: false, reason: "wrong_status" });
    const db = await getDb();
    await db.update(schema.consultations).set({ status: "closed" }).where(eq(schema.consultations.id, c.consultationId));
    for (const email of [CHAIR, PERU]) {
      expect(await startRevision(await userByEmail(email), { consultationId: c.consultationId })).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await db.select().from(schema.consultations).where(eq(schema.consultations.previousRoundId, c.consultationId))).toEqual([]);
  });
});

describe("Rev.1 points keep their identity", () => {
  it("applies Peru's amendment in English, merges, splits, relabels and deletes, and says what each point was", async () => {
    const { c, officer, roundId, rev } = await started();
    const b = rev("(b)");
    expect(await applyAmendment(officer, { consultationId: roundId, pointId: b.id, commentId: c.comments.peruAmendment, basedOnVersion: 1 })).toEqual({
      ok: true,
      pointId: b.id,
    });
    // An amendment to (a) is not applied to (b); a general comment is not an amendment; an old version is stale.
    expect(await applyAmendment(officer, { consultationId: roundId, pointId: b.id, commentId: c.comments.usaAmendment, basedOnVersion: 2 })).toEqual({
      ok: false,
      reason: "other_item",
    });
    expect(await applyAmendment(officer, { consultationId: roundId, pointId: b.id, commentId: c.comments.usaGeneral, basedOnVersion: 2 })).toEqual({
      ok: false,
      reason: "not_an_amendment",
    });
    const a = rev("(a)");
    expect(await applyAmendment(officer, { consultationId: roundId, pointId: a.id, commentId: c.comments.usaAmendment, basedOnVersion: 7 })).toEqual({
      ok: false,
      reason: "stale",
    });
    // China's amendment has no English translation yet: nothing to apply.
    expect(await applyAmendment(officer, { consultationId: roundId, pointId: a.id, commentId: c.comments.chinaAmendment, basedOnVersion: 1 })).toEqual({
      ok: false,
      reason: "translation_missing",
    });

    // Merge (b) into (a), then split (a); relabel item 3's (a) and delete nothing there.
    expect((await mergePoints(officer, { consultationId: roundId, pointId: a.id, otherPointId: b.id })).ok).toBe(true);
    const split = await splitPoint(officer, { consultationId: roundId, pointId: a.id });
    expect(split.ok).toBe(true);
    const three = rev("(a)", "3");
    expect((await relabelPoint(officer, { consultationId: roundId, pointId: three.id, label: "(b)" })).ok).toBe(true);

    const revision = (await getRevision(officer, roundId))!;
    const byLabel = new Map(revision.points.map((p) => [`${revision.items.find((i) => i.id === p.agendaItemId)!.number}${p.label}`, p]));
    expect([...byLabel.keys()]).toEqual(["2(a)", "2(a) bis", "3(b)"]);
    const merged = byLabel.get("2(a)")!;
    expect(merged.text).toBe(
      `${c.points && revision.former.find((f) => f.label === "(a)" && f.agendaItemId === c.items["2"])!.text}\n\nThe Secretariat should provide technical assistance.`,
    );
    expect(merged.answers).toEqual([c.comments.peruAmendment]);
    const identities = pointIdentities(
      revision.former,
      revision.points.map((p) => ({ id: p.id, label: p.label, origins: p.origins })),
    );
    expect(identities.get(merged.id)).toEqual({ kind: "merged", formers: ["(a)", "(b)"] });
    expect(identities.get(byLabel.get("2(a) bis")!.id)).toEqual({ kind: "merged", formers: ["(a)", "(b)"] });
    expect(identities.get(byLabel.get("3(b)")!.id)).toEqual({ kind: "relabelled", former: "(a)" });
    expect(deletedPoints(revision.former, revision.points)).toEqual([]);

    // Deleting the split half, then item 3's point: the former point of item 3 is deleted in Rev.1.
    expect((await deletePoint(officer, { consultationId: roundId, pointId: byLabel.get("2(a) bis")!.id })).ok).toBe(true);
    expect((await deletePoint(officer, { consultationId: roundId, pointId: byLabel.get("3(b)")!.id })).ok).toBe(true);
    const after = (await getRevision(officer, roundId))!;
    expect(deletedPoints(after.former, after.points).map((p) => p.id)).toEqual([c.points["3(a)"]]);

    const db = await getDb();
    const actions = (await db.select({ action: schema.auditLog.action }).from(schema.auditLog).where(eq(schema.auditLog.consultationId, roundId))).map(
      (r) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["revision.start", "revision.apply", "revision.merge", "revision.split", "point.relabel", "point.delete"]));
  });

  it("applies an amendment proposed in English in a French submission without waiting for a translation", async () => {
    const c = await openConsultation();
    const db = await getDb();
    const [circulated] = await db
      .select({ text: schema.pointVersions.text })
      .from(schema.pointVersions)
      .where(eq(schema.pointVersions.pointId, c.points["2(a)"]!));
    const proposed = `${circulated!.text.replace(/\.$/, "")}, in close cooperation with the Secretariat.`;
    const [france] = await writeRevision(c.consultationId, "FRA", "fr", [
      { kind: "amendment", pointId: c.points["2(a)"]!, body: "Nous proposons un ajout.", proposedText: proposed },
    ]);
    await db.update(schema.consultations).set({ status: "closed" }).where(eq(schema.consultations.id, c.consultationId));
    const officer = await userByEmail(OFFICER);
    const started = await startRevision(officer, { consultationId: c.consultationId });
    const roundId = (started as { consultationId: string }).consultationId;
    const a = (await getRevision(officer, roundId))!.points[0]!;
    expect(await applyAmendment(officer, { consultationId: roundId, pointId: a.id, commentId: france!, basedOnVersion: 1 })).toEqual({
      ok: true,
      pointId: a.id,
    });
    expect((await getRevision(officer, roundId))!.points[0]!.text).toBe(proposed);
  });

  it("links and unlinks the comments a point answers; only current comments of the previous round", async () => {
    const { c, officer, roundId, rev } = await started();
    const a = rev("(a)");
    expect(await setAnswer(officer, { consultationId: roundId, pointId: a.id, commentId: c.comments.usaGeneral, answers: true })).toEqual({
      ok: true,
      pointId: a.id,
    });
    expect((await getRevision(officer, roundId))!.points.find((p) => p.id === a.id)!.answers).toEqual([c.comments.usaGeneral]);
    expect((await setAnswer(officer, { consultationId: roundId, pointId: a.id, commentId: c.comments.usaGeneral, answers: false })).ok).toBe(true);
    expect((await getRevision(officer, roundId))!.points.find((p) => p.id === a.id)!.answers).toEqual([]);
    // A comment of another consultation is not found.
    const other = await openConsultation({ receiptPrefix: `OTHER-${Date.now().toString(36)}` });
    const [foreign] = await writeRevision(other.consultationId, "PER", "es", [{ kind: "general", agendaItemId: other.items["2"]!, body: "Otra." }]);
    expect(await setAnswer(officer, { consultationId: roundId, pointId: a.id, commentId: foreign!, answers: true })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("refuses every change to chairs and delegates, and to anyone once round 2 is circulated", async () => {
    const { c, officer, roundId, rev } = await started();
    const a = rev("(a)");
    const b = rev("(b)");
    for (const email of [CHAIR, PERU]) {
      const user = await userByEmail(email);
      expect(await applyAmendment(user, { consultationId: roundId, pointId: b.id, commentId: c.comments.peruAmendment, basedOnVersion: 1 })).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect(await mergePoints(user, { consultationId: roundId, pointId: a.id, otherPointId: b.id })).toEqual({ ok: false, reason: "not_found" });
      expect(await splitPoint(user, { consultationId: roundId, pointId: a.id })).toEqual({ ok: false, reason: "not_found" });
      expect(await setAnswer(user, { consultationId: roundId, pointId: a.id, commentId: c.comments.usaGeneral, answers: true })).toEqual({
        ok: false,
        reason: "not_found",
      });
      // A draft round is the secretariat's alone.
      expect(await getRevision(user, roundId)).toBeNull();
      expect(await findNextRound(user, c.consultationId)).toBeNull();
    }
    expect(await getRevision(officer, c.consultationId)).toBeNull();

    await setDeadline(roundId, new Date(Date.now() + 14 * 86_400_000));
    // The covering note drafted for round 2 says it carries Rev.1 of the text circulated before, in each language.
    const page = await getCirculationPage(officer, roundId, { baseUrl: "http://localhost" });
    expect(page!.nextNonPaperNumber).toBe(2);
    expect(page!.note.generated).toContain("revised discussion points (Rev.1)");
    expect(page!.note.generated).toMatch(/circulated on \d{1,2} \w+ \d{4}/);
    for (const language of ["ar", "zh", "fr", "ru", "es"] as const) {
      expect(await draftCoveringNote(officer, roundId, language, { baseUrl: "http://localhost" })).toMatch(/[(（]Rev\.1[)）]/);
    }
    const circulated = await circulateConsultation(officer, {
      consultationId: roundId,
      coveringNote: "Rev.1 of the discussion points.",
      baseUrl: "http://localhost",
    });
    expect(circulated).toMatchObject({ ok: true, number: 2 });
    expect(await splitPoint(officer, { consultationId: roundId, pointId: a.id })).toEqual({ ok: false, reason: "wrong_status" });
    // Circulated: the chair reads Rev.1; Peru's delegate sees the round but never the Rev.1 workings.
    expect((await getRevision(await userByEmail(CHAIR), roundId))?.points).toHaveLength(3);
    expect(await getRevision(await userByEmail(PERU), roundId)).toBeNull();
    expect(await findNextRound(await userByEmail(PERU), c.consultationId)).toMatchObject({ id: roundId, round: 2 });
  });

  it("reads Rev.1 in a fixed number of queries, however many points", async () => {
    const { officer, roundId, rev } = await started();
    const few = await countQueries(() => getRevision(officer, roundId));
    for (let i = 0; i < 5; i++) await splitPoint(officer, { consultationId: roundId, pointId: rev("(a)").id });
    const more = await countQueries(() => getRevision(officer, roundId));
    expect(more.result!.points).toHaveLength(8);
    expect(more.queries).toBe(few.queries);
    expect(more.queries).toBeLessThanOrEqual(7);
  });
});
