// The mission's focal point (issue 19): the secretariat names one of a registered delegation's
// delegates and sets the limit on the registrations page; the focal point invites colleagues within
// the limit, withdraws invitations and removes colleagues on /consultations/:id/mission; everyone
// else is refused and changes nothing; every change is in the audit log and on the secretariat's page.
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { MISSION_CHANGES_SHOWN } from "~/lib/focal-point";
import type { RegistrationsActionData } from "~/lib/registration-forms";
import { recordAudit } from "~/models/audit.server";
import { inviteDelegate } from "~/models/invitation.server";
import { getMissionPage } from "~/models/mission.server";
import { getUserById } from "~/models/user.server";
import { loader as auditLoader } from "~/routes/consultations.$consultationId.audit";
import MissionPage, { action as missionAction, loader as missionLoader } from "~/routes/consultations.$consultationId.mission";
import RegistrationsPage, { action as registrationsAction, loader as registrationsLoader } from "~/routes/consultations.$consultationId.registrations";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { createDelegate, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { noticeOf } from "./notices";
import { renderRoute } from "./render-route";
import { countQueries } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const SECRETARIAT = "secretariat@nonpaper.test";
const FOCAL = "egypt@nonpaper.test";
const COLLEAGUE = "egypt2@nonpaper.test";
const PERU = "peru@nonpaper.test";

let consultationId = "";
let egypt = "";
let peru = "";

async function delegationId(code: string) {
  const db = await getDb();
  const [row] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, code));
  return row!.id;
}

/** The registrations page's action as the secretariat (or `email`): its status and payload. */
async function registrations(fields: Record<string, string>, email = SECRETARIAT) {
  const request = await requestAs(email, `/consultations/${consultationId}/registrations`, { method: "POST", body: new URLSearchParams(fields) });
  const result = await outcome(() => registrationsAction({ request, params: { consultationId }, context }));
  if ("thrown" in result) return { status: statusOf(result.thrown), payload: null };
  const value = result.value as unknown as { data: RegistrationsActionData; init: { status?: number } | null };
  return { status: value.init?.status ?? 200, payload: value.data };
}

/** The mission page's action as `email`: its status, the redirect's notice, or the form's errors. */
async function mission(email: string, fields: Record<string, string>, id = consultationId) {
  const request = await requestAs(email, `/consultations/${id}/mission`, { method: "POST", body: new URLSearchParams(fields) });
  const result = await outcome(() => missionAction({ request, params: { consultationId: id }, context }));
  if ("thrown" in result) {
    const thrown = result.thrown;
    return { status: statusOf(thrown), notice: thrown instanceof Response ? await noticeOf(thrown) : null, errors: [] as string[] };
  }
  const value = result.value as unknown as { data: { result?: { error?: Record<string, string[] | null> } }; init: { status?: number } | null };
  const errors = Object.values(value.data.result?.error ?? {}).flatMap((e) => e ?? []);
  return { status: value.init?.status ?? 200, notice: null, errors };
}

async function loadMission(email: string, id = consultationId) {
  const request = await requestAs(email, `/consultations/${id}/mission`);
  return outcome(() => missionLoader({ request, params: { consultationId: id }, context }));
}

async function registration() {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(schema.registrations)
    .where(and(eq(schema.registrations.consultationId, consultationId), eq(schema.registrations.delegationId, egypt)));
  return row!;
}

async function auditOf(action: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, action)))
    .orderBy(schema.auditLog.id);
}

/** The delegation's places as the rule counts them: active delegates and live pending invitations. */
async function places(id: string) {
  const db = await getDb();
  const [active] = await db
    .select({ n: count() })
    .from(schema.users)
    .where(and(eq(schema.users.delegationId, id), isNull(schema.users.disabledAt)));
  const pending = await db
    .select({ expiresAt: schema.invitations.expiresAt })
    .from(schema.invitations)
    .where(and(eq(schema.invitations.delegationId, id), isNull(schema.invitations.acceptedAt), isNull(schema.invitations.revokedAt)));
  return active!.n + pending.filter((i) => i.expiresAt.getTime() > Date.now()).length;
}

async function invitationsTo(email: string) {
  const db = await getDb();
  return db.select().from(schema.invitations).where(eq(schema.invitations.email, email)).orderBy(schema.invitations.createdAt);
}

/** Row counts of what a refused change must leave alone. */
async function snapshot() {
  const db = await getDb();
  const [invitations] = await db.select({ n: count() }).from(schema.invitations).where(isNull(schema.invitations.revokedAt));
  const accounts = await db
    .select({ email: schema.users.email, disabledAt: schema.users.disabledAt })
    .from(schema.users)
    .where(inArray(schema.users.email, [FOCAL, COLLEAGUE, PERU]));
  const [audit] = await db.select({ n: count() }).from(schema.auditLog);
  const [outbox] = await db.select({ n: count() }).from(schema.notificationOutbox);
  return {
    invitations: invitations!.n,
    disabled: accounts
      .filter((u) => u.disabledAt)
      .map((u) => u.email)
      .sort(),
    audit: audit!.n,
    outbox: outbox!.n,
  };
}

beforeAll(async () => {
  const db = await getDb();
  ({ consultationId } = await insertDraftConsultation(db, { title: "Focal points", delegations: ["EGY", "PER"] }));
  await db.update(schema.consultations).set({ status: "open" }).where(eq(schema.consultations.id, consultationId));
  egypt = await delegationId("EGY");
  peru = await delegationId("PER");
});

describe("the secretariat names the focal point and sets the limit", () => {
  it("names an active delegate of the delegation, audited, and refuses anyone else", async () => {
    const focalId = await userIdByEmail(FOCAL);
    // A delegate of another delegation, or no id the list offered: refused, nothing changes.
    const other = await registrations({ intent: "focal-point", delegationId: egypt, focalPointId: await userIdByEmail(PERU) });
    expect(other.status).toBe(409);
    expect(other.payload!.result!.error![""]).toEqual(["registrations:focalPoint.errors.notDelegate"]);
    expect((await registrations({ intent: "focal-point", delegationId: egypt, focalPointId: "not-an-id" })).status).toBe(400);
    expect((await registration()).focalPointId).toBeNull();
    // Only the secretariat: a delegate is refused by role.
    expect((await registrations({ intent: "focal-point", delegationId: egypt, focalPointId: focalId }, FOCAL)).status).toBe(403);

    const named = await registrations({ intent: "focal-point", delegationId: egypt, focalPointId: focalId });
    expect(named.status).toBe(200);
    expect(named.payload!.notice).toEqual({ kind: "focalPointSet", delegationId: egypt, name: (await getUserById(focalId))!.name });
    expect((await registration()).focalPointId).toBe(focalId);
    const [entry] = await auditOf("registration.focal_point");
    expect(entry).toMatchObject({ entityType: "registration", details: { code: "EGY", from: null, to: FOCAL } });
    // The same choice again changes nothing and logs nothing.
    expect((await registrations({ intent: "focal-point", delegationId: egypt, focalPointId: focalId })).status).toBe(200);
    expect(await auditOf("registration.focal_point")).toHaveLength(1);
  });

  it("sets the limit (1 to 100, empty for the default), audited", async () => {
    const bad = await registrations({ intent: "delegate-limit", delegationId: egypt, delegateLimit: "0" });
    expect(bad.status).toBe(400);
    expect(Object.values(bad.payload!.result!.error!).flat()).toEqual(["registrations:focalPoint.errors.limitInvalid"]);
    expect((await registrations({ intent: "delegate-limit", delegationId: egypt, delegateLimit: "101" })).status).toBe(400);
    expect((await registrations({ intent: "delegate-limit", delegationId: egypt, delegateLimit: "2.5" })).status).toBe(400);
    expect((await registration()).delegateLimit).toBeNull();

    // Room for exactly one more invitation.
    const limit = (await places(egypt)) + 1;
    const set = await registrations({ intent: "delegate-limit", delegationId: egypt, delegateLimit: String(limit) });
    expect(set.status).toBe(200);
    expect(set.payload!.notice).toEqual({ kind: "delegateLimitSet", delegationId: egypt, limit });
    expect((await registration()).delegateLimit).toBe(limit);
    expect((await auditOf("registration.delegate_limit")).map((e) => e.details)).toEqual([{ code: "EGY", from: null, to: limit }]);
  });
});

describe("a delegate who is not the focal point", () => {
  it("reads who is in the mission, and may change nothing (403)", async () => {
    const page = await loadMission(COLLEAGUE);
    if (!("value" in page)) throw new Error("the mission page was refused");
    expect(page.value.delegation.code).toBe("EGY");
    expect(page.value.isFocalPoint).toBe(false);
    expect(page.value.canChange).toBe(false);
    expect(page.value.focalPoint?.email).toBe(FOCAL);
    expect(page.value.delegates.map((d) => d.email)).toEqual(expect.arrayContaining([FOCAL, COLLEAGUE]));

    const before = await snapshot();
    const focalId = await userIdByEmail(FOCAL);
    const attempts: Record<string, string>[] = [
      { intent: "invite", email: "attache@egypt.example", name: "Attaché", language: "ar" },
      { intent: "remove", userId: focalId },
      { intent: "withdraw", invitationId: "00000000-0000-4000-8000-000000000000" },
      // Refused before the form is read: garbage too.
      { intent: "nonsense" },
    ];
    for (const fields of attempts) {
      expect((await mission(COLLEAGUE, fields)).status, fields.intent).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("another consultation's page, an unregistered delegation, the secretariat and the chairs: 404", async () => {
    // Peru's delegate gets Peru's own mission here, never Egypt's.
    const peruPage = await loadMission(PERU);
    expect("value" in peruPage && peruPage.value.delegation.code).toBe("PER");
    await createDelegate("fiji.focal@nonpaper.test", "FJI");
    for (const email of ["fiji.focal@nonpaper.test", SECRETARIAT, "chair@nonpaper.test"]) {
      const page = await loadMission(email);
      expect("thrown" in page && statusOf(page.thrown), email).toBe(404);
      expect((await mission(email, { intent: "invite", email: "x@example.org", name: "X", language: "en" })).status, email).toBe(404);
    }
    // A draft consultation is nobody's mission page yet.
    const draft = (await insertDraftConsultation(await getDb(), { delegations: ["EGY"] })).consultationId;
    const page = await loadMission(FOCAL, draft);
    expect("thrown" in page && statusOf(page.thrown)).toBe(404);
  });
});

describe("the focal point", () => {
  it("reads the mission in three queries", async () => {
    const user = (await getUserById(await userIdByEmail(FOCAL)))!;
    const { queries, result } = await countQueries(() => getMissionPage(user, consultationId));
    expect(queries).toBe(3);
    expect(result).toMatchObject({ isFocalPoint: true, canChange: true });
  });

  it("sees the forms on the page; a colleague sees the mission without them", async () => {
    const focalPage = await loadMission(FOCAL);
    const colleaguePage = await loadMission(COLLEAGUE);
    if (!("value" in focalPage) || !("value" in colleaguePage)) throw new Error("the mission page was refused");
    const url = `http://nonpaper.test/consultations/${consultationId}/mission`;
    const focalHtml = await renderRoute(MissionPage, { url, loaderData: focalPage.value, language: "fr" });
    expect(focalHtml).toContain("Point de contact");
    expect(focalHtml).toContain('name="intent" value="invite"');
    expect(focalHtml).toContain('value="remove"');
    expect(focalHtml).toContain(await userIdByEmail(COLLEAGUE));
    const colleagueHtml = await renderRoute(MissionPage, { url, loaderData: colleaguePage.value, language: "ar" });
    expect(colleagueHtml).toContain(COLLEAGUE);
    expect(colleagueHtml).not.toContain('name="intent"');
    expect(colleagueHtml).not.toContain('value="remove"');
  });

  it("invites within the limit, in the invitee's language, and is refused past it", async () => {
    const invited = await mission(FOCAL, { intent: "invite", email: "Conseiller@Egypt.example", name: "Conseiller juridique", language: "fr" });
    expect(invited.status).toBe(302);
    expect(invited.notice).toEqual({ kind: "mission.notice", notice: "invited", email: "conseiller@egypt.example" });
    const [invitation] = await invitationsTo("conseiller@egypt.example");
    expect(invitation).toMatchObject({ delegationId: egypt, role: "delegate", language: "fr", createdBy: await userIdByEmail(FOCAL) });
    // The email is the secretariat's invitation, in French, saying who invites.
    const db = await getDb();
    const [message] = await db.select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.recipientEmail, "conseiller@egypt.example"));
    expect(message).toMatchObject({ kind: "invitation", language: "fr", consultationId });
    expect(message!.body).toContain("point de contact de votre délégation");
    expect(message!.body).not.toContain("du Secrétariat, vous invite");
    const [entry] = await auditOf("mission.invite");
    expect(entry).toMatchObject({ actorId: await userIdByEmail(FOCAL), entityType: "invitation", entityId: invitation!.id });
    expect(entry!.details).toMatchObject({ email: "conseiller@egypt.example", code: "EGY", language: "fr" });
    // No secret in the log: no token, no hash.
    expect(JSON.stringify(entry!.details)).not.toMatch(/token|hash/i);
    expect(JSON.stringify(entry!.details)).not.toContain(invitation!.tokenHash);

    // The mission is full: the next address is refused, and nothing is written.
    const before = await snapshot();
    const refused = await mission(FOCAL, { intent: "invite", email: "expert@egypt.example", name: "Expert", language: "ar" });
    expect(refused.status).toBe(409);
    expect(refused.errors).toEqual(["registrations:mission.errors.limit"]);
    expect(await snapshot()).toEqual(before);
    expect(await invitationsTo("expert@egypt.example")).toEqual([]);

    // Inviting the same address again replaces its invitation: it takes no new place.
    expect((await mission(FOCAL, { intent: "invite", email: "conseiller@egypt.example", name: "Conseiller juridique", language: "fr" })).status).toBe(302);
    expect((await invitationsTo("conseiller@egypt.example")).map((i) => Boolean(i.revokedAt))).toEqual([true, false]);
  });

  it("withdraws a pending invitation of the mission, and no other", async () => {
    const [, pending] = await invitationsTo("conseiller@egypt.example");
    // Another delegation's invitation is not found (404), and stays.
    const officer = (await getUserById(await userIdByEmail(SECRETARIAT)))!;
    const peruInvite = await inviteDelegate(officer, {
      consultationId,
      delegationId: peru,
      email: "consejero@peru.example",
      name: "Consejero",
      language: "es",
      timeZone: null,
      origin: "http://nonpaper.test",
    });
    if (!peruInvite.ok) throw new Error(peruInvite.reason);
    expect((await mission(FOCAL, { intent: "withdraw", invitationId: peruInvite.invitationId })).status).toBe(404);
    expect((await invitationsTo("consejero@peru.example"))[0]!.revokedAt).toBeNull();

    const withdrawn = await mission(FOCAL, { intent: "withdraw", invitationId: pending!.id });
    expect(withdrawn.status).toBe(302);
    expect(withdrawn.notice).toMatchObject({ notice: "withdrawn", email: "conseiller@egypt.example" });
    expect((await invitationsTo("conseiller@egypt.example"))[1]!.revokedAt).not.toBeNull();
    const [entry] = await auditOf("mission.withdraw_invitation");
    expect(entry).toMatchObject({ entityId: pending!.id, details: { email: "conseiller@egypt.example", code: "EGY" } });
    // Withdrawn already: said so, nothing more logged.
    expect((await mission(FOCAL, { intent: "withdraw", invitationId: pending!.id })).errors).toEqual(["registrations:errors.invitationGone"]);
    expect(await auditOf("mission.withdraw_invitation")).toHaveLength(1);

    // With room again, an address that has an account is refused as for the secretariat, on the email field.
    const taken = await mission(FOCAL, { intent: "invite", email: PERU, name: "Peru", language: "es" });
    expect(taken.status).toBe(409);
    expect(taken.errors).toEqual(["registrations:errors.emailTaken"]);
  });

  it("removes a colleague: the account is disabled and its sessions end; never itself nor another mission's delegate", async () => {
    const colleagueId = await userIdByEmail(COLLEAGUE);
    const focalId = await userIdByEmail(FOCAL);
    // The colleague is signed in: this request carries a live session.
    const colleagueRequest = await requestAs(COLLEAGUE, `/consultations/${consultationId}/mission`);

    const self = await mission(FOCAL, { intent: "remove", userId: focalId });
    expect(self.status).toBe(409);
    expect(self.errors).toEqual(["registrations:mission.errors.self"]);
    expect((await mission(FOCAL, { intent: "remove", userId: await userIdByEmail(PERU) })).status).toBe(404);
    expect((await mission(FOCAL, { intent: "remove", userId: await userIdByEmail(SECRETARIAT) })).status).toBe(404);
    expect((await mission(FOCAL, { intent: "remove", userId: "not-an-id" })).status).toBe(400);
    expect((await snapshot()).disabled).toEqual([]);

    const removed = await mission(FOCAL, { intent: "remove", userId: colleagueId });
    expect(removed.status).toBe(302);
    expect(removed.notice).toMatchObject({ notice: "removed", email: COLLEAGUE });
    const db = await getDb();
    const [account] = await db.select().from(schema.users).where(eq(schema.users.id, colleagueId));
    expect(account).toMatchObject({ disabledBy: focalId });
    expect(account!.disabledAt).not.toBeNull();
    const [sessions] = await db.select({ n: count() }).from(schema.sessions).where(eq(schema.sessions.userId, colleagueId));
    expect(sessions!.n).toBe(0);
    // Its next request is sent to sign in.
    const next = await outcome(() => missionLoader({ request: colleagueRequest, params: { consultationId }, context }));
    expect("thrown" in next && next.thrown instanceof Response && next.thrown.headers.get("Location")).toMatch(/^\/login/);
    const [entry] = await auditOf("mission.remove");
    expect(entry).toMatchObject({ actorId: focalId, entityType: "user", entityId: colleagueId, details: { email: COLLEAGUE, code: "EGY" } });
    expect((entry!.details as { sessionsEnded: number }).sessionsEnded).toBeGreaterThanOrEqual(1);
    // Removed already: said so.
    expect((await mission(FOCAL, { intent: "remove", userId: colleagueId })).errors).toEqual(["registrations:mission.errors.alreadyRemoved"]);
  });

  it("cannot remove a colleague who is the focal point of another consultation", async () => {
    const db = await getDb();
    const other = (await insertDraftConsultation(db, { delegations: ["EGY"] })).consultationId;
    const colleague = await createDelegate("egypt.other.focal@nonpaper.test", "EGY");
    await db
      .update(schema.registrations)
      .set({ focalPointId: colleague.id })
      .where(and(eq(schema.registrations.consultationId, other), eq(schema.registrations.delegationId, egypt)));
    const refused = await mission(FOCAL, { intent: "remove", userId: colleague.id });
    expect(refused.status).toBe(409);
    expect(refused.errors).toEqual(["registrations:mission.errors.otherFocalPoint"]);
    expect((await getUserById(colleague.id))?.email).toBe("egypt.other.focal@nonpaper.test");
  });

  it("changes nothing once the CRP is compiled", async () => {
    const db = await getDb();
    await db.update(schema.consultations).set({ status: "compiled" }).where(eq(schema.consultations.id, consultationId));
    try {
      const before = await snapshot();
      const locked = await mission(FOCAL, { intent: "invite", email: "late@egypt.example", name: "Late", language: "en" });
      expect(locked.status).toBe(409);
      expect(locked.errors).toEqual(["registrations:mission.errors.locked"]);
      expect(await snapshot()).toEqual(before);
      const page = await loadMission(FOCAL);
      expect("value" in page && page.value.canChange).toBe(false);
    } finally {
      await db.update(schema.consultations).set({ status: "open" }).where(eq(schema.consultations.id, consultationId));
    }
  });
});

describe("the secretariat sees every change", () => {
  it("on the registrations page, a few per mission, newest first", async () => {
    const request = await requestAs(SECRETARIAT, `/consultations/${consultationId}/registrations`);
    const page = await registrationsLoader({ request, params: { consultationId }, context });
    const changes = page.missionChanges.EGY!;
    expect(changes.map((c) => c.action)).toEqual(["mission.remove", "mission.withdraw_invitation", "mission.invite", "mission.invite"]);
    expect(changes[0]).toMatchObject({ email: COLLEAGUE, actorName: (await getUserById(await userIdByEmail(FOCAL)))!.name });
    expect(page.missionChanges.PER).toBeUndefined();
    const egyptRow = page.registered.find((r) => r.delegation.code === "EGY")!;
    expect(egyptRow).toMatchObject({ focalPointId: await userIdByEmail(FOCAL), delegateLimit: expect.any(Number) });

    // However many there are, the page shows the latest few per mission (the audit page has them all).
    for (let i = 0; i < MISSION_CHANGES_SHOWN + 3; i++) {
      await recordAudit({
        actorId: await userIdByEmail(FOCAL),
        action: "mission.invite",
        entityType: "invitation",
        consultationId,
        details: { email: `filler${i}@egypt.example`, code: "EGY" },
      });
    }
    const again = await registrationsLoader({
      request: await requestAs(SECRETARIAT, `/consultations/${consultationId}/registrations`),
      params: { consultationId },
      context,
    });
    expect(again.missionChanges.EGY).toHaveLength(MISSION_CHANGES_SHOWN);
    expect(again.missionChanges.EGY![0]!.email).toBe(`filler${MISSION_CHANGES_SHOWN + 2}@egypt.example`);

    // The page: the focal point and limit forms, and the latest changes, in each mission's section.
    const html = await renderRoute(RegistrationsPage, { url: `http://nonpaper.test/consultations/${consultationId}/registrations`, loaderData: again });
    expect(html).toContain('name="intent" value="focal-point"');
    expect(html).toContain('name="intent" value="delegate-limit"');
    expect(html).toContain("Latest changes by the focal point");
    expect(html).toContain(`filler${MISSION_CHANGES_SHOWN + 2}@egypt.example`);
  });

  it("in the audit log of the consultation", async () => {
    const request = await requestAs(SECRETARIAT, `/consultations/${consultationId}/audit?delegation=EGY`);
    const page = await auditLoader({ request, params: { consultationId }, context });
    const actions = page.entries.map((e) => e.action);
    for (const action of ["mission.invite", "mission.withdraw_invitation", "mission.remove", "registration.focal_point", "registration.delegate_limit"])
      expect(actions, action).toContain(action);
  });
});

describe("two invitations at once", () => {
  it("fill the last place once: the other is refused", async () => {
    const peruId = await userIdByEmail(PERU);
    expect((await registrations({ intent: "focal-point", delegationId: peru, focalPointId: peruId })).status).toBe(200);
    const limit = (await places(peru)) + 1;
    expect((await registrations({ intent: "delegate-limit", delegationId: peru, delegateLimit: String(limit) })).status).toBe(200);
    const answers = await Promise.all(
      ["primero", "segundo"].map((who) => mission(PERU, { intent: "invite", email: `${who}@peru.example`, name: who, language: "es" })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
    expect(answers.find((a) => a.status === 409)!.errors).toEqual(["registrations:mission.errors.limit"]);
    expect(await places(peru)).toBe(limit);
  });
});
