// The instance's standing groups: name, kind, how many members, and the date of the membership.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { TableShell } from "~/components/ui/table-shell";
import { formatCalendarDate } from "~/lib/dates";
import { groupName, type GroupKind, type GroupNames } from "~/lib/groups";
import { paths } from "~/lib/paths";

export type StandingGroupRow = GroupNames & { id: string; code: string; kind: GroupKind; memberCount: number; membershipAsOf: string };

export function StandingGroupsTable({ groups }: { groups: StandingGroupRow[] }) {
  const { t, i18n } = useTranslation("groups");
  const language = i18n.language as Language;
  if (!groups.length) return <p className="muted">{t("empty")}</p>;
  return (
    <TableShell caption={t("title")} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t("columns.name")}</th>
          <th scope="col">{t("columns.kind")}</th>
          <th scope="col">{t("columns.members")}</th>
          <th scope="col">{t("columns.membershipAsOf")}</th>
          <th scope="col">{t("columns.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.id}>
            <th scope="row">
              <Link to={paths.group(group.id)}>{groupName(group, language)}</Link> <span className="muted">{group.code}</span>
            </th>
            <td>{t(`kinds.${group.kind}`)}</td>
            <td>{group.memberCount}</td>
            <td>{formatCalendarDate(group.membershipAsOf, language)}</td>
            <td>
              <Link to={paths.group(group.id)}>
                {t("edit")}
                <span className="visually-hidden"> {groupName(group, language)}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </TableShell>
  );
}
