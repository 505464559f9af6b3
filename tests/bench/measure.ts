// What the benchmark scripts share: timing a model call and counting its SQL statements.
import { performance } from "node:perf_hooks";
import { getDb } from "~/utils/db.server";

/**
 * Runs `work` while counting the SQL statements it prepares. Patched on the session's class, so
 * statements inside transactions (which get a session of their own) count too.
 */
export async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; queries: number; result: T }> {
  const db = await getDb();
  type Session = { prepareQuery: (...args: unknown[]) => unknown };
  const prototype = Object.getPrototypeOf((db as unknown as { session: Session }).session) as Session;
  const original = prototype.prepareQuery;
  let queries = 0;
  prototype.prepareQuery = function (this: unknown, ...args: unknown[]) {
    queries += 1;
    return original.apply(this, args);
  };
  try {
    const start = performance.now();
    const result = await work();
    return { ms: performance.now() - start, queries, result };
  } finally {
    prototype.prepareQuery = original;
  }
}

/** Prints the median time of `runs` runs of `work` and its number of SQL statements. */
export async function median(label: string, work: () => Promise<unknown>, runs = 5, width = 46) {
  const times: number[] = [];
  let queries = 0;
  for (let i = 0; i < runs; i++) {
    const m = await measure(work);
    times.push(m.ms);
    queries = m.queries;
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(width)} ${times[Math.floor(runs / 2)]!.toFixed(1).padStart(8)} ms  ${String(queries).padStart(3)} queries`);
}
