// What the archive's export, import and table declarations share: the database handle, the
// validation error, the mark an imported audit entry carries, and the small helpers.
import { ARCHIVE_ENUMS, IMPORT_ACTION, IMPORTED_MARK, type ArchiveProblem, type ArchiveUser } from "~/lib/archive-schema";
import type { Database } from "~/utils/db.server";

/** The audit action of an import; left out of exports, as it tells of this instance, not the consultation. */
export const IMPORT_AUDIT_ACTION = IMPORT_ACTION;

export type Db = Pick<Database, "select" | "insert" | "transaction">;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * What an imported audit entry's details hold under IMPORTED_MARK: the entry as the file gave it
 * (its time, its person as the file names them, its address), and who imported it (an account id
 * here; null from the command line) and when. The export gives the entry back as the file had it.
 */
export type ImportedMark = {
  at: string;
  actor: ArchiveUser | null;
  ipAddress: string | null;
  importedAt: string;
  importedBy: string | null;
};

export function importedMark(details: Record<string, unknown>): ImportedMark | null {
  const mark = details[IMPORTED_MARK];
  return mark && typeof mark === "object" && typeof (mark as ImportedMark).at === "string" ? (mark as ImportedMark) : null;
}

/** The file is not an archive this instance can import: each problem with its JSON path. */
export class ArchiveValidationError extends Error {
  constructor(readonly problems: ArchiveProblem[]) {
    super(
      `The archive cannot be imported: ${problems
        .slice(0, 10)
        .map((p) => `${p.path}: ${p.message}`)
        .join("; ")}${problems.length > 10 ? `; and ${problems.length - 10} more` : ""}`,
    );
    this.name = "ArchiveValidationError";
  }
}

type LanguageTexts = Partial<Record<(typeof ARCHIVE_ENUMS.language)[number], string>>;

/**
 * A column of texts in other languages as the file writes it: `{ [key]: texts }` with the texts in
 * the order of the languages (the same data, the same file), or nothing when there is none (a file
 * an older instance still reads).
 */
export function languageTexts<K extends string>(key: K, texts: LanguageTexts | null | undefined): { [P in K]?: LanguageTexts } {
  const ordered: LanguageTexts = {};
  for (const code of ARCHIVE_ENUMS.language) if (typeof texts?.[code] === "string") ordered[code] = texts[code];
  return (Object.keys(ordered).length ? { [key]: ordered } : {}) as { [P in K]?: LanguageTexts };
}

export const iso = (value: Date) => value.toISOString();
export const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);
export const at = (value: string) => new Date(value);
export const atOrNull = (value: string | null) => (value === null ? null : new Date(value));

export const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

// Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table; files by size.
export const ROWS_PER_INSERT = 500;
export const BYTES_PER_INSERT = 8 * 1024 * 1024;
// Ids per `IN (…)` when looking for ids this instance already holds.
export const IDS_PER_QUERY = 5_000;

export function chunks<T>(rows: T[], size = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Rows of ROWS_PER_INSERT at most, and of BYTES_PER_INSERT at most unless one row alone is larger. */
export function chunksBySize<T>(rows: T[], bytesOf: (row: T) => number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = bytesOf(row);
    if (current.length && (bytes + size > BYTES_PER_INSERT || current.length >= ROWS_PER_INSERT)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}
