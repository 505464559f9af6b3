import { describe, expect, it } from "vitest";
import {
  dateTimeFormat,
  formatCalendarDate,
  formatCalendarRange,
  formatInstant,
  instantFromWallClock,
  intlLocale,
  isTimeZone,
  wallClockIn,
  zoneLabel,
} from "~/lib/dates";
import { currentTimeZone, TIME_ZONES } from "~/lib/time-zones";
import { ZONES_WITH_CITY } from "~/lib/zone-names";

describe("deadlines stated in the meeting's time zone", () => {
  it("reads a wall-clock time in summer and in winter", () => {
    expect(instantFromWallClock("2020-08-14", "18:00", "Europe/Vienna")?.toISOString()).toBe("2020-08-14T16:00:00.000Z");
    expect(instantFromWallClock("2020-01-14", "18:00", "Europe/Vienna")?.toISOString()).toBe("2020-01-14T17:00:00.000Z");
    expect(instantFromWallClock("2020-08-14", "18:00", "America/New_York")?.toISOString()).toBe("2020-08-14T22:00:00.000Z");
    expect(instantFromWallClock("2021-06-01", "23:59", "Pacific/Kiritimati")?.toISOString()).toBe("2021-06-01T09:59:00.000Z");
  });

  it("reads a time skipped by the spring change as just after the gap, an ambiguous one as the earlier", () => {
    expect(instantFromWallClock("2021-03-28", "02:30", "Europe/Vienna")?.toISOString()).toBe("2021-03-28T01:30:00.000Z");
    expect(instantFromWallClock("2021-10-31", "02:30", "Europe/Vienna")?.toISOString()).toBe("2021-10-31T00:30:00.000Z");
  });

  it("round-trips through the wall clock", () => {
    for (const zone of ["Europe/Vienna", "Asia/Kolkata", "America/Lima", "Australia/Adelaide", "UTC"]) {
      const instant = instantFromWallClock("2026-11-30", "17:45", zone)!;
      expect(wallClockIn(instant, zone), zone).toEqual({ date: "2026-11-30", time: "17:45" });
    }
  });

  it("refuses malformed dates, times and zones", () => {
    expect(instantFromWallClock("2021-02-30", "12:00", "Europe/Vienna")).toBeNull();
    expect(instantFromWallClock("2021-02-01", "24:00", "Europe/Vienna")).toBeNull();
    expect(instantFromWallClock("1.2.2021", "12:00", "Europe/Vienna")).toBeNull();
    expect(instantFromWallClock("2021-02-01", "12:00", "Mars/Olympus")).toBeNull();
    expect(isTimeZone("Europe/Vienna")).toBe(true);
    expect(isTimeZone("Europe/Vienna; drop table")).toBe(false);
  });
});

describe("formatters built once, same words", () => {
  const languages = ["ar", "zh", "en", "fr", "ru", "es"];
  const zones = ["Europe/Vienna", "America/New_York", "Asia/Kolkata", "UTC", "Europe/Kiev"];
  const instants = ["2020-08-14T16:00:00Z", "2021-01-03T23:59:00Z", "2026-03-29T01:30:00Z"];

  it("formats exactly as a fresh Intl.DateTimeFormat does, in every language and zone", () => {
    for (const language of languages) {
      const locale = intlLocale(language);
      for (const zone of zones) {
        for (const instant of instants) {
          const date = new Date(instant);
          const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: zone }).format(date);
          const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(date);
          const text = formatInstant(instant, language, zone);
          for (const part of [day, time, zoneLabel(instant, language, zone)]) expect(text, `${language} ${zone} ${instant}`).toContain(part);
          // Again with a Date: the kept formatters, the same words.
          expect(formatInstant(date, language, zone)).toBe(text);
        }
      }
      expect(formatCalendarDate("2020-07-09", language)).toBe(
        new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date("2020-07-09T00:00:00Z")),
      );
    }
    expect(formatCalendarRange("2020-10-12", "2020-10-16", "en")).toBe("12–16 October 2020");
  });

  it("keeps one formatter per locale and options, and refuses an unknown zone as Intl does", () => {
    const a = dateTimeFormat("fr", { dateStyle: "medium", timeZone: "Europe/Vienna" });
    expect(dateTimeFormat("fr", { dateStyle: "medium", timeZone: "Europe/Vienna" })).toBe(a);
    expect(dateTimeFormat("fr", { dateStyle: "medium", timeZone: "Asia/Tokyo" })).not.toBe(a);
    expect(() => dateTimeFormat("en", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });

  it("formats a page of thousands of dates without building a formatter for each", () => {
    const Original = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        built += 1;
        return new target(...args);
      },
    });
    try {
      for (let i = 0; i < 2_000; i++) formatInstant(new Date(Date.UTC(2026, 0, 1, 0, i)), "ru", "Europe/Moscow");
      // At most the two formatters formatInstant uses (none if an earlier test made them).
      expect(built).toBeLessThanOrEqual(2);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});

describe("dates and times as diplomats write them", () => {
  // 18:00 in Vienna and Geneva, 12:00 in New York, 00:00 the next day in Beijing.
  const deadline = "2020-08-14T16:00:00Z";

  it("writes the date in words, the 24-hour clock and the zone by its city, in each language", () => {
    expect(formatInstant(deadline, "en", "Europe/Vienna")).toBe("14 August 2020, 18:00 (Vienna time)");
    expect(formatInstant(deadline, "fr", "Europe/Vienna")).toBe("14 août 2020, 18:00 (heure de Vienne)");
    expect(formatInstant(deadline, "es", "Europe/Vienna")).toBe("14 de agosto de 2020, 18:00 (hora de Viena)");
    expect(formatInstant(deadline, "ru", "Europe/Vienna")).toBe("14 августа 2020 г., 18:00 по венскому времени");
    expect(formatInstant(deadline, "ar", "Europe/Vienna")).toBe("14 أغسطس 2020، 18:00 بتوقيت فيينا");
    expect(formatInstant(deadline, "zh", "Europe/Vienna")).toBe("2020年8月14日维也纳时间18:00");
  });

  it("names Geneva, New York and Beijing as the UN does", () => {
    expect(formatInstant(deadline, "en", "Europe/Zurich")).toBe("14 August 2020, 18:00 (Geneva time)");
    expect(formatInstant(deadline, "fr", "Europe/Zurich")).toBe("14 août 2020, 18:00 (heure de Genève)");
    expect(formatInstant(deadline, "ru", "Europe/Zurich")).toBe("14 августа 2020 г., 18:00 по женевскому времени");
    expect(formatInstant(deadline, "en", "America/New_York")).toBe("14 August 2020, 12:00 (New York time)");
    expect(formatInstant(deadline, "es", "America/New_York")).toBe("14 de agosto de 2020, 12:00 (hora de Nueva York)");
    expect(formatInstant(deadline, "ar", "America/New_York")).toBe("14 أغسطس 2020، 12:00 بتوقيت نيويورك");
    expect(formatInstant(deadline, "en", "Asia/Shanghai")).toBe("15 August 2020, 00:00 (Beijing time)");
    expect(formatInstant(deadline, "zh", "Asia/Shanghai")).toBe("2020年8月15日北京时间00:00");
    expect(formatInstant(deadline, "ru", "Asia/Shanghai")).toBe("15 августа 2020 г., 00:00 по пекинскому времени");
  });

  it("names another zone by Intl's name for it in the reader's language, never by its IANA id", () => {
    // Yangon has no city phrase: 22:30 there.
    expect(formatInstant(deadline, "en", "Asia/Yangon")).toBe("14 August 2020, 22:30 (Myanmar Time)");
    expect(formatInstant(deadline, "fr", "Asia/Yangon")).toBe("14 août 2020, 22:30 (heure du Myanmar)");
    expect(formatInstant(deadline, "es", "Asia/Yangon")).toBe("14 de agosto de 2020, 22:30 (hora de Myanmar)");
    expect(formatInstant(deadline, "ru", "Asia/Yangon")).toBe("14 августа 2020 г., 22:30 (Мьянма)");
    expect(formatInstant(deadline, "ar", "Asia/Yangon")).toBe("14 أغسطس 2020، 22:30 بتوقيت ميانمار");
    expect(formatInstant(deadline, "zh", "Asia/Yangon")).toBe("2020年8月14日缅甸时间22:30");
    for (const language of ["ar", "zh", "en", "fr", "ru", "es"])
      for (const zone of TIME_ZONES) expect(zoneLabel(deadline, language, zone), `${language} ${zone}`).not.toMatch(/[A-Za-z]\/[A-Za-z]|_/);
  });

  it("writes UTC as UTC in every language", () => {
    expect(formatInstant(deadline, "en", "UTC")).toBe("14 August 2020, 16:00 (UTC)");
    expect(formatInstant(deadline, "fr", "UTC")).toBe("14 août 2020, 16:00 (UTC)");
    expect(formatInstant(deadline, "ru", "UTC")).toBe("14 августа 2020 г., 16:00 (UTC)");
    expect(formatInstant(deadline, "ar", "UTC")).toBe("14 أغسطس 2020، 16:00 (UTC)");
    expect(formatInstant(deadline, "zh", "UTC")).toBe("2020年8月14日 16:00（UTC）");
    for (const zone of ["Etc/UTC", "Etc/GMT", "GMT", "Zulu"]) expect(zoneLabel(deadline, "es", zone), zone).toBe("UTC");
  });

  it("uses the 24-hour clock and, in Arabic, Western digits", () => {
    const evening = "2020-08-14T20:05:00Z";
    for (const language of ["ar", "zh", "en", "fr", "ru", "es"]) {
      expect(formatInstant(evening, language, "Europe/Vienna"), language).toContain("22:05");
      expect(formatInstant("2020-08-14T22:00:00Z", language, "Europe/Vienna"), language).toContain("00:00");
    }
    const arabic = formatInstant(evening, "ar", "Europe/Vienna");
    expect(arabic).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]|\s[صم]$|\s[صم]\s/);
    expect(formatCalendarDate("2020-07-09", "ar")).toBe("9 يوليو 2020");
    expect(formatCalendarRange("2020-07-09", "2020-07-10", "ar")).toBe("9–10 يوليو 2020");
    expect(intlLocale("ar")).toBe("ar-u-nu-latn");
  });

  it("reads the clock across the changes to and from summer time, under the same city name", () => {
    // Vienna: 02:00 becomes 03:00 on 29 March 2020, 03:00 becomes 02:00 on 25 October 2020.
    expect(formatInstant("2020-03-29T00:59:00Z", "en", "Europe/Vienna")).toBe("29 March 2020, 01:59 (Vienna time)");
    expect(formatInstant("2020-03-29T01:00:00Z", "en", "Europe/Vienna")).toBe("29 March 2020, 03:00 (Vienna time)");
    expect(formatInstant("2020-10-25T00:59:00Z", "fr", "Europe/Vienna")).toBe("25 octobre 2020, 02:59 (heure de Vienne)");
    expect(formatInstant("2020-10-25T01:00:00Z", "fr", "Europe/Vienna")).toBe("25 octobre 2020, 02:00 (heure de Vienne)");
    // New York: 02:00 becomes 01:00 on 1 November 2020.
    expect(formatInstant("2020-11-01T05:59:00Z", "ru", "America/New_York")).toBe("1 ноября 2020 г., 01:59 по нью-йоркскому времени");
    expect(formatInstant("2020-11-01T06:00:00Z", "ru", "America/New_York")).toBe("1 ноября 2020 г., 01:00 по нью-йоркскому времени");
  });

  it("names a zone stored under an old or differently written name by its current city", () => {
    expect(formatInstant(deadline, "en", "Europe/Kiev")).toBe("14 August 2020, 19:00 (Kyiv time)");
    expect(formatInstant(deadline, "ru", "Europe/Kiev")).toBe("14 августа 2020 г., 19:00 по киевскому времени");
    expect(zoneLabel(deadline, "en", "Asia/Calcutta")).toBe("New Delhi time");
    expect(zoneLabel(deadline, "zh", "Asia/Calcutta")).toBe("新德里时间");
    expect(zoneLabel(deadline, "es", "America/Buenos_Aires")).toBe("hora de Buenos Aires");
    expect(zoneLabel(deadline, "fr", "europe/vienna")).toBe("heure de Vienne");
  });

  it("has a city phrase for current zone names the forms offer, written to sit where formatInstant puts it", () => {
    expect(ZONES_WITH_CITY.length).toBeGreaterThanOrEqual(50);
    for (const zone of ZONES_WITH_CITY) {
      expect(currentTimeZone(zone), zone).toBe(zone);
      expect(TIME_ZONES, zone).toContain(zone);
      expect(zoneLabel(deadline, "en", zone), zone).toMatch(/^\S.* time$/);
      expect(zoneLabel(deadline, "fr", zone), zone).toMatch(/^heure d(e |’|u )/);
      expect(zoneLabel(deadline, "es", zone), zone).toMatch(/^hora de /);
      expect(zoneLabel(deadline, "ru", zone), zone).toMatch(/^по /);
      expect(zoneLabel(deadline, "ar", zone), zone).toMatch(/^بتوقيت /);
      expect(zoneLabel(deadline, "zh", zone), zone).toMatch(/^\p{Script=Han}+时间$/u);
    }
  });

  it("writes a span of days in each language's long form, Chinese with 至", () => {
    expect(formatCalendarRange("2020-07-09", "2020-07-10", "en")).toBe("9–10 July 2020");
    expect(formatCalendarRange("2020-07-29", "2020-08-02", "en")).toBe("29 July–2 August 2020");
    expect(formatCalendarRange("2020-07-09", "2020-07-10", "fr")).toBe("9–10 juillet 2020");
    expect(formatCalendarRange("2020-07-09", "2020-07-10", "es")).toBe("9–10 de julio de 2020");
    expect(formatCalendarRange("2020-07-09", "2020-07-10", "ru")).toBe("9–10 июля 2020\u202Fг.");
    expect(formatCalendarRange("2020-07-09", "2020-07-10", "zh")).toBe("2020年7月9日至10日");
    expect(formatCalendarRange("2020-07-29", "2020-08-02", "zh")).toBe("2020年7月29日至8月2日");
    expect(formatCalendarRange("2020-12-29", "2021-01-02", "zh")).toBe("2020年12月29日至2021年1月2日");
    expect(formatCalendarRange("2020-07-09", "2020-07-09", "zh")).toBe("2020年7月9日");
  });
});
