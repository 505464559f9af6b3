import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import mammoth from "mammoth";
import { createMeetingAndConsultation, DEMO, expectAccessible, loginAs, type DemoAccount } from "./support";

// The annex of the 2020 draft report, as an officer copies it out of the PDF.
const report = readFileSync(path.resolve("db/seed-data/reference/wg2-2020-draft-report.txt"), "utf8");
const annex = report.slice(report.indexOf("A. Updating the legislative records"), report.indexOf("III. Organization of the meeting"));

const TITLE = "Discussion points circulated in the journey";

/** Every setup page of the consultation answers `status` to this reader. */
async function expectDenied(browser: Browser, email: (typeof DEMO)[DemoAccount], consultationUrl: string, status: number) {
  const page = await browser.newPage();
  await loginAs(page, email);
  for (const suffix of ["/edit", "/agenda", "/agenda/import", "/registrations", "/circulate", "/audit"]) {
    const response = await page.goto(consultationUrl + suffix);
    expect(response?.status(), `${email} ${suffix}`).toBe(status);
  }
  const outbox = await page.goto("/outbox");
  expect(outbox?.status(), `${email} /outbox`).toBe(403);
  // A form posted by hand is refused just the same, and circulates nothing.
  const forged = await page.request.post(consultationUrl + "/circulate", {
    form: { intent: "circulate", confirm: "on", coveringNote: "Forged." },
    maxRedirects: 0,
  });
  expect([403, 404], `${email} forged circulate`).toContain(forged.status());
  await page.close();
}

test("the secretariat goes from a pasted annex to a circulated non-paper with notifications; chair and delegate cannot", async ({ page, browser }) => {
  // A whole journey with four sign-ins and axe on five pages: 3–4 minutes on a loaded 2-core CI machine.
  test.setTimeout(480_000);
  await loginAs(page, "secretariat");
  await createMeetingAndConsultation(page, TITLE, "E2E-JOURNEY");
  const consultationUrl = new URL(page.url()).pathname;

  // Before circulation the chair and the delegate cannot touch any of it.
  await expectDenied(browser, DEMO.chair, consultationUrl, 403);
  await expectDenied(browser, DEMO.peru, consultationUrl, 403);

  // 1. Paste the annex, review what was found, save.
  await page.getByRole("link", { name: "Next step: Agenda items and points" }).click();
  await page.getByRole("link", { name: "Paste from a report" }).click();
  await page.getByLabel("Text of the report's annex or recommendations section").fill(annex);
  await page.getByRole("button", { name: "Split into agenda items and points" }).click();
  await expect(page.getByRole("heading", { name: "Check the agenda items and points" })).toBeVisible();
  await expect(page.getByText("Found in the pasted text: 3 agenda items, 7 points.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save to the consultation" }).click();
  await expect(page.getByText(/Saved: 3 agenda items and 7 points/)).toBeVisible();

  // 2. Edit point (b) and read the redline.
  await page.goto(consultationUrl);
  const pointB = page.getByRole("listitem").filter({ hasText: "dissemination plan" });
  await pointB.getByRole("link", { name: "History and redline" }).click();
  const text = page.getByLabel("Text of point (b)");
  await text.fill((await text.inputValue()).replace("should develop", "should [develop and implement]"));
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page).toHaveURL(/\?from=1&to=2$/);
  const redline = page.getByRole("region", { name: "Compare two versions" });
  const inserted = (await redline.locator("ins").allTextContents()).join(" ");
  expect(
    inserted
      .replace(/Inserted text:|End of insertion\./g, "")
      .replace(/\s+/g, " ")
      .trim(),
  ).toBe("[ and implement]");
  await expect(redline.locator("del")).toHaveCount(0);

  // 3. Register three delegations by pasting their names.
  await page.goto(consultationUrl);
  await page.getByRole("link", { name: "Next step: Registered delegations" }).click();
  await page.getByLabel("Names of delegations").fill("Peru, Morocco and France");
  await page.getByRole("button", { name: "Find the delegations" }).click();
  await expect(page.getByRole("heading", { name: "Check the delegations found" })).toBeVisible();
  await page.getByRole("button", { name: "Register the selected delegations" }).click();
  await expect(page.getByText("3 delegations registered")).toBeVisible();
  await expectAccessible(page);

  // 4. Circulate, with the covering note verbale drafted from the data.
  await page.goto(consultationUrl);
  await page.getByRole("link", { name: "Next step: Circulate the non-paper" }).click();
  const note = page.getByLabel("Text of the covering note verbale (English)");
  await expect(note).toHaveValue(/presents its compliments/);
  await expect(note).toHaveValue(/silence procedure/);
  await expect(page.getByText(/7 discussion points will be frozen as non-paper 1/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/Circulate non-paper 1 now/).check();
  await page.getByRole("button", { name: "Circulate the non-paper" }).click();
  await expect(page.getByRole("status")).toContainText("Non-paper 1 has been circulated");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByText("Open for comments", { exact: true })).toBeVisible();

  // 5. The non-paper as Word: the circulated wording, with its headings, read back.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Non-paper (Word)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^non-paper-CTOC-COP-WG\.2-.*\.docx$/);
  const { value: docText } = await mammoth.extractRawText({ path: (await download.path())! });
  expect(docText).toContain("Agenda item 2");
  expect(docText).toContain("UNODC should [develop and implement] a dissemination plan");
  expect(docText.indexOf("(a)")).toBeLessThan(docText.indexOf("(g)"));
  // … and as PDF, the same file converted (LibreOffice) or printed (Chromium).
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Non-paper (PDF)" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^non-paper-CTOC-COP-WG\.2-.*\.pdf$/);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString("latin1"),
  ).toBe("%PDF-");

  // 6. The notifications: one per delegate of the three delegations, each in their language.
  await page.getByRole("navigation").getByRole("link", { name: "Outbox", exact: true }).click();
  for (const [email, subject] of [
    ["peru@nonpaper.test", `Documento oficioso para observaciones: ${TITLE}`],
    // In Arabic the English title is isolated for direction (U+2068 … U+2069).
    ["morocco@nonpaper.test", `ورقة غير رسمية لإبداء التعليقات: \u2068${TITLE}\u2069`],
    ["france@nonpaper.test", `Document officieux pour observations\u00a0: ${TITLE}`],
  ] as const) {
    await expect(page.getByRole("row").filter({ hasText: email }).first(), email).toContainText(subject);
  }
  await expectAccessible(page);

  // 7. Every step is in the audit log.
  await page.goto(consultationUrl + "/audit");
  for (const action of ["consultation.create", "agenda.import", "point.revise", "registration.create", "consultation.circulate", "consultation.status"]) {
    await expect(page.getByRole("rowheader", { name: action }).first(), action).toBeVisible();
  }

  // After circulation: still no setup page for the chair or a delegate, but Peru reads the non-paper.
  await expectDenied(browser, DEMO.chair, consultationUrl, 403);
  await expectDenied(browser, DEMO.peru, consultationUrl, 403);
  const peru = await browser.newPage();
  await loginAs(peru, "peru");
  await peru.goto(consultationUrl);
  await expect(peru.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(peru.getByText("should [develop and implement]")).toBeVisible();
  await peru.close();
});
