// Between the password and the second factor: a short-lived, signed "pending sign-in" cookie
// names the account and where to go next. It opens nothing by itself: no session exists until the
// code is right (or, for the secretariat's first sign-in, until an authenticator app is set up).
import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { paths } from "~/lib/paths";
import { currentTotp } from "~/lib/two-factor";
import { mustUseTwoFactor } from "~/lib/permissions";
import { getEnabledSecret, getTwoFactorStatus, type TwoFactorStatus } from "~/models/two-factor.server";
import { getUserById, type SessionUser } from "~/models/user.server";
import { DEMO_TOTP_SECRET } from "../../db/seed";
import { isEmbeddedDemo } from "./db.server";
import { isSecureRequest, sessionSecret } from "./session.server";

/** verify: asks for a code; enrol: the secretariat sets up an app first; enrolled: set up, codes shown. */
export type PendingStage = "verify" | "enrol" | "enrolled";

// Five minutes to type a code; setting up an app (installing it, scanning) takes longer.
export const PENDING_LIFETIME_MS: Record<PendingStage, number> = {
  verify: 5 * 60 * 1000,
  enrol: 15 * 60 * 1000,
  enrolled: 15 * 60 * 1000,
};

const PendingSchema = z.object({
  userId: z.string().uuid(),
  stage: z.enum(["verify", "enrol", "enrolled"]),
  redirectTo: z.string(),
  issuedAt: z.number(),
  expiresAt: z.number(),
});

export type PendingSignIn = z.infer<typeof PendingSchema>;

// Sent only to the sign-in pages (path /login covers /login/two-factor and its data requests).
function pendingCookie(request: Request) {
  return createCookie("__second_factor", {
    httpOnly: true,
    sameSite: "lax",
    path: paths.login(),
    secure: isSecureRequest(request),
    secrets: [sessionSecret()],
  });
}

export async function pendingCookieHeader(
  request: Request,
  input: { userId: string; stage: PendingStage; redirectTo: string; issuedAt?: number },
  now = Date.now(),
): Promise<string> {
  const lifetime = PENDING_LIFETIME_MS[input.stage];
  const value: PendingSignIn = {
    userId: input.userId,
    stage: input.stage,
    redirectTo: input.redirectTo,
    issuedAt: input.issuedAt ?? now,
    expiresAt: now + lifetime,
  };
  return pendingCookie(request).serialize(value, { maxAge: Math.floor(lifetime / 1000) });
}

export async function clearPendingCookieHeader(request: Request): Promise<string> {
  return pendingCookie(request).serialize("", { maxAge: 0 });
}

export type PendingState = { state: "none" } | { state: "expired" } | { state: "live"; pending: PendingSignIn; user: SessionUser; status: TwoFactorStatus };

/**
 * The pending sign-in of this request. "expired" when the cookie is genuine but too old, or no
 * longer fits the account (disabled, password changed since, two-factor sign-in turned off
 * meanwhile): the person must start again with the password.
 */
export async function readPendingSignIn(request: Request, now = Date.now()): Promise<PendingState> {
  const raw = await pendingCookie(request).parse(request.headers.get("Cookie"));
  const parsed = PendingSchema.safeParse(raw);
  if (!parsed.success) return { state: "none" };
  const pending = parsed.data;
  if (pending.expiresAt <= now) return { state: "expired" };
  const [user, status] = await Promise.all([getUserById(pending.userId), getTwoFactorStatus(pending.userId)]);
  if (!user || !status) return { state: "expired" };
  if (status.passwordChangedAt && status.passwordChangedAt.getTime() > pending.issuedAt) return { state: "expired" };
  if (pending.stage === "verify" && !status.enabled) return { state: "expired" };
  return { state: "live", pending, user, status };
}

/** The second step a user must pass before a session, or null: the secretariat must use one. */
export async function requiredSecondStep(user: SessionUser): Promise<"verify" | "enrol" | null> {
  const status = await getTwoFactorStatus(user.id);
  if (status?.enabled) return "verify";
  if (mustUseTwoFactor(user)) return "enrol";
  return null;
}

export const SECOND_STEP_PATH = { verify: paths.loginTwoFactor(), enrol: paths.loginTwoFactorSetup() } as const;

/** The password was right: on to the code (or the enrolment), with no session yet. */
export async function redirectToSecondStep(input: { request: Request; user: SessionUser; stage: "verify" | "enrol"; redirectTo: string }) {
  const cookie = await pendingCookieHeader(input.request, {
    userId: input.user.id,
    stage: input.stage,
    redirectTo: input.redirectTo,
  });
  return redirect(SECOND_STEP_PATH[input.stage], { headers: { "Set-Cookie": cookie } });
}

/**
 * The demo's convenience: on the embedded demo database only, the code page shows the current
 * code of an account whose secret is the published demo secret. Never anywhere else.
 */
export async function demoCodeFor(userId: string): Promise<string | null> {
  if (!(await isEmbeddedDemo())) return null;
  const secret = await getEnabledSecret(userId);
  if (secret !== DEMO_TOTP_SECRET) return null;
  return currentTotp(secret);
}
