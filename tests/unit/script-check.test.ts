import { describe, expect, it } from "vitest";
import type { Language } from "~/i18n/languages";
import { checkScript, countScripts, guessLatinLanguage, MIN_LETTERS, stripIgnored } from "~/lib/script-check";

// Comments as delegations write them, one per language, on the WG.2 technical-assistance points.
const COMMENTS: Record<Language, string> = {
  ar: "تؤيد المملكة المغربية التوصية (أ) وتقترح إضافة إشارة إلى بناء القدرات في مجال التعاون الدولي لمكافحة الجريمة المنظمة.",
  zh: "中国代表团支持关于加强技术援助的建议，并建议在(b)段中增加“能力建设”一词，以反映发展中国家的需要。",
  en: 'The United States supports recommendation (a) and proposes to replace the word "develop" with "strengthen" in the second line.',
  fr: "La France soutient la recommandation (a) et propose de remplacer le mot « élaborer » par « renforcer » dans la deuxième ligne du texte.",
  ru: "Российская Федерация поддерживает данную рекомендацию и предлагает дополнить пункт (а) словами «на добровольной основе».",
  es: "El Perú apoya la recomendación (a) y propone sustituir la palabra «elaborar» por «fortalecer» en el texto, para que los Estados partes puedan aplicarla.",
};

const LANGUAGES = Object.keys(COMMENTS) as Language[];

describe("checkScript", () => {
  for (const language of LANGUAGES) {
    it(`a ${language} comment fits ${language}`, () => {
      expect(checkScript(language, COMMENTS[language])).toEqual({ fits: true });
    });
  }

  it("points out each non-Latin script under a language of another script, and names the language", () => {
    for (const [typed, chosen] of [
      ["ar", "en"],
      ["ar", "ru"],
      ["zh", "fr"],
      ["zh", "ar"],
      ["ru", "fr"],
      ["ru", "zh"],
    ] as const) {
      const result = checkScript(chosen, COMMENTS[typed]);
      expect(result, `${typed} typed, ${chosen} chosen`).toEqual({
        fits: false,
        script: ({ ar: "arabic", zh: "han", ru: "cyrillic" } as const)[typed],
        suggestion: typed,
      });
    }
  });

  it("points out Latin text under Arabic, Chinese or Russian, naming the language when it is clear", () => {
    expect(checkScript("ar", COMMENTS.en)).toEqual({ fits: false, script: "latin", suggestion: "en" });
    expect(checkScript("ru", COMMENTS.fr)).toEqual({ fits: false, script: "latin", suggestion: "fr" });
    expect(checkScript("zh", COMMENTS.es)).toEqual({ fits: false, script: "latin", suggestion: "es" });
    // Latin letters, but too few function words to tell the language: the script only.
    expect(checkScript("ru", "Capacity-building, UNODC, UNTOC, UNCAC, SHERLOC, training modules")).toEqual({
      fits: false,
      script: "latin",
      suggestion: null,
    });
  });

  it("tells Spanish or French typed under English only when it is beyond doubt", () => {
    expect(checkScript("en", COMMENTS.es)).toEqual({ fits: false, script: "latin", suggestion: "es" });
    expect(checkScript("en", COMMENTS.fr)).toEqual({ fits: false, script: "latin", suggestion: "fr" });
    expect(checkScript("es", COMMENTS.en)).toEqual({ fits: false, script: "latin", suggestion: "en" });
    // Short or ambiguous Latin text is never questioned.
    expect(checkScript("en", "Apoyamos la propuesta de la delegación de Chile.")).toEqual({ fits: true });
    expect(checkScript("fr", "Technical assistance UNODC Vienna")).toEqual({ fits: true });
  });

  it("never warns on short texts", () => {
    for (const text of ["OK", "Да.", "同意。", "نعم، نؤيد ذلك", "Sin comentarios.", "Без замечаний."]) {
      expect(countScripts(text).latin + countScripts(text).cyrillic + countScripts(text).arabic < MIN_LETTERS * 2).toBe(true);
      for (const language of LANGUAGES) expect(checkScript(language, text), `${language}: ${text}`).toEqual({ fits: true });
    }
  });

  it("ignores digits, punctuation, addresses and quoted English point text", () => {
    const russian =
      "Предлагаем заменить «States parties should develop and implement national strategies for technical assistance» " +
      "формулировкой из документа https://www.unodc.org/documents/treaties/organized_crime/2020/CTOC_COP_WG.2_2020_L.1.pdf (пункт 12, 2020).";
    expect(checkScript("ru", russian)).toEqual({ fits: true });
    const arabic =
      'نقترح الاستعاضة عن عبارة "should develop and implement, as appropriate, a national strategy" بعبارة أخرى، انظر الفقرة 14 من www.unodc.org أو راسلونا على mission.morocco@example.org.';
    expect(checkScript("ar", arabic)).toEqual({ fits: true });
    expect(stripIgnored(arabic)).not.toMatch(/develop|unodc|morocco/);
    // Quotations in the comment's own language stay: they are the delegation's words.
    expect(stripIgnored("Он сказал: «это важно»")).toContain("это важно");
  });

  it("leaves out the point texts the caller names, even unquoted", () => {
    const point = "States parties should develop and implement a national strategy for technical assistance in criminal matters";
    const chinese = `${point}。中国支持此项建议。`;
    expect(checkScript("zh", chinese)).toMatchObject({ fits: false, script: "latin" });
    expect(checkScript("zh", chinese, { ignore: [point] })).toEqual({ fits: true });
  });

  it("accepts mixed texts where the chosen language's script keeps a fair share", () => {
    const arabicWithTerms = "نؤيد النص مع إضافة إشارة إلى SHERLOC وUNODC Global Programme on Cybercrime and Technical Assistance Tools";
    expect(checkScript("ar", arabicWithTerms)).toEqual({ fits: true });
    const chineseWithAcronyms = "我们支持联合国毒品和犯罪问题办公室(UNODC)根据UNTOC第30条提供的技术援助。";
    expect(checkScript("zh", chineseWithAcronyms)).toEqual({ fits: true });
  });

  it("reports another script without naming a language", () => {
    expect(checkScript("en", "Η Ελληνική Δημοκρατία υποστηρίζει τη σύσταση (α) χωρίς αλλαγές.")).toEqual({
      fits: false,
      script: "other",
      suggestion: null,
    });
  });
});

describe("guessLatinLanguage", () => {
  it("recognises the three Latin-script languages", () => {
    expect(guessLatinLanguage(COMMENTS.en)).toBe("en");
    expect(guessLatinLanguage(COMMENTS.fr)).toBe("fr");
    expect(guessLatinLanguage(COMMENTS.es)).toBe("es");
  });

  it("stays silent when unsure", () => {
    expect(guessLatinLanguage("")).toBeNull();
    expect(guessLatinLanguage("la de que en un se a")).toBeNull();
    // Half French, half English: no clear winner.
    expect(guessLatinLanguage("The States parties should note that la France est pour le texte et les États aussi")).toBeNull();
  });
});
