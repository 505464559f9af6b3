// Joint submissions and alignment (issue 19), for the delegates of registered delegations: the
// submission on behalf of a group its delegation coordinates, the co-sponsors it names and the
// invitations it answers, and its alignments with other delegations' (or groups') submissions,
// each with a receipt from the consultation's receipt counter. Every rule is app/lib/joint.ts's,
// decided here in the transaction that writes, with its audit entry; every read is a few queries
// whatever the number of delegations (none per row). Another delegation's submission is named,
// never read: its text stays its own, the secretariat's and the chairs'.
import { and, asc, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import {
  alignmentRefusal,
  alignmentState,
  alignmentWithdrawalRefusal,
  answerRefusal,
  cosponsorState,
  invitationRefusal,
  onBehalfRefusal,
  removalRefusal,
  type AlignmentRefusal,
  type AlignmentWithdrawalRefusal,
  type AnswerRefusal,
  type CosponsorAnswer,
  type InvitationRefusal,
  type OnBehalfRefusal,
  type RemovalRefusal,
  type Speaker,
} from "~/lib/joint";
import { alignmentReceiptMessage, alignmentWithdrawalMessage, cosponsorInvitationMessage } from "~/lib/joint-email";
import { isUniqueViolation } from "~/lib/database-errors";
import { effectiveDeadline } from "~/lib/deadlines";
import { isUuid } from "~/lib/ids";
import { isReceiptNumber } from "~/lib/receipts";
import { selectSpeakerGroup, speakerGroup, speakerGroupColumns, submissionOf } from "~/models/joint-speaker.server";
import {
  deadlineFacts,
  delegationColumns,
  inDelegateTransaction,
  readDelegateAccess,
  recordDelegateAudit as audit,
  type Access,
} from "~/models/submission-access.server";
import { lockOrCreateSubmission, lockSubmission } from "~/models/submission-draft.server";
import { nextReceiptNumber, notifyMission } from "~/models/submission-submit.server";
import type { SessionUser } from "~/models/user.server";
import { schema, type Reader, type Transaction } from "~/utils/db.server";

const { alignments, delegations, groupCoordinators, groupMembers, groups, registrations, submissionCosponsors, submissionRevisions, submissions, users } =
  schema;

/** The kinds of the outbox messages queued here. */
export const JOINT_MESSAGE_KINDS = {
  invitation: "cosponsor.invitation",
  alignmentReceipt: "alignment.receipt",
  alignmentWithdrawn: "alignment.withdrawn",
} as const;

// ---------------------------------------------------------------------------------------------
// Shared pieces

/**
 * The submission has a revision that counts: submitted, not superseded or withdrawn, not a late one
 * still held or declined (revisionState "current"). A correlated subquery on `submissions`.
 */
const countsNow = sql<boolean>`exists (select 1 from ${submissionRevisions} r
  where r.submission_id = ${submissions.id} and r.superseded_at is null and r.withdrawn_at is null
    and (r.late is null or r.late = 'accepted'))`;

/** The submission has any revision at all (it was submitted once). */
const everSubmitted = sql<boolean>`exists (select 1 from ${submissionRevisions} r where r.submission_id = ${submissions.id})`;

/** The delegation is a member of the group the submission speaks for. */
const memberOfSpeakingGroup = (delegationId: string) =>
  sql<boolean>`exists (select 1 from ${groupMembers} gm where gm.group_id = ${submissions.onBehalfOfGroupId} and gm.delegation_id = ${delegationId})`;

/** The delegation co-sponsors the submission, confirmed and not withdrawn. */
const confirmedCosponsor = (delegationId: string) =>
  sql<boolean>`exists (select 1 from ${submissionCosponsors} sc where sc.submission_id = ${submissions.id} and sc.delegation_id = ${delegationId}
    and sc.confirmed_at is not null and sc.withdrawn_at is null)`;

/** The delegation is aligned with the submission (not withdrawn). */
const activeAlignment = (delegationId: string) =>
  sql<boolean>`exists (select 1 from ${alignments} al where al.submission_id = ${submissions.id} and al.delegation_id = ${delegationId}
    and al.withdrawn_at is null)`;

/** One delegation's row on a submission's list of co-sponsors. */
const cosponsorRow = (submissionId: string, delegationId: string) =>
  and(eq(submissionCosponsors.submissionId, submissionId), eq(submissionCosponsors.delegationId, delegationId));

/** Where a co-sponsor stands (cosponsorState reads the last two). */
const cosponsorColumns = {
  invitedAt: submissionCosponsors.invitedAt,
  confirmedAt: submissionCosponsors.confirmedAt,
  withdrawnAt: submissionCosponsors.withdrawnAt,
};

/** Who a submission speaks for, as columns (speakerOf reads them): the submitting delegation and its group. */
const speakerColumns = { delegation: delegationColumns, ...speakerGroupColumns };

type SpeakerRow = { delegation: Speaker["delegation"] } & Parameters<typeof speakerGroup>[0];
const speakerOf = (row: SpeakerRow): Speaker => ({ delegation: row.delegation, group: speakerGroup(row) });

/** `fields` of submissions with who each speaks for (speakerColumns): the submitting delegation joined, its group left-joined. */
function selectSpeaking<T extends SelectedFields>(db: Reader, fields: T) {
  return db
    .select({ ...fields, ...speakerColumns })
    .from(submissions)
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .leftJoin(groups, eq(groups.id, submissions.onBehalfOfGroupId));
}

/** `fields` of alignments with who the submission aligned with speaks for (speakerColumns). */
function selectAlignments<T extends SelectedFields>(db: Reader, fields: T) {
  return db
    .select({ ...fields, ...speakerColumns })
    .from(alignments)
    .innerJoin(submissions, eq(submissions.id, alignments.submissionId))
    .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
    .leftJoin(groups, eq(groups.id, submissions.onBehalfOfGroupId));
}

/** What every change here is given: the consultation, and the request's address and origin (for the audit and the emails' links). */
type DelegateInput = { consultationId: string; ipAddress?: string | null; baseUrl?: string | null };

const windowOf = (access: Access, now: Date) => ({ status: access.consultation.status, deadlinePassed: deadlineFacts(access, now).passed });

/** The period open and the delegation's deadline ahead: what every change needs. */
const isOpen = (window: ReturnType<typeof windowOf>) => window.status === "open" && !window.deadlinePassed;

/** What the delegate's pages show above their own: the consultation, the meeting's time zone, the delegation and its deadline. */
const pageFrame = (access: Access, now: Date) => ({
  consultation: { id: access.consultation.id, title: access.consultation.title, status: access.consultation.status },
  meeting: { timeZone: access.meeting.timeZone },
  delegation: access.delegation,
  deadline: deadlineFacts(access, now),
});

// ---------------------------------------------------------------------------------------------
// The joint submission page

/**
 * The joint submission page of a delegate, or null when the user is not a delegate of a delegation
 * registered for this circulated consultation (404):
 * - who the delegation's submission speaks for, and the groups it coordinates here (with their
 *   member counts), whether it was ever submitted;
 * - the co-sponsors it named, with their state, and the registered delegations it may name;
 * - the invitations it received, with the inviting submission's speaker and whether it counts;
 * - the delegation's deadline and what it may do now.
 * Six queries (one, then five at once), however many delegations and groups.
 */
export async function getJointPage(user: SessionUser, consultationId: string) {
  const opened = await readDelegateAccess(user, consultationId);
  if (!opened) return null;
  const { db, delegationId, access } = opened;
  const now = new Date();

  const [[own], coordinated, cosponsors, invitations, registered] = await Promise.all([
    db
      .select({ id: submissions.id, status: submissions.status, submitted: everSubmitted, ...speakerGroupColumns })
      .from(submissions)
      .leftJoin(groups, eq(groups.id, submissions.onBehalfOfGroupId))
      .where(submissionOf(consultationId, delegationId)),
    selectCoordinatedGroups(db, consultationId, delegationId),
    db
      .select({ delegation: delegationColumns, ...cosponsorColumns })
      .from(submissionCosponsors)
      .innerJoin(submissions, and(eq(submissions.id, submissionCosponsors.submissionId), submissionOf(consultationId, delegationId)))
      .innerJoin(delegations, eq(delegations.id, submissionCosponsors.delegationId))
      .orderBy(asc(submissionCosponsors.invitedAt), asc(delegations.code)),
    selectSpeaking(db, { submissionId: submissions.id, counts: countsNow, ...cosponsorColumns })
      .innerJoin(submissionCosponsors, eq(submissionCosponsors.submissionId, submissions.id))
      .where(and(eq(submissions.consultationId, consultationId), eq(submissionCosponsors.delegationId, delegationId)))
      .orderBy(asc(submissionCosponsors.invitedAt), asc(delegations.code)),
    db
      .select(delegationColumns)
      .from(registrations)
      .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
      .where(and(eq(registrations.consultationId, consultationId), ne(registrations.delegationId, delegationId)))
      .orderBy(asc(delegations.nameEn)),
  ]);

  const window = windowOf(access, now);
  const named = new Set(cosponsors.filter((c) => ["invited", "confirmed"].includes(cosponsorState(c))).map((c) => c.delegation.id));
  const submitted = Boolean(own?.submitted);
  return {
    ...pageFrame(access, now),
    /** The group the delegation's submission speaks for, if any. */
    group: own ? speakerGroup(own) : null,
    submitted,
    coordinated,
    cosponsors: cosponsors.map((c) => ({ ...c, state: cosponsorState(c) })),
    /** The registered delegations it may name (not itself, not one named and not yet declined). */
    candidates: registered.filter((d) => !named.has(d.id)),
    invitations: invitations.map((row) => ({
      submissionId: row.submissionId,
      speaker: speakerOf(row),
      counts: row.counts,
      invitedAt: row.invitedAt,
      state: cosponsorState(row),
    })),
    can: {
      // A group it no longer coordinates may still be left for its own name again.
      onBehalf:
        (coordinated.length > 0 || Boolean(own?.groupId)) && onBehalfRefusal({ ...window, groupId: null, coordinates: true, hasRevisions: submitted }) === null,
      invite: isOpen(window),
      answer: isOpen(window),
    },
  };
}

export type JointPage = NonNullable<Awaited<ReturnType<typeof getJointPage>>>;

/** The groups the delegation coordinates in the consultation (standing ones, or the consultation's own): one query. */
function selectCoordinatedGroups(db: Reader, consultationId: string, delegationId: string, groupId?: string) {
  return db
    .select({ id: groups.id, ...speakerGroupColumns })
    .from(groupCoordinators)
    .innerJoin(groups, eq(groups.id, groupCoordinators.groupId))
    .where(
      and(
        eq(groupCoordinators.consultationId, consultationId),
        eq(groupCoordinators.delegationId, delegationId),
        or(isNull(groups.consultationId), eq(groups.consultationId, consultationId)),
        groupId ? eq(groups.id, groupId) : undefined,
      ),
    )
    .orderBy(asc(groups.nameEn))
    .then((rows) => rows.map((row) => speakerGroup(row)!));
}

// ---------------------------------------------------------------------------------------------
// On behalf of a group

export type OnBehalfResult = { ok: true; changed: boolean } | { ok: false; reason: "not_found" | OnBehalfRefusal };

/**
 * Makes the delegation's submission speak for a group it coordinates in this consultation, or
 * (null) for itself alone again: before its first submission, while the period is open and its
 * deadline ahead. Creates the (empty) submission if the delegation has not drafted yet. Audited
 * as "submission.on_behalf".
 */
export async function setOnBehalf(user: SessionUser, input: DelegateInput & { groupId: string | null }): Promise<OnBehalfResult> {
  if (input.groupId !== null && !isUuid(input.groupId)) return { ok: false, reason: "not_coordinator" };
  return inDelegateTransaction(user, input.consultationId, async (tx, access, now): Promise<OnBehalfResult> => {
    const window = windowOf(access, now);
    const coordinates = input.groupId ? (await selectCoordinatedGroups(tx, access.consultation.id, access.delegation.id, input.groupId)).length > 0 : true;
    // Checked before the submission row is created, so that a refusal writes nothing.
    const early = onBehalfRefusal({ ...window, groupId: input.groupId, coordinates, hasRevisions: false });
    if (early) return { ok: false, reason: early };
    const existing = await lockSubmission(tx, access.consultation.id, access.delegation.id);
    if (!existing && input.groupId === null) return { ok: true, changed: false };
    const submission = existing ?? (await lockOrCreateSubmission(tx, access.consultation.id, access.delegation.id, user.language));
    const [current] = await tx
      .select({ groupId: submissions.onBehalfOfGroupId, groupCode: groups.code, submitted: everSubmitted })
      .from(submissions)
      .leftJoin(groups, eq(groups.id, submissions.onBehalfOfGroupId))
      .where(eq(submissions.id, submission.id));
    const refusal = onBehalfRefusal({ ...window, groupId: input.groupId, coordinates, hasRevisions: Boolean(current?.submitted) });
    if (refusal) return { ok: false, reason: refusal };
    if ((current?.groupId ?? null) === input.groupId) return { ok: true, changed: false };
    await tx.update(submissions).set({ onBehalfOfGroupId: input.groupId }).where(eq(submissions.id, submission.id));
    const [group] = input.groupId ? await tx.select({ code: groups.code }).from(groups).where(eq(groups.id, input.groupId)) : [];
    await audit(tx, {
      user,
      access,
      action: "submission.on_behalf",
      entityType: "submission",
      entityId: submission.id,
      details: { group: group?.code ?? null, previous: current?.groupCode ?? null },
      ipAddress: input.ipAddress,
    });
    return { ok: true, changed: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Co-sponsors

export type InviteResult = { ok: true; again: boolean } | { ok: false; reason: "not_found" | InvitationRefusal };

/**
 * Names a registered delegation as co-sponsor of the delegation's submission (created empty if it
 * has not drafted yet), while the period is open and before the submitting delegation's deadline;
 * one that declined or withdrew may be named again. Its delegates are told by email, each in their
 * language. Audited as "cosponsor.invite".
 */
export async function inviteCosponsor(user: SessionUser, input: DelegateInput & { delegationId: string }): Promise<InviteResult> {
  if (!isUuid(input.delegationId)) return { ok: false, reason: "not_registered" };
  return inDelegateTransaction(user, input.consultationId, async (tx, access, now): Promise<InviteResult> => {
    const window = windowOf(access, now);
    const [invitee] = await tx
      .select({ delegation: delegationColumns, extendedTo: registrations.deadlineExtendedTo })
      .from(registrations)
      .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
      .where(and(eq(registrations.consultationId, access.consultation.id), eq(registrations.delegationId, input.delegationId)));
    const facts = { ...window, self: input.delegationId === access.delegation.id, registered: Boolean(invitee) };
    const early = invitationRefusal({ ...facts, existing: null });
    if (early || !invitee) return { ok: false, reason: early ?? "not_registered" };

    const submission = await lockOrCreateSubmission(tx, access.consultation.id, access.delegation.id, user.language);
    const named = cosponsorRow(submission.id, input.delegationId);
    const [existing] = await tx
      .select({ confirmedAt: submissionCosponsors.confirmedAt, withdrawnAt: submissionCosponsors.withdrawnAt })
      .from(submissionCosponsors)
      .where(named)
      .for("update");
    const refusal = invitationRefusal({ ...facts, existing: existing ? cosponsorState(existing) : null });
    if (refusal) return { ok: false, reason: refusal };
    const invited = { invitedBy: user.id, invitedAt: now, confirmedBy: null, confirmedAt: null, withdrawnAt: null };
    if (existing) await tx.update(submissionCosponsors).set(invited).where(named);
    else await tx.insert(submissionCosponsors).values({ submissionId: submission.id, delegationId: input.delegationId, ...invited });
    await audit(tx, {
      user,
      access,
      action: "cosponsor.invite",
      entityType: "submission",
      entityId: submission.id,
      details: { cosponsor: invitee.delegation.code, again: Boolean(existing) },
      ipAddress: input.ipAddress,
    });
    const speaker: Speaker = { delegation: access.delegation, group: await selectSpeakerGroup(tx, submission.id) };
    // The invited delegation answers by its own deadline (its extension, if it has one).
    const deadline = effectiveDeadline(access.consultation.deadline, invitee.extendedTo);
    await notifyMission(
      tx,
      { consultation: access.consultation, meeting: access.meeting, delegation: invitee.delegation },
      { kind: JOINT_MESSAGE_KINDS.invitation, dedupe: `cosponsor:${submission.id}:${input.delegationId}:${now.toISOString()}`, baseUrl: input.baseUrl },
      (context) => cosponsorInvitationMessage({ ...context, speaker, deadline }),
    );
    return { ok: true, again: Boolean(existing) };
  });
}

export type RemoveResult = { ok: true } | { ok: false; reason: "not_found" | RemovalRefusal };

/**
 * Takes a delegation off the list of co-sponsors while it has not confirmed (or after it declined
 * or withdrew); a confirmed co-sponsor withdraws itself. Audited as "cosponsor.remove".
 */
export async function removeCosponsor(user: SessionUser, input: DelegateInput & { delegationId: string }): Promise<RemoveResult> {
  if (!isUuid(input.delegationId)) return { ok: false, reason: "not_invited" };
  return inDelegateTransaction(user, input.consultationId, async (tx, access, now): Promise<RemoveResult> => {
    const submission = await lockSubmission(tx, access.consultation.id, access.delegation.id);
    const [existing] = submission
      ? await tx
          .select({ confirmedAt: submissionCosponsors.confirmedAt, withdrawnAt: submissionCosponsors.withdrawnAt, code: delegations.code })
          .from(submissionCosponsors)
          .innerJoin(delegations, eq(delegations.id, submissionCosponsors.delegationId))
          .where(cosponsorRow(submission.id, input.delegationId))
          .for("update", { of: submissionCosponsors })
      : [];
    const refusal = removalRefusal({ ...windowOf(access, now), existing: existing ? cosponsorState(existing) : null });
    if (refusal || !submission || !existing) return { ok: false, reason: refusal ?? "not_invited" };
    await tx.delete(submissionCosponsors).where(cosponsorRow(submission.id, input.delegationId));
    await audit(tx, {
      user,
      access,
      action: "cosponsor.remove",
      entityType: "submission",
      entityId: submission.id,
      details: { cosponsor: existing.code, state: cosponsorState(existing) },
      ipAddress: input.ipAddress,
    });
    return { ok: true };
  });
}

export type AnswerResult = { ok: true } | { ok: false; reason: "not_found" | AnswerRefusal };

/**
 * The named delegation's answer to an invitation: confirm or decline it (not yet answered), or
 * withdraw a confirmed co-sponsorship, before its own deadline while the period is open. Audited as
 * "cosponsor.confirm", "cosponsor.decline" or "cosponsor.withdraw".
 */
export async function answerInvitation(user: SessionUser, input: DelegateInput & { submissionId: string; answer: CosponsorAnswer }): Promise<AnswerResult> {
  if (!isUuid(input.submissionId)) return { ok: false, reason: "not_invited" };
  return inDelegateTransaction(user, input.consultationId, async (tx, access, now): Promise<AnswerResult> => {
    const own = cosponsorRow(input.submissionId, access.delegation.id);
    const [row] = await tx
      .select({
        confirmedAt: submissionCosponsors.confirmedAt,
        withdrawnAt: submissionCosponsors.withdrawnAt,
        submitter: delegations.code,
        aligned: activeAlignment(access.delegation.id),
      })
      .from(submissionCosponsors)
      .innerJoin(submissions, and(eq(submissions.id, submissionCosponsors.submissionId), eq(submissions.consultationId, access.consultation.id)))
      .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
      .where(own)
      .for("update", { of: submissionCosponsors });
    const refusal = answerRefusal(input.answer, { ...windowOf(access, now), state: row ? cosponsorState(row) : null, aligned: Boolean(row?.aligned) });
    if (refusal || !row) return { ok: false, reason: refusal ?? "not_invited" };
    await tx
      .update(submissionCosponsors)
      .set(input.answer === "confirm" ? { confirmedBy: user.id, confirmedAt: now } : { withdrawnAt: now })
      .where(own);
    await audit(tx, {
      user,
      access,
      action: `cosponsor.${input.answer}`,
      entityType: "submission",
      entityId: input.submissionId,
      details: { submitter: row.submitter },
      ipAddress: input.ipAddress,
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Alignment

/**
 * The alignment page of a delegate, or null (404) as for getJointPage: the submissions of other
 * delegations that count now, with who speaks (the group and its member count) and where the
 * reader's delegation stands with each (aligned, a member of the group, a co-sponsor); and all its
 * alignments with their receipts, withdrawn ones and those with a submission since withdrawn too.
 * Three queries (one, then two at once).
 */
export async function getAlignmentsPage(user: SessionUser, consultationId: string) {
  const opened = await readDelegateAccess(user, consultationId);
  if (!opened) return null;
  const { db, delegationId, access } = opened;
  const now = new Date();

  const [targets, mine] = await Promise.all([
    selectSpeaking(db, {
      submissionId: submissions.id,
      groupMember: memberOfSpeakingGroup(delegationId),
      cosponsor: confirmedCosponsor(delegationId),
      receiptNumber: alignments.receiptNumber,
      withdrawnAt: alignments.withdrawnAt,
    })
      .leftJoin(alignments, and(eq(alignments.submissionId, submissions.id), eq(alignments.delegationId, delegationId)))
      .where(and(eq(submissions.consultationId, consultationId), ne(submissions.delegationId, delegationId), countsNow))
      .orderBy(asc(delegations.nameEn)),
    selectAlignments(db, {
      submissionId: submissions.id,
      counts: countsNow,
      receiptNumber: alignments.receiptNumber,
      alignedAt: alignments.alignedAt,
      withdrawnAt: alignments.withdrawnAt,
    })
      .where(and(eq(alignments.consultationId, consultationId), eq(alignments.delegationId, delegationId)))
      .orderBy(asc(alignments.alignedAt)),
  ]);

  const open = isOpen(windowOf(access, now));
  return {
    ...pageFrame(access, now),
    targets: targets.map((row) => {
      const aligned = row.receiptNumber !== null && row.withdrawnAt === null;
      return {
        submissionId: row.submissionId,
        speaker: speakerOf(row),
        /** Where the reader's delegation stands: it has aligned, or speaks as co-sponsor or through the group already (a member may still align). */
        relation: aligned ? ("aligned" as const) : row.cosponsor ? ("cosponsor" as const) : row.groupMember ? ("member" as const) : null,
        receiptNumber: aligned ? row.receiptNumber : null,
        canAlign: open && !row.cosponsor && !aligned,
        canWithdraw: open && aligned,
      };
    }),
    alignments: mine.map((row) => ({
      submissionId: row.submissionId,
      speaker: speakerOf(row),
      receiptNumber: row.receiptNumber,
      alignedAt: row.alignedAt,
      state: alignmentState(row),
      /** The submission aligned with has since been withdrawn (or is held as late): the alignment stands, but with nothing that counts. */
      targetCounts: row.counts,
    })),
    can: { change: open },
  };
}

export type AlignmentsPage = NonNullable<Awaited<ReturnType<typeof getAlignmentsPage>>>;

export type AlignResult = { ok: true; receiptNumber: string; alignedAt: Date; again: boolean } | { ok: false; reason: "not_found" | AlignmentRefusal };

/**
 * Aligns the delegation with another delegation's (or a group's) submission that counts, before
 * its own deadline while the period is open: a receipt numbered from the consultation's receipt
 * counter (the same sequence as the submissions', no gap), audited as "alignment.create" and
 * emailed to every delegate of the mission. The target is share-locked, so that its withdrawal
 * waits; one that was withdrawn may be aligned with again, with a new receipt. A submission of
 * another consultation, or none, is not_found.
 */
export async function alignWith(user: SessionUser, input: DelegateInput & { submissionId: string }): Promise<AlignResult> {
  if (!isUuid(input.submissionId)) return { ok: false, reason: "not_found" };
  try {
    return await inDelegateTransaction(user, input.consultationId, async (tx, access, now): Promise<AlignResult> => {
      const own = access.delegation.id;
      const [target] = await selectSpeaking(tx, { counts: countsNow, groupMember: memberOfSpeakingGroup(own), cosponsor: confirmedCosponsor(own) })
        .where(and(eq(submissions.id, input.submissionId), eq(submissions.consultationId, access.consultation.id)))
        .for("share", { of: submissions });
      if (!target) return { ok: false, reason: "not_found" };
      const [existing] = await tx
        .select({ id: alignments.id, withdrawnAt: alignments.withdrawnAt })
        .from(alignments)
        .where(and(eq(alignments.delegationId, own), eq(alignments.submissionId, input.submissionId)))
        .for("update");
      const refusal = alignmentRefusal({
        ...windowOf(access, now),
        self: target.delegation.id === own,
        targetCounts: target.counts,
        groupMember: target.groupMember,
        cosponsor: target.cosponsor,
        existing: existing ? alignmentState(existing) : null,
      });
      if (refusal) return { ok: false, reason: refusal };

      // Taken last, as a submit does: the counter row is what the consultation's receipts queue on.
      const receiptNumber = await nextReceiptNumber(tx, access);
      const values = { receiptNumber, alignedBy: user.id, alignedAt: now, withdrawnAt: null };
      const [row] = existing
        ? await tx.update(alignments).set(values).where(eq(alignments.id, existing.id)).returning({ id: alignments.id })
        : await tx
            .insert(alignments)
            .values({ consultationId: access.consultation.id, delegationId: own, submissionId: input.submissionId, ...values })
            .returning({ id: alignments.id });
      const speaker = await auditAlignment(tx, { user, access, ipAddress: input.ipAddress }, "alignment.create", {
        id: row!.id,
        receiptNumber,
        target,
        details: { again: Boolean(existing) },
      });
      await notifyMission(tx, access, { kind: JOINT_MESSAGE_KINDS.alignmentReceipt, dedupe: `alignment:${receiptNumber}`, baseUrl: input.baseUrl }, (context) =>
        alignmentReceiptMessage({ ...context, receiptNumber, alignedAt: now, alignedByName: user.name, speaker }),
      );
      return { ok: true, receiptNumber, alignedAt: now, again: Boolean(existing) };
    });
  } catch (error) {
    // A colleague of the same mission aligned with it at the same moment: theirs stands, and the
    // counter's number went back with this transaction.
    if (isUniqueViolation(error)) return { ok: false, reason: "already_aligned" };
    throw error;
  }
}

/**
 * An alignment's change in the audit log: its receipt, and whose submission it is with (the
 * delegation's code, the group it speaks for). Returns that speaker, for the email.
 */
async function auditAlignment(
  tx: Transaction,
  by: { user: SessionUser; access: Access; ipAddress?: string | null },
  action: string,
  alignment: { id: string; receiptNumber: string; target: SpeakerRow & { delegation: { code: string } }; details?: Record<string, unknown> },
): Promise<Speaker> {
  const speaker = speakerOf(alignment.target);
  await audit(tx, {
    ...by,
    action,
    entityType: "alignment",
    entityId: alignment.id,
    details: { receipt: alignment.receiptNumber, with: alignment.target.delegation.code, group: speaker.group?.code ?? null, ...alignment.details },
  });
  return speaker;
}

export type WithdrawAlignmentResult = { ok: true; receiptNumber: string } | { ok: false; reason: "not_found" | AlignmentWithdrawalRefusal };

/**
 * Withdraws the delegation's alignment with a submission before its own deadline while the period is
 * open; the receipt stays on record, marked withdrawn. Audited as "alignment.withdraw" and emailed
 * to every delegate of the mission.
 */
export async function withdrawAlignment(user: SessionUser, input: DelegateInput & { submissionId: string }): Promise<WithdrawAlignmentResult> {
  if (!isUuid(input.submissionId)) return { ok: false, reason: "not_aligned" };
  return inDelegateTransaction(user, input.consultationId, async (tx, access, now): Promise<WithdrawAlignmentResult> => {
    const [row] = await selectAlignments(tx, { id: alignments.id, receiptNumber: alignments.receiptNumber, withdrawnAt: alignments.withdrawnAt })
      .where(
        and(
          eq(alignments.consultationId, access.consultation.id),
          eq(alignments.delegationId, access.delegation.id),
          eq(alignments.submissionId, input.submissionId),
        ),
      )
      .for("update", { of: alignments });
    const refusal = alignmentWithdrawalRefusal({ ...windowOf(access, now), existing: row ? alignmentState(row) : null });
    if (refusal || !row) return { ok: false, reason: refusal ?? "not_aligned" };
    await tx.update(alignments).set({ withdrawnAt: now }).where(eq(alignments.id, row.id));
    const speaker = await auditAlignment(tx, { user, access, ipAddress: input.ipAddress }, "alignment.withdraw", {
      id: row.id,
      receiptNumber: row.receiptNumber,
      target: row,
    });
    await notifyMission(
      tx,
      access,
      { kind: JOINT_MESSAGE_KINDS.alignmentWithdrawn, dedupe: `alignment-withdrawn:${row.receiptNumber}`, baseUrl: input.baseUrl },
      (context) => alignmentWithdrawalMessage({ ...context, receiptNumber: row.receiptNumber, withdrawnAt: now, withdrawnByName: user.name, speaker }),
    );
    return { ok: true, receiptNumber: row.receiptNumber };
  });
}

/**
 * One of the delegation's alignment receipts, by its number, or null (404) for anyone but a
 * delegate of the delegation that aligned, and for a number it does not hold. Two queries.
 */
export async function getAlignmentReceipt(user: SessionUser, input: { consultationId: string; receiptNumber: string }) {
  if (!isReceiptNumber(input.receiptNumber)) return null;
  const opened = await readDelegateAccess(user, input.consultationId);
  if (!opened) return null;
  const { db, delegationId, access } = opened;
  const [row] = await selectAlignments(db, {
    receiptNumber: alignments.receiptNumber,
    alignedAt: alignments.alignedAt,
    withdrawnAt: alignments.withdrawnAt,
    alignedByName: users.name,
    counts: countsNow,
  })
    .leftJoin(users, eq(users.id, alignments.alignedBy))
    .where(
      and(eq(alignments.consultationId, input.consultationId), eq(alignments.delegationId, delegationId), eq(alignments.receiptNumber, input.receiptNumber)),
    );
  if (!row) return null;
  return {
    consultation: { id: access.consultation.id, title: access.consultation.title },
    meeting: { timeZone: access.meeting.timeZone },
    delegation: access.delegation,
    receiptNumber: row.receiptNumber,
    alignedAt: row.alignedAt,
    alignedByName: row.alignedByName,
    state: alignmentState(row),
    speaker: speakerOf(row),
    targetCounts: row.counts,
  };
}
