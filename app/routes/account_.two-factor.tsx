// /account/two-factor — one's own two-factor sign-in: set up an authenticator app, new recovery
// codes, or (chairs and delegates; the secretariat must keep it) turn it off.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CodeOnlyForm, DisableForm } from "~/components/two-factor/account-forms";
import { Enrolment } from "~/components/two-factor/enrolment";
import { RecoveryCodes } from "~/components/two-factor/recovery-codes";
import { Button, SubmitButton } from "~/components/ui/button";
import { Notice, useNotice } from "~/components/ui/notice";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { retryAfterMessage } from "~/lib/login-throttle";
import { paths } from "~/lib/paths";
import { formatRecoveryCode, groupSecret, otpauthUri } from "~/lib/two-factor";
import { CodeSchema, DisableTwoFactorSchema } from "~/lib/two-factor-forms";
import { mustUseTwoFactor } from "~/lib/permissions";
import {
  type DisableResult,
  type RegenerateResult,
  cancelEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  startEnrolment,
} from "~/models/two-factor.server";
import { clientAddress, requireUser } from "~/utils/auth.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import { qrPath } from "~/utils/qr-code.server";
import type { TitleHandle } from "~/components/ui/document-title";
import accountStylesheet from "~/styles/account.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => `${t("account:twoFactor.title")} · ${t("account:title")}` };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStylesheet }];

const PAGE = paths.accountTwoFactor();

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await getTwoFactorStatus(user.id);
  if (!status) throw data({ reason: "not_found" }, { status: 404 });
  return {
    enabled: status.enabled,
    enabledAt: status.enabledAt,
    recoveryCodesLeft: status.recoveryCodesLeft,
    required: mustUseTwoFactor(user),
    timeZone: user.timeZone ?? "UTC",
    enrolment:
      !status.enabled && status.pendingSecret
        ? {
            qr: qrPath(otpauthUri(status.pendingSecret, user.email)),
            secret: groupSecret(status.pendingSecret),
            accountName: user.email,
          }
        : null,
    // Left by the action's redirect: two-factor sign-in turned off.
    notice: await readNotice(request, ["twoFactor.disabled"]),
  };
}

type Intent = "confirm" | "regenerate" | "disable";

type SubmissionResultReply = (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }) => SubmissionResult<string[]>;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ipAddress = clientAddress(context);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const reply = (which: Intent, result: SubmissionResult<string[]>, status: number, retryAfter: { count: number } | null = null, headers?: HeadersInit) =>
    data({ intent: which, result, codes: null, retryAfter }, { status, headers });

  if (intent === "start") {
    await startEnrolment(user.id);
    throw redirect(PAGE);
  }
  if (intent === "cancel") {
    await cancelEnrolment(user.id);
    throw redirect(PAGE);
  }

  if (intent === "confirm") {
    const submission = parseWithZod(formData, { schema: CodeSchema });
    if (submission.status !== "success") return reply("confirm", submission.reply({ hideFields: ["code"] }), 400);
    const result = await confirmEnrolment(user.id, submission.value.code, ipAddress);
    if (!result.ok) {
      if (result.reason === "not_started") throw redirect(PAGE);
      const message = result.reason === "format" ? "auth:twoFactor.errors.format" : "auth:twoFactor.errors.setupInvalid";
      return reply("confirm", submission.reply({ fieldErrors: { code: [message] }, hideFields: ["code"] }), 400);
    }
    return data({ intent: "confirm" as Intent, result: undefined, codes: result.recoveryCodes.map(formatRecoveryCode), retryAfter: null });
  }

  const hidden = { hideFields: ["code", "password"] };
  /** A refusal of a code (or of the password) in the language of the form that sent it. */
  const refuse = (
    which: "regenerate" | "disable",
    submission: { reply: (options?: Parameters<SubmissionResultReply>[0]) => SubmissionResult<string[]> },
    result: Exclude<RegenerateResult | DisableResult, { ok: true } | { ok: true; recoveryCodes: string[] }>,
  ) => {
    switch (result.reason) {
      case "throttled": {
        const message = retryAfterMessage(result.retryAfterSeconds);
        return reply(
          which,
          submission.reply({ formErrors: [message.key], ...hidden }),
          429,
          { count: message.count },
          {
            "Retry-After": String(result.retryAfterSeconds),
          },
        );
      }
      case "required":
        return reply(which, submission.reply({ formErrors: ["auth:twoFactor.errors.required"], ...hidden }), 403);
      case "not_enabled":
        throw redirect(PAGE);
      case "wrong_password":
        return reply(which, submission.reply({ fieldErrors: { password: ["auth:twoFactor.errors.wrongPassword"] }, ...hidden }), 400);
      case "format":
        return reply(which, submission.reply({ fieldErrors: { code: ["auth:twoFactor.errors.format"] }, ...hidden }), 400);
      case "replay":
        return reply(which, submission.reply({ fieldErrors: { code: ["auth:twoFactor.errors.replay"] }, ...hidden }), 400);
      case "invalid":
        return reply(which, submission.reply({ fieldErrors: { code: ["auth:twoFactor.errors.invalid"] }, ...hidden }), 400);
    }
  };

  if (intent === "regenerate") {
    const submission = parseWithZod(formData, { schema: CodeSchema });
    if (submission.status !== "success") return reply(intent, submission.reply(hidden), 400);
    const result = await regenerateRecoveryCodes(user, { code: submission.value.code, ipAddress });
    if (!result.ok) return refuse(intent, submission, result);
    return data({ intent: "regenerate" as Intent, result: undefined, codes: result.recoveryCodes.map(formatRecoveryCode), retryAfter: null });
  }

  if (intent === "disable") {
    const submission = parseWithZod(formData, { schema: DisableTwoFactorSchema });
    if (submission.status !== "success") return reply(intent, submission.reply(hidden), 400);
    const result = await disableTwoFactor(user, { ...submission.value, ipAddress });
    if (!result.ok) return refuse(intent, submission, result);
    throw await redirectWithNotice(request, PAGE, { kind: "twoFactor.disabled" });
  }

  throw data({ reason: "bad_request" }, { status: 400 });
}

export default function AccountTwoFactorPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const disabledNotice = useNotice(loaderData.notice);
  const { t, i18n } = useTranslation(["account", "auth"]);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const language = i18n.language as Language;
  const lastFor = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined);
  const errorValues = (intent: Intent) => (actionData?.intent === intent ? (actionData.retryAfter ?? undefined) : undefined);

  return (
    <section className="account two-factor" aria-labelledby="two-factor-title">
      <p className="eyebrow">
        <Link to={paths.account()}>{t("account:title")}</Link>
      </p>
      <h1 id="two-factor-title">{t("account:twoFactor.title")}</h1>
      {disabledNotice && !loaderData.enabled ? (
        // .flash: tests/e2e/two-factor.spec.ts finds the confirmation by it.
        <Notice tone="success" className="flash">
          {t("account:twoFactor.notices.disabled")}
        </Notice>
      ) : null}

      {actionData?.codes ? (
        <div className="panel">
          <Notice tone="success">
            {actionData.intent === "confirm" ? t("account:twoFactor.notices.enabled") : t("account:twoFactor.notices.regenerated")}
          </Notice>
          <RecoveryCodes codes={actionData.codes}>
            <p>
              <Button to={PAGE}>{t("auth:twoFactor.recovery.saved")}</Button>
            </p>
          </RecoveryCodes>
        </div>
      ) : loaderData.enabled ? (
        <>
          <div className="panel">
            <p>
              {t("account:twoFactor.onSince", {
                date: loaderData.enabledAt ? formatInstant(loaderData.enabledAt, language, loaderData.timeZone) : "",
              })}
            </p>
            {loaderData.required ? <p className="note">{t("account:twoFactor.required")}</p> : null}
          </div>

          <section className="panel" aria-labelledby="recovery-title">
            <h2 id="recovery-title">{t("account:twoFactor.recovery.title")}</h2>
            <p data-testid="recovery-left">{t("account:twoFactor.recovery.left", { count: loaderData.recoveryCodesLeft })}</p>
            <p className="muted">{t("account:twoFactor.recovery.regenerateIntro")}</p>
            <CodeOnlyForm
              id="two-factor-regenerate"
              intent="regenerate"
              lastResult={lastFor("regenerate")}
              errorValues={errorValues("regenerate")}
              submitLabel={t("account:twoFactor.recovery.regenerate")}
            />
          </section>

          {loaderData.required ? null : (
            <section className="panel" aria-labelledby="disable-title">
              <h2 id="disable-title">{t("account:twoFactor.disable.title")}</h2>
              <p className="muted">{t("account:twoFactor.disable.intro")}</p>
              <DisableForm lastResult={lastFor("disable")} errorValues={errorValues("disable")} />
            </section>
          )}
        </>
      ) : loaderData.enrolment ? (
        <div className="panel">
          <Enrolment enrolment={loaderData.enrolment} lastResult={lastFor("confirm")}>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <SubmitButton variant="secondary" pending={busy}>
                {t("account:twoFactor.cancel")}
              </SubmitButton>
            </Form>
          </Enrolment>
        </div>
      ) : (
        <div className="panel">
          <p>{t("account:twoFactor.off")}</p>
          <p className="muted">{loaderData.required ? t("account:twoFactor.required") : t("account:twoFactor.offered")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <SubmitButton pending={busy}>{t("auth:twoFactor.setup.start")}</SubmitButton>
          </Form>
        </div>
      )}
    </section>
  );
}
