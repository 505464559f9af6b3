// What the side-by-side view and the matrix share between server and browser. Pure: no I/O.

/** The Chair's tags, in the order the review form offers them. */
export const REVIEW_TAGS = ["supports", "proposes_amendment", "objects", "new_proposal", "general", "needs_follow_up"] as const;
export type ReviewTag = (typeof REVIEW_TAGS)[number];
export const isReviewTag = (value: unknown): value is ReviewTag => REVIEW_TAGS.includes(value as ReviewTag);

/** Longest private note on a comment, in characters. */
export const MAX_REVIEW_NOTE = 5_000;

export type MatrixCell = "none" | "commented" | "amended" | "both" | "joint" | "aligned";

/**
 * A matrix cell's meaning from its character in a delegation's row: "c" commented, "a" proposed
 * an amendment, "b" both, "-" neither (one character a point keeps 200 × 60 small in the page's data).
 * Issue 19: a point the delegation did not address itself but that a submission speaking for it
 * did: "j" its group's submission or one it co-sponsors, "l" a submission it aligned itself with.
 * Its own comment always wins ("said it" before "aligned with it").
 */
export function cellOf(mark: string | undefined): MatrixCell {
  return mark === "c" ? "commented" : mark === "a" ? "amended" : mark === "b" ? "both" : mark === "j" ? "joint" : mark === "l" ? "aligned" : "none";
}

/** A cell's character from its bits (1 commented, 2 proposed an amendment), as cellOf reads it. */
export const CELL_MARKS = "-cab";

/** Bits of a point reached through another's submission: its group's or a co-sponsored one (4), or one aligned with (8). */
export const THROUGH_JOINT = 4;
export const THROUGH_ALIGNED = 8;

/** A cell's character from its bits, own and through others (own first, then joint, then aligned). */
export function cellMark(bits: number): string {
  if (bits & 3) return CELL_MARKS[bits & 3]!;
  if (bits & THROUGH_JOINT) return "j";
  if (bits & THROUGH_ALIGNED) return "l";
  return "-";
}
