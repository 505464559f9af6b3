// Dispositions set in Excel and imported back (issue 18): the real comment-resolution table
// downloaded through the exports route as a chair, cells changed with exceljs as an officer changes
// them in Excel, uploaded to the import page, previewed and confirmed through the page's action as
// the browser posts it. All rows or none, one audit entry, the Arabic byte for byte; who may.
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { saveDisposition } from "~/models/disposition.server";
import DispositionImportPage, { action, loader } from "~/routes/consultations.$consultationId.dispositions_.import";
import { loader as exportLoader } from "~/routes/consultations.$consultationId_.exports.$file";
import { getDb, schema } from "~/utils/db.server";
import { makeChairOf, newChair, writeRevision, writeTranslation } from "./consolidation-setup";
import { outcome, requestAs, statusOf } from "./helpers";
import { renderRoute } from "./render-route";
import { openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const CHAIR = "chair@nonpaper.test";
const OFFICER = "secretariat@nonpaper.test";
const PERU = "peru@nonpaper.test";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const context = { clientAddress: "127.0.0.1" };
const ARABIC = "أُدرجت الفقرة (ب) في التنقيح الأول،\nمع حذف الأقواس المعقوفة «كما اقتُرح».";
const MOROCCO_BEFORE = "Outside the mandate of the Working Group.";

async function scenario() {
  const c = await openConsultation();
  await makeChairOf(c.consultationId);
  const [peruA, peruB] = await writeRevision(c.consultationId, "PER", "es", [
    { kind: "point", pointId: c.points["2(a)"]!, body: "Apoyamos el punto (a)." },
    { kind: "amendment", pointId: c.points["2(b)"]!, body: "", proposedText: "The Secretariat should provide technical assistance." },
  ]);
  await writeTranslation(peruA!, { status: "final", body: "We support point (a)." });
  const [moroccoA] = await writeRevision(c.consultationId, "MAR", "ar", [{ kind: "point", pointId: c.points["2(a)"]!, body: "يؤيد المغرب النقطة." }]);
  const [franceOld] = await writeRevision(c.consultationId, "FRA", "fr", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Première version." }]);
  const [franceNew] = await writeRevision(c.consultationId, "FRA", "fr", [{ kind: "point", pointId: c.points["2(a)"]!, body: "Deuxième version." }]);
  const other = await openConsultation({ receiptPrefix: `OTHER-${Date.now().toString(36)}` });
  const [otherComment] = await writeRevision(other.consultationId, "PER", "es", [{ kind: "point", pointId: other.points["2(a)"]!, body: "Otra consulta." }]);
  // A disposition recorded on the side-by-side before the file is downloaded.
  const chair = await userByEmail(CHAIR);
  await saveDisposition(chair, { consultationId: c.consultationId, commentId: moroccoA!, disposition: "not_reflected", observation: MOROCCO_BEFORE });
  return {
    c,
    chair,
    ids: { peruA: peruA!, peruB: peruB!, moroccoA: moroccoA!, franceOld: franceOld!, franceNew: franceNew!, otherComment: otherComment! },
  };
}

/** The comment-resolution table as a chair downloads it. */
async function download(consultationId: string, email = CHAIR): Promise<Uint8Array> {
  const request = await requestAs(email, `/consultations/${consultationId}/exports/comment-resolution.xlsx`);
  const response = (await exportLoader({ request, params: { consultationId, file: "comment-resolution.xlsx" }, context })) as unknown as Response;
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

type Sheet = {
  book: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  rowOf: (commentId: string) => ExcelJS.Row;
  columns: { disposition: number; observation: number; id: number };
};

/** The table opened as Excel opens it: its rows found by the hidden id column, its two columns by their headings. */
async function open(bytes: Uint8Array): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const heading = (sheet.getRow(3).values as unknown[]).map((value) => String(value ?? ""));
  const columns = { disposition: heading.indexOf("Disposition"), observation: heading.indexOf("Observations of the Secretariat"), id: heading.indexOf("id") };
  expect(Object.values(columns).every((column) => column > 0)).toBe(true);
  const rowOf = (commentId: string) => {
    let found: ExcelJS.Row | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(columns.id).value === commentId) found = row;
    });
    if (!found) throw new Error(`no row for ${commentId}`);
    return found;
  };
  return { book, sheet, rowOf, columns };
}

const save = async (sheet: Sheet) => new Uint8Array(await sheet.book.xlsx.writeBuffer());

async function run(kind: "loader" | "action", email: string | null, consultationId: string, init: RequestInit = {}) {
  const request = await requestAs(email, `/consultations/${consultationId}/dispositions/import`, init);
  const args = { request, params: { consultationId }, context };
  return outcome(async () => (kind === "loader" ? loader(args) : action(args)) as Promise<unknown>);
}

type Change = {
  rowNumber: number;
  commentId: string;
  delegation: string;
  item: string | null;
  kind: string;
  label: string | null;
  from: { disposition: string | null; observation: string | null };
  to: { disposition: string | null; observation: string | null };
  before: string;
};
type Answer =
  | { step: "upload"; problems: { message: string; values: Record<string, string | number> }[]; total: number }
  | { step: "review"; filename: string; changes: Change[]; unchanged: number }
  | { step: "done"; saved: number };

async function answerOf(result: { thrown: unknown } | { value: unknown }, email = CHAIR): Promise<{ status: number; data: Answer }> {
  if ("thrown" in result) throw new Error(`the action threw ${statusOf(result.thrown)}`);
  // Saved: a redirect back to the page, whose notice (a cookie) says how many were saved.
  if (result.value instanceof Response) {
    const response = result.value;
    const path = response.headers.get("Location")!;
    const request = await requestAs(email, path);
    request.headers.set("Cookie", `${request.headers.get("Cookie")}; ${response.headers.get("Set-Cookie")!.split(";")[0]}`);
    const consultationId = path.split("/")[2]!;
    const page = (await loader({ request, params: { consultationId }, context })) as { imported: { count: number } | null };
    return { status: response.status, data: { step: "done", saved: page.imported!.count } };
  }
  const value = result.value as { data: Answer; init: { status?: number } | null };
  return { status: value.init?.status ?? 200, data: value.data };
}

/** Step 1 as the browser sends it: the intent, then the file. */
async function upload(consultationId: string, bytes: Uint8Array, email = CHAIR, name = "comment-resolution.xlsx", type = XLSX) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new File([new Uint8Array(bytes)], name, { type }));
  return answerOf(await run("action", email, consultationId, { method: "POST", body: form }), email ?? CHAIR);
}

const HIDDEN = /<input type="hidden" name="(\w+)" value="([^"]*)"\/>/g;
const unescape = (text: string) =>
  text.replace(
    /&(?:quot|amp|lt|gt|#x27|#39|#10|#13);/g,
    (entity) => ({ "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#x27;": "'", "&#39;": "'", "&#10;": "\n", "&#13;": "\r" })[entity]!,
  );

/** Step 2 as the browser sends it: the confirmation form's hidden fields, read from the rendered review page. */
async function confirmFromPage(consultationId: string, review: Answer, email = CHAIR) {
  const loaded = await run("loader", email, consultationId);
  const html = await renderRoute(DispositionImportPage, {
    url: `http://x/consultations/${consultationId}/dispositions/import`,
    loaderData: (loaded as { value: unknown }).value,
    actionData: review,
  });
  const form = html.slice(html.lastIndexOf("<form", html.indexOf('class="disposition-import__confirm"')));
  const body = new URLSearchParams();
  for (const [, name, value] of form.matchAll(HIDDEN)) body.append(name!, unescape(value!));
  expect(body.get("intent")).toBe("confirm");
  return answerOf(await run("action", email, consultationId, { method: "POST", body }), email ?? CHAIR);
}

async function dispositionsOf(commentIds: string[]) {
  const db = await getDb();
  const rows = await db.select().from(schema.commentDispositions).where(inArray(schema.commentDispositions.commentId, commentIds));
  return new Map(rows.map((row) => [row.commentId, row]));
}

async function auditOf(consultationId: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), inArray(schema.auditLog.action, ["disposition.import", "disposition.save"])))
    .orderBy(schema.auditLog.id);
}

describe("importing dispositions from the comment-resolution table", () => {
  it("saves the dispositions set in Excel, labels in any language, the Arabic observations byte for byte, with one audit entry", async () => {
    const { c, chair, ids } = await scenario();
    const sheet = await open(await download(c.consultationId));
    const { disposition, observation } = sheet.columns;
    // A French label typed into the English table, an Arabic observation, a disposition taken back.
    sheet.rowOf(ids.peruA).getCell(disposition).value = "Prise en compte en partie";
    sheet.rowOf(ids.peruB).getCell(disposition).value = "Reflected";
    sheet.rowOf(ids.peruB).getCell(observation).value = ARABIC;
    sheet.rowOf(ids.moroccoA).getCell(disposition).value = null;
    sheet.rowOf(ids.moroccoA).getCell(observation).value = null;
    const peruBRow = sheet.rowOf(ids.peruB).number;
    const auditBefore = (await auditOf(c.consultationId)).length;

    const preview = await upload(c.consultationId, await save(sheet));
    expect(preview.status).toBe(200);
    if (preview.data.step !== "review") throw new Error(JSON.stringify(preview.data));
    expect(preview.data.unchanged).toBe(1);
    expect(preview.data.filename).toBe("comment-resolution.xlsx");
    const byId = new Map(preview.data.changes.map((change) => [change.commentId, change]));
    expect([...byId.keys()].sort()).toEqual([ids.peruA, ids.peruB, ids.moroccoA].sort());
    expect(byId.get(ids.peruB)).toMatchObject({
      rowNumber: peruBRow,
      delegation: "Peru",
      item: "2",
      kind: "amendment",
      label: "(b)",
      from: { disposition: null, observation: null },
      to: { disposition: "reflected", observation: ARABIC },
    });
    expect(byId.get(ids.moroccoA)).toMatchObject({
      from: { disposition: "not_reflected", observation: MOROCCO_BEFORE },
      to: { disposition: null, observation: null },
    });
    // Previewing saves nothing.
    expect((await dispositionsOf([ids.peruA, ids.peruB])).size).toBe(0);
    expect(await auditOf(c.consultationId)).toHaveLength(auditBefore);

    const done = await confirmFromPage(c.consultationId, preview.data);
    expect(done).toEqual({ status: 302, data: { step: "done", saved: 3 } });
    const saved = await dispositionsOf([ids.peruA, ids.peruB, ids.moroccoA, ids.franceNew]);
    expect(saved.get(ids.peruA)).toMatchObject({ disposition: "partly_reflected", observation: null, decidedBy: chair.id });
    expect(saved.get(ids.peruB)).toMatchObject({ disposition: "reflected", decidedBy: chair.id });
    expect(Buffer.from(saved.get(ids.peruB)!.observation!, "utf8").equals(Buffer.from(ARABIC, "utf8"))).toBe(true);
    expect(saved.has(ids.moroccoA)).toBe(false);
    expect(saved.has(ids.franceNew)).toBe(false);

    // One entry for the whole file, none per row, without the observations' text.
    const entries = (await auditOf(c.consultationId)).slice(auditBefore);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "disposition.import",
      actorId: chair.id,
      entityType: "consultation",
      entityId: c.consultationId,
      ipAddress: "127.0.0.1",
      details: { rows: 3, changed: 3, set: 2, cleared: 1, unchanged: 0, observations: 2, delegations: ["MAR", "PER"] },
    });
    expect(JSON.stringify(entries[0]!.details)).not.toContain("الفقرة");

    // The same confirmation again (a reload): everything is already as asked, nothing written.
    const again = await confirmFromPage(c.consultationId, preview.data);
    expect(again.data).toEqual({ step: "done", saved: 0 });
    expect((await auditOf(c.consultationId)).slice(auditBefore)).toHaveLength(1);
  });

  it("exports, then imports the unchanged file: nothing changes", async () => {
    const { c, ids } = await scenario();
    await saveDisposition(await userByEmail(OFFICER), { consultationId: c.consultationId, commentId: ids.peruB, disposition: "noted", observation: ARABIC });
    const before = await dispositionsOf([ids.peruA, ids.peruB, ids.moroccoA, ids.franceNew]);
    const preview = await upload(c.consultationId, await download(c.consultationId));
    expect(preview).toEqual({ status: 200, data: { step: "review", filename: "comment-resolution.xlsx", changes: [], unchanged: 4 } });
    const html = await renderRoute(DispositionImportPage, {
      url: `http://x/consultations/${c.consultationId}/dispositions/import`,
      loaderData: ((await run("loader", CHAIR, c.consultationId)) as { value: unknown }).value,
      actionData: preview.data,
    });
    expect(html).toContain("The file changes nothing");
    expect(html).not.toContain('class="disposition-import__confirm"');
    expect(await dispositionsOf([ids.peruA, ids.peruB, ids.moroccoA, ids.franceNew])).toEqual(before);

    // Downloaded in Arabic (the labels in Arabic): the same.
    const arabic = await requestAs(CHAIR, `/consultations/${c.consultationId}/exports/comment-resolution.xlsx?lng=ar`);
    const response = (await exportLoader({
      request: arabic,
      params: { consultationId: c.consultationId, file: "comment-resolution.xlsx" },
      context,
    })) as unknown as Response;
    const fromArabic = await upload(c.consultationId, new Uint8Array(await response.arrayBuffer()));
    expect(fromArabic.data).toMatchObject({ step: "review", changes: [], unchanged: 4 });
  });

  it("changes nothing when one row is wrong, and names the row", async () => {
    const { c, ids } = await scenario();
    const sheet = await open(await download(c.consultationId));
    sheet.rowOf(ids.peruA).getCell(sheet.columns.disposition).value = "Reflected";
    sheet.rowOf(ids.peruB).getCell(sheet.columns.disposition).value = "Reflectd";
    sheet.rowOf(ids.franceNew).getCell(sheet.columns.observation).value = "Reflected as \u202Egnorw\u202C proposed.";
    const auditBefore = (await auditOf(c.consultationId)).length;
    const answer = await upload(c.consultationId, await save(sheet));
    expect(answer.status).toBe(400);
    expect(answer.data).toEqual({
      step: "upload",
      total: 2,
      problems: [
        {
          message: "consolidation:dispositionImport.errors.unknownDisposition",
          values: {
            row: sheet.rowOf(ids.peruB).number,
            value: "Reflectd",
            choices: "Reflected, Partly reflected, Not reflected, Noted, Superseded by another proposal, Withdrawn",
          },
        },
        { message: "consolidation:dispositionImport.errors.observationInvalid", values: { row: sheet.rowOf(ids.franceNew).number } },
      ].sort((a, b) => a.values.row - b.values.row),
    });
    expect((await dispositionsOf([ids.peruA, ids.peruB])).size).toBe(0);
    expect(await auditOf(c.consultationId)).toHaveLength(auditBefore);

    // The page says it in the reader's language.
    const html = await renderRoute(DispositionImportPage, {
      url: `http://x/consultations/${c.consultationId}/dispositions/import`,
      loaderData: ((await run("loader", CHAIR, c.consultationId)) as { value: unknown }).value,
      actionData: answer.data,
      language: "fr",
    });
    expect(html).toContain("Rien n’a été enregistré.");
    expect(html).toMatch(/Ligne \d+\u00A0: «\u00A0<bdi>Reflectd<\/bdi>\u00A0» n’est pas une suite donnée\./);
  });

  it("refuses a comment of another consultation, and one that a new revision replaced", async () => {
    const { c, ids } = await scenario();
    const sheet = await open(await download(c.consultationId));
    const peruA = sheet.rowOf(ids.peruA);
    const franceNew = sheet.rowOf(ids.franceNew);
    peruA.getCell(sheet.columns.disposition).value = "Noted";
    peruA.getCell(sheet.columns.id).value = ids.otherComment;
    franceNew.getCell(sheet.columns.disposition).value = "Noted";
    franceNew.getCell(sheet.columns.id).value = ids.franceOld;
    sheet.rowOf(ids.peruB).getCell(sheet.columns.disposition).value = "Noted";
    const answer = await upload(c.consultationId, await save(sheet));
    expect(answer.status).toBe(400);
    expect(answer.data.step === "upload" && answer.data.problems.map((p) => [p.message, p.values.row]).sort()).toEqual(
      [
        ["consolidation:dispositionImport.errors.notFound", peruA.number],
        ["consolidation:dispositionImport.errors.notFound", franceNew.number],
      ].sort(),
    );
    expect((await dispositionsOf([ids.otherComment, ids.franceOld, ids.peruB])).size).toBe(0);
  });

  it("refuses a confirmation when someone changed a disposition since the preview, and saves none of it", async () => {
    const { c, ids } = await scenario();
    const sheet = await open(await download(c.consultationId));
    sheet.rowOf(ids.peruA).getCell(sheet.columns.disposition).value = "Reflected";
    sheet.rowOf(ids.moroccoA).getCell(sheet.columns.disposition).value = "Noted";
    const preview = await upload(c.consultationId, await save(sheet));
    expect(preview.data.step).toBe("review");
    // Meanwhile the secretariat records another disposition for Morocco's comment on the side-by-side.
    await saveDisposition(await userByEmail(OFFICER), {
      consultationId: c.consultationId,
      commentId: ids.moroccoA,
      disposition: "withdrawn",
      observation: null,
    });
    const refused = await confirmFromPage(c.consultationId, preview.data);
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      step: "upload",
      problems: [{ message: "consolidation:dispositionImport.errors.changedMeanwhile", values: { row: sheet.rowOf(ids.moroccoA).number } }],
    });
    const saved = await dispositionsOf([ids.peruA, ids.moroccoA]);
    expect(saved.has(ids.peruA)).toBe(false);
    expect(saved.get(ids.moroccoA)).toMatchObject({ disposition: "withdrawn" });
  });

  it("checks the confirmed changes again on the server: a forged disposition or observation is refused", async () => {
    const { c, ids } = await scenario();
    const body = (disposition: string, observation: string) =>
      new URLSearchParams([
        ["intent", "confirm"],
        ["row", "4"],
        ["id", ids.peruA],
        ["disposition", disposition],
        ["observation", observation],
        ["before", ""],
      ]);
    for (const [disposition, observation, error] of [
      ["approved", "", "unknownDisposition"],
      ["noted", "x".repeat(2_001), "observationTooLong"],
      ["", "Alone.", "observationWithoutDisposition"],
    ] as const) {
      const answer = await answerOf(await run("action", CHAIR, c.consultationId, { method: "POST", body: body(disposition, observation) }));
      expect(answer.data, error).toMatchObject({ step: "upload", problems: [{ message: `consolidation:dispositionImport.errors.${error}` }] });
    }
    // Fields out of step: a forged request.
    const forged = new URLSearchParams([
      ["intent", "confirm"],
      ["row", "4"],
    ]);
    expect(statusOf(((await run("action", CHAIR, c.consultationId, { method: "POST", body: forged })) as { thrown: unknown }).thrown)).toBe(400);
    expect((await dispositionsOf([ids.peruA])).size).toBe(0);
  });

  it("refuses what is not an Excel workbook, with a message in the reader's language", async () => {
    const { c } = await scenario();
    const text = await upload(c.consultationId, new TextEncoder().encode("id;disposition\n"), CHAIR, "dispositions.csv", "text/csv");
    expect(text).toEqual({
      status: 400,
      data: {
        step: "upload",
        total: 1,
        problems: [{ message: "consolidation:dispositionImport.errors.notXlsx", values: { maxMegabytes: 10, maxUnpackedMegabytes: 50 } }],
      },
    });
    const html = await renderRoute(DispositionImportPage, {
      url: `http://x/consultations/${c.consultationId}/dispositions/import`,
      loaderData: ((await run("loader", CHAIR, c.consultationId)) as { value: unknown }).value,
      actionData: text.data,
      language: "es",
    });
    expect(html).toContain("Este archivo no es un libro de Excel (.xlsx).");

    // No file at all.
    const none = new FormData();
    none.append("intent", "preview");
    expect((await answerOf(await run("action", CHAIR, c.consultationId, { method: "POST", body: none }))).data).toMatchObject({
      problems: [{ message: "consolidation:dispositionImport.errors.fileRequired" }],
    });
  });

  it("is for the secretariat and the consultation's chairs: 403 to delegates, 404 to another chair, the sign-in page to anyone signed out", async () => {
    const { c, ids } = await scenario();
    const otherChair = await newChair();
    const status = (result: { thrown: unknown } | { value: unknown }) => ("thrown" in result ? statusOf(result.thrown) : 200);
    const post = () => {
      const form = new FormData();
      form.append("intent", "preview");
      return { method: "POST", body: form };
    };
    for (const [email, expected] of [
      [null, 302],
      [PERU, 403],
      [otherChair, 404],
      [CHAIR, 200],
      [OFFICER, 200],
    ] as const) {
      expect(status(await run("loader", email, c.consultationId)), `${email} GET`).toBe(expected);
      const posted = await run("action", email, c.consultationId, post());
      expect("thrown" in posted ? statusOf(posted.thrown) : 200, `${email} POST`).toBe(expected === 200 ? 200 : expected);
    }
    expect(status(await run("loader", CHAIR, "not-a-uuid"))).toBe(404);
    // A delegate's confirmation never reaches the model.
    const forged = new URLSearchParams([
      ["intent", "confirm"],
      ["row", "4"],
      ["id", ids.peruA],
      ["disposition", "noted"],
      ["observation", ""],
      ["before", ""],
    ]);
    expect(statusOf(((await run("action", PERU, c.consultationId, { method: "POST", body: forged })) as { thrown: unknown }).thrown)).toBe(403);
    expect((await dispositionsOf([ids.peruA])).size).toBe(0);

    // The page: the upload form, and the table to download.
    const html = await renderRoute(DispositionImportPage, {
      url: `http://x/consultations/${c.consultationId}/dispositions/import`,
      loaderData: ((await run("loader", OFFICER, c.consultationId)) as { value: unknown }).value,
    });
    expect(html).toMatch(/<form method="post" [^>]*encType="multipart\/form-data"/);
    expect(html).toContain(`href="/consultations/${c.consultationId}/exports/comment-resolution.xlsx"`);
  });
});
