import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { projectRoot } from "../../db/files";
import { SESSION_LIFETIME_MS } from "~/models/session.server";
import { env } from "./env.server";

let secret: string | undefined;

/**
 * SESSION_SECRET, or for a single embedded-database install a random one kept in .data/ so that
 * sessions survive a restart. Several servers behind one database must share SESSION_SECRET.
 */
export function sessionSecret(): string {
  if (secret) return secret;
  const configured = env().SESSION_SECRET;
  if (configured) return (secret = configured);
  const file = path.join(projectRoot(), ".data", "session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return (secret = readFileSync(file, "utf8").trim());
}

/** Whether the browser reached us over HTTPS (directly, or through a trusted proxy). */
export function isSecureRequest(request: Request): boolean {
  if (env().COOKIE_SECURE) return true;
  if (new URL(request.url).protocol === "https:") return true;
  return Boolean(env().TRUST_PROXY && request.headers.get("x-forwarded-proto") === "https");
}

// Signed, httpOnly, SameSite=Lax (no cross-site POST carries it, so no CSRF token is needed);
// Secure whenever the request came over HTTPS.
export function sessionCookie(request: Request) {
  return createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isSecureRequest(request),
    secrets: [sessionSecret()],
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  });
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}
