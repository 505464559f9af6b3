// The paste-to-import page between its posts: what each answer carries, the review as posted (read
// leniently: it is only corrected here, and validated on "save"), and the warnings shown with it.
// Pure functions: the route calls them, the page's parts only read the types.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { MAX_IMPORT_ITEMS, MAX_PASTED, normalizeLine } from "~/lib/agenda-forms";
import { countReview, type ImportWarning, type ReviewItem, type ReviewOp, type ReviewOpResult } from "~/lib/point-import";

export type ImportActionData =
  | { step: "paste"; pasted: string; result: SubmissionResult<string[]> | null }
  | {
      step: "review";
      pasted: string;
      reviewKey: string;
      review: { items: ReviewItem[] } | null;
      warnings: ImportWarning[];
      found: { items: number; points: number };
      /** True once the officer has corrected the review: the counts are then what will be saved. */
      corrected: boolean;
      /** The id of the element to focus after a correction. */
      focus: string | null;
      /** A correction that could not be made, as a translation key. */
      opError: string | null;
      result: SubmissionResult<string[]> | null;
    };

const MAX_REVIEW_ENTRIES = 2_000;
const text = z.string().max(MAX_PASTED).optional();
const ReviewStateSchema = z.object({
  items: z
    .array(
      z.object({
        kind: z.enum(["item", "lines"]).optional(),
        exclude: z.boolean().optional(),
        number: text,
        heading: text,
        title: text,
        introduction: text,
        points: z
          .array(z.object({ kind: z.enum(["point", "line"]).optional(), exclude: z.boolean().optional(), label: text, text }))
          .max(MAX_REVIEW_ENTRIES)
          .optional(),
      }),
    )
    .max(MAX_IMPORT_ITEMS + 1)
    .optional(),
});

/** The review as posted, with the defaults of a fresh one; null when it is not a review at all. */
export function readReview(formData: FormData): ReviewItem[] | null {
  const state = parseWithZod(formData, { schema: ReviewStateSchema });
  if (state.status !== "success") return null;
  return (state.value.items ?? []).map((item) => ({
    kind: item.kind ?? "item",
    exclude: item.exclude ?? false,
    number: item.number ?? "",
    heading: item.heading ?? "",
    title: item.title ?? "",
    introduction: item.introduction ?? "",
    points: (item.points ?? []).map((p) => ({ kind: p.kind ?? "point", exclude: p.exclude ?? false, label: p.label ?? "", text: p.text ?? "" })),
  }));
}

// Left-out text is shown in place in the review, and "no points" follows the review as corrected.
export function reviewWarnings(warnings: ImportWarning[], items: ReviewItem[]): ImportWarning[] {
  const kept = warnings.filter((w) => w.code !== "ignored_line" && w.code !== "no_points_found");
  return countReview(items).points === 0 ? [{ code: "no_points_found", line: 0, detail: "" }, ...kept] : kept;
}

/**
 * Where a split cuts: with JavaScript the page sends where the cursor was in the point to split,
 * as "item:entry:offset"; it counts only for that very point.
 */
export function splitAt(op: ReviewOp, cursorField: string): number | undefined {
  const cursor = /^(\d+):(\d+):(\d+)$/.exec(cursorField);
  return op.op === "split" && cursor && Number(cursor[1]) === op.item && Number(cursor[2]) === op.entry ? Number(cursor[3]) : undefined;
}

/** The element to focus after a correction: where it ended, or the entry it could not change. */
export function correctionFocus(op: ReviewOp, applied: ReviewOpResult): string {
  return applied.ok
    ? applied.focus.entry === null || applied.focus.entry < 0
      ? `import-item-${applied.focus.item}`
      : `import-entry-${applied.focus.item}-${applied.focus.entry}`
    : `import-entry-${"entry" in op ? `${op.item}-${op.entry}` : op.item}`;
}

/** The posted item (not left out) whose number is `number`, or -1: where "number taken" belongs. */
export function itemWithNumber(posted: readonly { number?: string; exclude?: string }[], number: string | undefined): number {
  return posted.findIndex((item) => !item.exclude && normalizeLine(item.number ?? "") === number);
}
