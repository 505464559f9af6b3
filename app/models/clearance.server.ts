// Clearance inside a mission (issue 19), on the server: what a delegate's pages show of it, a
// drafter asking for clearance (the approvers emailed, once per draft version), the mission's
// setting and its approvers (the secretariat for any mission, an approver for its own), and the
// facts the submit model checks. The rules are app/lib/clearance.ts; every change is audited in
// its own transaction.
import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  clearanceChangeRefusal,
  draftClearance,
  mayDesignateApprovers,
  maySetMissionClearance,
  requestClearanceRule,
  type DraftClearance,
} from "~/lib/clearance";
import { clearanceRequestMessage } from "~/lib/clearance-email";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { recordAudit } from "~/models/audit.server";
import { clearanceRequester, selectRegisteredSubmissions } from "~/models/delegation-state.server";
import { queueMissionMessages, siteLink } from "~/models/mission-mail.server";
import { delegateScope, inDelegateTransaction, readDelegateAccess, recordDelegateAudit } from "~/models/submission-access.server";
import { lockSubmission } from "~/models/submission-draft.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";

const { comments, consultations, delegations, registrations, submissions, users } = schema;

export const CLEARANCE_MESSAGE_KIND = "submission.clearance_request";
export const CLEARANCE_AUDIT = {
  requested: "submission.clearance_requested",
  cleared: "submission.cleared",
  setting: "delegation.clearance",
  approver: "user.approver",
} as const;

const clearer = alias(users, "clearance_clearer");

/**
 * Active approver accounts of a delegation, as a column of a query on `delegations`. Written out:
 * drizzle leaves columns unqualified in a query of one table, which a subquery would misread.
 */
const activeApprovers = sql<number>`(select count(*) from users approver_account where approver_account.delegation_id = "delegations"."id"
  and approver_account.role = 'delegate' and approver_account.approver and approver_account.disabled_at is null)`.mapWith(Number);

/** Whether the account `userId` is an approver, as a column. */
const isApprover = (userId: string) => sql<boolean>`coalesce((select reader.approver from users reader where reader.id = ${userId}), false)`;

// ---------------------------------------------------------------------------------------------
// Reading

export type ClearanceView = {
  /** The mission requires clearance. */
  required: boolean;
  /** The reader is an approver of the mission. */
  approver: boolean;
  /** Active approvers of the mission (a mission that requires clearance needs one). */
  approvers: number;
  state: DraftClearance;
  /** The latest request, when it still covers the current draft (state "awaiting"). */
  request: { at: Date; byName: string } | null;
  /** The clearance of the current draft version (state "cleared"). */
  clearance: { at: Date; byName: string } | null;
};

/**
 * Clearance as the delegate's pages show it (the editor, the review page): the mission's setting,
 * whether the reader is an approver, and where the current draft stands. Null when the reader is
 * not a delegate of a delegation registered for this circulated consultation. One query.
 */
export async function getClearanceForDelegate(user: SessionUser, consultationId: string): Promise<ClearanceView | null> {
  const delegationId = delegateScope(user, consultationId);
  if (!delegationId) return null;
  const [row] = await selectRegisteredSubmissions(await getDb(), {
    required: delegations.clearanceRequired,
    approvers: activeApprovers,
    approver: isApprover(user.id),
    draftVersion: submissions.draftVersion,
    draftUpdatedAt: submissions.draftUpdatedAt,
    requestedAt: submissions.clearanceRequestedAt,
    requestedByName: clearanceRequester.name,
    clearedDraftVersion: submissions.clearedDraftVersion,
    clearedAt: submissions.clearedAt,
    clearedByName: clearer.name,
  })
    .leftJoin(clearer, eq(clearer.id, submissions.clearedBy))
    .where(and(eq(registrations.consultationId, consultationId), eq(registrations.delegationId, delegationId), ne(consultations.status, "draft")));
  if (!row) return null;
  const state = draftClearance(row);
  return {
    required: row.required,
    approver: Boolean(row.approver),
    approvers: row.approvers,
    state,
    request: state === "awaiting" && row.requestedAt ? { at: row.requestedAt, byName: row.requestedByName ?? "" } : null,
    clearance: state === "cleared" && row.clearedAt ? { at: row.clearedAt, byName: row.clearedByName ?? "" } : null,
  };
}

/**
 * The mission's setting, the user's approver role and the draft's clearance, for a submission row
 * the caller has locked: what the submit and the request decide on. One query.
 */
export async function selectClearanceFacts(tx: Reader, input: { submissionId: string; userId: string }) {
  const [row] = await tx
    .select({
      required: delegations.clearanceRequired,
      approver: isApprover(input.userId),
      draftVersion: submissions.draftVersion,
      draftUpdatedAt: submissions.draftUpdatedAt,
      requestedAt: submissions.clearanceRequestedAt,
      clearedDraftVersion: submissions.clearedDraftVersion,
    })
    .from(submissions)
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .where(eq(submissions.id, input.submissionId));
  return row ? { ...row, approver: Boolean(row.approver) } : null;
}

/**
 * Records that `user`, an approver, cleared the draft version they are submitting: in the
 * submit's transaction, with its receipt in the audit entry ("submission.cleared").
 */
export async function recordClearance(
  tx: Transaction,
  input: {
    user: SessionUser;
    submissionId: string;
    consultationId: string;
    delegationCode: string;
    draftVersion: number;
    at: Date;
    receipt: { receiptNumber: string; revisionNumber: number };
    ipAddress: string | null;
  },
) {
  await tx
    .update(submissions)
    .set({ clearedDraftVersion: input.draftVersion, clearedBy: input.user.id, clearedAt: input.at })
    .where(eq(submissions.id, input.submissionId));
  await recordAudit(
    {
      actorId: input.user.id,
      action: CLEARANCE_AUDIT.cleared,
      entityType: "submission",
      entityId: input.submissionId,
      consultationId: input.consultationId,
      details: {
        delegation: input.delegationCode,
        draftVersion: input.draftVersion,
        receipt: input.receipt.receiptNumber,
        revision: input.receipt.revisionNumber,
      },
      ipAddress: input.ipAddress,
    },
    tx,
  );
}

// ---------------------------------------------------------------------------------------------
// Asking for clearance

export type RequestClearanceResult =
  | { ok: true; repeated: boolean; approvers: number }
  | { ok: false; reason: "not_found" | "not_open" | "empty" | "not_required" | "approver" | "already_cleared" }
  | { ok: false; reason: "stale_draft"; draftVersion: number };

/**
 * A drafter asks the mission's approvers to clear the draft as it stands (`draftVersion`, the
 * version the drafter reviewed): the request is recorded on the submission, audited
 * ("submission.clearance_requested") and every active approver of the mission gets an email in
 * their language, all in one transaction. Once per draft version: asking again for the same
 * version records and sends nothing (and the outbox's dedupe key makes sure of it). While the
 * consultation is open (after the deadline too: the approver may still submit it as late).
 */
export async function requestClearance(
  user: SessionUser,
  input: { consultationId: string; draftVersion: number; ipAddress?: string | null; baseUrl?: string | null },
): Promise<RequestClearanceResult> {
  return inDelegateTransaction(user, input.consultationId, async (tx, access, now): Promise<RequestClearanceResult> => {
    const delegationId = access.delegation.id;
    if (access.consultation.status !== "open") return { ok: false, reason: "not_open" };
    const submission = await lockSubmission(tx, input.consultationId, delegationId);
    if (!submission) return { ok: false, reason: "empty" };
    if (submission.draftVersion !== input.draftVersion) return { ok: false, reason: "stale_draft", draftVersion: submission.draftVersion };
    const [facts, [draftCount]] = await Promise.all([
      selectClearanceFacts(tx, { submissionId: submission.id, userId: user.id }),
      tx
        .select({ n: count() })
        .from(comments)
        .where(and(eq(comments.submissionId, submission.id), isNull(comments.revisionId))),
    ]);
    if (!facts) return { ok: false, reason: "not_found" };
    if (!draftCount?.n) return { ok: false, reason: "empty" };
    const rule = requestClearanceRule(facts);
    if (!rule.ok) return rule;
    if (rule.repeated) return { ok: true, repeated: true, approvers: 0 };

    await tx.update(submissions).set({ clearanceRequestedAt: now, clearanceRequestedBy: user.id }).where(eq(submissions.id, submission.id));
    const approvers = await tx
      .select({ userId: users.id, email: users.email, name: users.name, language: users.language, timeZone: users.timeZone })
      .from(users)
      .where(and(eq(users.role, "delegate"), eq(users.delegationId, delegationId), eq(users.approver, true), isNull(users.disabledAt)))
      .orderBy(asc(users.email));
    const reviewLink = siteLink(input.baseUrl, paths.submissionReview(input.consultationId));
    await queueMissionMessages(
      tx,
      { ...access.consultation, meeting: access.meeting },
      approvers.map((a) => ({ ...a, delegationId, deadlineExtendedTo: access.registration.deadlineExtendedTo, delegation: access.delegation })),
      // One message per approver and draft version, however often it is asked. No consultation link: the review page's is the one.
      { kind: CLEARANCE_MESSAGE_KIND, dedupe: `clearance:${submission.id}:${submission.draftVersion}` },
      (context) => clearanceRequestMessage({ ...context, requestedByName: user.name, requestedAt: now, reviewLink }),
    );
    await recordDelegateAudit(tx, {
      user,
      access,
      action: CLEARANCE_AUDIT.requested,
      entityType: "submission",
      entityId: submission.id,
      details: { draftVersion: submission.draftVersion, approvers: approvers.length },
      ipAddress: input.ipAddress,
    });
    return { ok: true, repeated: false, approvers: approvers.length };
  });
}

// ---------------------------------------------------------------------------------------------
// The mission's setting and its approvers

export type SettingResult = { ok: true; changed: boolean } | { ok: false; reason: "not_found" | "forbidden" | "invalid" | "no_approver" };

/**
 * Switches a mission's clearance on or off: the secretariat for any delegation (`delegationId`),
 * an approver for their own mission from its submission page (`consultationId`: the delegation is
 * then theirs, registered for that circulated consultation, else "not_found"). Refused without an
 * active approver to clear ("no_approver"). Audited ("delegation.clearance") when it changes.
 * `required` null is a forged or stale form ("invalid", after the access checks).
 */
export async function setMissionClearance(
  user: SessionUser,
  input: { delegationId?: string; consultationId?: string; required: boolean | null; ipAddress?: string | null },
): Promise<SettingResult> {
  const db = await getDb();
  let delegationId: string;
  if (input.consultationId !== undefined) {
    // From the mission's own page: its delegates only, of a registered delegation.
    const own = await readDelegateAccess(user, input.consultationId);
    if (!own) return { ok: false, reason: "not_found" };
    delegationId = own.delegationId;
  } else {
    if (user.role !== "secretariat") return { ok: false, reason: "forbidden" };
    if (!input.delegationId || !isUuid(input.delegationId)) return { ok: false, reason: input.required === null ? "invalid" : "not_found" };
    delegationId = input.delegationId;
  }
  if (input.required === null) return { ok: false, reason: "invalid" };
  const required = input.required;
  return db.transaction(async (tx): Promise<SettingResult> => {
    const [row] = await tx
      .select({ code: delegations.code, required: delegations.clearanceRequired, approvers: activeApprovers })
      .from(delegations)
      .where(eq(delegations.id, delegationId))
      .for("update");
    if (!row) return { ok: false, reason: "not_found" };
    const [actor] = await tx.select({ approver: users.approver }).from(users).where(eq(users.id, user.id));
    if (!maySetMissionClearance({ ...user, approver: actor?.approver ?? false }, delegationId)) return { ok: false, reason: "forbidden" };
    if (row.required === required) return { ok: true, changed: false };
    if (clearanceChangeRefusal({ required, approversAfter: row.approvers })) return { ok: false, reason: "no_approver" };
    await tx.update(delegations).set({ clearanceRequired: required }).where(eq(delegations.id, delegationId));
    await recordAudit(
      {
        actorId: user.id,
        action: CLEARANCE_AUDIT.setting,
        entityType: "delegation",
        entityId: delegationId,
        consultationId: input.consultationId ?? null,
        details: { delegation: row.code, required },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, changed: true };
  });
}

/**
 * The secretariat names a delegate an approver of their mission, or takes the role away (not from
 * the last active approver of a mission that requires clearance: "no_approver"). Audited
 * ("user.approver") when it changes.
 */
export async function setApprover(user: SessionUser, input: { userId: string; approver: boolean; ipAddress?: string | null }): Promise<SettingResult> {
  if (!mayDesignateApprovers(user)) return { ok: false, reason: "forbidden" };
  if (!isUuid(input.userId)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<SettingResult> => {
    const [target] = await tx
      .select({ id: users.id, role: users.role, approver: users.approver, disabledAt: users.disabledAt, delegationId: users.delegationId })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!target?.delegationId || target.role !== "delegate") return { ok: false, reason: "not_found" };
    // The mission's row first, as the setting does: a change of either waits for the other.
    const [mission] = await tx
      .select({ code: delegations.code, required: delegations.clearanceRequired, approvers: activeApprovers })
      .from(delegations)
      .where(eq(delegations.id, target.delegationId))
      .for("update");
    if (!mission) return { ok: false, reason: "not_found" };
    if (target.approver === input.approver) return { ok: true, changed: false };
    const after = mission.approvers + (target.disabledAt ? 0 : input.approver ? 1 : -1);
    if (clearanceChangeRefusal({ required: mission.required, approversAfter: after })) return { ok: false, reason: "no_approver" };
    await tx.update(users).set({ approver: input.approver, updatedAt: new Date() }).where(eq(users.id, target.id));
    await recordAudit(
      {
        actorId: user.id,
        action: CLEARANCE_AUDIT.approver,
        entityType: "user",
        entityId: target.id,
        details: { delegation: mission.code, approver: input.approver },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, changed: true };
  });
}
