// Who speaks for whom, everywhere the comments are read (issue 19), on both databases: the
// side-by-side names a group's submission "Egypt on behalf of the Group of African States (5 States)"
// with its members on demand, its confirmed co-sponsors and the delegations aligned with it, and a
// delegation filter lists what speaks for that delegation; the matrix counts a point as addressed by
// every member, confirmed co-sponsor and aligned delegation, marked apart from their own comments;
// the CRP's data and model name the group, the co-sponsors and the aligned States. Withdrawn
// alignments and co-sponsorships, and unconfirmed co-sponsors, count for nothing. The query counts do
// not move with a group of 134 members and 20 alignments, and the HTML a group adds is measured.
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildCrpModel, crpToMarkdown } from "~/documents/crp";
import { createI18n } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { pageAttribution } from "~/lib/side-by-side";
import { attributionHtml, makeEntryWords, type Translate } from "~/lib/side-by-side-html";
import { circulateConsultation } from "~/models/circulation.server";
import { getMatrix, getSideBySide, type SideBySideFilters } from "~/models/consolidation.server";
import { forgetCrpPageWork, getCrpPage, loadCrpData } from "~/models/crp.server";
import MatrixPage, { loader as matrixLoader } from "~/routes/consultations.$consultationId.matrix";
import SideBySidePage, { loader as sideLoader } from "~/routes/consultations.$consultationId.side-by-side/route";
import { loader as exportLoader } from "~/routes/consultations.$consultationId_.exports.$file";
import { getDb, schema } from "~/utils/db.server";
import { makeChairOf, writeRevision } from "./consolidation-setup";
import { insertDraftConsultation } from "./fixtures";
import { BASE_URL, requestAs } from "./helpers";
import { renderRoute } from "./render-route";
import { countQueries, delegationIdOf, openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const CHAIR = "chair@nonpaper.test";
const context = { clientAddress: "127.0.0.1" };
const view = (overrides: Partial<SideBySideFilters> = {}): SideBySideFilters => ({ order: "en", readerLanguage: "en", ...overrides });

const GROUP_NAMES = {
  nameAr: "مجموعة الدول الأفريقية",
  nameZh: "非洲国家组",
  nameEn: "Group of African States",
  nameFr: "Groupe des États d'Afrique",
  nameRu: "Группа африканских государств",
  nameEs: "Grupo de los Estados de África",
  articleFr: "le",
  articleEs: "el",
};

let receipts = 0;

/** A group of the consultation with its members (by code). */
async function insertGroup(consultationId: string, code: string, members: string[]) {
  const db = await getDb();
  const [group] = await db
    .insert(schema.groups)
    .values({ consultationId, code, kind: "regional", ...GROUP_NAMES, membershipAsOf: "2026-01-01" })
    .returning({ id: schema.groups.id });
  const ids = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(inArray(schema.delegations.code, members));
  expect(ids).toHaveLength(members.length);
  await db.insert(schema.groupMembers).values(ids.map((d) => ({ groupId: group!.id, delegationId: d.id })));
  return group!.id;
}

async function submissionOf(consultationId: string, code: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: schema.submissions.id })
    .from(schema.submissions)
    .where(and(eq(schema.submissions.consultationId, consultationId), eq(schema.submissions.delegationId, await delegationIdOf(code))));
  return row!.id;
}

async function onBehalfOf(consultationId: string, code: string, groupId: string) {
  const db = await getDb();
  await db
    .update(schema.submissions)
    .set({ onBehalfOfGroupId: groupId })
    .where(eq(schema.submissions.id, await submissionOf(consultationId, code)));
}

async function align(consultationId: string, code: string, submissionId: string, withdrawn = false) {
  const db = await getDb();
  receipts += 1;
  await db.insert(schema.alignments).values({
    consultationId,
    delegationId: await delegationIdOf(code),
    submissionId,
    receiptNumber: `ALN-${code}-${Date.now().toString(36)}-${receipts}`,
    withdrawnAt: withdrawn ? new Date() : null,
  });
}

async function cosponsor(submissionId: string, code: string, state: "confirmed" | "invited" | "withdrawn") {
  const db = await getDb();
  await db.insert(schema.submissionCosponsors).values({
    submissionId,
    delegationId: await delegationIdOf(code),
    confirmedAt: state === "invited" ? null : new Date(),
    withdrawnAt: state === "withdrawn" ? new Date() : null,
  });
}

/**
 * Item 2 (a), (b) and item 3 (a). Egypt speaks on behalf of a group of five (Algeria, Egypt,
 * Morocco, Nigeria (not registered), Tunisia) on 2 (a) and amends 2 (b); Morocco also comments on 2 (a)
 * itself; France aligns itself with Egypt's submission, the Russian Federation did and withdrew.
 * The United States comments on 3 (a) jointly with China (confirmed), Peru (invited, not confirmed)
 * and the Russian Federation (confirmed, then withdrawn).
 */
async function scenario() {
  const c = await openConsultation({ delegations: ["PER", "MAR", "FRA", "CHN", "RUS", "USA", "EGY", "TUN", "DZA"] });
  await makeChairOf(c.consultationId);
  const groupId = await insertGroup(c.consultationId, "AFRICAN-T", ["DZA", "EGY", "MAR", "NGA", "TUN"]);
  const [egyptA, egyptB] = await writeRevision(c.consultationId, "EGY", "en", [
    { kind: "point", pointId: c.points["2(a)"]!, body: "The Group of African States supports point (a)." },
    { kind: "amendment", pointId: c.points["2(b)"]!, proposedText: "The Secretariat should provide technical assistance." },
  ]);
  await onBehalfOf(c.consultationId, "EGY", groupId);
  const [moroccoA] = await writeRevision(c.consultationId, "MAR", "en", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Morocco adds a word." }]);
  const egypt = await submissionOf(c.consultationId, "EGY");
  await align(c.consultationId, "FRA", egypt);
  await align(c.consultationId, "RUS", egypt, true);
  const [usa3] = await writeRevision(c.consultationId, "USA", "en", [{ kind: "point", pointId: c.points["3(a)"]!, body: "Jointly: share decisions." }]);
  const usa = await submissionOf(c.consultationId, "USA");
  await cosponsor(usa, "CHN", "confirmed");
  await cosponsor(usa, "PER", "invited");
  await cosponsor(usa, "RUS", "withdrawn");
  return { c, groupId, submissions: { egypt, usa }, ids: { egyptA: egyptA!, egyptB: egyptB!, moroccoA: moroccoA!, usa3: usa3! } };
}

function wordsIn(language: Language) {
  const i18n = createI18n(language);
  const t = i18n.getFixedT(language, ["consolidation", "common", "translations", "consultations"]) as unknown as Translate;
  return makeEntryWords(t, language);
}

describe("the side-by-side", () => {
  it("names the group with its size, its members, the aligned delegations and the confirmed co-sponsors", async () => {
    const { c, submissions, ids } = await scenario();
    const chair = await userByEmail(CHAIR);
    const page = (await getSideBySide(chair, c.consultationId, view({ item: "2" })))!;
    const [a, b] = page.points;
    expect(a!.entries.map((e) => e.delegation.code)).toEqual(["EGY", "MAR"]);
    const egyptA = a!.entries[0]!;
    expect(egyptA).toMatchObject({ commentId: ids.egyptA, submissionId: submissions.egypt });
    expect(b!.entries.map((e) => [e.delegation.code, e.submissionId])).toEqual([["EGY", submissions.egypt]]);
    // Sent once per submission, only for the entries listed: Morocco's own submission speaks for nobody else.
    expect(Object.keys(page.attributions)).toEqual([submissions.egypt]);
    const egypt = page.attributions[submissions.egypt]!;
    expect(egypt.group).toMatchObject({ code: "AFRICAN-T", nameEn: "Group of African States", articleFr: "le" });
    // Every member, the submitting delegation and an unregistered one included, in English order.
    expect(egypt.group!.members.map((m) => m.code)).toEqual(["DZA", "EGY", "MAR", "NGA", "TUN"]);
    // France aligned; the Russian Federation's alignment was withdrawn.
    expect(egypt.aligned.map((d) => d.code)).toEqual(["FRA"]);
    expect(egypt.cosponsors).toEqual([]);

    // In the reader's order: the members in Arabic alphabetical order.
    const arabic = (await getSideBySide(chair, c.consultationId, view({ item: "2", order: "reader", readerLanguage: "ar" })))!;
    const names = arabic.attributions[submissions.egypt]!.group!.members.map((m) => m.nameAr);
    expect(names).toEqual([...names].sort(new Intl.Collator("ar").compare));

    // Item 3: the United States with China, its one confirmed co-sponsor (Peru only invited, Russia withdrew).
    const item3 = (await getSideBySide(chair, c.consultationId, view({ item: "3" })))!;
    expect(item3.points[0]!.entries.map((e) => e.delegation.code)).toEqual(["USA"]);
    expect(item3.attributions[submissions.usa]).toMatchObject({ group: null, aligned: [] });
    expect(item3.attributions[submissions.usa]!.cosponsors.map((d) => d.code)).toEqual(["CHN"]);
  });

  it("lists, for one delegation, its own entries and those of the submissions that speak for it", async () => {
    const { c } = await scenario();
    const chair = await userByEmail(CHAIR);
    const codes = async (filters: Partial<SideBySideFilters>) => {
      const page = (await getSideBySide(chair, c.consultationId, view(filters)))!;
      return page.points.map((p) => `${p.label}:${p.entries.map((e) => e.delegation.code).join(",")}`).join(" ");
    };
    expect(await codes({ item: "2", delegation: "MAR" })).toBe("(a):EGY,MAR (b):EGY");
    expect(await codes({ item: "2", delegation: "TUN" })).toBe("(a):EGY (b):EGY");
    expect(await codes({ item: "2", delegation: "FRA" })).toBe("(a):EGY (b):EGY");
    expect(await codes({ item: "2", delegation: "RUS" })).toBe("(a): (b):");
    expect(await codes({ item: "3", delegation: "CHN" })).toBe("(a):USA");
    expect(await codes({ item: "3", delegation: "PER" })).toBe("(a):");
    // The delegation asked for is a choice of the filter even without a comment of its own.
    const tunisia = (await getSideBySide(chair, c.consultationId, view({ item: "2", delegation: "TUN" })))!;
    expect(tunisia.delegations.map((d) => d.code)).toEqual(["EGY", "MAR", "TUN"]);
  });

  it("renders the attribution in the page: the heading, the members on demand, the aligned delegations", async () => {
    const { c } = await scenario();
    const request = await requestAs(OFFICER, `/consultations/${c.consultationId}/side-by-side?item=2`);
    const loaderData = await sideLoader({ request, params: { consultationId: c.consultationId }, context });
    // The page's data carries the names in the reader's language only.
    expect(Object.values(loaderData.attributions)).toEqual([
      {
        group: { name: "Group of African States", article: null, size: 5, states: true, members: ["Algeria", "Egypt", "Morocco", "Nigeria", "Tunisia"] },
        cosponsors: [],
        aligned: ["France"],
      },
    ]);
    const html = await renderRoute(SideBySidePage, { url: `http://x/consultations/${c.consultationId}/side-by-side?item=2`, loaderData });
    expect(html).toContain(`-EGY-name"><bdi>Egypt</bdi> on behalf of the <bdi>Group of African States</bdi> (5 States)</h4>`);
    expect(html).toContain(
      `<div class="sbs-attribution"><details class="sbs-members"><summary>Members of the <bdi>Group of African States</bdi></summary><p class="sbs-members__list">Algeria, Egypt, Morocco, Nigeria and Tunisia</p></details><p class="sbs-attribution__line">Aligned with this submission: France</p></div>`,
    );
    // On both of Egypt's entries; Morocco's own entry reads as before.
    expect(html.match(/class="sbs-members"/g)).toHaveLength(2);
    expect(html).toContain(`-MAR-name">Morocco</h4>`);

    // The matrix's cell of Tunisia on 2 (b) leads here: Egypt's entry, which speaks for Tunisia, is its target.
    const search = `?item=2&point=b&delegation=TUN`;
    const tunisia = await sideLoader({
      request: await requestAs(OFFICER, `/consultations/${c.consultationId}/side-by-side${search}`),
      params: { consultationId: c.consultationId },
      context,
    });
    const targeted = await renderRoute(SideBySidePage, { url: `http://x/consultations/${c.consultationId}/side-by-side${search}`, loaderData: tunisia });
    expect(targeted).toMatch(/<article id="point-[^"]+-EGY" class="sbs-entry sbs-entry--target"/);
    expect(targeted).toContain("You followed a link to this entry.");

    const item3 = await sideLoader({
      request: await requestAs(OFFICER, `/consultations/${c.consultationId}/side-by-side?item=3`),
      params: { consultationId: c.consultationId },
      context,
    });
    const html3 = await renderRoute(SideBySidePage, { url: `http://x/consultations/${c.consultationId}/side-by-side?item=3`, loaderData: item3 });
    expect(html3).toContain(`-USA-name">United States of America</h4>`);
    expect(html3).toContain(`<div class="sbs-attribution"><p class="sbs-attribution__line">Jointly with China</p></div>`);
  });

  it("says it in the reader's language, with the group's article and the plural of its size", () => {
    const attribution = {
      group: { ...GROUP_NAMES, members: [{ ...GROUP_NAMES, nameEn: "Egypt", nameFr: "Égypte", kind: "member_state" }] },
      cosponsors: [],
      aligned: [],
    };
    const heading = (language: Language, size: number, delegation: string) => {
      const members = Array.from({ length: size }, () => attribution.group.members[0]!);
      const html = attributionHtml(pageAttribution({ ...attribution, group: { ...attribution.group, members } }, language), delegation, wordsIn(language));
      return html.heading.replace(/<\/?bdi>/g, "");
    };
    expect(heading("en", 54, "Egypt")).toBe("Egypt on behalf of the Group of African States (54 States)");
    expect(heading("en", 1, "Egypt")).toBe("Egypt on behalf of the Group of African States (1 State)");
    expect(heading("fr", 54, "Égypte")).toBe("Égypte, au nom du Groupe des États d&#x27;Afrique (54 États)");
    expect(heading("es", 54, "Egipto")).toBe("Egipto, en nombre del Grupo de los Estados de África (54 Estados)");
    expect(heading("ru", 54, "Египет")).toBe("Египет от имени группы «Группа африканских государств» (54 государства)");
    expect(heading("ru", 134, "Египет")).toBe("Египет от имени группы «Группа африканских государств» (134 государства)");
    expect(heading("ru", 25, "Египет")).toBe("Египет от имени группы «Группа африканских государств» (25 государств)");
    expect(heading("ar", 54, "مصر")).toBe("مصر باسم مجموعة الدول الأفريقية (54 دولة)");
    expect(heading("zh", 54, "埃及")).toBe("埃及代表非洲国家组（54个国家）");
    // A group with an organization among its members counts members, not States.
    const eu = pageAttribution(
      {
        ...attribution,
        group: {
          ...attribution.group,
          nameEn: "European Union and its member States",
          members: [{ ...GROUP_NAMES, kind: "regional_economic_integration_organization" }],
        },
      },
      "en",
    );
    expect(attributionHtml(eu, "France", wordsIn("en")).heading.replace(/<\/?bdi>/g, "")).toBe(
      "France on behalf of the European Union and its member States (1 member)",
    );
  });
});

describe("the matrix", () => {
  it("counts a point as addressed by every member, confirmed co-sponsor and aligned delegation, marked apart from their own comments", async () => {
    const { c } = await scenario();
    const matrix = (await getMatrix(await userByEmail(CHAIR), c.consultationId))!;
    expect(Object.fromEntries(matrix.rows.map((r) => [r.delegation.code, [r.cells, r.count, r.through]]))).toEqual({
      CHN: ["--j", 0, 1],
      DZA: ["jj-", 0, 2],
      EGY: ["ca-", 2, 0],
      FRA: ["ll-", 0, 2],
      MAR: ["cj-", 1, 1],
      PER: ["---", 0, 0],
      RUS: ["---", 0, 0],
      TUN: ["jj-", 0, 2],
      USA: ["--c", 1, 0],
    });
    expect(matrix.points.map((p) => [p.label, p.any, p.commented, p.amended, p.joint, p.aligned])).toEqual([
      ["(a)", 2, 2, 0, 2, 1],
      ["(b)", 1, 0, 1, 3, 1],
      ["(a)", 1, 1, 0, 1, 0],
    ]);
    expect(matrix.totals).toEqual({ delegations: 9, responding: 3, represented: 4, points: 3 });
  });

  it("shows the marks, the legend and both counts in the page, and both in the Excel export", async () => {
    const { c } = await scenario();
    const request = await requestAs(OFFICER, `/consultations/${c.consultationId}/matrix`);
    const loaderData = await matrixLoader({ request, params: { consultationId: c.consultationId }, context });
    const html = await renderRoute(MatrixPage, { url: `http://x/consultations/${c.consultationId}/matrix`, loaderData });
    // Tunisia's cell on 2 (b) leads to the side-by-side filtered on Tunisia, which lists Egypt's entry.
    expect(html).toContain(
      `<a class="j" href="side-by-side?item=2&amp;point=b&amp;delegation=TUN"><span class="v">through its group or as a co-sponsor</span></a>`,
    );
    expect(html).toContain(
      `<a class="l" href="side-by-side?item=2&amp;point=a&amp;delegation=FRA"><span class="v">aligned itself with a submission</span></a>`,
    );
    expect(html).toContain(
      `<td class="mx-count">1<span class="mx-through"> +1<span class="v"> through a group, co-sponsorship or alignment</span></span></td>`,
    );
    expect(html).toContain("matrix-symbol--j");
    expect(html).toContain("Delegations that addressed points only through a group, co-sponsorship or alignment: 4.");
    expect(html).toMatch(/<th scope="row">Through a group, co-sponsorship or alignment<\/th><td>3<\/td><td>4<\/td><td>1<\/td><td class="mx-count">4<\/td>/);
  });
});

describe("the exports for the meeting", () => {
  async function sheet(consultationId: string, file: string, search = "") {
    const request = await requestAs(OFFICER, `/consultations/${consultationId}/exports/${file}${search}`);
    const response = (await exportLoader({ request, params: { consultationId, file }, context })) as unknown as Response;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  it("name the group, the co-sponsors and the aligned delegations in the side-by-side's delegation column", async () => {
    const { c } = await scenario();
    const item2 = await sheet(c.consultationId, "side-by-side.xlsx", "?item=2");
    expect(item2.filter((row) => row[0] === "(a)").map((row) => row[1])).toEqual([
      "Egypt on behalf of the Group of African States (5 States)\nAligned with this submission: France",
      "Morocco",
    ]);
    const item3 = await sheet(c.consultationId, "side-by-side.xlsx", "?item=3");
    expect(item3.find((row) => row[0] === "(a)")![1]).toBe("United States of America\nJointly with China");
  });

  it("write the matrix's marks through others, each delegation's two counts and the points' two totals", async () => {
    const { c } = await scenario();
    const rows = await sheet(c.consultationId, "matrix.xlsx");
    expect(rows[2]).toEqual(["Delegation", "2 (a)", "2 (b)", "3 (a)", "Points addressed", "Points through a group, co-sponsorship or alignment"]);
    const byName = Object.fromEntries(rows.slice(3).map((row) => [row[0], row.slice(1)]));
    expect(byName.Tunisia).toEqual(["through its group or as a co-sponsor", "through its group or as a co-sponsor", "", 0, 2]);
    expect(byName.France).toEqual(["aligned itself with a submission", "aligned itself with a submission", "", 0, 2]);
    expect(byName.Morocco).toEqual(["commented", "through its group or as a co-sponsor", "", 1, 1]);
    expect(rows.at(-2)).toEqual(["Delegations that addressed the point", 2, 1, 1]);
    expect(rows.at(-1)).toEqual(["Delegations that addressed the point only through a group, co-sponsorship or alignment", 3, 4, 1]);
  });
});

describe("the CRP", () => {
  it("reads the group, the confirmed co-sponsors and the aligned delegations with each submission, and phrases them", async () => {
    const { c } = await scenario();
    const data = (await loadCrpData(await getDb(), c.consultationId, { issuedOn: "2026-12-08" }))!;
    const byCode = Object.fromEntries(data.delegations.map((d) => [d.code, d]));
    expect(byCode.EGY).toMatchObject({
      onBehalfOf: { code: "AFRICAN-T", name: "Group of African States" },
      aligned: [{ code: "FRA", name: "France", kind: "member_state" }],
    });
    expect("cosponsors" in byCode.EGY!).toBe(false);
    expect(byCode.USA).toMatchObject({ cosponsors: [{ code: "CHN", name: "China", kind: "member_state" }] });
    expect("aligned" in byCode.USA! || "onBehalfOf" in byCode.USA!).toBe(false);
    // A delegation's own submission: no new field, so its data (and digest) read as before.
    expect(Object.keys(byCode.MAR!).sort()).toEqual(["code", "comments", "kind", "language", "name", "participation", "timeliness"]);

    const built = buildCrpModel(data, { final: false });
    if (!built.ok) throw new Error("a draft always compiles");
    const markdown = crpToMarkdown(built.model);
    expect(markdown).toContain(
      "#### Submitted by Egypt on behalf of the Group of African States\n\nThe following State aligned itself with the submission: France.",
    );
    expect(markdown).toContain("#### Submitted by United States of America and China\n");
    expect(markdown).toContain("#### Morocco\n");
    expect(built.model.introduction.paragraphs.find((p) => p.key === "received")!.text).toBe(
      "By the deadline, written comments had been received from the following States parties: Egypt (on behalf of the Group of African States), Morocco and United States of America (jointly with China).",
    );
  });

  it("sees a new alignment at the next view of the CRP page", async () => {
    const { c, submissions } = await scenario();
    const officer = await userByEmail(OFFICER);
    forgetCrpPageWork();
    const first = await countQueries(() => getCrpPage(officer, c.consultationId));
    expect(first.queries).toBe(7);
    expect((await countQueries(() => getCrpPage(officer, c.consultationId))).queries).toBe(2);
    await align(c.consultationId, "TUN", submissions.egypt);
    const after = await countQueries(() => getCrpPage(officer, c.consultationId));
    expect(after.queries).toBe(7);
    expect(crpToMarkdown(after.result!.preview!)).toContain("The following States aligned themselves with the submission: France and Tunisia.");
    // Withdrawing a co-sponsorship is seen too.
    const db = await getDb();
    await db.update(schema.submissionCosponsors).set({ withdrawnAt: new Date() }).where(eq(schema.submissionCosponsors.submissionId, submissions.usa));
    const withdrawn = await countQueries(() => getCrpPage(officer, c.consultationId));
    expect(withdrawn.queries).toBe(7);
    expect(crpToMarkdown(withdrawn.result!.preview!)).toContain("#### United States of America\n");
  });
});

describe("at scale", () => {
  it("reads the side-by-side and the matrix in the same number of queries with a group of 134 members and 20 alignments; measures the HTML a group adds", async () => {
    const db = await getDb();
    const all = (await db.select({ code: schema.delegations.code }).from(schema.delegations).orderBy(schema.delegations.code)).map((d) => d.code);
    expect(all.length).toBeGreaterThanOrEqual(160);
    const codes = ["EGY", ...all.filter((code) => code !== "EGY")].slice(0, 160);
    const { consultationId } = await insertDraftConsultation(db, {
      agendaItems: [{ number: "2", title: "Technical assistance", points: "abcdefg".split("").map((l) => ({ label: `(${l})`, text: `Point ${l}.` })) }],
      delegations: codes,
    });
    const officer = await userByEmail(OFFICER);
    expect((await circulateConsultation(officer, { consultationId, coveringNote: "Note.", baseUrl: BASE_URL })).ok).toBe(true);
    const points = await db
      .select({ id: schema.discussionPoints.id })
      .from(schema.discussionPoints)
      .innerJoin(schema.agendaItems, eq(schema.agendaItems.id, schema.discussionPoints.agendaItemId))
      .where(eq(schema.agendaItems.consultationId, consultationId));
    // Egypt and ten others comment on every point.
    for (const code of codes.slice(0, 11)) {
      await writeRevision(
        consultationId,
        code,
        "en",
        points.map((p, n) => ({ kind: "point", pointId: p.id, body: `Comment of ${code} on point ${n}.` }) as const),
      );
    }
    const measure = async () => {
      const side = await countQueries(() => getSideBySide(officer, consultationId, view({ item: "2" })));
      const matrix = await countQueries(() => getMatrix(officer, consultationId));
      const sideRequest = await requestAs(OFFICER, `/consultations/${consultationId}/side-by-side?item=2`);
      const sidePage = await countQueries(() => sideLoader({ request: sideRequest, params: { consultationId }, context }));
      const matrixRequest = await requestAs(OFFICER, `/consultations/${consultationId}/matrix`);
      const matrixPage = await countQueries(() => matrixLoader({ request: matrixRequest, params: { consultationId }, context }));
      const html = await renderRoute(SideBySidePage, { url: `http://x/consultations/${consultationId}/side-by-side?item=2`, loaderData: sidePage.result });
      return { side, matrix, sidePage, matrixPage, html };
    };
    const before = await measure();

    // The Group of 77 and China's size: Egypt and 133 others; 20 more delegations align with Egypt.
    const members = codes.slice(0, 134);
    const groupId = await insertGroup(consultationId, "G134", members);
    await onBehalfOf(consultationId, "EGY", groupId);
    const egypt = await submissionOf(consultationId, "EGY");
    for (const code of codes.slice(134, 154)) await align(consultationId, code, egypt);
    const after = await measure();

    expect(before.side.queries).toBe(5);
    expect(before.matrix.queries).toBe(3);
    expect(after.side.queries).toBe(before.side.queries);
    expect(after.matrix.queries).toBe(before.matrix.queries);
    expect(after.sidePage.queries).toBe(before.sidePage.queries);
    expect(after.matrixPage.queries).toBe(before.matrixPage.queries);

    const matrix = after.matrix.result!;
    const row = (code: string) => matrix.rows.find((r) => r.delegation.code === code)!;
    expect(row("EGY").cells).toBe("ccccccc");
    // Members that commented themselves keep their own mark; the others are marked through the group.
    expect(row(codes[1]!).cells).toBe("ccccccc");
    expect(row(codes[20]!)).toMatchObject({ cells: "jjjjjjj", count: 0, through: 7 });
    expect(row(codes[140]!)).toMatchObject({ cells: "lllllll", count: 0, through: 7 });
    expect(row(codes[155]!)).toMatchObject({ cells: "-------", count: 0, through: 0 });
    expect(matrix.points[0]).toMatchObject({ any: 11, commented: 11, joint: 123, aligned: 20 });
    expect(matrix.totals).toMatchObject({ responding: 11, represented: 143 });

    // What the group adds to the page: its attribution once per submission in the data, and per entry
    // (Egypt's seven) the heading and the members on demand as one list.
    const added = after.html.length - before.html.length;
    const perEntry = Math.round(added / 7);
    const attribution = Object.values(after.sidePage.result.attributions)[0]!;
    expect(attribution.group!.members).toHaveLength(134);
    const english = attributionHtml(attribution, "Egypt", wordsIn("en"));
    const englishBytes = Buffer.byteLength(english.heading + english.details);
    const dataAdded = JSON.stringify(after.sidePage.result).length - JSON.stringify(before.sidePage.result).length;
    const arabicData = (await db.select({ name: schema.delegations.nameAr }).from(schema.delegations).where(inArray(schema.delegations.code, members))).map(
      (d) => d.name,
    );
    const arabic = attributionHtml(
      { group: { name: GROUP_NAMES.nameAr, article: null, size: 134, states: true, members: arabicData }, cosponsors: [], aligned: [] },
      "مصر",
      wordsIn("ar"),
    );
    const arabicBytes = Buffer.byteLength(arabic.heading + arabic.details);
    console.info(
      `[attribution] 134 members, 20 aligned: +${added} characters of side-by-side HTML for 7 entries (${perEntry} per entry); ` +
        `one entry's attribution ${englishBytes} bytes in English, ${arabicBytes} in Arabic; page ${before.html.length} → ${after.html.length} characters; ` +
        `page data +${dataAdded} characters (the attribution once)`,
    );
    // A compact list: under 4 KB an entry in English, 8 KB in Arabic (two bytes a letter).
    expect(perEntry).toBeLessThan(4_000);
    expect(englishBytes).toBeLessThan(4_000);
    // In the page's data the members are sent once (names in the reader's language), not per entry.
    expect(dataAdded).toBeLessThan(4_000);
    expect(arabicBytes).toBeLessThan(8_000);
    // The members are listed once per entry, never one element per member.
    expect(after.html.match(/class="sbs-members__list"/g)).toHaveLength(7);
    expect(after.html.match(/<li\b/g)?.length ?? 0).toBe(before.html.match(/<li\b/g)?.length ?? 0);
  }, 120_000);
});
