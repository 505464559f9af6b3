// The PDF of a document. Its Word file converted by LibreOffice when it is installed, so that the
// PDF is the Word file page for page (docx-to-pdf.server.ts); otherwise its HTML printed by Chromium
// (through playwright-core), as a reader's browser would print it: A4, the page's own @page margins,
// page numbers at the foot, and a line of text (a draft's mark) at the head of every page. Chromium
// loads the page with JavaScript off and every request refused, so nothing but the given HTML can end
// up in the file. Both PDFs are tagged and have the headings as their outline.
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { escapeHtml } from "~/lib/html-escape";
import { docxToPdf, docxToPdfAvailable } from "~/utils/docx-to-pdf.server";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

let browser: Promise<Browser> | null = null;

/** One Chromium per process, started on first use (about a second) and reused afterwards. */
async function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    browser = import("playwright-core").then(({ chromium }) =>
      chromium.launch({ executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined, args: ["--disable-gpu"] }),
    );
    browser.then(
      (b) => b.on("disconnected", () => (browser = null)),
      () => (browser = null),
    );
  }
  return browser;
}

/** Closes the shared Chromium (tests, shutdown). */
export async function closePdfBrowser(): Promise<void> {
  const current = browser;
  browser = null;
  if (current) await (await current.catch(() => null))?.close();
}

export async function printHtmlToPdf(html: string, options: { headerText?: string | null } = {}): Promise<Uint8Array> {
  const context = await (await sharedBrowser()).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    const small = `font-family: 'Times New Roman', Tinos, serif; font-size: 8pt; inline-size: 100%; margin-inline: 2cm;`;
    const pdf = await page.pdf({
      format: "A4",
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      tagged: true,
      outline: true,
      headerTemplate: `<div style="${small} text-align: end; font-weight: bold;">${escapeHtml(options.headerText ?? "")}</div>`,
      footerTemplate: `<div style="${small} text-align: end;"><span class="pageNumber"></span></div>`,
    });
    return new Uint8Array(pdf);
  } finally {
    await context.close();
  }
}

/** What a document's PDF is made from: its Word file (preferred) and its whole HTML page. */
export interface PdfSources {
  docx: () => Promise<Uint8Array>;
  html: () => string;
  /** The line Chromium prints at the head of every page (a draft's mark); the Word file has its own. */
  headerText?: string | null;
}

/**
 * The document as PDF: LibreOffice's conversion of the Word file when LibreOffice is installed and
 * succeeds, else Chromium's print of the HTML. Throws when neither can make it (the caller answers 503).
 */
export async function printDocumentPdf(sources: PdfSources): Promise<{ pdf: Uint8Array; engine: "libreoffice" | "chromium" }> {
  if (docxToPdfAvailable()) {
    try {
      return { pdf: await docxToPdf(await sources.docx()), engine: "libreoffice" };
    } catch (error) {
      console.error("pdf: LibreOffice could not convert the Word file; printing the HTML with Chromium instead", error);
    }
  }
  return { pdf: await printHtmlToPdf(sources.html(), { headerText: sources.headerText }), engine: "chromium" };
}
