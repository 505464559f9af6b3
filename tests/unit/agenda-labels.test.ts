import { describe, expect, it } from "vitest";
import { suggestAgendaNumbers, suggestPointLabel } from "~/lib/agenda-labels";

describe("suggestPointLabel", () => {
  it("continues the letters of the item", () => {
    expect(suggestPointLabel(["(a)", "(b)", "(g)"], ["(a)", "(b)", "(g)"])).toBe("(h)");
  });

  it("starts an empty item at (a), whatever other items use, unless the consultation numbers recommendations", () => {
    expect(suggestPointLabel([], [])).toBe("(a)");
    expect(suggestPointLabel([], ["(a)", "(b)"])).toBe("(a)");
    expect(suggestPointLabel([], ["Recommendation 1", "Recommendation 7"])).toBe("Recommendation 8");
  });

  it("numbers recommendations through the consultation, not per item", () => {
    const all = ["Recommendation 1", "Recommendation 2", "Recommendation 3", "Recommendation 11", "Recommendation 8"];
    expect(suggestPointLabel(["Recommendation 2", "Recommendation 3"], all)).toBe("Recommendation 12");
  });

  it("suggests nothing after (z) or after a label of another form", () => {
    expect(suggestPointLabel(["(z)"], ["(z)"])).toBe("");
    expect(suggestPointLabel(["Point 4 bis"], ["Point 4 bis"])).toBe("");
  });
});

describe("suggestAgendaNumbers", () => {
  it("starts at 2 when the consultation has no numbered item (item 1 is procedural)", () => {
    expect(suggestAgendaNumbers([], ["Updating the legislative records", "Application of the Convention", "Other matters"])).toEqual(["2", "3", "4"]);
  });

  it("continues after the highest whole number already used, ignoring others", () => {
    expect(suggestAgendaNumbers(["2", null, "5", "4 (a)"], ["One", "Two"])).toEqual(["6", "7"]);
  });

  it("gives a general section no number and does not use one up", () => {
    expect(suggestAgendaNumbers([], ["General recommendations", "Recommendations on the Review Mechanism", "Data collection"])).toEqual([null, "2", "3"]);
  });
});
