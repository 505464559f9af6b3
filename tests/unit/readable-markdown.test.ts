// The CRP's Markdown read back as text for the version comparison (issue 11, item 14).
import { describe, expect, it } from "vitest";
import { buildCrpModel, crpToMarkdown } from "~/documents/crp";
import { redlineBlocks } from "~/lib/paragraph-redline";
import { readableBlocks } from "~/lib/readable-markdown";

describe("readableBlocks", () => {
  it("gives headings and paragraphs without Markdown marks or escapes", () => {
    const markdown = [
      "**Draft – not for issue**",
      "# Comments received on the discussion points",
      "## I\\. Introduction",
      "1\\. The Working Group met in Vienna\\\non 9 July 2020 \\*as planned\\*.",
      "#### Côte d’Ivoire",
      "*Point (a)*",
      "> States should share \\[court\\] decisions\\_.",
      "(a) **Translation pending** The text.",
      "---",
      "\\# not a heading",
    ].join("\n\n");
    expect(readableBlocks(markdown)).toEqual([
      { style: "strong", text: "Draft – not for issue" },
      { style: "heading1", text: "Comments received on the discussion points" },
      { style: "heading2", text: "I. Introduction" },
      { style: "paragraph", text: "1. The Working Group met in Vienna\non 9 July 2020 *as planned*." },
      { style: "heading4", text: "Côte d’Ivoire" },
      { style: "emphasis", text: "Point (a)" },
      { style: "quote", text: "States should share [court] decisions_." },
      { style: "paragraph", text: "(a) Translation pending The text." },
      { style: "paragraph", text: "# not a heading" },
    ]);
  });

  it("reads a whole CRP with no Markdown left", async () => {
    const { crpFixture } = await import("./crp.fixture");
    const built = buildCrpModel(crpFixture, { final: false });
    if (!built.ok) throw new Error("expected a model");
    const blocks = readableBlocks(crpToMarkdown(built.model));
    expect(blocks.some((b) => b.style === "heading1")).toBe(true);
    for (const block of blocks) {
      expect(block.text).not.toMatch(/^#|\*\*|^> /);
    }
  });
});

describe("redlineBlocks", () => {
  it("marks changes paragraph by paragraph and says each row's style", () => {
    const rows = redlineBlocks(
      [
        { style: "heading2", text: "I. Introduction" },
        { style: "paragraph", text: "Peru and Chile sent comments." },
      ],
      [
        { style: "heading2", text: "I. Introduction" },
        { style: "paragraph", text: "Peru, Chile and Mexico sent comments." },
        { style: "heading2", text: "II. Comments" },
      ],
    );
    expect(rows.map((r) => [r.kind, r.kind === "skip" ? null : r.style])).toEqual([
      ["equal", "heading2"],
      ["change", "paragraph"],
      ["insert", "heading2"],
    ]);
  });
});
