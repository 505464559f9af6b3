// One benchmark run at one size: a fresh database filled at that scale, the production server
// started on it, the pages measured as their readers open them, then (for the full run) the CRP
// files, Chromium, and the burst of delegates; the server stopped, the baselines measured on the
// same database from this process, and the database deleted.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { BASELINE_PATHS, startBaselineServer, type BaselineKey } from "./people-baseline";
import { runBurst, signInDelegates, storedAfterBurst, type BurstFigure } from "./people-burst";
import { measureInChromium, type BrowserFigure } from "./people-chromium";
import { createBenchDatabase } from "./people-database";
import { fillDatabase, type Filled, type Scale } from "./people-data";
import { Client, measurePage, type PageFigure } from "./people-http";
import { measureCrp, measurePages, pageList, signInPeople, type CrpFigures } from "./people-pages";
import { measureRevision, type RevisionSetup } from "./people-revision";
import { cpuSecondsOf, databaseCpuSeconds, startServer, type Memory, type RunningServer } from "./people-server";

export type Options = { runs: number; browserRuns: number; full: boolean };
type Stored = Awaited<ReturnType<typeof storedAfterBurst>>;

export type SizeResult = {
  scale: Scale;
  database: string;
  filled: Omit<Filled, "items" | "burstItems" | "delegates">;
  coldStartMs: number;
  idle: Memory;
  afterPages: Memory;
  atEnd: Memory;
  pages: (PageFigure & { key: string })[];
  baselines: Partial<Record<BaselineKey, PageFigure>>;
  crp?: CrpFigures & { pageAfter: PageFigure };
  /** Rev.1's preparation (issue 18); its page and documents are in `pages`. */
  revision?: RevisionSetup;
  browser?: Record<string, BrowserFigure>;
  bursts: (BurstFigure & Stored)[];
  errors: string[];
};

const log = (text: string) => console.error(`bench [${(performance.now() / 1000).toFixed(0).padStart(4)} s]: ${text}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A burst with the CPU time it cost the servers, PostgreSQL and this process (the client). */
async function withCpu(servers: RunningServer[], run: () => Promise<BurstFigure>): Promise<BurstFigure> {
  const read = () => ({ servers: servers.reduce((sum, s) => sum + cpuSecondsOf(s.pid), 0), database: databaseCpuSeconds(), client: process.cpuUsage() });
  const before = read();
  const figure = await run();
  const after = read();
  const client = process.cpuUsage(before.client);
  return {
    ...figure,
    cpu: { servers: after.servers - before.servers, database: after.database - before.database, client: (client.user + client.system) / 1e6 },
  };
}

/** The same signed-in browser, pointed at another server (sessions live in the database). */
function onServer(client: Client, base: string): Client {
  const moved = new Client(base);
  for (const [name, value] of client.cookies) moved.cookies.set(name, value);
  return moved;
}

export async function runSize(scale: Scale, options: Options): Promise<SizeResult> {
  const database = await createBenchDatabase(`${scale.delegations}x${scale.points}`);
  const errors: string[] = [];
  const servers: RunningServer[] = [];
  try {
    const db = await database.open();
    const version = rowsOf<{ v: string }>(await db.execute(sql`select current_setting('server_version') as v`))[0]?.v ?? "?";
    const label = database.kind === "pglite" ? `PGlite (embedded PostgreSQL ${version})` : `PostgreSQL ${version}`;
    const bursts = options.full ? (database.kind === "postgres" ? 2 : 1) : 0;
    log(`filling ${label} with ${scale.delegations} delegations × ${scale.points} points…`);
    const filled = await fillDatabase(db, scale, bursts);
    log(
      `  ${filled.comments} comments, ${filled.translations} translations, ${filled.reviews} reviews, ${filled.megabytes.toFixed(1)} MB of text in ${filled.seconds.toFixed(1)} s`,
    );
    await database.close();

    const env = { ...database.serverEnv, SESSION_SECRET: randomBytes(32).toString("hex") };
    const server = await startServer(env);
    servers.push(server);
    log(`server up in ${server.coldStartMs.toFixed(0)} ms (${server.url})`);
    const people = await signInPeople(server.url, filled);
    const pages = pageList(filled);
    // A light warm-up, then the idle memory.
    for (let i = 0; i < 3; i++) await people.secretariat.get(pages[0]!.path);
    await sleep(2_000);
    const idle = server.memory();
    const measured = await measurePages(people, pages, options.runs);
    const afterPages = server.memory();
    errors.push(...measured.flatMap((p) => p.errors));

    const result: SizeResult = {
      scale,
      database: label,
      filled: { ...filled },
      coldStartMs: server.coldStartMs,
      idle,
      afterPages,
      atEnd: afterPages,
      pages: measured,
      baselines: {},
      bursts: [],
      errors,
    };
    delete (result.filled as Partial<Filled>).items;
    delete (result.filled as Partial<Filled>).burstItems;
    delete (result.filled as Partial<Filled>).delegates;
    if (options.full) {
      log("CRP: compile, Word, PDF…");
      const crp = await measureCrp(people.secretariat, filled.consultationId);
      const crpPage = pages.find((p) => p.key === "crp")!;
      result.crp = { ...crp, pageAfter: await measurePage(people.secretariat, "CRP page, after a compilation", crpPage.path, options.runs) };
      errors.push(...crp.errors, ...result.crp.pageAfter.errors);
      log("Chromium…");
      const heavy = ["side-item", "desk", "matrix"].map((key) => pages.find((p) => p.key === key)!);
      result.browser = await measureInChromium(
        heavy.map((p) => ({ key: p.key, client: people[p.who], path: p.path })),
        options.browserRuns,
      );
      errors.push(...Object.values(result.browser).flatMap((b) => b.errors));

      log(`signing in ${filled.delegates.length} delegates…`);
      const clients = await signInDelegates([server.url], filled.delegates);
      log("burst on one server…");
      const one = await withCpu(servers, () => runBurst(clients, filled.delegates, filled.burstConsultationIds[0]!, filled.burstItems[0]!, scale.seed));
      log(`  ${(one.wallMs / 1000).toFixed(2)} s, ${one.acknowledged} acknowledged, ${one.errors.length} errors`);
      result.bursts.push({ ...one, stored: 0, duplicates: 0, receiptGaps: 0 });
      if (bursts > 1) {
        const second = await startServer(env);
        servers.push(second);
        log("burst on two servers…");
        const spread = clients.map((c, i) => onServer(c, i % 2 ? second.url : server.url));
        const two = await withCpu(servers, () => runBurst(spread, filled.delegates, filled.burstConsultationIds[1]!, filled.burstItems[1]!, scale.seed));
        log(`  ${(two.wallMs / 1000).toFixed(2)} s, ${two.acknowledged} acknowledged, ${two.errors.length} errors`);
        result.bursts.push({ ...two, stored: 0, duplicates: 0, receiptGaps: 0 });
      }
      errors.push(...result.bursts.flatMap((b) => b.errors));
      result.atEnd = server.memory();
    }
    // Last: Rev.1 closes the consultation every measurement above reads open.
    log("Rev.1: close the period, start the revised text, apply amendments…");
    const revision = await measureRevision(people, filled, options.runs);
    result.revision = revision.setup;
    result.pages.push(...revision.pages);
    errors.push(...revision.setup.errors, ...revision.pages.flatMap((p) => p.errors));
    for (const s of servers.splice(0)) await s.stop();

    if (!options.full) return result;
    // The baselines, from this process on the same database, now that the server has let it go.
    const again = await database.open();
    for (const [i, burst] of result.bursts.entries()) Object.assign(burst, await storedAfterBurst(again, filled.burstConsultationIds[i]!));
    const baseline = await startBaselineServer(again, filled, result.revision?.consultationId ? result.revision : null);
    try {
      const client = new Client(baseline.url);
      for (const key of baseline.keys) {
        const path = BASELINE_PATHS[key];
        const figure = await measurePage(client, `baseline ${key}`, path, options.runs);
        result.baselines[key] = figure;
        errors.push(...figure.errors);
        log(`  baseline ${key.padEnd(12)} total ${figure.totalMs.toFixed(0)} ms, ${(figure.wireBytes / 1e6).toFixed(2)}/${(figure.bytes / 1e6).toFixed(2)} MB`);
      }
    } finally {
      await baseline.stop();
    }
    return result;
  } catch (error) {
    for (const s of servers) console.error(`bench: server log (last lines):\n${s.log().split("\n").slice(-30).join("\n")}`);
    throw error;
  } finally {
    for (const s of servers) await s.stop();
    await database.dispose();
  }
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
