// The refused invisible characters, found and removed for the author (issue 11, item 14): only
// what the server refuses goes; ZWJ/ZWNJ and direction marks stay.
import { describe, expect, it } from "vitest";
import { findInvisibleCharacters, hasInvisibleCharacters, removeInvisibleCharacters } from "~/lib/invisible-characters";
import { normalizeCommentText, textProblems } from "~/lib/submission-rules";

const refusedByServer = (text: string) => textProblems(normalizeCommentText(text)).some((p) => /bidiControl|controlCharacter/.test(p.message));

describe("the refused invisible characters", () => {
  it("are exactly those the server refuses as control or direction-override characters", () => {
    const ranges = [
      [0x01, 0xff],
      [0x2000, 0x206f],
      [0x0600, 0x06ff],
      [0xfe00, 0xfeff],
    ] as const;
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const text = `ab${String.fromCodePoint(cp)}cd`;
        expect(hasInvisibleCharacters(text), `U+${cp.toString(16)}`).toBe(refusedByServer(text));
        // Once removed, the server has nothing more to refuse.
        expect(refusedByServer(removeInvisibleCharacters(text)), `U+${cp.toString(16)}`).toBe(false);
      }
    }
  });

  it("says where each one is, with the text around it", () => {
    const text = "Le 🇫🇷 texte\u202Eà revoir\u0007.";
    expect(findInvisibleCharacters(text)).toEqual([
      { position: 12, code: "U+202E", kind: "bidi", before: "Le 🇫🇷 texte", after: "à revoir." },
      { position: 21, code: "U+0007", kind: "control", before: "🇫🇷 texteà revoir", after: "." },
    ]);
    // The same position as the server's message.
    expect(textProblems(normalizeCommentText(text)).find((p) => p.message.endsWith("bidiControl"))?.values.position).toBe(12);
  });

  it("are removed alone: Arabic and Persian joiners, marks, line breaks and damage stay", () => {
    const persian = "می\u200Cخواهم"; // ZWNJ inside a word
    const arabic = "لا\u200Dإله \u200F(أ)\u061C";
    const text = `${persian}\u202B ${arabic}\u202C\nline\u2067two\u2069\u0000`;
    expect(removeInvisibleCharacters(text)).toBe(`${persian} ${arabic}\nlinetwo\u0000`);
    expect(findInvisibleCharacters(persian + arabic)).toEqual([]);
  });
});
