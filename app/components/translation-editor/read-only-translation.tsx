import { useTranslation } from "~/i18n/use-translation";
import { directionOf, type Language } from "~/i18n/languages";
import type { AlignedRow } from "~/lib/translation-segments";
import type { TranslationForEditing } from "~/models/translation.server";
import { AsWritten } from "~/components/translation-editor/as-written";
import { TranslationLabels } from "~/components/translation-editor/translation-labels";
import { TableShell } from "~/components/ui/table-shell";

/** The translation for a reader who may not edit it (a chair, or once it can no longer change). */
export function ReadOnlyTranslation({ page }: { page: TranslationForEditing }) {
  const { t } = useTranslation(["translations", "common"]);
  const table = (rows: AlignedRow[], caption: string, original: Language) => (
    <TableShell caption={caption} captionHidden tableClassName="translation-table">
      <thead>
        <tr>
          <th scope="col">{t("editor.original", { language: t(`common:languageNames.${original}`) })}</th>
          <th scope="col">{t("editor.translation")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <td>
              <div className="translation-table__original" lang={original} dir={directionOf(original)}>
                {row.original}
              </div>
            </td>
            <td>
              <div className="translation-table__translation" lang="en" dir="ltr">
                {row.translation || <span className="muted">{t("editor.notTranslated")}</span>}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </TableShell>
  );
  return (
    <section aria-labelledby="read-only-title">
      <h2 id="read-only-title">{t("editor.comment")}</h2>
      <p className="note">{t("editor.readOnly")}</p>
      {page.translation ? <TranslationLabels machineAssisted={page.translation.machineAssisted} /> : null}
      {page.needs.body ? (
        table(page.alignment.body.rows, t("editor.comment"), page.languages.body ?? page.comment.language)
      ) : (
        <AsWritten text={page.comment.body} language={page.languages.body ?? page.comment.language} />
      )}
      {page.alignment.proposedText ? (
        <>
          <h2>{t("editor.proposed")}</h2>
          {page.needs.proposedText ? (
            table(page.alignment.proposedText.rows, t("editor.proposed"), page.languages.proposedText ?? page.comment.language)
          ) : (
            <AsWritten text={page.comment.proposedText ?? ""} language={page.languages.proposedText ?? page.comment.language} />
          )}
        </>
      ) : null}
    </section>
  );
}
