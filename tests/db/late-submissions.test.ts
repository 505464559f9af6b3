import { and, count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { formatInstant } from "~/lib/dates";
import { getRevision, getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitOnBehalf, submitSubmission, withdrawSubmission } from "~/models/submission-submit.server";
import { decideLateSubmission, extendDeadline, listSubmissionsForSecretariat } from "~/models/submission-secretariat.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";
import { BASE_URL } from "./helpers";
import { countQueries, delegationIdOf, openConsultation, setDeadline, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const HOUR = 3_600_000;
let keyCounter = 0;
const key = () => `late-key-${Date.now()}-${keyCounter++}`;

type Open = Awaited<ReturnType<typeof openConsultation>>;
const content = (c: Open, body: string, language = "es") => ({
  language,
  general: [{ agendaItemId: c.items["2"]!, body }],
  points: [{ pointId: c.points["2(a)"]!, body: `${body} (a)` }],
});

async function save(user: SessionUser, consultationId: string, body: unknown) {
  const page = await getSubmissionForDelegate(user, consultationId);
  const saved = await saveDraft(user, { consultationId, baseDraftVersion: page!.draft.draftVersion, content: body });
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
  return saved;
}

async function submit(user: SessionUser, consultationId: string) {
  const page = await getSubmissionForDelegate(user, consultationId);
  return submitSubmission(user, { consultationId, idempotencyKey: key(), draftVersion: page!.draft.draftVersion, baseUrl: BASE_URL, ipAddress: "127.0.0.1" });
}

/**
 * Peru submits on time, then revises after the deadline; Morocco saves a draft on time and
 * submits only after the deadline.
 */
async function pastDeadlineWithSubmissions() {
  const c = await openConsultation();
  const peru = await userByEmail("peru@nonpaper.test");
  const morocco = await userByEmail("morocco@nonpaper.test");
  await save(peru, c.consultationId, content(c, "A tiempo."));
  const onTime = await submit(peru, c.consultationId);
  await save(peru, c.consultationId, content(c, "Revisión tardía."));
  await save(morocco, c.consultationId, content(c, "تعليق المغرب.", "ar"));
  const deadline = new Date(Date.now() - HOUR);
  await setDeadline(c.consultationId, deadline);
  const peruLate = await submit(peru, c.consultationId);
  const moroccoLate = await submit(morocco, c.consultationId);
  if (!onTime.ok || !peruLate.ok || !moroccoLate.ok) throw new Error("submit refused");
  return { c, peru, morocco, deadline, onTime: onTime.receipt, peruLate: peruLate.receipt, moroccoLate: moroccoLate.receipt };
}

async function auditOf(consultationId: string, action: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, action)));
}

describe("after the deadline", () => {
  it("the draft is read-only, and a submission is held as late for the secretariat", async () => {
    const { c, peru, morocco, deadline, onTime, peruLate, moroccoLate } = await pastDeadlineWithSubmissions();
    expect(onTime.late).toBeNull();
    expect(peruLate).toMatchObject({ late: "pending", revisionNumber: 2 });
    expect(moroccoLate).toMatchObject({ late: "pending", revisionNumber: 1 });
    expect(moroccoLate.deadline).toEqual(deadline);

    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.deadline.passed).toBe(true);
    expect(page!.can).toEqual({ edit: false, submit: true, submitIsLate: true, withdraw: false });
    // The on-time revision still counts until the secretariat accepts the late one.
    expect(page!.revisions.map((r) => [r.revisionNumber, r.state])).toEqual([
      [2, "pending"],
      [1, "current"],
    ]);

    const versionBefore = page!.draft.draftVersion;
    expect(await saveDraft(morocco, { consultationId: c.consultationId, baseDraftVersion: 1, content: content(c, "بعد الموعد.", "ar") })).toEqual({
      ok: false,
      reason: "deadline_passed",
    });
    expect(await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: versionBefore, content: content(c, "Cambio.") })).toEqual({
      ok: false,
      reason: "deadline_passed",
    });
    expect((await getSubmissionForDelegate(peru, c.consultationId))!.draft.draftVersion).toBe(versionBefore);
    expect(await withdrawSubmission(peru, { consultationId: c.consultationId })).toEqual({ ok: false, reason: "deadline_passed" });

    // The receipt tells the mission it is held; the audit log says it was late.
    const db = await getDb();
    const [message] = await db
      .select()
      .from(schema.notificationOutbox)
      .where(
        and(
          like(schema.notificationOutbox.dedupeKey, `receipt:${moroccoLate.revisionId}:%`),
          eq(schema.notificationOutbox.recipientEmail, "morocco@nonpaper.test"),
        ),
      );
    expect(message!.language).toBe("ar");
    expect(message!.body).toContain(formatInstant(deadline, "ar", "Europe/Vienna"));
    expect(message!.subject).toContain(moroccoLate.receiptNumber);
    const audits = await auditOf(c.consultationId, "submission.submit");
    expect(audits.find((a) => a.entityId === moroccoLate.revisionId)!.details).toMatchObject({ late: true });
  });

  it("is decided by the server's clock, not by the page", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    await save(peru, c.consultationId, content(c, "Texto."));
    await setDeadline(c.consultationId, new Date(Date.now() - 1000));
    // Nothing the caller passes can make it on time: the input has no clock.
    const result = await submitSubmission(peru, {
      consultationId: c.consultationId,
      idempotencyKey: key(),
      draftVersion: 1,
      ...({ now: new Date(0), late: false, submittedAt: new Date(0) } as object),
    });
    expect(result).toMatchObject({ ok: true, receipt: { late: "pending" } });
  });
});

describe("the secretariat's decision on a late submission", () => {
  it("accepting makes it the delegation's current revision, with the reason logged and the mission told", async () => {
    const { c, peru, peruLate } = await pastDeadlineWithSubmissions();
    const officer = await userByEmail("secretariat@nonpaper.test");
    const decided = await decideLateSubmission(officer, {
      revisionId: peruLate.revisionId,
      decision: "accepted",
      reason: "  The mission reported a connection failure at 17:55.  ",
      ipAddress: "127.0.0.1",
      baseUrl: BASE_URL,
    });
    expect(decided).toEqual({ ok: true, receiptNumber: peruLate.receiptNumber, decision: "accepted" });
    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.revisions.map((r) => [r.revisionNumber, r.state])).toEqual([
      [2, "current"],
      [1, "superseded"],
    ]);
    expect(page!.revisions[0]).toMatchObject({ late: "accepted", lateReason: "The mission reported a connection failure at 17:55." });

    const [audit] = await auditOf(c.consultationId, "submission.late_decision");
    expect(audit).toMatchObject({ actorId: officer.id, entityId: peruLate.revisionId, ipAddress: "127.0.0.1" });
    expect(audit!.details).toMatchObject({
      decision: "accepted",
      reason: "The mission reported a connection failure at 17:55.",
      receipt: peruLate.receiptNumber,
    });
    const db = await getDb();
    const messages = await db
      .select()
      .from(schema.notificationOutbox)
      .where(like(schema.notificationOutbox.dedupeKey, `late:${peruLate.revisionId}:%`));
    expect(messages.map((m) => [m.recipientEmail, m.language])).toEqual([["peru@nonpaper.test", "es"]]);
    expect(messages[0]!.body).toContain("The mission reported a connection failure at 17:55.");
    expect(messages[0]!.subject).toContain(peruLate.receiptNumber);

    // Decided once only.
    expect(await decideLateSubmission(officer, { revisionId: peruLate.revisionId, decision: "declined", reason: "Changed my mind." })).toEqual({
      ok: false,
      reason: "not_pending",
    });
  });

  it("declining leaves the on-time revision as the one that counts", async () => {
    const { c, peru, morocco, peruLate, moroccoLate, onTime } = await pastDeadlineWithSubmissions();
    const officer = await userByEmail("secretariat@nonpaper.test");
    expect(await decideLateSubmission(officer, { revisionId: peruLate.revisionId, decision: "declined", reason: "Received three days late." })).toMatchObject({
      ok: true,
    });
    expect(await decideLateSubmission(officer, { revisionId: moroccoLate.revisionId, decision: "declined", reason: "Late." })).toMatchObject({ ok: true });
    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.revisions.map((r) => [r.receiptNumber, r.state])).toEqual([
      [peruLate.receiptNumber, "declined"],
      [onTime.receiptNumber, "current"],
    ]);
    expect((await getSubmissionForDelegate(morocco, c.consultationId))!.revisions.map((r) => r.state)).toEqual(["declined"]);
  });

  it("needs a reason, a real decision and a pending revision, and is for the secretariat only", async () => {
    const { c, peru, peruLate, onTime } = await pastDeadlineWithSubmissions();
    const officer = await userByEmail("secretariat@nonpaper.test");
    const db = await getDb();
    const decisionsBefore = await auditOf(c.consultationId, "submission.late_decision");
    expect(await decideLateSubmission(officer, { revisionId: peruLate.revisionId, decision: "accepted", reason: " \n " })).toEqual({
      ok: false,
      reason: "reason_required",
    });
    expect(await decideLateSubmission(officer, { revisionId: peruLate.revisionId, decision: "accepted", reason: "x".repeat(2_001) })).toEqual({
      ok: false,
      reason: "reason_too_long",
    });
    expect(await decideLateSubmission(officer, { revisionId: peruLate.revisionId, decision: "maybe" as "accepted", reason: "Why not." })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await decideLateSubmission(officer, { revisionId: onTime.revisionId, decision: "accepted", reason: "On time anyway." })).toEqual({
      ok: false,
      reason: "not_pending",
    });
    for (const revisionId of [UNKNOWN, "not-a-uuid"]) {
      expect(await decideLateSubmission(officer, { revisionId, decision: "accepted", reason: "x" })).toEqual({ ok: false, reason: "not_found" });
    }
    for (const user of [peru, await userByEmail("chair@nonpaper.test"), await userByEmail("morocco@nonpaper.test")]) {
      expect(await decideLateSubmission(user, { revisionId: peruLate.revisionId, decision: "accepted", reason: "Self-service." })).toEqual({
        ok: false,
        reason: "not_found",
      });
    }
    const [revision] = await db.select().from(schema.submissionRevisions).where(eq(schema.submissionRevisions.id, peruLate.revisionId));
    expect(revision).toMatchObject({ late: "pending", lateReason: null, lateDecidedBy: null });
    expect(await auditOf(c.consultationId, "submission.late_decision")).toEqual(decisionsBefore);
  });

  it("a newer late revision replaces an older one still pending", async () => {
    const { c, peru, peruLate } = await pastDeadlineWithSubmissions();
    const again = await submit(peru, c.consultationId);
    expect(again).toMatchObject({ ok: true, receipt: { late: "pending", revisionNumber: 3 } });
    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.revisions.map((r) => r.state)).toEqual(["pending", "superseded", "current"]);
    const officer = await userByEmail("secretariat@nonpaper.test");
    expect(await decideLateSubmission(officer, { revisionId: peruLate.revisionId, decision: "accepted", reason: "x" })).toEqual({
      ok: false,
      reason: "not_pending",
    });
  });

  it("chairs do not see late revisions until accepted", async () => {
    // The demo consultation CTOC-2020 is chaired by the demo chair.
    const db = await getDb();
    const [demo] = await db
      .select({ id: schema.consultations.id, deadline: schema.consultations.deadline })
      .from(schema.consultations)
      .where(eq(schema.consultations.receiptPrefix, "CTOC-2020"));
    const usa = await userByEmail("usa@nonpaper.test");
    const page = await getSubmissionForDelegate(usa, demo!.id);
    const pointId = page!.agendaItems.find((i) => i.points.length)!.points[0]!.id;
    await saveDraft(usa, {
      consultationId: demo!.id,
      baseDraftVersion: page!.draft.draftVersion,
      content: { language: "en", points: [{ pointId, body: "Late view of the United States." }] },
    });
    await setDeadline(demo!.id, new Date(Date.now() - HOUR));
    try {
      const late = await submit(usa, demo!.id);
      if (!late.ok) throw new Error("refused");
      const chair = await userByEmail("chair@nonpaper.test");
      const usaId = await delegationIdOf("USA");
      const read = () => getRevision(chair, { consultationId: demo!.id, delegationId: usaId, revisionNumber: late.receipt.revisionNumber });
      expect(await read()).toBeNull();
      // The secretariat sees it while it is pending.
      const officer = await userByEmail("secretariat@nonpaper.test");
      expect((await getRevision(officer, { consultationId: demo!.id, delegationId: usaId, revisionNumber: late.receipt.revisionNumber }))!.revision.state).toBe(
        "pending",
      );
      await decideLateSubmission(officer, { revisionId: late.receipt.revisionId, decision: "accepted", reason: "Accepted." });
      expect((await read())!.content.points[0]!.body).toBe("Late view of the United States.");
    } finally {
      await setDeadline(demo!.id, demo!.deadline!);
    }
  });
});

describe("extending one delegation's deadline", () => {
  it("lets that delegation save and submit on time while the others are late", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    const morocco = await userByEmail("morocco@nonpaper.test");
    await save(peru, c.consultationId, content(c, "Borrador."));
    await save(morocco, c.consultationId, content(c, "مسودة.", "ar"));
    await setDeadline(c.consultationId, new Date(Date.now() - HOUR));
    const officer = await userByEmail("secretariat@nonpaper.test");
    const until = new Date(Date.now() + 48 * HOUR);
    const peruId = await delegationIdOf("PER");
    expect(await extendDeadline(officer, { consultationId: c.consultationId, delegationId: peruId, until, ipAddress: "127.0.0.1", baseUrl: BASE_URL })).toEqual(
      { ok: true, until },
    );

    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.deadline).toMatchObject({ extendedTo: until, effective: until, passed: false });
    expect(page!.can.edit).toBe(true);
    await save(peru, c.consultationId, content(c, "Borrador ampliado."));
    expect(await submit(peru, c.consultationId)).toMatchObject({ ok: true, receipt: { late: null, deadline: until } });
    expect(await submit(morocco, c.consultationId)).toMatchObject({ ok: true, receipt: { late: "pending" } });
    expect((await getSubmissionForDelegate(morocco, c.consultationId))!.deadline.passed).toBe(true);

    const [audit] = await auditOf(c.consultationId, "registration.extend_deadline");
    expect(audit!.details).toMatchObject({ delegation: "PER", from: null, to: until.toISOString() });
    const db = await getDb();
    const messages = await db
      .select()
      .from(schema.notificationOutbox)
      .where(and(eq(schema.notificationOutbox.consultationId, c.consultationId), eq(schema.notificationOutbox.kind, "submission.deadline_extension")));
    expect(messages.map((m) => m.recipientEmail)).toEqual(["peru@nonpaper.test"]);
    expect(messages[0]!.body).toContain(formatInstant(until, "es", "Europe/Vienna"));
    expect(messages[0]!.body).toContain(formatInstant(until, "es", "America/Lima"));
  });

  it("must be later than the consultation's deadline and in the future, for a registered delegation of an open consultation", async () => {
    const c = await openConsultation();
    const officer = await userByEmail("secretariat@nonpaper.test");
    const peruId = await delegationIdOf("PER");
    const db = await getDb();
    const [row] = await db.select({ deadline: schema.consultations.deadline }).from(schema.consultations).where(eq(schema.consultations.id, c.consultationId));
    const extend = (input: Partial<Parameters<typeof extendDeadline>[1]>, user = officer) =>
      extendDeadline(user, { consultationId: c.consultationId, delegationId: peruId, until: new Date(row!.deadline!.getTime() + HOUR), ...input });
    expect(await extend({ until: row!.deadline! })).toEqual({ ok: false, reason: "extension_not_later" });
    expect(await extend({ until: new Date(Date.now() + HOUR) })).toEqual({ ok: false, reason: "extension_not_later" });
    expect(await extend({ until: new Date("invalid") })).toEqual({ ok: false, reason: "invalid" });
    expect(await extend({ delegationId: await delegationIdOf("FJI") })).toEqual({ ok: false, reason: "not_found" });
    expect(await extend({ delegationId: "x" })).toEqual({ ok: false, reason: "not_found" });
    expect(await extend({ consultationId: UNKNOWN })).toEqual({ ok: false, reason: "not_found" });
    for (const email of ["peru@nonpaper.test", "chair@nonpaper.test"]) {
      expect(await extend({}, await userByEmail(email))).toEqual({ ok: false, reason: "not_found" });
    }
    // The consultation's deadline has passed an hour ago; an extension to half an hour ago is no use.
    await setDeadline(c.consultationId, new Date(Date.now() - HOUR));
    expect(await extend({ until: new Date(Date.now() - HOUR / 2) })).toEqual({ ok: false, reason: "extension_past" });
    const [registration] = await db
      .select({ extendedTo: schema.registrations.deadlineExtendedTo })
      .from(schema.registrations)
      .where(and(eq(schema.registrations.consultationId, c.consultationId), eq(schema.registrations.delegationId, peruId)));
    expect(registration!.extendedTo).toBeNull();
    expect(await auditOf(c.consultationId, "registration.extend_deadline")).toEqual([]);
  });
});

describe("the secretariat's list of submissions", () => {
  it("has one row per registered delegation with its latest revision, in a fixed number of queries", async () => {
    const { c, peruLate, moroccoLate } = await pastDeadlineWithSubmissions();
    const officer = await userByEmail("secretariat@nonpaper.test");
    const { queries, result: list } = await countQueries(() => listSubmissionsForSecretariat(officer, c.consultationId));
    expect(queries).toBeLessThanOrEqual(3);
    expect(list!.rows.map((r) => r.delegation.code)).toEqual(["CHN", "FRA", "MAR", "PER", "RUS", "USA"]);
    const peru = list!.rows.find((r) => r.delegation.code === "PER")!;
    expect(peru).toMatchObject({
      revisionCount: 2,
      submission: { status: "submitted" },
      latest: { receiptNumber: peruLate.receiptNumber, late: "pending", state: "pending", language: "es" },
    });
    expect(list!.rows.find((r) => r.delegation.code === "MAR")!.latest).toMatchObject({ receiptNumber: moroccoLate.receiptNumber, language: "ar" });
    expect(list!.rows.find((r) => r.delegation.code === "FRA")).toMatchObject({ submission: null, latest: null, revisionCount: 0 });
    expect(list!.totals).toEqual({ registered: 6, submitted: 2, latePending: 2, withdrawn: 0, none: 4 });

    // More delegations and revisions cost no more queries.
    const big = await openConsultation({ delegations: ["PER", "MAR", "FRA", "CHN", "RUS", "USA", "FJI", "NZL", "TON", "WSM", "AUS", "JPN"] });
    const peruUser = await userByEmail("peru@nonpaper.test");
    for (let i = 0; i < 3; i++) {
      await save(peruUser, big.consultationId, content(big, `Versión ${i}`));
      await submit(peruUser, big.consultationId);
    }
    const second = await countQueries(() => listSubmissionsForSecretariat(officer, big.consultationId));
    expect(second.queries).toBe(queries);
    expect(second.result!.rows).toHaveLength(12);
    expect(second.result!.rows.find((r) => r.delegation.code === "PER")!.latest!.revisionNumber).toBe(3);
  });

  it("is for the secretariat only", async () => {
    const c = await openConsultation();
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(await listSubmissionsForSecretariat(await userByEmail(email), c.consultationId)).toBeNull();
    }
    expect(await listSubmissionsForSecretariat(await userByEmail("secretariat@nonpaper.test"), UNKNOWN)).toBeNull();
    expect(await listSubmissionsForSecretariat(await userByEmail("secretariat@nonpaper.test"), "nope")).toBeNull();
  });
});

describe("a submission received by email, recorded by the secretariat", () => {
  it("becomes a revision with a receipt and the original file, without touching the delegation's draft", async () => {
    const c = await openConsultation();
    const officer = await userByEmail("secretariat@nonpaper.test");
    const morocco = await userByEmail("morocco@nonpaper.test");
    await save(morocco, c.consultationId, content(c, "مسودة البعثة.", "ar"));
    const moroccoId = await delegationIdOf("MAR");
    const file = new TextEncoder().encode("PK… a Word file");
    const idempotencyKey = key();
    const input = {
      consultationId: c.consultationId,
      delegationId: moroccoId,
      content: {
        language: "fr",
        points: [{ pointId: c.points["2(b)"]!, body: "Le Maroc appuie le point b).", proposedText: "The Secretariat should provide technical assistance." }],
      },
      idempotencyKey,
      attachment: { filename: "note-verbale.docx", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content: file },
      ipAddress: "127.0.0.1",
      baseUrl: BASE_URL,
    };
    const recorded = await submitOnBehalf(officer, input);
    expect(recorded).toMatchObject({ ok: true, replayed: false, receipt: { revisionNumber: 1, late: null } });
    expect(await submitOnBehalf(officer, input)).toMatchObject({
      ok: true,
      replayed: true,
      receipt: { receiptNumber: recorded.ok && recorded.receipt.receiptNumber },
    });

    const page = await getSubmissionForDelegate(morocco, c.consultationId);
    expect(page!.draft.content.general[0]!.body).toBe("مسودة البعثة.");
    expect(page!.revisions[0]).toMatchObject({ source: "email_import", language: "fr", draftVersion: null, submittedBy: { id: officer.id } });
    const revision = await getRevision(morocco, { consultationId: c.consultationId, revisionNumber: 1 });
    expect(revision!.content.points).toEqual([
      { pointId: c.points["2(b)"], body: "Le Maroc appuie le point b).", proposedText: "The Secretariat should provide technical assistance." },
    ]);
    const db = await getDb();
    const [attachment] = await db.select().from(schema.attachments).where(eq(schema.attachments.id, page!.revisions[0]!.attachmentId!));
    expect(attachment).toMatchObject({ filename: "note-verbale.docx", size: file.byteLength, uploadedBy: officer.id });
    expect(new Uint8Array(attachment!.content)).toEqual(file);
    expect(await auditOf(c.consultationId, "submission.import")).toHaveLength(1);
    const [receipts] = await db
      .select({ n: count() })
      .from(schema.notificationOutbox)
      .where(like(schema.notificationOutbox.dedupeKey, `receipt:${recorded.ok && recorded.receipt.revisionId}:%`));
    expect(receipts!.n).toBeGreaterThanOrEqual(1);
  });

  it("is on time when the email arrived before the deadline, even if recorded after it", async () => {
    const c = await openConsultation();
    const officer = await userByEmail("secretariat@nonpaper.test");
    const deadline = new Date(Date.now() - HOUR);
    await setDeadline(c.consultationId, deadline);
    const franceId = await delegationIdOf("FRA");
    const body = { language: "fr", general: [{ agendaItemId: c.items["2"]!, body: "Observations de la France." }] };
    const onTime = await submitOnBehalf(officer, {
      consultationId: c.consultationId,
      delegationId: franceId,
      content: body,
      idempotencyKey: key(),
      receivedAt: new Date(deadline.getTime() - HOUR),
    });
    expect(onTime).toMatchObject({ ok: true, receipt: { late: null } });
    const late = await submitOnBehalf(officer, { consultationId: c.consultationId, delegationId: franceId, content: body, idempotencyKey: key() });
    expect(late).toMatchObject({ ok: true, receipt: { late: "pending", revisionNumber: 2 } });
    expect(
      await submitOnBehalf(officer, {
        consultationId: c.consultationId,
        delegationId: franceId,
        content: body,
        idempotencyKey: key(),
        receivedAt: new Date(Date.now() + HOUR),
      }),
    ).toEqual({
      ok: false,
      reason: "received_in_future",
    });
  });

  it("is for the secretariat only, for a registered delegation, with valid content", async () => {
    const c = await openConsultation();
    const officer = await userByEmail("secretariat@nonpaper.test");
    const base = { consultationId: c.consultationId, delegationId: await delegationIdOf("PER"), content: content(c, "Texto."), idempotencyKey: key() };
    for (const email of ["peru@nonpaper.test", "chair@nonpaper.test"]) {
      expect(await submitOnBehalf(await userByEmail(email), base)).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await submitOnBehalf(officer, { ...base, delegationId: await delegationIdOf("FJI") })).toEqual({ ok: false, reason: "not_found" });
    expect(await submitOnBehalf(officer, { ...base, content: { language: "xx" } })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await submitOnBehalf(officer, { ...base, content: { language: "es" } })).toEqual({ ok: false, reason: "empty" });
    expect(await submitOnBehalf(officer, { ...base, idempotencyKey: "?" })).toEqual({ ok: false, reason: "idempotency_key_invalid" });
    const db = await getDb();
    const [revisions] = await db
      .select({ n: count() })
      .from(schema.submissionRevisions)
      .innerJoin(schema.submissions, eq(schema.submissions.id, schema.submissionRevisions.submissionId))
      .where(eq(schema.submissions.consultationId, c.consultationId));
    expect(revisions!.n).toBe(0);
  });
});
