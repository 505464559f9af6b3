import { describe, expect, it } from "vitest";
import {
  buildCrpModel,
  CRP_DRAFT_MARK,
  crpToHtml,
  crpToMarkdown,
  discussionPointName,
  groupNoun,
  inRunningText,
  TRANSLATION_DRAFT,
  TRANSLATION_OUTDATED,
  TRANSLATION_PENDING,
  type CrpData,
  type CrpDelegationData,
  type CrpModel,
} from "~/documents/crp";
import { crpFixture } from "./crp.fixture";

function final(data: CrpData): CrpModel {
  const result = buildCrpModel(data, { final: true });
  if (!result.ok) throw new Error(JSON.stringify(result.missing));
  return result.model;
}

function draft(data: CrpData): CrpModel {
  const result = buildCrpModel(data, { final: false });
  if (!result.ok) throw new Error("a draft is always built");
  return result.model;
}

function paragraph(model: CrpModel, key: string): string | undefined {
  return model.introduction.paragraphs.find((p) => p.key === key)?.text;
}

function delegation(code: string, name: string, extra: Partial<CrpDelegationData> = {}): CrpDelegationData {
  return {
    code,
    name,
    kind: "member_state",
    participation: "state_party",
    timeliness: "on_time",
    language: "en",
    comments: [
      {
        id: `${code}-1`,
        kind: "general",
        agendaItemId: "item-2",
        pointId: null,
        label: null,
        position: 0,
        original: { language: "en", body: `Comment of ${name}.`, proposedText: null },
      },
    ],
    ...extra,
  };
}

const EXPECTED = `CTOC/COP/2020/CRP.5

9 October 2020

English only

**Conference of the Parties to the United Nations Convention against Transnational Organized Crime**

Tenth session

Vienna, 12–16 October 2020

Item 4 of the provisional agenda\\*

**Technical assistance**

# Comments received on the discussion points arising from the twelfth session of the Working Group of Government Experts on Technical Assistance held in Vienna on 9 and 10 July 2020

**Note by the Secretariat**

## I. Introduction

1. The Working Group of Government Experts on Technical Assistance held its twelfth session in Vienna on 9 and 10 July 2020, in a hybrid format, with some participants present in the meeting room and others connected remotely.

2. Stemming from the meeting, the Chair, in consultation with the Secretariat, prepared discussion points for future consideration. Instead of being negotiated at the meeting, the discussion points were circulated to States for their written comments during a reflection period.

3. The extended Bureau of the Conference of the Parties approved, through silence procedure on 24 July 2020, a reflection period during which States could submit written comments on the discussion points. On 27 July 2020, the Secretariat, on behalf of the Chair, circulated the discussion points as a non-paper entitled “Discussion points for future consideration” to the permanent missions of the States registered for the meeting and to the registered delegates, with a deadline for comments of 14 August 2020.

4. By the deadline, written comments had been received from the following States parties: Peru and United States of America.

5. Comments received after the deadline from the following State party were accepted by the Secretariat and are also reproduced below: Morocco.

6. The comments submitted in languages other than English (Morocco in Arabic and Peru in Spanish) have been translated into English by the Secretariat. These translations are unofficial.

7. In section II below, the discussion points are reproduced under each agenda item as circulated, followed by the comments received, presented in English alphabetical order of the names of the States parties and reproduced without formal editing.

## II. Comments of States parties on the discussion points arising from the twelfth session of the Working Group of Government Experts on Technical Assistance held in Vienna on 9 and 10 July 2020

### A. Agenda item 2

**Updating the legislative records of States parties**

The Working Group may wish to consider the following:

(a) States should update their legislative records in the SHERLOC portal, [including for purposes of the review mechanism].

(b) UNODC should develop a dissemination plan to raise awareness of the portal.

(c) States may wish to consider inviting UNODC to assist national judicial institutions.

#### Peru

[Original: Spanish]

*General comments*

Peru thanks the Secretariat.

We support their general direction.

*Discussion point (a)*

Peru updated its records in 2019.

*Discussion point (c)*

We propose to mention prosecution services expressly.

Proposed wording for discussion point (c):

> States may wish to consider inviting UNODC to assist national judicial institutions and prosecution services.

#### United States of America

*Discussion point (b)*

The United States supports point (b) & its \\<focus\\> on awareness.

### B. Agenda item 3

**Application of the Convention in domestic jurisprudence**

The discussion points under agenda item 3, as circulated, read as follows:

(a) States should share relevant court decisions with the Secretariat.

#### Morocco

[Original: Arabic]

*Discussion point (a)*

Morocco supports the sharing of court decisions.

#### United States of America

*New proposals*

(a) States should designate a focal point for case law.

(b) UNODC should publish a digest of case law on the Convention.

---

\\* CTOC/COP/2020/1.
`;

describe("buildCrpModel and crpToMarkdown", () => {
  it("compiles the whole CRP: masthead, title, numbered introduction, points, comments by delegation", () => {
    expect(crpToMarkdown(final(crpFixture))).toBe(EXPECTED);
  });

  it("gives the masthead as UN documents set it, with the agenda footnote", () => {
    const model = final(crpFixture);
    expect(model.final).toBe(true);
    expect(model.draftMark).toBeNull();
    expect(model.pending).toEqual([]);
    expect(model.masthead).toEqual({
      symbol: "CTOC/COP/2020/CRP.5",
      date: "9 October 2020",
      issuedOn: "2020-10-09",
      languageLine: "English only",
      body: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
      session: "Tenth session",
      venueAndDates: "Vienna, 12–16 October 2020",
      agendaItem: "Item 4 of the provisional agenda",
      footnoteMarker: "*",
      agendaItemTitle: "Technical assistance",
    });
    expect(model.footnote).toEqual({ marker: "*", text: "CTOC/COP/2020/1." });
    expect(model.fileBase).toBe("CTOC-COP-2020-CRP.5");
    expect(model.introduction.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("writes session dates across months and years with a closed-up en dash, and meeting dates in prose", () => {
    const model = final({
      ...crpFixture,
      meeting: { ...crpFixture.meeting, startDate: "2020-06-30", endDate: "2020-07-02", format: "in_person" },
      consultation: { ...crpFixture.consultation, parentSessionStartDate: "2020-09-30", parentSessionEndDate: "2020-10-02" },
    });
    expect(model.masthead.venueAndDates).toBe("Vienna, 30 September–2 October 2020");
    expect(paragraph(model, "session")).toBe(
      "The Working Group of Government Experts on Technical Assistance held its twelfth session in Vienna from 30 June to 2 July 2020.",
    );
    expect(model.title).toMatch(/held in Vienna from 30 June to 2 July 2020$/);

    const acrossYears = final({
      ...crpFixture,
      meeting: { ...crpFixture.meeting, startDate: "2020-12-14", endDate: "2020-12-18", format: "online" },
      consultation: { ...crpFixture.consultation, parentSessionStartDate: "2020-12-30", parentSessionEndDate: "2021-01-02" },
    });
    expect(acrossYears.masthead.venueAndDates).toBe("Vienna, 30 December 2020–2 January 2021");
    expect(paragraph(acrossYears, "session")).toBe(
      "The Working Group of Government Experts on Technical Assistance held its twelfth session online from 14 to 18 December 2020, with all participants connected remotely.",
    );
    expect(acrossYears.title).toMatch(/held online from 14 to 18 December 2020$/);
  });

  it("dates circulation and deadline on the meeting's clock", () => {
    // 23:30 UTC on 26 July is already 27 July in Vienna; 22:30 UTC on 14 August is 15 August there.
    const model = final({
      ...crpFixture,
      consultation: { ...crpFixture.consultation, circulatedAt: "2020-07-26T23:30:00Z", deadline: "2020-08-14T22:30:00Z" },
    });
    expect(paragraph(model, "approval")).toContain("On 27 July 2020, the Secretariat");
    expect(paragraph(model, "approval")).toContain("with a deadline for comments of 15 August 2020.");
  });

  it("lists delegations in English alphabetical order: A; A and B; A, B and C; A, B, C and D", () => {
    const names = ["Türkiye", "United States of America", "Côte d’Ivoire", "Bolivia (Plurinational State of)"];
    const expected = [
      "Türkiye",
      "Türkiye and United States of America",
      "Côte d’Ivoire, Türkiye and United States of America",
      "Bolivia (Plurinational State of), Côte d’Ivoire, Türkiye and United States of America",
    ];
    for (let n = 1; n <= 4; n++) {
      const chosen = names.slice(0, n).reverse();
      const model = final({ ...crpFixture, delegations: chosen.map((name, i) => delegation(`D${i}`, name)) });
      const noun = n === 1 ? "State party" : "States parties";
      expect(paragraph(model, "received")).toBe(`By the deadline, written comments had been received from the following ${noun}: ${expected[n - 1]}.`);
      expect(model.comments.items[0]!.delegations.map((d) => d.name)).toEqual(expected[n - 1]!.split(/, | and (?=[A-Z])/));
    }
  });

  it("names what the delegations are, as attendance paragraphs do", () => {
    const state = { kind: "member_state", participation: "state_party" } as const;
    const eu = { kind: "regional_economic_integration_organization", participation: "state_party" } as const;
    expect(groupNoun([state])).toBe("State party");
    expect(groupNoun([state, eu])).toBe("parties");
    expect(groupNoun([{ kind: "member_state", participation: "signatory" }])).toBe("signatory State");
    expect(
      groupNoun([
        { kind: "intergovernmental_organization", participation: "observer" },
        { kind: "observer_state", participation: "observer" },
      ]),
    ).toBe("observers");
    expect(groupNoun([state, { kind: "member_state", participation: "signatory" }])).toBe("States");
    const withObserver = final({
      ...crpFixture,
      delegations: [delegation("PER", "Peru"), delegation("HOL", "Holy See", { kind: "observer_state", participation: "observer" })],
    });
    expect(paragraph(withObserver, "received")).toBe("By the deadline, written comments had been received from the following States: Holy See and Peru.");
    expect(withObserver.comments.heading.text).toBe(
      "Comments received on the discussion points arising from the twelfth session of the Working Group of Government Experts on Technical Assistance held in Vienna on 9 and 10 July 2020",
    );
  });

  it("says so when nothing came by the deadline, and leaves out items with neither points nor comments", () => {
    const model = final({ ...crpFixture, delegations: [] });
    expect(paragraph(model, "received")).toBe("No written comments had been received by the deadline.");
    expect(paragraph(model, "late")).toBeUndefined();
    expect(paragraph(model, "translations")).toBeUndefined();
    expect(model.comments.items.map((i) => [i.heading.text, i.notice])).toEqual([
      ["Agenda item 2", "No comments were received on the discussion points under agenda item 2."],
      ["Agenda item 3", "No comments were received on the discussion points under agenda item 3."],
    ]);
  });

  it("keeps the secretariat's own words on why the points were circulated, and its overrides", () => {
    const model = final({
      ...crpFixture,
      consultation: {
        ...crpFixture.consultation,
        introductionNote: "Owing to the pandemic, no recommendations were negotiated.\n\nThe Chair proposed a reflection period.",
      },
      introductionOverrides: { presentation: "", session: "The Working Group met in Vienna." },
    });
    expect(model.introduction.paragraphs.map((p) => [p.number, p.key, p.text.slice(0, 30)])).toEqual([
      [1, "session", "The Working Group met in Vienn"],
      [2, "purpose", "Owing to the pandemic, no reco"],
      [3, "purpose", "The Chair proposed a reflectio"],
      [4, "approval", "The extended Bureau of the Con"],
      [5, "received", "By the deadline, written comme"],
      [6, "late", "Comments received after the de"],
      [7, "translations", "The comments submitted in lang"],
    ]);
  });

  it("blocks a final compilation on missing, draft or outdated translations and on missing facts", () => {
    const data = structuredClone(crpFixture);
    const peru = data.delegations.find((d) => d.code === "PER")!;
    peru.comments.find((c) => c.id === "per-2-a")!.translation = { status: "draft", body: "Peru updated (draft).", proposedText: null };
    peru.comments.find((c) => c.id === "per-2-c")!.translation = {
      status: "final",
      body: "We propose to mention prosecution services expressly.",
      proposedText: null,
    };
    const morocco = data.delegations.find((d) => d.code === "MAR")!;
    delete morocco.comments[0]!.translation;
    peru.comments.find((c) => c.id === "per-2-general")!.translation = {
      status: "outdated",
      body: "Peru thanks the Secretariat.",
      proposedText: null,
    };
    data.consultation.crpSymbol = null;
    data.consultation.provisionalAgendaSymbol = "  ";

    const result = buildCrpModel(data, { final: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing).toEqual([
      { kind: "fact", field: "crpSymbol", description: "the symbol of the conference room paper" },
      { kind: "fact", field: "provisionalAgendaSymbol", description: "the symbol of the provisional agenda" },
      {
        kind: "translation",
        commentId: "per-2-general",
        delegationCode: "PER",
        delegationName: "Peru",
        agendaItem: "Agenda item 2",
        label: null,
        commentKind: "general",
        language: "es",
        status: "outdated",
      },
      {
        kind: "translation",
        commentId: "per-2-a",
        delegationCode: "PER",
        delegationName: "Peru",
        agendaItem: "Agenda item 2",
        label: "(a)",
        commentKind: "point",
        language: "es",
        status: "draft",
      },
      {
        kind: "translation",
        commentId: "per-2-c",
        delegationCode: "PER",
        delegationName: "Peru",
        agendaItem: "Agenda item 2",
        label: "(c)",
        commentKind: "amendment",
        language: "es",
        status: "missing",
      },
      {
        kind: "translation",
        commentId: "mar-3-a",
        delegationCode: "MAR",
        delegationName: "Morocco",
        agendaItem: "Agenda item 3",
        label: "(a)",
        commentKind: "point",
        language: "ar",
        status: "missing",
      },
    ]);

    // The same data compiles as a draft, with every gap marked where it is.
    const model = draft(data);
    expect(model.draftMark).toBe(CRP_DRAFT_MARK);
    expect(model.fileBase).toBe("crp-draft");
    expect(model.pending).toEqual(result.missing);
    const text = crpToMarkdown(model);
    expect(text.startsWith(`**${CRP_DRAFT_MARK}**\n\n[CRP symbol]\n\n`)).toBe(true);
    expect(text).toContain("\\* [provisional agenda symbol].");
    expect(text).toContain(`*General comments*\n\n**${TRANSLATION_OUTDATED}**\n\nPeru thanks the Secretariat.\n\n*Discussion point (a)*`);
    expect(text).toContain(`*Discussion point (a)*\n\n**${TRANSLATION_DRAFT}**\n\nPeru updated (draft).`);
    // The amendment's explanation is final; its wording has no translation: the original stands, marked.
    expect(text).toContain(
      `We propose to mention prosecution services expressly.\n\nProposed wording for discussion point (c):\n\n**${TRANSLATION_PENDING}**\n\n> Los Estados podrían considerar invitar a la UNODC`,
    );
    expect(text).toContain(`#### Morocco\n\n[Original: Arabic]\n\n*Discussion point (a)*\n\n**${TRANSLATION_PENDING}**\n\nيؤيد المغرب تبادل قرارات المحاكم.`);
    const arabic = model.comments.items[1]!.delegations[0]!.blocks[1]!;
    expect(arabic).toEqual({
      kind: "text",
      text: { mark: TRANSLATION_PENDING, paragraphs: [{ text: "يؤيد المغرب تبادل قرارات المحاكم.", language: "ar", dir: "rtl" }] },
    });
  });

  it("names points and bodies as running text needs", () => {
    expect(discussionPointName("(a)")).toBe("Discussion point (a)");
    expect(discussionPointName("1.")).toBe("Discussion point 1");
    expect(discussionPointName("Recommendation 3")).toBe("Recommendation 3");
    expect(inRunningText("Working Group of Government Experts on Technical Assistance")).toBe("Working Group of Government Experts on Technical Assistance");
    expect(inRunningText("Intergovernmental expert group established in accordance with Conference resolution 9/1")).toBe(
      "intergovernmental expert group established in accordance with Conference resolution 9/1",
    );
  });

  it("labels unlettered items A., B., … and heads unnumbered sections with their title", () => {
    // Without an introduction of its own, an item's points are introduced by the standard sentence.
    const model = final({
      ...crpFixture,
      agendaItems: crpFixture.agendaItems.map((item, i) => ({ ...item, heading: null, number: i === 0 ? null : item.number, introduction: null })),
    });
    expect(model.comments.items.map((i) => [i.heading, i.title])).toEqual([
      [{ label: "A.", text: "Updating the legislative records of States parties" }, null],
      [{ label: "B.", text: "Agenda item 3" }, "Application of the Convention in domestic jurisprudence"],
    ]);
    expect(model.comments.items[0]!.introduction[0]).toBe(
      "The discussion points under the heading “Updating the legislative records of States parties”, as circulated, read as follows:",
    );
  });

  it("escapes Markdown that comes from data", () => {
    const data = structuredClone(crpFixture);
    data.delegations[0]!.comments[2]!.original.body = "# Not a heading\n1. not a list *or emphasis* [link](http://x)";
    const text = crpToMarkdown(final(data));
    expect(text).toContain("\\# Not a heading\\\n1\\. not a list \\*or emphasis\\* \\[link](http://x)");
  });
});

describe("crpToHtml", () => {
  it("is semantic, escaped HTML: headings, the numbered list, the footnote, languages and directions", () => {
    const data = structuredClone(crpFixture);
    delete data.delegations.find((d) => d.code === "MAR")!.comments[0]!.translation;
    const html = crpToHtml(draft(data));
    expect(html.startsWith('<article class="crp" lang="en" dir="ltr">')).toBe(true);
    expect(html).toContain("<h1>Comments received on the discussion points arising from the twelfth session of the Working Group");
    expect(html).toContain('<h2 id="crp-introduction"><span class="crp-label">I.</span> Introduction</h2>');
    expect(html).toContain('<ol class="crp-paragraphs">\n<li value="1">The Working Group of Government Experts');
    expect(html).toContain(
      '<h3 id="crp-item-1"><span class="crp-label">A.</span> Agenda item 2<br><span class="crp-item-title">Updating the legislative records of States parties</span></h3>',
    );
    expect(html).toContain('<h4 id="crp-item-1-1">Peru</h4>');
    expect(html).toContain("The United States supports point (b) &amp; its &lt;focus&gt; on awareness.");
    expect(html).toContain('<p lang="ar" dir="rtl">يؤيد المغرب تبادل قرارات المحاكم.</p>');
    expect(html).toContain(
      "<blockquote><p>States may wish to consider inviting UNODC to assist national judicial institutions and prosecution services.</p></blockquote>",
    );
    expect(html).toContain('Item 4 of the provisional agenda<a class="crp-footnote-ref" href="#crp-footnote" id="crp-footnote-ref"');
    expect(html).toContain('<p id="crp-footnote"><a href="#crp-footnote-ref">*</a> CTOC/COP/2020/1.</p>');
    expect(html).toContain(`<p class="crp-draft-mark">${CRP_DRAFT_MARK}</p>`);
    expect(html).not.toMatch(/\b(left|right)\s*:/);

    const page = crpToHtml(final(crpFixture), { document: true });
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(page).toContain("<title>CTOC/COP/2020/CRP.5: Comments received");
    expect(page).toContain("@page { size: A4;");
  });
});

describe("fields in a language other than their submission's (field-language.ts)", () => {
  // China writes in Chinese but proposes the English wording of a point: the wording is reproduced
  // as written, needs no translation, and says nothing about Chinese where nothing was translated.
  function withChina(comments: CrpDelegationData["comments"]): CrpData {
    const data = structuredClone(crpFixture);
    data.delegations.push({ code: "CHN", name: "China", kind: "member_state", participation: "state_party", timeliness: "on_time", language: "zh", comments });
    return data;
  }
  const wording = "States may wish to consider inviting UNODC to assist national judicial institutions, upon request.";

  it("English wording in a Chinese submission is reproduced as written, neither awaited nor said to be translated", () => {
    const data = withChina([
      {
        id: "chn-2-c",
        kind: "amendment",
        agendaItemId: "item-2",
        pointId: "p2c",
        label: null,
        position: 0,
        original: { language: "zh", body: "", proposedText: wording, proposedTextLanguage: "en" },
      },
    ]);
    const result = buildCrpModel(data, { final: true });
    expect(result.ok).toBe(true);
    const model = final(data);
    const china = model.comments.items[0]!.delegations.find((d) => d.code === "CHN")!;
    expect(china.original).toBeNull();
    expect(china.blocks).toContainEqual({
      kind: "proposed_wording",
      lead: "Proposed wording for discussion point (c):",
      text: { mark: null, paragraphs: [{ text: wording, language: "en", dir: "ltr" }] },
    });
    expect(model.introduction.paragraphs.find((p) => p.key === "translations")!.text).not.toContain("China");
  });

  it("a comment with a Chinese text and English wording awaits only the text's translation, from Chinese", () => {
    const data = withChina([
      {
        id: "chn-2-c",
        kind: "amendment",
        agendaItemId: "item-2",
        pointId: "p2c",
        label: null,
        position: 0,
        original: { language: "zh", body: "中国建议修改该要点。", proposedText: wording, proposedTextLanguage: "en" },
        translation: { status: "missing" },
      },
    ]);
    const blocked = buildCrpModel(data, { final: true });
    expect(blocked.ok).toBe(false);
    if (blocked.ok) return;
    expect(blocked.missing).toEqual([expect.objectContaining({ kind: "translation", commentId: "chn-2-c", language: "zh", status: "missing" })]);
    const china = draft(data).comments.items[0]!.delegations.find((d) => d.code === "CHN")!;
    expect(china.original).toBe("[Original: Chinese]");
    expect(
      china.blocks
        .filter((b) => b.kind === "text" || b.kind === "proposed_wording")
        .map((b) => (b.kind === "text" || b.kind === "proposed_wording" ? b.text.mark : null)),
    ).toEqual([TRANSLATION_PENDING, null]);

    data.delegations.find((d) => d.code === "CHN")!.comments[0]!.translation = {
      status: "final",
      body: "China proposes to amend the point.",
      proposedText: "",
    };
    const model = final(data);
    expect(model.introduction.paragraphs.find((p) => p.key === "translations")!.text).toContain("China in Chinese");
  });
});
