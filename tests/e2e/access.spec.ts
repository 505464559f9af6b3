import { expect, test } from "@playwright/test";
import { loginAs } from "./support";

test("a delegate cannot open the secretariat's user list (403)", async ({ page }) => {
  await loginAs(page, "usa");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto("/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access denied");
});

test("a chair cannot open the user list either (403)", async ({ page }) => {
  await loginAs(page, "chair");
  const response = await page.goto("/users");
  expect(response?.status()).toBe(403);
});

test("the secretariat sees every demo account", async ({ page }) => {
  await loginAs(page, "secretariat");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  // Exactly the thirteen demo accounts (other journeys invite people at other addresses).
  await expect(page.getByRole("row").filter({ hasText: "@nonpaper.test" })).toHaveCount(13);
  await expect(page.getByRole("row", { name: /Lucía Fernández/ })).toContainText("Peru");
  // Two delegates of one mission (they draft together).
  await expect(page.getByRole("row", { name: /Nour El-Sayed/ })).toContainText("Egypt");
  await expect(page.getByRole("row", { name: /Karim Mansour/ })).toContainText("Egypt");
});

test("an unknown address and an unknown consultation answer 404 in the reader's language", async ({ page }) => {
  await loginAs(page, "peru");
  let response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Página no encontrada");
  response = await page.goto("/consultations/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
});
