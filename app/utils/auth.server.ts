import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { createSession, deleteSession, findSessionUserId } from "~/models/session.server";
import { getUserById, type SessionUser, type UserRole } from "~/models/user.server";
import { languageCookieHeader } from "./i18n.server";
import { readSessionToken, sessionCookie } from "./session.server";

export type { SessionUser, UserRole };
/** A path on this site to return to; anything else becomes the fallback (app/lib/safe-redirect.ts). */
export { safeRedirect } from "~/lib/safe-redirect";

/** The client's address as the server saw it (set by app/server.ts), for rate limits and the log. */
export function clientAddress(context: AppLoadContext | undefined): string {
  return context?.clientAddress ?? "unknown";
}

// One lookup per request even when a loader and the root loader both ask.
const cache = new WeakMap<Request, Promise<SessionUser | null>>();

export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = (async () => {
      const token = await readSessionToken(request);
      if (!token) return null;
      const userId = await findSessionUserId(token);
      return userId ? getUserById(userId) : null;
    })();
    cache.set(request, pending);
  }
  return pending;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back })}`);
}

/** The signed-in user if their role is one of `roles`; otherwise 403. */
export async function requireRole(request: Request, ...roles: UserRole[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw data({ reason: "forbidden" }, { status: 403 });
  return user;
}

/**
 * A delegate of the given delegation. Anyone else gets 404, not 403, so that guessed or forged
 * ids do not even confirm that another delegation's object exists.
 */
export async function requireDelegationMember(request: Request, delegationId: string): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "delegate" || user.delegationId !== delegationId) {
    throw data({ reason: "not_found" }, { status: 404 });
  }
  return user;
}

export async function signIn(input: {
  request: Request;
  context: AppLoadContext | undefined;
  user: SessionUser;
  redirectTo: string;
}) {
  const { token, expiresAt } = await createSession({
    userId: input.user.id,
    userAgent: input.request.headers.get("User-Agent"),
    ipAddress: clientAddress(input.context),
  });
  await recordAudit({
    actorId: input.user.id,
    action: "session.sign_in",
    entityType: "user",
    entityId: input.user.id,
    ipAddress: clientAddress(input.context),
  });
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie(input.request).serialize(token, { expires: expiresAt }));
  // The profile's language follows the user from one browser to the next.
  headers.append("Set-Cookie", languageCookieHeader(input.request, input.user.language));
  return redirect(input.redirectTo, { headers });
}

export async function signOut(request: Request, context: AppLoadContext | undefined) {
  const token = await readSessionToken(request);
  const user = await getOptionalUser(request);
  if (token) await deleteSession(token);
  if (user) {
    await recordAudit({
      actorId: user.id,
      action: "session.sign_out",
      entityType: "user",
      entityId: user.id,
      ipAddress: clientAddress(context),
    });
  }
  return redirect("/login", {
    headers: { "Set-Cookie": await sessionCookie(request).serialize("", { maxAge: 0 }) },
  });
}
