import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;
// Debian's Chromium where it exists (`npx playwright install` cannot download browsers here).
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  // A journey signs in, opens several full pages and runs axe on them: on two cores with two
  // workers beside the server, 30 s left the longest ones at the edge of their budget.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  // The production build (plain node, as `npm start` runs it) on a fresh embedded database of its
  // own, seeded with the demo.
  webServer: {
    command: `npm run build && rm -rf .data/e2e-${PORT} && NODE_ENV=production PORT=${PORT} HOST=127.0.0.1 PGLITE_DATA_DIR=.data/e2e-${PORT} SEED_DEMO=1 node build/server.js`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { DATABASE_URL: "" },
  },
});
