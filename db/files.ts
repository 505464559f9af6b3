import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root, found by walking up to the committed migrations. Works from the sources
 * (db/), from the server bundle (build/server/) and whatever the working directory.
 */
export function projectRoot(start = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, "db", "migrations", "meta", "_journal.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Nonpaper: cannot find db/migrations above ${start}`);
    dir = parent;
  }
}

export const migrationsFolder = () => path.join(projectRoot(), "db", "migrations");

/** One of the UN reports in db/seed-data/reference/ (demo data and test input). */
export function readReferenceReport(name: string): string {
  return readFileSync(path.join(projectRoot(), "db", "seed-data", "reference", name), "utf8");
}
