import { eq } from "drizzle-orm";
import { createSession } from "~/models/session.server";
import { getDb, schema } from "~/utils/db.server";
import { sessionCookie } from "~/utils/session.server";

export const BASE_URL = "http://nonpaper.test";

export async function userIdByEmail(email: string): Promise<string> {
  const db = await getDb();
  const [user] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

/** A request as the browser of a signed-in user would send it. */
export async function requestAs(email: string | null, path = "/", init: RequestInit = {}): Promise<Request> {
  const headers = new Headers(init.headers);
  if (email) {
    const { token } = await createSession({ userId: await userIdByEmail(email), userAgent: null, ipAddress: null });
    const probe = new Request(`${BASE_URL}${path}`);
    const cookie = (await sessionCookie(probe).serialize(token)).split(";")[0]!;
    headers.append("Cookie", cookie);
  }
  return new Request(`${BASE_URL}${path}`, { ...init, headers });
}

/** Runs a loader or action and returns what it threw (a Response or data()), or its result. */
export async function outcome<T>(run: () => Promise<T>): Promise<{ thrown: unknown } | { value: T }> {
  try {
    return { value: await run() };
  } catch (thrown) {
    return { thrown };
  }
}

/** The HTTP status of something a loader threw: a Response or a Remix data() object. */
export function statusOf(thrown: unknown): number | undefined {
  if (thrown instanceof Response) return thrown.status;
  const init = (thrown as { init?: { status?: number } } | null)?.init;
  return init?.status;
}

export async function createDelegate(email: string, delegationCode: string) {
  const db = await getDb();
  const [delegation] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, delegationCode));
  const [user] = await db.insert(schema.users).values({ email, name: email, role: "delegate", delegationId: delegation!.id, language: "en" }).returning();
  return user!;
}

export async function consultationIdByPrefix(prefix: string) {
  const db = await getDb();
  const [row] = await db.select({ id: schema.consultations.id }).from(schema.consultations).where(eq(schema.consultations.receiptPrefix, prefix));
  return row!.id;
}
