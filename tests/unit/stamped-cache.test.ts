// The CRP page's memory between views (app/lib/stamped-cache.ts): one computation per stamp,
// shared by simultaneous requests, bounded in names and in time.
import { afterEach, describe, expect, it, vi } from "vitest";
import { StampedCache } from "~/lib/stamped-cache";

afterEach(() => vi.useRealTimers());

describe("StampedCache", () => {
  it("computes once per stamp, again when the stamp changes, and shares a computation in flight", async () => {
    const cache = new StampedCache<string>({ size: 3, idleMs: 60_000 });
    const compute = vi.fn(async () => `value ${compute.mock.calls.length}`);
    const [a, b] = await Promise.all([cache.get("x", "s1", compute), cache.get("x", "s1", compute)]);
    expect([a, b]).toEqual(["value 1", "value 1"]);
    expect(await cache.get("x", "s1", compute)).toBe("value 1");
    expect(await cache.get("x", "s2", compute)).toBe("value 2");
    // The old stamp is gone, not kept beside the new one.
    expect(await cache.get("x", "s1", compute)).toBe("value 3");
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it("keeps no failure: the next request computes again", async () => {
    const cache = new StampedCache<number>({ size: 3, idleMs: 60_000 });
    await expect(cache.get("x", "s", async () => Promise.reject(new Error("database away")))).rejects.toThrow("database away");
    expect(cache.size).toBe(0);
    expect(await cache.get("x", "s", async () => 1)).toBe(1);
  });

  it("drops the least recently used name beyond its size", async () => {
    const cache = new StampedCache<string>({ size: 2, idleMs: 60_000 });
    await cache.get("a", "1", async () => "a");
    await cache.get("b", "1", async () => "b");
    await cache.get("a", "1", async () => "a again"); // a is now the most recent
    await cache.get("c", "1", async () => "c");
    expect(cache.size).toBe(2);
    expect(await cache.get("a", "1", async () => "a computed")).toBe("a");
    expect(await cache.get("b", "1", async () => "b computed")).toBe("b computed");
  });

  it("forgets a name unused for its idle time, so an idle server gives the memory back", async () => {
    vi.useFakeTimers();
    const cache = new StampedCache<string>({ size: 2, idleMs: 1_000 });
    await cache.get("a", "1", async () => "a");
    vi.advanceTimersByTime(900);
    await cache.get("a", "1", async () => "recomputed"); // used: its time starts again
    vi.advanceTimersByTime(900);
    expect(cache.size).toBe(1);
    vi.advanceTimersByTime(200);
    expect(cache.size).toBe(0);
  });
});
