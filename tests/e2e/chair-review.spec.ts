import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectAccessible, loginAs, TITLE_2020 } from "./support";

/** The page's review forms (one at most, opened for the entry under review). */
const reviewForms = (page: Page) => page.getByRole("form", { name: "Your review" });

/** What the delegations said on a point, counted: the point's review summary. */
const summaryOf = (page: Page, label: string) => page.getByRole("region", { name: `Point ${label}` }).getByRole("region", { name: "Review summary" });

/** Opens the 2020 Working Group consultation from the home page and returns its address. */
async function openConsultation2020(page: Page) {
  await page.getByRole("link", { name: TITLE_2020 }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("the chair reads agenda item 2 side by side, tags Peru's amendment and follows a matrix cell", async ({ page }) => {
  await loginAs(page, "chair");
  const consultation = await openConsultation2020(page);
  // From the point on the consultation page to what every delegation said on it.
  await page.getByRole("link", { name: "What delegations said on point (c)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Side-by-side view: agenda item 2");
  const pointC = page.getByRole("region", { name: "Point (c)" });

  // Peru's Spanish original beside its English translation (its amendment to (c), which the
  // delegate journeys running alongside never change).
  const peruOnC = pointC.getByRole("article", { name: "Peru" });
  const peruTranslation = peruOnC.getByRole("group", { name: "Unofficial translation" });
  await expect(peruTranslation).toContainText("Unofficial translation");
  const peruOriginal = peruOnC.getByRole("group", { name: "Original (Spanish)" });
  await expect(peruOriginal.getByText(/fiscalías/).first()).toHaveAttribute("lang", "es");
  await expect(peruTranslation).toContainText("prosecution services");

  // Who proposed to change the wording of (c), named in the point's summary.
  const summary = summaryOf(page, "(c)");
  await expect(summary).toContainText("1 delegation proposed an amendment");
  await expect(summary.getByRole("link", { name: "Peru" })).toBeVisible();

  // Morocco's comment on (c): the Arabic original, right to left.
  const moroccoOnC = pointC.getByRole("article", { name: "Morocco" });
  await expect(moroccoOnC.getByRole("group", { name: "Original (Arabic)" }).locator('[lang="ar"]')).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  // The whole agenda item.
  await page.goto(`${consultation}/side-by-side?item=2`);
  await expect(page.getByRole("region", { name: "Point (a)" }).getByRole("article", { name: "Peru" })).toBeVisible();

  // Peru's amendment to (c), as a redline, tagged "proposes amendment": the summary changes.
  await expect(peruOnC.getByRole("group", { name: "Proposed amendment" }).locator("ins, del").first()).toBeVisible();
  await expect(summary).not.toContainText("Proposes amendment:");
  // One review form on the page, opened for the entry that is reviewed (none in the page before).
  await expect(reviewForms(page)).toHaveCount(0);
  await peruOnC.getByRole("button", { name: "Review this entry" }).click();
  await expect(reviewForms(page)).toHaveCount(1);
  await expect(peruOnC.getByLabel("Tag")).toBeFocused();
  await expectAccessible(page);
  await peruOnC.getByLabel("Tag").selectOption("proposes_amendment");
  await peruOnC.getByLabel("Private note").fill("To discuss with the Bureau.");
  await peruOnC.getByRole("button", { name: "Save the review" }).click();
  await expect(page).toHaveURL(/#point-[0-9a-f-]+-PER$/);
  await expect(summaryOf(page, "(c)")).toContainText("Proposes amendment: 1 delegation");
  // The form closed; the focus is back on the entry's button, which now edits the saved review.
  const peruAfter = page.getByRole("region", { name: "Point (c)" }).getByRole("article", { name: "Peru" });
  await expect(peruAfter.getByRole("button", { name: "Edit your review" })).toBeFocused();
  await expect(peruAfter.getByRole("group", { name: "Your review" })).toContainText("To discuss with the Bureau.");
  await peruAfter.getByRole("button", { name: "Edit your review" }).click();
  await expect(peruAfter.getByLabel("Private note")).toHaveValue("To discuss with the Bureau.");
  await expect(peruAfter.getByLabel("Tag")).toHaveValue("proposes_amendment");
  // Cancel closes it again and gives the focus back.
  await peruAfter.getByRole("link", { name: "Cancel" }).click();
  await expect(reviewForms(page)).toHaveCount(0);
  await expect(peruAfter.getByRole("button", { name: "Edit your review" })).toBeFocused();

  // The matrix, then France × (c) back to the side-by-side at that entry.
  await page.getByRole("link", { name: "Matrix of comments" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Matrix of comments");
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page);
  await page.locator('a[href*="point=c&delegation=FRA"]').click();
  await expect(page).toHaveURL(/side-by-side\?item=2&point=c&delegation=FRA/);
  const france = page.getByRole("region", { name: "Point (c)" }).getByRole("article", { name: "France" });
  await expect(france).toBeVisible();
  await expect(france).toContainText("You followed a link to this entry.");
});

test("the chair records what became of Peru's amendment to (c), with the Secretariat's observations, and lists what has no disposition yet", async ({
  page,
}) => {
  await loginAs(page, "chair");
  const consultation = await openConsultation2020(page);
  await page.goto(`${consultation}/side-by-side?item=2&point=c`);
  const peru = page.getByRole("region", { name: "Point (c)" }).getByRole("article", { name: "Peru" });
  await peru.getByRole("button", { name: /Review this entry|Edit your review/ }).click();
  const observation = "Reflected in (c) of Rev.1; «la asistencia» kept as proposed — تم الإبقاء عليها.";
  await peru.getByRole("combobox", { name: "Disposition" }).selectOption("partly_reflected");
  await peru.getByLabel("Observations of the Secretariat").fill(observation);
  await expectAccessible(page);
  await peru.getByRole("button", { name: "Save the disposition" }).click();
  await expect(page).toHaveURL(/#point-[0-9a-f-]+-PER$/);
  const saved = page.getByRole("region", { name: "Point (c)" }).getByRole("article", { name: "Peru" });
  const decided = saved.getByRole("group", { name: "Disposition" });
  await expect(decided).toContainText("Partly reflected");
  // Every character as typed.
  expect(await decided.locator(".sbs-disposition__observation").evaluate((p) => p.lastChild?.textContent?.trim())).toBe(observation);
  await expect(summaryOf(page, "(c)")).toContainText("Partly reflected: 1 comment");

  // The comment-resolution table, from the page's link: Peru's row on (c) with its disposition and the observations as typed.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe("comment-resolution.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows).toContainEqual(expect.arrayContaining(["2", "(c)", "Peru", "Partly reflected", observation]));

  // The filter "No disposition yet" leaves Peru's amendment out, and keeps the others.
  await page.getByRole("combobox", { name: "Disposition" }).selectOption("none");
  await page.getByRole("button", { name: "Apply the filters" }).click();
  await expect(page).toHaveURL(/disposition=none/);
  const pointC = page.getByRole("region", { name: "Point (c)" });
  await expect(pointC.getByRole("article").first()).toBeVisible();
  await expect(pointC.getByRole("article", { name: "Peru" })).toHaveCount(0);
});

test("the secretariat shows the dispositions to delegations, and Peru's delegate reads what became of its amendment", async ({ page, browser }) => {
  await loginAs(page, "secretariat");
  const consultation = await openConsultation2020(page);
  await page.goto(`${consultation}/side-by-side?item=2&point=c`);
  await page.getByRole("button", { name: "Show the dispositions to delegations" }).click();
  await expect(page.getByText(/Delegations see the dispositions of their own comments since/)).toBeVisible();

  // Peru's delegate reads the interface in Spanish.
  const peru = await (await browser.newContext()).newPage();
  await loginAs(peru, "peru");
  await peru.goto(consultation);
  await peru.getByRole("navigation", { name: "Páginas de esta consulta" }).getByRole("link", { name: "Curso dado a nuestras observaciones" }).click();
  await expect(peru.getByRole("heading", { level: 1 })).toContainText("Curso dado a las observaciones del Perú");
  const amendment = peru.getByRole("article", { name: "Enmienda al punto (c)" });
  await expect(amendment).toContainText("Reflejada en parte");
  await expect(amendment).toContainText("Observaciones de la Secretaría");
  await expectAccessible(peru);
  await peru.context().close();

  // Stopped again: the delegation's page says they are not published.
  await page.getByRole("button", { name: "Stop showing them" }).click();
  await expect(page.getByText("Delegations do not see the dispositions yet.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the chair opens one entry's review form, saves it and comes back to the entry", async ({ page }) => {
    await loginAs(page, "chair");
    const consultation = await openConsultation2020(page);
    await page.goto(`${consultation}/side-by-side?item=2&point=g`);
    const pointG = page.getByRole("region", { name: "Point (g)" });
    const china = pointG.getByRole("article", { name: "China" });
    await expect(reviewForms(page)).toHaveCount(0);
    await china.getByRole("button", { name: /Review this entry|Edit your review/ }).click();
    // The server rendered the form in China's entry, and only there.
    await expect(page).toHaveURL(/[?&]review=[0-9a-f-]+#sbs-review$/);
    await expect(reviewForms(page)).toHaveCount(1);
    await china.getByLabel("Tag").selectOption("needs_follow_up");
    await china.getByLabel("Private note").fill("Ask the Chinese delegation.");
    // (axe needs JavaScript: the test above checks the page with the form open.)
    await china.getByRole("button", { name: "Save the review" }).click();
    await expect(page).toHaveURL(/side-by-side\?item=2&point=g#point-[0-9a-f-]+-CHN$/);
    await expect(reviewForms(page)).toHaveCount(0);
    const saved = page.getByRole("region", { name: "Point (g)" }).getByRole("article", { name: "China" });
    await expect(saved.getByRole("group", { name: "Your review" })).toContainText("Needs follow-up");
    await expect(saved.getByRole("group", { name: "Your review" })).toContainText("Ask the Chinese delegation.");
    await expect(summaryOf(page, "(g)")).toContainText("Needs follow-up: 1 delegation");
    // Opened again, the form holds what was saved; Cancel goes back without it.
    await saved.getByRole("button", { name: "Edit your review" }).click();
    await expect(saved.getByLabel("Private note")).toHaveValue("Ask the Chinese delegation.");
    await saved.getByRole("link", { name: "Cancel" }).click();
    await expect(page).toHaveURL(/side-by-side\?item=2&point=g#point-[0-9a-f-]+-CHN$/);
    await expect(reviewForms(page)).toHaveCount(0);
  });
});

test("a delegate cannot open the side-by-side view or the matrix, nor post a review", async ({ page }) => {
  await loginAs(page, "peru");
  const consultation = await openConsultation2020(page);
  for (const path of [`${consultation}/side-by-side?item=2`, `${consultation}/matrix`]) {
    const response = await page.goto(path);
    expect([403, 404], path).toContain(response?.status());
  }
  const forged = await page.request.post(`${consultation}/side-by-side?item=2`, {
    form: { intent: "review", commentId: "00000000-0000-4000-8000-000000000000", tag: "objects", note: "forged" },
    maxRedirects: 0,
  });
  expect([403, 404]).toContain(forged.status());
});
