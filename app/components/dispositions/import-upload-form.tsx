// The first step of importing dispositions: the comment-resolution table, downloaded and filled
// in Excel, uploaded as it is. A plain multipart form (it works without JavaScript); with it, a
// file over the limit is refused before it is sent.
import { Form } from "@remix-run/react";
import { useState, type ChangeEvent } from "react";
import { SubmitButton } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/form-errors";
import { useTranslation } from "~/i18n/use-translation";
import { paths } from "~/lib/paths";

const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function DispositionUploadForm({ consultationId, maxMegabytes }: { consultationId: string; maxMegabytes: number }) {
  const { t } = useTranslation("consolidation");
  const [tooLarge, setTooLarge] = useState(false);
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    const over = !!chosen && chosen.size > maxMegabytes * 1024 * 1024;
    setTooLarge(over);
    if (over) input.value = "";
  };
  const helpId = "disposition-import-file-help";
  const errorId = "disposition-import-file-errors";
  return (
    <Form method="post" encType="multipart/form-data" className="stack disposition-import__upload">
      <input type="hidden" name="intent" value="preview" />
      <p>
        <a href={paths.meetingExport(consultationId, "comment-resolution.xlsx")} download>
          {t("dispositionImport.download")}
        </a>
      </p>
      <div className="field">
        <label htmlFor="disposition-import-file">{t("dispositionImport.file")}</label>
        <p className="field__help" id={helpId}>
          {t("dispositionImport.fileHelp", { maxMegabytes })}
        </p>
        <input
          id="disposition-import-file"
          type="file"
          name="file"
          required
          accept={`.xlsx,${XLSX_MEDIA_TYPE}`}
          aria-describedby={tooLarge ? `${helpId} ${errorId}` : helpId}
          aria-invalid={tooLarge || undefined}
          onChange={onFile}
        />
        {tooLarge ? <FormErrors id={errorId} errors={["consolidation:dispositionImport.errors.tooLarge"]} values={{ maxMegabytes }} /> : null}
      </div>
      <SubmitButton>{t("dispositionImport.read")}</SubmitButton>
    </Form>
  );
}
