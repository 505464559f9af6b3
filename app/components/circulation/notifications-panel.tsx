import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { TableShell } from "~/components/ui/table-shell";
import { LANGUAGES } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { paths } from "~/lib/paths";
import type { CirculationPageData } from "~/models/circulation.server";

/** The emails of the latest circulation: counts by state, then one row per recipient. */
export function NotificationsPanel({
  consultationId,
  notifications,
  counts,
  timeZone,
}: {
  consultationId: string;
  notifications: CirculationPageData["notifications"];
  counts: CirculationPageData["notificationCounts"];
  timeZone: string;
}) {
  const { t, i18n } = useTranslation("circulation");
  return (
    <section className="panel" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t("notifications.title")}</h2>
      <p>
        {/* Counts after labels: one sentence that needs no agreement with three numbers. */}
        {t("notifications.summary", { sent: counts.sent, pending: counts.pending, failed: counts.failed })}{" "}
        <Link to={paths.outbox({ consultation: consultationId })}>{t("notifications.outboxLink")}</Link>
      </p>
      {notifications.length === 0 ? (
        <p className="empty">{t("notifications.none")}</p>
      ) : (
        <TableShell caption={t("notifications.title")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("columns.recipient")}</th>
              <th scope="col">{t("columns.language")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col" className="numeric">
                {t("columns.attempts")}
              </th>
              <th scope="col">{t("columns.sent")}</th>
            </tr>
          </thead>
          <tbody>
            {notifications.map((n) => (
              <tr key={n.id}>
                <th scope="row" dir="ltr">
                  {n.recipientEmail}
                </th>
                <td lang={n.language}>{LANGUAGES.find((l) => l.code === n.language)?.nativeName}</td>
                <td>
                  <Badge className={`outbox-status outbox-status--${n.status}`}>{t(`outboxStatus.${n.status}`)}</Badge>
                  {n.lastError ? (
                    <span className="outbox-error" dir="ltr">
                      {n.lastError}
                    </span>
                  ) : null}
                </td>
                <td className="numeric">{n.attempts}</td>
                <td>{n.sentAt ? formatInstant(n.sentAt, i18n.language, timeZone) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </TableShell>
      )}
    </section>
  );
}
