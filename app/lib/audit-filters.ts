// The audit page's filters, read from its GET address (?actor=&action=&delegation=&from=&to=),
// the same for the page and its CSV export. Days are calendar days on the clock the page shows
// its times in (the reader's own zone, else the meeting's), so that what the reader sees in the
// "When" column is what the dates select. Pure: the model turns them into SQL.
import { instantFromWallClock } from "./dates";
import { isUuid } from "./ids";

/** The actor value of entries made by no account (the system, a command-line import). */
export const SYSTEM_ACTOR = "system";

export type AuditFilters = {
  /** An account's id, SYSTEM_ACTOR, or null (anyone). */
  actor: string | null;
  /** An action code ("submission.submit"), or null. */
  action: string | null;
  /** A delegation's code: entries by its delegates or about it. */
  delegation: string | null;
  /** First and last calendar day, "YYYY-MM-DD", both included. */
  from: string | null;
  to: string | null;
};

/** Message keys of the date fields that were not taken (the filter is left out, and says why). */
export type AuditFilterErrors = { from?: string[]; to?: string[] };

export const NO_AUDIT_FILTERS: AuditFilters = { actor: null, action: null, delegation: null, from: null, to: null };

const ACTION = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
const DELEGATION = /^[A-Z]{2,3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value && value >= "2000-01-01" && value <= "2999-12-31";
}

/**
 * The filters the address asks for. Unknown actors, actions and delegations are ignored, as on
 * the other list pages (a filter is only a view); a date that is not a day, or a range that ends
 * before it starts, is left out with a message, so the reader knows why nothing was narrowed.
 */
export function parseAuditFilters(params: URLSearchParams): { filters: AuditFilters; errors: AuditFilterErrors } {
  const text = (name: string) => (params.get(name) ?? "").trim();
  const actor = text("actor");
  const action = text("action");
  const delegation = text("delegation").toUpperCase();
  const errors: AuditFilterErrors = {};
  const day = (name: "from" | "to") => {
    const value = text(name);
    if (!value) return null;
    if (isCalendarDay(value)) return value;
    errors[name] = ["consultations:audit.filters.badDate"];
    return null;
  };
  const from = day("from");
  let to = day("to");
  if (from && to && to < from) {
    errors.to = ["consultations:audit.filters.toBeforeFrom"];
    to = null;
  }
  return {
    filters: {
      actor: actor === SYSTEM_ACTOR || isUuid(actor) ? actor.toLowerCase() : null,
      action: action.length <= 100 && ACTION.test(action) ? action : null,
      delegation: DELEGATION.test(delegation) ? delegation : null,
      from,
      to,
    },
    errors,
  };
}

/** How many filters are applied ("3 filters applied"). */
export function countAuditFilters(filters: AuditFilters): number {
  return [filters.actor, filters.action, filters.delegation, filters.from ?? filters.to].filter(Boolean).length;
}

/** The day after a calendar day ("2024-02-29" -> "2024-03-01"). */
function nextDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
}

/**
 * The instants the days stand for on `timeZone`'s clock: from the start of `from` (included) to
 * the start of the day after `to` (excluded). A midnight skipped by a clock change starts the
 * day when the clocks resume (instantFromWallClock).
 */
export function auditInstants(filters: Pick<AuditFilters, "from" | "to">, timeZone: string): { since: Date | null; until: Date | null } {
  return {
    since: filters.from ? instantFromWallClock(filters.from, "00:00", timeZone) : null,
    until: filters.to ? instantFromWallClock(nextDay(filters.to), "00:00", timeZone) : null,
  };
}

/** The filters as the model takes them: who, what, which delegation, and the days as instants. */
export function auditSelection(filters: AuditFilters, timeZone: string) {
  return { actor: filters.actor, action: filters.action, delegation: filters.delegation, ...auditInstants(filters, timeZone) };
}
