// The two-factor forms: one schema for the browser and the server. The code itself is read by
// parseSecondFactorCode (app/lib/two-factor.ts) on the server, which accepts the forms people type.
import { z } from "zod";

const code = z.string({ required_error: "auth:twoFactor.errors.codeRequired" }).max(64, "auth:twoFactor.errors.format");

/** The sign-in step, and the confirmation of a new app. */
export const CodeSchema = z.object({ code });

export const DisableTwoFactorSchema = z.object({
  password: z.string({ required_error: "auth:twoFactor.errors.passwordRequired" }).max(1000, "auth:twoFactor.errors.wrongPassword"),
  code,
});
