import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { renderCrpDocx } from "~/documents/crp-docx";
import { crpToHtml, crpToMarkdown } from "~/documents/crp";
import { crpFileName, parseCrpFile } from "~/lib/crp-files";
import { isUuid } from "~/lib/ids";
import { getCrpVersion } from "~/models/crp.server";
import { requireRole } from "~/utils/auth.server";
import { fixedTranslator } from "~/i18n/i18next";
import { fileResponse, pdfUnavailable } from "~/utils/download.server";
import { printDocumentPdf } from "~/utils/pdf.server";
import { resolveLanguage } from "~/utils/i18n.server";

/**
 * A saved CRP version as a file: /consultations/:id/crp/v3.docx (or .pdf, .html, .md), rendered
 * from the model saved with the version, so a download always says what was compiled. The same
 * guard as the CRP page: the secretariat and the consultation's chairs; 403 to delegates, 404 to a
 * chair of another consultation.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  const file = parseCrpFile(params.file);
  const version = file && isUuid(params.consultationId) ? await getCrpVersion(user, params.consultationId, file.versionNumber) : null;
  if (!file || !version) throw data({ reason: "not_found" }, { status: 404 });
  const { model } = version;
  let body: Uint8Array;
  if (file.format === "pdf") {
    try {
      // The Word file converted by LibreOffice (the same pages), else the HTML printed by Chromium.
      ({ pdf: body } = await printDocumentPdf({
        docx: async () => new Uint8Array(await renderCrpDocx(model)),
        html: () => crpToHtml(model, { document: true }),
        headerText: model.draftMark,
      }));
    } catch (error) {
      // Neither LibreOffice nor Chromium on this server (or both failed): say so and what to do instead.
      console.error("crp: PDF printing failed", error);
      const t = fixedTranslator(await resolveLanguage(request, user.language), "crp");
      return pdfUnavailable(t("errors.pdfUnavailable"));
    }
  } else {
    body =
      file.format === "docx"
        ? new Uint8Array(await renderCrpDocx(model))
        : new TextEncoder().encode(file.format === "html" ? crpToHtml(model, { document: true }) : crpToMarkdown(model));
  }
  const name = crpFileName(model.fileBase, version.versionNumber, file.format);
  // The HTML opens in the browser (to read or print), as the document alone: its own styles, no
  // scripts, nothing fetched. The others download.
  return fileResponse(body, file.format, name, {
    inline: file.format === "html",
    headers: file.format === "html" ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:" } : undefined,
  });
}
