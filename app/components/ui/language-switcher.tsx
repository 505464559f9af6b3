import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { LANGUAGES } from "~/i18n/languages";
import { paths } from "~/lib/paths";
import { useRootData } from "~/root";

/**
 * A plain form (works without JavaScript): each language is a submit button that posts to
 * /language, which remembers the choice and returns to this page. The page is loaded anew in the
 * new language (the browser holds only the reader's language's strings).
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const location = useLocation();
  const current = useRootData()?.language;
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  const query = params.toString();
  const back = location.pathname + (query ? `?${query}` : "");
  return (
    <Form method="post" action={paths.language()} reloadDocument className="language-switcher" aria-label={t("language.label")}>
      <input type="hidden" name="redirectTo" value={back} />
      <ul>
        {LANGUAGES.map((language) => (
          <li key={language.code}>
            <button
              type="submit"
              name="language"
              value={language.code}
              lang={language.code}
              dir={language.dir}
              aria-pressed={language.code === current}
              className="language-switcher__option"
            >
              {language.nativeName}
            </button>
          </li>
        ))}
      </ul>
    </Form>
  );
}
