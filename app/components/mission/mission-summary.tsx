// The head of the mission page: who the mission's focal point is for this consultation, what the
// reader may do here, and how many of the mission's places are taken.
import { isolate, withData } from "~/components/ui/data-text";
import { Notice } from "~/components/ui/notice";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { isActive, type ConsultationStatus } from "~/lib/consultation-status";
import { nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";

export function MissionSummary({
  delegation,
  focalPoint,
  isFocalPoint,
  canChange,
  status,
  count,
  limit,
}: {
  delegation: DelegationNames & DelegationArticles;
  focalPoint: { name: string } | null;
  isFocalPoint: boolean;
  canChange: boolean;
  status: ConsultationStatus;
  count: { active: number; pending: number };
  limit: { set: number | null; effective: number };
}) {
  const { t, i18n } = useTranslation("registrations");
  const language = i18n.language as Language;
  const name = nameInSentence(delegation, language, { isolate: true });
  return (
    <section aria-labelledby="mission-summary-title" className="panel">
      <h2 id="mission-summary-title">{withData(t("mission.delegationTitle", { delegation: name }))}</h2>
      <p>
        <strong>{t("mission.focalPoint")}</strong>{" "}
        {focalPoint ? (
          <>
            <span dir="auto">{focalPoint.name}</span>
            {isFocalPoint ? ` (${t("mission.you")})` : null}
          </>
        ) : (
          t("mission.noFocalPoint")
        )}
      </p>
      <p>
        {t("mission.places", { limit: limit.effective, active: count.active, pending: count.pending })}
        {limit.set === null ? ` ${t("mission.defaultLimit")}` : null}
      </p>
      {canChange ? (
        <p className="muted">{t("mission.youAreFocalPoint")}</p>
      ) : isFocalPoint && !isActive(status) ? (
        <Notice tone="warning" announce={false}>
          {t("mission.errors.locked")}
        </Notice>
      ) : focalPoint && !isFocalPoint ? (
        <p className="muted">{withData(t("mission.readOnly", { focalPoint: isolate(focalPoint.name) }))}</p>
      ) : null}
    </section>
  );
}
