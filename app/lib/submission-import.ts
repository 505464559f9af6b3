// A submission received by email, imported by the secretariat on a delegation's behalf: the
// paragraphs of the note (read from a DOCX by app/documents/docx-reader.ts, or pasted) and a
// proposal for each of them — which agenda item or discussion point it comments on, whether it
// rewords a point (an amendment) or proposes a new one, or whether it is part of the note verbale's
// wrapping (compliments, closing formula, date, signature) and is left out. The officer checks and
// corrects every proposal before anything is saved, so the heuristics aim to be right most of the
// time and to say how sure they are, never to be silently wrong about content: nothing is proposed
// as "skip" unless it looks like a formula, a heading or a verbatim copy of a point.
//
// Pure: no I/O. Works on notes written in any of the six UN languages.

import { redline, redlineStats } from "~/lib/redline";
import type { Language } from "~/i18n/languages";

// ---------------------------------------------------------------------------------------------
// Types

/** One paragraph of an imported note, as read from a DOCX or split from pasted text. */
export type SourceParagraph = {
  /** The text as written, label included; line breaks inside the paragraph are "\n". */
  text: string;
  /** A heading: by Word style (level 1–9) or guessed from a short bold line (level null). */
  heading: { level: number | null; by: "style" | "emphasis" } | null;
  /** An item of a Word list (whose label mammoth does not expose): its level and place in the list. */
  list: { level: number; ordered: boolean; ordinal: number } | null;
  /** The text without its struck-through runs, when it has some: how delegations mark deletions. */
  withoutStruck?: string | null;
  /** For a footnote appended after the body: the index of the paragraph that refers to it. */
  footnoteOf?: number | null;
  /** The paragraph was in a table cell (comment matrices). */
  inTable?: boolean;
};

/** What the import needs of a consultation: its agenda items and their circulated points. */
export type ImportConsultation = {
  agendaItems: readonly {
    id: string;
    /** "2", or null for a section without a number ("General recommendations"). */
    number: string | null;
    title: string;
    /** In order; `text` is the circulated wording, `label` "(a)" or "Recommendation 4". */
    points: readonly { id: string; label: string; text: string }[];
  }[];
};

export type ImportTarget =
  | { kind: "general"; agendaItemId: string }
  | { kind: "point"; pointId: string }
  | { kind: "amendment"; pointId: string; proposedText: string }
  | { kind: "proposal"; agendaItemId: string; label: string }
  | { kind: "skip" };

export type ImportConfidence = "high" | "medium" | "low";

/**
 * Why a target was proposed:
 * - heading: a heading above it (agenda item, point, "New proposals") or the heading itself;
 * - label: a point label or agenda item number in the paragraph ("(c)", "Recomendación 4"), or
 *   opening words that turn to the agenda item as a whole ("More generally, …");
 * - quote: the paragraph reproduces or quotes a point's circulated text;
 * - carried: no signal of its own; it continues the previous paragraph's target;
 * - formula: note verbale wording, salutation, date, reference or signature;
 * - none: nothing to go on (a guess: a general comment on the first agenda item with points).
 */
export type ImportReason = "heading" | "label" | "quote" | "carried" | "formula" | "none";

export type ImportProposal = {
  /** Index in the paragraphs given. */
  paragraph: number;
  /**
   * What would be saved as the comment: the paragraph without its recognised leading label and
   * outer quotation marks. For an amendment quoted inside a sentence of the delegation's own
   * ("Spain proposes: “…”"), that sentence without the quotation (the wording is in the target).
   */
  text: string;
  target: ImportTarget;
  confidence: ImportConfidence;
  reason: ImportReason;
};

/** Problems found while reading a file or a paste, shown to the officer beside the proposals. */
export type ImportWarning =
  /** Invisible control or bidi-override characters were removed from these paragraphs (0-based). */
  { code: "controls_removed"; paragraphs: number[] };

// ---------------------------------------------------------------------------------------------
// Text helpers

// C0 controls (except tab and line breaks), DEL, C1 controls, bidi embeddings/overrides/isolates: invisible,
// and able to make text read differently from what is stored. The submission rules refuse them,
// so the import removes them and says where (the original file is kept as an attachment).
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// Invisible characters that carry no meaning here (ZWJ/ZWNJ are kept: Arabic script needs them).
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Removes control characters and tidies white space; says whether controls were removed. */
export function cleanImportedText(raw: string): { text: string; removedControls: boolean } {
  // Word copies a manual line break as VT; PDFs give FF; some systems NEL or LS/PS.
  const unified = raw.replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, "\n");
  const withoutControls = unified.replace(CONTROLS, "");
  const text = withoutControls
    .replace(INVISIBLE, "")
    .replace(ODD_SPACE, " ")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
  return { text: text.normalize("NFC"), removedControls: withoutControls.length !== unified.length };
}

/** Arabic-Indic, Persian and full-width digits as ASCII digits, for numbers in headings and labels. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "二" → 2, "十二" → 12, "二十" → 20; null for anything else. */
function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === "") return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? (CHINESE_DIGITS[tens] ?? null) : null;
  return (tens ? (CHINESE_DIGITS[tens] ?? 1) : 1) * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const WORD = new RegExp(String.raw`[${CJK}]|(?:(?![${CJK}])[\p{L}\p{N}][\p{M}\u200C\u200D]*)+`, "gu");

// Tatweel and the Arabic diacritics, each removed on its own.
// eslint-disable-next-line no-misleading-character-class -- the marks are listed one by one, not as one character
const ARABIC_MARKS = /[\u0640\u064B-\u065F\u0670]/g;

/** Lower-cased words (one per CJK character), Arabic diacritics and tatweel removed. */
function words(text: string): string[] {
  return (text.toLowerCase().replace(ARABIC_MARKS, "").match(WORD) ?? []) as string[];
}

const SENTENCE_END = /[.!?。！？؟]["'”’»)\]]*$/u;

/** Short and not ending like a sentence: how headings look in pasted text and bold lines. */
function looksLikeHeading(text: string): boolean {
  return !text.includes("\n") && text.length <= 150 && words(text).length <= 20 && !SENTENCE_END.test(text);
}

// Quotation marks of the six languages, opening → closing.
const QUOTE_PAIRS: readonly [string, string][] = [
  ["“", "”"],
  ["„", "“"],
  ['"', '"'],
  ["«", "»"],
  ["‘", "’"],
  ["「", "」"],
  ["『", "』"],
];

/** The paragraph without quotation marks around the whole of it. */
function unquote(text: string): string {
  const t = text.trim();
  for (const [open, close] of QUOTE_PAIRS) {
    if (t.length > 2 && t.startsWith(open) && t.endsWith(close)) {
      const inner = t.slice(open.length, t.length - close.length);
      // Only when those are the only marks: "“a” and “b”" is not one quotation.
      if (!inner.includes(open) && !inner.includes(close)) return inner.trim();
    }
  }
  return t;
}

/** Passages in quotation marks, at least four words long. */
function quotedPassages(text: string): string[] {
  const out: string[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    const re = new RegExp(`${escapeRegExp(open)}([^${escapeRegExp(open)}${escapeRegExp(close)}]{8,}?)${escapeRegExp(close)}`, "gu");
    for (const m of text.matchAll(re)) if (words(m[1] ?? "").length >= 4) out.push(m[1] ?? "");
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

// ---------------------------------------------------------------------------------------------
// Labels: "(a)", "a)", "Point (c)", "Punto (c)", "Пункт (c)", "(c)点", "(أ)", "(б)",
// "Recommendation 4", "Recomendación 4", "Рекомендация 4", "建议4", "التوصية 4"

// Arabic documents letter subparagraphs in abjad order: أ ب ج د هـ و ز ح ط ي …
const ARABIC_LETTERS = "ابجدهوزحطيكلمنسعفصقرشتثخذضظغ";
// Russian documents letter them а б в г д е ж з и к л … (no ё, й, ъ, ы, ь).
const CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя";
// Cyrillic letters typed for the Latin ones they look like ("(с)" on a Russian keyboard).
const CYRILLIC_LOOKALIKES: Record<string, string> = { а: "a", с: "c", е: "e", о: "o", р: "p", х: "x", у: "y" };
// Letters that only occur when a document letters its points in the Russian order.
const CYRILLIC_ONLY = /[бвгджзиклмнптфцчшщэюя]/;

const LETTER = String.raw`[a-z]|[а-яё]|[اأإآبجدهوزحطيىكلمنسعفصقرشتثخذضظغ]\u0640?`;
const OPEN = String.raw`[(（]`;
const CLOSE = String.raw`[)）]`;
const POINT_WORD = String.raw`(?:points?|pts?\.|(?:sub-?)?paragraphs?|paragraphes?|alin[ée]as?|puntos?|p[áa]rrafos?|apartados?|incisos?|(?:под)?пункт[а-я]*|(?:ال)?نقط(?:ة|تين|تان)|(?:ال)?فقر(?:ة|تين|تان)(?:\s+(?:ال)?فرعية)?|(?:ال)?بند(?:\s+(?:ال)?فرعي)?)`;
const REC_WORD = String.raw`(?:recommendations?|recommandations?|recomendaci[óo]n(?:es)?|рекомендаци[яиюейя]|(?:ال)?توصي(?:ة|تين|تان)(?:\s+رقم)?)`;
const NUMBER_SIGN = String.raw`(?:no\.?|n\.?\s?[°º]|núm\.|№)?`;

const LEADING_LABELS: readonly { re: RegExp; explicit: boolean; recommendation?: boolean }[] = [
  { re: new RegExp(String.raw`^${POINT_WORD}\s*${OPEN}\s*(${LETTER})\s*${CLOSE}`, "iu"), explicit: true },
  { re: new RegExp(String.raw`^${POINT_WORD}\s+(${LETTER})\s*${CLOSE}`, "iu"), explicit: true },
  { re: new RegExp(String.raw`^第?\s*${OPEN}\s*(${LETTER})\s*${CLOSE}\s*[点項项段]`, "u"), explicit: true },
  { re: new RegExp(String.raw`^${OPEN}\s*(${LETTER})\s*${CLOSE}`, "u"), explicit: false },
  { re: new RegExp(String.raw`^(${LETTER})\s*${CLOSE}(?=\s)`, "u"), explicit: false },
  { re: new RegExp(String.raw`^${REC_WORD}\s*${NUMBER_SIGN}\s*(\d{1,3})(?!\d)`, "iu"), explicit: true, recommendation: true },
  { re: /^(?:第\s*(\d{1,3})\s*[项項]?\s*建议|建议\s*(?:第\s*)?(\d{1,3})(?:\s*[项項])?)/u, explicit: true, recommendation: true },
];

// Arabic writes "and", "with", "to" as letters joined to the next word: "وبالتوصية", "بالنقطة".
const ARABIC_CLITICS = String.raw`(?:[وفبلك]{1,3}(?=ال))?`;

const INLINE_LABELS: readonly { re: RegExp; recommendation?: boolean }[] = [
  { re: new RegExp(String.raw`(?<![\p{L}])${ARABIC_CLITICS}${POINT_WORD}\s*${OPEN}?\s*(${LETTER})\s*${CLOSE}`, "iu") },
  { re: new RegExp(String.raw`${OPEN}\s*(${LETTER})\s*${CLOSE}\s*[点項项段]`, "u") },
  { re: new RegExp(String.raw`(?<![\p{L}])${ARABIC_CLITICS}${REC_WORD}\s*${NUMBER_SIGN}\s*(\d{1,3})(?!\d)`, "iu"), recommendation: true },
  { re: /(?:第\s*(\d{1,3})\s*[项項]?\s*建议|建议\s*(?:第\s*)?(\d{1,3}))/u, recommendation: true },
];

const AFTER_LABEL = /^[\s\-–—:：.,،;]*/u;

type Label = { key: string; explicit: boolean };

/** A point label's key: "a" for "(a)", "(أ)" or "(а)"; "r4" for "Recommendation 4". */
function letterKey(letter: string, cyrillicOrder: boolean): string | null {
  const l = letter.replace(/\u0640/g, "").toLowerCase();
  if (/^[a-z]$/.test(l)) return l;
  if (/^[а-яё]$/.test(l)) {
    if (!cyrillicOrder && CYRILLIC_LOOKALIKES[l]) return CYRILLIC_LOOKALIKES[l] ?? null;
    const index = CYRILLIC_LETTERS.indexOf(l);
    return index >= 0 && index < 26 ? String.fromCharCode(97 + index) : null;
  }
  const arabic = l.replace(/[أإآ]/, "ا").replace("ى", "ي");
  const index = ARABIC_LETTERS.indexOf(arabic);
  return index >= 0 && index < 26 ? String.fromCharCode(97 + index) : null;
}

/** The key of a consultation's own label ("(a)", "Recommendation 4"); null if it has none. */
function pointLabelKey(label: string): string | null {
  const t = asciiDigits(label.trim());
  for (const { re, recommendation } of LEADING_LABELS) {
    const m = re.exec(t);
    if (!m) continue;
    if (recommendation) return `r${Number(m[1] ?? m[2])}`;
    return letterKey(m[1] ?? "", false);
  }
  return t === "" ? null : t.toLowerCase();
}

function readLeadingLabel(text: string, cyrillicOrder: boolean): (Label & { rest: string; raw: string }) | null {
  const t = asciiDigits(text.trim().replace(/^[•·▪◦*\-–—]\s+/u, ""));
  for (const { re, explicit, recommendation } of LEADING_LABELS) {
    const m = re.exec(t);
    if (!m) continue;
    const key = recommendation ? `r${Number(m[1] ?? m[2])}` : letterKey(m[1] ?? "", cyrillicOrder);
    if (!key) continue;
    // The rest keeps the original characters: the label is the same length in both forms.
    const original = text.trim().replace(/^[•·▪◦*\-–—]\s+/u, "");
    const after = original.slice(m[0].length).replace(/^\s*[点項项段]/u, "");
    return { key, explicit, rest: after.replace(AFTER_LABEL, ""), raw: m[0] };
  }
  return null;
}

function readInlineLabel(text: string, cyrillicOrder: boolean): Label | null {
  // Only the opening words: "With regard to point (c), …", "En cuanto a la recomendación 4, …".
  const head = asciiDigits(text.slice(0, 200));
  let best: { index: number; label: Label } | null = null;
  for (const { re, recommendation } of INLINE_LABELS) {
    const m = re.exec(head);
    if (!m) continue;
    const key = recommendation ? `r${Number(m[1] ?? m[2])}` : letterKey(m[1] ?? "", cyrillicOrder);
    if (key && (!best || m.index < best.index)) best = { index: m.index, label: { key, explicit: true } };
  }
  return best?.label ?? null;
}

// ---------------------------------------------------------------------------------------------
// Agenda items, proposal and general headings, annexes

const ARABIC_ORDINALS: Record<string, number> = {
  الأول: 1,
  الثاني: 2,
  الثالث: 3,
  الرابع: 4,
  الخامس: 5,
  السادس: 6,
  السابع: 7,
  الثامن: 8,
  التاسع: 9,
  العاشر: 10,
};

const AGENDA_ITEM: readonly RegExp[] = [
  /agenda\s+item\s*(?:no\.?\s*)?(\d{1,3})/i,
  /item\s+(\d{1,3})\s+of\s+the\s+(?:provisional\s+)?agenda/i,
  /point\s+(\d{1,3})\s+de\s+l['’`]\s*ordre\s+du\s+jour/i,
  /(?:tema|punto)\s+(\d{1,3})\s+del\s+(?:programa|orden\s+del\s+d[ií]a)/i,
  /пункт[а-я]*\s+(\d{1,3})\s+(?:предварительной\s+)?повестки\s+дня/iu,
  /议程\s*(?:项目|第)\s*(\d{1,3}|[一二三四五六七八九十]{1,3})/u,
  /(?:ال)?بند\s+(\d{1,3}|[\u0621-\u064A]+)\s+من\s+جدول\s+(?:ال)?أعمال/u,
  /بند\s+جدول\s+(?:ال)?أعمال\s+(\d{1,3})/u,
];

/** The agenda item number a paragraph names, and where in the paragraph. */
function readAgendaItem(text: string): { number: string; index: number } | null {
  const t = asciiDigits(text);
  for (const re of AGENDA_ITEM) {
    const m = re.exec(t);
    if (!m) continue;
    const raw = m[1] ?? "";
    const n = /^\d+$/.test(raw) ? Number(raw) : (ARABIC_ORDINALS[raw] ?? chineseNumber(raw));
    if (n !== null && n !== undefined) return { number: String(n), index: m.index };
  }
  return null;
}

const NEW_PROPOSALS =
  /(?:new|additional)\s+(?:proposals?|points?)|(?:nouvelles?|autres)\s+propositions?|propositions?\s+nouvelles?|nuevas?\s+propuestas?|propuestas?\s+(?:nuevas?|adicionales)|(?:нов|дополнительн)[а-я]*\s+предложени[а-я]*|新(?:的)?(?:提案|建议)|新增(?:提案|建议)|(?:ال)?(?:مقترح|اقتراح)(?:ات)?\s+(?:ال)?جديد(?:ة)?/iu;
const GENERAL_COMMENTS =
  /general\s+(?:comments?|observations?|remarks?)|comentarios?\s+generales?|observaciones\s+generales|observations?\s+g[ée]n[ée]rales?|commentaires?\s+g[ée]n[ée]raux|общ[а-я]*\s+(?:замечани|комментари|соображени)[а-я]*|(?:一般性|总体|总的)(?:评论|意见)|(?:تعليقات|ملاحظات)\s+عامة/iu;
// Opening words that turn from the points to the agenda item as a whole.
const GENERAL_LEAD =
  /^(?:and\s+|y\s+|et\s+|и\s+|و)?(?:more\s+generally|in\s+general|generally(?:\s+speaking)?|overall|as\s+a\s+general\s+(?:comment|remark|observation)|(?:de\s+mani[èe]re|d['’]une\s+mani[èe]re|plus)\s+g[ée]n[ée]rale(?:ment)?|plus\s+g[ée]n[ée]ralement|en\s+g[ée]n[ée]ral|en\s+t[ée]rminos\s+generales|de\s+(?:manera|forma)\s+general|en\s+general|con\s+car[áa]cter\s+general|в\s+целом|в\s+(?:более\s+)?общем\s+плане|в\s+общем|总体(?:而言|上)|总的来说|一般而言|(?:ال)?بشكل\s+عام|بصفة\s+عامة|عموما)(?![\p{L}])/iu;
const ANNEX = /^(?:annex|anexo|annexe|приложение|附件|(?:ال)?مرفق)(?![\p{L}])/iu;

// ---------------------------------------------------------------------------------------------
// Note verbale formulas and the lines around them

// The opening: "The Permanent Mission of … presents its compliments to …".
const OPENING = [
  /presents\s+its\s+compliments/i,
  /pr[ée]sente\s+ses\s+compliments/i,
  /saluda\s+(?:muy\s+)?atentamente/i,
  /свидетельствует\s+сво[её]\s+уважение/iu,
  /向.{1,80}致意/u,
  /(?:تهدي|يهدي).{1,160}تحيات(?:ها|ه)/u,
];
// The closing: "… avails itself of this opportunity to renew … the assurances of its highest
// consideration". Only the courtesy at its end is a sure sign: "El Perú aprovecha la oportunidad
// para reiterar su apoyo …" is substance.
const CLOSING = [
  /highest\s+consideration|assurances?\s+of\s+its\s+(?:high|most\s+distinguished)\s+consideration/i,
  /(?:haute|plus\s+haute|tr[èe]s\s+haute|parfaite)\s+consid[ée]ration/i,
  /(?:alta|distinguida)\s+consideraci[óo]n/i,
  /(?:высок|глубок)[а-яё]*\s+уважени/iu,
  /崇高(?:的)?敬意/u,
  /(?:أسمى|فائق|خالص)\s+(?:آيات\s+|عبارات\s+)?(?:ال)?(?:تقدير|احترام)/u,
];
// Salutations and sign-offs, as the whole of a short paragraph.
const SALUTATION =
  /^(?:dear\s+.{0,60}|excellency|your\s+excellency|sincerely|yours\s+(?:sincerely|faithfully)|(?:best|kind)\s+regards|estimad[oa]s?\s+.{0,60}|excelent[íi]sim[oa].{0,60}|atentamente|saludos(?:\s+cordiales)?|madame,?\s+monsieur|monsieur,?\s+madame|mesdames?,?\s+messieurs|cordialement|veuillez\s+agr[ée]er.{0,200}|уважаем[а-я]+\s+.{0,60}|с\s+уважением|尊敬的.{0,40}|此致|敬礼|حضرة.{0,60}|سعادة.{0,60}|(?:و)?تفضلوا\s+بقبول.{0,120}|مع\s+(?:خالص\s+)?(?:التحيات|التقدير))[\s,.!:;،]*$/iu;

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|" +
  "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|" +
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|" +
  "январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]|" +
  "يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|" +
  "كانون\\s+الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين\\s+الأول|تشرين\\s+الثاني|كانون\\s+الأول";
const DATE = new RegExp(
  String.raw`(?:\d{1,2}(?:st|nd|rd|th|er)?\s+(?:de\s+)?(?:${MONTHS})\s+(?:de\s+)?\d{4}|(?:${MONTHS})\s+\d{1,2},?\s+\d{4}|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})`,
  "iu",
);
// Reference numbers of notes: "Note No. 123/2020", "Nota 5-12-M/087", "Réf. : …", "Исх. №", "الرقم: …".
const REFERENCE =
  /^(?:note(?:\s+verbale)?\s+(?:no|n[°º])|nota\s+(?:n|no|núm|n\.?\s?[°º])?|ref\.?|r[ée]f\.?|our\s+ref|n[°º]|no\.\s*\d|№|исх\.?|编号|文号|(?:ال)?رقم)[\s.:\d]/iu;

type Formula = "opening" | "closing" | "line";

function readFormula(text: string): Formula | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (OPENING.some((re) => re.test(t))) return "opening";
  if (CLOSING.some((re) => re.test(t))) return "closing";
  if (t.length <= 200 && SALUTATION.test(t)) return "line";
  // A place and date ("Viena, 10 de agosto de 2020") or a reference line, on its own.
  if (t.length <= 80 && words(t).length <= 10 && (DATE.test(asciiDigits(t)) || REFERENCE.test(t))) return "line";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Comparing a paragraph with the circulated points

type PreparedPoint = {
  id: string;
  agendaItemId: string;
  key: string | null;
  text: string;
  words: string[];
  wordSet: Set<string>;
  /** Every run of RUN consecutive words, to find a shared run in linear time. */
  runs: Set<string>;
};

/** Words in a row that make a citation of a point without quotation marks. */
const RUN = 8;

function runsOf(w: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + RUN <= w.length; i++) out.push(w.slice(i, i + RUN).join(" "));
  return out;
}

/** Counts words the way app/lib/redline.ts does (one per CJK character). */
function wordCount(text: string): number {
  return words(text).length;
}

type Resemblance = { keptOfPoint: number; keptOfText: number; changed: boolean };

/**
 * How much of a point's circulated text a paragraph keeps, from the word-level redline: the
 * share of the point's words left unchanged, the share of the paragraph's words that are the
 * point's, and whether any word changed.
 */
function resemblance(text: string, point: PreparedPoint): Resemblance {
  const stats = redlineStats(redline(point.text, text));
  const pointWords = Math.max(1, point.words.length);
  const textWords = Math.max(1, wordCount(text));
  return {
    keptOfPoint: 1 - stats.deleted / pointWords,
    keptOfText: 1 - stats.inserted / textWords,
    changed: stats.inserted + stats.deleted > 0,
  };
}

/** Share of a point's distinct words found in a text: a cheap filter before the redline. */
function containment(textWords: Set<string>, point: PreparedPoint): number {
  if (point.wordSet.size === 0) return 0;
  let shared = 0;
  for (const w of point.wordSet) if (textWords.has(w)) shared++;
  return shared / point.wordSet.size;
}

/** Length of the longest run of consecutive words two texts share. */
function longestSharedRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        const run = (previous[j - 1] ?? 0) + 1;
        current[j] = run;
        if (run > best) best = run;
      }
    }
    previous = current;
  }
  return best;
}

type QuoteMatch =
  | { kind: "copy"; point: PreparedPoint; confidence: ImportConfidence }
  /** `proposedText` is the reworded point; `leadIn` the rest of the paragraph when the wording was quoted inside it. */
  | { kind: "amendment"; point: PreparedPoint; confidence: ImportConfidence; proposedText: string; leadIn: string | null }
  | { kind: "citation"; point: PreparedPoint; confidence: ImportConfidence };

/** The point a text reproduces best, and how closely; points of the current agenda item win ties. */
function closestPoint(text: string, points: readonly PreparedPoint[], currentItemId: string | null) {
  const textWords = words(text);
  const textSet = new Set(textWords);
  let best: { point: PreparedPoint; r: Resemblance; score: number } | null = null;
  for (const point of points) {
    // Keeping 60 % of each other's words needs lengths within 0.6× of each other: an exact
    // filter that spares the redline for long paragraphs.
    const ratio = textWords.length / Math.max(1, point.words.length);
    if (point.words.length < 4 || ratio < 0.6 || ratio > 1 / 0.6 || containment(textSet, point) < 0.5) continue;
    const r = resemblance(text, point);
    const score = r.keptOfPoint * r.keptOfText + (point.agendaItemId === currentItemId ? 1e-6 : 0);
    if (!best || score > best.score) best = { point, r, score };
  }
  // "Reproduces most of the point, and is mostly the point": at least 60 % both ways.
  return best && best.r.keptOfPoint >= 0.6 && best.r.keptOfText >= 0.6 ? best : null;
}

const closeness = (r: Resemblance): ImportConfidence => (r.keptOfPoint >= 0.8 && r.keptOfText >= 0.8 ? "high" : "medium");

/**
 * Whether a paragraph reproduces a point (unchanged: a copy; with changes: an amendment), quotes
 * reworded point text inside a sentence of its own ("Spain proposes: “…”": an amendment with a
 * lead-in), or cites part of a point's wording (in quotation marks, or a long run of the same
 * words).
 */
function matchQuote(text: string, points: readonly PreparedPoint[], currentItemId: string | null): QuoteMatch | null {
  const body = unquote(text);
  const bodyWords = words(body);
  if (bodyWords.length < 4) return null;
  const bodySet = new Set(bodyWords);

  // Reworded point text quoted inside a sentence: the quotation is the amendment.
  const quoted = quotedPassages(text);
  for (const passage of body === text.trim() ? quoted : []) {
    if (words(passage).length < 8) continue;
    const match = closestPoint(passage, points, currentItemId);
    if (match?.r.changed) {
      const leadIn = text.replace(new RegExp(`.?${escapeRegExp(passage)}.?`, "u"), "").trim();
      return { kind: "amendment", point: match.point, confidence: closeness(match.r), proposedText: passage.trim(), leadIn: leadIn || null };
    }
  }

  const whole = closestPoint(body, points, currentItemId);
  if (whole) {
    return whole.r.changed
      ? { kind: "amendment", point: whole.point, confidence: closeness(whole.r), proposedText: body, leadIn: null }
      : { kind: "copy", point: whole.point, confidence: "high" };
  }

  // A citation: a quoted passage that is the point's wording, or a long run of the same words.
  let citation: { point: PreparedPoint; run: number; quoted: boolean } | null = null;
  // Quotations longer than any point are not citations of one; the cap bounds the comparison.
  const passages = quoted.map(words).filter((w) => w.length <= 400);
  const bodyRuns = runsOf(bodyWords);
  for (const point of points) {
    for (const passage of passages) {
      const run = longestSharedRun(passage, point.words);
      if (run >= 4 && run >= 0.8 * passage.length && (!citation || run > citation.run)) citation = { point, run, quoted: true };
    }
    if (!citation || !citation.quoted) {
      if (containment(bodySet, point) < 0.3) continue;
      // n shared runs of RUN words: a shared stretch of at least RUN words (RUN + n − 1 if contiguous).
      const shared = bodyRuns.filter((r) => point.runs.has(r)).length;
      const run = shared > 0 ? RUN + shared - 1 : 0;
      if (run >= RUN && (!citation || run > citation.run)) citation = { point, run, quoted: false };
    }
  }
  if (citation) {
    return { kind: "citation", point: citation.point, confidence: citation.quoted && citation.run >= 8 ? "high" : "medium" };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The proposals

type ContentTarget = Exclude<ImportTarget, { kind: "skip" }>;

type Context = {
  /** The agenda item being commented on. */
  itemId: string | null;
  /** What a paragraph without signals continues: null before any. */
  target: ContentTarget | null;
  confidence: ImportConfidence;
  /** The target came from a heading (or a copy of a point) and no paragraph has used it yet. */
  fromHeading: boolean;
  /** The reason given to the first paragraph that uses it: "heading", or "quote" after a copy. */
  headingReason: ImportReason;
  /** Under a "New proposals" heading. */
  proposals: boolean;
  /** After the closing formula: the rest is date, signature and address. */
  closed: boolean;
  /** A structural signal or a content paragraph has been seen: the preamble is over. */
  started: boolean;
};

const lower = (c: ImportConfidence): ImportConfidence => (c === "high" ? "medium" : "low");

/**
 * Proposes, for each paragraph of an imported note, where it belongs. Headings, point labels,
 * agenda item numbers, quoted point text and the note verbale formulas are recognised in all six
 * languages; a paragraph with no signal continues the previous paragraph's target.
 */
export function proposeAssignments(paragraphs: readonly SourceParagraph[], consultation: ImportConsultation): ImportProposal[] {
  const items = consultation.agendaItems;
  const points: PreparedPoint[] = items.flatMap((item) =>
    item.points.map((p) => {
      const w = words(p.text);
      return {
        id: p.id,
        agendaItemId: item.id,
        key: pointLabelKey(p.label),
        text: p.text,
        words: w,
        wordSet: new Set(w),
        runs: new Set(runsOf(w)),
      };
    }),
  );
  const itemByNumber = new Map(items.filter((i) => i.number).map((i) => [asciiDigits(i.number!.trim()), i.id]));
  const fallbackItemId = (items.find((i) => i.points.length > 0) ?? items[0])?.id ?? null;

  // Russian lettering (а, б, в …) or Cyrillic look-alikes of Latin letters: decided per document.
  const cyrillicOrder = paragraphs.some((p) => {
    const m = /^\s*[(（]?\s*([а-яё])\s*[)）]/u.exec(p.text);
    return m !== null && CYRILLIC_ONLY.test(m[1] ?? "");
  });

  const findPoint = (key: string, itemId: string | null): { point: PreparedPoint; sure: boolean } | null => {
    if (itemId) {
      const here = points.find((p) => p.agendaItemId === itemId && p.key === key);
      if (here) return { point: here, sure: true };
    }
    const anywhere = points.filter((p) => p.key === key);
    // Recommendations are numbered through the whole consultation; letters restart per item.
    if (anywhere.length === 1) return { point: anywhere[0]!, sure: key.startsWith("r") || !itemId };
    if (anywhere.length > 1) return { point: anywhere.find((p) => p.agendaItemId === fallbackItemId) ?? anywhere[0]!, sure: false };
    return null;
  };
  const itemOfPoint = (pointId: string) => points.find((p) => p.id === pointId)?.agendaItemId ?? null;
  const nextProposalLabel = (itemId: string, used: readonly ImportProposal[]) => {
    const taken = new Set(used.flatMap((u) => (u.target.kind === "proposal" && u.target.agendaItemId === itemId ? [u.target.label] : [])));
    for (let i = 0; i < 26; i++) {
      const label = `(${String.fromCharCode(97 + i)})`;
      if (!taken.has(label)) return label;
    }
    return "";
  };

  const ctx: Context = {
    itemId: null,
    target: null,
    confidence: "low",
    fromHeading: false,
    headingReason: "heading",
    proposals: false,
    closed: false,
    started: false,
  };
  const out: ImportProposal[] = [];

  const setHeading = (
    target: ContentTarget | null,
    itemId: string | null,
    confidence: ImportConfidence,
    proposals = false,
    reason: ImportReason = "heading",
  ) => {
    ctx.itemId = itemId;
    ctx.target = target;
    ctx.confidence = confidence;
    ctx.fromHeading = true;
    ctx.headingReason = reason;
    ctx.proposals = proposals;
    ctx.closed = false;
    ctx.started = true;
  };
  const useContent = (target: ContentTarget, confidence: ImportConfidence) => {
    // What follows an amendment comments on the same point: explanations, not more wording.
    ctx.target = target.kind === "amendment" ? { kind: "point", pointId: target.pointId } : target;
    ctx.itemId = target.kind === "point" || target.kind === "amendment" ? itemOfPoint(target.pointId) : target.agendaItemId;
    ctx.confidence = confidence;
    ctx.fromHeading = false;
    ctx.started = true;
    ctx.closed = false;
  };

  paragraphs.forEach((paragraph, index) => {
    const text = paragraph.text.trim();
    const propose = (target: ImportTarget, confidence: ImportConfidence, reason: ImportReason, saved = text) =>
      out.push({ paragraph: index, text: saved, target, confidence, reason });
    if (paragraph.footnoteOf !== null && paragraph.footnoteOf !== undefined) {
      // Resolved below, once the paragraph that refers to it has its target.
      propose({ kind: "skip" }, "low", "carried");
      return;
    }

    const headingLike = paragraph.heading !== null || looksLikeHeading(text);
    const formula = readFormula(text);
    const agenda = readAgendaItem(text);
    const leading = readLeadingLabel(text, cyrillicOrder);

    // 1. Note verbale formulas, salutations, dates and references.
    if (formula && !(formula === "line" && leading)) {
      // A long paragraph that opens with the compliments may carry substance too.
      propose({ kind: "skip" }, text.length > 500 ? "medium" : "high", "formula");
      if (formula === "closing") ctx.closed = true;
      return;
    }

    // 2. Headings: they set the context and are not saved themselves.
    // A label with words after it is a heading only when Word says so (a style, or a few bold
    // words): a short line such as "(c) We support this" is a comment and must not be dropped.
    const labelHeading =
      !leading || leading.rest === "" || paragraph.heading?.by === "style" || (paragraph.heading?.by === "emphasis" && words(leading.rest).length <= 4);
    if (headingLike && labelHeading) {
      if (ANNEX.test(text)) {
        ctx.closed = false;
        propose({ kind: "skip" }, "high", "heading");
        return;
      }
      if (agenda) {
        const itemId = itemByNumber.get(agenda.number) ?? null;
        if (itemId && NEW_PROPOSALS.test(text)) setHeading({ kind: "proposal", agendaItemId: itemId, label: "" }, itemId, "high", true);
        else if (itemId) setHeading({ kind: "general", agendaItemId: itemId }, itemId, "high");
        // An agenda item the consultation does not have: nothing below it can be placed.
        else setHeading(null, null, "low");
        propose({ kind: "skip" }, itemId ? "high" : "low", "heading");
        return;
      }
      if (NEW_PROPOSALS.test(text)) {
        const itemId = ctx.itemId ?? fallbackItemId;
        if (itemId) {
          setHeading({ kind: "proposal", agendaItemId: itemId, label: "" }, itemId, ctx.itemId ? "high" : "medium", true);
          propose({ kind: "skip" }, "high", "heading");
          return;
        }
      }
      if (GENERAL_COMMENTS.test(text)) {
        const itemId = ctx.itemId ?? fallbackItemId;
        if (itemId) {
          setHeading({ kind: "general", agendaItemId: itemId }, itemId, ctx.itemId ? "high" : "medium");
          propose({ kind: "skip" }, "high", "heading");
          return;
        }
      }
      if (leading) {
        if (ctx.proposals && !leading.explicit && ctx.itemId) {
          const label = `(${leading.key})`;
          setHeading({ kind: "proposal", agendaItemId: ctx.itemId, label }, ctx.itemId, "high", true);
          propose({ kind: "skip" }, "high", "heading");
          return;
        }
        const found = findPoint(leading.key, ctx.itemId);
        if (found) {
          setHeading({ kind: "point", pointId: found.point.id }, found.point.agendaItemId, found.sure ? "high" : "medium");
          propose({ kind: "skip" }, found.sure ? "high" : "medium", "heading");
          return;
        }
      }
      // A Word heading naming a point inside it: "Comments on point (c)", "关于建议4".
      const named = paragraph.heading && !leading ? readInlineLabel(text, cyrillicOrder) : null;
      const namedPoint = named ? findPoint(named.key, ctx.itemId) : null;
      if (namedPoint) {
        const confidence: ImportConfidence = namedPoint.sure ? "high" : "medium";
        setHeading({ kind: "point", pointId: namedPoint.point.id }, namedPoint.point.agendaItemId, confidence);
        propose({ kind: "skip" }, confidence, "heading");
        return;
      }
      // A heading that is an agenda item's title ("Updating the legislative records …").
      const titled = items.find((item) =>
        titleMatches(
          text,
          item.title,
          items.filter((other) => other !== item).map((other) => other.title),
        ),
      );
      if (titled) {
        setHeading({ kind: "general", agendaItemId: titled.id }, titled.id, "medium");
        propose({ kind: "skip" }, "medium", "heading");
        return;
      }
      // Before anything else: letterhead, addressee, the note's title.
      if (!ctx.started && !leading && !agenda) {
        propose({ kind: "skip" }, "medium", "formula");
        return;
      }
      // A Word heading that names nothing we know: left out, but the officer is told we are unsure.
      if (paragraph.heading?.by === "style" && !leading && !agenda) {
        propose({ kind: "skip" }, "medium", "heading");
        return;
      }
    }

    // 3. After the closing formula: signature, date, addressee.
    if (ctx.closed && !leading && !agenda) {
      const quote = matchQuote(text, points, ctx.itemId);
      if (!quote) {
        propose({ kind: "skip" }, headingLike ? "high" : "low", "carried");
        return;
      }
    }

    // 4. A leading label: "(c) …", "Punto (c): …", "Recomendación 4. …".
    if (leading) {
      if (ctx.proposals && !leading.explicit && ctx.itemId) {
        const target: ContentTarget = { kind: "proposal", agendaItemId: ctx.itemId, label: `(${leading.key})` };
        propose(target, "high", "label", unquote(leading.rest));
        useContent(target, "high");
        ctx.proposals = true;
        return;
      }
      const found = findPoint(leading.key, ctx.itemId);
      if (found) {
        const rest = leading.rest;
        const quote = rest ? matchQuote(rest, [found.point], found.point.agendaItemId) : null;
        const confidence: ImportConfidence = found.sure ? "high" : "medium";
        ctx.proposals = false;
        if (quote?.kind === "copy") {
          // The point reproduced under its label: context for what follows, not a comment.
          setHeading({ kind: "point", pointId: found.point.id }, found.point.agendaItemId, confidence, false, "quote");
          propose({ kind: "skip" }, confidence, "quote");
          return;
        }
        const target: ContentTarget =
          quote?.kind === "amendment"
            ? { kind: "amendment", pointId: found.point.id, proposedText: quote.proposedText }
            : { kind: "point", pointId: found.point.id };
        propose(target, confidence, "label", quote?.kind === "amendment" ? (quote.leadIn ?? quote.proposedText) : rest);
        useContent(target, confidence);
        return;
      }
      // A letter after the last point ("(h)" when the points end at (g)): a new point, probably.
      if (!leading.key.startsWith("r") && (ctx.itemId ?? fallbackItemId)) {
        const itemId = (ctx.itemId ?? fallbackItemId)!;
        const target: ContentTarget = { kind: "proposal", agendaItemId: itemId, label: `(${leading.key})` };
        propose(target, "low", "label", leading.rest);
        useContent(target, "low");
        return;
      }
    }

    // 5. The point's wording, reproduced with changes (an amendment), unchanged, or cited.
    const quote = matchQuote(paragraph.withoutStruck ?? text, points, ctx.itemId);
    if (quote && (quote.kind !== "citation" || !ctx.proposals)) {
      ctx.proposals = false;
      if (quote.kind === "copy") {
        setHeading({ kind: "point", pointId: quote.point.id }, quote.point.agendaItemId, quote.confidence, false, "quote");
        propose({ kind: "skip" }, "medium", "quote");
        return;
      }
      const target: ContentTarget =
        quote.kind === "amendment"
          ? { kind: "amendment", pointId: quote.point.id, proposedText: quote.proposedText }
          : { kind: "point", pointId: quote.point.id };
      propose(target, quote.confidence, "quote", quote.kind === "amendment" ? (quote.leadIn ?? quote.proposedText) : text);
      useContent(target, quote.confidence);
      return;
    }

    // 6. A point or agenda item named in the opening words: "With regard to point (c), …".
    const inline = readInlineLabel(text, cyrillicOrder);
    const inlinePoint = inline ? findPoint(inline.key, ctx.itemId) : null;
    if (inlinePoint) {
      const target: ContentTarget = { kind: "point", pointId: inlinePoint.point.id };
      const confidence: ImportConfidence = inlinePoint.sure && inline!.key.startsWith("r") ? "high" : "medium";
      ctx.proposals = false;
      propose(target, confidence, "label");
      useContent(target, confidence);
      return;
    }
    if (agenda && agenda.index < 120 && itemByNumber.has(agenda.number)) {
      const target: ContentTarget = { kind: "general", agendaItemId: itemByNumber.get(agenda.number)! };
      ctx.proposals = false;
      propose(target, "medium", "label");
      useContent(target, "medium");
      return;
    }

    // A turn to the agenda item as a whole: "More generally, …", "En términos generales, …".
    if (GENERAL_LEAD.test(text) && (ctx.itemId ?? fallbackItemId)) {
      const target: ContentTarget = { kind: "general", agendaItemId: (ctx.itemId ?? fallbackItemId)! };
      ctx.proposals = false;
      propose(target, ctx.itemId ? "medium" : "low", "label");
      useContent(target, "medium");
      return;
    }

    // 7. Under "New proposals": numbered list items and paragraphs without a label.
    if (ctx.proposals && ctx.itemId) {
      const current = ctx.target?.kind === "proposal" && ctx.target.label !== "" ? ctx.target : null;
      if (paragraph.list?.ordered && paragraph.list.level === 0 && paragraph.list.ordinal <= 26) {
        const target: ContentTarget = {
          kind: "proposal",
          agendaItemId: ctx.itemId,
          label: `(${String.fromCharCode(96 + paragraph.list.ordinal)})`,
        };
        propose(target, "medium", "label");
        useContent(target, "medium");
        return;
      }
      if (current && !ctx.fromHeading) {
        propose(current, lower(ctx.confidence) === "low" ? "low" : "medium", "carried");
        return;
      }
      const target: ContentTarget = current ?? {
        kind: "proposal",
        agendaItemId: ctx.itemId,
        label: nextProposalLabel(ctx.itemId, out),
      };
      propose(target, ctx.confidence, ctx.fromHeading ? ctx.headingReason : "heading");
      useContent(target, ctx.confidence);
      return;
    }

    // 8. No signal of its own: it continues the heading above it or the previous paragraph.
    if (ctx.target) {
      if (ctx.fromHeading) {
        propose(ctx.target, ctx.confidence, ctx.headingReason);
        useContent(ctx.target, ctx.confidence);
      } else {
        propose(ctx.target, ctx.confidence === "low" ? "low" : "medium", "carried");
        ctx.started = true;
      }
      return;
    }

    // 9. Nothing to go on: a general comment on the first agenda item with points, as a guess.
    if (fallbackItemId) {
      const target: ContentTarget = { kind: "general", agendaItemId: fallbackItemId };
      propose(target, "low", "none");
      useContent(target, "low");
      ctx.fromHeading = false;
      return;
    }
    propose({ kind: "skip" }, "low", "none");
  });

  // A lead-in ending with a colon ("Peru proposes the following wording:") belongs with the
  // amendment that follows it, as a comment on the same point.
  for (let i = 0; i + 1 < out.length; i++) {
    const here = out[i]!;
    const next = out[i + 1]!;
    if (
      next.target.kind === "amendment" &&
      /[:：]\s*$/.test(here.text) &&
      (here.reason === "carried" || here.reason === "none" || here.reason === "heading") &&
      here.target.kind !== "skip" &&
      !(here.target.kind === "point" && here.target.pointId === next.target.pointId)
    ) {
      out[i] = { ...here, target: { kind: "point", pointId: next.target.pointId }, confidence: "medium", reason: "quote" };
    }
  }

  // Footnotes go where the paragraph that refers to them goes.
  for (const proposal of out) {
    const of = paragraphs[proposal.paragraph]?.footnoteOf;
    if (of === null || of === undefined) continue;
    const referrer = out[of];
    const target: ImportTarget =
      referrer && referrer.target.kind === "amendment" ? { kind: "point", pointId: referrer.target.pointId } : (referrer?.target ?? { kind: "skip" });
    proposal.target = target;
    proposal.confidence = referrer ? lower(referrer.confidence) : "low";
  }
  return out;
}

/** A heading naming an agenda item by its title: most of the title's words, in a short line. */
/**
 * A heading naming an agenda item by its title, whole or shortened ("Updating the legislative
 * records of States parties"): most of the heading's words are the title's, and so are at least
 * two of the words that set this title apart from the other items' (or all, if it has fewer).
 * Words every title shares ("United Nations Convention against Transnational Organized Crime")
 * name no item.
 */
function titleMatches(heading: string, title: string, otherTitles: readonly string[]): boolean {
  const significant = (text: string) => new Set(words(text).filter((w) => w.length >= 3));
  const titleWords = significant(title);
  const headingWords = [...significant(heading)];
  if (headingWords.length === 0 || titleWords.size === 0) return false;
  const others = new Set(otherTitles.flatMap((t) => [...significant(t)]));
  const distinctive = [...titleWords].filter((w) => !others.has(w));
  const inTitle = headingWords.filter((w) => titleWords.has(w)).length;
  const distinctiveShared = distinctive.filter((w) => headingWords.includes(w)).length;
  return inTitle / headingWords.length >= 0.6 && distinctiveShared >= Math.min(2, distinctive.length) && distinctiveShared > 0;
}

// ---------------------------------------------------------------------------------------------
// From proposals (as corrected by the officer) to the comments of a submission

/**
 * A submission's content as the import assembles it: the shape of `SubmissionContent` in
 * app/lib/submission-rules.ts without its language, which the officer chooses.
 */
export type ImportedContent = {
  general: { agendaItemId: string; body: string }[];
  /** `proposedText` null: no amendment. */
  points: { pointId: string; body: string; proposedText: string | null }[];
  proposals: { agendaItemId: string; label: string; body: string }[];
};

/**
 * Joins the paragraphs given the same target, in the order of the consultation: one general
 * comment per agenda item; one entry per point, whose amendment paragraphs make its proposed
 * text and whose other paragraphs its comment; one new proposal per label. Paragraphs are joined
 * with a blank line. Skipped paragraphs are left out, and so are targets naming no agenda item or
 * point of the consultation (a forged form: the page reports them before calling this).
 */
export function assembleContent(assignments: readonly { text: string; target: ImportTarget }[], consultation: ImportConsultation): ImportedContent {
  const join = (parts: readonly string[]) =>
    parts
      .map((p) => p.trim())
      .filter(Boolean)
      .join("\n\n");
  const general = new Map<string, string[]>();
  const onPoint = new Map<string, { body: string[]; proposed: string[] }>();
  const proposals = new Map<string, Map<string, string[]>>();
  for (const { text, target } of assignments) {
    if (target.kind === "general") general.set(target.agendaItemId, [...(general.get(target.agendaItemId) ?? []), text]);
    else if (target.kind === "point" || target.kind === "amendment") {
      const entry = onPoint.get(target.pointId) ?? { body: [], proposed: [] };
      if (target.kind === "amendment") {
        entry.proposed.push(target.proposedText);
        // The sentence around quoted wording ("Spain proposes: “…”") is a comment on the point.
        if (text.trim() !== target.proposedText.trim()) entry.body.push(text);
      } else entry.body.push(text);
      onPoint.set(target.pointId, entry);
    } else if (target.kind === "proposal") {
      const byLabel = proposals.get(target.agendaItemId) ?? new Map<string, string[]>();
      byLabel.set(target.label, [...(byLabel.get(target.label) ?? []), text]);
      proposals.set(target.agendaItemId, byLabel);
    }
  }

  const content: ImportedContent = { general: [], points: [], proposals: [] };
  for (const item of consultation.agendaItems) {
    const body = join(general.get(item.id) ?? []);
    if (body) content.general.push({ agendaItemId: item.id, body });
    for (const point of item.points) {
      const entry = onPoint.get(point.id);
      if (!entry) continue;
      const proposedText = join(entry.proposed);
      const comment = join(entry.body);
      if (comment || proposedText) content.points.push({ pointId: point.id, body: comment, proposedText: proposedText || null });
    }
    for (const [label, parts] of proposals.get(item.id) ?? []) {
      const text = join(parts);
      if (text) content.proposals.push({ agendaItemId: item.id, label, body: text });
    }
  }
  return content;
}

// ---------------------------------------------------------------------------------------------
// Pasted text

const MARKDOWN_HEADING = /^#{1,6}\s+/;
// Chinese and Japanese characters, their punctuation (、。「」) and full-width forms (，：（）).
const WIDE_CLASS = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFF60]`;
const WIDE = new RegExp(WIDE_CLASS, "gu");
const WIDE_END = new RegExp(`${WIDE_CLASS}$`, "u");
const WIDE_START = new RegExp(`^${WIDE_CLASS}`, "u");

/** Width of a line as an email program counts it when wrapping: Chinese characters take two columns. */
function columns(line: string): number {
  return line.length + (line.match(WIDE)?.length ?? 0);
}
const MARKDOWN_BOLD = /^(?:\*\*|__)(.+)(?:\*\*|__)$/;

/**
 * Splits pasted text (from an email or a document) into paragraphs. A blank line always ends a
 * paragraph. Text wrapped by an email program (no line longer than 100 characters, blank lines
 * between paragraphs) has its lines joined again, except before a line that starts with a label
 * and after a line much shorter than the others; otherwise every line is a paragraph, as when
 * text is copied from Word.
 */
export function paragraphsFromText(pasted: string): { paragraphs: SourceParagraph[]; warnings: ImportWarning[] } {
  const lines = pasted
    .replace(/^\uFEFF/, "")
    .split(/\r\n?|[\n\v\f\u0085\u2028\u2029]/)
    .map((line) => line.replace(ODD_SPACE, " ").replace(/ +$/, ""));
  const nonBlank = lines.filter((l) => l.trim() !== "");
  const width = Math.max(0, ...nonBlank.map((l) => columns(l.trim())));
  const hasBlankLines = lines.some((l, i) => l.trim() === "" && i > 0 && i < lines.length - 1);
  const wrapped = hasBlankLines && width <= 100 && nonBlank.length > 0;

  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (block.length) blocks.push(block);
      block = [];
    } else block.push(line.trim());
  }
  if (block.length) blocks.push(block);

  const raw: string[] = [];
  for (const b of blocks) {
    if (!wrapped) {
      raw.push(...b);
      continue;
    }
    let current = "";
    b.forEach((line, i) => {
      const previous = b[i - 1];
      const startsNew =
        i === 0 || readLeadingLabel(line, false) !== null || /^[•·▪◦*\-–—]\s/u.test(line) || (previous !== undefined && columns(previous) < 0.6 * width);
      if (startsNew) {
        if (current) raw.push(current);
        current = line;
      } else {
        // Chinese and Japanese are written without spaces: a wrap between two such characters adds none.
        const cjkJoin = WIDE_END.test(current) && WIDE_START.test(line);
        current += cjkJoin ? line : ` ${line}`;
      }
    });
    if (current) raw.push(current);
  }

  const paragraphs: SourceParagraph[] = [];
  const removed: number[] = [];
  for (const text of raw) {
    let heading: SourceParagraph["heading"] = null;
    let t = text;
    if (MARKDOWN_HEADING.test(t)) {
      heading = { level: /^#+/.exec(t)?.[0].length ?? 1, by: "style" };
      t = t.replace(MARKDOWN_HEADING, "");
    }
    const bold = MARKDOWN_BOLD.exec(t);
    if (bold) {
      heading ??= { level: null, by: "emphasis" };
      t = bold[1] ?? t;
    }
    const cleaned = cleanImportedText(t);
    if (cleaned.text === "") continue;
    if (cleaned.removedControls) removed.push(paragraphs.length);
    paragraphs.push({ text: cleaned.text, heading, list: null });
  }
  return { paragraphs, warnings: removed.length ? [{ code: "controls_removed", paragraphs: removed }] : [] };
}

// ---------------------------------------------------------------------------------------------
// The language a note is written in

const STOPWORDS: Record<"en" | "fr" | "es", Set<string>> = {
  en: new Set(["the", "and", "of", "to", "is", "that", "with", "should", "which", "its", "on", "for"]),
  fr: new Set(["le", "les", "des", "et", "du", "est", "une", "pour", "sur", "dans", "au", "aux", "ses"]),
  es: new Set(["el", "los", "las", "del", "y", "una", "para", "por", "con", "su", "al", "sus"]),
};

/**
 * The language most of the note is written in, to prefill the submission's language: by script
 * (Arabic, Chinese, Russian), then by common words (English, French, Spanish). Quoted point text
 * in English inside a Spanish note does not outweigh the Spanish. Null when there is no text.
 */
export function guessLanguage(paragraphs: readonly SourceParagraph[]): Language | null {
  const text = paragraphs.map((p) => p.text).join("\n");
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const arabic = count(/\p{Script=Arabic}/gu);
  const han = count(/\p{Script=Han}/gu);
  const cyrillic = count(/\p{Script=Cyrillic}/gu);
  const latin = count(/\p{Script=Latin}/gu);
  const total = arabic + han + cyrillic + latin;
  if (total === 0) return null;
  // Han characters are words of their own: weigh them up against letters of alphabets.
  const scripts: [Language | "latin", number][] = [
    ["ar", arabic],
    ["zh", han * 3],
    ["ru", cyrillic],
    ["latin", latin],
  ];
  const [script] = scripts.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (script !== "latin") return script;
  const scores = { en: 0, fr: 0, es: 0 };
  for (const w of words(text)) for (const lang of ["en", "fr", "es"] as const) if (STOPWORDS[lang].has(w)) scores[lang]++;
  // English point text is quoted in notes in every language: English must win clearly.
  if (scores.fr > scores.en * 0.5 && scores.fr >= scores.es) return "fr";
  if (scores.es > scores.en * 0.5 && scores.es > scores.fr) return "es";
  return "en";
}
