/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Vitest sets VITEST; the Remix plugin must not run under it (CONVENTIONS.md).
const underTest = Boolean(process.env.VITEST);

// The version of the interface strings: the browser caches /locales/<lang>?v=<this> for good.
const localesVersion = (() => {
  const hash = createHash("sha256");
  const root = fileURLToPath(new URL("./locales", import.meta.url));
  for (const language of readdirSync(root).sort())
    for (const file of readdirSync(`${root}/${language}`).sort()) hash.update(`${language}/${file}\0`).update(readFileSync(`${root}/${language}/${file}`));
  return hash.digest("hex").slice(0, 12);
})();

export default defineConfig({
  define: { __LOCALES_VERSION__: JSON.stringify(localesVersion) },
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  // PGlite ships WASM and data files that the dependency optimizer would break.
  optimizeDeps: { exclude: ["@electric-sql/pglite"] },
  ssr: { external: ["@electric-sql/pglite", "argon2", "postgres"] },
  plugins: underTest
    ? []
    : [
        remix({
          future: {
            v3_fetcherPersist: true,
            v3_relativeSplatPath: true,
            v3_throwAbortReason: true,
            v3_singleFetch: true,
            v3_lazyRouteDiscovery: true,
            v3_routeConfig: true,
          },
        }),
      ],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/db/**/*.test.ts"],
    globalSetup: ["tests/db/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
