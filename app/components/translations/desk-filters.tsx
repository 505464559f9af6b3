// The desk's filters (the shared GET form): applying them starts at page 1.
import { FilterForm } from "~/components/ui/filter-form";
import { SelectField } from "~/components/ui/field";
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
    <FilterForm
      id="desk-filters"
      className="panel"
      title={t("desk.filters.title")}
      apply={t("desk.filters.apply")}
      reset={filtered ? { to: "?", label: t("desk.filters.clear") } : null}
    >
      <SelectField
        id="desk-status"
        name="status"
        label={t("desk.filters.status")}
        value={filters.status ?? ""}
        any={t("desk.filters.any")}
        choices={DESK_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
      />
      <SelectField
        id="desk-language"
        name="language"
        label={t("desk.filters.language")}
        value={filters.language ?? ""}
        any={t("desk.filters.any")}
        choices={LANGUAGE_CODES.filter((code) => code !== "en" && (languages.includes(code) || filters.language === code)).map((code) => ({
          value: code,
          label: t(`common:languageNames.${code}`),
        }))}
      />
      <SelectField
        id="desk-delegation"
        name="delegation"
        label={t("desk.filters.delegation")}
        value={filters.delegation ?? ""}
        any={t("desk.filters.any")}
        choices={delegations.map((d) => ({ value: d.code, label: delegationName(d, language) }))}
      />
    </FilterForm>
  );
}
