// Layout and legibility (issue 11, items 8, 11 and 12): buttons legible in every state, data
// isolated for direction in the Arabic interface, anchored entries clear of the sticky heading.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, loginAs, TITLE_2020 } from "./support";

// ---- Item 8: contrast of every button ---------------------------------------------------------

const BUTTONS = 'button, a.button, input[type="submit"], input[type="button"]';

type Measure = { label: string; kind: string; classes: string; ratio: number; color: string; background: string };

/**
 * The contrast ratio (WCAG 2) of each visible button's text against what is behind it, from
 * getComputedStyle: colours composited over their ancestors' backgrounds, opacity included.
 */
async function measureButtons(page: Page, selector = BUTTONS): Promise<Measure[]> {
  return page.evaluate((selector) => {
    type RGBA = [number, number, number, number];
    const parse = (value: string): RGBA => {
      const m = value.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    /** What shows behind an element: its ancestors' backgrounds over the white canvas. */
    const behind = (element: Element): RGBA => {
      const layers: RGBA[] = [];
      for (let e = element.parentElement; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
      return layers.reduceRight<RGBA>((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
    };
    const luminance = ([r, g, b]: RGBA) => {
      const c = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const buttons = [...document.querySelectorAll<HTMLElement>(selector)].filter((b) => b.checkVisibility() && b.getBoundingClientRect().width > 1);
    return buttons.map((b) => {
      const style = getComputedStyle(b);
      const backdrop = behind(b);
      let background = over(parse(style.backgroundColor), backdrop);
      let color = over(parse(style.color), background);
      // Opacity of the button or an ancestor fades both towards what is behind them.
      let opacity = 1;
      for (let e: Element | null = b; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      if (opacity < 1) {
        const fade = (c: RGBA): RGBA => [0, 1, 2].map((i) => c[i]! * opacity + backdrop[i]! * (1 - opacity)).concat(1) as RGBA;
        background = fade(background);
        color = fade(color);
      }
      const label = (b.textContent || b.getAttribute("aria-label") || (b as HTMLInputElement).value || "").trim().replace(/\s+/g, " ");
      const rgb = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(", ")})`;
      return {
        label: label.slice(0, 60),
        kind: b.getAttribute("data-measure") ?? "",
        classes: b.className,
        ratio: Math.round(ratio(color, background) * 100) / 100,
        color: rgb(color),
        background: rgb(background),
      };
    });
  }, selector);
}

const illegible = (measures: Measure[]) =>
  measures.filter((m) => m.ratio < 4.5).map((m) => `${m.label} [${m.classes}]: ${m.ratio} (${m.color} on ${m.background})`);

/**
 * Hover, keyboard focus and disabled: one button of each kind (same tag and classes) is enough.
 * Chromium's DevTools protocol forces :hover and :focus-visible on every representative at once
 * (as a pointer or the keyboard would), so a state costs a few calls, not a dozen per button.
 */
async function illegibleInStates(page: Page): Promise<string[]> {
  const count = await page.evaluate((selector) => {
    const seen = new Set<string>();
    for (const b of document.querySelectorAll<HTMLElement>(selector)) {
      const key = `${b.tagName.toLowerCase()}.${b.className.trim().replace(/\s+/g, ".")}`;
      if (!seen.has(key) && b.checkVisibility() && b.getBoundingClientRect().width > 1) {
        seen.add(key);
        b.setAttribute("data-measure", key);
      }
    }
    return seen.size;
  }, BUTTONS);
  const failures: string[] = [];
  const check = async (state: string) => {
    const measures = await measureButtons(page, "[data-measure]");
    expect(measures, state).toHaveLength(count);
    for (const m of measures) if (m.ratio < 4.5) failures.push(`${state}: ${m.kind} "${m.label}": ${m.ratio} (${m.color} on ${m.background})`);
  };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "[data-measure]" });
  const force = (forcedPseudoClasses: string[]) => Promise.all(nodeIds.map((nodeId) => cdp.send("CSS.forcePseudoState", { nodeId, forcedPseudoClasses })));
  await force(["hover"]);
  await check("hover");
  await force(["focus", "focus-visible"]);
  await check("focus");
  await force([]);
  await cdp.detach();
  const disabled = await page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>("[data-measure]")].filter((b) => {
        if (!(b instanceof HTMLButtonElement || b instanceof HTMLInputElement) || b.disabled) return false;
        b.disabled = true;
        b.setAttribute("data-measure-disabled", "");
        return true;
      }).length,
  );
  if (disabled > 0) await check("disabled");
  await page.evaluate(() => {
    for (const b of document.querySelectorAll<HTMLButtonElement>("[data-measure-disabled]")) {
      b.disabled = false;
      b.removeAttribute("data-measure-disabled");
    }
    for (const b of document.querySelectorAll("[data-measure]")) b.removeAttribute("data-measure");
  });
  return failures;
}

/** Opens the 2020 consultation from the home page; returns its address. */
async function openConsultation2020(page: Page) {
  await page.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  return new URL(page.url()).pathname;
}

test.describe("buttons keep a 4.5:1 contrast", () => {
  // Every kind of button hovered, focused and disabled in turn, on a dozen pages.
  test.describe.configure({ timeout: 180_000 });
  test("on the registrations page: Remove and Withdraw in every state, and axe's colour-contrast rule", async ({ page }) => {
    await loginAs(page, "secretariat");
    const consultation = await openConsultation2020(page);
    await page.goto(`${consultation}/registrations`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registration of delegations");

    // A pending invitation, so that its "Withdraw" button is on the page.
    // The first registered delegation (by its English name), opened by its name in the summary
    // (the first place the group writes it).
    const people = page.getByRole("group", { name: "Algeria", exact: true });
    await people.getByText("Algeria", { exact: true }).first().click();
    await people.getByLabel("Email address").fill(`layout-${Date.now()}@example.org`);
    await people.getByLabel("Name", { exact: true }).fill("Layout Test");
    await people.getByRole("button", { name: "Send the invitation" }).click();
    await expect(people.getByRole("button", { name: /^Withdraw/ }).first()).toBeVisible();
    for (const details of await page.locator("details").all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));

    const measures = await measureButtons(page);
    expect(measures.some((m) => m.label === "Remove")).toBe(true);
    expect(measures.some((m) => m.label === "Withdraw")).toBe(true);
    expect(illegible(measures)).toEqual([]);
    expect(await illegibleInStates(page)).toEqual([]);
    await expectAccessible(page);
  });

  test("on the other secretariat pages", async ({ page }) => {
    await loginAs(page, "secretariat");
    const consultation = await openConsultation2020(page);
    const pages = [
      "/",
      consultation,
      `${consultation}/agenda`,
      `${consultation}/submissions`,
      `${consultation}/side-by-side?item=2`,
      `${consultation}/matrix`,
      `${consultation}/translations`,
      `${consultation}/crp`,
      `${consultation}/circulate`,
      `${consultation}/audit`,
      "/outbox",
      "/users",
    ];
    for (const path of pages) {
      const response = await page.goto(path);
      if (!response || response.status() >= 400) continue; // a page this role cannot open at this stage
      for (const details of await page.locator("details").all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
      expect(illegible(await measureButtons(page)), path).toEqual([]);
      expect(await illegibleInStates(page), path).toEqual([]);
    }
  });
});

// ---- Item 11: data isolated for direction in the Arabic interface -----------------------------

/**
 * Every visible occurrence of these strings (English data) in the page, with whether it is
 * isolated: inside a <bdi> or an element with its own dir (below <body>, whose dir is the page's).
 */
async function occurrences(page: Page, needles: string[]) {
  return page.evaluate((needles) => {
    const found: { needle: string; isolated: boolean; context: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, option, textarea, [hidden], .visually-hidden") || !parent.checkVisibility()) continue;
      // Time-zone names inside formatted dates ("(Europe/Vienna, GMT+1)") are not in question here.
      const text = (node.textContent ?? "").replaceAll("Europe/Vienna", "");
      for (const needle of needles) {
        if (!text.includes(needle)) continue;
        const isolating = parent.closest("bdi, [dir]");
        const isolated = Boolean(isolating && isolating !== document.body && isolating !== document.documentElement);
        const sentence = parent.closest("p, li, dd, dt, td, th, h1, h2, h3, h4, label, a, summary, figcaption") ?? parent;
        found.push({ needle, isolated, context: `<${sentence.tagName.toLowerCase()}> ${sentence.textContent?.trim().replace(/\s+/g, " ").slice(0, 120)}` });
      }
    }
    return found;
  }, needles);
}

test("in Arabic, titles, meeting names and symbols inside sentences are isolated for direction", async ({ page }) => {
  await loginAs(page, "morocco");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // The Working Group's body and the venue have their Arabic names in the demo (issue 15); the expert
  // group's body has only its English one, shown to an Arabic reader as English data.
  const needles = [TITLE_2020, "Intergovernmental expert group established in accordance with Conference resolution 9/1", "CTOC/COP/WG.2"];
  const home = await occurrences(page, needles);
  await page.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  const consultation = await occurrences(page, needles);
  // Each of them is somewhere in a sentence of these two pages.
  for (const needle of needles)
    expect(
      [...home, ...consultation].some((o) => o.needle === needle),
      needle,
    ).toBe(true);
  expect([...home, ...consultation].filter((o) => !o.isolated)).toEqual([]);

  // The submission editor: the title above it, and each point's label inside its Arabic heading.
  await page.goto(`${new URL(page.url()).pathname}/submission`);
  expect((await occurrences(page, [TITLE_2020])).filter((o) => !o.isolated)).toEqual([]);
  const heading = page.getByRole("heading", { level: 3, name: /^نقطة المناقشة/ }).first();
  await expect(heading).toContainText("نقطة المناقشة");
  await expect(heading.locator("bdi")).toHaveText("(a)");
});

// ---- Item 12: the anchored entry clear of the sticky point heading -----------------------------

test("after saving a review, the reviewed entry is below the sticky point heading, which covers no text", async ({ page }) => {
  await loginAs(page, "secretariat");
  const consultation = await openConsultation2020(page);
  await page.goto(`${consultation}/side-by-side?item=2`);
  const france = page.getByRole("region", { name: "Point (c)" }).getByRole("article", { name: "France" });
  await france.getByRole("button", { name: /Review this entry|Edit your review/ }).click();
  await france.getByLabel("Private note").fill("Layout check.");
  await france.getByRole("button", { name: "Save the review" }).click();
  await expect(page).toHaveURL(/#point-[0-9a-f-]+-FRA$/);
  await page.waitForLoadState("load");
  const saved = page.getByRole("region", { name: "Point (c)" }).getByRole("article", { name: "France" });
  await expect(saved.getByRole("group", { name: "Your review" })).toContainText("Layout check.");
  // Let the browser finish scrolling to the anchor.
  await page.waitForTimeout(300);
  const geometry = await page.evaluate(() => {
    const anchored = document.getElementById(decodeURIComponent(location.hash.slice(1)))!;
    const section = anchored.closest(".sbs-point")!;
    const heading = section.querySelector(".sbs-point__text h2")!;
    const wording = section.querySelector(".sbs-point__wording")!;
    const version = section.querySelector(".sbs-point__version")!;
    const box = (e: Element) => e.getBoundingClientRect();
    return {
      scrolled: window.scrollY,
      anchoredTop: box(anchored).top,
      headingTop: box(heading).top,
      headingBottom: box(heading).bottom,
      versionTop: box(version).top,
      wordingTop: box(wording).top,
    };
  });
  expect(geometry.scrolled).toBeGreaterThan(0);
  // The heading is stuck to the top of the window...
  expect(geometry.headingTop).toBeGreaterThanOrEqual(0);
  // ...the reviewed entry starts below it...
  expect(geometry.anchoredTop).toBeGreaterThanOrEqual(geometry.headingBottom);
  // ...and the point's own text runs below the heading, not under it.
  expect(geometry.versionTop).toBeGreaterThanOrEqual(geometry.headingBottom - 1);
  expect(geometry.wordingTop).toBeGreaterThanOrEqual(geometry.headingBottom - 1);
  // The note was saved: the form, opened again, holds it.
  await saved.getByRole("button", { name: "Edit your review" }).click();
  await expect(saved.getByLabel("Private note")).toHaveValue("Layout check.");
});
