/**
 * The translation desk's text logic: paragraphs of an original laid beside the
 * paragraphs of its translation, the translation put back together from the
 * edited rows, and whether a translation is still current for its original.
 *
 * Pure: no I/O, safe on server and client.
 *
 * Paragraphs
 * - A paragraph ends at a blank line (a line that is empty or only
 *   whitespace). A single line break stays inside its paragraph, because
 *   delegations break lines inside a paragraph (addresses, lists).
 * - Line endings are normalized first (CRLF, CR, U+2028 become "\n"; U+2029,
 *   the Unicode paragraph separator, becomes a blank line), and the trailing
 *   whitespace of every line is dropped. Leading whitespace is kept.
 * - Nothing else changes: no character of Arabic, Chinese or any other script
 *   is ever dropped, and `segmentParagraphs(t).join("\n\n")` equals
 *   `normalizeParagraphText(t)`.
 */
import { redline, type RedlineSegment } from "./redline";

/** The separator between two paragraphs in a normalized text. */
export const PARAGRAPH_SEPARATOR = "\n\n";

// Whitespace at the end of a line, but not the line break itself.
const TRAILING_LINE_SPACE = /[^\S\n]+$/gmu;
// Two or more line breaks with only whitespace between them: a paragraph break.
const BLANK_LINES = /\n(?:[^\S\n]*\n)+/gu;

/**
 * The text as the desk stores and compares it: line endings unified, trailing
 * whitespace of each line dropped, runs of blank lines reduced to one, no
 * blank lines at either end.
 */
export function normalizeParagraphText(text: string): string {
  return text
    .replace(/\r\n?|\u2028/gu, "\n")
    .replace(/\u2029/gu, "\n\n")
    .replace(TRAILING_LINE_SPACE, "")
    .replace(BLANK_LINES, PARAGRAPH_SEPARATOR)
    .replace(/^\n+|\n+$/gu, "");
}

/** The paragraphs of a text, in order; an empty or whitespace-only text has none. */
export function segmentParagraphs(text: string): string[] {
  const normalized = normalizeParagraphText(text);
  if (normalized === "") return [];
  return normalized.split(PARAGRAPH_SEPARATOR);
}

/** One row of the side-by-side editor: an original paragraph and the translation beside it. */
export type AlignedRow = { original: string; translation: string };

export type Alignment = {
  rows: AlignedRow[];
  originalParagraphs: number;
  translationParagraphs: number;
  /**
   * Set when a translation exists and its paragraph count differs from the
   * original's: the UI says "the translation has 4 paragraphs for 3 in the
   * original" so the officer can re-split it. The rows still hold every
   * character of the translation.
   */
  mismatch: { originalParagraphs: number; translationParagraphs: number } | null;
};

/**
 * Rows for the side-by-side editor, one per original paragraph. When the
 * translation has more paragraphs than the original, the extra ones are
 * appended (separated by a blank line) to the last row; when it has fewer,
 * the last rows have an empty translation. An original with no paragraphs
 * still gives one row, so there is always a field to type into. An empty
 * translation (not translated yet) is not a mismatch.
 */
export function alignSegments(original: string, translation: string): Alignment {
  const source = segmentParagraphs(original);
  const target = segmentParagraphs(translation);
  const originals = source.length > 0 ? source : [""];

  const rows: AlignedRow[] = originals.map((paragraph, index) => ({
    original: paragraph,
    translation: target[index] ?? "",
  }));
  if (target.length > originals.length) {
    const last = rows[rows.length - 1] as AlignedRow;
    last.translation = target.slice(originals.length - 1).join(PARAGRAPH_SEPARATOR);
  }

  const mismatch = target.length > 0 && target.length !== source.length ? { originalParagraphs: source.length, translationParagraphs: target.length } : null;
  return { rows, originalParagraphs: source.length, translationParagraphs: target.length, mismatch };
}

/**
 * The translation text from the edited rows: each cell normalized, empty cells
 * left out, paragraphs separated by a blank line. Inverse of the split:
 * `joinTranslation(alignSegments(o, t).rows)` is `normalizeParagraphText(t)`.
 */
export function joinTranslation(rows: readonly { translation: string }[]): string {
  return rows
    .map((row) => normalizeParagraphText(row.translation))
    .filter((cell) => cell !== "")
    .join(PARAGRAPH_SEPARATOR);
}

/** The original as it stood when translated (columns of `translations`). */
export type TranslationSource = { sourceBody: string; sourceProposedText: string | null };

/** The original as it is now (columns of `comments`). */
export type CommentText = { body: string; proposedText: string | null };

/** What changed in one field of the original; null when that field did not change. */
export type FieldChange = RedlineSegment[] | null;

export type Freshness = { state: "current" } | { state: "outdated"; body: FieldChange; proposedText: FieldChange };

const hasChange = (segments: readonly RedlineSegment[]) => segments.some((s) => s.kind !== "equal");

/** The redline from `before` to `after`, or null when they differ at most in whitespace between words or at either end. */
function fieldChange(before: string | null, after: string | null): FieldChange {
  // The redline counts whitespace present on one side only; at the ends of a text it means nothing.
  const b = (before ?? "").trim();
  const a = (after ?? "").trim();
  if (b === a) return null;
  const segments = redline(b, a);
  return hasChange(segments) ? segments : null;
}

/**
 * Whether a translation still matches its original. A revision that changes
 * the comment's wording (its body, or an amendment's proposed text) makes the
 * translation outdated, with the redline of each changed field from the
 * original as translated to the original now. Whitespace between words (the
 * redline's rule) and at either end is not a change, so reflowed lines, CRLF
 * or a trailing blank line do not count.
 */
export function translationFreshness(source: TranslationSource, comment: CommentText): Freshness {
  const body = fieldChange(source.sourceBody, comment.body);
  const proposedText = fieldChange(source.sourceProposedText, comment.proposedText);
  if (body === null && proposedText === null) return { state: "current" };
  return { state: "outdated", body, proposedText };
}

/** The desk list's status of a comment's translation. */
export type DeskStatus = "todo" | "draft" | "final" | "outdated";

export const DESK_STATUSES: readonly DeskStatus[] = ["todo", "draft", "final", "outdated"];

export type TranslationState = TranslationSource & { status: "draft" | "final" };

/**
 * To do when there is no translation; outdated when the original changed since
 * it was translated (whether the translation was a draft or final); otherwise
 * the translation's own status.
 */
export function translationStatus(translation: TranslationState | null, comment: CommentText): DeskStatus {
  if (translation === null) return "todo";
  if (translationFreshness(translation, comment).state === "outdated") return "outdated";
  return translation.status;
}
