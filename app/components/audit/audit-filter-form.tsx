// The audit log's filters: the shared GET form (works without JavaScript), by actor, action,
// delegation and calendar days on the clock the page shows its times in. Applying them starts
// again from the newest entry.
import { FieldErrors, SelectField, type Choice } from "~/components/ui/field";
import { FilterForm } from "~/components/ui/filter-form";
import type { Language } from "~/i18n/languages";
import { actionLabel, actorLabel, type Translate } from "~/lib/audit-export";
import { SYSTEM_ACTOR, type AuditFilterErrors, type AuditFilters } from "~/lib/audit-filters";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import { paths } from "~/lib/paths";

export type AuditChoices = {
  actors: { id: string | null; name: string | null; role: string | null; delegation: string | null }[];
  actions: string[];
  delegations: ({ code: string } & DelegationNames)[];
};

/** A choice for the value the address asks for even when the log has none like it, so the form shows what is applied. */
function withCurrent(choices: Choice[], value: string | null): Choice[] {
  return value && !choices.some((c) => c.value === value) ? [...choices, { value, label: value }] : choices;
}

function DayField({ id, name, label, value, hint, errors }: { id: string; name: string; label: string; value: string; hint: string; errors?: string[] }) {
  const hintId = `${id}-hint`;
  const errorId = errors?.length ? `${id}-errors` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field__help" id={hintId}>
        {hint}
      </p>
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={value}
        min="2000-01-01"
        max="2999-12-31"
        aria-describedby={errorId ? `${hintId} ${errorId}` : hintId}
        aria-invalid={errorId ? true : undefined}
      />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export function AuditFilterForm({
  t,
  language,
  consultationId,
  filters,
  typed,
  errors,
  choices,
  zone,
  active,
}: {
  t: Translate;
  language: Language;
  consultationId: string;
  filters: AuditFilters;
  /** The dates as typed, so that one refused can be corrected. */
  typed: { from: string; to: string };
  errors: AuditFilterErrors;
  choices: AuditChoices;
  /** The zone the days are read in, named in the reader's language ("Vienna time"). */
  zone: string;
  active: number;
}) {
  const actors = choices.actors.map((a) => ({ value: a.id ?? SYSTEM_ACTOR, label: actorLabel(t, a) }));
  const actions = choices.actions.map((action) => ({ value: action, label: actionLabel(t, action) }));
  const delegations = choices.delegations.map((d) => ({ value: d.code, label: delegationName(d, language) }));
  const hint = t("consultations:audit.filters.daysHint", { zone });
  return (
    <FilterForm
      id="audit-filters"
      className="panel"
      title={t("consultations:audit.filters.title")}
      apply={t("consultations:audit.filters.apply")}
      reset={active || errors.from || errors.to ? { to: paths.audit(consultationId), label: t("consultations:audit.filters.clear") } : null}
      status={active ? t("consultations:audit.filters.active", { count: active }) : null}
    >
      <SelectField
        id="audit-actor"
        name="actor"
        label={t("consultations:audit.filters.actor")}
        value={filters.actor ?? ""}
        any={t("consultations:audit.filters.anyone")}
        choices={withCurrent(actors, filters.actor)}
      />
      <SelectField
        id="audit-action"
        name="action"
        label={t("consultations:audit.filters.action")}
        value={filters.action ?? ""}
        any={t("consultations:audit.filters.anyAction")}
        choices={withCurrent(actions, filters.action)}
      />
      <SelectField
        id="audit-delegation"
        name="delegation"
        label={t("consultations:audit.filters.delegation")}
        value={filters.delegation ?? ""}
        any={t("consultations:audit.filters.anyDelegation")}
        hint={t("consultations:audit.filters.delegationHint")}
        choices={withCurrent(delegations, filters.delegation)}
      />
      <DayField id="audit-from" name="from" label={t("consultations:audit.filters.from")} value={typed.from} hint={hint} errors={errors.from} />
      <DayField id="audit-to" name="to" label={t("consultations:audit.filters.to")} value={typed.to} hint={hint} errors={errors.to} />
    </FilterForm>
  );
}
