import { useTranslation } from "~/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import type { Language } from "~/i18n/languages";
import type { MissionStanding } from "~/lib/closing";
import { formatInstant } from "~/lib/dates";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";

type Row = {
  id: string;
  code: string;
  names: DelegationNames;
  standing: MissionStanding;
  deadline: string | Date | null;
  draftUpdatedAt: string | Date | null;
  /** When the mission's drafters asked for clearance (standing "awaitingClearance"). */
  clearanceRequestedAt?: string | Date | null;
  delegates: number;
};

// Who would lose out by a closing first: drafts never submitted (or waiting for the mission's
// clearance), then changes not submitted, then silence; then those aligned with another's
// submission, and those that submitted.
const GROUPS: MissionStanding[] = ["draftOnly", "awaitingClearance", "changedSinceSubmission", "nothing", "aligned", "submitted"];

/**
 * The registered delegations grouped by where their comments stand, names in the reader's
 * language and alphabetical order, with when a draft was last saved and whether the mission can
 * be reached by email at all.
 */
export function Standings({
  delegations,
  consultationDeadline,
  timeZone,
}: {
  delegations: Row[];
  consultationDeadline: string | Date | null;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation("consultations");
  const language = i18n.language as Language;
  const collator = new Intl.Collator(language);
  return (
    <section className="panel stack" aria-labelledby="standings-title">
      <h2 id="standings-title">{t("closing.standings.title")}</h2>
      {delegations.length === 0 ? <p className="empty">{t("closing.standings.none")}</p> : null}
      {delegations.length > 0 && delegations.every((d) => d.standing === "submitted") ? <p>{t("closing.standings.allSubmitted")}</p> : null}
      {GROUPS.map((group) => {
        const rows = delegations
          .filter((d) => d.standing === group)
          .map((d) => ({ ...d, name: delegationName(d.names, language) }))
          .sort((a, b) => collator.compare(a.name, b.name));
        if (!rows.length) return null;
        return (
          <div key={group} className={`closing-group closing-group--${group}`}>
            <h3 id={`standing-${group}`}>
              {t(`closing.standings.${group}`)} <Badge>{rows.length}</Badge>
            </h3>
            <ul aria-labelledby={`standing-${group}`} data-standing={group}>
              {rows.map((d) => {
                const details = [
                  d.draftUpdatedAt && group !== "submitted"
                    ? t("closing.standings.draftSaved", { date: formatInstant(d.draftUpdatedAt, i18n.language, timeZone) })
                    : null,
                  d.clearanceRequestedAt
                    ? t("closing.standings.clearanceAsked", { date: formatInstant(d.clearanceRequestedAt, i18n.language, timeZone) })
                    : null,
                  // An extension for this delegation: its own deadline is later.
                  d.deadline && consultationDeadline && new Date(d.deadline).getTime() !== new Date(consultationDeadline).getTime()
                    ? t("closing.standings.extended", { date: formatInstant(d.deadline, i18n.language, timeZone) })
                    : null,
                  d.delegates === 0 ? t("closing.standings.noAccount") : null,
                ].filter(Boolean);
                return (
                  <li key={d.id} data-code={d.code}>
                    <bdi>{d.name}</bdi>
                    {details.length ? <span className="muted"> · {details.join(" · ")}</span> : null}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
