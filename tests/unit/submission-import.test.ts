import { describe, expect, it } from "vitest";
import { readDocx } from "~/documents/docx-reader";
import { buildNonPaperModel } from "~/documents/non-paper";
import { renderNonPaperDocx } from "~/documents/non-paper-docx";
import { assembleContent, guessLanguage, paragraphsFromText, proposeAssignments, type ImportProposal, type SourceParagraph } from "~/lib/submission-import";
import {
  chinaNote,
  consultation2020,
  consultation2023,
  describeTarget,
  franceNote,
  HELD_OUT_NOTES,
  moroccoNote,
  noteAsDocx,
  noteAsText,
  NOTES,
  peruNote,
  russiaNote,
  spainListNote,
  usaNote,
  type Note,
} from "./submission-import.fixtures";

const para = (text: string, extra: Partial<SourceParagraph> = {}): SourceParagraph => ({ text, heading: null, list: null, ...extra });
const heading = (text: string): SourceParagraph => para(text, { heading: { level: 1, by: "style" } });
const targets = (proposals: readonly ImportProposal[]) => proposals.map((p) => describeTarget(p.target));

async function paragraphsOf(note: Note, form: "docx" | "pasted" | "email"): Promise<SourceParagraph[]> {
  if (form === "docx") {
    const read = await readDocx(await noteAsDocx(note));
    if (!read.ok) throw new Error("unreadable fixture");
    return read.paragraphs;
  }
  return paragraphsFromText(noteAsText(note, form === "email" ? 72 : 0)).paragraphs;
}

describe("proposeAssignments on realistic notes", () => {
  // Each note as a Word document, as text copied from Word (a line per paragraph), and as an
  // email wrapped at 72 characters with blank lines between paragraphs.
  for (const note of [...NOTES, ...HELD_OUT_NOTES]) {
    for (const form of ["docx", "pasted", "email"] as const) {
      it(`${note.name}, ${form}: every paragraph goes where a careful officer would put it`, async () => {
        const paragraphs = await paragraphsOf(note, form);
        // Copied as text, a Word list item keeps its label: "(a) …".
        expect(paragraphs.map((p) => p.text.replace(/\s+/g, " "))).toEqual(
          note.paragraphs.map((p) => (form !== "docx" && p.look === "li" ? expect.stringMatching(/^\([a-z]\) /) : p.text)),
        );
        const proposals = proposeAssignments(paragraphs, note.consultation);
        expect(targets(proposals)).toEqual(note.paragraphs.map((p) => p.expected));
      });
    }
  }

  it("reads the Peruvian note's labels, amendment and formulas", async () => {
    const proposals = proposeAssignments(await paragraphsOf(peruNote, "docx"), consultation2020);
    // The label is not part of the comment.
    expect(proposals[5]).toMatchObject({ confidence: "high", reason: "label", text: expect.stringMatching(/^El Perú apoya este punto\./) });
    expect(proposals[6]).toMatchObject({ reason: "carried", confidence: "medium" });
    // The amendment is the wording without its quotation marks.
    expect(proposals[8]!.target).toEqual({
      kind: "amendment",
      pointId: "point-b",
      proposedText:
        "Subject to availability of extrabudgetary resources, UNODC should develop and implement a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal in all official languages of the United Nations.",
    });
    expect(proposals[8]!.reason).toBe("quote");
    // What follows an amendment comments on the point: it is not more wording.
    expect(proposals[9]!.target).toEqual({ kind: "point", pointId: "point-b" });
    for (const i of [2, 11, 12]) expect(proposals[i]).toMatchObject({ target: { kind: "skip" }, reason: "formula", confidence: "high" });
    expect(proposals[3]).toMatchObject({ target: { kind: "skip" }, reason: "heading" });
    expect(proposals[4]).toMatchObject({ reason: "heading", confidence: "high" });
  });

  it("maps Arabic letters to the points' Latin ones and reads a proposal under «مقترح جديد»", async () => {
    const proposals = proposeAssignments(await paragraphsOf(moroccoNote, "docx"), consultation2020);
    expect(proposals[2]).toMatchObject({ target: { kind: "point", pointId: "point-a" }, confidence: "high", reason: "label" });
    expect(proposals[2]!.text.startsWith("تؤيد المملكة المغربية")).toBe(true);
    expect(proposals[6]).toMatchObject({ target: { kind: "proposal", agendaItemId: "item-2", label: "(a)" }, reason: "label" });
  });

  it("finds the point from quoted wording when a note has no labels", async () => {
    const proposals = proposeAssignments(await paragraphsOf(usaNote, "docx"), consultation2020);
    expect(proposals[1]).toMatchObject({ target: { kind: "general", agendaItemId: "item-2" }, confidence: "low", reason: "none" });
    expect(proposals[2]).toMatchObject({ target: { kind: "point", pointId: "point-a" }, reason: "quote", confidence: "high" });
    // The lead-in ending with a colon goes with the amendment after it.
    expect(proposals[3]).toMatchObject({ target: { kind: "point", pointId: "point-e" }, reason: "quote" });
    expect(proposals[4]).toMatchObject({ target: { kind: "amendment", pointId: "point-e" }, confidence: "high" });
  });

  it("keeps the sentence around quoted wording as the comment, the wording as the amendment", async () => {
    const proposals = proposeAssignments(await paragraphsOf(spainListNote, "docx"), consultation2020);
    expect(proposals[2]!.target).toMatchObject({
      kind: "amendment",
      pointId: "point-f",
      proposedText: expect.stringMatching(/^Subject to availability .* information gathered\.$/),
    });
    expect(proposals[2]!.text).toBe("España propone la siguiente redacción del punto (f):");
    // Word's numbered list under "Nuevas propuestas": (a), (b) from the list, not from the text.
    expect(proposals.slice(4, 6).map((p) => p.target)).toEqual([
      { kind: "proposal", agendaItemId: "item-2", label: "(a)" },
      { kind: "proposal", agendaItemId: "item-2", label: "(b)" },
    ]);
  });

  it("reaches the expected accuracy on the notes written to measure it", async () => {
    let right = 0;
    let total = 0;
    for (const note of HELD_OUT_NOTES) {
      const proposals = proposeAssignments(await paragraphsOf(note, "docx"), note.consultation);
      targets(proposals).forEach((t, i) => {
        total++;
        if (t === note.paragraphs[i]!.expected) right++;
      });
    }
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });
});

describe("the non-paper sent back", () => {
  it("proposes none of a returned non-paper's points, headings or masthead as comments", async () => {
    const [item2, item3] = consultation2020.agendaItems;
    const model = buildNonPaperModel({
      meeting: {
        body: "Working Group of Government Experts on Technical Assistance",
        parentBody: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
        symbolPrefix: "CTOC/COP/WG.2",
        session: "2020",
        venue: "Vienna",
        startDate: "2020-07-09",
        endDate: "2020-07-10",
        timeZone: "Europe/Vienna",
      },
      consultation: { title: "Discussion points for future consideration", deadline: "2020-08-14T16:00:00Z" },
      nonPaper: { number: 1, circulatedAt: "2020-07-24T08:00:00Z" },
      generatedAt: "2020-07-24T08:00:00Z",
      agendaItems: [
        { number: "2", heading: "A", title: item2!.title, introduction: null, points: item2!.points.map(({ label, text }) => ({ label, text })) },
        { number: "3", heading: "B", title: item3!.title, introduction: null, points: [] },
      ],
    });
    const read = await readDocx(new Uint8Array(await renderNonPaperDocx(model)));
    if (!read.ok) throw new Error("unreadable");
    const proposals = proposeAssignments(read.paragraphs, consultation2020);
    const kept = proposals.filter((p) => p.target.kind !== "skip").map((p) => p.text);
    // Only the sentence giving the deadline, as a low-confidence guess.
    expect(kept).toEqual([expect.stringMatching(/^Comments are invited by/)]);
    expect(proposals.filter((p) => p.reason === "quote")).toHaveLength(7);
  });
});

describe("labels, headings and formulas in the six languages", () => {
  const underItem2 = (text: string) => proposeAssignments([heading("Agenda item 2"), para(text)], consultation2020)[1]!;

  it.each([
    ["(a) Supported.", "point-a"],
    ["a) Supported.", "point-a"],
    ["Point (c): supported.", "point-c"],
    ["Punto (c): apoyado.", "point-c"],
    ["Пункт (c): поддерживаем.", "point-c"],
    ["(c) — Supported.", "point-c"],
    ["(c)点：中方支持。", "point-c"],
    ["（c）中方支持。", "point-c"],
    ["النقطة (ج): نؤيد.", "point-c"],
    ["(هـ) نؤيد.", "point-e"],
    ["(ه) نؤيد.", "point-e"],
    ["(و) نؤيد.", "point-f"],
    ["(ز) نؤيد.", "point-g"],
    ["(б) Поддерживаем.", "point-b"],
    ["• (d) Supported.", "point-d"],
  ])("%s → %s", (text, pointId) => {
    expect(underItem2(text)).toMatchObject({ target: { kind: "point", pointId }, reason: "label" });
  });

  it("reads a Cyrillic с typed for a Latin c, unless the document letters in Russian order", () => {
    expect(underItem2("(с) Поддерживаем.").target).toEqual({ kind: "point", pointId: "point-c" });
    const russianOrder = proposeAssignments([heading("Пункт 2 повестки дня"), para("(б) Поддерживаем."), para("(е) Поддерживаем.")], consultation2020);
    // Sixth letter of а б в г д е: (f).
    expect(russianOrder[2]!.target).toEqual({ kind: "point", pointId: "point-f" });
    expect(underItem2("(е) Поддерживаем.").target).toEqual({ kind: "point", pointId: "point-e" });
  });

  it.each([
    "Recommendation 4",
    "Recommandation 4",
    "Recomendación 4",
    "Рекомендация 4",
    "建议4",
    "第4项建议",
    "التوصية 4",
    "التوصية ٤",
    "Recommendation No. 4",
  ])("%s names recommendation 4, wherever it is in the consultation", (label) => {
    const [first, second] = proposeAssignments([para(label), para("Text.")], consultation2023);
    expect(first).toMatchObject({ target: { kind: "skip" }, reason: "heading", confidence: "high" });
    expect(second).toMatchObject({ target: { kind: "point", pointId: "rec-4" }, reason: "heading" });
    expect(proposeAssignments([para(`${label}. We support it.`)], consultation2023)[0]).toMatchObject({
      target: { kind: "point", pointId: "rec-4" },
      confidence: "high",
      reason: "label",
    });
  });

  it.each([
    ["Agenda item 3", "item-3"],
    ["Agenda item 3: Application of the Convention in domestic jurisprudence", "item-3"],
    ["Point 3 de l'ordre du jour", "item-3"],
    ["Point 3 de l’ordre du jour", "item-3"],
    ["Tema 3 del programa", "item-3"],
    ["Пункт 3 повестки дня", "item-3"],
    ["议程项目3", "item-3"],
    ["议程项目三", "item-3"],
    ["البند 3 من جدول الأعمال", "item-3"],
    ["البند ٣ من جدول الأعمال", "item-3"],
    ["البند الثالث من جدول الأعمال", "item-3"],
    ["Application of the United Nations Convention against Transnational Organized Crime in domestic jurisprudence", "item-3"],
    ["Updating the legislative records of States parties", "item-2"],
  ])("the heading %s puts what follows under %s", (text, itemId) => {
    const [first, second] = proposeAssignments([para(text), para("Comment.")], consultation2020);
    expect(first!.target).toEqual({ kind: "skip" });
    expect(second!.target).toEqual({ kind: "general", agendaItemId: itemId });
  });

  it.each(["Comments on point (c)", "Observaciones sobre el punto (c)", "Замечания по пункту (c)", "关于(c)点的意见", "تعليقات على النقطة (ج)"])(
    "the Word heading %s puts what follows on point (c)",
    (text) => {
      const proposals = proposeAssignments([heading("Agenda item 2"), heading(text), para("We support it.")], consultation2020);
      expect(proposals[1]).toMatchObject({ target: { kind: "skip" }, reason: "heading" });
      expect(proposals[2]).toMatchObject({ target: { kind: "point", pointId: "point-c" }, reason: "heading" });
    },
  );

  it("does not take words every title shares for an agenda item's title", () => {
    const [first] = proposeAssignments(
      [para("Conference of the Parties to the United Nations Convention against Transnational Organized Crime"), para("Comment.")],
      consultation2020,
    );
    expect(first).toMatchObject({ target: { kind: "skip" }, reason: "formula", confidence: "medium" });
  });

  it.each(["New proposals", "Nouvelles propositions", "Nueva propuesta", "Новые предложения", "新提案", "مقترحات جديدة", "مقترح جديد"])(
    "%s starts the delegation's own lettered proposals",
    (text) => {
      const proposals = proposeAssignments(
        [heading("Agenda item 2"), para(text), para("First idea."), para("(b) Second idea."), para("More on the second.")],
        consultation2020,
      );
      expect(targets(proposals)).toEqual(["skip", "skip", "proposal:item-2:(a)", "proposal:item-2:(b)", "proposal:item-2:(b)"]);
      expect(proposals[3]!.text).toBe("Second idea.");
    },
  );

  it.each([
    "The Permanent Mission of Austria to the United Nations (Vienna) presents its compliments to the Secretariat and has the honour to transmit its comments.",
    "The Permanent Mission avails itself of this opportunity to renew to the Secretariat the assurances of its highest consideration.",
    "La Mission permanente de la Suisse présente ses compliments au Secrétariat.",
    "La Mission permanente saisit cette occasion pour renouveler au Secrétariat les assurances de sa haute considération.",
    "La Misión Permanente de México saluda atentamente a la Secretaría.",
    "La Misión Permanente aprovecha la ocasión para reiterar a la Secretaría las seguridades de su más alta consideración.",
    "Постоянное представительство Республики Беларусь свидетельствует свое уважение Секретариату.",
    "Постоянное представительство пользуется случаем, чтобы возобновить Секретариату уверения в своем высоком уважении.",
    "中国常驻代表团向秘书处致意。",
    "代表团借此机会向秘书处再次表示最崇高的敬意。",
    "تهدي البعثة الدائمة لجمهورية مصر العربية أطيب تحياتها إلى الأمانة.",
    "وتنتهز البعثة هذه الفرصة لتعرب مجددا عن أسمى آيات التقدير.",
    "Dear colleagues,",
    "Yours sincerely,",
    "С уважением,",
    "Vienna, 14 August 2020",
    "Viena, 14 de agosto de 2020",
    "Вена, 14 августа 2020 года",
    "2020年8月14日",
    "Note No. 123/2020",
  ])("%s is a formula, left out", (text) => {
    expect(proposeAssignments([para(text)], consultation2020)[0]).toMatchObject({ target: { kind: "skip" }, reason: "formula" });
  });

  it("does not take a short labelled comment with a date for a formula", () => {
    const [, proposal] = proposeAssignments([heading("Agenda item 2"), para("(a) Done on 12/08/2020")], consultation2020);
    expect(proposal!.target).toEqual({ kind: "point", pointId: "point-a" });
  });

  it.each([
    "El Perú aprovecha la oportunidad para reiterar su apoyo al portal SHERLOC.",
    "Российская Федерация пользуется случаем, чтобы подчеркнуть важность портала SHERLOC.",
    "The United States avails itself of this opportunity to stress the value of SHERLOC.",
  ])("keeps %s, which borrows the closing's words for substance", (text) => {
    expect(proposeAssignments([heading("Agenda item 2"), para(text)], consultation2020)[1]!.target).toEqual({
      kind: "general",
      agendaItemId: "item-2",
    });
  });

  it("does not take a sentence that merely mentions compliments or a date for a formula", () => {
    const [proposal] = proposeAssignments(
      [para("Peru updated its legislative records on 14 August 2020, as the review requires, and encourages other States to follow.")],
      consultation2020,
    );
    expect(proposal!.target.kind).toBe("general");
  });
});

describe("context and confidence", () => {
  it("guesses a general comment on the first agenda item with points when nothing says otherwise", () => {
    const [proposal] = proposeAssignments([para("We thank the Chair.")], consultation2023);
    expect(proposal).toMatchObject({ target: { kind: "general", agendaItemId: "general" }, confidence: "low", reason: "none" });
    expect(proposeAssignments([para("We thank the Chair.")], { agendaItems: [] })[0]).toMatchObject({
      target: { kind: "skip" },
      reason: "none",
    });
  });

  it("does not place anything under an agenda item the consultation does not have", () => {
    const proposals = proposeAssignments([heading("Agenda item 7"), para("A comment.")], consultation2020);
    expect(proposals[0]).toMatchObject({ target: { kind: "skip" }, confidence: "low" });
    expect(proposals[1]).toMatchObject({ confidence: "low", reason: "none" });
  });

  it("proposes a letter after the last point as a new proposal, unsure", () => {
    const [, proposal] = proposeAssignments([heading("Agenda item 2"), para("(h) States should share good practices.")], consultation2020);
    expect(proposal).toMatchObject({ target: { kind: "proposal", agendaItemId: "item-2", label: "(h)" }, confidence: "low" });
  });

  it("leaves out a point copied unchanged, and puts what follows on that point", () => {
    const proposals = proposeAssignments([para(consultation2020.agendaItems[0]!.points[3]!.text), para("We support this.")], consultation2020);
    expect(proposals[0]).toMatchObject({ target: { kind: "skip" }, reason: "quote" });
    expect(proposals[1]).toMatchObject({ target: { kind: "point", pointId: "point-d" }, reason: "quote" });
  });

  it("reads struck-through words as deleted from an amendment", () => {
    const point = consultation2020.agendaItems[0]!.points[1]!.text;
    const [proposal] = proposeAssignments(
      [para(`${point} extrabudgetary`, { withoutStruck: point.replace("Subject to availability of extrabudgetary resources, ", "") })],
      consultation2020,
    );
    expect(proposal!.target).toEqual({
      kind: "amendment",
      pointId: "point-b",
      proposedText: point.replace("Subject to availability of extrabudgetary resources, ", ""),
    });
  });

  it("does not take commentary that shares many words with a point for an amendment", () => {
    const [, proposal] = proposeAssignments(
      [
        heading("Agenda item 2"),
        para(
          "The SHERLOC knowledge management portal is useful, and UNODC should raise awareness of it, but a dissemination plan is premature before extrabudgetary resources are available.",
        ),
      ],
      consultation2020,
    );
    expect(proposal!.target).toEqual({ kind: "general", agendaItemId: "item-2" });
  });

  it("sends a footnote where the paragraph that refers to it goes", () => {
    const proposals = proposeAssignments(
      [heading("Agenda item 2"), para("(c) We support this.[1]"), para("(d) We support this too."), para("[1] See our law of 2019.", { footnoteOf: 1 })],
      consultation2020,
    );
    expect(proposals[3]).toMatchObject({ target: { kind: "point", pointId: "point-c" }, reason: "carried", confidence: "medium" });
  });

  it("turns to the agenda item as a whole on words like «more generally»", () => {
    for (const lead of ["More generally, ", "En términos generales, ", "De manière générale, ", "В целом ", "总体而言，", "وبشكل عام، "]) {
      const proposals = proposeAssignments([heading("Agenda item 2"), para("(c) Supported."), para(`${lead}fine.`)], consultation2020);
      expect(proposals[2]!.target, lead).toEqual({ kind: "general", agendaItemId: "item-2" });
    }
  });

  it("labels every skipped paragraph of the fixtures as a formula, heading, copy or what follows the closing", async () => {
    for (const note of [...NOTES, ...HELD_OUT_NOTES]) {
      for (const proposal of proposeAssignments(await paragraphsOf(note, "docx"), note.consultation)) {
        if (proposal.target.kind === "skip") expect(["formula", "heading", "quote", "carried"]).toContain(proposal.reason);
      }
    }
  });

  it("handles a long note against a large consultation quickly", () => {
    const points = Array.from({ length: 60 }, (_, i) => ({
      id: `p${i}`,
      label: `(${String.fromCharCode(97 + (i % 26))})`,
      text: `${consultation2020.agendaItems[0]!.points[i % 7]!.text} Variant ${i}.`,
    }));
    const big = {
      agendaItems: Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, number: String(i + 2), title: `Item ${i}`, points: points.slice(i * 6, i * 6 + 6) })),
    };
    const paragraphs = Array.from({ length: 300 }, (_, i) =>
      para(i % 3 === 0 ? points[i % 60]!.text.replace("should", "must") : `Comment ${i} on the SHERLOC portal and extrabudgetary resources.`),
    );
    const started = performance.now();
    proposeAssignments(paragraphs, big);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("handles very long paragraphs quickly", () => {
    const filler = consultation2020.agendaItems[0]!.points.map((p) => p.text).join(" ");
    const long = Array.from({ length: 40 }, (_, i) => para(`${i}. ${filler.repeat(6)} “${filler.slice(0, 2000)}”`));
    const started = performance.now();
    proposeAssignments(long, consultation2020);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("assembleContent", () => {
  it("joins the Peruvian note into the submission's general comment, point comments and amendment", async () => {
    const proposals = proposeAssignments(await paragraphsOf(peruNote, "docx"), consultation2020);
    const content = assembleContent(proposals, consultation2020);
    expect(content.general).toEqual([{ agendaItemId: "item-2", body: expect.stringMatching(/^El Perú acoge con beneplácito/) }]);
    expect(content.points.map((p) => [p.pointId, p.proposedText !== null])).toEqual([
      ["point-a", false],
      ["point-b", true],
      ["point-c", false],
    ]);
    expect(content.points[0]!.body.split("\n\n")).toHaveLength(2);
    expect(content.points[1]).toMatchObject({
      body: "El Perú propone la siguiente redacción:\n\nLa difusión en los seis idiomas oficiales permitiría que más autoridades nacionales utilicen el portal.",
      proposedText: expect.stringMatching(/^Subject to availability .* Nations\.$/),
    });
    expect(content.proposals).toEqual([]);
    // No formula reached the submission.
    expect(JSON.stringify(content)).not.toMatch(/saluda muy atentamente|consideración|Viena, 10/);
  });

  it("keeps proposals per label, follows the consultation's order, and ignores unknown targets", () => {
    const content = assembleContent(
      [
        { text: "Second.", target: { kind: "proposal", agendaItemId: "item-2", label: "(b)" } },
        { text: "On item 3.", target: { kind: "general", agendaItemId: "item-3" } },
        { text: "First.", target: { kind: "proposal", agendaItemId: "item-2", label: "(a)" } },
        { text: "Also first.", target: { kind: "proposal", agendaItemId: "item-2", label: "(a)" } },
        { text: "On g.", target: { kind: "point", pointId: "point-g" } },
        { text: "On a.", target: { kind: "point", pointId: "point-a" } },
        { text: "Forged.", target: { kind: "point", pointId: "elsewhere" } },
        { text: "Left out.", target: { kind: "skip" } },
      ],
      consultation2020,
    );
    expect(content).toEqual({
      general: [{ agendaItemId: "item-3", body: "On item 3." }],
      points: [
        { pointId: "point-a", body: "On a.", proposedText: null },
        { pointId: "point-g", body: "On g.", proposedText: null },
      ],
      proposals: [
        { agendaItemId: "item-2", label: "(b)", body: "Second." },
        { agendaItemId: "item-2", label: "(a)", body: "First.\n\nAlso first." },
      ],
    });
  });
});

describe("paragraphsFromText", () => {
  it("joins the lines of an email wrapped at 72 characters and keeps paragraphs apart", () => {
    const { paragraphs } = paragraphsFromText(noteAsText(peruNote, 72));
    expect(paragraphs.map((p) => p.text)).toEqual(peruNote.paragraphs.map((p) => p.text));
  });

  it("takes every line as a paragraph when text is copied from Word", () => {
    const { paragraphs } = paragraphsFromText(
      "Agenda item 2\r\n(a) Supported.\r\nA long paragraph that runs on well beyond the width of any email program's wrapping, as Word's paragraphs do.\r\n",
    );
    expect(paragraphs.map((p) => p.text)).toEqual([
      "Agenda item 2",
      "(a) Supported.",
      "A long paragraph that runs on well beyond the width of any email program's wrapping, as Word's paragraphs do.",
    ]);
  });

  it("starts a paragraph at a label inside a wrapped block, and joins Chinese lines without a space", () => {
    const text = [
      "Peru supports the points and has the following comments on them, which",
      "it hopes will be useful.",
      "(a) Supported.",
      "",
      "中方认为能力建设活动应根据请求国的需要开展，培训应使用联合国六种正式语文，",
      "内容应由请求国与办公室协商确定。",
    ].join("\n");
    expect(paragraphsFromText(text).paragraphs.map((p) => p.text)).toEqual([
      "Peru supports the points and has the following comments on them, which it hopes will be useful.",
      "(a) Supported.",
      "中方认为能力建设活动应根据请求国的需要开展，培训应使用联合国六种正式语文，内容应由请求国与办公室协商确定。",
    ]);
  });

  it("removes control and bidi-override characters, and says from which paragraphs", () => {
    const { paragraphs, warnings } = paragraphsFromText("\uFEFFFirst\u0007 line\nSecond \u202Eline\u202C\nThird\u00A0line");
    expect(paragraphs.map((p) => p.text)).toEqual(["First line", "Second line", "Third line"]);
    expect(warnings).toEqual([{ code: "controls_removed", paragraphs: [0, 1] }]);
  });

  it("reads Markdown headings and bold lines of pasted emails as headings", () => {
    const { paragraphs } = paragraphsFromText("## Agenda item 2\n**New proposals**\nText.");
    expect(paragraphs).toEqual([
      { text: "Agenda item 2", heading: { level: 2, by: "style" }, list: null },
      { text: "New proposals", heading: { level: null, by: "emphasis" }, list: null },
      { text: "Text.", heading: null, list: null },
    ]);
  });
});

describe("guessLanguage", () => {
  it.each([
    [peruNote, "es"],
    [moroccoNote, "ar"],
    [franceNote, "fr"],
    [usaNote, "en"],
    [russiaNote, "ru"],
    [chinaNote, "zh"],
  ] as const)("%# names the note's language", (note, language) => {
    expect(guessLanguage(note.paragraphs.map((p) => para(p.text)))).toBe(language);
  });

  it("says nothing about a note without words", () => {
    expect(guessLanguage([para("12/08/2020")])).toBeNull();
  });
});
