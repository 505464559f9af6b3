import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "~/lib/login-throttle";
import { beginLoginAttempt, clearLoginThrottle, finishLoginAttempt } from "~/models/login-attempt.server";
import { action } from "~/routes/login";
import { getDb, schema } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../db/seed";
import { BASE_URL } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

/** Posts the sign-in form from an address, as app/server.ts would pass it, and returns the status. */
async function signInFrom(address: string, email: string, password: string): Promise<{ status: number; retryAfter: number | null }> {
  const request = new Request(`${BASE_URL}/login`, { method: "POST", body: new URLSearchParams({ email, password }) });
  const answer = (await action({ request, params: {}, context: { clientAddress: address } })) as unknown;
  if (answer instanceof Response) return { status: answer.status, retryAfter: null };
  const init = (answer as { init?: { status?: number; headers?: HeadersInit } }).init;
  const retryAfter = new Headers(init?.headers).get("Retry-After");
  return { status: init?.status ?? 200, retryAfter: retryAfter ? Number(retryAfter) : null };
}

/** Passwords actually checked for an account: every checked attempt is recorded, refused ones are not. */
async function checkedAttempts(email: string): Promise<number> {
  const db = await getDb();
  const rows = await db.select().from(schema.loginAttempts).where(eq(schema.loginAttempts.email, email));
  return rows.length;
}

describe("sign-in throttling (issue 12)", () => {
  it("counts 40 parallel wrong passwords before checking any: at most the pair's limit are checked", async () => {
    const email = "china@nonpaper.test";
    const results = await Promise.all(Array.from({ length: 40 }, () => signInFrom("203.0.113.40", email, "wrong-password")));
    expect(await checkedAttempts(email)).toBeLessThanOrEqual(LOGIN_LIMITS.perPair);
    expect(results.filter((r) => r.status === 400).length).toBeLessThanOrEqual(LOGIN_LIMITS.perPair);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(40 - LOGIN_LIMITS.perPair);
    for (const refused of results.filter((r) => r.status === 429)) expect(refused.retryAfter).toBeGreaterThan(0);
  });

  it("counts parallel guesses of many accounts from one address against that address", async () => {
    const results = await Promise.all(Array.from({ length: LOGIN_LIMITS.perAddress + 10 }, (_, i) => signInFrom("203.0.113.77", `guess${i}@example.org`, "x")));
    expect(results.filter((r) => r.status === 400).length).toBe(LOGIN_LIMITS.perAddress);
    expect(results.filter((r) => r.status === 429).length).toBe(10);
    // The address waits; another address does not.
    expect((await signInFrom("203.0.113.77", "another@example.org", "x")).status).toBe(429);
    expect((await signInFrom("203.0.113.78", "another@example.org", "x")).status).toBe(400);
  });

  it("a rival's 50 failures from other addresses do not stop the owner signing in from their own address", async () => {
    const email = "peru@nonpaper.test";
    const owner = "198.51.100.10";
    expect((await signInFrom(owner, email, DEMO_PASSWORD)).status).toBe(302);
    for (let i = 0; i < 50; i++) {
      const { status } = await signInFrom(`192.0.2.${i + 1}`, email, "guess");
      expect([400, 429]).toContain(status);
    }
    // The rival was slowed down: most guesses were refused unchecked.
    expect(await checkedAttempts(email)).toBeLessThan(1 + LOGIN_LIMITS.accountFreeFailures + 5);
    // The owner, from the address they signed in from before: straight in.
    expect((await signInFrom(owner, email, DEMO_PASSWORD)).status).toBe(302);
    // From a new address the owner waits at most the capped delay, never a lockout.
    const elsewhere = await signInFrom("198.51.100.99", email, DEMO_PASSWORD);
    if (elsewhere.status === 429) {
      expect(elsewhere.retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.accountMaxDelayMs / 1000);
    } else {
      expect(elsewhere.status).toBe(302);
    }
  });

  it("says when to try again, in seconds or minutes", async () => {
    const email = "morocco@nonpaper.test";
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) await signInFrom("203.0.113.9", email, "wrong");
    const request = new Request(`${BASE_URL}/login`, {
      method: "POST",
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    });
    const answer = (await action({ request, params: {}, context: { clientAddress: "203.0.113.9" } })) as unknown as {
      init: { status: number };
      data: { result: { error: Record<string, string[]> }; retryAfter: { count: number } };
    };
    expect(answer.init.status).toBe(429);
    expect(answer.data.result.error[""]).toEqual(["auth:errors.throttledMinutes"]);
    expect(answer.data.retryAfter.count).toBe(15);
  });

  it("leaves a hook that reopens an account (for a password reset), and only that account", async () => {
    const fail = async (email: string) => {
      const gate = await beginLoginAttempt(email, "203.0.113.50");
      if (gate.admitted) await finishLoginAttempt(gate.ticket, false);
    };
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) {
      await fail("first_last@example.org");
      await fail("firstxlast@example.org");
    }
    await clearLoginThrottle("first_last@example.org");
    expect((await beginLoginAttempt("first_last@example.org", "203.0.113.50")).admitted).toBe(true);
    expect((await beginLoginAttempt("firstxlast@example.org", "203.0.113.50")).admitted).toBe(false);
  });
});
