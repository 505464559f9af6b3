// The mission's focal point (issue 19): one delegate per registered delegation and consultation,
// named by the secretariat, who invites and removes the mission's other delegates within a limit
// the secretariat sets, so that the secretariat does not manage every diplomat's account. The
// rules, the forms and what a refusal says. Pure, no I/O: app/models/mission.server.ts and the
// registrations model apply them inside their transactions.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { isActive, type ConsultationStatus } from "~/lib/consultation-status";
import { FORM_UNREADABLE, unreadable } from "~/lib/form-unreadable";
import { isUuid } from "~/lib/ids";
import { speaksForDelegation, type Reader } from "~/lib/permissions";
import { delegationIdField, InviteSchema, invitationIdField } from "~/lib/registration-forms";

/**
 * Active delegates plus pending invitations a focal point may bring the mission to when the
 * secretariat has set no limit: enough for a head of delegation, experts and drafters, few enough
 * that a mistaken focal point cannot flood the consultation.
 */
export const DEFAULT_DELEGATE_LIMIT = 10;
/** The highest limit the secretariat may set (a large mission at a treaty body is about 60). */
export const MAX_DELEGATE_LIMIT = 100;
/** How many of a mission's latest changes the registrations page shows (the audit page has them all). */
export const MISSION_CHANGES_SHOWN = 5;

/** The limit that applies: the secretariat's, or the default when none is set. */
export function effectiveDelegateLimit(limit: number | null | undefined): number {
  return limit ?? DEFAULT_DELEGATE_LIMIT;
}

/** The mission page is the delegations' own: delegates only (the secretariat sees it all on the registrations page). */
export function maySeeMission(user: Reader): boolean {
  return user.role === "delegate";
}

type Person = Reader & { id: string };
/** A registration as these rules need it: whose it is and who its focal point is. */
type Mission = { delegationId: string; focalPointId: string | null };

/** Whether `user` is this mission's focal point: a delegate of the delegation, named for it. */
export function isFocalPoint(user: Person, mission: Mission): boolean {
  return speaksForDelegation(user, mission.delegationId) && mission.focalPointId === user.id;
}

export type MissionRefusal = "not_found" | "forbidden" | "locked";

/**
 * Why `user` may not change the mission's delegates, or null if they may: not the mission's (or no
 * such registration) → not_found (404); one of its delegates but not its focal point → forbidden
 * (403: may read, not change); the CRP compiled → locked (the consultation's work is over).
 */
export function missionChangeRefusal(user: Person, mission: (Mission & { status: ConsultationStatus }) | null): MissionRefusal | null {
  if (!mission || !speaksForDelegation(user, mission.delegationId) || mission.status === "draft") return "not_found";
  if (!isFocalPoint(user, mission)) return "forbidden";
  if (!isActive(mission.status)) return "locked";
  return null;
}

/** The mission's places taken: its active delegate accounts and the invitations still pending. */
export type MissionCount = { active: number; pending: number };

/** Whether one more invitation keeps the mission within its limit (active + pending ≤ limit). */
export function mayInviteWithin(count: MissionCount, limit: number | null | undefined): boolean {
  return count.active + count.pending + 1 <= effectiveDelegateLimit(limit);
}

export type RemovalRefusal = "not_found" | "self" | "unchanged" | "focal_point";

/**
 * Why the focal point may not remove `target` from the mission, or null if they may. Only a
 * delegate of the mission's own delegation (anyone else, or no one: not_found, 404), never the
 * focal point themself (self), nor an account already disabled (unchanged), nor a colleague who is
 * the mission's focal point for another consultation (focal_point: the secretariat decides that).
 */
export function removalRefusal(
  actor: { id: string },
  mission: { delegationId: string },
  target: (Reader & { id: string; disabledAt: Date | string | null; isFocalPoint: boolean }) | null,
): RemovalRefusal | null {
  if (!target || !speaksForDelegation(target, mission.delegationId)) return "not_found";
  if (target.id === actor.id) return "self";
  if (target.disabledAt) return "unchanged";
  if (target.isFocalPoint) return "focal_point";
  return null;
}

/** Whether an account may be named the mission's focal point: an active delegate of that delegation. */
export function mayBeFocalPoint(candidate: (Reader & { disabledAt: Date | string | null }) | null, delegationId: string): boolean {
  return !!candidate && speaksForDelegation(candidate, delegationId) && !candidate.disabledAt;
}

// ---------------------------------------------------------------------------------------------
// The focal point's forms on /consultations/:id/mission

const hiddenId = z.string(unreadable()).refine(isUuid, FORM_UNREADABLE);

/** Inviting a colleague: the address, the name and the language of the email (the secretariat's form's fields). */
export const MissionInviteSchema = InviteSchema.pick({ email: true, name: true, language: true }).extend({ intent: z.literal("invite", unreadable()) });
export const MissionWithdrawSchema = z.object({ intent: z.literal("withdraw", unreadable()), invitationId: invitationIdField });
export const MissionRemoveSchema = z.object({ intent: z.literal("remove", unreadable()), userId: hiddenId });
export const MISSION_INTENTS = ["invite", "withdraw", "remove"] as const;
export type MissionIntent = (typeof MISSION_INTENTS)[number];

export type MissionActionData = { intent: string; result?: SubmissionResult<string[]> };

const refusal = (message: string, status: 400 | 409) => ({ message, status });

/**
 * What the mission page says, with the status, when the model refuses a change (not_found and
 * forbidden are the guard's 404 and 403, never a message).
 */
export const MISSION_REFUSALS = {
  locked: refusal("registrations:mission.errors.locked", 409),
  limit: refusal("registrations:mission.errors.limit", 409),
  already_delegate: refusal("registrations:errors.alreadyDelegate", 409),
  email_taken: refusal("registrations:errors.emailTaken", 409),
  gone: refusal("registrations:errors.invitationGone", 409),
  self: refusal("registrations:mission.errors.self", 409),
  unchanged: refusal("registrations:mission.errors.alreadyRemoved", 409),
  focal_point: refusal("registrations:mission.errors.otherFocalPoint", 409),
} as const;
export type MissionModelRefusal = keyof typeof MISSION_REFUSALS;

// ---------------------------------------------------------------------------------------------
// The secretariat's forms on the registrations page

/** Naming the focal point (an empty choice: none). */
export const FocalPointSchema = z.object({
  intent: z.literal("focal-point", unreadable()),
  delegationId: delegationIdField,
  focalPointId: z
    .string()
    .optional()
    .transform((value) => value || null)
    // A choice of the list: anything else was forged.
    .refine((value) => value === null || isUuid(value), FORM_UNREADABLE),
});

/** Setting the limit (empty: the default). */
export const DelegateLimitSchema = z.object({
  intent: z.literal("delegate-limit", unreadable()),
  delegationId: delegationIdField,
  delegateLimit: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? Number(value) : null))
    .refine(
      (value) => value === null || (Number.isInteger(value) && value >= 1 && value <= MAX_DELEGATE_LIMIT),
      "registrations:focalPoint.errors.limitInvalid",
    ),
});

/** The secretariat's refusals, by reason (the same choice again is no change, and no refusal). */
export const FOCAL_POINT_REFUSALS = {
  not_found: { message: "registrations:errors.notRegistered", status: 404 },
  wrong_status: { message: "registrations:errors.inviteLocked", status: 409 },
  not_delegate: { message: "registrations:focalPoint.errors.notDelegate", status: 409 },
} as const;

// ---------------------------------------------------------------------------------------------
// What the secretariat reads of the focal points' changes (from the audit log)

export const MISSION_ACTIONS = ["mission.invite", "mission.withdraw_invitation", "mission.remove"] as const;
export type MissionAction = (typeof MISSION_ACTIONS)[number];

/** One change by a focal point, as the registrations page lists it. */
export type MissionChange = { id: number; at: Date | string; action: MissionAction; actorName: string | null; email: string | null };

/** The audit entries' rows grouped by the delegation's code they name, newest first. */
export function changesByMission(rows: readonly (MissionChange & { code: string | null })[]): Map<string, MissionChange[]> {
  const byCode = new Map<string, MissionChange[]>();
  for (const { code, ...change } of rows) {
    if (!code) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), change]);
  }
  for (const list of byCode.values()) list.sort((a, b) => b.id - a.id);
  return byCode;
}
