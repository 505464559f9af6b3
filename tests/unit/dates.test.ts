import { describe, expect, it } from "vitest";
import { instantFromWallClock, isTimeZone, wallClockIn } from "~/lib/dates";

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
