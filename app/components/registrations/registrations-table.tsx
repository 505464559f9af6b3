// The registered delegations as a table: the name in English and the reader's language, the
// participation (changed in place), how many delegates and pending invitations, and removal.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { TableShell } from "~/components/ui/table-shell";
import type { Language } from "~/i18n/languages";
import { delegationName, nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import { PARTICIPATIONS, type Participation } from "~/lib/registration-review";

export type RegistrationRow = {
  id: string;
  participation: Participation;
  hasSubmission: boolean;
  delegation: DelegationNames & DelegationArticles & { id: string; code: string };
  delegates: unknown[];
  pendingCount: number;
};

export function RegistrationsTable({ registered, canChange }: { registered: RegistrationRow[]; canChange: boolean }) {
  const { t } = useTranslation("registrations");
  return (
    <section aria-labelledby="registered-title" className="panel">
      <h2 id="registered-title">{t("table.caption")}</h2>
      {registered.length === 0 ? (
        <p className="empty">{t("table.empty")}</p>
      ) : (
        <TableShell caption={t("table.caption")} captionHidden tableClassName="registrations__table">
          <thead>
            <tr>
              <th scope="col">{t("table.delegation")}</th>
              <th scope="col">{t("table.participation")}</th>
              <th scope="col" className="numeric">
                {t("table.delegates")}
              </th>
              <th scope="col" className="numeric">
                {t("table.pending")}
              </th>
              {canChange ? <th scope="col">{t("table.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {registered.map((r) => (
              <RegistrationTableRow key={r.id} registration={r} canChange={canChange} />
            ))}
          </tbody>
        </TableShell>
      )}
    </section>
  );
}

function RegistrationTableRow({ registration: r, canChange }: { registration: RegistrationRow; canChange: boolean }) {
  const { t, i18n } = useTranslation("registrations");
  const language = i18n.language as Language;
  const english = r.delegation.nameEn;
  const local = delegationName(r.delegation, language);
  // "Participation du Pérou": the name with its article where the sentence needs it.
  const inSentence = nameInSentence(r.delegation, language);
  return (
    <tr>
      <th scope="row">
        <span lang="en" dir="ltr">
          {english}
        </span>
        {local !== english ? (
          <span className="registrations__local-name" lang={language}>
            {local}
          </span>
        ) : null}
      </th>
      <td>
        {canChange ? (
          <Form method="post" className="registrations__inline-form">
            <input type="hidden" name="intent" value="participation" />
            <input type="hidden" name="delegationId" value={r.delegation.id} />
            <label className="visually-hidden" htmlFor={`participation-${r.id}`}>
              {t("table.participationOf", { delegation: inSentence })}
            </label>
            <select id={`participation-${r.id}`} name="participation" defaultValue={r.participation}>
              {PARTICIPATIONS.map((p) => (
                <option key={p} value={p}>
                  {t(`participation.${p}`)}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" size="small">
              {t("table.change")}
              <span className="visually-hidden"> · {t("table.participationOf", { delegation: inSentence })}</span>
            </Button>
          </Form>
        ) : (
          t(`participation.${r.participation}`)
        )}
      </td>
      <td className="numeric">
        <Link to={`?open=${r.delegation.code}#delegation-${r.delegation.code}`}>
          {r.delegates.length}
          <span className="visually-hidden"> · {t("table.delegatesOf", { delegation: inSentence })}</span>
        </Link>
      </td>
      <td className="numeric">{r.pendingCount}</td>
      {canChange ? (
        <td>
          {r.hasSubmission ? (
            <span className="muted">{t("table.hasSubmission")}</span>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="delegationId" value={r.delegation.id} />
              <Button type="submit" variant="danger" size="small" aria-label={t("table.removeLabel", { delegation: inSentence })}>
                {t("table.remove")}
              </Button>
            </Form>
          )}
        </td>
      ) : null}
    </tr>
  );
}
