// The CRP as a Word document, from its model (crp.ts). Pure: model in, bytes out. The secretariat
// finishes it in Word, so everything is real Word structure: heading styles, automatic paragraph
// numbering in section I, and the agenda footnote as a footnote marked "*".

import { AlignmentType, Document, FootnoteReferenceRun, LevelFormat, LevelSuffix, NumberFormat, Packer, Paragraph, TextRun } from "docx";
import { paragraphText, sectionHeading, type CrpBlock, type CrpModel, type CrpParagraph, type CrpText } from "./crp";
import {
  UN_AUTHOR,
  UN_LABEL_HANG,
  NOT_XML,
  UN_SIZE,
  UN_STYLE,
  UN_TEXT_INDENT,
  unBoxedNotice,
  unEndRule,
  unHeadersAndFooters,
  unHeading,
  unLabelledParagraphs,
  unMastheadLine,
  unMastheadRule,
  unPageProperties,
  unParagraph,
  unStyles,
  unTextRuns,
  wordRunLanguage,
  unTitle,
} from "./un-styles";

const PARAGRAPH_NUMBERING = "crp-paragraphs";
/** Where the text of a numbered paragraph starts after its number: 0.6 cm. */
const NUMBER_TAB = 340;

/** A paragraph of a delegation's text: English as a body paragraph; an original in its own language and direction. */
function textParagraph(p: CrpParagraph, options: { quote?: boolean; keepNext?: boolean } = {}): Paragraph {
  const indent = options.quote ? { left: UN_TEXT_INDENT + UN_LABEL_HANG, right: UN_TEXT_INDENT + UN_LABEL_HANG } : undefined;
  if (p.language === "en") {
    return new Paragraph({ style: UN_STYLE.singleText, widowControl: true, indent, keepNext: options.keepNext, children: unTextRuns(paragraphText(p)) });
  }
  const rtl = p.dir === "rtl";
  const language = wordRunLanguage(p.language);
  return new Paragraph({
    style: UN_STYLE.singleText,
    widowControl: true,
    indent,
    bidirectional: rtl,
    alignment: rtl ? AlignmentType.RIGHT : undefined,
    keepNext: options.keepNext,
    children: paragraphText(p)
      .replace(NOT_XML, "")
      .split(/\r\n?|\n/)
      .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, rightToLeft: rtl, language })),
  });
}

function markParagraph(mark: string): Paragraph {
  return new Paragraph({ style: UN_STYLE.singleText, keepNext: true, children: unTextRuns(mark, { bold: true }) });
}

function textParagraphs(text: CrpText, options: { quote?: boolean } = {}): Paragraph[] {
  // A delegation's own lettered paragraph hangs its label as the points do (a quoted wording keeps it in line).
  const paragraphs = text.paragraphs.flatMap((p) =>
    p.label && p.language === "en" && !options.quote ? unLabelledParagraphs(p.label, [p.text]) : [textParagraph(p, options)],
  );
  return [...(text.mark ? [markParagraph(text.mark)] : []), ...paragraphs];
}

function blockParagraphs(block: CrpBlock): Paragraph[] {
  switch (block.kind) {
    case "subheading":
      return [
        new Paragraph({
          style: UN_STYLE.labelLine,
          keepNext: true,
          children: unTextRuns(block.text, { italics: true, bold: false }),
        }),
      ];
    case "text":
      return textParagraphs(block.text);
    case "proposed_wording":
      return [unParagraph(block.lead, { keepNext: true }), ...textParagraphs(block.text, { quote: true })];
    case "labelled": {
      const mark = block.text.mark ? [markParagraph(block.text.mark)] : [];
      // A label hangs in front of English text; an original in another script stands under its label.
      if (block.text.paragraphs.every((p) => p.language === "en")) {
        return [
          ...mark,
          ...unLabelledParagraphs(
            block.label,
            block.text.paragraphs.map((p) => paragraphText(p)),
          ),
        ];
      }
      return [
        ...mark,
        new Paragraph({ style: UN_STYLE.labelLine, keepNext: true, children: unTextRuns(block.label) }),
        ...block.text.paragraphs.map((p) => textParagraph(p)),
      ];
    }
  }
}

/** The CRP in Word's format (.docx): A4, UN typography, real headings, numbered paragraphs, the footnote. */
export async function renderCrpDocx(model: CrpModel): Promise<Buffer> {
  const m = model.masthead;
  const children: Paragraph[] = [];

  if (model.draftMark) children.push(unBoxedNotice(model.draftMark));
  children.push(
    unMastheadLine(m.symbol, { bold: true, size: UN_SIZE.h2, alignment: "right" }),
    unMastheadLine(m.date, { alignment: "right" }),
    unMastheadLine(m.languageLine, { alignment: "right" }),
    unMastheadRule(),
    unMastheadLine(m.body, { bold: true }),
    unMastheadLine(m.session, { bold: true }),
    unMastheadLine(m.venueAndDates),
    new Paragraph({
      style: UN_STYLE.masthead,
      children: [...unTextRuns(m.agendaItem), new FootnoteReferenceRun(1)],
    }),
    unMastheadLine(m.agendaItemTitle, { bold: true }),
    unTitle(model.title),
    new Paragraph({
      style: UN_STYLE.singleText,
      keepNext: true,
      spacing: { after: 240 },
      children: unTextRuns(model.subtitle, { bold: true, size: UN_SIZE.h2 }),
    }),
  );

  children.push(unHeading(1, model.introduction.heading.text, model.introduction.heading.label));
  for (const paragraph of model.introduction.paragraphs) {
    children.push(
      // Normal style with the body text's measures set here: Word (and mammoth) then read a list.
      new Paragraph({
        widowControl: true,
        alignment: AlignmentType.BOTH,
        spacing: { after: 120 },
        indent: { left: UN_TEXT_INDENT, right: UN_TEXT_INDENT, firstLine: 0 },
        leftTabStop: UN_TEXT_INDENT + NUMBER_TAB,
        numbering: { reference: PARAGRAPH_NUMBERING, level: 0 },
        children: unTextRuns(paragraph.text),
      }),
    );
  }

  children.push(unHeading(1, model.comments.heading.text, model.comments.heading.label));
  for (const item of model.comments.items) {
    // The item's title goes on a second line of its heading, so the outline names both.
    children.push(unHeading(2, item.title ? `${item.heading.text}\n${item.title}` : item.heading.text, item.heading.label));
    item.introduction.forEach((text) => children.push(unParagraph(text, { keepNext: item.points.length > 0 })));
    for (const point of item.points) children.push(...unLabelledParagraphs(point.label, point.paragraphs));
    if (item.notice) children.push(unParagraph(item.notice));
    for (const delegation of item.delegations) {
      children.push(unHeading(3, sectionHeading(delegation)));
      if (delegation.original) {
        children.push(new Paragraph({ style: UN_STYLE.singleText, alignment: AlignmentType.RIGHT, keepNext: true, children: unTextRuns(delegation.original) }));
      }
      // Issue 19: the delegations aligned with a submission, named before its comments.
      if (typeof delegation.alignment === "string" && delegation.alignment) children.push(unParagraph(delegation.alignment));
      for (const block of delegation.blocks) children.push(...blockParagraphs(block));
    }
  }
  children.push(unEndRule());

  const document = new Document({
    title: `${m.symbol}: ${model.title}`,
    subject: [m.body, m.session, m.venueAndDates].join(", "),
    description: model.subtitle,
    // LibreOffice's PDF takes its title and author from these properties.
    creator: UN_AUTHOR,
    lastModifiedBy: "Nonpaper",
    styles: unStyles(),
    evenAndOddHeaderAndFooters: true,
    // The agenda footnote is the document's only one: Chicago style numbers it "*", as UN documents do.
    footnotes: {
      1: { children: [new Paragraph({ children: unTextRuns(` ${model.footnote.text}`, { size: UN_SIZE.footer }) })] },
    },
    numbering: {
      config: [
        {
          reference: PARAGRAPH_NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.LEFT,
              suffix: LevelSuffix.TAB,
              // UN paragraph numbers start the first line; the following lines return under the number.
              style: { paragraph: { indent: { left: UN_TEXT_INDENT, firstLine: 0 }, leftTabStop: UN_TEXT_INDENT + NUMBER_TAB } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { ...unPageProperties({ titlePage: true }), footnoteProperties: { numberFormat: { type: NumberFormat.CHICAGO } } },
        // The first page carries the masthead instead of a header, as UN documents do.
        ...unHeadersAndFooters({ headerText: model.draftMark ?? m.symbol }),
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
