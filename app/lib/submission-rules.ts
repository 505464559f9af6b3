// What a delegation's submission may contain, checked the same way wherever it comes from (the
// editor's autosave, the submit, a forged request). Pure: no I/O. Messages are translation keys
// in the "submissions" namespace ("submissions:errors.…"), translated only at display.
import { z } from "zod";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { isUuid } from "~/lib/ids";
import { lostCharacter } from "~/lib/text-integrity";

/** Longest comment (and proposed wording of a point) accepted, in characters. */
export const MAX_COMMENT_LENGTH = 50_000;
/** Longest submission, all its texts together: 60 points with long comments fit many times over. */
export const MAX_SUBMISSION_LENGTH = 2_000_000;
/** Far more entries than any agenda has; more is a forged request. */
export const MAX_GENERAL_COMMENTS = 200;
export const MAX_POINT_COMMENTS = 1_000;
export const MAX_PROPOSALS = 500;

const E = (key: string) => `submissions:errors.${key}`;

/** A submission's content, as stored in the draft and frozen in each revision. */
export type SubmissionContent = {
  language: Language;
  /** One general comment per agenda item at most. */
  general: { agendaItemId: string; body: string }[];
  /**
   * One entry per discussion point at most: a comment, and/or a proposed rewording of the point
   * (an amendment). `proposedText: null` means no amendment; an empty string proposes deleting
   * the point.
   */
  points: { pointId: string; body: string; proposedText: string | null }[];
  /** The delegation's own suggested points, lettered (a), (b), … within each agenda item. */
  proposals: { agendaItemId: string; label: string; body: string }[];
};

/** What a client may send: labels are assigned by the server, missing texts are empty. */
export type SubmissionContentInput = {
  language: string;
  general?: { agendaItemId: string; body?: string }[];
  points?: { pointId: string; body?: string; proposedText?: string | null }[];
  proposals?: { agendaItemId: string; label?: string; body?: string }[];
};

export const EMPTY_CONTENT: SubmissionContent = { language: "en", general: [], points: [], proposals: [] };

// ---------------------------------------------------------------------------------------------
// Texts

// Unicode's mandatory line breaks (UAX #14: CR LF, CR, LF, VT, FF, NEL, LS, PS): Word copies a
// manual line break as VT, PDFs give FF, and some systems NEL or LS/PS. All become one "\n".
const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028\u2029]/g;

/** One kind of line break, no white space around the whole text. Inner spacing is the author's. */
export function normalizeCommentText(value: string): string {
  return value.replace(LINE_BREAKS, "\n").trim();
}

// Control characters other than tab and line feed: C0, DEL and C1. Invisible, and never typed.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): they can make
// stored text display in another order than it reads ("Trojan Source"). The marks U+200E/U+200F
// and U+061C, and ZWJ/ZWNJ, which Arabic, Persian and Indic writing need, stay allowed.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** "U+202E" */
function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Where the first match of `pattern` is, counted in characters from 1, and which character. */
function firstMatch(value: string, pattern: RegExp): { position: number; code: string } | null {
  const match = pattern.exec(value);
  if (!match) return null;
  return { position: [...value.slice(0, match.index)].length + 1, code: codePointLabel(match[0]) };
}

/** Characters as a reader counts them (code points: a Chinese character or an emoji is one). */
export function characterCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export type TextProblem = { message: string; values: Record<string, string | number> };

/** What is wrong with one normalized text, or nothing: too long, damaged, control or bidi characters. */
export function textProblems(value: string, max = MAX_COMMENT_LENGTH): TextProblem[] {
  const problems: TextProblem[] = [];
  // value.length >= code points: the exact count only when it might matter.
  if (value.length > max) {
    const length = characterCount(value);
    if (length > max) problems.push({ message: E("tooLong"), values: { length, max } });
  }
  // Checked first: a damaged character is not the author's to remove, it means the text was lost.
  const lost = lostCharacter(value);
  if (lost) problems.push({ message: E("lostCharacter"), values: lost });
  const bidi = firstMatch(value, BIDI_CONTROL);
  if (bidi) problems.push({ message: E("bidiControl"), values: bidi });
  const control = lost?.code === "U+0000" ? null : firstMatch(value, CONTROL);
  if (control) problems.push({ message: E("controlCharacter"), values: control });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Labels of new proposals

/** (a), (b), … (z), then (aa), (bb), … as in UN documents. */
export function proposalLabel(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return `(${letter.repeat(Math.floor(index / 26) + 1)})`;
}

// ---------------------------------------------------------------------------------------------
// The schema

function addProblems(ctx: z.RefinementCtx, problems: TextProblem[]) {
  for (const problem of problems) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem.message, params: problem.values });
}

const commentText = z
  .string({ invalid_type_error: E("invalid") })
  .nullish()
  .transform((value) => normalizeCommentText(value ?? ""))
  .superRefine((value, ctx) => addProblems(ctx, textProblems(value)));

// Null or absent: no amendment. A string, even empty once trimmed: the proposed wording.
const proposedText = z
  .string({ invalid_type_error: E("invalid") })
  .nullish()
  .transform((value) => (value === null || value === undefined ? null : normalizeCommentText(value)))
  .superRefine((value, ctx) => {
    if (value !== null) addProblems(ctx, textProblems(value));
  });

const agendaItemId = z.string({ required_error: E("agendaItemUnknown"), invalid_type_error: E("agendaItemUnknown") }).refine(isUuid, E("agendaItemUnknown"));
const pointId = z.string({ required_error: E("pointUnknown"), invalid_type_error: E("pointUnknown") }).refine(isUuid, E("pointUnknown"));

function bounded<T extends z.ZodTypeAny>(item: T, max: number) {
  return z
    .array(item, { invalid_type_error: E("invalid") })
    .nullish()
    .transform((value) => value ?? [])
    .superRefine((value, ctx) => {
      if (value.length > max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: E("tooManyEntries"), params: { max } });
    });
}

const ContentShape = z
  .object(
    {
      language: z.enum(LANGUAGE_CODES as [Language, ...Language[]], {
        errorMap: () => ({ message: E("languageUnknown") }),
      }),
      general: bounded(z.object({ agendaItemId, body: commentText }), MAX_GENERAL_COMMENTS),
      points: bounded(z.object({ pointId, body: commentText, proposedText }), MAX_POINT_COMMENTS),
      proposals: bounded(
        // A label sent by the client is ignored: the server letters proposals itself.
        z.object({ agendaItemId, label: z.unknown().optional(), body: commentText }),
        MAX_PROPOSALS,
      ),
    },
    { invalid_type_error: E("invalid"), required_error: E("invalid") },
  )
  .superRefine((content, ctx) => {
    const duplicate = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    const seenItems = new Set<string>();
    content.general.forEach((entry, index) => {
      if (!entry.body) return;
      if (seenItems.has(entry.agendaItemId)) duplicate(["general", index, "agendaItemId"], E("duplicateAgendaItem"));
      seenItems.add(entry.agendaItemId);
    });
    const seenPoints = new Set<string>();
    content.points.forEach((entry, index) => {
      if (!entry.body && entry.proposedText === null) return;
      if (seenPoints.has(entry.pointId)) duplicate(["points", index, "pointId"], E("duplicatePoint"));
      seenPoints.add(entry.pointId);
    });
    const total =
      content.general.reduce((n, e) => n + e.body.length, 0) +
      content.points.reduce((n, e) => n + e.body.length + (e.proposedText?.length ?? 0), 0) +
      content.proposals.reduce((n, e) => n + e.body.length, 0);
    if (total > MAX_SUBMISSION_LENGTH) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [], message: E("submissionTooLong"), params: { max: MAX_SUBMISSION_LENGTH } });
    }
  });

/** Where each kept entry came from in what the client sent (for errors found later, by index). */
export type ContentSources = { general: number[]; points: number[]; proposals: number[] };

function normalizeContent(shape: z.output<typeof ContentShape>): { content: SubmissionContent; sources: ContentSources } {
  const sources: ContentSources = { general: [], points: [], proposals: [] };
  const letters = new Map<string, number>();
  const content: SubmissionContent = { language: shape.language, general: [], points: [], proposals: [] };
  shape.general.forEach((e, index) => {
    if (e.body === "") return;
    content.general.push({ agendaItemId: e.agendaItemId, body: e.body });
    sources.general.push(index);
  });
  shape.points.forEach((e, index) => {
    if (e.body === "" && e.proposedText === null) return;
    content.points.push({ pointId: e.pointId, body: e.body, proposedText: e.proposedText });
    sources.points.push(index);
  });
  shape.proposals.forEach((e, index) => {
    if (e.body === "") return;
    const n = letters.get(e.agendaItemId) ?? 0;
    letters.set(e.agendaItemId, n + 1);
    content.proposals.push({ agendaItemId: e.agendaItemId, label: proposalLabel(n), body: e.body });
    sources.proposals.push(index);
  });
  return { content, sources };
}

/**
 * The server's check of a submission's content (the browser may use it too). It normalizes line
 * breaks, drops empty comments, letters the new proposals of each agenda item (a), (b), … in
 * order, and refuses, each at the field concerned: an unknown language; a text over 50,000
 * characters; control characters other than tab and line breaks; bidi embedding, override and
 * isolate characters; malformed ids; an agenda item or point given twice. HTML or script is
 * ordinary text here: stored as typed and always displayed as text.
 */
export const SubmissionContentSchema = ContentShape.transform((shape): SubmissionContent => normalizeContent(shape).content);

/** One refusal, at a field named as Conform names it ("points[2].body"; "" for the whole form). */
export type ContentIssue = {
  field: string;
  /** A translation key, e.g. "submissions:errors.tooLong". */
  message: string;
  /** Values for the message, e.g. { length: 50123, max: 50000 } or { code: "U+202E", position: 17 }. */
  values?: Record<string, string | number>;
};

/** "points[2].body" from ["points", 2, "body"] (Conform's field names). */
export function fieldName(path: (string | number)[]): string {
  return path.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${part}` : part), "");
}

export type ParsedContent = { ok: true; content: SubmissionContent; sources: ContentSources } | { ok: false; issues: ContentIssue[] };

/** Checks and normalizes a submission's content; never throws. */
export function parseSubmissionContent(input: unknown): ParsedContent {
  const parsed = ContentShape.safeParse(input);
  if (parsed.success) return { ok: true, ...normalizeContent(parsed.data) };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      field: fieldName(issue.path),
      message: issue.message.startsWith("submissions:") ? issue.message : E("invalid"),
      ...(issue.code === z.ZodIssueCode.custom && issue.params ? { values: issue.params as Record<string, string | number> } : {}),
    })),
  };
}

/** Issues grouped by field, as Conform's `reply({ fieldErrors })` and FormErrors take them. */
export function fieldErrors(issues: ContentIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.field] ??= []).push(issue.message);
  return errors;
}

/** Whether a content has nothing to submit. */
export function isEmptyContent(content: SubmissionContent): boolean {
  return !content.general.length && !content.points.length && !content.proposals.length;
}

/** Two contents say the same thing (same language, same entries in the same order). */
export function sameContent(a: SubmissionContent, b: SubmissionContent): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(c: SubmissionContent) {
  return [
    c.language,
    c.general.map((e) => [e.agendaItemId, e.body]),
    c.points.map((e) => [e.pointId, e.body, e.proposedText]),
    c.proposals.map((e) => [e.agendaItemId, e.label, e.body]),
  ];
}

/** A short, safe idempotency key from the browser: 8–100 letters, digits, "-", "_" or ":". */
export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_:-]{8,100}$/.test(value);
}

// ---------------------------------------------------------------------------------------------
// Refusals of the submission models, as messages

/** Why a submission model refused; each has a message under "submissions:errors.". */
export type SubmissionRefusal =
  | "not_found"
  | "invalid"
  | "not_open"
  | "deadline_passed"
  | "conflict"
  | "stale_draft"
  | "empty"
  | "not_submitted"
  | "not_pending"
  | "reason_required"
  | "reason_too_long"
  | "extension_not_later"
  | "extension_past"
  | "idempotency_key_invalid";

const REFUSAL_MESSAGES: Record<SubmissionRefusal, string> = {
  not_found: E("notFound"),
  invalid: E("invalid"),
  not_open: E("notOpen"),
  deadline_passed: E("deadlinePassed"),
  conflict: E("draftConflict"),
  stale_draft: E("staleDraft"),
  empty: E("empty"),
  not_submitted: E("notSubmitted"),
  not_pending: E("notPending"),
  reason_required: E("reasonRequired"),
  reason_too_long: E("reasonTooLong"),
  extension_not_later: E("extensionNotLater"),
  extension_past: E("extensionPast"),
  idempotency_key_invalid: E("idempotencyKeyInvalid"),
};

/** The translation key that explains a model's refusal to the user. */
export function refusalMessage(reason: SubmissionRefusal): string {
  return REFUSAL_MESSAGES[reason];
}

/** Longest reason for a decision on a late submission. */
export const MAX_DECISION_REASON = 2_000;

/** The reason the secretariat gives for accepting or declining a late submission, checked. */
export function checkDecisionReason(value: unknown): { ok: true; reason: string } | { ok: false; refusal: "reason_required" | "reason_too_long" | "invalid" } {
  if (typeof value !== "string") return { ok: false, refusal: "reason_required" };
  const reason = normalizeCommentText(value);
  if (!reason) return { ok: false, refusal: "reason_required" };
  if (reason.length > MAX_DECISION_REASON) return { ok: false, refusal: "reason_too_long" };
  if (textProblems(reason, MAX_DECISION_REASON).length) return { ok: false, refusal: "invalid" };
  return { ok: true, reason };
}

// ---------------------------------------------------------------------------------------------
// Where a revision stands

export type LateDecision = "pending" | "accepted" | "declined";

/**
 * What a revision is now, for lists and badges:
 * - "current": the delegation's comments that count (on time, or late and accepted);
 * - "pending": late, held for the secretariat; "declined": late, not accepted;
 * - "superseded": replaced by a later revision; "withdrawn": withdrawn by the delegation.
 */
export type RevisionState = "current" | "pending" | "declined" | "superseded" | "withdrawn";

export function revisionState(revision: { supersededAt: Date | null; withdrawnAt: Date | null; late: LateDecision | null }): RevisionState {
  if (revision.withdrawnAt) return "withdrawn";
  if (revision.late === "declined") return "declined";
  if (revision.supersededAt) return "superseded";
  if (revision.late === "pending") return "pending";
  return "current";
}

/**
 * A short text of the secretariat or a chair (a private note, the observations on a disposition)
 * as stored: line breaks unified, trimmed, empty as null; or why it is refused (over `max`
 * characters, or control and bidi embedding/override characters).
 */
export function checkShortText(
  value: string | null | undefined,
  max: number,
): { ok: true; text: string | null } | { ok: false; reason: "too_long" | "invalid" } {
  const text = normalizeCommentText(value ?? "");
  if (!text) return { ok: true, text: null };
  if (text.length > max && characterCount(text) > max) return { ok: false, reason: "too_long" };
  if (textProblems(text, Infinity).length) return { ok: false, reason: "invalid" };
  return { ok: true, text };
}
