// /password-reset — "Forgot your password?": ask for a one-time link by email. The answer is the
// same whether or not the address has an account, and whether or not a link was sent.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ResetRequestForm } from "~/components/account/reset-forms";
import { Notice } from "~/components/ui/notice";
import { ResetRequestSchema } from "~/lib/account-forms";
import { paths } from "~/lib/paths";
import { kickNotificationDispatch } from "~/models/outbox.server";
import { requestPasswordReset } from "~/models/password-reset.server";
import { clientAddress } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import type { TitleHandle } from "~/components/ui/document-title";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export const handle: TitleHandle = { title: (t) => t("account:reset.title") };

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetRequestSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await requestPasswordReset({ email: submission.value.email, origin: publicBaseUrl(request), ipAddress: clientAddress(context) });
  kickNotificationDispatch();
  throw redirect(paths.passwordReset({ sent: 1 }));
}

export default function PasswordResetRequestPage() {
  const { t } = useTranslation("account");
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const sent = params.get("sent") === "1";
  return (
    <section className="narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("reset.title")}</h1>
      {sent ? (
        <>
          <Notice tone="success">{t("reset.sent")}</Notice>
          <p className="muted">{t("reset.sentHelp")}</p>
        </>
      ) : (
        <>
          <p>{t("reset.intro")}</p>
          <ResetRequestForm lastResult={actionData?.result} />
        </>
      )}
      <p>
        <Link to={paths.login()}>{t("reset.backToSignIn")}</Link>
      </p>
    </section>
  );
}
