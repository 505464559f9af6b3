// The compilation text's model: each point's circulated text, then every delegation's proposed
// wording in the side-by-side's order, in English with "[Original: …]" for a translated original,
// the original with a mark while its translation is pending; new proposals after the points.
import mammoth from "mammoth";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildCompilationText, type CompilationEntry, type CompilationView } from "~/documents/compilation-text";
import { renderCompilationTextDocx } from "~/documents/compilation-text-docx";
import { fixedTranslator } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import type { DelegationNames } from "~/lib/delegation-names";

const t = fixedTranslator("en", "consolidation");

const names = (en: string, other: string): DelegationNames => ({ nameAr: other, nameZh: other, nameEn: en, nameFr: other, nameRu: other, nameEs: other });
const CHINA = names("China", "中国");
const MOROCCO = names("Morocco", "المغرب");
const PERU = names("Peru", "Perú");
const USA = names("United States of America", "Estados Unidos de América");

const SPANISH = "Los Estados partes deberían intercambiar información.";
const ARABIC = "ينبغي للدول الأطراف أن تتبادل المعلومات.";

/** An amendment in `language`; `translated` is the secretariat's English (status final), if any. */
function amendment(delegation: DelegationNames, language: Language, proposedText: string, translated?: string): CompilationEntry {
  const foreign = language !== "en";
  return {
    kind: "amendment",
    label: null,
    delegation,
    languages: { body: null, proposedText: proposedText === "" ? null : language },
    needs: { body: false, proposedText: foreign && proposedText !== "" },
    body: "",
    proposedText,
    translationStatus: foreign ? (translated ? "final" : "todo") : null,
    translation: translated ? { body: "", proposedText: translated } : null,
  };
}

function view(entries: CompilationEntry[], proposals: CompilationEntry[] = []): CompilationView {
  return {
    item: { number: "2", heading: null, title: "Technical assistance", introduction: "The Working Group may wish to consider:" },
    points: [
      { label: "(a)", text: "States parties should exchange information.", entries },
      { label: "(b)", text: "The Secretariat should continue its work.\n\nIn all regions.", entries: [] },
    ],
    proposals,
  };
}

describe("buildCompilationText", () => {
  it("attributes each proposed wording in the side-by-side's order of delegations in English, the English first", () => {
    // As getCommentResolution gives them: China, Morocco, Peru, United States (English order).
    const model = buildCompilationText(
      { title: "Discussion points" },
      [
        view([
          amendment(CHINA, "en", "States parties shall exchange information."),
          amendment(MOROCCO, "ar", ARABIC, "States parties should share information."),
          amendment(PERU, "es", SPANISH, "States parties should exchange information regularly."),
          { ...amendment(USA, "en", "ignored"), kind: "point", proposedText: null, body: "We support (a)." },
        ]),
      ],
      t,
    );
    expect(model.title).toBe("Compilation text");
    expect(model.subtitle).toBe("Discussion points");
    const [item] = model.items;
    expect(item!.heading).toEqual({ label: null, text: "Agenda item 2" });
    expect(item!.subheading).toEqual({ label: null, text: "Technical assistance" });
    expect(item!.introduction).toEqual(["The Working Group may wish to consider:"]);
    const [a] = item!.points;
    expect(a!.paragraphs).toEqual(["States parties should exchange information."]);
    // A comment without a wording is not a proposal: the United States' comment is not compiled.
    expect(a!.proposals).toEqual([
      { attribution: "Proposed by China:", marks: [], label: null, paragraphs: ["States parties shall exchange information."], language: "en" },
      {
        attribution: "Proposed by Morocco:",
        marks: ["[Original: Arabic]"],
        label: null,
        paragraphs: ["States parties should share information."],
        language: "en",
      },
      {
        attribution: "Proposed by Peru:",
        marks: ["[Original: Spanish]"],
        label: null,
        paragraphs: ["States parties should exchange information regularly."],
        language: "en",
      },
    ]);
  });

  it("writes a pending translation's original in its own language, marked; an outdated translation counts as pending", () => {
    const outdated = { ...amendment(PERU, "es", SPANISH, "An older wording."), translationStatus: "outdated" as const };
    const model = buildCompilationText({ title: "T" }, [view([amendment(MOROCCO, "ar", ARABIC), outdated])], t);
    expect(model.items[0]!.points[0]!.proposals).toEqual([
      { attribution: "Proposed by Morocco:", marks: ["[Original: Arabic]", "[Translation pending]"], label: null, paragraphs: [ARABIC], language: "ar" },
      { attribution: "Proposed by Peru:", marks: ["[Original: Spanish]", "[Translation pending]"], label: null, paragraphs: [SPANISH], language: "es" },
    ]);
  });

  it("marks the original only where it is not English, judged by the field: an English wording in a Spanish submission has none", () => {
    const englishInSpanish = {
      ...amendment(PERU, "es", "States parties shall cooperate."),
      needs: { body: false, proposedText: false },
      translationStatus: null,
    };
    englishInSpanish.languages = { body: null, proposedText: "en" };
    const model = buildCompilationText({ title: "T" }, [view([englishInSpanish])], t);
    expect(model.items[0]!.points[0]!.proposals[0]).toMatchObject({ marks: [], paragraphs: ["States parties shall cooperate."], language: "en" });
  });

  it("shows a point without proposals with its text only, paragraph by paragraph, and a deletion as such", () => {
    const model = buildCompilationText({ title: "T" }, [view([amendment(USA, "en", "")])], t);
    const [a, b] = model.items[0]!.points;
    expect(a!.proposals).toEqual([
      { attribution: "Proposed by United States of America:", marks: [], label: null, paragraphs: ["Delete this point."], language: "en" },
    ]);
    expect(b).toEqual({ label: "(b)", paragraphs: ["The Secretariat should continue its work.", "In all regions."], proposals: [] });
  });

  it("lists the item's new proposals after its points, attributed the same way, with their labels; leaves out general comments and empty items", () => {
    const proposal = (delegation: DelegationNames, label: string, language: Language, body: string, translated?: string): CompilationEntry => ({
      kind: "new_proposal",
      label,
      delegation,
      languages: { body: language, proposedText: null },
      needs: { body: language !== "en", proposedText: false },
      body,
      proposedText: null,
      translationStatus: language === "en" ? null : translated ? "draft" : "todo",
      translation: translated ? { body: translated, proposedText: null } : null,
    });
    const general: CompilationEntry = { ...proposal(USA, "", "en", "A general remark."), kind: "general", label: null };
    const model = buildCompilationText(
      { title: "T" },
      [
        view([], [general, proposal(PERU, "(a)", "es", SPANISH, "A new point on information."), proposal(USA, "(a)", "en", "A new point on training.")]),
        { item: { number: "3", heading: null, title: "Other matters", introduction: null }, points: [], proposals: [] },
        {
          item: { number: null, heading: "B", title: "General section", introduction: null },
          points: [],
          proposals: [proposal(CHINA, "(a)", "zh", "新的要点。")],
        },
      ],
      t,
    );
    expect(model.newProposalsHeading).toBe("New proposals");
    expect(model.items.map((item) => item.heading)).toEqual([
      { label: null, text: "Agenda item 2" },
      { label: "B.", text: "General section" },
    ]);
    expect(model.items[0]!.newProposals).toEqual([
      { attribution: "Proposed by Peru:", marks: ["[Original: Spanish]"], label: "(a)", paragraphs: ["A new point on information."], language: "en" },
      { attribution: "Proposed by United States of America:", marks: [], label: "(a)", paragraphs: ["A new point on training."], language: "en" },
    ]);
    expect(model.items[1]!.subheading).toBeNull();
    expect(model.items[1]!.newProposals[0]).toMatchObject({
      marks: ["[Original: Chinese]", "[Translation pending]"],
      paragraphs: ["新的要点。"],
      language: "zh",
    });
  });
});

describe("renderCompilationTextDocx", () => {
  it("is a Word document: headings, the point's text, then the attribution in italics and the wording; a pending Arabic original right to left", async () => {
    const model = buildCompilationText(
      { title: "Discussion points" },
      [view([amendment(MOROCCO, "ar", ARABIC), amendment(PERU, "es", SPANISH, "States parties should exchange information regularly.")])],
      t,
    );
    const bytes = await renderCompilationTextDocx(model);
    const [html, raw] = await Promise.all([mammoth.convertToHtml({ buffer: bytes }), mammoth.extractRawText({ buffer: bytes })]);
    expect(html.value).toContain("<h1>Agenda item 2</h1>");
    expect(html.value).toContain("<h2>Technical assistance</h2>");
    expect(html.value).toContain("<em>Proposed by Peru:</em> [Original: Spanish]");
    const text = raw.value;
    const order = [
      "The Working Group may wish to consider:",
      "States parties should exchange information.",
      "Proposed by Morocco: [Original: Arabic] [Translation pending]",
      ARABIC,
      "Proposed by Peru: [Original: Spanish]",
      "States parties should exchange information regularly.",
      "The Secretariat should continue its work.",
    ].map((words) => text.indexOf(words));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(text).not.toContain(SPANISH);

    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    const arabic = xml.split("</w:p>").find((p) => p.includes(ARABIC))!;
    expect(arabic).toContain("<w:bidi/>");
    expect(arabic).toContain("<w:rtl/>");
    expect(arabic).toContain('w:bidi="ar-SA"');
  });

  it("names the group a submission speaks for, its co-sponsors and the States aligned with it (issue 19)", () => {
    const EGYPT = names("Egypt", "مصر");
    const named = (n: DelegationNames, code: string) => ({ ...n, code, kind: "member_state" });
    const joint = { ...amendment(EGYPT, "en", "States parties shall exchange information."), submissionId: "s-egypt" };
    const proposal = {
      ...amendment(PERU, "en", "(c) A new point."),
      kind: "new_proposal" as const,
      label: "(c)",
      body: "A new point.",
      submissionId: "s-peru",
    };
    const model = buildCompilationText(
      { title: "Discussion points" },
      [
        {
          ...view([joint, amendment(USA, "en", "States parties may exchange information.")], [proposal]),
          attributions: {
            "s-egypt": {
              group: { nameEn: "Group of African States" },
              cosponsors: [named(PERU, "PER"), named(CHINA, "CHN")],
              aligned: [named(MOROCCO, "MAR")],
            },
            "s-peru": { group: null, cosponsors: [], aligned: [named(USA, "USA"), named(CHINA, "CHN")] },
          },
        },
      ],
      t,
    );
    const [egypt, usa] = model.items[0]!.points[0]!.proposals;
    expect(egypt!.attribution).toBe("Proposed by Egypt on behalf of the Group of African States, jointly with China and Peru:");
    expect(egypt!.marks).toEqual(["The following State aligned itself with the submission: Morocco."]);
    expect(usa!.attribution).toBe("Proposed by United States of America:");
    expect(usa!.marks).toEqual([]);
    const [peru] = model.items[0]!.newProposals;
    expect(peru!.attribution).toBe("Proposed by Peru:");
    expect(peru!.marks).toEqual(["The following States aligned themselves with the submission: China and United States of America."]);
  });
});
