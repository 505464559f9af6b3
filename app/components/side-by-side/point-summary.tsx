import type { Language } from "~/i18n/languages";
import { REVIEW_TAGS, type ReviewTag } from "~/lib/consolidation";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import { DISPOSITIONS, type DispositionCounts } from "~/lib/dispositions";
import type { Translate } from "./labels";

export type SummaryOfPoint = {
  commented: number;
  amended: number;
  amendedBy: (DelegationNames & { code: string })[];
  tags: Record<ReviewTag, number>;
  dispositions: DispositionCounts;
};

/** What the delegations said on one point, counted over every entry (filters never narrow it). */
export function PointSummary({
  pointId,
  summary,
  shown,
  total,
  pointLink,
  language,
  t,
}: {
  pointId: string;
  summary: SummaryOfPoint;
  shown: number;
  total: number;
  pointLink: (anchor: string) => string;
  language: Language;
  t: Translate;
}) {
  const tagged = REVIEW_TAGS.filter((tag) => summary.tags[tag] > 0);
  return (
    <section className="sbs-summary" aria-labelledby={`summary-${pointId}`}>
      <h3 id={`summary-${pointId}`}>{t("summary.title")}</h3>
      <ul>
        <li>{t("summary.commented", { count: summary.commented })}</li>
        <li>
          {t("summary.amended", { count: summary.amended })}
          {summary.amendedBy.length ? (
            <ul className="sbs-summary__names" aria-label={t("summary.amendedBy")}>
              {summary.amendedBy.map((delegation) => (
                <li key={delegation.code}>
                  <a href={pointLink(`point-${pointId}-${delegation.code}`)}>{delegationName(delegation, language)}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
        {tagged.map((tag) => (
          <li key={tag} className={`sbs-tag sbs-tag--${tag}`}>
            {t("summary.tag", { tag: t(`tags.${tag}`), count: summary.tags[tag] })}
          </li>
        ))}
      </ul>
      {tagged.length === 0 ? <p className="muted">{t("summary.noTags")}</p> : null}
      {total > 0 ? (
        // What became of the point's comments and amendments so far: the chair's work list.
        <ul className="sbs-summary__dispositions" aria-label={t("disposition.title")}>
          {DISPOSITIONS.filter((d) => summary.dispositions[d] > 0).map((d) => (
            <li key={d} className={`sbs-disposition--${d}`}>
              {t("summary.disposition", { disposition: t(`dispositions.${d}`), count: summary.dispositions[d] })}
            </li>
          ))}
          {summary.dispositions.none > 0 ? <li>{t("summary.noDisposition", { count: summary.dispositions.none })}</li> : null}
        </ul>
      ) : null}
      {shown !== total ? <p className="muted">{t("summary.shown", { shown, total })}</p> : null}
    </section>
  );
}
