import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { writeDiplomaticInstant } from "~/lib/diplomatic-instant";
import type { T } from "~/lib/mission-message";
import type { Language } from "~/i18n/languages";
import { paths } from "~/lib/paths";
import { MAX_DECISION_REASON } from "~/lib/submission-rules";

/**
 * The closing form, checked the same way in the browser and on the server. Whether a reason is
 * required depends on the clock, so the server decides that (the model refuses an early closing
 * without one, changing nothing).
 */
export const CloseSchema = z.object({
  intent: z.literal("close"),
  reason: z.string().max(MAX_DECISION_REASON, "consultations:closing.errors.reasonTooLong").optional(),
  confirmClose: z.literal("on", { errorMap: () => ({ message: "consultations:closing.errors.confirmRequired" }) }),
});

/** Closing the period: before the deadline, a warning with the deadline and a required reason. */
export function CloseForm({
  consultationId,
  deadline,
  timeZone,
  lastResult,
}: {
  consultationId: string;
  /** The deadline when closing now would be early, else null. */
  deadline: string | Date | null;
  timeZone: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t, i18n } = useTranslation("consultations");
  const navigation = useNavigation();
  const early = deadline !== null;
  const [form, fields] = useForm({
    id: `close-${consultationId}`,
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) =>
      parseWithZod(formData, {
        schema: early
          ? CloseSchema.extend({
              reason: z
                .string({ required_error: "consultations:closing.errors.reasonRequired" })
                .trim()
                .min(1, "consultations:closing.errors.reasonRequired")
                .max(MAX_DECISION_REASON, "consultations:closing.errors.reasonTooLong"),
            })
          : CloseSchema,
      }),
  });
  return (
    <section className="panel stack" aria-labelledby="close-title">
      <h2 id="close-title">{t("closing.close.title")}</h2>
      {early ? (
        <p className="circulation__warning">
          {t("closing.close.early", { deadline: writeDiplomaticInstant(t as T, deadline, i18n.language as Language, timeZone) })}
        </p>
      ) : (
        <p>{t("closing.close.atDeadline")}</p>
      )}
      <p>{t("closing.close.notify")}</p>
      <Form method="post" action={paths.closing(consultationId)} {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="close" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.reason.id}>{early ? t("closing.close.reason") : t("closing.close.reasonOptional")}</label>
          <p className="field__help" id={fields.reason.descriptionId}>
            {t("closing.close.reasonHelp")}
          </p>
          <textarea
            {...getTextareaProps(fields.reason, { ariaDescribedBy: fields.reason.descriptionId })}
            key={fields.reason.key}
            rows={4}
            dir="auto"
            required={early}
          />
          <FormErrors id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <div className="circulation__confirm">
          <input {...getInputProps(fields.confirmClose, { type: "checkbox" })} key={fields.confirmClose.key} />
          <label htmlFor={fields.confirmClose.id}>{t("closing.close.confirm")}</label>
        </div>
        <FormErrors id={fields.confirmClose.errorId} errors={fields.confirmClose.errors} />
        <SubmitButton variant="danger" pending={navigation.state !== "idle"}>
          {t("closing.close.button")}
        </SubmitButton>
      </Form>
    </section>
  );
}
