// Each language's glossary (locales/<lang>/glossary.md) names the UN's term for every concept the app
// names and the variants the interface must not use; this test holds every string of the locale to it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "~/i18n/languages";

const LOCALES = path.resolve(__dirname, "../../locales");

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );

/** Every string of a language's namespaces, as "namespace:key" -> text without its placeholders. */
function strings(language: string): [string, string][] {
  return readdirSync(path.join(LOCALES, language))
    .filter((file) => file.endsWith(".json"))
    .flatMap((file) =>
      flatten(JSON.parse(readFileSync(path.join(LOCALES, language, file), "utf8")) as Tree).map(
        ([key, value]) => [`${file.slice(0, -5)}:${key}`, value.replace(/{{[^}]*}}/g, " ")] as [string, string],
      ),
    );
}

type GlossaryRow = { concept: string; term: string; rejected: string[] };

/** The rows of the first table headed "| Concept |" in a glossary file. */
function parseGlossary(markdown: string): GlossaryRow[] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => /^\|\s*Concept\s*\|/.test(line));
  if (start < 0) return [];
  const rows: GlossaryRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith("|")) break;
    const [concept = "", term = "", rejected = ""] = line
      .trim()
      .slice(1, -1)
      .split("|")
      .map((cell) => cell.trim());
    rows.push({ concept, term, rejected: rejected === "—" || rejected === "" ? [] : rejected.split(" · ").map((v) => v.trim()) });
  }
  return rows;
}

/** A literal variant matches at the start of a word in any case; "/…/flags" is a regular expression. */
function rejectedPattern(variant: string): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(variant);
  if (regex) return new RegExp(regex[1]!, regex[2] ? `${regex[2].replace("u", "")}u` : "iu");
  return new RegExp(`(?<!\\p{L})${variant.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "iu");
}

const glossaries = new Map<string, GlossaryRow[]>(
  LANGUAGE_CODES.map((language) => {
    const file = path.join(LOCALES, language, "glossary.md");
    return [language, existsSync(file) ? parseGlossary(readFileSync(file, "utf8")) : []];
  }),
);

describe("the glossary parser", () => {
  it("reads the table's rows, literal and regular-expression variants", () => {
    const rows = parseGlossary(
      [
        "# Glossary",
        "",
        "| Concept | Term | Rejected variants | Source |",
        "|---|---|---|---|",
        "| non-paper | document officieux | non-document · non-paper | UNTERM |",
        "| delegation | وفدكم | /وفدك(?!م)/ | consistency |",
        "| Chair | Chair | — | UN |",
      ].join("\n"),
    );
    expect(rows.map((row) => [row.concept, row.term, row.rejected])).toEqual([
      ["non-paper", "document officieux", ["non-document", "non-paper"]],
      ["delegation", "وفدكم", ["/وفدك(?!م)/"]],
      ["Chair", "Chair", []],
    ]);
  });

  it("matches a literal at the start of a word, in any case, and a regular expression as written", () => {
    expect(rejectedPattern("soumission").test("Les Soumissions tardives")).toBe(true);
    expect(rejectedPattern("soumission").test("insoumission")).toBe(false);
    expect(rejectedPattern("/وفدك(?!م)/").test("وفدكم")).toBe(false);
    expect(rejectedPattern("/وفدك(?!م)/").test("وفدك")).toBe(true);
    expect(rejectedPattern("/(?<!\\p{L})State Party/u").test("State party")).toBe(false);
    expect(rejectedPattern("/(?<!\\p{L})State Party/u").test("State Party")).toBe(true);
  });
});

describe("each language keeps to its glossary", () => {
  const concepts = glossaries.get("en")!.map((row) => row.concept);

  it("the English glossary names the concepts the app names", () => {
    for (const concept of ["non-paper", "conference room paper", "discussion point", "agenda item", "note verbale", "reflection period", "submission"])
      expect(concepts).toContain(concept);
    expect(new Set(concepts).size).toBe(concepts.length);
  });

  for (const language of LANGUAGE_CODES) {
    it(`${language}: a term for every concept of the English glossary, and no rejected variant in any string`, () => {
      const rows = glossaries.get(language)!;
      expect(rows.map((row) => row.concept).sort(), `${language}/glossary.md concepts`).toEqual([...concepts].sort());
      for (const row of rows) expect(row.term.trim(), `${language}/glossary.md: ${row.concept} has no term`).not.toBe("");
      const found: string[] = [];
      for (const row of rows)
        for (const variant of row.rejected) {
          const pattern = rejectedPattern(variant);
          for (const [key, text] of strings(language)) if (pattern.test(text)) found.push(`${key}: "${variant}" (${row.concept} → ${row.term})`);
        }
      expect(found, `${language}: rejected variants in use`).toEqual([]);
    });
  }
});
