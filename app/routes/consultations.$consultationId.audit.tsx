// /consultations/:id/audit — the consultation's audit log (the secretariat; others 403, unknown
// consultations 404), filtered by actor, action, delegation and days by a GET form that works
// without JavaScript (?actor=&action=&delegation=&from=&to=), paged back by entry (?before=),
// and as CSV with the same filters (audit.csv). The parts are in app/components/audit/.
import { type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import type { Translate } from "~/lib/audit-export";
import { auditSelection, countAuditFilters, parseAuditFilters } from "~/lib/audit-filters";
import { zoneLabel } from "~/lib/dates";
import { paths } from "~/lib/paths";
import { maySeeAuditLog } from "~/lib/permissions";
import { auditFilterChoices, listConsultationAudit } from "~/models/audit.server";
import { requireConsultation } from "~/utils/consultation-access.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { PageHeader } from "~/components/ui/page-header";
import { AuditFilterForm } from "~/components/audit/audit-filter-form";
import { AuditTable } from "~/components/audit/audit-table";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import consultationStylesheet from "~/styles/consultation.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:audit.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStylesheet }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, consultation } = await requireConsultation(request, params, { may: maySeeAuditLog });
  const search = new URL(request.url).searchParams;
  const { filters, errors } = parseAuditFilters(search);
  // Times are shown, and days read, on the reader's own clock, else the meeting's.
  const timeZone = user.timeZone ?? consultation.meeting.timeZone;
  const before = Number(search.get("before"));
  const [log, choices] = await Promise.all([
    listConsultationAudit(consultation.id, auditSelection(filters, timeZone), { before: Number.isSafeInteger(before) && before > 0 ? before : undefined }),
    auditFilterChoices(consultation.id),
  ]);
  return {
    consultationId: consultation.id,
    timeZone,
    filters,
    errors,
    typed: { from: (search.get("from") ?? "").slice(0, 40), to: (search.get("to") ?? "").slice(0, 40) },
    paged: Number.isSafeInteger(before) && before > 0,
    choices,
    ...log,
  };
}

export default function AuditPage() {
  const { consultationId, timeZone, filters, errors, typed, paged, choices, entries, hasMore, matching } = useLoaderData<typeof loader>();
  const { t: translate, i18n } = useTranslation(["consultations", "common"]);
  const language = i18n.language as Language;
  const t: Translate = useMemo(() => (key, options) => String(translate(key as never, options as never)), [translate]);
  const active = countAuditFilters(filters);
  return (
    <section>
      <PageHeader title={t("consultations:audit.title")} lead={t("consultations:audit.lead")} />
      <p>{t("consultations:audit.appendOnly")}</p>
      <AuditFilterForm
        t={t}
        language={language}
        consultationId={consultationId}
        filters={filters}
        typed={typed}
        errors={errors}
        choices={choices}
        zone={zoneLabel(new Date(), language, timeZone)}
        active={active}
      />
      {matching > 0 ? (
        <p>
          <span className="muted" role="status">
            {t("consultations:audit.matching", { count: matching })}
          </span>
          {" · "}
          <a href={paths.auditCsv(consultationId, filters)} download>
            {t("consultations:audit.csvLink")}
          </a>
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="empty">{active ? t("consultations:audit.emptyFiltered") : t("consultations:audit.empty")}</p>
      ) : (
        <AuditTable t={t} language={language} timeZone={timeZone} entries={entries} />
      )}
      {hasMore || paged ? (
        <p>
          {hasMore ? <Link to={paths.audit(consultationId, { ...filters, before: entries.at(-1)!.id })}>{t("consultations:audit.older")}</Link> : null}
          {hasMore && paged ? " · " : null}
          {paged ? <Link to={paths.audit(consultationId, filters)}>{t("consultations:audit.newest")}</Link> : null}
        </p>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
