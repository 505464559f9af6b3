// The mission page (issue 19): the delegates of one registered delegation and its pending
// invitations, read by every delegate of the mission; its focal point for the consultation invites
// colleagues (within the limit the secretariat set), withdraws pending invitations and removes
// colleagues (their accounts disabled, as the secretariat does on /users). The rules are
// app/lib/focal-point.ts's; each change is decided under locks and audited in its transaction.
import { and, asc, count, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import {
  isFocalPoint,
  mayInviteWithin,
  maySeeMission,
  missionChangeRefusal,
  removalRefusal,
  effectiveDelegateLimit,
  type MissionModelRefusal,
  type MissionRefusal,
} from "~/lib/focal-point";
import { isActive } from "~/lib/consultation-status";
import { isUuid } from "~/lib/ids";
import { disableAccountIn } from "~/models/account.server";
import { recordAudit } from "~/models/audit.server";
import { delegationSentenceColumns } from "~/models/delegation.server";
import { inviteForMission, isPendingInvitation, revokeFound } from "~/models/invitation.server";
import { normalizeEmail, type SessionUser } from "~/models/user.server";
import { getDb, schema, type Database, type Transaction } from "~/utils/db.server";

const { consultations, delegations, invitations, meetings, registrations, users } = schema;

/**
 * Whether the account is the focal point of any registration (one cannot remove such a colleague).
 * Written with its own names: drizzle leaves the table out of column names in a one-table select,
 * and "id" would then be the registration's.
 */
const focalPointAnywhere = sql<boolean>`exists (select 1 from registrations fp where fp.focal_point_id = "users"."id")`;

/** The delegate's delegation, when the user may see a mission's page at all; null otherwise (404). */
function missionScope(user: SessionUser, consultationId: string): string | null {
  return maySeeMission(user) && user.delegationId && isUuid(consultationId) ? user.delegationId : null;
}

/**
 * The mission's registration for the consultation, with the consultation, its meeting's time zone and
 * the delegation, as the page and the rules need it: none when the user's delegation is not
 * registered for it, or it is a draft.
 */
function selectMission(db: Database | Transaction, user: SessionUser, consultationId: string) {
  return db
    .select({
      registrationId: registrations.id,
      delegationId: registrations.delegationId,
      focalPointId: registrations.focalPointId,
      delegateLimit: registrations.delegateLimit,
      status: consultations.status,
      code: delegations.code,
      consultation: { id: consultations.id, title: consultations.title, status: consultations.status },
      timeZone: meetings.timeZone,
      delegation: { id: delegations.id, code: delegations.code, ...delegationSentenceColumns },
    })
    .from(registrations)
    .innerJoin(consultations, eq(consultations.id, registrations.consultationId))
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
    .where(
      and(eq(registrations.consultationId, consultationId), eq(registrations.delegationId, user.delegationId ?? sql`null`), ne(consultations.status, "draft")),
    );
}

/** A pending invitation of the delegation (an expired link takes no place), by the database's clock. */
const pendingOf = (delegationId: string) => and(eq(invitations.delegationId, delegationId), isPendingInvitation(sql`now()`));

/**
 * Everything the mission page shows, for a delegate of a delegation registered for the (circulated)
 * consultation; null otherwise (404). Three queries in parallel, however many delegates: the
 * registration with the consultation, the delegation's delegate accounts, its pending invitations.
 */
export async function getMissionPage(user: SessionUser, consultationId: string) {
  const delegationId = missionScope(user, consultationId);
  if (!delegationId) return null;
  const db = await getDb();
  const [[mission], delegates, pending] = await Promise.all([
    selectMission(db, user, consultationId),
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        language: users.language,
        disabledAt: users.disabledAt,
        focalPointAnywhere,
      })
      .from(users)
      .where(and(eq(users.delegationId, delegationId), eq(users.role, "delegate")))
      .orderBy(asc(users.name)),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        name: invitations.name,
        language: invitations.language,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .where(pendingOf(delegationId))
      .orderBy(desc(invitations.createdAt)),
  ]);
  if (!mission) return null;
  const focal = isFocalPoint(user, { delegationId, focalPointId: mission.focalPointId });
  const active = delegates.filter((d) => !d.disabledAt).length;
  return {
    consultation: mission.consultation,
    timeZone: mission.timeZone,
    delegation: mission.delegation,
    focalPoint: delegates.find((d) => d.id === mission.focalPointId) ?? null,
    isFocalPoint: focal,
    canChange: focal && isActive(mission.consultation.status),
    limit: { set: mission.delegateLimit, effective: effectiveDelegateLimit(mission.delegateLimit) },
    count: { active, pending: pending.length },
    delegates: delegates.map(({ focalPointAnywhere: elsewhere, ...d }) => ({
      ...d,
      isYou: d.id === user.id,
      isFocalPoint: d.id === mission.focalPointId,
      // The focal point removes any colleague but themself and another consultation's focal point.
      removable: d.id !== user.id && !d.disabledAt && !elsewhere,
    })),
    invitations: pending,
  };
}

/**
 * Why the user may not change the mission's delegates (not_found: 404, forbidden: 403, locked), or
 * null: the action's guard, one query, before the form is read. The change re-checks under its locks.
 */
export async function missionRefusal(user: SessionUser, consultationId: string): Promise<MissionRefusal | null> {
  if (!missionScope(user, consultationId)) return "not_found";
  const [mission] = await selectMission(await getDb(), user, consultationId);
  return missionChangeRefusal(user, mission ?? null);
}

export type MissionResult = { ok: true; email: string } | { ok: false; reason: MissionRefusal | MissionModelRefusal };

type Mission = NonNullable<Awaited<ReturnType<typeof selectMission>>[number]>;

/**
 * A change of the mission's delegates by its focal point: in a transaction, the mission's
 * registration share-locked (the secretariat's change of focal point or limit waits for this change,
 * and this one for it) and the user's right to change it checked; then `work`.
 */
async function changeMission(user: SessionUser, consultationId: string, work: (tx: Transaction, mission: Mission) => Promise<MissionResult>) {
  const db = await getDb();
  return db.transaction(async (tx): Promise<MissionResult> => {
    const [mission] = await selectMission(tx, user, consultationId).for("share", { of: [registrations, consultations] });
    const refusal = missionChangeRefusal(user, mission ?? null);
    return refusal ? { ok: false, reason: refusal } : work(tx, mission!);
  });
}

/**
 * The focal point invites a colleague: refused past the limit (active delegates and pending
 * invitations, the one this replaces not counted), otherwise the secretariat's invitation (one-time
 * link, email in the invitee's language saying who invites), audited as "mission.invite". Two
 * invitations of one mission are counted one after the other (a lock per delegation).
 */
export function inviteColleague(
  user: SessionUser,
  input: { consultationId: string; email: string; name: string; language: Language; origin: string; ipAddress?: string | null },
): Promise<MissionResult> {
  return changeMission(user, input.consultationId, async (tx, mission) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mission:${mission.delegationId}`}))`);
    const email = normalizeEmail(input.email);
    const [active] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.delegationId, mission.delegationId), eq(users.role, "delegate"), isNull(users.disabledAt)));
    const [pending] = await tx
      .select({ n: count() })
      .from(invitations)
      // Inviting an address again replaces its pending invitation: it takes no new place.
      .where(and(pendingOf(mission.delegationId), ne(invitations.email, email)));
    if (!mayInviteWithin({ active: active?.n ?? 0, pending: pending?.n ?? 0 }, mission.delegateLimit)) return { ok: false, reason: "limit" };
    const result = await inviteForMission(tx, user, {
      consultationId: input.consultationId,
      delegationId: mission.delegationId,
      email,
      name: input.name,
      language: input.language,
      origin: input.origin,
      ipAddress: input.ipAddress,
    });
    if (!result.ok) return { ok: false, reason: result.reason === "wrong_status" ? "locked" : result.reason };
    return { ok: true, email: result.email };
  });
}

/** The focal point withdraws a pending invitation of the mission (its link stops working): "mission.withdraw_invitation". */
export function withdrawMissionInvitation(
  user: SessionUser,
  input: { consultationId: string; invitationId: string; ipAddress?: string | null },
): Promise<MissionResult> {
  return changeMission(user, input.consultationId, async (tx, mission) => {
    // Another delegation's invitation is no more found than one that does not exist.
    const [invitation] = await tx
      .select({ id: invitations.id, email: invitations.email, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt })
      .from(invitations)
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.delegationId, mission.delegationId)))
      .for("update");
    if (!invitation) return { ok: false, reason: "not_found" };
    const revoked = await revokeFound(tx, user, invitation, {
      action: "mission.withdraw_invitation",
      consultationId: input.consultationId,
      details: { code: mission.code },
      ipAddress: input.ipAddress,
    });
    return revoked.ok ? { ok: true, email: invitation.email } : revoked;
  });
}

/**
 * The focal point removes a colleague from the mission: the account is disabled as on /users (its
 * sessions end at once, reset links withdrawn), "mission.remove" logged. Never the focal point
 * themself, another consultation's focal point, or anyone outside the delegation (404).
 */
export function removeColleague(user: SessionUser, input: { consultationId: string; userId: string; ipAddress?: string | null }): Promise<MissionResult> {
  return changeMission(user, input.consultationId, async (tx, mission) => {
    const [target] = await tx
      .select({
        id: users.id,
        email: users.email,
        role: users.role,
        delegationId: users.delegationId,
        disabledAt: users.disabledAt,
        isFocalPoint: focalPointAnywhere,
      })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update", { of: users });
    const refusal = removalRefusal(user, mission, target ?? null);
    if (refusal) return { ok: false, reason: refusal };
    const sessionsEnded = await disableAccountIn(tx, { userId: target!.id, actorId: user.id });
    await recordAudit(
      {
        actorId: user.id,
        action: "mission.remove",
        entityType: "user",
        entityId: target!.id,
        consultationId: input.consultationId,
        details: { email: target!.email, code: mission.code, sessionsEnded },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, email: target!.email };
  });
}
