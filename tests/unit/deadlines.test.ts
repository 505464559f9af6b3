import { describe, expect, it } from "vitest";
import { effectiveDeadline, extensionProblem, isBeforeDeadline, timeLeft } from "~/lib/deadlines";

const deadline = new Date("2020-08-14T16:00:00Z"); // 18:00 in Vienna
const extended = new Date("2020-08-21T16:00:00Z");

describe("a delegation's deadline", () => {
  it("is its extension when it has one, else the consultation's", () => {
    expect(effectiveDeadline(deadline, null)).toEqual(deadline);
    expect(effectiveDeadline(deadline, extended)).toEqual(extended);
    // The consultation's deadline moved past an old extension: the later one applies.
    expect(effectiveDeadline(new Date("2020-09-01T16:00:00Z"), extended)).toEqual(new Date("2020-09-01T16:00:00Z"));
    expect(effectiveDeadline(null, null)).toBeNull();
  });

  it("has passed at the deadline itself", () => {
    expect(isBeforeDeadline(deadline, new Date(deadline.getTime() - 1))).toBe(true);
    expect(isBeforeDeadline(deadline, deadline)).toBe(false);
    expect(isBeforeDeadline(deadline, new Date(deadline.getTime() + 1))).toBe(false);
    expect(isBeforeDeadline(null, new Date())).toBe(true);
  });

  it("counts the time left in days, hours, minutes and seconds", () => {
    const now = new Date(deadline.getTime() - (3 * 86_400 + 4 * 3_600 + 5 * 60 + 6) * 1000 - 500);
    expect(timeLeft(deadline, now)).toEqual({ passed: false, ms: 273_906_500, days: 3, hours: 4, minutes: 5, seconds: 6 });
    expect(timeLeft(deadline, new Date(deadline.getTime() + 60_000))).toEqual({ passed: true, ms: 0, days: 0, hours: 0, minutes: 0, seconds: 0 });
    expect(timeLeft(null, now)).toBeNull();
  });

  it("accepts an extension only later than the consultation's deadline and in the future", () => {
    const now = new Date("2020-08-15T00:00:00Z");
    expect(extensionProblem(extended, deadline, now)).toBeNull();
    expect(extensionProblem(deadline, deadline, now)).toBe("extension_not_later");
    expect(extensionProblem(new Date("2020-08-10T00:00:00Z"), deadline, now)).toBe("extension_not_later");
    expect(extensionProblem(new Date("2020-08-14T20:00:00Z"), deadline, now)).toBe("extension_past");
  });
});
