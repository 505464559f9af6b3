// The import page's first step, "preview" (see route.tsx).
import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import { isUuid } from "~/lib/ids";
import { guessLanguage, proposeAssignments } from "~/lib/submission-import";
import { formText, importError, newIdempotencyKey, replyWith, UploadSchema } from "~/lib/submission-import-forms";
import { importReview } from "~/lib/submission-import-review";
import type { ImportSetup } from "~/models/submission-import.server";
import type { SessionUser } from "~/utils/auth.server";
import { keepOriginal, readNote, type PostedForm } from "~/utils/submission-import.server";
import type { ActionData } from "./action-data";

/** The upload: the note read and kept, and a proposal for each of its paragraphs. */
export async function preview(user: SessionUser, setup: ImportSetup, form: PostedForm) {
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
