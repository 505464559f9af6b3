import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { formatInstant } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { listConsultationAudit } from "~/models/audit.server";
import { getConsultationForUser } from "~/models/consultation.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Nonpaper" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const detail = isUuid(params.consultationId) ? await getConsultationForUser(user, params.consultationId) : null;
  if (!detail) throw data({ reason: "not_found" }, { status: 404 });
  const before = Number(new URL(request.url).searchParams.get("before"));
  const log = await listConsultationAudit(params.consultationId!, { before: Number.isSafeInteger(before) && before > 0 ? before : undefined });
  return {
    consultation: { id: detail.consultation.id, title: detail.consultation.title },
    timeZone: detail.consultation.meeting.timeZone,
    readerTimeZone: user.timeZone,
    ...log,
  };
}

export default function AuditPage() {
  const { consultation, entries, hasMore, timeZone, readerTimeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["consultations", "common"]);
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/consultations/${consultation.id}`}>
          <bdi>{consultation.title}</bdi>
        </Link>
      </p>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.lead")}</p>
      {entries.length === 0 ? (
        <p className="empty">{t("audit.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t("audit.title")}</caption>
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
          </table>
        </div>
      )}
      {hasMore ? (
        <p>
          <Link to={`?before=${entries.at(-1)!.id}`}>{t("audit.older")}</Link>
        </p>
      ) : null}
    </section>
  );
}
