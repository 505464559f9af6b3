import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { isolate, withData } from "~/components/ui/data-text";
import { directionOf } from "~/i18n/languages";
import { useTranslation } from "~/i18n/use-translation";
import { paths } from "~/lib/paths";
import type { EarlierComment, EarlierComments } from "~/models/revision.server";

/**
 * The delegation's own comments of the round before, beside the point of this round they now
 * concern: as written, with what became of each once the secretariat has shown it.
 */
export function EarlierCommentList({ comments, earlier }: { comments: EarlierComment[]; earlier: Pick<EarlierComments, "previousRound" | "published"> }) {
  const { t } = useTranslation(["revision", "consolidation", "submissions"]);
  return (
    <ul className="earlier-comments">
      {comments.map((comment) => (
        <li key={comment.commentId}>
          <p className="muted">
            {comment.pointLabel
              ? withData(t(`submissions:dispositions.${comment.kind === "amendment" ? "amendment" : "point"}`, { label: isolate(comment.pointLabel) }))
              : comment.kind === "new_proposal"
                ? withData(t("submissions:dispositions.proposal", { label: isolate(comment.label ?? "") }))
                : t("submissions:dispositions.general")}
          </p>
          {comment.body ? (
            <p lang={comment.language} dir={directionOf(comment.language)}>
              {comment.body}
            </p>
          ) : null}
          {comment.proposedText !== null ? (
            <blockquote lang="en" dir="ltr">
              {comment.proposedText}
            </blockquote>
          ) : null}
          {earlier.published ? (
            <p>
              <span className="sbs-label">{t("consolidation:disposition.title")}</span>{" "}
              {comment.disposition ? (
                <Badge tone="info">{t(`consolidation:dispositions.${comment.disposition.disposition}` as never)}</Badge>
              ) : (
                t("submissions:dispositions.undecided")
              )}
              {comment.disposition?.observation ? (
                <>
                  {" "}
                  <span lang="en" dir="auto">
                    {comment.disposition.observation}
                  </span>
                </>
              ) : null}
            </p>
          ) : null}
          {comment.answeredBy.length ? (
            <p>{withData(t("earlier.answeredBy", { labels: comment.answeredBy.map((label) => isolate(label)).join(", ") }))}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Under a point of this round: the delegation's comments on the points it comes from. */
export function EarlierOnPoint({ comments, earlier }: { comments: EarlierComment[] | undefined; earlier: EarlierComments }) {
  const { t } = useTranslation("revision");
  if (!comments?.length) return null;
  return (
    <details className="earlier-comments__panel">
      <summary>
        {t("earlier.title", { round: earlier.previousRound })} ({comments.length})
      </summary>
      <EarlierCommentList comments={comments} earlier={earlier} />
    </details>
  );
}

/** At the top of the editor: where the earlier round's comments and their dispositions are. */
export function EarlierRoundNote({ earlier }: { earlier: EarlierComments }) {
  const { t } = useTranslation("revision");
  return (
    <section className="earlier-comments__note" aria-labelledby="earlier-round">
      <h2 id="earlier-round">{t("earlier.heading", { round: earlier.previousRound })}</h2>
      <p>
        {earlier.published ? (
          <Link to={paths.ownDispositions(earlier.previousRoundId)}>{t("earlier.all", { round: earlier.previousRound })}</Link>
        ) : (
          t("earlier.notPublished", { round: earlier.previousRound })
        )}
      </p>
      {earlier.others.length ? (
        <details>
          <summary>
            {t("earlier.others", { round: earlier.previousRound })} ({earlier.others.length})
          </summary>
          <EarlierCommentList comments={earlier.others} earlier={earlier} />
        </details>
      ) : null}
    </section>
  );
}
