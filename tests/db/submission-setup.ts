// Shared set-up of the submission tests: an open (circulated) consultation with points, the demo
// delegates as SessionUsers, and a counter of SQL statements.
import { eq } from "drizzle-orm";
import { circulateConsultation } from "~/models/circulation.server";
import { getUserById, type SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { BASE_URL, createDelegate, userIdByEmail } from "./helpers";

export const userByEmail = async (email: string): Promise<SessionUser> => (await getUserById(await userIdByEmail(email)))!;

export const POINT_TEXTS = {
  a: "States parties should update their legislative records.",
  b: "The Secretariat should [continue to] provide technical assistance.",
  c: "Any other business.",
};

/**
 * A circulated consultation: item 2 with points (a) and (b), item 3 with (a), item 4 without
 * points; the six demo delegations registered (or `delegations`). The deadline is in two weeks
 * unless `deadlineAfterCirculation` moves it (e.g. into the past) once circulated.
 */
export async function openConsultation(options: { delegations?: string[]; deadlineAfterCirculation?: Date; receiptPrefix?: string } = {}) {
  const db = await getDb();
  const { consultationId } = await insertDraftConsultation(db, {
    receiptPrefix: options.receiptPrefix,
    agendaItems: [
      {
        number: "2",
        title: "Technical assistance",
        points: [
          { label: "(a)", text: POINT_TEXTS.a },
          { label: "(b)", text: POINT_TEXTS.b },
        ],
      },
      { number: "3", title: "Other matters", points: [{ label: "(a)", text: POINT_TEXTS.c }] },
      { number: "4", title: "Adoption of the report", points: [] },
    ],
    delegations: options.delegations ?? ["PER", "MAR", "FRA", "CHN", "RUS", "USA"],
  });
  const officer = await userByEmail("secretariat@nonpaper.test");
  const circulated = await circulateConsultation(officer, { consultationId, coveringNote: "The Secretariat presents its compliments …", baseUrl: BASE_URL });
  if (!circulated.ok) throw new Error(`circulation refused: ${JSON.stringify(circulated)}`);
  if (options.deadlineAfterCirculation) await setDeadline(consultationId, options.deadlineAfterCirculation);
  return { consultationId, ...(await structure(consultationId)) };
}

export async function setDeadline(consultationId: string, deadline: Date) {
  const db = await getDb();
  await db.update(schema.consultations).set({ deadline }).where(eq(schema.consultations.id, consultationId));
}

/** The ids of the consultation's agenda items (by number) and points (item-label). */
async function structure(consultationId: string) {
  const db = await getDb();
  const rows = await db
    .select({ itemId: schema.agendaItems.id, number: schema.agendaItems.number, pointId: schema.discussionPoints.id, label: schema.discussionPoints.label })
    .from(schema.agendaItems)
    .leftJoin(schema.discussionPoints, eq(schema.discussionPoints.agendaItemId, schema.agendaItems.id))
    .where(eq(schema.agendaItems.consultationId, consultationId));
  const items: Record<string, string> = {};
  const points: Record<string, string> = {};
  for (const r of rows) {
    items[r.number!] = r.itemId;
    if (r.pointId) points[`${r.number}${r.label}`] = r.pointId;
  }
  return { items, points };
}

let delegateCounter = 0;
/** A further delegate of a delegation (a second member of a mission). */
export async function anotherDelegate(code: string, language: "ar" | "zh" | "en" | "fr" | "ru" | "es" = "en") {
  const user = await createDelegate(`delegate-${code.toLowerCase()}-${Date.now()}-${delegateCounter++}@nonpaper.test`, code);
  const db = await getDb();
  await db.update(schema.users).set({ language, timeZone: "America/New_York" }).where(eq(schema.users.id, user.id));
  return userByEmail(user.email);
}

export async function delegationIdOf(code: string) {
  const db = await getDb();
  const [row] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, code));
  return row!.id;
}

/** Runs `work` while counting the SQL statements it prepares (transactions included). */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ queries: number; result: T }> {
  const db = await getDb();
  type Session = { prepareQuery: (...args: unknown[]) => unknown };
  const prototype = Object.getPrototypeOf((db as unknown as { session: Session }).session) as Session;
  const original = prototype.prepareQuery;
  let queries = 0;
  prototype.prepareQuery = function (this: unknown, ...args: unknown[]) {
    queries += 1;
    return original.apply(this, args);
  };
  try {
    const result = await work();
    return { queries, result };
  } finally {
    prototype.prepareQuery = original;
  }
}
