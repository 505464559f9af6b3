import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { Field } from "~/components/ui/field";
import { isolate, withData } from "~/components/ui/data-text";
import { SubmitButton } from "~/components/ui/button";
import { ExtensionSchema, type SubmissionListAnswer } from "~/lib/submission-list-forms";

/** Extends one delegation's deadline, typed on the meeting's clock. */
export function ExtensionForm({
  timeZone,
  delegations,
  extendFor,
  deadlineWallClock,
}: {
  timeZone: string;
  delegations: { id: string; nameEn: string }[];
  /** The delegation chosen from its row's "Extend" link. */
  extendFor: string | null;
  /** The consultation's deadline on the meeting's clock: the form starts at its time. */
  deadlineWallClock: { time: string } | null;
}) {
  const { t, i18n } = useTranslation(["submissions", "common"]);
  const actionData = useActionData<SubmissionListAnswer>();
  const navigation = useNavigation();
  const mine = actionData?.intent === "extend";
  const [form, fields] = useForm({
    id: `extend-${extendFor ?? "any"}`,
    lastResult: mine ? actionData.result : undefined,
    defaultValue: { delegationId: extendFor ?? "", date: "", time: deadlineWallClock?.time ?? "18:00" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExtensionSchema }),
  });
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "extend";
  return (
    <section aria-labelledby="extend-title" className="panel extend-deadline">
      <h2 id="extend-title">{t("secretariat.extend.title")}</h2>
      <p className="muted">{t("secretariat.extend.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="extend" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <p className="field__help">{withData(t("secretariat.extend.zone", { zone: isolate(timeZone.replace(/_/g, " ")) }))}</p>
        <div className="form-row">
          <Field field={fields.delegationId} label={t("secretariat.extend.delegation")}>
            <select {...getSelectProps(fields.delegationId)} dir="ltr" lang="en">
              <option value="" lang={i18n.language}>
                {t("secretariat.extend.choose")}
              </option>
              {delegations.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.nameEn}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.date} label={t("secretariat.extend.date")}>
            <input {...getInputProps(fields.date, { type: "date" })} />
          </Field>
          <Field field={fields.time} label={t("secretariat.extend.time")}>
            <input {...getInputProps(fields.time, { type: "time" })} />
          </Field>
        </div>
        <SubmitButton pending={busy}>{t("secretariat.extend.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
