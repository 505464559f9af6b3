// The comment-resolution table read back from Excel: the heading row found by its hidden "id"
// column, the two columns by their headings in any language, each cell as the text a reader sees;
// and every file that is not such a workbook refused before exceljs reads it (another format,
// macros, a password, a zip bomb with honest or lying sizes, far too many cells).
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { MAX_XLSX_ELEMENTS, readDispositionWorkbook } from "~/documents/disposition-xlsx";
import { renderTableXlsx } from "~/documents/meeting-xlsx";
import type { ExportTable } from "~/documents/meeting-exports";
import { MAX_UPLOAD_BYTES } from "~/lib/upload-check";
import { plainDocx } from "./docx-bomb.fixtures";

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ARABIC = "أُدرج في الفقرة (ب) من التنقيح الأول.";

/** A comment-resolution table as the export writes it, in English or French headings. */
function table(rows: [string, string][], french = false): ExportTable {
  const labels = french
    ? [
        "Point de l’ordre du jour",
        "Point",
        "Délégation",
        "Type",
        "Observation (anglais)",
        "Modification proposée",
        "Suite donnée",
        "Observations du Secrétariat",
      ]
    : ["Agenda item", "Point", "Delegation", "Type", "Comment (English)", "Proposed change", "Disposition", "Observations of the Secretariat"];
  return {
    title: "Comment-resolution table",
    subtitle: "Working Group",
    columns: labels.map((label) => ({ label, width: 10 })),
    rows: rows.map(([disposition, observation]) =>
      ["2", "(a)", "Peru", "Comment", "We support it.", "", disposition, observation].map((text) => ({ text, language: "en" as const })),
    ),
    keys: rows.map((_, i) => ID(i + 1)),
  };
}

const bytesOf = (buffer: Buffer | ArrayBuffer) => (buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer));

async function edit(bytes: Uint8Array, change: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  change(book.worksheets[0]!);
  return bytesOf(await book.xlsx.writeBuffer());
}

type Part = { name: string; data: Buffer; claimedSize?: number };

/** A ZIP of deflated parts written by hand, so that its headers can claim any size. */
function zipOf(parts: Part[]): Uint8Array {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = deflateRawSync(part.data);
    const size = part.claimedSize ?? part.data.length;
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    directory.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directorySize = directory.reduce((sum, c) => sum + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...directory, end]));
}

const WORKBOOK_PARTS = (sheet: string): Part[] => [
  { name: "[Content_Types].xml", data: Buffer.from(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`) },
  { name: "xl/workbook.xml", data: Buffer.from(`<?xml version="1.0"?><workbook/>`) },
  { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheet) },
];

describe("readDispositionWorkbook", () => {
  it("reads the exported table: each row's id, disposition and observations as written", async () => {
    const bytes = bytesOf(
      await renderTableXlsx(
        table([
          ["Reflected", "As proposed."],
          ["", ""],
          ["Noted", ARABIC],
        ]),
        "en",
      ),
    );
    expect(await readDispositionWorkbook(bytes)).toEqual({
      ok: true,
      rows: [
        { rowNumber: 4, id: ID(1), dispositionLabel: "Reflected", observation: "As proposed." },
        { rowNumber: 5, id: ID(2), dispositionLabel: "", observation: "" },
        { rowNumber: 6, id: ID(3), dispositionLabel: "Noted", observation: ARABIC },
      ],
    });
  });

  it("finds the heading row and the columns in another language, with rows and columns added by the reader", async () => {
    const exported = bytesOf(await renderTableXlsx(table([["Prise en compte", ""]], true), "fr"));
    const bytes = await edit(exported, (sheet) => {
      sheet.spliceRows(1, 0, ["Notes de la présidence"], []);
      // A column of the reader's own, before the disposition.
      sheet.spliceColumns(3, 0, ["", "", "", "", "Mes notes", "à revoir"]);
      sheet.addRow([]);
      sheet.addRow(["Total", "", "", "", "", "", "", "", ""]);
    });
    const read = await readDispositionWorkbook(bytes);
    expect(read).toEqual({
      ok: true,
      // The note below the table has no id, no disposition, no observations: not a row of the table.
      rows: [{ rowNumber: 6, id: ID(1), dispositionLabel: "Prise en compte", observation: "" }],
    });
  });

  it("reads rich text, a formula's result, numbers and links as the text shown", async () => {
    const bytes = await edit(
      bytesOf(
        await renderTableXlsx(
          table([
            ["", ""],
            ["", ""],
            ["", ""],
            ["", ""],
          ]),
          "en",
        ),
      ),
      (sheet) => {
        sheet.getCell("G4").value = { richText: [{ text: "Partly " }, { font: { bold: true }, text: "reflected" }] };
        sheet.getCell("H4").value = { richText: [{ text: "See " }, { font: { italic: true }, text: ARABIC }] };
        sheet.getCell("G5").value = { formula: 'PROPER("noted")', result: "Noted" };
        sheet.getCell("H5").value = 42.5;
        sheet.getCell("G6").value = { text: "Withdrawn", hyperlink: "https://example.org" };
        // A date typed in Excel: a number in a date format, which exceljs reads as a Date.
        sheet.getCell("H6").value = new Date(Date.UTC(2025, 2, 12));
        // (a style of its own: exceljs shares one style object among the cells loaded with it)
        sheet.getCell("H6").style = { ...sheet.getCell("H6").style, numFmt: "dd/mm/yyyy" };
        sheet.getCell("G7").value = true;
      },
    );
    const read = await readDispositionWorkbook(bytes);
    expect(read.ok && read.rows.map((row) => [row.dispositionLabel, row.observation])).toEqual([
      ["Partly reflected", `See ${ARABIC}`],
      ["Noted", "42.5"],
      ["Withdrawn", "2025-03-12"],
      ["true", ""],
    ]);
  });

  it("refuses a workbook without the hidden id column, or without the two columns beside it", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sheet1").addRows([
      ["Disposition", "Observations of the Secretariat"],
      ["Noted", ""],
    ]);
    expect(await readDispositionWorkbook(bytesOf(await book.xlsx.writeBuffer()))).toMatchObject({ ok: false, reason: "no_id_column" });

    const renamed = await edit(bytesOf(await renderTableXlsx(table([["Noted", ""]]), "en")), (sheet) => {
      sheet.getCell("G3").value = "Decision";
    });
    expect(await readDispositionWorkbook(renamed)).toMatchObject({
      ok: false,
      reason: "no_columns",
      message: "consolidation:dispositionImport.errors.noColumns",
    });
  });

  it("refuses what is not an Excel workbook, by its content", async () => {
    const oleHeader = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const ole = (stream: string) => new Uint8Array([...oleHeader, ...new Uint8Array(504), ...Buffer.from(stream, "utf16le"), ...new Uint8Array(512)]);
    const cases: [Uint8Array | null, string][] = [
      [null, "file_required"],
      [new Uint8Array(), "empty"],
      [new TextEncoder().encode("id,disposition\n1,Noted\n"), "not_xlsx"],
      [new TextEncoder().encode("%PDF-1.7\n"), "not_xlsx"],
      [plainDocx(["A note verbale."]), "not_xlsx"],
      [ole("Workbook"), "not_xlsx"],
      [ole("EncryptedPackage"), "encrypted"],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "unreadable"],
    ];
    for (const [bytes, reason] of cases) expect(await readDispositionWorkbook(bytes), reason).toMatchObject({ ok: false, reason });

    const tooLarge = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    tooLarge.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await readDispositionWorkbook(tooLarge)).toMatchObject({ ok: false, reason: "too_large", values: { maxMegabytes: 10 } });
  });

  it("refuses a macro-enabled workbook", async () => {
    const zip = await JSZip.loadAsync(await renderTableXlsx(table([["Noted", ""]]), "en"));
    zip.file("xl/vbaProject.bin", new Uint8Array([1, 2, 3]));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(await readDispositionWorkbook(bytes)).toMatchObject({ ok: false, reason: "macro" });
  });

  it("stops a zip bomb before exceljs sees it, whether its headers tell its size or lie about it", async () => {
    // 60 MB of cells, a few hundred kilobytes packed.
    const sheet = `<worksheet><sheetData>${"<row/>".repeat(10_000_000)}</sheetData></worksheet>`;
    const honest = zipOf(WORKBOOK_PARTS(sheet));
    expect(honest.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await readDispositionWorkbook(honest)).toMatchObject({ ok: false, reason: "unpacked_too_large", values: { maxUnpackedMegabytes: 50 } });

    const parts = WORKBOOK_PARTS(sheet);
    parts[2]!.claimedSize = 1_000;
    expect(await readDispositionWorkbook(zipOf(parts))).toMatchObject({ ok: false, reason: "unpacked_too_large" });
  });

  it("refuses a workbook with far more cells than a comment-resolution table", async () => {
    const sheet = `<worksheet><sheetData><row>${"<c/>".repeat(MAX_XLSX_ELEMENTS + 1)}</row></sheetData></worksheet>`;
    expect(await readDispositionWorkbook(zipOf(WORKBOOK_PARTS(sheet)))).toMatchObject({ ok: false, reason: "too_complex" });
  });
});
