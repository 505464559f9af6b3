// Faults, on purpose (issue 17): the embedded database (PGlite, PGLITE_DATA_DIR) on a disk that
// fills up. Its folder is a small tmpfs of its own, filled to the last megabyte; the secretariat
// then records a delegation's emailed submission with its original file (submitOnBehalf: the
// file, the revision, its comments, the receipt number, the audit entry and the receipt email in
// one transaction). It fails with a clear error (SQLSTATE 53100, "No space left on device"), and
// nothing of it is written: not in the running database, nor in its files, opened again once
// there is space. Then the same call (the same idempotency key) records it once, and it is there
// after another reopen.
//
// Mounting needs root (CI runs as root); elsewhere the test is skipped with a message.
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitOnBehalf } from "~/models/submission-submit.server";
import { getUserById } from "~/models/user.server";
import { closeDb, getDb } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { fillDatabase, type Filled } from "../bench/people-data";

const MOUNTABLE = process.platform === "linux" && process.getuid?.() === 0;
if (!MOUNTABLE) console.warn("faults-disk.test.ts: skipped, a small tmpfs for the full disk needs root on Linux");

/** The tmpfs: PGlite's data folder after migrations and the demo takes about 40 MB. */
const DISK_MB = 96;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The codes and messages along an error's causes. */
function describeError(error: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  for (let item = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; item && depth < 8; depth++) {
    if (typeof item.code === "string") codes.push(item.code);
    // drizzle's message repeats the query and its parameters (megabytes here): its first line only.
    if (typeof item.message === "string") messages.push(item.message.split("\n")[0]!.slice(0, 200));
    item = item.cause as typeof item;
  }
  return { codes, messages };
}

describe.skipIf(!MOUNTABLE)("the embedded database on a full disk", () => {
  let mount = "";
  let mounted = false;
  let filled: Filled;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR, SEED_DEMO: process.env.SEED_DEMO };

  beforeAll(async () => {
    mount = mkdtempSync(path.join(os.tmpdir(), "nonpaper-full-disk-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", `size=${DISK_MB}m`, "tmpfs", mount], { stdio: "pipe" });
      mounted = true;
    } catch (error) {
      // Root in a container without the right to mount.
      console.warn(`faults-disk.test.ts: skipped, no tmpfs could be mounted (${String(error).split("\n")[0]})`);
      return;
    }
    mkdirSync(path.join(mount, "data"));
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = path.join(mount, "data");
    process.env.SEED_DEMO = "1";
    resetEnvForTests();
    filled = await fillDatabase(await getDb(), { delegations: 3, points: 6, seed: 5 }, 1);
  }, 120_000);

  afterAll(async () => {
    await closeDb().catch(() => {});
    // Lazily: a PGlite that failed to start may still hold a file open until this process ends.
    if (mounted) execFileSync("umount", ["-l", mount]);
    if (mount) rmSync(mount, { recursive: true, force: true });
    Object.assign(process.env, saved);
    for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
    resetEnvForTests();
  }, 30_000);

  async function rows(consultationId: string) {
    const db = await getDb();
    const result = (await db.execute(sql`
      select
        (select count(*)::int from attachments where consultation_id = ${consultationId}) as attachments,
        (select count(*)::int from submissions where consultation_id = ${consultationId}) as submissions,
        (select count(*)::int from submission_revisions r join submissions s on s.id = r.submission_id where s.consultation_id = ${consultationId}) as revisions,
        (select count(*)::int from comments c join submissions s on s.id = c.submission_id where s.consultation_id = ${consultationId}) as comments,
        (select coalesce(max(last_number), 0)::int from receipt_counters where consultation_id = ${consultationId}) as counter,
        (select count(*)::int from audit_log where consultation_id = ${consultationId} and action = 'submission.import') as audit,
        (select count(*)::int from notification_outbox where consultation_id = ${consultationId} and kind = 'submission.receipt') as mails`)) as unknown as {
      rows: Record<string, number>[];
    };
    return result.rows[0]!;
  }

  it("refuses a write with a clear error and keeps nothing of it; with space again the same call records it once", async (context) => {
    if (!mounted) return context.skip();
    const consultationId = filled.burstConsultationIds[0]!;
    const officer = (await getUserById(filled.officerId))!;
    const item = filled.burstItems[0]![0]!;
    const input = {
      consultationId,
      delegationId: filled.delegates[0]!.delegationId,
      content: {
        language: "en",
        general: [{ agendaItemId: item.id, body: "The delegation thanks the Secretariat and supports the text as a whole." }],
        points: item.points.slice(0, 3).map((p) => ({ pointId: p.id, body: `The delegation supports paragraph ${p.label}.` })),
      },
      idempotencyKey: `import-${randomUUID()}`,
      // An original of 6 MB that does not compress (a scanned note, say).
      attachment: { filename: "note-verbale.docx", mediaType: DOCX, content: new Uint8Array(randomBytes(6 * 1024 * 1024)) },
      ipAddress: "127.0.0.1",
      baseUrl: "http://127.0.0.1",
    };
    const before = await rows(consultationId);

    // The disk full to its last megabyte.
    const filler = path.join(mount, "filler");
    const { bavail, bsize } = statfsSync(mount);
    writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 1024 * 1024)));
    const failure = await submitOnBehalf(officer, input).then(
      (result) => ({ result, error: null }),
      (error: unknown) => ({ result: null, error }),
    );
    const error = describeError(failure.error);
    const inRunningDatabase = await rows(consultationId);
    // Closed, space made again, and opened from its files: what was written is what is there.
    // (With the disk still full it would not start: PostgreSQL writes as it starts.)
    await closeDb();
    rmSync(filler);
    const reopenedAfterFailure = await rows(consultationId);
    const retried = await submitOnBehalf(officer, input);
    const afterRetry = await rows(consultationId);
    await closeDb();
    const reopened = await rows(consultationId);
    const free = statfsSync(mount);
    console.info(
      `faults: (e) PGlite on a full ${DISK_MB} MB disk: the import of a 6 MB original failed with ${JSON.stringify(error)}; ` +
        `rows before ${JSON.stringify(before)}, after the failure ${JSON.stringify(inRunningDatabase)}, reopened ${JSON.stringify(reopenedAfterFailure)}; ` +
        `space again: ${retried.ok ? `recorded, receipt ${retried.receipt.receiptNumber}` : JSON.stringify(retried)}, ${JSON.stringify(afterRetry)}, ` +
        `reopened ${JSON.stringify(reopened)}; ${Math.round((free.bavail * free.bsize) / 1048576)} MB free at the end`,
    );

    expect(failure.result, "the write is refused").toBeNull();
    expect(error.codes).toContain("53100"); // disk_full
    expect(error.messages.join(" ")).toMatch(/No space left on device/);
    expect(inRunningDatabase).toEqual(before);
    expect(reopenedAfterFailure).toEqual(before);
    expect(retried).toMatchObject({ ok: true, replayed: false, receipt: { revisionNumber: 1 } });
    const once = { attachments: 1, submissions: 1, revisions: 1, comments: 4, counter: 1, audit: 1 };
    expect(afterRetry).toMatchObject(Object.fromEntries(Object.entries(once).map(([k, n]) => [k, before[k]! + n])));
    expect(afterRetry.mails).toBeGreaterThan(before.mails!);
    expect(reopened).toEqual(afterRetry);
    expect(await submitOnBehalf(officer, input)).toMatchObject({ ok: true, replayed: true });
  }, 120_000);
});
