// The editor's save times: the time alone today, else the long date, always the 24-hour clock, Arabic
// with Western digits (as every date in the app).
import { describe, expect, it } from "vitest";
import { formatSaveTime } from "~/components/submission/autosave-status";

const SAVED = "2020-08-10T12:02:00Z";
const SAME_DAY = Date.parse("2020-08-10T18:00:00Z");
const NEXT_DAY = Date.parse("2020-08-11T09:00:00Z");

describe("formatSaveTime", () => {
  it("writes the time alone on the day of the save, the long date on another", () => {
    expect(formatSaveTime(SAVED, "en", "Europe/Vienna", { now: SAME_DAY })).toBe("14:02");
    expect(formatSaveTime(SAVED, "en", "Europe/Vienna", { now: NEXT_DAY })).toBe("10 August 2020 at 14:02");
    expect(formatSaveTime(SAVED, "fr", "Europe/Vienna", { withDate: true })).toMatch(/^10 août 2020.*14:02$/);
    expect(formatSaveTime(SAVED, "es", "Europe/Vienna", { withDate: true })).toMatch(/^10 de agosto de 2020.*14:02$/);
  });

  it("uses the 24-hour clock and Western digits in Arabic", () => {
    const ar = formatSaveTime("2020-08-10T16:02:00Z", "ar", "Africa/Cairo", { withDate: true });
    expect(ar).toContain("18:02"); // Cairo kept UTC+2 all summer in 2020
    expect(ar).toContain("أغسطس");
    expect(ar).not.toMatch(/[\u0660-\u0669]|\s[صم](\s|$)/);
  });
});
