// Joint submissions and alignment (issue 19): who a submission speaks for, its co-sponsors and the
// delegations that align themselves with it. The rules, the states and the forms; pure, no I/O, so
// that the model (app/models/joint.server.ts) decides on the server with exactly these functions
// and the pages show what they allow.
//
// - On behalf of a group: the delegation that coordinates a group in the consultation may make its
//   one submission speak for the group ("Egypt on behalf of the Group of African States"), or for
//   itself again, only before its first submission, so that every receipt names what was sent.
// - Co-sponsors: the submitting delegation names registered delegations; each confirms or declines
//   (before its own deadline) and may withdraw after confirming. It counts as theirs only while
//   confirmed.
// - Alignment: a registered delegation aligns itself with another's (or a group's) submission that
//   counts (submitted, not withdrawn), before its own deadline, with a receipt numbered from the
//   consultation's receipt counter; it may withdraw before its deadline. Its own further comments
//   are simply its own submission.
import { z } from "zod";
import type { Language } from "~/i18n/languages";
import type { ConsultationStatus } from "~/lib/consultation-status";
import { nameInSentence, type DelegationArticles, type DelegationNames, type NameInSentence } from "~/lib/delegation-names";
import { FORM_UNREADABLE, unreadable } from "~/lib/form-unreadable";
import { groupInSentence, type GroupArticles, type GroupNames } from "~/lib/groups";

// ---------------------------------------------------------------------------------------------
// States

export type CosponsorState = "invited" | "confirmed" | "declined" | "withdrawn";

type Instant = Date | string | null;

/**
 * A co-sponsor's state from its row: named and not yet answered (invited), confirmed, declined (it
 * never confirmed; the row keeps when, in withdrawn_at), or withdrawn after confirming.
 */
export function cosponsorState(row: { confirmedAt: Instant; withdrawnAt: Instant }): CosponsorState {
  if (row.withdrawnAt) return row.confirmedAt ? "withdrawn" : "declined";
  return row.confirmedAt ? "confirmed" : "invited";
}

/** The submission counts as the co-sponsor's only while it is confirmed. */
export function countsAsCosponsor(row: { confirmedAt: Instant; withdrawnAt: Instant }): boolean {
  return cosponsorState(row) === "confirmed";
}

export type AlignmentState = "active" | "withdrawn";

export function alignmentState(row: { withdrawnAt: Instant }): AlignmentState {
  return row.withdrawnAt ? "withdrawn" : "active";
}

// ---------------------------------------------------------------------------------------------
// The rules

/** What every change needs: the reflection period open, and the acting delegation's own deadline ahead. */
type Window = { status: ConsultationStatus; deadlinePassed: boolean };

function windowRefusal(facts: Window): "not_open" | "deadline_passed" | null {
  if (facts.status !== "open") return "not_open";
  if (facts.deadlinePassed) return "deadline_passed";
  return null;
}

export type OnBehalfRefusal = "not_open" | "deadline_passed" | "not_coordinator" | "already_submitted";

/**
 * Whether the delegation may make its submission speak for `groupId` (null: for itself alone).
 * Only the group's coordinator in this consultation, and only before the delegation's first
 * submission: a receipt never names a group other than the one its revision was sent for.
 */
export function onBehalfRefusal(facts: Window & { groupId: string | null; coordinates: boolean; hasRevisions: boolean }): OnBehalfRefusal | null {
  const closed = windowRefusal(facts);
  if (closed) return closed;
  if (facts.groupId !== null && !facts.coordinates) return "not_coordinator";
  if (facts.hasRevisions) return "already_submitted";
  return null;
}

export type InvitationRefusal = "not_open" | "deadline_passed" | "self" | "not_registered" | "already_invited";

/** Whether the submitting delegation may name a delegation as co-sponsor. */
export function invitationRefusal(facts: Window & { self: boolean; registered: boolean; existing: CosponsorState | null }): InvitationRefusal | null {
  if (facts.self) return "self";
  if (!facts.registered) return "not_registered";
  const closed = windowRefusal(facts);
  if (closed) return closed;
  // A delegation that declined or withdrew may be named again; one invited or confirmed already is.
  if (facts.existing === "invited" || facts.existing === "confirmed") return "already_invited";
  return null;
}

export type RemovalRefusal = "not_open" | "deadline_passed" | "not_invited" | "confirmed";

/**
 * Whether the submitting delegation may take a name off its list of co-sponsors: one not yet
 * answered, declined or withdrawn. A confirmed co-sponsor's consent is its own to withdraw.
 */
export function removalRefusal(facts: Window & { existing: CosponsorState | null }): RemovalRefusal | null {
  if (facts.existing === null) return "not_invited";
  const closed = windowRefusal(facts);
  if (closed) return closed;
  if (facts.existing === "confirmed") return "confirmed";
  return null;
}

export const COSPONSOR_ANSWERS = ["confirm", "decline", "withdraw"] as const;
export type CosponsorAnswer = (typeof COSPONSOR_ANSWERS)[number];
export type AnswerRefusal = "not_open" | "deadline_passed" | "not_invited" | "already_answered" | "not_confirmed" | "aligned";

/**
 * Whether the named delegation may confirm or decline (an invitation not yet answered) or withdraw
 * (a confirmed co-sponsorship), before its own deadline. A delegation aligned with the submission
 * withdraws its alignment before it co-sponsors it: it either said it or aligned with it.
 */
export function answerRefusal(answer: CosponsorAnswer, facts: Window & { state: CosponsorState | null; aligned: boolean }): AnswerRefusal | null {
  if (facts.state === null) return "not_invited";
  const closed = windowRefusal(facts);
  if (closed) return closed;
  if (answer === "withdraw") return facts.state === "confirmed" ? null : "not_confirmed";
  if (facts.state !== "invited") return "already_answered";
  if (answer === "confirm" && facts.aligned) return "aligned";
  return null;
}

export type AlignmentRefusal = "not_open" | "deadline_passed" | "self" | "not_submitted" | "cosponsor" | "already_aligned";

/**
 * Whether a delegation may align itself with a submission: another delegation's, that counts (a
 * revision submitted, not withdrawn, not a late one still held or declined), before its own deadline;
 * not one it co-sponsors (those comments are its own already). A member of the group the submission
 * speaks for may align, as members say in the room that they align themselves with their group's
 * statement: the alignment is recorded and named, the member counted once.
 */
export function alignmentRefusal(
  facts: Window & { self: boolean; targetCounts: boolean; groupMember: boolean; cosponsor: boolean; existing: AlignmentState | null },
): AlignmentRefusal | null {
  if (facts.self) return "self";
  if (!facts.targetCounts) return "not_submitted";
  const closed = windowRefusal(facts);
  if (closed) return closed;
  if (facts.cosponsor) return "cosponsor";
  if (facts.existing === "active") return "already_aligned";
  return null;
}

export type AlignmentWithdrawalRefusal = "not_open" | "deadline_passed" | "not_aligned";

export function alignmentWithdrawalRefusal(facts: Window & { existing: AlignmentState | null }): AlignmentWithdrawalRefusal | null {
  if (facts.existing !== "active") return "not_aligned";
  return windowRefusal(facts);
}

export type JointRefusal = OnBehalfRefusal | InvitationRefusal | RemovalRefusal | AnswerRefusal;

/** The message of a refusal on the joint submission page. */
export function jointRefusalMessage(reason: JointRefusal): string {
  return `submissions:joint.errors.${reason}`;
}

/** The message of a refusal on the alignment page. */
export function alignmentRefusalMessage(reason: AlignmentRefusal | AlignmentWithdrawalRefusal): string {
  return `submissions:alignment.errors.${reason}`;
}

// ---------------------------------------------------------------------------------------------
// Who speaks

export type SpeakerGroup = GroupNames & GroupArticles & { code: string; memberCount: number };
export type Speaker = { delegation: DelegationNames & DelegationArticles; group: SpeakerGroup | null };

/** A translation function that takes any key (the emails' and, cast, the pages'). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Who a submission speaks for, as a name a translation takes: the delegation's, or with a group
 * "Egypt on behalf of the Group of African States" (joint.speaker.onBehalf), which keeps the
 * delegation's article so that French and Spanish forms work ("de l’Égypte, au nom du Groupe…").
 * `t` must be a translator of the "submissions" namespace in `language`.
 */
export function speakerInSentence(t: Translate, speaker: Speaker, language: Language, options: { isolate?: boolean } = {}): NameInSentence {
  if (!speaker.group) return nameInSentence(speaker.delegation, language, options);
  const phrase = t("joint.speaker.onBehalf", {
    delegation: nameInSentence(speaker.delegation, language),
    group: groupInSentence(speaker.group, language),
  });
  const column = { ar: "nameAr", zh: "nameZh", en: "nameEn", fr: "nameFr", ru: "nameRu", es: "nameEs" } as const;
  return nameInSentence({ ...speaker.delegation, [column[language]]: phrase }, language, options);
}

// ---------------------------------------------------------------------------------------------
// The forms

const id = z.string(unreadable()).uuid();

/** The joint submission page's forms: who the submission speaks for, co-sponsors, answers to invitations. */
export const JointActionSchema = z.discriminatedUnion(
  "intent",
  [
    // "" (or nothing): the delegation speaks for itself alone.
    z.object({ intent: z.literal("on-behalf"), groupId: z.union([id, z.literal("")]).optional() }),
    // The delegation is chosen from the page's own list: an id that is not one was forged, not typed.
    z.object({
      intent: z.literal("invite"),
      delegationId: z.preprocess(
        (value) => (value === "" ? undefined : value),
        z.string({ required_error: "submissions:joint.errors.chooseDelegation" }).uuid(FORM_UNREADABLE),
      ),
    }),
    z.object({ intent: z.literal("remove"), delegationId: id }),
    z.object({ intent: z.enum(COSPONSOR_ANSWERS), submissionId: id }),
  ],
  unreadable(),
);

/** The alignment page's forms. */
export const AlignmentActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.enum(["align", "withdraw"]), submissionId: id })], unreadable());

/** The fields of a submitted form, as plain values (a form's data, or a test's object). */
export function readJointAction(fields: Record<string, unknown>) {
  return JointActionSchema.safeParse(fields);
}

export function readAlignmentAction(fields: Record<string, unknown>) {
  return AlignmentActionSchema.safeParse(fields);
}
