// One registered delegation's focal point on the registrations page (issue 19): the secretariat
// names one of its active delegates and sets the limit of the mission's delegates, and reads the
// focal point's latest changes (from the audit log; the audit page has them all).
import { Link } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/button";
import { isolate, withData } from "~/components/ui/data-text";
import { PostForm } from "~/components/ui/post-form";
import { useTranslation } from "~/i18n/use-translation";
import { formatInstant } from "~/lib/dates";
import { DEFAULT_DELEGATE_LIMIT, MAX_DELEGATE_LIMIT, type MissionAction, type MissionChange } from "~/lib/focal-point";
import { paths } from "~/lib/paths";

/** The sentence of each kind of change. */
const CHANGE_KEYS: Record<MissionAction, "invite" | "withdraw" | "remove"> = {
  "mission.invite": "invite",
  "mission.withdraw_invitation": "withdraw",
  "mission.remove": "remove",
};

export function FocalPointSection({
  delegation,
  delegates,
  focalPointId,
  delegateLimit,
  canChange,
  consultationId,
  changes,
  timeZone,
}: {
  delegation: { id: string; code: string };
  delegates: { id: string; name: string; disabledAt: Date | string | null }[];
  focalPointId: string | null;
  delegateLimit: number | null;
  canChange: boolean;
  consultationId: string;
  changes: MissionChange[];
  /** The meeting's zone, in which dates are shown. */
  timeZone: string;
}) {
  const { t, i18n } = useTranslation("registrations");
  const focalPoint = delegates.find((d) => d.id === focalPointId) ?? null;
  // Only an active delegate can be named; a focal point disabled since stays listed, as it is.
  const choices = delegates.filter((d) => !d.disabledAt || d.id === focalPointId);
  const ids = { select: `focal-point-${delegation.code}`, limit: `delegate-limit-${delegation.code}`, help: `delegate-limit-${delegation.code}-help` };
  const limitText =
    delegateLimit === null ? t("focalPoint.notices.defaultLimit", { limit: DEFAULT_DELEGATE_LIMIT }) : t("focalPoint.notices.limit", { limit: delegateLimit });
  return (
    <>
      <h3>{t("focalPoint.title")}</h3>
      <p className="muted registrations__help">{t("focalPoint.intro")}</p>
      {canChange ? (
        <div className="registrations__focal-point">
          <PostForm className="registrations__inline-form" fields={{ intent: "focal-point", delegationId: delegation.id }}>
            <label htmlFor={ids.select}>{t("focalPoint.label")}</label>
            <select id={ids.select} name="focalPointId" defaultValue={focalPointId ?? ""}>
              <option value="">{t("focalPoint.none")}</option>
              {choices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.disabledAt ? `${d.name} (${t("delegates.account.disabled")})` : d.name}
                </option>
              ))}
            </select>
            <SubmitButton variant="secondary" size="small">
              {t("focalPoint.save")}
            </SubmitButton>
          </PostForm>
          <PostForm className="registrations__inline-form" fields={{ intent: "delegate-limit", delegationId: delegation.id }}>
            <label htmlFor={ids.limit}>{t("focalPoint.limit")}</label>
            <input
              id={ids.limit}
              name="delegateLimit"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_DELEGATE_LIMIT}
              defaultValue={delegateLimit ?? ""}
              placeholder={String(DEFAULT_DELEGATE_LIMIT)}
              aria-describedby={ids.help}
              className="registrations__limit"
            />
            <SubmitButton variant="secondary" size="small">
              {t("focalPoint.saveLimit")}
            </SubmitButton>
          </PostForm>
          <p id={ids.help} className="muted registrations__help">
            {t("focalPoint.limitHelp", { limit: DEFAULT_DELEGATE_LIMIT, max: MAX_DELEGATE_LIMIT })}
          </p>
        </div>
      ) : (
        <p>
          <strong>{t("focalPoint.label")}</strong> {focalPoint ? <span dir="auto">{focalPoint.name}</span> : t("focalPoint.none")} · {limitText}
        </p>
      )}
      {focalPointId || changes.length ? (
        <>
          <h4>{t("focalPoint.changes")}</h4>
          {changes.length ? (
            <ul className="registrations__changes">
              {changes.map((c) => (
                <li key={c.id} suppressHydrationWarning>
                  {withData(
                    t(`focalPoint.changeKinds.${CHANGE_KEYS[c.action]}`, {
                      date: formatInstant(c.at, i18n.language, timeZone),
                      who: isolate(c.actorName ?? "—"),
                      email: isolate(c.email ?? "—"),
                    }),
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t("focalPoint.noChanges")}</p>
          )}
          <p>
            <Link to={paths.audit(consultationId, { delegation: delegation.code })}>{t("focalPoint.allChanges")}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
