import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Notice } from "~/components/ui/notice";
import { paths } from "~/lib/paths";

/**
 * What the sign-in page says about why the reader is there: a password just reset (the reset's
 * one-time notice), or signed out after the idle timeout (?idle=<minutes>, set by requireUser: it
 * stays in the address, beside the page to return to).
 */
export function SignInNotice({ resetDone }: { resetDone: boolean }) {
  const { t } = useTranslation("account");
  const [params] = useSearchParams();
  const idle = params.get("idle");
  const minutes = idle && /^\d{1,4}$/.test(idle) ? Number(idle) : null;
  if (resetDone) return <Notice tone="success">{t("signIn.resetDone")}</Notice>;
  if (minutes) {
    return (
      <p className="note account__signed-out" role="status">
        {t("signIn.idle", { count: minutes })}
      </p>
    );
  }
  return null;
}

/** The way to a reset link, under the sign-in form. */
export function ForgotPasswordLink() {
  const { t } = useTranslation("account");
  return (
    <p className="account__forgot">
      <Link to={paths.passwordReset()}>{t("signIn.forgot")}</Link>
    </p>
  );
}
