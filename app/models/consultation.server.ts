import { and, asc, count, desc, eq, exists, inArray, ne, sql, type SQL } from "drizzle-orm";
import { canMoveStatus, type ConsultationStatus } from "~/lib/consultation-status";
import { recordAudit } from "~/models/audit.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Database } from "~/utils/db.server";

const {
  agendaItems,
  consultationChairs,
  consultations,
  discussionPoints,
  meetings,
  nonPaperPoints,
  nonPapers,
  pointVersions,
  registrations,
} = schema;

/**
 * Which consultations a user may see: the secretariat all; a chair those they chair; a delegate
 * those circulated to their delegation (never a draft).
 */
export function consultationVisibleTo(user: SessionUser): SQL | undefined {
  switch (user.role) {
    case "secretariat":
      return undefined;
    case "chair":
      return exists(
        sql`(select 1 from ${consultationChairs} where ${consultationChairs.consultationId} = ${consultations.id} and ${consultationChairs.userId} = ${user.id})`,
      );
    case "delegate":
      return and(
        ne(consultations.status, "draft"),
        exists(
          sql`(select 1 from ${registrations} where ${registrations.consultationId} = ${consultations.id} and ${registrations.delegationId} = ${user.delegationId})`,
        ),
      );
  }
}

const summaryColumns = {
  id: consultations.id,
  title: consultations.title,
  status: consultations.status,
  deadline: consultations.deadline,
  circulatedAt: consultations.circulatedAt,
  crpSymbol: consultations.crpSymbol,
  parentSession: consultations.parentSession,
  meeting: {
    id: meetings.id,
    body: meetings.body,
    parentBody: meetings.parentBody,
    symbolPrefix: meetings.symbolPrefix,
    session: meetings.session,
    venue: meetings.venue,
    startDate: meetings.startDate,
    endDate: meetings.endDate,
    format: meetings.format,
    timeZone: meetings.timeZone,
  },
};

/** The consultations on the user's home page, newest meeting first: one query. */
export async function listConsultationsForUser(user: SessionUser) {
  const db = await getDb();
  const pointCount = db
    .select({ consultationId: agendaItems.consultationId, n: count(discussionPoints.id).as("n") })
    .from(agendaItems)
    .leftJoin(discussionPoints, eq(discussionPoints.agendaItemId, agendaItems.id))
    .groupBy(agendaItems.consultationId)
    .as("point_count");
  return db
    .select({ ...summaryColumns, pointCount: sql<number>`coalesce(${pointCount.n}, 0)`.mapWith(Number) })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .leftJoin(pointCount, eq(pointCount.consultationId, consultations.id))
    .where(consultationVisibleTo(user))
    .orderBy(desc(meetings.startDate), asc(consultations.title));
}

/**
 * One consultation with its agenda items and points, or null when it does not exist or the user
 * may not see it (the caller answers 404 either way). Delegates see the points as circulated;
 * the secretariat and chairs see the current text and whether it changed since. Five queries.
 */
export async function getConsultationForUser(user: SessionUser, consultationId: string) {
  const db = await getDb();
  const [consultation] = await db
    .select({
      ...summaryColumns,
      receiptPrefix: consultations.receiptPrefix,
      parentSessionVenue: consultations.parentSessionVenue,
      parentSessionStartDate: consultations.parentSessionStartDate,
      parentSessionEndDate: consultations.parentSessionEndDate,
      parentAgendaItemNumber: consultations.parentAgendaItemNumber,
      parentAgendaItemTitle: consultations.parentAgendaItemTitle,
      reflectionApprovedOn: consultations.reflectionApprovedOn,
      reflectionApprovalMethod: consultations.reflectionApprovalMethod,
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  if (!consultation) return null;

  const [items, [latestNonPaper], [registered]] = await Promise.all([
    db
      .select({
        id: agendaItems.id,
        number: agendaItems.number,
        heading: agendaItems.heading,
        title: agendaItems.title,
        introduction: agendaItems.introduction,
      })
      .from(agendaItems)
      .where(eq(agendaItems.consultationId, consultationId))
      .orderBy(asc(agendaItems.position)),
    db
      .select({ id: nonPapers.id, number: nonPapers.number, circulatedAt: nonPapers.circulatedAt })
      .from(nonPapers)
      .where(eq(nonPapers.consultationId, consultationId))
      .orderBy(desc(nonPapers.number))
      .limit(1),
    db.select({ n: count() }).from(registrations).where(eq(registrations.consultationId, consultationId)),
  ]);

  const itemIds = items.map((item) => item.id);
  const current = db
    .selectDistinctOn([pointVersions.pointId], {
      pointId: pointVersions.pointId,
      text: pointVersions.text,
      versionNumber: pointVersions.versionNumber,
    })
    .from(pointVersions)
    .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
    .where(inArray(discussionPoints.agendaItemId, itemIds))
    .orderBy(pointVersions.pointId, desc(pointVersions.versionNumber))
    .as("current_version");
  const circulatedVersion = db
    .select({ pointId: pointVersions.pointId, text: pointVersions.text, versionNumber: pointVersions.versionNumber })
    .from(nonPaperPoints)
    .innerJoin(pointVersions, eq(pointVersions.id, nonPaperPoints.pointVersionId))
    .where(eq(nonPaperPoints.nonPaperId, latestNonPaper?.id ?? sql`null`))
    .as("circulated_version");
  const pointRows = itemIds.length
    ? await db
        .select({
          id: discussionPoints.id,
          agendaItemId: discussionPoints.agendaItemId,
          label: discussionPoints.label,
          currentText: current.text,
          currentVersion: current.versionNumber,
          circulatedText: circulatedVersion.text,
          circulatedVersion: circulatedVersion.versionNumber,
        })
        .from(discussionPoints)
        .innerJoin(current, eq(current.pointId, discussionPoints.id))
        .leftJoin(circulatedVersion, eq(circulatedVersion.pointId, discussionPoints.id))
        .where(inArray(discussionPoints.agendaItemId, itemIds))
        .orderBy(asc(discussionPoints.position))
    : [];

  const asDelegate = user.role === "delegate";
  const points = pointRows
    // A delegate sees only what was circulated, in the wording circulated.
    .filter((p) => !asDelegate || p.circulatedText !== null)
    .map((p) => ({
      id: p.id,
      agendaItemId: p.agendaItemId,
      label: p.label,
      text: asDelegate ? p.circulatedText! : p.currentText,
      versionNumber: asDelegate ? p.circulatedVersion! : p.currentVersion,
      changedSinceCirculation: !asDelegate && p.circulatedVersion !== null && p.circulatedVersion !== p.currentVersion,
      notYetCirculated: !asDelegate && p.circulatedVersion === null,
    }));

  return {
    consultation,
    nonPaper: latestNonPaper ?? null,
    registeredCount: registered?.n ?? 0,
    agendaItems: items.map((item) => ({ ...item, points: points.filter((p) => p.agendaItemId === item.id) })),
  };
}

/** A transaction of the app's database (the argument drizzle passes to `db.transaction`). */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type StatusMoveResult = { ok: true } | { ok: false; reason: "not_found" | "wrong_status"; status?: ConsultationStatus };

/**
 * Moves a consultation one step forward, inside the caller's transaction, and records the move
 * in the audit log. The update only matches the expected `from` status, so two officers racing
 * cannot both move it. Callers check the role; this checks the order.
 */
export async function moveConsultationStatus(
  tx: Transaction,
  input: { consultationId: string; from: ConsultationStatus; to: ConsultationStatus; actorId: string; ipAddress?: string | null },
): Promise<StatusMoveResult> {
  if (!canMoveStatus(input.from, input.to)) return { ok: false, reason: "wrong_status", status: input.from };
  const now = new Date();
  const stamp =
    input.to === "open" ? { circulatedAt: now } : input.to === "closed" ? { closedAt: now } : input.to === "compiled" ? { compiledAt: now } : {};
  const moved = await tx
    .update(consultations)
    .set({ status: input.to, updatedAt: now, ...stamp })
    .where(and(eq(consultations.id, input.consultationId), eq(consultations.status, input.from)))
    .returning({ id: consultations.id });
  if (!moved.length) {
    const [row] = await tx.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, input.consultationId));
    return row ? { ok: false, reason: "wrong_status", status: row.status } : { ok: false, reason: "not_found" };
  }
  await recordAudit(
    {
      actorId: input.actorId,
      action: "consultation.status",
      entityType: "consultation",
      entityId: input.consultationId,
      consultationId: input.consultationId,
      details: { from: input.from, to: input.to },
      ipAddress: input.ipAddress ?? null,
    },
    tx,
  );
  return { ok: true };
}
