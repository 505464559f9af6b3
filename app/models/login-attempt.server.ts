import { and, eq, inArray, isNull, like, lt, or, sql } from "drizzle-orm";
import { decideLoginAttempt, emptyBucket, LOGIN_LIMITS, type ThrottleBucket, type ThrottleState } from "~/lib/login-throttle";
import { getDb, schema } from "~/utils/db.server";

export { LOGIN_LIMITS };

const { loginAttempts, loginThrottles } = schema;

const keysOf = (email: string, ipAddress: string) => ({
  account: `account:${email}`,
  pair: `pair:${email} ${ipAddress}`,
  address: `address:${ipAddress}`,
});

/** An attempt allowed to check its password; hand it back to finishLoginAttempt. */
export type LoginTicket = { email: string; ipAddress: string; familiar: boolean };

export type LoginGate = { admitted: true; ticket: LoginTicket } | { admitted: false; reason: "pair" | "address" | "account"; retryAfterSeconds: number };

/**
 * Counts a sign-in attempt before its password is checked, under row locks on its three
 * throttle rows (account, pair, address), so that parallel attempts queue here and each sees the
 * others' counts. An admitted attempt counts as a failure until finishLoginAttempt says otherwise.
 */
export async function beginLoginAttempt(email: string, ipAddress: string, now = new Date()): Promise<LoginGate> {
  const db = await getDb();
  const keys = keysOf(email, ipAddress);
  // Always the same order (sorted keys), so that two attempts never wait for each other's locks.
  const sorted = Object.values(keys).sort();
  return db.transaction(async (tx) => {
    await tx
      .insert(loginThrottles)
      .values(sorted.map((key) => ({ key, windowStartedAt: now, updatedAt: now })))
      .onConflictDoNothing();
    const rows = await tx.select().from(loginThrottles).where(inArray(loginThrottles.key, sorted)).orderBy(loginThrottles.key).for("update");
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const bucket = (key: string): ThrottleBucket => byKey.get(key) ?? emptyBucket(now);
    const state: ThrottleState = { account: bucket(keys.account), pair: bucket(keys.pair), address: bucket(keys.address) };
    const decision = decideLoginAttempt(state, now);
    if (!decision.admitted) return { admitted: false, reason: decision.reason, retryAfterSeconds: decision.retryAfterSeconds };
    for (const name of ["account", "pair", "address"] as const) {
      const { failures, windowStartedAt, nextAttemptAt } = decision.next[name];
      await tx.update(loginThrottles).set({ failures, windowStartedAt, nextAttemptAt, updatedAt: now }).where(eq(loginThrottles.key, keys[name]));
    }
    return { admitted: true, ticket: { email, ipAddress, familiar: decision.familiar } };
  });
}

/**
 * Records the outcome of an admitted attempt. A failure stays counted; a success is un-counted,
 * clears the pair and makes the address familiar for the account.
 */
export async function finishLoginAttempt(ticket: LoginTicket, succeeded: boolean, now = new Date()) {
  const db = await getDb();
  const keys = keysOf(ticket.email, ticket.ipAddress);
  await db.insert(loginAttempts).values({ email: ticket.email, ipAddress: ticket.ipAddress, succeeded: succeeded ? 1 : 0 });
  if (!succeeded) return;
  const uncount = sql`greatest(${loginThrottles.failures} - 1, 0)`;
  await db.update(loginThrottles).set({ failures: 0, succeededAt: now, updatedAt: now }).where(eq(loginThrottles.key, keys.pair));
  await db
    .update(loginThrottles)
    .set({ failures: uncount })
    .where(inArray(loginThrottles.key, ticket.familiar ? [keys.address] : [keys.address, keys.account]));
  // Old rows go: attempts past their window, counters idle for a day, familiar addresses after 90 days.
  await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, new Date(now.getTime() - LOGIN_LIMITS.windowMs)));
  await db
    .delete(loginThrottles)
    .where(
      or(
        and(isNull(loginThrottles.succeededAt), lt(loginThrottles.updatedAt, new Date(now.getTime() - 24 * 60 * 60 * 1000))),
        lt(loginThrottles.updatedAt, new Date(now.getTime() - LOGIN_LIMITS.familiarForMs)),
      ),
    );
}

/**
 * Clears an account's counters (its own and those of every address pair), keeping familiar
 * addresses. The hook for a password reset or an administrator unlocking an account.
 */
export async function clearLoginThrottle(email: string) {
  const db = await getDb();
  await db
    .update(loginThrottles)
    .set({ failures: 0, nextAttemptAt: null, updatedAt: new Date() })
    .where(or(eq(loginThrottles.key, `account:${email}`), like(loginThrottles.key, `pair:${email.replace(/[\\%_]/g, "\\$&")} %`)));
}
