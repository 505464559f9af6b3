// A text of spaces, as the forms parse it on the server (Conform, which reads an empty text as
// missing, also once a transform has trimmed it): a required text says so with its own message,
// never Zod's English "Required"; an optional one is an empty text. Found by the bad-input corpus
// (tests/db/bad-input-corpus.test.ts, issue 17).
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { CirculationActionSchema } from "~/lib/circulation-forms";
import { CrpActionSchema } from "~/lib/crp-forms";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe("blank texts", () => {
  it("a covering note of spaces is refused as required, in a key", () => {
    const result = parseWithZod(form({ intent: "save", coveringNote: " \n\t\u3000" }), { schema: CirculationActionSchema });
    expect(result.reply().error).toEqual({ coveringNote: ["circulation:errors.noteRequired"] });
  });

  it("a translation of the note made of spaces is no translation", () => {
    const result = parseWithZod(form({ intent: "save", coveringNote: "The Secretariat presents its compliments.", "translations.fr": "  \n " }), {
      schema: CirculationActionSchema,
    });
    expect(result.status).toBe("success");
    expect(result.status === "success" && result.value.intent === "save" && result.value.translations?.fr).toBeUndefined();
  });

  it("the CRP's own words, emptied or made of spaces, clear the note or leave the paragraph out", () => {
    for (const typed of ["", "   \r\n "]) {
      const note = parseWithZod(form({ intent: "introduction", introductionNote: typed }), { schema: CrpActionSchema });
      expect(note.status === "success" && note.value).toEqual({ intent: "introduction", introductionNote: "" });
      const paragraph = parseWithZod(form({ intent: "paragraph", key: "received", text: typed }), { schema: CrpActionSchema });
      expect(paragraph.status === "success" && paragraph.value).toMatchObject({ intent: "paragraph", key: "received", text: "" });
    }
  });
});
