import { describe, it, expect } from "vitest";
import delegations from "../../db/seed-data/delegations.json";

type Lang = "ar" | "zh" | "en" | "fr" | "ru" | "es";
type Kind = "member_state" | "observer_state" | "non_member_state" | "regional_economic_integration_organization";
type Delegation = {
  code: string;
  kind: Kind;
  iso2: string | null;
  iso3: string | null;
  m49: string | null;
  names: Record<Lang, string>;
  articles: { fr: string | null; es: string | null; en: string | null };
  formalNames: Record<Lang, string>;
};

const all = delegations as Delegation[];
const LANGS: Lang[] = ["ar", "zh", "en", "fr", "ru", "es"];
const STATE_KINDS: Kind[] = ["member_state", "observer_state", "non_member_state"];

// An article left in parentheses at the end of a name, as in UNTERM short names:
// "Netherlands (the)", "Afghanistan (l')", "Perú (el)", with or without a "*" marker.
const TRAILING_ARTICLE = /\((the|le|la|l'|l’|les|el|los|las)\)\s*\**$/i;

function byCode(code: string): Delegation {
  const d = all.find((x) => x.code === code);
  if (!d) throw new Error(`no delegation ${code}`);
  return d;
}

function byEnglishName(name: string): Delegation {
  const d = all.find((x) => x.names.en === name);
  if (!d) throw new Error(`no delegation named ${name}`);
  return d;
}

describe("db/seed-data/delegations.json", () => {
  it("has 198 delegations of the expected kinds", () => {
    expect(all).toHaveLength(198);
    const count = (k: Kind) => all.filter((d) => d.kind === k).length;
    expect(count("member_state")).toBe(193);
    expect(count("observer_state")).toBe(2);
    expect(count("non_member_state")).toBe(2);
    expect(count("regional_economic_integration_organization")).toBe(1);
  });

  it("has unique codes, ISO codes and M49 codes", () => {
    const unique = (xs: (string | null)[]) => new Set(xs.filter((x) => x !== null)).size;
    expect(unique(all.map((d) => d.code))).toBe(198);
    expect(unique(all.map((d) => d.iso2))).toBe(198);
    expect(unique(all.map((d) => d.iso3))).toBe(197);
    expect(unique(all.map((d) => d.m49))).toBe(197);
  });

  it("gives States ISO 3166 codes and 3-digit M49 codes", () => {
    for (const d of all.filter((x) => STATE_KINDS.includes(x.kind))) {
      expect(d.code, d.names.en).toMatch(/^[A-Z]{3}$/);
      expect(d.iso3, d.names.en).toBe(d.code);
      expect(d.iso2, d.names.en).toMatch(/^[A-Z]{2}$/);
      expect(d.m49, d.names.en).toMatch(/^\d{3}$/);
    }
  });

  it("has a non-empty short and formal name in all six languages", () => {
    for (const d of all) {
      for (const lang of LANGS) {
        for (const name of [d.names[lang], d.formalNames[lang]]) {
          expect(typeof name, `${d.code} ${lang}`).toBe("string");
          expect(name.trim().length, `${d.code} ${lang}`).toBeGreaterThan(0);
          expect(name, `${d.code} ${lang}`).toBe(name.trim());
          expect(name, `${d.code} ${lang}`).not.toMatch(/\s{2}/);
          expect(name, `${d.code} ${lang}`).not.toContain("*");
        }
      }
    }
  });

  it("has no short name still ending with an article in parentheses", () => {
    for (const d of all) {
      for (const lang of LANGS) {
        expect(d.names[lang], `${d.code} ${lang}`).not.toMatch(TRAILING_ARTICLE);
        for (const article of ["(the)", "(l')", "(le)", "(la)", "(les)", "(el)", "(los)", "(las)"]) {
          expect(d.names[lang].endsWith(article), `${d.code} ${lang}`).toBe(false);
        }
      }
    }
  });

  it("keeps parentheses only where they are part of the name", () => {
    const withParens = all
      .filter((d) => LANGS.some((l) => /[()（）]/.test(d.names[l])))
      .map((d) => d.code)
      .sort();
    expect(withParens).toEqual(["BOL", "COG", "FSM", "IRN", "NLD", "VEN"]);
    // COG: only the Chinese name 刚果（布） (Congo-Brazzaville) has (full-width) brackets.
    expect(LANGS.filter((l) => /[()（）]/.test(byCode("COG").names[l]))).toEqual(["zh"]);
  });

  it("stores the stripped article separately", () => {
    expect(byCode("PER").articles).toEqual({ fr: "le", es: "el", en: null });
    expect(byCode("AFG").articles).toEqual({ fr: "l'", es: "el", en: null });
    expect(byCode("RUS").articles).toEqual({ fr: "la", es: "la", en: "the" });
    expect(byCode("USA").articles).toEqual({ fr: "les", es: "los", en: "the" });
    expect(byCode("ARE").articles).toEqual({ fr: "les", es: "los", en: "the" });
    expect(byCode("DEU").articles).toEqual({ fr: "l'", es: null, en: null });
    const allowed = {
      fr: [null, "le", "la", "l'", "les"],
      es: [null, "el", "la", "los", "las"],
      en: [null, "the"],
    };
    for (const d of all) {
      expect(allowed.fr, d.code).toContain(d.articles.fr);
      expect(allowed.es, d.code).toContain(d.articles.es);
      expect(allowed.en, d.code).toContain(d.articles.en);
    }
  });

  it("is sorted by English name", () => {
    const names = all.map((d) => d.names.en);
    const sorted = [...names].sort((a, b) => a.localeCompare(b, "en"));
    expect(names).toEqual(sorted);
  });

  it("has the expected names in every language (spot checks)", () => {
    const peru = byCode("PER");
    expect(peru.names).toMatchObject({ en: "Peru", es: "Perú", fr: "Pérou" });
    expect(peru.iso2).toBe("PE");
    expect(peru.m49).toBe("604");
    expect(byCode("MAR").names.ar).toBe("المغرب");
    expect(byCode("CHN").names.zh).toBe("中国");
    expect(byCode("RUS").names.ru).toBe("Российская Федерация");
    expect(byCode("RUS").names.en).toBe("Russian Federation");
    expect(byCode("FRA").names).toMatchObject({ fr: "France", es: "Francia", en: "France" });
    expect(byCode("AFG").m49).toBe("004");
    expect(byCode("CIV").names.en).toBe("Côte d'Ivoire");
    expect(byCode("CZE").names.en).toBe("Czechia");
    expect(byCode("SWZ").names.en).toBe("Eswatini");
    expect(byCode("MKD").names.en).toBe("North Macedonia");
  });

  it("uses the current names Türkiye and Netherlands (Kingdom of the)", () => {
    const tur = byCode("TUR");
    expect(tur.names).toMatchObject({ en: "Türkiye", fr: "Türkiye", es: "Türkiye" });
    expect(tur.articles.fr).toBe("la");
    expect(tur.formalNames.en).toBe("the Republic of Türkiye");
    expect(all.some((d) => LANGS.some((l) => /Turkey|Turquie|Turquía/.test(d.names[l])))).toBe(false);

    const nld = byCode("NLD");
    expect(nld.names).toMatchObject({
      en: "Netherlands (Kingdom of the)",
      fr: "Pays-Bas (Royaume des)",
      es: "Países Bajos (Reino de los)",
      ru: "Нидерланды (Королевство)",
    });
    // UN French and Spanish running text: "des Pays-Bas (Royaume des)", "de los Países Bajos (Reino de los)".
    expect(nld.articles).toEqual({ fr: "les", es: "los", en: null });
  });

  it("strips the article from the United Kingdom but keeps Bolivia's parenthesis", () => {
    const gbr = byEnglishName("United Kingdom of Great Britain and Northern Ireland");
    expect(gbr.code).toBe("GBR");
    expect(gbr.names.fr).toBe("Royaume-Uni de Grande-Bretagne et d'Irlande du Nord");
    expect(gbr.names.es).toBe("Reino Unido de Gran Bretaña e Irlanda del Norte");
    expect(gbr.articles).toEqual({ fr: "le", es: "el", en: "the" });

    const bol = byCode("BOL");
    expect(bol.names.en).toBe("Bolivia (Plurinational State of)");
    expect(bol.names.fr).toBe("Bolivie (État plurinational de)");
    expect(bol.names.es).toBe("Bolivia (Estado Plurinacional de)");
    expect(byCode("IRN").names.fr).toBe("Iran (République islamique d')");
    // The bracketed names take their article in running text too: "de la Bolivie (État plurinational de)".
    expect(bol.articles).toEqual({ fr: "la", es: null, en: null });
    expect(byCode("IRN").articles).toEqual({ fr: "l'", es: "el", en: null });
  });

  it("marks the observer and non-member States and adds the European Union", () => {
    expect(byEnglishName("Holy See").kind).toBe("observer_state");
    expect(byEnglishName("State of Palestine").kind).toBe("observer_state");
    expect(byEnglishName("Cook Islands").kind).toBe("non_member_state");
    expect(byEnglishName("Niue").kind).toBe("non_member_state");

    const eu = byCode("EU");
    expect(eu.kind).toBe("regional_economic_integration_organization");
    expect(eu.iso3).toBeNull();
    expect(eu.m49).toBeNull();
    expect(eu.names).toEqual({
      ar: "الاتحاد الأوروبي",
      zh: "欧洲联盟",
      en: "European Union",
      fr: "Union européenne",
      ru: "Европейский союз",
      es: "Unión Europea",
    });
  });
});
