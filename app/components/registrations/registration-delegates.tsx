// One registered delegation's people on the registrations page: its delegate accounts, its focal
// point and limit with the focal point's latest changes, its invitations (with "send a new link"
// and "withdraw") and the form to invite a delegate.
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { withData } from "~/components/ui/data-text";
import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";
import { DataTable } from "~/components/ui/data-table";
import { PostForm } from "~/components/ui/post-form";
import { LanguageOptions, usePeopleColumns } from "~/components/mission/people-columns";
import { useInviteForm } from "~/components/mission/use-invite-form";
import type { Language } from "~/i18n/languages";
import { delegationName, nameInSentence, type DelegationArticles, type DelegationNames, type NameInSentence } from "~/lib/delegation-names";
import type { InvitationState } from "~/lib/invitation-rules";
import type { MissionChange } from "~/lib/focal-point";
import { InviteSchema, type RegistrationsActionData } from "~/lib/registration-forms";
import { FocalPointSection } from "~/components/registrations/focal-point";

type LastResult = RegistrationsActionData["result"];

export type RegisteredDelegationPeople = {
  delegation: DelegationNames & DelegationArticles & { id: string; code: string };
  defaultLanguage: Language;
  pendingCount: number;
  /** The mission's focal point (one of its delegates) and the limit set for it (issue 19). */
  focalPointId?: string | null;
  delegateLimit?: number | null;
  delegates: { id: string; name: string; email: string; language: Language; disabledAt: Date | string | null }[];
  invitations: {
    id: string;
    email: string;
    name: string | null;
    createdAt: Date | string;
    expiresAt: Date | string;
    state: InvitationState;
  }[];
};

export function DelegationPeople({
  registration,
  canInvite,
  consultationId,
  changes,
  open,
  timeZone,
  lastResult,
  notice,
}: {
  registration: RegisteredDelegationPeople;
  canInvite: boolean;
  consultationId: string;
  /** The focal point's latest changes, newest first. */
  changes: MissionChange[];
  open: boolean;
  /** The meeting's zone, in which dates are shown. */
  timeZone: string;
  lastResult: LastResult;
  /** What the last action did to this delegation's invitations. */
  notice: ReactNode;
}) {
  const { t, i18n } = useTranslation("registrations");
  const language = i18n.language as Language;
  const { delegation, delegates, invitations } = registration;
  const name = delegationName(delegation, language);
  const columns = usePeopleColumns();
  return (
    // Opened by a link to #delegation-CODE from the table, and after an action on it. Named by the
    // delegation, so that its people read as that delegation's group.
    <details id={`delegation-${delegation.code}`} className="delegation-people" open={open || undefined} aria-labelledby={`delegation-${delegation.code}-name`}>
      <summary>
        <span id={`delegation-${delegation.code}-name`} className="delegation-people__name">
          {name}
        </span>{" "}
        <span className="delegation-people__counts">{t("delegates.summary", { delegates: delegates.length, pending: registration.pendingCount })}</span>
      </summary>
      <div className="delegation-people__body">
        <div role="status" aria-live="polite" className="registrations__notice-region">
          {notice}
        </div>
        <h3>{t("delegates.accounts")}</h3>
        <DataTable
          caption={`${t("delegates.accounts")} · ${name}`}
          captionHidden
          rows={delegates}
          rowKey={(d) => d.id}
          empty={<p className="empty">{t("delegates.noAccounts")}</p>}
          columns={[columns.name, columns.email, columns.language, columns.status]}
        />

        <FocalPointSection
          delegation={delegation}
          delegates={delegates}
          focalPointId={registration.focalPointId ?? null}
          delegateLimit={registration.delegateLimit ?? null}
          canChange={canInvite}
          consultationId={consultationId}
          changes={changes}
          timeZone={timeZone}
        />

        <h3>{t("delegates.invitations")}</h3>
        <DataTable
          caption={`${t("delegates.invitations")} · ${name}`}
          captionHidden
          timeZone={timeZone}
          rows={invitations}
          rowKey={(i) => i.id}
          empty={<p className="empty">{t("delegates.noInvitations")}</p>}
          columns={[
            columns.email,
            columns.name,
            columns.sent,
            { ...columns.expires, time: (i) => (i.state === "accepted" ? null : i.expiresAt) },
            {
              label: t("delegates.columns.status"),
              cell: (i) => <Badge className={`invitation-state invitation-state--${i.state}`}>{t(`delegates.state.${i.state}`)}</Badge>,
            },
            canInvite && {
              label: columns.actions,
              cell: (i) =>
                i.state === "pending" || i.state === "expired" ? (
                  <div className="registrations__row-actions">
                    <PostForm fields={{ intent: "resend", invitationId: i.id }}>
                      <Button type="submit" variant="secondary" size="small" aria-label={t("delegates.resendLabel", { email: i.email })}>
                        {t("delegates.resend")}
                      </Button>
                    </PostForm>
                    {i.state === "pending" ? (
                      <PostForm fields={{ intent: "revoke", invitationId: i.id }}>
                        <Button type="submit" variant="danger" size="small" aria-label={t("delegates.revokeLabel", { email: i.email })}>
                          {t("delegates.revoke")}
                        </Button>
                      </PostForm>
                    ) : null}
                  </div>
                ) : null,
            },
          ]}
        />

        {canInvite ? (
          <InviteForm
            delegationId={delegation.id}
            delegationName={nameInSentence(delegation, language, { isolate: true })}
            defaultLanguage={registration.defaultLanguage}
            lastResult={lastResult}
          />
        ) : null}
      </div>
    </details>
  );
}

function InviteForm({
  delegationId,
  delegationName,
  defaultLanguage,
  lastResult,
}: {
  delegationId: string;
  /** Isolated for direction, with its article ("Inviter un délégué ou une déléguée du Pérou"). */
  delegationName: NameInSentence;
  defaultLanguage: Language;
  lastResult: LastResult;
}) {
  const { t } = useTranslation("registrations");
  const [form, fields] = useInviteForm(`invite-${delegationId}`, InviteSchema, lastResult, defaultLanguage);
  const titleId = `${form.id}-title`;
  return (
    <Form method="post" {...getFormProps(form)} className="invite-form" aria-labelledby={titleId}>
      <h3 id={titleId}>{withData(t("invite.title", { delegation: delegationName }))}</h3>
      <input type="hidden" name="intent" value="invite" />
      <input type="hidden" name="delegationId" value={delegationId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="invite-form__fields">
        <div className="field">
          <label htmlFor={fields.email.id}>{t("invite.email")}</label>
          <input {...getInputProps(fields.email, { type: "email" })} dir="ltr" autoComplete="off" />
          <FormErrors id={fields.email.errorId} errors={fields.email.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.name.id}>{t("invite.name")}</label>
          <input {...getInputProps(fields.name, { type: "text" })} dir="auto" autoComplete="off" />
          <FormErrors id={fields.name.errorId} errors={fields.name.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.language.id}>{t("invite.language")}</label>
          <select {...getSelectProps(fields.language)} aria-describedby={`${fields.language.id}-help`}>
            <LanguageOptions />
          </select>
          <p id={`${fields.language.id}-help`} className="muted registrations__help">
            {t("invite.languageHelp")}
          </p>
          <FormErrors id={fields.language.errorId} errors={fields.language.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.timeZone.id}>{t("invite.timeZone")}</label>
          <input
            {...getInputProps(fields.timeZone, { type: "text" })}
            list="time-zones"
            dir="ltr"
            autoComplete="off"
            aria-describedby={`${fields.timeZone.id}-help ${fields.timeZone.errors ? fields.timeZone.errorId : ""}`.trim()}
          />
          <p id={`${fields.timeZone.id}-help`} className="muted registrations__help">
            {t("invite.timeZoneHelp")}
          </p>
          <FormErrors id={fields.timeZone.errorId} errors={fields.timeZone.errors} />
        </div>
      </div>
      <Button type="submit">{t("invite.submit")}</Button>
    </Form>
  );
}
