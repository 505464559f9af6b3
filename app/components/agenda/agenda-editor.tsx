import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { Field } from "~/components/ui/field";
import { PendingText } from "~/components/ui/redline";
import { SubmitButton } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { isolate, withData } from "~/components/ui/data-text";
import { AgendaEditorSchema, agendaFormKey, MAX_AGENDA_NUMBER, MAX_HEADING, MAX_LABEL } from "~/lib/agenda-forms";

// The forms of the agenda editor. Each is a plain POST form (it works without JavaScript) to the
// editor's one action, told apart by `intent`; the action answers errors with the key of the
// form they belong to, and only that form shows them, with what the officer typed.

export type AgendaActionData = {
  formKey: string;
  result: SubmissionResult<string[]>;
  conflict: { currentVersion: number; currentText: string } | null;
};

function useAgendaForm(formKey: string, defaultValue: Record<string, string>) {
  const actionData = useActionData<AgendaActionData>();
  const mine = actionData?.formKey === formKey ? actionData : undefined;
  const [form, fields] = useForm<Record<string, string>>({
    id: formKey,
    lastResult: mine?.result,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    // The schema's output (nulls for empty optional fields) differs from the form's strings.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AgendaEditorSchema }) as unknown as Submission<Record<string, string>>,
  });
  return { form, fields, actionData: mine };
}

/** Whether the action's last answer was an error for this form (its <details> then stays open). */
export function useHasErrors(formKey: string): boolean {
  const actionData = useActionData<AgendaActionData>();
  return actionData?.formKey === formKey;
}

const described = (field: FieldMetadata<string>, help: boolean) => (help ? { ariaDescribedBy: field.descriptionId } : {});

/** Create or edit an agenda item: number, heading letter, title, introduction. */
export function AgendaItemForm({
  item,
  submitLabel,
}: {
  item?: { id: string; number: string | null; heading: string | null; title: string; introduction: string | null };
  submitLabel: string;
}) {
  const { t } = useTranslation("agenda");
  const intent = item ? "item.update" : "item.create";
  const formKey = agendaFormKey(intent, item?.id);
  const { form, fields } = useAgendaForm(formKey, {
    number: item?.number ?? "",
    heading: item?.heading ?? "",
    title: item?.title ?? "",
    introduction: item?.introduction ?? "",
  });
  const { number, heading, title, introduction } = fields;
  return (
    <Form method="post" {...getFormProps(form)} className="stack agenda-form">
      <input type="hidden" name="intent" value={intent} />
      {item ? <input type="hidden" name="agendaItemId" value={item.id} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="agenda-form__row">
        <Field field={number!} label={t("fields.number")} hint={t("fields.numberHelp")}>
          <input {...getInputProps(number!, { type: "text", ...described(number!, true) })} maxLength={MAX_AGENDA_NUMBER} size={6} dir="ltr" />
        </Field>
        <Field field={heading!} label={t("fields.heading")} hint={t("fields.headingHelp")}>
          <input {...getInputProps(heading!, { type: "text", ...described(heading!, true) })} maxLength={MAX_HEADING} size={3} dir="ltr" />
        </Field>
      </div>
      <Field field={title!} label={t("fields.title")}>
        <textarea {...getTextareaProps(title!)} rows={2} lang="en" dir="ltr" />
      </Field>
      <Field field={introduction!} label={t("fields.introduction")} hint={t("fields.introductionHelp")}>
        <textarea {...getTextareaProps(introduction!, described(introduction!, true))} rows={2} lang="en" dir="ltr" />
      </Field>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}

/** A new point at the end of an agenda item, with a suggested label. */
export function PointCreateForm({ agendaItemId, suggestedLabel, context }: { agendaItemId: string; suggestedLabel: string; context: string }) {
  const { t } = useTranslation("agenda");
  const formKey = agendaFormKey("point.create", agendaItemId);
  const { form, fields } = useAgendaForm(formKey, { label: suggestedLabel, text: "" });
  const { label, text } = fields;
  return (
    <Form method="post" {...getFormProps(form)} className="stack agenda-form">
      <input type="hidden" name="intent" value="point.create" />
      <input type="hidden" name="agendaItemId" value={agendaItemId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field field={label!} label={t("fields.label")} hint={t("fields.labelHelp")}>
        <input {...getInputProps(label!, { type: "text", ...described(label!, true) })} maxLength={MAX_LABEL} size={20} lang="en" dir="ltr" />
      </Field>
      <Field field={text!} label={t("fields.text")} hint={t("fields.textHelp")}>
        <textarea {...getTextareaProps(text!, described(text!, true))} rows={5} lang="en" dir="ltr" />
      </Field>
      <SubmitButton>
        {t("actions.addPoint")}
        <span className="visually-hidden"> {context}</span>
      </SubmitButton>
    </Form>
  );
}

export function RelabelForm({ point }: { point: { id: string; label: string } }) {
  const { t } = useTranslation("agenda");
  const formKey = agendaFormKey("point.relabel", point.id);
  const { form, fields } = useAgendaForm(formKey, { label: point.label });
  const label = fields.label!;
  return (
    <Form method="post" {...getFormProps(form)} className="agenda-form agenda-form--inline">
      <input type="hidden" name="intent" value="point.relabel" />
      <input type="hidden" name="pointId" value={point.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field field={label} label={withData(t("fields.labelOf", { label: isolate(point.label) }))}>
        <input {...getInputProps(label, { type: "text" })} maxLength={MAX_LABEL} size={20} lang="en" dir="ltr" />
      </Field>
      <SubmitButton variant="secondary">{t("actions.saveLabel")}</SubmitButton>
    </Form>
  );
}

/**
 * A new version of a point's text. If someone else saved a version meanwhile, the action answers
 * with it: it is shown above, the officer's text stays in the box, and saving again builds on it.
 */
export function ReviseForm({ point, draft }: { point: { id: string; label: string; text: string; versionNumber: number }; draft: boolean }) {
  const { t } = useTranslation("agenda");
  const formKey = agendaFormKey("point.revise", point.id);
  const { form, fields, actionData } = useAgendaForm(formKey, { text: point.text });
  const text = fields.text!;
  const conflict = actionData?.conflict ?? null;
  const basedOn = conflict?.currentVersion ?? point.versionNumber;
  return (
    <Form method="post" {...getFormProps(form)} className="stack agenda-form">
      <input type="hidden" name="intent" value="point.revise" />
      <input type="hidden" name="pointId" value={point.id} />
      <input type="hidden" name="basedOnVersion" value={basedOn} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {conflict ? (
        <div className="conflict" role="status">
          <p>{t("revise.conflict", { version: conflict.currentVersion })}</p>
          <p className="redline-box" lang="en" dir="ltr">
            <PendingText text={conflict.currentText} />
          </p>
        </div>
      ) : null}
      <Field
        field={text}
        label={withData(t("fields.textOf", { label: isolate(point.label) }))}
        hint={t(draft ? "revise.helpDraft" : "revise.help", { version: basedOn + 1 })}
      >
        <textarea {...getTextareaProps(text, described(text, true))} rows={6} lang="en" dir="ltr" />
      </Field>
      <SubmitButton>{t("actions.saveVersion")}</SubmitButton>
    </Form>
  );
}

/**
 * Move up / Move down for one entry of a list: real buttons in small forms, so they work from the
 * keyboard and without JavaScript. `context` names the entry for screen readers ("point (c)").
 */
export function MoveButtons({
  intent,
  idName,
  id,
  isFirst,
  isLast,
  context,
}: {
  intent: "item.move" | "point.move";
  idName: "agendaItemId" | "pointId";
  id: string;
  isFirst: boolean;
  isLast: boolean;
  context: string;
}) {
  const { t } = useTranslation("agenda");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      {(["up", "down"] as const).map((direction) => (
        <Form method="post" key={direction} className="agenda-control">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name={idName} value={id} />
          <input type="hidden" name="direction" value={direction} />
          <SubmitButton
            variant="secondary"
            size="small"
            id={`${intent === "item.move" ? "item" : "point"}-${direction}-${id}`}
            pending={busy}
            disabled={direction === "up" ? isFirst : isLast}
          >
            <span aria-hidden="true">{direction === "up" ? "↑" : "↓"} </span>
            {t(direction === "up" ? "actions.moveUp" : "actions.moveDown")}
            <span className="visually-hidden"> {context}</span>
          </SubmitButton>
        </Form>
      ))}
    </>
  );
}

/** A delete button that asks for confirmation in a dialog when JavaScript runs (and deletes at once without). */
export function DeleteButton({
  intent,
  idName,
  id,
  context,
  confirmation,
}: {
  intent: "item.delete" | "point.delete";
  idName: "agendaItemId" | "pointId";
  id: string;
  context: string;
  confirmation: string;
}) {
  const { t } = useTranslation("agenda");
  const navigation = useNavigation();
  return (
    <Form method="post" className="agenda-control">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <ConfirmDialog message={withData(confirmation)} confirmLabel={t("actions.delete")} size="small" pending={navigation.state === "submitting"}>
        {t("actions.delete")}
        <span className="visually-hidden"> {context}</span>
      </ConfirmDialog>
    </Form>
  );
}

/** Errors of the move and delete forms of one entry (e.g. the consultation was circulated meanwhile). */
export function ControlErrors({ formKeys }: { formKeys: string[] }) {
  const actionData = useActionData<AgendaActionData>();
  if (!actionData || !formKeys.includes(actionData.formKey)) return null;
  return <FormErrors errors={actionData.result.error?.[""] ?? undefined} />;
}
