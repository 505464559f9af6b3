// /consultations/:id/translations — the translation desk (secretariat only; others 403, unknown
// consultations 404): every comment not in English of each delegation's current revision, with
// its status, translator and date, filtered by a GET form that works without JavaScript.
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLanguage, LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { DESK_STATUSES, type DeskStatus } from "~/lib/translation-segments";
import { isDelegationCode } from "~/models/submission-history.server";
import { listTranslationDesk, type DeskRow } from "~/models/translation.server";
import translationsStylesheet from "~/styles/translations.css?url";
import { isolate, withData, withoutIsolates } from "~/components/ui/data-text";
import { requireRole } from "~/utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: translationsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Translation desk · ${data.consultation.title} · Nonpaper` : "Nonpaper" },
];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

const isDeskStatus = (value: string | null): value is DeskStatus => DESK_STATUSES.includes(value as DeskStatus);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const language = url.searchParams.get("language");
  const delegation = url.searchParams.get("delegation");
  // Unknown values are ignored rather than refused: a filter is only a view.
  const filters = {
    status: isDeskStatus(status) ? status : null,
    language: isLanguage(language) && language !== "en" ? language : null,
    delegation: isDelegationCode(delegation) ? delegation : null,
  };
  const desk = await listTranslationDesk(user, params.consultationId, filters);
  if (!desk) notFound();
  return {
    consultation: desk.consultation,
    readerTimeZone: user.timeZone ?? desk.consultation.timeZone,
    rows: desk.rows,
    counts: desk.counts,
    total: desk.total,
    languages: desk.languages,
    delegations: desk.delegations,
    filters,
  };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function TranslationDeskPage() {
  const { consultation, readerTimeZone, rows, counts, total, languages, delegations, filters } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["translations", "common", "consultations"]);
  const language = i18n.language as Language;
  const filtered = Boolean(filters.status || filters.language || filters.delegation);
  const statusHref = (status: DeskStatus | null) => {
    const query = new URLSearchParams();
    if (status) query.set("status", status);
    if (filters.language) query.set("language", filters.language);
    if (filters.delegation) query.set("delegation", filters.delegation);
    return `?${query}`;
  };
  const scopedTotal = DESK_STATUSES.reduce((n, s) => n + counts[s], 0);
  return (
    <article className="translation-desk">
      <p className="eyebrow">
        <Link to={`/consultations/${consultation.id}`} lang="en" dir="ltr">
          {consultation.title}
        </Link>
      </p>
      <h1>{t("desk.title")}</h1>
      <p className="lead">{t("desk.lead")}</p>

      <nav aria-label={t("desk.counts")} className="desk-counts">
        <ul>
          <li>
            <Link to={statusHref(null)} aria-current={filters.status === null ? "page" : undefined} className="desk-counts__link">
              <span className="desk-counts__count">{scopedTotal}</span>
              <span>{t("desk.all")}</span>
            </Link>
          </li>
          {DESK_STATUSES.map((status) => (
            <li key={status}>
              <Link
                to={statusHref(status)}
                aria-current={filters.status === status ? "page" : undefined}
                className={`desk-counts__link desk-status--${status}`}
              >
                <span className="desk-counts__count">{counts[status]}</span>
                <span>{t(`status.${status}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

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

      <section aria-labelledby="desk-list-title">
        <h2 id="desk-list-title">{t("desk.table.caption")}</h2>
        {total === 0 ? (
          <p className="empty">{t("desk.empty")}</p>
        ) : rows.length === 0 ? (
          <p className="empty">
            {t("desk.emptyFiltered")} <Link to="?">{t("desk.filters.clear")}</Link>
          </p>
        ) : (
          <>
            <p className="muted" role="status">
              {t("desk.showing", { count: rows.length })}
            </p>
            <div className="table-scroll">
              <table className="table desk-table">
                <caption className="visually-hidden">{t("desk.table.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("desk.table.delegation")}</th>
                    <th scope="col">{t("desk.table.where")}</th>
                    <th scope="col">{t("desk.table.kind")}</th>
                    <th scope="col">{t("desk.table.language")}</th>
                    <th scope="col">{t("desk.table.status")}</th>
                    <th scope="col">{t("desk.table.translator")}</th>
                    <th scope="col">{t("desk.table.updated")}</th>
                    <th scope="col">{t("desk.table.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <DeskTableRow key={row.commentId} row={row} consultationId={consultation.id} timeZone={readerTimeZone} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </article>
  );
}

/** "Agenda item 2, point (c)" in the reader's language. */
function useWhere() {
  const { t } = useTranslation(["translations", "consultations"]);
  return (row: Pick<DeskRow, "kind" | "label"> & { agendaItem: { number: string | null }; point: { label: string } | null }) => {
    // Numbers and labels marked as data (isolate): shown with withData, named withoutIsolates.
    const item = row.agendaItem.number ? t("consultations:agendaItem", { number: isolate(row.agendaItem.number) }) : t("consultations:generalSection");
    const detail = row.point
      ? t("where.point", { label: isolate(row.point.label) })
      : row.kind === "new_proposal"
        ? t("where.proposal", { label: isolate(row.label ?? "") })
        : t("where.general");
    return `${item}, ${detail}`;
  };
}

function DeskTableRow({ row, consultationId, timeZone }: { row: LoaderData["rows"][number]; consultationId: string; timeZone: string }) {
  const { t, i18n } = useTranslation(["translations", "common"]);
  const language = i18n.language as Language;
  const where = useWhere()(row);
  const name = delegationName(row.delegation, language);
  return (
    <tr id={`comment-${row.commentId}`}>
      <th scope="row">
        <span lang="en" dir="ltr" className="desk-table__name">
          {row.delegation.nameEn}
        </span>
        {language !== "en" && name !== row.delegation.nameEn ? (
          <span lang={language} className="desk-table__local">
            {name}
          </span>
        ) : null}
      </th>
      <td>
        {withData(where)}
        <span className="desk-table__excerpt" lang={row.language} dir="auto">
          {row.excerpt}
        </span>
      </td>
      <td>{t(`kind.${row.kind}`)}</td>
      <td>{t(`common:languageNames.${row.language}`)}</td>
      <td>
        <span className={`badge desk-status desk-status--${row.status}`}>{t(`status.${row.status}`)}</span>
        {row.machineAssisted && row.status !== "todo" ? <span className="badge desk-machine">{t("labels.machineAssisted")}</span> : null}
      </td>
      <td>{row.translatorName ?? <span className="muted">{t("desk.table.none")}</span>}</td>
      <td>
        {row.updatedAt ? (
          <time dateTime={new Date(row.updatedAt).toISOString()}>{formatInstant(row.updatedAt, language, timeZone)}</time>
        ) : (
          <span className="muted">{t("desk.table.none")}</span>
        )}
      </td>
      <td>
        <Link
          to={`/consultations/${consultationId}/translations/${row.commentId}`}
          aria-label={t("desk.table.translateLabel", { delegation: name, where: withoutIsolates(where) })}
        >
          {t("desk.table.translate")}
        </Link>
      </td>
    </tr>
  );
}
