// The meeting and consultation forms' rules, shared by the browser (Conform) and the server
// (the server's parse is the rule). Messages are translation keys, translated at display.
import { z } from "zod";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { isTimeZone } from "~/lib/dates";
import { currentTimeZone } from "~/lib/time-zones";
import { nameField } from "~/lib/name-rules";
import { hasLostCharacter } from "~/lib/text-integrity";

const E = (key: string) => `consultations:errors.${key}`;

// Titles, bodies, venues and sessions are one-line names: the name rules (name-rules.ts) apply.
// Damaged text keeps this form's own message, which says what to do in a title.
const requiredText = (max: number) =>
  nameField(
    z
      .string({ required_error: E("required") })
      .trim()
      .min(1, E("required"))
      .max(max, E("tooLong"))
      .refine((value) => !hasLostCharacter(value), E("lostCharacter")),
    E("required"),
  );
const optionalText = (max: number) =>
  nameField(
    z
      .string()
      .trim()
      .max(max, E("tooLong"))
      .refine((value) => !hasLostCharacter(value), E("lostCharacter")),
  ).optional();

const isoDate = z
  .string({ required_error: E("required") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, E("dateInvalid"))
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), E("dateInvalid"));

// UN document symbols: capitals, digits and the separators / . - (e.g. CTOC/COP/WG.2/2020/L.1).
const symbol = (max: number) =>
  z
    .string()
    .trim()
    .max(max, E("tooLong"))
    .regex(/^[A-Z0-9][A-Za-z0-9./-]*$/, E("symbolInvalid"));

export const MEETING_FORMATS = ["in_person", "hybrid", "online"] as const;

/** The official languages other than English, in which a meeting's body and venue may also be given. */
export const OTHER_LANGUAGES = LANGUAGE_CODES.filter((code): code is Exclude<Language, "en"> => code !== "en");

// A name in the other official languages, each optional, with the rules and the limit of the
// English field (English stands in for a language left empty). Other keys are dropped.
const otherLanguageNames = (max: number) =>
  z
    .object(Object.fromEntries(OTHER_LANGUAGES.map((code) => [code, optionalText(max)])) as Record<Exclude<Language, "en">, ReturnType<typeof optionalText>>)
    .optional();

export const MeetingSchema = z
  .object({
    body: requiredText(300),
    parentBody: optionalText(300),
    symbolPrefix: symbol(60),
    session: requiredText(100),
    venue: requiredText(100),
    bodyTranslations: otherLanguageNames(300),
    venueTranslations: otherLanguageNames(100),
    startDate: isoDate,
    endDate: isoDate,
    format: z.enum(MEETING_FORMATS, { errorMap: () => ({ message: E("choose") }) }),
    // Stored by its current IANA name: "Europe/Kiev" (old data, an old browser) becomes Europe/Kyiv.
    timeZone: z
      .string({ required_error: E("required") })
      .refine(isTimeZone, E("timeZoneInvalid"))
      .transform(currentTimeZone),
  })
  .refine((m) => m.endDate >= m.startDate, { path: ["endDate"], message: E("endBeforeStart") });

export type MeetingInput = z.infer<typeof MeetingSchema>;

export const ConsultationSchema = z
  .object({
    meetingId: z.string({ required_error: E("chooseMeeting") }).uuid(E("chooseMeeting")),
    title: requiredText(300),
    // Receipt numbers read e.g. CTOC-2020-PER-0001, so the prefix is short, capitals and hyphens.
    receiptPrefix: z
      .string({ required_error: E("required") })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{2,12}(-[A-Z0-9]{1,12}){0,3}$/, E("receiptPrefixInvalid")),
    workingLanguage: z.enum(LANGUAGE_CODES as [string, ...string[]], { errorMap: () => ({ message: E("choose") }) }).default("en"),
    deadlineDate: isoDate.optional(),
    deadlineTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, E("timeInvalid"))
      .optional(),
    crpSymbol: symbol(60).optional(),
    parentSession: optionalText(100),
    parentSessionVenue: optionalText(100),
    parentSessionStartDate: isoDate.optional(),
    parentSessionEndDate: isoDate.optional(),
    parentAgendaItemNumber: optionalText(10),
    parentAgendaItemTitle: optionalText(300),
    provisionalAgendaSymbol: symbol(60).optional(),
    reflectionApprovedOn: isoDate.optional(),
    reflectionApprovalMethod: optionalText(200),
    chairIds: z
      .array(z.string().uuid(E("choose")))
      .max(20)
      .default([]),
  })
  .refine((c) => Boolean(c.deadlineDate) === Boolean(c.deadlineTime), {
    path: ["deadlineTime"],
    message: E("deadlineIncomplete"),
  })
  .refine((c) => !c.parentSessionStartDate || !c.parentSessionEndDate || c.parentSessionEndDate >= c.parentSessionStartDate, {
    path: ["parentSessionEndDate"],
    message: E("endBeforeStart"),
  });

export type ConsultationInput = z.infer<typeof ConsultationSchema>;

/** A receipt prefix suggested from a meeting: "CTOC/COP/WG.2", session "2020" -> "WG2-2020". */
export function suggestReceiptPrefix(symbolPrefix: string, session: string): string {
  const body = (symbolPrefix.split("/").pop() ?? "")
    .replace(/[^A-Za-z0-9]/g, "")
    .toUpperCase()
    .slice(0, 12);
  const year = /\b(19|20)\d{2}\b/.exec(session)?.[0];
  return [body || "NP", year].filter(Boolean).join("-");
}
