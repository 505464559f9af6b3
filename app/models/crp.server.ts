// The conference room paper as the secretariat compiles it (issue 6): the data read from the
// database in a fixed number of queries, compilations saved as numbered versions with a digest of
// the data they came from, a redline between any two, and the introduction's editable prose.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  buildCrpModel,
  type CrpCommentData,
  type CrpData,
  type CrpDelegationData,
  type CrpMissing,
  type CrpIntroductionKey,
  type CrpModel,
  type CrpNamedDelegation,
} from "~/documents/crp";
import { crpToMarkdown } from "~/documents/crp";
import type { Language } from "~/i18n/languages";
import type { ConsultationStatus } from "~/lib/consultation-status";
import { EDITABLE_INTRODUCTION_KEYS, MAX_INTRODUCTION_NOTE } from "~/lib/crp-files";
import { wallClockIn } from "~/lib/dates";
import { redlineBlocks, type ParagraphRedline } from "~/lib/paragraph-redline";
import { readableBlocks } from "~/lib/readable-markdown";
import { StampedCache } from "~/lib/stamped-cache";
import { commentLanguages, needsTranslation, neededTranslationStatus } from "~/lib/field-language";
import { mayCompileCrp, mayEditCrpIntroduction, mayReadCrp } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { rowsStamp } from "~/models/row-stamp.server";
import { consultationVisibleTo, crpFactColumns, moveConsultationStatus, selectAgendaItems } from "~/models/consultation.server";
import { isCurrentRevision } from "~/models/submission-history.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";

const {
  alignments,
  comments,
  consultations,
  delegations,
  discussionPoints,
  generatedDocuments,
  groups,
  meetings,
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

export { MAX_INTRODUCTION_NOTE };

// ---------------------------------------------------------------------------------------------
// Reading the data

/**
 * Everything a CRP is compiled from, or null when the consultation does not exist. Five queries
 * however many delegations and comments (the last four run together):
 * the consultation and its meeting; the agenda items; the points in the wording of the latest
 * circulated non-paper; the delegations whose current revision counts (on time, or late and
 * accepted), each with who its submission speaks for (issue 19: its group, confirmed co-sponsors,
 * aligned delegations); the comments of those revisions with their English translations (and, for an
 * amendment, the wording it amends: each field's own language is judged from its text, so that
 * English wording proposed in a Chinese submission is reproduced, not awaited as a translation).
 * `issuedOn` ("YYYY-MM-DD") defaults to today on the meeting's clock.
 */
export async function loadCrpData(db: Reader, consultationId: string, options: { issuedOn?: string } = {}): Promise<CrpData | null> {
  const [row] = await db
    .select({
      meeting: {
        body: meetings.body,
        parentBody: meetings.parentBody,
        session: meetings.session,
        venue: meetings.venue,
        startDate: meetings.startDate,
        endDate: meetings.endDate,
        format: meetings.format,
        timeZone: meetings.timeZone,
      },
      consultation: {
        title: consultations.title,
        ...crpFactColumns,
        circulatedAt: consultations.circulatedAt,
        deadline: consultations.deadline,
        introductionNote: consultations.introductionNote,
      },
      introductionParagraphs: consultations.introductionParagraphs,
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(eq(consultations.id, consultationId));
  if (!row) return null;

  // A revision counts when it is the delegation's current one and not held or declined as late.
  const counts = isCurrentRevision();
  const latestNonPaper = sql`(select ${nonPapers.id} from ${nonPapers} where ${nonPapers.consultationId} = ${consultationId} order by ${nonPapers.number} desc limit 1)`;

  const [items, pointRows, delegationRows, commentRows] = await Promise.all([
    selectAgendaItems(db, consultationId),
    // The wording as last circulated, whatever was revised since.
    db
      .select({ id: discussionPoints.id, agendaItemId: discussionPoints.agendaItemId, label: discussionPoints.label, text: pointVersions.text })
      .from(nonPaperPoints)
      .innerJoin(pointVersions, eq(pointVersions.id, nonPaperPoints.pointVersionId))
      .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
      .where(eq(nonPaperPoints.nonPaperId, latestNonPaper))
      .orderBy(asc(discussionPoints.position), asc(discussionPoints.id)),
    db
      .select({
        revisionId: submissionRevisions.id,
        code: delegations.code,
        name: delegations.nameEn,
        kind: delegations.kind,
        participation: registrations.participation,
        language: submissionRevisions.language,
        late: submissionRevisions.late,
        // Issue 19: who the submission speaks for besides its delegation (a few rows per submission at most).
        groupCode: groups.code,
        groupName: groups.nameEn,
        cosponsors: namedDelegationsJson(
          sql`${submissionCosponsors} sc join ${delegations} d on d.id = sc.delegation_id where sc.submission_id = ${submissions.id} and sc.confirmed_at is not null and sc.withdrawn_at is null`,
        ),
        aligned: namedDelegationsJson(
          sql`${alignments} al join ${delegations} d on d.id = al.delegation_id where al.consultation_id = ${consultationId} and al.submission_id = ${submissions.id} and al.withdrawn_at is null`,
        ),
      })
      .from(submissions)
      .innerJoin(submissionRevisions, eq(submissionRevisions.submissionId, submissions.id))
      .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
      .leftJoin(groups, eq(groups.id, submissions.onBehalfOfGroupId))
      .leftJoin(registrations, and(eq(registrations.consultationId, submissions.consultationId), eq(registrations.delegationId, submissions.delegationId)))
      .where(and(eq(submissions.consultationId, consultationId), counts))
      .orderBy(asc(delegations.code)),
    db
      .select({
        id: comments.id,
        revisionId: comments.revisionId,
        kind: comments.kind,
        agendaItemId: comments.agendaItemId,
        pointId: comments.pointId,
        label: comments.label,
        position: comments.position,
        language: comments.language,
        body: comments.body,
        proposedText: comments.proposedText,
        baseText: pointVersions.text,
        translation: {
          status: translations.status,
          body: translations.body,
          proposedText: translations.proposedText,
          sourceBody: translations.sourceBody,
          sourceProposedText: translations.sourceProposedText,
        },
      })
      .from(comments)
      .innerJoin(submissionRevisions, eq(submissionRevisions.id, comments.revisionId))
      .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
      .leftJoin(pointVersions, and(eq(pointVersions.id, comments.basePointVersionId), eq(comments.kind, "amendment")))
      .leftJoin(translations, and(eq(translations.commentId, comments.id), eq(translations.targetLanguage, "en")))
      .where(and(eq(submissions.consultationId, consultationId), counts))
      .orderBy(asc(comments.id)),
  ]);

  const pointsByItem = new Map<string, { id: string; label: string; text: string }[]>();
  for (const { agendaItemId, ...point } of pointRows) {
    const list = pointsByItem.get(agendaItemId) ?? [];
    list.push(point);
    pointsByItem.set(agendaItemId, list);
  }
  const commentsByRevision = new Map<string, CrpCommentData[]>();
  for (const c of commentRows) {
    const original: CrpCommentData["original"] = { language: c.language as Language, body: c.body, proposedText: c.proposedText };
    const languages = commentLanguages(c, c.baseText);
    // Named only where a field is not in the submission's language, so the digest of data
    // compiled before (every field taken in the submission's language) stays the same.
    const reproducedIn = (language: Language | null): Language => (needsTranslation(language) ? language : "en");
    if (c.body.trim() && reproducedIn(languages.body) !== c.language) original.bodyLanguage = reproducedIn(languages.body);
    if (c.kind === "amendment" && (c.proposedText ?? "").trim() && reproducedIn(languages.proposedText) !== c.language) {
      original.proposedTextLanguage = reproducedIn(languages.proposedText);
    }
    const comment: CrpCommentData = {
      id: c.id,
      kind: c.kind,
      agendaItemId: c.agendaItemId,
      pointId: c.pointId,
      label: c.label,
      position: c.position,
      original,
    };
    // Only the fields written in another language than English need (and await) a translation.
    const status = neededTranslationStatus(c.translation, c, languages);
    if (status !== null) {
      comment.translation =
        status === "todo" || !c.translation ? { status: "missing" } : { status, body: c.translation.body, proposedText: c.translation.proposedText };
    }
    const list = commentsByRevision.get(c.revisionId!) ?? [];
    list.push(comment);
    commentsByRevision.set(c.revisionId!, list);
  }
  const delegationData: CrpDelegationData[] = delegationRows.map((d) => {
    const data: CrpDelegationData = {
      code: d.code,
      name: d.name,
      kind: d.kind,
      participation: d.participation ?? "state_party",
      timeliness: d.late === "accepted" ? "late_accepted" : "on_time",
      language: d.language,
      comments: commentsByRevision.get(d.revisionId) ?? [],
    };
    // Named only when there is something to say, so the digest of a delegation's own submission stays as it was.
    if (d.groupCode && d.groupName) data.onBehalfOf = { code: d.groupCode, name: d.groupName };
    const cosponsors = d.cosponsors ? (JSON.parse(d.cosponsors) as CrpNamedDelegation[]) : [];
    const aligned = d.aligned ? (JSON.parse(d.aligned) as CrpNamedDelegation[]) : [];
    if (cosponsors.length) data.cosponsors = cosponsors;
    if (aligned.length) data.aligned = aligned;
    return data;
  });

  return {
    meeting: row.meeting,
    consultation: row.consultation,
    introductionOverrides: introductionOverrides(row.introductionParagraphs),
    issuedOn: options.issuedOn ?? wallClockIn(new Date(), row.meeting.timeZone).date,
    agendaItems: items.map((item) => ({ ...item, points: pointsByItem.get(item.id) ?? [] })),
    delegations: delegationData,
  };
}

/** The delegations `from` (a FROM … WHERE over `d`, the delegations) reaches, as JSON text of {code, name, kind} in code order; null when none. */
function namedDelegationsJson(from: SQL) {
  return sql<string | null>`(select json_agg(json_build_object('code', d.code, 'name', d.name_en, 'kind', d.kind) order by d.code)::text from ${from})`;
}

/** The stored hand-written paragraphs, keeping only the keys a paragraph can have. */
function introductionOverrides(stored: Record<string, string> | null): Partial<Record<CrpIntroductionKey, string>> | undefined {
  if (!stored) return undefined;
  const overrides: Partial<Record<CrpIntroductionKey, string>> = {};
  for (const key of EDITABLE_INTRODUCTION_KEYS) if (typeof stored[key] === "string") overrides[key] = stored[key];
  return Object.keys(overrides).length ? overrides : undefined;
}

/** Sorted keys, dates as ISO strings: the same data always gives the same text. */
function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * SHA-256 of the data a CRP is compiled from, without the date of issue: equal digests mean a new
 * compilation would say the same thing. Delegations and comments are put in a fixed order first.
 */
export function crpSourceDigest(data: CrpData): string {
  const { issuedOn: _issuedOn, ...rest } = data;
  const ordered = {
    ...rest,
    delegations: [...rest.delegations]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((d) => ({ ...d, comments: [...d.comments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) })),
  };
  return createHash("sha256").update(canonicalJson(ordered)).digest("hex");
}

/**
 * A stamp of every row a CRP of the consultation is compiled from (those loadCrpData reads), by
 * rowsStamp: tens of milliseconds where the data costs a second or more.
 */
function crpDataStamp(consultationId: string): SQL<string> {
  const id = consultationId;
  return rowsStamp([
    sql`select 'c' || c.xmin::text || 'm' || m.xmin::text from consultations c join meetings m on m.id = c.meeting_id where c.id = ${id}`,
    sql`select 'a' || a.id || a.xmin::text from agenda_items a where a.consultation_id = ${id}`,
    sql`select 'p' || p.id || p.xmin::text from discussion_points p join agenda_items a on a.id = p.agenda_item_id where a.consultation_id = ${id}`,
    sql`select 'v' || v.id || v.xmin::text from point_versions v join discussion_points p on p.id = v.point_id join agenda_items a on a.id = p.agenda_item_id where a.consultation_id = ${id}`,
    sql`select 'n' || n.id || n.xmin::text from non_papers n where n.consultation_id = ${id}`,
    sql`select 'q' || q.non_paper_id || q.point_version_id || q.xmin::text from non_paper_points q join non_papers n on n.id = q.non_paper_id where n.consultation_id = ${id}`,
    sql`select 'g' || g.id || g.xmin::text from registrations g where g.consultation_id = ${id}`,
    sql`select 's' || s.id || s.xmin::text || 'd' || d.xmin::text from submissions s join delegations d on d.id = s.delegation_id where s.consultation_id = ${id}`,
    // Issue 19: the groups submissions speak for, co-sponsors and alignments (their names are delegations').
    sql`select 'G' || g.id || g.xmin::text from groups g where g.id in (select s.on_behalf_of_group_id from submissions s where s.consultation_id = ${id})`,
    sql`select 'C' || c.submission_id || c.delegation_id || c.xmin::text || e.xmin::text from submission_cosponsors c join submissions s on s.id = c.submission_id join delegations e on e.id = c.delegation_id where s.consultation_id = ${id}`,
    sql`select 'L' || l.id || l.xmin::text || e.xmin::text from alignments l join delegations e on e.id = l.delegation_id where l.consultation_id = ${id}`,
    sql`select 'r' || r.id || r.xmin::text from submission_revisions r join submissions s on s.id = r.submission_id where s.consultation_id = ${id}`,
    // Comments of revisions only: drafts are not CRP data, and the autosave rewrites them every
    // few seconds while delegates type, which would rebuild the page at each view.
    sql`select 'k' || k.id || k.xmin::text || coalesce('t' || t.id || t.xmin::text, '') from comments k join submissions s on s.id = k.submission_id left join translations t on t.comment_id = k.id where s.consultation_id = ${id} and k.revision_id is not null`,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Who may do what

type Access = {
  id: string;
  title: string;
  status: ConsultationStatus;
  crpSymbol: string | null;
  introductionNote: string | null;
  /** The meeting's IANA zone. */
  timeZone: string;
};

/**
 * The consultation when the user may read its CRP: the secretariat always; a chair of the
 * consultation once it is circulated; delegates never (the CRP is theirs once issued, not before).
 */
async function selectAccess(db: Reader, user: SessionUser, consultationId: string): Promise<Access | null>;
async function selectAccess(db: Reader, user: SessionUser, consultationId: string, withStamp: true): Promise<(Access & { stamp: string }) | null>;
async function selectAccess(db: Reader, user: SessionUser, consultationId: string, withStamp = false): Promise<(Access & { stamp?: string }) | null> {
  if (!mayReadCrp(user)) return null;
  const [row] = await db
    .select({
      id: consultations.id,
      title: consultations.title,
      status: consultations.status,
      crpSymbol: consultations.crpSymbol,
      introductionNote: consultations.introductionNote,
      timeZone: meetings.timeZone,
      stamp: withStamp ? crpDataStamp(consultationId) : sql<string>`''`,
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  // A chair never sees a draft consultation: consultationVisibleTo requires it circulated.
  return row ?? null;
}

/** Why the secretariat may not compile now; null when it may (a final one also needs `closed`). */
export function compileRefusal(status: ConsultationStatus, final: boolean): "not_circulated" | "not_closed" | "compiled" | null {
  if (status === "draft") return "not_circulated";
  if (status === "compiled") return "compiled";
  if (final && status !== "closed") return "not_closed";
  return null;
}

// ---------------------------------------------------------------------------------------------
// The CRP page

export type CrpVersionSummary = {
  versionNumber: number;
  status: "draft" | "final";
  createdAt: Date;
  createdBy: string | null;
  /** The consultation's data changed since this version was compiled. */
  changedSince: boolean;
};

// What the page keeps between views. At the design's scale the data, its digest and the draft
// built from it cost about a second, and they change far less often than the page is read: they are
// kept per consultation under the stamp of the data (crpDataStamp) and the date of issue. A saved
// version never changes; its model and any redline are kept under the version rows' xmin all the same.
const IDLE_MS = 15 * 60_000;
type DraftWork = { digest: string; draft: CrpModel | null; rewritten: CrpIntroductionKey[] } | null;
const drafts = new StampedCache<DraftWork>({ size: 3, idleMs: IDLE_MS });
const versionModels = new StampedCache<CrpModel>({ size: 3, idleMs: IDLE_MS });
const redlines = new StampedCache<CrpRedline | null>({ size: 3, idleMs: IDLE_MS });

/** Forgets everything kept (tests that measure the work of a first view). */
export function forgetCrpPageWork(): void {
  drafts.clear();
  versionModels.clear();
  redlines.clear();
}

const rowStamp = sql<string>`${generatedDocuments}.xmin::text`;

/**
 * The CRP page: the consultation, its versions (newest first), a live draft preview and what a
 * final compilation still lacks. Null (404) for delegates and anyone who may not see the
 * consultation. Two queries while the data is unchanged since the last view, seven when it changed
 * (the data's five), however many comments. The models returned are shared: read, never change.
 */
export async function getCrpPage(user: SessionUser, consultationId: string) {
  const db = await getDb();
  const access = await selectAccess(db, user, consultationId, true);
  if (!access) return null;
  const { stamp, ...consultation } = access;
  const issuedOn = wallClockIn(new Date(), consultation.timeZone).date;
  const [work, versionRows] = await Promise.all([
    drafts.get(consultationId, `${stamp}|${issuedOn}`, async (): Promise<DraftWork> => {
      const data = await loadCrpData(db, consultationId, { issuedOn });
      if (!data) return null;
      const built = buildCrpModel(data, { final: false });
      return {
        digest: crpSourceDigest(data),
        draft: built.ok ? built.model : null,
        rewritten: Object.keys(data.introductionOverrides ?? {}) as CrpIntroductionKey[],
      };
    }),
    db
      .select({
        versionNumber: generatedDocuments.versionNumber,
        status: generatedDocuments.status,
        createdAt: generatedDocuments.createdAt,
        createdBy: users.name,
        sourceDigest: generatedDocuments.sourceDigest,
        stamp: rowStamp,
      })
      .from(generatedDocuments)
      .leftJoin(users, eq(users.id, generatedDocuments.createdBy))
      .where(and(eq(generatedDocuments.consultationId, consultationId), eq(generatedDocuments.kind, "crp")))
      .orderBy(desc(generatedDocuments.versionNumber)),
  ]);
  if (!work) return null;
  // Once the final CRP is compiled, the preview is that version as issued (no draft mark);
  // before, the draft: its `pending` lists exactly what would block the final compilation.
  const final = versionRows.find((v) => v.status === "final") ?? null;
  const preview = final ? await versionModel(db, consultationId, final.versionNumber, final.stamp) : work.draft;
  const versions: CrpVersionSummary[] = versionRows.map(({ sourceDigest, stamp: _stamp, ...v }) => ({ ...v, changedSince: sourceDigest !== work.digest }));
  const compiler = mayCompileCrp(user);
  return {
    consultation,
    versions,
    latestVersion: versions[0]?.versionNumber ?? 0,
    /** The final version's number once compiled (the preview is then that version), else null. */
    finalVersion: final?.versionNumber ?? null,
    preview,
    /** What blocks the final compilation (empty when it may be compiled). */
    blocking: preview?.pending ?? [],
    canCompileDraft: compiler && compileRefusal(consultation.status, false) === null,
    canCompileFinal: compiler && compileRefusal(consultation.status, true) === null,
    canEditIntroduction: mayEditCrpIntroduction(user, consultation),
    /** The paragraphs of section I the secretariat has rewritten by hand (by key). */
    rewrittenParagraphs: work.rewritten,
  };
}

export type CrpPage = NonNullable<Awaited<ReturnType<typeof getCrpPage>>>;

/** A saved version's model, kept under its row's stamp. */
function versionModel(db: Reader, consultationId: string, versionNumber: number, stamp: string): Promise<CrpModel> {
  return versionModels.get(`${consultationId}:${versionNumber}`, stamp, async () => {
    const [row] = await db
      .select({ model: generatedDocuments.model })
      .from(generatedDocuments)
      .where(
        and(eq(generatedDocuments.consultationId, consultationId), eq(generatedDocuments.kind, "crp"), eq(generatedDocuments.versionNumber, versionNumber)),
      );
    return row!.model as CrpModel;
  });
}

// ---------------------------------------------------------------------------------------------
// Compiling

export type CompileResult =
  | { ok: true; versionNumber: number; final: boolean; digest: string }
  | { ok: false; reason: "not_found" | "not_circulated" | "not_closed" | "compiled" }
  | { ok: false; reason: "stale"; latestVersion: number }
  | { ok: false; reason: "blocked"; missing: CrpMissing[] };

/**
 * Compiles the CRP and saves it as version n+1 (secretariat only), with the model, the digest of
 * its data, who and when, and "crp.compile" in the audit log, in one transaction.
 * - A draft once the non-paper is circulated; the final one only once the reflection period is
 *   closed, and only with nothing missing (else `blocked` with the list). The final one moves the
 *   consultation to `compiled`, after which nothing compiles again.
 * - The consultation row is locked, so compilations are numbered one after the other. The page
 *   sends the latest version it showed (`expectedLatestVersion`); when another officer compiled
 *   in between, nothing is saved (`stale`) and the page shows the newer version first. Without it
 *   (a script), two compilations at once simply get n+1 and n+2.
 */
export async function compileCrp(
  user: SessionUser,
  input: {
    consultationId: string;
    final: boolean;
    expectedLatestVersion?: number | null;
    ipAddress?: string | null;
    issuedOn?: string;
    /** False: no "[Original: …]" line above the translated delegations' comments (default true). */
    originalLines?: boolean;
  },
): Promise<CompileResult> {
  if (!mayCompileCrp(user)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<CompileResult> => {
    const [locked] = await tx.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, input.consultationId)).for("update");
    if (!locked) return { ok: false, reason: "not_found" };
    const refusal = compileRefusal(locked.status, input.final);
    if (refusal) return { ok: false, reason: refusal };
    const latestVersion = await selectLatestVersionNumber(tx, input.consultationId);
    if (input.expectedLatestVersion != null && input.expectedLatestVersion !== latestVersion) {
      return { ok: false, reason: "stale", latestVersion };
    }
    const data = (await loadCrpData(tx, input.consultationId, { issuedOn: input.issuedOn }))!;
    const built = buildCrpModel(data, { final: input.final, originalLines: input.originalLines });
    if (!built.ok) return { ok: false, reason: "blocked", missing: built.missing };
    const digest = crpSourceDigest(data);
    const versionNumber = latestVersion + 1;
    const [saved] = await tx
      .insert(generatedDocuments)
      .values({
        consultationId: input.consultationId,
        kind: "crp",
        versionNumber,
        status: input.final ? "final" : "draft",
        model: built.model,
        sourceDigest: digest,
        createdBy: user.id,
      })
      .returning({ id: generatedDocuments.id });
    if (input.final) {
      const moved = await moveConsultationStatus(tx, {
        consultationId: input.consultationId,
        from: "closed",
        to: "compiled",
        actorId: user.id,
        ipAddress: input.ipAddress ?? null,
      });
      // The row is locked and was closed: a failure here is a bug, so the whole compilation rolls back.
      if (!moved.ok) throw new Error(`CRP: could not mark the consultation compiled (${moved.reason})`);
    }
    await recordAudit(
      {
        actorId: user.id,
        action: "crp.compile",
        entityType: "generated_document",
        entityId: saved!.id,
        consultationId: input.consultationId,
        // The choice is named only when it departs from the default.
        details: { version: versionNumber, final: input.final, digest, ...(input.originalLines === false ? { originalLines: false } : {}) },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, versionNumber, final: input.final, digest };
  });
}

async function selectLatestVersionNumber(tx: Transaction, consultationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number | null>`max(${generatedDocuments.versionNumber})`.mapWith((v) => (v === null ? null : Number(v))) })
    .from(generatedDocuments)
    .where(and(eq(generatedDocuments.consultationId, consultationId), eq(generatedDocuments.kind, "crp")));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Saved versions and the redline between two

export type CrpVersion = {
  consultationId: string;
  versionNumber: number;
  status: "draft" | "final";
  createdAt: Date;
  createdBy: string | null;
  model: CrpModel;
};

const versionColumns = {
  versionNumber: generatedDocuments.versionNumber,
  status: generatedDocuments.status,
  createdAt: generatedDocuments.createdAt,
  createdBy: users.name,
  model: generatedDocuments.model,
};

/** One saved version with its model, for the downloads; null (404) as for the page. Two queries. */
export async function getCrpVersion(user: SessionUser, consultationId: string, versionNumber: number): Promise<CrpVersion | null> {
  if (!Number.isSafeInteger(versionNumber) || versionNumber < 1) return null;
  const db = await getDb();
  if (!(await selectAccess(db, user, consultationId))) return null;
  const [row] = await db
    .select(versionColumns)
    .from(generatedDocuments)
    .leftJoin(users, eq(users.id, generatedDocuments.createdBy))
    .where(and(eq(generatedDocuments.consultationId, consultationId), eq(generatedDocuments.kind, "crp"), eq(generatedDocuments.versionNumber, versionNumber)));
  return row ? { consultationId, ...row, model: row.model as CrpModel } : null;
}

export type CrpRedline = { from: number; to: number; rows: ParagraphRedline[] };

/**
 * The redline from version `from` to version `to`, paragraph by paragraph over their text read
 * back from Markdown as headings and paragraphs (no Markdown marks; unchanged stretches folded).
 * Null when either version does not exist or the user may not read them. Kept once computed
 * (versions do not change): two queries, three the first time.
 */
export async function getCrpRedline(user: SessionUser, consultationId: string, from: number, to: number): Promise<CrpRedline | null> {
  if (![from, to].every((n) => Number.isSafeInteger(n) && n >= 1)) return null;
  const db = await getDb();
  if (!(await selectAccess(db, user, consultationId))) return null;
  const versionIs = and(
    eq(generatedDocuments.consultationId, consultationId),
    eq(generatedDocuments.kind, "crp"),
    inArray(generatedDocuments.versionNumber, [from, to]),
  );
  const stamps = await db.select({ versionNumber: generatedDocuments.versionNumber, stamp: rowStamp }).from(generatedDocuments).where(versionIs);
  const stampOf = (n: number) => stamps.find((r) => r.versionNumber === n)?.stamp;
  if (stampOf(from) === undefined || stampOf(to) === undefined) return null;
  return redlines.get(`${consultationId}:${from}:${to}`, `${stampOf(from)}|${stampOf(to)}`, async () => {
    const rows = await db
      .select({ versionNumber: generatedDocuments.versionNumber, model: generatedDocuments.model })
      .from(generatedDocuments)
      .where(versionIs);
    const text = (n: number) => {
      const found = rows.find((r) => r.versionNumber === n);
      return found ? readableBlocks(crpToMarkdown(found.model as CrpModel)) : null;
    };
    const before = text(from);
    const after = text(to);
    if (before === null || after === null) return null;
    return { from, to, rows: redlineBlocks(before, after, { context: 2 }) };
  });
}

// ---------------------------------------------------------------------------------------------
// The secretariat's words in the introduction

export type IntroductionResult = { ok: true; changed: boolean } | { ok: false; reason: "not_found" | "compiled" | "too_long" };

/**
 * One change to the introduction's words (the callers check it is the secretariat's), refused once
 * the CRP is compiled: locks the consultation, lets `change` compute the new columns from the stored
 * ones (null: nothing changes), writes them and "crp.introduction" in the audit log (never the
 * text) in the same transaction.
 */
async function changeIntroduction(
  user: SessionUser,
  input: { consultationId: string; ipAddress?: string | null },
  change: (stored: {
    introductionNote: string | null;
    introductionParagraphs: Record<string, string> | null;
  }) => { set: Partial<typeof consultations.$inferInsert>; details: Record<string, unknown> } | null,
): Promise<IntroductionResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<IntroductionResult> => {
    const [row] = await tx
      .select({ status: consultations.status, introductionNote: consultations.introductionNote, introductionParagraphs: consultations.introductionParagraphs })
      .from(consultations)
      .where(eq(consultations.id, input.consultationId))
      .for("update");
    if (!row) return { ok: false, reason: "not_found" };
    if (row.status === "compiled") return { ok: false, reason: "compiled" };
    const changed = change(row);
    if (!changed) return { ok: true, changed: false };
    await tx
      .update(consultations)
      .set({ ...changed.set, updatedAt: new Date() })
      .where(eq(consultations.id, input.consultationId));
    await recordAudit(
      {
        actorId: user.id,
        action: "crp.introduction",
        entityType: "consultation",
        entityId: input.consultationId,
        consultationId: input.consultationId,
        details: changed.details,
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, changed: true };
  });
}

/**
 * Saves the secretariat's own words on why the points were circulated instead of negotiated
 * (paragraph 2 of the introduction; empty restores the standard text).
 */
export async function saveIntroductionNote(
  user: SessionUser,
  input: { consultationId: string; note: string; ipAddress?: string | null },
): Promise<IntroductionResult> {
  if (!mayCompileCrp(user)) return { ok: false, reason: "not_found" };
  const value = input.note.replace(/\r\n?/g, "\n").trim() || null;
  if (value !== null && value.length > MAX_INTRODUCTION_NOTE) return { ok: false, reason: "too_long" };
  return changeIntroduction(user, input, (stored) =>
    value === stored.introductionNote ? null : { set: { introductionNote: value }, details: { length: value?.length ?? 0, standard: value === null } },
  );
}

/**
 * The secretariat rewrites one paragraph of the introduction by hand (`text`), leaves it out (an
 * empty text), or gives it back to the data (`text` null). The paragraph on why the points were
 * circulated is `saveIntroductionNote`'s.
 */
export async function saveIntroductionParagraph(
  user: SessionUser,
  input: { consultationId: string; key: CrpIntroductionKey; text: string | null; ipAddress?: string | null },
): Promise<IntroductionResult> {
  if (!mayCompileCrp(user) || !EDITABLE_INTRODUCTION_KEYS.includes(input.key)) return { ok: false, reason: "not_found" };
  const text = input.text === null ? null : input.text.replace(/\r\n?/g, "\n").trim();
  if (text !== null && text.length > MAX_INTRODUCTION_NOTE) return { ok: false, reason: "too_long" };
  return changeIntroduction(user, input, (stored) => {
    const paragraphs = { ...(stored.introductionParagraphs ?? {}) };
    if ((paragraphs[input.key] ?? null) === text) return null;
    if (text === null) delete paragraphs[input.key];
    else paragraphs[input.key] = text;
    return {
      set: { introductionParagraphs: Object.keys(paragraphs).length ? paragraphs : null },
      details: { paragraph: input.key, length: text?.length ?? 0, standard: text === null, omitted: text === "" },
    };
  });
}
