// The revisions of one delegation's submission, as the secretariat and chairs list them on the
// revision page: found by the delegation's code (the address says /submissions/PER/2), with the
// file name of an imported email's attachment. Reading one revision's content is getRevision's
// job (submission.server.ts); this only lists and resolves.
import { and, desc, eq, isNull, or, type SQL } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { isUuid } from "~/lib/ids";
import { revisionState, type LateDecision, type RevisionState } from "~/lib/submission-rules";
import { mayReadComments, maySeeRevision } from "~/lib/permissions";
import { consultationVisibleTo } from "~/models/consultation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";

const { attachments, consultations, delegations, submissionRevisions, submissions } = schema;

/**
 * A revision whose comments count (what the side-by-side view, the translation desk, the review
 * and the CRP read): not superseded, not withdrawn, on time or late and accepted. The SQL form of
 * `revisionState(...) === "current"` without the pending ones.
 */
export function isCurrentRevision(): SQL {
  return and(
    isNull(submissionRevisions.supersededAt),
    isNull(submissionRevisions.withdrawnAt),
    or(isNull(submissionRevisions.late), eq(submissionRevisions.late, "accepted")),
  )!;
}

/** A delegation's code as addresses carry it: ISO 3166 alpha-3, or two letters such as EU. */
export function isDelegationCode(value: string | undefined | null): value is string {
  return typeof value === "string" && /^[A-Z]{2,3}$/.test(value);
}

export type DelegationRevision = {
  id: string;
  revisionNumber: number;
  receiptNumber: string;
  language: Language;
  source: "editor" | "email_import";
  submittedAt: Date;
  late: LateDecision | null;
  state: RevisionState;
  attachmentFilename: string | null;
};

/**
 * The delegation (by code) and its revisions in a consultation, newest first, or null: for the
 * secretariat, and for chairs of that consultation, who do not see late revisions still pending
 * or declined (the same rule as getRevision). Delegates get null (their own revisions are in
 * their submission page). Null too when the delegation has no revision the reader may see, so a
 * guessed code reveals nothing. One query.
 */
export async function listDelegationRevisions(
  user: SessionUser,
  input: { consultationId: string; delegationCode: string },
): Promise<{ delegation: { id: string; code: string }; revisions: DelegationRevision[] } | null> {
  if (!mayReadComments(user) || !isUuid(input.consultationId) || !isDelegationCode(input.delegationCode)) return null;
  const db = await getDb();
  const rows = await db
    .select({
      delegationId: delegations.id,
      code: delegations.code,
      id: submissionRevisions.id,
      revisionNumber: submissionRevisions.revisionNumber,
      receiptNumber: submissionRevisions.receiptNumber,
      language: submissionRevisions.language,
      source: submissionRevisions.source,
      submittedAt: submissionRevisions.submittedAt,
      supersededAt: submissionRevisions.supersededAt,
      withdrawnAt: submissionRevisions.withdrawnAt,
      late: submissionRevisions.late,
      attachmentFilename: attachments.filename,
    })
    .from(submissionRevisions)
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .leftJoin(attachments, eq(attachments.id, submissionRevisions.attachmentId))
    .where(and(eq(consultations.id, input.consultationId), eq(delegations.code, input.delegationCode), consultationVisibleTo(user)))
    .orderBy(desc(submissionRevisions.revisionNumber));
  const visible = rows.filter((r) => maySeeRevision(user, { delegationId: r.delegationId, late: r.late }));
  const first = visible[0];
  if (!first) return null;
  return {
    delegation: { id: first.delegationId, code: first.code },
    revisions: visible.map((r) => ({
      id: r.id,
      revisionNumber: r.revisionNumber,
      receiptNumber: r.receiptNumber,
      language: r.language,
      source: r.source,
      submittedAt: r.submittedAt,
      late: r.late,
      state: revisionState(r),
      attachmentFilename: r.attachmentFilename,
    })),
  };
}
