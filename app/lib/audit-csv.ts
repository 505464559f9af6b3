// CSV as RFC 4180 writes it, for the audit log's export: UTF-8 with a byte order mark (without
// it Excel reads the file in the machine's legacy code page and garbles Arabic, Chinese and
// Russian), CRLF between records, every field quoted. Safe to open in a spreadsheet: a field that
// a spreadsheet would read as a formula (= + - @, or a tab or carriage return before one) is
// written with a leading apostrophe, so that it shows as text and never runs.

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: defused if it could be a formula, then quoted with its quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Records to one CSV text, the byte order mark first and a CRLF after every record. */
export function csvText(records: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return BOM + records.map((record) => record.map(csvField).join(",") + "\r\n").join("");
}

/** The file's bytes: UTF-8 (a lone surrogate becomes U+FFFD, as TextEncoder writes it). */
export function csvBytes(records: readonly (readonly (string | number | boolean | null | undefined)[])[]): Uint8Array {
  return new TextEncoder().encode(csvText(records));
}
