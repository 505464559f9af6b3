import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, getDb } from "~/utils/db.server";

/**
 * Gives the calling test file a database of its own, migrated and seeded with the delegations and
 * the demo (so every file starts from the same known data on PGlite and on Postgres).
 */
export function useTestDatabase() {
  const templateUrl = inject("templateDatabaseUrl");
  const adminUrl = inject("adminDatabaseUrl");
  let databaseName: string | null = null;

  beforeAll(async () => {
    process.env.SEED_DEMO = "1";
    if (templateUrl && adminUrl) {
      const template = new URL(templateUrl);
      databaseName = `${template.pathname.slice(1).replace(/_template$/, "")}_${randomBytes(4).toString("hex")}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${databaseName}" template "${template.pathname.slice(1)}"`);
      await admin.end();
      template.pathname = `/${databaseName}`;
      process.env.DATABASE_URL = template.toString();
      delete process.env.PGLITE_DATA_DIR;
    } else {
      delete process.env.DATABASE_URL;
      process.env.PGLITE_DATA_DIR = "memory://";
    }
    await getDb();
  });

  afterAll(async () => {
    await closeDb();
    if (adminUrl && databaseName) {
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
      await admin.end();
    }
  });
}
