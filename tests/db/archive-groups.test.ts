// The archive of a consultation with groups of States and the mission's own workflow (format
// version 3, issue 19), on PGlite and PostgreSQL: Egypt drafts on behalf of the Group of African
// States (a standing group it coordinates), its head of delegation clears and submits, the United
// States aligns with it; Peru speaks for an ad hoc group of the consultation, France confirms as
// co-sponsor and China declines; Algeria aligns with Peru and withdraws; China coordinates a
// standing group the other instance lacks; Egypt's registration has its focal point and a delegate
// limit. Exported, the file says all of it; imported into a fresh instance, every fact comes back
// (the Group of African States found there by its code, not duplicated; the other standing group
// created), and the file exported there is the same but for the standing group's own id and dates.
// Imported again as a copy, every standing group is found; a version 1 or 2 file with these keys is
// refused; the export reads them in the same number of queries as a consultation without any
// (four tables more for every export, a group's members with the group), however large a group.
import { randomBytes } from "node:crypto";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";
import { seedDatabase } from "../../db/seed";
import { serializeArchive, type Archive } from "~/lib/archive-schema";
import { ArchiveValidationError, exportConsultation, importConsultation, previewImport } from "~/models/archive.server";
import { requestClearance, setApprover, setMissionClearance } from "~/models/clearance.server";
import { createGroup, setGroupCoordinator } from "~/models/group.server";
import { alignWith, answerInvitation, inviteCosponsor, setOnBehalf, withdrawAlignment } from "~/models/joint.server";
import { setDelegateLimit, setFocalPoint } from "~/models/registration.server";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission } from "~/models/submission-submit.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";
import { BASE_URL } from "./helpers";
import { anotherDelegate, countQueries, delegationIdOf, openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const EXPORTED_AT = new Date("2026-12-01T10:00:00.000Z");
const REGISTERED = ["EGY", "MAR", "DZA", "PER", "FRA", "USA", "CHN"];
const opened: { handle: DatabaseHandle; drop?: () => Promise<void> }[] = [];
let keyCounter = 0;

afterAll(async () => {
  for (const { handle, drop } of opened) {
    await handle.close();
    await drop?.();
  }
});

/** A second, empty instance with the delegations, the standing groups and the secretariat officer (as archive.test.ts makes one). */
async function freshInstance(): Promise<Database> {
  const templateUrl = inject("templateDatabaseUrl");
  const adminUrl = inject("adminDatabaseUrl");
  let handle: DatabaseHandle;
  if (templateUrl && adminUrl) {
    const template = new URL(templateUrl);
    const name = `${template.pathname.slice(1).replace(/_template$/, "")}_groups_${randomBytes(4).toString("hex")}`;
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

type Open = Awaited<ReturnType<typeof openConsultation>>;

async function draft(user: SessionUser, c: Open, body: string): Promise<number> {
  const page = await getSubmissionForDelegate(user, c.consultationId);
  const saved = await saveDraft(user, {
    consultationId: c.consultationId,
    baseDraftVersion: page!.draft.draftVersion,
    content: { language: "en", general: [{ agendaItemId: c.items["2"]!, body }], points: [], proposals: [] },
  });
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
  return saved.draftVersion;
}

async function submit(user: SessionUser, c: Open, draftVersion: number) {
  const result = await submitSubmission(user, {
    consultationId: c.consultationId,
    idempotencyKey: `archive-groups-${Date.now()}-${keyCounter++}`,
    draftVersion,
    baseUrl: BASE_URL,
  });
  if (!result.ok) throw new Error(`submit refused: ${JSON.stringify(result)}`);
  return result.receipt.receiptNumber;
}

const ok = (result: { ok: boolean }) => expect(result, JSON.stringify(result)).toMatchObject({ ok: true });

async function submissionIdOf(consultationId: string, code: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: schema.submissions.id })
    .from(schema.submissions)
    .where(and(eq(schema.submissions.consultationId, consultationId), eq(schema.submissions.delegationId, await delegationIdOf(code))));
  return row!.id;
}

const NAMES = { nameFr: "", nameEs: "", nameRu: "", nameZh: "", nameAr: "", articleFr: null, articleEs: null };

/** The consultation described at the top of the file, made through the models as the pages would. */
async function jointConsultation() {
  const db = await getDb();
  const officer = await userByEmail(OFFICER);
  const c = await openConsultation({ delegations: REGISTERED, receiptPrefix: `GRP-${randomBytes(2).toString("hex").toUpperCase()}` });
  const input = { consultationId: c.consultationId };
  const [african] = await db
    .select({ id: schema.groups.id })
    .from(schema.groups)
    .where(and(isNull(schema.groups.consultationId), eq(schema.groups.code, "AFRICAN")));
  ok(await setGroupCoordinator(officer, { ...input, groupId: african!.id, delegationId: await delegationIdOf("EGY") }));

  // A group of the consultation's own, and a standing group of this instance only.
  const own = await createGroup(officer, {
    ...NAMES,
    nameEn: "Friends of the Pacific",
    nameEs: "Amigos del Pacífico",
    articleEs: "los",
    consultationId: c.consultationId,
    kind: "ad_hoc",
    membershipAsOf: "2026-11-01",
    memberIds: [await delegationIdOf("PER"), await delegationIdOf("FRA"), await delegationIdOf("USA")],
  });
  if (!own.ok) throw new Error(JSON.stringify(own));
  ok(await setGroupCoordinator(officer, { ...input, groupId: own.id, delegationId: await delegationIdOf("PER") }));
  const local = await createGroup(officer, {
    ...NAMES,
    nameEn: `Local caucus ${randomBytes(3).toString("hex")}`,
    consultationId: null,
    kind: "political",
    membershipAsOf: "2026-10-01",
    memberIds: [await delegationIdOf("CHN"), await delegationIdOf("RUS")],
  });
  if (!local.ok) throw new Error(JSON.stringify(local));
  ok(await setGroupCoordinator(officer, { ...input, groupId: local.id, delegationId: await delegationIdOf("CHN") }));

  // Egypt: a mission that requires clearance; its drafter writes for the African Group, the head of delegation clears and submits.
  const drafter = await anotherDelegate("EGY", "ar");
  const head = await anotherDelegate("EGY", "en");
  ok(await setApprover(officer, { userId: head.id, approver: true }));
  ok(await setMissionClearance(officer, { delegationId: await delegationIdOf("EGY"), required: true }));
  ok(await setFocalPoint(officer, { ...input, delegationId: await delegationIdOf("EGY"), focalPointId: head.id }));
  ok(await setDelegateLimit(officer, { ...input, delegationId: await delegationIdOf("EGY"), delegateLimit: 4 }));
  ok(await setOnBehalf(drafter, { ...input, groupId: african!.id }));
  const egyptVersion = await draft(drafter, c, "Egypt, on behalf of the Group of African States.");
  ok(await requestClearance(drafter, { ...input, draftVersion: egyptVersion }));
  const egyptReceipt = await submit(await userByEmail(head.email), c, egyptVersion);

  // Peru for its ad hoc group, France a confirmed co-sponsor, China a declined one.
  const peru = await anotherDelegate("PER", "es");
  const france = await anotherDelegate("FRA", "fr");
  const china = await anotherDelegate("CHN", "zh");
  ok(await setOnBehalf(peru, { ...input, groupId: own.id }));
  ok(await inviteCosponsor(peru, { ...input, delegationId: await delegationIdOf("FRA") }));
  ok(await inviteCosponsor(peru, { ...input, delegationId: await delegationIdOf("CHN") }));
  const peruReceipt = await submit(peru, c, await draft(peru, c, "Peru, on behalf of the Friends of the Pacific."));
  const peruSubmission = await submissionIdOf(c.consultationId, "PER");
  ok(await answerInvitation(france, { ...input, submissionId: peruSubmission, answer: "confirm" }));
  ok(await answerInvitation(china, { ...input, submissionId: peruSubmission, answer: "decline" }));

  // The United States aligns with Egypt's (and adds comments of its own); Algeria aligns with Peru's, then withdraws.
  const usa = await anotherDelegate("USA", "en");
  const algeria = await anotherDelegate("DZA", "ar");
  const aligned = await alignWith(usa, { ...input, submissionId: await submissionIdOf(c.consultationId, "EGY") });
  if (!aligned.ok) throw new Error(JSON.stringify(aligned));
  await submit(usa, c, await draft(usa, c, "The United States aligns itself and adds a word."));
  ok(await alignWith(algeria, { ...input, submissionId: peruSubmission }));
  ok(await withdrawAlignment(algeria, { ...input, submissionId: peruSubmission }));

  const archive = (await exportConsultation(db, c.consultationId, { exportedAt: EXPORTED_AT }))!;
  return {
    c,
    african: african!.id,
    own,
    local,
    drafter,
    head,
    egyptReceipt,
    peruReceipt,
    alignmentReceipt: aligned.receiptNumber,
    archive,
    text: serializeArchive(archive),
  };
}

/**
 * What the consultation says of groups and missions in one database, by codes and emails (ids are
 * each instance's): attribution, clearance, co-sponsors, alignments, coordinators, focal points.
 */
async function facts(db: Database, consultationId: string) {
  const s = schema;
  const d = alias(s.delegations, "d");
  const person = alias(s.users, "person");
  const person2 = alias(s.users, "person2");
  const [submissions, cosponsors, alignments, coordinators, registrations, groups] = await Promise.all([
    db
      .select({
        code: d.code,
        group: s.groups.code,
        requestedBy: person.email,
        requestedAt: s.submissions.clearanceRequestedAt,
        clearedDraftVersion: s.submissions.clearedDraftVersion,
        clearedBy: person2.email,
        clearedAt: s.submissions.clearedAt,
      })
      .from(s.submissions)
      .innerJoin(d, eq(d.id, s.submissions.delegationId))
      .leftJoin(s.groups, eq(s.groups.id, s.submissions.onBehalfOfGroupId))
      .leftJoin(person, eq(person.id, s.submissions.clearanceRequestedBy))
      .leftJoin(person2, eq(person2.id, s.submissions.clearedBy))
      .where(eq(s.submissions.consultationId, consultationId))
      .orderBy(d.code),
    db
      .select({
        submitter: s.delegations.code,
        cosponsor: d.code,
        confirmedBy: person.email,
        confirmedAt: s.submissionCosponsors.confirmedAt,
        withdrawnAt: s.submissionCosponsors.withdrawnAt,
      })
      .from(s.submissionCosponsors)
      .innerJoin(s.submissions, eq(s.submissions.id, s.submissionCosponsors.submissionId))
      .innerJoin(s.delegations, eq(s.delegations.id, s.submissions.delegationId))
      .innerJoin(d, eq(d.id, s.submissionCosponsors.delegationId))
      .leftJoin(person, eq(person.id, s.submissionCosponsors.confirmedBy))
      .where(eq(s.submissions.consultationId, consultationId))
      .orderBy(d.code),
    db
      .select({
        aligned: d.code,
        with: s.delegations.code,
        receipt: s.alignments.receiptNumber,
        by: person.email,
        alignedAt: s.alignments.alignedAt,
        withdrawnAt: s.alignments.withdrawnAt,
      })
      .from(s.alignments)
      .innerJoin(s.submissions, eq(s.submissions.id, s.alignments.submissionId))
      .innerJoin(s.delegations, eq(s.delegations.id, s.submissions.delegationId))
      .innerJoin(d, eq(d.id, s.alignments.delegationId))
      .leftJoin(person, eq(person.id, s.alignments.alignedBy))
      .where(eq(s.alignments.consultationId, consultationId))
      .orderBy(d.code),
    db
      .select({ group: s.groups.code, delegation: d.code })
      .from(s.groupCoordinators)
      .innerJoin(s.groups, eq(s.groups.id, s.groupCoordinators.groupId))
      .innerJoin(d, eq(d.id, s.groupCoordinators.delegationId))
      .where(eq(s.groupCoordinators.consultationId, consultationId))
      .orderBy(s.groups.code),
    db
      .select({ code: d.code, focalPoint: person.email, approver: person.approver, delegateLimit: s.registrations.delegateLimit })
      .from(s.registrations)
      .innerJoin(d, eq(d.id, s.registrations.delegationId))
      .leftJoin(person, eq(person.id, s.registrations.focalPointId))
      .where(eq(s.registrations.consultationId, consultationId))
      .orderBy(d.code),
    db
      .select({
        code: s.groups.code,
        standing: isNull(s.groups.consultationId),
        kind: s.groups.kind,
        nameEn: s.groups.nameEn,
        nameEs: s.groups.nameEs,
        member: d.code,
      })
      .from(s.groups)
      .innerJoin(s.groupMembers, eq(s.groupMembers.groupId, s.groups.id))
      .innerJoin(d, eq(d.id, s.groupMembers.delegationId))
      .where(eq(s.groups.consultationId, consultationId))
      .orderBy(s.groups.code, d.code),
  ]);
  return { submissions, cosponsors, alignments, coordinators, registrations, ownGroups: groups };
}

/** The members of the standing groups with these codes in one database. */
async function standingMembers(db: Database, codes: string[]) {
  const rows = await db
    .select({ code: schema.groups.code, member: schema.delegations.code })
    .from(schema.groups)
    .innerJoin(schema.groupMembers, eq(schema.groupMembers.groupId, schema.groups.id))
    .innerJoin(schema.delegations, eq(schema.delegations.id, schema.groupMembers.delegationId))
    .where(and(isNull(schema.groups.consultationId), inArray(schema.groups.code, codes)));
  return rows.map((r) => `${r.code} ${r.member}`).sort();
}

/** The file with each standing group named by its code instead of an instance's id, and without that instance's dates for it. */
function standingByCode(archive: Archive): string {
  let text = serializeArchive(archive);
  for (const g of archive.groups ?? []) if (g.standing) text = text.replaceAll(g.id, `standing:${g.code}`);
  const copy = JSON.parse(text) as Archive;
  for (const g of copy.groups ?? []) {
    if (!g.standing) continue;
    g.createdAt = "(here)";
    g.updatedAt = "(here)";
  }
  return serializeArchive(copy);
}

describe("a consultation with groups of States in the archive (version 3)", () => {
  it("says who spoke for whom, who cleared, who co-sponsored and aligned, and the missions' focal points", async () => {
    const { c, african, own, local, drafter, head, egyptReceipt, alignmentReceipt, archive, text } = await jointConsultation();
    expect(archive.version).toBe(3);
    const groups = archive.groups!;
    expect(groups.map((g) => [g.code, g.standing, g.kind, g.coordinator?.delegation])).toEqual([
      ["AFRICAN", true, "regional", "EGY"],
      [local.code, true, "political", "CHN"],
      [own.code, false, "ad_hoc", "PER"],
    ]);
    const africanEntry = groups[0]!;
    expect(africanEntry).toMatchObject({
      id: african,
      names: { en: "Group of African States", fr: "Groupe des États d'Afrique" },
      articles: { fr: "le", es: "el" },
      membershipAsOf: "2025-01-01",
      coordinator: { delegation: "EGY", assignedBy: OFFICER },
    });
    expect(africanEntry.members).toHaveLength(54);
    expect(africanEntry.members).toEqual([...africanEntry.members].sort());
    expect(groups[2]).toMatchObject({ names: { en: "Friends of the Pacific", es: "Amigos del Pacífico", fr: "" }, articles: { fr: null, es: "los" } });
    expect(groups[2]!.members).toEqual(["FRA", "PER", "USA"]);

    const submission = (code: string) => archive.submissions.find((s) => s.delegation === code)!;
    expect(submission("EGY")).toMatchObject({
      onBehalfOf: african,
      clearanceRequestedBy: drafter.email,
      clearedBy: head.email,
      clearedDraftVersion: submission("EGY").draftVersion,
    });
    expect(submission("EGY").revisions.map((r) => [r.receiptNumber, r.submittedBy])).toEqual([[egyptReceipt, head.email]]);
    expect(submission("EGY").alignments).toEqual([
      {
        id: expect.any(String),
        delegation: "USA",
        receiptNumber: alignmentReceipt,
        alignedBy: expect.any(String),
        alignedAt: expect.any(String),
        withdrawnAt: null,
      },
    ]);
    expect(submission("PER").onBehalfOf).toBe(own.id);
    expect(submission("PER").cosponsors!.map((x) => [x.delegation, x.confirmedAt !== null, x.withdrawnAt !== null])).toEqual([
      ["FRA", true, false],
      ["CHN", false, true],
    ]);
    expect(submission("PER").alignments!.map((a) => [a.delegation, a.withdrawnAt !== null])).toEqual([["DZA", true]]);
    // The United States' own comments are its own submission, on behalf of nobody, never cleared.
    expect(Object.keys(submission("USA")).filter((k) => /onBehalfOf|clear|cosponsors|alignments/.test(k))).toEqual([]);
    expect(archive.registrations.find((r) => r.delegation === "EGY")).toMatchObject({ focalPoint: head.email, delegateLimit: 4 });
    expect(archive.registrations.find((r) => r.delegation === "PER")).not.toHaveProperty("focalPoint");
    expect(archive.users.find((u) => u.email === head.email)).toMatchObject({ approver: true });
    expect(archive.users.find((u) => u.email === drafter.email)).not.toHaveProperty("approver");
    expect(text).toContain(`"onBehalfOf": "${african}"`);

    // As many queries as a consultation without any of it, however many members a group has.
    const db = await getDb();
    const plain = await openConsultation({ delegations: ["PER"] });
    const a = await countQueries(() => exportConsultation(db, plain.consultationId));
    const b = await countQueries(() => exportConsultation(db, c.consultationId));
    expect(b.queries).toBe(a.queries);
    const plainArchive = a.result!;
    expect(plainArchive).not.toHaveProperty("groups");
  });

  it("imported into a fresh instance: every fact restored, the African Group found there by its code, the other standing group created", async () => {
    const { c, local, head, text } = await jointConsultation();
    const db = await getDb();
    const other = await freshInstance();
    const [africanThere] = await other
      .select({ id: schema.groups.id })
      .from(schema.groups)
      .where(and(isNull(schema.groups.consultationId), eq(schema.groups.code, "AFRICAN")));

    const plan = await previewImport(other, JSON.parse(text));
    expect(plan.standingGroups).toEqual({ matched: ["AFRICAN"], created: [local.code] });
    expect(plan.accounts.find((a) => a.email === head.email)).toMatchObject({ role: "delegate", delegation: "EGY", approver: true });
    const result = await importConsultation(other, JSON.parse(text), { confirmation: plan.confirmation });
    expect(result).toMatchObject({ consultationId: c.consultationId, remapped: false, standingGroups: plan.standingGroups });

    // The same facts, by codes and emails.
    const here = await facts(db, c.consultationId);
    const there = await facts(other, c.consultationId);
    expect(there).toEqual(here);
    expect(there.submissions.find((s) => s.code === "EGY")).toMatchObject({ group: "AFRICAN", clearedBy: head.email });
    expect(there.registrations.find((r) => r.code === "EGY")).toEqual({ code: "EGY", focalPoint: head.email, approver: true, delegateLimit: 4 });
    expect(there.alignments.map((a) => [a.aligned, a.with, a.withdrawnAt !== null])).toEqual([
      ["DZA", "PER", true],
      ["USA", "EGY", false],
    ]);

    // One African Group there, the instance's own, now coordinated by Egypt; the other standing group created with its members.
    const african = await other
      .select({ id: schema.groups.id })
      .from(schema.groups)
      .where(and(isNull(schema.groups.consultationId), eq(schema.groups.code, "AFRICAN")));
    expect(african).toEqual([africanThere]);
    const [egypt] = await other
      .select({ group: schema.submissions.onBehalfOfGroupId })
      .from(schema.submissions)
      .where(and(eq(schema.submissions.consultationId, c.consultationId), eq(schema.submissions.delegationId, (await idOfCode(other, "EGY"))!)));
    expect(egypt!.group).toBe(africanThere!.id);
    expect(await standingMembers(other, [local.code, "AFRICAN"])).toEqual(await standingMembers(db, [local.code, "AFRICAN"]));

    // Exported there: the same file, but for the African Group's id and dates, which are that instance's.
    const again = (await exportConsultation(other, c.consultationId, { exportedAt: EXPORTED_AT }))!;
    expect(again.groups!.find((g) => g.code === "AFRICAN")!.id).toBe(africanThere!.id);
    expect(standingByCode(again)).toBe(standingByCode(JSON.parse(text) as Archive));
  });

  it("imported again as a copy: every standing group is found, the ad hoc group and the alignments' receipts are the copy's own", async () => {
    const { local, own, text } = await jointConsultation();
    const db = await getDb();
    const [standingBefore] = await db.select({ n: count() }).from(schema.groups).where(isNull(schema.groups.consultationId));
    const plan = await previewImport(db, JSON.parse(text));
    expect(plan).toMatchObject({ remapped: true, standingGroups: { matched: ["AFRICAN", local.code], created: [] } });
    const result = await importConsultation(db, JSON.parse(text), { confirmation: plan.confirmation });
    const [standingAfter] = await db.select({ n: count() }).from(schema.groups).where(isNull(schema.groups.consultationId));
    expect(standingAfter!.n).toBe(standingBefore!.n);

    const copy = await facts(db, result.consultationId);
    expect(copy.ownGroups.map((g) => `${g.code} ${g.member}`)).toEqual([`${own.code} FRA`, `${own.code} PER`, `${own.code} USA`]);
    const [ownCopy] = await db.select({ id: schema.groups.id }).from(schema.groups).where(eq(schema.groups.consultationId, result.consultationId));
    expect(ownCopy!.id).not.toBe(own.id);
    expect(copy.coordinators.map((x) => `${x.group} ${x.delegation}`)).toEqual(["AFRICAN EGY", `${own.code} PER`, `${local.code} CHN`].sort());
    expect(copy.alignments.every((a) => a.receipt.startsWith(`${result.receiptPrefix}-`))).toBe(true);
    expect(copy.submissions.find((s) => s.code === "PER")!.group).toBe(own.code);
  });

  it("refuses a version 1 or 2 file that holds version 3's keys, and writes nothing", async () => {
    const { text } = await jointConsultation();
    const other = await freshInstance();
    const [before] = await other.select({ n: count() }).from(schema.groups);
    for (const version of [1, 2] as const) {
      const thrown = await importConsultation(other, { ...(JSON.parse(text) as Archive), version }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(thrown).toBeInstanceOf(ArchiveValidationError);
      const problems = (thrown as ArchiveValidationError).problems;
      expect(problems).toContainEqual({
        path: "(the file)",
        code: "unknownKeys",
        message: `not in version ${version} of the format: groups`,
        values: { keys: "groups" },
      });
      expect(problems).toContainEqual(
        expect.objectContaining({ path: expect.stringMatching(/^submissions\[\d+\]$/), code: "unknownKeys", message: expect.stringContaining("onBehalfOf") }),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({ path: expect.stringMatching(/^registrations\[\d+\]$/), values: { keys: "focalPoint, delegateLimit" } }),
      );
    }
    const [after] = await other.select({ n: count() }).from(schema.groups);
    expect(after!.n).toBe(before!.n);
  });
});

async function idOfCode(db: Database, code: string) {
  const [row] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, code));
  return row?.id;
}
