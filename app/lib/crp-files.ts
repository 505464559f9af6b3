import type { CrpIntroductionKey } from "~/documents/crp";

// What the CRP page shares with the browser: the formats a saved version downloads in, under which
// file name (its URL, paths.crpFile, ends with the version and format, /consultations/:id/crp/v3.docx;
// the file is named after the CRP's symbol, "CTOC-COP-2020-CRP.5-v3.docx", "-draft-v2" for a
// draft), and the limit of the introduction's text.

export const CRP_FORMATS = ["docx", "pdf", "html", "md"] as const;
export type CrpFormat = (typeof CRP_FORMATS)[number];

/** The version and format of a download's last path segment ("v3.docx"), or null. */
export function parseCrpFile(file: string | undefined): { versionNumber: number; format: CrpFormat } | null {
  const match = /^v([1-9]\d{0,5})\.(docx|pdf|html|md)$/.exec(file ?? "");
  return match ? { versionNumber: Number(match[1]), format: match[2] as CrpFormat } : null;
}

/** "CTOC-COP-2020-CRP.5" + 3 + "docx" -> "CTOC-COP-2020-CRP.5-v3.docx". */
export function crpFileName(fileBase: string, versionNumber: number, format: CrpFormat): string {
  return `${fileBase}-v${versionNumber}.${format}`;
}

/** The most the secretariat's own words in the CRP's introduction may hold (form and server). */
export const MAX_INTRODUCTION_NOTE = 10_000;

/**
 * The paragraphs of the introduction the secretariat may rewrite by hand (the one on why the
 * points were circulated has its own field, `introductionNote`).
 */
export const EDITABLE_INTRODUCTION_KEYS: readonly CrpIntroductionKey[] = ["session", "approval", "received", "late", "translations", "presentation"];
