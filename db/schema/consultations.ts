import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { delegations } from "./delegations";
import { consultationStatusEnum, languageEnum, type OfficialLanguage, meetingFormatEnum, participationEnum, pointVersionSourceEnum } from "./enums";
import { users } from "./users";

// A session of an intergovernmental body, e.g. the Working Group on Technical Assistance, July 2020.
export const meetings = pgTable("meetings", {
  id: uuid("id").primaryKey().defaultRandom(),
  body: text("body").notNull(),
  parentBody: text("parent_body"),
  symbolPrefix: text("symbol_prefix").notNull(),
  session: text("session").notNull(),
  venue: text("venue").notNull(),
  // The body's name and the venue in the other official languages, where the secretariat gives
  // them; \`body\` and \`venue\` (English) stand in for any language left out.
  bodyTranslations: jsonb("body_translations").$type<Partial<Record<OfficialLanguage, string>>>().notNull().default({}),
  venueTranslations: jsonb("venue_translations").$type<Partial<Record<OfficialLanguage, string>>>().notNull().default({}),
  startDate: date("start_date").notNull(),
  endDate: date("end_date").notNull(),
  format: meetingFormatEnum("format").notNull(),
  // IANA zone in which deadlines are stated, e.g. Europe/Vienna.
  timeZone: text("time_zone").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// A reflection period on a meeting's discussion points, ending in a CRP for the parent body.
export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    title: text("title").notNull(),
    status: consultationStatusEnum("status").notNull().default("draft"),
    workingLanguage: languageEnum("working_language").notNull().default("en"),
    // The instant the reflection period ends; shown in the meeting's zone and the reader's.
    deadline: timestamp("deadline", { withTimezone: true }),
    // Short code used in receipt numbers, e.g. CTOC-2020 -> CTOC-2020-PER-0001.
    receiptPrefix: text("receipt_prefix").notNull(),
    crpSymbol: text("crp_symbol"),
    parentSession: text("parent_session"),
    parentSessionVenue: text("parent_session_venue"),
    parentSessionStartDate: date("parent_session_start_date"),
    parentSessionEndDate: date("parent_session_end_date"),
    parentAgendaItemNumber: text("parent_agenda_item_number"),
    parentAgendaItemTitle: text("parent_agenda_item_title"),
    provisionalAgendaSymbol: text("provisional_agenda_symbol"),
    reflectionApprovedOn: date("reflection_approved_on"),
    reflectionApprovalMethod: text("reflection_approval_method"),
    // Secretariat's editable prose around the facts of the CRP introduction (issue 6): the
    // paragraph on why the points were circulated, and any other paragraph rewritten by hand
    // (by its key: session, approval, received, late, translations, presentation).
    introductionNote: text("introduction_note"),
    introductionParagraphs: jsonb("introduction_paragraphs").$type<Record<string, string>>(),
    coveringNote: text("covering_note"),
    // The covering note in other official languages, each sent to the missions whose delegates read
    // that language; \`coveringNote\` (English) goes to all others.
    coveringNoteTranslations: jsonb("covering_note_translations").$type<Partial<Record<OfficialLanguage, string>>>().notNull().default({}),
    circulatedAt: timestamp("circulated_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    compiledAt: timestamp("compiled_at", { withTimezone: true }),
    // Since when each delegation reads what became of its comments (issue 18); null: not shown to them.
    dispositionsPublishedAt: timestamp("dispositions_published_at", { withTimezone: true }),
    // A second round (issue 18): the consultation whose points this one's revised text (Rev.1)
    // revises, and its round number (1 for a first consultation). One follow-up per round.
    previousRoundId: uuid("previous_round_id").references((): AnyPgColumn => consultations.id),
    round: integer("round").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consultations_meeting_idx").on(t.meetingId),
    uniqueIndex("consultations_receipt_prefix_key").on(t.receiptPrefix),
    uniqueIndex("consultations_previous_round_key").on(t.previousRoundId),
  ],
);

// The chairs who may read and review a consultation.
export const consultationChairs = pgTable(
  "consultation_chairs",
  {
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.userId] }), index("consultation_chairs_user_idx").on(t.userId)],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    // "2" for agenda item 2; null for a section such as "General recommendations".
    number: text("number"),
    // The heading letter in the source document (A., B., …), kept for the CRP's hierarchy.
    heading: text("heading"),
    title: text("title").notNull(),
    // The sentence introducing the points, e.g. "The Working Group recommended that …".
    introduction: text("introduction"),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agenda_items_consultation_idx").on(t.consultationId, t.position)],
);

export const discussionPoints = pgTable(
  "discussion_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    // "(a)" or "Recommendation 1"
    label: text("label").notNull(),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("discussion_points_agenda_item_idx").on(t.agendaItemId, t.position)],
);

// Immutable: an edit inserts a new version; the highest number is the current text.
export const pointVersions = pgTable(
  "point_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pointId: uuid("point_id")
      .notNull()
      .references(() => discussionPoints.id, { onDelete: "cascade" }),
    versionNumber: integer("version_number").notNull(),
    text: text("text").notNull(),
    source: pointVersionSourceEnum("source").notNull(),
    authorId: uuid("author_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("point_versions_point_number_key").on(t.pointId, t.versionNumber), check("point_versions_number_positive", sql`${t.versionNumber} > 0`)],
);

// A circulated non-paper: the point versions frozen at circulation (a revised one gets number 2).
export const nonPapers = pgTable(
  "non_papers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    circulatedAt: timestamp("circulated_at", { withTimezone: true }).notNull().defaultNow(),
    circulatedBy: uuid("circulated_by").references(() => users.id),
    coveringNote: text("covering_note"),
    coveringNoteTranslations: jsonb("covering_note_translations").$type<Partial<Record<OfficialLanguage, string>>>().notNull().default({}),
  },
  (t) => [uniqueIndex("non_papers_consultation_number_key").on(t.consultationId, t.number)],
);

export const nonPaperPoints = pgTable(
  "non_paper_points",
  {
    nonPaperId: uuid("non_paper_id")
      .notNull()
      .references(() => nonPapers.id, { onDelete: "cascade" }),
    pointVersionId: uuid("point_version_id")
      .notNull()
      .references(() => pointVersions.id),
  },
  (t) => [primaryKey({ columns: [t.nonPaperId, t.pointVersionId] })],
);

// Which delegations take part; a per-delegation deadline extension lives here.
export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    delegationId: uuid("delegation_id")
      .notNull()
      .references(() => delegations.id),
    participation: participationEnum("participation").notNull().default("state_party"),
    deadlineExtendedTo: timestamp("deadline_extended_to", { withTimezone: true }),
    // The mission's focal point for this consultation (issue 19): one of its delegates, who may
    // invite and remove the mission's other delegates, up to `delegateLimit` active delegates.
    focalPointId: uuid("focal_point_id").references(() => users.id),
    delegateLimit: integer("delegate_limit"),
    registeredBy: uuid("registered_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("registrations_consultation_delegation_key").on(t.consultationId, t.delegationId),
    index("registrations_delegation_idx").on(t.delegationId),
  ],
);
