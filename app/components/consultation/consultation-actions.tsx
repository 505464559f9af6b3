import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { ConsultationStatus } from "~/components/ui/status-badge";
import { Button } from "~/components/ui/button";
import { nextSetupStep } from "~/lib/consultation-overview";
import { paths } from "~/lib/paths";
import { mayManageConsultation, mayReadComments } from "~/lib/permissions";
import type { UserRole } from "~/models/user.server";
import { RoundLinks, type Rounds } from "~/components/revision/round-links";

/**
 * What each role does from the overview, beside the frame's navigation: the secretariat's next
 * setup step while the consultation is a draft, its settings, the import of a submission received
 * by email and the archive; the chair's way in to the comments; the non-paper for everyone.
 */
export function ConsultationActions({
  consultationId,
  meetingId,
  status,
  role,
  pointCount,
  registeredCount,
  circulated,
  rounds,
}: {
  consultationId: string;
  meetingId: string;
  status: ConsultationStatus;
  role: UserRole;
  pointCount: number;
  registeredCount: number;
  circulated: boolean;
  rounds: Rounds;
}) {
  const { t } = useTranslation(["consultations", "archive"]);
  const documents = (
    <>
      <RoundLinks consultationId={consultationId} status={status} role={role} rounds={rounds} />
      <li>
        <Link to={paths.nonPaper(consultationId)}>{t("actions.nonPaper")}</Link>
      </li>
      <li>
        <a href={paths.nonPaperDocx(consultationId)} download>
          {t("actions.nonPaperDocx")}
        </a>
      </li>
      <li>
        <a href={paths.nonPaperPdf(consultationId)} download>
          {t("actions.nonPaperPdf")}
        </a>
      </li>
    </>
  );
  // The chair's way in to what delegations said; the pages themselves are in the frame's navigation.
  if (!mayManageConsultation({ role })) {
    if (!circulated) return null;
    return mayReadComments({ role }) ? (
      <nav className="actions-panel" aria-labelledby="chair-actions">
        <h2 id="chair-actions" className="visually-hidden">
          {t("actions.chairTitle")}
        </h2>
        <p className="next-step">
          <Button to={paths.sideBySide(consultationId)}>{t("actions.readComments")}</Button>
        </p>
        <ul className="actions">{documents}</ul>
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
        ? { to: paths.agenda(consultationId), label: t("actions.agenda") }
        : step === "registrations"
          ? { to: paths.registrations(consultationId), label: t("actions.registrations") }
          : { to: paths.circulate(consultationId), label: t("actions.circulate") };
  return (
    <nav className="actions-panel" aria-labelledby="secretariat-actions">
      <h2 id="secretariat-actions" className="visually-hidden">
        {t("actions.title")}
      </h2>
      {next ? (
        <p className="next-step">
          <Button to={next.to}>{t("actions.next", { step: next.label })}</Button>
        </p>
      ) : null}
      <ul className="actions">
        {status !== "compiled" ? (
          <li>
            <Link to={paths.consultationEdit(consultationId)}>{t("actions.edit")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={paths.meetingEdit(meetingId, { back: paths.consultation(consultationId) })}>{t("actions.editMeeting")}</Link>
        </li>
        {status !== "draft" ? (
          <li>
            <Link to={paths.submissionsImport(consultationId)}>{t("actions.importSubmission")}</Link>
          </li>
        ) : null}
        {documents}
        <li>
          <a href={paths.archiveJson(consultationId)} download>
            {t("archive:links.download")}
          </a>
        </li>
      </ul>
    </nav>
  );
}
