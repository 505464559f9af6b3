// The form to invite a delegate, as the secretariat's (registrations page) and the focal point's
// (mission page) forms check it: by the same schema in the browser, on submitting and then as the
// fields change, and on the server; the email's language the delegation's by default.
import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import type { Language } from "~/i18n/languages";

export function useInviteForm<Schema extends z.ZodObject<z.ZodRawShape>>(
  id: string,
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultLanguage: Language,
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue: { language: defaultLanguage } as DefaultValue<z.input<Schema>>,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}
