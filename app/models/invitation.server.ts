import { createHash, randomBytes } from "node:crypto";
import { hash } from "argon2";
import { and, eq, gt, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { isActive } from "~/lib/consultation-status";
import { delegationName } from "~/lib/delegation-names";
import { invitationEmail } from "~/lib/invitation-email";
import { effectiveDeadline } from "~/lib/deadlines";
import { mayManageConsultation, speaksForDelegation } from "~/lib/permissions";
import {
  INVITATION_DEADLINE_MARGIN_MS,
  INVITATION_TOKEN_PLACEHOLDER,
  invitationExpiry,
  invitationLink,
  invitationState,
  isInvitationTokenShape,
} from "~/lib/invitation-rules";
import { recordAudit } from "~/models/audit.server";
import { queueNotifications } from "~/models/outbox.server";
import { normalizeEmail, sessionUserFields, type SessionUser } from "~/models/user.server";
import { getDb, schema, type Database, type Transaction } from "~/utils/db.server";
import { delegationNameColumns } from "~/models/delegation.server";

const { consultations, delegations, invitations, meetings, registrations, users } = schema;

/** The invitation is pending at `now` (the server's clock, or the database's `now()`): neither used nor withdrawn, and not expired. */
export const isPendingInvitation = (now: Date | SQL) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

// The link carries the token; the table keeps only its SHA-256, so a leaked table invites no one.
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type InviteResult =
  | {
      ok: true;
      invitationId: string;
      email: string;
      delegationId: string;
      token: string;
      /** The link with this token, for the officer to hand over when no mail server is configured. */
      link: string;
      expiresAt: Date;
      replaced: number;
    }
  | { ok: false; reason: "not_found" | "wrong_status" | "already_delegate" | "email_taken" };

type InviteInput = {
  consultationId: string;
  delegationId: string;
  email: string;
  name: string | null;
  language: Language;
  timeZone: string | null;
  /** The site's address for the absolute link, e.g. new URL(request.url).origin. */
  origin: string;
  ipAddress?: string | null;
};

/**
 * Invites a delegate of a delegation registered for the consultation: a new one-time link
 * (32 random bytes, only the hash stored, valid 14 days and at least until a week after the
 * delegation's deadline), earlier pending invitations to the
 * same address withdrawn, the email queued in the invitee's language, and "invitation.create"
 * in the audit log, all in one transaction. An address that already has an account is refused.
 */
export async function inviteDelegate(user: SessionUser, input: InviteInput): Promise<InviteResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction((tx) => createInvitation(tx, user, input, "invitation.create"));
}

async function createInvitation(
  tx: Transaction,
  user: SessionUser,
  input: InviteInput,
  action: "invitation.create" | "invitation.resend" | "mission.invite",
): Promise<InviteResult> {
  const email = normalizeEmail(input.email);
  const [target] = await tx
    .select({
      status: consultations.status,
      title: consultations.title,
      deadline: consultations.deadline,
      deadlineExtendedTo: registrations.deadlineExtendedTo,
      meeting: {
        body: meetings.body,
        venue: meetings.venue,
        bodyTranslations: meetings.bodyTranslations,
        venueTranslations: meetings.venueTranslations,
        startDate: meetings.startDate,
        endDate: meetings.endDate,
        timeZone: meetings.timeZone,
      },
      delegation: {
        id: delegations.id,
        code: delegations.code,
        ...delegationNameColumns,
      },
    })
    .from(registrations)
    .innerJoin(consultations, eq(consultations.id, registrations.consultationId))
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
    .where(and(eq(registrations.consultationId, input.consultationId), eq(registrations.delegationId, input.delegationId)));
  if (!target) return { ok: false, reason: "not_found" };
  if (!isActive(target.status)) return { ok: false, reason: "wrong_status" };

  // Two officers inviting one address at once: the second waits, then replaces the first.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invitation:${email}`}))`);
  const [account] = await tx.select({ role: users.role, delegationId: users.delegationId }).from(users).where(eq(users.email, email));
  if (account) {
    const sameDelegation = speaksForDelegation(account, input.delegationId);
    return { ok: false, reason: sameDelegation ? "already_delegate" : "email_taken" };
  }

  const now = new Date();
  const replaced = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });

  const token = randomBytes(32).toString("base64url");
  // A link must not die before the deadline it invites to.
  const expiresAt = invitationExpiry(now, effectiveDeadline(target.deadline, target.deadlineExtendedTo));
  const [invitation] = await tx
    .insert(invitations)
    .values({
      email,
      name: input.name,
      role: "delegate",
      delegationId: input.delegationId,
      language: input.language,
      timeZone: input.timeZone,
      tokenHash: hashInvitationToken(token),
      expiresAt,
      createdBy: user.id,
    })
    .returning({ id: invitations.id });
  const invitationId = invitation!.id;

  const message = invitationEmail({
    language: input.language,
    inviteeName: input.name,
    inviterName: user.name,
    inviterRole: action === "mission.invite" ? "focalPoint" : "secretariat",
    delegationName: delegationName(target.delegation, input.language),
    consultationTitle: target.title,
    meeting: target.meeting,
    // The queued copy has no token: the dispatcher issues one when it sends (issueInvitationToken).
    link: invitationLink(input.origin, INVITATION_TOKEN_PLACEHOLDER, input.language),
    expiresAt,
  });
  await queueNotifications(
    [
      {
        recipientEmail: email,
        language: input.language,
        kind: "invitation",
        subject: message.subject,
        body: message.body,
        consultationId: input.consultationId,
        dedupeKey: invitationMessageKey(invitationId),
      },
    ],
    tx,
  );
  await recordAudit(
    {
      actorId: user.id,
      action,
      entityType: "invitation",
      entityId: invitationId,
      consultationId: input.consultationId,
      details: { email, code: target.delegation.code, language: input.language, replaced: replaced.map((r) => r.id) },
      ipAddress: input.ipAddress ?? null,
    },
    tx,
  );
  const link = invitationLink(input.origin, token, input.language);
  return { ok: true, invitationId, email, delegationId: input.delegationId, token, link, expiresAt, replaced: replaced.length };
}

/**
 * A colleague invited by the mission's focal point (app/models/mission.server.ts), in the caller's
 * transaction, which has checked the focal point and the mission's limit: the same link, email (it
 * says who invites) and refusals as the secretariat's, audited as "mission.invite".
 */
export function inviteForMission(tx: Transaction, focalPoint: SessionUser, input: Omit<InviteInput, "timeZone">): Promise<InviteResult> {
  return createInvitation(tx, focalPoint, { ...input, timeZone: null }, "mission.invite");
}

/** The outbox's dedupe key of an invitation's email, and back. */
export const invitationMessageKey = (invitationId: string) => `invitation:${invitationId}`;
export function invitationIdOfMessage(dedupeKey: string | null): string | null {
  const id = dedupeKey?.startsWith("invitation:") ? dedupeKey.slice("invitation:".length) : null;
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}

/**
 * A fresh token for a still pending invitation, issued at the moment its email is sent: only its
 * hash is stored (replacing the previous one, so any earlier token stops working), and the token
 * itself lives only in the message handed to the mail server. Null when the invitation was
 * withdrawn, used or has expired: there is no link worth sending.
 */
export async function issueInvitationToken(db: Pick<Database, "update"> | Transaction, invitationId: string, now: Date = new Date()): Promise<string | null> {
  const token = randomBytes(32).toString("base64url");
  const [row] = await db
    .update(invitations)
    .set({ tokenHash: hashInvitationToken(token) })
    .where(and(eq(invitations.id, invitationId), isPendingInvitation(now)))
    .returning({ id: invitations.id });
  return row ? token : null;
}

/**
 * Pushes the expiry of the pending invitations of the consultation's registered delegations (or
 * of the ones named) to the new deadline plus the margin, when they would expire before it: a
 * deadline extended must not leave an invitee with a dead link. Links already expired, used or
 * withdrawn stay as they are (the secretariat resends those). Returns how many were extended.
 */
export async function extendPendingInvitations(
  tx: Transaction,
  input: { consultationId: string; deadline: Date; delegationIds?: string[]; now?: Date },
): Promise<number> {
  if (input.delegationIds && !input.delegationIds.length) return 0;
  const now = input.now ?? new Date();
  const until = new Date(input.deadline.getTime() + INVITATION_DEADLINE_MARGIN_MS);
  const registered = tx
    .select({ id: registrations.delegationId })
    .from(registrations)
    .where(
      and(eq(registrations.consultationId, input.consultationId), input.delegationIds ? inArray(registrations.delegationId, input.delegationIds) : undefined),
    );
  const extended = await tx
    .update(invitations)
    .set({ expiresAt: until })
    .where(and(inArray(invitations.delegationId, registered), isPendingInvitation(now), lt(invitations.expiresAt, until)))
    .returning({ id: invitations.id });
  return extended.length;
}

/** An invitation of a delegation registered for the consultation, locked for the change. */
async function invitationInConsultation(tx: Transaction, consultationId: string, invitationId: string) {
  const [row] = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      language: invitations.language,
      timeZone: invitations.timeZone,
      delegationId: invitations.delegationId,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(registrations, and(eq(registrations.consultationId, consultationId), eq(registrations.delegationId, invitations.delegationId)))
    .where(eq(invitations.id, invitationId))
    .for("update", { of: invitations });
  return row ?? null;
}

export type ResendResult = InviteResult | { ok: false; reason: "gone" };

/**
 * Sends a fresh link for a pending or expired invitation: a new token (the old one is withdrawn
 * with it), same address, name, language and time zone.
 */
export async function resendInvitation(
  user: SessionUser,
  input: { consultationId: string; invitationId: string; origin: string; ipAddress?: string | null },
): Promise<ResendResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const previous = await invitationInConsultation(tx, input.consultationId, input.invitationId);
    if (!previous?.delegationId) return { ok: false, reason: "not_found" } as const;
    if (previous.acceptedAt || previous.revokedAt) return { ok: false, reason: "gone" } as const;
    return createInvitation(
      tx,
      user,
      {
        consultationId: input.consultationId,
        delegationId: previous.delegationId,
        email: previous.email,
        name: previous.name,
        language: previous.language,
        timeZone: previous.timeZone,
        origin: input.origin,
        ipAddress: input.ipAddress,
      },
      "invitation.resend",
    );
  });
}

export type RevokeResult = { ok: true; email: string; delegationId: string | null } | { ok: false; reason: "not_found" | "gone" };

/** Withdraws a pending or expired invitation: its link stops working. */
export async function revokeInvitation(
  user: SessionUser,
  input: { consultationId: string; invitationId: string; ipAddress?: string | null },
): Promise<RevokeResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<RevokeResult> => {
    const invitation = await invitationInConsultation(tx, input.consultationId, input.invitationId);
    if (!invitation) return { ok: false, reason: "not_found" };
    const revoked = await revokeFound(tx, user, invitation, { action: "invitation.revoke", consultationId: input.consultationId, ipAddress: input.ipAddress });
    return revoked.ok ? { ok: true, email: invitation.email, delegationId: invitation.delegationId } : revoked;
  });
}

/**
 * Withdraws an invitation the caller found and locked, in its transaction (its link stops
 * working), audited as `action` with its address and `details`; "gone" when it was used or
 * withdrawn already. The secretariat's withdrawal, and the mission's focal point's.
 */
export async function revokeFound(
  tx: Transaction,
  user: SessionUser,
  invitation: { id: string; email: string; acceptedAt: Date | null; revokedAt: Date | null },
  entry: { action: string; consultationId: string; details?: Record<string, unknown>; ipAddress?: string | null },
): Promise<{ ok: true } | { ok: false; reason: "gone" }> {
  if (invitation.acceptedAt || invitation.revokedAt) return { ok: false, reason: "gone" };
  await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id));
  await recordAudit(
    {
      actorId: user.id,
      action: entry.action,
      entityType: "invitation",
      entityId: invitation.id,
      consultationId: entry.consultationId,
      details: { email: invitation.email, ...entry.details },
      ipAddress: entry.ipAddress ?? null,
    },
    tx,
  );
  return { ok: true };
}

export type InvitationLookup =
  | {
      state: "valid";
      invitation: {
        id: string;
        email: string;
        name: string | null;
        role: SessionUser["role"];
        language: Language;
        timeZone: string | null;
        expiresAt: Date;
        delegation: { nameAr: string; nameZh: string; nameEn: string; nameFr: string; nameRu: string; nameEs: string } | null;
      };
    }
  | { state: "unknown" | "expired" | "used" | "revoked" };

/** The invitation behind a link, found by the token's hash (never by comparing tokens). */
export async function findInvitationByToken(token: string): Promise<InvitationLookup> {
  if (!isInvitationTokenShape(token)) return { state: "unknown" };
  const db = await getDb();
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      language: invitations.language,
      timeZone: invitations.timeZone,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      delegation: {
        ...delegationNameColumns,
      },
    })
    .from(invitations)
    .leftJoin(delegations, eq(delegations.id, invitations.delegationId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) return { state: "unknown" };
  const state = invitationState(row);
  if (state !== "pending") return { state: state === "accepted" ? "used" : state };
  const { acceptedAt: _a, revokedAt: _r, ...invitation } = row;
  return { state: "valid", invitation };
}

export type AcceptResult = { ok: true; user: SessionUser } | { ok: false; reason: "unknown" | "expired" | "used" | "revoked" | "unavailable" };

// Thrown inside the transaction to undo the acceptance when the account cannot be created.
class AccountUnavailable extends Error {}

/**
 * Creates the invitee's account and uses up the invitation, in one transaction. The invitation
 * is claimed by a conditional UPDATE (not yet accepted, not withdrawn, not expired), so of two
 * simultaneous submissions exactly one succeeds. If an account with the address appeared in the
 * meantime, nothing is written and the answer does not say so ("unavailable").
 */
export async function acceptInvitation(input: {
  token: string;
  name: string;
  password: string;
  language: Language;
  timeZone: string;
  ipAddress?: string | null;
}): Promise<AcceptResult> {
  if (!isInvitationTokenShape(input.token)) return { ok: false, reason: "unknown" };
  // Hashing is slow on purpose: do it before holding any lock.
  const passwordHash = await hash(input.password);
  const tokenHash = hashInvitationToken(input.token);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const now = new Date();
      const [claimed] = await tx
        .update(invitations)
        .set({ acceptedAt: now })
        .where(and(eq(invitations.tokenHash, tokenHash), isPendingInvitation(now)))
        .returning({
          id: invitations.id,
          email: invitations.email,
          role: invitations.role,
          delegationId: invitations.delegationId,
        });
      if (!claimed) {
        const [row] = await tx
          .select({ expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt })
          .from(invitations)
          .where(eq(invitations.tokenHash, tokenHash));
        if (!row) return { ok: false, reason: "unknown" } as const;
        const state = invitationState(row, now);
        return { ok: false, reason: state === "accepted" ? "used" : state === "pending" ? "unavailable" : state } as const;
      }
      const [created] = await tx
        .insert(users)
        .values({
          email: claimed.email,
          name: input.name,
          passwordHash,
          role: claimed.role,
          delegationId: claimed.delegationId,
          language: input.language,
          timeZone: input.timeZone,
        })
        .onConflictDoNothing({ target: users.email })
        .returning(sessionUserFields);
      if (!created) throw new AccountUnavailable();
      await tx.update(invitations).set({ acceptedUserId: created.id }).where(eq(invitations.id, claimed.id));
      // Any other link still open for this address is now pointless.
      await tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.email, claimed.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
      await recordAudit(
        {
          actorId: created.id,
          action: "invitation.accept",
          entityType: "invitation",
          entityId: claimed.id,
          details: { email: claimed.email, delegationId: claimed.delegationId },
          ipAddress: input.ipAddress ?? null,
        },
        tx,
      );
      return { ok: true, user: created } as const;
    });
  } catch (error) {
    if (error instanceof AccountUnavailable) return { ok: false, reason: "unavailable" };
    throw error;
  }
}
