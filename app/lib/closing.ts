// Ending the reflection period: where each registered delegation stands, who a reminder goes to,
// and how often. Pure: the facts and "now" come from the models.
import { draftClearance } from "~/lib/clearance";
import type { MissionStanding } from "~/lib/deadline-email";
import { wallClockIn } from "~/lib/dates";

export type { MissionStanding };

/** What the database says about one delegation's comments. */
export type StandingFacts = {
  /** The shared draft's version (0 or null: nothing saved) and when it was last saved. */
  draftVersion: number | null;
  draftUpdatedAt: Date | string | null;
  /** The delegation's latest revision, if any. */
  latest: {
    draftVersion: number | null;
    submittedAt: Date | string;
    withdrawnAt: Date | string | null;
    late: "pending" | "accepted" | "declined" | null;
  } | null;
  /** Clearance inside the mission (issue 19): the setting, the latest request, the cleared version. */
  clearance?: { required: boolean; requestedAt: Date | string | null; clearedDraftVersion: number | null } | null;
  /** The delegation has aligned itself with another's submission (an alignment not withdrawn). */
  aligned?: boolean;
};

/**
 * - submitted: the latest revision stands (on time, or late and held for or accepted by the secretariat);
 * - changedSinceSubmission: as submitted, but the draft was changed afterwards and the change is not submitted;
 * - aligned: nothing of its own standing, but aligned with another delegation's or a group's submission;
 * - awaitingClearance: nothing standing, and the draft waits for the mission's approver to clear it;
 * - draftOnly: a draft saved, nothing standing (never submitted, withdrawn, or the late one declined);
 * - nothing: no draft and nothing standing.
 */
export function missionStanding(facts: StandingFacts): MissionStanding {
  const latest = facts.latest;
  const hasDraft = (facts.draftVersion ?? 0) > 0;
  const stands = latest !== null && !latest.withdrawnAt && latest.late !== "declined";
  if (!stands) {
    if (facts.aligned) return "aligned";
    const awaiting =
      hasDraft &&
      facts.clearance != null &&
      draftClearance({
        required: facts.clearance.required,
        draftVersion: facts.draftVersion,
        draftUpdatedAt: facts.draftUpdatedAt,
        requestedAt: facts.clearance.requestedAt,
        clearedDraftVersion: facts.clearance.clearedDraftVersion,
      }) === "awaiting";
    return awaiting ? "awaitingClearance" : hasDraft ? "draftOnly" : "nothing";
  }
  // An imported email froze no draft version: only the time tells whether the draft is newer.
  const newer =
    hasDraft &&
    facts.draftUpdatedAt !== null &&
    facts.draftVersion !== latest.draftVersion &&
    new Date(facts.draftUpdatedAt).getTime() > new Date(latest.submittedAt).getTime();
  return newer ? "changedSinceSubmission" : "submitted";
}

/**
 * Who a reminder goes to: every mission whose comments are not (all) submitted, except one that has
 * aligned itself with another's submission (it has said what it wished to say).
 */
export function needsReminder(standing: MissionStanding): standing is Exclude<MissionStanding, "submitted" | "aligned"> {
  return standing !== "submitted" && standing !== "aligned";
}

/** The calendar day of an instant on the meeting's clock ("2020-08-14"): reminders go at most once a day. */
export function reminderDay(instant: Date | string, meetingTimeZone: string): string {
  return wallClockIn(instant, meetingTimeZone).date;
}

/** Whether a reminder sent at `last` forbids another at `now` (same day on the meeting's clock). */
export function remindedToday(last: Date | string | null, now: Date, meetingTimeZone: string): boolean {
  return last !== null && reminderDay(last, meetingTimeZone) === reminderDay(now, meetingTimeZone);
}

/** Closing before the deadline needs a reason (a closing at or after it does not). */
export function isEarlyClosing(deadline: Date | null, now: Date): boolean {
  return deadline !== null && deadline.getTime() > now.getTime();
}
