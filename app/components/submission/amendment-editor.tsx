import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { redline, redlineStats } from "~/lib/redline";
import { FormErrors } from "~/components/ui/form-errors";
import { Redline } from "~/components/ui/redline";
import { isolate, withData } from "~/components/ui/data-text";
import { Button } from "~/components/ui/button";

/** Texts longer than this (characters) get their redline after a pause in typing, not per key. */
export const LONG_AMENDMENT = 3_000;
const LONG_AMENDMENT_DEBOUNCE_MS = 300;

export type AmendmentEditorProps = {
  /** The point's label as circulated, e.g. "(a)" or "Recommendation 3". */
  pointLabel: string;
  /** The point's wording in the non-paper the delegation is commenting on. */
  circulatedText: string;
  /** The form field name of the proposed wording. */
  name?: string;
  id?: string;
  /** Controlled: the proposed wording; pair with onChange. */
  value?: string;
  /** Uncontrolled: the starting wording (by default the circulated text). */
  defaultValue?: string;
  onChange?: (value: string) => void;
  /** For autosave on blur. */
  onBlur?: () => void;
  /** After the deadline, or once submitted: the text and its redline show, nothing can change. */
  readOnly?: boolean;
  /** Validation messages (translation keys such as "submissions:errors.tooLong"). */
  errors?: string[];
  rows?: number;
};

/**
 * A proposed rewording of a discussion point: a textarea holding a copy of the circulated text,
 * and below it the word-level redline of the proposal against the circulated version (the same
 * Redline as the point history), with a summary ("3 words inserted, 1 word deleted") and a
 * button to go back to the circulated text. The wording is English (the working language)
 * whatever the interface language, so the textarea and the redline are lang="en" dir="ltr".
 *
 * Unchanged wording means no amendment: the page decides not to store it.
 */
export function AmendmentEditor({
  pointLabel,
  circulatedText,
  name,
  id,
  value,
  defaultValue,
  onChange,
  onBlur,
  readOnly = false,
  errors,
  rows = 6,
}: AmendmentEditorProps) {
  const { t } = useTranslation("submissions");
  const autoId = useId();
  const fieldId = id ?? `amendment-${autoId}`;
  const helpId = `${fieldId}-help`;
  const summaryId = `${fieldId}-summary`;
  const errorId = `${fieldId}-errors`;
  const captionId = `${fieldId}-redline`;

  const controlled = value !== undefined;
  const [ownValue, setOwnValue] = useState(defaultValue ?? circulatedText);
  const text = controlled ? value : ownValue;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const resetPending = useRef(false);

  // Typing stays fluid: the redline follows at lower priority, and for long texts after a pause.
  const deferred = useDeferredValue(text);
  const compared = useDebounced(deferred, deferred.length > LONG_AMENDMENT ? LONG_AMENDMENT_DEBOUNCE_MS : 0);
  const segments = useMemo(() => redline(circulatedText, compared), [circulatedText, compared]);
  const stats = useMemo(() => redlineStats(segments), [segments]);
  const unchanged = text === circulatedText;
  const stale = compared !== text;

  const inserted = t("amendment.inserted", { count: stats.inserted });
  const deleted = t("amendment.deleted", { count: stats.deleted });
  // Only the kinds of change there are: "2 words inserted", or "3 words inserted, 1 word deleted".
  const summary = segments.every((s) => s.kind === "equal")
    ? t("amendment.unchanged")
    : stats.inserted === 0 && stats.deleted === 0
      ? t("amendment.minorOnly")
      : stats.deleted === 0
        ? inserted
        : stats.inserted === 0
          ? deleted
          : t("amendment.summary", { inserted, deleted });

  const change = (next: string) => {
    if (!controlled) setOwnValue(next);
    onChange?.(next);
  };

  const reset = () => {
    resetPending.current = true;
    change(circulatedText);
    setAnnouncement(t("amendment.resetDone"));
    textarea.current?.focus();
  };

  // After a reset, tell listeners on the form (autosave watching a form) that the text changed,
  // as typing would. React sets the value itself, so this does not call onChange twice.
  useEffect(() => {
    if (!resetPending.current) return;
    resetPending.current = false;
    textarea.current?.dispatchEvent(new Event("input", { bubbles: true }));
  }, [text]);

  return (
    <div className="amendment-editor">
      <div className="field">
        <label htmlFor={fieldId}>{withData(t("amendment.label", { label: isolate(pointLabel) }))}</label>
        <p className="field__help" id={helpId}>
          {t("amendment.help")}
        </p>
        <textarea
          ref={textarea}
          id={fieldId}
          name={name}
          value={text}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
            setAnnouncement("");
            change(event.target.value);
          }}
          onBlur={onBlur}
          readOnly={readOnly}
          rows={rows}
          lang="en"
          dir="ltr"
          spellCheck
          className="amendment-editor__input"
          aria-describedby={[helpId, summaryId, errors?.length ? errorId : null].filter(Boolean).join(" ")}
          aria-invalid={errors?.length ? true : undefined}
        />
        <FormErrors id={errorId} errors={errors} />
      </div>
      <div className="amendment-editor__bar">
        <p className="amendment-editor__summary" id={summaryId}>
          {summary}
        </p>
        {readOnly ? null : (
          <Button variant="secondary" size="small" onClick={reset} disabled={unchanged}>
            {t("amendment.reset")}
          </Button>
        )}
      </div>
      <figure className="amendment-editor__redline" aria-labelledby={captionId}>
        <figcaption id={captionId}>{t("amendment.redlineTitle")}</figcaption>
        <div className={`redline-box${stale ? " is-stale" : ""}`} dir="ltr" aria-busy={stale || undefined}>
          <Redline segments={segments} />
        </div>
      </figure>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}

/** `value`, once it has stopped changing for `delay` ms (at once when delay is 0). */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delay <= 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return delay <= 0 ? value : settled;
}
