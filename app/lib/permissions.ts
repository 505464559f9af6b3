// Who may see or do what in the reflection period, in one place. Pure: plain data in, a boolean
// out, no I/O. The loaders' guards, the models and the pages all ask here, so that a rule changes
// once. The SQL side of who sees which consultation is consultationVisibleTo
// (app/models/consultation.server.ts); mayOpenConsultation is its counterpart here, and
// tests/db/consultation-visibility.test.ts keeps the two in step.
import type { ConsultationStatus } from "~/lib/consultation-status";
import type { LateDecision } from "~/lib/submission-rules";

export type Role = "secretariat" | "chair" | "delegate";

/** Who asks: a signed-in user (a SessionUser will do), or only a role where that is all a page has. */
export type Reader = { role: Role; delegationId?: string | null };

/** A consultation as the rules need it: its stage. */
type AtStatus = { status: ConsultationStatus };

// ---------------------------------------------------------------------------------------------
// The consultation

/**
 * Whether the user may open the consultation at all. The secretariat sees every one, drafts
 * included; a draft is the secretariat's alone, so chairs see those they chair and delegates those
 * their delegation is registered for, once circulated. (The same rule as consultationVisibleTo's SQL.)
 */
export function mayOpenConsultation(user: Reader, consultation: AtStatus & { isChair: boolean; isRegistered: boolean }): boolean {
  switch (user.role) {
    case "secretariat":
      return true;
    case "chair":
      return consultation.status !== "draft" && consultation.isChair;
    case "delegate":
      return consultation.status !== "draft" && consultation.isRegistered;
  }
}

/**
 * Setting up and running a consultation (its meeting and settings, agenda, registrations,
 * invitations, the circulation, reminders, closing): the secretariat's work, as its servicing body.
 */
export function mayManageConsultation(user: Reader): boolean {
  return user.role === "secretariat";
}

/** Editing a point's wording: the secretariat, until the CRP is compiled (the record is then fixed). */
export function mayEditPoint(user: Reader, consultation: AtStatus): boolean {
  return mayManageConsultation(user) && consultation.status !== "compiled";
}

/** Closing the reflection period: the secretariat, while it is open. */
export function mayCloseReflectionPeriod(user: Reader, consultation: AtStatus): boolean {
  return mayManageConsultation(user) && consultation.status === "open";
}

/** The audit log of a consultation: the secretariat's record of what was done, by whom. */
export function maySeeAuditLog(user: Reader): boolean {
  return user.role === "secretariat";
}

// ---------------------------------------------------------------------------------------------
// Wording: the non-paper and its points

/**
 * The points' current wording and its history: the secretariat and the chairs follow the text as
 * it is revised; delegations read the points as circulated to them, in the wording circulated.
 */
export function maySeeCurrentWording(user: Reader): boolean {
  return user.role !== "delegate";
}

/** The non-paper before it is circulated: the secretariat's draft, nobody else's yet. */
export function mayPreviewNonPaper(user: Reader): boolean {
  return user.role === "secretariat";
}

// ---------------------------------------------------------------------------------------------
// What delegations said

/**
 * The comments of every delegation (side by side, the matrix, a delegation's revisions, their
 * translations): the secretariat and the chairs, who prepare the CRP from them. A delegation reads
 * only its own submission.
 */
export function mayReadComments(user: Reader): boolean {
  return user.role === "secretariat" || user.role === "chair";
}

/** Tagging a comment and keeping a private note on it: part of reading them, for the same readers. */
export function mayReviewComments(user: Reader): boolean {
  return mayReadComments(user);
}

/**
 * A delegation's revision: its own delegates; the secretariat any; a chair any but a late one
 * still pending or declined (held for the secretariat: not part of what the chairs review).
 */
export function maySeeRevision(user: Reader, revision: { delegationId: string; late: LateDecision | null }): boolean {
  switch (user.role) {
    case "secretariat":
      return true;
    case "chair":
      return revision.late !== "pending" && revision.late !== "declined";
    case "delegate":
      return speaksForDelegation(user, revision.delegationId);
  }
}

// ---------------------------------------------------------------------------------------------
// The delegation's submission

/** A delegate speaks for their own delegation, and for no other. */
export function speaksForDelegation(user: Reader, delegationId: string): boolean {
  return user.role === "delegate" && user.delegationId === delegationId;
}

/**
 * Writing the delegation's submission (the draft, submitting, withdrawing, its receipts): the
 * mission's own delegates. The secretariat and the chairs read submissions on their own pages.
 */
export function mayWriteSubmission(user: Reader): boolean {
  return user.role === "delegate";
}

/**
 * The submissions of a consultation as a whole (the list of delegations, deadlines, late
 * submissions): the secretariat, which receives them.
 */
export function mayManageSubmissions(user: Reader): boolean {
  return user.role === "secretariat";
}

/**
 * Recording a submission the mission sent otherwise (by email, a note verbale): the secretariat, on
 * the delegation's behalf.
 */
export function mayRecordSubmissionOnBehalf(user: Reader): boolean {
  return mayManageSubmissions(user);
}

/**
 * Deciding whether a late submission counts: the secretariat, while the period is open or closed
 * (once the CRP is compiled nothing changes; before circulation nothing is late).
 */
export function mayDecideLateSubmission(user: Reader, consultation: AtStatus): boolean {
  return mayManageSubmissions(user) && (consultation.status === "open" || consultation.status === "closed");
}

/** Extending one delegation's deadline: the secretariat, while the period is open. */
export function mayExtendDeadline(user: Reader, consultation: AtStatus): boolean {
  return mayManageSubmissions(user) && consultation.status === "open";
}

// ---------------------------------------------------------------------------------------------
// Translation

/** Translating the comments (the desk, saving, machine suggestions): the secretariat's language services. */
export function mayTranslate(user: Reader): boolean {
  return user.role === "secretariat";
}

/**
 * Changing one comment's translation: a translator, on a current comment (a superseded one's
 * translation is history), until the CRP is compiled.
 */
export function mayEditTranslation(user: Reader, consultation: AtStatus, comment: { current: boolean }): boolean {
  return mayTranslate(user) && comment.current && consultation.status !== "compiled";
}

// ---------------------------------------------------------------------------------------------
// The conference room paper

/** Reading the CRP in preparation: it is made of the comments, so their readers; delegations get it once issued. */
export function mayReadCrp(user: Reader): boolean {
  return mayReadComments(user);
}

/** Compiling the CRP and wording its introduction: the secretariat (the chairs read it). */
export function mayCompileCrp(user: Reader): boolean {
  return user.role === "secretariat";
}

/** Rewriting the CRP's introduction: its compiler, until the final CRP is compiled. */
export function mayEditCrpIntroduction(user: Reader, consultation: AtStatus): boolean {
  return mayCompileCrp(user) && consultation.status !== "compiled";
}

// ---------------------------------------------------------------------------------------------
// Accounts and messages

/** The accounts (the list, disabling and enabling them): the secretariat, which invites everyone. */
export function mayManageUsers(user: Reader): boolean {
  return user.role === "secretariat";
}

/** The outbox (every message sent, retries, handing a reset link over): the secretariat. */
export function mayManageOutbox(user: Reader): boolean {
  return user.role === "secretariat";
}

/** Two-factor sign-in is required of the secretariat (it holds every mission's texts); optional for others. */
export function mustUseTwoFactor(user: Reader): boolean {
  return user.role === "secretariat";
}
