import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/form-errors";
import { FormField } from "~/components/form-field";
import { isolate, withData } from "~/components/ui/data-text";
import type { Language } from "~/i18n/languages";
import { delegationName } from "~/lib/delegation-names";
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
        <Link to={`/consultations/${consultationId}/submissions/${row.delegation.code}/${latest.revisionNumber}`}>
          {t("secretariat.late.read", { number: latest.revisionNumber })}
        </Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="stack late-decision__form">
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="revisionId" value={latest.id} />
        <input type="hidden" name="delegationCode" value={row.delegation.code} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField field={fields.reason} label={t("secretariat.late.reason")} help={t("secretariat.late.reasonHelp")}>
          <textarea
            {...getTextareaProps(fields.reason, { ariaDescribedBy: fields.reason.descriptionId })}
            rows={3}
            maxLength={MAX_DECISION_REASON}
          />
        </FormField>
        <FormErrors id={fields.decision.errorId} errors={fields.decision.errors} />
        <div className="late-decision__buttons">
          <button type="submit" name="decision" value="accepted" className="button" disabled={busy}>
            {t("secretariat.late.accept")}
          </button>
          <button type="submit" name="decision" value="declined" className="button button--secondary" disabled={busy}>
            {t("secretariat.late.decline")}
          </button>
        </div>
      </Form>
    </section>
  );
}
