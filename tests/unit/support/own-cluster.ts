// A PostgreSQL cluster of a test's own and the production server in front of it, for the tests
// that break things on purpose (database-restart.test.ts, faults.test.ts): initdb in a temporary
// folder (as the postgres user when run as root: PostgreSQL refuses root), a free port, never the
// shared server on 5432; the server built when stale and run as production runs it, `node
// build/server.js`, which can be killed and started again on the same port. Whatever happens, the
// cluster and the server are gone when the test process ends (an exit hook), not only in afterAll.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildIfStale } from "~/cli/build.mjs";
import { projectRoot } from "../../../db/files";

const run = promisify(execFile);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** initdb and pg_ctl, newest PostgreSQL first; null when none is installed. */
function findPostgresBin(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => `/usr/lib/postgresql/${version}/bin`));
  }
  candidates.push(...(process.env.PATH ?? "").split(path.delimiter));
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

export const PG_BIN = findPostgresBin();
export const AS_ROOT = process.getuid?.() === 0;

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** A PostgreSQL command; as root, run as the postgres user. */
function pg(command: string, args: string[], timeout = 30_000) {
  const bin = path.join(PG_BIN ?? "", command);
  return AS_ROOT ? run("su", ["postgres", "-s", "/bin/sh", "-c", [bin, ...args].map(quote).join(" ")], { timeout }) : run(bin, args, { timeout });
}

/** Distinct free ports on the loopback address (all held until all are known). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (server) =>
        new Promise<number>((resolve, reject) => {
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            if (address && typeof address !== "string") resolve(address.port);
            else reject(new Error("no free port"));
          });
        }),
    ),
  );
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  return ports;
}

// Everything started here, stopped at exit even when a test failed or vitest was interrupted.
const children = new Set<ChildProcess>();
const clusterDirs = new Set<string>();
function postmasterPid(dir: string): number | null {
  try {
    return Number(readFileSync(path.join(dir, "data", "postmaster.pid"), "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}
process.once("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of clusterDirs) {
    const pid = postmasterPid(dir);
    try {
      // SIGQUIT: PostgreSQL's immediate shutdown.
      if (pid) process.kill(pid, "SIGQUIT");
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

export type ShutdownMode = "fast" | "immediate";

export type Cluster = {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication on loopback). */
  url: string;
  start: () => Promise<void>;
  stop: (mode: ShutdownMode) => Promise<void>;
  restart: (mode: ShutdownMode) => Promise<void>;
  /** Stops the cluster and deletes its folder. */
  dispose: () => Promise<void>;
};

/** A new cluster (initdb, no fsync: a test's data), started. */
export async function startCluster(tag: string, port: number): Promise<Cluster> {
  if (!PG_BIN) throw new Error("no PostgreSQL server binaries (initdb, pg_ctl)");
  const dir = mkdtempSync(path.join(os.tmpdir(), `nonpaper-pg-${tag}-`));
  clusterDirs.add(dir);
  if (AS_ROOT) {
    const { stdout: user } = await run("id", ["-u", "postgres"]);
    const { stdout: group } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(user.trim()), Number(group.trim()));
    chmodSync(dir, 0o700);
  }
  const options = ["-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"].join(" ");
  const ctl = (...args: string[]) => pg("pg_ctl", ["-D", path.join(dir, "data"), "-o", options, "-l", path.join(dir, "log"), "-w", ...args]);
  await pg("initdb", ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "--no-instructions"], 60_000);
  await ctl("start");
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => void (await ctl("start")),
    stop: async (mode) => void (await ctl("stop", "-m", mode)),
    restart: async (mode) => void (await ctl("restart", "-m", mode)),
    dispose: async () => {
      await ctl("stop", "-m", "immediate").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
      clusterDirs.delete(dir);
    },
  };
}

/**
 * The production bundle, rebuilt only when a source is newer. Vitest's own settings would give a
 * build without the Remix plugin (vite.config.ts) or in test mode. Test files run in parallel:
 * one builds at a time (a lock folder), and the next finds the build fresh.
 */
export async function buildProduction(): Promise<void> {
  const lock = path.join(os.tmpdir(), "nonpaper-test-build.lock.d");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Left by a test process that was killed while building: a build takes a minute or two.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  const saved = { VITEST: process.env.VITEST, NODE_ENV: process.env.NODE_ENV };
  delete process.env.VITEST;
  process.env.NODE_ENV = "production";
  try {
    buildIfStale();
  } finally {
    process.env.VITEST = saved.VITEST;
    process.env.NODE_ENV = saved.NODE_ENV;
    rmSync(lock, { recursive: true, force: true });
  }
}

export type ServerExit = { code: number | null; signal: NodeJS.Signals | null };

export type AppServer = {
  base: string;
  /** Everything the server processes wrote, across restarts. */
  log: () => string;
  /** How the current process ended, or null while it runs. */
  exit: () => ServerExit | null;
  pid: () => number | undefined;
  /** Starts a process (again) and waits for /healthz 200. */
  start: (withinMs?: number) => Promise<void>;
  /** SIGKILL, and waits until the process is gone. */
  kill: () => Promise<void>;
  /** SIGTERM (SIGKILL after 5 s). */
  stop: () => Promise<void>;
  health: () => Promise<number>;
  waitForHealth: (status: number, withinMs: number) => Promise<boolean>;
};

/** The production server on `port`, against `databaseUrl` (SEED_DEMO: the demo's accounts). */
export function appServer(options: { port: number; databaseUrl: string; env?: Record<string, string> }): AppServer {
  const root = projectRoot();
  const base = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | null = null;
  let exited: ServerExit | null = null;
  let log = "";

  async function health(): Promise<number> {
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) });
      await response.text();
      return response.status;
    } catch {
      return 0;
    }
  }
  async function waitForHealth(status: number, withinMs: number): Promise<boolean> {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (exited) return false;
      if ((await health()) === status) return true;
      await sleep(100);
    }
    return false;
  }
  async function waitForExit(withinMs: number) {
    for (let waited = 0; !exited && waited < withinMs; waited += 20) await sleep(20);
  }

  return {
    base,
    log: () => log,
    exit: () => exited,
    pid: () => child?.pid,
    health,
    waitForHealth,
    async start(withinMs = 45_000) {
      const env: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("VITEST")) env[name] = value;
      Object.assign(env, {
        NODE_ENV: "production",
        PORT: String(options.port),
        HOST: "127.0.0.1",
        DATABASE_URL: options.databaseUrl,
        PUBLIC_URL: base,
        SESSION_SECRET: "own-cluster-test-secret-0123456789abcdef",
        SEED_DEMO: "1",
        ...options.env,
      });
      delete env.PGLITE_DATA_DIR;
      if (!options.env?.SMTP_URL) delete env.SMTP_URL;
      exited = null;
      log += `--- server started at ${new Date().toISOString()}\n`;
      // The server as production runs it: the built bundle on plain node (app/cli/build.mjs).
      const started = spawn(process.execPath, [path.join(root, "build/server.js")], {
        cwd: root,
        env: env as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.add(started);
      started.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
      started.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
      started.on("exit", (code, signal) => {
        children.delete(started);
        if (child === started) exited = { code, signal };
      });
      child = started;
      if (!(await waitForHealth(200, withinMs))) throw new Error(`the server never became ready:\n${log.slice(-4000)}`);
    },
    async kill() {
      if (!child || exited) return;
      child.kill("SIGKILL");
      await waitForExit(10_000);
    },
    async stop() {
      if (!child || exited) return;
      child.kill("SIGTERM");
      await waitForExit(5_000);
      if (!exited) child.kill("SIGKILL");
      await waitForExit(5_000);
    },
  };
}
