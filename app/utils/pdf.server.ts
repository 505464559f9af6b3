// Prints a whole HTML page to PDF with Chromium (through playwright-core), as a reader's browser
// would print it: A4, the page's own @page margins, page numbers at the foot, and a line of text
// (a draft's mark) at the head of every page. The page is loaded with JavaScript off and every
// request refused, so nothing but the given HTML can end up in the file.
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { escapeHtml } from "~/lib/html-escape";

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
      headerTemplate: `<div style="${small} text-align: end; font-weight: bold;">${escapeHtml(options.headerText ?? "")}</div>`,
      footerTemplate: `<div style="${small} text-align: end;"><span class="pageNumber"></span></div>`,
    });
    return new Uint8Array(pdf);
  } finally {
    await context.close();
  }
}
