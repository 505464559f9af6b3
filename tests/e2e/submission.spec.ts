import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, loginAs, TITLE_2020 } from "./support";

/** Waits until the page's scripts run (autosave starts once the editor is hydrated). */
async function ready(page: Page) {
  await page.waitForLoadState("networkidle");
}

/** The facts of a receipt (in Spanish, Peru's language): its number, its status… */
const receiptFacts = (page: Page) => page.getByRole("region", { name: "Acuse de recibo", exact: true });

/** The receipt's number among its facts, as the heading gives it (`pattern`). */
const receiptNumber = (page: Page, pattern: RegExp) => receiptFacts(page).getByText(pattern);

/** The 2020 consultation's address, from the delegate's home page. */
async function openConsultation2020(page: Page): Promise<string> {
  await page.getByRole("link", { name: TITLE_2020 }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("a delegate of Peru writes in Spanish with an amendment, finds the draft after a reload, submits, revises, and sees nothing of Morocco's", async ({
  page,
  browser,
}) => {
  // A long journey (two missions, a reload, two submits, an accessibility check): about 27 s on an
  // idle machine; 66 s in CI beside every-page's axe runs on two cores, cut off at a 60 s budget.
  test.setTimeout(150_000);
  await loginAs(page, "peru");
  const consultation = await openConsultation2020(page);
  const editor = `${consultation}/submission`;

  // Morocco's mission has a draft of its own (saved as its page would save it).
  const moroccoContext = await browser.newContext();
  const morocco = await moroccoContext.newPage();
  await loginAs(morocco, "morocco");
  await morocco.goto(editor);
  await ready(morocco);
  const moroccoSecret = "نص سري لوفد المغرب";
  await morocco.getByLabel("تعليق عام على هذا البند من جدول الأعمال").first().fill(moroccoSecret);
  await expect(morocco.getByRole("group", { name: "حفظ المسودة" })).toContainText("حُفظت جميع التغييرات");
  await moroccoContext.close();

  await page.goto(editor);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Observaciones del Perú");
  await expect(page.getByText(/Tiempo restante/)).toBeVisible();
  await expect(page.getByLabel("Idioma de la contribución")).toHaveValue("es");
  await expect(page.locator("body")).not.toContainText(moroccoSecret);

  await page.getByLabel("Observación general sobre este tema del programa").first().fill("El Perú agradece a la Secretaría los puntos de debate.");
  await page.getByLabel("Su observación sobre el punto (a)").fill("Apoyamos el punto (a) <script>alert(1)</script>.");
  await page.getByRole("button", { name: "Proponer una enmienda al punto (b)" }).click();
  // Peru's first revision (in the demo) already proposes an amendment to (c).
  const amendment = page.getByLabel("Redacción propuesta del punto (b)");
  const circulated = await amendment.inputValue();
  await amendment.fill(circulated.replace("dissemination plan", "dissemination and outreach plan"));
  // The live redline marks the inserted words.
  await expect(page.getByRole("figure", { name: "Cambios respecto del texto distribuido" }).locator("ins").first()).toContainText("and outreach");
  await expect(page.getByRole("group", { name: "Guardado del borrador" })).toContainText("Todos los cambios guardados");

  // A reload (or another browser) shows the draft saved on the server.
  await page.reload();
  await expect(page.getByLabel("Observación general sobre este tema del programa").first()).toHaveValue(
    "El Perú agradece a la Secretaría los puntos de debate.",
  );
  await expect(page.getByLabel("Redacción propuesta del punto (b)")).toHaveValue(/dissemination and outreach plan/);
  await expectAccessible(page);

  // Review: everything that will be sent, read-only, then submit.
  await page.getByRole("button", { name: "Revisar y presentar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revisar las observaciones del Perú");
  // Script typed in a comment is shown as text, never run.
  await expect(page.getByText("Apoyamos el punto (a) <script>alert(1)</script>.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Lo que se enviará" }).locator("ins").first()).toContainText("and outreach");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Presentar las observaciones" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Acuse de recibo CTOC-2020-PER-\d{4}$/);
  const firstReceipt = (await receiptNumber(page, /^CTOC-2020-PER-\d{4}$/).innerText()).trim();
  const firstRevision = Number(page.url().split("/").pop());
  await expect(page.getByText("La Secretaría ha recibido las observaciones de su delegación.")).toBeVisible();
  await expectAccessible(page);

  // A revision: a new receipt, and the first one marked superseded.
  await page.getByRole("link", { name: "Volver a la contribución de su delegación" }).click();
  await ready(page);
  await page.getByLabel("Su observación sobre el punto (a)").fill("Apoyamos el punto (a), con una reserva.");
  await page.getByRole("button", { name: "Revisar y presentar" }).click();
  await expect(page.getByText(`Será la revisión ${firstRevision + 1}.`, { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Presentar las observaciones" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Acuse de recibo CTOC-2020-PER-\d{4}$/);
  const secondReceipt = (await receiptNumber(page, /^CTOC-2020-PER-\d{4}$/).innerText()).trim();
  expect(secondReceipt).not.toBe(firstReceipt);
  expect(page.url()).toMatch(new RegExp(`/receipts/${firstRevision + 1}$`));
  const firstRow = page.getByRole("row").filter({ hasText: firstReceipt });
  await expect(firstRow.getByText("Sustituida por una revisión posterior", { exact: true })).toBeVisible();
  await firstRow.getByRole("link", { name: String(firstRevision) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Acuse de recibo ${firstReceipt}`);

  // Morocco's submission is not at any address Peru can open.
  for (const path of [`${consultation}/submissions/MAR/1`, `${editor}/receipts/${firstRevision + 50}`, `${consultation}/submissions/MAR`]) {
    const response = await page.request.get(path);
    expect([403, 404], path).toContain(response.status());
  }
  const editorPage = await page.request.get(editor);
  expect(await editorPage.text()).not.toContain(moroccoSecret);
});

test("a delegate of Morocco writes in Arabic, in an Arabic page laid out right to left", async ({ page }) => {
  await loginAs(page, "morocco");
  const consultation = await openConsultation2020(page);
  await page.goto(`${consultation}/submission`);
  await ready(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تعليقات المغرب");
  await expect(page.getByLabel("لغة المساهمة")).toHaveValue("ar");

  const comment = page.getByLabel("تعليقكم على النقطة (a)");
  await comment.fill("يؤيد المغرب النقطة (a) ويقترح توضيح نطاقها.");
  await expect(comment).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("group", { name: "حفظ المسودة" })).toContainText("حُفظت جميع التغييرات");

  // Right to left by position: the heading ends at the right-hand side of the page, and the
  // textarea's text starts at its right edge.
  const viewport = page.viewportSize()!;
  // The heading's text itself (not its full-width block): where its glyphs are.
  const heading = await page.getByRole("heading", { level: 1 }).evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const box = range.getBoundingClientRect();
    return { left: box.left, right: box.right };
  });
  expect(heading.right).toBeGreaterThan(viewport.width * 0.75);
  expect(heading.left).toBeGreaterThan(viewport.width / 2);
  const textStart = await comment.evaluate((element) => {
    const style = getComputedStyle(element);
    return { direction: style.direction, textAlign: style.textAlign };
  });
  expect(textStart.direction).toBe("rtl");
  expect(["start", "right"]).toContain(textStart.textAlign);
  // The circulated point stays English, left to right, inside the Arabic page.
  await expect(page.getByRole("figure", { name: "النص كما عُمِّم (بالإنكليزية)" }).first().getByRole("blockquote")).toHaveAttribute("dir", "ltr");
  await page.screenshot({ path: "test-results/morocco-submission-ar.png", fullPage: true });
  await expectAccessible(page);

  // Switching the language of the submission to Spanish turns the text areas left to right.
  await page.getByLabel("لغة المساهمة").selectOption("es");
  await expect(comment).toHaveAttribute("dir", "ltr");
  await page.getByLabel("لغة المساهمة").selectOption("ar");
  await expect(comment).toHaveAttribute("dir", "rtl");
});

test("after the deadline a submission is held as late, and the secretariat accepts it", async ({ page, browser }) => {
  const TITLE_LATE = "Self-assessment questionnaires: questions still in brackets";
  await loginAs(page, "peru");
  await page.getByRole("link", { name: TITLE_LATE }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_LATE })).toBeVisible();
  const consultation = new URL(page.url()).pathname;
  await page.goto(`${consultation}/submission`);
  await ready(page);
  // The deadline has passed: the draft is read-only, and sending it is a late submission.
  await expect(page.getByText(/El plazo ha vencido: el borrador ya no puede modificarse/)).toBeVisible();
  const general = page.getByLabel("Observación general sobre este tema del programa").first();
  await expect(general).toHaveValue(/El Perú apoya la armonización/);
  await expect(general).toHaveAttribute("readonly", "");
  await page.getByRole("button", { name: "Revisar y presentar" }).click();
  await expect(page.getByText(/Las observaciones quedarán retenidas como contribución tardía/)).toBeVisible();
  await page.getByRole("button", { name: "Presentar como contribución tardía" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Acuse de recibo CTOC-IEG-2020-PER-\d{4}$/);
  const receipt = (await receiptNumber(page, /^CTOC-IEG-2020-PER-\d{4}$/).innerText()).trim();
  await expect(page.getByText(/llegaron después del plazo/)).toBeVisible();
  await expect(receiptFacts(page).getByText("Tardía, pendiente de decisión de la Secretaría", { exact: true })).toBeVisible();

  // The secretariat accepts it, with a reason.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await loginAs(officer, "secretariat");
  await officer.goto(`${consultation}/submissions`);
  await expect(officer.getByText(receipt).first()).toBeVisible();
  await officer.getByLabel("Reason for the decision").first().fill("Received within the grace period agreed by the Bureau.");
  await officer.getByRole("button", { name: "Accept" }).first().click();
  await expect(officer.getByText(`The late submission ${receipt} of Peru was accepted.`, { exact: false })).toBeVisible();
  await officerContext.close();

  // The mission's receipt now says it counts.
  await page.reload();
  // Current, as a late submission accepted.
  await expect(receiptFacts(page).getByText("Tardía, aceptada", { exact: true })).toBeVisible();
});
