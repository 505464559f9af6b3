import { and, count, eq, gt, lt } from "drizzle-orm";
import { getDb, schema } from "~/utils/db.server";

const { loginAttempts } = schema;

// Failures allowed within the window before sign-in is refused: per account, and per address
// (an address may front a whole mission, hence the higher figure).
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 } as const;

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

export async function checkLoginRateLimit(email: string, ipAddress: string): Promise<RateLimitVerdict> {
  const db = await getDb();
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMs);
  const failures = (column: typeof loginAttempts.email | typeof loginAttempts.ipAddress, value: string) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.succeeded, 0), gt(loginAttempts.attemptedAt, since)));
  const [[byAccount], [byAddress]] = await Promise.all([
    failures(loginAttempts.email, email),
    failures(loginAttempts.ipAddress, ipAddress),
  ]);
  if ((byAccount?.n ?? 0) >= LOGIN_LIMITS.perAccount || (byAddress?.n ?? 0) >= LOGIN_LIMITS.perAddress) {
    return { limited: true, retryAfterSeconds: Math.ceil(LOGIN_LIMITS.windowMs / 1000) };
  }
  return { limited: false };
}

export async function recordLoginAttempt(email: string, ipAddress: string, succeeded: boolean) {
  const db = await getDb();
  await db.insert(loginAttempts).values({ email, ipAddress, succeeded: succeeded ? 1 : 0 });
  if (succeeded) {
    // A successful sign-in clears the account's earlier failures; old rows are pruned.
    await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, 0)));
    await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, new Date(Date.now() - LOGIN_LIMITS.windowMs)));
  }
}
