// While the database restarts or fails over, requests answer 503 "try again in a moment" (the
// error boundary's "unavailable" page, app/components/ui/error-boundary.tsx) instead of a 500; when
// its disk is full, 507 "nothing was saved" (the "storageFull" page).
// app/server.ts applies both pieces; relative imports only, since it runs outside Vite.
import { data, type ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, isPostgresClosedSocketWrite, isStorageFull } from "../lib/database-errors";
import { reportDatabaseDriverFault } from "./database-faults.server";

type DataFunction = (args: never) => unknown;

// One log line a second at most while the database is away, with how many requests it cost.
let lastLogged = 0;
let unlogged = 0;
function logOutage(error: unknown) {
  unlogged += 1;
  const now = Date.now();
  if (now - lastLogged < 1000) return;
  const code = describe(error);
  console.warn(`Nonpaper: the database is unavailable (${code}); ${unlogged} request(s) answered 503`);
  lastLogged = now;
  unlogged = 0;
}

function describe(error: unknown): string {
  for (let item = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; item && depth < 8; depth++) {
    if (typeof item.code === "string") return item.code;
    if (!item.cause) return typeof item.message === "string" ? item.message : "unknown";
    item = item.cause as typeof item;
  }
  return "unknown";
}

function guard<F extends DataFunction>(fn: F): F {
  const guarded = async (args: never) => {
    try {
      return await fn(args);
    } catch (error) {
      if (isStorageFull(error)) {
        // Nothing was written (the transaction rolled back): say so, and tell whoever runs the server.
        console.error("Nonpaper: the database has no space left on its disk (SQLSTATE 53100); a write was refused", error);
        throw data({ reason: "storageFull" }, { status: 507 });
      }
      if (!isDatabaseUnavailable(error)) throw error;
      // The same postgres.js fault can also surface inside a query (a write big enough to be sent
      // at once): its pool is as broken as after the uncaught one.
      if (isPostgresClosedSocketWrite(error)) reportDatabaseDriverFault(error);
      logOutage(error);
      throw data({ reason: "databaseUnavailable" }, { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } });
    }
  };
  return guarded as unknown as F;
}

const wrapped = new WeakMap<ServerBuild, ServerBuild>();

/**
 * The build with every loader and action answering 503 (a thrown `data`, so the route's error
 * boundary draws it with its status) when the database cannot be reached. Route modules are
 * copied, never changed; the same build always gives the same wrapped build (Remix's handler
 * recomputes its routes when the object changes).
 */
export function withDatabaseOutagePages(build: ServerBuild): ServerBuild {
  const known = wrapped.get(build);
  if (known) return known;
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const { loader, action } = route.module;
    routes[id] =
      loader || action
        ? {
            ...route,
            module: {
              ...route.module,
              ...(loader ? { loader: guard(loader) } : {}),
              ...(action ? { action: guard(action) } : {}),
            },
          }
        : route;
  }
  const result: ServerBuild = { ...build, routes };
  wrapped.set(build, result);
  return result;
}

/**
 * `Retry-After` on every 503 that lacks one. Remix passes a thrown response's headers on to a
 * page only through a `headers` export, so the page's status is set there and the header here.
 */
export function retryAfterOnUnavailable(): RequestHandler {
  return (_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (args[0] === 503 && !this.headersSent && !this.hasHeader("Retry-After")) {
        this.setHeader("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
      }
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}
