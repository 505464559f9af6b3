import { describe, expect, it } from "vitest";
import {
  amendmentField,
  commentField,
  contentToFields,
  fieldsToContent,
  generalField,
  issuesByField,
  proposalField,
  proposalFieldsOf,
} from "~/lib/submission-fields";
import { parseSubmissionContent, type SubmissionContent } from "~/lib/submission-rules";

const ITEM = "11111111-1111-4111-8111-111111111111";
const ITEM2 = "22222222-2222-4222-8222-222222222222";
const POINT = "33333333-3333-4333-8333-333333333333";
const POINT2 = "44444444-4444-4444-8444-444444444444";

const content: SubmissionContent = {
  language: "ar",
  general: [{ agendaItemId: ITEM, body: "تعليق عام" }],
  points: [
    { pointId: POINT, body: "تعليق", proposedText: "New wording." },
    { pointId: POINT2, body: "", proposedText: "" },
  ],
  proposals: [
    { agendaItemId: ITEM2, label: "(a)", body: "First" },
    { agendaItemId: ITEM2, label: "(b)", body: "Second" },
  ],
};

describe("the editor's fields", () => {
  it("a content becomes fields and comes back the same through the server's check", () => {
    const fields = contentToFields(content);
    expect(fields).toEqual({
      language: "ar",
      [generalField(ITEM)]: "تعليق عام",
      [commentField(POINT)]: "تعليق",
      [amendmentField(POINT)]: "New wording.",
      [amendmentField(POINT2)]: "",
      [proposalField(ITEM2, 0)]: "First",
      [proposalField(ITEM2, 1)]: "Second",
    });
    const { input } = fieldsToContent(Object.entries(fields));
    const parsed = parseSubmissionContent(input);
    expect(parsed.ok && parsed.content).toEqual(content);
  });

  it("proposals keep the order of their numbers, whatever order the form sends them in", () => {
    const { input } = fieldsToContent([
      [proposalField(ITEM, 10), "Third"],
      [proposalField(ITEM, 2), "Second"],
      [proposalField(ITEM, 0), "First"],
      ["language", "en"],
      ["somethingElse", "ignored"],
    ]);
    expect(input.proposals!.map((p) => p.body)).toEqual(["First", "Second", "Third"]);
    expect(proposalFieldsOf({ [proposalField(ITEM, 10)]: "", [proposalField(ITEM, 2)]: "", [proposalField(ITEM2, 0)]: "" }, ITEM)).toEqual([
      proposalField(ITEM, 2),
      proposalField(ITEM, 10),
    ]);
  });

  it("the server's issues land on the field that was typed", () => {
    const { input, sources } = fieldsToContent([
      ["language", "xx"],
      [commentField(POINT), "a".repeat(50_001)],
      [amendmentField(POINT2), "x\u202Ey"],
    ]);
    const parsed = parseSubmissionContent(input);
    if (parsed.ok) throw new Error("expected issues");
    const byField = issuesByField(parsed.issues, sources);
    expect(byField.language![0]!.message).toBe("submissions:errors.languageUnknown");
    expect(byField[commentField(POINT)]![0]!.message).toBe("submissions:errors.tooLong");
    expect(byField[amendmentField(POINT2)]![0]).toMatchObject({ message: "submissions:errors.bidiControl", values: { code: "U+202E", position: 2 } });
  });
});
