// The submissions' tables: each delegation's submission with its shared draft's comments and its
// revisions, each with its comments; comments with their translations and the chairs' reviews;
// since version 3, the group a submission speaks for, its clearance inside the mission, its
// co-sponsors and the delegations aligned with it. See declaration.server.ts.
import { asc, eq, getTableColumns } from "drizzle-orm";
import type { Archive, ArchiveComment } from "~/lib/archive-schema";
import { schema } from "~/utils/db.server";
import { at, atOrNull, byKey, iso, isoOrNull } from "./common.server";
import { nested, top, type ArchiveTable, type Select } from "./declaration.server";

const { alignments, chairReviews, commentDispositions, comments, delegations, submissionCosponsors, submissionRevisions, submissions, translations } = schema;

type SubmissionEntry = Archive["submissions"][number];
type RevisionEntry = SubmissionEntry["revisions"][number];
type CommentParent = { submission: SubmissionEntry; revision: RevisionEntry | null };
type CosponsorEntry = NonNullable<SubmissionEntry["cosponsors"]>[number];
type AlignmentEntry = NonNullable<SubmissionEntry["alignments"]>[number];

/** `{ [key]: value }`, or nothing for null: the file holds a version 3 fact only where there is one. */
const given = <K extends string, T>(key: K, value: T | null) => (value === null ? {} : { [key]: value }) as { [P in K]?: T };
/** `{ [key]: list }`, or nothing for an empty list. */
const listed = <K extends string, T>(key: K, list: T[]) => (list.length ? { [key]: list } : {}) as { [P in K]?: T[] };

/** Where a comment of the shared draft goes (it has no revision). */
const draftOf = (submissionId: string) => `draft:${submissionId}`;

export const submissionTable: ArchiveTable<typeof submissions, Select<typeof submissions> & { code: string }, SubmissionEntry> = {
  table: submissions,
  read: (tx, consultationId) =>
    tx
      .select({ ...getTableColumns(submissions), code: delegations.code })
      .from(submissions)
      .innerJoin(delegations, eq(delegations.id, submissions.delegationId))
      .where(eq(submissions.consultationId, consultationId))
      .orderBy(asc(delegations.code)),
  people: { draftUpdatedBy: "draftUpdatedBy", clearanceRequestedBy: "clearanceRequestedBy", clearedBy: "clearedBy" },
  toEntry: (s, out) => ({
    id: s.id,
    delegation: s.code,
    status: s.status,
    language: s.language,
    draftVersion: s.draftVersion,
    draftUpdatedAt: isoOrNull(s.draftUpdatedAt),
    draftUpdatedBy: out.email(s.draftUpdatedBy),
    createdAt: iso(s.createdAt),
    // The group is one of the file's groups (group-tables.server.ts reads every group a submission speaks for).
    ...given("onBehalfOf", s.onBehalfOfGroupId),
    ...given("clearanceRequestedAt", isoOrNull(s.clearanceRequestedAt)),
    ...given("clearanceRequestedBy", out.email(s.clearanceRequestedBy)),
    ...given("clearedDraftVersion", s.clearedDraftVersion),
    ...given("clearedBy", out.email(s.clearedBy)),
    ...given("clearedAt", isoOrNull(s.clearedAt)),
    draftComments: out.under(commentTable, draftOf(s.id)),
    revisions: out.under(revisionTable, s.id),
    ...listed("cosponsors", out.under(cosponsorTable, s.id)),
    ...listed("alignments", out.under(alignmentTable, s.id)),
  }),
  entries: (archive) => top(archive.submissions, "submissions"),
  toRow: (s, into) => ({
    id: into.id(s.id),
    consultationId: into.consultationId,
    delegationId: into.delegation(s.delegation),
    status: s.status,
    language: s.language,
    draftVersion: s.draftVersion,
    draftUpdatedAt: atOrNull(s.draftUpdatedAt),
    draftUpdatedBy: into.person(s.draftUpdatedBy),
    onBehalfOfGroupId: s.onBehalfOf === undefined ? null : into.group(s.onBehalfOf),
    clearanceRequestedAt: atOrNull(s.clearanceRequestedAt ?? null),
    clearanceRequestedBy: into.person(s.clearanceRequestedBy ?? null),
    clearedDraftVersion: s.clearedDraftVersion ?? null,
    clearedBy: into.person(s.clearedBy ?? null),
    clearedAt: atOrNull(s.clearedAt ?? null),
    createdAt: at(s.createdAt),
  }),
  freeIds: true,
};

const ofSubmissions = (consultationId: string) => eq(submissions.consultationId, consultationId);

export const revisionTable: ArchiveTable<typeof submissionRevisions, Select<typeof submissionRevisions>, RevisionEntry, SubmissionEntry> = {
  table: submissionRevisions,
  read: (tx, consultationId) =>
    tx
      .select(getTableColumns(submissionRevisions))
      .from(submissionRevisions)
      .innerJoin(submissions, eq(submissions.id, submissionRevisions.submissionId))
      .where(ofSubmissions(consultationId))
      .orderBy(asc(submissionRevisions.revisionNumber), asc(submissionRevisions.id)),
  under: (r) => r.submissionId,
  people: { submittedBy: "submittedBy", lateDecidedBy: "lateDecidedBy" },
  toEntry: (r, out) => ({
    id: r.id,
    revisionNumber: r.revisionNumber,
    receiptNumber: r.receiptNumber,
    idempotencyKey: r.idempotencyKey,
    draftVersion: r.draftVersion,
    language: r.language,
    source: r.source,
    attachmentId: r.attachmentId,
    submittedAt: iso(r.submittedAt),
    submittedBy: out.email(r.submittedBy),
    supersededAt: isoOrNull(r.supersededAt),
    withdrawnAt: isoOrNull(r.withdrawnAt),
    late: r.late,
    lateDecidedBy: out.email(r.lateDecidedBy),
    lateDecidedAt: isoOrNull(r.lateDecidedAt),
    lateReason: r.lateReason,
    comments: out.under(commentTable, r.id),
  }),
  entries: (archive) => nested(submissionTable.entries(archive), (s) => s.revisions, "revisions"),
  toRow: (r, into, s) => ({
    id: into.id(r.id),
    submissionId: into.id(s.id),
    revisionNumber: r.revisionNumber,
    receiptNumber: into.receipt(r.receiptNumber),
    idempotencyKey: r.idempotencyKey,
    draftVersion: r.draftVersion,
    language: r.language,
    source: r.source,
    attachmentId: into.idOrNull(r.attachmentId),
    submittedAt: at(r.submittedAt),
    submittedBy: into.person(r.submittedBy),
    supersededAt: atOrNull(r.supersededAt),
    withdrawnAt: atOrNull(r.withdrawnAt),
    late: r.late,
    lateDecidedBy: into.person(r.lateDecidedBy),
    lateDecidedAt: atOrNull(r.lateDecidedAt),
    lateReason: r.lateReason,
  }),
  freeIds: true,
};

export const commentTable: ArchiveTable<typeof comments, Select<typeof comments>, ArchiveComment, CommentParent> = {
  table: comments,
  read: (tx, consultationId) =>
    tx
      .select(getTableColumns(comments))
      .from(comments)
      .innerJoin(submissions, eq(submissions.id, comments.submissionId))
      .where(ofSubmissions(consultationId))
      .orderBy(asc(comments.position), asc(comments.createdAt), asc(comments.id)),
  under: (x) => x.revisionId ?? draftOf(x.submissionId),
  toEntry: (x, out) => ({
    id: x.id,
    kind: x.kind,
    agendaItemId: x.agendaItemId,
    pointId: x.pointId,
    basePointVersionId: x.basePointVersionId,
    label: x.label,
    position: x.position,
    language: x.language,
    body: x.body,
    proposedText: x.proposedText,
    createdAt: iso(x.createdAt),
    updatedAt: iso(x.updatedAt),
    translations: out.under(translationTable, x.id),
    reviews: out.under(reviewTable, x.id),
    // Written only when there is one: files of comments without a disposition stay as they were.
    ...dispositionsOf(out.under(dispositionTable, x.id)),
  }),
  // Each submission's shared draft, then its revisions'.
  entries: (archive) =>
    submissionTable.entries(archive).flatMap((s) => [
      ...nested([s], (x) => x.draftComments, "draftComments").map((c) => ({ ...c, parent: { submission: s.entry, revision: null } })),
      ...nested(
        nested([s], (x) => x.revisions, "revisions"),
        (r) => r.comments,
        "comments",
      ).map((c) => ({
        ...c,
        parent: { submission: s.entry, revision: c.parent },
      })),
    ]),
  toRow: (x, into, { submission, revision }) => ({
    id: into.id(x.id),
    submissionId: into.id(submission.id),
    revisionId: into.idOrNull(revision?.id ?? null),
    kind: x.kind,
    agendaItemId: into.id(x.agendaItemId),
    pointId: into.idOrNull(x.pointId),
    basePointVersionId: into.idOrNull(x.basePointVersionId),
    label: x.label,
    position: x.position,
    language: x.language,
    body: x.body,
    proposedText: x.proposedText,
    createdAt: at(x.createdAt),
    updatedAt: at(x.updatedAt),
  }),
  freeIds: true,
};

export const translationTable: ArchiveTable<typeof translations, Select<typeof translations>, ArchiveComment["translations"][number], ArchiveComment> = {
  table: translations,
  read: (tx, consultationId) =>
    tx
      .select(getTableColumns(translations))
      .from(translations)
      .innerJoin(comments, eq(comments.id, translations.commentId))
      .innerJoin(submissions, eq(submissions.id, comments.submissionId))
      .where(ofSubmissions(consultationId))
      .orderBy(asc(translations.targetLanguage), asc(translations.id)),
  under: (t) => t.commentId,
  people: { translatorId: "translator", finalizedBy: "finalizedBy" },
  toEntry: (t, out) => ({
    id: t.id,
    targetLanguage: t.targetLanguage,
    status: t.status,
    body: t.body,
    proposedText: t.proposedText,
    sourceBody: t.sourceBody,
    sourceProposedText: t.sourceProposedText,
    machineAssisted: t.machineAssisted,
    version: t.version,
    translator: out.email(t.translatorId),
    finalizedBy: out.email(t.finalizedBy),
    finalizedAt: isoOrNull(t.finalizedAt),
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  }),
  entries: (archive) => nested(commentTable.entries(archive), (x) => x.translations, "translations"),
  toRow: (t, into, x) => ({
    id: into.id(t.id),
    commentId: into.id(x.id),
    targetLanguage: t.targetLanguage,
    status: t.status,
    body: t.body,
    proposedText: t.proposedText,
    sourceBody: t.sourceBody,
    sourceProposedText: t.sourceProposedText,
    machineAssisted: t.machineAssisted,
    version: t.version,
    translatorId: into.person(t.translator),
    finalizedBy: into.person(t.finalizedBy),
    finalizedAt: atOrNull(t.finalizedAt),
    createdAt: at(t.createdAt),
    updatedAt: at(t.updatedAt),
  }),
  freeIds: true,
};

export const reviewTable: ArchiveTable<typeof chairReviews, Select<typeof chairReviews>, ArchiveComment["reviews"][number], ArchiveComment> = {
  table: chairReviews,
  read: (tx, consultationId) =>
    tx
      .select(getTableColumns(chairReviews))
      .from(chairReviews)
      .innerJoin(comments, eq(comments.id, chairReviews.commentId))
      .innerJoin(submissions, eq(submissions.id, comments.submissionId))
      .where(ofSubmissions(consultationId))
      .orderBy(asc(chairReviews.createdAt), asc(chairReviews.id)),
  under: (r) => r.commentId,
  people: { reviewerId: "reviewer" },
  toEntry: (r, out) => ({
    id: r.id,
    reviewer: out.email(r.reviewerId)!,
    tag: r.tag,
    // A chair's note is private to its author: it stays in this instance, never in a file.
    note: null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  }),
  order: byKey((r) => `${r.createdAt} ${r.reviewer}`),
  entries: (archive) => nested(commentTable.entries(archive), (x) => x.reviews, "reviews"),
  // A note in an older file is imported.
  toRow: (r, into, x) => ({
    id: into.id(r.id),
    commentId: into.id(x.id),
    reviewerId: into.person(r.reviewer)!,
    tag: r.tag,
    note: r.note,
    createdAt: at(r.createdAt),
    updatedAt: at(r.updatedAt),
  }),
  freeIds: true,
};

type ArchiveDisposition = NonNullable<ArchiveComment["dispositions"]>[number];
const dispositionsOf = (list: ArchiveDisposition[]) => (list.length ? { dispositions: list } : {});

export const dispositionTable: ArchiveTable<typeof commentDispositions, Select<typeof commentDispositions>, ArchiveDisposition, ArchiveComment> = {
  table: commentDispositions,
  read: (tx, consultationId) =>
    tx
      .select(getTableColumns(commentDispositions))
      .from(commentDispositions)
      .innerJoin(comments, eq(comments.id, commentDispositions.commentId))
      .innerJoin(submissions, eq(submissions.id, comments.submissionId))
      .where(ofSubmissions(consultationId))
      .orderBy(asc(commentDispositions.commentId)),
  under: (d) => d.commentId,
  people: { decidedBy: "decidedBy" },
  toEntry: (d, out) => ({ disposition: d.disposition, observation: d.observation, decidedBy: out.email(d.decidedBy)!, decidedAt: iso(d.decidedAt) }),
  entries: (archive) => nested(commentTable.entries(archive), (x) => x.dispositions ?? [], "dispositions"),
  toRow: (d, into, x) => ({
    commentId: into.id(x.id),
    disposition: d.disposition,
    observation: d.observation,
    decidedBy: into.person(d.decidedBy)!,
    decidedAt: at(d.decidedAt),
  }),
};

// ---------------------------------------------------------------------------------------------
// Version 3: co-sponsors and alignments, each under the submission they concern.

export const cosponsorTable: ArchiveTable<
  typeof submissionCosponsors,
  Select<typeof submissionCosponsors> & { code: string },
  CosponsorEntry,
  SubmissionEntry
> = {
  table: submissionCosponsors,
  read: (tx, consultationId) =>
    tx
      .select({ ...getTableColumns(submissionCosponsors), code: delegations.code })
      .from(submissionCosponsors)
      .innerJoin(submissions, eq(submissions.id, submissionCosponsors.submissionId))
      .innerJoin(delegations, eq(delegations.id, submissionCosponsors.delegationId))
      .where(ofSubmissions(consultationId))
      .orderBy(asc(submissionCosponsors.invitedAt), asc(delegations.code)),
  under: (c) => c.submissionId,
  people: { invitedBy: "invitedBy", confirmedBy: "confirmedBy" },
  toEntry: (c, out) => ({
    delegation: c.code,
    invitedBy: out.email(c.invitedBy),
    invitedAt: iso(c.invitedAt),
    confirmedBy: out.email(c.confirmedBy),
    confirmedAt: isoOrNull(c.confirmedAt),
    withdrawnAt: isoOrNull(c.withdrawnAt),
  }),
  entries: (archive) => nested(submissionTable.entries(archive), (s) => s.cosponsors ?? [], "cosponsors"),
  toRow: (c, into, s) => ({
    submissionId: into.id(s.id),
    delegationId: into.delegation(c.delegation),
    invitedBy: into.person(c.invitedBy),
    invitedAt: at(c.invitedAt),
    confirmedBy: into.person(c.confirmedBy),
    confirmedAt: atOrNull(c.confirmedAt),
    withdrawnAt: atOrNull(c.withdrawnAt),
  }),
};

export const alignmentTable: ArchiveTable<typeof alignments, Select<typeof alignments> & { code: string }, AlignmentEntry, SubmissionEntry> = {
  table: alignments,
  read: (tx, consultationId) =>
    tx
      .select({ ...getTableColumns(alignments), code: delegations.code })
      .from(alignments)
      .innerJoin(delegations, eq(delegations.id, alignments.delegationId))
      .where(eq(alignments.consultationId, consultationId))
      .orderBy(asc(alignments.alignedAt), asc(alignments.receiptNumber)),
  under: (a) => a.submissionId,
  people: { alignedBy: "alignedBy" },
  toEntry: (a, out) => ({
    id: a.id,
    delegation: a.code,
    receiptNumber: a.receiptNumber,
    alignedBy: out.email(a.alignedBy),
    alignedAt: iso(a.alignedAt),
    withdrawnAt: isoOrNull(a.withdrawnAt),
  }),
  entries: (archive) => nested(submissionTable.entries(archive), (s) => s.alignments ?? [], "alignments"),
  toRow: (a, into, s) => ({
    id: into.id(a.id),
    consultationId: into.consultationId,
    delegationId: into.delegation(a.delegation),
    submissionId: into.id(s.id),
    // The consultation's receipt sequence, as a revision's: a copy's has its own prefix.
    receiptNumber: into.receipt(a.receiptNumber),
    alignedBy: into.person(a.alignedBy),
    alignedAt: at(a.alignedAt),
    withdrawnAt: atOrNull(a.withdrawnAt),
  }),
  freeIds: true,
};
