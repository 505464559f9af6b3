import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { useRootData } from "~/root";
import { LanguageSwitcher } from "./language-switcher";
import { isolate, withData } from "./ui/data-text";

export function AppHeader() {
  const { t } = useTranslation();
  const data = useRootData();
  const user = data?.user;
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="app-header__brand">
          {t("app.name")}
          <span className="app-header__tagline">{t("app.tagline")}</span>
        </Link>
        {user ? (
          <nav aria-label={t("nav.main")} className="app-header__nav">
            <NavLink to="/" end>
              {t("nav.consultations")}
            </NavLink>
            {user.role === "secretariat" ? <NavLink to="/users">{t("nav.users")}</NavLink> : null}
            {user.role === "secretariat" ? <NavLink to="/outbox">{t("nav.outbox")}</NavLink> : null}
          </nav>
        ) : null}
        <div className="app-header__tools">
          <LanguageSwitcher />
          {user ? (
            <div className="app-header__account">
              <span>
                {withData(t("nav.signedInAs", { name: isolate(user.name) }))}{" "}
                <span className="badge">{t(`roles.${user.role}`)}</span>
              </span>
              <NavLink to="/account" className="app-header__account-link">
                {t("nav", { ns: "account" })}
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="button button--quiet">
                  {t("nav.signOut")}
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
