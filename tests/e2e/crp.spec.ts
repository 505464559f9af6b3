import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import mammoth from "mammoth";
import { expectAccessible, loginAs, TITLE_2020 } from "./support";

test("the secretariat compiles a draft CRP of the 2020 demo, previews it, downloads Word and PDF, compiles again after a new translation and compares versions", async ({
  page,
  browser,
}) => {
  // Three compilations, a PDF printed by the server's Chromium and axe three times: 2.1 min in a
  // ci-local beside the other worker's journeys (each step 3–5× slower than alone, by its trace).
  test.setTimeout(240_000);
  await loginAs(page, "secretariat");
  await page.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  const consultationUrl = new URL(page.url()).pathname;
  await page.goto(`${consultationUrl}/crp`);
  await expect(page.getByRole("heading", { level: 1, name: "Conference room paper" })).toBeVisible();

  // The demo's translations are not all final: the list says what blocks the final CRP, each
  // entry a link to its place on the translation desk.
  const blocking = page.getByRole("region", { name: /block the final CRP/ });
  await expect(blocking.getByRole("heading", { name: /block the final CRP/ })).toBeVisible();
  await expect(blocking.getByRole("link").first()).toHaveAttribute("href", new RegExp(`^${consultationUrl}/translations/[0-9a-f-]{36}$`));

  // The preview is the document itself, in English.
  const preview = page.getByRole("region", { name: "Preview of the current data" }).getByRole("article");
  await expect(preview).toHaveAttribute("lang", "en");
  await expect(preview.getByText("Note by the Secretariat")).toBeVisible();
  await expect(preview.getByRole("heading", { name: /Agenda item 2/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Compile a draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 1 has been compiled." })).toBeVisible();
  const versions = page.getByRole("table", { name: "Versions" });
  await expect(versions.getByRole("row")).toHaveCount(2);

  // Word: the draft's file, read back.
  const [word] = await Promise.all([page.waitForEvent("download"), versions.getByRole("link", { name: "Word of version 1" }).click()]);
  expect(word.suggestedFilename()).toMatch(/-draft-v1\.docx$/);
  const { value: text } = await mammoth.extractRawText({ path: await word.path() });
  expect(text).toContain("Note by the Secretariat");
  expect(text).toContain("Agenda item 2");

  // PDF: the Word file converted by LibreOffice on the server (Chromium printing the HTML without it).
  const [pdf] = await Promise.all([page.waitForEvent("download"), versions.getByRole("link", { name: "PDF of version 1" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/-draft-v1\.pdf$/);
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString("latin1"),
  ).toBe("%PDF-");

  // The officer writes the introduction's own paragraph and compiles again: the data changed.
  await page.getByLabel("Why the discussion points were circulated").fill("Owing to the pandemic, the meeting could not negotiate the discussion points.");
  await page.getByRole("button", { name: "Save the introduction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The introduction has been saved." })).toBeVisible();
  await expect(versions.getByRole("row").nth(1)).toContainText("Changed since");
  await page.getByRole("button", { name: "Compile a draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 2 has been compiled." })).toBeVisible();

  // The redline between the two, by default the latest against the one before.
  const redline = page.getByRole("region", { name: "Compare two versions" });
  await expect(redline.locator("ins").filter({ hasText: "pandemic" })).toBeVisible();
  await expect(page.getByLabel("From version")).toHaveValue("1");
  await expect(page.getByLabel("To version")).toHaveValue("2");
  await expectAccessible(page);

  // A new translation: Algeria's Arabic comment on (b), from the blocking list's desk, marked final.
  await page.goto(`${consultationUrl}/translations?delegation=DZA`);
  await page.getByRole("link", { name: /^Translate the comment of Algeria/ }).click();
  await page
    .getByLabel("English translation of paragraph 1")
    .fill("Algeria supports a plan to publicize the portal, provided that it is available in all the official languages.");
  await page.getByRole("button", { name: "Save and mark final" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Translation saved and marked final." })).toBeVisible();

  // Compiled again: the redline between versions 2 and 3 shows the translation in place of the original.
  await page.goto(`${consultationUrl}/crp`);
  await expect(versions.getByRole("row").nth(1)).toContainText("Changed since");
  await page.getByRole("button", { name: "Compile a draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 3 has been compiled." })).toBeVisible();
  await expect(page.getByLabel("From version")).toHaveValue("2");
  await expect(page.getByLabel("To version")).toHaveValue("3");
  await expect(redline.locator("ins").filter({ hasText: "publicize the portal" })).toBeVisible();

  // A delegate gets nothing here (403, as on the side-by-side view: tests/unit/authorization-matrix.table.ts);
  // the chair reads but has no compile button.
  const delegate = await browser.newPage();
  await loginAs(delegate, "peru");
  expect((await delegate.goto(`${consultationUrl}/crp`))?.status()).toBe(403);
  expect((await delegate.goto(`${consultationUrl}/crp/v1.docx`))?.status()).toBe(403);
  await delegate.close();
  const chair = await browser.newPage();
  await loginAs(chair, "chair");
  await chair.goto(`${consultationUrl}/crp`);
  await expect(chair.getByRole("table", { name: "Versions" }).getByRole("row")).toHaveCount(4);
  await expect(chair.getByRole("button", { name: "Compile a draft" })).toHaveCount(0);
  await chair.close();
});
