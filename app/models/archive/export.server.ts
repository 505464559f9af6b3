// The export: a consultation out of the database as one archive (app/lib/archive-schema.ts).
// It reads in a fixed number of queries and writes everything in a fixed order, so the same data
// always gives the same file. What each table's rows become is in tables.server.ts.
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type Archive, type ArchiveUser } from "~/lib/archive-schema";
import { schema } from "~/utils/db.server";
import { byKey, groupBy, iso, type Db } from "./common.server";
import { agendaItemTable, nonPaperTable, pointOriginTable, pointTable, previousRoundPoints, versionTable, type OriginRow } from "./agenda-tables.server";
import type { AnyArchiveTable, Out } from "./declaration.server";
import { groupTable } from "./group-tables.server";
import { submissionTable } from "./submission-tables.server";
import {
  ARCHIVE_TABLES,
  attachmentTable,
  auditTable,
  chairTable,
  consultationTable,
  documentTable,
  meetingTable,
  userTable,
  registrationTable,
} from "./tables.server";

const { consultations, meetings, receiptCounters } = schema;
const previous = alias(consultations, "previous_round");

/**
 * The consultation as an archive, or null when it does not exist. A fixed number of queries however
 * large the consultation (the consultation, then one per table together, then the people they
 * name; a first round's lineage costs none; a group's members come with the group), in one
 * transaction so that the file is one moment's state. `exportedAt` defaults to now.
 */
export async function exportConsultation(db: Db, consultationId: string, options: { exportedAt?: Date } = {}): Promise<Archive | null> {
  return db.transaction(async (tx) => {
    const [head] = await tx
      .select({ consultation: consultations, meeting: meetings, lastReceiptNumber: receiptCounters.lastNumber, previousRound: previous.round })
      .from(consultations)
      .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
      .leftJoin(receiptCounters, eq(receiptCounters.consultationId, consultations.id))
      .leftJoin(previous, eq(previous.id, consultations.previousRoundId))
      .where(eq(consultations.id, consultationId));
    if (!head) return null;

    // Every other table at once, in ARCHIVE_TABLES' order.
    const rowsOf = new Map<AnyArchiveTable, unknown[]>(
      await Promise.all(ARCHIVE_TABLES.filter((t) => t.read).map(async (t) => [t, await t.read!(tx, consultationId, head.consultation)] as const)),
    );
    const previousRoundId = head.consultation.previousRoundId;
    const consultation = {
      ...head.consultation,
      lastReceiptNumber: head.lastReceiptNumber,
      previousRound:
        previousRoundId === null
          ? null
          : {
              consultationId: previousRoundId,
              round: head.previousRound!,
              points: previousRoundPoints(rowsOf.get(pointOriginTable) as OriginRow[]),
            },
    };

    // Everyone the rows name, by email.
    const userIds = new Set<string>();
    const note = (table: AnyArchiveTable, rows: unknown[]) => {
      const columns = [...Object.keys(table.people ?? {}), ...Object.keys(table.mentions ?? {})];
      for (const row of rows) {
        for (const column of columns) {
          const userId = (row as Record<string, string | null>)[column];
          if (userId) userIds.add(userId);
        }
      }
    };
    note(consultationTable, [consultation]);
    note(meetingTable, [head.meeting]);
    for (const [table, rows] of rowsOf) note(table, rows);
    const userRows = userIds.size ? await userTable.read(tx, [...userIds]) : [];
    const emailOf = new Map(userRows.map((u) => [u.id, u.email]));
    const persons = new Map<string, ArchiveUser>(userRows.map((u) => [u.email, userTable.toEntry(u)]));

    const groups = new Map<AnyArchiveTable, Map<string, unknown[]>>();
    const rowsUnder = (table: AnyArchiveTable, parentId: string) => {
      let byParent = groups.get(table);
      if (!byParent) groups.set(table, (byParent = groupBy(rowsOf.get(table)!, (row) => table.under!(row))));
      return byParent.get(parentId) ?? [];
    };
    const entriesOf = <Entry>(table: AnyArchiveTable<Entry>, rows: unknown[]): Entry[] => {
      const entries = rows.map((row) => table.toEntry!(row, out));
      return table.order ? entries.sort((a, b) => table.order!(a, b, out)) : entries;
    };
    const all = <Entry>(table: AnyArchiveTable<Entry>) => entriesOf(table, rowsOf.get(table)!);

    const versionOrder = new Map<string, number>();
    for (const item of rowsOf.get(agendaItemTable) as { id: string }[]) {
      for (const point of rowsUnder(pointTable, item.id) as { id: string }[]) {
        for (const version of rowsUnder(versionTable, point.id) as { id: string }[]) versionOrder.set(version.id, versionOrder.size);
      }
    }

    const out: Out = {
      email: (userId) => (userId ? emailOf.get(userId)! : null),
      under: (table, parentId) => entriesOf(table, rowsUnder(table, parentId)),
      agendaOrder: (versionId) => versionOrder.get(versionId)!,
      addPerson: (user) => {
        if (!persons.has(user.email)) persons.set(user.email, user);
      },
    };

    // The audit log first: an entry imported from another file brings its person into users.
    const auditLog = all(auditTable);
    const groupEntries = all(groupTable);
    const archive: Archive = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: iso(options.exportedAt ?? new Date()),
      meeting: meetingTable.toEntry!(head.meeting, out),
      consultation: consultationTable.toEntry!(consultation, out),
      users: [...persons.values()].sort(byKey((u) => u.email)),
      chairs: all(chairTable),
      agendaItems: all(agendaItemTable),
      nonPapers: all(nonPaperTable),
      registrations: all(registrationTable),
      // Version 3: only when the consultation uses a group, so that a file without one reads as before.
      ...(groupEntries.length ? { groups: groupEntries } : {}),
      attachments: all(attachmentTable),
      submissions: all(submissionTable),
      generatedDocuments: all(documentTable),
      auditLog,
    };
    return archive;
  });
}
