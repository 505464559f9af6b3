// POST /consultations/:id/submission/presence — the editor says it is open (intent=open, every
// half minute while visible) or left (intent=close, by beacon) and learns which colleagues of
// its mission have the draft open. JSON only; 404 for anyone without a draft here.
import type { ActionFunctionArgs } from "@remix-run/node";
import { reportDraftPresence } from "~/models/draft-presence.server";
import { getOptionalUser } from "~/utils/auth.server";

const noStore = { "Cache-Control": "no-store" };

export async function action({ request, params }: ActionFunctionArgs) {
  // A background signal every half minute: it must not keep an abandoned tab from going idle.
  const user = await getOptionalUser(request, { passive: true });
  if (!user) return Response.json({ ok: false, reason: "signed_out" }, { status: 401, headers: noStore });
  let intent: FormDataEntryValue | null = null;
  try {
    intent = (await request.formData()).get("intent");
  } catch {
    // Unreadable body: answered below as an invalid request.
  }
  if (intent !== "open" && intent !== "close") return Response.json({ ok: false, reason: "invalid" }, { status: 400, headers: noStore });
  const colleagues = await reportDraftPresence(user, params.consultationId ?? "", intent === "open");
  if (!colleagues) return Response.json({ ok: false, reason: "not_found" }, { status: 404, headers: noStore });
  return Response.json({ ok: true, colleagues: colleagues.map((c) => c.name) }, { headers: noStore });
}

export function loader() {
  return Response.json({ ok: false, reason: "method_not_allowed" }, { status: 405, headers: { ...noStore, Allow: "POST" } });
}
