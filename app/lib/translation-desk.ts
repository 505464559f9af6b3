// The translation desk's list logic, pure: which comments are on the desk, under which language and
// status, and the filters, counts and page of one view. The model (translation.server.ts) reads a
// light index of every comment from the database and judges the texts it has not judged before;
// everything here works on that index, so a page costs the same whatever the desk holds.
import type { Language } from "~/i18n/languages";
import { commentLanguages, languagesToTranslate, neededTranslationStatus, type CommentLanguages } from "~/lib/field-language";
import { clampPage, pageCount, pageSlice, DESK_PAGE_SIZE } from "~/lib/desk-paging";
import { DESK_STATUSES, type DeskStatus } from "~/lib/translation-segments";

const EXCERPT_LENGTH = 160;

/** How much of a text the excerpt is cut from (UTF-16 units): a 50,000-character comment costs no more than a short one. */
export const EXCERPT_SOURCE_LENGTH = 4 * EXCERPT_LENGTH;

/** The first words of a text on one line, at most 160 characters, cut at a space where it can. */
export function excerptOf(text: string): string {
  // A bounded slice, never splitting a surrogate pair.
  const flat = text
    .slice(0, EXCERPT_SOURCE_LENGTH)
    .replace(/[\uD800-\uDBFF]$/u, "")
    .replace(/\s+/g, " ")
    .trim();
  if ([...flat].length <= EXCERPT_LENGTH) return flat;
  const cut = [...flat].slice(0, EXCERPT_LENGTH).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/** A comment as the desk judges it: its fields' languages (null: nothing to translate). */
export type JudgedComment = CommentLanguages;

/** The texts one judgement reads. */
export type CommentTexts = {
  kind: "general" | "point" | "amendment" | "new_proposal";
  language: Language;
  body: string;
  proposedText: string | null;
  /** An amendment's base wording (the point as circulated). */
  baseText: string | null;
};

export function judgeComment(comment: CommentTexts): JudgedComment {
  return commentLanguages(comment, comment.kind === "amendment" ? comment.baseText : null);
}

/** The language a desk row is translated from: its text's, else its proposed wording's; null: not on the desk. */
export function deskLanguage(languages: CommentLanguages): Language | null {
  return languagesToTranslate(languages)[0] ?? null;
}

/**
 * The status of a translation whose stored original differs from the comment now: outdated, or
 * the translation's own status when the difference is only whitespace or in a field that needs
 * no translation (an English wording).
 */
export function changedTranslationStatus(
  translation: { status: "draft" | "final"; sourceBody: string; sourceProposedText: string | null },
  comment: { body: string; proposedText: string | null },
  languages: CommentLanguages,
): DeskStatus {
  return neededTranslationStatus(translation, comment, languages) ?? translation.status;
}

/** One comment on the desk, as the list needs it: enough to filter, count and page. */
export type DeskIndexRow = {
  commentId: string;
  delegationCode: string;
  language: Language;
  status: DeskStatus;
  /** Whether its text needs translating (else only an amendment's wording does): what the excerpt shows. */
  bodyNeeded: boolean;
};

export type DeskFilters = { status?: DeskStatus | null; language?: Language | null; delegation?: string | null };

export type DeskCounts = Record<DeskStatus, number>;

export type DeskSummary = {
  /** Every row on the desk, whatever the filters. */
  total: number;
  /** The rows under the language and delegation filters, by status (the status links show them all). */
  counts: DeskCounts;
  /** The rows under every filter. */
  matching: number;
  /** The page shown (past the last page: the last) and how many there are. */
  page: number;
  pages: number;
  pageSize: number;
  /** The ids of the page's rows, in desk order. */
  pageIds: string[];
  /** Languages and delegations present on the whole desk, for the filters. */
  languages: Language[];
  delegationCodes: string[];
};

/** Filters, counts and one page of the desk's index (in desk order). */
export function summarizeDesk(index: readonly DeskIndexRow[], filters: DeskFilters, page = 1, pageSize = DESK_PAGE_SIZE): DeskSummary {
  const counts = Object.fromEntries(DESK_STATUSES.map((s) => [s, 0])) as DeskCounts;
  const languages = new Set<Language>();
  const delegationCodes = new Set<string>();
  const matching: DeskIndexRow[] = [];
  for (const row of index) {
    languages.add(row.language);
    delegationCodes.add(row.delegationCode);
    if (filters.language && row.language !== filters.language) continue;
    if (filters.delegation && row.delegationCode !== filters.delegation) continue;
    counts[row.status] += 1;
    if (!filters.status || row.status === filters.status) matching.push(row);
  }
  const pages = pageCount(matching.length, pageSize);
  const shown = clampPage(page, pages);
  const { offset, limit } = pageSlice(shown, pageSize);
  return {
    total: index.length,
    counts,
    matching: matching.length,
    page: shown,
    pages,
    pageSize,
    pageIds: matching.slice(offset, offset + limit).map((r) => r.commentId),
    languages: [...languages].sort(),
    delegationCodes: [...delegationCodes],
  };
}

/** Previous and next comment in desk order, and the next one not final after it (wrapping round). */
export function deskNeighbours(index: readonly DeskIndexRow[], commentId: string) {
  const at = index.findIndex((r) => r.commentId === commentId);
  const after = at >= 0 ? [...index.slice(at + 1), ...index.slice(0, at)] : index;
  return {
    previousId: at > 0 ? index[at - 1]!.commentId : null,
    nextId: at >= 0 && at < index.length - 1 ? index[at + 1]!.commentId : null,
    nextToTranslateId: after.find((r) => r.status !== "final")?.commentId ?? null,
  };
}
