/**
 * Does a comment's script fit the submission language the delegation chose?
 *
 * Pure: no I/O, safe on server and client. Used to point out (never to block) a likely mistake,
 * e.g. a comment typed in Russian while the submission is marked French, which would send it to
 * the wrong translator.
 *
 * What counts
 * - letters only (\p{L}): digits, punctuation, symbols and spaces are ignored;
 * - Arabic script for ar, Han for zh, Cyrillic for ru, Latin for en, fr and es;
 * - a Han character counts as two letters: a Chinese word is one or two characters, an English
 *   word five letters or so, and a sentence should weigh about the same in either;
 * - web and email addresses, passages the caller names (the point texts a delegation pastes),
 *   and quoted passages in Latin script (quoted English wording of a point) are left out first.
 *
 * When it warns
 * - never on short texts (fewer than MIN_LETTERS weighted letters, after the removals);
 * - when the language's script is not the most frequent one and makes up less than a quarter
 *   of the letters (an Arabic comment full of English terms still fits);
 * - between English, French and Spanish only when their function words say so beyond doubt
 *   (see guessLatinLanguage); otherwise Latin text fits all three.
 */
import type { Language } from "~/i18n/languages";

export type Script = "arabic" | "han" | "cyrillic" | "latin" | "other";

export type ScriptCheck =
  | { fits: true }
  /** `suggestion`: the language the text most likely is, when that can be told. */
  | { fits: false; script: Script; suggestion: Language | null };

export const MIN_LETTERS = 20;
/** Below this share of the letters, the chosen language's script is "not what was typed". */
const MIN_EXPECTED_SHARE = 0.25;
const HAN_WEIGHT = 2;

const SCRIPT_OF: Record<Language, Exclude<Script, "other">> = {
  ar: "arabic",
  zh: "han",
  en: "latin",
  fr: "latin",
  es: "latin",
  ru: "cyrillic",
};

const LANGUAGE_OF_SCRIPT: Partial<Record<Script, Language>> = { arabic: "ar", han: "zh", cyrillic: "ru" };

export function scriptOfLanguage(language: Language): Script {
  return SCRIPT_OF[language];
}

export type ScriptCounts = Record<Script, number>;

/** Weighted letters of each script in a text. */
export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { arabic: 0, han: 0, cyrillic: 0, latin: 0, other: 0 };
  for (const [letter] of text.matchAll(/\p{L}/gu)) {
    if (/\p{Script=Latin}/u.test(letter)) counts.latin++;
    else if (/\p{Script=Cyrillic}/u.test(letter)) counts.cyrillic++;
    else if (/\p{Script=Arabic}/u.test(letter)) counts.arabic++;
    else if (/\p{Script=Han}/u.test(letter)) counts.han += HAN_WEIGHT;
    else counts.other++;
  }
  return counts;
}

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/giu;

// Opening and closing marks of the quotations delegations use in the six languages. Single
// quotes are left out: ' is also the apostrophe of French and English.
const QUOTED = /"[^"\n]*"|“[^”\n]*”|„[^“”\n]*[“”]|«[^»]*»|‹[^›\n]*›|「[^」]*」|『[^』]*』/gu;

/**
 * The text without addresses, the given passages (each at least 20 characters, matched exactly
 * wherever it occurs) and quotations whose letters are mostly Latin.
 */
export function stripIgnored(text: string, ignore: readonly string[] = []): string {
  let out = text.replace(URL_OR_EMAIL, " ");
  for (const passage of ignore) {
    const wanted = passage.trim();
    if (wanted.length >= 20) out = out.split(wanted).join(" ");
  }
  return out.replace(QUOTED, (quotation) => (dominant(countScripts(quotation)) === "latin" ? " " : quotation));
}

function total(counts: ScriptCounts): number {
  return counts.arabic + counts.han + counts.cyrillic + counts.latin + counts.other;
}

function dominant(counts: ScriptCounts): Script | null {
  let best: Script | null = null;
  for (const script of Object.keys(counts) as Script[]) {
    if (counts[script] > 0 && (best === null || counts[script] > counts[best])) best = script;
  }
  return best;
}

/** Whether `text`'s script fits `language`; see the file's comment for the rules. */
export function checkScript(language: Language, text: string, options: { ignore?: readonly string[] } = {}): ScriptCheck {
  const cleaned = stripIgnored(text, options.ignore);
  const counts = countScripts(cleaned);
  const letters = total(counts);
  if (letters < MIN_LETTERS) return { fits: true };
  const expected = SCRIPT_OF[language];
  const found = dominant(counts)!;
  if (found !== expected) {
    if (counts[expected] / letters >= MIN_EXPECTED_SHARE) return { fits: true };
    const suggestion = found === "latin" ? guessLatinLanguage(cleaned) : (LANGUAGE_OF_SCRIPT[found] ?? null);
    return { fits: false, script: found, suggestion };
  }
  if (expected === "latin") {
    const guess = guessLatinLanguage(cleaned);
    if (guess && guess !== language) return { fits: false, script: "latin", suggestion: guess };
  }
  return { fits: true };
}

// Frequent words that belong to one of the three languages only. Words shared by two of them
// ("de", "la", "que", "en", "un", "se", "a", "no", "son") are left out: they prove nothing.
const FUNCTION_WORDS: Record<"en" | "fr" | "es", ReadonlySet<string>> = {
  en: new Set("the and of to is that for with this be are should which on by it as at from its have has would will not or we their shall".split(" ")),
  fr: new Set(
    "le les et des du une est pour dans sur qui au aux ne pas nous il ce cette sont par avec leur leurs être ou été doit doivent mais aussi".split(" "),
  ),
  es: new Set("el los las y del para por con una es lo al como más su sus este esta estos debe deben sobre entre pero también ser han ha".split(" ")),
};

// Letters that only one of the three languages uses (é, shared by French and Spanish, is not here).
const MARKS: Record<"fr" | "es", RegExp> = { fr: /[çœèêàùâîôûëï]/giu, es: /[ñ¿¡áíóú]/giu };

const MIN_EVIDENCE = 5;
const MIN_LEAD = 3;

/**
 * English, French or Spanish, when a Latin-script text says so beyond doubt: at least five
 * pieces of evidence (function words; a letter only one language uses counts half), and the
 * winner has three times as many as the runner-up. Null when unsure.
 */
export function guessLatinLanguage(text: string): "en" | "fr" | "es" | null {
  const score = { en: 0, fr: 0, es: 0 };
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    for (const language of ["en", "fr", "es"] as const) {
      if (FUNCTION_WORDS[language].has(word)) score[language]++;
    }
  }
  score.fr += (text.match(MARKS.fr)?.length ?? 0) / 2;
  score.es += (text.match(MARKS.es)?.length ?? 0) / 2;
  const ranked = (Object.entries(score) as ["en" | "fr" | "es", number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked as [["en" | "fr" | "es", number], ["en" | "fr" | "es", number]];
  if (first[1] < MIN_EVIDENCE || first[1] < MIN_LEAD * second[1]) return null;
  return first[0];
}

/**
 * The evidence guessLatinLanguage weighs, language by language: function words that belong to
 * one of English, French and Spanish only, and half a point for each letter only French or only
 * Spanish uses. For callers that need to know that a text shows no sign of French or Spanish at
 * all (see field-language.ts), which is weaker than guessLatinLanguage's "beyond doubt".
 */
export function latinEvidence(text: string): Record<"en" | "fr" | "es", number> {
  const score = { en: 0, fr: 0, es: 0 };
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    for (const language of ["en", "fr", "es"] as const) {
      if (FUNCTION_WORDS[language].has(word)) score[language]++;
    }
  }
  score.fr += (text.match(MARKS.fr)?.length ?? 0) / 2;
  score.es += (text.match(MARKS.es)?.length ?? 0) / 2;
  return score;
}
