// The audit log's words, the same on the page and in its CSV file: an action's readable name, an
// actor as "Name (PER)" or "Name (Secretariat)", and the CSV's records. Pure: the translator and
// the rows come from the caller.
import { formatInstant } from "./dates";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** An entry as the page and the file read it (AuditRow of app/models/audit.server.ts). */
export type AuditLine = {
  id: number;
  at: Date | string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  actorDelegation: string | null;
};

/** The action's readable name where there is one ("Submission received"), else its code. */
export function actionLabel(t: Translate, action: string): string {
  return t(`consultations:audit.actions.${action}`, { defaultValue: "" }) || action;
}

/** Who: the system, or the person with their delegation's code or their role. */
export function actorLabel(t: Translate, actor: { name: string | null; role: string | null; delegation: string | null }): string {
  if (actor.name === null) return t("consultations:audit.system");
  const qualifier = actor.delegation ?? (actor.role ? t(`common:roles.${actor.role}`) : null);
  return qualifier ? `${actor.name} (${qualifier})` : actor.name;
}

/**
 * The CSV's records: a header in the reader's language, then one record per entry, newest first.
 * Times twice: UTC in ISO 8601 (for sorting and other tools) and as the page shows them, on the
 * reader's clock; the details as the JSON the page shows.
 */
export function auditCsvRecords(entries: readonly AuditLine[], t: Translate, language: string, timeZone: string): string[][] {
  const header = [
    t("consultations:audit.csv.entry"),
    t("consultations:audit.csv.whenUtc"),
    t("consultations:audit.when"),
    t("consultations:audit.who"),
    t("consultations:audit.csv.email"),
    t("consultations:audit.csv.role"),
    t("consultations:audit.csv.delegation"),
    t("consultations:audit.what"),
    t("consultations:audit.csv.action"),
    t("consultations:audit.csv.entityType"),
    t("consultations:audit.csv.entityId"),
    t("consultations:audit.details"),
  ];
  const records = entries.map((e) => [
    String(e.id),
    new Date(e.at).toISOString(),
    formatInstant(e.at, language, timeZone),
    e.actorName ?? t("consultations:audit.system"),
    e.actorEmail ?? "",
    e.actorRole ? t(`common:roles.${e.actorRole}`) : "",
    e.actorDelegation ?? "",
    actionLabel(t, e.action),
    e.action,
    e.entityType,
    e.entityId ?? "",
    JSON.stringify(e.details ?? {}),
  ]);
  return [header, ...records];
}

/** The file's name: ASCII, from the meeting's symbol ("audit-log-CTOC-COP-WG.2.csv"). */
export function auditCsvFileName(symbolPrefix: string): string {
  const base = symbolPrefix.replace(/[^A-Za-z0-9.]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  return base ? `audit-log-${base}.csv` : "audit-log.csv";
}
