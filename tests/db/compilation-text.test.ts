// The compilation text through its route: who may download it, and that the Word file read back
// says under each point what each delegation proposes, in English, attributed, in the English
// order of delegations; only current revisions; as many queries however many proposals.
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { loader as exportLoader } from "~/routes/consultations.$consultationId_.exports.$file";
import { makeChairOf, newChair, writeRevision, writeTranslation } from "./consolidation-setup";
import { outcome, requestAs, statusOf } from "./helpers";
import { countQueries, openConsultation, POINT_TEXTS } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const CHAIR = "chair@nonpaper.test";
const FILE = "compilation-text.docx";
const context = { clientAddress: "127.0.0.1" };
const PERU_WORDING = "Los Estados partes deberían actualizar periódicamente sus registros legislativos y compartirlos.";
const PERU_ENGLISH = "States parties should regularly update their legislative records and share them.";
const ARABIC_WORDING = "ينبغي للأمانة أن تقدم المساعدة التقنية إلى الدول الأطراف.";

async function scenario() {
  const c = await openConsultation();
  await makeChairOf(c.consultationId);
  // Peru's first wording, superseded by its second revision: never compiled.
  await writeRevision(c.consultationId, "PER", "es", [
    { kind: "amendment", pointId: c.points["2(a)"]!, proposedText: "Una redacción anterior que ya no vale." },
  ]);
  const [peruA, peruProposal] = await writeRevision(c.consultationId, "PER", "es", [
    { kind: "amendment", pointId: c.points["2(a)"]!, body: "Proponemos una redacción más clara.", proposedText: PERU_WORDING },
    { kind: "new_proposal", agendaItemId: c.items["2"]!, label: "(a)", body: "Los Estados partes deberían designar un punto de contacto." },
  ]);
  await writeTranslation(peruA!, { status: "final", body: "We propose a clearer wording.", proposedText: PERU_ENGLISH });
  await writeTranslation(peruProposal!, { status: "draft", body: "States parties should designate a focal point." });
  await writeRevision(c.consultationId, "USA", "en", [
    { kind: "amendment", pointId: c.points["2(a)"]!, proposedText: "States parties shall update their legislative records." },
    { kind: "point", pointId: c.points["3(a)"]!, body: "The United States supports this point." },
  ]);
  await writeRevision(c.consultationId, "MAR", "ar", [{ kind: "amendment", pointId: c.points["2(b)"]!, proposedText: ARABIC_WORDING }]);
  // China's draft was never submitted.
  await writeRevision(c.consultationId, "CHN", "zh", [{ kind: "amendment", pointId: c.points["2(a)"]!, proposedText: "缔约国应当更新立法记录。" }], "draft");
  return c;
}

async function download(email: string | null, consultationId: string, search = "") {
  const request = await requestAs(email, `/consultations/${consultationId}/exports/${FILE}${search}`);
  return outcome(() => exportLoader({ request, params: { consultationId, file: FILE }, context }));
}

const status = (result: Awaited<ReturnType<typeof download>>) => ("thrown" in result ? statusOf(result.thrown) : 200);

async function textOf(result: Awaited<ReturnType<typeof download>>): Promise<{ response: Response; text: string; html: string }> {
  if (!("value" in result)) throw new Error(`threw ${statusOf(result.thrown)}`);
  const response = result.value as unknown as Response;
  const buffer = Buffer.from(await response.arrayBuffer());
  const [raw, html] = await Promise.all([mammoth.extractRawText({ buffer }), mammoth.convertToHtml({ buffer })]);
  return { response, text: raw.value, html: html.value };
}

/** Each of the words found in the text after the one before it. */
function expectInOrder(text: string, words: string[]) {
  let from = 0;
  for (const w of words) {
    const at = text.indexOf(w, from);
    expect(at, `${w} after position ${from}`).toBeGreaterThanOrEqual(from);
    from = at + w.length;
  }
}

describe("the compilation text", () => {
  it("is for the secretariat and the consultation's chairs only", async () => {
    const c = await scenario();
    expect(status(await download(null, c.consultationId))).toBe(302);
    expect(status(await download("peru@nonpaper.test", c.consultationId))).toBe(403);
    expect(status(await download(await newChair(), c.consultationId))).toBe(404);
    expect(status(await download(CHAIR, "not-a-uuid"))).toBe(404);
    expect(status(await download(CHAIR, "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"))).toBe(404);
    expect(status(await download(OFFICER, c.consultationId))).toBe(200);
  });

  it("compiles under each point every delegation's current wording, in English and attributed, then the new proposals", async () => {
    const c = await scenario();
    // A French reader downloads it: the document is in English all the same.
    const { response, text, html } = await textOf(await download(CHAIR, c.consultationId, "?lng=fr"));
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${FILE}"; filename*=UTF-8''${FILE}`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");

    expect(html).toContain("<h1>Agenda item 2</h1>");
    expect(html).toContain("<em>Proposed by Peru:</em> [Original: Spanish]");
    expectInOrder(text, [
      "Compilation text",
      "Agenda item 2",
      "Technical assistance",
      POINT_TEXTS.a,
      // Peru before the United States: the English order of the side-by-side.
      "Proposed by Peru: [Original: Spanish]",
      PERU_ENGLISH,
      "Proposed by United States of America:",
      "States parties shall update their legislative records.",
      POINT_TEXTS.b,
      // No translation yet: the Arabic as written, marked.
      "Proposed by Morocco: [Original: Arabic] [Translation pending]",
      ARABIC_WORDING,
      "New proposals",
      "Proposed by Peru: [Original: Spanish]",
      "States parties should designate a focal point.",
      "Agenda item 3",
      POINT_TEXTS.c,
    ]);
    // Peru's original wording, its superseded revision, China's draft and comments without a wording are not compiled.
    expect(text).not.toContain(PERU_WORDING);
    expect(text).not.toContain("Una redacción anterior");
    expect(text).not.toContain("缔约国");
    expect(text).not.toContain("Proposed by China");
    expect(text).not.toContain("The United States supports this point.");
    expect(text).not.toContain("We propose a clearer wording.");
    // An agenda item with neither points nor proposals is left out.
    expect(text).not.toContain("Agenda item 4");
  });

  it("reads as many queries for many proposals as for a few", async () => {
    const c = await scenario();
    const queries = async () => (await countQueries(() => download(OFFICER, c.consultationId))).queries;
    const few = await queries();
    for (const code of ["FRA", "RUS"]) {
      await writeRevision(c.consultationId, code, "en", [
        { kind: "amendment", pointId: c.points["2(a)"]!, proposedText: `${code}: States parties must update their legislative records.` },
        { kind: "amendment", pointId: c.points["2(b)"]!, proposedText: `${code}: The Secretariat should provide technical assistance.` },
        { kind: "amendment", pointId: c.points["3(a)"]!, proposedText: `${code}: Any other matters.` },
        { kind: "new_proposal", agendaItemId: c.items["3"]!, label: "(a)", body: `${code}: A new point.` },
      ]);
    }
    expect(await queries()).toBe(few);
  });
});
