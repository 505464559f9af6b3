import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18next";
import { LANGUAGE_CODES } from "~/i18n/languages";

const LOCALES = path.resolve(__dirname, "../../locales");
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
const load = (language: string, file: string) => new Map(flatten(JSON.parse(readFileSync(path.join(LOCALES, language, file), "utf8")) as Tree));
// "{{delegation, of}}": a form after the comma (app/i18n/name-forms.ts); the name before it is compared.
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*(?:,\s*\w+\s*)?}}/g)].map((m) => m[1]).sort();

const namespaces = readdirSync(path.join(LOCALES, "en")).filter((f) => f.endsWith(".json"));

describe("every locale has every English key", () => {
  it("has the six languages and the same namespace files", () => {
    expect(readdirSync(LOCALES).sort()).toEqual([...LANGUAGE_CODES].sort());
    for (const language of LANGUAGE_CODES) {
      expect(
        readdirSync(path.join(LOCALES, language))
          .filter((f) => f.endsWith(".json"))
          .sort(),
        language,
      ).toEqual([...namespaces].sort());
    }
  });

  for (const language of LANGUAGE_CODES.filter((l) => l !== "en")) {
    it(`${language}: no key missing or extra, plural forms as the language needs`, () => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const file of namespaces) {
        const english = load("en", file);
        const translated = load(language, file);
        const expected = new Set<string>();
        for (const key of english.keys()) {
          if (PLURAL.test(key)) categories.forEach((c) => expected.add(key.replace(PLURAL, `_${c}`)));
          else expected.add(key);
        }
        const missing = [...expected].filter((key) => !translated.has(key));
        const extra = [...translated.keys()].filter((key) => !expected.has(key));
        expect({ file, missing, extra }).toEqual({ file, missing: [], extra: [] });
        for (const [key, value] of translated) {
          expect(value.trim(), `${language}/${file} ${key} is empty`).not.toBe("");
          if (PLURAL.test(key)) continue;
          expect(placeholders(value), `${language}/${file} ${key}`).toEqual(placeholders(english.get(key)!));
        }
      }
    });
  }

  it("translates rather than copies English", () => {
    for (const language of LANGUAGE_CODES.filter((l) => l !== "en")) {
      let same = 0;
      let total = 0;
      for (const file of namespaces) {
        const english = load("en", file);
        for (const [key, value] of load(language, file)) {
          if (!english.has(key) || PLURAL.test(key)) continue;
          total++;
          if (english.get(key) === value) same++;
        }
      }
      // A few strings are the same in both (the app's name, "Consultations" in French).
      expect(same / total, language).toBeLessThan(0.1);
    }
  });

  it("resolves keys through i18next in every language", () => {
    for (const language of LANGUAGE_CODES) {
      const { t } = createI18n(language);
      expect(t("auth:title")).not.toBe("title");
      expect(t("consultations:facts.delegationCount", { count: 3 })).toMatch(/3|ثلاثة/);
    }
  });
});
