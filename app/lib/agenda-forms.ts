// The forms of the agenda editor and of paste-to-import: one Zod schema each, used by Conform in
// the browser and again on the server (the server's check is the rule). Messages are
// translation keys in the "agenda" namespace (common's for a forged form), translated only at
// display (FormErrors).
import { z } from "zod";
import { FORM_UNREADABLE, unreadable } from "~/lib/form-unreadable";
import { hasLostCharacter } from "~/lib/text-integrity";
import { MAX_POINT_TEXT } from "~/lib/limits";

export const MAX_AGENDA_NUMBER = 20;
export const MAX_HEADING = 3;
export const MAX_TITLE = 1_000;
export const MAX_INTRODUCTION = 5_000;
export const MAX_LABEL = 60;
/** A whole report is about 100,000 characters; five times that is a paste gone wrong. */
export const MAX_PASTED = 500_000;
export const MAX_IMPORT_ITEMS = 100;
export const MAX_IMPORT_POINTS = 500;

/** One kind of line break, no spaces around: the same text typed on any system is the same. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?|[\f\v\u2028\u2029]/g, "\n").trim();
}

/** A one-line field (title, label, number): every run of white space becomes one space. */
export function normalizeLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

// Control characters and bidi overrides or isolates: invisible, and able to make a label or a
// point read differently from what is stored. Line breaks and tabs are ordinary text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
export const hasControlCharacters = (value: string) => CONTROL.test(value);

function field(normalize: (v: string) => string, rules: { max: number; tooLong: string; required?: string }) {
  return z
    .string()
    .optional()
    .transform((value) => normalize(value ?? ""))
    .superRefine((value, ctx) => {
      if (rules.required && value === "") ctx.addIssue({ code: "custom", message: rules.required });
      else if (value.length > rules.max) ctx.addIssue({ code: "custom", message: rules.tooLong });
      else if (hasLostCharacter(value)) ctx.addIssue({ code: "custom", message: "agenda:errors.lostCharacter" });
      else if (hasControlCharacters(value)) ctx.addIssue({ code: "custom", message: "agenda:errors.controlCharacters" });
    });
}
const orNull = (value: string) => (value === "" ? null : value);

const agendaNumber = field(normalizeLine, { max: MAX_AGENDA_NUMBER, tooLong: "agenda:errors.numberTooLong" }).transform(orNull);
const heading = field((v) => normalizeLine(v).toUpperCase(), { max: MAX_HEADING, tooLong: "agenda:errors.headingTooLong" }).transform(orNull);
const title = field(normalizeLine, { max: MAX_TITLE, tooLong: "agenda:errors.titleTooLong", required: "agenda:errors.titleRequired" });
const introduction = field(normalizeText, { max: MAX_INTRODUCTION, tooLong: "agenda:errors.introductionTooLong" }).transform(orNull);
export const label = field(normalizeLine, { max: MAX_LABEL, tooLong: "agenda:errors.labelTooLong", required: "agenda:errors.labelRequired" });
export const pointText = field(normalizeText, { max: MAX_POINT_TEXT, tooLong: "agenda:errors.textTooLong", required: "agenda:errors.textRequired" });
const id = z.string();
// The buttons' and hidden fields' values: anything else is a forged or stale form.
const direction = z.enum(["up", "down"], unreadable());
/** The version a revised text was written against (a hidden field of each revise form). */
export const basedOnVersion = z.coerce
  .number({ invalid_type_error: FORM_UNREADABLE, required_error: FORM_UNREADABLE })
  .int(FORM_UNREADABLE)
  .nonnegative(FORM_UNREADABLE);

const itemFields = { number: agendaNumber, heading, title, introduction };

/** Every form of the agenda editor, told apart by `intent`. Ids are checked by the route first. */
export const AgendaEditorSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("item.create"), ...itemFields }),
  z.object({ intent: z.literal("item.update"), agendaItemId: id, ...itemFields }),
  z.object({ intent: z.literal("item.move"), agendaItemId: id, direction }),
  z.object({ intent: z.literal("item.delete"), agendaItemId: id }),
  z.object({ intent: z.literal("point.create"), agendaItemId: id, label, text: pointText }),
  z.object({ intent: z.literal("point.relabel"), pointId: id, label }),
  z.object({ intent: z.literal("point.move"), pointId: id, direction }),
  z.object({ intent: z.literal("point.delete"), pointId: id }),
  z.object({ intent: z.literal("point.revise"), pointId: id, text: pointText, basedOnVersion }),
]);
export type AgendaEditorIntent = z.infer<typeof AgendaEditorSchema>["intent"];
export const AGENDA_EDITOR_INTENTS = AgendaEditorSchema.options.map((o) => o.shape.intent.value);

// ---------------------------------------------------------------------------------------------
// Paste-to-import

export const PasteSchema = z.object({
  pasted: z
    .string({ required_error: "agenda:errors.pastedRequired" })
    .max(MAX_PASTED, "agenda:errors.pastedTooLong")
    .refine((v) => v.trim() !== "", "agenda:errors.pastedRequired"),
});

export type ImportedAgendaItem = {
  number: string | null;
  heading: string | null;
  title: string;
  introduction: string | null;
  points: { label: string; text: string }[];
};

// Each field is checked only when its item and point are kept, so a left-out point with an
// empty text does not stop the import. What the officer left out is simply not in the output.
const reviewPoint = z.object({ exclude: z.boolean().optional(), label: z.string().optional(), text: z.string().optional() });
const reviewItem = z.object({
  exclude: z.boolean().optional(),
  number: z.string().optional(),
  heading: z.string().optional(),
  title: z.string().optional(),
  introduction: z.string().optional(),
  points: z.array(reviewPoint).optional(),
});

/** The review form: what the parser found, as corrected by the officer. */
export const ImportReviewSchema = z
  .object({
    pasted: z.string().max(MAX_PASTED, "agenda:errors.pastedTooLong").optional(),
    reviewKey: z.string().max(100).optional(),
    items: z.array(reviewItem).max(MAX_IMPORT_ITEMS, "agenda:errors.tooManyItems").optional(),
  })
  .transform((value, ctx) => {
    const items: ImportedAgendaItem[] = [];
    const numbers = new Map<string, number>();
    let pointCount = 0;
    const check = <T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, raw: unknown, path: (string | number)[]): T | undefined => {
      const result = schema.safeParse(raw);
      if (result.success) return result.data;
      for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path });
      return undefined;
    };
    for (const [i, item] of (value.items ?? []).entries()) {
      if (item.exclude) continue;
      const at = (name: string) => ["items", i, name];
      const fields = {
        number: check(agendaNumber, item.number, at("number")),
        heading: check(heading, item.heading, at("heading")),
        title: check(title, item.title, at("title")),
        introduction: check(introduction, item.introduction, at("introduction")),
      };
      if (fields.number) {
        if (numbers.has(fields.number)) ctx.addIssue({ code: "custom", message: "agenda:errors.numberTaken", path: at("number") });
        numbers.set(fields.number, i);
      }
      const labels = new Set<string>();
      const points: ImportedAgendaItem["points"] = [];
      for (const [j, point] of (item.points ?? []).entries()) {
        if (point.exclude) continue;
        const pointAt = (name: string) => ["items", i, "points", j, name];
        const pointLabel = check(label, point.label, pointAt("label"));
        const text = check(pointText, point.text, pointAt("text"));
        if (pointLabel !== undefined && labels.has(pointLabel)) {
          ctx.addIssue({ code: "custom", message: "agenda:errors.labelTaken", path: pointAt("label") });
        }
        if (pointLabel !== undefined) labels.add(pointLabel);
        if (pointLabel !== undefined && text !== undefined) points.push({ label: pointLabel, text });
      }
      pointCount += points.length;
      if (fields.title !== undefined) {
        items.push({
          number: fields.number ?? null,
          heading: fields.heading ?? null,
          title: fields.title,
          introduction: fields.introduction ?? null,
          points,
        });
      }
    }
    if (pointCount > MAX_IMPORT_POINTS) ctx.addIssue({ code: "custom", message: "agenda:errors.tooManyPoints", path: [] });
    if (!(value.items ?? []).some((item) => !item.exclude)) {
      ctx.addIssue({ code: "custom", message: "agenda:errors.nothingToImport", path: [] });
    }
    return { pasted: value.pasted ?? "", reviewKey: value.reviewKey ?? "", items };
  });

/** The counts a review shows and the audit log records. */
export function countImport(items: readonly { points: readonly unknown[] }[]) {
  return { items: items.length, points: items.reduce((n, item) => n + item.points.length, 0) };
}

/** Which form of the editor a submission came from: its intent and the id it acts on. */
export function agendaFormKey(intent: string, id?: string | null): string {
  return `${intent.replace(".", "-")}${id ? `-${id}` : ""}`;
}
