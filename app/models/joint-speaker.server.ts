// Who a submission speaks for (issue 19), read for its receipts and revision views: the group it
// was submitted on behalf of, its confirmed co-sponsors and the delegations aligned with it. Apart
// from app/models/joint.server.ts (which changes them) because the submit path reads it too and
// joint.server.ts uses the submit path's receipt counter: no import cycle.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DelegationArticles, DelegationNames } from "~/lib/delegation-names";
import type { SpeakerGroup } from "~/lib/joint";
import { getDb, schema, type Reader } from "~/utils/db.server";

const { alignments, delegations, groupMembers, groups, submissionCosponsors, submissions } = schema;

/**
 * A group's names, articles and member count as flat columns of a query that left-joins `groups`
 * (a nested object would not come back null: the count is a number either way).
 */
export const speakerGroupColumns = {
  groupId: groups.id,
  groupCode: groups.code,
  groupNameAr: groups.nameAr,
  groupNameZh: groups.nameZh,
  groupNameEn: groups.nameEn,
  groupNameFr: groups.nameFr,
  groupNameRu: groups.nameRu,
  groupNameEs: groups.nameEs,
  groupArticleFr: groups.articleFr,
  groupArticleEs: groups.articleEs,
  // All its members, registered or not: "on behalf of the Group of African States (54 States)".
  groupMemberCount: sql<number>`(select count(*) from ${groupMembers} where ${groupMembers.groupId} = ${groups.id})`.mapWith(Number),
};

type SpeakerGroupRow = {
  groupId: string | null;
  groupCode: string | null;
  groupNameAr: string | null;
  groupNameZh: string | null;
  groupNameEn: string | null;
  groupNameFr: string | null;
  groupNameRu: string | null;
  groupNameEs: string | null;
  groupArticleFr: string | null;
  groupArticleEs: string | null;
  groupMemberCount: number;
};

/** The group of a row selected with speakerGroupColumns, or null when the submission speaks for its delegation alone. */
export function speakerGroup(row: SpeakerGroupRow): (SpeakerGroup & { id: string }) | null {
  if (!row.groupId) return null;
  return {
    id: row.groupId,
    code: row.groupCode ?? "",
    nameAr: row.groupNameAr ?? "",
    nameZh: row.groupNameZh ?? "",
    nameEn: row.groupNameEn ?? "",
    nameFr: row.groupNameFr ?? "",
    nameRu: row.groupNameRu ?? "",
    nameEs: row.groupNameEs ?? "",
    articleFr: row.groupArticleFr,
    articleEs: row.groupArticleEs,
    memberCount: row.groupMemberCount,
  };
}

/** The delegation's submission in the consultation, as a condition on `submissions`. */
export const submissionOf = (consultationId: string, delegationId: string) =>
  and(eq(submissions.consultationId, consultationId), eq(submissions.delegationId, delegationId));

/** The group the submission `which` selects speaks for, if any: one query. */
async function selectGroupOf(db: Reader, which: SQL | undefined) {
  const [row] = await db.select(speakerGroupColumns).from(submissions).innerJoin(groups, eq(groups.id, submissions.onBehalfOfGroupId)).where(which);
  return row ? speakerGroup(row) : null;
}

/** The group a submission speaks for, if any: one query, in the caller's transaction (the receipt email). */
export function selectSpeakerGroup(db: Reader, submissionId: string) {
  return selectGroupOf(db, eq(submissions.id, submissionId));
}

/** The group a delegation's submission in a consultation speaks for, if any: one query (the editor's note). */
export async function getSpeakerGroup(consultationId: string, delegationId: string) {
  return selectGroupOf(await getDb(), submissionOf(consultationId, delegationId));
}

/** A delegation as JSON from a subquery aliased "d": what a list of names needs, with the articles. */
const delegationJson = sql`json_build_object('id', d.id, 'code', d.code, 'nameAr', d.name_ar, 'nameZh', d.name_zh, 'nameEn', d.name_en,
  'nameFr', d.name_fr, 'nameRu', d.name_ru, 'nameEs', d.name_es, 'articleFr', d.article_fr, 'articleEs', d.article_es)`;
type DelegationRow = { id: string; code: string } & DelegationNames & DelegationArticles;

/**
 * What a submission says of who speaks, as columns of a query on `submissions` that left-joins
 * `groups` on its group: the group, the confirmed co-sponsors and the delegations aligned with it
 * (alignments not withdrawn), each list in English order, the lists as subqueries (no query more).
 */
export const jointFactsColumns = {
  ...speakerGroupColumns,
  jointCosponsors: sql<DelegationRow[]>`(select coalesce(json_agg(${delegationJson} order by d.name_en), '[]'::json)
    from ${submissionCosponsors} sc join ${delegations} d on d.id = sc.delegation_id
    where sc.submission_id = ${submissions.id} and sc.confirmed_at is not null and sc.withdrawn_at is null)`,
  jointAligned: sql<DelegationRow[]>`(select coalesce(json_agg(${delegationJson} order by d.name_en), '[]'::json)
    from ${alignments} al join ${delegations} d on d.id = al.delegation_id
    where al.submission_id = ${submissions.id} and al.withdrawn_at is null)`,
};

/** The facts of a row selected with jointFactsColumns. */
export function jointFactsOf(row: SpeakerGroupRow & { jointCosponsors: DelegationRow[]; jointAligned: DelegationRow[] }) {
  return { group: speakerGroup(row), cosponsors: row.jointCosponsors, aligned: row.jointAligned };
}

/**
 * What a delegation's submission in a consultation says of who speaks (jointFactsColumns), or no
 * group and empty lists when it has no submission: one query. For a reader already let see that
 * submission.
 */
export async function getJointFacts(consultationId: string, delegationId: string, reader?: Reader) {
  const db = reader ?? (await getDb());
  const [row] = await db
    .select(jointFactsColumns)
    .from(submissions)
    .leftJoin(groups, eq(groups.id, submissions.onBehalfOfGroupId))
    .where(submissionOf(consultationId, delegationId));
  return row ? jointFactsOf(row) : { group: null, cosponsors: [] as DelegationRow[], aligned: [] as DelegationRow[] };
}

export type JointFacts = Awaited<ReturnType<typeof getJointFacts>>;
