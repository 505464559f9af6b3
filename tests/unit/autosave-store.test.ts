import { describe, expect, it } from "vitest";
import {
  mergeDraftFields,
  buildSaveBody,
  changedFieldNames,
  classifySaveResponse,
  decideRestore,
  makePendingCopy,
  MAX_COPY_AGE_MS,
  nextSaveDelay,
  parsePendingCopy,
  retryDelay,
  RETRY_DELAYS_MS,
  sameFields,
  saveBodySize,
  storageKeyFor,
} from "~/lib/autosave-store";

const OWNER = "7d1b1c1e-0000-4000-8000-000000000001";
const KEY = "5a0c3e55-0000-4000-8000-000000000002";
const NOW = Date.parse("2020-08-10T12:02:00Z");

const copyOf = (fields: Record<string, string>, baseVersion = 3, now = NOW) => makePendingCopy({ owner: OWNER, key: KEY, baseVersion, fields, now });

describe("the kept copy's record", () => {
  it("round-trips through storage, keyed by user and draft", () => {
    const copy = copyOf({ language: "es", "comment.general": "Apoyamos el texto." });
    expect(storageKeyFor(KEY, OWNER)).toBe(`nonpaper:autosave:${OWNER}:${KEY}`);
    expect(parsePendingCopy(JSON.stringify(copy))).toEqual({
      format: 1,
      owner: OWNER,
      key: KEY,
      baseVersion: 3,
      savedAt: "2020-08-10T12:02:00.000Z",
      fields: { language: "es", "comment.general": "Apoyamos el texto." },
    });
  });

  it("rejects anything else rather than restoring garbage", () => {
    const good = copyOf({ a: "x" });
    for (const raw of [
      null,
      "",
      "not json",
      "[]",
      "42",
      JSON.stringify({ ...good, format: 2 }),
      JSON.stringify({ ...good, baseVersion: "3" }),
      JSON.stringify({ ...good, savedAt: "yesterday" }),
      JSON.stringify({ ...good, fields: { a: 1 } }),
      JSON.stringify({ ...good, fields: ["x"] }),
      JSON.stringify({ ...good, owner: undefined }),
    ]) {
      expect(parsePendingCopy(raw), String(raw)).toBeNull();
    }
  });
});

describe("sameFields", () => {
  it("compares text as the server keeps it: one kind of line break, no trailing space", () => {
    expect(sameFields({ a: "one\r\ntwo  " }, { a: "one\ntwo" })).toBe(true);
    expect(sameFields({ a: "x", b: "" }, { a: "x" })).toBe(true);
    expect(sameFields({ a: "x" }, { a: "y" })).toBe(false);
    expect(sameFields({ a: " x" }, { a: "x" })).toBe(false);
  });
});

describe("decideRestore", () => {
  const server = (draftVersion: number, fields: Record<string, string>) => ({ owner: OWNER, key: KEY, draftVersion, fields });

  it("does nothing without a copy", () => {
    expect(decideRestore(null, server(3, {}), NOW)).toEqual({ action: "none" });
  });

  it("restores automatically when the server draft is the one the copy started from", () => {
    const copy = copyOf({ "comment.a": "Texto nuevo" }, 3);
    expect(decideRestore(copy, server(3, { "comment.a": "Texto" }), NOW + 60_000)).toEqual({ action: "restore", copy });
  });

  it("offers the copy when someone saved since, even if the copy is older than their save", () => {
    const copy = copyOf({ "comment.a": "Mi texto" }, 3);
    expect(decideRestore(copy, server(5, { "comment.a": "Su texto" }), NOW + 3_600_000)).toEqual({ action: "offer", copy });
  });

  it("drops a copy that the server already has (a beacon or a retry did arrive)", () => {
    const copy = copyOf({ "comment.a": "Mi texto\r\n" }, 3);
    expect(decideRestore(copy, server(4, { "comment.a": "Mi texto", "comment.b": "otro" }), NOW)).toEqual({
      action: "discard",
      reason: "already_saved",
    });
  });

  it("drops a copy older than the limit, and ignores another user's or another draft's", () => {
    const copy = copyOf({ "comment.a": "x" }, 3);
    expect(decideRestore(copy, server(3, {}), NOW + MAX_COPY_AGE_MS + 1)).toEqual({ action: "discard", reason: "expired" });
    expect(decideRestore(copy, { ...server(3, {}), owner: "someone-else" }, NOW)).toEqual({ action: "ignore" });
    expect(decideRestore(copy, { ...server(3, {}), key: "another-consultation" }, NOW)).toEqual({ action: "ignore" });
  });

  it("names the fields where the copy and the server differ", () => {
    expect(changedFieldNames({ a: "1", b: "2", c: "3" }, { a: "1", b: "two" })).toEqual(["b", "c"]);
  });
});

describe("when to save and when to retry", () => {
  it("saves 1.5 s after typing stops, and at least every 10 s while typing goes on", () => {
    expect(nextSaveDelay({ now: 1_000, lastChangeAt: 1_000, firstUnsavedAt: 1_000 })).toBe(1_500);
    expect(nextSaveDelay({ now: 2_000, lastChangeAt: 1_800, firstUnsavedAt: 1_000 })).toBe(1_300);
    expect(nextSaveDelay({ now: 10_500, lastChangeAt: 10_400, firstUnsavedAt: 1_000 })).toBe(500);
    expect(nextSaveDelay({ now: 12_000, lastChangeAt: 11_900, firstUnsavedAt: 1_000 })).toBe(0);
    expect(nextSaveDelay({ now: 0, lastChangeAt: 0, firstUnsavedAt: 0, debounceMs: 200, maxWaitMs: 100 })).toBe(100);
  });

  it("backs off 2 s, 5 s, 10 s, 30 s, then every minute, with ±20 % jitter", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => retryDelay(n, mid))).toEqual([2_000, 5_000, 10_000, 30_000, 60_000, 60_000, 60_000]);
    expect(retryDelay(1, () => 0)).toBe(1_600);
    expect(retryDelay(1, () => 1)).toBe(2_400);
    expect(retryDelay(0, mid)).toBe(RETRY_DELAYS_MS[0]);
  });
});

describe("the save request", () => {
  it("carries the intent, the base version and the fields; fields cannot override the protocol", () => {
    const body = buildSaveBody({ "comment.a": "نص عربي", intent: "submit", draftVersion: "99", userId: "x", language: "ar" }, 7, OWNER);
    expect([...body.entries()]).toEqual([
      ["intent", "save-draft"],
      ["draftVersion", "7"],
      ["userId", OWNER],
      ["comment.a", "نص عربي"],
      ["language", "ar"],
    ]);
  });

  it("estimates its encoded size in bytes from above", async () => {
    const fields = { "comment.a": "é".repeat(10_000), "comment.b": "x", language: "fr" };
    const encoded = (await new Response(buildSaveBody(fields, 12, OWNER)).arrayBuffer()).byteLength;
    expect(saveBodySize(fields)).toBeGreaterThanOrEqual(encoded);
    expect(saveBodySize(fields)).toBeLessThan(encoded + 1_000);
  });
});

describe("classifySaveResponse", () => {
  it("reads the contract's answers", () => {
    expect(classifySaveResponse({ status: 200, body: { ok: true, draftVersion: 4, savedAt: "2020-08-10T12:02:00Z" } })).toEqual({
      kind: "saved",
      draftVersion: 4,
      savedAt: "2020-08-10T12:02:00Z",
    });
    const conflict = { ok: false, reason: "conflict", draftVersion: 5, fields: { "comment.a": "theirs" } };
    expect(classifySaveResponse({ status: 409, body: conflict })).toEqual({ kind: "conflict", draftVersion: 5, body: conflict });
    expect(classifySaveResponse({ status: 409, body: { ok: false, reason: "deadline_passed" } })).toEqual({
      kind: "closed",
      reason: "deadline_passed",
    });
    expect(classifySaveResponse({ status: 423, body: null })).toEqual({ kind: "closed", reason: "locked" });
    expect(classifySaveResponse({ status: 400, body: { errors: ["x"] } })).toMatchObject({ kind: "invalid" });
    expect(classifySaveResponse({ status: 413, body: null })).toMatchObject({ kind: "invalid" });
  });

  it("sees an expired session in 401, 403 and any redirect", () => {
    expect(classifySaveResponse({ status: 401, body: null })).toEqual({ kind: "signedOut" });
    expect(classifySaveResponse({ status: 403, body: null })).toEqual({ kind: "signedOut" });
    expect(classifySaveResponse({ status: 0, type: "opaqueredirect", body: null })).toEqual({ kind: "signedOut" });
    expect(classifySaveResponse({ status: 302, location: "/login?redirectTo=%2F", body: null })).toEqual({ kind: "signedOut" });
    expect(classifySaveResponse({ status: 200, redirected: true, url: "http://nonpaper.test/login?redirectTo=x", body: null })).toEqual({ kind: "signedOut" });
  });

  it("retries server errors and silence, not refusals", () => {
    for (const status of [500, 502, 503, 504, 408, 429]) {
      expect(classifySaveResponse({ status, body: null }), String(status)).toEqual({ kind: "retry", status });
    }
    expect(classifySaveResponse({ status: 0, body: null })).toEqual({ kind: "retry", status: null });
    expect(classifySaveResponse({ status: 404, body: null })).toEqual({ kind: "refused", status: 404 });
    // A 200 that is not the contract's answer (an HTML page) is not taken for a save.
    expect(classifySaveResponse({ status: 200, body: null })).toEqual({ kind: "refused", status: 200 });
    expect(classifySaveResponse({ status: 200, body: { ok: true } })).toEqual({ kind: "refused", status: 200 });
  });
});

describe("mergeDraftFields: two delegates of one mission, one draft", () => {
  const base = { language: "zh", "point.a.comment": "原来的意见。", "point.b.comment": "" };

  it("different fields changed: each side's change kept, nothing asked", () => {
    const mine = { ...base, "point.a.comment": "我的修改。" };
    const theirs = { ...base, "point.b.comment": "同事的意见。" };
    expect(mergeDraftFields(base, mine, theirs)).toEqual({
      merged: { language: "zh", "point.a.comment": "我的修改。", "point.b.comment": "同事的意见。" },
      conflicts: [],
      taken: ["point.b.comment"],
    });
  });

  it("a field added by the colleague, and one removed by them, are taken", () => {
    const theirs = { language: "zh", "point.b.comment": "", "proposal.x.0": "新提案。" };
    const result = mergeDraftFields(base, { ...base }, theirs);
    expect(result.merged).toEqual(theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.taken.sort()).toEqual(["point.a.comment", "proposal.x.0"]);
  });

  it("the same field changed differently: a conflict, with my text kept until the delegate decides", () => {
    const mine = { ...base, "point.a.comment": "我的版本。" };
    const theirs = { ...base, "point.a.comment": "他们的版本。" };
    const result = mergeDraftFields(base, mine, theirs);
    expect(result.conflicts).toEqual(["point.a.comment"]);
    expect(result.merged["point.a.comment"]).toBe("我的版本。");
  });

  it("both made the same change, or only line endings differ: no conflict", () => {
    const mine = { ...base, "point.a.comment": "同样。\r\n" };
    const theirs = { ...base, "point.a.comment": "同样。" };
    expect(mergeDraftFields(base, mine, theirs).conflicts).toEqual([]);
  });
});
