import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { matrixExport, sideBySideExport } from "~/documents/meeting-exports";
import { renderMatrixXlsx, renderSideBySideXlsx } from "~/documents/meeting-xlsx";
import { renderSideBySideDocx } from "~/documents/side-by-side-docx";
import { fixedTranslator } from "~/i18n/i18next";
import { isUuid } from "~/lib/ids";
import { readSideBySideQuery } from "~/lib/side-by-side";
import { getMatrix, getSideBySide } from "~/models/consolidation.server";
import { requireRole } from "~/utils/auth.server";
import { fileResponse } from "~/utils/download.server";
import { resolveLanguage } from "~/utils/i18n.server";

const FILES = ["side-by-side.docx", "side-by-side.xlsx", "matrix.xlsx"] as const;
type ExportFile = (typeof FILES)[number];

/**
 * What a chair takes into the meeting room: /consultations/:id/exports/side-by-side.docx (or .xlsx)
 * with the side-by-side view's own query (agenda item and filters), and matrix.xlsx. The same guard
 * and model as those pages: the secretariat and the consultation's chairs; 404 to anyone else.
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
  if (file === "matrix.xlsx") {
    const order = new URL(request.url).searchParams.get("order") === "reader" ? "reader" : "en";
    const matrix = await getMatrix(user, consultationId, { order, readerLanguage: language });
    return matrix ? renderMatrixXlsx(matrixExport(matrix, language, t), language) : null;
  }
  const view = await getSideBySide(user, consultationId, readSideBySideQuery(new URL(request.url).searchParams, language));
  if (!view) return null;
  const table = sideBySideExport(view, language, t);
  return file === "side-by-side.docx" ? renderSideBySideDocx(table, language) : renderSideBySideXlsx(table, language);
}
