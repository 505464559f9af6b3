// The side-by-side, the comment-resolution table and the matrix as Excel workbooks (exceljs), for a
// chair to sort and annotate: one sheet, a frozen heading row, filters, wrapped text, each cell in its
// own reading order (Arabic right to left) and the whole sheet right to left for an Arabic reader.
import ExcelJS from "exceljs";
import { directionOf, type Language } from "~/i18n/languages";
import type { ExportTable, MatrixExport } from "~/documents/meeting-exports";
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

/** Excel's column width (in characters) for a column's share of a landscape page. */
const excelWidth = (perCent: number) => Math.round(perCent * 1.8);

export async function renderTableXlsx(table: ExportTable, language: Language): Promise<Buffer> {
  const book = workbook(table.title, table.subtitle);
  const sheet = sheetFor(book, table.title, language);
  sheet.columns = table.columns.map((column) => ({ width: excelWidth(column.width) }));
  sheet.addRow([clean(table.title)]).font = { bold: true, size: 13 };
  sheet.addRow([clean(table.subtitle)]);
  const header = sheet.addRow([...table.columns.map((column) => column.label), ...(table.keys ? ["id"] : [])]);
  header.font = { bold: true };
  // The rows' ids in a hidden last column: the file can come back with the secretariat's changes.
  if (table.keys) sheet.getColumn(table.columns.length + 1).hidden = true;
  for (const [index, row] of table.rows.entries()) {
    const added = sheet.addRow([...row.map((value) => fit(clean(value.text))), ...(table.keys ? [table.keys[index]] : [])]);
    // Each cell in its own reading order: right to left for Arabic, whatever the sheet's direction.
    row.forEach((value, index) => {
      const rtl = directionOf(value.language) === "rtl";
      added.getCell(index + 1).alignment = { vertical: "top", wrapText: true, readingOrder: rtl ? "rtl" : "ltr", horizontal: rtl ? "right" : "left" };
    });
  }
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: table.columns.length } };
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
  for (const row of matrix.rows) {
    sheet.addRow([clean(row.name), ...row.cells.map((cell) => matrix.words[cell]), row.count, ...(row.through === undefined ? [] : [row.through])]);
  }
  const totals = sheet.addRow([matrix.totals.label, ...matrix.totals.counts]);
  totals.font = { bold: true };
  if (matrix.throughTotals) sheet.addRow([matrix.throughTotals.label, ...matrix.throughTotals.counts]).font = { italic: true };
  return toBuffer(book);
}
