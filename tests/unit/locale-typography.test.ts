// Typography as each language's UN editors set it, checked on every string of locales/<lang>/*.json:
// French spaces and apostrophe, Russian and French quotation marks, Chinese full-width punctuation and
// no spaces around placeholders, Arabic punctuation, Spanish opening marks.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LOCALES = path.resolve(__dirname, "../../locales");

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );

/** Every string of a language, "namespace:key" -> text as written (placeholders kept). */
function strings(language: string): [string, string][] {
  return readdirSync(path.join(LOCALES, language))
    .filter((file) => file.endsWith(".json"))
    .flatMap((file) =>
      flatten(JSON.parse(readFileSync(path.join(LOCALES, language, file), "utf8")) as Tree).map(
        ([key, value]) => [`${file.slice(0, -5)}:${key}`, value] as [string, string],
      ),
    );
}

const NO_BREAK = "[\\u00A0\\u202F]";
const withoutUrls = (text: string) => text.replace(/https?:\/\/\S+/g, "URL");

/** French problems in one string: spacing before high punctuation and inside « », apostrophes, quotes. */
function frenchProblems(text: string): string[] {
  const problems: string[] = [];
  const plain = withoutUrls(text);
  // A mark that ends a word (followed by a space, a line end or the end of the string).
  for (const match of plain.matchAll(/(.)([:;?!])(?=\s|$)/gu)) {
    const before = match[1]!;
    if (!new RegExp(NO_BREAK, "u").test(before) && !/[?!]/.test(before)) problems.push(`no non-breaking space before "${match[2]}"`);
  }
  if (/«(?![\u00A0\u202F])/u.test(plain) || /(?<![\u00A0\u202F])»/u.test(plain)) problems.push("« » without non-breaking spaces inside");
  if (plain.includes("'")) problems.push("straight apostrophe (write ’)");
  if (/["“”]/u.test(plain)) problems.push("quotation marks other than « »");
  return problems;
}

function russianProblems(text: string): string[] {
  return /["“”„]/u.test(text) ? ["quotation marks other than « »"] : [];
}

const HAN_OR_FULL = "[\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF]";

function chineseProblems(text: string): string[] {
  const problems: string[] = [];
  if (new RegExp(`${HAN_OR_FULL}[ \\t]+\\{\\{|\\}\\}[ \\t]+${HAN_OR_FULL}`, "u").test(text)) problems.push("space between a placeholder and Chinese text");
  if (new RegExp(`\\p{Script=Han}[,:;?!()]|[,:;?!(][ ]*\\p{Script=Han}`, "u").test(withoutUrls(text).replace(/{{[^}]*}}/g, "X")))
    problems.push("ASCII punctuation beside Chinese text (use ，：；？！（）)");
  return problems;
}

function arabicProblems(text: string): string[] {
  return /\p{Script=Arabic}[,;?]/u.test(withoutUrls(text)) ? ["ASCII , ; or ? after Arabic text (use ، ؛ ؟)"] : [];
}

function spanishProblems(text: string): string[] {
  const problems: string[] = [];
  const plain = withoutUrls(text);
  const count = (mark: string) => plain.split(mark).length - 1;
  if (count("?") !== count("¿")) problems.push("a question without ¿");
  if (count("!") !== count("¡")) problems.push("an exclamation without ¡");
  return problems;
}

describe("the typography rules themselves", () => {
  it("French", () => {
    expect(frenchProblems("Remarque\u00A0: texte\u202F; fin\u202F?")).toEqual([]);
    expect(frenchProblems("Remarque : texte")).toEqual(['no non-breaking space before ":"']);
    expect(frenchProblems("Remarque: texte")).toEqual(['no non-breaking space before ":"']);
    expect(frenchProblems("Voir https://example.org/?a=b à 18:00.")).toEqual([]);
    expect(frenchProblems("«\u00A0titre\u00A0»")).toEqual([]);
    expect(frenchProblems("« titre »")).toEqual(["« » without non-breaking spaces inside"]);
    expect(frenchProblems("l'ordre du jour")).toEqual(["straight apostrophe (write ’)"]);
  });
  it("Chinese, Arabic, Spanish, Russian", () => {
    expect(chineseProblems("共{{count}}条意见。")).toEqual([]);
    expect(chineseProblems("共 {{count}} 条意见")).toEqual(["space between a placeholder and Chinese text"]);
    expect(chineseProblems("注意: 截止日期")).toEqual(["ASCII punctuation beside Chinese text (use ，：；？！（）)"]);
    expect(arabicProblems("هل أنت متأكد؟")).toEqual([]);
    expect(arabicProblems("هل أنت متأكد?")).toEqual(["ASCII , ; or ? after Arabic text (use ، ؛ ؟)"]);
    expect(spanishProblems("¿Eliminar?")).toEqual([]);
    expect(spanishProblems("Eliminar?")).toEqual(["a question without ¿"]);
    expect(russianProblems("«ёлочки»")).toEqual([]);
    expect(russianProblems('"лапки"')).toEqual(["quotation marks other than « »"]);
  });
});

const RULES: [string, (text: string) => string[]][] = [
  ["fr", frenchProblems],
  ["ru", russianProblems],
  ["zh", chineseProblems],
  ["ar", arabicProblems],
  ["es", spanishProblems],
];

describe("each locale's typography", () => {
  for (const [language, problemsOf] of RULES) {
    it(`${language}: every string`, () => {
      const found = strings(language).flatMap(([key, text]) => problemsOf(text).map((problem) => `${key}: ${problem}`));
      expect(found).toEqual([]);
    });
  }
});
