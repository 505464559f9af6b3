// Data inside translated text (a title, a name, a symbol, a point label, a file name) isolated for
// direction: in an Arabic sentence, "CTOC/COP/WG.2" or "(a)" keep their punctuation where it
// belongs, and the sentence's own words are not reordered around them.
//
//   {withData(t("sideBySide.point", { label: isolate(point.label) }))}
//
// isolate() marks the value with the Unicode isolates FSI … PDI (which already isolate it in plain
// text: an aria-label, a document title); withData() turns each marked value into a <bdi>.
import { createElement, Fragment, type ReactNode } from "react";

const FSI = "\u2068";
const PDI = "\u2069";

/** A value marked as data for a translation: FSI value PDI. */
export function isolate(value: string | number | null | undefined): string {
  return `${FSI}${value ?? ""}${PDI}`;
}

export type DataPart = string | { data: DataPart[] };

/**
 * A translated string split into plain text and the marked data in it (nested marks nest).
 * An unmatched FSI or PDI stays in the text as it is.
 */
export function splitData(text: string): DataPart[] {
  const parts: DataPart[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === FSI) {
      const end = matchingPdi(text, i);
      if (end !== -1) {
        if (plain) parts.push(plain);
        plain = "";
        parts.push({ data: splitData(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    plain += char;
    i += 1;
  }
  if (plain) parts.push(plain);
  return parts;
}

function matchingPdi(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === FSI) depth += 1;
    else if (text[i] === PDI && --depth === 0) return i;
  }
  return -1;
}

function render(parts: DataPart[]): ReactNode[] {
  return parts.map((part, index) => (typeof part === "string" ? part : createElement("bdi", { key: index }, ...render(part.data))));
}

/** A translated string with each isolate()d value in it as a <bdi>. */
export function withData(text: string): ReactNode {
  if (!text.includes(FSI)) return text;
  return createElement(Fragment, null, ...render(splitData(text)));
}

/** The same as a component: <DataText text={t("key", { title: isolate(title) })} />. */
export function DataText({ text }: { text: string }) {
  return <>{withData(text)}</>;
}

/**
 * The same text without the marks, for an accessible name that must read as the words alone
 * (screen readers and tests match names by their words).
 */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, "");
}
