// Where the delegate's own delegation stands on each consultation circulated to it: the facts the
// pure `delegationState` needs (draft, revisions, clearance) and the delegation's own deadline, for all its
// consultations in one query — the home list shows one row per consultation, never a query each.
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { alias, type SelectedFields } from "drizzle-orm/pg-core";
import { effectiveDeadline } from "~/lib/deadlines";
import { delegationState, type DelegationFacts, type DelegationState, type RevisionFacts } from "~/lib/delegation-state";
import { isUuid } from "~/lib/ids";
import { mayWriteSubmission } from "~/lib/permissions";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader } from "~/utils/db.server";

const { consultations, delegations, registrations, submissionRevisions, submissions, users } = schema;

/** Who last asked for the clearance of a submission's draft (issue 19), in selectRegisteredSubmissions. */
export const clearanceRequester = alias(users, "clearance_requester");

/**
 * `fields` of registrations, each with its consultation, its delegation, the delegation's
 * submission there (if any) and who last asked for the clearance of its draft (clearanceRequester).
 * (Selected as `T & SelectedFields`: the intersection lets TypeScript follow the joins of a generic
 * selection.)
 */
export function selectRegisteredSubmissions<T extends SelectedFields>(db: Reader, fields: T) {
  return db
    .select<T & SelectedFields>(fields)
    .from(registrations)
    .innerJoin(consultations, eq(consultations.id, registrations.consultationId))
    .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
    .leftJoin(submissions, and(eq(submissions.consultationId, registrations.consultationId), eq(submissions.delegationId, registrations.delegationId)))
    .leftJoin(clearanceRequester, eq(clearanceRequester.id, submissions.clearanceRequestedBy));
}

export type DelegationProgress = {
  state: DelegationState;
  /** The delegation's deadline: the consultation's, or the secretariat's extension for it. */
  deadline: Date | null;
  extended: boolean;
};

/**
 * For a delegate, per consultation id (all those circulated to the delegation, or only `only`):
 * the delegation's state and its own deadline. Empty for anyone else. One query: registrations
 * joined to the consultation, the submission and every revision (a delegation has a handful per
 * consultation; the revisions' content is not read).
 */
export async function getDelegationProgress(user: SessionUser, only?: string[]): Promise<Map<string, DelegationProgress>> {
  const result = new Map<string, DelegationProgress>();
  if (!mayWriteSubmission(user) || !user.delegationId) return result;
  const ids = only?.filter(isUuid);
  if (ids && ids.length === 0) return result;
  const db = await getDb();
  const rows = await selectRegisteredSubmissions(db, {
    consultationId: consultations.id,
    status: consultations.status,
    deadline: consultations.deadline,
    extendedTo: registrations.deadlineExtendedTo,
    draftVersion: submissions.draftVersion,
    draftUpdatedAt: submissions.draftUpdatedAt,
    // Clearance inside the mission (issue 19): the setting, the latest request, the cleared version.
    clearanceRequired: delegations.clearanceRequired,
    clearanceRequestedAt: submissions.clearanceRequestedAt,
    clearanceRequestedBy: clearanceRequester.name,
    clearedDraftVersion: submissions.clearedDraftVersion,
    revision: {
      revisionNumber: submissionRevisions.revisionNumber,
      receiptNumber: submissionRevisions.receiptNumber,
      draftVersion: submissionRevisions.draftVersion,
      submittedAt: submissionRevisions.submittedAt,
      supersededAt: submissionRevisions.supersededAt,
      withdrawnAt: submissionRevisions.withdrawnAt,
      late: submissionRevisions.late,
    },
  })
    .leftJoin(submissionRevisions, eq(submissionRevisions.submissionId, submissions.id))
    .where(
      and(
        eq(registrations.delegationId, user.delegationId),
        // A draft consultation is the secretariat's alone, as everywhere a delegate reads.
        ne(consultations.status, "draft"),
        ids ? inArray(consultations.id, ids) : undefined,
      ),
    )
    .orderBy(asc(consultations.id), desc(submissionRevisions.revisionNumber));

  const grouped = new Map<string, { row: (typeof rows)[number]; revisions: RevisionFacts[] }>();
  for (const row of rows) {
    const entry = grouped.get(row.consultationId) ?? { row, revisions: [] };
    grouped.set(row.consultationId, entry);
    const r = row.revision;
    if (r && r.revisionNumber !== null && r.receiptNumber !== null && r.submittedAt !== null) {
      entry.revisions.push({
        revisionNumber: r.revisionNumber,
        receiptNumber: r.receiptNumber,
        draftVersion: r.draftVersion,
        submittedAt: r.submittedAt,
        supersededAt: r.supersededAt,
        withdrawnAt: r.withdrawnAt,
        late: r.late,
      });
    }
  }
  for (const [consultationId, { row, revisions }] of grouped) {
    const facts: DelegationFacts = {
      consultationStatus: row.status,
      draft: row.draftVersion === null ? null : { version: row.draftVersion, savedAt: row.draftUpdatedAt },
      revisions,
      clearance: {
        required: row.clearanceRequired,
        requestedAt: row.clearanceRequestedAt,
        requestedBy: row.clearanceRequestedBy,
        clearedDraftVersion: row.clearedDraftVersion,
      },
    };
    result.set(consultationId, {
      state: delegationState(facts),
      deadline: effectiveDeadline(row.deadline, row.extendedTo),
      extended: row.extendedTo !== null,
    });
  }
  return result;
}
