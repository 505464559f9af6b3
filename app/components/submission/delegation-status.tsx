import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { formatStatusTime, type DelegationState, type RevisionRef } from "~/lib/delegation-state";
import { paths } from "~/lib/paths";
import { SLOT, Slotted, WithReceipt } from "./receipt-code";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { isolate, withData } from "~/components/ui/data-text";

/** The colour family of each state; the label always says it in words too. */
const TONE: Record<DelegationState["kind"], BadgeTone> = {
  notStarted: "neutral",
  draft: "warning",
  submitted: "success",
  revised: "warning",
  latePending: "warning",
  lateDeclined: "danger",
  withdrawn: "danger",
  awaitingClearance: "info",
};

function labelKey(state: DelegationState) {
  switch (state.kind) {
    case "notStarted":
      return state.closed ? "notStartedClosed" : "notStarted";
    case "draft":
      return state.closed ? "draftClosed" : "draft";
    case "submitted":
      return state.lateAccepted ? "lateAccepted" : "submitted";
    default:
      return state.kind;
  }
}

/**
 * Where the delegate's delegation stands on one consultation: a labelled badge, then the facts —
 * the receipt number (whole, left to right), times in the reader's zone written out as in
 * diplomatic correspondence. "compact" for a cell of the home list; "full" adds what the state
 * means and, given `consultationId`, the way to the receipt.
 */
export function DelegationStatus({
  state,
  timeZone,
  variant = "full",
  consultationId,
}: {
  state: DelegationState;
  timeZone: string;
  variant?: "compact" | "full";
  consultationId?: string;
}) {
  const { t, i18n } = useTranslation("submissions");
  const full = variant === "full";
  // Node's and the browser's zone data can differ: the server's wording stands (as in Deadline).
  const when = (instant: string) => (
    <time dateTime={instant} suppressHydrationWarning>
      {formatStatusTime(instant, i18n.language, timeZone)}
    </time>
  );
  const line = (key: string, content: ReactNode) => (
    <p key={key} className={`delegation-status__line delegation-status__line--${key}`}>
      {content}
    </p>
  );
  // Revision 1 is simply "the receipt"; later ones say which revision they are.
  const receiptLine = (revision: RevisionRef, key = "receipt") =>
    line(
      key,
      <WithReceipt
        text={
          revision.revisionNumber > 1
            ? t("delegationStatus.revisionReceipt", { number: revision.revisionNumber, receipt: SLOT })
            : t("delegationStatus.receipt", { receipt: SLOT })
        }
        receipt={revision.receiptNumber}
      />,
    );
  const timeLine = (key: string, text: string, instant: string) => line(key, <Slotted text={text}>{when(instant)}</Slotted>);
  const submittedLine = (revision: RevisionRef) => timeLine("submitted", t("delegationStatus.submittedAt", { time: SLOT }), revision.submittedAt);
  const newerDraftLine = (savedAt: string) => timeLine("draft", t("delegationStatus.newerDraft", { time: SLOT }), savedAt);

  const lines: ReactNode[] = [];
  let revisionForLink: RevisionRef | null = null;
  switch (state.kind) {
    case "notStarted":
      if (full && !state.closed) lines.push(line("note", t("delegationStatus.nothingYet")));
      break;
    case "draft":
      if (state.savedAt) lines.push(timeLine("draft", t("delegationStatus.draftSavedAt", { time: SLOT }), state.savedAt));
      if (full && !state.closed) lines.push(line("note", t("delegationStatus.nothingSent")));
      break;
    case "submitted":
    case "revised":
      lines.push(receiptLine(state.revision), submittedLine(state.revision));
      if (state.newerDraft) lines.push(newerDraftLine(state.newerDraft.savedAt));
      revisionForLink = state.revision;
      break;
    case "latePending":
    case "lateDeclined":
      lines.push(receiptLine(state.revision), submittedLine(state.revision));
      if (full) {
        lines.push(line("note", t(state.kind === "latePending" ? "delegationStatus.pendingNote" : "delegationStatus.declinedNote")));
        if (state.standing) lines.push(receiptLine(state.standing, "standing"), line("standingNote", t("delegationStatus.standingNote")));
      }
      revisionForLink = state.revision;
      break;
    case "withdrawn":
      lines.push(receiptLine(state.revision), timeLine("withdrawn", t("delegationStatus.withdrawnAt", { time: SLOT }), state.withdrawnAt));
      if (full) lines.push(line("note", t("delegationStatus.withdrawnNote")));
      if (state.newerDraft) lines.push(newerDraftLine(state.newerDraft.savedAt));
      revisionForLink = state.revision;
      break;
    case "awaitingClearance":
      // Who asked and when, then what still counts meanwhile (a revised draft's revision).
      lines.push(timeLine("clearance", t("delegationStatus.clearanceAskedAt", { time: SLOT }), state.requestedAt));
      if (state.requestedBy) lines.push(line("clearanceBy", withData(t("delegationStatus.clearanceAskedBy", { name: isolate(state.requestedBy) }))));
      if (full) lines.push(line("note", t("delegationStatus.clearanceNote")));
      if (state.revision) {
        lines.push(receiptLine(state.revision), submittedLine(state.revision));
        revisionForLink = state.revision;
      }
      break;
  }
  return (
    <div className={`delegation-status delegation-status--${state.kind} delegation-status--${variant}`}>
      <p className="delegation-status__line">
        <Badge tone={TONE[state.kind]} className="delegation-status__badge">
          {t(`delegationStatus.kind.${labelKey(state)}`)}
        </Badge>
      </p>
      {lines}
      {full && consultationId && revisionForLink ? (
        <p className="delegation-status__line">
          <Link to={paths.receipt(consultationId, revisionForLink.revisionNumber)}>{t("delegationStatus.openReceipt")}</Link>
        </p>
      ) : null}
    </div>
  );
}
