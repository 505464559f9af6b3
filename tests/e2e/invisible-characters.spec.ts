// A comment with a refused invisible character (issue 11, item 14): the editor shows where it is
// and removes it in one click, keeping the joiners Persian and Arabic need.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { loginAs, TITLE_2020 } from "./support";

test("a delegate sees where a refused invisible character is and removes it in one click", async ({ page }) => {
  await loginAs(page, "usa");
  await page.getByRole("link", { name: TITLE_2020 }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/submission`);
  await page.waitForLoadState("networkidle");

  const field = page.getByLabel("General comment on this agenda item").first();
  const autosave = page.getByRole("group", { name: "Saving of the draft" });
  const before = await field.inputValue();
  // Pasted from another program: a right-to-left override and a bell; a Persian word with its ZWNJ.
  await field.fill("We support the points\u202E as drafted\u0007. می\u200Cخواهم");
  // The note under the field, a group named by its first sentence.
  const notes = page.getByRole("group", { name: /invisible characters? that cannot be saved/ });
  const note = notes.first();
  await expect(note).toContainText("This text contains 2 invisible characters that cannot be saved.");
  await expect(note).toContainText("U+202E, direction override, at character 22");
  await expect(note).toContainText("U+0007, control character, at character 34");
  await expect(note.locator("mark").first()).toHaveText("U+202E");
  // The server refuses the draft as written and says so on the field.
  await expect(autosave).toHaveClass(/autosave-status--invalid/, { timeout: 15_000 });
  await expect(field).toHaveAccessibleDescription(/U\+202E/);
  // The notice itself (the field's server message list is the editor's, checked elsewhere).
  const axe = await new AxeBuilder({ page }).include(".invisible-chars").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await note.getByRole("button", { name: "Remove invisible characters" }).click();
  await expect(field).toHaveValue("We support the points as drafted. می\u200Cخواهم");
  await expect(notes).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "2 invisible characters removed." })).toHaveCount(1);

  // The draft is saved without them (and put back as it was, for the other journeys).
  await expect(autosave).toHaveClass(/autosave-status--saved/, { timeout: 15_000 });
  await field.fill(before);
  await expect(autosave).toHaveClass(/autosave-status--saved/, { timeout: 15_000 });
});
