import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { ConsultationStatus } from "~/components/status-badge";
import { nextSetupStep } from "~/lib/consultation-overview";
import type { UserRole } from "~/models/user.server";

/**
 * Where each role goes from here. The secretariat gets every setup page and, while the
 * consultation is a draft, the next step it still needs; readers get the non-paper document.
 */
export function ConsultationActions({
  consultationId,
  meetingId,
  status,
  role,
  pointCount,
  registeredCount,
  circulated,
}: {
  consultationId: string;
  meetingId: string;
  status: ConsultationStatus;
  role: UserRole;
  pointCount: number;
  registeredCount: number;
  circulated: boolean;
}) {
  const { t } = useTranslation(["consultations", "archive"]);
  const base = `/consultations/${consultationId}`;
  const documents = (
    <>
      <li>
        <Link to={`${base}/non-paper`}>{t("actions.nonPaper")}</Link>
      </li>
      <li>
        <a href={`${base}/non-paper.docx`} download>
          {t("actions.nonPaperDocx")}
        </a>
      </li>
    </>
  );
  // What delegations said, for the secretariat and the chairs once there is something to read.
  const comments = circulated ? (
    <>
      <li>
        <Link to={`${base}/side-by-side`}>{t("actions.sideBySide")}</Link>
      </li>
      <li>
        <Link to={`${base}/matrix`}>{t("actions.matrix")}</Link>
      </li>
      <li>
        <Link to={`${base}/crp`}>{t("actions.crp")}</Link>
      </li>
    </>
  ) : null;
  if (role !== "secretariat") {
    if (!circulated) return null;
    return role === "chair" ? (
      <nav className="actions-panel" aria-labelledby="chair-actions">
        <h2 id="chair-actions" className="visually-hidden">
          {t("actions.chairTitle")}
        </h2>
        <p className="next-step">
          <Link to={`${base}/side-by-side`} className="button">
            {t("actions.readComments")}
          </Link>
        </p>
        <ul className="actions">
          {comments}
          {documents}
        </ul>
      </nav>
    ) : (
      <ul className="actions" aria-label={t("facts.circulated")}>
        {documents}
      </ul>
    );
  }
  const step = nextSetupStep(status, pointCount, registeredCount);
  const next =
    step === null
      ? null
      : step === "agenda"
        ? { to: `${base}/agenda`, label: t("actions.agenda") }
        : step === "registrations"
          ? { to: `${base}/registrations`, label: t("actions.registrations") }
          : { to: `${base}/circulate`, label: t("actions.circulate") };
  return (
    <nav className="actions-panel" aria-labelledby="secretariat-actions">
      <h2 id="secretariat-actions" className="visually-hidden">
        {t("actions.title")}
      </h2>
      {next ? (
        <p className="next-step">
          <Link to={next.to} className="button">
            {t("actions.next", { step: next.label })}
          </Link>
        </p>
      ) : null}
      <ul className="actions">
        {status !== "compiled" ? (
          <li>
            <Link to={`${base}/edit`}>{t("actions.edit")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/meetings/${meetingId}/edit?back=${encodeURIComponent(base)}`}>{t("actions.editMeeting")}</Link>
        </li>
        <li>
          <Link to={`${base}/agenda`}>{t("actions.agenda")}</Link>
        </li>
        <li>
          <Link to={`${base}/registrations`}>{t("actions.registrations")}</Link>
        </li>
        <li>
          <Link to={`${base}/circulate`}>{status === "draft" ? t("actions.circulate") : t("actions.circulation")}</Link>
        </li>
        {status === "open" ? (
          <li>
            <Link to={`${base}/closing`}>{t("closing.link")}</Link>
          </li>
        ) : null}
        {status !== "draft" ? (
          <>
            <li>
              <Link to={`${base}/submissions`}>{t("actions.submissions")}</Link>
            </li>
            <li>
              <Link to={`${base}/submissions/import`}>{t("actions.importSubmission")}</Link>
            </li>
            <li>
              <Link to={`${base}/translations`}>{t("actions.translations")}</Link>
            </li>
            {comments}
          </>
        ) : null}
        {documents}
        <li>
          <Link to={`${base}/audit`}>{t("actions.audit")}</Link>
        </li>
        <li>
          <a href={`${base}/archive.json`} download>
            {t("archive:links.download")}
          </a>
        </li>
      </ul>
    </nav>
  );
}
