// Hostile Word documents for the reader's limits: a small file whose text inflates to ~190 MB
// (issue 12: 554 KB on disk, 47 s of a blocked server, then out of memory), with honest sizes in
// its ZIP headers or lying ones, and documents with more paragraphs or elements than a note.
// The ZIP is written here with node:zlib, streaming, because jszip takes 7 s (and ~600 MB) to
// deflate 190 MB; the small documents are written with jszip as before.
import { once } from "node:events";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import JSZip from "jszip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`;
const TAIL = `</w:body></w:document>`;

type Part = { name: string; packed: Uint8Array; crc: number; size: number; claimedSize?: number };

const packedPart = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, packed: deflateRawSync(data), crc: crc32(data), size: data.length };
};

/** A ZIP of deflated parts; `claimedSize` is what the headers say the part inflates to. */
function zipOf(parts: Part[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const size = part.claimedSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, part.packed);
    directory.push(central, name);
    offset += 30 + name.length + part.packed.length;
  }
  const directorySize = directory.reduce((sum, c) => sum + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...directory, end]));
}

/**
 * A .docx whose word/document.xml inflates to `megabytes` MB of ordinary paragraphs, deflated
 * a megabyte at a time (nothing of that size is ever held here). With `claimedSize`, the ZIP
 * headers say the text is that many bytes instead.
 */
export async function bombDocx(megabytes: number, options: { claimedSize?: number } = {}): Promise<Uint8Array> {
  const paragraph = `<w:p><w:r><w:t xml:space="preserve">The delegation supports the proposal in paragraph 12 and suggests adding the words "in all official languages". </w:t></w:r></w:p>`;
  const chunk = Buffer.from(paragraph.repeat(Math.floor((1024 * 1024) / paragraph.length)));
  const deflate = createDeflateRaw({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on("data", (data: Buffer) => packed.push(data));
  let crc = 0;
  let size = 0;
  const write = async (data: Buffer) => {
    crc = crc32(data, crc);
    size += data.length;
    if (!deflate.write(data)) await once(deflate, "drain");
  };
  await write(Buffer.from(HEAD));
  for (let i = 0; i < megabytes; i++) await write(chunk);
  await write(Buffer.from(TAIL));
  deflate.end();
  await once(deflate, "end");
  const document: Part = { name: "word/document.xml", packed: Buffer.concat(packed), crc, size, claimedSize: options.claimedSize };
  return zipOf([packedPart("[Content_Types].xml", CONTENT_TYPES), packedPart("_rels/.rels", RELS), document]);
}

/** A small, well-formed .docx written by zipOf: proves the writer makes files mammoth reads. */
export function plainDocx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join("");
  return zipOf([packedPart("[Content_Types].xml", CONTENT_TYPES), packedPart("_rels/.rels", RELS), packedPart("word/document.xml", HEAD + body + TAIL)]);
}

/** A .docx (jszip) with the given body XML: small on disk and in text, but with many elements. */
export async function docxWithBody(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file("_rels/.rels", RELS);
  zip.file("word/document.xml", HEAD + body + TAIL);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** `count` paragraphs of one short sentence each. */
export const manyParagraphs = (count: number) => docxWithBody(`<w:p><w:r><w:t>Supported.</w:t></w:r></w:p>`.repeat(count));

/** One paragraph of `runs` runs: few paragraphs, but as many elements as a whole report. */
export const manyRuns = (runs: number) => docxWithBody(`<w:p>${`<w:r><w:t>word </w:t></w:r>`.repeat(runs)}</w:p>`);
