// The registered delegations' delegates and invitations, one folding section per delegation;
// the one an action concerned (or the table's link named) is open.
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { DelegationPeople, type RegisteredDelegationPeople } from "~/components/registrations/registration-delegates";
import type { MissionChange } from "~/lib/focal-point";
import type { RegistrationsActionData } from "~/lib/registration-forms";

export function DelegatesPanel({
  registered,
  canInvite,
  consultationId,
  missionChanges,
  timeZone,
  timeZones,
  openCode,
  actionData,
  invitationNotice,
}: {
  registered: (RegisteredDelegationPeople & { id: string })[];
  canInvite: boolean;
  consultationId: string;
  /** The latest changes by each mission's focal point, by delegation code. */
  missionChanges: Record<string, MissionChange[]>;
  /** The meeting's zone, in which dates are shown. */
  timeZone: string;
  /** The zones offered for an invitee (a datalist shared by every invitation form). */
  timeZones: string[];
  /** ?open=CODE: the delegation whose section the table's link opens. */
  openCode: string | null;
  actionData: RegistrationsActionData | undefined;
  /** What the last action did to the invitations of actionData's delegation. */
  invitationNotice: ReactNode;
}) {
  const { t } = useTranslation("registrations");
  return (
    <section aria-labelledby="delegates-title" className="panel">
      <h2 id="delegates-title">{t("delegates.title")}</h2>
      <p className="muted">{t("delegates.intro")}</p>
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {registered.map((r) => (
        <DelegationPeople
          key={r.id}
          registration={r}
          canInvite={canInvite}
          consultationId={consultationId}
          changes={missionChanges[r.delegation.code] ?? []}
          timeZone={timeZone}
          open={actionData?.delegationId === r.delegation.id || openCode === r.delegation.code}
          notice={invitationNotice && actionData?.delegationId === r.delegation.id ? invitationNotice : null}
          lastResult={actionData?.intent === "invite" && actionData.delegationId === r.delegation.id ? actionData.result : undefined}
        />
      ))}
    </section>
  );
}
