// The desk's table: one row per comment of the page. Rows are plain elements built with the page's
// translator (no hooks, no router links per row), so a page of rows costs little to render.
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName, nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import { paths } from "~/lib/paths";
import type { DeskStatus } from "~/lib/translation-segments";
import { isolate, withData, withoutIsolates } from "~/components/ui/data-text";
import type { DeskT } from "./desk-view";
import { Badge } from "~/components/ui/badge";
import { TableShell } from "~/components/ui/table-shell";

/** A row as the loader sends it (dates arrive as Date on the server, as strings after serialization). */
export type DeskTableRow = {
  commentId: string;
  kind: "general" | "point" | "amendment" | "new_proposal";
  language: Language;
  label: string | null;
  excerpt: string;
  delegation: { code: string } & DelegationNames & DelegationArticles;
  agendaItem: { number: string | null };
  point: { label: string } | null;
  status: DeskStatus;
  translatorName: string | null;
  updatedAt: Date | string | null;
  machineAssisted: boolean;
};

/** "Agenda item 2, point (c)" in the reader's language, numbers and labels marked as data. */
export function deskWhere(t: DeskT, row: Pick<DeskTableRow, "kind" | "label" | "agendaItem" | "point">): string {
  const item = row.agendaItem.number ? t("consultations:agendaItem", { number: isolate(row.agendaItem.number) }) : t("consultations:generalSection");
  const detail = row.point
    ? t("where.point", { label: isolate(row.point.label) })
    : row.kind === "new_proposal"
      ? t("where.proposal", { label: isolate(row.label ?? "") })
      : t("where.general");
  return `${item}, ${detail}`;
}

export function DeskTable({
  t,
  language,
  rows,
  consultationId,
  timeZone,
}: {
  t: DeskT;
  language: Language;
  rows: readonly DeskTableRow[];
  consultationId: string;
  timeZone: string;
}) {
  // Looked up once for the page, not once per row.
  const words = {
    none: t("desk.table.none"),
    translate: t("desk.table.translate"),
    machine: t("labels.machineAssisted"),
  };
  return (
    <TableShell caption={t("desk.table.caption")} captionHidden tableClassName="desk-table">
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
        {rows.map((row) => {
          const where = deskWhere(t, row);
          const name = delegationName(row.delegation, language);
          return (
            <tr key={row.commentId} id={`comment-${row.commentId}`}>
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
                <Badge className={`desk-status desk-status--${row.status}`}>{t(`status.${row.status}`)}</Badge>
                {row.machineAssisted && row.status !== "todo" ? <Badge className="desk-machine">{words.machine}</Badge> : null}
              </td>
              <td>{row.translatorName ?? <span className="muted">{words.none}</span>}</td>
              <td>
                {row.updatedAt ? (
                  <time dateTime={new Date(row.updatedAt).toISOString()}>{formatInstant(row.updatedAt, language, timeZone)}</time>
                ) : (
                  <span className="muted">{words.none}</span>
                )}
              </td>
              <td>
                <a
                  href={paths.translation(consultationId, row.commentId)}
                  aria-label={t("desk.table.translateLabel", { delegation: nameInSentence(row.delegation, language), where: withoutIsolates(where) })}
                >
                  {words.translate}
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableShell>
  );
}
