// The alignment page's parts: the submissions the delegation may align itself with (who speaks, the
// group's member count, where the delegation stands, "Align" or "Withdraw alignment"), and its own
// alignments with their receipts.
import { Form, Link } from "@remix-run/react";
import { ReceiptCode } from "~/components/submission/receipt-code";
import { Badge } from "~/components/ui/badge";
import { SubmitButton } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { withData } from "~/components/ui/data-text";
import { TableShell } from "~/components/ui/table-shell";
import { useTranslation } from "~/i18n/use-translation";
import { formatInstant } from "~/lib/dates";
import type { AlignmentState, Speaker } from "~/lib/joint";
import { paths } from "~/lib/paths";
import { SpeakerName, useSpeakerName } from "./speaker";

export type AlignmentTarget = {
  submissionId: string;
  speaker: Speaker;
  relation: "member" | "cosponsor" | "aligned" | null;
  receiptNumber: string | null;
  canAlign: boolean;
  canWithdraw: boolean;
};

/** The table of the submissions; `labelledBy` is the id of the heading that names it. */
export function AlignmentTargets({ targets, canChange, labelledBy }: { targets: AlignmentTarget[]; canChange: boolean; labelledBy: string }) {
  const { t } = useTranslation("submissions");
  const speakerName = useSpeakerName();
  if (!targets.length) return <p>{t("alignment.none")}</p>;
  return (
    <TableShell labelledBy={labelledBy} tableClassName="table--cards">
      <thead>
        <tr>
          <th scope="col">{t("alignment.table.speaker")}</th>
          <th scope="col">{t("alignment.table.members")}</th>
          <th scope="col">{t("alignment.table.standing")}</th>
          {canChange ? <th scope="col">{t("alignment.table.actions")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => (
          <tr key={target.submissionId}>
            <th scope="row" data-label={t("alignment.table.speaker")}>
              <SpeakerName speaker={target.speaker} />
            </th>
            <td data-label={t("alignment.table.members")}>{target.speaker.group ? target.speaker.group.memberCount : "—"}</td>
            <td data-label={t("alignment.table.standing")}>
              {target.relation ? <Badge tone={target.relation === "aligned" ? "success" : "info"}>{t(`alignment.relation.${target.relation}`)}</Badge> : "—"}
              {target.receiptNumber ? (
                <>
                  {" "}
                  <ReceiptCode value={target.receiptNumber} />
                </>
              ) : null}
            </td>
            {canChange ? (
              <td data-label={t("alignment.table.actions")}>
                {target.canAlign || target.canWithdraw ? (
                  <Form method="post">
                    <input type="hidden" name="submissionId" value={target.submissionId} />
                    {target.canAlign ? (
                      <SubmitButton name="intent" value="align" size="small">
                        {t("alignment.align")}{" "}
                        <span className="visually-hidden">
                          <SpeakerName speaker={target.speaker} />
                        </span>
                      </SubmitButton>
                    ) : (
                      <ConfirmDialog
                        name="intent"
                        value="withdraw"
                        size="small"
                        message={withData(t("alignment.withdrawQuestion", { speaker: speakerName(target.speaker, { isolate: true }) }))}
                        confirmLabel={t("alignment.withdraw")}
                      >
                        {t("alignment.withdraw")}{" "}
                        <span className="visually-hidden">
                          <SpeakerName speaker={target.speaker} />
                        </span>
                      </ConfirmDialog>
                    )}
                  </Form>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </TableShell>
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
  const { t, i18n } = useTranslation("submissions");
  return (
    <section aria-labelledby="alignment-receipts-title" className="joint-section">
      <h2 id="alignment-receipts-title">{t("alignment.receipts.title")}</h2>
      {alignments.length ? (
        <TableShell labelledBy="alignment-receipts-title" tableClassName="table--cards">
          <thead>
            <tr>
              <th scope="col">{t("alignment.receipts.receipt")}</th>
              <th scope="col">{t("alignment.receipts.with")}</th>
              <th scope="col">{t("alignment.receipts.at")}</th>
              <th scope="col">{t("alignment.receipts.state")}</th>
            </tr>
          </thead>
          <tbody>
            {alignments.map((a) => (
              <tr key={a.submissionId}>
                <th scope="row" data-label={t("alignment.receipts.receipt")}>
                  <Link to={paths.alignmentReceipt(consultationId, a.receiptNumber)}>
                    <ReceiptCode value={a.receiptNumber} />
                  </Link>
                </th>
                <td data-label={t("alignment.receipts.with")}>
                  <SpeakerName speaker={a.speaker} />
                  {a.state === "active" && !a.targetCounts ? <span className="muted joint-note">{t("alignment.receipts.targetGone")}</span> : null}
                </td>
                <td data-label={t("alignment.receipts.at")} suppressHydrationWarning>
                  {formatInstant(a.alignedAt, i18n.language, timeZone)}
                </td>
                <td data-label={t("alignment.receipts.state")}>
                  <Badge tone={a.state === "active" ? "success" : "neutral"}>{t(`alignment.receipts.states.${a.state}`)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </TableShell>
      ) : (
        <p>{t("alignment.receipts.none")}</p>
      )}
    </section>
  );
}
