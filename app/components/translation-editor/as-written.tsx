import { useTranslation } from "~/i18n/use-translation";
import { directionOf, type Language } from "~/i18n/languages";

/** A field written in English: shown as written, with no field to translate it. */
export function AsWritten({ text, language }: { text: string; language: Language }) {
  const { t } = useTranslation(["translations", "common"]);
  if (!text.trim()) return null;
  return (
    <div className="translation-editor__as-written">
      <p className="note">{t("editor.inWorkingLanguage", { language: t(`common:languageNames.${language}`) })}</p>
      <div className="translation-table__original" lang={language} dir={directionOf(language)}>
        {text}
      </div>
    </div>
  );
}
