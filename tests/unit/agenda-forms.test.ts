import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { AgendaEditorSchema, agendaFormKey, countImport, ImportReviewSchema, normalizeLine, normalizeText, PasteSchema } from "~/lib/agenda-forms";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const errorsOf = (submission: { status?: string; error?: unknown }) => (submission.status === "error" ? submission.error : null);

describe("normalisation", () => {
  it("keeps paragraphs but unifies line breaks and trims", () => {
    expect(normalizeText("  One.\r\n\r\nTwo.\rThree.\f ")).toBe("One.\n\nTwo.\nThree.");
  });
  it("makes one-line fields one line", () => {
    expect(normalizeLine(" Other\n  matters\t ")).toBe("Other matters");
  });
});

describe("AgendaEditorSchema", () => {
  it("accepts an agenda item without a number and turns empty optional fields into null", () => {
    const submission = parseWithZod(form({ intent: "item.create", title: "  General \n recommendations ", heading: "a" }), {
      schema: AgendaEditorSchema,
    });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      intent: "item.create",
      number: null,
      heading: "A",
      title: "General recommendations",
      introduction: null,
    });
  });

  it("requires a title, a label and a text, and names the rule broken", () => {
    expect(errorsOf(parseWithZod(form({ intent: "item.create", title: "  " }), { schema: AgendaEditorSchema }))).toEqual({
      title: ["agenda:errors.titleRequired"],
    });
    const id = "00000000-0000-4000-8000-000000000000";
    expect(errorsOf(parseWithZod(form({ intent: "point.create", agendaItemId: id }), { schema: AgendaEditorSchema }))).toEqual({
      label: ["agenda:errors.labelRequired"],
      text: ["agenda:errors.textRequired"],
    });
  });

  it("refuses oversized fields and bidi overrides", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const long = parseWithZod(form({ intent: "point.create", agendaItemId: id, label: "(a)", text: "x".repeat(20_001) }), {
      schema: AgendaEditorSchema,
    });
    expect(errorsOf(long)).toEqual({ text: ["agenda:errors.textTooLong"] });
    const spoofed = parseWithZod(form({ intent: "point.relabel", pointId: id, label: "(a)\u202E)b(" }), { schema: AgendaEditorSchema });
    expect(errorsOf(spoofed)).toEqual({ label: ["agenda:errors.controlCharacters"] });
    const number = parseWithZod(form({ intent: "item.create", title: "X", number: "1".repeat(21) }), { schema: AgendaEditorSchema });
    expect(errorsOf(number)).toEqual({ number: ["agenda:errors.numberTooLong"] });
  });

  it("keys forms by intent and id", () => {
    expect(agendaFormKey("item.create")).toBe("item-create");
    expect(agendaFormKey("point.revise", "abc")).toBe("point-revise-abc");
  });
});

describe("PasteSchema", () => {
  it("wants some text, and not a whole library", () => {
    expect(errorsOf(parseWithZod(form({ pasted: " \n " }), { schema: PasteSchema }))).toEqual({ pasted: ["agenda:errors.pastedRequired"] });
    expect(errorsOf(parseWithZod(form({ pasted: "x".repeat(500_001) }), { schema: PasteSchema }))).toEqual({
      pasted: ["agenda:errors.pastedTooLong"],
    });
  });
});

describe("ImportReviewSchema", () => {
  const review = (fields: Record<string, string>) => parseWithZod(form(fields), { schema: ImportReviewSchema });

  it("returns the kept agenda items and points, normalised, without what was left out", () => {
    const submission = review({
      pasted: "A. Other matters …",
      "items[0].number": "2",
      "items[0].heading": "A",
      "items[0].title": "Updating the\nlegislative records",
      "items[0].points[0].label": "(a)",
      "items[0].points[0].text": "States should update.\r\n\r\nAnd report. ",
      "items[0].points[1].exclude": "on",
      "items[0].points[1].label": "",
      "items[0].points[1].text": "",
      "items[0].points[2].label": "(c)",
      "items[0].points[2].text": "UNODC should help.",
      "items[1].exclude": "on",
      "items[1].title": "",
      "items[2].title": "Other matters",
    });
    expect(submission.status).toBe("success");
    const value = submission.status === "success" ? submission.value : null;
    expect(value?.items).toEqual([
      {
        number: "2",
        heading: "A",
        title: "Updating the legislative records",
        introduction: null,
        points: [
          { label: "(a)", text: "States should update.\n\nAnd report." },
          { label: "(c)", text: "UNODC should help." },
        ],
      },
      { number: null, heading: null, title: "Other matters", introduction: null, points: [] },
    ]);
    expect(countImport(value!.items)).toEqual({ items: 2, points: 2 });
  });

  it("puts each problem on its field: empty text, duplicate label, duplicate number, missing title", () => {
    const submission = review({
      "items[0].number": "2",
      "items[0].title": "One",
      "items[0].points[0].label": "(a)",
      "items[0].points[0].text": "Fine.",
      "items[0].points[1].label": "(a)",
      "items[0].points[1].text": "",
      "items[1].number": " 2 ",
      "items[1].title": "",
    });
    expect(errorsOf(submission)).toEqual({
      "items[0].points[1].label": ["agenda:errors.labelTaken"],
      "items[0].points[1].text": ["agenda:errors.textRequired"],
      "items[1].number": ["agenda:errors.numberTaken"],
      "items[1].title": ["agenda:errors.titleRequired"],
    });
  });

  it("refuses to save nothing", () => {
    expect(errorsOf(review({ "items[0].exclude": "on", "items[0].title": "X" }))).toEqual({ "": ["agenda:errors.nothingToImport"] });
    expect(errorsOf(review({}))).toEqual({ "": ["agenda:errors.nothingToImport"] });
  });

  it("refuses more than 500 points in all", () => {
    const fields: Record<string, string> = {};
    for (let i = 0; i < 6; i++) {
      fields[`items[${i}].title`] = `Item ${i}`;
      for (let j = 0; j < 90; j++) {
        fields[`items[${i}].points[${j}].label`] = `(${j})`;
        fields[`items[${i}].points[${j}].text`] = "Text.";
      }
    }
    expect(errorsOf(review(fields))).toEqual({ "": ["agenda:errors.tooManyPoints"] });
  });
});
