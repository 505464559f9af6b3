// The secretariat's and chairs' pages for submissions: the list per delegation with late
// decisions and extensions, and one revision read-only. The models are tested in
// submissions.test.ts and late-submissions.test.ts; here, the routes: every denial of every
// loader and action, and what they do and show.
import { and, eq, like } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { RevisionView } from "~/components/submission/revision-view";
import { createI18n } from "~/i18n/i18next";
import { wallClockIn } from "~/lib/dates";
import { listDelegationRevisions } from "~/models/submission-history.server";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission } from "~/models/submission-submit.server";
import type { SessionUser } from "~/models/user.server";
import { action as listAction, loader as listLoader } from "~/routes/consultations.$consultationId.submissions";
import { loader as revisionLoader } from "~/routes/consultations.$consultationId.submissions_.$delegationCode.$revisionNumber";
import { getDb, schema } from "~/utils/db.server";
import { outcome, requestAs, statusOf } from "./helpers";
import { noticeCookie, noticeFor, noticeOf, withCookie } from "./notices";
import { countQueries, delegationIdOf, openConsultation, POINT_TEXTS, setDeadline, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const HOUR = 3_600_000;
const OFFICER = "secretariat@nonpaper.test";
const SCRIPT = "<script>alert(1)</script>";
const context = { clientAddress: "127.0.0.1" };
let keyCounter = 0;
const key = () => `pages-key-${Date.now()}-${keyCounter++}`;

type Open = Awaited<ReturnType<typeof openConsultation>>;

async function save(user: SessionUser, consultationId: string, content: unknown) {
  const page = await getSubmissionForDelegate(user, consultationId);
  const saved = await saveDraft(user, { consultationId, baseDraftVersion: page!.draft.draftVersion, content });
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
}

async function submit(user: SessionUser, consultationId: string) {
  const page = await getSubmissionForDelegate(user, consultationId);
  const result = await submitSubmission(user, { consultationId, idempotencyKey: key(), draftVersion: page!.draft.draftVersion });
  if (!result.ok) throw new Error(`submit refused: ${JSON.stringify(result)}`);
  return result.receipt;
}

const FRENCH_DRAFT = "Projet confidentiel de la France.";
const AMENDED_A = POINT_TEXTS.a.replace("update their legislative records", "regularly review their legislation");

/**
 * Peru submits twice on time (Spanish, with a script tag in a comment, an amendment and a new
 * proposal); France keeps a draft; then the deadline passes and Morocco submits in Arabic, late.
 */
async function scenario() {
  const c = await openConsultation();
  const peru = await userByEmail("peru@nonpaper.test");
  const morocco = await userByEmail("morocco@nonpaper.test");
  const france = await userByEmail("france@nonpaper.test");
  const peruContent = (body: string) => ({
    language: "es",
    general: [{ agendaItemId: c.items["2"]!, body }],
    points: [
      { pointId: c.points["2(a)"]!, body: `Comentario: ${SCRIPT}`, proposedText: AMENDED_A },
      { pointId: c.points["2(b)"]!, body: "Apoyamos el punto.\nSegunda línea." },
    ],
    proposals: [{ agendaItemId: c.items["3"]!, body: "Nueva propuesta del Perú." }],
  });
  await save(peru, c.consultationId, peruContent("Primera versión."));
  const peruFirst = await submit(peru, c.consultationId);
  await save(peru, c.consultationId, peruContent("Segunda versión."));
  const peruSecond = await submit(peru, c.consultationId);
  await save(france, c.consultationId, { language: "fr", general: [{ agendaItemId: c.items["2"]!, body: FRENCH_DRAFT }] });
  await save(morocco, c.consultationId, { language: "ar", general: [{ agendaItemId: c.items["2"]!, body: "تعليق المغرب على البند." }] });
  await setDeadline(c.consultationId, new Date(Date.now() - HOUR));
  const moroccoLate = await submit(morocco, c.consultationId);
  return { c, peruFirst, peruSecond, moroccoLate };
}

const listPath = (c: Open | string) => `/consultations/${typeof c === "string" ? c : c.consultationId}/submissions`;

async function loadList(email: string | null, consultationId: string, search = "", cookie?: string | null) {
  const request = await requestAs(email, `${listPath(consultationId)}${search}`);
  return listLoader({ request: cookie ? withCookie(request, cookie) : request, params: { consultationId }, context });
}

/** The loader's SQL statements, the session's lookup included (the request is made beforehand). */
async function countLoaderQueries<T>(email: string, path: string, run: (request: Request) => Promise<T>) {
  const request = await requestAs(email, path);
  return countQueries(() => run(request));
}

async function post(email: string | null, consultationId: string, fields: Record<string, string>) {
  const request = await requestAs(email, listPath(consultationId), { method: "POST", body: new URLSearchParams(fields) });
  return outcome(() => listAction({ request, params: { consultationId }, context }));
}

async function loadRevision(email: string | null, params: { consultationId: string; delegationCode: string; revisionNumber: string }) {
  const request = await requestAs(email, `${listPath(params.consultationId)}/${params.delegationCode}/${params.revisionNumber}`);
  return revisionLoader({ request, params, context });
}

/** What an action returned with data(): its status and payload. */
function returned(result: Awaited<ReturnType<typeof post>>) {
  if (!("value" in result)) throw new Error(`the action threw ${statusOf(result.thrown)}`);
  const value = result.value as unknown as {
    data: { intent: string; target: string; result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } };
    init: { status: number };
  };
  return { status: value.init.status, ...value.data };
}

function thrownStatus(result: { thrown: unknown } | { value: unknown }) {
  return "thrown" in result ? statusOf(result.thrown) : `returned ${JSON.stringify(result.value).slice(0, 200)}`;
}

async function revisionRow(revisionId: string) {
  const db = await getDb();
  const [row] = await db.select().from(schema.submissionRevisions).where(eq(schema.submissionRevisions.id, revisionId));
  return row!;
}

async function auditOf(consultationId: string, action: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, action)));
}

async function makeChairOf(consultationId: string, email = "chair@nonpaper.test") {
  const db = await getDb();
  const chair = await userByEmail(email);
  await db.insert(schema.consultationChairs).values({ consultationId, userId: chair.id });
}

async function newChair() {
  const db = await getDb();
  const email = `chair-${Date.now()}-${keyCounter++}@nonpaper.test`;
  await db.insert(schema.users).values({ email, name: "Another Chair", role: "chair", language: "en" });
  return email;
}

describe("the list of submissions: who may see it", () => {
  it("sends anonymous visitors to sign in, answers 403 to chairs and delegates, 404 to malformed and unknown ids", async () => {
    const { c } = await scenario();
    await makeChairOf(c.consultationId);
    const anonymous = await outcome(() => loadList(null, c.consultationId));
    expect(thrownStatus(anonymous)).toBe(302);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test", "morocco@nonpaper.test"]) {
      expect(thrownStatus(await outcome(() => loadList(email, c.consultationId))), email).toBe(403);
    }
    for (const id of ["not-a-uuid", UNKNOWN]) {
      expect(thrownStatus(await outcome(() => loadList(OFFICER, id))), id).toBe(404);
    }
  });
});

describe("the list of submissions: what it shows", () => {
  it("has one row per registered delegation with its status, never a draft's content, in a bounded number of queries", async () => {
    const { c, peruSecond, moroccoLate } = await scenario();
    const { queries, result: page } = await countLoaderQueries(OFFICER, listPath(c), (request) =>
      listLoader({ request, params: { consultationId: c.consultationId }, context }),
    );
    // The session (2) and listSubmissionsForSecretariat (3), however many delegations.
    expect(queries).toBeLessThanOrEqual(5);
    expect(page.rows.map((r) => [r.delegation.code, r.status])).toEqual([
      ["CHN", "none"],
      ["FRA", "draft"],
      ["MAR", "late_pending"],
      ["PER", "submitted"],
      ["RUS", "none"],
      ["USA", "none"],
    ]);
    expect(page.totals).toEqual({ none: 3, draft: 1, submitted: 1, late_pending: 1, late_accepted: 0, late_declined: 0, withdrawn: 0 });
    expect(page.registered).toBe(6);
    const peru = page.rows.find((r) => r.delegation.code === "PER")!;
    expect(peru.latest).toMatchObject({ receiptNumber: peruSecond.receiptNumber, revisionNumber: 2, language: "es", state: "current" });
    expect(page.pending.map((r) => r.latest!.receiptNumber)).toEqual([moroccoLate.receiptNumber]);
    expect(page.canDecide).toBe(true);
    expect(page.canExtend).toBe(true);
    // France's draft exists, and nothing of what it says reaches the page.
    expect(JSON.stringify(page)).not.toContain(FRENCH_DRAFT);

    const filtered = await loadList(OFFICER, c.consultationId, "?status=late_pending");
    expect(filtered.filter).toBe("late_pending");
    expect(filtered.rows.map((r) => r.delegation.code)).toEqual(["MAR"]);
    // The totals and the pending decisions do not depend on the filter; a bad filter is ignored.
    expect(filtered.totals).toEqual(page.totals);
    expect(filtered.pending).toHaveLength(1);
    expect((await loadList(OFFICER, c.consultationId, "?status=<b>")).rows).toHaveLength(6);
  });

  it("preselects a delegation for an extension, and shows a confirmation only for well-formed values", async () => {
    const { c, moroccoLate } = await scenario();
    const page = await loadList(OFFICER, c.consultationId, "?extend=PER");
    expect(page.extendFor).toBe(await delegationIdOf("PER"));
    expect(page.deadlineWallClock).toEqual(wallClockIn(page.consultation.deadline!, "Europe/Vienna"));
    expect((await loadList(OFFICER, c.consultationId, "?extend=FJI")).extendFor).toBeNull();
    const notice = (value: Parameters<typeof noticeFor>[1]) => noticeFor(listPath(c.consultationId), value);
    const decided = { kind: "submissions.decided", decision: "accepted", code: "MAR", receipt: moroccoLate.receiptNumber } as const;
    const flash = await loadList(OFFICER, c.consultationId, "", await notice(decided));
    expect(flash.flash).toMatchObject({ kind: "accepted", receipt: moroccoLate.receiptNumber, delegation: { code: "MAR" } });
    expect((await loadList(OFFICER, c.consultationId, "", await notice({ ...decided, receipt: "<script>" }))).flash).toBeNull();
    expect((await loadList(OFFICER, c.consultationId, "", await notice({ kind: "submissions.extended", code: "XX1" }))).flash).toBeNull();
    // Well-formed, but not a delegation of this consultation.
    expect((await loadList(OFFICER, c.consultationId, "", await notice({ kind: "submissions.extended", code: "FJI" }))).flash).toBeNull();
  });
});

describe("the list's actions: who may use them", () => {
  it("refuses anonymous visitors, chairs, delegates, malformed and unknown ids, and changes nothing", async () => {
    const { c, moroccoLate, peruSecond } = await scenario();
    await makeChairOf(c.consultationId);
    const decide = { intent: "decide", revisionId: moroccoLate.revisionId, delegationCode: "MAR", decision: "accepted", reason: "Accepted." };
    const extend = { intent: "extend", delegationId: await delegationIdOf("PER"), date: "2099-01-10", time: "18:00" };
    expect(thrownStatus(await post(null, c.consultationId, decide))).toBe(302);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test", "morocco@nonpaper.test"]) {
      expect(thrownStatus(await post(email, c.consultationId, decide)), email).toBe(403);
      expect(thrownStatus(await post(email, c.consultationId, extend)), email).toBe(403);
    }
    for (const id of ["not-a-uuid", UNKNOWN]) {
      expect(thrownStatus(await post(OFFICER, id, decide)), id).toBe(404);
      expect(thrownStatus(await post(OFFICER, id, extend)), id).toBe(404);
    }
    // A revision that is not this delegation's, or not in this consultation.
    expect(thrownStatus(await post(OFFICER, c.consultationId, { ...decide, revisionId: UNKNOWN }))).toBe(404);
    expect(thrownStatus(await post(OFFICER, c.consultationId, { ...decide, delegationCode: "PER" }))).toBe(404);
    expect(thrownStatus(await post(OFFICER, c.consultationId, { ...decide, delegationCode: "USA" }))).toBe(404);
    const other = await scenario();
    expect(thrownStatus(await post(OFFICER, other.c.consultationId, decide))).toBe(404);
    // A delegation that is not registered: the form says so.
    const unregistered = returned(await post(OFFICER, c.consultationId, { ...extend, delegationId: await delegationIdOf("FJI") }));
    expect(unregistered.status).toBe(404);
    expect(unregistered.result.error).toMatchObject({ delegationId: ["submissions:secretariat.errors.chooseDelegation"] });
    // Malformed fields: 400, with the message at the field.
    const malformed = returned(await post(OFFICER, c.consultationId, { ...decide, revisionId: "x", decision: "maybe" }));
    expect(malformed.status).toBe(400);
    expect(malformed.result.error).toMatchObject({ revisionId: ["submissions:errors.invalid"], decision: ["submissions:secretariat.errors.chooseDecision"] });
    expect(returned(await post(OFFICER, c.consultationId, { intent: "delete" })).status).toBe(400);

    expect(await revisionRow(moroccoLate.revisionId)).toMatchObject({ late: "pending", lateReason: null });
    expect(await revisionRow(peruSecond.revisionId)).toMatchObject({ late: null, supersededAt: null });
    expect(await auditOf(c.consultationId, "submission.late_decision")).toEqual([]);
    expect(await auditOf(c.consultationId, "registration.extend_deadline")).toEqual([]);
  });
});

describe("deciding on a late submission", () => {
  it("accepts with a reason: the mission is told, the audit log records it, the page confirms", async () => {
    const { c, moroccoLate } = await scenario();
    const reason = "The mission reported a network failure before the deadline.";
    const accepted = await post(OFFICER, c.consultationId, {
      intent: "decide",
      revisionId: moroccoLate.revisionId,
      delegationCode: "MAR",
      decision: "accepted",
      reason: `  ${reason}  `,
    });
    expect(thrownStatus(accepted)).toBe(302);
    const location = (accepted as { thrown: Response }).thrown.headers.get("Location")!;
    expect(location).toBe(listPath(c));
    const acceptedNotice = await noticeOf((accepted as { thrown: Response }).thrown);
    expect(acceptedNotice).toEqual({ kind: "submissions.decided", decision: "accepted", code: "MAR", receipt: moroccoLate.receiptNumber });

    expect(await revisionRow(moroccoLate.revisionId)).toMatchObject({ late: "accepted", lateReason: reason });
    const [audit] = await auditOf(c.consultationId, "submission.late_decision");
    expect(audit).toMatchObject({ entityId: moroccoLate.revisionId, ipAddress: "127.0.0.1" });
    expect(audit!.details).toMatchObject({ decision: "accepted", reason, delegation: "MAR" });
    const db = await getDb();
    const messages = await db
      .select()
      .from(schema.notificationOutbox)
      .where(like(schema.notificationOutbox.dedupeKey, `late:${moroccoLate.revisionId}:%`));
    expect(messages.map((m) => [m.recipientEmail, m.kind, m.language])).toEqual([["morocco@nonpaper.test", "submission.late_decision", "ar"]]);
    expect(messages[0]!.body).toContain(reason);

    const page = await loadList(OFFICER, c.consultationId, "", noticeCookie((accepted as { thrown: Response }).thrown));
    expect(page.flash).toMatchObject({ kind: "accepted", receipt: moroccoLate.receiptNumber });
    expect(page.rows.find((r) => r.delegation.code === "MAR")!.status).toBe("late_accepted");
    expect(page.pending).toEqual([]);

    // Decided once: a second decision is refused with a message, and the form keeps the reason.
    const again = returned(
      await post(OFFICER, c.consultationId, {
        intent: "decide",
        revisionId: moroccoLate.revisionId,
        delegationCode: "MAR",
        decision: "declined",
        reason: "Changed.",
      }),
    );
    expect(again.status).toBe(409);
    expect(again.result.error).toMatchObject({ "": ["submissions:errors.notPending"] });
    expect(again.result.initialValue).toMatchObject({ reason: "Changed." });
    expect(await revisionRow(moroccoLate.revisionId)).toMatchObject({ late: "accepted" });
  });

  it("refuses a decline without a reason, or with a disguised one, keeps what was typed and changes nothing", async () => {
    const { c, moroccoLate } = await scenario();
    const decline = { intent: "decide", revisionId: moroccoLate.revisionId, delegationCode: "MAR", decision: "declined" };
    for (const reason of [" \n ", ""]) {
      const refused = returned(await post(OFFICER, c.consultationId, { ...decline, reason }));
      expect(refused.status).toBe(400);
      expect(refused.target).toBe(moroccoLate.revisionId);
      expect(refused.result.error).toMatchObject({ reason: ["submissions:errors.reasonRequired"] });
    }
    const disguised = "Late by three days\u202E.syad eerht";
    const refused = returned(await post(OFFICER, c.consultationId, { ...decline, reason: disguised }));
    expect(refused.status).toBe(400);
    expect(refused.result.error).toMatchObject({ reason: ["submissions:secretariat.errors.reasonInvisible"] });
    expect(refused.result.initialValue).toMatchObject({ reason: disguised, decision: "declined" });
    const tooLong = returned(await post(OFFICER, c.consultationId, { ...decline, reason: "x".repeat(2_001) }));
    expect(tooLong.result.error).toMatchObject({ reason: ["submissions:errors.reasonTooLong"] });

    expect(await revisionRow(moroccoLate.revisionId)).toMatchObject({ late: "pending", lateReason: null, lateDecidedBy: null });
    expect(await auditOf(c.consultationId, "submission.late_decision")).toEqual([]);
    const db = await getDb();
    const told = await db
      .select()
      .from(schema.notificationOutbox)
      .where(and(eq(schema.notificationOutbox.consultationId, c.consultationId), eq(schema.notificationOutbox.kind, "submission.late_decision")));
    expect(told).toEqual([]);
  });
});

describe("extending one delegation's deadline", () => {
  it("extends it from a date and time on the meeting's clock: audited, the mission told, the page confirms", async () => {
    const { c } = await scenario();
    const peruId = await delegationIdOf("PER");
    const date = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 10);
    const extended = await post(OFFICER, c.consultationId, { intent: "extend", delegationId: peruId, date, time: "18:00" });
    expect(thrownStatus(extended)).toBe(302);
    const location = (extended as { thrown: Response }).thrown.headers.get("Location")!;
    expect(location).toBe(listPath(c));
    expect(await noticeOf((extended as { thrown: Response }).thrown)).toEqual({ kind: "submissions.extended", code: "PER" });

    const db = await getDb();
    const [registration] = await db
      .select({ extendedTo: schema.registrations.deadlineExtendedTo })
      .from(schema.registrations)
      .where(and(eq(schema.registrations.consultationId, c.consultationId), eq(schema.registrations.delegationId, peruId)));
    // 18:00 in Vienna, whatever the server's zone.
    expect(wallClockIn(registration!.extendedTo!, "Europe/Vienna")).toEqual({ date, time: "18:00" });
    const [audit] = await auditOf(c.consultationId, "registration.extend_deadline");
    expect(audit!.details).toMatchObject({ delegation: "PER", to: registration!.extendedTo!.toISOString() });
    const messages = await db
      .select()
      .from(schema.notificationOutbox)
      .where(and(eq(schema.notificationOutbox.consultationId, c.consultationId), eq(schema.notificationOutbox.kind, "submission.deadline_extension")));
    expect(messages.map((m) => m.recipientEmail)).toEqual(["peru@nonpaper.test"]);

    const page = await loadList(OFFICER, c.consultationId, "", noticeCookie((extended as { thrown: Response }).thrown));
    expect(page.flash).toMatchObject({ kind: "extended", delegation: { code: "PER" }, until: registration!.extendedTo });
    const peru = page.rows.find((r) => r.delegation.code === "PER")!;
    expect(peru.deadlineExtendedTo).toEqual(registration!.extendedTo);
    expect(peru.deadline).toEqual(registration!.extendedTo);
  });

  it("refuses a time before the consultation's deadline, a malformed date, and a closed consultation, keeping the form", async () => {
    const c = await openConsultation();
    const peruId = await delegationIdOf("PER");
    const db = await getDb();
    const [row] = await db.select({ deadline: schema.consultations.deadline }).from(schema.consultations).where(eq(schema.consultations.id, c.consultationId));
    const before = wallClockIn(new Date(row!.deadline!.getTime() - 24 * HOUR), "Europe/Vienna");
    const early = returned(await post(OFFICER, c.consultationId, { intent: "extend", delegationId: peruId, ...before }));
    expect(early.status).toBe(400);
    expect(early.result.error).toMatchObject({ date: ["submissions:errors.extensionNotLater"] });
    expect(early.result.initialValue).toMatchObject({ delegationId: peruId, date: before.date, time: before.time });

    const malformed = returned(await post(OFFICER, c.consultationId, { intent: "extend", delegationId: peruId, date: "2099-02-30", time: "25:00" }));
    expect(malformed.status).toBe(400);
    expect(malformed.result.error).toMatchObject({ time: ["consultations:errors.timeInvalid"] });
    const impossible = returned(await post(OFFICER, c.consultationId, { intent: "extend", delegationId: peruId, date: "2099-02-30", time: "18:00" }));
    expect(impossible.result.error).toMatchObject({ date: ["consultations:errors.dateInvalid"] });
    const noDelegation = returned(await post(OFFICER, c.consultationId, { intent: "extend", delegationId: "", date: "2099-01-10", time: "18:00" }));
    expect(noDelegation.result.error).toMatchObject({ delegationId: ["submissions:secretariat.errors.chooseDelegation"] });

    await db.update(schema.consultations).set({ status: "closed" }).where(eq(schema.consultations.id, c.consultationId));
    const closed = returned(await post(OFFICER, c.consultationId, { intent: "extend", delegationId: peruId, date: "2099-01-10", time: "18:00" }));
    expect(closed.status).toBe(409);
    expect(closed.result.error).toMatchObject({ "": ["submissions:secretariat.errors.notOpenForExtensions"] });
    expect((await loadList(OFFICER, c.consultationId)).canExtend).toBe(false);

    const registrations = await db
      .select({ extendedTo: schema.registrations.deadlineExtendedTo })
      .from(schema.registrations)
      .where(eq(schema.registrations.consultationId, c.consultationId));
    expect(registrations.every((r) => r.extendedTo === null)).toBe(true);
    expect(await auditOf(c.consultationId, "registration.extend_deadline")).toEqual([]);
  });
});

describe("one revision: who may read it", () => {
  it("answers 404 to delegates (even their own), chairs of other consultations, and unknown or malformed addresses", async () => {
    const { c, moroccoLate } = await scenario();
    const ok = { consultationId: c.consultationId, delegationCode: "PER", revisionNumber: "1" };
    expect(thrownStatus(await outcome(() => loadRevision(null, ok)))).toBe(302);
    for (const email of ["peru@nonpaper.test", "morocco@nonpaper.test", "usa@nonpaper.test"]) {
      expect(thrownStatus(await outcome(() => loadRevision(email, ok))), email).toBe(404);
    }
    // The demo chair chairs the demo consultations, not this one; nor does a new chair.
    for (const email of ["chair@nonpaper.test", await newChair()]) {
      expect(thrownStatus(await outcome(() => loadRevision(email, ok))), email).toBe(404);
    }
    const wrong: Partial<typeof ok>[] = [
      { consultationId: "not-a-uuid" },
      { consultationId: UNKNOWN },
      { delegationCode: "per" },
      { delegationCode: "P3R" },
      { delegationCode: "FJI" }, // not registered
      { delegationCode: "USA" }, // registered, nothing submitted
      { delegationCode: "FRA" }, // a draft only
      { revisionNumber: "0" },
      { revisionNumber: "3" },
      { revisionNumber: "01" },
      { revisionNumber: "1.0" },
      { revisionNumber: "abc" },
      { revisionNumber: "99999999999" },
    ];
    for (const change of wrong) {
      expect(thrownStatus(await outcome(() => loadRevision(OFFICER, { ...ok, ...change }))), JSON.stringify(change)).toBe(404);
    }
    // Morocco's revision is in this consultation, not in another one.
    const other = await openConsultation();
    expect(thrownStatus(await outcome(() => loadRevision(OFFICER, { consultationId: other.consultationId, delegationCode: "MAR", revisionNumber: "1" })))).toBe(
      404,
    );
    expect((await loadRevision(OFFICER, { ...ok, delegationCode: "MAR" })).revision.id).toBe(moroccoLate.revisionId);
  });

  it("lets chairs of the consultation read accepted revisions, never late ones pending or declined", async () => {
    const { c } = await scenario();
    await makeChairOf(c.consultationId);
    const chair = "chair@nonpaper.test";
    const peru = await loadRevision(chair, { consultationId: c.consultationId, delegationCode: "PER", revisionNumber: "2" });
    expect(peru.revision.state).toBe("current");
    expect(peru.role).toBe("chair");
    expect(thrownStatus(await outcome(() => loadRevision(chair, { consultationId: c.consultationId, delegationCode: "MAR", revisionNumber: "1" })))).toBe(404);
    // Nor are they listed among a delegation's revisions.
    const chairUser = await userByEmail(chair);
    expect(await listDelegationRevisions(chairUser, { consultationId: c.consultationId, delegationCode: "MAR" })).toBeNull();
    expect(await listDelegationRevisions(await userByEmail("peru@nonpaper.test"), { consultationId: c.consultationId, delegationCode: "PER" })).toBeNull();
  });
});

describe("one revision: what it shows", () => {
  it("gives the receipt, time, author, source, state and the other revisions, and the content verbatim", async () => {
    const { c, peruFirst, peruSecond } = await scenario();
    const params = { consultationId: c.consultationId, delegationCode: "PER", revisionNumber: "1" };
    const { queries, result: page } = await countLoaderQueries(OFFICER, `${listPath(c)}/PER/1`, (request) => revisionLoader({ request, params, context }));
    // The session (2), the delegation's revisions (1) and getRevision (at most 5).
    expect(queries).toBeLessThanOrEqual(8);
    expect(page.revision).toMatchObject({
      receiptNumber: peruFirst.receiptNumber,
      revisionNumber: 1,
      state: "superseded",
      source: "editor",
      language: "es",
      submittedBy: { name: expect.any(String) },
    });
    expect(page.timeZone).toBe("Europe/Vienna");
    expect(page.attachmentFilename).toBeNull();
    expect(page.revisions.map((r) => [r.revisionNumber, r.receiptNumber, r.state])).toEqual([
      [2, peruSecond.receiptNumber, "current"],
      [1, peruFirst.receiptNumber, "superseded"],
    ]);
    expect(page.content.general[0]!.body).toBe("Primera versión.");
    expect(page.content.points.find((p) => p.pointId === c.points["2(a)"])).toEqual({
      pointId: c.points["2(a)"],
      body: `Comentario: ${SCRIPT}`,
      proposedText: AMENDED_A,
    });
    expect(page.points.find((p) => p.id === c.points["2(a)"])).toMatchObject({ label: "(a)", text: POINT_TEXTS.a, versionNumber: 1 });
    expect(page.content.proposals).toEqual([{ agendaItemId: c.items["3"], label: "(a)", body: "Nueva propuesta del Perú." }]);
  });

  it("shows a late revision pending to the secretariat with its state, and a decided one with the reason", async () => {
    const { c, moroccoLate } = await scenario();
    const params = { consultationId: c.consultationId, delegationCode: "MAR", revisionNumber: "1" };
    expect((await loadRevision(OFFICER, params)).revision).toMatchObject({ state: "pending", late: "pending", language: "ar" });
    await post(OFFICER, c.consultationId, {
      intent: "decide",
      revisionId: moroccoLate.revisionId,
      delegationCode: "MAR",
      decision: "declined",
      reason: "Received three days late.",
    });
    expect((await loadRevision(OFFICER, params)).revision).toMatchObject({ state: "declined", late: "declined", lateReason: "Received three days late." });
  });
});

describe("RevisionView", () => {
  const render = (element: ReturnType<typeof createElement>, language: "en" | "ar" = "en") =>
    renderToString(createElement(I18nextProvider, { i18n: createI18n(language) }, element));

  it("renders what a delegation wrote as text, never as markup, in the revision's language and direction", async () => {
    const { c } = await scenario();
    const peru = await loadRevision(OFFICER, { consultationId: c.consultationId, delegationCode: "PER", revisionNumber: "2" });
    const html = render(createElement(RevisionView, { content: peru.content, agendaItems: peru.agendaItems, points: peru.points }));
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain("Comentario: &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toMatch(/<div class="revision-view__text" lang="es" dir="ltr">Apoyamos el punto.\nSegunda línea.<\/div>/);
    // The amendment as a redline against the circulated wording.
    expect(html).toMatch(/<del>.*update.*<\/del>/);
    expect(html).toMatch(/<ins>.*regularly.*review.*<\/ins>/);
    // The point's label isolated for direction (issue 11, item 11).
    expect(html).toContain("Discussion point <bdi>(a)</bdi>");
    expect(html).toMatch(/<span class="revision-view__label" dir="ltr">\(a\)<\/span><div class="revision-view__text">Nueva propuesta del Perú.<\/div>/);
    // Item 4 has nothing.
    expect(html).toContain("No comments on this agenda item.");

    // An Arabic revision reads right to left, inside an English page and an Arabic one.
    const morocco = await loadRevision(OFFICER, { consultationId: c.consultationId, delegationCode: "MAR", revisionNumber: "1" });
    for (const language of ["en", "ar"] as const) {
      const arabic = render(createElement(RevisionView, { content: morocco.content, agendaItems: morocco.agendaItems, points: morocco.points }), language);
      expect(arabic).toContain('<div class="revision-view__text" lang="ar" dir="rtl">تعليق المغرب على البند.</div>');
      // Agenda item titles stay English, left to right.
      expect(arabic).toMatch(/<span class="agenda-item__title" lang="en" dir="ltr">Technical assistance<\/span>/);
    }
  });
});
