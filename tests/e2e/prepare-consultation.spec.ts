import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, signIn } from "./support";

/** A deadline a month ahead, as the date input wants it. */
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

async function createMeetingAndConsultation(page: Page, title: string, prefix: string) {
  await page.getByRole("link", { name: "New consultation" }).click();
  await page.getByRole("link", { name: "Create a new meeting" }).click();
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

test("the secretariat sets up a meeting and a consultation, fixes a mistake, and finds both steps in the audit log", async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  await page.getByRole("link", { name: "New consultation" }).click();
  await expectAccessible(page);
  await page.goto("/");
  await createMeetingAndConsultation(page, "Points on technical assistance", "E2E-SETUP");
  await expect(page.locator(".badge--draft")).toHaveText("Draft");
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
    await signIn(page, who);
    await expect(page.getByRole("link", { name: /New consultation|Nueva consulta/ })).toHaveCount(0);
    for (const path of ["/consultations/new", "/meetings/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${who} ${path}`).toBe(403);
    }
    await page.context().clearCookies();
  }
});
