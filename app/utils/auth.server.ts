import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { paths } from "~/lib/paths";
import { speaksForDelegation } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { createSession, deleteSession, lookupSession, type SessionLookup } from "~/models/session.server";
import { type SessionUser, type UserRole } from "~/models/user.server";
import { env } from "./env.server";
import { languageCookieHeader } from "./i18n.server";
import { readSessionToken, sessionCookie } from "./session.server";
import { clearPendingCookieHeader, redirectToSecondStep, requiredSecondStep } from "./two-factor.server";

export type { SessionUser, UserRole };
/** A path on this site to return to; anything else becomes the fallback (app/lib/safe-redirect.ts). */
export { safeRedirect } from "~/lib/safe-redirect";

/** The client's address as the server saw it (set by app/server.ts), for rate limits and the log. */
export function clientAddress(context: AppLoadContext | undefined): string {
  return context?.clientAddress ?? "unknown";
}

// One lookup per request even when a loader and the root loader both ask.
const cache = new WeakMap<Request, Promise<SessionLookup>>();

/**
 * The session of this request, looked up once (one query; and at most once a minute per
 * session, one UPDATE of its last use). `passive`: a background request (the editor's presence
 * signal) that must not count as use, or an open tab would never go idle.
 */
export function getSession(request: Request, options: { passive?: boolean } = {}): Promise<SessionLookup> {
  let pending = cache.get(request);
  if (!pending) {
    pending = (async (): Promise<SessionLookup> => {
      const token = await readSessionToken(request);
      if (!token) return { state: "none" };
      return lookupSession(token, { touch: !options.passive });
    })();
    cache.set(request, pending);
  }
  return pending;
}

/** The signed-in user, or null (no session, expired, idle, or the account disabled). */
export async function getOptionalUser(request: Request, options: { passive?: boolean } = {}): Promise<SessionUser | null> {
  const session = await getSession(request, options);
  return session.state === "live" ? session.user : null;
}

/** The id of this request's live session (the account page marks it and never ends it from there). */
export async function currentSessionId(request: Request): Promise<string | null> {
  const session = await getSession(request);
  return session.state === "live" ? session.sessionId : null;
}

/**
 * The signed-in user, or a redirect to the sign-in page that comes back here. A session that went
 * idle says so there (?idle=<minutes>), so that the reader knows why.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const session = await getSession(request);
  if (session.state === "live") return session.user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(
    paths.login({
      idle: session.state === "idle" ? env().SESSION_IDLE_MINUTES : null,
      redirectTo: back !== paths.home() ? back : null,
    }),
  );
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
  if (!speaksForDelegation(user, delegationId)) {
    throw data({ reason: "not_found" }, { status: 404 });
  }
  return user;
}

type SignInInput = {
  request: Request;
  context: AppLoadContext | undefined;
  user: SessionUser;
  redirectTo: string;
};

/**
 * The password (or an accepted invitation) proved: a session, unless a second factor is due. With
 * two-factor sign-in on, or for the secretariat (who must set it up first), no session yet: a
 * short-lived pending cookie and the code page (app/utils/two-factor.server.ts).
 */
export async function signIn(input: SignInInput) {
  const step = await requiredSecondStep(input.user);
  if (step) return redirectToSecondStep({ ...input, stage: step });
  return completeSignIn(input);
}

/** Both factors proved (or only one is due): the session, its audit entry, the profile's language. */
export async function completeSignIn(input: SignInInput & { secondFactor?: "totp" | "recovery" | "enrolment" }) {
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
    details: input.secondFactor ? { secondFactor: input.secondFactor } : undefined,
    ipAddress: clientAddress(input.context),
  });
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie(input.request).serialize(token, { expires: expiresAt }));
  // The profile's language follows the user from one browser to the next.
  headers.append("Set-Cookie", languageCookieHeader(input.request, input.user.language));
  headers.append("Set-Cookie", await clearPendingCookieHeader(input.request));
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
  return redirect(paths.login(), {
    headers: { "Set-Cookie": await sessionCookie(request).serialize("", { maxAge: 0 }) },
  });
}
