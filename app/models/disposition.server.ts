// Dispositions (issue 18): what became of each comment, one per comment, recorded by the
// secretariat or the consultation's chairs on the side-by-side. The observation is written to be
// shown to the delegation: once the secretariat publishes the dispositions, each delegation reads
// those of its own current comments (getOwnDispositions), never another's.
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { MAX_IMPORT_ROWS, type RowRefusal } from "~/lib/disposition-import";
import { isDisposition, MAX_OBSERVATION, type Disposition } from "~/lib/dispositions";
import { isUuid } from "~/lib/ids";
import { mayManageConsultation, mayReviewComments } from "~/lib/permissions";
import { checkShortText } from "~/lib/submission-rules";
import { recordAudit } from "~/models/audit.server";
import { consultationVisibleTo } from "~/models/consultation.server";
import { delegationNameColumns } from "~/models/delegation.server";
import { findReviewableComment } from "~/models/review.server";
import { delegateScope, selectDelegationAccess } from "~/models/submission-access.server";
import { isCurrentRevision } from "~/models/submission-history.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader } from "~/utils/db.server";

const { agendaItems, commentDispositions, comments, consultations, delegations, discussionPoints, submissionRevisions, submissions } = schema;

export type DispositionRefusal = "not_found" | "invalid_disposition" | "observation_too_long" | "observation_invalid" | "observation_without_disposition";

export type SaveDispositionResult =
  { ok: true; disposition: { disposition: Disposition; observation: string | null } | null } | { ok: false; reason: DispositionRefusal };

/**
 * A disposition (or none) and its observation as stored (line breaks unified, trimmed; empty is
 * none), or why they are refused. The same checks for the side-by-side's form and the Excel import.
 */
function checkDisposition(
  disposition: string | null,
  observation: string | null,
): { ok: true; disposition: Disposition | null; observation: string | null } | { ok: false; reason: Exclude<DispositionRefusal, "not_found"> } {
  if (disposition !== null && !isDisposition(disposition)) return { ok: false, reason: "invalid_disposition" };
  const checked = checkShortText(observation, MAX_OBSERVATION);
  if (!checked.ok) return { ok: false, reason: checked.reason === "too_long" ? "observation_too_long" : "observation_invalid" };
  // An observation explains a disposition: alone, it would be lost without a word.
  if (disposition === null && checked.text !== null) return { ok: false, reason: "observation_without_disposition" };
  return { ok: true, disposition, observation: checked.text };
}

/**
 * Records the disposition of one comment of a current submitted revision, with its observation,
 * or (null) takes it back. The secretariat and the consultation's chairs only; anything else is
 * "not_found". The row and the audit entry ("disposition.save": the delegation, the comment, the
 * disposition and whether there is an observation) are written in one transaction.
 */
export async function saveDisposition(
  user: SessionUser,
  input: { consultationId: string; commentId: string; disposition: string | null; observation: string | null; ipAddress?: string | null },
): Promise<SaveDispositionResult> {
  if (!mayReviewComments(user) || !isUuid(input.consultationId) || !isUuid(input.commentId)) return { ok: false, reason: "not_found" };
  const checked = checkDisposition(input.disposition, input.observation);
  if (!checked.ok) return checked;
  const { disposition, observation } = checked;

  const db = await getDb();
  return db.transaction(async (tx): Promise<SaveDispositionResult> => {
    const found = await findReviewableComment(tx, user, input.consultationId, input.commentId);
    if (!found) return { ok: false, reason: "not_found" };

    if (disposition === null) {
      await tx.delete(commentDispositions).where(eq(commentDispositions.commentId, found.commentId));
    } else {
      const values = { disposition, observation, decidedBy: user.id, decidedAt: new Date() };
      await tx
        .insert(commentDispositions)
        .values({ commentId: found.commentId, ...values })
        .onConflictDoUpdate({ target: commentDispositions.commentId, set: values });
    }
    await recordAudit(
      {
        actorId: user.id,
        action: "disposition.save",
        entityType: "comment",
        entityId: found.commentId,
        consultationId: input.consultationId,
        details: { delegation: found.delegationCode, comment: found.commentId, disposition, observation: observation !== null },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, disposition: disposition === null ? null : { disposition, observation } };
  });
}

/**
 * Shows the dispositions to the delegations (`publish`), or stops showing them. The secretariat
 * only, once the consultation is circulated; anything else is "not_found". Audited
 * ("dispositions.publish" / "dispositions.withdraw") in the same transaction.
 */
export async function setDispositionsPublished(
  user: SessionUser,
  input: { consultationId: string; publish: boolean; ipAddress?: string | null },
): Promise<{ ok: true; publishedAt: Date | null } | { ok: false; reason: "not_found" }> {
  if (!mayManageConsultation(user) || !isUuid(input.consultationId)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(consultations)
      // Published again: the first date stands (delegations were told then). The database's clock, so
      // that no Date travels as a raw parameter (postgres.js takes only strings there).
      .set({ dispositionsPublishedAt: input.publish ? sql`coalesce(${consultations.dispositionsPublishedAt}, now())` : null })
      .where(and(eq(consultations.id, input.consultationId), ne(consultations.status, "draft")))
      .returning({ publishedAt: consultations.dispositionsPublishedAt });
    if (!updated) return { ok: false, reason: "not_found" } as const;
    await recordAudit(
      {
        actorId: user.id,
        action: input.publish ? "dispositions.publish" : "dispositions.withdraw",
        entityType: "consultation",
        entityId: input.consultationId,
        consultationId: input.consultationId,
        details: {},
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, publishedAt: updated.publishedAt } as const;
  });
}

/**
 * What became of the delegate's own delegation's current comments: null when the reader is not a
 * delegate of a delegation registered for this circulated consultation (the page answers 404);
 * `publishedAt` null while the secretariat has not published the dispositions (no comment then).
 * Two queries.
 */
export async function getOwnDispositions(user: SessionUser, consultationId: string) {
  const delegationId = delegateScope(user, consultationId);
  if (!delegationId) return null;
  const db = await getDb();
  const access = await selectDelegationAccess(db, delegationId, consultationId);
  if (!access) return null;
  const [published] = await db.select({ at: consultations.dispositionsPublishedAt }).from(consultations).where(eq(consultations.id, consultationId));
  const publishedAt = published?.at ?? null;
  const entries = publishedAt
    ? await db
        .select({
          commentId: comments.id,
          kind: comments.kind,
          label: comments.label,
          language: comments.language,
          body: comments.body,
          proposedText: comments.proposedText,
          agendaItem: { id: agendaItems.id, number: agendaItems.number, title: agendaItems.title },
          pointLabel: discussionPoints.label,
          revisionNumber: submissionRevisions.revisionNumber,
          disposition: commentDispositions.disposition,
          observation: commentDispositions.observation,
        })
        .from(comments)
        .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
        .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
        .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
        .leftJoin(discussionPoints, eq(discussionPoints.id, comments.pointId))
        .leftJoin(commentDispositions, eq(commentDispositions.commentId, comments.id))
        .where(and(eq(submissions.consultationId, consultationId), eq(submissions.delegationId, delegationId), isCurrentRevision()))
        .orderBy(asc(agendaItems.position), sql`${discussionPoints.position} asc nulls last`, asc(comments.position), asc(comments.id))
    : [];
  return { consultation: access.consultation, delegation: access.delegation, publishedAt, entries };
}

// ---------------------------------------------------------------------------------------------
// Dispositions from the comment-resolution table in Excel (app/lib/disposition-import.ts reads the
// rows): every row checked as saveDisposition checks one, against the consultation's current
// comments read in one query, then only what changes written, in batches, in one transaction with
// one audit entry. All or nothing: a single refused row changes nothing.

/** A row to import: what app/lib/disposition-import.ts read, and (when confirming) the state the preview showed. */
export type DispositionImportRow = {
  rowNumber: number;
  commentId: string;
  disposition: string | null;
  observation: string | null;
  /** dispositionState() of the comment when the change was previewed: refused if it changed since. */
  before?: string | null;
};

export type DispositionState = { disposition: Disposition | null; observation: string | null };

/** One comment whose disposition or observation the import changes, with what the preview shows of it. */
export type DispositionImportChange = {
  rowNumber: number;
  commentId: string;
  delegation: { code: string; nameAr: string; nameZh: string; nameEn: string; nameFr: string; nameRu: string; nameEs: string };
  item: { number: string | null; title: string };
  kind: "general" | "point" | "amendment" | "new_proposal";
  /** The point's label, or a new proposal's own. */
  label: string | null;
  from: DispositionState;
  to: DispositionState;
  /** dispositionState(from), for the confirmation. */
  before: string;
};

export type DispositionImportResult =
  { ok: true; changes: DispositionImportChange[]; unchanged: number } | { ok: false; refused: { rowNumber: number; reason: RowRefusal; first?: number }[] };

/** Rows written per statement: a few hundred, not a statement per row nor one of 12,000. */
const WRITE_BATCH = 500;

/** A short fingerprint of a comment's disposition and observation, to tell whether it changed since the preview. */
export function dispositionState(state: DispositionState): string {
  return createHash("sha256")
    .update(JSON.stringify([state.disposition, state.observation]))
    .digest("base64url")
    .slice(0, 22);
}

/**
 * The consultation the import page is for, if the user may record its dispositions (the secretariat,
 * or one of its chairs once it is circulated); null for anyone else (the page answers 404). One query.
 */
export async function getDispositionImportSetup(user: SessionUser, consultationId: string) {
  if (!mayReviewComments(user) || !isUuid(consultationId)) return null;
  const db = await getDb();
  const [consultation] = await db
    .select({ id: consultations.id, title: consultations.title, status: consultations.status })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  return consultation ? { consultation } : null;
}

/** Every current comment of the consultation with its disposition: one query. */
function selectCurrentDispositions(db: Reader, consultationId: string) {
  return db
    .select({
      commentId: comments.id,
      kind: comments.kind,
      commentLabel: comments.label,
      delegation: { code: delegations.code, ...delegationNameColumns },
      item: { number: agendaItems.number, title: agendaItems.title },
      pointLabel: discussionPoints.label,
      disposition: commentDispositions.disposition,
      observation: commentDispositions.observation,
    })
    .from(comments)
    .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
    .leftJoin(discussionPoints, eq(discussionPoints.id, comments.pointId))
    .leftJoin(commentDispositions, eq(commentDispositions.commentId, comments.id))
    .where(and(eq(submissions.consultationId, consultationId), isCurrentRevision()));
}

/**
 * What the rows change: each row checked (its values as saveDisposition checks them, a current
 * comment of this consultation, once only, and with `before`, not changed since by someone else
 * unless already as asked), then the rows that change something. Two queries, whatever the rows.
 */
async function planImport(db: Reader, user: SessionUser, consultationId: string, rows: readonly DispositionImportRow[], lock: boolean) {
  // The access check, which also makes two imports of one consultation wait for each other.
  const access = db
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  const [consultation] = lock ? await access.for("update") : await access;
  if (!consultation) return null;

  const current = new Map((await selectCurrentDispositions(db, consultationId)).map((row) => [row.commentId, row]));
  const refused: { rowNumber: number; reason: RowRefusal; first?: number }[] = [];
  const changes: DispositionImportChange[] = [];
  const firstRow = new Map<string, number>();
  let unchanged = 0;
  for (const row of rows) {
    const commentId = row.commentId.toLowerCase();
    if (!isUuid(commentId)) {
      refused.push({ rowNumber: row.rowNumber, reason: "invalid_id" });
      continue;
    }
    if (firstRow.has(commentId)) {
      refused.push({ rowNumber: row.rowNumber, reason: "duplicate_id", first: firstRow.get(commentId) });
      continue;
    }
    firstRow.set(commentId, row.rowNumber);
    const checked = checkDisposition(row.disposition, row.observation);
    if (!checked.ok) {
      refused.push({ rowNumber: row.rowNumber, reason: checked.reason });
      continue;
    }
    const found = current.get(commentId);
    if (!found) {
      refused.push({ rowNumber: row.rowNumber, reason: "not_found" });
      continue;
    }
    const from: DispositionState = { disposition: found.disposition, observation: found.disposition === null ? null : found.observation };
    const to: DispositionState = { disposition: checked.disposition, observation: checked.observation };
    if (from.disposition === to.disposition && from.observation === to.observation) {
      // Already as asked (this file confirmed twice, or the same change made meanwhile): nothing to do.
      unchanged++;
      continue;
    }
    const before = dispositionState(from);
    if (row.before && row.before !== before) {
      refused.push({ rowNumber: row.rowNumber, reason: "changed_meanwhile" });
      continue;
    }
    changes.push({
      rowNumber: row.rowNumber,
      commentId,
      delegation: found.delegation,
      item: found.item,
      kind: found.kind,
      label: found.kind === "new_proposal" ? found.commentLabel : found.pointLabel,
      from,
      to,
      before,
    });
  }
  const result: DispositionImportResult = refused.length ? { ok: false, refused } : { ok: true, changes, unchanged };
  return result;
}

/** The rows' bound, checked before any query: more is not a comment-resolution table. */
const tooMany = (rows: readonly unknown[]) => rows.length > MAX_IMPORT_ROWS;

/**
 * What importing the rows would change, without changing anything (the page's preview): null when
 * the user may not record this consultation's dispositions. Two queries.
 */
export async function previewDispositionImport(
  user: SessionUser,
  input: { consultationId: string; rows: readonly DispositionImportRow[] },
): Promise<DispositionImportResult | null> {
  if (!mayReviewComments(user) || !isUuid(input.consultationId) || tooMany(input.rows)) return null;
  return planImport(await getDb(), user, input.consultationId, input.rows, false);
}

/**
 * Imports the rows' dispositions: all of them or, if any row is refused, none. Only the comments
 * whose disposition or observation changes are written (a disposition taken back is deleted), in
 * batches, with one audit entry for the whole file ("disposition.import": how many rows, changed,
 * set, cleared and unchanged, and the delegations concerned, never the observations), all in one
 * transaction. Null when the user may not record this consultation's dispositions.
 */
export async function importDispositions(
  user: SessionUser,
  input: { consultationId: string; rows: readonly DispositionImportRow[]; ipAddress?: string | null },
): Promise<DispositionImportResult | null> {
  if (!mayReviewComments(user) || !isUuid(input.consultationId) || tooMany(input.rows)) return null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const plan = await planImport(tx, user, input.consultationId, input.rows, true);
    if (!plan?.ok || plan.changes.length === 0) return plan;

    const decidedAt = new Date();
    const set = plan.changes.filter((change) => change.to.disposition !== null);
    const cleared = plan.changes.filter((change) => change.to.disposition === null).map((change) => change.commentId);
    for (let i = 0; i < set.length; i += WRITE_BATCH) {
      await tx
        .insert(commentDispositions)
        .values(
          set.slice(i, i + WRITE_BATCH).map((change) => ({
            commentId: change.commentId,
            disposition: change.to.disposition!,
            observation: change.to.observation,
            decidedBy: user.id,
            decidedAt,
          })),
        )
        .onConflictDoUpdate({
          target: commentDispositions.commentId,
          set: {
            disposition: sql`excluded.disposition`,
            observation: sql`excluded.observation`,
            decidedBy: sql`excluded.decided_by`,
            decidedAt: sql`excluded.decided_at`,
          },
        });
    }
    for (let i = 0; i < cleared.length; i += WRITE_BATCH) {
      await tx.delete(commentDispositions).where(inArray(commentDispositions.commentId, cleared.slice(i, i + WRITE_BATCH)));
    }
    await recordAudit(
      {
        actorId: user.id,
        action: "disposition.import",
        entityType: "consultation",
        entityId: input.consultationId,
        consultationId: input.consultationId,
        details: {
          rows: input.rows.length,
          changed: plan.changes.length,
          set: set.length,
          cleared: cleared.length,
          unchanged: plan.unchanged,
          observations: plan.changes.filter((change) => change.from.observation !== change.to.observation).length,
          delegations: [...new Set(plan.changes.map((change) => change.delegation.code))].sort(),
        },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return plan;
  });
}
