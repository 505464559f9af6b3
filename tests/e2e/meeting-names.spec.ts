// The meeting's body and venue in the other official languages (issue 15): the secretariat gives
// them on the meeting form (each typed in its language and direction), the consultation's page
// shows them to a reader of that language, English to the others; the edit page keeps them.
import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs } from "./support";

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

test("the secretariat names the meeting in French and Arabic; French readers see the French names, others the English", async ({ page }) => {
  const suffix = Date.now().toString(36).slice(-5).toUpperCase();
  const body = `Working Group on Names ${suffix}`;
  await loginAs(page, "secretariat");
  await page.goto("/meetings/new");
  await page.getByLabel("Body", { exact: true }).fill(body);
  await page.getByLabel("Document symbol prefix").fill("CTOC/COP/WG.2");
  await page.getByLabel("Session", { exact: true }).fill("2026");
  // As the other journeys find it: the names in other languages are labelled by their language alone.
  await page.getByLabel("Venue").fill("Vienna");
  await page.getByLabel("First day").fill("2026-07-01");
  await page.getByLabel("Last day").fill("2026-07-02");

  const others = page.getByRole("group", { name: "Names in other official languages (optional)" });
  const bodies = others.getByRole("group", { name: "Body", exact: true });
  const venues = others.getByRole("group", { name: "Venue", exact: true });
  // Each name is typed in its own language and direction.
  await expect(bodies.getByLabel("Arabic")).toHaveAttribute("lang", "ar");
  await expect(bodies.getByLabel("Arabic")).toHaveAttribute("dir", "rtl");
  await expect(venues.getByLabel("Chinese")).toHaveAttribute("dir", "ltr");
  await bodies.getByLabel("French").fill(`Groupe de travail sur les noms ${suffix}`);
  await bodies.getByLabel("Arabic").fill("الفريق العامل المعني بالمساعدة التقنية");
  await venues.getByLabel("French").fill("Vienne");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create the meeting" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New consultation");
  await page.getByLabel("Title", { exact: true }).fill(`Points on names ${suffix}`);
  await page.getByLabel("Receipt prefix").fill(`NAMES-${suffix}`);
  await page.getByLabel("Deadline: date").fill(inAMonth());
  await page.getByLabel("Deadline: time").fill("18:00");
  await page.getByRole("button", { name: "Create the consultation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Points on names ${suffix}`);
  const consultation = new URL(page.url()).pathname;
  await expect(page.locator(".consultation__header .eyebrow")).toContainText(body);

  // In French: the French body and venue, in their language.
  await page.goto(`${consultation}?lng=fr`);
  const eyebrow = page.locator(".consultation__header .eyebrow");
  await expect(eyebrow).toContainText(`Groupe de travail sur les noms ${suffix}`);
  await expect(eyebrow.locator("bdi[lang=fr]")).toHaveText(`Groupe de travail sur les noms ${suffix}`);
  await expect(page.locator(".facts bdi[lang=fr]")).toHaveText("Vienne");
  await expect(page.locator(".consultation__header")).not.toContainText(body);
  // In Spanish (none given): the English ones, marked as English.
  await page.goto(`${consultation}?lng=es`);
  await expect(page.locator(".consultation__header .eyebrow bdi[lang=en]")).toHaveText(body);
  await expect(page.locator(".facts bdi[lang=en]")).toHaveText("Vienna");

  // The edit page shows what was given; a Spanish venue added is saved, a disguised one refused.
  await page.goto(consultation);
  await page.getByRole("link", { name: "Edit the meeting" }).click();
  await expect(bodies.getByLabel("French")).toHaveValue(`Groupe de travail sur les noms ${suffix}`);
  await expect(venues.getByLabel("French")).toHaveValue("Vienne");
  await expect(bodies.getByLabel("Chinese")).toHaveValue("");
  await venues.getByLabel("Spanish").fill("Viena\u202E");
  await page.getByRole("button", { name: "Save the meeting" }).click();
  await expect(venues.getByRole("alert")).toBeVisible();
  await venues.getByLabel("Spanish").fill("Viena");
  await page.getByRole("button", { name: "Save the meeting" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Points on names ${suffix}`);
  await page.goto(`${consultation}?lng=es`);
  await expect(page.locator(".facts bdi[lang=es]")).toHaveText("Viena");
});
