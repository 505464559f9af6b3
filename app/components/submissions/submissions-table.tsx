import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { TableShell } from "~/components/ui/table-shell";
import type { Language } from "~/i18n/languages";
import { delegationName, nameInSentence, type NameInSentence } from "~/lib/delegation-names";
import { paths } from "~/lib/paths";
import type { RowStatus, SubmissionListRow } from "~/lib/submission-list";

type RowProps = {
  consultationId: string;
  canExtend: boolean;
  filter: RowStatus | null;
  inMeetingZone: (instant: Date | string) => string;
};

/** One row per registered delegation: where it stands, its deadline, its revisions to read. */
export function SubmissionsTable({ rows, ...rowProps }: RowProps & { rows: SubmissionListRow[] }) {
  const { t } = useTranslation(["submissions", "registrations"]);
  return (
    <TableShell caption={t("secretariat.table.title")} captionHidden tableClassName="submissions-table">
      <thead>
        <tr>
          <th scope="col">{t("secretariat.table.delegation")}</th>
          <th scope="col">{t("registrations:participation.label")}</th>
          <th scope="col">{t("secretariat.table.status")}</th>
          <th scope="col">{t("secretariat.table.deadline")}</th>
          <th scope="col">{t("secretariat.table.revisions")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <SubmissionRow key={row.delegation.id} row={row} {...rowProps} />
        ))}
      </tbody>
    </TableShell>
  );
}

function SubmissionRow({ row, consultationId, canExtend, filter, inMeetingZone }: RowProps & { row: SubmissionListRow }) {
  const { t, i18n } = useTranslation(["submissions", "common", "registrations"]);
  const language = i18n.language as Language;
  const localName = delegationName(row.delegation, language);
  // "Proroger la date limite pour le Pérou": the name with its article where the sentence needs it.
  const name = nameInSentence(row.delegation, language);
  const latest = row.latest;
  const revisionHref = (n: number) => paths.delegationRevision(consultationId, row.delegation.code, n);
  const extendHref = `?${new URLSearchParams({ ...(filter ? { status: filter } : {}), extend: row.delegation.code })}#extend-title`;
  return (
    <tr id={`delegation-${row.delegation.code}`}>
      <th scope="row">
        <span lang="en" dir="ltr" className="submissions-table__name">
          {row.delegation.nameEn}
        </span>
        {language !== "en" && localName !== row.delegation.nameEn ? (
          <span lang={language} className="submissions-table__local">
            {localName}
          </span>
        ) : null}
      </th>
      <td>{t(`registrations:participation.${row.participation}`)}</td>
      <td>
        <Badge className={`submission-status submission-status--${row.status}`}>{t(`secretariat.status.${row.status}`)}</Badge>
        {latest ? (
          <dl className="submissions-table__facts">
            <div>
              <dt>{t("secretariat.table.receipt")}</dt>
              <dd dir="ltr" className="receipt-number">
                {latest.receiptNumber}
              </dd>
            </div>
            <div>
              <dt>{t("secretariat.table.revision")}</dt>
              <dd>{latest.revisionNumber}</dd>
            </div>
            <div>
              <dt>{t("secretariat.table.language")}</dt>
              <dd>{t(`common:languageNames.${latest.language}`)}</dd>
            </div>
            <div>
              <dt>{latest.source === "email_import" ? t("secretariat.table.receivedByEmail") : t("secretariat.table.submittedAt")}</dt>
              <dd>
                <time dateTime={new Date(latest.submittedAt).toISOString()}>{inMeetingZone(latest.submittedAt)}</time>
              </dd>
            </div>
          </dl>
        ) : row.submission?.draftUpdatedAt ? (
          <p className="submissions-table__note">{t("secretariat.table.draftSaved", { time: inMeetingZone(row.submission.draftUpdatedAt) })}</p>
        ) : null}
      </td>
      <td>
        {row.deadline ? <time dateTime={new Date(row.deadline).toISOString()}>{inMeetingZone(row.deadline)}</time> : t("secretariat.noDeadline")}
        {row.deadlineExtendedTo ? <Badge className="submission-extended">{t("secretariat.table.extended")}</Badge> : null}
        {canExtend ? (
          <p className="submissions-table__note">
            <Link to={extendHref} aria-label={t("secretariat.table.extendFor", { delegation: name })}>
              {t("secretariat.table.extend")}
            </Link>
          </p>
        ) : null}
      </td>
      <td>
        {latest ? (
          <>
            <Link to={revisionHref(latest.revisionNumber)} aria-label={t("secretariat.table.readLabel", { number: latest.revisionNumber, delegation: name })}>
              {t("secretariat.table.read", { number: latest.revisionNumber })}
            </Link>
            {latest.revisionNumber > 1 ? <EarlierRevisions hrefOf={revisionHref} latest={latest.revisionNumber} name={name} /> : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

/** Links to the revisions before the latest, newest first. */
function EarlierRevisions({ hrefOf, latest, name }: { hrefOf: (n: number) => string; latest: number; name: NameInSentence }) {
  const { t } = useTranslation("submissions");
  return (
    <p className="submissions-table__note">
      {t("secretariat.table.earlier")}{" "}
      {Array.from({ length: latest - 1 }, (_, i) => latest - 1 - i).map((n, i) => (
        <span key={n}>
          {i > 0 ? ", " : null}
          <Link to={hrefOf(n)} aria-label={t("secretariat.table.readLabel", { number: n, delegation: name })}>
            {n}
          </Link>
        </span>
      ))}
    </p>
  );
}
