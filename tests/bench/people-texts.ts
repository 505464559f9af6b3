// Texts for the benchmark: a seeded generator (same seed, same texts) of comments in the six
// languages, unique and varied (300–900 characters in one to three paragraphs, sentences drawn
// from people-phrases.ts with their own numbers), the points as circulated (English) and the
// wording delegations propose instead. Repeating one sentence would flatter gzip and the pages.
import type { Language } from "~/i18n/languages";
import { PHRASES } from "./people-phrases";

export const LANGUAGES: Language[] = ["ar", "zh", "en", "fr", "ru", "es"];

export type Random = {
  next: () => number;
  int: (low: number, high: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
};

/** FNV-1a of a key: the seed of one text, so that a text never depends on the order of generation. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32, seeded by the run's seed and a key naming the text. */
export function randomFor(seed: number, key: string): Random {
  let state = hash(`${seed}:${key}`);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return { next, int, pick: (items) => items[Math.floor(next() * items.length)]!, chance: (p) => next() < p };
}

function fill(template: string, random: Random, topics: string[]): string {
  return template
    .replace(/\{t\}/g, () => random.pick(topics))
    .replace(/\{y\}/g, () => String(random.int(1998, 2025)))
    .replace(/\{k\}/g, () => String(random.int(3, 950)))
    .replace(/\{n\}/g, () => String(random.int(1, 63)))
    .replace(/\{a\}/g, () => String(random.int(5, 12)))
    .replace(/\{b\}/g, () => String(random.int(1, 9)));
}

function sentence(language: Language, random: Random): string {
  const p = PHRASES[language];
  const extra = random.chance(0.5) ? random.pick(p.extras) : "";
  const body = random.chance(0.6) ? `${random.pick(p.frames)}${extra}${random.pick(p.tails)}` : random.pick(p.context);
  return fill(body, random, p.topics) + p.stop;
}

/** A comment of `min`–`max` characters in `language`, in one to three paragraphs. */
export function commentText(language: Language, random: Random, min = 300, max = 900): string {
  const { space } = PHRASES[language];
  const target = random.int(min, max);
  const paragraphs: string[][] = [[]];
  let length = 0;
  while (length < target) {
    const next = sentence(language, random);
    const current = paragraphs.at(-1)!;
    const breaks = current.length >= 2 && paragraphs.length < 3 && random.chance(0.35);
    const added = next.length + (length === 0 ? 0 : breaks ? 2 : space.length);
    if (length >= min && length + added > max) break;
    if (breaks) paragraphs.push([next]);
    else current.push(next);
    length += added;
  }
  return paragraphs.map((p) => p.join(space)).join("\n\n");
}

const SUBJECTS = [
  "States parties should consider measures to strengthen",
  "States parties are encouraged to [continue to] promote",
  "The Working Group may wish to recommend that States parties enhance",
  "UNODC is requested to continue to support",
  "States parties, in cooperation with UNODC, should facilitate",
  "States parties should [, as appropriate,] review their practice regarding",
];
const SECOND = [
  " The secretariat is requested to report on progress made at the next session of the Working Group.",
  " States parties are invited to share information on relevant legislation and case examples with the secretariat.",
  " [Such assistance should be provided upon request and in accordance with national priorities.]",
  "",
];

/** A discussion point as circulated, in English, 150–450 characters. */
export function pointText(random: Random): string {
  const en = PHRASES.en;
  const first = `${random.pick(SUBJECTS)} ${random.pick(en.topics)}${random.pick(en.tails)}`;
  return fill(first, random, en.topics) + "." + random.pick(SECOND);
}

const INSERTIONS = [
  ", upon request of the States parties concerned",
  " and to report thereon to the Conference at its next session",
  ", including through regional and subregional workshops",
  ", with due regard to the sovereignty of States",
  ", in close coordination with relevant international organizations",
];
const SWAPS: [RegExp, string][] = [
  [/should consider measures to strengthen/, "shall strengthen"],
  [/are encouraged to \[continue to\] promote/, "shall promote"],
  [/may wish to recommend that States parties enhance/, "recommends that States parties enhance"],
  [/is requested to continue to support/, "should support"],
  [/should facilitate/, "may facilitate"],
];

/**
 * The wording a delegation proposes instead of `point`: the English point amended (as most do),
 * or, given `language`, wording of its own in that language.
 */
export function proposedWording(point: string, random: Random, language?: Language): string {
  if (language && language !== "en") return commentText(language, random, 120, 320);
  let text = point;
  const swap = random.pick(SWAPS);
  if (random.chance(0.6)) text = text.replace(swap[0], swap[1]);
  if (random.chance(0.5)) text = text.replace(/\s?\[[^\]]*\]/g, "");
  const first = text.indexOf(".");
  text = `${text.slice(0, first)}${random.pick(INSERTIONS)}${text.slice(first)}`;
  return text === point ? `${point} (as amended)` : text;
}
