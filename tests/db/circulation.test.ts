import { randomBytes } from "node:crypto";
import { and, count, eq, inArray, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { formatInstant } from "~/lib/dates";
import { circulateConsultation, closeReflectionPeriod, getCirculationPage, listCirculationRecipients, saveCoveringNote } from "~/models/circulation.server";
import { getUserById } from "~/models/user.server";
import { action, loader } from "~/routes/consultations.$consultationId.circulate";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { BASE_URL, consultationIdByPrefix, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { noticeCookie, noticeOf, withCookie } from "./notices";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;
const secretariat = () => userByEmail("secretariat@nonpaper.test");
const NOTE = "The Secretariat presents its compliments to the Permanent Missions …";

// The delegations of the six demo delegates. Tests that add invitations use delegations of their
// own (invitations outlive a test: they are not tied to one consultation).
const DEMO_DELEGATIONS = ["PER", "MAR", "FRA", "CHN", "RUS", "USA"];

async function draft(options: Parameters<typeof insertDraftConsultation>[1] = {}) {
  const db = await getDb();
  return insertDraftConsultation(db, {
    agendaItems: [
      {
        number: "2",
        title: "Technical assistance",
        points: [
          { label: "(a)", text: "States parties should update their legislative records." },
          { label: "(b)", text: "The Secretariat should [continue to] provide assistance." },
        ],
      },
      { number: "3", title: "Other matters", points: [{ label: "(a)", text: "Any other business." }] },
      { number: "4", title: "Adoption of the report", points: [] },
    ],
    delegations: DEMO_DELEGATIONS,
    ...options,
  });
}

async function delegationId(code: string) {
  const db = await getDb();
  const [row] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, code));
  return row!.id;
}

async function invite(email: string, code: string, extra: Partial<typeof schema.invitations.$inferInsert> = {}) {
  const db = await getDb();
  await db.insert(schema.invitations).values({
    email,
    name: null,
    role: "delegate",
    delegationId: await delegationId(code),
    language: "fr",
    timeZone: null,
    tokenHash: randomBytes(32).toString("hex"),
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
    ...extra,
  });
}

async function register(consultationId: string, code: string) {
  const db = await getDb();
  await db.insert(schema.registrations).values({ consultationId, delegationId: await delegationId(code) });
}

/** What a circulation writes, to check that a refusal wrote none of it. */
async function footprint(consultationId: string) {
  const db = await getDb();
  const [[nonPapers], [messages], [audits], [row]] = await Promise.all([
    db.select({ n: count() }).from(schema.nonPapers).where(eq(schema.nonPapers.consultationId, consultationId)),
    db.select({ n: count() }).from(schema.notificationOutbox).where(eq(schema.notificationOutbox.consultationId, consultationId)),
    db.select({ n: count() }).from(schema.auditLog).where(eq(schema.auditLog.consultationId, consultationId)),
    db
      .select({ status: schema.consultations.status, coveringNote: schema.consultations.coveringNote })
      .from(schema.consultations)
      .where(eq(schema.consultations.id, consultationId)),
  ]);
  return { nonPapers: nonPapers!.n, messages: messages!.n, audits: audits!.n, status: row!.status, coveringNote: row!.coveringNote };
}

async function messagesOf(consultationId: string) {
  const db = await getDb();
  return db.select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.consultationId, consultationId));
}

describe("who is notified", () => {
  it("lists active delegates and pending, unexpired invitations of registered delegations only", async () => {
    const { consultationId } = await draft();
    const db = await getDb();
    await db.insert(schema.users).values({
      email: "disabled-peru@nonpaper.test",
      name: "Former delegate",
      role: "delegate",
      delegationId: await delegationId("PER"),
      disabledAt: new Date(),
    });
    await register(consultationId, "FJI");
    await invite("fiji-invitee@nonpaper.test", "FJI");
    await invite("expired@nonpaper.test", "FJI", { expiresAt: new Date(Date.now() - 1000) });
    await invite("revoked@nonpaper.test", "FJI", { revokedAt: new Date() });
    await invite("accepted@nonpaper.test", "FJI", { acceptedAt: new Date() });
    await invite("not-registered@nonpaper.test", "NZL");
    const found = await listCirculationRecipients(db, consultationId);
    expect(found.delegates.map((d) => d.email).sort()).toEqual(["china", "france", "morocco", "peru", "russia", "usa"].map((n) => `${n}@nonpaper.test`));
    expect(found.invitations.map((i) => i.email)).toEqual(["fiji-invitee@nonpaper.test"]);
  });
});

describe("the circulation page's data", () => {
  it("shows the checklist, the counts and a generated note for a draft", async () => {
    const { consultationId } = await draft();
    await register(consultationId, "TON");
    await register(consultationId, "WSM");
    await invite("tonga-page@nonpaper.test", "TON");
    const page = await getCirculationPage(await secretariat(), consultationId, { baseUrl: BASE_URL });
    expect(page!.checklist).toMatchObject({
      points: 3,
      agendaItemsWithPoints: 2,
      pointsWithBrackets: 1,
      registrations: 8,
      blockers: [],
    });
    expect(page!.checklist.unreachedDelegations.map((d) => d.nameEn)).toEqual(["Samoa"]);
    expect(page!.recipients).toEqual({ delegates: 6, invitees: 1, delegations: 7 });
    expect(page!.nextNonPaperNumber).toBe(1);
    expect(page!.note.saved).toBeNull();
    expect(page!.note.generated).toContain("under agenda items 2 and 3 of the meeting");
    expect(page!.note.generated).toContain(`${BASE_URL}/consultations/${consultationId}`);
    expect(page!.nonPaper).toBeNull();
  });

  it("is for the secretariat only", async () => {
    const { consultationId } = await draft();
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(await getCirculationPage(await userByEmail(email), consultationId, { baseUrl: BASE_URL })).toBeNull();
    }
  });
});

describe("circulating", () => {
  it("freezes the current versions, opens the consultation and logs both steps", async () => {
    const { consultationId, pointIds } = await draft();
    const officer = await secretariat();
    const db = await getDb();
    // Point (b) was reworded before circulation: version 2 is the one to freeze.
    const [v2] = await db
      .insert(schema.pointVersions)
      .values({ pointId: pointIds[1]!, versionNumber: 2, text: "The Secretariat should provide assistance.", source: "non_paper" })
      .returning({ id: schema.pointVersions.id });

    const result = await circulateConsultation(officer, { consultationId, coveringNote: `  ${NOTE}\r\n`, baseUrl: BASE_URL, ipAddress: "10.0.0.1" });
    expect(result).toMatchObject({ ok: true, number: 1, points: 3, notifications: 6 });
    if (!result.ok) return;

    const frozen = await db
      .select({ pointId: schema.pointVersions.pointId, versionNumber: schema.pointVersions.versionNumber, id: schema.pointVersions.id })
      .from(schema.nonPaperPoints)
      .innerJoin(schema.pointVersions, eq(schema.pointVersions.id, schema.nonPaperPoints.pointVersionId))
      .where(eq(schema.nonPaperPoints.nonPaperId, result.nonPaperId));
    expect(frozen.map((f) => [pointIds.indexOf(f.pointId), f.versionNumber]).sort()).toEqual([
      [0, 1],
      [1, 2],
      [2, 1],
    ]);
    expect(frozen.map((f) => f.id)).toContain(v2!.id);

    // A version added after circulation is not part of the non-paper.
    const [v3] = await db
      .insert(schema.pointVersions)
      .values({ pointId: pointIds[1]!, versionNumber: 3, text: "Revised after circulation.", source: "revision" })
      .returning({ id: schema.pointVersions.id });
    const [inPaper] = await db.select({ n: count() }).from(schema.nonPaperPoints).where(eq(schema.nonPaperPoints.pointVersionId, v3!.id));
    expect(inPaper!.n).toBe(0);

    const [nonPaper] = await db.select().from(schema.nonPapers).where(eq(schema.nonPapers.id, result.nonPaperId));
    expect(nonPaper).toMatchObject({ number: 1, circulatedBy: officer.id, coveringNote: NOTE });
    const [consultation] = await db.select().from(schema.consultations).where(eq(schema.consultations.id, consultationId));
    expect(consultation).toMatchObject({ status: "open", coveringNote: NOTE });
    expect(consultation!.circulatedAt).toBeInstanceOf(Date);

    const audits = await db
      .select({ action: schema.auditLog.action, details: schema.auditLog.details, actorId: schema.auditLog.actorId, ipAddress: schema.auditLog.ipAddress })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.consultationId, consultationId));
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "consultation.status", details: { from: "draft", to: "open" }, actorId: officer.id, ipAddress: "10.0.0.1" },
        {
          action: "consultation.circulate",
          details: { nonPaperId: result.nonPaperId, nonPaper: 1, points: 3, delegations: 6, delegates: 6, invitees: 0, notifications: 6 },
          actorId: officer.id,
          ipAddress: "10.0.0.1",
        },
      ]),
    );
  });

  it("queues one message per recipient, in their language, with the deadline in both zones", async () => {
    const deadline = new Date("2031-03-14T17:00:00Z");
    const { consultationId } = await draft({ deadline });
    await register(consultationId, "VUT");
    await invite("fiji-circulate@nonpaper.test", "VUT", { language: "fr", timeZone: "Pacific/Fiji", name: "Mere Vuniwaqa" });
    // An invitation to someone who already has an account: one message, as the delegate.
    await invite("peru@nonpaper.test", "PER", { language: "en" });
    const result = await circulateConsultation(await secretariat(), { consultationId, coveringNote: NOTE, baseUrl: BASE_URL });
    expect(result).toMatchObject({ ok: true, notifications: 7 });
    if (!result.ok) return;

    const messages = await messagesOf(consultationId);
    expect(messages).toHaveLength(7);
    const byEmail = new Map(messages.map((m) => [m.recipientEmail, m]));
    const expected = [
      ["peru@nonpaper.test", "es", "America/Lima"],
      ["morocco@nonpaper.test", "ar", "Africa/Casablanca"],
      ["france@nonpaper.test", "fr", "Europe/Paris"],
      ["china@nonpaper.test", "zh", "Asia/Shanghai"],
      ["russia@nonpaper.test", "ru", "Europe/Moscow"],
      ["usa@nonpaper.test", "en", "America/New_York"],
      ["fiji-circulate@nonpaper.test", "fr", "Pacific/Fiji"],
    ] as const;
    for (const [email, language, zone] of expected) {
      const message = byEmail.get(email)!;
      expect(message, email).toMatchObject({
        language,
        kind: "consultation.circulated",
        status: "pending",
        attempts: 0,
        dedupeKey: `circulate:${result.nonPaperId}:${email}`,
      });
      expect(message.body, email).toContain(formatInstant(deadline, language, "Europe/Vienna"));
      expect(message.body, email).toContain(formatInstant(deadline, language, zone));
      expect(message.body, email).toContain(`${BASE_URL}/consultations/${consultationId}`);
      expect(message.body, email).toContain(NOTE);
      expect(message.subject, email).toContain("Draft discussion points");
    }
    expect(byEmail.get("morocco@nonpaper.test")!.subject).toMatch(/[\u0600-\u06FF]/);
    expect(byEmail.get("morocco@nonpaper.test")!.body).toContain("المغرب");
    expect(byEmail.get("peru@nonpaper.test")!.body).toContain("Perú");
    expect(byEmail.get("peru@nonpaper.test")!.recipientUserId).toBe(await userIdByEmail("peru@nonpaper.test"));
    expect(byEmail.get("fiji-circulate@nonpaper.test")!.body).toContain("Mere Vuniwaqa");
    expect(byEmail.get("fiji-circulate@nonpaper.test")!.body).toContain("Une fois cette invitation acceptée et votre compte créé");
    expect(byEmail.get("fiji-circulate@nonpaper.test")!.recipientUserId).toBeNull();
  });

  it("refuses, writing nothing, when the consultation is not a draft or lacks what circulation needs", async () => {
    const officer = await secretariat();
    const cases = [
      { name: "open", id: await consultationIdByPrefix("CTOC-2020"), expected: { ok: false, reason: "not_draft", status: "open" } },
      {
        name: "no points",
        id: (await draft({ agendaItems: [{ number: "2", title: "Empty", points: [] }] })).consultationId,
        expected: { ok: false, reason: "blocked", blockers: ["no_points"] },
      },
      {
        name: "no registrations",
        id: (await draft({ delegations: [] })).consultationId,
        expected: { ok: false, reason: "blocked", blockers: ["no_registrations"] },
      },
      { name: "no deadline", id: (await draft({ deadline: null })).consultationId, expected: { ok: false, reason: "blocked", blockers: ["no_deadline"] } },
      {
        name: "past deadline",
        id: (await draft({ deadline: new Date(Date.now() - 60_000) })).consultationId,
        expected: { ok: false, reason: "blocked", blockers: ["deadline_passed"] },
      },
    ];
    for (const { name, id, expected } of cases) {
      const before = await footprint(id);
      const result = await circulateConsultation(officer, { consultationId: id, coveringNote: NOTE, baseUrl: BASE_URL });
      expect(result, name).toEqual(expected);
      expect(await footprint(id), name).toEqual(before);
    }
  });

  it("refuses an empty or oversized note, a chair, a delegate and an unknown consultation", async () => {
    const { consultationId } = await draft();
    const before = await footprint(consultationId);
    const officer = await secretariat();
    expect(await circulateConsultation(officer, { consultationId, coveringNote: " \r\n ", baseUrl: BASE_URL })).toEqual({ ok: false, reason: "note_required" });
    expect(await circulateConsultation(officer, { consultationId, coveringNote: "x".repeat(20_001), baseUrl: BASE_URL })).toEqual({
      ok: false,
      reason: "note_too_long",
    });
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(await circulateConsultation(await userByEmail(email), { consultationId, coveringNote: NOTE, baseUrl: BASE_URL })).toEqual({
        ok: false,
        reason: "not_found",
      });
    }
    expect(await circulateConsultation(officer, { consultationId: "00000000-0000-4000-8000-000000000000", coveringNote: NOTE, baseUrl: BASE_URL })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await footprint(consultationId)).toEqual(before);
  });

  it("makes exactly one non-paper when two officers circulate at the same moment", async () => {
    const { consultationId } = await draft();
    const officer = await secretariat();
    const results = await Promise.all([0, 1, 2].map(() => circulateConsultation(officer, { consultationId, coveringNote: NOTE, baseUrl: BASE_URL })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "not_draft")).toHaveLength(2);
    const after = await footprint(consultationId);
    expect(after).toMatchObject({ nonPapers: 1, messages: 6, status: "open" });
    const db = await getDb();
    const [circulations] = await db
      .select({ n: count() })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, "consultation.circulate")));
    expect(circulations!.n).toBe(1);
  });

  it("shows what was circulated, when and by whom, with the messages", async () => {
    const { consultationId } = await draft();
    await circulateConsultation(await secretariat(), { consultationId, coveringNote: NOTE, baseUrl: BASE_URL });
    const page = await getCirculationPage(await secretariat(), consultationId, { baseUrl: BASE_URL });
    expect(page!.consultation.status).toBe("open");
    expect(page!.nonPaper).toMatchObject({ number: 1, coveringNote: NOTE, circulatedByName: "Amina Haddad", points: 3 });
    expect(page!.notifications).toHaveLength(6);
    expect(page!.notificationCounts).toEqual({ pending: 6, sent: 0, failed: 0 });
  });
});

describe("the covering note", () => {
  it("is saved for a draft with an audit entry, and not once circulated", async () => {
    const { consultationId } = await draft();
    const officer = await secretariat();
    expect(await saveCoveringNote(officer, { consultationId, coveringNote: `${NOTE}\r\n` })).toEqual({ ok: true, changed: true });
    expect(await saveCoveringNote(officer, { consultationId, coveringNote: NOTE })).toEqual({ ok: true, changed: false });
    const db = await getDb();
    const audits = await db
      .select({ action: schema.auditLog.action, details: schema.auditLog.details })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, "consultation.covering_note")));
    expect(audits).toEqual([{ action: "consultation.covering_note", details: { length: NOTE.length } }]);
    expect((await getCirculationPage(officer, consultationId, { baseUrl: BASE_URL }))!.note.saved).toBe(NOTE);

    await circulateConsultation(officer, { consultationId, coveringNote: NOTE, baseUrl: BASE_URL });
    expect(await saveCoveringNote(officer, { consultationId, coveringNote: "Changed." })).toEqual({ ok: false, reason: "not_draft", status: "open" });
    expect(await saveCoveringNote(await userByEmail("chair@nonpaper.test"), { consultationId, coveringNote: "X" })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("closing the reflection period", () => {
  it("moves an open consultation to closed, once, with audit entries", async () => {
    const { consultationId } = await draft();
    const officer = await secretariat();
    expect(await closeReflectionPeriod(officer, { consultationId })).toEqual({ ok: false, reason: "not_open", status: "draft" });
    await circulateConsultation(officer, { consultationId, coveringNote: NOTE, baseUrl: BASE_URL });
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(await closeReflectionPeriod(await userByEmail(email), { consultationId })).toEqual({ ok: false, reason: "not_found" });
    }
    // Before the deadline a reason is required (issue 11): refused without one, then closed with one.
    expect(await closeReflectionPeriod(officer, { consultationId, ipAddress: "10.0.0.2" })).toEqual({ ok: false, reason: "reason_required" });
    expect(await closeReflectionPeriod(officer, { consultationId, ipAddress: "10.0.0.2", reason: "Ended early by the Bureau." })).toEqual({
      ok: true,
      early: true,
      notifications: 6,
    });
    expect(await closeReflectionPeriod(officer, { consultationId })).toEqual({ ok: false, reason: "not_open", status: "closed" });
    const db = await getDb();
    const [row] = await db.select().from(schema.consultations).where(eq(schema.consultations.id, consultationId));
    expect(row!.status).toBe("closed");
    expect(row!.closedAt).toBeInstanceOf(Date);
    const audits = await db
      .select({ action: schema.auditLog.action, details: schema.auditLog.details })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, consultationId), inArray(schema.auditLog.action, ["consultation.status", "consultation.close"])));
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "consultation.status", details: { from: "open", to: "closed" } },
        {
          action: "consultation.close",
          details: expect.objectContaining({ beforeDeadline: true, reason: "Ended early by the Bureau." }),
        },
      ]),
    );
  });
});

describe("the circulation page (loader and action)", () => {
  const path = (id: string) => `/consultations/${id}/circulate`;
  const post = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });
  const run = async (fn: typeof loader | typeof action, email: string | null, consultationId: string, init?: RequestInit) =>
    outcome(async () => fn({ request: await requestAs(email, path(consultationId), init), params: { consultationId }, context }));
  const thrownStatus = (result: Awaited<ReturnType<typeof run>>) => statusOf((result as { thrown: unknown }).thrown);

  it("loader: sign-in for anonymous, 403 for chair and delegate, 404 for malformed and unknown ids", async () => {
    const { consultationId } = await draft();
    expect(thrownStatus(await run(loader, null, consultationId))).toBe(302);
    expect(thrownStatus(await run(loader, "chair@nonpaper.test", consultationId))).toBe(403);
    expect(thrownStatus(await run(loader, "peru@nonpaper.test", consultationId))).toBe(403);
    expect(thrownStatus(await run(loader, "secretariat@nonpaper.test", "not-a-uuid"))).toBe(404);
    expect(thrownStatus(await run(loader, "secretariat@nonpaper.test", "00000000-0000-4000-8000-000000000000"))).toBe(404);
    const page = (await run(loader, "secretariat@nonpaper.test", consultationId)) as { value: Awaited<ReturnType<typeof loader>> };
    expect(page.value.page.consultation.id).toBe(consultationId);
    expect(page.value.mailConfigured).toBe(false);
  });

  it("action: every intent is refused to anonymous, chair and delegate, and to bad ids, changing nothing", async () => {
    const { consultationId } = await draft();
    const before = await footprint(consultationId);
    const intents: Record<string, string>[] = [
      { intent: "save", coveringNote: NOTE },
      { intent: "regenerate" },
      { intent: "circulate", coveringNote: NOTE, confirm: "on" },
      { intent: "close", confirmClose: "on" },
    ];
    for (const fields of intents) {
      expect(thrownStatus(await run(action, null, consultationId, post(fields))), fields.intent).toBe(302);
      expect(thrownStatus(await run(action, "chair@nonpaper.test", consultationId, post(fields))), fields.intent).toBe(403);
      expect(thrownStatus(await run(action, "peru@nonpaper.test", consultationId, post(fields))), fields.intent).toBe(403);
      expect(thrownStatus(await run(action, "secretariat@nonpaper.test", "not-a-uuid", post(fields))), fields.intent).toBe(404);
      expect(thrownStatus(await run(action, "secretariat@nonpaper.test", "00000000-0000-4000-8000-000000000000", post(fields))), fields.intent).toBe(404);
    }
    expect(await footprint(consultationId)).toEqual(before);
  });

  it("action: bad input comes back with what was typed and a message, and changes nothing", async () => {
    const { consultationId } = await draft();
    const before = await footprint(consultationId);
    const typed = "My carefully edited note.";
    const unconfirmed = await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "circulate", coveringNote: typed }));
    const reply = (
      unconfirmed as { value: { data: { result: { initialValue: Record<string, unknown>; error: Record<string, string[]> } }; init: { status: number } } }
    ).value;
    expect(reply.init.status).toBe(400);
    expect(reply.data.result.initialValue.coveringNote).toBe(typed);
    expect(reply.data.result.error.confirm).toEqual(["circulation:errors.confirmRequired"]);

    const empty = await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "save", coveringNote: "   " }));
    expect(statusOf((empty as { value: unknown }).value)).toBe(400);
    const unknown = await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "delete" }));
    expect(statusOf((unknown as { value: unknown }).value)).toBe(400);
    expect(await footprint(consultationId)).toEqual(before);
  });

  it("action: a blocked circulation says why and keeps the note", async () => {
    const { consultationId } = await draft({ delegations: [] });
    const refused = await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "circulate", coveringNote: NOTE, confirm: "on" }));
    const reply = (
      refused as { value: { data: { result: { initialValue: Record<string, unknown>; error: Record<string, string[]> } }; init: { status: number } } }
    ).value;
    expect(reply.init.status).toBe(409);
    expect(reply.data.result.error[""]).toEqual(["circulation:errors.noRegistrations"]);
    expect(reply.data.result.initialValue.coveringNote).toBe(NOTE);
    expect((await footprint(consultationId)).status).toBe("draft");
  });

  it("action: save, regenerate, circulate, then close", async () => {
    const { consultationId } = await draft();
    const saved = await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "save", coveringNote: NOTE }));
    const savedResponse = (saved as { thrown: Response }).thrown;
    expect(savedResponse.status).toBe(302);
    expect(savedResponse.headers.get("Location")).toBe(`/consultations/${consultationId}/circulate`);
    expect(await noticeOf(savedResponse)).toEqual({ kind: "circulation.saved" });
    // The page reads it once from the cookie the redirect set.
    const request = withCookie(await requestAs("secretariat@nonpaper.test", path(consultationId)), noticeCookie(savedResponse)!);
    const shown = (await loader({ request, params: { consultationId }, context })) as Awaited<ReturnType<typeof loader>>;
    expect(shown.notice).toEqual({ kind: "circulation.saved" });
    expect((await footprint(consultationId)).coveringNote).toBe(NOTE);

    const regenerated = (await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "regenerate", coveringNote: NOTE }))) as {
      value: { data: { regenerated: { text: string } } };
    };
    expect(regenerated.value.data.regenerated.text).toContain("presents its compliments");
    // Regenerating does not overwrite the saved note.
    expect((await footprint(consultationId)).coveringNote).toBe(NOTE);

    const circulated = await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "circulate", coveringNote: NOTE, confirm: "on" }));
    const circulatedResponse = (circulated as { thrown: Response }).thrown;
    expect(circulatedResponse.status).toBe(302);
    expect(circulatedResponse.headers.get("Location")).toBe(`/consultations/${consultationId}`);
    expect(await noticeOf(circulatedResponse)).toEqual({ kind: "consultation.circulated", number: 1 });
    expect(await footprint(consultationId)).toMatchObject({ nonPapers: 1, messages: 6, status: "open" });

    // A second click (the form posted again) changes nothing and says so.
    const again = await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "circulate", coveringNote: NOTE, confirm: "on" }));
    const againReply = (again as { value: { data: { result: { error: Record<string, string[]> } }; init: { status: number } } }).value;
    expect(againReply.init.status).toBe(409);
    expect(againReply.data.result.error[""]).toEqual(["circulation:errors.notDraft"]);
    expect(await footprint(consultationId)).toMatchObject({ nonPapers: 1, messages: 6 });

    const unconfirmedClose = await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "close" }));
    expect(statusOf((unconfirmedClose as { value: unknown }).value)).toBe(400);
    // Before the deadline, closing needs a reason (issue 11).
    const noReason = await run(action, "secretariat@nonpaper.test", consultationId, post({ intent: "close", confirmClose: "on" }));
    expect(statusOf((noReason as { value: unknown }).value)).toBe(400);
    expect((await footprint(consultationId)).status).toBe("open");
    const closed = await run(
      action,
      "secretariat@nonpaper.test",
      consultationId,
      post({ intent: "close", confirmClose: "on", reason: "Ended early by the Bureau." }),
    );
    expect((closed as { thrown: Response }).thrown.headers.get("Location")).toBe(`/consultations/${consultationId}/circulate`);
    expect(await noticeOf((closed as { thrown: Response }).thrown)).toEqual({ kind: "circulation.closed" });
    expect((await footprint(consultationId)).status).toBe("closed");

    const page = (await run(loader, "secretariat@nonpaper.test", consultationId)) as { value: Awaited<ReturnType<typeof loader>> };
    expect(page.value.page.nonPaper?.number).toBe(1);
    const db = await getDb();
    const keys = await db
      .select({ key: schema.notificationOutbox.dedupeKey })
      .from(schema.notificationOutbox)
      .where(like(schema.notificationOutbox.dedupeKey, `circulate:${page.value.page.nonPaper!.id}:%`));
    expect(keys).toHaveLength(6);
  });
});
