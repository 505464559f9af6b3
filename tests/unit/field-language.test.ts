import { describe, expect, it } from "vitest";
import type { Language } from "~/i18n/languages";
import {
  commentLanguages,
  fieldLanguage,
  fieldsToTranslate,
  languagesToTranslate,
  needsAnyTranslation,
  neededTranslationStatus,
  quickScriptCounts,
  shareOfReferenceWords,
} from "~/lib/field-language";
import { countScripts } from "~/lib/script-check";

// A point as circulated (WG.2 technical assistance) and what delegations send about it.
const POINT =
  "States parties should strengthen international cooperation in criminal matters, including through the exchange of information on good practices and the provision of technical assistance upon request.";
const POINT_EDITED =
  "States parties may strengthen international cooperation in criminal matters, including through the timely exchange of information on good practices and the provision of technical assistance upon request, as appropriate.";

const TEXTS: Record<Language, string> = {
  ar: "تؤيد المملكة المغربية التوصية (أ) وتقترح إضافة إشارة إلى بناء القدرات في مجال التعاون الدولي لمكافحة الجريمة المنظمة.",
  zh: "中国代表团支持关于加强技术援助的建议，并建议在(b)段中增加“能力建设”一词，以反映发展中国家的需要。",
  en: "The United States supports recommendation (a) and proposes to replace the word develop with strengthen in the second line.",
  fr: "La France soutient la recommandation (a) et propose de remplacer le mot « élaborer » par « renforcer » dans la deuxième ligne du texte.",
  ru: "Российская Федерация поддерживает данную рекомендацию и предлагает дополнить пункт (а) словами «на добровольной основе».",
  es: "El Perú apoya la recomendación (a) y propone sustituir la palabra «elaborar» por «fortalecer» en el texto, para que los Estados partes puedan aplicarla.",
};
const POINT_FR =
  "Les États parties devraient renforcer la coopération internationale en matière pénale, notamment par l’échange d’informations sur les bonnes pratiques et la fourniture d’une assistance technique sur demande.";
const POINT_ES =
  "Los Estados partes deberían fortalecer la cooperación internacional en asuntos penales, incluso mediante el intercambio de información sobre buenas prácticas y la prestación de asistencia técnica previa solicitud.";

describe("fieldLanguage", () => {
  it("each language's own text, in a submission in that language, is in that language", () => {
    for (const language of Object.keys(TEXTS) as Language[]) {
      expect(fieldLanguage(TEXTS[language], language), language).toBe(language);
    }
  });

  it("the English wording of the point with small edits is English in an Arabic, Chinese or Russian submission", () => {
    for (const language of ["ar", "zh", "ru"] as const) {
      expect(fieldLanguage(POINT_EDITED, language, { reference: POINT }), language).toBe("en");
      expect(fieldLanguage(POINT, language, { reference: POINT }), language).toBe("en");
    }
  });

  it("a French or Spanish rewording of an English point is not taken for English", () => {
    expect(fieldLanguage(POINT_FR, "fr", { reference: POINT })).toBe("fr");
    expect(fieldLanguage(POINT_ES, "es", { reference: POINT })).toBe("es");
    // In a Chinese submission too: the words say French beyond doubt.
    expect(fieldLanguage(POINT_FR, "zh", { reference: POINT })).toBe("fr");
    expect(shareOfReferenceWords(POINT_FR, POINT)).toBeLessThan(0.5);
  });

  it("a comment quoting the English point, or full of English terms, stays in its own language", () => {
    const quoting = `中国建议将“${POINT}”中的“should”改为“may”。`;
    expect(fieldLanguage(quoting, "zh", { reference: POINT })).toBe("zh");
    const terms = "تؤيد المملكة المغربية دور UNODC وبرنامج SHERLOC وشبكة CARIN في التعاون الدولي https://www.unodc.org/sherloc";
    expect(fieldLanguage(terms, "ar")).toBe("ar");
  });

  it("Latin text with no sign of French or Spanish in an Arabic, Chinese or Russian submission is English", () => {
    expect(fieldLanguage("China supports this recommendation and thanks the Secretariat for its work.", "zh")).toBe("en");
    expect(fieldLanguage("Technical assistance programmes", "ar")).toBe("en");
    expect(fieldLanguage("UNODC", "ru")).toBe("en");
  });

  it("Latin text that may be French or Spanish stays with the submission's language when it cannot be told", () => {
    // One letter only French uses, no function word: not enough to say French, too much to say English.
    expect(fieldLanguage("Coopération judiciaire internationale", "zh")).toBe("zh");
  });

  it("another non-Latin script is that script's language", () => {
    expect(fieldLanguage(TEXTS.ru, "zh")).toBe("ru");
    expect(fieldLanguage(TEXTS.ar, "es")).toBe("ar");
    expect(fieldLanguage(TEXTS.zh, "fr")).toBe("zh");
  });

  it("Latin text in a French or Spanish submission is taken in the submission's language: no guessing between Latin-script languages there", () => {
    expect(fieldLanguage(TEXTS.en, "es")).toBe("es");
    expect(fieldLanguage(POINT_EDITED, "fr", { reference: POINT })).toBe("fr");
    expect(fieldLanguage("Propuesta", "es")).toBe("es");
    expect(fieldLanguage("Proposition", "fr")).toBe("fr");
  });

  it("an English submission is taken at its word", () => {
    expect(fieldLanguage(TEXTS.en, "en")).toBe("en");
    expect(fieldLanguage(TEXTS.fr, "en")).toBe("en");
  });

  it("nothing to translate: empty, blank or without letters", () => {
    for (const language of ["ar", "zh", "en", "es"] as const) {
      expect(fieldLanguage("", language)).toBeNull();
      expect(fieldLanguage(null, language)).toBeNull();
      expect(fieldLanguage("  \n ", language)).toBeNull();
      expect(fieldLanguage("2021 – 2025 (1), (2)", language)).toBeNull();
    }
  });
});

describe("quickScriptCounts", () => {
  it("counts the scripts as script-check's countScripts does", () => {
    for (const text of [...Object.values(TEXTS), POINT_FR, "𠀀𠀁 abc Ωμέγα"]) {
      expect(quickScriptCounts(text), text).toEqual(countScripts(text));
    }
  });
});

describe("comments", () => {
  const zh = { kind: "amendment" as const, language: "zh" as const };

  it("judges a comment's text and its proposed wording apart", () => {
    const languages = commentLanguages({ ...zh, body: TEXTS.zh, proposedText: POINT_EDITED }, POINT);
    expect(languages).toEqual({ body: "zh", proposedText: "en" });
    expect(fieldsToTranslate(languages)).toEqual({ body: true, proposedText: false });
    expect(languagesToTranslate(languages)).toEqual(["zh"]);
    expect(needsAnyTranslation(languages)).toBe(true);
  });

  it("an amendment with no comment and English wording needs no translation", () => {
    const languages = commentLanguages({ ...zh, body: "", proposedText: POINT_EDITED }, POINT);
    expect(languages).toEqual({ body: null, proposedText: "en" });
    expect(needsAnyTranslation(languages)).toBe(false);
    expect(languagesToTranslate(languages)).toEqual([]);
  });

  it("a comment that is not an amendment has no proposed wording", () => {
    expect(commentLanguages({ kind: "point", language: "ar", body: TEXTS.ar, proposedText: null })).toEqual({ body: "ar", proposedText: null });
  });

  it("the status counts only the fields that need translating", () => {
    const comment = { body: TEXTS.zh, proposedText: POINT_EDITED };
    const languages = { body: "zh", proposedText: "en" } as const;
    expect(neededTranslationStatus(null, comment, languages)).toBe("todo");
    const translated = { status: "final" as const, sourceBody: TEXTS.zh, sourceProposedText: POINT };
    // The English wording changed since: the translation of the Chinese text still stands.
    expect(neededTranslationStatus(translated, comment, languages)).toBe("final");
    expect(neededTranslationStatus({ ...translated, sourceBody: "中国的旧意见。" }, comment, languages)).toBe("outdated");
    expect(neededTranslationStatus(null, comment, { body: "en", proposedText: null })).toBeNull();
  });
});
