// Joint submissions and alignment (issue 19): the pure rules of app/lib/joint.ts, the speaker's name
// in the six languages, the forms, and the emails of app/lib/joint-email.ts.
import { describe, expect, it } from "vitest";
import delegationData from "../../db/seed-data/delegations.json";
import groupData from "../../db/seed-data/groups.json";
import { nameColumns } from "../../db/seed-data/names";
import { fixedTranslator } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import {
  alignmentRefusal,
  alignmentState,
  alignmentWithdrawalRefusal,
  answerRefusal,
  cosponsorState,
  countsAsCosponsor,
  invitationRefusal,
  onBehalfRefusal,
  readAlignmentAction,
  readJointAction,
  removalRefusal,
  speakerInSentence,
  type Speaker,
  type SpeakerGroup,
} from "~/lib/joint";
import { alignmentReceiptMessage, alignmentWithdrawalMessage, cosponsorInvitationMessage } from "~/lib/joint-email";
import { receiptMessage } from "~/lib/submission-email";

const AT = "2026-03-01T10:00:00Z";
const open = { status: "open" as const, deadlinePassed: false };

function delegation(code: string): DelegationNames & DelegationArticles {
  return nameColumns(delegationData.find((row) => row.code === code)!);
}

function group(code: string): SpeakerGroup {
  const g = groupData.groups.find((row) => row.code === code)!;
  return { code: g.code, ...nameColumns(g), memberCount: g.members.length };
}

const EGYPT_FOR_AFRICA: Speaker = { delegation: delegation("EGY"), group: group("AFRICAN") };

describe("the states", () => {
  it("a co-sponsor is invited, then confirmed or declined; a confirmed one may withdraw; only a confirmed one counts", () => {
    expect(cosponsorState({ confirmedAt: null, withdrawnAt: null })).toBe("invited");
    expect(cosponsorState({ confirmedAt: AT, withdrawnAt: null })).toBe("confirmed");
    expect(cosponsorState({ confirmedAt: null, withdrawnAt: AT })).toBe("declined");
    expect(cosponsorState({ confirmedAt: AT, withdrawnAt: AT })).toBe("withdrawn");
    expect(countsAsCosponsor({ confirmedAt: AT, withdrawnAt: null })).toBe(true);
    for (const row of [
      { confirmedAt: null, withdrawnAt: null },
      { confirmedAt: null, withdrawnAt: AT },
      { confirmedAt: AT, withdrawnAt: AT },
    ])
      expect(countsAsCosponsor(row)).toBe(false);
    expect(alignmentState({ withdrawnAt: null })).toBe("active");
    expect(alignmentState({ withdrawnAt: AT })).toBe("withdrawn");
  });
});

describe("on behalf of a group", () => {
  const base = { ...open, groupId: "g", coordinates: true, hasRevisions: false };
  it("is the coordinator's, before its first submission, while open and before its deadline", () => {
    expect(onBehalfRefusal(base)).toBeNull();
    expect(onBehalfRefusal({ ...base, coordinates: false })).toBe("not_coordinator");
    expect(onBehalfRefusal({ ...base, hasRevisions: true })).toBe("already_submitted");
    expect(onBehalfRefusal({ ...base, deadlinePassed: true })).toBe("deadline_passed");
    for (const status of ["draft", "closed", "compiled"] as const) expect(onBehalfRefusal({ ...base, status })).toBe("not_open");
  });
  it("back to its own name needs no coordination, but still comes before the first submission", () => {
    expect(onBehalfRefusal({ ...base, groupId: null, coordinates: false })).toBeNull();
    expect(onBehalfRefusal({ ...base, groupId: null, coordinates: false, hasRevisions: true })).toBe("already_submitted");
  });
});

describe("co-sponsors", () => {
  const invite = { ...open, self: false, registered: true, existing: null };
  it("are registered delegations other than the submitter, named once, again after declining or withdrawing", () => {
    expect(invitationRefusal(invite)).toBeNull();
    expect(invitationRefusal({ ...invite, self: true })).toBe("self");
    expect(invitationRefusal({ ...invite, registered: false })).toBe("not_registered");
    expect(invitationRefusal({ ...invite, existing: "invited" })).toBe("already_invited");
    expect(invitationRefusal({ ...invite, existing: "confirmed" })).toBe("already_invited");
    expect(invitationRefusal({ ...invite, existing: "declined" })).toBeNull();
    expect(invitationRefusal({ ...invite, existing: "withdrawn" })).toBeNull();
    expect(invitationRefusal({ ...invite, deadlinePassed: true })).toBe("deadline_passed");
    expect(invitationRefusal({ ...invite, status: "closed" })).toBe("not_open");
  });
  it("are taken off the list by the submitter unless confirmed: a confirmation is the co-sponsor's to withdraw", () => {
    expect(removalRefusal({ ...open, existing: null })).toBe("not_invited");
    expect(removalRefusal({ ...open, existing: "invited" })).toBeNull();
    expect(removalRefusal({ ...open, existing: "declined" })).toBeNull();
    expect(removalRefusal({ ...open, existing: "confirmed" })).toBe("confirmed");
    expect(removalRefusal({ ...open, deadlinePassed: true, existing: "invited" })).toBe("deadline_passed");
  });
  it("confirm or decline an invitation not yet answered, withdraw a confirmed one, before their own deadline", () => {
    const facts = (state: Parameters<typeof answerRefusal>[1]["state"], extra = {}) => ({ ...open, state, aligned: false, ...extra });
    expect(answerRefusal("confirm", facts("invited"))).toBeNull();
    expect(answerRefusal("decline", facts("invited"))).toBeNull();
    expect(answerRefusal("withdraw", facts("invited"))).toBe("not_confirmed");
    expect(answerRefusal("withdraw", facts("confirmed"))).toBeNull();
    expect(answerRefusal("confirm", facts("confirmed"))).toBe("already_answered");
    expect(answerRefusal("confirm", facts("declined"))).toBe("already_answered");
    expect(answerRefusal("decline", facts("withdrawn"))).toBe("already_answered");
    expect(answerRefusal("withdraw", facts("withdrawn"))).toBe("not_confirmed");
    expect(answerRefusal("confirm", facts(null))).toBe("not_invited");
    expect(answerRefusal("confirm", facts("invited", { deadlinePassed: true }))).toBe("deadline_passed");
    expect(answerRefusal("withdraw", facts("confirmed", { status: "closed" }))).toBe("not_open");
    // Aligned with it already: it either said it or aligned with it.
    expect(answerRefusal("confirm", facts("invited", { aligned: true }))).toBe("aligned");
    expect(answerRefusal("decline", facts("invited", { aligned: true }))).toBeNull();
  });
});

describe("alignment", () => {
  const base = { ...open, self: false, targetCounts: true, groupMember: false, cosponsor: false, existing: null };
  it("is with another's submission that counts, before the aligning delegation's deadline", () => {
    expect(alignmentRefusal(base)).toBeNull();
    expect(alignmentRefusal({ ...base, self: true })).toBe("self");
    expect(alignmentRefusal({ ...base, targetCounts: false })).toBe("not_submitted");
    expect(alignmentRefusal({ ...base, deadlinePassed: true })).toBe("deadline_passed");
    expect(alignmentRefusal({ ...base, status: "closed" })).toBe("not_open");
    // A member of the group may align itself with its group's submission, as in the room.
    expect(alignmentRefusal({ ...base, groupMember: true })).toBeNull();
    expect(alignmentRefusal({ ...base, groupMember: true, existing: "active" })).toBe("already_aligned");
    expect(alignmentRefusal({ ...base, cosponsor: true })).toBe("cosponsor");
    expect(alignmentRefusal({ ...base, existing: "active" })).toBe("already_aligned");
    expect(alignmentRefusal({ ...base, existing: "withdrawn" })).toBeNull();
    // One's own submission is refused whatever else holds.
    expect(alignmentRefusal({ ...base, self: true, targetCounts: false, deadlinePassed: true })).toBe("self");
  });
  it("is withdrawn while in force, before the deadline", () => {
    expect(alignmentWithdrawalRefusal({ ...open, existing: "active" })).toBeNull();
    expect(alignmentWithdrawalRefusal({ ...open, existing: "withdrawn" })).toBe("not_aligned");
    expect(alignmentWithdrawalRefusal({ ...open, existing: null })).toBe("not_aligned");
    expect(alignmentWithdrawalRefusal({ ...open, deadlinePassed: true, existing: "active" })).toBe("deadline_passed");
  });
});

describe("who speaks, in the six languages", () => {
  const name = (language: Language, speaker: Speaker = EGYPT_FOR_AFRICA) =>
    String(speakerInSentence(fixedTranslator(language, "submissions"), speaker, language));
  const t = (language: Language, key: string, options: Record<string, unknown>) => fixedTranslator(language, "submissions")(key, options);

  it("names the delegation on behalf of its group, in the UN phrasing", () => {
    expect(name("en")).toBe("Egypt on behalf of the Group of African States");
    expect(name("fr")).toBe("Égypte, au nom du Groupe des États d'Afrique");
    expect(name("es")).toBe("Egipto, en nombre del Grupo de los Estados de África");
    expect(name("ru")).toBe("Египет (от имени группы: Группа африканских государств)");
    expect(name("zh")).toBe("埃及代表非洲国家组");
    expect(name("ar")).toBe("مصر باسم مجموعة الدول الأفريقية");
    expect(name("en", { delegation: delegation("PER"), group: null })).toBe("Peru");
  });

  it("keeps the delegation's article in French and Spanish sentences", () => {
    const speaker = (language: Language) => speakerInSentence(fixedTranslator(language, "submissions"), EGYPT_FOR_AFRICA, language);
    const morocco = (language: Language) => nameInSentence(delegation("MAR"), language);
    expect(t("fr", "alignment.receipt.statement", { delegation: morocco("fr"), speaker: speaker("fr") })).toBe(
      "La délégation du Maroc s’associe aux observations présentées par l’Égypte, au nom du Groupe des États d'Afrique.",
    );
    expect(t("es", "alignment.receipt.statement", { delegation: morocco("es"), speaker: speaker("es") })).toBe(
      "La delegación de Marruecos se suma a las observaciones presentadas por Egipto, en nombre del Grupo de los Estados de África.",
    );
    expect(t("en", "alignment.receipt.statement", { delegation: morocco("en"), speaker: speaker("en") })).toBe(
      "Morocco aligns itself with the comments submitted by Egypt on behalf of the Group of African States.",
    );
    expect(t("zh", "alignment.receipt.statement", { delegation: morocco("zh"), speaker: speaker("zh") })).toBe("摩洛哥赞同埃及代表非洲国家组提交的意见。");
  });
});

describe("the forms", () => {
  const id = "3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f1a2b3c";
  it("read each intent with its field, and nothing forged", () => {
    expect(readJointAction({ intent: "on-behalf", groupId: id }).data).toEqual({ intent: "on-behalf", groupId: id });
    expect(readJointAction({ intent: "on-behalf", groupId: "" }).data).toEqual({ intent: "on-behalf", groupId: "" });
    expect(readJointAction({ intent: "invite", delegationId: id }).data).toEqual({ intent: "invite", delegationId: id });
    expect(readJointAction({ intent: "confirm", submissionId: id }).data).toEqual({ intent: "confirm", submissionId: id });
    expect(readAlignmentAction({ intent: "withdraw", submissionId: id }).data).toEqual({ intent: "withdraw", submissionId: id });
    const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;
    expect(message(readJointAction({ intent: "invite", delegationId: "" }))).toBe("submissions:joint.errors.chooseDelegation");
    expect(message(readJointAction({ intent: "invite", delegationId: "PER" }))).toBe("common:errors.formUnreadable");
    expect(message(readJointAction({ intent: "confirm", submissionId: "x" }))).toBe("common:errors.formUnreadable");
    expect(message(readJointAction({ intent: "delete-everything" }))).toBe("common:errors.formUnreadable");
    expect(message(readAlignmentAction({ intent: "align" }))).toBe("common:errors.formUnreadable");
  });
});

describe("the emails", () => {
  const context = (language: Language, code = "MAR") => ({
    language,
    recipientName: "Youssef Benali",
    delegationName: nameInSentence(delegation(code), language),
    consultationTitle: "Working Group on Technical Assistance",
    meetingName: "Vienna, 9–10 July 2026",
    meetingTimeZone: "Europe/Vienna",
    recipientTimeZone: "Africa/Casablanca",
    link: "http://nonpaper.test/consultations/x",
  });

  it("the alignment receipt gives the number, who aligned with whom, the time in both zones", () => {
    const message = alignmentReceiptMessage({
      ...context("en"),
      receiptNumber: "CTOC-2020-MAR-0012",
      alignedAt: new Date(AT),
      alignedByName: "Youssef Benali",
      speaker: EGYPT_FOR_AFRICA,
    });
    expect(message.subject).toBe("Receipt CTOC-2020-MAR-0012: alignment of Morocco");
    expect(message.body).toContain("your delegation (Morocco) aligns itself with the comments submitted by Egypt on behalf of the Group of African States on:");
    expect(message.body).toContain("Receipt number: CTOC-2020-MAR-0012");
    expect(message.body).toContain("In your time zone:");
    expect(message.body).toContain("Recorded by: Youssef Benali");
  });

  it("every language has its own words and isolates values in Arabic", () => {
    for (const language of ["ar", "zh", "fr", "ru", "es"] as const) {
      const input = { ...context(language), receiptNumber: "CTOC-2020-MAR-0012", speaker: EGYPT_FOR_AFRICA };
      const receipt = alignmentReceiptMessage({ ...input, alignedAt: new Date(AT), alignedByName: "Y. B." });
      const withdrawn = alignmentWithdrawalMessage({ ...input, withdrawnAt: new Date(AT), withdrawnByName: "Y. B." });
      for (const m of [receipt, withdrawn]) {
        expect(m.subject).toContain("CTOC-2020-MAR-0012");
        expect(m.body).not.toMatch(/alignment\.|joint\.|email\./);
      }
      if (language === "ar") expect(receipt.body).toContain("\u2068CTOC-2020-MAR-0012\u2069");
    }
    expect(
      alignmentReceiptMessage({ ...context("fr"), receiptNumber: "X-MAR-0001", alignedAt: new Date(AT), alignedByName: "Y", speaker: EGYPT_FOR_AFRICA }).body,
    ).toContain("s’associe aux observations présentées par l’Égypte, au nom du Groupe des États d'Afrique");
  });

  it("the invitation names who invites and until when the co-sponsor may answer", () => {
    const message = cosponsorInvitationMessage({ ...context("es", "PER"), speaker: EGYPT_FOR_AFRICA, deadline: new Date(AT) });
    expect(message.subject).toBe("Patrocinio: la delegación de Egipto, en nombre del Grupo de los Estados de África ha indicado a su delegación");
    expect(message.body).toContain("ha indicado a su delegación (Perú) como patrocinadora");
    expect(message.body).toContain("Su delegación puede responder hasta el vencimiento de su plazo:");
  });

  it("the receipt of a submission on behalf of a group names the group", () => {
    const base = {
      ...context("fr", "EGY"),
      receiptNumber: "CTOC-2020-EGY-0003",
      revisionNumber: 1,
      submittedAt: new Date(AT),
      submittedByName: "Nour El-Sayed",
      submissionLanguage: "ar" as const,
      lateAfterDeadline: null,
    };
    expect(receiptMessage({ ...base, onBehalfOf: group("AFRICAN") }).body).toContain(
      "Ces observations sont présentées par l’Égypte au nom du Groupe des États d'Afrique.",
    );
    expect(receiptMessage({ ...base, language: "en", delegationName: nameInSentence(delegation("EGY"), "en"), onBehalfOf: group("AFRICAN") }).body).toContain(
      "These comments are submitted by Egypt on behalf of the Group of African States.",
    );
    expect(receiptMessage(base).body).not.toContain("Ces observations sont présentées par");
  });
});
