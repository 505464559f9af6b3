import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { delegationKindEnum } from "./enums";

// A State, the European Union or an organization that can send comments. Names are the UN short
// names without the article ("Netherlands (Kingdom of the)", not "Netherlands (the)").
export const delegations = pgTable(
  "delegations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    kind: delegationKindEnum("kind").notNull(),
    iso2: text("iso2"),
    iso3: text("iso3"),
    m49: text("m49"),
    nameAr: text("name_ar").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    nameFr: text("name_fr").notNull(),
    nameRu: text("name_ru").notNull(),
    nameEs: text("name_es").notNull(),
    // Articles used in running text ("le Pérou", "el Perú"); lists print names without them.
    articleFr: text("article_fr"),
    articleEs: text("article_es"),
    formalNameEn: text("formal_name_en"),
    // The mission's own workflow (issue 19): nothing leaves before an approver has cleared the text.
    clearanceRequired: boolean("clearance_required").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("delegations_code_key").on(t.code), index("delegations_name_en_idx").on(t.nameEn)],
);
