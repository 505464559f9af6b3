import { isIP } from "node:net";
import { z } from "zod";

const booleanFlag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  SEED_DEMO: booleanFlag.optional(),
  // Mark cookies Secure even when the request arrives over plain HTTP (TLS ends at a proxy).
  COOKIE_SECURE: booleanFlag.optional(),
  // Which reverse proxies' X-Forwarded-For / -Proto to believe (Express "trust proxy"): see trustProxy.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = trustProxy(value);
      if (parsed instanceof Error) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
        return z.NEVER;
      }
      return parsed;
    }),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().optional(),
  // Outgoing mail: smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465. Unset:
  // nothing is sent and the messages wait in the outbox page, to be copied by hand.
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:$/.test(new URL(value).protocol), "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Nonpaper <no-reply@nonpaper.invalid>"),
  // The site's address for links in emails (https://nonpaper.example.org); else the request's origin.
  PUBLIC_URL: z
    .string()
    .url()
    .refine((value) => /^https?:$/.test(new URL(value).protocol), "must be an http:// or https:// URL")
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  // A LibreTranslate-compatible server (https://translate.example.org) for machine-assisted draft
  // translations on the translation desk. Unset: no suggestions are offered; officers translate by hand.
  TRANSLATE_URL: z
    .string()
    .url()
    .refine((value) => /^https?:$/.test(new URL(value).protocol), "must be an http:// or https:// URL")
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  // The api_key that server asks for, if it asks for one. Never logged.
  TRANSLATE_API_KEY: z.string().min(1).optional(),
  // A session unused this long ends (beside the absolute 12 hours). Two hours by default: a
  // delegate leaves the tab open through a meeting; the autosave of a draft counts as use.
  SESSION_IDLE_MINUTES: z.coerce
    .number({ invalid_type_error: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(5, "must be at least 5 minutes")
    .max(720, "must be at most 720 minutes (the 12-hour absolute limit of a session)")
    .default(120),
});

export type Env = z.infer<typeof schema>;

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY, as Express's "trust proxy" setting. Never `true` (believe every X-Forwarded-For
 * entry, which lets a client choose its own address for rate limits and the audit log):
 * - unset, `0`, `false`: no proxy; the address is the connection's;
 * - `1`, `2`, …: that many proxies in front (`true` reads as `1`); the address is the entry that
 *   many hops from the end of X-Forwarded-For, the one the nearest trusted proxy saw;
 * - `10.0.0.5,10.1.0.0/16,loopback`: the proxies by address or CIDR (or Express's names
 *   loopback, linklocal, uniquelocal); the address is the last entry not from one of them.
 */
export function trustProxy(value: string | undefined): false | number | string[] | Error {
  const given = value?.trim() ?? "";
  if (given === "" || given === "0" || given === "false") return false;
  if (given === "true") return 1;
  if (/^\d+$/.test(given)) {
    const hops = Number(given);
    return hops <= 10 ? hops : new Error("a number of proxies from 1 to 10, or their addresses");
  }
  const entries = given.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    if (PROXY_NAMES.has(entry)) continue;
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk || rest.length) {
      return new Error(`"${entry}" is neither a number of proxies, nor an IP address or CIDR range, nor loopback/linklocal/uniquelocal`);
    }
  }
  return entries;
}

let parsed: Env | undefined;

// Parsed once, at first use, so a wrong setting stops the server with a clear message.
export function env(): Env {
  if (parsed) return parsed;
  // An empty variable (DATABASE_URL=) means "not set", as in most deployment tools.
  const given = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const result = schema.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Nonpaper: invalid configuration\n  ${problems.join("\n  ")}`);
  }
  if (result.data.NODE_ENV === "production" && !result.data.SESSION_SECRET && result.data.DATABASE_URL) {
    throw new Error("Nonpaper: SESSION_SECRET must be set when running against a server database");
  }
  parsed = result.data;
  return parsed;
}

/** Forget the parsed settings, so that a test can change process.env and be seen. Tests only. */
export function resetEnvForTests(): void {
  parsed = undefined;
}

/** The absolute base of links in emails: PUBLIC_URL, else the origin the request came to. */
export function publicBaseUrl(request: Request): string {
  return env().PUBLIC_URL ?? new URL(request.url).origin;
}

/**
 * What to say at start-up about links in emails: in production without PUBLIC_URL, each link is
 * built from the address a request came to, which a client chooses (its Host header).
 */
export function publicUrlWarning(settings: { NODE_ENV?: string; PUBLIC_URL?: string }): string | null {
  if (settings.NODE_ENV !== "production" || settings.PUBLIC_URL) return null;
  return "Nonpaper: WARNING: PUBLIC_URL is not set. Links in emails (receipts, invitations, notices) will use the address each request came to, which a client can forge with its Host header. Set PUBLIC_URL=https://your.site.";
}

/**
 * The server refuses to start in production against a server database without PUBLIC_URL: that is
 * a real installation (the same test as for SESSION_SECRET), whose mail would otherwise carry
 * whatever Host a client sent. The demo on the embedded database only gets the warning above.
 * Checked at server start-up only, so the command-line tools and benchmarks are not affected.
 */
export function assertPublicUrlForServer(settings: { NODE_ENV?: string; PUBLIC_URL?: string; DATABASE_URL?: string }): void {
  if (settings.NODE_ENV === "production" && settings.DATABASE_URL && !settings.PUBLIC_URL) {
    throw new Error(
      "Nonpaper: PUBLIC_URL must be set when running in production against a server database (links in emails are built from it), e.g. PUBLIC_URL=https://nonpaper.example.org",
    );
  }
}
