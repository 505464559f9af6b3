// The meeting's body and venue in the six languages (issue 15) against a real database: the
// meeting form saves and reads them (audit-logged as the other fields), the invitation and
// circulation emails and the pages read them in each reader's language, and the consultation
// archive carries them, with the covering notes in other languages, from one instance to another;
// an older archive without them imports with none, and malformed ones are refused with their path.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";
import { seedDatabase } from "../../db/seed";
import { checkArchive, serializeArchive, type Archive } from "~/lib/archive-schema";
import type { MeetingInput } from "~/lib/consultation-forms";
import { meetingNames } from "~/lib/meeting-names";
import { exportConsultation, importConsultation, previewImport } from "~/models/archive.server";
import { circulateConsultation } from "~/models/circulation.server";
import { getConsultationForUser, listConsultationsForUser } from "~/models/consultation.server";
import { inviteDelegate } from "~/models/invitation.server";
import { getMeeting, updateMeeting } from "~/models/meeting.server";
import { action as editMeetingAction } from "~/routes/meetings.$meetingId.edit";
import { action as newMeetingAction } from "~/routes/meetings.new";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { BASE_URL, outcome, requestAs } from "./helpers";
import { delegationIdOf, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const OFFICER = "secretariat@nonpaper.test";
const FSI = "\u2068";
const PDI = "\u2069";

const BODY = {
  fr: "Groupe de travail sur l’assistance technique",
  es: "Grupo de Trabajo sobre Asistencia Técnica",
  ru: "Рабочая группа по технической помощи",
  zh: "技术援助工作组",
  ar: "الفريق العامل المعني بالمساعدة التقنية",
};
const VENUE = { fr: "Vienne", es: "Viena", ru: "Вена", zh: "维也纳", ar: "فيينا" };

const meetingFields: [string, string][] = [
  ["body", "Working Group of Government Experts on Technical Assistance"],
  ["symbolPrefix", "CTOC/COP/WG.2"],
  ["session", "2026"],
  ["venue", "Vienna"],
  ["startDate", "2026-07-01"],
  ["endDate", "2026-07-03"],
  ["format", "hybrid"],
  ["timeZone", "Europe/Vienna"],
];

const location = (result: { thrown: unknown } | { value: unknown }) =>
  "thrown" in result && result.thrown instanceof Response ? result.thrown.headers.get("Location") : null;

/** A draft consultation whose meeting has its names in the five other languages. */
async function consultationWithNames(delegations: string[]) {
  const db = await getDb();
  const { consultationId } = await insertDraftConsultation(db, {
    title: "Discussion points on technical assistance",
    delegations,
    agendaItems: [{ number: "2", title: "Technical assistance", points: [{ label: "(a)", text: "States should share good practices." }] }],
  });
  const [row] = await db.select({ meetingId: schema.consultations.meetingId }).from(schema.consultations).where(eq(schema.consultations.id, consultationId));
  await db.update(schema.meetings).set({ bodyTranslations: BODY, venueTranslations: VENUE }).where(eq(schema.meetings.id, row!.meetingId));
  return { consultationId, meetingId: row!.meetingId };
}

/** The part of an email before the covering note (which stays in English, the working language). */
const beforeNote = (body: string) => body.split("────")[0]!;
const withoutZone = (text: string) => text.replaceAll("Europe/Vienna", "");

describe("the meeting form", () => {
  it("saves the names given in other languages, reads them back, and logs a change as the other fields", async () => {
    const created = await outcome(async () =>
      newMeetingAction({
        request: await requestAs(OFFICER, "/meetings/new", {
          method: "POST",
          body: new URLSearchParams([
            ...meetingFields,
            ["bodyTranslations.fr", BODY.fr],
            ["bodyTranslations.ar", BODY.ar],
            ["bodyTranslations.zh", ""],
            ["venueTranslations.fr", "Vienne"],
          ]),
        }),
        params: {},
        context,
      }),
    );
    const meetingId = new URL(location(created)!, BASE_URL).searchParams.get("meetingId")!;
    expect(await getMeeting(meetingId)).toMatchObject({
      body: "Working Group of Government Experts on Technical Assistance",
      bodyTranslations: { ar: BODY.ar, fr: BODY.fr },
      venue: "Vienna",
      venueTranslations: { fr: "Vienne" },
    });

    // The edit page saves them the same way; only what changed is logged.
    const edit = (fields: [string, string][]) =>
      outcome(async () =>
        editMeetingAction({
          request: await requestAs(OFFICER, `/meetings/${meetingId}/edit`, { method: "POST", body: new URLSearchParams([...meetingFields, ...fields]) }),
          params: { meetingId },
          context,
        }),
      );
    expect(
      location(
        await edit([
          ["bodyTranslations.fr", BODY.fr],
          ["bodyTranslations.ar", BODY.ar],
          ["venueTranslations.fr", "Vienne"],
          ["venueTranslations.es", "Viena"],
        ]),
      ),
    ).toBe("/");
    expect(
      location(
        await edit([
          ["bodyTranslations.fr", BODY.fr],
          ["bodyTranslations.ar", BODY.ar],
          ["venueTranslations.fr", "Vienne"],
          ["venueTranslations.es", "Viena"],
        ]),
      ),
    ).toBe("/");
    const meeting = await getMeeting(meetingId);
    expect(meeting!.venueTranslations).toEqual({ fr: "Vienne", es: "Viena" });
    const db = await getDb();
    const updates = await db
      .select({ details: schema.auditLog.details })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "meeting.update"), eq(schema.auditLog.entityId, meetingId)));
    expect(updates.map((u) => u.details)).toEqual([{ changed: ["venueTranslations"] }]);

    // A refused name is refused with its field, and nothing is saved.
    const refused = await edit([["venueTranslations.fr", "Vienne\u202E"]]);
    expect("value" in refused && (refused.value as unknown as { init: { status: number } }).init.status).toBe(400);
    expect((await getMeeting(meetingId))!.venueTranslations).toEqual({ fr: "Vienne", es: "Viena" });
  });

  it("clears a language left empty: English stands in for it again", async () => {
    const user = await userByEmail(OFFICER);
    const { meetingId } = await consultationWithNames([]);
    const before = (await getMeeting(meetingId))!;
    const input: MeetingInput = { ...before, parentBody: undefined, bodyTranslations: { ...BODY, zh: undefined }, venueTranslations: VENUE };
    expect(await updateMeeting(user, meetingId, input)).toBe(true);
    const after = (await getMeeting(meetingId))!;
    expect(Object.keys(after.bodyTranslations).sort()).toEqual(["ar", "es", "fr", "ru"]);
    expect(meetingNames(after, "zh").body).toEqual({ text: before.body, lang: "en" });
    expect(meetingNames(after, "zh").venue).toEqual({ text: "维也纳", lang: "zh" });
  });
});

describe("the names in each reader's language", () => {
  it("the invitation email: French names in French, isolated Arabic names in Arabic", async () => {
    const officer = await userByEmail(OFFICER);
    const { consultationId } = await consultationWithNames(["FRA", "MAR"]);
    const invite = async (email: string, code: string, language: "fr" | "ar") => {
      const result = await inviteDelegate(officer, {
        consultationId,
        delegationId: await delegationIdOf(code),
        email,
        name: null,
        language,
        timeZone: null,
        origin: BASE_URL,
      });
      expect(result.ok).toBe(true);
      const db = await getDb();
      const [message] = await db.select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.recipientEmail, email));
      return message!.body;
    };
    const french = await invite("invitee@diplomatie.example.fr", "FRA", "fr");
    expect(french).toContain(`${BODY.fr}, Vienne, `);
    expect(withoutZone(french)).not.toMatch(/Working Group|Vienna/);
    const arabic = await invite("invitee@maec.example.ma", "MAR", "ar");
    expect(arabic).toContain(`${FSI}${BODY.ar}${PDI}، ${FSI}فيينا${PDI}، `);
    expect(withoutZone(arabic)).not.toMatch(/Working Group|Vienna/);
  });

  it("the circulation email: each delegate's language, English for one that has none", async () => {
    const officer = await userByEmail(OFFICER);
    const { consultationId, meetingId } = await consultationWithNames(["FRA", "MAR", "USA", "CHN"]);
    const db = await getDb();
    // Chinese left out: its delegate reads the English names.
    await db
      .update(schema.meetings)
      .set({ bodyTranslations: { ...BODY, zh: undefined }, venueTranslations: { ...VENUE, zh: undefined } })
      .where(eq(schema.meetings.id, meetingId));
    const circulated = await circulateConsultation(officer, { consultationId, coveringNote: "The Secretariat presents its compliments …", baseUrl: BASE_URL });
    expect(circulated.ok).toBe(true);
    const messages = await db.select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.consultationId, consultationId));
    const to = (email: string) => beforeNote(messages.find((m) => m.recipientEmail === email)!.body);
    expect(to("france@nonpaper.test")).toContain(`${BODY.fr}, Vienne, `);
    expect(withoutZone(to("france@nonpaper.test"))).not.toMatch(/Working Group|Vienna/);
    expect(to("morocco@nonpaper.test")).toContain(`${FSI}${BODY.ar}${PDI}، ${FSI}فيينا${PDI}، `);
    expect(to("usa@nonpaper.test")).toContain("Working Group of Government Experts on Technical Assistance, Vienna, ");
    expect(to("china@nonpaper.test")).toContain("Working Group of Government Experts on Technical Assistance，Vienna，");
  });

  it("the home page and the consultation page read the names with the meeting", async () => {
    const { consultationId } = await consultationWithNames([]);
    const officer = await userByEmail(OFFICER);
    const listed = (await listConsultationsForUser(officer)).find((c) => c.id === consultationId)!;
    expect(meetingNames(listed.meeting, "ru")).toEqual({ body: { text: BODY.ru, lang: "ru" }, venue: { text: "Вена", lang: "ru" } });
    const page = await getConsultationForUser(officer, consultationId);
    expect(meetingNames(page!.consultation.meeting, "es").venue).toEqual({ text: "Viena", lang: "es" });
  });
});

// ---------------------------------------------------------------------------------------------
// The archive

const opened: { handle: DatabaseHandle; drop?: () => Promise<void> }[] = [];

afterAll(async () => {
  for (const { handle, drop } of opened) {
    await handle.close();
    await drop?.();
  }
});

/** A second, empty instance with the delegations and the file's secretariat officer (as archive.test.ts makes one). */
async function freshInstance(): Promise<Database> {
  const templateUrl = inject("templateDatabaseUrl");
  const adminUrl = inject("adminDatabaseUrl");
  let handle: DatabaseHandle;
  if (templateUrl && adminUrl) {
    const template = new URL(templateUrl);
    const name = `${template.pathname.slice(1).replace(/_template$/, "")}_names_${randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${template.pathname.slice(1)}"`);
    await admin.end();
    template.pathname = `/${name}`;
    handle = await openDatabase({ url: template.toString() });
    opened.push({
      handle,
      drop: async () => {
        const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists "${name}" with (force)`);
        await a.end();
      },
    });
  } else {
    handle = await openDatabase({ dataDir: "memory://" });
    opened.push({ handle });
  }
  await seedDatabase(handle.db, { demo: false });
  await handle.db
    .insert(schema.users)
    .values({ email: OFFICER, name: "Amina Haddad", role: "secretariat", language: "en", timeZone: "Europe/Vienna", passwordHash: "kept" });
  return handle.db;
}

/** A circulated consultation whose meeting, consultation and non-paper have texts in other languages. */
async function circulatedWithTranslations() {
  const officer = await userByEmail(OFFICER);
  const { consultationId, meetingId } = await consultationWithNames(["PER"]);
  const circulated = await circulateConsultation(officer, { consultationId, coveringNote: "The Secretariat presents its compliments …", baseUrl: BASE_URL });
  expect(circulated.ok).toBe(true);
  const db = await getDb();
  const notes = { fr: "Le Secrétariat présente ses compliments …", es: "La Secretaría saluda atentamente …" };
  await db.update(schema.consultations).set({ coveringNoteTranslations: notes }).where(eq(schema.consultations.id, consultationId));
  await db
    .update(schema.nonPapers)
    .set({ coveringNoteTranslations: { ru: "Секретариат свидетельствует своё уважение …" } })
    .where(eq(schema.nonPapers.consultationId, consultationId));
  return { consultationId, meetingId, notes };
}

async function importInto(other: Database, archive: unknown) {
  const plan = await previewImport(other, archive);
  return importConsultation(other, archive, { actorId: null, confirmation: plan.confirmation });
}

describe("the archive carries the texts in other languages", () => {
  const EXPORTED_AT = new Date("2026-11-22T10:00:00.000Z");

  it("exports them in the languages' order, imports them into another instance, and exports the same bytes there", async () => {
    const { consultationId, notes } = await circulatedWithTranslations();
    const db = await getDb();
    const first = (await exportConsultation(db, consultationId, { exportedAt: EXPORTED_AT }))!;
    expect(first.meeting.bodyTranslations).toEqual({ ar: BODY.ar, zh: BODY.zh, fr: BODY.fr, ru: BODY.ru, es: BODY.es });
    expect(Object.keys(first.meeting.bodyTranslations!)).toEqual(["ar", "zh", "fr", "ru", "es"]);
    expect(first.meeting.venueTranslations).toEqual(VENUE);
    expect(first.consultation.coveringNoteTranslations).toEqual(notes);
    expect(first.nonPapers[0]!.coveringNoteTranslations).toEqual({ ru: "Секретариат свидетельствует своё уважение …" });
    const text = serializeArchive(first);
    expect(checkArchive(JSON.parse(text))).toMatchObject({ ok: true });

    const other = await freshInstance();
    await importInto(other, JSON.parse(text));
    const [meeting] = await other.select().from(schema.meetings).where(eq(schema.meetings.id, first.meeting.id));
    expect(meeting).toMatchObject({ bodyTranslations: BODY, venueTranslations: VENUE });
    const [consultation] = await other.select().from(schema.consultations).where(eq(schema.consultations.id, consultationId));
    expect(consultation!.coveringNoteTranslations).toEqual(notes);
    const [nonPaper] = await other.select().from(schema.nonPapers).where(eq(schema.nonPapers.consultationId, consultationId));
    expect(nonPaper!.coveringNoteTranslations).toEqual({ ru: "Секретариат свидетельствует своё уважение …" });
    expect(serializeArchive((await exportConsultation(other, consultationId, { exportedAt: EXPORTED_AT }))!)).toBe(text);
  });

  it("imports an older archive without them, with none, and writes none back", async () => {
    const { consultationId } = await circulatedWithTranslations();
    const db = await getDb();
    const archive = (await exportConsultation(db, consultationId, { exportedAt: EXPORTED_AT }))!;
    // As a file written before the columns existed.
    const old = JSON.parse(serializeArchive(archive)) as Archive;
    delete old.meeting.bodyTranslations;
    delete old.meeting.venueTranslations;
    delete old.consultation.coveringNoteTranslations;
    for (const n of old.nonPapers) delete n.coveringNoteTranslations;
    expect(serializeArchive(old)).not.toMatch(/Translations/);

    const other = await freshInstance();
    await importInto(other, JSON.parse(serializeArchive(old)));
    const [meeting] = await other.select().from(schema.meetings).where(eq(schema.meetings.id, old.meeting.id));
    expect(meeting).toMatchObject({ body: old.meeting.body, bodyTranslations: {}, venueTranslations: {} });
    const [consultation] = await other.select().from(schema.consultations).where(eq(schema.consultations.id, consultationId));
    expect(consultation!.coveringNoteTranslations).toEqual({});
    const [nonPaper] = await other.select().from(schema.nonPapers).where(eq(schema.nonPapers.consultationId, consultationId));
    expect(nonPaper!.coveringNoteTranslations).toEqual({});
    // Exported again, it is the older file: nothing empty is written.
    expect(serializeArchive((await exportConsultation(other, consultationId, { exportedAt: EXPORTED_AT }))!)).toBe(serializeArchive(old));
  });

  it("refuses malformed ones with their path: another key than the six languages, not a string, too long, a disguised name", async () => {
    const { consultationId } = await circulatedWithTranslations();
    const db = await getDb();
    const good = JSON.parse(serializeArchive((await exportConsultation(db, consultationId, { exportedAt: EXPORTED_AT }))!)) as Record<string, never>;
    const refused = (change: (file: Record<string, Record<string, unknown>>) => void) => {
      const file = structuredClone(good) as Record<string, Record<string, unknown>>;
      change(file);
      const result = checkArchive(file);
      return result.ok ? [] : result.problems.map((p) => ({ path: p.path, code: p.code, values: p.values }));
    };
    expect(refused((f) => (f.meeting!.bodyTranslations = { ...BODY, de: "Arbeitsgruppe" }))).toEqual([
      { path: "meeting.bodyTranslations", code: "unknownKeys", values: { keys: "de" } },
    ]);
    expect(refused((f) => (f.meeting!.venueTranslations = { fr: 42 }))).toEqual([
      { path: "meeting.venueTranslations.fr", code: "type", values: { expected: "string" } },
    ]);
    expect(refused((f) => (f.meeting!.venueTranslations = ["Vienne"]))).toEqual([
      { path: "meeting.venueTranslations", code: "type", values: { expected: "record" } },
    ]);
    expect(refused((f) => (f.meeting!.bodyTranslations = { fr: "x".repeat(2_001) }))).toEqual([
      { path: "meeting.bodyTranslations.fr", code: "tooLong", values: { maximum: 2_000 } },
    ]);
    expect(refused((f) => (f.meeting!.bodyTranslations = { fr: "" }))).toEqual([
      { path: "meeting.bodyTranslations.fr", code: "tooShort", values: { minimum: 1 } },
    ]);
    expect(refused((f) => (f.meeting!.venueTranslations = { ar: "فيينا\u202E" }))).toEqual([
      { path: "meeting.venueTranslations.ar", code: "name", values: undefined },
    ]);
    expect(refused((f) => (f.consultation!.coveringNoteTranslations = { fr: "x".repeat(200_001) }))).toEqual([
      { path: "consultation.coveringNoteTranslations.fr", code: "tooLong", values: { maximum: 200_000 } },
    ]);
    expect(
      refused((f) => ((f.nonPapers as unknown as Record<string, unknown>[])[0]!.coveringNoteTranslations = { xx: "Note" })).map((p) => [p.path, p.code]),
    ).toEqual([["nonPapers[0].coveringNoteTranslations", "unknownKeys"]]);
    expect(refused((f) => (f.consultation!.coveringNoteTranslations = null))).toEqual([
      { path: "consultation.coveringNoteTranslations", code: "type", values: { expected: "record" } },
    ]);
  });
});
