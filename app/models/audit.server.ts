import { and, desc, eq, lt } from "drizzle-orm";
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

/** Append to the audit log; pass the transaction so the entry commits with the change. */
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

/**
 * A consultation's audit log, newest first, a page at a time (keyset on the id, so a page costs
 * the same however long the log): one query.
 */
export async function listConsultationAudit(consultationId: string, options: { before?: number; limit?: number } = {}) {
  const db = await getDb();
  const limit = Math.min(options.limit ?? 100, 500);
  const { auditLog, users } = schema;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      details: auditLog.details,
      actorName: users.name,
      actorRole: users.role,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.consultationId, consultationId), options.before ? lt(auditLog.id, options.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  return { entries: rows.slice(0, limit), hasMore: rows.length > limit };
}
