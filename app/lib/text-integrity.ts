// Characters a person never types: U+0000 (NUL) and U+FFFD (the replacement character, which a
// browser or decoder puts where a character was lost). Either in a text to be saved means the
// text was damaged on its way (a rendering or copying fault), so the server refuses it, whatever
// the form, rather than certify the damage in a receipt, the archive and the CRP.
const LOST = /[\u0000\uFFFD]/u;

/** Where the first damaged character is (counted in characters from 1) and which one; or null. */
export function lostCharacter(value: string): { position: number; code: "U+0000" | "U+FFFD" } | null {
  const match = LOST.exec(value);
  if (!match) return null;
  return {
    position: [...value.slice(0, match.index)].length + 1,
    code: match[0] === "\u0000" ? "U+0000" : "U+FFFD",
  };
}

export const hasLostCharacter = (value: string) => LOST.test(value);
