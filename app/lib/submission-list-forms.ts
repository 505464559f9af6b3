// The two forms of the secretariat's list of submissions, one schema for the server and the
// browser's validation: the decision on a late submission, and the extension of a delegation's
// deadline. And what the page's action answers.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { MAX_DECISION_REASON, normalizeCommentText, textProblems } from "~/lib/submission-rules";

export const listError = (key: string) => `submissions:secretariat.errors.${key}`;

export const DecisionSchema = z.object({
  intent: z.literal("decide"),
  revisionId: z.string({ required_error: "submissions:errors.invalid" }).uuid("submissions:errors.invalid"),
  // The same rule as isDelegationCode, which lives in a server module.
  delegationCode: z.string({ required_error: "submissions:errors.invalid" }).regex(/^[A-Z]{2,3}$/, "submissions:errors.invalid"),
  decision: z.enum(["accepted", "declined"], { errorMap: () => ({ message: listError("chooseDecision") }) }),
  reason: z
    .string({ required_error: "submissions:errors.reasonRequired" })
    .transform(normalizeCommentText)
    // Conform reads an empty text as missing, also after the transform: both say "required".
    .pipe(
      z
        .string({ required_error: "submissions:errors.reasonRequired" })
        .min(1, "submissions:errors.reasonRequired")
        .max(MAX_DECISION_REASON, "submissions:errors.reasonTooLong")
        // Control and bidi-override characters (the length has its own message above).
        .refine((value) => textProblems(value, Infinity).length === 0, listError("reasonInvisible")),
    ),
});

export const ExtensionSchema = z.object({
  intent: z.literal("extend"),
  delegationId: z.string({ required_error: listError("chooseDelegation") }).uuid(listError("chooseDelegation")),
  date: z.string({ required_error: "consultations:errors.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "consultations:errors.dateInvalid"),
  time: z.string({ required_error: "consultations:errors.required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "consultations:errors.timeInvalid"),
});

export const SubmissionListActionSchema = z.discriminatedUnion("intent", [DecisionSchema, ExtensionSchema]);

export type SubmissionListAnswer = {
  intent: "decide" | "extend" | null;
  /** The revision or delegation the form was about, so that only that form shows the answer. */
  target: string | null;
  result: SubmissionResult<string[]>;
};

/** The message for a decision the model refused (not "not_found", which is a 404). */
export const decisionRefusal: Record<"not_pending" | "reason_required" | "reason_too_long" | "invalid", string> = {
  not_pending: "submissions:errors.notPending",
  reason_required: "submissions:errors.reasonRequired",
  reason_too_long: "submissions:errors.reasonTooLong",
  invalid: listError("reasonInvisible"),
};

type Errors = { formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** The form's errors for an extension the model refused (not "not_found", which is a 404). */
export function extensionRefusal(reason: "not_open" | "invalid" | "extension_not_later" | "extension_past"): Errors {
  return {
    not_open: { formErrors: [listError("notOpenForExtensions")] },
    invalid: { fieldErrors: { date: ["consultations:errors.dateInvalid"] } },
    extension_not_later: { fieldErrors: { date: ["submissions:errors.extensionNotLater"] } },
    extension_past: { fieldErrors: { date: ["submissions:errors.extensionPast"] } },
  }[reason];
}
