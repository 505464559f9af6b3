import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { consultations } from "./consultations";
import { languageEnum, outboxStatusEnum } from "./enums";
import { users } from "./users";

// Who did what when, for every state change. Append-only: a trigger refuses UPDATE, DELETE and
// TRUNCATE (migration 0009), and no foreign key may rewrite a row (no ON DELETE SET NULL or
// CASCADE), so a consultation or account with entries cannot be deleted at all.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    // e.g. "consultation.circulate", "session.sign_in"
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    consultationId: uuid("consultation_id").references(() => consultations.id, { onDelete: "restrict" }),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    ipAddress: text("ip_address"),
  },
  (t) => [index("audit_log_consultation_idx").on(t.consultationId, t.at), index("audit_log_actor_idx").on(t.actorId, t.at)],
);

// Messages are written here in the same transaction as the change that causes them, then sent.
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientUserId: uuid("recipient_user_id").references(() => users.id),
    recipientEmail: text("recipient_email").notNull(),
    language: languageEnum("language").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    consultationId: uuid("consultation_id").references(() => consultations.id, { onDelete: "cascade" }),
    // Guards against queuing the same message twice (e.g. a retried circulation).
    dedupeKey: text("dedupe_key"),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    // After a failed attempt, not before this instant (backoff); null means at once.
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("notification_outbox_status_idx").on(t.status, t.createdAt), uniqueIndex("notification_outbox_dedupe_key").on(t.dedupeKey)],
);
