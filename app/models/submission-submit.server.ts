// Submitting: a revision frozen from the draft with its receipt number (once per idempotency key,
// however often it is retried), the mission's receipt email, submission on a mission's behalf by the
// secretariat, and withdrawal. After the deadline a submission is held as late for the secretariat.
import { and, asc, count, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { nameInSentence } from "~/lib/delegation-names";
import { meetingLine } from "~/lib/meeting-names";
import { isUuid } from "~/lib/ids";
import { formatReceiptNumber } from "~/lib/receipts";
import { receiptMessage, withdrawalMessage, type SubmissionMessageContext } from "~/lib/submission-email";
import { isEmptyContent, isIdempotencyKey, parseSubmissionContent, type ContentIssue, type LateDecision } from "~/lib/submission-rules";
import type { MessageText } from "~/lib/notification-text";
import { mayRecordSubmissionOnBehalf } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { consultationLink } from "~/models/circulation.server";
import { queueNotifications, type QueuedNotification } from "~/models/outbox.server";
import { carryTranslations } from "~/models/translation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema, type Transaction } from "~/utils/db.server";
import { deadlineFacts, delegateScope, selectDelegationAccess, type Access } from "~/models/submission-access.server";
import { selectSpeakerGroup } from "~/models/joint-speaker.server";
import { commentRows, contentTargets, lockOrCreateSubmission, lockSubmission, resolveContent } from "~/models/submission-draft.server";
import { submitClearance } from "~/lib/clearance";
import { recordClearance, selectClearanceFacts } from "~/models/clearance.server";

const { attachments, comments, receiptCounters, submissionRevisions, submissions, users } = schema;

/** The kinds of the outbox messages these functions queue. */
export const SUBMISSION_MESSAGE_KINDS = {
  receipt: "submission.receipt",
  withdrawn: "submission.withdrawn",
  lateDecision: "submission.late_decision",
  extension: "submission.deadline_extension",
} as const;

// ---------------------------------------------------------------------------------------------
// Revisions and receipts

export type Receipt = {
  revisionId: string;
  receiptNumber: string;
  revisionNumber: number;
  submittedAt: Date;
  /** "pending" when it arrived after the deadline and is held for the secretariat. */
  late: LateDecision | null;
  /** The delegation's deadline it was measured against. */
  deadline: Date | null;
};

/**
 * The next receipt number of a consultation, in the caller's transaction (gapless: a rollback returns
 * it). Alignments take theirs from the same counter (app/models/joint.server.ts).
 */
export async function nextReceiptNumber(tx: Transaction, access: Pick<Access, "consultation" | "delegation">) {
  const [counter] = await tx
    .insert(receiptCounters)
    .values({ consultationId: access.consultation.id, lastNumber: 1 })
    .onConflictDoUpdate({ target: receiptCounters.consultationId, set: { lastNumber: sql`${receiptCounters.lastNumber} + 1` } })
    .returning({ lastNumber: receiptCounters.lastNumber });
  return formatReceiptNumber({
    prefix: access.consultation.receiptPrefix,
    delegationCode: access.delegation.code,
    sequence: counter!.lastNumber,
  });
}

/** The body and venue in the delegate's language where the secretariat gave them, and the dates. */
function meetingName(meeting: Access["meeting"], language: Language) {
  return meetingLine(meeting, language);
}

/**
 * One message per active delegate of the delegation, each in their language, queued in the
 * caller's transaction. Two queries.
 */
export async function notifyMission(
  tx: Transaction,
  access: Pick<Access, "consultation" | "meeting" | "delegation">,
  options: { kind: string; dedupe: string; baseUrl?: string | null },
  build: (context: SubmissionMessageContext) => MessageText,
) {
  const recipients = await tx
    .select({ id: users.id, email: users.email, name: users.name, language: users.language, timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.role, "delegate"), eq(users.delegationId, access.delegation.id), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  const link = options.baseUrl ? consultationLink(options.baseUrl, access.consultation.id) : null;
  const messages: QueuedNotification[] = recipients.map((r) => {
    const text = build({
      language: r.language,
      recipientName: r.name,
      delegationName: nameInSentence(access.delegation, r.language),
      consultationTitle: access.consultation.title,
      meetingName: meetingName(access.meeting, r.language),
      meetingTimeZone: access.meeting.timeZone,
      recipientTimeZone: r.timeZone,
      link,
    });
    return {
      recipientEmail: r.email,
      recipientUserId: r.id,
      language: r.language,
      kind: options.kind,
      subject: text.subject,
      body: text.body,
      consultationId: access.consultation.id,
      dedupeKey: `${options.dedupe}:${r.email}`,
    };
  });
  await queueNotifications(messages, tx);
  return messages.length;
}

/** The revision with this idempotency key, if the delegation already made it. */
async function findByIdempotencyKey(tx: Transaction, submissionId: string, idempotencyKey: string, deadline: Date | null): Promise<Receipt | null> {
  const [row] = await tx
    .select({
      revisionId: submissionRevisions.id,
      receiptNumber: submissionRevisions.receiptNumber,
      revisionNumber: submissionRevisions.revisionNumber,
      submittedAt: submissionRevisions.submittedAt,
      late: submissionRevisions.late,
    })
    .from(submissionRevisions)
    .where(and(eq(submissionRevisions.submissionId, submissionId), eq(submissionRevisions.idempotencyKey, idempotencyKey)));
  return row ? { ...row, deadline } : null;
}

/**
 * Writes revision n+1 of a locked submission with the next receipt number; the comments are
 * written by `writeComments`. A revision on time supersedes every earlier one; a late one, held
 * for the secretariat, supersedes only earlier late ones still pending (an accepted late revision
 * supersedes the rest when it is accepted). Records the audit entry and queues the receipt to
 * every delegate of the mission.
 */
async function freezeRevision(
  tx: Transaction,
  input: {
    access: Access;
    submissionId: string;
    actor: SessionUser;
    idempotencyKey: string;
    language: Language;
    source: "editor" | "email_import";
    draftVersion: number | null;
    attachmentId: string | null;
    submittedAt: Date;
    late: boolean;
    deadline: Date | null;
    writeComments: (revisionId: string) => Promise<number>;
    ipAddress: string | null;
    baseUrl: string | null;
  },
): Promise<Receipt> {
  const { access } = input;
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${submissionRevisions.revisionNumber}), 0)`.mapWith(Number) })
    .from(submissionRevisions)
    .where(eq(submissionRevisions.submissionId, input.submissionId));
  const revisionNumber = (last?.n ?? 0) + 1;
  // Taken as late as possible: the counter row is what concurrent submits of a consultation queue on.
  const receiptNumber = await nextReceiptNumber(tx, access);
  const [revision] = await tx
    .insert(submissionRevisions)
    .values({
      submissionId: input.submissionId,
      revisionNumber,
      receiptNumber,
      idempotencyKey: input.idempotencyKey,
      draftVersion: input.draftVersion,
      language: input.language,
      source: input.source,
      attachmentId: input.attachmentId,
      submittedAt: input.submittedAt,
      submittedBy: input.actor.id,
      late: input.late ? "pending" : null,
    })
    .returning({ id: submissionRevisions.id });
  const revisionId = revision!.id;
  const commentCount = await input.writeComments(revisionId);
  await carryTranslations(tx, input.submissionId, revisionId);
  await tx
    .update(submissionRevisions)
    .set({ supersededAt: input.submittedAt })
    .where(
      and(
        eq(submissionRevisions.submissionId, input.submissionId),
        lt(submissionRevisions.revisionNumber, revisionNumber),
        isNull(submissionRevisions.supersededAt),
        input.late ? eq(submissionRevisions.late, "pending") : undefined,
      ),
    );
  await tx.update(submissions).set({ status: "submitted" }).where(eq(submissions.id, input.submissionId));
  await recordAudit(
    {
      actorId: input.actor.id,
      action: input.source === "email_import" ? "submission.import" : "submission.submit",
      entityType: "submission_revision",
      entityId: revisionId,
      consultationId: access.consultation.id,
      details: {
        delegation: access.delegation.code,
        receipt: receiptNumber,
        revision: revisionNumber,
        late: input.late,
        language: input.language,
        comments: commentCount,
      },
      ipAddress: input.ipAddress,
    },
    tx,
  );
  // The group the submission speaks for, named in the receipt (issue 19).
  const onBehalfOf = await selectSpeakerGroup(tx, input.submissionId);
  await notifyMission(tx, access, { kind: SUBMISSION_MESSAGE_KINDS.receipt, dedupe: `receipt:${revisionId}`, baseUrl: input.baseUrl }, (context) =>
    receiptMessage({
      ...context,
      onBehalfOf,
      receiptNumber,
      revisionNumber,
      submittedAt: input.submittedAt,
      submittedByName: input.actor.role === "delegate" ? input.actor.name : null,
      submissionLanguage: input.language,
      lateAfterDeadline: input.late ? input.deadline : null,
    }),
  );
  return { revisionId, receiptNumber, revisionNumber, submittedAt: input.submittedAt, late: input.late ? "pending" : null, deadline: input.deadline };
}

export type SubmitResult =
  | { ok: true; replayed: boolean; receipt: Receipt }
  | { ok: false; reason: "not_found" | "not_open" | "empty" | "idempotency_key_invalid" | "not_cleared" }
  | { ok: false; reason: "stale_draft"; draftVersion: number };

/**
 * Submits the delegation's draft as it stands: freezes it into revision n+1 with a new receipt
 * number, supersedes the previous revision, queues the receipt email to every delegate of the
 * mission (each in their language, with the time in the meeting's zone and theirs), and records
 * "submission.submit" in the audit log, all in one transaction.
 * - `draftVersion` is the version the delegate confirmed; if the draft changed since, nothing is
 *   submitted ("stale_draft") and the page asks to review again.
 * - After the delegation's deadline (server clock) the revision is held as late ("pending") for
 *   the secretariat.
 * - The same `idempotencyKey` again (double click, retry, even at the same moment) returns the
 *   same receipt and creates nothing (`replayed: true`).
 * - Where the mission requires clearance (issue 19), a drafter submits only a version an approver
 *   cleared ("not_cleared" otherwise, nothing written); an approver's submit clears the version
 *   too ("submission.cleared" in the audit log): one revision, one receipt.
 */
export async function submitSubmission(
  user: SessionUser,
  input: { consultationId: string; idempotencyKey: string; draftVersion: number; ipAddress?: string | null; baseUrl?: string | null },
): Promise<SubmitResult> {
  const delegationId = delegateScope(user, input.consultationId);
  if (!delegationId) return { ok: false, reason: "not_found" };
  if (!isIdempotencyKey(input.idempotencyKey)) return { ok: false, reason: "idempotency_key_invalid" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<SubmitResult> => {
    const access = await selectDelegationAccess(tx, delegationId, input.consultationId, true);
    if (!access) return { ok: false, reason: "not_found" };
    // The submission row lock serialises submits, saves and withdrawals of one delegation, so a
    // retry that raced the first attempt finds its revision here.
    const submission = await lockSubmission(tx, input.consultationId, delegationId);
    if (!submission) return { ok: false, reason: access.consultation.status === "open" ? "empty" : "not_open" };
    const now = new Date();
    const deadline = deadlineFacts(access, now);
    const replay = await findByIdempotencyKey(tx, submission.id, input.idempotencyKey, deadline.effective);
    if (replay) return { ok: true, replayed: true, receipt: replay };
    if (access.consultation.status !== "open") return { ok: false, reason: "not_open" };
    if (submission.draftVersion !== input.draftVersion) return { ok: false, reason: "stale_draft", draftVersion: submission.draftVersion };
    const [draftCount] = await tx
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.submissionId, submission.id), isNull(comments.revisionId)));
    if (!draftCount?.n) return { ok: false, reason: "empty" };
    const clearance = await selectClearanceFacts(tx, { submissionId: submission.id, userId: user.id });
    const cleared = submitClearance({
      required: clearance?.required ?? false,
      approver: clearance?.approver ?? false,
      draftVersion: submission.draftVersion,
      clearedDraftVersion: clearance?.clearedDraftVersion ?? null,
    });
    if (!cleared.ok) return { ok: false, reason: cleared.reason };

    const receipt = await freezeRevision(tx, {
      access,
      submissionId: submission.id,
      actor: user,
      idempotencyKey: input.idempotencyKey,
      language: submission.language,
      source: "editor",
      draftVersion: submission.draftVersion,
      attachmentId: null,
      submittedAt: now,
      late: deadline.passed,
      deadline: deadline.effective,
      // The draft's rows, copied as they are: one statement however many comments.
      writeComments: async (revisionId) => {
        await tx.execute(sql`
          insert into ${comments} (submission_id, revision_id, kind, agenda_item_id, point_id, base_point_version_id, label, position, language, body, proposed_text)
          select submission_id, ${revisionId}::uuid, kind, agenda_item_id, point_id, base_point_version_id, label, position, language, body, proposed_text
          from ${comments}
          where submission_id = ${submission.id} and revision_id is null`);
        return draftCount.n;
      },
      ipAddress: input.ipAddress ?? null,
      baseUrl: input.baseUrl ?? null,
    });
    // The approver's clear-and-submit: the same transaction, the same revision and receipt.
    if (cleared.clears) {
      await recordClearance(tx, {
        user,
        submissionId: submission.id,
        consultationId: input.consultationId,
        delegationCode: access.delegation.code,
        draftVersion: submission.draftVersion,
        at: now,
        receipt,
        ipAddress: input.ipAddress ?? null,
      });
    }
    return { ok: true, replayed: false, receipt };
  });
}

export type SubmitOnBehalfResult =
  | { ok: true; replayed: boolean; receipt: Receipt }
  | { ok: false; reason: "not_found" | "not_open" | "empty" | "idempotency_key_invalid" | "received_in_future" }
  | { ok: false; reason: "invalid"; issues: ContentIssue[] };

/**
 * The secretariat records a submission a delegation sent by email (the import page): a revision
 * with source "email_import" and the original file kept as an attachment, written straight from
 * the given content (the delegation's own draft is left alone), with the next receipt, the
 * receipt email to the mission and "submission.import" in the audit log. `receivedAt` (default:
 * now) is when the email arrived; after the delegation's deadline the revision is held as late.
 * Allowed while the consultation is open or closed (an email may be entered after closing).
 * The same idempotency key again returns the same receipt.
 */
export async function submitOnBehalf(
  user: SessionUser,
  input: {
    consultationId: string;
    delegationId: string;
    content: unknown;
    idempotencyKey: string;
    receivedAt?: Date;
    attachment?: { filename: string; mediaType: string; content: Uint8Array } | null;
    ipAddress?: string | null;
    baseUrl?: string | null;
  },
): Promise<SubmitOnBehalfResult> {
  if (!mayRecordSubmissionOnBehalf(user) || !isUuid(input.consultationId) || !isUuid(input.delegationId)) return { ok: false, reason: "not_found" };
  if (!isIdempotencyKey(input.idempotencyKey)) return { ok: false, reason: "idempotency_key_invalid" };
  const now = new Date();
  const receivedAt = input.receivedAt ?? now;
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime()) return { ok: false, reason: "received_in_future" };
  const parsed = parseSubmissionContent(input.content);
  if (!parsed.ok) return { ok: false, reason: "invalid", issues: parsed.issues };
  const db = await getDb();
  return db.transaction(async (tx): Promise<SubmitOnBehalfResult> => {
    const access = await selectDelegationAccess(tx, input.delegationId, input.consultationId, true);
    if (!access) return { ok: false, reason: "not_found" };
    if (access.consultation.status !== "open" && access.consultation.status !== "closed") return { ok: false, reason: "not_open" };
    const targets = await contentTargets(tx, input.consultationId);
    const resolved = resolveContent(parsed.content, parsed.sources, targets);
    if (!resolved.ok) return { ok: false, reason: "invalid", issues: resolved.issues };
    const deadline = deadlineFacts(access, receivedAt);
    const existing = await lockSubmission(tx, input.consultationId, input.delegationId);
    const replay = existing && (await findByIdempotencyKey(tx, existing.id, input.idempotencyKey, deadline.effective));
    if (replay) return { ok: true, replayed: true, receipt: replay };
    if (isEmptyContent(resolved.content)) return { ok: false, reason: "empty" };
    const submission = existing ?? (await lockOrCreateSubmission(tx, input.consultationId, input.delegationId, resolved.content.language));
    // A twin call may have created the row and its revision while this one waited for the lock.
    const lateReplay = !existing && (await findByIdempotencyKey(tx, submission.id, input.idempotencyKey, deadline.effective));
    if (lateReplay) return { ok: true, replayed: true, receipt: lateReplay };

    let attachmentId: string | null = null;
    if (input.attachment) {
      const [stored] = await tx
        .insert(attachments)
        .values({
          consultationId: input.consultationId,
          filename: input.attachment.filename,
          mediaType: input.attachment.mediaType,
          size: input.attachment.content.byteLength,
          content: input.attachment.content,
          uploadedBy: user.id,
        })
        .returning({ id: attachments.id });
      attachmentId = stored!.id;
    }
    const receipt = await freezeRevision(tx, {
      access,
      submissionId: submission.id,
      actor: user,
      idempotencyKey: input.idempotencyKey,
      language: resolved.content.language,
      source: "email_import",
      draftVersion: null,
      attachmentId,
      submittedAt: receivedAt,
      late: deadline.passed,
      deadline: deadline.effective,
      writeComments: async (revisionId) => {
        const rows = commentRows(resolved.content, targets, submission.id, revisionId);
        if (rows.length) await tx.insert(comments).values(rows);
        return rows.length;
      },
      ipAddress: input.ipAddress ?? null,
      baseUrl: input.baseUrl ?? null,
    });
    return { ok: true, replayed: false, receipt };
  });
}

export type WithdrawResult =
  | { ok: true; receiptNumber: string; revisionNumber: number; withdrawnAt: Date }
  | { ok: false; reason: "not_found" | "not_open" | "deadline_passed" | "not_submitted" };

/**
 * Withdraws the delegation's submitted comments before its deadline: the revision that counts is
 * marked withdrawn (earlier revisions stay readable, as they were), the submission's status
 * becomes "withdrawn", the audit log records it and every delegate of the mission is told. The
 * draft stays, so the delegation may submit again before the deadline.
 */
export async function withdrawSubmission(
  user: SessionUser,
  input: { consultationId: string; ipAddress?: string | null; baseUrl?: string | null },
): Promise<WithdrawResult> {
  const delegationId = delegateScope(user, input.consultationId);
  if (!delegationId) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx): Promise<WithdrawResult> => {
    const access = await selectDelegationAccess(tx, delegationId, input.consultationId, true);
    if (!access) return { ok: false, reason: "not_found" };
    if (access.consultation.status !== "open") return { ok: false, reason: "not_open" };
    const now = new Date();
    const deadline = deadlineFacts(access, now);
    if (deadline.passed) return { ok: false, reason: "deadline_passed" };
    const submission = await lockSubmission(tx, input.consultationId, delegationId);
    if (!submission) return { ok: false, reason: "not_submitted" };
    const withdrawn = await tx
      .update(submissionRevisions)
      .set({ withdrawnAt: now })
      .where(
        and(
          eq(submissionRevisions.submissionId, submission.id),
          isNull(submissionRevisions.supersededAt),
          isNull(submissionRevisions.withdrawnAt),
          // A declined late revision never counted: there is nothing of it to withdraw.
          or(isNull(submissionRevisions.late), ne(submissionRevisions.late, "declined")),
        ),
      )
      .returning({ id: submissionRevisions.id, receiptNumber: submissionRevisions.receiptNumber, revisionNumber: submissionRevisions.revisionNumber });
    if (!withdrawn.length) return { ok: false, reason: "not_submitted" };
    const latest = withdrawn.sort((a, b) => b.revisionNumber - a.revisionNumber)[0]!;
    await tx.update(submissions).set({ status: "withdrawn" }).where(eq(submissions.id, submission.id));
    await recordAudit(
      {
        actorId: user.id,
        action: "submission.withdraw",
        entityType: "submission_revision",
        entityId: latest.id,
        consultationId: input.consultationId,
        details: { delegation: access.delegation.code, receipt: latest.receiptNumber, revision: latest.revisionNumber },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    await notifyMission(tx, access, { kind: SUBMISSION_MESSAGE_KINDS.withdrawn, dedupe: `withdrawn:${latest.id}`, baseUrl: input.baseUrl }, (context) =>
      withdrawalMessage({ ...context, receiptNumber: latest.receiptNumber, withdrawnAt: now, withdrawnByName: user.name, deadline: deadline.effective }),
    );
    return { ok: true, receiptNumber: latest.receiptNumber, revisionNumber: latest.revisionNumber, withdrawnAt: now };
  });
}
