import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { delegations } from "./delegations";
import { languageEnum, roleEnum } from "./enums";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-cased; the unique index makes two accounts per address impossible.
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: roleEnum("role").notNull(),
    // Every delegate belongs to exactly one delegation; other roles to none (checked below).
    delegationId: uuid("delegation_id").references(() => delegations.id),
    language: languageEnum("language").notNull().default("en"),
    timeZone: text("time_zone"),
    // A delegate who may clear the mission's text (the head of delegation, or another named by the
    // mission or the secretariat): clearing and submitting are then one step (issue 19).
    approver: boolean("approver").notNull().default(false),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // Who disabled the account (a secretariat officer); its sessions ended at that moment.
    disabledBy: uuid("disabled_by"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    // Two-factor sign-in (RFC 6238): the base32 secret once confirmed; the last time step used, so
    // that an overheard code cannot be replayed within its 30-second window.
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastStep: integer("totp_last_step"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_delegation_idx").on(t.delegationId),
    check("users_delegate_has_delegation", sql`(${t.role} = 'delegate') = (${t.delegationId} IS NOT NULL)`),
  ],
);

// Server-side sessions: the cookie holds a random token, the table only its SHA-256 hash.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
    // Moved forward (at most once a minute) by each request: the idle timeout counts from here.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sessions_token_hash_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

// Every sign-in attempt, for rate limiting per account and per address across app servers.
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ipAddress: text("ip_address").notNull(),
    succeeded: integer("succeeded").notNull().default(0),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.attemptedAt), index("login_attempts_ip_idx").on(t.ipAddress, t.attemptedAt)],
);

// Sign-in throttling counters, one row per bucket: "account:<email>", "pair:<email> <address>",
// "address:<address>". Rows are locked (SELECT … FOR UPDATE) while an attempt is counted, so that
// parallel attempts are all counted before any password is checked, across app servers.
export const loginThrottles = pgTable(
  "login_throttles",
  {
    key: text("key").primaryKey(),
    // Attempts in the current window that did not succeed (an attempt in flight counts as failed).
    failures: integer("failures").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
    // Account: the earliest time of its next attempt from an address it has not signed in from.
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    // Pair: the last successful sign-in from this address, which keeps the owner's way in open.
    succeededAt: timestamp("succeeded_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_throttles_updated_idx").on(t.updatedAt)],
);

// One-time invitation links: the account is created on first sign-in; links expire.
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name"),
    role: roleEnum("role").notNull(),
    delegationId: uuid("delegation_id").references(() => delegations.id),
    // The invitee's interface language (the email is written in it) and, if known, time zone.
    language: languageEnum("language").notNull().default("en"),
    timeZone: text("time_zone"),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    // Set when a newer invitation to the same address replaces this one, or the secretariat withdraws it.
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("invitations_token_hash_key").on(t.tokenHash), index("invitations_email_idx").on(t.email)],
);

// One-time password reset links: only the hash is kept; a link works once and for an hour.
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    ipAddress: text("ip_address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("password_resets_token_hash_key").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);

// Two-factor recovery codes: each works once, in place of a time-based code; only hashes are kept.
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recovery_codes_user_code_key").on(t.userId, t.codeHash)],
);
