// Password reset links: lifetime, limits, token shape, and the link in emails. Pure, no I/O.
import type { Language } from "~/i18n/languages";
import { paths } from "~/lib/paths";

/** The outbox kind of a reset email. */
export const PASSWORD_RESET_KIND = "password_reset";

/** How long a reset link works after it was asked for. */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Requests that send an email, per account and per address, in a sliding hour. Past them the page
 * answers as always and nothing is sent: no inbox can be flooded, nothing is disclosed.
 */
export const PASSWORD_RESET_LIMITS = { windowMs: 60 * 60 * 1000, perAccount: 3, perAddress: 10 } as const;

/**
 * Stands for the token in a queued reset email. The outbox keeps the message with this in the
 * link; a fresh token is issued and put in its place only when the message is sent (as for
 * invitations), so no usable link ever rests in the database.
 */
export const RESET_TOKEN_PLACEHOLDER = "{{reset-token}}";

/** 32 random bytes in base64url (43 characters); anything else is not even looked up. */
export function isResetTokenShape(token: string | undefined | null): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The absolute one-time link; ?lng= opens the page in the account's language (the placeholder as in invitationLink). */
export function passwordResetLink(origin: string, token: string, language: Language): string {
  const path = paths.resetPassword(token, { lng: language }).replace(encodeURIComponent(RESET_TOKEN_PLACEHOLDER), RESET_TOKEN_PLACEHOLDER);
  return `${origin.replace(/\/+$/, "")}${path}`;
}

const RESET_LINK = /\S*\/password-reset\/(?:\{\{reset-token\}\}|[A-Za-z0-9_-]{43})(?:\?lng=[a-z]{2})?/g;
const RESET_LINK_TOKEN = /(\/password-reset\/)(?:\{\{reset-token\}\}|[A-Za-z0-9_-]{43})/g;

/** `text` with every reset link replaced by `replacement` (what the outbox page shows). */
export function hideResetLinks(text: string, replacement: string): string {
  return text.replace(RESET_LINK, replacement);
}

/** `text` with the token of its reset links set to `token` (the placeholder by default). */
export function withResetToken(text: string, token: string = RESET_TOKEN_PLACEHOLDER): string {
  return text.replace(RESET_LINK_TOKEN, (_, path: string) => `${path}${token}`);
}

export type PasswordResetState = "valid" | "expired" | "used";

/** Where a reset link stands at `now`: used is final, then expiry counts. */
export function passwordResetState(reset: { expiresAt: Date | string; usedAt: Date | string | null }, now: Date = new Date()): PasswordResetState {
  if (reset.usedAt) return "used";
  return new Date(reset.expiresAt).getTime() <= now.getTime() ? "expired" : "valid";
}
