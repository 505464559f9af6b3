import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { PasteSchema } from "~/lib/agenda-forms";

/** The first step of the import: the pasted section of a report, split by "preview" on the server. */
export function PasteForm({ pasted, lastResult }: { pasted: string; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("agenda");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "import-paste",
    lastResult,
    defaultValue: { pasted },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasteSchema }),
  });
  const field = fields.pasted;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="preview" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={field.id}>{t("import.pastedLabel")}</label>
        <div className="field__help muted" id={`${field.id}-help`}>
          <p>{t("import.pastedHelp")}</p>
          <p>{t("import.pastedExample")}</p>
        </div>
        <textarea
          {...getTextareaProps(field, { ariaDescribedBy: `${field.id}-help` })}
          className="import-paste"
          rows={18}
          lang="en"
          dir="ltr"
          spellCheck={false}
        />
        <FormErrors id={field.errorId} errors={field.errors} />
      </div>
      <SubmitButton pending={navigation.state === "submitting"}>{t("import.split")}</SubmitButton>
    </Form>
  );
}
