import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { expect, test } from "@playwright/test";
import { expectAccessible, loginAs, TITLE_2020 } from "./support";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Colombia's note verbale (Peru's own comments are in the demo already) as the mission would send it: comments on (a) and (c), an amendment to (b). */
async function colombiaNoteVerbale(): Promise<Buffer> {
  const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const document = new Document({
    sections: [
      {
        children: [
          p("MISIÓN PERMANENTE DE COLOMBIA ANTE LOS ORGANISMOS INTERNACIONALES CON SEDE EN VIENA", true),
          p("Nota N° 5-12-M/087"),
          p(
            "La Misión Permanente de Colombia ante los Organismos Internacionales con sede en Viena saluda muy atentamente a la Secretaría de la Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC) y tiene el honor de remitir los comentarios de Colombia sobre los puntos de debate.",
          ),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun("Tema 2 del programa: Actualización de los registros legislativos de los Estados partes")],
          }),
          p("(a) Colombia apoya este punto. Nuestro país actualizó su registro legislativo en el portal SHERLOC en marzo de 2020."),
          p("Asimismo, Colombia reitera la importancia del portal SHERLOC para la cooperación internacional en su conjunto."),
          p("(b) Colombia propone la siguiente redacción:"),
          p(
            "“Subject to availability of extrabudgetary resources, UNODC should develop and implement a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal in all official languages of the United Nations.”",
          ),
          p("(c) Colombia considera que las actividades de capacitación deberían incluir también a fiscales y a funcionarios de policía."),
          p(
            "La Misión Permanente de Colombia hace propicia la oportunidad para renovar a la Secretaría de la UNODC las seguridades de su más alta y distinguida consideración.",
          ),
          p("Viena, 10 de agosto de 2020"),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

test("the secretariat imports Colombia's note received by email, corrects a proposal and saves it with a receipt; a PDF is refused", async ({ page }) => {
  test.setTimeout(90_000);
  await loginAs(page, "secretariat");
  await page.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE_2020);
  const importUrl = `${new URL(page.url()).pathname}/submissions/import`;

  // Step 1: who sent it, and the file.
  await page.goto(importUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import a submission received by email");
  await expectAccessible(page);
  await page.getByLabel("Delegation", { exact: true }).selectOption({ label: "Colombia" });
  await page.getByLabel("Upload the document").setInputFiles({ name: "Nota 5-12-M-087.docx", mimeType: DOCX, buffer: await colombiaNoteVerbale() });
  await page.getByRole("button", { name: "Read and propose" }).click();

  // Step 2: a proposal for each paragraph, in the note's language.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check where each paragraph goes");
  await expect(page.getByText("11 paragraphs were read from Nota 5-12-M-087.docx.")).toBeVisible();
  await expect(page.getByLabel("Language of the submission")).toHaveValue("es");
  const row = (text: string) => page.getByRole("row").filter({ hasText: text });
  const target = (text: string) => row(text).getByRole("combobox");
  const chosen = (text: string) => target(text).getByRole("option", { selected: true });
  await expect(chosen("Colombia apoya este punto")).toHaveText("Comment on point (a)");
  await expect(chosen("Subject to availability")).toHaveText("Amendment to point (b)");
  await expect(chosen("Colombia considera")).toHaveText("Comment on point (c)");
  await expect(chosen("saluda muy atentamente")).toHaveText("Leave out");
  await expect(row("Colombia apoya este punto").getByRole("cell").first()).toHaveAttribute("lang", "es");
  // The amendment's redline against the circulated text of (b).
  const amendment = row("Subject to availability");
  await expect(amendment.locator("ins").first()).toContainText("and implement");
  await amendment
    .getByRole("textbox")
    .fill(
      "Subject to availability of extrabudgetary resources, UNODC should develop and implement a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal in the six official languages.",
    );
  await expect(amendment.locator("ins").last()).toContainText("in the six official languages");
  // The officer corrects one target: this paragraph is about the agenda item as a whole.
  await expect(chosen("Asimismo")).toHaveText("Comment on point (a)");
  await target("Asimismo").selectOption({ label: "General comment on agenda item 2" });
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save as the submission of Colombia" }).click();
  await expect(page).toHaveURL(/\/submissions\/COL\/\d+$/);
  await expect(page.getByText(/^CTOC-2020-COL-\d{4}$/).first()).toBeVisible();
  await expect(page.getByText("Sent by email; entered by the secretariat")).toBeVisible();
  await expect(page.getByText("Nota 5-12-M-087.docx")).toBeVisible();
  await expect(page.getByText("Asimismo, Colombia reitera la importancia del portal SHERLOC")).toBeVisible();

  // A PDF is refused with the reason and what to do instead, in the browser and on the server.
  await page.goto(importUrl);
  await page.getByLabel("Delegation", { exact: true }).selectOption({ label: "Colombia" });
  const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
  await page.getByLabel("Upload the document").setInputFiles({ name: "nota.pdf", mimeType: "application/pdf", buffer: pdf });
  const reason = "PDF files cannot be read reliably. Copy the text from the PDF and paste it instead.";
  await expect(page.getByText(reason)).toBeVisible();
  const delegationId = await page.getByLabel("Delegation", { exact: true }).inputValue();
  const refused = await page.request.post(importUrl, {
    multipart: {
      intent: "preview",
      delegationId,
      receivedDate: await page.getByLabel("Received on").inputValue(),
      receivedTime: await page.getByLabel("Received at").inputValue(),
      language: "",
      pasted: "",
      file: { name: "nota.pdf", mimeType: "application/pdf", buffer: pdf },
    },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain(reason);
});
