import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { DelegationStatus } from "~/components/submission/delegation-status";
import { Button } from "~/components/ui/button";
import { delegateNextAction } from "~/lib/consultation-overview";
import type { SubmissionWindow } from "~/lib/countdown";
import type { DelegationState } from "~/lib/delegation-state";
import { paths } from "~/lib/paths";

/**
 * The delegate's next step: write the delegation's comments while the deadline is ahead; after
 * it, what a late submission means; nothing to write once the period is closed.
 */
export function DelegatePanel({
  consultationId,
  phase,
  state,
  timeZone,
}: {
  consultationId: string;
  phase: SubmissionWindow;
  state: DelegationState | null;
  timeZone: string;
}) {
  const { t } = useTranslation("submissions");
  const submission = paths.submission(consultationId);
  if (phase === "notOpen") return null;
  const { submitted, action } = delegateNextAction(state);
  return (
    <section className={`delegate-panel delegate-panel--${phase}`} aria-labelledby="delegate-panel-title">
      <h2 id="delegate-panel-title">{t("nonPaper.panelTitle")}</h2>
      {state ? <DelegationStatus state={state} timeZone={timeZone} consultationId={consultationId} /> : null}
      {phase === "open" ? (
        <>
          <p className="delegate-panel__action">
            <Button to={submission}>{t(`nonPaper.${action}`)}</Button>
          </p>
          <p className="delegate-panel__help">{t(submitted ? "nonPaper.reviseHelp" : "nonPaper.writeHelp")}</p>
          {/* Speaking for a group or with co-sponsors, and aligning with others' comments (issue 19). */}
          <ul className="actions delegate-panel__joint">
            <li>
              <Link to={paths.joint(consultationId)}>{t("joint.link")}</Link>
            </li>
            <li>
              <Link to={paths.alignments(consultationId)}>{t("alignment.link")}</Link>
            </li>
          </ul>
        </>
      ) : phase === "late" ? (
        <>
          <p className="delegate-panel__notice">
            <strong>{t("nonPaper.deadlinePassed")}</strong> {t("nonPaper.lateNote")}
          </p>
          <p>
            <Link to={submission}>{t("nonPaper.openSubmission")}</Link>
          </p>
        </>
      ) : (
        <p className="delegate-panel__notice">{t("nonPaper.closed")}</p>
      )}
    </section>
  );
}
