// Issue 12: a small Word file must cost one quick refusal, never the server. Its parts are
// inflated with a ceiling and counted before mammoth builds anything (app/documents/docx-inflate.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { inspectDocx, MAX_DOCX_ELEMENTS, MAX_DOCX_PARAGRAPHS } from "~/documents/docx-inflate";
import { readDocx, readSubmissionFile } from "~/documents/docx-reader";
import { checkUpload, MAX_DOCUMENT_XML_BYTES } from "~/lib/upload-check";
import { bombDocx, manyParagraphs, manyRuns, plainDocx } from "./docx-bomb.fixtures";

const MB = 1024 * 1024;

/** What `work` costs: wall time and how far the process's peak memory rose. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRiseMb: number }> {
  const peakBefore = process.resourceUsage().maxRSS; // KB
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  return { value, ms, peakRiseMb: (process.resourceUsage().maxRSS - peakBefore) / 1024 };
}

describe("a Word document that inflates far beyond a note", () => {
  let honest: Uint8Array;
  let lying: Uint8Array;
  beforeAll(async () => {
    honest = await bombDocx(190);
    // The same text, with headers that say it is 40 KB.
    lying = await bombDocx(190, { claimedSize: 40_000 });
  }, 60_000);

  it("is small on disk, as in the issue", () => {
    expect(honest.length).toBeLessThan(1 * MB);
    expect(lying.length).toBeLessThan(1 * MB);
  });

  it("is refused by the upload check when its headers are honest (in the browser too)", () => {
    expect(checkUpload({ name: "note.docx", bytes: honest })).toMatchObject({
      ok: false,
      reason: "unpacked_too_large",
      message: "submissions:import.upload.unpackedTooLarge",
      values: { maxMegabytes: 10, maxUnpackedMegabytes: 30 },
    });
  });

  it("passes the header check when they lie, and is then refused quickly while inflating, within bounded memory", async () => {
    expect(checkUpload({ name: "note.docx", bytes: lying })).toMatchObject({ ok: true, kind: "docx" });
    const { value, ms, peakRiseMb } = await measured(() => readDocx(lying));
    expect(value).toEqual({ ok: false, reason: "unpacked_too_large" });
    expect(ms).toBeLessThan(3_000);
    // Inflating stops at 30 MB: the 190 MB are never held, let alone parsed (which took GBs).
    expect(peakRiseMb).toBeLessThan(120);
  });

  it("is refused by the reader with honest headers too, and by readSubmissionFile with the translated reason", async () => {
    const { value, ms } = await measured(() => readDocx(honest));
    expect(value).toEqual({ ok: false, reason: "unpacked_too_large" });
    expect(ms).toBeLessThan(3_000);
    expect(await readSubmissionFile({ name: "note.docx", bytes: lying })).toEqual({
      ok: false,
      reason: "unpacked_too_large",
      message: "submissions:import.upload.unpackedTooLarge",
      values: { maxMegabytes: 10, maxUnpackedMegabytes: MAX_DOCUMENT_XML_BYTES / MB },
    });
  });

  it("is refused whatever the ceiling; a text just under it is inflated in full", async () => {
    const limits = { documentXmlBytes: 2 * MB, totalBytes: 3 * MB, paragraphs: 1e9, elements: 1e9 };
    expect(inspectDocx(await bombDocx(3), limits)).toEqual({ ok: false, reason: "unpacked_too_large" });
    expect(inspectDocx(await bombDocx(1), limits)).toMatchObject({ ok: true });
    // The total counts every part: a total ceiling below the text refuses it too.
    expect(inspectDocx(await bombDocx(1), { ...limits, totalBytes: MB / 2 })).toEqual({ ok: false, reason: "unpacked_too_large" });
  });
});

describe("a Word document with more paragraphs or elements than a note", () => {
  it("is refused before mammoth builds its tree", async () => {
    const { value, ms } = await measured(async () => readDocx(await manyParagraphs(MAX_DOCX_PARAGRAPHS + 1)));
    expect(value).toEqual({ ok: false, reason: "too_many_paragraphs" });
    expect(ms).toBeLessThan(3_000);
    expect(await readSubmissionFile({ name: "report.docx", bytes: await manyParagraphs(MAX_DOCX_PARAGRAPHS + 1) })).toMatchObject({
      ok: false,
      reason: "too_many_paragraphs",
      message: "submissions:import.upload.tooManyParagraphs",
    });
  });

  it("counts elements too: one paragraph of a hundred thousand runs is refused", async () => {
    const runs = Math.ceil(MAX_DOCX_ELEMENTS / 2);
    expect(await readDocx(await manyRuns(runs))).toEqual({ ok: false, reason: "too_many_paragraphs" });
    expect(inspectDocx(await manyRuns(100))).toMatchObject({ ok: true, paragraphs: 1 });
  });

  it("counts <w:p> paragraphs only, not their properties", async () => {
    const inspected = inspectDocx(await manyParagraphs(3));
    // 3 × (p, r, t), plus the document, its body and the parts' own elements.
    expect(inspected).toMatchObject({ ok: true, paragraphs: 3 });
  });
});

describe("the bounded inflater", () => {
  it("reads what it writes: an ordinary document is still read in full", async () => {
    const read = await readDocx(plainDocx(["Agenda item 2", "(a) Supported."]));
    expect(read).toMatchObject({ ok: true, paragraphs: [{ text: "Agenda item 2" }, { text: "(a) Supported." }] });
  });

  it("refuses an entry whose data runs past the end of the file, or whose local header is missing", () => {
    const bytes = plainDocx(["Agenda item 2"]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22;
    const directory = view.getUint32(end + 16, true);
    const broken = bytes.slice();
    new DataView(broken.buffer).setUint32(directory + 20, 0x7fffffff, true);
    expect(inspectDocx(broken)).toEqual({ ok: false, reason: "unreadable" });
    const moved = bytes.slice();
    new DataView(moved.buffer).setUint32(directory + 42, 7, true);
    expect(inspectDocx(moved)).toEqual({ ok: false, reason: "unreadable" });
  });
});
