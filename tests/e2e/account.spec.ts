// Control of one's own account in a real browser, in English and in Arabic (right to left): the
// account page, "sign out everywhere else" seen from a second browser, a password change, a reset
// by a one-time link (handed over from the outbox, as there is no mail server here), and the
// secretariat disabling the account, which ends its session at once. Each journey uses a fresh
// delegate created through a real invitation, so no demo account's password ever changes.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, expectAccessible, signIn, TITLE_2020 } from "./support";

const LABELS = {
  en: {
    account: "Your account",
    title: "Your account",
    thisDevice: "This device",
    sessions: "Your sessions",
    endOthers: "Sign out everywhere else",
    othersEnded: /signed out everywhere else: 1 session was ended/,
    current: "Current password",
    newPassword: "New password",
    confirm: "New password again",
    change: "Change the password",
    wrongCurrent: "The current password is incorrect.",
    changed: /Your password has been changed/,
    forgot: "Forgot your password?",
    resetTitle: "Reset your password",
    chooseTitle: "Choose a new password",
    wrongSignIn: "The email address or password is incorrect.",
    resetEmail: "Email address",
    send: "Send the link",
    sent: /If an account exists for this address/,
    setNew: "Set the new password",
    resetDone: "Your password has been changed. Sign in with the new password.",
    signInEmail: "Email address",
    signInPassword: "Password",
    signIn: "Sign in",
  },
  ar: {
    account: "حسابي",
    title: "حسابي",
    thisDevice: "هذا الجهاز",
    sessions: "جلساتك",
    endOthers: "تسجيل الخروج من كل مكان آخر",
    othersEnded: /تم تسجيل خروجك من كل مكان آخر: أُنهيت جلسة واحدة/,
    current: "كلمة المرور الحالية",
    newPassword: "كلمة المرور الجديدة",
    confirm: "كلمة المرور الجديدة مرة أخرى",
    change: "تغيير كلمة المرور",
    wrongCurrent: "كلمة المرور الحالية غير صحيحة.",
    changed: /تم تغيير كلمة المرور/,
    forgot: "هل نسيت كلمة المرور؟",
    resetTitle: "إعادة تعيين كلمة المرور",
    chooseTitle: "اختيار كلمة مرور جديدة",
    wrongSignIn: "عنوان البريد الإلكتروني أو كلمة المرور غير صحيحة.",
    resetEmail: "عنوان البريد الإلكتروني",
    send: "إرسال الرابط",
    sent: /إذا كان هناك حساب لهذا العنوان/,
    setNew: "حفظ كلمة المرور الجديدة",
    resetDone: "تم تغيير كلمة المرور. سجّل الدخول بكلمة المرور الجديدة.",
    signInEmail: "عنوان البريد الإلكتروني",
    signInPassword: "كلمة المرور",
    signIn: "تسجيل الدخول",
  },
} as const;

type Lang = keyof typeof LABELS;

const FIRST_PASSWORD = "first long passphrase";
const SECOND_PASSWORD = "second long passphrase";
const THIRD_PASSWORD = "third long passphrase";

/** The secretariat invites a new delegate in `language`; the invitee creates the account. Returns its address. */
async function inviteAndAccept(browser: Browser, officer: Page, language: Lang): Promise<{ email: string; page: Page }> {
  const email = `account-${language}-${Date.now()}@example.org`;
  await officer.goto("/");
  await officer.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(officer.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  await officer.goto(`${new URL(officer.url()).pathname}/registrations`);
  // The first registered delegation (by its English name), opened by its name in the summary
  // (the first place the group writes it).
  const people = officer.getByRole("group", { name: "Algeria", exact: true });
  await people.getByText("Algeria", { exact: true }).first().click();
  await people.getByLabel("Email address").fill(email);
  await people.getByLabel("Name", { exact: true }).fill(`Account ${language}`);
  await people.getByLabel("Interface language").selectOption(language);
  await people.getByRole("button", { name: "Send the invitation" }).click();
  // Shown once, in the delegation's notice.
  const link = (await people.getByRole("status").getByRole("code").textContent())!.trim();
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}/);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.locator('input[name="password"]').fill(FIRST_PASSWORD);
  await page.locator('input[name="confirmPassword"]').fill(FIRST_PASSWORD);
  await page.locator('form#accept-invitation button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
  return { email, page };
}

async function signInWith(page: Page, language: Lang, email: string, password: string) {
  const l = LABELS[language];
  await page.getByLabel(l.signInEmail).fill(email);
  await page.getByLabel(l.signInPassword, { exact: true }).fill(password);
  await page.locator('form[id="login"] button[type="submit"]').click();
}

for (const language of ["en", "ar"] as const) {
  const l = LABELS[language];
  test(`account control in ${language === "en" ? "English" : "Arabic"}`, async ({ browser, page: officer }) => {
    // 40 s alone; 1.2–2.1 min beside the other worker's journeys on two cores.
    test.setTimeout(180_000);
    await signIn(officer, DEMO.secretariat);
    const { email, page } = await inviteAndAccept(browser, officer, language);
    await expect(page.locator("html")).toHaveAttribute("dir", language === "ar" ? "rtl" : "ltr");

    // A second browser of the same person.
    const locale = language === "ar" ? "ar" : "en-GB";
    const laptop = await (await browser.newContext({ locale })).newPage();
    await laptop.goto("/login");
    await signInWith(laptop, language, email, FIRST_PASSWORD);
    await expect(laptop).toHaveURL(/\/$/);

    // The account page, from the header: two sessions, this one marked.
    await page.getByRole("link", { name: l.account }).click();
    await expect(page.getByRole("heading", { level: 1, name: l.title })).toBeVisible();
    const sessions = page.getByRole("region", { name: l.sessions }).getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: l.thisDevice })).toHaveAttribute("aria-current", "true");
    await expect(sessions.locator("bdi[dir=ltr]").first()).toBeVisible();
    await expectAccessible(page);

    // Sign out everywhere else: the laptop's next request goes to the sign-in page.
    await page.getByRole("button", { name: l.endOthers }).click();
    await expect(page.getByRole("status")).toHaveText(l.othersEnded);
    await expect(sessions).toHaveCount(1);
    await laptop.reload();
    await expect(laptop).toHaveURL(/\/login/);

    // Change the password: the wrong current password first, then the right one.
    await page.getByLabel(l.current).fill("not my password at all");
    await page.getByLabel(l.newPassword, { exact: true }).fill(SECOND_PASSWORD);
    await page.getByLabel(l.confirm).fill(SECOND_PASSWORD);
    await page.getByRole("button", { name: l.change }).click();
    await expect(page.getByText(l.wrongCurrent)).toBeVisible();
    await page.getByLabel(l.current).fill(FIRST_PASSWORD);
    await page.getByLabel(l.newPassword, { exact: true }).fill(SECOND_PASSWORD);
    await page.getByLabel(l.confirm).fill(SECOND_PASSWORD);
    await page.getByRole("button", { name: l.change }).click();
    await expect(page.getByRole("status")).toHaveText(l.changed);
    await expectAccessible(page);

    // Forgot it: ask for a link from the sign-in page of a fresh browser, in the same language.
    const stranger = await (await browser.newContext({ locale })).newPage();
    await stranger.goto(`/login?lng=${language}`);
    await stranger.getByRole("link", { name: l.forgot }).click();
    await expect(stranger.getByRole("heading", { level: 1, name: l.resetTitle })).toBeVisible();
    await stranger.getByLabel(l.resetEmail).fill(email);
    await stranger.getByRole("button", { name: l.send }).click();
    await expect(stranger.getByRole("status")).toHaveText(l.sent);

    // No mail server here: the secretariat hands the link over from the outbox.
    await officer.goto("/outbox?status=pending");
    const row = officer
      .getByRole("row")
      .filter({ has: officer.getByText(email, { exact: true }) })
      .filter({ hasText: "Password reset" });
    await expect(row.getByText("Password reset", { exact: true })).toBeVisible();
    await row.getByRole("button", { name: "Hand over the link" }).click();
    const resetLink = (await officer.getByRole("region", { name: "Password reset link" }).getByRole("code").textContent())!.trim();
    expect(resetLink).toMatch(new RegExp(`/password-reset/[A-Za-z0-9_-]{43}\\?lng=${language}$`));

    await stranger.goto(new URL(resetLink).pathname + new URL(resetLink).search);
    await expect(stranger.locator("html")).toHaveAttribute("dir", language === "ar" ? "rtl" : "ltr");
    await expect(stranger.getByRole("heading", { level: 1, name: l.chooseTitle })).toBeVisible();
    await expectAccessible(stranger);
    await stranger.getByLabel(l.newPassword, { exact: true }).fill(THIRD_PASSWORD);
    await stranger.getByLabel(l.confirm).fill(THIRD_PASSWORD);
    await stranger.getByRole("button", { name: l.setNew }).click();
    // The sign-in page, at its own address: "reset done" is a one-time notice, not ?reset=done.
    await expect(stranger).toHaveURL(/\/login$/);
    await expect(stranger.getByRole("status")).toHaveText(l.resetDone);
    // Every session ended with the reset, this one too.
    await page.reload();
    await expect(page).toHaveURL(/\/login/);
    // The old password no longer works; the new one does. The link does not work twice.
    await signInWith(stranger, language, email, SECOND_PASSWORD);
    await expect(stranger.getByRole("alert")).toHaveText(l.wrongSignIn);
    await signInWith(stranger, language, email, THIRD_PASSWORD);
    await expect(stranger).toHaveURL(/\/$/);
    const reuse = await laptop.goto(new URL(resetLink).pathname);
    expect(reuse?.status()).toBe(410);

    // The secretariat disables the account: the delegate's open session ends at once.
    await officer.goto("/users");
    const userRow = officer.getByRole("row").filter({ has: officer.getByText(email, { exact: true }) });
    await userRow.getByText(`Disable Account ${language}`, { exact: true }).click();
    await userRow.getByRole("textbox").fill("End of assignment");
    await userRow.getByRole("checkbox").check();
    await userRow.getByRole("button", { name: "Disable the account" }).click();
    await expect(officer.getByRole("status")).toHaveText("The account has been disabled. 1 session was ended at once.");
    await expect(officer.getByRole("row").filter({ has: officer.getByText(email, { exact: true }) })).toContainText("Disabled");
    await stranger.goto("/account");
    await expect(stranger).toHaveURL(/\/login/);
    await expect(stranger.getByRole("heading", { level: 1, name: l.signIn })).toBeVisible();
    await signInWith(stranger, language, email, THIRD_PASSWORD);
    await expect(stranger.getByRole("alert")).toHaveText(l.wrongSignIn);
  });
}

test("the sign-in page explains an idle sign-out, in Arabic right to left", async ({ page }) => {
  await page.goto("/login?idle=120&lng=ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("status")).toContainText("120");
  await expect(page.getByRole("link", { name: LABELS.ar.forgot })).toBeVisible();
  await expectAccessible(page);
});

test("a delegate cannot open the secretariat's list of users, nor disable anyone", async ({ page }) => {
  await signIn(page, DEMO.usa);
  const response = await page.goto("/users");
  expect(response?.status()).toBe(403);
  const post = await page.request.post("/users", { form: { intent: "disable", userId: "00000000-0000-4000-8000-000000000000", confirm: "on" } });
  expect(post.status()).toBe(403);
});
