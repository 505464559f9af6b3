// The pure parts of account control: the browser summary on the sessions list, reset links in
// emails and on the outbox page, and the reset email in the six languages.
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { passwordResetEmail } from "~/lib/password-reset-email";
import { hideResetLinks, isResetTokenShape, passwordResetLink, passwordResetState, RESET_TOKEN_PLACEHOLDER, withResetToken } from "~/lib/password-reset-rules";
import { summarizeUserAgent } from "~/lib/user-agent";

describe("summarizeUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Chrome 126", "Windows"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68",
      "Edge 126",
      "Windows",
    ],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari 17", "macOS"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari 17",
      "iOS",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox 128", "Linux"],
    [
      "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
      "Samsung Internet 25",
      "Android",
    ],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 OPR/111.0.0.0", "Opera 111", "Windows"],
  ])("%s", (ua, browser, system) => {
    expect(summarizeUserAgent(ua)).toEqual({ browser, system });
  });

  it("says nothing it does not know", () => {
    expect(summarizeUserAgent(null)).toEqual({ browser: null, system: null });
    expect(summarizeUserAgent("curl/8.5.0")).toEqual({ browser: null, system: null });
  });
});

describe("reset links", () => {
  const token = "A".repeat(43);
  const queued = `Open this link:\n${passwordResetLink("https://np.example.org/", RESET_TOKEN_PLACEHOLDER, "ar")}\n\nThanks`;

  it("are built from the site's address, with the account's language", () => {
    expect(passwordResetLink("https://np.example.org/", token, "fr")).toBe(`https://np.example.org/password-reset/${token}?lng=fr`);
  });

  it("get their token only when sent, and lose it again", () => {
    const sent = withResetToken(queued, token);
    expect(sent).toContain(`/password-reset/${token}?lng=ar`);
    expect(withResetToken(sent)).toBe(queued);
  });

  it("never show on the outbox page, placeholder or real", () => {
    expect(hideResetLinks(queued, "[[hidden]]")).toBe("Open this link:\n[[hidden]]\n\nThanks");
    expect(hideResetLinks(withResetToken(queued, token), "[[hidden]]")).toBe("Open this link:\n[[hidden]]\n\nThanks");
  });

  it("accept only the shape of a real token", () => {
    expect(isResetTokenShape(token)).toBe(true);
    for (const bad of ["", "A".repeat(42), "A".repeat(44), `${"A".repeat(42)}=`, null, undefined]) expect(isResetTokenShape(bad)).toBe(false);
  });

  it("are used, expired or valid", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(passwordResetState({ expiresAt: "2026-01-01T12:30:00Z", usedAt: null }, now)).toBe("valid");
    expect(passwordResetState({ expiresAt: "2026-01-01T12:00:00Z", usedAt: null }, now)).toBe("expired");
    expect(passwordResetState({ expiresAt: "2026-01-01T12:30:00Z", usedAt: "2026-01-01T11:59:00Z" }, now)).toBe("used");
  });
});

describe("the reset email", () => {
  it("is written in each of the six languages, with the link and its expiry", () => {
    const subjects = new Set<string>();
    for (const language of LANGUAGE_CODES) {
      const link = passwordResetLink("https://np.example.org", RESET_TOKEN_PLACEHOLDER, language);
      const message = passwordResetEmail({
        language,
        name: "Nour El-Sayed",
        email: "egypt@nonpaper.test",
        link,
        expiresAt: new Date("2026-03-02T10:00:00Z"),
        timeZone: "Africa/Cairo",
      });
      expect(message.body, language).toContain(link);
      expect(message.body, language).toContain("egypt@nonpaper.test");
      expect(message.body, language).toContain("Nour El-Sayed");
      subjects.add(message.subject);
    }
    expect(subjects.size).toBe(6);
  });
});
