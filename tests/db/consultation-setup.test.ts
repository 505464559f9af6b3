import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ConsultationInput, MeetingInput } from "~/lib/consultation-forms";
import { createConsultation, getConsultationSettings, moveConsultationStatus, updateConsultation } from "~/models/consultation.server";
import { createMeeting, getMeeting, updateMeeting } from "~/models/meeting.server";
import { getUserById } from "~/models/user.server";
import { loader as auditLoader } from "~/routes/consultations.$consultationId.audit";
import { action as editAction, loader as editLoader } from "~/routes/consultations.$consultationId.edit";
import { action as newAction, loader as newLoader } from "~/routes/consultations.new";
import { action as editMeetingAction, loader as editMeetingLoader } from "~/routes/meetings.$meetingId.edit";
import { action as newMeetingAction, loader as newMeetingLoader } from "~/routes/meetings.new";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { consultationIdByPrefix, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;
const officer = () => userByEmail("secretariat@nonpaper.test");
const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const meetingInput: MeetingInput = {
  body: "Working Group on International Cooperation",
  symbolPrefix: "CTOC/COP/WG.3",
  session: "2026",
  venue: "Vienna",
  startDate: "2026-06-01",
  endDate: "2026-06-03",
  format: "hybrid",
  timeZone: "Europe/Vienna",
};

function consultationInput(meetingId: string, overrides: Partial<ConsultationInput> = {}): ConsultationInput {
  return {
    meetingId,
    title: "Discussion points on international cooperation",
    receiptPrefix: `WG3-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
    workingLanguage: "en",
    deadlineDate: future,
    deadlineTime: "18:00",
    chairIds: [],
    ...overrides,
  };
}

async function auditActions(consultationId: string) {
  const db = await getDb();
  const rows = await db
    .select({ action: schema.auditLog.action, details: schema.auditLog.details })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.consultationId, consultationId))
    .orderBy(schema.auditLog.id);
  return rows;
}

function form(values: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) body.append(key, v);
  return { method: "POST", body };
}

describe("meetings and consultations", () => {
  it("creates a meeting and a draft consultation with its chairs, deadline in the meeting's zone, all audit-logged", async () => {
    const user = await officer();
    const meetingId = (await createMeeting(user, meetingInput))!;
    expect(await getMeeting(meetingId)).toMatchObject({ symbolPrefix: "CTOC/COP/WG.3", timeZone: "Europe/Vienna" });
    const chair = await userIdByEmail("chair@nonpaper.test");
    const result = await createConsultation(user, consultationInput(meetingId, { chairIds: [chair], deadlineDate: "2099-08-14" }));
    expect(result.ok).toBe(true);
    const id = (result as { id: string }).id;
    const settings = await getConsultationSettings(user, id);
    expect(settings).toMatchObject({ status: "draft", chairIds: [chair] });
    // 18:00 in Vienna in summer is 16:00 UTC.
    expect(settings!.deadline!.toISOString()).toBe("2099-08-14T16:00:00.000Z");
    expect((await auditActions(id)).map((a) => a.action)).toEqual(["consultation.create"]);
    const db = await getDb();
    const [meetingAudit] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "meeting.create"), eq(schema.auditLog.entityId, meetingId)));
    expect(meetingAudit).toBeDefined();
  });

  it("refuses a taken receipt prefix, a deadline in the past and an unknown chair, and writes nothing", async () => {
    const user = await officer();
    const meetingId = (await createMeeting(user, meetingInput))!;
    expect(await createConsultation(user, consultationInput(meetingId, { receiptPrefix: "CTOC-2020" }))).toEqual({
      ok: false,
      reason: "receipt_prefix_taken",
      field: "receiptPrefix",
    });
    expect(await createConsultation(user, consultationInput(meetingId, { deadlineDate: "2020-01-01" }))).toMatchObject({
      ok: false,
      reason: "deadline_past",
    });
    const delegate = await userIdByEmail("peru@nonpaper.test");
    expect(await createConsultation(user, consultationInput(meetingId, { chairIds: [delegate] }))).toMatchObject({
      ok: false,
      reason: "chair_not_found",
    });
    const db = await getDb();
    const rows = await db.select().from(schema.consultations).where(eq(schema.consultations.meetingId, meetingId));
    expect(rows).toHaveLength(0);
  });

  it("records which fields changed; after circulation the meeting and receipt prefix are fixed; nothing changes once compiled", async () => {
    const user = await officer();
    const meetingId = (await createMeeting(user, meetingInput))!;
    const input = consultationInput(meetingId);
    const { id } = (await createConsultation(user, input)) as { id: string };
    expect(await updateConsultation(user, id, { ...input, title: "Revised title", deadlineTime: "12:00" })).toEqual({ ok: true, id });
    const update = (await auditActions(id)).at(-1)!;
    expect(update.action).toBe("consultation.update");
    expect(update.details).toMatchObject({ changed: ["title", "deadline"] });

    const db = await getDb();
    await db.transaction((tx) => moveConsultationStatus(tx, { consultationId: id, from: "draft", to: "open", actorId: user.id }));
    const otherMeeting = (await createMeeting(user, { ...meetingInput, session: "2027" }))!;
    expect(await updateConsultation(user, id, { ...input, meetingId: otherMeeting })).toMatchObject({ ok: false, reason: "locked" });
    expect(await updateConsultation(user, id, { ...input, receiptPrefix: "OTHER-1" })).toMatchObject({ ok: false, reason: "locked" });
    // The deadline may still be extended.
    expect(await updateConsultation(user, id, { ...input, title: "Revised title", deadlineDate: "2099-12-31" })).toEqual({ ok: true, id });

    await db.transaction((tx) => moveConsultationStatus(tx, { consultationId: id, from: "open", to: "closed", actorId: user.id }));
    await db.transaction((tx) => moveConsultationStatus(tx, { consultationId: id, from: "closed", to: "compiled", actorId: user.id }));
    expect(await updateConsultation(user, id, { ...input, title: "Too late" })).toEqual({ ok: false, reason: "locked" });
  });

  it("edits a meeting and logs the changed fields", async () => {
    const user = await officer();
    const meetingId = (await createMeeting(user, meetingInput))!;
    expect(await updateMeeting(user, meetingId, { ...meetingInput, venue: "Vienna and online", format: "online" })).toBe(true);
    const db = await getDb();
    const [entry] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "meeting.update"), eq(schema.auditLog.entityId, meetingId)));
    expect(entry!.details).toEqual({ changed: ["venue", "format"] });
  });
});

describe("status moves only forward, one step at a time", () => {
  it("refuses skipping and going back, and lets one of two racing moves through", async () => {
    const db = await getDb();
    const { consultationId } = await insertDraftConsultation(db);
    const actorId = (await officer()).id;
    const move = (from: "draft" | "open" | "closed" | "compiled", to: "draft" | "open" | "closed" | "compiled") =>
      db.transaction((tx) => moveConsultationStatus(tx, { consultationId, from, to, actorId }));
    expect(await move("draft", "closed")).toMatchObject({ ok: false, reason: "wrong_status" });
    expect(await move("open", "draft")).toMatchObject({ ok: false, reason: "wrong_status" });
    const racing = await Promise.all([move("draft", "open"), move("draft", "open")]);
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.find((r) => !r.ok)).toEqual({ ok: false, reason: "wrong_status", status: "open" });
    expect(await move("closed", "compiled")).toEqual({ ok: false, reason: "wrong_status", status: "open" });
    const moves = (await auditActions(consultationId)).filter((a) => a.action === "consultation.status");
    expect(moves.map((m) => m.details)).toEqual([{ from: "draft", to: "open" }]);
    const [row] = await db.select().from(schema.consultations).where(eq(schema.consultations.id, consultationId));
    expect(row!.status).toBe("open");
    expect(row!.circulatedAt).toBeInstanceOf(Date);
  });
});

describe("the setup pages check who is asking", () => {
  it("chairs and delegates get 403 on every setup loader and action; anonymous visitors are sent to sign in", async () => {
    const consultationId = await consultationIdByPrefix("CTOC-2020");
    const user = await officer();
    const meetingId = (await createMeeting(user, meetingInput))!;
    const calls = [
      (r: Request) => newLoader({ request: r, params: {}, context }),
      (r: Request) => newAction({ request: r, params: {}, context }),
      (r: Request) => editLoader({ request: r, params: { consultationId }, context }),
      (r: Request) => editAction({ request: r, params: { consultationId }, context }),
      (r: Request) => newMeetingLoader({ request: r, params: {}, context }),
      (r: Request) => newMeetingAction({ request: r, params: {}, context }),
      (r: Request) => editMeetingLoader({ request: r, params: { meetingId }, context }),
      (r: Request) => editMeetingAction({ request: r, params: { meetingId }, context }),
      (r: Request) => auditLoader({ request: r, params: { consultationId }, context }),
    ];
    for (const [email, status] of [
      ["chair@nonpaper.test", 403],
      ["peru@nonpaper.test", 403],
      [null, 302],
    ] as const) {
      for (const [index, call] of calls.entries()) {
        const request = await requestAs(email, "/x", form({ title: "Hijack", meetingId, receiptPrefix: "HIJACK" }));
        const result = await outcome(() => call(request) as Promise<unknown>);
        expect(statusOf((result as { thrown: unknown }).thrown), `${email} call ${index}`).toBe(status);
      }
    }
    const db = await getDb();
    const [row] = await db.select().from(schema.consultations).where(eq(schema.consultations.id, consultationId));
    expect(row!.title).toBe("Discussion points for future consideration");
  });

  it("404 for unknown and malformed ids", async () => {
    for (const consultationId of ["nope", "00000000-0000-4000-8000-000000000000"]) {
      for (const call of [editLoader, auditLoader]) {
        const request = await requestAs("secretariat@nonpaper.test", "/x");
        const result = await outcome(() => call({ request, params: { consultationId }, context }) as Promise<unknown>);
        expect(statusOf((result as { thrown: unknown }).thrown)).toBe(404);
      }
    }
    const request = await requestAs("secretariat@nonpaper.test", "/x");
    const result = await outcome(() => editMeetingLoader({ request, params: { meetingId: "00000000-0000-4000-8000-000000000000" }, context }));
    expect(statusOf((result as { thrown: unknown }).thrown)).toBe(404);
  });

  it("bad input comes back with localized messages and what was typed, and changes nothing", async () => {
    const user = await officer();
    const meetingId = (await createMeeting(user, meetingInput))!;
    const request = await requestAs(
      "secretariat@nonpaper.test",
      "/consultations/new",
      form({ meetingId, title: "Typed title", receiptPrefix: "bad prefix!", deadlineDate: future }),
    );
    const response = (await newAction({ request, params: {}, context })) as unknown as {
      data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } };
      init: { status: number };
    };
    expect(response.init.status).toBe(400);
    expect(response.data.result.error.receiptPrefix).toEqual(["consultations:errors.receiptPrefixInvalid"]);
    expect(response.data.result.error.deadlineTime).toEqual(["consultations:errors.deadlineIncomplete"]);
    expect(response.data.result.initialValue.title).toBe("Typed title");
    const db = await getDb();
    expect(await db.select().from(schema.consultations).where(eq(schema.consultations.meetingId, meetingId))).toHaveLength(0);
  });

  it("the secretariat creates a consultation through the form and is taken to it", async () => {
    const user = await officer();
    const meetingId = (await createMeeting(user, meetingInput))!;
    const request = await requestAs(
      "secretariat@nonpaper.test",
      "/consultations/new",
      form({ meetingId, title: "Through the form", receiptPrefix: "form-2026", deadlineDate: future, deadlineTime: "17:30" }),
    );
    const result = await outcome(() => newAction({ request, params: {}, context }));
    const thrown = (result as { thrown: Response }).thrown;
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get("Location")).toMatch(/^\/consultations\/[0-9a-f-]{36}$/);
    const settings = await getConsultationSettings(user, thrown.headers.get("Location")!.split("/").pop()!);
    expect(settings).toMatchObject({ title: "Through the form", receiptPrefix: "FORM-2026" });
  });
});
