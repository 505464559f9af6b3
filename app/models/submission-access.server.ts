// Who may reach a delegation's submission, and what its delegates read: the access rule (a
// delegate reaches only their own delegation's submission of a circulated consultation it is
// registered for; anything else is null, which routes turn into 404), the deadline with its
// extension, the delegate's submission page, and one submitted revision for whoever may read it
// (the mission, the secretariat, the consultation's chairs, never a draft). The columns and
// selectors the other submission modules share are here too.
import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { effectiveDeadline, isBeforeDeadline } from "~/lib/deadlines";
import { isUuid } from "~/lib/ids";
import { revisionState, type LateDecision, type RevisionState, type SubmissionContent } from "~/lib/submission-rules";
import { mayReadComments, maySeeRevision, mayWriteSubmission } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { consultationVisibleTo, selectAgendaItems, selectLatestNonPaper } from "~/models/consultation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";
import { delegationSentenceColumns } from "~/models/delegation.server";
import { jointFactsColumns, jointFactsOf } from "~/models/joint-speaker.server";

const {
  comments,
  consultations,
  delegations,
  discussionPoints,
  groups,
  meetings,
  nonPaperPoints,
  pointVersions,
  registrations,
  submissionRevisions,
  submissions,
  users,
} = schema;

export const delegationColumns = {
  id: delegations.id,
  code: delegations.code,
  // With the articles: the pages and emails put the name into sentences ("observations du Pérou").
  ...delegationSentenceColumns,
};

export const consultationColumns = {
  id: consultations.id,
  title: consultations.title,
  status: consultations.status,
  deadline: consultations.deadline,
  receiptPrefix: consultations.receiptPrefix,
};

const meetingColumns = {
  body: meetings.body,
  venue: meetings.venue,
  bodyTranslations: meetings.bodyTranslations,
  venueTranslations: meetings.venueTranslations,
  startDate: meetings.startDate,
  endDate: meetings.endDate,
  timeZone: meetings.timeZone,
};

const revisionColumns = {
  id: submissionRevisions.id,
  revisionNumber: submissionRevisions.revisionNumber,
  receiptNumber: submissionRevisions.receiptNumber,
  language: submissionRevisions.language,
  source: submissionRevisions.source,
  draftVersion: submissionRevisions.draftVersion,
  submittedAt: submissionRevisions.submittedAt,
  submittedById: submissionRevisions.submittedBy,
  supersededAt: submissionRevisions.supersededAt,
  withdrawnAt: submissionRevisions.withdrawnAt,
  late: submissionRevisions.late,
  lateDecidedAt: submissionRevisions.lateDecidedAt,
  lateReason: submissionRevisions.lateReason,
  attachmentId: submissionRevisions.attachmentId,
};

/** One revision as lists show it. */
export type RevisionSummary = {
  id: string;
  revisionNumber: number;
  receiptNumber: string;
  language: Language;
  source: "editor" | "email_import";
  /** The draft version frozen in it (null for an imported email). */
  draftVersion: number | null;
  submittedAt: Date;
  submittedBy: { id: string; name: string } | null;
  supersededAt: Date | null;
  withdrawnAt: Date | null;
  late: LateDecision | null;
  lateDecidedAt: Date | null;
  lateReason: string | null;
  attachmentId: string | null;
  state: RevisionState;
};

function summarize(row: {
  id: string;
  revisionNumber: number;
  receiptNumber: string;
  language: Language;
  source: "editor" | "email_import";
  draftVersion: number | null;
  submittedAt: Date;
  submittedById: string | null;
  submittedByName: string | null;
  supersededAt: Date | null;
  withdrawnAt: Date | null;
  late: LateDecision | null;
  lateDecidedAt: Date | null;
  lateReason: string | null;
  attachmentId: string | null;
}): RevisionSummary {
  const { submittedById, submittedByName, ...rest } = row;
  return {
    ...rest,
    submittedBy: submittedById ? { id: submittedById, name: submittedByName ?? "" } : null,
    state: revisionState(row),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The consultation as one delegation's delegate may reach it: not a draft, and the delegation
 * registered. With the delegation's extension and names. One query; `lock` share-locks the
 * consultation and the registration for the caller's transaction, so that closing the reflection
 * period or changing the extension waits for a save or submit in progress.
 */
export async function selectDelegationAccess(db: Reader, delegationId: string, consultationId: string, lock: boolean | "update-registration" = false) {
  const query = db
    .select({
      consultation: consultationColumns,
      meeting: meetingColumns,
      registration: { id: registrations.id, deadlineExtendedTo: registrations.deadlineExtendedTo },
      delegation: delegationColumns,
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .innerJoin(registrations, and(eq(registrations.consultationId, consultations.id), eq(registrations.delegationId, delegationId)))
    .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
    .where(and(eq(consultations.id, consultationId), ne(consultations.status, "draft")));
  // "update-registration": the caller changes the registration (a deadline extension).
  const [row] =
    lock === "update-registration"
      ? await query.for("update", { of: registrations })
      : lock
        ? await query.for("share", { of: [consultations, registrations] })
        : await query;
  return row ?? null;
}

export type Access = NonNullable<Awaited<ReturnType<typeof selectDelegationAccess>>>;

export function delegateScope(user: SessionUser, consultationId: string): string | null {
  if (!mayWriteSubmission(user) || !user.delegationId || !isUuid(consultationId)) return null;
  return user.delegationId;
}

/**
 * The delegate's delegation and its access to the consultation (selectDelegationAccess, without
 * locks), with the database to read on; null when the user is not a delegate of a delegation
 * registered for this circulated consultation (the route answers 404). One query.
 */
export async function readDelegateAccess(user: SessionUser, consultationId: string) {
  const delegationId = delegateScope(user, consultationId);
  if (!delegationId) return null;
  const db = await getDb();
  const access = await selectDelegationAccess(db, delegationId, consultationId);
  return access ? { db, delegationId, access } : null;
}

/**
 * Runs `work` in a transaction with the delegate's access share-locked (selectDelegationAccess), or
 * answers not_found, writing nothing, when the user is not a delegate of a delegation registered
 * for this circulated consultation. `now` is the server's clock as the transaction began.
 */
export async function inDelegateTransaction<R>(
  user: SessionUser,
  consultationId: string,
  work: (tx: Transaction, access: Access, now: Date) => Promise<R>,
): Promise<R | { ok: false; reason: "not_found" }> {
  const delegationId = delegateScope(user, consultationId);
  if (!delegationId) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const access = await selectDelegationAccess(tx, delegationId, consultationId, true);
    if (!access) return { ok: false as const, reason: "not_found" as const };
    return work(tx, access, new Date());
  });
}

/**
 * A delegate's change in the audit log, in the change's transaction: in the consultation of
 * `access`, the details naming the delegation by its code first.
 */
export function recordDelegateAudit(
  tx: Transaction,
  entry: {
    user: SessionUser;
    access: Access;
    action: string;
    entityType: string;
    entityId: string;
    details: Record<string, unknown>;
    ipAddress?: string | null;
  },
) {
  return recordAudit(
    {
      actorId: entry.user.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      consultationId: entry.access.consultation.id,
      details: { delegation: entry.access.delegation.code, ...entry.details },
      ipAddress: entry.ipAddress ?? null,
    },
    tx,
  );
}

/** The points of one circulated non-paper with the frozen version of each: one query. */
function selectCirculatedPoints(db: Reader, nonPaperId: string) {
  return db
    .select({
      id: discussionPoints.id,
      agendaItemId: discussionPoints.agendaItemId,
      label: discussionPoints.label,
      versionId: pointVersions.id,
      versionNumber: pointVersions.versionNumber,
      text: pointVersions.text,
    })
    .from(nonPaperPoints)
    .innerJoin(pointVersions, eq(pointVersions.id, nonPaperPoints.pointVersionId))
    .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
    .where(eq(nonPaperPoints.nonPaperId, nonPaperId))
    .orderBy(asc(discussionPoints.position), asc(discussionPoints.id));
}

export type CirculatedPoint = Awaited<ReturnType<typeof selectCirculatedPoints>>[number];

/** The circulated points of a consultation's latest non-paper (none before circulation): two queries. */
export async function circulatedPointsOf(db: Reader, consultationId: string) {
  const [latest] = await selectLatestNonPaper(db, consultationId);
  return { nonPaper: latest ?? null, points: latest ? await selectCirculatedPoints(db, latest.id) : [] };
}

const commentColumns = {
  kind: comments.kind,
  agendaItemId: comments.agendaItemId,
  pointId: comments.pointId,
  basePointVersionId: comments.basePointVersionId,
  label: comments.label,
  position: comments.position,
  body: comments.body,
  proposedText: comments.proposedText,
};

export type CommentRow = {
  kind: "general" | "point" | "amendment" | "new_proposal";
  agendaItemId: string;
  pointId: string | null;
  basePointVersionId: string | null;
  label: string | null;
  position: number;
  body: string;
  proposedText: string | null;
};

/** The draft's comments (revisionId null) or one revision's: one query. */
export function selectComments(db: Reader, submissionId: string, revisionId: string | null) {
  return db
    .select(commentColumns)
    .from(comments)
    .where(and(eq(comments.submissionId, submissionId), revisionId ? eq(comments.revisionId, revisionId) : isNull(comments.revisionId)))
    .orderBy(asc(comments.position), asc(comments.kind));
}

/** Comment rows back into a content, each list in its stored order. */
export function contentFromRows(language: Language, rows: CommentRow[]): SubmissionContent {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  return {
    language,
    general: sorted.filter((r) => r.kind === "general").map((r) => ({ agendaItemId: r.agendaItemId, body: r.body })),
    points: sorted
      .filter((r) => r.kind === "point" || r.kind === "amendment")
      .map((r) => ({ pointId: r.pointId!, body: r.body, proposedText: r.kind === "amendment" ? r.proposedText : null })),
    proposals: sorted.filter((r) => r.kind === "new_proposal").map((r) => ({ agendaItemId: r.agendaItemId, label: r.label ?? "", body: r.body })),
  };
}

/** One submission's revisions, newest first, with who submitted each: one query. */
async function selectRevisions(db: Reader, submissionId: string): Promise<RevisionSummary[]> {
  const rows = await db
    .select({ ...revisionColumns, submittedByName: users.name })
    .from(submissionRevisions)
    .leftJoin(users, eq(users.id, submissionRevisions.submittedBy))
    .where(eq(submissionRevisions.submissionId, submissionId))
    .orderBy(desc(submissionRevisions.revisionNumber));
  return rows.map(summarize);
}

export type DraftState = {
  content: SubmissionContent;
  /** Name it as `baseDraftVersion` in the next save; 0 before the first save. */
  draftVersion: number;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
};

export function deadlineFacts(access: Access, now: Date) {
  const effective = effectiveDeadline(access.consultation.deadline, access.registration.deadlineExtendedTo);
  return {
    consultation: access.consultation.deadline,
    extendedTo: access.registration.deadlineExtendedTo,
    effective,
    passed: !isBeforeDeadline(effective, now),
  };
}

/**
 * Everything the delegate's submission page needs, or null when the user is not a delegate of a
 * delegation registered for this circulated consultation (the route answers 404):
 * - the consultation, the meeting (for its time zone) and the delegation;
 * - the agenda items, with the points of the latest non-paper in their circulated wording and the
 *   id of the frozen version an amendment is measured against;
 * - the shared draft (content, version, who saved it last and when);
 * - the revisions, newest first (receipt, time, who, superseded, withdrawn, late status);
 * - the delegation's deadline (the consultation's, or its extension) and whether it has passed,
 *   on the server's clock; what the delegation may do now.
 * Seven queries, however many points, comments and revisions.
 */
export async function getSubmissionForDelegate(user: SessionUser, consultationId: string) {
  const opened = await readDelegateAccess(user, consultationId);
  if (!opened) return null;
  const { db, delegationId, access } = opened;
  const now = new Date();

  const [items, circulated, [submission]] = await Promise.all([
    selectAgendaItems(db, consultationId),
    circulatedPointsOf(db, consultationId),
    db
      .select({
        id: submissions.id,
        status: submissions.status,
        language: submissions.language,
        draftVersion: submissions.draftVersion,
        draftUpdatedAt: submissions.draftUpdatedAt,
        draftUpdatedById: submissions.draftUpdatedBy,
        draftUpdatedByName: users.name,
      })
      .from(submissions)
      .leftJoin(users, eq(users.id, submissions.draftUpdatedBy))
      .where(and(eq(submissions.consultationId, consultationId), eq(submissions.delegationId, delegationId))),
  ]);
  const [draftRows, revisions] = submission ? await Promise.all([selectComments(db, submission.id, null), selectRevisions(db, submission.id)]) : [[], []];

  const deadline = deadlineFacts(access, now);
  const open = access.consultation.status === "open";
  const draft: DraftState = submission
    ? {
        content: contentFromRows(submission.language, draftRows),
        draftVersion: submission.draftVersion,
        updatedAt: submission.draftUpdatedAt,
        updatedBy: submission.draftUpdatedById ? { id: submission.draftUpdatedById, name: submission.draftUpdatedByName ?? "" } : null,
      }
    : { content: { language: user.language, general: [], points: [], proposals: [] }, draftVersion: 0, updatedAt: null, updatedBy: null };
  const latest = revisions[0] ?? null;
  const withdrawable = revisions.some((r) => r.state === "current" || r.state === "pending");

  return {
    consultation: {
      id: access.consultation.id,
      title: access.consultation.title,
      status: access.consultation.status,
      receiptPrefix: access.consultation.receiptPrefix,
    },
    meeting: access.meeting,
    delegation: access.delegation,
    nonPaper: circulated.nonPaper,
    agendaItems: items.map((item) => ({
      ...item,
      points: circulated.points
        .filter((p) => p.agendaItemId === item.id)
        .map((p) => ({ id: p.id, label: p.label, text: p.text, versionId: p.versionId, versionNumber: p.versionNumber })),
    })),
    draft,
    submissionStatus: submission?.status ?? null,
    revisions,
    deadline,
    can: {
      /** Save the draft: only while open and before the deadline. */
      edit: open && !deadline.passed,
      /** Submit: while open; after the deadline it is held as late. */
      submit: open,
      submitIsLate: open && deadline.passed,
      withdraw: open && !deadline.passed && withdrawable,
    },
    /** The draft differs from what was last submitted (or nothing was submitted yet). */
    unsubmittedChanges: draft.draftVersion > 0 && (latest === null || latest.draftVersion !== draft.draftVersion),
  };
}

export type SubmissionForDelegate = NonNullable<Awaited<ReturnType<typeof getSubmissionForDelegate>>>;

/**
 * The delegation's revisions, newest first, for the receipt page's list; null exactly when
 * getSubmissionForDelegate would be (not a delegate of a delegation registered for this circulated
 * consultation). Three queries, the first two at once, without the draft or the circulated text.
 */
export async function listRevisionsForDelegate(user: SessionUser, consultationId: string): Promise<RevisionSummary[] | null> {
  const delegationId = delegateScope(user, consultationId);
  if (!delegationId) return null;
  const db = await getDb();
  const [access, [submission]] = await Promise.all([
    selectDelegationAccess(db, delegationId, consultationId),
    db
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.consultationId, consultationId), eq(submissions.delegationId, delegationId))),
  ]);
  if (!access) return null;
  return submission ? selectRevisions(db, submission.id) : [];
}

/**
 * The delegate's own deadline for a consultation (the consultation's, or their delegation's
 * extension), for the consultation page's deadline and countdown; null for anyone who is not a
 * delegate of a registered delegation. One query.
 */
export async function getDelegationDeadline(user: SessionUser, consultationId: string): Promise<{ effective: Date | null; extendedTo: Date | null } | null> {
  const access = (await readDelegateAccess(user, consultationId))?.access;
  if (!access) return null;
  return {
    effective: effectiveDeadline(access.consultation.deadline, access.registration.deadlineExtendedTo),
    extendedTo: access.registration.deadlineExtendedTo,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading one revision

/**
 * One submitted revision with its frozen content, for the mission (its own delegation only), the
 * secretariat and the chairs of the consultation (who do not see late revisions still pending or
 * declined). `delegationId` is needed by the secretariat and chairs; a delegate's own is used
 * whatever is passed (another delegation's id gives null). Null means 404. Five queries.
 * Each point commented on comes with the circulated version it was measured against, for the
 * amendment's redline.
 */
export async function getRevision(user: SessionUser, input: { consultationId: string; revisionNumber: number; delegationId?: string | null }) {
  if (!isUuid(input.consultationId) || !Number.isSafeInteger(input.revisionNumber) || input.revisionNumber < 1) return null;
  let delegationId: string;
  if (mayReadComments(user)) {
    // The secretariat and the chairs name the delegation.
    if (!input.delegationId || !isUuid(input.delegationId)) return null;
    delegationId = input.delegationId;
  } else {
    // A delegate reads their own delegation's revisions only.
    if (!user.delegationId || (input.delegationId && input.delegationId !== user.delegationId)) return null;
    delegationId = user.delegationId;
  }
  const db = await getDb();
  const [row] = await db
    .select({
      consultation: { id: consultations.id, title: consultations.title, status: consultations.status },
      timeZone: meetings.timeZone,
      delegation: delegationColumns,
      submissionId: submissions.id,
      revision: { ...revisionColumns, submittedByName: users.name },
      // Who the submission speaks for, its co-sponsors and those aligned with it (issue 19).
      ...jointFactsColumns,
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .innerJoin(submissions, and(eq(submissions.consultationId, consultations.id), eq(submissions.delegationId, delegationId)))
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .innerJoin(submissionRevisions, and(eq(submissionRevisions.submissionId, submissions.id), eq(submissionRevisions.revisionNumber, input.revisionNumber)))
    .leftJoin(users, eq(users.id, submissionRevisions.submittedBy))
    .leftJoin(groups, eq(groups.id, submissions.onBehalfOfGroupId))
    .where(and(eq(consultations.id, input.consultationId), consultationVisibleTo(user)));
  if (!row) return null;
  // A late revision still pending or declined is held for the secretariat: not yet part of what chairs review.
  if (!maySeeRevision(user, { delegationId, late: row.revision.late })) return null;

  const [rows, items] = await Promise.all([selectComments(db, row.submissionId, row.revision.id), selectAgendaItems(db, input.consultationId)]);
  const versionIds = [...new Set(rows.map((r) => r.basePointVersionId).filter((id): id is string => id !== null))];
  const points = versionIds.length
    ? await db
        .select({
          id: discussionPoints.id,
          agendaItemId: discussionPoints.agendaItemId,
          label: discussionPoints.label,
          versionId: pointVersions.id,
          versionNumber: pointVersions.versionNumber,
          text: pointVersions.text,
        })
        .from(pointVersions)
        .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
        .where(inArray(pointVersions.id, versionIds))
        .orderBy(asc(discussionPoints.position))
    : [];
  return {
    consultation: row.consultation,
    timeZone: row.timeZone,
    delegation: row.delegation,
    revision: summarize(row.revision),
    joint: jointFactsOf(row),
    content: contentFromRows(row.revision.language, rows),
    agendaItems: items,
    /** The circulated version each point comment or amendment refers to. */
    points,
  };
}

export type RevisionForReader = NonNullable<Awaited<ReturnType<typeof getRevision>>>;
