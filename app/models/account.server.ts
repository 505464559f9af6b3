// One's own account: password change, the list of one's sessions and ending them; and the
// secretariat disabling or enabling an account. Every change is audit-logged in its transaction.
import { hash, verify } from "argon2";
import { and, eq } from "drizzle-orm";
import { mayManageUsers } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { beginLoginAttempt, finishLoginAttempt } from "~/models/login-attempt.server";
import { withdrawResetLinks } from "~/models/password-reset.server";
import { deleteUserSessions, listLiveSessions } from "~/models/session.server";
import { delegationNameColumns } from "~/models/delegation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Transaction } from "~/utils/db.server";

const { delegations, sessions, users } = schema;

/** What the account page shows of the signed-in user: one query. */
export async function getAccountProfile(user: SessionUser) {
  const db = await getDb();
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      role: users.role,
      passwordChangedAt: users.passwordChangedAt,
      createdAt: users.createdAt,
      delegation: delegationNameColumns,
    })
    .from(users)
    .leftJoin(delegations, eq(delegations.id, users.delegationId))
    .where(eq(users.id, user.id));
  return row ?? null;
}

export type ChangePasswordResult =
  { ok: true; sessionsEnded: number } | { ok: false; reason: "wrong_password" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Changes the signed-in user's password. The current password is checked through the sign-in
 * throttle (a stolen session must not become a way to guess it). On success, in one transaction:
 * the new hash, password_changed_at, every OTHER session of the user ended (the current one
 * stays), outstanding reset links withdrawn, and "user.password_change" in the audit log.
 */
export async function changePassword(
  user: SessionUser,
  input: { currentSessionId: string; currentPassword: string; newPassword: string; ipAddress: string },
): Promise<ChangePasswordResult> {
  const db = await getDb();
  const gate = await beginLoginAttempt(user.email, input.ipAddress);
  if (!gate.admitted) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  const matches = Boolean(row?.passwordHash) && (await verify(row!.passwordHash!, input.currentPassword));
  await finishLoginAttempt(gate.ticket, matches);
  if (!matches) return { ok: false, reason: "wrong_password" };
  // Hashing is slow on purpose: before the transaction, so that no lock waits for it.
  const passwordHash = await hash(input.newPassword);
  return db.transaction(async (tx) => {
    const now = new Date();
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id));
    const sessionsEnded = await deleteUserSessions(tx, user.id, input.currentSessionId);
    await withdrawResetLinks(tx, user.id, now);
    await recordAudit(
      {
        actorId: user.id,
        action: "user.password_change",
        entityType: "user",
        entityId: user.id,
        details: { sessionsEnded },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true, sessionsEnded } as const;
  });
}

/** The signed-in user's live sessions, the current one marked. Only ever the user's own. */
export async function listOwnSessions(user: SessionUser, currentSessionId: string | null) {
  const rows = await listLiveSessions(user.id);
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

export type RevokeSessionResult = { ok: true } | { ok: false; reason: "not_found" | "current" };

/**
 * Ends one of the user's own sessions (another device). A session of someone else, or one that
 * does not exist, is "not_found" alike; the current one is ended by signing out instead.
 */
export async function revokeSession(
  user: SessionUser,
  input: { sessionId: string; currentSessionId: string; ipAddress: string },
): Promise<RevokeSessionResult> {
  if (input.sessionId === input.currentSessionId) return { ok: false, reason: "current" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, user.id)))
      .returning({ id: sessions.id });
    if (!deleted.length) return { ok: false, reason: "not_found" } as const;
    await recordAudit(
      {
        actorId: user.id,
        action: "session.revoke",
        entityType: "session",
        entityId: input.sessionId,
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true } as const;
  });
}

/** "Sign out everywhere else": every session of the user but the current one. Returns how many. */
export async function revokeOtherSessions(user: SessionUser, input: { currentSessionId: string; ipAddress: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const count = await deleteUserSessions(tx, user.id, input.currentSessionId);
    await recordAudit(
      {
        actorId: user.id,
        action: "session.revoke_all",
        entityType: "user",
        entityId: user.id,
        details: { count },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return count;
  });
}

export type AccountStatusResult = { ok: true; email: string; sessionsEnded: number } | { ok: false; reason: "forbidden" | "not_found" | "self" | "unchanged" };

/**
 * The secretariat disables an account: disabled_at and disabled_by set, every session of the
 * account deleted at once (its next request is signed out), "user.disable" logged with the
 * reason. Nobody can disable their own account (nor lock the secretariat out that way).
 */
export async function disableAccount(actor: SessionUser, input: { userId: string; reason?: string | null; ipAddress: string }): Promise<AccountStatusResult> {
  if (!mayManageUsers(actor)) return { ok: false, reason: "forbidden" };
  if (input.userId === actor.id) return { ok: false, reason: "self" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, email: users.email, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!target) return { ok: false, reason: "not_found" } as const;
    if (target.disabledAt) return { ok: false, reason: "unchanged" } as const;
    const sessionsEnded = await disableAccountIn(tx, { userId: target.id, actorId: actor.id });
    await recordAudit(
      {
        actorId: actor.id,
        action: "user.disable",
        entityType: "user",
        entityId: target.id,
        details: { email: target.email, reason: input.reason || null, sessionsEnded },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true, email: target.email, sessionsEnded } as const;
  });
}

/**
 * Disables an account in the caller's transaction, which has decided who may and audits it (the
 * secretariat on /users, a mission's focal point on its mission page): disabled_at and disabled_by
 * set, every session deleted at once (its next request is signed out), reset links withdrawn.
 * Returns how many sessions ended.
 */
export async function disableAccountIn(tx: Transaction, input: { userId: string; actorId: string }): Promise<number> {
  const now = new Date();
  await tx.update(users).set({ disabledAt: now, disabledBy: input.actorId, updatedAt: now }).where(eq(users.id, input.userId));
  const sessionsEnded = await deleteUserSessions(tx, input.userId);
  // A reset link asked for earlier must not reopen the account.
  await withdrawResetLinks(tx, input.userId, now);
  return sessionsEnded;
}

/** The secretariat enables a disabled account again (its owner signs in as before). */
export async function enableAccount(actor: SessionUser, input: { userId: string; ipAddress: string }): Promise<AccountStatusResult> {
  if (!mayManageUsers(actor)) return { ok: false, reason: "forbidden" };
  if (input.userId === actor.id) return { ok: false, reason: "self" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, email: users.email, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!target) return { ok: false, reason: "not_found" } as const;
    if (!target.disabledAt) return { ok: false, reason: "unchanged" } as const;
    await tx.update(users).set({ disabledAt: null, disabledBy: null, updatedAt: new Date() }).where(eq(users.id, target.id));
    await recordAudit(
      {
        actorId: actor.id,
        action: "user.enable",
        entityType: "user",
        entityId: target.id,
        details: { email: target.email },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true, email: target.email, sessionsEnded: 0 } as const;
  });
}
