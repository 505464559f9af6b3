// United Nations document typography for the `docx` package, shared by every document the app
// generates (the non-paper, the CRP). Pure: no I/O, no data access.
//
// The measures follow the UN Editorial Manual and the Office's Word templates: A4, Times New Roman,
// body text 10 pt on 12 pt, headings in bold with the hierarchy I. (14 pt), A. (12 pt), 1. and (a)
// (10 pt) and (i) (10 pt italic); body text indented 2 cm on both sides, so that heading numbers and
// subparagraph labels hang in front of the text. Headings are Word's own "Heading 1"… styles with
// outline levels, so Word's navigation pane, a table of contents, and mammoth all see them.

import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IPropertiesOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from "docx";

/** Twentieths of a point: 567 twips are one centimetre. */
export const TWIPS_PER_CM = 567;

/** A4 portrait, in twips. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Page margins of UN documents in A4 (Office templates): 3 cm top, 2 cm sides, 2.5 cm bottom. */
export const UN_PAGE_MARGINS = {
  top: 1701,
  right: 1134,
  bottom: 1417,
  left: 1134,
  header: 851,
  footer: 567,
  gutter: 0,
} as const;

/** Body text starts 2 cm in from the margin; heading numbers and labels hang in that space. */
export const UN_TEXT_INDENT = 2 * TWIPS_PER_CM;
/** The hang of a subparagraph label such as "(a)": 1 cm. */
export const UN_LABEL_HANG = TWIPS_PER_CM;

export const UN_FONT = "Times New Roman";
/** The author of every document the app issues, in Word's properties and so in the PDF. */
export const UN_AUTHOR = "United Nations";
/** UN English is British English: Word's spelling and hyphenation follow it. */
export const UN_LANGUAGE = "en-GB";

/** Font sizes in half-points, as `docx` takes them. */
export const UN_SIZE = { body: 20, footer: 18, h1: 28, h2: 24, h3: 20, title: 28 } as const;

/** Line spacing: 12 pt. "At least" rather than "exact", so that no accent is ever clipped. */
const LINE_12PT = { line: 240, lineRule: LineRuleType.AT_LEAST } as const;

/** Ids of the paragraph styles that `unStyles()` defines beside Word's built-in headings. */
export const UN_STYLE = {
  /** A body paragraph ("SingleTxt" in UN templates): indented 2 cm both sides, justified. */
  singleText: "SingleTxt",
  /** A subparagraph with its short label ("(a)", "(iv)", "1.") hanging in front of the text. */
  labelledText: "LabelledTxt",
  /** A label too long to hang ("Recommendation 1"), on its own line above its text. */
  labelLine: "LabelLine",
  /** The lines naming the body and session at the top of the first page. */
  masthead: "Masthead",
  /** The page header and footer lines. */
  headerFooter: "UNHeaderFooter",
} as const;

/**
 * A mammoth style map for reading these documents back as HTML (e.g. to show one in the browser):
 * headings come out as h1…h5 by mammoth's defaults; these name the UN paragraph styles.
 */
export const UN_MAMMOTH_STYLE_MAP = [
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='Single Txt'] => p:fresh",
  "p[style-name='Labelled Txt'] => p.labelled:fresh",
  "p[style-name='Label Line'] => p.label:fresh",
  "p[style-name='Masthead'] => p.masthead:fresh",
  "p[style-name='UN Header Footer'] => p.header-footer:fresh",
] as const;

/** Text that XML 1.0 cannot carry at all (C0 controls other than tab and line breaks): Word and Excel files drop it. */
export const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Word's proofing language of a run in one of the six official languages: East Asian, complex script (bidirectional) or Latin. */
export function wordRunLanguage(language: "ar" | "zh" | "en" | "fr" | "ru" | "es"): { value?: string; eastAsia?: string; bidirectional?: string } {
  const tag = { ar: "ar-SA", zh: "zh-CN", en: UN_LANGUAGE, fr: "fr-FR", ru: "ru-RU", es: "es-ES" }[language];
  return language === "zh" ? { eastAsia: tag } : language === "ar" ? { bidirectional: tag } : { value: tag };
}

/** The styles of a UN document: document defaults, Word's headings restyled, and UN_STYLE. */
export function unStyles(): IStylesOptions {
  const heading = (size: number, options: { italics?: boolean; before: number; after: number; outline: number }) => ({
    run: { font: UN_FONT, size, bold: !options.italics, italics: Boolean(options.italics), color: "000000" },
    paragraph: {
      // The number or letter hangs at the margin; the words align with the body text.
      indent: { left: UN_TEXT_INDENT, right: UN_TEXT_INDENT, hanging: UN_TEXT_INDENT },
      leftTabStop: UN_TEXT_INDENT,
      spacing: { before: options.before, after: options.after, ...LINE_12PT },
      keepNext: true,
      keepLines: true,
      outlineLevel: options.outline,
    },
  });
  return {
    default: {
      document: {
        run: { font: UN_FONT, size: UN_SIZE.body, language: { value: UN_LANGUAGE } },
        paragraph: { spacing: { before: 0, after: 0, ...LINE_12PT } },
      },
      title: {
        run: { font: UN_FONT, size: UN_SIZE.title, bold: true, color: "000000" },
        paragraph: {
          indent: { left: UN_TEXT_INDENT, right: UN_TEXT_INDENT },
          spacing: { before: 360, after: 240, line: 300, lineRule: LineRuleType.AT_LEAST },
          keepNext: true,
          keepLines: true,
        },
      },
      // Editorial Manual: I. 14 pt bold; A. 12 pt bold; 1. 10 pt bold; (a) 10 pt bold; (i) 10 pt italic.
      heading1: heading(UN_SIZE.h1, { before: 360, after: 240, outline: 0 }),
      heading2: heading(UN_SIZE.h2, { before: 240, after: 120, outline: 1 }),
      heading3: heading(UN_SIZE.h3, { before: 240, after: 120, outline: 2 }),
      heading4: heading(UN_SIZE.h3, { before: 240, after: 120, outline: 3 }),
      heading5: heading(UN_SIZE.h3, { italics: true, before: 240, after: 120, outline: 4 }),
    },
    paragraphStyles: [
      {
        id: UN_STYLE.singleText,
        name: "Single Txt",
        basedOn: "Normal",
        next: UN_STYLE.singleText,
        quickFormat: true,
        paragraph: {
          indent: { left: UN_TEXT_INDENT, right: UN_TEXT_INDENT },
          spacing: { after: 120, ...LINE_12PT },
          alignment: AlignmentType.BOTH,
        },
      },
      {
        id: UN_STYLE.labelledText,
        name: "Labelled Txt",
        basedOn: UN_STYLE.singleText,
        next: UN_STYLE.labelledText,
        quickFormat: true,
        paragraph: {
          indent: { left: UN_TEXT_INDENT + UN_LABEL_HANG, right: UN_TEXT_INDENT, hanging: UN_LABEL_HANG },
          leftTabStop: UN_TEXT_INDENT + UN_LABEL_HANG,
        },
      },
      {
        id: UN_STYLE.labelLine,
        name: "Label Line",
        basedOn: UN_STYLE.singleText,
        next: UN_STYLE.singleText,
        quickFormat: true,
        run: { bold: true },
        paragraph: { spacing: { before: 120, after: 60, ...LINE_12PT }, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT },
      },
      {
        id: UN_STYLE.masthead,
        name: "Masthead",
        basedOn: "Normal",
        next: UN_STYLE.masthead,
        quickFormat: true,
        paragraph: { keepNext: true, keepLines: true },
      },
      {
        id: UN_STYLE.headerFooter,
        name: "UN Header Footer",
        basedOn: "Normal",
        run: { size: UN_SIZE.footer, bold: true },
      },
    ],
  };
}

/** A4 portrait with UN margins; pass `titlePage` for a first page without header and footer. */
export function unPageProperties(options: { titlePage?: boolean } = {}): ISectionPropertiesOptions {
  return {
    page: { size: { width: A4.width, height: A4.height }, margin: UN_PAGE_MARGINS },
    titlePage: options.titlePage ?? false,
  };
}

/**
 * Runs for a piece of text, exactly as typed (square brackets and all): a single line break
 * becomes a line break in Word; characters XML cannot carry are dropped.
 */
export function unTextRuns(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return text
    .replace(NOT_XML, "")
    .split(/\r\n?|\n/)
    .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, ...options }));
}

/** A body paragraph. */
export function unParagraph(text: string, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ style: UN_STYLE.singleText, widowControl: true, keepNext: options.keepNext, children: unTextRuns(text) });
}

const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5] as const;

/**
 * A heading at level 1 (I.) to 5 ((i)). With a label ("I.", "A.", "1.", "(a)") the label hangs at the
 * margin and the words align with the text; without one, the words start where the text does.
 */
export function unHeading(level: 1 | 2 | 3 | 4 | 5, text: string, label?: string | null): Paragraph {
  return new Paragraph({
    heading: HEADING_LEVELS[level - 1],
    ...(label ? {} : { indent: { left: UN_TEXT_INDENT, hanging: 0 } }),
    children: label ? [new TextRun(label), new TextRun({ text: "\t" }), ...unTextRuns(text)] : unTextRuns(text),
  });
}

/** The title of the document (Word's "Title" style, restyled). */
export function unTitle(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: unTextRuns(text) });
}

/** Labels up to this many characters hang in front of the text; longer ones get a line of their own. */
export const UN_MAX_HANGING_LABEL = 6;

/**
 * A labelled subparagraph: "(a)" hangs in front of the first paragraph of text; a long label such
 * as "Recommendation 1" stands on its own line, kept with the text. Paragraphs after the first
 * align with the text.
 */
export function unLabelledParagraphs(label: string, paragraphs: string[]): Paragraph[] {
  const [first = "", ...rest] = paragraphs;
  const continuation = (text: string, hanging: boolean) =>
    new Paragraph({
      style: UN_STYLE.singleText,
      widowControl: true,
      indent: hanging ? { left: UN_TEXT_INDENT + UN_LABEL_HANG } : undefined,
      children: unTextRuns(text),
    });
  if (label.length <= UN_MAX_HANGING_LABEL) {
    return [
      new Paragraph({
        style: UN_STYLE.labelledText,
        widowControl: true,
        children: [new TextRun(label), new TextRun({ text: "\t" }), ...unTextRuns(first)],
      }),
      ...rest.map((text) => continuation(text, true)),
    ];
  }
  return [
    new Paragraph({ style: UN_STYLE.labelLine, children: unTextRuns(label) }),
    continuation(first, false),
    ...rest.map((text) => continuation(text, false)),
  ];
}

/** The short centred rule that closes a UN document. */
export function unEndRule(): Paragraph {
  const inset = (A4.width - UN_PAGE_MARGINS.left - UN_PAGE_MARGINS.right - 3 * TWIPS_PER_CM) / 2;
  return new Paragraph({
    indent: { left: inset, right: inset },
    spacing: { before: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

/** A bold notice in a box across the text, e.g. "Draft – not circulated" at the top of a preview. */
export function unBoxedNotice(text: string): Paragraph {
  const side = { style: BorderStyle.SINGLE, size: 12, color: "000000", space: 4 } as const;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    keepNext: true,
    border: { top: side, bottom: side, left: side, right: side },
    children: unTextRuns(text, { bold: true, size: UN_SIZE.h2 }),
  });
}

/** A thick rule under the masthead, as on the first page of UN documents. */
export function unMastheadRule(): Paragraph {
  return new Paragraph({
    style: UN_STYLE.masthead,
    spacing: { after: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: "000000", space: 4 } },
    children: [],
  });
}

type OuterEdge = (typeof AlignmentType)["LEFT"] | (typeof AlignmentType)["RIGHT"];

/**
 * The running header and the page number at the outer edge of each page, as in a bound UN document:
 * right on odd pages, left on even ones. The header line (the document symbol, or a "Draft" mark) is
 * optional. Use with `evenAndOddHeaderAndFooters`, as `createUnDocument` does.
 */
export function unHeadersAndFooters(options: { headerText?: string | null } = {}) {
  const pageNumber = (alignment: OuterEdge) =>
    new Footer({
      children: [new Paragraph({ style: UN_STYLE.headerFooter, alignment, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
    });
  const header = (alignment: OuterEdge) =>
    new Header({
      children: [
        new Paragraph({
          style: UN_STYLE.headerFooter,
          alignment,
          children: options.headerText ? unTextRuns(options.headerText) : [],
        }),
      ],
    });
  return {
    headers: { default: header(AlignmentType.RIGHT), even: header(AlignmentType.LEFT) },
    footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
  };
}

/** A line of the masthead at the top of the first page; `alignment: "right"` for "Non-paper". */
export function unMastheadLine(text: string, options: { bold?: boolean; size?: number; alignment?: "left" | "right" } = {}): Paragraph {
  return new Paragraph({
    style: UN_STYLE.masthead,
    alignment: options.alignment === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: unTextRuns(text, { bold: options.bold, size: options.size }),
  });
}

/**
 * A whole UN document: one A4 section with UN styles, page numbers in the footer, an optional
 * header line on every page, and the document's properties. Other options (footnotes, numbering)
 * pass through to `docx`.
 */
export function createUnDocument(options: {
  title: string;
  subject?: string;
  description?: string;
  headerText?: string | null;
  /** Paragraphs and tables, top to bottom. */
  children: FileChild[];
  footnotes?: IPropertiesOptions["footnotes"];
  numbering?: IPropertiesOptions["numbering"];
}): Document {
  return new Document({
    title: options.title,
    subject: options.subject,
    description: options.description,
    // The author a PDF made from it carries too: the document is the United Nations', not the app's.
    creator: UN_AUTHOR,
    lastModifiedBy: "Nonpaper",
    styles: unStyles(),
    evenAndOddHeaderAndFooters: true,
    footnotes: options.footnotes,
    numbering: options.numbering,
    sections: [
      {
        properties: unPageProperties(),
        ...unHeadersAndFooters({ headerText: options.headerText }),
        children: options.children,
      },
    ],
  });
}
