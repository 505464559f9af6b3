// The translation desk: the secretariat's unofficial English translations of the comments written
// in other languages, one per comment of each delegation's current revision. Only the secretariat
// writes; chairs of the consultation may read a translation (DESIGN.md §2), delegates never reach
// any of it (null / "not_found", which routes turn into 404). Texts are never written to the audit
// log or to error messages: delegations' comments are confidential until the CRP.
import { and, asc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Language } from "~/i18n/languages";
import type { DelegationArticles, DelegationNames } from "~/lib/delegation-names";
import {
  commentLanguages,
  fieldsToTranslate,
  neededTranslationStatus,
  needsAnyTranslation,
  needsTranslation,
  type CommentLanguages,
} from "~/lib/field-language";
import { isUuid } from "~/lib/ids";
import { normalizeCommentText, textProblems } from "~/lib/submission-rules";
import {
  changedTranslationStatus,
  deskLanguage,
  deskNeighbours,
  excerptOf,
  judgeComment,
  summarizeDesk,
  EXCERPT_SOURCE_LENGTH,
  type DeskFilters,
  type DeskIndexRow,
  type JudgedComment,
} from "~/lib/translation-desk";
import { StampedCache } from "~/lib/stamped-cache";
import { alignSegments, translationFreshness, type Alignment, type DeskStatus, type Freshness } from "~/lib/translation-segments";
import { mayEditTranslation, mayReadComments, maySeeRevision, mayTranslate } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { rowsStamp } from "~/models/row-stamp.server";
import { consultationVisibleTo } from "~/models/consultation.server";
import { isCurrentRevision } from "~/models/submission-history.server";
import { delegationSentenceColumns } from "~/models/delegation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";
import { TranslationError, translationProvider, type TranslationErrorKind } from "~/utils/translation-provider.server";

const {
  agendaItems,
  chairReviews,
  comments,
  consultations,
  delegations,
  discussionPoints,
  meetings,
  pointVersions,
  submissionRevisions,
  submissions,
  translations,
  users,
} = schema;

/** The working language the desk translates into. */
export const WORKING_LANGUAGE = "en" as const;

/** Longest translation of one field, as for the comments themselves. */
export const MAX_TRANSLATION_LENGTH = 50_000;

// General comments first, then the points in agenda order, then new proposals.
const pointOrder = sql<number>`coalesce(${discussionPoints.position}, case ${comments.kind} when 'general' then -1 else 1000000 end)`;

const finalizer = alias(users, "finalizer");

// ---------------------------------------------------------------------------------------------
// The desk's index: every comment on the desk, light (no text), in desk order
//
// Whether a comment is on the desk, under which language, and whether a translation whose stored
// original differs is outdated, are judged from the texts by the rules shared with the side-by-side
// view and the CRP (field-language.ts, translation-segments.ts): SQL cannot say them, so the
// filters, counts and pages are worked out on a light index of the whole desk (app/lib/
// translation-desk.ts) rather than in a WHERE clause. What keeps that cheap at 12,000 comments:
// - the index is kept between requests under a stamp of the rows it comes from (deskStamp), read
//   with the consultation: while nothing changed a page costs that statement and its own rows;
// - reading the index again (after a save) sends four short columns a row, never a text;
// - each comment is judged once per process, remembered under its id and xmin (a changed row is
//   judged again), each changed translation likewise: texts are read only for what is new.

/** The comments of every delegation's current revision in one consultation, in another language than English. */
const onDesk = (consultationId: string) => and(eq(submissions.consultationId, consultationId), ne(comments.language, WORKING_LANGUAGE));

/** Judgements remembered; bounded (a full-scale consultation is 12,000 comments), oldest forgotten first. */
const JUDGED_LIMIT = 200_000;
const judgedComments = new Map<string, JudgedComment>();
const judgedTranslations = new Map<string, DeskStatus>();

function remember<V>(map: Map<string, V>, key: string, value: V) {
  if (map.size >= JUDGED_LIMIT) {
    // Maps iterate in insertion order: drop the oldest tenth.
    let drop = Math.ceil(JUDGED_LIMIT / 10);
    for (const old of map.keys()) {
      map.delete(old);
      if (--drop === 0) break;
    }
  }
  map.set(key, value);
}

/** Above this many comments not yet judged, their texts are read by consultation rather than by id. */
const BY_ID_LIMIT = 500;

// Judgements are remembered under the row's id and xmin (the transaction that wrote its current
// version): a row changed by any means, even by hand in the database, is judged again.
const commentXmin = sql<string>`${comments}.xmin::text`;
const commentKey = (row: { commentId: string; xmin: string }) => `${row.commentId}:${row.xmin}`;
const translationKey = sql<string | null>`${translations.id}::text || ':' || ${translations}.xmin::text`;

/**
 * A stamp of every row the desk's index is read from: the delegations (their names order it), the
 * revisions, their comments and translations, the agenda items and points (their positions order
 * it). Each row's id and xmin (rowsStamp, as for the CRP page): any insert, update or delete, by any
 * server or by hand, changes it; a delegate's autosave (draft comments) does not.
 */
function deskStamp(consultationId: string): SQL<string> {
  const id = consultationId;
  // The revisions' comments with their translation (reached from the consultation's submissions by
  // index); superseded revisions' comments are counted too (they never change).
  return rowsStamp([
    sql`select 'd' || d.id || d.xmin::text from ${submissions} s join ${delegations} d on d.id = s.delegation_id where s.consultation_id = ${id}`,
    sql`select 'r' || r.id || r.xmin::text from ${submissionRevisions} r join ${submissions} s on s.id = r.submission_id where s.consultation_id = ${id}`,
    sql`select 'k' || k.id || k.xmin::text || coalesce('t' || t.id || t.xmin::text, '') from ${submissions} s
      join ${comments} k on k.submission_id = s.id and k.revision_id is not null
      left join ${translations} t on t.comment_id = k.id and t.target_language = ${WORKING_LANGUAGE}
      where s.consultation_id = ${id}`,
    sql`select 'a' || a.id || a.xmin::text from ${agendaItems} a where a.consultation_id = ${id}`,
    sql`select 'p' || p.id || p.xmin::text from ${discussionPoints} p join ${agendaItems} a on a.id = p.agenda_item_id where a.consultation_id = ${id}`,
  ]);
}

/** Each consultation's desk index, kept for the stamp it was read under (a few consultations at a time). */
const deskIndexes = new StampedCache<DeskIndexRow[]>({ size: 8, idleMs: 15 * 60_000 });

/** The desk's index for a stamp read just before (deskStamp): read again only when the stamp changed. */
function deskIndex(db: Reader, consultationId: string, stamp: string): Promise<DeskIndexRow[]> {
  return deskIndexes.get(consultationId, stamp, () => readDeskIndex(db, consultationId));
}

/**
 * The desk's index of one consultation, in desk order: one light query (one short text a row:
 * reading rows is what costs, not finding them), and one more for the texts of comments
 * (or changed translations) this process has not judged yet.
 *
 * Desk order: agenda item; general comments, then the points in agenda order, then new
 * proposals; label; the delegation's English name; the comment's position; its id.
 */
async function readDeskIndex(db: Reader, consultationId: string): Promise<DeskIndexRow[]> {
  // The consultation's current revisions, each with its delegation's rank by English name: a
  // couple of hundred rows, computed first (a window function keeps the planner from merging it
  // into the join, which without statistics it would do by nested loops over every comment).
  const current = db
    .select({
      revisionId: sql<string>`${submissionRevisions.id}`.as("desk_revision_id"),
      delegationCode: sql<string>`${delegations.code}`.as("desk_delegation_code"),
      rank: sql<number>`row_number() over (order by ${delegations.nameEn}, ${delegations.id})`.as("desk_delegation_rank"),
    })
    .from(submissions)
    .innerJoin(submissionRevisions, and(eq(submissionRevisions.submissionId, submissions.id), isCurrentRevision()))
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .where(eq(submissions.consultationId, consultationId))
    .as("current_revisions");
  const changed = sql`case when ${translations.sourceBody} is distinct from ${comments.body} or ${translations.sourceProposedText} is distinct from ${comments.proposedText} then ${translationKey} end`;
  const packed = await db
    .select({
      // One text a row, "id,xmin,status,changed,code" (only the code, last, could hold a comma):
      // decoding 12,000 rows costs by the value, and five values a row took a third longer.
      entry: sql<string>`${comments.id}::text || ',' || ${commentXmin} || ',' || coalesce(${translations.status}::text, '') || ',' || coalesce(${changed}, '') || ',' || ${current.delegationCode}`,
    })
    .from(current)
    .innerJoin(comments, eq(comments.revisionId, current.revisionId))
    .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
    .leftJoin(discussionPoints, eq(discussionPoints.id, comments.pointId))
    .leftJoin(translations, and(eq(translations.commentId, comments.id), eq(translations.targetLanguage, WORKING_LANGUAGE)))
    .where(ne(comments.language, WORKING_LANGUAGE))
    .orderBy(
      asc(agendaItems.position),
      asc(agendaItems.createdAt),
      asc(pointOrder),
      asc(comments.label),
      asc(current.rank),
      asc(comments.position),
      asc(comments.id),
    );
  const rows = packed.map(({ entry }) => {
    const [commentId, xmin, status, changedKey, ...code] = entry.split(",");
    return {
      commentId: commentId!,
      xmin: xmin!,
      delegationCode: code.join(","),
      translationStatus: (status || null) as "draft" | "final" | null,
      // Set only where the original stored with the translation differs from the comment now.
      changed: changedKey || null,
    };
  });

  const unjudged = rows.filter((r) => !judgedComments.has(commentKey(r)) || (r.changed !== null && !judgedTranslations.has(r.changed)));
  if (unjudged.length) await judgeTexts(db, consultationId, unjudged.length > BY_ID_LIMIT ? null : unjudged.map((r) => r.commentId));

  const index: DeskIndexRow[] = [];
  for (const row of rows) {
    const languages = judgedComments.get(commentKey(row));
    const language = languages ? deskLanguage(languages) : null;
    if (!language) continue;
    const status: DeskStatus = !row.translationStatus
      ? "todo"
      : row.changed !== null
        ? // Saved again between the two reads: outdated until the next read judges it.
          (judgedTranslations.get(row.changed) ?? "outdated")
        : row.translationStatus;
    index.push({ commentId: row.commentId, delegationCode: row.delegationCode, language, status, bodyNeeded: needsTranslation(languages!.body) });
  }
  return index;
}

/**
 * Reads the texts of the given comments (null: of every comment on the desk) and remembers their
 * judgement, and that of their translations whose stored original differs, under each row's id
 * and xmin.
 */
async function judgeTexts(db: Reader, consultationId: string, commentIds: string[] | null) {
  const texts = await db
    .select({
      commentId: comments.id,
      xmin: commentXmin,
      kind: comments.kind,
      language: comments.language,
      body: comments.body,
      proposedText: comments.proposedText,
      baseText: pointVersions.text,
      translationKey,
      translationStatus: translations.status,
      sourceBody: translations.sourceBody,
      sourceProposedText: translations.sourceProposedText,
    })
    .from(comments)
    .innerJoin(submissionRevisions, and(eq(submissionRevisions.id, comments.revisionId), isCurrentRevision()))
    .innerJoin(submissions, eq(submissions.id, comments.submissionId))
    .leftJoin(pointVersions, and(eq(pointVersions.id, comments.basePointVersionId), eq(comments.kind, "amendment")))
    .leftJoin(translations, and(eq(translations.commentId, comments.id), eq(translations.targetLanguage, WORKING_LANGUAGE)))
    .where(and(onDesk(consultationId), commentIds ? inArray(comments.id, commentIds) : undefined));
  for (const row of texts) {
    const languages = judgeComment(row);
    remember(judgedComments, commentKey(row), languages);
    if (row.translationKey && row.translationStatus && (row.sourceBody !== row.body || row.sourceProposedText !== row.proposedText)) {
      remember(
        judgedTranslations,
        row.translationKey,
        changedTranslationStatus({ status: row.translationStatus, sourceBody: row.sourceBody!, sourceProposedText: row.sourceProposedText }, row, languages),
      );
    }
  }
}

export type DeskRow = {
  commentId: string;
  kind: "general" | "point" | "amendment" | "new_proposal";
  /** The language it is translated from: its text's, or its proposed wording's when the text needs none. */
  language: Language;
  /** A new proposal's own label, (a), (b), … */
  label: string | null;
  excerpt: string;
  delegation: { id: string; code: string } & DelegationNames & DelegationArticles;
  agendaItem: { id: string; number: string | null; title: string };
  point: { id: string; label: string } | null;
  status: DeskStatus;
  translatorName: string | null;
  updatedAt: Date | null;
  machineAssisted: boolean;
};

/** The rows of one page, in the order of `index` (their ids), with what the list shows of each. One query. */
async function readDeskRows(db: Reader, index: readonly DeskIndexRow[], ids: readonly string[]): Promise<DeskRow[]> {
  if (!ids.length) return [];
  const excerptSource = (column: typeof comments.body | typeof comments.proposedText) => sql<string | null>`left(${column}, ${EXCERPT_SOURCE_LENGTH})`;
  const rows = await db
    .select({
      commentId: comments.id,
      kind: comments.kind,
      label: comments.label,
      // Enough of each text for the excerpt (a slice of code points, at least as many UTF-16 units).
      bodyStart: excerptSource(comments.body),
      proposedStart: excerptSource(comments.proposedText),
      delegation: { id: delegations.id, code: delegations.code, ...delegationSentenceColumns },
      agendaItem: { id: agendaItems.id, number: agendaItems.number, title: agendaItems.title },
      point: { id: discussionPoints.id, label: discussionPoints.label },
      translation: { id: translations.id, machineAssisted: translations.machineAssisted, updatedAt: translations.updatedAt, translatorName: users.name },
    })
    .from(comments)
    .innerJoin(submissions, eq(submissions.id, comments.submissionId))
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
    .leftJoin(discussionPoints, eq(discussionPoints.id, comments.pointId))
    .leftJoin(translations, and(eq(translations.commentId, comments.id), eq(translations.targetLanguage, WORKING_LANGUAGE)))
    .leftJoin(users, eq(users.id, translations.translatorId))
    // By id alone: the ids come from this consultation's index (and the planner then starts from them).
    .where(inArray(comments.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.commentId, r]));
  const entries = new Map(index.map((r) => [r.commentId, r]));
  return ids.flatMap((id): DeskRow[] => {
    const row = byId.get(id);
    const entry = entries.get(id);
    if (!row || !entry) return [];
    const translated = row.translation?.id ? row.translation : null;
    return [
      {
        commentId: id,
        kind: row.kind,
        language: entry.language,
        label: row.label,
        // What is to be translated: the text, or the proposed wording when only it is.
        excerpt: excerptOf((entry.bodyNeeded ? row.bodyStart : row.proposedStart) ?? ""),
        delegation: row.delegation,
        agendaItem: row.agendaItem,
        point: row.point?.id ? { id: row.point.id, label: row.point.label! } : null,
        status: entry.status,
        translatorName: translated ? translated.translatorName : null,
        updatedAt: translated ? translated.updatedAt : null,
        machineAssisted: translated ? Boolean(translated.machineAssisted) : false,
      },
    ];
  });
}

export type { DeskFilters } from "~/lib/translation-desk";

/**
 * The translation desk of one consultation, for the secretariat (null for anyone else, or an
 * unknown consultation): one page of the comments not in English of each delegation's current
 * revision under the filters, with status, translator and date; the counts per status under the
 * language and delegation filters; the languages and delegations present, for the filters.
 * Two statements whatever the number of comments while nothing changed (the consultation with the
 * desk's stamp, the page's rows); one more to read the index again after a change, and one more for
 * the texts of comments new to this process.
 * A page past the last shows the last.
 */
export async function listTranslationDesk(user: SessionUser, consultationId: string, filters: DeskFilters = {}, page = 1) {
  if (!mayTranslate(user) || !isUuid(consultationId)) return null;
  const db = await getDb();
  const [consultation] = await db
    .select({
      id: consultations.id,
      title: consultations.title,
      status: consultations.status,
      timeZone: meetings.timeZone,
      stamp: deskStamp(consultationId),
      // The delegations that submitted (a few hundred at most), for the filter: in the same statement.
      delegations: sql<string>`(select coalesce(json_agg(json_build_object('id', d.id, 'code', d.code, 'nameAr', d.name_ar, 'nameZh', d.name_zh, 'nameEn', d.name_en, 'nameFr', d.name_fr, 'nameRu', d.name_ru, 'nameEs', d.name_es)), '[]')::text from ${submissions} s join ${delegations} d on d.id = s.delegation_id where s.consultation_id = ${consultations.id})`,
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId));
  if (!consultation) return null;
  const index = await deskIndex(db, consultationId, consultation.stamp);
  const summary = summarizeDesk(index, filters, page);
  const rows = await readDeskRows(db, index, summary.pageIds);
  const present = new Set(summary.delegationCodes);
  const submitted = JSON.parse(consultation.delegations) as ({ id: string; code: string } & DelegationNames)[];
  return {
    consultation: { id: consultation.id, title: consultation.title, status: consultation.status, timeZone: consultation.timeZone },
    rows,
    counts: summary.counts,
    total: summary.total,
    matching: summary.matching,
    page: summary.page,
    pages: summary.pages,
    pageSize: summary.pageSize,
    languages: summary.languages,
    // Those with a comment on the desk, by English name.
    delegations: submitted.filter((d) => present.has(d.code)).sort((a, b) => a.nameEn.localeCompare(b.nameEn, "en")),
  };
}

export type TranslationDesk = NonNullable<Awaited<ReturnType<typeof listTranslationDesk>>>;

// ---------------------------------------------------------------------------------------------
// One comment and its translation

const translationColumns = {
  id: translations.id,
  status: translations.status,
  body: translations.body,
  proposedText: translations.proposedText,
  sourceBody: translations.sourceBody,
  sourceProposedText: translations.sourceProposedText,
  machineAssisted: translations.machineAssisted,
  version: translations.version,
  translatorName: users.name,
  finalizedByName: finalizer.name,
  finalizedAt: translations.finalizedAt,
  updatedAt: translations.updatedAt,
};

/**
 * One comment of a consultation with where it stands, its delegation, agenda item, the circulated
 * point it addresses and its translation: one query. `lock` share-locks nothing; callers that
 * write lock the submission first.
 */
function selectComment(db: Reader, consultationId: string, commentId: string, visibleTo?: SQL) {
  return db
    .select({
      comment: {
        id: comments.id,
        submissionId: comments.submissionId,
        kind: comments.kind,
        language: comments.language,
        label: comments.label,
        body: comments.body,
        proposedText: comments.proposedText,
        agendaItemId: comments.agendaItemId,
        pointId: comments.pointId,
      },
      consultation: { id: consultations.id, title: consultations.title, status: consultations.status, timeZone: meetings.timeZone },
      revision: {
        id: submissionRevisions.id,
        revisionNumber: submissionRevisions.revisionNumber,
        receiptNumber: submissionRevisions.receiptNumber,
        supersededAt: submissionRevisions.supersededAt,
        withdrawnAt: submissionRevisions.withdrawnAt,
        late: submissionRevisions.late,
      },
      delegation: { id: delegations.id, code: delegations.code, ...delegationSentenceColumns },
      agendaItem: { id: agendaItems.id, number: agendaItems.number, title: agendaItems.title },
      point: { label: discussionPoints.label, versionNumber: pointVersions.versionNumber, text: pointVersions.text },
      translation: translationColumns,
    })
    .from(comments)
    .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
    .innerJoin(submissions, eq(submissions.id, comments.submissionId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
    .leftJoin(discussionPoints, eq(discussionPoints.id, comments.pointId))
    .leftJoin(pointVersions, eq(pointVersions.id, comments.basePointVersionId))
    .leftJoin(translations, and(eq(translations.commentId, comments.id), eq(translations.targetLanguage, WORKING_LANGUAGE)))
    .leftJoin(users, eq(users.id, translations.translatorId))
    .leftJoin(finalizer, eq(finalizer.id, translations.finalizedBy))
    .where(and(eq(comments.id, commentId), eq(consultations.id, consultationId), visibleTo));
}

type CommentRecord = NonNullable<Awaited<ReturnType<typeof selectComment>>[number]>;

/** The language of each field of the comment, an amendment's measured against the wording it amends. */
const languagesOf = (record: CommentRecord): CommentLanguages => commentLanguages(record.comment, record.point?.text ?? null);

const isCurrent = (revision: CommentRecord["revision"]) =>
  !revision.supersededAt && !revision.withdrawnAt && (revision.late === null || revision.late === "accepted");

/**
 * The comment that replaced a superseded one: the same submission, kind, agenda item, point and
 * label in the delegation's current revision, or null. One query.
 */
async function currentCounterpart(db: Reader, comment: CommentRecord["comment"]): Promise<string | null> {
  const [row] = await db
    .select({ id: comments.id })
    .from(comments)
    .innerJoin(submissionRevisions, and(eq(submissionRevisions.id, comments.revisionId), isCurrentRevision()))
    .where(
      and(
        eq(comments.submissionId, comment.submissionId),
        eq(comments.kind, comment.kind),
        eq(comments.agendaItemId, comment.agendaItemId),
        sql`${comments.pointId} is not distinct from ${comment.pointId}`,
        sql`${comments.label} is not distinct from ${comment.label}`,
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/**
 * One comment for the translation editor: the secretariat, and the chairs of the consultation
 * (read only; not late revisions still held). Null means 404: not found, not visible, another
 * consultation's comment, or a delegate. With the delegation, agenda item, the circulated point it
 * addresses, the translation (or null), the paragraphs of the original beside those of the
 * translation, whether the translation is outdated and what changed, the previous and next
 * comments in desk order and the next one still to translate. Superseded comments come back with
 * `superseded` set (and the current comment's id when there is one). Two queries while the desk is
 * unchanged (the comment, the desk's stamp); the desk's index again after a change.
 */
export async function getTranslationForEditing(user: SessionUser, consultationId: string, commentId: string) {
  // Translations are read with the comments (before any query).
  if (!mayReadComments(user) || !isUuid(consultationId) || !isUuid(commentId)) return null;
  const db = await getDb();
  const [record] = await selectComment(db, consultationId, commentId, consultationVisibleTo(user));
  // Nothing to translate (a submission in English, or every field written in English): not on the desk.
  if (!record || !needsAnyTranslation(languagesOf(record))) return null;
  const current = isCurrent(record.revision);
  // A late revision still pending or declined is held for the secretariat: not yet part of what chairs review.
  if (!maySeeRevision(user, { delegationId: record.delegation.id, late: record.revision.late })) return null;

  const [desk, replacement] = await Promise.all([
    db
      .select({ stamp: deskStamp(consultationId) })
      .from(consultations)
      .where(eq(consultations.id, consultationId))
      .then(([row]) => deskIndex(db, consultationId, row!.stamp)),
    current ? Promise.resolve(null) : currentCounterpart(db, record.comment),
  ]);
  const neighbours = deskNeighbours(desk, commentId);

  const { comment, translation } = record;
  const stored = translation?.id
    ? {
        status: translation.status!,
        body: translation.body!,
        proposedText: translation.proposedText,
        sourceBody: translation.sourceBody!,
        sourceProposedText: translation.sourceProposedText,
        machineAssisted: translation.machineAssisted!,
        version: translation.version!,
        translatorName: translation.translatorName,
        finalizedByName: translation.finalizedByName,
        finalizedAt: translation.finalizedAt,
        updatedAt: translation.updatedAt!,
      }
    : null;
  const languages = languagesOf(record);
  const needs = fieldsToTranslate(languages);
  // Only the fields that need translating can make the translation outdated.
  const freshness: Freshness | null = stored
    ? translationFreshness(
        { sourceBody: needs.body ? stored.sourceBody : "", sourceProposedText: needs.proposedText ? stored.sourceProposedText : null },
        { body: needs.body ? comment.body : "", proposedText: needs.proposedText ? comment.proposedText : null },
      )
    : null;
  return {
    consultation: record.consultation,
    comment: { id: comment.id, kind: comment.kind, language: comment.language, label: comment.label, body: comment.body, proposedText: comment.proposedText },
    revision: { revisionNumber: record.revision.revisionNumber, receiptNumber: record.revision.receiptNumber },
    delegation: record.delegation,
    agendaItem: record.agendaItem,
    /** The circulated wording of the point the comment addresses (null for general comments and new proposals). */
    point:
      record.point?.label && record.point.text !== null
        ? { label: record.point.label, versionNumber: record.point.versionNumber!, text: record.point.text }
        : null,
    /** The language of the comment's text and of its proposed wording (null: nothing to translate). */
    languages,
    /** Which fields need a translation: a field written in English is shown, not translated. */
    needs,
    translation: stored,
    status: neededTranslationStatus(stored, comment, languages) ?? ("todo" as DeskStatus),
    alignment: {
      body: alignSegments(comment.body, stored?.body ?? ""),
      proposedText: comment.kind === "amendment" ? alignSegments(comment.proposedText ?? "", stored?.proposedText ?? "") : null,
    } satisfies { body: Alignment; proposedText: Alignment | null },
    freshness,
    superseded: current ? null : { currentCommentId: replacement },
    ...neighbours,
    canEdit: mayEditTranslation(user, record.consultation, { current }),
  };
}

export type TranslationForEditing = NonNullable<Awaited<ReturnType<typeof getTranslationForEditing>>>;

// ---------------------------------------------------------------------------------------------
// Saving

export type TranslationField = "body" | "proposedText";

/** Why a text was refused; each has a message "translations:errors.<problem>". */
export type TranslationTextProblem = "tooLong" | "lostCharacter" | "bidiControl" | "controlCharacter" | "finalEmpty" | "proposedRequired";

export type SaveTranslationInput = {
  consultationId: string;
  commentId: string;
  /** The translation's version the officer started from; 0 when there was none. */
  expectedVersion: number;
  body: string;
  /** The translation of an amendment's proposed wording; required for an amendment, ignored otherwise. */
  proposedText: string | null;
  final: boolean;
  machineAssisted: boolean;
  ipAddress?: string | null;
};

export type TheirTranslation = { body: string; proposedText: string | null; version: number; translatorName: string | null; updatedAt: Date };

export type SaveTranslationResult =
  | { ok: true; version: number; status: "draft" | "final" }
  | { ok: false; reason: "not_found" | "compiled" | "invalid" }
  | { ok: false; reason: "superseded"; currentCommentId: string | null }
  | { ok: false; reason: "conflict"; theirs: TheirTranslation }
  | { ok: false; reason: "text"; problems: { field: TranslationField; problem: TranslationTextProblem }[] };

function checkText(field: TranslationField, value: string) {
  return textProblems(value, MAX_TRANSLATION_LENGTH).map((p) => ({
    field,
    problem: p.message.replace(/^submissions:errors\./, "") as TranslationTextProblem,
  }));
}

/**
 * Saves the secretariat's translation of one comment (draft, or final when `final`), in one
 * transaction with its audit entry ("translation.save" or "translation.finalize"; never the text).
 * Optimistic concurrency: if the stored version is not `expectedVersion`, nothing is written and
 * the answer carries the other officer's text. The original as it stands now is stored beside
 * the translation, so a later revision that changes it marks the translation outdated. Saving a
 * final translation without `final` makes it a draft again. Refused, changing nothing: anyone but
 * the secretariat, a comment not in this consultation, a superseded or withdrawn one, a compiled
 * consultation, more than 50,000 characters, control or bidi-override characters, and an empty
 * translation (or amendment wording) marked final.
 */
export async function saveTranslation(user: SessionUser, input: SaveTranslationInput): Promise<SaveTranslationResult> {
  if (!mayTranslate(user) || !isUuid(input.consultationId) || !isUuid(input.commentId)) return { ok: false, reason: "not_found" };
  if (!Number.isSafeInteger(input.expectedVersion) || input.expectedVersion < 0) return { ok: false, reason: "invalid" };
  if (typeof input.body !== "string" || (input.proposedText !== null && typeof input.proposedText !== "string")) return { ok: false, reason: "invalid" };
  const bodyInput = normalizeCommentText(input.body);
  const proposedInput = input.proposedText === null ? null : normalizeCommentText(input.proposedText);
  const db = await getDb();
  return db.transaction(async (tx): Promise<SaveTranslationResult> => {
    // A submit freezing a new revision holds this row: saving waits for it, then sees the comment superseded.
    const locked = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .innerJoin(comments, eq(comments.submissionId, submissions.id))
      .where(and(eq(comments.id, input.commentId), eq(submissions.consultationId, input.consultationId)))
      .for("share", { of: submissions });
    if (!locked.length) return { ok: false, reason: "not_found" };
    const [record] = await selectComment(tx, input.consultationId, input.commentId);
    if (!record) return { ok: false, reason: "not_found" };
    const needs = fieldsToTranslate(languagesOf(record));
    if (!needs.body && !needs.proposedText) return { ok: false, reason: "not_found" };
    if (record.consultation.status === "compiled") return { ok: false, reason: "compiled" };
    if (!isCurrent(record.revision)) return { ok: false, reason: "superseded", currentCommentId: await currentCounterpart(tx, record.comment) };

    const { comment } = record;
    const isAmendment = comment.kind === "amendment";
    // A field written in English is reproduced as it stands: nothing of it is kept in the translation.
    const body = needs.body ? bodyInput : "";
    const proposedText = isAmendment ? (needs.proposedText ? (proposedInput ?? "") : "") : null;
    const problems = [...checkText("body", body), ...(proposedText !== null ? checkText("proposedText", proposedText) : [])];
    if (input.final) {
      // A text left empty in the original (an amendment without comment, a deletion) stays empty.
      if (needs.body && body === "" && comment.body.trim() !== "") problems.push({ field: "body", problem: "finalEmpty" });
      if (needs.proposedText && proposedText === "" && (comment.proposedText ?? "").trim() !== "") {
        problems.push({ field: "proposedText", problem: "proposedRequired" });
      }
    }
    if (problems.length) return { ok: false, reason: "text", problems };

    const [existing] = await tx
      .select({ id: translations.id, version: translations.version })
      .from(translations)
      .where(and(eq(translations.commentId, comment.id), eq(translations.targetLanguage, WORKING_LANGUAGE)))
      .for("update");
    const theirs = async (): Promise<SaveTranslationResult> => {
      const [row] = await selectComment(tx, input.consultationId, input.commentId);
      const t = row?.translation;
      if (!t?.id) return { ok: false, reason: "invalid" };
      return {
        ok: false,
        reason: "conflict",
        theirs: { body: t.body!, proposedText: t.proposedText, version: t.version!, translatorName: t.translatorName, updatedAt: t.updatedAt! },
      };
    };
    if (existing ? existing.version !== input.expectedVersion : input.expectedVersion !== 0) {
      return existing ? theirs() : { ok: false, reason: "invalid" };
    }

    const now = new Date();
    const values = {
      status: input.final ? ("final" as const) : ("draft" as const),
      body,
      proposedText,
      sourceBody: comment.body,
      sourceProposedText: comment.proposedText,
      machineAssisted: Boolean(input.machineAssisted),
      translatorId: user.id,
      finalizedBy: input.final ? user.id : null,
      finalizedAt: input.final ? now : null,
      updatedAt: now,
    };
    let version: number;
    if (existing) {
      version = existing.version + 1;
      await tx
        .update(translations)
        .set({ ...values, version })
        .where(eq(translations.id, existing.id));
    } else {
      // Two first saves at once: the unique index lets one in; the other is a conflict.
      const inserted = await tx
        .insert(translations)
        .values({ ...values, commentId: comment.id, targetLanguage: WORKING_LANGUAGE, version: 1, createdAt: now })
        .onConflictDoNothing({ target: [translations.commentId, translations.targetLanguage] })
        .returning({ id: translations.id });
      if (!inserted.length) return theirs();
      version = 1;
    }
    await recordAudit(
      {
        actorId: user.id,
        action: input.final ? "translation.finalize" : "translation.save",
        entityType: "comment",
        entityId: comment.id,
        consultationId: input.consultationId,
        details: {
          delegation: record.delegation.code,
          commentId: comment.id,
          language: comment.language,
          version,
          machineAssisted: values.machineAssisted,
        },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, version, status: values.status };
  });
}

// ---------------------------------------------------------------------------------------------
// A new revision keeps what still applies

/**
 * Called by `freezeRevision` once the comments of a new revision are written: each translation
 * of the matching comment of the submission's latest earlier revision (same kind, agenda item,
 * point and label) is copied onto the new comment, with the original as it was translated, its
 * status and translator. An unchanged comment so keeps its translation (final stays final); a
 * changed one shows as outdated, with what changed. The chair's tags and notes are copied only
 * when the wording is unchanged: tags on changed wording must be looked at again. Two statements,
 * however many comments.
 */
export async function carryTranslations(tx: Transaction, submissionId: string, revisionId: string) {
  const previous = sql`(
    select earlier.id from ${submissionRevisions} earlier
    where earlier.submission_id = ${submissionId}
      and earlier.revision_number < (select r.revision_number from ${submissionRevisions} r where r.id = ${revisionId})
    order by earlier.revision_number desc limit 1
  )`;
  const matching = sql`
    from ${comments} new_comment
    join ${comments} old_comment
      on old_comment.submission_id = new_comment.submission_id
     and old_comment.revision_id = ${previous}
     and old_comment.kind = new_comment.kind
     and old_comment.agenda_item_id = new_comment.agenda_item_id
     and old_comment.point_id is not distinct from new_comment.point_id
     and old_comment.label is not distinct from new_comment.label`;
  await tx.execute(sql`
    insert into ${translations} (comment_id, target_language, status, body, proposed_text, source_body,
      source_proposed_text, machine_assisted, version, translator_id, finalized_by, finalized_at, created_at, updated_at)
    select new_comment.id, t.target_language, t.status, t.body, t.proposed_text, t.source_body,
      t.source_proposed_text, t.machine_assisted, t.version, t.translator_id, t.finalized_by, t.finalized_at, t.created_at, t.updated_at
    ${matching}
    join ${translations} t on t.comment_id = old_comment.id
    where new_comment.revision_id = ${revisionId}
    on conflict do nothing`);
  await tx.execute(sql`
    insert into ${chairReviews} (comment_id, reviewer_id, tag, note, created_at, updated_at)
    select new_comment.id, cr.reviewer_id, cr.tag, cr.note, cr.created_at, cr.updated_at
    ${matching}
    join ${chairReviews} cr on cr.comment_id = old_comment.id
    where new_comment.revision_id = ${revisionId}
      and old_comment.body = new_comment.body
      and old_comment.proposed_text is not distinct from new_comment.proposed_text
    on conflict do nothing`);
}

// ---------------------------------------------------------------------------------------------
// Machine suggestions

export type SuggestionResult = { ok: true; body: string; proposedText: string | null } | { ok: false; reason: "not_found" | "off" | TranslationErrorKind };

/**
 * A machine translation of one comment (and of an amendment's proposed wording), for the
 * secretariat, from the provider configured by TRANSLATE_URL ("off" without it). Nothing is
 * saved: the page puts the suggestion into the form as a draft marked machine-assisted, for an
 * officer to correct and save. One query, then the provider.
 */
export async function suggestTranslation(
  user: SessionUser,
  consultationId: string,
  commentId: string,
  options: { signal?: AbortSignal } = {},
): Promise<SuggestionResult> {
  if (!mayTranslate(user) || !isUuid(consultationId) || !isUuid(commentId)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  const [record] = await selectComment(db, consultationId, commentId);
  const languages = record ? languagesOf(record) : null;
  if (!record || !languages || !needsAnyTranslation(languages)) return { ok: false, reason: "not_found" };
  const provider = translationProvider();
  if (!provider) return { ok: false, reason: "off" };
  const { comment } = record;
  // Each field from its own language; one written in English is not sent.
  const translate = async (text: string, from: Language | null) =>
    text.trim() === "" || from === null || from === WORKING_LANGUAGE ? "" : (await provider.translate({ text, from, to: WORKING_LANGUAGE }, options)).text;
  try {
    const body = await translate(comment.body, languages.body);
    const proposedText = comment.kind === "amendment" ? await translate(comment.proposedText ?? "", languages.proposedText) : null;
    return { ok: true, body, proposedText };
  } catch (error) {
    if (error instanceof TranslationError) return { ok: false, reason: error.kind };
    throw error;
  }
}
