import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { directionOf } from "~/i18n/languages";
import { MEETING_FORMATS, MeetingSchema, OTHER_LANGUAGES, type MeetingInput } from "~/lib/consultation-forms";
import { FormErrors } from "~/components/ui/form-errors";
import { Field } from "~/components/ui/field";
import { TimeZoneOptions } from "~/components/meetings/time-zone-options";
import { SubmitButton } from "~/components/ui/button";

/**
 * Create or edit a meeting: body, symbol prefix, session, venue, dates, format, time zone; the
 * body and the venue also in the other official languages, where the UN has them (optional).
 */
export function MeetingForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<MeetingInput>;
  submitLabel: string;
}) {
  const { t } = useTranslation(["consultations", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "meeting",
    lastResult,
    defaultValue: { timeZone: "Europe/Vienna", format: "in_person", ...defaultValue },
    constraint: getZodConstraint(MeetingSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingSchema }),
  });
  const bodyNames = fields.bodyTranslations.getFieldset();
  const venueNames = fields.venueTranslations.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="form-grid">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field field={fields.body} label={t("meetingForm.body")} hint={t("meetingForm.bodyHelp")}>
        <input {...getInputProps(fields.body, { type: "text", ariaDescribedBy: fields.body.descriptionId })} lang="en" dir="ltr" />
      </Field>
      <Field field={fields.parentBody} label={t("meetingForm.parentBody")} hint={t("meetingForm.parentBodyHelp")}>
        <input {...getInputProps(fields.parentBody, { type: "text", ariaDescribedBy: fields.parentBody.descriptionId })} lang="en" dir="ltr" />
      </Field>
      <div className="form-row">
        <Field field={fields.symbolPrefix} label={t("meetingForm.symbolPrefix")} hint={t("meetingForm.symbolPrefixHelp")}>
          <input {...getInputProps(fields.symbolPrefix, { type: "text", ariaDescribedBy: fields.symbolPrefix.descriptionId })} dir="ltr" />
        </Field>
        <Field field={fields.session} label={t("meetingForm.session")} hint={t("meetingForm.sessionHelp")}>
          <input {...getInputProps(fields.session, { type: "text", ariaDescribedBy: fields.session.descriptionId })} lang="en" dir="ltr" />
        </Field>
      </div>
      <div className="form-row">
        <Field field={fields.venue} label={t("meetingForm.venue")}>
          <input {...getInputProps(fields.venue, { type: "text" })} lang="en" dir="ltr" />
        </Field>
        <Field field={fields.startDate} label={t("meetingForm.startDate")}>
          <input {...getInputProps(fields.startDate, { type: "date" })} />
        </Field>
        <Field field={fields.endDate} label={t("meetingForm.endDate")}>
          <input {...getInputProps(fields.endDate, { type: "date" })} />
        </Field>
      </div>
      <div className="form-row">
        <Field field={fields.format} label={t("meetingForm.format")}>
          <select {...getSelectProps(fields.format)}>
            {MEETING_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`format.${format}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.timeZone} label={t("meetingForm.timeZone")} hint={t("meetingForm.timeZoneHelp")}>
          <select {...getSelectProps(fields.timeZone, { ariaDescribedBy: fields.timeZone.descriptionId })} dir="ltr">
            <TimeZoneOptions />
          </select>
        </Field>
      </div>
      <fieldset aria-describedby="meeting-other-languages-help">
        <legend>{t("meetingForm.otherLanguages")}</legend>
        <p className="field__help" id="meeting-other-languages-help">
          {t("meetingForm.otherLanguagesHelp")}
        </p>
        {/* One group per name, each input labelled by its language alone (the group's legend
            says which name), and typed in that language and its direction. */}
        <div className="form-row">
          {(["body", "venue"] as const).map((part) => {
            const names = part === "body" ? bodyNames : venueNames;
            return (
              <fieldset key={part}>
                <legend>{t(`meetingForm.${part}`)}</legend>
                {OTHER_LANGUAGES.map((code) => (
                  <Field key={code} field={names[code]} label={t(`common:languageNames.${code}`)}>
                    <input {...getInputProps(names[code], { type: "text" })} lang={code} dir={directionOf(code)} />
                  </Field>
                ))}
              </fieldset>
            );
          })}
        </div>
      </fieldset>
      <p>
        <SubmitButton pending={navigation.state === "submitting"}>{submitLabel}</SubmitButton>
      </p>
    </Form>
  );
}
