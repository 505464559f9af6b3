import type { Language } from "~/i18n/languages";

export type DelegationNames = {
  nameAr: string;
  nameZh: string;
  nameEn: string;
  nameFr: string;
  nameRu: string;
  nameEs: string;
};

const column: Record<Language, keyof DelegationNames> = {
  ar: "nameAr",
  zh: "nameZh",
  en: "nameEn",
  fr: "nameFr",
  ru: "nameRu",
  es: "nameEs",
};

/** A delegation's UN short name in the reader's language. */
export function delegationName(delegation: DelegationNames, language: Language): string {
  return delegation[column[language]];
}
