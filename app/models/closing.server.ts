// Ending the reflection period (the secretariat): where each registered delegation stands, a
// reminder to the missions that have not submitted, and the closing itself, with a reason when
// it comes before the deadline. Every registered mission is told, in each delegate's language.
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { checkDecisionReason } from "~/lib/submission-rules";
import { isEarlyClosing, missionStanding, needsReminder, reminderDay, remindedToday, type MissionStanding } from "~/lib/closing";
import type { ConsultationStatus } from "~/lib/consultation-status";
import { closingMessage, reminderMessage } from "~/lib/deadline-email";
import { effectiveDeadline, isBeforeDeadline } from "~/lib/deadlines";
import { isUuid } from "~/lib/ids";
import { mayManageConsultation } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { moveConsultationStatus } from "~/models/consultation.server";
import { delegationNameColumns } from "~/models/delegation.server";
import { listMissionDelegates, MISSION_MESSAGE_KINDS, queueMissionMessages } from "~/models/mission-mail.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";

const { auditLog, consultations, delegations, meetings, registrations, submissionRevisions, submissions, users } = schema;

export const REMIND_ACTION = "consultation.remind";
export const CLOSE_ACTION = "consultation.close";

const consultationColumns = {
  id: consultations.id,
  title: consultations.title,
  status: consultations.status,
  deadline: consultations.deadline,
  closedAt: consultations.closedAt,
  meeting: {
    body: meetings.body,
    venue: meetings.venue,
    bodyTranslations: meetings.bodyTranslations,
    venueTranslations: meetings.venueTranslations,
    startDate: meetings.startDate,
    endDate: meetings.endDate,
    timeZone: meetings.timeZone,
  },
};

async function readConsultation(db: Reader, consultationId: string) {
  const [row] = await db
    .select(consultationColumns)
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId));
  return row ?? null;
}

/** Locks the consultation row for the rest of the transaction (a save or submit in progress finishes first). */
async function lockConsultation(tx: Transaction, consultationId: string) {
  const [row] = await tx
    .select(consultationColumns)
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId))
    .for("update", { of: consultations });
  return row ?? null;
}

export type DelegationStanding = {
  id: string;
  code: string;
  names: { nameAr: string; nameZh: string; nameEn: string; nameFr: string; nameRu: string; nameEs: string };
  standing: MissionStanding;
  /** The delegation's deadline (the consultation's, or its extension). */
  deadline: Date | null;
  draftUpdatedAt: Date | null;
  /** When a drafter asked the mission's approvers for clearance (standing "awaitingClearance"). */
  clearanceRequestedAt: Date | null;
};

/**
 * Every registered delegation with where its comments stand (its clearance and its alignments
 * included, issue 19), in English alphabetical order: one query.
 */
async function selectStandings(db: Reader, consultationId: string, consultationDeadline: Date | null): Promise<DelegationStanding[]> {
  const latest = db
    .selectDistinctOn([submissionRevisions.submissionId], {
      submissionId: submissionRevisions.submissionId,
      draftVersion: submissionRevisions.draftVersion,
      submittedAt: submissionRevisions.submittedAt,
      withdrawnAt: submissionRevisions.withdrawnAt,
      late: submissionRevisions.late,
    })
    .from(submissionRevisions)
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .where(eq(submissions.consultationId, consultationId))
    .orderBy(submissionRevisions.submissionId, desc(submissionRevisions.revisionNumber))
    .as("latest_revision");
  const rows = await db
    .select({
      id: delegations.id,
      code: delegations.code,
      names: delegationNameColumns,
      deadlineExtendedTo: registrations.deadlineExtendedTo,
      draftVersion: submissions.draftVersion,
      draftUpdatedAt: submissions.draftUpdatedAt,
      clearanceRequired: delegations.clearanceRequired,
      clearanceRequestedAt: submissions.clearanceRequestedAt,
      clearedDraftVersion: submissions.clearedDraftVersion,
      // An alignment not withdrawn, with any submission of this consultation (alignments_consultation_idx).
      aligned: sql<boolean>`exists (select 1 from alignments aligned where aligned.consultation_id = ${consultationId}
        and aligned.delegation_id = "registrations"."delegation_id" and aligned.withdrawn_at is null)`,
      latest: {
        submissionId: latest.submissionId,
        draftVersion: latest.draftVersion,
        submittedAt: latest.submittedAt,
        withdrawnAt: latest.withdrawnAt,
        late: latest.late,
      },
    })
    .from(registrations)
    .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
    .leftJoin(submissions, and(eq(submissions.consultationId, consultationId), eq(submissions.delegationId, registrations.delegationId)))
    .leftJoin(latest, eq(latest.submissionId, submissions.id))
    .where(eq(registrations.consultationId, consultationId))
    .orderBy(asc(delegations.nameEn));
  return rows.map((r) => {
    const standing = missionStanding({
      draftVersion: r.draftVersion,
      draftUpdatedAt: r.draftUpdatedAt,
      latest: r.latest?.submissionId
        ? { draftVersion: r.latest.draftVersion, submittedAt: r.latest.submittedAt!, withdrawnAt: r.latest.withdrawnAt, late: r.latest.late }
        : null,
      clearance: { required: r.clearanceRequired, requestedAt: r.clearanceRequestedAt, clearedDraftVersion: r.clearedDraftVersion },
      aligned: Boolean(r.aligned),
    });
    return {
      id: r.id,
      code: r.code,
      names: r.names,
      standing,
      deadline: effectiveDeadline(consultationDeadline, r.deadlineExtendedTo),
      draftUpdatedAt: (r.draftVersion ?? 0) > 0 ? r.draftUpdatedAt : null,
      clearanceRequestedAt: standing === "awaitingClearance" ? r.clearanceRequestedAt : null,
    };
  });
}

/** The latest reminder of a consultation, from the audit log: one query. */
async function selectLastReminder(db: Reader, consultationId: string) {
  const [row] = await db
    .select({ at: auditLog.at, byName: users.name, details: auditLog.details })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.consultationId, consultationId), eq(auditLog.action, REMIND_ACTION)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  if (!row) return null;
  const details = row.details as { messages?: number; delegations?: string[] };
  return { at: row.at, byName: row.byName, messages: details.messages ?? 0, delegations: details.delegations?.length ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// The page

/**
 * What the secretariat needs before closing: each registered delegation's standing, how many
 * delegate accounts it has (a reminder reaches only those), the last reminder, and whether
 * closing now would be early. Secretariat only (null otherwise, or for an unknown consultation).
 * Four queries, however many delegations.
 */
export async function getClosingPage(user: SessionUser, consultationId: string, now = new Date()) {
  if (!mayManageConsultation(user) || !isUuid(consultationId)) return null;
  const db = await getDb();
  const consultation = await readConsultation(db, consultationId);
  if (!consultation) return null;
  const [standings, accounts, lastReminder] = await Promise.all([
    selectStandings(db, consultationId, consultation.deadline),
    db
      .select({ delegationId: users.delegationId, n: count() })
      .from(users)
      .innerJoin(registrations, and(eq(registrations.consultationId, consultationId), eq(registrations.delegationId, users.delegationId)))
      .where(and(eq(users.role, "delegate"), isNull(users.disabledAt)))
      .groupBy(users.delegationId),
    selectLastReminder(db, consultationId),
  ]);
  const accountsOf = new Map(accounts.map((a) => [a.delegationId, a.n]));
  return {
    consultation: { ...consultation, status: consultation.status as ConsultationStatus },
    delegations: standings.map((d) => ({ ...d, delegates: accountsOf.get(d.id) ?? 0 })),
    lastReminder,
    remindedToday: remindedToday(lastReminder?.at ?? null, now, consultation.meeting.timeZone),
    early: isEarlyClosing(consultation.deadline, now),
  };
}

// ---------------------------------------------------------------------------------------------
// Reminding

export type RemindResult =
  | { ok: true; messages: number; delegations: number }
  | { ok: false; reason: "not_found" | "not_open" | "deadline_passed" | "nobody" }
  | { ok: false; reason: "already_today"; lastAt: Date };

/**
 * Reminds every registered mission that has not submitted (or has changes not submitted) and has
 * not aligned itself with another's submission (a draft awaiting clearance is reminded): one
 * email per delegate, in the delegate's language, with the delegation's own deadline. At most
 * once a day (on the meeting's clock): a second click the same day is refused with the time of
 * the first, and the outbox's dedupe key (consultation, day, address) makes sure of it even if two
 * officers click at once. Recorded as "consultation.remind" in the audit log. Secretariat only;
 * while the period is open and before the deadline.
 */
export async function remindMissions(
  user: SessionUser,
  input: { consultationId: string; ipAddress?: string | null; baseUrl?: string | null; now?: Date },
): Promise<RemindResult> {
  if (!mayManageConsultation(user) || !isUuid(input.consultationId)) return { ok: false, reason: "not_found" };
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx): Promise<RemindResult> => {
    const row = await lockConsultation(tx, input.consultationId);
    if (!row) return { ok: false, reason: "not_found" };
    if (row.status !== "open") return { ok: false, reason: "not_open" };
    if (!isBeforeDeadline(row.deadline, now)) return { ok: false, reason: "deadline_passed" };
    const last = await selectLastReminder(tx, row.id);
    if (last && remindedToday(last.at, now, row.meeting.timeZone)) return { ok: false, reason: "already_today", lastAt: last.at };

    const standings = (await selectStandings(tx, row.id, row.deadline)).filter((d) => needsReminder(d.standing));
    const standingOf = new Map(standings.map((d) => [d.id, d]));
    const recipients = await listMissionDelegates(tx, row.id, [...standingOf.keys()]);
    if (!recipients.length) return { ok: false, reason: "nobody" };
    const day = reminderDay(now, row.meeting.timeZone);
    const messages = await queueMissionMessages(
      tx,
      row,
      recipients,
      { kind: MISSION_MESSAGE_KINDS.reminder, dedupe: `reminder:${row.id}:${day}`, baseUrl: input.baseUrl },
      (context, r) => {
        const d = standingOf.get(r.delegationId)!;
        return reminderMessage({ ...context, deadline: d.deadline, standing: d.standing as Exclude<MissionStanding, "submitted" | "aligned"> });
      },
    );
    const reached = [...new Set(recipients.map((r) => r.delegation.code))];
    await recordAudit(
      {
        actorId: user.id,
        action: REMIND_ACTION,
        entityType: "consultation",
        entityId: row.id,
        consultationId: row.id,
        details: { day, delegations: reached, messages, unreached: standings.filter((d) => !reached.includes(d.code)).map((d) => d.code) },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, messages, delegations: reached.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Closing

export type CloseResult =
  | { ok: true; notifications: number; early: boolean }
  | { ok: false; reason: "not_found" | "not_open" | "reason_required" | "reason_too_long" | "invalid"; status?: ConsultationStatus };

/**
 * Ends the reflection period of an open consultation (open -> closed) under a lock on the
 * consultation row, so a save or submit in progress finishes first. Before the deadline a reason
 * is required (nothing changes without it). The audit entry "consultation.close" records the
 * reason and the delegations that had not submitted (an unsubmitted draft, or nothing); every
 * delegate of every registered mission is told, in their language, with the reason and what
 * became of their delegation's draft.
 */
export async function closeReflectionPeriod(
  user: SessionUser,
  input: { consultationId: string; reason?: string | null; ipAddress?: string | null; baseUrl?: string | null; now?: Date },
): Promise<CloseResult> {
  if (!mayManageConsultation(user) || !isUuid(input.consultationId)) return { ok: false, reason: "not_found" };
  const now = input.now ?? new Date();
  const given = input.reason?.trim() ? checkDecisionReason(input.reason) : null;
  if (given && !given.ok) return { ok: false, reason: given.refusal };
  const reason = given?.ok ? given.reason : null;
  const db = await getDb();
  return db.transaction(async (tx): Promise<CloseResult> => {
    const row = await lockConsultation(tx, input.consultationId);
    if (!row) return { ok: false, reason: "not_found" };
    if (row.status !== "open") return { ok: false, reason: "not_open", status: row.status };
    const early = isEarlyClosing(row.deadline, now);
    if (early && !reason) return { ok: false, reason: "reason_required" };

    const standings = await selectStandings(tx, row.id, row.deadline);
    const moved = await moveConsultationStatus(tx, {
      consultationId: row.id,
      from: "open",
      to: "closed",
      actorId: user.id,
      ipAddress: input.ipAddress ?? null,
    });
    if (!moved.ok) throw new Error(`close: status move refused (${moved.reason})`);

    const standingOf = new Map(standings.map((d) => [d.id, d.standing]));
    const recipients = await listMissionDelegates(tx, row.id);
    const notifications = await queueMissionMessages(
      tx,
      row,
      recipients,
      { kind: MISSION_MESSAGE_KINDS.closed, dedupe: `closed:${row.id}:${now.toISOString()}`, baseUrl: input.baseUrl },
      (context, r) =>
        closingMessage({
          ...context,
          closedAt: now,
          earlyBeforeDeadline: early ? row.deadline : null,
          reason,
          standing: standingOf.get(r.delegationId) ?? "nothing",
        }),
    );
    const codes = (kinds: MissionStanding[]) => standings.filter((d) => kinds.includes(d.standing)).map((d) => d.code);
    await recordAudit(
      {
        actorId: user.id,
        action: CLOSE_ACTION,
        entityType: "consultation",
        entityId: row.id,
        consultationId: row.id,
        details: {
          beforeDeadline: early,
          deadline: row.deadline?.toISOString() ?? null,
          reason,
          unsubmittedDrafts: codes(["draftOnly", "awaitingClearance", "changedSinceSubmission"]),
          notSubmitted: codes(["nothing"]),
          // Missions aligned with another's submission (issue 19), named only when there are some.
          ...(codes(["aligned"]).length ? { aligned: codes(["aligned"]) } : {}),
          notifications,
        },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, notifications, early };
  });
}
