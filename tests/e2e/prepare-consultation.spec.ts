import { expect, test } from "@playwright/test";
import { createMeetingAndConsultation, DEMO, expectAccessible, loginAs } from "./support";

test("the secretariat sets up a meeting and a consultation, fixes a mistake, and finds both steps in the audit log", async ({ page }) => {
  await loginAs(page, "secretariat");
  await page.getByRole("link", { name: "New consultation" }).click();
  await expectAccessible(page);
  await page.goto("/");
  await createMeetingAndConsultation(page, "Points on technical assistance", "E2E-SETUP");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByText("Draft", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Next step: Agenda items and points" })).toBeVisible();
  await expectAccessible(page);

  // A wrong receipt prefix is refused with a message, and what was typed stays.
  await page.getByRole("link", { name: "Edit details" }).click();
  await page.getByLabel("Receipt prefix").fill("bad prefix");
  await page.getByLabel("Title", { exact: true }).fill("Points on technical assistance (rev.)");
  await page.getByRole("button", { name: "Save the consultation" }).click();
  await expect(page.getByText("Use 2 to 12 capitals or digits")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Points on technical assistance (rev.)");
  await page.getByLabel("Receipt prefix").fill("E2E-SETUP");
  await page.getByRole("button", { name: "Save the consultation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Points on technical assistance (rev.)");

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("rowheader", { name: "consultation.update" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "consultation.create" })).toBeVisible();
  await expectAccessible(page);
});

test("a chair and a delegate cannot create or edit a consultation", async ({ page }) => {
  for (const who of [DEMO.chair, DEMO.peru]) {
    await loginAs(page, who);
    await expect(page.getByRole("link", { name: /New consultation|Nueva consulta/ })).toHaveCount(0);
    for (const path of ["/consultations/new", "/meetings/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${who} ${path}`).toBe(403);
    }
    await page.context().clearCookies();
  }
});
