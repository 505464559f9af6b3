// A table a chair takes into the room as a Word file (the side-by-side of an agenda item, the
// comment-resolution table): A4 landscape, the heading row repeated on every page, each cell in its
// own language and direction (Arabic right to left, so Word lays it out as written).
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { directionOf, type Language } from "~/i18n/languages";
import type { ExportTable } from "~/documents/meeting-exports";
import { A4, NOT_XML, UN_PAGE_MARGINS, UN_STYLE, unStyles, unTextRuns, wordRunLanguage } from "~/documents/un-styles";

const isRightToLeft = (language: Language) => directionOf(language) === "rtl";

/** A text in a language: one paragraph per paragraph of the text, in its direction. */
function textParagraphs(text: string, language: Language): Paragraph[] {
  const rtl = isRightToLeft(language);
  const paragraphs = text.replace(NOT_XML, "").split(/\r\n?\s*\r\n?|\n\s*\n/);
  return paragraphs.map(
    (paragraph) =>
      new Paragraph({
        style: UN_STYLE.singleText,
        bidirectional: rtl,
        alignment: rtl ? AlignmentType.RIGHT : undefined,
        spacing: { after: 80 },
        children: paragraph
          .split(/\r\n?|\n/)
          .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, rightToLeft: rtl, language: wordRunLanguage(language) })),
      }),
  );
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, margins: { top: 60, bottom: 60, left: 100, right: 100 } });
}

/** The table as a .docx (landscape). `language` is the reader's: the labels' language. */
export async function renderTableDocx(table: ExportTable, language: Language): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column) =>
      cell(
        [new Paragraph({ style: UN_STYLE.singleText, bidirectional: isRightToLeft(language), children: unTextRuns(column.label, { bold: true }) })],
        column.width,
      ),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        children: row.map((value, index) => cell(value.text ? textParagraphs(value.text, value.language) : [new Paragraph("")], table.columns[index]!.width)),
      }),
  );
  const document = new Document({
    title: table.title,
    subject: table.subtitle,
    creator: "United Nations",
    lastModifiedBy: "Nonpaper",
    styles: unStyles(),
    sections: [
      {
        properties: {
          page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: UN_PAGE_MARGINS },
        },
        children: [
          new Paragraph({ style: UN_STYLE.singleText, bidirectional: isRightToLeft(language), children: unTextRuns(table.title, { bold: true, size: 24 }) }),
          new Paragraph({ style: UN_STYLE.singleText, spacing: { after: 200 }, children: unTextRuns(table.subtitle) }),
          new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
