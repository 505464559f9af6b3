import { describe, expect, it } from "vitest";
import { readReferenceReport } from "../../db/files";
import {
  applyReviewOp,
  countOpenBrackets,
  countReview,
  excludeReviewLines,
  extractSection,
  parseDiscussionPoints,
  parseReviewOp,
  reviewFromText,
  type ImportWarning,
  type ReviewItem,
  type ReviewOp,
} from "../../app/lib/point-import";

const report2020 = readReferenceReport("wg2-2020-draft-report.txt");
const report2023 = readReferenceReport("wg2-2023-report.txt");
const report2018 = readReferenceReport("wg2-wg3-2018-draft-report.txt");
const reportWg10 = readReferenceReport("wg10-2020-draft-report.txt");

const annex2020 = () => extractSection(report2020, "A. Updating the legislative records", "III. Organization of the meeting");
const recommendations2023 = () => extractSection(report2023, "A. General recommendations", "III. Summary of deliberations");

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
    expect(all.map((p) => p.label)).toEqual(Array.from({ length: 11 }, (_, i) => `Recommendation ${i + 1}`));
    expect(result.warnings).toEqual([]);
  });

  it("takes the numbered paragraph after the heading as the introduction, without its number", () => {
    const b = result.agendaItems[1];
    expect(b?.title).toBe(
      "Recommendations on matters pertaining to the Mechanism for the Review of the Implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto: challenges, lessons learned and identified technical assistance needs",
    );
    expect(b?.introduction).toBe("The Working Group recommended that the Conference consider the following recommendations for adoption:");
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
    expect(result.warnings).toEqual([{ code: "ignored_line", line: 9, detail: "¹ CTOC/COP/WG.2/2020/1." }]);
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
    expect(result.warnings).toEqual([{ code: "unbalanced_brackets", line: 3, detail: "(a) States [should" }]);
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
    const result = parseDiscussionPoints("Recommendation 8\n\nOne.\n\nRecommendation 9\n\nTwo.\n\nRecommendation 11\n\nFour.");
    expect(result.warnings).toEqual([{ code: "label_out_of_sequence", line: 9, detail: "Recommendation 11" }]);
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

  it('gives a pasted list without any heading one item with heading null and title ""', () => {
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
    const result = parseDiscussionPoints("7. The Working Group recommended the following:\n\nRecommendation 1\n\nDo this.");
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
    const text =
      "A. Other matters\n\n(a) States should consider the proposals contained in\nCTOC/COP/WG.2/2020/3.\n\n(b) States should note\nCTOC/COP/WG.2/2020/4\nand act.";
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

// ---------------------------------------------------------------------------------------------
// Numbered paragraphs, headings without a letter, whole reports (issue 11, item 4)

const WG2 = "Working Group of Government Experts on Technical Assistance";
const WG3 = "Working Group on International Cooperation";
const POINT_6 =
  "States should encourage their training and learning institutes to participate in the development, dissemination and utilization of teaching material, including the newly developed Education for Justice (E4J) teaching modules on organized crime, and consider integrating them in relevant national training curricula.";
const POINT_7 =
  "States should consider encouraging interaction between academics and practitioners as well as engaging criminal justice practitioners in delivering education against organized crime.";
const POINT_8 =
  "UNODC should continue developing multidisciplinary and interactive teaching material and other technical assistance tools on organized crime at the primary, secondary and, in particular, tertiary level. Such teaching material needs to be based on identified needs and adaptable to local circumstances and cultural context.";
const POINT_8_SECOND =
  "States should consider providing extrabudgetary resources to support education against organized crime and the further development as well as regionalization of teaching materials and tools by UNODC for promotion of the implementation of the Organized Crime Convention and the Protocols thereto.";
const section2018 = () => extractSection(report2018, /^#* *II\. Recommendations/, /^#* *III\. Summary/);

describe("2018 recommendations (numbered paragraphs under headings without a letter)", () => {
  const expected2018 = [
    {
      heading: null,
      title: WG2,
      introduction: `The following recommendations were formulated by the ${WG2}:`,
      points: [
        { label: "6.", text: POINT_6 },
        { label: "7.", text: POINT_7 },
        { label: "8.", text: `${POINT_8}\n\n${POINT_8_SECOND}` },
      ],
    },
    { heading: null, title: WG3, introduction: `The following recommendations were formulated by the ${WG3}:`, points: [] },
  ];

  it("section II gives the two working groups as agenda items, with paragraphs 6–8 as points", () => {
    const result = parseDiscussionPoints(section2018());
    expect(result.agendaItems).toEqual(expected2018);
    expect(result.warnings).toEqual([{ code: "ignored_line", line: 1, detail: "II. Recommendations" }]);
  });

  it("the whole report gives the same, leaving out the introduction, the deliberations and the organization", () => {
    const result = parseDiscussionPoints(report2018);
    expect(result.agendaItems).toEqual(expected2018);
    expect(codes(result.warnings).every((c) => c === "ignored_line")).toBe(true);
    const ignored = result.warnings.map((w) => w.detail);
    expect(ignored).toContain("III. Summary of deliberations");
    expect(ignored).toContain("A. Duration of the meetings");
    expect(ignored).toContain("(a) Provisional agenda and annotations ([CTOC/COP/WG.2/2018/1–CTOC/COP/WG.3/2018/1](#));");
  });

  it("the same section copied from a PDF, without Markdown, gives the same", () => {
    const plain = section2018().replace(/^#+\s*|\*\*/gm, "");
    expect(parseDiscussionPoints(plain).agendaItems).toEqual(expected2018);
  });
});

describe("whole reports", () => {
  it("the whole 2020 report gives the annex: A with (a)–(g), then B and C", () => {
    const whole = parseDiscussionPoints(report2020);
    expect(whole.agendaItems).toEqual(parseDiscussionPoints(annex2020()).agendaItems);
  });

  it("the whole 2023 report gives the 11 recommendations under A, B and C", () => {
    const whole = parseDiscussionPoints(report2023);
    expect(whole.agendaItems).toEqual(parseDiscussionPoints(recommendations2023()).agendaItems);
    expect(whole.agendaItems.map((i) => i.points.length)).toEqual([1, 6, 4]);
  });

  it("the WG.10 report, which has no recommendations, keeps its lettered sections for the officer to judge", () => {
    const result = parseDiscussionPoints(reportWg10);
    expect(result.agendaItems.map((i) => `${i.heading}. ${i.title}`)).toEqual([
      "A. Opening of the meeting",
      "B. Adoption of the agenda",
      "C. Statements",
      "D. Organization of work",
      "E. Attendance",
      "F. Documentation",
    ]);
    const f = result.agendaItems[5];
    expect(f?.introduction).toBe("The meeting had before it the following:");
    expect(f?.points.map((p) => p.label).join("")).toBe("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)");
    expect(f?.points[0]).toEqual({ label: "(a)", text: "Annotated provisional agenda ([CTOC/COP/WG.10/2020/1](#));" });
    // The agenda as adopted is a numbered list with (a) (b) under item 1: not points in paragraph style.
    expect(result.agendaItems[1]?.points.map((p) => p.label)).toEqual(["(a)", "(b)"]);
  });
});

describe("paragraph style on synthetic text", () => {
  it("takes numbered paragraphs as points only after an announcing paragraph, numbered on from it", () => {
    const text = [
      "Working Group on International Cooperation",
      "",
      "9. The following recommendations were formulated by the Working Group:",
      "",
      "10. States should designate central authorities;",
      "(a) For extradition;",
      "(b) For mutual legal assistance.",
      "",
      "11. UNODC should update the directory.",
      "",
      "13. The Working Group also heard a presentation.",
    ].join("\n");
    const result = parseDiscussionPoints(text);
    expect(result.agendaItems).toEqual([
      {
        heading: null,
        title: "Working Group on International Cooperation",
        introduction: "The following recommendations were formulated by the Working Group:",
        points: [
          { label: "10.", text: "States should designate central authorities;\n\n(a) For extradition;\n\n(b) For mutual legal assistance." },
          { label: "11.", text: "UNODC should update the directory." },
        ],
      },
    ]);
    expect(result.warnings).toEqual([{ code: "ignored_line", line: 11, detail: "13. The Working Group also heard a presentation." }]);
  });

  it("does not take a list that restarts at 1 after the announcing paragraph (an agenda as adopted)", () => {
    const text = "A. Adoption of the agenda\n\n18. The Working Group adopted the following agenda:\n\n1. Organizational matters.\n\n2. Other matters.";
    const result = parseDiscussionPoints(text);
    expect(result.agendaItems[0]?.points).toEqual([]);
    expect(codes(result.warnings)).toEqual(["no_points_found"]);
  });

  it("takes a short line after finished text and before a point as a heading, but not a wrapped line or a subtitle", () => {
    const text = [
      "A. Working Group of Government Experts on Technical Assistance",
      "",
      "Good practices for effective training",
      "",
      "(a) States should train judges.",
      "",
      "Other matters",
      "",
      "(a) None,",
      "",
      "Russian Federation",
      "",
      "(b) Last.",
    ].join("\n");
    const result = parseDiscussionPoints(text);
    expect(result.agendaItems.map((i) => [i.heading, i.title, i.introduction, i.points.map((p) => p.text)])).toEqual([
      ["A", "Working Group of Government Experts on Technical Assistance", "Good practices for effective training", ["States should train judges."]],
      [null, "Other matters", null, ["None, Russian Federation", "Last."]],
    ]);
  });

  it("does not take an unpunctuated paragraph inside a lettered list for a heading", () => {
    const text = "A. X\n\n(a) States should:\n\nTake measures\n\n(b) UNODC should help.";
    expect(parseDiscussionPoints(text).agendaItems).toEqual([
      {
        heading: "A",
        title: "X",
        introduction: null,
        points: [
          { label: "(a)", text: "States should:\n\nTake measures" },
          { label: "(b)", text: "UNODC should help." },
        ],
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The review and its corrections

const op = (intent: string): ReviewOp => {
  const parsed = parseReviewOp(intent);
  if (!parsed) throw new Error(`bad op ${intent}`);
  return parsed;
};
const apply = (items: ReviewItem[], intent: string, at?: number): ReviewItem[] => {
  const parsed = op(intent);
  const result = applyReviewOp(items, "entry" in parsed ? { ...parsed, at } : parsed);
  if (!result.ok) throw new Error(`${intent}: ${result.reason}`);
  return result.items;
};
const shape = (items: ReviewItem[]) =>
  items.map((it) => [
    it.kind,
    it.heading,
    it.title,
    it.points.map((p) => (p.kind === "point" ? `${p.label}|${p.text.slice(0, 20)}` : `~${p.text.slice(0, 20)}`)),
  ]);

describe("reviewFromText", () => {
  it("keeps what was left out as lines where it stood", () => {
    const review = reviewFromText(section2018());
    expect(shape(review.items)).toEqual([
      ["lines", "", "", ["~II. Recommendations"]],
      ["item", "", WG2, ["6.|States should encour", "7.|States should consid", "8.|UNODC should continu"]],
      ["item", "", WG3, []],
    ]);
    expect(countReview(review.items)).toEqual({ items: 2, points: 3 });
    const text = "A. X\n\n(a) One.\n\n12. A report paragraph.\n\n(b) Two.\n\n¹ A footnote.";
    expect(shape(reviewFromText(text).items)).toEqual([["item", "A", "X", ["(a)|One.", "~12. A report paragra", "(b)|Two.", "~¹ A footnote."]]]);
  });

  it("gives the 2020 annex and the 2023 recommendations without any line", () => {
    for (const text of [annex2020(), recommendations2023()]) {
      const review = reviewFromText(text);
      expect(review.items.flatMap((it) => it.points).filter((p) => p.kind === "line")).toEqual([]);
      expect(review.items.every((it) => it.kind === "item")).toBe(true);
    }
  });
});

describe("review corrections", () => {
  const base = () => reviewFromText(section2018()).items;

  it("reads only well-formed operations", () => {
    expect(parseReviewOp("review:split:1:2")).toEqual({ op: "split", item: 1, entry: 2 });
    expect(parseReviewOp("review:addItem:-1")).toEqual({ op: "addItem", item: -1 });
    for (const bad of ["review:split:1", "review:addPoint:1:2", "review:explode:1:2", "split:1:2", "review:split:a:b"]) {
      expect(parseReviewOp(bad), bad).toBeNull();
    }
  });

  it("splits a point at the cursor, or else at its blank line, and suggests the next free label", () => {
    const atBlank = apply(base(), "review:split:1:2");
    expect(atBlank[1]?.points.slice(2)).toEqual([
      { kind: "point", label: "8.", text: POINT_8, exclude: false },
      { kind: "point", label: "9.", text: POINT_8_SECOND, exclude: false },
    ]);
    const at = POINT_6.indexOf("including");
    const atCursor = apply(base(), "review:split:1:0", at);
    expect(atCursor[1]?.points.slice(0, 2).map((p) => [p.label, p.text])).toEqual([
      ["6.", POINT_6.slice(0, at).trim()],
      ["", POINT_6.slice(at)], // "7." is taken: the officer gives a label
    ]);
    const nowhere = applyReviewOp(base(), { op: "split", item: 1, entry: 0 });
    expect(nowhere).toEqual({ ok: false, reason: "split_nowhere" });
  });

  it("merges a point with the next: as paragraphs after a full stop, as one sentence otherwise", () => {
    const merged = apply(base(), "review:merge:1:0");
    expect(merged[1]?.points.map((p) => p.label)).toEqual(["6.", "8."]);
    expect(merged[1]?.points[0]?.text).toBe(`${POINT_6}\n\n${POINT_7}`);
    const wrapped: ReviewItem[] = [
      {
        ...base()[1]!,
        points: [
          { kind: "point", label: "(a)", text: "States should apply subparagraph", exclude: false },
          { kind: "point", label: "(d)", text: "of article 5.", exclude: false },
        ],
      },
    ];
    expect(apply(wrapped, "review:merge:0:0")[0]?.points).toEqual([
      { kind: "point", label: "(a)", text: "States should apply subparagraph (d) of article 5.", exclude: false },
    ]);
  });

  it("turns a line into a heading, taking what follows; a point into a heading; a heading back into text", () => {
    const heading = apply(base(), "review:heading:0:0");
    expect(shape(heading).map((i) => [i[0], i[1], i[2]])).toEqual([
      ["item", "", "Recommendations"],
      ["item", "", WG2],
      ["item", "", WG3],
    ]);
    const fromPoint = apply(base(), "review:heading:1:1");
    expect(shape(fromPoint)).toEqual([
      ["lines", "", "", ["~II. Recommendations"]],
      ["item", "", WG2, ["6.|States should encour"]],
      ["item", "", POINT_7, ["8.|UNODC should continu"]],
      ["item", "", WG3, []],
    ]);
    const back = apply(base(), "review:unheading:2");
    expect(shape(back)).toEqual([
      ["lines", "", "", ["~II. Recommendations"]],
      ["item", "", WG2, ["6.|States should encour", "7.|States should consid", "8.|UNODC should continu", `~${WG3.slice(0, 20)}`, "~The following recomm"]],
    ]);
    const lettered = apply(reviewFromText("(a) One.\n\nB. Other matters\n\n(a) Two.").items, "review:unheading:1");
    expect(shape(lettered)).toEqual([["item", "", "", ["(a)|One.", "~B. Other matters", "(a)|Two."]]]);
    const again = apply(lettered, "review:heading:0:1");
    expect(shape(again)).toEqual([
      ["item", "", "", ["(a)|One."]],
      ["item", "B", "Other matters", ["(a)|Two."]],
    ]);
  });

  it("turns a line into a point, reading its label, and a point back into a line", () => {
    const items = reviewFromText("A. X\n\n(a) One.\n\n(b) Two.\n\n12. A report paragraph.").items;
    const asPoint = apply(items, "review:point:0:2");
    expect(asPoint[0]?.points[2]).toEqual({ kind: "point", label: "12.", text: "A report paragraph.", exclude: false });
    const asLine = apply(asPoint, "review:line:0:1");
    expect(asLine[0]?.points[1]).toEqual({ kind: "line", label: "", text: "(b) Two.", exclude: false });
    const unlabelled = apply(apply(asLine, "review:line:0:2"), "review:remove:0:2");
    const plain = apply(
      [{ ...unlabelled[0]!, points: [...unlabelled[0]!.points, { kind: "line", label: "", text: "Three.", exclude: false }] }],
      "review:point:0:2",
    );
    expect(plain[0]?.points[2]).toEqual({ kind: "point", label: "(b)", text: "Three.", exclude: false });
    // A line of the text before the first item: the block becomes an item, to be given a title.
    const first = apply(base(), "review:point:0:0");
    expect(first[0]).toMatchObject({ kind: "item", title: "", points: [{ kind: "point", label: "", text: "II. Recommendations" }] });
  });

  it("adds and removes points and agenda items; counts only what would be saved", () => {
    let items = apply(base(), "review:addPoint:2");
    expect(items[2]?.points).toEqual([{ kind: "point", label: "", text: "", exclude: false }]);
    items = apply(items, "review:addPoint:1");
    expect(items[1]?.points.at(-1)?.label).toBe("9.");
    items = apply(items, "review:remove:1:0");
    items = apply(items, "review:addItem:2");
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ["lines", ""],
      ["item", WG2],
      ["item", WG3],
      ["item", ""],
    ]);
    expect(countReview(items)).toEqual({ items: 3, points: 4 });
    expect(apply([], "review:addItem:-1")).toEqual([expect.objectContaining({ kind: "item", title: "", points: [] })]);
    expect(applyReviewOp(items, { op: "merge", item: 1, entry: 3 })).toEqual({ ok: false, reason: "not_found" });
    expect(applyReviewOp(items, { op: "split", item: 9, entry: 0 })).toEqual({ ok: false, reason: "not_found" });
  });

  it("leaves lines and the text before the first item out of a posted review, whatever was posted", () => {
    const form = new FormData();
    for (const [k, v] of [
      ["items[0].kind", "lines"],
      ["items[1].kind", "item"],
      ["items[1].points[0].kind", "point"],
      ["items[1].points[1].kind", "line"],
      ["items[1].points[1].exclude", ""],
    ])
      form.append(k!, v!);
    excludeReviewLines(form);
    expect(Object.fromEntries([...form.entries()].filter(([k]) => k.endsWith("exclude")))).toEqual({
      "items[0].exclude": "on",
      "items[1].points[1].exclude": "on",
    });
  });

  it("leaves the review it was given untouched", () => {
    const items = base();
    const copy = structuredClone(items);
    apply(items, "review:merge:1:0");
    apply(items, "review:heading:0:0");
    expect(items).toEqual(copy);
  });
});
