import { useTranslation } from "~/i18n/use-translation";

/** Who will be notified, in a sentence that leaves out a count of zero. */
export function NotifySummary({ delegates, invitees, delegations }: { delegates: number; invitees: number; delegations: number }) {
  const { t } = useTranslation("circulation");
  if (delegates + invitees === 0) return <>{t("summary.notifyNobody")}</>;
  const ofDelegations = t("summary.delegations", { count: delegations });
  const delegatesText = t("summary.delegates", { count: delegates });
  const inviteesText = t("summary.invitees", { count: invitees });
  if (delegates === 0 || invitees === 0) {
    return <>{t("summary.notifyOnly", { people: delegates === 0 ? inviteesText : delegatesText, delegations: ofDelegations })}</>;
  }
  return <>{t("summary.notify", { delegates: delegatesText, invitees: inviteesText, delegations: ofDelegations })}</>;
}
