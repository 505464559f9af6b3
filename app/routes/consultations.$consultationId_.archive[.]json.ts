import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { archiveFileName, serializeArchive } from "~/lib/archive-schema";
import { isUuid } from "~/lib/ids";
import { getConsultationArchive } from "~/models/archive.server";
import { requireRole } from "~/utils/auth.server";
import { fileResponse } from "~/utils/download.server";

/**
 * The whole consultation as a JSON archive (app/lib/archive-schema.ts), for the secretariat only:
 * chairs and delegates get 403, an unknown consultation 404. The file is named after the receipt
 * prefix and the day of export, e.g. CTOC-2020-archive-2026-11-22.json.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const archive = isUuid(params.consultationId) ? await getConsultationArchive(user, params.consultationId) : null;
  if (!archive) throw data({ reason: "not_found" }, { status: 404 });
  return fileResponse(new TextEncoder().encode(serializeArchive(archive)), "json", archiveFileName(archive));
}
