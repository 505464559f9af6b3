import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ImportReviewForm, type ImportIssue, type ImportReviewData } from "~/components/import-review";
import { ImportUploadForm } from "~/components/submissions/import-upload-form";
import { isolate, withData } from "~/components/ui/data-text";
import { instantFromWallClock, wallClockIn } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { assembleContent, guessLanguage, proposeAssignments } from "~/lib/submission-import";
import {
  formText,
  importError,
  MAX_PASTED,
  newIdempotencyKey,
  replyWith,
  ReviewSchema,
  saveRefusal,
  UploadSchema,
  type KeptOriginal,
} from "~/lib/submission-import-forms";
import { importReview, reviewedAssignments } from "~/lib/submission-import-review";
import { isIdempotencyKey } from "~/lib/submission-rules";
import { MAX_UPLOAD_BYTES } from "~/lib/upload-check";
import { kickNotificationDispatch } from "~/models/outbox.server";
import { acceptsImports, findImportedRevision, getImportOriginal, getImportSetup, saveImportedSubmission, type ImportSetup } from "~/models/submission-import.server";
import { clientAddress, requireRole, type SessionUser } from "~/utils/auth.server";
import { readSubmissionFileSafely } from "~/utils/docx-in-worker.server";
import { publicBaseUrl } from "~/utils/env.server";
import { badRequest, keepOriginal, notFound, readNote, readPostedForm, type PostedForm } from "~/utils/submission-import.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} · Nonpaper` : "Nonpaper" },
];

// Two steps on one page, both plain POSTs, so the page works without JavaScript:
// - "preview" (multipart: the file, or the pasted text, with the details of the note) checks the
//   upload by size and content before storing anything, keeps the original as an attachment of
//   the consultation, reads its paragraphs and answers with a proposal for each;
// - "save" posts the officer's targets and wordings with the original's id; the server reads the
//   paragraphs again from the kept original, assembles the submission and records it on the
//   delegation's behalf (submitOnBehalf), then shows the new revision and its receipt.

type ActionData =
  | { step: "upload"; result: SubmissionResult<string[]>; upload: ImportIssue | null; kept: KeptOriginal | null }
  | { step: "review"; review: ImportReviewData; result: SubmissionResult<string[]> | null; issues: ImportIssue[] };

async function loadSetup(request: Request, consultationId: string | undefined): Promise<{ user: SessionUser; setup: ImportSetup }> {
  const user = await requireRole(request, "secretariat");
  const setup = isUuid(consultationId) ? await getImportSetup(user, consultationId) : null;
  if (!setup) throw notFound();
  return { user, setup };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { setup } = await loadSetup(request, params.consultationId);
  const now = wallClockIn(new Date(), setup.consultation.timeZone);
  return {
    consultation: setup.consultation,
    delegations: setup.delegations,
    accepting: acceptsImports(setup.consultation.status),
    defaults: { receivedDate: now.date, receivedTime: now.time },
    limits: { maxMegabytes: MAX_UPLOAD_BYTES / (1024 * 1024), maxPasted: MAX_PASTED },
  };
}

// ---------------------------------------------------------------------------------------------
// The action: one handler per step

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, setup } = await loadSetup(request, params.consultationId);
  if (!acceptsImports(setup.consultation.status)) {
    const message = setup.consultation.status === "draft" ? importError("notCirculated") : importError("compiled");
    return data<ActionData>({ step: "upload", result: { status: "error", error: { "": [message] } }, upload: null, kept: null }, { status: 409 });
  }
  const form = await readPostedForm(request);
  const intent = form.fields.get("intent");
  if (intent === "preview") return preview(user, setup, form);
  if (intent === "save" && !form.file && !form.oversized) return save(user, setup, form.fields, request, clientAddress(context));
  throw badRequest();
}

/** The upload: the note read and kept, and a proposal for each of its paragraphs. */
async function preview(user: SessionUser, setup: ImportSetup, form: PostedForm) {
  const consultationId = setup.consultation.id;
  const submission = parseWithZod(form.fields, { schema: UploadSchema });
  const delegationId = formText(form.fields.get("delegationId"));
  const unregistered = isUuid(delegationId) && !setup.delegations.some((d) => d.id === delegationId);
  const note = await readNote(user, consultationId, form);
  const fieldErrors: Record<string, string[]> = unregistered ? { delegationId: [importError("delegationNotRegistered")] } : {};
  Object.assign(fieldErrors, note.fieldErrors);
  const { source, upload, formErrors } = note;

  if (submission.status !== "success" || formErrors.length || Object.keys(fieldErrors).length || upload || !source) {
    // A good file is kept, so that correcting a detail does not mean choosing it again.
    const kept = source && form.file ? await keepOriginal(user, consultationId, source) : (source?.kept ?? null);
    const result = replyWith(submission, formErrors, fieldErrors);
    return data<ActionData>({ step: "upload", result, upload, kept: kept ? { id: kept.id, filename: kept.filename, size: kept.size } : null }, { status: 400 });
  }

  const original = await keepOriginal(user, consultationId, source);
  const { receivedDate, receivedTime, language } = submission.value;
  const review = importReview({
    targets: setup.targets,
    original,
    read: source.read,
    proposals: proposeAssignments(source.read.paragraphs, setup.targets),
    details: { delegationId: submission.value.delegationId, receivedDate, receivedTime, language: language ?? guessLanguage(source.read.paragraphs) ?? "en" },
    idempotencyKey: newIdempotencyKey(),
  });
  return data<ActionData>({ step: "review", review, result: null, issues: [] });
}

/** The review: the officer's targets and wordings saved as the delegation's submission. */
async function save(user: SessionUser, setup: ImportSetup, fields: FormData, request: Request, ipAddress: string) {
  const consultationId = setup.consultation.id;
  const attachmentId = formText(fields.get("attachmentId"));
  if (!isUuid(attachmentId)) throw notFound();
  const submission = parseWithZod(fields, { schema: ReviewSchema });

  // Saved already (a double click, the form sent again): show what was saved.
  const delegationId = formText(fields.get("delegationId"));
  const idempotencyKey = formText(fields.get("idempotencyKey"));
  const delegation = setup.delegations.find((d) => d.id === delegationId);
  if (delegation && isIdempotencyKey(idempotencyKey)) {
    const earlier = await findImportedRevision(user, { consultationId, delegationId, idempotencyKey });
    if (earlier) throw redirect(revisionPath(consultationId, delegation.code, earlier.revisionNumber));
  }

  const original = await getImportOriginal(user, { consultationId, attachmentId });
  if (!original) throw notFound();
  const read = await readSubmissionFileSafely({ name: original.filename, bytes: original.content });
  if (!read.ok) throw badRequest();
  const proposals = proposeAssignments(read.paragraphs, setup.targets);
  const postedRows: unknown[] = Array.isArray(submission.payload.rows) ? submission.payload.rows : [];
  // The rows are the paragraphs of the kept original, one for one: anything else is a forged form.
  if (postedRows.length !== proposals.length) throw badRequest();

  const reviewed = reviewedAssignments(proposals, read.paragraphs, postedRows, setup.targets);
  const unregistered = delegationId && isUuid(delegationId) && !delegation;
  const fieldErrors: Record<string, string[]> = unregistered ? { delegationId: [importError("delegationNotRegistered")] } : {};
  Object.assign(fieldErrors, reviewed.fieldErrors);
  const value = submission.status === "success" ? submission.value : null;
  const receivedAt = value ? instantFromWallClock(value.receivedDate, value.receivedTime, setup.consultation.timeZone) : null;
  if (value && !receivedAt) fieldErrors.receivedDate = ["consultations:errors.dateInvalid"];

  const backToReview = (result: SubmissionResult<string[]>, status: number, issues: ImportIssue[] = []) => {
    const details = {
      delegationId,
      receivedDate: formText(fields.get("receivedDate")),
      receivedTime: formText(fields.get("receivedTime")),
      language: value?.language ?? guessLanguage(read.paragraphs) ?? "en",
    };
    const key = isIdempotencyKey(idempotencyKey) ? idempotencyKey : newIdempotencyKey();
    const review = importReview({ targets: setup.targets, original, read, proposals, details, idempotencyKey: key });
    return data<ActionData>({ step: "review", review, result, issues }, { status });
  };

  if (!value || Object.keys(fieldErrors).length || !receivedAt || !delegation) return backToReview(replyWith(submission, [], fieldErrors), 400);

  const content = { language: value.language, ...assembleContent(reviewed.assignments, setup.targets) };
  const saved = await saveImportedSubmission(user, {
    consultationId,
    delegationId: delegation.id,
    attachmentId: original.id,
    content,
    idempotencyKey: value.idempotencyKey,
    receivedAt,
    ipAddress,
    baseUrl: publicBaseUrl(request),
  });
  if (saved.ok) {
    if (!saved.replayed) kickNotificationDispatch();
    throw redirect(revisionPath(consultationId, delegation.code, saved.revision.revisionNumber));
  }
  if (saved.reason === "original_not_found") throw notFound();
  const refusal = saveRefusal(saved.reason);
  const issues = saved.reason === "invalid" ? saved.issues.map((issue) => ({ message: issue.message, values: issue.values })) : [];
  return backToReview(replyWith(submission, refusal.formErrors, refusal.fieldErrors), refusal.status, issues);
}

function revisionPath(consultationId: string, delegationCode: string, revisionNumber: number) {
  return `/consultations/${consultationId}/submissions/${delegationCode}/${revisionNumber}`;
}

// ---------------------------------------------------------------------------------------------
// The page

export default function ImportSubmissionPage() {
  const { consultation, delegations, accepting, defaults, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useTranslation("submissions");
  const eyebrow = (
    <p className="eyebrow">
      <Link to={`/consultations/${consultation.id}`}>
        <bdi>{consultation.title}</bdi>
      </Link>{" "}
      · <Link to={`/consultations/${consultation.id}/submissions`}>{t("importPage.submissions")}</Link>
    </p>
  );

  if (!accepting) {
    return (
      <article className="submission-import">
        {eyebrow}
        <h1>{t("importPage.title")}</h1>
        <p className="note">{t(consultation.status === "draft" ? "importPage.errors.notCirculated" : "importPage.errors.compiled")}</p>
      </article>
    );
  }

  if (actionData?.step === "review") {
    const { review } = actionData;
    return (
      <article className="submission-import">
        {eyebrow}
        <h1>{t("importPage.reviewTitle")}</h1>
        <p className="lead">{withData(t("importPage.reviewIntro", { count: review.rows.length, filename: isolate(review.original.filename) }))}</p>
        <ImportReviewForm
          key={`${review.original.id}-${review.idempotencyKey}`}
          review={review}
          lastResult={actionData.result}
          issues={actionData.issues}
          delegations={delegations}
          timeZone={consultation.timeZone}
        />
        <p>
          <Link to=".">{t("importPage.startAgain")}</Link>
        </p>
      </article>
    );
  }

  return (
    <article className="submission-import">
      {eyebrow}
      <h1>{t("importPage.title")}</h1>
      <p className="lead">{t("importPage.intro")}</p>
      <ImportUploadForm
        lastResult={actionData?.result ?? null}
        upload={actionData?.upload ?? null}
        kept={actionData?.kept ?? null}
        timeZone={consultation.timeZone}
        delegations={delegations}
        defaults={defaults}
        limits={limits}
      />
    </article>
  );
}
