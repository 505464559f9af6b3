// Every page each role can open, in English and in Arabic (issue 14): axe finds no serious or
// critical violation, and each page has its own <title>, translated. The ids come from the links
// the pages themselves give (the home page, the overview, the desk, the submissions list), never
// hard-coded; the draft consultation is made through the forms.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { accessibilityViolations, createMeetingAndConsultation, DEMO, DEMO_PASSWORD, loginAs, TITLE_2020, TITLE_2023, type DemoAccount } from "./support";

type Language = "en" | "ar";

/** A page to visit: the status it answers with, and another visit it is the same page as (a state of it). */
type Visit = { path: string; status?: number; sameAs?: string };

type Seen = { path: string; title: string; sameAs?: string };

const ARABIC_LETTER = /[\u0600-\u06FF]/;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/**
 * Opens pages one after the other in one language, and gathers what is wrong with each (axe's
 * serious and critical violations, the title, the status), to be reported at once at the end: one
 * page's failure does not hide the next one's.
 */
class Tour {
  readonly problems: string[] = [];
  readonly seen: Seen[] = [];
  /** Every link met so far, for the ids of the pages that come next. */
  readonly links = new Set<string>();

  constructor(
    private readonly page: Page,
    private readonly language: Language,
  ) {}

  async visit({ path, status = 200, sameAs }: Visit) {
    const page = this.page;
    const response = await page.goto(path);
    const answered = response?.status() ?? 0;
    if (answered !== status) this.problems.push(`${path}: answered ${answered}, not ${status}`);
    // Hydrated (React has taken over the document): axe reads the page the reader will use.
    const hydrated = await page
      .waitForFunction(() => Object.keys(document).some((key) => key.startsWith("__reactContainer")), null, { timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    if (!hydrated) this.problems.push(`${path}: not hydrated after 20 s`);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      titles: document.querySelectorAll("title").length,
      title: document.title,
      links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!),
    }));
    for (const link of facts.links) this.links.add(link);
    if (facts.lang !== this.language) this.problems.push(`${path}: <html lang="${facts.lang}">, not ${this.language}`);
    if (facts.titles !== 1) this.problems.push(`${path}: ${facts.titles} <title> elements`);
    const title = facts.title.trim();
    if (!title) this.problems.push(`${path}: empty title`);
    if (this.language === "ar" && !ARABIC_LETTER.test(title)) this.problems.push(`${path}: title not translated: "${title}"`);
    for (const violation of await accessibilityViolations(page)) this.problems.push(`${path}: ${violation}`);
    this.seen.push({ path, title, sameAs });
  }

  /** The first link met so far whose address matches `pattern`. */
  link(pattern: RegExp): string {
    const found = [...this.links].find((href) => pattern.test(href));
    if (!found) throw new Error(`no link matching ${pattern} on the pages visited`);
    return found;
  }

  /** Different pages with the same title, then everything else found; none expected. */
  report(): string[] {
    const byTitle = new Map<string, string[]>();
    for (const { path, title, sameAs } of this.seen) {
      const paths = byTitle.get(title) ?? [];
      if (!paths.includes(sameAs ?? path)) paths.push(sameAs ?? path);
      byTitle.set(title, paths);
    }
    const duplicates = [...byTitle].filter(([, paths]) => paths.length > 1).map(([title, paths]) => `same title "${title}": ${paths.join(", ")}`);
    return [...duplicates, ...this.problems];
  }
}

/** Signed in as `account`, the interface in `language` by the lng cookie (the profile is left as it is). */
async function signedIn(page: Page, context: BrowserContext, baseURL: string, account: DemoAccount, language: Language) {
  await loginAs(page, account);
  await context.addCookies([{ name: "lng", value: language, url: baseURL }]);
}

/** The address of a consultation from the home page's list. */
async function consultationFrom(page: Page, title: string): Promise<string> {
  const href = await page.getByRole("link", { name: title, exact: true }).first().getAttribute("href");
  if (!href) throw new Error(`no link to "${title}" on the home page`);
  return href;
}

const LANGUAGES: Language[] = ["en", "ar"];

test.describe("every page", () => {
  // Up to twenty-one pages a test, each opened once and checked by axe (1.5–3 s a page; 15 s for
  // the 2020 registrations, 5,700 elements): 20–90 s a test on a loaded machine, alone in its worker.
  test.describe.configure({ timeout: 240_000 });

  for (const language of LANGUAGES) {
    test(`public pages (${language})`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "lng", value: language, url: baseURL! }]);
      const tour = new Tour(page, language);
      await tour.visit({ path: "/login" });
      await tour.visit({ path: "/login?idle=1", sameAs: "/login" });
      await tour.visit({ path: "/password-reset" });
      await tour.visit({ path: "/password-reset?sent=1", sameAs: "/password-reset" });
      await tour.visit({ path: "/password-reset/not-a-real-token", status: 404 });
      await tour.visit({ path: "/invitations/not-a-real-token", status: 404 });
      await tour.visit({ path: "/no-such-page", status: 404 });
      // The second step of signing in: the password accepted, a code asked for (not given here).
      await page.goto("/login");
      await page.locator('input[name="email"]').fill(DEMO.secretariat);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.locator('form[id="login"] button[type="submit"]').click();
      await expect(page).toHaveURL(/\/login\/two-factor$/);
      await tour.visit({ path: "/login/two-factor" });
      expect(tour.report()).toEqual([]);
    });

    test(`the secretariat's pages outside the consultations, and a draft's (${language})`, async ({ page, context, baseURL }) => {
      await loginAs(page, "secretariat");
      // A draft consultation of its own, made in English through the forms before the switch.
      const stamp = `${language.toUpperCase()}${Date.now().toString(36).toUpperCase()}`;
      await createMeetingAndConsultation(page, `Every page, draft ${stamp}`, `EP-${stamp}`);
      const draft = new URL(page.url()).pathname;
      await context.addCookies([{ name: "lng", value: language, url: baseURL! }]);

      const tour = new Tour(page, language);
      for (const path of [
        "/",
        "/users",
        "/outbox",
        "/account",
        "/account/two-factor",
        "/meetings/new",
        "/consultations/new",
        "/archive/import",
        "/outbox/reset-link",
      ])
        await tour.visit({ path });
      // The draft: the pages the secretariat prepares it on, and its meeting.
      for (const page of ["", "/edit", "/agenda", "/agenda/import", "/registrations", "/circulate", "/audit"]) await tour.visit({ path: `${draft}${page}` });
      await tour.visit({ path: tour.link(new RegExp(`^/meetings/${UUID}/edit`)) });
      await tour.visit({ path: "/no-such-page", status: 404 });
      expect(tour.report()).toEqual([]);
    });

    test(`the secretariat's pages of the 2020 and 2023 consultations (${language})`, async ({ page, context, baseURL }) => {
      await signedIn(page, context, baseURL!, "secretariat", language);
      const tour = new Tour(page, language);
      await tour.visit({ path: "/" });
      const c2020 = await consultationFrom(page, TITLE_2020);
      const c2023 = await consultationFrom(page, TITLE_2023);
      // The 2020 consultation, open and circulated: every page of it.
      await tour.visit({ path: c2020 });
      const pointHistory = tour.link(new RegExp(`^${c2020}/points/${UUID}$`));
      for (const page of ["edit", "agenda", "agenda/import", "registrations", "circulate", "closing", "submissions", "submissions/import", "translations"])
        await tour.visit({ path: `${c2020}/${page}` });
      const revision = tour.link(new RegExp(`^${c2020}/submissions/[A-Z]+/\\d+$`));
      const translation = tour.link(new RegExp(`^${c2020}/translations/${UUID}$`));
      for (const path of [
        revision,
        translation,
        `${c2020}/side-by-side`,
        `${c2020}/matrix`,
        `${c2020}/crp`,
        pointHistory,
        `${c2020}/audit`,
        `${c2020}/non-paper`,
      ])
        await tour.visit({ path });
      // The 2023 consultation, closed.
      await tour.visit({ path: c2023 });
      // A page of the consultation that does not exist: the error inside the frame.
      await tour.visit({ path: `${c2020}/points/00000000-0000-4000-8000-000000000000`, status: 404 });
      expect(tour.report()).toEqual([]);
    });

    test(`the chair's pages (${language})`, async ({ page, context, baseURL }) => {
      await signedIn(page, context, baseURL!, "chair", language);
      const tour = new Tour(page, language);
      await tour.visit({ path: "/" });
      const c2020 = await consultationFrom(page, TITLE_2020);
      await tour.visit({ path: "/account" });
      await tour.visit({ path: "/account/two-factor" });
      await tour.visit({ path: c2020 });
      const pointHistory = tour.link(new RegExp(`^${c2020}/points/${UUID}$`));
      for (const page of ["side-by-side", "matrix", "crp"]) await tour.visit({ path: `${c2020}/${page}` });
      const revision = tour.link(new RegExp(`^${c2020}/submissions/[A-Z]+/\\d+$`));
      await tour.visit({ path: revision });
      await tour.visit({ path: pointHistory });
      await tour.visit({ path: `${c2020}/non-paper` });
      await tour.visit({ path: "/users", status: 403 });
      await tour.visit({ path: "/no-such-page", status: 404 });
      expect(tour.report()).toEqual([]);
    });

    // English: the United States' delegate (an English profile); Arabic: Morocco's (an Arabic one).
    test(`the delegate's pages (${language})`, async ({ page, context, baseURL }) => {
      await signedIn(page, context, baseURL!, language === "ar" ? "morocco" : "usa", language);
      const tour = new Tour(page, language);
      await tour.visit({ path: "/" });
      const c2020 = await consultationFrom(page, TITLE_2020);
      await tour.visit({ path: "/account" });
      await tour.visit({ path: "/account/two-factor" });
      await tour.visit({ path: c2020 });
      await tour.visit({ path: `${c2020}/submission` });
      const receipt = tour.link(new RegExp(`^${c2020}/submission/receipts/\\d+$`));
      await tour.visit({ path: `${c2020}/submission/review` });
      await tour.visit({ path: receipt });
      await tour.visit({ path: `${c2020}/non-paper` });
      await tour.visit({ path: "/users", status: 403 });
      await tour.visit({ path: "/no-such-page", status: 404 });
      expect(tour.report()).toEqual([]);
    });
  }
});
