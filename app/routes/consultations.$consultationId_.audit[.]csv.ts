// /consultations/:id/audit.csv — the audit log as the page filters it (its own query), as a CSV
// file for a spreadsheet: the same guard as the page (the secretariat; 403 to other roles, 404 for
// an unknown consultation), every matching entry rather than one page of them.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { fixedTranslator } from "~/i18n/i18next";
import { csvBytes } from "~/lib/audit-csv";
import { auditCsvFileName, auditCsvRecords } from "~/lib/audit-export";
import { auditSelection, parseAuditFilters } from "~/lib/audit-filters";
import { maySeeAuditLog } from "~/lib/permissions";
import { exportConsultationAudit } from "~/models/audit.server";
import { requireConsultation } from "~/utils/consultation-access.server";
import { fileResponse } from "~/utils/download.server";
import { resolveLanguage } from "~/utils/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, consultation } = await requireConsultation(request, params, { may: maySeeAuditLog });
  // A date the page would refuse is left out here too, as it is there.
  const { filters } = parseAuditFilters(new URL(request.url).searchParams);
  const timeZone = user.timeZone ?? consultation.meeting.timeZone;
  const entries = await exportConsultationAudit(consultation.id, auditSelection(filters, timeZone));
  const language = await resolveLanguage(request, user.language);
  const t = fixedTranslator(language, "consultations");
  return fileResponse(csvBytes(auditCsvRecords(entries, t, language, timeZone)), "csv", auditCsvFileName(consultation.meeting.symbolPrefix));
}
