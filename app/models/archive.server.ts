// The consultation archive (issue 6): a whole consultation out of the database as one JSON value
// (app/lib/archive-schema.ts), and back in, in this instance or another. The work is in
// app/models/archive/: each table's mapping between rows and the file's entries declared once
// (tables.server.ts), walked by the export (export.server.ts) and the import (plan.server.ts,
// import.server.ts). This module is their entry, and the secretariat's gate for the pages.
//
// A file is from outside and trusted for nothing: it cannot create a secretariat account, it
// creates chairs' and delegates' accounts and gives chairs access only once the officer has seen
// them in the preview and confirmed (previewImport, then importConsultation with the plan's
// confirmation digest), and its audit log is kept as what it says, dated at the import and linked
// to no account here (IMPORTED_MARK in the details holds the file's time, person and address).
// Exports never hold a password hash, a two-factor secret, a recovery code or a session: the
// users' columns are chosen one by one.
import type { Archive } from "~/lib/archive-schema";
import type { SessionUser } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { exportConsultation } from "./archive/export.server";
import { importConsultation, type ImportResult } from "./archive/import.server";
import { previewImport, type ImportPlan } from "./archive/plan.server";

export { ArchiveValidationError, IMPORT_AUDIT_ACTION, type ImportedMark } from "./archive/common.server";
export { exportConsultation } from "./archive/export.server";
export { importConsultation, type ImportResult } from "./archive/import.server";
export { ArchiveConfirmationError, planNeedsConfirmation, previewImport, type ImportPlan, type PlannedAccount, type PlannedChair } from "./archive/plan.server";

/** The archive of a consultation for the download; null for anyone but the secretariat, or no such consultation. */
export async function getConsultationArchive(user: SessionUser, consultationId: string): Promise<Archive | null> {
  if (user.role !== "secretariat") return null;
  return exportConsultation(await getDb(), consultationId);
}

/** What importing an uploaded archive would do, for the secretariat's preview; null for anyone else. */
export async function previewConsultationArchive(user: SessionUser, input: unknown): Promise<ImportPlan | null> {
  if (user.role !== "secretariat") return null;
  return previewImport(await getDb(), input);
}

/**
 * Imports an uploaded archive as the secretariat (the actor of the audit entries), with the
 * preview's confirmation, which the page always sends; null for anyone else.
 */
export async function importConsultationArchive(
  user: SessionUser,
  input: unknown,
  options: { ipAddress?: string | null; confirmation: string },
): Promise<ImportResult | null> {
  if (user.role !== "secretariat") return null;
  return importConsultation(await getDb(), input, { actorId: user.id, ipAddress: options.ipAddress ?? null, confirmation: options.confirmation });
}
