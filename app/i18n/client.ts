// The browser's strings: only the reader's language, fetched from the resource route
// /locales/<lang> (preloaded by the page's <head>, cached for good under its version); another
// language is fetched when the reader switches to it.
import type { i18n } from "i18next";
import { createI18nInstance, localeHref, type LocaleBundle } from "./instance";
import type { Language } from "./languages";

const loading = new Map<Language, Promise<LocaleBundle>>();

export function loadLocale(language: Language): Promise<LocaleBundle> {
  let bundle = loading.get(language);
  if (!bundle) {
    bundle = fetch(localeHref(language)).then((response) => {
      if (!response.ok) throw new Error(`${localeHref(language)}: HTTP ${response.status}`);
      return response.json() as Promise<LocaleBundle>;
    });
    bundle.catch(() => loading.delete(language));
    loading.set(language, bundle);
  }
  return bundle;
}

/** The page's instance, in the language the server rendered it in. */
export async function createBrowserI18n(language: Language): Promise<i18n> {
  return createI18nInstance(language, { [language]: await loadLocale(language) });
}

/** Follows a change of language made without a page load (after signing in): strings first. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, "common")) {
    const bundle = await loadLocale(language);
    for (const [namespace, strings] of Object.entries(bundle)) instance.addResourceBundle(language, namespace, strings);
  }
  await instance.changeLanguage(language);
}
