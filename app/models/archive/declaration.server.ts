// What a declaration of one of the archive's tables is (tables.server.ts lists them): the drizzle
// table, how its rows are read for an export and become the file's entries, and how the file's
// entries become rows again on import. Declared once, walked by the export and the import.
import type { PgTable } from "drizzle-orm/pg-core";
import type { Archive, ArchiveUser } from "~/lib/archive-schema";
import type { Tx } from "./common.server";

export type Select<T extends PgTable> = T["$inferSelect"];
export type Insert<T extends PgTable> = T["$inferInsert"];

/** An entry of the file, the entry it is nested in (null at the top), and its JSON path. */
export type Placed<Entry, Parent> = { entry: Entry; parent: Parent; path: string };

/** What the export gives a row to become an entry. */
export type Out = {
  /** A person by email (everyone the rows name was read). */
  email(userId: string | null): string | null;
  /** The entries of a nested table under one parent (by id), in the file's order. */
  under<Entry>(table: AnyArchiveTable<Entry>, parentId: string): Entry[];
  /** A point version's place in agenda order. */
  agendaOrder(versionId: string): number;
  /** A person an imported audit entry names, kept as that entry's file had them. */
  addPerson(user: ArchiveUser): void;
};

/**
 * A later round's link here (plan.server.ts): the previous round's consultation when the import
 * links the round to it, and which of the rows the file names of it this instance holds (ids
 * lower-cased). Empty when the round is not linked: its origins and answers are then not written.
 */
export type Lineage = { previousRoundId: string | null; points: ReadonlySet<string>; comments: ReadonlySet<string> };

/**
 * What the plan found here that decides which of the file's entries are written: a later round's
 * lineage, and the standing groups this instance has already (found by code: the file's group id,
 * lower-cased, to the id here), which are used as they are, never written again.
 */
export type Here = { lineage: Lineage; standingGroups: ReadonlyMap<string, string> };

/** What the import gives an entry to become a row: ids, people and delegations here. */
export type Into = {
  /** The consultation's id here (its own, or a new one when remapped). */
  consultationId: string;
  receiptPrefix: string;
  /** This instance has the meeting already: it is shared, not written. */
  meetingExists: boolean;
  lineage: Lineage;
  /** A row's id here: the file's, or, when remapped, a new one given consistently. */
  id(old: string): string;
  idOrNull(old: string | null): string | null;
  /** A group's id here: a standing group's found here by its code, else as id(). */
  group(old: string): string;
  /** An account here by the email the file names. */
  person(email: string | null): string | null;
  delegation(code: string): string;
  /** A receipt number with the copy's prefix. */
  receipt(number: string): string;
  /** Ids inside JSON values (a CRP model's comment ids, an audit entry's details) follow their rows. */
  remapJson(value: unknown): unknown;
  /** A person as the file describes them. */
  fileUser(email: string): ArchiveUser;
  importedAt: Date;
  importedBy: string | null;
};

/**
 * One table of the archive. Methods (not arrow-typed properties) so that any declaration fits
 * AnyArchiveTable, the type of the list the export and the import walk.
 */
export type ArchiveTable<T extends PgTable, Row, Entry, Parent = null> = {
  table: T;
  /**
   * Export: this consultation's rows in the file's order, in one query. None: they come with the
   * consultation's. `consultation` is its row, read first (a first round has no lineage to read).
   */
  read?(tx: Tx, consultationId: string, consultation: { previousRoundId: string | null }): PromiseLike<Row[]>;
  /** Export, nested tables: the id of the entry a row goes under. */
  under?(row: Row): string;
  /** The columns linking to an account, with the entry's field naming the person by email (the export lists them in users). */
  people?: { [K in keyof Row]?: keyof Entry };
  /** Columns naming a person without a link: listed in users, but an import gives them no account. */
  mentions?: { [K in keyof Row]?: keyof Entry };
  toEntry?(row: Row, out: Out): Entry;
  /** Export: the entries' order when not the rows'. */
  order?(a: Entry, b: Entry, out: Out): number;
  /** Import: the file's entries of this table, in the order they are written. */
  entries(archive: Archive): Placed<Entry, Parent>[];
  toRow(entry: Entry, into: Into, parent: Parent): Insert<T>;
  /** Import: the file's ids are kept, so each must be free here (the meeting and the consultation are looked up instead). */
  freeIds?: boolean;
  /** Import: inserts limited by these bytes per row as well as by rows. */
  bytes?(row: Insert<T>): number;
  /** Import: written only when this holds. */
  insertIf?(into: Into): boolean;
  /**
   * Import: only the entries this holds for (those naming rows of another consultation this
   * instance may lack; a standing group this instance has already, and its members).
   */
  keep?(entry: Entry, here: Here, parent: Parent): boolean;
};

export type AnyArchiveTable<Entry = unknown> = ArchiveTable<PgTable, unknown, Entry, unknown>;

export const top = <Entry>(list: Entry[], key: string): Placed<Entry, null>[] => list.map((entry, i) => ({ entry, parent: null, path: `${key}[${i}]` }));
export const nested = <Parent, Entry>(parents: Placed<Parent, unknown>[], children: (parent: Parent) => Entry[], key: string): Placed<Entry, Parent>[] =>
  parents.flatMap(({ entry: parent, path }) => children(parent).map((entry, i) => ({ entry, parent, path: `${path}.${key}[${i}]` })));
