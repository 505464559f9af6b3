// /consultations/:id/submission — the delegation's submission editor (delegates of registered
// delegations only; everyone else 404). The draft is saved as the delegate types, through the
// resource route ./submission/draft; this page's own action saves once more and goes to the
// review ("review"), or withdraws the submitted comments ("withdraw"); an approver of the mission
// switches its clearance on or off here ("set-clearance", issue 19).
import { EarlierRoundNote } from "~/components/revision/earlier-comments";
import { getEarlierComments } from "~/models/revision.server";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Countdown } from "~/components/ui/countdown";
import { Deadline } from "~/components/ui/deadline";
import { SubmissionEditor, type DraftConflict } from "~/components/submission/submission-editor";
import { DelegationStatus } from "~/components/submission/delegation-status";
import { Button } from "~/components/ui/button";
import { withData } from "~/components/ui/data-text";
import { Notice, useNotice } from "~/components/ui/notice";
import type { DraftFields } from "~/lib/autosave-store";
import { delegationState } from "~/lib/delegation-state";
import { nameInSentence } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { contentToFields, type FieldIssue } from "~/lib/submission-fields";
import { refusalMessage } from "~/lib/submission-rules";
import { mayWriteSubmission } from "~/lib/permissions";
import { colleaguesInDraft } from "~/models/draft-presence.server";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { getSpeakerGroup } from "~/models/joint-speaker.server";
import { groupInSentence } from "~/lib/groups";
import { withdrawSubmission } from "~/models/submission-submit.server";
import { ClearancePanel } from "~/components/submission/clearance-panel";
import { clearanceRefusalMessage, parseSwitch } from "~/lib/clearance";
import { getClearanceForDelegate, setMissionClearance } from "~/models/clearance.server";
import { clientAddress, requireUser } from "~/utils/auth.server";
import { editorFields, saveDraftFromForm } from "~/utils/submission-draft.server";
import { publicBaseUrl } from "~/utils/env.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import submissionStylesheet from "~/styles/submission.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: submissionStylesheet }];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data, language) => t("submissions:editor.title", { delegation: nameInSentence(data.submission.delegation, language, { isolate: true }) }),
};

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The secretariat and chairs read submissions on their own pages: this one is the mission's.
  const mine = mayWriteSubmission(user) && isUuid(params.consultationId);
  const [submission, colleagues, earlier, speaksFor, clearance] = mine
    ? await Promise.all([
        getSubmissionForDelegate(user, params.consultationId!),
        colleaguesInDraft(user, params.consultationId!),
        getEarlierComments(user, params.consultationId!),
        // The group the delegation's submission speaks for (issue 19): shown only with the page.
        user.delegationId ? getSpeakerGroup(params.consultationId!, user.delegationId) : null,
        // Clearance inside the mission (issue 19): its setting, the reader's role, the draft's state.
        getClearanceForDelegate(user, params.consultationId!),
      ])
    : [null, null, null, null, null];
  if (!submission || !clearance) throw notFound();
  return {
    submission,
    serverFields: contentToFields(submission.draft.content),
    // Where the delegation stands, from the data already read: no query more.
    state: delegationState({
      consultationStatus: submission.consultation.status,
      draft: { version: submission.draft.draftVersion, savedAt: submission.draft.updatedAt },
      revisions: submission.revisions,
      clearance: {
        required: clearance.required,
        requestedAt: clearance.request?.at ?? null,
        requestedBy: clearance.request?.byName ?? null,
        clearedDraftVersion: clearance.state === "cleared" ? submission.draft.draftVersion : null,
      },
    }),
    clearance,
    colleagues: (colleagues ?? []).map((c) => c.name),
    // A later round: what the delegation said in the round before, and what became of it.
    earlier,
    speaksFor,
    userId: user.id,
    readerTimeZone: user.timeZone ?? submission.meeting.timeZone,
    now: new Date().toISOString(),
    // Left by a redirect: the submission withdrawn, or the review sent back (stale, empty).
    notice: await readNotice(request, ["submission.notice"]),
  };
}

type ActionAnswer = {
  typedFields: DraftFields | null;
  errors: Record<string, FieldIssue[]> | null;
  conflict: DraftConflict | null;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!mayWriteSubmission(user) || !isUuid(params.consultationId)) throw notFound();
  const consultationId = params.consultationId;
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "withdraw") {
    const result = await withdrawSubmission(user, { consultationId, ipAddress: clientAddress(context), baseUrl: publicBaseUrl(request) });
    if (result.ok) throw await redirectWithNotice(request, paths.submission(consultationId), { kind: "submission.notice", notice: "withdrawn" });
    if (result.reason === "not_found") throw notFound();
    return data<ActionAnswer>({ typedFields: null, errors: { "": [{ message: refusalMessage(result.reason) }] }, conflict: null }, { status: 409 });
  }

  if (intent === "set-clearance") {
    const result = await setMissionClearance(user, { consultationId, required: parseSwitch(form.get("required")), ipAddress: clientAddress(context) });
    if (result.ok) {
      const notice = form.get("required") === "on" ? "clearanceOn" : "clearanceOff";
      throw await redirectWithNotice(request, paths.submission(consultationId), { kind: "submission.notice", notice });
    }
    if (result.reason === "not_found") throw notFound();
    if (result.reason === "forbidden") throw data({ reason: "forbidden" }, { status: 403 });
    return data<ActionAnswer>(
      { typedFields: null, errors: { "": [{ message: clearanceRefusalMessage(result.reason) }] }, conflict: null },
      { status: result.reason === "invalid" ? 400 : 409 },
    );
  }

  if (intent !== "review") {
    return data<ActionAnswer>({ typedFields: null, errors: { "": [{ message: "submissions:errors.invalid" }] }, conflict: null }, { status: 400 });
  }
  // Saves what the page shows (autosave may not have sent the last keystrokes), then the review.
  const typed = Object.fromEntries(editorFields(form));
  const answer = await saveDraftFromForm(user, consultationId, form, false);
  const review = paths.submissionReview(consultationId);
  switch (answer.status) {
    case 200:
      throw redirect(review);
    case 404:
      throw notFound();
    case 423:
      // After the deadline the draft is frozen as it stands; it can still be sent, as late.
      if (answer.body.reason === "deadline_passed") throw redirect(review);
      return data<ActionAnswer>({ typedFields: typed, errors: { "": [{ message: refusalMessage("not_open") }] }, conflict: null }, { status: 423 });
    case 400:
      return data<ActionAnswer>({ typedFields: typed, errors: answer.body.errors, conflict: null }, { status: 400 });
    case 409:
      return data<ActionAnswer>(
        {
          typedFields: typed,
          errors: { "": [{ message: refusalMessage("conflict") }] },
          conflict: { draftVersion: answer.body.draftVersion, fields: answer.body.fields, updatedBy: answer.body.updatedBy, updatedAt: answer.body.updatedAt },
        },
        { status: 409 },
      );
    default:
      throw notFound();
  }
}

export default function SubmissionEditorPage() {
  const { submission, serverFields, state, colleagues, userId, readerTimeZone, now, earlier, speaksFor, clearance, ...loaded } = useLoaderData<typeof loader>();
  const notice = useNotice(loaded.notice)?.notice;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(["submissions", "common"]);
  const { consultation, meeting, deadline, can } = submission;
  const [passedLive, setPassedLive] = useState(false);
  const readOnly = !can.edit || passedLive;
  const delegation = nameInSentence(submission.delegation, i18n.language as never, { isolate: true });
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === "review";

  return (
    <article className="submission-page">
      <h1>{withData(t("editor.title", { delegation }))}</h1>
      <DelegationStatus state={state} timeZone={readerTimeZone} consultationId={consultation.id} />
      <ClearancePanel clearance={clearance} timeZone={readerTimeZone} canChange={consultation.status === "open"} />
      {speaksFor ? (
        <p className="submission-page__speaker">
          {withData(t("joint.onBehalf.current", { group: groupInSentence(speaksFor, i18n.language as never, { isolate: true }) }))}
        </p>
      ) : null}
      <ul className="actions submission-page__joint">
        <li>
          <Link to={paths.joint(consultation.id)}>{t("joint.link")}</Link>
        </li>
        <li>
          <Link to={paths.alignments(consultation.id)}>{t("alignment.link")}</Link>
        </li>
      </ul>

      <section className="submission-page__deadline" aria-label={t("editor.deadlineLabel")}>
        <p>
          <strong>{t("editor.deadline")}</strong>{" "}
          {deadline.effective ? (
            <Deadline deadline={deadline.effective} meetingTimeZone={meeting.timeZone} readerTimeZone={readerTimeZone} />
          ) : (
            t("editor.noDeadline")
          )}
        </p>
        {deadline.extendedTo ? <p className="muted">{t("editor.extended")}</p> : null}
        {consultation.status === "open" && deadline.effective ? (
          <p className="submission-page__countdown">
            <Countdown deadline={deadline.effective} now={now} onPassed={() => setPassedLive(true)} />
          </p>
        ) : null}
        {consultation.status !== "open" ? (
          <Notice announce={false}>{t("editor.notOpen")}</Notice>
        ) : readOnly ? (
          <Notice tone="warning" announce={false}>
            {t("editor.deadlinePassed")}
          </Notice>
        ) : (
          <p className="muted">{t("editor.intro")}</p>
        )}
      </section>

      {notice ? <Notice tone={notice === "stale" || notice === "empty" ? "warning" : "success"}>{t(`editor.notice.${notice}`)}</Notice> : null}

      {earlier ? <EarlierRoundNote earlier={earlier} /> : null}

      <SubmissionEditor
        // A new server draft (after a conflict choice, a submit) starts the editor afresh.
        key={`${submission.draft.draftVersion}`}
        consultationId={consultation.id}
        userId={userId}
        agendaItems={submission.agendaItems}
        serverFields={serverFields}
        draftVersion={submission.draft.draftVersion}
        savedAt={submission.draft.updatedAt ? new Date(submission.draft.updatedAt).toISOString() : null}
        typedFields={actionData?.typedFields ?? null}
        errors={actionData?.errors ?? null}
        conflict={actionData?.conflict ?? null}
        colleagues={colleagues}
        readOnly={readOnly}
        timeZone={readerTimeZone}
        submitIsLate={can.submitIsLate || (passedLive && can.submit)}
        canSubmit={can.submit}
        submitting={submitting}
        // A drafter of a mission that requires clearance reviews the text to ask for it.
        reviewLabel={clearance.required && !clearance.approver && clearance.state !== "cleared" ? t("clearance.editorReview") : undefined}
        earlier={earlier}
      />

      {can.withdraw && !passedLive ? (
        <details className="submission-page__withdraw">
          <summary>{t("editor.withdraw.summary")}</summary>
          <p>{t("editor.withdraw.explain")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <Button type="submit" variant="danger">
              {t("editor.withdraw.button")}
            </Button>
          </Form>
        </details>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
