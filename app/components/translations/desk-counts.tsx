// The counts per status, each a link to that status under the other filters (page 1).
import { Link } from "@remix-run/react";
import { deskHref } from "~/lib/desk-paging";
import { DESK_STATUSES, type DeskStatus } from "~/lib/translation-segments";
import type { DeskFilterView, DeskT } from "./desk-view";

export function DeskCounts({ t, counts, filters }: { t: DeskT; counts: Record<DeskStatus, number>; filters: DeskFilterView }) {
  const all = DESK_STATUSES.reduce((n, s) => n + counts[s], 0);
  return (
    <nav aria-label={t("desk.counts")} className="count-links">
      <ul>
        <li>
          <Link to={deskHref({ ...filters, status: null })} aria-current={filters.status === null ? "page" : undefined} className="count-links__link">
            <span className="count-links__count">{all}</span>
            <span>{t("desk.all")}</span>
          </Link>
        </li>
        {DESK_STATUSES.map((status) => (
          <li key={status}>
            <Link
              to={deskHref({ ...filters, status })}
              aria-current={filters.status === status ? "page" : undefined}
              className={`count-links__link desk-status--${status}`}
            >
              <span className="count-links__count">{counts[status]}</span>
              <span>{t(`status.${status}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
