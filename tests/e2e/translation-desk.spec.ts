// The secretariat translates Morocco's Arabic comment on the 2020 Working Group consultation: from
// the desk, to the editor (the original right to left beside the English field), a draft, then
// final, and back on the desk. A delegate cannot open the desk.
import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs, TITLE_2020 } from "./support";

test("the secretariat translates Morocco's Arabic comment from the desk", async ({ page }) => {
  await loginAs(page, "secretariat");
  await page.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE_2020);
  await page.getByRole("link", { name: "Translation desk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Translation desk");
  await expectAccessible(page);

  // Only Morocco's comments, by the filter form (a GET form: works without JavaScript).
  await page.getByLabel("Delegation").selectOption({ label: "Morocco" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/delegation=MAR/);
  const row = page.getByRole("row", { name: /Morocco.*general comment/ });
  await expect(row).toContainText("To do");
  await expect(row).toContainText("Arabic");

  await row.getByRole("link", { name: "Translate the comment of Morocco, Agenda item 2, general comment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Translation of the comment of Morocco");

  // The original, right to left, beside the English field of each paragraph.
  // The first paragraph's original, in the table of the comment's paragraphs.
  const original = page.getByRole("table", { name: "The comment", exact: true }).getByRole("cell").first().getByText("تشكر المملكة المغربية الأمانة");
  await expect(original).toHaveAttribute("dir", "rtl");
  await expect(original).toHaveAttribute("lang", "ar");
  await expect(original).toContainText("تشكر المملكة المغربية الأمانة");
  const first = page.getByLabel("English translation of paragraph 1");
  await expect(first).toHaveAttribute("dir", "ltr");
  await expect(page.getByLabel("English translation of paragraph 2")).toBeVisible();
  await expect(page.getByText("Unofficial translation").first()).toBeVisible();
  await expectAccessible(page);

  await first.fill(
    "The Kingdom of Morocco thanks the Secretariat for preparing the discussion points and supports strengthening technical assistance on national legislation.",
  );
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved." })).toBeVisible();
  await expect(page.getByRole("region", { name: "About this comment" })).toContainText("Draft");

  await page
    .getByLabel("English translation of paragraph 2")
    .fill("The delegation of Morocco stresses the importance of making the SHERLOC portal available in all the official languages of the United Nations.");
  await page.getByRole("button", { name: "Save and mark final" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Translation saved and marked final." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Next comment to translate" }).first()).toBeVisible();
  await expect(page.getByText("Unofficial translation").first()).toBeVisible();

  await page.getByRole("link", { name: "Translation desk" }).first().click();
  await page.getByLabel("Delegation").selectOption({ label: "Morocco" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("row", { name: /Morocco.*general comment/ })).toContainText("Final");
});

test("a delegate cannot open the desk or the editor", async ({ page }) => {
  await loginAs(page, "morocco");
  await page.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE_2020);
  const base = page.url().replace(/\/$/, "");
  const desk = await page.goto(`${base}/translations`);
  expect(desk?.status()).toBe(403);
  const editor = await page.goto(`${base}/translations/00000000-0000-4000-8000-000000000000`);
  expect(editor?.status()).toBe(404);
});
