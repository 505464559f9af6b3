import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateTOTP } from "@epic-web/totp";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";

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

/** The demo secretariat's published two-factor secret (README, "Demo accounts"; db/seed.ts). */
export const DEMO_TOTP_SECRET = "NONPAPERDEMOTOTPSECRETARIATCODES";

/** Signs in through the real form, as a person would; with a code from the app when the page asks. */
export async function signIn(page: Page, email: string, totpSecret: string = DEMO_TOTP_SECRET) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form[id="login"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$|\/login\/two-factor$/);
  if (new URL(page.url()).pathname === "/login/two-factor") await enterTwoFactorCode(page, totpSecret);
  await expect(page).toHaveURL(/\/$/);
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
export type DemoAccount = keyof typeof DEMO;

// Sign-in states kept for the run (Playwright empties test-results/ before each run): a test that is
// not about signing in starts signed in, without the form and without waiting for a fresh two-factor
// code. Each account's state is one session shared by the tests that reuse it, so a test that ends
// sessions or changes a password uses an account of its own (account.spec.ts, two-factor.spec.ts).
const STATES = path.join("test-results", ".auth");

/**
 * Signs `page` in as a demo account with the run's stored sign-in state; the first time (or when
 * the stored session has ended) through the real form, whose result is then stored.
 */
export async function loginAs(page: Page, account: DemoAccount | (typeof DEMO)[DemoAccount]) {
  const who = account in DEMO ? (account as DemoAccount) : (Object.keys(DEMO) as DemoAccount[]).find((key) => DEMO[key] === account)!;
  const file = path.join(STATES, `${who}.json`);
  let stored: StorageState | null = null;
  try {
    stored = JSON.parse(readFileSync(file, "utf8")) as StorageState;
  } catch {
    // Not signed in yet in this run.
  }
  if (stored) {
    await page.context().addCookies(stored.cookies);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/login")) return;
    await page.context().clearCookies();
  }
  await signIn(page, DEMO[who]);
  mkdirSync(STATES, { recursive: true });
  // Written whole, then renamed: the other worker may be reading it.
  const partial = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(partial, JSON.stringify(await page.context().storageState()));
  renameSync(partial, file);
}

// A time step is accepted once per account (no replay), and both workers sign in as the demo
// secretariat: the steps used are kept in a file beside the run, and a code is entered under a
// lock shared by the workers, so that no two of them send the same code and none is refused.
// A second sign-in within the same 30 seconds waits for the next code, as a person would.
const COORDINATION = path.join(os.tmpdir(), `nonpaper-e2e-totp-${process.env.E2E_PORT ?? 3210}`);
const LOCK = `${COORDINATION}.lock`;
const STEPS = `${COORDINATION}.json`;
const stepNow = () => Math.floor(Date.now() / 30_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withCodeLock<T>(run: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a worker that died mid-way is broken after a minute.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 60_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      // The time spent waiting for the other worker's code is given to this test.
      const pause = 100 + Math.random() * 100;
      test.info().setTimeout(test.info().timeout + pause);
      await sleep(pause);
    }
  }
  try {
    return await run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function stepsUsed(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(STEPS, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

/** The app's code for a step not used yet for this secret (waiting for the next one if need be); call under the lock. */
async function nextCode(secret: string): Promise<string> {
  if (stepNow() <= (stepsUsed()[secret] ?? 0)) await waitForNextStep();
  const { otp } = await generateTOTP({ secret, algorithm: "SHA-1", digits: 6, period: 30 });
  writeFileSync(STEPS, JSON.stringify({ ...stepsUsed(), [secret]: stepNow() }));
  return otp;
}

/** The authenticator app's code for a step not used yet (a form that asks for one, other than sign-in). */
export function freshTotp(secret: string = DEMO_TOTP_SECRET): Promise<string> {
  return withCodeLock(() => nextCode(secret));
}

/**
 * On the code page: types the authenticator app's current code, computed from the secret as the
 * app would, and waits for the answer before another worker may send one.
 */
export async function enterTwoFactorCode(page: Page, secret: string = DEMO_TOTP_SECRET) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const status = await withCodeLock(async () => {
      const otp = await nextCode(secret);
      await page.locator('form[id="two-factor"] input[name="code"]').fill(otp);
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith("/login/two-factor") && r.request().method() === "POST");
      await page.locator('form[id="two-factor"] button[type="submit"]').click();
      return (await answer).status();
    });
    // 400: a code already used some other way (a journey that typed one itself): the next one.
    if (status !== 400) {
      await expect(page).not.toHaveURL(/\/login\/two-factor/);
      return;
    }
  }
  throw new Error("the two-factor code was refused three times");
}

async function waitForNextStep() {
  const wait = (stepNow() + 1) * 30_000 - Date.now() + 250;
  test.info().setTimeout(test.info().timeout + wait);
  await sleep(wait);
}

/** axe's serious and critical violations on the page as it stands (WCAG 2.1 A and AA), one line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
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

/** The 2020 draft report's annex (three agenda items, seven points), as an officer pastes it. */
function annex2020(): string {
  const report = readFileSync(path.resolve("db/seed-data/reference/wg2-2020-draft-report.txt"), "utf8");
  return report.slice(report.indexOf("A. Updating the legislative records"), report.indexOf("III. Organization of the meeting"));
}

/**
 * Through the forms, from the home page: a new meeting and consultation whose agenda is pasted from
 * the 2020 draft report's annex, with these delegations registered (`delegations` as typed in the
 * search, `registered` how many it finds), and non-paper 1 circulated. Returns the consultation's path.
 */
export async function createCirculatedConsultation(
  page: Page,
  { title, prefix, delegations, registered }: { title: string; prefix: string; delegations: string; registered: number },
): Promise<string> {
  await createMeetingAndConsultation(page, title, prefix);
  const consultation = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Next step: Agenda items and points" }).click();
  await page.getByRole("link", { name: "Paste from a report" }).click();
  await page.getByLabel("Text of the report's annex or recommendations section").fill(annex2020());
  await page.getByRole("button", { name: "Split into agenda items and points" }).click();
  await page.getByRole("button", { name: "Save to the consultation" }).click();
  await expect(page.getByText(/Saved: 3 agenda items and 7 points/)).toBeVisible();
  await page.goto(consultation + "/registrations");
  await page.getByLabel("Names of delegations").fill(delegations);
  await page.getByRole("button", { name: "Find the delegations" }).click();
  await page.getByRole("button", { name: "Register the selected delegations" }).click();
  await expect(page.getByText(registered === 1 ? "1 delegation registered" : `${registered} delegations registered`)).toBeVisible();
  await page.goto(consultation + "/circulate");
  await page.getByLabel(/Circulate non-paper 1 now/).check();
  await page.getByRole("button", { name: "Circulate the non-paper" }).click();
  await expect(page.getByRole("status")).toContainText("Non-paper 1 has been circulated");
  return consultation;
}
