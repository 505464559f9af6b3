// One i18next instance in one language, from the bundles given: the server passes every language
// (app/i18n/i18next.ts), the browser only the reader's, fetched from /locales/<lang>
// (app/i18n/client.ts), so that the browser entry carries no strings.
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGE_CODES, type Language } from "./languages";
import { registerNameForms } from "./name-forms";
import type { Resources } from "./resources";
import { paths } from "~/lib/paths";

export const DEFAULT_NAMESPACE = "common" as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NAMESPACE;
    resources: Resources;
  }
}

/** A language's strings: namespace → its JSON file. */
export type LocaleBundle = Record<string, object>;

export function createI18nInstance(language: Language, bundles: Partial<Record<Language, LocaleBundle>>): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    // Every language, even those whose strings are not here yet (the browser adds them on a switch).
    supportedLngs: LANGUAGE_CODES,
    resources: bundles,
    ns: Object.keys(bundles[language] ?? {}),
    defaultNS: DEFAULT_NAMESPACE,
    // React escapes; i18next must not do it twice.
    interpolation: { escapeValue: false },
    // Resources are in memory, so initialisation completes synchronously.
    initAsync: false,
    returnNull: false,
  });
  // {{delegation, of}} → "du Pérou", "del Perú" (app/i18n/name-forms.ts).
  registerNameForms(instance);
  return instance;
}

/** Where the browser fetches a language's strings; the version changes with any locale file. */
/** The version of the strings (vite.config.ts: a digest of locales/), "dev" where no build defined it. */
export const LOCALES_VERSION = typeof __LOCALES_VERSION__ === "string" ? __LOCALES_VERSION__ : "dev";

export const localeHref = (language: Language) => paths.locales(language, { v: LOCALES_VERSION });
