import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { ImportedAgendaItem } from "~/lib/agenda-forms";
import { isEditableStructure, type ConsultationStatus } from "~/lib/consultation-status";
import { mayManageConsultation } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { consultationVisibleTo, selectAgendaItems, selectCurrentVersions } from "~/models/consultation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Transaction } from "~/utils/db.server";

const { agendaItems, consultations, discussionPoints, pointVersions } = schema;

// Structural changes (agenda items, points, labels, numbers and order) are for drafts only: once
// circulated, delegations comment on what they received, so only the wording of a point may
// change, as a new version (revisePoint). Every change here runs in one transaction that first
// locks the consultation's row, so two officers' edits (and a circulation) happen one after the
// other and positions stay 0, 1, 2 … in each list; the audit entry commits with the change.

export type AgendaChangeFailure =
  | "not_found"
  | "wrong_status"
  | "number_taken"
  | "label_taken"
  /** Moving the first entry up or the last one down. */
  | "at_edge";

export type AgendaChangeResult = { ok: true; id: string } | { ok: false; reason: AgendaChangeFailure; number?: string };

type Actor = { user: SessionUser; consultationId: string; ipAddress?: string | null };

const fail = (reason: AgendaChangeFailure, number?: string) => ({ ok: false, reason, ...(number === undefined ? {} : { number }) }) as const;

/**
 * The consultation with its agenda items and points in order, each point with its current text
 * and version, for the secretariat's editor; null for anyone else or an unknown consultation.
 * Three queries, however many items and points.
 */
export async function getAgendaForEditor(user: SessionUser, consultationId: string) {
  if (!mayManageConsultation(user)) return null;
  const db = await getDb();
  const [consultation] = await db
    .select({ id: consultations.id, title: consultations.title, status: consultations.status })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  if (!consultation) return null;

  const current = selectCurrentVersions(db, consultationId).as("current_version");
  const [items, points] = await Promise.all([
    selectAgendaItems(db, consultationId),
    db
      .select({
        id: discussionPoints.id,
        agendaItemId: discussionPoints.agendaItemId,
        label: discussionPoints.label,
        text: current.text,
        versionNumber: current.versionNumber,
      })
      .from(discussionPoints)
      .innerJoin(current, eq(current.pointId, discussionPoints.id))
      .orderBy(asc(discussionPoints.position), asc(discussionPoints.createdAt)),
  ]);
  return {
    consultation,
    agendaItems: items.map((item) => ({ ...item, points: points.filter((p) => p.agendaItemId === item.id) })),
  };
}

/** What the import page needs: the consultation and the agenda item numbers already used. Two queries. */
export async function getConsultationForImport(user: SessionUser, consultationId: string) {
  if (!mayManageConsultation(user)) return null;
  const db = await getDb();
  const [consultation] = await db
    .select({ id: consultations.id, title: consultations.title, status: consultations.status })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  if (!consultation) return null;
  const numbers = await db.select({ number: agendaItems.number }).from(agendaItems).where(eq(agendaItems.consultationId, consultationId));
  return { consultation, existingNumbers: numbers.map((n) => n.number) };
}

/**
 * Runs `work` in a transaction holding the consultation's row lock, if the user is the
 * secretariat and the consultation exists and is still a draft.
 */
async function inDraft<T>(actor: Actor, work: (tx: Transaction) => Promise<T>): Promise<T | ReturnType<typeof fail>> {
  if (!mayManageConsultation(actor.user)) return fail("not_found");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, actor.consultationId)).for("update");
    if (!row) return fail("not_found");
    if (!isEditableStructure(row.status as ConsultationStatus)) return fail("wrong_status");
    return work(tx);
  });
}

function audit(tx: Transaction, actor: Actor, action: string, entityType: string, entityId: string, details: Record<string, unknown>) {
  return recordAudit(
    {
      actorId: actor.user.id,
      action,
      entityType,
      entityId,
      consultationId: actor.consultationId,
      details,
      ipAddress: actor.ipAddress ?? null,
    },
    tx,
  );
}

// Positions are rewritten in one statement from the wanted order, so a list is dense again
// (0, 1, 2 …) after any move or deletion, whatever it was before.
const uuidArray = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;

async function writeItemOrder(tx: Transaction, ids: string[]) {
  if (!ids.length) return;
  await tx
    .update(agendaItems)
    .set({ position: sql`array_position(${uuidArray(ids)}, ${agendaItems.id}) - 1` })
    .where(inArray(agendaItems.id, ids));
}

/** Dense positions 0, 1, 2 … for these points in this order, in one statement (also used by Rev.1). */
export async function writePointOrder(tx: Transaction, ids: string[]) {
  if (!ids.length) return;
  await tx
    .update(discussionPoints)
    .set({ position: sql`array_position(${uuidArray(ids)}, ${discussionPoints.id}) - 1` })
    .where(inArray(discussionPoints.id, ids));
}

const itemsInOrder = (tx: Transaction, consultationId: string) =>
  tx
    .select({ id: agendaItems.id, number: agendaItems.number, title: agendaItems.title })
    .from(agendaItems)
    .where(eq(agendaItems.consultationId, consultationId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id));

const pointsInOrder = (tx: Transaction, agendaItemId: string) =>
  tx
    .select({ id: discussionPoints.id, label: discussionPoints.label })
    .from(discussionPoints)
    .where(eq(discussionPoints.agendaItemId, agendaItemId))
    .orderBy(asc(discussionPoints.position), asc(discussionPoints.createdAt), asc(discussionPoints.id));

/** The point, if it belongs to an agenda item of this consultation. */
async function findPoint(tx: Transaction, consultationId: string, pointId: string) {
  const [point] = await tx
    .select({ id: discussionPoints.id, label: discussionPoints.label, agendaItemId: discussionPoints.agendaItemId })
    .from(discussionPoints)
    .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
    .where(and(eq(discussionPoints.id, pointId), eq(agendaItems.consultationId, consultationId)));
  return point ?? null;
}

async function numberTaken(tx: Transaction, consultationId: string, number: string | null, exceptItemId?: string) {
  if (number === null) return false;
  const conditions: SQL[] = [eq(agendaItems.consultationId, consultationId), eq(agendaItems.number, number)];
  if (exceptItemId) conditions.push(ne(agendaItems.id, exceptItemId));
  const [row] = await tx
    .select({ n: count() })
    .from(agendaItems)
    .where(and(...conditions));
  return (row?.n ?? 0) > 0;
}

function changes<T extends Record<string, unknown>>(before: T, after: T) {
  return Object.fromEntries(
    Object.keys(after)
      .filter((key) => before[key] !== after[key])
      .map((key) => [key, { from: before[key], to: after[key] }]),
  );
}

export type AgendaItemInput = { number: string | null; heading: string | null; title: string; introduction: string | null };

/** A new agenda item at the end of the list. Audit: agenda_item.create. */
export async function createAgendaItem(user: SessionUser, input: Omit<Actor, "user"> & AgendaItemInput): Promise<AgendaChangeResult> {
  const actor = { ...input, user };
  return inDraft(actor, async (tx) => {
    if (await numberTaken(tx, input.consultationId, input.number)) return fail("number_taken", input.number!);
    const [position] = await tx.select({ n: count() }).from(agendaItems).where(eq(agendaItems.consultationId, input.consultationId));
    const [row] = await tx
      .insert(agendaItems)
      .values({
        consultationId: input.consultationId,
        number: input.number,
        heading: input.heading,
        title: input.title,
        introduction: input.introduction,
        position: position?.n ?? 0,
      })
      .returning({ id: agendaItems.id });
    await audit(tx, actor, "agenda_item.create", "agenda_item", row!.id, { number: input.number, title: input.title });
    return { ok: true, id: row!.id } as const;
  });
}

/** New number, heading letter, title or introduction. Audit: agenda_item.update, with what changed. */
export async function updateAgendaItem(
  user: SessionUser,
  input: Omit<Actor, "user"> & AgendaItemInput & { agendaItemId: string },
): Promise<AgendaChangeResult> {
  const actor = { ...input, user };
  return inDraft(actor, async (tx) => {
    const [item] = await tx
      .select({ number: agendaItems.number, heading: agendaItems.heading, title: agendaItems.title, introduction: agendaItems.introduction })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.consultationId, input.consultationId)));
    if (!item) return fail("not_found");
    if (await numberTaken(tx, input.consultationId, input.number, input.agendaItemId)) return fail("number_taken", input.number!);
    const after = { number: input.number, heading: input.heading, title: input.title, introduction: input.introduction };
    await tx.update(agendaItems).set(after).where(eq(agendaItems.id, input.agendaItemId));
    await audit(tx, actor, "agenda_item.update", "agenda_item", input.agendaItemId, { changes: changes(item, after) });
    return { ok: true, id: input.agendaItemId } as const;
  });
}

/** Swaps the entry at `from` with its neighbour in place; its new index, or null at either end. */
function swapWithNeighbour(ids: string[], from: number, direction: "up" | "down"): number | null {
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return null;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return to;
}

/** One place up or down. Audit: agenda_item.move, with the old and new place (1-based). */
export async function moveAgendaItem(
  user: SessionUser,
  input: Omit<Actor, "user"> & { agendaItemId: string; direction: "up" | "down" },
): Promise<AgendaChangeResult> {
  const actor = { ...input, user };
  return inDraft(actor, async (tx) => {
    const ids = (await itemsInOrder(tx, input.consultationId)).map((i) => i.id);
    const from = ids.indexOf(input.agendaItemId);
    if (from < 0) return fail("not_found");
    const to = swapWithNeighbour(ids, from, input.direction);
    if (to === null) return fail("at_edge");
    await writeItemOrder(tx, ids);
    await audit(tx, actor, "agenda_item.move", "agenda_item", input.agendaItemId, { from: from + 1, to: to + 1 });
    return { ok: true, id: input.agendaItemId } as const;
  });
}

/** Deletes the item with its points and their versions. Audit: agenda_item.delete. */
export async function deleteAgendaItem(user: SessionUser, input: Omit<Actor, "user"> & { agendaItemId: string }): Promise<AgendaChangeResult> {
  const actor = { ...input, user };
  return inDraft(actor, async (tx) => {
    const items = await itemsInOrder(tx, input.consultationId);
    const item = items.find((i) => i.id === input.agendaItemId);
    if (!item) return fail("not_found");
    const labels = (await pointsInOrder(tx, item.id)).map((p) => p.label);
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
    await writeItemOrder(
      tx,
      items.filter((i) => i.id !== item.id).map((i) => i.id),
    );
    await audit(tx, actor, "agenda_item.delete", "agenda_item", item.id, { number: item.number, title: item.title, points: labels });
    return { ok: true, id: item.id } as const;
  });
}

/**
 * A new point at the end of an agenda item, as version 1. Its wording is written for the
 * non-paper, hence the source "non_paper". Audit: point.create.
 */
export async function createPoint(
  user: SessionUser,
  input: Omit<Actor, "user"> & { agendaItemId: string; label: string; text: string },
): Promise<AgendaChangeResult> {
  const actor = { ...input, user };
  return inDraft(actor, async (tx) => {
    const [item] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.consultationId, input.consultationId)));
    if (!item) return fail("not_found");
    const siblings = await pointsInOrder(tx, item.id);
    if (siblings.some((p) => p.label === input.label)) return fail("label_taken");
    const [point] = await tx
      .insert(discussionPoints)
      .values({ agendaItemId: item.id, label: input.label, position: siblings.length })
      .returning({ id: discussionPoints.id });
    await tx.insert(pointVersions).values({ pointId: point!.id, versionNumber: 1, text: input.text, source: "non_paper", authorId: user.id });
    await audit(tx, actor, "point.create", "discussion_point", point!.id, { agendaItemId: item.id, label: input.label });
    return { ok: true, id: point!.id } as const;
  });
}

/** A new label ("(c)", "Recommendation 4"), unique within its agenda item. Audit: point.relabel. */
export async function relabelPoint(user: SessionUser, input: Omit<Actor, "user"> & { pointId: string; label: string }): Promise<AgendaChangeResult> {
  const actor = { ...input, user };
  return inDraft(actor, async (tx) => {
    const point = await findPoint(tx, input.consultationId, input.pointId);
    if (!point) return fail("not_found");
    const siblings = await pointsInOrder(tx, point.agendaItemId);
    if (siblings.some((p) => p.id !== point.id && p.label === input.label)) return fail("label_taken");
    await tx.update(discussionPoints).set({ label: input.label }).where(eq(discussionPoints.id, point.id));
    await audit(tx, actor, "point.relabel", "discussion_point", point.id, { from: point.label, to: input.label });
    return { ok: true, id: point.id } as const;
  });
}

/** One place up or down within its agenda item. Audit: point.move. */
export async function movePoint(user: SessionUser, input: Omit<Actor, "user"> & { pointId: string; direction: "up" | "down" }): Promise<AgendaChangeResult> {
  const actor = { ...input, user };
  return inDraft(actor, async (tx) => {
    const point = await findPoint(tx, input.consultationId, input.pointId);
    if (!point) return fail("not_found");
    const ids = (await pointsInOrder(tx, point.agendaItemId)).map((p) => p.id);
    const from = ids.indexOf(point.id);
    const to = swapWithNeighbour(ids, from, input.direction);
    if (to === null) return fail("at_edge");
    await writePointOrder(tx, ids);
    await audit(tx, actor, "point.move", "discussion_point", point.id, { label: point.label, from: from + 1, to: to + 1 });
    return { ok: true, id: point.id } as const;
  });
}

/** Deletes a point with its versions (a draft's points were never circulated). Audit: point.delete. */
export async function deletePoint(user: SessionUser, input: Omit<Actor, "user"> & { pointId: string }): Promise<AgendaChangeResult> {
  const actor = { ...input, user };
  return inDraft(actor, async (tx) => {
    const point = await findPoint(tx, input.consultationId, input.pointId);
    if (!point) return fail("not_found");
    const [current] = await tx
      .select({ text: pointVersions.text })
      .from(pointVersions)
      .where(eq(pointVersions.pointId, point.id))
      .orderBy(desc(pointVersions.versionNumber))
      .limit(1);
    const remaining = (await pointsInOrder(tx, point.agendaItemId)).filter((p) => p.id !== point.id).map((p) => p.id);
    await tx.delete(discussionPoints).where(eq(discussionPoints.id, point.id));
    await writePointOrder(tx, remaining);
    // The deleted wording stays readable in the log, since its versions go with the point.
    await audit(tx, actor, "point.delete", "discussion_point", point.id, {
      agendaItemId: point.agendaItemId,
      label: point.label,
      text: current?.text ?? null,
    });
    return { ok: true, id: point.id } as const;
  });
}

export type ImportResult = { ok: true; items: number; points: number } | { ok: false; reason: AgendaChangeFailure; number?: string };

/**
 * Saves reviewed agenda items and points after the consultation's existing items, all or nothing:
 * points as version 1 with source "draft_report" and the officer as author. Audit: agenda.import,
 * with the counts. A fixed number of statements, however many items and points.
 */
export async function importAgendaItems(user: SessionUser, input: Omit<Actor, "user"> & { items: ImportedAgendaItem[] }): Promise<ImportResult> {
  const actor = { ...input, user };
  return inDraft(actor, async (tx) => {
    const numbers = input.items.map((i) => i.number).filter((n): n is string => n !== null);
    if (numbers.length) {
      const [taken] = await tx
        .select({ number: agendaItems.number })
        .from(agendaItems)
        .where(and(eq(agendaItems.consultationId, input.consultationId), inArray(agendaItems.number, numbers)))
        .limit(1);
      if (taken?.number) return fail("number_taken", taken.number);
    }
    for (const item of input.items) {
      if (new Set(item.points.map((p) => p.label)).size !== item.points.length) return fail("label_taken");
    }
    const [existing] = await tx.select({ n: count() }).from(agendaItems).where(eq(agendaItems.consultationId, input.consultationId));
    const start = existing?.n ?? 0;
    const insertedItems = input.items.length
      ? await tx
          .insert(agendaItems)
          .values(
            input.items.map((item, index) => ({
              consultationId: input.consultationId,
              number: item.number,
              heading: item.heading,
              title: item.title,
              introduction: item.introduction,
              position: start + index,
            })),
          )
          .returning({ id: agendaItems.id, position: agendaItems.position })
      : [];
    // RETURNING order is not promised, so rows are matched back to the input by position.
    const itemIndexById = new Map(insertedItems.map((row) => [row.id, row.position - start]));
    const pointRows = insertedItems.flatMap((row) =>
      input.items[row.position - start]!.points.map((point, position) => ({ agendaItemId: row.id, label: point.label, position })),
    );
    const insertedPoints = pointRows.length
      ? await tx
          .insert(discussionPoints)
          .values(pointRows)
          .returning({ id: discussionPoints.id, agendaItemId: discussionPoints.agendaItemId, position: discussionPoints.position })
      : [];
    if (insertedPoints.length) {
      await tx.insert(pointVersions).values(
        insertedPoints.map((row) => ({
          pointId: row.id,
          versionNumber: 1,
          text: input.items[itemIndexById.get(row.agendaItemId)!]!.points[row.position]!.text,
          source: "draft_report" as const,
          authorId: user.id,
        })),
      );
    }
    await audit(tx, actor, "agenda.import", "consultation", input.consultationId, {
      items: insertedItems.length,
      points: insertedPoints.length,
    });
    return { ok: true, items: insertedItems.length, points: insertedPoints.length } as const;
  });
}
