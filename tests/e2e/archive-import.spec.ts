// Importing an archive in the browser, in English: the file is checked and previewed first (the
// chairs it would give access, the accounts it would create), and imported only when the officer
// confirms, with the same file still chosen; a file that would create a secretariat account is
// refused with its JSON path and a readable reason, and nothing is imported.
import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs, TITLE_2020 } from "./support";

const COPY_TITLE = "Imported copy of the 2020 reflection period (archive test)";

test("the secretariat previews an archive, confirms it, and a hostile one is refused with its path", async ({ page }) => {
  await loginAs(page, "secretariat");
  await page.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  const consultation = new URL(page.url()).pathname;
  const download = await page.request.get(`${consultation}/archive.json`);
  expect(download.ok()).toBe(true);
  // Imported under a title of its own: the other specs find the demo consultations by their titles.
  const archive = JSON.parse(await download.text());
  archive.consultation.title = COPY_TITLE;
  const text = JSON.stringify(archive);

  await page.goto("/archive/import");
  await page.getByLabel("Archive file (.json)").setInputFiles({ name: "archive.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Check the file" }).click();

  // The preview: nothing imported yet; the chair who would get access, no account to create.
  await expect(page.getByRole("heading", { name: "Check before importing" })).toBeVisible();
  await expect(page.getByText("Nothing has been imported yet.")).toBeVisible();
  await expect(page.getByText("A copy: this instance already holds this consultation")).toBeVisible();
  const chairs = page.getByRole("table", { name: "Chairs to be given access" });
  await expect(chairs.getByRole("row", { name: /chair@nonpaper\.test/ })).toContainText("Existing account");
  await expect(page.getByText("No account will be created.")).toBeVisible();
  await expectAccessible(page);

  // Confirmed with the file still chosen: imported as a copy.
  await page.getByRole("button", { name: "Confirm and import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "it has been imported as a copy" })).toBeVisible();
  await page.getByRole("link", { name: "Open the consultation" }).click();
  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  expect(new URL(page.url()).pathname).not.toBe(consultation);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(COPY_TITLE);

  // A file that would create a secretariat account: refused with its path, nothing imported.
  const hostile = JSON.parse(text);
  hostile.users.push({ email: "rogue@example.org", name: "Rogue Officer", role: "secretariat", language: "en", timeZone: null, delegation: null });
  hostile.consultation.createdBy = "rogue@example.org";
  await page.goto("/archive/import");
  await page
    .getByLabel("Archive file (.json)")
    .setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostile)) });
  await page.getByRole("button", { name: "Check the file" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The file does not match the archive format. Nothing has been imported.");
  await expect(alert).toContainText(`users[${hostile.users.length - 1}]`);
  await expect(alert).toContainText("Secretariat accounts are never created from a file");
  await expect(page.getByRole("button", { name: "Confirm and import" })).toHaveCount(0);
});
