// The agenda's tables (agenda items, their discussion points and the versions of their wording),
// a later round's lineage (each point's origins in the previous round and the previous round's
// comments it answers) and the non-papers that froze those versions. See declaration.server.ts.
import { asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Archive } from "~/lib/archive-schema";
import { schema } from "~/utils/db.server";
import { at, iso, languageTexts } from "./common.server";
import { nested, top, type ArchiveTable, type Select } from "./declaration.server";

const { agendaItems, discussionPoints, nonPaperPoints, nonPapers, pointAnswers, pointOrigins, pointVersions } = schema;

type ItemEntry = Archive["agendaItems"][number];
type PointEntry = ItemEntry["points"][number];
type NonPaperEntry = Archive["nonPapers"][number];
type AnswerEntry = NonNullable<PointEntry["answers"]>[number];
type PreviousPointEntry = NonNullable<Archive["consultation"]["previousRound"]>["points"][number];

/** `{ [key]: list }`, or nothing for an empty list: a first round's points are written as in version 1. */
const listed = <K extends string, T>(key: K, list: T[]) => (list.length ? { [key]: list } : {}) as { [P in K]?: T[] };

export const agendaItemTable: ArchiveTable<typeof agendaItems, Select<typeof agendaItems>, ItemEntry> = {
  table: agendaItems,
  read: (tx, consultationId) =>
    tx
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.consultationId, consultationId))
      .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(agendaItems.id)),
  toEntry: (item, out) => ({
    id: item.id,
    number: item.number,
    heading: item.heading,
    title: item.title,
    introduction: item.introduction,
    position: item.position,
    createdAt: iso(item.createdAt),
    points: out.under(pointTable, item.id),
  }),
  entries: (archive) => top(archive.agendaItems, "agendaItems"),
  toRow: (item, into) => ({
    id: into.id(item.id),
    consultationId: into.consultationId,
    number: item.number,
    heading: item.heading,
    title: item.title,
    introduction: item.introduction,
    position: item.position,
    createdAt: at(item.createdAt),
  }),
  freeIds: true,
};

export const pointTable: ArchiveTable<typeof discussionPoints, Select<typeof discussionPoints>, PointEntry, ItemEntry> = {
  table: discussionPoints,
  read: (tx, consultationId) =>
    tx
      .select(getTableColumns(discussionPoints))
      .from(discussionPoints)
      .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
      .where(eq(agendaItems.consultationId, consultationId))
      .orderBy(asc(discussionPoints.position), asc(discussionPoints.createdAt), asc(discussionPoints.id)),
  under: (p) => p.agendaItemId,
  toEntry: (p, out) => ({
    id: p.id,
    label: p.label,
    position: p.position,
    createdAt: iso(p.createdAt),
    versions: out.under(versionTable, p.id),
    ...listed("origins", out.under(pointOriginTable, p.id)),
    ...listed("answers", out.under(pointAnswerTable, p.id)),
  }),
  entries: (archive) => nested(agendaItemTable.entries(archive), (item) => item.points, "points"),
  toRow: (p, into, item) => ({ id: into.id(p.id), agendaItemId: into.id(item.id), label: p.label, position: p.position, createdAt: at(p.createdAt) }),
  freeIds: true,
};

export const versionTable: ArchiveTable<typeof pointVersions, Select<typeof pointVersions>, PointEntry["versions"][number], PointEntry> = {
  table: pointVersions,
  read: (tx, consultationId) =>
    tx
      .select(getTableColumns(pointVersions))
      .from(pointVersions)
      .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
      .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
      .where(eq(agendaItems.consultationId, consultationId))
      .orderBy(asc(pointVersions.versionNumber), asc(pointVersions.id)),
  under: (v) => v.pointId,
  people: { authorId: "author" },
  toEntry: (v, out) => ({
    id: v.id,
    versionNumber: v.versionNumber,
    text: v.text,
    source: v.source,
    author: out.email(v.authorId),
    createdAt: iso(v.createdAt),
  }),
  entries: (archive) => nested(pointTable.entries(archive), (point) => point.versions, "versions"),
  toRow: (v, into, point) => ({
    id: into.id(v.id),
    pointId: into.id(point.id),
    versionNumber: v.versionNumber,
    text: v.text,
    source: v.source,
    authorId: into.person(v.author),
    createdAt: at(v.createdAt),
  }),
  freeIds: true,
};

// A later round's lineage. Only a round linked to its previous one has any (revision.server.ts
// writes them there, and the import restores them only there), so a first round reads nothing.
// On import, an origin or an answer is kept only when this instance holds the row it names, in
// the previous round the import links the round to (Lineage, plan.server.ts): both are foreign
// keys to another consultation's rows, which the file does not carry. Otherwise they are dropped,
// counted in the plan and the import's result, and the file's previousRound still says what each
// point was for anyone who reads it.

const formerPoint = alias(discussionPoints, "former_point");
const formerItem = alias(agendaItems, "former_item");

export type OriginRow = { pointId: string; originPointId: string; label: string; agendaItemNumber: string | null; text: string | null };

export const pointOriginTable: ArchiveTable<typeof pointOrigins, OriginRow, string, PointEntry> = {
  table: pointOrigins,
  // With what the file says of each origin (consultation.previousRound.points): its label, its
  // agenda item's number, and its wording as last circulated (its latest version if never).
  read: (tx, consultationId, { previousRoundId }) => {
    if (previousRoundId === null) return Promise.resolve([]);
    const wording = tx
      .selectDistinctOn([pointVersions.pointId], { pointId: pointVersions.pointId, text: pointVersions.text })
      .from(pointVersions)
      .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
      .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
      .leftJoin(nonPaperPoints, eq(nonPaperPoints.pointVersionId, pointVersions.id))
      .where(eq(agendaItems.consultationId, previousRoundId))
      .orderBy(pointVersions.pointId, sql`${nonPaperPoints.pointVersionId} is null`, desc(pointVersions.versionNumber))
      .as("former_wording");
    return tx
      .select({
        pointId: pointOrigins.pointId,
        originPointId: pointOrigins.originPointId,
        label: formerPoint.label,
        agendaItemNumber: formerItem.number,
        text: wording.text,
      })
      .from(pointOrigins)
      .innerJoin(discussionPoints, eq(discussionPoints.id, pointOrigins.pointId))
      .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
      .innerJoin(formerPoint, eq(formerPoint.id, pointOrigins.originPointId))
      .innerJoin(formerItem, eq(formerItem.id, formerPoint.agendaItemId))
      .leftJoin(wording, eq(wording.pointId, pointOrigins.originPointId))
      .where(eq(agendaItems.consultationId, consultationId))
      .orderBy(asc(formerItem.position), asc(formerPoint.position), asc(formerPoint.id), asc(pointOrigins.pointId));
  },
  under: (r) => r.pointId,
  toEntry: (r) => r.originPointId,
  entries: (archive) => nested(pointTable.entries(archive), (p) => p.origins ?? [], "origins"),
  // The previous round's point is not one of the file's: its id stays as it is, even in a copy.
  toRow: (originId, into, p) => ({ pointId: into.id(p.id), originPointId: originId }),
  keep: (originId, { lineage }) => lineage.points.has(originId.toLowerCase()),
};

/** The previous round's points the origins name, once each, in that round's agenda order. */
export function previousRoundPoints(rows: OriginRow[]): PreviousPointEntry[] {
  const points = new Map<string, PreviousPointEntry>();
  for (const r of rows) {
    if (!points.has(r.originPointId))
      points.set(r.originPointId, { id: r.originPointId, label: r.label, agendaItemNumber: r.agendaItemNumber, text: r.text ?? "" });
  }
  return [...points.values()];
}

export const pointAnswerTable: ArchiveTable<typeof pointAnswers, Select<typeof pointAnswers>, AnswerEntry, PointEntry> = {
  table: pointAnswers,
  read: (tx, consultationId, { previousRoundId }) =>
    previousRoundId === null
      ? Promise.resolve([])
      : tx
          .select(getTableColumns(pointAnswers))
          .from(pointAnswers)
          .innerJoin(discussionPoints, eq(discussionPoints.id, pointAnswers.pointId))
          .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
          .where(eq(agendaItems.consultationId, consultationId))
          .orderBy(asc(pointAnswers.linkedAt), asc(pointAnswers.commentId)),
  under: (r) => r.pointId,
  // Who linked it: a person as decidedBy of a disposition (in users; an account here on import).
  people: { linkedBy: "linkedBy" },
  toEntry: (r, out) => ({ commentId: r.commentId, linkedBy: out.email(r.linkedBy), linkedAt: iso(r.linkedAt) }),
  entries: (archive) => nested(pointTable.entries(archive), (p) => p.answers ?? [], "answers"),
  // The comment is the previous round's: its id stays as it is, even in a copy.
  toRow: (a, into, p) => ({ pointId: into.id(p.id), commentId: a.commentId, linkedBy: into.person(a.linkedBy), linkedAt: at(a.linkedAt) }),
  keep: (a, { lineage }) => lineage.comments.has(a.commentId.toLowerCase()),
};

export const nonPaperTable: ArchiveTable<typeof nonPapers, Select<typeof nonPapers>, NonPaperEntry> = {
  table: nonPapers,
  read: (tx, consultationId) => tx.select().from(nonPapers).where(eq(nonPapers.consultationId, consultationId)).orderBy(asc(nonPapers.number)),
  people: { circulatedBy: "circulatedBy" },
  toEntry: (n, out) => ({
    id: n.id,
    number: n.number,
    circulatedAt: iso(n.circulatedAt),
    circulatedBy: out.email(n.circulatedBy),
    coveringNote: n.coveringNote,
    ...languageTexts("coveringNoteTranslations", n.coveringNoteTranslations),
    pointVersions: out.under(nonPaperPointTable, n.id),
  }),
  entries: (archive) => top(archive.nonPapers, "nonPapers"),
  toRow: (n, into) => ({
    id: into.id(n.id),
    consultationId: into.consultationId,
    number: n.number,
    circulatedAt: at(n.circulatedAt),
    circulatedBy: into.person(n.circulatedBy),
    coveringNote: n.coveringNote,
    coveringNoteTranslations: n.coveringNoteTranslations ?? {},
  }),
  freeIds: true,
};

/** The point versions a non-paper froze: in the file, their ids. */
export const nonPaperPointTable: ArchiveTable<typeof nonPaperPoints, { nonPaperId: string; pointVersionId: string }, string, NonPaperEntry> = {
  table: nonPaperPoints,
  read: (tx, consultationId) =>
    tx
      .select({ nonPaperId: nonPaperPoints.nonPaperId, pointVersionId: nonPaperPoints.pointVersionId })
      .from(nonPaperPoints)
      .innerJoin(nonPapers, eq(nonPapers.id, nonPaperPoints.nonPaperId))
      .where(eq(nonPapers.consultationId, consultationId))
      .orderBy(asc(nonPaperPoints.pointVersionId)),
  under: (r) => r.nonPaperId,
  toEntry: (r) => r.pointVersionId,
  // In agenda order, the order of the file's points.
  order: (a, b, out) => out.agendaOrder(a) - out.agendaOrder(b),
  entries: (archive) => nested(nonPaperTable.entries(archive), (n) => n.pointVersions, "pointVersions"),
  toRow: (versionId, into, n) => ({ nonPaperId: into.id(n.id), pointVersionId: into.id(versionId) }),
};
