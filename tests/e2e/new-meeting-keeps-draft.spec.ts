// "Create a new meeting" from the new-consultation form keeps what the officer typed there and
// comes back with the new meeting chosen, with JavaScript and without it (issue 11, item 13).
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support";

async function roundTrip(page: Page, suffix: string) {
  await loginAs(page, "secretariat");
  await page.goto("/consultations/new");
  await page.getByLabel("Title", { exact: true }).fill(`Points typed before the meeting existed ${suffix}`);
  await page.getByLabel("Receipt prefix").fill(`KEEP-${suffix}`);
  await page.getByLabel("Deadline: time").fill("16:45");
  await page.getByRole("button", { name: "Create a new meeting" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New meeting");
  await expect(page.getByText("What you typed in the consultation form is kept.")).toBeVisible();
  await page.getByLabel("Body", { exact: true }).fill(`Working Group on Kept Drafts ${suffix}`);
  await page.getByLabel("Document symbol prefix").fill(`CTOC/COP/WG.K${suffix}`);
  await page.getByLabel("Session", { exact: true }).fill("2026");
  await page.getByLabel("Venue").fill("Vienna");
  await page.getByLabel("First day").fill("2026-07-01");
  await page.getByLabel("Last day").fill("2026-07-02");
  await page.getByRole("button", { name: "Create the meeting" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New consultation");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`Points typed before the meeting existed ${suffix}`);
  await expect(page.getByLabel("Receipt prefix")).toHaveValue(`KEEP-${suffix}`);
  await expect(page.getByLabel("Deadline: time")).toHaveValue("16:45");
  await expect(page.getByLabel("Meeting")).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(page.getByLabel("Meeting").getByRole("option", { selected: true })).toContainText(`CTOC/COP/WG.K${suffix}`);
}

test("with JavaScript, the typed title and prefix survive creating a meeting", async ({ page }) => {
  await roundTrip(page, "JS");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the typed title and prefix survive creating a meeting", async ({ page }) => {
    await roundTrip(page, "NOJS");
  });
});
