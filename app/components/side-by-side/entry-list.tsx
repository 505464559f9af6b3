import type { PageEntry } from "~/lib/side-by-side";
import { EntryView, type EntryProps } from "./entry-view";
import type { EntryReply } from "./entry-view";

/** What every entry of the page shares (stable between renders, so that entries stay memoized). */
export type EntryShared = Pick<EntryProps, "original" | "consultationId" | "words" | "redlineOf" | "formAction" | "attributionOf">;

/** The review state of the page: the open entry, a refusal to show in it, a save under way (which entry, which form). */
export type ReviewState = { open: string | null; reply: EntryReply | null; busy: { commentId: string; intent: "review" | "disposition" } | null };

export function EntryList({
  entries,
  shared,
  review,
  isTarget,
}: {
  entries: PageEntry[];
  shared: EntryShared;
  review: ReviewState;
  isTarget?: (entry: PageEntry) => boolean;
}) {
  return (
    <ol className="sbs-entries">
      {entries.map((entry) => (
        <li key={entry.commentId}>
          <EntryView
            entry={entry}
            {...shared}
            target={isTarget?.(entry) ?? false}
            reviewing={review.open === entry.commentId}
            reply={review.reply?.commentId === entry.commentId ? review.reply : null}
            busy={review.busy?.commentId === entry.commentId ? review.busy.intent : null}
          />
        </li>
      ))}
    </ol>
  );
}
