import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import { dispositionEnum, languageEnum, reviewTagEnum, translationStatusEnum } from "./enums";
import { comments } from "./submissions";
import { users } from "./users";

// The secretariat's unofficial translation of one comment into the working language.
export const translations = pgTable(
  "translations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    targetLanguage: languageEnum("target_language").notNull().default("en"),
    status: translationStatusEnum("status").notNull().default("draft"),
    body: text("body").notNull().default(""),
    proposedText: text("proposed_text"),
    // The original as it stood when translated: a differing original marks the translation outdated.
    sourceBody: text("source_body").notNull(),
    sourceProposedText: text("source_proposed_text"),
    machineAssisted: boolean("machine_assisted").notNull().default(false),
    // Optimistic concurrency between two officers working on the same translation.
    version: integer("version").notNull().default(1),
    translatorId: uuid("translator_id").references(() => users.id),
    finalizedBy: uuid("finalized_by").references(() => users.id),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("translations_comment_language_key").on(t.commentId, t.targetLanguage)],
);

// A chair's (or the secretariat's) private tag and note on a comment; never shown to delegations.
export const chairReviews = pgTable(
  "chair_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id),
    tag: reviewTagEnum("tag"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("chair_reviews_comment_reviewer_key").on(t.commentId, t.reviewerId), index("chair_reviews_reviewer_idx").on(t.reviewerId)],
);

// What became of one comment: one disposition per comment, shared by the secretariat and the
// consultation's chairs (unlike a review, which is each reviewer's own). The observation is the
// secretariat's short reason, written to be shown to the delegation; private notes stay in
// chair_reviews.
export const commentDispositions = pgTable("comment_dispositions", {
  commentId: uuid("comment_id")
    .primaryKey()
    .references(() => comments.id, { onDelete: "cascade" }),
  disposition: dispositionEnum("disposition").notNull(),
  observation: text("observation"),
  decidedBy: uuid("decided_by")
    .notNull()
    .references(() => users.id),
  decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
});
