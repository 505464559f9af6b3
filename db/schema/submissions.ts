import { sql } from "drizzle-orm";
import { bigint, check, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agendaItems, consultations, discussionPoints, pointVersions } from "./consultations";
import { delegations } from "./delegations";
import { groups } from "./groups";
import { commentKindEnum, languageEnum, lateDecisionEnum, submissionSourceEnum, submissionStatusEnum } from "./enums";
import { users } from "./users";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

// Files kept as received: email attachments imported on a delegation's behalf, uploads.
export const attachments = pgTable("attachments", {
  id: uuid("id").primaryKey().defaultRandom(),
  consultationId: uuid("consultation_id").references(() => consultations.id, { onDelete: "cascade" }),
  filename: text("filename").notNull(),
  mediaType: text("media_type").notNull(),
  size: bigint("size", { mode: "number" }).notNull(),
  content: bytea("content").notNull(),
  uploadedBy: uuid("uploaded_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// One per delegation and consultation: the mission's shared draft plus its submitted revisions.
export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    delegationId: uuid("delegation_id")
      .notNull()
      .references(() => delegations.id),
    status: submissionStatusEnum("status").notNull().default("draft"),
    language: languageEnum("language").notNull().default("en"),
    // Optimistic concurrency for the shared draft: a save must name the version it started from.
    draftVersion: integer("draft_version").notNull().default(0),
    draftUpdatedAt: timestamp("draft_updated_at", { withTimezone: true }),
    draftUpdatedBy: uuid("draft_updated_by").references(() => users.id),
    // Issue 19: the group the submission speaks for (its delegation coordinates it), if any.
    onBehalfOfGroupId: uuid("on_behalf_of_group_id").references(() => groups.id),
    // Clearance inside the mission: a drafter asks, an approver clears the exact draft version; only
    // a cleared version (or the approver's own clear-and-submit) is submitted where the mission requires it.
    clearanceRequestedAt: timestamp("clearance_requested_at", { withTimezone: true }),
    clearanceRequestedBy: uuid("clearance_requested_by").references(() => users.id),
    clearedDraftVersion: integer("cleared_draft_version"),
    clearedBy: uuid("cleared_by").references(() => users.id),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("submissions_consultation_delegation_key").on(t.consultationId, t.delegationId)],
);

// Immutable once written: each submit or revision creates one with its own receipt.
export const submissionRevisions = pgTable(
  "submission_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    revisionNumber: integer("revision_number").notNull(),
    // Human-readable and unique, e.g. CTOC-2020-PER-0001.
    receiptNumber: text("receipt_number").notNull(),
    // Sent by the browser with each submit so a double click or retry yields one revision.
    idempotencyKey: text("idempotency_key").notNull(),
    // The shared draft's version that was frozen (null for a submission imported from an email).
    draftVersion: integer("draft_version"),
    language: languageEnum("language").notNull(),
    source: submissionSourceEnum("source").notNull().default("editor"),
    attachmentId: uuid("attachment_id").references(() => attachments.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid("submitted_by").references(() => users.id),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    // A revision after the deadline is held until the secretariat decides.
    late: lateDecisionEnum("late"),
    lateDecidedBy: uuid("late_decided_by").references(() => users.id),
    lateDecidedAt: timestamp("late_decided_at", { withTimezone: true }),
    lateReason: text("late_reason"),
  },
  (t) => [
    uniqueIndex("submission_revisions_number_key").on(t.submissionId, t.revisionNumber),
    uniqueIndex("submission_revisions_receipt_key").on(t.receiptNumber),
    uniqueIndex("submission_revisions_idempotency_key").on(t.submissionId, t.idempotencyKey),
  ],
);

// The last receipt sequence number given out in a consultation (CTOC-2020-PER-0007 -> 7). A row of
// its own, not a column of consultations: submits share-lock the consultation row, and bumping a
// counter there would make two of them wait for each other.
export const receiptCounters = pgTable("receipt_counters", {
  consultationId: uuid("consultation_id")
    .primaryKey()
    .references(() => consultations.id, { onDelete: "cascade" }),
  lastNumber: integer("last_number").notNull(),
});

// A comment belongs to the draft (revision_id null) or, frozen, to one submitted revision.
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    revisionId: uuid("revision_id").references(() => submissionRevisions.id, { onDelete: "cascade" }),
    kind: commentKindEnum("kind").notNull(),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id),
    pointId: uuid("point_id").references(() => discussionPoints.id),
    // For an amendment: the circulated version the proposed wording is measured against.
    basePointVersionId: uuid("base_point_version_id").references(() => pointVersions.id),
    // New proposals carry the delegation's own labels: (a), (b), …
    label: text("label"),
    position: integer("position").notNull().default(0),
    language: languageEnum("language").notNull(),
    body: text("body").notNull().default(""),
    proposedText: text("proposed_text"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("comments_submission_idx").on(t.submissionId, t.revisionId),
    index("comments_revision_idx").on(t.revisionId),
    index("comments_point_idx").on(t.pointId),
    check("comments_point_kinds_have_point", sql`(${t.kind} IN ('point', 'amendment')) = (${t.pointId} IS NOT NULL)`),
    check("comments_amendment_has_text", sql`${t.kind} <> 'amendment' OR ${t.proposedText} IS NOT NULL`),
  ],
);

// Who has the delegation's draft open in an editor, refreshed by the page every half minute, so
// that colleagues of one mission see each other before their edits meet. Kept in the database
// (not in a server's memory) because any app server may answer any page.
export const draftPresence = pgTable(
  "draft_presence",
  {
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    delegationId: uuid("delegation_id")
      .notNull()
      .references(() => delegations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.userId] }), index("draft_presence_delegation_idx").on(t.consultationId, t.delegationId, t.seenAt)],
);

// Delegations named as co-sponsors of a submission: it counts as theirs once they confirm, and no
// longer once they withdraw.
export const submissionCosponsors = pgTable(
  "submission_cosponsors",
  {
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    delegationId: uuid("delegation_id")
      .notNull()
      .references(() => delegations.id),
    invitedBy: uuid("invited_by").references(() => users.id),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.delegationId] }), index("submission_cosponsors_delegation_idx").on(t.delegationId)],
);

// A delegation aligning itself with another's (or a group's) submission before the deadline, with a
// receipt of its own; its additional comments, if any, are its own submission.
export const alignments = pgTable(
  "alignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    delegationId: uuid("delegation_id")
      .notNull()
      .references(() => delegations.id),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    receiptNumber: text("receipt_number").notNull(),
    alignedBy: uuid("aligned_by").references(() => users.id),
    alignedAt: timestamp("aligned_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("alignments_delegation_submission_key").on(t.delegationId, t.submissionId),
    uniqueIndex("alignments_receipt_key").on(t.receiptNumber),
    index("alignments_consultation_idx").on(t.consultationId),
  ],
);
