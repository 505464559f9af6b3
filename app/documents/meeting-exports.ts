// What a chair takes into the meeting room: the side-by-side of an agenda item, as filtered, and the
// matrix, as tables that the Word and Excel writers lay out. Pure: the view in, rows of text out; the
// words come from the reader's locale (through `t`), the comments as the delegations wrote them.
import type { Language } from "~/i18n/languages";
import { cellOf, type MatrixCell } from "~/lib/consolidation";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** One row of the side-by-side table: point | delegation | comment in English | original. */
export type SideBySideExportRow = {
  point: string;
  delegation: string;
  /** The comment in the working language: as written, or the secretariat's translation. */
  english: string;
  /** The text as the delegation wrote it; empty when it was written in English. */
  original: string;
  /** The language of `original` (for its direction and Word's proofing language). */
  originalLanguage: Language;
};

export type SideBySideExport = {
  title: string;
  subtitle: string;
  columns: { point: string; delegation: string; english: string; original: string };
  rows: SideBySideExportRow[];
};

/** The parts of a side-by-side entry an export reads (see getSideBySide). */
export type ExportEntry = {
  kind: "general" | "point" | "amendment" | "new_proposal";
  label: string | null;
  delegation: DelegationNames;
  language: Language;
  needs: { body: boolean; proposedText: boolean };
  body: string;
  proposedText: string | null;
  translation: { body: string; proposedText: string | null } | null;
};

export type SideBySideForExport = {
  consultation: { title: string };
  item: { number: string | null; title: string } | null;
  points: { label: string; entries: ExportEntry[] }[];
  general: ExportEntry[];
  proposals: ExportEntry[];
};

/** The English of one field: as written when it needs no translation, else the translation or a mark. */
function inEnglish(text: string, needsTranslation: boolean, translated: string | null | undefined, pending: string): string {
  if (!needsTranslation) return text;
  return translated?.trim() ? translated : pending;
}

function entryRow(entry: ExportEntry, point: string, language: Language, t: Translate): SideBySideExportRow {
  const pending = t("consolidation:exports.translationPending");
  const proposed = (text: string) => `${t("consolidation:exports.proposedText")}\n${text}`;
  const english = [inEnglish(entry.body, entry.needs.body, entry.translation?.body, pending)];
  const original = [entry.needs.body ? entry.body : ""];
  if (entry.kind === "amendment" && entry.proposedText !== null) {
    english.push(proposed(inEnglish(entry.proposedText, entry.needs.proposedText, entry.translation?.proposedText, pending)));
    if (entry.needs.proposedText) original.push(proposed(entry.proposedText));
  }
  return {
    point,
    delegation: delegationName(entry.delegation, language),
    english: english.filter((text) => text !== "").join("\n\n"),
    original: original.filter((text) => text !== "").join("\n\n"),
    originalLanguage: entry.language,
  };
}

/** The side-by-side of one agenda item as the page shows it (same filters, same order). */
export function sideBySideExport(view: SideBySideForExport, language: Language, t: Translate): SideBySideExport {
  const rows: SideBySideExportRow[] = [];
  for (const point of view.points) for (const entry of point.entries) rows.push(entryRow(entry, point.label, language, t));
  for (const entry of view.general) rows.push(entryRow(entry, t("consolidation:exports.general"), language, t));
  for (const entry of view.proposals) rows.push(entryRow(entry, entry.label ?? t("consolidation:exports.proposal"), language, t));
  const item = view.item;
  return {
    title: item?.number ? t("consolidation:exports.titleItem", { number: item.number, title: item.title }) : t("consolidation:exports.titleGeneral"),
    subtitle: view.consultation.title,
    columns: {
      point: t("consolidation:exports.columns.point"),
      delegation: t("consolidation:exports.columns.delegation"),
      english: t("consolidation:exports.columns.english"),
      original: t("consolidation:exports.columns.original"),
    },
    rows,
  };
}

export type MatrixExport = {
  title: string;
  subtitle: string;
  /** Column headings: the delegation, then "2 (a)"… one per point, then the count. */
  header: string[];
  /** One row per delegation: its name, a word per point, its count. */
  rows: { name: string; cells: MatrixCell[]; count: number }[];
  /** The last row: how many delegations addressed each point. */
  totals: { label: string; counts: number[] };
  words: Record<MatrixCell, string>;
};

export type MatrixForExport = {
  consultation: { title: string };
  groups: { number: string | null; points: { label: string }[] }[];
  points: { any: number }[];
  rows: { delegation: DelegationNames; cells: string; count: number }[];
};

export function matrixExport(matrix: MatrixForExport, language: Language, t: Translate): MatrixExport {
  const pointHeadings = matrix.groups.flatMap((g) => g.points.map((p) => (g.number ? `${g.number} ${p.label}` : p.label)));
  return {
    title: t("consolidation:matrix.title"),
    subtitle: matrix.consultation.title,
    header: [t("consolidation:exports.columns.delegation"), ...pointHeadings, t("consolidation:exports.columns.count")],
    rows: matrix.rows.map((r) => ({
      name: delegationName(r.delegation, language),
      cells: pointHeadings.map((_, index) => cellOf(r.cells[index])),
      count: r.count,
    })),
    totals: { label: t("consolidation:exports.totals"), counts: matrix.points.map((p) => p.any) },
    words: {
      commented: t("consolidation:matrix.legend.commented"),
      amended: t("consolidation:matrix.legend.amended"),
      both: t("consolidation:matrix.legend.both"),
      none: "",
    },
  };
}
