import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { buildCrpModel, CRP_DRAFT_MARK, TRANSLATION_PENDING, type CrpData, type CrpModel } from "~/documents/crp";
import { renderCrpDocx } from "~/documents/crp-docx";
import { UN_MAMMOTH_STYLE_MAP } from "~/documents/un-styles";
import { crpFixture } from "./crp.fixture";

function model(data: CrpData, final: boolean): CrpModel {
  const result = buildCrpModel(data, { final });
  if (!result.ok) throw new Error(JSON.stringify(result.missing));
  return result.model;
}

async function readBack(bytes: Buffer) {
  const [html, raw, zip] = await Promise.all([
    mammoth.convertToHtml({ buffer: bytes }, { styleMap: [...UN_MAMMOTH_STYLE_MAP] }),
    mammoth.extractRawText({ buffer: bytes }),
    JSZip.loadAsync(bytes),
  ]);
  return { html: html.value, messages: html.messages, text: raw.value, part: (name: string) => zip.file(name)!.async("string") };
}

/** Where each needle first occurs, from a start; -1 when missing. */
function positions(haystack: string, needles: string[]): number[] {
  return needles.map((needle) => haystack.indexOf(needle));
}

describe("renderCrpDocx", () => {
  it("reads back with the UN headings in order, numbered paragraphs, points and each delegation's comments", async () => {
    const bytes = await renderCrpDocx(model(crpFixture, true));
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const { html, messages, text } = await readBack(bytes);
    expect(messages).toEqual([]);

    // Every heading, and nothing else is one.
    expect(html.match(/<h\d>.*?<\/h\d>/g)).toEqual([
      "<h1>I.\tIntroduction</h1>",
      "<h1>II.\tComments of States parties on the discussion points arising from the twelfth session of the Working Group of Government Experts on Technical Assistance held in Vienna on 9 and 10 July 2020</h1>",
      "<h2>A.\tAgenda item 2<br />Updating the legislative records of States parties</h2>",
      "<h3>Peru</h3>",
      "<h3>United States of America</h3>",
      "<h2>B.\tAgenda item 3<br />Application of the Convention in domestic jurisprudence</h2>",
      "<h3>Morocco</h3>",
      "<h3>United States of America</h3>",
    ]);
    expect(html).toContain('<p class="title">Comments received on the discussion points arising from the twelfth session of the Working Group');

    // Section I is a real numbered list of seven paragraphs.
    const list = /<ol><li>The Working Group of Government Experts.*?<\/ol>/.exec(html)?.[0] ?? "";
    expect(list.match(/<li>/g)).toHaveLength(7);
    expect(list).toContain(
      "<li>By the deadline, written comments had been received from the following States parties: Peru and United States of America.</li>",
    );

    const order = positions(html, [
      '<p class="masthead"><strong>CTOC/COP/2020/CRP.5</strong></p>',
      '<p class="masthead">9 October 2020</p>',
      '<p class="masthead">English only</p>',
      "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
      "Tenth session",
      "Vienna, 12–16 October 2020",
      "Item 4 of the provisional agenda",
      "<strong>Technical assistance</strong>",
      '<p class="title">',
      "<p><strong>Note by the Secretariat</strong></p>",
      "<h1>I.",
      "<h1>II.",
      "<p>The Working Group may wish to consider the following:</p>",
      '<p class="labelled">(a)\tStates should update their legislative records in the SHERLOC portal, [including for purposes of the review mechanism].</p>',
      '<p class="labelled">(c)\t',
      "<h3>Peru</h3>",
      "<p>[Original: Spanish]</p>",
      '<p class="label"><em>General comments</em></p>',
      "<p>Peru thanks the Secretariat.</p>",
      "<p>We support their general direction.</p>",
      '<p class="label"><em>Discussion point (a)</em></p>',
      "<p>Peru updated its records in 2019.</p>",
      '<p class="label"><em>Discussion point (c)</em></p>',
      "<p>We propose to mention prosecution services expressly.</p>",
      "<p>Proposed wording for discussion point (c):</p>",
      "<p>States may wish to consider inviting UNODC to assist national judicial institutions and prosecution services.</p>",
      "<h3>United States of America</h3>",
      "<p>The United States supports point (b) &amp; its &lt;focus&gt; on awareness.</p>",
      "<h2>B.",
      "<h3>Morocco</h3>",
      "<p>Morocco supports the sharing of court decisions.</p>",
      '<p class="label"><em>New proposals</em></p>',
      '<p class="labelled">(a)\tStates should designate a focal point for case law.</p>',
      '<p class="labelled">(b)\tUNODC should publish a digest of case law on the Convention.</p>',
    ]);
    expect(
      order.every((at) => at >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // The agenda footnote is a real footnote, referenced from the item line.
    expect(html).toMatch(/Item 4 of the provisional agenda<sup><a href="#footnote-1" id="footnote-ref-1">\[1\]<\/a><\/sup><\/p>/);
    expect(html).toMatch(/<li id="footnote-1"><p> CTOC\/COP\/2020\/1\. <a href="#footnote-ref-1">↑<\/a><\/p><\/li>/);
    expect(text).not.toContain(CRP_DRAFT_MARK);
  });

  it("is A4 in Times New Roman 10 pt, with Word heading styles, the footnote marked * and automatic numbering", async () => {
    const { part } = await readBack(await renderCrpDocx(model(crpFixture, true)));
    const document = await part("word/document.xml");
    const styles = await part("word/styles.xml");
    const footnotes = await part("word/footnotes.xml");
    const numbering = await part("word/numbering.xml");
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/>.*<w:sz w:val="20"\/>/);
    for (const [id, level] of [
      ["Heading1", 0],
      ["Heading2", 1],
      ["Heading3", 2],
    ] as const) {
      expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?<w:outlineLvl w:val="${level}"/>.*?</w:style>`));
    }
    expect(document).toMatch(/<w:pStyle w:val="Heading3"\/>.*?<w:t[^>]*>Peru<\/w:t>/);
    // Chicago-style note numbers: the first (and only) footnote shows as "*".
    expect(document).toMatch(/<w:footnotePr><w:numFmt w:val="chicago"\/><\/w:footnotePr>/);
    expect(document).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(footnotes).toContain("CTOC/COP/2020/1.");
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/>.*?<w:lvlText w:val="%1\."\/>/);
    // The symbol heads every page after the first.
    expect(await part("word/header1.xml")).toContain("CTOC/COP/2020/CRP.5");
  });

  it("marks a draft, and sets an untranslated Arabic original right to left", async () => {
    const data = structuredClone(crpFixture);
    delete data.delegations.find((d) => d.code === "MAR")!.comments[0]!.translation;
    const { text, part, html } = await readBack(await renderCrpDocx(model(data, false)));
    expect(text.trimStart().startsWith(CRP_DRAFT_MARK)).toBe(true);
    expect(await part("word/header1.xml")).toContain(CRP_DRAFT_MARK);
    expect(html).toContain(`<p><strong>${TRANSLATION_PENDING}</strong></p><p>يؤيد المغرب تبادل قرارات المحاكم.</p>`);
    const document = await part("word/document.xml");
    expect(document).toMatch(/<w:bidi\/>.*?<w:rtl\/>.*?<w:lang w:bidi="ar-SA"\/>.*?يؤيد المغرب/);
  });
});
