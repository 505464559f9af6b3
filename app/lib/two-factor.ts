// Two-factor sign-in rules, without database access (app/models/two-factor.server.ts applies them):
// time-based codes (RFC 6238, through @epic-web/totp), their replay rule, recovery codes, and the
// limit on wrong codes. Server-only: the browser never sees a secret's arithmetic.
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";

/** What authenticator apps assume when told nothing else: SHA-1, six digits, 30-second steps. */
export const TOTP = { algorithm: "SHA-1", digits: 6, period: 30 } as const;

/** One step either side of now: a phone's clock a little off, or a code typed as it changes. */
export const TOTP_WINDOW = 1;

/** The issuer shown in the authenticator app beside the account's address. */
export const TOTP_ISSUER = "Nonpaper";

export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_LENGTH = 10;
// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not misread.
export const RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Wrong codes allowed per account within the window, whatever the page they were typed on. */
export const CODE_LIMITS = { perWindow: 5, windowMs: 15 * 60 * 1000 } as const;

/** The 30-second step a moment falls in. */
export const totpStep = (nowMs: number) => Math.floor(nowMs / 1000 / TOTP.period);

/** A used step and every earlier one are refused: an overheard code cannot be used again. */
export const isReplay = (step: number, lastStep: number | null) => lastStep !== null && step <= lastStep;

/**
 * The time step whose code this is (within the window around now), or null. The step is read
 * before and after the check, and the check repeated if a step boundary fell in between, so that
 * the step recorded against replays is the one the library actually matched.
 */
export async function matchTotpStep(code: string, secret: string, now: () => number = Date.now): Promise<number | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = totpStep(now());
    const match = await verifyTOTP({ otp: code, secret, ...TOTP, window: TOTP_WINDOW });
    if (totpStep(now()) !== before) continue;
    return match ? before + match.delta : null;
  }
  return null;
}

/** The code an authenticator app shows now (the demo's sign-in hint, the tests). */
export async function currentTotp(secret: string): Promise<string> {
  return (await generateTOTP({ secret, ...TOTP })).otp;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, accountName: string): string {
  return getTOTPAuthUri({ ...TOTP, secret, accountName, issuer: TOTP_ISSUER });
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding: the form authenticator apps take a secret in. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A secret as a person types it from the screen: groups of four. */
export const groupSecret = (secret: string) => (secret.match(/.{1,4}/g) ?? []).join(" ");

/** Recovery codes as shown: two groups of five. */
export const formatRecoveryCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** A recovery code from random bytes (one byte per character; 256 is a multiple of 32, so uniform). */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECOVERY_CODE_LENGTH) throw new Error("not enough random bytes");
  return Array.from(bytes.subarray(0, RECOVERY_CODE_LENGTH), (b) => RECOVERY_ALPHABET[b & 31]).join("");
}

// Arabic-Indic and Persian digits, as a phone set to Arabic may type them.
const foreignDigits = (text: string) => text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));

export type SecondFactorCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

/**
 * What a person typed in the code field: six digits (full-width and Arabic-Indic digits too,
 * spaces ignored) are a time-based code; ten characters of the recovery alphabet (hyphens and
 * spaces ignored, any case, O read as 0, I and L as 1) a recovery code; anything else null.
 */
export function parseSecondFactorCode(raw: string): SecondFactorCode | null {
  const compact = foreignDigits(raw.normalize("NFKC")).replace(/[\s\-\u2010-\u2015]/g, "");
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  const recovery = compact.toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
  if (recovery.length === RECOVERY_CODE_LENGTH && [...recovery].every((c) => RECOVERY_ALPHABET.includes(c))) {
    return { kind: "recovery", code: recovery };
  }
  return null;
}

export type CodeBucket = { failures: number; windowStartedAt: Date };

export type CodeDecision = { admitted: true; next: CodeBucket } | { admitted: false; retryAfterSeconds: number };

/**
 * Whether a code may be checked. An admitted check is counted at once (the caller writes `next`
 * before checking) and un-counted if the code was right, so parallel guesses cannot slip past the
 * limit. The window starts at the first failure and is not extended by refused attempts.
 */
export function decideCodeAttempt(bucket: CodeBucket, now: Date): CodeDecision {
  const expired = now.getTime() - bucket.windowStartedAt.getTime() >= CODE_LIMITS.windowMs;
  const current = expired ? { failures: 0, windowStartedAt: now } : bucket;
  if (current.failures >= CODE_LIMITS.perWindow) {
    const end = current.windowStartedAt.getTime() + CODE_LIMITS.windowMs;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
  }
  return { admitted: true, next: { failures: current.failures + 1, windowStartedAt: current.windowStartedAt } };
}
