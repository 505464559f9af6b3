import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/**
 * What the sign-in page says about why the reader is there: signed out after the idle timeout
 * (?idle=<minutes>, set by requireUser) or a password just reset (?reset=done).
 */
export function SignInNotice() {
  const { t } = useTranslation("account");
  const [params] = useSearchParams();
  const idle = params.get("idle");
  const minutes = idle && /^\d{1,4}$/.test(idle) ? Number(idle) : null;
  if (params.get("reset") === "done") {
    return (
      <p className="flash" role="status">
        {t("signIn.resetDone")}
      </p>
    );
  }
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
      <Link to="/password-reset">{t("signIn.forgot")}</Link>
    </p>
  );
}
