// After the CRP (issue 18), as the people do it: Peru amends (c); the reflection period closes; the
// chair records what became of the amendment; the secretariat shows the dispositions, prepares the
// revised text (Rev.1) applying Peru's amendment to (c) and merging (f) and (g), downloads the
// three documents and reads them back, and circulates round 2; Peru's delegate follows its
// amendment into Rev.1 and comments on Rev.1.
import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createCirculatedConsultation, expectAccessible, loginAs } from "./support";

const TITLE = "Discussion points revised after the reflection period";
const PREFIX = "E2E-REV1";
const REASON = "The extended Bureau agreed, by silence procedure, to end the reflection period early.";
const PERU_COMMENT = "El Perú propone precisar que la capacitación se dirige también a las fiscalías — «fortalecimiento».";
const PERU_ON_REV1 = "El Perú acoge con satisfacción la nueva redacción del punto (c) y propone mantenerla: «capacitación» y 培训 — تدريب.";

async function documentXml(download: Download): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  return zip.file("word/document.xml")!.async("string");
}

async function save(page: Page, link: RegExp | string, exact = false) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link, exact }).click()]);
  return download;
}

test("from a closed reflection period to a circulated Rev.1, and Peru follows its amendment into it", async ({ page, browser }) => {
  test.setTimeout(300_000);

  // The secretariat prepares and circulates a consultation to Peru.
  await loginAs(page, "secretariat");
  await page.goto("/");
  const consultation = await createCirculatedConsultation(page, { title: TITLE, prefix: PREFIX, delegations: "Peru", registered: 1 });

  // Peru's delegate (Spanish interface) amends (c) and submits.
  const peru = await (await browser.newContext()).newPage();
  await loginAs(peru, "peru");
  await peru.goto(consultation + "/submission");
  await peru.waitForLoadState("networkidle");
  await peru.getByRole("button", { name: "Proponer una enmienda al punto (c)" }).click();
  const amendment = peru.getByLabel("Redacción propuesta del punto (c)");
  const circulatedC = await amendment.inputValue();
  const amendedC = circulatedC.replace("national judicial institutions", "national judicial institutions and prosecution services");
  expect(amendedC).not.toBe(circulatedC);
  await amendment.fill(amendedC);
  await peru.getByLabel("Su observación sobre el punto (c)").fill(PERU_COMMENT);
  await expect(peru.getByRole("group", { name: "Guardado del borrador" })).toContainText("Todos los cambios guardados");
  await peru.getByRole("button", { name: "Revisar y presentar" }).click();
  await peru.getByRole("button", { name: "Presentar las observaciones" }).click();
  await expect(peru.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Acuse de recibo ${PREFIX}-PER-\\d{4}$`));

  // The secretariat closes the reflection period early, with the Bureau's reason.
  await page.goto(consultation + "/closing");
  await page.getByLabel("I confirm that the reflection period is to be closed now.").check();
  await page.getByLabel("Reason for closing before the deadline").fill(REASON);
  await page.getByRole("button", { name: "Close the reflection period" }).click();
  await expect(page.getByRole("status")).toContainText("The reflection period is closed.");

  // The chair records that Peru's amendment to (c) is reflected.
  const chair = await (await browser.newContext()).newPage();
  await loginAs(chair, "chair");
  await chair.goto(`${consultation}/side-by-side?item=2&point=c`);
  const peruEntry = chair.getByRole("region", { name: "Point (c)" }).getByRole("article", { name: "Peru" });
  await peruEntry.getByRole("button", { name: /Review this entry|Edit your review/ }).click();
  await peruEntry.getByRole("combobox", { name: "Disposition" }).selectOption("reflected");
  await peruEntry.getByLabel("Observations of the Secretariat").fill("Reflected in (c) of Rev.1.");
  await peruEntry.getByRole("button", { name: "Save the disposition" }).click();
  await expect(
    chair.getByRole("region", { name: "Point (c)" }).getByRole("article", { name: "Peru" }).getByRole("group", { name: "Disposition" }),
  ).toContainText("Reflected");
  await chair.context().close();

  // The secretariat shows the dispositions, and takes the comment-resolution table and the compilation text.
  await page.goto(`${consultation}/side-by-side?item=2&point=c`);
  await page.getByRole("button", { name: "Show the dispositions to delegations" }).click();
  await expect(page.getByText(/Delegations see the dispositions of their own comments since/)).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await (await save(page, "Excel", true)).path())!) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows).toContainEqual(expect.arrayContaining(["2", "(c)", "Peru", "Amendment", "Reflected", "Reflected in (c) of Rev.1."]));
  const compilation = await documentXml(await save(page, "Compilation text (Word)"));
  expect(compilation).toContain("Proposed by Peru:");
  expect(compilation).toContain("prosecution services");

  // From the overview, the revised text: Peru's amendment applied to (c), (f) and (g) merged.
  await page.goto(consultation);
  await page.getByRole("button", { name: "Prepare the revised text (Rev.1)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revised discussion points (Rev.1)");
  await expect(page.getByRole("status").filter({ hasText: "The revised text has been prepared" })).toBeVisible();
  const roundTwo = new URL(page.url()).pathname.replace(/\/revision$/, "");
  const pointC = page.getByRole("region", { name: /^\(c\)/ });
  await expect(pointC).toContainText("Former (c)");
  await pointC.getByRole("listitem").filter({ hasText: "Peru" }).getByRole("button", { name: "Apply this amendment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The amendment has been applied" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: /^\(c\)/ })
      .locator("ins")
      .first(),
  ).toContainText("prosecution services");
  const pointF = page.getByRole("region", { name: /^\(f\)/ });
  await pointF.getByText("Change (f)").click();
  await pointF.getByRole("combobox", { name: "Merge with" }).selectOption({ label: "(g)" });
  await pointF.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "The points have been merged" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^\(f\)/ })).toContainText("Former (f) and (g), merged");
  await expect(page.getByRole("region", { name: /^\(g\)/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Changes against the circulated text" }).getByRole("definition").nth(3)).toHaveText("1");
  await expectAccessible(page);

  // Rev.1 with Word's tracked changes, authored by the Secretariat, and the clean copy.
  const tracked = await documentXml(await save(page, "Rev.1 with tracked changes (Word)"));
  expect(tracked).toMatch(/<w:ins [^>]*w:author="Secretariat"[^>]*>(?:(?!<\/w:ins>).)*prosecution services/s);
  expect(tracked).toContain("<w:delText");
  const clean = await documentXml(await save(page, "Rev.1, clean copy (Word)"));
  expect(clean).not.toMatch(/<w:(ins|del) /);
  expect(clean).toContain("prosecution services");

  // Round 2: its own deadline, then circulated as non-paper 2 to the same missions.
  await page.goto(roundTwo + "/edit");
  await page.getByLabel("Deadline: date").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Deadline: time").fill("18:00");
  await page.getByRole("button", { name: "Save the consultation" }).click();
  await page.goto(roundTwo + "/circulate");
  await page.getByLabel(/Circulate non-paper 2 now/).check();
  await page.getByRole("button", { name: "Circulate the non-paper" }).click();
  await expect(page.getByRole("status")).toContainText("Non-paper 2 has been circulated");

  // Peru reads what became of its amendment, in Spanish, with the Rev.1 wording that takes it up.
  await peru.goto(consultation + "/submission/dispositions");
  const amendmentC = peru.getByRole("article", { name: "Enmienda al punto (c)" });
  await expect(amendmentC).toContainText("Reflejada");
  await expect(amendmentC).toContainText("Recogida en el texto revisado en (c).");
  await expect(amendmentC).toContainText("prosecution services");

  // From round 1 to round 2, and its comments on Rev.1 beside what it said before.
  await peru.goto(consultation);
  await peru.getByRole("link", { name: "Ronda 2" }).click();
  await expect(peru).toHaveURL(new RegExp(`${roundTwo}$`));
  await peru.getByRole("navigation", { name: "Páginas de esta consulta" }).getByRole("link", { name: "Nuestras observaciones", exact: true }).click();
  await peru.waitForLoadState("networkidle");
  const earlier = peru.getByRole("group").filter({ hasText: "Nuestras observaciones en la ronda 1" }).first();
  await earlier.getByText("Nuestras observaciones en la ronda 1").click();
  await expect(earlier).toContainText(PERU_COMMENT);
  await expect(earlier).toContainText("Reflejada");
  await expectAccessible(peru);
  await peru.getByLabel("Su observación sobre el punto (c)").fill(PERU_ON_REV1);
  await expect(peru.getByRole("group", { name: "Guardado del borrador" })).toContainText("Todos los cambios guardados");
  await peru.getByRole("button", { name: "Revisar y presentar" }).click();
  await peru.getByRole("button", { name: "Presentar las observaciones" }).click();
  await expect(peru.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Acuse de recibo ${PREFIX}-R2-PER-\\d{4}$`));
  // Every character as typed, in the receipt.
  await expect(peru.getByText(PERU_ON_REV1, { exact: true })).toBeVisible();
  await peru.context().close();
});
