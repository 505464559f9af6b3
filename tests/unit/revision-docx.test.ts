// The revised discussion points (Rev.1) as Word files: the tracked copy read back as Word would show
// it with all changes accepted and with all rejected, the clean copy, and both opened by mammoth and
// (when installed) LibreOffice.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { renderRevisionDocx, type RevisionDocument } from "~/documents/revision-docx";
import { docxToPdf, sofficePath } from "~/utils/docx-to-pdf.server";

const AUTHOR = "Ambassador María Fernanda Núñez";
const DATE = new Date("2020-07-20T10:00:00Z");
const NO_LIBREOFFICE = "LibreOffice (soffice) is not installed: `apt-get install --no-install-recommends libreoffice-writer-nogui`";

const ARABIC_FORMER = "ينبغي للدول أن تحدّث سجلاتها التشريعية في بوابة شيرلوك.";
const ARABIC_TEXT = "ينبغي للدول الأطراف أن تحدّث سجلاتها التشريعية بانتظام في بوابة شيرلوك.";
const CHINESE_FORMER = "各国应在夏洛克门户网站中更新其立法记录。";
const CHINESE_TEXT = "各缔约国应定期在夏洛克门户网站中更新其立法记录。";

const revision: RevisionDocument = {
  title: "Revised discussion points (Rev.1)",
  subtitle: "Discussion points for future consideration",
  note: "Changes against the discussion points circulated on 3 July 2020 are shown as tracked changes.",
  author: AUTHOR,
  date: DATE,
  items: [
    {
      heading: "2. Technical assistance",
      introduction: "The Working Group may wish to consider the following:",
      points: [
        // A word replaced, same label.
        {
          label: "(a)",
          formerLabel: null,
          former: "UNODC should develop a plan to raise awareness of SHERLOC.",
          text: "UNODC should develop a strategy to raise awareness of SHERLOC.",
        },
        // Relabelled, and words inserted.
        {
          label: "(b)",
          formerLabel: "(c)",
          former: "States should share court decisions.",
          text: "States parties should share court decisions [through the portal].",
        },
        // Two circulated points merged into one paragraph: the paragraph break between them goes.
        {
          label: "(c)",
          formerLabel: "(b), (d)",
          former: "States should train judges.\n\nStates should train prosecutors.",
          text: "States should train judges and prosecutors.",
        },
        // As many paragraphs as before, one with a line break added.
        {
          label: "(d)",
          formerLabel: null,
          former: "First paragraph of the point.\n\nSecond paragraph, unchanged.\n\nThird paragraph & <more>.",
          text: "First paragraph of the revised point.\nWith a second line.\n\nSecond paragraph, unchanged.\n\nThird paragraph & <more>, amended.",
        },
        // New in Rev.1, two paragraphs.
        { label: "(e)", formerLabel: null, former: null, text: "A new point proposed by the Chair.\n\nIts second paragraph." },
      ],
      deleted: [
        { label: "(e)", text: "A circulated point without a successor." },
        { label: "(f)", text: "Another one, in two paragraphs.\n\nThe second of them." },
      ],
    },
    {
      heading: "3. Application of the Convention",
      introduction: null,
      points: [
        { label: "(a)", formerLabel: null, former: ARABIC_FORMER, text: ARABIC_TEXT },
        { label: "(b)", formerLabel: null, former: CHINESE_FORMER, text: CHINESE_TEXT },
        // One paragraph split in two.
        {
          label: "(c)",
          formerLabel: null,
          former: "States should collect data. The data should be shared.",
          text: "States should collect data.\n\nThe data should be shared with UNODC.",
        },
        // A label too long to hang, new; and characters XML cannot carry.
        { label: "Recommendation 1", formerLabel: null, former: null, text: "Parties are encouraged\u0001 to provide\u000B resources." },
      ],
      deleted: [],
    },
  ],
};

/** The Rev.1 paragraphs of each point as the clean copy and "accept all" give them (label and tab in front of a short label). */
const REVISED: string[][] = [
  ["(a)\tUNODC should develop a strategy to raise awareness of SHERLOC."],
  ["(b)\tStates parties should share court decisions [through the portal]."],
  ["(c)\tStates should train judges and prosecutors."],
  ["(d)\tFirst paragraph of the revised point.\nWith a second line.", "Second paragraph, unchanged.", "Third paragraph & <more>, amended."],
  ["(e)\tA new point proposed by the Chair.", "Its second paragraph."],
  [`(a)\t${ARABIC_TEXT}`],
  [`(b)\t${CHINESE_TEXT}`],
  ["(c)\tStates should collect data.", "The data should be shared with UNODC."],
  ["Recommendation 1", "Parties are encouraged to provide resources."],
];

/** Each line of the Rev.1 wording without its label (mammoth's raw text leaves out line breaks). */
const revisedLines = () => REVISED.flat().flatMap((paragraph) => paragraph.replace(/^.*\t/, "").split("\n"));

/** The circulated paragraphs as "reject all" gives them. */
const CIRCULATED: string[][] = [
  ["(a)\tUNODC should develop a plan to raise awareness of SHERLOC."],
  ["(c)\tStates should share court decisions."],
  ["(b), (d)\tStates should train judges.", "States should train prosecutors."],
  ["(d)\tFirst paragraph of the point.", "Second paragraph, unchanged.", "Third paragraph & <more>."],
  ["(e)\tA circulated point without a successor."],
  ["(f)\tAnother one, in two paragraphs.", "The second of them."],
  [`(a)\t${ARABIC_FORMER}`],
  [`(b)\t${CHINESE_FORMER}`],
  ["(c)\tStates should collect data. The data should be shared."],
];

type Kind = "equal" | "insert" | "delete";
/** A paragraph of document.xml: its text with changes accepted and rejected, its inserted and deleted passages, and what became of its mark. */
type WordParagraph = { accepted: string; rejected: string; inserted: string[]; deleted: string[]; mark: Kind; xml: string };

const unescape = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, name: string) =>
    name.startsWith("#x") || name.startsWith("#X")
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith("#")
        ? String.fromCodePoint(Number(name.slice(1)))
        : ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[name]!,
  );

/** Reads the body of document.xml the way Word lays out tracked changes (17.13.5): runs in w:ins, runs in w:del, and marked paragraph marks. */
function wordParagraphs(xml: string): WordParagraph[] {
  const body = xml.slice(xml.indexOf("<w:body>"), xml.indexOf("<w:sectPr"));
  const out: WordParagraph[] = [];
  let current: WordParagraph | null = null;
  let start = 0;
  let inside: Kind = "equal";
  const TOKEN =
    /<w:p(?=[ >])[^>]*>|<\/w:p>|<w:pPr>[\s\S]*?<\/w:pPr>|<w:(ins|del) [^>]*?(\/?)>|<\/w:(?:ins|del)>|<w:(t|delText)(?: [^>]*)?>([^<]*)<\/w:\3>|<w:(?:t|delText)(?: [^>]*)?\/>|<w:br\/>|<w:tab\/>/g;
  for (const match of body.matchAll(TOKEN)) {
    const token = match[0];
    if (token.startsWith("<w:p ") || token === "<w:p>") {
      current = { accepted: "", rejected: "", inserted: [], deleted: [], mark: "equal", xml: "" };
      out.push(current);
      start = match.index;
      continue;
    }
    if (!current) continue;
    if (token === "</w:p>") {
      current.xml = body.slice(start, match.index + token.length);
      current = null;
    } else if (token.startsWith("<w:pPr>")) {
      current.mark = /<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:ins /.test(token)
        ? "insert"
        : /<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:del /.test(token)
          ? "delete"
          : "equal";
    } else if (match[1]) {
      if (match[2] !== "/") inside = match[1] === "ins" ? "insert" : "delete";
    } else if (token.startsWith("</w:ins") || token.startsWith("</w:del")) inside = "equal";
    else {
      const text = match[3] ? unescape(match[4] ?? "") : token === "<w:br/>" ? "\n" : token === "<w:tab/>" ? "\t" : "";
      if (match[3] === "delText") expect(inside, "w:delText outside w:del").toBe("delete");
      if (match[3] === "t") expect(inside, "w:t inside w:del").not.toBe("delete");
      if (inside !== "delete") current.accepted += text;
      if (inside !== "insert") current.rejected += text;
      if (inside === "insert") current.inserted.push(text);
      if (inside === "delete") current.deleted.push(text);
    }
  }
  return out;
}

/** The document's paragraphs after accepting (or rejecting) every change: a deleted (inserted) mark joins its paragraph to the next. */
function view(paragraphs: WordParagraph[], which: "accepted" | "rejected"): string[] {
  const gone = which === "accepted" ? "delete" : "insert";
  const out: string[] = [];
  let text = "";
  for (const p of paragraphs) {
    text += p[which];
    if (p.mark !== gone) {
      out.push(text);
      text = "";
    }
  }
  if (text) out.push(text);
  return out;
}

/** `expected` as consecutive paragraphs of `paragraphs`. */
function expectRun(paragraphs: string[], expected: string[]) {
  const at = paragraphs.indexOf(expected[0]!);
  expect(at, `${JSON.stringify(expected[0])} is not a paragraph`).toBeGreaterThanOrEqual(0);
  expect(paragraphs.slice(at, at + expected.length)).toEqual(expected);
}

async function readBack(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const part = (name: string) => zip.file(name)!.async("string");
  const xml = await part("word/document.xml");
  return { xml, part, paragraphs: wordParagraphs(xml), text: (await mammoth.extractRawText({ buffer: bytes })).value };
}

/** The paragraphs of a point in the document: found by their first paragraph as accepted or rejected. */
function paragraphsOfPoint(paragraphs: WordParagraph[], first: string, which: "accepted" | "rejected", count: number): WordParagraph[] {
  const at = paragraphs.findIndex((p) => p[which] === first);
  expect(at, `no paragraph ${JSON.stringify(first)}`).toBeGreaterThanOrEqual(0);
  return paragraphs.slice(at, at + count);
}

/** Converts with LibreOffice to another format, in a profile of its own; returns the converted file. */
async function libreOfficeConvert(bytes: Buffer, format: string, extension: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "revision-docx-"));
  try {
    const input = path.join(dir, "input.docx");
    await writeFile(input, bytes);
    const out = path.join(dir, "out");
    await promisify(execFile)(
      sofficePath()!,
      [`-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", format, "--outdir", out, input],
      { timeout: 120_000 },
    );
    return await readFile(path.join(out, `input.${extension}`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("renderRevisionDocx, tracked", () => {
  it("gives the Rev.1 wording when every change is accepted, and the circulated wording when every change is rejected", async () => {
    const { paragraphs } = await readBack(await renderRevisionDocx(revision, { tracked: true }));
    const accepted = view(paragraphs, "accepted");
    const rejected = view(paragraphs, "rejected");
    for (const point of REVISED) expectRun(accepted, point);
    for (const point of CIRCULATED) expectRun(rejected, point);

    // New points only in Rev.1, deleted ones only in the circulated text.
    expect(rejected.join("\n")).not.toContain("A new point proposed by the Chair.");
    expect(rejected).not.toContain("Recommendation 1");
    expect(accepted.join("\n")).not.toContain("without a successor");
    expect(accepted.join("\n")).not.toContain("The second of them.");

    // Titles, headings and the introduction are the same in both.
    for (const line of [
      revision.title,
      revision.subtitle,
      revision.note!,
      "2.\tTechnical assistance",
      "The Working Group may wish to consider the following:",
    ]) {
      expect(accepted).toContain(line);
      expect(rejected).toContain(line);
    }
    // In document order: item 2's points, then its deleted points, then item 3.
    const order = ["(e)\tA new point", "(e)\tA circulated point", "(f)\tAnother one", "3.\tApplication"].map((start) =>
      paragraphs.findIndex((p) => p.accepted.startsWith(start) || p.rejected.startsWith(start)),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("marks changes word by word, each with the author, the date and an id of its own", async () => {
    const { xml, paragraphs } = await readBack(await renderRevisionDocx(revision, { tracked: true }));
    const changes = [...xml.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)].map((m) => ({ kind: m[1], attributes: m[2]! }));
    expect(changes.filter((c) => c.kind === "ins").length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.kind === "del").length).toBeGreaterThan(0);
    for (const { attributes } of changes) {
      expect(attributes).toContain(`w:author="${AUTHOR}"`);
      expect(attributes).toMatch(/w:date="2020-07-20T10:00:00Z"/);
    }
    const ids = changes.map((c) => /w:id="(\d+)"/.exec(c.attributes)?.[1]);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);

    // A replaced word: only that word deleted and inserted.
    const [a] = paragraphsOfPoint(paragraphs, REVISED[0]![0]!, "accepted", 1);
    expect(a!.deleted).toEqual(["plan"]);
    expect(a!.inserted).toEqual(["strategy"]);
    expect(a!.mark).toBe("equal");
    // Arabic and Chinese words too, not the whole sentence.
    const [arabic] = paragraphsOfPoint(paragraphs, REVISED[5]![0]!, "accepted", 1);
    expect(arabic!.inserted.join("|")).toBe("الأطراف |بانتظام ");
    expect(arabic!.deleted).toEqual([]);
    const [chinese] = paragraphsOfPoint(paragraphs, REVISED[6]![0]!, "accepted", 1);
    expect(chinese!.inserted).toEqual(["缔约", "定期"]);
  });

  it("deletes the old label of a relabelled point and inserts the new one", async () => {
    const { paragraphs } = await readBack(await renderRevisionDocx(revision, { tracked: true }));
    const [b] = paragraphsOfPoint(paragraphs, REVISED[1]![0]!, "accepted", 1);
    expect(b!.deleted[0]).toBe("(c)");
    expect(b!.inserted[0]).toBe("(b)");
    expect(b!.inserted).toEqual(["(b)", "parties ", " [through the portal]"]);
    // The merged point: both old labels deleted, and the paragraph break between the two circulated texts.
    const merged = paragraphsOfPoint(paragraphs, CIRCULATED[2]![0]!, "rejected", 2);
    expect(merged[0]!.deleted[0]).toBe("(b), (d)");
    expect(merged[0]!.inserted[0]).toBe("(c)");
    expect(merged[0]!.mark).toBe("delete");
    expect(merged[1]!.mark).toBe("equal");
    // The split point: the new paragraph break is an inserted paragraph mark.
    const split = paragraphsOfPoint(paragraphs, REVISED[7]![0]!, "accepted", 2);
    expect(split.map((p) => p.mark)).toEqual(["insert", "equal"]);
  });

  it("inserts a new point whole, and deletes a point without successor whole, paragraph marks included", async () => {
    const { paragraphs } = await readBack(await renderRevisionDocx(revision, { tracked: true }));
    const added = [...paragraphsOfPoint(paragraphs, REVISED[4]![0]!, "accepted", 2), ...paragraphsOfPoint(paragraphs, "Recommendation 1", "accepted", 2)];
    expect(added).toHaveLength(4);
    for (const p of added) {
      expect(p.rejected).toBe("");
      expect(p.deleted).toEqual([]);
      expect(p.inserted.join("")).toBe(p.accepted);
      expect(p.mark).toBe("insert");
    }
    const removed = [...paragraphsOfPoint(paragraphs, CIRCULATED[4]![0]!, "rejected", 1), ...paragraphsOfPoint(paragraphs, CIRCULATED[5]![0]!, "rejected", 2)];
    for (const p of removed) {
      expect(p.accepted).toBe("");
      expect(p.inserted).toEqual([]);
      expect(p.deleted.join("")).toBe(p.rejected);
      expect(p.mark).toBe("delete");
      expect(p.xml).not.toMatch(/<w:t[ >]/);
    }
  });

  it("keeps Arabic and Chinese exactly, in their language and direction", async () => {
    const { xml, paragraphs } = await readBack(await renderRevisionDocx(revision, { tracked: true }));
    const [arabic] = paragraphsOfPoint(paragraphs, `(a)\t${ARABIC_TEXT}`, "accepted", 1);
    expect(arabic!.rejected).toBe(`(a)\t${ARABIC_FORMER}`);
    expect(arabic!.xml).toMatch(/<w:bidi\/>/);
    expect(arabic!.xml).toMatch(/<w:rtl\/>/);
    expect(xml).toContain('w:bidi="ar-SA"');
    const [chinese] = paragraphsOfPoint(paragraphs, `(b)\t${CHINESE_TEXT}`, "accepted", 1);
    expect(chinese!.rejected).toBe(`(b)\t${CHINESE_FORMER}`);
    expect(chinese!.xml).toContain('w:eastAsia="zh-CN"');
    expect(chinese!.xml).not.toMatch(/<w:bidi\/>/);
  });

  it("has the document's title and the United Nations as its author; mammoth reads it with the changes accepted", async () => {
    const bytes = await renderRevisionDocx(revision, { tracked: true });
    const { part, text } = await readBack(bytes);
    const core = await part("docProps/core.xml");
    expect(core).toContain("<dc:title>Revised discussion points (Rev.1)</dc:title>");
    expect(core).toContain("<dc:creator>United Nations</dc:creator>");
    for (const line of revisedLines()) expect(text).toContain(line);
    expect(text).not.toContain("without a successor");
  });
});

describe("renderRevisionDocx, clean", () => {
  it("has the Rev.1 wording only, without a tracked change", async () => {
    const bytes = await renderRevisionDocx(revision, { tracked: false });
    const { xml, paragraphs, text } = await readBack(bytes);
    expect(xml).not.toMatch(/<w:(ins|del)[ >]/);
    expect(xml).not.toContain("w:delText");
    const accepted = view(paragraphs, "accepted");
    expect(view(paragraphs, "rejected")).toEqual(accepted);
    for (const point of REVISED) expectRun(accepted, point);
    for (const gone of ["without a successor", "The second of them.", "a plan", "(b), (d)", ARABIC_FORMER, CHINESE_FORMER])
      expect(accepted.join("\n")).not.toContain(gone);

    // mammoth reads every Rev.1 wording.
    for (const line of revisedLines()) expect(text).toContain(line);
    expect(text).toContain(ARABIC_TEXT);
    expect(text).toContain(CHINESE_TEXT);
  });
});

describe("renderRevisionDocx in LibreOffice", () => {
  it("converts the tracked copy to PDF, and keeps its tracked changes when saving it as Word again", async (context) => {
    if (!sofficePath()) return context.skip(NO_LIBREOFFICE);
    const bytes = await renderRevisionDocx(revision, { tracked: true });
    const pdf = await docxToPdf(bytes);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

    // LibreOffice understood the revisions: saved again, accepting them gives Rev.1 and rejecting them the circulated text.
    const again = await readBack(await libreOfficeConvert(bytes, "docx:MS Word 2007 XML", "docx"));
    expect(again.xml).toContain(`w:author="${AUTHOR}"`);
    const accepted = view(again.paragraphs, "accepted").map((p) => p.normalize());
    const rejected = view(again.paragraphs, "rejected").map((p) => p.normalize());
    for (const point of REVISED) for (const paragraph of point) expect(accepted.join("\n")).toContain(paragraph.replace(/^.*\t/, ""));
    for (const point of CIRCULATED) for (const paragraph of point) expect(rejected.join("\n")).toContain(paragraph.replace(/^.*\t/, ""));
    expect(accepted.join("\n")).not.toContain("without a successor");
    expect(rejected.join("\n")).not.toContain("A new point proposed by the Chair.");
  }, 240_000);
});
