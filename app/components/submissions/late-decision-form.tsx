import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { Field } from "~/components/ui/field";
import { isolate, withData } from "~/components/ui/data-text";
import { SubmitButton } from "~/components/ui/button";
import type { Language } from "~/i18n/languages";
import { delegationName } from "~/lib/delegation-names";
import { paths } from "~/lib/paths";
import type { SubmissionListRow } from "~/lib/submission-list";
import { DecisionSchema, type SubmissionListAnswer } from "~/lib/submission-list-forms";
import { MAX_DECISION_REASON } from "~/lib/submission-rules";

/** A submission received after the deadline: accept or decline it, with the reason. */
export function LateDecisionForm({
  row,
  consultationId,
  inMeetingZone,
}: {
  row: SubmissionListRow;
  consultationId: string;
  inMeetingZone: (instant: Date | string) => string;
}) {
  const { t, i18n } = useTranslation("submissions");
  const actionData = useActionData<SubmissionListAnswer>();
  const navigation = useNavigation();
  const latest = row.latest!;
  const mine = actionData?.intent === "decide" && actionData.target === latest.id;
  const [form, fields] = useForm({
    id: `decide-${latest.id}`,
    lastResult: mine ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
  });
  const name = delegationName(row.delegation, i18n.language as Language);
  const headingId = `late-${latest.id}`;
  const busy = navigation.state !== "idle" && navigation.formData?.get("revisionId") === latest.id;
  return (
    <section className="late-decision" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p>
        {withData(
          t("secretariat.late.arrived", {
            receipt: isolate(latest.receiptNumber),
            time: inMeetingZone(latest.submittedAt),
            deadline: row.deadline ? inMeetingZone(row.deadline) : t("secretariat.noDeadline"),
          }),
        )}{" "}
        <Link to={paths.delegationRevision(consultationId, row.delegation.code, latest.revisionNumber)}>
          {t("secretariat.late.read", { number: latest.revisionNumber })}
        </Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="stack late-decision__form">
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="revisionId" value={latest.id} />
        <input type="hidden" name="delegationCode" value={row.delegation.code} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.reason} label={t("secretariat.late.reason")} hint={t("secretariat.late.reasonHelp")}>
          <textarea {...getTextareaProps(fields.reason, { ariaDescribedBy: fields.reason.descriptionId })} rows={3} maxLength={MAX_DECISION_REASON} />
        </Field>
        <FormErrors id={fields.decision.errorId} errors={fields.decision.errors} />
        <div className="late-decision__buttons">
          <SubmitButton name="decision" value="accepted" pending={busy}>
            {t("secretariat.late.accept")}
          </SubmitButton>
          <SubmitButton variant="secondary" name="decision" value="declined" pending={busy}>
            {t("secretariat.late.decline")}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
