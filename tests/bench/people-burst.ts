// The deadline minute: every delegate at once opens the editor, autosaves the whole draft, opens
// the review page, submits and fetches the receipt, over HTTP (on one server, or alternately on
// two against one PostgreSQL). Afterwards the database is asked what was kept (storedAfterBurst):
// every acknowledged submission stored, none twice, receipt numbers without gaps.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { parseReceiptNumber } from "~/lib/receipts";
import type { Database } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../db/seed";
import { burstFields } from "./people-comments";
import type { Delegate, Item } from "./people-data";
import { Client, multipart, pageProblem, signIn, type Answer } from "./people-http";

const STEPS = ["editor", "autosave", "review", "submit", "receipt"] as const;
type Step = (typeof STEPS)[number];

export type BurstFigure = {
  servers: number;
  delegates: number;
  wallMs: number;
  steps: Record<Step, { p50: number; p99: number }>;
  errors: string[];
  acknowledged: number;
  /** CPU seconds during the burst: the servers' processes, PostgreSQL's, the benchmark's own. */
  cpu?: { servers: number; database: number; client: number };
};

/** Signs every delegate in (a few at a time: argon2 is meant to be slow), on the given servers in turn. */
export async function signInDelegates(bases: string[], delegates: Delegate[]): Promise<Client[]> {
  const clients = delegates.map((_, i) => new Client(bases[i % bases.length]!));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < delegates.length) {
        const i = next++;
        await signIn(clients[i]!, delegates[i]!.email, DEMO_PASSWORD);
      }
    }),
  );
  return clients;
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="${name}"`).exec(html);

async function flow(
  client: Client,
  delegate: Delegate,
  consultationId: string,
  fields: [string, string][],
  record: (step: Step, answer: Answer, problem?: string) => boolean,
) {
  const c = `/consultations/${consultationId}/submission`;
  if (!record("editor", await client.get(c))) return null;
  const saved = await client.post(`${c}/draft`, multipart([["intent", "save-draft"], ["draftVersion", "0"], ["userId", delegate.id], ...fields]), {
    accept: "application/json",
  });
  if (!record("autosave", saved)) return null;
  const review = await client.get(`${c}/review`);
  if (!record("review", review)) return null;
  const html = review.body.toString("utf8");
  const key = hidden(html, "idempotencyKey");
  const version = hidden(html, "draftVersion");
  const submit = await client.post(
    `${c}/review`,
    new URLSearchParams({ intent: "submit", idempotencyKey: key?.[1] ?? key?.[2] ?? "", draftVersion: version?.[1] ?? version?.[2] ?? "" }),
  );
  const location = String(submit.headers.location ?? "");
  if (!record("submit", submit, /\/receipts\/\d+$/.test(location) ? undefined : `redirected to ${location || "nowhere"}, not to a receipt`)) return null;
  if (!record("receipt", await client.get(location.startsWith("http") ? new URL(location).pathname : location))) return null;
  return location;
}

export async function runBurst(clients: Client[], delegates: Delegate[], consultationId: string, items: Item[], seed: number): Promise<BurstFigure> {
  // The texts are ready before the clock starts, as they are in the delegates' browsers.
  const contents = delegates.map((d, i) => burstFields(seed, i, d.language, items));
  const times = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const errors: string[] = [];
  const record = (delegate: Delegate) => (step: Step, answer: Answer, refused?: string) => {
    times[step].push(answer.totalMs);
    const expected = step === "submit" ? 302 : 200;
    const problem =
      (step === "autosave"
        ? answer.status === 200
          ? null
          : `HTTP ${answer.status} ${answer.body.toString("utf8").slice(0, 200)}`
        : pageProblem(answer, expected)) ?? refused;
    if (problem) errors.push(`${delegate.code} ${step}: ${problem}`);
    return !problem;
  };
  const start = performance.now();
  const outcomes = await Promise.all(
    delegates.map((d, i) =>
      flow(clients[i]!, d, consultationId, contents[i]!, record(d)).catch((error: unknown) => (errors.push(`${d.code}: ${String(error)}`), null)),
    ),
  );
  const wallMs = performance.now() - start;
  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
  return {
    servers: new Set(clients.map((c) => c.base)).size,
    delegates: delegates.length,
    wallMs,
    steps: Object.fromEntries(STEPS.map((s) => [s, { p50: percentile(times[s], 50), p99: percentile(times[s], 99) }])) as BurstFigure["steps"],
    errors,
    acknowledged: outcomes.filter(Boolean).length,
  };
}

/**
 * What the database kept of a burst (asked once the servers are stopped: PGlite is
 * single-process): revisions stored, delegations with more than one, gaps in the receipt numbers.
 */
export async function storedAfterBurst(db: Database, consultationId: string) {
  const rows = (await db.execute(sql`
    select s.delegation_id, r.receipt_number from submission_revisions r join submissions s on s.id = r.submission_id
    where s.consultation_id = ${consultationId}`)) as unknown;
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { delegation_id: string; receipt_number: string }[];
  const perDelegation = new Map<string, number>();
  for (const r of list) perDelegation.set(r.delegation_id, (perDelegation.get(r.delegation_id) ?? 0) + 1);
  const sequences = list.map((r) => parseReceiptNumber(r.receipt_number)?.sequence ?? 0).sort((a, b) => a - b);
  return {
    stored: list.length,
    duplicates: [...perDelegation.values()].filter((n) => n > 1).length,
    receiptGaps: sequences.filter((n, i) => n !== i + 1).length,
  };
}
