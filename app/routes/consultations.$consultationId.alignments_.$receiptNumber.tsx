// /consultations/:id/alignments/:receiptNumber — the receipt of one of the delegation's alignments
// (issue 19): its number, who aligned with whose comments, the time in the meeting's zone and the
// reader's, whether it stands, a print button. Delegates of the delegation that aligned only: any
// other reader, or a number it does not hold, 404.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { JointFacts } from "~/components/joint/joint-facts";
import { jointLinks } from "~/components/joint/joint-page";
import { ConsultationFact, ReceiptFacts, ReceiptHead, ReceiptNumberFact, ReceiptTimeFacts } from "~/components/joint/receipt-page";
import { SpeakerName, useSpeakerName } from "~/components/joint/speaker";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { Badge } from "~/components/ui/badge";
import { isolate, withData } from "~/components/ui/data-text";
import type { TitleHandle } from "~/components/ui/document-title";
import { Fact } from "~/components/ui/facts";
import { Notice } from "~/components/ui/notice";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { delegationName, nameInSentence } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { mayWriteSubmission } from "~/lib/permissions";
import { getAlignmentReceipt } from "~/models/joint.server";
import { requireUser } from "~/utils/auth.server";
export const links = jointLinks;

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
  const withdrawn = receipt.state === "withdrawn";
  return (
    <article className="submission-page receipt-page">
      <ReceiptHead
        back={paths.alignments(receipt.consultation.id)}
        backLabel={t("alignment.receipt.back")}
        title={(slot) => t("alignment.receipt.title", { receipt: slot })}
        receiptNumber={receipt.receiptNumber}
      />
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

      <ReceiptFacts id="alignment-receipt-facts">
        <ReceiptNumberFact receiptNumber={receipt.receiptNumber} />
        <ConsultationFact title={receipt.consultation.title} />
        <Fact term={t("receipt.facts.delegation")}>{delegationName(receipt.delegation, language)}</Fact>
        <Fact term={t("alignment.receipt.with")}>
          <SpeakerName speaker={receipt.speaker} />
        </Fact>
        <JointFacts facts={{ group: receipt.speaker.group, cosponsors: [], aligned: [] }} />
        <ReceiptTimeFacts at={receipt.alignedAt} meetingTimeZone={receipt.meeting.timeZone} readerTimeZone={readerTimeZone} />
        {receipt.alignedByName ? <Fact term={t("alignment.receipt.by")}>{receipt.alignedByName}</Fact> : null}
        <Fact term={t("receipt.facts.status")}>
          <Badge tone={withdrawn ? "neutral" : "success"}>{t(`alignment.receipts.states.${receipt.state}`)}</Badge>
        </Fact>
      </ReceiptFacts>
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
