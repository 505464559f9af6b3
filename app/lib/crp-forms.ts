// The CRP page's forms (one schema for the server and the browser's validation), what its action
// answers, and the query string it reads.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import type { CrpIntroductionKey, CrpMissing } from "~/documents/crp";
import { EDITABLE_INTRODUCTION_KEYS, MAX_INTRODUCTION_NOTE } from "./crp-files";
import { unreadable } from "./form-unreadable";

const version = z.coerce.number({ invalid_type_error: "crp:errors.invalid" }).int("crp:errors.invalid").min(0, "crp:errors.invalid");

/** A text as typed: CRLF made LF, trimmed, within the limit; empty (or spaces) clears it. */
const ownWords = z
  .string()
  .default("")
  .transform((v) => v.replace(/\r\n?/g, "\n").trim())
  // Conform reads the empty text after the transform as missing: that is the empty text too.
  .pipe(z.string().max(MAX_INTRODUCTION_NOTE, "crp:errors.introductionTooLong").default(""));

/** Whether "YYYY-MM-DD" names a real calendar day ("2020-02-30" does not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Whether a date of issue is plausible: from 1990 (the oldest archives) to a year from now. */
export function isIssueDateInRange(value: string, now = new Date()): boolean {
  const limit = new Date(now.getTime() + 366 * 86_400_000).toISOString().slice(0, 10);
  return value >= "1990-01-01" && value <= limit;
}

/** The date of issue a compile form gives, "YYYY-MM-DD"; empty: today on the meeting's clock (the model's default). */
const issuedOn = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .pipe(
    z
      .string()
      .refine(isCalendarDate, "crp:errors.issuedOnInvalid")
      .refine((v) => isIssueDateInRange(v), "crp:errors.issuedOnOutOfRange")
      .optional(),
  );

/**
 * The compile form's box "leave out the [Original: …] lines": ticked, each translated delegation's
 * comments go without it; absent (a form or script that does not name it), as before: with it.
 */
const omitOriginalLines = z.boolean().optional();

// Any other intent is a forged or stale form.
export const CrpActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("draft"), expectedLatestVersion: version, issuedOn, omitOriginalLines }),
    z.object({
      intent: z.literal("final"),
      expectedLatestVersion: version,
      issuedOn,
      omitOriginalLines,
      confirm: z.literal("on", { errorMap: () => ({ message: "crp:errors.confirmRequired" }) }),
    }),
    z.object({
      intent: z.literal("paragraph"),
      key: z.enum(EDITABLE_INTRODUCTION_KEYS as [CrpIntroductionKey, ...CrpIntroductionKey[]], unreadable("crp:errors.invalid")),
      // Empty: the paragraph is left out; "reset": it follows the data again.
      text: ownWords,
      reset: z.literal("1").optional(),
    }),
    // An empty note brings back the standard paragraph.
    z.object({ intent: z.literal("introduction"), introductionNote: ownWords }),
  ],
  unreadable("crp:errors.invalid"),
);

export type CrpIntent = "draft" | "final" | "introduction" | "paragraph";

export type CrpActionAnswer = {
  intent: CrpIntent;
  /** The paragraph a refused "paragraph" answer is about. */
  key?: CrpIntroductionKey;
  result: SubmissionResult<string[]>;
  missing?: CrpMissing[];
  missingTotal?: number;
};

/** The intent a refused form named, for the page to show the errors beside the right form. */
export function intentOf(value: unknown): CrpIntent {
  return value === "final" || value === "introduction" || value === "paragraph" ? value : "draft";
}

/** The blocking list shows this many entries, then says how many more. */
export const MAX_BLOCKING_SHOWN = 200;

/** A version number from the query string, or null. */
export function versionParam(value: string | null): number | null {
  return value && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** The part of a long preview asked for ("introduction", "item-3"), or null. */
export function previewPartParam(value: string | null): string | null {
  return value && /^(introduction|item-\d{1,4})$/.test(value) ? value : null;
}

/** Why a compilation was refused, as the message shown. */
export function compileRefusalMessage(reason: "stale" | "blocked" | "not_closed" | "not_circulated" | "compiled", final: boolean): string {
  if (reason === "compiled") return final ? "crp:errors.alreadyFinal" : "crp:errors.compiled"; // the final CRP stays as issued
  return {
    stale: "crp:errors.stale",
    blocked: "crp:errors.blocked",
    not_closed: "crp:errors.notClosed",
    not_circulated: "crp:errors.notCirculated",
  }[reason];
}
