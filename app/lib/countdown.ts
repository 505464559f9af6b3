/**
 * The time left before a deadline, as the countdown shows it, and where a delegation stands
 * with respect to the deadline. Pure: the caller passes "now", so the server and the browser
 * compute the same text for the same instant.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How often a running countdown refreshes: calm, since it shows minutes at the finest. */
export const COUNTDOWN_REFRESH_MS = 30_000;

export type TimeLeft =
  | { passed: true }
  /** Whole units, rounded down: 3 days 4 hours 59 minutes shows as "3 days 4 hours". */
  | { passed: false; ms: number; days: number; hours: number; minutes: number };

export function timeLeft(deadline: Date | string | number, now: number): TimeLeft {
  const ms = new Date(deadline).getTime() - now;
  if (!(ms > 0)) return { passed: true };
  return {
    passed: false,
    ms,
    days: Math.floor(ms / DAY),
    hours: Math.floor((ms % DAY) / HOUR),
    minutes: Math.floor((ms % HOUR) / MINUTE),
  };
}

/**
 * What the countdown says: two units at most, the largest first ("3 days 4 hours",
 * "4 hours 12 minutes", "45 minutes", "less than a minute"). A zero second unit is dropped.
 */
export type CountdownParts =
  | { kind: "passed" }
  | { kind: "days"; days: number; hours: number }
  | { kind: "hours"; hours: number; minutes: number }
  | { kind: "minutes"; minutes: number }
  | { kind: "underMinute" };

export function countdownParts(left: TimeLeft): CountdownParts {
  if (left.passed) return { kind: "passed" };
  if (left.days > 0) return { kind: "days", days: left.days, hours: left.hours };
  if (left.hours > 0) return { kind: "hours", hours: left.hours, minutes: left.minutes };
  if (left.minutes > 0) return { kind: "minutes", minutes: left.minutes };
  return { kind: "underMinute" };
}

/**
 * The stretches a screen reader is told about when the countdown enters them (and only then):
 * the last hour, and the deadline passing.
 */
export type CountdownStage = "running" | "lastHour" | "passed";

export function countdownStage(left: TimeLeft): CountdownStage {
  if (left.passed) return "passed";
  return left.ms <= HOUR ? "lastHour" : "running";
}

/**
 * Milliseconds until the countdown should next refresh: every 30 s, and exactly at the deadline
 * so that "passed" shows on time. Browsers cap timers at 2^31 − 1 ms (about 24.8 days).
 */
export function nextRefreshIn(left: TimeLeft): number | null {
  if (left.passed) return null;
  return Math.min(COUNTDOWN_REFRESH_MS, left.ms, 2_147_483_647);
}

/**
 * Where a delegation stands, for the consultation page:
 * - "open": the consultation is open and its deadline (the delegation's own, if extended) is ahead;
 * - "late": open, but the deadline has passed: a submission now is held for the secretariat;
 * - "closed": the secretariat closed the reflection period, or compiled the CRP;
 * - "notOpen": still a draft (only the secretariat sees it).
 * An open consultation without a deadline is "open".
 */
export type SubmissionWindow = "open" | "late" | "closed" | "notOpen";

export function submissionWindow(status: "draft" | "open" | "closed" | "compiled", deadline: Date | string | null, now: number): SubmissionWindow {
  if (status === "draft") return "notOpen";
  if (status !== "open") return "closed";
  if (deadline === null) return "open";
  return new Date(deadline).getTime() > now ? "open" : "late";
}
