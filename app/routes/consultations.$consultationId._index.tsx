import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { AgendaItemSection } from "~/components/consultation/agenda-item-section";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { ConsultationActions } from "~/components/consultation/consultation-actions";
import { ConsultationFacts } from "~/components/consultation/consultation-facts";
import { DelegatePanel } from "~/components/consultation/delegate-panel";
import { Notice, useNotice } from "~/components/ui/notice";
import { submissionWindow } from "~/lib/countdown";
import { isUuid } from "~/lib/ids";
import { meetingNames } from "~/lib/meeting-names";
import { paths } from "~/lib/paths";
import { mayManageConsultation, mayWriteSubmission } from "~/lib/permissions";
import { getConsultationForUser } from "~/models/consultation.server";
import { getDelegationProgress } from "~/models/delegation-state.server";
import { findNextRound } from "~/models/revision.server";
import { getDelegationDeadline } from "~/models/submission-access.server";
import { requireUser } from "~/utils/auth.server";
import { readNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import consultationStylesheet from "~/styles/consultation.css?url";

// The consultation's own title follows (the frame's part): the page's name is the navigation bar's.
export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:frame.pages.overview") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStylesheet }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // A malformed id and one the user may not see both answer 404, revealing nothing.
  const detail = isUuid(params.consultationId) ? await getConsultationForUser(user, params.consultationId) : null;
  if (!detail) throw data({ reason: "not_found" }, { status: 404 });
  // A delegate's own deadline: the secretariat may have extended it for their delegation.
  const delegationDeadline = mayWriteSubmission(user) ? await getDelegationDeadline(user, detail.consultation.id) : null;
  // Where the delegate's delegation stands: not started, draft, submitted (receipt), late, …
  const delegationState = (await getDelegationProgress(user, [detail.consultation.id])).get(detail.consultation.id)?.state ?? null;
  return {
    // The round that circulates this one's revised text, where the reader may see it.
    nextRound: await findNextRound(user, detail.consultation.id),
    detail,
    role: user.role,
    readerTimeZone: user.timeZone,
    delegationDeadline,
    delegationState,
    // Left by the circulate action's redirect: the confirmation the officer expects to see.
    circulated: await readNotice(request, ["consultation.circulated"]),
    // The server's clock when the page was made: the countdown starts from it (same text in the
    // HTML and after hydration) and whether the deadline has passed is decided by it.
    now: new Date().toISOString(),
  };
}

export default function ConsultationPage() {
  const { detail, role, readerTimeZone, delegationDeadline, delegationState, now, nextRound, ...loaded } = useLoaderData<typeof loader>();
  const circulated = useNotice(loaded.circulated);
  const { t, i18n } = useTranslation("consultations");
  const { consultation, agendaItems, nonPaper } = detail;
  const meeting = consultation.meeting;
  // The body in the reader's language where the secretariat gave it, else in English.
  const { body } = meetingNames(meeting, i18n.language);
  // For a delegate, their delegation's deadline (extended or not); for everyone else the consultation's.
  const deadline = delegationDeadline ? delegationDeadline.effective : consultation.deadline;
  // A delegate's page turns from "write" to "late" when the countdown reaches the deadline.
  const [deadlinePassedLive, setDeadlinePassedLive] = useState(false);
  const delegateWindow = mayWriteSubmission({ role }) ? submissionWindow(consultation.status, deadline, Date.parse(now)) : null;
  const delegatePhase = delegateWindow === "open" && deadlinePassedLive ? "late" : delegateWindow;
  return (
    <article className="consultation">
      {circulated && mayManageConsultation({ role }) ? (
        <Notice tone="success">
          {t("flash.circulated", { number: circulated.number })} <Link to={paths.outbox()}>{t("flash.outbox")}</Link>
        </Notice>
      ) : null}
      <header className="consultation__header">
        <p className="eyebrow">
          <bdi dir="ltr">{meeting.symbolPrefix}</bdi> · <bdi lang={body.lang}>{body.text}</bdi>
        </p>
        <h1>
          <bdi>{consultation.title}</bdi>
        </h1>
        <ConsultationFacts
          detail={detail}
          role={role}
          deadline={deadline}
          readerTimeZone={readerTimeZone}
          now={now}
          onDeadlinePassed={() => setDeadlinePassedLive(true)}
        />
        {delegatePhase ? (
          <DelegatePanel consultationId={consultation.id} phase={delegatePhase} state={delegationState} timeZone={readerTimeZone ?? meeting.timeZone} />
        ) : null}
        <ConsultationActions
          consultationId={consultation.id}
          meetingId={meeting.id}
          status={consultation.status}
          role={role}
          pointCount={agendaItems.reduce((n, item) => n + item.points.length, 0)}
          registeredCount={detail.registeredCount}
          circulated={Boolean(nonPaper)}
          rounds={{ round: consultation.round, previousRoundId: consultation.previousRoundId, next: nextRound }}
        />
      </header>

      <p className="note" lang={i18n.language}>
        {t("pointsLanguageNote")}
      </p>

      {agendaItems.map((item) => (
        <AgendaItemSection key={item.id} consultationId={consultation.id} item={item} role={role} circulated={Boolean(nonPaper)} />
      ))}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
