// The production build, in plain JavaScript so that `npm start` needs no TypeScript loader:
// Remix's bundles (build/client, build/server/index.js), then app/server.ts, the Express server in
// front of them, as build/server.js (Vite's SSR build: relative imports bundled, packages left to
// node_modules), and the worker thread that reads uploaded Word documents, as build/docx-worker.js.
// Production then runs `node build/server.js`.
//
//   node app/cli/build.mjs     (`npm run build`) builds everything
//   buildIfStale()             (`npm start`, `npm install`) builds only when a source is newer
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), "..", "..");

const SOURCES = ["app", "db", "locales", "public", "vite.config.ts", "package-lock.json", "tsconfig.json"];
const OUTPUTS = ["build/server/index.js", "build/server.js", "build/docx-worker.js"];

/** @param {string} target */
function newestModification(target) {
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

/**
 * Rebuilds when a source is newer than the oldest output, in a child process so that the caller
 * (the server, about to start) keeps none of Vite in memory. Quiet but for errors.
 */
export function buildIfStale() {
  const built = Math.min(...OUTPUTS.map((output) => newestModification(path.join(root, output))));
  const changed = Math.max(...SOURCES.map((source) => newestModification(path.join(root, source))));
  if (built > changed) return;
  console.log("Nonpaper: building the app…");
  execFileSync(process.execPath, [self], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

async function buildAll() {
  execFileSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], {
    cwd: root,
    stdio: "inherit",
  });
  const { build } = await import("vite");
  // Each its own build, so that nothing they share becomes a third file.
  for (const [entry, output] of [
    ["app/server.ts", "server.js"],
    ["app/documents/docx-worker.ts", "docx-worker.js"],
  ]) {
    await build({
      configFile: false,
      root,
      logLevel: "warn",
      publicDir: false,
      resolve: { alias: { "~": path.join(root, "app") } },
      build: {
        ssr: entry,
        outDir: "build",
        emptyOutDir: false,
        target: "node20",
        rollupOptions: { output: { entryFileNames: output } },
      },
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) await buildAll();
