import { and, asc, count, desc, eq, gt, inArray, isNull, like, max, or, sql } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import type { ConsultationStatus } from "~/lib/consultation-status";
import { nameInSentence } from "~/lib/delegation-names";
import { meetingLine } from "~/lib/meeting-names";
import { MAX_COVERING_NOTE, cleanTranslations, coveringNoteFor, normalizeNote, sameTranslations, type CoveringNoteTranslations } from "~/lib/covering-note";
import { draftNoteVerbale } from "~/lib/note-verbale";
import { circulationMessage } from "~/lib/notification-text";
import { paths } from "~/lib/paths";
import { countOpenBrackets } from "~/lib/point-import";
import { mayManageConsultation } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { moveConsultationStatus, selectCurrentVersions } from "~/models/consultation.server";
import { outboxStatusCounts, queueNotifications, type QueuedNotification } from "~/models/outbox.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";
import { delegationNameColumns, delegationSentenceColumns } from "~/models/delegation.server";

const { agendaItems, consultations, delegations, invitations, meetings, nonPaperPoints, nonPapers, notificationOutbox, registrations, users } = schema;

/** The kind of the outbox messages a circulation queues. */
export const CIRCULATED_KIND = "consultation.circulated";

/** The dedupe key of one circulation message: one per non-paper and address, however often it is retried. */
export function circulationDedupeKey(nonPaperId: string, email: string): string {
  return `circulate:${nonPaperId}:${email.toLowerCase()}`;
}

// ---------------------------------------------------------------------------------------------
// Recipients

export type RecipientDelegate = {
  userId: string;
  email: string;
  name: string;
  language: Language;
  timeZone: string | null;
  delegationId: string;
};

export type RecipientInvitation = {
  invitationId: string;
  email: string;
  name: string | null;
  language: Language;
  timeZone: string | null;
  delegationId: string;
};

/**
 * Who a circulation notifies: the active delegate accounts of every registered delegation and
 * the pending, unexpired delegate invitations. Two queries.
 * Invitees have a time zone when the secretariat gave one, so their email gives the deadline in
 * their time too.
 */
export async function listCirculationRecipients(
  db: Reader,
  consultationId: string,
  now = new Date(),
): Promise<{ delegates: RecipientDelegate[]; invitations: RecipientInvitation[] }> {
  const registered = and(eq(registrations.consultationId, consultationId));
  const [delegates, pending] = await Promise.all([
    db
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        language: users.language,
        timeZone: users.timeZone,
        delegationId: registrations.delegationId,
      })
      .from(users)
      .innerJoin(registrations, and(registered, eq(registrations.delegationId, users.delegationId)))
      .where(and(eq(users.role, "delegate"), isNull(users.disabledAt)))
      .orderBy(asc(users.email)),
    db
      .select({
        invitationId: invitations.id,
        email: invitations.email,
        name: invitations.name,
        language: invitations.language,
        timeZone: invitations.timeZone,
        delegationId: registrations.delegationId,
      })
      .from(invitations)
      .innerJoin(registrations, and(registered, eq(registrations.delegationId, invitations.delegationId)))
      .where(and(eq(invitations.role, "delegate"), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
      .orderBy(asc(invitations.email), desc(invitations.createdAt)),
  ]);
  return { delegates, invitations: pending };
}

type Recipient = ({ kind: "delegate" } & RecipientDelegate) | ({ kind: "invitee" } & RecipientInvitation);

/** One recipient per address: an account wins over an invitation to the same address. */
function uniqueRecipients(found: { delegates: RecipientDelegate[]; invitations: RecipientInvitation[] }): Recipient[] {
  const seen = new Set<string>();
  const result: Recipient[] = [];
  for (const r of [
    ...found.delegates.map((d) => ({ kind: "delegate" as const, ...d })),
    ...found.invitations.map((i) => ({ kind: "invitee" as const, ...i })),
  ]) {
    const email = r.email.trim().toLowerCase();
    if (seen.has(email)) continue;
    seen.add(email);
    result.push({ ...r, email });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// What circulation needs

export type CirculationBlocker = "no_points" | "no_registrations" | "no_deadline" | "deadline_passed";

export function circulationBlockers(facts: { points: number; registrations: number; deadline: Date | null }, now = new Date()) {
  const blockers: CirculationBlocker[] = [];
  if (facts.points === 0) blockers.push("no_points");
  if (facts.registrations === 0) blockers.push("no_registrations");
  if (!facts.deadline) blockers.push("no_deadline");
  else if (facts.deadline.getTime() <= now.getTime()) blockers.push("deadline_passed");
  return blockers;
}

const consultationColumns = {
  id: consultations.id,
  title: consultations.title,
  status: consultations.status,
  deadline: consultations.deadline,
  coveringNote: consultations.coveringNote,
  coveringNoteTranslations: consultations.coveringNoteTranslations,
  circulatedAt: consultations.circulatedAt,
  closedAt: consultations.closedAt,
  parentSession: consultations.parentSession,
  parentSessionVenue: consultations.parentSessionVenue,
  parentSessionStartDate: consultations.parentSessionStartDate,
  parentSessionEndDate: consultations.parentSessionEndDate,
  reflectionApprovedOn: consultations.reflectionApprovedOn,
  reflectionApprovalMethod: consultations.reflectionApprovalMethod,
  // A later round's note says which text it revises (issue 18): the round, and when the one before went out.
  round: consultations.round,
  previousCirculatedAt: sql<
    number | null
  >`(select extract(epoch from p.circulated_at)::float8 from consultations p where p.id = ${consultations.previousRoundId})`,
  meeting: {
    id: meetings.id,
    body: meetings.body,
    parentBody: meetings.parentBody,
    session: meetings.session,
    venue: meetings.venue,
    // The email's meeting line and the note in each language (meeting-names.ts, note-verbale.ts).
    bodyTranslations: meetings.bodyTranslations,
    venueTranslations: meetings.venueTranslations,
    startDate: meetings.startDate,
    endDate: meetings.endDate,
    format: meetings.format,
    timeZone: meetings.timeZone,
  },
};

type ConsultationRow = {
  id: string;
  title: string;
  deadline: Date | null;
  parentSession: string | null;
  parentSessionVenue: string | null;
  parentSessionStartDate: string | null;
  parentSessionEndDate: string | null;
  reflectionApprovedOn: string | null;
  reflectionApprovalMethod: string | null;
  round: number;
  previousCirculatedAt: number | null;
  meeting: {
    body: string;
    parentBody: string | null;
    venue: string;
    bodyTranslations: Partial<Record<Language, string>>;
    venueTranslations: Partial<Record<Language, string>>;
    startDate: string;
    endDate: string;
    format: "in_person" | "hybrid" | "online";
    timeZone: string;
  };
};

/** The numbers of the agenda items that have points, in agenda order ("2", "3"). */
async function numberedItemsWithPoints(db: Reader, consultationId: string, itemIdsWithPoints: Set<string>) {
  const items = await db
    .select({ id: agendaItems.id, number: agendaItems.number })
    .from(agendaItems)
    .where(eq(agendaItems.consultationId, consultationId))
    .orderBy(asc(agendaItems.position));
  return items.filter((item) => itemIdsWithPoints.has(item.id) && item.number).map((item) => item.number!);
}

/** The calendar date of an instant in a zone, "YYYY-MM-DD" (for the note's date line). */
function calendarDateIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** The generated covering note for a consultation in a language (the secretariat may edit it before circulating). */
function generateNote(row: ConsultationRow, itemNumbers: string[], link: string, now: Date, language: Language = "en"): string {
  return draftNoteVerbale(
    {
      meeting: row.meeting,
      consultationTitle: row.title,
      reflectionApprovedOn: row.reflectionApprovedOn,
      reflectionApprovalMethod: row.reflectionApprovalMethod,
      agendaItemNumbers: itemNumbers,
      deadline: row.deadline,
      parentSession: row.parentSession,
      parentSessionVenue: row.parentSessionVenue,
      parentSessionStartDate: row.parentSessionStartDate,
      parentSessionEndDate: row.parentSessionEndDate,
      link,
      // The note is dated the day it is drafted; the officer corrects it if it goes out later.
      place: row.meeting.venue,
      date: calendarDateIn(now, row.meeting.timeZone),
      revision:
        row.round > 1
          ? {
              number: row.round - 1,
              previousCirculatedOn:
                row.previousCirculatedAt === null ? null : calendarDateIn(new Date(Number(row.previousCirculatedAt) * 1000), row.meeting.timeZone),
            }
          : null,
    },
    language,
  );
}

export function consultationLink(baseUrl: string, consultationId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${paths.consultation(consultationId)}`;
}

/**
 * The covering note drafted from the consultation's data in a language, for the officer's text box
 * (nothing is saved). Secretariat only: null for anyone else and for an unknown consultation.
 */
export async function draftCoveringNote(
  user: SessionUser,
  consultationId: string,
  language: Language,
  options: { baseUrl: string; now?: Date },
): Promise<string | null> {
  if (!mayManageConsultation(user)) return null;
  const db = await getDb();
  const [row] = await db
    .select(consultationColumns)
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId));
  if (!row) return null;
  const versions = await selectCurrentVersions(db, consultationId);
  const itemNumbers = await numberedItemsWithPoints(db, consultationId, new Set(versions.map((v) => v.agendaItemId)));
  return generateNote(row, itemNumbers, consultationLink(options.baseUrl, consultationId), options.now ?? new Date(), language);
}

/**
 * The last non-paper number given out in a consultation or the round before it: a second round's
 * revised text is circulated as the next non-paper (2 after 1), not as a first one. One query.
 */
function selectLastNonPaperNumber(db: Reader, consultationId: string) {
  const previous = db.select({ id: consultations.previousRoundId }).from(consultations).where(eq(consultations.id, consultationId));
  return db
    .select({ number: max(nonPapers.number) })
    .from(nonPapers)
    .where(or(eq(nonPapers.consultationId, consultationId), inArray(nonPapers.consultationId, previous)));
}

// ---------------------------------------------------------------------------------------------
// The circulation page

/**
 * Everything the circulation page shows, in a bounded number of queries (eight at most, however
 * many points, delegations and recipients): the checklist, the covering note (saved, else
 * generated), what circulating would do; and, once circulated, the non-paper and its messages.
 * Secretariat only: null for anyone else and for an unknown consultation.
 */
export async function getCirculationPage(user: SessionUser, consultationId: string, options: { baseUrl: string; now?: Date }) {
  if (!mayManageConsultation(user)) return null;
  const now = options.now ?? new Date();
  const db = await getDb();
  const [row] = await db
    .select(consultationColumns)
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId));
  if (!row) return null;

  const [versions, registered, recipients, [latest]] = await Promise.all([
    selectCurrentVersions(db, consultationId),
    db
      .select({
        delegationId: registrations.delegationId,
        ...delegationNameColumns,
      })
      .from(registrations)
      .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
      .where(eq(registrations.consultationId, consultationId))
      .orderBy(asc(delegations.nameEn)),
    listCirculationRecipients(db, consultationId, now),
    db
      .select({
        id: nonPapers.id,
        number: nonPapers.number,
        circulatedAt: nonPapers.circulatedAt,
        coveringNote: nonPapers.coveringNote,
        coveringNoteTranslations: nonPapers.coveringNoteTranslations,
        circulatedByName: users.name,
        points: count(nonPaperPoints.pointVersionId),
      })
      .from(nonPapers)
      .leftJoin(users, eq(users.id, nonPapers.circulatedBy))
      .leftJoin(nonPaperPoints, eq(nonPaperPoints.nonPaperId, nonPapers.id))
      .where(eq(nonPapers.consultationId, consultationId))
      .groupBy(nonPapers.id, users.name)
      .orderBy(desc(nonPapers.number))
      .limit(1),
  ]);

  const itemIds = new Set(versions.map((v) => v.agendaItemId));
  const itemNumbers = await numberedItemsWithPoints(db, consultationId, itemIds);
  const unique = uniqueRecipients(recipients);
  const reached = new Set(unique.map((r) => r.delegationId));
  const link = consultationLink(options.baseUrl, consultationId);

  const notifications = latest
    ? await db
        .select({
          id: notificationOutbox.id,
          recipientEmail: notificationOutbox.recipientEmail,
          language: notificationOutbox.language,
          status: notificationOutbox.status,
          attempts: notificationOutbox.attempts,
          lastError: notificationOutbox.lastError,
          sentAt: notificationOutbox.sentAt,
          createdAt: notificationOutbox.createdAt,
        })
        .from(notificationOutbox)
        .where(and(eq(notificationOutbox.consultationId, consultationId), like(notificationOutbox.dedupeKey, `circulate:${latest.id}:%`)))
        .orderBy(asc(notificationOutbox.recipientEmail))
    : [];

  return {
    consultation: {
      id: row.id,
      title: row.title,
      status: row.status as ConsultationStatus,
      deadline: row.deadline,
      circulatedAt: row.circulatedAt,
      closedAt: row.closedAt,
      meeting: { body: row.meeting.body, timeZone: row.meeting.timeZone },
    },
    checklist: {
      points: versions.length,
      agendaItemsWithPoints: itemIds.size,
      pointsWithBrackets: versions.filter((v) => countOpenBrackets(v.text) > 0).length,
      registrations: registered.length,
      deadline: row.deadline,
      blockers: circulationBlockers({ points: versions.length, registrations: registered.length, deadline: row.deadline }, now),
      // Registered delegations that nobody would hear from: a warning, not a blocker.
      unreachedDelegations: registered.filter((d) => !reached.has(d.delegationId)),
    },
    recipients: {
      delegates: unique.filter((r) => r.kind === "delegate").length,
      invitees: unique.filter((r) => r.kind === "invitee").length,
      delegations: reached.size,
    },
    nextNonPaperNumber: ((await selectLastNonPaperNumber(db, consultationId))[0]?.number ?? 0) + 1,
    note: {
      saved: row.coveringNote,
      generated: generateNote(row, itemNumbers, link, now),
      // The other languages are drafted on request ("draft in this language"), not on every view.
      translations: cleanTranslations(row.coveringNoteTranslations),
    },
    nonPaper: latest ? { ...latest, coveringNoteTranslations: cleanTranslations(latest.coveringNoteTranslations) } : null,
    notifications,
    notificationCounts: outboxStatusCounts(notifications),
  };
}

/** What the circulation page shows (the parts of the page take it as it is). */
export type CirculationPageData = NonNullable<Awaited<ReturnType<typeof getCirculationPage>>>;

// ---------------------------------------------------------------------------------------------
// Changes

type Refusal<R extends string> = { ok: false; reason: R; status?: ConsultationStatus; blockers?: CirculationBlocker[] };

/** Locks the consultation row for the rest of the transaction and reads it with its meeting. */
async function lockConsultation(tx: Transaction, consultationId: string) {
  const [row] = await tx
    .select(consultationColumns)
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId))
    .for("update", { of: consultations });
  return row ?? null;
}

export type SaveNoteResult = { ok: true; changed: boolean } | Refusal<"not_found" | "not_draft" | "note_required" | "note_too_long">;

/**
 * The translations of the note to store: those given, cleaned (an empty text removes a language),
 * or the saved ones when none were given (a caller that only knows the English note keeps them).
 */
function noteTranslations(given: CoveringNoteTranslations | undefined, saved: unknown): CoveringNoteTranslations {
  return given === undefined ? cleanTranslations(saved) : cleanTranslations(given);
}

const tooLong = (translations: CoveringNoteTranslations) => Object.values(translations).some((text) => text.length > MAX_COVERING_NOTE);

/** The audit's trace of the translations: their lengths by language, nothing when there are none. */
function translationLengths(translations: CoveringNoteTranslations) {
  const entries = Object.entries(translations);
  return entries.length ? { translations: Object.fromEntries(entries.map(([language, text]) => [language, text.length])) } : {};
}

/**
 * Stores the edited covering note of a draft consultation, in English and in the other languages
 * the officer prepared (`coveringNoteTranslations`; left as saved when not given), with an audit entry.
 */
export async function saveCoveringNote(
  user: SessionUser,
  input: { consultationId: string; coveringNote: string; coveringNoteTranslations?: CoveringNoteTranslations; ipAddress?: string | null },
): Promise<SaveNoteResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const note = normalizeNote(input.coveringNote);
  if (!note) return { ok: false, reason: "note_required" };
  if (note.length > MAX_COVERING_NOTE) return { ok: false, reason: "note_too_long" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<SaveNoteResult> => {
    const row = await lockConsultation(tx, input.consultationId);
    if (!row) return { ok: false, reason: "not_found" };
    if (row.status !== "draft") return { ok: false, reason: "not_draft", status: row.status };
    const translations = noteTranslations(input.coveringNoteTranslations, row.coveringNoteTranslations);
    if (tooLong(translations)) return { ok: false, reason: "note_too_long" };
    if (row.coveringNote === note && sameTranslations(translations, cleanTranslations(row.coveringNoteTranslations))) return { ok: true, changed: false };
    await tx
      .update(consultations)
      .set({ coveringNote: note, coveringNoteTranslations: translations, updatedAt: new Date() })
      .where(eq(consultations.id, row.id));
    await recordAudit(
      {
        actorId: user.id,
        action: "consultation.covering_note",
        entityType: "consultation",
        entityId: row.id,
        consultationId: row.id,
        details: { length: note.length, ...translationLengths(translations) },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, changed: true };
  });
}

export type CirculateResult =
  | { ok: true; nonPaperId: string; number: number; points: number; notifications: number }
  | Refusal<"not_found" | "not_draft" | "blocked" | "note_required" | "note_too_long">;

/**
 * Circulates a draft consultation, all in one transaction under a lock on the consultation row
 * (so two clicks or two officers make exactly one non-paper): re-checks what circulation needs;
 * inserts the next non-paper with the covering note (English, and the other languages prepared:
 * `coveringNoteTranslations`, else those saved) and freezes the current version of every point in
 * it; moves the consultation draft -> open; records the circulation in the audit log; and queues one
 * email per recipient in their language, with the note in that language when there is one
 * (coveringNoteFor), deduplicated per non-paper and address. Sending is the dispatcher's work, after
 * the commit.
 */
export async function circulateConsultation(
  user: SessionUser,
  input: {
    consultationId: string;
    coveringNote: string;
    coveringNoteTranslations?: CoveringNoteTranslations;
    baseUrl: string;
    ipAddress?: string | null;
    now?: Date;
  },
): Promise<CirculateResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const note = normalizeNote(input.coveringNote);
  if (!note) return { ok: false, reason: "note_required" };
  if (note.length > MAX_COVERING_NOTE) return { ok: false, reason: "note_too_long" };
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx): Promise<CirculateResult> => {
    const row = await lockConsultation(tx, input.consultationId);
    if (!row) return { ok: false, reason: "not_found" };
    if (row.status !== "draft") return { ok: false, reason: "not_draft", status: row.status };
    const translations = noteTranslations(input.coveringNoteTranslations, row.coveringNoteTranslations);
    if (tooLong(translations)) return { ok: false, reason: "note_too_long" };

    const [versions, [registered], found, [last]] = await Promise.all([
      selectCurrentVersions(tx, row.id),
      tx.select({ n: count() }).from(registrations).where(eq(registrations.consultationId, row.id)),
      listCirculationRecipients(tx, row.id, now),
      selectLastNonPaperNumber(tx, row.id),
    ]);
    const blockers = circulationBlockers({ points: versions.length, registrations: registered?.n ?? 0, deadline: row.deadline }, now);
    if (blockers.length) return { ok: false, reason: "blocked", blockers };

    const number = (last?.number ?? 0) + 1;
    const [nonPaper] = await tx
      .insert(nonPapers)
      .values({ consultationId: row.id, number, circulatedAt: now, circulatedBy: user.id, coveringNote: note, coveringNoteTranslations: translations })
      .returning({ id: nonPapers.id });
    const nonPaperId = nonPaper!.id;
    await tx.insert(nonPaperPoints).values(versions.map((v) => ({ nonPaperId, pointVersionId: v.versionId })));
    await tx.update(consultations).set({ coveringNote: note, coveringNoteTranslations: translations }).where(eq(consultations.id, row.id));
    const moved = await moveConsultationStatus(tx, {
      consultationId: row.id,
      from: "draft",
      to: "open",
      actorId: user.id,
      ipAddress: input.ipAddress ?? null,
    });
    // Cannot happen under the row lock; throwing rolls back everything written above.
    if (!moved.ok) throw new Error(`circulation: status move refused (${moved.reason})`);

    const recipients = uniqueRecipients(found);
    const names = recipients.length
      ? await tx
          .select({
            id: delegations.id,
            ...delegationSentenceColumns,
          })
          .from(delegations)
          .where(inArray(delegations.id, [...new Set(recipients.map((r) => r.delegationId))]))
      : [];
    const nameOf = new Map(names.map((d) => [d.id, d]));
    const link = consultationLink(input.baseUrl, row.id);
    const messages: QueuedNotification[] = recipients.map((r) => {
      const covering = coveringNoteFor(r.language, { english: note, translations });
      const text = circulationMessage({
        language: r.language,
        recipientName: r.name,
        isInvitee: r.kind === "invitee",
        delegationName: nameInSentence(nameOf.get(r.delegationId)!, r.language),
        consultationTitle: row.title,
        meetingName: meetingLine(row.meeting, r.language),
        deadline: row.deadline!,
        meetingTimeZone: row.meeting.timeZone,
        recipientTimeZone: r.timeZone ?? null,
        link,
        coveringNote: covering.text,
        coveringNoteLanguage: covering.language,
      });
      return {
        recipientEmail: r.email,
        recipientUserId: r.kind === "delegate" ? r.userId : null,
        language: r.language,
        kind: CIRCULATED_KIND,
        subject: text.subject,
        body: text.body,
        consultationId: row.id,
        dedupeKey: circulationDedupeKey(nonPaperId, r.email),
      };
    });
    await queueNotifications(messages, tx);

    await recordAudit(
      {
        actorId: user.id,
        action: "consultation.circulate",
        entityType: "consultation",
        entityId: row.id,
        consultationId: row.id,
        details: {
          nonPaperId,
          nonPaper: number,
          points: versions.length,
          delegations: registered?.n ?? 0,
          delegates: recipients.filter((r) => r.kind === "delegate").length,
          invitees: recipients.filter((r) => r.kind === "invitee").length,
          notifications: messages.length,
          ...translationLengths(translations),
        },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, nonPaperId, number, points: versions.length, notifications: messages.length };
  });
}

// Closing lives with reminders and the list of who has not submitted (closing.server.ts).
export { closeReflectionPeriod, type CloseResult } from "~/models/closing.server";
