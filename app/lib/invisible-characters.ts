// The invisible characters a submission refuses (submission-rules.ts, textProblems), found and
// removed for the author: C0 and C1 control characters other than tab and line breaks, and the
// bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Left alone: ZWJ and
// ZWNJ (Arabic, Persian and Indic shaping need them), the direction marks U+200E, U+200F and
// U+061C (allowed), line breaks of any kind (normalized, not refused), and U+0000, which the
// server reports as a damaged character: removing it would hide that text was lost.
// Pure: the editor runs it as the delegate types; tests check it against textProblems.

// Line breaks (CR, VT, FF, NEL) are left out: the server turns them into "\n".
const REFUSED = /[\u0001-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u202A-\u202E\u2066-\u2069]/gu;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;

export type InvisibleCharacter = {
  /** Where it is, in characters from 1 (code points, as the server's message counts). */
  position: number;
  /** "U+202E" */
  code: string;
  kind: "bidi" | "control";
  /** A little of the text on either side, itself without refused characters. */
  before: string;
  after: string;
};

const CONTEXT = 16;

/** Every refused invisible character of `text`, in order. */
export function findInvisibleCharacters(text: string): InvisibleCharacter[] {
  const found: InvisibleCharacter[] = [];
  let position = 0;
  let index = 0;
  for (const char of text) {
    position++;
    if (char.length === 1 && new RegExp(REFUSED.source, "u").test(char)) {
      found.push({
        position,
        code: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
        kind: BIDI.test(char) ? "bidi" : "control",
        before: [...removeInvisibleCharacters(text.slice(0, index))].slice(-CONTEXT).join(""),
        after: [...removeInvisibleCharacters(text.slice(index + 1))].slice(0, CONTEXT).join(""),
      });
    }
    index += char.length;
  }
  return found;
}

/** Whether `text` holds any refused invisible character. */
export function hasInvisibleCharacters(text: string): boolean {
  return new RegExp(REFUSED.source, "u").test(text);
}

/** `text` without its refused invisible characters; everything else kept as it was. */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(REFUSED, "");
}
