import { afterEach, describe, expect, it, vi } from "vitest";
import {
  base32Encode,
  CODE_LIMITS,
  currentTotp,
  decideCodeAttempt,
  formatRecoveryCode,
  groupSecret,
  isReplay,
  matchTotpStep,
  otpauthUri,
  parseSecondFactorCode,
  RECOVERY_ALPHABET,
  RECOVERY_CODE_LENGTH,
  recoveryCodeFromBytes,
  totpStep,
} from "~/lib/two-factor";
import { qrPath } from "~/utils/qr-code.server";

// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" and its codes (the last six of eight digits).
const RFC_SECRET = base32Encode(new TextEncoder().encode("12345678901234567890"));

const at = (seconds: number) => vi.setSystemTime(new Date(seconds * 1000));

afterEach(() => {
  vi.useRealTimers();
});

describe("time-based codes", () => {
  it("encodes the RFC's secret and gives its test codes (what authenticator apps compute)", async () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    vi.useFakeTimers({ toFake: ["Date"] });
    for (const [seconds, code] of [
      [59, "287082"],
      [1111111109, "081804"],
      [1234567890, "005924"],
      [2000000000, "279037"],
    ] as const) {
      at(seconds);
      expect(await currentTotp(RFC_SECRET), String(seconds)).toBe(code);
    }
  });

  it("accepts a code one step either side of now, and says which step it was", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at(1111111109);
    const step = totpStep(Date.now());
    expect(await matchTotpStep("081804", RFC_SECRET)).toBe(step);
    at(1111111109 - 30);
    expect(await matchTotpStep("081804", RFC_SECRET)).toBe(step);
    at(1111111109 + 30);
    expect(await matchTotpStep("081804", RFC_SECRET)).toBe(step);
  });

  it("refuses a code two steps away, a wrong code and a wrong secret", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at(1111111109 + 60);
    expect(await matchTotpStep("081804", RFC_SECRET)).toBeNull();
    at(1111111109 - 60);
    expect(await matchTotpStep("081804", RFC_SECRET)).toBeNull();
    at(1111111109);
    expect(await matchTotpStep("081805", RFC_SECRET)).toBeNull();
    expect(await matchTotpStep("081804", "NONPAPERDEMOTOTPSECRETARIATCODES")).toBeNull();
    expect(await matchTotpStep("081804", "not base32!")).toBeNull();
  });

  it("refuses a step already used, and every earlier one (no replay)", () => {
    expect(isReplay(100, null)).toBe(false);
    expect(isReplay(101, 100)).toBe(false);
    expect(isReplay(100, 100)).toBe(true);
    expect(isReplay(99, 100)).toBe(true);
  });

  it("writes the otpauth:// address authenticator apps expect (SHA1, 6 digits, 30 s, issuer)", () => {
    const uri = new URL(otpauthUri("NONPAPERDEMOTOTPSECRETARIATCODES", "secretariat@nonpaper.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Nonpaper:secretariat@nonpaper.test");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: "NONPAPERDEMOTOTPSECRETARIATCODES",
      issuer: "Nonpaper",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });

  it("groups a secret by four for typing", () => {
    expect(groupSecret("NONPAPERDEMOTOTPSECRETARIATCODES")).toBe("NONP APER DEMO TOTP SECR ETAR IATC ODES");
  });
});

describe("base32", () => {
  it("follows RFC 4648 (without padding)", () => {
    const text = (s: string) => base32Encode(new TextEncoder().encode(s));
    expect(["", "f", "fo", "foo", "foob", "fooba", "foobar"].map(text)).toEqual(["", "MY", "MZXQ", "MZXW6", "MZXW6YQ", "MZXW6YTB", "MZXW6YTBOI"]);
  });
});

describe("what people type in the code field", () => {
  it("reads six digits, with spaces, full-width or Arabic-Indic digits", () => {
    expect(parseSecondFactorCode("123456")).toEqual({ kind: "totp", code: "123456" });
    expect(parseSecondFactorCode(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(parseSecondFactorCode("１２３４５６")).toEqual({ kind: "totp", code: "123456" });
    expect(parseSecondFactorCode("١٢٣٤٥٦")).toEqual({ kind: "totp", code: "123456" });
    expect(parseSecondFactorCode("۱۲۳۴۵۶")).toEqual({ kind: "totp", code: "123456" });
  });

  it("reads a recovery code in any case, with its hyphen, O for 0 and I or L for 1", () => {
    expect(parseSecondFactorCode("7KD2M-XQ4PT")).toEqual({ kind: "recovery", code: "7KD2MXQ4PT" });
    expect(parseSecondFactorCode("7kd2m xq4pt")).toEqual({ kind: "recovery", code: "7KD2MXQ4PT" });
    expect(parseSecondFactorCode("O0IL1-ABCDE")).toEqual({ kind: "recovery", code: "00111ABCDE" });
  });

  it("refuses anything else", () => {
    for (const bad of ["", "12345", "1234567", "12a456", "7KD2M-XQ4P", "7KD2M-XQ4PTU", "UUUUU-UUUUU", "<script>"]) {
      expect(parseSecondFactorCode(bad), bad).toBeNull();
    }
  });
});

describe("recovery codes", () => {
  it("are ten characters of the unambiguous alphabet, shown in two groups", () => {
    const bytes = Uint8Array.from({ length: RECOVERY_CODE_LENGTH }, (_, i) => i * 37);
    const code = recoveryCodeFromBytes(bytes);
    expect(code).toHaveLength(10);
    expect([...code].every((c) => RECOVERY_ALPHABET.includes(c))).toBe(true);
    expect(RECOVERY_ALPHABET).toHaveLength(32);
    expect(formatRecoveryCode(code)).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    // What is shown is read back as the same code.
    expect(parseSecondFactorCode(formatRecoveryCode(code))).toEqual({ kind: "recovery", code });
  });
});

describe("the limit on wrong codes", () => {
  it("admits five checks in the window, refuses the sixth until the window ends", () => {
    const start = new Date("2026-01-01T10:00:00Z");
    let bucket = { failures: 0, windowStartedAt: start };
    for (let i = 0; i < CODE_LIMITS.perWindow; i++) {
      const decision = decideCodeAttempt(bucket, start);
      expect(decision.admitted).toBe(true);
      if (decision.admitted) bucket = decision.next;
    }
    const sixth = decideCodeAttempt(bucket, new Date(start.getTime() + 60_000));
    expect(sixth).toEqual({ admitted: false, retryAfterSeconds: 14 * 60 });
    const later = decideCodeAttempt(bucket, new Date(start.getTime() + CODE_LIMITS.windowMs));
    expect(later).toMatchObject({ admitted: true, next: { failures: 1 } });
  });
});

describe("the QR code", () => {
  it("is a square of modules with its quiet zone, drawn as one path", () => {
    const qr = qrPath(otpauthUri("NONPAPERDEMOTOTPSECRETARIATCODES", "secretariat@nonpaper.test"));
    // A QR code has 17 + 4 × version modules a side (versions 1 to 40), plus 4 of quiet zone each side.
    const modules = qr.size - 8;
    expect((modules - 17) % 4).toBe(0);
    expect(modules).toBeLessThanOrEqual(57); // version 10 at most: scannable off a laptop screen
    expect(qr.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    // The top-left finder pattern starts at the quiet zone.
    expect(qr.path.startsWith("M4 4h1v1h-1z")).toBe(true);
  });
});
