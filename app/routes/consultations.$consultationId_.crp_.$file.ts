import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { renderCrpDocx } from "~/documents/crp-docx";
import { crpToHtml, crpToMarkdown } from "~/documents/crp";
import { crpFileName, parseCrpFile, type CrpFormat } from "~/lib/crp-files";
import { isUuid } from "~/lib/ids";
import { getCrpVersion } from "~/models/crp.server";
import { requireUser } from "~/utils/auth.server";
import { fixedTranslator } from "~/i18n/i18next";
import { printDocumentPdf } from "~/utils/pdf.server";
import { resolveLanguage } from "~/utils/i18n.server";

const CONTENT_TYPES: Record<CrpFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

/**
 * A saved CRP version as a file: /consultations/:id/crp/v3.docx (or .pdf, .html, .md), rendered
 * from the model saved with the version, so a download always says what was compiled. The same
 * guard as the CRP page: the secretariat and the consultation's chairs; 404 to anyone else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
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
      return new Response(t("errors.pdfUnavailable"), { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
  } else {
    body =
      file.format === "docx"
        ? new Uint8Array(await renderCrpDocx(model))
        : new TextEncoder().encode(file.format === "html" ? crpToHtml(model, { document: true }) : crpToMarkdown(model));
  }
  const name = crpFileName(model.fileBase, version.versionNumber, file.format);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[file.format],
      "Content-Length": String(body.byteLength),
      // The HTML opens in the browser (to read or print); the others download. The file name is
      // ASCII by construction; filename* is there for clients that prefer it.
      "Content-Disposition": `${file.format === "html" ? "inline" : "attachment"}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      // What a user may read depends on who they are: no shared cache may keep it.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // The HTML page is the document alone: its own styles, no scripts, nothing fetched.
      ...(file.format === "html" ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:" } : {}),
    },
  });
}
