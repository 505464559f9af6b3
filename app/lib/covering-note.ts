// The covering note verbale as the secretariat saves and circulates it: the English note, always,
// and the same note in any of the other official languages the secretariat prepared. Pure and free
// of strings, so that the circulation form's validation (browser) can use it too; the drafting of
// the note from the data is app/lib/note-verbale.ts (server).
import { LANGUAGE_CODES, isLanguage, type Language } from "~/i18n/languages";

/** Longest covering note accepted: several pages, short of abuse. */
export const MAX_COVERING_NOTE = 20_000;

/** The languages a note may be prepared in besides English, in the order of the UN's menus. */
export const NOTE_TRANSLATION_LANGUAGES = LANGUAGE_CODES.filter((language) => language !== "en") as Exclude<Language, "en">[];

/** The note in other official languages, by language code (consultations/non_papers.coveringNoteTranslations). */
export type CoveringNoteTranslations = Partial<Record<Language, string>>;

/** One kind of line break, no trailing spaces: the same note typed on any system is the same note. */
export function normalizeNote(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/**
 * The prepared translations only, normalised, in the UN's order: an empty text, English (which is
 * `coveringNote`) and anything that is not one of the languages are left out. Reads stored jsonb and
 * posted forms alike.
 */
export function cleanTranslations(value: unknown): CoveringNoteTranslations {
  if (typeof value !== "object" || value === null) return {};
  const given = value as Record<string, unknown>;
  const clean: CoveringNoteTranslations = {};
  for (const language of NOTE_TRANSLATION_LANGUAGES) {
    const text = given[language];
    if (typeof text === "string" && normalizeNote(text)) clean[language] = normalizeNote(text);
  }
  return clean;
}

/** Whether two sets of translations hold the same texts. */
export function sameTranslations(a: CoveringNoteTranslations, b: CoveringNoteTranslations): boolean {
  return NOTE_TRANSLATION_LANGUAGES.every((language) => (a[language] ?? "") === (b[language] ?? ""));
}

/**
 * The note a reader receives, and its language: the note in the reader's own language when the
 * secretariat prepared it, otherwise the English note. The one rule for every circulation message
 * (delegates by their account's language, invitees by their invitation's).
 */
export function coveringNoteFor(
  readerLanguage: string,
  note: { english: string; translations: CoveringNoteTranslations | null | undefined },
): { text: string; language: Language } {
  const own = isLanguage(readerLanguage) && readerLanguage !== "en" ? note.translations?.[readerLanguage]?.trim() : undefined;
  return own ? { text: own, language: readerLanguage as Language } : { text: note.english, language: "en" };
}
