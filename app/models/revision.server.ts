// The Chair's revised text (issue 18). Rev.1 is prepared as the next round's consultation, a draft
// with copies of the circulated points whose origins (point_origins) keep each point's identity
// through relabelling, merging and splitting; when the secretariat circulates it, it is non-paper
// 2 to the same missions, and the side-by-side, matrix, desk and CRP of that round are its own.
// Which comments of the previous round a revised point answers is kept in point_answers.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { commentLanguages, fieldsToTranslate, MIN_REFERENCE_SHARE, shareOfReferenceWords } from "~/lib/field-language";
import { isUuid } from "~/lib/ids";
import { mayManageConsultation, mayReadComments } from "~/lib/permissions";
import { mergedWording } from "~/lib/revision";
import { writePointOrder } from "~/models/agenda.server";
import { recordAudit } from "~/models/audit.server";
import { consultationVisibleTo, selectAgendaItems } from "~/models/consultation.server";
import { circulatedPointsOf } from "~/models/submission-access.server";
import { isCurrentRevision } from "~/models/submission-history.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";

const {
  agendaItems,
  comments,
  consultationChairs,
  consultations,
  discussionPoints,
  meetings,
  pointAnswers,
  pointOrigins,
  pointVersions,
  registrations,
  submissionRevisions,
  submissions,
  translations,
} = schema;

type Actor = { consultationId: string; ipAddress?: string | null };

export type RevisionRefusal =
  "not_found" | "wrong_status" | "not_circulated" | "not_an_amendment" | "translation_missing" | "other_item" | "unchanged" | "stale";

export type StartRevisionResult = { ok: true; consultationId: string; created: boolean } | { ok: false; reason: RevisionRefusal };

/** "CTOC-2020" -> "CTOC-2020-R2", or the first free "…-R2-2", "…-R2-3" if taken. */
async function freeReceiptPrefix(tx: Transaction, prefix: string, round: number): Promise<string> {
  const wanted = `${prefix}-R${round}`;
  const taken = new Set(
    (
      await tx
        .select({ prefix: consultations.receiptPrefix })
        .from(consultations)
        .where(sql`${consultations.receiptPrefix} like ${`${wanted}%`}`)
    ).map((row) => row.prefix),
  );
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/**
 * Starts the Chair's revised text of a consultation whose reflection period is over (closed or
 * compiled): a new draft consultation, the next round, with the same meeting, agenda, registered
 * delegations and chairs, and each circulated point copied with its circulated wording and its
 * origin. Once started, the same round is returned (created: false). The secretariat only. A
 * fixed number of statements, however many points. Audit: revision.start on the new round.
 */
export async function startRevision(user: SessionUser, input: Actor): Promise<StartRevisionResult> {
  if (!mayManageConsultation(user) || !isUuid(input.consultationId)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<StartRevisionResult> => {
    const [previous] = await tx.select().from(consultations).where(eq(consultations.id, input.consultationId)).for("update");
    if (!previous) return { ok: false, reason: "not_found" };
    const [existing] = await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.previousRoundId, previous.id));
    if (existing) return { ok: true, consultationId: existing.id, created: false };
    if (previous.status !== "closed" && previous.status !== "compiled") return { ok: false, reason: "wrong_status" };
    const { points } = await circulatedPointsOf(tx, previous.id);
    if (!points.length) return { ok: false, reason: "not_circulated" };

    const round = previous.round + 1;
    const [next] = await tx
      .insert(consultations)
      .values({
        meetingId: previous.meetingId,
        title: previous.title,
        workingLanguage: previous.workingLanguage,
        receiptPrefix: await freeReceiptPrefix(tx, previous.receiptPrefix, round),
        parentSession: previous.parentSession,
        parentSessionVenue: previous.parentSessionVenue,
        parentSessionStartDate: previous.parentSessionStartDate,
        parentSessionEndDate: previous.parentSessionEndDate,
        parentAgendaItemNumber: previous.parentAgendaItemNumber,
        parentAgendaItemTitle: previous.parentAgendaItemTitle,
        provisionalAgendaSymbol: previous.provisionalAgendaSymbol,
        // The Bureau's approval of the reflection period, for the note verbale (the officer corrects it).
        reflectionApprovedOn: previous.reflectionApprovedOn,
        reflectionApprovalMethod: previous.reflectionApprovalMethod,
        previousRoundId: previous.id,
        round,
        createdBy: user.id,
      })
      .returning({ id: consultations.id });
    const nextId = next!.id;

    // The agenda items that had circulated points, in agenda order, then their points.
    const withPoints = new Set(points.map((p) => p.agendaItemId));
    const items = (await selectAgendaItems(tx, previous.id)).filter((item) => withPoints.has(item.id));
    const newItems = await tx
      .insert(agendaItems)
      .values(
        items.map((item, position) => ({
          consultationId: nextId,
          number: item.number,
          heading: item.heading,
          title: item.title,
          introduction: item.introduction,
          position,
        })),
      )
      .returning({ id: agendaItems.id, position: agendaItems.position });
    const itemFor = new Map(items.map((item, index) => [item.id, newItems.find((n) => n.position === index)!.id]));
    const positionInItem = new Map<string, number>();
    const pointRows = points.map((point) => {
      const position = positionInItem.get(point.agendaItemId) ?? 0;
      positionInItem.set(point.agendaItemId, position + 1);
      return { agendaItemId: itemFor.get(point.agendaItemId)!, label: point.label, position };
    });
    const newPoints = await tx
      .insert(discussionPoints)
      .values(pointRows)
      .returning({ id: discussionPoints.id, agendaItemId: discussionPoints.agendaItemId, position: discussionPoints.position });
    const newPointFor = new Map(newPoints.map((p) => [`${p.agendaItemId}:${p.position}`, p.id]));
    const copies = points.map((point, index) => ({ former: point, id: newPointFor.get(`${pointRows[index]!.agendaItemId}:${pointRows[index]!.position}`)! }));
    await tx
      .insert(pointVersions)
      .values(copies.map(({ former, id }) => ({ pointId: id, versionNumber: 1, text: former.text, source: "revision" as const, authorId: user.id })));
    await tx.insert(pointOrigins).values(copies.map(({ former, id }) => ({ pointId: id, originPointId: former.id })));

    // The same missions, as they took part (a deadline extension was for the earlier round).
    await tx.execute(sql`
      insert into ${registrations} (consultation_id, delegation_id, participation, registered_by)
      select ${nextId}::uuid, delegation_id, participation, ${user.id}::uuid from ${registrations} where consultation_id = ${previous.id}`);
    await tx.execute(sql`
      insert into ${consultationChairs} (consultation_id, user_id)
      select ${nextId}::uuid, user_id from ${consultationChairs} where consultation_id = ${previous.id}`);

    await recordAudit(
      {
        actorId: user.id,
        action: "revision.start",
        entityType: "consultation",
        entityId: nextId,
        consultationId: nextId,
        details: { previousRound: previous.id, round, points: points.length },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, consultationId: nextId, created: true };
  });
}

/** A later round's consultation, if the user may see it, with its previous round: one query. */
async function selectRound(db: Reader, user: SessionUser, consultationId: string) {
  const [row] = await db
    .select({
      id: consultations.id,
      title: consultations.title,
      status: consultations.status,
      round: consultations.round,
      previousRoundId: consultations.previousRoundId,
      workingLanguage: consultations.workingLanguage,
      circulatedAt: consultations.circulatedAt,
      meetingTimeZone: meetings.timeZone,
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  return row?.previousRoundId ? { ...row, previousRoundId: row.previousRoundId } : null;
}

/**
 * The current wording and label of every point of a round, in agenda order, with its origins and
 * the comments it answers (each sorted by id): one query, the origins and answers joined and
 * aggregated by point (distinct, as the two joins multiply each other's rows).
 */
function selectRoundPoints(db: Reader, consultationId: string) {
  const current = db
    .selectDistinctOn([pointVersions.pointId], { pointId: pointVersions.pointId, versionNumber: pointVersions.versionNumber, text: pointVersions.text })
    .from(pointVersions)
    .orderBy(pointVersions.pointId, desc(pointVersions.versionNumber))
    .as("current_version");
  const ids = (column: typeof pointOrigins.originPointId | typeof pointAnswers.commentId) =>
    sql<string[]>`coalesce(array_agg(distinct ${column} order by ${column}) filter (where ${column} is not null), '{}')::text[]`;
  return db
    .select({
      id: discussionPoints.id,
      agendaItemId: discussionPoints.agendaItemId,
      label: discussionPoints.label,
      versionNumber: current.versionNumber,
      text: current.text,
      origins: ids(pointOrigins.originPointId),
      answers: ids(pointAnswers.commentId),
    })
    .from(discussionPoints)
    .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
    .innerJoin(current, eq(current.pointId, discussionPoints.id))
    .leftJoin(pointOrigins, eq(pointOrigins.pointId, discussionPoints.id))
    .leftJoin(pointAnswers, eq(pointAnswers.pointId, discussionPoints.id))
    .where(eq(agendaItems.consultationId, consultationId))
    .groupBy(discussionPoints.id, agendaItems.id, current.versionNumber, current.text)
    .orderBy(asc(agendaItems.position), asc(discussionPoints.position), asc(discussionPoints.id));
}

/**
 * Rev.1 for the secretariat and the consultation's chairs (null for anyone else, or a first
 * round): the round's agenda, each point's current wording with its origins and the comments it
 * answers, and the previous round's agenda and circulated points. Seven queries, however many points.
 */
export async function getRevision(user: SessionUser, consultationId: string) {
  if (!mayReadComments(user) || !isUuid(consultationId)) return null;
  const db = await getDb();
  const round = await selectRound(db, user, consultationId);
  if (!round) return null;
  const [items, points, former, formerItems, [previous]] = await Promise.all([
    selectAgendaItems(db, consultationId),
    selectRoundPoints(db, consultationId),
    circulatedPointsOf(db, round.previousRoundId),
    selectAgendaItems(db, round.previousRoundId),
    db
      .select({ id: consultations.id, title: consultations.title, round: consultations.round, circulatedAt: consultations.circulatedAt })
      .from(consultations)
      .where(eq(consultations.id, round.previousRoundId)),
  ]);
  const { meetingTimeZone, ...consultation } = round;
  return {
    consultation,
    meetingTimeZone,
    previous: previous!,
    items,
    points: points.map((p) => ({ ...p, origins: [...p.origins], answers: [...p.answers] })),
    former: former.points.map((p) => ({ id: p.id, agendaItemId: p.agendaItemId, label: p.label, text: p.text })),
    formerItems: formerItems.map((i) => ({ id: i.id, number: i.number, title: i.title })),
  };
}

export type Revision = NonNullable<Awaited<ReturnType<typeof getRevision>>>;

/** The round's draft consultation, locked for the change: the secretariat only, while a draft. */
async function inDraftRound<T>(user: SessionUser, consultationId: string, work: (tx: Transaction, previousRoundId: string) => Promise<T>) {
  if (!mayManageConsultation(user) || !isUuid(consultationId)) return { ok: false, reason: "not_found" } as const;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: consultations.status, previousRoundId: consultations.previousRoundId })
      .from(consultations)
      .where(eq(consultations.id, consultationId))
      .for("update");
    if (!row?.previousRoundId) return { ok: false, reason: "not_found" } as const;
    if (row.status !== "draft") return { ok: false, reason: "wrong_status" } as const;
    return work(tx, row.previousRoundId);
  });
}

/** A point of the round with its current wording and origins, locked for the change. */
async function findRoundPoint(tx: Transaction, consultationId: string, pointId: string) {
  if (!isUuid(pointId)) return null;
  const [point] = await tx
    .select({ id: discussionPoints.id, label: discussionPoints.label, agendaItemId: discussionPoints.agendaItemId, position: discussionPoints.position })
    .from(discussionPoints)
    .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
    .where(and(eq(discussionPoints.id, pointId), eq(agendaItems.consultationId, consultationId)))
    .for("update", { of: discussionPoints });
  if (!point) return null;
  const [current] = await tx
    .select({ versionNumber: pointVersions.versionNumber, text: pointVersions.text })
    .from(pointVersions)
    .where(eq(pointVersions.pointId, pointId))
    .orderBy(desc(pointVersions.versionNumber))
    .limit(1);
  const origins = (await tx.select({ id: pointOrigins.originPointId }).from(pointOrigins).where(eq(pointOrigins.pointId, pointId))).map((o) => o.id);
  return { ...point, versionNumber: current?.versionNumber ?? 0, text: current?.text ?? "", origins };
}

/** A current submitted comment of the previous round, with what applying it needs. */
async function findPreviousComment(tx: Transaction, previousRoundId: string, commentId: string, workingLanguage: Language) {
  if (!isUuid(commentId)) return null;
  const baseVersion = tx.select({ id: pointVersions.id, text: pointVersions.text }).from(pointVersions).as("base_version");
  const [comment] = await tx
    .select({
      id: comments.id,
      kind: comments.kind,
      pointId: comments.pointId,
      language: comments.language,
      body: comments.body,
      proposedText: comments.proposedText,
      baseText: baseVersion.text,
      translatedProposedText: translations.proposedText,
      delegationId: submissions.delegationId,
    })
    .from(comments)
    .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
    .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
    .leftJoin(translations, and(eq(translations.commentId, comments.id), eq(translations.targetLanguage, workingLanguage)))
    .leftJoin(baseVersion, eq(baseVersion.id, comments.basePointVersionId))
    .where(and(eq(comments.id, commentId), eq(submissions.consultationId, previousRoundId), isCurrentRevision()));
  return comment ?? null;
}

async function workingLanguageOf(tx: Transaction, consultationId: string): Promise<Language> {
  const [row] = await tx.select({ language: consultations.workingLanguage }).from(consultations).where(eq(consultations.id, consultationId));
  return (row?.language ?? "en") as Language;
}

async function writeWording(tx: Transaction, user: SessionUser, pointId: string, versionNumber: number, text: string) {
  await tx.insert(pointVersions).values({ pointId, versionNumber, text, source: "revision", authorId: user.id });
}

function audit(tx: Transaction, user: SessionUser, actor: Actor, action: string, pointId: string, details: Record<string, unknown>) {
  return recordAudit(
    {
      actorId: user.id,
      action,
      entityType: "discussion_point",
      entityId: pointId,
      consultationId: actor.consultationId,
      details,
      ipAddress: actor.ipAddress ?? null,
    },
    tx,
  );
}

export type RevisionChangeResult = { ok: true; pointId: string } | { ok: false; reason: RevisionRefusal };

/**
 * Applies a delegation's amendment to a point of Rev.1 with one click: the point's wording becomes
 * the proposed wording (in the working language: the secretariat's translation when the amendment
 * was written in another language) and the point answers the amendment. The officer edits it after.
 * `basedOnVersion` guards against another officer's edit in between. Audit: revision.apply.
 */
export async function applyAmendment(
  user: SessionUser,
  input: Actor & { pointId: string; commentId: string; basedOnVersion: number },
): Promise<RevisionChangeResult> {
  return inDraftRound(user, input.consultationId, async (tx, previousRoundId): Promise<RevisionChangeResult> => {
    const point = await findRoundPoint(tx, input.consultationId, input.pointId);
    if (!point) return { ok: false, reason: "not_found" };
    const workingLanguage = await workingLanguageOf(tx, input.consultationId);
    const comment = await findPreviousComment(tx, previousRoundId, input.commentId, workingLanguage);
    if (!comment) return { ok: false, reason: "not_found" };
    if (comment.kind !== "amendment" || comment.proposedText === null) return { ok: false, reason: "not_an_amendment" };
    // An amendment to another point than those this one comes from would be applied in the wrong place.
    if (!comment.pointId || !point.origins.includes(comment.pointId)) return { ok: false, reason: "other_item" };
    if (point.versionNumber !== input.basedOnVersion) return { ok: false, reason: "stale" };
    // The secretariat's translation where there is one; else the wording as proposed when it is in
    // the working language: judged from the text as the desk judges it, or (a Spanish submission
    // often proposes its wording in English) when most of its words are the circulated English ones.
    const languages = commentLanguages(
      { kind: comment.kind, language: comment.language, body: comment.body, proposedText: comment.proposedText },
      comment.baseText,
    );
    const english =
      !fieldsToTranslate(languages).proposedText ||
      (comment.baseText !== null && shareOfReferenceWords(comment.proposedText, comment.baseText) >= MIN_REFERENCE_SHARE);
    const wording = comment.translatedProposedText ?? (english ? comment.proposedText : null);
    if (!wording) return { ok: false, reason: "translation_missing" };
    if (wording !== point.text) await writeWording(tx, user, point.id, point.versionNumber + 1, wording);
    await tx.insert(pointAnswers).values({ pointId: point.id, commentId: comment.id, linkedBy: user.id }).onConflictDoNothing();
    await audit(tx, user, input, "revision.apply", point.id, { label: point.label, comment: comment.id, versionNumber: point.versionNumber + 1 });
    return { ok: true, pointId: point.id };
  });
}

/**
 * Records (or takes back) that a point of Rev.1 answers a comment or amendment of the previous
 * round (any current one: a new point may answer a new proposal or a general comment). Audit:
 * revision.answer.
 */
export async function setAnswer(user: SessionUser, input: Actor & { pointId: string; commentId: string; answers: boolean }): Promise<RevisionChangeResult> {
  return inDraftRound(user, input.consultationId, async (tx, previousRoundId): Promise<RevisionChangeResult> => {
    const point = await findRoundPoint(tx, input.consultationId, input.pointId);
    if (!point) return { ok: false, reason: "not_found" };
    const comment = await findPreviousComment(tx, previousRoundId, input.commentId, "en");
    if (!comment) return { ok: false, reason: "not_found" };
    if (input.answers) await tx.insert(pointAnswers).values({ pointId: point.id, commentId: comment.id, linkedBy: user.id }).onConflictDoNothing();
    else await tx.delete(pointAnswers).where(and(eq(pointAnswers.pointId, point.id), eq(pointAnswers.commentId, comment.id)));
    await audit(tx, user, input, "revision.answer", point.id, { label: point.label, comment: comment.id, answers: input.answers });
    return { ok: true, pointId: point.id };
  });
}

/**
 * Merges another point of the same agenda item into this one: its origins and answers join this
 * point's, its wording follows this point's (to be edited), and it is removed. So "(b) in Rev.1 =
 * former (b) and (d)". Audit: revision.merge.
 */
export async function mergePoints(user: SessionUser, input: Actor & { pointId: string; otherPointId: string }): Promise<RevisionChangeResult> {
  return inDraftRound(user, input.consultationId, async (tx): Promise<RevisionChangeResult> => {
    if (input.pointId === input.otherPointId) return { ok: false, reason: "unchanged" };
    const point = await findRoundPoint(tx, input.consultationId, input.pointId);
    const other = await findRoundPoint(tx, input.consultationId, input.otherPointId);
    if (!point || !other) return { ok: false, reason: "not_found" };
    if (point.agendaItemId !== other.agendaItemId) return { ok: false, reason: "other_item" };
    await writeWording(tx, user, point.id, point.versionNumber + 1, mergedWording(point.text, other.text));
    await tx.execute(sql`
      insert into ${pointOrigins} (point_id, origin_point_id)
      select ${point.id}::uuid, origin_point_id from ${pointOrigins} where point_id = ${other.id}
      on conflict do nothing`);
    await tx.execute(sql`
      insert into ${pointAnswers} (point_id, comment_id, linked_by)
      select ${point.id}::uuid, comment_id, ${user.id}::uuid from ${pointAnswers} where point_id = ${other.id}
      on conflict do nothing`);
    await tx.delete(discussionPoints).where(eq(discussionPoints.id, other.id));
    await renumberPositions(tx, point.agendaItemId);
    await audit(tx, user, input, "revision.merge", point.id, { label: point.label, merged: other.label, mergedText: other.text });
    return { ok: true, pointId: point.id };
  });
}

/** "(c)" -> "(c) bis", then "(c) ter"…: a free label for the second half of a split point. */
function splitLabel(label: string, taken: Set<string>): string {
  for (const suffix of ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"]) {
    const candidate = `${label} ${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
  let n = 2;
  while (taken.has(`${label} ${n}`)) n++;
  return `${label} ${n}`;
}

/**
 * Splits a point of Rev.1 in two: a new point right after it, with the same wording (the officer
 * divides it) and the same origins, labelled "(c) bis". Audit: revision.split.
 */
export async function splitPoint(user: SessionUser, input: Actor & { pointId: string }): Promise<RevisionChangeResult> {
  return inDraftRound(user, input.consultationId, async (tx): Promise<RevisionChangeResult> => {
    const point = await findRoundPoint(tx, input.consultationId, input.pointId);
    if (!point) return { ok: false, reason: "not_found" };
    const siblings = await tx
      .select({ id: discussionPoints.id, label: discussionPoints.label })
      .from(discussionPoints)
      .where(eq(discussionPoints.agendaItemId, point.agendaItemId))
      .orderBy(asc(discussionPoints.position), asc(discussionPoints.createdAt), asc(discussionPoints.id));
    const label = splitLabel(point.label, new Set(siblings.map((s) => s.label)));
    const [created] = await tx
      .insert(discussionPoints)
      .values({ agendaItemId: point.agendaItemId, label, position: point.position })
      .returning({ id: discussionPoints.id });
    await writeWording(tx, user, created!.id, 1, point.text);
    if (point.origins.length) await tx.insert(pointOrigins).values(point.origins.map((origin) => ({ pointId: created!.id, originPointId: origin })));
    const order = siblings.flatMap((s) => (s.id === point.id ? [s.id, created!.id] : [s.id]));
    await writePointOrder(tx, order);
    await audit(tx, user, input, "revision.split", created!.id, { label, from: point.label });
    return { ok: true, pointId: created!.id };
  });
}

async function renumberPositions(tx: Transaction, agendaItemId: string) {
  const ids = await tx
    .select({ id: discussionPoints.id })
    .from(discussionPoints)
    .where(eq(discussionPoints.agendaItemId, agendaItemId))
    .orderBy(asc(discussionPoints.position), asc(discussionPoints.createdAt), asc(discussionPoints.id));
  await writePointOrder(
    tx,
    ids.map((row) => row.id),
  );
}

/**
 * The later round of a consultation, if it has one and the user may see it: for the links between
 * rounds on the consultation's pages. One query.
 */
export async function findNextRound(user: SessionUser, consultationId: string) {
  if (!isUuid(consultationId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: consultations.id, round: consultations.round, status: consultations.status })
    .from(consultations)
    .where(and(eq(consultations.previousRoundId, consultationId), consultationVisibleTo(user)));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// What a delegation reads of the rounds: its own comments only, dispositions only once published.

export type EarlierComment = {
  commentId: string;
  kind: "general" | "point" | "amendment" | "new_proposal";
  label: string | null;
  pointLabel: string | null;
  language: Language;
  body: string;
  proposedText: string | null;
  /** Null while the secretariat has not shown the previous round's dispositions to delegations. */
  disposition: { disposition: string; observation: string | null } | null;
  /** The labels of the points of this round that answer it. */
  answeredBy: string[];
};

/**
 * For a delegate writing on a later round: their delegation's current comments of the round before,
 * by the point of this round each point's comments now live in (`byPoint`), the rest (general
 * comments, new proposals, comments on points since deleted) in `others`; each with its
 * disposition once the secretariat published them. Null for anyone else or a first round. Four
 * queries.
 */
export async function getEarlierComments(user: SessionUser, consultationId: string) {
  if (user.role !== "delegate" || !user.delegationId || !isUuid(consultationId)) return null;
  const db = await getDb();
  const round = await selectRound(db, user, consultationId);
  if (!round) return null;
  const [[previous], points, rows] = await Promise.all([
    db
      .select({ round: consultations.round, publishedAt: consultations.dispositionsPublishedAt })
      .from(consultations)
      .where(eq(consultations.id, round.previousRoundId)),
    selectRoundPoints(db, consultationId),
    db
      .select({
        commentId: comments.id,
        kind: comments.kind,
        label: comments.label,
        pointId: comments.pointId,
        pointLabel: discussionPoints.label,
        language: comments.language,
        body: comments.body,
        proposedText: comments.proposedText,
        disposition: schema.commentDispositions.disposition,
        observation: schema.commentDispositions.observation,
      })
      .from(comments)
      .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
      .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
      .innerJoin(agendaItems, eq(agendaItems.id, comments.agendaItemId))
      .leftJoin(discussionPoints, eq(discussionPoints.id, comments.pointId))
      .leftJoin(schema.commentDispositions, eq(schema.commentDispositions.commentId, comments.id))
      .where(and(eq(submissions.consultationId, round.previousRoundId), eq(submissions.delegationId, user.delegationId), isCurrentRevision()))
      .orderBy(asc(agendaItems.position), sql`${discussionPoints.position} asc nulls last`, asc(comments.position), asc(comments.id)),
  ]);
  const published = Boolean(previous?.publishedAt);
  const byPoint: Record<string, EarlierComment[]> = {};
  const others: EarlierComment[] = [];
  for (const row of rows) {
    const comment: EarlierComment = {
      commentId: row.commentId,
      kind: row.kind,
      label: row.label,
      pointLabel: row.pointLabel,
      language: row.language as Language,
      body: row.body,
      proposedText: row.proposedText,
      disposition: published && row.disposition ? { disposition: row.disposition, observation: row.observation } : null,
      answeredBy: points.filter((p) => p.answers.includes(row.commentId)).map((p) => p.label),
    };
    const successors = row.pointId ? points.filter((p) => p.origins.includes(row.pointId!)) : [];
    if (successors.length) for (const point of successors) (byPoint[point.id] ??= []).push(comment);
    else others.push(comment);
  }
  return { previousRound: previous?.round ?? round.round - 1, previousRoundId: round.previousRoundId, published, byPoint, others };
}

export type EarlierComments = NonNullable<Awaited<ReturnType<typeof getEarlierComments>>>;

/**
 * The points of the next round that answer each comment of this one, for a reader who may see that
 * round (a delegate: once it is circulated): by comment id, each point's label and wording. One or
 * two queries.
 */
export async function getAnsweringPoints(user: SessionUser, consultationId: string): Promise<Map<string, { label: string; text: string }[]>> {
  const next = await findNextRound(user, consultationId);
  const answers = new Map<string, { label: string; text: string }[]>();
  if (!next) return answers;
  const db = await getDb();
  for (const point of await selectRoundPoints(db, next.id)) {
    for (const commentId of point.answers) answers.set(commentId, [...(answers.get(commentId) ?? []), { label: point.label, text: point.text }]);
  }
  return answers;
}
