import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { consultations } from "./consultations";
import { documentKindEnum, documentStatusEnum } from "./enums";
import { users } from "./users";

// Every generated document (non-paper, note verbale, CRP compilation) is kept as a numbered version.
export const generatedDocuments = pgTable(
  "generated_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    kind: documentKindEnum("kind").notNull(),
    versionNumber: integer("version_number").notNull(),
    status: documentStatusEnum("status").notNull().default("draft"),
    // The document model the exports are rendered from, so any two versions can be compared.
    model: jsonb("model").notNull(),
    // Digest of the data the model was built from, to tell whether anything changed since.
    sourceDigest: text("source_digest").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("generated_documents_version_key").on(t.consultationId, t.kind, t.versionNumber),
    index("generated_documents_consultation_idx").on(t.consultationId),
  ],
);
