// What the consultation's overview decides from its data, apart from the page: the secretariat's
// next setup step, and the delegate's next action. Pure.
import type { ConsultationStatus } from "~/lib/consultation-status";
import type { DelegationState } from "~/lib/delegation-state";

export type SetupStep = "agenda" | "registrations" | "circulate";

/** What a draft still needs before it can be circulated, in order; null once circulated. */
export function nextSetupStep(status: ConsultationStatus, pointCount: number, registeredCount: number): SetupStep | null {
  if (status !== "draft") return null;
  return pointCount === 0 ? "agenda" : registeredCount === 0 ? "registrations" : "circulate";
}

/**
 * The delegate's button: write, continue the draft, or revise. Once something was submitted,
 * "nothing is sent until you submit" no longer holds: the help says how to revise.
 */
export function delegateNextAction(state: DelegationState | null): { submitted: boolean; action: "revise" | "continue" | "write" } {
  // A draft awaiting the mission's clearance is still unsubmitted unless a revision counts meanwhile.
  const awaiting = state?.kind === "awaitingClearance";
  const submitted = state !== null && state.kind !== "notStarted" && state.kind !== "draft" && (!awaiting || state.revision !== null);
  return { submitted, action: submitted ? "revise" : state?.kind === "draft" || awaiting ? "continue" : "write" };
}
