// /consultations/:id/translations — the translation desk (secretariat only; others 403, unknown
// consultations 404): the comments not in English of each delegation's current revision, with
// their status, translator and date, filtered and paged by GET addresses that work without
// JavaScript (?status=&language=&delegation=&page=). The page parts are in
// app/components/translations/, the paging in app/lib/desk-paging.ts.
import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { DeskCounts } from "~/components/translations/desk-counts";
import { DeskFilters } from "~/components/translations/desk-filters";
import { DeskPagination } from "~/components/translations/desk-pagination";
import { DeskTable } from "~/components/translations/desk-table";
import { isLanguage, type Language } from "~/i18n/languages";
import { parsePage, shownRange } from "~/lib/desk-paging";
import { isUuid } from "~/lib/ids";
import { DESK_STATUSES, type DeskStatus } from "~/lib/translation-segments";
import { isDelegationCode } from "~/models/submission-history.server";
import { listTranslationDesk } from "~/models/translation.server";
import translationsStylesheet from "~/styles/translations.css?url";
import { requireRole } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: translationsStylesheet }];

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("translations:desk.title") };

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
  const desk = await listTranslationDesk(user, params.consultationId, filters, parsePage(url.searchParams.get("page")));
  if (!desk) notFound();
  return {
    consultation: desk.consultation,
    readerTimeZone: user.timeZone ?? desk.consultation.timeZone,
    rows: desk.rows,
    counts: desk.counts,
    total: desk.total,
    matching: desk.matching,
    page: desk.page,
    pages: desk.pages,
    pageSize: desk.pageSize,
    languages: desk.languages,
    delegations: desk.delegations,
    filters,
  };
}

export default function TranslationDeskPage() {
  const { consultation, readerTimeZone, rows, counts, total, matching, page, pages, pageSize, languages, delegations, filters } =
    useLoaderData<typeof loader>();
  // One translator for the whole page; the parts get it as a prop.
  const { t, i18n } = useTranslation(["translations", "common", "consultations"]);
  const language = i18n.language as Language;
  const range = shownRange(page, rows.length, pageSize);
  return (
    <article className="translation-desk">
      <h1>{t("desk.title")}</h1>
      <p className="lead">{t("desk.lead")}</p>

      <DeskCounts t={t} counts={counts} filters={filters} />
      <DeskFilters t={t} language={language} filters={filters} languages={languages} delegations={delegations} />

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
              {pages > 1
                ? `${t("desk.range", { from: range.from, to: range.to, total: matching })} · ${t("desk.pages.pageOf", { page, pages })}`
                : t("desk.showing", { count: rows.length })}
            </p>
            <DeskTable t={t} language={language} rows={rows} consultationId={consultation.id} timeZone={readerTimeZone} />
            <DeskPagination t={t} page={page} pages={pages} filters={filters} id="desk-pages" />
          </>
        )}
      </section>
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
