// The filter form: a plain GET form (works without JavaScript); applying it starts at page 1.
import { Form, Link } from "@remix-run/react";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import { DESK_STATUSES } from "~/lib/translation-segments";
import type { DeskFilterView, DeskT } from "./desk-view";

export function DeskFilters({
  t,
  language,
  filters,
  languages,
  delegations,
}: {
  t: DeskT;
  language: Language;
  filters: DeskFilterView;
  languages: readonly Language[];
  delegations: readonly ({ code: string } & DelegationNames)[];
}) {
  const filtered = Boolean(filters.status || filters.language || filters.delegation);
  return (
    <section aria-labelledby="desk-filters-title" className="panel desk-filters">
      <h2 id="desk-filters-title">{t("desk.filters.title")}</h2>
      <Form method="get" className="desk-filters__form">
        <div className="field">
          <label htmlFor="desk-status">{t("desk.filters.status")}</label>
          <select id="desk-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("desk.filters.any")}</option>
            {DESK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="desk-language">{t("desk.filters.language")}</label>
          <select id="desk-language" name="language" defaultValue={filters.language ?? ""}>
            <option value="">{t("desk.filters.any")}</option>
            {LANGUAGE_CODES.filter((code) => code !== "en" && (languages.includes(code) || filters.language === code)).map((code) => (
              <option key={code} value={code}>
                {t(`common:languageNames.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="desk-delegation">{t("desk.filters.delegation")}</label>
          <select id="desk-delegation" name="delegation" defaultValue={filters.delegation ?? ""}>
            <option value="">{t("desk.filters.any")}</option>
            {delegations.map((d) => (
              <option key={d.code} value={d.code}>
                {delegationName(d, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="desk-filters__buttons">
          <button type="submit" className="button">
            {t("desk.filters.apply")}
          </button>
          {filtered ? <Link to="?">{t("desk.filters.clear")}</Link> : null}
        </div>
      </Form>
    </section>
  );
}
