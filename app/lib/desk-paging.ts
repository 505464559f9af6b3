// The translation desk's pages and the addresses of its views: pure, used by the model, the
// loader and the page (the links work without JavaScript: every view is a GET address).
import type { Language } from "~/i18n/languages";
import type { DeskStatus } from "~/lib/translation-segments";

/**
 * Comments per page. An officer works down the list a screenful at a time and opens one comment
 * after another; 100 rows is a few minutes of triage, still searchable with the browser's Find,
 * and a page of about 150 KB that renders in milliseconds. One delegation (up to 70 comments at
 * full scale) fits on one page; the whole desk of 12,000 is 120 pages, which is what the filters
 * (status, language, delegation) are for.
 */
export const DESK_PAGE_SIZE = 100;

export type DeskView = {
  status: DeskStatus | null;
  language: Language | null;
  delegation: string | null;
  /** 1-based. */
  page: number;
};

/** The page number in a query string: a positive integer, else 1 (a view is only a view). */
export function parsePage(value: string | null | undefined): number {
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 ? page : 1;
}

/** How many pages `total` rows make (at least one, even when empty). */
export function pageCount(total: number, size = DESK_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The page actually shown: past the last page (the list got shorter), the last. */
export function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(1, Math.floor(page)), Math.max(1, pages));
}

/** The rows a page holds: OFFSET and LIMIT. */
export function pageSlice(page: number, size = DESK_PAGE_SIZE): { offset: number; limit: number } {
  return { offset: (page - 1) * size, limit: size };
}

/** The address of a view of the desk, relative to the desk ("?status=todo&page=2"; page 1 is left out). */
export function deskHref(view: Partial<DeskView>): string {
  const query = new URLSearchParams();
  if (view.status) query.set("status", view.status);
  if (view.language) query.set("language", view.language);
  if (view.delegation) query.set("delegation", view.delegation);
  if (view.page && view.page > 1) query.set("page", String(view.page));
  return `?${query}`;
}

/**
 * The page numbers to offer: the first, the last, and those around the current one, with null
 * where numbers are left out. 1 … 4 5 [6] 7 8 … 120.
 */
export function pageNumbers(page: number, pages: number, around = 2): (number | null)[] {
  const wanted = new Set<number>([1, pages]);
  for (let n = page - around; n <= page + around; n++) if (n >= 1 && n <= pages) wanted.add(n);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [i, n] of sorted.entries()) {
    const previous = sorted[i - 1];
    // A gap of one number shows the number itself rather than an ellipsis.
    if (previous !== undefined && n - previous === 2) out.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/** The first and last row shown (1-based), for "Comments 101–200 of 9,843". */
export function shownRange(page: number, rowsOnPage: number, size = DESK_PAGE_SIZE): { from: number; to: number } {
  const from = (page - 1) * size + 1;
  return { from: rowsOnPage ? from : 0, to: rowsOnPage ? from + rowsOnPage - 1 : 0 };
}
