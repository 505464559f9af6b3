// Two-factor sign-in through the real routes (issue 12): no session before the second factor,
// wrong and replayed codes refused and logged, the limit on wrong codes, recovery codes used once,
// the secretariat's enrolment before any session, and what turning it off takes.
import { createHmac, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { base32Encode, CODE_LIMITS, currentTotp, totpStep } from "~/lib/two-factor";
import { getEnabledSecret } from "~/models/two-factor.server";
import { loader as homeLoader } from "~/routes/_index";
import { action as accountAction, loader as accountLoader } from "~/routes/account_.two-factor";
import { action as loginAction } from "~/routes/login";
import { action as codeAction, loader as codeLoader } from "~/routes/login_.two-factor";
import { action as setupAction, loader as setupLoader } from "~/routes/login_.two-factor_.setup";
import { getOptionalUser } from "~/utils/auth.server";
import { getDb, isEmbeddedDemo, schema } from "~/utils/db.server";
import { pendingCookieHeader } from "~/utils/two-factor.server";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../db/seed";
import { BASE_URL, requestAs, userIdByEmail } from "./helpers";
import { noticeIn } from "./notices";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "192.0.2.55" };

// --- Codes for any time step (RFC 4226), to test the window and replays without waiting. ---

function base32Decode(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function codeAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

const nowStep = () => totpStep(Date.now());

/** A code that is none of the window's codes. */
function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((d) => codeAt(secret, nowStep() + d)));
  for (let n = 0; ; n++) {
    const candidate = String((123_456 + n * 7919) % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

// --- Requests with cookies, and what routes answer. ---

type Jar = Map<string, string>;

function keep(jar: Jar, setCookies: string[]) {
  for (const header of setCookies) {
    const [pair] = header.split(";");
    const index = pair!.indexOf("=");
    const name = pair!.slice(0, index);
    const value = pair!.slice(index + 1);
    if (!value || /max-age=0/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
}

function request(jar: Jar, path: string, fields?: Record<string, string>): Request {
  const headers = new Headers();
  if (jar.size) headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
  return new Request(`${BASE_URL}${path}`, fields ? { method: "POST", body: new URLSearchParams(fields), headers } : { headers });
}

type Answer = { status: number; location: string | null; setCookies: string[]; body: any };

async function answer(run: () => Promise<unknown>): Promise<Answer> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) {
    return { status: value.status, location: value.headers.get("Location"), setCookies: value.headers.getSetCookie(), body: null };
  }
  const init = (value as { init?: ResponseInit | null } | null)?.init;
  if (value && typeof value === "object" && "data" in value && "init" in value) {
    return { status: init?.status ?? 200, location: null, setCookies: new Headers(init?.headers).getSetCookie(), body: (value as { data: unknown }).data };
  }
  return { status: 200, location: null, setCookies: [], body: value };
}

const args = (req: Request) => ({ request: req, params: {}, context });

async function post(jar: Jar, route: (a: ReturnType<typeof args>) => Promise<unknown>, path: string, fields: Record<string, string>) {
  const result = await answer(() => route(args(request(jar, path, fields))));
  keep(jar, result.setCookies);
  return result;
}

async function get(jar: Jar, route: (a: ReturnType<typeof args>) => Promise<unknown>, path: string) {
  const result = await answer(() => route(args(request(jar, path))));
  keep(jar, result.setCookies);
  return result;
}

/** Email and password, as the sign-in form posts them. */
const signInWithPassword = (jar: Jar, email: string, redirectTo = "") => post(jar, loginAction, "/login", { email, password: DEMO_PASSWORD, redirectTo });

const enterCode = (jar: Jar, code: string, intent: "totp" | "recovery" = "totp") => post(jar, codeAction, "/login/two-factor", { intent, code });

async function signedInUser(jar: Jar) {
  return getOptionalUser(request(jar, "/"));
}

// --- Accounts of our own, so that each test has its own time steps and counters. ---

let serial = 0;

async function createAccount(role: "secretariat" | "chair", totp: boolean) {
  const db = await getDb();
  const [template] = await db.select({ passwordHash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.email, "chair@nonpaper.test"));
  const secret = base32Encode(randomBytes(20));
  const email = `two-factor-${role}-${++serial}@example.org`;
  const [user] = await db
    .insert(schema.users)
    .values({
      email,
      name: `Officer ${serial}`,
      role,
      language: "en",
      passwordHash: template!.passwordHash,
      ...(totp ? { totpSecret: secret, totpEnabledAt: new Date() } : {}),
    })
    .returning({ id: schema.users.id });
  return { id: user!.id, email, secret };
}

async function auditActions(userId: string, action: string) {
  const db = await getDb();
  return db
    .select({ details: schema.auditLog.details })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.actorId, userId), eq(schema.auditLog.action, action)));
}

async function sessionCount(userId: string) {
  const db = await getDb();
  return (await db.select().from(schema.sessions).where(eq(schema.sessions.userId, userId))).length;
}

const PENDING = "__second_factor";
const SESSION = "__session";

describe("signing in with two factors", () => {
  it("the demo secretariat has the published secret", async () => {
    expect(await getEnabledSecret(await userIdByEmail("secretariat@nonpaper.test"))).toBe(DEMO_TOTP_SECRET);
  });

  it("a right password opens no session: a pending cookie and the code page; the right code signs in", async () => {
    const officer = await createAccount("secretariat", true);
    const jar: Jar = new Map();
    const first = await signInWithPassword(jar, officer.email, "/users?x=1");
    expect(first).toMatchObject({ status: 302, location: "/login/two-factor" });
    expect(jar.has(PENDING)).toBe(true);
    expect(jar.has(SESSION)).toBe(false);
    expect(await sessionCount(officer.id)).toBe(0);
    expect(await auditActions(officer.id, "session.sign_in")).toHaveLength(0);
    // The pending cookie is scoped to the sign-in pages and short-lived.
    expect(first.setCookies.find((c) => c.startsWith(`${PENDING}=`))).toMatch(/Path=\/login;.*Max-Age=300|Max-Age=300;.*Path=\/login/);

    const page = await get(jar, codeLoader, "/login/two-factor");
    expect(page.body).toMatchObject({ state: "live", email: officer.email, demoCode: null });

    const second = await enterCode(jar, await currentTotp(officer.secret));
    expect(second).toMatchObject({ status: 302, location: "/users?x=1" });
    expect(jar.has(SESSION)).toBe(true);
    expect(jar.has(PENDING)).toBe(false);
    expect((await signedInUser(jar))?.id).toBe(officer.id);
    expect(await auditActions(officer.id, "session.sign_in")).toEqual([{ details: { secondFactor: "totp" } }]);
  });

  it("refuses a wrong code, logs it, and signs nobody in", async () => {
    const officer = await createAccount("secretariat", true);
    const jar: Jar = new Map();
    await signInWithPassword(jar, officer.email);
    const refused = await enterCode(jar, wrongCode(officer.secret));
    expect(refused.status).toBe(400);
    expect(refused.body.result.error.code).toEqual(["auth:twoFactor.errors.invalid"]);
    expect(jar.has(SESSION)).toBe(false);
    expect(await sessionCount(officer.id)).toBe(0);
    expect(await auditActions(officer.id, "user.totp_failed")).toEqual([{ details: { reason: "wrong", method: "totp", purpose: "sign_in" } }]);
    // Letters where digits belong: a clear message, nothing counted or logged.
    const malformed = await enterCode(jar, "12a456");
    expect(malformed.body.result.error.code).toEqual(["auth:twoFactor.errors.format"]);
    expect(await auditActions(officer.id, "user.totp_failed")).toHaveLength(1);
  });

  it("refuses a code already used, and any earlier one (replay), without counting them as guesses", async () => {
    const officer = await createAccount("chair", true);
    const step = nowStep();
    const jar: Jar = new Map();
    await signInWithPassword(jar, officer.email);
    // The next step's code is within the window: accepted, and from now on steps up to it are spent.
    expect(await enterCode(jar, codeAt(officer.secret, step + 1))).toMatchObject({ status: 302, location: "/" });

    for (const code of [codeAt(officer.secret, step + 1), codeAt(officer.secret, step)]) {
      const again: Jar = new Map();
      await signInWithPassword(again, officer.email);
      const replayed = await enterCode(again, code);
      expect(replayed.status).toBe(400);
      expect(replayed.body.result.error.code).toEqual(["auth:twoFactor.errors.replay"]);
      expect(again.has(SESSION)).toBe(false);
    }
    expect(await sessionCount(officer.id)).toBe(1);
    const failures = await auditActions(officer.id, "user.totp_failed");
    expect(failures.map((f) => (f.details as { reason: string }).reason)).toEqual(["replay", "replay"]);
    // Not counted: five wrong codes may still follow before the limit.
    const db = await getDb();
    const [counter] = await db
      .select()
      .from(schema.loginThrottles)
      .where(eq(schema.loginThrottles.key, `totp:${officer.id}`));
    expect(counter?.failures).toBe(0);
  });

  it("two requests with the same code: one session", async () => {
    const officer = await createAccount("chair", true);
    const jars: Jar[] = [new Map(), new Map(), new Map()];
    for (const jar of jars) await signInWithPassword(jar, officer.email);
    const code = await currentTotp(officer.secret);
    const results = await Promise.all(jars.map((jar) => enterCode(jar, code)));
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    expect(await sessionCount(officer.id)).toBe(1);
  });

  it(`refuses the ${CODE_LIMITS.perWindow + 1}th code after ${CODE_LIMITS.perWindow} wrong ones in 15 minutes, even a right one, unchecked`, async () => {
    const officer = await createAccount("secretariat", true);
    const jar: Jar = new Map();
    await signInWithPassword(jar, officer.email);
    for (let i = 0; i < CODE_LIMITS.perWindow; i++) {
      expect((await enterCode(jar, wrongCode(officer.secret))).status).toBe(400);
    }
    const sixth = await enterCode(jar, await currentTotp(officer.secret));
    expect(sixth.status).toBe(429);
    expect(sixth.body.result.error[""]).toEqual(["auth:errors.throttledMinutes"]);
    expect(sixth.body.retryAfter.count).toBeGreaterThanOrEqual(14);
    expect(jar.has(SESSION)).toBe(false);
    // A fresh pending sign-in does not reset the count: it is the account's.
    const other: Jar = new Map();
    await signInWithPassword(other, officer.email);
    expect((await enterCode(other, await currentTotp(officer.secret))).status).toBe(429);
    expect(await sessionCount(officer.id)).toBe(0);
    // A recovery code is held back as well.
    expect((await enterCode(other, "ABCDE-FGHJK", "recovery")).status).toBe(429);
  });
});

describe("the secretariat must set up an app before any session", () => {
  it("with only the pending cookie, every page sends to sign-in and nobody is signed in", async () => {
    const officer = await createAccount("secretariat", false);
    const jar: Jar = new Map();
    expect(await signInWithPassword(jar, officer.email)).toMatchObject({ status: 302, location: "/login/two-factor/setup" });
    expect(jar.has(PENDING)).toBe(true);
    expect(jar.has(SESSION)).toBe(false);
    expect(await signedInUser(jar)).toBeNull();
    for (const [route, path] of [
      [homeLoader, "/"],
      [accountLoader, "/account/two-factor"],
    ] as const) {
      const visit = await get(jar, route as never, path);
      expect(visit.status, path).toBe(302);
      expect(visit.location, path).toMatch(/^\/login/);
    }
    // Claiming to be done without setting anything up opens nothing either.
    const early = await post(jar, setupAction, "/login/two-factor/setup", { intent: "finish" });
    expect(early).toMatchObject({ status: 302, location: "/login/two-factor/setup" });
    // Nor does the code page, with this cookie.
    expect(await enterCode(jar, "123456")).toMatchObject({ status: 401 });
    expect(await sessionCount(officer.id)).toBe(0);
    expect(await auditActions(officer.id, "session.sign_in")).toHaveLength(0);
  });

  it("sets up the app (QR code, a code), shows the recovery codes, then signs in", async () => {
    const officer = await createAccount("secretariat", false);
    const jar: Jar = new Map();
    await signInWithPassword(jar, officer.email, "/outbox");
    expect((await get(jar, setupLoader, "/login/two-factor/setup")).body).toEqual({ state: "start" });
    await post(jar, setupAction, "/login/two-factor/setup", { intent: "start" });
    const scan = await get(jar, setupLoader, "/login/two-factor/setup");
    expect(scan.body.state).toBe("scan");
    expect(scan.body.enrolment.secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(scan.body.enrolment.qr.path.length).toBeGreaterThan(100);
    const secret = (scan.body.enrolment.secret as string).replace(/ /g, "");

    const wrong = await post(jar, setupAction, "/login/two-factor/setup", { intent: "confirm", code: wrongCode(secret) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.result.error.code).toEqual(["auth:twoFactor.errors.setupInvalid"]);
    expect(await getEnabledSecret(officer.id)).toBeNull();

    const confirmed = await post(jar, setupAction, "/login/two-factor/setup", { intent: "confirm", code: await currentTotp(secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.codes).toHaveLength(10);
    expect(new Set(confirmed.body.codes).size).toBe(10);
    expect(await getEnabledSecret(officer.id)).toBe(secret);
    expect(jar.has(SESSION)).toBe(false);
    expect(await auditActions(officer.id, "user.totp_enable")).toHaveLength(1);
    // Only hashes are stored.
    const db = await getDb();
    const stored = await db.select().from(schema.recoveryCodes).where(eq(schema.recoveryCodes.userId, officer.id));
    expect(stored).toHaveLength(10);
    for (const code of confirmed.body.codes as string[]) {
      expect(stored.some((row) => row.codeHash.includes(code.replace("-", "")))).toBe(false);
    }

    expect((await get(jar, setupLoader, "/login/two-factor/setup")).body).toEqual({ state: "enrolled" });
    const done = await post(jar, setupAction, "/login/two-factor/setup", { intent: "finish" });
    expect(done).toMatchObject({ status: 302, location: "/outbox" });
    expect((await signedInUser(jar))?.id).toBe(officer.id);
    expect(await auditActions(officer.id, "session.sign_in")).toEqual([{ details: { secondFactor: "enrolment" } }]);
  });

  it("a forged, expired or outdated pending cookie opens nothing", async () => {
    const officer = await createAccount("secretariat", true);
    const jar: Jar = new Map();
    await signInWithPassword(jar, officer.email);
    const genuine = jar.get(PENDING)!;

    // Forged: another account's id in a cookie that is not signed with the server's secret.
    const forged = Buffer.from(
      JSON.stringify({ userId: officer.id, stage: "verify", redirectTo: "/", issuedAt: Date.now(), expiresAt: Date.now() + 60_000 }),
    ).toString("base64");
    for (const value of [forged, `${forged}.${genuine.split(".").pop()}`, genuine.slice(0, -2)]) {
      const fake: Jar = new Map([[PENDING, value]]);
      expect(await get(fake, codeLoader, "/login/two-factor")).toMatchObject({ status: 302, location: "/login" });
    }

    // Expired: a genuine cookie issued six minutes ago.
    const old = (await pendingCookieHeader(request(jar, "/"), { userId: officer.id, stage: "verify", redirectTo: "/" }, Date.now() - 6 * 60_000)).split(
      ";",
    )[0]!;
    const stale: Jar = new Map([[PENDING, old.slice(PENDING.length + 1)]]);
    expect((await get(stale, codeLoader, "/login/two-factor")).body).toMatchObject({ state: "expired" });
    const late = await enterCode(stale, await currentTotp(officer.secret));
    expect(late).toMatchObject({ status: 401 });
    expect(late.body.expired).toBe(true);

    // The password changed after the cookie was issued: start again.
    const db = await getDb();
    await db
      .update(schema.users)
      .set({ passwordChangedAt: new Date(Date.now() + 1000) })
      .where(eq(schema.users.id, officer.id));
    expect((await get(jar, codeLoader, "/login/two-factor")).body).toMatchObject({ state: "expired" });
    expect(await sessionCount(officer.id)).toBe(0);
  });
});

describe("chairs and delegates may choose it; recovery codes", () => {
  /** A chair who turns two-factor sign-in on from the account page; returns the secret and codes. */
  async function enrolFromAccount(email: string) {
    const path = "/account/two-factor";
    const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });
    expect((await answer(async () => accountLoader(args(await requestAs(email, path))))).body).toMatchObject({
      enabled: false,
      enrolment: null,
      required: false,
    });
    await answer(async () => accountAction(args(await requestAs(email, path, form({ intent: "start" })))));
    const scan = await answer(async () => accountLoader(args(await requestAs(email, path))));
    const secret = (scan.body.enrolment.secret as string).replace(/ /g, "");
    const confirmed = await answer(async () => accountAction(args(await requestAs(email, path, form({ intent: "confirm", code: await currentTotp(secret) })))));
    expect(confirmed.body.codes).toHaveLength(10);
    return { secret, codes: confirmed.body.codes as string[] };
  }

  it("a recovery code signs in once, is logged, and the account page counts what is left", async () => {
    const chair = await createAccount("chair", false);
    const { codes } = await enrolFromAccount(chair.email);

    const jar: Jar = new Map();
    expect(await signInWithPassword(jar, chair.email)).toMatchObject({ location: "/login/two-factor" });
    expect(await enterCode(jar, codes[3]!.toLowerCase(), "recovery")).toMatchObject({ status: 302, location: "/" });
    expect(await auditActions(chair.id, "user.recovery_code_used")).toEqual([{ details: { remaining: 9, purpose: "sign_in" } }]);
    expect(await auditActions(chair.id, "session.sign_in")).toEqual([{ details: { secondFactor: "recovery" } }]);

    const again: Jar = new Map();
    await signInWithPassword(again, chair.email);
    const reused = await enterCode(again, codes[3]!, "recovery");
    expect(reused.status).toBe(400);
    expect(reused.body.result.error.code).toEqual(["auth:twoFactor.errors.recoveryInvalid"]);
    expect(again.has(SESSION)).toBe(false);

    const page = await answer(async () => accountLoader(args(await requestAs(chair.email, "/account/two-factor"))));
    expect(page.body).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
  });

  it("new recovery codes need a current code and replace every old one", async () => {
    const chair = await createAccount("chair", false);
    const { secret, codes } = await enrolFromAccount(chair.email);
    const path = "/account/two-factor";
    const regenerate = async (code: string) =>
      answer(async () =>
        accountAction(args(await requestAs(chair.email, path, { method: "POST", body: new URLSearchParams({ intent: "regenerate", code }) }))),
      );

    const refused = await regenerate(wrongCode(secret));
    expect(refused.status).toBe(400);
    expect(await auditActions(chair.id, "user.recovery_codes_regenerate")).toHaveLength(0);
    // A recovery code cannot stand in for the app here.
    expect((await regenerate(codes[0]!)).status).toBe(400);

    // The code that confirmed the app is spent: the next step's code.
    const fresh = await regenerate(codeAt(secret, nowStep() + 1));
    expect(fresh.status).toBe(200);
    expect(fresh.body.codes).toHaveLength(10);
    expect(await auditActions(chair.id, "user.recovery_codes_regenerate")).toHaveLength(1);

    const jar: Jar = new Map();
    await signInWithPassword(jar, chair.email);
    expect((await enterCode(jar, codes[0]!, "recovery")).status).toBe(400);
    expect(await enterCode(jar, fresh.body.codes[0], "recovery")).toMatchObject({ status: 302 });
  });

  it("turning it off needs the password and a current code; the secretariat may not", async () => {
    const chair = await createAccount("chair", false);
    const { secret } = await enrolFromAccount(chair.email);
    const path = "/account/two-factor";
    const disable = async (fields: Record<string, string>) =>
      answer(async () =>
        accountAction(args(await requestAs(chair.email, path, { method: "POST", body: new URLSearchParams({ intent: "disable", ...fields }) }))),
      );

    const noCode = await disable({ password: DEMO_PASSWORD });
    expect(noCode.status).toBe(400);
    expect(noCode.body.result.error.code).toEqual(["auth:twoFactor.errors.codeRequired"]);
    const wrongPassword = await disable({ password: "not-the-password", code: codeAt(secret, nowStep() + 1) });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.result.error.password).toEqual(["auth:twoFactor.errors.wrongPassword"]);
    const wrong = await disable({ password: DEMO_PASSWORD, code: wrongCode(secret) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.result.error.code).toEqual(["auth:twoFactor.errors.invalid"]);
    expect(await getEnabledSecret(chair.id)).toBe(secret);
    expect(await auditActions(chair.id, "user.totp_disable")).toHaveLength(0);

    const done = await disable({ password: DEMO_PASSWORD, code: codeAt(secret, nowStep() + 1) });
    expect(done).toMatchObject({ status: 302, location: "/account/two-factor" });
    expect(await noticeIn(done.location, done.setCookies)).toEqual({ kind: "twoFactor.disabled" });
    expect(await getEnabledSecret(chair.id)).toBeNull();
    expect(await auditActions(chair.id, "user.totp_disable")).toHaveLength(1);
    const db = await getDb();
    expect(await db.select().from(schema.recoveryCodes).where(eq(schema.recoveryCodes.userId, chair.id))).toHaveLength(0);
    // The password alone signs in again.
    const jar: Jar = new Map();
    expect(await signInWithPassword(jar, chair.email)).toMatchObject({ status: 302, location: "/" });
    expect(jar.has(SESSION)).toBe(true);

    const officer = await createAccount("secretariat", true);
    const refused = await answer(async () =>
      accountAction(
        args(
          await requestAs(officer.email, path, {
            method: "POST",
            body: new URLSearchParams({ intent: "disable", password: DEMO_PASSWORD, code: await currentTotp(officer.secret) }),
          }),
        ),
      ),
    );
    expect(refused.status).toBe(403);
    expect(await getEnabledSecret(officer.id)).toBe(officer.secret);
  });
});

describe("the demo's code hint", () => {
  it("shows the current code of the demo secretariat on the embedded demo database only, never another account's", async () => {
    const jar: Jar = new Map();
    await signInWithPassword(jar, "secretariat@nonpaper.test");
    const page = await get(jar, codeLoader, "/login/two-factor");
    if (await isEmbeddedDemo()) {
      expect([await currentTotp(DEMO_TOTP_SECRET), codeAt(DEMO_TOTP_SECRET, nowStep() - 1)]).toContain(page.body.demoCode);
    } else {
      expect(page.body.demoCode).toBeNull();
    }
    const officer = await createAccount("secretariat", true);
    const other: Jar = new Map();
    await signInWithPassword(other, officer.email);
    expect((await get(other, codeLoader, "/login/two-factor")).body.demoCode).toBeNull();
  });
});
