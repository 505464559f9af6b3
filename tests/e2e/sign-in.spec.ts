import { expect, test } from "@playwright/test";
import { DEMO, enterTwoFactorCode, signIn, TITLE_2020, TITLE_2023 } from "./support";

const ROLES = [
  { email: DEMO.secretariat, role: "Secretariat", lng: "en", heading: "Consultations" },
  { email: DEMO.chair, role: "Chair", lng: "en", heading: "Consultations" },
  { email: DEMO.usa, role: "Delegate", lng: "en", heading: "Consultations" },
] as const;

for (const { email, role } of ROLES) {
  test(`${role.toLowerCase()} signs in, sees the 2020 and 2023 consultations, and signs out`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();
    // The header says who is signed in, and as what.
    await expect(page.getByRole("banner").getByText(role, { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: TITLE_2020 })).toBeVisible();
    await expect(page.getByRole("link", { name: TITLE_2023 })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
  });
}

test("a delegate reads the circulated points of agenda item 2", async ({ page }) => {
  await signIn(page, DEMO.usa);
  await page.getByRole("link", { name: TITLE_2020 }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  const item2 = page.getByRole("region", { name: /Agenda item 2/ });
  // The points in order, each by its label: a text of its own, "(a)" alone.
  await expect(item2.getByRole("list").getByText(/^\([a-z]+\)$/)).toHaveText(["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)"]);
  await expect(item2).toContainText("SHERLOC knowledge management portal");
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(DEMO.peru);
  await page.locator('input[name="password"]').fill("not-the-password");
  await page.locator('form[id="login"] button[type="submit"]').click();
  await expect(page.getByRole("alert")).toHaveText("The email address or password is incorrect.");
  await expect(page).toHaveURL(/\/login$/);
  // The address stays filled in, the password does not.
  await expect(page.locator('input[name="email"]')).toHaveValue(DEMO.peru);
  await expect(page.locator('input[name="password"]')).toHaveValue("");
});

test("after signing in, the user returns to the page they asked for", async ({ page }) => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fusers$/);
  await page.locator('input[name="email"]').fill(DEMO.secretariat);
  await page.locator('input[name="password"]').fill("nonpaper-demo");
  await page.locator('form[id="login"] button[type="submit"]').click();
  // The secretariat signs in with two factors: the address asked for survives the code page.
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await enterTwoFactorCode(page);
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
});
