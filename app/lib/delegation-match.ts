// Turns a pasted list of delegation names (usually a report's attendance paragraph) into
// delegations. Pure functions, no I/O, no dependencies: the same code runs in the browser
// preview and on the server.
//
// Matching order for one name (the first stage that finds something wins):
//   1. "name"   exact match, after normalisation, on any short or formal name in any of
//               the six languages ("Iran (Islamic republic of)", "Tchéquie", "中国");
//   2. "alias"  the built-in DELEGATION_ALIASES table ("Turkey", "UK", "Korea" → ambiguous);
//   3. "base"   the name without its parenthetical ("Bolivia" → Bolivia (Plurinational
//               State of), "Netherlands (the)" → Netherlands (Kingdom of the));
//   4. "fuzzy"  edit distance relative to length, which only ever says "matched" when one
//               delegation is clearly best (see FUZZY below); otherwise "ambiguous" with
//               the plausible candidates, or "unmatched" with the nearest few.
//
// Never silently match a wrong State: "Niger", "Guinea", "Sudan", "Dominica" and "Congo"
// are UN short names and match exactly (Congo is the Republic of the Congo's UN short name,
// so the exact match is right); a fuzzy guess is refused when the input is, word for word,
// part of another State's name ("Dominican" is not a typo for Dominica).

export type MatchLanguage = "ar" | "zh" | "en" | "fr" | "ru" | "es";

export const MATCH_LANGUAGES: readonly MatchLanguage[] = ["ar", "zh", "en", "fr", "ru", "es"];

export type MatchableDelegation = {
  id: string;
  code: string;
  names: Record<MatchLanguage, string>;
  formalNames?: Partial<Record<MatchLanguage, string>>;
};

export type MatchStatus = "matched" | "ambiguous" | "unmatched";

/** Which stage produced the result; lets the UI flag guesses ("fuzzy") for review. */
export type MatchMethod = "name" | "alias" | "base" | "fuzzy";

export type MatchResult = {
  input: string;
  status: MatchStatus;
  /** Set only when status is "matched". */
  delegation?: MatchableDelegation;
  /**
   * Best few delegations for the UI to offer. "matched": the match first, then delegations
   * easily confused with it ("Guinea" → Guinea-Bissau, Equatorial Guinea …). "ambiguous":
   * the plausible ones, best first. "unmatched": the nearest few.
   */
  candidates: MatchableDelegation[];
  method?: MatchMethod;
};

export type DelegationAlias = {
  /** One code: the alias names that delegation. Several: the alias is ambiguous. */
  codes: readonly string[];
  names: readonly string[];
};

/**
 * Names that are not UN short or formal names but are commonly pasted. Data, not logic:
 * add a line rather than a rule. Keys are compared after normalizeName, so case, accents,
 * dots ("U.S.") and apostrophes do not matter. Codes are ISO 3166-1 alpha-3, "EU" for the
 * European Union; codes absent from the delegation list are ignored.
 */
export const DELEGATION_ALIASES: readonly DelegationAlias[] = [
  // Short forms that UN reports themselves use (wg2-2023 report: "United States", "United Kingdom").
  {
    codes: ["USA"],
    names: ["United States", "US", "USA", "États-Unis", "Estados Unidos", "EE. UU.", "EE.UU.", "EEUU", "США", "Соединенные Штаты", "美国", "الولايات المتحدة"],
  },
  {
    codes: ["GBR"],
    names: [
      "United Kingdom",
      "UK",
      "Great Britain",
      "Britain",
      "United Kingdom of Great Britain",
      "Royaume-Uni",
      "Grande-Bretagne",
      "Reino Unido",
      "Gran Bretaña",
      "Соединенное Королевство",
      "Великобритания",
      "英国",
      "المملكة المتحدة",
      "بريطانيا",
    ],
  },
  { codes: ["EU"], names: ["EU", "UE", "European Community", "ЕС", "Евросоюз", "欧盟"] },
  { codes: ["RUS"], names: ["Russia", "Russie", "Rusia", "Россия", "俄罗斯", "روسيا"] },
  { codes: ["IRN"], names: ["Iran", "Islamic Republic of Iran", "Irán", "Иран", "伊朗", "إيران"] },
  { codes: ["SYR"], names: ["Syria", "Syrie", "Siria", "Сирия", "叙利亚", "سوريا", "سورية"] },
  { codes: ["LAO"], names: ["Laos", "Lao", "Lao PDR", "Лаос", "老挝", "لاوس"] },
  { codes: ["MDA"], names: ["Moldova", "Moldavie", "Moldavia", "Молдова", "Молдавия", "摩尔多瓦", "مولدوفا"] },
  { codes: ["TZA"], names: ["Tanzania", "Tanzanie", "Tanzanía", "Танзания", "坦桑尼亚", "تنزانيا"] },
  { codes: ["PSE"], names: ["Palestine", "Palestina", "Палестина", "巴勒斯坦", "فلسطين"] },
  {
    codes: ["VAT"],
    names: ["Vatican", "Vatican City", "Vatican City State", "Holy See (Vatican City State)", "Vaticano", "Ватикан", "梵蒂冈", "الفاتيكان"],
  },
  { codes: ["NLD"], names: ["Netherlands", "Holland", "Pays-Bas", "Países Bajos", "Нидерланды", "Голландия", "荷兰", "هولندا"] },
  // Renamed States: the old UN names still appear in older reports (2020: "Turkey") and in habit.
  { codes: ["TUR"], names: ["Turkey", "Republic of Turkey", "Turquie", "Turquía", "Türkei"] },
  { codes: ["CZE"], names: ["Czech Republic", "Czech", "République tchèque", "República Checa", "Чешская Республика"] },
  { codes: ["SWZ"], names: ["Swaziland", "Kingdom of Swaziland", "Souaziland", "Swazilandia", "Suazilandia", "Свазиленд", "سوازيلند"] },
  {
    codes: ["MKD"],
    names: [
      "Macedonia",
      "The former Yugoslav Republic of Macedonia",
      "FYROM",
      "FYR Macedonia",
      "Republic of Macedonia",
      "Macédoine",
      "ex-République yougoslave de Macédoine",
      "ex República Yugoslava de Macedonia",
      "Македония",
      "бывшая югославская Республика Македония",
      "马其顿",
      "前南斯拉夫的马其顿共和国",
      "مقدونيا",
    ],
  },
  { codes: ["CPV"], names: ["Cape Verde", "Cap-Vert", "Cabo Verde"] },
  { codes: ["CIV"], names: ["Ivory Coast", "Côte d'Ivoire", "Costa de Marfil", "Кот-д'Ивуар"] },
  { codes: ["VNM"], names: ["Vietnam", "Viêt Nam", "Вьетнам"] },
  { codes: ["LBY"], names: ["Libyan Arab Jamahiriya"] },
  { codes: ["MMR"], names: ["Burma"] },
  { codes: ["TLS"], names: ["East Timor", "Timor Oriental"] },
  { codes: ["BLR"], names: ["Byelorussia", "Belorussia"] },
  // Korea: the bare name is ambiguous, never guessed.
  { codes: ["KOR", "PRK"], names: ["Korea", "Corée", "Corea", "Корея", "كوريا"] },
  {
    codes: ["KOR"],
    names: ["South Korea", "Korea (South)", "ROK", "Corée du Sud", "Corea del Sur", "Южная Корея", "韩国", "南韩", "كوريا الجنوبية"],
  },
  {
    codes: ["PRK"],
    names: [
      "North Korea",
      "Korea (North)",
      "DPRK",
      "DPR Korea",
      "Corée du Nord",
      "Corea del Norte",
      "КНДР",
      "Северная Корея",
      "朝鲜",
      "北韩",
      "كوريا الشمالية",
    ],
  },
  // Congo: "Congo" itself is the Republic of the Congo's UN short name (exact match, stage 1).
  {
    codes: ["COD"],
    names: [
      "DR Congo",
      "DRC",
      "Democratic Republic of Congo",
      "DR of the Congo",
      "Congo-Kinshasa",
      "Congo (Kinshasa)",
      "Congo, Democratic Republic",
      "RDC",
      "RD Congo",
      "ДРК",
      "刚果（金）",
      "Zaire",
    ],
  },
  {
    codes: ["COG"],
    names: ["Congo-Brazzaville", "Congo (Brazzaville)", "Republic of Congo", "Congo Republic", "Congo, Republic"],
  },
  // Everyday short forms of long names.
  { codes: ["ARE"], names: ["UAE", "Emirates", "EAU", "ОАЭ"] },
  { codes: ["SAU"], names: ["KSA", "Saudi"] },
  { codes: ["CHN"], names: ["PRC"] },
  { codes: ["BRN"], names: ["Brunei"] },
  { codes: ["BIH"], names: ["Bosnia", "Bosnia-Herzegovina", "Bosnie"] },
  { codes: ["IRQ"], names: ["Irak"] },
  { codes: ["KNA"], names: ["St Kitts and Nevis", "Saint Kitts", "St Kitts", "Saint Christopher and Nevis"] },
  { codes: ["LCA"], names: ["St Lucia"] },
  { codes: ["VCT"], names: ["St Vincent and the Grenadines", "Saint Vincent", "St Vincent"] },
  { codes: ["STP"], names: ["Sao Tome", "São Tomé"] },
  { codes: ["TTO"], names: ["Trinidad"] },
  { codes: ["ATG"], names: ["Antigua"] },
  { codes: ["FSM"], names: ["Micronesia"] },
  { codes: ["BOL"], names: ["Bolivia"] },
  { codes: ["VEN"], names: ["Venezuela"] },
];

/**
 * Fuzzy-stage thresholds. Scores are 1 − (edit distance / longer length), so one typo in a
 * 7-letter name scores 0.857 and one in a 6-letter name 0.833: short names need to be exact.
 */
export const FUZZY = {
  /** Best score needed to say "matched". */
  match: 0.85,
  /** …and the runner-up delegation must score at least this much less. */
  margin: 0.1,
  /** Below this the result is "unmatched" rather than "ambiguous". */
  ambiguous: 0.7,
  /** Candidates offered for "ambiguous": those within this of the best. */
  window: 0.15,
  /**
   * Score for a name containing the input word for word ("Dominican" ⊂ "Dominican
   * Republic") or contained in it with only generic extra words ("Republic of Bolivia").
   * Below `match` on purpose: containment alone offers a candidate, never decides.
   */
  containment: 0.8,
  /** How many candidates to return at most. */
  maxCandidates: 5,
} as const;

// ---------------------------------------------------------------------------------------
// Normalisation

const APOSTROPHES = /[’‘ʼ`´′ʹ＇]/g;
// UNTERM's running-text article in parentheses: "Netherlands (the)", "Afghanistan (l')".
const ARTICLE_PAREN = /\(\s*(?:the|le|la|l'|les|el|los|las)\s*\)/g;
const LEADING_ARTICLE = /^(?:(?:the|la|le|les|el|los|las)\s+|l')/;
const ARTICLE_WORD = /^(?:the|le|la|l'|les|el|los|las)$/;

/**
 * Lower case, no diacritics (NFD), one apostrophe kind then none, hyphens, dashes,
 * parentheses and other punctuation as spaces, dots dropped ("U.S." → "us"), leading
 * article dropped, Arabic letter variants folded (أ/إ/آ → ا, ة → ه, ى → ي, no tatweel).
 */
export function normalizeName(name: string): string {
  let s = name.normalize("NFKC").replace(APOSTROPHES, "'");
  s = s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  s = s.replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss").replace(/ـ/g, "").replace(/ة/g, "ه").replace(/ى/g, "ي");
  s = s.replace(ARTICLE_PAREN, " ").replace(/&/g, " and ").replace(/\./g, "");
  s = s
    .replace(/[^\p{L}\p{N}'\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(LEADING_ARTICLE, "");
  return s.replace(/'/g, "").replace(/\s+/g, " ").trim();
}

// Spaces removed too, so "Vietnam" = "Viet Nam" and "Cote d Ivoire" = "Côte d'Ivoire".
function compactKey(name: string): string {
  return normalizeName(name).replace(/ /g, "");
}

/** The name without parentheticals, and whether what was removed said something. */
function withoutParenthetical(name: string): { base: string; substantive: boolean } {
  let substantive = false;
  const base = name.replace(/[（(]([^()（）]*)[)）]/g, (_, inner: string) => {
    const t = inner.replace(APOSTROPHES, "'").trim().toLowerCase();
    if (t !== "" && !ARTICLE_WORD.test(t)) substantive = true;
    return " ";
  });
  return { base: base.replace(/\s+/g, " ").trim(), substantive };
}

// ISO-style inversions: "Korea, Republic of", "Congo (Democratic Republic of the)".
const TRAILING_PREPOSITION = /\b(?:of|of the|de|du|des|de la|del|de los|de las|d['’])\s*$/i;

function reordered(name: string): string | null {
  const comma = /^([^,()]+),\s*([^,]+)$/.exec(name);
  if (comma && TRAILING_PREPOSITION.test(comma[2] ?? "")) return `${comma[2]} ${comma[1]}`;
  const paren = /^([^()]+?)\s*\(([^()]+)\)$/.exec(name);
  if (paren && TRAILING_PREPOSITION.test(paren[2] ?? "")) return `${paren[2]} ${paren[1]}`;
  return null;
}

/** The ways of reading one cleaned name, most literal first. */
function variantsOf(name: string, gluedAnd = true): string[] {
  const out = [name];
  const r = reordered(name);
  if (r) out.push(r);
  // Arabic "و" ("and") glued to the last item of a list: "، وكندا". No UN short name
  // starts with it, but a formal one does, so this is tried only after the literal name.
  if (gluedAnd && /^و\s*\S/.test(name)) out.push(name.replace(/^و\s*/, ""));
  return out;
}

// ---------------------------------------------------------------------------------------
// Cleaning one pasted item

const SUPERSCRIPT_DIGITS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
const BULLETS = /^[\s•·▪◦‣○●■□►▸➢✓–—*+>-]+/u;
const NUMBERING = /^\(?(?:\d+|[a-z]|[ivx]+)[.)]\s+|^\d+\s+/i;

/**
 * Strips what surrounds a name in a report or a typed list: "[...]", footnote markers
 * (superscripts, <sup>, "[1]", a digit glued to the end), bullets, numbering, quotes,
 * trailing full stops (not those of "U.S."), a leading conjunction and a leading "the".
 */
export function cleanName(raw: string): string {
  let s = raw
    .replace(/<sup>[\s\S]*?<\/sup>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\[\s*(?:\.\s*\.\s*\.|…)\s*\]/g, " ")
    .replace(/…|\.\.\./g, " ")
    .replace(/\[\s*\w{1,3}\s*\]/g, " ")
    .replace(SUPERSCRIPT_DIGITS, " ")
    .replace(/[†‡§*]+/g, " ")
    .replace(/["“”„«»]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (let previous = ""; previous !== s;) {
    previous = s;
    s = s.replace(BULLETS, "").replace(NUMBERING, "");
    s = s.replace(/\s*\betc\.?$/i, "");
    s = s.replace(/(?<=[\p{L})])\s?\d{1,2}$/u, ""); // footnote number: "Chile1"
    s = s.replace(/[\s,;:!?،؛、，；。]+$/u, "");
    if (/\.$/.test(s) && !/(?:^|[\s.])\p{L}\.$/u.test(s)) s = s.slice(0, -1);
    s = s.replace(/^(?:and|et|y|e|и|&)\s+/i, "");
    s = s.replace(/^the\s+/i, "");
    s = s.trim();
  }
  return s;
}

// ---------------------------------------------------------------------------------------
// Splitting a pasted list

// Names with a spaced conjunction inside, for when no list of known names is given.
// (With one, every known name protects itself.)
const CONJUNCTION_NAMES: readonly string[] = [
  "Antigua and Barbuda",
  "Bosnia and Herzegovina",
  "Saint Kitts and Nevis",
  "Saint Vincent and the Grenadines",
  "Sao Tome and Principe",
  "Trinidad and Tobago",
  "United Kingdom of Great Britain and Northern Ireland",
  "Heard Island and McDonald Islands",
  "South Georgia and the South Sandwich Islands",
  "Turks and Caicos Islands",
  "Wallis and Futuna",
  "Saint Pierre and Miquelon",
  "Svalbard and Jan Mayen",
  "Ascension and Tristan da Cunha",
  "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
  "République algérienne démocratique et populaire",
  "Antigua y Barbuda",
  "Bosnia y Herzegovina",
  "Saint Kitts y Nevis",
  "San Cristóbal y Nieves",
  "San Vicente y las Granadinas",
  "Santo Tomé y Príncipe",
  "Trinidad y Tabago",
  "Trinidad y Tobago",
  "Reino Unido de Gran Bretaña e Irlanda del Norte",
  "República Argelina Democrática y Popular",
  "Антигуа и Барбуда",
  "Босния и Герцеговина",
  "Сент-Китс и Невис",
  "Сент-Винсент и Гренадины",
  "Сан-Томе и Принсипи",
  "Тринидад и Тобаго",
  "Соединенное Королевство Великобритании и Северной Ирландии",
];

const LATIN_CONJUNCTION = /\s+(?:and|et|y|e|и|&)\s+/giu;
const ARABIC_CONJUNCTION = /\s+و(?=\S)/gu; // the "و" stays with neither side
const CHINESE_CONJUNCTION = /[和及与]/gu; // also inside 共和国 ("republic"): known names only

type Cut = { start: number; end: number; script: "latin" | "arabic" | "chinese" };

function depthAt(text: string): number[] {
  const depth: number[] = [];
  let d = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "（" || ch === "[") d++;
    for (let i = 0; i < ch.length; i++) depth.push(d);
    if ((ch === ")" || ch === "）" || ch === "]") && d > 0) d--;
  }
  return depth;
}

function conjunctionCuts(segment: string): Cut[] {
  const depth = depthAt(segment);
  const cuts: Cut[] = [];
  const add = (re: RegExp, script: Cut["script"]) => {
    for (const m of segment.matchAll(re)) {
      const start = m.index ?? 0;
      if ((depth[start] ?? 0) === 0) cuts.push({ start, end: start + m[0].length, script });
    }
  };
  add(LATIN_CONJUNCTION, "latin");
  add(ARABIC_CONJUNCTION, "arabic");
  add(CHINESE_CONJUNCTION, "chinese");
  return cuts.sort((a, b) => a.start - b.start);
}

type Known = { has(name: string): boolean; compounds: readonly string[] };

function knownSet(knownNames: readonly string[] | undefined): Known {
  const keys = new Set<string>();
  const addName = (n: string) => {
    keys.add(compactKey(n));
    keys.add(compactKey(withoutParenthetical(n).base));
  };
  for (const a of DELEGATION_ALIASES) a.names.forEach(addName);
  CONJUNCTION_NAMES.forEach(addName);
  knownNames?.forEach(addName);
  keys.delete("");
  const compounds = [...CONJUNCTION_NAMES, ...(knownNames ?? [])].filter((n) => /\s(?:and|et|y|e|и)\s/i.test(n));
  return {
    has: (name) => variantsOf(cleanName(name), false).some((v) => keys.has(compactKey(v))),
    compounds,
  };
}

const words = (s: string) => normalizeName(s).split(" ").filter(Boolean);
const dropArticle = (ws: string[]) => (ws[0] && ARTICLE_WORD.test(ws[0]) ? ws.slice(1) : ws);

/** Would cutting `left | right` break a compound name such as "Bosnia | Herzegovina"? */
function breaksCompound(left: string, right: string, compounds: readonly string[]): boolean {
  const l = words(left).at(-1);
  // normalizeName already drops a leading article; words() of the raw right side does too.
  const r = dropArticle(words(right))[0];
  if (!l || !r) return false;
  return compounds.some((name) => {
    for (const m of name.matchAll(LATIN_CONJUNCTION)) {
      const i = m.index ?? 0;
      const pre = words(name.slice(0, i)).at(-1);
      const post = dropArticle(words(name.slice(i + m[0].length)))[0];
      if (pre === l && post === r) return true;
    }
    return false;
  });
}

/** Cuts a segment at conjunctions so that every part is a known name, if that is possible. */
function knownPartition(segment: string, cuts: Cut[], offset: number, known: Known): string[] | null {
  const text = segment.slice(offset);
  if (known.has(text)) return [text];
  for (const cut of cuts) {
    if (cut.start <= offset) continue;
    const left = segment.slice(offset, cut.start);
    if (!known.has(left)) continue;
    const rest = knownPartition(segment, cuts, cut.end, known);
    if (rest) return [left, ...rest];
  }
  return null;
}

function splitConjunctions(segment: string, known: Known): string[] {
  const cuts = conjunctionCuts(segment);
  if (cuts.length === 0) return [segment];
  const partition = knownPartition(segment, cuts, 0, known);
  if (partition) return partition;
  // Unknown names: cut only at "and/et/y/e/и" that do not break a compound name. Arabic
  // and Chinese conjunctions are also letters inside names (والهرسك, 共和国), so they are
  // cut only when the parts are known.
  const parts: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut.script !== "latin" || cut.start <= from) continue;
    if (breaksCompound(segment.slice(from, cut.start), segment.slice(cut.end), known.compounds)) continue;
    parts.push(segment.slice(from, cut.start));
    from = cut.end;
  }
  parts.push(segment.slice(from));
  return parts;
}

const FOOTNOTE_LINE = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]|<sup>|\[\d+\]|\d+\s+[A-Z]{2,}\/)/i;
const SEPARATORS = new Set([",", ";", "،", "؛", "、", "，", "；", "•"]);
const DANGLING_CONJUNCTION = /\s(?:and|et|y|e|и)$/i;

function openParentheses(text: string): number {
  let d = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "（") d++;
    else if ((ch === ")" || ch === "）") && d > 0) d--;
  }
  return d;
}

/** Whether a physical line break continues the same item (a name wrapped by the PDF). */
function continues(current: string, next: string, known: Known): boolean {
  if (openParentheses(current) > 0) return true;
  if (DANGLING_CONJUNCTION.test(current)) return true;
  if (TRAILING_PREPOSITION.test(current)) {
    // "Korea, Republic of" on a line of its own is an ISO-style inverted name, not a
    // wrapped "… Democratic Republic of the / Congo"; known names tell them apart.
    const segments = splitAtSeparators(current);
    const last = segments.at(-1) ?? "";
    const first = splitAtSeparators(next)[0] ?? "";
    if (segments.length !== 2) return true;
    if (known.has(current)) return false;
    const nextIsInverted = splitAtSeparators(next).length === 2 && TRAILING_PREPOSITION.test(next);
    return !nextIsInverted && known.has(`${last} ${first}`);
  }
  if (!/^\p{Ll}/u.test(next) || /[,;،؛、，；.:]$/.test(current)) return false;
  // A line that starts with an article before a capital is a name of its own ("Czech Republic" /
  // "the Netherlands"), and so is a known name after a complete known one: a name that goes on
  // after a break ends the line before with "and", "of" or an open parenthesis, caught above.
  if (ARTICLE_THEN_NAME.test(next)) return false;
  const last = splitAtSeparators(current).at(-1) ?? "";
  const first = splitAtSeparators(next)[0] ?? "";
  return !(known.has(last) && known.has(first) && !known.has(`${last} ${first}`));
}

const ARTICLE_THEN_NAME = /^(?:(?:the|la|le|les|el|los|las)\s+|l['’]\s*)\p{Lu}/u;

/** Everything after the last colon outside parentheses: drops "The following … attended:". */
function afterIntroduction(line: string): string {
  const depth = depthAt(line);
  for (let i = line.length - 1; i >= 0; i--) {
    const ch = line[i];
    if ((ch === ":" || ch === "：") && (depth[i] ?? 0) === 0) return line.slice(i + 1);
  }
  return line;
}

function splitAtSeparators(line: string): string[] {
  const depth = depthAt(line);
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    if (SEPARATORS.has(line[i] ?? "") && (depth[i] ?? 0) === 0) {
      out.push(line.slice(from, i));
      from = i + 1;
    }
  }
  out.push(line.slice(from));
  return out;
}

/**
 * Splits pasted text into candidate delegation names, in order, without duplicates.
 * Accepts one name per line or lists separated by commas, semicolons, "、", "،", with
 * "and" (et, y, e, и, و, 和, 及) before the last item; ignores an introduction ending in
 * a colon, footnote lines and markers, "[...]", bullets and numbering.
 *
 * `knownNames` (e.g. delegationNameList(delegations)) decides which conjunctions are part
 * of a name: "Bosnia and Herzegovina" stays whole, "Canada and Chile" is cut. Without it,
 * a built-in list of such names is used and Arabic and Chinese conjunctions are not cut.
 */
export function splitNameList(text: string, knownNames?: readonly string[]): string[] {
  const known = knownSet(knownNames);

  const physical = text
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .split("\n")
    .map((l) => l.trim());
  const lines: string[] = [];
  let current = "";
  for (const line of physical) {
    if (line === "" || FOOTNOTE_LINE.test(line) || !/\p{L}/u.test(line)) {
      // A blank line, a footnote ("¹ CTOC/COP/WG.2/2020/1.") or a page-break rule ends
      // nothing: the list may go on after it, as in the 2020 report.
      continue;
    }
    if (current !== "" && continues(current, line, known)) {
      current = `${current} ${line}`;
    } else {
      if (current !== "") lines.push(current);
      current = line;
    }
  }
  if (current !== "") lines.push(current);

  const segments: string[] = [];
  for (const line of lines) {
    for (const raw of splitAtSeparators(afterIntroduction(line))) {
      const seg = cleanName(raw);
      const previous = segments.at(-1);
      // "Korea, Republic of": the comma belongs to the name.
      if (previous !== undefined && /\s/.test(seg) && TRAILING_PREPOSITION.test(seg)) {
        segments[segments.length - 1] = `${previous}, ${seg}`;
      } else {
        segments.push(seg);
      }
    }
  }

  const out: string[] = [];
  const seen = new Set<string>();
  for (const segment of segments) {
    for (const part of splitConjunctions(segment, known)) {
      let name = cleanName(part);
      // "، وكندا": drop the glued "و" when that leaves a known name.
      if (/^و/.test(name) && !known.has(name) && known.has(name.slice(1))) name = name.slice(1).trim();
      if (!/\p{L}/u.test(name) || /\d/.test(name)) continue; // no name has digits
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Matching

/** Every short and formal name of the delegations, for splitNameList's `knownNames`. */
export function delegationNameList(delegations: readonly MatchableDelegation[]): string[] {
  const out: string[] = [];
  for (const d of delegations) {
    for (const lang of MATCH_LANGUAGES) {
      out.push(d.names[lang]);
      const formal = d.formalNames?.[lang];
      if (formal) out.push(formal);
    }
  }
  return out;
}

// Words that say nothing about which State is meant ("Republic of", "State of").
const GENERIC = new Set([
  "republic",
  "of",
  "the",
  "state",
  "kingdom",
  "and",
  "de",
  "du",
  "des",
  "del",
  "la",
  "le",
  "les",
  "el",
  "los",
  "las",
  "republique",
  "republica",
  "etat",
  "estado",
  "reino",
  "royaume",
]);

type Form = { spaced: string; compact: string; sorted: string; core: string; tokens: string[]; han: boolean };

function formOf(name: string): Form {
  const spaced = normalizeName(name);
  const tokens = spaced.split(" ").filter(Boolean);
  const core = tokens.filter((t) => !GENERIC.has(t));
  return {
    spaced,
    compact: spaced.replace(/ /g, ""),
    sorted: [...tokens].sort().join(" "),
    core: (core.length > 0 ? core : tokens).sort().join(""),
    tokens,
    han: /\p{Script=Han}/u.test(spaced),
  };
}

type Index = {
  exact: Map<string, MatchableDelegation[]>;
  base: Map<string, MatchableDelegation[]>;
  alias: Map<string, MatchableDelegation[]>;
  /** All forms of each delegation (names, formal names, bases, aliases) for fuzzy scoring. */
  forms: Map<MatchableDelegation, Form[]>;
  /** Short names only, for "easily confused with" candidates. */
  shortForms: Map<MatchableDelegation, Form[]>;
};

function addTo(map: Map<string, MatchableDelegation[]>, key: string, d: MatchableDelegation) {
  if (key === "") return;
  const list = map.get(key);
  if (!list) map.set(key, [d]);
  else if (!list.includes(d)) list.push(d);
}

function buildIndex(delegations: readonly MatchableDelegation[]): Index {
  const index: Index = { exact: new Map(), base: new Map(), alias: new Map(), forms: new Map(), shortForms: new Map() };
  const byCode = new Map(delegations.map((d) => [d.code, d]));
  for (const d of delegations) {
    const forms: Form[] = [];
    const shortForms: Form[] = [];
    for (const lang of MATCH_LANGUAGES) {
      const names = [d.names[lang], d.formalNames?.[lang]].filter((n): n is string => !!n);
      for (const name of names) {
        addTo(index.exact, compactKey(name), d);
        forms.push(formOf(name));
        const { base, substantive } = withoutParenthetical(name);
        if (substantive) {
          addTo(index.base, compactKey(base), d);
          forms.push(formOf(base));
        }
      }
      shortForms.push(formOf(d.names[lang]));
    }
    index.forms.set(d, forms);
    index.shortForms.set(d, shortForms);
  }
  for (const alias of DELEGATION_ALIASES) {
    const targets = alias.codes.map((c) => byCode.get(c)).filter((d): d is MatchableDelegation => !!d);
    for (const name of alias.names) {
      for (const d of targets) {
        addTo(index.alias, compactKey(name), d);
        const form = formOf(name);
        if (form.compact.length >= 4) index.forms.get(d)?.push(form);
      }
    }
  }
  return index;
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      row.push(v);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[y.length] ?? 0;
}

function ratio(a: string, b: string): number {
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  return longest === 0 ? 0 : 1 - editDistance(a, b) / longest;
}

/** Input tokens all within the name (input shorter): "dominican" ⊂ "dominican republic". */
function inside(q: Form, f: Form): boolean {
  if (q.han || f.han) return q.compact.length >= 2 && f.compact.length > q.compact.length && f.compact.includes(q.compact);
  return q.tokens.length < f.tokens.length && q.tokens.some((t) => !GENERIC.has(t)) && q.tokens.every((t) => f.tokens.includes(t));
}

/** Name tokens all within the input, the rest generic: "bolivia" ⊂ "republic of bolivia". */
function around(q: Form, f: Form): boolean {
  if (q.han || f.han) return false;
  return (
    f.tokens.length < q.tokens.length &&
    f.tokens.some((t) => !GENERIC.has(t)) &&
    f.tokens.every((t) => q.tokens.includes(t)) &&
    q.tokens.every((t) => f.tokens.includes(t) || GENERIC.has(t))
  );
}

/**
 * Similarity of the whole strings (as written, without spaces, words sorted), but never
 * more than that of the distinctive words: "Republic of Chile" is close to "Republic of
 * China" letter for letter, but "chile" is not "china".
 */
function editScore(q: Form, f: Form): number {
  const whole = Math.max(ratio(q.spaced, f.spaced), ratio(q.compact, f.compact), ratio(q.sorted, f.sorted));
  return Math.min(whole, ratio(q.core, f.core));
}

type Scored = { delegation: MatchableDelegation; edit: number; score: number; inside: boolean };

function fuzzyScores(inputs: Form[], index: Index): Scored[] {
  const scored: Scored[] = [];
  for (const [delegation, forms] of index.forms) {
    let edit = 0;
    let contain = false;
    let isInside = false;
    for (const q of inputs) {
      for (const f of forms) {
        edit = Math.max(edit, editScore(q, f));
        if (inside(q, f)) isInside = contain = true;
        else if (around(q, f)) contain = true;
      }
    }
    scored.push({ delegation, edit, inside: isInside, score: Math.max(edit, contain ? FUZZY.containment : 0) });
  }
  return scored.sort((a, b) => b.score - a.score || b.edit - a.edit);
}

/** Other delegations whose short name starts with, or contains word for word, the input. */
function confusables(input: string, chosen: MatchableDelegation[], index: Index): MatchableDelegation[] {
  const q = formOf(input);
  if (q.compact.length < 2) return [];
  const out: MatchableDelegation[] = [];
  for (const [d, forms] of index.shortForms) {
    if (chosen.includes(d)) continue;
    const hit = forms.some((f) => (q.compact.length >= 4 && f.compact !== q.compact && f.compact.startsWith(q.compact)) || inside(q, f));
    if (hit) out.push(d);
  }
  return out.slice(0, FUZZY.maxCandidates - 1);
}

function decide(input: string, key: string, hits: MatchableDelegation[], method: MatchMethod, index: Index): MatchResult {
  const [only] = hits;
  if (hits.length === 1 && only) {
    return { input, status: "matched", delegation: only, candidates: [only, ...confusables(key, hits, index)], method };
  }
  return { input, status: "ambiguous", candidates: hits.slice(0, FUZZY.maxCandidates), method };
}

function matchOne(input: string, index: Index): MatchResult {
  const cleaned = cleanName(input);
  if (!/\p{L}/u.test(cleaned)) return { input, status: "unmatched", candidates: [] };
  const variants = variantsOf(cleaned);

  // 1. Exact name in any language.
  for (const v of variants) {
    const hits = index.exact.get(compactKey(v));
    if (hits) return decide(input, v, hits, "name", index);
  }
  // 2. Alias table.
  for (const v of variants) {
    const hits = index.alias.get(compactKey(v));
    if (hits) return decide(input, v, hits, "alias", index);
  }
  // 3. Without parenthetical. If the input's parenthetical says something ("Congo
  // (Democratic Republic)") and the name found has none, the base match ignores what the
  // input said: leave it to the fuzzy stage.
  for (const v of variants) {
    const { base, substantive } = withoutParenthetical(v);
    const key = compactKey(base);
    const viaBase = index.base.get(key);
    if (viaBase) return decide(input, base, viaBase, "base", index);
    if (substantive) continue;
    const hits = index.exact.get(key) ?? index.alias.get(key);
    if (hits) return decide(input, base, hits, "base", index);
  }

  // 4. Fuzzy.
  const scored = fuzzyScores(variants.map(formOf), index);
  const [best, second] = scored;
  if (!best || best.score <= 0) return { input, status: "unmatched", candidates: [] };
  // Part of another State's name, word for word: a typo fix towards a third State is unsafe.
  const blocked = scored.some((s) => s.inside && s.delegation !== best.delegation);
  if (best.edit >= FUZZY.match && (second?.score ?? 0) <= best.score - FUZZY.margin && !blocked) {
    const others = scored.slice(1, FUZZY.maxCandidates).filter((s) => s.score >= FUZZY.ambiguous);
    return {
      input,
      status: "matched",
      delegation: best.delegation,
      candidates: [best.delegation, ...others.map((s) => s.delegation)],
      method: "fuzzy",
    };
  }
  if (best.score >= FUZZY.ambiguous) {
    const near = scored.filter((s) => s.score >= best.score - FUZZY.window || s.inside);
    return {
      input,
      status: "ambiguous",
      candidates: near.slice(0, FUZZY.maxCandidates).map((s) => s.delegation),
      method: "fuzzy",
    };
  }
  return {
    input,
    status: "unmatched",
    candidates: scored.slice(0, FUZZY.maxCandidates).map((s) => s.delegation),
  };
}

// The index depends only on the delegation array; the UI matches again on every keystroke.
// (An array mutated in place after a first call would need a new array to be re-indexed.)
const indexCache = new WeakMap<readonly MatchableDelegation[], Index>();

/** Matches each name to a delegation; one result per name, in order. */
export function matchDelegations(names: readonly string[], delegations: readonly MatchableDelegation[]): MatchResult[] {
  let index = indexCache.get(delegations);
  if (!index) {
    index = buildIndex(delegations);
    indexCache.set(delegations, index);
  }
  const built = index;
  return names.map((name) => matchOne(name, built));
}

/** splitNameList then matchDelegations, with the delegations' names as known names. */
export function matchNameList(text: string, delegations: readonly MatchableDelegation[]): MatchResult[] {
  return matchDelegations(splitNameList(text, delegationNameList(delegations)), delegations);
}
