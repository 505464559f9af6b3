import { getFormProps, getInputProps, getTextareaProps, useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { FormErrors } from "~/components/ui/form-errors";
import { Field } from "~/components/ui/field";
import { Button, SubmitButton } from "~/components/ui/button";
import { ImportReviewSchema, MAX_AGENDA_NUMBER, MAX_LABEL } from "~/lib/agenda-forms";
import { excludeReviewLines, type ImportWarning, type ReviewItem } from "~/lib/point-import";

/** The review form's values: every agenda item found (and the text before the first), in order. */
export type ImportReviewValues = { items: ReviewItem[] };

// The form as Conform sees it: the schema's output drops what was left out, the form keeps it.
type ReviewFormShape = {
  pasted: string;
  reviewKey: string;
  cursor: string;
  items: ReviewItem[];
};

// Long ignored paragraphs are cut in the warning list; the pasted text itself is kept whole.
const shorten = (text: string) => (text.length > 240 ? `${text.slice(0, 240)}…` : text);

/** The parser's warnings, in the reader's language, each with its line and the text concerned. */
export function ImportWarnings({ warnings }: { warnings: ImportWarning[] }) {
  const { t } = useTranslation("agenda");
  if (!warnings.length) return null;
  return (
    <section className="import-warnings" aria-labelledby="import-warnings-title">
      <h2 id="import-warnings-title">{t("import.warningsTitle", { count: warnings.length })}</h2>
      <ul>
        {warnings.map((warning, index) => (
          <li key={index}>
            {warning.line > 0 ? <span className="import-warnings__line">{t("import.line", { line: warning.line })} </span> : null}
            {t(`import.warnings.${warning.code}`)}
            {warning.detail ? (
              <>
                {" "}
                <bdi className="import-warnings__detail" lang="en" dir="ltr">
                  {shorten(warning.detail)}
                </bdi>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

// A text box about as tall as its text, within reason.
const rowsFor = (text: string | undefined) => Math.min(12, Math.max(2, Math.ceil((text ?? "").length / 90)));

// Checkbox values come back from Conform as "on"; the server's defaults are booleans.
const isOn = (value: unknown) => value === true || value === "on" || value === "true";

/** A correction button: it posts the whole review with what to do, so it works without JavaScript. */
function OpButton({ op, children }: { op: string; children: string }) {
  return (
    <Button type="submit" variant="secondary" size="small" name="intent" value={`review:${op}`} formNoValidate>
      {children}
    </Button>
  );
}

/**
 * Every agenda item and point found, editable, each with a box to leave it out, and the text that
 * was not taken shown where it stood. Corrections (make a line a point or an agenda item, split,
 * merge, add, remove) are buttons that post the review: the server corrects it and answers with
 * the new one. It posts the pasted text along, so "Back to the pasted text" returns it.
 */
export function ImportReviewForm({
  reviewKey,
  pasted,
  defaultValue,
  lastResult,
  focus = null,
  opError = null,
}: {
  reviewKey: string;
  pasted: string;
  defaultValue: ImportReviewValues | null;
  lastResult: SubmissionResult<string[]> | null;
  focus?: string | null;
  opError?: string | null;
}) {
  const { t } = useTranslation("agenda");
  const navigation = useNavigation();
  const cursorRef = useRef<HTMLInputElement>(null);
  const [form, fields] = useForm<ReviewFormShape>({
    id: `import-${reviewKey}`,
    lastResult,
    defaultValue: defaultValue ? { ...defaultValue, pasted, reviewKey, cursor: "" } : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    // Only "save" is validated in the browser: "back" and the corrections must go through whatever
    // the state of the review (Conform does not honour formNoValidate).
    onValidate: ({ formData, submitter }) =>
      (submitter?.value === "save"
        ? parseWithZod(excludeReviewLines(formData), { schema: ImportReviewSchema })
        : parseWithZod(formData, { schema: z.object({}).passthrough() })) as unknown as Submission<ReviewFormShape>,
  });
  // After a correction the page is new: the keyboard focus goes to what was corrected.
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [focus]);

  const items = fields.items.getFieldList();
  const keptPoints = items.reduce((n, item) => {
    const f = item.getFieldset();
    if (f.kind.value === "lines" || isOn(f.exclude.value)) return n;
    return (
      n +
      f.points.getFieldList().filter((p) => {
        const pf = p.getFieldset();
        return pf.kind.value !== "line" && !isOn(pf.exclude.value);
      }).length
    );
  }, 0);
  const nothingToSave = keptPoints === 0;
  // Where the cursor is in a point, so that "Split" splits there.
  const trackCursor = (i: number, j: number) => (event: { currentTarget: HTMLTextAreaElement }) => {
    if (cursorRef.current) cursorRef.current.value = `${i}:${j}:${event.currentTarget.selectionStart}`;
  };

  return (
    <Form method="post" {...getFormProps(form)} className="stack import-review">
      <input type="hidden" name="pasted" value={pasted} />
      <input type="hidden" name="reviewKey" value={reviewKey} />
      <input type="hidden" name="cursor" ref={cursorRef} defaultValue="" />
      <FormErrors id={form.errorId} errors={form.errors} />
      {opError ? (
        <p className="form-errors import-review__op-error" role="alert">
          {String(t(opError as never))}
        </p>
      ) : null}
      <p className="note">{t("import.splitHelp")}</p>
      {items.length === 0 || items.every((item) => item.getFieldset().kind.value === "lines") ? (
        <div className="import-review__add">
          <OpButton op="addItem:-1">{t("import.ops.addFirstItem")}</OpButton>
        </div>
      ) : null}
      {items.map((item, i) => {
        const f = item.getFieldset();
        const points = f.points.getFieldList();
        const heading = f.heading.value;
        const isLines = f.kind.value === "lines";
        const legendId = `import-item-${i}-legend`;
        const entries = points.map((point, j) => {
          const p = point.getFieldset();
          const entryId = `import-entry-${i}-${j}`;
          if (p.kind.value === "line") {
            return (
              <div key={point.key ?? entryId} className="import-line" id={entryId} tabIndex={-1}>
                <input type="hidden" name={p.kind.name} value="line" />
                <input type="hidden" name={p.text.name} value={p.text.value ?? ""} />
                <p className="import-line__text">
                  <span className="import-line__caption">{t("import.lineCaption")}</span>{" "}
                  <bdi lang="en" dir="ltr">
                    {p.text.value}
                  </bdi>
                </p>
                <div className="import-ops" role="group" aria-label={t("import.ops.lineGroup")}>
                  <OpButton op={`point:${i}:${j}`}>{t("import.ops.makePoint")}</OpButton>
                  <OpButton op={`heading:${i}:${j}`}>{t("import.ops.makeHeading")}</OpButton>
                  <OpButton op={`remove:${i}:${j}`}>{t("import.ops.remove")}</OpButton>
                </div>
              </div>
            );
          }
          const label = p.label.initialValue || "—";
          return (
            <fieldset key={point.key ?? entryId} className="import-point" id={entryId} tabIndex={-1}>
              <legend>
                {t("import.pointLegend")}{" "}
                <bdi lang="en" dir="ltr">
                  {label}
                </bdi>
              </legend>
              <input type="hidden" name={p.kind.name} value="point" />
              <div className="import-check">
                <input {...getInputProps(p.exclude, { type: "checkbox" })} />
                <label htmlFor={p.exclude.id}>{t("import.excludePoint")}</label>
              </div>
              <Field field={p.label} label={t("fields.label")}>
                <input {...getInputProps(p.label, { type: "text" })} maxLength={MAX_LABEL} size={20} lang="en" dir="ltr" />
              </Field>
              <Field field={p.text} label={t("fields.text")}>
                <textarea
                  {...getTextareaProps(p.text)}
                  rows={rowsFor(p.text.initialValue)}
                  lang="en"
                  dir="ltr"
                  onSelect={trackCursor(i, j)}
                  onKeyUp={trackCursor(i, j)}
                  onMouseUp={trackCursor(i, j)}
                />
              </Field>
              <div className="import-ops" role="group" aria-label={t("import.ops.pointGroup", { label })}>
                <OpButton op={`split:${i}:${j}`}>{t("import.ops.split")}</OpButton>
                {j < points.length - 1 ? <OpButton op={`merge:${i}:${j}`}>{t("import.ops.merge")}</OpButton> : null}
                <OpButton op={`heading:${i}:${j}`}>{t("import.ops.makeHeading")}</OpButton>
                <OpButton op={`line:${i}:${j}`}>{t("import.ops.notPoint")}</OpButton>
                <OpButton op={`remove:${i}:${j}`}>{t("import.ops.remove")}</OpButton>
              </div>
            </fieldset>
          );
        });
        if (isLines) {
          return (
            <fieldset key={item.key ?? `import-item-${i}`} className="import-item import-item--lines" id={`import-item-${i}`} tabIndex={-1}>
              <legend>{t("import.linesLegend")}</legend>
              <input type="hidden" name={f.kind.name} value="lines" />
              {entries}
            </fieldset>
          );
        }
        const hasPoints = points.some((point) => point.getFieldset().kind.value !== "line");
        return (
          <fieldset key={item.key ?? `import-item-${i}`} className="import-item" id={`import-item-${i}`} tabIndex={-1} aria-labelledby={legendId}>
            <legend id={legendId}>
              {t("import.itemLegend", { index: i + 1 - (items[0]?.getFieldset().kind.value === "lines" ? 1 : 0) })}
              {heading ? (
                <>
                  {" "}
                  <bdi className="muted" dir="ltr">
                    ({heading}.)
                  </bdi>
                </>
              ) : null}
            </legend>
            <input type="hidden" name={f.kind.name} value="item" />
            <input type="hidden" name={f.heading.name} value={heading ?? ""} />
            <div className="import-check">
              <input {...getInputProps(f.exclude, { type: "checkbox" })} />
              <label htmlFor={f.exclude.id}>{t("import.excludeItem")}</label>
            </div>
            <div className="agenda-form__row">
              <Field field={f.number} label={t("fields.number")} hint={t("import.numberHelp")}>
                <input
                  {...getInputProps(f.number, { type: "text", ariaDescribedBy: f.number.descriptionId })}
                  maxLength={MAX_AGENDA_NUMBER}
                  size={6}
                  dir="ltr"
                />
              </Field>
            </div>
            <Field field={f.title} label={t("fields.title")}>
              <textarea {...getTextareaProps(f.title)} rows={rowsFor(f.title.value)} lang="en" dir="ltr" />
            </Field>
            <Field field={f.introduction} label={t("fields.introduction")} hint={t("fields.introductionHelp")}>
              <textarea {...getTextareaProps(f.introduction, { ariaDescribedBy: f.introduction.descriptionId })} rows={2} lang="en" dir="ltr" />
            </Field>
            {hasPoints ? null : <p className="empty">{t("import.noPointsInItem")}</p>}
            {entries}
            <div className="import-ops import-ops--item" role="group" aria-labelledby={legendId}>
              <OpButton op={`addPoint:${i}`}>{t("import.ops.addPoint")}</OpButton>
              <OpButton op={`addItem:${i}`}>{t("import.ops.addItem")}</OpButton>
              <OpButton op={`unheading:${i}`}>{t("import.ops.unheading")}</OpButton>
            </div>
          </fieldset>
        );
      })}
      <div className="import-review__buttons">
        <SubmitButton
          name="intent"
          value="save"
          pending={navigation.state === "submitting"}
          disabled={nothingToSave}
          aria-describedby={nothingToSave ? "import-nothing-to-save" : undefined}
        >
          {t("import.save")}
        </SubmitButton>
        <Button type="submit" variant="secondary" name="intent" value="back" formNoValidate>
          {t("import.back")}
        </Button>
        {nothingToSave ? (
          <p className="import-review__nothing" id="import-nothing-to-save">
            {t("import.nothingToSave")}
          </p>
        ) : null}
      </div>
    </Form>
  );
}
