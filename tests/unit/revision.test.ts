// Point identity in the Chair's revised text (issue 18): read from origins, never from labels.
import { describe, expect, it } from "vitest";
import { deletedPoints, formerLabels, formerWording, mergedWording, pointIdentities, type FormerPoint } from "~/lib/revision";

const former: FormerPoint[] = [
  { id: "A", label: "(a)", text: "Text a." },
  { id: "B", label: "(b)", text: "Text b." },
  { id: "C", label: "(c)", text: "Text c." },
  { id: "D", label: "(d)", text: "Text d." },
  { id: "E", label: "(e)", text: "Text e." },
];

describe("pointIdentities", () => {
  it("tells kept, relabelled, merged, split and new points apart, whatever the labels became", () => {
    const revised = [
      { id: "1", label: "(a)", origins: ["A"] },
      // (b) and (d) merged, under (b)'s place but labelled (c): identity follows origins, not labels.
      { id: "2", label: "(b)", origins: ["D", "B"] },
      { id: "3", label: "(c)", origins: ["C"] },
      { id: "4", label: "(c) bis", origins: ["C"] },
      { id: "5", label: "(d)", origins: [] },
    ];
    const identities = pointIdentities(former, revised);
    expect(identities.get("1")).toEqual({ kind: "kept", former: "(a)" });
    expect(identities.get("2")).toEqual({ kind: "merged", formers: ["(b)", "(d)"] });
    expect(identities.get("3")).toEqual({ kind: "split", former: "(c)", siblings: ["(c) bis"] });
    expect(identities.get("4")).toEqual({ kind: "split", former: "(c)", siblings: ["(c)"] });
    expect(identities.get("5")).toEqual({ kind: "new" });
    expect(deletedPoints(former, revised).map((p) => p.label)).toEqual(["(e)"]);
  });

  it("calls a point under another label relabelled, and ignores origins outside the previous round", () => {
    const identities = pointIdentities(former, [
      { id: "1", label: "(b)", origins: ["A", "elsewhere"] },
      { id: "2", label: "(x)", origins: ["elsewhere"] },
    ]);
    expect(identities.get("1")).toEqual({ kind: "relabelled", former: "(a)" });
    expect(identities.get("2")).toEqual({ kind: "new" });
  });

  it("gives the former wording and labels in circulated order, one paragraph per former point", () => {
    expect(formerWording(former, ["D", "B"])).toBe("Text b.\n\nText d.");
    expect(formerLabels(former, ["D", "B"])).toEqual(["(b)", "(d)"]);
    expect(formerWording(former, [])).toBe("");
    expect(mergedWording("First.  ", "  Second.")).toBe("First.\n\nSecond.");
  });
});
