// The consultation archive (issue 6): a whole consultation out of the database as one JSON value
// (app/lib/archive-schema.ts), and back in, in this instance or another.
//
// Export reads in a fixed number of queries and writes everything in a fixed order, so the same
// data always gives the same file. Import checks the file first, then writes it in one
// transaction with multi-row inserts. Into an instance that does not hold the consultation it
// keeps every id (export -> import -> export gives the same file); into one that does (the same
// instance again) it gives every row a new id, consistently, and the copy a receipt prefix of its
// own, since receipt numbers are unique across an instance.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  checkArchive,
  type Archive,
  type ArchiveComment,
  type ArchiveProblem,
} from "~/lib/archive-schema";
import { currentTimeZone } from "~/lib/time-zones";
import type { SessionUser } from "~/models/user.server";
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
export const IMPORT_AUDIT_ACTION = "consultation.import";

type Db = Pick<Database, "select" | "insert" | "transaction">;

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
        .where(eq(generatedDocuments.consultationId, consultationId))
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
          note: r.note,
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
      users: userRows
        .map((u) => ({ email: u.email, name: u.name, role: u.role, language: u.language, timeZone: u.timeZone, delegation: u.delegation }))
        .sort(byKey((u) => u.email)),
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
        kind: d.kind,
        versionNumber: d.versionNumber,
        status: d.status,
        model: d.model,
        sourceDigest: d.sourceDigest,
        createdBy: email(d.createdBy),
        createdAt: iso(d.createdAt),
      })),
      auditLog: auditRows.map((e) => ({
        at: iso(e.at),
        actor: email(e.actorId),
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        details: e.details,
        ipAddress: e.ipAddress,
      })),
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

// Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table; files by size.
const ROWS_PER_INSERT = 500;
const BYTES_PER_INSERT = 8 * 1024 * 1024;

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

/**
 * Imports an archive (the parsed JSON) in one transaction: checked against the format first
 * (ArchiveValidationError with the problems and their paths; nothing written), delegations found
 * by code (an unknown one is a problem too), people by email (missing ones created without a
 * password, existing ones never changed), then every table in multi-row inserts, and
 * "consultation.import" in the audit log.
 */
export async function importConsultation(db: Db, input: unknown, options: { actorId?: string | null; ipAddress?: string | null } = {}): Promise<ImportResult> {
  const checked = checkArchive(input);
  if (!checked.ok) throw new ArchiveValidationError(checked.problems);
  const archive = checked.archive;

  return db.transaction(async (tx) => {
    // Delegations by code, and whether the consultation, its meeting or its prefix are here already.
    const codes = new Set<string>();
    archive.users.forEach((u) => u.delegation && codes.add(u.delegation));
    archive.registrations.forEach((r) => codes.add(r.delegation));
    archive.submissions.forEach((s) => codes.add(s.delegation));
    const prefix = archive.consultation.receiptPrefix;
    const [delegationRows, consultationRows, meetingRows, prefixRows] = await Promise.all([
      codes.size ? tx.select({ id: delegations.id, code: delegations.code }).from(delegations).where(inArray(delegations.code, [...codes])) : Promise.resolve([]),
      tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.id, archive.consultation.id)),
      tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, archive.meeting.id)),
      tx
        .select({ prefix: consultations.receiptPrefix })
        .from(consultations)
        .where(or(eq(consultations.receiptPrefix, prefix), sql`${consultations.receiptPrefix} like ${`${prefix.replace(/[\\%_]/g, "\\$&")}-%`}`)),
    ]);
    const existing = { consultation: consultationRows.length > 0, meeting: meetingRows.length > 0 };
    const delegationId = new Map(delegationRows.map((d) => [d.code, d.id]));
    const unknown: ArchiveProblem[] = [];
    const needCode = (code: string | null, path: string) => {
      if (code !== null && !delegationId.has(code)) unknown.push({ path, message: `no delegation with the code ${code} in this instance` });
    };
    archive.users.forEach((u, i) => needCode(u.delegation, `users[${i}].delegation`));
    archive.registrations.forEach((r, i) => needCode(r.delegation, `registrations[${i}].delegation`));
    archive.submissions.forEach((s, i) => needCode(s.delegation, `submissions[${i}].delegation`));
    if (unknown.length) throw new ArchiveValidationError(unknown);

    const remapped = existing.consultation;
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

    // Receipt numbers are unique here: a taken prefix gets the first free "-2", "-3", … suffix.
    const taken = new Set(prefixRows.map((r) => r.prefix));
    let receiptPrefix = prefix;
    for (let n = 2; taken.has(receiptPrefix); n++) receiptPrefix = `${prefix}-${n}`;
    const receipt = (number: string) =>
      receiptPrefix === prefix ? number : number.startsWith(`${prefix}-`) ? receiptPrefix + number.slice(prefix.length) : `${receiptPrefix}-${number}`;

    // People by email; the missing ones are created without a password, to be invited later.
    const emails = archive.users.map((u) => u.email.toLowerCase());
    const userRows = emails.length ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails)) : [];
    const userId = new Map(userRows.map((u) => [u.email, u.id]));
    const missing = archive.users.filter((u) => !userId.has(u.email.toLowerCase()));
    for (const part of chunks(missing)) {
      const created = await tx
        .insert(users)
        .values(
          part.map((u) => ({
            email: u.email.toLowerCase(),
            name: u.name,
            role: u.role,
            delegationId: u.delegation ? delegationId.get(u.delegation)! : null,
            language: u.language,
            // Zones by their current IANA names ("Europe/Kiev" in an older archive is Europe/Kyiv).
            timeZone: u.timeZone === null ? null : currentTimeZone(u.timeZone),
          })),
        )
        .returning({ id: users.id, email: users.email });
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
    // The history as it was; an entry's subject follows its row to its new id.
    await insertAll(auditLog, [
      ...archive.auditLog.map((e) => ({
        at: at(e.at),
        actorId: person(e.actor),
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId === null ? null : (remapJson(e.entityId) as string),
        consultationId,
        details: remapJson(e.details) as Record<string, unknown>,
        ipAddress: e.ipAddress,
      })),
      {
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
          usersCreated: missing.length,
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

/** Imports an uploaded archive as the secretariat (the actor of the audit entry); null for anyone else. */
export async function importConsultationArchive(
  user: SessionUser,
  input: unknown,
  options: { ipAddress?: string | null } = {},
): Promise<ImportResult | null> {
  if (user.role !== "secretariat") return null;
  return importConsultation(await getDb(), input, { actorId: user.id, ipAddress: options.ipAddress ?? null });
}
