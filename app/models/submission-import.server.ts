// The secretariat's import of a submission received by email (the page
// /consultations/:id/submissions/import): what the import proposes targets from, the original
// file kept between the preview and the save, and the save itself, which goes through
// submitOnBehalf (submission.server.ts) like any submission recorded on a delegation's behalf.
//
// The original is stored as an attachments row when the officer asks for the proposals, so the
// review form carries only its id: the bytes never travel back to the browser, and a validation
// error at the save loses nothing. An original whose import is never saved stays unreferenced;
// each new preview in the consultation removes such rows once they are IMPORT_ORIGINAL_KEPT_DAYS
// old.
import { and, asc, eq, inArray, lt, notExists, sql } from "drizzle-orm";
import { isUniqueViolation } from "~/lib/database-errors";
import { isUuid } from "~/lib/ids";
import type { ImportConsultation } from "~/lib/submission-import";
import { isIdempotencyKey } from "~/lib/submission-rules";
import { mayRecordSubmissionOnBehalf } from "~/lib/permissions";
import { selectAgendaItems, selectLatestNonPaper } from "~/models/consultation.server";
import { submitOnBehalf, type SubmitOnBehalfResult } from "~/models/submission-submit.server";
import type { SessionUser } from "~/models/user.server";
import { delegationSentenceColumns } from "~/models/delegation.server";
import { getDb, schema, type Reader } from "~/utils/db.server";

const {
  attachments,
  consultations,
  delegations,
  discussionPoints,
  meetings,
  nonPaperPoints,
  pointVersions,
  registrations,
  submissionRevisions,
  submissions,
  users,
} = schema;

/** How long the original of an import never saved is kept (an officer may leave a review open overnight). */
export const IMPORT_ORIGINAL_KEPT_DAYS = 7;

/**
 * What the import proposes targets from: the agenda items, in order, each with the points of the
 * consultation's latest non-paper in their circulated (frozen) wording. No points before a
 * non-paper is circulated. Three queries, however many items and points.
 */
export async function selectImportTargets(db: Reader, consultationId: string): Promise<ImportConsultation> {
  const [items, [latest]] = await Promise.all([selectAgendaItems(db, consultationId), selectLatestNonPaper(db, consultationId)]);
  const points = latest
    ? await db
        .select({ id: discussionPoints.id, agendaItemId: discussionPoints.agendaItemId, label: discussionPoints.label, text: pointVersions.text })
        .from(nonPaperPoints)
        .innerJoin(pointVersions, eq(pointVersions.id, nonPaperPoints.pointVersionId))
        .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
        .where(eq(nonPaperPoints.nonPaperId, latest.id))
        .orderBy(asc(discussionPoints.position), asc(discussionPoints.id))
    : [];
  return {
    agendaItems: items.map((item) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      points: points.filter((p) => p.agendaItemId === item.id).map(({ id, label, text }) => ({ id, label, text })),
    })),
  };
}

/**
 * Everything the import page needs, for the secretariat only (null for anyone else and for an
 * unknown consultation, which the route answers with 404): the consultation with the meeting's
 * time zone, its registered delegations (English short names, in that order) and the import
 * targets. Five queries.
 */
export async function getImportSetup(user: SessionUser, consultationId: string) {
  if (!mayRecordSubmissionOnBehalf(user) || !isUuid(consultationId)) return null;
  const db = await getDb();
  const [[consultation], registered, targets] = await Promise.all([
    db
      .select({
        id: consultations.id,
        title: consultations.title,
        status: consultations.status,
        deadline: consultations.deadline,
        timeZone: meetings.timeZone,
      })
      .from(consultations)
      .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
      .where(eq(consultations.id, consultationId)),
    db
      // The names with their articles: the save button names the delegation in a sentence.
      .select({ id: delegations.id, code: delegations.code, ...delegationSentenceColumns })
      .from(registrations)
      .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
      .where(eq(registrations.consultationId, consultationId))
      .orderBy(asc(delegations.nameEn)),
    selectImportTargets(db, consultationId),
  ]);
  if (!consultation) return null;
  return { consultation, delegations: registered, targets };
}

export type ImportSetup = NonNullable<Awaited<ReturnType<typeof getImportSetup>>>;

/** Submissions are recorded on a delegation's behalf once circulated, until the CRP is compiled. */
export function acceptsImports(status: ImportSetup["consultation"]["status"]): boolean {
  return status === "open" || status === "closed";
}

export type StoredOriginal = { id: string; filename: string; mediaType: string; size: number };

export type StoreOriginalResult = { ok: true; original: StoredOriginal } | { ok: false; reason: "not_found" | "not_open" };

/** An attachment nothing refers to yet: the original of an import not (yet) saved. */
const unreferenced = notExists(sql`(select 1 from ${submissionRevisions} where ${submissionRevisions.attachmentId} = ${attachments.id})`);

/**
 * Keeps the original of an import (already checked by size and type) until the officer saves:
 * an attachments row of the consultation, uploaded by this officer. Removes the originals of
 * imports in this consultation never saved and older than IMPORT_ORIGINAL_KEPT_DAYS, in the same
 * transaction. Secretariat only; the consultation must accept imports.
 */
export async function storeImportOriginal(
  user: SessionUser,
  input: { consultationId: string; filename: string; mediaType: string; content: Uint8Array },
): Promise<StoreOriginalResult> {
  if (!mayRecordSubmissionOnBehalf(user) || !isUuid(input.consultationId)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<StoreOriginalResult> => {
    const [consultation] = await tx.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, input.consultationId));
    if (!consultation) return { ok: false, reason: "not_found" };
    if (!acceptsImports(consultation.status)) return { ok: false, reason: "not_open" };
    const cutoff = new Date(Date.now() - IMPORT_ORIGINAL_KEPT_DAYS * 86_400_000);
    await tx
      .delete(attachments)
      .where(
        and(
          eq(attachments.consultationId, input.consultationId),
          lt(attachments.createdAt, cutoff),
          inArray(attachments.uploadedBy, tx.select({ id: users.id }).from(users).where(eq(users.role, "secretariat"))),
          unreferenced,
        ),
      );
    const [stored] = await tx
      .insert(attachments)
      .values({
        consultationId: input.consultationId,
        filename: input.filename,
        mediaType: input.mediaType,
        size: input.content.byteLength,
        content: input.content,
        uploadedBy: user.id,
      })
      .returning({ id: attachments.id, filename: attachments.filename, mediaType: attachments.mediaType, size: attachments.size });
    return { ok: true, original: stored! };
  });
}

/**
 * The kept original of an import, with its bytes, or null: it must be of this consultation and
 * uploaded by someone of the secretariat (a forged id of another consultation's file, or of a
 * file anyone else uploaded, finds nothing). Secretariat only. One query.
 */
export async function getImportOriginal(
  user: SessionUser,
  input: { consultationId: string; attachmentId: string },
): Promise<(StoredOriginal & { content: Uint8Array }) | null> {
  if (!mayRecordSubmissionOnBehalf(user) || !isUuid(input.consultationId) || !isUuid(input.attachmentId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      mediaType: attachments.mediaType,
      size: attachments.size,
      content: attachments.content,
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.id, input.attachmentId), eq(attachments.consultationId, input.consultationId), eq(users.role, "secretariat")));
  // postgres.js gives a Buffer: a Uint8Array of its own, so the caller compares bytes, not types.
  return row ? { ...row, content: new Uint8Array(row.content) } : null;
}

export type ImportedRevision = { revisionNumber: number; receiptNumber: string };

/**
 * The revision an earlier save with this idempotency key made for the delegation, if any:
 * secretariat only. One query.
 */
export async function findImportedRevision(
  user: SessionUser,
  input: { consultationId: string; delegationId: string; idempotencyKey: string },
): Promise<ImportedRevision | null> {
  if (!mayRecordSubmissionOnBehalf(user) || !isUuid(input.consultationId) || !isUuid(input.delegationId) || !isIdempotencyKey(input.idempotencyKey))
    return null;
  const { consultationId, delegationId, idempotencyKey } = input;
  const db = await getDb();
  const [row] = await db
    .select({ revisionNumber: submissionRevisions.revisionNumber, receiptNumber: submissionRevisions.receiptNumber })
    .from(submissionRevisions)
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .where(
      and(eq(submissions.consultationId, consultationId), eq(submissions.delegationId, delegationId), eq(submissionRevisions.idempotencyKey, idempotencyKey)),
    );
  return row ?? null;
}

export type SaveImportResult =
  | { ok: true; replayed: boolean; revision: ImportedRevision; late: boolean }
  | { ok: false; reason: "original_not_found" }
  | Extract<SubmitOnBehalfResult, { ok: false }>;

/**
 * Saves an import as the delegation's submission: submitOnBehalf with the kept original as the
 * revision's attachment (its bytes, filename and type as uploaded), then removes the kept copy.
 * The same idempotency key again (a double click, a reload of the form after saving) finds the
 * revision already made and saves nothing, even once the kept copy is gone.
 */
export async function saveImportedSubmission(
  user: SessionUser,
  input: {
    consultationId: string;
    delegationId: string;
    attachmentId: string;
    content: unknown;
    idempotencyKey: string;
    receivedAt: Date;
    ipAddress?: string | null;
    baseUrl?: string | null;
  },
): Promise<SaveImportResult> {
  if (!mayRecordSubmissionOnBehalf(user) || !isUuid(input.consultationId) || !isUuid(input.delegationId)) return { ok: false, reason: "not_found" };
  if (!isIdempotencyKey(input.idempotencyKey)) return { ok: false, reason: "idempotency_key_invalid" };
  const earlier = await findImportedRevision(user, input);
  if (earlier) return { ok: true, replayed: true, revision: earlier, late: false };
  const original = await getImportOriginal(user, { consultationId: input.consultationId, attachmentId: input.attachmentId });
  if (!original) {
    // A twin click may have saved and removed the kept copy between the two reads above.
    const made = await findImportedRevision(user, input);
    return made ? { ok: true, replayed: true, revision: made, late: false } : { ok: false, reason: "original_not_found" };
  }

  let result: SubmitOnBehalfResult;
  try {
    result = await submitOnBehalf(user, {
      consultationId: input.consultationId,
      delegationId: input.delegationId,
      content: input.content,
      idempotencyKey: input.idempotencyKey,
      receivedAt: input.receivedAt,
      attachment: { filename: original.filename, mediaType: original.mediaType, content: original.content },
      ipAddress: input.ipAddress ?? null,
      baseUrl: input.baseUrl ?? null,
    });
  } catch (error) {
    // Two clicks at the same moment on a delegation's first submission: both create the
    // submission row, and the second revision's key collides with the first's. That is a replay.
    const made = isUniqueViolation(error) ? await findImportedRevision(user, input) : null;
    if (!made) throw error;
    return { ok: true, replayed: true, revision: made, late: false };
  }
  if (!result.ok) return result;

  // The revision holds its own copy of the original now.
  const db = await getDb();
  await db.delete(attachments).where(and(eq(attachments.id, original.id), eq(attachments.consultationId, input.consultationId), unreferenced));
  return {
    ok: true,
    replayed: result.replayed,
    revision: { revisionNumber: result.receipt.revisionNumber, receiptNumber: result.receipt.receiptNumber },
    late: result.receipt.late === "pending",
  };
}
