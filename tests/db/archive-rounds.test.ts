// The archive of a second round (format version 2): round 1 closed, Rev.1 started from it with an
// amendment applied, a comment answered, two points merged and one split. Exported, round 2 says
// what each point was (previousRound, origins, answers); imported where round 1 is, it is linked
// to it with its lineage and exports the same bytes; imported alone, or as a copy beside the
// original, it keeps everything but the lineage, which it counts as dropped. A version 1 file
// still imports; version 4 is refused.
import { randomBytes } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";
import { seedDatabase } from "../../db/seed";
import { serializeArchive, type Archive } from "~/lib/archive-schema";
import { ArchiveValidationError, exportConsultation, importConsultation, previewImport } from "~/models/archive.server";
import { applyAmendment, getRevision, mergePoints, setAnswer, splitPoint, startRevision } from "~/models/revision.server";
import { getDb, schema } from "~/utils/db.server";
import { crpConsultation, crpSubmissions, POINTS } from "./crp-setup";
import { countQueries } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const EXPORTED_AT = new Date("2026-12-01T10:00:00.000Z");
const opened: { handle: DatabaseHandle; drop?: () => Promise<void> }[] = [];

afterAll(async () => {
  for (const { handle, drop } of opened) {
    await handle.close();
    await drop?.();
  }
});

/** A second, empty instance with the delegations and the secretariat officer (as archive.test.ts makes one). */
async function freshInstance(): Promise<Database> {
  const templateUrl = inject("templateDatabaseUrl");
  const adminUrl = inject("adminDatabaseUrl");
  let handle: DatabaseHandle;
  if (templateUrl && adminUrl) {
    const template = new URL(templateUrl);
    const name = `${template.pathname.slice(1).replace(/_template$/, "")}_rounds_${randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${template.pathname.slice(1)}"`);
    await admin.end();
    template.pathname = `/${name}`;
    handle = await openDatabase({ url: template.toString() });
    opened.push({
      handle,
      drop: async () => {
        const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists "${name}" with (force)`);
        await a.end();
      },
    });
  } else {
    handle = await openDatabase({ dataDir: "memory://" });
    opened.push({ handle });
  }
  await seedDatabase(handle.db, { demo: false });
  await handle.db.insert(schema.users).values({ email: OFFICER, name: "Amina Haddad", role: "secretariat", language: "en", timeZone: "Europe/Vienna" });
  return handle.db;
}

/**
 * Round 1 (the CRP tests' consultation: items 2 and 3, comments of six delegations) closed, and
 * Rev.1 started from it: Morocco's amendment applied to (b) (from the Secretariat's English), the
 * United States' to 3(a), Peru's comment answered by (a), then (b) merged into (a) and (a) split.
 */
async function twoRounds() {
  const db = await getDb();
  const c = await crpConsultation();
  const ids = await crpSubmissions(c);
  await db.update(schema.consultations).set({ status: "closed", closedAt: new Date() }).where(eq(schema.consultations.id, c.consultationId));
  const officer = c.officer;
  const started = await startRevision(officer, { consultationId: c.consultationId });
  if (!started.ok) throw new Error(started.reason);
  const roundId = started.consultationId;
  const revision = (await getRevision(officer, roundId))!;
  const rev = (key: string) => revision.points.find((p) => `${revision.items.find((i) => i.id === p.agendaItemId)!.number}${p.label}` === key)!.id;
  const input = { consultationId: roundId };
  const ok = (result: { ok: boolean }) => expect(result).toMatchObject({ ok: true });
  ok(await applyAmendment(officer, { ...input, pointId: rev("2(b)"), commentId: ids.morocco.amendment!, basedOnVersion: 1 }));
  ok(await applyAmendment(officer, { ...input, pointId: rev("3(a)"), commentId: ids.usa.amendment!, basedOnVersion: 1 }));
  ok(await setAnswer(officer, { ...input, pointId: rev("2(a)"), commentId: ids.peru.point!, answers: true }));
  ok(await mergePoints(officer, { ...input, pointId: rev("2(a)"), otherPointId: rev("2(b)") }));
  ok(await splitPoint(officer, { ...input, pointId: rev("2(a)") }));
  const round1 = (await exportConsultation(db, c.consultationId, { exportedAt: EXPORTED_AT }))!;
  const round2 = (await exportConsultation(db, roundId, { exportedAt: EXPORTED_AT }))!;
  return { c, ids, roundId, round1, round2, text1: serializeArchive(round1), text2: serializeArchive(round2) };
}

/** A point of a file by agenda item number and label: "2(a) bis". */
function pointOf(archive: Archive, key: string) {
  for (const item of archive.agendaItems) for (const p of item.points) if (`${item.number}${p.label}` === key) return p;
  throw new Error(`no point ${key}`);
}

/** The file without a later round's lineage: what an instance without the previous round keeps. */
function withoutLineage(archive: Archive): Archive {
  const copy = JSON.parse(serializeArchive(archive)) as Archive;
  delete copy.consultation.previousRound;
  for (const item of copy.agendaItems) {
    for (const p of item.points) {
      delete p.origins;
      delete p.answers;
    }
  }
  return copy;
}

/** The lineage rows of a consultation's points in one database: [point label, origin or comment id], sorted. */
async function lineageRows(db: Database, consultationId: string) {
  const s = schema;
  const points = await db
    .select({ id: s.discussionPoints.id, label: s.discussionPoints.label, number: s.agendaItems.number })
    .from(s.discussionPoints)
    .innerJoin(s.agendaItems, eq(s.agendaItems.id, s.discussionPoints.agendaItemId))
    .where(eq(s.agendaItems.consultationId, consultationId));
  const key = new Map(points.map((p) => [p.id, `${p.number}${p.label}`]));
  const ids = points.map((p) => p.id);
  const origins = await db.select().from(s.pointOrigins).where(inArray(s.pointOrigins.pointId, ids));
  const answers = await db.select().from(s.pointAnswers).where(inArray(s.pointAnswers.pointId, ids));
  return {
    origins: origins.map((o) => `${key.get(o.pointId)} ${o.originPointId}`).sort(),
    answers: answers.map((a) => `${key.get(a.pointId)} ${a.commentId} ${a.linkedAt.toISOString()}`).sort(),
  };
}

async function consultationRow(db: Database, id: string) {
  const [row] = await db
    .select({ round: schema.consultations.round, previousRoundId: schema.consultations.previousRoundId })
    .from(schema.consultations)
    .where(eq(schema.consultations.id, id));
  return row;
}

describe("a second round's archive", () => {
  it("says what each point was: the round, the previous round's points it comes from, and the comments it answers", async () => {
    const { c, ids, round1, round2, text1 } = await twoRounds();
    expect(round2.version).toBe(3);
    expect(round2.consultation.round).toBe(2);
    const formerId = (key: keyof typeof POINTS) => c.points[key]!;
    expect(round2.consultation.previousRound).toEqual({
      consultationId: c.consultationId,
      round: 1,
      points: [
        { id: formerId("2(a)"), label: "(a)", agendaItemNumber: "2", text: POINTS["2(a)"] },
        { id: formerId("2(b)"), label: "(b)", agendaItemNumber: "2", text: POINTS["2(b)"] },
        { id: formerId("3(a)"), label: "(a)", agendaItemNumber: "3", text: POINTS["3(a)"] },
      ],
    });
    expect(round2.agendaItems.flatMap((item) => item.points.map((p) => `${item.number}${p.label}`))).toEqual(["2(a)", "2(a) bis", "3(a)"]);
    // (a) = former (a) and (b), and answers Peru's comment and (merged from (b)) Morocco's amendment.
    expect(pointOf(round2, "2(a)").origins).toEqual([formerId("2(a)"), formerId("2(b)")]);
    expect(pointOf(round2, "2(a) bis").origins).toEqual([formerId("2(a)"), formerId("2(b)")]);
    expect(pointOf(round2, "3(a)").origins).toEqual([formerId("3(a)")]);
    const answers = (key: string) => (pointOf(round2, key).answers ?? []).map((a) => [a.commentId, a.linkedBy]).sort();
    expect(answers("2(a)")).toEqual(
      [
        [ids.morocco.amendment, OFFICER],
        [ids.peru.point, OFFICER],
      ].sort(),
    );
    expect(pointOf(round2, "2(a) bis").answers).toBeUndefined();
    expect(answers("3(a)")).toEqual([[ids.usa.amendment, OFFICER]]);
    expect(round2.users.map((u) => u.email)).toContain(OFFICER);

    // A first round is written as version 1 wrote it, but for the version.
    expect(round1.version).toBe(3);
    expect(round1.consultation).not.toHaveProperty("round");
    expect(round1.consultation).not.toHaveProperty("previousRound");
    expect(text1).not.toMatch(/"origins"|"answers"/);
  });

  it("reads a later round's lineage in two queries more than a first round, however many points", async () => {
    const { c, roundId } = await twoRounds();
    const db = await getDb();
    const first = await countQueries(() => exportConsultation(db, c.consultationId));
    const second = await countQueries(() => exportConsultation(db, roundId));
    expect(second.queries).toBe(first.queries + 2);
  });

  it("imported where round 1 is: linked to it, with its origins and answers, and the same bytes exported again", async () => {
    const { c, roundId, round1, round2, text1, text2 } = await twoRounds();
    const db = await getDb();
    const other = await freshInstance();
    const plan1 = await previewImport(other, JSON.parse(text1));
    expect(plan1.previousRound).toBeUndefined();
    await importConsultation(other, JSON.parse(text1), { confirmation: plan1.confirmation });

    const plan = await previewImport(other, JSON.parse(text2));
    const lineage = { consultationId: c.consultationId, round: 1, linked: true, origins: { restored: 5, dropped: 0 }, answers: { restored: 3, dropped: 0 } };
    expect(plan.previousRound).toEqual(lineage);
    const result = await importConsultation(other, JSON.parse(text2), { confirmation: plan.confirmation });
    expect(result).toEqual({
      consultationId: roundId,
      remapped: false,
      receiptPrefix: round2.consultation.receiptPrefix,
      title: round2.consultation.title,
      previousRound: lineage,
    });

    expect(await consultationRow(other, roundId)).toEqual({ round: 2, previousRoundId: c.consultationId });
    expect(await lineageRows(other, roundId)).toEqual(await lineageRows(db, roundId));
    expect((await lineageRows(other, roundId)).origins).toHaveLength(5);
    expect(serializeArchive((await exportConsultation(other, roundId, { exportedAt: EXPORTED_AT }))!)).toBe(text2);
    expect(serializeArchive((await exportConsultation(other, round1.consultation.id, { exportedAt: EXPORTED_AT }))!)).toBe(text1);
    const [entry] = await other
      .select({ details: schema.auditLog.details })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "consultation.import"), eq(schema.auditLog.consultationId, roundId)));
    expect(entry!.details).toMatchObject({ previousRound: lineage });
  });

  it("imported alone: round 2, not linked, its origins and answers dropped and counted, nothing else lost", async () => {
    const { c, roundId, round2, text2 } = await twoRounds();
    const other = await freshInstance();
    const plan = await previewImport(other, JSON.parse(text2));
    const lineage = { consultationId: c.consultationId, round: 1, linked: false, origins: { restored: 0, dropped: 5 }, answers: { restored: 0, dropped: 3 } };
    expect(plan.previousRound).toEqual(lineage);
    const result = await importConsultation(other, JSON.parse(text2), { confirmation: plan.confirmation });
    expect(result).toMatchObject({ consultationId: roundId, remapped: false, previousRound: lineage });

    expect(await consultationRow(other, roundId)).toEqual({ round: 2, previousRoundId: null });
    expect(await lineageRows(other, roundId)).toEqual({ origins: [], answers: [] });
    const again = (await exportConsultation(other, roundId, { exportedAt: EXPORTED_AT }))!;
    expect(again.consultation.round).toBe(2);
    expect(serializeArchive(again)).toBe(serializeArchive(withoutLineage(round2)));
  });

  it("imported as a copy beside the original: round 1 has its follow-up already, so the copy is not linked", async () => {
    const { c, roundId, text2 } = await twoRounds();
    const db = await getDb();
    const plan = await previewImport(db, JSON.parse(text2));
    expect(plan).toMatchObject({ remapped: true, previousRound: { consultationId: c.consultationId, linked: false, origins: { restored: 0, dropped: 5 } } });
    const result = await importConsultation(db, JSON.parse(text2), { confirmation: plan.confirmation });
    expect(result.remapped).toBe(true);
    expect(await consultationRow(db, result.consultationId)).toEqual({ round: 2, previousRoundId: null });
    expect(await lineageRows(db, result.consultationId)).toEqual({ origins: [], answers: [] });
    // The original keeps its link and its lineage.
    expect(await consultationRow(db, roundId)).toEqual({ round: 2, previousRoundId: c.consultationId });
    expect((await lineageRows(db, roundId)).origins).toHaveLength(5);
  });

  it("a version 1 file still imports as it did; version 4 is refused and writes nothing", async () => {
    const { round1, text1, text2 } = await twoRounds();
    const other = await freshInstance();
    const v1 = { ...(JSON.parse(text1) as Archive), version: 1 as const };
    const plan = await previewImport(other, v1);
    await importConsultation(other, v1, { confirmation: plan.confirmation });
    // The same data: exported again, only the version differs.
    expect(serializeArchive((await exportConsultation(other, round1.consultation.id, { exportedAt: EXPORTED_AT }))!)).toBe(text1);
    // Round 2 as version 1 wrote it: no round, no lineage; it imports as a first round.
    const round2v1 = { ...withoutLineage(JSON.parse(text2) as Archive), version: 1 as const };
    delete round2v1.consultation.round;
    const imported = await importConsultation(other, round2v1, { confirmation: (await previewImport(other, round2v1)).confirmation });
    expect(imported.previousRound).toBeUndefined();
    expect(await consultationRow(other, imported.consultationId)).toEqual({ round: 1, previousRoundId: null });
    // Version 1 with version 2's keys was not written by version 1.
    const mixed = { ...(JSON.parse(text2) as Archive), version: 1 as const };
    await expect(importConsultation(other, mixed)).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ path: "consultation", code: "unknownKeys", values: { keys: "round, previousRound" } })]),
    });

    const [before] = await other.select({ n: count() }).from(schema.consultations);
    const thrown = await importConsultation(other, { ...(JSON.parse(text2) as Archive), version: 4 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(ArchiveValidationError);
    expect((thrown as ArchiveValidationError).problems).toEqual([
      {
        path: "version",
        code: "version",
        message: "version 4 is not supported: this instance reads versions 1, 2 and 3",
        values: { version: "4", supported: 3 },
      },
    ]);
    const [after] = await other.select({ n: count() }).from(schema.consultations);
    expect(after!.n).toBe(before!.n);
  });
});
