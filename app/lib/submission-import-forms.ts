// The two forms of the import page (a submission received by email), one schema for the server
// and the browser's validation: the upload (the details of the note, and the file or the pasted
// text) and the review (a target and wording for each paragraph). And the page's limits.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { isIdempotencyKey } from "~/lib/submission-rules";

/** Longest pasted note: a long note verbale is some 30,000 characters. */
export const MAX_PASTED = 500_000;
/** More paragraphs than any note verbale has; a review of more would help nobody. */
export const MAX_REVIEW_PARAGRAPHS = 1_000;
export const PASTED_FILENAME = "pasted-text.txt";

export const importError = (key: string) => `submissions:importPage.errors.${key}`;

const languageField = z.enum(LANGUAGE_CODES as [Language, ...Language[]], { errorMap: () => ({ message: "submissions:errors.languageUnknown" }) });

const details = {
  delegationId: z.string({ required_error: importError("delegationRequired") }).uuid(importError("delegationRequired")),
  receivedDate: z.string({ required_error: "consultations:errors.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "consultations:errors.dateInvalid"),
  receivedTime: z.string({ required_error: "consultations:errors.required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "consultations:errors.timeInvalid"),
};

export const UploadSchema = z.object({
  intent: z.literal("preview"),
  ...details,
  // Empty: read from the text.
  language: languageField.optional(),
  pasted: z.string().max(MAX_PASTED, importError("pastedTooLong")).optional(),
  keptId: z.string().optional(),
});

export const ReviewSchema = z.object({
  intent: z.literal("save"),
  ...details,
  language: languageField,
  attachmentId: z.string().uuid(),
  idempotencyKey: z.string().refine(isIdempotencyKey, "submissions:errors.idempotencyKeyInvalid"),
  rows: z
    .array(z.object({ target: z.string({ required_error: importError("targetInvalid") }), proposedText: z.string().optional() }))
    .max(MAX_REVIEW_PARAGRAPHS)
    .default([]),
});

/** The original kept from an upload refused for another reason, so that it need not be chosen again. */
export type KeptOriginal = { id: string; filename: string; size: number };

/** A posted field as text ("" when missing or a file). */
export const formText = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

export const newIdempotencyKey = () => `import-${globalThis.crypto.randomUUID()}`;

type Reply = {
  status?: "success" | "error";
  error?: Record<string, string[] | null> | null;
  reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>;
};

/** Conform's reply with more errors, added to (not replacing) those the schema found. */
export function replyWith(submission: Reply, formErrors: string[], fieldErrors: Record<string, string[]>): SubmissionResult<string[]> {
  const merged: Record<string, string[]> = {};
  for (const [name, errors] of Object.entries(submission.error ?? {})) if (errors?.length) merged[name] = [...errors];
  for (const [name, errors] of Object.entries(fieldErrors)) merged[name] = [...(merged[name] ?? []), ...errors];
  const { "": fromSchema = [], ...fields } = merged;
  return submission.reply({ formErrors: [...fromSchema, ...formErrors], fieldErrors: fields });
}

/** What the form says when the model refuses to save the import (its 404 aside), and the status. */
export function saveRefusal(reason: "not_found" | "not_open" | "empty" | "received_in_future" | "idempotency_key_invalid" | "invalid"): {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
  status: number;
} {
  switch (reason) {
    case "not_found":
      return { formErrors: [], fieldErrors: { delegationId: [importError("delegationNotRegistered")] }, status: 400 };
    case "not_open":
      return { formErrors: [importError("compiled")], fieldErrors: {}, status: 409 };
    case "empty":
      return { formErrors: [importError("nothingToSave")], fieldErrors: {}, status: 400 };
    case "received_in_future":
      return { formErrors: [], fieldErrors: { receivedDate: [importError("receivedInFuture")] }, status: 400 };
    case "idempotency_key_invalid":
      return { formErrors: ["submissions:errors.idempotencyKeyInvalid"], fieldErrors: {}, status: 400 };
    case "invalid":
      return { formErrors: [importError("notSaved")], fieldErrors: {}, status: 400 };
  }
}
