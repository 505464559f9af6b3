// Control of one's own account (issue 12): password change, the list of one's sessions, the idle
// timeout, password reset by a one-time link, and the secretariat disabling an account. Each
// rule and each refusal, through the models and through the routes as a browser reaches them.
import { verify } from "argon2";
import { and, desc, eq, isNull } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD_RESET_LIMITS, RESET_TOKEN_PLACEHOLDER } from "~/lib/password-reset-rules";
import { changePassword, disableAccount, enableAccount, listOwnSessions, revokeOtherSessions, revokeSession } from "~/models/account.server";
import { beginLoginAttempt, finishLoginAttempt } from "~/models/login-attempt.server";
import { listOutbox, renderForSending } from "~/models/outbox.server";
import { completePasswordReset, findPasswordReset, handOverPasswordResetLink, requestPasswordReset } from "~/models/password-reset.server";
import { createSession, LAST_SEEN_RESOLUTION_MS, lookupSession } from "~/models/session.server";
import { getUserById, verifyLogin, type SessionUser } from "~/models/user.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { action as draftAction } from "~/routes/consultations.$consultationId_.submission_.draft";
import { action as presenceAction } from "~/routes/consultations.$consultationId_.submission_.presence";
import { action as resetRequestAction } from "~/routes/password-reset";
import { action as resetAction, loader as resetLoader } from "~/routes/password-reset_.$token";
import { action as usersAction, loader as usersLoader } from "~/routes/users";
import { getOptionalUser, requireUser } from "~/utils/auth.server";
import { getDb, schema } from "~/utils/db.server";
import { env, resetEnvForTests } from "~/utils/env.server";
import { sessionCookie } from "~/utils/session.server";
import { DEMO_PASSWORD } from "../../db/seed";
import { BASE_URL, consultationIdByPrefix, outcome, statusOf, userIdByEmail } from "./helpers";
import { noticeOf } from "./notices";
import { countQueries } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "198.51.100.7" };
const NEW_PASSWORD = "a long new passphrase";
const { auditLog, passwordResets, sessions, users, notificationOutbox, loginThrottles } = schema;

let made = 0;
/** A fresh account with the demo password, so that tests never share one. */
async function freshUser(input: { role?: "secretariat" | "chair" | "delegate"; language?: "en" | "ar" | "es" } = {}) {
  const db = await getDb();
  const [peru] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, "PER"));
  const [demo] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, "peru@nonpaper.test"));
  const role = input.role ?? "delegate";
  const [user] = await db
    .insert(users)
    .values({
      email: `account-${++made}-${Date.now()}@example.org`,
      name: `Account Test ${made}`,
      role,
      delegationId: role === "delegate" ? peru!.id : null,
      language: input.language ?? "en",
      passwordHash: demo!.passwordHash,
    })
    .returning();
  return (await getUserById(user!.id))!;
}

/** A signed-in browser of `user`: its session token and a way to make requests with its cookie. */
async function browserOf(user: { id: string }, userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0") {
  const { token } = await createSession({ userId: user.id, userAgent, ipAddress: "203.0.113.9" });
  const cookie = (await sessionCookie(new Request(BASE_URL)).serialize(token)).split(";")[0]!;
  const sessionId = (await lookupSession(token, { touch: false })) as { state: "live"; sessionId: string };
  return {
    token,
    sessionId: sessionId.sessionId,
    request(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      headers.append("Cookie", cookie);
      return new Request(`${BASE_URL}${path}`, { ...init, headers });
    },
  };
}

const post = (fields: Record<string, string>): RequestInit => ({ method: "POST", body: new URLSearchParams(fields) });

async function sessionIdsOf(userId: string) {
  const db = await getDb();
  return (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))).map((r) => r.id).sort();
}

async function auditActions(entityId: string) {
  const db = await getDb();
  return await db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
}

async function passwordHashOf(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash, passwordChangedAt: users.passwordChangedAt }).from(users).where(eq(users.id, userId));
  return row!;
}

function locationOf(thrown: unknown): string | null {
  return thrown instanceof Response ? thrown.headers.get("Location") : null;
}

/** The one-time notice a redirect leaves for its page (what ?notice= in the address used to say). */
const noticeLeft = (thrown: unknown) => (thrown instanceof Response ? noticeOf(thrown) : null);

// ---------------------------------------------------------------------------------------------

describe("changing one's password", () => {
  it("refuses a wrong current password: nothing changes, no session ends", async () => {
    const user = await freshUser();
    const here = await browserOf(user);
    const elsewhere = await browserOf(user);
    const before = await passwordHashOf(user.id);
    const result = await changePassword(user, {
      currentSessionId: here.sessionId,
      currentPassword: "not the password",
      newPassword: NEW_PASSWORD,
      ipAddress: "198.51.100.7",
    });
    expect(result).toEqual({ ok: false, reason: "wrong_password" });
    expect(await passwordHashOf(user.id)).toEqual(before);
    expect(await sessionIdsOf(user.id)).toEqual([here.sessionId, elsewhere.sessionId].sort());
    expect((await auditActions(user.id)).map((a) => a.action)).not.toContain("user.password_change");
  });

  it("sets the new password, ends the OTHER sessions, keeps this one, and logs it", async () => {
    const user = await freshUser();
    const here = await browserOf(user);
    const elsewhere = await browserOf(user);
    const third = await browserOf(user);
    const result = await changePassword(user, {
      currentSessionId: here.sessionId,
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
      ipAddress: "198.51.100.7",
    });
    expect(result).toEqual({ ok: true, sessionsEnded: 2 });
    expect(await sessionIdsOf(user.id)).toEqual([here.sessionId]);
    expect(await getOptionalUser(elsewhere.request("/"))).toBeNull();
    expect(await getOptionalUser(third.request("/"))).toBeNull();
    expect((await getOptionalUser(here.request("/")))?.id).toBe(user.id);
    const stored = await passwordHashOf(user.id);
    expect(await verify(stored.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(stored.passwordChangedAt).toBeInstanceOf(Date);
    expect(await verifyLogin(user.email, DEMO_PASSWORD)).toBeNull();
    expect((await verifyLogin(user.email, NEW_PASSWORD))?.id).toBe(user.id);
    expect(await auditActions(user.id)).toContainEqual({ action: "user.password_change", details: { sessionsEnded: 2 } });
  });

  it("through the page: the form's rules are checked on the server, with a message and nothing changed", async () => {
    const user = await freshUser();
    const here = await browserOf(user);
    const before = await passwordHashOf(user.id);
    const cases: [Record<string, string>, string, string][] = [
      [{ currentPassword: DEMO_PASSWORD, newPassword: "short", confirmPassword: "short" }, "newPassword", "account:errors.passwordTooShort"],
      [
        { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` },
        "confirmPassword",
        "account:errors.passwordMismatch",
      ],
      [{ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }, "newPassword", "account:errors.passwordUnchanged"],
      [
        { currentPassword: "wrong password!!", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        "currentPassword",
        "account:errors.currentPasswordWrong",
      ],
    ];
    for (const [fields, field, message] of cases) {
      const response = (await accountAction({
        request: here.request("/account", post({ intent: "change-password", ...fields })),
        params: {},
        context,
      })) as unknown as {
        data: { result: { error: Record<string, string[]> } };
        init: { status: number };
      };
      expect(response.init.status, message).toBe(400);
      expect(response.data.result.error[field], message).toEqual([message]);
    }
    expect(await passwordHashOf(user.id)).toEqual(before);
  });

  it("through the page: success comes back to /account with the number of sessions ended", async () => {
    const user = await freshUser();
    const here = await browserOf(user);
    await browserOf(user);
    const result = await outcome(() =>
      accountAction({
        request: here.request(
          "/account",
          post({ intent: "change-password", currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
        ),
        params: {},
        context,
      }),
    );
    expect("thrown" in result && locationOf(result.thrown)).toBe("/account");
    expect("thrown" in result && (await noticeLeft(result.thrown))).toEqual({ kind: "account.notice", notice: "password-changed", count: 1 });
  });

  it("is throttled like sign-in: a stolen session cannot guess the password", async () => {
    const user = await freshUser();
    const here = await browserOf(user);
    const attempt = () =>
      changePassword(user, { currentSessionId: here.sessionId, currentPassword: "guess guess guess", newPassword: NEW_PASSWORD, ipAddress: "192.0.2.44" });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt());
    expect(results.slice(0, 5).every((r) => !r.ok && r.reason === "wrong_password")).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, reason: "throttled" });
  });
});

// ---------------------------------------------------------------------------------------------

describe("one's sessions", () => {
  it("lists only one's own live sessions, this one marked, none idle or expired", async () => {
    const user = await freshUser();
    const other = await freshUser();
    const here = await browserOf(user, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
    const phone = await browserOf(user);
    const idle = await browserOf(user);
    const expired = await browserOf(user);
    await browserOf(other);
    const db = await getDb();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 3 * 60 * 60 * 1000) })
      .where(eq(sessions.id, idle.sessionId));
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, expired.sessionId));
    const listed = await listOwnSessions(user, here.sessionId);
    expect(listed.map((s) => s.id).sort()).toEqual([here.sessionId, phone.sessionId].sort());
    expect(listed.find((s) => s.current)?.id).toBe(here.sessionId);
    expect(listed.find((s) => s.current)?.userAgent).toContain("Chrome/126");
  });

  it("ends one of one's other sessions, with an audit entry", async () => {
    const user = await freshUser();
    const here = await browserOf(user);
    const phone = await browserOf(user);
    expect(await revokeSession(user, { sessionId: phone.sessionId, currentSessionId: here.sessionId, ipAddress: "198.51.100.7" })).toEqual({ ok: true });
    expect(await sessionIdsOf(user.id)).toEqual([here.sessionId]);
    expect(await getOptionalUser(phone.request("/"))).toBeNull();
    expect((await auditActions(phone.sessionId)).map((a) => a.action)).toEqual(["session.revoke"]);
  });

  it("cannot end another person's session, even with its id", async () => {
    const user = await freshUser();
    const victim = await freshUser();
    const here = await browserOf(user);
    const theirs = await browserOf(victim);
    expect(await revokeSession(user, { sessionId: theirs.sessionId, currentSessionId: here.sessionId, ipAddress: "198.51.100.7" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    // Through the page: the same answer as for a session already gone, and the session lives on.
    const result = await outcome(() =>
      accountAction({ request: here.request("/account", post({ intent: "revoke-session", sessionId: theirs.sessionId })), params: {}, context }),
    );
    expect("thrown" in result && locationOf(result.thrown)).toBe("/account");
    expect("thrown" in result && (await noticeLeft(result.thrown))).toEqual({ kind: "account.notice", notice: "session-gone", count: 0 });
    expect(await sessionIdsOf(victim.id)).toEqual([theirs.sessionId]);
    expect((await getOptionalUser(theirs.request("/")))?.id).toBe(victim.id);
  });

  it("does not end the current session from the list (that is signing out)", async () => {
    const user = await freshUser();
    const here = await browserOf(user);
    expect(await revokeSession(user, { sessionId: here.sessionId, currentSessionId: here.sessionId, ipAddress: "198.51.100.7" })).toEqual({
      ok: false,
      reason: "current",
    });
    expect(await sessionIdsOf(user.id)).toEqual([here.sessionId]);
  });

  it("signs out everywhere else: every other session of the user, nobody else's", async () => {
    const user = await freshUser();
    const bystander = await freshUser();
    const here = await browserOf(user);
    await browserOf(user);
    await browserOf(user);
    const theirs = await browserOf(bystander);
    const result = await outcome(() => accountAction({ request: here.request("/account", post({ intent: "revoke-others" })), params: {}, context }));
    expect("thrown" in result && locationOf(result.thrown)).toBe("/account");
    expect("thrown" in result && (await noticeLeft(result.thrown))).toEqual({ kind: "account.notice", notice: "others-ended", count: 2 });
    expect(await sessionIdsOf(user.id)).toEqual([here.sessionId]);
    expect(await sessionIdsOf(bystander.id)).toEqual([theirs.sessionId]);
    expect(await auditActions(user.id)).toContainEqual({ action: "session.revoke_all", details: { count: 2 } });
    expect(await revokeOtherSessions(user, { currentSessionId: here.sessionId, ipAddress: "x" })).toBe(0);
  });

  it("the page loads the profile and the sessions for the signed-in user only", async () => {
    const user = await freshUser();
    const here = await browserOf(user);
    const data = await accountLoader({ request: here.request("/account"), params: {}, context });
    expect(data.profile).toMatchObject({ email: user.email, role: "delegate", delegation: { nameEn: "Peru" } });
    expect(data.sessions.map((s) => s.current)).toEqual([true]);
    const anonymous = await outcome(() => accountLoader({ request: new Request(`${BASE_URL}/account`), params: {}, context }));
    expect("thrown" in anonymous && locationOf(anonymous.thrown)).toBe("/login?redirectTo=%2Faccount");
  });
});

// ---------------------------------------------------------------------------------------------

describe("the idle timeout", () => {
  afterEach(() => {
    delete process.env.SESSION_IDLE_MINUTES;
    resetEnvForTests();
  });

  it("is two hours by default, set by SESSION_IDLE_MINUTES, and refuses a wrong setting", () => {
    resetEnvForTests();
    expect(env().SESSION_IDLE_MINUTES).toBe(120);
    process.env.SESSION_IDLE_MINUTES = "45";
    resetEnvForTests();
    expect(env().SESSION_IDLE_MINUTES).toBe(45);
    for (const wrong of ["0", "4", "721", "1.5", "two hours"]) {
      process.env.SESSION_IDLE_MINUTES = wrong;
      resetEnvForTests();
      expect(() => env(), wrong).toThrow(/SESSION_IDLE_MINUTES/);
    }
  });

  it("refuses a session idle for longer, and the sign-in page says why and returns to the page", async () => {
    const user = await freshUser();
    const browser = await browserOf(user);
    const db = await getDb();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 121 * 60 * 1000) })
      .where(eq(sessions.id, browser.sessionId));
    expect(await getOptionalUser(browser.request("/"))).toBeNull();
    const result = await outcome(() => requireUser(browser.request("/consultations?x=1")));
    expect("thrown" in result && locationOf(result.thrown)).toBe("/login?idle=120&redirectTo=%2Fconsultations%3Fx%3D1");
    // Still idle on the next request (the notice does not depend on which request came first).
    const again = await outcome(() => requireUser(browser.request("/")));
    expect("thrown" in again && locationOf(again.thrown)).toBe("/login?idle=120");
  });

  it("counts from the last use, not from sign-in: a session in use stays", async () => {
    const user = await freshUser();
    const browser = await browserOf(user);
    const db = await getDb();
    // Signed in 11 hours ago, used 119 minutes ago: still live.
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 11 * 3600_000), lastSeenAt: new Date(Date.now() - 119 * 60 * 1000) })
      .where(eq(sessions.id, browser.sessionId));
    expect((await getOptionalUser(browser.request("/")))?.id).toBe(user.id);
  });

  it("follows SESSION_IDLE_MINUTES", async () => {
    process.env.SESSION_IDLE_MINUTES = "30";
    resetEnvForTests();
    const user = await freshUser();
    const browser = await browserOf(user);
    const db = await getDb();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60 * 1000) })
      .where(eq(sessions.id, browser.sessionId));
    const result = await outcome(() => requireUser(browser.request("/users")));
    expect("thrown" in result && locationOf(result.thrown)).toBe("/login?idle=30&redirectTo=%2Fusers");
  });

  it("moves last_seen_at forward at most once a minute: one query per request, one UPDATE a minute", async () => {
    const user = await freshUser();
    const browser = await browserOf(user);
    const db = await getDb();
    const lastSeen = async () => (await db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, browser.sessionId)))[0]!.at.getTime();
    const recent = new Date(Date.now() - 30_000);
    await db.update(sessions).set({ lastSeenAt: recent }).where(eq(sessions.id, browser.sessionId));
    // Seen 30 s ago: each request reads its session and user in one query and writes nothing,
    // however many loaders of the request ask (the root's and the page's).
    for (let i = 0; i < 3; i++) {
      const request = browser.request("/");
      const { queries, result } = await countQueries(() => Promise.all([getOptionalUser(request), requireUser(request)]));
      expect(queries).toBe(1);
      expect(result[0]?.id).toBe(user.id);
    }
    expect(await lastSeen()).toBe(recent.getTime());

    // Seen more than a minute ago: the lookup, then one UPDATE; the next request writes nothing.
    const older = new Date(Date.now() - LAST_SEEN_RESOLUTION_MS - 30_000);
    await db.update(sessions).set({ lastSeenAt: older }).where(eq(sessions.id, browser.sessionId));
    const before = Date.now();
    expect((await countQueries(() => getOptionalUser(browser.request("/")))).queries).toBe(2);
    expect(await lastSeen()).toBeGreaterThanOrEqual(before - 1000);
    expect((await countQueries(() => getOptionalUser(browser.request("/")))).queries).toBe(1);

    // Parallel requests of one session that all find it a minute old write it once between them.
    await db.update(sessions).set({ lastSeenAt: older }).where(eq(sessions.id, browser.sessionId));
    await Promise.all([1, 2, 3].map(() => getOptionalUser(browser.request("/"))));
    expect(await lastSeen()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("the editor's autosave counts as use; its presence signal does not; an idle draft save answers 401, never a redirect", async () => {
    const consultationId = await consultationIdByPrefix("CTOC-2020");
    const delegate = await freshUser();
    const browser = await browserOf(delegate);
    const db = await getDb();
    const lastSeen = async () => (await db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, browser.sessionId)))[0]!.at.getTime();

    const stale = new Date(Date.now() - 10 * 60 * 1000);
    await db.update(sessions).set({ lastSeenAt: stale }).where(eq(sessions.id, browser.sessionId));
    await presenceAction({
      request: browser.request(`/consultations/${consultationId}/submission/presence`, post({ intent: "open" })),
      params: { consultationId },
      context,
    });
    expect(await lastSeen()).toBe(stale.getTime());

    const save = await draftAction({
      request: browser.request(`/consultations/${consultationId}/submission/draft`, post({ intent: "save-draft", draftVersion: "0" })),
      params: { consultationId },
      context,
    });
    expect(save.status).not.toBe(401);
    expect(await lastSeen()).toBeGreaterThan(stale.getTime());

    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 3 * 3600_000) })
      .where(eq(sessions.id, browser.sessionId));
    const refused = await draftAction({
      request: browser.request(`/consultations/${consultationId}/submission/draft`, post({ intent: "save-draft", draftVersion: "0" })),
      params: { consultationId },
      context,
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ ok: false, reason: "signed_out" });
  });

  it("signing in sweeps idle sessions away", async () => {
    const user = await freshUser();
    const old = await browserOf(user);
    const db = await getDb();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 5 * 3600_000) })
      .where(eq(sessions.id, old.sessionId));
    const fresh = await browserOf(user);
    expect(await sessionIdsOf(user.id)).toEqual([fresh.sessionId]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("password reset by a one-time link", () => {
  const origin = "https://nonpaper.example.org";

  async function latestResetMessage(email: string) {
    const db = await getDb();
    const [message] = await db
      .select()
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.recipientEmail, email), eq(notificationOutbox.kind, "password_reset")))
      .orderBy(desc(notificationOutbox.createdAt));
    return message ?? null;
  }

  /** Asks for a link and returns it as the mail server would receive it (the token issued then). */
  async function emailedLink(email: string, ipAddress = `192.0.2.${made % 250}`) {
    expect(await requestPasswordReset({ email, origin, ipAddress })).toBe("queued");
    const message = (await latestResetMessage(email))!;
    const body = (await renderForSending(message.id))!;
    const link = /https:\/\/nonpaper\.example\.org\/password-reset\/([A-Za-z0-9_-]{43})\?lng=[a-z]{2}/.exec(body);
    expect(link, body).not.toBeNull();
    return { message, body, token: link![1]! };
  }

  it("queues an email in the account's language, whose stored copy holds no usable link", async () => {
    const user = await freshUser({ language: "es" });
    expect(await requestPasswordReset({ email: ` ${user.email.toUpperCase()} `, origin, ipAddress: "192.0.2.1" })).toBe("queued");
    const message = (await latestResetMessage(user.email))!;
    expect(message).toMatchObject({ language: "es", recipientUserId: user.id, status: "pending" });
    expect(message.subject).toBe("Nonpaper: restablecimiento de su contraseña");
    expect(message.body).toContain(`${origin}/password-reset/${RESET_TOKEN_PLACEHOLDER}?lng=es`);
    expect(message.body).not.toMatch(/password-reset\/[A-Za-z0-9_-]{43}/);
    const db = await getDb();
    const [reset] = await db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(reset!.expiresAt.getTime() - reset!.createdAt.getTime()).toBe(60 * 60 * 1000);
    // The outbox page shows no link either.
    const officer = (await getUserById(await userIdByEmail("secretariat@nonpaper.test")))!;
    const page = (await listOutbox(officer, { status: null, consultationId: null, page: 1 }))!;
    expect(page.messages.find((m) => m.id === message.id)?.body).not.toContain("/password-reset/");
  });

  it("answers the same whether or not the address has an account, and sends nothing for none", async () => {
    const user = await freshUser();
    const db = await getDb();
    const before = (await db.select().from(notificationOutbox)).length;
    const locations = [];
    for (const email of [user.email, "nobody-here@example.org"]) {
      const result = await outcome(() => resetRequestAction({ request: new Request(`${BASE_URL}/password-reset`, post({ email })), params: {}, context }));
      locations.push("thrown" in result ? locationOf(result.thrown) : null);
    }
    expect(locations).toEqual(["/password-reset?sent=1", "/password-reset?sent=1"]);
    expect((await db.select().from(notificationOutbox)).length).toBe(before + 1);
  });

  it("sends nothing for a disabled account, nor for one without a password", async () => {
    const disabled = await freshUser();
    const db = await getDb();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    expect(await requestPasswordReset({ email: disabled.email, origin, ipAddress: "192.0.2.2" })).toBe("no_account");
    const imported = await freshUser();
    await db.update(users).set({ passwordHash: null }).where(eq(users.id, imported.id));
    expect(await requestPasswordReset({ email: imported.email, origin, ipAddress: "192.0.2.2" })).toBe("no_account");
    expect(await latestResetMessage(disabled.email)).toBeNull();
    expect(await latestResetMessage(imported.email)).toBeNull();
  });

  it("sends at most 3 an hour per account, and 10 an hour per address", async () => {
    const user = await freshUser();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await requestPasswordReset({ email: user.email, origin, ipAddress: `192.0.2.${100 + i}` }));
    expect(outcomes).toEqual(["queued", "queued", "queued", "throttled", "throttled"]);
    // An hour later the account may ask again.
    expect(await requestPasswordReset({ email: user.email, origin, ipAddress: "192.0.2.99", now: new Date(Date.now() + 61 * 60 * 1000) })).toBe("queued");

    const byAddress = [];
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perAddress + 2; i++) {
      const someone = await freshUser();
      byAddress.push(await requestPasswordReset({ email: someone.email, origin, ipAddress: "192.0.2.250" }));
    }
    expect(byAddress.filter((o) => o === "queued")).toHaveLength(PASSWORD_RESET_LIMITS.perAddress);
    expect(byAddress.slice(-2)).toEqual(["throttled", "throttled"]);
  });

  it("sets the password, ends EVERY session, withdraws other links, clears the sign-in throttle, and logs it", async () => {
    const user = await freshUser();
    const a = await browserOf(user);
    const b = await browserOf(user);
    const older = await emailedLink(user.email, "192.0.2.30");
    const { token } = await emailedLink(user.email, "192.0.2.31");
    // Someone has been guessing: the owner is slowed down from a new address.
    for (let i = 0; i < 7; i++) {
      const gate = await beginLoginAttempt(user.email, `10.1.0.${i}`);
      if (gate.admitted) await finishLoginAttempt(gate.ticket, false);
    }
    expect(await findPasswordReset(token)).toMatchObject({ state: "valid", email: user.email });

    const result = await outcome(() =>
      resetAction({
        request: new Request(`${BASE_URL}/password-reset/${token}`, post({ newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
        params: { token },
        context,
      }),
    );
    expect("thrown" in result && locationOf(result.thrown)).toBe("/login");
    expect("thrown" in result && (await noticeLeft(result.thrown))).toEqual({ kind: "signIn.resetDone" });
    expect(await sessionIdsOf(user.id)).toEqual([]);
    expect(await getOptionalUser(a.request("/"))).toBeNull();
    expect(await getOptionalUser(b.request("/"))).toBeNull();
    expect((await verifyLogin(user.email, NEW_PASSWORD))?.id).toBe(user.id);
    expect((await passwordHashOf(user.id)).passwordChangedAt).toBeInstanceOf(Date);
    const db = await getDb();
    expect(
      await db
        .select()
        .from(passwordResets)
        .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt))),
    ).toEqual([]);
    expect(await findPasswordReset(older.token)).toEqual({ state: "used" });
    const throttles = await db
      .select()
      .from(loginThrottles)
      .where(eq(loginThrottles.key, `account:${user.email}`));
    expect(throttles.every((t) => t.failures === 0 && t.nextAttemptAt === null)).toBe(true);
    expect((await beginLoginAttempt(user.email, "10.9.9.9")).admitted).toBe(true);
    const logged = (await auditActions(user.id)).find((a) => a.action === "user.password_reset");
    expect(logged?.details).toMatchObject({ sessionsEnded: 2, linksWithdrawn: 1 });
  });

  it("a link works once", async () => {
    const user = await freshUser();
    const { token } = await emailedLink(user.email);
    expect(await completePasswordReset({ token, newPassword: NEW_PASSWORD, ipAddress: "x" })).toEqual({ ok: true, email: user.email });
    expect(await completePasswordReset({ token, newPassword: "another long passphrase", ipAddress: "x" })).toEqual({ ok: false, reason: "used" });
    expect((await verifyLogin(user.email, NEW_PASSWORD))?.id).toBe(user.id);
    const page = await resetLoader({ request: new Request(`${BASE_URL}/password-reset/${token}`), params: { token }, context });
    expect((page as unknown as { init: { status: number } }).init.status).toBe(410);
  });

  it("of two submissions at once, exactly one sets the password", async () => {
    const user = await freshUser();
    const { token } = await emailedLink(user.email);
    const results = await Promise.all(
      ["first long passphrase", "second long passphrase"].map((newPassword) => completePasswordReset({ token, newPassword, ipAddress: "x" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("expires after an hour", async () => {
    const user = await freshUser();
    const { token } = await emailedLink(user.email);
    const later = new Date(Date.now() + 61 * 60 * 1000);
    expect(await findPasswordReset(token, later)).toEqual({ state: "expired" });
    expect(await completePasswordReset({ token, newPassword: NEW_PASSWORD, ipAddress: "x", now: later })).toEqual({ ok: false, reason: "expired" });
    expect(await verifyLogin(user.email, NEW_PASSWORD)).toBeNull();
  });

  it("an unknown or malformed token opens nothing", async () => {
    for (const token of ["x".repeat(43), "short", `${"a".repeat(42)}/`]) {
      expect(await findPasswordReset(token)).toEqual({ state: "unknown" });
      expect(await completePasswordReset({ token, newPassword: NEW_PASSWORD, ipAddress: "x" })).toEqual({ ok: false, reason: "unknown" });
      const page = await resetLoader({ request: new Request(`${BASE_URL}/password-reset/x`), params: { token }, context });
      expect((page as unknown as { init: { status: number } }).init.status).toBe(404);
    }
  });

  it("each sending issues a fresh token; the earlier one stops working", async () => {
    const user = await freshUser();
    const first = await emailedLink(user.email);
    const second = (await renderForSending(first.message.id))!;
    const token2 = /password-reset\/([A-Za-z0-9_-]{43})/.exec(second)![1]!;
    expect(token2).not.toBe(first.token);
    expect(await findPasswordReset(first.token)).toEqual({ state: "unknown" });
    expect(await findPasswordReset(token2)).toMatchObject({ state: "valid" });
  });

  it("refuses a short or mismatched new password on the page, and keeps the link usable", async () => {
    const user = await freshUser();
    const { token } = await emailedLink(user.email);
    const reply = (await resetAction({
      request: new Request(`${BASE_URL}/password-reset/${token}`, post({ newPassword: "short", confirmPassword: "short" })),
      params: { token },
      context,
    })) as unknown as { init: { status: number }; data: { result: { error: Record<string, string[]> } } };
    expect(reply.init.status).toBe(400);
    expect(reply.data.result.error.newPassword).toEqual(["account:errors.passwordTooShort"]);
    expect(await findPasswordReset(token)).toMatchObject({ state: "valid" });
  });

  it("a link dies with the account's disabling, and with a password change", async () => {
    const officer = (await getUserById(await userIdByEmail("secretariat@nonpaper.test")))!;
    const user = await freshUser();
    const { token } = await emailedLink(user.email);
    await disableAccount(officer, { userId: user.id, ipAddress: "x" });
    expect(await findPasswordReset(token)).toEqual({ state: "unknown" });
    expect(await completePasswordReset({ token, newPassword: NEW_PASSWORD, ipAddress: "x" })).toMatchObject({ ok: false });

    const other = await freshUser();
    const link = await emailedLink(other.email);
    const here = await browserOf(other);
    await changePassword(other, { currentSessionId: here.sessionId, currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, ipAddress: "198.51.100.8" });
    expect(await findPasswordReset(link.token)).toEqual({ state: "used" });
  });

  it("without a mail server, an officer hands a link over once; others may not", async () => {
    delete process.env.SMTP_URL;
    resetEnvForTests();
    const officer = (await getUserById(await userIdByEmail("secretariat@nonpaper.test")))!;
    const chair = (await getUserById(await userIdByEmail("chair@nonpaper.test")))!;
    const user = await freshUser();
    await requestPasswordReset({ email: user.email, origin, ipAddress: "192.0.2.77" });
    const message = (await latestResetMessage(user.email))!;
    expect(await handOverPasswordResetLink(chair, { messageId: message.id, ipAddress: "x", mailConfigured: false })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await handOverPasswordResetLink(officer, { messageId: message.id, ipAddress: "x", mailConfigured: true })).toEqual({
      ok: false,
      reason: "mail_configured",
    });
    const first = await handOverPasswordResetLink(officer, { messageId: message.id, ipAddress: "x", mailConfigured: false });
    const second = await handOverPasswordResetLink(officer, { messageId: message.id, ipAddress: "x", mailConfigured: false });
    if (!first.ok || !second.ok) throw new Error("handover refused");
    expect(second.link).toMatch(new RegExp(`^${origin}/password-reset/[A-Za-z0-9_-]{43}\\?lng=en$`));
    const tokenOf = (link: string) => /password-reset\/([^?]+)/.exec(link)![1]!;
    expect(await findPasswordReset(tokenOf(first.link))).toEqual({ state: "unknown" });
    expect(await findPasswordReset(tokenOf(second.link))).toMatchObject({ state: "valid" });
    const handovers = (await getDb()).select().from(auditLog).where(eq(auditLog.action, "user.password_reset_handover"));
    expect((await handovers).length).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------

describe("disabling an account", () => {
  let officer: SessionUser;
  beforeAll(async () => {
    officer = (await getUserById(await userIdByEmail("secretariat@nonpaper.test")))!;
  });

  it("ends every session of the account at once; its next request is signed out", async () => {
    const user = await freshUser();
    const a = await browserOf(user);
    const b = await browserOf(user);
    const officerBrowser = await browserOf(officer);
    const result = await outcome(() =>
      usersAction({
        request: officerBrowser.request("/users", post({ intent: "disable", userId: user.id, reason: "Left the mission", confirm: "on" })),
        params: {},
        context,
      }),
    );
    expect("thrown" in result && locationOf(result.thrown)).toBe("/users");
    expect("thrown" in result && (await noticeLeft(result.thrown))).toEqual({ kind: "users.notice", notice: "disabled", count: 2 });
    expect(await sessionIdsOf(user.id)).toEqual([]);
    for (const browser of [a, b]) {
      const next = await outcome(() => requireUser(browser.request("/")));
      expect("thrown" in next && locationOf(next.thrown)).toBe("/login");
    }
    const db = await getDb();
    const [row] = await db.select({ disabledAt: users.disabledAt, disabledBy: users.disabledBy }).from(users).where(eq(users.id, user.id));
    expect(row!.disabledAt).toBeInstanceOf(Date);
    expect(row!.disabledBy).toBe(officer.id);
    expect(await auditActions(user.id)).toContainEqual({
      action: "user.disable",
      details: { email: user.email, reason: "Left the mission", sessionsEnded: 2 },
    });
    expect(await verifyLogin(user.email, DEMO_PASSWORD)).toBeNull();
  });

  it("even a session that somehow survived is refused while the account is disabled", async () => {
    const user = await freshUser();
    const db = await getDb();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    const browser = await browserOf(user);
    expect(await getOptionalUser(browser.request("/"))).toBeNull();
  });

  it("enables the account again, with an audit entry", async () => {
    const user = await freshUser();
    await disableAccount(officer, { userId: user.id, ipAddress: "x" });
    const officerBrowser = await browserOf(officer);
    const result = await outcome(() =>
      usersAction({ request: officerBrowser.request("/users", post({ intent: "enable", userId: user.id })), params: {}, context }),
    );
    expect("thrown" in result && locationOf(result.thrown)).toBe("/users");
    expect("thrown" in result && (await noticeLeft(result.thrown))).toEqual({ kind: "users.notice", notice: "enabled", count: 0 });
    expect((await verifyLogin(user.email, DEMO_PASSWORD))?.id).toBe(user.id);
    expect((await auditActions(user.id)).map((a) => a.action)).toEqual(["user.disable", "user.enable"]);
  });

  it("is the secretariat's alone: a chair or a delegate is refused (403), nothing changes", async () => {
    const target = await freshUser();
    const targetBrowser = await browserOf(target);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const actor = (await getUserById(await userIdByEmail(email)))!;
      expect(await disableAccount(actor, { userId: target.id, ipAddress: "x" })).toEqual({ ok: false, reason: "forbidden" });
      const browser = await browserOf(actor);
      const result = await outcome(() =>
        usersAction({ request: browser.request("/users", post({ intent: "disable", userId: target.id, confirm: "on" })), params: {}, context }),
      );
      expect("thrown" in result && statusOf(result.thrown), email).toBe(403);
      const page = await outcome(() => usersLoader({ request: browser.request("/users"), params: {}, context }));
      expect("thrown" in page && statusOf(page.thrown), email).toBe(403);
    }
    expect((await getOptionalUser(targetBrowser.request("/")))?.id).toBe(target.id);
    expect((await auditActions(target.id)).map((a) => a.action)).not.toContain("user.disable");
  });

  it("never one's own account; and a confirmation is required", async () => {
    const officerBrowser = await browserOf(officer);
    expect(await disableAccount(officer, { userId: officer.id, ipAddress: "x" })).toEqual({ ok: false, reason: "self" });
    const self = (await usersAction({
      request: officerBrowser.request("/users", post({ intent: "disable", userId: officer.id, confirm: "on" })),
      params: {},
      context,
    })) as unknown as { init: { status: number }; data: { errors: string[] } };
    expect(self.init.status).toBe(409);
    expect(self.data.errors).toEqual(["account:disable.errors.self"]);

    const target = await freshUser();
    const unconfirmed = (await usersAction({
      request: officerBrowser.request("/users", post({ intent: "disable", userId: target.id })),
      params: {},
      context,
    })) as unknown as { init: { status: number }; data: { errors: string[] } };
    expect(unconfirmed.init.status).toBe(400);
    expect(unconfirmed.data.errors).toEqual(["account:errors.confirmDisable"]);
    expect((await getUserById(target.id))?.id).toBe(target.id);
    expect((await getUserById(officer.id))?.id).toBe(officer.id);
  });

  it("an unknown account is 404; disabling twice says it already is", async () => {
    const officerBrowser = await browserOf(officer);
    const missing = await outcome(() =>
      usersAction({
        request: officerBrowser.request("/users", post({ intent: "disable", userId: "00000000-0000-4000-8000-000000000000", confirm: "on" })),
        params: {},
        context,
      }),
    );
    expect("thrown" in missing && statusOf(missing.thrown)).toBe(404);
    const user = await freshUser();
    await disableAccount(officer, { userId: user.id, ipAddress: "x" });
    expect(await disableAccount(officer, { userId: user.id, ipAddress: "x" })).toEqual({ ok: false, reason: "unchanged" });
    expect(await enableAccount(officer, { userId: officer.id, ipAddress: "x" })).toEqual({ ok: false, reason: "self" });
  });
});
