// Inflates a Word document's parts with a ceiling, before mammoth sees it. mammoth (through jszip)
// unzips whatever the archive holds and builds a tree of every XML element: a 500 KB file whose
// text honestly inflates to 190 MB kept the server busy for most of a minute and then took it down
// out of memory. Here each part is inflated by node:zlib, which stops as soon as the output passes
// the part's allowance (maxOutputLength: the stream is abandoned there, never inflated in full),
// whatever sizes the ZIP headers claim; and the elements and paragraphs of the XML parts are
// counted, so that a document with more than a note could ever have is refused before any tree is
// built. Only one part is held inflated at a time, and nothing is kept.
//
// The last line of defence is the worker thread that reads uploads (app/utils/docx-in-worker.server.ts).

import { inflateRawSync } from "node:zlib";
import { MAX_DOCUMENT_XML_BYTES, MAX_INFLATED_BYTES, zipEntries, type UploadRejection } from "~/lib/upload-check";

/** Raw `<w:p>` elements (empty ones, table cells and notes included); the review shows at most 1,000. */
export const MAX_DOCX_PARAGRAPHS = 10_000;
/**
 * XML elements in all parts together: a long note with comments has a few tens of thousands.
 * mammoth needs about 2 KB and 35 µs for each (300,000 took 11 s and 670 MB here).
 */
export const MAX_DOCX_ELEMENTS = 150_000;

export type DocxLimits = { documentXmlBytes: number; totalBytes: number; paragraphs: number; elements: number };
export const DOCX_LIMITS: DocxLimits = {
  documentXmlBytes: MAX_DOCUMENT_XML_BYTES,
  totalBytes: MAX_INFLATED_BYTES,
  paragraphs: MAX_DOCX_PARAGRAPHS,
  elements: MAX_DOCX_ELEMENTS,
};

export type DocxInspection =
  | { ok: true; inflatedBytes: number; paragraphs: number; elements: number }
  | { ok: false; reason: Extract<UploadRejection, "unreadable" | "unpacked_too_large" | "too_many_paragraphs"> };

const LOCAL_HEADER = 0x04034b50;
const isLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;
// After `<w:p`: a space, a line break, `>` or `/` (not `<w:pPr`, `<w:pStyle`…).
const endsName = (b: number | undefined) => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;

/** Start tags, and `<w:p>` among them, in an XML part (as bytes: no string of 30 MB is made). */
function countElements(xml: Uint8Array): { elements: number; paragraphs: number } {
  let elements = 0;
  let paragraphs = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    const next = xml[i + 1] ?? 0;
    if (!isLetter(next)) continue;
    elements++;
    if (next === 0x77 && xml[i + 2] === 0x3a && xml[i + 3] === 0x70 && endsName(xml[i + 4])) paragraphs++;
  }
  return { elements, paragraphs };
}

/**
 * Inflates every part of a DOCX within the limits and counts its XML elements and paragraphs.
 * Refuses (never throws) a damaged archive, one that inflates beyond the limits, and one with
 * more paragraphs or elements than a note.
 */
export function inspectDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): DocxInspection {
  const entries = zipEntries(bytes);
  if (!entries) return { ok: false, reason: "unreadable" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflatedBytes = 0;
  let paragraphs = 0;
  let elements = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    // The data follows the local header, whose name and extra field may differ from the directory's.
    const at = entry.offset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return { ok: false, reason: "unreadable" };
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) return { ok: false, reason: "unreadable" };
    const packed = bytes.subarray(start, end);

    const remaining = limits.totalBytes - inflatedBytes;
    const allowance = entry.name === "word/document.xml" ? Math.min(limits.documentXmlBytes, remaining) : remaining;
    let part: Uint8Array;
    if (entry.method === 0) {
      if (packed.length > allowance) return { ok: false, reason: "unpacked_too_large" };
      part = packed;
    } else if (entry.method === 8) {
      try {
        part = inflateRawSync(packed, { maxOutputLength: Math.max(1, allowance) });
      } catch (error) {
        const code = (error as { code?: string }).code;
        return { ok: false, reason: code === "ERR_BUFFER_TOO_LARGE" ? "unpacked_too_large" : "unreadable" };
      }
      if (part.length > allowance) return { ok: false, reason: "unpacked_too_large" };
    } else {
      return { ok: false, reason: "unreadable" };
    }
    inflatedBytes += part.length;

    if (/\.(?:xml|rels)$/i.test(entry.name)) {
      const counted = countElements(part);
      paragraphs += counted.paragraphs;
      elements += counted.elements;
      if (paragraphs > limits.paragraphs || elements > limits.elements) return { ok: false, reason: "too_many_paragraphs" };
    }
  }
  return { ok: true, inflatedBytes, paragraphs, elements };
}
