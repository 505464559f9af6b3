import { useTranslation } from "~/i18n/use-translation";
import { directionOf, type Language } from "~/i18n/languages";
import type { Disposition } from "~/lib/dispositions";
import { isolate, withData } from "~/components/ui/data-text";
import { Badge } from "~/components/ui/badge";

export type OwnDispositionEntry = {
  commentId: string;
  kind: "general" | "point" | "amendment" | "new_proposal";
  label: string | null;
  language: Language;
  body: string;
  proposedText: string | null;
  agendaItem: { id: string; number: string | null; title: string };
  pointLabel: string | null;
  disposition: Disposition | null;
  observation: string | null;
  /** The points of the next round's revised text that take the comment up, once circulated. */
  answeredBy?: { label: string; text: string }[];
};

/**
 * The delegation's comments with what became of each, by agenda item: the comment as written (in
 * its language and direction), the proposed wording of an amendment, the disposition and the
 * observations of the Secretariat (in English, the working language).
 */
export function OwnDispositions({ entries }: { entries: OwnDispositionEntry[] }) {
  const { t } = useTranslation(["submissions", "consultations", "consolidation", "revision"]);
  if (entries.length === 0) return <p className="empty">{t("submissions:dispositions.none")}</p>;
  const items = [...new Map(entries.map((e) => [e.agendaItem.id, e.agendaItem])).values()];
  const where = (e: OwnDispositionEntry) =>
    e.kind === "general"
      ? t("submissions:dispositions.general")
      : e.kind === "new_proposal"
        ? withData(t("submissions:dispositions.proposal", { label: isolate(e.label ?? "") }))
        : withData(t(`submissions:dispositions.${e.kind}`, { label: isolate(e.pointLabel ?? "") }));
  return (
    <>
      {items.map((item) => (
        <section key={item.id} aria-labelledby={`dispositions-${item.id}`} className="own-dispositions__item">
          <h2 id={`dispositions-${item.id}`}>
            {item.number ? withData(t("consultations:agendaItem", { number: isolate(item.number) })) : t("consultations:generalSection")}{" "}
            <span lang="en" dir="ltr">
              {item.title}
            </span>
          </h2>
          {entries
            .filter((e) => e.agendaItem.id === item.id)
            .map((e) => (
              <article key={e.commentId} className="own-dispositions__entry" aria-labelledby={`disposition-${e.commentId}`}>
                <h3 id={`disposition-${e.commentId}`}>{where(e)}</h3>
                {e.body ? (
                  <p className="own-dispositions__text" lang={e.language} dir={directionOf(e.language)}>
                    {e.body}
                  </p>
                ) : null}
                {e.kind === "amendment" && e.proposedText !== null ? (
                  <>
                    <p className="sbs-label">{t("submissions:dispositions.proposedWording")}</p>
                    <p className="own-dispositions__text" lang="en" dir="ltr">
                      {e.proposedText}
                    </p>
                  </>
                ) : null}
                <p>
                  <span className="sbs-label">{t("consolidation:disposition.title")}</span>{" "}
                  {e.disposition ? <Badge tone="info">{t(`consolidation:dispositions.${e.disposition}`)}</Badge> : t("submissions:dispositions.undecided")}
                </p>
                {e.observation ? (
                  <p>
                    <span className="sbs-label">{t("consolidation:disposition.observation")}</span>{" "}
                    <span lang="en" dir="auto" className="own-dispositions__text">
                      {e.observation}
                    </span>
                  </p>
                ) : null}
                {e.answeredBy?.map((point) => (
                  <figure key={point.label} className="own-dispositions__revised">
                    <figcaption>{withData(t("revision:earlier.answeredBy", { labels: isolate(point.label) }))}</figcaption>
                    <blockquote lang="en" dir="ltr">
                      {point.text}
                    </blockquote>
                  </figure>
                ))}
              </article>
            ))}
        </section>
      ))}
    </>
  );
}
