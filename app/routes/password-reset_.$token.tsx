// /password-reset/:token — the page a reset link opens: a new password, twice. Public: whoever
// holds the link may use it once, within the hour. Looking does not use it up.
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ResetPasswordForm } from "~/components/account/reset-forms";
import { ResetPasswordSchema } from "~/lib/account-forms";
import { paths } from "~/lib/paths";
import { completePasswordReset, findPasswordReset } from "~/models/password-reset.server";
import { clientAddress } from "~/utils/auth.server";
import { redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data) => (data.state === "valid" ? t("account:reset.chooseTitle") : t(`account:reset.invalid.${data.state}.title`)),
};

// The token is in the address: never send it on to another site in a Referer header.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer" });

type InvalidState = "unknown" | "expired" | "used";

const invalid = (state: InvalidState) => data({ state, email: null }, { status: state === "unknown" ? 404 : 410 });

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findPasswordReset(params.token ?? "");
  if (found.state !== "valid") return invalid(found.state);
  return data({ state: "valid" as const, email: found.email });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema });
  if (submission.status !== "success") {
    // Check the link first: a form error on a dead link would only mislead.
    const found = await findPasswordReset(token);
    if (found.state !== "valid") return invalid(found.state);
    return data({ result: submission.reply({ hideFields: ["newPassword", "confirmPassword"] }) }, { status: 400 });
  }
  const result = await completePasswordReset({ token, newPassword: submission.value.newPassword, ipAddress: clientAddress(context) });
  if (!result.ok) return invalid(result.reason);
  // Not signed in here: signing in afresh keeps every step of it (a second factor too).
  throw await redirectWithNotice(request, paths.login(), { kind: "signIn.resetDone" });
}

export default function PasswordResetPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("account");
  // A refusal at submission (used or expired meanwhile) replaces the form with its explanation.
  const state = actionData && "state" in actionData ? actionData.state : loaderData.state;
  if (state !== "valid") {
    return (
      <section className="narrow" aria-labelledby="reset-title">
        <h1 id="reset-title">{t(`reset.invalid.${state}.title`)}</h1>
        <p>{t(`reset.invalid.${state}.body`)}</p>
        <p>
          <Link to={paths.passwordReset()}>{t("reset.askAgain")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("reset.chooseTitle")}</h1>
      <p>
        {t("reset.forAccount")} <bdi dir="ltr">{loaderData.email}</bdi>
      </p>
      <ResetPasswordForm lastResult={actionData && "result" in actionData ? actionData.result : undefined} />
    </section>
  );
}
