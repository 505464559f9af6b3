import { useTranslation } from "~/i18n/use-translation";

/**
 * Who will be notified, in whole sentences, each with its own count (a count of zero left out): no
 * sentence is assembled from counted pieces that could not agree with it in gender, number or case.
 */
export function NotifySummary({ delegates, invitees, delegations }: { delegates: number; invitees: number; delegations: number }) {
  const { t } = useTranslation("circulation");
  if (delegates + invitees === 0) return <>{t("summary.notifyNobody")}</>;
  const sentences = [
    delegates ? t("summary.notifyDelegates", { count: delegates }) : null,
    invitees ? t("summary.notifyInvitees", { count: invitees }) : null,
    t("summary.notifyDelegations", { count: delegations }),
    // Not a plural form: Russian and Arabic "one" also covers 21, 101…
    delegates + invitees === 1 ? t("summary.notifyHowOne") : t("summary.notifyHowEach"),
  ];
  return <>{sentences.filter(Boolean).join(" ")}</>;
}
