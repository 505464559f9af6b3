import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CirculationChecklist } from "~/components/circulation/checklist";
import { NotifySummary } from "~/components/circulation/notify-summary";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { CirculationActionSchema, type CirculationActionData } from "~/lib/circulation-forms";
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
  const { consultation, checklist, recipients } = page;
  const id = consultation.id;
  const regenerated = actionData?.regenerated ?? null;
  const [form, fields] = useForm({
    // A new id when the draft is regenerated, so that the text box takes the new text.
    id: regenerated ? `circulate-${id}-${regenerated.nonce}` : `circulate-${id}`,
    lastResult: regenerated ? undefined : actionData?.result,
    defaultValue: { coveringNote: regenerated?.text ?? page.note.saved ?? page.note.generated },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CirculationActionSchema }),
  });
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
          <p className="muted">{regenerated ? t("note.regenerated") : page.note.saved ? t("note.fromSaved") : t("note.fromData")}</p>
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
