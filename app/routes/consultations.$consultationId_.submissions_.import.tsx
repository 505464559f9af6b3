import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors } from "~/components/form-errors";
import { FormField } from "~/components/form-field";
import { ImportReviewForm, type ImportIssue, type ImportReviewData, type ImportReviewRow } from "~/components/import-review";
import { isolate, withData } from "~/components/ui/data-text";
import { readSubmissionFile, type SubmissionFileRead } from "~/documents/docx-reader";
import { readSubmissionFileSafely } from "~/utils/docx-in-worker.server";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { instantFromWallClock, wallClockIn } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import {
  assembleContent,
  guessLanguage,
  proposeAssignments,
  type ImportConsultation,
  type ImportProposal,
  type ImportTarget,
} from "~/lib/submission-import";
import { isIdempotencyKey, normalizeCommentText, proposalLabel, textProblems } from "~/lib/submission-rules";
import { checkUpload, MAX_UPLOAD_BYTES, rejectUpload } from "~/lib/upload-check";
import { kickNotificationDispatch } from "~/models/outbox.server";
import {
  acceptsImports,
  findImportedRevision,
  getImportOriginal,
  getImportSetup,
  saveImportedSubmission,
  storeImportOriginal,
  type ImportSetup,
  type StoredOriginal,
} from "~/models/submission-import.server";
import { clientAddress, requireRole, type SessionUser } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";

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

/** Longest pasted note: a long note verbale is some 30,000 characters. */
const MAX_PASTED = 500_000;
/** More paragraphs than any note verbale has; a review of more would help nobody. */
const MAX_REVIEW_PARAGRAPHS = 1_000;
const PASTED_FILENAME = "pasted-text.txt";

const E = (key: string) => `submissions:importPage.errors.${key}`;

const languageField = z.enum(LANGUAGE_CODES as [Language, ...Language[]], { errorMap: () => ({ message: "submissions:errors.languageUnknown" }) });

const details = {
  delegationId: z.string({ required_error: E("delegationRequired") }).uuid(E("delegationRequired")),
  receivedDate: z.string({ required_error: "consultations:errors.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "consultations:errors.dateInvalid"),
  receivedTime: z.string({ required_error: "consultations:errors.required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "consultations:errors.timeInvalid"),
};

const UploadSchema = z.object({
  intent: z.literal("preview"),
  ...details,
  // Empty: read from the text.
  language: languageField.optional(),
  pasted: z.string().max(MAX_PASTED, E("pastedTooLong")).optional(),
  keptId: z.string().optional(),
});

const ReviewSchema = z.object({
  intent: z.literal("save"),
  ...details,
  language: languageField,
  attachmentId: z.string().uuid(),
  idempotencyKey: z.string().refine(isIdempotencyKey, "submissions:errors.idempotencyKeyInvalid"),
  rows: z
    .array(z.object({ target: z.string({ required_error: E("targetInvalid") }), proposedText: z.string().optional() }))
    .max(MAX_REVIEW_PARAGRAPHS)
    .default([]),
});

type Kept = { id: string; filename: string; size: number };

type ActionData =
  | { step: "upload"; result: SubmissionResult<string[]>; upload: ImportIssue | null; kept: Kept | null }
  | { step: "review"; review: ImportReviewData; result: SubmissionResult<string[]> | null; issues: ImportIssue[] };

const notFound = () => data({ reason: "not_found" }, { status: 404 });
const badRequest = () => data({ reason: "bad_request" }, { status: 400 });

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
// Reading the request

type PostedForm = { fields: FormData; file: { name: string; bytes: Uint8Array } | null; oversized: string | null };

/**
 * The posted fields, and the uploaded file (the "file" part) in memory. A part over
 * MAX_UPLOAD_BYTES stops the reading there ("oversized" names it): the fields before it are kept,
 * which is why the page puts the file last.
 */
async function readPostedForm(request: Request): Promise<PostedForm> {
  const fields = new FormData();
  let file: PostedForm["file"] = null;
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => {
      throw badRequest();
    });
    for (const [name, value] of form) if (typeof value === "string") fields.append(name, value);
    return { fields, file, oversized: null };
  }
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES });
  try {
    await unstable_parseMultipartFormData(request, async (part) => {
      const value = await memory(part);
      if (typeof value === "string") fields.append(part.name, value);
      // A file input left empty sends a part with an empty name and no bytes.
      else if (value && part.name === "file" && part.filename) file = { name: part.filename, bytes: new Uint8Array(await value.arrayBuffer()) };
      return undefined;
    });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { fields, file, oversized: error.field };
    throw badRequest();
  }
  return { fields, file, oversized: null };
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

type Reply = {
  status?: "success" | "error";
  error?: Record<string, string[] | null> | null;
  reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>;
};

/** Conform's reply with more errors, added to (not replacing) those the schema found. */
function replyWith(submission: Reply, formErrors: string[], fieldErrors: Record<string, string[]>): SubmissionResult<string[]> {
  const merged: Record<string, string[]> = {};
  for (const [name, errors] of Object.entries(submission.error ?? {})) if (errors?.length) merged[name] = [...errors];
  for (const [name, errors] of Object.entries(fieldErrors)) merged[name] = [...(merged[name] ?? []), ...errors];
  const { "": fromSchema = [], ...fields } = merged;
  return submission.reply({ formErrors: [...fromSchema, ...formErrors], fieldErrors: fields });
}

// ---------------------------------------------------------------------------------------------
// Targets as the review's select values: "general:<item>", "point:<point>", "amendment:<point>",
// "proposal:<item>:(a)", "skip"

function targetValue(target: ImportTarget): string {
  switch (target.kind) {
    case "general":
      return `general:${target.agendaItemId}`;
    case "point":
    case "amendment":
      return `${target.kind}:${target.pointId}`;
    case "proposal":
      return `proposal:${target.agendaItemId}:${target.label}`;
    case "skip":
      return "skip";
  }
}

type ChosenTarget =
  | { kind: "general"; agendaItemId: string }
  | { kind: "point" | "amendment"; pointId: string }
  | { kind: "proposal"; agendaItemId: string; label: string }
  | { kind: "skip" };

/** A select value back into a target of this consultation; null for anything else (a forged form). */
function chosenTarget(value: string, targets: ImportConsultation): ChosenTarget | null {
  if (value === "skip") return { kind: "skip" };
  const [kind, id, label] = value.split(":");
  if (!id || !isUuid(id)) return null;
  if (kind === "general" && label === undefined && targets.agendaItems.some((i) => i.id === id)) return { kind, agendaItemId: id };
  if ((kind === "point" || kind === "amendment") && label === undefined && targets.agendaItems.some((i) => i.points.some((p) => p.id === id))) {
    return { kind, pointId: id };
  }
  if (kind === "proposal" && label && /^\([a-z]{1,3}\)$/.test(label) && targets.agendaItems.some((i) => i.id === id)) {
    return { kind, agendaItemId: id, label };
  }
  return null;
}

/** New proposals per agenda item: the labels proposed there, and three more to choose from. */
function proposalLabels(proposals: ImportProposal[], targets: ImportConsultation): Record<string, string[]> {
  const labels: Record<string, string[]> = {};
  for (const item of targets.agendaItems) {
    const used = new Set(proposals.flatMap((p) => (p.target.kind === "proposal" && p.target.agendaItemId === item.id ? [p.target.label] : [])));
    const offered = Array.from({ length: used.size + 3 }, (_, i) => proposalLabel(i));
    labels[item.id] = [...offered, ...[...used].filter((l) => !offered.includes(l))];
  }
  return labels;
}

/** The label a "label" proposal was read from, for its badge. */
function targetLabel(target: ImportTarget, targets: ImportConsultation): string | null {
  if (target.kind === "proposal") return target.label;
  if (target.kind !== "point" && target.kind !== "amendment") return null;
  for (const item of targets.agendaItems) for (const p of item.points) if (p.id === target.pointId) return p.label;
  return null;
}

type ReadNote = Extract<SubmissionFileRead, { ok: true }>;

function buildReview(input: {
  setup: ImportSetup;
  original: StoredOriginal;
  read: ReadNote;
  proposals: ImportProposal[];
  details: ImportReviewData["details"];
  idempotencyKey: string;
}): ImportReviewData {
  const { setup, read, proposals } = input;
  const rows: ImportReviewRow[] = proposals.map((p) => {
    const paragraph = read.paragraphs[p.paragraph]!;
    return {
      text: paragraph.text,
      heading: paragraph.heading !== null,
      target: targetValue(p.target),
      // Another target chosen as an amendment starts from the paragraph: most likely the wording.
      wording: p.target.kind === "amendment" ? p.target.proposedText : p.text,
      confidence: p.confidence,
      reason: p.reason,
      label: p.reason === "label" ? targetLabel(p.target, setup.targets) : null,
    };
  });
  return {
    original: { id: input.original.id, filename: input.original.filename, size: input.original.size },
    idempotencyKey: input.idempotencyKey,
    details: input.details,
    guessedLanguage: guessLanguage(read.paragraphs),
    rows,
    warnings: read.warnings,
    targets: setup.targets,
    proposalLabels: proposalLabels(proposals, setup.targets),
  };
}

const newIdempotencyKey = () => `import-${globalThis.crypto.randomUUID()}`;

// ---------------------------------------------------------------------------------------------
// The action

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, setup } = await loadSetup(request, params.consultationId);
  if (!acceptsImports(setup.consultation.status)) {
    const message = setup.consultation.status === "draft" ? E("notCirculated") : E("compiled");
    return data<ActionData>({ step: "upload", result: { status: "error", error: { "": [message] } }, upload: null, kept: null }, { status: 409 });
  }
  const form = await readPostedForm(request);
  const intent = form.fields.get("intent");
  if (intent === "preview") return preview(user, setup, form);
  if (intent === "save" && !form.file && !form.oversized) return save(user, setup, form.fields, request, clientAddress(context));
  throw badRequest();
}

async function preview(user: SessionUser, setup: ImportSetup, form: PostedForm) {
  const { fields, file, oversized } = form;
  const consultationId = setup.consultation.id;
  const submission = parseWithZod(fields, { schema: UploadSchema });
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  let upload: ImportIssue | null = null;

  const delegationId = text(fields.get("delegationId"));
  if (isUuid(delegationId) && !setup.delegations.some((d) => d.id === delegationId)) fieldErrors.delegationId = [E("delegationNotRegistered")];

  // Where the note comes from: a file chosen now, the pasted text, or the file kept from the last attempt.
  const pasted = text(fields.get("pasted"));
  let source: { read: ReadNote; bytes: Uint8Array; kept: StoredOriginal | null } | null = null;
  if (oversized === "file") upload = rejectUpload("too_large");
  else if (oversized === "pasted") fieldErrors.pasted = [E("pastedTooLong")];
  else if (oversized) throw badRequest();
  else if (file && pasted.trim()) formErrors.push(E("sourceBoth"));
  else if (file) {
    // Word documents are read in a worker thread with time and memory limits (a hostile file).
    const read = await readSubmissionFileSafely(file);
    if (read.ok) source = { read, bytes: file.bytes, kept: null };
    else upload = { message: read.message, values: read.values };
  } else if (pasted.trim()) {
    if (pasted.length <= MAX_PASTED) {
      // Browsers send a text area's line breaks as CRLF; the kept text has one kind, as typed.
      const bytes = new TextEncoder().encode(pasted.replace(/\r\n?/g, "\n"));
      const read = await readSubmissionFile({ name: PASTED_FILENAME, bytes });
      if (read.ok) source = { read, bytes, kept: null };
      else fieldErrors.pasted = [read.message];
    }
  } else {
    const keptId = text(fields.get("keptId"));
    const kept = isUuid(keptId) ? await getImportOriginal(user, { consultationId, attachmentId: keptId }) : null;
    const read = kept ? await readSubmissionFileSafely({ name: kept.filename, bytes: kept.content }) : null;
    if (kept && read?.ok) source = { read, bytes: kept.content, kept };
    else formErrors.push(E("sourceRequired"));
  }
  if (source && source.read.paragraphs.length > MAX_REVIEW_PARAGRAPHS) {
    formErrors.push(E("tooManyParagraphs"));
    source = null;
  }

  const keep = async (read: NonNullable<typeof source>): Promise<StoredOriginal | null> => {
    if (read.kept) return read.kept;
    const stored = await storeImportOriginal(user, {
      consultationId,
      filename: read.read.filename,
      mediaType: read.read.mediaType,
      content: read.bytes,
    });
    if (!stored.ok) throw stored.reason === "not_found" ? notFound() : data({ reason: "not_open" }, { status: 409 });
    return stored.original;
  };

  if (submission.status !== "success" || formErrors.length || Object.keys(fieldErrors).length || upload || !source) {
    // A good file is kept, so that correcting a detail does not mean choosing it again.
    const kept = source && file ? await keep(source) : (source?.kept ?? null);
    return data<ActionData>(
      {
        step: "upload",
        result: replyWith(submission, formErrors, fieldErrors),
        upload,
        kept: kept ? { id: kept.id, filename: kept.filename, size: kept.size } : null,
      },
      { status: 400 },
    );
  }

  const original = await keep(source);
  if (!original) throw notFound();
  const proposals = proposeAssignments(source.read.paragraphs, setup.targets);
  const value = submission.value;
  const review = buildReview({
    setup,
    original,
    read: source.read,
    proposals,
    details: {
      delegationId: value.delegationId,
      receivedDate: value.receivedDate,
      receivedTime: value.receivedTime,
      language: value.language ?? guessLanguage(source.read.paragraphs) ?? "en",
    },
    idempotencyKey: newIdempotencyKey(),
  });
  return data<ActionData>({ step: "review", review, result: null, issues: [] });
}

async function save(user: SessionUser, setup: ImportSetup, fields: FormData, request: Request, ipAddress: string) {
  const consultationId = setup.consultation.id;
  const attachmentId = text(fields.get("attachmentId"));
  if (!isUuid(attachmentId)) throw notFound();
  const submission = parseWithZod(fields, { schema: ReviewSchema });

  // Saved already (a double click, the form sent again): show what was saved.
  const delegationId = text(fields.get("delegationId"));
  const idempotencyKey = text(fields.get("idempotencyKey"));
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
  const posted = submission.payload.rows;
  const postedRows = Array.isArray(posted) ? posted : [];
  // The rows are the paragraphs of the kept original, one for one: anything else is a forged form.
  if (postedRows.length !== proposals.length) throw badRequest();

  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  if (delegationId && isUuid(delegationId) && !delegation) fieldErrors.delegationId = [E("delegationNotRegistered")];

  const assignments: { text: string; target: ImportTarget }[] = [];
  proposals.forEach((proposal, index) => {
    const row = (postedRows[index] ?? {}) as { target?: unknown; proposedText?: unknown };
    const chosen = typeof row.target === "string" ? chosenTarget(row.target, setup.targets) : null;
    if (!chosen) {
      fieldErrors[`rows[${index}].target`] = [E("targetInvalid")];
      return;
    }
    const paragraph = read.paragraphs[proposal.paragraph]!;
    if (chosen.kind === "amendment") {
      const wording = normalizeCommentText(typeof row.proposedText === "string" ? row.proposedText : "");
      const problems = textProblems(wording);
      if (!wording) fieldErrors[`rows[${index}].proposedText`] = [E("wordingRequired")];
      else if (problems.length) fieldErrors[`rows[${index}].proposedText`] = [problems.some((p) => p.message.endsWith("tooLong")) ? E("wordingTooLong") : E("wordingInvisible")];
      // Words around quoted wording ("Peru proposes: “…”") stay a comment on the point.
      const leadIn = proposal.target.kind === "amendment" && proposal.text.trim() !== proposal.target.proposedText.trim() ? proposal.text : "";
      assignments.push({ text: leadIn, target: { kind: "amendment", pointId: chosen.pointId, proposedText: wording } });
      return;
    }
    // A paragraph proposed as an amendment but given another target keeps all its words.
    assignments.push({ text: proposal.target.kind === "amendment" ? paragraph.text : proposal.text, target: chosen as Exclude<ImportTarget, { kind: "amendment" }> });
  });

  const receivedAt =
    submission.status === "success"
      ? instantFromWallClock(submission.value.receivedDate, submission.value.receivedTime, setup.consultation.timeZone)
      : null;
  if (submission.status === "success" && !receivedAt) fieldErrors.receivedDate = ["consultations:errors.dateInvalid"];

  const language = submission.status === "success" ? submission.value.language : null;
  const backToReview = (result: SubmissionResult<string[]>, status: number, issues: ImportIssue[] = []) =>
    data<ActionData>(
      {
        step: "review",
        review: buildReview({
          setup,
          original,
          read,
          proposals,
          details: {
            delegationId,
            receivedDate: text(fields.get("receivedDate")),
            receivedTime: text(fields.get("receivedTime")),
            language: language ?? guessLanguage(read.paragraphs) ?? "en",
          },
          idempotencyKey: isIdempotencyKey(idempotencyKey) ? idempotencyKey : newIdempotencyKey(),
        }),
        result,
        issues,
      },
      { status },
    );

  if (submission.status !== "success" || formErrors.length || Object.keys(fieldErrors).length || !receivedAt || !delegation) {
    return backToReview(replyWith(submission, formErrors, fieldErrors), 400);
  }

  const content = { language: submission.value.language, ...assembleContent(assignments, setup.targets) };
  const saved = await saveImportedSubmission(user, {
    consultationId,
    delegationId: delegation.id,
    attachmentId: original.id,
    content,
    idempotencyKey: submission.value.idempotencyKey,
    receivedAt,
    ipAddress,
    baseUrl: publicBaseUrl(request),
  });
  if (saved.ok) {
    if (!saved.replayed) kickNotificationDispatch();
    throw redirect(revisionPath(consultationId, delegation.code, saved.revision.revisionNumber));
  }
  switch (saved.reason) {
    case "original_not_found":
      throw notFound();
    case "not_found":
      return backToReview(replyWith(submission, [], { delegationId: [E("delegationNotRegistered")] }), 400);
    case "not_open":
      return backToReview(replyWith(submission, [E("compiled")], {}), 409);
    case "empty":
      return backToReview(replyWith(submission, [E("nothingToSave")], {}), 400);
    case "received_in_future":
      return backToReview(replyWith(submission, [], { receivedDate: [E("receivedInFuture")] }), 400);
    case "idempotency_key_invalid":
      return backToReview(replyWith(submission, ["submissions:errors.idempotencyKeyInvalid"], {}), 400);
    case "invalid":
      return backToReview(
        replyWith(submission, [E("notSaved")], {}),
        400,
        saved.issues.map((issue) => ({ message: issue.message, values: issue.values })),
      );
  }
}

function revisionPath(consultationId: string, delegationCode: string, revisionNumber: number) {
  return `/consultations/${consultationId}/submissions/${delegationCode}/${revisionNumber}`;
}

// ---------------------------------------------------------------------------------------------
// The page

export default function ImportSubmissionPage() {
  const { consultation, delegations, accepting } = useLoaderData<typeof loader>();
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
      <UploadForm lastResult={actionData?.result ?? null} upload={actionData?.upload ?? null} kept={actionData?.kept ?? null} />
    </article>
  );
}

function UploadForm({ lastResult, upload, kept }: { lastResult: SubmissionResult<string[]> | null; upload: ImportIssue | null; kept: Kept | null }) {
  const { consultation, delegations, defaults, limits } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["submissions", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "import-upload",
    lastResult,
    defaultValue: { delegationId: "", receivedDate: defaults.receivedDate, receivedTime: defaults.receivedTime, language: "", pasted: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    // The same checks in the browser: a missing detail is caught before the file is sent.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UploadSchema }),
  });
  // The browser checks the file as the server will (size, then type by content), so a file that
  // would be refused is not even sent.
  const [fileProblem, setFileProblem] = useState<ImportIssue | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    setFileProblem(null);
    if (!chosen) return;
    const check =
      chosen.size > MAX_UPLOAD_BYTES ? rejectUpload("too_large") : checkUpload({ name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) });
    if (!check.ok) {
      setFileProblem({ message: check.message, values: check.values });
      input.value = "";
    }
  };
  const problem = fileProblem ?? upload;
  const fileHelpId = "import-file-help";
  const fileErrorId = "import-file-errors";
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack submission-import__upload">
      <input type="hidden" name="intent" value="preview" />
      {kept ? <input type="hidden" name="keptId" value={kept.id} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset className="submission-import__details">
        <legend>{t("importPage.detailsLegend")}</legend>
        <div className="form-row">
          <FormField field={fields.delegationId} label={t("importPage.delegation")} help={t("importPage.delegationHelp")}>
            <select {...getSelectProps(fields.delegationId, { ariaDescribedBy: fields.delegationId.descriptionId })}>
              <option value="">{t("importPage.chooseDelegation")}</option>
              {delegations.map((d) => (
                <option key={d.id} value={d.id} lang="en">
                  {d.nameEn}
                </option>
              ))}
            </select>
          </FormField>
          <FormField field={fields.language} label={t("importPage.language")} help={t("importPage.languageHelp")}>
            <select {...getSelectProps(fields.language, { ariaDescribedBy: fields.language.descriptionId })}>
              <option value="">{t("importPage.detectLanguage")}</option>
              {LANGUAGE_CODES.map((code) => (
                <option key={code} value={code}>
                  {t(`common:languageNames.${code}`)}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        <div className="form-row">
          <FormField field={fields.receivedDate} label={t("importPage.receivedDate")}>
            <input {...getInputProps(fields.receivedDate, { type: "date", ariaDescribedBy: "import-received-help" })} />
          </FormField>
          <FormField field={fields.receivedTime} label={t("importPage.receivedTime")}>
            <input {...getInputProps(fields.receivedTime, { type: "time", ariaDescribedBy: "import-received-help" })} />
          </FormField>
        </div>
        <p className="field__help" id="import-received-help">
          {withData(t("importPage.receivedHelp", { zone: isolate(consultation.timeZone) }))}
        </p>
      </fieldset>

      <fieldset className="submission-import__source">
        <legend>{t("importPage.sourceLegend")}</legend>
        <p className="field__help">{t("importPage.sourceHelp")}</p>
        <div className="field">
          <label htmlFor={fields.pasted.id}>{t("importPage.pasted")}</label>
          <p className="field__help" id={fields.pasted.descriptionId}>
            {t("importPage.pastedHelp", { max: limits.maxPasted })}
          </p>
          <textarea {...getTextareaProps(fields.pasted, { ariaDescribedBy: fields.pasted.descriptionId })} rows={10} dir="auto" spellCheck={false} />
          <FormErrors id={fields.pasted.errorId} errors={fields.pasted.errors} values={{ max: limits.maxPasted, maxMegabytes: limits.maxMegabytes }} />
        </div>
        <p className="submission-import__or" aria-hidden="true">
          {t("importPage.or")}
        </p>
        {/* Last in the form: if the file is too large, the fields before it still arrive. */}
        <div className="field">
          <label htmlFor="import-file">{t("importPage.file")}</label>
          <p className="field__help" id={fileHelpId}>
            {t("importPage.fileHelp", { maxMegabytes: limits.maxMegabytes })}
          </p>
          {kept ? <p className="submission-import__kept">{withData(t("importPage.kept", { filename: isolate(kept.filename) }))}</p> : null}
          <input
            id="import-file"
            type="file"
            name="file"
            accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            aria-describedby={problem ? `${fileHelpId} ${fileErrorId}` : fileHelpId}
            aria-invalid={problem ? true : undefined}
            onChange={onFile}
          />
          {problem ? <FormErrors id={fileErrorId} errors={[problem.message]} values={problem.values} /> : null}
        </div>
      </fieldset>
      <button type="submit" className="button" disabled={navigation.state !== "idle"}>
        {t("importPage.propose")}
      </button>
    </Form>
  );
}
