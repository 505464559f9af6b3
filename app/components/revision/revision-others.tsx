import { Form } from "@remix-run/react";
import { AnsweredBy } from "~/components/revision/answered-by";
import { SubmitButton } from "~/components/ui/button";
import { useTranslation } from "~/i18n/use-translation";
import type { RevisionComment } from "~/routes/consultations.$consultationId.revision/query.server";

/**
 * The item's general comments and new proposals of the previous round: not on any one point, so
 * the officer names the Rev.1 point that answers each (a new point often answers a new proposal).
 */
export function RevisionOthers({ comments, points, editable }: { comments: RevisionComment[]; points: { id: string; label: string }[]; editable: boolean }) {
  const { t } = useTranslation(["revision", "consolidation"]);
  return (
    <section aria-labelledby="revision-others" className="revision-others">
      <h3 id="revision-others">{t("others.title")}</h3>
      {comments.length === 0 ? <p className="empty">{t("others.none")}</p> : null}
      <ul className="revision-comments">
        {comments.map((comment) => (
          <li key={comment.commentId} className="revision-comment">
            <p className="revision-comment__by">
              <strong>
                <bdi>{comment.delegation}</bdi>
              </strong>{" "}
              · {t(`consolidation:exports.resolution.types.${comment.kind}`)}
              {comment.label ? (
                <>
                  {" "}
                  <bdi>{comment.label}</bdi>
                </>
              ) : null}
            </p>
            <p lang={comment.bodyPending ? comment.language : "en"} dir="auto">
              {comment.body}
            </p>
            {comment.bodyPending ? <p className="muted">{t("comments.pending")}</p> : null}
            <AnsweredBy heading={t("others.answeredBy")} labels={comment.answeredBy} />
            {editable && points.length ? (
              <Form method="post" preventScrollReset className="inline-form">
                <input type="hidden" name="intent" value="answer" />
                <input type="hidden" name="commentId" value={comment.commentId} />
                <input type="hidden" name="answers" value="true" />
                <label htmlFor={`answer-${comment.commentId}`}>{t("others.answeredBy")}</label>
                <select id={`answer-${comment.commentId}`} name="pointId" dir="ltr">
                  {points.map((point) => (
                    <option key={point.id} value={point.id}>
                      {point.label}
                    </option>
                  ))}
                </select>
                <SubmitButton size="small" variant="secondary">
                  {t("others.link")}
                </SubmitButton>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
