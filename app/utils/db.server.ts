import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";
import { seedDatabase } from "../../db/seed";
import { onDatabaseDriverFault } from "./database-faults.server";
import { env } from "./env.server";
import { countSqlStatements } from "./server-timing.server";

export type { Database };

/** Anything that reads: the database or a transaction. */
export type Reader = Pick<Database, "select" | "selectDistinctOn">;

/** A transaction of the app's database (the argument drizzle passes to `db.transaction`). */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export { schema } from "../../db/client";

// One client per process, kept across Vite hot reloads in development (PGlite is single-user).
const globalStore = globalThis as typeof globalThis & {
  __nonpaperDb?: Promise<DatabaseHandle>;
  __nonpaperDbShutdown?: boolean;
  __nonpaperDbFaultListener?: () => void;
  __nonpaperDbDemo?: boolean;
};

async function open(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: env().DATABASE_URL, dataDir: env().PGLITE_DATA_DIR });
  countSqlStatements(handle.db); // only with NONPAPER_SERVER_TIMING=1 (the benchmark)
  // Demo data only where nobody can be surprised by known passwords: the embedded database,
  // or a server database whose operator asked for it.
  const wantsDemo = env().SEED_DEMO ?? handle.kind === "pglite";
  await seedDatabase(handle.db, { demo: wantsDemo });
  globalStore.__nonpaperDbDemo = wantsDemo;
  registerShutdown();
  return handle;
}

// Once per process, whichever client is current then (a retired one is already closing).
function registerShutdown() {
  if (globalStore.__nonpaperDbShutdown) return;
  globalStore.__nonpaperDbShutdown = true;
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    closeDb().catch((error) => console.error("Nonpaper: closing the database failed", error));
  };
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
}

export function databaseHandle(): Promise<DatabaseHandle> {
  globalStore.__nonpaperDb ??= open().catch((error) => {
    globalStore.__nonpaperDb = undefined;
    throw error;
  });
  return globalStore.__nonpaperDb;
}

/** The database, migrated and seeded. Every model goes through this. */
export async function getDb(): Promise<Database> {
  return (await databaseHandle()).db;
}

/** True on the embedded database seeded with the demo (its accounts and secrets are published). */
export async function isEmbeddedDemo(): Promise<boolean> {
  const handle = await databaseHandle();
  return handle.kind === "pglite" && globalStore.__nonpaperDbDemo === true;
}

/** Close the client (tests, command-line entries). */
export async function closeDb(): Promise<void> {
  const pending = globalStore.__nonpaperDb;
  globalStore.__nonpaperDb = undefined;
  if (pending) await (await pending).close();
}

/**
 * Replaces the postgres.js pool after a driver fault (app/lib/database-errors.ts). The connection
 * that threw keeps its unsent buffer and a spent write timer, so it never finishes connecting
 * again: every query it is given waits for connect_timeout, and once each connection of the pool
 * has been hit the whole server hangs. So the pool is closed (in-flight queries get 5 s, then fail
 * and their requests answer 503) and the next request opens a fresh one. PGlite has no sockets.
 */
export function retireDatabaseClient(): boolean {
  const pending = globalStore.__nonpaperDb;
  if (!pending || !env().DATABASE_URL) return false;
  globalStore.__nonpaperDb = undefined;
  pending
    .then(
      (handle) => handle.close(),
      () => undefined, // it never opened: nothing to close
    )
    .catch((error: unknown) => console.error("Nonpaper: closing the retired database pool failed", error));
  return true;
}

// Replaced, not added, when Vite reloads this module in development.
globalStore.__nonpaperDbFaultListener?.();
globalStore.__nonpaperDbFaultListener = onDatabaseDriverFault(() => {
  if (retireDatabaseClient()) console.error("Nonpaper: postgres.js connection fault; the pool is replaced");
});
