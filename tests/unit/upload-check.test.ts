import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { checkUpload, cleanFilename, DOCX_MEDIA_TYPE, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES, zipEntries } from "~/lib/upload-check";
import { noteAsDocx, peruNote } from "./submission-import.fixtures";

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** An OLE compound file (the container of .doc, .msg and encrypted Office files) naming `stream`. */
const ole = (stream: string) =>
  concat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), new Uint8Array(504), utf16le(stream), new Uint8Array(512));

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The Word document with more parts added, as Word saves a .docm. */
async function withParts(bytes: Uint8Array, files: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array" });
}

describe("checkUpload", () => {
  it("accepts a Word document by its content, whatever its name", async () => {
    const bytes = await noteAsDocx(peruNote);
    expect(checkUpload({ name: "Nota 5-12-M-087.docx", bytes })).toEqual({
      ok: true,
      kind: "docx",
      mediaType: DOCX_MEDIA_TYPE,
      filename: "Nota 5-12-M-087.docx",
    });
    expect(checkUpload({ name: "attachment.bin", bytes })).toMatchObject({ ok: true, kind: "docx" });
    expect(zipEntries(bytes)?.map((e) => e.name)).toContain("word/document.xml");
  });

  it("refuses an empty file and one over 10 MB", () => {
    expect(checkUpload({ name: "note.docx", bytes: new Uint8Array() })).toMatchObject({ ok: false, reason: "empty" });
    const big = checkUpload({ name: "note.txt", bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61) });
    expect(big).toEqual({ ok: false, reason: "too_large", message: "submissions:import.upload.tooLarge", values: { maxMegabytes: 10 } });
    expect(checkUpload({ name: "note.txt", bytes: new Uint8Array(MAX_UPLOAD_BYTES).fill(0x61) })).toMatchObject({ ok: true });
  });

  it("refuses old binary Word, password-protected documents and Outlook messages, saying what to do", () => {
    expect(checkUpload({ name: "note.doc", bytes: ole("WordDocument") })).toMatchObject({
      ok: false,
      reason: "legacy_word",
      message: "submissions:import.upload.legacyWord",
    });
    expect(checkUpload({ name: "note.docx", bytes: ole("EncryptedPackage") })).toMatchObject({ reason: "encrypted" });
    expect(checkUpload({ name: "Comments from Peru.msg", bytes: ole("__substg1.0_0037001F") })).toMatchObject({ reason: "email_message" });
    expect(checkUpload({ name: "book.xls", bytes: ole("Workbook") })).toMatchObject({ reason: "unsupported" });
  });

  it("refuses a PDF (paste its text instead) and RTF", () => {
    expect(checkUpload({ name: "note.pdf", bytes: utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj") })).toMatchObject({
      reason: "pdf",
      message: "submissions:import.upload.pdf",
    });
    expect(checkUpload({ name: "note.docx", bytes: utf8("\r\n%PDF-1.4\n") })).toMatchObject({ reason: "pdf" });
    expect(checkUpload({ name: "note.rtf", bytes: utf8("{\\rtf1\\ansi Peru}") })).toMatchObject({ reason: "rtf" });
  });

  it("refuses macro-enabled documents, even renamed .docx", async () => {
    const docm = await withParts(await noteAsDocx(peruNote), { "word/vbaProject.bin": "Attribute VB_Name" });
    expect(checkUpload({ name: "note.docx", bytes: docm })).toMatchObject({ ok: false, reason: "macro" });
    const activeX = await withParts(await noteAsDocx(peruNote), { "word/activeX/activeX1.xml": "<ax/>" });
    expect(checkUpload({ name: "note.docx", bytes: activeX })).toMatchObject({ reason: "macro" });
  });

  it("refuses other archives: spreadsheets, OpenDocument, and ZIPs of anything", async () => {
    expect(checkUpload({ name: "c.xlsx", bytes: await zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>" }) })).toMatchObject({
      reason: "other_document",
    });
    expect(checkUpload({ name: "c.odt", bytes: await zipOf({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<c/>" }) })).toMatchObject({
      reason: "other_document",
    });
    expect(checkUpload({ name: "c.zip", bytes: await zipOf({ "comments.docx": "x" }) })).toMatchObject({ reason: "unsupported" });
  });

  it("refuses a damaged ZIP and one that claims to unpack to far more than a note", async () => {
    const bytes = await noteAsDocx(peruNote);
    expect(checkUpload({ name: "note.docx", bytes: bytes.subarray(0, bytes.length - 30) })).toMatchObject({ reason: "unreadable" });
    // Rewrite the uncompressed size of the first central directory entry to 300 MB.
    const bomb = bytes.slice();
    const view = new DataView(bomb.buffer);
    for (let i = bomb.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        const directory = view.getUint32(i + 16, true);
        view.setUint32(directory + 24, 300 * 1024 * 1024, true);
        break;
      }
    }
    expect(checkUpload({ name: "note.docx", bytes: bomb })).toMatchObject({ reason: "unreadable" });
  });

  it("accepts UTF-8 and UTF-16 text, without its byte-order mark", () => {
    expect(checkUpload({ name: "note.txt", bytes: utf8("\uFEFFTema 2 del programa\n(a) Apoyado.") })).toEqual({
      ok: true,
      kind: "text",
      mediaType: "text/plain; charset=utf-8",
      filename: "note.txt",
      text: "Tema 2 del programa\n(a) Apoyado.",
    });
    const arabic = "البند 2 من جدول الأعمال";
    expect(checkUpload({ name: "note.txt", bytes: concat(Uint8Array.from([0xff, 0xfe]), utf16le(arabic)) })).toMatchObject({
      ok: true,
      text: arabic,
    });
  });

  it("refuses text that is not UTF-8, binary files, web pages, saved emails and blank files", () => {
    // "Perú" in Windows-1252.
    expect(checkUpload({ name: "note.txt", bytes: Uint8Array.from([0x50, 0x65, 0x72, 0xfa]) })).toMatchObject({
      reason: "text_encoding",
      message: "submissions:import.upload.textEncoding",
    });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(checkUpload({ name: "scan.png", bytes: png })).toMatchObject({ reason: "unsupported" });
    expect(checkUpload({ name: "note.html", bytes: utf8("<!DOCTYPE html><html><body>Hi</body></html>") })).toMatchObject({
      reason: "unsupported",
    });
    const eml = "From: Mission <pm@example.org>\nTo: unodc@example.org\nSubject: Comments\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=x\n\n--x";
    expect(checkUpload({ name: "mail.eml", bytes: utf8(eml) })).toMatchObject({ reason: "email_message" });
    expect(checkUpload({ name: "note.txt", bytes: utf8(" \n\t\n") })).toMatchObject({ reason: "empty" });
  });

  it("has every reason's message in every language", () => {
    for (const language of LANGUAGE_CODES) {
      const file = JSON.parse(readFileSync(path.resolve(__dirname, `../../locales/${language}/submissions.json`), "utf8"));
      for (const key of Object.values(UPLOAD_MESSAGES)) {
        const value = key
          .replace("submissions:", "")
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], file);
        expect(typeof value, `${language}: ${key}`).toBe("string");
      }
    }
  });
});

describe("cleanFilename", () => {
  it("keeps the last path component, without characters that disguise it", () => {
    expect(cleanFilename("C:\\fakepath\\Nota 087.docx", "docx")).toBe("Nota 087.docx");
    expect(cleanFilename("../../etc/passwd", "text")).toBe("passwd");
    // "comments‮xcod.exe" shows as "commentsexe.docx" in a right-to-left override.
    expect(cleanFilename("comments\u202Excod.exe", "docx")).toBe("commentsxcod.exe");
    expect(cleanFilename("تعليقات المغرب.docx", "docx")).toBe("تعليقات المغرب.docx");
  });

  it("shortens long names keeping the extension, and names a nameless file", () => {
    const long = `${"a".repeat(300)}.docx`;
    expect(cleanFilename(long, "docx")).toHaveLength(200);
    expect(cleanFilename(long, "docx").endsWith(".docx")).toBe(true);
    expect(cleanFilename("  ..  ", "docx")).toBe("submission.docx");
    expect(cleanFilename("", "text")).toBe("submission.txt");
  });
});
