import { describe, expect, it } from "vitest";
import { readReferenceReport } from "../../db/files";
import delegationsJson from "../../db/seed-data/delegations.json";
import {
  DELEGATION_ALIASES,
  cleanName,
  delegationNameList,
  matchDelegations,
  matchNameList,
  normalizeName,
  splitNameList,
  type MatchResult,
  type MatchableDelegation,
} from "../../app/lib/delegation-match";

const delegations: MatchableDelegation[] = (delegationsJson as Omit<MatchableDelegation, "id">[]).map((d) => ({ ...d, id: d.code }));
const known = delegationNameList(delegations);

const report2020 = readReferenceReport("wg2-2020-draft-report.txt");
const report2023 = readReferenceReport("wg2-2023-report.txt");

/** From `start` up to and including `end` (first occurrence after start). */
function excerpt(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  expect(from).toBeGreaterThanOrEqual(0);
  const to = text.indexOf(end, from);
  expect(to).toBeGreaterThan(from);
  return text.slice(from, to + end.length);
}

function one(name: string): MatchResult {
  const [result] = matchDelegations([name], delegations);
  if (!result) throw new Error("no result");
  return result;
}

const codeOf = (name: string) => one(name).delegation?.code;
const candidateCodes = (r: MatchResult) => r.candidates.map((d) => d.code);

describe("2020 report, paragraph 15 (interrupted by a page break and a footnote)", () => {
  const paragraph = excerpt(report2020, "15. The following parties", "[...].");
  const names = splitNameList(paragraph, known);
  const results = matchDelegations(names, delegations);

  it("contains the footnote line it has to skip", () => {
    expect(paragraph).toContain("¹ CTOC/COP/WG.2/2020/1.");
  });

  it("splits into the 79 listed names, without introduction, footnote or [...]", () => {
    expect(names).toHaveLength(79);
    expect(names[0]).toBe("Algeria");
    expect(names.at(-1)).toBe("Yemen");
    expect(names).toContain("Bolivia (Plurinational State of)");
    expect(names).toContain("Bosnia and Herzegovina");
    expect(names).toContain("Brazil");
    expect(names).toContain("European Union");
    expect(names).toContain("United Kingdom of Great Britain and Northern Ireland");
    expect(names).toContain("Venezuela (Bolivarian Republic of)");
    expect(names.some((n) => /CTOC|following|\d|\[/.test(n))).toBe(false);
  });

  it("matches every name, Turkey to Türkiye", () => {
    const unmatched = results.filter((r) => r.status !== "matched").map((r) => r.input);
    expect(unmatched).toEqual([]);
    const codes = results.map((r) => r.delegation?.code);
    expect(new Set(codes).size).toBe(79);
    expect(codes).toContain("EU");
    expect(results.find((r) => r.input === "Turkey")?.delegation?.code).toBe("TUR");
    expect(results.find((r) => r.input === "Republic of Korea")?.delegation?.code).toBe("KOR");
    expect(results.find((r) => r.input === "State of Palestine")?.delegation?.code).toBe("PSE");
    expect(results.find((r) => r.input === "Sudan")?.delegation?.code).toBe("SDN");
    // Only Turkey needs the alias table; everything else is a UN name.
    expect(results.filter((r) => r.method !== "name").map((r) => r.input)).toEqual(["Turkey"]);
  });

  it("gives the same result through matchNameList", () => {
    expect(matchNameList(paragraph, delegations).map((r) => r.delegation?.code)).toEqual(results.map((r) => r.delegation?.code));
  });

  it("handles paragraph 16 (lower-case 'republic', '[...].')", () => {
    const p16 = excerpt(report2020, "16. The following signatory", "[...].");
    const r = matchNameList(p16, delegations);
    expect(r.map((x) => [x.input, x.delegation?.code])).toEqual([["Iran (Islamic republic of)", "IRN"]]);
  });
});

describe("2023 report (short forms United States, United Kingdom)", () => {
  it("paragraph 36: 14 States parties, 'United States and Venezuela …'", () => {
    const sentence = excerpt(report2023, "36. Under agenda item 2", "(Bolivarian Republic of).");
    const results = matchNameList(sentence, delegations);
    expect(results.map((r) => r.delegation?.code)).toEqual(["DZA", "CAN", "CHN", "COL", "CZE", "ECU", "IDN", "KWT", "MAR", "PAK", "RUS", "SYR", "USA", "VEN"]);
    expect(results.every((r) => r.status === "matched")).toBe(true);
  });

  it("paragraph 38: 'United Kingdom and United States', Equatorial Guinea", () => {
    const sentence = excerpt(report2023, "38. Under agenda item 3", "United Kingdom and United States.");
    const codes = matchNameList(sentence, delegations).map((r) => r.delegation?.code);
    expect(codes).toHaveLength(14);
    expect(codes).toContain("GNQ");
    expect(codes.slice(-2)).toEqual(["GBR", "USA"]);
  });

  it("paragraph 39: 'Canada, Colombia, Russian Federation and United States'", () => {
    const sentence = excerpt(report2023, "39. Under agenda item 4", "United States.");
    expect(matchNameList(sentence, delegations).map((r) => r.delegation?.code)).toEqual(["CAN", "COL", "RUS", "USA"]);
  });

  it("paragraph 41: attendance list with Türkiye, all matched", () => {
    const paragraph = excerpt(report2023, "41. The following parties", "(Bolivarian Republic of).");
    const results = matchNameList(paragraph, delegations);
    expect(results).toHaveLength(81);
    expect(results.filter((r) => r.status !== "matched")).toEqual([]);
    expect(results.at(-1)?.delegation?.code).toBe("VEN");
  });

  it("'the Islamic Republic of Iran' (paragraph 38's observer)", () => {
    expect(codeOf("the Islamic Republic of Iran")).toBe("IRN");
    expect(codeOf("The Islamic Republic of Iran")).toBe("IRN");
  });
});

describe("the delegation list against itself", () => {
  it("matches every short and formal name in every language to its own delegation", () => {
    const wrong: string[] = [];
    for (const d of delegations) {
      const names = [...Object.values(d.names), ...Object.values(d.formalNames ?? {})];
      for (const r of matchDelegations(names, delegations)) {
        if (r.status !== "matched" || r.delegation?.code !== d.code) wrong.push(`${d.code}: ${r.input}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no alias pointing at a missing delegation or at another delegation's UN name", () => {
    const codes = new Set(delegations.map((d) => d.code));
    for (const alias of DELEGATION_ALIASES) {
      for (const code of alias.codes) expect(codes.has(code), code).toBe(true);
      for (const name of alias.names) {
        const r = one(name);
        if (alias.codes.length === 1) expect(r.delegation?.code, name).toBe(alias.codes[0]);
        else expect(candidateCodes(r).sort(), name).toEqual([...alias.codes].sort());
      }
    }
  });
});

describe("aliases", () => {
  const cases: Array<[string, string]> = [
    ["Bolivia", "BOL"],
    ["Bolivia (Plurinational State of)", "BOL"],
    ["Iran", "IRN"],
    ["Iran (Islamic republic of)", "IRN"],
    ["the Islamic Republic of Iran", "IRN"],
    ["Turkey", "TUR"],
    ["Turkiye", "TUR"],
    ["Netherlands", "NLD"],
    ["the Netherlands", "NLD"],
    ["Netherlands (the)", "NLD"],
    ["UK", "GBR"],
    ["U.K.", "GBR"],
    ["United Kingdom", "GBR"],
    ["Britain", "GBR"],
    ["Great Britain", "GBR"],
    ["USA", "USA"],
    ["U.S.A.", "USA"],
    ["United States", "USA"],
    ["US", "USA"],
    ["U.S.", "USA"],
    ["Russia", "RUS"],
    ["South Korea", "KOR"],
    ["North Korea", "PRK"],
    ["DPRK", "PRK"],
    ["Vietnam", "VNM"],
    ["Viet-Nam", "VNM"],
    ["Czech Republic", "CZE"],
    ["Swaziland", "SWZ"],
    ["Macedonia", "MKD"],
    ["The former Yugoslav Republic of Macedonia", "MKD"],
    ["Cape Verde", "CPV"],
    ["Ivory Coast", "CIV"],
    ["Cote d'Ivoire", "CIV"],
    ["Cote d’Ivoire", "CIV"],
    ["Côte d’Ivoire", "CIV"],
    ["Côte d'Ivoire", "CIV"],
    ["Cote d Ivoire", "CIV"],
    ["Palestine", "PSE"],
    ["Vatican", "VAT"],
    ["EU", "EU"],
    ["Syria", "SYR"],
    ["Laos", "LAO"],
    ["Lao People’s Democratic Republic", "LAO"],
    ["Moldova", "MDA"],
    ["Tanzania", "TZA"],
    ["DR Congo", "COD"],
    ["DRC", "COD"],
    ["Democratic Republic of Congo", "COD"],
    ["Congo, Democratic Republic of the", "COD"],
    ["Congo (Brazzaville)", "COG"],
    ["Korea, Republic of", "KOR"],
    ["Micronesia", "FSM"],
    ["Venezuela", "VEN"],
    ["Guinea Bissau", "GNB"],
    ["Timor Leste", "TLS"],
    ["Trinidad & Tobago", "TTO"],
    ["St. Lucia", "LCA"],
    ["The Gambia", "GMB"],
  ];
  it.each(cases)("%s → %s", (name, code) => {
    const r = one(name);
    expect(r.status).toBe("matched");
    expect(r.delegation?.code).toBe(code);
  });
});

describe("traps: never a wrong State", () => {
  it("Niger is Niger, not Nigeria (which is offered)", () => {
    const r = one("Niger");
    expect(r.delegation?.code).toBe("NER");
    expect(candidateCodes(r)).toContain("NGA");
    expect(codeOf("Nigeria")).toBe("NGA");
  });

  it("Guinea is Guinea, not Guinea-Bissau, Equatorial Guinea or Papua New Guinea", () => {
    const r = one("Guinea");
    expect(r.delegation?.code).toBe("GIN");
    expect(candidateCodes(r)[0]).toBe("GIN");
    expect(candidateCodes(r)).toEqual(expect.arrayContaining(["GNB", "GNQ", "PNG"]));
    expect(codeOf("Guinea-Bissau")).toBe("GNB");
    expect(codeOf("Equatorial Guinea")).toBe("GNQ");
    expect(codeOf("Papua New Guinea")).toBe("PNG");
  });

  it("Sudan is Sudan, not South Sudan", () => {
    expect(codeOf("Sudan")).toBe("SDN");
    expect(codeOf("the Sudan")).toBe("SDN");
    expect(codeOf("South Sudan")).toBe("SSD");
  });

  it("Dominica is Dominica; 'Dominican' is not guessed", () => {
    expect(codeOf("Dominica")).toBe("DMA");
    expect(codeOf("Dominican Republic")).toBe("DOM");
    const r = one("Dominican");
    expect(r.status).toBe("ambiguous");
    expect(candidateCodes(r)).toEqual(expect.arrayContaining(["DMA", "DOM"]));
  });

  it("Congo is the UN short name of the Republic of the Congo; DR Congo is offered", () => {
    const r = one("Congo");
    expect(r.status).toBe("matched");
    expect(r.delegation?.code).toBe("COG");
    expect(candidateCodes(r)).toContain("COD");
    expect(codeOf("Democratic Republic of the Congo")).toBe("COD");
    expect(codeOf("République démocratique du Congo")).toBe("COD");
  });

  it("Korea is ambiguous between the two Koreas", () => {
    for (const name of ["Korea", "korea", "Corée", "Корея"]) {
      const r = one(name);
      expect(r.status, name).toBe("ambiguous");
      expect(r.delegation).toBeUndefined();
      expect(candidateCodes(r).sort(), name).toEqual(["KOR", "PRK"]);
    }
  });

  it("a typo between two States is not resolved ('Nigera')", () => {
    const r = one("Nigera");
    expect(r.status).toBe("ambiguous");
    expect(candidateCodes(r)).toEqual(expect.arrayContaining(["NER", "NGA"]));
  });

  it("'Republic of China' is not matched to China", () => {
    const r = one("Republic of China");
    expect(r.status).not.toBe("matched");
    expect(candidateCodes(r)).toContain("CHN");
  });

  it("a clear typo is matched, and reported as fuzzy", () => {
    const r = one("Urugay");
    expect(r.status).toBe("matched");
    expect(r.delegation?.code).toBe("URY");
    expect(r.method).toBe("fuzzy");
    expect(codeOf("Argentinia")).toBe("ARG");
  });
});

describe("other languages", () => {
  const cases: Array<[string, string]> = [
    ["Algérie", "DZA"],
    ["l'Algérie", "DZA"],
    ["Allemagne", "DEU"],
    ["Royaume-Uni", "GBR"],
    ["États-Unis d'Amérique", "USA"],
    ["Pays-Bas", "NLD"],
    ["Tchéquie", "CZE"],
    ["Alemania", "DEU"],
    ["Estados Unidos", "USA"],
    ["los Estados Unidos", "USA"],
    ["Irán (República Islámica del)", "IRN"],
    ["el Perú", "PER"],
    ["Российская Федерация", "RUS"],
    ["Россия", "RUS"],
    ["Соединённое Королевство Великобритании и Северной Ирландии", "GBR"],
    ["Кот-д'Ивуар", "CIV"],
    ["中国", "CHN"],
    ["美国", "USA"],
    ["刚果（布）", "COG"],
    ["刚果民主共和国", "COD"],
    ["土耳其", "TUR"],
    ["الجزائر", "DZA"],
    ["تركيا", "TUR"],
    ["آيرلندا", "IRL"],
    ["الولايات المتحدة الأمريكية", "USA"],
  ];
  it.each(cases)("%s → %s", (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it("splits and matches French, Spanish, Russian, Chinese and Arabic lists", () => {
    const lists: Array<[string, string[]]> = [
      ["Algérie, Bosnie-Herzégovine, Royaume-Uni de Grande-Bretagne et d'Irlande du Nord et Trinité-et-Tobago.", ["DZA", "BIH", "GBR", "TTO"]],
      ["Argelia, Bosnia y Herzegovina, Reino Unido de Gran Bretaña e Irlanda del Norte y Trinidad y Tabago", ["DZA", "BIH", "GBR", "TTO"]],
      ["Алжир, Босния и Герцеговина, Российская Федерация и Тринидад и Тобаго", ["DZA", "BIH", "RUS", "TTO"]],
      ["阿尔及利亚、波斯尼亚和黑塞哥维那、中非共和国、大不列颠及北爱尔兰联合王国、美国和法国", ["DZA", "BIH", "CAF", "GBR", "USA", "FRA"]],
      ["الجزائر، البوسنة والهرسك، ترينيداد وتوباغو، وكندا", ["DZA", "BIH", "TTO", "CAN"]],
      ["الجزائر وكندا", ["DZA", "CAN"]],
    ];
    for (const [text, codes] of lists) {
      expect(
        matchNameList(text, delegations).map((r) => r.delegation?.code),
        text,
      ).toEqual(codes);
    }
  });
});

describe("normalisation", () => {
  it("ignores case, accents, apostrophe kind, hyphens, extra spaces and leading articles", () => {
    expect(normalizeName("  CÔTE   D’IVOIRE ")).toBe(normalizeName("cote d'ivoire"));
    expect(normalizeName("Guinea-Bissau")).toBe("guinea bissau");
    expect(normalizeName("The Netherlands (the)")).toBe("netherlands");
    expect(normalizeName("U.S.A.")).toBe("usa");
    expect(normalizeName("Ёлка")).toBe("елка");
    for (const name of ["ALGERIA", "algeria", "  Algeria  ", "Algéria", "ALGÉRIE", "argelia"]) {
      expect(codeOf(name), name).toBe("DZA");
    }
    expect(codeOf("TÜRKIYE")).toBe("TUR");
    expect(codeOf("turkiye")).toBe("TUR");
  });

  it("cleans footnote markers, [...], bullets, numbering and full stops", () => {
    expect(cleanName("Yemen [...].")).toBe("Yemen");
    expect(cleanName("Chile,<sup>1</sup>")).toBe("Chile");
    expect(cleanName("Chile¹")).toBe("Chile");
    expect(cleanName("12. Chile")).toBe("Chile");
    expect(cleanName("• the Sudan.")).toBe("Sudan");
    expect(cleanName("(a) Chile;")).toBe("Chile");
    expect(cleanName("U.S.")).toBe("U.S.");
    expect(cleanName("and Yemen")).toBe("Yemen");
  });
});

describe("splitNameList", () => {
  it("keeps names containing 'and' whole, with or without known names", () => {
    const text =
      "Antigua and Barbuda, Bosnia and Herzegovina, Saint Kitts and Nevis, Saint Vincent and the Grenadines, Sao Tome and Principe and Trinidad and Tobago";
    const expected = [
      "Antigua and Barbuda",
      "Bosnia and Herzegovina",
      "Saint Kitts and Nevis",
      "Saint Vincent and the Grenadines",
      "Sao Tome and Principe",
      "Trinidad and Tobago",
    ];
    expect(splitNameList(text, known)).toEqual(expected);
    expect(splitNameList(text)).toEqual(expected);
    expect(splitNameList("Heard Island and McDonald Islands and Chile")).toEqual(["Heard Island and McDonald Islands", "Chile"]);
  });

  it("cuts 'X and Y', 'X, Y and Z' and Oxford commas", () => {
    expect(splitNameList("Canada and Chile", known)).toEqual(["Canada", "Chile"]);
    expect(splitNameList("Canada and Chile")).toEqual(["Canada", "Chile"]);
    expect(splitNameList("Canada, Chile, and the Sudan")).toEqual(["Canada", "Chile", "Sudan"]);
    expect(splitNameList("Bosnia and Herzegovina and Serbia", known)).toEqual(["Bosnia and Herzegovina", "Serbia"]);
    expect(splitNameList("Ruritania and Atlantis")).toEqual(["Ruritania", "Atlantis"]);
  });

  it("keeps commas inside parentheses and ISO-style inverted names", () => {
    expect(splitNameList("Bolivia (Plurinational State of), Iran (Islamic Republic of)")).toEqual([
      "Bolivia (Plurinational State of)",
      "Iran (Islamic Republic of)",
    ]);
    const iso = "Korea, Republic of\nCongo, Democratic Republic of the\nIran, Islamic Republic of";
    expect(splitNameList(iso, known)).toEqual(["Korea, Republic of", "Congo, Democratic Republic of the", "Iran, Islamic Republic of"]);
    expect(matchNameList(iso, delegations).map((r) => r.delegation?.code)).toEqual(["KOR", "COD", "IRN"]);
  });

  it("takes one name per line, with bullets, numbering, semicolons and wrapped lines", () => {
    const text = [
      "The following States were represented:",
      "1. Algeria",
      "2) Angola;",
      "• the Netherlands",
      "- Iran (Islamic Republic of)",
      "",
      "Bolivia (Plurinational",
      "State of); United Kingdom of Great Britain and",
      "Northern Ireland; Yemen [...].",
    ].join("\n");
    expect(splitNameList(text, known)).toEqual([
      "Algeria",
      "Angola",
      "Netherlands",
      "Iran (Islamic Republic of)",
      "Bolivia (Plurinational State of)",
      "United Kingdom of Great Britain and Northern Ireland",
      "Yemen",
    ]);
  });

  it("skips <sup> footnote markers and footnote lines, and drops duplicates", () => {
    const text = "Chile,<sup>1</sup> China, Ecuador,<sup>2</sup>\n\n<sup>1</sup> Attending only.\n\nEcuador, Egypt";
    expect(splitNameList(text)).toEqual(["Chile", "China", "Ecuador", "Egypt"]);
  });
});

describe("unmatched input", () => {
  it("returns 'unmatched' with the nearest few as candidates", () => {
    for (const name of ["Atlantis", "Council of Europe", "xyzzy"]) {
      const r = one(name);
      expect(r.status, name).toBe("unmatched");
      expect(r.delegation).toBeUndefined();
      expect(r.candidates.length, name).toBeGreaterThan(0);
      expect(r.candidates.length, name).toBeLessThanOrEqual(5);
    }
  });

  it("returns 'unmatched' with no candidates for an empty item", () => {
    expect(one("[...]")).toEqual({ input: "[...]", status: "unmatched", candidates: [] });
  });

  it("keeps the input as given", () => {
    expect(one("  Turkey.").input).toBe("  Turkey.");
  });
});
