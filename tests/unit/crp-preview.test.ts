// The CRP page's preview (app/documents/crp-preview.ts): whole when small; at the design's scale
// one part at a time, each exactly as the HTML file has it.
import { describe, expect, it } from "vitest";
import { buildCrpModel, crpToHtml, type CrpData, type CrpModel } from "~/documents/crp";
import { crpPreview, MAX_PREVIEW_CHARS } from "~/documents/crp-preview";
import { crpFixture } from "./crp.fixture";

const draft = (data: CrpData): CrpModel => {
  const built = buildCrpModel(data, { final: false });
  if (!built.ok) throw new Error("a draft always compiles");
  return built.model;
};

/** The fixture with every comment 400,000 characters long: a preview of several megabytes. */
function large(): CrpModel {
  const long = (text: string) => `${text} `.repeat(Math.ceil(400_000 / (text.length + 1)));
  return draft({
    ...crpFixture,
    delegations: crpFixture.delegations.map((d) => ({
      ...d,
      comments: d.comments.map((c) => ({
        ...c,
        original: { ...c.original, body: long(c.original.body) },
        translation: c.translation && c.translation.status !== "missing" ? { ...c.translation, body: long(c.translation.body) } : c.translation,
      })),
    })),
  });
}

describe("the CRP page's preview", () => {
  it("shows a small CRP whole, exactly as its HTML file", () => {
    const model = draft(crpFixture);
    const preview = crpPreview(model, "item-1");
    expect(preview.parts).toBeNull();
    expect(preview.html).toBe(crpToHtml(model));
    expect(preview.size).toBe(crpToHtml(model).length);
  });

  it("offers a large one in parts, section I and each agenda item, each as in the whole document", () => {
    const model = large();
    const whole = crpToHtml(model);
    expect(whole.length).toBeGreaterThan(MAX_PREVIEW_CHARS);
    const none = crpPreview(model, null);
    expect(none.html).toBeNull();
    expect(none.parts!.map((p) => [p.key, p.heading.label, p.heading.text])).toEqual([
      ["introduction", "I.", "Introduction"],
      ...model.comments.items.map((item, i) => [`item-${i + 1}`, item.heading.label, item.heading.text]),
    ]);
    expect(none.size).toBe(none.parts!.reduce((sum, p) => sum + p.size, 0));
    expect(Math.abs(none.size - whole.length) / whole.length).toBeLessThan(0.01);

    const introduction = crpPreview(model, "introduction");
    expect(introduction.part).toBe("introduction");
    expect(introduction.html).toMatch(/^<article class="crp" lang="en" dir="ltr">/);
    expect(introduction.html).toContain("Note by the Secretariat");
    expect(introduction.html).toContain('id="crp-footnote"');
    expect(introduction.html).not.toContain('id="crp-item-1"');
    expect(introduction.html!.length).toBe(none.parts![0]!.size);

    const second = crpPreview(model, "item-2")!.html!;
    expect(second).toMatch(
      /^<article class="crp" lang="en" dir="ltr">\n<p class="crp-draft-mark">Draft – not for issue<\/p>\n<section aria-labelledby="crp-comments">/,
    );
    expect(second).toMatch(/<\/section>\n<\/article>$/);
    // The item's section, character for character as in the whole document.
    const section = second.slice(second.indexOf('<section aria-labelledby="crp-item-2">'), second.lastIndexOf("</section>"));
    expect(section.length).toBeGreaterThan(100_000);
    expect(whole).toContain(section);
    expect(second).not.toContain('id="crp-item-1"');
  });

  it("shows nothing for a part that does not exist", () => {
    const model = large();
    for (const part of ["item-0", "item-99", "masthead"]) {
      const preview = crpPreview(model, part);
      expect([preview.html, preview.part], part).toEqual([null, null]);
      expect(preview.parts).not.toBeNull();
    }
  });
});
