import { sql } from "drizzle-orm";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "~/lib/database-errors";
import { getDb } from "~/utils/db.server";

// A database that does not answer within this is as good as down for a load balancer.
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Readiness for load balancers and the test runner: 200 once the database is migrated and
 * answers, 503 while it cannot be reached (a restart, a failover) or does not answer in time.
 */
export async function loader() {
  const headers = { "Content-Type": "text/plain", "Cache-Control": "no-store" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  try {
    const probe = (async () => {
      const db = await getDb();
      await db.execute(sql`select 1`);
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new Error("the database did not answer in time"));
      }, PROBE_TIMEOUT_MS);
    });
    // A probe that loses the race must not become an unhandled rejection later.
    probe.catch(() => {});
    await Promise.race([probe, timeout]);
  } catch (error) {
    // An outage is expected and logged elsewhere; anything else (a failed migration) is a fault.
    if (!isDatabaseUnavailable(error) && !timedOut) console.error(error);
    return new Response("database unavailable", {
      status: 503,
      headers: { ...headers, "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
    });
  } finally {
    clearTimeout(timer);
  }
  return new Response("ok", { headers });
}
