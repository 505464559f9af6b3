import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Countdown } from "~/components/countdown";
import { Deadline } from "~/components/deadline";
import { PendingText } from "~/components/redline";
import { StatusBadge, type ConsultationStatus } from "~/components/status-badge";
import { DelegationStatus } from "~/components/submission/delegation-status";
import { isolate, withData } from "~/components/ui/data-text";
import type { DelegationState } from "~/lib/delegation-state";
import { submissionWindow, type SubmissionWindow } from "~/lib/countdown";
import { formatCalendarRange, formatInstant } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { countOpenBrackets } from "~/lib/point-import";
import { getConsultationForUser } from "~/models/consultation.server";
import { getDelegationProgress } from "~/models/delegation-state.server";
import { getDelegationDeadline } from "~/models/submission.server";
import { requireUser, type UserRole } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.detail.consultation.title} · Nonpaper` : "Nonpaper" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // A malformed id and one the user may not see both answer 404, revealing nothing.
  const detail = isUuid(params.consultationId) ? await getConsultationForUser(user, params.consultationId) : null;
  if (!detail) throw data({ reason: "not_found" }, { status: 404 });
  // A delegate's own deadline: the secretariat may have extended it for their delegation.
  const delegationDeadline = user.role === "delegate" ? await getDelegationDeadline(user, detail.consultation.id) : null;
  // Where the delegate's delegation stands: not started, draft, submitted (receipt), late, …
  const delegationState = (await getDelegationProgress(user, [detail.consultation.id])).get(detail.consultation.id)?.state ?? null;
  // Set by the circulate action's redirect: the confirmation the officer expects to see.
  const circulated = Number(new URL(request.url).searchParams.get("circulated"));
  return {
    detail,
    role: user.role,
    readerTimeZone: user.timeZone,
    delegationDeadline,
    delegationState,
    circulatedNumber: Number.isSafeInteger(circulated) && circulated > 0 ? circulated : null,
    // The server's clock when the page was made: the countdown starts from it (same text in the
    // HTML and after hydration) and whether the deadline has passed is decided by it.
    now: new Date().toISOString(),
  };
}

export default function ConsultationPage() {
  const { detail, role, readerTimeZone, delegationDeadline, delegationState, circulatedNumber, now } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("consultations");
  const { consultation, agendaItems, nonPaper } = detail;
  const meeting = consultation.meeting;
  // For a delegate, their delegation's deadline (extended or not); for everyone else the consultation's.
  const deadline = delegationDeadline ? delegationDeadline.effective : consultation.deadline;
  // A delegate's page turns from "write" to "late" when the countdown reaches the deadline.
  const [deadlinePassedLive, setDeadlinePassedLive] = useState(false);
  const delegateWindow = role === "delegate" ? submissionWindow(consultation.status, deadline, Date.parse(now)) : null;
  const delegatePhase = delegateWindow === "open" && deadlinePassedLive ? "late" : delegateWindow;
  return (
    <article className="consultation">
      {circulatedNumber && role === "secretariat" ? (
        <p className="flash" role="status">
          {t("flash.circulated", { number: circulatedNumber })} <Link to="/outbox">{t("flash.outbox")}</Link>
        </p>
      ) : null}
      <header className="consultation__header">
        <p className="eyebrow" lang="en">
          <bdi>{meeting.symbolPrefix}</bdi> · <bdi>{meeting.body}</bdi>
        </p>
        <h1>
          <bdi>{consultation.title}</bdi>
        </h1>
        <dl className="facts">
          <div>
            <dt>{t("facts.status")}</dt>
            <dd>
              <StatusBadge status={consultation.status} />
            </dd>
          </div>
          <div>
            <dt>{t("facts.meeting")}</dt>
            <dd>
              <bdi>{meeting.venue}</bdi>, {formatCalendarRange(meeting.startDate, meeting.endDate, i18n.language)} (
              {t(`format.${meeting.format}`)})
            </dd>
          </div>
          <div>
            <dt>{t("facts.deadline")}</dt>
            <dd>
              <Deadline deadline={deadline} meetingTimeZone={meeting.timeZone} readerTimeZone={readerTimeZone} />
              {role === "delegate" && deadline && consultation.status === "open" ? (
                <Countdown deadline={deadline} now={now} onPassed={() => setDeadlinePassedLive(true)} />
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("facts.circulated")}</dt>
            <dd>
              {nonPaper
                ? role === "delegate"
                  ? // A mission knows the document as it reads it ("Rev.1"), not by the secretariat's count.
                    nonPaper.number > 1
                    ? t("facts.circulatedRevised", {
                        rev: nonPaper.number - 1,
                        date: formatInstant(nonPaper.circulatedAt, i18n.language, meeting.timeZone),
                      })
                    : t("facts.circulatedFirst", { date: formatInstant(nonPaper.circulatedAt, i18n.language, meeting.timeZone) })
                  : t("facts.circulatedOn", {
                      number: nonPaper.number,
                      date: formatInstant(nonPaper.circulatedAt, i18n.language, meeting.timeZone),
                    })
                : t("facts.notCirculated")}
            </dd>
          </div>
          <div>
            <dt>{t("facts.registered")}</dt>
            <dd>{t("facts.delegationCount", { count: detail.registeredCount })}</dd>
          </div>
          {consultation.crpSymbol && role !== "delegate" ? (
            <div>
              <dt>{t("facts.crp")}</dt>
              <dd>
                <span dir="ltr">{consultation.crpSymbol}</span>
                {consultation.parentSession ? (
                  <>
                    {" · "}
                    <bdi lang="en">{consultation.parentSession}</bdi>
                  </>
                ) : null}
              </dd>
            </div>
          ) : null}
        </dl>
        {delegatePhase ? (
          <DelegatePanel
            consultationId={consultation.id}
            phase={delegatePhase}
            state={delegationState}
            timeZone={readerTimeZone ?? meeting.timeZone}
          />
        ) : null}
        <ConsultationActions
          consultationId={consultation.id}
          meetingId={meeting.id}
          status={consultation.status}
          role={role}
          pointCount={agendaItems.reduce((n, item) => n + item.points.length, 0)}
          registeredCount={detail.registeredCount}
          circulated={Boolean(nonPaper)}
        />
      </header>

      <p className="note" lang={i18n.language}>
        {t("pointsLanguageNote")}
      </p>

      {agendaItems.map((item) => (
        <section key={item.id} className="agenda-item" aria-labelledby={`item-${item.id}`}>
          <h2 id={`item-${item.id}`}>
            <span className="agenda-item__number">
              {item.number ? withData(t("agendaItem", { number: isolate(item.number) })) : t("generalSection")}
            </span>
            <span className="agenda-item__title" lang="en" dir="ltr">
              {item.title}
            </span>
          </h2>
          {item.introduction ? (
            <p lang="en" dir="ltr">
              {item.introduction}
            </p>
          ) : null}
          {item.points.length === 0 ? (
            <p className="empty">{t("noPoints")}</p>
          ) : (
            <ol className="points" lang="en" dir="ltr">
              {item.points.map((point) => (
                <li key={point.id} className="point" id={`point-${point.id}`}>
                  <span className="point__label">{point.label}</span>
                  <div className="point__text">
                    {point.text.split("\n\n").map((paragraph, index) => (
                      <p key={index}>
                        <PendingText text={paragraph} />
                      </p>
                    ))}
                  </div>
                  <PointMeta
                    consultationId={consultation.id}
                    point={point}
                    canSeeHistory={role !== "delegate"}
                    // Chairs and the secretariat go from a point straight to what delegations said on it.
                    commentsLink={role !== "delegate" && nonPaper ? `/consultations/${consultation.id}/side-by-side?item=${item.id}&point=${point.id}` : null}
                  />
                  {point.changedSinceCirculation || point.notYetCirculated ? (
                    <p className="point__flags" lang={i18n.language} dir={i18n.dir()}>
                      {point.notYetCirculated ? (
                        <span className="badge">{t("point.notYetCirculated")}</span>
                      ) : (
                        <span className="badge">{t("point.changed", { version: point.versionNumber })}</span>
                      )}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </article>
  );
}

/**
 * Where each role goes from here. The secretariat gets every setup page and, while the
 * consultation is a draft, the next step it still needs; readers get the non-paper document.
 */
function ConsultationActions({
  consultationId,
  meetingId,
  status,
  role,
  pointCount,
  registeredCount,
  circulated,
}: {
  consultationId: string;
  meetingId: string;
  status: ConsultationStatus;
  role: UserRole;
  pointCount: number;
  registeredCount: number;
  circulated: boolean;
}) {
  const { t } = useTranslation(["consultations", "archive"]);
  const base = `/consultations/${consultationId}`;
  const documents = (
    <>
      <li>
        <Link to={`${base}/non-paper`}>{t("actions.nonPaper")}</Link>
      </li>
      <li>
        <a href={`${base}/non-paper.docx`} download>
          {t("actions.nonPaperDocx")}
        </a>
      </li>
    </>
  );
  // What delegations said, for the secretariat and the chairs once there is something to read.
  const comments = circulated ? (
    <>
      <li>
        <Link to={`${base}/side-by-side`}>{t("actions.sideBySide")}</Link>
      </li>
      <li>
        <Link to={`${base}/matrix`}>{t("actions.matrix")}</Link>
      </li>
      <li>
        <Link to={`${base}/crp`}>{t("actions.crp")}</Link>
      </li>
    </>
  ) : null;
  if (role !== "secretariat") {
    if (!circulated) return null;
    return role === "chair" ? (
      <nav className="actions-panel" aria-labelledby="chair-actions">
        <h2 id="chair-actions" className="visually-hidden">
          {t("actions.chairTitle")}
        </h2>
        <p className="next-step">
          <Link to={`${base}/side-by-side`} className="button">
            {t("actions.readComments")}
          </Link>
        </p>
        <ul className="actions">
          {comments}
          {documents}
        </ul>
      </nav>
    ) : (
      <ul className="actions" aria-label={t("facts.circulated")}>
        {documents}
      </ul>
    );
  }
  const next =
    status !== "draft"
      ? null
      : pointCount === 0
        ? { to: `${base}/agenda`, label: t("actions.agenda") }
        : registeredCount === 0
          ? { to: `${base}/registrations`, label: t("actions.registrations") }
          : { to: `${base}/circulate`, label: t("actions.circulate") };
  return (
    <nav className="actions-panel" aria-labelledby="secretariat-actions">
      <h2 id="secretariat-actions" className="visually-hidden">
        {t("actions.title")}
      </h2>
      {next ? (
        <p className="next-step">
          <Link to={next.to} className="button">
            {t("actions.next", { step: next.label })}
          </Link>
        </p>
      ) : null}
      <ul className="actions">
        {status !== "compiled" ? (
          <li>
            <Link to={`${base}/edit`}>{t("actions.edit")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/meetings/${meetingId}/edit?back=${encodeURIComponent(base)}`}>{t("actions.editMeeting")}</Link>
        </li>
        <li>
          <Link to={`${base}/agenda`}>{t("actions.agenda")}</Link>
        </li>
        <li>
          <Link to={`${base}/registrations`}>{t("actions.registrations")}</Link>
        </li>
        <li>
          <Link to={`${base}/circulate`}>{status === "draft" ? t("actions.circulate") : t("actions.circulation")}</Link>
        </li>
        {status === "open" ? (
          <li>
            <Link to={`${base}/closing`}>{t("closing.link")}</Link>
          </li>
        ) : null}
        {status !== "draft" ? (
          <>
            <li>
              <Link to={`${base}/submissions`}>{t("actions.submissions")}</Link>
            </li>
            <li>
              <Link to={`${base}/submissions/import`}>{t("actions.importSubmission")}</Link>
            </li>
            <li>
              <Link to={`${base}/translations`}>{t("actions.translations")}</Link>
            </li>
            {comments}
          </>
        ) : null}
        {documents}
        <li>
          <Link to={`${base}/audit`}>{t("actions.audit")}</Link>
        </li>
        <li>
          <a href={`${base}/archive.json`} download>
            {t("archive:links.download")}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/**
 * The delegate's next step: write the delegation's comments while the deadline is ahead; after
 * it, what a late submission means; nothing to write once the period is closed.
 */
function DelegatePanel({
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
  const submission = `/consultations/${consultationId}/submission`;
  if (phase === "notOpen") return null;
  // Once something was submitted, "nothing is sent until you submit" no longer holds: say how to revise.
  const submitted = state !== null && state.kind !== "notStarted" && state.kind !== "draft";
  const action = submitted ? "revise" : state?.kind === "draft" ? "continue" : "write";
  return (
    <section className={`delegate-panel delegate-panel--${phase}`} aria-labelledby="delegate-panel-title">
      <h2 id="delegate-panel-title">{t("nonPaper.panelTitle")}</h2>
      {state ? <DelegationStatus state={state} timeZone={timeZone} consultationId={consultationId} /> : null}
      {phase === "open" ? (
        <>
          <p className="delegate-panel__action">
            <Link to={submission} className="button">
              {t(`nonPaper.${action}`)}
            </Link>
          </p>
          <p className="delegate-panel__help">{t(submitted ? "nonPaper.reviseHelp" : "nonPaper.writeHelp")}</p>
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

function PointMeta({
  consultationId,
  point,
  canSeeHistory,
  commentsLink,
}: {
  consultationId: string;
  point: { id: string; label: string; text: string };
  canSeeHistory: boolean;
  commentsLink: string | null;
}) {
  const { t, i18n } = useTranslation("consultations");
  const brackets = countOpenBrackets(point.text);
  if (!brackets && !canSeeHistory) return null;
  return (
    <p className="point__meta" lang={i18n.language} dir={i18n.dir()}>
      {brackets ? <span className="badge">{t("point.openBrackets", { count: brackets })}</span> : null}
      {commentsLink ? <Link to={commentsLink}>{withData(t("point.comments", { label: isolate(point.label) }))}</Link> : null}
      {canSeeHistory ? <Link to={`/consultations/${consultationId}/points/${point.id}`}>{t("point.history")}</Link> : null}
    </p>
  );
}
