// Splits text pasted from a UN report (an annex or a recommendations section, extracted
// from a PDF) into agenda items and discussion points for the secretariat to review before
// saving. Pure functions, no I/O: the same code runs in the browser preview and on the server.
//
// Three layouts are recognised:
//   letter style          A. <title>  then  (a) <text>, (b) <text> …   (2020 annex)
//   recommendation style  A. <title>  then  7. <intro>  then  Recommendation 1 / <text> …  (2023)
//   paragraph style       <title>  then  5. <intro ending in ":">  then  6. <text>, 7. <text> …  (2018)
// Numbered report paragraphs ("6. At its meeting …") are points only in the third layout, right
// after a paragraph that announces them; elsewhere they are introductions or left out.
// A heading is "A. <title>" or, without a letter, a short line on its own that does not end a
// sentence and is followed by a numbered paragraph or a point ("Working Group on …").
//
// reviewFromText() gives the same result as a list the officer corrects before saving, with
// what was left out kept in place as plain lines; applyReviewOp() applies one correction.

export type ImportWarningCode = "no_points_found" | "label_out_of_sequence" | "duplicate_label" | "unbalanced_brackets" | "ignored_line";

/**
 * A problem the reviewer should look at. `code` is translated by the UI; `line` is 1-based in
 * the pasted text (0 when the warning concerns the whole text); `detail` is the offending text:
 * the label ("(c)", "Recommendation 4", "B") for label warnings, the source line holding the
 * first unmatched bracket for `unbalanced_brackets`, the dropped paragraph for `ignored_line`,
 * and "" for `no_points_found`.
 */
export interface ImportWarning {
  code: ImportWarningCode;
  line: number;
  detail: string;
}

export interface ParsedPoint {
  /** "(a)" or "Recommendation 1". */
  label: string;
  /** Paragraphs joined with "\n\n"; wrapped lines joined with one space; hyphens untouched. */
  text: string;
}

export interface ParsedAgendaItem {
  /** "A", "B" …; null when the points were pasted without any heading. */
  heading: string | null;
  /** Heading text without its letter; "" when there is no heading. */
  title: string;
  /** Text between the heading and the first point, paragraph numbers removed; null if none. */
  introduction: string | null;
  points: ParsedPoint[];
}

export interface ParsedImport {
  agendaItems: ParsedAgendaItem[];
  warnings: ImportWarning[];
}

// ---------------------------------------------------------------------------------------------
// Lines

interface SourceLine {
  no: number;
  text: string;
}

// Every line break a paste can contain; CRLF counts once so line numbers match the editor.
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
// NBSP, tabs, form feeds (pdftotext's page break) and the other space characters.
const ODD_SPACE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Invisible characters PDF extraction leaves behind. ZWJ/ZWNJ are kept: Arabic script needs them.
const INVISIBLE = /[\u200B\u2060\uFEFF]/g;
// A soft hyphen marks where a PDF broke a word. Inside a line it is dropped; at the end of a line
// it stays until the wrapped lines are joined, where it joins the two halves without a space.
const SOFT_HYPHEN = "\u00AD";
const INNER_SOFT_HYPHEN = /\u00AD(?!\s*$)/g;
// Typographic ligatures that PDF text extraction copies as single characters ("ﬁnancial").
const LIGATURES: Record<string, string> = { "\uFB00": "ff", "\uFB01": "fi", "\uFB02": "fl", "\uFB03": "ffi", "\uFB04": "ffl", "\uFB05": "st", "\uFB06": "st" };
const LIGATURE = /[\uFB00-\uFB06]/g;

function cleanLine(raw: string): string {
  let s = raw
    .replace(INVISIBLE, "")
    .replace(INNER_SOFT_HYPHEN, "")
    .replace(LIGATURE, (c) => LIGATURES[c] ?? c)
    .replace(ODD_SPACE, " ")
    .trim();
  // Some PDF-to-text converters emit Markdown: "### **A. Title**". UN text never uses these.
  s = s
    .replace(/^#{1,6}\s+/, "")
    .replace(/^(?:\*\*|__)/, "")
    .replace(/(?:\*\*|__)$/, "");
  return s.replace(/ {2,}/g, " ").trim();
}

function toLines(text: string): SourceLine[] {
  return text.split(LINE_BREAK).map((raw, i) => ({ no: i + 1, text: cleanLine(raw) }));
}

// ---------------------------------------------------------------------------------------------
// Line classification

type LineKind =
  | { kind: "blank" }
  | { kind: "debris" }
  | { kind: "footnote" }
  | { kind: "heading"; letter: string; title: string }
  | { kind: "chapter" }
  | { kind: "recommendation"; num: number; rest: string }
  | { kind: "letter"; letter: string; rest: string }
  | { kind: "subitem" }
  | { kind: "numbered"; prefix: string; rest: string }
  | { kind: "text" };

// Page furniture that carries no content: dropped silently.
const DEBRIS = [
  /^\d{1,4}$/, // page number
  /^[-–—]\s*\d{1,4}\s*[-–—]$/, // "- 3 -"
  /^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // "2/5"
  /^(?:[A-Z]{1,2}\.)?\d{2}-\d{5}\b/, // UN job number footer, odd page: "V.20-03456 3/5"
  /^\d{1,4}\s*\/\s*\d{1,4}\s+(?:[A-Z]{1,2}\.)?\d{2}-\d{5}$/, // even page: "2/5 V.20-03456"
  /^[-_*=—–·•]{3,}$/, // separator rules
  /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+$/, // a lone footnote mark
];
// A document symbol alone on a line is a running page header when a blank line or other page
// furniture is next to it (PDF copies put header and footer lines together, often without blank
// lines). Between two lines of text, or ending a sentence ("… in CTOC/COP/2020/3."), it is content.
const SYMBOL_ONLY = /^[A-Z]{1,10}(?:\/[A-Za-z0-9.-]+){2,}(?<![.-])$/;
const isFurniture = (s: string | undefined) => s === undefined || s === "" || DEBRIS.some((re) => re.test(s));

// Footnotes carry content, so they are reported as ignored lines rather than dropped silently.
const FOOTNOTE = [
  /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S/,
  /^<sup>\s*\d+\s*<\/sup>/i,
  // A plain digit is only trusted as a footnote mark before typical footnote text; otherwise
  // a wrapped line such as "10 July 2020, the …" would be lost.
  /^\d{1,3}\s+(?:[A-Z]{1,10}\/[\w./-]+|See\s|Ibid\b|Official Records\b)/,
];

const RECOMMENDATION = /^Recommendation\s+(\d{1,3})\s*(?:[.:\u2013\u2014-]\s*(.*))?$/i;
// An optional bullet ("- (a)") comes from converters that render lists as Markdown.
const PAREN_LABEL = /^(?:[-–•*▪]\s*)?\(([a-z]{1,5})\)\s*(.*)$/;
const LOWER_ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
const NUMBERED = /^(?:[-–•*]\s+)?(\d{1,3})\.(?:\s+(.*))?$/;
const LETTER_HEADING = /^([A-Z])\.(?:\s+(.*))?$/;
const ROMAN_HEADING = /^([IVX]{2,6})\.\s+(.*)$/;
const UPPER_ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
// Headings start with a capital (or a quote/bracket); "A. and B. …" in running text does not.
const TITLE_START = /^[\p{Lu}\p{Lt}"“‘'«[(]/u;
// Chapters of a report that never hold discussion points or recommendations.
const PROCEDURAL_CHAPTER =
  /^(?:Introduction|Organi[sz]ation of (?:the )?(?:work|meetings?|session)|Summary of (?:the )?deliberations|Adoption of the report|Attendance|Documentation)\b/i;
// The longest heading without a letter: about two printed lines (agenda item titles run long).
const PLAIN_HEADING_MAX = 250;

function classify(lines: SourceLine[], i: number): LineKind {
  const s = lines[i]?.text ?? "";
  if (s === "") return { kind: "blank" };
  if (DEBRIS.some((re) => re.test(s))) return { kind: "debris" };
  if (SYMBOL_ONLY.test(s) && (isFurniture(lines[i - 1]?.text) || isFurniture(lines[i + 1]?.text))) return { kind: "debris" };
  if (FOOTNOTE.some((re) => re.test(s))) return { kind: "footnote" };

  let m = RECOMMENDATION.exec(s);
  if (m) return { kind: "recommendation", num: Number(m[1]), rest: m[2] ?? "" };

  m = PAREN_LABEL.exec(s);
  if (m) {
    const key = m[1] ?? "";
    if (key.length === 1) return { kind: "letter", letter: key, rest: m[2] ?? "" };
    if (LOWER_ROMAN.test(key)) return { kind: "subitem" };
    return { kind: "text" };
  }

  m = NUMBERED.exec(s);
  if (m) return { kind: "numbered", prefix: `${m[1]}.`, rest: m[2] ?? "" };

  m = LETTER_HEADING.exec(s);
  if (m) {
    const title = m[2] ?? "";
    if (title === "" || TITLE_START.test(title)) {
      return { kind: "heading", letter: m[1] ?? "", title };
    }
  }

  m = ROMAN_HEADING.exec(s);
  if (m && UPPER_ROMAN.test(m[1] ?? "") && TITLE_START.test(m[2] ?? "")) return { kind: "chapter" };

  return { kind: "text" };
}

// ---------------------------------------------------------------------------------------------
// Paragraph helpers

interface Seg {
  line: number;
  text: string;
}

interface Para {
  segs: Seg[];
  /** "6." for a numbered paragraph; shown again if the paragraph ends up ignored. */
  prefix: string;
  /** Headings only continue over a blank line when the next line starts in lower case. */
  titleLike: boolean;
}

const paraText = (p: Para): string =>
  p.segs
    .reduce((text, seg) => (text === "" ? seg.text : text.endsWith(SOFT_HYPHEN) ? text.slice(0, -1) + seg.text : `${text} ${seg.text}`), "")
    .replaceAll(SOFT_HYPHEN, "");

// Closing quotes, brackets and footnote marks may follow the full stop: "thereto.”", "2020].¹".
const TRAILING_CLOSERS = /[\s"”’'»)\]¹²³⁴⁵⁶⁷⁸⁹⁰*]+$/;
function endsSentence(text: string): boolean {
  return /[.;:!?…]$/.test(text.replace(TRAILING_CLOSERS, ""));
}

const startsLowercase = (s: string): boolean => /^\p{Ll}/u.test(s);
const nextLetter = (c: string): string => String.fromCharCode(c.charCodeAt(0) + 1);
const prevLetter = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 1);

/** The first bracket without a partner, with the line it is on; null if balanced. */
function firstUnbalanced(segs: Seg[]): Seg | null {
  const open: Seg[] = [];
  for (const seg of segs) {
    for (const ch of seg.text) {
      if (ch === "[") open.push(seg);
      else if (ch === "]" && open.pop() === undefined) return seg;
    }
  }
  return open[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Parser

interface PointBuilder {
  label: string;
  /** The line of the label, so that left-out text can be put back in place for the review. */
  line: number;
  paras: Para[];
}

interface ItemBuilder {
  heading: string | null;
  /** The line of the heading; for an item without one, the line of its first point. */
  line: number;
  title: Para;
  intro: Para[];
  points: PointBuilder[];
  lastLetter: string | null;
  letters: Set<string>;
  /** The number of the last paragraph taken as a point ("8." gives 8); null in other layouts. */
  lastNumber: number | null;
  /** Under a chapter such as "III. Organization of the meeting" (see PROCEDURAL_CHAPTER). */
  procedural: boolean;
}

type Sink =
  | { kind: "preamble"; paras: Para[] }
  | { kind: "title"; paras: Para[]; item: ItemBuilder }
  | { kind: "intro"; paras: Para[] }
  | { kind: "point"; paras: Para[] }
  | { kind: "ignored"; paras: Para[] };

/**
 * Splits pasted report text into agenda items (sections "A.", "B." …) and their points.
 *
 * Decisions for ambiguous input (PDF text has no reliable structure):
 * - Style: if any line is "Recommendation N", the text is in recommendation style and "(a)"
 *   lines are sub-lists inside a recommendation; otherwise "(a)" lines are the points.
 * - Wrapped lines are joined with a space. Across blank lines a paragraph continues when the
 *   previous text has no sentence-final punctuation or the next line starts in lower case
 *   (page breaks in mid-sentence); structural lines (headings, labels, numbered paragraphs)
 *   after a blank line always start something new.
 * - A line directly wrapped from an unfinished sentence is only taken as a heading or label if
 *   it is the next one expected, so "… in subparagraph\n(d) of article 5" stays text.
 * - Single-letter "I.", "V.", "X." are section headings only right after "H.", "U.", "W.";
 *   otherwise they and "II.", "III." … are chapter headings, which end the current item and
 *   restart heading lettering. Text under a chapter heading belongs to no item (ignored).
 * - "(i)", "(v)", "(x)" are letter labels only when that letter is next; otherwise, like
 *   "(ii)", "(iii)" …, they are a sub-list and stay in the current point as paragraphs.
 * - Text before the first heading is ignored (with a warning) — unless points come before any
 *   heading: then it is the introduction of an item with heading null and title "".
 * - Numbered paragraphs before an item's first point form its introduction (number removed);
 *   after the first point they and what follows them are ignored with a warning. Except in
 *   paragraph style: when the introduction's last paragraph ends with ":" ("The following
 *   recommendations were formulated …:"), the numbered paragraphs that follow it, numbered on
 *   from it, are the points (label "6."), and "(a)" lines inside them are sub-lists.
 * - A line without a letter is a heading (heading null) when it is a paragraph of its own, short,
 *   starts with a capital, has no closing punctuation, follows finished text and is followed by
 *   a numbered paragraph or a point. Right after another heading it is a subtitle: introduction.
 * - Letters restart at "(a)" in each item, so a first point other than "(a)" is out of
 *   sequence. Headings and recommendation numbers run on through a document, so an excerpt may
 *   start anywhere; only later gaps are warned. Duplicates are warned instead of gaps.
 * - Page numbers, separators, job-number footers and lone document symbols are dropped
 *   silently; footnotes (with their wrapped lines) are dropped with an `ignored_line` warning.
 */
export function parseDiscussionPoints(text: string): ParsedImport {
  const { agendaItems, warnings } = parseText(text);
  return { agendaItems, warnings };
}

interface ParsedText extends ParsedImport {
  items: ItemBuilder[];
  /** Paragraphs that belong to no item or point, footnotes included, in no particular order. */
  leftOut: Para[];
}

function parseText(text: string): ParsedText {
  const lines = toLines(text);
  const recommendationStyle = lines.some((l) => RECOMMENDATION.test(l.text));

  const warnings: ImportWarning[] = [];
  const items: ItemBuilder[] = [];
  const ignored: Para[] = [];
  const footnotes: Para[] = [];
  // Text seen before the first heading or point; where it goes is decided by what comes first.
  // The casts stop TypeScript narrowing these to their initial values: the helper closures
  // below reassign them, which control-flow analysis does not see.
  const initialPreamble: Para[] = [];
  let preamble = initialPreamble as Para[] | null;
  let item = null as ItemBuilder | null;
  let sink = { kind: "preamble", paras: initialPreamble } as Sink;
  let blankSince = false;
  let inFootnote = false;
  let lastHeading = null as string | null;
  let headingsSeen = new Set<string>();
  let lastRecommendation = null as number | null;
  const recommendationsSeen = new Set<number>();
  let procedural = false;

  const warn = (code: ImportWarningCode, line: number, detail: string) => {
    warnings.push({ code, line, detail });
  };
  const newPara = (seg: Seg | null, prefix = "", titleLike = false): Para => ({
    segs: seg && seg.text !== "" ? [seg] : [],
    prefix,
    titleLike,
  });

  // The current text stops in mid-sentence (so a following wrapped line continues it).
  const midSentence = (): boolean => {
    const last = sink.paras.at(-1);
    return last !== undefined && !last.titleLike && !endsSentence(paraText(last));
  };

  const resolvePreamble = (into: ItemBuilder | null) => {
    if (!preamble) return;
    for (const p of preamble) (into && !p.titleLike ? into.intro : ignored).push(p);
    preamble = null;
  };

  const addText = (seg: Seg, afterBlank: boolean, forceNew: boolean) => {
    const last = sink.paras.at(-1);
    if (last) {
      const continues = forceNew
        ? !afterBlank && midSentence()
        : !afterBlank || last.segs.length === 0 || startsLowercase(seg.text) || (!last.titleLike && !endsSentence(paraText(last)));
      if (continues) {
        last.segs.push(seg);
        return;
      }
    }
    // A heading ends at its first new paragraph; what follows introduces the item.
    if (sink.kind === "title") sink = { kind: "intro", paras: sink.item.intro };
    sink.paras.push(newPara(seg));
  };

  const expectedLetter = (it: ItemBuilder | null) => (it?.lastLetter ? nextLetter(it.lastLetter) : "a");

  // `letter` is null for a heading without one; lettering then runs on past it.
  const startHeading = (letter: string | null, seg: Seg) => {
    if (letter !== null) {
      if (headingsSeen.has(letter)) warn("duplicate_label", seg.line, letter);
      else if (lastHeading !== null && letter !== nextLetter(lastHeading)) {
        warn("label_out_of_sequence", seg.line, letter);
      }
      lastHeading = letter;
      headingsSeen.add(letter);
    }
    resolvePreamble(null);
    const created: ItemBuilder = {
      heading: letter,
      line: seg.line,
      title: newPara(seg, "", true),
      intro: [],
      points: [],
      lastLetter: null,
      letters: new Set(),
      lastNumber: null,
      procedural,
    };
    items.push(created);
    item = created;
    sink = { kind: "title", paras: [created.title], item: created };
  };

  const startChapter = (seg: Seg) => {
    procedural = PROCEDURAL_CHAPTER.test(seg.text.replace(/^[IVX]{1,6}\.\s*/, ""));
    lastHeading = null;
    headingsSeen = new Set();
    item = null;
    const para = newPara(seg, "", true);
    if (preamble) {
      preamble.push(para);
      sink = { kind: "preamble", paras: preamble };
    } else {
      ignored.push(para);
      sink = { kind: "ignored", paras: ignored };
    }
  };

  // Returns the item the point went into, or null when there is none (under a chapter heading).
  const startPoint = (label: string, rest: Seg): ItemBuilder | null => {
    if (!item) {
      if (!preamble) return null;
      const implicit: ItemBuilder = {
        heading: null,
        line: rest.line,
        title: newPara(null, "", true),
        intro: [],
        points: [],
        lastLetter: null,
        letters: new Set(),
        lastNumber: null,
        procedural,
      };
      items.push(implicit);
      item = implicit;
      resolvePreamble(implicit);
    }
    const point: PointBuilder = { label, line: rest.line, paras: rest.text ? [newPara(rest)] : [] };
    item.points.push(point);
    sink = { kind: "point", paras: point.paras };
    return item;
  };

  const ignoreLine = (seg: Seg) => {
    sink = { kind: "ignored", paras: ignored };
    ignored.push(newPara(seg));
  };

  // A heading without a letter ("Working Group on International Cooperation"): see above.
  const isPlainHeading = (i: number, afterBlank: boolean): boolean => {
    const s = lines[i]?.text ?? "";
    if (s.length > PLAIN_HEADING_MAX || !TITLE_START.test(s) || /^["“‘'«[(]/.test(s)) return false;
    if (/[.,;:!?…]$/.test(s.replace(TRAILING_CLOSERS, ""))) return false;
    if (!afterBlank && i > 0 && lines[i - 1]?.text !== "" && classify(lines, i - 1).kind !== "debris") return false;
    // Right after a heading it is a subtitle, and after unfinished text a wrapped line.
    if (sink.kind === "title" || midSentence()) return false;
    let n = i + 1;
    while (n < lines.length && ["blank", "debris"].includes(classify(lines, n).kind)) n++;
    if (n >= lines.length) return false;
    const next = classify(lines, n);
    // Letters restart in each section, so "(c)" after the line continues the point before it.
    if (next.kind === "letter") return next.letter === "a";
    return next.kind === "numbered" || next.kind === "recommendation";
  };

  // Paragraph style: is "N." the next point of the current item?
  const isNumberedPoint = (n: number): boolean => {
    if (!item || recommendationStyle || sink.kind === "ignored" || sink.kind === "preamble") return false;
    if (item.points.length > 0) return item.lastNumber !== null && n === item.lastNumber + 1;
    const announcing = item.intro.at(-1);
    if (sink.kind !== "intro" || !announcing) return false;
    if (!/:$/.test(paraText(announcing).replace(TRAILING_CLOSERS, ""))) return false;
    return announcing.prefix === "" || n === Number.parseInt(announcing.prefix, 10) + 1;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const c = classify(lines, i);
    const seg: Seg = { line: line.no, text: line.text };

    if (c.kind === "blank") {
      blankSince = true;
      inFootnote = false;
      continue;
    }
    if (c.kind === "debris") continue;
    if (c.kind === "footnote") {
      inFootnote = true;
      footnotes.push(newPara(seg));
      continue;
    }
    if (inFootnote && c.kind === "text") {
      footnotes.at(-1)?.segs.push(seg);
      continue;
    }
    inFootnote = false;

    const afterBlank = blankSince;
    blankSince = false;
    // Directly wrapped from an unfinished sentence: structure is unlikely here.
    const wrapped = !afterBlank && midSentence();

    switch (c.kind) {
      case "heading": {
        const romanNumeral = "IVX".includes(c.letter) && lastHeading !== prevLetter(c.letter);
        if (romanNumeral) {
          if (wrapped) addText(seg, afterBlank, false);
          else startChapter(seg);
          break;
        }
        const expected = lastHeading ? nextLetter(lastHeading) : "A";
        if (wrapped && c.letter !== expected) addText(seg, afterBlank, false);
        else startHeading(c.letter, { line: line.no, text: c.title });
        break;
      }
      case "chapter":
        if (wrapped) addText(seg, afterBlank, false);
        else startChapter(seg);
        break;
      case "recommendation": {
        const label = `Recommendation ${c.num}`;
        const expected = lastRecommendation === null ? 1 : lastRecommendation + 1;
        if (wrapped && c.num !== expected) {
          addText(seg, afterBlank, false);
          break;
        }
        if (!startPoint(label, { line: line.no, text: c.rest })) {
          ignoreLine(seg);
          break;
        }
        if (recommendationsSeen.has(c.num)) warn("duplicate_label", line.no, label);
        else if (lastRecommendation !== null && c.num !== expected) {
          warn("label_out_of_sequence", line.no, label);
        }
        lastRecommendation = c.num;
        recommendationsSeen.add(c.num);
        break;
      }
      case "letter": {
        const expected = expectedLetter(item);
        const subList =
          recommendationStyle || (item?.lastNumber ?? null) !== null || ("ivx".includes(c.letter) && c.letter !== expected && (item?.points.length ?? 0) > 0);
        if (subList) {
          addText(seg, afterBlank, true);
          break;
        }
        if (wrapped && c.letter !== expected) {
          addText(seg, afterBlank, false);
          break;
        }
        const label = `(${c.letter})`;
        const it = startPoint(label, { line: line.no, text: c.rest });
        if (!it) {
          ignoreLine(seg);
          break;
        }
        if (it.letters.has(c.letter)) warn("duplicate_label", line.no, label);
        else if (c.letter !== expected) warn("label_out_of_sequence", line.no, label);
        it.lastLetter = c.letter;
        it.letters.add(c.letter);
        break;
      }
      case "subitem":
        addText(seg, afterBlank, true);
        break;
      case "numbered": {
        if (wrapped) {
          addText(seg, afterBlank, false);
          break;
        }
        const number = Number.parseInt(c.prefix, 10);
        if (isNumberedPoint(number)) {
          const it = startPoint(c.prefix, { line: line.no, text: c.rest });
          if (it) it.lastNumber = number;
          break;
        }
        const para = newPara({ line: line.no, text: c.rest }, c.prefix);
        if (sink.kind === "preamble") {
          sink.paras.push(para);
        } else if (item && item.points.length === 0 && sink.kind !== "ignored") {
          sink = { kind: "intro", paras: item.intro };
          sink.paras.push(para);
        } else {
          // A report paragraph after the points: not a point, and not part of the last one.
          sink = { kind: "ignored", paras: ignored };
          sink.paras.push(para);
        }
        break;
      }
      case "text":
        if (isPlainHeading(i, afterBlank)) startHeading(null, seg);
        else addText(seg, afterBlank, false);
        break;
    }
  }
  resolvePreamble(null);

  // A whole report was pasted: what its procedural chapters hold (the agenda as adopted, the
  // documents before the meeting) is left out, as long as other chapters have points.
  if (items.some((it) => !it.procedural && it.points.length > 0)) {
    const dropped = items.filter((it) => it.procedural);
    const droppedLines = new Set<number>();
    for (const it of dropped) {
      const paras: Para[] = [];
      if (it.heading !== null || it.title.segs.length) paras.push({ ...it.title, prefix: it.heading ? `${it.heading}.` : "" });
      paras.push(...it.intro);
      for (const point of it.points) {
        const [first, ...rest] = point.paras.length ? point.paras : [newPara({ line: point.line, text: "" })];
        paras.push({ ...first!, segs: first!.segs.length ? first!.segs : [{ line: point.line, text: "" }], prefix: point.label }, ...rest);
        droppedLines.add(point.line);
      }
      for (const p of paras) for (const seg of p.segs) droppedLines.add(seg.line);
      ignored.push(...paras);
    }
    items.splice(0, items.length, ...items.filter((it) => !it.procedural));
    warnings.splice(0, warnings.length, ...warnings.filter((w) => !droppedLines.has(w.line)));
  }

  // Results, and the warnings that need finished paragraphs.
  const checkBrackets = (segs: Seg[]) => {
    const bad = firstUnbalanced(segs);
    // Report the whole source line, label included, so the reviewer can find it.
    if (bad) warn("unbalanced_brackets", bad.line, lines[bad.line - 1]?.text ?? bad.text);
  };
  const joinParas = (paras: Para[]) =>
    paras
      .map(paraText)
      .filter((t) => t !== "")
      .join("\n\n");

  const agendaItems: ParsedAgendaItem[] = items.map((it) => {
    checkBrackets(it.title.segs);
    checkBrackets(it.intro.flatMap((p) => p.segs));
    const introduction = joinParas(it.intro);
    return {
      heading: it.heading,
      title: paraText(it.title),
      introduction: introduction === "" ? null : introduction,
      points: it.points.map((p) => {
        checkBrackets(p.paras.flatMap((para) => para.segs));
        return { label: p.label, text: joinParas(p.paras) };
      }),
    };
  });

  for (const p of [...ignored, ...footnotes]) {
    const first = p.segs[0];
    const body = paraText(p);
    if (first) warn("ignored_line", first.line, p.prefix ? `${p.prefix} ${body}` : body);
  }
  if (agendaItems.every((it) => it.points.length === 0)) warn("no_points_found", 0, "");

  warnings.sort((a, b) => a.line - b.line); // stable: same-line warnings keep their order
  return { agendaItems, warnings, items, leftOut: [...ignored, ...footnotes] };
}

// ---------------------------------------------------------------------------------------------
// The review: what the parser found, as a list the officer corrects before saving

/** A point, or a paragraph the parser left out ("line"), kept in place so it can be taken in. */
export interface ReviewEntry {
  kind: "point" | "line";
  label: string;
  text: string;
  exclude: boolean;
}

/**
 * An agenda item found, or ("lines") the text before the first one. A "lines" block only holds
 * lines and is never saved; it turns into an item when one of its lines is made a point.
 */
export interface ReviewItem {
  kind: "item" | "lines";
  number: string;
  heading: string;
  title: string;
  introduction: string;
  exclude: boolean;
  points: ReviewEntry[];
}

export interface TextReview {
  items: ReviewItem[];
  warnings: ImportWarning[];
}

const emptyItem = (over: Partial<ReviewItem> = {}): ReviewItem => ({
  kind: "item",
  number: "",
  heading: "",
  title: "",
  introduction: "",
  exclude: false,
  points: [],
  ...over,
});

/**
 * The parse of `text` as a review: each agenda item with its points, and every paragraph that
 * was left out (chapter headings, report paragraphs, footnotes) as a line where it stood, after
 * the point or heading before it. Agenda item numbers are left empty for the caller to suggest.
 */
export function reviewFromText(text: string): TextReview {
  const parsed = parseText(text);
  const items: ReviewItem[] = parsed.agendaItems.map((it) =>
    emptyItem({
      heading: it.heading ?? "",
      title: it.title,
      introduction: it.introduction ?? "",
      points: it.points.map((p) => ({ kind: "point", label: p.label, text: p.text, exclude: false })),
    }),
  );
  // Where each left-out paragraph goes: after the last item, and the last point in it, that
  // starts before it. Points and items are in document order, so a search from the end works.
  const pointLines = parsed.items.map((it) => it.points.map((p) => p.line));
  const placed = parsed.leftOut
    .filter((p) => p.segs.length > 0)
    .map((p) => ({ line: p.segs[0]!.line, text: [p.prefix, paraText(p)].filter(Boolean).join(" ") }))
    .filter((p) => p.text !== "")
    .sort((a, b) => a.line - b.line);
  const before: ReviewEntry[] = [];
  const inserts = items.map((_, i) => (pointLines[i] ?? []).map(() => [] as ReviewEntry[]));
  const afterTitle = items.map(() => [] as ReviewEntry[]);
  for (const p of placed) {
    const entry: ReviewEntry = { kind: "line", label: "", text: p.text, exclude: false };
    const i = parsed.items.findLastIndex((it) => it.line <= p.line);
    if (i < 0) {
      before.push(entry);
      continue;
    }
    const j = (pointLines[i] ?? []).findLastIndex((line) => line <= p.line);
    (j < 0 ? afterTitle[i]! : inserts[i]![j]!).push(entry);
  }
  items.forEach((item, i) => {
    item.points = [...afterTitle[i]!, ...item.points.flatMap((point, j) => [point, ...(inserts[i]?.[j] ?? [])])];
  });
  if (before.length) items.unshift(emptyItem({ kind: "lines", points: before }));
  return { items, warnings: parsed.warnings };
}

/** Agenda items and points the review would save: what is kept, lines and "lines" blocks aside. */
export function countReview(items: readonly ReviewItem[]): { items: number; points: number } {
  const kept = items.filter((it) => it.kind === "item" && !it.exclude);
  const points = kept.reduce((n, it) => n + it.points.filter((p) => p.kind === "point" && !p.exclude).length, 0);
  return { items: kept.length, points };
}

type EntryOp = { op: "point" | "heading" | "line" | "split" | "merge" | "remove"; item: number; entry: number; at?: number };
export type ReviewOp = EntryOp | { op: "addItem"; item: number } | { op: "addPoint"; item: number } | { op: "unheading"; item: number };

const ENTRY_OPS = ["point", "heading", "line", "split", "merge", "remove"] as const;
const ITEM_OPS = ["addPoint", "addItem", "unheading"] as const;

/** `review:split:0:3` → split entry 3 of item 0; null for anything else. */
export function parseReviewOp(intent: string): ReviewOp | null {
  const m = /^review:([a-zA-Z]+):(-?\d{1,4})(?::(\d{1,5}))?$/.exec(intent);
  if (!m) return null;
  const item = Number(m[2]);
  if ((ENTRY_OPS as readonly string[]).includes(m[1]!) && m[3] !== undefined) {
    return { op: m[1] as EntryOp["op"], item, entry: Number(m[3]) };
  }
  if ((ITEM_OPS as readonly string[]).includes(m[1]!) && m[3] === undefined) return { op: m[1] as (typeof ITEM_OPS)[number], item } as ReviewOp;
  return null;
}

// A label at the start of a left-out line: "6. States …", "(c) States …", "Recommendation 4".
const LEADING_LABEL = /^(\([a-z]{1,5}\)|\d{1,3}\.|Recommendation\s+\d{1,3})(?:\s*[.:\u2013\u2014-])?(?:\s+|$)/i;
// A heading at the start of a line: "B. Working Group …", "II. Recommendations".
const LEADING_HEADING = /^(?:([A-Z])|[IVX]{1,6})\.\s+(?=\S)/;

/** The label after `label` in the same series: (b) → (c), 7. → 8., Recommendation 3 → 4. */
function followingLabel(label: string): string {
  let m = /^\(([a-y])\)$/.exec(label);
  if (m) return `(${nextLetter(m[1]!)})`;
  m = /^(\d{1,3})\.$/.exec(label);
  if (m) return `${Number(m[1]) + 1}.`;
  m = /^Recommendation\s+(\d{1,3})$/i.exec(label);
  if (m) return `Recommendation ${Number(m[1]) + 1}`;
  return "";
}

/** A label for a new point at `index` of `entries`: the one after the point before, if free. */
function suggestLabel(entries: readonly ReviewEntry[], index: number): string {
  const before = entries.slice(0, index).findLast((e) => e.kind === "point" && e.label !== "");
  const label = before ? followingLabel(before.label) : "";
  return label && !entries.some((e) => e.kind === "point" && e.label === label) ? label : "";
}

const pointText = (e: ReviewEntry) => (e.kind === "point" && e.label ? `${e.label} ${e.text}` : e.text);
const normalize = (text: string) => text.replace(/\r\n?/g, "\n");

export type ReviewOpResult =
  { ok: true; items: ReviewItem[]; focus: { item: number; entry: number | null } } | { ok: false; reason: "not_found" | "split_nowhere" };

/**
 * One correction of the review; a new list, the old one untouched. `focus` is where the change
 * ended, for the page to move the keyboard focus to.
 * - point: a line becomes a point; a label at its start ("6.", "(c)") becomes the label, or
 *   else the label after the point before it is suggested. In the "lines" block, the block
 *   becomes an agenda item without a title (the officer gives it one).
 * - heading: a line or point becomes a new agenda item, and what follows it in its item moves
 *   under it. "B. Title" gives heading B and title "Title".
 * - line: a point is not a point after all (its label goes back in front of its text).
 * - split: at `at` (a position in the text, where the cursor was), or else at the first blank
 *   line; the second part gets the next label if it is free.
 * - merge: a point and the entry after it. Across a finished sentence the texts stay separate
 *   paragraphs and the second label is dropped; in mid-sentence they are joined with a space
 *   and the label stays as text (a "(d) of article 5" wrongly taken for a label).
 * - remove, addPoint (at the end of an item), addItem (after an item; -1: at the start),
 *   unheading (an item goes back into the one before: its heading and introduction as lines).
 */
export function applyReviewOp(source: readonly ReviewItem[], op: ReviewOp): ReviewOpResult {
  const items = source.map((it) => ({ ...it, points: it.points.map((p) => ({ ...p })) }));
  const notFound = { ok: false, reason: "not_found" } as const;
  const done = (item: number, entry: number | null): ReviewOpResult => ({ ok: true, items, focus: { item, entry } });

  if (op.op === "addItem") {
    if (op.item < -1 || op.item >= items.length) return notFound;
    items.splice(op.item + 1, 0, emptyItem());
    return done(op.item + 1, null);
  }
  const item = items[op.item];
  if (!item) return notFound;

  if (op.op === "addPoint") {
    item.kind = "item";
    item.points.push({ kind: "point", label: suggestLabel(item.points, item.points.length), text: "", exclude: false });
    return done(op.item, item.points.length - 1);
  }
  if (op.op === "unheading") {
    if (item.kind !== "item") return notFound;
    const head = [item.heading ? `${item.heading}. ${item.title}` : item.title, ...item.introduction.split(/\n{2,}/)]
      .map((t) => t.trim())
      .filter(Boolean)
      .map((text): ReviewEntry => ({ kind: "line", label: "", text, exclude: false }));
    const moved = [...head, ...item.points];
    const previous = items[op.item - 1];
    if (previous) {
      const at = previous.points.length;
      previous.points.push(...moved);
      items.splice(op.item, 1);
      return done(op.item - 1, at);
    }
    items[op.item] = emptyItem({ kind: moved.some((e) => e.kind === "point") ? "item" : "lines", points: moved });
    return done(op.item, 0);
  }

  const entry = item.points[op.entry];
  if (!entry) return notFound;
  switch (op.op) {
    case "point": {
      if (entry.kind !== "line") return notFound;
      const m = LEADING_LABEL.exec(entry.text);
      const label = m ? m[1]!.replace(/\s+/g, " ") : suggestLabel(item.points, op.entry);
      item.points[op.entry] = { kind: "point", label, text: m ? entry.text.slice(m[0].length).trim() : entry.text, exclude: false };
      item.kind = "item";
      return done(op.item, op.entry);
    }
    case "line":
      if (entry.kind !== "point") return notFound;
      item.points[op.entry] = { kind: "line", label: "", text: pointText(entry).trim(), exclude: false };
      return done(op.item, op.entry);
    case "remove":
      item.points.splice(op.entry, 1);
      return done(op.item, Math.min(op.entry, item.points.length - 1));
    case "heading": {
      const raw = entry.text;
      const m = entry.kind === "line" ? LEADING_HEADING.exec(raw) : null;
      const created = emptyItem({
        heading: m?.[1] ?? "",
        title: normalizeLineText(m ? raw.slice(m[0].length) : raw),
        points: item.points.slice(op.entry + 1),
      });
      item.points = item.points.slice(0, op.entry);
      if (item.kind === "lines" && item.points.length === 0) {
        items.splice(op.item, 1, created);
        return done(op.item, null);
      }
      items.splice(op.item + 1, 0, created);
      return done(op.item + 1, null);
    }
    case "split": {
      if (entry.kind !== "point") return notFound;
      const text = normalize(entry.text);
      let at = op.at !== undefined && op.at > 0 && op.at < text.length ? op.at : -1;
      if (at < 0 || text.slice(0, at).trim() === "" || text.slice(at).trim() === "") {
        const blank = /\n\s*\n/.exec(text);
        at = blank ? blank.index : -1;
      }
      if (at < 0) return { ok: false, reason: "split_nowhere" };
      entry.text = text.slice(0, at).trim();
      const rest: ReviewEntry = { kind: "point", label: "", text: text.slice(at).trim(), exclude: false };
      item.points.splice(op.entry + 1, 0, rest);
      rest.label = suggestLabel(item.points, op.entry + 1);
      return done(op.item, op.entry + 1);
    }
    case "merge": {
      const next = item.points[op.entry + 1];
      if (entry.kind !== "point" || !next) return notFound;
      const first = normalize(entry.text).trim();
      const finished = first === "" || endsSentence(first);
      const second = normalize(finished ? next.text : pointText(next)).trim();
      entry.text = [first, second].filter(Boolean).join(finished ? "\n\n" : " ");
      item.points.splice(op.entry + 1, 1);
      return done(op.item, op.entry);
    }
  }
}

const normalizeLineText = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Ticks "leave out" for every line and for the block of text before the first item in a posted
 * review, so that whatever was posted, they are never saved. Used before validating "save", in
 * the browser and on the server.
 */
export function excludeReviewLines(formData: FormData): FormData {
  for (const [key, value] of [...formData.entries()]) {
    if (/^items\[\d+\](?:\.points\[\d+\])?\.kind$/.test(key) && (value === "line" || value === "lines")) {
      formData.set(key.replace(/kind$/, "exclude"), "on");
    }
  }
  return formData;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the seeder and the import form

function lineMatches(line: string, marker: RegExp | string): boolean {
  const clean = cleanLine(line);
  if (typeof marker === "string") return clean.startsWith(cleanLine(marker));
  // A fresh copy: a /g or /y marker would otherwise carry lastIndex from line to line.
  return new RegExp(marker.source, marker.flags.replace(/[gy]/g, "")).test(clean);
}

function describeMarker(marker: RegExp | string): string {
  return typeof marker === "string" ? JSON.stringify(marker) : String(marker);
}

/**
 * The text from the first line matching `start` (inclusive) to the first later line matching
 * `end` (exclusive), exactly as in `text`. A string marker matches a line that starts with it,
 * a RegExp one a line it tests true on; lines are compared after whitespace normalisation and
 * trimming. Throws an Error naming the marker when either is not found.
 */
export function extractSection(text: string, start: RegExp | string, end: RegExp | string): string {
  const offsets: number[] = [];
  const lines: string[] = [];
  const breaks = /\r\n|\r|\n|\u2028|\u2029/g;
  let from = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    offsets.push(from);
    lines.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  offsets.push(from);
  lines.push(text.slice(from));

  const first = lines.findIndex((l) => lineMatches(l, start));
  if (first < 0) throw new Error(`extractSection: start marker ${describeMarker(start)} not found`);
  const last = lines.findIndex((l, i) => i > first && lineMatches(l, end));
  if (last < 0) {
    throw new Error(`extractSection: end marker ${describeMarker(end)} not found after start marker ${describeMarker(start)}`);
  }
  return text.slice(offsets[first], offsets[last]);
}

/**
 * How many `[…]` passages the text has ("open brackets" in negotiation terms).
 * Every "[" opens one passage, whether or not it is closed, and nested pairs count
 * separately: "[a [b] c]" is 2. A "]" with no "[" before it also counts as one — the passage
 * began before this text (e.g. in the previous paragraph) — so "a] b [c" is 2.
 */
export function countOpenBrackets(text: string): number {
  let count = 0;
  let depth = 0;
  for (const ch of text) {
    if (ch === "[") {
      count++;
      depth++;
    } else if (ch === "]") {
      if (depth > 0) depth--;
      else count++;
    }
  }
  return count;
}
