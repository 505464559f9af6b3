// Clearance inside a mission (issue 19), the pure rules: where the current draft stands, who may
// submit it (a drafter only a cleared version, an approver clearing as they submit), who may ask,
// who sets the mission's clearance and its approvers, the delegation's state and the secretariat's
// standings with the new states, and the approver's email in six languages.
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "~/i18n/languages";
import {
  ClearanceSettingsSchema,
  clearanceChangeRefusal,
  clearanceRefusalMessage,
  draftClearance,
  mayDesignateApprovers,
  maySetMissionClearance,
  parseSwitch,
  requestClearanceRule,
  submitClearance,
  type ClearanceFacts,
} from "~/lib/clearance";
import { clearanceRequestMessage } from "~/lib/clearance-email";
import { missionStanding, needsReminder } from "~/lib/closing";
import { delegateNextAction } from "~/lib/consultation-overview";
import { closingMessage, reminderMessage } from "~/lib/deadline-email";
import { nameInSentence } from "~/lib/delegation-names";
import { delegationState, type DelegationFacts } from "~/lib/delegation-state";

const at = (hour: number, minute = 0) => new Date(Date.UTC(2020, 7, 3, hour, minute));

const facts = (over: Partial<ClearanceFacts> = {}): ClearanceFacts => ({
  required: true,
  draftVersion: 4,
  draftUpdatedAt: at(9),
  requestedAt: null,
  clearedDraftVersion: null,
  ...over,
});

describe("where the current draft stands", () => {
  it("says nothing of clearance where the mission does not require it", () => {
    expect(draftClearance(facts({ required: false, requestedAt: at(10), clearedDraftVersion: 4 }))).toBe("notRequired");
  });

  it("is awaiting from the request until the draft is saved again", () => {
    expect(draftClearance(facts())).toBe("uncleared");
    expect(draftClearance(facts({ requestedAt: at(10) }))).toBe("awaiting");
    // Saved at the very moment of the request: the request covers that version.
    expect(draftClearance(facts({ requestedAt: at(9) }))).toBe("awaiting");
    // Saved after the request: a new version, which the request does not cover.
    expect(draftClearance(facts({ requestedAt: at(10), draftUpdatedAt: at(10, 1) }))).toBe("uncleared");
  });

  it("is cleared for the exact version only: an edit after clearance voids it", () => {
    expect(draftClearance(facts({ clearedDraftVersion: 4, requestedAt: at(10) }))).toBe("cleared");
    expect(draftClearance(facts({ clearedDraftVersion: 3, draftVersion: 4 }))).toBe("uncleared");
    expect(draftClearance(facts({ clearedDraftVersion: 4, draftVersion: 5, draftUpdatedAt: at(11) }))).toBe("uncleared");
  });

  it("has nothing to clear before anything is saved", () => {
    expect(draftClearance(facts({ draftVersion: 0, requestedAt: at(10), clearedDraftVersion: 0 }))).toBe("uncleared");
    expect(draftClearance(facts({ draftVersion: null, draftUpdatedAt: null }))).toBe("uncleared");
  });
});

describe("who may submit", () => {
  const input = { required: true, approver: false, draftVersion: 4, clearedDraftVersion: null as number | null };

  it("anyone of a mission that does not require clearance, clearing nothing", () => {
    expect(submitClearance({ ...input, required: false })).toEqual({ ok: true, clears: false });
    expect(submitClearance({ ...input, required: false, approver: true })).toEqual({ ok: true, clears: false });
  });

  it("not a drafter whose version is not cleared (never cleared, or changed since)", () => {
    expect(submitClearance(input)).toEqual({ ok: false, reason: "not_cleared" });
    expect(submitClearance({ ...input, clearedDraftVersion: 3 })).toEqual({ ok: false, reason: "not_cleared" });
  });

  it("a drafter whose exact version an approver cleared", () => {
    expect(submitClearance({ ...input, clearedDraftVersion: 4 })).toEqual({ ok: true, clears: false });
  });

  it("an approver, who clears the version by submitting it (once: a version already cleared stays as it was)", () => {
    expect(submitClearance({ ...input, approver: true })).toEqual({ ok: true, clears: true });
    expect(submitClearance({ ...input, approver: true, clearedDraftVersion: 3 })).toEqual({ ok: true, clears: true });
    expect(submitClearance({ ...input, approver: true, clearedDraftVersion: 4 })).toEqual({ ok: true, clears: false });
  });
});

describe("who may ask for clearance", () => {
  it("a drafter of a mission that requires it, for a saved draft not yet cleared", () => {
    expect(requestClearanceRule({ ...facts(), approver: false })).toEqual({ ok: true, repeated: false });
  });

  it("once per version: asking again for the same version records nothing new", () => {
    expect(requestClearanceRule({ ...facts({ requestedAt: at(10) }), approver: false })).toEqual({ ok: true, repeated: true });
    // The draft changed since the request: a new request, a new email.
    expect(requestClearanceRule({ ...facts({ requestedAt: at(10), draftUpdatedAt: at(11), draftVersion: 5 }), approver: false })).toEqual({
      ok: true,
      repeated: false,
    });
  });

  it("nobody where the mission does not require it; an approver clears instead; a cleared version needs no request", () => {
    expect(requestClearanceRule({ ...facts({ required: false }), approver: false })).toEqual({ ok: false, reason: "not_required" });
    expect(requestClearanceRule({ ...facts(), approver: true })).toEqual({ ok: false, reason: "approver" });
    expect(requestClearanceRule({ ...facts({ clearedDraftVersion: 4 }), approver: false })).toEqual({ ok: false, reason: "already_cleared" });
    expect(requestClearanceRule({ ...facts({ draftVersion: 0, draftUpdatedAt: null }), approver: false })).toEqual({ ok: false, reason: "empty" });
  });
});

describe("who sets the mission's clearance and its approvers", () => {
  const PER = "00000000-0000-4000-8000-000000000001";
  const EGY = "00000000-0000-4000-8000-000000000002";

  it("the secretariat for any mission; an approver for their own only; nobody else", () => {
    expect(maySetMissionClearance({ role: "secretariat", approver: false }, PER)).toBe(true);
    expect(maySetMissionClearance({ role: "delegate", delegationId: PER, approver: true }, PER)).toBe(true);
    expect(maySetMissionClearance({ role: "delegate", delegationId: EGY, approver: true }, PER)).toBe(false);
    expect(maySetMissionClearance({ role: "delegate", delegationId: PER, approver: false }, PER)).toBe(false);
    expect(maySetMissionClearance({ role: "chair", approver: false }, PER)).toBe(false);
  });

  it("approvers are named by the secretariat alone", () => {
    expect(mayDesignateApprovers({ role: "secretariat" })).toBe(true);
    expect(mayDesignateApprovers({ role: "delegate", delegationId: PER })).toBe(false);
    expect(mayDesignateApprovers({ role: "chair" })).toBe(false);
  });

  it("never leaves a mission that requires clearance without an active approver", () => {
    expect(clearanceChangeRefusal({ required: true, approversAfter: 0 })).toBe("no_approver");
    expect(clearanceChangeRefusal({ required: true, approversAfter: 1 })).toBeNull();
    expect(clearanceChangeRefusal({ required: false, approversAfter: 0 })).toBeNull();
  });

  it("reads only the buttons' values, and names every refusal by a key", () => {
    expect([parseSwitch("on"), parseSwitch("off"), parseSwitch("yes"), parseSwitch(null)]).toEqual([true, false, null, null]);
    expect(ClearanceSettingsSchema.safeParse({ intent: "set-approver", userId: PER, approver: "on" }).success).toBe(true);
    expect(ClearanceSettingsSchema.safeParse({ intent: "set-clearance", delegationId: PER, required: "off" }).success).toBe(true);
    expect(ClearanceSettingsSchema.safeParse({ intent: "set-clearance", delegationId: "PER", required: "off" }).success).toBe(false);
    expect(ClearanceSettingsSchema.safeParse({ intent: "set-approver", userId: PER, approver: "true" }).success).toBe(false);
    expect(clearanceRefusalMessage("not_cleared")).toBe("submissions:clearance.errors.notCleared");
    expect(clearanceRefusalMessage("invalid")).toBe("common:errors.formUnreadable");
  });
});

describe("the delegation's state with clearance", () => {
  const base: DelegationFacts = { consultationStatus: "open", draft: { version: 4, savedAt: at(9) }, revisions: [] };
  const clearance = { required: true, requestedAt: at(10), requestedBy: "Nadia Hassan", clearedDraftVersion: null };

  it("is 'awaiting clearance' (who asked, when) in place of a draft", () => {
    expect(delegationState({ ...base, clearance })).toEqual({
      kind: "awaitingClearance",
      savedAt: at(9).toISOString(),
      requestedAt: at(10).toISOString(),
      requestedBy: "Nadia Hassan",
      revision: null,
    });
    expect(delegateNextAction(delegationState({ ...base, clearance }))).toEqual({ submitted: false, action: "continue" });
  });

  it("keeps the revision that counts meanwhile for a revised draft awaiting clearance", () => {
    const revision = {
      revisionNumber: 1,
      receiptNumber: "CTOC-2020-EGY-0003",
      draftVersion: 2,
      submittedAt: at(8),
      supersededAt: null,
      withdrawnAt: null,
      late: null,
    };
    const state = delegationState({ ...base, revisions: [revision], clearance });
    expect(state).toMatchObject({ kind: "awaitingClearance", revision: { revisionNumber: 1, receiptNumber: "CTOC-2020-EGY-0003" } });
    expect(delegateNextAction(state)).toEqual({ submitted: true, action: "revise" });
  });

  it("is a draft again once it changes after the request, once cleared, without the requirement, or once the period is over", () => {
    expect(delegationState({ ...base, draft: { version: 5, savedAt: at(11) }, clearance }).kind).toBe("draft");
    expect(delegationState({ ...base, clearance: { ...clearance, clearedDraftVersion: 4 } }).kind).toBe("draft");
    expect(delegationState({ ...base, clearance: { ...clearance, required: false } }).kind).toBe("draft");
    expect(delegationState({ ...base, consultationStatus: "closed", clearance })).toMatchObject({ kind: "draft", closed: true });
    // A mission without clearance (or a page that says nothing of it) works as before.
    expect(delegationState(base)).toEqual({ kind: "draft", closed: false, savedAt: at(9).toISOString() });
  });
});

describe("the secretariat's standings", () => {
  const latest = { draftVersion: 4, submittedAt: at(12), withdrawnAt: null, late: null };
  const draft = { draftVersion: 4, draftUpdatedAt: at(9) };
  const clearance = { required: true, requestedAt: at(10), clearedDraftVersion: null };

  it("not started, drafting, awaiting clearance, submitted, aligned", () => {
    expect(missionStanding({ draftVersion: 0, draftUpdatedAt: null, latest: null, clearance: null, aligned: false })).toBe("nothing");
    expect(missionStanding({ ...draft, latest: null })).toBe("draftOnly");
    expect(missionStanding({ ...draft, latest: null, clearance })).toBe("awaitingClearance");
    expect(missionStanding({ ...draft, latest })).toBe("submitted");
    expect(missionStanding({ draftVersion: 0, draftUpdatedAt: null, latest: null, aligned: true })).toBe("aligned");
  });

  it("counts its own submission before an alignment, and an alignment before a draft of its own", () => {
    expect(missionStanding({ ...draft, latest, aligned: true })).toBe("submitted");
    expect(missionStanding({ ...draft, latest: null, clearance, aligned: true })).toBe("aligned");
    expect(missionStanding({ ...draft, latest: { ...latest, withdrawnAt: at(13) }, aligned: true })).toBe("aligned");
  });

  it("reminds those not submitted and not aligned, a draft awaiting clearance included", () => {
    expect(needsReminder("awaitingClearance")).toBe(true);
    expect(needsReminder("draftOnly")).toBe(true);
    expect(needsReminder("nothing")).toBe(true);
    expect(needsReminder("changedSinceSubmission")).toBe(true);
    expect(needsReminder("aligned")).toBe(false);
    expect(needsReminder("submitted")).toBe(false);
  });
});

const EGYPT = { nameAr: "مصر", nameZh: "埃及", nameEn: "Egypt", nameFr: "Égypte", nameRu: "Египет", nameEs: "Egipto", articleFr: "l'", articleEs: null };

describe("the mission's emails", () => {
  const context = (language: (typeof LANGUAGE_CODES)[number]) => ({
    language,
    recipientName: "Ahmed Farouk",
    delegationName: nameInSentence(EGYPT, language),
    consultationTitle: "Technical assistance: discussion points",
    meetingName: "Working Group on Technical Assistance, Vienna, 9–10 July 2020",
    meetingTimeZone: "Europe/Vienna",
    recipientTimeZone: "Africa/Cairo",
    link: "http://nonpaper.test/consultations/1",
  });

  it("asks the approver, in each language, to review, clear and submit, with the review page's address", () => {
    const bodies = LANGUAGE_CODES.map((language) => {
      const { subject, body } = clearanceRequestMessage({
        ...context(language),
        requestedByName: "Nadia Hassan",
        requestedAt: new Date("2020-07-20T08:00:00Z"),
        reviewLink: "http://nonpaper.test/consultations/1/submission/review",
      });
      expect(subject).not.toMatch(/{{|}}|clearance\./);
      expect(body).not.toMatch(/{{|}}|clearance\./);
      expect(body).toContain("Nadia Hassan");
      expect(body).toContain("Ahmed Farouk");
      expect(body).toContain("http://nonpaper.test/consultations/1/submission/review");
      // The review page is the address: not the consultation's.
      expect(body).not.toContain("http://nonpaper.test/consultations/1\n");
      // Asked at 10:00 in Vienna, and on the approver's own clock in Cairo.
      expect(body.split("\n").filter((line) => /10[:.h ]+00|10:00/.test(line)).length).toBeGreaterThanOrEqual(1);
      return body;
    });
    expect(new Set(bodies).size).toBe(LANGUAGE_CODES.length);
    const en = clearanceRequestMessage({ ...context("en"), requestedByName: "Nadia Hassan", requestedAt: new Date("2020-07-20T08:00:00Z"), reviewLink: null });
    expect(en.subject).toBe("Clearance requested: comments of Egypt");
    expect(en.body).toContain("Nadia Hassan asks you to clear the comments of your delegation (Egypt)");
  });

  it("reminds a mission whose draft awaits clearance of it, and tells it at closing that the draft was not submitted", () => {
    const reminder = reminderMessage({ ...context("en"), deadline: new Date("2020-08-14T16:00:00Z"), standing: "awaitingClearance" });
    expect(reminder.body).toContain("The draft of your delegation is awaiting clearance by an approver of your mission; it has not been submitted.");
    const closed = (standing: "awaitingClearance" | "draftOnly" | "aligned" | "submitted") =>
      closingMessage({ ...context("en"), closedAt: new Date("2020-08-15T09:00:00Z"), earlyBeforeDeadline: null, reason: null, standing }).body;
    expect(closed("awaitingClearance")).toBe(closed("draftOnly"));
    expect(closed("aligned")).toBe(closed("submitted"));
  });
});
