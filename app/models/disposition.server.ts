// Dispositions (issue 18): what became of each comment, one per comment, recorded by the
// secretariat or the consultation's chairs on the side-by-side. The observation is written to be
// shown to the delegation: once the secretariat publishes the dispositions, each delegation reads
// those of its own current comments (getOwnDispositions), never another's.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { isDisposition, MAX_OBSERVATION, type Disposition } from "~/lib/dispositions";
import { isUuid } from "~/lib/ids";
import { mayManageConsultation, mayReviewComments } from "~/lib/permissions";
import { checkShortText } from "~/lib/submission-rules";
import { recordAudit } from "~/models/audit.server";
import { findReviewableComment } from "~/models/review.server";
import { delegateScope, selectDelegationAccess } from "~/models/submission-access.server";
import { isCurrentRevision } from "~/models/submission-history.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";

const { agendaItems, commentDispositions, comments, consultations, discussionPoints, submissionRevisions, submissions } = schema;

export type DispositionRefusal = "not_found" | "invalid_disposition" | "observation_too_long" | "observation_invalid" | "observation_without_disposition";

export type SaveDispositionResult =
  { ok: true; disposition: { disposition: Disposition; observation: string | null } | null } | { ok: false; reason: DispositionRefusal };

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
  const disposition = input.disposition;
  if (disposition !== null && !isDisposition(disposition)) return { ok: false, reason: "invalid_disposition" };
  const checked = checkShortText(input.observation, MAX_OBSERVATION);
  if (!checked.ok) return { ok: false, reason: checked.reason === "too_long" ? "observation_too_long" : "observation_invalid" };
  const observation = checked.text;
  // An observation explains a disposition: alone, it would be lost without a word.
  if (disposition === null && observation !== null) return { ok: false, reason: "observation_without_disposition" };

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
