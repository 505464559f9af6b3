// The alignment page's parts: the submissions the delegation may align itself with (who speaks, the
// group's member count, where the delegation stands, "Align" or "Withdraw alignment"), and its own
// alignments with their receipts.
import { Link } from "@remix-run/react";
import { ReceiptCode } from "~/components/submission/receipt-code";
import { Badge } from "~/components/ui/badge";
import { SubmitButton } from "~/components/ui/button";
import { TableSection } from "~/components/ui/data-table";
import { ActionLabel, PostForm } from "~/components/ui/post-form";
import { useTranslation } from "~/i18n/use-translation";
import type { AlignmentState, Speaker } from "~/lib/joint";
import { paths } from "~/lib/paths";
import { SpeakerName } from "./speaker";
import { WithdrawButton } from "./withdraw-button";

export type AlignmentTarget = {
  submissionId: string;
  speaker: Speaker;
  relation: "member" | "cosponsor" | "aligned" | null;
  receiptNumber: string | null;
  canAlign: boolean;
  canWithdraw: boolean;
};

/** The submissions the delegation may align itself with. */
export function AlignmentTargets({ targets, canChange }: { targets: AlignmentTarget[]; canChange: boolean }) {
  const { t } = useTranslation("submissions");
  const speaker = (target: AlignmentTarget) => <SpeakerName speaker={target.speaker} />;
  return (
    <TableSection
      id="alignment-targets-title"
      title={t("alignment.table.caption")}
      className="joint-section"
      rows={targets}
      rowKey={(target) => target.submissionId}
      empty={<p>{t("alignment.none")}</p>}
      columns={[
        { label: t("alignment.table.speaker"), cell: speaker },
        { label: t("alignment.table.members"), cell: (target) => (target.speaker.group ? target.speaker.group.memberCount : "—") },
        {
          label: t("alignment.table.standing"),
          cell: (target) => (
            <>
              {target.relation ? <Badge tone={target.relation === "aligned" ? "success" : "info"}>{t(`alignment.relation.${target.relation}`)}</Badge> : "—"}
              {target.receiptNumber ? (
                <>
                  {" "}
                  <ReceiptCode value={target.receiptNumber} />
                </>
              ) : null}
            </>
          ),
        },
        canChange && {
          label: t("alignment.table.actions"),
          cell: (target) =>
            target.canAlign || target.canWithdraw ? (
              <PostForm fields={{ submissionId: target.submissionId }}>
                {target.canAlign ? (
                  <SubmitButton name="intent" value="align" size="small">
                    <ActionLabel label={t("alignment.align")} row={speaker(target)} />
                  </SubmitButton>
                ) : (
                  <WithdrawButton from="alignment" speaker={target.speaker} />
                )}
              </PostForm>
            ) : null,
        },
      ]}
    />
  );
}

export function AlignmentReceipts({
  consultationId,
  alignments,
  timeZone,
}: {
  consultationId: string;
  alignments: { submissionId: string; speaker: Speaker; receiptNumber: string; alignedAt: string | Date; state: AlignmentState; targetCounts: boolean }[];
  timeZone: string;
}) {
  const { t } = useTranslation("submissions");
  return (
    <TableSection
      id="alignment-receipts-title"
      title={t("alignment.receipts.title")}
      className="joint-section"
      timeZone={timeZone}
      rows={alignments}
      rowKey={(a) => a.submissionId}
      empty={<p>{t("alignment.receipts.none")}</p>}
      columns={[
        {
          label: t("alignment.receipts.receipt"),
          cell: (a) => (
            <Link to={paths.alignmentReceipt(consultationId, a.receiptNumber)}>
              <ReceiptCode value={a.receiptNumber} />
            </Link>
          ),
        },
        {
          label: t("alignment.receipts.with"),
          cell: (a) => (
            <>
              <SpeakerName speaker={a.speaker} />
              {a.state === "active" && !a.targetCounts ? <span className="muted joint-note">{t("alignment.receipts.targetGone")}</span> : null}
            </>
          ),
        },
        { label: t("alignment.receipts.at"), time: (a) => a.alignedAt },
        {
          label: t("alignment.receipts.state"),
          cell: (a) => <Badge tone={a.state === "active" ? "success" : "neutral"}>{t(`alignment.receipts.states.${a.state}`)}</Badge>,
        },
      ]}
    />
  );
}
