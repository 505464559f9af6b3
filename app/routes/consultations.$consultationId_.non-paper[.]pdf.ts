import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { buildNonPaperModel } from "~/documents/non-paper";
import { renderNonPaperDocx } from "~/documents/non-paper-docx";
import { nonPaperToHtml } from "~/documents/non-paper-html";
import { fixedTranslator } from "~/i18n/i18next";
import { isUuid } from "~/lib/ids";
import { getNonPaperForUser } from "~/models/non-paper.server";
import { requireUser } from "~/utils/auth.server";
import { fileResponse, pdfUnavailable } from "~/utils/download.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { printDocumentPdf } from "~/utils/pdf.server";

/**
 * The non-paper as PDF: its Word file converted by LibreOffice (the same pages), else its HTML
 * printed by Chromium; 503 with what to do instead when neither is there. The same guard and data
 * as the printable page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const source = isUuid(params.consultationId) ? await getNonPaperForUser(user, params.consultationId) : null;
  if (!source) throw data({ reason: "not_found" }, { status: 404 });
  const model = buildNonPaperModel(source);
  try {
    const { pdf } = await printDocumentPdf({
      docx: async () => new Uint8Array(await renderNonPaperDocx(model)),
      html: () => nonPaperToHtml(model),
      headerText: model.draftMark,
    });
    return fileResponse(pdf, "pdf", model.fileName.replace(/\.docx$/, ".pdf"));
  } catch (error) {
    console.error("non-paper: PDF printing failed", error);
    const t = fixedTranslator(await resolveLanguage(request, user.language), "documents");
    return pdfUnavailable(t("nonPaper.pdfUnavailable"));
  }
}
