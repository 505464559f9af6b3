// Shared set-up of the consolidation tests: submitted revisions written straight into the
// database (the submission models are tested elsewhere; here we need many, fast, in every state).
import { and, eq } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { getDb, schema } from "~/utils/db.server";
import { delegationIdOf } from "./submission-setup";

export type CommentSpec =
  | { kind: "general"; agendaItemId: string; body: string }
  | { kind: "point"; pointId: string; body: string }
  | { kind: "amendment"; pointId: string; body?: string; proposedText: string }
  | { kind: "new_proposal"; agendaItemId: string; label: string; body: string };

let receiptCounter = 0;

/**
 * One revision of a delegation's submission with its comments. `state` sets it up as current (on
 * time), late and pending/accepted/declined, superseded or withdrawn; "draft" writes the comments
 * to the shared draft instead (no revision). Earlier current revisions are superseded when a new
 * current one is written, as the submit does. Returns the comment ids in the order given.
 */
export async function writeRevision(
  consultationId: string,
  code: string,
  language: Language,
  specs: CommentSpec[],
  state: "current" | "pending" | "accepted" | "declined" | "superseded" | "withdrawn" | "draft" = "current",
): Promise<string[]> {
  const db = await getDb();
  const delegationId = await delegationIdOf(code);
  const [existing] = await db
    .select({ id: schema.submissions.id })
    .from(schema.submissions)
    .where(and(eq(schema.submissions.consultationId, consultationId), eq(schema.submissions.delegationId, delegationId)));
  const submissionId =
    existing?.id ??
    (await db.insert(schema.submissions).values({ consultationId, delegationId, language, status: "submitted" }).returning({ id: schema.submissions.id }))[0]!
      .id;

  let revisionId: string | null = null;
  if (state !== "draft") {
    const previous = await db
      .select({ n: schema.submissionRevisions.revisionNumber })
      .from(schema.submissionRevisions)
      .where(eq(schema.submissionRevisions.submissionId, submissionId));
    const now = new Date();
    if (state === "current" || state === "accepted") {
      await db.update(schema.submissionRevisions).set({ supersededAt: now }).where(eq(schema.submissionRevisions.submissionId, submissionId));
    }
    const n = previous.length + 1;
    receiptCounter += 1;
    const [revision] = await db
      .insert(schema.submissionRevisions)
      .values({
        submissionId,
        revisionNumber: n,
        receiptNumber: `CONS-${code}-${Date.now().toString(36)}-${receiptCounter}`,
        idempotencyKey: `cons-${receiptCounter}-${Date.now()}`,
        language,
        late: state === "pending" ? "pending" : state === "accepted" ? "accepted" : state === "declined" ? "declined" : null,
        supersededAt: state === "superseded" ? now : null,
        withdrawnAt: state === "withdrawn" ? now : null,
      })
      .returning({ id: schema.submissionRevisions.id });
    revisionId = revision!.id;
  }

  if (!specs.length) return [];
  const points = new Map<string, { agendaItemId: string; versionId: string }>();
  for (const spec of specs) {
    if ((spec.kind === "point" || spec.kind === "amendment") && !points.has(spec.pointId)) {
      const [row] = await db
        .select({ agendaItemId: schema.discussionPoints.agendaItemId, versionId: schema.pointVersions.id })
        .from(schema.discussionPoints)
        .innerJoin(schema.pointVersions, eq(schema.pointVersions.pointId, schema.discussionPoints.id))
        .where(eq(schema.discussionPoints.id, spec.pointId));
      points.set(spec.pointId, row!);
    }
  }
  const rows = specs.map((spec, position) => {
    const base = { submissionId, revisionId, language, position, kind: spec.kind };
    switch (spec.kind) {
      case "general":
        return { ...base, agendaItemId: spec.agendaItemId, body: spec.body };
      case "new_proposal":
        return { ...base, agendaItemId: spec.agendaItemId, label: spec.label, body: spec.body };
      case "point":
      case "amendment": {
        const point = points.get(spec.pointId)!;
        return {
          ...base,
          agendaItemId: point.agendaItemId,
          pointId: spec.pointId,
          basePointVersionId: point.versionId,
          body: spec.body ?? "",
          proposedText: spec.kind === "amendment" ? spec.proposedText : null,
        };
      }
    }
  });
  const inserted = await db.insert(schema.comments).values(rows).returning({ id: schema.comments.id });
  return inserted.map((r) => r.id);
}

/** A translation of a comment into English, as the desk would store it. */
export async function writeTranslation(
  commentId: string,
  input: {
    status: "draft" | "final";
    body: string;
    proposedText?: string | null;
    machineAssisted?: boolean;
    sourceBody?: string;
    sourceProposedText?: string | null;
  },
) {
  const db = await getDb();
  const [comment] = await db.select().from(schema.comments).where(eq(schema.comments.id, commentId));
  await db.insert(schema.translations).values({
    commentId,
    status: input.status,
    body: input.body,
    proposedText: input.proposedText ?? null,
    sourceBody: input.sourceBody ?? comment!.body,
    sourceProposedText: input.sourceProposedText === undefined ? comment!.proposedText : input.sourceProposedText,
    machineAssisted: input.machineAssisted ?? false,
  });
}

export async function makeChairOf(consultationId: string, email = "chair@nonpaper.test") {
  const db = await getDb();
  const [user] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email));
  await db.insert(schema.consultationChairs).values({ consultationId, userId: user!.id }).onConflictDoNothing();
}

let chairCounter = 0;
/** A chair of no consultation (yet). */
export async function newChair(name = "Another Chair") {
  const db = await getDb();
  const email = `chair-${Date.now()}-${chairCounter++}@nonpaper.test`;
  await db.insert(schema.users).values({ email, name, role: "chair", language: "en" });
  return email;
}
