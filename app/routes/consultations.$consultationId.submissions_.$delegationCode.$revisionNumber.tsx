import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { RevisionView } from "~/components/submission/revision-view";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { isolate, withData } from "~/components/ui/data-text";
import { TableShell } from "~/components/ui/table-shell";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import type { RevisionState } from "~/lib/submission-rules";
import { mayManageSubmissions, mayReadComments } from "~/lib/permissions";
import { isDelegationCode, listDelegationRevisions } from "~/models/submission-history.server";
import { getRevision } from "~/models/submission-access.server";
import { JointFacts, SpeakerFact } from "~/components/joint/joint-facts";
import { requireUser } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import submissionsStylesheet from "~/styles/submissions.css?url";
import submissionStylesheet from "~/styles/submission.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: submissionsStylesheet },
  { rel: "stylesheet", href: submissionStylesheet },
];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data, language) =>
    t("submissions:revision.title", { delegation: isolate(delegationName(data.delegation, language)), number: data.revision.revisionNumber }),
};

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Delegates read their own revisions in their submission page; here they, like anyone who may
  // not see the consultation or the revision, get 404, which confirms nothing.
  if (!mayReadComments(user)) notFound();
  const { consultationId, delegationCode } = params;
  const revisionNumber = /^[1-9]\d{0,8}$/.test(params.revisionNumber ?? "") ? Number(params.revisionNumber) : null;
  if (!isUuid(consultationId) || !isDelegationCode(delegationCode) || revisionNumber === null) notFound();
  const history = await listDelegationRevisions(user, { consultationId, delegationCode });
  const listed = history?.revisions.find((r) => r.revisionNumber === revisionNumber);
  if (!history || !listed) notFound();
  const found = await getRevision(user, { consultationId, delegationId: history.delegation.id, revisionNumber });
  if (!found) notFound();
  return {
    consultation: found.consultation,
    timeZone: found.timeZone,
    readerTimeZone: user.timeZone,
    role: user.role,
    delegation: found.delegation,
    // Who the submission speaks for, its co-sponsors and the delegations aligned with it (issue 19).
    joint: found.joint,
    revision: found.revision,
    attachmentFilename: listed.attachmentFilename,
    revisions: history.revisions,
    content: found.content,
    agendaItems: found.agendaItems.map((item) => ({ id: item.id, number: item.number, title: item.title })),
    points: found.points,
  };
}

/** The badge of a revision: its state, and for a late one that counts, that it was accepted. */
function stateKey(revision: { state: RevisionState; late: string | null }) {
  return revision.state === "current" && revision.late === "accepted" ? "accepted" : revision.state;
}

// Its tone: in force, waiting for a decision, refused or taken back, or replaced (grey, by its class).
const STATE_TONE: Record<ReturnType<typeof stateKey>, BadgeTone> = {
  current: "success",
  accepted: "success",
  pending: "warning",
  declined: "danger",
  withdrawn: "danger",
  superseded: "neutral",
};

export default function RevisionPage() {
  const { consultation, timeZone, readerTimeZone, role, delegation, joint, revision, attachmentFilename, revisions, content, agendaItems, points } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["submissions", "common"]);
  const language = i18n.language as Language;
  const name = delegationName(delegation, language);
  const inMeetingZone = (instant: Date | string) => formatInstant(instant, language, timeZone);
  const inReaderZone = (instant: Date | string) => (readerTimeZone && readerTimeZone !== timeZone ? formatInstant(instant, language, readerTimeZone) : null);
  const listHref = paths.submissions(consultation.id);
  const state = stateKey(revision);
  const submittedLocal = inReaderZone(revision.submittedAt);
  return (
    <article className="revision-page">
      {mayManageSubmissions({ role }) ? (
        <p className="eyebrow">
          <Link to={listHref}>{t("revision.backToList")}</Link>
        </p>
      ) : null}
      <h1>{withData(t("revision.title", { delegation: isolate(name), number: revision.revisionNumber }))}</h1>
      {language !== "en" && name !== delegation.nameEn ? (
        <p className="lead" lang="en" dir="ltr">
          {delegation.nameEn}
        </p>
      ) : null}

      <section className="panel revision-page__facts" aria-labelledby="revision-facts-title">
        <h2 id="revision-facts-title" className="visually-hidden">
          {t("revision.factsTitle")}
        </h2>
        <dl className="facts">
          {joint.group ? (
            <div>
              <dt>{t("receipt.facts.delegation")}</dt>
              <dd>
                <SpeakerFact delegation={delegation} group={joint.group} />
              </dd>
            </div>
          ) : null}
          <JointFacts facts={joint} showAligned />
          <div>
            <dt>{t("revision.facts.receipt")}</dt>
            <dd dir="ltr" className="receipt-number">
              {revision.receiptNumber}
            </dd>
          </div>
          <div>
            <dt>{t("revision.facts.state")}</dt>
            <dd>
              <Badge tone={STATE_TONE[state]} className={`revision-badge revision-badge--${state}`}>
                {t(`revision.state.${state}`)}
              </Badge>
            </dd>
          </div>
          <div>
            <dt>{revision.source === "email_import" ? t("revision.facts.received") : t("revision.facts.submitted")}</dt>
            <dd className="deadline">
              <time dateTime={new Date(revision.submittedAt).toISOString()}>{inMeetingZone(revision.submittedAt)}</time>
              {submittedLocal ? <span className="deadline__local">{t("revision.inYourZone", { time: submittedLocal })}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{revision.source === "email_import" ? t("revision.facts.recordedBy") : t("revision.facts.submittedBy")}</dt>
            <dd>{revision.submittedBy?.name || "—"}</dd>
          </div>
          <div>
            <dt>{t("revision.facts.source")}</dt>
            <dd>
              {t(`revision.source.${revision.source}`)}
              {attachmentFilename ? (
                <span className="revision-page__attachment">
                  {t("revision.attachment")} <bdi className="revision-page__filename">{attachmentFilename}</bdi>
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("revision.facts.language")}</dt>
            <dd>{t(`common:languageNames.${revision.language}`)}</dd>
          </div>
        </dl>
        {revision.late && revision.late !== "pending" && revision.lateReason ? (
          <div className="revision-page__decision">
            <h3>{t(revision.late === "accepted" ? "revision.decision.accepted" : "revision.decision.declined")}</h3>
            {revision.lateDecidedAt ? <p className="muted">{t("revision.decision.when", { time: inMeetingZone(revision.lateDecidedAt) })}</p> : null}
            <p className="revision-page__reason">{revision.lateReason}</p>
          </div>
        ) : null}
        {revision.state === "pending" && mayManageSubmissions({ role }) ? (
          <p className="note">
            {t("revision.pendingNote")} <Link to={paths.submissions(consultation.id, {}, "late-title")}>{t("revision.decideOnList")}</Link>
          </p>
        ) : null}
      </section>

      {revisions.length > 1 ? (
        <section aria-labelledby="revision-others-title" className="panel">
          <h2 id="revision-others-title">{t("revision.others.title")}</h2>
          <TableShell caption={t("revision.others.title")} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t("revision.others.revision")}</th>
                <th scope="col">{t("revision.facts.receipt")}</th>
                <th scope="col">{t("revision.facts.submitted")}</th>
                <th scope="col">{t("revision.facts.language")}</th>
                <th scope="col">{t("revision.facts.state")}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.id} aria-current={r.revisionNumber === revision.revisionNumber ? "page" : undefined}>
                  <th scope="row">
                    {r.revisionNumber === revision.revisionNumber ? (
                      <>
                        {r.revisionNumber} <span className="muted">{t("revision.others.thisOne")}</span>
                      </>
                    ) : (
                      <Link
                        to={paths.delegationRevision(consultation.id, delegation.code, r.revisionNumber)}
                        aria-label={t("revision.others.readLabel", { number: r.revisionNumber })}
                      >
                        {r.revisionNumber}
                      </Link>
                    )}
                  </th>
                  <td dir="ltr" className="receipt-number">
                    {r.receiptNumber}
                  </td>
                  <td>
                    <time dateTime={new Date(r.submittedAt).toISOString()}>{inMeetingZone(r.submittedAt)}</time>
                  </td>
                  <td>{t(`common:languageNames.${r.language}`)}</td>
                  <td>{t(`revision.state.${stateKey(r)}`)}</td>
                </tr>
              ))}
            </tbody>
          </TableShell>
        </section>
      ) : null}

      <section aria-labelledby="revision-content-title" className="revision-page__content">
        <h2 id="revision-content-title">{t("revision.content", { language: t(`common:languageNames.${content.language}`) })}</h2>
        <RevisionView content={content} agendaItems={agendaItems} points={points} showVersions />
      </section>
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
