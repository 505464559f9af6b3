// Issue 16 in the CRP's model and its renderings: the originating meeting's session named in the
// title, section I and the heading of section II; an agenda item's own introduction replacing the
// standard sentence; the "[Original: …]" lines as a choice of the compile form; a delegation's own
// lettered paragraphs hanging their labels as the points do, in Markdown, HTML and Word alike.
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { buildCrpModel, crpToHtml, crpToMarkdown, paragraphText, sessionInRunningText, type CrpData, type CrpModel } from "~/documents/crp";
import { renderCrpDocx } from "~/documents/crp-docx";
import { UN_MAMMOTH_STYLE_MAP } from "~/documents/un-styles";
import { archiveShape } from "~/lib/archive-schema";
import { readableBlocks } from "~/lib/readable-markdown";
import { crpFixture } from "./crp.fixture";

function final(data: CrpData, options: { originalLines?: boolean } = {}): CrpModel {
  const result = buildCrpModel(data, { final: true, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.missing));
  return result.model;
}

function withSession(session: string | null | undefined): CrpData {
  return { ...crpFixture, meeting: { ...crpFixture.meeting, session } };
}

async function wordHtml(model: CrpModel): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: await renderCrpDocx(model) }, { styleMap: [...UN_MAMMOTH_STYLE_MAP] })).value;
}

const crpModelSchema = archiveShape.shape.generatedDocuments.element.shape.model;

describe("the originating meeting's session", () => {
  it("is read in running text: an ordinal session or meeting; a year or nothing is left to the dates", () => {
    expect(sessionInRunningText("Twelfth session")).toBe("twelfth session");
    expect(sessionInRunningText("Tenth meeting")).toBe("tenth meeting");
    expect(sessionInRunningText("Resumed thirteenth Session")).toBe("resumed thirteenth session");
    expect(sessionInRunningText("13th session")).toBe("13th session");
    expect(sessionInRunningText("Eleventh")).toBe("eleventh session");
    expect(sessionInRunningText("Twenty-first")).toBe("twenty-first session");
    expect(sessionInRunningText(" 2020 ")).toBeNull();
    expect(sessionInRunningText("2020 session")).toBeNull();
    expect(sessionInRunningText("Session")).toBeNull();
    expect(sessionInRunningText("")).toBeNull();
    expect(sessionInRunningText(null)).toBeNull();
    expect(sessionInRunningText(undefined)).toBeNull();
  });

  it("is named with the body and the dates in the title, section I and the heading of section II", () => {
    const model = final(withSession("Tenth meeting"));
    const origin = "arising from the tenth meeting of the Working Group of Government Experts on Technical Assistance held in Vienna on 9 and 10 July 2020";
    expect(model.title).toBe(`Comments received on the discussion points ${origin}`);
    expect(model.comments.heading).toEqual({ label: "II.", text: `Comments of States parties on the discussion points ${origin}` });
    expect(model.introduction.paragraphs[0]!.text).toBe(
      "The Working Group of Government Experts on Technical Assistance held its tenth meeting in Vienna on 9 and 10 July 2020, " +
        "in a hybrid format, with some participants present in the meeting room and others connected remotely.",
    );
    // The masthead keeps the parent body's session.
    expect(model.masthead.session).toBe("Tenth session");
  });

  it('is "the meeting" when the data holds a year or no session', () => {
    for (const session of ["2020", null, undefined]) {
      const model = final(withSession(session));
      expect(model.title).toBe(
        "Comments received on the discussion points arising from the meeting of the Working Group of Government Experts on Technical Assistance held in Vienna on 9 and 10 July 2020",
      );
      expect(model.comments.heading.text).toBe(
        "Comments of States parties on the discussion points arising from the meeting of the Working Group of Government Experts on Technical Assistance held in Vienna on 9 and 10 July 2020",
      );
      expect(model.introduction.paragraphs[0]!.text).toMatch(/^The Working Group of Government Experts on Technical Assistance held its meeting in Vienna/);
    }
  });

  it("reads the same in every rendering", async () => {
    const model = final(crpFixture);
    const heading = "Comments of States parties on the discussion points arising from the twelfth session of the Working Group";
    expect(crpToMarkdown(model)).toContain(`## II. ${heading}`);
    expect(crpToHtml(model)).toContain(`<h2 id="crp-comments"><span class="crp-label">II.</span> ${heading}`);
    expect(await wordHtml(model)).toContain(`<h1>II.\t${heading}`);
  });
});

describe("an agenda item's own introduction of its points", () => {
  it("replaces the standard sentence; without one, or blank, the standard sentence stands", () => {
    const model = final(crpFixture);
    expect(model.comments.items.map((i) => i.introduction)).toEqual([
      ["The Working Group may wish to consider the following:"],
      ["The discussion points under agenda item 3, as circulated, read as follows:"],
    ]);
    const twoParagraphs = final({
      ...crpFixture,
      agendaItems: crpFixture.agendaItems.map((item) =>
        item.id === "item-2"
          ? { ...item, introduction: "The Working Group recommended the following.\n\nThe points read:" }
          : item.id === "item-3"
            ? { ...item, introduction: "  \n " }
            : item,
      ),
    });
    expect(twoParagraphs.comments.items.map((i) => i.introduction)).toEqual([
      ["The Working Group recommended the following.", "The points read:"],
      ["The discussion points under agenda item 3, as circulated, read as follows:"],
    ]);
    const markdown = crpToMarkdown(twoParagraphs);
    expect(markdown).toContain(
      "**Updating the legislative records of States parties**\n\nThe Working Group recommended the following.\n\nThe points read:\n\n(a) States",
    );
    expect(markdown).not.toContain("under agenda item 2, as circulated");
  });

  it("says so when an item has comments but no points, whatever its introduction", () => {
    const model = final({
      ...crpFixture,
      agendaItems: crpFixture.agendaItems.map((item) => (item.id === "item-3" ? { ...item, points: [], introduction: "The Chair proposed:" } : item)),
    });
    expect(model.comments.items[1]!.introduction).toEqual(["No discussion points were circulated under agenda item 3."]);
  });
});

describe("the [Original: …] lines", () => {
  it("stand above each translated delegation's comments by default, as before", () => {
    const model = final(crpFixture);
    expect(model.originalLines).toBe(true);
    expect(model.comments.items.flatMap((i) => i.delegations.map((d) => [d.code, d.original]))).toEqual([
      ["PER", "[Original: Spanish]"],
      ["USA", null],
      ["MAR", "[Original: Arabic]"],
      ["USA", null],
    ]);
  });

  it("are left out of the model, and so of Markdown, HTML and Word, when the form says so; section I still says what was translated", async () => {
    const model = final(crpFixture, { originalLines: false });
    expect(model.originalLines).toBe(false);
    expect(model.comments.items.flatMap((i) => i.delegations.map((d) => d.original))).toEqual([null, null, null, null]);
    expect(model.introduction.paragraphs.find((p) => p.key === "translations")!.text).toContain("(Morocco in Arabic and Peru in Spanish)");
    expect(crpToMarkdown(model)).not.toContain("[Original:");
    expect(crpToMarkdown(model)).toContain("#### Peru\n\n*General comments*");
    expect(crpToHtml(model, { document: true })).not.toContain("[Original:");
    expect(crpToHtml(model)).not.toContain("crp-original");
    expect(await wordHtml(model)).not.toContain("[Original:");
    expect(await wordHtml(final(crpFixture))).toContain("<p>[Original: Spanish]</p>");
  });
});

describe("a delegation's own lettered paragraphs", () => {
  const proposals =
    "The United States proposes the following new points:\n\n" +
    "(a) States should designate a focal point for case law.\n\n" +
    "(b)\tUNODC should publish a digest of case law on the Convention.\n\n" +
    "1. A numbered paragraph also hangs.\n\n" +
    "(a)no space after the label does not make a label.";
  function withProposals(): CrpData {
    const data = structuredClone(crpFixture);
    data.delegations.find((d) => d.code === "USA")!.comments.find((c) => c.id === "usa-2-b")!.original.body = proposals;
    return data;
  }

  it("carry their label apart in the model, for every rendering to hang it", () => {
    const model = final(withProposals());
    const usa = model.comments.items[0]!.delegations.find((d) => d.code === "USA")!;
    const block = usa.blocks.find((b) => b.kind === "text")!;
    expect(block.kind === "text" && block.text.paragraphs).toEqual([
      { text: "The United States proposes the following new points:", language: "en", dir: "ltr" },
      { text: "States should designate a focal point for case law.", language: "en", dir: "ltr", label: "(a)" },
      { text: "UNODC should publish a digest of case law on the Convention.", language: "en", dir: "ltr", label: "(b)" },
      { text: "A numbered paragraph also hangs.", language: "en", dir: "ltr", label: "1." },
      { text: "(a)no space after the label does not make a label.", language: "en", dir: "ltr" },
    ]);
    expect(paragraphText({ text: "States should act.", label: "(a)" })).toBe("(a) States should act.");
    expect(paragraphText({ text: "States should act." })).toBe("States should act.");
  });

  it("in a list of two or more need no capital; alone, a label must be followed by one", () => {
    const body = (text: string) => {
      const data = structuredClone(crpFixture);
      data.delegations.find((d) => d.code === "USA")!.comments.find((c) => c.id === "usa-2-b")!.original.body = text;
      const block = final(data)
        .comments.items[0]!.delegations.find((d) => d.code === "USA")!
        .blocks.find((b) => b.kind === "text")!;
      return block.kind === "text" ? block.text.paragraphs.map((p) => [p.label ?? null, p.text]) : [];
    };
    expect(body("(b) is welcome, as it stands.")).toEqual([[null, "(b) is welcome, as it stands."]]);
    expect(body("We propose:\n\n(a) to update the records;\n\n(b) to publish them.")).toEqual([
      [null, "We propose:"],
      ["(a)", "to update the records;"],
      ["(b)", "to publish them."],
    ]);
  });

  it("hang in HTML as the points do, read in Markdown and in the comparison with their label, and hang in Word", async () => {
    const model = final(withProposals());
    const html = crpToHtml(model);
    expect(html).toContain('<p class="crp-point"><span class="crp-label">(a)</span>States should designate a focal point for case law.</p>');
    expect(html).toContain('<p class="crp-point"><span class="crp-label">1.</span>A numbered paragraph also hangs.</p>');
    const markdown = crpToMarkdown(model);
    expect(markdown).toContain("(a) States should designate a focal point for case law.\n\n(b) UNODC should publish");
    expect(markdown).toContain("1\\. A numbered paragraph also hangs.");
    expect(readableBlocks(markdown)).toContainEqual({ style: "paragraph", text: "1. A numbered paragraph also hangs." });
    const word = await wordHtml(model);
    expect(word).toContain('<p class="labelled">(a)\tStates should designate a focal point for case law.</p>');
    expect(word).toContain('<p class="labelled">(b)\tUNODC should publish a digest of case law on the Convention.</p>');
    expect(word).toContain('<p class="labelled">1.\tA numbered paragraph also hangs.</p>');
    expect(word).toContain("<p>(a)no space after the label does not make a label.</p>");
  });

  it("are not set off in an original left untranslated in a draft, and a quoted wording keeps its label in line", async () => {
    const data = withProposals();
    const peru = data.delegations.find((d) => d.code === "PER")!;
    const amendment = peru.comments.find((c) => c.id === "per-2-c")!;
    amendment.translation = { status: "final", body: "We propose:", proposedText: "(c) States may wish to consider inviting UNODC." };
    const general = peru.comments.find((c) => c.id === "per-2-general")!;
    general.original.body = "(a) El Perú agradece a la Secretaría.";
    delete general.translation;
    const built = buildCrpModel(data, { final: false });
    if (!built.ok) throw new Error("a draft is always built");
    const blocks = built.model.comments.items[0]!.delegations.find((d) => d.code === "PER")!.blocks;
    expect(blocks).toContainEqual({
      kind: "text",
      text: { mark: expect.any(String), paragraphs: [{ text: "(a) El Perú agradece a la Secretaría.", language: "es", dir: "ltr" }] },
    });
    const word = await wordHtml(built.model);
    expect(word).toContain("<p>(c) States may wish to consider inviting UNODC.</p>");
    expect(crpToHtml(built.model)).toContain("<blockquote><p>(c) States may wish to consider inviting UNODC.</p></blockquote>");
    expect(crpToMarkdown(built.model)).toContain("> (c) States may wish to consider inviting UNODC.");
  });

  it("in a new proposal's own text, stay in line after the proposal's label", async () => {
    const data = structuredClone(crpFixture);
    data.delegations.find((d) => d.code === "USA")!.comments.find((c) => c.id === "usa-3-new-a")!.original.body = "(i) States should designate a focal point.";
    const model = final(data);
    expect(crpToHtml(model)).toContain('<span class="crp-label">(a)</span><span>(i) States should designate a focal point.</span>');
    expect(crpToMarkdown(model)).toContain("(a) (i) States should designate a focal point.");
    expect(await wordHtml(model)).toContain('<p class="labelled">(a)\t(i) States should designate a focal point.</p>');
  });
});

describe("models kept in archives", () => {
  it("accept the new fields, and models saved before them still import and render as they did", () => {
    const model = final(
      (() => {
        const data = structuredClone(crpFixture);
        data.delegations.find((d) => d.code === "USA")!.comments.find((c) => c.id === "usa-2-b")!.original.body = "(a) States should act.";
        return data;
      })(),
      { originalLines: false },
    );
    expect(crpModelSchema.safeParse(JSON.parse(JSON.stringify(model))).success).toBe(true);

    // A model compiled before: no originalLines, no labels apart (the label still starts the text).
    const old = JSON.parse(JSON.stringify(final(crpFixture))) as CrpModel & { originalLines?: boolean };
    delete old.originalLines;
    const usa = old.comments.items[0]!.delegations.find((d) => d.code === "USA")!;
    const block = usa.blocks[1]!;
    if (block.kind === "text") block.text.paragraphs[0]!.text = "(a) States should act.";
    expect(crpModelSchema.safeParse(old).success).toBe(true);
    expect(crpToHtml(old)).toContain("<p>(a) States should act.</p>");
    expect(crpToHtml(old)).toContain('<p class="crp-original">[Original: Spanish]</p>');

    // A label is data like any other: escaped in HTML.
    const bad = JSON.parse(JSON.stringify(model)) as CrpModel;
    const labelled = bad.comments.items[0]!.delegations.find((d) => d.code === "USA")!.blocks.find((b) => b.kind === "text")!;
    if (labelled.kind === "text") labelled.text.paragraphs[0]!.label = "<b>";
    expect(crpToHtml(bad)).toContain('<span class="crp-label">&lt;b&gt;</span>');
  });
});
