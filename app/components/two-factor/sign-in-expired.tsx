import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { paths } from "~/lib/paths";

/** The second step of a sign-in that took too long (or never began): back to the password. */
export function SignInExpired({ titleId }: { titleId: string }) {
  const { t } = useTranslation("auth");
  return (
    <section className="narrow" aria-labelledby={titleId}>
      <h1 id={titleId}>{t("twoFactor.expired.title")}</h1>
      <p>{t("twoFactor.expired.body")}</p>
      <p>
        <Button to={paths.login()}>{t("twoFactor.startAgain")}</Button>
      </p>
    </section>
  );
}
