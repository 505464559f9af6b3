// The production server as a child process: built first when the build is missing or older than
// the sources, then started with the command of package.json's "serve" script (whatever it is:
// `node build/server.js`, tsx…), on a free port, with the Server-Timing instrument on. Measures
// the cold start (spawn → first 200 from /healthz) and the memory of its process tree from /proc.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { projectRoot } from "../../db/files";

const root = projectRoot();
const SOURCES = ["app", "db", "locales", "public", "vite.config.ts"];

function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = stat.mtimeMs;
  for (const entry of readdirSync(target)) if (entry !== "node_modules" && !entry.startsWith(".")) time = Math.max(time, newest(path.join(target, entry)));
  return time;
}

/** The production command: what `npm run serve` runs. Change here if production starts otherwise. */
export function serveCommand(): string {
  const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  return scripts.serve ?? "NODE_ENV=production node build/server.js";
}

/** `npm run build` when an output is missing or older than a source. */
export function ensureBuild(): void {
  const outputs = ["build/server/index.js", ...(serveCommand().match(/build\/[\w./-]+\.m?js/g) ?? [])];
  const built = Math.min(...outputs.map((output) => newest(path.join(root, output)) || 0));
  const changed = Math.max(...SOURCES.map((source) => newest(path.join(root, source))));
  if (built > changed) return;
  console.error("bench: building the app (npm run build)…");
  execSync("npm run build", { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Every process of the tree under `pid` (itself included), from /proc. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
  return all;
}

/** Live (not zombie) processes of a process group. */
function groupMembers(group: number): number {
  let n = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) === group && state !== "Z") n += 1;
    } catch {
      // gone meanwhile
    }
  }
  return n;
}

export type Memory = { rssMb: number; peakMb: number; processes: number };

/** VmRSS and VmHWM summed over the tree; Chromium (the PDF printer) left out: it is not the server. */
export function memoryOf(pid: number): Memory {
  let rss = 0;
  let peak = 0;
  let processes = 0;
  for (const p of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      if (/^Name:\s*(chrom|headless_shell)/m.test(status)) continue;
      rss += Number(/VmRSS:\s*(\d+)/.exec(status)?.[1] ?? 0);
      peak += Number(/VmHWM:\s*(\d+)/.exec(status)?.[1] ?? 0);
      processes += 1;
    } catch {
      // gone meanwhile
    }
  }
  return { rssMb: rss / 1024, peakMb: peak / 1024, processes };
}

/** CPU seconds (user + system, from /proc/<pid>/stat at 100 ticks a second) of the given processes. */
function cpuSecondsOfProcesses(pids: number[]): number {
  let ticks = 0;
  for (const p of pids) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

/** CPU seconds used so far by the server's process tree. */
export const cpuSecondsOf = (pid: number) => cpuSecondsOfProcesses(processTree(pid));

/** CPU seconds used so far by the machine's PostgreSQL processes (0 on PGlite: it runs in the server). */
export function databaseCpuSeconds(): number {
  const pids = readdirSync("/proc").filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      return readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres";
    } catch {
      return false;
    }
  });
  return cpuSecondsOfProcesses(pids.map(Number));
}

export type RunningServer = { url: string; pid: number; coldStartMs: number; memory: () => Memory; stop: () => Promise<void>; log: () => string };

export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const start = performance.now();
  const child: ChildProcess = spawn("sh", ["-c", serveCommand()], {
    cwd: root,
    // Its own process group, so that stopping it stops whatever the command started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...env,
      PATH: `${path.join(root, "node_modules", ".bin")}:${process.env.PATH}`,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      NONPAPER_SERVER_TIMING: "1",
      // Required in production on PostgreSQL; also the origin its same-origin check expects.
      PUBLIC_URL: url,
    },
  });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  for (;;) {
    if (exited) throw new Error(`the server exited before answering /healthz:\n${lines.join("\n")}`);
    if (performance.now() - start > 180_000) throw new Error(`the server did not answer /healthz in 180 s:\n${lines.join("\n")}`);
    const status = await fetch(`${url}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const coldStartMs = performance.now() - start;
  return {
    url,
    pid: child.pid!,
    coldStartMs,
    memory: () => memoryOf(child.pid!),
    log: () => lines.join("\n"),
    // Returns once every process of the group is gone: PGlite's folder is free again.
    stop: async () => {
      const alive = () => groupMembers(child.pid!) > 0;
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, name);
        } catch {
          // already gone
        }
      };
      if (alive()) signal("SIGTERM");
      const since = performance.now();
      while (alive()) {
        if (performance.now() - since > 15_000) signal("SIGKILL");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await exit;
    },
  };
}
