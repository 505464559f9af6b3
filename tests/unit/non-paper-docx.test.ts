import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { buildNonPaperModel, DRAFT_MARK, formatDeadline, nonPaperFileName, paragraphsOf, type NonPaperData } from "~/documents/non-paper";
import { renderNonPaperDocx } from "~/documents/non-paper-docx";
import { UN_MAMMOTH_STYLE_MAP } from "~/documents/un-styles";

const meeting = {
  body: "Working Group of Government Experts on Technical Assistance",
  parentBody: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
  symbolPrefix: "CTOC/COP/WG.2",
  session: "2020",
  venue: "Vienna",
  startDate: "2020-07-09",
  endDate: "2020-07-10",
  timeZone: "Europe/Vienna",
};

const fixture: NonPaperData = {
  meeting,
  consultation: { title: "Discussion points for future consideration", deadline: "2020-08-14T16:00:00Z" },
  nonPaper: { number: 1, circulatedAt: "2020-07-24T08:00:00Z" },
  generatedAt: "2020-07-24T08:00:00Z",
  agendaItems: [
    {
      number: "2",
      heading: "A",
      title: "Updating the legislative records of States parties",
      introduction: "The Working Group may wish to consider the following:",
      points: [
        {
          label: "(a)",
          text: "States should update their legislative records in the SHERLOC portal, [including for purposes of the review mechanism].",
        },
        {
          label: "(b)",
          text: "UNODC should develop a dissemination plan & raise awareness of <SHERLOC>.\n\nA second paragraph of point (b).",
        },
      ],
    },
    {
      number: null,
      heading: "B",
      title: "General recommendations",
      introduction: null,
      points: [{ label: "Recommendation 1", text: "Parties are encouraged to provide extrabudgetary resources." }],
    },
  ],
};

async function readBack(bytes: Buffer) {
  const [html, raw, zip] = await Promise.all([mammoth.convertToHtml({ buffer: bytes }), mammoth.extractRawText({ buffer: bytes }), JSZip.loadAsync(bytes)]);
  const part = (name: string) => zip.file(name)!.async("string");
  return { html: html.value, messages: html.messages, text: raw.value, part };
}

describe("buildNonPaperModel", () => {
  it("heads each agenda item with its number, or with its title when it has none", () => {
    const model = buildNonPaperModel(fixture);
    expect(model.sections.map((s) => [s.heading, s.subheading])).toEqual([
      [
        { label: null, text: "Agenda item 2" },
        { label: "A.", text: "Updating the legislative records of States parties" },
      ],
      [{ label: "B.", text: "General recommendations" }, null],
    ]);
    expect(model.sections[0]!.points[1]!.paragraphs).toEqual([
      "UNODC should develop a dissemination plan & raise awareness of <SHERLOC>.",
      "A second paragraph of point (b).",
    ]);
  });

  it("dates the circulation and states the deadline in the meeting's time zone", () => {
    const model = buildNonPaperModel(fixture);
    expect(model.kind).toBe("Non-paper");
    expect(model.draft).toBe(false);
    expect(model.draftMark).toBeNull();
    expect(model.masthead).toEqual([
      { text: meeting.parentBody, strong: false },
      { text: meeting.body, strong: true },
      { text: "Vienna, 9–10 July 2020", strong: false },
    ]);
    expect(model.datelines).toEqual(["Circulated on 24 July 2020", "Comments are invited by 14 August 2020, 18:00 Vienna time (CEST)."]);
  });

  it("marks a preview of an uncirculated draft, and names later circulations as revisions", () => {
    const draft = buildNonPaperModel({ ...fixture, nonPaper: null, generatedAt: "2020-01-15T09:30:00Z" });
    expect(draft.draft).toBe(true);
    expect(draft.draftMark).toBe(DRAFT_MARK);
    expect(draft.datelines[0]).toBe("Text as at 15 January 2020, 10:30 Vienna time (CET)");
    expect(draft.fileName).toBe("non-paper-CTOC-COP-WG.2-2020-draft.docx");
    const revised = buildNonPaperModel({ ...fixture, nonPaper: { number: 2, circulatedAt: "2020-08-01T08:00:00Z" } });
    expect(revised.kind).toBe("Revised non-paper (Rev.1)");
    expect(revised.fileName).toBe("non-paper-CTOC-COP-WG.2-2020-rev1.docx");
    expect(buildNonPaperModel({ ...fixture, consultation: { ...fixture.consultation, deadline: null } }).datelines).toEqual(["Circulated on 24 July 2020"]);
  });

  it("makes a safe ASCII file name from the symbol", () => {
    expect(nonPaperFileName(meeting, { number: 1 })).toBe("non-paper-CTOC-COP-WG.2-2020.docx");
    expect(nonPaperFileName({ symbolPrefix: 'A/AC.1 "x"/Ä', session: "73rd session" }, { number: 1 })).toBe("non-paper-A-AC.1-x-73rd-session.docx");
  });

  it("states deadlines in other zones with the city and the zone's abbreviation", () => {
    expect(formatDeadline("2024-03-01T23:00:00Z", "America/New_York")).toBe("1 March 2024, 18:00 New York time (GMT-5)");
    expect(formatDeadline("2024-03-01T23:00:00Z", "UTC")).toBe("1 March 2024, 23:00 UTC");
  });

  it("splits paragraphs at blank lines and keeps single line breaks", () => {
    expect(paragraphsOf("One\nline two\n \nThree\n\n\n")).toEqual(["One\nline two", "Three"]);
  });
});

describe("renderNonPaperDocx", () => {
  it("is a Word document that mammoth reads back: headings, points in order, labels and brackets", async () => {
    const bytes = await renderNonPaperDocx(buildNonPaperModel(fixture));
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const { html, text, messages } = await readBack(bytes);

    expect(html).toContain("<h1>Agenda item 2</h1>");
    expect(html).toMatch(/<h2>A\.\s+Updating the legislative records of States parties<\/h2>/);
    expect(html).toMatch(/<h1>B\.\s+General recommendations<\/h1>/);
    // Exactly the two headings per numbered item and one for the unnumbered: nothing else is a heading.
    expect(html.match(/<h[1-6]>/g)).toHaveLength(3);
    // The points in order, each with its label, the bracketed passage kept exactly as typed.
    const order = [
      "The Working Group may wish to consider the following:",
      "(a)",
      "[including for purposes of the review mechanism].",
      "(b)",
      "UNODC should develop a dissemination plan &amp; raise awareness of &lt;SHERLOC&gt;.",
      "A second paragraph of point (b).",
      "Recommendation 1",
      "Parties are encouraged to provide extrabudgetary resources.",
    ].map((needle) => html.indexOf(needle));
    expect(
      order.every((at) => at >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toMatch(/<p>\(a\)\s+States should update/);
    // No style unknown to mammoth beyond the UN paragraph styles it maps to plain paragraphs.
    expect(messages.filter((m) => !/Single Txt|Labelled Txt|Label Line|Masthead|Title/.test(m.message))).toEqual([]);

    for (const words of [
      "Non-paper",
      meeting.parentBody,
      meeting.body,
      "Vienna, 9–10 July 2020",
      "Discussion points for future consideration",
      "Circulated on 24 July 2020",
      "Comments are invited by 14 August 2020, 18:00 Vienna time (CEST).",
      "States should update their legislative records in the SHERLOC portal, [including for purposes of the review mechanism].",
      "UNODC should develop a dissemination plan & raise awareness of <SHERLOC>.",
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain(DRAFT_MARK);
  });

  it("is set in UN typography: A4, Times New Roman 10 pt, real heading styles, page numbers in the footer", async () => {
    const { part } = await readBack(await renderNonPaperDocx(buildNonPaperModel(fixture)));
    const document = await part("word/document.xml");
    const styles = await part("word/styles.xml");
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/>.*<w:sz w:val="20"\/>/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>.*?<\/w:style>/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading2">.*?<w:outlineLvl w:val="1"\/>.*?<\/w:style>/);
    expect(styles).toContain('<w:lang w:val="en-GB"/>');
    // A footer for odd and one for even pages, each with the PAGE field.
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    for (const footer of ["word/footer1.xml", "word/footer2.xml"]) expect(await part(footer)).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it("reads back without a warning with the UN style map (for showing it in the browser)", async () => {
    const bytes = await renderNonPaperDocx(buildNonPaperModel({ ...fixture, nonPaper: null }));
    const result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: [...UN_MAMMOTH_STYLE_MAP] });
    expect(result.messages).toEqual([]);
    expect(result.value).toContain('<p class="title">Discussion points for future consideration</p>');
    expect(result.value).toContain('<p class="label">Recommendation 1</p>');
  });

  it("marks a draft preview on the first page and in the header of every page", async () => {
    const bytes = await renderNonPaperDocx(buildNonPaperModel({ ...fixture, nonPaper: null }));
    const { text, part } = await readBack(bytes);
    expect(text.trimStart().startsWith(DRAFT_MARK)).toBe(true);
    expect(await part("word/header1.xml")).toContain(DRAFT_MARK);
  });

  it("drops characters XML cannot carry instead of writing a broken file", async () => {
    const data = structuredClone(fixture);
    data.agendaItems[0]!.points[0]!.text = "Bad\u0001 control\u000b character.";
    const { text } = await readBack(await renderNonPaperDocx(buildNonPaperModel(data)));
    expect(text).toContain("Bad control character.");
  });
});
