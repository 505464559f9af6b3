// /login/two-factor/setup — the secretariat's first sign-in without an authenticator app: set one
// up (QR code, then a code from it), see the recovery codes once, and only then a session.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Enrolment } from "~/components/two-factor/enrolment";
import { RecoveryCodes } from "~/components/two-factor/recovery-codes";
import { SignInExpired } from "~/components/two-factor/sign-in-expired";
import { SubmitButton } from "~/components/ui/button";
import { paths } from "~/lib/paths";
import { formatRecoveryCode, groupSecret, otpauthUri } from "~/lib/two-factor";
import { CodeSchema } from "~/lib/two-factor-forms";
import { confirmEnrolment, startEnrolment } from "~/models/two-factor.server";
import { clientAddress, completeSignIn, getOptionalUser } from "~/utils/auth.server";
import { qrPath } from "~/utils/qr-code.server";
import { pendingCookieHeader, readPendingSignIn, SECOND_STEP_PATH, type PendingSignIn } from "~/utils/two-factor.server";
import type { TitleHandle } from "~/components/ui/document-title";
import accountStylesheet from "~/styles/account.css?url";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("auth:twoFactor.setup.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStylesheet }];

const moveTo = async (request: Request, pending: PendingSignIn, stage: PendingSignIn["stage"], to: string) =>
  redirect(to, {
    headers: { "Set-Cookie": await pendingCookieHeader(request, { ...pending, stage, issuedAt: pending.issuedAt }) },
  });

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect(paths.home());
  const found = await readPendingSignIn(request);
  if (found.state === "none") throw redirect(paths.login());
  if (found.state === "expired") return { state: "expired" as const };
  const { pending, user, status } = found;
  if (pending.stage === "verify") throw redirect(SECOND_STEP_PATH.verify);
  if (pending.stage === "enrolled") return { state: "enrolled" as const };
  // Set up meanwhile (another tab): a code is what is due now.
  if (status.enabled) throw await moveTo(request, pending, "verify", SECOND_STEP_PATH.verify);
  if (!status.pendingSecret) return { state: "start" as const };
  return {
    state: "scan" as const,
    enrolment: {
      qr: qrPath(otpauthUri(status.pendingSecret, user.email)),
      secret: groupSecret(status.pendingSecret),
      accountName: user.email,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const found = await readPendingSignIn(request);
  if (found.state !== "live" || found.pending.stage === "verify") throw redirect(SECOND_STEP_PATH.enrol);
  const { pending, user, status } = found;

  if (intent === "finish") {
    // The codes have been shown: now, and only now, the session.
    if (pending.stage !== "enrolled" || !status.enabled) throw redirect(SECOND_STEP_PATH.enrol);
    return completeSignIn({ request, context, user, redirectTo: pending.redirectTo, secondFactor: "enrolment" });
  }
  if (pending.stage !== "enrol") throw redirect(SECOND_STEP_PATH.enrol);

  if (intent === "start") {
    await startEnrolment(user.id);
    // A fresh quarter of an hour to scan the code.
    throw await moveTo(request, pending, "enrol", SECOND_STEP_PATH.enrol);
  }

  if (intent === "confirm") {
    const submission = parseWithZod(formData, { schema: CodeSchema });
    if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["code"] }), codes: null }, { status: 400 });
    const result = await confirmEnrolment(user.id, submission.value.code, clientAddress(context));
    if (!result.ok) {
      if (result.reason === "not_started") throw redirect(SECOND_STEP_PATH.enrol);
      const message = result.reason === "format" ? "auth:twoFactor.errors.format" : "auth:twoFactor.errors.setupInvalid";
      return data({ result: submission.reply({ fieldErrors: { code: [message] }, hideFields: ["code"] }), codes: null }, { status: 400 });
    }
    const cookie = await pendingCookieHeader(request, { ...pending, stage: "enrolled", issuedAt: pending.issuedAt });
    return data({ result: undefined, codes: result.recoveryCodes.map(formatRecoveryCode) }, { headers: { "Set-Cookie": cookie } });
  }

  throw data({ reason: "bad_request" }, { status: 400 });
}

export default function TwoFactorSetupPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";

  if (loaderData.state === "expired") return <SignInExpired titleId="setup-title" />;

  const finish = (
    <Form method="post">
      <input type="hidden" name="intent" value="finish" />
      <SubmitButton pending={busy}>{t("twoFactor.recovery.saved")}</SubmitButton>
    </Form>
  );

  return (
    <section className="narrow narrow--wide two-factor" aria-labelledby="setup-title">
      <h1 id="setup-title">{t("twoFactor.setup.title")}</h1>
      {actionData?.codes ? (
        <RecoveryCodes codes={actionData.codes}>{finish}</RecoveryCodes>
      ) : loaderData.state === "enrolled" ? (
        <>
          <p>{t("twoFactor.setup.done")}</p>
          {finish}
        </>
      ) : (
        <>
          <p>{t("twoFactor.setup.requiredIntro")}</p>
          {loaderData.state === "start" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="start" />
              <SubmitButton pending={busy}>{t("twoFactor.setup.start")}</SubmitButton>
            </Form>
          ) : (
            <Enrolment enrolment={loaderData.enrolment} lastResult={actionData?.result} />
          )}
          <p>
            <Link to={paths.login()}>{t("twoFactor.startAgain")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
