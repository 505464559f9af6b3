// Faults, on purpose (issue 17): against a PostgreSQL cluster this test starts for itself (initdb
// as the postgres user, its own port; never the shared server) and the production server in
// front of it (`node build/server.js`), with its mail server (SMTP_URL) down throughout.
// - (a) The app server killed with SIGKILL while delegates submit at once; started again: every
//   acknowledged submission is stored exactly once, the same form sent again (same idempotency
//   key) gives the original receipt, receipt numbers run 1..n without a gap.
// - (c) The database restarted, fast and immediate, under such a burst: the server stays up,
//   answers 503 meanwhile, and the retried submits end stored exactly once.
// - (b) SIGKILL in the middle of an email import's save and of a CRP compilation (draft, then
//   final): the test holds audit_log in SHARE mode, so the app's transaction stops at its audit
//   entry, having written the revision and its comments (or the CRP version and the status
//   change); the server is killed there. After: nothing of it, no orphan; the same form again
//   saves it once, wholly.
// - (d) The outbox with the mail server down: every receipt kept, each attempt counted with a
//   growing wait, nothing retried early; delivered once, exactly, when the server is back.
// Each prints its figures (acknowledged, stored, duplicated, lost) and asserts lost = duplicated = 0.
// The embedded database on a full disk is faults-disk.test.ts.
//
// Here in tests/unit, so that CI runs it once. Skipped, with a message, only where no PostgreSQL
// server binaries (initdb, pg_ctl) are installed.
import { eq } from "drizzle-orm";
import postgres, { type Sql } from "postgres";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { closeReflectionPeriod } from "~/models/closing.server";
import { backoffDelayMs, dispatchPendingNotifications, MAX_ATTEMPTS } from "~/models/outbox.server";
import { getUserById } from "~/models/user.server";
import { closeDb, getDb, schema } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../db/seed";
import { signInDelegates } from "../bench/people-burst";
import { fillDatabase, OFFICER_EMAIL, type Filled } from "../bench/people-data";
import { Client, multipart, signIn } from "../bench/people-http";
import { formFields } from "./support/html-form";
import { appServer, buildProduction, freePorts, PG_BIN, sleep, startCluster, type AppServer, type Cluster, type ShutdownMode } from "./support/own-cluster";
import { newRuns, storedRevisions, submitFlow, tally } from "./support/submission-burst";

if (!PG_BIN) console.warn("faults.test.ts: skipped, no PostgreSQL server binaries (initdb, pg_ctl) found");

const DELEGATIONS = 30;
const SEED = 17;

const report = (line: string) => console.info(`faults: ${line}`);
const zeroes = (counts: Record<string, number>) => Object.fromEntries(Object.keys(counts).map((name) => [name, 0]));

describe.skipIf(!PG_BIN)("faults: SIGKILL, database restarts and the mail server down, on a cluster of the test's own", () => {
  let cluster: Cluster | null = null;
  let server: AppServer | null = null;
  /** The test's own connections: watching the app's transactions, holding locks, counting rows. */
  let watch: Sql | null = null;
  let filled: Filled;
  let clients: Client[] = [];
  let smtpPort = 0;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR, SEED_DEMO: process.env.SEED_DEMO };

  beforeAll(async () => {
    await buildProduction();
    const [pgPort = 0, httpPort = 0, mailPort = 0] = await freePorts(3);
    smtpPort = mailPort;
    cluster = await startCluster("faults", pgPort);
    // Nothing listens on the mail port until part (d): the mail server is down.
    server = appServer({ port: httpPort, databaseUrl: cluster.url, env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
    await server.start();
    // This process fills the database through the app's own models (the benchmark's consultation).
    process.env.DATABASE_URL = cluster.url;
    process.env.SEED_DEMO = "1";
    delete process.env.PGLITE_DATA_DIR;
    delete process.env.SMTP_URL;
    resetEnvForTests();
    filled = await fillDatabase(await getDb(), { delegations: DELEGATIONS, points: 6, seed: SEED }, 3);
    watch = postgres(cluster.url, { max: 4, onnotice: () => {} });
    clients = await signInDelegates([server.base], filled.delegates);
  }, 240_000);

  afterAll(async () => {
    await closeDb().catch(() => {});
    await watch?.end({ timeout: 1 }).catch(() => {});
    await server?.stop();
    await cluster?.dispose();
    Object.assign(process.env, saved);
    for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
    resetEnvForTests();
  }, 30_000);

  const showLog = () => onTestFailed(() => console.error(`server log:\n${server?.log().slice(-6000)}`));

  /** Write transactions open in the database now (a transaction id assigned), other than the test's. */
  async function openWriteTransactions(): Promise<number> {
    const [row] = await watch!<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where backend_xid is not null and pid <> pg_backend_pid()`;
    return row!.n;
  }

  /**
   * Rows that only a half-done write would leave: each should be 0. (The benchmark's consultation
   * was filled in bulk, without receipt emails: those are looked for in the tests' consultations.)
   */
  async function orphans() {
    const [row] = await watch!<Record<string, number>[]>`
      select
        (select count(*)::int from submission_revisions r where not exists (select 1 from comments c where c.revision_id = r.id)) as "revisions without comments",
        (select count(*)::int from submission_revisions r where not exists (
          select 1 from audit_log a where a.entity_id = r.id::text and a.action in ('submission.submit', 'submission.import'))) as "revisions without audit entry",
        (select count(*)::int from audit_log a where a.action in ('submission.submit', 'submission.import')
          and not exists (select 1 from submission_revisions r where r.id::text = a.entity_id)) as "audit entries without revision",
        (select count(*)::int from submission_revisions r join submissions s on s.id = r.submission_id
          where s.consultation_id::text in ${watch!(filled.burstConsultationIds)} and not exists (
          select 1 from notification_outbox o where o.dedupe_key like 'receipt:' || r.id::text || ':%')) as "revisions without receipt email",
        (select count(*)::int from submissions s where s.status = 'submitted' and not exists (
          select 1 from submission_revisions r where r.submission_id = s.id)) as "submitted without revision",
        (select count(*)::int from receipt_counters k where k.last_number <> (
          select count(*) from submission_revisions r join submissions s on s.id = r.submission_id where s.consultation_id = k.consultation_id)) as "receipt counters off",
        (select count(*)::int from generated_documents g where not exists (
          select 1 from audit_log a where a.entity_id = g.id::text and a.action = 'crp.compile')) as "CRP versions without audit entry",
        (select count(*)::int from audit_log a where a.action = 'crp.compile'
          and not exists (select 1 from generated_documents g where g.id::text = a.entity_id)) as "audit entries without CRP version",
        (select count(*)::int from consultations c where (c.status = 'compiled') <> exists (
          select 1 from generated_documents g where g.consultation_id = c.id and g.status = 'final')) as "compiled without final CRP"`;
    return row!;
  }

  /**
   * Sends a request that the app serves in one transaction and kills the server while that
   * transaction waits at its audit entry (this process holds audit_log in SHARE mode, which
   * every INSERT waits for): by then it has written everything else. Returns the tables the
   * transaction had written to when it was killed.
   */
  async function killAtAuditEntry(request: () => Promise<unknown>): Promise<string[]> {
    const holder = await watch!.reserve();
    let written: string[] = [];
    try {
      await holder`begin`;
      await holder`lock table audit_log in share mode`;
      let settled: unknown = undefined;
      const sent = request().then(
        (answer) => (settled = answer),
        (error: unknown) => (settled = error),
      );
      let blocked: number | null = null;
      while (blocked === null && settled === undefined) {
        const [row] = await watch!<{ pid: number }[]>`
          select pid from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into "audit_log"%' and pid <> pg_backend_pid()`;
        if (row) blocked = row.pid;
        else await sleep(5);
      }
      if (blocked === null) {
        const answer = settled as { status?: number; body?: Buffer };
        const text = (answer.body?.toString("utf8") ?? "")
          .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<head>[\s\S]*?<\/head>/g, "")
          .replace(/<[^>]+>/g, " ");
        throw new Error(`the request ended before its audit entry: ${answer.status ?? String(settled)} ${text.replace(/\s+/g, " ").slice(0, 1500)}`);
      }
      // The tables it has written to (granted row-exclusive locks; the audit log's is the one it waits for).
      written = (
        await watch!<{ name: string }[]>`
          select distinct c.relname as name from pg_locks l join pg_class c on c.oid = l.relation
          where l.pid = ${blocked} and l.mode = 'RowExclusiveLock' and l.granted and c.relkind = 'r' order by 1`
      ).map((r) => r.name);
      await server!.kill();
      await sent;
      await holder`rollback`;
      // The orphaned backend finishes its statement, finds its client gone and rolls back.
      for (let waited = 0; waited < 10_000; waited += 20) {
        const [row] = await watch!<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where pid = ${blocked}`;
        if (!row!.n) break;
        await sleep(20);
      }
    } finally {
      await holder`rollback`.catch(() => {});
      holder.release();
    }
    return written;
  }

  it("(a) SIGKILL in a submission burst: every acknowledged submission stored once, the same keys give the original receipts, no gap", async () => {
    showLog();
    const consultationId = filled.burstConsultationIds[0]!;
    const runs = newRuns(clients, filled.delegates, filled.burstItems[0]!, SEED);
    const threshold = Math.ceil(runs.length * 0.35);
    const flows = Promise.all(runs.map((run) => submitFlow(run, consultationId, { retryUntil: 0 }).catch((error: unknown) => run.errors.push(String(error)))));
    let done = false;
    void flows.finally(() => (done = true));
    while (!done && runs.filter((r) => r.acknowledged).length < threshold) await sleep(2);
    const openAtKill = await openWriteTransactions();
    const started = Date.now();
    await server!.kill();
    const killMs = Date.now() - started;
    await flows;
    expect(runs.flatMap((r) => r.errors)).toEqual([]);
    const acknowledgedBefore = runs.filter((r) => r.acknowledged).length;
    const inFlight = runs.filter((r) => r.posts > 0 && !r.acknowledged).length;
    expect(acknowledgedBefore, "the kill came in the middle of the burst").toBeLessThan(runs.length);

    const before = tally(runs, await storedRevisions(watch!, consultationId));
    await server!.start();
    const restartedAt = Date.now();
    const originals = new Map(runs.map((r) => [r, r.acknowledged]));
    const storedKeys = new Map((await storedRevisions(watch!, consultationId)).revisions.map((r) => [`${r.delegationId}:${r.key}`, r.revisionNumber]));
    // Every delegate sends the form again (the same key) or, without a review page yet, starts over.
    const receipts = await Promise.all(runs.map((run) => submitFlow(run, consultationId, { retryUntil: Date.now() + 60_000 })));
    const replayed = runs.filter((run, i) => run.key && storedKeys.has(`${run.delegate.delegationId}:${run.key}`) && receipts[i]);
    const sameReceipt = replayed.filter((run) => {
      const i = runs.indexOf(run);
      const original = originals.get(run) ?? `/receipts/${storedKeys.get(`${run.delegate.delegationId}:${run.key}`)}`;
      return receipts[i]!.endsWith(original.slice(original.lastIndexOf("/receipts/")));
    });
    const after = tally(runs, await storedRevisions(watch!, consultationId));
    // The receipt page shows the receipt number that was stored.
    const stored = await storedRevisions(watch!, consultationId);
    const pages = await Promise.all(runs.map((run, i) => run.client.get(receipts[i] ?? "/")));
    const shown = runs.filter((run, i) => {
      const revision = stored.revisions.find((r) => r.delegationId === run.delegate.delegationId);
      return pages[i]!.status === 200 && revision && pages[i]!.body.toString("utf8").includes(revision.receiptNumber);
    }).length;

    report(
      `(a) SIGKILL mid-burst: ${runs.length} delegates; acknowledged before the kill ${acknowledgedBefore}, submits in flight ${inFlight} ` +
        `(${openAtKill} write transactions open; killed in ${killMs} ms); after restart stored ${before.stored} ` +
        `(${before.stored - before.acknowledged} never acknowledged), duplicated ${before.duplicated}, lost ${before.lost}; ` +
        `same form again: ${replayed.length} replays, ${sameReceipt.length} with the original receipt; finally acknowledged ${after.acknowledged}, ` +
        `stored ${after.stored}, duplicated ${after.duplicated}, lost ${after.lost}, receipt gaps ${after.receiptGaps}; ` +
        `back up in ${Date.now() - restartedAt} ms`,
    );
    expect(before.lost).toBe(0);
    expect(before.duplicated).toBe(0);
    expect(before.receiptGaps).toBe(0);
    expect(before.counterMatches).toBe(true);
    expect(sameReceipt.length).toBe(replayed.length);
    expect(replayed.length).toBeGreaterThanOrEqual(acknowledgedBefore);
    expect(runs.flatMap((r) => r.errors)).toEqual([]);
    expect(after).toMatchObject({ acknowledged: runs.length, stored: runs.length, duplicated: 0, lost: 0, receiptGaps: 0, counterMatches: true });
    expect(shown).toBe(runs.length);
    const left = await orphans();
    expect(left).toEqual(zeroes(left));
  }, 120_000);

  it("(c) the database restarted fast and immediate under a burst: the server stays up, the retried submits are stored once", async () => {
    showLog();
    const consultationId = filled.burstConsultationIds[1]!;
    const runs = newRuns(clients, filled.delegates, filled.burstItems[1]!, SEED + 1);
    // As a browser's user would: a 503 (the "try again" page) or no answer, and the same form again.
    const flows = Promise.all(
      runs.map((run) => submitFlow(run, consultationId, { retryUntil: Date.now() + 90_000 }).catch((error: unknown) => run.errors.push(String(error)))),
    );
    let done = false;
    void flows.finally(() => (done = true));
    // From the first receipt on: submits are going through the receipt counter one after another.
    while (!done && !runs.some((r) => r.acknowledged)) await sleep(2);
    const modes: ShutdownMode[] = ["fast", "immediate", "fast", "immediate"];
    const restarts: string[] = [];
    for (const mode of modes) {
      if (done) break;
      const acknowledged = runs.filter((r) => r.acknowledged).length;
      await cluster!.restart(mode);
      restarts.push(`${mode} at ${acknowledged} acknowledged`);
      await sleep(300);
    }
    await flows;
    const stepFaults = runs.reduce((n, r) => n + r.faults, 0);
    const unavailable = runs.reduce((n, r) => n + r.unavailable, 0);
    const unanswered = runs.reduce((n, r) => n + r.unanswered, 0);
    const retried = runs.filter((r) => r.posts > 1).length;
    const result = tally(runs, await storedRevisions(watch!, consultationId));
    const next = [await server!.health(), (await clients[0]!.get("/")).status, (await clients[1]!.get(`/consultations/${consultationId}/submission`)).status];
    report(
      `(c) database restarts under a burst (${restarts.join(", ")}): ${runs.length} delegates; ${stepFaults} requests met a fault and were sent again (submits: 503 ${unavailable}, without answer ${unanswered}); ` +
        `${retried} delegates sent the form again; acknowledged ${result.acknowledged}, stored ${result.stored}, duplicated ${result.duplicated}, lost ${result.lost}, ` +
        `receipt gaps ${result.receiptGaps}; server ${server!.exit() ? "EXITED" : "up"}; next requests ${next.join(", ")}`,
    );
    expect(restarts.length, "the restarts met the burst").toBeGreaterThanOrEqual(2);
    expect(server!.exit()).toBeNull();
    expect(unavailable, "the restarts met submits in flight").toBeGreaterThan(0);
    expect(unanswered, "the server answered every submit").toBe(0);
    expect(runs.flatMap((r) => r.errors)).toEqual([]);
    expect(result).toMatchObject({ acknowledged: runs.length, stored: runs.length, duplicated: 0, lost: 0, receiptGaps: 0, counterMatches: true });
    expect(next).toEqual([200, 200, 200]);
  }, 150_000);

  it("(b) SIGKILL in an email import's save and in a CRP compilation (draft, final): wholly there or wholly absent", async () => {
    showLog();
    const consultationId = filled.burstConsultationIds[2]!;
    const officer = new Client(server!.base);
    await signIn(officer, OFFICER_EMAIL, DEMO_PASSWORD, DEMO_TOTP_SECRET);

    // The import: a registered delegation's note, pasted, in a consultation nobody has written to yet.
    const free = { id: filled.delegates[0]!.delegationId };
    const importPath = `/consultations/${consultationId}/submissions/import`;
    const page = await officer.get(importPath);
    expect(page.status).toBe(200);
    const points = filled.burstItems[2]!.flatMap((item) => item.points);
    const pasted = points
      .slice(0, 4)
      .map((p) => `${p.label} ${p.text.slice(0, 80)}\n\nThe delegation supports this paragraph and asks that its implementation be reported on.`)
      .join("\n\n");
    const uploadFields = formFields(page.body.toString("utf8"), 'value="preview"').filter(([name]) => !["delegationId", "language", "pasted"].includes(name));
    const preview = await officer.post(importPath, multipart([...uploadFields, ["delegationId", free!.id], ["language", "en"], ["pasted", pasted]]));
    expect(preview.status, preview.body.toString("utf8").slice(0, 300)).toBe(200);
    const saveForm = new URLSearchParams(formFields(preview.body.toString("utf8"), 'name="attachmentId"'));
    const key = saveForm.get("idempotencyKey")!;
    const importRows = async () => {
      const [row] = await watch!<{ revisions: number; comments: number; submissions: number; audit: number; mails: number }[]>`
        select
          (select count(*)::int from submission_revisions r join submissions s on s.id = r.submission_id
            where s.consultation_id = ${consultationId} and s.delegation_id = ${free!.id} and r.idempotency_key = ${key}) as revisions,
          (select count(*)::int from comments c join submission_revisions r on r.id = c.revision_id join submissions s on s.id = r.submission_id
            where s.consultation_id = ${consultationId} and s.delegation_id = ${free!.id}) as comments,
          (select count(*)::int from submissions s where s.consultation_id = ${consultationId} and s.delegation_id = ${free!.id}) as submissions,
          (select count(*)::int from audit_log a where a.action = 'submission.import' and a.consultation_id = ${consultationId}) as audit,
          (select count(*)::int from notification_outbox o join users u on u.email = o.recipient_email
            where o.kind = 'submission.receipt' and o.consultation_id = ${consultationId} and u.delegation_id = ${free!.id}) as mails`;
      return row!;
    };
    const counterOf = async () =>
      (await watch!<{ n: number }[]>`select last_number as n from receipt_counters where consultation_id = ${consultationId}`)[0]?.n ?? 0;
    const counterBefore = await counterOf();

    const importWritten = await killAtAuditEntry(() => officer.post(importPath, saveForm));
    const importAfterKill = await importRows();
    const counterAfterKill = await counterOf();
    await server!.start();
    const saved = await officer.post(importPath, saveForm);
    const importSaved = await importRows();
    const again = await officer.post(importPath, saveForm);
    const importAgain = await importRows();
    report(
      `(b) SIGKILL in an import's save (its transaction had written ${importWritten.join(", ")}): after restart ${JSON.stringify(importAfterKill)}, ` +
        `receipt counter ${counterBefore} → ${counterAfterKill}; the same form again: HTTP ${saved.status} ${JSON.stringify(importSaved)}; once more: HTTP ${again.status}, ` +
        `${importAgain.revisions} revision`,
    );
    expect(importWritten).toEqual(expect.arrayContaining(["submission_revisions", "comments"]));
    expect(importAfterKill).toEqual({ revisions: 0, comments: 0, submissions: 0, audit: 0, mails: 0 });
    expect(counterAfterKill).toBe(counterBefore);
    expect(saved.status).toBe(302);
    expect(importSaved.revisions).toBe(1);
    expect(importSaved.comments).toBeGreaterThan(0);
    expect(importSaved.audit).toBe(1);
    expect(importSaved.mails).toBeGreaterThan(0);
    expect(again.status).toBe(302);
    expect(again.headers.location).toBe(saved.headers.location);
    expect(importAgain).toEqual(importSaved);

    // The CRP: a draft, then (the reflection period closed) the final one, each killed once at its audit entry.
    const crpPath = `/consultations/${consultationId}/crp`;
    const crpRows = async () => {
      const [row] = await watch!<{ versions: number; finals: number; audit: number; status: string }[]>`
        select
          (select count(*)::int from generated_documents where consultation_id = ${consultationId} and kind = 'crp') as versions,
          (select count(*)::int from generated_documents where consultation_id = ${consultationId} and kind = 'crp' and status = 'final') as finals,
          (select count(*)::int from audit_log where action = 'crp.compile' and consultation_id = ${consultationId}) as audit,
          (select status::text from consultations where id = ${consultationId}) as status`;
      return row!;
    };
    const compileForm = async (intent: "draft" | "final") => {
      const crp = await officer.get(crpPath);
      expect(crp.status).toBe(200);
      const fields = formFields(crp.body.toString("utf8"), `name="intent" value="${intent}"`);
      return new URLSearchParams(intent === "final" ? [...fields, ["confirm", "on"]] : fields);
    };
    const figures: string[] = [];
    for (const intent of ["draft", "final"] as const) {
      if (intent === "final") {
        // The facts a final CRP prints (as tests/db/crp-setup.ts gives them), then the period closed.
        await (
          await getDb()
        )
          .update(schema.consultations)
          .set({
            crpSymbol: "CTOC/COP/2026/CRP.9",
            parentSession: "Thirteenth session",
            parentSessionVenue: "Vienna",
            parentSessionStartDate: "2026-10-12",
            parentSessionEndDate: "2026-10-16",
            parentAgendaItemNumber: "4",
            parentAgendaItemTitle: "Technical assistance",
            provisionalAgendaSymbol: "CTOC/COP/2026/1",
            reflectionApprovedOn: "2025-06-20",
            reflectionApprovalMethod: "silence procedure",
          })
          .where(eq(schema.consultations.id, consultationId));
        const closed = await closeReflectionPeriod((await getUserById(filled.officerId))!, { consultationId, reason: "Closed early for the fault test." });
        expect(closed.ok, JSON.stringify(closed)).toBe(true);
      }
      const form = await compileForm(intent);
      const before = await crpRows();
      const written = await killAtAuditEntry(() => officer.post(crpPath, form));
      const afterKill = await crpRows();
      await server!.start();
      const compiled = await officer.post(crpPath, form);
      const afterRetry = await crpRows();
      const twice = await officer.post(crpPath, form);
      const afterTwice = await crpRows();
      figures.push(
        `${intent}: killed with ${written.join(", ")} written; after restart ${JSON.stringify(afterKill)} (before ${JSON.stringify(before)}); ` +
          `the same form again HTTP ${compiled.status} ${JSON.stringify(afterRetry)}; once more HTTP ${twice.status}`,
      );
      expect(written).toContain("generated_documents");
      expect(afterKill).toEqual(before);
      expect(compiled.status, compiled.body.toString("utf8").slice(0, 300)).toBe(302);
      expect(afterRetry).toEqual({
        versions: before.versions + 1,
        finals: intent === "final" ? 1 : 0,
        audit: before.audit + 1,
        status: intent === "final" ? "compiled" : before.status,
      });
      // The same form again names the version it saw: refused as stale (or compiled), never a second version.
      expect(twice.status).not.toBe(302);
      expect(afterTwice).toEqual(afterRetry);
    }
    report(`(b) SIGKILL in a CRP compilation: ${figures.join("; ")}`);
    const left = await orphans();
    report(`(b) orphans after all kills: ${JSON.stringify(left)}`);
    expect(left).toEqual(zeroes(left));
  }, 150_000);

  it("(d) the mail server down: the outbox keeps every receipt and retries with a growing wait; delivered once when it is back", async () => {
    showLog();
    // The app server stops; this process's dispatcher plays its part, with a clock of its own.
    await server!.stop();
    const outbox = async () =>
      watch!<{ id: string; status: string; attempts: number; lastError: string | null; next: Date | null; dedupe: string | null }[]>`
        select id, status::text as status, attempts, last_error as "lastError", next_attempt_at as next, dedupe_key as dedupe from notification_outbox`;
    const [expected] = await watch!<{ n: number }[]>`
      select count(*)::int as n from submission_revisions r join submissions s on s.id = r.submission_id
      join users u on u.delegation_id = s.delegation_id and u.role = 'delegate' and u.disabled_at is null
      where s.consultation_id::text in ${watch!(filled.burstConsultationIds)}`;
    const start = await outbox();
    const receipts = start.filter((m) => m.dedupe?.startsWith("receipt:"));
    const triedByServer = start.filter((m) => m.attempts > 0);
    expect(receipts.length, "one receipt per revision and delegate of the mission").toBe(expected!.n);
    expect(start.every((m) => m.status === "pending")).toBe(true);
    expect(triedByServer.length, "the server tried (at its restarts) and kept them").toBeGreaterThan(0);
    expect(triedByServer.every((m) => /ECONNREFUSED/.test(m.lastError ?? ""))).toBe(true);

    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    resetEnvForTests();
    // An hour on: whatever the server's attempts, every message is due again.
    const t0 = new Date(Date.now() + 3_600_000);
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const limit = 100_000;
    const attemptsBefore = new Map(start.map((m) => [m.id, m.attempts]));
    const retry = await dispatchPendingNotifications({ limit, now: t0 });
    const afterRetry = await outbox();
    // Each failure counted, the error kept, the next attempt after backoffDelayMs(attempts): 1, 4, 16… min.
    const wrongWait = afterRetry.filter(
      (m) =>
        m.attempts !== attemptsBefore.get(m.id)! + 1 ||
        m.next?.getTime() !== t0.getTime() + backoffDelayMs(m.attempts) ||
        !/ECONNREFUSED/.test(m.lastError ?? ""),
    );
    const byAttempts = afterRetry.reduce<Record<string, number>>((acc, m) => ((acc[`${m.attempts}`] = (acc[`${m.attempts}`] ?? 0) + 1), acc), {});
    const early = await dispatchPendingNotifications({ limit, now: at(59_000) });

    // The mail server is back.
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        stream.on("data", () => {});
        stream.on("end", () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
    try {
      const delivered = await dispatchPendingNotifications({ limit, now: at(backoffDelayMs(MAX_ATTEMPTS)) });
      const afterDelivery = await outbox();
      const nothingLeft = await dispatchPendingNotifications({ limit, now: at(2 * backoffDelayMs(MAX_ATTEMPTS)) });
      report(
        `(d) SMTP down: ${start.length} messages kept (${receipts.length} receipts, one per revision and delegate), ${triedByServer.length} already tried by the server ` +
          `(ECONNREFUSED); tried again: ${JSON.stringify(retry)}, attempts so far ${JSON.stringify(byAttempts)}, each next after 1/4/16… min (${wrongWait.length} not); ` +
          `59 s later: ${JSON.stringify(early)}; SMTP back: ${JSON.stringify(delivered)}, ${received.length} received (${new Set(received).size} recipients); ` +
          `then ${JSON.stringify(nothingLeft)}`,
      );
      expect(retry).toMatchObject({ configured: true, claimed: start.length, sent: 0, retrying: start.length, failed: 0 });
      expect(wrongWait).toEqual([]);
      expect(early).toMatchObject({ claimed: 0 });
      expect(delivered).toMatchObject({ claimed: start.length, sent: start.length, failed: 0 });
      expect(received).toHaveLength(start.length);
      expect(afterDelivery.every((m) => m.status === "sent")).toBe(true);
      expect(nothingLeft).toMatchObject({ claimed: 0 });
    } finally {
      delete process.env.SMTP_URL;
      resetEnvForTests();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  }, 60_000);
});
