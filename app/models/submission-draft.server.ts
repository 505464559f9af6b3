// The mission's shared draft: content checked against the circulated points, saved under an
// optimistic version (a save based on an older version is refused with the current state, so no
// delegate overwrites another's words unseen).
import { and, eq, isNull } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { isEmptyContent, parseSubmissionContent, type ContentIssue, type ContentSources, type SubmissionContent } from "~/lib/submission-rules";
import { selectAgendaItems } from "~/models/consultation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Reader, type Transaction } from "~/utils/db.server";
import {
  circulatedPointsOf,
  contentFromRows,
  deadlineFacts,
  delegateScope,
  selectComments,
  selectDelegationAccess,
  type CirculatedPoint,
  type CommentRow,
  type DraftState,
} from "~/models/submission-access.server";

const { comments, submissions, users } = schema;

// ---------------------------------------------------------------------------------------------
// Content against the consultation

type ContentTargets = { agendaItemIds: Set<string>; points: Map<string, CirculatedPoint> };

export async function contentTargets(db: Reader, consultationId: string): Promise<ContentTargets> {
  const [items, circulated] = await Promise.all([selectAgendaItems(db, consultationId), circulatedPointsOf(db, consultationId)]);
  return { agendaItemIds: new Set(items.map((i) => i.id)), points: new Map(circulated.points.map((p) => [p.id, p])) };
}

/**
 * Checks that every agenda item and point of a content belongs to the consultation (points: to
 * its latest non-paper), and drops an "amendment" identical to the circulated wording (the editor
 * starts from a copy of it). Issues name the field as the client sent it.
 */
export function resolveContent(content: SubmissionContent, sources: ContentSources, targets: ContentTargets) {
  const issues: ContentIssue[] = [];
  content.general.forEach((e, i) => {
    if (!targets.agendaItemIds.has(e.agendaItemId)) {
      issues.push({ field: `general[${sources.general[i]}].agendaItemId`, message: "submissions:errors.agendaItemUnknown" });
    }
  });
  content.points.forEach((e, i) => {
    if (!targets.points.has(e.pointId)) {
      issues.push({ field: `points[${sources.points[i]}].pointId`, message: "submissions:errors.pointUnknown" });
    }
  });
  content.proposals.forEach((e, i) => {
    if (!targets.agendaItemIds.has(e.agendaItemId)) {
      issues.push({ field: `proposals[${sources.proposals[i]}].agendaItemId`, message: "submissions:errors.agendaItemUnknown" });
    }
  });
  if (issues.length) return { ok: false as const, issues };
  const resolved: SubmissionContent = {
    ...content,
    points: content.points
      .map((e) => (e.proposedText !== null && e.proposedText === targets.points.get(e.pointId)!.text ? { ...e, proposedText: null } : e))
      .filter((e) => e.body !== "" || e.proposedText !== null),
  };
  return { ok: true as const, content: resolved };
}

type CommentInsert = typeof comments.$inferInsert;

/** The rows of a content: positions within each list, amendments tied to the circulated version. */
export function commentRows(content: SubmissionContent, targets: ContentTargets, submissionId: string, revisionId: string | null): CommentInsert[] {
  const base = { submissionId, revisionId, language: content.language };
  return [
    ...content.general.map((e, position) => ({
      ...base,
      kind: "general" as const,
      agendaItemId: e.agendaItemId,
      position,
      body: e.body,
    })),
    ...content.points.map((e, position) => {
      const point = targets.points.get(e.pointId)!;
      return {
        ...base,
        kind: e.proposedText !== null ? ("amendment" as const) : ("point" as const),
        agendaItemId: point.agendaItemId,
        pointId: e.pointId,
        basePointVersionId: point.versionId,
        position,
        body: e.body,
        proposedText: e.proposedText,
      };
    }),
    ...content.proposals.map((e, position) => ({
      ...base,
      kind: "new_proposal" as const,
      agendaItemId: e.agendaItemId,
      label: e.label,
      position,
      body: e.body,
    })),
  ];
}

/** Whether stored rows already say exactly what `wanted` would (so an autosave writes nothing). */
function sameRows(stored: CommentRow[], storedLanguage: Language, wanted: CommentInsert[], wantedLanguage: Language) {
  if (storedLanguage !== wantedLanguage || stored.length !== wanted.length) return false;
  const key = (r: {
    kind: string;
    agendaItemId: string;
    pointId?: string | null;
    basePointVersionId?: string | null;
    label?: string | null;
    position?: number;
    body?: string;
    proposedText?: string | null;
  }) =>
    JSON.stringify([
      r.kind,
      r.agendaItemId,
      r.pointId ?? null,
      r.basePointVersionId ?? null,
      r.label ?? null,
      r.position ?? 0,
      r.body ?? "",
      r.proposedText ?? null,
    ]);
  const a = stored.map(key).sort();
  const b = wanted.map(key).sort();
  return a.every((k, i) => k === b[i]);
}

// ---------------------------------------------------------------------------------------------
// The draft

export type SaveDraftResult =
  | { ok: true; changed: boolean; draftVersion: number; savedAt: Date; content: SubmissionContent }
  | { ok: false; reason: "not_found" | "not_open" | "deadline_passed" }
  | { ok: false; reason: "invalid"; issues: ContentIssue[] }
  | { ok: false; reason: "conflict"; current: DraftState };

async function readDraftState(
  tx: Reader,
  submission: { id: string; language: Language; draftVersion: number; draftUpdatedAt: Date | null; draftUpdatedBy: string | null },
): Promise<DraftState> {
  const [rows, author] = await Promise.all([
    selectComments(tx, submission.id, null),
    submission.draftUpdatedBy ? tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, submission.draftUpdatedBy)) : Promise.resolve([]),
  ]);
  return {
    content: contentFromRows(submission.language, rows),
    draftVersion: submission.draftVersion,
    updatedAt: submission.draftUpdatedAt,
    updatedBy: author[0] ?? null,
  };
}

const submissionLockColumns = {
  id: submissions.id,
  status: submissions.status,
  language: submissions.language,
  draftVersion: submissions.draftVersion,
  draftUpdatedAt: submissions.draftUpdatedAt,
  draftUpdatedBy: submissions.draftUpdatedBy,
};

/** The delegation's submission row, locked for the rest of the transaction, or null. */
export async function lockSubmission(tx: Transaction, consultationId: string, delegationId: string) {
  const [row] = await tx
    .select(submissionLockColumns)
    .from(submissions)
    .where(and(eq(submissions.consultationId, consultationId), eq(submissions.delegationId, delegationId)))
    .for("update");
  return row ?? null;
}

/** The delegation's submission row, created if missing (two first saves at once make one), locked. */
export async function lockOrCreateSubmission(tx: Transaction, consultationId: string, delegationId: string, language: Language) {
  const existing = await lockSubmission(tx, consultationId, delegationId);
  if (existing) return existing;
  await tx
    .insert(submissions)
    .values({ consultationId, delegationId, language })
    .onConflictDoNothing({ target: [submissions.consultationId, submissions.delegationId] });
  return (await lockSubmission(tx, consultationId, delegationId))!;
}

/**
 * Saves the delegation's shared draft (autosave): the draft's comments are replaced in one
 * transaction, and the submission records who saved and when (no audit entry per keystroke).
 * Optimistic concurrency: `baseDraftVersion` is the version the delegate's page started from; if
 * another delegate of the mission saved in between, nothing is written and the answer carries
 * the other save (content, version, author, time) so that the page shows both texts. A save that
 * changes nothing writes nothing. Only while the consultation is open and before the delegation's
 * deadline (server clock); bad content is refused with an issue per field, and changes nothing.
 */
export async function saveDraft(user: SessionUser, input: { consultationId: string; baseDraftVersion: number; content: unknown }): Promise<SaveDraftResult> {
  const delegationId = delegateScope(user, input.consultationId);
  if (!delegationId) return { ok: false, reason: "not_found" };
  if (!Number.isSafeInteger(input.baseDraftVersion) || input.baseDraftVersion < 0) {
    return { ok: false, reason: "invalid", issues: [{ field: "baseDraftVersion", message: "submissions:errors.invalid" }] };
  }
  const parsed = parseSubmissionContent(input.content);
  if (!parsed.ok) return { ok: false, reason: "invalid", issues: parsed.issues };
  const db = await getDb();
  return db.transaction(async (tx): Promise<SaveDraftResult> => {
    const access = await selectDelegationAccess(tx, delegationId, input.consultationId, true);
    if (!access) return { ok: false, reason: "not_found" };
    if (access.consultation.status !== "open") return { ok: false, reason: "not_open" };
    const now = new Date();
    if (deadlineFacts(access, now).passed) return { ok: false, reason: "deadline_passed" };

    const targets = await contentTargets(tx, input.consultationId);
    const resolved = resolveContent(parsed.content, parsed.sources, targets);
    if (!resolved.ok) return { ok: false, reason: "invalid", issues: resolved.issues };

    let submission = await lockSubmission(tx, input.consultationId, delegationId);
    if (!submission) {
      // Opening the editor and leaving it empty creates nothing (a submission row, even an
      // empty draft, keeps the delegation from being unregistered). Checked before the version:
      // an empty save says what the (absent) draft says, whatever version it names.
      if (isEmptyContent(resolved.content)) return { ok: true, changed: false, draftVersion: 0, savedAt: now, content: resolved.content };
      // Nothing saved yet: only a page that started from nothing may create the draft.
      if (input.baseDraftVersion !== 0) {
        return {
          ok: false,
          reason: "conflict",
          current: { content: { ...parsed.content, general: [], points: [], proposals: [] }, draftVersion: 0, updatedAt: null, updatedBy: null },
        };
      }
      submission = await lockOrCreateSubmission(tx, input.consultationId, delegationId, resolved.content.language);
    }

    // The same content as the current draft is "saved", whatever version it names: a retry whose
    // first attempt arrived, or the beacon sent on leaving the page, is then no false conflict.
    const rows = commentRows(resolved.content, targets, submission.id, null);
    const stored = await selectComments(tx, submission.id, null);
    if (submission.draftVersion > 0 && sameRows(stored, submission.language, rows, resolved.content.language)) {
      return { ok: true, changed: false, draftVersion: submission.draftVersion, savedAt: submission.draftUpdatedAt ?? now, content: resolved.content };
    }
    if (submission.draftVersion !== input.baseDraftVersion) {
      return { ok: false, reason: "conflict", current: await readDraftState(tx, submission) };
    }
    await tx.delete(comments).where(and(eq(comments.submissionId, submission.id), isNull(comments.revisionId)));
    if (rows.length) await tx.insert(comments).values(rows);
    const draftVersion = submission.draftVersion + 1;
    await tx
      .update(submissions)
      .set({ draftVersion, draftUpdatedAt: now, draftUpdatedBy: user.id, language: resolved.content.language })
      .where(eq(submissions.id, submission.id));
    return { ok: true, changed: true, draftVersion, savedAt: now, content: resolved.content };
  });
}
