// The focal point's form to invite a colleague: address, name and the language of the email (the
// secretariat's form's fields, checked by the same schema in the browser and on the server). At
// the limit the form gives way to a sentence: the server refuses past it anyway.
import { getFormProps, getInputProps, getSelectProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/button";
import { withData } from "~/components/ui/data-text";
import { Field, FieldErrors } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import { MissionInviteSchema } from "~/lib/focal-point";
import { LanguageOptions } from "./people-columns";
import { useInviteForm } from "./use-invite-form";

export function InviteColleague({
  delegation,
  full,
  limit,
  lastResult,
  defaultLanguage,
}: {
  delegation: DelegationNames & DelegationArticles;
  /** The mission's places are all taken (active delegates and pending invitations). */
  full: boolean;
  limit: number;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultLanguage: Language;
}) {
  const { t, i18n } = useTranslation("registrations");
  const [form, fields] = useInviteForm("mission-invite", MissionInviteSchema, lastResult, defaultLanguage);
  const titleId = `${form.id}-title`;
  const delegationName = nameInSentence(delegation, i18n.language as Language, { isolate: true });
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{withData(t("invite.title", { delegation: delegationName }))}</h2>
      {full ? (
        <Notice tone="warning" announce={false}>
          {t("mission.errors.limit", { limit })}
        </Notice>
      ) : (
        <Form method="post" {...getFormProps(form)} className="invite-form" aria-labelledby={titleId}>
          <input type="hidden" name="intent" value="invite" />
          <FieldErrors id={form.errorId} errors={form.errors} values={{ limit }} />
          <div className="invite-form__fields">
            <Field field={fields.email} label={t("invite.email")}>
              <input {...getInputProps(fields.email, { type: "email" })} dir="ltr" autoComplete="off" />
            </Field>
            <Field field={fields.name} label={t("invite.name")}>
              <input {...getInputProps(fields.name, { type: "text" })} dir="auto" autoComplete="off" />
            </Field>
            <Field field={fields.language} label={t("invite.language")} hint={t("invite.languageHelp")}>
              <select {...getSelectProps(fields.language, { ariaDescribedBy: fields.language.descriptionId })}>
                <LanguageOptions />
              </select>
            </Field>
          </div>
          <SubmitButton>{t("invite.submit")}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
