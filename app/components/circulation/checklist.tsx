import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isolate, withData } from "~/components/ui/data-text";
import { Badge } from "~/components/ui/badge";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import { paths } from "~/lib/paths";
import type { CirculationBlocker } from "~/models/circulation.server";

type Checklist = {
  points: number;
  agendaItemsWithPoints: number;
  pointsWithBrackets: number;
  registrations: number;
  deadline: string | Date | null;
  blockers: CirculationBlocker[];
  unreachedDelegations: DelegationNames[];
};

/** What circulation needs (points, registrations, a future deadline) and what it warns about. */
export function CirculationChecklist({ consultationId, checklist, timeZone }: { consultationId: string; checklist: Checklist; timeZone: string }) {
  const { t, i18n } = useTranslation("circulation");
  const language = i18n.language as Language;
  const id = consultationId;
  const has = (b: CirculationBlocker) => checklist.blockers.includes(b);
  const deadlineText = checklist.deadline ? formatInstant(checklist.deadline, i18n.language, timeZone) : null;
  // Two sentences, each agreeing with its own count (one point is under one item: that goes without saying).
  const pointsText = [
    t("checklist.points.ok", { count: checklist.points }),
    checklist.points > 1 ? t("checklist.points.items", { count: checklist.agendaItemsWithPoints }) : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <section className="panel" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t("checklist.title")}</h2>
      <ul className="circulation-checklist">
        <ChecklistItem
          state={has("no_points") ? "todo" : "done"}
          text={has("no_points") ? t("checklist.points.missing") : pointsText}
          link={{ to: paths.agenda(id), label: t("checklist.points.link") }}
        />
        {checklist.pointsWithBrackets > 0 ? (
          <ChecklistItem
            state="warning"
            text={t("checklist.brackets", { count: checklist.pointsWithBrackets })}
            link={{ to: paths.agenda(id), label: t("checklist.points.link") }}
          />
        ) : null}
        <ChecklistItem
          state={has("no_registrations") ? "todo" : "done"}
          text={has("no_registrations") ? t("checklist.registrations.missing") : t("checklist.registrations.ok", { count: checklist.registrations })}
          link={{ to: paths.registrations(id), label: t("checklist.registrations.link") }}
        />
        {checklist.unreachedDelegations.length > 0 ? (
          <ChecklistItem
            state="warning"
            text={t("checklist.unreached", {
              count: checklist.unreachedDelegations.length,
              names: checklist.unreachedDelegations.map((d) => isolate(delegationName(d, language))).join(t("listSeparator")),
            })}
            link={{ to: paths.registrations(id), label: t("checklist.invite") }}
          />
        ) : null}
        <ChecklistItem
          state={has("no_deadline") || has("deadline_passed") ? "todo" : "done"}
          text={
            has("no_deadline")
              ? t("checklist.deadline.missing")
              : has("deadline_passed")
                ? t("checklist.deadline.passed", { deadline: deadlineText })
                : t("checklist.deadline.ok", { deadline: deadlineText })
          }
          link={{ to: paths.consultationEdit(id), label: t("checklist.deadline.link") }}
        />
      </ul>
    </section>
  );
}

function ChecklistItem({ state, text, link }: { state: "done" | "todo" | "warning"; text: string; link: { to: string; label: string } }) {
  const { t } = useTranslation("circulation");
  return (
    <li className={`circulation-checklist__item circulation-checklist__item--${state}`}>
      <Badge className={`circulation-checklist__state circulation-checklist__state--${state}`}>{t(`checklist.state.${state}`)}</Badge>
      <span className="circulation-checklist__text">{withData(text)}</span>
      {state === "done" ? null : <Link to={link.to}>{link.label}</Link>}
    </li>
  );
}
