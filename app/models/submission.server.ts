// A delegation's submission: the mission's shared draft, its submitted revisions with their
// receipts, withdrawal, and the deadline (with late submissions held for the secretariat).
// Every function is scoped by who asks: a delegate reaches only their own delegation's
// submission (anything else is null or "not_found", which routes turn into 404); the secretariat
// reads everything; chairs read submitted revisions of the consultations they chair, never drafts.
import { and, asc, count, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { formatCalendarRange } from "~/lib/dates";
import { effectiveDeadline, extensionProblem, isBeforeDeadline } from "~/lib/deadlines";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { formatReceiptNumber } from "~/lib/receipts";
import {
  extensionMessage,
  lateDecisionMessage,
  receiptMessage,
  withdrawalMessage,
  type SubmissionMessageContext,
} from "~/lib/submission-email";
import {
  checkDecisionReason,
  isEmptyContent,
  isIdempotencyKey,
  parseSubmissionContent,
  revisionState,
  type ContentIssue,
  type ContentSources,
  type LateDecision,
  type RevisionState,
  type SubmissionContent,
} from "~/lib/submission-rules";
import type { MessageText } from "~/lib/notification-text";
import { recordAudit } from "~/models/audit.server";
import { consultationLink } from "~/models/circulation.server";
import { consultationVisibleTo, selectAgendaItems, selectLatestNonPaper, type Reader, type Transaction } from "~/models/consultation.server";
import { extendPendingInvitations } from "~/models/invitation.server";
import { queueNotifications, type QueuedNotification } from "~/models/outbox.server";
import { carryTranslations } from "~/models/translation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Database } from "~/utils/db.server";
import { delegationNameColumns } from "~/models/delegation.server";

const {
  attachments,
  comments,
  consultations,
  delegations,
  discussionPoints,
  meetings,
  nonPaperPoints,
  pointVersions,
  receiptCounters,
  registrations,
  submissionRevisions,
  submissions,
  users,
} = schema;

/** The kinds of the outbox messages these functions queue. */
export const SUBMISSION_MESSAGE_KINDS = {
  receipt: "submission.receipt",
  withdrawn: "submission.withdrawn",
  lateDecision: "submission.late_decision",
  extension: "submission.deadline_extension",
} as const;

const delegationColumns = {
  id: delegations.id,
  code: delegations.code,
  ...delegationNameColumns,
};

const consultationColumns = {
  id: consultations.id,
  title: consultations.title,
  status: consultations.status,
  deadline: consultations.deadline,
  receiptPrefix: consultations.receiptPrefix,
};

const meetingColumns = {
  body: meetings.body,
  venue: meetings.venue,
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
async function selectDelegationAccess(
  db: Reader,
  delegationId: string,
  consultationId: string,
  lock: boolean | "update-registration" = false,
) {
  const query = db
    .select({
      consultation: consultationColumns,
      meeting: meetingColumns,
      registration: { id: registrations.id, deadlineExtendedTo: registrations.deadlineExtendedTo },
      delegation: delegationColumns,
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .innerJoin(
      registrations,
      and(eq(registrations.consultationId, consultations.id), eq(registrations.delegationId, delegationId)),
    )
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

type Access = NonNullable<Awaited<ReturnType<typeof selectDelegationAccess>>>;

function delegateScope(user: SessionUser, consultationId: string): string | null {
  if (user.role !== "delegate" || !user.delegationId || !isUuid(consultationId)) return null;
  return user.delegationId;
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

type CirculatedPoint = Awaited<ReturnType<typeof selectCirculatedPoints>>[number];

/** The circulated points of a consultation's latest non-paper (none before circulation): two queries. */
async function circulatedPointsOf(db: Reader, consultationId: string) {
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

type CommentRow = {
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
function selectComments(db: Reader, submissionId: string, revisionId: string | null) {
  return db
    .select(commentColumns)
    .from(comments)
    .where(
      and(eq(comments.submissionId, submissionId), revisionId ? eq(comments.revisionId, revisionId) : isNull(comments.revisionId)),
    )
    .orderBy(asc(comments.position), asc(comments.kind));
}

/** Comment rows back into a content, each list in its stored order. */
function contentFromRows(language: Language, rows: CommentRow[]): SubmissionContent {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  return {
    language,
    general: sorted.filter((r) => r.kind === "general").map((r) => ({ agendaItemId: r.agendaItemId, body: r.body })),
    points: sorted
      .filter((r) => r.kind === "point" || r.kind === "amendment")
      .map((r) => ({ pointId: r.pointId!, body: r.body, proposedText: r.kind === "amendment" ? r.proposedText : null })),
    proposals: sorted
      .filter((r) => r.kind === "new_proposal")
      .map((r) => ({ agendaItemId: r.agendaItemId, label: r.label ?? "", body: r.body })),
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

function deadlineFacts(access: Access, now: Date) {
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
  const delegationId = delegateScope(user, consultationId);
  if (!delegationId) return null;
  const db = await getDb();
  const access = await selectDelegationAccess(db, delegationId, consultationId);
  if (!access) return null;
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
  const [draftRows, revisions] = submission
    ? await Promise.all([selectComments(db, submission.id, null), selectRevisions(db, submission.id)])
    : [[], []];

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
 * The delegate's own deadline for a consultation (the consultation's, or their delegation's
 * extension), for the consultation page's deadline and countdown; null for anyone who is not a
 * delegate of a registered delegation. One query.
 */
export async function getDelegationDeadline(user: SessionUser, consultationId: string): Promise<{ effective: Date | null; extendedTo: Date | null } | null> {
  const delegationId = delegateScope(user, consultationId);
  if (!delegationId) return null;
  const access = await selectDelegationAccess(await getDb(), delegationId, consultationId);
  if (!access) return null;
  return {
    effective: effectiveDeadline(access.consultation.deadline, access.registration.deadlineExtendedTo),
    extendedTo: access.registration.deadlineExtendedTo,
  };
}

// ---------------------------------------------------------------------------------------------
// Content against the consultation

type ContentTargets = { agendaItemIds: Set<string>; points: Map<string, CirculatedPoint> };

async function contentTargets(db: Reader, consultationId: string): Promise<ContentTargets> {
  const [items, circulated] = await Promise.all([selectAgendaItems(db, consultationId), circulatedPointsOf(db, consultationId)]);
  return { agendaItemIds: new Set(items.map((i) => i.id)), points: new Map(circulated.points.map((p) => [p.id, p])) };
}

/**
 * Checks that every agenda item and point of a content belongs to the consultation (points: to
 * its latest non-paper), and drops an "amendment" identical to the circulated wording (the editor
 * starts from a copy of it). Issues name the field as the client sent it.
 */
function resolveContent(content: SubmissionContent, sources: ContentSources, targets: ContentTargets) {
  const issues: ContentIssue[] = [];
  content.general.forEach((e, i) => {
    if (!targets.agendaItemIds.has(e.agendaItemId)) {
      issues.push({ field: `general[${sources.general[i]}].agendaItemId`, message: "submissions:errors.agendaItemUnknown" });
    }
  });
  content.points.forEach((e, i) => {
    if (!targets.points.has(e.pointId)) {
      issues.push({ field: `points[${sources.points[i]}].pointId`, message: "submissions:errors.pointUnknown" });
    }
  });
  content.proposals.forEach((e, i) => {
    if (!targets.agendaItemIds.has(e.agendaItemId)) {
      issues.push({ field: `proposals[${sources.proposals[i]}].agendaItemId`, message: "submissions:errors.agendaItemUnknown" });
    }
  });
  if (issues.length) return { ok: false as const, issues };
  const resolved: SubmissionContent = {
    ...content,
    points: content.points
      .map((e) => (e.proposedText !== null && e.proposedText === targets.points.get(e.pointId)!.text ? { ...e, proposedText: null } : e))
      .filter((e) => e.body !== "" || e.proposedText !== null),
  };
  return { ok: true as const, content: resolved };
}

type CommentInsert = typeof comments.$inferInsert;

/** The rows of a content: positions within each list, amendments tied to the circulated version. */
function commentRows(content: SubmissionContent, targets: ContentTargets, submissionId: string, revisionId: string | null): CommentInsert[] {
  const base = { submissionId, revisionId, language: content.language };
  return [
    ...content.general.map((e, position) => ({
      ...base,
      kind: "general" as const,
      agendaItemId: e.agendaItemId,
      position,
      body: e.body,
    })),
    ...content.points.map((e, position) => {
      const point = targets.points.get(e.pointId)!;
      return {
        ...base,
        kind: e.proposedText !== null ? ("amendment" as const) : ("point" as const),
        agendaItemId: point.agendaItemId,
        pointId: e.pointId,
        basePointVersionId: point.versionId,
        position,
        body: e.body,
        proposedText: e.proposedText,
      };
    }),
    ...content.proposals.map((e, position) => ({
      ...base,
      kind: "new_proposal" as const,
      agendaItemId: e.agendaItemId,
      label: e.label,
      position,
      body: e.body,
    })),
  ];
}

/** Whether stored rows already say exactly what `wanted` would (so an autosave writes nothing). */
function sameRows(stored: CommentRow[], storedLanguage: Language, wanted: CommentInsert[], wantedLanguage: Language) {
  if (storedLanguage !== wantedLanguage || stored.length !== wanted.length) return false;
  const key = (r: { kind: string; agendaItemId: string; pointId?: string | null; basePointVersionId?: string | null; label?: string | null; position?: number; body?: string; proposedText?: string | null }) =>
    JSON.stringify([r.kind, r.agendaItemId, r.pointId ?? null, r.basePointVersionId ?? null, r.label ?? null, r.position ?? 0, r.body ?? "", r.proposedText ?? null]);
  const a = stored.map(key).sort();
  const b = wanted.map(key).sort();
  return a.every((k, i) => k === b[i]);
}

// ---------------------------------------------------------------------------------------------
// The draft

export type SaveDraftResult =
  | { ok: true; changed: boolean; draftVersion: number; savedAt: Date; content: SubmissionContent }
  | { ok: false; reason: "not_found" | "not_open" | "deadline_passed" }
  | { ok: false; reason: "invalid"; issues: ContentIssue[] }
  | { ok: false; reason: "conflict"; current: DraftState };

async function readDraftState(tx: Reader, submission: { id: string; language: Language; draftVersion: number; draftUpdatedAt: Date | null; draftUpdatedBy: string | null }): Promise<DraftState> {
  const [rows, author] = await Promise.all([
    selectComments(tx, submission.id, null),
    submission.draftUpdatedBy
      ? tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, submission.draftUpdatedBy))
      : Promise.resolve([]),
  ]);
  return {
    content: contentFromRows(submission.language, rows),
    draftVersion: submission.draftVersion,
    updatedAt: submission.draftUpdatedAt,
    updatedBy: author[0] ?? null,
  };
}

const submissionLockColumns = {
  id: submissions.id,
  status: submissions.status,
  language: submissions.language,
  draftVersion: submissions.draftVersion,
  draftUpdatedAt: submissions.draftUpdatedAt,
  draftUpdatedBy: submissions.draftUpdatedBy,
};

/** The delegation's submission row, locked for the rest of the transaction, or null. */
async function lockSubmission(tx: Transaction, consultationId: string, delegationId: string) {
  const [row] = await tx
    .select(submissionLockColumns)
    .from(submissions)
    .where(and(eq(submissions.consultationId, consultationId), eq(submissions.delegationId, delegationId)))
    .for("update");
  return row ?? null;
}

/** The delegation's submission row, created if missing (two first saves at once make one), locked. */
async function lockOrCreateSubmission(tx: Transaction, consultationId: string, delegationId: string, language: Language) {
  const existing = await lockSubmission(tx, consultationId, delegationId);
  if (existing) return existing;
  await tx
    .insert(submissions)
    .values({ consultationId, delegationId, language })
    .onConflictDoNothing({ target: [submissions.consultationId, submissions.delegationId] });
  return (await lockSubmission(tx, consultationId, delegationId))!;
}

/**
 * Saves the delegation's shared draft (autosave): the draft's comments are replaced in one
 * transaction, and the submission records who saved and when (no audit entry per keystroke).
 * Optimistic concurrency: `baseDraftVersion` is the version the delegate's page started from; if
 * another delegate of the mission saved in between, nothing is written and the answer carries
 * the other save (content, version, author, time) so that the page shows both texts. A save that
 * changes nothing writes nothing. Only while the consultation is open and before the delegation's
 * deadline (server clock); bad content is refused with an issue per field, and changes nothing.
 */
export async function saveDraft(
  user: SessionUser,
  input: { consultationId: string; baseDraftVersion: number; content: unknown },
): Promise<SaveDraftResult> {
  const delegationId = delegateScope(user, input.consultationId);
  if (!delegationId) return { ok: false, reason: "not_found" };
  if (!Number.isSafeInteger(input.baseDraftVersion) || input.baseDraftVersion < 0) {
    return { ok: false, reason: "invalid", issues: [{ field: "baseDraftVersion", message: "submissions:errors.invalid" }] };
  }
  const parsed = parseSubmissionContent(input.content);
  if (!parsed.ok) return { ok: false, reason: "invalid", issues: parsed.issues };
  const db = await getDb();
  return db.transaction(async (tx): Promise<SaveDraftResult> => {
    const access = await selectDelegationAccess(tx, delegationId, input.consultationId, true);
    if (!access) return { ok: false, reason: "not_found" };
    if (access.consultation.status !== "open") return { ok: false, reason: "not_open" };
    const now = new Date();
    if (deadlineFacts(access, now).passed) return { ok: false, reason: "deadline_passed" };

    const targets = await contentTargets(tx, input.consultationId);
    const resolved = resolveContent(parsed.content, parsed.sources, targets);
    if (!resolved.ok) return { ok: false, reason: "invalid", issues: resolved.issues };

    let submission = await lockSubmission(tx, input.consultationId, delegationId);
    if (!submission) {
      // Opening the editor and leaving it empty creates nothing (a submission row, even an
      // empty draft, keeps the delegation from being unregistered). Checked before the version:
      // an empty save says what the (absent) draft says, whatever version it names.
      if (isEmptyContent(resolved.content)) return { ok: true, changed: false, draftVersion: 0, savedAt: now, content: resolved.content };
      // Nothing saved yet: only a page that started from nothing may create the draft.
      if (input.baseDraftVersion !== 0) {
        return { ok: false, reason: "conflict", current: { content: { ...parsed.content, general: [], points: [], proposals: [] }, draftVersion: 0, updatedAt: null, updatedBy: null } };
      }
      submission = await lockOrCreateSubmission(tx, input.consultationId, delegationId, resolved.content.language);
    }

    // The same content as the current draft is "saved", whatever version it names: a retry whose
    // first attempt arrived, or the beacon sent on leaving the page, is then no false conflict.
    const rows = commentRows(resolved.content, targets, submission.id, null);
    const stored = await selectComments(tx, submission.id, null);
    if (submission.draftVersion > 0 && sameRows(stored, submission.language, rows, resolved.content.language)) {
      return { ok: true, changed: false, draftVersion: submission.draftVersion, savedAt: submission.draftUpdatedAt ?? now, content: resolved.content };
    }
    if (submission.draftVersion !== input.baseDraftVersion) {
      return { ok: false, reason: "conflict", current: await readDraftState(tx, submission) };
    }
    await tx.delete(comments).where(and(eq(comments.submissionId, submission.id), isNull(comments.revisionId)));
    if (rows.length) await tx.insert(comments).values(rows);
    const draftVersion = submission.draftVersion + 1;
    await tx
      .update(submissions)
      .set({ draftVersion, draftUpdatedAt: now, draftUpdatedBy: user.id, language: resolved.content.language })
      .where(eq(submissions.id, submission.id));
    return { ok: true, changed: true, draftVersion, savedAt: now, content: resolved.content };
  });
}

// ---------------------------------------------------------------------------------------------
// Revisions and receipts

export type Receipt = {
  revisionId: string;
  receiptNumber: string;
  revisionNumber: number;
  submittedAt: Date;
  /** "pending" when it arrived after the deadline and is held for the secretariat. */
  late: LateDecision | null;
  /** The delegation's deadline it was measured against. */
  deadline: Date | null;
};

/** The next receipt number of a consultation, in the caller's transaction (gapless: a rollback returns it). */
async function nextReceiptNumber(tx: Transaction, access: Pick<Access, "consultation" | "delegation">) {
  const [counter] = await tx
    .insert(receiptCounters)
    .values({ consultationId: access.consultation.id, lastNumber: 1 })
    .onConflictDoUpdate({ target: receiptCounters.consultationId, set: { lastNumber: sql`${receiptCounters.lastNumber} + 1` } })
    .returning({ lastNumber: receiptCounters.lastNumber });
  return formatReceiptNumber({
    prefix: access.consultation.receiptPrefix,
    delegationCode: access.delegation.code,
    sequence: counter!.lastNumber,
  });
}

function meetingName(meeting: Access["meeting"], language: Language) {
  return `${meeting.body}, ${meeting.venue}, ${formatCalendarRange(meeting.startDate, meeting.endDate, language)}`;
}

/**
 * One message per active delegate of the delegation, each in their language, queued in the
 * caller's transaction. Two queries.
 */
async function notifyMission(
  tx: Transaction,
  access: Pick<Access, "consultation" | "meeting" | "delegation">,
  options: { kind: string; dedupe: string; baseUrl?: string | null },
  build: (context: SubmissionMessageContext) => MessageText,
) {
  const recipients = await tx
    .select({ id: users.id, email: users.email, name: users.name, language: users.language, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.role, "delegate"), eq(users.delegationId, access.delegation.id), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  const link = options.baseUrl ? consultationLink(options.baseUrl, access.consultation.id) : null;
  const messages: QueuedNotification[] = recipients.map((r) => {
    const text = build({
      language: r.language,
      recipientName: r.name,
      delegationName: delegationName(access.delegation as DelegationNames, r.language),
      consultationTitle: access.consultation.title,
      meetingName: meetingName(access.meeting, r.language),
      meetingTimeZone: access.meeting.timeZone,
      recipientTimeZone: r.timeZone,
      link,
    });
    return {
      recipientEmail: r.email,
      recipientUserId: r.id,
      language: r.language,
      kind: options.kind,
      subject: text.subject,
      body: text.body,
      consultationId: access.consultation.id,
      dedupeKey: `${options.dedupe}:${r.email}`,
    };
  });
  await queueNotifications(messages, tx);
  return messages.length;
}

/** The revision with this idempotency key, if the delegation already made it. */
async function findByIdempotencyKey(tx: Transaction, submissionId: string, idempotencyKey: string, deadline: Date | null): Promise<Receipt | null> {
  const [row] = await tx
    .select({
      revisionId: submissionRevisions.id,
      receiptNumber: submissionRevisions.receiptNumber,
      revisionNumber: submissionRevisions.revisionNumber,
      submittedAt: submissionRevisions.submittedAt,
      late: submissionRevisions.late,
    })
    .from(submissionRevisions)
    .where(and(eq(submissionRevisions.submissionId, submissionId), eq(submissionRevisions.idempotencyKey, idempotencyKey)));
  return row ? { ...row, deadline } : null;
}

/**
 * Writes revision n+1 of a locked submission with the next receipt number; the comments are
 * written by `writeComments`. A revision on time supersedes every earlier one; a late one, held
 * for the secretariat, supersedes only earlier late ones still pending (an accepted late revision
 * supersedes the rest when it is accepted). Records the audit entry and queues the receipt to
 * every delegate of the mission.
 */
async function freezeRevision(
  tx: Transaction,
  input: {
    access: Access;
    submissionId: string;
    actor: SessionUser;
    idempotencyKey: string;
    language: Language;
    source: "editor" | "email_import";
    draftVersion: number | null;
    attachmentId: string | null;
    submittedAt: Date;
    late: boolean;
    deadline: Date | null;
    writeComments: (revisionId: string) => Promise<number>;
    ipAddress: string | null;
    baseUrl: string | null;
  },
): Promise<Receipt> {
  const { access } = input;
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${submissionRevisions.revisionNumber}), 0)`.mapWith(Number) })
    .from(submissionRevisions)
    .where(eq(submissionRevisions.submissionId, input.submissionId));
  const revisionNumber = (last?.n ?? 0) + 1;
  // Taken as late as possible: the counter row is what concurrent submits of a consultation queue on.
  const receiptNumber = await nextReceiptNumber(tx, access);
  const [revision] = await tx
    .insert(submissionRevisions)
    .values({
      submissionId: input.submissionId,
      revisionNumber,
      receiptNumber,
      idempotencyKey: input.idempotencyKey,
      draftVersion: input.draftVersion,
      language: input.language,
      source: input.source,
      attachmentId: input.attachmentId,
      submittedAt: input.submittedAt,
      submittedBy: input.actor.id,
      late: input.late ? "pending" : null,
    })
    .returning({ id: submissionRevisions.id });
  const revisionId = revision!.id;
  const commentCount = await input.writeComments(revisionId);
  await carryTranslations(tx, input.submissionId, revisionId);
  await tx
    .update(submissionRevisions)
    .set({ supersededAt: input.submittedAt })
    .where(
      and(
        eq(submissionRevisions.submissionId, input.submissionId),
        lt(submissionRevisions.revisionNumber, revisionNumber),
        isNull(submissionRevisions.supersededAt),
        input.late ? eq(submissionRevisions.late, "pending") : undefined,
      ),
    );
  await tx.update(submissions).set({ status: "submitted" }).where(eq(submissions.id, input.submissionId));
  await recordAudit(
    {
      actorId: input.actor.id,
      action: input.source === "email_import" ? "submission.import" : "submission.submit",
      entityType: "submission_revision",
      entityId: revisionId,
      consultationId: access.consultation.id,
      details: {
        delegation: access.delegation.code,
        receipt: receiptNumber,
        revision: revisionNumber,
        late: input.late,
        language: input.language,
        comments: commentCount,
      },
      ipAddress: input.ipAddress,
    },
    tx,
  );
  await notifyMission(tx, access, { kind: SUBMISSION_MESSAGE_KINDS.receipt, dedupe: `receipt:${revisionId}`, baseUrl: input.baseUrl }, (context) =>
    receiptMessage({
      ...context,
      receiptNumber,
      revisionNumber,
      submittedAt: input.submittedAt,
      submittedByName: input.actor.role === "delegate" ? input.actor.name : null,
      submissionLanguage: input.language,
      lateAfterDeadline: input.late ? input.deadline : null,
    }),
  );
  return { revisionId, receiptNumber, revisionNumber, submittedAt: input.submittedAt, late: input.late ? "pending" : null, deadline: input.deadline };
}

export type SubmitResult =
  | { ok: true; replayed: boolean; receipt: Receipt }
  | { ok: false; reason: "not_found" | "not_open" | "empty" | "idempotency_key_invalid" }
  | { ok: false; reason: "stale_draft"; draftVersion: number };

/**
 * Submits the delegation's draft as it stands: freezes it into revision n+1 with a new receipt
 * number, supersedes the previous revision, queues the receipt email to every delegate of the
 * mission (each in their language, with the time in the meeting's zone and theirs), and records
 * "submission.submit" in the audit log, all in one transaction.
 * - `draftVersion` is the version the delegate confirmed; if the draft changed since, nothing is
 *   submitted ("stale_draft") and the page asks to review again.
 * - After the delegation's deadline (server clock) the revision is held as late ("pending") for
 *   the secretariat.
 * - The same `idempotencyKey` again (double click, retry, even at the same moment) returns the
 *   same receipt and creates nothing (`replayed: true`).
 */
export async function submitSubmission(
  user: SessionUser,
  input: { consultationId: string; idempotencyKey: string; draftVersion: number; ipAddress?: string | null; baseUrl?: string | null },
): Promise<SubmitResult> {
  const delegationId = delegateScope(user, input.consultationId);
  if (!delegationId) return { ok: false, reason: "not_found" };
  if (!isIdempotencyKey(input.idempotencyKey)) return { ok: false, reason: "idempotency_key_invalid" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<SubmitResult> => {
    const access = await selectDelegationAccess(tx, delegationId, input.consultationId, true);
    if (!access) return { ok: false, reason: "not_found" };
    // The submission row lock serialises submits, saves and withdrawals of one delegation, so a
    // retry that raced the first attempt finds its revision here.
    const submission = await lockSubmission(tx, input.consultationId, delegationId);
    if (!submission) return { ok: false, reason: access.consultation.status === "open" ? "empty" : "not_open" };
    const now = new Date();
    const deadline = deadlineFacts(access, now);
    const replay = await findByIdempotencyKey(tx, submission.id, input.idempotencyKey, deadline.effective);
    if (replay) return { ok: true, replayed: true, receipt: replay };
    if (access.consultation.status !== "open") return { ok: false, reason: "not_open" };
    if (submission.draftVersion !== input.draftVersion) return { ok: false, reason: "stale_draft", draftVersion: submission.draftVersion };
    const [draftCount] = await tx
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.submissionId, submission.id), isNull(comments.revisionId)));
    if (!draftCount?.n) return { ok: false, reason: "empty" };

    const receipt = await freezeRevision(tx, {
      access,
      submissionId: submission.id,
      actor: user,
      idempotencyKey: input.idempotencyKey,
      language: submission.language,
      source: "editor",
      draftVersion: submission.draftVersion,
      attachmentId: null,
      submittedAt: now,
      late: deadline.passed,
      deadline: deadline.effective,
      // The draft's rows, copied as they are: one statement however many comments.
      writeComments: async (revisionId) => {
        await tx.execute(sql`
          insert into ${comments} (submission_id, revision_id, kind, agenda_item_id, point_id, base_point_version_id, label, position, language, body, proposed_text)
          select submission_id, ${revisionId}::uuid, kind, agenda_item_id, point_id, base_point_version_id, label, position, language, body, proposed_text
          from ${comments}
          where submission_id = ${submission.id} and revision_id is null`);
        return draftCount.n;
      },
      ipAddress: input.ipAddress ?? null,
      baseUrl: input.baseUrl ?? null,
    });
    return { ok: true, replayed: false, receipt };
  });
}

export type SubmitOnBehalfResult =
  | { ok: true; replayed: boolean; receipt: Receipt }
  | { ok: false; reason: "not_found" | "not_open" | "empty" | "idempotency_key_invalid" | "received_in_future" }
  | { ok: false; reason: "invalid"; issues: ContentIssue[] };

/**
 * The secretariat records a submission a delegation sent by email (the import page): a revision
 * with source "email_import" and the original file kept as an attachment, written straight from
 * the given content (the delegation's own draft is left alone), with the next receipt, the
 * receipt email to the mission and "submission.import" in the audit log. `receivedAt` (default:
 * now) is when the email arrived; after the delegation's deadline the revision is held as late.
 * Allowed while the consultation is open or closed (an email may be entered after closing).
 * The same idempotency key again returns the same receipt.
 */
export async function submitOnBehalf(
  user: SessionUser,
  input: {
    consultationId: string;
    delegationId: string;
    content: unknown;
    idempotencyKey: string;
    receivedAt?: Date;
    attachment?: { filename: string; mediaType: string; content: Uint8Array } | null;
    ipAddress?: string | null;
    baseUrl?: string | null;
  },
): Promise<SubmitOnBehalfResult> {
  if (user.role !== "secretariat" || !isUuid(input.consultationId) || !isUuid(input.delegationId)) return { ok: false, reason: "not_found" };
  if (!isIdempotencyKey(input.idempotencyKey)) return { ok: false, reason: "idempotency_key_invalid" };
  const now = new Date();
  const receivedAt = input.receivedAt ?? now;
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime()) return { ok: false, reason: "received_in_future" };
  const parsed = parseSubmissionContent(input.content);
  if (!parsed.ok) return { ok: false, reason: "invalid", issues: parsed.issues };
  const db = await getDb();
  return db.transaction(async (tx): Promise<SubmitOnBehalfResult> => {
    const access = await selectDelegationAccess(tx, input.delegationId, input.consultationId, true);
    if (!access) return { ok: false, reason: "not_found" };
    if (access.consultation.status !== "open" && access.consultation.status !== "closed") return { ok: false, reason: "not_open" };
    const targets = await contentTargets(tx, input.consultationId);
    const resolved = resolveContent(parsed.content, parsed.sources, targets);
    if (!resolved.ok) return { ok: false, reason: "invalid", issues: resolved.issues };
    const deadline = deadlineFacts(access, receivedAt);
    const existing = await lockSubmission(tx, input.consultationId, input.delegationId);
    const replay = existing && (await findByIdempotencyKey(tx, existing.id, input.idempotencyKey, deadline.effective));
    if (replay) return { ok: true, replayed: true, receipt: replay };
    if (isEmptyContent(resolved.content)) return { ok: false, reason: "empty" };
    const submission = existing ?? (await lockOrCreateSubmission(tx, input.consultationId, input.delegationId, resolved.content.language));
    // A twin call may have created the row and its revision while this one waited for the lock.
    const lateReplay = !existing && (await findByIdempotencyKey(tx, submission.id, input.idempotencyKey, deadline.effective));
    if (lateReplay) return { ok: true, replayed: true, receipt: lateReplay };

    let attachmentId: string | null = null;
    if (input.attachment) {
      const [stored] = await tx
        .insert(attachments)
        .values({
          consultationId: input.consultationId,
          filename: input.attachment.filename,
          mediaType: input.attachment.mediaType,
          size: input.attachment.content.byteLength,
          content: input.attachment.content,
          uploadedBy: user.id,
        })
        .returning({ id: attachments.id });
      attachmentId = stored!.id;
    }
    const receipt = await freezeRevision(tx, {
      access,
      submissionId: submission.id,
      actor: user,
      idempotencyKey: input.idempotencyKey,
      language: resolved.content.language,
      source: "email_import",
      draftVersion: null,
      attachmentId,
      submittedAt: receivedAt,
      late: deadline.passed,
      deadline: deadline.effective,
      writeComments: async (revisionId) => {
        const rows = commentRows(resolved.content, targets, submission.id, revisionId);
        if (rows.length) await tx.insert(comments).values(rows);
        return rows.length;
      },
      ipAddress: input.ipAddress ?? null,
      baseUrl: input.baseUrl ?? null,
    });
    return { ok: true, replayed: false, receipt };
  });
}

export type WithdrawResult =
  | { ok: true; receiptNumber: string; revisionNumber: number; withdrawnAt: Date }
  | { ok: false; reason: "not_found" | "not_open" | "deadline_passed" | "not_submitted" };

/**
 * Withdraws the delegation's submitted comments before its deadline: the revision that counts is
 * marked withdrawn (earlier revisions stay readable, as they were), the submission's status
 * becomes "withdrawn", the audit log records it and every delegate of the mission is told. The
 * draft stays, so the delegation may submit again before the deadline.
 */
export async function withdrawSubmission(
  user: SessionUser,
  input: { consultationId: string; ipAddress?: string | null; baseUrl?: string | null },
): Promise<WithdrawResult> {
  const delegationId = delegateScope(user, input.consultationId);
  if (!delegationId) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<WithdrawResult> => {
    const access = await selectDelegationAccess(tx, delegationId, input.consultationId, true);
    if (!access) return { ok: false, reason: "not_found" };
    if (access.consultation.status !== "open") return { ok: false, reason: "not_open" };
    const now = new Date();
    const deadline = deadlineFacts(access, now);
    if (deadline.passed) return { ok: false, reason: "deadline_passed" };
    const submission = await lockSubmission(tx, input.consultationId, delegationId);
    if (!submission) return { ok: false, reason: "not_submitted" };
    const withdrawn = await tx
      .update(submissionRevisions)
      .set({ withdrawnAt: now })
      .where(
        and(
          eq(submissionRevisions.submissionId, submission.id),
          isNull(submissionRevisions.supersededAt),
          isNull(submissionRevisions.withdrawnAt),
          // A declined late revision never counted: there is nothing of it to withdraw.
          or(isNull(submissionRevisions.late), ne(submissionRevisions.late, "declined")),
        ),
      )
      .returning({ id: submissionRevisions.id, receiptNumber: submissionRevisions.receiptNumber, revisionNumber: submissionRevisions.revisionNumber });
    if (!withdrawn.length) return { ok: false, reason: "not_submitted" };
    const latest = withdrawn.sort((a, b) => b.revisionNumber - a.revisionNumber)[0]!;
    await tx.update(submissions).set({ status: "withdrawn" }).where(eq(submissions.id, submission.id));
    await recordAudit(
      {
        actorId: user.id,
        action: "submission.withdraw",
        entityType: "submission_revision",
        entityId: latest.id,
        consultationId: input.consultationId,
        details: { delegation: access.delegation.code, receipt: latest.receiptNumber, revision: latest.revisionNumber },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    await notifyMission(
      tx,
      access,
      { kind: SUBMISSION_MESSAGE_KINDS.withdrawn, dedupe: `withdrawn:${latest.id}`, baseUrl: input.baseUrl },
      (context) =>
        withdrawalMessage({ ...context, receiptNumber: latest.receiptNumber, withdrawnAt: now, withdrawnByName: user.name, deadline: deadline.effective }),
    );
    return { ok: true, receiptNumber: latest.receiptNumber, revisionNumber: latest.revisionNumber, withdrawnAt: now };
  });
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
export async function getRevision(
  user: SessionUser,
  input: { consultationId: string; revisionNumber: number; delegationId?: string | null },
) {
  if (!isUuid(input.consultationId) || !Number.isSafeInteger(input.revisionNumber) || input.revisionNumber < 1) return null;
  let delegationId: string;
  if (user.role === "delegate") {
    if (!user.delegationId || (input.delegationId && input.delegationId !== user.delegationId)) return null;
    delegationId = user.delegationId;
  } else {
    if (!input.delegationId || !isUuid(input.delegationId)) return null;
    delegationId = input.delegationId;
  }
  const db = await getDb();
  const [row] = await db
    .select({
      consultation: { id: consultations.id, title: consultations.title, status: consultations.status },
      timeZone: meetings.timeZone,
      delegation: delegationColumns,
      submissionId: submissions.id,
      revision: { ...revisionColumns, submittedByName: users.name },
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .innerJoin(submissions, and(eq(submissions.consultationId, consultations.id), eq(submissions.delegationId, delegationId)))
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .innerJoin(
      submissionRevisions,
      and(eq(submissionRevisions.submissionId, submissions.id), eq(submissionRevisions.revisionNumber, input.revisionNumber)),
    )
    .leftJoin(users, eq(users.id, submissionRevisions.submittedBy))
    .where(and(eq(consultations.id, input.consultationId), consultationVisibleTo(user)));
  if (!row) return null;
  // Held for the secretariat: not yet part of what chairs review.
  if (user.role === "chair" && (row.revision.late === "pending" || row.revision.late === "declined")) return null;

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
    content: contentFromRows(row.revision.language, rows),
    agendaItems: items,
    /** The circulated version each point comment or amendment refers to. */
    points,
  };
}

export type RevisionForReader = NonNullable<Awaited<ReturnType<typeof getRevision>>>;

// ---------------------------------------------------------------------------------------------
// The secretariat

/**
 * One row per registered delegation, for the secretariat (null for anyone else, or an unknown
 * consultation): participation, its deadline and extension, the submission's status and draft
 * activity, the latest revision (receipt, time, late status, language) and how many there are.
 * Three queries, however many delegations.
 */
export async function listSubmissionsForSecretariat(user: SessionUser, consultationId: string) {
  if (user.role !== "secretariat" || !isUuid(consultationId)) return null;
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
    consultation: { id: consultation.id, title: consultation.title, status: consultation.status, deadline: consultation.deadline, timeZone: consultation.timeZone },
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
  if (user.role !== "secretariat" || !isUuid(input.revisionId)) return { ok: false, reason: "not_found" };
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
    await notifyMission(
      tx,
      access,
      { kind: SUBMISSION_MESSAGE_KINDS.lateDecision, dedupe: `late:${revision.id}`, baseUrl: input.baseUrl },
      (context) => lateDecisionMessage({ ...context, receiptNumber: revision.receiptNumber, decision: input.decision, reason: reason.reason }),
    );
    return { ok: true, receiptNumber: revision.receiptNumber, decision: input.decision };
  });
}

export type ExtendDeadlineResult =
  | { ok: true; until: Date }
  | { ok: false; reason: "not_found" | "not_open" | "invalid" | "extension_not_later" | "extension_past" };

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
  if (user.role !== "secretariat" || !isUuid(input.consultationId) || !isUuid(input.delegationId)) return { ok: false, reason: "not_found" };
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
