// The one guard of the consultation pages. The frame's loader and the page's loader run in
// parallel on the same Request: the session and the consultation are looked up once for both.
import { data } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { isUuid } from "~/lib/ids";
import { getConsultationFrame, type ConsultationFrame } from "~/models/consultation.server";
import type { Reader } from "~/lib/permissions";
import type { SessionUser } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";

const frames = new WeakMap<Request, Map<string, Promise<ConsultationFrame | null>>>();

function frameFor(request: Request, user: SessionUser, consultationId: string): Promise<ConsultationFrame | null> {
  let byId = frames.get(request);
  if (!byId) frames.set(request, (byId = new Map()));
  let frame = byId.get(consultationId);
  if (!frame) byId.set(consultationId, (frame = getConsultationFrame(user, consultationId)));
  return frame;
}

/**
 * The signed-in reader (or a redirect to sign in) and the consultation in `params` if they may see
 * it, else null. The frame asks this way: the page's own guard decides the answer (403 for a role,
 * 404 for the rest), so that the frame never changes a page's status.
 */
export async function findConsultation(request: Request, params: Params): Promise<{ user: SessionUser; consultation: ConsultationFrame | null }> {
  const user = await requireUser(request);
  const consultation = isUuid(params.consultationId) ? await frameFor(request, user, params.consultationId) : null;
  return { user, consultation };
}

/**
 * Who may open a page: a rule of app/lib/permissions.ts (maySeeAuditLog, mayReadComments…), so
 * that a page names its rule once and never repeats it. A rule of the reader, asked before the
 * consultation is looked up: a reader it refuses gets 403 whichever id they ask for.
 */
export type PageRule = (reader: Reader) => boolean;

/**
 * The signed-in reader and the consultation in `params`, if they may see it: otherwise a redirect
 * to sign in, 403 for a reader the page's rule (`may`) refuses, and 404 for a malformed id or a
 * consultation they may not see (the same answer, so that a guessed id reveals nothing).
 */
export async function requireConsultation(
  request: Request,
  params: Params,
  options: { may?: PageRule } = {},
): Promise<{ user: SessionUser; consultation: ConsultationFrame }> {
  const user = await requireUser(request);
  if (options.may && !options.may(user)) throw data({ reason: "forbidden" }, { status: 403 });
  const { consultation } = await findConsultation(request, params);
  if (!consultation) throw data({ reason: "not_found" }, { status: 404 });
  return { user, consultation };
}
