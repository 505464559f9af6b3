import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors } from "~/components/form-errors";
import { FormField } from "~/components/form-field";
import { ImportReviewSchema, MAX_AGENDA_NUMBER, MAX_LABEL } from "~/lib/agenda-forms";
import type { ImportWarning } from "~/lib/point-import";

/** The review form's values: strings as in the form, one entry per agenda item found. */
export type ImportReviewValues = {
  items: {
    number: string;
    heading: string;
    title: string;
    introduction: string;
    points: { label: string; text: string }[];
  }[];
};

// The form as Conform sees it: the schema's output drops what was left out, the form keeps it.
type ReviewFormShape = {
  pasted: string;
  reviewKey: string;
  items: (Omit<ImportReviewValues["items"][number], "points"> & {
    exclude: boolean;
    points: { exclude: boolean; label: string; text: string }[];
  })[];
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

/**
 * Every agenda item and point found, editable, each with a box to leave it out. It posts the
 * pasted text along, so "Back to the pasted text" returns it, and the server can re-read it.
 */
export function ImportReviewForm({
  reviewKey,
  pasted,
  defaultValue,
  lastResult,
}: {
  reviewKey: string;
  pasted: string;
  defaultValue: ImportReviewValues | null;
  lastResult: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("agenda");
  const navigation = useNavigation();
  const [form, fields] = useForm<ReviewFormShape>({
    id: `import-${reviewKey}`,
    lastResult,
    defaultValue: defaultValue ? { ...defaultValue, pasted, reviewKey } : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    // "Back to the pasted text" must go back whatever the state of the review (Conform does not
    // honour formNoValidate), so only "save" is validated in the browser.
    onValidate: ({ formData, submitter }) =>
      parseWithZod(formData, { schema: submitter?.value === "back" ? z.object({}).passthrough() : ImportReviewSchema }) as unknown as Submission<ReviewFormShape>,
  });
  const items = fields.items.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="stack import-review">
      <input type="hidden" name="pasted" value={pasted} />
      <input type="hidden" name="reviewKey" value={reviewKey} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {items.map((item, i) => {
        const f = item.getFieldset();
        const points = f.points.getFieldList();
        const heading = f.heading.value;
        return (
          <fieldset key={item.key} className="import-item">
            <legend>
              {t("import.itemLegend", { index: i + 1 })}
              {heading ? (
                <>
                  {" "}
                  <bdi className="muted" dir="ltr">
                    ({heading}.)
                  </bdi>
                </>
              ) : null}
            </legend>
            <input type="hidden" name={f.heading.name} value={heading ?? ""} />
            <div className="import-check">
              <input {...getInputProps(f.exclude, { type: "checkbox" })} />
              <label htmlFor={f.exclude.id}>{t("import.excludeItem")}</label>
            </div>
            <div className="agenda-form__row">
              <FormField field={f.number} label={t("fields.number")} help={t("import.numberHelp")}>
                <input
                  {...getInputProps(f.number, { type: "text", ariaDescribedBy: f.number.descriptionId })}
                  maxLength={MAX_AGENDA_NUMBER}
                  size={6}
                  dir="ltr"
                />
              </FormField>
            </div>
            <FormField field={f.title} label={t("fields.title")}>
              <textarea {...getTextareaProps(f.title)} rows={rowsFor(f.title.value)} lang="en" dir="ltr" />
            </FormField>
            <FormField field={f.introduction} label={t("fields.introduction")} help={t("fields.introductionHelp")}>
              <textarea
                {...getTextareaProps(f.introduction, { ariaDescribedBy: f.introduction.descriptionId })}
                rows={2}
                lang="en"
                dir="ltr"
              />
            </FormField>
            {points.length === 0 ? <p className="empty">{t("import.noPointsInItem")}</p> : null}
            {points.map((point) => {
              const p = point.getFieldset();
              return (
                <fieldset key={point.key} className="import-point">
                  <legend>
                    {t("import.pointLegend")}{" "}
                    <bdi lang="en" dir="ltr">
                      {p.label.initialValue || "—"}
                    </bdi>
                  </legend>
                  <div className="import-check">
                    <input {...getInputProps(p.exclude, { type: "checkbox" })} />
                    <label htmlFor={p.exclude.id}>{t("import.excludePoint")}</label>
                  </div>
                  <FormField field={p.label} label={t("fields.label")}>
                    <input {...getInputProps(p.label, { type: "text" })} maxLength={MAX_LABEL} size={20} lang="en" dir="ltr" />
                  </FormField>
                  <FormField field={p.text} label={t("fields.text")}>
                    <textarea {...getTextareaProps(p.text)} rows={rowsFor(p.text.initialValue)} lang="en" dir="ltr" />
                  </FormField>
                </fieldset>
              );
            })}
          </fieldset>
        );
      })}
      <div className="import-review__buttons">
        <button type="submit" name="intent" value="save" className="button" disabled={navigation.state === "submitting"}>
          {t("import.save")}
        </button>
        <button type="submit" name="intent" value="back" formNoValidate className="button button--secondary">
          {t("import.back")}
        </button>
      </div>
    </Form>
  );
}
