// /login/two-factor — the second step of signing in: a code from the authenticator app, or one of
// the recovery codes. Only a pending sign-in (the password was right, minutes ago) reaches it.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { CodeField } from "~/components/two-factor/code-field";
import { SignInExpired } from "~/components/two-factor/sign-in-expired";
import { SubmitButton } from "~/components/ui/button";
import { retryAfterMessage } from "~/lib/login-throttle";
import { paths } from "~/lib/paths";
import { CodeSchema } from "~/lib/two-factor-forms";
import { verifySecondFactor } from "~/models/two-factor.server";
import { clientAddress, completeSignIn, getOptionalUser } from "~/utils/auth.server";
import { demoCodeFor, readPendingSignIn, SECOND_STEP_PATH } from "~/utils/two-factor.server";
import type { TitleHandle } from "~/components/ui/document-title";
import accountStylesheet from "~/styles/account.css?url";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("auth:twoFactor.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStylesheet }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect(paths.home());
  const found = await readPendingSignIn(request);
  if (found.state === "none") throw redirect(paths.login());
  if (found.state === "expired") return { state: "expired" as const, email: null, demoCode: null };
  if (found.pending.stage !== "verify") throw redirect(SECOND_STEP_PATH.enrol);
  return { state: "live" as const, email: found.user.email, demoCode: await demoCodeFor(found.user.id) };
}

type Which = "totp" | "recovery";

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const which: Which = formData.get("intent") === "recovery" ? "recovery" : "totp";
  const submission = parseWithZod(formData, { schema: CodeSchema });
  const refuse = (status: number, reply: Parameters<typeof submission.reply>[0], retryAfter: { count: number } | null = null, headers?: HeadersInit) =>
    data({ which, result: submission.reply({ ...reply, hideFields: ["code"] }), retryAfter, expired: false }, { status, headers });

  const found = await readPendingSignIn(request);
  if (found.state !== "live" || found.pending.stage !== "verify") {
    return data({ which, result: submission.reply({ hideFields: ["code"] }), retryAfter: null, expired: true }, { status: 401 });
  }
  if (submission.status !== "success") return refuse(400, {});

  const check = await verifySecondFactor(found.user.id, submission.value.code, clientAddress(context));
  if (check.ok) {
    return completeSignIn({ request, context, user: found.user, redirectTo: found.pending.redirectTo, secondFactor: check.method });
  }
  switch (check.reason) {
    case "throttled": {
      const message = retryAfterMessage(check.retryAfterSeconds);
      return refuse(429, { formErrors: [message.key] }, { count: message.count }, { "Retry-After": String(check.retryAfterSeconds) });
    }
    case "not_enabled":
      return data({ which, result: submission.reply({ hideFields: ["code"] }), retryAfter: null, expired: true }, { status: 401 });
    case "format":
      return refuse(400, { fieldErrors: { code: [which === "recovery" ? "auth:twoFactor.errors.recoveryFormat" : "auth:twoFactor.errors.format"] } });
    case "replay":
      return refuse(400, { fieldErrors: { code: ["auth:twoFactor.errors.replay"] } });
    case "invalid":
      return refuse(400, {
        fieldErrors: { code: [which === "recovery" ? "auth:twoFactor.errors.recoveryInvalid" : "auth:twoFactor.errors.invalid"] },
      });
  }
}

export default function TwoFactorPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  if (loaderData.state === "expired" || actionData?.expired) return <SignInExpired titleId="two-factor-title" />;
  const lastFor = (which: Which) => (actionData?.which === which ? actionData.result : undefined);
  return (
    <section className="narrow two-factor" aria-labelledby="two-factor-title">
      <h1 id="two-factor-title">{t("twoFactor.title")}</h1>
      <p>{t("twoFactor.intro")}</p>
      <p className="muted">
        {t("twoFactor.signingInAs")} <bdi dir="ltr">{loaderData.email}</bdi>
      </p>
      {loaderData.demoCode ? (
        <p className="note" data-testid="demo-code">
          {t("twoFactor.demoCode")} <code dir="ltr">{loaderData.demoCode}</code>
        </p>
      ) : null}
      <CodeForm which="totp" lastResult={lastFor("totp")} errorValues={actionData?.which === "totp" ? (actionData.retryAfter ?? undefined) : undefined} />
      <details className="two-factor__recovery" open={actionData?.which === "recovery"}>
        <summary>{t("twoFactor.useRecovery")}</summary>
        <p>{t("twoFactor.recoveryIntro")}</p>
        <CodeForm
          which="recovery"
          lastResult={lastFor("recovery")}
          errorValues={actionData?.which === "recovery" ? (actionData.retryAfter ?? undefined) : undefined}
        />
      </details>
      <p>
        <Link to={paths.login()}>{t("twoFactor.startAgain")}</Link>
      </p>
    </section>
  );
}

function CodeForm({
  which,
  lastResult,
  errorValues,
}: {
  which: Which;
  lastResult: SubmissionResult<string[]> | undefined;
  errorValues?: Record<string, unknown>;
}) {
  const { t } = useTranslation("auth");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: which === "totp" ? "two-factor" : "two-factor-recovery",
    lastResult,
    constraint: getZodConstraint(CodeSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === which;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value={which} />
      <FormErrors id={form.errorId} errors={form.errors} values={errorValues} />
      {which === "totp" ? (
        <CodeField field={fields.code} label={t("twoFactor.codeLabel")} help={t("twoFactor.codeHelp")} autoFocus />
      ) : (
        <CodeField field={fields.code} kind="recovery" label={t("twoFactor.recoveryLabel")} help={t("twoFactor.recoveryHelp")} />
      )}
      <SubmitButton pending={busy}>{which === "totp" ? t("twoFactor.submit") : t("twoFactor.submitRecovery")}</SubmitButton>
    </Form>
  );
}
