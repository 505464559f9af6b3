import { and, asc, count, desc, eq, exists, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import type { ConsultationInput } from "~/lib/consultation-forms";
import { canMoveStatus, type ConsultationStatus } from "~/lib/consultation-status";
import { instantFromWallClock } from "~/lib/dates";
import { mayManageConsultation, maySeeCurrentWording } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { extendPendingInvitations } from "~/models/invitation.server";
import { notifyDeadlineChange } from "~/models/mission-mail.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";

const { agendaItems, consultationChairs, consultations, discussionPoints, meetings, nonPaperPoints, nonPapers, pointVersions, registrations, users } = schema;

/**
 * Which consultations a user may see: the secretariat all; a chair those they chair, once circulated; a delegate
 * those circulated to their delegation (never a draft). The same rule as mayOpenConsultation (app/lib/permissions.ts)
 * for one consultation whose facts are known; tests/db/consultation-visibility.test.ts keeps the two in step.
 */
export function consultationVisibleTo(user: SessionUser): SQL | undefined {
  switch (user.role) {
    case "secretariat":
      return undefined;
    case "chair":
      // A draft is the secretariat's alone: its chairs see it once it is circulated.
      return and(
        ne(consultations.status, "draft"),
        exists(
          sql`(select 1 from ${consultationChairs} where ${consultationChairs.consultationId} = ${consultations.id} and ${consultationChairs.userId} = ${user.id})`,
        ),
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

/** A consultation's agenda items, in agenda order: one query. */
export function selectAgendaItems(db: Reader, consultationId: string) {
  return db
    .select({
      id: agendaItems.id,
      number: agendaItems.number,
      heading: agendaItems.heading,
      title: agendaItems.title,
      introduction: agendaItems.introduction,
    })
    .from(agendaItems)
    .where(eq(agendaItems.consultationId, consultationId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

/** The latest circulated non-paper of a consultation, as a list of at most one: one query. */
export function selectLatestNonPaper(db: Reader, consultationId: string) {
  return db
    .select({ id: nonPapers.id, number: nonPapers.number, circulatedAt: nonPapers.circulatedAt })
    .from(nonPapers)
    .where(eq(nonPapers.consultationId, consultationId))
    .orderBy(desc(nonPapers.number))
    .limit(1);
}

/**
 * The current (highest) version of every point of one consultation. Await it for the rows, or
 * join it as a subquery with `.as("current_version")`.
 */
export function selectCurrentVersions(db: Reader, consultationId: string) {
  return db
    .selectDistinctOn([pointVersions.pointId], {
      pointId: pointVersions.pointId,
      versionId: pointVersions.id,
      versionNumber: pointVersions.versionNumber,
      text: pointVersions.text,
      agendaItemId: discussionPoints.agendaItemId,
    })
    .from(pointVersions)
    .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
    .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
    .where(eq(agendaItems.consultationId, consultationId))
    .orderBy(pointVersions.pointId, desc(pointVersions.versionNumber));
}

const summaryColumns = {
  id: consultations.id,
  title: consultations.title,
  status: consultations.status,
  deadline: consultations.deadline,
  circulatedAt: consultations.circulatedAt,
  crpSymbol: consultations.crpSymbol,
  parentSession: consultations.parentSession,
  // A later round (issue 18): its number, and the round its revised text follows.
  round: consultations.round,
  previousRoundId: consultations.previousRoundId,
  meeting: {
    id: meetings.id,
    body: meetings.body,
    parentBody: meetings.parentBody,
    symbolPrefix: meetings.symbolPrefix,
    session: meetings.session,
    venue: meetings.venue,
    // For the home page and the consultation's facts, in the reader's language (meeting-names.ts).
    bodyTranslations: meetings.bodyTranslations,
    venueTranslations: meetings.venueTranslations,
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
/**
 * What the frame of every consultation page shows: the title, the status, the meeting and
 * whether a non-paper went out. One query; null when the user may not see the consultation.
 */
export async function getConsultationFrame(user: SessionUser, consultationId: string) {
  const db = await getDb();
  const [frame] = await db
    .select({
      id: consultations.id,
      title: consultations.title,
      status: consultations.status,
      meeting: { id: meetings.id, body: meetings.body, symbolPrefix: meetings.symbolPrefix, timeZone: meetings.timeZone },
      circulated: sql<boolean>`exists (select 1 from ${nonPapers} where ${nonPapers.consultationId} = ${consultations.id})`.mapWith(Boolean),
      dispositionsPublished: sql<boolean>`${consultations.dispositionsPublishedAt} is not null`.mapWith(Boolean),
      round: consultations.round,
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  return frame ?? null;
}

export type ConsultationFrame = NonNullable<Awaited<ReturnType<typeof getConsultationFrame>>>;

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
    selectAgendaItems(db, consultationId),
    selectLatestNonPaper(db, consultationId),
    db.select({ n: count() }).from(registrations).where(eq(registrations.consultationId, consultationId)),
  ]);

  const itemIds = items.map((item) => item.id);
  const current = selectCurrentVersions(db, consultationId).as("current_version");
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

  const asDelegate = !maySeeCurrentWording(user);
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

/** One consultation as its page shows it (the parts of the page take it as it is). */
export type ConsultationDetail = NonNullable<Awaited<ReturnType<typeof getConsultationForUser>>>;

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
  const stamp = input.to === "open" ? { circulatedAt: now } : input.to === "closed" ? { closedAt: now } : input.to === "compiled" ? { compiledAt: now } : {};
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

// ---------------------------------------------------------------------------------------------
// Setting up a consultation (the secretariat)

/** The facts the CRP's masthead and introduction are made of (set on the consultation form). */
export const crpFactColumns = {
  crpSymbol: consultations.crpSymbol,
  parentSession: consultations.parentSession,
  parentSessionVenue: consultations.parentSessionVenue,
  parentSessionStartDate: consultations.parentSessionStartDate,
  parentSessionEndDate: consultations.parentSessionEndDate,
  parentAgendaItemNumber: consultations.parentAgendaItemNumber,
  parentAgendaItemTitle: consultations.parentAgendaItemTitle,
  provisionalAgendaSymbol: consultations.provisionalAgendaSymbol,
  reflectionApprovedOn: consultations.reflectionApprovedOn,
  reflectionApprovalMethod: consultations.reflectionApprovalMethod,
};

const settingsColumns = {
  id: consultations.id,
  meetingId: consultations.meetingId,
  title: consultations.title,
  status: consultations.status,
  receiptPrefix: consultations.receiptPrefix,
  workingLanguage: consultations.workingLanguage,
  deadline: consultations.deadline,
  ...crpFactColumns,
};

/** A consultation's settings and chairs for the edit form; secretariat only. Two queries. */
export async function getConsultationSettings(user: SessionUser, consultationId: string) {
  if (!mayManageConsultation(user)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ ...settingsColumns, meetingTimeZone: meetings.timeZone })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId));
  if (!row) return null;
  const chairs = await db.select({ userId: consultationChairs.userId }).from(consultationChairs).where(eq(consultationChairs.consultationId, consultationId));
  return { ...row, chairIds: chairs.map((c) => c.userId) };
}

export type ConsultationSaveResult =
  | { ok: true; id: string; /** Messages queued to the missions about a new deadline. */ notified?: number }
  | {
      ok: false;
      reason: "not_found" | "meeting_not_found" | "receipt_prefix_taken" | "deadline_past" | "locked" | "chair_not_found";
      field?: keyof ConsultationInput;
    };

function consultationValues(input: ConsultationInput, deadline: Date | null) {
  return {
    meetingId: input.meetingId,
    title: input.title,
    receiptPrefix: input.receiptPrefix,
    workingLanguage: input.workingLanguage as Language,
    deadline,
    crpSymbol: input.crpSymbol || null,
    parentSession: input.parentSession || null,
    parentSessionVenue: input.parentSessionVenue || null,
    parentSessionStartDate: input.parentSessionStartDate || null,
    parentSessionEndDate: input.parentSessionEndDate || null,
    parentAgendaItemNumber: input.parentAgendaItemNumber || null,
    parentAgendaItemTitle: input.parentAgendaItemTitle || null,
    provisionalAgendaSymbol: input.provisionalAgendaSymbol || null,
    reflectionApprovedOn: input.reflectionApprovedOn || null,
    reflectionApprovalMethod: input.reflectionApprovalMethod || null,
  };
}

async function checkReferences(tx: Transaction, input: ConsultationInput, selfId: string | null) {
  const [meeting] = await tx.select({ timeZone: meetings.timeZone }).from(meetings).where(eq(meetings.id, input.meetingId));
  if (!meeting) return { error: { ok: false, reason: "meeting_not_found", field: "meetingId" } as const };
  const [taken] = await tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.receiptPrefix, input.receiptPrefix), selfId ? ne(consultations.id, selfId) : undefined));
  if (taken) return { error: { ok: false, reason: "receipt_prefix_taken", field: "receiptPrefix" } as const };
  if (input.chairIds.length) {
    const chairs = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, input.chairIds), eq(users.role, "chair")));
    if (chairs.length !== new Set(input.chairIds).size) {
      return { error: { ok: false, reason: "chair_not_found", field: "chairIds" } as const };
    }
  }
  const deadline = input.deadlineDate && input.deadlineTime ? instantFromWallClock(input.deadlineDate, input.deadlineTime, meeting.timeZone) : null;
  return { deadline };
}

/** A new draft consultation on a meeting, with its chairs; audit-logged. */
export async function createConsultation(user: SessionUser, input: ConsultationInput, ipAddress?: string | null): Promise<ConsultationSaveResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const checked = await checkReferences(tx, input, null);
    if (checked.error) return checked.error;
    if (checked.deadline && checked.deadline.getTime() <= Date.now()) return { ok: false, reason: "deadline_past", field: "deadlineDate" };
    const [row] = await tx
      .insert(consultations)
      .values({ ...consultationValues(input, checked.deadline ?? null), status: "draft", createdBy: user.id })
      .returning({ id: consultations.id });
    const id = row!.id;
    if (input.chairIds.length) {
      await tx.insert(consultationChairs).values([...new Set(input.chairIds)].map((userId) => ({ consultationId: id, userId })));
    }
    await recordAudit(
      {
        actorId: user.id,
        action: "consultation.create",
        entityType: "consultation",
        entityId: id,
        consultationId: id,
        details: { title: input.title, receiptPrefix: input.receiptPrefix },
        ipAddress,
      },
      tx,
    );
    return { ok: true, id };
  });
}

/**
 * Saves a consultation's settings. Nothing changes once compiled; the meeting and the receipt
 * prefix only while draft (receipts carry the prefix); a new deadline must lie in the future.
 * The audit entry names the fields that changed and the old and new deadline. A new deadline
 * while the period is open is sent to every registered mission (each delegate in their
 * language), and pending invitations are kept valid until after it.
 */
export async function updateConsultation(
  user: SessionUser,
  consultationId: string,
  input: ConsultationInput,
  ipAddress?: string | null,
  options: { baseUrl?: string | null } = {},
): Promise<ConsultationSaveResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select(settingsColumns).from(consultations).where(eq(consultations.id, consultationId)).for("update");
    if (!before) return { ok: false, reason: "not_found" };
    if (before.status === "compiled") return { ok: false, reason: "locked" };
    if (before.status !== "draft" && (input.meetingId !== before.meetingId || input.receiptPrefix !== before.receiptPrefix)) {
      return { ok: false, reason: "locked", field: input.meetingId !== before.meetingId ? "meetingId" : "receiptPrefix" };
    }
    const checked = await checkReferences(tx, input, consultationId);
    if (checked.error) return checked.error;
    const deadline = checked.deadline ?? null;
    const deadlineChanged = (deadline?.getTime() ?? null) !== (before.deadline?.getTime() ?? null);
    if (deadlineChanged && deadline && deadline.getTime() <= Date.now()) return { ok: false, reason: "deadline_past", field: "deadlineDate" };
    const next = consultationValues(input, deadline);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) =>
      key === "deadline" ? deadlineChanged : next[key] !== before[key as keyof typeof before],
    );
    const chairRows = await tx
      .select({ userId: consultationChairs.userId })
      .from(consultationChairs)
      .where(eq(consultationChairs.consultationId, consultationId));
    const oldChairs = new Set(chairRows.map((c) => c.userId));
    const newChairs = new Set(input.chairIds);
    const chairsChanged = oldChairs.size !== newChairs.size || [...newChairs].some((id) => !oldChairs.has(id));
    if (!changed.length && !chairsChanged) return { ok: true, id: consultationId };
    await tx
      .update(consultations)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(consultations.id, consultationId));
    if (chairsChanged) {
      await tx.delete(consultationChairs).where(eq(consultationChairs.consultationId, consultationId));
      if (newChairs.size) {
        await tx.insert(consultationChairs).values([...newChairs].map((userId) => ({ consultationId, userId })));
      }
    }
    let notified = 0;
    let invitationsExtended = 0;
    if (deadlineChanged && deadline) {
      // An invitation must not expire before the deadline it invites to.
      invitationsExtended = await extendPendingInvitations(tx, { consultationId, deadline });
      // Once circulated, the missions work to the deadline: each is told it moved.
      if (before.status === "open") {
        const [meeting] = await tx
          .select({
            body: meetings.body,
            venue: meetings.venue,
            bodyTranslations: meetings.bodyTranslations,
            venueTranslations: meetings.venueTranslations,
            startDate: meetings.startDate,
            endDate: meetings.endDate,
            timeZone: meetings.timeZone,
          })
          .from(meetings)
          .where(eq(meetings.id, next.meetingId));
        notified = await notifyDeadlineChange(
          tx,
          { id: consultationId, title: next.title, meeting: meeting! },
          { previous: before.deadline, next: deadline, baseUrl: options.baseUrl },
        );
      }
    }
    await recordAudit(
      {
        actorId: user.id,
        action: "consultation.update",
        entityType: "consultation",
        entityId: consultationId,
        consultationId,
        details: {
          changed: chairsChanged ? [...changed, "chairs"] : changed,
          ...(deadlineChanged ? { deadline: { from: before.deadline?.toISOString() ?? null, to: deadline?.toISOString() ?? null } } : {}),
          ...(notified ? { notifications: notified } : {}),
          ...(invitationsExtended ? { invitationsExtended } : {}),
        },
        ipAddress,
      },
      tx,
    );
    return { ok: true, id: consultationId, ...(notified ? { notified } : {}) };
  });
}
