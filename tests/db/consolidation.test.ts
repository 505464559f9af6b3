// The side-by-side view and the matrix (app/models/consolidation.server.ts): what they show, in
// which order, with which filters, only from current revisions, and in a fixed number of queries.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getMatrix, getSideBySide, type SideBySideFilters } from "~/models/consolidation.server";
import { saveReview } from "~/models/review.server";
import { getDb, schema } from "~/utils/db.server";
import { makeChairOf, newChair, writeRevision, writeTranslation } from "./consolidation-setup";
import { insertDraftConsultation } from "./fixtures";
import { countQueries, openConsultation, POINT_TEXTS, userByEmail } from "./submission-setup";
import { circulateConsultation } from "~/models/circulation.server";
import { BASE_URL, requestAs } from "./helpers";
import { loader as matrixLoader } from "~/routes/consultations.$consultationId.matrix";
import { loader as sideLoader } from "~/routes/consultations.$consultationId.side-by-side/route";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const CHAIR = "chair@nonpaper.test";
const view = (overrides: Partial<SideBySideFilters> = {}): SideBySideFilters => ({ order: "en", readerLanguage: "en", ...overrides });

const AMENDED_B = POINT_TEXTS.b.replace("[continue to] provide", "provide");

/**
 * Item 2 of an open consultation: Peru (Spanish) comments on (a) and amends (b), with a general
 * comment, translated (final); Morocco (Arabic) comments on (a), no translation; France (French)
 * comments on (a), translated as a draft then revised (outdated), with a new proposal; the United
 * States (English) amends (b). China's revision is late and pending, Russia's withdrawn, and
 * Russia also has a draft: none of those count.
 */
async function scenario() {
  const c = await openConsultation();
  await makeChairOf(c.consultationId);
  const [peruGeneral, peruA, peruB] = await writeRevision(c.consultationId, "PER", "es", [
    { kind: "general", agendaItemId: c.items["2"]!, body: "El Perú acoge con beneplácito los puntos." },
    { kind: "point", pointId: c.points["2(a)"]!, body: "Apoyamos el punto (a)." },
    { kind: "amendment", pointId: c.points["2(b)"]!, body: "Proponemos suprimir los corchetes.", proposedText: AMENDED_B },
  ]);
  await writeTranslation(peruA!, { status: "final", body: "We support point (a)." });
  await writeTranslation(peruB!, { status: "final", body: "We propose removing the brackets.", proposedText: AMENDED_B, machineAssisted: true });
  await writeTranslation(peruGeneral!, { status: "final", body: "Peru welcomes the points." });
  const [moroccoA] = await writeRevision(c.consultationId, "MAR", "ar", [{ kind: "point", pointId: c.points["2(a)"]!, body: "يؤيد المغرب النقطة (أ)." }]);
  // France's first revision was translated; its second changed the wording.
  const [franceOld] = await writeRevision(c.consultationId, "FRA", "fr", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Ancienne version." }]);
  await writeTranslation(franceOld!, { status: "draft", body: "Old version." });
  const [franceA, franceProposal] = await writeRevision(c.consultationId, "FRA", "fr", [
    { kind: "point", pointId: c.points["2(a)"]!, body: "La France appuie le point (a) avec réserves." },
    { kind: "new_proposal", agendaItemId: c.items["2"]!, label: "(a)", body: "Nouvelle proposition de la France." },
  ]);
  await writeTranslation(franceA!, { status: "draft", body: "France supports point (a).", sourceBody: "La France appuie le point (a)." });
  const [usaB] = await writeRevision(c.consultationId, "USA", "en", [{ kind: "amendment", pointId: c.points["2(b)"]!, body: "", proposedText: AMENDED_B }]);
  await writeRevision(c.consultationId, "CHN", "zh", [{ kind: "point", pointId: c.points["2(a)"]!, body: "迟交的意见。" }], "pending");
  await writeRevision(c.consultationId, "RUS", "ru", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Отозвано." }], "withdrawn");
  await writeRevision(c.consultationId, "RUS", "ru", [{ kind: "point", pointId: c.points["2(b)"]!, body: "Черновик." }], "draft");
  return { c, ids: { peruGeneral, peruA, peruB, moroccoA, franceOld, franceA, franceProposal, usaB } };
}

describe("the side-by-side view", () => {
  it("shows each circulated point with every delegation's current comment, translation and status, then general comments and proposals", async () => {
    const { c, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    const page = (await getSideBySide(chair, c.consultationId, view({ item: "2" })))!;
    expect(page.item?.number).toBe("2");
    expect(page.points.map((p) => p.label)).toEqual(["(a)", "(b)"]);
    const [a, b] = page.points;
    expect(a!.text).toBe(POINT_TEXTS.a);
    // English alphabetical order: France, Morocco, Peru. China (pending) and Russia (withdrawn, draft) never.
    expect(a!.entries.map((e) => e.delegation.code)).toEqual(["FRA", "MAR", "PER"]);
    const byCode = Object.fromEntries(a!.entries.map((e) => [e.delegation.code, e]));
    expect(byCode.PER).toMatchObject({
      commentId: ids.peruA,
      language: "es",
      translationStatus: "final",
      translation: { body: "We support point (a).", machineAssisted: false },
    });
    expect(byCode.MAR).toMatchObject({ commentId: ids.moroccoA, language: "ar", translationStatus: "todo", translation: null });
    // France's current comment, not the superseded one; its translation is of an older wording.
    expect(byCode.FRA).toMatchObject({ commentId: ids.franceA, translationStatus: "outdated", revisionNumber: 2 });
    expect(b!.entries.map((e) => [e.delegation.code, e.kind])).toEqual([
      ["PER", "amendment"],
      ["USA", "amendment"],
    ]);
    const peruB = b!.entries[0]!;
    expect(peruB).toMatchObject({ proposedText: AMENDED_B, baseText: POINT_TEXTS.b, translation: { machineAssisted: true } });
    // An English comment needs no translation.
    expect(b!.entries[1]!.translationStatus).toBeNull();
    expect(page.general.map((e) => [e.delegation.code, e.translation?.body])).toEqual([["PER", "Peru welcomes the points."]]);
    expect(page.proposals.map((e) => [e.delegation.code, e.label, e.body])).toEqual([["FRA", "(a)", "Nouvelle proposition de la France."]]);
    expect(a!.summary).toMatchObject({ commented: 3, amended: 0 });
    expect(b!.summary).toMatchObject({ commented: 1, amended: 2 });
    // Who proposed to change the wording, in the page's order.
    expect(b!.summary.amendedBy.map((d) => d.code)).toEqual(["PER", "USA"]);
    expect(a!.summary.amendedBy).toEqual([]);
    const text = JSON.stringify(page);
    for (const hidden of ["迟交的意见", "Отозвано", "Черновик", "Ancienne version"]) expect(text).not.toContain(hidden);
  });

  it("orders delegations in English or by the reader's language", async () => {
    const { c } = await scenario();
    const officer = await userByEmail(OFFICER);
    const english = (await getSideBySide(officer, c.consultationId, view({ item: "2" })))!;
    expect(english.points[0]!.entries.map((e) => e.delegation.nameEn)).toEqual(["France", "Morocco", "Peru"]);
    // In Spanish: Francia, Marruecos, Perú (the same here); in Arabic: المغرب, بيرو, فرنسا.
    const arabic = (await getSideBySide(officer, c.consultationId, view({ item: "2", order: "reader", readerLanguage: "ar" })))!;
    expect(arabic.points[0]!.entries.map((e) => e.delegation.code)).toEqual(["MAR", "PER", "FRA"]);
    const chinese = (await getSideBySide(officer, c.consultationId, view({ item: "2", order: "reader", readerLanguage: "zh" })))!;
    const names = chinese.points[0]!.entries.map((e) => e.delegation.nameZh);
    expect(names).toEqual([...names].sort(new Intl.Collator("zh").compare));
  });

  it("filters by delegation, language, amendment, translation status, tag and point; the summary stays whole", async () => {
    const { c, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    const codes = async (filters: Partial<SideBySideFilters>) => {
      const page = (await getSideBySide(chair, c.consultationId, view({ item: "2", ...filters })))!;
      return page.points.map((p) => `${p.label}:${p.entries.map((e) => e.delegation.code).join(",")}`).join(" ");
    };
    expect(await codes({ delegation: "PER" })).toBe("(a):PER (b):PER");
    expect(await codes({ language: "ar" })).toBe("(a):MAR (b):");
    expect(await codes({ hasAmendment: true })).toBe("(a): (b):PER,USA");
    expect(await codes({ hasAmendment: false })).toBe("(a):FRA,MAR,PER (b):");
    expect(await codes({ translationStatus: "outdated" })).toBe("(a):FRA (b):");
    expect(await codes({ translationStatus: "todo" })).toBe("(a):MAR (b):");
    expect(await codes({ point: "(b)" })).toBe("(b):PER,USA");
    expect(await codes({ point: "b" })).toBe("(b):PER,USA");
    expect(await codes({ point: "(b)", delegation: "USA" })).toBe("(b):USA");

    await saveReview(chair, { consultationId: c.consultationId, commentId: ids.peruB!, tag: "proposes_amendment", note: "Mine only.", ipAddress: null });
    await saveReview(await userByEmail(OFFICER), { consultationId: c.consultationId, commentId: ids.moroccoA!, tag: "supports", note: null, ipAddress: null });
    expect(await codes({ tag: "proposes_amendment" })).toBe("(a): (b):PER");
    expect(await codes({ tag: "untagged" })).toBe("(a):FRA,PER (b):USA");
    const filtered = (await getSideBySide(chair, c.consultationId, view({ item: "2", delegation: "FRA" })))!;
    expect(filtered.points[0]!.summary).toMatchObject({ commented: 3, tags: { supports: 1 } });
    expect(filtered.points[0]!.total).toBe(3);
    // General comments and proposals follow the delegation filter; the point filter hides them.
    expect(filtered.general).toEqual([]);
    expect(filtered.proposals.map((e) => e.delegation.code)).toEqual(["FRA"]);
    expect((await getSideBySide(chair, c.consultationId, view({ item: "2", point: "(a)" })))!.general).toEqual([]);
  });

  it("counts distinct delegations per tag, shares tags, and keeps each note to its author", async () => {
    const { c, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    const officer = await userByEmail(OFFICER);
    await saveReview(chair, { consultationId: c.consultationId, commentId: ids.peruA!, tag: "supports", note: "Peru: a private thought.", ipAddress: null });
    await saveReview(officer, { consultationId: c.consultationId, commentId: ids.peruA!, tag: "supports", note: "Officer's note.", ipAddress: null });
    await saveReview(officer, { consultationId: c.consultationId, commentId: ids.moroccoA!, tag: "supports", note: null, ipAddress: null });
    await saveReview(officer, { consultationId: c.consultationId, commentId: ids.franceA!, tag: "needs_follow_up", note: null, ipAddress: null });
    const asChair = (await getSideBySide(chair, c.consultationId, view({ item: "2" })))!;
    const a = asChair.points[0]!;
    expect(a.summary.tags).toEqual({ supports: 2, proposes_amendment: 0, objects: 0, new_proposal: 0, general: 0, needs_follow_up: 1 });
    const peru = a.entries.find((e) => e.delegation.code === "PER")!;
    expect(peru.myReview).toEqual({ tag: "supports", note: "Peru: a private thought." });
    expect(peru.reviews.map((r) => [r.tag, r.own])).toEqual(
      [
        ["supports", false],
        ["supports", true],
      ].sort((x, y) => Number(x[1]) - Number(y[1])) as [string, boolean][],
    );
    expect(JSON.stringify(asChair)).not.toContain("Officer's note.");
    const asOfficer = (await getSideBySide(officer, c.consultationId, view({ item: "2" })))!;
    expect(JSON.stringify(asOfficer)).not.toContain("a private thought");
    expect(asOfficer.points[0]!.entries.find((e) => e.delegation.code === "PER")!.myReview?.note).toBe("Officer's note.");
  });

  it("is for the secretariat and the consultation's chairs only", async () => {
    const { c } = await scenario();
    expect(await getSideBySide(await userByEmail("peru@nonpaper.test"), c.consultationId, view())).toBeNull();
    expect(await getSideBySide(await userByEmail(await newChair()), c.consultationId, view())).toBeNull();
    expect(await getSideBySide(await userByEmail(OFFICER), "00000000-0000-4000-8000-000000000000", view())).toBeNull();
    expect(await getSideBySide(await userByEmail(OFFICER), "not-a-uuid", view())).toBeNull();
    // The default item is the first with points; an unknown one falls back to it.
    expect((await getSideBySide(await userByEmail(CHAIR), c.consultationId, view()))!.item?.number).toBe("2");
    expect((await getSideBySide(await userByEmail(CHAIR), c.consultationId, view({ item: "99" })))!.item?.number).toBe("2");
    expect((await getSideBySide(await userByEmail(CHAIR), c.consultationId, view({ item: "3" })))!.points.map((p) => p.label)).toEqual(["(a)"]);
  });
});

describe("the matrix", () => {
  it("marks each registered delegation × circulated point, with counts", async () => {
    const { c } = await scenario();
    const matrix = (await getMatrix(await userByEmail(CHAIR), c.consultationId))!;
    expect(matrix.groups.map((g) => [g.number, g.points.map((p) => p.label)])).toEqual([
      ["2", ["(a)", "(b)"]],
      ["3", ["(a)"]],
    ]);
    expect(Object.fromEntries(matrix.rows.map((r) => [r.delegation.code, [r.cells, r.count]]))).toEqual({
      CHN: ["---", 0],
      FRA: ["c--", 1],
      MAR: ["c--", 1],
      PER: ["cb-", 2],
      RUS: ["---", 0],
      USA: ["-a-", 1],
    });
    expect(matrix.rows.map((r) => r.delegation.code)).toEqual(["CHN", "FRA", "MAR", "PER", "RUS", "USA"]);
    expect(matrix.points.map((p) => [p.label, p.any, p.commented, p.amended])).toEqual([
      ["(a)", 3, 3, 0],
      ["(b)", 2, 1, 2],
      ["(a)", 0, 0, 0],
    ]);
    expect(matrix.totals).toEqual({ delegations: 6, responding: 4, represented: 0, points: 3 });
    expect(await getMatrix(await userByEmail("peru@nonpaper.test"), c.consultationId)).toBeNull();
    expect(await getMatrix(await userByEmail(await newChair()), c.consultationId)).toBeNull();
  });
});

describe("bounded queries", () => {
  it("reads the side-by-side and the matrix in a fixed number of queries at 40 delegations × 7 points", async () => {
    const db = await getDb();
    const codes = (await db.select({ code: schema.delegations.code }).from(schema.delegations).orderBy(schema.delegations.code))
      .slice(0, 40)
      .map((d) => d.code);
    const { consultationId } = await insertDraftConsultation(db, {
      agendaItems: [
        {
          number: "2",
          title: "Technical assistance",
          points: "abcdefg".split("").map((l) => ({ label: `(${l})`, text: `Point ${l}: States parties should cooperate.` })),
        },
      ],
      delegations: codes,
    });
    const officer = await userByEmail(OFFICER);
    const circulated = await circulateConsultation(officer, { consultationId, coveringNote: "Note.", baseUrl: BASE_URL });
    expect(circulated.ok).toBe(true);
    const points = await db
      .select({ id: schema.discussionPoints.id })
      .from(schema.discussionPoints)
      .innerJoin(schema.agendaItems, eq(schema.agendaItems.id, schema.discussionPoints.agendaItemId))
      .where(eq(schema.agendaItems.consultationId, consultationId));
    const [item] = await db.select({ id: schema.agendaItems.id }).from(schema.agendaItems).where(eq(schema.agendaItems.consultationId, consultationId));
    const context = { clientAddress: "127.0.0.1" };
    const measure = async () => {
      const side = await countQueries(() => getSideBySide(officer, consultationId, view({ item: "2" })));
      const matrix = await countQueries(() => getMatrix(officer, consultationId));
      // The pages' loaders as a request runs them (the session included), with a review form open.
      const sideRequest = await requestAs(
        OFFICER,
        `/consultations/${consultationId}/side-by-side?item=2&review=${side.result!.points[0]!.entries[0]?.commentId ?? ""}`,
      );
      const matrixRequest = await requestAs(OFFICER, `/consultations/${consultationId}/matrix?order=reader`);
      const sidePage = await countQueries(() => sideLoader({ request: sideRequest, params: { consultationId }, context }));
      const matrixPage = await countQueries(() => matrixLoader({ request: matrixRequest, params: { consultationId }, context }));
      return { side, matrix, sidePage, matrixPage };
    };
    const small = await measure();
    let written = 0;
    for (const [index, code] of codes.entries()) {
      const ids = await writeRevision(consultationId, code, index % 2 ? "fr" : "ar", [
        { kind: "general", agendaItemId: item!.id, body: `General ${code}` },
        ...points.map((p, n) =>
          n % 3 === 0
            ? ({ kind: "amendment", pointId: p.id, body: `Amend ${code}`, proposedText: `Point ${n}: States parties must cooperate.` } as const)
            : ({ kind: "point", pointId: p.id, body: `Comment ${code} ${n}` } as const),
        ),
      ]);
      for (const id of ids.slice(0, 4)) await writeTranslation(id, { status: "final", body: "Translated." });
      await saveReview(officer, { consultationId, commentId: ids[1]!, tag: "supports", note: null, ipAddress: null });
      written += ids.length;
    }
    expect(written).toBe(320);
    const large = await measure();
    expect(large.side.result!.points.flatMap((p) => p.entries)).toHaveLength(280);
    expect(large.side.result!.points[0]!.summary.tags.supports).toBe(40);
    expect(large.matrix.result!.rows.every((r) => r.count === 7)).toBe(true);
    // consultation, agenda items + points, comments + reviews: five; the matrix three (consultation,
    // points, delegations with their marks).
    expect(large.side.queries).toBe(5);
    expect(large.matrix.queries).toBe(3);
    expect(small.side.queries).toBe(large.side.queries);
    expect(small.matrix.queries).toBe(large.matrix.queries);
    // The loaders add only the session's statements, whatever the data.
    expect(large.sidePage.queries).toBe(small.sidePage.queries);
    expect(large.matrixPage.queries).toBe(small.matrixPage.queries);
    expect(large.sidePage.queries - large.side.queries).toBeLessThanOrEqual(2);
    expect(large.matrixPage.queries - large.matrix.queries).toBeLessThanOrEqual(2);
  });
});
