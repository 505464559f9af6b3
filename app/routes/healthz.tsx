import { sql } from "drizzle-orm";
import { getDb } from "~/utils/db.server";

// Readiness for load balancers and the test runner: answers once the database is migrated.
export async function loader() {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
