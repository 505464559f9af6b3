import { useTranslation } from "~/i18n/use-translation";
import { directionOf, type Language } from "~/i18n/languages";
import { redline } from "~/lib/redline";
import type { SubmissionContent } from "~/lib/submission-rules";
import { PendingText, Redline } from "~/components/ui/redline";
import { isolate, withData } from "~/components/ui/data-text";

export type RevisionAgendaItem = { id: string; number: string | null; title: string };
/** The circulated version of a point that a comment or amendment refers to. */
export type RevisionPoint = { id: string; agendaItemId: string; label: string; versionNumber: number; text: string };

/**
 * One submitted revision, read-only: per agenda item the general comment, per point the comment
 * and the amendment as a redline against the circulated wording, then the delegation's new
 * proposals with their labels. What the delegation wrote is in its own language and direction
 * (Arabic right to left, even inside an English page), and always rendered as text: React escapes
 * it, so HTML or script in a comment shows as the characters typed. Headings start at h3: the
 * page gives the content its own h2.
 */
export function RevisionView({
  content,
  agendaItems,
  points,
  showVersions = false,
}: {
  content: SubmissionContent;
  agendaItems: RevisionAgendaItem[];
  points: RevisionPoint[];
  /** The secretariat's point version numbers: internal, so shown only on the secretariat's pages. */
  showVersions?: boolean;
}) {
  const { t } = useTranslation(["submissions", "consultations"]);
  const pointsById = new Map(points.map((p) => [p.id, p]));
  const language = content.language;
  return (
    <div className="revision-view">
      {agendaItems.map((item) => {
        const general = content.general.find((g) => g.agendaItemId === item.id);
        const pointEntries = content.points.filter((e) => pointsById.get(e.pointId)?.agendaItemId === item.id);
        const proposals = content.proposals.filter((p) => p.agendaItemId === item.id);
        const headingId = `revision-item-${item.id}`;
        return (
          <section key={item.id} className="revision-view__item" aria-labelledby={headingId}>
            <h3 id={headingId}>
              <span className="agenda-item__number">
                {item.number ? withData(t("consultations:agendaItem", { number: isolate(item.number) })) : t("consultations:generalSection")}
              </span>
              <span className="agenda-item__title" lang="en" dir="ltr">
                {item.title}
              </span>
            </h3>
            {!general && !pointEntries.length && !proposals.length ? <p className="empty">{t("revision.view.noComments")}</p> : null}
            {general ? (
              <section className="revision-view__block">
                <h4>{t("revision.view.general")}</h4>
                <WrittenText text={general.body} language={language} />
              </section>
            ) : null}
            {pointEntries.map((entry) => {
              const point = pointsById.get(entry.pointId)!;
              return (
                <section key={entry.pointId} className="revision-view__block revision-view__point">
                  <h4>{withData(t("revision.view.point", { label: isolate(point.label) }))}</h4>
                  <details className="revision-view__circulated">
                    <summary>{showVersions ? t("revision.view.circulated", { version: point.versionNumber }) : t("revision.view.circulatedText")}</summary>
                    <p lang="en" dir="ltr">
                      <PendingText text={point.text} />
                    </p>
                  </details>
                  {entry.body ? (
                    <>
                      <h5>{t("revision.view.comment")}</h5>
                      <WrittenText text={entry.body} language={language} />
                    </>
                  ) : null}
                  {entry.proposedText !== null ? (
                    <>
                      <h5>{t("revision.view.amendment")}</h5>
                      {entry.proposedText === "" ? <p className="revision-view__deletion">{t("revision.view.deletion")}</p> : null}
                      <p className="muted revision-view__legend">{t("revision.view.redlineLegend")}</p>
                      {/* The proposed wording is edited from the circulated English text, as in the editor. */}
                      <div className="redline-box" dir="ltr">
                        <Redline segments={redline(point.text, entry.proposedText)} lang="en" />
                      </div>
                    </>
                  ) : null}
                </section>
              );
            })}
            {proposals.length ? (
              <section className="revision-view__block">
                <h4>{t("revision.view.proposals")}</h4>
                <ol className="revision-view__proposals" lang={language} dir={directionOf(language)}>
                  {proposals.map((proposal, index) => (
                    <li key={index}>
                      <span className="revision-view__label" dir="ltr">
                        {proposal.label}
                      </span>
                      <div className="revision-view__text">{proposal.body}</div>
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

/** A delegation's text, in its language and direction, line breaks kept, never as markup. */
function WrittenText({ text, language }: { text: string; language: Language }) {
  return (
    <div className="revision-view__text" lang={language} dir={directionOf(language)}>
      {text}
    </div>
  );
}
