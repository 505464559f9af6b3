// The account forms (password change, reset, disabling an account): one schema for the browser
// and the server. Passwords are never trimmed: every character typed is part of them.
import { z } from "zod";
import { FORM_UNREADABLE, unreadable } from "~/lib/form-unreadable";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/lib/invitation-rules";

const newPassword = z
  .string({ required_error: "account:errors.newPasswordRequired" })
  .min(PASSWORD_MIN_LENGTH, "account:errors.passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "account:errors.passwordTooLong");
const confirmPassword = z.string({ required_error: "account:errors.passwordMismatch" });

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: z.string({ required_error: "account:errors.currentPasswordRequired" }).max(1000, "account:errors.currentPasswordWrong"),
    newPassword,
    confirmPassword,
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "account:errors.passwordMismatch", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "account:errors.passwordUnchanged", path: ["newPassword"] });

export const ResetRequestSchema = z.object({
  email: z.string({ required_error: "account:errors.emailRequired" }).trim().max(320, "account:errors.emailInvalid").email("account:errors.emailInvalid"),
});

export const ResetPasswordSchema = z
  .object({ newPassword, confirmPassword })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "account:errors.passwordMismatch", path: ["confirmPassword"] });

/** Longest reason kept with a disabled account. */
export const DISABLE_REASON_MAX_LENGTH = 500;

// The intent and the account come from the page's buttons: wrong, they are a forged or stale form.
const userId = z.string({ required_error: FORM_UNREADABLE }).uuid(FORM_UNREADABLE);

export const AccountStatusSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("disable"),
      userId,
      reason: z.string().trim().max(DISABLE_REASON_MAX_LENGTH, "account:errors.reasonTooLong").optional(),
      confirm: z.literal("on", { errorMap: () => ({ message: "account:errors.confirmDisable" }) }),
    }),
    z.object({ intent: z.literal("enable"), userId }),
  ],
  unreadable(),
);
