// The forms of the registrations page: one Zod schema per form, used by the server's action and
// by Conform in the browser, and the shape of what the action answers. Pure, no I/O.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { isTimeZone } from "~/lib/dates";
import { currentTimeZone } from "~/lib/time-zones";
import { isUuid } from "~/lib/ids";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from "~/lib/invitation-rules";
import { cleanNameLines, nameField } from "~/lib/name-rules";
import { MAX_PASTED_NAMES_TEXT, PARTICIPATIONS, type Participation, type ReviewRow } from "~/lib/registration-review";

export const participationField = z.enum(PARTICIPATIONS, {
  errorMap: () => ({ message: "registrations:errors.participationInvalid" }),
});

export const RegisterSchema = z.object({
  intent: z.literal("register"),
  // Which form sent it, so that errors come back to that form.
  source: z.enum(["pick", "review"]).default("pick"),
  // The review form carries the pasted text, to show the review again if something is wrong.
  names: z.string().max(MAX_PASTED_NAMES_TEXT).transform(cleanNameLines).optional(),
  delegationId: z
    .array(z.string().optional())
    .default([])
    // Unticked review rows and "none of these" choices arrive empty.
    .transform((values) => values.filter((value): value is string => !!value))
    .pipe(
      z
        .array(z.string())
        .min(1, "registrations:errors.chooseDelegation")
        .max(1000, "registrations:errors.unknownDelegation")
        .refine((values) => values.every(isUuid), "registrations:errors.unknownDelegation"),
    ),
  participation: participationField.default("state_party"),
});

export const ReviewSchema = z.object({
  intent: z.literal("review"),
  // Pasted delegation names: an invisible character inside one ("Pe<U+200B>ru") would hide a match.
  names: z
    .string({ required_error: "registrations:errors.namesRequired" })
    .max(MAX_PASTED_NAMES_TEXT, "registrations:errors.namesTooLong")
    .transform(cleanNameLines),
});

export const delegationIdField = z.string().refine(isUuid, "registrations:errors.notRegistered");
export const invitationIdField = z.string().refine(isUuid, "registrations:errors.invitationGone");

export const RemoveSchema = z.object({ intent: z.literal("remove"), delegationId: delegationIdField });
export const ParticipationSchema = z.object({ intent: z.literal("participation"), delegationId: delegationIdField, participation: participationField });
export const ResendSchema = z.object({ intent: z.literal("resend"), invitationId: invitationIdField });
export const RevokeSchema = z.object({ intent: z.literal("revoke"), invitationId: invitationIdField });

export const InviteSchema = z.object({
  intent: z.literal("invite"),
  delegationId: delegationIdField,
  email: z
    .string({ required_error: "registrations:errors.emailRequired" })
    .trim()
    .max(MAX_EMAIL_LENGTH, "registrations:errors.emailInvalid")
    .email("registrations:errors.emailInvalid"),
  name: nameField(
    z
      .string({ required_error: "registrations:errors.nameRequired" })
      .trim()
      .min(1, "registrations:errors.nameRequired")
      .max(MAX_NAME_LENGTH, "registrations:errors.nameTooLong"),
    "registrations:errors.nameRequired",
  ),
  language: z.enum(LANGUAGE_CODES as [Language, ...Language[]], {
    errorMap: () => ({ message: "registrations:errors.languageInvalid" }),
  }),
  timeZone: z
    .string()
    .trim()
    .max(64, "registrations:errors.timeZoneInvalid")
    .refine(isTimeZone, "registrations:errors.timeZoneInvalid")
    // Old names ("Asia/Calcutta") are kept by their current IANA name (Asia/Kolkata).
    .transform(currentTimeZone)
    .optional(),
});

export type Notice =
  | { kind: "registered"; added: string[]; alreadyRegistered: string[] }
  | { kind: "removed"; code: string }
  | { kind: "participationChanged"; delegationId: string; participation: Participation }
  // queued: no mail server is configured, so the message waits in the outbox. link: then the
  // one-time link, shown to the officer this once (the outbox keeps none) to hand over.
  | { kind: "invited"; email: string; expiresAt: Date; queued?: boolean; link?: string }
  | { kind: "resent"; email: string; expiresAt: Date; queued?: boolean; link?: string }
  | { kind: "revoked"; email: string }
  // The mission's focal point named (null: none) or its limit set (null: the default), issue 19.
  | { kind: "focalPointSet"; delegationId: string; name: string | null }
  | { kind: "delegateLimitSet"; delegationId: string; limit: number | null };

type Reply = SubmissionResult<string[]>;

/** What the registrations action answers, whichever form was sent. */
export type RegistrationsActionData = {
  intent: string;
  /** For register: which form sent it. */
  source?: "pick" | "review";
  /** For invite, remove, participation: the delegation concerned. */
  delegationId?: string;
  result?: Reply;
  review?: ReviewRow[];
  names?: string;
  notice?: Notice;
};

const refusal = (message: string, status: 400 | 404 | 409) => ({ message, status });

/** What the page says, with the HTTP status, when the model refuses an action: by intent, then by reason. */
export const REFUSALS = {
  register: {
    wrong_status: refusal("registrations:errors.locked", 409),
    unknown_delegation: refusal("registrations:errors.unknownDelegation", 400),
  },
  remove: {
    not_found: refusal("registrations:errors.notRegistered", 404),
    wrong_status: refusal("registrations:errors.locked", 409),
    has_submission: refusal("registrations:errors.hasSubmission", 409),
  },
  participation: {
    not_found: refusal("registrations:errors.notRegistered", 404),
    wrong_status: refusal("registrations:errors.locked", 409),
    unchanged: refusal("registrations:errors.unchanged", 400),
  },
  invite: {
    not_found: refusal("registrations:errors.notRegistered", 404),
    wrong_status: refusal("registrations:errors.inviteLocked", 409),
    already_delegate: refusal("registrations:errors.alreadyDelegate", 409),
    email_taken: refusal("registrations:errors.emailTaken", 409),
  },
  resend: {
    not_found: refusal("registrations:errors.invitationGone", 404),
    wrong_status: refusal("registrations:errors.inviteLocked", 409),
    already_delegate: refusal("registrations:errors.emailTaken", 409),
    email_taken: refusal("registrations:errors.emailTaken", 409),
    gone: refusal("registrations:errors.invitationGone", 409),
  },
  revoke: {
    not_found: refusal("registrations:errors.invitationGone", 404),
    gone: refusal("registrations:errors.invitationGone", 409),
  },
} as const;
