// Password reset by a one-time emailed link. The link's token exists only in the email handed to
// the mail server (or, without one, in the secretariat's one-time handover): the table keeps its
// SHA-256, the outbox a placeholder, exactly as for invitations.
import { createHash, randomBytes } from "node:crypto";
import { hash } from "argon2";
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { passwordResetEmail } from "~/lib/password-reset-email";
import { mayManageOutbox, type Role } from "~/lib/permissions";
import {
  isResetTokenShape,
  PASSWORD_RESET_KIND,
  PASSWORD_RESET_LIFETIME_MS,
  PASSWORD_RESET_LIMITS,
  passwordResetLink,
  passwordResetState,
  RESET_TOKEN_PLACEHOLDER,
  withResetToken,
} from "~/lib/password-reset-rules";
import { recordAudit } from "~/models/audit.server";
import { clearLoginThrottle } from "~/models/login-attempt.server";
import { queueNotifications } from "~/models/outbox.server";
import { deleteUserSessions } from "~/models/session.server";
import { normalizeEmail } from "~/models/user.server";
import { getDb, schema, type Database, type Transaction } from "~/utils/db.server";

const { passwordResets, users } = schema;

export { PASSWORD_RESET_KIND };

export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The outbox's dedupe key of a reset email, and back. */
export const passwordResetMessageKey = (resetId: string) => `password-reset:${resetId}`;
export function passwordResetIdOfMessage(dedupeKey: string | null): string | null {
  const id = dedupeKey?.startsWith("password-reset:") ? dedupeKey.slice("password-reset:".length) : null;
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}

/**
 * Withdraws the user's outstanding reset links, so that none reopens the account after a password
 * change, a completed reset or the account's disabling. Returns how many were withdrawn.
 */
export async function withdrawResetLinks(tx: Transaction, userId: string, now: Date): Promise<number> {
  const withdrawn = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  return withdrawn.length;
}

export type ResetRequestOutcome = "queued" | "no_account" | "throttled";

/**
 * Someone asks for a reset link for `email`. The page answers the same whatever happens here;
 * the outcome is for tests and the audit log only. An email is queued (in the account's
 * language) only for an enabled account that has a password (accounts imported without one are
 * reached by invitation), and only within PASSWORD_RESET_LIMITS per account and per address.
 * The row starts with the hash of a token nobody knows: the usable one is issued at sending.
 */
export async function requestPasswordReset(input: { email: string; origin: string; ipAddress: string; now?: Date }): Promise<ResetRequestOutcome> {
  const email = normalizeEmail(input.email);
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        name: users.name,
        language: users.language,
        timeZone: users.timeZone,
        passwordHash: users.passwordHash,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(eq(users.email, email));
    if (!user || !user.passwordHash || user.disabledAt) return "no_account";

    // Parallel requests for one account are counted one after the other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`password-reset:${user.id}`}))`);
    const since = new Date(now.getTime() - PASSWORD_RESET_LIMITS.windowMs);
    const [byAccount] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, since)));
    const [byAddress] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(and(eq(passwordResets.ipAddress, input.ipAddress), gt(passwordResets.createdAt, since)));
    if ((byAccount?.n ?? 0) >= PASSWORD_RESET_LIMITS.perAccount || (byAddress?.n ?? 0) >= PASSWORD_RESET_LIMITS.perAddress) {
      return "throttled";
    }

    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS);
    const [reset] = await tx
      .insert(passwordResets)
      .values({
        userId: user.id,
        tokenHash: hashResetToken(randomBytes(32).toString("base64url")),
        expiresAt,
        ipAddress: input.ipAddress,
        createdAt: now,
      })
      .returning({ id: passwordResets.id });
    const message = passwordResetEmail({
      language: user.language,
      name: user.name,
      email,
      link: passwordResetLink(input.origin, RESET_TOKEN_PLACEHOLDER, user.language),
      expiresAt,
      timeZone: user.timeZone,
    });
    await queueNotifications(
      [
        {
          recipientEmail: email,
          recipientUserId: user.id,
          language: user.language,
          kind: PASSWORD_RESET_KIND,
          subject: message.subject,
          body: message.body,
          dedupeKey: passwordResetMessageKey(reset!.id),
        },
      ],
      tx,
    );
    await recordAudit(
      {
        actorId: null,
        action: "user.password_reset_request",
        entityType: "user",
        entityId: user.id,
        details: { resetId: reset!.id },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return "queued";
  });
}

/**
 * A fresh token for a reset link still usable, issued when its email is sent (or handed over):
 * only its hash is stored, replacing the previous one, so any earlier token stops working. Null
 * when the link was used, withdrawn or has expired, or the account was disabled meanwhile.
 */
export async function issuePasswordResetToken(db: Pick<Database, "update"> | Transaction, resetId: string, now: Date = new Date()): Promise<string | null> {
  const token = randomBytes(32).toString("base64url");
  const enabled = sql`exists (select 1 from ${users} where ${users.id} = ${passwordResets.userId} and ${users.disabledAt} is null)`;
  const [row] = await db
    .update(passwordResets)
    .set({ tokenHash: hashResetToken(token) })
    .where(and(eq(passwordResets.id, resetId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now), enabled))
    .returning({ id: passwordResets.id });
  return row ? token : null;
}

export type ResetLookup =
  { state: "valid"; email: string; language: (typeof schema.languageEnum.enumValues)[number] } | { state: "unknown" | "expired" | "used" };

/** The reset behind a link, by the token's hash. Looking does not use it up. */
export async function findPasswordReset(token: string, now: Date = new Date()): Promise<ResetLookup> {
  if (!isResetTokenShape(token)) return { state: "unknown" };
  const db = await getDb();
  const [row] = await db
    .select({
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
      email: users.email,
      language: users.language,
      disabledAt: users.disabledAt,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashResetToken(token)));
  // A disabled account's link says no more than an unknown one.
  if (!row || row.disabledAt) return { state: "unknown" };
  const state = passwordResetState(row, now);
  return state === "valid" ? { state, email: row.email, language: row.language } : { state };
}

export type CompleteResetResult = { ok: true; email: string } | { ok: false; reason: "unknown" | "expired" | "used" };

/**
 * Sets a new password through a reset link, in one transaction: the link claimed by a conditional
 * UPDATE (unused, unexpired; of two submissions exactly one wins), the password and
 * password_changed_at set, EVERY session of the account ended, the account's other outstanding
 * links withdrawn, its sign-in throttle cleared (the owner's way back in), and
 * "user.password_reset" in the audit log. The person is not signed in: they sign in afresh, so
 * that a second factor still applies.
 */
export async function completePasswordReset(input: { token: string; newPassword: string; ipAddress: string; now?: Date }): Promise<CompleteResetResult> {
  if (!isResetTokenShape(input.token)) return { ok: false, reason: "unknown" };
  const passwordHash = await hash(input.newPassword);
  const tokenHash = hashResetToken(input.token);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const now = input.now ?? new Date();
    const enabled = sql`exists (select 1 from ${users} where ${users.id} = ${passwordResets.userId} and ${users.disabledAt} is null)`;
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now), enabled))
      .returning({ id: passwordResets.id, userId: passwordResets.userId });
    if (!claimed) {
      const [row] = await tx
        .select({ expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt, disabledAt: users.disabledAt })
        .from(passwordResets)
        .innerJoin(users, eq(users.id, passwordResets.userId))
        .where(eq(passwordResets.tokenHash, tokenHash));
      if (!row || row.disabledAt) return { ok: false, reason: "unknown" } as const;
      const state = passwordResetState(row, now);
      return { ok: false, reason: state === "valid" ? "used" : state } as const;
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, claimed.userId))
      .returning({ email: users.email });
    const sessionsEnded = await deleteUserSessions(tx, claimed.userId);
    const linksWithdrawn = await withdrawResetLinks(tx, claimed.userId, now);
    await recordAudit(
      {
        actorId: claimed.userId,
        action: "user.password_reset",
        entityType: "user",
        entityId: claimed.userId,
        details: { resetId: claimed.id, sessionsEnded, linksWithdrawn },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true, email: user!.email } as const;
  });
  if (result.ok) await clearLoginThrottle(result.email);
  return result;
}

export type HandOverResult = { ok: true; link: string; email: string } | { ok: false; reason: "forbidden" | "mail_configured" | "not_found" | "gone" };

const RESET_LINK_IN_BODY = /\S*\/password-reset\/[A-Za-z0-9_-]{43}(?:\?lng=[a-z]{2})?/;

/**
 * Without a mail server the secretariat is the mail, as for invitations: an officer hands a
 * pending reset email's link to its owner (by telephone, in person). Each handover issues a fresh
 * token (earlier ones stop working), shows it once, and is audit-logged. With a mail server
 * configured there is nothing to hand over: the email goes by mail, and only by mail.
 */
export async function handOverPasswordResetLink(
  actor: { id: string; role: Role },
  input: { messageId: string; ipAddress: string; mailConfigured: boolean },
): Promise<HandOverResult> {
  if (!mayManageOutbox(actor)) return { ok: false, reason: "forbidden" };
  if (input.mailConfigured) return { ok: false, reason: "mail_configured" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { notificationOutbox } = schema;
    const [message] = await tx
      .select({ body: notificationOutbox.body, dedupeKey: notificationOutbox.dedupeKey, email: notificationOutbox.recipientEmail })
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.id, input.messageId), eq(notificationOutbox.kind, PASSWORD_RESET_KIND), eq(notificationOutbox.status, "pending")));
    const resetId = message ? passwordResetIdOfMessage(message.dedupeKey) : null;
    if (!message || !resetId) return { ok: false, reason: "not_found" } as const;
    const token = await issuePasswordResetToken(tx, resetId);
    if (!token) return { ok: false, reason: "gone" } as const;
    const link = RESET_LINK_IN_BODY.exec(withResetToken(message.body, token))?.[0];
    if (!link) return { ok: false, reason: "not_found" } as const;
    await recordAudit(
      {
        actorId: actor.id,
        action: "user.password_reset_handover",
        entityType: "password_reset",
        entityId: resetId,
        details: { email: message.email },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true, link, email: message.email } as const;
  });
}
