// Dispositions back from the comment-resolution table in Excel (issue 18): the officer sets the
// "Disposition" and "Observations of the Secretariat" cells of the downloaded table and uploads it;
// each row comes here as read by app/documents/disposition-xlsx.ts. Pure (no I/O): the rows in, the
// dispositions they ask for or every row's problem out; app/models/disposition.server.ts compares
// them with what is saved and saves them all or none. Messages are translation keys in the
// "consolidation" namespace ("consolidation:dispositionImport.errors.…"), translated only at display.
import { fixedTranslator } from "~/i18n/i18next";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { DISPOSITIONS, MAX_OBSERVATION, type Disposition } from "~/lib/dispositions";
import { isUuid } from "~/lib/ids";
import { checkShortText } from "~/lib/submission-rules";

/** More rows than a consultation has comments (DESIGN.md §5: about 12,000 at most): another file. */
export const MAX_IMPORT_ROWS = 15_000;

/** One row of the sheet, its cells as text: the hidden comment id, the disposition as written, the observations. */
export type SheetRow = { rowNumber: number; id: string; dispositionLabel: string; observation: string };

/** What one row asks for: the comment's disposition (null: none) and its observations (null: none). */
export type ImportEntry = { rowNumber: number; commentId: string; disposition: Disposition | null; observation: string | null };

/** Why a row, or the whole file, is refused. */
export type ImportErrorKey =
  | "missingId"
  | "invalidId"
  | "duplicateId"
  | "unknownDisposition"
  | "observationTooLong"
  | "observationInvalid"
  | "observationWithoutDisposition"
  | "notFound"
  | "changedMeanwhile"
  | "tooManyRows";

/** A problem to show: the row it is on (null: the whole file), its message key and values. */
export type ImportProblem = { rowNumber: number | null; message: string; values: Record<string, string | number> };

export const importMessage = (key: string) => `consolidation:dispositionImport.errors.${key}`;

function problem(rowNumber: number | null, key: ImportErrorKey, values: Record<string, string | number> = {}): ImportProblem {
  return { rowNumber, message: importMessage(key), values: rowNumber === null ? values : { row: rowNumber, ...values } };
}

// ---------------------------------------------------------------------------------------------
// Labels

// Marks that a copy from a web page or a right-to-left cell may bring along (LRM, RLM, ALM, zero
// widths, isolates, embeddings, the byte-order mark) and Arabic's tatweel: never part of a label.
const INVISIBLE = /[\u061C\u0640\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

/**
 * A label as it is compared: without accents or Arabic vowel marks (typed or not, "أُدرج" and
 * "أدرج", "Retirée" and "Retiree" are one), without invisible marks, in lower case, with single
 * spaces (no-break spaces included).
 */
export function labelKey(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(INVISIBLE, "").replace(/\s+/gu, " ").trim().toLowerCase();
}

let labels: Map<string, Disposition | null> | null = null;

/**
 * Every way a disposition may be written in the sheet, by its label key: its label in each of the
 * six languages (consolidation:dispositions.*, as the table is written in its reader's language),
 * its stored value ("partly_reflected", also with a space or a hyphen), and "No disposition yet"
 * (none). Built once; a label that means two dispositions would make the import guess, so it throws.
 */
export function dispositionLabels(): Map<string, Disposition | null> {
  if (labels) return labels;
  const table = new Map<string, Disposition | null>();
  const add = (text: string, disposition: Disposition | null) => {
    const key = labelKey(text);
    if (!key) return;
    if (table.has(key) && table.get(key) !== disposition) throw new Error(`Two dispositions are written "${text}"`);
    table.set(key, disposition);
  };
  for (const disposition of DISPOSITIONS) {
    add(disposition, disposition);
    add(disposition.replace(/_/g, " "), disposition);
    add(disposition.replace(/_/g, "-"), disposition);
  }
  for (const language of LANGUAGE_CODES) {
    const t = fixedTranslator(language, "consolidation");
    for (const disposition of DISPOSITIONS) add(t(`consolidation:dispositions.${disposition}`), disposition);
    add(t("consolidation:disposition.none"), null);
  }
  labels = table;
  return table;
}

/** The disposition a cell names: a disposition, null for none (an empty cell), or undefined when it names none of them. */
export function dispositionFromLabel(text: string): Disposition | null | undefined {
  const key = labelKey(text);
  if (key === "") return null;
  const found = dispositionLabels().get(key);
  return found === undefined ? undefined : found;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** What a refused value looks like in a message: at most 60 characters, on one line, without invisible marks. */
function shown(text: string): string {
  const line = text.replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
  const chars = [...line];
  return chars.length > 60 ? `${chars.slice(0, 59).join("")}…` : line;
}

export type ParsedRows = { ok: true; entries: ImportEntry[] } | { ok: false; problems: ImportProblem[] };

/**
 * Reads every row: the comment id (one row per comment), the disposition from its label in any of
 * the six languages or its value (empty: none), the observations checked as the side-by-side's
 * form checks them (at most MAX_OBSERVATION characters, no control or text-direction characters,
 * and never without a disposition). Every problem of every row is reported, each with its row
 * number; with any problem, no entry is returned: the file is corrected and uploaded again.
 */
export function parseDispositionRows(rows: readonly SheetRow[]): ParsedRows {
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problems: [problem(null, "tooManyRows", { max: MAX_IMPORT_ROWS })] };
  const problems: ImportProblem[] = [];
  const entries: ImportEntry[] = [];
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const before = problems.length;
    const id = row.id.trim().toLowerCase();
    if (id === "") problems.push(problem(row.rowNumber, "missingId"));
    else if (!isUuid(id)) problems.push(problem(row.rowNumber, "invalidId"));
    else if (firstRow.has(id)) problems.push(problem(row.rowNumber, "duplicateId", { first: firstRow.get(id)! }));
    else firstRow.set(id, row.rowNumber);

    const disposition = dispositionFromLabel(row.dispositionLabel);
    if (disposition === undefined) problems.push(problem(row.rowNumber, "unknownDisposition", { value: shown(row.dispositionLabel) }));

    const checked = checkShortText(row.observation, MAX_OBSERVATION);
    if (!checked.ok) {
      problems.push(
        checked.reason === "too_long" ? problem(row.rowNumber, "observationTooLong", { max: MAX_OBSERVATION }) : problem(row.rowNumber, "observationInvalid"),
      );
    } else if (disposition === null && checked.text !== null) {
      // As on the side-by-side: observations explain a disposition, and alone they would be lost.
      problems.push(problem(row.rowNumber, "observationWithoutDisposition"));
    }
    if (problems.length === before && disposition !== undefined && checked.ok) {
      entries.push({ rowNumber: row.rowNumber, commentId: id, disposition, observation: checked.text });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, entries };
}

/** Why the model (app/models/disposition.server.ts, importDispositions) refuses a row. */
export type RowRefusal =
  | "not_found"
  | "changed_meanwhile"
  | "duplicate_id"
  | "invalid_id"
  | "invalid_disposition"
  | "observation_too_long"
  | "observation_invalid"
  | "observation_without_disposition";

const REFUSALS: Record<RowRefusal, ImportErrorKey> = {
  not_found: "notFound",
  changed_meanwhile: "changedMeanwhile",
  duplicate_id: "duplicateId",
  invalid_id: "invalidId",
  invalid_disposition: "unknownDisposition",
  observation_too_long: "observationTooLong",
  observation_invalid: "observationInvalid",
  observation_without_disposition: "observationWithoutDisposition",
};

/** The message of a row the model refused, as the parser words the same problem. */
export function refusedRow(refused: { rowNumber: number; reason: RowRefusal; first?: number }): ImportProblem {
  const { rowNumber } = refused;
  const key = REFUSALS[refused.reason];
  const values: Record<string, string | number> =
    key === "observationTooLong"
      ? { max: MAX_OBSERVATION }
      : key === "duplicateId"
        ? { first: refused.first ?? rowNumber }
        : key === "unknownDisposition"
          ? { value: "" }
          : {};
  return problem(rowNumber, key, values);
}

/**
 * The uploaded file's name as the page repeats it: its last path component, without control or
 * text-direction characters (which can disguise it), at most 200 characters.
 */
export function uploadedName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...base];
  return chars.length === 0 ? "comment-resolution.xlsx" : chars.length > 200 ? `${chars.slice(0, 199).join("")}…` : base;
}
