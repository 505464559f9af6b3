import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { matchNameList } from "~/lib/delegation-match";
import { buildRegistrationReview, canChangeRegistrations, toMatchable, type Participation, type ReviewRow } from "~/lib/registration-review";
import { mayManageConsultation } from "~/lib/permissions";
import { isActive, type ConsultationStatus } from "~/lib/consultation-status";
import { MISSION_ACTIONS, MISSION_CHANGES_SHOWN, mayBeFocalPoint, type MissionAction } from "~/lib/focal-point";
import { recordAudit } from "~/models/audit.server";
import { delegationNameColumns, delegationSentenceColumns } from "~/models/delegation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Database, type Transaction } from "~/utils/db.server";

const { auditLog, consultations, delegations, invitations, meetings, registrations, submissions, users } = schema;

/**
 * Everything the registrations page shows, for the secretariat only (null otherwise, or when the
 * consultation does not exist). Six queries however many delegations, delegates and invitations:
 * the consultation, then in parallel the registrations, the delegates of registered delegations,
 * their invitations, the full list of delegations (for the picker and for matching names), and the
 * latest changes each mission's focal point made (from the audit log, a few per mission).
 */
export async function getRegistrationsPage(user: SessionUser, consultationId: string) {
  if (!mayManageConsultation(user)) return null;
  const db = await getDb();
  const [consultation] = await db
    .select({
      id: consultations.id,
      title: consultations.title,
      status: consultations.status,
      meeting: {
        body: meetings.body,
        symbolPrefix: meetings.symbolPrefix,
        session: meetings.session,
        timeZone: meetings.timeZone,
      },
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId));
  if (!consultation) return null;

  const registeredHere = and(eq(registrations.consultationId, consultationId), eq(registrations.delegationId, users.delegationId));
  const [registered, delegates, invited, allDelegations, missionChanges] = await Promise.all([
    db
      .select({
        id: registrations.id,
        participation: registrations.participation,
        createdAt: registrations.createdAt,
        // The mission's focal point (one of its delegates) and the limit set for it (issue 19).
        focalPointId: registrations.focalPointId,
        delegateLimit: registrations.delegateLimit,
        // Removal is refused once the delegation has a submission (even a draft) here.
        hasSubmission: sql<boolean>`exists (select 1 from ${submissions} where ${submissions.consultationId} = ${registrations.consultationId} and ${submissions.delegationId} = ${registrations.delegationId})`,
        delegation: { id: delegations.id, code: delegations.code, ...delegationSentenceColumns },
      })
      .from(registrations)
      .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
      .where(eq(registrations.consultationId, consultationId))
      .orderBy(asc(delegations.nameEn)),
    db
      .select({
        id: users.id,
        delegationId: users.delegationId,
        name: users.name,
        email: users.email,
        language: users.language,
        timeZone: users.timeZone,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .innerJoin(registrations, registeredHere)
      .where(eq(users.role, "delegate"))
      .orderBy(asc(users.name)),
    db
      .select({
        id: invitations.id,
        delegationId: invitations.delegationId,
        email: invitations.email,
        name: invitations.name,
        language: invitations.language,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
      })
      .from(invitations)
      .innerJoin(registrations, and(eq(registrations.consultationId, consultationId), eq(registrations.delegationId, invitations.delegationId)))
      // Replaced or withdrawn links are history (the audit log keeps them), not work to do.
      .where(isNull(invitations.revokedAt))
      .orderBy(desc(invitations.createdAt)),
    db
      // With the articles: the notices and review labels put a name into a sentence.
      .select({ id: delegations.id, code: delegations.code, ...delegationSentenceColumns, formalNameEn: delegations.formalNameEn })
      .from(delegations)
      .orderBy(asc(delegations.nameEn)),
    selectMissionChanges(db, consultationId),
  ]);
  return { consultation, registered, delegates, invitations: invited, delegations: allDelegations, missionChanges };
}

/**
 * The latest changes by the focal points (mission.* entries of the audit log, which name the
 * delegation's code), at most MISSION_CHANGES_SHOWN per mission: one query, bounded by the
 * consultation's index and the rank; the audit page lists them all.
 */
function selectMissionChanges(db: Database, consultationId: string) {
  const ranked = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: sql<MissionAction>`${auditLog.action}`.as("action"),
      actorName: sql<string | null>`${users.name}`.as("actor_name"),
      email: sql<string | null>`${auditLog.details}->>'email'`.as("email"),
      code: sql<string | null>`${auditLog.details}->>'code'`.as("code"),
      rank: sql<number>`row_number() over (partition by ${auditLog.details}->>'code' order by ${auditLog.id} desc)`.as("rank"),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.consultationId, consultationId), inArray(auditLog.action, [...MISSION_ACTIONS])))
    .as("ranked");
  return db
    .select({ id: ranked.id, at: ranked.at, action: ranked.action, actorName: ranked.actorName, email: ranked.email, code: ranked.code })
    .from(ranked)
    .where(lte(ranked.rank, MISSION_CHANGES_SHOWN))
    .orderBy(desc(ranked.id));
}

/** The delegations (id and code) registered for a consultation: one query. */
export async function listRegisteredDelegationIds(consultationId: string): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db.select({ delegationId: registrations.delegationId }).from(registrations).where(eq(registrations.consultationId, consultationId));
  return new Set(rows.map((r) => r.delegationId));
}

/** Every delegation with its names in six languages, for matching pasted names: one query. */
export async function listDelegationsForMatching() {
  const db = await getDb();
  return db
    .select({ id: delegations.id, code: delegations.code, ...delegationNameColumns, formalNameEn: delegations.formalNameEn })
    .from(delegations)
    .orderBy(asc(delegations.nameEn));
}

/** Matches pasted names against every delegation and marks those already registered: two queries. */
export async function reviewPastedNames(consultationId: string, names: string): Promise<ReviewRow[]> {
  const [every, registered] = await Promise.all([listDelegationsForMatching(), listRegisteredDelegationIds(consultationId)]);
  return buildRegistrationReview(matchNameList(names, every.map(toMatchable)), registered);
}

type Refusal = "not_found" | "wrong_status";

/**
 * Reads the consultation's status under a share lock, so that a status move (an UPDATE) waits
 * for this transaction and a registration never slips in after closing.
 */
export async function lockedStatus(tx: Transaction, consultationId: string) {
  const [row] = await tx.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, consultationId)).for("share");
  return row?.status ?? null;
}

export type RegisterResult = { ok: true; added: string[]; alreadyRegistered: string[] } | { ok: false; reason: Refusal | "unknown_delegation" };

/**
 * Registers delegations (by id) with one participation. Idempotent: delegations already
 * registered stay as they are and are reported back. Audited as "registration.create" with
 * the codes added, in the same transaction.
 */
export async function registerDelegations(
  user: SessionUser,
  input: { consultationId: string; delegationIds: string[]; participation: Participation; ipAddress?: string | null },
): Promise<RegisterResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const wanted = [...new Set(input.delegationIds)];
  if (!wanted.length) return { ok: false, reason: "unknown_delegation" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const status = await lockedStatus(tx, input.consultationId);
    if (!status) return { ok: false, reason: "not_found" } as const;
    if (!canChangeRegistrations(status)) return { ok: false, reason: "wrong_status" } as const;
    const found = await tx.select({ id: delegations.id, code: delegations.code }).from(delegations).where(inArray(delegations.id, wanted));
    if (found.length !== wanted.length) return { ok: false, reason: "unknown_delegation" } as const;
    const inserted = await tx
      .insert(registrations)
      .values(
        found.map((d) => ({
          consultationId: input.consultationId,
          delegationId: d.id,
          participation: input.participation,
          registeredBy: user.id,
        })),
      )
      .onConflictDoNothing({ target: [registrations.consultationId, registrations.delegationId] })
      .returning({ delegationId: registrations.delegationId });
    const addedIds = new Set(inserted.map((r) => r.delegationId));
    const added = found
      .filter((d) => addedIds.has(d.id))
      .map((d) => d.code)
      .sort();
    const alreadyRegistered = found
      .filter((d) => !addedIds.has(d.id))
      .map((d) => d.code)
      .sort();
    if (added.length) {
      await recordAudit(
        {
          actorId: user.id,
          action: "registration.create",
          entityType: "consultation",
          entityId: input.consultationId,
          consultationId: input.consultationId,
          details: { codes: added, participation: input.participation },
          ipAddress: input.ipAddress ?? null,
        },
        tx,
      );
    }
    return { ok: true, added, alreadyRegistered } as const;
  });
}

/**
 * One delegation's registration with its code, participation, focal point (and the focal point's
 * address, for the audit) and limit, locked for the change the caller makes.
 */
async function lockRegistration(tx: Transaction, consultationId: string, delegationId: string) {
  const [registration] = await tx
    .select({
      id: registrations.id,
      code: delegations.code,
      participation: registrations.participation,
      focalPointId: registrations.focalPointId,
      focalPointEmail: users.email,
      delegateLimit: registrations.delegateLimit,
    })
    .from(registrations)
    .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
    .leftJoin(users, eq(users.id, registrations.focalPointId))
    .where(and(eq(registrations.consultationId, consultationId), eq(registrations.delegationId, delegationId)))
    .for("update", { of: registrations });
  return registration ?? null;
}

type LockedRegistration = NonNullable<Awaited<ReturnType<typeof lockRegistration>>>;
type RegistrationInput = { consultationId: string; delegationId: string; ipAddress?: string | null };

/**
 * The secretariat's change of one delegation's registration: in a transaction, the consultation's
 * status share-locked (a status move waits), the registration locked, the status `allowed`; then
 * `work`. "not_found" for anyone else, for no such consultation or registration.
 */
async function changeRegistration<R>(
  user: SessionUser,
  input: RegistrationInput,
  allowed: (status: ConsultationStatus) => boolean,
  work: (tx: Transaction, registration: LockedRegistration) => Promise<R>,
): Promise<R | { ok: false; reason: Refusal }> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const status = await lockedStatus(tx, input.consultationId);
    if (!status) return { ok: false as const, reason: "not_found" as const };
    const registration = await lockRegistration(tx, input.consultationId, input.delegationId);
    if (!registration) return { ok: false as const, reason: "not_found" as const };
    if (!allowed(status)) return { ok: false as const, reason: "wrong_status" as const };
    return work(tx, registration);
  });
}

/** A change of a registration, in the audit log in the change's transaction. */
const auditRegistration = (
  tx: Transaction,
  user: SessionUser,
  input: RegistrationInput,
  registration: LockedRegistration,
  action: string,
  details: Record<string, unknown>,
) =>
  recordAudit(
    {
      actorId: user.id,
      action,
      entityType: "registration",
      entityId: registration.id,
      consultationId: input.consultationId,
      details: { code: registration.code, ...details },
      ipAddress: input.ipAddress ?? null,
    },
    tx,
  );

export type RemoveResult = { ok: true; code: string } | { ok: false; reason: Refusal | "has_submission" };

/**
 * Removes a registration while the consultation is a draft or open, and only when the
 * delegation has no submission (draft or submitted) for it: its comments must not be orphaned.
 */
export function removeRegistration(user: SessionUser, input: RegistrationInput): Promise<RemoveResult> {
  return changeRegistration(user, input, canChangeRegistrations, async (tx, registration): Promise<RemoveResult> => {
    // One statement: the registration goes only if no submission exists at that moment.
    const deleted = await tx
      .delete(registrations)
      .where(
        and(
          eq(registrations.id, registration.id),
          sql`not exists (select 1 from ${submissions} where ${submissions.consultationId} = ${input.consultationId} and ${submissions.delegationId} = ${input.delegationId})`,
        ),
      )
      .returning({ id: registrations.id });
    if (!deleted.length) return { ok: false, reason: "has_submission" };
    await auditRegistration(tx, user, input, registration, "registration.delete", { participation: registration.participation });
    return { ok: true, code: registration.code };
  });
}

export type ParticipationResult = { ok: true } | { ok: false; reason: Refusal | "unchanged" };

/** Changes how a registered delegation takes part; audited as "registration.update". */
export function changeParticipation(user: SessionUser, input: RegistrationInput & { participation: Participation }): Promise<ParticipationResult> {
  return changeRegistration(user, input, canChangeRegistrations, async (tx, registration): Promise<ParticipationResult> => {
    if (registration.participation === input.participation) return { ok: false, reason: "unchanged" };
    await tx.update(registrations).set({ participation: input.participation }).where(eq(registrations.id, registration.id));
    await auditRegistration(tx, user, input, registration, "registration.update", { from: registration.participation, to: input.participation });
    return { ok: true };
  });
}

/** The consultation's status, or null when there is no such consultation: one query. */
export async function findConsultationStatus(consultationId: string) {
  const db = await getDb();
  const [row] = await db.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, consultationId));
  return row?.status ?? null;
}

// ---------------------------------------------------------------------------------------------
// The mission's focal point and its limit (issue 19)

/** `name`: the focal point's now (null: none), for the notice. */
export type FocalPointResult = { ok: true; changed: boolean; name?: string | null } | { ok: false; reason: "not_found" | "wrong_status" | "not_delegate" };

/**
 * Names the mission's focal point for the consultation (an active delegate of that delegation), or
 * none (null), while the CRP is not compiled; "registration.focal_point" with the addresses before
 * and after. The same choice again changes nothing and logs nothing.
 */
export function setFocalPoint(user: SessionUser, input: RegistrationInput & { focalPointId: string | null }): Promise<FocalPointResult> {
  return changeRegistration(user, input, isActive, async (tx, registration): Promise<FocalPointResult> => {
    let email: string | null = null;
    let name: string | null = null;
    if (input.focalPointId) {
      const [candidate] = await tx
        .select({ email: users.email, name: users.name, role: users.role, delegationId: users.delegationId, disabledAt: users.disabledAt })
        .from(users)
        .where(eq(users.id, input.focalPointId));
      if (!mayBeFocalPoint(candidate ?? null, input.delegationId)) return { ok: false, reason: "not_delegate" };
      email = candidate!.email;
      name = candidate!.name;
    }
    if (registration.focalPointId === input.focalPointId) return { ok: true, changed: false, name };
    await tx.update(registrations).set({ focalPointId: input.focalPointId }).where(eq(registrations.id, registration.id));
    await auditRegistration(tx, user, input, registration, "registration.focal_point", { from: registration.focalPointEmail, to: email });
    return { ok: true, changed: true, name };
  });
}

/**
 * Sets how many delegates (active, plus invitations pending) the focal point may bring the mission
 * to, or none (null: the default); "registration.delegate_limit". A lower limit than the mission
 * has removes no one: it refuses the next invitation.
 */
export function setDelegateLimit(user: SessionUser, input: RegistrationInput & { delegateLimit: number | null }): Promise<FocalPointResult> {
  return changeRegistration(user, input, isActive, async (tx, registration): Promise<FocalPointResult> => {
    if (registration.delegateLimit === input.delegateLimit) return { ok: true, changed: false };
    await tx.update(registrations).set({ delegateLimit: input.delegateLimit }).where(eq(registrations.id, registration.id));
    await auditRegistration(tx, user, input, registration, "registration.delegate_limit", { from: registration.delegateLimit, to: input.delegateLimit });
    return { ok: true, changed: true };
  });
}
