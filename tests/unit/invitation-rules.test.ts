import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { AcceptInvitationSchema } from "~/lib/invitation-form";
import { invitationEmail } from "~/lib/invitation-email";
import { INVITATION_LIFETIME_DAYS, invitationLink, invitationState, isInvitationTokenShape, timeZoneChoices } from "~/lib/invitation-rules";
import { LANGUAGE_CODES } from "~/i18n/languages";

describe("invitation state", () => {
  const now = new Date("2025-06-10T12:00:00Z");
  const later = new Date("2025-06-20T12:00:00Z");
  const earlier = new Date("2025-06-01T12:00:00Z");

  it("is pending until it expires, then expired; accepted and withdrawn are final", () => {
    expect(invitationState({ expiresAt: later, acceptedAt: null, revokedAt: null }, now)).toBe("pending");
    expect(invitationState({ expiresAt: now, acceptedAt: null, revokedAt: null }, now)).toBe("expired");
    expect(invitationState({ expiresAt: earlier, acceptedAt: null, revokedAt: null }, now)).toBe("expired");
    expect(invitationState({ expiresAt: earlier, acceptedAt: earlier, revokedAt: null }, now)).toBe("accepted");
    expect(invitationState({ expiresAt: later, acceptedAt: null, revokedAt: earlier }, now)).toBe("revoked");
    // Dates arrive as strings from JSON too.
    expect(invitationState({ expiresAt: later.toISOString(), acceptedAt: null, revokedAt: null }, now)).toBe("pending");
  });

  it("lasts 14 days", () => {
    expect(INVITATION_LIFETIME_DAYS).toBe(14);
  });
});

describe("tokens and links", () => {
  it("accepts only 43 base64url characters as a token", () => {
    expect(isInvitationTokenShape("a".repeat(43))).toBe(true);
    expect(isInvitationTokenShape("Ab0_-".repeat(8) + "xyz")).toBe(true);
    for (const bad of ["", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`, null, undefined]) {
      expect(isInvitationTokenShape(bad), String(bad)).toBe(false);
    }
  });

  it("builds an absolute link that opens in the invitee's language", () => {
    expect(invitationLink("https://nonpaper.example.org/", "T".repeat(43), "ar")).toBe(`https://nonpaper.example.org/invitations/${"T".repeat(43)}?lng=ar`);
  });

  it("offers UTC and the IANA zones", () => {
    const zones = timeZoneChoices();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Europe/Vienna");
    expect(zones).toContain("America/Lima");
    expect(new Set(zones).size).toBe(zones.length);
  });
});

describe("the invitation email", () => {
  const input = {
    inviteeName: "Ana Torres",
    inviterName: "Amina Haddad",
    delegationName: "X",
    consultationTitle: "Discussion points on technical assistance",
    meeting: { body: "Working Group on Technical Assistance", venue: "Vienna", startDate: "2025-06-02", endDate: "2025-06-03", timeZone: "Europe/Vienna" },
    link: `https://nonpaper.example.org/invitations/${"T".repeat(43)}?lng=fr`,
    // 14:00 UTC is 16:00 in Vienna in summer.
    expiresAt: new Date("2025-06-16T14:00:00Z"),
  };
  // The meeting's zone, named by its city in the invitee's language.
  const viennaTime = { ar: "بتوقيت فيينا", zh: "维也纳时间", en: "Vienna time", fr: "heure de Vienne", ru: "по венскому времени", es: "hora de Viena" };

  it("is written in each of the six languages, with who invites, for what, the link and the expiry in the meeting's zone", () => {
    const subjects = new Set<string>();
    for (const language of LANGUAGE_CODES) {
      const { subject, body } = invitationEmail({ ...input, language });
      subjects.add(subject);
      expect(subject, language).toContain(input.consultationTitle);
      for (const part of ["Ana Torres", "Amina Haddad", input.consultationTitle, input.meeting.body, input.link, viennaTime[language]]) {
        expect(body, `${language}: ${part}`).toContain(part);
      }
      // 16:00 in Vienna, on the 24-hour clock in every language.
      expect(body, language).toMatch(/16:00/);
      expect(body, language).not.toMatch(/{{|registrations:/);
    }
    expect(subjects.size).toBe(6);
  });

  it("greets without a name when none was given", () => {
    const { body } = invitationEmail({ ...input, inviteeName: null, language: "en" });
    expect(body.startsWith("Hello,")).toBe(true);
  });
});

describe("the acceptance form", () => {
  const parse = (fields: Record<string, string>) => {
    const formData = new FormData();
    for (const [k, v] of Object.entries(fields)) formData.append(k, v);
    const submission = parseWithZod(formData, { schema: AcceptInvitationSchema });
    return { status: submission.status, error: submission.status === "error" ? submission.error : undefined };
  };
  const good = { name: "Ana", password: "twelve chars", confirmPassword: "twelve chars", language: "es", timeZone: "America/Lima" };

  it("accepts 12 to 200 characters, the same twice, one of the six languages and a real zone", () => {
    expect(parse(good).status).toBe("success");
    expect(parse({ ...good, password: "x".repeat(200), confirmPassword: "x".repeat(200) }).status).toBe("success");
    expect(parse({ ...good, password: "eleven char", confirmPassword: "eleven char" }).error).toMatchObject({
      password: ["registrations:accept.errors.passwordTooShort"],
    });
    expect(parse({ ...good, password: "x".repeat(201), confirmPassword: "x".repeat(201) }).error).toMatchObject({
      password: ["registrations:accept.errors.passwordTooLong"],
    });
    expect(parse({ ...good, confirmPassword: "twelve chars " }).error).toEqual({
      confirmPassword: ["registrations:accept.errors.passwordMismatch"],
    });
    expect(parse({ ...good, timeZone: "Europe/Atlantis" }).error).toEqual({ timeZone: ["registrations:accept.errors.timeZoneInvalid"] });
    expect(parse({ ...good, language: "de" }).error).toEqual({ language: ["registrations:accept.errors.languageInvalid"] });
  });
});
