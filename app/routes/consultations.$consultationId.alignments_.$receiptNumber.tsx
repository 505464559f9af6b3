// /consultations/:id/alignments/:receiptNumber — the receipt of one of the delegation's alignments
// (issue 19): its number, who aligned with whose comments, the time in the meeting's zone and the
// reader's, whether it stands, a print button. Delegates of the delegation that aligned only: any
// other reader, or a number it does not hold, 404.
import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { SpeakerName, useSpeakerName } from "~/components/joint/speaker";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { RECEIPT_SLOT, ReceiptCode, WithReceipt } from "~/components/submission/receipt-code";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { isolate, withData } from "~/components/ui/data-text";
import type { TitleHandle } from "~/components/ui/document-title";
import { Notice } from "~/components/ui/notice";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName, nameInSentence } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { mayWriteSubmission } from "~/lib/permissions";
import { getAlignmentReceipt } from "~/models/joint.server";
import { requireUser } from "~/utils/auth.server";
import submissionStylesheet from "~/styles/submission.css?url";
import jointStylesheet from "~/styles/joint.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: submissionStylesheet },
  { rel: "stylesheet", href: jointStylesheet },
];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data) => t("submissions:alignment.receipt.title", { receipt: isolate(data.receipt.receiptNumber) }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const receipt =
    mayWriteSubmission(user) && isUuid(params.consultationId)
      ? await getAlignmentReceipt(user, { consultationId: params.consultationId, receiptNumber: params.receiptNumber ?? "" })
      : null;
  if (!receipt) throw data({ reason: "not_found" }, { status: 404 });
  return { receipt, readerTimeZone: user.timeZone };
}

export default function AlignmentReceiptPage() {
  const { receipt, readerTimeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["submissions", "common"]);
  const speakerName = useSpeakerName();
  const language = i18n.language as Language;
  const meetingTimeZone = receipt.meeting.timeZone;
  const withdrawn = receipt.state === "withdrawn";
  return (
    <article className="submission-page receipt-page">
      <p className="eyebrow no-print">
        <Link to={paths.alignments(receipt.consultation.id)}>{t("alignment.receipt.back")}</Link>
      </p>
      <h1>
        <WithReceipt text={t("alignment.receipt.title", { receipt: RECEIPT_SLOT })} receipt={receipt.receiptNumber} />
      </h1>
      <p className="lead">
        {withData(
          t("alignment.receipt.statement", {
            delegation: nameInSentence(receipt.delegation, language, { isolate: true }),
            speaker: speakerName(receipt.speaker, { isolate: true }),
          }),
        )}
      </p>
      {withdrawn ? (
        <Notice tone="warning" announce={false}>
          {t("alignment.receipt.withdrawn")}
        </Notice>
      ) : !receipt.targetCounts ? (
        <Notice tone="warning" announce={false}>
          {t("alignment.receipt.targetGone")}
        </Notice>
      ) : null}

      <section aria-labelledby="alignment-receipt-facts" className="receipt-page__facts">
        <h2 id="alignment-receipt-facts" className="visually-hidden">
          {t("receipt.factsTitle")}
        </h2>
        <dl className="facts">
          <Fact term={t("receipt.facts.number")}>
            <strong>
              <ReceiptCode value={receipt.receiptNumber} className="receipt-number" />
            </strong>
          </Fact>
          <Fact term={t("receipt.facts.consultation")}>
            <span lang="en" dir="ltr">
              {receipt.consultation.title}
            </span>
          </Fact>
          <Fact term={t("receipt.facts.delegation")}>{delegationName(receipt.delegation, language)}</Fact>
          <Fact term={t("alignment.receipt.with")}>
            <SpeakerName speaker={receipt.speaker} />
          </Fact>
          {receipt.speaker.group ? <Fact term={t("joint.facts.members")}>{receipt.speaker.group.memberCount}</Fact> : null}
          <Fact term={t("receipt.facts.meetingTime")}>
            <time dateTime={new Date(receipt.alignedAt).toISOString()} suppressHydrationWarning>
              {formatInstant(receipt.alignedAt, language, meetingTimeZone)}
            </time>
          </Fact>
          {readerTimeZone && readerTimeZone !== meetingTimeZone ? (
            <Fact term={t("receipt.facts.yourTime")}>
              <time dateTime={new Date(receipt.alignedAt).toISOString()} suppressHydrationWarning>
                {formatInstant(receipt.alignedAt, language, readerTimeZone)}
              </time>
            </Fact>
          ) : null}
          {receipt.alignedByName ? <Fact term={t("alignment.receipt.by")}>{receipt.alignedByName}</Fact> : null}
          <Fact term={t("receipt.facts.status")}>
            <Badge tone={withdrawn ? "neutral" : "success"}>{t(`alignment.receipts.states.${receipt.state}`)}</Badge>
          </Fact>
        </dl>
        <p className="no-print">
          <Button variant="secondary" onClick={() => window.print()}>
            {t("receipt.print")}
          </Button>
        </p>
      </section>
    </article>
  );
}

/** One term of the receipt and its value (the facts grid lays out one div per pair). */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
