import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";
import type { CrpIntroductionKey } from "~/documents/crp";
import { MAX_INTRODUCTION_NOTE } from "~/lib/crp-files";
import { CrpActionSchema, type CrpActionAnswer } from "~/lib/crp-forms";

/** The secretariat's own words on why the points were circulated, then the other paragraphs. */
export function IntroductionForm({
  note,
  lastResult,
  busy,
  children,
}: {
  note: string | null;
  lastResult: CrpActionAnswer["result"] | undefined;
  busy: boolean;
  children: React.ReactNode;
}) {
  const { t } = useTranslation("crp");
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { intent: "introduction", introductionNote: note ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CrpActionSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="introduction-title" className="panel">
      <h2 id="introduction-title">{t("introduction.title")}</h2>
      <p className="muted">{t("introduction.help")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="introduction" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.introductionNote.id}>{t("introduction.label")}</label>
          <textarea {...getTextareaProps(fields.introductionNote)} rows={6} lang="en" dir="ltr" maxLength={MAX_INTRODUCTION_NOTE} />
          <p className="field__help">{t("introduction.limit", { count: MAX_INTRODUCTION_NOTE })}</p>
          <FormErrors id={fields.introductionNote.errorId} errors={fields.introductionNote.errors} />
        </div>
        <SubmitButton variant="secondary" pending={busy}>
          {t("introduction.save")}
        </SubmitButton>
      </Form>
      {children}
    </section>
  );
}

/**
 * The other paragraphs of section I as the data words them now, each open to be rewritten by hand
 * (it then no longer follows the data), left out (emptied), or given back to the data.
 */
export function IntroductionParagraphs({
  paragraphs,
  rewritten,
  refused,
  busy,
}: {
  paragraphs: { number: number; key: CrpIntroductionKey; text: string }[];
  rewritten: CrpIntroductionKey[];
  refused: { key: CrpIntroductionKey | undefined; result: CrpActionAnswer["result"] } | null;
  busy: boolean;
}) {
  const { t } = useTranslation("crp");
  if (!paragraphs.length) return null;
  return (
    <div className="crp-paragraphs">
      <h3>{t("introduction.paragraphs.title")}</h3>
      <p className="muted">{t("introduction.paragraphs.help")}</p>
      {paragraphs.map((paragraph) => {
        const byHand = rewritten.includes(paragraph.key);
        const mine = refused?.key === paragraph.key ? refused.result : undefined;
        const errors = Object.values(mine?.error ?? {}).flatMap((messages) => messages ?? []);
        // What the officer typed comes back with the error.
        const typed = (mine?.initialValue as { text?: unknown } | undefined)?.text;
        const id = `paragraph-${paragraph.key}`;
        return (
          <details key={paragraph.key} id={id} open={errors.length > 0 || undefined}>
            <summary>
              {t("introduction.paragraphs.summary", { number: paragraph.number })}
              {byHand ? <Badge>{t("introduction.paragraphs.byHand")}</Badge> : null}
            </summary>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="paragraph" />
              <input type="hidden" name="key" value={paragraph.key} />
              <FormErrors id={`${id}-errors`} errors={errors} />
              <div className="field">
                <label htmlFor={`${id}-text`}>{t("introduction.paragraphs.label", { number: paragraph.number })}</label>
                <textarea
                  id={`${id}-text`}
                  name="text"
                  rows={4}
                  lang="en"
                  dir="ltr"
                  maxLength={MAX_INTRODUCTION_NOTE}
                  defaultValue={typeof typed === "string" ? typed : paragraph.text}
                />
              </div>
              <p className="actions-row">
                <SubmitButton variant="secondary" pending={busy}>
                  {t("introduction.paragraphs.save")}
                </SubmitButton>{" "}
                {byHand ? (
                  <SubmitButton variant="secondary" name="reset" value="1" pending={busy}>
                    {t("introduction.paragraphs.reset")}
                  </SubmitButton>
                ) : null}
              </p>
            </Form>
          </details>
        );
      })}
    </div>
  );
}
