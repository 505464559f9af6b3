// A delegation's deadline: the consultation's, unless the secretariat extended it for that
// delegation. Pure: the instant "now" is always passed in (the models use the server's clock).

/**
 * The deadline that applies to one delegation: its extension when it has one (an extension is
 * always later than the consultation's deadline, but if the consultation's deadline was later
 * moved past it, the later of the two wins). Null when the consultation has no deadline.
 */
export function effectiveDeadline(consultationDeadline: Date | null, extendedTo: Date | null): Date | null {
  if (!consultationDeadline) return extendedTo;
  if (!extendedTo) return consultationDeadline;
  return extendedTo.getTime() > consultationDeadline.getTime() ? extendedTo : consultationDeadline;
}

/** Whether `at` is before the deadline (at the deadline itself it has passed). No deadline: always. */
export function isBeforeDeadline(deadline: Date | null, at: Date): boolean {
  return deadline === null || at.getTime() < deadline.getTime();
}

export type TimeLeft = {
  passed: boolean;
  /** Milliseconds until the deadline; 0 once passed. */
  ms: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
};

/** The time left until the deadline, in whole days, hours, minutes and seconds (null: no deadline). */
export function timeLeft(deadline: Date | null, now: Date): TimeLeft | null {
  if (!deadline) return null;
  const ms = Math.max(0, deadline.getTime() - now.getTime());
  const totalSeconds = Math.floor(ms / 1000);
  return {
    passed: ms === 0,
    ms,
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3_600),
    minutes: Math.floor((totalSeconds % 3_600) / 60),
    seconds: totalSeconds % 60,
  };
}

export type ExtensionProblem = "extension_not_later" | "extension_past";

/**
 * Whether a delegation's deadline may be extended to `until`: it must be later than the
 * consultation's deadline (otherwise it is no extension) and still in the future.
 */
export function extensionProblem(until: Date, consultationDeadline: Date | null, now: Date): ExtensionProblem | null {
  if (consultationDeadline && until.getTime() <= consultationDeadline.getTime()) return "extension_not_later";
  if (until.getTime() <= now.getTime()) return "extension_past";
  return null;
}
