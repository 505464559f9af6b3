// Invitations of delegates: lifetime, states, links and the form's choices. Pure, no I/O.
import type { Language } from "~/i18n/languages";
import { paths } from "~/lib/paths";
import { TIME_ZONES } from "~/lib/time-zones";

/** How long an invitation link can be used. */
export const INVITATION_LIFETIME_DAYS = 14;
export const INVITATION_LIFETIME_MS = INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

/**
 * A link stays usable this long after the deadline it invites to: an invitee who joins on the
 * last day still has time to read, submit late for the secretariat, or see the receipt.
 */
export const INVITATION_DEADLINE_MARGIN_DAYS = 7;
export const INVITATION_DEADLINE_MARGIN_MS = INVITATION_DEADLINE_MARGIN_DAYS * 24 * 60 * 60 * 1000;

/**
 * When a new invitation expires: the usual lifetime, but never before the delegation's deadline
 * (the consultation's, or its extension) plus the margin.
 */
export function invitationExpiry(now: Date, deadline: Date | null): Date {
  const lifetime = now.getTime() + INVITATION_LIFETIME_MS;
  return new Date(deadline ? Math.max(lifetime, deadline.getTime() + INVITATION_DEADLINE_MARGIN_MS) : lifetime);
}

/** Password length accepted when an invitee creates the account. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Longest name and email address accepted. */
export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 320;

export type InvitationState = "pending" | "expired" | "accepted" | "revoked";

/** Where an invitation stands at `now`: accepted and revoked are final, then expiry counts. */
export function invitationState(
  invitation: { expiresAt: Date | string; acceptedAt: Date | string | null; revokedAt: Date | string | null },
  now: Date = new Date(),
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return new Date(invitation.expiresAt).getTime() <= now.getTime() ? "expired" : "pending";
}

/**
 * Tokens are 32 random bytes in base64url (43 characters). Anything else is not looked up: it
 * cannot be a token, and the page says "unknown" as for any other.
 */
export function isInvitationTokenShape(token: string | undefined | null): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * Stands for the token in a queued invitation email. The outbox keeps the message with this in
 * the link; a fresh token is issued and put in its place only when the message is sent, so no
 * usable link ever rests in the database (nor on the outbox page).
 */
export const INVITATION_TOKEN_PLACEHOLDER = "{{invitation-token}}";

/** Every invitation link in `text`, whether its token is real or the placeholder. */
const INVITATION_LINK = /\S*\/invitations\/(?:\{\{invitation-token\}\}|[A-Za-z0-9_-]{43})(?:\?lng=[a-z]{2})?/g;

/** What stands for an invitation link in a body listed on the outbox page (translated there). */
export const HIDDEN_LINK = "[[link-hidden]]";

/** `text` with every invitation link replaced by `replacement` (what the outbox page shows). */
export function hideInvitationLinks(text: string, replacement: string): string {
  return text.replace(INVITATION_LINK, replacement);
}

// The token part of a link, real or placeholder (older messages were queued with the real one).
const LINK_TOKEN = /(\/invitations\/)(?:\{\{invitation-token\}\}|[A-Za-z0-9_-]{43})/g;

/** `text` with the token of its invitation links set to `token` (the placeholder by default). */
export function withInvitationToken(text: string, token: string = INVITATION_TOKEN_PLACEHOLDER): string {
  return text.replace(LINK_TOKEN, (_, path: string) => `${path}${token}`);
}

/**
 * The absolute one-time link; ?lng= opens the page in the invitee's language. The placeholder is
 * written as it is (the outbox finds it by that spelling), a token is encoded like any segment.
 */
export function invitationLink(origin: string, token: string, language: Language): string {
  const path = paths.invitation(token, { lng: language }).replace(encodeURIComponent(INVITATION_TOKEN_PLACEHOLDER), INVITATION_TOKEN_PLACEHOLDER);
  return `${origin.replace(/\/+$/, "")}${path}`;
}

/**
 * The time zones offered on the acceptance form: UTC, then every IANA zone the runtime knows.
 * Computed on the server and sent with the page, so the browser renders the same list.
 */
export function timeZoneChoices(): string[] {
  return [...TIME_ZONES];
}
