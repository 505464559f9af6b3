import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createMeetingAndConsultation, expectAccessible, loginAs } from "./support";

// Section II of the 2018 joint report: recommendations as numbered paragraphs under headings
// without a letter, the layout that used to give nothing at all.
function section2018(): string {
  const report = readFileSync("db/seed-data/reference/wg2-wg3-2018-draft-report.txt", "utf8");
  return report.slice(report.indexOf("## II. Recommendations"), report.indexOf("## III. Summary of deliberations"));
}

async function pasteSection(page: Page, prefix: string) {
  await loginAs(page, "secretariat");
  await createMeetingAndConsultation(page, `Recommendations 2018 (${prefix})`, prefix);
  await page.goto(`${new URL(page.url()).pathname}/agenda/import`);
  await page.getByLabel("Text of the report's annex or recommendations section").fill(section2018());
  await page.getByRole("button", { name: "Split into agenda items and points" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the agenda items and points");
  await expect(page.getByText("Found in the pasted text: 2 agenda items, 3 points.")).toBeVisible();
}

const point = (page: Page, label: string) => page.getByRole("group", { name: `Point ${label}`, exact: true });
const corrections = (page: Page, label: string) => page.getByRole("group", { name: `Corrections to point ${label}` });
/** A point's label on the agenda, a numbered paragraph's number ("6."). */
const POINT_LABEL = /^\d+\.$/;

test("the secretariat imports the 2018 recommendations, corrects the split, and finds the points on the agenda", async ({ page }) => {
  await pasteSection(page, "E2E-IMP18");
  await expect(point(page, "8.").getByLabel("Text")).toHaveValue(/cultural context\.\n\nStates should consider providing extrabudgetary/);
  await expectAccessible(page);

  // One agenda item for the whole chapter: its heading line becomes the item, and the first
  // working group's heading goes back into text under it.
  await page.getByRole("group", { name: "Corrections to this text" }).getByRole("button", { name: "Make it an agenda item" }).click();
  await expect(page.getByText("To be saved: 3 agenda items, 3 points.")).toBeVisible();
  await expect(page.getByLabel("Title").first()).toHaveValue("Recommendations");
  await expect(page.locator(":focus")).toHaveAttribute("id", "import-item-0");
  await page
    .getByRole("group", { name: /^Agenda item found 2/ })
    .getByRole("button", { name: "Not an agenda item" })
    .last()
    .click();
  await expect(page.getByText("To be saved: 2 agenda items, 3 points.")).toBeVisible();
  await expect(page.getByText("Not imported: Working Group of Government Experts on Technical Assistance")).toBeVisible();

  // Split point 8 where the cursor is: its second sentence becomes point 9.
  const text8 = point(page, "8.").getByLabel("Text");
  const value8 = await text8.inputValue();
  await text8.evaluate((el: HTMLTextAreaElement, at) => {
    el.focus();
    el.setSelectionRange(at, at);
  }, value8.indexOf("Such teaching material"));
  await text8.press("ArrowRight");
  await text8.press("ArrowLeft");
  await corrections(page, "8.").getByRole("button", { name: "Split" }).click();
  await expect(point(page, "9.").getByLabel("Text")).toHaveValue(/^Such teaching material needs to be based on identified needs/);
  await expect(point(page, "8.").getByLabel("Text")).toHaveValue(/in particular, tertiary level\.$/);

  // Merge 6 and 7 into one point.
  await corrections(page, "6.").getByRole("button", { name: "Merge with the next" }).click();
  await expect(point(page, "7.")).toHaveCount(0);
  await expect(point(page, "6.").getByLabel("Text")).toHaveValue(/curricula\.\n\nStates should consider encouraging interaction/);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save to the consultation" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: 2 agenda items and 3 points from the pasted text. Each change is recorded in the audit log.");
  const recommendations = page.getByRole("region", { name: /Recommendations$/ });
  // The points in order, each by its label: a text of its own, "6." alone (the editing forms,
  // folded away, name the point too).
  await expect(recommendations.getByRole("list").getByText(POINT_LABEL).filter({ visible: true })).toHaveText(["6.", "8.", "9."]);
  await expect(recommendations.getByRole("listitem").nth(2)).toContainText("Such teaching material needs to be based on identified needs");
  await expect(recommendations.getByRole("listitem").nth(2)).toContainText("States should consider providing extrabudgetary resources");
  await expect(page.getByRole("heading", { name: /Working Group on International Cooperation$/ })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the corrections and the save work as plain form posts, and Save waits for a point", async ({ page }) => {
    await pasteSection(page, "E2E-IMPNJ");
    // Without a cursor, a point is split at its blank line.
    await corrections(page, "8.").getByRole("button", { name: "Split" }).click();
    await expect(point(page, "9.").getByLabel("Text")).toHaveValue(/^States should consider providing extrabudgetary resources/);
    // Nothing left to save: every point out of the import, and Save is disabled with the reason.
    for (const label of ["6.", "7.", "8.", "9."]) await corrections(page, label).getByRole("button", { name: "Not a point" }).click();
    await expect(page.getByText("To be saved: 2 agenda items, 0 points.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save to the consultation" })).toBeDisabled();
    await expect(page.getByText("Nothing to save yet: there is no point to import.")).toBeVisible();
    // The first line taken back as a point keeps its number as the label.
    await page.getByRole("group", { name: "Corrections to this text" }).nth(1).getByRole("button", { name: "Make it a point" }).click();
    await expect(point(page, "6.")).toBeVisible();
    await page.getByRole("button", { name: "Save to the consultation" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved: 2 agenda items and 1 point from the pasted text. Each change is recorded in the audit log.");
    await expect(page.getByRole("main").getByRole("list").getByText(POINT_LABEL).filter({ visible: true })).toHaveText(["6."]);
  });
});
