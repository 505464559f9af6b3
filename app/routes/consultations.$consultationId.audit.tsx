import { type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { formatInstant } from "~/lib/dates";
import { maySeeAuditLog } from "~/lib/permissions";
import { listConsultationAudit } from "~/models/audit.server";
import { requireConsultation } from "~/utils/consultation-access.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { TableShell } from "~/components/ui/table-shell";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import consultationStylesheet from "~/styles/consultation.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:audit.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStylesheet }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, consultation } = await requireConsultation(request, params, { may: maySeeAuditLog });
  const before = Number(new URL(request.url).searchParams.get("before"));
  const log = await listConsultationAudit(consultation.id, { before: Number.isSafeInteger(before) && before > 0 ? before : undefined });
  return {
    timeZone: consultation.meeting.timeZone,
    readerTimeZone: user.timeZone,
    ...log,
  };
}

export default function AuditPage() {
  const { entries, hasMore, timeZone, readerTimeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["consultations", "common"]);
  return (
    <section>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.lead")}</p>
      {entries.length === 0 ? (
        <p className="empty">{t("audit.empty")}</p>
      ) : (
        <TableShell caption={t("audit.title")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.details")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatInstant(entry.at, i18n.language, readerTimeZone ?? timeZone)}</td>
                <td>
                  {entry.actorName ?? t("audit.system")}
                  {entry.actorRole ? <span className="muted"> · {t(`common:roles.${entry.actorRole}`)}</span> : null}
                </td>
                <th scope="row">
                  {/* A readable name where there is one; the code stays, for searching the log. */}
                  {t(`audit.actions.${entry.action}` as never, { defaultValue: "" }) || null}{" "}
                  <code className="muted" dir="ltr">
                    {entry.action}
                  </code>
                </th>
                <td>
                  <code className="audit-details" dir="ltr">
                    {JSON.stringify(entry.details)}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </TableShell>
      )}
      {hasMore ? (
        <p>
          <Link to={`?before=${entries.at(-1)!.id}`}>{t("audit.older")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
