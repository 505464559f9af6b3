// /consultations/:id/submission/review — the confirmation step: the draft as it will be sent,
// read-only, then "Submit". The idempotency key is made when this page renders, so a double click
// or a retry after a network error gives one revision; the draft version reviewed goes with it,
// so a draft changed since (by a colleague) is not submitted unseen. Where the mission requires
// clearance (issue 19), a drafter asks for clearance of the version reviewed here
// ("request-clearance") and submits only a cleared one; an approver clears and submits in one step.
import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { EditorDeadline } from "~/components/ui/editor-deadline";
import { FormErrors } from "~/components/ui/form-errors";
import { RevisionView } from "~/components/submission/revision-view";
import { Button, SubmitButton } from "~/components/ui/button";
import { isolate, withData } from "~/components/ui/data-text";
import { HiddenFields, PostForm } from "~/components/ui/post-form";
import { Notice } from "~/components/ui/notice";
import { nameInSentence } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { isEmptyContent, refusalMessage } from "~/lib/submission-rules";
import { mayWriteSubmission } from "~/lib/permissions";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { getClearanceForDelegate, requestClearance } from "~/models/clearance.server";
import { clearanceRefusalMessage } from "~/lib/clearance";
import { formatStatusTime } from "~/lib/delegation-state";
import { submitSubmission } from "~/models/submission-submit.server";
import { clientAddress, requireUser } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import submissionStylesheet from "~/styles/submission.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: submissionStylesheet }];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data, language) => t("submissions:review.title", { delegation: nameInSentence(data.delegation, language, { isolate: true }) }),
};

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mine = mayWriteSubmission(user) && isUuid(params.consultationId);
  const [submission, clearance] = mine
    ? await Promise.all([getSubmissionForDelegate(user, params.consultationId!), getClearanceForDelegate(user, params.consultationId!)])
    : [null, null];
  if (!submission || !clearance) throw notFound();
  const { agendaItems, draft } = submission;
  return {
    consultation: submission.consultation,
    delegation: submission.delegation,
    meeting: submission.meeting,
    deadline: submission.deadline,
    can: submission.can,
    content: draft.content,
    draftVersion: draft.draftVersion,
    empty: isEmptyContent(draft.content),
    agendaItems: agendaItems.map(({ id, number, title }) => ({ id, number, title })),
    points: agendaItems.flatMap((item) =>
      item.points.map((p) => ({ id: p.id, agendaItemId: item.id, label: p.label, versionNumber: p.versionNumber, text: p.text })),
    ),
    nextRevision: (submission.revisions[0]?.revisionNumber ?? 0) + 1,
    readerTimeZone: user.timeZone ?? submission.meeting.timeZone,
    clearance,
    idempotencyKey: randomUUID(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!mayWriteSubmission(user) || !isUuid(params.consultationId)) throw notFound();
  const consultationId = params.consultationId;
  const form = await request.formData();
  const versionText = form.get("draftVersion");
  const draftVersion = typeof versionText === "string" && /^\d{1,9}$/.test(versionText) ? Number(versionText) : -1;
  const key = form.get("idempotencyKey");
  const intent = form.get("intent");
  if ((intent !== "submit" && intent !== "request-clearance") || draftVersion < 0) {
    return data({ formErrors: [refusalMessage("invalid")] }, { status: 400 });
  }
  if (intent === "request-clearance") {
    const asked = await requestClearance(user, { consultationId, draftVersion, ipAddress: clientAddress(context), baseUrl: publicBaseUrl(request) });
    if (asked.ok) throw await redirectWithNotice(request, paths.submission(consultationId), { kind: "submission.notice", notice: "clearanceRequested" });
    const reason = await backToEditor(request, consultationId, asked.reason);
    return data({ formErrors: [reason === "not_open" ? refusalMessage(reason) : clearanceRefusalMessage(reason)] }, { status: 409 });
  }
  const result = await submitSubmission(user, {
    consultationId,
    idempotencyKey: typeof key === "string" ? key : "",
    draftVersion,
    ipAddress: clientAddress(context),
    baseUrl: publicBaseUrl(request),
  });
  if (result.ok) throw redirect(paths.receipt(consultationId, result.receipt.revisionNumber));
  const reason = await backToEditor(request, consultationId, result.reason);
  if (reason === "not_cleared") return data({ formErrors: [clearanceRefusalMessage(reason)] }, { status: 409 });
  return data({ formErrors: [refusalMessage(reason)] }, { status: reason === "not_open" ? 409 : 400 });
}

/**
 * What both intents answer alike: 404 for what the delegate may not reach, and back to the editor
 * for a draft changed since the review (by a colleague) or empty. Else the reason, for the form.
 */
async function backToEditor<R extends string>(request: Request, consultationId: string, reason: R): Promise<Exclude<R, "not_found" | "stale_draft" | "empty">> {
  if (reason === "not_found") throw notFound();
  if (reason === "stale_draft" || reason === "empty") {
    throw await redirectWithNotice(request, paths.submission(consultationId), { kind: "submission.notice", notice: reason === "empty" ? "empty" : "stale" });
  }
  return reason as Exclude<R, "not_found" | "stale_draft" | "empty">;
}

export default function ReviewPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["submissions", "common"]);
  const { consultation, can, deadline, clearance } = loaded;
  const editor = paths.submission(consultation.id);
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === "submit";
  const asking = navigation.state !== "idle" && navigation.formData?.get("intent") === "request-clearance";
  // Where the mission requires clearance: an approver clears by submitting; a drafter submits a
  // cleared version, or asks for clearance of this one (once asked, it waits).
  const drafter = clearance.required && !clearance.approver;
  const mustAsk = drafter && clearance.state !== "cleared";
  const delegation = nameInSentence(loaded.delegation, i18n.language as never, { isolate: true });

  return (
    <article className="submission-page submission-review">
      <p className="eyebrow">
        <Link to={editor}>{t("review.back")}</Link>
      </p>
      <h1>{withData(t("review.title", { delegation }))}</h1>
      <EditorDeadline deadline={deadline.effective} meeting={loaded.meeting.timeZone} reader={loaded.readerTimeZone} />
      <FormErrors errors={actionData?.formErrors} />

      {!can.submit ? (
        <Notice announce={false}>{t("review.notOpen")}</Notice>
      ) : loaded.empty ? (
        <Notice tone="warning" announce={false}>
          {t("review.empty")}
        </Notice>
      ) : (
        <>
          <p>{mustAsk ? t("clearance.reviewIntro") : t("review.intro")}</p>
          <section aria-labelledby="review-content-title" className="submission-review__content">
            <h2 id="review-content-title">{t("review.contentTitle")}</h2>
            <p className="muted">{t("review.language", { language: t(`common:languageNames.${loaded.content.language}`) })}</p>
            <RevisionView content={loaded.content} agendaItems={loaded.agendaItems} points={loaded.points} />
          </section>
          <section className="submission-review__confirm" aria-label={mustAsk ? t("clearance.ask") : t("review.submit")}>
            {loaded.nextRevision > 1 ? <p>{t("review.revisionNote", { number: loaded.nextRevision })}</p> : null}
            <p>{t("review.receiptNote")}</p>
            {can.submitIsLate ? (
              <Notice tone="warning" announce={false}>
                {t("review.lateNote")}
              </Notice>
            ) : null}
            {clearance.request ? <ClearanceStep text="clearance.awaiting" step={clearance.request} readerTimeZone={loaded.readerTimeZone} /> : null}
            {clearance.clearance ? <ClearanceStep text="clearance.cleared" step={clearance.clearance} readerTimeZone={loaded.readerTimeZone} /> : null}
            {clearance.required && clearance.approver ? <p>{t("clearance.clearNote")}</p> : null}
            {mustAsk && clearance.state === "awaiting" ? (
              <>
                <Notice announce={false}>{t("clearance.awaitingNote")}</Notice>
                <p>
                  <BackButton to={editor} />
                </p>
              </>
            ) : mustAsk ? (
              <Form method="post" className="submission-review__form">
                <p>{t("clearance.askHelp")}</p>
                <HiddenFields values={{ intent: "request-clearance", draftVersion: loaded.draftVersion }} />
                <SubmitButton pending={asking} disabled={asking}>
                  {t("clearance.ask")}
                </SubmitButton>{" "}
                <BackButton to={editor} />
              </Form>
            ) : (
              <PostForm
                className="submission-review__form"
                fields={{ intent: "submit", idempotencyKey: loaded.idempotencyKey, draftVersion: loaded.draftVersion }}
              >
                {/* Disabled as well while sending: one revision per review, whatever is pressed. */}
                <SubmitButton pending={submitting} disabled={submitting}>
                  {submitting
                    ? t("review.submitting")
                    : clearance.required && clearance.approver
                      ? t(can.submitIsLate ? "clearance.clearAndSubmitLate" : "clearance.clearAndSubmit")
                      : can.submitIsLate
                        ? t("review.submitLate")
                        : t("review.submit")}
                </SubmitButton>{" "}
                <BackButton to={editor} />
              </PostForm>
            )}
          </section>
        </>
      )}
      {!can.submit || loaded.empty ? (
        <p>
          <Link to={editor}>{t("review.back")}</Link>
        </p>
      ) : null}
    </article>
  );
}

function BackButton({ to }: { to: string }) {
  const { t } = useTranslation("submissions");
  return (
    <Button to={to} variant="secondary">
      {t("review.back")}
    </Button>
  );
}

/** Who asked for clearance, or cleared, and when (in the reader's zone). */
function ClearanceStep({
  text,
  step,
  readerTimeZone,
}: {
  text: "clearance.awaiting" | "clearance.cleared";
  step: { byName: string; at: string | Date };
  readerTimeZone: string;
}) {
  const { t, i18n } = useTranslation("submissions");
  const time = isolate(formatStatusTime(step.at, i18n.language, readerTimeZone));
  return <p className="submission-review__clearance">{withData(t(text, { name: isolate(step.byName), time }))}</p>;
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
