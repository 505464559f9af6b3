// WCAG 2.4.11 (focus not obscured): tabbing through the submission editor, no focused control
// ends up behind the "Review and submit" bar stuck to the bottom of the window, on a desktop
// and on a phone, left to right and right to left.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, loginAs, TITLE_2020 } from "./support";

async function coveredStops(page: Page, stops: number): Promise<string[]> {
  const covered: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    const problem = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      const bar = document.querySelector(".submission-editor__bar");
      if (!focused || !bar || bar.contains(focused) || focused === document.body) return null;
      const box = focused.getBoundingClientRect();
      const { top: barTop, bottom: barBottom } = bar.getBoundingClientRect();
      if (box.height === 0) return null;
      // Under the bar: a control that fits above it must be wholly above it; a taller one (a
      // long text area) must at least show its first lines, where the caret goes.
      const overlaps = box.bottom > barTop + 0.5 && box.top < barBottom;
      const fits = box.height <= barTop - 16;
      const hidden = overlaps && (fits || box.top > barTop - 48);
      return hidden
        ? `${Math.round(box.top)}-${Math.round(box.bottom)} bar ${Math.round(barTop)} vh ${innerHeight} pad ${getComputedStyle(document.documentElement).scrollPaddingBlockEnd} ${focused.tagName.toLowerCase()}[name=${focused.getAttribute("name") ?? ""}] ${focused.textContent?.trim().slice(0, 30) ?? ""}`
        : null;
    });
    if (problem) covered.push(problem);
  }
  return covered;
}

for (const [name, email, viewport] of [
  ["desktop, English", DEMO.usa, { width: 1280, height: 720 }],
  ["phone, Arabic", DEMO.morocco, { width: 390, height: 844 }],
] as const) {
  test(`no tab stop of the submission editor is hidden behind the sticky bar (${name})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(viewport);
    await loginAs(page, email);
    await page.getByRole("link", { name: TITLE_2020 }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
    await page.goto(`${new URL(page.url()).pathname}/submission`);
    await page.waitForLoadState("networkidle");
    await expect(page.locator(".submission-editor__bar")).toBeVisible();
    expect(await coveredStops(page, 45)).toEqual([]);
  });
}
