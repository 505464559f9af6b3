// Reads the comment-resolution table back from Excel (app/documents/meeting-xlsx.ts writes it): the
// heading row is the one with the hidden "id" column, the Disposition and Observations columns are
// found by their heading in any of the six languages, and every row below gives its comment id and
// those two cells as text (rich text, a formula's result, a number). The file is checked before
// exceljs sees it: an Excel workbook by its content (not a macro-enabled, encrypted or old .xls one),
// at most the upload limit, and inflated first by the Word reader's guard (app/documents/docx-inflate.ts),
// which stops a zip bomb as soon as it passes the limits, whatever its headers claim: exceljs (through
// jszip) would inflate everything and build every cell.
import ExcelJS from "exceljs";
import { inspectDocx, type DocxLimits } from "~/documents/docx-inflate";
import { fixedTranslator } from "~/i18n/i18next";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { importMessage, labelKey, MAX_IMPORT_ROWS, type SheetRow } from "~/lib/disposition-import";
import { MAX_INFLATED_BYTES, MAX_UPLOAD_BYTES, zipEntries } from "~/lib/upload-check";

/**
 * XML elements in all parts together. A cell is about four (its <c>, its <v>, and the shared
 * string's <si> and <t>): 12,000 comments of nine cells take about 450,000.
 */
export const MAX_XLSX_ELEMENTS = 1_500_000;
const XLSX_LIMITS: DocxLimits = {
  // The Word reader's own part (word/document.xml) is not in a workbook: the total is the limit.
  documentXmlBytes: MAX_INFLATED_BYTES,
  totalBytes: MAX_INFLATED_BYTES,
  // No <w:p> in a workbook: only the elements count.
  paragraphs: Number.MAX_SAFE_INTEGER,
  elements: MAX_XLSX_ELEMENTS,
};
/** The heading row is the third; a few rows inserted above it are still found. */
const HEADING_SEARCH_ROWS = 20;

export type WorkbookRejection =
  | "file_required"
  | "empty"
  | "too_large"
  | "not_xlsx"
  | "macro"
  | "encrypted"
  | "unreadable"
  | "unpacked_too_large"
  | "too_complex"
  | "no_id_column"
  | "no_columns";

export type WorkbookRead = { ok: true; rows: SheetRow[] } | { ok: false; reason: WorkbookRejection; message: string; values: Record<string, string | number> };

const MESSAGES: Record<WorkbookRejection, string> = {
  file_required: "fileRequired",
  empty: "empty",
  too_large: "tooLarge",
  not_xlsx: "notXlsx",
  macro: "macro",
  encrypted: "encrypted",
  unreadable: "unreadable",
  unpacked_too_large: "unpackedTooLarge",
  too_complex: "tooComplex",
  no_id_column: "noIdColumn",
  no_columns: "noColumns",
};

export function rejectWorkbook(reason: WorkbookRejection): Extract<WorkbookRead, { ok: false }> {
  const values = { maxMegabytes: MAX_UPLOAD_BYTES / (1024 * 1024), maxUnpackedMegabytes: MAX_INFLATED_BYTES / (1024 * 1024) };
  return { ok: false, reason, message: importMessage(MESSAGES[reason]), values };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
// Office saves a password-protected workbook inside an OLE file, as "EncryptedPackage" (UTF-16LE).
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/** What the bytes are, before anything is inflated: an Excel workbook, or why not. */
function checkWorkbookFile(bytes: Uint8Array): WorkbookRejection | null {
  if (bytes.length === 0) return "empty";
  if (bytes.length > MAX_UPLOAD_BYTES) return "too_large";
  if (startsWith(bytes, OLE)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE) ? "encrypted" : "not_xlsx";
  if (!startsWith(bytes, ZIP)) return "not_xlsx";
  const entries = zipEntries(bytes);
  if (!entries) return "unreadable";
  if (entries.some((e) => e.encrypted)) return "encrypted";
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) return "not_xlsx";
  // Macros (.xlsm, or one renamed) and ActiveX controls: code, not a table.
  if (entries.some((e) => /(?:^|\/)vbaProject\.bin$|(?:^|\/)vbaData\.xml$|^xl\/activeX\//i.test(e.name))) return "macro";
  // An honest archive says how large it will be; a lying one is stopped while inflating.
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_INFLATED_BYTES) return "unpacked_too_large";
  const inspected = inspectDocx(bytes, XLSX_LIMITS);
  if (!inspected.ok) return inspected.reason === "too_many_paragraphs" ? "too_complex" : inspected.reason;
  return null;
}

/** A cell as the text a reader sees: rich text joined, a formula's result, a number or a date written out. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value !== "object") return "";
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? "").join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  // A hyperlink: its text (itself plain or rich).
  if ("hyperlink" in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return "";
}

let headings: { disposition: Set<string>; observation: Set<string> } | null = null;

/** The headings of the two columns read, in the six languages (the table is written in its reader's). */
function columnHeadings() {
  if (!headings) {
    const disposition = new Set<string>();
    const observation = new Set<string>();
    for (const language of LANGUAGE_CODES) {
      const t = fixedTranslator(language, "consolidation");
      disposition.add(labelKey(t("consolidation:exports.resolution.columns.disposition")));
      observation.add(labelKey(t("consolidation:exports.resolution.columns.observation")));
    }
    headings = { disposition, observation };
  }
  return headings;
}

type Columns = { heading: number; id: number; disposition: number; observation: number };

/** The heading row of a sheet (the one with the "id" column) and the columns read; null without an id column. */
function findColumns(sheet: ExcelJS.Worksheet): Columns | { heading: number; id: number } | null {
  const { disposition, observation } = columnHeadings();
  for (let r = 1; r <= Math.min(HEADING_SEARCH_ROWS, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const found: Partial<Columns> = {};
    row.eachCell((cell, column) => {
      const key = labelKey(cellText(cell.value));
      if (key === "id" && found.id === undefined) found.id = column;
      else if (disposition.has(key) && found.disposition === undefined) found.disposition = column;
      else if (observation.has(key) && found.observation === undefined) found.observation = column;
    });
    if (found.id === undefined) continue;
    if (found.disposition === undefined || found.observation === undefined) return { heading: r, id: found.id };
    return { heading: r, id: found.id, disposition: found.disposition, observation: found.observation };
  }
  return null;
}

/**
 * The rows of the comment-resolution table in an uploaded workbook, or why it cannot be read.
 * Rows with nothing in the three cells read (a blank line, a note beside the table) are left out;
 * at most MAX_IMPORT_ROWS + 1 are read (the parser refuses more).
 */
export async function readDispositionWorkbook(bytes: Uint8Array | null): Promise<WorkbookRead> {
  if (!bytes) return rejectWorkbook("file_required");
  const refused = checkWorkbookFile(bytes);
  if (refused) return rejectWorkbook(refused);

  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return rejectWorkbook("unreadable");
  }
  let partial = false;
  for (const sheet of book.worksheets) {
    const columns = findColumns(sheet);
    if (!columns) continue;
    if (!("disposition" in columns)) {
      partial = true;
      continue;
    }
    const rows: SheetRow[] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber <= columns.heading || rows.length > MAX_IMPORT_ROWS) return;
      const read = {
        rowNumber,
        id: cellText(row.getCell(columns.id).value),
        dispositionLabel: cellText(row.getCell(columns.disposition).value),
        observation: cellText(row.getCell(columns.observation).value),
      };
      if (read.id.trim() || read.dispositionLabel.trim() || read.observation.trim()) rows.push(read);
    });
    return { ok: true, rows };
  }
  return rejectWorkbook(partial ? "no_columns" : "no_id_column");
}
