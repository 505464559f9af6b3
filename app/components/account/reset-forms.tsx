import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { ResetPasswordSchema, ResetRequestSchema } from "~/lib/account-forms";

/** "Forgot your password?": the address to send the link to. */
export function ResetRequestForm({ lastResult, defaultEmail }: { lastResult: SubmissionResult<string[]> | undefined; defaultEmail?: string }) {
  const { t } = useTranslation("account");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "password-reset-request",
    lastResult,
    defaultValue: { email: defaultEmail ?? "" },
    constraint: getZodConstraint(ResetRequestSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetRequestSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.email.id}>{t("reset.email")}</label>
        <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" dir="ltr" autoFocus />
        <FormErrors id={fields.email.errorId} errors={fields.email.errors} />
      </div>
      <SubmitButton pending={navigation.state === "submitting"}>{t("reset.send")}</SubmitButton>
    </Form>
  );
}

/** The new password, twice, on the page a reset link opens. */
export function ResetPasswordForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("account");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "password-reset",
    lastResult,
    constraint: getZodConstraint(ResetPasswordSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <NewPasswordFields newPassword={fields.newPassword} confirmPassword={fields.confirmPassword} autoFocus />
      <p className="field__help">{t("reset.allSessionsEnd")}</p>
      <SubmitButton pending={navigation.state === "submitting"}>{t("reset.submit")}</SubmitButton>
    </Form>
  );
}
