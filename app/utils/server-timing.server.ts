// Opt-in measurement for the benchmark (tests/bench/people.ts): with NONPAPER_SERVER_TIMING=1,
// every response carries `Server-Timing: db;desc="sql";dur=<statements>, app;dur=<ms>`, the
// number of SQL statements the request ran (transactions included) and the server's time until
// the headers went out. Unset, nothing is patched and the middleware only calls next().
import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import type { NextFunction, Request, Response } from "express";

type RequestCount = { statements: number };
type Shared = { storage: AsyncLocalStorage<RequestCount>; patched: WeakSet<object> };

// app/server.ts and the built server bundle each load their own copy of this module: the one
// store lives on globalThis so that both see the same request.
const KEY = Symbol.for("nonpaper.serverTiming");
function shared(): Shared {
  const store = globalThis as typeof globalThis & { [KEY]?: Shared };
  return (store[KEY] ??= { storage: new AsyncLocalStorage(), patched: new WeakSet() });
}

export function serverTimingEnabled(): boolean {
  return process.env.NONPAPER_SERVER_TIMING === "1";
}

/**
 * Counts statements at drizzle's session: `prepareQuery` is patched on the session's class, so
 * transactions (which get a session of their own, of the same class) count too, for PGlite and
 * postgres.js alike. Only when enabled.
 */
export function countSqlStatements(db: object): void {
  if (!serverTimingEnabled()) return;
  type Session = { prepareQuery: (...args: unknown[]) => unknown };
  const session = (db as { session?: Session }).session;
  if (!session) return;
  const prototype = Object.getPrototypeOf(session) as Session;
  const { storage, patched } = shared();
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const original = prototype.prepareQuery;
  prototype.prepareQuery = function (this: unknown, ...args: unknown[]) {
    const count = storage.getStore();
    if (count) count.statements += 1;
    return original.apply(this, args);
  };
}

/** The Express middleware: a counter per request, written into the headers as they go out. */
export function serverTiming() {
  if (!serverTimingEnabled()) return (_req: Request, _res: Response, next: NextFunction) => next();
  const { storage } = shared();
  return (_req: Request, res: Response, next: NextFunction) => {
    const count: RequestCount = { statements: 0 };
    const start = performance.now();
    const writeHead = res.writeHead;
    // Implicit headers (a first write) also go through writeHead.
    res.writeHead = function (this: Response, ...args: unknown[]) {
      if (!res.headersSent) {
        res.setHeader("Server-Timing", `db;desc="sql";dur=${count.statements}, app;dur=${(performance.now() - start).toFixed(1)}`);
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    storage.run(count, next);
  };
}
