// The benchmark's text generator (tests/bench/people-texts.ts): the same seed gives the same
// texts, texts do not repeat, they are of a realistic length and written in their own script.
import { describe, expect, it } from "vitest";
import { commentText, LANGUAGES, pointText, proposedWording, randomFor } from "../bench/people-texts";

const SCRIPT = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
  en: /^[\p{Script=Latin}\p{P}\p{N}\s]+$/u,
  fr: /[éèàç]/u,
  es: /[áéíóúñ]/u,
};

describe("benchmark texts", () => {
  it("are the same for the same seed and key, and differ otherwise", () => {
    expect(commentText("ar", randomFor(1, "a"))).toBe(commentText("ar", randomFor(1, "a")));
    expect(commentText("ar", randomFor(2, "a"))).not.toBe(commentText("ar", randomFor(1, "a")));
  });

  it("do not repeat, are 300–900 characters in one to three paragraphs, in their own script", () => {
    for (const language of LANGUAGES) {
      const texts = Array.from({ length: 500 }, (_, i) => commentText(language, randomFor(7, `${language}:${i}`)));
      expect(new Set(texts).size).toBe(texts.length);
      for (const text of texts) {
        expect(text.length).toBeGreaterThanOrEqual(300);
        expect(text.length).toBeLessThanOrEqual(900);
        expect(text.split("\n\n").length).toBeLessThanOrEqual(3);
        expect(text).toMatch(SCRIPT[language]);
        expect(text).not.toMatch(/[\u0000\uFFFD{}]/u);
      }
      // Varied: not one sentence repeated (the old generator's fault).
      const sentences = texts.flatMap((t) => t.split(/[.。]/u)).filter(Boolean);
      expect(new Set(sentences).size).toBeGreaterThan(sentences.length / 2);
    }
  });

  it("amend a point's wording so that a redline has something to show", () => {
    const point = pointText(randomFor(3, "point"));
    expect(point).toMatch(/^[A-Z].*[.\]]$/u);
    const amended = proposedWording(point, randomFor(3, "amend"));
    expect(amended).not.toBe(point);
    expect(proposedWording(point, randomFor(3, "amend"), "ru")).toMatch(SCRIPT.ru);
  });
});
