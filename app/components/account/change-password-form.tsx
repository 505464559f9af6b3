import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { ChangePasswordSchema } from "~/lib/account-forms";

/** Current password, then the new one twice. Works without JavaScript; checked again on the server. */
export function ChangePasswordForm({ lastResult, errorValues }: { lastResult: SubmissionResult<string[]> | undefined; errorValues?: Record<string, unknown> }) {
  const { t } = useTranslation("account");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    constraint: getZodConstraint(ChangePasswordSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "change-password";
  return (
    <Form method="post" {...getFormProps(form)} className="stack account__form">
      <input type="hidden" name="intent" value="change-password" />
      <FormErrors id={form.errorId} errors={form.errors} values={errorValues} />
      <div className="field">
        <label htmlFor={fields.currentPassword.id}>{t("password.current")}</label>
        <input {...getInputProps(fields.currentPassword, { type: "password" })} autoComplete="current-password" dir="ltr" />
        <FormErrors id={fields.currentPassword.errorId} errors={fields.currentPassword.errors} />
      </div>
      <NewPasswordFields newPassword={fields.newPassword} confirmPassword={fields.confirmPassword} />
      <p className="field__help">{t("password.othersEnd")}</p>
      <SubmitButton pending={busy}>{t("password.submit")}</SubmitButton>
    </Form>
  );
}
