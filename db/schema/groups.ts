import { sql } from "drizzle-orm";
import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { consultations } from "./consultations";
import { delegations } from "./delegations";
import { groupKindEnum } from "./enums";
import { users } from "./users";

// A group of States that speaks together (issue 19): a standing group of the whole instance
// (consultation null: the five UN regional groups, the European Union and its member States…) or one
// formed for a consultation. Names in the six languages, as delegations have them; membership as of
// a date, which the pages show.
export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id").references(() => consultations.id, { onDelete: "cascade" }),
    // Short and stable, e.g. "AFRICAN", "EU", "G77".
    code: text("code").notNull(),
    kind: groupKindEnum("kind").notNull(),
    nameAr: text("name_ar").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    nameFr: text("name_fr").notNull(),
    nameRu: text("name_ru").notNull(),
    nameEs: text("name_es").notNull(),
    // Articles for running text ("le Groupe des États d'Afrique", "el Grupo de los Estados de África").
    articleFr: text("article_fr"),
    articleEs: text("article_es"),
    membershipAsOf: date("membership_as_of").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("groups_consultation_code_key").on(t.consultationId, t.code),
    uniqueIndex("groups_standing_code_key")
      .on(t.code)
      .where(sql`${t.consultationId} is null`),
  ],
);

export const groupMembers = pgTable(
  "group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    delegationId: uuid("delegation_id")
      .notNull()
      .references(() => delegations.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.delegationId] }), index("group_members_delegation_idx").on(t.delegationId)],
);

// Which member delegation coordinates a group in a consultation: its delegates draft the group's
// submission ("Egypt, on behalf of the Group of African States").
export const groupCoordinators = pgTable(
  "group_coordinators",
  {
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    delegationId: uuid("delegation_id")
      .notNull()
      .references(() => delegations.id),
    assignedBy: uuid("assigned_by").references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.groupId] })],
);
