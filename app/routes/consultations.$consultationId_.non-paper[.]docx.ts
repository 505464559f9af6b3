import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { buildNonPaperModel } from "~/documents/non-paper";
import { renderNonPaperDocx } from "~/documents/non-paper-docx";
import { isUuid } from "~/lib/ids";
import { getNonPaperForUser } from "~/models/non-paper.server";
import { requireUser } from "~/utils/auth.server";

const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The non-paper as a Word file: the same guard and data as the printable page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const source = isUuid(params.consultationId) ? await getNonPaperForUser(user, params.consultationId) : null;
  if (!source) throw data({ reason: "not_found" }, { status: 404 });
  const model = buildNonPaperModel(source);
  const bytes = await renderNonPaperDocx(model);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": DOCX_CONTENT_TYPE,
      "Content-Length": String(bytes.byteLength),
      // The file name is ASCII by construction; filename* is there for clients that prefer it.
      "Content-Disposition": `attachment; filename="${model.fileName}"; filename*=UTF-8''${encodeURIComponent(model.fileName)}`,
      // What a user may read depends on who they are: no shared cache may keep it.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
