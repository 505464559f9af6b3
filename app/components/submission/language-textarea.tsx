import { forwardRef, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { directionOf, LANGUAGES, type Language } from "~/i18n/languages";

export type LanguageTextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "lang" | "dir"> & {
  /** The language the text is written in (the submission's): sets `lang` and the direction. */
  language: Language;
};

/**
 * A textarea laid out for the language typed in it, whatever the interface language: right to
 * left for Arabic (`dir="rtl"`), left to right otherwise, and `lang` so that fonts, spelling
 * and screen readers follow. Takes every textarea prop (name, value, onChange, …) and a ref.
 */
export const LanguageTextarea = forwardRef<HTMLTextAreaElement, LanguageTextareaProps>(function LanguageTextarea({ language, className, ...props }, ref) {
  return <textarea ref={ref} lang={language} dir={directionOf(language)} className={["language-textarea", className].filter(Boolean).join(" ")} {...props} />;
});

export type SubmissionLanguageSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value" | "defaultValue"> & {
  value?: Language;
  defaultValue?: Language;
  onLanguageChange?: (language: Language) => void;
};

/**
 * The six official languages to choose the submission's language from, each under its own name
 * and, when it differs, the interface language's ("العربية — Arabic"). Label it with a <label>
 * (e.g. "scriptCheck.languageLabel").
 */
export const SubmissionLanguageSelect = forwardRef<HTMLSelectElement, SubmissionLanguageSelectProps>(function SubmissionLanguageSelect(
  { onLanguageChange, className, ...props },
  ref,
) {
  const { t, i18n } = useTranslation("common");
  return (
    <select
      ref={ref}
      className={["submission-language", className].filter(Boolean).join(" ")}
      onChange={(event) => onLanguageChange?.(event.target.value as Language)}
      {...props}
    >
      {LANGUAGES.map((language) => (
        <option key={language.code} value={language.code}>
          {language.code === i18n.language ? language.nativeName : `${language.nativeName} — ${t(`languageNames.${language.code}`)}`}
        </option>
      ))}
    </select>
  );
});
