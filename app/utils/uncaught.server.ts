// What the server does with an exception nothing caught (installed by app/server.ts).
//
// Two known postgres.js 3.4.x faults, both met when the database restarts under load, are survived
// (app/lib/database-errors.ts); the requests they touched have already failed and answered 503:
// - a TypeError thrown from a timer when a connection closed under a transaction is written to.
//   The process is fine, but that connection never connects again, so the pool is replaced
//   (app/utils/db.server.ts);
// - the unhandled rejection of the array-types query a new connection runs first, when the
//   connection fails at that moment. The connection reconnects by itself; nothing to repair.
//
// Anything else leaves the process in a state nobody can vouch for: it is logged and the process
// exits with code 1 at once, for the supervisor (systemd, a container runtime) to start it again.
// Unhandled promise rejections arrive here too (Node's default "throw" mode) and exit the same way.
import { isPostgresArrayTypesFailure, isPostgresClosedSocketWrite } from "../lib/database-errors";
import { reportDatabaseDriverFault } from "./database-faults.server";

export type UncaughtDecision = "replace-pool" | "survive" | "exit";

/** The decision alone, for tests: only the two known postgres.js faults, each by its own route. */
export function uncaughtDecision(error: unknown, origin: NodeJS.UncaughtExceptionOrigin): UncaughtDecision {
  if (origin === "uncaughtException" && isPostgresClosedSocketWrite(error)) return "replace-pool";
  if (origin === "unhandledRejection" && isPostgresArrayTypesFailure(error)) return "survive";
  return "exit";
}

export function installUncaughtExceptionPolicy(exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on("uncaughtException", (error, origin) => {
    const decision = uncaughtDecision(error, origin);
    if (decision === "replace-pool") {
      console.error(
        "Nonpaper: postgres.js wrote to a connection the database had closed (porsager/postgres#1154); " +
          "the process goes on and the connection pool is replaced.",
      );
      reportDatabaseDriverFault(error);
      return;
    }
    if (decision === "survive") {
      const code = (error as { code?: unknown }).code;
      console.error(
        `Nonpaper: a new database connection failed while postgres.js read the array types (${String(code)}; ` +
          "porsager/postgres#1192); the process goes on.",
      );
      return;
    }
    console.error(
      `Nonpaper: ${origin === "unhandledRejection" ? "unhandled rejection" : "uncaught exception"}; exiting with code 1 for the supervisor to restart the server.`,
    );
    console.error(error);
    // postgres.js keeps the failed statement off the printed error; it tells where to look.
    const query = (error as { query?: unknown } | null)?.query;
    if (typeof query === "string") console.error(`  query: ${query.slice(0, 500)}`);
    exit(1);
  });
}
