import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { CodeField } from "~/components/two-factor/code-field";
import { SubmitButton } from "~/components/ui/button";
import { CodeSchema, DisableTwoFactorSchema } from "~/lib/two-factor-forms";

/** A form that asks only for a current code (new recovery codes). */
export function CodeOnlyForm({
  id,
  intent,
  lastResult,
  errorValues,
  submitLabel,
}: {
  id: string;
  intent: string;
  lastResult: SubmissionResult<string[]> | undefined;
  errorValues?: Record<string, unknown>;
  submitLabel: string;
}) {
  const { t } = useTranslation("auth");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    constraint: getZodConstraint(CodeSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Form method="post" {...getFormProps(form)} className="stack account__form">
      <input type="hidden" name="intent" value={intent} />
      <FormErrors id={form.errorId} errors={form.errors} values={errorValues} />
      <CodeField field={fields.code} label={t("twoFactor.codeLabel")} help={t("twoFactor.codeHelp")} />
      <SubmitButton variant="secondary" pending={busy}>
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}

/** Turning two-factor sign-in off: the password and a current code. */
export function DisableForm({ lastResult, errorValues }: { lastResult: SubmissionResult<string[]> | undefined; errorValues?: Record<string, unknown> }) {
  const { t } = useTranslation(["account", "auth"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "two-factor-disable",
    lastResult,
    constraint: getZodConstraint(DisableTwoFactorSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DisableTwoFactorSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "disable";
  return (
    <Form method="post" {...getFormProps(form)} className="stack account__form">
      <input type="hidden" name="intent" value="disable" />
      <FormErrors id={form.errorId} errors={form.errors} values={errorValues} />
      <div className="field">
        <label htmlFor={fields.password.id}>{t("account:twoFactor.disable.password")}</label>
        <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" dir="ltr" />
        <FormErrors id={fields.password.errorId} errors={fields.password.errors} />
      </div>
      <CodeField field={fields.code} label={t("auth:twoFactor.codeLabel")} help={t("account:twoFactor.disable.codeHelp")} />
      <SubmitButton variant="danger" pending={busy}>
        {t("account:twoFactor.disable.submit")}
      </SubmitButton>
    </Form>
  );
}
