import { and, asc, count, desc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { HIDDEN_LINK, hideInvitationLinks, withInvitationToken } from "~/lib/invitation-rules";
import { invitationIdOfMessage, issueInvitationToken } from "~/models/invitation.server";
import { hideResetLinks, PASSWORD_RESET_KIND, withResetToken } from "~/lib/password-reset-rules";
import { mayManageOutbox } from "~/lib/permissions";
import { issuePasswordResetToken, passwordResetIdOfMessage } from "~/models/password-reset.server";
import { recordAudit } from "~/models/audit.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Database } from "~/utils/db.server";
import { isConnectionError, isMailConfigured, openMailSender } from "~/utils/mailer.server";

const { consultations, notificationOutbox } = schema;

export type QueuedNotification = {
  recipientEmail: string;
  recipientUserId?: string | null;
  language: Language;
  /** e.g. "consultation.circulated", "invitation" */
  kind: string;
  subject: string;
  body: string;
  consultationId?: string | null;
  /** Same key twice queues one message (a retried circulation sends nothing new). */
  dedupeKey?: string | null;
};

/**
 * Queue messages in the caller's transaction, so they exist exactly when the change that causes
 * them commits. Sending is separate (the outbox dispatcher).
 */
export async function queueNotifications(messages: QueuedNotification[], db?: Pick<Database, "insert">) {
  if (!messages.length) return;
  const target = db ?? (await getDb());
  await target
    .insert(schema.notificationOutbox)
    .values(
      messages.map((m) => ({
        recipientEmail: m.recipientEmail,
        recipientUserId: m.recipientUserId ?? null,
        language: m.language,
        kind: m.kind,
        subject: m.subject,
        body: m.body,
        consultationId: m.consultationId ?? null,
        dedupeKey: m.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing({ target: schema.notificationOutbox.dedupeKey });
}

// ---------------------------------------------------------------------------------------------
// Sending

export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** After this many failed attempts a message is marked failed (the secretariat can retry it). */
export const MAX_ATTEMPTS = 5;
/** A claimed message is not claimed again before this, even if its server died mid-batch. */
const CLAIM_LEASE_MS = 15 * 60_000;
const LAST_ERROR_LENGTH = 1_000;

/** Wait before the next attempt after `attempts` failures: 1, 4, 16, 64 minutes. */
export function backoffDelayMs(attempts: number): number {
  return 60_000 * 4 ** Math.max(0, attempts - 1);
}

export type DispatchResult = { configured: false } | { configured: true; claimed: number; sent: number; retrying: number; failed: number };

/**
 * Sends up to `limit` due messages. Rows are claimed with FOR UPDATE SKIP LOCKED and leased (their
 * next attempt pushed out) in one statement, so several servers never send one message twice;
 * sending happens outside any transaction, so a slow mail server blocks no database connection.
 * Each message is then marked sent, or its failure is counted with a growing delay, and after
 * MAX_ATTEMPTS it is marked failed. Without SMTP_URL nothing is claimed: messages stay pending.
 */
export async function dispatchPendingNotifications(options: { limit?: number; now?: Date } = {}): Promise<DispatchResult> {
  if (!isMailConfigured()) return { configured: false };
  const limit = options.limit ?? 25;
  const now = options.now ?? new Date();
  const db = await getDb();
  const due = db
    .select({ id: notificationOutbox.id })
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.status, "pending"), or(isNull(notificationOutbox.nextAttemptAt), lte(notificationOutbox.nextAttemptAt, now))))
    .orderBy(asc(notificationOutbox.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(notificationOutbox)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(inArray(notificationOutbox.id, due))
    .returning({
      id: notificationOutbox.id,
      recipientEmail: notificationOutbox.recipientEmail,
      language: notificationOutbox.language,
      kind: notificationOutbox.kind,
      dedupeKey: notificationOutbox.dedupeKey,
      subject: notificationOutbox.subject,
      body: notificationOutbox.body,
      attempts: notificationOutbox.attempts,
      createdAt: notificationOutbox.createdAt,
    });
  const result = { configured: true as const, claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  if (!claimed.length) return result;
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const sender = openMailSender();
  if (!sender) return result;
  let serverError: unknown = null;
  try {
    for (const message of claimed) {
      let error: unknown = serverError;
      let text: string | null = message.body;
      if (!error) {
        text = await bodyToSend(db, message, now);
        if (text === null) {
          // The invitation was withdrawn, used or has expired: no link worth sending, nor retrying.
          await db
            .update(notificationOutbox)
            .set({
              status: "failed",
              attempts: message.attempts + 1,
              nextAttemptAt: null,
              lastError: message.kind === PASSWORD_RESET_KIND ? RESET_GONE : INVITATION_GONE,
            })
            .where(eq(notificationOutbox.id, message.id));
          result.failed++;
          continue;
        }
      }
      if (!error) {
        try {
          await sender.send({ to: message.recipientEmail, subject: message.subject, text: text!, language: message.language });
        } catch (caught) {
          error = caught;
          // The server is unreachable or refuses us: the rest of the batch would fail the same way.
          if (isConnectionError(caught)) serverError = caught;
        }
      }
      if (!error) {
        await db
          .update(notificationOutbox)
          // An older message may still hold a real token: the stored copy keeps the placeholder only.
          .set({
            status: "sent",
            sentAt: new Date(),
            nextAttemptAt: null,
            attempts: message.attempts + 1,
            lastError: null,
            ...(message.kind === "invitation" ? { body: withInvitationToken(message.body) } : {}),
          })
          .where(eq(notificationOutbox.id, message.id));
        result.sent++;
        continue;
      }
      const attempts = message.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .update(notificationOutbox)
        .set({
          status: giveUp ? "failed" : "pending",
          attempts,
          lastError: describeError(error),
          nextAttemptAt: giveUp ? null : new Date(now.getTime() + backoffDelayMs(attempts)),
        })
        .where(eq(notificationOutbox.id, message.id));
      if (giveUp) result.failed++;
      else result.retrying++;
    }
  } finally {
    sender.close();
  }
  return result;
}

const INVITATION_GONE = "Not sent: the invitation was withdrawn, used or has expired.";
const RESET_GONE = "Not sent: the password reset link was used, withdrawn or has expired.";

/**
 * The text handed to the mail server. An invitation's link gets its token only now, a fresh one
 * (issueInvitationToken), so the token exists in no stored row; null if the invitation is no
 * longer pending. Other messages go as stored.
 */
async function bodyToSend(db: Database, message: { kind: string; dedupeKey: string | null; body: string }, now: Date): Promise<string | null> {
  if (message.kind === PASSWORD_RESET_KIND) {
    // A reset link, like an invitation's, gets its token only now.
    const resetId = passwordResetIdOfMessage(message.dedupeKey);
    if (!resetId) return null;
    const token = await issuePasswordResetToken(db, resetId, now);
    return token ? withResetToken(message.body, token) : null;
  }
  if (message.kind !== "invitation") return message.body;
  const invitationId = invitationIdOfMessage(message.dedupeKey);
  if (!invitationId) return message.body;
  const token = await issueInvitationToken(db, invitationId, now);
  return token ? withInvitationToken(message.body, token) : null;
}

/** The message as it would be sent now (tests; the link's token is issued, as for a real send). */
export async function renderForSending(messageId: string, now: Date = new Date()): Promise<string | null> {
  const db = await getDb();
  const [message] = await db
    .select({ kind: notificationOutbox.kind, dedupeKey: notificationOutbox.dedupeKey, body: notificationOutbox.body })
    .from(notificationOutbox)
    .where(eq(notificationOutbox.id, messageId));
  return message ? bodyToSend(db, message, now) : null;
}

function describeError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown } | null;
  const parts = [
    typeof e?.code === "string" ? e.code : null,
    typeof e?.responseCode === "number" ? String(e.responseCode) : null,
    typeof e?.response === "string" ? e.response : typeof e?.message === "string" ? e.message : String(error),
  ].filter(Boolean);
  return parts.join(" ").slice(0, LAST_ERROR_LENGTH);
}

// One dispatcher per process, kept across Vite hot reloads.
const dispatcher = globalThis as typeof globalThis & {
  __nonpaperDispatcher?: { timer: ReturnType<typeof setInterval> | null; running: boolean; again: boolean };
};
function dispatcherState() {
  dispatcher.__nonpaperDispatcher ??= { timer: null, running: false, again: false };
  return dispatcher.__nonpaperDispatcher;
}

/** Sends until nothing is due; a call during a run makes the run go round once more. */
async function drainOutbox(): Promise<void> {
  const state = dispatcherState();
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      const batchSize = 25;
      for (;;) {
        const result = await dispatchPendingNotifications({ limit: batchSize });
        if (!result.configured || result.claimed < batchSize) break;
      }
    } while (state.again);
  } catch (error) {
    console.error("Nonpaper: sending notifications failed", error);
  } finally {
    state.running = false;
  }
}

/** Send what is due now, without waiting (after a circulation, a retry). Nothing without SMTP_URL. */
export function kickNotificationDispatch(): void {
  if (!isMailConfigured()) return;
  void drainOutbox();
}

/**
 * Sends due messages every `intervalMs` (retries after backoff, messages queued by other servers).
 * The timer is unref'd so that it never keeps a stopping server alive. Returns a stop function.
 */
export function startNotificationDispatcher(intervalMs = 30_000): () => void {
  const state = dispatcherState();
  if (!state.timer) {
    state.timer = setInterval(() => void drainOutbox(), intervalMs);
    state.timer.unref();
    void drainOutbox();
  }
  return () => {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
  };
}

// ---------------------------------------------------------------------------------------------
// The secretariat's outbox page

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxFilter = { status: OutboxStatus | null; consultationId: string | null; page: number };

/**
 * One page of messages, newest first, with the counts by status and the consultations to filter
 * by: three queries whatever the number of messages. Secretariat only (null otherwise).
 */
export async function listOutbox(user: SessionUser, filter: OutboxFilter) {
  if (!mayManageOutbox(user)) return null;
  const db = await getDb();
  const byConsultation = filter.consultationId ? eq(notificationOutbox.consultationId, filter.consultationId) : undefined;
  const where = and(byConsultation, filter.status ? eq(notificationOutbox.status, filter.status) : undefined);
  const [countRows, consultationOptions] = await Promise.all([
    db.select({ status: notificationOutbox.status, n: count() }).from(notificationOutbox).where(byConsultation).groupBy(notificationOutbox.status),
    db.select({ id: consultations.id, title: consultations.title }).from(consultations).orderBy(desc(consultations.createdAt)),
  ]);
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const row of countRows) counts[row.status] = row.n;
  const total = filter.status ? counts[filter.status] : counts.pending + counts.sent + counts.failed;
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  const messages = await db
    .select({
      id: notificationOutbox.id,
      recipientEmail: notificationOutbox.recipientEmail,
      language: notificationOutbox.language,
      kind: notificationOutbox.kind,
      subject: notificationOutbox.subject,
      body: notificationOutbox.body,
      status: notificationOutbox.status,
      attempts: notificationOutbox.attempts,
      lastError: notificationOutbox.lastError,
      nextAttemptAt: notificationOutbox.nextAttemptAt,
      createdAt: notificationOutbox.createdAt,
      sentAt: notificationOutbox.sentAt,
      consultation: { id: consultations.id, title: consultations.title },
    })
    .from(notificationOutbox)
    .leftJoin(consultations, eq(consultations.id, notificationOutbox.consultationId))
    .where(where)
    // The id breaks ties between messages queued in the same transaction (same created_at).
    .orderBy(desc(notificationOutbox.createdAt), asc(notificationOutbox.recipientEmail), asc(notificationOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  // Invitation links never reach the page, whatever the message's state (the page says "link hidden").
  const shown = messages.map((m) => ({ ...m, body: hideResetLinks(hideInvitationLinks(m.body, HIDDEN_LINK), HIDDEN_LINK) }));
  return { messages: shown, counts, total, page, pages, consultations: consultationOptions, mailConfigured: isMailConfigured() };
}

/**
 * Puts failed messages back in the queue with a fresh count of attempts (all of them, or one
 * consultation's), with an audit entry. Returns how many. Secretariat only.
 */
export async function retryFailedNotifications(
  user: SessionUser,
  input: { consultationId?: string | null; ipAddress?: string | null },
): Promise<{ ok: true; count: number } | { ok: false; reason: "forbidden" }> {
  if (!mayManageOutbox(user)) return { ok: false, reason: "forbidden" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const retried = await tx
      .update(notificationOutbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: null })
      .where(and(eq(notificationOutbox.status, "failed"), input.consultationId ? eq(notificationOutbox.consultationId, input.consultationId) : undefined))
      .returning({ id: notificationOutbox.id });
    if (retried.length) {
      await recordAudit(
        {
          actorId: user.id,
          action: "outbox.retry",
          entityType: "notification_outbox",
          consultationId: input.consultationId ?? null,
          details: { count: retried.length },
          ipAddress: input.ipAddress ?? null,
        },
        tx,
      );
    }
    return { ok: true, count: retried.length } as const;
  });
}

/** Counts of messages by status. */
export function outboxStatusCounts(rows: { status: OutboxStatus }[]): Record<OutboxStatus, number> {
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}
