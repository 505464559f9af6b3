// The translation desk's model: statuses (to do, draft, final, outdated), translations carried to
// a new revision, conflicts between two officers, refusals, the audit log and bounded queries.
// Runs on PGlite and, in CI, on PostgreSQL.
import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission } from "~/models/submission-submit.server";
import { getTranslationForEditing, listTranslationDesk, saveTranslation, suggestTranslation, type SaveTranslationInput } from "~/models/translation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";
import { countQueries, delegationIdOf, openConsultation, POINT_TEXTS, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

let keyCounter = 0;
const key = () => `translations-key-${Date.now()}-${keyCounter++}`;

type Open = Awaited<ReturnType<typeof openConsultation>>;

async function submit(user: SessionUser, consultationId: string, content: unknown) {
  const page = await getSubmissionForDelegate(user, consultationId);
  const saved = await saveDraft(user, { consultationId, baseDraftVersion: page!.draft.draftVersion, content });
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
  const result = await submitSubmission(user, { consultationId, idempotencyKey: key(), draftVersion: saved.draftVersion });
  if (!result.ok) throw new Error(`submit refused: ${JSON.stringify(result)}`);
  return result.receipt;
}

const PERU_GENERAL = "El Perú agradece la labor de la Secretaría.\n\nSegundo párrafo del Perú.";
const PERU_AMENDED = POINT_TEXTS.a.replace("update their legislative records", "review their legislation");
const MOROCCO_GENERAL = "يشكر المغرب الأمانة على عملها.";

function peruContent(c: Open, general = PERU_GENERAL, amendment = PERU_AMENDED) {
  return {
    language: "es",
    general: [{ agendaItemId: c.items["2"]!, body: general }],
    points: [
      { pointId: c.points["2(a)"]!, body: "Proponemos una nueva redacción.", proposedText: amendment },
      { pointId: c.points["2(b)"]!, body: "Apoyamos el punto." },
    ],
    proposals: [],
  };
}

/** Peru (Spanish: general, amendment to (a), comment on (b)), Morocco (Arabic: general), the United States (English). */
async function scenario() {
  const c = await openConsultation();
  const peru = await userByEmail("peru@nonpaper.test");
  const morocco = await userByEmail("morocco@nonpaper.test");
  const usa = await userByEmail("usa@nonpaper.test");
  const officer = await userByEmail("secretariat@nonpaper.test");
  await submit(peru, c.consultationId, peruContent(c));
  await submit(morocco, c.consultationId, { language: "ar", general: [{ agendaItemId: c.items["2"]!, body: MOROCCO_GENERAL }] });
  await submit(usa, c.consultationId, { language: "en", general: [{ agendaItemId: c.items["2"]!, body: "The United States thanks the Secretariat." }] });
  const desk = (await listTranslationDesk(officer, c.consultationId))!;
  const find = (code: string, kind: string) => desk.rows.find((r) => r.delegation.code === code && r.kind === kind)!;
  return {
    c,
    peru,
    morocco,
    officer,
    ids: {
      peruGeneral: find("PER", "general").commentId,
      peruAmendment: find("PER", "amendment").commentId,
      peruPoint: find("PER", "point").commentId,
      moroccoGeneral: find("MAR", "general").commentId,
    },
  };
}

function input(c: Open, commentId: string, fields: Partial<SaveTranslationInput> = {}): SaveTranslationInput {
  return {
    consultationId: c.consultationId,
    commentId,
    expectedVersion: 0,
    body: "Morocco thanks the Secretariat for its work.",
    proposedText: null,
    final: false,
    machineAssisted: false,
    ipAddress: "127.0.0.1",
    ...fields,
  };
}

async function auditOf(consultationId: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), inArray(schema.auditLog.action, ["translation.save", "translation.finalize"])))
    .orderBy(asc(schema.auditLog.id));
}

async function translationRows(commentId: string) {
  const db = await getDb();
  return db.select().from(schema.translations).where(eq(schema.translations.commentId, commentId));
}

describe("the desk list", () => {
  it("lists every comment not in English of the current revisions, in agenda, point and delegation order, to do", async () => {
    const { c, officer } = await scenario();
    const desk = (await listTranslationDesk(officer, c.consultationId))!;
    expect(desk.rows.map((r) => [r.delegation.code, r.kind, r.point?.label ?? null])).toEqual([
      ["MAR", "general", null],
      ["PER", "general", null],
      ["PER", "amendment", "(a)"],
      ["PER", "point", "(b)"],
    ]);
    expect(desk.rows.every((r) => r.status === "todo" && r.translatorName === null && r.updatedAt === null)).toBe(true);
    expect(desk.counts).toEqual({ todo: 4, draft: 0, final: 0, outdated: 0 });
    expect(desk.languages).toEqual(["ar", "es"]);
    expect(desk.delegations.map((d) => d.code)).toEqual(["MAR", "PER"]);
    expect(desk.rows[0]!.excerpt).toBe(MOROCCO_GENERAL);
    expect(desk.rows[1]!.excerpt).toBe("El Perú agradece la labor de la Secretaría. Segundo párrafo del Perú.");
  });

  it("filters by status, language and delegation; counts follow the language and delegation filters", async () => {
    const { c, officer, ids } = await scenario();
    await saveTranslation(officer, input(c, ids.moroccoGeneral, { final: true }));
    const finals = (await listTranslationDesk(officer, c.consultationId, { status: "final" }))!;
    expect(finals.rows.map((r) => r.commentId)).toEqual([ids.moroccoGeneral]);
    expect(finals.counts).toEqual({ todo: 3, draft: 0, final: 1, outdated: 0 });
    const spanish = (await listTranslationDesk(officer, c.consultationId, { language: "es" }))!;
    expect(spanish.rows.map((r) => r.delegation.code)).toEqual(["PER", "PER", "PER"]);
    expect(spanish.counts).toEqual({ todo: 3, draft: 0, final: 0, outdated: 0 });
    const morocco = (await listTranslationDesk(officer, c.consultationId, { delegation: "MAR" }))!;
    expect(morocco.rows).toHaveLength(1);
    expect(morocco.languages).toEqual(["ar", "es"]);
  });

  it("is the secretariat's only: chairs, delegates and unknown consultations get null", async () => {
    const { c } = await scenario();
    const db = await getDb();
    const chair = await userByEmail("chair@nonpaper.test");
    await db.insert(schema.consultationChairs).values({ consultationId: c.consultationId, userId: chair.id });
    expect(await listTranslationDesk(chair, c.consultationId)).toBeNull();
    expect(await listTranslationDesk(await userByEmail("peru@nonpaper.test"), c.consultationId)).toBeNull();
    expect(await listTranslationDesk(await userByEmail("secretariat@nonpaper.test"), "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await listTranslationDesk(await userByEmail("secretariat@nonpaper.test"), "not-a-uuid")).toBeNull();
  });
});

describe("statuses: to do, draft, final", () => {
  it("a draft, then final, with the translator, the date and the audit entries (never the text)", async () => {
    const { c, officer, ids } = await scenario();
    const draft = await saveTranslation(officer, input(c, ids.moroccoGeneral, { machineAssisted: true }));
    expect(draft).toEqual({ ok: true, version: 1, status: "draft" });
    let page = (await getTranslationForEditing(officer, c.consultationId, ids.moroccoGeneral))!;
    expect(page.status).toBe("draft");
    expect(page.translation).toMatchObject({ version: 1, machineAssisted: true, translatorName: expect.any(String), sourceBody: MOROCCO_GENERAL });
    const final = await saveTranslation(officer, input(c, ids.moroccoGeneral, { expectedVersion: 1, final: true }));
    expect(final).toEqual({ ok: true, version: 2, status: "final" });
    page = (await getTranslationForEditing(officer, c.consultationId, ids.moroccoGeneral))!;
    expect(page.status).toBe("final");
    expect(page.translation!.finalizedAt).toBeInstanceOf(Date);
    expect(page.translation!.machineAssisted).toBe(false);
    const row = (await listTranslationDesk(officer, c.consultationId))!.rows.find((r) => r.commentId === ids.moroccoGeneral)!;
    expect(row).toMatchObject({ status: "final", translatorName: officer.name });
    expect(row.updatedAt).toBeInstanceOf(Date);

    // Editing a final translation makes it a draft again.
    const again = await saveTranslation(officer, input(c, ids.moroccoGeneral, { expectedVersion: 2, body: "Morocco thanks the Secretariat." }));
    expect(again).toEqual({ ok: true, version: 3, status: "draft" });
    const [stored] = await translationRows(ids.moroccoGeneral);
    expect(stored).toMatchObject({ status: "draft", finalizedBy: null, finalizedAt: null });

    const audit = await auditOf(c.consultationId);
    expect(audit.map((a) => a.action)).toEqual(["translation.save", "translation.finalize", "translation.save"]);
    expect(audit[0]!.details).toEqual({ delegation: "MAR", commentId: ids.moroccoGeneral, language: "ar", version: 1, machineAssisted: true });
    expect(JSON.stringify(audit)).not.toContain("Morocco thanks");
    expect(audit[0]!.ipAddress).toBe("127.0.0.1");
  });

  it("an amendment needs its proposed wording translated to be final; the editor aligns both by paragraph", async () => {
    const { c, officer, ids } = await scenario();
    const missing = await saveTranslation(officer, input(c, ids.peruAmendment, { body: "We propose new wording.", final: true }));
    expect(missing).toEqual({ ok: false, reason: "text", problems: [{ field: "proposedText", problem: "proposedRequired" }] });
    const saved = await saveTranslation(officer, input(c, ids.peruAmendment, { body: "We propose new wording.", proposedText: PERU_AMENDED, final: true }));
    expect(saved.ok).toBe(true);
    const page = (await getTranslationForEditing(officer, c.consultationId, ids.peruAmendment))!;
    expect(page.point).toMatchObject({ label: "(a)", text: POINT_TEXTS.a });
    expect(page.alignment.proposedText!.rows).toEqual([{ original: PERU_AMENDED, translation: PERU_AMENDED }]);

    const general = await saveTranslation(officer, input(c, ids.peruGeneral, { body: "Peru thanks the Secretariat.\n\nSecond.\n\nThird." }));
    expect(general.ok).toBe(true);
    const generalPage = (await getTranslationForEditing(officer, c.consultationId, ids.peruGeneral))!;
    expect(generalPage.alignment.body.mismatch).toEqual({ originalParagraphs: 2, translationParagraphs: 3 });
    expect(generalPage.point).toBeNull();
    // A translation of a comment that is not an amendment has no proposed wording.
    const [stored] = await translationRows(ids.peruGeneral);
    expect(stored!.proposedText).toBeNull();
  });

  it("gives previous, next and the next comment still to translate in desk order", async () => {
    const { c, officer, ids } = await scenario();
    await saveTranslation(officer, input(c, ids.peruGeneral, { final: true }));
    const page = (await getTranslationForEditing(officer, c.consultationId, ids.moroccoGeneral))!;
    expect(page.previousId).toBeNull();
    expect(page.nextId).toBe(ids.peruGeneral);
    expect(page.nextToTranslateId).toBe(ids.peruAmendment);
    const last = (await getTranslationForEditing(officer, c.consultationId, ids.peruPoint))!;
    expect(last.nextId).toBeNull();
    expect(last.nextToTranslateId).toBe(ids.moroccoGeneral);
  });
});

describe("a new revision", () => {
  it("carries translations; an unchanged comment stays final, a changed one is outdated with what changed", async () => {
    const { c, officer, peru, ids } = await scenario();
    await saveTranslation(officer, input(c, ids.peruGeneral, { body: "Peru thanks the Secretariat.\n\nSecond paragraph.", final: true }));
    await saveTranslation(officer, input(c, ids.peruPoint, { body: "We support the point.", final: true }));
    await saveTranslation(officer, input(c, ids.peruAmendment, { body: "We propose new wording.", proposedText: PERU_AMENDED }));
    // Only the whitespace of the point comment changes; the general comment's wording changes.
    const content = peruContent(c, PERU_GENERAL.replace("Segundo párrafo", "Tercer párrafo"));
    content.points[1]!.body = "Apoyamos   el punto.  ";
    await submit(peru, c.consultationId, content);

    const desk = (await listTranslationDesk(officer, c.consultationId))!;
    const byKind = Object.fromEntries(desk.rows.filter((r) => r.delegation.code === "PER").map((r) => [r.kind, r]));
    expect(byKind.general!.commentId).not.toBe(ids.peruGeneral);
    expect(byKind.general!.status).toBe("outdated");
    expect(byKind.point!.status).toBe("final");
    expect(byKind.amendment!.status).toBe("draft");
    expect(desk.counts).toEqual({ todo: 1, draft: 1, final: 1, outdated: 1 });

    const page = (await getTranslationForEditing(officer, c.consultationId, byKind.general!.commentId))!;
    expect(page.status).toBe("outdated");
    expect(page.freshness?.state).toBe("outdated");
    if (page.freshness?.state !== "outdated") throw new Error("expected outdated");
    expect(page.freshness.proposedText).toBeNull();
    expect(page.freshness.body!.filter((s) => s.kind !== "equal").map((s) => [s.kind, s.text.trim()])).toEqual([
      ["delete", "Segundo"],
      ["insert", "Tercer"],
    ]);
    expect(page.translation).toMatchObject({ status: "final", body: "Peru thanks the Secretariat.\n\nSecond paragraph." });

    // Saving the translation again brings it up to date.
    const saved = await saveTranslation(
      officer,
      input(c, page.comment.id, { expectedVersion: page.translation!.version, body: "Peru thanks.\n\nThird paragraph.", final: true }),
    );
    expect(saved.ok).toBe(true);
    expect((await getTranslationForEditing(officer, c.consultationId, page.comment.id))!.status).toBe("final");
  });

  it("carries the chair's review only when the wording is unchanged", async () => {
    const { c, officer, peru, ids } = await scenario();
    const chair = await userByEmail("chair@nonpaper.test");
    const db = await getDb();
    await db.insert(schema.chairReviews).values([
      { commentId: ids.peruPoint, reviewerId: chair.id, tag: "supports", note: "Peru supports (b)." },
      { commentId: ids.peruGeneral, reviewerId: chair.id, tag: "general", note: "General." },
    ]);
    await submit(peru, c.consultationId, peruContent(c, "Un comentario general distinto."));
    const desk = (await listTranslationDesk(officer, c.consultationId))!;
    const point = desk.rows.find((r) => r.delegation.code === "PER" && r.kind === "point")!;
    const general = desk.rows.find((r) => r.delegation.code === "PER" && r.kind === "general")!;
    const reviews = await db
      .select()
      .from(schema.chairReviews)
      .where(inArray(schema.chairReviews.commentId, [point.commentId, general.commentId]));
    expect(reviews.map((r) => [r.commentId, r.tag, r.note])).toEqual([[point.commentId, "supports", "Peru supports (b)."]]);
  });

  it("refuses to save the translation of a superseded comment, naming the current one", async () => {
    const { c, officer, peru, ids } = await scenario();
    await submit(peru, c.consultationId, peruContent(c, "Otra versión."));
    const refused = await saveTranslation(officer, input(c, ids.peruGeneral));
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.reason !== "superseded") throw new Error(JSON.stringify(refused));
    const current = (await listTranslationDesk(officer, c.consultationId))!.rows.find((r) => r.delegation.code === "PER" && r.kind === "general")!;
    expect(refused.currentCommentId).toBe(current.commentId);
    const page = (await getTranslationForEditing(officer, c.consultationId, ids.peruGeneral))!;
    expect(page.superseded).toEqual({ currentCommentId: current.commentId });
    expect(page.canEdit).toBe(false);
    expect(await translationRows(ids.peruGeneral)).toEqual([]);
  });
});

describe("two officers", () => {
  it("the second save from the same version gets a conflict with the other text; nothing is written", async () => {
    const { c, officer, ids } = await scenario();
    const db = await getDb();
    await db.insert(schema.users).values({ email: "officer2@nonpaper.test", name: "Second Officer", role: "secretariat", language: "fr" });
    const second = await userByEmail("officer2@nonpaper.test");
    await saveTranslation(officer, input(c, ids.moroccoGeneral, { body: "First draft." }));
    const mine = await saveTranslation(officer, input(c, ids.moroccoGeneral, { expectedVersion: 1, body: "Officer one's text." }));
    expect(mine.ok).toBe(true);
    const theirs = await saveTranslation(second, input(c, ids.moroccoGeneral, { expectedVersion: 1, body: "Officer two's text.", final: true }));
    expect(theirs).toMatchObject({
      ok: false,
      reason: "conflict",
      theirs: { body: "Officer one's text.", proposedText: null, version: 2, translatorName: officer.name },
    });
    const [stored] = await translationRows(ids.moroccoGeneral);
    expect(stored).toMatchObject({ body: "Officer one's text.", version: 2, status: "draft" });
    expect((await auditOf(c.consultationId)).length).toBe(2);
    // Keeping mine: save again from their version.
    const kept = await saveTranslation(second, input(c, ids.moroccoGeneral, { expectedVersion: 2, body: "Officer two's text." }));
    expect(kept).toEqual({ ok: true, version: 3, status: "draft" });
  });

  it("two first saves at once: one creates, the other is a conflict", async () => {
    const { c, officer, ids } = await scenario();
    const results = await Promise.all([
      saveTranslation(officer, input(c, ids.moroccoGeneral, { body: "One." })),
      saveTranslation(officer, input(c, ids.moroccoGeneral, { body: "Two." })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "conflict")).toHaveLength(1);
    expect(await translationRows(ids.moroccoGeneral)).toHaveLength(1);
  });
});

describe("refusals", () => {
  it("refuses bad text, empty final translations, forged ids, other roles and a compiled consultation; nothing is written", async () => {
    const { c, officer, ids } = await scenario();
    const chair = await userByEmail("chair@nonpaper.test");
    const delegate = await userByEmail("morocco@nonpaper.test");
    expect(await saveTranslation(officer, input(c, ids.moroccoGeneral, { body: "x".repeat(50_001) }))).toEqual({
      ok: false,
      reason: "text",
      problems: [{ field: "body", problem: "tooLong" }],
    });
    expect(await saveTranslation(officer, input(c, ids.moroccoGeneral, { body: "Safe \u202Eeciffo" }))).toMatchObject({
      reason: "text",
      problems: [{ field: "body", problem: "bidiControl" }],
    });
    expect(await saveTranslation(officer, input(c, ids.moroccoGeneral, { body: "Bell\u0007" }))).toMatchObject({
      problems: [{ field: "body", problem: "controlCharacter" }],
    });
    expect(await saveTranslation(officer, input(c, ids.moroccoGeneral, { body: "   ", final: true }))).toMatchObject({
      problems: [{ field: "body", problem: "finalEmpty" }],
    });
    expect(await saveTranslation(officer, input(c, ids.moroccoGeneral, { expectedVersion: -1 }))).toEqual({ ok: false, reason: "invalid" });
    expect(await saveTranslation(officer, input(c, ids.moroccoGeneral, { expectedVersion: 4 }))).toEqual({ ok: false, reason: "invalid" });
    expect(await saveTranslation(chair, input(c, ids.moroccoGeneral))).toEqual({ ok: false, reason: "not_found" });
    expect(await saveTranslation(delegate, input(c, ids.moroccoGeneral))).toEqual({ ok: false, reason: "not_found" });

    // Another consultation's comment, named under this one.
    const other = await openConsultation();
    expect(await saveTranslation(officer, { ...input(c, ids.moroccoGeneral), consultationId: other.consultationId })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await getTranslationForEditing(officer, other.consultationId, ids.moroccoGeneral)).toBeNull();
    // An English comment is not on the desk.
    const db = await getDb();
    const [english] = await db
      .select({ id: schema.comments.id })
      .from(schema.comments)
      .innerJoin(schema.submissions, eq(schema.submissions.id, schema.comments.submissionId))
      .where(and(eq(schema.submissions.consultationId, c.consultationId), eq(schema.submissions.delegationId, await delegationIdOf("USA"))));
    expect(await saveTranslation(officer, input(c, english!.id))).toEqual({ ok: false, reason: "not_found" });

    await db.update(schema.consultations).set({ status: "compiled" }).where(eq(schema.consultations.id, c.consultationId));
    expect(await saveTranslation(officer, input(c, ids.moroccoGeneral))).toEqual({ ok: false, reason: "compiled" });
    expect((await getTranslationForEditing(officer, c.consultationId, ids.moroccoGeneral))!.canEdit).toBe(false);
    expect(await translationRows(ids.moroccoGeneral)).toEqual([]);
    expect(await auditOf(c.consultationId)).toEqual([]);
  });

  it("lets the consultation's chair read a translation but no other chair nor a delegate", async () => {
    const { c, officer, morocco, ids } = await scenario();
    await saveTranslation(officer, input(c, ids.moroccoGeneral));
    const db = await getDb();
    const chair = await userByEmail("chair@nonpaper.test");
    expect(await getTranslationForEditing(chair, c.consultationId, ids.moroccoGeneral)).toBeNull();
    await db.insert(schema.consultationChairs).values({ consultationId: c.consultationId, userId: chair.id });
    const page = (await getTranslationForEditing(chair, c.consultationId, ids.moroccoGeneral))!;
    expect(page.translation?.body).toBe("Morocco thanks the Secretariat for its work.");
    expect(page.canEdit).toBe(false);
    expect(await getTranslationForEditing(morocco, c.consultationId, ids.moroccoGeneral)).toBeNull();
  });

  it("machine suggestions are off without TRANSLATE_URL, and the secretariat's only", async () => {
    const { c, officer, ids } = await scenario();
    delete process.env.TRANSLATE_URL;
    expect(await suggestTranslation(officer, c.consultationId, ids.moroccoGeneral)).toEqual({ ok: false, reason: "off" });
    expect(await suggestTranslation(await userByEmail("chair@nonpaper.test"), c.consultationId, ids.moroccoGeneral)).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("bounded queries", () => {
  it("reads the desk and the editor with the same few queries for 40 delegations × 8 comments", async () => {
    const c = await openConsultation();
    const officer = await userByEmail("secretariat@nonpaper.test");
    const db = await getDb();
    const all = await db.select({ id: schema.delegations.id, code: schema.delegations.code }).from(schema.delegations).limit(40);
    const languages = ["ar", "zh", "fr", "ru", "es"] as const;
    // Each text in its submission's language: a text in English needs no translation, whatever the submission's language.
    const proposal = { ar: "مقترح", zh: "提案", fr: "Proposition", ru: "Предложение", es: "Propuesta" } as const;
    const second = { ar: "الفقرة الثانية.", zh: "第二段。", fr: "Deuxième paragraphe.", ru: "Второй абзац.", es: "Segundo párrafo." } as const;
    let first: string | null = null;
    for (const [n, delegation] of all.entries()) {
      const language = languages[n % 5]!;
      const [submission] = await db
        .insert(schema.submissions)
        .values({ consultationId: c.consultationId, delegationId: delegation.id, status: "submitted", language: language })
        .returning({ id: schema.submissions.id });
      const [revision] = await db
        .insert(schema.submissionRevisions)
        .values({
          submissionId: submission!.id,
          revisionNumber: 1,
          receiptNumber: `BENCH-${delegation.code}-${n}`,
          idempotencyKey: `bench-${n}-${c.consultationId}`,
          language: language,
        })
        .returning({ id: schema.submissionRevisions.id });
      const rows = Array.from({ length: 8 }, (_, i) => ({
        submissionId: submission!.id,
        revisionId: revision!.id,
        kind: "new_proposal" as const,
        agendaItemId: c.items[i % 2 ? "2" : "3"]!,
        label: `(${String.fromCharCode(97 + i)})`,
        position: i,
        language,
        body: `${proposal[language]} ${i} ${delegation.code}.\n\n${second[language]}`,
      }));
      const inserted = await db.insert(schema.comments).values(rows).returning({ id: schema.comments.id });
      first ??= inserted[0]!.id;
      // Every other comment translated, a quarter of them since changed.
      await db.insert(schema.translations).values(
        inserted
          .filter((_, i) => i % 2 === 0)
          .map((row, i) => ({
            commentId: row.id,
            status: "final" as const,
            body: "Translated.",
            sourceBody: i % 2 ? `${proposal[language]} ${i * 2} ${delegation.code}.\n\n${second[language]}` : "An older wording.",
            translatorId: officer.id,
          })),
      );
    }
    const desk = await countQueries(() => listTranslationDesk(officer, c.consultationId));
    // All 320 on the desk, shown 100 to a page (tests/db/translation-desk-paging.test.ts pages through them).
    expect(desk.result!.matching).toBe(320);
    expect(desk.result!.rows).toHaveLength(100);
    expect(desk.result!.counts.todo).toBe(160);
    expect(desk.result!.counts.outdated + desk.result!.counts.final).toBe(160);
    // The consultation with its delegations, the index, the texts not judged yet (first read only), the page's rows.
    expect(desk.queries).toBe(4);
    const editor = await countQueries(() => getTranslationForEditing(officer, c.consultationId, first!));
    expect(editor.result).not.toBeNull();
    expect(editor.queries).toBe(2);
  });
});
