import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { migrationsFolder, projectRoot } from "./files";
import * as schema from "./schema/index";

export { schema };

// Both drivers expose the same query builder; the postgres.js type stands for both.
export type Database = PostgresJsDatabase<typeof schema>;

export type DatabaseHandle = {
  db: Database;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
};

/**
 * The embedded database's buffer pool: 8 MB, or PGLITE_SHARED_BUFFERS ("64MB"). At the design's
 * scale 8 MB against PostgreSQL's 128 MB cost the CRP page ~0.03 s and the other pages nothing
 * measurable, and saved 120 MB of memory (see openDatabase).
 */
const PGLITE_SHARED_BUFFERS = /^\d{1,6}(kB|MB|GB)$/.test(process.env.PGLITE_SHARED_BUFFERS ?? "") ? process.env.PGLITE_SHARED_BUFFERS! : "8MB";

// Any fixed number: the advisory lock that serialises migrations between app servers.
const MIGRATION_LOCK = 4_242_020;

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    // max: several concurrent requests per server; idle_timeout so an idle pool never keeps
    // the process alive after SIGTERM (STACK.md).
    const client = postgres(options.url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      idle_timeout: 20,
      // A database host that stops answering (no refusal) fails a request after 5 s, not 30 s:
      // the reader gets the "try again" page while a failover completes.
      connect_timeout: 5,
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema });
    // Several app servers may start at once against one database: one migrates, the others wait.
    // A single-connection client, so the advisory lock and the migration share one session.
    const migrator = postgres(options.url, { max: 1, onnotice: () => {} });
    try {
      await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migratePostgres(drizzlePostgres(migrator, { schema }), { migrationsFolder: migrationsFolder() });
      await migrator`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    } finally {
      await migrator.end();
    }
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }

  const dataDir = options.dataDir ?? path.join(projectRoot(), ".data", "dev");
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // PostgreSQL's shared buffers are zeroed inside PGlite's WebAssembly memory at start, so all of
  // them stay resident; pages beyond the pool are read again from the files, which the operating
  // system caches. (The server also keeps V8 to its baseline WebAssembly compiler: app/server.ts.)
  const client = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
  const pgliteDb = drizzlePglite(client, { schema });
  await migratePglite(pgliteDb, { migrationsFolder: migrationsFolder() });
  return {
    db: pgliteDb as unknown as Database,
    kind: "pglite",
    close: () => client.close(),
  };
}
