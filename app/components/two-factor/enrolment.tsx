import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { CodeSchema } from "~/lib/two-factor-forms";
import { CodeField } from "./code-field";
import { QrCode } from "./qr-code";
import { SubmitButton } from "~/components/ui/button";

export type EnrolmentData = { qr: { size: number; path: string }; secret: string; accountName: string };

/**
 * Setting up an authenticator app: the QR code, the same secret as text (grouped by four, for
 * typing), then a code from the app to prove it works. Posts intent=confirm to the page's action.
 */
export function Enrolment({
  enrolment,
  lastResult,
  children,
}: {
  enrolment: EnrolmentData;
  lastResult: SubmissionResult<string[]> | undefined;
  children?: ReactNode;
}) {
  const { t } = useTranslation("auth");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "two-factor-confirm",
    lastResult,
    constraint: getZodConstraint(CodeSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "confirm";
  return (
    <div className="enrolment stack">
      <ol className="enrolment__steps">
        <li>{t("twoFactor.setup.stepApp")}</li>
        <li>
          <p>{t("twoFactor.setup.stepScan")}</p>
          <QrCode qr={enrolment.qr} label={t("twoFactor.setup.qrLabel", { account: enrolment.accountName })} />
          <p className="field__help">{t("twoFactor.setup.manual")}</p>
          <p>
            <code className="totp-secret" dir="ltr">
              {enrolment.secret}
            </code>
          </p>
          <p className="field__help">{t("twoFactor.setup.manualSettings")}</p>
        </li>
        <li>
          <Form method="post" {...getFormProps(form)} className="stack">
            <input type="hidden" name="intent" value="confirm" />
            <FormErrors id={form.errorId} errors={form.errors} />
            <CodeField field={fields.code} label={t("twoFactor.setup.codeLabel")} help={t("twoFactor.codeHelp")} />
            <SubmitButton pending={busy}>{t("twoFactor.setup.confirm")}</SubmitButton>
          </Form>
        </li>
      </ol>
      {children}
    </div>
  );
}
