// Every word arrives as written (issue 11): the bytes of every page are valid UTF-8 with no
// U+0000 or U+FFFD, for every kind of reader in every interface language, compressed or not;
// long Arabic, Chinese and Russian comments typed in the browser come back byte for byte after
// an autosave, a reload and a submit, on the mission's and the secretariat's pages and in the
// archive; two delegates of one mission editing different passages lose nothing.
import { gunzipSync } from "node:zlib";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { longText, utf8Problem } from "../fixtures/six-scripts";
import { DEMO, loginAs, signIn, TITLE_2020, type DemoAccount } from "./support";

/** Waits until the page's scripts run (autosave starts once the editor is hydrated). */
async function ready(page: Page) {
  await page.waitForLoadState("networkidle");
}

async function openConsultation2020(page: Page): Promise<string> {
  await page.getByRole("link", { name: TITLE_2020 }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function signedInContext(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A demo account from the run's stored sign-in; the Egyptian delegates made here through the form.
  const demo = (Object.values(DEMO) as string[]).includes(email);
  await (demo ? loginAs(page, email as (typeof DEMO)[DemoAccount]) : signIn(page, email));
  return { context, page };
}

/** What the editor's controls are called in the delegates' languages (locales/<lang>/submissions.json). */
const WORDS = {
  ar: { autosave: "حفظ المسودة", review: "المراجعة والتقديم", submit: "تقديم التعليقات" },
  zh: { autosave: "草稿保存", review: "审阅并提交", submit: "提交意见" },
  ru: { autosave: "Сохранение проекта", review: "Проверить и представить", submit: "Представить замечания" },
} as const;

const saved = (page: Page, language: keyof typeof WORDS) =>
  expect(page.getByRole("group", { name: WORDS[language].autosave })).toHaveClass(/autosave-status--saved/, { timeout: 15_000 });

/** An element whose whole text is `text`, character for character (no white space folded). */
const whole = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

// ---------------------------------------------------------------------------------------------
// The bytes of every page

/** Same-origin pages linked from `html` (no sign-out, language switch or generated file). */
function linksOf(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)"[^>]*>/g)) {
    const tag = match[0];
    const href = match[1]!.replaceAll("&amp;", "&");
    if (/\bdownload\b/.test(tag)) continue;
    if (/^\/(logout|language)\b/.test(href) || href.startsWith("//")) continue;
    // Generated documents (DOCX, PDF, JSON, Markdown) are checked by their own tests.
    if (/\.(docx|pdf|json|md|html)$/.test(href.split("?")[0]!) || /\/crp\/[^/]+$/.test(href.split("?")[0]!)) continue;
    found.push(href);
  }
  return found;
}

/** Visits every page reachable from the home page (up to `limit`) and checks each one's bytes. */
async function crawl(page: Page, limit: number): Promise<{ visited: number; problems: string[] }> {
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const base = new URL(page.url()).origin;
  const queue = ["/"];
  const seen = new Set(queue);
  const problems: string[] = [];
  let visited = 0;
  while (queue.length && visited < limit) {
    const path = queue.shift()!;
    visited++;
    // Compressed, as browsers ask, and decompressed here: the bytes the server produced.
    const response = await fetch(base + path, { headers: { Cookie: cookies, "Accept-Encoding": "gzip" }, redirect: "manual" });
    const raw = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get("content-type") ?? "";
    if (!type.startsWith("text/")) continue;
    // Node's fetch already inflates gzip; check the wire form too when it is not inflated.
    const bytes = response.headers.get("content-encoding") === "gzip" && raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
    const problem = utf8Problem(bytes);
    if (problem) problems.push(`${path}: ${problem}`);
    if (!type.startsWith("text/html")) continue;
    for (const link of linksOf(bytes.toString("utf8"))) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return { visited, problems };
}

test("every page, for every kind of reader in their own language, is whole UTF-8: no U+0000, no U+FFFD", async ({ browser }) => {
  test.setTimeout(240_000);
  // The secretariat and the chair (English), and missions reading in Arabic, Chinese, French,
  // Russian and Spanish: the demo's comments in the six languages are on their pages.
  for (const email of [DEMO.secretariat, DEMO.chair, DEMO.morocco, DEMO.china, DEMO.russia, DEMO.france, DEMO.peru]) {
    const { context, page } = await signedInContext(browser, email);
    const { visited, problems } = await crawl(page, email === DEMO.secretariat ? 120 : 40);
    expect(problems, email).toEqual([]);
    expect(visited, `${email} reached pages`).toBeGreaterThan(email === DEMO.secretariat ? 20 : 4);
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Long comments typed in the browser, read back byte for byte

/** Types `text` into the field as a person does: the first characters key by key, the rest as input events (an IME or a paste). */
async function typeInto(page: Page, selector: string, text: string) {
  const field = page.locator(selector).first();
  await field.click();
  await field.pressSequentially(text.slice(0, 40));
  for (let i = 40; i < text.length; i += 400) await page.keyboard.insertText(text.slice(i, i + 400));
}

const JOURNEYS = [
  { name: "Arabic", email: "jordan@nonpaper.test", code: "JOR", language: "ar", shift: 0 },
  { name: "Chinese", email: "singapore@nonpaper.test", code: "SGP", language: "zh", shift: 1 },
  { name: "Russian", email: "kyrgyzstan@nonpaper.test", code: "KGZ", language: "ru", shift: 2 },
] as const;

for (const journey of JOURNEYS) {
  test(`a ${journey.name} comment of thousands of characters is typed, autosaved, reloaded, submitted and read back byte for byte`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    // Shifted by a few ASCII characters so that the characters fall differently on the stream's chunks.
    const general = "x".repeat(journey.shift) + longText(journey.language, 4_000, `${journey.code}-`);
    const comment = longText(journey.language, 2_500, `${journey.code}-a-`);
    await signIn(page, journey.email);
    const consultation = await openConsultation2020(page);
    await page.goto(`${consultation}/submission`);
    await ready(page);
    await page.locator('select[name="language"]').selectOption(journey.language);
    await typeInto(page, 'textarea[name^="general."]', general);
    await typeInto(page, 'textarea[name^="point."][name$=".comment"]', comment);
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await saved(page, journey.language);

    // After a reload, the server's draft: the very same characters.
    await page.reload();
    await ready(page);
    expect(await page.locator('textarea[name^="general."]').first().inputValue()).toBe(general);
    expect(await page.locator('textarea[name^="point."][name$=".comment"]').first().inputValue()).toBe(comment);
    const editorBytes = Buffer.from(await (await page.request.get(`${consultation}/submission`)).body());
    expect(utf8Problem(editorBytes)).toBeNull();

    // Review, submit, and the receipt: the submitted texts as typed.
    await page.getByRole("button", { name: WORDS[journey.language].review }).click();
    await expect(page).toHaveURL(/\/submission\/review$/);
    const main = page.getByRole("main");
    await expect(main.getByText(whole(general)).first()).toBeAttached();
    await expect(main.getByText(whole(comment)).first()).toBeAttached();
    await page.getByRole("button", { name: WORDS[journey.language].submit }).click();
    await expect(page).toHaveURL(/\/submission\/receipts\/\d+$/);
    const receiptPath = new URL(page.url()).pathname;
    const revision = receiptPath.split("/").pop()!;
    await expect(main.getByText(whole(general)).first()).toBeAttached();
    await expect(main.getByText(whole(comment)).first()).toBeAttached();
    expect(utf8Problem(Buffer.from(await (await page.request.get(receiptPath)).body()))).toBeNull();

    // The secretariat reads the same characters on the submission's page and in the archive.
    const { context, page: officer } = await signedInContext(browser, DEMO.secretariat);
    await officer.goto(`${consultation}/submissions/${journey.code}/${revision}`);
    await expect(officer.getByRole("main").getByText(whole(general)).first()).toBeAttached();
    await expect(officer.getByRole("main").getByText(whole(comment)).first()).toBeAttached();
    const archive = await officer.request.get(`${consultation}/archive.json`);
    expect(archive.ok()).toBe(true);
    const archiveBytes = Buffer.from(await archive.body());
    expect(utf8Problem(archiveBytes)).toBeNull();
    const archiveText = archiveBytes.toString("utf8");
    expect(archiveText).toContain(JSON.stringify(general).slice(1, -1));
    expect(archiveText).toContain(JSON.stringify(comment).slice(1, -1));
    await context.close();
  });
}

// ---------------------------------------------------------------------------------------------
// Two delegates of one mission

test("two delegates of Egypt's mission see each other, and edits of different passages merge without asking", async ({ browser }) => {
  test.setTimeout(90_000);
  const first = await signedInContext(browser, "egypt@nonpaper.test");
  const consultation = await openConsultation2020(first.page);
  const editor = `${consultation}/submission`;
  await first.page.goto(editor);
  await ready(first.page);

  const second = await signedInContext(browser, "egypt2@nonpaper.test");
  await second.page.goto(editor);
  await ready(second.page);
  // Each sees that the other has the draft open.
  // "Also working on this draft now: …", in Arabic.
  const presence = (page: Page) => page.getByRole("status").filter({ hasText: "يعمل الآن على هذه المسودة أيضاً" });
  await expect(presence(second.page)).toContainText("Nour El-Sayed");
  await expect(presence(first.page)).toContainText("Karim Mansour", { timeout: 40_000 });

  const comments = (page: Page) => page.locator('textarea[name^="point."][name$=".comment"]');
  const mine = "تقترح مصر إضافة إشارة إلى التعاون الإقليمي في الفقرة (ب).";
  const theirs = "يؤيد وفد مصر الفقرة (ج) بصيغتها الحالية.";

  // The first saves a comment on (b); the second, whose page predates that save, writes on (c).
  await comments(first.page).nth(1).fill(mine);
  await comments(first.page).nth(1).blur();
  await saved(first.page, "ar");
  await comments(second.page).nth(2).fill(theirs);
  await comments(second.page).nth(2).blur();

  // No panel, no choice: the colleague's passage is taken, the second's kept, and both saved.
  // The panel "Another delegate saved the draft meanwhile", and "Their changes have been combined with yours", in Arabic.
  const conflictPanel = (page: Page) => page.getByRole("region", { name: "حفظ مندوب آخر المسودة في الأثناء" });
  await expect(conflictPanel(second.page)).toHaveCount(0);
  await expect(second.page.getByRole("status").filter({ hasText: "ودُمجت تغييراته مع تغييراتكم" })).toContainText("Nour El-Sayed");
  await saved(second.page, "ar");
  await expect(comments(second.page).nth(1)).toHaveValue(mine);
  await first.page.reload();
  await ready(first.page);
  await expect(comments(first.page).nth(1)).toHaveValue(mine);
  await expect(comments(first.page).nth(2)).toHaveValue(theirs);

  // Both change the same passage: the second is asked, with nothing chosen in advance.
  await second.page.reload();
  await ready(second.page);
  await comments(first.page).nth(2).fill(`${theirs} (صيغة أولى)`);
  await comments(first.page).nth(2).blur();
  await saved(first.page, "ar");
  await comments(second.page).nth(2).fill(`${theirs} (صيغة ثانية)`);
  await comments(second.page).nth(2).blur();
  const panel = conflictPanel(second.page);
  await expect(panel).toBeVisible();
  // One passage to decide ("Keep mine", "Take theirs"), then "Save with these choices".
  await expect(panel.getByRole("group")).toHaveCount(1);
  await expect(panel.getByRole("radio", { checked: true })).toHaveCount(0);
  const resolve = panel.getByRole("button", { name: "الحفظ بهذه الاختيارات" });
  await expect(resolve).toHaveAttribute("aria-disabled", "true");
  await panel.getByRole("radio", { name: "اعتماد النص الآخر" }).check();
  await resolve.click();
  await saved(second.page, "ar");
  await expect(comments(second.page).nth(2)).toHaveValue(`${theirs} (صيغة أولى)`);
  await expect(comments(second.page).nth(1)).toHaveValue(mine);

  await first.context.close();
  await second.context.close();
});
