// The mission page's people: the delegation's delegate accounts (the focal point may remove a
// colleague: the account is disabled and signed out at once) and its pending invitations (the
// focal point may withdraw one). Plain forms, one intent each: the page works without JavaScript.
import { Form } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { SubmitButton } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { isolate, withData } from "~/components/ui/data-text";
import { TableShell } from "~/components/ui/table-shell";
import { useTranslation } from "~/i18n/use-translation";
import { LANGUAGES, type Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";

const nativeName = (code: Language) => LANGUAGES.find((l) => l.code === code)?.nativeName ?? code;

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
  return (
    <section aria-labelledby="mission-delegates-title">
      <h2 id="mission-delegates-title">{t("delegates.accounts")}</h2>
      {delegates.length === 0 ? (
        <p className="empty">{t("delegates.noAccounts")}</p>
      ) : (
        <TableShell labelledBy="mission-delegates-title" tableClassName="table--cards">
          <thead>
            <tr>
              <th scope="col">{t("delegates.columns.name")}</th>
              <th scope="col">{t("delegates.columns.email")}</th>
              <th scope="col">{t("delegates.columns.language")}</th>
              <th scope="col">{t("delegates.columns.status")}</th>
              {canChange ? <th scope="col">{t("delegates.columns.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {delegates.map((d) => (
              <tr key={d.id}>
                <th scope="row" data-label={t("delegates.columns.name")}>
                  <span dir="auto">{d.name}</span>
                  {d.isFocalPoint ? (
                    <>
                      {" "}
                      <Badge tone="info">{t("mission.focalPointBadge")}</Badge>
                    </>
                  ) : null}
                  {d.isYou ? <span className="muted"> ({t("mission.you")})</span> : null}
                </th>
                <td className="registrations__email" data-label={t("delegates.columns.email")}>
                  <bdi dir="ltr">{d.email}</bdi>
                </td>
                <td lang={d.language} data-label={t("delegates.columns.language")}>
                  {nativeName(d.language)}
                </td>
                <td data-label={t("delegates.columns.status")}>{d.disabledAt ? t("delegates.account.disabled") : t("delegates.account.active")}</td>
                {canChange ? (
                  <td data-label={t("delegates.columns.actions")}>
                    {d.removable ? (
                      <Form method="post">
                        <input type="hidden" name="userId" value={d.id} />
                        <ConfirmDialog
                          name="intent"
                          value="remove"
                          size="small"
                          message={withData(t("mission.removeConfirm", { name: isolate(d.name) }))}
                          confirmLabel={t("mission.remove")}
                        >
                          {t("mission.remove")}
                          <span className="visually-hidden"> {withData(isolate(d.name))}</span>
                        </ConfirmDialog>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </TableShell>
      )}
    </section>
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
  const { t, i18n } = useTranslation("registrations");
  const when = (value: Date | string) => formatInstant(value, i18n.language, timeZone);
  return (
    <section aria-labelledby="mission-invitations-title">
      <h2 id="mission-invitations-title">{t("mission.pendingTitle")}</h2>
      {invitations.length === 0 ? (
        <p className="empty">{t("mission.noPending")}</p>
      ) : (
        <TableShell labelledBy="mission-invitations-title" tableClassName="table--cards">
          <thead>
            <tr>
              <th scope="col">{t("delegates.columns.email")}</th>
              <th scope="col">{t("delegates.columns.name")}</th>
              <th scope="col">{t("delegates.columns.language")}</th>
              <th scope="col">{t("delegates.columns.sent")}</th>
              <th scope="col">{t("delegates.columns.expires")}</th>
              {canChange ? <th scope="col">{t("delegates.columns.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <th scope="row" className="registrations__email" data-label={t("delegates.columns.email")}>
                  <bdi dir="ltr">{i.email}</bdi>
                </th>
                <td data-label={t("delegates.columns.name")}>
                  <span dir="auto">{i.name ?? "—"}</span>
                </td>
                <td lang={i.language} data-label={t("delegates.columns.language")}>
                  {nativeName(i.language)}
                </td>
                <td data-label={t("delegates.columns.sent")} suppressHydrationWarning>
                  {when(i.createdAt)}
                </td>
                <td data-label={t("delegates.columns.expires")} suppressHydrationWarning>
                  {when(i.expiresAt)}
                </td>
                {canChange ? (
                  <td data-label={t("delegates.columns.actions")}>
                    <Form method="post">
                      <input type="hidden" name="invitationId" value={i.id} />
                      <SubmitButton name="intent" value="withdraw" variant="danger" size="small" aria-label={t("delegates.revokeLabel", { email: i.email })}>
                        {t("delegates.revoke")}
                      </SubmitButton>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </TableShell>
      )}
    </section>
  );
}
