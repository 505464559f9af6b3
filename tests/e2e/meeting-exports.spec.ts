import ExcelJS from "exceljs";
import JSZip from "jszip";
import { expect, test, type Download } from "@playwright/test";
import { loginAs, TITLE_2020 } from "./support";

/** The bytes of a download. */
async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

test("the chair takes agenda item 2 into the room as Word and Excel, as filtered, and the matrix as Excel", async ({ page }) => {
  await loginAs(page, "chair");
  await page.getByRole("link", { name: TITLE_2020 }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  const consultation = new URL(page.url()).pathname;

  // Only Morocco's comments on item 2: the file holds what the page shows.
  await page.goto(`${consultation}/side-by-side?item=2&delegation=MAR`);
  const [excel] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (this view)" }).click()]);
  expect(excel.suggestedFilename()).toBe("side-by-side.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await bytesOf(excel)) as unknown as ArrayBuffer);
  const rows: ExcelJS.Row[] = [];
  book.worksheets[0]!.eachRow((row) => rows.push(row));
  expect(rows[2]!.getCell(1).value).toBe("Point");
  const entries = rows.slice(3);
  expect(entries.length).toBeGreaterThan(0);
  expect(new Set(entries.map((row) => row.getCell(2).value))).toEqual(new Set(["Morocco"]));
  // The Arabic original, right to left.
  expect(String(entries[0]!.getCell(4).value)).toMatch(/[\u0600-\u06FF]/);
  expect(entries[0]!.getCell(4).alignment).toMatchObject({ readingOrder: "rtl" });

  const [word] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Word (this view)" }).click()]);
  const xml = await (await JSZip.loadAsync(await bytesOf(word))).file("word/document.xml")!.async("string");
  expect(xml).toContain('w:orient="landscape"');
  expect(xml).toContain("<w:bidi/>");

  await page.goto(`${consultation}/matrix`);
  const [matrix] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel", exact: true }).click()]);
  const matrixBook = new ExcelJS.Workbook();
  await matrixBook.xlsx.load((await bytesOf(matrix)) as unknown as ArrayBuffer);
  const header = matrixBook.worksheets[0]!.getRow(3).values as unknown[];
  expect(header).toContain("2 (a)");
});
