import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import type { Language } from "~/i18n/languages";
import { checkScript } from "~/lib/script-check";

export type ScriptHintProps = {
  /** The submission language chosen. */
  language: Language;
  /** The text typed (one comment, or several joined with blank lines). */
  text: string;
  /** Switches the submission language; without it, no "change" button is offered. */
  onChangeLanguage?: (language: Language) => void;
  /** Passages to leave out of the check, e.g. the point texts a comment may paste unquoted. */
  ignore?: readonly string[];
  id?: string;
};

/**
 * A polite, non-blocking note when the text typed does not look like the submission language
 * ("This text looks like Russian, but the submission language is French."), with a button to
 * switch the language and one to keep it (which hides the note until the language changes).
 * The region is always present and polite, so the note is announced once when it appears.
 */
export function ScriptHint({ language, text, onChangeLanguage, ignore, id }: ScriptHintProps) {
  const { t } = useTranslation(["submissions", "common"]);
  const deferredText = useDeferredValue(text);
  const ignoreKey = ignore?.join("\u0000") ?? "";
  const result = useMemo(
    () => checkScript(language, deferredText, { ignore: ignoreKey ? ignoreKey.split("\u0000") : [] }),
    [language, deferredText, ignoreKey],
  );
  const [keptFor, setKeptFor] = useState<Language | null>(null);
  const show = !result.fits && keptFor !== language;
  const chosen = t(`common:languageNames.${language}`);

  let message = "";
  if (!result.fits) {
    if (result.suggestion) {
      message = t("scriptCheck.mismatchLanguage", { detected: t(`common:languageNames.${result.suggestion}`), chosen });
    } else if (result.script !== "other") {
      message = t("scriptCheck.mismatchScript", { script: t(`scriptCheck.scripts.${result.script}`), chosen });
    } else {
      message = t("scriptCheck.mismatchOther", { chosen });
    }
  }
  const suggestion = !result.fits ? result.suggestion : null;

  return (
    <div className="script-hint" id={id} aria-live="polite">
      {show ? (
        <p className="script-hint__note">
          <span className="script-hint__message">{message}</span>
          <span className="script-hint__actions">
            {suggestion && onChangeLanguage ? (
              <Button variant="secondary" size="small" onClick={() => onChangeLanguage(suggestion)}>
                {t("scriptCheck.change", { language: t(`common:languageNames.${suggestion}`) })}
              </Button>
            ) : null}
            <Button variant="secondary" size="small" onClick={() => setKeptFor(language)}>
              {t("scriptCheck.keep", { language: chosen })}
            </Button>
          </span>
        </p>
      ) : null}
    </div>
  );
}
