// The meeting's body and venue in the reader's language (issue 15, "Data in the reader's language
// where it exists"): the secretariat may give them in the other official languages
// (meetings.bodyTranslations, venueTranslations); English, always given, stands in for the others.
// Pure, no I/O: used by the emails (plain text) and the pages (which isolate with <bdi>).
import { directionOf, isLanguage, LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { formatCalendarRange } from "~/lib/dates";

/** A text in some of the official languages other than English, by language code. */
export type LanguageTexts = Partial<Record<Language, string>>;

export type MeetingNameSource = {
  body: string;
  venue: string;
  /** Absent where a query did not read them: English for every reader then. */
  bodyTranslations?: LanguageTexts | null;
  venueTranslations?: LanguageTexts | null;
};

/** A name as shown to one reader, with the language it is actually in (for `lang`). */
export type LocalName = { text: string; lang: Language };

const FSI = "\u2068";
const PDI = "\u2069";

/**
 * `english` or, when given, its version in `language` (any string i18next reports; an unknown
 * one reads English). The English field is the name in English: a stray "en" entry is ignored.
 */
export function nameIn(english: string, translations: LanguageTexts | null | undefined, language: string): LocalName {
  const own = isLanguage(language) && language !== "en" ? translations?.[language]?.trim() : undefined;
  return own ? { text: own, lang: language as Language } : { text: english, lang: "en" };
}

/**
 * The texts worth storing: the official languages other than English that have a non-empty text,
 * in the order of LANGUAGES (so that two equal sets compare equal as JSON).
 */
export function presentTexts(texts: Partial<Record<string, string | undefined>> | null | undefined): LanguageTexts {
  const out: LanguageTexts = {};
  for (const code of LANGUAGE_CODES) {
    const value = texts?.[code]?.trim();
    if (code !== "en" && value) out[code] = value;
  }
  return out;
}

/** Whether two sets of texts say the same (their order aside). */
export function sameTexts(a: LanguageTexts | null | undefined, b: LanguageTexts | null | undefined): boolean {
  return JSON.stringify(presentTexts(a)) === JSON.stringify(presentTexts(b));
}

/** The body and the venue for a reader of `language`, each in that language where given, else in English. */
export function meetingNames(meeting: MeetingNameSource, language: string): { body: LocalName; venue: LocalName } {
  return {
    body: nameIn(meeting.body, meeting.bodyTranslations, language),
    venue: nameIn(meeting.venue, meeting.venueTranslations, language),
  };
}

/** The separator of a list in running text: the Arabic comma, the Chinese full-width comma. */
const LIST_SEPARATOR: Record<Language, string> = { ar: "، ", zh: "，", en: ", ", fr: ", ", ru: ", ", es: ", " };

/**
 * "Body, Venue, 9–10 July 2020" for plain text (emails), in the reader's language. In a
 * right-to-left language each name is isolated (U+2068 … U+2069), so that an English name and its
 * punctuation keep their order inside the sentence around them.
 */
export function meetingLine(meeting: MeetingNameSource & { startDate: string; endDate: string }, language: string): string {
  const lang: Language = isLanguage(language) ? language : "en";
  const { body, venue } = meetingNames(meeting, lang);
  const name = (n: LocalName) => (directionOf(lang) === "rtl" ? `${FSI}${n.text}${PDI}` : n.text);
  return [name(body), name(venue), formatCalendarRange(meeting.startDate, meeting.endDate, lang)].join(LIST_SEPARATOR[lang]);
}
