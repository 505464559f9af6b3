// Where a delegation stands with its comments on one consultation, as its delegates are shown it
// (home list, consultation page, submission editor). Pure: the facts come from the database
// (models/delegation-state.server.ts, or the submission page's own data), "now" is never needed.
import { draftClearance } from "~/lib/clearance";
import { formatInstant } from "~/lib/dates";
import type { LateDecision } from "~/lib/submission-rules";

/** One submitted revision, as much of it as the state needs. */
export type RevisionFacts = {
  revisionNumber: number;
  receiptNumber: string;
  /** The draft version frozen in it; null for comments the secretariat imported from an email. */
  draftVersion: number | null;
  submittedAt: Date | string;
  supersededAt: Date | string | null;
  withdrawnAt: Date | string | null;
  late: LateDecision | null;
};

export type DelegationFacts = {
  /** "open" while comments can be written; any other status means the period is over. */
  consultationStatus: "draft" | "open" | "closed" | "compiled";
  /** The mission's shared draft: version 0 (or no row) means nobody has saved anything yet. */
  draft: { version: number; savedAt: Date | string | null } | null;
  /** Every revision of the delegation, in any order. */
  revisions: RevisionFacts[];
  /**
   * Clearance inside the mission (issue 19): whether it requires it, the latest request (when, by
   * whom) and the draft version an approver cleared. Absent or null: nothing to say about it.
   */
  clearance?: { required: boolean; requestedAt: Date | string | null; requestedBy: string | null; clearedDraftVersion: number | null } | null;
};

/** A revision as the status names it: "revision 2, receipt CTOC-2020-MAR-0007, 9 October 2020 …". */
export type RevisionRef = { revisionNumber: number; receiptNumber: string; submittedAt: string };

/**
 * - notStarted: nothing saved, nothing submitted (`closed`: and the period is over);
 * - draft: a draft saved (when), never submitted;
 * - submitted: the latest revision counts (on time, or late and accepted: `lateAccepted`);
 * - revised: as submitted, but the draft was changed after it and the change is not submitted;
 * - latePending: the latest revision came after the deadline and waits for the secretariat
 *   (`standing`: the earlier revision that counts meanwhile, if any);
 * - lateDeclined: the secretariat did not accept the latest revision (`standing` as above);
 * - withdrawn: the delegation withdrew its comments (the draft is kept);
 * - awaitingClearance: the mission requires clearance and a drafter asked an approver to clear the
 *   draft as it stands (when, by whom), while the period is open; in place of "draft" or "revised"
 *   (`revision`: the revision that counts meanwhile, for a revised draft).
 * `newerDraft` (on every submitted kind): when the draft was saved after the latest revision.
 */
export type DelegationState =
  | { kind: "notStarted"; closed: boolean }
  | { kind: "draft"; closed: boolean; savedAt: string | null }
  | { kind: "submitted"; revision: RevisionRef; lateAccepted: boolean; newerDraft: null }
  | { kind: "revised"; revision: RevisionRef; lateAccepted: boolean; newerDraft: { savedAt: string } }
  | { kind: "latePending"; revision: RevisionRef; standing: RevisionRef | null; newerDraft: { savedAt: string } | null }
  | { kind: "lateDeclined"; revision: RevisionRef; standing: RevisionRef | null; newerDraft: { savedAt: string } | null }
  | { kind: "withdrawn"; revision: RevisionRef; withdrawnAt: string; newerDraft: { savedAt: string } | null }
  | { kind: "awaitingClearance"; savedAt: string | null; requestedAt: string; requestedBy: string | null; revision: RevisionRef | null };

export type DelegationStateKind = DelegationState["kind"];

const iso = (value: Date | string) => new Date(value).toISOString();

const ref = (r: RevisionFacts): RevisionRef => ({ revisionNumber: r.revisionNumber, receiptNumber: r.receiptNumber, submittedAt: iso(r.submittedAt) });

/** The revision that counts: not superseded, withdrawn, pending or declined (the highest, if several). */
function standingRevision(revisions: RevisionFacts[]): RevisionFacts | null {
  return revisions.find((r) => !r.supersededAt && !r.withdrawnAt && r.late !== "pending" && r.late !== "declined") ?? null;
}

export function delegationState(facts: DelegationFacts): DelegationState {
  const state = withoutClearance(facts);
  // A draft (new, or newer than the revision that counts) that waits for the mission's approver.
  if ((state.kind === "draft" || state.kind === "revised") && facts.consultationStatus === "open" && facts.clearance?.requestedAt && facts.draft) {
    const clearance = draftClearance({
      required: facts.clearance.required,
      draftVersion: facts.draft.version,
      draftUpdatedAt: facts.draft.savedAt,
      requestedAt: facts.clearance.requestedAt,
      clearedDraftVersion: facts.clearance.clearedDraftVersion,
    });
    if (clearance === "awaiting") {
      return {
        kind: "awaitingClearance",
        savedAt: facts.draft.savedAt ? iso(facts.draft.savedAt) : null,
        requestedAt: iso(facts.clearance.requestedAt),
        requestedBy: facts.clearance.requestedBy,
        revision: state.kind === "revised" ? state.revision : null,
      };
    }
  }
  return state;
}

function withoutClearance(facts: DelegationFacts): DelegationState {
  const closed = facts.consultationStatus !== "open";
  const revisions = [...facts.revisions].sort((a, b) => b.revisionNumber - a.revisionNumber);
  const draftSaved = facts.draft && facts.draft.version > 0 ? facts.draft : null;
  const latest = revisions[0];
  if (!latest) {
    return draftSaved ? { kind: "draft", closed, savedAt: draftSaved.savedAt ? iso(draftSaved.savedAt) : null } : { kind: "notStarted", closed };
  }
  // A draft changed after the latest revision: saved later, and not the version that was frozen
  // (an imported email froze no version, so only the time tells).
  const newerDraft =
    draftSaved?.savedAt && draftSaved.version !== latest.draftVersion && new Date(draftSaved.savedAt).getTime() > new Date(latest.submittedAt).getTime()
      ? { savedAt: iso(draftSaved.savedAt) }
      : null;
  const revision = ref(latest);
  if (latest.withdrawnAt) return { kind: "withdrawn", revision, withdrawnAt: iso(latest.withdrawnAt), newerDraft };
  if (latest.late === "pending" || latest.late === "declined") {
    const standing = standingRevision(revisions.slice(1));
    return {
      kind: latest.late === "pending" ? "latePending" : "lateDeclined",
      revision,
      standing: standing ? ref(standing) : null,
      newerDraft,
    };
  }
  const lateAccepted = latest.late === "accepted";
  return newerDraft ? { kind: "revised", revision, lateAccepted, newerDraft } : { kind: "submitted", revision, lateAccepted, newerDraft: null };
}

/**
 * An instant as diplomatic correspondence writes it, in the reader's zone: the long date, the 24-hour
 * clock and the zone named by its city ("9 October 2020, 14:32 (Vienna time)"); formatInstant.
 */
export function formatStatusTime(instant: Date | string, language: string, timeZone: string): string {
  return formatInstant(instant, language, timeZone);
}
