// Joint submissions and alignment (issue 19), on PGlite and PostgreSQL: a submission on behalf of a
// group by its coordinator only, the receipt that names the group, co-sponsors who confirm, decline
// and withdraw (only a confirmed one counts), alignment before and after the deadline (an extension
// counts), its withdrawal, receipt numbers unique and gap-free with the submissions', the pages'
// guards, and the denials: an unregistered delegation, another consultation, one's own submission.
import { randomBytes } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseReceiptNumber } from "~/lib/receipts";
import { getJointFacts } from "~/models/joint-speaker.server";
import {
  alignWith,
  answerInvitation,
  getAlignmentReceipt,
  getAlignmentsPage,
  getJointPage,
  inviteCosponsor,
  removeCosponsor,
  setOnBehalf,
  withdrawAlignment,
} from "~/models/joint.server";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission, withdrawSubmission } from "~/models/submission-submit.server";
import type { SessionUser } from "~/models/user.server";
import AlignmentsPage, { action as alignmentsAction, loader as alignmentsLoader } from "~/routes/consultations.$consultationId.alignments";
import AlignmentReceiptPage, { loader as alignmentReceiptLoader } from "~/routes/consultations.$consultationId.alignments_.$receiptNumber";
import JointPage, { action as jointAction, loader as jointLoader } from "~/routes/consultations.$consultationId.submission_.joint";
import ReceiptPage, { loader as receiptLoader } from "~/routes/consultations.$consultationId.submission_.receipts.$revisionNumber";
import { loader as revisionLoader } from "~/routes/consultations.$consultationId.submissions_.$delegationCode.$revisionNumber";
import { getDb, schema } from "~/utils/db.server";
import { BASE_URL, createDelegate, outcome, requestAs, statusOf } from "./helpers";
import { noticeOf } from "./notices";
import { renderRoute } from "./render-route";
import { anotherDelegate, countQueries, delegationIdOf, openConsultation, setDeadline, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const HOUR = 3_600_000;
const context = { clientAddress: "127.0.0.1" };
const REGISTERED = ["EGY", "MAR", "PER", "FRA", "CHN", "USA"];
let keyCounter = 0;
const key = () => `joint-key-${Date.now()}-${keyCounter++}`;

type Open = Awaited<ReturnType<typeof openConsultation>>;

async function save(user: SessionUser, c: Open, body: string) {
  const page = await getSubmissionForDelegate(user, c.consultationId);
  const saved = await saveDraft(user, {
    consultationId: c.consultationId,
    baseDraftVersion: page!.draft.draftVersion,
    content: { language: "en", general: [{ agendaItemId: c.items["2"]!, body }], points: [] },
  });
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
}

async function submit(user: SessionUser, c: Open, body: string) {
  await save(user, c, body);
  const page = await getSubmissionForDelegate(user, c.consultationId);
  const result = await submitSubmission(user, {
    consultationId: c.consultationId,
    idempotencyKey: key(),
    draftVersion: page!.draft.draftVersion,
    baseUrl: BASE_URL,
  });
  if (!result.ok) throw new Error(`submit refused: ${JSON.stringify(result)}`);
  return result.receipt;
}

async function submissionIdOf(consultationId: string, code: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: schema.submissions.id })
    .from(schema.submissions)
    .where(and(eq(schema.submissions.consultationId, consultationId), eq(schema.submissions.delegationId, await delegationIdOf(code))));
  return row!.id;
}

/** A group of States inserted as the secretariat's pages would (the groups model is another's). */
async function insertGroup(options: { consultationId: string | null; members: string[]; coordinator?: { consultationId: string; code: string } }) {
  const db = await getDb();
  const [group] = await db
    .insert(schema.groups)
    .values({
      consultationId: options.consultationId,
      code: `T${randomBytes(3).toString("hex").toUpperCase()}`,
      kind: options.consultationId ? "ad_hoc" : "regional",
      nameAr: "مجموعة الدول الأفريقية",
      nameZh: "非洲国家组",
      nameEn: "Group of African States",
      nameFr: "Groupe des États d’Afrique",
      nameRu: "Группа африканских государств",
      nameEs: "Grupo de los Estados de África",
      articleFr: "le",
      articleEs: "el",
      membershipAsOf: "2026-01-01",
    })
    .returning({ id: schema.groups.id, code: schema.groups.code });
  const ids = await Promise.all(options.members.map(delegationIdOf));
  await db.insert(schema.groupMembers).values(ids.map((delegationId) => ({ groupId: group!.id, delegationId })));
  if (options.coordinator) {
    await db.insert(schema.groupCoordinators).values({
      consultationId: options.coordinator.consultationId,
      groupId: group!.id,
      delegationId: await delegationIdOf(options.coordinator.code),
    });
  }
  return group!;
}

async function auditOf(consultationId: string, action: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, action)));
}

async function outboxFor(dedupePrefix: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.notificationOutbox)
    .where(like(schema.notificationOutbox.dedupeKey, `${dedupePrefix}%`));
}

async function extendDeadline(consultationId: string, code: string, until: Date) {
  const db = await getDb();
  await db
    .update(schema.registrations)
    .set({ deadlineExtendedTo: until })
    .where(and(eq(schema.registrations.consultationId, consultationId), eq(schema.registrations.delegationId, await delegationIdOf(code))));
}

async function setStatus(consultationId: string, status: "open" | "closed") {
  const db = await getDb();
  await db.update(schema.consultations).set({ status }).where(eq(schema.consultations.id, consultationId));
}

const users = async () => ({
  egypt: await userByEmail("egypt@nonpaper.test"),
  morocco: await userByEmail("morocco@nonpaper.test"),
  peru: await userByEmail("peru@nonpaper.test"),
  france: await userByEmail("france@nonpaper.test"),
  china: await userByEmail("china@nonpaper.test"),
  usa: await userByEmail("usa@nonpaper.test"),
});

describe("on behalf of a group", () => {
  it("is the coordinator's choice only, before its first submission, and the receipt, its email and the revision view name the group", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const u = await users();
    const africa = await insertGroup({
      consultationId: null,
      members: ["EGY", "MAR", "TUN", "DZA"],
      coordinator: { consultationId: c.consultationId, code: "EGY" },
    });
    // A group of another consultation, even with a coordinator row here, is not this consultation's.
    const other = await openConsultation({ delegations: REGISTERED });
    const elsewhere = await insertGroup({
      consultationId: other.consultationId,
      members: ["EGY", "MAR"],
      coordinator: { consultationId: c.consultationId, code: "EGY" },
    });

    expect(await setOnBehalf(u.morocco, { consultationId: c.consultationId, groupId: africa.id })).toEqual({ ok: false, reason: "not_coordinator" });
    expect(await setOnBehalf(u.peru, { consultationId: c.consultationId, groupId: africa.id })).toEqual({ ok: false, reason: "not_coordinator" });
    expect(await setOnBehalf(u.egypt, { consultationId: c.consultationId, groupId: elsewhere.id })).toEqual({ ok: false, reason: "not_coordinator" });
    expect(await setOnBehalf(u.egypt, { consultationId: c.consultationId, groupId: "not-a-uuid" })).toEqual({ ok: false, reason: "not_coordinator" });
    // A refusal creates nothing: Morocco has no submission row.
    const db = await getDb();
    expect(await db.select().from(schema.submissions).where(eq(schema.submissions.consultationId, c.consultationId))).toEqual([]);

    const page = await getJointPage(u.egypt, c.consultationId);
    expect(page!.coordinated.map((g) => [g.id, g.memberCount])).toEqual([[africa.id, 4]]);
    expect(page!.can.onBehalf).toBe(true);
    expect((await getJointPage(u.morocco, c.consultationId))!.can.onBehalf).toBe(false);

    expect(await setOnBehalf(u.egypt, { consultationId: c.consultationId, groupId: africa.id, ipAddress: "127.0.0.1" })).toEqual({ ok: true, changed: true });
    expect(await setOnBehalf(u.egypt, { consultationId: c.consultationId, groupId: africa.id })).toEqual({ ok: true, changed: false });
    const [entry] = await auditOf(c.consultationId, "submission.on_behalf");
    expect(entry!.details).toEqual({ delegation: "EGY", group: africa.code, previous: null });
    expect((await getJointPage(u.egypt, c.consultationId))!.group).toMatchObject({ id: africa.id, nameEn: "Group of African States", memberCount: 4 });

    // The other delegate of the mission drafts and submits it: one submission of Egypt's, for the group.
    const egypt2 = await userByEmail("egypt2@nonpaper.test");
    const receipt = await submit(egypt2, c, "The Group of African States welcomes the points.");
    const emails = await outboxFor(`receipt:${receipt.revisionId}:`);
    expect(emails.map((m) => m.recipientEmail).sort()).toEqual(["egypt2@nonpaper.test", "egypt@nonpaper.test"]);
    for (const email of emails) expect(email.body).toContain("مجموعة الدول الأفريقية");

    // Once submitted, who it speaks for no longer changes.
    expect(await setOnBehalf(u.egypt, { consultationId: c.consultationId, groupId: null })).toEqual({ ok: false, reason: "already_submitted" });
    expect((await getJointPage(u.egypt, c.consultationId))!.can.onBehalf).toBe(false);

    const mine = await receiptLoader({
      request: await requestAs("egypt@nonpaper.test", `/consultations/${c.consultationId}/submission/receipts/1`),
      params: { consultationId: c.consultationId, revisionNumber: "1" },
      context,
    });
    expect(mine.joint.group).toMatchObject({ nameEn: "Group of African States", memberCount: 4 });
    const read = await revisionLoader({
      request: await requestAs("secretariat@nonpaper.test", `/consultations/${c.consultationId}/submissions/EGY/1`),
      params: { consultationId: c.consultationId, delegationCode: "EGY", revisionNumber: "1" },
      context,
    });
    expect(read.joint.group?.code).toBe(africa.code);
    // Peru's own receipt names Peru alone.
    await submit(u.peru, c, "Peru's comments.");
    const peru = await receiptLoader({
      request: await requestAs("peru@nonpaper.test", `/consultations/${c.consultationId}/submission/receipts/1`),
      params: { consultationId: c.consultationId, revisionNumber: "1" },
      context,
    });
    expect(peru.joint).toEqual({ group: null, cosponsors: [], aligned: [] });
  });

  it("may be set back to the delegation alone before submitting, and not after the deadline", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const { egypt } = await users();
    const africa = await insertGroup({
      consultationId: c.consultationId,
      members: ["EGY", "MAR"],
      coordinator: { consultationId: c.consultationId, code: "EGY" },
    });
    expect((await setOnBehalf(egypt, { consultationId: c.consultationId, groupId: africa.id })).ok).toBe(true);
    expect(await setOnBehalf(egypt, { consultationId: c.consultationId, groupId: null })).toEqual({ ok: true, changed: true });
    expect((await auditOf(c.consultationId, "submission.on_behalf")).map((a) => a.details)).toEqual(
      expect.arrayContaining([{ delegation: "EGY", group: null, previous: africa.code }]),
    );
    await setDeadline(c.consultationId, new Date(Date.now() - HOUR));
    expect(await setOnBehalf(egypt, { consultationId: c.consultationId, groupId: africa.id })).toEqual({ ok: false, reason: "deadline_passed" });
    // Its own extension counts.
    await extendDeadline(c.consultationId, "EGY", new Date(Date.now() + HOUR));
    expect(await setOnBehalf(egypt, { consultationId: c.consultationId, groupId: africa.id })).toEqual({ ok: true, changed: true });
  });
});

describe("co-sponsors", () => {
  it("are named by the submitter and count only once confirmed, until withdrawn; every step is audited", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const u = await users();
    const iceland = await createDelegate(`iceland-${Date.now()}@nonpaper.test`, "ISL");
    const submit1 = await submit(u.peru, c, "Peru and its co-sponsors.");
    expect(submit1.receiptNumber).toMatch(/-PER-\d{4}$/);
    const ids = { FRA: await delegationIdOf("FRA"), CHN: await delegationIdOf("CHN"), USA: await delegationIdOf("USA"), ISL: await delegationIdOf("ISL") };
    const invite = (code: keyof typeof ids) => inviteCosponsor(u.peru, { consultationId: c.consultationId, delegationId: ids[code], baseUrl: BASE_URL });

    expect(await invite("FRA")).toEqual({ ok: true, again: false });
    expect(await invite("CHN")).toEqual({ ok: true, again: false });
    expect(await invite("USA")).toEqual({ ok: true, again: false });
    expect(await invite("FRA")).toEqual({ ok: false, reason: "already_invited" });
    expect(await invite("ISL")).toEqual({ ok: false, reason: "not_registered" });
    expect(await inviteCosponsor(u.peru, { consultationId: c.consultationId, delegationId: await delegationIdOf("PER") })).toEqual({
      ok: false,
      reason: "self",
    });
    // An unregistered delegation's delegate reaches nothing.
    const icelander = await userByEmail(iceland.email);
    expect(await inviteCosponsor(icelander, { consultationId: c.consultationId, delegationId: ids.FRA })).toEqual({ ok: false, reason: "not_found" });

    // France's delegate is told, in French.
    const [invitation] = (await outboxFor("cosponsor:")).filter((m) => m.recipientEmail === "france@nonpaper.test");
    expect(invitation!.language).toBe("fr");
    expect(invitation!.subject).toContain("Pérou");

    const peruSubmission = await submissionIdOf(c.consultationId, "PER");
    const answer = (user: SessionUser, verb: "confirm" | "decline" | "withdraw") =>
      answerInvitation(user, { consultationId: c.consultationId, submissionId: peruSubmission, answer: verb });
    expect((await getJointPage(u.france, c.consultationId))!.invitations).toMatchObject([{ submissionId: peruSubmission, state: "invited", counts: true }]);
    expect(await answer(u.france, "confirm")).toEqual({ ok: true });
    expect(await answer(u.china, "decline")).toEqual({ ok: true });
    expect(await answer(u.china, "confirm")).toEqual({ ok: false, reason: "already_answered" });
    expect(await answer(u.morocco, "confirm")).toEqual({ ok: false, reason: "not_invited" });
    // Only the confirmed co-sponsor counts; the one that declined and the one not yet answered do not.
    const codes = async () => (await getJointFacts(c.consultationId, await delegationIdOf("PER"))).cosponsors.map((d) => d.code);
    expect(await codes()).toEqual(["FRA"]);
    const peruReceipt = await receiptLoader({
      request: await requestAs("peru@nonpaper.test", `/consultations/${c.consultationId}/submission/receipts/1`),
      params: { consultationId: c.consultationId, revisionNumber: "1" },
      context,
    });
    expect(peruReceipt.joint.cosponsors.map((d) => d.code)).toEqual(["FRA"]);
    expect((await getJointPage(u.peru, c.consultationId))!.cosponsors.map((x) => [x.delegation.code, x.state])).toEqual([
      ["FRA", "confirmed"],
      ["CHN", "declined"],
      ["USA", "invited"],
    ]);
    // A confirmation is France's to withdraw, not Peru's to remove.
    expect(await removeCosponsor(u.peru, { consultationId: c.consultationId, delegationId: ids.FRA })).toEqual({ ok: false, reason: "confirmed" });
    expect(await answer(u.france, "withdraw")).toEqual({ ok: true });
    expect(await answer(u.france, "withdraw")).toEqual({ ok: false, reason: "not_confirmed" });
    expect(await codes()).toEqual([]);

    // Peru may name France again, and take a pending or declined name off the list.
    expect(await invite("FRA")).toEqual({ ok: true, again: true });
    expect((await getJointPage(u.france, c.consultationId))!.invitations[0]!.state).toBe("invited");
    expect(await removeCosponsor(u.peru, { consultationId: c.consultationId, delegationId: ids.CHN })).toEqual({ ok: true });
    expect(await removeCosponsor(u.peru, { consultationId: c.consultationId, delegationId: ids.CHN })).toEqual({ ok: false, reason: "not_invited" });

    // Another consultation's page does not reach this invitation.
    const other = await openConsultation({ delegations: REGISTERED });
    expect(await answerInvitation(u.france, { consultationId: other.consultationId, submissionId: peruSubmission, answer: "confirm" })).toEqual({
      ok: false,
      reason: "not_invited",
    });

    // After the deadline nobody answers, unless its own deadline was extended.
    await setDeadline(c.consultationId, new Date(Date.now() - HOUR));
    expect(await answer(u.france, "confirm")).toEqual({ ok: false, reason: "deadline_passed" });
    expect(await invite("CHN")).toEqual({ ok: false, reason: "deadline_passed" });
    await extendDeadline(c.consultationId, "FRA", new Date(Date.now() + HOUR));
    expect(await answer(u.france, "confirm")).toEqual({ ok: true });
    expect(await codes()).toEqual(["FRA"]);
    await setStatus(c.consultationId, "closed");
    expect(await answer(u.france, "withdraw")).toEqual({ ok: false, reason: "not_open" });

    const actions = ["cosponsor.invite", "cosponsor.confirm", "cosponsor.decline", "cosponsor.withdraw", "cosponsor.remove"];
    const counts = await Promise.all(actions.map(async (action) => (await auditOf(c.consultationId, action)).length));
    expect(Object.fromEntries(actions.map((action, i) => [action, counts[i]]))).toEqual({
      "cosponsor.invite": 4,
      "cosponsor.confirm": 2,
      "cosponsor.decline": 1,
      "cosponsor.withdraw": 1,
      "cosponsor.remove": 1,
    });
    const [confirmEntry] = await auditOf(c.consultationId, "cosponsor.confirm");
    expect(confirmEntry!.details).toEqual({ delegation: "FRA", submitter: "PER" });
    expect(confirmEntry!.actorId).toBe(u.france.id);
  });

  it("may be named before the submitter drafts anything", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const { usa } = await users();
    expect(await inviteCosponsor(usa, { consultationId: c.consultationId, delegationId: await delegationIdOf("FRA") })).toEqual({ ok: true, again: false });
    expect((await getSubmissionForDelegate(usa, c.consultationId))!.submissionStatus).toBe("draft");
  });
});

describe("alignment", () => {
  async function scenario() {
    const c = await openConsultation({ delegations: REGISTERED });
    const u = await users();
    const africa = await insertGroup({ consultationId: null, members: ["EGY", "MAR", "TUN"], coordinator: { consultationId: c.consultationId, code: "EGY" } });
    await setOnBehalf(u.egypt, { consultationId: c.consultationId, groupId: africa.id });
    const egyptReceipt = await submit(u.egypt, c, "On behalf of the Group of African States.");
    const peruReceipt = await submit(u.peru, c, "Peru's own comments.");
    await save(u.usa, c, "A draft that was never sent.");
    return {
      c,
      u,
      africa,
      receipts: [egyptReceipt.receiptNumber, peruReceipt.receiptNumber],
      egypt: await submissionIdOf(c.consultationId, "EGY"),
      peru: await submissionIdOf(c.consultationId, "PER"),
      usaDraft: await submissionIdOf(c.consultationId, "USA"),
    };
  }

  it("is recorded with a receipt before the deadline, refused after it, and withdrawn before it", async () => {
    const { c, u, egypt, peru, usaDraft } = await scenario();
    const align = (user: SessionUser, submissionId: string) =>
      alignWith(user, { consultationId: c.consultationId, submissionId, baseUrl: BASE_URL, ipAddress: "127.0.0.1" });

    const first = await align(u.france, egypt);
    if (!first.ok) throw new Error(first.reason);
    expect(first.receiptNumber).toMatch(/-FRA-\d{4}$/);
    expect(await align(u.france, egypt)).toEqual({ ok: false, reason: "already_aligned" });
    // The delegation's receipt by email, in French, and its receipt page.
    const [email] = await outboxFor(`alignment:${first.receiptNumber}:`);
    expect(email!.recipientEmail).toBe("france@nonpaper.test");
    expect(email!.subject).toContain(first.receiptNumber);
    expect(email!.body).toContain("s’associe aux observations présentées par l’Égypte, au nom du Groupe des États d’Afrique");
    const receipt = await getAlignmentReceipt(u.france, { consultationId: c.consultationId, receiptNumber: first.receiptNumber });
    expect(receipt).toMatchObject({ receiptNumber: first.receiptNumber, state: "active", targetCounts: true, speaker: { group: { memberCount: 3 } } });
    expect(await getAlignmentReceipt(u.peru, { consultationId: c.consultationId, receiptNumber: first.receiptNumber })).toBeNull();
    const [created] = await auditOf(c.consultationId, "alignment.create");
    expect(created!.details).toMatchObject({ delegation: "FRA", receipt: first.receiptNumber, with: "EGY", again: false });

    // The page: who may be aligned with, and where France stands.
    const page = (await getAlignmentsPage(u.france, c.consultationId))!;
    expect(page.targets.map((t) => [t.speaker.delegation.nameEn, t.speaker.group?.memberCount ?? null, t.relation, t.canAlign, t.canWithdraw])).toEqual([
      ["Egypt", 3, "aligned", false, true],
      ["Peru", null, null, true, false],
    ]);
    expect(page.alignments).toMatchObject([{ receiptNumber: first.receiptNumber, state: "active", targetCounts: true }]);
    // The secretariat's view of Egypt's revision lists France among those aligned; Egypt's own receipt does not.
    expect((await getJointFacts(c.consultationId, await delegationIdOf("EGY"))).aligned.map((d) => d.code)).toEqual(["FRA"]);
    const officerView = await revisionLoader({
      request: await requestAs("secretariat@nonpaper.test", `/consultations/${c.consultationId}/submissions/EGY/1`),
      params: { consultationId: c.consultationId, delegationCode: "EGY", revisionNumber: "1" },
      context,
    });
    expect(officerView.joint.aligned.map((d) => d.code)).toEqual(["FRA"]);
    const egyptView = await receiptLoader({
      request: await requestAs("egypt@nonpaper.test", `/consultations/${c.consultationId}/submission/receipts/1`),
      params: { consultationId: c.consultationId, revisionNumber: "1" },
      context,
    });
    expect(egyptView.joint).toMatchObject({ group: { memberCount: 3 }, aligned: [] });

    expect(await withdrawAlignment(u.france, { consultationId: c.consultationId, submissionId: egypt })).toEqual({
      ok: true,
      receiptNumber: first.receiptNumber,
    });
    expect(await withdrawAlignment(u.france, { consultationId: c.consultationId, submissionId: egypt })).toEqual({ ok: false, reason: "not_aligned" });
    expect((await getJointFacts(c.consultationId, await delegationIdOf("EGY"))).aligned).toEqual([]);
    expect((await getAlignmentReceipt(u.france, { consultationId: c.consultationId, receiptNumber: first.receiptNumber }))!.state).toBe("withdrawn");
    expect(await outboxFor(`alignment-withdrawn:${first.receiptNumber}:`)).toHaveLength(1);
    expect(await auditOf(c.consultationId, "alignment.withdraw")).toHaveLength(1);

    // Aligned again: a new receipt.
    const again = await align(u.france, egypt);
    expect(again).toMatchObject({ ok: true, again: true });
    expect(again.ok && again.receiptNumber).not.toBe(first.receiptNumber);

    // A member of the group speaks through it, and may also align itself with its group's submission, as in the room.
    expect(await align(u.morocco, egypt)).toMatchObject({ ok: true });
    const moroccoPage = (await getAlignmentsPage(u.morocco, c.consultationId))!;
    expect(moroccoPage.targets.find((t) => t.speaker.delegation.nameEn === "Egypt")).toMatchObject({ relation: "aligned", canAlign: false, canWithdraw: true });
    expect(await withdrawAlignment(u.morocco, { consultationId: c.consultationId, submissionId: egypt })).toMatchObject({ ok: true });

    // The denials: one's own submission, a draft, an unregistered delegation.
    expect(await align(u.peru, peru)).toEqual({ ok: false, reason: "self" });
    expect(await align(u.china, usaDraft)).toEqual({ ok: false, reason: "not_submitted" });
    const iceland = await userByEmail((await createDelegate(`iceland-al-${Date.now()}@nonpaper.test`, "ISL")).email);
    expect(await align(iceland, peru)).toEqual({ ok: false, reason: "not_found" });
    expect(await getAlignmentsPage(iceland, c.consultationId)).toBeNull();
    // A submission of another consultation, named from this one (France is registered in both).
    const other = await openConsultation({ delegations: REGISTERED });
    expect(await alignWith(u.france, { consultationId: other.consultationId, submissionId: peru })).toEqual({ ok: false, reason: "not_found" });
    expect(await alignWith(u.france, { consultationId: c.consultationId, submissionId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    // A co-sponsor does not align with what it co-sponsors.
    await inviteCosponsor(u.peru, { consultationId: c.consultationId, delegationId: await delegationIdOf("CHN") });
    await answerInvitation(u.china, { consultationId: c.consultationId, submissionId: peru, answer: "confirm" });
    expect(await align(u.china, peru)).toEqual({ ok: false, reason: "cosponsor" });

    // After the deadline: refused, for aligning and for withdrawing; an extension counts.
    await setDeadline(c.consultationId, new Date(Date.now() - HOUR));
    expect(await align(u.usa, egypt)).toEqual({ ok: false, reason: "deadline_passed" });
    expect(await withdrawAlignment(u.france, { consultationId: c.consultationId, submissionId: egypt })).toEqual({ ok: false, reason: "deadline_passed" });
    expect((await getAlignmentsPage(u.usa, c.consultationId))!.can.change).toBe(false);
    await extendDeadline(c.consultationId, "USA", new Date(Date.now() + HOUR));
    expect(await align(u.usa, egypt)).toMatchObject({ ok: true });
    await setStatus(c.consultationId, "closed");
    expect(await align(u.usa, peru)).toEqual({ ok: false, reason: "not_open" });
  });

  it("is with a submission that counts: a withdrawn one is no longer offered, and its alignments say so", async () => {
    const { c, u, peru } = await scenario();
    expect((await alignWith(u.france, { consultationId: c.consultationId, submissionId: peru })).ok).toBe(true);
    expect((await withdrawSubmission(u.peru, { consultationId: c.consultationId })).ok).toBe(true);
    expect(await alignWith(u.china, { consultationId: c.consultationId, submissionId: peru })).toEqual({ ok: false, reason: "not_submitted" });
    const page = (await getAlignmentsPage(u.france, c.consultationId))!;
    expect(page.targets.map((t) => t.speaker.delegation.nameEn)).toEqual(["Egypt"]);
    expect(page.alignments).toMatchObject([{ state: "active", targetCounts: false }]);
  });

  it("takes its receipt numbers from the consultation's counter: unique and without gaps, with the submissions', even at the same moment", async () => {
    const { c, u, egypt, peru, receipts } = await scenario();
    const secondFrench = await anotherDelegate("FRA", "fr");
    // Two delegates of one mission align with the same submission at once: one alignment, one number.
    const twin = await Promise.all([
      alignWith(u.france, { consultationId: c.consultationId, submissionId: peru }),
      alignWith(secondFrench, { consultationId: c.consultationId, submissionId: peru }),
    ]);
    expect(twin.filter((r) => r.ok)).toHaveLength(1);
    expect(twin.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "already_aligned" }]);
    await alignWith(u.china, { consultationId: c.consultationId, submissionId: egypt });
    await submit(u.usa, c, "The United States' comments.");
    await withdrawAlignment(u.china, { consultationId: c.consultationId, submissionId: egypt });
    await alignWith(u.china, { consultationId: c.consultationId, submissionId: egypt });

    const db = await getDb();
    const revisions = await db
      .select({ receipt: schema.submissionRevisions.receiptNumber })
      .from(schema.submissionRevisions)
      .innerJoin(schema.submissions, eq(schema.submissions.id, schema.submissionRevisions.submissionId))
      .where(eq(schema.submissions.consultationId, c.consultationId));
    const alignments = await db
      .select({ receipt: schema.alignments.receiptNumber })
      .from(schema.alignments)
      .where(eq(schema.alignments.consultationId, c.consultationId));
    const [counter] = await db.select().from(schema.receiptCounters).where(eq(schema.receiptCounters.consultationId, c.consultationId));
    // Egypt, Peru, France, China, the United States, China again (its first number stays in the audit log).
    const inUse = [...revisions, ...alignments].map((r) => r.receipt);
    expect(receipts.every((r) => inUse.includes(r))).toBe(true);
    const issued = [...inUse, ...(await auditOf(c.consultationId, "alignment.create")).map((a) => (a.details as { receipt: string }).receipt)];
    const sequences = [...new Set(issued)].map((r) => parseReceiptNumber(r)!.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: counter!.lastNumber }, (_, i) => i + 1));
    expect(new Set(inUse).size).toBe(inUse.length);
    expect(counter!.lastNumber).toBe(6);
  });

  it("reads its page in a bounded number of queries, however many submissions and alignments", async () => {
    const { c, u, egypt, peru } = await scenario();
    const few = await countQueries(() => getAlignmentsPage(u.china, c.consultationId));
    const joint = await countQueries(() => getJointPage(u.china, c.consultationId));
    await alignWith(u.china, { consultationId: c.consultationId, submissionId: egypt });
    await alignWith(u.china, { consultationId: c.consultationId, submissionId: peru });
    await submit(u.usa, c, "More.");
    await inviteCosponsor(u.china, { consultationId: c.consultationId, delegationId: await delegationIdOf("FRA") });
    expect((await countQueries(() => getAlignmentsPage(u.china, c.consultationId))).queries).toBe(few.queries);
    expect((await countQueries(() => getJointPage(u.china, c.consultationId))).queries).toBe(joint.queries);
    expect(few.queries).toBeLessThanOrEqual(3);
    expect(joint.queries).toBeLessThanOrEqual(6);
  });
});

describe("the pages", () => {
  const jointPath = (id: string) => `/consultations/${id}/submission/joint`;
  const alignPath = (id: string) => `/consultations/${id}/alignments`;

  it("are the delegation's own: 404 to the secretariat, the chairs, an unregistered delegation and a bad id", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const iceland = await createDelegate(`iceland-pages-${Date.now()}@nonpaper.test`, "ISL");
    for (const email of ["secretariat@nonpaper.test", "chair@nonpaper.test", iceland.email]) {
      for (const [loader, path] of [
        [jointLoader, jointPath(c.consultationId)],
        [alignmentsLoader, alignPath(c.consultationId)],
      ] as const) {
        const result = await outcome(async () => loader({ request: await requestAs(email, path), params: { consultationId: c.consultationId }, context }));
        expect(statusOf((result as { thrown: unknown }).thrown), `${email} ${path}`).toBe(404);
      }
    }
    const bad = await outcome(async () =>
      jointLoader({ request: await requestAs("peru@nonpaper.test", jointPath("x")), params: { consultationId: "x" }, context }),
    );
    expect(statusOf((bad as { thrown: unknown }).thrown)).toBe(404);
    const noReceipt = await outcome(async () =>
      alignmentReceiptLoader({
        request: await requestAs("peru@nonpaper.test", `${alignPath(c.consultationId)}/NOPE`),
        params: { consultationId: c.consultationId, receiptNumber: "NOPE" },
        context,
      }),
    );
    expect(statusOf((noReceipt as { thrown: unknown }).thrown)).toBe(404);
  });

  it("post each intent to the model and come back with a one-time notice, or the refusal's message", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const u = await users();
    await submit(u.peru, c, "Peru.");
    const peru = await submissionIdOf(c.consultationId, "PER");
    const post = async (email: string, path: string, run: typeof jointAction | typeof alignmentsAction, fields: Record<string, string>) =>
      outcome(async () =>
        run({
          request: await requestAs(email, path, { method: "POST", body: new URLSearchParams(fields) }),
          params: { consultationId: c.consultationId },
          context,
        }),
      );

    const aligned = await post("france@nonpaper.test", alignPath(c.consultationId), alignmentsAction, { intent: "align", submissionId: peru });
    const redirect = (aligned as { thrown: Response }).thrown;
    expect(redirect.status).toBe(302);
    const notice = await noticeOf(redirect);
    expect(notice).toMatchObject({ kind: "alignment.notice", notice: "aligned" });
    expect(await getAlignmentsPage(u.france, c.consultationId).then((p) => p!.alignments.length)).toBe(1);
    // The same again: the refusal's message, 409, nothing written.
    const twice = (await post("france@nonpaper.test", alignPath(c.consultationId), alignmentsAction, { intent: "align", submissionId: peru })) as {
      value: { data: { error: string }; init: { status: number } };
    };
    expect(twice.value.init.status).toBe(409);
    expect(twice.value.data.error).toBe("submissions:alignment.errors.already_aligned");
    // A forged field: "the form could not be read".
    const forged = (await post("france@nonpaper.test", alignPath(c.consultationId), alignmentsAction, { intent: "align", submissionId: "PER" })) as {
      value: { data: { error: string }; init: { status: number } };
    };
    expect(forged.value).toMatchObject({ init: { status: 400 }, data: { error: "common:errors.formUnreadable" } });

    const invited = await post("peru@nonpaper.test", jointPath(c.consultationId), jointAction, { intent: "invite", delegationId: await delegationIdOf("MAR") });
    expect(await noticeOf((invited as { thrown: Response }).thrown)).toMatchObject({ kind: "joint.notice", notice: "invited" });
    const confirmed = await post("morocco@nonpaper.test", jointPath(c.consultationId), jointAction, { intent: "confirm", submissionId: peru });
    expect(await noticeOf((confirmed as { thrown: Response }).thrown)).toMatchObject({ kind: "joint.notice", notice: "confirm" });
    const chosen = (await post("peru@nonpaper.test", jointPath(c.consultationId), jointAction, { intent: "invite", delegationId: "" })) as {
      value: { data: { error: string }; init: { status: number } };
    };
    expect(chosen.value.data.error).toBe("submissions:joint.errors.chooseDelegation");
    // The secretariat may not post here at all.
    const officer = await post("secretariat@nonpaper.test", jointPath(c.consultationId), jointAction, { intent: "confirm", submissionId: peru });
    expect(statusOf((officer as { thrown: unknown }).thrown)).toBe(404);

    const page = await jointLoader({
      request: await requestAs("morocco@nonpaper.test", jointPath(c.consultationId)),
      params: { consultationId: c.consultationId },
      context,
    });
    expect(page.invitations).toMatchObject([{ submissionId: peru, state: "confirmed" }]);
  });

  it("render who speaks, the choices and the receipts, in the reader's language", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const u = await users();
    const africa = await insertGroup({ consultationId: null, members: ["EGY", "MAR", "TUN"], coordinator: { consultationId: c.consultationId, code: "EGY" } });
    await setOnBehalf(u.egypt, { consultationId: c.consultationId, groupId: africa.id });
    await submit(u.peru, c, "Peru.");
    await inviteCosponsor(u.peru, { consultationId: c.consultationId, delegationId: await delegationIdOf("EGY") });
    const render = async (email: string, path: string, page: Parameters<typeof renderRoute>[0], loader: typeof jointLoader, language?: "ar" | "en") => {
      const params = { consultationId: c.consultationId, revisionNumber: "1", receiptNumber: path.split("/").pop()! };
      const data = await loader({ request: await requestAs(email, path), params, context });
      return renderRoute(page, { url: `http://x${path}`, loaderData: data, language });
    };

    const joint = await render("egypt@nonpaper.test", jointPath(c.consultationId), JointPage, jointLoader);
    expect(joint).toContain("Your delegation&#x27;s submission speaks on behalf of the <bdi>Group of African States</bdi>.");
    expect(joint).toContain("Group of African States (members: 3)");
    expect(joint).toContain("Name as co-sponsor");
    expect(joint).toContain("Invitations to co-sponsor");
    expect(joint).toMatch(/<th scope="row"[^>]*>Peru<\/th>/);
    expect(await render("egypt@nonpaper.test", jointPath(c.consultationId), JointPage, jointLoader, "ar")).toContain("مجموعة الدول الأفريقية");

    await submit(u.egypt, c, "On behalf of the group.");
    const egyptReceipt = await render("egypt@nonpaper.test", `/consultations/${c.consultationId}/submission/receipts/1`, ReceiptPage, receiptLoader as never);
    expect(egyptReceipt).toContain("Egypt on behalf of the Group of African States");
    expect(egyptReceipt).toContain("Members of the group");

    const alignments = await render("france@nonpaper.test", alignPath(c.consultationId), AlignmentsPage, alignmentsLoader as never);
    expect(alignments).toContain("Egypt on behalf of the Group of African States");
    expect(alignments).toContain("Align");
    const aligned = await alignWith(u.france, { consultationId: c.consultationId, submissionId: await submissionIdOf(c.consultationId, "EGY") });
    if (!aligned.ok) throw new Error(aligned.reason);
    const receipt = await render(
      "france@nonpaper.test",
      `${alignPath(c.consultationId)}/${aligned.receiptNumber}`,
      AlignmentReceiptPage,
      alignmentReceiptLoader as never,
    );
    expect(receipt).toContain(aligned.receiptNumber);
    expect(receipt).toContain("<bdi>France</bdi> aligns itself with the comments submitted by <bdi>Egypt on behalf of the Group of African States</bdi>.");
  });
});
