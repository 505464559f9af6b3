// The authorization matrix (issue 17), run against the production build: one test per cell of
// tests/unit/authorization-matrix.table.ts (every route module's loader and action intents × every
// kind of reader), and a test that every route module of app/routes has its row.
//
// One server (`node build/server.js`) on a database of this test's own on the PostgreSQL server at
// AUTHZ_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres (created,
// migrated, seeded with the demo and the fixtures the demo lacks; dropped at the end). Each reader
// signs in once over HTTP (the secretariat with its two-factor code). Skipped, with a message, only
// when no PostgreSQL server answers there.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { generateTOTP } from "@epic-web/totp";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { projectRoot } from "../../db/files";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../db/seed";
import { disableAccount, prepareDatabase, reachable, READER_EMAILS, withDatabase } from "./authorization-matrix.fixtures";
import { DRAFT_CELLS, MATRIX, READERS, type ActionProbe, type Fixtures, type Outcome, type Probe, type ReaderKind } from "./authorization-matrix.table";
import { buildProduction } from "./support/own-cluster";

const ROUTES_DIR = path.join(projectRoot(), "app", "routes");

/** The route modules as Remix finds them: the files of app/routes, and each folder's route file. */
function routeModules(): string[] {
  return readdirSync(ROUTES_DIR)
    .flatMap((entry) => {
      if (!statSync(path.join(ROUTES_DIR, entry)).isDirectory()) return /\.(tsx?|jsx?)$/.test(entry) ? [entry] : [];
      const inside = readdirSync(path.join(ROUTES_DIR, entry)).find((file) => /^route\.(tsx?|jsx?)$/.test(file));
      return inside ? [`${entry}/${inside}`] : [];
    })
    .sort();
}

const source = (module: string) => readFileSync(path.join(ROUTES_DIR, module), "utf8");
const hasAction = (module: string) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b|export\s*\{[^}]*\baction\b/.test(source(module));
/** Whether a module's action tells forms apart by their intent (its folder's other files included). */
function readsIntent(module: string): boolean {
  const files = module.includes("/") ? readdirSync(path.join(ROUTES_DIR, path.dirname(module))).map((file) => `${path.dirname(module)}/${file}`) : [module];
  return files.some((file) => /\bintent\b/.test(source(file)));
}

describe("the authorization matrix covers every route module", () => {
  it("has a row for every module of app/routes, and none for a module that is gone", () => {
    const modules = routeModules();
    expect(modules.length).toBeGreaterThan(40);
    expect(
      modules.filter((module) => !(module in MATRIX)),
      "route modules without a row in tests/unit/authorization-matrix.table.ts",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((key) => !modules.includes(key)),
      "rows for route modules that do not exist",
    ).toEqual([]);
  });

  it("has the action's cells for every module with an action, and only for those", () => {
    const modules = routeModules();
    expect(modules.filter((module) => hasAction(module) && !MATRIX[module]?.post)).toEqual([]);
    expect(modules.filter((module) => !hasAction(module) && MATRIX[module]?.post)).toEqual([]);
  });

  it("names each intent of an action that has several, rather than one cell for the whole form", () => {
    const unnamed = routeModules().filter((module) => hasAction(module) && readsIntent(module) && Object.keys(MATRIX[module]?.post ?? {}).includes("form"));
    expect(unnamed, "actions that read an intent but have a single 'form' cell").toEqual([]);
  });

  it("names every reader in every cell", () => {
    const cells = [...Object.values(MATRIX).flatMap((row) => [row.get, ...Object.values(row.post ?? {})]), ...Object.values(DRAFT_CELLS)];
    for (const cell of cells) expect(Object.keys(cell.expect).sort()).toEqual([...READERS].sort());
  });
});

// ---------------------------------------------------------------------------------------------
// The cells, against the production server

const SERVER_URL = process.env.AUTHZ_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const PG = SERVER_URL.startsWith("postgres") && (await reachable(SERVER_URL));
if (!PG) console.warn(`authorization-matrix.test.ts: skipped, no PostgreSQL server answers at ${SERVER_URL.replace(/\/\/[^@]*@/, "//")}`);

type Cell = { label: string; route: string; method: "GET" | "POST"; reader: ReaderKind; probe: Probe | ActionProbe; order: number };

function cells(): Cell[] {
  const list: Cell[] = [];
  for (const [route, row] of Object.entries(MATRIX)) {
    for (const reader of READERS) list.push({ label: `${route} GET · ${reader}`, route, method: "GET", reader, probe: row.get, order: 0 });
    for (const [intent, probe] of Object.entries(row.post ?? {})) {
      const order = probe.phase === "final" ? 3 : probe.phase === "late" ? 2 : 1;
      for (const reader of READERS) list.push({ label: `${route} POST ${intent} · ${reader}`, route, method: "POST", reader, probe, order });
    }
  }
  for (const [page, probe] of Object.entries(DRAFT_CELLS))
    for (const reader of READERS) list.push({ label: `draft consultation: ${page} GET · ${reader}`, route: page, method: "GET", reader, probe, order: 0 });
  // Reads first, then the forms; what changes data others read, and signing out, last. (Stable.)
  return list.sort((a, b) => a.order - b.order);
}

/** A free port on the loopback address. */
async function freePort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address && typeof address !== "string") resolve(address.port);
      else reject(new Error("no free port"));
    });
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((line) => line.split(";")[0] ?? "");

/** Which of the table's outcomes an answer is. */
function outcomeOf(method: "GET" | "POST", response: Response, body: string, base: string): string {
  const { status } = response;
  const redirect = (to: string) => {
    const location = new URL(to, base);
    return location.pathname === "/login" ? "login" : `redirect:${location.pathname}`;
  };
  if (status >= 300 && status < 400) return redirect(response.headers.get("Location") ?? "");
  // Remix's data request (the frame's cell) answers a redirect as 202 and a turbo-stream.
  if (status === 202 && body.startsWith('[["SingleFetchRedirect"')) {
    const stream = JSON.parse(body) as unknown[];
    return redirect(String(stream[stream.indexOf("redirect") + 1]));
  }
  if (status === 200) return method === "GET" ? "page" : "allowed";
  if ([401, 403, 404, 405].includes(status)) return String(status);
  // A form refused after the guard: its errors (400), the wrong stage (409, 423), a limit (429).
  if (method === "POST" && [400, 409, 413, 422, 423, 429].includes(status)) return "allowed";
  return `status ${status}`;
}

/** The first two segments of a path: "/consultations/<id>", "/account", "/outbox". */
const area = (pathname: string) => pathname.split("/").slice(0, 3).join("/");

/**
 * Whether an answer is what the table says. "allowed" also covers the action's own redirect, which
 * stays in the area posted to (the consultation, the account…): never home, never sign-in.
 */
function matches(expected: Outcome, actual: string, target: string): boolean {
  if (expected === "allowed" && actual.startsWith("redirect:")) return area(actual.slice("redirect:".length)) === area(new URL(target, "http://x").pathname);
  return String(expected) === actual;
}

describe.skipIf(!PG)("the authorization matrix, against the production server", () => {
  const root = projectRoot();
  const database = `nonpaper_authz_${process.pid}_${Date.now()}`;
  const databaseUrl = withDatabase(SERVER_URL, database);
  let admin: ReturnType<typeof postgres> | null = null;
  let server: ChildProcess | null = null;
  let serverLog = "";
  let exited = false;
  let base = "";
  let fixtures: Fixtures | null = null;
  const sessions = new Map<ReaderKind, string>();

  async function waitForHealth(withinMs: number): Promise<boolean> {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline && !exited) {
      try {
        const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(3_000) });
        await response.text();
        if (response.status === 200) return true;
      } catch {
        // Not listening yet.
      }
      await sleep(150);
    }
    return false;
  }

  const formHeaders = (cookie: string, json = false): Record<string, string> => ({
    Origin: base,
    "Content-Type": "application/x-www-form-urlencoded",
    ...(json ? { Accept: "application/json" } : {}),
    ...(cookie ? { Cookie: cookie } : {}),
  });

  /** Signs a reader in over HTTP (the secretariat with its code); the session cookie. */
  async function signIn(email: string): Promise<string> {
    const login = await fetch(`${base}/login`, {
      method: "POST",
      headers: formHeaders(""),
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    await login.text();
    expect(login.status, `${email} signs in`).toBe(302);
    const cookies = cookiesOf(login).filter((pair) => !pair.endsWith("="));
    const session = cookies.find((pair) => pair.startsWith("__session="));
    if (session) return session;
    // A second step is due (the secretariat): the code from its authenticator.
    expect(login.headers.get("Location"), `${email}: the second step`).toMatch(/^\/login\/two-factor/);
    const { otp } = await generateTOTP({ secret: DEMO_TOTP_SECRET, algorithm: "SHA-1", digits: 6, period: 30 });
    const second = await fetch(`${base}/login/two-factor`, {
      method: "POST",
      headers: formHeaders(cookies.join("; ")),
      body: new URLSearchParams({ code: otp }),
      redirect: "manual",
    });
    await second.text();
    expect(second.status, `${email}: the two-factor code is accepted`).toBe(302);
    const secured = cookiesOf(second).find((pair) => pair.startsWith("__session=") && !pair.endsWith("="));
    if (!secured) throw new Error(`${email}: no session after the second step`);
    return secured;
  }

  beforeAll(async () => {
    // The production bundle, rebuilt only when a source is newer, under the lock the fault tests take too.
    await buildProduction();

    admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${database}"`);
    const prepared = await prepareDatabase(databaseUrl);

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("VITEST")) env[name] = value;
    Object.assign(env, {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: base,
      SESSION_SECRET: "authorization-matrix-test-secret-0123456789",
    });
    for (const name of ["PGLITE_DATA_DIR", "SEED_DEMO", "SMTP_URL", "SMTP_HOST"]) delete env[name];
    const child = spawn(process.execPath, [path.join(root, "build/server.js")], {
      cwd: root,
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    child.on("exit", () => (exited = true));
    server = child;
    expect(await waitForHealth(60_000), `the server never became ready:\n${serverLog}`).toBe(true);

    // Every reader signs in once; the disabled one is disabled afterwards, its session kept.
    const kinds = Object.keys(READER_EMAILS) as Exclude<ReaderKind, "anonymous">[];
    for (const kind of kinds) sessions.set(kind, await signIn(READER_EMAILS[kind]));
    sessions.set("anonymous", "");
    const before = await fetch(`${base}/`, { headers: { Cookie: sessions.get("disabled")! }, redirect: "manual" });
    await before.text();
    expect(before.status, "the account to be disabled has a live session").toBe(200);
    await disableAccount(databaseUrl, READER_EMAILS.disabled);

    // A CRP version, compiled by the secretariat, for its file's cells.
    const compiled = await fetch(`${base}/consultations/${prepared.consultationId}/crp`, {
      method: "POST",
      headers: formHeaders(sessions.get("secretariat")!),
      body: new URLSearchParams({ intent: "draft", expectedLatestVersion: "0" }),
      redirect: "manual",
    });
    await compiled.text();
    expect(compiled.status, `the CRP compiles:\n${serverLog.slice(-3000)}`).toBe(302);
    fixtures = { ...prepared, crpFile: "v1.md" };
  }, 300_000);

  afterAll(async () => {
    if (server && !exited) {
      server.kill("SIGTERM");
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) server.kill("SIGKILL");
    }
    if (admin) {
      await admin.unsafe(`drop database if exists "${database}" with (force)`).catch((error) => console.error(error));
      await admin.end({ timeout: 5 });
    }
  }, 30_000);

  it("refuses to sign in a disabled account", async () => {
    const response = await fetch(`${base}/login`, {
      method: "POST",
      headers: formHeaders(""),
      body: new URLSearchParams({ email: READER_EMAILS.disabled, password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    await response.text();
    expect(response.status).toBe(400);
    expect(cookiesOf(response).filter((pair) => pair.startsWith("__session=") && !pair.endsWith("="))).toEqual([]);
  });

  // Readers who may not open the consultation: no answer to them names it.
  const OUTSIDERS: ReaderKind[] = ["anonymous", "disabled", "unregisteredDelegate", "otherChair"];

  it.each(cells())("$label", async ({ method, reader, probe }) => {
    onTestFailed(() => console.error(`server log (end):\n${serverLog.slice(-3000)}`));
    const f = fixtures!;
    const target = probe.path(f);
    const cookie = sessions.get(reader) ?? "";
    const action = method === "POST" ? (probe as ActionProbe) : null;
    const response = await fetch(base + target, {
      method,
      headers: action ? formHeaders(cookie, action.json) : cookie ? { Cookie: cookie } : {},
      body: action ? new URLSearchParams(action.body(f, reader)) : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    const body = await response.text();
    const actual = outcomeOf(method, response, body, base);
    const expected = probe.expect[reader];
    expect(
      matches(expected, actual, target),
      `${method} ${target} as ${reader}: expected ${expected}, got ${actual} (${response.status})\n${body.slice(0, 300)}`,
    ).toBe(true);
    if (OUTSIDERS.includes(reader)) expect(body, "the consultation's title, to a reader who may not open it").not.toContain(f.consultationTitle);
  });
});
