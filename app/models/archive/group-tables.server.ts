// The groups of States a consultation uses (format version 3, issue 19): its own groups, and the
// standing groups of the instance that its submissions speak for or that it names a coordinator of,
// each with its members (by delegation code) and its coordinator in this consultation. See
// declaration.server.ts.
//
// A standing group is the instance's, not the consultation's: an import finds it by its code (as
// the seed does, db/seed.ts) and uses the one it has, names and membership included, writing
// neither the group nor its members again (the plan lists it as matched); only a standing group the
// instance lacks is created from the file. The consultation's own groups are written with it.
import { and, asc, eq, getTableColumns, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Archive } from "~/lib/archive-schema";
import { schema } from "~/utils/db.server";
import { at, iso } from "./common.server";
import { nested, top, type ArchiveTable, type Select } from "./declaration.server";

const { delegations, groupCoordinators, groupMembers, groups, submissions } = schema;

export type GroupEntry = NonNullable<Archive["groups"]>[number];
type CoordinatorEntry = NonNullable<GroupEntry["coordinator"]>;

/** The groups the file lists: none in a file older than version 3. */
export const fileGroups = (archive: Archive): GroupEntry[] => archive.groups ?? [];

/** A standing group this instance has already (by code): used as it is, never written again. */
const matched = (g: GroupEntry, standingGroups: ReadonlyMap<string, string>) => g.standing && standingGroups.has(g.id.toLowerCase());

type GroupRow = Select<typeof groups> & { members: string[] };

export const groupTable: ArchiveTable<typeof groups, GroupRow, GroupEntry> = {
  table: groups,
  // One query, members included (at most a few hundred per group): the consultation's own groups,
  // and the standing ones a submission speaks for or the consultation names a coordinator of.
  // Standing groups first, each list by code. (The group's id is qualified by hand in the
  // subquery: drizzle writes a single table's columns unqualified.)
  read: (tx, consultationId) =>
    tx
      .select({
        ...getTableColumns(groups),
        members: sql<string[]>`(select coalesce(array_agg(d.code::text order by d.code::text), '{}') from ${groupMembers} gm
          join ${delegations} d on d.id = gm.delegation_id where gm.group_id = ${groups}.id)`,
      })
      .from(groups)
      .where(
        or(
          eq(groups.consultationId, consultationId),
          inArray(groups.id, tx.select({ id: groupCoordinators.groupId }).from(groupCoordinators).where(eq(groupCoordinators.consultationId, consultationId))),
          inArray(
            groups.id,
            tx
              .select({ id: sql<string>`${submissions.onBehalfOfGroupId}` })
              .from(submissions)
              .where(and(eq(submissions.consultationId, consultationId), isNotNull(submissions.onBehalfOfGroupId))),
          ),
        ),
      )
      .orderBy(sql`${groups.consultationId} is not null`, asc(groups.code), asc(groups.id)),
  people: { createdBy: "createdBy" },
  toEntry: (g, out) => ({
    id: g.id,
    code: g.code,
    standing: g.consultationId === null,
    kind: g.kind,
    names: { ar: g.nameAr, zh: g.nameZh, en: g.nameEn, fr: g.nameFr, ru: g.nameRu, es: g.nameEs },
    articles: { fr: g.articleFr, es: g.articleEs },
    membershipAsOf: g.membershipAsOf,
    members: g.members,
    coordinator: out.under(groupCoordinatorTable, g.id)[0] ?? null,
    createdBy: out.email(g.createdBy),
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
  }),
  entries: (archive) => top(fileGroups(archive), "groups"),
  toRow: (g, into) => ({
    id: into.group(g.id),
    consultationId: g.standing ? null : into.consultationId,
    code: g.code,
    kind: g.kind,
    nameAr: g.names.ar,
    nameZh: g.names.zh,
    nameEn: g.names.en,
    nameFr: g.names.fr,
    nameRu: g.names.ru,
    nameEs: g.names.es,
    articleFr: g.articles.fr,
    articleEs: g.articles.es,
    membershipAsOf: g.membershipAsOf,
    createdBy: into.person(g.createdBy),
    createdAt: at(g.createdAt),
    updatedAt: at(g.updatedAt),
  }),
  freeIds: true,
  keep: (g, { standingGroups }) => !matched(g, standingGroups),
};

/** A group's members: read with the group (groupTable), written here for the groups the import creates. */
export const groupMemberTable: ArchiveTable<typeof groupMembers, never, string, GroupEntry> = {
  table: groupMembers,
  entries: (archive) => nested(top(fileGroups(archive), "groups"), (g) => g.members, "members"),
  toRow: (code, into, g) => ({ groupId: into.group(g.id), delegationId: into.delegation(code) }),
  keep: (_code, { standingGroups }, g) => !matched(g, standingGroups),
};

type CoordinatorRow = Select<typeof groupCoordinators> & { code: string };

/** Who coordinates a group in this consultation: the consultation's, so written for a standing group found here too. */
export const groupCoordinatorTable: ArchiveTable<typeof groupCoordinators, CoordinatorRow, CoordinatorEntry, GroupEntry> = {
  table: groupCoordinators,
  read: (tx, consultationId) =>
    tx
      .select({ ...getTableColumns(groupCoordinators), code: delegations.code })
      .from(groupCoordinators)
      .innerJoin(delegations, eq(delegations.id, groupCoordinators.delegationId))
      .where(eq(groupCoordinators.consultationId, consultationId)),
  under: (r) => r.groupId,
  people: { assignedBy: "assignedBy" },
  toEntry: (r, out) => ({ delegation: r.code, assignedBy: out.email(r.assignedBy), assignedAt: iso(r.assignedAt) }),
  entries: (archive) =>
    top(fileGroups(archive), "groups").flatMap(({ entry: g, path }) =>
      g.coordinator ? [{ entry: g.coordinator, parent: g, path: `${path}.coordinator` }] : [],
    ),
  toRow: (c, into, g) => ({
    consultationId: into.consultationId,
    groupId: into.group(g.id),
    delegationId: into.delegation(c.delegation),
    assignedBy: into.person(c.assignedBy),
    assignedAt: at(c.assignedAt),
  }),
};
