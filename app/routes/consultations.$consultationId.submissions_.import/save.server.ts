// The import page's second step, "save" (see route.tsx).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { ImportIssue } from "~/components/submissions/import-review";
import { instantFromWallClock } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { assembleContent, guessLanguage, proposeAssignments } from "~/lib/submission-import";
import { formText, importError, newIdempotencyKey, replyWith, ReviewSchema, saveRefusal } from "~/lib/submission-import-forms";
import { importReview, reviewedAssignments } from "~/lib/submission-import-review";
import { isIdempotencyKey } from "~/lib/submission-rules";
import { kickNotificationDispatch } from "~/models/outbox.server";
import { findImportedRevision, getImportOriginal, saveImportedSubmission, type ImportSetup } from "~/models/submission-import.server";
import type { SessionUser } from "~/utils/auth.server";
import { readSubmissionFileSafely } from "~/utils/docx-in-worker.server";
import { publicBaseUrl } from "~/utils/env.server";
import { badRequest, notFound } from "~/utils/submission-import.server";
import type { ActionData } from "./action-data";

/** The review: the officer's targets and wordings saved as the delegation's submission. */
export async function save(user: SessionUser, setup: ImportSetup, fields: FormData, request: Request, ipAddress: string) {
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
    if (earlier) throw redirect(paths.delegationRevision(consultationId, delegation.code, earlier.revisionNumber));
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
    throw redirect(paths.delegationRevision(consultationId, delegation.code, saved.revision.revisionNumber));
  }
  if (saved.reason === "original_not_found") throw notFound();
  const refusal = saveRefusal(saved.reason);
  const issues = saved.reason === "invalid" ? saved.issues.map((issue) => ({ message: issue.message, values: issue.values })) : [];
  return backToReview(replyWith(submission, refusal.formErrors, refusal.fieldErrors), refusal.status, issues);
}
