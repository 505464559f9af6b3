// The mission page's people: the delegation's delegate accounts (the focal point may remove a
// colleague: the account is disabled and signed out at once) and its pending invitations (the
// focal point may withdraw one). Plain forms, one intent each: the page works without JavaScript.
import { Badge } from "~/components/ui/badge";
import { SubmitButton } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { isolate, withData } from "~/components/ui/data-text";
import { TableSection } from "~/components/ui/data-table";
import { ActionLabelName, PostForm } from "~/components/ui/post-form";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { usePeopleColumns } from "./people-columns";

export function MissionDelegates({
  delegates,
  canChange,
}: {
  delegates: {
    id: string;
    name: string;
    email: string;
    language: Language;
    disabledAt: Date | string | null;
    isYou: boolean;
    isFocalPoint: boolean;
    removable: boolean;
  }[];
  canChange: boolean;
}) {
  const { t } = useTranslation("registrations");
  const columns = usePeopleColumns();
  return (
    <TableSection
      id="mission-delegates-title"
      title={t("delegates.accounts")}
      rows={delegates}
      rowKey={(d) => d.id}
      empty={<p className="empty">{t("delegates.noAccounts")}</p>}
      columns={[
        {
          ...columns.name,
          cell: (d) => (
            <>
              {columns.name.cell(d)}
              {d.isFocalPoint ? (
                <>
                  {" "}
                  <Badge tone="info">{t("mission.focalPointBadge")}</Badge>
                </>
              ) : null}
              {d.isYou ? <span className="muted"> ({t("mission.you")})</span> : null}
            </>
          ),
        },
        columns.email,
        columns.language,
        columns.status,
        canChange && {
          label: columns.actions,
          cell: (d) =>
            d.removable ? (
              <PostForm fields={{ userId: d.id }}>
                <ConfirmDialog
                  name="intent"
                  value="remove"
                  size="small"
                  message={withData(t("mission.removeConfirm", { name: isolate(d.name) }))}
                  confirmLabel={t("mission.remove")}
                >
                  <ActionLabelName label={t("mission.remove")} name={d.name} />
                </ConfirmDialog>
              </PostForm>
            ) : null,
        },
      ]}
    />
  );
}

export function MissionInvitations({
  invitations,
  canChange,
  timeZone,
}: {
  invitations: { id: string; email: string; name: string | null; language: Language; createdAt: Date | string; expiresAt: Date | string }[];
  canChange: boolean;
  /** The reader's zone, in which dates are shown. */
  timeZone: string;
}) {
  const { t } = useTranslation("registrations");
  const columns = usePeopleColumns();
  return (
    <TableSection
      id="mission-invitations-title"
      title={t("mission.pendingTitle")}
      timeZone={timeZone}
      rows={invitations}
      rowKey={(i) => i.id}
      empty={<p className="empty">{t("mission.noPending")}</p>}
      columns={[
        columns.email,
        columns.name,
        columns.language,
        columns.sent,
        columns.expires,
        canChange && {
          label: columns.actions,
          cell: (i) => (
            <PostForm fields={{ invitationId: i.id }}>
              <SubmitButton name="intent" value="withdraw" variant="danger" size="small" aria-label={t("delegates.revokeLabel", { email: i.email })}>
                {t("delegates.revoke")}
              </SubmitButton>
            </PostForm>
          ),
        },
      ]}
    />
  );
}
