import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { LANGUAGES } from "~/i18n/languages";
import { RETURN_FIELD } from "~/lib/consultation-draft";
import { ConsultationSchema, type ConsultationInput } from "~/lib/consultation-forms";
import { paths } from "~/lib/paths";
import { currentTimeZone } from "~/lib/time-zones";
import { FormErrors } from "~/components/ui/form-errors";
import { Field } from "~/components/ui/field";
import { isolate, withData } from "~/components/ui/data-text";
import { Button, SubmitButton } from "~/components/ui/button";

// What "Create a new meeting" takes: the form as it stands, unchecked (the meeting page keeps only
// the consultation's fields, bounded).
const ANYTHING = z.any() as unknown as typeof ConsultationSchema;

type MeetingChoice = { id: string; body: string; symbolPrefix: string; session: string; timeZone: string };
type ChairChoice = { id: string; name: string; email: string };

/**
 * Create or edit a consultation: what it is, the session of the parent body its CRP is for, how
 * the reflection period was approved, and the deadline in the meeting's time zone.
 */
export function ConsultationForm({
  lastResult,
  defaultValue,
  meetings,
  chairs,
  locked,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<Record<keyof ConsultationInput, string | string[]>>;
  meetings: MeetingChoice[];
  chairs: ChairChoice[];
  /** After circulation the meeting and the receipt prefix no longer change. */
  locked: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation("consultations");
  const navigation = useNavigation();
  const [form, fields] = useForm<ConsultationInput>({
    id: "consultation",
    lastResult,
    defaultValue: { workingLanguage: "en", deadlineTime: "18:00", ...defaultValue } as Partial<ConsultationInput>,
    constraint: getZodConstraint(ConsultationSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // "Create a new meeting" takes the form as it is, unfinished: no validation then.
    onValidate: ({ formData, submitter }) =>
      parseWithZod(formData, { schema: submitter?.getAttribute("name") === RETURN_FIELD ? ANYTHING : ConsultationSchema }),
  });
  const meetingId =
    (typeof fields.meetingId.value === "string" ? fields.meetingId.value : undefined) ??
    (typeof defaultValue?.meetingId === "string" ? defaultValue.meetingId : undefined);
  const storedZone = meetings.find((m) => m.id === meetingId)?.timeZone;
  const zone = storedZone ? currentTimeZone(storedZone) : undefined;
  const chairIds = new Set([fields.chairIds.value ?? defaultValue?.chairIds ?? []].flat());
  return (
    <Form method="post" {...getFormProps(form)} className="form-grid">
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset>
        <legend>{t("consultationForm.what")}</legend>
        <Field field={fields.meetingId} label={t("consultationForm.meeting")}>
          {locked ? (
            <>
              <input type="hidden" name={fields.meetingId.name} value={meetingId} />
              <select id={fields.meetingId.id} value={meetingId} disabled>
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.symbolPrefix} · {m.session} · {m.body}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <select {...getSelectProps(fields.meetingId)} dir="ltr">
              <option value="">{t("consultationForm.chooseMeeting")}</option>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.symbolPrefix} · {m.session} · {m.body}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!locked ? (
          <p className="field__help">
            <NewMeetingButton /> {t("consultationForm.newMeetingHelp")}
          </p>
        ) : null}
        <Field field={fields.title} label={t("consultationForm.title")} hint={t("consultationForm.titleHelp")}>
          <input {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })} lang="en" dir="ltr" />
        </Field>
        <div className="form-row">
          <Field field={fields.receiptPrefix} label={t("consultationForm.receiptPrefix")} hint={t("consultationForm.receiptPrefixHelp")}>
            <input
              {...getInputProps(fields.receiptPrefix, { type: "text", ariaDescribedBy: fields.receiptPrefix.descriptionId })}
              readOnly={locked}
              dir="ltr"
            />
          </Field>
          <Field field={fields.workingLanguage} label={t("consultationForm.workingLanguage")}>
            <select {...getSelectProps(fields.workingLanguage)}>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.nativeName}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("consultationForm.deadline")}</legend>
        <p className="field__help">
          {zone ? withData(t("consultationForm.deadlineZone", { zone: isolate(zone.replace(/_/g, " ")) })) : t("consultationForm.deadlineZoneUnknown")}
        </p>
        <div className="form-row">
          <Field field={fields.deadlineDate} label={t("consultationForm.deadlineDate")}>
            <input {...getInputProps(fields.deadlineDate, { type: "date" })} />
          </Field>
          <Field field={fields.deadlineTime} label={t("consultationForm.deadlineTime")}>
            <input {...getInputProps(fields.deadlineTime, { type: "time" })} />
          </Field>
        </div>
        <div className="form-row">
          <Field field={fields.reflectionApprovedOn} label={t("consultationForm.reflectionApprovedOn")}>
            <input {...getInputProps(fields.reflectionApprovedOn, { type: "date" })} />
          </Field>
          <Field
            field={fields.reflectionApprovalMethod}
            label={t("consultationForm.reflectionApprovalMethod")}
            hint={t("consultationForm.reflectionApprovalMethodHelp")}
          >
            <input
              {...getInputProps(fields.reflectionApprovalMethod, {
                type: "text",
                ariaDescribedBy: fields.reflectionApprovalMethod.descriptionId,
              })}
              lang="en"
              dir="ltr"
            />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("consultationForm.crp")}</legend>
        <p className="field__help">{t("consultationForm.crpHelp")}</p>
        <div className="form-row">
          <Field field={fields.parentSession} label={t("consultationForm.parentSession")}>
            <input {...getInputProps(fields.parentSession, { type: "text" })} lang="en" dir="ltr" />
          </Field>
          <Field field={fields.parentSessionVenue} label={t("consultationForm.parentSessionVenue")}>
            <input {...getInputProps(fields.parentSessionVenue, { type: "text" })} lang="en" dir="ltr" />
          </Field>
          <Field field={fields.parentSessionStartDate} label={t("consultationForm.parentSessionStartDate")}>
            <input {...getInputProps(fields.parentSessionStartDate, { type: "date" })} />
          </Field>
          <Field field={fields.parentSessionEndDate} label={t("consultationForm.parentSessionEndDate")}>
            <input {...getInputProps(fields.parentSessionEndDate, { type: "date" })} />
          </Field>
        </div>
        <div className="form-row">
          <Field field={fields.parentAgendaItemNumber} label={t("consultationForm.parentAgendaItemNumber")}>
            <input {...getInputProps(fields.parentAgendaItemNumber, { type: "text" })} dir="ltr" />
          </Field>
          <Field field={fields.parentAgendaItemTitle} label={t("consultationForm.parentAgendaItemTitle")}>
            <input {...getInputProps(fields.parentAgendaItemTitle, { type: "text" })} lang="en" dir="ltr" />
          </Field>
        </div>
        <div className="form-row">
          <Field field={fields.provisionalAgendaSymbol} label={t("consultationForm.provisionalAgendaSymbol")}>
            <input {...getInputProps(fields.provisionalAgendaSymbol, { type: "text" })} dir="ltr" />
          </Field>
          <Field field={fields.crpSymbol} label={t("consultationForm.crpSymbol")}>
            <input {...getInputProps(fields.crpSymbol, { type: "text" })} dir="ltr" />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("consultationForm.chairs")}</legend>
        {chairs.length === 0 ? (
          <p className="empty">{t("consultationForm.noChairs")}</p>
        ) : (
          <ul className="checklist">
            {chairs.map((chair) => (
              <li key={chair.id}>
                <label>
                  <input type="checkbox" name={fields.chairIds.name} value={chair.id} defaultChecked={chairIds.has(chair.id)} /> {chair.name}{" "}
                  <span className="muted" dir="ltr">
                    ({chair.email})
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <FormErrors id={fields.chairIds.errorId} errors={fields.chairIds.errors} />
      </fieldset>

      <p>
        <SubmitButton pending={navigation.state === "submitting"}>{submitLabel}</SubmitButton>
      </p>
    </Form>
  );
}

/**
 * "Create a new meeting": posts the consultation form, as typed so far, to the meeting page,
 * which brings the officer back to this form with the values and the new meeting chosen. A
 * submit button rather than a link, so that nothing typed is lost, with or without JavaScript.
 */
function NewMeetingButton() {
  const { t } = useTranslation("consultations");
  const { pathname } = useLocation();
  return (
    <Button
      type="submit"
      variant="secondary"
      size="small"
      formAction={paths.meetingNew()}
      formMethod="post"
      formNoValidate
      name={RETURN_FIELD}
      value={pathname}
    >
      {t("consultationForm.newMeeting")}
    </Button>
  );
}
