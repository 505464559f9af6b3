import { describe, expect, it } from "vitest";
import { CONSULTATION_PAGES, consultationPages, type ConsultationPage } from "~/lib/consultation-pages";
import { CONSULTATION_STATUSES, type ConsultationStatus } from "~/lib/consultation-status";
import { maySeeMission } from "~/lib/focal-point";
import {
  mayCloseReflectionPeriod,
  mayCompileCrp,
  mayDecideLateSubmission,
  mayEditCrpIntroduction,
  mayEditPoint,
  mayEditTranslation,
  mayExtendDeadline,
  mayManageConsultation,
  mayManageOutbox,
  mayManageSubmissions,
  mayManageUsers,
  mayOpenConsultation,
  mayPreviewNonPaper,
  mayReadComments,
  mayReadCrp,
  mayRecordSubmissionOnBehalf,
  mayReviewComments,
  maySeeAuditLog,
  maySeeCurrentWording,
  maySeeRevision,
  mayTranslate,
  mayWriteSubmission,
  mustUseTwoFactor,
  speaksForDelegation,
  type Reader,
  type Role,
} from "~/lib/permissions";

const PERU = "11111111-1111-4111-8111-111111111111";
const FIJI = "22222222-2222-4222-8222-222222222222";

const secretariat: Reader = { role: "secretariat", delegationId: null };
const chair: Reader = { role: "chair", delegationId: null };
const delegate: Reader = { role: "delegate", delegationId: PERU };
const READERS = { secretariat, chair, delegate } as const;
const ROLES = Object.keys(READERS) as Role[];

/** What the rule answers for each role, in the order secretariat, chair, delegate. */
const byRole = (rule: (user: Reader) => boolean) => ROLES.map((role) => rule(READERS[role]));

describe("rules of the role alone", () => {
  // [rule, secretariat, chair, delegate]
  const table: [string, (user: Reader) => boolean, boolean, boolean, boolean][] = [
    ["mayManageConsultation", mayManageConsultation, true, false, false],
    ["maySeeAuditLog", maySeeAuditLog, true, false, false],
    ["maySeeCurrentWording", maySeeCurrentWording, true, true, false],
    ["mayPreviewNonPaper", mayPreviewNonPaper, true, false, false],
    ["mayReadComments", mayReadComments, true, true, false],
    ["mayReviewComments", mayReviewComments, true, true, false],
    ["mayWriteSubmission", mayWriteSubmission, false, false, true],
    ["mayManageSubmissions", mayManageSubmissions, true, false, false],
    ["mayRecordSubmissionOnBehalf", mayRecordSubmissionOnBehalf, true, false, false],
    ["mayTranslate", mayTranslate, true, false, false],
    ["mayReadCrp", mayReadCrp, true, true, false],
    ["mayCompileCrp", mayCompileCrp, true, false, false],
    ["mayManageUsers", mayManageUsers, true, false, false],
    ["mayManageOutbox", mayManageOutbox, true, false, false],
    ["mustUseTwoFactor", mustUseTwoFactor, true, false, false],
  ];
  it.each(table)("%s", (_name, rule, forSecretariat, forChair, forDelegate) => {
    expect(byRole(rule)).toEqual([forSecretariat, forChair, forDelegate]);
  });

  it("asks only the role: a role alone (as the pages have it) answers as the whole user", () => {
    for (const [, rule] of table) for (const role of ROLES) expect(rule({ role })).toBe(rule(READERS[role]));
  });
});

describe("rules of the role and the consultation's stage", () => {
  // For each status: [secretariat, chair, delegate]
  const cases: [string, (user: Reader, consultation: { status: ConsultationStatus }) => boolean, Record<ConsultationStatus, boolean[]>][] = [
    ["mayEditPoint", mayEditPoint, { draft: [true, false, false], open: [true, false, false], closed: [true, false, false], compiled: [false, false, false] }],
    [
      "mayCloseReflectionPeriod",
      mayCloseReflectionPeriod,
      { draft: [false, false, false], open: [true, false, false], closed: [false, false, false], compiled: [false, false, false] },
    ],
    [
      "mayDecideLateSubmission",
      mayDecideLateSubmission,
      { draft: [false, false, false], open: [true, false, false], closed: [true, false, false], compiled: [false, false, false] },
    ],
    [
      "mayExtendDeadline",
      mayExtendDeadline,
      { draft: [false, false, false], open: [true, false, false], closed: [false, false, false], compiled: [false, false, false] },
    ],
    [
      "mayEditCrpIntroduction",
      mayEditCrpIntroduction,
      { draft: [true, false, false], open: [true, false, false], closed: [true, false, false], compiled: [false, false, false] },
    ],
  ];
  for (const [name, rule, expected] of cases) {
    it.each(CONSULTATION_STATUSES)(`${name} when %s`, (status) => {
      expect(byRole((user) => rule(user, { status }))).toEqual(expected[status]);
    });
  }

  it.each(CONSULTATION_STATUSES)("mayEditTranslation when %s: a translator, a current comment, not compiled", (status) => {
    const editable = status !== "compiled";
    expect(byRole((user) => mayEditTranslation(user, { status }, { current: true }))).toEqual([editable, false, false]);
    // A superseded comment's translation is history, whoever asks and whenever.
    expect(byRole((user) => mayEditTranslation(user, { status }, { current: false }))).toEqual([false, false, false]);
  });
});

describe("mayOpenConsultation", () => {
  const facts = [
    { isChair: false, isRegistered: false },
    { isChair: true, isRegistered: false },
    { isChair: false, isRegistered: true },
    { isChair: true, isRegistered: true },
  ];
  it.each(CONSULTATION_STATUSES)("when %s", (status) => {
    for (const f of facts) {
      const consultation = { status, ...f };
      // The secretariat sees every consultation, drafts included.
      expect(mayOpenConsultation(secretariat, consultation)).toBe(true);
      // A draft is the secretariat's alone; after that, a chair sees those they chair…
      expect(mayOpenConsultation(chair, consultation)).toBe(status !== "draft" && f.isChair);
      // …and a delegate those their delegation is registered for.
      expect(mayOpenConsultation(delegate, consultation)).toBe(status !== "draft" && f.isRegistered);
    }
  });
});

describe("maySeeRevision", () => {
  const LATE = [null, "pending", "accepted", "declined"] as const;

  it("lets the secretariat see every revision of every delegation", () => {
    for (const late of LATE) for (const delegationId of [PERU, FIJI]) expect(maySeeRevision(secretariat, { delegationId, late })).toBe(true);
  });

  it("holds a late revision pending or declined back from the chairs", () => {
    expect(LATE.map((late) => maySeeRevision(chair, { delegationId: PERU, late }))).toEqual([true, false, true, false]);
    expect(LATE.map((late) => maySeeRevision(chair, { delegationId: FIJI, late }))).toEqual([true, false, true, false]);
  });

  it("shows a delegate their own delegation's revisions, late or not, and no other's", () => {
    for (const late of LATE) {
      expect(maySeeRevision(delegate, { delegationId: PERU, late })).toBe(true);
      expect(maySeeRevision(delegate, { delegationId: FIJI, late })).toBe(false);
    }
    // A delegate without a delegation (the database forbids it) sees none.
    expect(maySeeRevision({ role: "delegate", delegationId: null }, { delegationId: PERU, late: null })).toBe(false);
  });
});

describe("speaksForDelegation", () => {
  it("is true only for a delegate of that very delegation", () => {
    expect(speaksForDelegation(delegate, PERU)).toBe(true);
    expect(speaksForDelegation(delegate, FIJI)).toBe(false);
    expect(speaksForDelegation(secretariat, PERU)).toBe(false);
    expect(speaksForDelegation(chair, PERU)).toBe(false);
    expect(speaksForDelegation({ role: "delegate", delegationId: null }, PERU)).toBe(false);
    expect(speaksForDelegation({ role: "delegate" }, PERU)).toBe(false);
    // Another role that somehow named the delegation still does not speak for it.
    expect(speaksForDelegation({ role: "secretariat", delegationId: PERU }, PERU)).toBe(false);
  });
});

describe("the consultation's pages agree with the rules", () => {
  // The navigation as it was decided before the rules were gathered here, role by role: the
  // rules must not have changed what anyone is offered.
  function pagesBefore(role: Role, status: ConsultationStatus, circulated: boolean): ConsultationPage[] {
    return CONSULTATION_PAGES.filter((page) => {
      switch (page) {
        case "overview":
          return true;
        case "agenda":
        case "registrations":
        case "groups":
        case "circulation":
        case "audit":
          return role === "secretariat";
        case "closing":
          return role === "secretariat" && status === "open";
        case "submissions":
        case "translations":
          return role === "secretariat" && status !== "draft";
        case "sideBySide":
        case "matrix":
        case "crp":
          return role !== "delegate" && circulated;
        case "submission":
        case "joint":
        case "alignments":
        case "mission":
          return role === "delegate";
      }
    });
  }

  // Which rule answers for each page, and what the page adds (whether there is anything there yet).
  const byRule: Record<ConsultationPage, (user: Reader, status: ConsultationStatus, circulated: boolean) => boolean> = {
    overview: () => true,
    agenda: (user) => mayManageConsultation(user),
    registrations: (user) => mayManageConsultation(user),
    groups: (user) => mayManageConsultation(user),
    circulation: (user) => mayManageConsultation(user),
    closing: (user, status) => mayCloseReflectionPeriod(user, { status }),
    submissions: (user, status) => mayManageSubmissions(user) && status !== "draft",
    translations: (user, status) => mayTranslate(user) && status !== "draft",
    sideBySide: (user, _status, circulated) => mayReadComments(user) && circulated,
    matrix: (user, _status, circulated) => mayReadComments(user) && circulated,
    crp: (user, _status, circulated) => mayReadCrp(user) && circulated,
    audit: (user) => maySeeAuditLog(user),
    submission: (user) => mayWriteSubmission(user),
    joint: (user) => mayWriteSubmission(user),
    alignments: (user) => mayWriteSubmission(user),
    mission: (user) => maySeeMission(user),
    // Not published in these cases (the third argument is left out): never offered.
    dispositions: () => false,
    // A first round (the fifth argument is left out) has no revised text.
    revision: () => false,
  };

  for (const role of ROLES)
    for (const status of CONSULTATION_STATUSES)
      for (const circulated of [false, true]) {
        it(`${role}, ${status}, ${circulated ? "circulated" : "not circulated"}`, () => {
          const pages = consultationPages(role, status, circulated);
          expect(pages).toEqual(CONSULTATION_PAGES.filter((page) => byRule[page](READERS[role], status, circulated)));
          expect(pages).toEqual(pagesBefore(role, status, circulated));
        });
      }

  it("offers the revised text of a later round to the secretariat and the chairs, never to delegates", () => {
    for (const status of CONSULTATION_STATUSES) {
      const crpAt = (pages: string[]) => pages.indexOf("crp") + 1;
      for (const role of ["chair", "secretariat"] as const) {
        const first = consultationPages(role, status, true);
        expect(consultationPages(role, status, true, false, true)).toEqual([...first.slice(0, crpAt(first)), "revision", ...first.slice(crpAt(first))]);
      }
      expect(consultationPages("delegate", status, true, true, true)).not.toContain("revision");
    }
  });

  it("offers a delegate what became of the delegation's comments only once the dispositions are published; nobody else", () => {
    for (const status of CONSULTATION_STATUSES) {
      expect(consultationPages("delegate", status, true, true)).toEqual([...consultationPages("delegate", status, true), "dispositions"]);
      expect(consultationPages("delegate", status, true, false)).not.toContain("dispositions");
      for (const role of ["chair", "secretariat"] as const) expect(consultationPages(role, status, true, true)).toEqual(consultationPages(role, status, true));
    }
  });

  it("offers a consultation's reader at least its overview, and never a page that does not exist", () => {
    for (const role of ROLES)
      for (const status of CONSULTATION_STATUSES) {
        const pages = consultationPages(role, status, status !== "draft");
        expect(pages[0]).toBe("overview");
        expect(CONSULTATION_PAGES).toEqual(expect.arrayContaining(pages));
      }
  });
});
