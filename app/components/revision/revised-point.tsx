import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { SubmitButton } from "~/components/ui/button";
import { isolate, withData } from "~/components/ui/data-text";
import { PendingText, Redline } from "~/components/ui/redline";
import { useTranslation } from "~/i18n/use-translation";
import { redline } from "~/lib/redline";
import type { PointIdentity } from "~/lib/revision";
import type { RevisionReply } from "~/routes/consultations.$consultationId.revision/intents.server";
import type { RevisionComment } from "~/routes/consultations.$consultationId.revision/query.server";
import { RevisionComments } from "./revision-comments";

export type RevisedPointView = {
  id: string;
  label: string;
  versionNumber: number;
  text: string;
  identity: PointIdentity;
  formerLabels: string[];
  formerText: string | null;
  openBrackets: number;
  comments: RevisionComment[];
};

/** "(b) and (d)" in the reader's language. */
function labelList(labels: string[], language: string): string {
  return new Intl.ListFormat(language, { type: "conjunction" }).format(labels.map((label) => isolate(label)));
}

/** What the point is in terms of the circulated points: "Former (b) and (d), merged". */
export function IdentityLine({ identity, number }: { identity: PointIdentity; number: number }) {
  const { t, i18n } = useTranslation("revision");
  switch (identity.kind) {
    case "new":
      return <>{t("identity.new", { number })}</>;
    case "kept":
    case "relabelled":
      return <>{withData(t(`identity.${identity.kind}`, { former: isolate(identity.former) }))}</>;
    case "merged":
      return <>{withData(t("identity.merged", { formers: labelList(identity.formers, i18n.language) }))}</>;
    case "split":
      return <>{withData(t("identity.split", { former: isolate(identity.former), siblings: labelList(identity.siblings, i18n.language) }))}</>;
  }
}

/**
 * One point of Rev.1: its identity, its changes against the circulated wording, the passages left
 * in brackets, the comments it answers; and, while Rev.1 is a draft, the secretariat's changes.
 */
export function RevisedPoint({
  point,
  number,
  editable,
  mergeChoices,
  reply,
}: {
  point: RevisedPointView;
  number: number;
  editable: boolean;
  mergeChoices: { id: string; label: string }[];
  reply: RevisionReply | null;
}) {
  const { t, i18n } = useTranslation("revision");
  const segments = useMemo(() => (point.formerText !== null ? redline(point.formerText, point.text) : null), [point.formerText, point.text]);
  const changed = segments?.some((segment) => segment.kind !== "equal") ?? true;
  const error = reply && reply.pointId === point.id ? reply : null;
  const titleId = `point-${point.id}-title`;
  return (
    <section id={`point-${point.id}`} className="revised-point" aria-labelledby={titleId} tabIndex={-1}>
      <h3 id={titleId}>
        <bdi className="revised-point__label">{point.label}</bdi>{" "}
        <span className="revised-point__identity">
          (<IdentityLine identity={point.identity} number={number} />)
        </span>
      </h3>
      {error ? (
        <p className="notice notice--danger" role="alert">
          {String(t(error.error as never))}
        </p>
      ) : null}
      {segments && changed ? (
        <>
          <h4 className="visually-hidden">{t("wording.changes")}</h4>
          <Redline segments={segments} lang="en" />
        </>
      ) : (
        <p lang="en" dir="ltr">
          <PendingText text={point.text} />
        </p>
      )}
      {segments && !changed ? <p className="muted">{t("wording.unchanged")}</p> : null}
      {point.openBrackets > 0 ? <p className="revised-point__brackets">{t("wording.brackets", { count: point.openBrackets })}</p> : null}

      {editable ? (
        <details className="revised-point__edit" open={Boolean(error)}>
          <summary>{withData(t("edit.open", { label: isolate(point.label) }))}</summary>
          <Form method="post" preventScrollReset className="stack">
            <input type="hidden" name="intent" value="wording" />
            <input type="hidden" name="pointId" value={point.id} />
            <input type="hidden" name="basedOnVersion" value={point.versionNumber} />
            <label htmlFor={`wording-${point.id}`}>{withData(t("edit.wording", { label: isolate(point.label), number }))}</label>
            <textarea
              id={`wording-${point.id}`}
              name="text"
              lang="en"
              dir="ltr"
              rows={Math.min(16, Math.max(4, Math.ceil(point.text.length / 90)))}
              defaultValue={error?.intent === "wording" && error.text !== undefined ? error.text : point.text}
            />
            <SubmitButton size="small">{t("edit.save")}</SubmitButton>
          </Form>
          <div className="revised-point__tools">
            <Form method="post" preventScrollReset className="inline-form">
              <input type="hidden" name="intent" value="relabel" />
              <input type="hidden" name="pointId" value={point.id} />
              <label htmlFor={`label-${point.id}`}>{t("edit.label")}</label>
              <input
                id={`label-${point.id}`}
                name="label"
                size={10}
                dir="ltr"
                defaultValue={error?.intent === "relabel" && error.label !== undefined ? error.label : point.label}
              />
              <SubmitButton size="small" variant="secondary">
                {t("edit.relabel")}
              </SubmitButton>
            </Form>
            {mergeChoices.length ? (
              <Form method="post" preventScrollReset className="inline-form">
                <input type="hidden" name="intent" value="merge" />
                <input type="hidden" name="pointId" value={point.id} />
                <label htmlFor={`merge-${point.id}`}>{t("edit.mergeWith")}</label>
                <select id={`merge-${point.id}`} name="otherPointId" dir="ltr">
                  {mergeChoices.map((choice) => (
                    <option key={choice.id} value={choice.id}>
                      {choice.label}
                    </option>
                  ))}
                </select>
                <SubmitButton size="small" variant="secondary">
                  {t("edit.merge")}
                </SubmitButton>
              </Form>
            ) : null}
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="split" />
              <input type="hidden" name="pointId" value={point.id} />
              <SubmitButton size="small" variant="secondary">
                {t("edit.split")}
              </SubmitButton>
            </Form>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="pointId" value={point.id} />
              <SubmitButton size="small" variant="danger">
                {t("edit.delete")}
              </SubmitButton>
            </Form>
          </div>
        </details>
      ) : null}

      {point.formerLabels.length ? (
        <details className="revised-point__comments" open={editable}>
          <summary>
            {withData(t("comments.title", { formers: labelList(point.formerLabels, i18n.language) }))} ({point.comments.length})
          </summary>
          <RevisionComments comments={point.comments} point={point} editable={editable} />
        </details>
      ) : null}
    </section>
  );
}
