// The Chair's revised discussion points (Rev.1) as a Word document. Pure: model in, bytes out.
//
// Tracked: Word's own tracked changes against the circulated text, word by word (app/lib/redline.ts),
// so that delegations can read the changes in Word's review pane and accept or reject them: accepting
// all gives the Rev.1 text, rejecting all the circulated one. Paragraph marks are tracked too, so a
// new or deleted point leaves no empty paragraph behind, and a paragraph split or joined in Rev.1
// is one as well. Clean: the Rev.1 wording only, without a single revision.

import { InsertedTextRun, DeletedTextRun, Packer, Paragraph, TextRun, type ParagraphChild } from "docx";
import { redline, type RedlineKind, type RedlineSegment } from "~/lib/redline";
import { paragraphsOf } from "./non-paper";
import {
  createUnDocument,
  NOT_XML,
  UN_LABEL_HANG,
  UN_MAX_HANGING_LABEL,
  UN_STYLE,
  UN_TEXT_INDENT,
  unEndRule,
  unHeading,
  unParagraph,
  unTextRuns,
  unTitle,
  wordRunLanguage,
} from "./un-styles";

export type RevisionDocPoint = {
  /** Rev.1 label, e.g. "(c)". */
  label: string;
  /** The label in the circulated text when it differs (relabelled or merged: "(b), (d)"); null when the same, or new. */
  formerLabel: string | null;
  /** The circulated wording it replaces (merged points: their texts joined by "\n\n"); null: new in Rev.1. */
  former: string | null;
  /** The Rev.1 wording. */
  text: string;
};

export type RevisionDocItem = {
  /** E.g. "2. Technical assistance" (already composed). */
  heading: string;
  /** The sentence introducing the points. */
  introduction: string | null;
  points: RevisionDocPoint[];
  /** Circulated points with no successor in Rev.1. */
  deleted: { label: string; text: string }[];
};

export type RevisionDocument = {
  /** E.g. "Revised discussion points (Rev.1)". */
  title: string;
  /** The consultation's title. */
  subtitle: string;
  /** One line under the title, e.g. which circulation the changes are shown against. */
  note: string | null;
  /** Author of the tracked changes: "Secretariat" or the Chair's name. */
  author: string;
  /** Date of the tracked changes. */
  date: Date;
  items: RevisionDocItem[];
};

/**
 * Stands for a paragraph break inside a redlined text: a token of its own (neither whitespace nor a
 * letter), so that a paragraph break is diffed like a word and can be equal, inserted or deleted.
 * It cannot occur in the text itself: NOT_XML characters are dropped first.
 */
const PARAGRAPH_BREAK = "\u0001";

/** Every tracked change needs an id unique in the document. */
type Revisions = { author: string; date: string; next: () => number };

/** A paragraph of runs, and whether its paragraph mark is kept, inserted or deleted. */
type TrackedParagraph = { children: ParagraphChild[]; mark: RedlineKind };

const ARABIC = /\p{Script=Arabic}/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN_OR_CYRILLIC = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** Word's proofing language (and direction) of a run, from its script: Latin text keeps the document's language. */
function runLanguage(text: string) {
  if (ARABIC.test(text)) return { language: wordRunLanguage("ar"), rightToLeft: !LATIN_OR_CYRILLIC.test(text) };
  if (HAN.test(text)) return { language: wordRunLanguage("zh") };
  return {};
}

/** Arabic text is set right to left: the paragraph's direction follows the script most of its letters are in. */
function isRightToLeft(text: string): boolean {
  let arabic = 0;
  let other = 0;
  for (const [letter] of text.matchAll(/\p{L}/gu)) {
    if (ARABIC.test(letter)) arabic++;
    else other++;
  }
  return arabic > other;
}

function clean(text: string): string {
  return text.replace(NOT_XML, "").replace(/\r\n?/g, "\n");
}

/** The runs of a piece of text of one kind: a single line break is a line break in Word. */
function runs(text: string, kind: RedlineKind, revisions: Revisions): ParagraphChild[] {
  return text.split("\n").flatMap((line, index): ParagraphChild[] => {
    if (line === "" && index === 0) return [];
    const options = { text: line, break: index > 0 ? 1 : undefined, ...runLanguage(line) };
    if (kind === "equal") return [new TextRun(options)];
    const change = { id: revisions.next(), author: revisions.author, date: revisions.date };
    return [kind === "insert" ? new InsertedTextRun({ ...options, ...change }) : new DeletedTextRun({ ...options, ...change })];
  });
}

/**
 * Splits redline segments into paragraphs at PARAGRAPH_BREAK: a break in an equal segment is in
 * both texts, one in an inserted or deleted segment is an inserted or deleted paragraph mark.
 * `lastMark` is what becomes of the mark of the last paragraph (inserted for a new point).
 */
function trackedParagraphs(segments: RedlineSegment[], lastMark: RedlineKind, revisions: Revisions): TrackedParagraph[] {
  const paragraphs: TrackedParagraph[] = [];
  let children: ParagraphChild[] = [];
  for (const segment of segments) {
    segment.text.split(PARAGRAPH_BREAK).forEach((piece, index) => {
      if (index > 0) {
        paragraphs.push({ children, mark: segment.kind });
        children = [];
      }
      if (piece !== "") children.push(...runs(piece, segment.kind, revisions));
    });
  }
  paragraphs.push({ children, mark: lastMark });
  return paragraphs;
}

/**
 * The redline of a point's wording. Paragraph by paragraph when the two have as many paragraphs
 * (each paragraph is then compared with its counterpart); otherwise the whole texts, with the
 * paragraph breaks compared as words.
 */
function pointSegments(former: string[], text: string[]): RedlineSegment[] {
  if (former.length === text.length) {
    return text.flatMap((paragraph, index) => [
      ...(index > 0 ? [{ kind: "equal" as const, text: PARAGRAPH_BREAK }] : []),
      ...redline(former[index] ?? "", paragraph),
    ]);
  }
  return redline(former.join(PARAGRAPH_BREAK), text.join(PARAGRAPH_BREAK));
}

/** Run properties of a paragraph mark that is inserted or deleted. */
function markRun(mark: RedlineKind, revisions: Revisions) {
  if (mark === "equal") return undefined;
  const change = { id: revisions.next(), author: revisions.author, date: revisions.date };
  return mark === "insert" ? { insertion: change } : { deletion: change };
}

/**
 * A labelled point, laid out as unLabelledParagraphs does: a short label hangs in front of the
 * first paragraph, a long one stands on a line of its own; later paragraphs align with the text.
 */
function pointParagraphs(
  label: { runs: ParagraphChild[]; tab: RedlineKind; length: number; mark: RedlineKind },
  paragraphs: TrackedParagraph[],
  options: { rightToLeft: boolean },
  revisions: Revisions,
): Paragraph[] {
  const hanging = label.length <= UN_MAX_HANGING_LABEL;
  const paragraph = (p: TrackedParagraph, style: string, children: ParagraphChild[], indent?: { left: number }) =>
    new Paragraph({ style, widowControl: true, indent, bidirectional: options.rightToLeft || undefined, run: markRun(p.mark, revisions), children });
  const [first = { children: [], mark: "equal" as const }, ...rest] = paragraphs;
  if (hanging) {
    return [
      paragraph(first, UN_STYLE.labelledText, [...label.runs, ...runs("\t", label.tab, revisions), ...first.children]),
      ...rest.map((p) => paragraph(p, UN_STYLE.singleText, p.children, { left: UN_TEXT_INDENT + UN_LABEL_HANG })),
    ];
  }
  return [
    new Paragraph({ style: UN_STYLE.labelLine, keepNext: true, keepLines: true, run: markRun(label.mark, revisions), children: label.runs }),
    ...paragraphs.map((p) => paragraph(p, UN_STYLE.singleText, p.children)),
  ];
}

function revisedPoint(point: RevisionDocPoint, tracked: boolean, revisions: Revisions): Paragraph[] {
  const text = paragraphsOf(clean(point.text));
  const label = clean(point.label);
  const rightToLeft = isRightToLeft(point.text);
  if (!tracked) {
    const segments: RedlineSegment[] = [{ kind: "equal", text: text.join(PARAGRAPH_BREAK) }];
    const labelRuns = runs(label, "equal", revisions);
    return pointParagraphs(
      { runs: labelRuns, tab: "equal", length: label.length, mark: "equal" },
      trackedParagraphs(segments, "equal", revisions),
      { rightToLeft },
      revisions,
    );
  }
  if (point.former === null) {
    // New in Rev.1: everything inserted, paragraph marks included.
    const segments: RedlineSegment[] = [{ kind: "insert", text: text.join(PARAGRAPH_BREAK) }];
    return pointParagraphs(
      { runs: runs(label, "insert", revisions), tab: "insert", length: label.length, mark: "insert" },
      trackedParagraphs(segments, "insert", revisions),
      { rightToLeft },
      revisions,
    );
  }
  const formerLabel = point.formerLabel === null ? null : clean(point.formerLabel);
  const labelRuns =
    formerLabel === null || formerLabel === label
      ? runs(label, "equal", revisions)
      : [...runs(formerLabel, "delete", revisions), ...runs(label, "insert", revisions)];
  const segments = pointSegments(paragraphsOf(clean(point.former)), text);
  return pointParagraphs(
    { runs: labelRuns, tab: "equal", length: label.length, mark: "equal" },
    trackedParagraphs(segments, "equal", revisions),
    { rightToLeft },
    revisions,
  );
}

/** A circulated point without a successor: label, text and paragraph marks all deleted. */
function deletedPoint(point: { label: string; text: string }, revisions: Revisions): Paragraph[] {
  const label = clean(point.label);
  const segments: RedlineSegment[] = [{ kind: "delete", text: paragraphsOf(clean(point.text)).join(PARAGRAPH_BREAK) }];
  return pointParagraphs(
    { runs: runs(label, "delete", revisions), tab: "delete", length: label.length, mark: "delete" },
    trackedParagraphs(segments, "delete", revisions),
    { rightToLeft: isRightToLeft(point.text) },
    revisions,
  );
}

/** "2. Technical assistance": the number hangs in front of the words, as in the non-paper's headings. */
function itemHeading(heading: string): Paragraph {
  const numbered = /^([IVXLC]+\.|[A-Z]\.|\d+(?:\.\d+)*\.)[ \t]+(\S[\s\S]*)$/u.exec(heading);
  return numbered ? unHeading(1, numbered[2] ?? "", numbered[1]) : unHeading(1, heading);
}

/** ISO 8601 without milliseconds, as Word writes the date of a change. */
function revisionDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The revised discussion points in Word's format (.docx): with tracked changes against the circulated text, or clean. */
export async function renderRevisionDocx(doc: RevisionDocument, options: { tracked: boolean }): Promise<Buffer> {
  let id = 0;
  const revisions: Revisions = { author: clean(doc.author), date: revisionDate(doc.date), next: () => ++id };
  const children: Paragraph[] = [unTitle(doc.title)];
  children.push(new Paragraph({ style: UN_STYLE.singleText, keepNext: true, children: unTextRuns(doc.subtitle, { bold: true }) }));
  if (doc.note) children.push(unParagraph(doc.note, { keepNext: true }));

  for (const item of doc.items) {
    children.push(itemHeading(clean(item.heading)));
    // The introduction stays on the page of the first point it introduces.
    if (item.introduction) for (const text of paragraphsOf(item.introduction)) children.push(unParagraph(text, { keepNext: item.points.length > 0 }));
    for (const point of item.points) children.push(...revisedPoint(point, options.tracked, revisions));
    if (options.tracked) for (const point of item.deleted) children.push(...deletedPoint(point, revisions));
  }
  children.push(unEndRule());

  const document = createUnDocument({ title: doc.title, subject: doc.subtitle, description: doc.note ?? undefined, children });
  return Packer.toBuffer(document);
}
