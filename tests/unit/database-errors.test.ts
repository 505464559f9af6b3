// Which errors mean "the database is briefly out of reach", which uncaught errors the server
// survives (only two known postgres.js faults) and how a loader's outage becomes a 503.
// The whole story, with a real PostgreSQL restarted under load: database-restart.test.ts.
import type { ServerBuild } from "@remix-run/node";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isDatabaseUnavailable, isPostgresArrayTypesFailure, isPostgresClosedSocketWrite, isStorageFull } from "~/lib/database-errors";
import { errorKind } from "~/components/ui/error-boundary";
import { onDatabaseDriverFault } from "~/utils/database-faults.server";
import { withDatabaseOutagePages } from "~/utils/database-outage.server";
import { installUncaughtExceptionPolicy, uncaughtDecision } from "~/utils/uncaught.server";

/** The TypeError postgres.js 3.4.9 throws from its write timer (porsager/postgres#1154). */
function closedSocketWrite(file = "/srv/nonpaper/node_modules/postgres/src/connection.js") {
  const error = new TypeError("Cannot read properties of null (reading 'write')");
  error.stack = [
    "TypeError: Cannot read properties of null (reading 'write')",
    `    at Immediate.nextWrite (file://${file}:255:22)`,
    "    at process.processImmediate (node:internal/timers:483:21)",
  ].join("\n");
  return error;
}

/** A postgres.js error as a query receives it: the driver records the statement on it. */
function driverError(code: string, query = "select 1") {
  const error = Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
  Object.defineProperty(error, "query", { value: query, enumerable: false });
  return error;
}

const ARRAY_TYPES_QUERY = `
      select b.oid, b.typarray
      from pg_catalog.pg_type a
      left join pg_catalog.pg_type b on b.oid = a.typelem
      where a.typcategory = 'A'
      group by b.oid, b.typarray
      order by b.oid
    `;

/** drizzle-orm's DrizzleQueryError, as far as the classifier looks at it. */
function drizzleError(cause: unknown) {
  const error = new Error("Failed query: select 1", { cause });
  error.name = "DrizzleQueryError";
  return Object.assign(error, { query: "select 1", params: [] });
}

describe("isDatabaseUnavailable", () => {
  it("is true for the server's shutdown and start-up codes and every connection exception", () => {
    for (const code of ["57P01", "57P02", "57P03", "08000", "08003", "08006", "08P01"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code })), code).toBe(true);
    }
  });

  it("is true for postgres.js's lost connections, also wrapped by drizzle", () => {
    for (const code of ["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]) {
      expect(isDatabaseUnavailable(drizzleError(Object.assign(new Error(code), { code }))), code).toBe(true);
    }
    expect(isDatabaseUnavailable(closedSocketWrite())).toBe(true);
  });

  it("counts a refused or reset socket only when a database query carried it", () => {
    expect(isDatabaseUnavailable(driverError("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(drizzleError(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })))).toBe(true);
    // A mail or translation server that is down is not the database.
    const fetchFailed = new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    expect(isDatabaseUnavailable(fetchFailed)).toBe(false);
    // Node's AggregateError when every address of a host refuses.
    const aggregate = Object.assign(new AggregateError([driverError("ECONNREFUSED")], "connect"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(aggregate)).toBe(true);
  });

  it("is false for faults in queries and code", () => {
    expect(isDatabaseUnavailable(drizzleError(Object.assign(new Error("duplicate key"), { code: "23505" })))).toBe(false);
    expect(isDatabaseUnavailable(drizzleError(Object.assign(new Error("syntax"), { code: "42601" })))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false);
    expect(isDatabaseUnavailable(new Response(null, { status: 302 }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("CONNECTION_CLOSED")).toBe(false);
  });
});

describe("the two postgres.js faults", () => {
  it("knows the write-after-close TypeError by its message and the frame that threw it", () => {
    expect(isPostgresClosedSocketWrite(closedSocketWrite())).toBe(true);
    expect(isPostgresClosedSocketWrite(closedSocketWrite("C:\\srv\\node_modules\\postgres\\cjs\\src\\connection.js"))).toBe(true);
    // The same message from our own code, or another package, is not it.
    expect(isPostgresClosedSocketWrite(closedSocketWrite("/srv/nonpaper/app/models/outbox.server.ts"))).toBe(false);
    expect(isPostgresClosedSocketWrite(closedSocketWrite("/srv/nonpaper/node_modules/other/postgres.js"))).toBe(false);
    const elsewhere = closedSocketWrite();
    elsewhere.stack = elsewhere.stack?.replace("Immediate.nextWrite", "Socket.flush");
    expect(isPostgresClosedSocketWrite(elsewhere)).toBe(false);
    expect(isPostgresClosedSocketWrite(new Error("Cannot read properties of null (reading 'write')"))).toBe(false);
  });

  it("knows the array-types failure by the driver's own catalog query", () => {
    expect(isPostgresArrayTypesFailure(driverError("ECONNREFUSED", ARRAY_TYPES_QUERY))).toBe(true);
    expect(isPostgresArrayTypesFailure(driverError("57P01", ARRAY_TYPES_QUERY))).toBe(true);
    expect(isPostgresArrayTypesFailure(driverError("ECONNREFUSED", "select * from users"))).toBe(false);
    expect(isPostgresArrayTypesFailure(new Error("x"))).toBe(false);
  });
});

describe("on an uncaught exception", () => {
  const installed: ((...args: unknown[]) => void)[] = [];
  afterEach(() => {
    for (const listener of installed.splice(0)) process.off("uncaughtException", listener);
  });

  /** The policy's listener, called directly: vitest's own handlers stay in charge of this process. */
  function policy(exit: (code: number) => void) {
    const before = new Set(process.listeners("uncaughtException"));
    installUncaughtExceptionPolicy(exit);
    const listener = process.listeners("uncaughtException").find((l) => !before.has(l));
    if (!listener) throw new Error("no listener installed");
    installed.push(listener as (...args: unknown[]) => void);
    return listener as (error: unknown, origin: NodeJS.UncaughtExceptionOrigin) => void;
  }

  it("decides: replace the pool, go on, or exit", () => {
    expect(uncaughtDecision(closedSocketWrite(), "uncaughtException")).toBe("replace-pool");
    expect(uncaughtDecision(driverError("ECONNREFUSED", ARRAY_TYPES_QUERY), "unhandledRejection")).toBe("survive");
    // Each fault only by the route it takes; anything else exits.
    expect(uncaughtDecision(closedSocketWrite(), "unhandledRejection")).toBe("exit");
    expect(uncaughtDecision(driverError("ECONNREFUSED", ARRAY_TYPES_QUERY), "uncaughtException")).toBe("exit");
    expect(uncaughtDecision(driverError("ECONNREFUSED"), "unhandledRejection")).toBe("exit");
    expect(uncaughtDecision(new Error("boom"), "uncaughtException")).toBe("exit");
    expect(uncaughtDecision(undefined, "unhandledRejection")).toBe("exit");
  });

  it("keeps running after the postgres.js fault and tells the database layer to replace its pool", () => {
    const exit = vi.fn();
    const heard = vi.fn();
    const stop = onDatabaseDriverFault(heard);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      policy(exit)(closedSocketWrite(), "uncaughtException");
      expect(exit).not.toHaveBeenCalled();
      expect(heard).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0]?.[0])).toMatch(/porsager\/postgres#1154/);
    } finally {
      stop();
      error.mockRestore();
    }
  });

  it("logs anything else and exits with code 1, for the supervisor to restart the server", () => {
    const exit = vi.fn();
    const heard = vi.fn();
    const stop = onDatabaseDriverFault(heard);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const boom = new Error("boom");
      policy(exit)(boom, "uncaughtException");
      expect(exit).toHaveBeenCalledWith(1);
      expect(heard).not.toHaveBeenCalled();
      expect(error.mock.calls.some((call) => call[0] === boom)).toBe(true);
      policy(exit)(driverError("ECONNREFUSED"), "unhandledRejection");
      expect(exit).toHaveBeenCalledTimes(2);
    } finally {
      stop();
      error.mockRestore();
    }
  });
});

describe("withDatabaseOutagePages", () => {
  function buildWith(loader: () => unknown): ServerBuild {
    return {
      routes: {
        "routes/page": { id: "routes/page", path: "page", module: { loader, default: () => null } },
        "routes/static": { id: "routes/static", path: "static", module: { default: () => null } },
      },
    } as unknown as ServerBuild;
  }
  const args = {} as never;
  const loaderOf = (build: ServerBuild) => build.routes["routes/page"]?.module.loader as (a: never) => Promise<unknown>;

  it("turns a database outage in a loader into a 503 with Retry-After, for the error boundary", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const build = withDatabaseOutagePages(buildWith(() => Promise.reject(drizzleError(Object.assign(new Error("x"), { code: "57P01" })))));
      const thrown = await loaderOf(build)(args).catch((error: unknown) => error);
      expect(thrown).toMatchObject({
        type: "DataWithResponseInit",
        data: { reason: "databaseUnavailable" },
        init: { status: 503, headers: { "Retry-After": "5" } },
      });
    } finally {
      warn.mockRestore();
    }
  });

  it("turns a full disk (SQLSTATE 53100, PostgreSQL or PGlite) into a 507 'nothing was saved', logged for whoever runs the server", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // PGlite's error carries the code itself; PostgreSQL's comes wrapped by drizzle.
      const pglite = Object.assign(new Error('could not extend file "base/1/16384": No space left on device'), { code: "53100" });
      for (const error of [pglite, drizzleError(pglite)]) {
        expect(isStorageFull(error)).toBe(true);
        expect(isDatabaseUnavailable(error)).toBe(false);
        const thrown = await loaderOf(withDatabaseOutagePages(buildWith(() => Promise.reject(error))))(args).catch((e: unknown) => e);
        expect(thrown).toMatchObject({ type: "DataWithResponseInit", data: { reason: "storageFull" }, init: { status: 507 } });
      }
      expect(logged).toHaveBeenCalledTimes(2);
      expect(isStorageFull(drizzleError(Object.assign(new Error("x"), { code: "23505" })))).toBe(false);
      // The error page it draws.
      expect(errorKind({ status: 507, statusText: "", internal: false, data: {} }).kind).toBe("storageFull");
    } finally {
      logged.mockRestore();
    }
  });

  it("leaves every other outcome alone, and the modules it was given unchanged", async () => {
    const value = { ok: true };
    const original = buildWith(() => value);
    const build = withDatabaseOutagePages(original);
    expect(await loaderOf(build)(args)).toBe(value);
    expect(withDatabaseOutagePages(original)).toBe(build);
    expect(build.routes["routes/static"]).toBe(original.routes["routes/static"]);
    expect(original.routes["routes/page"]?.module.loader).not.toBe(build.routes["routes/page"]?.module.loader);

    const redirect = new Response(null, { status: 302, headers: { Location: "/login" } });
    expect(await loaderOf(withDatabaseOutagePages(buildWith(() => Promise.reject(redirect))))(args).catch((e: unknown) => e)).toBe(redirect);
    const bug = new Error("a bug");
    expect(await loaderOf(withDatabaseOutagePages(buildWith(() => Promise.reject(bug))))(args).catch((e: unknown) => e)).toBe(bug);
  });
});
