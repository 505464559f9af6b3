// What the side-by-side view and the matrix share between server and browser. Pure: no I/O.

/** The Chair's tags, in the order the review form offers them. */
export const REVIEW_TAGS = ["supports", "proposes_amendment", "objects", "new_proposal", "general", "needs_follow_up"] as const;
export type ReviewTag = (typeof REVIEW_TAGS)[number];
export const isReviewTag = (value: unknown): value is ReviewTag => REVIEW_TAGS.includes(value as ReviewTag);

/** Longest private note on a comment, in characters. */
export const MAX_REVIEW_NOTE = 5_000;

export type MatrixCell = "none" | "commented" | "amended" | "both";

/**
 * A matrix cell's meaning from its character in a delegation's row: "c" commented, "a" proposed
 * an amendment, "b" both, "-" neither (one character a point keeps 200 × 60 small in the page's data).
 */
export function cellOf(mark: string | undefined): MatrixCell {
  return mark === "c" ? "commented" : mark === "a" ? "amended" : mark === "b" ? "both" : "none";
}

/** A cell's character from its bits (1 commented, 2 proposed an amendment), as cellOf reads it. */
export const CELL_MARKS = "-cab";
