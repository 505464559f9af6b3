// The production server while its PostgreSQL restarts under load (issue 12, item 3). A cluster of
// this test's own (initdb, a free port, a temporary directory; never the shared server on 5432) is
// restarted with `pg_ctl restart -m immediate` and `-m fast`, in turn, while parallel requests run. Then:
// the server process is still alive, requests that failed got 503 with Retry-After and the
// "try again" page (never a 500 or a stack trace), /healthz is back to 200 within seconds and
// requests succeed again. Finally the cluster is stopped: /healthz says 503 and a page says, in
// the reader's language, to try again; started again: /healthz 200.
//
// It lives in tests/unit so that CI runs it once (tests/db runs twice, on PostgreSQL and PGlite).
// Skipped, with a message, only where no PostgreSQL server binaries (initdb, pg_ctl) are installed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { projectRoot } from "../../db/files";
import { appServer, buildProduction, freePorts, PG_BIN, sleep, startCluster, type AppServer, type Cluster, type ShutdownMode } from "./support/own-cluster";

if (!PG_BIN) console.warn("database-restart.test.ts: skipped, no PostgreSQL server binaries (initdb, pg_ctl) found");

const UNAVAILABLE_TITLES = ["ar", "zh", "en", "fr", "ru", "es"].map(
  (language) =>
    (
      JSON.parse(readFileSync(path.join(projectRoot(), "locales", language, "common.json"), "utf8")) as {
        errors: { unavailable: { title: string } };
      }
    ).errors.unavailable.title,
);

type Outcome =
  | { kind: "response"; method: string; path: string; status: number; retryAfter: string | null; body: string }
  | { kind: "failure"; method: string; path: string; error: string };

describe.skipIf(!PG_BIN)("the production server while PostgreSQL restarts under load", () => {
  let cluster: Cluster | null = null;
  let server: AppServer | null = null;
  let base = "";
  let cookie = "";
  const form = () => ({ Origin: base, "Content-Type": "application/x-www-form-urlencoded" });
  const serverLog = () => server?.log() ?? "";
  const waitForHealth = (status: number, withinMs: number) => server!.waitForHealth(status, withinMs);

  beforeAll(async () => {
    await buildProduction();
    const [pgPort = 0, httpPort = 0] = await freePorts(2);
    cluster = await startCluster("restart", pgPort);
    server = appServer({ port: httpPort, databaseUrl: cluster.url });
    base = server.base;
    await server.start();
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await cluster?.dispose();
  }, 30_000);

  async function request(method: "GET" | "POST", target: string, headers: Record<string, string>, body?: string): Promise<Outcome> {
    try {
      const response = await fetch(base + target, {
        method,
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(25_000),
      });
      return {
        kind: "response",
        method,
        path: target,
        status: response.status,
        retryAfter: response.headers.get("Retry-After"),
        body: await response.text(),
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { kind: "failure", method, path: target, error: cause?.code ?? String(error) };
    }
  }

  it("survives immediate and fast restarts, answers 503 with a try-again page meanwhile, and recovers", async () => {
    onTestFailed(() => console.error(`server log:\n${serverLog().slice(-8000)}`));
    // A delegate's session, for pages that read the database on every request.
    const signIn = await fetch(`${base}/login`, {
      method: "POST",
      headers: form(),
      body: "email=peru%40nonpaper.test&password=nonpaper-demo",
      redirect: "manual",
    });
    cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(";")[0] ?? "")
      .filter((pair) => pair.startsWith("__session="))
      .join("; ");
    expect(signIn.status, "the demo delegate signs in").toBe(302);
    expect(cookie, "the demo delegate has a session").not.toBe("");

    // Load: failed sign-ins (a transaction each, on the throttle rows; slow on purpose, so four
    // workers of their own), and a page for the signed-in delegate and the health check (reads).
    const outcomes: Outcome[] = [];
    let stop = false;
    const worker = async (n: number) => {
      for (let i = n; !stop; i += 1) {
        const outcome =
          n < 4
            ? await request("POST", "/login", form(), `email=nobody${i % 5}%40example.org&password=wrong`)
            : i % 2 === 0
              ? await request("GET", "/", { Cookie: cookie })
              : await request("GET", "/healthz", {});
        outcomes.push(outcome);
        if (outcome.kind === "failure") await sleep(50);
      }
    };
    const workers = Array.from({ length: 16 }, (_, n) => worker(n));

    // Immediate (a crash: no checkpoint, recovery at start) and fast (sessions ended, a clean
    // shutdown), in turn.
    const MODES: ShutdownMode[] = ["immediate", "fast", "immediate", "fast"];
    const RESTARTS = MODES.length;
    for (const mode of MODES) {
      await sleep(800);
      await cluster!.restart(mode);
    }
    stop = true;
    const restartedAt = Date.now();
    const healthy = await waitForHealth(200, 15_000);
    const recoveryMs = Date.now() - restartedAt;
    await Promise.all(workers);

    const describeOutcome = (o: Outcome) => (o.kind === "response" ? `${o.method} ${o.path} ${o.status}` : `${o.method} ${o.path} ${o.error}`);
    const tally = outcomes.reduce<Record<string, number>>((acc, o) => {
      acc[describeOutcome(o)] = (acc[describeOutcome(o)] ?? 0) + 1;
      return acc;
    }, {});
    const faults = serverLog().split("porsager/postgres#1154").length - 1;
    const typeFaults = serverLog().split("porsager/postgres#1192").length - 1;
    console.info(
      `database-restart: ${RESTARTS} restarts (${MODES.join(", ")}) under load, ${outcomes.length} requests: ${JSON.stringify(tally)}; ` +
        `postgres.js faults survived: ${faults} write-after-close, ${typeFaults} array-types; /healthz 200 again after ${recoveryMs} ms`,
    );

    // The process is alive and never logged an exit.
    expect(server!.exit(), `the server exited:\n${serverLog().slice(-4000)}`).toBeNull();
    expect(serverLog()).not.toMatch(/exiting with code 1/);
    expect(healthy, "/healthz is 200 again within 15 s").toBe(true);

    // While the database restarted: every request had an answer (the server never went away), none
    // was a 500, and the failures were 503s with Retry-After and the try-again page.
    expect(outcomes.filter((o) => o.kind === "failure").map(describeOutcome), "requests without an answer").toEqual([]);
    const responses = outcomes.filter((o): o is Extract<Outcome, { kind: "response" }> => o.kind === "response");
    expect(responses.filter((o) => o.status >= 500 && o.status !== 503).map(describeOutcome)).toEqual([]);
    const unavailable = responses.filter((o) => o.status === 503);
    expect(unavailable.length, "some requests met the restarts").toBeGreaterThan(0);
    for (const o of unavailable) {
      expect(o.retryAfter, `${o.method} ${o.path}: Retry-After`).toMatch(/^\d+$/);
      expect(o.body).not.toMatch(/\n\s+at |node_modules|TypeError|CONNECTION_CLOSED/);
      // The page in the reader's language: the delegate's profile language, else English.
      if (o.path !== "/healthz")
        expect(
          UNAVAILABLE_TITLES.some((title) => o.body.includes(title)),
          o.body.slice(0, 400),
        ).toBe(true);
    }

    // Afterwards: requests succeed again, one after another.
    const after: Outcome[] = [];
    for (let i = 0; i < 4; i++) {
      after.push(await request("GET", "/", { Cookie: cookie }));
      after.push(await request("GET", "/healthz", {}));
    }
    after.push(await request("POST", "/login", form(), "email=nobody%40example.org&password=wrong"));
    expect(after.map(describeOutcome), serverLog().slice(-3000)).toEqual([
      ...Array.from({ length: 4 }, () => ["GET / 200", "GET /healthz 200"]).flat(),
      expect.stringMatching(/^POST \/login (400|429)$/),
    ]);
  }, 90_000);

  it("says 503 while the database is down, in the reader's language, and 200 once it is back", async () => {
    onTestFailed(() => console.error(`server log:\n${serverLog().slice(-8000)}`));
    await cluster!.stop("immediate");
    expect(await waitForHealth(503, 10_000), "/healthz is 503 while the database is down").toBe(true);

    // A page (its loaders read the session) and a form (its action counts the attempt), each in
    // the reader's language, with <html lang dir> to match.
    const page = await request("GET", "/", { Cookie: `lng=ar; ${cookie}` });
    const post = await request("POST", "/login", { ...form(), Cookie: "lng=fr" }, "email=nobody%40example.org&password=wrong");
    for (const [outcome, language, direction, title] of [
      [page, "ar", "rtl", "قاعدة البيانات غير متاحة مؤقتاً"],
      [post, "fr", "ltr", "La base de données est momentanément indisponible"],
    ] as const) {
      expect(outcome.kind).toBe("response");
      if (outcome.kind !== "response") continue;
      expect(outcome.status, `${outcome.method} ${outcome.path}`).toBe(503);
      expect(outcome.retryAfter).toMatch(/^\d+$/);
      expect(outcome.body).toContain(`<html lang="${language}" dir="${direction}">`);
      expect(outcome.body).toContain(title);
    }

    await cluster!.start();
    expect(await waitForHealth(200, 10_000), "/healthz is 200 again once the database is back").toBe(true);
    expect(server!.exit()).toBeNull();
  }, 60_000);
});
