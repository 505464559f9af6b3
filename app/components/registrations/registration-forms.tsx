// The three ways of registering delegations on the registrations page: choose from the list,
// paste names, then check what the pasted names matched. Plain forms: they work without
// JavaScript, and Conform validates them in the browser with the server's schemas.
import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";
import { TableShell } from "~/components/ui/table-shell";
import type { Language } from "~/i18n/languages";
import { delegationName, nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import { RegisterSchema, ReviewSchema, type RegistrationsActionData } from "~/lib/registration-forms";
import { PARTICIPATIONS, delegationMatchesFilter, reviewSummary, toMatchable, type ReviewRow } from "~/lib/registration-review";

type LastResult = RegistrationsActionData["result"];

export type DelegationOption = DelegationNames & DelegationArticles & { id: string; code: string; registered: boolean };

/** A delegation's name in the reader's language, with the English name when it differs. */
function labelOf(delegation: DelegationNames, language: Language): string {
  const local = delegationName(delegation, language);
  return local === delegation.nameEn ? local : `${local} (${delegation.nameEn})`;
}

function ParticipationSelect({ id, name, defaultValue }: { id: string; name: string; defaultValue?: string }) {
  const { t } = useTranslation("registrations");
  return (
    <div className="field registrations__participation">
      <label htmlFor={id}>{t("participation.label")}</label>
      <select id={id} name={name} defaultValue={defaultValue ?? "state_party"} aria-describedby={`${id}-help`}>
        {PARTICIPATIONS.map((p) => (
          <option key={p} value={p}>
            {t(`participation.${p}`)}
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className="muted registrations__help">
        {t("add.participationHelp")}
      </p>
    </div>
  );
}

/**
 * A multiple select of all delegations with a filter box. Without JavaScript the filter is a
 * GET form (?q=) and the server hides what does not match; with it, the list filters as one
 * types. Hidden options stay chosen, so filtering never loses a choice.
 */
export function PickForm({ delegations, initialFilter, lastResult }: { delegations: DelegationOption[]; initialFilter: string; lastResult: LastResult }) {
  const { t, i18n } = useTranslation("registrations");
  const language = i18n.language as Language;
  const [filter, setFilter] = useState(initialFilter);
  const [chosen, setChosen] = useState(0);
  const [form, fields] = useForm({
    id: "register-pick",
    lastResult,
    defaultValue: { participation: "state_party" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
  });
  const options = useMemo(() => {
    const collator = new Intl.Collator(language);
    return delegations
      .map((d) => ({ ...d, label: labelOf(d, language), sortKey: delegationName(d, language), matchable: toMatchable(d) }))
      .sort((a, b) => collator.compare(a.sortKey, b.sortKey));
  }, [delegations, language]);
  const visible = new Set(options.filter((o) => delegationMatchesFilter(o.matchable, filter)).map((o) => o.id));
  const selectProps = getSelectProps(fields.delegationId);
  return (
    <div className="registrations__pick">
      <h3>{t("add.pick.title")}</h3>
      <Form method="get" role="search" className="registrations__filter" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="delegation-filter">{t("add.pick.filter")}</label>
          <div className="registrations__filter-row">
            <input
              id="delegation-filter"
              name="q"
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value)}
              aria-describedby="delegation-filter-help delegation-filter-count"
              autoComplete="off"
            />
            <Button type="submit" variant="secondary">
              {t("add.pick.filterButton")}
            </Button>
          </div>
          <p id="delegation-filter-help" className="muted registrations__help">
            {t("add.pick.filterHelp")}
          </p>
          <p id="delegation-filter-count" className="muted registrations__help" aria-live="polite">
            {t("add.pick.shown", { count: visible.size })}
          </p>
        </div>
      </Form>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="register" />
        <input type="hidden" name="source" value="pick" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.delegationId.id}>{t("add.pick.list")}</label>
          <select
            {...selectProps}
            multiple
            size={12}
            className="registrations__list"
            aria-describedby={`${fields.delegationId.id}-help ${selectProps["aria-describedby"] ?? ""}`.trim()}
            onChange={(event) => setChosen(event.currentTarget.selectedOptions.length)}
          >
            {options.map((o) => (
              <option key={o.id} value={o.id} disabled={o.registered} hidden={!visible.has(o.id)}>
                {o.registered ? t("add.pick.registeredOption", { name: o.label }) : o.label}
              </option>
            ))}
          </select>
          <p id={`${fields.delegationId.id}-help`} className="muted registrations__help">
            {t("add.pick.listHelp")} {t("add.pick.chosen", { count: chosen })}
          </p>
          <FormErrors id={fields.delegationId.errorId} errors={fields.delegationId.errors} />
        </div>
        <ParticipationSelect id="pick-participation" name={fields.participation.name} />
        <Button type="submit">{t("add.pick.submit")}</Button>
      </Form>
    </div>
  );
}

/** A text area for a report's attendance paragraph or a typed list; nothing is saved yet. */
export function PasteForm({ lastResult, names }: { lastResult: LastResult; names?: string }) {
  const { t } = useTranslation("registrations");
  const [form, fields] = useForm({
    id: "paste-names",
    lastResult,
    defaultValue: { names: names ?? "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSchema }),
  });
  return (
    <div className="registrations__paste">
      <h3>{t("add.paste.title")}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="review" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.names.id}>{t("add.paste.names")}</label>
          <textarea
            {...getTextareaProps(fields.names)}
            rows={10}
            dir="auto"
            aria-describedby={`${fields.names.id}-help ${fields.names.errors ? fields.names.errorId : ""}`.trim()}
          />
          <p id={`${fields.names.id}-help`} className="muted registrations__help">
            {t("add.paste.help")}
          </p>
          <FormErrors id={fields.names.errorId} errors={fields.names.errors} />
        </div>
        <Button type="submit" variant="secondary">
          {t("add.paste.submit")}
        </Button>
      </Form>
    </div>
  );
}

/**
 * The review of pasted names: sure matches ticked, guesses to confirm, a choice where several
 * delegations fit or none does; already registered and repeated names shown as such.
 */
export function ReviewForm({
  rows,
  names,
  delegations,
  lastResult,
}: {
  rows: ReviewRow[];
  names: string;
  delegations: Map<string, DelegationOption>;
  lastResult: LastResult;
}) {
  const { t, i18n } = useTranslation("registrations");
  const language = i18n.language as Language;
  const [form, fields] = useForm({
    id: "register-review",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
  });
  // After a refusal, show what the officer had ticked rather than the suggestions.
  const submitted = lastResult?.initialValue?.delegationId;
  const ticked = submitted === undefined ? null : new Set([submitted].flat().map(String));
  const summary = reviewSummary(rows);
  const nameOf = (id: string | null) => {
    const d = id ? delegations.get(id) : undefined;
    return d ? labelOf(d, language) : "";
  };
  // "Inscrire la délégation du Pérou": the name with its article where the sentence needs it.
  const inSentence = (id: string) => {
    const d = delegations.get(id);
    return d ? nameInSentence(d, language) : "";
  };
  return (
    <section aria-labelledby="review-title" className="registrations__review">
      <h3 id="review-title">{t("review.title")}</h3>
      <p>{t("review.intro")}</p>
      <ul className="registrations__summary">
        {(Object.keys(summary) as (keyof typeof summary)[])
          .filter((kind) => summary[kind] > 0)
          .map((kind) => (
            <li key={kind} className={`review-kind review-kind--${kind}`}>
              {t(`review.summary.${kind}`, { count: summary[kind] })}
            </li>
          ))}
      </ul>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="register" />
        <input type="hidden" name="source" value="review" />
        <input type="hidden" name="names" value={names} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormErrors id={fields.delegationId.errorId} errors={fields.delegationId.errors} />
        <TableShell caption={t("review.title")} captionHidden tableClassName="registrations__review-table">
          <thead>
            <tr>
              <th scope="col">{t("review.columns.input")}</th>
              <th scope="col">{t("review.columns.found")}</th>
              <th scope="col">{t("review.columns.how")}</th>
              <th scope="col">{t("review.columns.register")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const controlId = `review-${index}`;
              return (
                <tr key={index} className={`review-row review-row--${row.kind}`}>
                  <th scope="row">
                    <span dir="auto">{row.input}</span>
                  </th>
                  <td>{row.delegationId ? nameOf(row.delegationId) : "—"}</td>
                  <td>
                    {row.method && row.delegationId ? <span>{t(`review.method.${row.method}`)}</span> : null}
                    {row.kind !== "found" ? <Badge className={`review-kind review-kind--${row.kind}`}>{t(`review.kind.${row.kind}`)}</Badge> : null}
                  </td>
                  <td>
                    {(row.kind === "found" || row.kind === "confirm") && row.delegationId ? (
                      <>
                        <input
                          type="checkbox"
                          id={controlId}
                          name="delegationId"
                          value={row.delegationId}
                          defaultChecked={ticked ? ticked.has(row.delegationId) : row.preselected}
                        />
                        <label htmlFor={controlId} className="visually-hidden">
                          {t("review.registerLabel", { delegation: inSentence(row.delegationId) })}
                        </label>
                      </>
                    ) : (row.kind === "choose" || row.kind === "unmatched") && row.candidateIds.length ? (
                      <>
                        <label htmlFor={controlId} className="visually-hidden">
                          {t("review.chooseLabel", { input: row.input })}
                        </label>
                        <select id={controlId} name="delegationId" defaultValue={row.candidateIds.find((id) => ticked?.has(id)) ?? ""}>
                          <option value="">{t("review.chooseNone")}</option>
                          {row.candidateIds.map((id) => (
                            <option key={id} value={id}>
                              {nameOf(id)}
                            </option>
                          ))}
                        </select>
                      </>
                    ) : (
                      <span aria-hidden="true">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </TableShell>
        <ParticipationSelect id="review-participation" name={fields.participation.name} />
        <Button type="submit">{t("review.submit")}</Button>
      </Form>
    </section>
  );
}
