// /consultations/:id/submission/receipts/:n — a receipt of the delegation's own revision n: its
// number, the time in the meeting's zone and the reader's, the late status, the content as
// submitted, a print button; and every revision of the delegation, superseded and withdrawn ones
// marked. Delegates of the delegation only: another delegation's revision, or anyone else, 404.
import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { RevisionView } from "~/components/submission/revision-view";
import { Fact } from "~/components/ui/facts";
import { Notice } from "~/components/ui/notice";
import { DataTable } from "~/components/ui/data-table";
import { ReceiptCode } from "~/components/submission/receipt-code";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { mayWriteSubmission } from "~/lib/permissions";
import { getRevision, listRevisionsForDelegate } from "~/models/submission-access.server";
import { JointFacts, SpeakerFact } from "~/components/joint/joint-facts";
import { ConsultationFact, ReceiptFacts, ReceiptHead, ReceiptNumberFact, ReceiptTimeFacts } from "~/components/joint/receipt-page";
import { requireUser } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { isolate } from "~/components/ui/data-text";
import submissionStylesheet from "~/styles/submission.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, data) => t("submissions:receipt.title", { receipt: isolate(data.revision.receiptNumber) }) };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: submissionStylesheet }];

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const number = /^[1-9]\d{0,8}$/.test(params.revisionNumber ?? "") ? Number(params.revisionNumber) : null;
  if (!mayWriteSubmission(user) || !isUuid(params.consultationId) || number === null) throw notFound();
  const [revision, revisions] = await Promise.all([
    getRevision(user, { consultationId: params.consultationId, revisionNumber: number }),
    listRevisionsForDelegate(user, params.consultationId),
  ]);
  if (!revision || !revisions) throw notFound();
  return {
    consultation: revision.consultation,
    delegation: revision.delegation,
    // Who the submission speaks for and its co-sponsors (issue 19); who aligned with it is the
    // secretariat's and the chairs' to read.
    joint: { group: revision.joint.group, cosponsors: revision.joint.cosponsors, aligned: [] },
    meetingTimeZone: revision.timeZone,
    readerTimeZone: user.timeZone,
    revision: revision.revision,
    content: revision.content,
    agendaItems: revision.agendaItems.map(({ id, number, title }) => ({ id, number, title })),
    points: revision.points,
    revisions: revisions.map((r) => ({
      revisionNumber: r.revisionNumber,
      receiptNumber: r.receiptNumber,
      submittedAt: r.submittedAt,
      state: r.state,
      late: r.late,
    })),
  };
}

export default function ReceiptPage() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation(["submissions", "common"]);
  const { revision, consultation } = loaded;
  const editor = paths.submission(consultation.id);
  const stateLabel = (state: string, late: string | null) =>
    state === "current" && late === "accepted" ? t("revision.state.accepted") : t(`revision.state.${state}` as never);
  const late = revision.late !== null;

  return (
    <article className="submission-page receipt-page">
      <ReceiptHead
        back={editor}
        backLabel={t("receipt.backToEditor")}
        title={(slot) => t("receipt.title", { receipt: slot })}
        receiptNumber={revision.receiptNumber}
      />
      <Notice tone={late ? "warning" : "success"}>
        {revision.late === "pending" ? t("receipt.receivedLate") : t("receipt.received")} {t("receipt.emailNote")}
      </Notice>

      <ReceiptFacts id="receipt-facts">
        <ReceiptNumberFact receiptNumber={revision.receiptNumber} />
        <Fact term={t("receipt.facts.revision")}>{revision.revisionNumber}</Fact>
        <ConsultationFact title={consultation.title} />
        <Fact term={t("receipt.facts.delegation")}>
          <SpeakerFact delegation={loaded.delegation} group={loaded.joint.group} />
        </Fact>
        <JointFacts facts={loaded.joint} />
        <ReceiptTimeFacts at={revision.submittedAt} meetingTimeZone={loaded.meetingTimeZone} readerTimeZone={loaded.readerTimeZone} />
        {revision.submittedBy ? <Fact term={t("receipt.facts.submittedBy")}>{revision.submittedBy.name}</Fact> : null}
        <Fact term={t("receipt.facts.language")}>{t(`common:languageNames.${revision.language}`)}</Fact>
        <Fact term={t("receipt.facts.status")}>
          <span className={`revision-state revision-state--${revision.state}`}>{stateLabel(revision.state, revision.late)}</span>
        </Fact>
      </ReceiptFacts>

      <section aria-labelledby="receipt-content">
        <h2 id="receipt-content">{t("receipt.contentTitle")}</h2>
        <RevisionView content={loaded.content} agendaItems={loaded.agendaItems} points={loaded.points} />
      </section>

      <section aria-labelledby="receipt-revisions" className="receipt-page__revisions">
        <h2 id="receipt-revisions">{t("receipt.revisionsTitle")}</h2>
        {/* On a phone each row becomes a card with labelled cells (see .table--cards). */}
        <DataTable
          cards
          caption={t("receipt.revisionsTitle")}
          captionHidden
          timeZone={loaded.meetingTimeZone}
          rows={loaded.revisions}
          rowKey={(r) => r.revisionNumber}
          rowProps={(r) => ({ "aria-current": r.revisionNumber === revision.revisionNumber ? "page" : undefined })}
          columns={[
            {
              label: t("receipt.table.revision"),
              cell: (r) =>
                r.revisionNumber === revision.revisionNumber ? (
                  <>
                    {r.revisionNumber} <span className="muted">{t("receipt.thisOne")}</span>
                  </>
                ) : (
                  <Link to={paths.receipt(consultation.id, r.revisionNumber)}>{r.revisionNumber}</Link>
                ),
            },
            { label: t("receipt.table.receipt"), cell: (r) => <ReceiptCode value={r.receiptNumber} /> },
            { label: t("receipt.table.submitted"), time: (r) => r.submittedAt },
            {
              label: t("receipt.table.status"),
              cell: (r) => <span className={`revision-state revision-state--${r.state}`}>{stateLabel(r.state, r.late)}</span>,
            },
          ]}
        />
      </section>
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
