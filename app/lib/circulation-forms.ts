// The circulation page's forms, one schema for the server and the browser's validation, and the
// messages for what the model refused. Pure: no database, no request.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import type { Language } from "~/i18n/languages";
import { unreadable } from "~/lib/form-unreadable";
import { MAX_COVERING_NOTE, NOTE_TRANSLATION_LANGUAGES, normalizeNote, type CoveringNoteTranslations } from "~/lib/covering-note";
import type { CirculationBlocker, CirculateResult } from "~/models/circulation.server";

// Conform reads an empty text as missing, also after the transform (a note of spaces): both say "required".
const note = z
  .string({ required_error: "circulation:errors.noteRequired" })
  .transform(normalizeNote)
  .pipe(
    z
      .string({ required_error: "circulation:errors.noteRequired" })
      .min(1, "circulation:errors.noteRequired")
      .max(MAX_COVERING_NOTE, "circulation:errors.noteTooLong"),
  );

// The note in another official language: optional (an empty box means none, and readers of that
// language receive the English note); posted as translations.fr, translations.ru…
// A box of spaces is an empty box (Conform reads the empty text after the transform as missing).
const translation = z.string().transform(normalizeNote).pipe(z.string().max(MAX_COVERING_NOTE, "circulation:errors.noteTooLong").optional()).optional();
// Absent when the form had no such boxes: the model keeps the saved translations then.
const translations = z.object({ ar: translation, zh: translation, fr: translation, ru: translation, es: translation }).optional();

/** The button that drafts the note from the data in a language: "regenerate" for English, "regenerate-fr"… */
export const REGENERATE_INTENTS = ["regenerate", "regenerate-ar", "regenerate-zh", "regenerate-fr", "regenerate-ru", "regenerate-es"] as const;
export type RegenerateIntent = (typeof REGENERATE_INTENTS)[number];
export const regenerateIntent = (language: Language): RegenerateIntent =>
  language === "en" ? "regenerate" : `regenerate-${language as (typeof NOTE_TRANSLATION_LANGUAGES)[number]}`;
export const regeneratedLanguage = (intent: RegenerateIntent): Language => (intent === "regenerate" ? "en" : (intent.slice("regenerate-".length) as Language));

export const SaveSchema = z.object({ intent: z.literal("save"), coveringNote: note, translations });
export const RegenerateSchema = z.object({ intent: z.enum(REGENERATE_INTENTS), coveringNote: z.string().optional(), translations });
export const CirculateSchema = z.object({
  intent: z.literal("circulate"),
  coveringNote: note,
  translations,
  confirm: z.literal("on", { errorMap: () => ({ message: "circulation:errors.confirmRequired" }) }),
});
export const CloseSchema = z.object({
  intent: z.literal("close"),
  // Required before the deadline; the model decides (the closing page is where officers close).
  reason: z.string().optional(),
  confirmClose: z.literal("on", { errorMap: () => ({ message: "circulation:errors.confirmCloseRequired" }) }),
});

// One form with three buttons (save, regenerate, circulate) and a separate one to close; any
// other intent is a forged or stale form.
export const CirculationActionSchema = z.discriminatedUnion("intent", [SaveSchema, RegenerateSchema, CirculateSchema, CloseSchema], unreadable());

/**
 * What the action answers when it does not redirect: the form's errors, or a note drafted again in
 * one language, with the texts the officer had typed in the others (they stay in their boxes).
 */
export type CirculationActionData = {
  result: SubmissionResult<string[]> | null;
  regenerated: {
    language: Language;
    text: string;
    nonce: number;
    typed: { coveringNote: string | null; translations: CoveringNoteTranslations | null };
  } | null;
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
