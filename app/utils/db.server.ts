import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";
import { seedDatabase } from "../../db/seed";
import { env } from "./env.server";

export type { Database };
export { schema } from "../../db/client";

// One client per process, kept across Vite hot reloads in development (PGlite is single-user).
const globalStore = globalThis as typeof globalThis & { __nonpaperDb?: Promise<DatabaseHandle> };

async function open(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: env().DATABASE_URL, dataDir: env().PGLITE_DATA_DIR });
  // Demo data only where nobody can be surprised by known passwords: the embedded database,
  // or a server database whose operator asked for it.
  const wantsDemo = env().SEED_DEMO ?? handle.kind === "pglite";
  await seedDatabase(handle.db, { demo: wantsDemo });
  registerShutdown(handle);
  return handle;
}

function registerShutdown(handle: DatabaseHandle) {
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    handle.close().catch((error) => console.error("Nonpaper: closing the database failed", error));
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

/** Close the client (tests, command-line entries). */
export async function closeDb(): Promise<void> {
  const pending = globalStore.__nonpaperDb;
  globalStore.__nonpaperDb = undefined;
  if (pending) await (await pending).close();
}
