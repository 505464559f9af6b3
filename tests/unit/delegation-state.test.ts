import { describe, expect, it } from "vitest";
import { delegationState, formatStatusTime, type DelegationFacts, type RevisionFacts } from "~/lib/delegation-state";

const at = (day: number, hour = 12) => new Date(Date.UTC(2020, 9, day, hour, 0));

function revision(n: number, over: Partial<RevisionFacts> = {}): RevisionFacts {
  return {
    revisionNumber: n,
    receiptNumber: `CTOC-2020-MAR-${String(n * 3).padStart(4, "0")}`,
    draftVersion: n * 2,
    submittedAt: at(n),
    supersededAt: null,
    withdrawnAt: null,
    late: null,
    ...over,
  };
}

const facts = (over: Partial<DelegationFacts>): DelegationFacts => ({ consultationStatus: "open", draft: null, revisions: [], ...over });

describe("delegationState", () => {
  it("is 'not started' before anything is saved, and says so differently once the period is over", () => {
    expect(delegationState(facts({}))).toEqual({ kind: "notStarted", closed: false });
    // A submission row whose draft was never saved (version 0) is still nothing.
    expect(delegationState(facts({ draft: { version: 0, savedAt: null } }))).toEqual({ kind: "notStarted", closed: false });
    expect(delegationState(facts({ consultationStatus: "closed" }))).toEqual({ kind: "notStarted", closed: true });
  });

  it("is a saved draft, with when, until something is submitted", () => {
    expect(delegationState(facts({ draft: { version: 3, savedAt: at(2, 9) } }))).toEqual({
      kind: "draft",
      closed: false,
      savedAt: at(2, 9).toISOString(),
    });
    expect(delegationState(facts({ consultationStatus: "compiled", draft: { version: 3, savedAt: at(2, 9) } }))).toMatchObject({
      kind: "draft",
      closed: true,
    });
  });

  it("is submitted with the receipt number and time of the revision that counts", () => {
    const state = delegationState(facts({ draft: { version: 2, savedAt: at(1, 11) }, revisions: [revision(1)] }));
    expect(state).toEqual({
      kind: "submitted",
      revision: { revisionNumber: 1, receiptNumber: "CTOC-2020-MAR-0003", submittedAt: at(1).toISOString() },
      lateAccepted: false,
      newerDraft: null,
    });
  });

  it("names the latest revision whatever order the revisions come in", () => {
    const state = delegationState(
      facts({ draft: { version: 4, savedAt: at(2, 11) }, revisions: [revision(2), revision(1, { supersededAt: at(2) })].reverse() }),
    );
    expect(state).toMatchObject({ kind: "submitted", revision: { revisionNumber: 2, receiptNumber: "CTOC-2020-MAR-0006" } });
  });

  it("is 'revised' when the draft was changed after the latest revision and not submitted", () => {
    const state = delegationState(facts({ draft: { version: 5, savedAt: at(3, 8) }, revisions: [revision(2), revision(1, { supersededAt: at(2) })] }));
    expect(state).toEqual({
      kind: "revised",
      revision: { revisionNumber: 2, receiptNumber: "CTOC-2020-MAR-0006", submittedAt: at(2).toISOString() },
      lateAccepted: false,
      newerDraft: { savedAt: at(3, 8).toISOString() },
    });
  });

  it("does not call a draft saved before an emailed submission 'newer'", () => {
    const imported = revision(1, { draftVersion: null, submittedAt: at(5) });
    expect(delegationState(facts({ draft: { version: 2, savedAt: at(4) }, revisions: [imported] })).kind).toBe("submitted");
    expect(delegationState(facts({ draft: { version: 2, savedAt: at(6) }, revisions: [imported] })).kind).toBe("revised");
  });

  it("is a late submission awaiting the secretariat, with the earlier revision that still counts", () => {
    const state = delegationState(facts({ draft: { version: 4, savedAt: at(2, 11) }, revisions: [revision(1), revision(2, { late: "pending" })] }));
    expect(state).toEqual({
      kind: "latePending",
      revision: { revisionNumber: 2, receiptNumber: "CTOC-2020-MAR-0006", submittedAt: at(2).toISOString() },
      standing: { revisionNumber: 1, receiptNumber: "CTOC-2020-MAR-0003", submittedAt: at(1).toISOString() },
      newerDraft: null,
    });
    // Late with nothing before it: nothing stands meanwhile.
    expect(delegationState(facts({ revisions: [revision(1, { late: "pending" })] }))).toMatchObject({ kind: "latePending", standing: null });
  });

  it("is accepted or declined once the secretariat decides", () => {
    expect(delegationState(facts({ revisions: [revision(1, { supersededAt: at(3) }), revision(2, { late: "accepted" })] }))).toMatchObject({
      kind: "submitted",
      lateAccepted: true,
      revision: { revisionNumber: 2 },
    });
    expect(delegationState(facts({ revisions: [revision(1), revision(2, { late: "declined" })] }))).toMatchObject({
      kind: "lateDeclined",
      revision: { revisionNumber: 2 },
      standing: { revisionNumber: 1 },
    });
    // A withdrawn earlier revision does not stand behind a declined one.
    expect(delegationState(facts({ revisions: [revision(1, { withdrawnAt: at(1, 14) }), revision(2, { late: "declined" })] }))).toMatchObject({
      kind: "lateDeclined",
      standing: null,
    });
  });

  it("is withdrawn, with when, after the delegation withdraws its comments", () => {
    const state = delegationState(facts({ draft: { version: 2, savedAt: at(1, 11) }, revisions: [revision(1, { withdrawnAt: at(1, 15) })] }));
    expect(state).toEqual({
      kind: "withdrawn",
      revision: { revisionNumber: 1, receiptNumber: "CTOC-2020-MAR-0003", submittedAt: at(1).toISOString() },
      withdrawnAt: at(1, 15).toISOString(),
      newerDraft: null,
    });
  });

  it("accepts the dates as strings too (loader data after serialisation)", () => {
    const r = revision(1);
    const state = delegationState(facts({ revisions: [{ ...r, submittedAt: (r.submittedAt as Date).toISOString() }] }));
    expect(state).toMatchObject({ kind: "submitted", revision: { submittedAt: at(1).toISOString() } });
  });
});

describe("formatStatusTime", () => {
  const instant = "2020-10-09T12:32:00Z";
  it("writes the month out, with the 24-hour clock, in the reader's zone", () => {
    const en = formatStatusTime(instant, "en", "Europe/Vienna");
    expect(en).toMatch(/^9 October 2020/);
    expect(en).toBe("9 October 2020, 14:32 (Vienna time)");
    expect(formatStatusTime(instant, "en", "America/New_York")).toContain("08:32");
    expect(formatStatusTime(instant, "fr", "Europe/Vienna")).toMatch(/^9 octobre 2020/);
    expect(formatStatusTime(instant, "es", "Europe/Vienna")).toMatch(/^9 de octubre de 2020/);
    expect(formatStatusTime(instant, "ru", "Europe/Vienna")).toMatch(/^9 октября 2020/);
    expect(formatStatusTime(instant, "zh", "Asia/Shanghai")).toMatch(/^2020年10月9日/);
    expect(formatStatusTime(instant, "zh", "Asia/Shanghai")).toContain("20:32");
  });

  it("gives Arabic the month in words and Western digits, as UN documents do", () => {
    const ar = formatStatusTime(instant, "ar", "Africa/Casablanca");
    expect(ar).toContain("أكتوبر");
    expect(ar).toContain("2020");
    expect(ar).not.toMatch(/[\u0660-\u0669]/);
    expect(ar).not.toMatch(/\s[صم](\s|$)/);
  });
});
