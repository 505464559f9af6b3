// The agenda's tables (agenda items, their discussion points and the versions of their wording)
// and the non-papers that froze those versions. See declaration.server.ts.
import { asc, eq, getTableColumns } from "drizzle-orm";
import type { Archive } from "~/lib/archive-schema";
import { schema } from "~/utils/db.server";
import { at, iso, languageTexts } from "./common.server";
import { nested, top, type ArchiveTable, type Select } from "./declaration.server";

const { agendaItems, discussionPoints, nonPaperPoints, nonPapers, pointVersions } = schema;

type ItemEntry = Archive["agendaItems"][number];
type PointEntry = ItemEntry["points"][number];
type NonPaperEntry = Archive["nonPapers"][number];

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
  toEntry: (p, out) => ({ id: p.id, label: p.label, position: p.position, createdAt: iso(p.createdAt), versions: out.under(versionTable, p.id) }),
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
