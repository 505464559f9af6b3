// A redline of a long document, paragraph by paragraph: paragraphs are matched first (equal,
// inserted, deleted), then a deleted paragraph followed by an inserted one is shown as one changed
// paragraph with its words redlined (redline.ts). Long unchanged stretches fold into a count, so a
// CRP of thousands of paragraphs stays readable. Pure: safe on server and client.
import { diffArrays } from "diff";
import { redline, type RedlineSegment } from "./redline";

/**
 * `style`: what the paragraph is in the document ("heading2", "paragraph", …), when the caller
 * said (redlineBlocks); a changed paragraph takes its new style.
 */
export type ParagraphRedline =
  /** A paragraph in both versions, or one only in the old ("delete") or new ("insert") one. */
  | { kind: "equal" | "insert" | "delete"; segments: RedlineSegment[]; style?: string }
  /** A paragraph reworded: its word-level redline. */
  | { kind: "change"; segments: RedlineSegment[]; style?: string }
  /** `count` unchanged paragraphs left out. */
  | { kind: "skip"; count: number };

/** A paragraph with what it is (a heading, a plain paragraph…); equal only if both are equal. */
export type StyledParagraph = { style: string; text: string };

/** Paragraphs end at a blank line; line endings and blank runs do not count. */
export function documentParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/**
 * The redline from `before` to `after`, one row per paragraph. With `context`, runs of unchanged
 * paragraphs keep only `context` paragraphs next to each change (and at neither end of the
 * document), the rest folded into a "skip" row. Joining the equal, insert and change rows'
 * new-side text gives the new document's paragraphs.
 */
export function redlineByParagraph(before: string, after: string, options: { context?: number } = {}): ParagraphRedline[] {
  const plain = (text: string) => documentParagraphs(text).map((p) => ({ style: undefined, text: p }));
  return redlineSequences(plain(before), plain(after), options);
}

/**
 * As redlineByParagraph, over paragraphs that carry a style (e.g. the CRP read back as headings
 * and paragraphs): a paragraph that only changed style counts as changed, and each row says its
 * style, for the page to set headings as headings.
 */
export function redlineBlocks(before: readonly StyledParagraph[], after: readonly StyledParagraph[], options: { context?: number } = {}): ParagraphRedline[] {
  return redlineSequences(before, after, options);
}

type Block = { style: string | undefined; text: string };

function redlineSequences(a: readonly Block[], b: readonly Block[], options: { context?: number }): ParagraphRedline[] {
  const same = (x: Block, y: Block) => x.text === y.text && x.style === y.style;
  // The common beginning and end are cut off first: the usual case (a few paragraphs changed in a
  // long document) then diffs only the middle.
  let start = 0;
  while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const rows: ParagraphRedline[] = a.slice(0, start).map((p) => equal(p));
  let removed: Block[] = [];
  let added: Block[] = [];
  const flush = () => {
    // Pair deleted and inserted paragraphs in order: a reworded paragraph is one change.
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) rows.push(styled({ kind: "change", segments: redline(removed[i]!.text, added[i]!.text) }, added[i]!.style));
    for (const p of removed.slice(paired)) rows.push(styled({ kind: "delete", segments: [{ kind: "delete", text: p.text }] }, p.style));
    for (const p of added.slice(paired)) rows.push(styled({ kind: "insert", segments: [{ kind: "insert", text: p.text }] }, p.style));
    removed = [];
    added = [];
  };
  for (const part of diffArrays(a.slice(start, endA), b.slice(start, endB), { comparator: same })) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else {
      flush();
      rows.push(...part.value.map((p) => equal(p)));
    }
  }
  flush();
  rows.push(...a.slice(endA).map((p) => equal(p)));
  return options.context === undefined ? rows : fold(rows, options.context);
}

function styled<T extends ParagraphRedline>(row: T, style: string | undefined): T {
  return style === undefined ? row : { ...row, style };
}

function equal(block: Block): ParagraphRedline {
  return styled({ kind: "equal", segments: [{ kind: "equal", text: block.text }] }, block.style);
}

/** Folds unchanged runs longer than twice the context (plus one, so a fold saves something). */
function fold(rows: ParagraphRedline[], context: number): ParagraphRedline[] {
  const out: ParagraphRedline[] = [];
  let i = 0;
  while (i < rows.length) {
    if (rows[i]!.kind !== "equal") {
      out.push(rows[i++]!);
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j]!.kind === "equal") j++;
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = j === rows.length ? 0 : context;
    const run = j - i;
    if (run > keepBefore + keepAfter + 1) {
      out.push(...rows.slice(i, i + keepBefore), { kind: "skip", count: run - keepBefore - keepAfter }, ...rows.slice(j - keepAfter, j));
    } else {
      out.push(...rows.slice(i, j));
    }
    i = j;
  }
  return out;
}

/** How many paragraphs were changed, inserted and deleted. */
export function paragraphRedlineStats(rows: readonly ParagraphRedline[]): { changed: number; inserted: number; deleted: number } {
  const stats = { changed: 0, inserted: 0, deleted: 0 };
  for (const row of rows) {
    if (row.kind === "change") stats.changed++;
    else if (row.kind === "insert") stats.inserted++;
    else if (row.kind === "delete") stats.deleted++;
  }
  return stats;
}
