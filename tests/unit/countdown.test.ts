import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18next";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { countdownText } from "~/components/ui/countdown";
import { countdownParts, countdownStage, COUNTDOWN_REFRESH_MS, nextRefreshIn, submissionWindow, timeLeft } from "~/lib/countdown";

const tFor = (language: Language) => createI18n(language).getFixedT(language, "submissions");

const DEADLINE = Date.parse("2020-08-14T16:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("timeLeft and countdownParts", () => {
  const parts = (ms: number) => countdownParts(timeLeft(DEADLINE, DEADLINE - ms));

  it("shows two units at most, rounded down, largest first", () => {
    expect(parts(3 * DAY + 4 * HOUR + 59 * MINUTE)).toEqual({ kind: "days", days: 3, hours: 4 });
    expect(parts(3 * DAY + 30 * MINUTE)).toEqual({ kind: "days", days: 3, hours: 0 });
    expect(parts(4 * HOUR + 12 * MINUTE + 59_999)).toEqual({ kind: "hours", hours: 4, minutes: 12 });
    expect(parts(45 * MINUTE + 30_000)).toEqual({ kind: "minutes", minutes: 45 });
    expect(parts(59_999)).toEqual({ kind: "underMinute" });
    expect(parts(1)).toEqual({ kind: "underMinute" });
  });

  it("is passed at the deadline itself and after", () => {
    expect(parts(0)).toEqual({ kind: "passed" });
    expect(parts(-5 * DAY)).toEqual({ kind: "passed" });
    expect(timeLeft("2020-08-14T16:00:00.000Z", DEADLINE)).toEqual({ passed: true });
    expect(timeLeft(new Date(DEADLINE), DEADLINE - 1)).toMatchObject({ passed: false, ms: 1 });
  });

  it("tells screen readers only of the last hour and the deadline passing", () => {
    expect(countdownStage(timeLeft(DEADLINE, DEADLINE - HOUR - 1))).toBe("running");
    expect(countdownStage(timeLeft(DEADLINE, DEADLINE - HOUR))).toBe("lastHour");
    expect(countdownStage(timeLeft(DEADLINE, DEADLINE))).toBe("passed");
  });

  it("refreshes every 30 s, and exactly at the deadline", () => {
    expect(nextRefreshIn(timeLeft(DEADLINE, DEADLINE - 40 * DAY))).toBe(COUNTDOWN_REFRESH_MS);
    expect(nextRefreshIn(timeLeft(DEADLINE, DEADLINE - 12_000))).toBe(12_000);
    expect(nextRefreshIn(timeLeft(DEADLINE, DEADLINE))).toBeNull();
  });
});

describe("countdownText in the six languages", () => {
  const at = (ms: number) => timeLeft(DEADLINE, DEADLINE - ms);

  it("uses each language's plural forms", () => {
    const en = tFor("en");
    expect(countdownText(en, at(3 * DAY + 4 * HOUR))).toBe("3 days 4 hours");
    expect(countdownText(en, at(1 * DAY + 1 * HOUR))).toBe("1 day 1 hour");
    expect(countdownText(en, at(2 * DAY))).toBe("2 days");
    expect(countdownText(en, at(45 * MINUTE))).toBe("45 minutes");
    expect(countdownText(en, at(1 * MINUTE))).toBe("1 minute");
    expect(countdownText(en, at(20_000))).toBe("less than a minute");
    expect(countdownText(en, at(0))).toBe("Deadline passed");

    const ru = tFor("ru");
    expect(countdownText(ru, at(1 * DAY + 2 * HOUR))).toBe("1 день 2 часа");
    expect(countdownText(ru, at(5 * DAY + 21 * HOUR))).toBe("5 дней 21 час");
    expect(countdownText(ru, at(22 * MINUTE))).toBe("22 минуты");

    const ar = tFor("ar");
    expect(countdownText(ar, at(2 * DAY + 1 * HOUR))).toBe("يومان وساعة واحدة");
    expect(countdownText(ar, at(3 * DAY + 11 * HOUR))).toBe("3 أيام و11 ساعة");
    expect(countdownText(ar, at(11 * MINUTE))).toBe("11 دقيقة");

    const zh = tFor("zh");
    expect(countdownText(zh, at(3 * DAY + 4 * HOUR))).toBe("3天4小时");
    const fr = tFor("fr");
    expect(countdownText(fr, at(1 * DAY + 3 * HOUR))).toBe("1 jour et 3 heures");
    const es = tFor("es");
    expect(countdownText(es, at(2 * HOUR + 1 * MINUTE))).toBe("2 horas y 1 minuto");
  });

  it("has a text for every stage in every language", () => {
    for (const language of LANGUAGE_CODES) {
      const t = tFor(language);
      for (const ms of [0, 20_000, 5 * MINUTE, 3 * HOUR + 2 * MINUTE, 12 * DAY + 5 * HOUR]) {
        const text = countdownText(t, at(ms));
        expect(text, `${language} ${ms}`).not.toMatch(/countdown\.|\{\{/);
        expect(text.trim()).not.toBe("");
      }
    }
  });
});

describe("submissionWindow", () => {
  it("is open before the deadline, late after it, closed once the period is closed", () => {
    expect(submissionWindow("open", new Date(DEADLINE), DEADLINE - 1)).toBe("open");
    expect(submissionWindow("open", new Date(DEADLINE).toISOString(), DEADLINE)).toBe("late");
    expect(submissionWindow("open", null, DEADLINE)).toBe("open");
    expect(submissionWindow("closed", new Date(DEADLINE), DEADLINE - DAY)).toBe("closed");
    expect(submissionWindow("compiled", new Date(DEADLINE), DEADLINE + DAY)).toBe("closed");
    expect(submissionWindow("draft", new Date(DEADLINE), DEADLINE - DAY)).toBe("notOpen");
  });
});
