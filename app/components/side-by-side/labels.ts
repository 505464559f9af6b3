import { useMemo } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { makeEntryWords, type EntryWords, type Translate } from "~/lib/side-by-side-html";

export type { EntryWords, Translate };

/**
 * The page's words: translated once per render (through one cache, so that the same label on
 * each point is looked up once too), made again only when the language changes.
 */
export function useEntryWords(): EntryWords {
  const { t, i18n } = useTranslation(["consolidation", "common", "translations", "consultations"]);
  const language = i18n.language as Language;
  return useMemo(() => {
    const cache = new Map<string, string>();
    const cached: Translate = (key, options) => {
      const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
      let value = cache.get(id);
      if (value === undefined) cache.set(id, (value = String(t(key as never, options as never))));
      return value;
    };
    return makeEntryWords(cached, language);
  }, [t, language]);
}
