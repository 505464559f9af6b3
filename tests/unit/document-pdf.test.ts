// The PDFs as people will open them: the CRP's Word file converted by LibreOffice (as the server and
// `npm run crp` do when it is installed; .ci/run installs it) is the Word file page for page, with
// every font embedded, opens without repair, and is tagged, with the headings as its outline and the
// document's title and author; Chromium's print, the fallback, is tagged and has an outline too.
// Read back with PDF.js.
import { existsSync } from "node:fs";
import JSZip from "jszip";
import { getDocument, OPS, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCrpModel, crpToHtml, type CrpData, type CrpDelegationData, type CrpModel } from "~/documents/crp";
import { renderCrpDocx } from "~/documents/crp-docx";
import { buildNonPaperModel, type NonPaperData } from "~/documents/non-paper";
import { renderNonPaperDocx } from "~/documents/non-paper-docx";
import { nonPaperToHtml } from "~/documents/non-paper-html";
import { docxToPdf, docxToPdfAvailable } from "~/utils/docx-to-pdf.server";
import { closePdfBrowser, printDocumentPdf, printHtmlToPdf } from "~/utils/pdf.server";
import { crpFixture } from "./crp.fixture";

const LIBREOFFICE = docxToPdfAvailable();
const CHROMIUM = existsSync("/usr/bin/chromium");
const NO_LIBREOFFICE =
  "LibreOffice (soffice) is not installed: `apt-get install --no-install-recommends libreoffice-writer-nogui fonts-liberation2` (.ci/run does)";

/** A4 in points, and the UN margins of un-styles.ts: 2 cm at the sides, 3 cm at the top, 2.5 cm at the foot. */
const PAGE = { width: 595.3, height: 841.9 };
const SIDE = 56.7;
const TOP = 85;
const FOOT = 70.9;

/** The fixture with a dozen more delegations commenting at some length, so that the CRP runs to several pages as the demo's does. */
function demoLike(): CrpData {
  const data = structuredClone(crpFixture);
  const states: [string, string][] = [
    ["ARG", "Argentina"],
    ["AUS", "Australia"],
    ["AUT", "Austria"],
    ["BRA", "Brazil"],
    ["CAN", "Canada"],
    ["COL", "Colombia"],
    ["DEU", "Germany"],
    ["IND", "India"],
    ["ITA", "Italy"],
    ["JPN", "Japan"],
    ["MEX", "Mexico"],
    ["NOR", "Norway"],
  ];
  const support =
    "supports the discussion point and recalls the importance of technical assistance, of the exchange of good practices among practitioners and of the mechanism for the review of the implementation of the Convention and the Protocols thereto.";
  const detail =
    "National authorities have updated the relevant legislation, trained judges and prosecutors on the application of the Convention, and shared court decisions through the knowledge management portal, which remains an essential tool for practitioners in all regions.";
  for (const [code, name] of states) {
    const comment = (key: string, agendaItemId: string, pointId: string | null, body: string): CrpDelegationData["comments"][number] => ({
      id: `${code}-${key}`,
      kind: pointId ? "point" : "general",
      agendaItemId,
      pointId,
      label: null,
      position: 0,
      original: { language: "en", body, proposedText: null },
    });
    data.delegations.push({
      code,
      name,
      kind: "member_state",
      participation: "state_party",
      timeliness: "on_time",
      language: "en",
      comments: [
        comment("general", "item-2", null, `${name} ${support}\n\n${detail}`),
        comment("2a", "item-2", "p2a", `${name} ${support}`),
        comment("3a", "item-3", "p3a", `${detail}\n\n${name} ${support}`),
      ],
    });
  }
  return data;
}

/** The non-paper of the same items (as tests/unit/non-paper-docx.test.ts has it). */
const nonPaper: NonPaperData = {
  meeting: {
    body: "Working Group of Government Experts on Technical Assistance",
    parentBody: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    symbolPrefix: "CTOC/COP/WG.2",
    session: "2020",
    venue: "Vienna",
    startDate: "2020-07-09",
    endDate: "2020-07-10",
    timeZone: "Europe/Vienna",
  },
  consultation: { title: "Discussion points for future consideration", deadline: "2020-08-14T16:00:00Z" },
  nonPaper: { number: 1, circulatedAt: "2020-07-24T08:00:00Z" },
  generatedAt: "2020-07-24T08:00:00Z",
  agendaItems: crpFixture.agendaItems.map((item) => ({
    number: item.number,
    heading: item.heading,
    title: item.title,
    introduction: item.introduction,
    points: item.points.map((p) => ({ label: p.label, text: p.text })),
  })),
};

function crpModel(data: CrpData): CrpModel {
  const result = buildCrpModel(data, { final: true });
  if (!result.ok) throw new Error(JSON.stringify(result.missing));
  return result.model;
}

/** A line of text on a page: where it starts and ends, and its baseline, in points from the bottom left. */
type Line = { text: string; x0: number; x1: number; y: number };

type ReadPdf = Awaited<ReturnType<typeof readPdf>>;

/** Everything the tests look at, read with PDF.js; its warnings (a repaired file says so) are kept. */
async function readPdf(bytes: Uint8Array) {
  const warnings: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void warnings.push(args.join(" ")));
  const loading = getDocument({ data: bytes.slice(), stopAtErrors: true, verbosity: VerbosityLevel.WARNINGS, isEvalSupported: false, disableFontFace: true });
  try {
    const pdf = await loading.promise;
    const pages: { lines: Line[]; roles: string[]; fonts: { name: string; embedded: boolean }[] }[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const byBaseline = new Map<number, { str: string; x: number; width: number }[]>();
      for (const item of (await page.getTextContent()).items) {
        if (!("str" in item) || !item.str.trim()) continue;
        const y = Math.round(item.transform[5]);
        byBaseline.set(y, [...(byBaseline.get(y) ?? []), { str: item.str, x: item.transform[4], width: item.width }]);
      }
      const lines = [...byBaseline].map(([y, items]) => {
        items.sort((a, b) => a.x - b.x);
        return {
          text: items
            .map((i) => i.str)
            .join(" ")
            .replace(/\s+/g, " ")
            .trim(),
          x0: items[0]!.x,
          x1: Math.max(...items.map((i) => i.x + i.width)),
          y,
        };
      });
      const operators = await page.getOperatorList();
      const fontIds = new Set(operators.fnArray.flatMap((fn, i) => (fn === OPS.setFont ? [String((operators.argsArray[i] as unknown[])[0])] : [])));
      const fonts = [...fontIds].map((id) => {
        const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean };
        return { name: font.name ?? id, embedded: !font.missingFile };
      });
      const roles: string[] = [];
      const walk = (node: { role?: string; children?: unknown[] } | null) => {
        if (!node) return;
        if (node.role) roles.push(node.role);
        for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
      };
      walk((await page.getStructTree()) as { role?: string; children?: unknown[] } | null);
      pages.push({ lines: lines.sort((a, b) => b.y - a.y), roles, fonts });
    }
    type Outline = { title: string; items: Outline[] };
    const titles = (items: Outline[] | null): string[] => (items ?? []).flatMap((o) => [o.title.replace(/\s+/g, " "), ...titles(o.items)]);
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Author?: string } };
    return { pages, markInfo: await pdf.getMarkInfo(), outline: titles((await pdf.getOutline()) as Outline[] | null), info, warnings };
  } finally {
    await loading.destroy();
    log.mockRestore();
  }
}

/**
 * The pages of the Word file as LibreOffice lays it out, printed with LibreOffice's default options
 * (no tags, no bookmarks). Not from its OpenDocument statistics: a headless conversion saves them
 * before the layout is done (4 pages for a 5-page file, 589 for 2,013).
 */
async function wordPageCount(docx: Uint8Array): Promise<number> {
  const loading = getDocument({ data: await docxToPdf(docx, { exportOptions: {} }), isEvalSupported: false });
  try {
    return (await loading.promise).numPages;
  } finally {
    await loading.destroy();
  }
}

const lineWith = (lines: Line[], text: string) => lines.find((l) => l.text.includes(text));
const SYMBOL = crpFixture.consultation.crpSymbol!;
const FOOTNOTE = `${crpFixture.consultation.provisionalAgendaSymbol}.`;

/** Where a Word file aligns its header and footer lines on odd ("default") and even pages, and its author. */
async function wordPageFurniture(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const part = (name: string) => zip.file(name)!.async("string");
  const [document, rels, core] = await Promise.all([part("word/document.xml"), part("word/_rels/document.xml.rels"), part("docProps/core.xml")]);
  const target = (id: string) =>
    new RegExp(`<Relationship[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  const alignment = async (kind: "header" | "footer", type: "default" | "even") => {
    const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(document)![1]!;
    return /<w:jc w:val="(\w+)"\/>/.exec(await part(`word/${target(id)}`))?.[1];
  };
  return {
    header: { odd: await alignment("header", "default"), even: await alignment("header", "even") },
    footer: { odd: await alignment("footer", "default"), even: await alignment("footer", "even") },
    author: /<dc:creator>([^<]*)<\/dc:creator>/.exec(core)?.[1],
  };
}

describe("the Word files' running header and page numbers", () => {
  const outerEdge = { header: { odd: "right", even: "left" }, footer: { odd: "right", even: "left" }, author: "United Nations" };

  it("put the CRP's symbol and page number at the outer edge: right on odd pages, left on even ones, none on page 1", async () => {
    const bytes = await renderCrpDocx(crpModel(crpFixture));
    expect(await wordPageFurniture(bytes)).toEqual(outerEdge);
    expect(await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string")).toContain("<w:titlePg/>");
  });

  it("do the same in the non-paper", async () => {
    expect(await wordPageFurniture(await renderNonPaperDocx(buildNonPaperModel({ ...nonPaper, nonPaper: null })))).toEqual(outerEdge);
  });
});

describe("the CRP as PDF, through LibreOffice", () => {
  let model: CrpModel;
  let docx: Uint8Array;
  let served: { pdf: Uint8Array; engine: string };
  let read: ReadPdf;
  let wordPages: number;

  beforeAll(async () => {
    if (!LIBREOFFICE) return;
    model = crpModel(demoLike());
    docx = new Uint8Array(await renderCrpDocx(model));
    // As the download route makes it.
    served = await printDocumentPdf({ docx: async () => docx, html: () => crpToHtml(model, { document: true }), headerText: model.draftMark });
    read = await readPdf(served.pdf);
    wordPages = await wordPageCount(docx);
  }, 120_000);

  it("converts the Word file: as many pages as LibreOffice lays it out in, every font embedded and metric-compatible with Times New Roman, opening without repair", (context) => {
    if (!LIBREOFFICE) return context.skip(NO_LIBREOFFICE);
    expect(served.engine).toBe("libreoffice");
    expect(Buffer.from(served.pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(read.pages.length).toBeGreaterThanOrEqual(3);
    expect(read.pages.length).toBe(wordPages);
    const fonts = read.pages.flatMap((p) => p.fonts);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    // Times New Roman is not on Linux: Liberation Serif (or Tinos) has its metrics, so lines and pages break as in Word.
    expect(
      fonts.map((f) => f.name),
      "install fonts-liberation2",
    ).toContainEqual(expect.stringMatching(/LiberationSerif|Tinos|TimesNewRoman/));
    // PDF.js warns when it has to repair a file (a broken cross-reference table, a stream cut short).
    expect(read.warnings).toEqual([]);
  });

  it("is tagged for screen readers, has the headings as its outline, and the document's title and the United Nations as author", (context) => {
    if (!LIBREOFFICE) return context.skip(NO_LIBREOFFICE);
    expect(read.markInfo?.Marked).toBe(true);
    const roles = read.pages.flatMap((p) => p.roles);
    expect(roles).toEqual(expect.arrayContaining(["Document", "H1", "H2", "H3", "P"]));
    expect(read.outline).toEqual(
      expect.arrayContaining([
        "I. Introduction",
        expect.stringMatching(/^II\. Comments of States parties on the discussion points/),
        "A. Agenda item 2 Updating the legislative records of States parties",
        "Peru",
        "Morocco",
      ]),
    );
    expect(read.info.Title).toBe(`${SYMBOL}: ${model.title}`);
    expect(read.info.Author).toBe("United Nations");
  });

  it("looks like the Word file page for page: the footnote at the foot of page 1, the symbol heading each later page and the page numbers at the outer edge", (context) => {
    if (!LIBREOFFICE) return context.skip(NO_LIBREOFFICE);
    const [first, second, third] = read.pages as [ReadPdf["pages"][number], ReadPdf["pages"][number], ReadPdf["pages"][number]];

    // Page 1: the masthead instead of a header, no page number, and the agenda footnote at its foot, under all the text.
    expect(first.lines[0]!.text).toBe(SYMBOL);
    expect(first.lines[0]!.y).toBeLessThan(PAGE.height - TOP);
    const footnote = lineWith(first.lines, FOOTNOTE)!;
    expect(footnote, `"${FOOTNOTE}" on page 1`).toBeDefined();
    // Its mark, "*", raised in front of it.
    expect(first.lines.find((l) => l.text === "*" && l.y > footnote.y && l.y - footnote.y < 6 && l.x1 <= footnote.x0 + 1)).toBeDefined();
    expect(footnote).toBe(first.lines.at(-1));
    expect(footnote.y).toBeGreaterThan(FOOT - 12);
    expect(footnote.y).toBeLessThan(PAGE.height / 4);
    for (const page of read.pages.slice(1)) expect(lineWith(page.lines, FOOTNOTE)).toBeUndefined();

    // Headings keep with what follows without leaving a hole: the last line of text on page 1 stands
    // less than an eighth of the page above the footnote (section II's heading, item A's heading,
    // its introduction and the first lines of point (a) go to page 2 together, as Word moves them).
    const lastText = first.lines.filter((l) => l.y > footnote.y + 6).at(-1)!;
    expect(lastText.y - footnote.y).toBeLessThan(PAGE.height / 8);
    expect(second.lines[1]!.text).toMatch(/^II\. Comments of States parties/);

    // Page 2, even: the symbol at the head and the number at the foot, both at the left edge.
    const [head2, foot2] = [second.lines[0]!, second.lines.at(-1)!];
    expect(head2.text).toBe(SYMBOL);
    expect(head2.y).toBeGreaterThan(PAGE.height - TOP);
    expect(head2.x0).toBeCloseTo(SIDE, 0);
    expect(foot2.text).toBe("2");
    expect(foot2.y).toBeLessThan(FOOT);
    expect(foot2.x0).toBeCloseTo(SIDE, 0);

    // Page 3, odd: both at the right edge.
    const [head3, foot3] = [third.lines[0]!, third.lines.at(-1)!];
    expect(head3.text).toBe(SYMBOL);
    expect(head3.y).toBeGreaterThan(PAGE.height - TOP);
    expect(head3.x1).toBeCloseTo(PAGE.width - SIDE, 0);
    expect(foot3.text).toBe("3");
    expect(foot3.y).toBeLessThan(FOOT);
    expect(foot3.x1).toBeCloseTo(PAGE.width - SIDE, 0);
  });
});

describe("the non-paper as PDF, through LibreOffice", () => {
  it("is tagged, has its headings as outline, its title and the United Nations as author", { timeout: 60_000 }, async (context) => {
    if (!LIBREOFFICE) return context.skip(NO_LIBREOFFICE);
    const model = buildNonPaperModel(nonPaper);
    const { pdf, engine } = await printDocumentPdf({ docx: async () => new Uint8Array(await renderNonPaperDocx(model)), html: () => "" });
    expect(engine).toBe("libreoffice");
    const read = await readPdf(pdf);
    expect(read.warnings).toEqual([]);
    expect(read.markInfo?.Marked).toBe(true);
    expect(read.outline).toContainEqual(expect.stringMatching(/Agenda item 2/));
    expect(read.info.Title).toBe(`${model.kind}: ${model.title}`);
    expect(read.info.Author).toBe("United Nations");
    expect(read.pages.flatMap((p) => p.fonts).filter((f) => !f.embedded)).toEqual([]);
  });
});

describe("the non-paper as PDF, printed by Chromium (the fallback without LibreOffice)", () => {
  afterAll(() => closePdfBrowser());

  it("is tagged, with the headings as outline, the document's title and every point's words", { timeout: 60_000 }, async (context) => {
    if (!CHROMIUM) return context.skip("Chromium is not installed at /usr/bin/chromium");
    const model = buildNonPaperModel({ ...nonPaper, nonPaper: null });
    const read = await readPdf(await printHtmlToPdf(nonPaperToHtml(model), { headerText: model.draftMark }));
    expect(read.warnings).toEqual([]);
    expect(read.markInfo?.Marked).toBe(true);
    expect(read.outline).toContainEqual(expect.stringMatching(/Agenda item 2/));
    expect(read.info.Title).toBe(`${model.kind}: ${model.title}`);
    const text = read.pages.flatMap((p) => p.lines.map((l) => l.text)).join(" ");
    // The draft's mark at the head of every page, and every point's opening words.
    for (const page of read.pages) expect(page.lines[0]!.text).toBe(model.draftMark);
    for (const point of model.sections.flatMap((s) => s.points)) expect(text).toContain(point.paragraphs[0]!.split(" ").slice(0, 5).join(" "));
  });
});

describe("the CRP as PDF, printed by Chromium (the fallback without LibreOffice)", () => {
  afterAll(() => closePdfBrowser());

  it("is tagged, with the headings as outline and the document's title", { timeout: 60_000 }, async (context) => {
    if (!CHROMIUM) return context.skip("Chromium is not installed at /usr/bin/chromium");
    const model = crpModel(crpFixture);
    const read = await readPdf(await printHtmlToPdf(crpToHtml(model, { document: true }), { headerText: model.draftMark }));
    expect(read.warnings).toEqual([]);
    expect(read.markInfo?.Marked).toBe(true);
    expect(read.pages.flatMap((p) => p.roles)).toEqual(expect.arrayContaining(["H1", "H2", "P"]));
    expect(read.outline).toContainEqual(expect.stringMatching(/Introduction/));
    expect(read.info.Title).toBe(`${SYMBOL}: ${model.title}`);
  });
});
