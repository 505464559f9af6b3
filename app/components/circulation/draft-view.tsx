import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CirculationChecklist } from "~/components/circulation/checklist";
import { NotifySummary } from "~/components/circulation/notify-summary";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { directionOf } from "~/i18n/languages";
import { CirculationActionSchema, regenerateIntent, type CirculationActionData } from "~/lib/circulation-forms";
import { NOTE_TRANSLATION_LANGUAGES } from "~/lib/covering-note";
import { paths } from "~/lib/paths";
import type { CirculationPageData } from "~/models/circulation.server";

/**
 * A draft consultation's circulation: the checklist, the covering note to edit, save or
 * regenerate, what circulating will do, and the confirmed button that does it.
 */
export function DraftView({
  page,
  mailConfigured,
  actionData,
}: {
  page: CirculationPageData;
  mailConfigured: boolean;
  actionData: CirculationActionData | undefined;
}) {
  const navigation = useNavigation();
  const { t } = useTranslation("circulation");
  const { t: tCommon } = useTranslation("common");
  const { consultation, checklist, recipients } = page;
  const id = consultation.id;
  const regenerated = actionData?.regenerated ?? null;
  // After a draft in one language, every other box keeps what the officer had typed (not yet saved).
  const typed = regenerated?.typed ?? null;
  const english = regenerated?.language === "en" ? regenerated.text : (typed?.coveringNote ?? page.note.saved ?? page.note.generated);
  const translations = Object.fromEntries(
    NOTE_TRANSLATION_LANGUAGES.map((language) => [
      language,
      regenerated?.language === language ? regenerated.text : ((typed?.translations ?? page.note.translations)[language] ?? ""),
    ]),
  );
  const [form, fields] = useForm({
    // A new id when a draft is regenerated, so that the text boxes take the new texts.
    id: regenerated ? `circulate-${id}-${regenerated.nonce}` : `circulate-${id}`,
    lastResult: regenerated ? undefined : actionData?.result,
    defaultValue: { coveringNote: english, translations },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CirculationActionSchema }),
  });
  const translationFields = fields.translations.getFieldset();
  const blocked = checklist.blockers.length > 0;
  const busy = navigation.state !== "idle";

  return (
    <>
      <p className="lead">{t("intro", { number: page.nextNonPaperNumber })}</p>

      <CirculationChecklist consultationId={id} checklist={checklist} timeZone={consultation.meeting.timeZone} />

      {/* Posting to the bare address drops a "?saved" notice that no longer applies. */}
      <Form method="post" action={paths.circulate(id)} {...getFormProps(form)}>
        <section className="panel stack" aria-labelledby="note-title">
          <h2 id="note-title">{t("note.title")}</h2>
          <p className="muted">{t("note.help")}</p>
          <p className="muted">{regenerated?.language === "en" ? t("note.regenerated") : page.note.saved ? t("note.fromSaved") : t("note.fromData")}</p>
          <div className="field">
            <label htmlFor={fields.coveringNote.id}>{t("note.label")}</label>
            <textarea
              {...getTextareaProps(fields.coveringNote)}
              key={fields.coveringNote.key}
              rows={22}
              lang="en"
              dir="ltr"
              className="circulation__note-input"
            />
            <FormErrors id={fields.coveringNote.errorId} errors={fields.coveringNote.errors} />
          </div>
          <div className="circulation__buttons">
            <SubmitButton variant="secondary" name="intent" value="save" pending={busy}>
              {t("note.save")}
            </SubmitButton>
            <SubmitButton variant="secondary" name="intent" value="regenerate" pending={busy}>
              {t("note.regenerate")}
            </SubmitButton>
          </div>

          {/* The note in the other languages: optional, each drafted from the data on request, posted with the English one. */}
          <section className="stack" aria-labelledby="note-translations-title">
            <h3 id="note-translations-title">{t("note.translations.title")}</h3>
            <p className="muted">{t("note.translations.help")}</p>
            {NOTE_TRANSLATION_LANGUAGES.map((language) => {
              const field = translationFields[language];
              const name = tCommon(`languageNames.${language}`);
              const drafted = regenerated?.language === language;
              return (
                <details key={language} className="circulation__translation" open={drafted || Boolean(field.errors) || undefined}>
                  <summary>{t(translations[language] ? "note.translations.prepared" : "note.translations.notPrepared", { language: name })}</summary>
                  <div className="field">
                    <label htmlFor={field.id}>{t("note.translations.label", { language: name })}</label>
                    {drafted ? <p className="muted">{t("note.translations.drafted")}</p> : null}
                    <textarea
                      {...getTextareaProps(field)}
                      key={field.key}
                      rows={22}
                      lang={language}
                      dir={directionOf(language)}
                      className="circulation__note-input"
                    />
                    <FormErrors id={field.errorId} errors={field.errors} />
                  </div>
                  <SubmitButton variant="secondary" name="intent" value={regenerateIntent(language)} pending={busy}>
                    {t("note.translations.draft", { language: name })}
                  </SubmitButton>
                </details>
              );
            })}
            <div className="circulation__buttons">
              <SubmitButton variant="secondary" name="intent" value="save" pending={busy}>
                {t("note.save")}
              </SubmitButton>
            </div>
          </section>
        </section>

        <section className="panel stack" aria-labelledby="summary-title">
          <h2 id="summary-title">{t("summary.title")}</h2>
          <ul className="circulation__summary">
            <li>{t("summary.freeze", { count: checklist.points, number: page.nextNonPaperNumber })}</li>
            <li>{t("summary.open")}</li>
            <li>
              <NotifySummary {...recipients} />
            </li>
            <li>
              {mailConfigured ? t("summary.mailConfigured") : t("summary.mailNotConfigured")}{" "}
              <Link to={paths.outbox({ consultation: id })}>{t("summary.outboxLink")}</Link>
            </li>
          </ul>
          <FormErrors id={form.errorId} errors={form.errors} />
          {blocked ? <p className="circulation__warning">{t("confirm.blocked")}</p> : null}
          <div className="circulation__confirm">
            <input {...getInputProps(fields.confirm, { type: "checkbox" })} key={fields.confirm.key} disabled={blocked} />
            <label htmlFor={fields.confirm.id}>{t("confirm.label", { number: page.nextNonPaperNumber })}</label>
          </div>
          <FormErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
          <SubmitButton name="intent" value="circulate" pending={busy} disabled={blocked}>
            {t("confirm.button")}
          </SubmitButton>
        </section>
      </Form>
    </>
  );
}
