import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { filterHref, ROW_STATUSES, type RowStatus } from "~/lib/submission-list";

/** How many delegations stand at each status, each a link that filters the list by it. */
export function StatusTotals({ registered, totals, filter }: { registered: number; totals: Record<RowStatus, number>; filter: RowStatus | null }) {
  const { t } = useTranslation("submissions");
  return (
    <nav aria-label={t("secretariat.filter.label")} className="count-links submission-totals">
      <ul>
        <li>
          <Link to={filterHref(null)} aria-current={filter === null ? "page" : undefined} className="count-links__link">
            <span className="count-links__count">{registered}</span>
            <span>{t("secretariat.filter.all")}</span>
          </Link>
        </li>
        {ROW_STATUSES.map((status) => (
          <li key={status}>
            <Link
              to={filterHref(status)}
              aria-current={filter === status ? "page" : undefined}
              className={`count-links__link submission-totals__link--${status}`}
            >
              <span className="count-links__count">{totals[status]}</span>
              <span>{t(`secretariat.status.${status}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
