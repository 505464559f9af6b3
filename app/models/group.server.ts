// Groups of States (issue 19): the instance's standing groups and a consultation's own, their
// members and, per consultation, their coordinator. The secretariat's to change (mayManageConsultation):
// to anyone else every function answers as if the group or the consultation did not exist. Every
// change is audited in its transaction; every read is a fixed number of queries, however many
// members a group has (the Group of 77 and China: 134).
import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { isUniqueViolation } from "~/lib/database-errors";
import type { DelegationArticles, DelegationNames } from "~/lib/delegation-names";
import {
  canChangeConsultationGroups,
  groupCodeFrom,
  matchMemberList,
  MAX_GROUP_MEMBERS,
  namesOf,
  STANDING_KINDS,
  type GroupArticles,
  type GroupKind,
  type GroupNames,
} from "~/lib/groups";
import type { ConsultationStatus } from "~/lib/consultation-status";
import { mayManageConsultation } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { delegationSentenceColumns } from "~/models/delegation.server";
import { listDelegationsForMatching, lockedStatus } from "~/models/registration.server";
import { toMatchable } from "~/lib/registration-review";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";

const { consultations, delegations, groupCoordinators, groupMembers, groups, registrations, submissions } = schema;

/** A group's own columns: its names in six languages with their articles, and the date of its membership. */
const groupColumns = {
  id: groups.id,
  consultationId: groups.consultationId,
  code: groups.code,
  kind: groups.kind,
  nameAr: groups.nameAr,
  nameZh: groups.nameZh,
  nameEn: groups.nameEn,
  nameFr: groups.nameFr,
  nameRu: groups.nameRu,
  nameEs: groups.nameEs,
  articleFr: groups.articleFr,
  articleEs: groups.articleEs,
  membershipAsOf: groups.membershipAsOf,
  updatedAt: groups.updatedAt,
};

const memberColumns = { id: delegations.id, code: delegations.code, ...delegationSentenceColumns };

/** A group's names and articles as the forms give them. */
export type GroupNamesInput = GroupNames & GroupArticles;

type Refusal = "not_found" | "wrong_status";

// ---------------------------------------------------------------------------------------------
// Reading

/** The instance's standing groups with how many members each has: one query (null to all but the secretariat). */
export async function listStandingGroups(user: SessionUser) {
  if (!mayManageConsultation(user)) return null;
  const db = await getDb();
  return db
    .select({ ...groupColumns, memberCount: count(groupMembers.delegationId) })
    .from(groups)
    .leftJoin(groupMembers, eq(groupMembers.groupId, groups.id))
    .where(isNull(groups.consultationId))
    .groupBy(groups.id)
    .orderBy(asc(groups.kind), asc(groups.nameEn));
}

/**
 * One group, standing or a consultation's, with its members (and the consultation it belongs to):
 * two queries. Null to all but the secretariat, and when there is no such group.
 */
export async function getGroupPage(user: SessionUser, groupId: string) {
  if (!mayManageConsultation(user)) return null;
  const db = await getDb();
  const [[group], members] = await Promise.all([
    db
      .select({ ...groupColumns, consultation: { id: consultations.id, title: consultations.title, status: consultations.status } })
      .from(groups)
      .leftJoin(consultations, eq(consultations.id, groups.consultationId))
      .where(eq(groups.id, groupId)),
    db
      .select(memberColumns)
      .from(groupMembers)
      .innerJoin(delegations, eq(delegations.id, groupMembers.delegationId))
      .where(eq(groupMembers.groupId, groupId))
      .orderBy(asc(delegations.nameEn)),
  ]);
  if (!group) return null;
  return { group: { ...group, consultation: group.consultation?.id ? group.consultation : null }, members };
}

/**
 * The groups that concern a consultation (its own, and the standing groups with a member registered
 * for it), each with its member and registered counts; the registered members of each (those that
 * may coordinate it); and its coordinator here. Three queries, whatever the groups' sizes. No check
 * of the reader: for the models and pages that have checked already.
 */
export async function readConsultationGroups(db: Reader, consultationId: string) {
  const registeredHere = and(eq(registrations.delegationId, groupMembers.delegationId), eq(registrations.consultationId, consultationId));
  const ofThisConsultation = or(eq(groups.consultationId, consultationId), isNull(groups.consultationId));
  const [rows, registeredMembers, coordinators] = await Promise.all([
    db
      .select({ ...groupColumns, memberCount: count(groupMembers.delegationId), registeredCount: count(registrations.delegationId) })
      .from(groups)
      .leftJoin(groupMembers, eq(groupMembers.groupId, groups.id))
      .leftJoin(registrations, registeredHere)
      .where(ofThisConsultation)
      .groupBy(groups.id)
      .having(or(eq(groups.consultationId, consultationId), sql`count(${registrations.delegationId}) > 0`))
      // The consultation's own groups after the standing ones.
      .orderBy(sql`${groups.consultationId} is not null`, asc(groups.kind), asc(groups.nameEn)),
    db
      .select({ groupId: groupMembers.groupId, ...memberColumns })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .innerJoin(registrations, registeredHere)
      .innerJoin(delegations, eq(delegations.id, groupMembers.delegationId))
      .where(ofThisConsultation)
      .orderBy(asc(delegations.nameEn)),
    db
      .select({ groupId: groupCoordinators.groupId, delegationId: groupCoordinators.delegationId })
      .from(groupCoordinators)
      .where(eq(groupCoordinators.consultationId, consultationId)),
  ]);
  const coordinatorOf = new Map(coordinators.map((c) => [c.groupId, c.delegationId]));
  const registeredOf = new Map<string, (typeof registeredMembers)[number][]>();
  for (const member of registeredMembers) {
    const list = registeredOf.get(member.groupId) ?? [];
    list.push(member);
    registeredOf.set(member.groupId, list);
  }
  return rows.map((group) => ({
    ...group,
    coordinatorId: coordinatorOf.get(group.id) ?? null,
    registered: (registeredOf.get(group.id) ?? []).map(({ groupId: _groupId, ...member }) => member),
  }));
}

export type ConsultationGroup = Awaited<ReturnType<typeof readConsultationGroups>>[number];

/** The consultation's groups page (secretariat): the consultation and its groups, four queries; null otherwise. */
export async function getConsultationGroupsPage(user: SessionUser, consultationId: string) {
  if (!mayManageConsultation(user)) return null;
  const db = await getDb();
  const [[consultation], groupList] = await Promise.all([
    db
      .select({ id: consultations.id, title: consultations.title, status: consultations.status })
      .from(consultations)
      .where(eq(consultations.id, consultationId)),
    readConsultationGroups(db, consultationId),
  ]);
  if (!consultation) return null;
  return { consultation, groups: groupList };
}

/** The groups a delegation coordinates in a consultation (whose submission its delegates may draft): one query. */
export async function listCoordinatedGroups(consultationId: string, delegationId: string) {
  const db = await getDb();
  return db
    .select({ ...groupColumns, memberCount: sql<number>`(select count(*) from ${groupMembers} where ${groupMembers.groupId} = ${groups.id})`.mapWith(Number) })
    .from(groupCoordinators)
    .innerJoin(groups, eq(groups.id, groupCoordinators.groupId))
    .where(and(eq(groupCoordinators.consultationId, consultationId), eq(groupCoordinators.delegationId, delegationId)))
    .orderBy(asc(groups.nameEn));
}

/** The members of several groups, by group: one query however many groups and members. */
export async function listGroupMembers(groupIds: readonly string[]) {
  const byGroup = new Map<string, ({ id: string; code: string } & DelegationNames & DelegationArticles)[]>();
  if (!groupIds.length) return byGroup;
  const db = await getDb();
  const rows = await db
    .select({ groupId: groupMembers.groupId, ...memberColumns })
    .from(groupMembers)
    .innerJoin(delegations, eq(delegations.id, groupMembers.delegationId))
    .where(inArray(groupMembers.groupId, [...new Set(groupIds)]))
    .orderBy(asc(delegations.nameEn));
  for (const { groupId, ...member } of rows) byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), member]);
  return byGroup;
}

/**
 * Reads a pasted list of members (names or codes) against every delegation: one query. The names it
 * could not take come back with their candidates' names, for the page to show.
 */
export async function matchPastedMembers(text: string) {
  const every = await listDelegationsForMatching();
  const match = matchMemberList(text, every.map(toMatchable));
  const byId = new Map(every.map((d) => [d.id, d]));
  const problems = match.problems.map((problem) => ({
    ...problem,
    candidates: problem.candidateIds.flatMap((id) => {
      const d = byId.get(id);
      return d ? [{ id: d.id, code: d.code, nameAr: d.nameAr, nameZh: d.nameZh, nameEn: d.nameEn, nameFr: d.nameFr, nameRu: d.nameRu, nameEs: d.nameEs }] : [];
    }),
  }));
  return { ids: match.ids, problems };
}

// ---------------------------------------------------------------------------------------------
// Changing

/** Why a consultation's own groups may not change now (its status read under a share lock: a status move waits), or null. */
async function consultationRefusal(tx: Transaction, consultationId: string): Promise<Refusal | null> {
  const status = await lockedStatus(tx, consultationId);
  if (!status) return "not_found";
  return canChangeConsultationGroups(status) ? null : "wrong_status";
}

/** A group's code, consultation and English name, locked for the change the caller makes; null when there is no such group. */
async function lockGroup(tx: Transaction, groupId: string, lock: "update" | "share") {
  const [group] = await tx
    .select({ code: groups.code, consultationId: groups.consultationId, nameEn: groups.nameEn })
    .from(groups)
    .where(eq(groups.id, groupId))
    .for(lock);
  return group ?? null;
}

type LockedGroup = NonNullable<Awaited<ReturnType<typeof lockGroup>>>;

/**
 * The secretariat's change of a group in a consultation: in a transaction, the consultation's status
 * share-locked and the group locked (a standing one, or the consultation's own), then `work`.
 * "not_found" for anyone else, and for no such consultation or group (another consultation's is not
 * found here).
 */
async function changeConsultationGroup<R>(
  user: SessionUser,
  input: { consultationId: string; groupId: string },
  lock: "update" | "share",
  work: (tx: Transaction, status: ConsultationStatus, group: LockedGroup) => Promise<R>,
): Promise<R | { ok: false; reason: "not_found" }> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const status = await lockedStatus(tx, input.consultationId);
    const group = status ? await lockGroup(tx, input.groupId, lock) : null;
    if (!status || !group || (group.consultationId !== null && group.consultationId !== input.consultationId))
      return { ok: false as const, reason: "not_found" as const };
    return work(tx, status, group);
  });
}

type MembersRefusal = "unknown_delegation" | "too_many" | "no_members";

/** The members asked for, once each, or why there are too few or too many. */
function wantedMembers(memberIds: string[]): { ok: true; ids: string[] } | { ok: false; reason: MembersRefusal } {
  const ids = [...new Set(memberIds)];
  if (!ids.length) return { ok: false, reason: "no_members" };
  if (ids.length > MAX_GROUP_MEMBERS) return { ok: false, reason: "too_many" };
  return { ok: true, ids };
}

/** The delegations (id and code) among `ids`, or null when one of them does not exist: one query. */
async function existingDelegations(tx: Transaction, ids: string[]) {
  const found = await tx.select({ id: delegations.id, code: delegations.code }).from(delegations).where(inArray(delegations.id, ids));
  return found.length === ids.length ? found : null;
}

/** A change of a group, in the audit log in the change's transaction. */
const auditGroup = (
  tx: Transaction,
  user: SessionUser,
  entry: { action: string; groupId: string; consultationId: string | null; details: Record<string, unknown>; ipAddress?: string | null },
) =>
  recordAudit(
    {
      actorId: user.id,
      action: entry.action,
      entityType: "group",
      entityId: entry.groupId,
      consultationId: entry.consultationId,
      details: entry.details,
      ipAddress: entry.ipAddress ?? null,
    },
    tx,
  );

type GroupInput = GroupNamesInput & { membershipAsOf: string; memberIds: string[]; ipAddress?: string | null };

/** The columns a group's form sets: its names, articles and the date of its membership. */
const formColumns = (input: GroupInput) => ({ ...namesOf(input), membershipAsOf: input.membershipAsOf });

export type CreateGroupResult = { ok: true; id: string; code: string } | { ok: false; reason: Refusal | MembersRefusal | "conflict" };

/**
 * Creates a group: a standing one (`consultationId` null; regional, political or integration) or a
 * consultation's own (ad hoc, while the consultation is a draft or open). Its code comes from its
 * English name. Audited as "group.create" with its members' codes.
 */
export async function createGroup(user: SessionUser, input: GroupInput & { consultationId: string | null; kind: GroupKind }): Promise<CreateGroupResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const wanted = wantedMembers(input.memberIds);
  if (!wanted.ok) return wanted;
  const standing = input.consultationId === null;
  if (standing ? !(STANDING_KINDS as readonly string[]).includes(input.kind) : input.kind !== "ad_hoc") return { ok: false, reason: "not_found" };
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<CreateGroupResult> => {
      const refusal = input.consultationId ? await consultationRefusal(tx, input.consultationId) : null;
      if (refusal) return { ok: false, reason: refusal };
      const found = await existingDelegations(tx, wanted.ids);
      if (!found) return { ok: false, reason: "unknown_delegation" };
      const taken = await tx
        .select({ code: groups.code })
        .from(groups)
        .where(input.consultationId ? eq(groups.consultationId, input.consultationId) : isNull(groups.consultationId));
      const code = groupCodeFrom(input.nameEn, new Set(taken.map((g) => g.code)));
      const [created] = await tx
        .insert(groups)
        .values({ consultationId: input.consultationId, code, kind: input.kind, ...formColumns(input), createdBy: user.id })
        .returning({ id: groups.id });
      await tx.insert(groupMembers).values(found.map((d) => ({ groupId: created!.id, delegationId: d.id })));
      await auditGroup(tx, user, {
        action: "group.create",
        groupId: created!.id,
        consultationId: input.consultationId,
        details: { group: code, kind: input.kind, name: input.nameEn, membershipAsOf: input.membershipAsOf, codes: found.map((d) => d.code).sort() },
        ipAddress: input.ipAddress,
      });
      return { ok: true, id: created!.id, code };
    });
  } catch (error) {
    // Two officers creating a group of the same name at once: the second is told to try again.
    if (isUniqueViolation(error)) return { ok: false, reason: "conflict" };
    throw error;
  }
}

export type UpdateGroupResult = { ok: true; code: string; added: string[]; removed: string[] } | { ok: false; reason: Refusal | MembersRefusal };

/**
 * Changes a group's names, members and the date of its membership. A consultation's own group
 * changes while the consultation is a draft or open. A coordinator who is no longer a member
 * coordinates no more. Audited as "group.update" with the codes added and removed.
 */
export async function updateGroup(user: SessionUser, input: GroupInput & { groupId: string }): Promise<UpdateGroupResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const wanted = wantedMembers(input.memberIds);
  if (!wanted.ok) return wanted;
  const db = await getDb();
  return db.transaction(async (tx): Promise<UpdateGroupResult> => {
    const group = await lockGroup(tx, input.groupId, "update");
    if (!group) return { ok: false, reason: "not_found" };
    const refusal = group.consultationId ? await consultationRefusal(tx, group.consultationId) : null;
    if (refusal) return { ok: false, reason: refusal };
    const found = await existingDelegations(tx, wanted.ids);
    if (!found) return { ok: false, reason: "unknown_delegation" };
    const before = await tx
      .select({ id: delegations.id, code: delegations.code })
      .from(groupMembers)
      .innerJoin(delegations, eq(delegations.id, groupMembers.delegationId))
      .where(eq(groupMembers.groupId, input.groupId));
    const had = new Set(before.map((d) => d.id));
    const keep = new Set(wanted.ids);
    const added = found.filter((d) => !had.has(d.id));
    const removed = before.filter((d) => !keep.has(d.id));
    await tx
      .update(groups)
      .set({ ...formColumns(input), updatedAt: sql`now()` })
      .where(eq(groups.id, input.groupId));
    let coordinatorsRemoved: { consultationId: string; delegation: string }[] = [];
    if (removed.length) {
      const removedIds = removed.map((d) => d.id);
      await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, input.groupId), inArray(groupMembers.delegationId, removedIds)));
      const dropped = await tx
        .delete(groupCoordinators)
        .where(and(eq(groupCoordinators.groupId, input.groupId), inArray(groupCoordinators.delegationId, removedIds)))
        .returning({ consultationId: groupCoordinators.consultationId, delegationId: groupCoordinators.delegationId });
      const codeOf = new Map(removed.map((d) => [d.id, d.code]));
      coordinatorsRemoved = dropped.map((c) => ({ consultationId: c.consultationId, delegation: codeOf.get(c.delegationId)! }));
    }
    if (added.length) await tx.insert(groupMembers).values(added.map((d) => ({ groupId: input.groupId, delegationId: d.id })));
    const addedCodes = added.map((d) => d.code).sort();
    const removedCodes = removed.map((d) => d.code).sort();
    await auditGroup(tx, user, {
      action: "group.update",
      groupId: input.groupId,
      consultationId: group.consultationId,
      details: {
        group: group.code,
        name: input.nameEn,
        membershipAsOf: input.membershipAsOf,
        added: addedCodes,
        removed: removedCodes,
        ...(coordinatorsRemoved.length ? { coordinatorsRemoved } : {}),
      },
      ipAddress: input.ipAddress,
    });
    return { ok: true, code: group.code, added: addedCodes, removed: removedCodes };
  });
}

export type DeleteGroupResult = { ok: true; code: string } | { ok: false; reason: Refusal | "standing" | "has_submissions" };

/**
 * Deletes a consultation's own group while the consultation is a draft or open, and only when no
 * submission speaks on its behalf (its members and coordinator go with it). Standing groups stay.
 * Audited as "group.delete".
 */
export function deleteGroup(user: SessionUser, input: { consultationId: string; groupId: string; ipAddress?: string | null }): Promise<DeleteGroupResult> {
  return changeConsultationGroup(user, input, "update", async (tx, status, group): Promise<DeleteGroupResult> => {
    if (group.consultationId === null) return { ok: false, reason: "standing" };
    if (!canChangeConsultationGroups(status)) return { ok: false, reason: "wrong_status" };
    // One statement: the group goes only if no submission speaks for it at that moment.
    const deleted = await tx
      .delete(groups)
      .where(and(eq(groups.id, input.groupId), sql`not exists (select 1 from ${submissions} where ${submissions.onBehalfOfGroupId} = ${input.groupId})`))
      .returning({ id: groups.id });
    if (!deleted.length) return { ok: false, reason: "has_submissions" };
    await auditGroup(tx, user, {
      action: "group.delete",
      groupId: input.groupId,
      consultationId: input.consultationId,
      details: { group: group.code, name: group.nameEn },
      ipAddress: input.ipAddress,
    });
    return { ok: true, code: group.code };
  });
}

export type CoordinatorResult = { ok: true; changed: boolean; code: string | null } | { ok: false; reason: Refusal | "not_member" | "not_registered" };

/**
 * Sets (or with `delegationId` null, clears) who coordinates a group in a consultation: a member of
 * the group registered for the consultation, whose delegates then draft the group's submission.
 * While the consultation is a draft or open. Audited as "group.coordinator" with the previous one.
 */
export function setGroupCoordinator(
  user: SessionUser,
  input: { consultationId: string; groupId: string; delegationId: string | null; ipAddress?: string | null },
): Promise<CoordinatorResult> {
  return changeConsultationGroup(user, input, "share", async (tx, status, group): Promise<CoordinatorResult> => {
    if (!canChangeConsultationGroups(status)) return { ok: false, reason: "wrong_status" };
    const coordinatorOfGroup = and(eq(groupCoordinators.consultationId, input.consultationId), eq(groupCoordinators.groupId, input.groupId));
    const [previous] = await tx
      .select({ delegationId: groupCoordinators.delegationId, code: delegations.code })
      .from(groupCoordinators)
      .innerJoin(delegations, eq(delegations.id, groupCoordinators.delegationId))
      .where(coordinatorOfGroup)
      .for("update", { of: groupCoordinators });
    let code: string | null = null;
    if (input.delegationId) {
      // Joined, not subqueries: drizzle leaves the columns of a one-table select unqualified.
      const [candidate] = await tx
        .select({ code: delegations.code, member: groupMembers.delegationId, registration: registrations.id })
        .from(delegations)
        .leftJoin(groupMembers, and(eq(groupMembers.groupId, input.groupId), eq(groupMembers.delegationId, delegations.id)))
        .leftJoin(registrations, and(eq(registrations.consultationId, input.consultationId), eq(registrations.delegationId, delegations.id)))
        .where(eq(delegations.id, input.delegationId));
      if (!candidate?.member) return { ok: false, reason: "not_member" };
      if (!candidate.registration) return { ok: false, reason: "not_registered" };
      code = candidate.code;
    }
    if ((previous?.delegationId ?? null) === input.delegationId) return { ok: true, changed: false, code };
    if (input.delegationId)
      await tx
        .insert(groupCoordinators)
        .values({ consultationId: input.consultationId, groupId: input.groupId, delegationId: input.delegationId, assignedBy: user.id })
        .onConflictDoUpdate({
          target: [groupCoordinators.consultationId, groupCoordinators.groupId],
          set: { delegationId: input.delegationId, assignedBy: user.id, assignedAt: sql`now()` },
        });
    else await tx.delete(groupCoordinators).where(coordinatorOfGroup);
    await auditGroup(tx, user, {
      action: "group.coordinator",
      groupId: input.groupId,
      consultationId: input.consultationId,
      details: { group: group.code, delegation: code, previous: previous?.code ?? null },
      ipAddress: input.ipAddress,
    });
    return { ok: true, changed: true, code };
  });
}
