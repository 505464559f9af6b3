// Checks a file the secretariat uploads as a submission received by email, by its content (the
// name and the browser's media type can say anything): a Word document (.docx) or plain text.
// Pure: works on the bytes, with no I/O and no library, so the browser can give the same answer
// before uploading. Whether mammoth can read the document is the last check, made on the server
// by app/documents/docx-reader.ts (readSubmissionFile).

/** 10 MB: a note verbale with comments is well under 1 MB; images bring large ones to a few MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** A document that claims to expand to more than this is a forged or damaged archive. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/**
 * What a note may really expand to when unzipped: its text (word/document.xml) and everything in
 * the file. A long note with comments has well under 1 MB of text; beyond these it is a report or
 * a zip bomb. The server enforces both while inflating (app/documents/docx-inflate.ts), whatever
 * the archive claims.
 */
export const MAX_DOCUMENT_XML_BYTES = 30 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 50 * 1024 * 1024;

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const TEXT_MEDIA_TYPE = "text/plain; charset=utf-8";

export type UploadRejection =
  | "empty"
  | "too_large"
  | "legacy_word"
  | "pdf"
  | "macro"
  | "encrypted"
  | "rtf"
  | "other_document"
  | "email_message"
  | "text_encoding"
  | "unreadable"
  | "unsupported"
  /** Expands beyond MAX_DOCUMENT_XML_BYTES or MAX_INFLATED_BYTES when unzipped. */
  | "unpacked_too_large"
  /** More paragraphs or XML elements than a note verbale could have. */
  | "too_many_paragraphs"
  /** The reader ran out of its time or memory on it (app/utils/docx-in-worker.server.ts). */
  | "too_complex";

export type UploadCheck =
  | { ok: true; kind: "docx"; mediaType: typeof DOCX_MEDIA_TYPE; filename: string }
  | { ok: true; kind: "text"; mediaType: typeof TEXT_MEDIA_TYPE; filename: string; text: string }
  | { ok: false; reason: UploadRejection; message: string; values: { maxMegabytes: number; maxUnpackedMegabytes?: number } };

/** The translation key that explains each rejection and what to do instead. */
export const UPLOAD_MESSAGES: Record<UploadRejection, string> = {
  empty: "submissions:import.upload.empty",
  too_large: "submissions:import.upload.tooLarge",
  legacy_word: "submissions:import.upload.legacyWord",
  pdf: "submissions:import.upload.pdf",
  macro: "submissions:import.upload.macro",
  encrypted: "submissions:import.upload.encrypted",
  rtf: "submissions:import.upload.rtf",
  other_document: "submissions:import.upload.otherDocument",
  email_message: "submissions:import.upload.emailMessage",
  text_encoding: "submissions:import.upload.textEncoding",
  unreadable: "submissions:import.upload.unreadable",
  unsupported: "submissions:import.upload.unsupported",
  unpacked_too_large: "submissions:import.upload.unpackedTooLarge",
  too_many_paragraphs: "submissions:import.upload.tooManyParagraphs",
  too_complex: "submissions:import.upload.tooComplex",
};

export function rejectUpload(reason: UploadRejection): Extract<UploadCheck, { ok: false }> {
  const maxMegabytes = MAX_UPLOAD_BYTES / (1024 * 1024);
  const values = reason === "unpacked_too_large" ? { maxMegabytes, maxUnpackedMegabytes: MAX_DOCUMENT_XML_BYTES / (1024 * 1024) } : { maxMegabytes };
  return { ok: false, reason, message: UPLOAD_MESSAGES[reason], values };
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

function indexOf(bytes: Uint8Array, pattern: Uint8Array, from = 0): number {
  const first = pattern[0];
  outer: for (let i = bytes.indexOf(first ?? 0, from); i >= 0 && i <= bytes.length - pattern.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
// Names in an OLE compound file's directory are UTF-16LE.
const utf16 = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = ascii("%PDF-");
const RTF = [...ascii("{\\rtf")];

export type ZipEntry = {
  name: string;
  /** As the central directory says: an archive can lie about both sizes. */
  compressedSize: number;
  size: number;
  encrypted: boolean;
  /** 0 stored, 8 deflated (the only two Word writes). */
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
};

/**
 * The entries of a ZIP file, from its central directory (read, not decompressed). Null when
 * the directory cannot be found or is inconsistent, or uses ZIP64 (which no Word document of
 * this size needs).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > end) return null;

  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) return null;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeader = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > end) return null;
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressedSize, size: uncompressed, encrypted: (flags & 1) === 1, method, offset: localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What a ZIP file is: a Word document, or the reason it is refused. */
function checkZip(bytes: Uint8Array): UploadRejection | "docx" {
  const entries = zipEntries(bytes);
  if (!entries) return "unreadable";
  const names = new Set(entries.map((e) => e.name));
  if (entries.some((e) => e.encrypted)) return "encrypted";
  // Macros (.docm, or a .docm renamed) and ActiveX controls: code, not text.
  if (entries.some((e) => /(?:^|\/)vbaProject\.bin$|(?:^|\/)vbaData\.xml$|^word\/activeX\//i.test(e.name))) return "macro";
  if (!names.has("word/document.xml") || !names.has("[Content_Types].xml")) {
    // A spreadsheet, a presentation, an OpenDocument text, or any other archive.
    return [...names].some((n) => /^(?:xl|ppt)\//.test(n)) || names.has("mimetype") ? "other_document" : "unsupported";
  }
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  const packed = entries.reduce((sum, e) => sum + e.compressedSize, 0);
  if (unpacked > MAX_UNPACKED_BYTES || (packed > 0 && unpacked / packed > 1000)) return "unreadable";
  // An honest archive says how large it will be: refuse now, in the browser too, what the server
  // would stop inflating anyway.
  const text = entries.find((e) => e.name === "word/document.xml")?.size ?? 0;
  if (text > MAX_DOCUMENT_XML_BYTES || unpacked > MAX_INFLATED_BYTES) return "unpacked_too_large";
  return "docx";
}

/** What an OLE compound file is: old binary Word, an encrypted document or an Outlook message. */
function checkOle(bytes: Uint8Array): UploadRejection {
  // Word and Office save a password-protected .docx inside an OLE file, as "EncryptedPackage".
  if (indexOf(bytes, utf16("EncryptedPackage")) >= 0) return "encrypted";
  if (indexOf(bytes, utf16("__substg1.0_")) >= 0) return "email_message";
  if (indexOf(bytes, utf16("WordDocument")) >= 0) return "legacy_word";
  return "unsupported";
}

/** Decodes plain text: UTF-8 (with or without its mark) or UTF-16 with its mark. */
function decodeText(bytes: Uint8Array): { text: string } | { rejection: UploadRejection } {
  try {
    if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2)) };
    if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2)) };
    // A NUL byte never occurs in UTF-8 text: this is some binary format.
    if (bytes.includes(0)) return { rejection: "unsupported" };
    // The decoder drops a leading byte-order mark.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { rejection: "text_encoding" };
  }
}

// An email saved as a file (.eml): headers, then MIME parts that may be base64.
const EMAIL_HEADERS = /^(?:(?:Received|Return-Path|From|To|Subject|Date|Message-ID|MIME-Version|Content-Type):[^\n]*\n)+/i;

function checkText(text: string): UploadRejection | null {
  const head = text.slice(0, 2000).trimStart();
  if (head.trim() === "") return "empty";
  if (/^<(?:!doctype\s+html|html[\s>])/i.test(head)) return "unsupported";
  if (EMAIL_HEADERS.test(head.replace(/\r\n?/g, "\n")) && /^MIME-Version:/im.test(head)) return "email_message";
  return null;
}

/**
 * The name to keep the file under: its last path component, without control or bidi-override
 * characters (which can disguise an extension), at most 200 characters, extension kept.
 */
export function cleanFilename(name: string, kind: "docx" | "text"): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const fallback = kind === "docx" ? "submission.docx" : "submission.txt";
  if (base === "") return fallback;
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, 200 - extension.length) + extension;
}

/**
 * Checks an uploaded file by its content. A DOCX is a ZIP with word/document.xml and no macros;
 * text is UTF-8 (or UTF-16 with a byte-order mark). Old Word (.doc), PDF, RTF, macro-enabled and
 * password-protected documents, Outlook messages and everything else are refused, each with a
 * translated reason that says what to do instead.
 */
export function checkUpload(file: { name: string; bytes: Uint8Array }): UploadCheck {
  const { bytes } = file;
  if (bytes.length === 0) return rejectUpload("empty");
  if (bytes.length > MAX_UPLOAD_BYTES) return rejectUpload("too_large");

  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) {
    const zip = checkZip(bytes);
    if (zip !== "docx") return rejectUpload(zip);
    return { ok: true, kind: "docx", mediaType: DOCX_MEDIA_TYPE, filename: cleanFilename(file.name, "docx") };
  }
  if (startsWith(bytes, OLE)) return rejectUpload(checkOle(bytes));
  // PDF files may have a few bytes of junk before their header.
  if (indexOf(bytes.subarray(0, 1024), PDF) >= 0) return rejectUpload("pdf");
  if (startsWith(bytes, RTF) || startsWith(bytes, [0xef, 0xbb, 0xbf, ...RTF])) return rejectUpload("rtf");

  const decoded = decodeText(bytes);
  if ("rejection" in decoded) return rejectUpload(decoded.rejection);
  const problem = checkText(decoded.text);
  if (problem) return rejectUpload(problem);
  return {
    ok: true,
    kind: "text",
    mediaType: TEXT_MEDIA_TYPE,
    filename: cleanFilename(file.name, "text"),
    text: decoded.text.replace(/^\uFEFF/, ""),
  };
}
