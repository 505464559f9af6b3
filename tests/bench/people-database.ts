// A fresh database for one benchmark run: an embedded PGlite in a temporary folder, or (with
// DATABASE_URL) a database of its own created on that PostgreSQL server and dropped afterwards,
// never anyone else's. The bench process opens it through the app's own getDb() (migrations,
// demo seed), closes it while the server holds it (PGlite is single-process), and reopens it for
// the baselines.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDb, getDb, type Database } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";

/** The PostgreSQL server the run was given (read once: the bench rewrites DATABASE_URL per database). */
export const GIVEN_DATABASE_URL = process.env.DATABASE_URL || null;

export type BenchDatabase = {
  kind: "pglite" | "postgres";
  /** What the server process needs to open the same database. */
  serverEnv: Record<string, string>;
  /** The app's database client in this process (migrated and seeded with the demo on first use). */
  open: () => Promise<Database>;
  /** Closes this process's client (PGlite must be closed before the server opens the folder). */
  close: () => Promise<void>;
  /** Closes and deletes the database. */
  dispose: () => Promise<void>;
};

function useEnv(values: Record<string, string>) {
  Object.assign(process.env, values);
  // The app reads its settings once; this process switches databases between sizes.
  resetEnvForTests();
}

export async function createBenchDatabase(tag: string): Promise<BenchDatabase> {
  if (!GIVEN_DATABASE_URL) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `nonpaper-people-${tag}-`));
    const serverEnv = { DATABASE_URL: "", PGLITE_DATA_DIR: dir, SEED_DEMO: "1" };
    return {
      kind: "pglite",
      serverEnv,
      open: async () => {
        useEnv(serverEnv);
        return getDb();
      },
      close: closeDb,
      dispose: async () => {
        await closeDb();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = postgres(GIVEN_DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `nonpaper_people_${tag}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`.toLowerCase();
  await admin.unsafe(`create database ${name}`);
  const url = new URL(GIVEN_DATABASE_URL);
  url.pathname = `/${name}`;
  const serverEnv = { DATABASE_URL: url.toString(), PGLITE_DATA_DIR: "", SEED_DEMO: "1" };
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await closeDb();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  // Ctrl-C during a run still drops the database this run created.
  process.once("SIGINT", () => void dispose().finally(() => process.exit(130)));
  return {
    kind: "postgres",
    serverEnv,
    open: async () => {
      useEnv(serverEnv);
      return getDb();
    },
    close: closeDb,
    dispose,
  };
}
