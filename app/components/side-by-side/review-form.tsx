import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FormErrors } from "~/components/ui/form-errors";
import { MAX_REVIEW_NOTE, REVIEW_TAGS } from "~/lib/consolidation";
import { REVIEW_FORM_ID, type PageEntry } from "~/lib/side-by-side";
import type { EntryWords } from "./labels";
import { SubmitButton } from "~/components/ui/button";

/** The review action's answer when it refuses: what was typed, and why (a translation key). */
export type ReviewReply = {
  form: "review";
  commentId: string;
  tag: string;
  note: string;
  error: string;
  values?: Record<string, string | number>;
};

/**
 * The page's one review form, in the entry it was opened for: the reader's tag and private note.
 * A document POST without JavaScript; the action redirects back to this view at this entry.
 */
export function ReviewForm({
  entry,
  anchor,
  words: all,
  reply,
  busy,
  formAction,
}: {
  entry: PageEntry;
  anchor: string;
  words: EntryWords;
  reply: ReviewReply | null;
  busy: boolean;
  formAction: string;
}) {
  const id = `review-${entry.commentId}`;
  const words = all.review;
  const first = useRef<HTMLSelectElement>(null);
  // Opened by the reader: the focus goes to the form's first field (and comes back to the entry's
  // button when it closes: useOnDemandReview). After a refusal, to the field in error.
  const noteField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    (reply ? noteField.current : first.current)?.focus();
  }, [reply]);
  return (
    <Form
      method="post"
      action={`${formAction}#${anchor}`}
      id={REVIEW_FORM_ID}
      className="sbs-review__form"
      aria-labelledby={`${id}-title`}
      // The same key after an error keeps what the reader typed in the fields.
      key={`${entry.commentId}-${entry.myReview?.tag ?? ""}-${entry.myReview?.note ?? ""}`}
    >
      <p id={`${id}-title`} className="sbs-label">
        {words.title}
      </p>
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="commentId" value={entry.commentId} />
      <input type="hidden" name="anchor" value={anchor} />
      {reply ? <FormErrors id={`${id}-error`} errors={[reply.error]} values={reply.values} /> : null}
      <div className="sbs-review__fields">
        <div className="field">
          <label htmlFor={`${id}-tag`}>{words.tag}</label>
          <select ref={first} id={`${id}-tag`} name="tag" defaultValue={reply ? reply.tag : (entry.myReview?.tag ?? "")}>
            <option value="">{words.noTag}</option>
            {REVIEW_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {all.tag(tag)}
              </option>
            ))}
          </select>
        </div>
        <div className="field sbs-review__note">
          <label htmlFor={`${id}-note`}>{words.note}</label>
          <textarea
            ref={noteField}
            id={`${id}-note`}
            name="note"
            rows={3}
            maxLength={MAX_REVIEW_NOTE}
            defaultValue={reply ? reply.note : (entry.myReview?.note ?? "")}
            aria-describedby={reply ? `${id}-error` : undefined}
            aria-invalid={reply ? true : undefined}
          />
        </div>
        <div className="sbs-review__buttons">
          <SubmitButton pending={busy} aria-describedby={`${anchor}-name`}>
            {words.save}
          </SubmitButton>
          {/* Back to the view without the form (with JavaScript: closes it in place). */}
          <a href={`${formAction}#${anchor}`} data-review-close={entry.commentId} aria-describedby={`${anchor}-name`}>
            {words.cancel}
          </a>
        </div>
      </div>
    </Form>
  );
}
