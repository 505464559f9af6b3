import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, lt, ne, or } from "drizzle-orm";
import { sessionUserFields } from "~/models/user.server";
import { getDb, schema, type Database, type Transaction } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const { sessions, users } = schema;

/** The absolute lifetime of a session, however busy. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** A session unused this long ends (SESSION_IDLE_MINUTES, 120 by default). */
export function sessionIdleMs(): number {
  return env().SESSION_IDLE_MINUTES * 60 * 1000;
}

/**
 * last_seen_at moves forward at most this often: one UPDATE a minute per session, not one per
 * request. The idle timeout is therefore exact to within a minute.
 */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

// The cookie carries the token; the database keeps only its hash, so a leaked table opens nothing.
export const hashSessionToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(input: { userId: string; userAgent: string | null; ipAddress: string | null }) {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.insert(sessions).values({
    tokenHash: hashSessionToken(token),
    userId: input.userId,
    expiresAt,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    ipAddress: input.ipAddress,
    lastSeenAt: now,
  });
  // Expired and idle sessions are swept here rather than by a separate job.
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - sessionIdleMs()))));
  return { token, expiresAt };
}

export type SessionLookup =
  | { state: "none" }
  | { state: "idle" }
  | {
      state: "live";
      sessionId: string;
      user: {
        id: string;
        email: string;
        name: string;
        role: (typeof schema.roleEnum.enumValues)[number];
        language: (typeof schema.languageEnum.enumValues)[number];
        timeZone: string | null;
        delegationId: string | null;
      };
    };

/**
 * The session behind a cookie's token and its user, in one query. "idle" when it went unused for
 * longer than the idle timeout (the page then says why the reader was signed out); "none" when
 * it is unknown, past its absolute lifetime, or its account is disabled. A live session's
 * last_seen_at moves forward when it is a minute old or more (`touch`: false for background
 * requests, such as the editor's presence signal, which must not keep an abandoned tab signed in).
 */
export async function lookupSession(token: string, options: { touch?: boolean; now?: Date } = {}): Promise<SessionLookup> {
  const db = await getDb();
  const now = options.now ?? new Date();
  const [row] = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      disabledAt: users.disabledAt,
      user: sessionUserFields,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashSessionToken(token)));
  if (!row || row.expiresAt.getTime() <= now.getTime() || row.disabledAt) return { state: "none" };
  if (now.getTime() - row.lastSeenAt.getTime() >= sessionIdleMs()) return { state: "idle" };
  if ((options.touch ?? true) && now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    // Conditional, so that parallel requests of one session write once.
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, row.sessionId), lt(sessions.lastSeenAt, new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS))));
  }
  return { state: "live", sessionId: row.sessionId, user: row.user };
}

/** The user id of a live session (neither expired nor idle), or null. */
export async function findSessionUserId(token: string): Promise<string | null> {
  const found = await lookupSession(token, { touch: false });
  return found.state === "live" ? found.user.id : null;
}

export async function deleteSession(token: string) {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSessionToken(token)));
}

/** A user's live sessions, newest first (the account page). */
export async function listLiveSessions(userId: string, now: Date = new Date()) {
  const db = await getDb();
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - sessionIdleMs()))))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/** Ends every session of a user except `keepSessionId` (if given), in the caller's transaction. */
export async function deleteUserSessions(db: Pick<Database, "delete"> | Transaction, userId: string, keepSessionId?: string | null): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .returning({ id: sessions.id });
  return deleted.length;
}
