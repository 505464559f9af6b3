// The import's plan: what importing a file would do in this instance, read in the import's own
// transaction, for the officer to see and confirm before anything is written (import.server.ts).
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { checkArchive, type Archive, type ArchiveProblem } from "~/lib/archive-schema";
import type { DelegationNames } from "~/lib/delegation-names";
import { cleanName } from "~/lib/name-rules";
import { delegationNameColumns } from "~/models/delegation.server";
import { schema } from "~/utils/db.server";
import { ArchiveValidationError, chunks, IDS_PER_QUERY, type Db, type Tx } from "./common.server";
import type { Here, Lineage } from "./declaration.server";
import { fileGroups } from "./group-tables.server";
import { ARCHIVE_TABLES } from "./tables.server";

const { agendaItems, alignments, comments, consultations, delegations, discussionPoints, groups, meetings, submissionRevisions, submissions, users } = schema;

/** An account the import would create (without a password: the person can be invited later). */
export type PlannedAccount = {
  email: string;
  name: string;
  role: "chair" | "delegate";
  /** A delegate's delegation: its code and its names in the six languages. */
  delegation: string | null;
  delegationNames: DelegationNames | null;
  language: string;
  /** A delegate who may clear the mission's text, as the file says (version 3); absent otherwise. */
  approver?: true;
};
/** A chair the import would give access to the consultation: an account here, or one it creates. */
export type PlannedChair = { email: string; name: string; existing: boolean };

/**
 * A later round's previous round, as the import finds it here. `linked`: that consultation is here
 * and no other round follows it, so the round is linked to it (one follow-up per round) and the
 * points' origins and answers that name its rows here are restored. Otherwise (it is not here, or
 * already has its follow-up, as when this round is here and the import makes a copy) the round
 * keeps its number but no link, and every origin and answer is dropped: they are foreign keys to
 * the previous round's rows, and a round's lineage belongs only to the round it revises. Nothing
 * else is lost, and the file's previousRound still says what each point was.
 */
export type PlannedPreviousRound = {
  consultationId: string;
  round: number;
  linked: boolean;
  origins: { restored: number; dropped: number };
  answers: { restored: number; dropped: number };
};

/**
 * The standing groups a version 3 file names (by code): `matched`, this instance has the group
 * already, and the import uses it as it is (its names and members here, not the file's); `created`,
 * it has not, and the import creates it from the file, as a standing group of this instance.
 */
export type PlannedStandingGroups = { matched: string[]; created: string[] };

/**
 * What an import would do, for the officer to confirm before anything is written: the accounts it
 * would create, the chairs it would give access, whether it makes a copy, and how much it holds.
 * `confirmation` is a digest of the file's content and of this plan: the import writes only when
 * it is given back unchanged (the same file, and nothing here changed in between).
 */
export type ImportPlan = {
  title: string;
  sourceConsultationId: string;
  remapped: boolean;
  /** The archive's prefix and the one the import would use (a free "-2", "-3", … when taken). */
  sourcePrefix: string;
  receiptPrefix: string;
  meeting: { existing: boolean; body: string; session: string };
  counts: {
    agendaItems: number;
    points: number;
    registrations: number;
    submissions: number;
    revisions: number;
    comments: number;
    translations: number;
    attachments: number;
    documents: number;
    auditEntries: number;
  };
  /** Only for a later round's file. */
  previousRound?: PlannedPreviousRound;
  /** Only for a file that names standing groups. */
  standingGroups?: PlannedStandingGroups;
  accounts: PlannedAccount[];
  chairs: PlannedChair[];
  confirmation: string;
};

/** The import changes who can sign in or see the consultation: it must be confirmed. */
export function planNeedsConfirmation(plan: ImportPlan): boolean {
  return plan.accounts.length > 0 || plan.chairs.length > 0;
}

/**
 * The import would create accounts or give chairs access and was not confirmed (`needed`), or
 * the confirmation given is not that of this file and this instance now (`changed`): nothing was
 * written; `plan` is what the import would do now.
 */
export class ArchiveConfirmationError extends Error {
  constructor(
    readonly reason: "needed" | "changed",
    readonly plan: ImportPlan,
  ) {
    super(
      reason === "needed"
        ? `The import would create ${plan.accounts.length} account(s) and give ${plan.chairs.length} chair(s) access: it must be confirmed.`
        : "The file or this instance changed since the import was previewed: check the new preview.",
    );
    this.name = "ArchiveConfirmationError";
  }
}

/** The entries of a table the import writes (all but those its `keep` leaves out). */
function written(table: (typeof ARCHIVE_TABLES)[number], archive: Archive, here: Here) {
  const entries = table.entries(archive);
  return table.keep ? entries.filter(({ entry, parent }) => table.keep!(entry, here, parent)) : entries;
}

/** The people the file names outside its audit log (lower-cased): those the rows the import writes link to. */
function linkedPeople(archive: Archive, here: Here): Set<string> {
  const out = new Set<string>();
  for (const table of ARCHIVE_TABLES) {
    const fields = Object.values(table.people ?? {}) as string[];
    if (!fields.length) continue;
    for (const { entry } of written(table, archive, here)) {
      for (const field of fields) {
        const email = (entry as Record<string, string | null>)[field];
        if (email) out.add(email.toLowerCase());
      }
    }
  }
  return out;
}

/** Every row id the import writes but the meeting's and the consultation's, with its path, by table. */
function rowIds(archive: Archive, here: Here) {
  return ARCHIVE_TABLES.filter((t) => t.freeIds).map((t) => ({
    table: t.table,
    ids: new Map(written(t, archive, here).map(({ entry, path }) => [(entry as { id: string }).id.toLowerCase(), `${path}.id`])),
  }));
}

/** The file's content and the plan, as one digest: what the officer confirms. */
function confirmationDigest(archive: Archive, plan: Omit<ImportPlan, "confirmation">): string {
  return createHash("sha256").update("nonpaper-archive-import\n").update(JSON.stringify(archive)).update("\n").update(JSON.stringify(plan)).digest("hex");
}

export type Planned = {
  plan: ImportPlan;
  delegationId: Map<string, string>;
  /** Accounts here by lower-cased email. */
  userId: Map<string, string>;
  existing: { consultation: boolean; meeting: boolean };
  here: Here;
};

const NO_LINEAGE: Lineage = { previousRoundId: null, points: new Set(), comments: new Set() };

/** A later round's previous round here (PlannedPreviousRound): whether the import links to it, and which rows of it the file's origins and answers name. */
async function lineageWithin(tx: Tx, archive: Archive): Promise<{ lineage: Lineage; planned?: PlannedPreviousRound }> {
  const previous = archive.consultation.previousRound;
  if (!previous) return { lineage: NO_LINEAGE };
  const points = archive.agendaItems.flatMap((item) => item.points);
  const origins = points.flatMap((p) => p.origins ?? []).map((id) => id.toLowerCase());
  const answers = points.flatMap((p) => p.answers ?? []).map((a) => a.commentId.toLowerCase());
  const [[here], followUps] = await Promise.all([
    tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.id, previous.consultationId)),
    tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.previousRoundId, previous.consultationId)).limit(1),
  ]);
  const found = { points: new Set<string>(), comments: new Set<string>() };
  const linked = here !== undefined && followUps.length === 0;
  if (linked) {
    for (const part of chunks([...new Set(origins)], IDS_PER_QUERY)) {
      const rows = await tx
        .select({ id: discussionPoints.id })
        .from(discussionPoints)
        .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
        .where(and(eq(agendaItems.consultationId, here.id), inArray(discussionPoints.id, part)));
      for (const row of rows) found.points.add(row.id);
    }
    for (const part of chunks([...new Set(answers)], IDS_PER_QUERY)) {
      const rows = await tx
        .select({ id: comments.id })
        .from(comments)
        .innerJoin(submissions, eq(submissions.id, comments.submissionId))
        .where(and(eq(submissions.consultationId, here.id), inArray(comments.id, part)));
      for (const row of rows) found.comments.add(row.id);
    }
  }
  const counted = (ids: string[], kept: Set<string>) => {
    const restored = ids.filter((id) => kept.has(id)).length;
    return { restored, dropped: ids.length - restored };
  };
  return {
    lineage: linked ? { previousRoundId: here.id, ...found } : NO_LINEAGE,
    planned: {
      consultationId: previous.consultationId,
      round: previous.round,
      linked,
      origins: counted(origins, found.points),
      answers: counted(answers, found.comments),
    },
  };
}

/**
 * Everything the import needs to know of this instance, read in the import's own transaction:
 * delegations by code, whether the consultation, its meeting, its ids, its receipt prefix and its
 * receipts (revisions' and alignments') are here already, a later round's previous round and the
 * rows of it the file names, the standing groups the file names that are here already (by code),
 * and the people by email. Refuses (ArchiveValidationError, with the paths) an unknown delegation
 * (of a submission, a co-sponsor, an alignment, a coordinator or a member of a group the import
 * creates), a row id this instance already uses for another row, a person whose account here has
 * another role or delegation, and a secretariat officer without an account here: secretariat
 * accounts are never created from a file.
 */
export async function planWithin(tx: Tx, archive: Archive, options: PlanOptions): Promise<Planned> {
  const codes = new Set<string>();
  archive.users.forEach((u) => u.delegation && codes.add(u.delegation));
  archive.registrations.forEach((r) => codes.add(r.delegation));
  archive.submissions.forEach((s) => {
    codes.add(s.delegation);
    s.cosponsors?.forEach((c) => codes.add(c.delegation));
    s.alignments?.forEach((a) => codes.add(a.delegation));
  });
  const fileGroupList = fileGroups(archive);
  fileGroupList.forEach((g) => {
    g.members.forEach((code) => codes.add(code));
    if (g.coordinator) codes.add(g.coordinator.delegation);
  });
  const standingCodes = [...new Set(fileGroupList.filter((g) => g.standing).map((g) => g.code))];
  const prefix = archive.consultation.receiptPrefix;
  const emails = archive.users.map((u) => u.email.toLowerCase());
  const [delegationRows, consultationRows, meetingRows, prefixRows, userRows, standingRows] = await Promise.all([
    codes.size
      ? tx
          .select({ id: delegations.id, code: delegations.code, ...delegationNameColumns })
          .from(delegations)
          .where(inArray(delegations.code, [...codes]))
      : Promise.resolve([]),
    tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.id, archive.consultation.id)),
    tx.select({ id: meetings.id, body: meetings.body, session: meetings.session }).from(meetings).where(eq(meetings.id, archive.meeting.id)),
    tx
      .select({ prefix: consultations.receiptPrefix })
      .from(consultations)
      .where(or(eq(consultations.receiptPrefix, prefix), sql`${consultations.receiptPrefix} like ${`${prefix.replace(/[\\%_]/g, "\\$&")}-%`}`)),
    emails.length
      ? tx
          .select({ id: users.id, email: users.email, name: users.name, role: users.role, delegation: delegations.code })
          .from(users)
          .leftJoin(delegations, eq(delegations.id, users.delegationId))
          .where(inArray(users.email, emails))
      : Promise.resolve([]),
    // The standing groups of the file this instance has already, by code (as the seed finds them).
    standingCodes.length
      ? tx
          .select({ id: groups.id, code: groups.code })
          .from(groups)
          .where(and(isNull(groups.consultationId), inArray(groups.code, standingCodes)))
      : Promise.resolve([]),
  ]);
  const existing = { consultation: consultationRows.length > 0, meeting: meetingRows.length > 0 };
  const delegationId = new Map(delegationRows.map((d) => [d.code, d.id]));
  const namesOf = new Map(delegationRows.map(({ id: _id, code, ...names }) => [code, names]));
  const problems: ArchiveProblem[] = [];
  const needCode = (code: string | null, path: string) => {
    if (code !== null && !delegationId.has(code)) {
      problems.push({ path, code: "unknownDelegation", message: `no delegation with the code ${code} in this instance`, values: { code } });
    }
  };
  archive.users.forEach((u, i) => needCode(u.delegation, `users[${i}].delegation`));
  archive.registrations.forEach((r, i) => needCode(r.delegation, `registrations[${i}].delegation`));
  archive.submissions.forEach((s, i) => {
    needCode(s.delegation, `submissions[${i}].delegation`);
    s.cosponsors?.forEach((c, j) => needCode(c.delegation, `submissions[${i}].cosponsors[${j}].delegation`));
    s.alignments?.forEach((a, j) => needCode(a.delegation, `submissions[${i}].alignments[${j}].delegation`));
  });

  // Standing groups: one this instance has (by code) is used as it is; only the others are written.
  const standingHere = new Map(standingRows.map((g) => [g.code, g.id]));
  const standingGroups = new Map<string, string>();
  const plannedGroups: PlannedStandingGroups = { matched: [], created: [] };
  fileGroupList.forEach((g, i) => {
    const idHere = g.standing ? standingHere.get(g.code) : undefined;
    if (idHere) standingGroups.set(g.id.toLowerCase(), idHere);
    if (g.standing) plannedGroups[idHere ? "matched" : "created"].push(g.code);
    // The members of a group found here are not written: only the others' must be delegations here.
    if (!idHere) g.members.forEach((code, j) => needCode(code, `groups[${i}].members[${j}]`));
    if (g.coordinator) needCode(g.coordinator.delegation, `groups[${i}].coordinator.delegation`);
  });

  // A later round: its link to the previous round here, and the lineage kept.
  const { lineage, planned: previousRound } = await lineageWithin(tx, archive);
  const facts: Here = { lineage, standingGroups };

  // A new consultation keeps its ids: none of them may be another row's here. (A copy gets new ones.)
  const remapped = existing.consultation;
  if (!remapped) {
    for (const { table, ids } of rowIds(archive, facts)) {
      if (!ids.size) continue;
      const idColumn = (table as typeof schema.agendaItems).id;
      for (const part of chunks([...ids.keys()], IDS_PER_QUERY)) {
        const taken = await tx
          .select({ id: idColumn })
          .from(table as typeof schema.agendaItems)
          .where(inArray(idColumn, part));
        for (const row of taken) {
          problems.push({
            path: ids.get(row.id)!,
            code: "idTaken",
            message: `the id ${row.id} is already another row's in this instance`,
            values: { id: row.id },
          });
        }
      }
    }
  }

  // Receipt numbers are unique here: a taken prefix gets the first free "-2", "-3", … suffix.
  const takenPrefixes = new Set(prefixRows.map((r) => r.prefix));
  let receiptPrefix = prefix;
  for (let n = 2; takenPrefixes.has(receiptPrefix); n++) receiptPrefix = `${prefix}-${n}`;
  const receipts = archive.submissions.flatMap((s, i) => [
    ...s.revisions.map((r, j) => ({ path: `submissions[${i}].revisions[${j}].receiptNumber`, receipt: receiptPrefix + r.receiptNumber.slice(prefix.length) })),
    // An alignment's receipt is of the same sequence, and as unique (version 3).
    ...(s.alignments ?? []).map((a, j) => ({
      path: `submissions[${i}].alignments[${j}].receiptNumber`,
      receipt: receiptPrefix + a.receiptNumber.slice(prefix.length),
    })),
  ]);
  for (const part of chunks(receipts, IDS_PER_QUERY)) {
    const wanted = part.map((r) => r.receipt);
    // Revisions' and alignments' receipts are one sequence: one query for both.
    const taken = await tx
      .select({ receipt: submissionRevisions.receiptNumber })
      .from(submissionRevisions)
      .where(inArray(submissionRevisions.receiptNumber, wanted))
      .unionAll(tx.select({ receipt: alignments.receiptNumber }).from(alignments).where(inArray(alignments.receiptNumber, wanted)));
    const numbers = new Set(taken.map((r) => r.receipt));
    for (const r of part) {
      if (numbers.has(r.receipt))
        problems.push({
          path: r.path,
          code: "receiptTaken",
          message: `the receipt ${r.receipt} is already given out in this instance`,
          values: { receipt: r.receipt },
        });
    }
  }

  // People: those the rows link to must have an account here or be one the import may create.
  const linked = linkedPeople(archive, facts);
  const here = new Map(userRows.map((u) => [u.email, u]));
  const accounts: PlannedAccount[] = [];
  archive.users.forEach((u, i) => {
    const key = u.email.toLowerCase();
    const account = here.get(key);
    if (account) {
      if (account.role !== u.role) {
        problems.push({
          path: `users[${i}].role`,
          code: "roleDiffers",
          message: `the account ${u.email} here is a ${account.role}, not a ${u.role}`,
          values: { email: u.email, role: account.role, fileRole: u.role },
        });
      } else if (u.role === "delegate" && account.delegation !== u.delegation) {
        problems.push({
          path: `users[${i}].delegation`,
          code: "delegationDiffers",
          message: `the account ${u.email} here is a delegate of ${account.delegation}, not of ${u.delegation}`,
          values: { email: u.email, code: account.delegation ?? "", fileCode: u.delegation ?? "" },
        });
      }
      return;
    }
    if (!linked.has(key)) return; // named only in the audit log: kept there as the file says
    if (u.role === "secretariat" && !options.scratch) {
      problems.push({
        path: `users[${i}]`,
        code: "secretariatNotCreated",
        message: `${u.email} has no account here, and secretariat accounts are never created from a file: create the account first`,
        values: { email: u.email },
      });
      return;
    }
    accounts.push({
      email: key,
      name: cleanName(u.name),
      role: u.role as PlannedAccount["role"],
      delegation: u.delegation,
      delegationNames: u.delegation ? namesOf.get(u.delegation)! : null,
      language: u.language,
      ...(u.approver ? { approver: true as const } : {}),
    });
  });
  if (problems.length) throw new ArchiveValidationError(problems);

  const fileName = new Map(archive.users.map((u) => [u.email.toLowerCase(), cleanName(u.name)]));
  const chairs: PlannedChair[] = archive.chairs.map((c) => {
    const account = here.get(c.user.toLowerCase());
    return { email: c.user.toLowerCase(), name: account?.name ?? fileName.get(c.user.toLowerCase())!, existing: !!account };
  });
  const comments = archive.submissions.flatMap((s) => [...s.draftComments, ...s.revisions.flatMap((r) => r.comments)]);
  const draft: Omit<ImportPlan, "confirmation"> = {
    title: archive.consultation.title,
    sourceConsultationId: archive.consultation.id,
    remapped,
    sourcePrefix: prefix,
    receiptPrefix,
    meeting: existing.meeting
      ? { existing: true, body: meetingRows[0]!.body, session: meetingRows[0]!.session }
      : { existing: false, body: archive.meeting.body, session: archive.meeting.session },
    counts: {
      agendaItems: archive.agendaItems.length,
      points: archive.agendaItems.reduce((n, item) => n + item.points.length, 0),
      registrations: archive.registrations.length,
      submissions: archive.submissions.length,
      revisions: archive.submissions.reduce((n, s) => n + s.revisions.length, 0),
      comments: comments.length,
      translations: comments.reduce((n, c) => n + c.translations.length, 0),
      attachments: archive.attachments.length,
      documents: archive.generatedDocuments.length,
      auditEntries: archive.auditLog.length,
    },
    ...(previousRound ? { previousRound } : {}),
    ...(plannedGroups.matched.length || plannedGroups.created.length ? { standingGroups: plannedGroups } : {}),
    accounts,
    chairs,
  };
  const plan: ImportPlan = { ...draft, confirmation: confirmationDigest(archive, draft) };
  return { plan, delegationId, userId: new Map(userRows.map((u) => [u.email, u.id])), existing, here: facts };
}

export type PlanOptions = {
  /**
   * A throwaway database (npm run crp): the people are created as the file names them,
   * secretariat included, and nothing needs confirming. Never for a database people sign in to.
   */
  scratch?: boolean;
};

/** The file checked and what importing it would do here now; nothing is written. */
export async function previewImport(db: Db, input: unknown, options: PlanOptions = {}): Promise<ImportPlan> {
  const checked = checkArchive(input);
  if (!checked.ok) throw new ArchiveValidationError(checked.problems);
  return db.transaction(async (tx) => (await planWithin(tx, checked.archive, options)).plan);
}
