import { z } from "zod";

const booleanFlag = z
  .enum(["0", "1", "true", "false"])
  .transform((value) => value === "1" || value === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  SEED_DEMO: booleanFlag.optional(),
  // Mark cookies Secure even when the request arrives over plain HTTP (TLS ends at a proxy).
  COOKIE_SECURE: booleanFlag.optional(),
  // Honour X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of the app.
  TRUST_PROXY: booleanFlag.optional(),
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
});

export type Env = z.infer<typeof schema>;

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
