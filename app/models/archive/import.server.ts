// The import: an archive back into the database, in this instance or another. The file is
// checked first (checkArchive, then planWithin against this instance), then written in one
// transaction with multi-row inserts, table by table as tables.server.ts declares them. Into an
// instance that does not hold the consultation it keeps every id (export -> import -> export
// gives the same file); into one that does (the same instance again) it gives every row a new id,
// consistently, and the copy a receipt prefix of its own, since receipt numbers are unique across
// an instance.
import { randomUUID } from "node:crypto";
import { checkArchive } from "~/lib/archive-schema";
import { schema } from "~/utils/db.server";
import { ArchiveValidationError, chunks, chunksBySize, IMPORT_AUDIT_ACTION, type Db } from "./common.server";
import {
  ArchiveConfirmationError,
  planNeedsConfirmation,
  planWithin,
  type PlannedPreviousRound,
  type PlannedStandingGroups,
  type PlanOptions,
} from "./plan.server";
import type { Into } from "./declaration.server";
import { ARCHIVE_TABLES, auditTable, userTable } from "./tables.server";

const { users } = schema;

export type ImportResult = {
  consultationId: string;
  /** The consultation already existed here: every row got a new id. */
  remapped: boolean;
  /** The copy's receipt prefix (differs from the archive's when that one is taken here). */
  receiptPrefix: string;
  title: string;
  /** A later round's file: whether the round was linked to its previous round here, and the origins and answers restored and dropped. */
  previousRound?: PlannedPreviousRound;
  /** A file that names standing groups: those found here (used as they are) and those created. */
  standingGroups?: PlannedStandingGroups;
};

export type ImportOptions = PlanOptions & {
  /** The officer who imports (null: the command line); written on the import's audit entry and on every imported entry. */
  actorId?: string | null;
  ipAddress?: string | null;
  /** The plan's `confirmation` from the preview: needed when the import creates accounts or gives chairs access. */
  confirmation?: string | null;
};

/**
 * Imports an archive (the parsed JSON) in one transaction: checked against the format first
 * (ArchiveValidationError with the problems and their paths; nothing written), then against this
 * instance (planWithin), then, when it creates accounts or gives chairs access, only with the
 * preview's confirmation (ArchiveConfirmationError otherwise). Existing accounts are never
 * changed; missing chairs and delegates are created without a password. Every table is written in
 * multi-row inserts; the file's audit entries are kept as imported (not linked to accounts here,
 * dated now, with what the file said in their details), and "consultation.import" is added.
 */
export async function importConsultation(db: Db, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const checked = checkArchive(input);
  if (!checked.ok) throw new ArchiveValidationError(checked.problems);
  const archive = checked.archive;

  return db.transaction(async (tx) => {
    const { plan, delegationId, userId, existing, here } = await planWithin(tx, archive, options);
    if (options.confirmation != null && options.confirmation !== plan.confirmation) throw new ArchiveConfirmationError("changed", plan);
    if (options.confirmation == null && planNeedsConfirmation(plan) && !options.scratch) throw new ArchiveConfirmationError("needed", plan);
    const { remapped, receiptPrefix } = plan;
    const prefix = plan.sourcePrefix;

    const fresh = new Map<string, string>();
    // The meeting is shared when this instance has it; everything else is new when remapped.
    if (existing.meeting) fresh.set(archive.meeting.id, archive.meeting.id);
    const idOf = (old: string): string => {
      if (!remapped) return old;
      let mapped = fresh.get(old);
      if (!mapped) fresh.set(old, (mapped = randomUUID()));
      return mapped;
    };
    // A standing group found here by its code has this instance's id: an audit entry naming it follows.
    const standing = here.standingGroups;
    const remapJson = (value: unknown): unknown => {
      if (!remapped && !standing.size) return value;
      if (typeof value === "string") return standing.get(value.toLowerCase()) ?? (remapped ? (fresh.get(value) ?? value) : value);
      if (Array.isArray(value)) return value.map(remapJson);
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapJson(v)]));
      return value;
    };

    // The accounts the officer confirmed, without a password; a concurrent sign-up of the same
    // address means the confirmed plan no longer holds.
    const fileUser = new Map(archive.users.map((u) => [u.email.toLowerCase(), u]));
    const delegation = (code: string) => delegationId.get(code)!;
    for (const part of chunks(plan.accounts)) {
      const created = await tx
        .insert(users)
        .values(part.map((a) => userTable.toRow(a, fileUser.get(a.email)!, delegation)))
        .onConflictDoNothing()
        .returning({ id: users.id, email: users.email });
      if (created.length !== part.length) throw new ArchiveConfirmationError("changed", plan);
      for (const u of created) userId.set(u.email, u.id);
    }

    const consultationId = idOf(archive.consultation.id);
    const into: Into = {
      consultationId,
      receiptPrefix,
      meetingExists: existing.meeting,
      lineage: here.lineage,
      id: idOf,
      idOrNull: (old) => (old === null ? null : idOf(old)),
      group: (old) => here.standingGroups.get(old.toLowerCase()) ?? idOf(old),
      person: (address) => (address === null ? null : userId.get(address.toLowerCase())!),
      delegation,
      // Every receipt starts with the prefix (checked): a copy's starts with its own.
      receipt: (number) => receiptPrefix + number.slice(prefix.length),
      remapJson,
      fileUser: (address) => fileUser.get(address.toLowerCase())!,
      importedAt: new Date(),
      importedBy: options.actorId ?? null,
    };
    // The import's own entry, after the file's.
    const importEntry = {
      at: into.importedAt,
      actorId: options.actorId ?? null,
      action: IMPORT_AUDIT_ACTION,
      entityType: "consultation",
      entityId: consultationId,
      consultationId,
      details: {
        sourceConsultationId: archive.consultation.id,
        exportedAt: archive.exportedAt,
        remapped,
        receiptPrefix: receiptPrefix === prefix ? undefined : { from: prefix, to: receiptPrefix },
        usersCreated: plan.accounts.length,
        accountsCreated: plan.accounts.map((a) => a.email),
        chairsGranted: plan.chairs.map((ch) => ch.email),
        auditEntriesImported: archive.auditLog.length,
        previousRound: plan.previousRound,
        standingGroups: plan.standingGroups,
        confirmation: options.confirmation ?? null,
      },
      ipAddress: options.ipAddress ?? null,
    };

    // Table by table, parents first. Rows are made just before their table is written, so that
    // ids inside JSON values (remapJson) find the new ids of the rows written before.
    for (const table of ARCHIVE_TABLES) {
      if (table.insertIf && !table.insertIf(into)) continue;
      const kept = table.keep ? table.entries(archive).filter(({ entry, parent }) => table.keep!(entry, here, parent)) : table.entries(archive);
      const rows = kept.map(({ entry, parent }) => table.toRow(entry, into, parent));
      if (table === auditTable) rows.push(importEntry);
      for (const part of table.bytes ? chunksBySize(rows, table.bytes) : chunks(rows)) await tx.insert(table.table).values(part as never);
    }
    return {
      consultationId,
      remapped,
      receiptPrefix,
      title: archive.consultation.title,
      ...(plan.previousRound ? { previousRound: plan.previousRound } : {}),
      ...(plan.standingGroups ? { standingGroups: plan.standingGroups } : {}),
    };
  });
}
