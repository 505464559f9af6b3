// Which errors mean "the database is out of reach for a moment" (a restart, a failover, a dropped
// connection), as opposed to a fault in a query or in our code. Pure: app/server.ts and the
// database layer both use it (relative imports only: app/server.ts runs outside Vite).

/** Seconds a reader (or a load balancer) is asked to wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// SQLSTATEs the server sends while it shuts down or starts: 57P01 admin_shutdown (a fast or
// immediate stop, or pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now
// (starting up, in recovery). Class 08 is "connection exception" as a whole.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03"]);

// postgres.js's own codes for a connection it lost or gave up (src/errors.js).
const DRIVER_CONNECTION_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);

// Socket errors; they count only when they came out of a database query (see below), since the
// same codes come from mail and translation servers too.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

type ErrorLike = { code?: unknown; cause?: unknown; errors?: unknown; query?: unknown; name?: unknown };

/** The error, its causes (drizzle wraps driver errors in DrizzleQueryError) and AggregateError parts. */
function* chain(error: unknown, depth = 0): Generator<ErrorLike> {
  if (depth > 8 || error === null || typeof error !== "object") return;
  const item = error as ErrorLike;
  yield item;
  if ("cause" in item) yield* chain(item.cause, depth + 1);
  if (Array.isArray(item.errors)) for (const part of item.errors) yield* chain(part, depth + 1);
}

/**
 * postgres.js 3.4.x (porsager/postgres#1154, #1208, unfixed in 3.4.10): when a connection closes
 * under a transaction that goes on writing, a write scheduled with setImmediate runs after
 * `closed()` has set the socket to null and throws this TypeError outside any query, so nothing
 * can catch it but process.on("uncaughtException"). Recognised narrowly: the exact message and
 * the throwing frame being postgres.js's nextWrite.
 */
export function isPostgresClosedSocketWrite(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  if (error.message !== "Cannot read properties of null (reading 'write')") return false;
  const frame = error.stack?.split("\n").find((line) => line.trimStart().startsWith("at "));
  return Boolean(frame && /\bnextWrite\b/.test(frame) && /[\\/]node_modules[\\/]postgres[\\/]/.test(frame));
}

/**
 * postgres.js 3.4.x (porsager/postgres#1192, #1205, #1223, unfixed in 3.4.10): every new connection
 * first reads the server's array types, in a promise nobody awaits; if the connection fails at
 * that moment (the database restarts just as it was reached), the rejection is unhandled. The
 * query that asked for the connection fails on its own. Recognised by the query the driver
 * records on the error: its own catalog query, which the app never runs.
 */
export function isPostgresArrayTypesFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const query = (error as { query?: unknown }).query;
  return (
    typeof query === "string" && /select b\.oid, b\.typarray\s+from pg_catalog\.pg_type a\s+left join pg_catalog\.pg_type b on b\.oid = a\.typelem/.test(query)
  );
}

/** True when the error says the database cannot be reached right now; trying again later may work. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const items = [...chain(error)];
  // A socket code is the database's only when a query carried it: postgres.js marks the errors it
  // hands to a query with `query`, and drizzle's DrizzleQueryError has one too.
  const fromQuery = items.some((item) => "query" in item || item.name === "DrizzleQueryError");
  return items.some((item) => {
    if (isPostgresClosedSocketWrite(item)) return true;
    const code = typeof item.code === "string" ? item.code : "";
    if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (DRIVER_CONNECTION_CODES.has(code)) return true;
    return fromQuery && SOCKET_CODES.has(code);
  });
}

/**
 * True when the database refused a write for lack of space: SQLSTATE 53100 disk_full (PostgreSQL,
 * and PGlite on a full disk, with "could not extend file"). The transaction is rolled back whole;
 * trying again helps only once someone frees space, so the reader is told so, not "wait a moment".
 */
export function isStorageFull(error: unknown): boolean {
  return [...chain(error)].some((item) => item.code === "53100");
}

/**
 * True when the database refused a write for a unique key already taken (SQLSTATE 23505
 * unique_violation), at any depth of the error's causes (drizzle wraps the driver's error): two
 * requests creating the same thing at once, of which the second is told so.
 */
export function isUniqueViolation(error: unknown): boolean {
  return [...chain(error)].some((item) => item.code === "23505");
}
