import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { archiveFileName, serializeArchive } from "~/lib/archive-schema";
import { isUuid } from "~/lib/ids";
import { getConsultationArchive } from "~/models/archive.server";
import { requireRole } from "~/utils/auth.server";

/**
 * The whole consultation as a JSON archive (app/lib/archive-schema.ts), for the secretariat only:
 * chairs and delegates get 403, an unknown consultation 404. The file is named after the receipt
 * prefix and the day of export, e.g. CTOC-2020-archive-2026-11-22.json.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const archive = isUuid(params.consultationId) ? await getConsultationArchive(user, params.consultationId) : null;
  if (!archive) throw data({ reason: "not_found" }, { status: 404 });
  const body = new TextEncoder().encode(serializeArchive(archive));
  const name = archiveFileName(archive);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": String(body.byteLength),
      // The file name is ASCII by construction; filename* is there for clients that prefer it.
      "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      // Everything the consultation holds: no shared cache may keep it.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
