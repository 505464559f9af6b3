// Dispositions (issue 18): what became of each comment, one per comment, recorded by the
// secretariat or the consultation's chairs on the side-by-side. The observation is written to be
// shown to the delegation later; nothing here reaches a delegate (the side-by-side refuses them).
import { and, eq } from "drizzle-orm";
import { isDisposition, MAX_OBSERVATION, type Disposition } from "~/lib/dispositions";
import { isUuid } from "~/lib/ids";
import { mayReviewComments } from "~/lib/permissions";
import { characterCount, normalizeCommentText, textProblems } from "~/lib/submission-rules";
import { recordAudit } from "~/models/audit.server";
import { consultationVisibleTo } from "~/models/consultation.server";
import { isCurrentRevision } from "~/models/submission-history.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";

const { commentDispositions, comments, consultations, delegations, submissionRevisions, submissions } = schema;

export type DispositionRefusal = "not_found" | "invalid_disposition" | "observation_too_long" | "observation_invalid" | "observation_without_disposition";

export type SaveDispositionResult =
  { ok: true; disposition: { disposition: Disposition; observation: string | null } | null } | { ok: false; reason: DispositionRefusal };

/** The observation as stored (line breaks unified, trimmed; empty is none), or why it is refused. */
function checkObservation(value: string | null): { ok: true; observation: string | null } | { ok: false; reason: DispositionRefusal } {
  const observation = normalizeCommentText(value ?? "");
  if (!observation) return { ok: true, observation: null };
  if (observation.length > MAX_OBSERVATION && characterCount(observation) > MAX_OBSERVATION) return { ok: false, reason: "observation_too_long" };
  // Control characters and bidi embeddings/overrides: the text may be shown to a delegation.
  if (textProblems(observation, Infinity).length) return { ok: false, reason: "observation_invalid" };
  return { ok: true, observation };
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
  const disposition = input.disposition;
  if (disposition !== null && !isDisposition(disposition)) return { ok: false, reason: "invalid_disposition" };
  const checked = checkObservation(input.observation);
  if (!checked.ok) return checked;
  const { observation } = checked;
  // An observation explains a disposition: alone, it would be lost without a word.
  if (disposition === null && observation !== null) return { ok: false, reason: "observation_without_disposition" };

  const db = await getDb();
  return db.transaction(async (tx): Promise<SaveDispositionResult> => {
    const [found] = await tx
      .select({ commentId: comments.id, delegationCode: delegations.code })
      .from(comments)
      .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
      .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
      .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(and(eq(comments.id, input.commentId), eq(consultations.id, input.consultationId), isCurrentRevision(), consultationVisibleTo(user)));
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
