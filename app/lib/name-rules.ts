// Names and titles (people's names, invitation names, delegation names typed or pasted, meeting
// and consultation titles) follow the content rules of comments (submission-rules.ts,
// textProblems; text-integrity.ts), plus one of their own: an invisible character that only
// disguises a name ("Pe<U+200B>ru" looks like "Peru" but is another string) is removed.
// Pure, no I/O; every form schema that takes a name uses it, so the server's parse is the rule.
//
// - Removed: zero width space U+200B, word joiner U+2060, BOM / zero width no-break space
//   U+FEFF, soft hyphen U+00AD, Mongolian vowel separator U+180E, invisible operators
//   U+2061–U+2064, deprecated format characters U+206A–U+206F, combining grapheme joiner U+034F,
//   Hangul fillers (U+115F, U+1160, U+3164, U+FFA0: they make a "blank" name) and tag
//   characters U+E0000–U+E007F (they hide text); ZWNJ U+200C and ZWJ U+200D too, except between
//   two characters of a script that needs them (Arabic, Persian, Syriac, Indic scripts, …).
// - Turned into one space: tabs and line breaks (a title copied from a document), so a name stays
//   on one line.
// - Refused, with a message: bidi embeddings, overrides and isolates (U+202A–U+202E,
//   U+2066–U+2069), which can make a name display in another order than it reads, other control
//   characters, and damaged text (U+0000, U+FFFD), as for comments.
// - Left as typed: the direction marks U+200E, U+200F and U+061C (allowed in comments too),
//   variation selectors (CJK ideographic variants), every visible character.
import { z } from "zod";
import { lostCharacter } from "~/lib/text-integrity";

// eslint-disable-next-line no-misleading-character-class -- each invisible code point is listed on its own
const DISGUISING = /[\u00AD\u034F\u115F\u1160\u180E\u200B\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;
const JOINERS = /[\u200C\u200D]/u;
// The scripts whose writing needs ZWNJ/ZWJ between letters (Script_Extensions: their combining
// marks count too).
const JOINING_SCRIPT =
  /[\p{scx=Arabic}\p{scx=Syriac}\p{scx=Nko}\p{scx=Mongolian}\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}\p{scx=Myanmar}\p{scx=Khmer}\p{scx=Tibetan}]/u;
const LINE_OR_TAB = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// Control characters other than those turned into spaces (and U+0000, reported as damage).
const CONTROL = /[\u0001-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/u;

/**
 * The name as stored: disguising invisible characters removed (ZWNJ/ZWJ kept inside a script
 * that needs them), tabs and line breaks made one space, no space around it.
 */
export function cleanName(value: string): string {
  const chars = [...value.replace(DISGUISING, "")];
  const kept = chars.filter((char, i) => {
    if (!JOINERS.test(char)) return true;
    const before = chars[i - 1];
    const after = chars[i + 1];
    return !!before && !!after && JOINING_SCRIPT.test(before) && JOINING_SCRIPT.test(after);
  });
  return kept.join("").replace(LINE_OR_TAB, " ").trim();
}

/** Pasted text of several names, one a line: each line cleaned, the lines kept. */
export function cleanNameLines(value: string): string {
  return value
    .split(/\r\n?|\n/)
    .map((line) => cleanName(line))
    .join("\n");
}

export type NameProblem = "bidiControl" | "controlCharacter" | "lostCharacter";

/** The translation keys of the problems (namespace "common"). */
export const NAME_PROBLEM_MESSAGES: Record<NameProblem, string> = {
  bidiControl: "common:nameErrors.bidiControl",
  controlCharacter: "common:nameErrors.controlCharacter",
  lostCharacter: "common:nameErrors.lostCharacter",
};

/** What is wrong with a cleaned name, or null: damaged text first, then bidi and control characters. */
export function nameProblem(value: string): NameProblem | null {
  if (lostCharacter(value)) return "lostCharacter";
  if (BIDI_CONTROL.test(value)) return "bidiControl";
  if (CONTROL.test(value)) return "controlCharacter";
  return null;
}

/** The message key of what is wrong with a cleaned name, or null. */
export function nameProblemMessage(value: string): string | null {
  const problem = nameProblem(value);
  return problem ? NAME_PROBLEM_MESSAGES[problem] : null;
}

/**
 * A form's string field with the name rules: cleaned (cleanName), then refused if damaged or
 * holding bidi or control characters; `requiredMessage` also refuses a name that was nothing but
 * invisible characters. Length limits stay on `field`, which Conform reads for the input's attributes.
 */
export function nameField<T extends z.ZodType<string, z.ZodTypeDef, string>>(field: T, requiredMessage?: string) {
  return field.transform(cleanName).superRefine((value, ctx) => {
    if (requiredMessage && !value) ctx.addIssue({ code: z.ZodIssueCode.custom, message: requiredMessage });
    const message = nameProblemMessage(value);
    if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  });
}
