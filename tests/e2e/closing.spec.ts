import { expect, test } from "@playwright/test";
import { createCirculatedConsultation, expectAccessible, loginAs } from "./support";

const TITLE = "Discussion points closed early in the journey";
const REASON = "The extended Bureau agreed, by silence procedure, to end the reflection period early.";

test("the secretariat sees who has not submitted, reminds once a day, and closes early only with a reason", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginAs(page, "secretariat");
  // A circulated consultation with China and the Russian Federation registered (other journeys
  // read Peru's, Morocco's and France's messages in the outbox).
  const consultationUrl = await createCirculatedConsultation(page, {
    title: TITLE,
    prefix: "E2E-CLOSING",
    delegations: "China and the Russian Federation",
    registered: 2,
  });

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
