// Time zones by their current IANA names (issue 11, item 14): the list offers Europe/Kyiv, not
// Europe/Kiev; old names from stored data, archives or a browser are accepted and mapped.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TimeZoneOptions } from "~/components/meetings/time-zone-options";
import { MeetingSchema } from "~/lib/consultation-forms";
import { isTimeZone, zoneLabel } from "~/lib/dates";
import { AcceptInvitationSchema } from "~/lib/invitation-form";
import { timeZoneChoices } from "~/lib/invitation-rules";
import { InviteSchema } from "~/lib/registration-forms";
import { currentTimeZone, LEGACY_TIME_ZONES, TIME_ZONES } from "~/lib/time-zones";

const RENAMED = {
  "Europe/Kiev": "Europe/Kyiv",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Katmandu": "Asia/Kathmandu",
  "America/Godthab": "America/Nuuk",
};

describe("the list of time zones", () => {
  it("offers the current names, never the deprecated ones", () => {
    for (const [old, current] of Object.entries(RENAMED)) {
      expect(TIME_ZONES).toContain(current);
      expect(TIME_ZONES).not.toContain(old);
    }
    for (const old of Object.keys(LEGACY_TIME_ZONES)) expect(TIME_ZONES, old).not.toContain(old);
    expect(TIME_ZONES[0]).toBe("UTC");
    expect(new Set(TIME_ZONES).size).toBe(TIME_ZONES.length);
    expect(TIME_ZONES.slice(1)).toEqual([...TIME_ZONES.slice(1)].sort());
    expect(TIME_ZONES.length).toBeGreaterThan(400);
  });

  it("lists only names Node's Intl accepts, and every old name maps to a listed one", () => {
    for (const zone of TIME_ZONES) {
      expect(() => new Intl.DateTimeFormat("en", { timeZone: zone }), zone).not.toThrow();
      expect(isTimeZone(zone), zone).toBe(true);
    }
    for (const [old, current] of Object.entries(LEGACY_TIME_ZONES)) expect(TIME_ZONES, `${old} -> ${current}`).toContain(current);
  });

  it("is what the meeting form and the invitation form offer", () => {
    const html = renderToString(createElement("select", null, createElement(TimeZoneOptions)));
    expect(html).toContain('value="Europe/Kyiv"');
    expect(html).toContain('value="Asia/Kolkata"');
    expect(html).not.toContain("Europe/Kiev");
    expect(html).not.toContain("Asia/Calcutta");
    expect(timeZoneChoices()).toEqual([...TIME_ZONES]);
  });
});

describe("old names", () => {
  it("map to the current ones, other names unchanged", () => {
    for (const [old, current] of Object.entries(RENAMED)) expect(currentTimeZone(old)).toBe(current);
    expect(currentTimeZone("Europe/Vienna")).toBe("Europe/Vienna");
    expect(currentTimeZone("Etc/UTC")).toBe("UTC");
    expect(currentTimeZone("constructor")).toBe("constructor");
  });

  it("are accepted by the forms and stored by their current names", () => {
    const meeting = MeetingSchema.parse({
      body: "Working Group",
      symbolPrefix: "CTOC/COP/WG.2",
      session: "2026",
      venue: "Kyiv",
      startDate: "2026-06-01",
      endDate: "2026-06-02",
      format: "in_person",
      timeZone: "Europe/Kiev",
    });
    expect(meeting.timeZone).toBe("Europe/Kyiv");
    expect(MeetingSchema.safeParse({ ...meeting, timeZone: "Asia/Kolkata" }).data?.timeZone).toBe("Asia/Kolkata");
    expect(MeetingSchema.safeParse({ ...meeting, timeZone: "Europe/Atlantis" }).success).toBe(false);
    const invite = InviteSchema.parse({
      intent: "invite",
      delegationId: "7d4c1f52-3b7e-4c55-9a59-5c7a3a3b2f10",
      email: "a@b.org",
      name: "A",
      language: "en",
      timeZone: "Asia/Calcutta",
    });
    expect(invite.timeZone).toBe("Asia/Kolkata");
    const accepted = AcceptInvitationSchema.safeParse({
      name: "A",
      password: "correct horse battery staple",
      confirmPassword: "correct horse battery staple",
      language: "en",
      timeZone: "Asia/Saigon",
    });
    expect(accepted.data?.timeZone).toBe("Asia/Ho_Chi_Minh");
  });

  it("are shown by their current names", () => {
    expect(zoneLabel("2026-06-01T12:00:00Z", "en", "Europe/Kiev")).toBe("Kyiv time");
    expect(zoneLabel("2026-06-01T12:00:00Z", "en", "Asia/Rangoon")).toBe("Myanmar Time");
  });
});
