import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { isEarlyClosing, missionStanding, needsReminder, remindedToday, reminderDay } from "~/lib/closing";
import { closingMessage, deadlineChangeMessage, diplomaticInstant, reminderMessage, type MissionMailContext } from "~/lib/deadline-email";
import { INVITATION_DEADLINE_MARGIN_MS, INVITATION_LIFETIME_MS, invitationExpiry } from "~/lib/invitation-rules";
import { nameInSentence } from "~/lib/delegation-names";

const PERU = { nameAr: "بيرو", nameZh: "秘鲁", nameEn: "Peru", nameFr: "Pérou", nameRu: "Перу", nameEs: "Perú", articleFr: "le", articleEs: "el" };
const deadline = new Date("2020-08-14T16:00:00Z");
const base: MissionMailContext = {
  language: "en",
  recipientName: "Lucía Fernández",
  delegationName: nameInSentence(PERU, "en"),
  consultationTitle: "Discussion points for future consideration",
  meetingName: "Working Group of Government Experts on Technical Assistance, Vienna, 9–10 July 2020",
  meetingTimeZone: "Europe/Vienna",
  recipientTimeZone: "America/Lima",
  link: "https://nonpaper.example.org/consultations/1",
};

describe("dates as diplomatic mail writes them", () => {
  it("writes the weekday and month in words, the 24-hour clock and the duty station's time, in each language", () => {
    expect(diplomaticInstant(deadline, "en", "Europe/Vienna")).toBe("18:00 (Vienna time) on Friday, 14 August 2020");
    expect(diplomaticInstant(deadline, "fr", "Europe/Vienna")).toBe("vendredi 14 août 2020 à 18 h 00 (heure de Vienne)");
    expect(diplomaticInstant(deadline, "es", "Europe/Vienna")).toBe("viernes 14 de agosto de 2020, a las 18.00 horas (hora de Viena)");
    expect(diplomaticInstant(deadline, "ru", "Europe/Vienna")).toBe("18:00 (по венскому времени), пятница, 14 августа 2020 года");
    expect(diplomaticInstant(deadline, "zh", "Europe/Vienna")).toBe("2020年8月14日（星期五）维也纳时间18:00");
    expect(diplomaticInstant(deadline, "ar", "Europe/Vienna")).toBe("الساعة 18:00 (بتوقيت فيينا) يوم الجمعة 14 أغسطس 2020");
  });

  it("uses the meeting's clock (a New York meeting says New York time) and names other zones in the reader's language", () => {
    expect(diplomaticInstant(deadline, "en", "America/New_York")).toBe("12:00 (New York time) on Friday, 14 August 2020");
    expect(diplomaticInstant(deadline, "fr", "America/Lima")).toContain("11 h 00 (heure de Lima)");
    // A zone without a city phrase: its long name in the reader's language.
    expect(diplomaticInstant(deadline, "fr", "Asia/Yangon")).toContain("22 h 30 (heure du Myanmar)");
    expect(diplomaticInstant(deadline, "en", "UTC")).toBe("16:00 (UTC) on Friday, 14 August 2020");
    // Never abbreviated, never numeric: no "Aug", no "14/08".
    for (const language of LANGUAGE_CODES) expect(diplomaticInstant(deadline, language, "Europe/Vienna")).not.toMatch(/\d+\/\d+|Aug\b/);
  });
});

describe("the emails to the missions", () => {
  for (const language of LANGUAGE_CODES) {
    it(`${language}: closing, deadline change and reminder are written in the language, with both clocks`, () => {
      const ctx = { ...base, language };
      const messages = [
        closingMessage({
          ...ctx,
          closedAt: new Date("2020-08-10T09:00:00Z"),
          earlyBeforeDeadline: deadline,
          reason: "Decided by the extended Bureau.",
          standing: "draftOnly",
        }),
        deadlineChangeMessage({ ...ctx, previous: new Date("2020-08-10T16:00:00Z"), next: deadline, ownExtension: null }),
        reminderMessage({ ...ctx, deadline, standing: "nothing" }),
      ];
      for (const { subject, body } of messages) {
        expect(subject).toContain(base.consultationTitle);
        expect(body).toContain(base.link);
        expect(body).toContain(base.meetingName);
        expect(body).toContain(diplomaticInstant(deadline, language, "Europe/Vienna"));
        expect(`${subject}\n${body}`).not.toMatch(/undefined|\{\{|missionMail\.|consultations:/);
      }
      // The new deadline and the reminder's in the recipient's zone too; the closing time in both.
      for (const { body } of messages.slice(1)) expect(body).toContain(diplomaticInstant(deadline, language, "America/Lima"));
      expect(messages[0]!.body).toContain(diplomaticInstant(new Date("2020-08-10T09:00:00Z"), language, "America/Lima"));
      expect(messages[0]!.body).toContain("Decided by the extended Bureau.");
      if (language !== "en") expect(messages[2]!.body).not.toBe(reminderMessage({ ...base, deadline, standing: "nothing" }).body);
    });
  }

  it("says whether the deadline was extended or otherwise changed, and keeps a later extension of the delegation", () => {
    const later = deadlineChangeMessage({ ...base, previous: new Date("2020-08-10T16:00:00Z"), next: deadline, ownExtension: null });
    expect(later.subject).toBe(`Deadline extended: ${base.consultationTitle}`);
    expect(later.body).toContain("Previous deadline: 18:00 (Vienna time) on Monday, 10 August 2020");
    const earlier = deadlineChangeMessage({
      ...base,
      previous: new Date("2020-08-20T16:00:00Z"),
      next: deadline,
      ownExtension: new Date("2020-08-21T16:00:00Z"),
    });
    expect(earlier.subject).toBe(`Deadline changed: ${base.consultationTitle}`);
    expect(earlier.body).toContain("The deadline extended for your delegation, 18:00 (Vienna time) on Friday, 21 August 2020, still applies.");
  });

  it("tells a mission what became of its draft when the period is closed, and gives the early deadline", () => {
    const closed = (standing: "submitted" | "draftOnly" | "changedSinceSubmission" | "nothing", early: Date | null) =>
      closingMessage({ ...base, closedAt: new Date("2020-08-10T09:00:00Z"), earlyBeforeDeadline: early, reason: null, standing }).body;
    expect(closed("draftOnly", deadline)).toContain("The draft of your delegation was not submitted.");
    expect(closed("draftOnly", deadline)).toContain("closed before its deadline, 18:00 (Vienna time) on Friday, 14 August 2020");
    expect(closed("changedSinceSubmission", null)).toContain("were not submitted; the comments last submitted stand.");
    expect(closed("nothing", null)).toContain("No comments were received from your delegation.");
    expect(closed("submitted", null)).not.toMatch(/draft|No comments/);
    expect(closed("submitted", null)).not.toContain("before its deadline");
  });
});

describe("a reminder without a deadline", () => {
  it("leaves the deadline out rather than inventing one", () => {
    const { body } = reminderMessage({ ...base, deadline: null, standing: "draftOnly" });
    expect(body).not.toContain("Deadline for comments");
    expect(body).not.toContain("1970");
    expect(body).toContain("Your delegation has a draft that has not been submitted");
  });
});

describe("where a delegation stands", () => {
  const at = (iso: string) => new Date(iso);
  it("tells a draft never submitted, a submission with later changes, a standing submission and nothing apart", () => {
    expect(missionStanding({ draftVersion: 0, draftUpdatedAt: null, latest: null })).toBe("nothing");
    expect(missionStanding({ draftVersion: null, draftUpdatedAt: null, latest: null })).toBe("nothing");
    expect(missionStanding({ draftVersion: 3, draftUpdatedAt: at("2020-08-01T10:00:00Z"), latest: null })).toBe("draftOnly");
    const submitted = { draftVersion: 3, submittedAt: at("2020-08-02T10:00:00Z"), withdrawnAt: null, late: null };
    expect(missionStanding({ draftVersion: 3, draftUpdatedAt: at("2020-08-01T10:00:00Z"), latest: submitted })).toBe("submitted");
    expect(missionStanding({ draftVersion: 5, draftUpdatedAt: at("2020-08-03T10:00:00Z"), latest: submitted })).toBe("changedSinceSubmission");
    // Withdrawn or declined: nothing stands; the draft is what is left.
    expect(
      missionStanding({ draftVersion: 3, draftUpdatedAt: at("2020-08-01T10:00:00Z"), latest: { ...submitted, withdrawnAt: at("2020-08-04T10:00:00Z") } }),
    ).toBe("draftOnly");
    expect(missionStanding({ draftVersion: 0, draftUpdatedAt: null, latest: { ...submitted, late: "declined" } })).toBe("nothing");
    // A late submission held for the secretariat counts as submitted.
    expect(missionStanding({ draftVersion: 3, draftUpdatedAt: at("2020-08-01T10:00:00Z"), latest: { ...submitted, late: "pending" } })).toBe("submitted");
    expect(needsReminder("submitted")).toBe(false);
    expect(needsReminder("changedSinceSubmission")).toBe(true);
  });

  it("counts reminder days on the meeting's clock and closing as early only before the deadline", () => {
    // 23:30 UTC on 14 August is already 15 August in Vienna.
    expect(reminderDay(at("2020-08-14T23:30:00Z"), "Europe/Vienna")).toBe("2020-08-15");
    expect(remindedToday(at("2020-08-14T21:00:00Z"), at("2020-08-14T23:30:00Z"), "Europe/Vienna")).toBe(false);
    expect(remindedToday(at("2020-08-14T07:00:00Z"), at("2020-08-14T20:00:00Z"), "Europe/Vienna")).toBe(true);
    expect(remindedToday(null, at("2020-08-14T20:00:00Z"), "Europe/Vienna")).toBe(false);
    expect(isEarlyClosing(deadline, at("2020-08-14T15:59:00Z"))).toBe(true);
    expect(isEarlyClosing(deadline, deadline)).toBe(false);
    expect(isEarlyClosing(null, deadline)).toBe(false);
  });
});

describe("an invitation's expiry", () => {
  it("is never before the deadline it invites to plus the margin", () => {
    const now = new Date("2020-07-01T10:00:00Z");
    expect(invitationExpiry(now, null).getTime()).toBe(now.getTime() + INVITATION_LIFETIME_MS);
    // A deadline three days away: the usual fourteen days cover it.
    expect(invitationExpiry(now, new Date("2020-07-04T10:00:00Z")).getTime()).toBe(now.getTime() + INVITATION_LIFETIME_MS);
    // A deadline six weeks away: the link lives until a week after it.
    const far = new Date("2020-08-14T16:00:00Z");
    expect(invitationExpiry(now, far).getTime()).toBe(far.getTime() + INVITATION_DEADLINE_MARGIN_MS);
  });
});
