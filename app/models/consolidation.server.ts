// The consolidated view of a consultation for the secretariat and its chairs: the side-by-side of
// one agenda item (each circulated point with every delegation's comment and amendment, the
// translation beside the original, the Chair's review) and the matrix of points × delegations.
// Only comments of current revisions count (on time, or late and accepted; never superseded,
// withdrawn, held or declined, never a draft). Delegates never reach any of it (null).
import { and, asc, desc, eq, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { cellMark, REVIEW_TAGS, THROUGH_ALIGNED, THROUGH_JOINT, type ReviewTag } from "~/lib/consolidation";
import { countDispositions, type Disposition, type DispositionCounts } from "~/lib/dispositions";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import { commentLanguages, fieldsToTranslate, neededTranslationStatus, type CommentLanguages } from "~/lib/field-language";
import { isUuid } from "~/lib/ids";
import type { DelegationOrder, SideBySideFilters } from "~/lib/side-by-side";
import type { DeskStatus } from "~/lib/translation-segments";
import { mayReadComments } from "~/lib/permissions";
import { consultationVisibleTo, selectAgendaItems } from "~/models/consultation.server";
import { delegationNameColumns } from "~/models/delegation.server";
import { isCurrentRevision } from "~/models/submission-history.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader } from "~/utils/db.server";

const {
  agendaItems,
  alignments,
  chairReviews,
  commentDispositions,
  comments,
  consultations,
  delegations,
  discussionPoints,
  groupMembers,
  groups: groupsTable,
  nonPaperPoints,
  nonPapers,
  pointVersions,
  registrations,
  submissionCosponsors,
  submissionRevisions,
  submissions,
  translations,
  users,
} = schema;

export { REVIEW_TAGS, isReviewTag, type ReviewTag } from "~/lib/consolidation";

export type { DelegationOrder, SideBySideFilters } from "~/lib/side-by-side";

/** The consultation, if the user is the secretariat or one of its chairs: one query (none for delegates). */
async function selectReviewableConsultation(db: Reader, user: SessionUser, consultationId: string) {
  if (!mayReadComments(user) || !isUuid(consultationId)) return null;
  const [row] = await db
    .select(reviewableColumns)
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  return row ?? null;
}

const reviewableColumns = {
  id: consultations.id,
  title: consultations.title,
  status: consultations.status,
  workingLanguage: consultations.workingLanguage,
  dispositionsPublishedAt: consultations.dispositionsPublishedAt,
};

// ---------------------------------------------------------------------------------------------
// Who speaks for whom (issue 19)

/** A delegation named in a submission's attribution: a group's member, a co-sponsor, an aligned delegation. */
export type AttributedDelegation = Named & { id: string; kind: string };

/** Who a submission speaks for, besides its own delegation. */
export type SubmissionAttribution = {
  submissionId: string;
  /** The group it was made on behalf of, with every member (the submitting delegation among them), in the view's order. */
  group: (DelegationNames & { id: string; code: string; articleFr: string | null; articleEs: string | null; members: AttributedDelegation[] }) | null;
  /** Co-sponsors that confirmed and have not withdrawn, in the view's order. */
  cosponsors: AttributedDelegation[];
  /** Delegations aligned with it (alignment not withdrawn), in the view's order. */
  aligned: AttributedDelegation[];
};

const delegationJson = (alias: string) =>
  sql.raw(
    `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'kind', ${alias}.kind, 'nameAr', ${alias}.name_ar, 'nameZh', ${alias}.name_zh, 'nameEn', ${alias}.name_en, 'nameFr', ${alias}.name_fr, 'nameRu', ${alias}.name_ru, 'nameEs', ${alias}.name_es)`,
  );

/**
 * Every submission of the consultation made on behalf of a group, with confirmed co-sponsors or
 * with delegations aligned with it, as JSON text (null: none): one column of the view's first query,
 * read only when the access check passes. Bounded by the consultation's submissions and their
 * groups' members (134 at most in practice), never by the comments.
 */
function attributionsJson(consultationId: string) {
  return sql<string | null>`(select json_agg(json_build_object(
      'submissionId', s.id,
      'group', case when g.id is null then null else json_build_object('id', g.id, 'code', g.code, 'nameAr', g.name_ar, 'nameZh', g.name_zh, 'nameEn', g.name_en, 'nameFr', g.name_fr, 'nameRu', g.name_ru, 'nameEs', g.name_es, 'articleFr', g.article_fr, 'articleEs', g.article_es,
        'members', (select coalesce(json_agg(${delegationJson("d")}), '[]') from ${groupMembers} gm join ${delegations} d on d.id = gm.delegation_id where gm.group_id = g.id)) end,
      'cosponsors', (select coalesce(json_agg(${delegationJson("d")}), '[]') from ${submissionCosponsors} sc join ${delegations} d on d.id = sc.delegation_id
        where sc.submission_id = s.id and sc.confirmed_at is not null and sc.withdrawn_at is null),
      'aligned', (select coalesce(json_agg(${delegationJson("d")}), '[]') from ${alignments} al join ${delegations} d on d.id = al.delegation_id
        where al.consultation_id = ${consultationId} and al.submission_id = s.id and al.withdrawn_at is null)
    ))::text
    from ${submissions} s left join ${groupsTable} g on g.id = s.on_behalf_of_group_id
    where s.consultation_id = ${consultationId} and (s.on_behalf_of_group_id is not null
      or exists (select 1 from ${submissionCosponsors} sc where sc.submission_id = s.id and sc.confirmed_at is not null and sc.withdrawn_at is null)
      or exists (select 1 from ${alignments} al where al.consultation_id = ${consultationId} and al.submission_id = s.id and al.withdrawn_at is null)))`;
}

/** The attributions read from attributionsJson, by submission, each list in the view's order. */
function readAttributions(json: string | null, sorter: (a: Named, b: Named) => number): Map<string, SubmissionAttribution> {
  const byId = new Map<string, SubmissionAttribution>();
  if (!json) return byId;
  for (const a of JSON.parse(json) as SubmissionAttribution[]) {
    if (a.group) a.group.members.sort(sorter);
    a.cosponsors.sort(sorter);
    a.aligned.sort(sorter);
    byId.set(a.submissionId, a);
  }
  return byId;
}

/** The codes of the delegations a submission speaks for besides its own: members, co-sponsors, aligned. */
function spokenFor(attribution: SubmissionAttribution): Set<string> {
  return new Set([...(attribution.group?.members ?? []), ...attribution.cosponsors, ...attribution.aligned].map((d) => d.code));
}

/** Whether the user may review this consultation (the secretariat, or one of its chairs): one query. */
export async function canReview(user: SessionUser, consultationId: string): Promise<boolean> {
  return (await selectReviewableConsultation(await getDb(), user, consultationId)) !== null;
}

/** The points of the latest circulated non-paper, in agenda order, with their agenda item: one query. */
function selectCirculatedPoints(db: Reader, consultationId: string) {
  const latest = db.select({ id: nonPapers.id }).from(nonPapers).where(eq(nonPapers.consultationId, consultationId)).orderBy(desc(nonPapers.number)).limit(1);
  return db
    .select({
      id: discussionPoints.id,
      agendaItemId: discussionPoints.agendaItemId,
      itemNumber: agendaItems.number,
      itemTitle: agendaItems.title,
      label: discussionPoints.label,
      versionNumber: pointVersions.versionNumber,
      text: pointVersions.text,
    })
    .from(nonPaperPoints)
    .innerJoin(pointVersions, eq(pointVersions.id, nonPaperPoints.pointVersionId))
    .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
    .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
    .where(eq(nonPaperPoints.nonPaperId, sql`(${latest})`))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt), asc(discussionPoints.position), asc(discussionPoints.id));
}

type Named = DelegationNames & { code: string };

/** Delegations in English alphabetical order, or in the reader's language's order. */
export function delegationSorter(order: DelegationOrder, readerLanguage: Language) {
  const language: Language = order === "reader" ? readerLanguage : "en";
  const collator = new Intl.Collator(language, { sensitivity: "base", numeric: true });
  return (a: Named, b: Named) => collator.compare(delegationName(a, language), delegationName(b, language)) || a.code.localeCompare(b.code);
}

/**
 * Each delegation's place in that order, for sorting many rows by delegation: the collator runs
 * over the few delegations, not over every comparison of every row.
 */
function delegationRanks(delegations: Iterable<Named>, order: DelegationOrder, readerLanguage: Language): Map<string, number> {
  const unique = new Map<string, Named>();
  for (const d of delegations) unique.set(d.code, d);
  const sorted = [...unique.values()].sort(delegationSorter(order, readerLanguage));
  return new Map(sorted.map((d, index) => [d.code, index]));
}

const labelCollator = new Intl.Collator("en", { numeric: true });

// ---------------------------------------------------------------------------------------------
// The side-by-side view

export type EntryReview = { reviewerId: string; reviewerName: string; tag: ReviewTag; own: boolean };

export type SideBySideEntry = {
  commentId: string;
  kind: "general" | "point" | "amendment" | "new_proposal";
  pointId: string | null;
  label: string | null;
  delegation: Named & { id: string };
  /** The submission it belongs to: its attribution (group, co-sponsors, aligned) is the view's `attributions`. */
  submissionId: string;
  revisionNumber: number;
  /** The language of the submission. */
  language: Language;
  /**
   * The language each field is written in (null: nothing to translate), judged from the text
   * itself: an amendment in a Chinese submission often proposes the English wording of the point.
   */
  languages: CommentLanguages;
  /** Which fields need a translation (a field in the working language does not). */
  needs: { body: boolean; proposedText: boolean };
  body: string;
  proposedText: string | null;
  /** For an amendment: the circulated wording it is measured against. */
  baseText: string | null;
  /** Null when no field needs translating (every field in the working language). */
  translationStatus: DeskStatus | null;
  translation: { body: string; proposedText: string | null; machineAssisted: boolean } | null;
  /** Every reviewer's tag (notes are private: only the reader's own, in `myReview`). */
  reviews: EntryReview[];
  myReview: { tag: ReviewTag | null; note: string | null } | null;
  /** What became of the comment (shared by the secretariat and the chairs), or null: not decided yet. */
  disposition: { disposition: Disposition; observation: string | null } | null;
};

export type PointSummary = {
  /** Delegations that commented on the point (wrote a comment, with or without an amendment). */
  commented: number;
  /** Delegations that proposed an amendment. */
  amended: number;
  /** Which: a chair's first question is who wants to change the wording. */
  amendedBy: SideBySideEntry["delegation"][];
  /** Delegations with at least one comment on the point tagged so, by anyone. */
  tags: Record<ReviewTag, number>;
  /** The point's comments and amendments by disposition ("none": not decided yet). */
  dispositions: DispositionCounts;
};

const emptyTagCounts = (): Record<ReviewTag, number> => Object.fromEntries(REVIEW_TAGS.map((tag) => [tag, 0])) as Record<ReviewTag, number>;

function findItem<T extends { id: string; number: string | null }>(items: T[], wanted: string | null | undefined, withPoints: Set<string>) {
  if (wanted) {
    const found = items.find((i) => i.id === wanted || (i.number !== null && i.number === wanted));
    if (found) return found;
  }
  return items.find((i) => withPoints.has(i.id)) ?? items[0] ?? null;
}

function findPoint<T extends { id: string; label: string }>(points: T[], wanted: string | null | undefined) {
  if (!wanted) return null;
  const bare = wanted.replace(/^\((.*)\)$/u, "$1");
  return points.find((p) => p.id === wanted || p.label === wanted || p.label === `(${bare})`) ?? null;
}

/**
 * The side-by-side view of one agenda item for the secretariat and the consultation's chairs
 * (null for anyone else, or an unknown consultation): the item's circulated points, each with
 * every delegation's comment and amendment on it from its current revision (original, English
 * translation with its status, the base wording of an amendment, the reviews), a review summary
 * per point, then the item's general comments and new proposals. Filters narrow the entries
 * listed, never the summary. Each entry's submission names who it speaks for (issue 19: the group
 * and its members, confirmed co-sponsors, aligned delegations), read with the access check; a
 * delegation filter also lists the entries that speak for it. Five queries, however many
 * delegations, comments and group members.
 */
export async function getSideBySide(user: SessionUser, consultationId: string, filters: SideBySideFilters) {
  const db = await getDb();
  if (!mayReadComments(user) || !isUuid(consultationId)) return null;
  // The access check and the agenda in one round trip: nothing leaves unless the check passes.
  const [[access], items, circulated] = await Promise.all([
    db
      .select({ ...reviewableColumns, attributions: attributionsJson(consultationId) })
      .from(consultations)
      .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user))),
    selectAgendaItems(db, consultationId),
    selectCirculatedPoints(db, consultationId),
  ]);
  if (!access) return null;
  const { attributions: attributionsText, ...consultation } = access;
  const item = findItem(items, filters.item, new Set(circulated.map((p) => p.agendaItemId)));
  const itemPoints = item ? circulated.filter((p) => p.agendaItemId === item.id) : [];
  const point = findPoint(itemPoints, filters.point);

  // One point asked for: only its comments are read (the view then shows nothing else), 200 rows
  // rather than the item's 1,400 at DESIGN.md §5's scale.
  const inItem = and(
    eq(submissions.consultationId, consultationId),
    eq(comments.agendaItemId, item?.id ?? sql`null`),
    point ? eq(comments.pointId, point.id) : undefined,
    isCurrentRevision(),
  );
  const baseVersion = db.select({ id: pointVersions.id, text: pointVersions.text }).from(pointVersions).as("base_version");
  const [rows, reviewRows] = item
    ? await Promise.all([
        db
          .select({
            commentId: comments.id,
            kind: comments.kind,
            pointId: comments.pointId,
            label: comments.label,
            position: comments.position,
            language: comments.language,
            body: comments.body,
            proposedText: comments.proposedText,
            baseText: baseVersion.text,
            revisionNumber: submissionRevisions.revisionNumber,
            submissionId: submissions.id,
            delegation: { id: delegations.id, code: delegations.code, ...delegationNameColumns },
            translation: {
              id: translations.id,
              status: translations.status,
              body: translations.body,
              proposedText: translations.proposedText,
              sourceBody: translations.sourceBody,
              sourceProposedText: translations.sourceProposedText,
              machineAssisted: translations.machineAssisted,
            },
            disposition: commentDispositions.disposition,
            observation: commentDispositions.observation,
          })
          .from(comments)
          .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
          .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
          .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
          .leftJoin(baseVersion, eq(baseVersion.id, comments.basePointVersionId))
          .leftJoin(translations, and(eq(translations.commentId, comments.id), eq(translations.targetLanguage, consultation.workingLanguage)))
          .leftJoin(commentDispositions, eq(commentDispositions.commentId, comments.id))
          .where(inItem)
          .orderBy(asc(comments.position), asc(comments.id)),
        db
          .select({
            commentId: chairReviews.commentId,
            reviewerId: chairReviews.reviewerId,
            reviewerName: users.name,
            tag: chairReviews.tag,
            // A note is private to its author: nobody else's ever leaves the database.
            note: sql<string | null>`case when ${chairReviews.reviewerId} = ${user.id} then ${chairReviews.note} end`,
          })
          .from(chairReviews)
          .innerJoin(users, eq(users.id, chairReviews.reviewerId))
          .innerJoin(comments, eq(comments.id, chairReviews.commentId))
          .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
          .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
          .where(and(inItem, or(isNotNull(chairReviews.tag), eq(chairReviews.reviewerId, user.id))))
          .orderBy(asc(users.name), asc(chairReviews.reviewerId)),
      ])
    : [[], []];

  const reviewsByComment = new Map<string, typeof reviewRows>();
  for (const r of reviewRows) {
    const list = reviewsByComment.get(r.commentId);
    if (list) list.push(r);
    else reviewsByComment.set(r.commentId, [r]);
  }

  const entries: SideBySideEntry[] = rows.map((r) => {
    const reviews = reviewsByComment.get(r.commentId) ?? [];
    const mine = reviews.find((v) => v.reviewerId === user.id);
    const translated = r.translation?.id ? r.translation : null;
    // Judged field by field, as on the translation desk and in the CRP (English is the only working language).
    const languages: CommentLanguages = commentLanguages(r, r.baseText);
    const needs = fieldsToTranslate(languages);
    const status = neededTranslationStatus(
      translated ? { status: translated.status!, sourceBody: translated.sourceBody!, sourceProposedText: translated.sourceProposedText } : null,
      { body: r.body, proposedText: r.proposedText },
      languages,
    );
    return {
      commentId: r.commentId,
      kind: r.kind,
      pointId: r.pointId,
      label: r.label,
      delegation: r.delegation,
      submissionId: r.submissionId,
      revisionNumber: r.revisionNumber,
      language: r.language,
      languages,
      needs,
      body: r.body,
      proposedText: r.proposedText,
      baseText: r.kind === "amendment" ? r.baseText : null,
      translationStatus: status,
      translation:
        translated && status !== null
          ? {
              body: needs.body ? translated.body! : "",
              proposedText: needs.proposedText ? translated.proposedText : null,
              machineAssisted: translated.machineAssisted!,
            }
          : null,
      reviews: reviews.flatMap((v) => (v.tag ? [{ reviewerId: v.reviewerId, reviewerName: v.reviewerName, tag: v.tag, own: v.reviewerId === user.id }] : [])),
      myReview: mine ? { tag: mine.tag, note: mine.note } : null,
      disposition: r.disposition ? { disposition: r.disposition, observation: r.observation } : null,
    };
  });
  const rank = delegationRanks(
    entries.map((e) => e.delegation),
    filters.order,
    filters.readerLanguage,
  );
  entries.sort((a, b) => rank.get(a.delegation.code)! - rank.get(b.delegation.code)! || labelCollator.compare(a.label ?? "", b.label ?? ""));

  const attributionsById = readAttributions(attributionsText, delegationSorter(filters.order, filters.readerLanguage));
  const spokenForBy = new Map([...attributionsById].map(([id, a]) => [id, spokenFor(a)]));
  const delegationCode = filters.delegation?.toUpperCase() ?? null;
  // One delegation asked for: its own entries and those of the submissions that speak for it (its
  // group's, those it co-sponsors, those it aligned itself with), where the matrix's cells lead.
  const shown = (e: SideBySideEntry) =>
    (!delegationCode || e.delegation.code === delegationCode || spokenForBy.get(e.submissionId)?.has(delegationCode) === true) &&
    (!filters.language || e.language === filters.language || e.languages.body === filters.language || e.languages.proposedText === filters.language) &&
    (filters.hasAmendment === null || filters.hasAmendment === undefined || (e.kind === "amendment") === filters.hasAmendment) &&
    (!filters.translationStatus || e.translationStatus === filters.translationStatus) &&
    (!filters.tag || (filters.tag === "untagged" ? e.reviews.length === 0 : e.reviews.some((v) => v.tag === filters.tag))) &&
    (!filters.disposition || (e.disposition?.disposition ?? "none") === filters.disposition);

  const onPoints = entries.filter((e) => e.pointId !== null);
  const points = itemPoints.map((p) => {
    const all = onPoints.filter((e) => e.pointId === p.id);
    const summary: PointSummary = {
      commented: new Set(all.filter((e) => e.body !== "").map((e) => e.delegation.id)).size,
      amended: new Set(all.filter((e) => e.kind === "amendment").map((e) => e.delegation.id)).size,
      amendedBy: [...new Map(all.filter((e) => e.kind === "amendment").map((e) => [e.delegation.id, e.delegation])).values()],
      tags: emptyTagCounts(),
      dispositions: countDispositions(all.map((e) => e.disposition?.disposition ?? null)),
    };
    for (const tag of REVIEW_TAGS) {
      summary.tags[tag] = new Set(all.filter((e) => e.reviews.some((v) => v.tag === tag)).map((e) => e.delegation.id)).size;
    }
    return { ...p, summary, total: all.length, entries: all.filter(shown) };
  });

  // General comments and new proposals are never amendments: "only amendments" leaves them out,
  // "without amendment" keeps them.
  const aside = (e: SideBySideEntry) => filters.hasAmendment !== true && shown({ ...e, kind: "point" });
  const delegationsSeen = new Map<string, SideBySideEntry["delegation"]>();
  for (const e of entries) delegationsSeen.set(e.delegation.code, e.delegation);
  // A delegation asked for that only others' submissions speak for is a choice of the filter too.
  const spokenForOnly = delegationCode !== null && !delegationsSeen.has(delegationCode);
  if (spokenForOnly) {
    for (const e of entries) {
      const a = attributionsById.get(e.submissionId);
      const found = a && [...(a.group?.members ?? []), ...a.cosponsors, ...a.aligned].find((d) => d.code === delegationCode);
      if (found) {
        const { kind: _kind, ...named } = found;
        delegationsSeen.set(found.code, named);
        break;
      }
    }
  }
  const listedPoints = point ? points.filter((p) => p.id === point.id) : points;
  const general = point ? [] : entries.filter((e) => e.kind === "general" && aside(e));
  const proposals = point ? [] : entries.filter((e) => e.kind === "new_proposal" && aside(e));
  // Only the attributions of the entries listed: a group's 134 members are sent once per submission, not per entry.
  const attributions: Record<string, SubmissionAttribution> = {};
  for (const e of [...listedPoints.flatMap((p) => p.entries), ...general, ...proposals]) {
    const a = attributionsById.get(e.submissionId);
    if (a) attributions[e.submissionId] = a;
  }

  return {
    consultation,
    agendaItems: items.map((i) => ({ id: i.id, number: i.number, title: i.title, pointCount: circulated.filter((p) => p.agendaItemId === i.id).length })),
    item: item ? { id: item.id, number: item.number, heading: item.heading, title: item.title, introduction: item.introduction } : null,
    /** The item's circulated points, for the point filter. */
    pointChoices: itemPoints.map((p) => ({ id: p.id, label: p.label })),
    /** The point asked for, if any: the view shows only it. */
    point: point ? { id: point.id, label: point.label } : null,
    points: listedPoints,
    general,
    proposals,
    /** Who each listed entry's submission speaks for (a group and its members, co-sponsors, aligned delegations), by submission id. */
    attributions,
    /** Every delegation with a comment on the item (on the point, when one is asked for), in the chosen order (for the filter). */
    delegations: spokenForOnly ? [...delegationsSeen.values()].sort(delegationSorter(filters.order, filters.readerLanguage)) : [...delegationsSeen.values()],
    /** What became of each delegation's comments on the item (on the point), in the chosen order; filters never narrow it. */
    dispositionsByDelegation: dispositionsByDelegation(point ? entries.filter((e) => e.pointId === point.id) : entries),
  };
}

/** Each delegation's entries counted by disposition, in the entries' order (the view's order of delegations). */
function dispositionsByDelegation(entries: SideBySideEntry[]): { delegation: SideBySideEntry["delegation"]; counts: DispositionCounts }[] {
  const byCode = new Map<string, { delegation: SideBySideEntry["delegation"]; decided: (Disposition | null)[] }>();
  for (const e of entries) {
    const row = byCode.get(e.delegation.code) ?? { delegation: e.delegation, decided: [] };
    row.decided.push(e.disposition?.disposition ?? null);
    byCode.set(e.delegation.code, row);
  }
  return [...byCode.values()].map((row) => ({ delegation: row.delegation, counts: countDispositions(row.decided) }));
}

export type SideBySide = NonNullable<Awaited<ReturnType<typeof getSideBySide>>>;

/**
 * Every agenda item's side-by-side view (all entries, the delegations in English order), for the
 * comment-resolution table: null for anyone who may not read the comments. Five queries per agenda
 * item (ten at DESIGN.md §5's scale), however many comments.
 */
export async function getCommentResolution(user: SessionUser, consultationId: string, readerLanguage: Language) {
  const first = await getSideBySide(user, consultationId, { order: "en", readerLanguage });
  if (!first) return null;
  const views = [first];
  for (const item of first.agendaItems) {
    if (item.id === first.item?.id) continue;
    const view = await getSideBySide(user, consultationId, { item: item.id, order: "en", readerLanguage });
    if (view) views.push(view);
  }
  const position = new Map(first.agendaItems.map((item, index) => [item.id, index]));
  views.sort((a, b) => (position.get(a.item?.id ?? "") ?? 0) - (position.get(b.item?.id ?? "") ?? 0));
  return { consultation: first.consultation, items: views };
}

// ---------------------------------------------------------------------------------------------
// The matrix

/**
 * Points × registered delegations for the secretariat and the consultation's chairs (null for
 * anyone else): for each delegation and circulated point whether its current revision comments
 * on it, proposes an amendment, both, or neither; counts per point and per delegation. Cells are
 * one string per delegation, a character per point ("-", "c", "a", "b"), so that 200 × 60 stays
 * small in the page's data. Three queries: the consultation, its circulated points, and the
 * registered delegations each with the marks of its comments (one row per delegation, not one per
 * cell: 200 rows at DESIGN.md §5's scale, not 12,000 to group, sort and send).
 *
 * Issue 19: a point counts as addressed too by every member of the group a submission spoke for,
 * every confirmed co-sponsor and every delegation aligned with it, marked apart from the
 * delegation's own comments ("j": its group's or a co-sponsored submission; "l": aligned with;
 * its own comment wins). Each registered delegation's row carries the delegations whose
 * submissions speak for it, and their marks are spread here: no query more, and no comment read twice.
 */
export async function getMatrix(user: SessionUser, consultationId: string, options: { order?: DelegationOrder; readerLanguage?: Language } = {}) {
  const db = await getDb();
  if (!mayReadComments(user) || !isUuid(consultationId)) return null;

  // Per delegation, "<pointId><bits>" for each comment on a point of its current revision,
  // comma-separated: 1 commented (a text: octet_length reads no compressed text), 2 proposed an
  // amendment. Grouped once for the consultation, not a subquery per delegation (without fresh
  // statistics PostgreSQL then joins every revision to every comment, 200 times).
  const marks = db
    .select({
      delegationId: submissions.delegationId,
      marks:
        sql<string>`string_agg(${comments.pointId}::text || ((case when octet_length(${comments.body}) > 0 then 1 else 0 end) + (case when ${comments.kind} = 'amendment' then 2 else 0 end))::text, ',')`.as(
          "marks",
        ),
    })
    .from(comments)
    .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .where(and(eq(submissions.consultationId, consultationId), isCurrentRevision(), isNotNull(comments.pointId), ne(comments.kind, "general")))
    .groupBy(submissions.delegationId)
    .as("marks");
  // The access check with the rest, in one round trip: nothing leaves unless the check passes.
  const [consultation, circulated, registered] = await Promise.all([
    selectReviewableConsultation(db, user, consultationId),
    selectCirculatedPoints(db, consultationId),
    db
      .select({
        id: delegations.id,
        code: delegations.code,
        ...delegationNameColumns,
        marks: marks.marks,
        through: speakersFor(consultationId, registrations.delegationId),
      })
      .from(registrations)
      .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
      .leftJoin(marks, eq(marks.delegationId, registrations.delegationId))
      .where(eq(registrations.consultationId, consultationId)),
  ]);
  if (!consultation) return null;

  const pointIndex = new Map(circulated.map((p, index) => [p.id, index]));
  // Each delegation's own bits per point, read once: the rows of those who speak for others read them again.
  const ownBits = new Map<string, Uint8Array>();
  for (const r of registered) {
    const bits = new Uint8Array(circulated.length);
    if (r.marks) {
      for (const mark of r.marks.split(",")) {
        const index = pointIndex.get(mark.slice(0, -1));
        if (index !== undefined) bits[index]! |= Number(mark.slice(-1));
      }
    }
    ownBits.set(r.id, bits);
  }
  const bits = new Uint8Array(circulated.length);
  registered.sort(delegationSorter(options.order ?? "en", options.readerLanguage ?? "en"));
  const rows = registered.map(({ marks: _marks, through: speakers, ...delegation }) => {
    bits.set(ownBits.get(delegation.id)!);
    if (speakers) {
      for (const speaker of speakers.split(",")) {
        const from = ownBits.get(speaker.slice(0, -1));
        const via = speaker.endsWith("a") ? THROUGH_ALIGNED : THROUGH_JOINT;
        if (!from) continue;
        for (let index = 0; index < from.length; index++) if (from[index]) bits[index]! |= via;
      }
    }
    let cells = "";
    let count = 0;
    let through = 0;
    for (const b of bits) {
      cells += cellMark(b);
      if (b & 3) count++;
      else if (b) through++;
    }
    return { delegation, cells, count, through };
  });
  const pointCounts = circulated.map((_, index) => {
    let commented = 0;
    let amended = 0;
    let any = 0;
    let joint = 0;
    let aligned = 0;
    for (const r of rows) {
      const mark = r.cells[index];
      if (mark === "-") continue;
      if (mark === "j") joint++;
      else if (mark === "l") aligned++;
      else any++;
      if (mark === "c" || mark === "b") commented++;
      if (mark === "a" || mark === "b") amended++;
    }
    // `any`, `commented`, `amended`: the delegations' own comments; `joint`, `aligned`: delegations
    // that did not address the point themselves but a submission speaking for them did.
    return { any, commented, amended, joint, aligned };
  });
  // The points come in agenda order: each agenda item's are consecutive.
  const groups: { id: string; number: string | null; title: string; points: { id: string; label: string }[] }[] = [];
  for (const p of circulated) {
    const last = groups[groups.length - 1];
    if (last?.id === p.agendaItemId) last.points.push({ id: p.id, label: p.label });
    else groups.push({ id: p.agendaItemId, number: p.itemNumber, title: p.itemTitle, points: [{ id: p.id, label: p.label }] });
  }
  return {
    consultation,
    groups,
    /** Columns in order, the same as the groups' points flattened. */
    points: circulated.map((p, index) => ({ id: p.id, label: p.label, agendaItemId: p.agendaItemId, ...pointCounts[index]! })),
    rows,
    totals: {
      delegations: rows.length,
      responding: rows.filter((r) => r.count > 0).length,
      /** Delegations with no comment of their own that a group's, co-sponsored or aligned submission speaks for. */
      represented: rows.filter((r) => r.count === 0 && r.through > 0).length,
      points: circulated.length,
    },
  };
}

/**
 * For a delegation (`delegationId`, a column of the outer query), the delegations whose current
 * submissions speak for it, comma-separated, each "<delegationId>j" (its group's submission, or
 * one it co-sponsors and has confirmed) or "<delegationId>a" (one it aligned itself with and has
 * not withdrawn from); null when none. Three index lookups per delegation.
 */
function speakersFor(consultationId: string, delegationId: SQL | typeof registrations.delegationId) {
  return sql<string | null>`(select string_agg(t.speaker, ',') from (
    select s.delegation_id::text || 'j' as speaker from ${groupMembers} gm join ${submissions} s on s.on_behalf_of_group_id = gm.group_id
      where gm.delegation_id = ${delegationId} and s.consultation_id = ${consultationId} and s.delegation_id <> gm.delegation_id
    union all
    select s.delegation_id::text || 'j' from ${submissionCosponsors} sc join ${submissions} s on s.id = sc.submission_id
      where sc.delegation_id = ${delegationId} and s.consultation_id = ${consultationId} and sc.confirmed_at is not null and sc.withdrawn_at is null
    union all
    select s.delegation_id::text || 'a' from ${alignments} al join ${submissions} s on s.id = al.submission_id
      where al.delegation_id = ${delegationId} and al.consultation_id = ${consultationId} and al.withdrawn_at is null
  ) t)`;
}

export type Matrix = NonNullable<Awaited<ReturnType<typeof getMatrix>>>;
