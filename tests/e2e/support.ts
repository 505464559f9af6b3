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

/** A deadline a month ahead, as the date input wants it. */
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** Through the forms, from the home page: a new meeting, then a draft consultation on it. */
export async function createMeetingAndConsultation(page: Page, title: string, prefix: string) {
  await page.getByRole("link", { name: "New consultation" }).click();
  await page.getByRole("button", { name: "Create a new meeting" }).click();
  await page.getByLabel("Body", { exact: true }).fill("Working Group of Government Experts on Technical Assistance");
  await page.getByLabel("Document symbol prefix").fill("CTOC/COP/WG.2");
  await page.getByLabel("Session", { exact: true }).fill(`${prefix} session`);
  await page.getByLabel("Venue").fill("Vienna");
  await page.getByLabel("First day").fill("2020-07-09");
  await page.getByLabel("Last day").fill("2020-07-10");
  await page.getByLabel("Format").selectOption("hybrid");
  await page.getByRole("button", { name: "Create the meeting" }).click();

  // Back on the new consultation, with the new meeting chosen.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New consultation");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Receipt prefix").fill(prefix);
  await page.getByLabel("Deadline: date").fill(inAMonth());
  await page.getByLabel("Deadline: time").fill("18:00");
  await page.getByLabel("Reflection period approved on").fill("2020-07-24");
  await page.getByLabel("Approved by").fill("silence procedure");
  await page.getByLabel("Session of the parent body").fill("Tenth session");
  await page.getByLabel("CRP symbol").fill("CTOC/COP/2020/CRP.9");
  await page.getByLabel(/Elena Varga/).check();
  await page.getByRole("button", { name: "Create the consultation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

