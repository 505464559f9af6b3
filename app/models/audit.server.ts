import { and, asc, count, desc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { SYSTEM_ACTOR } from "~/lib/audit-filters";
import { getDb, schema, type Database } from "~/utils/db.server";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  consultationId?: string | null;
  details?: Record<string, unknown>;
  ipAddress?: string | null;
};

/**
 * Append to the audit log; pass the transaction so the entry commits with the change. The log is
 * append-only: the database refuses UPDATE, DELETE and TRUNCATE on it (migration 0009).
 */
export async function recordAudit(entry: AuditEntry, db?: Pick<Database, "insert">) {
  const target = db ?? (await getDb());
  await target.insert(schema.auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    consultationId: entry.consultationId ?? null,
    details: entry.details ?? {},
    ipAddress: entry.ipAddress ?? null,
  });
}

/** Which entries to show: the page's filters with its days turned into instants (app/lib/audit-filters.ts). */
export type AuditSelection = {
  /** An account's id, SYSTEM_ACTOR (entries made by no account), or null. */
  actor?: string | null;
  action?: string | null;
  /** A delegation's code. */
  delegation?: string | null;
  /** From this instant (included) to `until` (excluded). */
  since?: Date | null;
  until?: Date | null;
};

const { auditLog, delegations, registrations, users } = schema;

/**
 * Entries by the delegation's delegates, or about it: the entries name a delegation in their
 * details by its code ("delegation", or "code" for registrations and invitations), in a list of
 * codes ("codes" when registering, "delegations" for a reminder), or by id ("delegationId" when
 * an invitation is accepted).
 */
function aboutDelegation(code: string): SQL {
  const details = auditLog.details;
  return sql`(${auditLog.actorId} in (select u.id from users u join delegations d on d.id = u.delegation_id where d.code = ${code})
    or ${details}->>'delegation' = ${code}
    or ${details}->>'code' = ${code}
    or ${details}->'codes' @> jsonb_build_array(${code}::text)
    or ${details}->'delegations' @> jsonb_build_array(${code}::text)
    or ${details}->>'delegationId' in (select d.id::text from delegations d where d.code = ${code}))`;
}

function auditWhere(consultationId: string, selection: AuditSelection, before?: number): SQL {
  return and(
    eq(auditLog.consultationId, consultationId),
    selection.actor === SYSTEM_ACTOR ? isNull(auditLog.actorId) : selection.actor ? eq(auditLog.actorId, selection.actor) : undefined,
    selection.action ? eq(auditLog.action, selection.action) : undefined,
    selection.delegation ? aboutDelegation(selection.delegation) : undefined,
    selection.since ? gte(auditLog.at, selection.since) : undefined,
    selection.until ? lt(auditLog.at, selection.until) : undefined,
    before ? lt(auditLog.id, before) : undefined,
  )!;
}

/** The entries with their actor, newest first: one query, whatever the filters. */
function selectEntries(db: Database, where: SQL, limit: number) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      details: auditLog.details,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
      actorRole: users.role,
      actorDelegation: delegations.code,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(delegations, eq(delegations.id, users.delegationId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export type AuditRow = Awaited<ReturnType<typeof selectEntries>>[number];

/**
 * A consultation's audit log as filtered, newest first, a page at a time (keyset on the id, so a
 * page costs the same however long the log), and how many entries match: two queries.
 */
export async function listConsultationAudit(consultationId: string, selection: AuditSelection = {}, options: { before?: number; limit?: number } = {}) {
  const db = await getDb();
  const limit = Math.min(options.limit ?? 100, 500);
  const rows = await selectEntries(db, auditWhere(consultationId, selection, options.before), limit + 1);
  const [matching] = await db.select({ n: count() }).from(auditLog).where(auditWhere(consultationId, selection));
  return { entries: rows.slice(0, limit), hasMore: rows.length > limit, matching: matching?.n ?? 0 };
}

/**
 * What the filters can choose from, from the consultation's own log: the actors who wrote in it
 * (null: the system), the actions it holds, and the delegations registered or named in it. Three
 * queries, whatever the log's length.
 */
export async function auditFilterChoices(consultationId: string) {
  const db = await getDb();
  const inThisLog = eq(auditLog.consultationId, consultationId);
  const actors = await db
    .select({ id: auditLog.actorId, name: users.name, role: users.role, delegation: delegations.code })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(delegations, eq(delegations.id, users.delegationId))
    .where(inThisLog)
    .groupBy(auditLog.actorId, users.name, users.role, delegations.code)
    .orderBy(sql`${users.name} nulls first`, asc(auditLog.actorId));
  const actions = await db.selectDistinct({ action: auditLog.action }).from(auditLog).where(inThisLog).orderBy(asc(auditLog.action));
  const named = await db
    .select({
      code: delegations.code,
      nameAr: delegations.nameAr,
      nameZh: delegations.nameZh,
      nameEn: delegations.nameEn,
      nameFr: delegations.nameFr,
      nameRu: delegations.nameRu,
      nameEs: delegations.nameEs,
    })
    .from(delegations)
    .where(
      sql`${delegations.id} in (select ${registrations.delegationId} from ${registrations} where ${registrations.consultationId} = ${consultationId})
        or ${delegations.id} in (select u.delegation_id from audit_log a join users u on u.id = a.actor_id where a.consultation_id = ${consultationId})
        or ${delegations.code} in (select coalesce(a.details->>'delegation', a.details->>'code') from audit_log a where a.consultation_id = ${consultationId})`,
    )
    .orderBy(asc(delegations.nameEn));
  return { actors, actions: actions.map((a) => a.action), delegations: named };
}

/** Every entry the filters select, newest first, for the CSV export: read 2,000 at a time on the keyset. */
export async function exportConsultationAudit(consultationId: string, selection: AuditSelection = {}): Promise<AuditRow[]> {
  const db = await getDb();
  const batch = 2000;
  const all: AuditRow[] = [];
  let before: number | undefined;
  for (;;) {
    const rows = await selectEntries(db, auditWhere(consultationId, selection, before), batch);
    all.push(...rows);
    if (rows.length < batch) return all;
    before = rows.at(-1)!.id;
  }
}
