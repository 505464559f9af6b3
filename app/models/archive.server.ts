// The consultation archive (issue 6): a whole consultation out of the database as one JSON value
// (app/lib/archive-schema.ts), and back in, in this instance or another.
//
// Export reads in a fixed number of queries and writes everything in a fixed order, so the same
// data always gives the same file. Import checks the file first, then writes it in one
// transaction with multi-row inserts. Into an instance that does not hold the consultation it
// keeps every id (export -> import -> export gives the same file); into one that does (the same
// instance again) it gives every row a new id, consistently, and the copy a receipt prefix of its
// own, since receipt numbers are unique across an instance.
//
// A file is from outside and trusted for nothing: it cannot create a secretariat account, it
// creates chairs' and delegates' accounts and gives chairs access only once the officer has seen
// them in the preview and confirmed (previewImport, then importConsultation with the plan's
// confirmation digest), and its audit log is kept as what it says, dated at the import and linked
// to no account here (IMPORTED_MARK in the details holds the file's time, person and address).
// Exports never hold a password hash, a two-factor secret, a recovery code or a session: the
// users' columns are chosen one by one.
import { createHash, randomUUID } from "node:crypto";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  checkArchive,
  IMPORT_ACTION,
  IMPORTED_MARK,
  type Archive,
  type ArchiveComment,
  type ArchiveProblem,
  type ArchiveUser,
} from "~/lib/archive-schema";
import type { CrpModel } from "~/documents/crp";
import type { DelegationNames } from "~/lib/delegation-names";
import { cleanName } from "~/lib/name-rules";
import { currentTimeZone } from "~/lib/time-zones";
import type { SessionUser } from "~/models/user.server";
import { delegationNameColumns } from "~/models/delegation.server";
import { getDb, schema, type Database } from "~/utils/db.server";

const {
  agendaItems,
  attachments,
  auditLog,
  chairReviews,
  comments,
  consultationChairs,
  consultations,
  delegations,
  discussionPoints,
  generatedDocuments,
  meetings,
  nonPaperPoints,
  nonPapers,
  pointVersions,
  receiptCounters,
  registrations,
  submissionRevisions,
  submissions,
  translations,
  users,
} = schema;

/** The audit action of an import; left out of exports, as it tells of this instance, not the consultation. */
export const IMPORT_AUDIT_ACTION = IMPORT_ACTION;

type Db = Pick<Database, "select" | "insert" | "transaction">;

/**
 * What an imported audit entry's details hold under IMPORTED_MARK: the entry as the file gave it
 * (its time, its person as the file names them, its address), and who imported it (an account id
 * here; null from the command line) and when. The export gives the entry back as the file had it.
 */
export type ImportedMark = {
  at: string;
  actor: ArchiveUser | null;
  ipAddress: string | null;
  importedAt: string;
  importedBy: string | null;
};

function importedMark(details: Record<string, unknown>): ImportedMark | null {
  const mark = details[IMPORTED_MARK];
  return mark && typeof mark === "object" && typeof (mark as ImportedMark).at === "string" ? (mark as ImportedMark) : null;
}

/** The file is not an archive this instance can import: each problem with its JSON path. */
export class ArchiveValidationError extends Error {
  constructor(readonly problems: ArchiveProblem[]) {
    super(
      `The archive cannot be imported: ${problems
        .slice(0, 10)
        .map((p) => `${p.path}: ${p.message}`)
        .join("; ")}${problems.length > 10 ? `; and ${problems.length - 10} more` : ""}`,
    );
    this.name = "ArchiveValidationError";
  }
}

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);
const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function toBase64(content: Uint8Array): string {
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString("base64");
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * The consultation as an archive, or null when it does not exist. Seventeen queries however
 * large the consultation (the consultation, then fifteen together, then the people they name),
 * in one transaction so that the file is one moment's state. `exportedAt` defaults to now.
 */
export async function exportConsultation(db: Db, consultationId: string, options: { exportedAt?: Date } = {}): Promise<Archive | null> {
  return db.transaction(async (tx) => {
    const [head] = await tx
      .select({ consultation: consultations, meeting: meetings, lastReceiptNumber: receiptCounters.lastNumber })
      .from(consultations)
      .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
      .leftJoin(receiptCounters, eq(receiptCounters.consultationId, consultations.id))
      .where(eq(consultations.id, consultationId));
    if (!head) return null;

    const ofItems = eq(agendaItems.consultationId, consultationId);
    const ofSubmissions = eq(submissions.consultationId, consultationId);
    const [
      chairRows,
      itemRows,
      pointRows,
      versionRows,
      nonPaperRows,
      nonPaperPointRows,
      registrationRows,
      attachmentRows,
      submissionRows,
      revisionRows,
      commentRows,
      translationRows,
      reviewRows,
      documentRows,
      auditRows,
    ] = await Promise.all([
      tx.select().from(consultationChairs).where(eq(consultationChairs.consultationId, consultationId)),
      tx.select().from(agendaItems).where(ofItems).orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id)),
      tx
        .select({ point: discussionPoints })
        .from(discussionPoints)
        .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
        .where(ofItems)
        .orderBy(asc(discussionPoints.position), asc(discussionPoints.createdAt), asc(discussionPoints.id)),
      tx
        .select({ version: pointVersions })
        .from(pointVersions)
        .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
        .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
        .where(ofItems)
        .orderBy(asc(pointVersions.versionNumber), asc(pointVersions.id)),
      tx.select().from(nonPapers).where(eq(nonPapers.consultationId, consultationId)).orderBy(asc(nonPapers.number)),
      tx
        .select({ nonPaperId: nonPaperPoints.nonPaperId, pointVersionId: nonPaperPoints.pointVersionId })
        .from(nonPaperPoints)
        .innerJoin(nonPapers, eq(nonPapers.id, nonPaperPoints.nonPaperId))
        .where(eq(nonPapers.consultationId, consultationId))
        .orderBy(asc(nonPaperPoints.pointVersionId)),
      tx
        .select({ registration: registrations, code: delegations.code })
        .from(registrations)
        .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
        .where(eq(registrations.consultationId, consultationId))
        .orderBy(asc(delegations.code)),
      tx.select().from(attachments).where(eq(attachments.consultationId, consultationId)).orderBy(asc(attachments.createdAt), asc(attachments.id)),
      tx
        .select({ submission: submissions, code: delegations.code })
        .from(submissions)
        .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
        .where(ofSubmissions)
        .orderBy(asc(delegations.code)),
      tx
        .select({ revision: submissionRevisions })
        .from(submissionRevisions)
        .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
        .where(ofSubmissions)
        .orderBy(asc(submissionRevisions.revisionNumber), asc(submissionRevisions.id)),
      tx
        .select({ comment: comments })
        .from(comments)
        .innerJoin(submissions, eq(submissions.id, comments.submissionId))
        .where(ofSubmissions)
        .orderBy(asc(comments.position), asc(comments.createdAt), asc(comments.id)),
      tx
        .select({ translation: translations })
        .from(translations)
        .innerJoin(comments, eq(comments.id, translations.commentId))
        .innerJoin(submissions, eq(submissions.id, comments.submissionId))
        .where(ofSubmissions)
        .orderBy(asc(translations.targetLanguage), asc(translations.id)),
      tx
        .select({ review: chairReviews })
        .from(chairReviews)
        .innerJoin(comments, eq(comments.id, chairReviews.commentId))
        .innerJoin(submissions, eq(submissions.id, comments.submissionId))
        .where(ofSubmissions)
        .orderBy(asc(chairReviews.createdAt), asc(chairReviews.id)),
      tx
        .select()
        .from(generatedDocuments)
        // Only CRPs are compiled and kept (the other kinds of the enum are made on the fly).
        .where(and(eq(generatedDocuments.consultationId, consultationId), eq(generatedDocuments.kind, "crp")))
        .orderBy(asc(generatedDocuments.kind), asc(generatedDocuments.versionNumber)),
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.consultationId, consultationId), ne(auditLog.action, IMPORT_AUDIT_ACTION)))
        .orderBy(asc(auditLog.id)),
    ]);

    // Everyone the rows name, by email.
    const { consultation: c, meeting: m } = head;
    const userIds = new Set<string>();
    const note = (userId: string | null) => {
      if (userId) userIds.add(userId);
    };
    note(c.createdBy);
    note(m.createdBy);
    chairRows.forEach((r) => note(r.userId));
    versionRows.forEach((r) => note(r.version.authorId));
    nonPaperRows.forEach((r) => note(r.circulatedBy));
    registrationRows.forEach((r) => note(r.registration.registeredBy));
    attachmentRows.forEach((r) => note(r.uploadedBy));
    submissionRows.forEach((r) => note(r.submission.draftUpdatedBy));
    revisionRows.forEach((r) => (note(r.revision.submittedBy), note(r.revision.lateDecidedBy)));
    translationRows.forEach((r) => (note(r.translation.translatorId), note(r.translation.finalizedBy)));
    reviewRows.forEach((r) => note(r.review.reviewerId));
    documentRows.forEach((r) => note(r.createdBy));
    auditRows.forEach((r) => note(r.actorId));
    const userRows = userIds.size
      ? await tx
          .select({
            id: users.id,
            email: users.email,
            name: users.name,
            role: users.role,
            language: users.language,
            timeZone: users.timeZone,
            delegation: delegations.code,
          })
          .from(users)
          .leftJoin(delegations, eq(delegations.id, users.delegationId))
          .where(inArray(users.id, [...userIds]))
      : [];
    const emailOf = new Map(userRows.map((u) => [u.id, u.email]));
    // Only these columns of users: never a password hash, a two-factor secret or its recovery codes.
    const people = new Map<string, ArchiveUser>(
      userRows.map((u) => [u.email, { email: u.email, name: u.name, role: u.role, language: u.language, timeZone: u.timeZone, delegation: u.delegation }]),
    );
    // An entry imported from an archive goes back out as that archive had it, with its person.
    const auditEntries = auditRows.map((e) => {
      const mark = importedMark(e.details);
      if (!mark) {
        return { at: iso(e.at), actor: emailOf.get(e.actorId ?? "") ?? null, action: e.action, entityType: e.entityType, entityId: e.entityId, details: e.details, ipAddress: e.ipAddress };
      }
      const { [IMPORTED_MARK]: _mark, ...details } = e.details;
      if (mark.actor && !people.has(mark.actor.email)) people.set(mark.actor.email, mark.actor);
      return { at: mark.at, actor: mark.actor?.email ?? null, action: e.action, entityType: e.entityType, entityId: e.entityId, details, ipAddress: mark.ipAddress };
    });
    const email = (userId: string | null) => (userId ? emailOf.get(userId)! : null);

    const versionsByPoint = groupBy(versionRows, (r) => r.version.pointId);
    const pointsByItem = groupBy(pointRows, (r) => r.point.agendaItemId);
    const versionsByNonPaper = groupBy(nonPaperPointRows, (r) => r.nonPaperId);
    const translationsByComment = groupBy(translationRows, (r) => r.translation.commentId);
    const reviewsByComment = groupBy(reviewRows, (r) => r.review.commentId);
    const commentsByRevision = groupBy(commentRows, (r) => r.comment.revisionId ?? `draft:${r.comment.submissionId}`);
    const revisionsBySubmission = groupBy(revisionRows, (r) => r.revision.submissionId);

    const versionOrder = new Map<string, number>();
    for (const item of itemRows) {
      for (const { point } of pointsByItem.get(item.id) ?? []) {
        for (const { version } of versionsByPoint.get(point.id) ?? []) versionOrder.set(version.id, versionOrder.size);
      }
    }

    const comment = ({ comment: x }: (typeof commentRows)[number]): ArchiveComment => ({
      id: x.id,
      kind: x.kind,
      agendaItemId: x.agendaItemId,
      pointId: x.pointId,
      basePointVersionId: x.basePointVersionId,
      label: x.label,
      position: x.position,
      language: x.language,
      body: x.body,
      proposedText: x.proposedText,
      createdAt: iso(x.createdAt),
      updatedAt: iso(x.updatedAt),
      translations: (translationsByComment.get(x.id) ?? []).map(({ translation: t }) => ({
        id: t.id,
        targetLanguage: t.targetLanguage,
        status: t.status,
        body: t.body,
        proposedText: t.proposedText,
        sourceBody: t.sourceBody,
        sourceProposedText: t.sourceProposedText,
        machineAssisted: t.machineAssisted,
        version: t.version,
        translator: email(t.translatorId),
        finalizedBy: email(t.finalizedBy),
        finalizedAt: isoOrNull(t.finalizedAt),
        createdAt: iso(t.createdAt),
        updatedAt: iso(t.updatedAt),
      })),
      reviews: (reviewsByComment.get(x.id) ?? [])
        .map(({ review: r }) => ({
          id: r.id,
          reviewer: email(r.reviewerId)!,
          tag: r.tag,
          // A chair's note is private to its author: it stays in this instance, never in a file.
          note: null,
          createdAt: iso(r.createdAt),
          updatedAt: iso(r.updatedAt),
        }))
        .sort(byKey((r) => `${r.createdAt} ${r.reviewer}`)),
    });

    const archive: Archive = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: iso(options.exportedAt ?? new Date()),
      meeting: {
        id: m.id,
        body: m.body,
        parentBody: m.parentBody,
        symbolPrefix: m.symbolPrefix,
        session: m.session,
        venue: m.venue,
        startDate: m.startDate,
        endDate: m.endDate,
        format: m.format,
        timeZone: m.timeZone,
        createdBy: email(m.createdBy),
        createdAt: iso(m.createdAt),
        updatedAt: iso(m.updatedAt),
      },
      consultation: {
        id: c.id,
        title: c.title,
        status: c.status,
        workingLanguage: c.workingLanguage,
        deadline: isoOrNull(c.deadline),
        receiptPrefix: c.receiptPrefix,
        crpSymbol: c.crpSymbol,
        parentSession: c.parentSession,
        parentSessionVenue: c.parentSessionVenue,
        parentSessionStartDate: c.parentSessionStartDate,
        parentSessionEndDate: c.parentSessionEndDate,
        parentAgendaItemNumber: c.parentAgendaItemNumber,
        parentAgendaItemTitle: c.parentAgendaItemTitle,
        provisionalAgendaSymbol: c.provisionalAgendaSymbol,
        reflectionApprovedOn: c.reflectionApprovedOn,
        reflectionApprovalMethod: c.reflectionApprovalMethod,
        introductionNote: c.introductionNote,
        introductionParagraphs: c.introductionParagraphs ?? null,
        coveringNote: c.coveringNote,
        circulatedAt: isoOrNull(c.circulatedAt),
        closedAt: isoOrNull(c.closedAt),
        compiledAt: isoOrNull(c.compiledAt),
        createdBy: email(c.createdBy),
        createdAt: iso(c.createdAt),
        updatedAt: iso(c.updatedAt),
        lastReceiptNumber: head.lastReceiptNumber,
      },
      users: [...people.values()].sort(byKey((u) => u.email)),
      chairs: chairRows
        .map((r) => ({ user: email(r.userId)!, createdAt: iso(r.createdAt) }))
        .sort(byKey((r) => `${r.createdAt} ${r.user}`)),
      agendaItems: itemRows.map((item) => ({
        id: item.id,
        number: item.number,
        heading: item.heading,
        title: item.title,
        introduction: item.introduction,
        position: item.position,
        createdAt: iso(item.createdAt),
        points: (pointsByItem.get(item.id) ?? []).map(({ point: p }) => ({
          id: p.id,
          label: p.label,
          position: p.position,
          createdAt: iso(p.createdAt),
          versions: (versionsByPoint.get(p.id) ?? []).map(({ version: v }) => ({
            id: v.id,
            versionNumber: v.versionNumber,
            text: v.text,
            source: v.source,
            author: email(v.authorId),
            createdAt: iso(v.createdAt),
          })),
        })),
      })),
      nonPapers: nonPaperRows.map((n) => ({
        id: n.id,
        number: n.number,
        circulatedAt: iso(n.circulatedAt),
        circulatedBy: email(n.circulatedBy),
        coveringNote: n.coveringNote,
        // In agenda order, the order of the file's points.
        pointVersions: (versionsByNonPaper.get(n.id) ?? []).map((r) => r.pointVersionId).sort((a, b) => versionOrder.get(a)! - versionOrder.get(b)!),
      })),
      registrations: registrationRows.map(({ registration: r, code }) => ({
        id: r.id,
        delegation: code,
        participation: r.participation,
        deadlineExtendedTo: isoOrNull(r.deadlineExtendedTo),
        registeredBy: email(r.registeredBy),
        createdAt: iso(r.createdAt),
      })),
      attachments: attachmentRows.map((a) => ({
        id: a.id,
        filename: a.filename,
        mediaType: a.mediaType,
        size: a.size,
        uploadedBy: email(a.uploadedBy),
        createdAt: iso(a.createdAt),
        content: toBase64(a.content),
      })),
      submissions: submissionRows.map(({ submission: s, code }) => ({
        id: s.id,
        delegation: code,
        status: s.status,
        language: s.language,
        draftVersion: s.draftVersion,
        draftUpdatedAt: isoOrNull(s.draftUpdatedAt),
        draftUpdatedBy: email(s.draftUpdatedBy),
        createdAt: iso(s.createdAt),
        draftComments: (commentsByRevision.get(`draft:${s.id}`) ?? []).map(comment),
        revisions: (revisionsBySubmission.get(s.id) ?? []).map(({ revision: r }) => ({
          id: r.id,
          revisionNumber: r.revisionNumber,
          receiptNumber: r.receiptNumber,
          idempotencyKey: r.idempotencyKey,
          draftVersion: r.draftVersion,
          language: r.language,
          source: r.source,
          attachmentId: r.attachmentId,
          submittedAt: iso(r.submittedAt),
          submittedBy: email(r.submittedBy),
          supersededAt: isoOrNull(r.supersededAt),
          withdrawnAt: isoOrNull(r.withdrawnAt),
          late: r.late,
          lateDecidedBy: email(r.lateDecidedBy),
          lateDecidedAt: isoOrNull(r.lateDecidedAt),
          lateReason: r.lateReason,
          comments: (commentsByRevision.get(r.id) ?? []).map(comment),
        })),
      })),
      generatedDocuments: documentRows.map((d) => ({
        id: d.id,
        kind: "crp" as const,
        versionNumber: d.versionNumber,
        status: d.status,
        model: d.model as CrpModel,
        sourceDigest: d.sourceDigest,
        createdBy: email(d.createdBy),
        createdAt: iso(d.createdAt),
      })),
      auditLog: auditEntries,
    };
    return archive;
  });
}

// ---------------------------------------------------------------------------------------------
// Import

export type ImportResult = {
  consultationId: string;
  /** The consultation already existed here: every row got a new id. */
  remapped: boolean;
  /** The copy's receipt prefix (differs from the archive's when that one is taken here). */
  receiptPrefix: string;
  title: string;
};

/** An account the import would create (without a password: the person can be invited later). */
export type PlannedAccount = {
  email: string;
  name: string;
  role: "chair" | "delegate";
  /** A delegate's delegation: its code and its names in the six languages. */
  delegation: string | null;
  delegationNames: DelegationNames | null;
  language: string;
};
/** A chair the import would give access to the consultation: an account here, or one it creates. */
export type PlannedChair = { email: string; name: string; existing: boolean };

/**
 * What an import would do, for the officer to confirm before anything is written: the accounts it
 * would create, the chairs it would give access, whether it makes a copy, and how much it holds.
 * `confirmation` is a digest of the file's content and of this plan: the import writes only when
 * it is given back unchanged (the same file, and nothing here changed in between).
 */
export type ImportPlan = {
  title: string;
  sourceConsultationId: string;
  remapped: boolean;
  /** The archive's prefix and the one the import would use (a free "-2", "-3", … when taken). */
  sourcePrefix: string;
  receiptPrefix: string;
  meeting: { existing: boolean; body: string; session: string };
  counts: {
    agendaItems: number;
    points: number;
    registrations: number;
    submissions: number;
    revisions: number;
    comments: number;
    translations: number;
    attachments: number;
    documents: number;
    auditEntries: number;
  };
  accounts: PlannedAccount[];
  chairs: PlannedChair[];
  confirmation: string;
};

/** The import changes who can sign in or see the consultation: it must be confirmed. */
export function planNeedsConfirmation(plan: ImportPlan): boolean {
  return plan.accounts.length > 0 || plan.chairs.length > 0;
}

/**
 * The import would create accounts or give chairs access and was not confirmed (`needed`), or
 * the confirmation given is not that of this file and this instance now (`changed`): nothing was
 * written; `plan` is what the import would do now.
 */
export class ArchiveConfirmationError extends Error {
  constructor(
    readonly reason: "needed" | "changed",
    readonly plan: ImportPlan,
  ) {
    super(
      reason === "needed"
        ? `The import would create ${plan.accounts.length} account(s) and give ${plan.chairs.length} chair(s) access: it must be confirmed.`
        : "The file or this instance changed since the import was previewed: check the new preview.",
    );
    this.name = "ArchiveConfirmationError";
  }
}

// Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table; files by size.
const ROWS_PER_INSERT = 500;
const BYTES_PER_INSERT = 8 * 1024 * 1024;
// Ids per `IN (…)` when looking for ids this instance already holds.
const IDS_PER_QUERY = 5_000;

function chunks<T>(rows: T[], size = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function chunksBySize<T extends { content: Uint8Array }>(rows: T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (current.length && (bytes + row.content.byteLength > BYTES_PER_INSERT || current.length >= ROWS_PER_INSERT)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += row.content.byteLength;
  }
  if (current.length) out.push(current);
  return out;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The people the file names outside its audit log (lower-cased): those the consultation's rows link to. */
function linkedPeople(archive: Archive): Set<string> {
  const out = new Set<string>();
  const note = (value: string | null) => {
    if (value) out.add(value.toLowerCase());
  };
  note(archive.meeting.createdBy);
  note(archive.consultation.createdBy);
  archive.chairs.forEach((c) => note(c.user));
  archive.agendaItems.forEach((item) => item.points.forEach((p) => p.versions.forEach((v) => note(v.author))));
  archive.nonPapers.forEach((n) => note(n.circulatedBy));
  archive.registrations.forEach((r) => note(r.registeredBy));
  archive.attachments.forEach((a) => note(a.uploadedBy));
  const comment = (c: ArchiveComment) => {
    c.translations.forEach((t) => (note(t.translator), note(t.finalizedBy)));
    c.reviews.forEach((r) => note(r.reviewer));
  };
  archive.submissions.forEach((s) => {
    note(s.draftUpdatedBy);
    s.draftComments.forEach(comment);
    s.revisions.forEach((r) => (note(r.submittedBy), note(r.lateDecidedBy), r.comments.forEach(comment)));
  });
  archive.generatedDocuments.forEach((d) => note(d.createdBy));
  return out;
}

/** Every row id of the file but the meeting's and the consultation's, with its path. */
function rowIds(archive: Archive) {
  const tables: { table: (typeof schema)[keyof typeof schema]; ids: Map<string, string> }[] = [];
  const of = (table: { id: unknown }) => {
    const ids = new Map<string, string>();
    tables.push({ table: table as never, ids });
    return (id: string, path: string) => ids.set(id.toLowerCase(), path);
  };
  const item = of(agendaItems);
  const point = of(discussionPoints);
  const version = of(pointVersions);
  const nonPaper = of(nonPapers);
  const registration = of(registrations);
  const attachment = of(attachments);
  const submission = of(submissions);
  const revision = of(submissionRevisions);
  const comment = of(comments);
  const translation = of(translations);
  const review = of(chairReviews);
  const document = of(generatedDocuments);
  archive.agendaItems.forEach((x, i) => {
    item(x.id, `agendaItems[${i}].id`);
    x.points.forEach((p, j) => {
      point(p.id, `agendaItems[${i}].points[${j}].id`);
      p.versions.forEach((v, k) => version(v.id, `agendaItems[${i}].points[${j}].versions[${k}].id`));
    });
  });
  archive.nonPapers.forEach((x, i) => nonPaper(x.id, `nonPapers[${i}].id`));
  archive.registrations.forEach((x, i) => registration(x.id, `registrations[${i}].id`));
  archive.attachments.forEach((x, i) => attachment(x.id, `attachments[${i}].id`));
  const ofComment = (c: ArchiveComment, path: string) => {
    comment(c.id, `${path}.id`);
    c.translations.forEach((t, k) => translation(t.id, `${path}.translations[${k}].id`));
    c.reviews.forEach((r, k) => review(r.id, `${path}.reviews[${k}].id`));
  };
  archive.submissions.forEach((s, i) => {
    submission(s.id, `submissions[${i}].id`);
    s.draftComments.forEach((c, j) => ofComment(c, `submissions[${i}].draftComments[${j}]`));
    s.revisions.forEach((r, j) => {
      revision(r.id, `submissions[${i}].revisions[${j}].id`);
      r.comments.forEach((c, k) => ofComment(c, `submissions[${i}].revisions[${j}].comments[${k}]`));
    });
  });
  archive.generatedDocuments.forEach((x, i) => document(x.id, `generatedDocuments[${i}].id`));
  return tables;
}

/** The file's content and the plan, as one digest: what the officer confirms. */
function confirmationDigest(archive: Archive, plan: Omit<ImportPlan, "confirmation">): string {
  return createHash("sha256")
    .update("nonpaper-archive-import\n")
    .update(JSON.stringify(archive))
    .update("\n")
    .update(JSON.stringify(plan))
    .digest("hex");
}

type Planned = {
  plan: ImportPlan;
  delegationId: Map<string, string>;
  /** Accounts here by lower-cased email. */
  userId: Map<string, string>;
  existing: { consultation: boolean; meeting: boolean };
};

/**
 * Everything the import needs to know of this instance, read in the import's own transaction:
 * delegations by code, whether the consultation, its meeting, its ids, its receipt prefix and its
 * receipts are here already, and the people by email. Refuses (ArchiveValidationError, with the
 * paths) an unknown delegation, a row id this instance already uses for another row, a person
 * whose account here has another role or delegation, and a secretariat officer without an
 * account here: secretariat accounts are never created from a file.
 */
async function planWithin(tx: Tx, archive: Archive, options: { scratch?: boolean }): Promise<Planned> {
  const codes = new Set<string>();
  archive.users.forEach((u) => u.delegation && codes.add(u.delegation));
  archive.registrations.forEach((r) => codes.add(r.delegation));
  archive.submissions.forEach((s) => codes.add(s.delegation));
  const prefix = archive.consultation.receiptPrefix;
  const emails = archive.users.map((u) => u.email.toLowerCase());
  const [delegationRows, consultationRows, meetingRows, prefixRows, userRows] = await Promise.all([
    codes.size
      ? tx
          .select({ id: delegations.id, code: delegations.code, ...delegationNameColumns })
          .from(delegations)
          .where(inArray(delegations.code, [...codes]))
      : Promise.resolve([]),
    tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.id, archive.consultation.id)),
    tx.select({ id: meetings.id, body: meetings.body, session: meetings.session }).from(meetings).where(eq(meetings.id, archive.meeting.id)),
    tx
      .select({ prefix: consultations.receiptPrefix })
      .from(consultations)
      .where(or(eq(consultations.receiptPrefix, prefix), sql`${consultations.receiptPrefix} like ${`${prefix.replace(/[\\%_]/g, "\\$&")}-%`}`)),
    emails.length
      ? tx
          .select({ id: users.id, email: users.email, name: users.name, role: users.role, delegation: delegations.code })
          .from(users)
          .leftJoin(delegations, eq(delegations.id, users.delegationId))
          .where(inArray(users.email, emails))
      : Promise.resolve([]),
  ]);
  const existing = { consultation: consultationRows.length > 0, meeting: meetingRows.length > 0 };
  const delegationId = new Map(delegationRows.map((d) => [d.code, d.id]));
  const namesOf = new Map(delegationRows.map(({ id: _id, code, ...names }) => [code, names]));
  const problems: ArchiveProblem[] = [];
  const needCode = (code: string | null, path: string) => {
    if (code !== null && !delegationId.has(code)) {
      problems.push({ path, code: "unknownDelegation", message: `no delegation with the code ${code} in this instance`, values: { code } });
    }
  };
  archive.users.forEach((u, i) => needCode(u.delegation, `users[${i}].delegation`));
  archive.registrations.forEach((r, i) => needCode(r.delegation, `registrations[${i}].delegation`));
  archive.submissions.forEach((s, i) => needCode(s.delegation, `submissions[${i}].delegation`));

  // A new consultation keeps its ids: none of them may be another row's here. (A copy gets new ones.)
  const remapped = existing.consultation;
  if (!remapped) {
    for (const { table, ids } of rowIds(archive)) {
      if (!ids.size) continue;
      const idColumn = (table as typeof agendaItems).id;
      for (const part of chunks([...ids.keys()], IDS_PER_QUERY)) {
        const taken = await tx.select({ id: idColumn }).from(table as typeof agendaItems).where(inArray(idColumn, part));
        for (const row of taken) {
          problems.push({ path: ids.get(row.id)!, code: "idTaken", message: `the id ${row.id} is already another row's in this instance`, values: { id: row.id } });
        }
      }
    }
  }

  // Receipt numbers are unique here: a taken prefix gets the first free "-2", "-3", … suffix.
  const takenPrefixes = new Set(prefixRows.map((r) => r.prefix));
  let receiptPrefix = prefix;
  for (let n = 2; takenPrefixes.has(receiptPrefix); n++) receiptPrefix = `${prefix}-${n}`;
  const receipts = archive.submissions.flatMap((s, i) => s.revisions.map((r, j) => ({ path: `submissions[${i}].revisions[${j}].receiptNumber`, receipt: receiptPrefix + r.receiptNumber.slice(prefix.length) })));
  for (const part of chunks(receipts, IDS_PER_QUERY)) {
    const taken = await tx
      .select({ receipt: submissionRevisions.receiptNumber })
      .from(submissionRevisions)
      .where(inArray(submissionRevisions.receiptNumber, part.map((r) => r.receipt)));
    const numbers = new Set(taken.map((r) => r.receipt));
    for (const r of part) {
      if (numbers.has(r.receipt)) problems.push({ path: r.path, code: "receiptTaken", message: `the receipt ${r.receipt} is already given out in this instance`, values: { receipt: r.receipt } });
    }
  }

  // People: those the rows link to must have an account here or be one the import may create.
  const linked = linkedPeople(archive);
  const here = new Map(userRows.map((u) => [u.email, u]));
  const accounts: PlannedAccount[] = [];
  archive.users.forEach((u, i) => {
    const key = u.email.toLowerCase();
    const account = here.get(key);
    if (account) {
      if (account.role !== u.role) {
        problems.push({
          path: `users[${i}].role`,
          code: "roleDiffers",
          message: `the account ${u.email} here is a ${account.role}, not a ${u.role}`,
          values: { email: u.email, role: account.role, fileRole: u.role },
        });
      } else if (u.role === "delegate" && account.delegation !== u.delegation) {
        problems.push({
          path: `users[${i}].delegation`,
          code: "delegationDiffers",
          message: `the account ${u.email} here is a delegate of ${account.delegation}, not of ${u.delegation}`,
          values: { email: u.email, code: account.delegation ?? "", fileCode: u.delegation ?? "" },
        });
      }
      return;
    }
    if (!linked.has(key)) return; // named only in the audit log: kept there as the file says
    if (u.role === "secretariat" && !options.scratch) {
      problems.push({
        path: `users[${i}]`,
        code: "secretariatNotCreated",
        message: `${u.email} has no account here, and secretariat accounts are never created from a file: create the account first`,
        values: { email: u.email },
      });
      return;
    }
    accounts.push({
      email: key,
      name: cleanName(u.name),
      role: u.role as PlannedAccount["role"],
      delegation: u.delegation,
      delegationNames: u.delegation ? namesOf.get(u.delegation)! : null,
      language: u.language,
    });
  });
  if (problems.length) throw new ArchiveValidationError(problems);

  const fileName = new Map(archive.users.map((u) => [u.email.toLowerCase(), cleanName(u.name)]));
  const chairs: PlannedChair[] = archive.chairs.map((c) => {
    const account = here.get(c.user.toLowerCase());
    return { email: c.user.toLowerCase(), name: account?.name ?? fileName.get(c.user.toLowerCase())!, existing: !!account };
  });
  const comments = archive.submissions.flatMap((s) => [...s.draftComments, ...s.revisions.flatMap((r) => r.comments)]);
  const draft: Omit<ImportPlan, "confirmation"> = {
    title: archive.consultation.title,
    sourceConsultationId: archive.consultation.id,
    remapped,
    sourcePrefix: prefix,
    receiptPrefix,
    meeting: existing.meeting
      ? { existing: true, body: meetingRows[0]!.body, session: meetingRows[0]!.session }
      : { existing: false, body: archive.meeting.body, session: archive.meeting.session },
    counts: {
      agendaItems: archive.agendaItems.length,
      points: archive.agendaItems.reduce((n, item) => n + item.points.length, 0),
      registrations: archive.registrations.length,
      submissions: archive.submissions.length,
      revisions: archive.submissions.reduce((n, s) => n + s.revisions.length, 0),
      comments: comments.length,
      translations: comments.reduce((n, c) => n + c.translations.length, 0),
      attachments: archive.attachments.length,
      documents: archive.generatedDocuments.length,
      auditEntries: archive.auditLog.length,
    },
    accounts,
    chairs,
  };
  const plan: ImportPlan = { ...draft, confirmation: confirmationDigest(archive, draft) };
  return { plan, delegationId, userId: new Map(userRows.map((u) => [u.email, u.id])), existing };
}

type ImportOptions = {
  /** The officer who imports (null: the command line); written on the import's audit entry and on every imported entry. */
  actorId?: string | null;
  ipAddress?: string | null;
  /** The plan's `confirmation` from the preview: needed when the import creates accounts or gives chairs access. */
  confirmation?: string | null;
  /**
   * A throwaway database (npm run crp): the people are created as the file names them,
   * secretariat included, and nothing needs confirming. Never for a database people sign in to.
   */
  scratch?: boolean;
};

/** The file checked and what importing it would do here now; nothing is written. */
export async function previewImport(db: Db, input: unknown, options: Pick<ImportOptions, "scratch"> = {}): Promise<ImportPlan> {
  const checked = checkArchive(input);
  if (!checked.ok) throw new ArchiveValidationError(checked.problems);
  return db.transaction(async (tx) => (await planWithin(tx, checked.archive, options)).plan);
}

/**
 * Imports an archive (the parsed JSON) in one transaction: checked against the format first
 * (ArchiveValidationError with the problems and their paths; nothing written), then against this
 * instance (planWithin), then, when it creates accounts or gives chairs access, only with the
 * preview's confirmation (ArchiveConfirmationError otherwise). Existing accounts are never
 * changed; missing chairs and delegates are created without a password. Every table is written in
 * multi-row inserts; the file's audit entries are kept as imported (not linked to accounts here,
 * dated now, with what the file said in their details), and "consultation.import" is added.
 */
export async function importConsultation(db: Db, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const checked = checkArchive(input);
  if (!checked.ok) throw new ArchiveValidationError(checked.problems);
  const archive = checked.archive;

  return db.transaction(async (tx) => {
    const { plan, delegationId, userId, existing } = await planWithin(tx, archive, options);
    if (options.confirmation != null && options.confirmation !== plan.confirmation) throw new ArchiveConfirmationError("changed", plan);
    if (options.confirmation == null && planNeedsConfirmation(plan) && !options.scratch) throw new ArchiveConfirmationError("needed", plan);
    const { remapped, receiptPrefix } = plan;
    const prefix = plan.sourcePrefix;

    const fresh = new Map<string, string>();
    // The meeting is shared when this instance has it; everything else is new when remapped.
    if (existing.meeting) fresh.set(archive.meeting.id, archive.meeting.id);
    const idOf = (old: string): string => {
      if (!remapped) return old;
      let mapped = fresh.get(old);
      if (!mapped) fresh.set(old, (mapped = randomUUID()));
      return mapped;
    };
    const idOrNull = (old: string | null) => (old === null ? null : idOf(old));
    // Ids inside JSON values (a CRP model's comment ids, an audit entry's details) follow their rows.
    const remapJson = (value: unknown): unknown => {
      if (!remapped) return value;
      if (typeof value === "string") return fresh.get(value) ?? value;
      if (Array.isArray(value)) return value.map(remapJson);
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapJson(v)]));
      return value;
    };
    // Every receipt starts with the prefix (checked): a copy's starts with its own.
    const receipt = (number: string) => receiptPrefix + number.slice(prefix.length);

    // The accounts the officer confirmed, without a password; a concurrent sign-up of the same
    // address means the confirmed plan no longer holds.
    const fileUser = new Map(archive.users.map((u) => [u.email.toLowerCase(), u]));
    for (const part of chunks(plan.accounts)) {
      const created = await tx
        .insert(users)
        .values(
          part.map((a) => {
            const u = fileUser.get(a.email)!;
            return {
              email: a.email,
              // The name rules of the forms (name-rules.ts): disguising invisible characters removed.
              name: a.name,
              role: a.role,
              delegationId: a.delegation ? delegationId.get(a.delegation)! : null,
              language: u.language,
              // Zones by their current IANA names ("Europe/Kiev" in an older archive is Europe/Kyiv).
              timeZone: u.timeZone === null ? null : currentTimeZone(u.timeZone),
            };
          }),
        )
        .onConflictDoNothing()
        .returning({ id: users.id, email: users.email });
      if (created.length !== part.length) throw new ArchiveConfirmationError("changed", plan);
      for (const u of created) userId.set(u.email, u.id);
    }
    const person = (address: string | null) => (address === null ? null : userId.get(address.toLowerCase())!);
    const at = (value: string) => new Date(value);
    const atOrNull = (value: string | null) => (value === null ? null : new Date(value));

    const { meeting: m, consultation: c } = archive;
    const consultationId = idOf(c.id);
    if (!existing.meeting) {
      await tx.insert(meetings).values({
        id: idOf(m.id),
        body: m.body,
        parentBody: m.parentBody,
        symbolPrefix: m.symbolPrefix,
        session: m.session,
        venue: m.venue,
        startDate: m.startDate,
        endDate: m.endDate,
        format: m.format,
        timeZone: currentTimeZone(m.timeZone),
        createdBy: person(m.createdBy),
        createdAt: at(m.createdAt),
        updatedAt: at(m.updatedAt),
      });
    }
    await tx.insert(consultations).values({
      id: consultationId,
      meetingId: idOf(m.id),
      title: c.title,
      status: c.status,
      workingLanguage: c.workingLanguage,
      deadline: atOrNull(c.deadline),
      receiptPrefix,
      crpSymbol: c.crpSymbol,
      parentSession: c.parentSession,
      parentSessionVenue: c.parentSessionVenue,
      parentSessionStartDate: c.parentSessionStartDate,
      parentSessionEndDate: c.parentSessionEndDate,
      parentAgendaItemNumber: c.parentAgendaItemNumber,
      parentAgendaItemTitle: c.parentAgendaItemTitle,
      provisionalAgendaSymbol: c.provisionalAgendaSymbol,
      reflectionApprovedOn: c.reflectionApprovedOn,
      reflectionApprovalMethod: c.reflectionApprovalMethod,
      introductionNote: c.introductionNote,
      introductionParagraphs: c.introductionParagraphs ?? null,
      coveringNote: c.coveringNote,
      circulatedAt: atOrNull(c.circulatedAt),
      closedAt: atOrNull(c.closedAt),
      compiledAt: atOrNull(c.compiledAt),
      createdBy: person(c.createdBy),
      createdAt: at(c.createdAt),
      updatedAt: at(c.updatedAt),
    });
    if (c.lastReceiptNumber !== null) await tx.insert(receiptCounters).values({ consultationId, lastNumber: c.lastReceiptNumber });

    const insertAll = async <T>(table: Parameters<typeof tx.insert>[0], rows: T[]) => {
      for (const part of chunks(rows)) await tx.insert(table).values(part as never);
    };

    await insertAll(
      consultationChairs,
      archive.chairs.map((r) => ({ consultationId, userId: person(r.user)!, createdAt: at(r.createdAt) })),
    );
    await insertAll(
      agendaItems,
      archive.agendaItems.map((item) => ({
        id: idOf(item.id),
        consultationId,
        number: item.number,
        heading: item.heading,
        title: item.title,
        introduction: item.introduction,
        position: item.position,
        createdAt: at(item.createdAt),
      })),
    );
    const points = archive.agendaItems.flatMap((item) => item.points.map((p) => ({ item, p })));
    await insertAll(
      discussionPoints,
      points.map(({ item, p }) => ({ id: idOf(p.id), agendaItemId: idOf(item.id), label: p.label, position: p.position, createdAt: at(p.createdAt) })),
    );
    await insertAll(
      pointVersions,
      points.flatMap(({ p }) =>
        p.versions.map((v) => ({
          id: idOf(v.id),
          pointId: idOf(p.id),
          versionNumber: v.versionNumber,
          text: v.text,
          source: v.source,
          authorId: person(v.author),
          createdAt: at(v.createdAt),
        })),
      ),
    );
    await insertAll(
      nonPapers,
      archive.nonPapers.map((n) => ({
        id: idOf(n.id),
        consultationId,
        number: n.number,
        circulatedAt: at(n.circulatedAt),
        circulatedBy: person(n.circulatedBy),
        coveringNote: n.coveringNote,
      })),
    );
    await insertAll(
      nonPaperPoints,
      archive.nonPapers.flatMap((n) => n.pointVersions.map((v) => ({ nonPaperId: idOf(n.id), pointVersionId: idOf(v) }))),
    );
    await insertAll(
      registrations,
      archive.registrations.map((r) => ({
        id: idOf(r.id),
        consultationId,
        delegationId: delegationId.get(r.delegation)!,
        participation: r.participation,
        deadlineExtendedTo: atOrNull(r.deadlineExtendedTo),
        registeredBy: person(r.registeredBy),
        createdAt: at(r.createdAt),
      })),
    );
    const files = archive.attachments.map((a) => ({
      id: idOf(a.id),
      consultationId,
      filename: a.filename,
      mediaType: a.mediaType,
      size: a.size,
      content: new Uint8Array(Buffer.from(a.content, "base64")),
      uploadedBy: person(a.uploadedBy),
      createdAt: at(a.createdAt),
    }));
    for (const part of chunksBySize(files)) await tx.insert(attachments).values(part);

    await insertAll(
      submissions,
      archive.submissions.map((s) => ({
        id: idOf(s.id),
        consultationId,
        delegationId: delegationId.get(s.delegation)!,
        status: s.status,
        language: s.language,
        draftVersion: s.draftVersion,
        draftUpdatedAt: atOrNull(s.draftUpdatedAt),
        draftUpdatedBy: person(s.draftUpdatedBy),
        createdAt: at(s.createdAt),
      })),
    );
    await insertAll(
      submissionRevisions,
      archive.submissions.flatMap((s) =>
        s.revisions.map((r) => ({
          id: idOf(r.id),
          submissionId: idOf(s.id),
          revisionNumber: r.revisionNumber,
          receiptNumber: receipt(r.receiptNumber),
          idempotencyKey: r.idempotencyKey,
          draftVersion: r.draftVersion,
          language: r.language,
          source: r.source,
          attachmentId: idOrNull(r.attachmentId),
          submittedAt: at(r.submittedAt),
          submittedBy: person(r.submittedBy),
          supersededAt: atOrNull(r.supersededAt),
          withdrawnAt: atOrNull(r.withdrawnAt),
          late: r.late,
          lateDecidedBy: person(r.lateDecidedBy),
          lateDecidedAt: atOrNull(r.lateDecidedAt),
          lateReason: r.lateReason,
        })),
      ),
    );
    const allComments = archive.submissions.flatMap((s) => [
      ...s.draftComments.map((x) => ({ x, submissionId: s.id, revisionId: null as string | null })),
      ...s.revisions.flatMap((r) => r.comments.map((x) => ({ x, submissionId: s.id, revisionId: r.id as string | null }))),
    ]);
    await insertAll(
      comments,
      allComments.map(({ x, submissionId, revisionId }) => ({
        id: idOf(x.id),
        submissionId: idOf(submissionId),
        revisionId: idOrNull(revisionId),
        kind: x.kind,
        agendaItemId: idOf(x.agendaItemId),
        pointId: idOrNull(x.pointId),
        basePointVersionId: idOrNull(x.basePointVersionId),
        label: x.label,
        position: x.position,
        language: x.language,
        body: x.body,
        proposedText: x.proposedText,
        createdAt: at(x.createdAt),
        updatedAt: at(x.updatedAt),
      })),
    );
    await insertAll(
      translations,
      allComments.flatMap(({ x }) =>
        x.translations.map((t) => ({
          id: idOf(t.id),
          commentId: idOf(x.id),
          targetLanguage: t.targetLanguage,
          status: t.status,
          body: t.body,
          proposedText: t.proposedText,
          sourceBody: t.sourceBody,
          sourceProposedText: t.sourceProposedText,
          machineAssisted: t.machineAssisted,
          version: t.version,
          translatorId: person(t.translator),
          finalizedBy: person(t.finalizedBy),
          finalizedAt: atOrNull(t.finalizedAt),
          createdAt: at(t.createdAt),
          updatedAt: at(t.updatedAt),
        })),
      ),
    );
    await insertAll(
      chairReviews,
      allComments.flatMap(({ x }) =>
        x.reviews.map((r) => ({
          id: idOf(r.id),
          commentId: idOf(x.id),
          reviewerId: person(r.reviewer)!,
          tag: r.tag,
          note: r.note,
          createdAt: at(r.createdAt),
          updatedAt: at(r.updatedAt),
        })),
      ),
    );
    await insertAll(
      generatedDocuments,
      archive.generatedDocuments.map((d) => ({
        id: idOf(d.id),
        consultationId,
        kind: d.kind,
        versionNumber: d.versionNumber,
        status: d.status,
        model: remapJson(d.model),
        sourceDigest: d.sourceDigest,
        createdBy: person(d.createdBy),
        createdAt: at(d.createdAt),
      })),
    );
    // The file's history, as what the file says: dated now, linked to no account here, with the
    // time, the person (as the file names them) and the address the file gives kept in the
    // entry's details under IMPORTED_MARK, with who imported it and when. An entry's subject
    // follows its row to its new id.
    const importedAt = new Date();
    await insertAll(auditLog, [
      ...archive.auditLog.map((e) => {
        const actor = e.actor === null ? null : fileUser.get(e.actor.toLowerCase())!;
        const mark: ImportedMark = {
          at: e.at,
          actor: actor && { email: actor.email.toLowerCase(), name: actor.name, role: actor.role, language: actor.language, timeZone: actor.timeZone, delegation: actor.delegation },
          ipAddress: e.ipAddress,
          importedAt: importedAt.toISOString(),
          importedBy: options.actorId ?? null,
        };
        return {
          at: importedAt,
          actorId: null,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId === null ? null : (remapJson(e.entityId) as string),
          consultationId,
          details: { ...(remapJson(e.details) as Record<string, unknown>), [IMPORTED_MARK]: mark },
          ipAddress: null,
        };
      }),
      {
        at: importedAt,
        actorId: options.actorId ?? null,
        action: IMPORT_AUDIT_ACTION,
        entityType: "consultation",
        entityId: consultationId,
        consultationId,
        details: {
          sourceConsultationId: c.id,
          exportedAt: archive.exportedAt,
          remapped,
          receiptPrefix: receiptPrefix === prefix ? undefined : { from: prefix, to: receiptPrefix },
          usersCreated: plan.accounts.length,
          accountsCreated: plan.accounts.map((a) => a.email),
          chairsGranted: plan.chairs.map((ch) => ch.email),
          auditEntriesImported: archive.auditLog.length,
          confirmation: options.confirmation ?? null,
        },
        ipAddress: options.ipAddress ?? null,
      },
    ]);
    return { consultationId, remapped, receiptPrefix, title: c.title };
  });
}

// ---------------------------------------------------------------------------------------------
// For the pages: the secretariat only

/** The archive of a consultation for the download; null for anyone but the secretariat, or no such consultation. */
export async function getConsultationArchive(user: SessionUser, consultationId: string): Promise<Archive | null> {
  if (user.role !== "secretariat") return null;
  return exportConsultation(await getDb(), consultationId);
}

/** What importing an uploaded archive would do, for the secretariat's preview; null for anyone else. */
export async function previewConsultationArchive(user: SessionUser, input: unknown): Promise<ImportPlan | null> {
  if (user.role !== "secretariat") return null;
  return previewImport(await getDb(), input);
}

/**
 * Imports an uploaded archive as the secretariat (the actor of the audit entries), with the
 * preview's confirmation, which the page always sends; null for anyone else.
 */
export async function importConsultationArchive(
  user: SessionUser,
  input: unknown,
  options: { ipAddress?: string | null; confirmation: string },
): Promise<ImportResult | null> {
  if (user.role !== "secretariat") return null;
  return importConsultation(await getDb(), input, { actorId: user.id, ipAddress: options.ipAddress ?? null, confirmation: options.confirmation });
}
