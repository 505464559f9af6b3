// The consultation archive against a real database: export -> import into a fresh database ->
// export gives the same bytes; an import into the same database gets new ids and its own receipt
// prefix; the export reads in a fixed number of queries; a tampered file is refused with its path
// and writes nothing.
import { randomBytes } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";
import { seedDatabase } from "../../db/seed";
import { serializeArchive, type Archive } from "~/lib/archive-schema";
import { ArchiveValidationError, exportConsultation, importConsultation, previewImport } from "~/models/archive.server";
import { compileCrp } from "~/models/crp.server";
import { getDb, schema } from "~/utils/db.server";
import { addRevision, crpConsultation, crpSubmissions } from "./crp-setup";
import { countQueries, delegationIdOf, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const EXPORTED_AT = new Date("2026-11-22T10:00:00.000Z");
const opened: { handle: DatabaseHandle; drop?: () => Promise<void> }[] = [];

afterAll(async () => {
  for (const { handle, drop } of opened) {
    await handle.close();
    await drop?.();
  }
});

/** A second, empty instance: migrated, with the delegations only (a PGlite, or a Postgres database of its own). */
async function freshInstance(): Promise<Database> {
  const templateUrl = inject("templateDatabaseUrl");
  const adminUrl = inject("adminDatabaseUrl");
  if (templateUrl && adminUrl) {
    const template = new URL(templateUrl);
    const name = `${template.pathname.slice(1).replace(/_template$/, "")}_other_${randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${template.pathname.slice(1)}"`);
    await admin.end();
    template.pathname = `/${name}`;
    const handle = await openDatabase({ url: template.toString() });
    opened.push({
      handle,
      drop: async () => {
        const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists "${name}" with (force)`);
        await a.end();
      },
    });
    await seedDatabase(handle.db, { demo: false });
    return handle.db;
  }
  const handle = await openDatabase({ dataDir: "memory://" });
  opened.push({ handle });
  await seedDatabase(handle.db, { demo: false });
  return handle.db;
}

/**
 * The CRP tests' consultation (two agenda items, six delegations, revisions on time, late,
 * superseded, declined, translations in every state) with a chair, a compiled draft CRP, a
 * Chair's review, a shared draft in progress and an email original attached to a revision.
 */
async function richConsultation() {
  const db = await getDb();
  const c = await crpConsultation();
  const ids = await crpSubmissions(c);
  const chair = await userByEmail("chair@nonpaper.test");
  await db.insert(schema.consultationChairs).values({ consultationId: c.consultationId, userId: chair.id });
  await db.insert(schema.chairReviews).values({ commentId: ids.peru.point!, reviewerId: chair.id, tag: "supports", note: "Peru agrees." });
  // What became of Peru's comment, with the Secretariat's observations (shown to delegations: in the file).
  await db.insert(schema.commentDispositions).values({
    commentId: ids.peru.point!,
    disposition: "partly_reflected",
    observation: "Reflected in (a) of Rev.1 — «sin corchetes», 括号已删除.",
    decidedBy: chair.id,
    decidedAt: new Date("2026-10-02T09:00:00Z"),
  });
  const compiled = await compileCrp(c.officer, { consultationId: c.consultationId, final: false, issuedOn: "2026-10-01" });
  expect(compiled.ok).toBe(true);
  const [file] = await db
    .insert(schema.attachments)
    .values({
      consultationId: c.consultationId,
      filename: "note-verbale.txt",
      mediaType: "text/plain",
      size: 5,
      content: new Uint8Array([104, 101, 108, 108, 111]),
      uploadedBy: c.officer.id,
    })
    .returning({ id: schema.attachments.id });
  const [usaRevision] = await db
    .select({ id: schema.submissionRevisions.id })
    .from(schema.submissionRevisions)
    .innerJoin(schema.submissions, eq(schema.submissions.id, schema.submissionRevisions.submissionId))
    .where(and(eq(schema.submissions.consultationId, c.consultationId), eq(schema.submissions.delegationId, await delegationIdOf("USA"))));
  await db
    .update(schema.submissionRevisions)
    .set({ attachmentId: file!.id, submittedBy: c.officer.id })
    .where(eq(schema.submissionRevisions.id, usaRevision!.id));
  // Mexico has a draft with one comment, never submitted.
  const [draft] = await db
    .insert(schema.submissions)
    .values({ consultationId: c.consultationId, delegationId: await delegationIdOf("MEX"), language: "es", draftVersion: 1, draftUpdatedAt: new Date() })
    .returning({ id: schema.submissions.id });
  await db
    .insert(schema.comments)
    .values({ submissionId: draft!.id, kind: "general", agendaItemId: c.items["2"]!, language: "es", body: "Borrador de México." });
  // The secretariat's own words in the CRP's introduction.
  await db
    .update(schema.consultations)
    .set({
      introductionNote: "Circulated for lack of time.",
      introductionParagraphs: { received: "Comments came from six States.", presentation: "" },
      dispositionsPublishedAt: new Date("2026-10-03T08:00:00Z"),
    })
    .where(eq(schema.consultations.id, c.consultationId));
  return { ...c, ids };
}

/** Rows of each table that belong to one consultation. */
async function rowCounts(db: Database, consultationId: string) {
  const s = schema;
  const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0]!.n);
  const submissionIds = db.select({ id: s.submissions.id }).from(s.submissions).where(eq(s.submissions.consultationId, consultationId));
  const commentIds = db.select({ id: s.comments.id }).from(s.comments).where(inArray(s.comments.submissionId, submissionIds));
  const itemIds = db.select({ id: s.agendaItems.id }).from(s.agendaItems).where(eq(s.agendaItems.consultationId, consultationId));
  const pointIds = db.select({ id: s.discussionPoints.id }).from(s.discussionPoints).where(inArray(s.discussionPoints.agendaItemId, itemIds));
  return {
    agendaItems: await n(db.select({ n: count() }).from(s.agendaItems).where(eq(s.agendaItems.consultationId, consultationId))),
    points: await n(db.select({ n: count() }).from(s.discussionPoints).where(inArray(s.discussionPoints.agendaItemId, itemIds))),
    versions: await n(db.select({ n: count() }).from(s.pointVersions).where(inArray(s.pointVersions.pointId, pointIds))),
    nonPapers: await n(db.select({ n: count() }).from(s.nonPapers).where(eq(s.nonPapers.consultationId, consultationId))),
    registrations: await n(db.select({ n: count() }).from(s.registrations).where(eq(s.registrations.consultationId, consultationId))),
    chairs: await n(db.select({ n: count() }).from(s.consultationChairs).where(eq(s.consultationChairs.consultationId, consultationId))),
    submissions: await n(db.select({ n: count() }).from(s.submissions).where(eq(s.submissions.consultationId, consultationId))),
    revisions: await n(db.select({ n: count() }).from(s.submissionRevisions).where(inArray(s.submissionRevisions.submissionId, submissionIds))),
    comments: await n(db.select({ n: count() }).from(s.comments).where(inArray(s.comments.submissionId, submissionIds))),
    translations: await n(db.select({ n: count() }).from(s.translations).where(inArray(s.translations.commentId, commentIds))),
    reviews: await n(db.select({ n: count() }).from(s.chairReviews).where(inArray(s.chairReviews.commentId, commentIds))),
    dispositions: await n(db.select({ n: count() }).from(s.commentDispositions).where(inArray(s.commentDispositions.commentId, commentIds))),
    attachments: await n(db.select({ n: count() }).from(s.attachments).where(eq(s.attachments.consultationId, consultationId))),
    documents: await n(db.select({ n: count() }).from(s.generatedDocuments).where(eq(s.generatedDocuments.consultationId, consultationId))),
  };
}

describe("export and import", () => {
  it("export -> import into a fresh instance -> export gives the same bytes, and nothing is lost", async () => {
    const c = await richConsultation();
    const db = await getDb();
    const first = (await exportConsultation(db, c.consultationId, { exportedAt: EXPORTED_AT }))!;
    const text = serializeArchive(first);
    expect(text.endsWith("}\n")).toBe(true);
    // The same data gives the same bytes.
    expect(serializeArchive((await exportConsultation(db, c.consultationId, { exportedAt: EXPORTED_AT }))!)).toBe(text);

    expect(first.users.map((u) => u.email)).toEqual(["chair@nonpaper.test", "secretariat@nonpaper.test"]);
    expect(text).not.toMatch(/password|argon2|token/i);
    // The chair's tag travels; the chair's private note stays in this instance.
    const reviews = first.submissions.flatMap((x) => x.revisions.flatMap((r) => r.comments.flatMap((m) => m.reviews)));
    expect(reviews.map((r) => [r.reviewer, r.tag, r.note])).toEqual([["chair@nonpaper.test", "supports", null]]);
    expect(text).not.toContain("Peru agrees.");
    const dispositions = first.submissions.flatMap((x) => x.revisions.flatMap((r) => r.comments.flatMap((m) => m.dispositions ?? [])));
    expect(dispositions).toEqual([
      {
        disposition: "partly_reflected",
        observation: "Reflected in (a) of Rev.1 — «sin corchetes», 括号已删除.",
        decidedBy: "chair@nonpaper.test",
        decidedAt: "2026-10-02T09:00:00.000Z",
      },
    ]);
    expect(first.registrations.map((r) => r.delegation)).toEqual(["CHN", "FRA", "MAR", "PER", "RUS", "USA"]);
    expect(first.generatedDocuments).toHaveLength(1);
    expect(first.attachments[0]!.content).toBe("aGVsbG8=");
    expect(first.consultation).toMatchObject({
      dispositionsPublishedAt: "2026-10-03T08:00:00.000Z",
      introductionNote: "Circulated for lack of time.",
      introductionParagraphs: { received: "Comments came from six States.", presentation: "" },
    });

    const other = await freshInstance();
    // Secretariat accounts are never created from a file: the officer has one there already.
    const officer = first.users.find((u) => u.role === "secretariat")!;
    await other.insert(schema.users).values({
      email: officer.email,
      name: officer.name,
      role: "secretariat",
      language: officer.language,
      timeZone: officer.timeZone,
      passwordHash: "kept-as-it-was",
    });
    // The chair's account and access are created only as previewed and confirmed.
    const plan = await previewImport(other, JSON.parse(text));
    expect(plan.accounts).toEqual([
      { email: "chair@nonpaper.test", name: expect.any(String), role: "chair", delegation: null, delegationNames: null, language: "en" },
    ]);
    expect(plan.chairs).toEqual([{ email: "chair@nonpaper.test", name: expect.any(String), existing: false }]);
    const result = await importConsultation(other, JSON.parse(text), { actorId: null, confirmation: plan.confirmation });
    expect(result).toEqual({
      consultationId: c.consultationId,
      remapped: false,
      receiptPrefix: first.consultation.receiptPrefix,
      title: first.consultation.title,
    });
    const second = (await exportConsultation(other, c.consultationId, { exportedAt: EXPORTED_AT }))!;
    expect(serializeArchive(second)).toBe(text);

    expect(await rowCounts(other, c.consultationId)).toEqual(await rowCounts(db, c.consultationId));
    expect(await rowCounts(db, c.consultationId)).toMatchObject({ submissions: 7, reviews: 1, dispositions: 1, attachments: 1, documents: 1, chairs: 1 });
    // The chair was created there without a password; the officer's account is as it was.
    const created = await other.select({ email: schema.users.email, passwordHash: schema.users.passwordHash, role: schema.users.role }).from(schema.users);
    expect(created.map((u) => [u.email, u.passwordHash, u.role]).sort()).toEqual([
      ["chair@nonpaper.test", null, "chair"],
      ["secretariat@nonpaper.test", "kept-as-it-was", "secretariat"],
    ]);
    const [entry] = await other.select().from(schema.auditLog).where(eq(schema.auditLog.action, "consultation.import"));
    expect(entry).toMatchObject({
      consultationId: c.consultationId,
      entityId: c.consultationId,
      details: { remapped: false, sourceConsultationId: c.consultationId },
    });
  });

  it("an import into the same instance gets new ids, consistently, and a receipt prefix of its own", async () => {
    const c = await richConsultation();
    const db = await getDb();
    const original = (await exportConsultation(db, c.consultationId, { exportedAt: EXPORTED_AT }))!;
    const officer = await userByEmail("secretariat@nonpaper.test");
    const [usersBefore] = await db.select({ n: count() }).from(schema.users);
    // The chair is given access to the copy: confirmed from the preview.
    const plan = await previewImport(db, JSON.parse(serializeArchive(original)));
    expect(plan).toMatchObject({ remapped: true, accounts: [], chairs: [{ email: "chair@nonpaper.test", existing: true }] });
    const result = await importConsultation(db, JSON.parse(serializeArchive(original)), { actorId: officer.id, confirmation: plan.confirmation });
    expect(result.remapped).toBe(true);
    expect(result.consultationId).not.toBe(c.consultationId);
    expect(result.receiptPrefix).toBe(`${original.consultation.receiptPrefix}-2`);
    const [usersAfter] = await db.select({ n: count() }).from(schema.users);
    expect(usersAfter!.n).toBe(usersBefore!.n);
    expect(await rowCounts(db, result.consultationId)).toEqual(await rowCounts(db, c.consultationId));

    const copy = (await exportConsultation(db, result.consultationId, { exportedAt: EXPORTED_AT }))!;
    // Same content modulo ids: every id replaced, in both files, by its order of first appearance.
    const normalise = (archive: Archive) => {
      const seen = new Map<string, string>();
      // Receipts are compared apart: the copy's start with its own prefix.
      const withoutReceipts = {
        ...archive,
        consultation: { ...archive.consultation, receiptPrefix: "PREFIX" },
        submissions: archive.submissions.map((s) => ({ ...s, revisions: s.revisions.map((r) => ({ ...r, receiptNumber: "RECEIPT" })) })),
      };
      const text = serializeArchive(withoutReceipts).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        if (!seen.has(id)) seen.set(id, `id-${seen.size}`);
        return seen.get(id)!;
      });
      return JSON.parse(text);
    };
    const left = normalise(original);
    const right = normalise(copy);
    // The meeting is shared, not copied.
    expect(copy.meeting.id).toBe(original.meeting.id);
    expect(right.submissions.length).toBe(left.submissions.length);
    expect(right).toEqual(left);
    // Nothing of the original points into the copy.
    const copyText = serializeArchive(copy);
    for (const item of original.agendaItems) expect(copyText).not.toContain(item.id);
    for (const s of original.submissions) expect(copyText).not.toContain(s.id);
    const receipts = (archive: Archive) => archive.submissions.flatMap((s) => s.revisions.map((r) => r.receiptNumber));
    expect(receipts(copy)).toEqual(receipts(original).map((n) => result.receiptPrefix + n.slice(original.consultation.receiptPrefix.length)));
    expect(receipts(copy).every((n) => n.startsWith(`${result.receiptPrefix}-`))).toBe(true);
  });

  it("reads the export in a fixed number of queries, however many comments", async () => {
    const db = await getDb();
    const small = await crpConsultation({ delegations: ["PER"] });
    await addRevision(small, "PER", { language: "es", comments: [{ key: "g", kind: "general", item: "2", body: "Uno." }] });
    const large = await richConsultation();
    for (const code of ["ARG", "BRA", "CAN", "DEU", "EGY", "IND", "JPN", "KEN", "NGA", "ZAF"]) {
      await db.insert(schema.registrations).values({ consultationId: large.consultationId, delegationId: await delegationIdOf(code) });
      await addRevision(large, code, {
        language: "fr",
        comments: Array.from({ length: 30 }, (_, i) => ({
          key: `k${i}`,
          kind: "point" as const,
          item: "2",
          point: "2(a)",
          body: `Commentaire ${i}.`,
          translation: { status: "final" as const, body: `Comment ${i}.` },
        })),
      });
    }
    const a = await countQueries(() => exportConsultation(db, small.consultationId));
    const b = await countQueries(() => exportConsultation(db, large.consultationId));
    expect(b.result!.submissions.flatMap((s) => s.revisions.flatMap((r) => r.comments)).length).toBeGreaterThan(300);
    expect(b.queries).toBe(a.queries);
    // One query per table of the archive (dispositions added the eighteenth; groups with their
    // members, coordinators, co-sponsors and alignments four more), never one per row.
    expect(b.queries).toBeLessThanOrEqual(22);
  });
});

describe("a tampered archive", () => {
  // One instance for every refusal: none of them may write anything to it.
  let target: Promise<Database> | null = null;

  async function refusal(tamper: (archive: Archive) => void) {
    const c = await richConsultation();
    const db = await getDb();
    const archive = JSON.parse(serializeArchive((await exportConsultation(db, c.consultationId))!)) as Archive;
    tamper(archive);
    const other = await (target ??= freshInstance().then(async (instance) => {
      // The officer has an account there (secretariat accounts are never created from a file).
      await instance.insert(schema.users).values({ email: "secretariat@nonpaper.test", name: "Officer", role: "secretariat" });
      return instance;
    }));
    const [before] = await other.select({ n: count() }).from(schema.consultations);
    const thrown = await importConsultation(other, archive).then(
      () => null,
      (error: unknown) => error,
    );
    const [after] = await other.select({ n: count() }).from(schema.consultations);
    const [users] = await other.select({ n: count() }).from(schema.users);
    expect(after!.n).toBe(before!.n);
    expect(users!.n).toBe(1);
    expect(thrown).toBeInstanceOf(ArchiveValidationError);
    return (thrown as ArchiveValidationError).problems;
  }

  it("of an unknown version is refused before anything else", async () => {
    const problems = await refusal((a) => ((a as { version: number }).version = 4));
    expect(problems).toEqual([
      { path: "version", code: "version", message: expect.stringContaining("version 4 is not supported"), values: { version: "4", supported: 3 } },
    ]);
  });

  it("with a missing field names it", async () => {
    const problems = await refusal((a) => delete (a.consultation as Partial<Archive["consultation"]>).title);
    expect(problems.map((p) => p.path)).toEqual(["consultation.title"]);
  });

  it("with an unknown delegation code names it", async () => {
    const problems = await refusal((a) => (a.registrations[1]!.delegation = "ZZZ"));
    expect(problems).toEqual([
      { path: "registrations[1].delegation", code: "unknownDelegation", message: "no delegation with the code ZZZ in this instance", values: { code: "ZZZ" } },
    ]);
  });

  it("with a comment on an unknown point names it", async () => {
    const problems = await refusal((a) => {
      const s = a.submissions.find((x) => x.delegation === "PER")!;
      s.revisions[0]!.comments.find((x) => x.kind === "point")!.pointId = "00000000-0000-4000-8000-000000000000";
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toMatch(/^submissions\[\d\]\.revisions\[0\]\.comments\[\d\]\.pointId$/);
    expect(problems[0]!.message).toContain("no discussion point");
  });
});
