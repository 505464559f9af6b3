import { isolate, withData } from "~/components/ui/data-text";
import { useTranslation } from "~/i18n/use-translation";

const ROWS = ["kept", "revised", "relabelled", "merged", "split", "new", "deleted", "brackets"] as const;

/** What Rev.1 changed against the circulated text, counted, and the circulated points it deleted. */
export function RevisionSummary({
  summary,
  deleted,
  number,
}: {
  summary: Record<(typeof ROWS)[number], number>;
  deleted: { id: string; label: string; text: string; item: string | null }[];
  number: number;
}) {
  const { t } = useTranslation("revision");
  return (
    <section aria-labelledby="revision-summary" className="revision-summary">
      <h2 id="revision-summary">{t("summary.title")}</h2>
      <dl className="revision-summary__counts">
        {ROWS.map((row) => (
          <div key={row}>
            <dt>{t(`summary.${row}`)}</dt>
            <dd>{summary[row]}</dd>
          </div>
        ))}
      </dl>
      {deleted.length ? (
        <details>
          <summary>{t("deleted.title", { number })}</summary>
          <ul>
            {deleted.map((point) => (
              <li key={point.id}>
                {withData(t("deleted.point", { item: isolate(point.item ?? ""), label: isolate(point.label) }))}:{" "}
                <del lang="en" dir="ltr">
                  {point.text}
                </del>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
