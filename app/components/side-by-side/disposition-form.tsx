import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { DISPOSITIONS, MAX_OBSERVATION } from "~/lib/dispositions";
import type { PageEntry } from "~/lib/side-by-side";
import type { EntryWords } from "./labels";

/** The disposition action's answer when it refuses: what was chosen and typed, and why (a translation key). */
export type DispositionReply = {
  form: "disposition";
  commentId: string;
  disposition: string;
  observation: string;
  error: string;
  values?: Record<string, string | number>;
};

/**
 * What became of the comment, beside the reader's own review in the open entry: one disposition
 * per comment, shared by the secretariat and the chairs, with the observations of the Secretariat.
 * A document POST without JavaScript; the action redirects back to this view at this entry.
 */
export function DispositionForm({
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
  reply: DispositionReply | null;
  busy: boolean;
  formAction: string;
}) {
  const id = `disposition-${entry.commentId}`;
  const words = all.dispositionForm;
  const decided = entry.disposition;
  return (
    <Form
      method="post"
      action={`${formAction}#${anchor}`}
      className="sbs-review__form sbs-disposition-form"
      // The same key after an error keeps what the reader chose and typed.
      key={`${entry.commentId}-${decided?.disposition ?? ""}-${decided?.observation ?? ""}`}
    >
      <input type="hidden" name="intent" value="disposition" />
      <input type="hidden" name="commentId" value={entry.commentId} />
      <input type="hidden" name="anchor" value={anchor} />
      <fieldset aria-describedby={`${id}-help`}>
        <legend className="sbs-label">{words.title}</legend>
        <p id={`${id}-help`} className="muted">
          {words.help}
        </p>
        {reply ? <FormErrors id={`${id}-error`} errors={[reply.error]} values={reply.values} /> : null}
        <div className="sbs-review__fields">
          <div className="field">
            <label htmlFor={`${id}-value`}>{words.title}</label>
            <select id={`${id}-value`} name="disposition" defaultValue={reply ? reply.disposition : (decided?.disposition ?? "")}>
              <option value="">{words.none}</option>
              {DISPOSITIONS.map((disposition) => (
                <option key={disposition} value={disposition}>
                  {words.of(disposition)}
                </option>
              ))}
            </select>
          </div>
          <div className="field sbs-review__note">
            <label htmlFor={`${id}-observation`}>{words.observation}</label>
            <textarea
              id={`${id}-observation`}
              name="observation"
              rows={3}
              maxLength={MAX_OBSERVATION}
              defaultValue={reply ? reply.observation : (decided?.observation ?? "")}
              aria-describedby={reply ? `${id}-error` : undefined}
              aria-invalid={reply ? true : undefined}
            />
          </div>
          <div className="sbs-review__buttons">
            <SubmitButton pending={busy} aria-describedby={`${anchor}-name`}>
              {words.save}
            </SubmitButton>
          </div>
        </div>
      </fieldset>
    </Form>
  );
}
