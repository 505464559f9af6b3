// Clearance inside a mission (issue 19), on PGlite and PostgreSQL: a drafter of a mission that
// requires clearance cannot submit (refused, nothing written); asking for clearance is audited and
// emails each active approver once per draft version, in their language; an approver's clear and
// submit is one revision with one receipt, recorded as cleared by them; a cleared version can be
// submitted by a drafter, an edit after clearance voids it; a mission without clearance works as
// before; who sets the mission's clearance and its approvers, and the denials; the pages; the
// secretariat's standings (awaiting clearance, aligned) and who a reminder goes to.
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getClosingPage, remindMissions } from "~/models/closing.server";
import { CLEARANCE_MESSAGE_KIND, getClearanceForDelegate, requestClearance, setApprover, setMissionClearance } from "~/models/clearance.server";
import { getDelegationProgress } from "~/models/delegation-state.server";
import { alignWith } from "~/models/joint.server";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission, withdrawSubmission } from "~/models/submission-submit.server";
import type { SessionUser } from "~/models/user.server";
import ClosingPage, { loader as closingLoader } from "~/routes/consultations.$consultationId.closing";
import EditorPage, { action as editorAction, loader as editorLoader } from "~/routes/consultations.$consultationId.submission";
import ReviewPage, { action as reviewAction, loader as reviewLoader } from "~/routes/consultations.$consultationId.submission_.review";
import UsersPage, { action as usersAction, loader as usersLoader } from "~/routes/users";
import { getDb, schema } from "~/utils/db.server";
import { BASE_URL, outcome, requestAs, statusOf } from "./helpers";
import { noticeOf } from "./notices";
import { renderRoute } from "./render-route";
import { anotherDelegate, countQueries, delegationIdOf, openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const SECRETARIAT = "secretariat@nonpaper.test";
const REGISTERED = ["EGY", "MAR", "PER", "FRA", "CHN", "USA", "RUS", "KGZ", "SGP"];
let keyCounter = 0;
const key = () => `clearance-key-${Date.now()}-${keyCounter++}`;
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

type Open = Awaited<ReturnType<typeof openConsultation>>;

async function save(user: SessionUser, c: Open, body: string): Promise<number> {
  const page = await getSubmissionForDelegate(user, c.consultationId);
  const saved = await saveDraft(user, {
    consultationId: c.consultationId,
    baseDraftVersion: page!.draft.draftVersion,
    content: { language: "en", general: [{ agendaItemId: c.items["2"]!, body }], points: [], proposals: [] },
  });
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
  return saved.draftVersion;
}

const submit = (user: SessionUser, c: Open, draftVersion: number, idempotencyKey = key()) =>
  submitSubmission(user, { consultationId: c.consultationId, idempotencyKey, draftVersion, baseUrl: BASE_URL, ipAddress: "127.0.0.1" });

/**
 * A mission that requires clearance, as the secretariat sets it up on the users page: a drafter
 * (English), two approvers (French, Chinese) and a third approver whose account was disabled.
 */
async function mission(code: string) {
  const officer = await userByEmail(SECRETARIAT);
  const drafter = await anotherDelegate(code, "en");
  const approvers = [await anotherDelegate(code, "fr"), await anotherDelegate(code, "zh")];
  const gone = await anotherDelegate(code, "ru");
  for (const approver of [...approvers, gone]) expect(await setApprover(officer, { userId: approver.id, approver: true })).toEqual({ ok: true, changed: true });
  const db = await getDb();
  await db.update(schema.users).set({ disabledAt: new Date() }).where(eq(schema.users.id, gone.id));
  expect(await setMissionClearance(officer, { delegationId: await delegationIdOf(code), required: true })).toMatchObject({ ok: true });
  return { drafter, approvers, head: approvers[0]!, gone };
}

async function submissionOf(consultationId: string, code: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: schema.submissions.id,
      draftVersion: schema.submissions.draftVersion,
      requestedAt: schema.submissions.clearanceRequestedAt,
      requestedBy: schema.submissions.clearanceRequestedBy,
      clearedDraftVersion: schema.submissions.clearedDraftVersion,
      clearedBy: schema.submissions.clearedBy,
      clearedAt: schema.submissions.clearedAt,
    })
    .from(schema.submissions)
    .where(and(eq(schema.submissions.consultationId, consultationId), eq(schema.submissions.delegationId, await delegationIdOf(code))));
  return row!;
}

async function revisionsOf(submissionId: string) {
  const db = await getDb();
  return db
    .select({
      number: schema.submissionRevisions.revisionNumber,
      receipt: schema.submissionRevisions.receiptNumber,
      by: schema.submissionRevisions.submittedBy,
    })
    .from(schema.submissionRevisions)
    .where(eq(schema.submissionRevisions.submissionId, submissionId))
    .orderBy(asc(schema.submissionRevisions.revisionNumber));
}

async function outbox(consultationId: string, kind: string) {
  const db = await getDb();
  return db
    .select({
      email: schema.notificationOutbox.recipientEmail,
      language: schema.notificationOutbox.language,
      subject: schema.notificationOutbox.subject,
      body: schema.notificationOutbox.body,
      dedupeKey: schema.notificationOutbox.dedupeKey,
    })
    .from(schema.notificationOutbox)
    .where(and(eq(schema.notificationOutbox.consultationId, consultationId), eq(schema.notificationOutbox.kind, kind)))
    .orderBy(asc(schema.notificationOutbox.id));
}

async function audits(action: string, consultationId?: string) {
  const db = await getDb();
  return db
    .select({
      actorId: schema.auditLog.actorId,
      entityId: schema.auditLog.entityId,
      details: schema.auditLog.details,
      consultationId: schema.auditLog.consultationId,
    })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), consultationId ? eq(schema.auditLog.consultationId, consultationId) : undefined))
    .orderBy(asc(schema.auditLog.id));
}

async function receiptCounter(consultationId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: schema.receiptCounters.lastNumber })
    .from(schema.receiptCounters)
    .where(eq(schema.receiptCounters.consultationId, consultationId));
  return row?.n ?? 0;
}

async function tableCounts(consultationId: string) {
  const db = await getDb();
  const [[revisions], [outboxRows], [auditRows]] = await Promise.all([
    db
      .select({ n: count() })
      .from(schema.submissionRevisions)
      .innerJoin(schema.submissions, eq(schema.submissions.id, schema.submissionRevisions.submissionId))
      .where(eq(schema.submissions.consultationId, consultationId)),
    db.select({ n: count() }).from(schema.notificationOutbox).where(eq(schema.notificationOutbox.consultationId, consultationId)),
    db.select({ n: count() }).from(schema.auditLog).where(eq(schema.auditLog.consultationId, consultationId)),
  ]);
  return { revisions: revisions!.n, outbox: outboxRows!.n, audit: auditRows!.n, counter: await receiptCounter(consultationId) };
}

const reviewPath = (id: string) => `/consultations/${id}/submission/review`;
const editorPath = (id: string) => `/consultations/${id}/submission`;
const post = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });
type DataReply = { data: { formErrors?: string[]; errors?: unknown }; init: { status: number } };

describe("a mission that requires clearance", () => {
  it("refuses a drafter's submit and writes nothing", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const { drafter } = await mission("EGY");
    const version = await save(drafter, c, "Egypt's comments, drafted.");
    const before = await tableCounts(c.consultationId);
    expect(await submit(drafter, c, version)).toEqual({ ok: false, reason: "not_cleared" });
    // The demo's own Egyptian delegate is a drafter too.
    expect(await submit(await userByEmail("egypt@nonpaper.test"), c, version)).toEqual({ ok: false, reason: "not_cleared" });
    expect(await tableCounts(c.consultationId)).toEqual(before);
    expect(await submissionOf(c.consultationId, "EGY")).toMatchObject({ clearedDraftVersion: null, clearedBy: null, requestedAt: null });

    // Through the review page: a 409 with the localized reason, and still nothing written.
    const refused = await outcome(async () =>
      reviewAction({
        request: await requestAs(drafter.email, reviewPath(c.consultationId), post({ intent: "submit", draftVersion: String(version), idempotencyKey: key() })),
        params: { consultationId: c.consultationId },
        context,
      }),
    );
    const reply = (refused as { value: DataReply }).value;
    expect(reply.init.status).toBe(409);
    expect(reply.data.formErrors).toEqual(["submissions:clearance.errors.notCleared"]);
    expect(await tableCounts(c.consultationId)).toEqual(before);
  });

  it("asks for clearance: audited, one email to each active approver in their language, not twice for the same version", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const { drafter, approvers, head, gone } = await mission("MAR");
    const version = await save(drafter, c, "Morocco's comments, ready for the head of delegation.");

    // Not the version reviewed (a colleague saved meanwhile): nothing asked.
    expect(await requestClearance(drafter, { consultationId: c.consultationId, draftVersion: version - 1 })).toEqual({
      ok: false,
      reason: "stale_draft",
      draftVersion: version,
    });
    // An approver clears instead of asking.
    expect(await requestClearance(head, { consultationId: c.consultationId, draftVersion: version })).toEqual({ ok: false, reason: "approver" });
    expect(await outbox(c.consultationId, CLEARANCE_MESSAGE_KIND)).toHaveLength(0);

    expect(await requestClearance(drafter, { consultationId: c.consultationId, draftVersion: version, baseUrl: BASE_URL, ipAddress: "127.0.0.1" })).toEqual({
      ok: true,
      repeated: false,
      approvers: 2,
    });
    const [entry] = await audits("submission.clearance_requested", c.consultationId);
    expect(entry).toMatchObject({ actorId: drafter.id, details: { delegation: "MAR", draftVersion: version, approvers: 2 } });
    const mail = await outbox(c.consultationId, CLEARANCE_MESSAGE_KIND);
    expect(mail.map((m) => [m.email, m.language]).sort()).toEqual(approvers.map((a) => [a.email, a.language]).sort());
    expect(mail.map((m) => m.email)).not.toContain(gone.email);
    expect(mail.map((m) => m.email)).not.toContain(drafter.email);
    const byLanguage = Object.fromEntries(mail.map((m) => [m.language, m]));
    expect(byLanguage.fr!.subject).toBe("Demande d’approbation\u00a0: observations du Maroc");
    expect(byLanguage.fr!.body).toContain(`${drafter.name} vous demande d’approuver les observations de votre délégation (Maroc)`);
    expect(byLanguage.zh!.subject).toBe("请求核准：摩洛哥的意见");
    for (const m of mail) expect(m.body).toContain(`${BASE_URL}${reviewPath(c.consultationId)}`);

    // Asked again for the same version, by anyone of the mission: nothing new.
    expect(await requestClearance(drafter, { consultationId: c.consultationId, draftVersion: version, baseUrl: BASE_URL })).toEqual({
      ok: true,
      repeated: true,
      approvers: 0,
    });
    const colleague = await userByEmail("morocco@nonpaper.test");
    expect(await requestClearance(colleague, { consultationId: c.consultationId, draftVersion: version, baseUrl: BASE_URL })).toMatchObject({ repeated: true });
    expect(await outbox(c.consultationId, CLEARANCE_MESSAGE_KIND)).toHaveLength(2);
    expect(await audits("submission.clearance_requested", c.consultationId)).toHaveLength(1);

    // The drafter sees it on the editor and the consultation page: awaiting clearance, who asked, when.
    const progress = (await getDelegationProgress(drafter, [c.consultationId])).get(c.consultationId)!;
    expect(progress.state).toMatchObject({ kind: "awaitingClearance", requestedBy: drafter.name, revision: null });
    expect(await getClearanceForDelegate(head, c.consultationId)).toMatchObject({
      required: true,
      approver: true,
      approvers: 2,
      state: "awaiting",
      request: { byName: drafter.name },
    });

    // A new version is a new request: one more email to each approver.
    await pause();
    const next = await save(drafter, c, "Morocco's comments, one word changed.");
    expect((await getDelegationProgress(drafter, [c.consultationId])).get(c.consultationId)!.state.kind).toBe("draft");
    expect(await requestClearance(drafter, { consultationId: c.consultationId, draftVersion: next, baseUrl: BASE_URL })).toMatchObject({
      ok: true,
      repeated: false,
    });
    const again = await outbox(c.consultationId, CLEARANCE_MESSAGE_KIND);
    expect(again).toHaveLength(4);
    expect(new Set(again.map((m) => m.dedupeKey)).size).toBe(4);
  });

  it("clears and submits in one step for an approver: one revision, one receipt, recorded as cleared by them", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const { drafter, head } = await mission("FRA");
    const version = await save(drafter, c, "France's comments.");
    expect(await requestClearance(drafter, { consultationId: c.consultationId, draftVersion: version })).toMatchObject({ ok: true });
    const before = await tableCounts(c.consultationId);

    const idempotencyKey = key();
    const cleared = await submit(head, c, version, idempotencyKey);
    if (!cleared.ok) throw new Error(JSON.stringify(cleared));
    // A double click: the same receipt, nothing more.
    expect(await submit(head, c, version, idempotencyKey)).toMatchObject({
      ok: true,
      replayed: true,
      receipt: { receiptNumber: cleared.receipt.receiptNumber },
    });

    const submission = await submissionOf(c.consultationId, "FRA");
    expect(await revisionsOf(submission.id)).toEqual([{ number: 1, receipt: cleared.receipt.receiptNumber, by: head.id }]);
    expect(submission).toMatchObject({ clearedDraftVersion: version, clearedBy: head.id });
    expect(await receiptCounter(c.consultationId)).toBe(before.counter + 1);
    const receipts = await outbox(c.consultationId, "submission.receipt");
    expect(new Set(receipts.map((m) => m.dedupeKey!.split(":")[1]))).toEqual(new Set([cleared.receipt.revisionId]));
    expect(receipts.every((m) => m.subject.includes(cleared.receipt.receiptNumber))).toBe(true);
    expect(await audits("submission.submit", c.consultationId)).toHaveLength(1);
    expect(await audits("submission.cleared", c.consultationId)).toEqual([
      {
        actorId: head.id,
        entityId: submission.id,
        consultationId: c.consultationId,
        details: { delegation: "FRA", draftVersion: version, receipt: cleared.receipt.receiptNumber, revision: 1 },
      },
    ]);
    expect((await getDelegationProgress(drafter, [c.consultationId])).get(c.consultationId)!.state.kind).toBe("submitted");
  });

  it("lets a drafter submit the exact version an approver cleared, and no other", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const { drafter, head } = await mission("CHN");
    const version = await save(drafter, c, "China's comments.");
    const first = await submit(head, c, version);
    expect(first).toMatchObject({ ok: true });

    // Withdrawn, then sent again unchanged by the drafter: the version is still cleared.
    expect(await withdrawSubmission(drafter, { consultationId: c.consultationId })).toMatchObject({ ok: true });
    expect(await getClearanceForDelegate(drafter, c.consultationId)).toMatchObject({ state: "cleared", clearance: { byName: head.name } });
    const again = await submit(drafter, c, version);
    expect(again).toMatchObject({ ok: true, receipt: { revisionNumber: 2 } });
    expect(await audits("submission.cleared", c.consultationId)).toHaveLength(1);

    // An edit after clearance voids it: refused, nothing written.
    await pause();
    const edited = await save(drafter, c, "China's comments, edited after clearance.");
    expect(await getClearanceForDelegate(drafter, c.consultationId)).toMatchObject({ state: "uncleared", clearance: null });
    const before = await tableCounts(c.consultationId);
    expect(await submit(drafter, c, edited)).toEqual({ ok: false, reason: "not_cleared" });
    expect(await tableCounts(c.consultationId)).toEqual(before);
    // The approver clears the new version by submitting it.
    expect(await submit(head, c, edited)).toMatchObject({ ok: true, receipt: { revisionNumber: 3 } });
    expect((await submissionOf(c.consultationId, "CHN")).clearedDraftVersion).toBe(edited);
  });

  it("leaves a mission without clearance as it was: anyone submits, nothing is cleared or asked", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const peru = await userByEmail("peru@nonpaper.test");
    const officer = await userByEmail(SECRETARIAT);
    // Even a delegate with the approver role submits as any other where clearance is not required.
    const approver = await anotherDelegate("PER", "es");
    await setApprover(officer, { userId: approver.id, approver: true });
    const version = await save(peru, c, "Peru's comments.");
    expect(await requestClearance(peru, { consultationId: c.consultationId, draftVersion: version })).toEqual({ ok: false, reason: "not_required" });
    expect(await submit(peru, c, version)).toMatchObject({ ok: true, receipt: { revisionNumber: 1 } });
    const next = await save(approver, c, "Peru's comments, revised by the approver.");
    expect(await submit(approver, c, next)).toMatchObject({ ok: true, receipt: { revisionNumber: 2 } });
    expect(await submissionOf(c.consultationId, "PER")).toMatchObject({ requestedAt: null, clearedDraftVersion: null, clearedBy: null });
    expect(await audits("submission.cleared", c.consultationId)).toHaveLength(0);
    expect(await outbox(c.consultationId, CLEARANCE_MESSAGE_KIND)).toHaveLength(0);
    expect(await getClearanceForDelegate(peru, c.consultationId)).toMatchObject({ required: false, approver: false, state: "notRequired" });
  });
});

describe("who sets clearance, and the denials", () => {
  it("the secretariat names approvers and requires clearance; never a mission left without an approver", async () => {
    const officer = await userByEmail(SECRETARIAT);
    const usa = await delegationIdOf("USA");
    const head = await anotherDelegate("USA", "en");
    expect(await setMissionClearance(officer, { delegationId: usa, required: true })).toEqual({ ok: false, reason: "no_approver" });
    expect(await setApprover(officer, { userId: head.id, approver: true, ipAddress: "127.0.0.1" })).toEqual({ ok: true, changed: true });
    expect(await setApprover(officer, { userId: head.id, approver: true })).toEqual({ ok: true, changed: false });
    expect(await setMissionClearance(officer, { delegationId: usa, required: true, ipAddress: "127.0.0.1" })).toEqual({ ok: true, changed: true });
    expect(await setApprover(officer, { userId: head.id, approver: false })).toEqual({ ok: false, reason: "no_approver" });
    expect((await audits("user.approver")).filter((a) => a.entityId === head.id)).toEqual([
      { actorId: officer.id, entityId: head.id, consultationId: null, details: { delegation: "USA", approver: true } },
    ]);
    expect((await audits("delegation.clearance")).filter((a) => a.entityId === usa)).toEqual([
      { actorId: officer.id, entityId: usa, consultationId: null, details: { delegation: "USA", required: true } },
    ]);
    // Not an approver: the secretariat and the chairs have no mission.
    expect(await setApprover(officer, { userId: officer.id, approver: true })).toEqual({ ok: false, reason: "not_found" });
    expect(await setApprover(await userByEmail("usa@nonpaper.test"), { userId: head.id, approver: false })).toEqual({ ok: false, reason: "forbidden" });
    expect(await setMissionClearance(await userByEmail("chair@nonpaper.test"), { delegationId: usa, required: false })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("an approver switches their own mission's clearance from its page; nobody else's, and no drafter", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const { drafter, head } = await mission("RUS");
    const kgz = await mission("KGZ");
    const rus = await delegationIdOf("RUS");
    const clearanceOf = async (id: string) => {
      const db = await getDb();
      const [row] = await db.select({ required: schema.delegations.clearanceRequired }).from(schema.delegations).where(eq(schema.delegations.id, id));
      return row!.required;
    };

    // Another mission's approver: its own mission only, whatever it names.
    expect(await setMissionClearance(kgz.head, { consultationId: c.consultationId, delegationId: rus, required: false })).toEqual({ ok: true, changed: true });
    expect(await clearanceOf(rus)).toBe(true);
    expect(await clearanceOf(await delegationIdOf("KGZ"))).toBe(false);
    // A drafter may not; an unregistered delegation's approver finds nothing.
    expect(await setMissionClearance(drafter, { consultationId: c.consultationId, required: false })).toEqual({ ok: false, reason: "forbidden" });
    const islHead = await anotherDelegate("ISL", "en");
    await setApprover(await userByEmail(SECRETARIAT), { userId: islHead.id, approver: true });
    expect(await setMissionClearance(islHead, { consultationId: c.consultationId, required: true })).toEqual({ ok: false, reason: "not_found" });

    // Through the page: the drafter gets 403; the approver switches it off and on, audited with the consultation.
    const switchAs = async (user: SessionUser, required: string) =>
      outcome(async () =>
        editorAction({
          request: await requestAs(user.email, editorPath(c.consultationId), post({ intent: "set-clearance", required })),
          params: { consultationId: c.consultationId },
          context,
        }),
      );
    expect(statusOf(((await switchAs(drafter, "off")) as { thrown: unknown }).thrown)).toBe(403);
    expect(((await switchAs(head, "maybe")) as { value: DataReply }).value.init.status).toBe(400);
    const off = (await switchAs(head, "off")) as { thrown: Response };
    expect(await noticeOf(off.thrown)).toEqual({ kind: "submission.notice", notice: "clearanceOff" });
    expect(await clearanceOf(rus)).toBe(false);
    expect((await audits("delegation.clearance", c.consultationId)).filter((a) => a.entityId === rus)).toEqual([
      { actorId: head.id, entityId: rus, consultationId: c.consultationId, details: { delegation: "RUS", required: false } },
    ]);
    await switchAs(head, "on");
    expect(await clearanceOf(rus)).toBe(true);
  });

  it("another mission's approver cannot clear: each clears only its own mission's draft", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const egypt = await mission("SGP");
    const other = await mission("KGZ");
    const version = await save(egypt.drafter, c, "Singapore's comments.");
    expect(await requestClearance(egypt.drafter, { consultationId: c.consultationId, draftVersion: version })).toMatchObject({ ok: true });
    const before = await tableCounts(c.consultationId);

    // Kyrgyzstan's approver reaches only Kyrgyzstan's (empty) submission, whatever version it names.
    expect(await submit(other.head, c, version)).toEqual({ ok: false, reason: "empty" });
    const review = await outcome(async () =>
      reviewLoader({ request: await requestAs(other.head.email, reviewPath(c.consultationId)), params: { consultationId: c.consultationId }, context }),
    );
    expect((review as { value: { clearance: { request: unknown } } }).value.clearance.request).toBeNull();
    // The secretariat and a chair have no mission to clear for.
    for (const email of [SECRETARIAT, "chair@nonpaper.test"]) {
      expect(await submit(await userByEmail(email), c, version)).toEqual({ ok: false, reason: "not_found" });
      expect(await requestClearance(await userByEmail(email), { consultationId: c.consultationId, draftVersion: version })).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect(
        statusOf(
          (
            (await outcome(async () =>
              reviewAction({
                request: await requestAs(email, reviewPath(c.consultationId), post({ intent: "submit", draftVersion: String(version), idempotencyKey: key() })),
                params: { consultationId: c.consultationId },
                context,
              }),
            )) as { thrown: unknown }
          ).thrown,
        ),
      ).toBe(404);
    }
    expect(await tableCounts(c.consultationId)).toEqual(before);
    expect(await submissionOf(c.consultationId, "SGP")).toMatchObject({ clearedDraftVersion: null, clearedBy: null });

    // The users page's settings are the secretariat's: 403 to a delegate, whatever they send.
    const asDelegate = await outcome(async () =>
      usersAction({
        request: await requestAs(egypt.head.email, "/users", post({ intent: "set-approver", userId: egypt.drafter.id, approver: "on" })),
        params: {},
        context,
      }),
    );
    expect(statusOf((asDelegate as { thrown: unknown }).thrown)).toBe(403);
  });
});

describe("the pages", () => {
  it("show the drafter 'awaiting clearance' and the approver 'Clear and submit'; the secretariat's users page sets both", async () => {
    const c = await openConsultation({ delegations: REGISTERED });
    const { drafter, head } = await mission("EGY");
    const version = await save(drafter, c, "Egypt's comments.");
    const params = { consultationId: c.consultationId };
    const page = async (email: string, path: string, loader: typeof editorLoader | typeof reviewLoader, Component: Parameters<typeof renderRoute>[0]) => {
      const loaderData = await loader({ request: await requestAs(email, path), params, context });
      return renderRoute(Component, { url: `http://x${path}`, loaderData });
    };

    // Before asking: the review offers "Ask for clearance", and no submit.
    const review = await page(drafter.email, reviewPath(c.consultationId), reviewLoader, ReviewPage);
    expect(review).toContain("Ask for clearance");
    expect(review).toContain('name="intent" value="request-clearance"');
    expect(review).not.toContain('value="submit"');
    expect(await page(drafter.email, editorPath(c.consultationId), editorLoader, EditorPage)).toContain("Review and ask for clearance");

    // Asking through the review page: back to the editor, which says so.
    const asked = await outcome(async () =>
      reviewAction({
        request: await requestAs(drafter.email, reviewPath(c.consultationId), post({ intent: "request-clearance", draftVersion: String(version) })),
        params,
        context,
      }),
    );
    const redirect = (asked as { thrown: Response }).thrown;
    expect(redirect.headers.get("Location")).toBe(editorPath(c.consultationId));
    expect(await noticeOf(redirect)).toEqual({ kind: "submission.notice", notice: "clearanceRequested" });
    const editor = await page(drafter.email, editorPath(c.consultationId), editorLoader, EditorPage);
    expect(editor).toContain("Awaiting clearance");
    expect(editor).toContain(`Asked by <bdi>${drafter.name}</bdi>`);
    expect(await page(drafter.email, reviewPath(c.consultationId), reviewLoader, ReviewPage)).toContain("This text is awaiting clearance.");

    // The approver: who asked, and one button that clears and submits.
    const approverReview = await page(head.email, reviewPath(c.consultationId), reviewLoader, ReviewPage);
    expect(approverReview).toContain("Clear and submit");
    expect(approverReview).toContain(`<bdi>${drafter.name}</bdi>`);
    const approverEditor = await page(head.email, editorPath(c.consultationId), editorLoader, EditorPage);
    expect(approverEditor).toContain("Stop requiring clearance");
    expect(approverEditor).toContain("Review and submit");

    // The secretariat's users page: the approver role per delegate, the clearance per mission.
    const loaded = await usersLoader({ request: await requestAs(SECRETARIAT, "/users"), params: {}, context });
    const users = await renderRoute(UsersPage, { url: "http://x/users", loaderData: loaded });
    expect(users).toContain("Clearance in the missions");
    expect(users).toMatch(/Remove approver role<span class="visually-hidden"> <bdi>[^<]+<\/bdi>/);
    const db = await getDb();
    const [active] = await db
      .select({ n: count() })
      .from(schema.users)
      .where(and(eq(schema.users.delegationId, await delegationIdOf("EGY")), eq(schema.users.approver, true), isNull(schema.users.disabledAt)));
    expect(users).toContain(`<th scope="row"><bdi>Egypt</bdi></th><td>Yes</td><td>${active!.n}</td>`);
    const turnedOff = await outcome(async () =>
      usersAction({
        request: await requestAs(SECRETARIAT, "/users", post({ intent: "set-clearance", delegationId: await delegationIdOf("EGY"), required: "off" })),
        params: {},
        context,
      }),
    );
    expect(await noticeOf((turnedOff as { thrown: Response }).thrown)).toEqual({ kind: "users.clearance", notice: "clearanceOff" });
    // Without clearance the drafter submits as before.
    expect(await submit(drafter, c, version)).toMatchObject({ ok: true });
    const forged = await outcome(async () =>
      usersAction({ request: await requestAs(SECRETARIAT, "/users", post({ intent: "set-approver", userId: "PER", approver: "on" })), params: {}, context }),
    );
    expect((forged as { value: DataReply }).value.init.status).toBe(400);
  });
});

describe("the secretariat's view of the missions", () => {
  it("shows not started, drafting, awaiting clearance, submitted and aligned, and reminds those neither submitted nor aligned", async () => {
    const c = await openConsultation({ delegations: ["PER", "MAR", "EGY", "FRA", "CHN", "DEU"] });
    const officer = await userByEmail(SECRETARIAT);
    const peru = await userByEmail("peru@nonpaper.test");
    expect(await submit(peru, c, await save(peru, c, "Peru's comments."))).toMatchObject({ ok: true });
    await save(await userByEmail("morocco@nonpaper.test"), c, "A Moroccan draft.");
    const egypt = await mission("EGY");
    const version = await save(egypt.drafter, c, "Egypt's draft, for clearance.");
    expect(await requestClearance(egypt.drafter, { consultationId: c.consultationId, draftVersion: version })).toMatchObject({ ok: true });
    const france = await userByEmail("france@nonpaper.test");
    const aligned = await alignWith(france, { consultationId: c.consultationId, submissionId: (await submissionOf(c.consultationId, "PER")).id });
    expect(aligned).toMatchObject({ ok: true });

    const { queries, result: page } = await countQueries(() => getClosingPage(officer, c.consultationId));
    expect(queries).toBe(4);
    const by = (standing: string) => page!.delegations.filter((d) => d.standing === standing).map((d) => d.code);
    expect(by("submitted")).toEqual(["PER"]);
    expect(by("aligned")).toEqual(["FRA"]);
    expect(by("awaitingClearance")).toEqual(["EGY"]);
    expect(by("draftOnly")).toEqual(["MAR"]);
    expect(by("nothing")).toEqual(["CHN", "DEU"]);
    expect(page!.delegations.find((d) => d.code === "EGY")!.clearanceRequestedAt).not.toBeNull();

    const loaded = await outcome(async () =>
      closingLoader({
        request: await requestAs(SECRETARIAT, `/consultations/${c.consultationId}/closing`),
        params: { consultationId: c.consultationId },
        context,
      }),
    );
    const html = await renderRoute(ClosingPage, {
      url: `http://x/consultations/${c.consultationId}/closing`,
      loaderData: (loaded as { value: unknown }).value,
    });
    expect(html).toMatch(/Draft awaiting clearance in the mission, not submitted[^]*data-standing="awaitingClearance"[^]*Egypt[^]*clearance asked/);
    expect(html).toMatch(/Aligned with another submission[^]*data-standing="aligned"[^]*France/);

    // The reminder: Egypt (awaiting clearance), Morocco and China; not Peru (submitted), not France (aligned).
    const reminded = await remindMissions(officer, { consultationId: c.consultationId, baseUrl: BASE_URL });
    expect(reminded).toMatchObject({ ok: true });
    const messages = await outbox(c.consultationId, "consultation.reminder");
    const codes = new Set(messages.map((m) => m.email));
    expect(codes.has("peru@nonpaper.test")).toBe(false);
    expect(codes.has("france@nonpaper.test")).toBe(false);
    expect(codes.has("morocco@nonpaper.test")).toBe(true);
    expect(codes.has("china@nonpaper.test")).toBe(true);
    expect(codes.has(egypt.drafter.email)).toBe(true);
    expect(messages.find((m) => m.email === egypt.drafter.email)!.body).toContain("is awaiting clearance by an approver of your mission");
    const [entry] = await audits("consultation.remind", c.consultationId);
    expect((entry!.details as { delegations: string[] }).delegations.sort()).toEqual(["CHN", "EGY", "MAR"]);
  });
});
