// Two-factor sign-in: enrolment, checking a code or a recovery code, turning it off, new recovery
// codes. A secret stored while users.totp_enabled_at is null is an enrolment not yet confirmed.
// Every change and every refused code is audit-logged.
import { createHash, randomBytes } from "node:crypto";
import { verify } from "argon2";
import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import {
  base32Encode,
  decideCodeAttempt,
  isReplay,
  matchTotpStep,
  parseSecondFactorCode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  recoveryCodeFromBytes,
  type CodeBucket,
} from "~/lib/two-factor";
import { mustUseTwoFactor } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { beginLoginAttempt, finishLoginAttempt } from "~/models/login-attempt.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";

const { loginThrottles, recoveryCodes, users } = schema;

/** 160 random bits, the length RFC 4226 recommends, in base32. */
export const newTotpSecret = () => base32Encode(randomBytes(20));

/** Recovery codes are random (50 bits each), so a plain SHA-256 is enough to keep them unreadable. */
export const hashRecoveryCode = (code: string) => createHash("sha256").update(code).digest("hex");

export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_LENGTH)));
  return [...codes];
}

export type TwoFactorStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  /** A secret shown for enrolment and not yet confirmed by a code. */
  pendingSecret: string | null;
  recoveryCodesLeft: number;
  passwordChangedAt: Date | null;
};

/** One user's two-factor state: two queries. */
export async function getTwoFactorStatus(userId: string): Promise<TwoFactorStatus | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      secret: users.totpSecret,
      enabledAt: users.totpEnabledAt,
      passwordChangedAt: users.passwordChangedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return {
    enabled: row.enabledAt !== null && row.secret !== null,
    enabledAt: row.enabledAt,
    pendingSecret: row.enabledAt === null ? row.secret : null,
    recoveryCodesLeft: left?.n ?? 0,
    passwordChangedAt: row.passwordChangedAt,
  };
}

/** The secret of an account whose two-factor sign-in is on (the demo's code hint only). */
export async function getEnabledSecret(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  return row?.enabledAt ? row.secret : null;
}

// --- Wrong codes: counted per account in login_throttles ("totp:<user id>"), under a row lock. ---

const throttleKey = (userId: string) => `totp:${userId}`;

type CodeGate = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/** Counts a code check before it runs; parallel checks queue on the row and each sees the others. */
async function beginCodeAttempt(userId: string, now = new Date()): Promise<CodeGate> {
  const db = await getDb();
  const key = throttleKey(userId);
  return db.transaction(async (tx) => {
    await tx.insert(loginThrottles).values({ key, windowStartedAt: now, updatedAt: now }).onConflictDoNothing();
    const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).for("update");
    const bucket: CodeBucket = { failures: row?.failures ?? 0, windowStartedAt: row?.windowStartedAt ?? now };
    const decision = decideCodeAttempt(bucket, now);
    if (!decision.admitted) return decision;
    await tx
      .update(loginThrottles)
      .set({ failures: decision.next.failures, windowStartedAt: decision.next.windowStartedAt, updatedAt: now })
      .where(eq(loginThrottles.key, key));
    return { admitted: true } as const;
  });
}

/** A right code (or a replayed one, which no guess can turn into a success) is not a failure. */
async function uncountCodeAttempt(userId: string) {
  const db = await getDb();
  await db
    .update(loginThrottles)
    .set({ failures: sql`greatest(${loginThrottles.failures} - 1, 0)` })
    .where(eq(loginThrottles.key, throttleKey(userId)));
}

export type CodeCheck =
  | { ok: true; method: "totp" | "recovery"; recoveryCodesLeft: number | null }
  | { ok: false; reason: "format" | "invalid" | "replay" | "not_enabled" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

type Purpose = "sign_in" | "disable" | "regenerate";

/**
 * Checks a time-based code or a recovery code of an account with two-factor sign-in on, and uses
 * it up: the code's time step is recorded (that step and earlier ones are refused from then on,
 * by one conditional UPDATE, so two requests cannot both use it) or the recovery code is marked
 * used (likewise). At most CODE_LIMITS.perWindow wrong codes per account per window.
 */
async function checkCode(userId: string, raw: string, ipAddress: string, purpose: Purpose): Promise<CodeCheck> {
  const parsed = parseSecondFactorCode(raw);
  if (!parsed) return { ok: false, reason: "format" };
  const gate = await beginCodeAttempt(userId);
  if (!gate.admitted) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };
  const db = await getDb();
  const [user] = await db
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.secret || !user.enabledAt) {
    await uncountCodeAttempt(userId);
    return { ok: false, reason: "not_enabled" };
  }
  const failed = async (reason: "invalid" | "replay") => {
    if (reason === "replay") await uncountCodeAttempt(userId);
    await recordAudit({
      actorId: userId,
      action: "user.totp_failed",
      entityType: "user",
      entityId: userId,
      details: { reason: reason === "invalid" ? "wrong" : "replay", method: parsed.kind, purpose },
      ipAddress,
    });
    return { ok: false, reason } as const;
  };

  if (parsed.kind === "totp") {
    const step = await matchTotpStep(parsed.code, user.secret);
    if (step === null) return failed("invalid");
    if (isReplay(step, user.lastStep)) return failed("replay");
    const claimed = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    if (!claimed.length) return failed("replay");
    await uncountCodeAttempt(userId);
    return { ok: true, method: "totp", recoveryCodesLeft: null };
  }

  // One conditional UPDATE marks the code used: two requests cannot both spend it.
  const remaining = await db.transaction(async (tx) => {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(parsed.code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (!used.length) return null;
    const [left] = await tx
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
    const n = left?.n ?? 0;
    await recordAudit(
      {
        actorId: userId,
        action: "user.recovery_code_used",
        entityType: "user",
        entityId: userId,
        details: { remaining: n, purpose },
        ipAddress,
      },
      tx,
    );
    return n;
  });
  if (remaining === null) return failed("invalid");
  await uncountCodeAttempt(userId);
  return { ok: true, method: "recovery", recoveryCodesLeft: remaining };
}

/** The second step of signing in: a code from the app, or a recovery code. */
export function verifySecondFactor(userId: string, raw: string, ipAddress: string): Promise<CodeCheck> {
  return checkCode(userId, raw, ipAddress, "sign_in");
}

// --- Enrolment ---

export type StartEnrolmentResult = { ok: true; secret: string } | { ok: false; reason: "already_enabled" };

/** A new secret to scan, replacing any earlier unconfirmed one; two-factor sign-in is not on yet. */
export async function startEnrolment(userId: string): Promise<StartEnrolmentResult> {
  const db = await getDb();
  const secret = newTotpSecret();
  const updated = await db
    .update(users)
    .set({ totpSecret: secret, totpLastStep: null, updatedAt: new Date() })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  return updated.length ? { ok: true, secret } : { ok: false, reason: "already_enabled" };
}

/** Forgets an unconfirmed secret (the person chose not to go on). */
export async function cancelEnrolment(userId: string) {
  const db = await getDb();
  await db
    .update(users)
    .set({ totpSecret: null, totpLastStep: null, updatedAt: new Date() })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)));
}

export type ConfirmEnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: "format" | "invalid" | "not_started" };

/**
 * Turns two-factor sign-in on once the person has typed a code from their app (proof that it
 * holds the secret). In one transaction: enabled_at, the code's step (it cannot be used again),
 * ten new recovery codes (their hashes; the codes themselves are returned to be shown once),
 * and "user.totp_enable" in the audit log. A wrong code here is not counted against the limit:
 * the person holding the session has just been shown the secret, so there is nothing to guess.
 */
export async function confirmEnrolment(userId: string, raw: string, ipAddress: string): Promise<ConfirmEnrolmentResult> {
  const parsed = parseSecondFactorCode(raw);
  if (!parsed || parsed.kind !== "totp") return { ok: false, reason: "format" };
  const db = await getDb();
  const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (!row?.secret || row.enabledAt) return { ok: false, reason: "not_started" };
  const step = await matchTotpStep(parsed.code, row.secret);
  if (step === null) return { ok: false, reason: "invalid" };
  const codes = newRecoveryCodes();
  return db.transaction(async (tx) => {
    const now = new Date();
    const enabled = await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastStep: step, updatedAt: now })
      .where(and(eq(users.id, userId), isNull(users.totpEnabledAt), eq(users.totpSecret, row.secret!)))
      .returning({ id: users.id });
    if (!enabled.length) return { ok: false, reason: "not_started" } as const;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
    await recordAudit({ actorId: userId, action: "user.totp_enable", entityType: "user", entityId: userId, ipAddress }, tx);
    return { ok: true, recoveryCodes: codes } as const;
  });
}

// --- Turning it off, new recovery codes ---

export type DisableResult =
  | { ok: true }
  | { ok: false; reason: "required" | "wrong_password" | "not_enabled" | "format" | "invalid" | "replay" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Turns two-factor sign-in off: the secretariat may not (it is required of them). Needs the
 * current password (checked through the sign-in throttle, so that a stolen session cannot become a
 * way to guess it) and a current code (or a recovery code), under the wrong-code limit. In one
 * transaction: the secret, its step and the recovery codes gone, "user.totp_disable" logged.
 */
export async function disableTwoFactor(user: SessionUser, input: { password: string; code: string; ipAddress: string }): Promise<DisableResult> {
  if (mustUseTwoFactor(user)) return { ok: false, reason: "required" };
  const db = await getDb();
  const gate = await beginLoginAttempt(user.email, input.ipAddress);
  if (!gate.admitted) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  const matches = Boolean(row?.passwordHash) && (await verify(row!.passwordHash!, input.password));
  await finishLoginAttempt(gate.ticket, matches);
  if (!matches) return { ok: false, reason: "wrong_password" };
  const check = await checkCode(user.id, input.code, input.ipAddress, "disable");
  if (!check.ok) return check;
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAudit({ actorId: user.id, action: "user.totp_disable", entityType: "user", entityId: user.id, ipAddress: input.ipAddress }, tx);
  });
  return { ok: true };
}

export type RegenerateResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: "not_enabled" | "format" | "invalid" | "replay" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Ten new recovery codes in place of the old ones (used or not), after a current code. */
export async function regenerateRecoveryCodes(user: SessionUser, input: { code: string; ipAddress: string }): Promise<RegenerateResult> {
  const parsed = parseSecondFactorCode(input.code);
  // A recovery code cannot stand in here: new codes are for someone who still has the app.
  if (parsed && parsed.kind !== "totp") return { ok: false, reason: "format" };
  const check = await checkCode(user.id, input.code, input.ipAddress, "regenerate");
  if (!check.ok) return check;
  const codes = newRecoveryCodes();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code) })));
    await recordAudit(
      {
        actorId: user.id,
        action: "user.recovery_codes_regenerate",
        entityType: "user",
        entityId: user.id,
        ipAddress: input.ipAddress,
      },
      tx,
    );
  });
  return { ok: true, recoveryCodes: codes };
}
