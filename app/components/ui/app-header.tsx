import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { paths } from "~/lib/paths";
import { mayManageConsultation, mayManageOutbox, mayManageUsers } from "~/lib/permissions";
import { useRootData } from "~/root";
import { LanguageSwitcher } from "~/components/ui/language-switcher";
import { isolate, withData } from "~/components/ui/data-text";
import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";

export function AppHeader() {
  const { t } = useTranslation();
  const data = useRootData();
  const user = data?.user;
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to={paths.home()} className="app-header__brand">
          {t("app.name")}
          <span className="app-header__tagline">{t("app.tagline")}</span>
        </Link>
        {user ? (
          <nav aria-label={t("nav.main")} className="app-header__nav">
            <NavLink to={paths.home()} end>
              {t("nav.consultations")}
            </NavLink>
            {mayManageUsers(user) ? <NavLink to={paths.users()}>{t("nav.users")}</NavLink> : null}
            {mayManageConsultation(user) ? <NavLink to={paths.groups()}>{t("nav", { ns: "groups" })}</NavLink> : null}
            {mayManageOutbox(user) ? <NavLink to={paths.outbox()}>{t("nav.outbox")}</NavLink> : null}
          </nav>
        ) : null}
        <div className="app-header__tools">
          <LanguageSwitcher />
          {user ? (
            <div className="app-header__account">
              <span>
                {withData(t("nav.signedInAs", { name: isolate(user.name) }))} <Badge>{t(`roles.${user.role}`)}</Badge>
              </span>
              <NavLink to={paths.account()} className="app-header__account-link">
                {t("nav", { ns: "account" })}
              </NavLink>
              <Form method="post" action={paths.logout()}>
                <Button type="submit" variant="quiet">
                  {t("nav.signOut")}
                </Button>
              </Form>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
