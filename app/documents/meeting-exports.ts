// What a chair takes into the meeting room: the side-by-side of an agenda item, as filtered, the
// matrix and the comment-resolution table, as tables that the Word and Excel writers lay out. Pure: the view in, rows of text out; the
// words come from the reader's locale (through `t`), the comments as the delegations wrote them.
import type { Language } from "~/i18n/languages";
import { cellOf, type MatrixCell } from "~/lib/consolidation";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import type { Disposition } from "~/lib/dispositions";
import { quickScriptCounts } from "~/lib/field-language";
import { attributionTexts, pageAttribution } from "~/lib/side-by-side";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** One cell of an exported table: its text and the language it is written in (its direction, Word's proofing). */
export type ExportCell = { text: string; language: Language };

/** A table for the Word and Excel writers: a title, a subtitle, columns (width in per cent of the page), rows. */
export type ExportTable = {
  title: string;
  subtitle: string;
  columns: { label: string; width: number }[];
  rows: ExportCell[][];
  /** Each row's comment id, for a file that comes back (Excel keeps them in a hidden last column). */
  keys?: string[];
};

/** The parts of a side-by-side entry an export reads (see getSideBySide). */
export type ExportEntry = {
  kind: "general" | "point" | "amendment" | "new_proposal";
  label: string | null;
  delegation: DelegationNames;
  /** Its submission: the key of the view's `attributions`. */
  submissionId?: string;
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
  /** Who each submission speaks for besides its delegation (issue 19), by submission id. */
  attributions?: Record<string, Parameters<typeof pageAttribution>[0]>;
};

/**
 * The delegation column: the name, or for a submission that speaks for others the whole
 * attribution ("Egypt on behalf of the Group of African States (54 States)", then the co-sponsors
 * and the aligned delegations on their own lines; the members are in the app, a click away).
 */
function delegationCell(entry: ExportEntry, view: SideBySideForExport, language: Language, t: Translate): string {
  const name = delegationName(entry.delegation, language);
  const attribution = entry.submissionId ? view.attributions?.[entry.submissionId] : undefined;
  if (!attribution) return name;
  const texts = attributionTexts(pageAttribution(attribution, language), name, t, language);
  return [texts.heading, texts.cosponsors, texts.aligned].filter((line): line is string => line !== null).join("\n");
}

/** The English of one field: as written when it needs no translation, else the translation or a mark. */
function inEnglish(text: string, needsTranslation: boolean, translated: string | null | undefined, pending: string): string {
  if (!needsTranslation) return text;
  return translated?.trim() ? translated : pending;
}

/** The comment's English and its original (empty when written in English), amendments with their proposed wording. */
function entryTexts(entry: ExportEntry, t: Translate): { english: string; original: string } {
  const pending = t("consolidation:exports.translationPending");
  const proposed = (text: string) => `${t("consolidation:exports.proposedText")}\n${text}`;
  const english = [inEnglish(entry.body, entry.needs.body, entry.translation?.body, pending)];
  const original = [entry.needs.body ? entry.body : ""];
  if (entry.kind === "amendment" && entry.proposedText !== null) {
    english.push(proposed(inEnglish(entry.proposedText, entry.needs.proposedText, entry.translation?.proposedText, pending)));
    if (entry.needs.proposedText) original.push(proposed(entry.proposedText));
  }
  return { english: english.filter((text) => text !== "").join("\n\n"), original: original.filter((text) => text !== "").join("\n\n") };
}

/** Every entry of a side-by-side view, in the page's order, with what its point column says. */
function entriesOf(view: SideBySideForExport, t: Translate): { point: string; entry: ExportEntry }[] {
  return [
    ...view.points.flatMap((point) => point.entries.map((entry) => ({ point: point.label, entry }))),
    ...view.general.map((entry) => ({ point: t("consolidation:exports.general"), entry })),
    ...view.proposals.map((entry) => ({ point: entry.label ?? t("consolidation:exports.proposal"), entry })),
  ];
}

/** The side-by-side of one agenda item as the page shows it (same filters, same order): point | delegation | English | original. */
export function sideBySideExport(view: SideBySideForExport, language: Language, t: Translate): ExportTable {
  const item = view.item;
  return {
    title: item?.number ? t("consolidation:exports.titleItem", { number: item.number, title: item.title }) : t("consolidation:exports.titleGeneral"),
    subtitle: view.consultation.title,
    columns: [
      { label: t("consolidation:exports.columns.point"), width: 8 },
      { label: t("consolidation:exports.columns.delegation"), width: 14 },
      { label: t("consolidation:exports.columns.english"), width: 39 },
      { label: t("consolidation:exports.columns.original"), width: 39 },
    ],
    rows: entriesOf(view, t).map(({ point, entry }) => {
      const texts = entryTexts(entry, t);
      return [
        { text: point, language },
        { text: delegationCell(entry, view, language, t), language },
        { text: texts.english, language: "en" },
        { text: texts.original, language: entry.language },
      ];
    }),
  };
}

/** The observations are usually English; one written in Arabic is laid out right to left. */
function observationLanguage(text: string): Language {
  const counts = quickScriptCounts(text);
  return counts.arabic > counts.latin ? "ar" : "en";
}

/** An entry as the comment-resolution table reads it: the export's parts and its disposition. */
export type ResolutionEntry = ExportEntry & { commentId: string; disposition: { disposition: Disposition; observation: string | null } | null };

/**
 * The comment-resolution table: one row per comment and amendment of every agenda item (agenda
 * item | point | delegation | type | comment in English with "[Original: …]" | proposed change |
 * disposition | observations of the Secretariat), as secretariats keep it from the reflection
 * period to the revised text.
 */
export function commentResolutionExport(
  consultation: { title: string },
  items: (SideBySideForExport & { points: { label: string; entries: ResolutionEntry[] }[]; general: ResolutionEntry[]; proposals: ResolutionEntry[] })[],
  language: Language,
  t: Translate,
): ExportTable {
  const column = (key: string, width: number) => ({ label: t(`consolidation:exports.resolution.columns.${key}`), width });
  const pending = t("consolidation:exports.translationPending");
  const keys: string[] = [];
  const rows = items.flatMap((view) =>
    entriesOf(view, t).map(({ point, entry }) => {
      keys.push((entry as ResolutionEntry).commentId);
      const e = entry as ResolutionEntry;
      const comment = inEnglish(e.body, e.needs.body, e.translation?.body, pending);
      const original =
        e.needs.body || e.needs.proposedText ? t("consolidation:exports.resolution.original", { language: t(`common:languageNames.${e.language}`) }) : "";
      const proposed =
        e.kind === "amendment" && e.proposedText !== null ? inEnglish(e.proposedText, e.needs.proposedText, e.translation?.proposedText, pending) : "";
      return [
        { text: view.item?.number ?? view.item?.title ?? "", language },
        { text: point, language },
        { text: delegationCell(e, view, language, t), language },
        { text: t(`consolidation:exports.resolution.types.${e.kind}`), language },
        { text: [original, comment].filter((text) => text !== "").join("\n"), language: "en" as Language },
        { text: proposed, language: "en" as Language },
        { text: e.disposition ? t(`consolidation:dispositions.${e.disposition.disposition}`) : "", language },
        { text: e.disposition?.observation ?? "", language: observationLanguage(e.disposition?.observation ?? "") },
      ];
    }),
  );
  return {
    title: t("consolidation:exports.resolution.title"),
    subtitle: consultation.title,
    columns: [
      column("item", 6),
      column("point", 7),
      column("delegation", 11),
      column("type", 8),
      column("comment", 28),
      column("proposed", 18),
      column("disposition", 9),
      column("observation", 13),
    ],
    rows,
    keys,
  };
}

export type MatrixExport = {
  title: string;
  subtitle: string;
  /** Column headings: the delegation, then "2 (a)"… one per point, then the count (and the count through others, when any). */
  header: string[];
  /** One row per delegation: its name, a word per point, its count (and the points it addressed only through others). */
  rows: { name: string; cells: MatrixCell[]; count: number; through?: number }[];
  /** The last row: how many delegations addressed each point. */
  totals: { label: string; counts: number[] };
  /**
   * Issue 19, when a submission speaks for others: how many more delegations addressed each point
   * only through a group's, a co-sponsored or an aligned submission (a row after the totals).
   */
  throughTotals?: { label: string; counts: number[] };
  words: Record<MatrixCell, string>;
};

export type MatrixForExport = {
  consultation: { title: string };
  groups: { number: string | null; points: { label: string }[] }[];
  points: { any: number; joint?: number; aligned?: number }[];
  rows: { delegation: DelegationNames; cells: string; count: number; through?: number }[];
};

export function matrixExport(matrix: MatrixForExport, language: Language, t: Translate): MatrixExport {
  const pointHeadings = matrix.groups.flatMap((g) => g.points.map((p) => (g.number ? `${g.number} ${p.label}` : p.label)));
  // The columns and the row of points addressed through others only where a submission speaks for someone.
  const spoken = matrix.rows.some((r) => (r.through ?? 0) > 0);
  return {
    title: t("consolidation:matrix.title"),
    subtitle: matrix.consultation.title,
    header: [
      t("consolidation:exports.columns.delegation"),
      ...pointHeadings,
      t("consolidation:exports.columns.count"),
      ...(spoken ? [t("consolidation:exports.columns.countThrough")] : []),
    ],
    rows: matrix.rows.map((r) => ({
      name: delegationName(r.delegation, language),
      cells: pointHeadings.map((_, index) => cellOf(r.cells[index])),
      count: r.count,
      ...(spoken ? { through: r.through ?? 0 } : {}),
    })),
    totals: { label: t("consolidation:exports.totals"), counts: matrix.points.map((p) => p.any) },
    ...(spoken
      ? { throughTotals: { label: t("consolidation:exports.totalsThrough"), counts: matrix.points.map((p) => (p.joint ?? 0) + (p.aligned ?? 0)) } }
      : {}),
    words: {
      commented: t("consolidation:matrix.legend.commented"),
      amended: t("consolidation:matrix.legend.amended"),
      both: t("consolidation:matrix.legend.both"),
      joint: t("consolidation:matrix.legend.joint"),
      aligned: t("consolidation:matrix.legend.aligned"),
      none: "",
    },
  };
}
