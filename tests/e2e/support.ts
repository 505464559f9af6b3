import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "nonpaper-demo";

export const DEMO = {
  secretariat: "secretariat@nonpaper.test",
  chair: "chair@nonpaper.test",
  peru: "peru@nonpaper.test",
  morocco: "morocco@nonpaper.test",
  france: "france@nonpaper.test",
  china: "china@nonpaper.test",
  russia: "russia@nonpaper.test",
  usa: "usa@nonpaper.test",
} as const;

export const TITLE_2020 = "Discussion points for future consideration";
export const TITLE_2023 = "Recommendations of the Working Group";

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form[id="login"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}
