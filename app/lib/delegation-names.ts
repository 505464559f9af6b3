import type { Language } from "~/i18n/languages";

export type DelegationNames = {
  nameAr: string;
  nameZh: string;
  nameEn: string;
  nameFr: string;
  nameRu: string;
  nameEs: string;
};

/**
 * The article French and Spanish write before the name in running text ("le Pérou", "l'Afghanistan",
 * "los Estados Unidos de América"), as db/seed-data/delegations.json gives it; null when the name
 * takes none ("Cuba", "Israël").
 */
export type DelegationArticles = { articleFr: string | null; articleEs: string | null };

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

const FSI = "\u2068";
const PDI = "\u2069";

/**
 * A delegation's name as a translation takes it (`t(key, { delegation })`). `{{delegation}}` prints
 * the bare name; where French or Spanish needs the article, a preposition or their contraction the
 * translation asks for a form, `{{delegation, of}}` ("du Pérou", "del Perú"), which the formats of
 * app/i18n/name-forms.ts write from the name and its article.
 */
export type NameInSentence = {
  readonly kind: "delegationName";
  readonly name: string;
  /** The article of the name in the sentence's language (French, Spanish); null when it takes none. */
  readonly article: string | null;
  /** Marked as data for direction (FSI … PDI, as isolate() in app/components/ui/data-text.tsx). */
  readonly isolated: boolean;
  toString(): string;
};

function makeName(name: string, article: string | null, isolated: boolean): NameInSentence {
  return { kind: "delegationName", name, article, isolated, toString: () => (isolated ? `${FSI}${name}${PDI}` : name) };
}

/**
 * The delegation's name in the reader's language with its article, for a translation's
 * `{{delegation}}`. The article comes from the query (the `articleFr`, `articleEs` columns), never a
 * guess: a caller that lacks them selects them. `isolate` marks the name as data (HTML: withData()
 * turns it into <bdi>; plain text keeps the marks).
 */
export function nameInSentence(delegation: DelegationNames & DelegationArticles, language: Language, options: { isolate?: boolean } = {}): NameInSentence {
  const article = language === "fr" ? delegation.articleFr : language === "es" ? delegation.articleEs : null;
  return makeName(delegationName(delegation, language), article, options.isolate ?? false);
}

/** The same name marked as data for direction. */
export function isolatedName(name: NameInSentence): NameInSentence {
  return name.isolated ? name : makeName(name.name, name.article, true);
}

export function isNameInSentence(value: unknown): value is NameInSentence {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "delegationName";
}
