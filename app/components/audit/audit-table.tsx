// The audit log's entries, newest first: when (on the reader's clock), who, what, and the details
// as recorded.
import { TableShell } from "~/components/ui/table-shell";
import { formatInstant } from "~/lib/dates";
import type { Translate } from "~/lib/audit-export";

export type AuditTableEntry = {
  id: number;
  at: string | Date;
  action: string;
  details: unknown;
  actorName: string | null;
  actorRole: string | null;
  actorDelegation: string | null;
};

export function AuditTable({ t, language, timeZone, entries }: { t: Translate; language: string; timeZone: string; entries: readonly AuditTableEntry[] }) {
  return (
    <TableShell caption={t("consultations:audit.title")} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t("consultations:audit.when")}</th>
          <th scope="col">{t("consultations:audit.who")}</th>
          <th scope="col">{t("consultations:audit.what")}</th>
          <th scope="col">{t("consultations:audit.details")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{formatInstant(entry.at, language, timeZone)}</td>
            <td>
              {entry.actorName ?? t("consultations:audit.system")}
              {entry.actorRole ? (
                <span className="muted">
                  {" "}
                  · {t(`common:roles.${entry.actorRole}`)}
                  {entry.actorDelegation ? ` · ${entry.actorDelegation}` : null}
                </span>
              ) : null}
            </td>
            <th scope="row">
              {/* A readable name where there is one; the code stays, for searching the log. */}
              {t(`consultations:audit.actions.${entry.action}`, { defaultValue: "" }) || null}{" "}
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
  );
}
