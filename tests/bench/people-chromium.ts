// What a person waits for in Chromium on the heavy pages, signed in with the cookie the HTTP
// client got: DOMContentLoaded, load, and "main thread free" — the end of the last long task
// (a PerformanceObserver set before the page's own scripts), observed until 2 s without one after
// load — all from navigation start. Median of a few fresh loads.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import type { Client } from "./people-http";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
// The flags of playwright.config.ts.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const QUIET_MS = 2_000;
const LIMIT_MS = 120_000;

export type BrowserFigure = { domContentLoadedMs: number; loadMs: number; mainThreadFreeMs: number; longTasks: number; errors: string[] };

const OBSERVE = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.startTime + e.duration]); })
    .observe({ type: "longtask", buffered: true });
`;

async function loadOnce(browser: Browser, client: Client, path: string): Promise<BrowserFigure> {
  const base = new URL(client.base);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  try {
    await context.addCookies(
      [...client.cookies].map(([name, value]) => ({ name, value, domain: base.hostname, path: "/", httpOnly: true, sameSite: "Lax" as const })),
    );
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`page error on ${path}: ${error.message}`));
    const response = await page.goto(`${client.base}${path}`, { waitUntil: "load", timeout: LIMIT_MS });
    if (response?.status() !== 200) errors.push(`Chromium ${path}: HTTP ${response?.status()}`);
    // Quiet: no long task, and none running, for QUIET_MS after load (or the last task's end).
    for (;;) {
      const state = await page.evaluate(() => {
        const tasks = (window as unknown as { __longTasks: [number, number][] }).__longTasks;
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return { now: performance.now(), load: nav.loadEventEnd, last: tasks.reduce((m, t) => Math.max(m, t[1]), 0) };
      });
      if (state.load > 0 && state.now - Math.max(state.load, state.last) >= QUIET_MS) break;
      if (state.now > LIMIT_MS) {
        errors.push(`Chromium ${path}: main thread still busy after ${LIMIT_MS / 1000} s`);
        break;
      }
      await page.waitForTimeout(250);
    }
    return await page
      .evaluate(() => {
        const tasks = (window as unknown as { __longTasks: [number, number][] }).__longTasks;
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const last = tasks.reduce((m, t) => Math.max(m, t[1]), 0);
        return {
          domContentLoadedMs: nav.domContentLoadedEventEnd,
          loadMs: nav.loadEventEnd,
          mainThreadFreeMs: Math.max(nav.domContentLoadedEventEnd, last),
          longTasks: tasks.length,
          errors: [] as string[],
        };
      })
      .then((figure) => ({ ...figure, errors }));
  } finally {
    await context.close();
  }
}

export async function measureInChromium(pages: { key: string; client: Client; path: string }[], runs: number): Promise<Record<string, BrowserFigure>> {
  const browser = await chromium.launch({ executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined, args: ARGS });
  const figures: Record<string, BrowserFigure> = {};
  try {
    for (const { key, client, path } of pages) {
      const loads: BrowserFigure[] = [];
      for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, client, path));
      const median = (pick: (f: BrowserFigure) => number) => loads.map(pick).sort((a, b) => a - b)[Math.floor(loads.length / 2)]!;
      figures[key] = {
        domContentLoadedMs: median((f) => f.domContentLoadedMs),
        loadMs: median((f) => f.loadMs),
        mainThreadFreeMs: median((f) => f.mainThreadFreeMs),
        longTasks: median((f) => f.longTasks),
        errors: [...new Set(loads.flatMap((f) => f.errors))],
      };
      console.error(
        `bench:   Chromium ${key.padEnd(12)} DOMContentLoaded ${figures[key]!.domContentLoadedMs.toFixed(0)} ms, load ${figures[key]!.loadMs.toFixed(0)} ms, main thread free ${figures[key]!.mainThreadFreeMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
  }
  return figures;
}
