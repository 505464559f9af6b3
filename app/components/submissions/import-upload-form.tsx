import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useState, type ChangeEvent } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { Field } from "~/components/ui/field";
import type { ImportIssue } from "~/components/submissions/import-review";
import { isolate, withData } from "~/components/ui/data-text";
import { SubmitButton } from "~/components/ui/button";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { UploadSchema, type KeptOriginal } from "~/lib/submission-import-forms";
import { checkUpload, MAX_UPLOAD_BYTES, rejectUpload } from "~/lib/upload-check";

/**
 * The first step of an import: the details of the note received (delegation, language, when it
 * arrived) and the note itself, as a file or pasted text.
 */
export function ImportUploadForm({
  lastResult,
  upload,
  kept,
  timeZone,
  delegations,
  defaults,
  limits,
}: {
  lastResult: SubmissionResult<string[]> | null;
  upload: ImportIssue | null;
  kept: KeptOriginal | null;
  timeZone: string;
  delegations: { id: string; nameEn: string }[];
  defaults: { receivedDate: string; receivedTime: string };
  limits: { maxMegabytes: number; maxPasted: number };
}) {
  const { t } = useTranslation(["submissions", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "import-upload",
    lastResult,
    defaultValue: { delegationId: "", receivedDate: defaults.receivedDate, receivedTime: defaults.receivedTime, language: "", pasted: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    // The same checks in the browser: a missing detail is caught before the file is sent.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UploadSchema }),
  });
  // The browser checks the file as the server will (size, then type by content), so a file that
  // would be refused is not even sent.
  const [fileProblem, setFileProblem] = useState<ImportIssue | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    setFileProblem(null);
    if (!chosen) return;
    const check =
      chosen.size > MAX_UPLOAD_BYTES ? rejectUpload("too_large") : checkUpload({ name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) });
    if (!check.ok) {
      setFileProblem({ message: check.message, values: check.values });
      input.value = "";
    }
  };
  const problem = fileProblem ?? upload;
  const fileHelpId = "import-file-help";
  const fileErrorId = "import-file-errors";
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack submission-import__upload">
      <input type="hidden" name="intent" value="preview" />
      {kept ? <input type="hidden" name="keptId" value={kept.id} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset className="submission-import__details">
        <legend>{t("importPage.detailsLegend")}</legend>
        <div className="form-row">
          <Field field={fields.delegationId} label={t("importPage.delegation")} hint={t("importPage.delegationHelp")}>
            <select {...getSelectProps(fields.delegationId, { ariaDescribedBy: fields.delegationId.descriptionId })}>
              <option value="">{t("importPage.chooseDelegation")}</option>
              {delegations.map((d) => (
                <option key={d.id} value={d.id} lang="en">
                  {d.nameEn}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.language} label={t("importPage.language")} hint={t("importPage.languageHelp")}>
            <select {...getSelectProps(fields.language, { ariaDescribedBy: fields.language.descriptionId })}>
              <option value="">{t("importPage.detectLanguage")}</option>
              {LANGUAGE_CODES.map((code) => (
                <option key={code} value={code}>
                  {t(`common:languageNames.${code}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-row">
          <Field field={fields.receivedDate} label={t("importPage.receivedDate")}>
            <input {...getInputProps(fields.receivedDate, { type: "date", ariaDescribedBy: "import-received-help" })} />
          </Field>
          <Field field={fields.receivedTime} label={t("importPage.receivedTime")}>
            <input {...getInputProps(fields.receivedTime, { type: "time", ariaDescribedBy: "import-received-help" })} />
          </Field>
        </div>
        <p className="field__help" id="import-received-help">
          {withData(t("importPage.receivedHelp", { zone: isolate(timeZone) }))}
        </p>
      </fieldset>

      <fieldset className="submission-import__source">
        <legend>{t("importPage.sourceLegend")}</legend>
        <p className="field__help">{t("importPage.sourceHelp")}</p>
        <div className="field">
          <label htmlFor={fields.pasted.id}>{t("importPage.pasted")}</label>
          <p className="field__help" id={fields.pasted.descriptionId}>
            {t("importPage.pastedHelp", { max: limits.maxPasted })}
          </p>
          <textarea {...getTextareaProps(fields.pasted, { ariaDescribedBy: fields.pasted.descriptionId })} rows={10} dir="auto" spellCheck={false} />
          <FormErrors id={fields.pasted.errorId} errors={fields.pasted.errors} values={{ max: limits.maxPasted, maxMegabytes: limits.maxMegabytes }} />
        </div>
        <p className="submission-import__or" aria-hidden="true">
          {t("importPage.or")}
        </p>
        {/* Last in the form: if the file is too large, the fields before it still arrive. */}
        <div className="field">
          <label htmlFor="import-file">{t("importPage.file")}</label>
          <p className="field__help" id={fileHelpId}>
            {t("importPage.fileHelp", { maxMegabytes: limits.maxMegabytes })}
          </p>
          {kept ? <p className="submission-import__kept">{withData(t("importPage.kept", { filename: isolate(kept.filename) }))}</p> : null}
          <input
            id="import-file"
            type="file"
            name="file"
            accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            aria-describedby={problem ? `${fileHelpId} ${fileErrorId}` : fileHelpId}
            aria-invalid={problem ? true : undefined}
            onChange={onFile}
          />
          {problem ? <FormErrors id={fileErrorId} errors={[problem.message]} values={problem.values} /> : null}
        </div>
      </fieldset>
      <SubmitButton pending={navigation.state !== "idle"}>{t("importPage.propose")}</SubmitButton>
    </Form>
  );
}
