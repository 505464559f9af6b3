// The head of the registrations page: the consultation it belongs to, its status, how many
// delegations are registered, and what can no longer change.
import { useTranslation } from "~/i18n/use-translation";
import { StatusBadge } from "~/components/ui/status-badge";
import type { ConsultationStatus } from "~/lib/consultation-status";

export function RegistrationsHeader({
  consultation,
  count,
  canChange,
  canInvite,
}: {
  consultation: { id: string; title: string; status: ConsultationStatus; meeting: { symbolPrefix: string } };
  count: number;
  canChange: boolean;
  canInvite: boolean;
}) {
  const { t } = useTranslation("registrations");
  return (
    <>
      <p className="eyebrow">
        <bdi lang="en">{consultation.meeting.symbolPrefix}</bdi>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p className="registrations__status">
        <StatusBadge status={consultation.status} /> <strong>{t("count", { count })}</strong>
      </p>
      {!canChange ? <p className="note">{t("lockedNote")}</p> : null}
      {!canInvite ? <p className="note">{t("inviteLockedNote")}</p> : null}
    </>
  );
}
