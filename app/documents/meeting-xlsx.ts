// The side-by-side and the matrix as Excel workbooks (exceljs), for a chair to sort and annotate:
// one sheet, a frozen heading row, wrapped text, each original in its own reading order (Arabic right
// to left) and the whole sheet right to left for an Arabic reader.
import ExcelJS from "exceljs";
import { directionOf, type Language } from "~/i18n/languages";
import type { MatrixExport, SideBySideExport } from "~/documents/meeting-exports";
// Excel's files are XML too: the same characters are dropped as from Word's.
import { NOT_XML } from "~/documents/un-styles";

const clean = (text: string) => text.replace(NOT_XML, "");

/** Excel's limit for one cell; longer texts are cut with a mark rather than refused by Excel. */
const CELL_LIMIT = 32_767;
const fit = (text: string) => (text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}…` : text);

function workbook(title: string, subject: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "United Nations";
  book.lastModifiedBy = "Nonpaper";
  book.title = title;
  book.subject = subject;
  return book;
}

function sheetFor(book: ExcelJS.Workbook, name: string, language: Language): ExcelJS.Worksheet {
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheetName =
    name
      .replace(/[:\\/?*[\]]/g, " ")
      .slice(0, 31)
      .trim() || "Sheet1";
  return book.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 3, rightToLeft: directionOf(language) === "rtl" }] });
}

async function toBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function renderSideBySideXlsx(table: SideBySideExport, language: Language): Promise<Buffer> {
  const book = workbook(table.title, table.subtitle);
  const sheet = sheetFor(book, table.title, language);
  sheet.columns = [{ width: 10 }, { width: 24 }, { width: 70 }, { width: 70 }];
  sheet.addRow([clean(table.title)]).font = { bold: true, size: 13 };
  sheet.addRow([clean(table.subtitle)]);
  const header = sheet.addRow([table.columns.point, table.columns.delegation, table.columns.english, table.columns.original]);
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow([clean(row.point), clean(row.delegation), fit(clean(row.english)), fit(clean(row.original))]);
    added.alignment = { vertical: "top", wrapText: true };
    // The original in its own reading order: right to left for Arabic, whatever the sheet's direction.
    const rtl = directionOf(row.originalLanguage) === "rtl";
    added.getCell(4).alignment = { vertical: "top", wrapText: true, readingOrder: rtl ? "rtl" : "ltr", horizontal: rtl ? "right" : "left" };
    added.getCell(3).alignment = { vertical: "top", wrapText: true, readingOrder: "ltr", horizontal: "left" };
  }
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: 4 } };
  return toBuffer(book);
}

export async function renderMatrixXlsx(matrix: MatrixExport, language: Language): Promise<Buffer> {
  const book = workbook(matrix.title, matrix.subtitle);
  const sheet = sheetFor(book, matrix.title, language);
  sheet.addRow([clean(matrix.title)]).font = { bold: true, size: 13 };
  sheet.addRow([clean(matrix.subtitle)]);
  const header = sheet.addRow(matrix.header.map(clean));
  header.font = { bold: true };
  header.alignment = { vertical: "bottom", wrapText: true };
  sheet.getColumn(1).width = 30;
  for (const row of matrix.rows) sheet.addRow([clean(row.name), ...row.cells.map((cell) => matrix.words[cell]), row.count]);
  const totals = sheet.addRow([matrix.totals.label, ...matrix.totals.counts]);
  totals.font = { bold: true };
  return toBuffer(book);
}
