// The CRP from the database: what loadCrpData reads (only revisions that count, translations by
// status), in a fixed number of queries; compilations as versions with digests, the final one
// blocked until every translation is final and then closing the consultation; concurrency; audit.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { crpToMarkdown } from "~/documents/crp";
import {
  compileCrp,
  crpSourceDigest,
  getCrpPage,
  getCrpRedline,
  getCrpVersion,
  loadCrpData,
  saveIntroductionNote,
  saveIntroductionParagraph,
} from "~/models/crp.server";
import { getDb, schema } from "~/utils/db.server";
import { addRevision, crpConsultation, crpSubmissions, POINTS } from "./crp-setup";
import { countQueries, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

async function closeConsultation(consultationId: string) {
  const db = await getDb();
  await db.update(schema.consultations).set({ status: "closed", closedAt: new Date() }).where(eq(schema.consultations.id, consultationId));
}

async function auditOf(consultationId: string, action: string) {
  const db = await getDb();
  return db
    .select({ details: schema.auditLog.details, actorId: schema.auditLog.actorId })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, action)))
    .orderBy(schema.auditLog.id);
}

describe("loadCrpData", () => {
  it("reads the circulated points and only the revisions that count, with each translation's status", async () => {
    const c = await crpConsultation();
    const ids = await crpSubmissions(c);
    const db = await getDb();
    const data = (await loadCrpData(db, c.consultationId, { issuedOn: "2026-10-01" }))!;

    expect(data.issuedOn).toBe("2026-10-01");
    expect(data.meeting).toMatchObject({ body: "Working Group of Government Experts on Technical Assistance", venue: "Vienna", timeZone: "Europe/Vienna" });
    expect(data.consultation).toMatchObject({
      title: "Discussion points for future consideration",
      crpSymbol: "CTOC/COP/2026/CRP.1",
      reflectionApprovalMethod: "silence procedure",
    });
    expect(data.consultation.circulatedAt).toBeInstanceOf(Date);
    expect(data.agendaItems.map((i) => [i.number, i.title, i.points.map((p) => `${p.label} ${p.text}`)])).toEqual([
      ["2", "Technical assistance", [`(a) ${POINTS["2(a)"]}`, `(b) ${POINTS["2(b)"]}`]],
      ["3", "Other matters", [`(a) ${POINTS["3(a)"]}`]],
    ]);

    // Superseded, held and declined revisions are left out; Morocco's accepted late one counts.
    const byCode = Object.fromEntries(data.delegations.map((d) => [d.code, d]));
    expect(Object.keys(byCode).sort()).toEqual(["CHN", "MAR", "PER", "USA"]);
    expect(byCode.MAR).toMatchObject({ name: "Morocco", timeliness: "late_accepted", language: "ar", participation: "state_party", kind: "member_state" });
    expect(byCode.PER).toMatchObject({ name: "Peru", timeliness: "on_time", language: "es" });
    expect(byCode.CHN!.comments.map((x) => x.id)).toEqual([ids.china.general]);
    expect(byCode.CHN!.language).toBe("en");

    const comment = (code: string, id: string) => byCode[code]!.comments.find((x) => x.id === id)!;
    expect(comment("PER", ids.peru.general!).translation).toEqual({ status: "draft", body: "Peru thanks the Chair.", proposedText: null });
    expect(comment("PER", ids.peru.point!)).toMatchObject({
      kind: "point",
      pointId: c.points["2(a)"],
      original: { language: "es", body: "El Perú apoya este punto.", proposedText: null },
      translation: { status: "final", body: "Peru supports this point." },
    });
    expect(comment("MAR", ids.morocco.amendment!)).toMatchObject({
      kind: "amendment",
      original: { language: "ar", proposedText: "ينبغي للأمانة أن تقدم المساعدة التقنية." },
      translation: { status: "outdated", proposedText: "The Secretariat should provide technical assistance." },
    });
    expect(comment("MAR", ids.morocco.proposal!)).toMatchObject({ kind: "new_proposal", label: "(a)", translation: { status: "missing" } });
    // English originals need no translation.
    expect(comment("USA", ids.usa.amendment!).translation).toBeUndefined();
    expect(comment("USA", ids.usa.amendment!).original.proposedText).toBe("States should share court decisions.");
  });

  it("gives the date of issue on the meeting's clock by default, and null for an unknown consultation", async () => {
    const c = await crpConsultation({ delegations: ["PER"] });
    const db = await getDb();
    const data = (await loadCrpData(db, c.consultationId))!;
    expect(data.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await loadCrpData(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("reads in the same five queries for three comments as for several hundred", async () => {
    const small = await crpConsultation({ delegations: ["PER"] });
    await addRevision(small, "PER", { language: "es", comments: [{ key: "a", kind: "general", item: "2", body: "Uno." }] });
    const codes = ["ARG", "AUS", "AUT", "BEL", "BRA", "CAN", "CHL", "COL", "DEU", "EGY", "ESP", "FIN", "GBR", "IND", "ITA", "JPN", "KEN", "MEX", "NGA", "NLD"];
    const large = await crpConsultation({ delegations: codes });
    for (const [i, code] of codes.entries()) {
      const language = (["es", "fr", "en", "ar", "ru", "zh"] as const)[i % 6]!;
      await addRevision(large, code, {
        language,
        comments: Array.from({ length: 15 }, (_, k) => ({
          key: `c${k}`,
          kind: "point" as const,
          item: k % 2 ? "2" : "3",
          point: k % 2 ? "2(a)" : "3(a)",
          body: `Comment ${k} of ${code}.`,
          translation: language === "en" ? undefined : { status: "final" as const, body: `Translated comment ${k} of ${code}.` },
        })),
      });
    }
    const db = await getDb();
    const one = await countQueries(() => loadCrpData(db, small.consultationId));
    const many = await countQueries(() => loadCrpData(db, large.consultationId));
    expect(many.result!.delegations.flatMap((d) => d.comments)).toHaveLength(300);
    expect(one.queries).toBe(5);
    expect(many.queries).toBe(one.queries);

    const officer = await userByEmail("secretariat@nonpaper.test");
    const page = await countQueries(() => getCrpPage(officer, large.consultationId));
    expect(page.queries).toBe(7);
    expect(page.result!.blocking).toEqual([]);
  });
});

describe("compiling the CRP", () => {
  it("compiles drafts, blocks the final one with the list, then compiles it and closes the consultation for good", async () => {
    const c = await crpConsultation();
    const ids = await crpSubmissions(c);
    const officer = c.officer;
    const db = await getDb();

    // A draft while the consultation is open: version 1, with the gaps marked.
    const first = await compileCrp(officer, { consultationId: c.consultationId, final: false, expectedLatestVersion: 0, issuedOn: "2026-10-01" });
    expect(first).toMatchObject({ ok: true, versionNumber: 1, final: false });
    const v1 = (await getCrpVersion(officer, c.consultationId, 1))!;
    expect(v1.status).toBe("draft");
    expect(v1.createdBy).toBe(officer.name);
    expect(v1.model.draftMark).toBe("Draft – not for issue");
    expect(v1.model.masthead.date).toBe("1 October 2026");
    expect(
      v1.model.pending
        .filter((m) => m.kind === "translation")
        .map((m) => m.kind === "translation" && [m.delegationCode, m.status])
        .sort(),
    ).toEqual([
      ["MAR", "missing"],
      ["MAR", "outdated"],
      ["PER", "draft"],
    ]);
    const text = crpToMarkdown(v1.model);
    expect(text).toContain("By the deadline, written comments had been received from the following States parties: China, Peru and United States of America.");
    expect(text).toContain(
      "Comments received after the deadline from the following State party were accepted by the Secretariat and are also reproduced below: Morocco.",
    );
    expect(text).not.toContain("La France attend");
    expect(text).not.toContain("Россия");
    expect(text).not.toContain("中国的旧意见");

    // The final one needs the reflection period closed …
    expect(await compileCrp(officer, { consultationId: c.consultationId, final: true, expectedLatestVersion: 1 })).toEqual({ ok: false, reason: "not_closed" });
    await closeConsultation(c.consultationId);
    // … and every translation final: the list says what is missing, and nothing is saved.
    const blocked = await compileCrp(officer, { consultationId: c.consultationId, final: true, expectedLatestVersion: 1 });
    expect(blocked.ok).toBe(false);
    if (blocked.ok || blocked.reason !== "blocked") throw new Error("expected blocked");
    expect(
      blocked.missing.map((m) => (m.kind === "translation" ? `${m.delegationCode} ${m.commentKind} ${m.label ?? "-"} ${m.status}` : m.field)).sort(),
    ).toEqual(["MAR amendment (b) outdated", "MAR new_proposal (a) missing", "PER general - draft"]);
    expect(blocked.missing.find((m) => m.kind === "translation" && m.status === "missing")).toMatchObject({ commentId: ids.morocco.proposal });
    const page = (await getCrpPage(officer, c.consultationId))!;
    expect(page.blocking).toHaveLength(3);
    expect(page.versions.map((v) => v.versionNumber)).toEqual([1]);
    expect(page.canCompileFinal).toBe(true);

    // The desk finishes the translations.
    await db.update(schema.translations).set({ status: "final" }).where(eq(schema.translations.commentId, ids.peru.general!));
    await db
      .update(schema.translations)
      .set({ sourceBody: "يقترح المغرب الصيغة التالية.", body: "Morocco proposes the following wording:" })
      .where(eq(schema.translations.commentId, ids.morocco.amendment!));
    await db
      .insert(schema.translations)
      .values({ commentId: ids.morocco.proposal!, status: "final", body: "A database should be established.", sourceBody: "ينبغي إنشاء قاعدة بيانات." });

    const final = await compileCrp(officer, { consultationId: c.consultationId, final: true, expectedLatestVersion: 1, issuedOn: "2026-10-02" });
    expect(final).toMatchObject({ ok: true, versionNumber: 2, final: true });
    const [row] = await db
      .select({ status: schema.consultations.status, compiledAt: schema.consultations.compiledAt })
      .from(schema.consultations)
      .where(eq(schema.consultations.id, c.consultationId));
    expect(row!.status).toBe("compiled");
    expect(row!.compiledAt).toBeInstanceOf(Date);
    const v2 = (await getCrpVersion(officer, c.consultationId, 2))!;
    expect(v2.status).toBe("final");
    expect(v2.model.draftMark).toBeNull();
    expect(v2.model.fileBase).toBe("CTOC-COP-2026-CRP.1");
    const finalText = crpToMarkdown(v2.model);
    expect(finalText).toContain("A database should be established.");
    expect(finalText).toContain("(Morocco in Arabic and Peru in Spanish) have been translated into English by the Secretariat.");

    // Nothing changes after that.
    for (const final of [false, true]) {
      expect(await compileCrp(officer, { consultationId: c.consultationId, final, expectedLatestVersion: 2 })).toEqual({ ok: false, reason: "compiled" });
    }
    expect(await saveIntroductionNote(officer, { consultationId: c.consultationId, note: "Too late." })).toEqual({ ok: false, reason: "compiled" });
    const after = (await getCrpPage(officer, c.consultationId))!;
    expect([after.canCompileDraft, after.canCompileFinal, after.canEditIntroduction]).toEqual([false, false, false]);

    // The redline between the draft and the final text.
    const redline = (await getCrpRedline(officer, c.consultationId, 1, 2))!;
    const changed = redline.rows.filter((r) => r.kind !== "equal" && r.kind !== "skip");
    expect(changed.length).toBeGreaterThan(0);
    expect(JSON.stringify(changed)).toContain("A database should be established.");
    expect(await getCrpRedline(officer, c.consultationId, 1, 9)).toBeNull();

    // Audit: one entry per compilation, the status move with the final one.
    const entries = await auditOf(c.consultationId, "crp.compile");
    expect(entries.map((e) => e.details)).toEqual([
      { version: 1, final: false, digest: (first as { digest: string }).digest },
      { version: 2, final: true, digest: (final as { digest: string }).digest },
    ]);
    expect(entries.every((e) => e.actorId === officer.id)).toBe(true);
    expect((await auditOf(c.consultationId, "consultation.status")).map((e) => e.details)).toContainEqual({ from: "closed", to: "compiled" });
  });

  it("refuses a draft before circulation, and anyone but the secretariat", async () => {
    const db = await getDb();
    const c = await crpConsultation({ delegations: ["PER"] });
    const { insertDraftConsultation } = await import("./fixtures");
    const { consultationId: draftId } = await insertDraftConsultation(db, {
      agendaItems: [{ number: "2", title: "Item", points: [{ label: "(a)", text: "Text." }] }],
    });
    const officer = c.officer;
    expect(await compileCrp(officer, { consultationId: draftId, final: false })).toEqual({ ok: false, reason: "not_circulated" });
    const chair = await userByEmail("chair@nonpaper.test");
    const peru = await userByEmail("peru@nonpaper.test");
    for (const user of [chair, peru]) {
      expect(await compileCrp(user, { consultationId: c.consultationId, final: false })).toEqual({ ok: false, reason: "not_found" });
      expect(await saveIntroductionNote(user, { consultationId: c.consultationId, note: "x" })).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await compileCrp(officer, { consultationId: "00000000-0000-4000-8000-000000000000", final: false })).toEqual({ ok: false, reason: "not_found" });
    const [count] = await db
      .select({ id: schema.generatedDocuments.id })
      .from(schema.generatedDocuments)
      .where(eq(schema.generatedDocuments.consultationId, c.consultationId));
    expect(count).toBeUndefined();
  });

  it("numbers two compilations at once one after the other, or refuses the second when it names a stale version", async () => {
    const c = await crpConsultation({ delegations: ["USA"] });
    await addRevision(c, "USA", { language: "en", comments: [{ key: "g", kind: "general", item: "2", body: "Support." }] });
    const officer = c.officer;
    // Without a base version (a script): n+1 and n+2.
    const both = await Promise.all([
      compileCrp(officer, { consultationId: c.consultationId, final: false }),
      compileCrp(officer, { consultationId: c.consultationId, final: false }),
    ]);
    expect(both.map((r) => r.ok && r.versionNumber).sort()).toEqual([1, 2]);
    // Two officers on a page that showed version 2: one compiles version 3, the other is told.
    const raced = await Promise.all([
      compileCrp(officer, { consultationId: c.consultationId, final: false, expectedLatestVersion: 2 }),
      compileCrp(officer, { consultationId: c.consultationId, final: false, expectedLatestVersion: 2 }),
    ]);
    expect(raced.filter((r) => r.ok)).toEqual([expect.objectContaining({ versionNumber: 3 })]);
    expect(raced.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "stale", latestVersion: 3 }]);
    const page = (await getCrpPage(officer, c.consultationId))!;
    expect(page.versions.map((v) => v.versionNumber)).toEqual([3, 2, 1]);
    expect(page.latestVersion).toBe(3);
  });

  it("keeps the digest while nothing changes, and changes it when a translation is edited", async () => {
    const c = await crpConsultation();
    const ids = await crpSubmissions(c);
    const officer = c.officer;
    const db = await getDb();
    const first = await compileCrp(officer, { consultationId: c.consultationId, final: false, issuedOn: "2026-10-01" });
    // Another day of issue, same data: same digest.
    const second = await compileCrp(officer, { consultationId: c.consultationId, final: false, issuedOn: "2026-10-05" });
    expect(first.ok && second.ok).toBe(true);
    expect((second as { digest: string }).digest).toBe((first as { digest: string }).digest);
    expect((await getCrpPage(officer, c.consultationId))!.versions.map((v) => v.changedSince)).toEqual([false, false]);

    await db.update(schema.translations).set({ body: "Peru warmly thanks the Chair." }).where(eq(schema.translations.commentId, ids.peru.general!));
    const data = (await loadCrpData(db, c.consultationId))!;
    expect(crpSourceDigest(data)).not.toBe((first as { digest: string }).digest);
    expect((await getCrpPage(officer, c.consultationId))!.versions.map((v) => v.changedSince)).toEqual([true, true]);
    const third = await compileCrp(officer, { consultationId: c.consultationId, final: false });
    expect((await getCrpPage(officer, c.consultationId))!.versions.map((v) => [v.versionNumber, v.changedSince])).toEqual([
      [3, false],
      [2, true],
      [1, true],
    ]);
    expect(third.ok).toBe(true);
    const redline = (await getCrpRedline(officer, c.consultationId, 2, 3))!;
    const changes = redline.rows.filter((r) => r.kind === "change");
    expect(changes).toHaveLength(2); // the date of issue and Peru's comment
    expect(JSON.stringify(changes)).toContain("warmly");
  });
});

describe("reading the CRP page", () => {
  it("lets the consultation's chair read it, and nobody else but the secretariat", async () => {
    const c = await crpConsultation({ delegations: ["PER"] });
    const db = await getDb();
    const chair = await userByEmail("chair@nonpaper.test");
    await db.insert(schema.consultationChairs).values({ consultationId: c.consultationId, userId: chair.id });
    await compileCrp(c.officer, { consultationId: c.consultationId, final: false });
    const chairPage = (await getCrpPage(chair, c.consultationId))!;
    expect(chairPage.versions).toHaveLength(1);
    expect([chairPage.canCompileDraft, chairPage.canCompileFinal, chairPage.canEditIntroduction]).toEqual([false, false, false]);
    expect(await getCrpVersion(chair, c.consultationId, 1)).not.toBeNull();

    const [other] = await db
      .insert(schema.users)
      .values({ email: "other-chair-crp@nonpaper.test", name: "Other chair", role: "chair", language: "en" })
      .returning();
    const otherChair = await userByEmail(other!.email);
    const peru = await userByEmail("peru@nonpaper.test");
    for (const user of [otherChair, peru]) {
      expect(await getCrpPage(user, c.consultationId)).toBeNull();
      expect(await getCrpVersion(user, c.consultationId, 1)).toBeNull();
      expect(await getCrpRedline(user, c.consultationId, 1, 1)).toBeNull();
    }
  });

  it("saves the secretariat's introduction, in the preview and the audit log", async () => {
    const c = await crpConsultation({ delegations: ["PER"] });
    const officer = c.officer;
    const note = "The discussion points were circulated because the meeting ran out of time.\n\nA second paragraph.";
    expect(await saveIntroductionNote(officer, { consultationId: c.consultationId, note: `  ${note}\r\n` })).toEqual({ ok: true, changed: true });
    expect(await saveIntroductionNote(officer, { consultationId: c.consultationId, note })).toEqual({ ok: true, changed: false });
    const page = (await getCrpPage(officer, c.consultationId))!;
    const purpose = page.preview!.introduction.paragraphs.filter((p) => p.key === "purpose").map((p) => p.text);
    expect(purpose).toEqual(["The discussion points were circulated because the meeting ran out of time.", "A second paragraph."]);
    expect(await saveIntroductionNote(officer, { consultationId: c.consultationId, note: "x".repeat(10_001) })).toEqual({ ok: false, reason: "too_long" });
    expect(await saveIntroductionNote(officer, { consultationId: c.consultationId, note: "  " })).toEqual({ ok: true, changed: true });
    expect((await auditOf(c.consultationId, "crp.introduction")).map((e) => e.details)).toEqual([
      { length: note.length, standard: false },
      { length: 0, standard: true },
    ]);
  });

  it("lets the secretariat rewrite, leave out and give back any other paragraph of the introduction", async () => {
    const c = await crpConsultation({ delegations: ["PER"] });
    const officer = c.officer;
    const id = c.consultationId;
    const before = (await getCrpPage(officer, id))!;
    const received = before.preview!.introduction.paragraphs.find((p) => p.key === "received")!;
    expect(before.rewrittenParagraphs).toEqual([]);

    const text = "Peru sent written comments by the deadline, in Spanish.";
    expect(await saveIntroductionParagraph(officer, { consultationId: id, key: "received", text: `${text}\r\n` })).toEqual({ ok: true, changed: true });
    expect(await saveIntroductionParagraph(officer, { consultationId: id, key: "received", text })).toEqual({ ok: true, changed: false });
    expect(await saveIntroductionParagraph(officer, { consultationId: id, key: "presentation", text: "" })).toEqual({ ok: true, changed: true });
    const rewritten = (await getCrpPage(officer, id))!;
    expect(rewritten.rewrittenParagraphs.sort()).toEqual(["presentation", "received"]);
    const paragraphs = rewritten.preview!.introduction.paragraphs;
    expect(paragraphs.find((p) => p.key === "received")?.text).toBe(text);
    expect(paragraphs.map((p) => p.key)).not.toContain("presentation");
    // Numbering runs on without the paragraph left out.
    expect(paragraphs.map((p) => p.number)).toEqual(paragraphs.map((_, i) => i + 1));
    // The data a compilation is made from changed: the digest with it.
    const db = await getDb();
    expect((await loadCrpData(db, id))!.introductionOverrides).toEqual({ received: text, presentation: "" });

    // Given back to the data: the generated wording again.
    expect(await saveIntroductionParagraph(officer, { consultationId: id, key: "received", text: null })).toEqual({ ok: true, changed: true });
    expect((await getCrpPage(officer, id))!.preview!.introduction.paragraphs.find((p) => p.key === "received")?.text).toBe(received.text);

    // Refusals: the purpose paragraph has its own field, an unknown key, a chair, too long, after compilation.
    const chair = await userByEmail("chair@nonpaper.test");
    expect(await saveIntroductionParagraph(officer, { consultationId: id, key: "purpose", text: "x" })).toEqual({ ok: false, reason: "not_found" });
    expect(await saveIntroductionParagraph(officer, { consultationId: id, key: "bogus" as never, text: "x" })).toEqual({ ok: false, reason: "not_found" });
    expect(await saveIntroductionParagraph(chair, { consultationId: id, key: "session", text: "x" })).toEqual({ ok: false, reason: "not_found" });
    expect(await saveIntroductionParagraph(officer, { consultationId: id, key: "session", text: "x".repeat(10_001) })).toEqual({
      ok: false,
      reason: "too_long",
    });
    await db.update(schema.consultations).set({ status: "compiled" }).where(eq(schema.consultations.id, id));
    expect(await saveIntroductionParagraph(officer, { consultationId: id, key: "session", text: "x" })).toEqual({ ok: false, reason: "compiled" });
    expect((await getCrpPage(officer, id))!.rewrittenParagraphs).toEqual(["presentation"]);

    // Audited without the text.
    const entries = (await auditOf(id, "crp.introduction")).map((e) => e.details);
    expect(entries).toEqual([
      { paragraph: "received", length: text.length, standard: false, omitted: false },
      { paragraph: "presentation", length: 0, standard: false, omitted: true },
      { paragraph: "received", length: 0, standard: true, omitted: false },
    ]);
  });
});
