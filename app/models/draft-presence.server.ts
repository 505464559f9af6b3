// Who of a mission has its draft open in an editor. The page reports itself every
// PRESENCE_INTERVAL_MS while visible and once more when it is left; a report older than
// PRESENCE_TTL_MS no longer counts (a closed laptop sends nothing). Delegates of the
// delegation only; nobody else learns whether a draft is open.
import { and, asc, eq, gt, ne } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import { mayWriteSubmission } from "~/lib/permissions";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";

const { consultations, draftPresence, registrations, users } = schema;

export const PRESENCE_INTERVAL_MS = 30_000;
export const PRESENCE_TTL_MS = 75_000;

export type Colleague = { name: string; seenAt: Date };

function scope(user: SessionUser, consultationId: string): string | null {
  if (!mayWriteSubmission(user) || !user.delegationId || !isUuid(consultationId)) return null;
  return user.delegationId;
}

/** The other delegates of the user's mission with this draft open now, by name; null when the user has no draft here. */
export async function colleaguesInDraft(user: SessionUser, consultationId: string, now = new Date()): Promise<Colleague[] | null> {
  const delegationId = scope(user, consultationId);
  if (!delegationId) return null;
  const db = await getDb();
  return db
    .select({ name: users.name, seenAt: draftPresence.seenAt })
    .from(draftPresence)
    .innerJoin(users, eq(users.id, draftPresence.userId))
    .where(
      and(
        eq(draftPresence.consultationId, consultationId),
        eq(draftPresence.delegationId, delegationId),
        ne(draftPresence.userId, user.id),
        gt(draftPresence.seenAt, new Date(now.getTime() - PRESENCE_TTL_MS)),
      ),
    )
    .orderBy(asc(users.name));
}

/**
 * Records that the user has the draft open (or, with `open: false`, has left it) and answers
 * who else has; null, writing nothing, unless the user is a delegate of a delegation registered
 * for this open consultation.
 */
export async function reportDraftPresence(user: SessionUser, consultationId: string, open: boolean, now = new Date()): Promise<Colleague[] | null> {
  const delegationId = scope(user, consultationId);
  if (!delegationId) return null;
  const db = await getDb();
  const [registered] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(consultations, eq(consultations.id, registrations.consultationId))
    .where(and(eq(registrations.consultationId, consultationId), eq(registrations.delegationId, delegationId), eq(consultations.status, "open")));
  if (!registered) return null;
  if (open) {
    await db
      .insert(draftPresence)
      .values({ consultationId, delegationId, userId: user.id, seenAt: now })
      .onConflictDoUpdate({ target: [draftPresence.consultationId, draftPresence.userId], set: { seenAt: now, delegationId } });
  } else {
    await db.delete(draftPresence).where(and(eq(draftPresence.consultationId, consultationId), eq(draftPresence.userId, user.id)));
  }
  return colleaguesInDraft(user, consultationId, now);
}
