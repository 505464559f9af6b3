// The server's i18next: every language bundled (app/i18n/resources.ts); never imported by the
// browser, which fetches the reader's language only (app/i18n/client.ts).
import type { i18n } from "i18next";
import { isNameInSentence, isolatedName } from "~/lib/delegation-names";
import { createI18nInstance } from "./instance";
import { directionOf, type Language } from "./languages";
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

// i18next's own options, which are not values put into the sentence.
const I18NEXT_OPTIONS = new Set(
  "count context ordinal lng lngs ns defaultValue keyPrefix returnObjects joinArrays replace interpolation postProcess fallbackLng".split(" "),
);
const FSI = "\u2068";
const PDI = "\u2069";

function isolateValues(options: Record<string, unknown>): Record<string, unknown> {
  const isolated: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (I18NEXT_OPTIONS.has(name)) isolated[name] = value;
    else if (isNameInSentence(value)) isolated[name] = isolatedName(value);
    else if (typeof value === "string" && value !== "" && !(value.startsWith(FSI) && value.endsWith(PDI))) isolated[name] = `${FSI}${value}${PDI}`;
    else isolated[name] = value;
  }
  return isolated;
}

const messageTranslators = new Map<string, Translate>();

/**
 * The translation function of plain-text messages (emails). In a right-to-left language every
 * value put into a sentence (a name, a title, a receipt number, a date) is isolated (U+2068 …
 * U+2069), so that an English title with its commas, or "CTOC-2020-PER-0007", keeps its order and
 * the sentence's own words keep theirs; HTML does the same with <bdi> (app/components/ui/data-text.tsx).
 */
export function messageTranslator(language: Language, namespace: keyof Resources): Translate {
  if (directionOf(language) !== "rtl") return fixedTranslator(language, namespace);
  const key = `${language}:${namespace}`;
  let t = messageTranslators.get(key);
  if (!t) {
    const plain = fixedTranslator(language, namespace);
    t = (translationKey, options) => plain(translationKey, options && isolateValues(options));
    messageTranslators.set(key, t);
  }
  return t;
}
