// Issue 12: uploads are read in a worker thread with a heap ceiling and a deadline, so that a
// hostile document costs one refused request and never the server's event loop or its memory.
import { getPriority } from "node:os";
import { describe, expect, it } from "vitest";
import { readSubmissionFile } from "~/documents/docx-reader";
import { readDocxInWorker, readSubmissionFileSafely } from "~/utils/docx-in-worker.server";
import { bombDocx, manyParagraphs } from "./docx-bomb.fixtures";
import { moroccoNote, noteAsDocx } from "./submission-import.fixtures";

/** The longest the event loop went without a turn while `work` ran. */
async function loopStallDuring<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number; ms: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  const start = performance.now();
  try {
    const value = await work();
    return { value, stallMs, ms: performance.now() - start };
  } finally {
    clearInterval(tick);
  }
}

describe("reading uploads in a worker thread", () => {
  it("gives the same answer as reading in the server's own thread", async () => {
    const bytes = await noteAsDocx(moroccoNote);
    const file = { name: "C:\\Users\\pm\\Nota 087.docx", bytes };
    const inWorker = await readSubmissionFileSafely(file);
    expect(inWorker).toMatchObject({ ok: true, kind: "docx", filename: "Nota 087.docx" });
    expect(inWorker).toEqual(await readSubmissionFile(file));
    // The caller's bytes are left as they were (the worker gets a copy).
    expect(bytes.length).toBeGreaterThan(0);
  });

  it("reads text and refuses other files in the server's thread, as before", async () => {
    expect(await readSubmissionFileSafely({ name: "note.txt", bytes: new TextEncoder().encode("Agenda item 2\n(a) Supported.\n") })).toMatchObject({
      ok: true,
      kind: "text",
    });
    expect(await readSubmissionFileSafely({ name: "note.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n") })).toMatchObject({ reason: "pdf" });
  });

  it("refuses a zip bomb with lying headers quickly, without stalling the event loop", async () => {
    const lying = await bombDocx(190, { claimedSize: 40_000 });
    const { value, stallMs, ms } = await loopStallDuring(() => readSubmissionFileSafely({ name: "note.docx", bytes: lying }));
    expect(value).toMatchObject({ ok: false, reason: "unpacked_too_large", message: "submissions:import.upload.unpackedTooLarge" });
    expect(ms).toBeLessThan(5_000);
    expect(stallMs).toBeLessThan(250);
  }, 30_000);

  it("stops a document that takes too long: the worker is terminated and the upload refused", async () => {
    const heavy = await manyParagraphs(5_000);
    const { value, ms, stallMs } = await loopStallDuring(() => readDocxInWorker({ name: "report.docx", bytes: heavy }, { timeoutMs: 300, heapMb: 512 }));
    expect(value).toMatchObject({ ok: false, reason: "too_complex", message: "submissions:import.upload.tooComplex" });
    expect(ms).toBeLessThan(2_000);
    expect(stallMs).toBeLessThan(250);
  }, 30_000);

  it("refuses a document that needs more memory than the worker may have, and the process lives on", async () => {
    const heavy = await manyParagraphs(5_000);
    const value = await readDocxInWorker({ name: "report.docx", bytes: heavy }, { timeoutMs: 20_000, heapMb: 8 });
    expect(value).toMatchObject({ ok: false, reason: "too_complex" });
    // The same file is read with the server's limits: the refusal was the ceiling, not the file.
    expect(await readDocxInWorker({ name: "report.docx", bytes: heavy })).toMatchObject({ ok: true });
  }, 60_000);

  it("lowers the reading thread's priority, never the server's", async () => {
    const before = getPriority();
    const bytes = await noteAsDocx(moroccoNote);
    expect(await readSubmissionFileSafely({ name: "note.docx", bytes })).toMatchObject({ ok: true });
    expect(getPriority()).toBe(before);
  });

  it("reads several documents at once, each in its own worker", async () => {
    const bytes = await noteAsDocx(moroccoNote);
    const reads = await Promise.all([1, 2, 3].map(() => readSubmissionFileSafely({ name: "note.docx", bytes })));
    for (const read of reads) expect(read).toMatchObject({ ok: true, kind: "docx" });
  }, 60_000);
});
