// Issue 12, against the production server: while the secretariat's uploads of hostile Word files
// are being read and refused (a 190 MB zip bomb of 700 KB with lying headers, and a legitimate
// but very long document), /healthz and another user's page keep answering quickly, and the
// server lives on. Before the fix the bomb blocked the event loop for 47 s and then killed the
// process out of memory.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { bombDocx, manyParagraphs } from "../unit/docx-bomb.fixtures";
import { loginAs, TITLE_2020 } from "./support";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Asks for `path` every 100 ms until `until` settles; the slowest answer and every status. */
async function watch(request: APIRequestContext, path: string, until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true));
  const timings: number[] = [];
  const statuses = new Set<number>();
  while (!done) {
    const start = Date.now();
    const response = await request.get(path, { timeout: 60_000, maxRedirects: 0 });
    timings.push(Date.now() - start);
    statuses.add(response.status());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { slowest: Math.max(...timings), count: timings.length, statuses: [...statuses] };
}

test("a zip bomb costs one refused request: /healthz and a delegate's page keep answering, the server lives on", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const [honest, lying, longReport] = await Promise.all([bombDocx(190), bombDocx(190, { claimedSize: 40_000 }), manyParagraphs(9_000)]);
  expect(lying.length).toBeLessThan(1024 * 1024);

  const officer = await browser.newPage();
  await loginAs(officer, "secretariat");
  await officer.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(TITLE_2020);
  const consultationPath = new URL(officer.url()).pathname;
  const importPath = `${consultationPath}/submissions/import`;

  const delegate = await browser.newPage();
  await loginAs(delegate, "usa");
  expect((await delegate.request.get(consultationPath)).status()).toBe(200);

  // Through the page, as the officer would: the refusal says why.
  await officer.goto(importPath);
  await officer.getByLabel("Delegation", { exact: true }).selectOption({ label: "Colombia" });
  const delegationId = await officer.getByLabel("Delegation", { exact: true }).inputValue();
  await officer.getByLabel("Upload the document").setInputFiles({ name: "Nota 087.docx", mimeType: DOCX, buffer: Buffer.from(lying) });
  await officer.getByRole("button", { name: "Read and propose" }).click();
  await expect(officer.getByText(/Once unpacked, this document is far larger than a note \(over 30\sMB\)/)).toBeVisible({ timeout: 15_000 });

  // Then several at once, posted as the form posts them, while others use the server.
  const post = (bytes: Uint8Array, name: string) =>
    officer.request.post(importPath, {
      headers: { Origin: baseURL! },
      multipart: {
        intent: "preview",
        delegationId,
        receivedDate: "2020-08-10",
        receivedTime: "09:00",
        language: "",
        pasted: "",
        file: { name, mimeType: DOCX, buffer: Buffer.from(bytes) },
      },
      timeout: 60_000,
    });
  const uploads = Promise.all([post(lying, "a.docx"), post(lying, "b.docx"), post(honest, "c.docx"), post(longReport, "report.docx"), post(lying, "d.docx")]);
  const [health, page] = await Promise.all([watch(officer.request, "/healthz", uploads), watch(delegate.request, consultationPath, uploads)]);
  const answers = await uploads;

  for (const [index, answer] of answers.entries()) {
    expect(answer.status(), `upload ${index}`).toBe(400);
    const html = await answer.text();
    if (index === 3) expect(html).toContain("The note has too many paragraphs to be checked on one page.");
    else expect(html).toContain("Once unpacked, this document is far larger than a note");
  }
  expect(health.statuses).toEqual([200]);
  expect(page.statuses).toEqual([200]);
  expect(health.count).toBeGreaterThan(1);
  // A blocked event loop would hold these for the whole read (47 s before the fix).
  expect(health.slowest).toBeLessThan(1_500);
  expect(page.slowest).toBeLessThan(3_000);

  // And after: the same server, still up.
  expect((await officer.request.get("/healthz")).status()).toBe(200);
  expect((await delegate.request.get(consultationPath)).status()).toBe(200);
  await officer.close();
  await delegate.close();
});
