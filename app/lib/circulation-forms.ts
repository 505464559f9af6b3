// The circulation page's forms, one schema for the server and the browser's validation, and the
// messages for what the model refused. Pure: no database, no request.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { MAX_COVERING_NOTE, normalizeNote } from "~/lib/note-verbale";
import type { CirculationBlocker, CirculateResult } from "~/models/circulation.server";

const note = z
  .string({ required_error: "circulation:errors.noteRequired" })
  .transform(normalizeNote)
  .pipe(z.string().min(1, "circulation:errors.noteRequired").max(MAX_COVERING_NOTE, "circulation:errors.noteTooLong"));

export const SaveSchema = z.object({ intent: z.literal("save"), coveringNote: note });
export const RegenerateSchema = z.object({ intent: z.literal("regenerate"), coveringNote: z.string().optional() });
export const CirculateSchema = z.object({
  intent: z.literal("circulate"),
  coveringNote: note,
  confirm: z.literal("on", { errorMap: () => ({ message: "circulation:errors.confirmRequired" }) }),
});
export const CloseSchema = z.object({
  intent: z.literal("close"),
  // Required before the deadline; the model decides (the closing page is where officers close).
  reason: z.string().optional(),
  confirmClose: z.literal("on", { errorMap: () => ({ message: "circulation:errors.confirmCloseRequired" }) }),
});

// One form with three buttons (save, regenerate, circulate) and a separate one to close.
export const CirculationActionSchema = z.discriminatedUnion("intent", [SaveSchema, RegenerateSchema, CirculateSchema, CloseSchema]);

/** What the action answers when it does not redirect: the form's errors, or a regenerated draft. */
export type CirculationActionData = {
  result: SubmissionResult<string[]> | null;
  regenerated: { text: string; nonce: number } | null;
};

export const blockerMessage: Record<CirculationBlocker, string> = {
  no_points: "circulation:errors.noPoints",
  no_registrations: "circulation:errors.noRegistrations",
  no_deadline: "circulation:errors.noDeadline",
  deadline_passed: "circulation:errors.deadlinePassed",
};

/** The form's messages for a circulation the model refused (not "not_found", which is a 404). */
export function circulateRefusal(refused: Extract<CirculateResult, { ok: false }>): string[] {
  return refused.reason === "blocked"
    ? (refused.blockers ?? []).map((b) => blockerMessage[b])
    : refused.reason === "not_draft"
      ? ["circulation:errors.notDraft"]
      : [`circulation:errors.${refused.reason === "note_too_long" ? "noteTooLong" : "noteRequired"}`];
}

/** The message for a closing the model refused (not "not_found", which is a 404). */
export const closeRefusal: Record<"not_open" | "reason_required" | "reason_too_long" | "invalid", string> = {
  not_open: "circulation:errors.notOpen",
  reason_required: "consultations:closing.errors.reasonRequired",
  reason_too_long: "consultations:closing.errors.reasonTooLong",
  invalid: "consultations:closing.errors.reasonInvalid",
};
