import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readDocx, readSubmissionFile } from "~/documents/docx-reader";
import { moroccoNote, noteAsDocx } from "./submission-import.fixtures";

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

async function docx(children: FileChild[], options: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<Uint8Array> {
  const section: ISectionOptions = { children };
  return new Uint8Array(await Packer.toBuffer(new Document({ ...options, sections: [section] })));
}

async function read(children: FileChild[], options?: Partial<ConstructorParameters<typeof Document>[0]>) {
  const result = await readDocx(await docx(children, options));
  if (!result.ok) throw new Error("unreadable");
  return result;
}

describe("readDocx", () => {
  it("keeps heading styles with their level, and takes a short bold line for a heading", async () => {
    const { paragraphs } = await read([
      new Paragraph({ text: "Comments of Peru", heading: HeadingLevel.TITLE }),
      new Paragraph({ text: "Agenda item 2", heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: "Point (b)", heading: HeadingLevel.HEADING_3 }),
      new Paragraph({ children: [new TextRun({ text: "New proposals", bold: true })] }),
      new Paragraph({ children: [new TextRun({ text: "Peru supports this point.", bold: true })] }),
      new Paragraph({ children: [new TextRun({ text: "Peru ", bold: true }), new TextRun("supports")] }),
      new Paragraph("Body text."),
    ]);
    expect(paragraphs.map((p) => [p.text, p.heading])).toEqual([
      ["Comments of Peru", { level: 1, by: "style" }],
      ["Agenda item 2", { level: 1, by: "style" }],
      ["Point (b)", { level: 3, by: "style" }],
      ["New proposals", { level: null, by: "emphasis" }],
      // A bold sentence is emphasis, not a heading; so is a line only partly bold.
      ["Peru supports this point.", null],
      ["Peru supports", null],
      ["Body text.", null],
    ]);
  });

  it("numbers the items of Word lists, restarting the lower levels under a higher one", async () => {
    const numbering = {
      config: [
        {
          reference: "outline",
          levels: [
            { level: 0, format: LevelFormat.LOWER_LETTER, text: "(%1)", alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_ROMAN, text: "(%2)", alignment: AlignmentType.START },
          ],
        },
      ],
    };
    const item = (text: string, level: number) => new Paragraph({ text, numbering: { reference: "outline", level } });
    const { paragraphs } = await read([item("first", 0), item("first, i", 1), item("first, ii", 1), item("second", 0), item("second, i", 1)], {
      numbering,
    });
    expect(paragraphs.map((p) => [p.text, p.list])).toEqual([
      ["first", { level: 0, ordered: true, ordinal: 1 }],
      ["first, i", { level: 1, ordered: true, ordinal: 1 }],
      ["first, ii", { level: 1, ordered: true, ordinal: 2 }],
      ["second", { level: 0, ordered: true, ordinal: 2 }],
      ["second, i", { level: 1, ordered: true, ordinal: 1 }],
    ]);
  });

  it("drops images and says how many, keeping the text around them", async () => {
    const result = await read([
      new Paragraph({
        children: [new TextRun("Before "), new ImageRun({ type: "png", data: PNG, transformation: { width: 10, height: 10 } }), new TextRun("after.")],
      }),
      new Paragraph({ children: [new ImageRun({ type: "png", data: PNG, transformation: { width: 10, height: 10 } })] }),
    ]);
    expect(result.paragraphs.map((p) => p.text)).toEqual(["Before after."]);
    expect(result.warnings).toContainEqual({ code: "images_removed", count: 2 });
  });

  it("reads a comment matrix row by row, cell by cell", async () => {
    const row = (...cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    const result = await read([
      new Paragraph("Comments in the table below."),
      new Table({ rows: [row("Point", "Comment"), row("(a)", "Supported."), row("(b)", "Not supported.")] }),
      new Paragraph("After the table."),
    ]);
    expect(result.paragraphs.map((p) => [p.text, p.inTable])).toEqual([
      ["Comments in the table below.", false],
      ["Point", true],
      ["Comment", true],
      ["(a)", true],
      ["Supported.", true],
      ["(b)", true],
      ["Not supported.", true],
      ["After the table.", false],
    ]);
    expect(result.warnings).toContainEqual({ code: "tables_flattened", count: 1 });
  });

  it("appends footnotes after the body, each naming the paragraph that refers to it", async () => {
    const result = await read(
      [new Paragraph("Opening."), new Paragraph({ children: [new TextRun("Peru amended its law."), new FootnoteReferenceRun(1)] }), new Paragraph("Closing.")],
      { footnotes: { 1: { children: [new Paragraph("Law No. 30077 of 2013.")] } } },
    );
    expect(result.paragraphs.map((p) => [p.text, p.footnoteOf])).toEqual([
      ["Opening.", null],
      ["Peru amended its law.", null],
      ["Closing.", null],
      ["Law No. 30077 of 2013.", 1],
    ]);
    expect(result.warnings).toContainEqual({ code: "footnotes_appended", count: 1 });
  });

  it("gives the text without struck-through words, as delegations mark deletions", async () => {
    const { paragraphs } = await read([
      new Paragraph({
        children: [
          new TextRun("UNODC should "),
          new TextRun({ text: "develop", strike: true }),
          new TextRun({ text: "prepare", bold: true, underline: {} }),
          new TextRun(" a plan."),
        ],
      }),
      new Paragraph("No deletions."),
    ]);
    expect(paragraphs[0]).toMatchObject({ text: "UNODC should developprepare a plan.", withoutStruck: "UNODC should prepare a plan." });
    expect(paragraphs[1]!.withoutStruck).toBeNull();
  });

  it("reads tracked changes as accepted", async () => {
    const { paragraphs } = await read([
      new Paragraph({
        children: [
          new TextRun("UNODC should "),
          new DeletedTextRun({ id: 1, author: "Peru", date: "2020-08-10T10:00:00Z", text: "develop" }),
          new InsertedTextRun({ id: 2, author: "Peru", date: "2020-08-10T10:00:00Z", text: "prepare" }),
          new TextRun(" a plan."),
        ],
      }),
    ]);
    expect(paragraphs.map((p) => p.text)).toEqual(["UNODC should prepare a plan."]);
  });

  it("reads right-to-left Arabic paragraphs as written", async () => {
    const result = await readDocx(await noteAsDocx(moroccoNote));
    expect(result.ok && result.paragraphs.map((p) => p.text)).toEqual(moroccoNote.paragraphs.map((p) => p.text));
  });

  it("keeps line breaks inside a paragraph, turns tabs into spaces and drops empty paragraphs", async () => {
    const { paragraphs } = await read([
      new Paragraph({ children: [new TextRun("Permanent Mission of Peru"), new TextRun({ text: "Vienna", break: 1 })] }),
      new Paragraph(""),
      new Paragraph({ children: [new TextRun("(a)\tSupported.")] }),
      new Paragraph({ children: [new TextRun("   ")] }),
    ]);
    expect(paragraphs.map((p) => p.text)).toEqual(["Permanent Mission of Peru\nVienna", "(a) Supported."]);
  });

  it("removes control and bidi-override characters, and says where", async () => {
    const result = await read([new Paragraph("Clean."), new Paragraph("Peru \u202Eevitcejbo\u202C supports.")]);
    expect(result.paragraphs.map((p) => p.text)).toEqual(["Clean.", "Peru evitcejbo supports."]);
    expect(result.warnings).toContainEqual({ code: "controls_removed", paragraphs: [1] });
  });

  it("answers unreadable, without throwing, for what is not a Word document", async () => {
    expect(await readDocx(new TextEncoder().encode("not a zip"))).toEqual({ ok: false, reason: "unreadable" });
    const zip = new JSZip();
    zip.file("hello.txt", "hello");
    expect(await readDocx(await zip.generateAsync({ type: "uint8array" }))).toEqual({ ok: false, reason: "unreadable" });
  });
});

describe("readSubmissionFile", () => {
  it("checks and reads a Word document", async () => {
    const result = await readSubmissionFile({ name: "C:\\Users\\pm\\Nota 087.docx", bytes: await noteAsDocx(moroccoNote) });
    expect(result).toMatchObject({
      ok: true,
      kind: "docx",
      filename: "Nota 087.docx",
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(result.ok && result.paragraphs).toHaveLength(moroccoNote.paragraphs.length);
  });

  it("reads a text file into paragraphs", async () => {
    const result = await readSubmissionFile({ name: "note.txt", bytes: new TextEncoder().encode("Agenda item 2\n(a) Supported.\n") });
    expect(result).toMatchObject({ ok: true, kind: "text", mediaType: "text/plain; charset=utf-8" });
    expect(result.ok && result.paragraphs.map((p) => p.text)).toEqual(["Agenda item 2", "(a) Supported."]);
  });

  it("refuses what the upload check refuses, and a document with no text", async () => {
    expect(await readSubmissionFile({ name: "note.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n…") })).toMatchObject({
      ok: false,
      reason: "pdf",
      message: "submissions:import.upload.pdf",
    });
    expect(await readSubmissionFile({ name: "empty.docx", bytes: await docx([new Paragraph("")]) })).toMatchObject({ ok: false, reason: "empty" });
  });
});
