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
import { currentTimeZone } from "~/lib/time-zones";

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
          const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
            .formatToParts(date)
            .find((p) => p.type === "timeZoneName")!.value;
          const label = `${currentTimeZone(zone).replace(/_/g, " ")}, ${name}`;
          expect(zoneLabel(instant, language, zone)).toBe(label);
          const expected = `${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(date)} (${label})`;
          // Twice: the second call uses the kept formatter.
          expect(formatInstant(instant, language, zone)).toBe(expected);
          expect(formatInstant(date, language, zone)).toBe(expected);
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
