import { memo } from "react";
import type { RedlineSegment } from "~/lib/redline";
import { anchorOf, type PageEntry } from "~/lib/side-by-side";
import { entryHtml, type AttributionHtml } from "~/lib/side-by-side-html";
import type { EntryWords } from "./labels";
import { DispositionForm, type DispositionReply } from "./disposition-form";
import { ReviewForm, type ReviewReply } from "./review-form";

/** A refusal of one of the entry's two forms, with what was typed in it. */
export type EntryReply = ReviewReply | DispositionReply;

export type EntryProps = {
  entry: PageEntry;
  original: "beside" | "hidden";
  /** Reached by a link to this very entry (from the matrix). */
  target: boolean;
  consultationId: string;
  words: EntryWords;
  redlineOf: (before: string, after: string) => RedlineSegment[];
  /** This entry's review form is open (one at most on the page). */
  reviewing: boolean;
  /** The last refusal of the review or the disposition form, when it is this entry's. */
  reply: EntryReply | null;
  /** Which of the entry's forms is being saved, if one is. */
  busy: "review" | "disposition" | null;
  /** Where the review form posts: this view without `?review=`. */
  formAction: string;
  /** Who an entry's submission speaks for, as HTML (null: only its delegation). */
  attributionOf: (entry: PageEntry) => AttributionHtml | null;
};

/**
 * One delegation's entry: the English translation beside the original (each in its language and
 * direction), an amendment's redline, its disposition, the Chair's review. What it shows is one HTML string
 * (app/lib/side-by-side-html.ts: 1,400 entries as React elements cost most of the page's time);
 * the review and disposition forms, when open here, are React. Memoized: opening a form re-renders its entry only.
 */
export const EntryView = memo(function EntryView({
  entry,
  original,
  target,
  consultationId,
  words,
  redlineOf,
  reviewing,
  reply,
  busy,
  formAction,
  attributionOf,
}: EntryProps) {
  const anchor = anchorOf(entry);
  const html = entryHtml(entry, { original, target, consultationId, reviewing, words, redlineOf, attribution: attributionOf(entry) });
  return (
    <article id={anchor} className={target ? "sbs-entry sbs-entry--target" : "sbs-entry"} aria-labelledby={`${anchor}-name`} tabIndex={target ? -1 : undefined}>
      <div className="sbs-entry__content" dangerouslySetInnerHTML={{ __html: html }} />
      {reviewing ? (
        <div className="sbs-review">
          <ReviewForm
            entry={entry}
            anchor={anchor}
            words={words}
            reply={reply?.form === "review" ? reply : null}
            busy={busy === "review"}
            formAction={formAction}
          />
          <DispositionForm
            entry={entry}
            anchor={anchor}
            words={words}
            reply={reply?.form === "disposition" ? reply : null}
            busy={busy === "disposition"}
            formAction={formAction}
          />
        </div>
      ) : null}
    </article>
  );
});
