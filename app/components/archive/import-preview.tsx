import { useTranslation } from "~/i18n/use-translation";
import { TableShell } from "~/components/ui/table-shell";
import { isolate, withData } from "~/components/ui/data-text";
import type { Language } from "~/i18n/languages";
import { delegationName } from "~/lib/delegation-names";
import type { ImportPlan } from "~/models/archive.server";

const COUNTS = [
  "agendaItems",
  "points",
  "registrations",
  "submissions",
  "revisions",
  "comments",
  "translations",
  "attachments",
  "documents",
  "auditEntries",
] as const;

/**
 * What importing the checked file would do, for the officer to confirm: the consultation and how
 * it is imported (new, or a copy with its own receipt prefix), what it holds, the accounts it
 * creates and the chairs it gives access. `changed`: the confirmation was refused because the file
 * or this instance changed; this is the new plan.
 */
export function ImportPreview({ plan, changed }: { plan: ImportPlan; changed: boolean }) {
  const { t, i18n } = useTranslation(["archive", "common"]);
  const language = i18n.language as Language;
  return (
    <section className="stack archive-preview" aria-labelledby="archive-preview-title">
      <h2 id="archive-preview-title">{t("preview.title")}</h2>
      {changed ? (
        <p className="form-errors" role="alert">
          {t("preview.changed")}
        </p>
      ) : (
        <p role="status">{t("preview.lead")}</p>
      )}
      <dl className="facts">
        <div>
          <dt>{t("preview.consultation")}</dt>
          <dd>
            <bdi>{plan.title}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("preview.mode")}</dt>
          <dd>{t(plan.remapped ? "preview.copy" : "preview.new")}</dd>
        </div>
        <div>
          <dt>{t("preview.prefix")}</dt>
          <dd>
            {plan.receiptPrefix === plan.sourcePrefix ? (
              <code dir="ltr">{plan.receiptPrefix}</code>
            ) : (
              t("preview.prefixChanged", { to: plan.receiptPrefix, from: plan.sourcePrefix })
            )}
          </dd>
        </div>
        <div>
          <dt>{t("preview.meeting")}</dt>
          <dd>
            {withData(
              t(plan.meeting.existing ? "preview.meetingExisting" : "preview.meetingNew", {
                body: isolate(plan.meeting.body),
                session: isolate(plan.meeting.session),
              }),
            )}
          </dd>
        </div>
      </dl>

      <h3>{t("preview.contents")}</h3>
      <dl className="facts">
        {COUNTS.map((key) => (
          <div key={key}>
            <dt>{t(`preview.counts.${key}`)}</dt>
            <dd>{plan.counts[key].toLocaleString(language)}</dd>
          </div>
        ))}
      </dl>

      <h3 id="archive-accounts">{t("preview.accountsTitle")}</h3>
      {plan.accounts.length ? (
        <>
          <p>{t("preview.accountsLead")}</p>
          <TableShell labelledBy="archive-accounts">
            <thead>
              <tr>
                <th scope="col">{t("preview.columns.name")}</th>
                <th scope="col">{t("preview.columns.email")}</th>
                <th scope="col">{t("preview.columns.role")}</th>
                <th scope="col">{t("preview.columns.delegation")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.accounts.map((account) => (
                <tr key={account.email}>
                  <th scope="row">
                    <bdi>{account.name}</bdi>
                  </th>
                  <td dir="ltr">{account.email}</td>
                  <td>{t(`common:roles.${account.role}`)}</td>
                  <td>{account.delegationNames ? delegationName(account.delegationNames, language) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </TableShell>
        </>
      ) : (
        <p>{t("preview.noAccounts")}</p>
      )}

      <h3 id="archive-chairs">{t("preview.chairsTitle")}</h3>
      {plan.chairs.length ? (
        <>
          <p>{t("preview.chairsLead")}</p>
          <TableShell labelledBy="archive-chairs">
            <thead>
              <tr>
                <th scope="col">{t("preview.columns.name")}</th>
                <th scope="col">{t("preview.columns.email")}</th>
                <th scope="col">{t("preview.columns.account")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.chairs.map((chair) => (
                <tr key={chair.email}>
                  <th scope="row">
                    <bdi>{chair.name}</bdi>
                  </th>
                  <td dir="ltr">{chair.email}</td>
                  <td>{t(chair.existing ? "preview.existingAccount" : "preview.newAccount")}</td>
                </tr>
              ))}
            </tbody>
          </TableShell>
        </>
      ) : (
        <p>{t("preview.noChairs")}</p>
      )}

      {plan.counts.auditEntries ? <p>{t("preview.audit")}</p> : null}
    </section>
  );
}
