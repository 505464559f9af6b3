// The CRP's phrasing of who speaks for whom (issue 19, app/documents/crp.ts): a submission made on
// behalf of a group heads its section "Submitted by Egypt on behalf of the Group of African States",
// co-sponsors join the heading ("Submitted by Egypt and Peru"), the aligned States are named in a
// sentence after it, section I lists the group among those that commented, every rendering says the
// same, a delegation's own submission reads as before, and a model compiled before groups existed
// still fits the archive's schema and renders.
import { describe, expect, it } from "vitest";
import {
  alignmentSentence,
  buildCrpModel,
  commenterName,
  crpToHtml,
  crpToMarkdown,
  groupInRunningText,
  submittedBy,
  type CrpData,
  type CrpDelegationData,
  type CrpModel,
} from "~/documents/crp";
import { renderCrpDocx } from "~/documents/crp-docx";
import { archiveShape } from "~/lib/archive-schema";
import JSZip from "jszip";
import { crpFixture } from "./crp.fixture";

function draft(data: CrpData): CrpModel {
  const result = buildCrpModel(data, { final: false });
  if (!result.ok) throw new Error("a draft is always built");
  return result.model;
}

const egypt: CrpDelegationData = {
  code: "EGY",
  name: "Egypt",
  kind: "member_state",
  participation: "state_party",
  timeliness: "on_time",
  language: "en",
  comments: [
    {
      id: "egy-2a",
      kind: "point",
      agendaItemId: "item-2",
      pointId: "p2a",
      label: null,
      position: 1,
      original: { language: "en", body: "The Group of African States supports point (a).", proposedText: null },
    },
    {
      id: "egy-3a",
      kind: "point",
      agendaItemId: "item-3",
      pointId: "p3a",
      label: null,
      position: 2,
      original: { language: "en", body: "The Group welcomes the sharing of court decisions.", proposedText: null },
    },
  ],
  onBehalfOf: { code: "AFRICAN", name: "Group of African States" },
  aligned: [
    { code: "TUN", name: "Tunisia", kind: "member_state" },
    { code: "MAR", name: "Morocco", kind: "member_state" },
  ],
};

const withGroups: CrpData = { ...crpFixture, delegations: [...crpFixture.delegations, egypt] };

describe("the UN phrasing of joint submissions", () => {
  it("names the group with its article, the co-sponsors after the submitting delegation, in English alphabetical order", () => {
    expect(groupInRunningText("Group of African States")).toBe("the Group of African States");
    expect(groupInRunningText("European Union and its member States")).toBe("the European Union and its member States");
    expect(groupInRunningText("The Group of 77 and China")).toBe("the Group of 77 and China");
    expect(submittedBy({ name: "Egypt", onBehalfOf: { code: "AFRICAN", name: "Group of African States" } })).toBe(
      "Submitted by Egypt on behalf of the Group of African States",
    );
    expect(submittedBy({ name: "Egypt", cosponsors: [{ code: "PER", name: "Peru", kind: "member_state" }] })).toBe("Submitted by Egypt and Peru");
    expect(
      submittedBy({
        name: "Egypt",
        cosponsors: [
          { code: "PER", name: "Peru", kind: "member_state" },
          { code: "CHL", name: "Chile", kind: "member_state" },
        ],
      }),
    ).toBe("Submitted by Egypt, Chile and Peru");
    expect(
      submittedBy({
        name: "Egypt",
        onBehalfOf: { code: "AFRICAN", name: "Group of African States" },
        cosponsors: [{ code: "PER", name: "Peru", kind: "member_state" }],
      }),
    ).toBe("Submitted by Egypt on behalf of the Group of African States, jointly with Peru");
    // A delegation's own submission has no such heading: its name heads the section, as before.
    expect(submittedBy({ name: "Peru" })).toBeNull();
    expect(submittedBy({ name: "Peru", cosponsors: [] })).toBeNull();
  });

  it("names the aligned States in one sentence, singular for one, 'delegations' when an organization is among them", () => {
    expect(alignmentSentence([])).toBeNull();
    expect(alignmentSentence([{ code: "MAR", name: "Morocco", kind: "member_state" }])).toBe(
      "The following State aligned itself with the submission: Morocco.",
    );
    expect(alignmentSentence(egypt.aligned!)).toBe("The following States aligned themselves with the submission: Morocco and Tunisia.");
    expect(
      alignmentSentence([
        { code: "EU", name: "European Union", kind: "regional_economic_integration_organization" },
        { code: "MAR", name: "Morocco", kind: "member_state" },
      ]),
    ).toBe("The following delegations aligned themselves with the submission: European Union and Morocco.");
  });

  it("lists the group among those that commented", () => {
    expect(commenterName(egypt)).toBe("Egypt (on behalf of the Group of African States)");
    expect(commenterName({ name: "Egypt", cosponsors: [{ code: "PER", name: "Peru", kind: "member_state" }] })).toBe("Egypt (jointly with Peru)");
    expect(commenterName({ name: "Peru" })).toBe("Peru");
    const model = draft(withGroups);
    const received = model.introduction.paragraphs.find((p) => p.key === "received")!.text;
    expect(received).toBe(
      "By the deadline, written comments had been received from the following States parties: Egypt (on behalf of the Group of African States), Peru and United States of America.",
    );
    // Morocco's own late submission is still named as late; its alignment is said in the sections.
    expect(model.introduction.paragraphs.find((p) => p.key === "late")!.text).toContain(": Morocco.");
  });
});

describe("the CRP of a group's submission", () => {
  it("heads each of its sections 'Submitted by …', the aligned States right after, in every agenda item", () => {
    const model = draft(withGroups);
    const sections = model.comments.items.flatMap((item) => item.delegations.filter((d) => d.code === "EGY"));
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(section).toMatchObject({
        name: "Egypt",
        heading: "Submitted by Egypt on behalf of the Group of African States",
        alignment: "The following States aligned themselves with the submission: Morocco and Tunisia.",
        original: null,
      });
    }
    // In English alphabetical order of the submitting delegation's name: Egypt before Peru.
    expect(model.comments.items[0]!.delegations.map((d) => d.code)).toEqual(["EGY", "PER", "USA"]);
    // A delegation's own submission: no heading, no alignment (the model as before).
    const peru = model.comments.items[0]!.delegations.find((d) => d.code === "PER")!;
    expect("heading" in peru).toBe(false);
    expect("alignment" in peru).toBe(false);
  });

  it("says the same in Markdown, HTML and Word", async () => {
    const model = draft(withGroups);
    const markdown = crpToMarkdown(model);
    expect(markdown).toContain(
      "#### Submitted by Egypt on behalf of the Group of African States\n\nThe following States aligned themselves with the submission: Morocco and Tunisia.\n\n*Discussion point (a)*\n\nThe Group of African States supports point (a).",
    );
    expect(markdown).toContain("#### Peru\n");
    const html = crpToHtml(model);
    expect(html).toMatch(
      /<h4 id="crp-item-1-1">Submitted by Egypt on behalf of the Group of African States<\/h4>\n<p class="crp-alignment">The following States aligned themselves with the submission: Morocco and Tunisia\.<\/p>/,
    );
    const docx = await renderCrpDocx(model);
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    const heading = xml.indexOf("Submitted by Egypt on behalf of the Group of African States");
    const aligned = xml.indexOf("The following States aligned themselves with the submission: Morocco and Tunisia.");
    const comment = xml.indexOf("The Group of African States supports point (a).");
    expect(heading).toBeGreaterThan(0);
    expect(aligned).toBeGreaterThan(heading);
    expect(comment).toBeGreaterThan(aligned);
  });

  it("keeps the model as the archive expects: new fields optional, a version compiled before still valid", () => {
    const model = draft(withGroups);
    // The schema of a compiled version's model, as the archive checks it.
    const crpModel = archiveShape.shape.generatedDocuments.element.shape.model;
    expect(crpModel.safeParse(model).success).toBe(true);
    // A model compiled before issue 19 (no heading, no alignment anywhere) still fits and renders.
    const before = draft(crpFixture);
    expect(JSON.stringify(before)).not.toMatch(/"heading":"Submitted|"alignment"/);
    expect(crpModel.safeParse(before).success).toBe(true);
    expect(crpToMarkdown(before)).toContain("#### Peru\n");
    // A section with an unknown field is still refused (the schema stays strict).
    const broken = structuredClone(model);
    (broken.comments.items[0]!.delegations[0] as unknown as Record<string, unknown>).footnote = "x";
    expect(crpModel.safeParse(broken).success).toBe(false);
  });
});
