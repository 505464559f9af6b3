// The server's i18next: every language bundled (app/i18n/resources.ts); never imported by the
// browser, which fetches the reader's language only (app/i18n/client.ts).
import type { i18n } from "i18next";
import { createI18nInstance } from "./instance";
import type { Language } from "./languages";
import { resources, type Resources } from "./resources";

/** A fresh i18next instance for one language, with every language's strings (tests, the server). */
export function createI18n(language: Language): i18n {
  return createI18nInstance(language, resources);
}

const serverInstances = new Map<Language, i18n>();

/**
 * The server's instance for a language, made once per process and shared by every request: after
 * initialisation it is only read (the language of a request never changes), and making one per
 * request cost a millisecond of each page at the deadline (issue 13).
 */
export function serverI18n(language: Language): i18n {
  let instance = serverInstances.get(language);
  if (!instance) {
    instance = createI18n(language);
    serverInstances.set(language, instance);
  }
  return instance;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;
const fixedTranslators = new Map<string, Translate>();

/**
 * A translation function for one language and namespace, made once per process: messages built
 * by the hundred (a circulation's emails) must not create an i18next instance each.
 */
export function fixedTranslator(language: Language, namespace: keyof Resources): Translate {
  const key = `${language}:${namespace}`;
  let t = fixedTranslators.get(key);
  if (!t) {
    t = serverI18n(language).getFixedT(language, namespace) as unknown as Translate;
    fixedTranslators.set(key, t);
  }
  return t;
}
