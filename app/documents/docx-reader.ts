// Reads a Word document received by email into the paragraphs the submission import works on
// (app/lib/submission-import.ts): bytes in, paragraphs out. mammoth parses the document; we walk
// its document tree rather than its HTML, to keep what the import needs: heading styles (or a
// short bold line standing for a heading), list items, struck-through runs (how delegations mark
// words they would delete), table cells in reading order, and footnotes. Images are dropped and
// counted. Tracked changes are read as accepted, which is what mammoth does.
//
// No I/O: mammoth works on the bytes in memory and is never given a path (so it cannot follow
// links to external files). Before mammoth, the parts are inflated with a ceiling and counted
// (app/documents/docx-inflate.ts); the server calls this in a worker thread with its own time and
// memory limits (app/utils/docx-in-worker.server.ts).

import mammoth from "mammoth";
import { inspectDocx } from "~/documents/docx-inflate";
import { checkUpload, rejectUpload, type UploadCheck, type UploadRejection, DOCX_MEDIA_TYPE, TEXT_MEDIA_TYPE } from "~/lib/upload-check";
import { cleanImportedText, paragraphsFromText, type ImportWarning, type SourceParagraph } from "~/lib/submission-import";

export type DocxReadWarning =
  | ImportWarning
  | { code: "images_removed"; count: number }
  | { code: "tables_flattened"; count: number }
  | { code: "footnotes_appended"; count: number }
  /** mammoth's own messages (English), e.g. an element it does not understand. */
  | { code: "reader"; message: string };

export type DocxReadResult =
  | { ok: true; paragraphs: SourceParagraph[]; warnings: DocxReadWarning[] }
  | { ok: false; reason: Extract<UploadRejection, "unreadable" | "unpacked_too_large" | "too_many_paragraphs"> };

// The parts of mammoth's document model that we read (lib/documents.js).
type MammothNode = {
  type: string;
  children?: MammothNode[];
  value?: string;
  breakType?: "line" | "page" | "column";
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  isBold?: boolean;
  isStrikethrough?: boolean;
  noteType?: string;
  noteId?: string;
  body?: MammothNode[];
};
type MammothDocument = MammothNode & { notes?: { resolve(reference: MammothNode): MammothNode | null } };

// Word stores its built-in style names in English whatever the interface language; documents
// made from templates in other languages may still carry translated names. UN templates use
// "H1_G", "HCh_G" and the like.
const HEADING_STYLE = /^(?:heading|titre|t[íi]tulo|titolo|überschrift|заголовок|标题|عنوان)\s*(\d)$|^_?\s*_?H_?(Ch|\d)(?:_|\b)/iu;

function headingLevel(node: MammothNode): number | null {
  for (const name of [node.styleName, node.styleId]) {
    if (!name) continue;
    if (/^(?:title|titre|t[íi]tulo)$/i.test(name)) return 1;
    if (/^subtitle$/i.test(name)) return 2;
    const m = HEADING_STYLE.exec(name.trim()) ?? /^Heading(\d)$/i.exec(name.trim());
    if (m) {
      const level = m[1] ?? m[2];
      return level === "Ch" ? 1 : Number(level);
    }
  }
  return null;
}

type Collected = {
  text: string;
  withoutStruck: string;
  hasStruck: boolean;
  boldChars: number;
  plainChars: number;
  images: number;
  notes: MammothNode[];
};

/** The text of a paragraph, walking runs, hyperlinks and the other inline containers. */
function collect(node: MammothNode, run: { bold: boolean; struck: boolean }, into: Collected): void {
  const add = (s: string) => {
    into.text += s;
    if (!run.struck) into.withoutStruck += s;
    else into.hasStruck = true;
    const visible = s.replace(/\s/g, "").length;
    if (run.bold) into.boldChars += visible;
    else into.plainChars += visible;
  };
  switch (node.type) {
    case "text":
      add(node.value ?? "");
      return;
    case "tab":
      add(" ");
      return;
    case "break":
      add(node.breakType === "line" ? "\n" : " ");
      return;
    case "image":
      into.images++;
      return;
    case "noteReference":
      into.notes.push(node);
      return;
    case "run":
      for (const child of node.children ?? []) collect(child, { bold: !!node.isBold, struck: !!node.isStrikethrough }, into);
      return;
    default:
      // Hyperlinks, fields, content controls and other containers: their runs carry the text.
      for (const child of node.children ?? []) collect(child, run, into);
  }
}

/** A short line in bold stands for a heading in documents that use no heading styles. */
function isBoldHeading(c: Collected, text: string): boolean {
  return c.boldChars > 0 && c.plainChars === 0 && !text.includes("\n") && text.length <= 150 && !/[.。;；]$/.test(text);
}

/** Reads a DOCX into paragraphs. Never throws: a file mammoth cannot open is "unreadable". */
export async function readDocx(bytes: Uint8Array): Promise<DocxReadResult> {
  // A zip bomb or a whole report is refused before mammoth builds anything.
  const inspected = inspectDocx(bytes);
  if (!inspected.ok) return { ok: false, reason: inspected.reason };
  const read: { document: MammothDocument | null } = { document: null };
  let messages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // We read the document tree and hand mammoth an empty body, so it renders no HTML and
        // encodes no images.
        transformDocument: (doc: MammothDocument) => {
          read.document = doc;
          return { ...doc, children: [] };
        },
      },
    );
    messages = result.messages;
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const root = read.document;
  if (!root) return { ok: false, reason: "unreadable" };

  const paragraphs: SourceParagraph[] = [];
  const removedControls: number[] = [];
  let images = 0;
  let tables = 0;
  const footnotes: { note: MammothNode; from: number }[] = [];
  // Place of each list item in its list: mammoth gives one object per list level, not the label.
  const listCounts = new Map<object, { level: number; count: number }>();

  const addParagraph = (node: MammothNode, inTable: boolean, footnoteOf: number | null) => {
    const c: Collected = { text: "", withoutStruck: "", hasStruck: false, boldChars: 0, plainChars: 0, images: 0, notes: [] };
    for (const child of node.children ?? []) collect(child, { bold: false, struck: false }, c);
    images += c.images;
    const cleaned = cleanImportedText(c.text);
    if (cleaned.text === "") return;
    const index = paragraphs.length;
    if (cleaned.removedControls) removedControls.push(index);

    let list: SourceParagraph["list"] = null;
    if (node.numbering && footnoteOf === null) {
      const level = Number(node.numbering.level) || 0;
      // A higher-level item restarts the numbering of the levels below it.
      for (const [key, entry] of listCounts) if (entry.level > level) listCounts.delete(key);
      const entry = listCounts.get(node.numbering) ?? { level, count: 0 };
      entry.count++;
      listCounts.set(node.numbering, entry);
      list = { level, ordered: node.numbering.isOrdered, ordinal: entry.count };
    }
    const level = headingLevel(node);
    const heading: SourceParagraph["heading"] =
      level !== null ? { level, by: "style" } : isBoldHeading(c, cleaned.text) ? { level: null, by: "emphasis" } : null;
    const withoutStruck = c.hasStruck ? cleanImportedText(c.withoutStruck).text : null;
    paragraphs.push({ text: cleaned.text, heading, list, withoutStruck, footnoteOf, inTable });
    for (const note of c.notes) footnotes.push({ note, from: index });
  };

  const walk = (nodes: readonly MammothNode[], inTable: boolean, footnoteOf: number | null) => {
    for (const node of nodes) {
      if (node.type === "paragraph") addParagraph(node, inTable, footnoteOf);
      else if (node.type === "table") {
        tables++;
        walk(node.children ?? [], true, footnoteOf);
      } else walk(node.children ?? [], inTable, footnoteOf);
    }
  };
  walk(root.children ?? [], false, null);

  // Footnotes and endnotes after the body, in the order they are referred to.
  let appended = 0;
  for (const { note, from } of footnotes) {
    const resolved = root.notes?.resolve(note);
    if (!resolved) continue;
    const before = paragraphs.length;
    walk(resolved.body ?? [], false, from);
    appended += paragraphs.length - before;
  }

  const warnings: DocxReadWarning[] = [];
  if (removedControls.length) warnings.push({ code: "controls_removed", paragraphs: removedControls });
  if (images) warnings.push({ code: "images_removed", count: images });
  if (tables) warnings.push({ code: "tables_flattened", count: tables });
  if (appended) warnings.push({ code: "footnotes_appended", count: appended });
  for (const message of [...new Set(messages.map((m) => m.message))].slice(0, 10)) {
    warnings.push({ code: "reader", message });
  }
  return { ok: true, paragraphs, warnings };
}

export type SubmissionFileRead =
  | {
      ok: true;
      kind: "docx" | "text";
      mediaType: typeof DOCX_MEDIA_TYPE | typeof TEXT_MEDIA_TYPE;
      /** The name to store the attachment under (cleaned). */
      filename: string;
      paragraphs: SourceParagraph[];
      warnings: DocxReadWarning[];
    }
  | Extract<UploadCheck, { ok: false }>;

/**
 * Checks an uploaded file (size and type by content) and reads it into paragraphs: what the
 * secretariat's import page calls with the bytes of the uploaded file.
 */
export async function readSubmissionFile(file: { name: string; bytes: Uint8Array }): Promise<SubmissionFileRead> {
  const checked = checkUpload(file);
  if (!checked.ok) return checked;
  if (checked.kind === "text") {
    const { paragraphs, warnings } = paragraphsFromText(checked.text);
    if (paragraphs.length === 0) return rejectUpload("empty");
    return { ok: true, kind: "text", mediaType: checked.mediaType, filename: checked.filename, paragraphs, warnings };
  }
  const read = await readDocx(file.bytes);
  if (!read.ok) return rejectUpload(read.reason);
  if (read.paragraphs.length === 0) return rejectUpload("empty");
  return { ok: true, kind: "docx", mediaType: checked.mediaType, filename: checked.filename, paragraphs: read.paragraphs, warnings: read.warnings };
}
