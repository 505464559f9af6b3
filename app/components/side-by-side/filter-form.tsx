import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { REVIEW_TAGS } from "~/lib/consolidation";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import { DESK_STATUSES } from "~/lib/translation-segments";

/** The view's filters and display choices as the address gives them (null: not filtered). */
export type ShownFilters = {
  point: string | null;
  delegation: string | null;
  language: string | null;
  amendment: "yes" | "no" | null;
  status: string | null;
  tag: string | null;
  order: "en" | "reader";
  original: "beside" | "hidden";
};

/** The filters: a plain GET form (works without JavaScript); the summary above stays whole. */
export function FilterForm({
  filters,
  itemKey,
  activeFilters,
  delegations,
  pointChoices,
  readerLanguage,
}: {
  filters: ShownFilters;
  itemKey: string;
  activeFilters: number;
  delegations: (DelegationNames & { code: string })[];
  pointChoices: { id: string; label: string }[];
  readerLanguage: Language;
}) {
  const { t } = useTranslation(["consolidation", "common", "translations"]);
  const field = (name: string) => `sbs-filter-${name}`;
  return (
    <Form method="get" className="panel sbs-filters" aria-labelledby="sbs-filters-title">
      <h2 id="sbs-filters-title" className="sbs-filters__title">
        {t("filters.title")}
      </h2>
      <input type="hidden" name="item" value={itemKey} />
      <div className="sbs-filters__fields">
        <div className="field">
          <label htmlFor={field("point")}>{t("filters.point")}</label>
          <select id={field("point")} name="point" defaultValue={filters.point ?? ""}>
            <option value="">{t("filters.allPoints")}</option>
            {pointChoices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("delegation")}>{t("filters.delegation")}</label>
          <select id={field("delegation")} name="delegation" defaultValue={filters.delegation ?? ""}>
            <option value="">{t("filters.allDelegations")}</option>
            {delegations.map((d) => (
              <option key={d.code} value={d.code}>
                {delegationName(d, filters.order === "reader" ? readerLanguage : "en")}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("language")}>{t("filters.language")}</label>
          <select id={field("language")} name="language" defaultValue={filters.language ?? ""}>
            <option value="">{t("filters.allLanguages")}</option>
            {LANGUAGE_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`common:languageNames.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("amendment")}>{t("filters.amendment")}</label>
          <select id={field("amendment")} name="amendment" defaultValue={filters.amendment ?? ""}>
            <option value="">{t("filters.any")}</option>
            <option value="yes">{t("filters.withAmendment")}</option>
            <option value="no">{t("filters.withoutAmendment")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("status")}>{t("filters.translationStatus")}</label>
          <select id={field("status")} name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("filters.any")}</option>
            {DESK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`translations:status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("tag")}>{t("filters.tag")}</label>
          <select id={field("tag")} name="tag" defaultValue={filters.tag ?? ""}>
            <option value="">{t("filters.any")}</option>
            {REVIEW_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {t(`tags.${tag}`)}
              </option>
            ))}
            <option value="untagged">{t("filters.untagged")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("order")}>{t("filters.order")}</label>
          <select id={field("order")} name="order" defaultValue={filters.order}>
            <option value="en">{t("filters.orderEn")}</option>
            {readerLanguage !== "en" ? (
              <option value="reader">{t("filters.orderReader", { language: t(`common:languageNames.${readerLanguage}`) })}</option>
            ) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field("original")}>{t("filters.original")}</label>
          <select id={field("original")} name="original" defaultValue={filters.original}>
            <option value="beside">{t("filters.originalBeside")}</option>
            <option value="hidden">{t("filters.originalHidden")}</option>
          </select>
        </div>
      </div>
      <div className="sbs-filters__buttons">
        <button type="submit" className="button">
          {t("filters.apply")}
        </button>
        {activeFilters ? (
          <>
            <Link to={`?${new URLSearchParams({ item: itemKey })}`}>{t("filters.clear")}</Link>
            <span className="muted" role="status">
              {t("filters.active", { count: activeFilters })}
            </span>
          </>
        ) : null}
      </div>
    </Form>
  );
}
