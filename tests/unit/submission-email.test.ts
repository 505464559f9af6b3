import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { extensionMessage, languageName, lateDecisionMessage, receiptMessage, withdrawalMessage, type SubmissionMessageContext } from "~/lib/submission-email";
import { nameInSentence } from "~/lib/delegation-names";

const PERU = { nameAr: "بيرو", nameZh: "秘鲁", nameEn: "Peru", nameFr: "Pérou", nameRu: "Перу", nameEs: "Perú", articleFr: "le", articleEs: "el" };
const context: SubmissionMessageContext = {
  language: "en",
  recipientName: "Lucía Fernández",
  delegationName: nameInSentence(PERU, "en"),
  consultationTitle: "Discussion points for future consideration",
  meetingName: "Working Group of Government Experts on Technical Assistance, Vienna, 9–10 July 2020",
  meetingTimeZone: "Europe/Vienna",
  recipientTimeZone: "America/Lima",
  link: "https://nonpaper.example.org/consultations/1",
};
const submittedAt = new Date("2020-08-10T09:30:00Z");
const deadline = new Date("2020-08-14T16:00:00Z");
const receipt = {
  receiptNumber: "CTOC-2020-PER-0007",
  revisionNumber: 2,
  submittedAt,
  submittedByName: "Lucía Fernández",
  submissionLanguage: "es" as const,
  lateAfterDeadline: null,
};

const clean = (text: string) => expect(text).not.toMatch(/undefined|\{\{|email\.[a-zA-Z]|submissions:/);

describe("the receipt email", () => {
  for (const language of LANGUAGE_CODES) {
    it(`${language}: the receipt number, the time in both zones, in the recipient's language`, () => {
      const { subject, body } = receiptMessage({ ...context, ...receipt, language });
      expect(subject).toContain("CTOC-2020-PER-0007");
      expect(body).toContain("CTOC-2020-PER-0007");
      expect(body).toContain(formatInstant(submittedAt, language, "Europe/Vienna"));
      expect(body).toContain(formatInstant(submittedAt, language, "America/Lima"));
      expect(body).toContain(context.consultationTitle);
      expect(body).toContain(context.link);
      expect(body).toContain(languageName("es", language));
      clean(subject);
      clean(body);
    });
  }

  it("is written in each language, not in English", () => {
    const english = receiptMessage({ ...context, ...receipt }).body;
    for (const language of LANGUAGE_CODES.filter((l) => l !== "en")) {
      expect(receiptMessage({ ...context, ...receipt, language }).body).not.toBe(english);
    }
    expect(receiptMessage({ ...context, ...receipt, language: "ar" }).subject).toMatch(/[\u0600-\u06FF]/);
    expect(receiptMessage({ ...context, ...receipt, language: "zh" }).body).toMatch(/[\u4E00-\u9FFF]/);
    expect(receiptMessage({ ...context, ...receipt, language: "ru" }).body).toMatch(/[\u0400-\u04FF]/);
  });

  it("says when a submission is late and held for the secretariat", () => {
    const late = receiptMessage({ ...context, ...receipt, lateAfterDeadline: deadline });
    expect(late.subject).toContain("held for the Secretariat");
    expect(late.body).toContain(`after the deadline (${formatInstant(deadline, "en", "Europe/Vienna")})`);
    expect(receiptMessage({ ...context, ...receipt }).body).not.toContain("after the deadline");
  });

  it("mentions the revision only from the second one, and the time once when the zones agree", () => {
    expect(receiptMessage({ ...context, ...receipt }).body).toContain("This is revision 2");
    expect(receiptMessage({ ...context, ...receipt, revisionNumber: 1 }).body).not.toContain("This is revision");
    const sameZone = receiptMessage({ ...context, ...receipt, recipientTimeZone: "Europe/Vienna" }).body;
    expect(sameZone).not.toContain("In your time zone");
    expect(receiptMessage({ ...context, ...receipt, link: null }).body).not.toContain("are here:");
  });

  it("names the language of the comments in the reader's language", () => {
    expect(languageName("es", "en")).toBe("Spanish");
    expect(languageName("ar", "fr")).toBe("arabe");
    expect(languageName("zh", "ru")).toBe("китайский");
  });
});

describe("the other emails to the mission", () => {
  for (const language of LANGUAGE_CODES) {
    it(`${language}: withdrawal, decisions on a late submission and extensions`, () => {
      const withdrawn = withdrawalMessage({
        ...context,
        language,
        receiptNumber: "CTOC-2020-PER-0007",
        withdrawnAt: submittedAt,
        withdrawnByName: "Lucía Fernández",
        deadline,
      });
      expect(withdrawn.body).toContain("Lucía Fernández");
      expect(withdrawn.body).toContain("CTOC-2020-PER-0007");
      expect(withdrawn.body).toContain(formatInstant(deadline, language, "Europe/Vienna"));
      for (const decision of ["accepted", "declined"] as const) {
        const decided = lateDecisionMessage({ ...context, language, receiptNumber: "CTOC-2020-PER-0008", decision, reason: "Sent on time by email." });
        expect(decided.subject).toContain("CTOC-2020-PER-0008");
        expect(decided.body).toContain("Sent on time by email.");
        clean(decided.subject);
        clean(decided.body);
      }
      const accepted = lateDecisionMessage({ ...context, language, receiptNumber: "R", decision: "accepted", reason: "x" }).body;
      const declined = lateDecisionMessage({ ...context, language, receiptNumber: "R", decision: "declined", reason: "x" }).body;
      expect(accepted).not.toBe(declined);
      const extended = extensionMessage({ ...context, language, until: new Date("2020-08-21T16:00:00Z") });
      expect(extended.body).toContain(formatInstant(new Date("2020-08-21T16:00:00Z"), language, "Europe/Vienna"));
      expect(extended.body).toContain(formatInstant(new Date("2020-08-21T16:00:00Z"), language, "America/Lima"));
      for (const text of [withdrawn.subject, withdrawn.body, extended.subject, extended.body]) clean(text);
    });
  }
});
