import { index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { discussionPoints } from "./consultations";
import { comments } from "./submissions";
import { users } from "./users";

// The Chair's revised text (issue 18): a point of a second round's consultation and the points of
// the previous round it comes from. None: new in Rev.1; one: kept, revised or relabelled (or split,
// when that former point feeds several); several: merged. A former point no later point names was
// deleted. So "(c) in Rev.1 = former (b) and (d)" is read here, whatever the labels became.
export const pointOrigins = pgTable(
  "point_origins",
  {
    pointId: uuid("point_id")
      .notNull()
      .references(() => discussionPoints.id, { onDelete: "cascade" }),
    // The circulated point of the previous round; never deleted while a later point names it.
    originPointId: uuid("origin_point_id")
      .notNull()
      .references(() => discussionPoints.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.pointId, t.originPointId] }), index("point_origins_origin_idx").on(t.originPointId)],
);

// Which comments and amendments of the previous round a revised point answers: written when an
// amendment is applied, or by the officer. A "reflected" disposition names its Rev.1 point here.
export const pointAnswers = pgTable(
  "point_answers",
  {
    pointId: uuid("point_id")
      .notNull()
      .references(() => discussionPoints.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    linkedBy: uuid("linked_by").references(() => users.id),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pointId, t.commentId] }), index("point_answers_comment_idx").on(t.commentId)],
);
