// The standing groups of db/seed-data/groups.json (issue 19): the five UN regional groups and the
// European Union and its member States, with their membership as of a date, checked against the
// delegations they name and against what db/seed-data/SOURCES.md says of them.
import { describe, expect, it } from "vitest";
import delegations from "../../db/seed-data/delegations.json";
import data from "../../db/seed-data/groups.json";

type Lang = "ar" | "zh" | "en" | "fr" | "ru" | "es";
const LANGS: Lang[] = ["ar", "zh", "en", "fr", "ru", "es"];
const REGIONAL = ["AFRICAN", "ASIA_PACIFIC", "EEG", "GRULAC", "WEOG"];

const codes = new Set(delegations.map((d) => d.code));
const kindOf = new Map(delegations.map((d) => [d.code, d.kind]));
const group = (code: string) => {
  const found = data.groups.find((g) => g.code === code);
  if (!found) throw new Error(`no group ${code}`);
  return found;
};

describe("db/seed-data/groups.json", () => {
  it("dates the membership and names its source", () => {
    expect(data.membershipAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${data.membershipAsOf}T00:00:00Z`).toISOString().slice(0, 10)).toBe(data.membershipAsOf);
    expect(data.source).toContain("SOURCES.md");
  });

  it("has the five regional groups and the European Union, each code once", () => {
    expect(data.groups.map((g) => g.code)).toEqual([...REGIONAL, "EU"]);
    expect(data.groups.map((g) => g.kind)).toEqual(["regional", "regional", "regional", "regional", "regional", "integration"]);
  });

  it("counts the members as the UN lists them (Türkiye in both groups it takes part in)", () => {
    const counts = Object.fromEntries(data.groups.map((g) => [g.code, g.members.length]));
    expect(counts).toEqual({ AFRICAN: 54, ASIA_PACIFIC: 55, EEG: 23, GRULAC: 33, WEOG: 28, EU: 28 });
    for (const g of data.groups) expect(new Set(g.members).size, g.code).toBe(g.members.length);
  });

  it("names only delegations that exist", () => {
    for (const g of data.groups)
      expect(
        g.members.filter((code) => !codes.has(code)),
        g.code,
      ).toEqual([]);
  });

  it("puts every Member State in one regional group, but the United States (an observer of WEOG) in none and Türkiye in two", () => {
    const regional = REGIONAL.flatMap((code) => group(code).members);
    const times = new Map<string, number>();
    for (const code of regional) times.set(code, (times.get(code) ?? 0) + 1);
    expect([...times].filter(([, n]) => n > 1).map(([code]) => code)).toEqual(["TUR"]);
    const memberStates = delegations.filter((d) => d.kind === "member_state").map((d) => d.code);
    expect(memberStates.filter((code) => !times.has(code))).toEqual(["USA"]);
    // Only Member States: observer States, the Cook Islands, Niue and the EU are in no regional group.
    expect(regional.filter((code) => kindOf.get(code) !== "member_state")).toEqual([]);
    expect(group("WEOG").members).toEqual(expect.arrayContaining(["TUR", "ISR"]));
    expect(group("ASIA_PACIFIC").members).toEqual(expect.arrayContaining(["TUR", "KIR", "CYP"]));
  });

  it("gives the European Union with its 27 member States", () => {
    const eu = group("EU").members;
    expect(eu).toContain("EU");
    expect(eu.filter((code) => code !== "EU").every((code) => kindOf.get(code) === "member_state")).toBe(true);
    expect(eu.filter((code) => code !== "EU")).toHaveLength(27);
    expect(eu).not.toContain("GBR");
  });

  it("names each group in the six languages, without stray spaces, with the French and Spanish articles", () => {
    for (const g of data.groups) {
      for (const lang of LANGS) {
        const name = g.names[lang];
        expect(name, `${g.code} ${lang}`).toBeTruthy();
        expect(name.trim(), `${g.code} ${lang}`).toBe(name);
        expect(name, `${g.code} ${lang}`).not.toMatch(/\s{2}/);
      }
      expect(["le", "la", "l'", "les"]).toContain(g.articles.fr);
      expect(["el", "la", "los", "las"]).toContain(g.articles.es);
    }
    expect(group("AFRICAN").names).toMatchObject({
      en: "Group of African States",
      fr: "Groupe des États d'Afrique",
      es: "Grupo de los Estados de África",
      ru: "Группа африканских государств",
      zh: "非洲国家组",
      ar: "مجموعة الدول الأفريقية",
    });
  });
});
