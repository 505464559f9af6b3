// The second step of importing dispositions: what the file changes, comment by comment (the row, the
// delegation, the point, the disposition before and after, whether the observations change), and
// the button that saves it. The changes travel back in hidden fields: the server checks them all
// again, and refuses any comment whose disposition someone changed since this page was made.
import { Form } from "@remix-run/react";
import { Fragment } from "react";
import { SubmitButton } from "~/components/ui/button";
import { isolate, withData } from "~/components/ui/data-text";
import { TableShell } from "~/components/ui/table-shell";
import { useTranslation } from "~/i18n/use-translation";
import type { Disposition } from "~/lib/dispositions";

export type DispositionStateView = { disposition: Disposition | null; observation: string | null };

/** One change as the page shows it: the delegation named in the reader's language. */
export type DispositionChangeView = {
  rowNumber: number;
  commentId: string;
  delegation: string;
  item: string | null;
  kind: "general" | "point" | "amendment" | "new_proposal";
  label: string | null;
  from: DispositionStateView;
  to: DispositionStateView;
  before: string;
};

export function DispositionImportReview({ changes, unchanged, filename }: { changes: readonly DispositionChangeView[]; unchanged: number; filename: string }) {
  const { t } = useTranslation("consolidation");
  const dispositionLabel = (disposition: Disposition | null) => (disposition ? t(`dispositions.${disposition}`) : t("disposition.none"));
  const pointOf = (change: DispositionChangeView) => {
    const point =
      change.kind === "general" ? t("exports.general") : change.kind === "new_proposal" ? (change.label ?? t("exports.proposal")) : (change.label ?? "");
    return change.item ? withData(t("dispositionImport.point", { item: isolate(change.item), point: isolate(point) })) : point;
  };
  return (
    <div className="stack disposition-import__review">
      <p className="lead">{withData(t("dispositionImport.reviewIntro", { count: changes.length, filename: isolate(filename) }))}</p>
      {unchanged > 0 ? <p>{t("dispositionImport.unchanged", { count: unchanged })}</p> : null}
      {changes.length === 0 ? (
        <p className="empty">{t("dispositionImport.noChanges")}</p>
      ) : (
        <>
          <TableShell caption={t("dispositionImport.reviewTitle")} captionHidden>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t("dispositionImport.columns.row")}
                </th>
                <th scope="col">{t("exports.resolution.columns.delegation")}</th>
                <th scope="col">{t("exports.resolution.columns.point")}</th>
                <th scope="col">{t("exports.resolution.columns.disposition")}</th>
                <th scope="col">{t("exports.resolution.columns.observation")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.commentId}>
                  <th scope="row" className="numeric">
                    {change.rowNumber}
                  </th>
                  <td>{change.delegation}</td>
                  <td>{pointOf(change)}</td>
                  <td>
                    {change.from.disposition === change.to.disposition
                      ? dispositionLabel(change.to.disposition)
                      : withData(
                          t("dispositionImport.change", {
                            from: isolate(dispositionLabel(change.from.disposition)),
                            to: isolate(dispositionLabel(change.to.disposition)),
                          }),
                        )}
                  </td>
                  <td>
                    {change.from.observation === change.to.observation ? (
                      <span className="muted">{t("dispositionImport.observationSame")}</span>
                    ) : change.to.observation === null ? (
                      t("dispositionImport.observationCleared")
                    ) : (
                      <>
                        <span className="muted">{t("dispositionImport.observationChanged")}</span>
                        <div dir="auto" className="disposition-import__observation">
                          {change.to.observation}
                        </div>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableShell>
          <Form method="post" className="disposition-import__confirm">
            <input type="hidden" name="intent" value="confirm" />
            {changes.map((change) => (
              <Fragment key={change.commentId}>
                <input type="hidden" name="row" value={change.rowNumber} />
                <input type="hidden" name="id" value={change.commentId} />
                <input type="hidden" name="disposition" value={change.to.disposition ?? ""} />
                <input type="hidden" name="observation" value={change.to.observation ?? ""} />
                <input type="hidden" name="before" value={change.before} />
              </Fragment>
            ))}
            <SubmitButton>{t("dispositionImport.confirm", { count: changes.length })}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}
