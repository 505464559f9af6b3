import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18next";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { accountDelayMs, decideLoginAttempt, emptyBucket, LOGIN_LIMITS, retryAfterMessage, type ThrottleState } from "~/lib/login-throttle";

const now = new Date("2026-12-06T12:00:00Z");
const fresh = (): ThrottleState => ({ account: emptyBucket(now), pair: emptyBucket(now), address: emptyBucket(now) });

describe("sign-in throttling rules (issue 12)", () => {
  it("spaces an account's attempts out, doubling, capped at a minute, never a lockout", () => {
    const delays = Array.from({ length: 20 }, (_, i) => accountDelayMs(i + 1));
    expect(delays.slice(0, LOGIN_LIMITS.accountFreeFailures)).toEqual(Array(LOGIN_LIMITS.accountFreeFailures).fill(0));
    expect(delays.slice(LOGIN_LIMITS.accountFreeFailures, LOGIN_LIMITS.accountFreeFailures + 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...delays)).toBe(LOGIN_LIMITS.accountMaxDelayMs);
  });

  it("counts an admitted attempt as a failure at once, in all three buckets", () => {
    const decision = decideLoginAttempt(fresh(), now);
    expect(decision.admitted).toBe(true);
    expect(decision.next.pair.failures).toBe(1);
    expect(decision.next.address.failures).toBe(1);
    expect(decision.next.account.failures).toBe(1);
  });

  it("lets the owner's familiar address past the account's wait and the address's limit, not past its own pair limit", () => {
    const state = fresh();
    state.account = { ...state.account, failures: 50, nextAttemptAt: new Date(now.getTime() + 60_000) };
    state.address = { ...state.address, failures: LOGIN_LIMITS.perAddress };
    expect(decideLoginAttempt(state, now)).toMatchObject({ admitted: false, reason: "address" });
    state.address.failures = 0;
    expect(decideLoginAttempt(state, now)).toMatchObject({ admitted: false, reason: "account", retryAfterSeconds: 60 });
    state.pair = { ...state.pair, succeededAt: new Date(now.getTime() - 86_400_000) };
    state.address.failures = LOGIN_LIMITS.perAddress;
    const owner = decideLoginAttempt(state, now);
    expect(owner).toMatchObject({ admitted: true, familiar: true });
    // The owner's own attempts do not add to the account's wait.
    expect(owner.next.account).toEqual(state.account);
    state.pair.failures = LOGIN_LIMITS.perPair;
    expect(decideLoginAttempt(state, now)).toMatchObject({ admitted: false, reason: "pair", retryAfterSeconds: 900 });
  });

  it("forgets an address after 90 days and counts afresh after a window", () => {
    const state = fresh();
    state.pair = {
      ...state.pair,
      succeededAt: new Date(now.getTime() - LOGIN_LIMITS.familiarForMs),
      failures: LOGIN_LIMITS.perPair,
      windowStartedAt: new Date(now.getTime() - LOGIN_LIMITS.windowMs),
    };
    expect(decideLoginAttempt(state, now)).toMatchObject({ admitted: true, familiar: false });
  });

  it("words the wait in seconds under a minute, else in whole minutes", () => {
    expect(retryAfterMessage(1)).toEqual({ key: "auth:errors.throttledSeconds", count: 1 });
    expect(retryAfterMessage(59)).toEqual({ key: "auth:errors.throttledSeconds", count: 59 });
    expect(retryAfterMessage(61)).toEqual({ key: "auth:errors.throttledMinutes", count: 2 });
    expect(retryAfterMessage(900)).toEqual({ key: "auth:errors.throttledMinutes", count: 15 });
  });

  it("says when to try again in every language, with the figure", () => {
    for (const language of LANGUAGE_CODES) {
      const i18n = createI18n(language);
      for (const seconds of [1, 2, 5, 30, 60, 900]) {
        const { key, count } = retryAfterMessage(seconds);
        const text = i18n.t(key, { count });
        expect(text, `${language} ${seconds}`).not.toBe(key.split(":")[1]);
        expect(text).not.toMatch(/\{\{/);
        // Arabic words one and two ("ثانية واحدة", "دقيقتين"); everyone else shows the figure.
        if (!(language === "ar" && count <= 2)) expect(text, `${language} ${seconds}`).toContain(String(count));
      }
    }
  });
});
