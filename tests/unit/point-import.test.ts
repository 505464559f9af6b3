import { describe, expect, it } from "vitest";
import { readReferenceReport } from "../../db/files";
import {
  countOpenBrackets,
  extractSection,
  parseDiscussionPoints,
  type ImportWarning,
} from "../../app/lib/point-import";

const report2020 = readReferenceReport("wg2-2020-draft-report.txt");
const report2023 = readReferenceReport("wg2-2023-report.txt");

const annex2020 = () =>
  extractSection(report2020, "A. Updating the legislative records", "III. Organization of the meeting");
const recommendations2023 = () =>
  extractSection(report2023, "A. General recommendations", "III. Summary of deliberations");

const codes = (warnings: ImportWarning[]) => warnings.map((w) => w.code);

describe("2020 annex (letter style)", () => {
  const result = parseDiscussionPoints(annex2020());

  it("finds the three agenda items with their exact titles", () => {
    expect(result.agendaItems.map((i) => i.heading)).toEqual(["A", "B", "C"]);
    expect(result.agendaItems.map((i) => i.title)).toEqual([
      "Updating the legislative records of States parties in preparation for the Mechanism for the Review of the Implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto",
      "Application of the United Nations Convention against Transnational Organized Crime in domestic jurisprudence",
      "Other matters",
    ]);
    expect(result.agendaItems.map((i) => i.introduction)).toEqual([null, null, null]);
  });

  it("puts points (a)–(g) under A and none under B and C", () => {
    const [a, b, c] = result.agendaItems;
    expect(a?.points.map((p) => p.label)).toEqual(["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)"]);
    expect(b?.points).toEqual([]);
    expect(c?.points).toEqual([]);
  });

  it("keeps the full text of (a) and (g)", () => {
    const points = result.agendaItems[0]?.points ?? [];
    expect(points[0]?.text).toBe(
      "States, which have not yet done so, should update their legislative records in the SHERLOC knowledge management portal, including for purposes of the mechanism for the review of the implementation of the Organized Crime Convention and the Protocols thereto.",
    );
    expect(points[6]?.text).toBe(
      "States may wish to consider providing extrabudgetary resources for the further development and maintenance of the SHERLOC knowledge management portal to promote the implementation of the Organized Crime Convention and the Protocols thereto and strengthen the exchange of lessons learned and challenges in the implementation of those instruments.",
    );
  });

  it("has nothing to warn about", () => {
    expect(result.warnings).toEqual([]);
  });
});

describe("2023 recommendations (recommendation style)", () => {
  const result = parseDiscussionPoints(recommendations2023());
  const all = result.agendaItems.flatMap((i) => i.points);
  const byLabel = (label: string) => all.find((p) => p.label === label)?.text;

  it("finds three agenda items and 11 recommendations (1 + 6 + 4)", () => {
    expect(result.agendaItems.map((i) => i.heading)).toEqual(["A", "B", "C"]);
    expect(result.agendaItems[0]?.title).toBe("General recommendations");
    expect(result.agendaItems.map((i) => i.points.length)).toEqual([1, 6, 4]);
    expect(all.map((p) => p.label)).toEqual(
      Array.from({ length: 11 }, (_, i) => `Recommendation ${i + 1}`),
    );
    expect(result.warnings).toEqual([]);
  });

  it("takes the numbered paragraph after the heading as the introduction, without its number", () => {
    const b = result.agendaItems[1];
    expect(b?.title).toBe(
      "Recommendations on matters pertaining to the Mechanism for the Review of the Implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto: challenges, lessons learned and identified technical assistance needs",
    );
    expect(b?.introduction).toBe(
      "The Working Group recommended that the Conference consider the following recommendations for adoption:",
    );
  });

  it("rejoins Recommendation 10 across the page break", () => {
    const text = byLabel("Recommendation 10");
    expect(text).toBe(
      "Parties should consider enhancing, and providing appropriate resources for, the training of law enforcement and criminal justice authorities on collecting and disseminating disaggregated data on organized crime, while respecting human rights and applicable privacy rights.",
    );
    expect(text).not.toMatch(/ {2}|\n/);
  });

  it("keeps the long Recommendation 6 whole", () => {
    expect(byLabel("Recommendation 6")).toBe(
      "Parties that have not yet done so are strongly encouraged to nominate a national focal point for the Review Mechanism and keep that information up to date. Parties are also encouraged to identify the relevant national experts to ensure the effectiveness and consistency of responses to the self-assessment questionnaires. Parties are further encouraged to make every possible effort in the preparation of their answers to the questionnaires to consult relevant governmental stakeholders and, where appropriate, all relevant stakeholders, including the private sector, individuals and groups outside the public sector, non-governmental organizations and academia. Parties and UNODC are invited to consider using bilateral and multilateral forums to encourage those Parties that have not yet done so to nominate focal points.",
    );
  });

  it("keeps curly quotes as they are", () => {
    expect(byLabel("Recommendation 4")).toContain("known as “RevMod” to improve");
  });
});

describe("extractSection", () => {
  it("returns the exact text from the start line up to the end line", () => {
    const section = annex2020();
    expect(section.startsWith("A. Updating the legislative records of States parties")).toBe(true);
    expect(section).toContain("C. Other matters");
    expect(section).not.toContain("III. Organization");
    expect(report2020).toContain(section);
  });

  it("accepts regular expressions, including global ones", () => {
    const section = extractSection(report2023, /^A\. General/g, /^III\./g);
    expect(section).toBe(recommendations2023());
  });

  it("names the missing marker", () => {
    expect(() => extractSection(report2020, "Z. Nowhere", "III.")).toThrow(/Z\. Nowhere/);
    expect(() => extractSection(report2020, "A. Updating", /^XII\. Never/)).toThrow(/XII/);
  });
});

describe("parseDiscussionPoints on synthetic text", () => {
  it("treats CRLF input like LF input", () => {
    const lf = recommendations2023().replace(/\r\n?/g, "\n");
    const crlf = lf.replace(/\n/g, "\r\n");
    expect(parseDiscussionPoints(crlf)).toEqual(parseDiscussionPoints(lf));
  });

  it("normalises NBSP, tabs and trailing spaces", () => {
    const result = parseDiscussionPoints("A.\tOther\u00A0matters   \n\n(a)\u00A0States\t should  act. \t\n");
    expect(result.agendaItems[0]?.title).toBe("Other matters");
    expect(result.agendaItems[0]?.points).toEqual([{ label: "(a)", text: "States should act." }]);
  });

  it("joins a heading wrapped over two lines", () => {
    const text = [
      "A. Updating the legislative records of States parties in preparation for the Mechanism",
      "for the Review of the Implementation of the Convention",
      "",
      "(a) States should update their records.",
      "",
      "B. Recommendations on technical assistance needs in the prevention of organized",
      "",
      "crime, including data collection",
      "",
      "(a) Parties should collect data.",
    ].join("\n");
    const result = parseDiscussionPoints(text);
    expect(result.agendaItems.map((i) => i.title)).toEqual([
      "Updating the legislative records of States parties in preparation for the Mechanism for the Review of the Implementation of the Convention",
      "Recommendations on technical assistance needs in the prevention of organized crime, including data collection",
    ]);
    expect(result.agendaItems.map((i) => i.points.length)).toEqual([1, 1]);
    expect(result.warnings).toEqual([]);
  });

  it("drops page numbers, footers and footnotes between wrapped lines", () => {
    const text = [
      "A. Updating the legislative records",
      "",
      "(a) States should update their records in",
      "12",
      "the SHERLOC portal, including",
      "V.20-03456 2/5",
      "",
      "",
      "¹ CTOC/COP/WG.2/2020/1.",
      "",
      "for purposes of the review mechanism.",
      "(b) UNODC should develop a plan.",
    ].join("\n");
    const result = parseDiscussionPoints(text);
    expect(result.agendaItems[0]?.points).toEqual([
      {
        label: "(a)",
        text: "States should update their records in the SHERLOC portal, including for purposes of the review mechanism.",
      },
      { label: "(b)", text: "UNODC should develop a plan." },
    ]);
    // The footnote's content is lost, so the reviewer is told.
    expect(result.warnings).toEqual([
      { code: "ignored_line", line: 9, detail: "¹ CTOC/COP/WG.2/2020/1." },
    ]);
  });

  it("keeps [bracketed] passages verbatim", () => {
    const text = "A. Other matters\n\n(a) States [should][may wish to] consider [...] the “options” [for 2025].\n";
    const point = parseDiscussionPoints(text).agendaItems[0]?.points[0];
    expect(point?.text).toBe("States [should][may wish to] consider [...] the “options” [for 2025].");
    expect(countOpenBrackets(point?.text ?? "")).toBe(4);
  });

  it("warns about a bracket left open in a point, naming the line", () => {
    const text = "A. Other matters\n\n(a) States [should\nconsider this.\n\n(b) Fine [text].";
    const result = parseDiscussionPoints(text);
    expect(result.warnings).toEqual([
      { code: "unbalanced_brackets", line: 3, detail: "(a) States [should" },
    ]);
  });

  it("joins the paragraphs of one point with a blank line", () => {
    const text = [
      "A. General recommendations",
      "",
      "Recommendation 1",
      "",
      "Parties are encouraged to provide",
      "extrabudgetary resources.",
      "",
      "Parties are also invited to report.",
      "",
      "Recommendation 2",
      "",
      "Parties should consider it.",
    ].join("\n");
    const points = parseDiscussionPoints(text).agendaItems[0]?.points;
    expect(points).toEqual([
      {
        label: "Recommendation 1",
        text: "Parties are encouraged to provide extrabudgetary resources.\n\nParties are also invited to report.",
      },
      { label: "Recommendation 2", text: "Parties should consider it." },
    ]);
  });

  it("keeps (a) sub-lists inside a recommendation", () => {
    const text = "Recommendation 3\n\nParties should:\n\n(a) Collect data;\n\n(b) Share it.\n\nRecommendation 4\n\nDone.";
    const points = parseDiscussionPoints(text).agendaItems[0]?.points;
    expect(points?.map((p) => p.label)).toEqual(["Recommendation 3", "Recommendation 4"]);
    expect(points?.[0]?.text).toBe("Parties should:\n\n(a) Collect data;\n\n(b) Share it.");
  });

  it("keeps (i), (ii) sub-items inside a lettered point, but takes (i) after (h) as a label", () => {
    const sub = parseDiscussionPoints("A. X\n\n(a) States should:\n(i) Collect data;\n(ii) Share it.\n(b) Next.");
    expect(sub.agendaItems[0]?.points).toEqual([
      { label: "(a)", text: "States should:\n\n(i) Collect data;\n\n(ii) Share it." },
      { label: "(b)", text: "Next." },
    ]);
    const letters = "abcdefghi".split("").map((l) => `(${l}) Point ${l}.`);
    const full = parseDiscussionPoints(`A. X\n\n${letters.join("\n\n")}`);
    expect(full.agendaItems[0]?.points.at(-1)).toEqual({ label: "(i)", text: "Point i." });
    expect(full.warnings).toEqual([]);
  });

  it("warns about a label out of sequence", () => {
    const result = parseDiscussionPoints("A. Other matters\n\n(a) One.\n\n(c) Three.\n\n(d) Four.");
    expect(result.agendaItems[0]?.points.map((p) => p.label)).toEqual(["(a)", "(c)", "(d)"]);
    expect(result.warnings).toEqual([{ code: "label_out_of_sequence", line: 5, detail: "(c)" }]);
  });

  it("warns about a recommendation number out of sequence, but not about where an excerpt starts", () => {
    const result = parseDiscussionPoints(
      "Recommendation 8\n\nOne.\n\nRecommendation 9\n\nTwo.\n\nRecommendation 11\n\nFour.",
    );
    expect(result.warnings).toEqual([
      { code: "label_out_of_sequence", line: 9, detail: "Recommendation 11" },
    ]);
  });

  it("warns about a duplicate label and keeps both points", () => {
    const result = parseDiscussionPoints("A. Other matters\n\n(a) One.\n\n(b) Two.\n\n(b) Two again.\n\n(c) Three.");
    expect(result.agendaItems[0]?.points.map((p) => p.label)).toEqual(["(a)", "(b)", "(b)", "(c)"]);
    expect(result.warnings).toEqual([{ code: "duplicate_label", line: 7, detail: "(b)" }]);
  });

  it("warns about a heading out of sequence", () => {
    const result = parseDiscussionPoints("A. One\n\n(a) X.\n\nC. Three\n\n(a) Y.");
    expect(result.warnings).toEqual([{ code: "label_out_of_sequence", line: 5, detail: "C" }]);
  });

  it("warns no_points_found when there are no points, without inventing them from numbered paragraphs", () => {
    const text = "A. Other matters\n\n6. At its meeting, the Working Group took note.\n\n7. No issues were raised.";
    const result = parseDiscussionPoints(text);
    expect(result.agendaItems).toEqual([
      {
        heading: "A",
        title: "Other matters",
        introduction: "At its meeting, the Working Group took note.\n\nNo issues were raised.",
        points: [],
      },
    ]);
    expect(result.warnings).toEqual([{ code: "no_points_found", line: 0, detail: "" }]);
  });

  it("warns no_points_found on empty input", () => {
    expect(parseDiscussionPoints("")).toEqual({
      agendaItems: [],
      warnings: [{ code: "no_points_found", line: 0, detail: "" }],
    });
  });

  it("ignores text before the first heading, with a warning", () => {
    const text = [
      "II. Recommendations",
      "6. At its meeting held in Vienna, the Working Group adopted the recommendations",
      "set out below.",
      "",
      "A. General recommendations",
      "",
      "(a) States should act.",
    ].join("\n");
    const result = parseDiscussionPoints(text);
    expect(result.agendaItems).toHaveLength(1);
    expect(result.agendaItems[0]?.points).toEqual([{ label: "(a)", text: "States should act." }]);
    expect(result.warnings).toEqual([
      { code: "ignored_line", line: 1, detail: "II. Recommendations" },
      {
        code: "ignored_line",
        line: 2,
        detail: "6. At its meeting held in Vienna, the Working Group adopted the recommendations set out below.",
      },
    ]);
  });

  it("ignores a numbered paragraph after the points instead of appending it to the last point", () => {
    const text = "A. X\n\n(a) One.\n\n(b) Two.\n\n12. The Working Group also discussed other matters.";
    const result = parseDiscussionPoints(text);
    expect(result.agendaItems[0]?.points.at(-1)).toEqual({ label: "(b)", text: "Two." });
    expect(codes(result.warnings)).toEqual(["ignored_line"]);
    expect(result.warnings[0]?.detail).toBe("12. The Working Group also discussed other matters.");
  });

  it("gives a pasted list without any heading one item with heading null and title \"\"", () => {
    const result = parseDiscussionPoints("(a) First point.\n\n(b) Second point,\nwrapped.\n");
    expect(result).toEqual({
      agendaItems: [
        {
          heading: null,
          title: "",
          introduction: null,
          points: [
            { label: "(a)", text: "First point." },
            { label: "(b)", text: "Second point, wrapped." },
          ],
        },
      ],
      warnings: [],
    });
  });

  it("uses a paragraph before an unheaded list as its introduction", () => {
    const result = parseDiscussionPoints(
      "7. The Working Group recommended the following:\n\nRecommendation 1\n\nDo this.",
    );
    expect(result.agendaItems[0]?.introduction).toBe("The Working Group recommended the following:");
    expect(result.agendaItems[0]?.points).toEqual([{ label: "Recommendation 1", text: "Do this." }]);
  });

  it("does not split on a wrapped line that merely starts with a label", () => {
    const text = "A. X\n\n(a) States should apply subparagraph\n(d) of article 5 of the Convention.\n\n(b) Next.";
    const points = parseDiscussionPoints(text).agendaItems[0]?.points;
    expect(points).toEqual([
      { label: "(a)", text: "States should apply subparagraph (d) of article 5 of the Convention." },
      { label: "(b)", text: "Next." },
    ]);
  });

  it("reads I. as a chapter heading unless it follows H.", () => {
    const headings = "ABCDEFGHI".split("").map((l) => `${l}. Item ${l}\n\n(a) Point.`);
    const result = parseDiscussionPoints(`I. Introduction\n\n${headings.join("\n\n")}`);
    expect(result.agendaItems.map((i) => i.heading).join("")).toBe("ABCDEFGHI");
    expect(result.warnings).toEqual([{ code: "ignored_line", line: 1, detail: "I. Introduction" }]);
  });

  it("joins a word broken by a soft hyphen at a line end, and drops soft hyphens inside lines", () => {
    const text = "A. Other matters\n\n(a) States should provide extra\u00ADbudg\u00AD\netary resources to the Secre\u00AD\n\n12\n\ntariat.";
    expect(parseDiscussionPoints(text).agendaItems[0]?.points).toEqual([
      { label: "(a)", text: "States should provide extrabudgetary resources to the Secretariat." },
    ]);
  });

  it("replaces typographic ligatures copied from a PDF", () => {
    const point = parseDiscussionPoints("(a) States should provide \uFB01nancial and e\uFB00ective support.").agendaItems[0]?.points[0];
    expect(point?.text).toBe("States should provide financial and effective support.");
  });

  it("drops a page header and an even-page footer that a PDF copy puts between wrapped lines without blank lines", () => {
    const text = [
      "A. Other matters",
      "",
      "(a) States should update the SHERLOC knowledge",
      "2/5 V.20-03774",
      "CTOC/COP/WG.2/2020/3",
      "management portal.",
      "(b) UNODC should assist the",
      "V.20-03774 3/5",
      "CTOC/COP/WG.2/2020/3",
      "States.",
    ].join("\n");
    const result = parseDiscussionPoints(text);
    expect(result.agendaItems[0]?.points).toEqual([
      { label: "(a)", text: "States should update the SHERLOC knowledge management portal." },
      { label: "(b)", text: "UNODC should assist the States." },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("keeps a document symbol that is part of the text", () => {
    const text = "A. Other matters\n\n(a) States should consider the proposals contained in\nCTOC/COP/WG.2/2020/3.\n\n(b) States should note\nCTOC/COP/WG.2/2020/4\nand act.";
    expect(parseDiscussionPoints(text).agendaItems[0]?.points).toEqual([
      { label: "(a)", text: "States should consider the proposals contained in CTOC/COP/WG.2/2020/3." },
      { label: "(b)", text: "States should note CTOC/COP/WG.2/2020/4 and act." },
    ]);
  });

  it("keeps hyphens at line ends as they are", () => {
    const points = parseDiscussionPoints("(a) gender-\nsensitive data.").agendaItems[0]?.points;
    expect(points?.[0]?.text).toBe("gender- sensitive data.");
  });
});

describe("countOpenBrackets", () => {
  it.each([
    ["", 0],
    ["no brackets at all", 0],
    ["[one]", 1],
    ["[one] and [two]", 2],
    ["[...]", 1],
    ["[outer [inner] outer]", 2],
    ["[opened but never closed", 1],
    ["closed but never opened]", 1],
    ["a] b [c", 2],
    ["[[a]", 2],
  ])("%j has %i", (text, count) => {
    expect(countOpenBrackets(text)).toBe(count);
  });
});
