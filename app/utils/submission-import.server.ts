// Reading the import page's request (a submission received by email): the posted form with the
// file in memory, the note it brings (a file chosen now, the pasted text, or the original kept
// from the last attempt), and keeping that note's original until the officer saves.
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { readSubmissionFile, type SubmissionFileRead } from "~/documents/docx-reader";
import { isUuid } from "~/lib/ids";
import { formText, importError, MAX_PASTED, MAX_REVIEW_PARAGRAPHS, PASTED_FILENAME } from "~/lib/submission-import-forms";
import { MAX_UPLOAD_BYTES, rejectUpload } from "~/lib/upload-check";
import { getImportOriginal, storeImportOriginal, type StoredOriginal } from "~/models/submission-import.server";
import type { SessionUser } from "~/models/user.server";
import { readSubmissionFileSafely } from "~/utils/docx-in-worker.server";

export const notFound = () => data({ reason: "not_found" }, { status: 404 });
export const badRequest = () => data({ reason: "bad_request" }, { status: 400 });

export type PostedForm = { fields: FormData; file: { name: string; bytes: Uint8Array } | null; oversized: string | null };

/**
 * The posted fields, and the uploaded file (the "file" part) in memory. A part over
 * MAX_UPLOAD_BYTES stops the reading there ("oversized" names it): the fields before it are kept,
 * which is why the page puts the file last.
 */
export async function readPostedForm(request: Request): Promise<PostedForm> {
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

export type ReadNote = Extract<SubmissionFileRead, { ok: true }>;
export type NoteSource = { read: ReadNote; bytes: Uint8Array; kept: StoredOriginal | null };

/**
 * Where the note comes from: a file chosen now, the pasted text, or the file kept from the last
 * attempt; null with the reason when none can be read (a file refused: `upload`).
 */
export async function readNote(
  user: SessionUser,
  consultationId: string,
  form: PostedForm,
): Promise<{
  source: NoteSource | null;
  upload: { message: string; values?: Record<string, string | number> } | null;
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}> {
  const { fields, file, oversized } = form;
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  let upload = null;
  const pasted = formText(fields.get("pasted"));
  let source: NoteSource | null = null;
  if (oversized === "file") upload = rejectUpload("too_large");
  else if (oversized === "pasted") fieldErrors.pasted = [importError("pastedTooLong")];
  else if (oversized) throw badRequest();
  else if (file && pasted.trim()) formErrors.push(importError("sourceBoth"));
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
    const keptId = formText(fields.get("keptId"));
    const kept = isUuid(keptId) ? await getImportOriginal(user, { consultationId, attachmentId: keptId }) : null;
    const read = kept ? await readSubmissionFileSafely({ name: kept.filename, bytes: kept.content }) : null;
    if (kept && read?.ok) source = { read, bytes: kept.content, kept };
    else formErrors.push(importError("sourceRequired"));
  }
  if (source && source.read.paragraphs.length > MAX_REVIEW_PARAGRAPHS) {
    formErrors.push(importError("tooManyParagraphs"));
    source = null;
  }
  return { source, upload, formErrors, fieldErrors };
}

/** The note's original, stored until the officer saves (or the one kept already). */
export async function keepOriginal(user: SessionUser, consultationId: string, source: NoteSource): Promise<StoredOriginal> {
  if (source.kept) return source.kept;
  const stored = await storeImportOriginal(user, {
    consultationId,
    filename: source.read.filename,
    mediaType: source.read.mediaType,
    content: source.bytes,
  });
  if (!stored.ok) throw stored.reason === "not_found" ? notFound() : data({ reason: "not_open" }, { status: 409 });
  return stored.original;
}
