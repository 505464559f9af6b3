// POST /consultations/:id/submission/draft — the editor's autosave (JSON only; the contract is at
// the top of app/lib/autosave-store.ts). Answers 401 JSON, never a redirect, when the session is
// gone, so that the page keeps the text and asks the delegate to sign in again. Works for
// sendBeacon posts, which carry no Accept header.
import type { ActionFunctionArgs } from "@remix-run/node";
import { isUuid } from "~/lib/ids";
import { mayWriteSubmission } from "~/lib/permissions";
import { getOptionalUser } from "~/utils/auth.server";
import { saveDraftFromForm } from "~/utils/submission-draft.server";

const noStore = { "Cache-Control": "no-store" };

// A plain JSON Response: a resource route's answer goes to fetch() and sendBeacon as it is.
function json(body: unknown, status: number, headers: Record<string, string> = noStore) {
  return Response.json(body, { status, headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await getOptionalUser(request);
  if (!user) return json({ ok: false, reason: "signed_out" }, 401);
  // Only the delegation's own delegates have a draft; anyone else learns nothing (404).
  if (!mayWriteSubmission(user) || !isUuid(params.consultationId)) {
    return json({ ok: false, reason: "not_found" }, 404);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ ok: false, reason: "invalid", errors: { "": [{ message: "submissions:errors.invalid" }] } }, 400);
  }
  const answer = await saveDraftFromForm(user, params.consultationId, form, true);
  return json(answer.body, answer.status);
}

export function loader() {
  return json({ ok: false, reason: "method_not_allowed" }, 405, { ...noStore, Allow: "POST" });
}
