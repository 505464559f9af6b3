import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "./languages";
import { DEFAULT_NAMESPACE, NAMESPACES, resources, type Resources } from "./resources";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NAMESPACE;
    resources: Resources;
  }
}

/** A fresh i18next instance for one request (server) or one page load (browser). */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: Object.keys(resources),
    resources,
    ns: NAMESPACES,
    defaultNS: DEFAULT_NAMESPACE,
    // React escapes; i18next must not do it twice.
    interpolation: { escapeValue: false },
    // Resources are in memory, so initialisation completes synchronously.
    initAsync: false,
    returnNull: false,
  });
  return instance;
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
