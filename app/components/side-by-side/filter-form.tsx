import { FilterForm } from "~/components/ui/filter-form";
import { SelectField } from "~/components/ui/field";
import { useTranslation } from "~/i18n/use-translation";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { REVIEW_TAGS } from "~/lib/consolidation";
import { DISPOSITIONS } from "~/lib/dispositions";
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
  disposition: string | null;
  order: "en" | "reader";
  original: "beside" | "hidden";
};

/** The filters (the shared GET form, on the agenda item shown); the summary above stays whole. */
export function SideBySideFilters({
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
    <FilterForm
      id="sbs-filters"
      className="panel"
      title={t("filters.title")}
      keep={{ item: itemKey }}
      apply={t("filters.apply")}
      reset={activeFilters ? { to: `?${new URLSearchParams({ item: itemKey })}`, label: t("filters.clear") } : null}
      status={activeFilters ? t("filters.active", { count: activeFilters }) : null}
    >
      <SelectField
        id={field("point")}
        name="point"
        label={t("filters.point")}
        value={filters.point ?? ""}
        any={t("filters.allPoints")}
        choices={pointChoices.map((p) => ({ value: p.id, label: p.label }))}
      />
      <SelectField
        id={field("delegation")}
        name="delegation"
        label={t("filters.delegation")}
        value={filters.delegation ?? ""}
        any={t("filters.allDelegations")}
        choices={delegations.map((d) => ({ value: d.code, label: delegationName(d, filters.order === "reader" ? readerLanguage : "en") }))}
      />
      <SelectField
        id={field("language")}
        name="language"
        label={t("filters.language")}
        value={filters.language ?? ""}
        any={t("filters.allLanguages")}
        choices={LANGUAGE_CODES.map((code) => ({ value: code, label: t(`common:languageNames.${code}`) }))}
      />
      <SelectField
        id={field("amendment")}
        name="amendment"
        label={t("filters.amendment")}
        value={filters.amendment ?? ""}
        any={t("filters.any")}
        choices={[
          { value: "yes", label: t("filters.withAmendment") },
          { value: "no", label: t("filters.withoutAmendment") },
        ]}
      />
      <SelectField
        id={field("status")}
        name="status"
        label={t("filters.translationStatus")}
        value={filters.status ?? ""}
        any={t("filters.any")}
        choices={DESK_STATUSES.map((status) => ({ value: status, label: t(`translations:status.${status}`) }))}
      />
      <SelectField
        id={field("tag")}
        name="tag"
        label={t("filters.tag")}
        value={filters.tag ?? ""}
        any={t("filters.any")}
        choices={[...REVIEW_TAGS.map((tag) => ({ value: tag, label: t(`tags.${tag}`) })), { value: "untagged", label: t("filters.untagged") }]}
      />
      <SelectField
        id={field("disposition")}
        name="disposition"
        label={t("filters.disposition")}
        value={filters.disposition ?? ""}
        any={t("filters.any")}
        choices={[
          ...DISPOSITIONS.map((disposition) => ({ value: disposition, label: t(`dispositions.${disposition}`) })),
          { value: "none", label: t("filters.noDisposition") },
        ]}
      />
      <SelectField
        id={field("order")}
        name="order"
        label={t("filters.order")}
        value={filters.order}
        choices={[
          { value: "en", label: t("filters.orderEn") },
          ...(readerLanguage !== "en" ? [{ value: "reader", label: t("filters.orderReader", { language: t(`common:languageNames.${readerLanguage}`) }) }] : []),
        ]}
      />
      <SelectField
        id={field("original")}
        name="original"
        label={t("filters.original")}
        value={filters.original}
        choices={[
          { value: "beside", label: t("filters.originalBeside") },
          { value: "hidden", label: t("filters.originalHidden") },
        ]}
      />
    </FilterForm>
  );
}
