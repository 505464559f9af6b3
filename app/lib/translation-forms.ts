// The translation editor's form: one Zod schema, used by the server's action and by Conform in the
// browser, and the field errors of a refused text. Pure, no I/O.
import { z } from "zod";
import { unreadable } from "~/lib/form-unreadable";

/** More paragraphs than any comment has; more is a forged request. */
export const MAX_PARAGRAPHS = 2_000;

const E = (key: string) => `translations:errors.${key}`;

const paragraphs = z
  .array(z.string().optional(), { invalid_type_error: E("invalid") })
  .max(MAX_PARAGRAPHS, E("invalid"))
  .optional();

export const TranslationSchema = z.object({
  // "draft" and "final" save; "suggest" asks the machine-translation provider.
  intent: z.enum(["draft", "final", "suggest"], unreadable(E("invalid"))),
  expectedVersion: z.coerce
    .number({ invalid_type_error: E("invalid"), required_error: E("invalid") })
    .int(E("invalid"))
    .min(0, E("invalid")),
  // A hidden field: anything but "0" or "1" is a forged or stale form.
  machineAssisted: z.enum(["0", "1"], unreadable(E("invalid"))).optional(),
  body: paragraphs,
  proposed: paragraphs,
});

/** Each refused text's problem as an error of its field: "body", or "proposed" for the proposed wording. */
export function textFieldErrors(problems: readonly { field: string; problem: string }[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const problem of problems) {
    const field = problem.field === "proposedText" ? "proposed" : "body";
    (fieldErrors[field] ??= []).push(E(problem.problem));
  }
  return fieldErrors;
}
