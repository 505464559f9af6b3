// English copied into English (issue 11, item 7): a Chinese submission proposes the English wording
// of points with small edits. That wording is judged by its own language, not the submission's: it
// is not queued on the translation desk, not labelled as a Chinese original, and does not hold up
// the final CRP, while the submission's Chinese texts are still queued and still block.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CrpDelegationSection } from "~/documents/crp";
import { getSideBySide } from "~/models/consolidation.server";
import { compileCrp, getCrpPage, getCrpVersion } from "~/models/crp.server";
import { getTranslationForEditing, listTranslationDesk, saveTranslation } from "~/models/translation.server";
import SideBySidePage, { loader as sideBySideLoader } from "~/routes/consultations.$consultationId.side-by-side/route";
import TranslationEditorPage, { loader as editorLoader } from "~/routes/consultations.$consultationId.translations_.$commentId";
import { getDb, schema } from "~/utils/db.server";
import { writeRevision } from "./consolidation-setup";
import { crpConsultation, POINTS } from "./crp-setup";
import { requestAs } from "./helpers";
import { renderRoute } from "./render-route";
import { useTestDatabase } from "./support";

useTestDatabase();

const CHINA_GENERAL = "中国感谢秘书处的工作，并支持讨论要点。";
const CHINA_AMENDMENT_COMMENT = "中国建议对该要点作如下修改。";
// The circulated English wording with small edits, as delegations propose it whatever language they write in.
const WORDING_2A = POINTS["2(a)"].replace("update", "regularly update");
const WORDING_2B = "The Secretariat should continue to provide technical assistance, upon request.";
const WORDING_3A = POINTS["3(a)"].replace("with the Secretariat", "with the Secretariat and with one another");

async function scenario() {
  const c = await crpConsultation({ delegations: ["CHN", "USA"] });
  const [general, mixed, englishOnly, otherItem] = await writeRevision(c.consultationId, "CHN", "zh", [
    { kind: "general", agendaItemId: c.items["2"]!, body: CHINA_GENERAL },
    { kind: "amendment", pointId: c.points["2(a)"]!, body: CHINA_AMENDMENT_COMMENT, proposedText: WORDING_2A },
    { kind: "amendment", pointId: c.points["2(b)"]!, proposedText: WORDING_2B },
    { kind: "amendment", pointId: c.points["3(a)"]!, proposedText: WORDING_3A },
  ]);
  return { c, ids: { general: general!, mixed: mixed!, englishOnly: englishOnly!, otherItem: otherItem! } };
}

async function close(consultationId: string) {
  const db = await getDb();
  await db.update(schema.consultations).set({ status: "closed", closedAt: new Date() }).where(eq(schema.consultations.id, consultationId));
}

const save = (consultationId: string, commentId: string, body: string, proposedText: string | null) => ({
  consultationId,
  commentId,
  expectedVersion: 0,
  body,
  proposedText,
  final: true,
  machineAssisted: false,
});

describe("English wording in a Chinese submission", () => {
  it("is not on the translation desk; the submission's Chinese texts are, under Chinese", async () => {
    const { c, ids } = await scenario();
    const desk = (await listTranslationDesk(c.officer, c.consultationId))!;
    expect(desk.rows.map((r) => r.commentId).sort()).toEqual([ids.general, ids.mixed].sort());
    expect(desk.rows.every((r) => r.language === "zh")).toBe(true);
    // The amendment is queued for its Chinese comment, which is what the desk shows of it.
    expect(desk.rows.find((r) => r.commentId === ids.mixed)!.excerpt).toBe(CHINA_AMENDMENT_COMMENT);
    expect(desk.counts.todo).toBe(2);

    // An amendment with nothing but English wording has nothing to translate.
    expect(await getTranslationForEditing(c.officer, c.consultationId, ids.englishOnly)).toBeNull();
    expect(await saveTranslation(c.officer, save(c.consultationId, ids.englishOnly, "", WORDING_2B))).toEqual({ ok: false, reason: "not_found" });

    // A mixed one: only its Chinese comment is translated; its wording is shown as written.
    const page = (await getTranslationForEditing(c.officer, c.consultationId, ids.mixed))!;
    expect(page.languages).toEqual({ body: "zh", proposedText: "en" });
    expect(page.needs).toEqual({ body: true, proposedText: false });
    const saved = await saveTranslation(c.officer, save(c.consultationId, ids.mixed, "China proposes to amend the point as follows.", ""));
    expect(saved).toMatchObject({ ok: true, status: "final" });
    const after = (await listTranslationDesk(c.officer, c.consultationId))!;
    expect(after.rows.find((r) => r.commentId === ids.mixed)!.status).toBe("final");
  });

  it("the editor of a mixed comment offers the Chinese text to translate and shows the English wording as written", async () => {
    const { c, ids } = await scenario();
    const path = `/consultations/${c.consultationId}/translations/${ids.mixed}`;
    const params = { consultationId: c.consultationId, commentId: ids.mixed };
    const loaderData = await editorLoader({ request: await requestAs("secretariat@nonpaper.test", path), params, context: { clientAddress: "127.0.0.1" } });
    const html = await renderRoute(TranslationEditorPage, { url: `http://x${path}`, loaderData });
    expect(html).toContain("Original (Chinese)");
    expect(html).toContain('name="body[0]"');
    // No field to translate the English wording, and no Chinese label on it.
    expect(html).not.toContain('name="proposed[0]"');
    expect(html).toContain("Written in English: no translation needed");
    expect(html).toContain(`<div class="translation-table__original" lang="en" dir="ltr">${WORDING_2A}</div>`);
  });

  it("is not labelled as a Chinese original on the side-by-side view", async () => {
    const { c, ids } = await scenario();
    const view = (await getSideBySide(c.officer, c.consultationId, { item: "2", order: "en", readerLanguage: "en" }))!;
    const entries = view.points.flatMap((p) => p.entries);
    const englishOnly = entries.find((e) => e.commentId === ids.englishOnly)!;
    expect(englishOnly.languages).toEqual({ body: null, proposedText: "en" });
    expect(englishOnly.needs).toEqual({ body: false, proposedText: false });
    expect(englishOnly.translationStatus).toBeNull();
    const mixed = entries.find((e) => e.commentId === ids.mixed)!;
    expect(mixed.languages).toEqual({ body: "zh", proposedText: "en" });
    expect(mixed.translationStatus).toBe("todo");
    expect(view.general.find((e) => e.commentId === ids.general)!.languages.body).toBe("zh");
  });

  it("a comment written in English in a Chinese submission shows as English on the side-by-side page", async () => {
    const c = await crpConsultation({ delegations: ["CHN"] });
    await writeRevision(c.consultationId, "CHN", "zh", [
      { kind: "point", pointId: c.points["2(a)"]!, body: "China supports this point and thanks the Secretariat." },
      { kind: "point", pointId: c.points["2(b)"]!, body: "中国支持这一要点。" },
    ]);
    const render = async (point: string) => {
      const path = `/consultations/${c.consultationId}/side-by-side?item=2&point=${point}`;
      const loaderData = await sideBySideLoader({
        request: await requestAs("secretariat@nonpaper.test", path),
        params: { consultationId: c.consultationId },
        context: { clientAddress: "127.0.0.1" },
      });
      return renderRoute(SideBySidePage, { url: `http://x${path}`, loaderData });
    };
    const english = await render("a");
    expect(english).toContain("Written in English: no translation needed.");
    expect(english).not.toContain("Original (Chinese)");
    expect(english).toContain('<div class="sbs-text" lang="en" dir="ltr">China supports this point');
    const chinese = await render("b");
    expect(chinese).toContain("Original (Chinese)");
  });

  it("does not block the final CRP and is reproduced as written; the Chinese texts block until translated", async () => {
    const { c, ids } = await scenario();
    const page = (await getCrpPage(c.officer, c.consultationId))!;
    const blocking = page.blocking.flatMap((m) => (m.kind === "translation" ? [[m.commentId, m.language]] : []));
    expect(blocking.sort()).toEqual(
      [
        [ids.general, "zh"],
        [ids.mixed, "zh"],
      ].sort(),
    );

    await close(c.consultationId);
    const blocked = await compileCrp(c.officer, { consultationId: c.consultationId, final: true });
    if (blocked.ok || blocked.reason !== "blocked") throw new Error("expected blocked");
    expect(blocked.missing.map((m) => (m.kind === "translation" ? m.commentId : m.field)).sort()).toEqual([ids.general, ids.mixed].sort());

    await saveTranslation(
      c.officer,
      save(c.consultationId, ids.general, "China thanks the Secretariat for its work and supports the discussion points.", null),
    );
    const stillBlocked = await compileCrp(c.officer, { consultationId: c.consultationId, final: true });
    if (stillBlocked.ok || stillBlocked.reason !== "blocked") throw new Error("expected blocked");
    expect(stillBlocked.missing.map((m) => (m.kind === "translation" ? m.commentId : m.field))).toEqual([ids.mixed]);

    await saveTranslation(c.officer, save(c.consultationId, ids.mixed, "China proposes to amend the point as follows.", ""));
    const final = await compileCrp(c.officer, { consultationId: c.consultationId, final: true, issuedOn: "2026-10-02" });
    expect(final).toMatchObject({ ok: true, final: true });
    const model = (await getCrpVersion(c.officer, c.consultationId, 1))!.model;

    const china = (itemIndex: number) => model.comments.items[itemIndex]!.delegations.find((d) => d.code === "CHN")!;
    const wordings = (section: CrpDelegationSection) =>
      section.blocks.flatMap((b) =>
        b.kind === "proposed_wording" ? [{ mark: b.text.mark, text: b.text.paragraphs.map((p) => `${p.language}: ${p.text}`) }] : [],
      );
    // Item 2: the Chinese texts translated, hence "[Original: Chinese]"; the English wording as written.
    expect(china(0).original).toBe("[Original: Chinese]");
    expect(wordings(china(0))).toEqual([
      { mark: null, text: [`en: ${WORDING_2A}`] },
      { mark: null, text: [`en: ${WORDING_2B}`] },
    ]);
    // Item 3: nothing but English wording, so nothing was translated from Chinese there.
    expect(china(1).original).toBeNull();
    expect(wordings(china(1))).toEqual([{ mark: null, text: [`en: ${WORDING_3A}`] }]);
    // Section I names the language the comments were actually translated from.
    const translations = model.introduction.paragraphs.find((p) => p.key === "translations")!;
    expect(translations.text).toContain("(China in Chinese)");
  });

  it("with nothing but English wording, the delegation is not said to have been translated", async () => {
    const c = await crpConsultation({ delegations: ["CHN"] });
    await writeRevision(c.consultationId, "CHN", "zh", [{ kind: "amendment", pointId: c.points["2(a)"]!, proposedText: WORDING_2A }]);
    expect((await listTranslationDesk(c.officer, c.consultationId))!.rows).toEqual([]);
    const page = (await getCrpPage(c.officer, c.consultationId))!;
    expect(page.blocking).toEqual([]);
    expect(page.preview!.introduction.paragraphs.some((p) => p.key === "translations")).toBe(false);
    expect(page.preview!.comments.items[0]!.delegations[0]!.original).toBeNull();
  });
});
