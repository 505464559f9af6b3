/**
 * The language each text of a comment is written in, so that only what is not in English is
 * translated: a comment's text and an amendment's proposed wording are judged one by one, not by
 * the language the delegation chose for its submission. Delegations writing in Arabic or Chinese
 * often propose the English wording of a point with small edits; that wording needs no
 * translation, is not labelled "Original (Arabic)" and does not hold up the final CRP.
 *
 * Pure: no I/O, safe on server and client. Used alike by the translation desk, the side-by-side
 * view and the CRP (its blocking list, "[Original: …]" and "translated from" facts), so that they
 * never disagree; nothing is stored, so it also holds for archives and data written before.
 *
 * The rules, for a field of a submission in language L:
 * - an empty field, or one without letters (figures, punctuation, addresses), has no language:
 *   there is nothing to translate (null);
 * - a submission in English is taken at its word (the editor already warns a delegate whose
 *   text does not fit the language chosen);
 * - the script of L makes up at least a quarter of the letters (Han weighing double, as in
 *   script-check.ts), also once web addresses and quotations in Latin script are left out: L.
 *   An Arabic comment full of English terms or quoting the point in English stays Arabic;
 * - mostly another non-Latin script: that script's language (Russian typed in a Chinese
 *   submission is Russian);
 * - mostly Latin script in a French or Spanish submission: L. Telling English from French or
 *   Spanish wording inside a submission in one of them would be a guess the desk does not need
 *   to make (an officer sees the text);
 * - mostly Latin script in an Arabic, Chinese or Russian submission:
 *   - an amendment whose words are mostly (at least half) words of the English wording it amends
 *     is English;
 *   - English, French or Spanish when the text says so beyond doubt (guessLatinLanguage);
 *   - a text with no sign of French or Spanish at all (no word only they use, no accented
 *     letter) is English;
 *   - otherwise L: when it cannot be told, the field stays with the submission's language and on
 *     the translation desk, where an officer sees it.
 */
import type { Language } from "~/i18n/languages";
import { guessLatinLanguage, latinEvidence, scriptOfLanguage, stripIgnored, type Script } from "./script-check";
import { translationStatus, type CommentText, type DeskStatus, type TranslationState } from "./translation-segments";

/** The language the secretariat translates into, in which nothing needs translating. */
export const WORKING_LANGUAGE: Language = "en";

/** At least this share of the letters in the submission's script: the field is in its language. */
const MIN_OWN_SHARE = 0.25;
/** An amendment with at least this share of its words taken from the English wording is English. */
export const MIN_REFERENCE_SHARE = 0.5;
/** How much of a long text the word-based guesses read (scripts are counted over all of it). */
const GUESS_SAMPLE = 4_000;
const HAN_WEIGHT = 2;
/** Letters English does without (é is French and Spanish alike): a sign the text may not be English. */
const ACCENTED_LATIN = /[\u00c0-\u024f]/u;

type Counts = { arabic: number; han: number; cyrillic: number; latin: number; other: number };

const LETTER = /\p{L}/u;

/**
 * Letters of each script, Han weighing double: the same scripts as script-check's countScripts,
 * told by code point ranges in one pass, because the CRP reads every comment at once (10 MB at
 * the scale of DESIGN.md §5, where a regular expression per letter takes seconds).
 */
export function quickScriptCounts(text: string): Counts {
  const counts: Counts = { arabic: 0, han: 0, cyrillic: 0, latin: 0, other: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) counts.latin++;
    } else if (c < 0x250) {
      if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) counts.latin++;
    } else if (c < 0x2b0 || (c >= 0x1e00 && c <= 0x1eff)) counts.latin++;
    else if (c >= 0x400 && c <= 0x52f) counts.cyrillic++;
    else if (
      (c >= 0x620 && c <= 0x64a) ||
      (c >= 0x66e && c <= 0x6ef) ||
      (c >= 0x6fa && c <= 0x6ff) ||
      (c >= 0x750 && c <= 0x77f) ||
      (c >= 0x8a0 && c <= 0x8ff) ||
      (c >= 0xfb50 && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfefc)
    ) {
      counts.arabic++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) counts.han += HAN_WEIGHT;
    else if (c >= 0xd840 && c <= 0xd8bf && i + 1 < text.length) {
      // U+20000–U+2FFFF, the rarer Han characters, as a surrogate pair.
      counts.han += HAN_WEIGHT;
      i++;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const pair = text.slice(i, i + 2);
      if (LETTER.test(pair)) counts.other++;
      i++;
    } else if (LETTER.test(text[i]!)) counts.other++;
  }
  return counts;
}

const total = (c: Counts) => c.arabic + c.han + c.cyrillic + c.latin + c.other;

function dominant(counts: Counts): Script | null {
  let best: Script | null = null;
  for (const script of Object.keys(counts) as Script[]) {
    if (counts[script] > 0 && (best === null || counts[script] > counts[best])) best = script;
  }
  return best;
}

const LANGUAGE_OF_SCRIPT: Partial<Record<Script, Language>> = { arabic: "ar", han: "zh", cyrillic: "ru" };

const wordsOf = (text: string) => [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);

/** The share of `text`'s words found in `reference` (each word of the reference used once). */
export function shareOfReferenceWords(text: string, reference: string): number {
  const words = wordsOf(text);
  if (!words.length) return 0;
  const available = new Map<string, number>();
  for (const word of wordsOf(reference)) available.set(word, (available.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of words) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      found++;
      available.set(word, left - 1);
    }
  }
  return found / words.length;
}

function sample(text: string): string {
  return text.length <= GUESS_SAMPLE ? text : text.slice(0, GUESS_SAMPLE);
}

export type FieldLanguageOptions = {
  /** The English wording an amendment's proposed text amends (the point as circulated). */
  reference?: string | null;
};

/**
 * The language one field is written in, or null when it has nothing to translate (empty, or no
 * letters). `submissionLanguage`: the language the delegation chose for its submission. See the
 * file's comment for the rules.
 */
export function fieldLanguage(text: string | null | undefined, submissionLanguage: Language, options: FieldLanguageOptions = {}): Language | null {
  if (!text) return null;
  const counts = quickScriptCounts(text);
  const letters = total(counts);
  if (letters === 0) return null;
  if (submissionLanguage === WORKING_LANGUAGE) return WORKING_LANGUAGE;

  const own = scriptOfLanguage(submissionLanguage);
  const latinSubmission = own === "latin";
  if (!latinSubmission) {
    if (counts[own] / letters >= MIN_OWN_SHARE) return submissionLanguage;
    // Addresses and quoted English wording (of the point, of a term) do not make a comment English.
    const cleaned = quickScriptCounts(stripIgnored(text));
    const cleanedLetters = total(cleaned);
    if (cleanedLetters > 0 && cleaned[own] / cleanedLetters >= MIN_OWN_SHARE) return submissionLanguage;
  }
  const found = dominant(counts)!;
  if (latinSubmission) {
    // French or Spanish: Latin text is taken in the submission's language; another script is its own.
    return found === "latin" || counts.latin / letters >= MIN_OWN_SHARE ? submissionLanguage : (LANGUAGE_OF_SCRIPT[found] ?? submissionLanguage);
  }
  if (found !== "latin") return LANGUAGE_OF_SCRIPT[found] ?? submissionLanguage;

  // Mostly Latin script in an Arabic, Chinese or Russian submission.
  if (options.reference && shareOfReferenceWords(text, options.reference) >= MIN_REFERENCE_SHARE) return WORKING_LANGUAGE;
  const read = sample(text);
  const guess = guessLatinLanguage(read);
  if (guess) return guess;
  const evidence = latinEvidence(read);
  if (evidence.fr === 0 && evidence.es === 0 && !ACCENTED_LATIN.test(read)) return WORKING_LANGUAGE;
  return submissionLanguage;
}

/** The fields of a comment whose language is judged: its text and an amendment's proposed wording. */
export type CommentForLanguage = {
  kind: "general" | "point" | "amendment" | "new_proposal";
  /** The language of the submission (comments.language). */
  language: Language;
  body: string;
  proposedText: string | null;
};

/** The language of each field of a comment; null: empty, no letters, or not an amendment. */
export type CommentLanguages = { body: Language | null; proposedText: Language | null };

/**
 * The language of a comment's text and of an amendment's proposed wording, the latter measured
 * against `baseText`, the English wording of the point it amends.
 */
export function commentLanguages(comment: CommentForLanguage, baseText: string | null = null): CommentLanguages {
  return {
    body: fieldLanguage(comment.body, comment.language),
    proposedText: comment.kind === "amendment" ? fieldLanguage(comment.proposedText, comment.language, { reference: baseText }) : null,
  };
}

/** Whether a field in this language needs the secretariat's translation. */
export function needsTranslation(language: Language | null): language is Language {
  return language !== null && language !== WORKING_LANGUAGE;
}

/** Which fields of a comment need translating. */
export function fieldsToTranslate(languages: CommentLanguages): { body: boolean; proposedText: boolean } {
  return { body: needsTranslation(languages.body), proposedText: needsTranslation(languages.proposedText) };
}

/** Whether any field of the comment needs translating (then it is on the translation desk). */
export function needsAnyTranslation(languages: CommentLanguages): boolean {
  return needsTranslation(languages.body) || needsTranslation(languages.proposedText);
}

/** The languages the comment is translated from, the text's first, without repeats. */
export function languagesToTranslate(languages: CommentLanguages): Language[] {
  const out: Language[] = [];
  for (const language of [languages.body, languages.proposedText]) {
    if (needsTranslation(language) && !out.includes(language)) out.push(language);
  }
  return out;
}

/**
 * The translation's status over the fields that need one; null when none does. A field in
 * English is left out on both sides, so that a revision of the English wording does not make the
 * translation of the Arabic text outdated.
 */
export function neededTranslationStatus(translation: TranslationState | null, comment: CommentText, languages: CommentLanguages): DeskStatus | null {
  const needs = fieldsToTranslate(languages);
  if (!needs.body && !needs.proposedText) return null;
  if (translation === null) return "todo";
  return translationStatus(
    {
      status: translation.status,
      sourceBody: needs.body ? translation.sourceBody : "",
      sourceProposedText: needs.proposedText ? translation.sourceProposedText : null,
    },
    { body: needs.body ? comment.body : "", proposedText: needs.proposedText ? comment.proposedText : null },
  );
}
