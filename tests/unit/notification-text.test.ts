import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { circulationMessage, type CirculationMessageInput } from "~/lib/notification-text";
import { nameInSentence } from "~/lib/delegation-names";

const PERU = { nameAr: "بيرو", nameZh: "秘鲁", nameEn: "Peru", nameFr: "Pérou", nameRu: "Перу", nameEs: "Perú", articleFr: "le", articleEs: "el" };
const deadline = new Date("2020-08-14T16:00:00Z");
const base: CirculationMessageInput = {
  language: "en",
  recipientName: "Lucía Fernández",
  isInvitee: false,
  delegationName: nameInSentence(PERU, "en"),
  consultationTitle: "Discussion points for future consideration",
  meetingName: "Working Group of Government Experts on Technical Assistance, Vienna, 9–10 July 2020",
  deadline,
  meetingTimeZone: "Europe/Vienna",
  recipientTimeZone: "America/Lima",
  link: "https://nonpaper.example.org/consultations/1",
  coveringNote: "The Secretariat of the United Nations Office on Drugs and Crime presents its compliments …",
};

describe("the circulation email", () => {
  for (const language of LANGUAGE_CODES) {
    it(`${language}: subject and body in the language, with the deadline in both zones`, () => {
      const { subject, body } = circulationMessage({ ...base, language });
      expect(subject.trim()).not.toBe("");
      expect(subject).toContain(base.consultationTitle);
      expect(body).toContain(formatInstant(deadline, language, "Europe/Vienna"));
      expect(body).toContain(formatInstant(deadline, language, "America/Lima"));
      expect(body).toContain(base.link);
      expect(body).toContain(base.coveringNote);
      expect(body).toContain("Lucía Fernández");
      expect(`${subject}\n${body}`).not.toMatch(/undefined|\{\{|email\.|circulation:/);
    });
  }

  it("is written in each language, not in English", () => {
    const english = circulationMessage(base).body;
    const bodies = Object.fromEntries(LANGUAGE_CODES.map((language) => [language, circulationMessage({ ...base, language }).body])) as Record<Language, string>;
    for (const language of LANGUAGE_CODES.filter((l) => l !== "en")) expect(bodies[language]).not.toBe(english);
    // The Arabic message is Arabic: its own lines (not the quoted English data) are in Arabic script.
    const ownLines = bodies.ar
      .split(base.coveringNote)[0]!
      .split("\n")
      .filter(
        (line) => line.trim() && !line.includes(base.consultationTitle) && !line.includes(base.meetingName) && !line.startsWith("http") && !/^─+$/.test(line),
      );
    expect(ownLines.length).toBeGreaterThan(5);
    for (const line of ownLines) expect(line, line).toMatch(/[\u0600-\u06FF]/);
    expect(circulationMessage({ ...base, language: "ar" }).subject).toMatch(/[\u0600-\u06FF]/);
    expect(bodies.zh).toMatch(/[\u4E00-\u9FFF]/);
    expect(bodies.ru).toMatch(/[\u0400-\u04FF]/);
  });

  it("gives the deadline once when the recipient's zone is the meeting's or unknown", () => {
    for (const recipientTimeZone of ["Europe/Vienna", null]) {
      const { body } = circulationMessage({ ...base, recipientTimeZone });
      expect(body).toContain(formatInstant(deadline, "en", "Europe/Vienna"));
      expect(body).not.toContain("In your time zone");
    }
    expect(circulationMessage(base).body).toContain(`In your time zone: ${formatInstant(deadline, "en", "America/Lima")}`);
  });

  it("greets an invitee without a name and tells them to accept the invitation first", () => {
    const { body } = circulationMessage({ ...base, recipientName: null, isInvitee: true });
    expect(body.startsWith("Dear colleague,\n")).toBe(true);
    expect(body).toContain("Accept that invitation to create your account");
    expect(circulationMessage(base).body).toContain("Read the discussion points and submit your delegation's comments here:");
  });
});
