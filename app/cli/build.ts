// Rebuild the production bundle only when a source is newer than it, so that `npm start` is quick
// after `npm install` (which builds) yet never serves a stale build after a pull.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../db/files";

const SOURCES = ["app", "db", "locales", "public", "vite.config.ts", "package-lock.json", "tsconfig.json"];

function newestModification(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestModification(path.join(target, entry)));
  }
  return newest;
}

export function buildIfStale(): void {
  const root = projectRoot();
  const output = path.join(root, "build", "server", "index.js");
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((source) => newestModification(path.join(root, source))));
  if (built > changed) return;
  console.log("Nonpaper: building the app…");
  execFileSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
