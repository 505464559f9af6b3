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
