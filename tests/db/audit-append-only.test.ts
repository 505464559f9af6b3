// The audit log is append-only by construction: the database refuses UPDATE, DELETE and TRUNCATE
// on audit_log (migration 0009, the same on PostgreSQL and PGlite), no foreign key rewrites an
// entry when what it points at goes, and no code under app/ or db/ tries either.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "~/models/audit.server";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { createDelegate, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

/** The trigger's own SQLSTATE (db/migrations/0009_audit_append_only.sql). */
const APPEND_ONLY = "NPA01";
/** What a foreign key answers when a row it points at would go: restrict_violation, foreign_key_violation. */
const FOREIGN_KEY_REFUSALS = ["23001", "23503"];

/** The SQLSTATE and message of what `run` threw (drizzle wraps the driver's error as `cause`). */
async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return { code, message: String((e as Error).message) };
    }
    throw error;
  }
  throw new Error("the statement was not refused");
}

let consultationId: string;
let delegateId: string;

async function entriesOf(id: string) {
  const db = await getDb();
  return db.select().from(schema.auditLog).where(eq(schema.auditLog.consultationId, id)).orderBy(asc(schema.auditLog.id));
}

async function allEntries() {
  const db = await getDb();
  return db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id));
}

beforeAll(async () => {
  const db = await getDb();
  ({ consultationId } = await insertDraftConsultation(db, { agendaItems: [{ number: "2", title: "Technical assistance", points: [] }], delegations: ["PER"] }));
  delegateId = (await createDelegate(`audit-append-only-${Date.now()}@nonpaper.test`, "PER")).id;
  const officer = await userIdByEmail("secretariat@nonpaper.test");
  await recordAudit({
    actorId: officer,
    action: "consultation.update",
    entityType: "consultation",
    entityId: consultationId,
    consultationId,
    details: { field: "title" },
  });
  await recordAudit({ actorId: delegateId, action: "submission.submit", entityType: "submission", consultationId, details: { revision: 1 } });
});

describe("the database refuses to change or remove an audit entry", () => {
  it("refuses UPDATE, through the query builder and in plain SQL", async () => {
    const db = await getDb();
    const before = await allEntries();
    const [first] = await entriesOf(consultationId);
    const built = await refusal(() => db.update(schema.auditLog).set({ action: "consultation.nothing" }).where(eq(schema.auditLog.id, first!.id)));
    expect(built.code).toBe(APPEND_ONLY);
    expect(built.message).toMatch(/audit_log is append-only: UPDATE refused/);
    // Even a change that leaves the row as it was, and one on every row at once.
    expect((await refusal(() => db.execute(sql`update audit_log set details = details`))).code).toBe(APPEND_ONLY);
    expect(await allEntries()).toEqual(before);
  });

  it("refuses DELETE of one entry and of all", async () => {
    const db = await getDb();
    const before = await allEntries();
    const [first] = await entriesOf(consultationId);
    const one = await refusal(() => db.delete(schema.auditLog).where(eq(schema.auditLog.id, first!.id)));
    expect(one.code).toBe(APPEND_ONLY);
    expect(one.message).toMatch(/DELETE refused/);
    expect((await refusal(() => db.execute(sql`delete from audit_log`))).code).toBe(APPEND_ONLY);
    expect(await allEntries()).toEqual(before);
  });

  it("refuses TRUNCATE, also with CASCADE", async () => {
    const db = await getDb();
    const before = await allEntries();
    const truncate = await refusal(() => db.execute(sql`truncate audit_log`));
    expect(truncate.code).toBe(APPEND_ONLY);
    expect(truncate.message).toMatch(/TRUNCATE refused/);
    expect((await refusal(() => db.execute(sql`truncate table audit_log restart identity cascade`))).code).toBe(APPEND_ONLY);
    expect(await allEntries()).toEqual(before);
  });

  it("refuses inside a transaction too, and the refusal undoes the transaction", async () => {
    const db = await getDb();
    const before = await allEntries();
    const refused = await refusal(() =>
      db.transaction(async (tx) => {
        await recordAudit({ actorId: null, action: "consultation.update", entityType: "consultation", consultationId }, tx);
        await tx.delete(schema.auditLog).where(eq(schema.auditLog.consultationId, consultationId));
      }),
    );
    expect(refused.code).toBe(APPEND_ONLY);
    expect(await allEntries()).toEqual(before);
  });

  it("still appends", async () => {
    const before = (await entriesOf(consultationId)).length;
    await recordAudit({ actorId: null, action: "consultation.status", entityType: "consultation", consultationId });
    expect(await entriesOf(consultationId)).toHaveLength(before + 1);
  });
});

describe("foreign keys never rewrite an audit entry", () => {
  it("every foreign key of audit_log neither cascades nor sets null or a default, on delete or update", async () => {
    const db = await getDb();
    type Key = { conname: string; confdeltype: string; confupdtype: string };
    const result: unknown = await db.execute(
      sql`select conname, confdeltype, confupdtype from pg_constraint where conrelid = 'audit_log'::regclass and contype = 'f' order by conname`,
    );
    // postgres.js answers with the rows, PGlite with { rows }.
    const keys = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Key[];
    expect(keys.map((k) => k.conname)).toEqual(["audit_log_actor_id_users_id_fk", "audit_log_consultation_id_consultations_id_fk"]);
    // a: no action, r: restrict; never c (cascade), n (set null) or d (set default).
    for (const key of keys) {
      expect(["a", "r"]).toContain(key.confdeltype);
      expect(["a", "r"]).toContain(key.confupdtype);
    }
  });

  it("a consultation with entries cannot be deleted; its entries stay as they were", async () => {
    const db = await getDb();
    const before = await entriesOf(consultationId);
    expect(before.length).toBeGreaterThan(0);
    const refused = await refusal(() => db.delete(schema.consultations).where(eq(schema.consultations.id, consultationId)));
    expect(FOREIGN_KEY_REFUSALS).toContain(refused.code);
    expect(await entriesOf(consultationId)).toEqual(before);
    const [still] = await db.select({ id: schema.consultations.id }).from(schema.consultations).where(eq(schema.consultations.id, consultationId));
    expect(still?.id).toBe(consultationId);
  });

  it("an account with entries cannot be deleted; its entries keep their actor", async () => {
    const db = await getDb();
    const before = await allEntries();
    expect(before.some((e) => e.actorId === delegateId)).toBe(true);
    const refused = await refusal(() => db.delete(schema.users).where(eq(schema.users.id, delegateId)));
    expect(FOREIGN_KEY_REFUSALS).toContain(refused.code);
    expect(await allEntries()).toEqual(before);
  });

  it("changing a referenced id is refused, not carried into the log", async () => {
    const db = await getDb();
    const before = await allEntries();
    const refused = await refusal(() => db.execute(sql`update consultations set id = gen_random_uuid() where id = ${consultationId}`));
    expect([...FOREIGN_KEY_REFUSALS, APPEND_ONLY]).toContain(refused.code);
    expect(await allEntries()).toEqual(before);
  });
});

// A tripwire beside the trigger: code that tries to change the log is found before it runs.
const WRITES_TO_LOG = [
  /\.\s*(update|delete)\s*\(\s*(schema\s*\.\s*)?auditLog\b/,
  /\b(update|delete\s+from|truncate(\s+table)?(\s+only)?)\s+("?public"?\s*\.\s*)?"?audit_log\b/i,
  // Switching the trigger off, for the table or for the session.
  /\baudit_log\b[^;`]*\bdisable\s+trigger\b/i,
  /\bsession_replication_role\b/i,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs|js|sql)$/.test(entry.name) ? [full] : [];
  });
}

describe("no code changes or removes audit entries", () => {
  it("the tripwire recognises the ways one would", () => {
    const attempts = [
      "await tx.delete(auditLog).where(eq(auditLog.id, 1))",
      "db.update(schema.auditLog).set({ action: 'x' })",
      "sql`DELETE FROM audit_log WHERE id = 1`",
      'sql`update "audit_log" set details = ${d}`',
      "sql`truncate table only public.audit_log`",
      "sql`alter table audit_log disable trigger all`",
      "sql`set local session_replication_role = replica`",
    ];
    for (const attempt of attempts)
      expect(
        WRITES_TO_LOG.some((re) => re.test(attempt)),
        attempt,
      ).toBe(true);
    for (const fine of ["tx.insert(schema.auditLog).values(entry)", "db.select().from(auditLog)", "await tx.delete(comments)"])
      expect(
        WRITES_TO_LOG.some((re) => re.test(fine)),
        fine,
      ).toBe(false);
  });

  it("no file under app/ or db/ (migrations aside) updates, deletes or truncates audit_log", () => {
    const root = path.resolve(__dirname, "../..");
    const files = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "db"))];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return WRITES_TO_LOG.some((re) => re.test(text)) ? [path.relative(root, file)] : [];
    });
    expect(offenders).toEqual([]);
  });
});
