// The Chair's review: a tag and a private note per comment and reviewer (chairs of the
// consultation and the secretariat). A review never changes the comment or its translation, and
// nothing of it reaches a delegation: only this module and consolidation.server.ts read
// chair_reviews, and both refuse delegates.
//
// Who sees what: tags are shared among the consultation's chairs and the secretariat (and counted
// in the side-by-side's summary, with the reviewer's name); a note is private to its author.
import { and, eq } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import { checkShortText } from "~/lib/submission-rules";
import { recordAudit } from "~/models/audit.server";
import { consultationVisibleTo } from "~/models/consultation.server";
import { isReviewTag, MAX_REVIEW_NOTE, type ReviewTag } from "~/lib/consolidation";
import { mayReviewComments } from "~/lib/permissions";
import { isCurrentRevision } from "~/models/submission-history.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Transaction } from "~/utils/db.server";

const { chairReviews, comments, consultations, delegations, submissionRevisions, submissions } = schema;

export { MAX_REVIEW_NOTE };

export type ReviewRefusal = "not_found" | "invalid_tag" | "note_too_long" | "note_invalid";

export type SaveReviewResult = { ok: true; review: { tag: ReviewTag | null; note: string | null } | null } | { ok: false; reason: ReviewRefusal };

/** The note as stored (line breaks unified, trimmed; empty is no note), or why it is refused. */
export function checkReviewNote(value: string | null | undefined): { ok: true; note: string | null } | { ok: false; reason: "note_too_long" | "note_invalid" } {
  const checked = checkShortText(value, MAX_REVIEW_NOTE);
  if (!checked.ok) return { ok: false, reason: checked.reason === "too_long" ? "note_too_long" : "note_invalid" };
  return { ok: true, note: checked.text };
}

/**
 * A comment of a current submitted revision of this consultation that the user may review, with its
 * delegation's code (for the audit entry); null for anything else. One query, in the caller's transaction.
 */
export async function findReviewableComment(tx: Transaction, user: SessionUser, consultationId: string, commentId: string) {
  const [found] = await tx
    .select({ commentId: comments.id, delegationCode: delegations.code })
    .from(comments)
    .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(eq(comments.id, commentId), eq(consultations.id, consultationId), isCurrentRevision(), consultationVisibleTo(user)));
  return found ?? null;
}

/**
 * Saves the reader's review of one comment: its tag (or none) and private note (or none); both
 * empty removes the review. Only the secretariat and the consultation's chairs, only on a comment
 * of a current submitted revision of that consultation (anything else is "not_found"). Upserts
 * one row per comment and reviewer and records "review.save" in the audit log in the same
 * transaction: the delegation, the comment, the tag and whether there is a note, never its text.
 */
export async function saveReview(
  user: SessionUser,
  input: { consultationId: string; commentId: string; tag: ReviewTag | null; note: string | null; ipAddress?: string | null },
): Promise<SaveReviewResult> {
  if (!mayReviewComments(user) || !isUuid(input.consultationId) || !isUuid(input.commentId)) return { ok: false, reason: "not_found" };
  if (input.tag !== null && !isReviewTag(input.tag)) return { ok: false, reason: "invalid_tag" };
  const checked = checkReviewNote(input.note);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const { note } = checked;
  const tag = input.tag;

  const db = await getDb();
  return db.transaction(async (tx): Promise<SaveReviewResult> => {
    const found = await findReviewableComment(tx, user, input.consultationId, input.commentId);
    if (!found) return { ok: false, reason: "not_found" };

    const now = new Date();
    if (tag === null && note === null) {
      await tx.delete(chairReviews).where(and(eq(chairReviews.commentId, found.commentId), eq(chairReviews.reviewerId, user.id)));
    } else {
      await tx
        .insert(chairReviews)
        .values({ commentId: found.commentId, reviewerId: user.id, tag, note })
        .onConflictDoUpdate({ target: [chairReviews.commentId, chairReviews.reviewerId], set: { tag, note, updatedAt: now } });
    }
    await recordAudit(
      {
        actorId: user.id,
        action: "review.save",
        entityType: "comment",
        entityId: found.commentId,
        consultationId: input.consultationId,
        details: { delegation: found.delegationCode, comment: found.commentId, tag, note: note !== null },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, review: tag === null && note === null ? null : { tag, note } };
  });
}
