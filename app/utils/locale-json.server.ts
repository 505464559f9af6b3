import type { Language } from "~/i18n/languages";
import { resources } from "~/i18n/resources";

const serialized = new Map<Language, string>();

/** A language's strings as JSON, serialized once per process. */
export function localeJson(language: Language): string {
  let json = serialized.get(language);
  if (json === undefined) {
    json = JSON.stringify(resources[language]);
    serialized.set(language, json);
  }
  return json;
}
