import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { buildCompilationText } from "~/documents/compilation-text";
import { renderCompilationTextDocx } from "~/documents/compilation-text-docx";
import { commentResolutionExport, matrixExport, sideBySideExport } from "~/documents/meeting-exports";
import { renderMatrixXlsx, renderTableXlsx } from "~/documents/meeting-xlsx";
import { revisionDocument } from "~/documents/revision";
import { renderRevisionDocx } from "~/documents/revision-docx";
import { renderTableDocx } from "~/documents/table-docx";
import { fixedTranslator } from "~/i18n/i18next";
import { isUuid } from "~/lib/ids";
import { readSideBySideQuery } from "~/lib/side-by-side";
import { getCommentResolution, getMatrix, getSideBySide } from "~/models/consolidation.server";
import { getRevision } from "~/models/revision.server";
import { requireRole } from "~/utils/auth.server";
import { fileResponse } from "~/utils/download.server";
import { resolveLanguage } from "~/utils/i18n.server";

const FILES = [
  "side-by-side.docx",
  "side-by-side.xlsx",
  "matrix.xlsx",
  "comment-resolution.docx",
  "comment-resolution.xlsx",
  "compilation-text.docx",
  "revised-text.docx",
  "revised-text-clean.docx",
] as const;
type ExportFile = (typeof FILES)[number];

/**
 * What a chair takes into the meeting room: /consultations/:id/exports/side-by-side.docx (or .xlsx)
 * with the side-by-side view's own query (agenda item and filters), matrix.xlsx, and the
 * comment-resolution table of the whole consultation (comment-resolution.docx or .xlsx), and the
 * compilation text (compilation-text.docx: each point with the wording delegations propose). The same
 * guard and model as those pages: the secretariat and the consultation's chairs; 403 to delegates,
 * 404 to anyone else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  const file = FILES.find((name) => name === params.file);
  if (!file || !isUuid(params.consultationId)) throw data({ reason: "not_found" }, { status: 404 });
  const language = await resolveLanguage(request, user.language);
  const t = fixedTranslator(language, "consolidation");
  const body = await render(file, user, params.consultationId, request, language, t);
  if (!body) throw data({ reason: "not_found" }, { status: 404 });
  return fileResponse(body, file.endsWith(".docx") ? "docx" : "xlsx", file);
}

async function render(
  file: ExportFile,
  user: Awaited<ReturnType<typeof requireRole>>,
  consultationId: string,
  request: Request,
  language: Awaited<ReturnType<typeof resolveLanguage>>,
  t: (key: string, options?: Record<string, unknown>) => string,
): Promise<Buffer | null> {
  if (file.startsWith("revised-text")) {
    // Rev.1 of a later round, with Word's tracked changes against the circulated text or clean.
    const revision = await getRevision(user, consultationId);
    if (!revision) return null;
    const tracked = file === "revised-text.docx";
    const timeZone = revision.meetingTimeZone;
    return renderRevisionDocx(
      revisionDocument(revision, { number: revision.consultation.round - 1, tracked, author: "Secretariat", date: new Date(), timeZone }),
      { tracked },
    );
  }
  if (file === "matrix.xlsx") {
    const order = new URL(request.url).searchParams.get("order") === "reader" ? "reader" : "en";
    const matrix = await getMatrix(user, consultationId, { order, readerLanguage: language });
    return matrix ? renderMatrixXlsx(matrixExport(matrix, language, t), language) : null;
  }
  if (file === "compilation-text.docx") {
    const resolution = await getCommentResolution(user, consultationId, language);
    // In English whoever downloads it: the working language of the negotiation.
    return resolution
      ? renderCompilationTextDocx(buildCompilationText(resolution.consultation, resolution.items, fixedTranslator("en", "consolidation")))
      : null;
  }
  let table;
  if (file.startsWith("comment-resolution.")) {
    const resolution = await getCommentResolution(user, consultationId, language);
    if (!resolution) return null;
    table = commentResolutionExport(resolution.consultation, resolution.items, language, t);
  } else {
    const view = await getSideBySide(user, consultationId, readSideBySideQuery(new URL(request.url).searchParams, language));
    if (!view) return null;
    table = sideBySideExport(view, language, t);
  }
  return file.endsWith(".docx") ? renderTableDocx(table, language) : renderTableXlsx(table, language);
}
