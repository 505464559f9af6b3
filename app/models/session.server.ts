import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { getDb, schema } from "~/utils/db.server";

const { sessions } = schema;

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

// The cookie carries the token; the database keeps only its hash, so a leaked table opens nothing.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(input: { userId: string; userAgent: string | null; ipAddress: string | null }) {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    expiresAt,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    ipAddress: input.ipAddress,
  });
  // Expired sessions are swept here rather than by a separate job.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, expiresAt };
}

/** The user id of a live session, or null. */
export async function findSessionUserId(token: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  return row?.userId ?? null;
}

export async function deleteSession(token: string) {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
