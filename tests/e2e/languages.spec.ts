import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signIn, TITLE_2020 } from "./support";

const SIGN_IN_TITLES = {
  ar: "تسجيل الدخول",
  zh: "登录",
  en: "Sign in",
  fr: "Connexion",
  ru: "Вход",
  es: "Iniciar sesión",
} as const;

test("the switcher turns the whole page to Arabic, right to left, and remembers it", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SIGN_IN_TITLES.ar);
  // Laid out right to left: the brand sits at the right-hand end of the header.
  const viewport = page.viewportSize()!;
  const brandLink = page.getByRole("banner").getByRole("link", { name: /^Nonpaper/ });
  const brand = (await brandLink.boundingBox())!;
  expect(brand.x).toBeGreaterThan(viewport.width / 2);
  // Remembered on the next visit.
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});

test("the browser receives the reader's language only, and the next one when the reader switches", async ({ page }) => {
  const locales: string[] = [];
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith("/locales/")) locales.push(pathname);
    else if (pathname.endsWith(".js")) scripts.push(response.text());
  });
  await page.goto("/login?lng=fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SIGN_IN_TITLES.fr);
  // Hydrated: React has taken over the document, in French.
  await expect.poll(() => page.evaluate(() => Object.keys(document).some((key) => key.startsWith("__reactContainer")))).toBe(true);
  expect(locales).toEqual(["/locales/fr"]);
  // No script carries interface strings: not the French ones, nor any other language's.
  const code = (await Promise.all(scripts)).join("\n");
  expect(code.length).toBeGreaterThan(0);
  for (const skip of ["Aller au contenu principal", "Skip to main content", "Перейти к основному содержанию", "Ir al contenido principal"])
    expect(code).not.toContain(skip);

  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SIGN_IN_TITLES.ar);
  await expect.poll(() => locales).toEqual(["/locales/fr", "/locales/ar"]);
});

for (const [lng, title] of Object.entries(SIGN_IN_TITLES)) {
  test(`?lng=${lng} shows the sign-in page in that language`, async ({ page }) => {
    await page.goto(`/login?lng=${lng}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });
}

test("a delegate of Morocco gets the interface in Arabic from the profile", async ({ page }) => {
  await signIn(page, DEMO.morocco);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("المشاورات");
  await page.getByRole("link", { name: TITLE_2020 }).click();
  await expect(page.getByText("البند 2 من جدول الأعمال")).toBeVisible();
  // The points themselves stay English, laid out left to right inside the Arabic page.
  const item2 = page.getByRole("region", { name: /^البند 2 من جدول الأعمال/ });
  await expect(item2.getByRole("list").first()).toHaveAttribute("dir", "ltr");
  await page.screenshot({ path: "test-results/morocco-consultation-ar.png", fullPage: true });
});

test("the lng cookie chooses the language, and a signed-in switch updates the profile", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "lng", value: "ru", url: baseURL! }]);
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SIGN_IN_TITLES.ru);
  await signIn(page, DEMO.china);
  // Sign-in applies the profile's language (Chinese) over the cookie.
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.clearCookies();
  await signIn(page, DEMO.china);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  // Put the profile back for other tests.
  await page.getByRole("button", { name: "中文" }).click();
});

// Each variant signs in as its own user: the switcher below changes that user's profile.
for (const [lng, email] of [
  ["en", DEMO.russia],
  ["ar", DEMO.france],
] as const) {
  test(`axe finds no serious violation on the main pages (${lng})`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "lng", value: lng, url: baseURL! }]);
    await page.goto("/login");
    await expectAccessible(page);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill("nonpaper-demo");
    await page.locator('form[id="login"] button[type="submit"]').click();
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole("button", { name: lng === "ar" ? "العربية" : "English" }).click();
    // Check the page the switch leads to once it has settled, not the one it leaves.
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await page.getByRole("link", { name: TITLE_2020 }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
    await expectAccessible(page);
  });
}
