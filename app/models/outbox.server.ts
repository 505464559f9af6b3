import { getDb, schema, type Database } from "~/utils/db.server";
import type { Language } from "~/i18n/languages";

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
