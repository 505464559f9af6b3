// Issue 12, through the import page's action as the browser calls it: a small Word file that
// inflates to 190 MB (with honest or lying ZIP headers), or that holds a whole report's worth of
// paragraphs, is refused quickly with its translated reason, nothing is kept, and the server goes
// on answering (the document is read in a worker thread).
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { wallClockIn } from "~/lib/dates";
import { action } from "~/routes/consultations.$consultationId.submissions_.import/route";
import { getDb, schema } from "~/utils/db.server";
import { bombDocx, manyParagraphs } from "../unit/docx-bomb.fixtures";
import { noteAsDocx, peruNote } from "../unit/submission-import.fixtures";
import { consultationIdByPrefix, outcome, requestAs } from "./helpers";
import { delegationIdOf } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const IMPORTING = "COL";

async function preview(bytes: Uint8Array, name: string) {
  const consultationId = await consultationIdByPrefix("CTOC-2020");
  const form = new FormData();
  const received = wallClockIn(new Date(Date.now() - 3_600_000), "Europe/Vienna");
  form.append("intent", "preview");
  form.append("delegationId", await delegationIdOf(IMPORTING));
  form.append("receivedDate", received.date);
  form.append("receivedTime", received.time);
  form.append("language", "");
  form.append("pasted", "");
  form.append("file", new File([new Uint8Array(bytes)], name, { type: DOCX }));
  const request = await requestAs(OFFICER, `/consultations/${consultationId}/submissions/import`, { method: "POST", body: form });
  const start = performance.now();
  const result = await outcome(() => action({ request, params: { consultationId }, context: { clientAddress: "127.0.0.1" } }) as Promise<unknown>);
  const ms = performance.now() - start;
  if ("thrown" in result) throw new Error("the action threw");
  const value = result.value as {
    data: { step: string; upload: { message: string; values?: Record<string, number> } | null };
    init: { status?: number } | null;
  };
  return { status: value.init?.status ?? 200, data: value.data, ms };
}

async function attachmentCount() {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(schema.attachments);
  return row!.n;
}

describe("the import page and a hostile Word document", () => {
  let honest: Uint8Array;
  let lying: Uint8Array;
  beforeAll(async () => {
    honest = await bombDocx(190);
    lying = await bombDocx(190, { claimedSize: 40_000 });
  }, 60_000);

  it("refuses a 190 MB zip bomb quickly, with honest or lying headers, and keeps nothing", async () => {
    const before = await attachmentCount();
    for (const bytes of [honest, lying]) {
      const answer = await preview(bytes, "Nota 087.docx");
      expect(answer.status).toBe(400);
      expect(answer.data.step).toBe("upload");
      expect(answer.data.upload).toEqual({ message: "submissions:import.upload.unpackedTooLarge", values: { maxMegabytes: 10, maxUnpackedMegabytes: 30 } });
      expect(answer.ms).toBeLessThan(5_000);
    }
    expect(await attachmentCount()).toBe(before);
  }, 60_000);

  it("refuses a document with a report's worth of paragraphs", async () => {
    const answer = await preview(await manyParagraphs(10_001), "report.docx");
    expect(answer.status).toBe(400);
    expect(answer.data.upload).toMatchObject({ message: "submissions:import.upload.tooManyParagraphs" });
  }, 30_000);

  it("still reads an ordinary note (in the worker) into the review", async () => {
    const answer = await preview(await noteAsDocx(peruNote), "Nota 5-12-M-087.docx");
    expect(answer.status).toBe(200);
    expect(answer.data.step).toBe("review");
  }, 30_000);
});
