// The secretariat's list of submissions: where each registered delegation stands, and the
// filter by it. Pure: the rows come from listSubmissionsForSecretariat.
import type { Language } from "~/i18n/languages";
import type { DelegationArticles, DelegationNames } from "~/lib/delegation-names";
import type { Participation } from "~/lib/registration-review";
import type { RevisionState } from "~/lib/submission-rules";

/** Where a delegation stands, from its latest revision (a draft's content is never shown here). */
export const ROW_STATUSES = ["none", "draft", "submitted", "late_pending", "late_accepted", "late_declined", "withdrawn"] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];
export const isRowStatus = (value: string | null): value is RowStatus => ROW_STATUSES.includes(value as RowStatus);

export function rowStatus(row: { submission: unknown; latest: { state: RevisionState; late: string | null } | null }): RowStatus {
  if (!row.latest) return row.submission ? "draft" : "none";
  switch (row.latest.state) {
    case "withdrawn":
      return "withdrawn";
    case "pending":
      return "late_pending";
    case "declined":
      return "late_declined";
    default:
      // The latest revision is never superseded: only a later one supersedes.
      return row.latest.late === "accepted" ? "late_accepted" : "submitted";
  }
}

/** How many delegations stand at each status (the filter's counts). */
export function statusTotals(rows: readonly { status: RowStatus }[]): Record<RowStatus, number> {
  return Object.fromEntries(ROW_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<RowStatus, number>;
}

/** The filter's link: the page itself, with or without a status. */
export const filterHref = (status: RowStatus | null) => (status ? `?status=${status}` : "?");

/** One delegation's row as the page shows it (instants as strings once sent to the browser). */
export type SubmissionListRow = {
  delegation: DelegationNames & DelegationArticles & { id: string; code: string };
  participation: Participation;
  status: RowStatus;
  deadline: Date | string | null;
  deadlineExtendedTo: Date | string | null;
  submission: { draftUpdatedAt: Date | string | null } | null;
  latest: {
    id: string;
    revisionNumber: number;
    receiptNumber: string;
    language: Language;
    source: "editor" | "email_import";
    submittedAt: Date | string;
  } | null;
};
