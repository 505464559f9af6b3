// The groups of a consultation: those with members registered for it and those formed for it, how
// many of their members are registered, and each one's coordinator, chosen among those members.
// One small form per row (the coordinator; deleting a group formed for the consultation).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { SubmitButton } from "~/components/ui/button";
import { TableShell } from "~/components/ui/table-shell";
import { isolate, withData } from "~/components/ui/data-text";
import { formatCalendarDate } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { groupName, type GroupKind, type GroupNames } from "~/lib/groups";
import { paths } from "~/lib/paths";

export type ConsultationGroupRow = GroupNames & {
  id: string;
  code: string;
  kind: GroupKind;
  consultationId: string | null;
  memberCount: number;
  registeredCount: number;
  membershipAsOf: string;
  coordinatorId: string | null;
  registered: (GroupNames & { id: string; code: string })[];
};

export function ConsultationGroupsTable({ groups, canChange }: { groups: ConsultationGroupRow[]; canChange: boolean }) {
  const { t, i18n } = useTranslation("groups");
  const language = i18n.language as Language;
  if (!groups.length) return <p className="muted">{t("consultation.empty")}</p>;
  return (
    <TableShell caption={t("consultation.title")} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t("columns.name")}</th>
          <th scope="col">{t("columns.registered")}</th>
          <th scope="col">{t("columns.membershipAsOf")}</th>
          <th scope="col">{t("columns.coordinator")}</th>
          <th scope="col">{t("columns.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => {
          const name = groupName(group, language);
          const selectId = `coordinator-${group.id}`;
          const coordinator = group.registered.find((d) => d.id === group.coordinatorId);
          return (
            <tr key={group.id}>
              <th scope="row">
                <Link to={paths.group(group.id)}>{name}</Link>
                <br />
                <span className="muted">{t(`kinds.${group.kind}`)}</span>
              </th>
              <td>{t("registeredOf", { registered: group.registeredCount, total: group.memberCount })}</td>
              <td>{formatCalendarDate(group.membershipAsOf, language)}</td>
              <td>
                {!group.registered.length ? (
                  <span className="muted">{t("consultation.noRegistered")}</span>
                ) : canChange ? (
                  <Form method="post" className="groups__coordinator">
                    <input type="hidden" name="intent" value="coordinator" />
                    <input type="hidden" name="groupId" value={group.id} />
                    <label htmlFor={selectId} className="visually-hidden">
                      {withData(t("consultation.coordinatorLabel", { group: isolate(name) }))}
                    </label>
                    <select id={selectId} name="delegationId" defaultValue={group.coordinatorId ?? ""}>
                      <option value="">{t("consultation.noCoordinator")}</option>
                      {group.registered.map((d) => (
                        <option key={d.id} value={d.id}>
                          {delegationName(d, language)}
                        </option>
                      ))}
                    </select>
                    <SubmitButton variant="secondary" size="small">
                      {t("consultation.setCoordinator")}
                      <span className="visually-hidden"> {name}</span>
                    </SubmitButton>
                  </Form>
                ) : coordinator ? (
                  <bdi>{delegationName(coordinator, language)}</bdi>
                ) : (
                  <span className="muted">{t("consultation.noCoordinator")}</span>
                )}
              </td>
              <td>
                {group.consultationId && canChange ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="groupId" value={group.id} />
                    <ConfirmDialog
                      message={withData(t("consultation.deleteConfirm", { group: isolate(name) }))}
                      confirmLabel={t("consultation.delete")}
                      size="small"
                    >
                      {t("consultation.delete")}
                      <span className="visually-hidden"> {name}</span>
                    </ConfirmDialog>
                  </Form>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableShell>
  );
}
