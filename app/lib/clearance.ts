// Clearance inside a mission (issue 19): where a mission requires it, drafters write and ask, an
// approver (the head of delegation, or another delegate with the approver role) reviews the exact
// text and clears it, and only a cleared version of the draft is submitted. For an approver,
// clearing and submitting are one step. A mission that does not require clearance works as before.
// Pure: the facts come from the database (app/models/clearance.server.ts, the submit model), the
// answers are what the server enforces and the pages show.
import { z } from "zod";
import { FORM_UNREADABLE, unreadable } from "~/lib/form-unreadable";
import type { Reader } from "~/lib/permissions";

/** What the database says about one delegation's draft and its clearance. */
export type ClearanceFacts = {
  /** The mission requires clearance (delegations.clearance_required). */
  required: boolean;
  /** The shared draft's version (0 or null: nothing saved) and when it was last saved. */
  draftVersion: number | null;
  draftUpdatedAt: Date | string | null;
  /** When a drafter last asked for clearance (submissions.clearance_requested_at). */
  requestedAt: Date | string | null;
  /** The draft version an approver cleared (submissions.cleared_draft_version). */
  clearedDraftVersion: number | null;
};

/**
 * Where the current draft stands with clearance:
 * - notRequired: the mission does not require clearance (anyone of the mission submits);
 * - cleared: an approver cleared exactly this version of the draft;
 * - awaiting: a drafter asked for clearance of this version (the draft was not saved since);
 * - uncleared: neither (nothing asked, or the draft changed after the request or the clearance).
 */
export type DraftClearance = "notRequired" | "cleared" | "awaiting" | "uncleared";

const time = (value: Date | string) => new Date(value).getTime();

export function draftClearance(facts: ClearanceFacts): DraftClearance {
  if (!facts.required) return "notRequired";
  const version = facts.draftVersion ?? 0;
  if (version <= 0) return "uncleared";
  // A clearance names the exact version: any later save makes a new version, which it does not cover.
  if (facts.clearedDraftVersion === version) return "cleared";
  // The request has no version of its own: it covers the draft as it was when asked, so a save
  // after it (a new version) leaves it behind.
  if (facts.requestedAt !== null && (facts.draftUpdatedAt === null || time(facts.draftUpdatedAt) <= time(facts.requestedAt))) return "awaiting";
  return "uncleared";
}

export type SubmitClearance =
  /** `clears`: the submitter is an approver and this submit records the clearance of the version. */
  { ok: true; clears: boolean } | { ok: false; reason: "not_cleared" };

/**
 * Whether a delegate may submit the draft's `draftVersion`: always where the mission does not
 * require clearance; where it does, an approver (who clears it by submitting, unless another
 * approver cleared this very version already) or a drafter whose exact version was cleared.
 */
export function submitClearance(input: { required: boolean; approver: boolean; draftVersion: number; clearedDraftVersion: number | null }): SubmitClearance {
  if (!input.required) return { ok: true, clears: false };
  const cleared = input.clearedDraftVersion === input.draftVersion;
  if (input.approver) return { ok: true, clears: !cleared };
  return cleared ? { ok: true, clears: false } : { ok: false, reason: "not_cleared" };
}

export type RequestClearance =
  /** `repeated`: this version was already asked for; nothing new is recorded or sent. */
  { ok: true; repeated: boolean } | { ok: false; reason: "not_required" | "approver" | "already_cleared" | "empty" };

/**
 * Whether a drafter may ask for clearance of the current draft: only where the mission requires
 * it, for a saved draft not yet cleared; an approver clears instead of asking. Asking again for
 * the same version is answered as done, once (one request, one email, per draft version).
 */
export function requestClearanceRule(facts: ClearanceFacts & { approver: boolean }): RequestClearance {
  if (!facts.required) return { ok: false, reason: "not_required" };
  if (facts.approver) return { ok: false, reason: "approver" };
  if ((facts.draftVersion ?? 0) <= 0) return { ok: false, reason: "empty" };
  const state = draftClearance(facts);
  if (state === "cleared") return { ok: false, reason: "already_cleared" };
  return { ok: true, repeated: state === "awaiting" };
}

// ---------------------------------------------------------------------------------------------
// Who sets it

/** Who names a mission's approvers: the secretariat, which manages the accounts. */
export function mayDesignateApprovers(user: Reader): boolean {
  return user.role === "secretariat";
}

/**
 * Who switches a mission's clearance on or off: the secretariat for any mission; an approver for
 * their own mission only.
 */
export function maySetMissionClearance(user: Reader & { approver: boolean }, delegationId: string): boolean {
  if (user.role === "secretariat") return true;
  return user.role === "delegate" && user.approver && user.delegationId === delegationId;
}

/**
 * Whether a change leaves the mission able to submit: clearance cannot be required of a mission
 * without an active approver, nor its last approver removed while it is required.
 */
export function clearanceChangeRefusal(input: {
  required: boolean;
  /** Active approver accounts of the mission once the change is made. */
  approversAfter: number;
}): "no_approver" | null {
  return input.required && input.approversAfter === 0 ? "no_approver" : null;
}

// ---------------------------------------------------------------------------------------------
// Refusals and forms

export type ClearanceRefusal = "not_cleared" | "not_required" | "approver" | "already_cleared" | "no_approver" | "forbidden" | "invalid";

const REFUSAL_MESSAGES: Record<ClearanceRefusal, string> = {
  not_cleared: "submissions:clearance.errors.notCleared",
  not_required: "submissions:clearance.errors.notRequired",
  approver: "submissions:clearance.errors.approver",
  already_cleared: "submissions:clearance.errors.alreadyCleared",
  no_approver: "submissions:clearance.errors.noApprover",
  forbidden: "submissions:clearance.errors.forbidden",
  invalid: FORM_UNREADABLE,
};

/** The translation key that explains a clearance refusal to the user. */
export function clearanceRefusalMessage(reason: ClearanceRefusal): string {
  return REFUSAL_MESSAGES[reason];
}

/** A form's switch, from its two buttons: anything else is a forged or stale form. */
const onOff = z.enum(["on", "off"], unreadable());

/** "on" / "off" from a form's buttons; anything else is a forged or stale form (null). */
export function parseSwitch(value: FormDataEntryValue | null): boolean | null {
  const parsed = onOff.safeParse(value);
  return parsed.success ? parsed.data === "on" : null;
}

const uuid = z.string({ required_error: FORM_UNREADABLE }).uuid(FORM_UNREADABLE);

/** The secretariat's forms on the users page: a delegate's approver role, a mission's clearance. */
export const ClearanceSettingsSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("set-approver"), userId: uuid, approver: onOff }),
    z.object({ intent: z.literal("set-clearance"), delegationId: uuid, required: onOff }),
  ],
  unreadable(),
);

/** The intents of ClearanceSettingsSchema, for the page's action to tell its forms from the others. */
export const CLEARANCE_SETTINGS_INTENTS = ClearanceSettingsSchema.options.map((option) => option.shape.intent.value);
