import { useTranslation } from "~/i18n/use-translation";
import { TableShell } from "~/components/ui/table-shell";
import { directionOf, type Language } from "~/i18n/languages";
import type { AlignedRow } from "~/lib/translation-segments";

/** One row per paragraph: the original in its language and direction, the English field beside it. */
export function ParagraphTable({
  id,
  caption,
  rows,
  language,
  originalName,
  fieldNames,
  mismatch,
  autoDirection = false,
}: {
  id: string;
  caption: string;
  rows: AlignedRow[];
  language: Language;
  originalName: string;
  fieldNames: string[];
  mismatch: { originalParagraphs: number; translationParagraphs: number } | null;
  /** An amendment is often edited from the circulated English wording: let each paragraph find its direction. */
  autoDirection?: boolean;
}) {
  const { t } = useTranslation("translations");
  return (
    <>
      {mismatch ? (
        <p className="translation-editor__warning" role="note">
          {t("editor.mismatch", { count: mismatch.originalParagraphs, translation: mismatch.translationParagraphs })}
        </p>
      ) : null}
      <TableShell caption={caption} captionHidden tableId={`${id}-table`} tableClassName="translation-table">
        <thead>
          <tr>
            <th scope="col">{t("editor.original", { language: originalName })}</th>
            <th scope="col">{t("editor.translation")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const fieldId = `${id}-paragraph-${index}`;
            return (
              <tr key={index}>
                <td>
                  <span className="translation-table__paragraph">{t("editor.paragraph", { number: index + 1 })}</span>
                  <div className="translation-table__original" lang={language} dir={autoDirection ? "auto" : directionOf(language)}>
                    {row.original}
                  </div>
                </td>
                <td>
                  <label htmlFor={fieldId} className="visually-hidden">
                    {t("editor.fieldLabel", { number: index + 1 })}
                  </label>
                  <textarea
                    id={fieldId}
                    name={fieldNames[index] ?? `${id}[${index}]`}
                    defaultValue={row.translation}
                    lang="en"
                    dir="ltr"
                    rows={Math.min(20, Math.max(4, Math.ceil(row.original.length / 60) + 1))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableShell>
    </>
  );
}
