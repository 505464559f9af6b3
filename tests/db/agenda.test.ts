import { and, asc, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  createAgendaItem,
  createPoint,
  deleteAgendaItem,
  deletePoint,
  getAgendaForEditor,
  importAgendaItems,
  moveAgendaItem,
  movePoint,
  relabelPoint,
  updateAgendaItem,
} from "~/models/agenda.server";
import { getPointHistory, revisePoint } from "~/models/point.server";
import { getUserById } from "~/models/user.server";
import { action as editorAction, loader as editorLoader } from "~/routes/consultations.$consultationId.agenda";
import { action as importAction, loader as importLoader } from "~/routes/consultations.$consultationId.agenda_.import";
import { extractSection } from "~/lib/point-import";
import { getDb, schema } from "~/utils/db.server";
import { readReferenceReport } from "../../db/files";
import { insertDraftConsultation } from "./fixtures";
import { consultationIdByPrefix, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { noticeFor, noticeOf, withCookie } from "./notices";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const SECRETARIAT = "secretariat@nonpaper.test";
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;
const secretariat = () => userByEmail(SECRETARIAT);

async function draft(items: { number: string | null; title: string; points: { label: string; text: string }[] }[] = []) {
  const db = await getDb();
  return insertDraftConsultation(db, { agendaItems: items });
}

const threeItems = [
  {
    number: "2",
    title: "Two",
    points: [
      { label: "(a)", text: "A." },
      { label: "(b)", text: "B." },
      { label: "(c)", text: "C." },
    ],
  },
  { number: "3", title: "Three", points: [] },
  { number: "4", title: "Four", points: [{ label: "(a)", text: "Four A." }] },
];

async function itemRows(consultationId: string) {
  const db = await getDb();
  return db
    .select({ id: schema.agendaItems.id, title: schema.agendaItems.title, position: schema.agendaItems.position })
    .from(schema.agendaItems)
    .where(eq(schema.agendaItems.consultationId, consultationId))
    .orderBy(asc(schema.agendaItems.position));
}

async function pointRows(agendaItemId: string) {
  const db = await getDb();
  return db
    .select({ id: schema.discussionPoints.id, label: schema.discussionPoints.label, position: schema.discussionPoints.position })
    .from(schema.discussionPoints)
    .where(eq(schema.discussionPoints.agendaItemId, agendaItemId))
    .orderBy(asc(schema.discussionPoints.position));
}

async function auditActions(consultationId: string) {
  const db = await getDb();
  const rows = await db
    .select({ action: schema.auditLog.action, details: schema.auditLog.details, actorId: schema.auditLog.actorId })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.consultationId, consultationId))
    .orderBy(asc(schema.auditLog.id));
  return rows;
}

async function counts(consultationId: string) {
  const db = await getDb();
  const [items] = await db.select({ n: count() }).from(schema.agendaItems).where(eq(schema.agendaItems.consultationId, consultationId));
  const [points] = await db
    .select({ n: count() })
    .from(schema.discussionPoints)
    .innerJoin(schema.agendaItems, eq(schema.agendaItems.id, schema.discussionPoints.agendaItemId))
    .where(eq(schema.agendaItems.consultationId, consultationId));
  return { items: items!.n, points: points!.n };
}

async function setStatus(consultationId: string, status: "draft" | "open" | "closed" | "compiled") {
  const db = await getDb();
  await db.update(schema.consultations).set({ status }).where(eq(schema.consultations.id, consultationId));
}

const dense = (rows: { position: number }[]) => rows.map((r) => r.position);

describe("agenda items (model)", () => {
  it("adds, edits, moves and deletes items, keeping positions dense, each change audited", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    const created = await createAgendaItem(user, { consultationId, number: "5", heading: "D", title: "Five", introduction: null });
    expect(created.ok).toBe(true);
    let rows = await itemRows(consultationId);
    expect(rows.map((r) => r.title)).toEqual(["Two", "Three", "Four", "Five"]);
    expect(dense(rows)).toEqual([0, 1, 2, 3]);

    const five = rows[3]!.id;
    expect(await moveAgendaItem(user, { consultationId, agendaItemId: five, direction: "up" })).toEqual({ ok: true, id: five });
    expect(await moveAgendaItem(user, { consultationId, agendaItemId: five, direction: "up" })).toEqual({ ok: true, id: five });
    rows = await itemRows(consultationId);
    expect(rows.map((r) => r.title)).toEqual(["Two", "Five", "Three", "Four"]);
    expect(dense(rows)).toEqual([0, 1, 2, 3]);
    expect(await moveAgendaItem(user, { consultationId, agendaItemId: rows[0]!.id, direction: "up" })).toEqual({ ok: false, reason: "at_edge" });
    expect(await moveAgendaItem(user, { consultationId, agendaItemId: rows[3]!.id, direction: "down" })).toEqual({ ok: false, reason: "at_edge" });

    const updated = await updateAgendaItem(user, {
      consultationId,
      agendaItemId: five,
      number: "6",
      heading: "D",
      title: "Six",
      introduction: "The Working Group recommended:",
    });
    expect(updated.ok).toBe(true);

    // Deleting "Two" takes its three points and their versions with it; the rest close up.
    const two = rows[0]!.id;
    expect((await deleteAgendaItem(user, { consultationId, agendaItemId: two })).ok).toBe(true);
    rows = await itemRows(consultationId);
    expect(rows.map((r) => r.title)).toEqual(["Six", "Three", "Four"]);
    expect(dense(rows)).toEqual([0, 1, 2]);
    expect(await counts(consultationId)).toEqual({ items: 3, points: 1 });

    const audit = await auditActions(consultationId);
    expect(audit.map((a) => a.action)).toEqual(["agenda_item.create", "agenda_item.move", "agenda_item.move", "agenda_item.update", "agenda_item.delete"]);
    expect(audit.every((a) => a.actorId === user.id)).toBe(true);
    expect(audit[1]!.details).toEqual({ from: 4, to: 3 });
    expect(audit[3]!.details).toEqual({
      changes: {
        number: { from: "5", to: "6" },
        title: { from: "Five", to: "Six" },
        introduction: { from: null, to: "The Working Group recommended:" },
      },
    });
    expect(audit[4]!.details).toMatchObject({ number: "2", title: "Two", points: ["(a)", "(b)", "(c)"] });
  });

  it("keeps positions dense when officers move and add at the same moment (the consultation row is locked)", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    const ids = (await itemRows(consultationId)).map((r) => r.id);
    await Promise.all([
      moveAgendaItem(user, { consultationId, agendaItemId: ids[2]!, direction: "up" }),
      moveAgendaItem(user, { consultationId, agendaItemId: ids[0]!, direction: "down" }),
      moveAgendaItem(user, { consultationId, agendaItemId: ids[1]!, direction: "down" }),
      createAgendaItem(user, { consultationId, number: null, heading: null, title: "Added", introduction: null }),
      createAgendaItem(user, { consultationId, number: null, heading: null, title: "Added too", introduction: null }),
    ]);
    const rows = await itemRows(consultationId);
    expect(dense(rows)).toEqual([0, 1, 2, 3, 4]);
    expect(rows.map((r) => r.title).sort()).toEqual(["Added", "Added too", "Four", "Three", "Two"]);
  });

  it("refuses a number another item already has", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    expect(await createAgendaItem(user, { consultationId, number: "3", heading: null, title: "X", introduction: null })).toEqual({
      ok: false,
      reason: "number_taken",
      number: "3",
    });
    const [first] = await itemRows(consultationId);
    expect(
      await updateAgendaItem(user, { consultationId, agendaItemId: first!.id, number: "4", heading: null, title: "Two", introduction: null }),
    ).toMatchObject({ ok: false, reason: "number_taken" });
    // Its own number, and no number at all, are fine.
    expect(
      (await updateAgendaItem(user, { consultationId, agendaItemId: first!.id, number: "2", heading: null, title: "Two bis", introduction: null })).ok,
    ).toBe(true);
    expect((await createAgendaItem(user, { consultationId, number: null, heading: null, title: "General", introduction: null })).ok).toBe(true);
    expect(await counts(consultationId)).toEqual({ items: 4, points: 4 });
  });
});

describe("discussion points (model)", () => {
  it("adds, relabels, moves and deletes points, keeping positions dense, each change audited", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    const [two] = await itemRows(consultationId);
    const created = await createPoint(user, { consultationId, agendaItemId: two!.id, label: "(d)", text: "D [pending]." });
    expect(created.ok).toBe(true);
    const d = created.ok ? created.id : "";
    const history = await getPointHistory(user, consultationId, d);
    expect(history!.versions.map((v) => [v.versionNumber, v.source, v.text])).toEqual([[1, "non_paper", "D [pending]."]]);

    expect(await createPoint(user, { consultationId, agendaItemId: two!.id, label: "(a)", text: "Again." })).toEqual({
      ok: false,
      reason: "label_taken",
    });
    let points = await pointRows(two!.id);
    const [a, b, c] = points;
    expect(await relabelPoint(user, { consultationId, pointId: c!.id, label: "(b)" })).toEqual({ ok: false, reason: "label_taken" });
    expect((await relabelPoint(user, { consultationId, pointId: c!.id, label: "(c bis)" })).ok).toBe(true);

    expect((await movePoint(user, { consultationId, pointId: d, direction: "up" })).ok).toBe(true);
    expect((await movePoint(user, { consultationId, pointId: a!.id, direction: "down" })).ok).toBe(true);
    expect(await movePoint(user, { consultationId, pointId: b!.id, direction: "up" })).toEqual({ ok: false, reason: "at_edge" });
    points = await pointRows(two!.id);
    expect(points.map((p) => p.label)).toEqual(["(b)", "(a)", "(d)", "(c bis)"]);
    expect(dense(points)).toEqual([0, 1, 2, 3]);

    expect((await deletePoint(user, { consultationId, pointId: a!.id })).ok).toBe(true);
    points = await pointRows(two!.id);
    expect(points.map((p) => p.label)).toEqual(["(b)", "(d)", "(c bis)"]);
    expect(dense(points)).toEqual([0, 1, 2]);

    const audit = await auditActions(consultationId);
    expect(audit.map((x) => x.action)).toEqual(["point.create", "point.relabel", "point.move", "point.move", "point.delete"]);
    expect(audit[1]!.details).toEqual({ from: "(c)", to: "(c bis)" });
    // The deleted wording stays in the log.
    expect(audit[4]!.details).toMatchObject({ label: "(a)", text: "A." });
  });

  it("the editor lists items and points in order with their current version, in a fixed number of queries", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    const [two] = await itemRows(consultationId);
    const [, b] = await pointRows(two!.id);
    await revisePoint(user, { consultationId, pointId: b!.id, text: "B revised.", basedOnVersion: 1 });
    await movePoint(user, { consultationId, pointId: b!.id, direction: "up" });
    const agenda = await getAgendaForEditor(user, consultationId);
    expect(agenda!.agendaItems.map((i) => [i.number, i.points.map((p) => [p.label, p.text, p.versionNumber])])).toEqual([
      [
        "2",
        [
          ["(b)", "B revised.", 2],
          ["(a)", "A.", 1],
          ["(c)", "C.", 1],
        ],
      ],
      ["3", []],
      ["4", [["(a)", "Four A.", 1]]],
    ]);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(await getAgendaForEditor(await userByEmail(email), consultationId), email).toBeNull();
    }
  });

  it("never touches another consultation's items or points", async () => {
    const { consultationId } = await draft(threeItems);
    const other = await draft(threeItems);
    const user = await secretariat();
    const [foreignItem] = await itemRows(other.consultationId);
    const [foreignPoint] = await pointRows(foreignItem!.id);
    const attempts = [
      moveAgendaItem(user, { consultationId, agendaItemId: foreignItem!.id, direction: "down" }),
      deleteAgendaItem(user, { consultationId, agendaItemId: foreignItem!.id }),
      updateAgendaItem(user, { consultationId, agendaItemId: foreignItem!.id, number: null, heading: null, title: "X", introduction: null }),
      createPoint(user, { consultationId, agendaItemId: foreignItem!.id, label: "(z)", text: "X." }),
      relabelPoint(user, { consultationId, pointId: foreignPoint!.id, label: "(z)" }),
      movePoint(user, { consultationId, pointId: foreignPoint!.id, direction: "down" }),
      deletePoint(user, { consultationId, pointId: foreignPoint!.id }),
      revisePoint(user, { consultationId, pointId: foreignPoint!.id, text: "X.", basedOnVersion: 1 }),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toEqual({ ok: false, reason: "not_found" });
    expect(await counts(other.consultationId)).toEqual({ items: 3, points: 4 });
    expect(await auditActions(other.consultationId)).toEqual([]);
  });

  it("does nothing for a chair or a delegate", async () => {
    const { consultationId } = await draft(threeItems);
    const [two] = await itemRows(consultationId);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const user = await userByEmail(email);
      expect(await createAgendaItem(user, { consultationId, number: null, heading: null, title: "X", introduction: null })).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect(await createPoint(user, { consultationId, agendaItemId: two!.id, label: "(z)", text: "X." })).toEqual({ ok: false, reason: "not_found" });
      expect(await importAgendaItems(user, { consultationId, items: [{ number: null, heading: null, title: "X", introduction: null, points: [] }] })).toEqual({
        ok: false,
        reason: "not_found",
      });
    }
    expect(await counts(consultationId)).toEqual({ items: 3, points: 4 });
  });
});

describe("after circulation", () => {
  it("refuses every structural change once the consultation is open, closed or compiled", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    const [two] = await itemRows(consultationId);
    const [a] = await pointRows(two!.id);
    for (const status of ["open", "closed", "compiled"] as const) {
      await setStatus(consultationId, status);
      const results = await Promise.all([
        createAgendaItem(user, { consultationId, number: null, heading: null, title: "X", introduction: null }),
        updateAgendaItem(user, { consultationId, agendaItemId: two!.id, number: "9", heading: null, title: "X", introduction: null }),
        moveAgendaItem(user, { consultationId, agendaItemId: two!.id, direction: "down" }),
        deleteAgendaItem(user, { consultationId, agendaItemId: two!.id }),
        createPoint(user, { consultationId, agendaItemId: two!.id, label: "(z)", text: "X." }),
        relabelPoint(user, { consultationId, pointId: a!.id, label: "(z)" }),
        movePoint(user, { consultationId, pointId: a!.id, direction: "down" }),
        deletePoint(user, { consultationId, pointId: a!.id }),
        importAgendaItems(user, { consultationId, items: [{ number: null, heading: null, title: "X", introduction: null, points: [] }] }),
      ]);
      for (const result of results) expect(result, status).toEqual({ ok: false, reason: "wrong_status" });
    }
    expect(await counts(consultationId)).toEqual({ items: 3, points: 4 });
    expect((await itemRows(consultationId)).map((r) => r.title)).toEqual(["Two", "Three", "Four"]);
    expect(await auditActions(consultationId)).toEqual([]);
  });

  it("a revision is wording for the non-paper while draft, a revision after circulation, and refused once compiled", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    const [two] = await itemRows(consultationId);
    const [a] = await pointRows(two!.id);
    expect(await revisePoint(user, { consultationId, pointId: a!.id, text: "A for the non-paper.", basedOnVersion: 1 })).toEqual({
      ok: true,
      versionNumber: 2,
    });
    await setStatus(consultationId, "open");
    expect((await revisePoint(user, { consultationId, pointId: a!.id, text: "A revised.", basedOnVersion: 2 })).ok).toBe(true);
    await setStatus(consultationId, "closed");
    expect((await revisePoint(user, { consultationId, pointId: a!.id, text: "A revised again.", basedOnVersion: 3 })).ok).toBe(true);
    await setStatus(consultationId, "compiled");
    expect(await revisePoint(user, { consultationId, pointId: a!.id, text: "Too late.", basedOnVersion: 4 })).toEqual({
      ok: false,
      reason: "wrong_status",
    });
    const history = await getPointHistory(user, consultationId, a!.id);
    expect(history!.versions.map((v) => [v.versionNumber, v.source, v.authorName])).toEqual([
      [1, "draft_report", expect.any(String)],
      [2, "non_paper", user.name],
      [3, "revision", user.name],
      [4, "revision", user.name],
    ]);
    const audit = await auditActions(consultationId);
    expect(audit.map((x) => [x.action, x.details])).toEqual([
      ["point.revise", { versionNumber: 2, basedOnVersion: 1 }],
      ["point.revise", { versionNumber: 3, basedOnVersion: 2 }],
      ["point.revise", { versionNumber: 4, basedOnVersion: 3 }],
    ]);
  });
});

describe("import (model)", () => {
  const imported = [
    {
      number: "5",
      heading: "A",
      title: "Updating the legislative records",
      introduction: null,
      points: [
        { label: "(a)", text: "States should update." },
        { label: "(b)", text: "UNODC should develop a plan." },
      ],
    },
    { number: null, heading: "B", title: "Other matters", introduction: "The Working Group recommended:", points: [{ label: "(a)", text: "Other." }] },
    { number: "6", heading: "C", title: "Empty", introduction: null, points: [] },
  ];

  it("appends items after the existing ones, points as version 1 from the draft report, with one audit entry", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    expect(await importAgendaItems(user, { consultationId, items: imported, ipAddress: "10.0.0.1" })).toEqual({ ok: true, items: 3, points: 3 });
    const agenda = await getAgendaForEditor(user, consultationId);
    expect(agenda!.agendaItems.map((i) => [i.number, i.heading, i.title, i.introduction, i.points.map((p) => [p.label, p.text, p.versionNumber])])).toEqual([
      [
        "2",
        null,
        "Two",
        null,
        [
          ["(a)", "A.", 1],
          ["(b)", "B.", 1],
          ["(c)", "C.", 1],
        ],
      ],
      ["3", null, "Three", null, []],
      ["4", null, "Four", null, [["(a)", "Four A.", 1]]],
      [
        "5",
        "A",
        "Updating the legislative records",
        null,
        [
          ["(a)", "States should update.", 1],
          ["(b)", "UNODC should develop a plan.", 1],
        ],
      ],
      [null, "B", "Other matters", "The Working Group recommended:", [["(a)", "Other.", 1]]],
      ["6", "C", "Empty", null, []],
    ]);
    expect(dense(await itemRows(consultationId))).toEqual([0, 1, 2, 3, 4, 5]);
    const history = await getPointHistory(user, consultationId, agenda!.agendaItems[3]!.points[1]!.id);
    expect(history!.versions.map((v) => [v.source, v.authorName])).toEqual([["draft_report", user.name]]);
    const db = await getDb();
    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, "agenda.import")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, entityId: consultationId, details: { items: 3, points: 3 }, ipAddress: "10.0.0.1" });
  });

  it("saves nothing at all when one point cannot be stored", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    // PostgreSQL refuses a NUL character in text: the last statement fails after the items and
    // points were inserted, and the whole import must roll back.
    const broken = [imported[0]!, { ...imported[1]!, points: [{ label: "(a)", text: "Bad \u0000 text." }] }];
    const result = await outcome(() => importAgendaItems(user, { consultationId, items: broken }));
    expect("thrown" in result).toBe(true);
    expect(await counts(consultationId)).toEqual({ items: 3, points: 4 });
    expect(await auditActions(consultationId)).toEqual([]);
  });

  it("refuses a number already in use, and duplicate labels within an item", async () => {
    const { consultationId } = await draft(threeItems);
    const user = await secretariat();
    expect(await importAgendaItems(user, { consultationId, items: [{ ...imported[0]!, number: "4" }] })).toEqual({
      ok: false,
      reason: "number_taken",
      number: "4",
    });
    const twice = { ...imported[0]!, points: [imported[0]!.points[0]!, imported[0]!.points[0]!] };
    expect(await importAgendaItems(user, { consultationId, items: [twice] })).toEqual({ ok: false, reason: "label_taken" });
    expect(await counts(consultationId)).toEqual({ items: 3, points: 4 });
  });
});

// ---------------------------------------------------------------------------------------------
// Routes, called as Remix calls them

const post = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });
const thrownStatus = (result: { thrown: unknown } | { value: unknown }) => statusOf("thrown" in result ? result.thrown : result.value);

async function callEditorLoader(email: string, consultationId: string, query = "", cookie?: string) {
  const path = `/consultations/${consultationId}/agenda${query}`;
  return outcome(async () => {
    const request = await requestAs(email, path);
    return editorLoader({ request: cookie ? withCookie(request, cookie) : request, params: { consultationId }, context });
  });
}

async function callEditor(email: string, consultationId: string, fields: Record<string, string>) {
  const path = `/consultations/${consultationId}/agenda`;
  return outcome(async () => editorAction({ request: await requestAs(email, path, post(fields)), params: { consultationId }, context }));
}

async function callImport(email: string, consultationId: string, fields: Record<string, string>) {
  const path = `/consultations/${consultationId}/agenda/import`;
  return outcome(async () => importAction({ request: await requestAs(email, path, post(fields)), params: { consultationId }, context }));
}

describe("agenda editor page", () => {
  it("loader: 403 for the chair and delegates, 404 for a malformed or unknown id, the agenda for the secretariat", async () => {
    const { consultationId } = await draft(threeItems);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(thrownStatus(await callEditorLoader(email, consultationId)), email).toBe(403);
    }
    for (const id of ["not-a-uuid", UNKNOWN]) expect(thrownStatus(await callEditorLoader(SECRETARIAT, id)), id).toBe(404);
    const done = await noticeFor(`/consultations/${consultationId}/agenda`, { kind: "agenda.done", intent: "point.move" });
    const page = await callEditorLoader(SECRETARIAT, consultationId, "?focus=javascript:alert(1)", done);
    const value = (page as { value: Awaited<ReturnType<typeof editorLoader>> }).value;
    expect(value.canEditStructure).toBe(true);
    expect(value.done).toEqual({ kind: "agenda.done", intent: "point.move" });
    expect(value.focus).toBeNull();
    // A notice left for another page is not this page's.
    const elsewhere = await noticeFor(`/consultations/${consultationId}/crp`, { kind: "agenda.done", intent: "point.move" });
    const other = (await callEditorLoader(SECRETARIAT, consultationId, "", elsewhere)) as { value: Awaited<ReturnType<typeof editorLoader>> };
    expect(other.value.done).toBeNull();
    expect(value.agendaItems.map((i) => i.suggestedLabel)).toEqual(["(d)", "(a)", "(b)"]);
  });

  it("loader: after circulation, only revisions; once compiled, nothing", async () => {
    const id2020 = await consultationIdByPrefix("CTOC-2020");
    const open = (await callEditorLoader(SECRETARIAT, id2020)) as { value: Awaited<ReturnType<typeof editorLoader>> };
    expect([open.value.canEditStructure, open.value.canRevise]).toEqual([false, true]);
    const { consultationId } = await draft(threeItems);
    await setStatus(consultationId, "compiled");
    const compiled = (await callEditorLoader(SECRETARIAT, consultationId)) as { value: Awaited<ReturnType<typeof editorLoader>> };
    expect([compiled.value.canEditStructure, compiled.value.canRevise]).toEqual([false, false]);
  });

  it("action: 403 for the chair and delegates, for every intent, and nothing changes", async () => {
    const { consultationId } = await draft(threeItems);
    const [two] = await itemRows(consultationId);
    const [a] = await pointRows(two!.id);
    const forms: Record<string, string>[] = [
      { intent: "item.create", title: "X" },
      { intent: "item.update", agendaItemId: two!.id, title: "X" },
      { intent: "item.move", agendaItemId: two!.id, direction: "down" },
      { intent: "item.delete", agendaItemId: two!.id },
      { intent: "point.create", agendaItemId: two!.id, label: "(z)", text: "X." },
      { intent: "point.relabel", pointId: a!.id, label: "(z)" },
      { intent: "point.move", pointId: a!.id, direction: "down" },
      { intent: "point.delete", pointId: a!.id },
      { intent: "point.revise", pointId: a!.id, text: "X.", basedOnVersion: "1" },
    ];
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      for (const fields of forms) expect(thrownStatus(await callEditor(email, consultationId, fields)), `${email} ${fields.intent}`).toBe(403);
    }
    expect(await counts(consultationId)).toEqual({ items: 3, points: 4 });
    expect(await auditActions(consultationId)).toEqual([]);
  });

  it("action: 404 for malformed ids, unknown consultations and another consultation's point; 400 for an unknown intent", async () => {
    const { consultationId } = await draft(threeItems);
    const other = await draft(threeItems);
    const [foreignItem] = await itemRows(other.consultationId);
    const [foreignPoint] = await pointRows(foreignItem!.id);
    const cases: [string, Record<string, string>][] = [
      ["not-a-uuid", { intent: "item.create", title: "X" }],
      [UNKNOWN, { intent: "item.create", title: "X" }],
      [consultationId, { intent: "item.move", agendaItemId: "1; drop table", direction: "up" }],
      [consultationId, { intent: "point.delete" }],
      [consultationId, { intent: "item.delete", agendaItemId: foreignItem!.id }],
      [consultationId, { intent: "point.delete", pointId: foreignPoint!.id }],
      [consultationId, { intent: "point.relabel", pointId: foreignPoint!.id, label: "(z)" }],
      [consultationId, { intent: "point.revise", pointId: foreignPoint!.id, text: "X.", basedOnVersion: "1" }],
      [consultationId, { intent: "point.create", agendaItemId: foreignItem!.id, label: "(z)", text: "X." }],
    ];
    for (const [id, fields] of cases) expect(thrownStatus(await callEditor(SECRETARIAT, id, fields)), JSON.stringify(fields)).toBe(404);
    expect(thrownStatus(await callEditor(SECRETARIAT, consultationId, { intent: "point.explode" }))).toBe(400);
    expect(await counts(other.consultationId)).toEqual({ items: 3, points: 4 });
  });

  it("action: bad input comes back with the typed values and localized keys, and changes nothing", async () => {
    const { consultationId } = await draft(threeItems);
    const [two] = await itemRows(consultationId);
    const result = await callEditor(SECRETARIAT, consultationId, { intent: "point.create", agendaItemId: two!.id, label: "(d)", text: "   " });
    const answer = (result as { value: { data: { formKey: string; result: { initialValue: unknown; error: unknown } }; init: { status: number } } }).value;
    expect(answer.init.status).toBe(400);
    expect(answer.data.formKey).toBe(`point-create-${two!.id}`);
    expect(answer.data.result.error).toEqual({ text: ["agenda:errors.textRequired"] });
    expect(answer.data.result.initialValue).toMatchObject({ label: "(d)" });
    const taken = await callEditor(SECRETARIAT, consultationId, { intent: "point.create", agendaItemId: two!.id, label: "(a)", text: "Again." });
    const takenAnswer = (taken as { value: { data: { result: { error: unknown } }; init: { status: number } } }).value;
    expect(takenAnswer.init.status).toBe(409);
    expect(takenAnswer.data.result.error).toEqual({ label: ["agenda:errors.labelTaken"] });
    expect(await counts(consultationId)).toEqual({ items: 3, points: 4 });
  });

  it("action: a change redirects back with a confirmation and the element to focus", async () => {
    const { consultationId } = await draft(threeItems);
    const [two] = await itemRows(consultationId);
    const [, b] = await pointRows(two!.id);
    const moved = await callEditor(SECRETARIAT, consultationId, { intent: "point.move", pointId: b!.id, direction: "up" });
    const response = (moved as { thrown: Response }).thrown;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/consultations/${consultationId}/agenda?focus=point-up-${b!.id}#point-up-${b!.id}`);
    expect(await noticeOf(response)).toEqual({ kind: "agenda.done", intent: "point.move" });
    expect((await pointRows(two!.id)).map((p) => p.label)).toEqual(["(b)", "(a)", "(c)"]);
  });

  it("action: structural changes after circulation answer 409 with an explanation", async () => {
    const id2020 = await consultationIdByPrefix("CTOC-2020");
    const user = await secretariat();
    const agenda = await getAgendaForEditor(user, id2020);
    const point = agenda!.agendaItems[0]!.points[0]!;
    const refused = await callEditor(SECRETARIAT, id2020, { intent: "point.delete", pointId: point.id });
    const answer = (refused as { value: { data: { result: { error: unknown } }; init: { status: number } } }).value;
    expect(answer.init.status).toBe(409);
    expect(answer.data.result.error).toEqual({ "": ["agenda:errors.notDraft"] });
    expect((await getAgendaForEditor(user, id2020))!.agendaItems[0]!.points).toHaveLength(7);
  });

  it("action: a stale revision returns the other officer's text and keeps this one's", async () => {
    const { consultationId } = await draft(threeItems);
    const [two] = await itemRows(consultationId);
    const [a] = await pointRows(two!.id);
    await revisePoint(await secretariat(), { consultationId, pointId: a!.id, text: "Theirs.", basedOnVersion: 1 });
    const stale = await callEditor(SECRETARIAT, consultationId, { intent: "point.revise", pointId: a!.id, text: "Mine.", basedOnVersion: "1" });
    const answer = (stale as { value: { data: { conflict: unknown; result: { initialValue: unknown } }; init: { status: number } } }).value;
    expect(answer.init.status).toBe(409);
    expect(answer.data.conflict).toEqual({ currentVersion: 2, currentText: "Theirs." });
    expect(answer.data.result.initialValue).toMatchObject({ text: "Mine." });
  });
});

describe("import page", () => {
  const annex2020 = () =>
    extractSection(readReferenceReport("wg2-2020-draft-report.txt"), "A. Updating the legislative records", "III. Organization of the meeting");
  const recommendations2023 = () => extractSection(readReferenceReport("wg2-2023-report.txt"), "A. General recommendations", "III. Summary of deliberations");

  type Review = {
    step: "review";
    pasted: string;
    review: { items: { number: string; heading: string; title: string; introduction: string; points: { label: string; text: string }[] }[] };
    warnings: unknown[];
    found: { items: number; points: number };
  };
  const reviewOf = (result: { thrown: unknown } | { value: unknown }) => (result as { value: { data: Review } }).value.data;

  it("loader and action: 403 for the chair and delegates, 404 for malformed or unknown ids", async () => {
    const { consultationId } = await draft();
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const path = `/consultations/${consultationId}/agenda/import`;
      const loaded = await outcome(async () => importLoader({ request: await requestAs(email, path), params: { consultationId }, context }));
      expect(thrownStatus(loaded), email).toBe(403);
      expect(thrownStatus(await callImport(email, consultationId, { intent: "preview", pasted: annex2020() })), email).toBe(403);
    }
    for (const id of ["not-a-uuid", UNKNOWN]) {
      const loaded = await outcome(async () => importLoader({ request: await requestAs(SECRETARIAT, "/"), params: { consultationId: id }, context }));
      expect(thrownStatus(loaded), id).toBe(404);
      expect(thrownStatus(await callImport(SECRETARIAT, id, { intent: "preview", pasted: annex2020() })), id).toBe(404);
    }
    expect(thrownStatus(await callImport(SECRETARIAT, consultationId, { intent: "explode" }))).toBe(400);
  });

  it("preview: the 2020 annex gives items 2–4 with points (a)–(g) under the first", async () => {
    const { consultationId } = await draft();
    const review = reviewOf(await callImport(SECRETARIAT, consultationId, { intent: "preview", pasted: annex2020() }));
    expect(review.step).toBe("review");
    expect(review.found).toEqual({ items: 3, points: 7 });
    expect(review.warnings).toEqual([]);
    expect(review.review.items.map((i) => [i.number, i.heading, i.points.map((p) => p.label).join(" ")])).toEqual([
      ["2", "A", "(a) (b) (c) (d) (e) (f) (g)"],
      ["3", "B", ""],
      ["4", "C", ""],
    ]);
    expect(review.pasted).toBe(annex2020());
    expect(await counts(consultationId)).toEqual({ items: 0, points: 0 });
  });

  it("preview: the 2023 recommendations give a general section without a number, then items 2 and 3", async () => {
    const { consultationId } = await draft();
    const review = reviewOf(await callImport(SECRETARIAT, consultationId, { intent: "preview", pasted: recommendations2023() }));
    expect(review.found).toEqual({ items: 3, points: 11 });
    expect(review.review.items.map((i) => [i.number, i.points.length])).toEqual([
      ["", 1],
      ["2", 6],
      ["3", 4],
    ]);
    expect(review.review.items[1]!.introduction).toBe("The Working Group recommended that the Conference consider the following recommendations for adoption:");
  });

  it("preview: numbers continue after the consultation's items; empty text is refused; back keeps the text", async () => {
    const { consultationId } = await draft(threeItems);
    const review = reviewOf(await callImport(SECRETARIAT, consultationId, { intent: "preview", pasted: annex2020() }));
    expect(review.review.items.map((i) => i.number)).toEqual(["5", "6", "7"]);
    const empty = (await callImport(SECRETARIAT, consultationId, { intent: "preview", pasted: "  " })) as {
      value: { data: { step: string; result: { error: unknown } }; init: { status: number } };
    };
    expect(empty.value.init.status).toBe(400);
    expect(empty.value.data.result.error).toEqual({ pasted: ["agenda:errors.pastedRequired"] });
    const tooMany = Array.from({ length: 501 }, (_, i) => `Recommendation ${i + 1}\n\nParties should act.`).join("\n\n");
    const refused = (await callImport(SECRETARIAT, consultationId, { intent: "preview", pasted: tooMany })) as {
      value: { data: { step: string; pasted: string; result: { error: unknown } }; init: { status: number } };
    };
    expect(refused.value.init.status).toBe(400);
    expect(refused.value.data.step).toBe("paste");
    expect(refused.value.data.pasted).toBe(tooMany);
    expect(refused.value.data.result.error).toEqual({ pasted: ["agenda:errors.tooManyPoints"] });
    const back = (await callImport(SECRETARIAT, consultationId, { intent: "back", pasted: "My text." })) as { value: { data: unknown } };
    expect(back.value.data).toEqual({ step: "paste", pasted: "My text.", result: null });
  });

  it("save: one invalid point saves nothing and returns the review with the message; a valid review is saved and redirects", async () => {
    const { consultationId } = await draft(threeItems);
    const review = reviewOf(await callImport(SECRETARIAT, consultationId, { intent: "preview", pasted: annex2020() }));
    const fields: Record<string, string> = { intent: "save", pasted: review.pasted, reviewKey: "k" };
    review.review.items.forEach((item, i) => {
      fields[`items[${i}].number`] = item.number;
      fields[`items[${i}].heading`] = item.heading;
      fields[`items[${i}].title`] = item.title;
      fields[`items[${i}].introduction`] = item.introduction;
      item.points.forEach((point, j) => {
        fields[`items[${i}].points[${j}].label`] = point.label;
        fields[`items[${i}].points[${j}].text`] = point.text;
      });
    });
    const invalid = { ...fields, "items[0].points[3].text": "x".repeat(20_001) };
    const refused = (await callImport(SECRETARIAT, consultationId, invalid)) as {
      value: { data: Review & { reviewKey: string; result: { error: unknown; initialValue: unknown } }; init: { status: number } };
    };
    expect(refused.value.init.status).toBe(400);
    expect(refused.value.data.step).toBe("review");
    expect(refused.value.data.reviewKey).toBe("k");
    expect(refused.value.data.result.error).toEqual({ "items[0].points[3].text": ["agenda:errors.textTooLong"] });
    expect(refused.value.data.found).toEqual({ items: 3, points: 7 });
    expect(await counts(consultationId)).toEqual({ items: 3, points: 4 });

    // Number 4 is taken by an existing item: the message goes on that box.
    const clash = (await callImport(SECRETARIAT, consultationId, { ...fields, "items[1].number": "4" })) as {
      value: { data: { result: { error: unknown } }; init: { status: number } };
    };
    expect(clash.value.init.status).toBe(409);
    expect(clash.value.data.result.error).toEqual({ "items[1].number": ["agenda:errors.numberTaken"] });
    expect(await counts(consultationId)).toEqual({ items: 3, points: 4 });

    // Leave out (g) and the "Other matters" item.
    const saved = await callImport(SECRETARIAT, consultationId, { ...fields, "items[0].points[6].exclude": "on", "items[2].exclude": "on" });
    const response = (saved as { thrown: Response }).thrown;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/consultations/${consultationId}/agenda`);
    expect(await noticeOf(response)).toEqual({ kind: "agenda.imported", items: 2, points: 6 });
    const agenda = await getAgendaForEditor(await secretariat(), consultationId);
    expect(agenda!.agendaItems.map((i) => [i.number, i.heading, i.points.length])).toEqual([
      ["2", null, 3],
      ["3", null, 0],
      ["4", null, 1],
      ["5", "A", 6],
      ["6", "B", 0],
    ]);
  });

  it("save and preview are refused once the consultation has been circulated", async () => {
    const id2020 = await consultationIdByPrefix("CTOC-2020");
    const loaded = await importLoader({ request: await requestAs(SECRETARIAT, "/"), params: { consultationId: id2020 }, context });
    expect(loaded.isDraft).toBe(false);
    const refused = (await callImport(SECRETARIAT, id2020, { intent: "preview", pasted: annex2020() })) as {
      value: { data: { result: { error: unknown } }; init: { status: number } };
    };
    expect(refused.value.init.status).toBe(409);
    expect(refused.value.data.result.error).toEqual({ "": ["agenda:errors.notDraft"] });
    const db = await getDb();
    const items = await db.select({ id: schema.agendaItems.id }).from(schema.agendaItems).where(eq(schema.agendaItems.consultationId, id2020));
    const [points] = await db
      .select({ n: count() })
      .from(schema.discussionPoints)
      .where(
        inArray(
          schema.discussionPoints.agendaItemId,
          items.map((i) => i.id),
        ),
      );
    expect([items.length, points!.n]).toEqual([3, 7]);
  });
});
