// Delegates submitting at once over HTTP, as browsers do (the benchmark's client and texts:
// tests/bench/people-*.ts), for the fault tests: each opens the editor, autosaves the whole draft,
// opens the review page (which makes the idempotency key) and submits. Each delegate's key and
// reviewed draft version are kept, so that a submit that got no answer can be sent again exactly
// as the browser would send the same form again; and the database is asked afterwards what it
// kept, to count what was acknowledged, stored, duplicated or lost.
import type { Sql } from "postgres";
import { parseReceiptNumber } from "~/lib/receipts";
import { burstFields } from "../../bench/people-comments";
import type { Delegate, Item } from "../../bench/people-data";
import { Client, multipart, type Answer } from "../../bench/people-http";
import { sleep } from "./own-cluster";

/** The value of a hidden input in a page (either attribute order). */
export function hiddenValue(html: string, name: string): string | null {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="${name}"`).exec(html);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

export type Run = {
  delegate: Delegate;
  client: Client;
  fields: [string, string][];
  /** The review page's idempotency key and draft version: what the submit form carries. */
  key: string | null;
  draftVersion: string | null;
  /** Where the first successful answer to a submit redirected (the receipt), once acknowledged. */
  acknowledged: string | null;
  /** Submit posts sent; of them, those without an answer (connection refused or reset) and 503s. */
  posts: number;
  unanswered: number;
  unavailable: number;
  /** Requests of any step that met a fault (no answer, or 503). */
  faults: number;
  /** Anything else than an answer or a passing fault. */
  errors: string[];
};

export function newRuns(clients: Client[], delegates: Delegate[], items: Item[], seed: number): Run[] {
  return delegates.map((delegate, i) => ({
    delegate,
    client: clients[i]!,
    fields: burstFields(seed, i, delegate.language, items),
    key: null,
    draftVersion: null,
    acknowledged: null,
    posts: 0,
    unanswered: 0,
    unavailable: 0,
    faults: 0,
    errors: [],
  }));
}

type Attempt = { answer: Answer | null; fault: string | null };

async function attempt(request: () => Promise<Answer>): Promise<Attempt> {
  try {
    const answer = await request();
    return { answer, fault: answer.status === 503 ? "503" : null };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { answer: null, fault: code ?? String(error) };
  }
}

export type FlowOptions = {
  /** Until when a step that met a fault (no answer, or 503) is tried again; 0: never. */
  retryUntil: number;
};

/**
 * Takes one delegate as far as a receipt: the draft and the review page unless the key is known
 * already, then the submit, with that key. Returns the receipt's path, or null (the reason in
 * run.errors, unless it was a fault and retrying was not allowed).
 */
export async function submitFlow(run: Run, consultationId: string, options: FlowOptions): Promise<string | null> {
  const c = `/consultations/${consultationId}/submission`;
  const again = async (fault: string | null) => {
    if (!fault) return false;
    run.faults += 1;
    if (Date.now() > options.retryUntil) return false;
    await sleep(150 + Math.random() * 200);
    return true;
  };
  while (!run.key) {
    const editor = await attempt(() => run.client.get(c));
    if (editor.fault) {
      if (await again(editor.fault)) continue;
      return null;
    }
    if (editor.answer!.status !== 200) return (run.errors.push(`editor: HTTP ${editor.answer!.status}`), null);
    const version = hiddenValue(editor.answer!.body.toString("utf8"), "draftVersion") ?? "0";
    const saved = await attempt(() =>
      run.client.post(`${c}/draft`, multipart([["intent", "save-draft"], ["draftVersion", version], ["userId", run.delegate.id], ...run.fields]), {
        accept: "application/json",
      }),
    );
    if (saved.fault) {
      if (await again(saved.fault)) continue;
      return null;
    }
    // 409: a save whose answer was lost went through already; the editor shows the newer version.
    if (saved.answer!.status === 409) continue;
    if (saved.answer!.status !== 200) return (run.errors.push(`autosave: HTTP ${saved.answer!.status}`), null);
    const review = await attempt(() => run.client.get(`${c}/review`));
    if (review.fault) {
      if (await again(review.fault)) continue;
      return null;
    }
    if (review.answer!.status !== 200) return (run.errors.push(`review: HTTP ${review.answer!.status}`), null);
    const html = review.answer!.body.toString("utf8");
    run.key = hiddenValue(html, "idempotencyKey");
    run.draftVersion = hiddenValue(html, "draftVersion");
    if (!run.key || !run.draftVersion) return (run.errors.push("review: no idempotency key or draft version in the form"), null);
  }
  for (;;) {
    run.posts += 1;
    const submit = await attempt(() =>
      run.client.post(`${c}/review`, new URLSearchParams({ intent: "submit", idempotencyKey: run.key!, draftVersion: run.draftVersion! })),
    );
    if (submit.fault) {
      if (submit.answer) run.unavailable += 1;
      else run.unanswered += 1;
      if (await again(submit.fault)) continue;
      return null;
    }
    const location = String(submit.answer!.headers.location ?? "");
    const receipt = location.startsWith("http") ? new URL(location).pathname : location;
    if (submit.answer!.status !== 302 || !/\/receipts\/\d+$/.test(receipt)) {
      return (run.errors.push(`submit: HTTP ${submit.answer!.status} to ${receipt || "nowhere"}`), null);
    }
    run.acknowledged ??= receipt;
    return receipt;
  }
}

export type Stored = { delegationId: string; key: string; revisionNumber: number; receiptNumber: string };

/** The revisions of a consultation, and its receipt counter. */
export async function storedRevisions(db: Sql, consultationId: string): Promise<{ revisions: Stored[]; counter: number }> {
  const revisions = await db<Stored[]>`
    select s.delegation_id as "delegationId", r.idempotency_key as key, r.revision_number as "revisionNumber", r.receipt_number as "receiptNumber"
    from submission_revisions r join submissions s on s.id = r.submission_id
    where s.consultation_id = ${consultationId}`;
  const [counter] = await db<{ last: number }[]>`select last_number as last from receipt_counters where consultation_id = ${consultationId}`;
  return { revisions: [...revisions], counter: counter?.last ?? 0 };
}

export type Tally = {
  delegates: number;
  acknowledged: number;
  stored: number;
  /** Delegations with more than one revision, and keys stored more than once. */
  duplicated: number;
  /** Acknowledged, and not stored as acknowledged (no revision with that key and that number). */
  lost: number;
  /** Receipt numbers missing from 1..n, and whether the counter stands at n. */
  receiptGaps: number;
  counterMatches: boolean;
};

export function tally(runs: Run[], stored: { revisions: Stored[]; counter: number }): Tally {
  const perDelegation = new Map<string, number>();
  const perKey = new Map<string, number>();
  for (const r of stored.revisions) {
    perDelegation.set(r.delegationId, (perDelegation.get(r.delegationId) ?? 0) + 1);
    perKey.set(`${r.delegationId}:${r.key}`, (perKey.get(`${r.delegationId}:${r.key}`) ?? 0) + 1);
  }
  const acknowledged = runs.filter((run) => run.acknowledged);
  const lost = acknowledged.filter((run) => {
    const revision = stored.revisions.find((r) => r.delegationId === run.delegate.delegationId && r.key === run.key);
    return !revision || !run.acknowledged!.endsWith(`/receipts/${revision.revisionNumber}`);
  });
  const sequences = stored.revisions.map((r) => parseReceiptNumber(r.receiptNumber)?.sequence ?? 0).sort((a, b) => a - b);
  return {
    delegates: runs.length,
    acknowledged: acknowledged.length,
    stored: stored.revisions.length,
    duplicated: [...perDelegation.values(), ...perKey.values()].filter((n) => n > 1).length,
    lost: lost.length,
    receiptGaps: sequences.filter((n, i) => n !== i + 1).length,
    counterMatches: stored.counter === sequences.length,
  };
}
