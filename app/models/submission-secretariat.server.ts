// The secretariat's tools for submissions: the list of every registered delegation's status,
// decisions on late submissions, and a delegation's deadline extension.
import { and, asc, count, desc, eq, isNull, lt } from "drizzle-orm";
import { effectiveDeadline, extensionProblem } from "~/lib/deadlines";
import { isUuid } from "~/lib/ids";
import { extensionMessage, lateDecisionMessage } from "~/lib/submission-email";
import { checkDecisionReason, revisionState } from "~/lib/submission-rules";
import { mayManageSubmissions } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { extendPendingInvitations } from "~/models/invitation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";
import { consultationColumns, delegationColumns, selectDelegationAccess } from "~/models/submission-access.server";
import { lockSubmission } from "~/models/submission-draft.server";
import { SUBMISSION_MESSAGE_KINDS, notifyMission } from "~/models/submission-submit.server";

const { consultations, delegations, meetings, registrations, submissionRevisions, submissions } = schema;

// ---------------------------------------------------------------------------------------------
// The secretariat

/**
 * One row per registered delegation, for the secretariat (null for anyone else, or an unknown
 * consultation): participation, its deadline and extension, the submission's status and draft
 * activity, the latest revision (receipt, time, late status, language) and how many there are.
 * Three queries, however many delegations.
 */
export async function listSubmissionsForSecretariat(user: SessionUser, consultationId: string) {
  if (!mayManageSubmissions(user) || !isUuid(consultationId)) return null;
  const db = await getDb();
  const [consultation] = await db
    .select({ ...consultationColumns, timeZone: meetings.timeZone })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId));
  if (!consultation) return null;

  const latest = db
    .selectDistinctOn([submissionRevisions.submissionId], {
      submissionId: submissionRevisions.submissionId,
      id: submissionRevisions.id,
      revisionNumber: submissionRevisions.revisionNumber,
      receiptNumber: submissionRevisions.receiptNumber,
      language: submissionRevisions.language,
      source: submissionRevisions.source,
      submittedAt: submissionRevisions.submittedAt,
      supersededAt: submissionRevisions.supersededAt,
      withdrawnAt: submissionRevisions.withdrawnAt,
      late: submissionRevisions.late,
      lateDecidedAt: submissionRevisions.lateDecidedAt,
      lateReason: submissionRevisions.lateReason,
    })
    .from(submissionRevisions)
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .where(eq(submissions.consultationId, consultationId))
    .orderBy(submissionRevisions.submissionId, desc(submissionRevisions.revisionNumber))
    .as("latest_revision");
  const [rows, counts] = await Promise.all([
    db
      .select({
        delegation: delegationColumns,
        participation: registrations.participation,
        deadlineExtendedTo: registrations.deadlineExtendedTo,
        submissionId: submissions.id,
        submissionStatus: submissions.status,
        draftLanguage: submissions.language,
        draftUpdatedAt: submissions.draftUpdatedAt,
        latest: {
          id: latest.id,
          revisionNumber: latest.revisionNumber,
          receiptNumber: latest.receiptNumber,
          language: latest.language,
          source: latest.source,
          submittedAt: latest.submittedAt,
          supersededAt: latest.supersededAt,
          withdrawnAt: latest.withdrawnAt,
          late: latest.late,
          lateDecidedAt: latest.lateDecidedAt,
          lateReason: latest.lateReason,
        },
      })
      .from(registrations)
      .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
      .leftJoin(submissions, and(eq(submissions.consultationId, consultationId), eq(submissions.delegationId, registrations.delegationId)))
      .leftJoin(latest, eq(latest.submissionId, submissions.id))
      .where(eq(registrations.consultationId, consultationId))
      .orderBy(asc(delegations.nameEn)),
    db
      .select({ submissionId: submissionRevisions.submissionId, n: count() })
      .from(submissionRevisions)
      .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
      .where(eq(submissions.consultationId, consultationId))
      .groupBy(submissionRevisions.submissionId),
  ]);
  const revisionCount = new Map(counts.map((c) => [c.submissionId, c.n]));
  const list = rows.map((r) => {
    const rev = r.latest?.id ? r.latest : null;
    return {
      delegation: r.delegation,
      participation: r.participation,
      deadline: effectiveDeadline(consultation.deadline, r.deadlineExtendedTo),
      deadlineExtendedTo: r.deadlineExtendedTo,
      submission: r.submissionId
        ? { id: r.submissionId, status: r.submissionStatus!, draftLanguage: r.draftLanguage!, draftUpdatedAt: r.draftUpdatedAt }
        : null,
      latest: rev
        ? {
            id: rev.id!,
            revisionNumber: rev.revisionNumber!,
            receiptNumber: rev.receiptNumber!,
            language: rev.language!,
            source: rev.source!,
            submittedAt: rev.submittedAt!,
            supersededAt: rev.supersededAt,
            withdrawnAt: rev.withdrawnAt,
            late: rev.late,
            lateDecidedAt: rev.lateDecidedAt,
            lateReason: rev.lateReason,
            state: revisionState({ supersededAt: rev.supersededAt, withdrawnAt: rev.withdrawnAt, late: rev.late }),
          }
        : null,
      revisionCount: r.submissionId ? (revisionCount.get(r.submissionId) ?? 0) : 0,
    };
  });
  return {
    consultation: {
      id: consultation.id,
      title: consultation.title,
      status: consultation.status,
      deadline: consultation.deadline,
      timeZone: consultation.timeZone,
    },
    rows: list,
    totals: {
      registered: list.length,
      submitted: list.filter((r) => r.latest && r.latest.state !== "withdrawn").length,
      latePending: list.filter((r) => r.latest?.state === "pending").length,
      withdrawn: list.filter((r) => r.latest?.state === "withdrawn").length,
      none: list.filter((r) => !r.latest).length,
    },
  };
}

export type LateDecisionResult =
  | { ok: true; receiptNumber: string; decision: "accepted" | "declined" }
  | { ok: false; reason: "not_found" | "not_pending" | "invalid" | "reason_required" | "reason_too_long" };

/**
 * The secretariat accepts or declines a late revision held for it, with a reason (required),
 * recorded on the revision and as "submission.late_decision" in the audit log; the mission is
 * told in each delegate's language. Accepting makes it the delegation's current revision (the
 * earlier ones are superseded); declining leaves the earlier ones as they were. Only a late
 * revision still pending (not superseded or withdrawn) can be decided, once; not after the CRP
 * is compiled.
 */
export async function decideLateSubmission(
  user: SessionUser,
  input: { revisionId: string; decision: "accepted" | "declined"; reason: string; ipAddress?: string | null; baseUrl?: string | null },
): Promise<LateDecisionResult> {
  if (!mayManageSubmissions(user) || !isUuid(input.revisionId)) return { ok: false, reason: "not_found" };
  if (input.decision !== "accepted" && input.decision !== "declined") return { ok: false, reason: "invalid" };
  const reason = checkDecisionReason(input.reason);
  if (!reason.ok) return { ok: false, reason: reason.refusal };
  const db = await getDb();
  return db.transaction(async (tx): Promise<LateDecisionResult> => {
    const [found] = await tx
      .select({ consultationId: submissions.consultationId, delegationId: submissions.delegationId })
      .from(submissionRevisions)
      .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
      .where(eq(submissionRevisions.id, input.revisionId));
    if (!found) return { ok: false, reason: "not_found" };
    const access = await selectDelegationAccess(tx, found.delegationId, found.consultationId, true);
    if (!access) return { ok: false, reason: "not_found" };
    if (access.consultation.status === "compiled") return { ok: false, reason: "not_pending" };
    const submission = await lockSubmission(tx, found.consultationId, found.delegationId);
    const [revision] = await tx
      .select({
        id: submissionRevisions.id,
        revisionNumber: submissionRevisions.revisionNumber,
        receiptNumber: submissionRevisions.receiptNumber,
        late: submissionRevisions.late,
        supersededAt: submissionRevisions.supersededAt,
        withdrawnAt: submissionRevisions.withdrawnAt,
      })
      .from(submissionRevisions)
      .where(eq(submissionRevisions.id, input.revisionId));
    if (!submission || !revision) return { ok: false, reason: "not_found" };
    if (revision.late !== "pending" || revision.supersededAt || revision.withdrawnAt) return { ok: false, reason: "not_pending" };

    const now = new Date();
    await tx
      .update(submissionRevisions)
      .set({ late: input.decision, lateDecidedBy: user.id, lateDecidedAt: now, lateReason: reason.reason })
      .where(eq(submissionRevisions.id, revision.id));
    if (input.decision === "accepted") {
      await tx
        .update(submissionRevisions)
        .set({ supersededAt: now })
        .where(
          and(
            eq(submissionRevisions.submissionId, submission.id),
            lt(submissionRevisions.revisionNumber, revision.revisionNumber),
            isNull(submissionRevisions.supersededAt),
          ),
        );
    }
    await recordAudit(
      {
        actorId: user.id,
        action: "submission.late_decision",
        entityType: "submission_revision",
        entityId: revision.id,
        consultationId: found.consultationId,
        details: {
          delegation: access.delegation.code,
          receipt: revision.receiptNumber,
          revision: revision.revisionNumber,
          decision: input.decision,
          reason: reason.reason,
        },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    await notifyMission(tx, access, { kind: SUBMISSION_MESSAGE_KINDS.lateDecision, dedupe: `late:${revision.id}`, baseUrl: input.baseUrl }, (context) =>
      lateDecisionMessage({ ...context, receiptNumber: revision.receiptNumber, decision: input.decision, reason: reason.reason }),
    );
    return { ok: true, receiptNumber: revision.receiptNumber, decision: input.decision };
  });
}

export type ExtendDeadlineResult =
  { ok: true; until: Date } | { ok: false; reason: "not_found" | "not_open" | "invalid" | "extension_not_later" | "extension_past" };

/**
 * The secretariat extends the deadline for one registered delegation (the consultation must be
 * open; the new deadline later than the consultation's and in the future). Recorded as
 * "registration.extend_deadline" in the audit log, with the old and new extension; every
 * delegate of the mission is told the new deadline in the meeting's zone and theirs.
 */
export async function extendDeadline(
  user: SessionUser,
  input: { consultationId: string; delegationId: string; until: Date; ipAddress?: string | null; baseUrl?: string | null },
): Promise<ExtendDeadlineResult> {
  if (!mayManageSubmissions(user) || !isUuid(input.consultationId) || !isUuid(input.delegationId)) return { ok: false, reason: "not_found" };
  if (!(input.until instanceof Date) || Number.isNaN(input.until.getTime())) return { ok: false, reason: "invalid" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<ExtendDeadlineResult> => {
    const access = await selectDelegationAccess(tx, input.delegationId, input.consultationId, "update-registration");
    if (!access) return { ok: false, reason: "not_found" };
    if (access.consultation.status !== "open") return { ok: false, reason: "not_open" };
    const problem = extensionProblem(input.until, access.consultation.deadline, new Date());
    if (problem) return { ok: false, reason: problem };
    await tx.update(registrations).set({ deadlineExtendedTo: input.until }).where(eq(registrations.id, access.registration.id));
    // The mission's pending invitations must outlive its new deadline.
    await extendPendingInvitations(tx, { consultationId: input.consultationId, deadline: input.until, delegationIds: [input.delegationId] });
    await recordAudit(
      {
        actorId: user.id,
        action: "registration.extend_deadline",
        entityType: "registration",
        entityId: access.registration.id,
        consultationId: input.consultationId,
        details: {
          delegation: access.delegation.code,
          from: access.registration.deadlineExtendedTo?.toISOString() ?? null,
          to: input.until.toISOString(),
        },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    await notifyMission(
      tx,
      access,
      { kind: SUBMISSION_MESSAGE_KINDS.extension, dedupe: `extension:${access.registration.id}:${input.until.toISOString()}`, baseUrl: input.baseUrl },
      (context) => extensionMessage({ ...context, until: input.until }),
    );
    return { ok: true, until: input.until };
  });
}
