import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { openDatabase } from "../../db/client";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string | null;
    /** A URL on the same server for creating and dropping databases (never the template). */
    adminDatabaseUrl: string | null;
  }
}

/**
 * With DATABASE_URL pointing at a Postgres server, the run gets a database of its own: a
 * migrated template from which every test file clones a fresh copy; all are dropped at the end.
 * Without it, every test file opens its own in-memory PGlite (tests/db/support.ts).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    project.provide("templateDatabaseUrl", null);
    project.provide("adminDatabaseUrl", null);
    return;
  }
  const prefix = `nonpaper_test_${process.pid}_${Date.now()}`;
  const template = `${prefix}_template`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  const templateUrl = withDatabase(serverUrl, template);
  const migrated = await openDatabase({ url: templateUrl });
  await migrated.close();
  project.provide("templateDatabaseUrl", templateUrl);
  project.provide("adminDatabaseUrl", serverUrl);

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${prefix + "%"}`;
    for (const { datname } of leftovers) {
      await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    }
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
