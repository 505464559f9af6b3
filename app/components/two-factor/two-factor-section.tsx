import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { paths } from "~/lib/paths";

/** The account page's panel: whether two-factor sign-in is on, and the way to its page. */
export function TwoFactorSection({
  twoFactor,
  timeZone,
}: {
  twoFactor: { enabled: boolean; enabledAt: Date | string | null; recoveryCodesLeft: number; required: boolean };
  timeZone: string;
}) {
  const { t, i18n } = useTranslation("account");
  const language = i18n.language as Language;
  return (
    <section className="panel account__section" aria-labelledby="account-two-factor">
      <h2 id="account-two-factor">{t("twoFactor.title")}</h2>
      {twoFactor.enabled ? (
        <>
          <p>
            {t("twoFactor.onSince", {
              date: twoFactor.enabledAt ? formatInstant(twoFactor.enabledAt, language, timeZone) : "",
            })}
          </p>
          <p className="muted">{t("twoFactor.recovery.left", { count: twoFactor.recoveryCodesLeft })}</p>
        </>
      ) : (
        <p>{twoFactor.required ? t("twoFactor.required") : t("twoFactor.off")}</p>
      )}
      <p>
        <Link to={paths.accountTwoFactor()}>{t("twoFactor.manage")}</Link>
      </p>
    </section>
  );
}
