// The form an invitee fills in to create the account: one schema for the browser and the server.
import { z } from "zod";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { isTimeZone } from "~/lib/dates";
import { currentTimeZone } from "~/lib/time-zones";
import { nameField } from "~/lib/name-rules";
import { MAX_NAME_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/lib/invitation-rules";

export const AcceptInvitationSchema = z
  .object({
    name: nameField(
      z
        .string({ required_error: "registrations:accept.errors.nameRequired" })
        .trim()
        .min(1, "registrations:accept.errors.nameRequired")
        .max(MAX_NAME_LENGTH, "registrations:accept.errors.nameTooLong"),
      "registrations:accept.errors.nameRequired",
    ),
    // Not trimmed: every character the person typed is part of the password.
    password: z
      .string({ required_error: "registrations:accept.errors.passwordRequired" })
      .min(PASSWORD_MIN_LENGTH, "registrations:accept.errors.passwordTooShort")
      .max(PASSWORD_MAX_LENGTH, "registrations:accept.errors.passwordTooLong"),
    confirmPassword: z.string({ required_error: "registrations:accept.errors.passwordMismatch" }),
    language: z.enum(LANGUAGE_CODES as [Language, ...Language[]], {
      errorMap: () => ({ message: "registrations:accept.errors.languageInvalid" }),
    }),
    timeZone: z
      .string({ required_error: "registrations:accept.errors.timeZoneInvalid" })
      .max(64, "registrations:accept.errors.timeZoneInvalid")
      .refine(isTimeZone, "registrations:accept.errors.timeZoneInvalid")
      .transform(currentTimeZone),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: "registrations:accept.errors.passwordMismatch",
    path: ["confirmPassword"],
  });
