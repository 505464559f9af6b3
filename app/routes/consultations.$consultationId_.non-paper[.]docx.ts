import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { buildNonPaperModel } from "~/documents/non-paper";
import { renderNonPaperDocx } from "~/documents/non-paper-docx";
import { isUuid } from "~/lib/ids";
import { getNonPaperForUser } from "~/models/non-paper.server";
import { requireUser } from "~/utils/auth.server";
import { fileResponse } from "~/utils/download.server";

/** The non-paper as a Word file: the same guard and data as the printable page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const source = isUuid(params.consultationId) ? await getNonPaperForUser(user, params.consultationId) : null;
  if (!source) throw data({ reason: "not_found" }, { status: 404 });
  const model = buildNonPaperModel(source);
  return fileResponse(new Uint8Array(await renderNonPaperDocx(model)), "docx", model.fileName);
}
