// Two-factor sign-in in a real browser (issue 12), in English and in Arabic: a new delegate sets up
// an authenticator app from the account page, signs in again with a code and with a recovery code,
// and turns it off again; the secretariat signs in with the demo's published secret.
import { generateTOTP } from "@epic-web/totp";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, enterTwoFactorCode, expectAccessible, freshTotp, signIn, TITLE_2020 } from "./support";

const PASSWORD = "two factors long passphrase";

const TEXT = {
  en: {
    title: "Two-factor sign-in",
    off: "Two-factor sign-in is off.",
    left: "10 unused recovery codes left.",
    leftAfter: "9 unused recovery codes left.",
    qr: /^QR code to add .+ to an authenticator app$/,
    codes: "Your recovery codes",
    saved: "I have saved them, continue",
    useRecovery: "Use a recovery code instead",
  },
  ar: {
    title: "تسجيل الدخول بعاملين",
    off: "تم إيقاف تسجيل الدخول بعاملين.",
    left: "تتبقى 10 رموز استرداد غير مستخدمة.",
    leftAfter: "تتبقى 9 رموز استرداد غير مستخدمة.",
    qr: /^رمز الاستجابة السريعة لإضافة .+ إلى تطبيق للمصادقة$/,
    codes: "رموز الاسترداد الخاصة بك",
    saved: "حفظتها، متابعة",
    useRecovery: "استخدام رمز استرداد بدلاً من ذلك",
  },
} as const;

/**
 * A delegate of their own for each journey (no other journey signs in as them): the secretariat
 * invites them in `language` and hands the link over; they create the account and are signed in.
 */
async function newDelegate(browser: Browser, language: "en" | "ar"): Promise<{ email: string; page: Page }> {
  const officer = await browser.newPage();
  await signIn(officer, DEMO.secretariat);
  await officer.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(officer.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  await officer.goto(`${new URL(officer.url()).pathname}/registrations`);
  const email = `two-factor-${language}-${Date.now()}@example.org`;
  // The first registered delegation (by its English name), opened by its name in the summary
  // (the first place the group writes it).
  const people = officer.getByRole("group", { name: "Algeria", exact: true });
  await people.getByText("Algeria", { exact: true }).first().click();
  await people.getByLabel("Email address").fill(email);
  await people.getByLabel("Name", { exact: true }).fill(`Two Factor ${language}`);
  await people.getByLabel("Interface language").selectOption(language);
  await people.getByRole("button", { name: "Send the invitation" }).click();
  // Shown once, in the delegation's notice.
  const link = new URL((await people.getByRole("status").getByRole("code").textContent())!.trim());
  await officer.close();

  const page = await (await browser.newContext()).newPage();
  await page.goto(link.pathname + link.search);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('input[name="confirmPassword"]').fill(PASSWORD);
  await page.locator('form#accept-invitation button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
  return { email, page };
}

async function signOut(page: Page) {
  await page.locator('form[action="/logout"] button').click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Email and password only: the page then asks for the code. */
async function passwordStep(page: Page, email: string) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form[id="login"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
}

for (const lng of ["en", "ar"] as const) {
  test(`a delegate sets up two-factor sign-in, signs in with a code and with a recovery code, and turns it off (${lng})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const text = TEXT[lng];
    const { email, page } = await newDelegate(browser, lng);

    // From the account page to the two-factor page.
    await page.goto("/account");
    await expect(page.locator("html")).toHaveAttribute("dir", lng === "ar" ? "rtl" : "ltr");
    await expect(page.getByRole("heading", { level: 2, name: text.title })).toBeVisible();
    await page.locator('a[href="/account/two-factor"]').click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.title);
    await page.locator('form:has(input[name="intent"][value="start"]) button').click();

    // The QR code, the same key as text (left to right, in fours), and a code to confirm.
    const qr = page.getByRole("img", { name: text.qr });
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute("role", "img");
    // The key, in the same step as the QR code.
    const key = page.getByRole("listitem").filter({ has: qr }).getByRole("code");
    await expect(key).toHaveAttribute("dir", "ltr");
    const shown = (await key.textContent())!;
    expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = shown.replace(/ /g, "");
    const input = page.locator('form[id="two-factor-confirm"] input[name="code"]');
    await expect(input).toHaveAttribute("inputmode", "numeric");
    await expect(input).toHaveAttribute("autocomplete", "one-time-code");
    await expect(input).toHaveAttribute("dir", "ltr");
    await expectAccessible(page);
    // A wrong code first: refused in words, nothing turned on.
    const { otp } = await generateTOTP({ secret, algorithm: "SHA-1", digits: 6, period: 30 });
    await input.fill(otp === "000000" ? "111111" : "000000");
    await page.locator('form[id="two-factor-confirm"] button[type="submit"]').click();
    await expect(page.locator('form[id="two-factor-confirm"] [role="alert"]')).toBeVisible();
    await input.fill(await freshTotp(secret));
    await page.locator('form[id="two-factor-confirm"] button[type="submit"]').click();

    // The ten recovery codes, shown once.
    const recoveryCodes = page.getByRole("region", { name: text.codes });
    const codes = recoveryCodes.getByRole("list").getByRole("code");
    await expect(codes).toHaveCount(10);
    const recovery = await codes.allTextContents();
    for (const code of recovery) expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect(recoveryCodes.getByRole("list")).toHaveAttribute("dir", "ltr");
    await expectAccessible(page);
    await recoveryCodes.getByRole("link", { name: text.saved }).click();
    await expect(page.getByTestId("recovery-left")).toHaveText(text.left);

    // Signing in again: the password, then a code from the app.
    await signOut(page);
    await passwordStep(page, email);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.title);
    const code = page.locator('form[id="two-factor"] input[name="code"]');
    await expect(code).toHaveAttribute("inputmode", "numeric");
    await expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await expect(code).toHaveAttribute("dir", "ltr");
    await expect(code).toBeFocused();
    await expectAccessible(page);
    await enterTwoFactorCode(page, secret);
    await expect(page).toHaveURL(/\/$/);

    // And with a recovery code instead, typed in lower case.
    await signOut(page);
    await passwordStep(page, email);
    await page.getByText(text.useRecovery, { exact: true }).click();
    await page.locator('form[id="two-factor-recovery"] input[name="code"]').fill(recovery[0]!.toLowerCase());
    await page.locator('form[id="two-factor-recovery"] button[type="submit"]').click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/account/two-factor");
    await expect(page.getByTestId("recovery-left")).toHaveText(text.leftAfter);

    // Off again: the password and a current code.
    await page.locator('form[id="two-factor-disable"] input[name="password"]').fill(PASSWORD);
    await page.locator('form[id="two-factor-disable"] input[name="code"]').fill(await freshTotp(secret));
    await page.locator('form[id="two-factor-disable"] button[type="submit"]').click();
    await expect(page.getByRole("status").filter({ hasText: text.off })).toHaveText(text.off);
    await expectAccessible(page);
    // The password alone signs in once more.
    await signOut(page);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form[id="login"] button[type="submit"]').click();
    await expect(page).toHaveURL(/\/$/);
  });
}

test("the secretariat signs in with the demo's published secret, and cannot turn it off", async ({ page }) => {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(DEMO.secretariat);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form[id="login"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  // On the embedded demo database the page shows the demo account's current code.
  await expect(page.getByTestId("demo-code")).toContainText(/\d{6}/);
  await enterTwoFactorCode(page);
  await expect(page.getByRole("banner").getByText("Secretariat", { exact: true })).toBeVisible();
  await page.goto("/account/two-factor");
  await expect(page.getByText("Two-factor sign-in is required for secretariat accounts.")).toBeVisible();
  await expect(page.locator('form[id="two-factor-disable"]')).toHaveCount(0);
});
