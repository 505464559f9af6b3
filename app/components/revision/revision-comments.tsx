import { Form } from "@remix-run/react";
import { AnsweredBy } from "~/components/revision/answered-by";
import { buttonClass } from "~/components/ui/button";
import { PendingText } from "~/components/ui/redline";
import { useTranslation } from "~/i18n/use-translation";
import type { RevisionComment } from "~/routes/consultations.$consultationId.revision/query.server";

/**
 * The previous round's comments and amendments on the points a Rev.1 point comes from: each in the
 * working language (or its original while the translation is pending), its disposition, whether
 * this point answers it; while Rev.1 is a draft, an amendment can be applied with one click.
 */
export function RevisionComments({
  comments,
  point,
  editable,
}: {
  comments: RevisionComment[];
  point: { id: string; label: string; versionNumber: number };
  editable: boolean;
}) {
  const { t } = useTranslation(["revision", "consolidation"]);
  if (comments.length === 0) return <p className="empty">{t("comments.none")}</p>;
  return (
    <ul className="revision-comments">
      {comments.map((comment) => {
        const answered = comment.answeredBy.includes(point.label);
        return (
          <li
            key={comment.commentId}
            id={`comment-${point.id}-${comment.commentId}`}
            className={answered ? "revision-comment is-answered" : "revision-comment"}
          >
            <p className="revision-comment__by">
              <strong>
                <bdi>{comment.delegation}</bdi>
              </strong>{" "}
              · {t(`consolidation:exports.resolution.types.${comment.kind}`)} ·{" "}
              <span className="muted">
                {t("comments.disposition")}: {comment.disposition ? t(`consolidation:dispositions.${comment.disposition}`) : t("comments.noDisposition")}
              </span>
            </p>
            {comment.body ? (
              <p lang={comment.bodyPending ? comment.language : "en"} dir="auto">
                {comment.body}
              </p>
            ) : null}
            {comment.proposedText !== null ? (
              <blockquote className="revision-comment__proposed" lang={comment.proposedPending ? comment.language : "en"} dir="auto">
                <span className="visually-hidden">{t("comments.proposed")}: </span>
                <PendingText text={comment.proposedText} />
              </blockquote>
            ) : null}
            {comment.bodyPending || comment.proposedPending ? <p className="muted">{t("comments.pending")}</p> : null}
            <AnsweredBy heading={t("others.answeredBy")} labels={comment.answeredBy} />
            {editable ? (
              // One form per comment, its buttons naming the intent; plain buttons (no hook each):
              // an agenda item lists a thousand comments and more at full scale.
              <Form method="post" preventScrollReset className="revision-comment__actions">
                <input type="hidden" name="pointId" value={point.id} />
                <input type="hidden" name="commentId" value={comment.commentId} />
                <input type="hidden" name="basedOnVersion" value={point.versionNumber} />
                <input type="hidden" name="answers" value={answered ? "false" : "true"} />
                {comment.kind === "amendment" ? (
                  <button type="submit" name="intent" value="apply" className={buttonClass({ variant: "secondary", size: "small" })}>
                    {t("comments.apply")}
                  </button>
                ) : null}
                {/* A toggle: its name stays, its state is pressed or not. */}
                <button type="submit" name="intent" value="answer" aria-pressed={answered} className={buttonClass({ variant: "secondary", size: "small" })}>
                  {answered ? "✓ " : null}
                  {t("comments.link")}
                </button>
              </Form>
            ) : answered ? (
              <p className="revision-comment__answered">{t("comments.answered")}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
