// Ending the reflection period: who has not submitted, reminders, closing early with a reason,
// the missions told of a closing or a new deadline, and invitations that outlive the deadline.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { diplomaticInstant } from "~/lib/deadline-email";
import { INVITATION_DEADLINE_MARGIN_MS } from "~/lib/invitation-rules";
import type { ConsultationInput } from "~/lib/consultation-forms";
import { closeReflectionPeriod, getClosingPage, remindMissions } from "~/models/closing.server";
import { getConsultationSettings, updateConsultation } from "~/models/consultation.server";
import { inviteDelegate } from "~/models/invitation.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission } from "~/models/submission-submit.server";
import { extendDeadline } from "~/models/submission-secretariat.server";
import type { SessionUser } from "~/models/user.server";
import CirculationPage, { loader as circulationLoader } from "~/routes/consultations.$consultationId.circulate";
import ClosingPage, { action as closingAction, loader as closingLoader } from "~/routes/consultations.$consultationId.closing";
import RegistrationsPage, { action as registrationsAction, loader as registrationsLoader } from "~/routes/consultations.$consultationId.registrations";
import { getDb, schema } from "~/utils/db.server";
import ar from "../../locales/ar/consultations.json";
import fr from "../../locales/fr/consultations.json";
import { BASE_URL, outcome, requestAs, statusOf } from "./helpers";
import { noticeOf } from "./notices";
import { renderRoute } from "./render-route";
import { countQueries, delegationIdOf, openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const DAY = 86_400_000;
const context = { clientAddress: "127.0.0.1" };
const SECRETARIAT = "secretariat@nonpaper.test";
const REASON = "The extended Bureau agreed, by silence procedure, to end the reflection period early.";
let keyCounter = 0;
const key = () => `closing-key-${Date.now()}-${keyCounter++}`;

type Open = Awaited<ReturnType<typeof openConsultation>>;

const content = (c: Open, body: string) => ({
  language: "en",
  general: [{ agendaItemId: c.items["2"]!, body }],
  points: [],
  proposals: [],
});

async function save(user: SessionUser, c: Open, body: string, base: number) {
  const saved = await saveDraft(user, { consultationId: c.consultationId, baseDraftVersion: base, content: content(c, body) });
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
  return saved.draftVersion;
}

/**
 * Peru submitted; Morocco has a draft never submitted; France submitted, then changed its draft;
 * China, the Russian Federation, the United States and Germany (no delegate account) have nothing.
 */
async function scenario() {
  const c = await openConsultation({ delegations: ["PER", "MAR", "FRA", "CHN", "RUS", "USA", "DEU"] });
  const [peru, morocco, france] = (await Promise.all(["peru", "morocco", "france"].map((n) => userByEmail(`${n}@nonpaper.test`)))) as [
    SessionUser,
    SessionUser,
    SessionUser,
  ];
  const submit = async (user: SessionUser, version: number) => {
    const r = await submitSubmission(user, { consultationId: c.consultationId, idempotencyKey: key(), draftVersion: version, baseUrl: BASE_URL });
    if (!r.ok) throw new Error(`submit refused: ${JSON.stringify(r)}`);
  };
  await submit(peru, await save(peru, c, "Peru's comments.", 0));
  await save(morocco, c, "A Moroccan draft, not submitted.", 0);
  const v = await save(france, c, "France's comments.", 0);
  await submit(france, v);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await save(france, c, "France's comments, revised after submitting.", v);
  return c;
}

async function outbox(consultationId: string, kind: string) {
  const db = await getDb();
  return db
    .select({
      email: schema.notificationOutbox.recipientEmail,
      language: schema.notificationOutbox.language,
      subject: schema.notificationOutbox.subject,
      body: schema.notificationOutbox.body,
    })
    .from(schema.notificationOutbox)
    .where(and(eq(schema.notificationOutbox.consultationId, consultationId), eq(schema.notificationOutbox.kind, kind)))
    .orderBy(asc(schema.notificationOutbox.recipientEmail));
}

async function audits(consultationId: string, action: string) {
  const db = await getDb();
  return db
    .select({ details: schema.auditLog.details, ipAddress: schema.auditLog.ipAddress })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, action)))
    .orderBy(asc(schema.auditLog.id));
}

async function statusOfConsultation(consultationId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ status: schema.consultations.status, closedAt: schema.consultations.closedAt, deadline: schema.consultations.deadline })
    .from(schema.consultations)
    .where(eq(schema.consultations.id, consultationId));
  return row!;
}

const post = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });
const path = (id: string) => `/consultations/${id}/closing`;
async function run(fn: typeof closingLoader | typeof closingAction, email: string | null, consultationId: string, init?: RequestInit) {
  return outcome(async () => fn({ request: await requestAs(email, path(consultationId), init), params: { consultationId }, context }));
}
const thrownStatus = (r: { thrown: unknown } | { value: unknown }) => ("thrown" in r ? statusOf(r.thrown) : undefined);

describe("who has not submitted", () => {
  it("names the delegations with an unsubmitted draft and those with nothing, for the secretariat only", async () => {
    const c = await scenario();
    const page = await getClosingPage(await userByEmail(SECRETARIAT), c.consultationId);
    const by = (standing: string) => page!.delegations.filter((d) => d.standing === standing).map((d) => d.code);
    expect(by("submitted")).toEqual(["PER"]);
    expect(by("draftOnly")).toEqual(["MAR"]);
    expect(by("changedSinceSubmission")).toEqual(["FRA"]);
    expect(by("nothing")).toEqual(["CHN", "DEU", "RUS", "USA"]);
    expect(page!.delegations.find((d) => d.code === "DEU")!.delegates).toBe(0);
    expect(page!.early).toBe(true);
    expect(page!.lastReminder).toBeNull();
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(await getClosingPage(await userByEmail(email), c.consultationId)).toBeNull();
    }

    // The page, as the officer sees it: every name, grouped.
    const loaded = await run(closingLoader, SECRETARIAT, c.consultationId);
    const html = await renderRoute(ClosingPage, { url: `http://x${path(c.consultationId)}`, loaderData: (loaded as { value: unknown }).value });
    expect(html).toMatch(/data-standing="draftOnly"[^]*Morocco/);
    expect(html).toMatch(/data-standing="changedSinceSubmission"[^]*France/);
    expect(html).toMatch(/data-standing="nothing"[^]*China[^]*Germany[^]*Russian Federation[^]*United States/);
    expect(html).toContain("Reason for closing before the deadline");
  });

  it("reads the page, reminds and closes with the same number of queries for 1 delegation as for 40", async () => {
    const officer = await userByEmail(SECRETARIAT);
    const db = await getDb();
    const codes = (await db.select({ code: schema.delegations.code }).from(schema.delegations).orderBy(asc(schema.delegations.code)).limit(40)).map(
      (d) => d.code,
    );
    const small = await openConsultation({ delegations: ["PER"] });
    const large = await openConsultation({ delegations: [...new Set(["PER", ...codes])] });
    const queries = async (consultationId: string) => [
      (await countQueries(() => getClosingPage(officer, consultationId))).queries,
      (await countQueries(() => remindMissions(officer, { consultationId }))).queries,
      (await countQueries(() => closeReflectionPeriod(officer, { consultationId, reason: REASON }))).queries,
    ];
    expect(await queries(large.consultationId)).toEqual(await queries(small.consultationId));
    expect((await getClosingPage(officer, large.consultationId))!.delegations.length).toBeGreaterThanOrEqual(40);
  });

  it("loader and action: sign-in for anonymous, 403 for chair and delegate, 404 for bad ids", async () => {
    const c = await openConsultation({ delegations: ["PER"] });
    expect(thrownStatus(await run(closingLoader, null, c.consultationId))).toBe(302);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(thrownStatus(await run(closingLoader, email, c.consultationId))).toBe(403);
      for (const fields of [{ intent: "remind" }, { intent: "close", reason: REASON, confirmClose: "on" }] as Record<string, string>[]) {
        expect(thrownStatus(await run(closingAction, email, c.consultationId, post(fields)))).toBe(403);
      }
    }
    expect(thrownStatus(await run(closingLoader, SECRETARIAT, "not-a-uuid"))).toBe(404);
    expect(thrownStatus(await run(closingLoader, SECRETARIAT, "00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(thrownStatus(await run(closingAction, SECRETARIAT, "00000000-0000-4000-8000-000000000000", post({ intent: "remind" })))).toBe(404);
    expect((await statusOfConsultation(c.consultationId)).status).toBe("open");
    expect(await outbox(c.consultationId, "consultation.reminder")).toHaveLength(0);

    // The circulation page sends the officer here to close (no one-tick closing any more).
    const circulatePath = `/consultations/${c.consultationId}/circulate`;
    const loaderData = await circulationLoader({ request: await requestAs(SECRETARIAT, circulatePath), params: { consultationId: c.consultationId }, context });
    const html = await renderRoute(CirculationPage, { url: `http://x${circulatePath}`, loaderData });
    expect(html).toContain(`href="${path(c.consultationId)}"`);
    expect(html).not.toContain('name="confirmClose"');
  });
});

describe("closing the reflection period before the deadline", () => {
  it("is refused without a reason (or to a chair or delegate), changing nothing", async () => {
    const c = await scenario();
    const officer = await userByEmail(SECRETARIAT);
    for (const reason of [undefined, "", "   \n "]) {
      expect(await closeReflectionPeriod(officer, { consultationId: c.consultationId, reason })).toEqual({ ok: false, reason: "reason_required" });
    }
    expect(await closeReflectionPeriod(officer, { consultationId: c.consultationId, reason: "x".repeat(2_001) })).toEqual({
      ok: false,
      reason: "reason_too_long",
    });
    expect(await closeReflectionPeriod(officer, { consultationId: c.consultationId, reason: "Closed \u202Eearly" })).toEqual({ ok: false, reason: "invalid" });
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(await closeReflectionPeriod(await userByEmail(email), { consultationId: c.consultationId, reason: REASON })).toEqual({
        ok: false,
        reason: "not_found",
      });
    }
    // Through the page: a clear, localized message on the reason field.
    const refused = await run(closingAction, SECRETARIAT, c.consultationId, post({ intent: "close", confirmClose: "on" }));
    const reply = (refused as { value: { data: { result: { error: Record<string, string[]> } }; init: { status: number } } }).value;
    expect(reply.init.status).toBe(400);
    expect(reply.data.result.error.reason).toEqual(["consultations:closing.errors.reasonRequired"]);

    expect(await statusOfConsultation(c.consultationId)).toMatchObject({ status: "open", closedAt: null });
    expect(await audits(c.consultationId, "consultation.close")).toHaveLength(0);
    expect(await outbox(c.consultationId, "consultation.closed")).toHaveLength(0);
  });

  it("with a reason: closes, audits the reason and who had not submitted, and tells every mission in its language", async () => {
    const c = await scenario();
    const officer = await userByEmail(SECRETARIAT);
    const { deadline } = await statusOfConsultation(c.consultationId);
    const closed = await run(closingAction, SECRETARIAT, c.consultationId, post({ intent: "close", reason: REASON, confirmClose: "on" }));
    const location = (closed as { thrown: Response }).thrown.headers.get("Location");
    expect(location).toBe(path(c.consultationId));
    expect(await noticeOf((closed as { thrown: Response }).thrown)).toEqual({ kind: "closing.closed", count: 6 });
    expect((await statusOfConsultation(c.consultationId)).status).toBe("closed");
    expect(await closeReflectionPeriod(officer, { consultationId: c.consultationId, reason: REASON })).toEqual({
      ok: false,
      reason: "not_open",
      status: "closed",
    });

    const [entry] = await audits(c.consultationId, "consultation.close");
    expect(entry!.details).toEqual({
      beforeDeadline: true,
      deadline: deadline!.toISOString(),
      reason: REASON,
      unsubmittedDrafts: ["FRA", "MAR"],
      notSubmitted: ["CHN", "DEU", "RUS", "USA"],
      notifications: 6,
    });
    expect(entry!.ipAddress).toBe("127.0.0.1");

    // One message per delegate of the registered missions, each in the delegate's language.
    const messages = await outbox(c.consultationId, "consultation.closed");
    const byEmail = Object.fromEntries(messages.map((m) => [m.email, m]));
    expect(Object.keys(byEmail).sort()).toEqual(["china", "france", "morocco", "peru", "russia", "usa"].map((n) => `${n}@nonpaper.test`).sort());
    expect(Object.fromEntries(messages.map((m) => [m.email.split("@")[0], m.language]))).toEqual({
      china: "zh",
      france: "fr",
      morocco: "ar",
      peru: "es",
      russia: "ru",
      usa: "en",
    });
    for (const m of messages) {
      expect(m.body).toContain(REASON);
      expect(m.body).toContain(diplomaticInstant(deadline!, m.language, "Europe/Vienna"));
      expect(m.body).toContain(`${BASE_URL}/consultations/${c.consultationId}`);
    }
    const morocco = byEmail["morocco@nonpaper.test"]!;
    expect(morocco.body).toContain(ar.missionMail.closed.draftOnly);
    expect(morocco.body).toContain("الساعة 18:00".slice(0, 6)); // "الساعة": the Arabic clock wording
    expect(byEmail["france@nonpaper.test"]!.body).toContain(fr.missionMail.closed.changedSinceSubmission);
    expect(byEmail["usa@nonpaper.test"]!.body).toContain("No comments were received from your delegation.");
    expect(byEmail["peru@nonpaper.test"]!.body).not.toMatch(/borrador|Peru's/);
  });

  it("after the deadline, closes without a reason", async () => {
    const c = await openConsultation({ delegations: ["PER"], deadlineAfterCirculation: new Date(Date.now() - 60_000) });
    expect(await closeReflectionPeriod(await userByEmail(SECRETARIAT), { consultationId: c.consultationId })).toMatchObject({ ok: true, early: false });
    const [entry] = await audits(c.consultationId, "consultation.close");
    expect(entry!.details).toMatchObject({ beforeDeadline: false, reason: null, notSubmitted: ["PER"] });
  });
});

describe("reminding the missions that have not submitted", () => {
  it("sends one email per delegate in their language, audits it, and refuses a second the same day", async () => {
    const c = await scenario();
    const officer = await userByEmail(SECRETARIAT);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(await remindMissions(await userByEmail(email), { consultationId: c.consultationId })).toEqual({ ok: false, reason: "not_found" });
    }
    const reminded = await run(closingAction, SECRETARIAT, c.consultationId, post({ intent: "remind" }));
    expect((reminded as { thrown: Response }).thrown.headers.get("Location")).toBe(path(c.consultationId));
    expect(await noticeOf((reminded as { thrown: Response }).thrown)).toEqual({ kind: "closing.reminded", messages: 5, delegations: 5 });

    const messages = await outbox(c.consultationId, "consultation.reminder");
    // Peru submitted; Germany has no delegate account to write to.
    expect(messages.map((m) => [m.email.split("@")[0], m.language])).toEqual([
      ["china", "zh"],
      ["france", "fr"],
      ["morocco", "ar"],
      ["russia", "ru"],
      ["usa", "en"],
    ]);
    const { deadline } = await statusOfConsultation(c.consultationId);
    for (const m of messages) expect(m.body).toContain(diplomaticInstant(deadline!, m.language, "Europe/Vienna"));
    expect(messages.find((m) => m.language === "ar")!.body).toContain(ar.missionMail.reminder.draftOnly);
    expect(messages.find((m) => m.language === "en")!.body).toContain("No comments have been received from your delegation yet.");

    const [entry] = await audits(c.consultationId, "consultation.remind");
    expect(entry!.details).toMatchObject({ delegations: ["CHN", "FRA", "MAR", "RUS", "USA"], messages: 5, unreached: ["DEU"] });

    // A second click the same day: refused with when the first went; nothing queued.
    const again = await remindMissions(officer, { consultationId: c.consultationId });
    expect(again).toMatchObject({ ok: false, reason: "already_today" });
    const twice = await run(closingAction, SECRETARIAT, c.consultationId, post({ intent: "remind" }));
    const reply = (twice as { value: { data: { errors: string[] }; init: { status: number } } }).value;
    expect(reply.init.status).toBe(409);
    expect(reply.data.errors).toEqual(["consultations:closing.errors.alreadyToday"]);
    expect(await outbox(c.consultationId, "consultation.reminder")).toHaveLength(5);
    expect(await audits(c.consultationId, "consultation.remind")).toHaveLength(1);

    // The page says when the last one went and by whom.
    const page = await getClosingPage(officer, c.consultationId);
    expect(page!.remindedToday).toBe(true);
    expect(page!.lastReminder).toMatchObject({ byName: officer.name, messages: 5, delegations: 5 });
    const loaded = await run(closingLoader, SECRETARIAT, c.consultationId);
    const html = await renderRoute(ClosingPage, { url: `http://x${path(c.consultationId)}`, loaderData: (loaded as { value: unknown }).value });
    expect(html).toContain(`Last reminder:`);
    expect(html).toContain("A reminder already went today");

    // The next day, another may go.
    expect(await remindMissions(officer, { consultationId: c.consultationId, now: new Date(Date.now() + DAY) })).toMatchObject({ ok: true, messages: 5 });
    expect(await outbox(c.consultationId, "consultation.reminder")).toHaveLength(10);
  });

  it("is refused after the deadline, when the period is closed, and when everyone has submitted", async () => {
    const officer = await userByEmail(SECRETARIAT);
    const late = await openConsultation({ delegations: ["USA"], deadlineAfterCirculation: new Date(Date.now() - 60_000) });
    expect(await remindMissions(officer, { consultationId: late.consultationId })).toEqual({ ok: false, reason: "deadline_passed" });
    await closeReflectionPeriod(officer, { consultationId: late.consultationId });
    expect(await remindMissions(officer, { consultationId: late.consultationId })).toEqual({ ok: false, reason: "not_open" });
    const silent = await openConsultation({ delegations: ["DEU"] });
    expect(await remindMissions(officer, { consultationId: silent.consultationId })).toEqual({ ok: false, reason: "nobody" });
    expect(await audits(silent.consultationId, "consultation.remind")).toHaveLength(0);
  });
});

/** The consultation's settings as the edit form would post them, with a new deadline. */
async function withDeadline(user: SessionUser, consultationId: string, date: Date): Promise<ConsultationInput> {
  const settings = (await getConsultationSettings(user, consultationId))!;
  const { id: _id, status: _status, deadline: _deadline, meetingTimeZone, ...fields } = settings;
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as Partial<ConsultationInput>;
  const wall = new Intl.DateTimeFormat("en-CA", { timeZone: meetingTimeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  return { ...kept, deadlineDate: wall, deadlineTime: "18:00" } as ConsultationInput;
}

async function invitation(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(schema.invitations).where(eq(schema.invitations.email, email));
  return row!;
}

describe("a new deadline", () => {
  it("is sent to every registered mission (extended or changed), and pending invitations outlive it", async () => {
    const c = await openConsultation({ delegations: ["PER", "FRA", "USA", "ITA", "ESP"] });
    const officer = await userByEmail(SECRETARIAT);
    const db = await getDb();
    // Pending invitations: one due to expire before the new deadline, one already expired, one withdrawn.
    const invite = async (email: string, code: string) => {
      const r = await inviteDelegate(officer, {
        consultationId: c.consultationId,
        delegationId: await delegationIdOf(code),
        email,
        name: null,
        language: "en",
        timeZone: null,
        origin: BASE_URL,
      });
      if (!r.ok) throw new Error(r.reason);
    };
    await invite("pending@esteri.example.it", "ITA");
    await invite("expired@esteri.example.it", "ITA");
    await invite("withdrawn@example.es", "ESP");
    await db
      .update(schema.invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.invitations.email, "expired@esteri.example.it"));
    await db.update(schema.invitations).set({ revokedAt: new Date() }).where(eq(schema.invitations.email, "withdrawn@example.es"));
    const expiredBefore = (await invitation("expired@esteri.example.it")).expiresAt;

    // A chair or a delegate cannot move it.
    for (const email of ["chair@nonpaper.test", "usa@nonpaper.test"]) {
      expect(
        await updateConsultation(await userByEmail(email), c.consultationId, await withDeadline(officer, c.consultationId, new Date(Date.now() + 40 * DAY))),
      ).toEqual({
        ok: false,
        reason: "not_found",
      });
    }
    expect(await outbox(c.consultationId, "consultation.deadline_changed")).toHaveLength(0);

    const later = await updateConsultation(officer, c.consultationId, await withDeadline(officer, c.consultationId, new Date(Date.now() + 40 * DAY)), null, {
      baseUrl: BASE_URL,
    });
    expect(later).toEqual({ ok: true, id: c.consultationId, notified: 3 });
    const { deadline } = await statusOfConsultation(c.consultationId);
    const extended = await outbox(c.consultationId, "consultation.deadline_changed");
    expect(extended.map((m) => [m.email, m.language])).toEqual([
      ["france@nonpaper.test", "fr"],
      ["peru@nonpaper.test", "es"],
      ["usa@nonpaper.test", "en"],
    ]);
    const usa = extended.find((m) => m.language === "en")!;
    expect(usa.subject).toBe("Deadline extended: Draft discussion points");
    expect(usa.body).toContain(`New deadline: ${diplomaticInstant(deadline!, "en", "Europe/Vienna")}`);
    expect(extended.find((m) => m.language === "fr")!.subject).toBe("Prorogation de la date limite\u00a0: Draft discussion points");
    const [update] = (await audits(c.consultationId, "consultation.update")).slice(-1);
    expect(update!.details).toMatchObject({ changed: ["deadline"], notifications: 3, invitationsExtended: 1 });

    // The pending link now lives until a week after the new deadline; the others are as they were.
    expect((await invitation("pending@esteri.example.it")).expiresAt.getTime()).toBe(deadline!.getTime() + INVITATION_DEADLINE_MARGIN_MS);
    expect((await invitation("expired@esteri.example.it")).expiresAt).toEqual(expiredBefore);

    // Brought forward (still in the future): "changed", not "extended".
    await updateConsultation(officer, c.consultationId, await withDeadline(officer, c.consultationId, new Date(Date.now() + 20 * DAY)), null, {
      baseUrl: BASE_URL,
    });
    const all = await outbox(c.consultationId, "consultation.deadline_changed");
    expect(all).toHaveLength(6);
    expect(all.filter((m) => m.subject === "Deadline changed: Draft discussion points")).toHaveLength(1);
    // Shortening the deadline never shortens a link.
    expect((await invitation("pending@esteri.example.it")).expiresAt.getTime()).toBe(deadline!.getTime() + INVITATION_DEADLINE_MARGIN_MS);
  });

  it("a draft consultation's new deadline tells no one (nothing was circulated)", async () => {
    const officer = await userByEmail(SECRETARIAT);
    const db = await getDb();
    const c = await openConsultation({ delegations: ["PER"] });
    await db.update(schema.consultations).set({ status: "draft" }).where(eq(schema.consultations.id, c.consultationId));
    const result = await updateConsultation(officer, c.consultationId, await withDeadline(officer, c.consultationId, new Date(Date.now() + 30 * DAY)));
    expect(result).toEqual({ ok: true, id: c.consultationId });
    expect(await outbox(c.consultationId, "consultation.deadline_changed")).toHaveLength(0);
  });
});

describe("an invitation and the deadline it invites to", () => {
  it("expires no sooner than a week after the deadline, and a delegation's extension extends its pending invitations", async () => {
    const officer = await userByEmail(SECRETARIAT);
    const c = await openConsultation({ delegations: ["NLD", "BEL"] });
    const db = await getDb();
    const far = new Date(Date.now() + 30 * DAY);
    await db.update(schema.consultations).set({ deadline: far }).where(eq(schema.consultations.id, c.consultationId));
    const sent = await inviteDelegate(officer, {
      consultationId: c.consultationId,
      delegationId: await delegationIdOf("NLD"),
      email: "attache@minbuza.example.nl",
      name: null,
      language: "en",
      timeZone: null,
      origin: BASE_URL,
    });
    expect(sent.ok && sent.expiresAt.getTime()).toBe(far.getTime() + INVITATION_DEADLINE_MARGIN_MS);
    await inviteDelegate(officer, {
      consultationId: c.consultationId,
      delegationId: await delegationIdOf("BEL"),
      email: "attache@diplomatie.example.be",
      name: null,
      language: "fr",
      timeZone: null,
      origin: BASE_URL,
    });

    const until = new Date(far.getTime() + 10 * DAY);
    expect(await extendDeadline(officer, { consultationId: c.consultationId, delegationId: await delegationIdOf("NLD"), until })).toEqual({ ok: true, until });
    expect((await invitation("attache@minbuza.example.nl")).expiresAt.getTime()).toBe(until.getTime() + INVITATION_DEADLINE_MARGIN_MS);
    // Another delegation's link is untouched.
    expect((await invitation("attache@diplomatie.example.be")).expiresAt.getTime()).toBe(far.getTime() + INVITATION_DEADLINE_MARGIN_MS);
  });
});

describe("an invitation without a mail server", () => {
  it("says it waits in the outbox (with a link to it), not that it was sent", async () => {
    delete process.env.SMTP_URL;
    const c = await openConsultation({ delegations: ["AUT"] });
    const consultationId = c.consultationId;
    const regPath = `/consultations/${consultationId}/registrations`;
    const aut = await delegationIdOf("AUT");
    const request = await requestAs(
      SECRETARIAT,
      regPath,
      post({ intent: "invite", delegationId: aut, email: "attache@bmeia.example.at", name: "Anna Huber", language: "en", timeZone: "" }),
    );
    const result = (await registrationsAction({ request, params: { consultationId }, context })) as unknown as {
      data: { notice: { kind: string; queued: boolean } };
    };
    expect(result.data.notice).toMatchObject({ kind: "invited", queued: true });
    const loaderData = await registrationsLoader({ request: await requestAs(SECRETARIAT, regPath), params: { consultationId }, context });
    const html = await renderRoute(RegistrationsPage, { url: `http://x${regPath}`, loaderData, actionData: result.data });
    expect(html).toContain("is waiting in the outbox: no mail server is configured");
    expect(html).not.toContain("An invitation has been sent to");
    expect(html).toContain(`href="/outbox?consultation=${consultationId}"`);
    const db = await getDb();
    const [queued] = await db
      .select({ n: count() })
      .from(schema.notificationOutbox)
      .where(and(eq(schema.notificationOutbox.consultationId, consultationId), inArray(schema.notificationOutbox.kind, ["invitation"])));
    expect(queued!.n).toBe(1);
  });
});
