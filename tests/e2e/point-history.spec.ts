import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs, TITLE_2020 } from "./support";

test("the secretariat revises a point and reads the redline; the chair reads it too", async ({ page, browser }) => {
  await loginAs(page, "secretariat");
  await page.getByRole("link", { name: TITLE_2020 }).click();
  const pointB = page.getByRole("listitem").filter({ hasText: "dissemination plan" });
  await pointB.getByRole("link", { name: "History and redline" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Point (b): versions");

  const text = page.getByLabel("Text of point (b)");
  const original = await text.inputValue();
  await text.fill(original.replace("should develop", "should [develop and implement]"));
  await page.getByRole("button", { name: "Save as a new version" }).click();

  await expect(page).toHaveURL(/\?from=1&to=2$/);
  const box = page.getByRole("region", { name: "Compare two versions" });
  // Only the new words are marked, each announced to screen readers.
  const inserted = (await box.locator("ins").allTextContents()).join(" ");
  expect(inserted).toContain("Inserted text:");
  expect(
    inserted
      .replace(/Inserted text:|End of insertion\./g, "")
      .replace(/\s+/g, " ")
      .trim(),
  ).toBe("[ and implement]");
  await expect(box.locator("del")).toHaveCount(0);
  // As read on screen (without the words only screen readers get), the new text is whole.
  const visible = await box.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".visually-hidden").forEach((hidden) => hidden.remove());
    return copy.textContent;
  });
  expect(visible).toContain("UNODC should [develop and implement] a dissemination plan");
  await expect(page.getByText("1 bracketed passage", { exact: false })).toBeVisible();
  // One row per version (the header row names the columns).
  const versions = page.getByRole("region", { name: "Versions", exact: true });
  await expect(versions.getByRole("row").filter({ has: page.getByRole("rowheader") })).toHaveCount(2);
  await expectAccessible(page);

  // The chair sees the same history but cannot edit it.
  const chair = await browser.newPage();
  await loginAs(chair, "chair");
  await chair.goto(page.url());
  await expect(chair.getByRole("region", { name: "Compare two versions" }).locator("ins").first()).toBeVisible();
  await expect(chair.getByRole("button", { name: "Save as a new version" })).toHaveCount(0);
  await chair.close();
});

test("a delegate has no history link and cannot open a history page", async ({ page, browser }) => {
  const officer = await browser.newPage();
  await loginAs(officer, "secretariat");
  await officer.getByRole("link", { name: TITLE_2020 }).click();
  // The first point's.
  await officer.getByRole("link", { name: "History and redline" }).first().click();
  await officer.waitForURL(/\/points\//);
  const historyUrl = officer.url();
  await officer.close();

  await loginAs(page, "usa");
  await page.getByRole("link", { name: TITLE_2020 }).click();
  await expect(page.getByRole("link", { name: "History and redline" })).toHaveCount(0);
  const response = await page.goto(historyUrl);
  expect(response?.status()).toBe(403);
});
