import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createMeetingAndConsultation, expectAccessible, loginAs } from "./support";

const report = readFileSync(path.resolve("db/seed-data/reference/wg2-2020-draft-report.txt"), "utf8");
const annex = report.slice(report.indexOf("A. Updating the legislative records"), report.indexOf("III. Organization of the meeting"));
const TITLE = "Discussion points closed early in the journey";
const REASON = "The extended Bureau agreed, by silence procedure, to end the reflection period early.";

test("the secretariat sees who has not submitted, reminds once a day, and closes early only with a reason", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginAs(page, "secretariat");
  await createMeetingAndConsultation(page, TITLE, "E2E-CLOSING");
  const consultationUrl = new URL(page.url()).pathname;

  // A circulated consultation with China and the Russian Federation registered (other journeys
  // read Peru's, Morocco's and France's messages in the outbox).
  await page.getByRole("link", { name: "Next step: Agenda items and points" }).click();
  await page.getByRole("link", { name: "Paste from a report" }).click();
  await page.getByLabel("Text of the report's annex or recommendations section").fill(annex);
  await page.getByRole("button", { name: "Split into agenda items and points" }).click();
  await page.getByRole("button", { name: "Save to the consultation" }).click();
  await expect(page.getByText(/Saved: 3 agenda items and 7 points/)).toBeVisible();
  await page.goto(consultationUrl + "/registrations");
  await page.getByLabel("Names of delegations").fill("China and the Russian Federation");
  await page.getByRole("button", { name: "Find the delegations" }).click();
  await page.getByRole("button", { name: "Register the selected delegations" }).click();
  await expect(page.getByText("2 delegations registered")).toBeVisible();
  await page.goto(consultationUrl + "/circulate");
  await page.getByLabel(/Circulate non-paper 1 now/).check();
  await page.getByRole("button", { name: "Circulate the non-paper" }).click();
  await expect(page.getByRole("status")).toContainText("Non-paper 1 has been circulated");

  // A chair cannot open the page, nor post to it.
  const chair = await browser.newPage();
  await loginAs(chair, "chair");
  expect((await chair.goto(consultationUrl + "/closing"))?.status()).toBe(403);
  const forged = await chair.request.post(consultationUrl + "/closing", { form: { intent: "close", reason: REASON, confirmClose: "on" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  await chair.close();

  // From the consultation page to the closing page: both missions are named as not submitted.
  await page.goto(consultationUrl);
  await page.getByRole("navigation", { name: "Pages of this consultation" }).getByRole("link", { name: "Closing" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deadline, reminders and closing");
  const nothing = page.locator('[data-standing="nothing"]');
  await expect(nothing).toContainText("China");
  await expect(nothing).toContainText("Russian Federation");
  await expect(page.getByTestId("last-reminder")).toHaveText("No reminder has been sent yet.");
  await expectAccessible(page);

  // One click reminds; the second the same day is not possible, and the page says when the last went.
  await page.getByRole("button", { name: "Send a reminder" }).click();
  await expect(page.getByRole("status")).toContainText("Reminder queued (emails: 2; missions: 2).");
  await expect(page.getByRole("status")).toContainText("wait in the outbox");
  await expect(page.getByTestId("last-reminder")).toContainText("Last reminder:");
  await expect(page.getByRole("button", { name: "Send a reminder" })).toBeDisabled();
  await expect(page.getByText("A reminder already went today; the next one can go tomorrow.")).toBeVisible();

  // Closing early without a reason is refused, in words; with one it closes.
  await expect(page.getByText(/has not passed\. Closing now stops every delegation/)).toBeVisible();
  await page.getByLabel("I confirm that the reflection period is to be closed now.").check();
  await page.getByRole("button", { name: "Close the reflection period" }).click();
  await expect(page.getByText("Give the reason for closing before the deadline. Nothing was changed.")).toBeVisible();
  await page.getByLabel("Reason for closing before the deadline").fill(REASON);
  await page.getByRole("button", { name: "Close the reflection period" }).click();
  await expect(page.getByRole("status")).toContainText("The reflection period is closed. Notices queued for the missions: 2.");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByText("Closed", { exact: true })).toBeVisible();

  // The missions' notices, each in its language; the closing in the audit log.
  await page.goto("/outbox");
  await expect(page.getByRole("row").filter({ hasText: "china@nonpaper.test" }).first()).toContainText(`思考期已结束：${TITLE}`);
  await expect(page.getByRole("row").filter({ hasText: "russia@nonpaper.test" }).first()).toContainText(`Период для размышлений закрыт: ${TITLE}`);
  await page.goto(consultationUrl + "/audit");
  await expect(page.getByRole("rowheader", { name: "consultation.close" }).first()).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "consultation.remind" }).first()).toBeVisible();
});
