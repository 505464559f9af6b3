// Receipt numbers of submissions: "CTOC-2020-PER-0001" is the consultation's receipt prefix, the
// delegation's code (ISO 3166 alpha-3, or EU) and the consultation's running number of receipts,
// at least four digits. Pure: the sequence itself comes from the database (receipt_counters).

/**
 * A consultation's receipt prefix ("CTOC-2020"). The consultation form is stricter (2–12
 * characters, then up to three parts); this accepts any upper-case parts joined by hyphens, so
 * that a prefix written by other means still gives receipts.
 */
const PREFIX = /^[A-Z0-9]{1,20}(?:-[A-Z0-9]{1,20}){0,5}$/;
/** A delegation's code: ISO 3166-1 alpha-3, or a two-letter code such as EU. */
const DELEGATION_CODE = /^[A-Z]{2,3}$/;
const RECEIPT = /^([A-Z0-9]{1,20}(?:-[A-Z0-9]{1,20}){0,5})-([A-Z]{2,3})-(\d{4,})$/;

export const RECEIPT_SEQUENCE_DIGITS = 4;

export type ReceiptParts = { prefix: string; delegationCode: string; sequence: number };

/** "CTOC-2020-PER-0001"; a sequence past 9999 simply gets more digits ("CTOC-2020-PER-10000"). */
export function formatReceiptNumber(parts: ReceiptParts): string {
  if (!PREFIX.test(parts.prefix)) throw new Error(`receipt: bad prefix ${JSON.stringify(parts.prefix)}`);
  if (!DELEGATION_CODE.test(parts.delegationCode)) throw new Error(`receipt: bad delegation code ${JSON.stringify(parts.delegationCode)}`);
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1) throw new Error(`receipt: bad sequence ${parts.sequence}`);
  return `${parts.prefix}-${parts.delegationCode}-${String(parts.sequence).padStart(RECEIPT_SEQUENCE_DIGITS, "0")}`;
}

/**
 * The parts of a receipt number as a person may type it (any case, spaces around), or null when
 * it is not one. Only the canonical spelling is accepted back ("0001", not "00001" or "1"), so
 * that one receipt has one spelling.
 */
export function parseReceiptNumber(value: string): ReceiptParts | null {
  const normalized = value.trim().toUpperCase();
  const match = RECEIPT.exec(normalized);
  if (!match) return null;
  const parts = { prefix: match[1]!, delegationCode: match[2]!, sequence: Number(match[3]) };
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1) return null;
  return formatReceiptNumber(parts) === normalized ? parts : null;
}

/** Whether a text is a receipt number in its canonical spelling. */
export function isReceiptNumber(value: string): boolean {
  return parseReceiptNumber(value) !== null && value === value.trim().toUpperCase();
}
