// The archive's tables, each declared once (declaration.server.ts): how its rows are read for an
// export and become the file's entries, and how the file's entries become rows again on import.
// The export (export.server.ts) and the import (plan.server.ts, import.server.ts) walk
// ARCHIVE_TABLES. Here the people, the consultation's own tables and the list; the agenda's, the
// groups' and the submissions' tables are in agenda-tables.server.ts, group-tables.server.ts and
// submission-tables.server.ts.
import { and, asc, eq, getTableColumns, inArray, ne } from "drizzle-orm";
import { IMPORTED_MARK, type Archive, type ArchiveUser } from "~/lib/archive-schema";
import type { CrpModel } from "~/documents/crp";
import { currentTimeZone } from "~/lib/time-zones";
import { schema } from "~/utils/db.server";
import { agendaItemTable, nonPaperPointTable, nonPaperTable, pointAnswerTable, pointOriginTable, pointTable, versionTable } from "./agenda-tables.server";
import { at, atOrNull, byKey, IMPORT_AUDIT_ACTION, importedMark, iso, isoOrNull, languageTexts, type ImportedMark, type Tx } from "./common.server";
import { top, type AnyArchiveTable, type ArchiveTable, type Insert, type Select } from "./declaration.server";
import type { PlannedAccount } from "./plan.server";
import { groupCoordinatorTable, groupMemberTable, groupTable } from "./group-tables.server";
import {
  alignmentTable,
  commentTable,
  cosponsorTable,
  dispositionTable,
  reviewTable,
  revisionTable,
  submissionTable,
  translationTable,
} from "./submission-tables.server";

const { attachments, auditLog, consultationChairs, consultations, delegations, generatedDocuments, meetings, receiptCounters, registrations, users } = schema;

type MeetingEntry = Archive["meeting"];
type ConsultationEntry = Archive["consultation"];

// ---------------------------------------------------------------------------------------------
// The people: by email in the file, never by id. Not one of ARCHIVE_TABLES: the export reads
// those the rows name, the import creates only the accounts the officer confirmed.

const readPeople = (tx: Tx, userIds: string[]) =>
  tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      language: users.language,
      timeZone: users.timeZone,
      delegation: delegations.code,
      approver: users.approver,
    })
    .from(users)
    .leftJoin(delegations, eq(delegations.id, users.delegationId))
    .where(inArray(users.id, userIds));

export const userTable = {
  read: readPeople,
  // Only these columns of users: never a password hash, a two-factor secret or its recovery codes.
  toEntry: (u: Awaited<ReturnType<typeof readPeople>>[number]): ArchiveUser => ({
    email: u.email,
    name: u.name,
    role: u.role,
    language: u.language,
    timeZone: u.timeZone,
    delegation: u.delegation,
    // Version 3: written only for an approver, so that a file without one reads as before.
    ...(u.approver ? { approver: true } : {}),
  }),
  /** An account the officer confirmed, without a password (an approver, if the file says so). */
  toRow: (a: PlannedAccount, u: ArchiveUser, delegation: (code: string) => string): Insert<typeof users> => ({
    email: a.email,
    // The name rules of the forms (name-rules.ts): disguising invisible characters removed.
    name: a.name,
    role: a.role,
    delegationId: a.delegation ? delegation(a.delegation) : null,
    language: u.language,
    // Zones by their current IANA names ("Europe/Kiev" in an older archive is Europe/Kyiv).
    timeZone: u.timeZone === null ? null : currentTimeZone(u.timeZone),
    approver: u.approver === true,
  }),
};

// ---------------------------------------------------------------------------------------------
// The meeting and the consultation: the export reads them together (export.server.ts).

export const meetingTable: ArchiveTable<typeof meetings, Select<typeof meetings>, MeetingEntry> = {
  table: meetings,
  people: { createdBy: "createdBy" },
  toEntry: (m, out) => ({
    id: m.id,
    body: m.body,
    ...languageTexts("bodyTranslations", m.bodyTranslations),
    parentBody: m.parentBody,
    symbolPrefix: m.symbolPrefix,
    session: m.session,
    venue: m.venue,
    ...languageTexts("venueTranslations", m.venueTranslations),
    startDate: m.startDate,
    endDate: m.endDate,
    format: m.format,
    timeZone: m.timeZone,
    createdBy: out.email(m.createdBy),
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
  }),
  entries: (archive) => [{ entry: archive.meeting, parent: null, path: "meeting" }],
  toRow: (m, into) => ({
    id: into.id(m.id),
    body: m.body,
    // A file without them (older than the column) gives none: English for every reader.
    bodyTranslations: m.bodyTranslations ?? {},
    parentBody: m.parentBody,
    symbolPrefix: m.symbolPrefix,
    session: m.session,
    venue: m.venue,
    venueTranslations: m.venueTranslations ?? {},
    startDate: m.startDate,
    endDate: m.endDate,
    format: m.format,
    timeZone: currentTimeZone(m.timeZone),
    createdBy: into.person(m.createdBy),
    createdAt: at(m.createdAt),
    updatedAt: at(m.updatedAt),
  }),
  insertIf: (into) => !into.meetingExists,
};

/** The consultation's row, its receipt counter and, for a later round, what the file says of the previous round. */
type ConsultationRow = Select<typeof consultations> & { lastReceiptNumber: number | null; previousRound: ConsultationEntry["previousRound"] | null };

export const consultationTable: ArchiveTable<typeof consultations, ConsultationRow, ConsultationEntry, MeetingEntry> = {
  table: consultations,
  people: { createdBy: "createdBy" },
  toEntry: (c, out) => ({
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
    ...languageTexts("coveringNoteTranslations", c.coveringNoteTranslations),
    circulatedAt: isoOrNull(c.circulatedAt),
    closedAt: isoOrNull(c.closedAt),
    compiledAt: isoOrNull(c.compiledAt),
    ...(c.dispositionsPublishedAt ? { dispositionsPublishedAt: iso(c.dispositionsPublishedAt) } : {}),
    // Written only for a later round: a first round's file is as version 1 wrote it, but for the version.
    ...(c.round > 1 ? { round: c.round } : {}),
    ...(c.previousRound ? { previousRound: c.previousRound } : {}),
    createdBy: out.email(c.createdBy),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    lastReceiptNumber: c.lastReceiptNumber,
  }),
  entries: (archive) => [{ entry: archive.consultation, parent: archive.meeting, path: "consultation" }],
  toRow: (c, into, m) => ({
    id: into.consultationId,
    meetingId: into.id(m.id),
    title: c.title,
    status: c.status,
    workingLanguage: c.workingLanguage,
    deadline: atOrNull(c.deadline),
    receiptPrefix: into.receiptPrefix,
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
    coveringNoteTranslations: c.coveringNoteTranslations ?? {},
    circulatedAt: atOrNull(c.circulatedAt),
    closedAt: atOrNull(c.closedAt),
    compiledAt: atOrNull(c.compiledAt),
    dispositionsPublishedAt: atOrNull(c.dispositionsPublishedAt ?? null),
    round: c.round ?? 1,
    // Linked only to a previous round this instance holds that has no other follow-up (plan.server.ts).
    previousRoundId: into.lineage.previousRoundId,
    createdBy: into.person(c.createdBy),
    createdAt: at(c.createdAt),
    updatedAt: at(c.updatedAt),
  }),
};

// In the file as the consultation's lastReceiptNumber (the export reads it with the consultation).
export const receiptCounterTable: ArchiveTable<typeof receiptCounters, never, ConsultationEntry> = {
  table: receiptCounters,
  entries: (archive) => (archive.consultation.lastReceiptNumber === null ? [] : [{ entry: archive.consultation, parent: null, path: "consultation" }]),
  toRow: (c, into) => ({ consultationId: into.consultationId, lastNumber: c.lastReceiptNumber! }),
};

export const chairTable: ArchiveTable<typeof consultationChairs, Select<typeof consultationChairs>, Archive["chairs"][number]> = {
  table: consultationChairs,
  read: (tx, consultationId) => tx.select().from(consultationChairs).where(eq(consultationChairs.consultationId, consultationId)),
  people: { userId: "user" },
  toEntry: (r, out) => ({ user: out.email(r.userId)!, createdAt: iso(r.createdAt) }),
  order: byKey((r) => `${r.createdAt} ${r.user}`),
  entries: (archive) => top(archive.chairs, "chairs"),
  toRow: (r, into) => ({ consultationId: into.consultationId, userId: into.person(r.user)!, createdAt: at(r.createdAt) }),
};

// ---------------------------------------------------------------------------------------------
// Registrations and files

export const registrationTable: ArchiveTable<typeof registrations, Select<typeof registrations> & { code: string }, Archive["registrations"][number]> = {
  table: registrations,
  read: (tx, consultationId) =>
    tx
      .select({ ...getTableColumns(registrations), code: delegations.code })
      .from(registrations)
      .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
      .where(eq(registrations.consultationId, consultationId))
      .orderBy(asc(delegations.code)),
  people: { registeredBy: "registeredBy", focalPointId: "focalPoint" },
  toEntry: (r, out) => ({
    id: r.id,
    delegation: r.code,
    participation: r.participation,
    deadlineExtendedTo: isoOrNull(r.deadlineExtendedTo),
    // Version 3: the mission's focal point and delegate limit, only when set.
    ...(r.focalPointId ? { focalPoint: out.email(r.focalPointId)! } : {}),
    ...(r.delegateLimit !== null ? { delegateLimit: r.delegateLimit } : {}),
    registeredBy: out.email(r.registeredBy),
    createdAt: iso(r.createdAt),
  }),
  entries: (archive) => top(archive.registrations, "registrations"),
  toRow: (r, into) => ({
    id: into.id(r.id),
    consultationId: into.consultationId,
    delegationId: into.delegation(r.delegation),
    participation: r.participation,
    deadlineExtendedTo: atOrNull(r.deadlineExtendedTo),
    focalPointId: into.person(r.focalPoint ?? null),
    delegateLimit: r.delegateLimit ?? null,
    registeredBy: into.person(r.registeredBy),
    createdAt: at(r.createdAt),
  }),
  freeIds: true,
};

export const attachmentTable: ArchiveTable<typeof attachments, Select<typeof attachments>, Archive["attachments"][number]> = {
  table: attachments,
  read: (tx, consultationId) =>
    tx.select().from(attachments).where(eq(attachments.consultationId, consultationId)).orderBy(asc(attachments.createdAt), asc(attachments.id)),
  people: { uploadedBy: "uploadedBy" },
  toEntry: (a, out) => ({
    id: a.id,
    filename: a.filename,
    mediaType: a.mediaType,
    size: a.size,
    uploadedBy: out.email(a.uploadedBy),
    createdAt: iso(a.createdAt),
    content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength).toString("base64"),
  }),
  entries: (archive) => top(archive.attachments, "attachments"),
  toRow: (a, into) => ({
    id: into.id(a.id),
    consultationId: into.consultationId,
    filename: a.filename,
    mediaType: a.mediaType,
    size: a.size,
    content: new Uint8Array(Buffer.from(a.content, "base64")),
    uploadedBy: into.person(a.uploadedBy),
    createdAt: at(a.createdAt),
  }),
  freeIds: true,
  bytes: (row) => row.content.byteLength,
};

// ---------------------------------------------------------------------------------------------
// Compilations and the audit log

export const documentTable: ArchiveTable<typeof generatedDocuments, Select<typeof generatedDocuments>, Archive["generatedDocuments"][number]> = {
  table: generatedDocuments,
  read: (tx, consultationId) =>
    tx
      .select()
      .from(generatedDocuments)
      // Only CRPs are compiled and kept (the other kinds of the enum are made on the fly).
      .where(and(eq(generatedDocuments.consultationId, consultationId), eq(generatedDocuments.kind, "crp")))
      .orderBy(asc(generatedDocuments.kind), asc(generatedDocuments.versionNumber)),
  people: { createdBy: "createdBy" },
  toEntry: (d, out) => ({
    id: d.id,
    kind: "crp" as const,
    versionNumber: d.versionNumber,
    status: d.status,
    model: d.model as CrpModel,
    sourceDigest: d.sourceDigest,
    createdBy: out.email(d.createdBy),
    createdAt: iso(d.createdAt),
  }),
  entries: (archive) => top(archive.generatedDocuments, "generatedDocuments"),
  toRow: (d, into) => ({
    id: into.id(d.id),
    consultationId: into.consultationId,
    kind: d.kind,
    versionNumber: d.versionNumber,
    status: d.status,
    model: into.remapJson(d.model),
    sourceDigest: d.sourceDigest,
    createdBy: into.person(d.createdBy),
    createdAt: at(d.createdAt),
  }),
  freeIds: true,
};

/** A person as the file writes them, keys in the format's order (an approver only when one). */
const fileUser = (u: ArchiveUser): ArchiveUser => ({
  email: u.email,
  name: u.name,
  role: u.role,
  language: u.language,
  timeZone: u.timeZone,
  delegation: u.delegation,
  ...(u.approver ? { approver: true } : {}),
});

/**
 * The file's history, as what the file says: on import dated now, linked to no account here,
 * with the time, the person (as the file names them) and the address the file gives kept in the
 * entry's details under IMPORTED_MARK, with who imported it and when. An entry's subject follows
 * its row to its new id. An entry imported so goes back out as that file had it, with its person.
 */
export const auditTable: ArchiveTable<typeof auditLog, Select<typeof auditLog>, Archive["auditLog"][number]> = {
  table: auditLog,
  read: (tx, consultationId) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.consultationId, consultationId), ne(auditLog.action, IMPORT_AUDIT_ACTION)))
      .orderBy(asc(auditLog.id)),
  mentions: { actorId: "actor" },
  toEntry: (e, out) => {
    const mark = importedMark(e.details);
    if (!mark) {
      return {
        at: iso(e.at),
        actor: out.email(e.actorId) ?? null,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        details: e.details,
        ipAddress: e.ipAddress,
      };
    }
    const { [IMPORTED_MARK]: _mark, ...details } = e.details;
    // In the file's order of keys (jsonb keeps its own), so that the same data gives the same file.
    if (mark.actor) out.addPerson(fileUser(mark.actor));
    return {
      at: mark.at,
      actor: mark.actor?.email ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      details,
      ipAddress: mark.ipAddress,
    };
  },
  entries: (archive) => top(archive.auditLog, "auditLog"),
  toRow: (e, into) => {
    const actor = e.actor === null ? null : into.fileUser(e.actor);
    const mark: ImportedMark = {
      at: e.at,
      actor: actor && fileUser({ ...actor, email: actor.email.toLowerCase() }),
      ipAddress: e.ipAddress,
      importedAt: into.importedAt.toISOString(),
      importedBy: into.importedBy,
    };
    return {
      at: into.importedAt,
      actorId: null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId === null ? null : (into.remapJson(e.entityId) as string),
      consultationId: into.consultationId,
      details: { ...(into.remapJson(e.details) as Record<string, unknown>), [IMPORTED_MARK]: mark },
      ipAddress: null,
    };
  },
};

/**
 * Every table of the archive, parents before children: the order the import writes them in (for
 * the foreign keys, and the audit log's ids in the file's order) and the export reads them in.
 */
export const ARCHIVE_TABLES: readonly AnyArchiveTable[] = [
  meetingTable,
  consultationTable,
  receiptCounterTable,
  chairTable,
  agendaItemTable,
  pointTable,
  versionTable,
  pointOriginTable,
  pointAnswerTable,
  nonPaperTable,
  nonPaperPointTable,
  registrationTable,
  groupTable,
  groupMemberTable,
  groupCoordinatorTable,
  attachmentTable,
  submissionTable,
  revisionTable,
  commentTable,
  translationTable,
  reviewTable,
  dispositionTable,
  cosponsorTable,
  alignmentTable,
  documentTable,
  auditTable,
];
