// The form that translates a comment: each paragraph of the original beside a field for its
// English translation (the comment, then an amendment's proposed wording), the machine suggestion,
// and saving as a draft or final. Conform validates it in the browser with the server's schema.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { AsWritten } from "~/components/translation-editor/as-written";
import { ParagraphTable } from "~/components/translation-editor/paragraph-table";
import { TranslationLabels } from "~/components/translation-editor/translation-labels";
import { SubmitButton } from "~/components/ui/button";
import type { Language } from "~/i18n/languages";
import { TranslationSchema } from "~/lib/translation-forms";
import { alignSegments } from "~/lib/translation-segments";
import type { TheirTranslation, TranslationForEditing } from "~/models/translation.server";

export type EditorLanguages = {
  body: Language;
  proposed: Language;
  /** The name of the original's language, and of the proposed wording's. */
  originalName: string;
  proposedName: string;
};

export function TranslationForm({
  page,
  languages,
  suggestion,
  conflict,
  lastResult,
  machineAvailable,
}: {
  page: TranslationForEditing;
  languages: EditorLanguages;
  suggestion: { body: string; proposedText: string | null } | null;
  conflict: TheirTranslation | null;
  lastResult: SubmissionResult<string[]> | undefined;
  machineAvailable: boolean;
}) {
  const { t } = useTranslation("translations");
  const navigation = useNavigation();
  // What the fields start from: a machine suggestion, else the stored translation.
  const bodyRows = suggestion ? alignSegments(page.comment.body, suggestion.body).rows : page.alignment.body.rows;
  const proposedRows = page.alignment.proposedText
    ? suggestion
      ? alignSegments(page.comment.proposedText ?? "", suggestion.proposedText ?? "").rows
      : page.alignment.proposedText.rows
    : null;
  const machineAssisted = suggestion !== null || (page.translation?.machineAssisted ?? false);
  const version = conflict ? conflict.version : (page.translation?.version ?? 0);
  const formKey = `translation-${page.comment.id}-${page.translation?.version ?? 0}-${suggestion ? "suggested" : "stored"}`;

  const [form, fields] = useForm({
    id: formKey,
    lastResult: suggestion ? undefined : lastResult,
    defaultValue: {
      body: bodyRows.map((row) => row.translation),
      proposed: proposedRows?.map((row) => row.translation) ?? [],
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TranslationSchema }),
  });
  const bodyFields = fields.body.getFieldList();
  const proposedFields = fields.proposed.getFieldList();
  const busy = navigation.state !== "idle";
  const mismatch = suggestion ? alignSegments(page.comment.body, suggestion.body).mismatch : page.alignment.body.mismatch;
  const proposedMismatch = page.alignment.proposedText?.mismatch ?? null;

  return (
    <Form method="post" {...getFormProps(form)} className="translation-editor__form" key={formKey}>
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="machineAssisted" value={machineAssisted ? "1" : "0"} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {machineAvailable ? (
        <div className="translation-editor__machine">
          <SubmitButton variant="secondary" name="intent" value="suggest" pending={busy} formNoValidate>
            {t("editor.machine.suggest")}
          </SubmitButton>
          <p className="field__help">{t("editor.machine.help")}</p>
        </div>
      ) : null}

      <h2>{t("editor.comment")}</h2>
      <TranslationLabels machineAssisted={machineAssisted} />
      {page.needs.body ? (
        <>
          <ParagraphTable
            id="body"
            caption={t("editor.comment")}
            rows={bodyRows}
            language={languages.body}
            originalName={languages.originalName}
            fieldNames={bodyFields.map((f) => f.name)}
            mismatch={mismatch}
          />
          <FormErrors id={fields.body.errorId} errors={fields.body.errors} />
        </>
      ) : (
        <AsWritten text={page.comment.body} language={languages.body} />
      )}

      {proposedRows && !page.needs.proposedText ? (
        <>
          <h2>{t("editor.proposed")}</h2>
          <AsWritten text={page.comment.proposedText ?? ""} language={languages.proposed} />
        </>
      ) : proposedRows ? (
        <>
          <h2>{t("editor.proposed")}</h2>
          <p className="field__help">{t("editor.proposedHelp")}</p>
          {page.comment.proposedText === "" ? <p>{t("editor.deletion")}</p> : null}
          <ParagraphTable
            id="proposed"
            caption={t("editor.proposed")}
            rows={proposedRows}
            language={languages.proposed}
            originalName={languages.proposedName}
            fieldNames={proposedFields.map((f) => f.name)}
            mismatch={suggestion ? null : proposedMismatch}
            autoDirection
          />
          <FormErrors id={fields.proposed.errorId} errors={fields.proposed.errors} />
        </>
      ) : null}

      <div className="translation-editor__buttons">
        <SubmitButton variant="secondary" name="intent" value="draft" pending={busy}>
          {conflict ? t("editor.conflict.keepMine") : t("editor.saveDraft")}
        </SubmitButton>
        {!conflict ? (
          <SubmitButton name="intent" value="final" pending={busy}>
            {t("editor.saveFinal")}
          </SubmitButton>
        ) : null}
      </div>
      <p className="field__help">{conflict ? t("editor.conflict.keepMineHelp") : t("editor.finalHelp")}</p>
    </Form>
  );
}
