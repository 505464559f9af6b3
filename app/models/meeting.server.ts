import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { MeetingInput } from "~/lib/consultation-forms";
import { presentTexts, sameTexts } from "~/lib/meeting-names";
import { mayManageConsultation } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";

const { meetings, users } = schema;

const meetingColumns = {
  id: meetings.id,
  body: meetings.body,
  parentBody: meetings.parentBody,
  symbolPrefix: meetings.symbolPrefix,
  session: meetings.session,
  venue: meetings.venue,
  bodyTranslations: meetings.bodyTranslations,
  venueTranslations: meetings.venueTranslations,
  startDate: meetings.startDate,
  endDate: meetings.endDate,
  format: meetings.format,
  timeZone: meetings.timeZone,
};

/** Every meeting, newest first, for the consultation form's choice: one query. */
export async function listMeetings() {
  const db = await getDb();
  return db.select(meetingColumns).from(meetings).orderBy(desc(meetings.startDate), asc(meetings.body));
}

export async function getMeeting(id: string) {
  const db = await getDb();
  const [meeting] = await db.select(meetingColumns).from(meetings).where(eq(meetings.id, id));
  return meeting ?? null;
}

function values(input: MeetingInput) {
  return {
    body: input.body,
    parentBody: input.parentBody || null,
    symbolPrefix: input.symbolPrefix,
    session: input.session,
    venue: input.venue,
    // The other official languages given; a language left empty reads English.
    bodyTranslations: presentTexts(input.bodyTranslations),
    venueTranslations: presentTexts(input.venueTranslations),
    startDate: input.startDate,
    endDate: input.endDate,
    format: input.format,
    timeZone: input.timeZone,
  };
}

/** A new meeting; the secretariat only (the route checks too). */
export async function createMeeting(user: SessionUser, input: MeetingInput, ipAddress?: string | null) {
  if (!mayManageConsultation(user)) return null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({ ...values(input), createdBy: user.id })
      .returning({ id: meetings.id });
    await recordAudit(
      {
        actorId: user.id,
        action: "meeting.create",
        entityType: "meeting",
        entityId: row!.id,
        details: { symbolPrefix: input.symbolPrefix, session: input.session },
        ipAddress,
      },
      tx,
    );
    return row!.id;
  });
}

/** Saves a meeting's details, recording which fields changed. False when it does not exist. */
export async function updateMeeting(user: SessionUser, id: string, input: MeetingInput, ipAddress?: string | null) {
  if (!mayManageConsultation(user)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select(meetingColumns).from(meetings).where(eq(meetings.id, id)).for("update");
    if (!before) return false;
    const next = values(input);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) =>
      key === "bodyTranslations" || key === "venueTranslations" ? !sameTexts(next[key], before[key]) : next[key] !== before[key],
    );
    if (!changed.length) return true;
    await tx
      .update(meetings)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(meetings.id, id));
    await recordAudit({ actorId: user.id, action: "meeting.update", entityType: "meeting", entityId: id, details: { changed }, ipAddress }, tx);
    return true;
  });
}

/** Accounts that can chair a consultation (active chairs), for the consultation form. */
export async function listChairUsers() {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "chair"), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}
