// The delegate's pages on a phone (390 × 844), in the two scripts that strain a layout most:
// Arabic (right to left) and Chinese. No page may scroll sideways; the home list must show each
// consultation's status and deadline; the receipt number must stay whole, on one line.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn, TITLE_2020 } from "./support";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The page is no wider than the screen: nothing to scroll sideways. */
async function expectNoHorizontalOverflow(page: Page, where: string) {
  await page.waitForLoadState("networkidle");
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const root = document.documentElement;
    // Name the elements that stick out, so a failure says where to look.
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > root.clientWidth + 1 || box.left < -1);
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
  expect(scrollWidth, `${where} scrolls sideways (${culprits.join(", ")})`).toBeLessThanOrEqual(clientWidth);
}

/** Whether an element's text sits on a single line (an inline box split over lines has several rects). */
async function isOnOneLine(element: Locator) {
  return element.first().evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size === 1;
  });
}

// What the pages call things in each language: the 2020 consultation's status ("Open for
// comments"), the home list's deadline and "your delegation's comments" columns, which also
// name the consultation page's panel, and the receipt's facts ("Receipt").
const DELEGATES = [
  {
    name: "Arabic",
    email: DEMO.morocco,
    code: "MAR",
    lang: "ar",
    dir: "rtl",
    open: "مفتوحة لتلقي التعليقات",
    deadline: "الموعد النهائي لتقديم التعليقات",
    comments: "تعليقات وفدكم",
    receipt: "الإيصال",
  },
  {
    name: "Chinese",
    email: DEMO.china,
    code: "CHN",
    lang: "zh",
    dir: "ltr",
    open: "正在征求意见",
    deadline: "提交意见截止时间",
    comments: "贵代表团的意见",
    receipt: "回执",
  },
] as const;

for (const delegate of DELEGATES) {
  test(`the ${delegate.name} delegate's pages fit a 390 px phone and keep the receipt number whole`, async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, delegate.email);
    await expect(page.locator("html")).toHaveAttribute("lang", delegate.lang);
    await expect(page.locator("html")).toHaveAttribute("dir", delegate.dir);

    // Home: each consultation's status and deadline are on screen, not scrolled away.
    await expectNoHorizontalOverflow(page, "home");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: TITLE_2020 }) });
    // On a phone each row is a card whose cells start with their column's name (data-label, shown
    // before the value): the cells are found by those names.
    const column = (name: string) => row.getByRole("cell", { name: new RegExp(`^${name}`) });
    const delegationCell = column(delegate.comments);
    for (const cell of [row.getByText(delegate.open, { exact: true }), column(delegate.deadline).getByRole("time").first(), delegationCell]) {
      await expect(cell).toBeVisible();
      // Down the page is fine (the reader scrolls down); off to the side is not.
      await cell.scrollIntoViewIfNeeded();
      await expect(cell).toBeInViewport({ ratio: 1 });
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    // The delegation's own status: the demo's missions submitted revision 1.
    const homeReceipt = (await delegationCell.getByText(new RegExp(`^CTOC-2020-${delegate.code}-\\d{4}$`)).innerText()).trim();
    expect(homeReceipt).toMatch(new RegExp(`^CTOC-2020-${delegate.code}-\\d{4}$`));

    await page.getByRole("link", { name: TITLE_2020 }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
    const consultation = new URL(page.url()).pathname;
    await expectNoHorizontalOverflow(page, "consultation page");
    // The page says the comments were sent, with the same receipt.
    await expect(page.getByRole("region", { name: delegate.comments }).getByText(homeReceipt, { exact: true })).toHaveText(homeReceipt);

    for (const [where, path] of [
      ["non-paper", `${consultation}/non-paper`],
      ["submission editor", `${consultation}/submission`],
      ["review", `${consultation}/submission/review`],
    ] as const) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page, where);
    }

    // The receipt: the number as stored (the one the home list and the revision table show),
    // in one piece, on one line, read left to right even inside an Arabic page.
    await page.goto(`${consultation}/submission/receipts/1`);
    await expectNoHorizontalOverflow(page, "receipt");
    const receipt = page.getByRole("region", { name: delegate.receipt, exact: true }).getByText(homeReceipt, { exact: true });
    await expect(receipt).toHaveText(homeReceipt);
    expect(await receipt.evaluate((el) => el.textContent)).toBe(homeReceipt);
    expect(await isOnOneLine(receipt)).toBe(true);
    expect(await receipt.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
    expect(await receipt.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("nowrap");
    // The heading and the table name it too, each whole and on one line.
    await expect(page.getByRole("heading", { level: 1 })).toContainText(homeReceipt);
    expect(await isOnOneLine(page.getByRole("heading", { level: 1 }).getByText(homeReceipt, { exact: true }))).toBe(true);
    expect(await isOnOneLine(page.getByRole("table").getByText(homeReceipt, { exact: true }))).toBe(true);
  });
}
