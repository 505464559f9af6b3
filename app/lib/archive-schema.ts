// The consultation archive, format version 3: one JSON file that holds a whole consultation (its
// meeting, agenda, points and their versions, non-papers, registrations, the groups of States it
// uses, submissions with every revision and comment, co-sponsors and alignments, translations,
// reviews, compilations, attached files and audit log), so
// that it can be imported into another instance, or the same one, with nothing lost.
//
// Ids are the database's UUIDs (an export of an import is the same file); people are named by
// email and delegations by code, because those are what two instances share. Passwords, two-factor
// secrets, recovery codes and sessions are never in it. db/archive.schema.json is this schema as
// JSON Schema (archiveJsonSchema(); tests/unit/archive-schema.test.ts keeps the committed file
// equal to it).
//
// An archive is a file from outside: everything in it is checked before anything is written.
// The nesting and the number of values first (jsonNestingProblem on the text, before JSON.parse;
// a bounded walk of a parsed value), then the shape part by part (lengths, enums, ISO dates, the
// CRP's document model), stopping after ARCHIVE_LIMITS.problems, then the checks between parts
// (unique ids, references inside the file, receipts against the prefix and the counter). Each
// problem has its JSON path, an English message (the command line) and a code with values (the
// page's message in the reader's language, locales/<lang>/archive.json "problems").
//
// Versioning: any change that an importer of the current version could not read, or would read
// wrongly, gets a new version number; importers refuse versions they do not know. Version 2 adds
// a later round (issue 18): the consultation's `round` and `previousRound`, a point's `origins` and
// `answers`, all optional, so that a version 1 file reads as it is (and must not hold them).
// Version 3 adds groups of States and the mission's own workflow (issue 19): `groups` (the
// consultation's own and the standing groups it uses, with their members and its coordinators), a
// submission's `onBehalfOf`, its clearance (`clearanceRequestedAt` … `clearedAt`), `cosponsors` and
// `alignments`, a registration's `focalPoint` and `delegateLimit`, a person's `approver`, and a CRP
// delegation's `heading` and `alignment`: optional again, written only when there is something,
// and refused in a file that says version 1 or 2 (laterKeyProblems).
import { z } from "zod/v4";
import type { CrpModel } from "~/documents/crp";
import { directionOf } from "~/i18n/languages";
import { nameProblem } from "~/lib/name-rules";
import { parseReceiptNumber } from "~/lib/receipts";
import { currentTimeZone } from "~/lib/time-zones";

export const ARCHIVE_FORMAT = "nonpaper-consultation-archive";
export const ARCHIVE_VERSION = 3;
/** The versions this instance reads: a file of another is refused before anything else is read. */
export const ARCHIVE_VERSIONS = [1, 2, 3] as const;
/** The largest archive the import page accepts (attachments travel inside, base64). */
export const ARCHIVE_MAX_BYTES = 200 * 1024 * 1024;

/**
 * What an archive may hold at most. The deepest part of a real archive (a paragraph of a CRP's
 * document model) is 14 levels down; an array or a file beyond these is refused before its
 * parts are read, so that a hostile file costs little to refuse.
 */
export const ARCHIVE_LIMITS = {
  depth: 32,
  items: 200_000,
  values: 5_000_000,
  /** Problems listed; a file with more gets one last problem that says so. */
  problems: 500,
} as const;

/**
 * The key that marks an audit entry imported from an archive (in the entry's details, with what
 * the file said: who, when, from where). Reserved: a file's own details may not hold it.
 */
export const IMPORTED_MARK = "$imported";
/** The audit action of an import: this instance's record of it, left out of exports. */
export const IMPORT_ACTION = "consultation.import";

// The database's enums (db/schema/enums.ts), repeated here so this module stays pure.
export const ARCHIVE_ENUMS = {
  language: ["ar", "zh", "en", "fr", "ru", "es"],
  role: ["secretariat", "chair", "delegate"],
  consultationStatus: ["draft", "open", "closed", "compiled"],
  meetingFormat: ["in_person", "hybrid", "online"],
  pointVersionSource: ["draft_report", "non_paper", "revision"],
  participation: ["state_party", "signatory", "observer"],
  commentKind: ["general", "point", "amendment", "new_proposal"],
  submissionStatus: ["draft", "submitted", "withdrawn"],
  lateDecision: ["pending", "accepted", "declined"],
  submissionSource: ["editor", "email_import"],
  translationStatus: ["draft", "final"],
  reviewTag: ["supports", "proposes_amendment", "objects", "new_proposal", "general", "needs_follow_up"],
  disposition: ["reflected", "partly_reflected", "not_reflected", "noted", "superseded", "withdrawn"],
  groupKind: ["regional", "political", "integration", "ad_hoc"],
  documentKind: ["non_paper", "note_verbale", "crp"],
  documentStatus: ["draft", "final"],
} as const;

// ---------------------------------------------------------------------------------------------
// The parts

// A NUL cannot be stored in PostgreSQL text or jsonb, and a lone surrogate is not text: either
// in any string of the file refuses it (they would fail the insert, or be changed silently).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (value: string) => !UNSTORABLE.test(value);
const UNSTORABLE_ISSUE = { message: "holds a NUL character or broken Unicode, which cannot be stored", params: { code: "unstorable" } };
const str = (min: number, max: number) => z.string().min(min).max(max).refine(storable, UNSTORABLE_ISSUE);

/** The earliest year a date of the file may have (PostgreSQL has no year 0; nothing here is older). */
const EARLIEST = "1900";
const INT32 = 2_147_483_647;

const id = z.guid();
const instant = z.iso.datetime().refine((value) => value >= EARLIEST, { message: `a date before ${EARLIEST}`, params: { code: "tooEarly" } });
const day = z.iso.date().refine((value) => value >= EARLIEST, { message: `a date before ${EARLIEST}`, params: { code: "tooEarly" } });
/** Long text: comments, translations, the wording of points, covering notes. */
const text = str(0, 200_000);
/** One short text: a title, a name, a symbol, a label. */
const line = str(0, 2_000);
const email = z
  .string()
  .min(3)
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, "an email address");
const integer = z.number().int().min(-INT32).max(INT32);
const count = z.number().int().min(0).max(INT32);
const positive = z.number().int().min(1).max(INT32);
const language = z.enum(ARCHIVE_ENUMS.language);
/** As in the instance and in receipts (receipts.ts): ISO 3166 alpha-3, or two letters (EU). */
const delegationCode = z.string().regex(/^[A-Z]{2,3}$/, "a delegation code (2 or 3 capital letters)");
/** As receipts.ts reads it: capital letters and digits, in up to six parts joined by hyphens. */
const receiptPrefix = z.string().regex(/^[A-Z0-9]{1,20}(?:-[A-Z0-9]{1,20}){0,5}$/, "a receipt prefix (capital letters and digits, parts joined by hyphens)");
const timeZone = z
  .string()
  .regex(/^[A-Za-z0-9_+\-/]{1,64}$/, "an IANA time zone")
  .refine(knownTimeZone, { message: "not a time zone this instance knows", params: { code: "timeZone" } });

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: currentTimeZone(zone) });
    return true;
  } catch {
    return false;
  }
}

/** Whether every string (and key) of a JSON value can be stored (see UNSTORABLE). */
function storableJson(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const next = stack.pop();
    if (typeof next === "string") {
      if (!storable(next)) return false;
    } else if (Array.isArray(next)) stack.push(...next);
    else if (next && typeof next === "object") {
      for (const [key, v] of Object.entries(next)) {
        if (!storable(key)) return false;
        stack.push(v);
      }
    }
  }
  return true;
}

// A person named in the archive. On import, people are found by email; a missing chair or
// delegate is created without a password once the officer has confirmed it (they can be invited
// later); a secretariat account never is. Existing accounts are never changed.
const user = z.strictObject({
  email,
  // The forms' name rules (name-rules.ts): a name that would display in another order is refused.
  name: str(1, 200).refine((value) => nameProblem(value) === null, "a name must not hold bidi, control or damaged characters"),
  role: z.enum(ARCHIVE_ENUMS.role),
  language,
  timeZone: timeZone.nullable(),
  delegation: delegationCode.nullable(),
  // Version 3: written only for a delegate who may clear the mission's text (an account the import creates gets it).
  approver: z
    .boolean()
    .optional()
    .describe("A delegate who may clear the mission's text (issue 19); written only when true. Given to an account the import creates, never to one it finds."),
});

// Texts in other official languages than the English of their field (issue 15): by language
// code, only the six, each a string. Optional, and written only when there is one, so that a file
// without them (an older one) imports with none, and one with none stays readable by an older
// instance. The meeting's names follow the name rules, as on the meeting form.
const nameInLanguages = z.partialRecord(
  language,
  str(1, 2_000).refine((value) => nameProblem(value) === null, "a name must not hold bidi, control or damaged characters"),
);
const textInLanguages = z.partialRecord(language, text);

const meeting = z.strictObject({
  id,
  body: line,
  bodyTranslations: nameInLanguages.optional(),
  parentBody: line.nullable(),
  symbolPrefix: line,
  session: line,
  venue: line,
  venueTranslations: nameInLanguages.optional(),
  startDate: day,
  endDate: day,
  format: z.enum(ARCHIVE_ENUMS.meetingFormat),
  timeZone,
  createdBy: email.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

// Version 3 (issue 19): a group of States the consultation uses. A standing group is the instance's
// (the UN regional groups, the European Union and its member States…): an import finds it by its
// code and keeps the instance's own, creating it only when the instance lacks it. The consultation's
// own groups are imported with it. Names in the six languages (a consultation's own group may leave
// all but the English blank), articles for French and Spanish sentences, membership as of a date.
const groupName = str(0, 2_000).refine((value) => nameProblem(value) === null, "a name must not hold bidi, control or damaged characters");
const group = z.strictObject({
  id,
  code: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9_-]{0,49}$/, "a group code (capital letters, digits, hyphens and underscores)")
    .describe("Short and stable: a standing group's identity across instances (AFRICAN, EU)."),
  standing: z.boolean().describe("The instance's standing group (found by its code on import), or the consultation's own."),
  kind: z.enum(ARCHIVE_ENUMS.groupKind),
  names: z.strictObject({
    ar: groupName,
    zh: groupName,
    en: str(1, 2_000).refine((value) => nameProblem(value) === null, "a name must not hold bidi, control or damaged characters"),
    fr: groupName,
    ru: groupName,
    es: groupName,
  }),
  articles: z.strictObject({ fr: str(0, 50).nullable(), es: str(0, 50).nullable() }),
  membershipAsOf: day,
  members: z.array(delegationCode).max(1_000).describe("The member delegations by code."),
  coordinator: z
    .strictObject({ delegation: delegationCode, assignedBy: email.nullable(), assignedAt: instant })
    .nullable()
    .describe("The member delegation that coordinates the group in this consultation, if any."),
  createdBy: email.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

// A circulated point of the previous round, as it was circulated: what "(c) = former (b) and (d)"
// needs without the other consultation.
const previousPoint = z.strictObject({
  id,
  label: str(1, 200),
  agendaItemNumber: line.nullable(),
  text,
});

const previousRound = z.strictObject({
  consultationId: id,
  round: positive,
  points: z.array(previousPoint).max(10_000),
});

const consultation = z.strictObject({
  id,
  title: line,
  status: z.enum(ARCHIVE_ENUMS.consultationStatus),
  workingLanguage: language,
  deadline: instant.nullable(),
  receiptPrefix,
  crpSymbol: line.nullable(),
  parentSession: line.nullable(),
  parentSessionVenue: line.nullable(),
  parentSessionStartDate: day.nullable(),
  parentSessionEndDate: day.nullable(),
  parentAgendaItemNumber: line.nullable(),
  parentAgendaItemTitle: line.nullable(),
  provisionalAgendaSymbol: line.nullable(),
  reflectionApprovedOn: day.nullable(),
  reflectionApprovalMethod: line.nullable(),
  introductionNote: text.nullable(),
  /** Paragraphs of the CRP's introduction rewritten by hand, by key ("session", "received", …). */
  introductionParagraphs: z.partialRecord(z.enum(["session", "approval", "received", "late", "translations", "presentation"]), text).nullable(),
  coveringNote: text.nullable(),
  coveringNoteTranslations: textInLanguages.optional(),
  circulatedAt: instant.nullable(),
  closedAt: instant.nullable(),
  compiledAt: instant.nullable(),
  // Optional: absent until the secretariat shows the dispositions to delegations (and in older files).
  dispositionsPublishedAt: instant.optional().describe("Since when delegations see what became of their comments; absent while they do not."),
  // Version 2: written only for a later round (absent: round 1), and previousRound only while the
  // round is linked to the consultation it revises.
  round: positive.optional().describe("The consultation's round: 2 for the Chair's revised text of a first consultation, and so on; absent for round 1."),
  previousRound: previousRound
    .optional()
    .describe(
      "The consultation this round revises (it may not be on the importing instance): its id and round, and its circulated points that this round's points come from, so that the file alone says what each point was.",
    ),
  createdBy: email.nullable(),
  createdAt: instant,
  updatedAt: instant,
  /** The last receipt sequence number given out (null before the first submission). */
  lastReceiptNumber: count
    .nullable()
    .describe("The last receipt number given out: at least the number of every receipt in the file; null only when there is none."),
});

const chair = z.strictObject({ user: email, createdAt: instant });

const pointVersion = z.strictObject({
  id,
  versionNumber: positive,
  text,
  source: z.enum(ARCHIVE_ENUMS.pointVersionSource),
  author: email.nullable(),
  createdAt: instant,
});

// Which comment of the previous round a point of a later round answers; the comment is the previous
// round's, not one of the file's.
const pointAnswer = z.strictObject({
  commentId: id,
  linkedBy: email.nullable(),
  linkedAt: instant,
});

const point = z.strictObject({
  id,
  label: str(1, 200),
  position: integer,
  createdAt: instant,
  versions: z.array(pointVersion).max(10_000),
  // Version 2, a later round's points only, and written only when there are some.
  origins: z
    .array(id)
    .max(10_000)
    .optional()
    .describe("The previous round's points this point comes from (ids in consultation.previousRound.points): none, new; several, merged."),
  answers: z
    .array(pointAnswer)
    .max(ARCHIVE_LIMITS.items)
    .optional()
    .describe("The previous round's comments this point answers, by the comment's id in the previous round's consultation."),
});

const agendaItem = z.strictObject({
  id,
  number: line.nullable(),
  heading: line.nullable(),
  title: line,
  introduction: text.nullable(),
  position: integer,
  createdAt: instant,
  points: z.array(point).max(10_000),
});

const nonPaper = z.strictObject({
  id,
  number: positive,
  circulatedAt: instant,
  circulatedBy: email.nullable(),
  coveringNote: text.nullable(),
  coveringNoteTranslations: textInLanguages.optional(),
  /** The point versions frozen in it. */
  pointVersions: z.array(id).max(ARCHIVE_LIMITS.items),
});

const registration = z.strictObject({
  id,
  delegation: delegationCode,
  participation: z.enum(ARCHIVE_ENUMS.participation),
  deadlineExtendedTo: instant.nullable(),
  // Version 3: written only when set.
  focalPoint: email.optional().describe("The mission's focal point for the consultation: one of the delegation's delegates (in users)."),
  delegateLimit: count.optional().describe("The most delegates the focal point may bring to the mission; absent: the instance's default."),
  registeredBy: email.nullable(),
  createdAt: instant,
});

const attachment = z.strictObject({
  id,
  filename: str(1, 500),
  mediaType: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/, "a media type"),
  size: count,
  uploadedBy: email.nullable(),
  createdAt: instant,
  /** The file's bytes, base64. */
  content: z.base64().max(Math.ceil(ARCHIVE_MAX_BYTES / 3) * 4),
});

const translation = z.strictObject({
  id,
  targetLanguage: language,
  status: z.enum(ARCHIVE_ENUMS.translationStatus),
  body: text,
  proposedText: text.nullable(),
  sourceBody: text,
  sourceProposedText: text.nullable(),
  machineAssisted: z.boolean(),
  version: positive,
  translator: email.nullable(),
  finalizedBy: email.nullable(),
  finalizedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

const review = z.strictObject({
  id,
  reviewer: email,
  tag: z.enum(ARCHIVE_ENUMS.reviewTag).nullable(),
  // Exports write null: a chair's private note stays with its author. The key stays, and a
  // string is still read, so that files written before and instances reading version 1 agree.
  note: text.nullable().describe("Always null in exports: a reviewer's private note is never written to an archive. A note in an older file is imported."),
  createdAt: instant,
  updatedAt: instant,
});

const disposition = z.strictObject({
  disposition: z.enum(ARCHIVE_ENUMS.disposition),
  observation: text.nullable(),
  decidedBy: email,
  decidedAt: instant,
});

const comment = z.strictObject({
  id,
  kind: z.enum(ARCHIVE_ENUMS.commentKind),
  agendaItemId: id,
  pointId: id.nullable(),
  basePointVersionId: id.nullable(),
  label: str(0, 200).nullable(),
  position: integer,
  language,
  body: text,
  proposedText: text.nullable(),
  createdAt: instant,
  updatedAt: instant,
  translations: z.array(translation).max(ARCHIVE_ENUMS.language.length),
  reviews: z.array(review).max(10_000),
  // Optional: files written before dispositions have none, and version 1 still reads them.
  dispositions: z
    .array(disposition)
    .max(1)
    .optional()
    .describe("What became of the comment: its disposition and the observations of the Secretariat (at most one; absent when none was recorded)."),
});

const revision = z.strictObject({
  id,
  revisionNumber: positive,
  receiptNumber: z
    .string()
    .max(200)
    .describe("The consultation's receipt prefix, the delegation's code and a number not above the counter: CTOC-2020-PER-0001."),
  idempotencyKey: str(1, 200),
  draftVersion: count.nullable(),
  language,
  source: z.enum(ARCHIVE_ENUMS.submissionSource),
  attachmentId: id.nullable(),
  submittedAt: instant,
  submittedBy: email.nullable(),
  supersededAt: instant.nullable(),
  withdrawnAt: instant.nullable(),
  late: z.enum(ARCHIVE_ENUMS.lateDecision).nullable(),
  lateDecidedBy: email.nullable(),
  lateDecidedAt: instant.nullable(),
  lateReason: text.nullable(),
  comments: z.array(comment).max(ARCHIVE_LIMITS.items),
});

// Version 3 (issue 19). A co-sponsor: invited; confirmed once confirmedAt is set; declined
// (withdrawnAt without confirmedAt) or withdrawn (withdrawnAt after confirmedAt).
const cosponsor = z.strictObject({
  delegation: delegationCode,
  invitedBy: email.nullable(),
  invitedAt: instant,
  confirmedBy: email.nullable(),
  confirmedAt: instant.nullable(),
  withdrawnAt: instant.nullable(),
});

// A delegation aligned with the submission it is nested in, with a receipt of the consultation's
// sequence (its own delegation's code); withdrawn alignments keep theirs.
const alignment = z.strictObject({
  id,
  delegation: delegationCode,
  receiptNumber: z.string().max(200).describe("Numbered as a revision's receipt, with the aligning delegation's code: CTOC-2020-MAR-0007."),
  alignedBy: email.nullable(),
  alignedAt: instant,
  withdrawnAt: instant.nullable(),
});

const submission = z.strictObject({
  id,
  delegation: delegationCode,
  status: z.enum(ARCHIVE_ENUMS.submissionStatus),
  language,
  draftVersion: count,
  draftUpdatedAt: instant.nullable(),
  draftUpdatedBy: email.nullable(),
  createdAt: instant,
  // Version 3, each written only when there is something.
  onBehalfOf: id.optional().describe("The group the submission speaks for, by its id in groups; absent: the delegation alone."),
  // Clearance inside the mission: who asked for it and when, the draft version an approver cleared, who and when.
  clearanceRequestedAt: instant.optional(),
  clearanceRequestedBy: email.optional(),
  clearedDraftVersion: count
    .optional()
    .describe("The draft version an approver cleared: only that exact text may be submitted where the mission requires clearance."),
  clearedBy: email.optional(),
  clearedAt: instant.optional(),
  /** The mission's shared draft (comments not yet frozen in a revision). */
  draftComments: z.array(comment).max(ARCHIVE_LIMITS.items),
  revisions: z.array(revision).max(10_000),
  cosponsors: z
    .array(cosponsor)
    .max(10_000)
    .optional()
    .describe("Delegations named as co-sponsors: invited, confirmed (it counts as theirs), declined or withdrawn, as the dates say."),
  alignments: z
    .array(alignment)
    .max(10_000)
    .optional()
    .describe("Delegations that aligned themselves with this submission, each with its receipt; their additional comments are their own submissions."),
});

// The CRP's document model (app/documents/crp.ts, CrpModel), which every rendering of a saved
// version reads as it is: the page's preview, the HTML, Word, PDF and Markdown files. A model that
// does not fit would break them all, and its words go into HTML.
const CRP_INTRODUCTION_KEYS = ["session", "purpose", "approval", "received", "late", "translations", "presentation"] as const;
const CRP_FACT_FIELDS = [
  "crpSymbol",
  "parentSession",
  "parentSessionVenue",
  "parentSessionDates",
  "parentAgendaItem",
  "provisionalAgendaSymbol",
  "reflectionApproval",
  "circulatedAt",
  "deadline",
] as const;
// `label`: a delegation's own lettered paragraph's label, set off to hang (versions compiled before lack it).
const crpParagraph = z.strictObject({ text, language, dir: z.enum(["ltr", "rtl"]), label: line.optional() }).refine((p) => p.dir === directionOf(p.language), {
  path: ["dir"],
  message: "not the direction of the paragraph's language",
  params: { code: "direction" },
});
const crpText = z.strictObject({ mark: line.nullable(), paragraphs: z.array(crpParagraph).max(10_000) });
const crpHeading = z.strictObject({ label: line.nullable(), text: line });
const crpBlock = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("subheading"), text: line }),
  z.strictObject({ kind: z.literal("text"), text: crpText }),
  z.strictObject({ kind: z.literal("proposed_wording"), lead: line, text: crpText }),
  z.strictObject({ kind: z.literal("labelled"), label: line, text: crpText }),
]);
const crpMissing = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("translation"),
    commentId: id,
    delegationCode,
    delegationName: line,
    agendaItem: line,
    label: line.nullable(),
    commentKind: z.enum(ARCHIVE_ENUMS.commentKind),
    language,
    status: z.enum(["missing", "draft", "outdated"]),
  }),
  z.strictObject({ kind: z.literal("fact"), field: z.enum(CRP_FACT_FIELDS), description: line }),
]);
const crpModel = z.strictObject({
  language: z.literal("en"),
  final: z.boolean(),
  // Whether translated comments carry "[Original: …]"; versions compiled before the choice lack it (they do).
  originalLines: z.boolean().optional(),
  draftMark: line.nullable(),
  masthead: z.strictObject({
    symbol: line,
    date: line,
    // The date of issue as data; versions compiled before it was kept lack it.
    issuedOn: day.optional(),
    languageLine: line,
    body: line,
    session: line,
    venueAndDates: line,
    agendaItem: line,
    footnoteMarker: str(0, 10),
    agendaItemTitle: line,
  }),
  footnote: z.strictObject({ marker: str(0, 10), text: line }),
  title: line,
  subtitle: line,
  introduction: z.strictObject({
    heading: crpHeading,
    paragraphs: z.array(z.strictObject({ number: positive, key: z.enum(CRP_INTRODUCTION_KEYS), text })).max(1_000),
  }),
  comments: z.strictObject({
    heading: crpHeading,
    items: z
      .array(
        z.strictObject({
          heading: crpHeading,
          title: line.nullable(),
          introduction: z.array(text).max(10_000),
          points: z.array(z.strictObject({ label: line, paragraphs: z.array(text).max(10_000) })).max(10_000),
          // `heading` ("Submitted by Egypt on behalf of …") and `alignment` (the aligned States'
          // sentence): issue 19, absent in versions compiled before (and in a delegation's own submission).
          delegations: z
            .array(
              z.strictObject({
                code: delegationCode,
                name: line,
                heading: text.optional(),
                original: line.nullable(),
                alignment: text.optional(),
                blocks: z.array(crpBlock).max(ARCHIVE_LIMITS.items),
              }),
            )
            .max(10_000),
          notice: line.nullable(),
        }),
      )
      .max(10_000),
  }),
  pending: z.array(crpMissing).max(ARCHIVE_LIMITS.items),
  /** The downloads' file name: it goes into a header, so only these characters. */
  fileBase: z.string().regex(/^[A-Za-z0-9._-]{0,200}$/, "a file name of letters, digits, dots, hyphens and underscores"),
});

// The schema and the model type say the same thing (a change to one fails the typecheck here).
type CrpModelFromSchema = z.infer<typeof crpModel>;
export const crpModelFitsType: (model: CrpModelFromSchema) => CrpModel = (model) => model;
export const crpTypeFitsModel: (model: CrpModel) => CrpModelFromSchema = (model) => model;

const generatedDocument = z.strictObject({
  id,
  // Only CRPs are compiled and kept (crp.server.ts); the other kinds are made on the fly.
  kind: z.enum(["crp"]).describe("Only CRP compilations are kept."),
  versionNumber: z.number().int().min(1).max(999_999),
  status: z.enum(ARCHIVE_ENUMS.documentStatus),
  /** The document model the exports are rendered from (app/documents/crp.ts). */
  model: crpModel,
  sourceDigest: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 digest in hexadecimal"),
  createdBy: email.nullable(),
  createdAt: instant,
});

const auditEntry = z.strictObject({
  at: instant,
  actor: email.nullable(),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/, "an action such as consultation.circulate")
    // The import's own entry is this instance's, never in a file (exports leave it out).
    .refine((action) => action !== IMPORT_ACTION, {
      message: `the action ${IMPORT_ACTION} is written only by the instance that imports the file`,
      params: { code: "reservedAction", action: IMPORT_ACTION },
    }),
  entityType: z
    .string()
    .max(100)
    .regex(/^[a-z][a-z0-9_]*$/, "an entity type such as consultation"),
  entityId: str(0, 200).nullable(),
  details: z
    .record(str(0, 200), z.unknown())
    .refine(storableJson, UNSTORABLE_ISSUE)
    .refine((details) => !Object.hasOwn(details, IMPORTED_MARK), {
      message: `the key ${IMPORTED_MARK} is reserved for the instance that imports the file`,
      params: { code: "reservedKey", key: IMPORTED_MARK },
    }),
  ipAddress: str(0, 100).nullable(),
});

/** The file as the schema describes it, without the checks between its parts. */
export const archiveShape = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z
    .literal(ARCHIVE_VERSIONS)
    .describe(
      "Importers refuse a version they do not know. Version 2 adds a later round's round, previousRound and its points' origins and answers; version 3 groups of States, joint submissions, alignment, clearance and focal points.",
    ),
  exportedAt: instant,
  meeting: meeting.describe("The session the consultation belongs to; shared with the instance's meeting of the same id."),
  consultation,
  users: z
    .array(user)
    .max(ARCHIVE_LIMITS.items)
    .describe("Everyone the file names, by email (never a password, a two-factor secret, a recovery code or a session)."),
  chairs: z.array(chair).max(10_000),
  agendaItems: z.array(agendaItem).max(10_000).describe("In agenda order, each with its discussion points and every version of their wording."),
  nonPapers: z.array(nonPaper).max(10_000).describe("Each circulation, with the point versions it froze."),
  registrations: z.array(registration).max(10_000).describe("The delegations registered, by code."),
  groups: z
    .array(group)
    .max(10_000)
    .optional()
    .describe(
      "Version 3: the consultation's own groups of States and the standing groups its submissions speak for or it names a coordinator of; absent when none.",
    ),
  attachments: z.array(attachment).max(ARCHIVE_LIMITS.items).describe("Files kept as received (email originals)."),
  submissions: z
    .array(submission)
    .max(10_000)
    .describe("One per delegation: its shared draft and every submitted revision with receipts, late decisions, comments, translations and reviews."),
  generatedDocuments: z.array(generatedDocument).max(10_000).describe("Every compilation (CRP versions) with its document model."),
  auditLog: z
    .array(auditEntry)
    .max(ARCHIVE_LIMITS.items)
    .describe(
      "The consultation's audit log, oldest first (imports of the file are not in it). An importer keeps it as what the file says: not linked to its own accounts.",
    ),
});

export type Archive = z.infer<typeof archiveShape>;
export type ArchiveUser = z.infer<typeof user>;
export type ArchiveComment = z.infer<typeof comment>;
export type ArchiveAuditEntry = z.infer<typeof auditEntry>;

// ---------------------------------------------------------------------------------------------
// Problems

type Path = (string | number)[];
export type ArchiveProblemValues = Record<string, string | number>;
/**
 * One reason a file cannot be imported: where (a JSON path such as `submissions[0].revisions[1].id`),
 * why in English (`message`, for the command line), and `code` with `values` for the page's
 * message in the reader's language (locales/<lang>/archive.json, "problems.<code>").
 */
export type ArchiveProblem = { path: string; message: string; code: string; values?: ArchiveProblemValues };

/** `["submissions", 0, "revisions", 1, "id"]` -> `submissions[0].revisions[1].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || "(the file)";
}

function problem(path: readonly PropertyKey[], code: string, message: string, values?: ArchiveProblemValues): ArchiveProblem {
  return values ? { path: formatPath(path), message, code, values } : { path: formatPath(path), message, code };
}

/** A Zod issue as a problem: its code for the page, its values, Zod's English message. */
function fromIssue(issue: z.core.$ZodIssue, prefix: Path): ArchiveProblem {
  const path = [...prefix, ...(issue.path as Path)];
  const message = issue.message;
  switch (issue.code) {
    case "invalid_type":
      return /received undefined$/.test(message) ? problem(path, "missing", message) : problem(path, "type", message, { expected: String(issue.expected) });
    case "unrecognized_keys":
      return problem(path, "unknownKeys", message, { keys: issue.keys.join(", ") });
    case "invalid_key": {
      // A record's key that its key schema refuses (a language code that is not one of the six):
      // reported on the record, as a field that is not part of the format.
      const key = String(path.at(-1));
      const accepted = acceptedValues(issue.issues);
      return problem(path.slice(0, -1), "unknownKeys", `the key ${JSON.stringify(key)} is not accepted here${accepted ? ` (only ${accepted})` : ""}`, {
        keys: key,
      });
    }
    case "too_big":
      return problem(path, issue.origin === "array" ? "tooMany" : issue.origin === "string" ? "tooLong" : "tooBig", message, {
        maximum: Number(issue.maximum),
      });
    case "too_small":
      return problem(path, issue.origin === "array" ? "tooFew" : issue.origin === "string" ? "tooShort" : "tooSmall", message, {
        minimum: Number(issue.minimum),
      });
    case "invalid_format":
      return problem(path, "format", message, { format: issue.format === "regex" ? "pattern" : issue.format });
    case "invalid_value":
      return problem(path, "value", message, { values: issue.values.map((v) => JSON.stringify(v)).join(", ") });
    case "invalid_union":
      return problem(path, "union", message);
    case "custom": {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      const code = typeof params.code === "string" ? params.code : "invalid";
      const values = Object.fromEntries(
        Object.entries(params).filter(([k, v]) => k !== "code" && (typeof v === "string" || typeof v === "number")),
      ) as ArchiveProblemValues;
      return problem(path, code === "invalid" && /^a name must not/.test(message) ? "name" : code, message, Object.keys(values).length ? values : undefined);
    }
    default:
      return problem(path, "invalid", message);
  }
}

/** The values an enum accepts, from the issues of a refused record key ("ar", "zh", …), if they say. */
function acceptedValues(issues: readonly z.core.$ZodIssue[]): string | null {
  for (const issue of issues) {
    if (issue.code === "invalid_value") return issue.values.map((v) => JSON.stringify(v)).join(", ");
    if (issue.code === "invalid_union") {
      for (const branch of issue.errors) {
        const found = acceptedValues(branch);
        if (found) return found;
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Before the shape: nesting and size

/**
 * Reads the raw JSON text for nesting deeper than ARCHIVE_LIMITS.depth, before JSON.parse builds
 * anything: one pass over the characters, strings skipped. The problem names the path where the
 * nesting goes too deep (its first levels).
 */
export function jsonNestingProblem(text: string, limit: number = ARCHIVE_LIMITS.depth): ArchiveProblem | null {
  type Frame = { array: boolean; index: number; key: string; expectKey: boolean };
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: to its closing quote (one not escaped by an odd number of backslashes).
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return null; // not JSON: JSON.parse says so
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) {
        const raw = text.slice(i + 1, end);
        let key = raw;
        if (raw.includes("\\")) {
          try {
            key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {
            // JSON.parse reports it
          }
        }
        top.key = key;
        top.expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === 123 || c === 91) {
      if (stack.length >= limit) {
        const path = stack.slice(0, 12).map((f) => (f.array ? f.index : f.key));
        return problem(path, "depth", `nested more than ${limit} levels deep`, { limit });
      }
      stack.push({ array: c === 91, index: 0, key: "", expectKey: c === 123 });
    } else if (c === 125 || c === 93) stack.pop();
    else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top) {
        if (top.array) top.index++;
        else top.expectKey = true;
      }
    }
    i++;
  }
  return null;
}

/**
 * The same limits on a parsed value (a caller that has no text), and the size ones: no array
 * longer than ARCHIVE_LIMITS.items, no more than ARCHIVE_LIMITS.values values in all. An
 * iterative walk that stops at the first problem.
 */
export function jsonSizeProblem(value: unknown): ArchiveProblem | null {
  // Each entry keeps its parent, not a copy of its path: the path is built only for a problem.
  type Entry = { value: unknown; key: string | number | null; parent: Entry | null; depth: number };
  const pathOf = (entry: Entry) => {
    const path: Path = [];
    for (let e: Entry | null = entry; e && e.key !== null; e = e.parent) path.unshift(e.key);
    return path;
  };
  const stack: Entry[] = [{ value, key: null, parent: null, depth: 0 }];
  let values = 0;
  while (stack.length) {
    const next = stack.pop()!;
    if (++values > ARCHIVE_LIMITS.values) return problem([], "tooManyValues", `more than ${ARCHIVE_LIMITS.values} values`, { limit: ARCHIVE_LIMITS.values });
    const v = next.value;
    if (!v || typeof v !== "object") continue;
    if (next.depth >= ARCHIVE_LIMITS.depth) {
      return problem(pathOf(next).slice(0, 12), "depth", `nested more than ${ARCHIVE_LIMITS.depth} levels deep`, { limit: ARCHIVE_LIMITS.depth });
    }
    if (Array.isArray(v)) {
      if (v.length > ARCHIVE_LIMITS.items)
        return problem(pathOf(next), "tooMany", `more than ${ARCHIVE_LIMITS.items} items`, { maximum: ARCHIVE_LIMITS.items });
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], key: i, parent: next, depth: next.depth + 1 });
    } else {
      for (const key of Object.keys(v)) stack.push({ value: (v as Record<string, unknown>)[key], key, parent: next, depth: next.depth + 1 });
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The shape, part by part

type AnySchema = z.ZodType;
const shallowObjects = new WeakMap<AnySchema, AnySchema>();
const shallowArrays = new WeakMap<AnySchema, AnySchema>();

/** An array schema with its limits but items unchecked (they are checked one by one). */
function shallowArray(schema: z.ZodArray): AnySchema {
  let shallow = shallowArrays.get(schema);
  if (!shallow) {
    shallow = schema.clone({ ...schema._zod.def, element: z.unknown() } as typeof schema._zod.def);
    shallowArrays.set(schema, shallow);
  }
  return shallow;
}

/**
 * Checks `value` against `schema` and appends the problems, but an object's arrays item by item,
 * so that the checking stops once `max` problems are found: a file with a million broken items
 * costs as little to refuse as one with a few. Same verdict as `schema.safeParse` (the schemas
 * here have no transforms and no refinements on objects that hold arrays).
 */
function checkParts(schema: AnySchema, value: unknown, path: Path, out: ArchiveProblem[], max: number): void {
  if (out.length >= max) return;
  const add = (result: { success: boolean; error?: z.ZodError }) => {
    if (!result.success) for (const issue of result.error!.issues) out.push(fromIssue(issue, path));
  };
  if (schema instanceof z.ZodArray) {
    const result = shallowArray(schema).safeParse(value);
    if (!result.success) return add(result);
    const items = value as unknown[];
    for (let i = 0; i < items.length && out.length < max; i++) checkParts(schema.element as AnySchema, items[i], [...path, i], out, max);
    return;
  }
  if (schema instanceof z.ZodObject && !(schema._zod.def.checks ?? []).length) {
    const shape = schema.shape as Record<string, AnySchema>;
    const arrays = Object.keys(shape).filter((key) => shape[key] instanceof z.ZodArray);
    if (arrays.length) {
      let shallow = shallowObjects.get(schema);
      if (!shallow) {
        shallow = z.strictObject(Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, s instanceof z.ZodArray ? shallowArray(s) : s])));
        shallowObjects.set(schema, shallow);
      }
      add(shallow.safeParse(value));
      if (!value || typeof value !== "object" || Array.isArray(value)) return;
      for (const key of arrays) {
        const part = (value as Record<string, unknown>)[key];
        if (shallowArray(shape[key] as z.ZodArray).safeParse(part).success) checkParts(shape[key]!, part, [...path, key], out, max);
      }
      return;
    }
  }
  add(schema.safeParse(value));
}

// ---------------------------------------------------------------------------------------------
// Between the parts

/**
 * What JSON Schema cannot say: every id is unique, every reference (to a point, a point version,
 * an agenda item, an attachment, a person) points into the file, a comment's point belongs to its
 * agenda item; what the database holds unique is unique in the file (revision numbers, receipts,
 * a delegation's registration, a comment's translation per language, …); every receipt is the
 * consultation's prefix, the submission's delegation and a number not above the counter; a chair
 * is a person the file names as a chair; a compilation's model says what its status says. A later
 * round's points name their origins among the previous round's points the file lists; the comments
 * they answer are the previous round's, outside the file: not looked for here (the import restores
 * what this instance holds). A submission on behalf of a group names one of the file's groups; a
 * group's code is unique among the standing ones and among the consultation's own; an alignment's
 * receipt is checked as a revision's, with the aligning delegation's code; a focal point is a
 * delegate of the delegation registered.
 */
export function archiveReferenceProblems(archive: Archive): ArchiveProblem[] {
  const problems: ArchiveProblem[] = [];
  const add = (path: Path, code: string, message: string, values?: ArchiveProblemValues) => problems.push(problem(path, code, message, values));
  const seen = new Set<string>();
  const unique = (value: string, path: Path) => {
    const key = value.toLowerCase();
    if (seen.has(key)) add(path, "duplicateId", `the id ${value} is used twice`, { id: value });
    seen.add(key);
  };
  /** A value that may appear once within one scope (a submission's revision numbers, …). */
  const once = () => {
    const values = new Set<string>();
    return (value: string | number, path: Path, what: string) => {
      const key = String(value);
      if (values.has(key)) add(path, "duplicate", `${what} ${key} appears twice`, { value: key });
      values.add(key);
    };
  };
  const roles = new Map<string, Archive["users"][number]["role"]>();
  const delegateOf = new Map<string, string | null>();
  archive.users.forEach((u, i) => {
    const key = u.email.toLowerCase();
    if (roles.has(key)) add(["users", i, "email"], "duplicateEmail", `${u.email} is listed twice`, { email: u.email });
    roles.set(key, u.role);
    delegateOf.set(key, u.role === "delegate" ? u.delegation : null);
    if ((u.role === "delegate") !== (u.delegation !== null)) {
      if (u.role === "delegate") add(["users", i, "delegation"], "delegateNeedsDelegation", "a delegate needs a delegation");
      else add(["users", i, "delegation"], "onlyDelegateHasDelegation", "only a delegate has a delegation");
    }
  });
  const person = (value: string | null, path: Path) => {
    if (value !== null && !roles.has(value.toLowerCase())) add(path, "noPerson", `${value} is not in users`, { email: value });
  };

  unique(archive.meeting.id, ["meeting", "id"]);
  unique(archive.consultation.id, ["consultation", "id"]);
  person(archive.meeting.createdBy, ["meeting", "createdBy"]);
  person(archive.consultation.createdBy, ["consultation", "createdBy"]);
  // The previous round's rows are another consultation's: none of them may be one of the file's.
  const previous = archive.consultation.previousRound;
  const formerIds = new Set<string>();
  if (previous) {
    const path = ["consultation", "previousRound"];
    unique(previous.consultationId, [...path, "consultationId"]);
    previous.points.forEach((p, i) => {
      unique(p.id, [...path, "points", i, "id"]);
      formerIds.add(p.id.toLowerCase());
    });
    const round = archive.consultation.round ?? 1;
    if (previous.round >= round) add([...path, "round"], "invalid", `the previous round (${previous.round}) is not before this one (${round})`);
  }
  const chairOnce = once();
  archive.chairs.forEach((c, i) => {
    person(c.user, ["chairs", i, "user"]);
    chairOnce(c.user.toLowerCase(), ["chairs", i, "user"], "the chair");
    const role = roles.get(c.user.toLowerCase());
    if (role && role !== "chair") add(["chairs", i, "user"], "chairNotChair", `${c.user} is a ${role} in users, not a chair`, { email: c.user, role });
  });

  const itemOfPoint = new Map<string, string>();
  const versionIds = new Set<string>();
  archive.agendaItems.forEach((item, i) => {
    unique(item.id, ["agendaItems", i, "id"]);
    item.points.forEach((p, j) => {
      unique(p.id, ["agendaItems", i, "points", j, "id"]);
      itemOfPoint.set(p.id, item.id);
      const numberOnce = once();
      p.versions.forEach((v, k) => {
        const path = ["agendaItems", i, "points", j, "versions", k];
        unique(v.id, [...path, "id"]);
        versionIds.add(v.id);
        numberOnce(v.versionNumber, [...path, "versionNumber"], "the version number");
        person(v.author, [...path, "author"]);
      });
      const originOnce = once();
      p.origins?.forEach((origin, k) => {
        const path = ["agendaItems", i, "points", j, "origins", k];
        if (!formerIds.has(origin.toLowerCase())) add(path, "noPoint", `no point ${origin} in consultation.previousRound.points`, { id: origin });
        originOnce(origin.toLowerCase(), path, "the origin");
      });
      const answerOnce = once();
      p.answers?.forEach((a, k) => {
        const path = ["agendaItems", i, "points", j, "answers", k];
        answerOnce(a.commentId.toLowerCase(), [...path, "commentId"], "the comment");
        person(a.linkedBy, [...path, "linkedBy"]);
      });
    });
  });
  const itemIds = new Set(archive.agendaItems.map((item) => item.id));

  const nonPaperOnce = once();
  archive.nonPapers.forEach((n, i) => {
    unique(n.id, ["nonPapers", i, "id"]);
    nonPaperOnce(n.number, ["nonPapers", i, "number"], "the non-paper number");
    person(n.circulatedBy, ["nonPapers", i, "circulatedBy"]);
    const versionOnce = once();
    n.pointVersions.forEach((v, j) => {
      if (!versionIds.has(v)) add(["nonPapers", i, "pointVersions", j], "noPointVersion", `no point version ${v}`, { id: v });
      versionOnce(v, ["nonPapers", i, "pointVersions", j], "the point version");
    });
  });
  const registrationOnce = once();
  archive.registrations.forEach((r, i) => {
    unique(r.id, ["registrations", i, "id"]);
    registrationOnce(r.delegation, ["registrations", i, "delegation"], "the delegation");
    person(r.registeredBy, ["registrations", i, "registeredBy"]);
    if (r.focalPoint !== undefined) {
      const path = ["registrations", i, "focalPoint"];
      person(r.focalPoint, path);
      const fileUser = delegateOf.get(r.focalPoint.toLowerCase());
      if (roles.has(r.focalPoint.toLowerCase()) && fileUser !== r.delegation) {
        add(path, "focalPointDelegation", `${r.focalPoint} is not a delegate of ${r.delegation}`, { email: r.focalPoint, code: r.delegation });
      }
    }
  });
  // Groups: a code once among the standing groups and once among the consultation's own.
  const groupIds = new Set<string>();
  const standingCodeOnce = once();
  const ownCodeOnce = once();
  archive.groups?.forEach((g, i) => {
    const path = ["groups", i];
    unique(g.id, [...path, "id"]);
    groupIds.add(g.id.toLowerCase());
    (g.standing ? standingCodeOnce : ownCodeOnce)(g.code, [...path, "code"], "the group code");
    person(g.createdBy, [...path, "createdBy"]);
    const memberOnce = once();
    g.members.forEach((code, j) => memberOnce(code, [...path, "members", j], "the member"));
    if (g.coordinator) person(g.coordinator.assignedBy, [...path, "coordinator", "assignedBy"]);
  });
  const attachmentIds = new Set<string>();
  archive.attachments.forEach((a, i) => {
    unique(a.id, ["attachments", i, "id"]);
    attachmentIds.add(a.id);
    person(a.uploadedBy, ["attachments", i, "uploadedBy"]);
    const bytes = base64Length(a.content);
    if (bytes !== a.size) add(["attachments", i, "size"], "attachmentSize", `the content holds ${bytes} bytes, not ${a.size}`, { bytes, size: a.size });
  });

  const checkComment = (c: ArchiveComment, path: Path) => {
    unique(c.id, [...path, "id"]);
    if (!itemIds.has(c.agendaItemId)) add([...path, "agendaItemId"], "noAgendaItem", `no agenda item ${c.agendaItemId}`, { id: c.agendaItemId });
    if (c.pointId !== null) {
      const item = itemOfPoint.get(c.pointId);
      if (!item) add([...path, "pointId"], "noPoint", `no discussion point ${c.pointId}`, { id: c.pointId });
      else if (item !== c.agendaItemId) {
        add([...path, "pointId"], "pointNotInItem", `the point ${c.pointId} is not under agenda item ${c.agendaItemId}`, {
          id: c.pointId,
          item: c.agendaItemId,
        });
      }
    }
    if ((c.kind === "point" || c.kind === "amendment") !== (c.pointId !== null)) {
      add(
        [...path, "pointId"],
        c.pointId === null ? "kindNeedsPoint" : "kindHasNoPoint",
        `a comment of kind ${c.kind} ${c.pointId === null ? "needs" : "has no"} point`,
        { kind: c.kind },
      );
    }
    if (c.kind === "amendment" && c.proposedText === null) add([...path, "proposedText"], "amendmentNeedsText", "an amendment needs its proposed wording");
    if (c.basePointVersionId !== null && !versionIds.has(c.basePointVersionId)) {
      add([...path, "basePointVersionId"], "noPointVersion", `no point version ${c.basePointVersionId}`, { id: c.basePointVersionId });
    }
    const languageOnce = once();
    c.translations.forEach((t, k) => {
      unique(t.id, [...path, "translations", k, "id"]);
      languageOnce(t.targetLanguage, [...path, "translations", k, "targetLanguage"], "the translation language");
      person(t.translator, [...path, "translations", k, "translator"]);
      person(t.finalizedBy, [...path, "translations", k, "finalizedBy"]);
    });
    const reviewerOnce = once();
    c.reviews.forEach((r, k) => {
      unique(r.id, [...path, "reviews", k, "id"]);
      reviewerOnce(r.reviewer.toLowerCase(), [...path, "reviews", k, "reviewer"], "the reviewer");
      person(r.reviewer, [...path, "reviews", k, "reviewer"]);
    });
    c.dispositions?.forEach((d, k) => person(d.decidedBy, [...path, "dispositions", k, "decidedBy"]));
  };

  // Receipts: the prefix, the delegation, a number the counter has given out, each once.
  const prefix = archive.consultation.receiptPrefix;
  const counter = archive.consultation.lastReceiptNumber;
  let highest: { number: number; receipt: string } | null = null;
  const delegations = new Set<string>();
  const receipts = new Set<string>();
  const receipt = (number: string, code: string, receiptPath: Path) => {
    if (receipts.has(number)) add(receiptPath, "duplicateReceipt", `the receipt ${number} is used twice`, { receipt: number });
    receipts.add(number);
    const parts = parseReceiptNumber(number);
    if (!parts || number !== number.trim().toUpperCase()) {
      add(receiptPath, "receiptFormat", `${JSON.stringify(number)} is not a receipt number such as ${prefix}-${code}-0001`, {
        receipt: number,
        example: `${prefix}-${code}-0001`,
      });
    } else if (parts.prefix !== prefix) {
      add(receiptPath, "receiptPrefix", `the receipt ${number} does not start with the consultation's prefix ${prefix}`, { receipt: number, prefix });
    } else if (parts.delegationCode !== code) {
      add(receiptPath, "receiptDelegation", `the receipt ${number} is not of ${code}`, { receipt: number, code });
    } else if (!highest || parts.sequence > highest.number) highest = { number: parts.sequence, receipt: number };
  };
  archive.submissions.forEach((s, i) => {
    const path = ["submissions", i];
    unique(s.id, [...path, "id"]);
    if (delegations.has(s.delegation)) add([...path, "delegation"], "duplicateSubmission", `${s.delegation} has two submissions`, { code: s.delegation });
    delegations.add(s.delegation);
    person(s.draftUpdatedBy, [...path, "draftUpdatedBy"]);
    s.draftComments.forEach((c, j) => checkComment(c, [...path, "draftComments", j]));
    const revisionOnce = once();
    const keyOnce = once();
    s.revisions.forEach((r, j) => {
      const revisionPath = [...path, "revisions", j];
      unique(r.id, [...revisionPath, "id"]);
      revisionOnce(r.revisionNumber, [...revisionPath, "revisionNumber"], "the revision number");
      keyOnce(r.idempotencyKey, [...revisionPath, "idempotencyKey"], "the idempotency key");
      receipt(r.receiptNumber, s.delegation, [...revisionPath, "receiptNumber"]);
      if (r.attachmentId !== null && !attachmentIds.has(r.attachmentId))
        add([...revisionPath, "attachmentId"], "noAttachment", `no attachment ${r.attachmentId}`, { id: r.attachmentId });
      person(r.submittedBy, [...revisionPath, "submittedBy"]);
      person(r.lateDecidedBy, [...revisionPath, "lateDecidedBy"]);
      r.comments.forEach((c, k) => checkComment(c, [...revisionPath, "comments", k]));
    });
    // Version 3: the group it speaks for, its clearance, co-sponsors and alignments.
    if (s.onBehalfOf !== undefined && !groupIds.has(s.onBehalfOf.toLowerCase())) {
      add([...path, "onBehalfOf"], "noGroup", `no group ${s.onBehalfOf} in groups`, { id: s.onBehalfOf });
    }
    person(s.clearanceRequestedBy ?? null, [...path, "clearanceRequestedBy"]);
    person(s.clearedBy ?? null, [...path, "clearedBy"]);
    const cosponsorOnce = once();
    s.cosponsors?.forEach((c, j) => {
      const cosponsorPath = [...path, "cosponsors", j];
      cosponsorOnce(c.delegation, [...cosponsorPath, "delegation"], "the co-sponsor");
      person(c.invitedBy, [...cosponsorPath, "invitedBy"]);
      person(c.confirmedBy, [...cosponsorPath, "confirmedBy"]);
    });
    const alignedOnce = once();
    s.alignments?.forEach((a, j) => {
      const alignmentPath = [...path, "alignments", j];
      unique(a.id, [...alignmentPath, "id"]);
      alignedOnce(a.delegation, [...alignmentPath, "delegation"], "the aligned delegation");
      receipt(a.receiptNumber, a.delegation, [...alignmentPath, "receiptNumber"]);
      person(a.alignedBy, [...alignmentPath, "alignedBy"]);
    });
  });
  const top = highest as { number: number; receipt: string } | null;
  if (top && (counter === null || counter < top.number)) {
    add(["consultation", "lastReceiptNumber"], "counterBelowReceipts", `the receipt counter ${counter ?? "null"} is below the receipt ${top.receipt}`, {
      counter: counter ?? "null",
      receipt: top.receipt,
    });
  }

  const documentOnce = once();
  archive.generatedDocuments.forEach((d, i) => {
    unique(d.id, ["generatedDocuments", i, "id"]);
    documentOnce(`${d.kind} ${d.versionNumber}`, ["generatedDocuments", i, "versionNumber"], "the version");
    person(d.createdBy, ["generatedDocuments", i, "createdBy"]);
    if (d.model.final !== (d.status === "final") || (d.model.draftMark === null) !== d.model.final) {
      add(["generatedDocuments", i, "model", "final"], "modelStatus", `the model does not say what the status ${d.status} says`, { status: d.status });
    }
  });
  archive.auditLog.forEach((e, i) => person(e.actor, ["auditLog", i, "actor"]));
  return problems;
}

/**
 * What an earlier version did not have: a file that says version 1 or 2 and holds a later
 * version's keys was not written as one. Each key with the version that added it.
 */
function laterKeyProblems(archive: Archive): ArchiveProblem[] {
  const version = archive.version;
  if (version >= ARCHIVE_VERSION) return [];
  const problems: ArchiveProblem[] = [];
  const check = (value: object, keys: Record<string, number>, path: Path) => {
    const found = Object.keys(keys).filter((key) => keys[key]! > version && Object.hasOwn(value, key));
    if (found.length) problems.push(problem(path, "unknownKeys", `not in version ${version} of the format: ${found.join(", ")}`, { keys: found.join(", ") }));
  };
  check(archive, { groups: 3 }, []);
  check(archive.consultation, { round: 2, previousRound: 2 }, ["consultation"]);
  archive.users.forEach((u, i) => check(u, { approver: 3 }, ["users", i]));
  archive.agendaItems.forEach((item, i) => item.points.forEach((p, j) => check(p, { origins: 2, answers: 2 }, ["agendaItems", i, "points", j])));
  archive.registrations.forEach((r, i) => check(r, { focalPoint: 3, delegateLimit: 3 }, ["registrations", i]));
  const submissionKeys = {
    onBehalfOf: 3,
    clearanceRequestedAt: 3,
    clearanceRequestedBy: 3,
    clearedDraftVersion: 3,
    clearedBy: 3,
    clearedAt: 3,
    cosponsors: 3,
    alignments: 3,
  };
  archive.submissions.forEach((s, i) => check(s, submissionKeys, ["submissions", i]));
  archive.generatedDocuments.forEach((d, i) =>
    d.model.comments.items.forEach((item, j) =>
      item.delegations.forEach((entry, k) =>
        check(entry, { heading: 3, alignment: 3 }, ["generatedDocuments", i, "model", "comments", "items", j, "delegations", k]),
      ),
    ),
  );
  return problems;
}

/** The bytes a base64 text holds. */
function base64Length(content: string): number {
  const padding = content.endsWith("==") ? 2 : content.endsWith("=") ? 1 : 0;
  return (content.length / 4) * 3 - padding;
}

export type ArchiveCheck = { ok: true; archive: Archive } | { ok: false; problems: ArchiveProblem[] };

/** At most ARCHIVE_LIMITS.problems, and a last one that says there were more. */
function capped(problems: ArchiveProblem[]): ArchiveProblem[] {
  if (problems.length <= ARCHIVE_LIMITS.problems) return problems;
  return [
    ...problems.slice(0, ARCHIVE_LIMITS.problems),
    problem([], "moreProblems", `more problems were found; only the first ${ARCHIVE_LIMITS.problems} are listed`, { shown: ARCHIVE_LIMITS.problems }),
  ];
}

/**
 * Checks a parsed JSON value against the format. A file of another format or an unknown version is
 * refused before anything else is read, with a message that says so; then the size and nesting,
 * the shape part by part, and the checks between the parts.
 */
export function checkArchive(value: unknown): ArchiveCheck {
  const head = (value && typeof value === "object" ? value : {}) as { format?: unknown; version?: unknown };
  if (head.format !== ARCHIVE_FORMAT) {
    return { ok: false, problems: [problem(["format"], "notArchive", `not a consultation archive (expected "${ARCHIVE_FORMAT}")`)] };
  }
  if (!(ARCHIVE_VERSIONS as readonly unknown[]).includes(head.version)) {
    const versions = `${ARCHIVE_VERSIONS.slice(0, -1).join(", ")} and ${ARCHIVE_VERSIONS.at(-1)}`;
    return {
      ok: false,
      problems: [
        // The page's message names the version this instance writes (one number reads the same in every language).
        problem(["version"], "version", `version ${JSON.stringify(head.version)} is not supported: this instance reads versions ${versions}`, {
          version: JSON.stringify(head.version) ?? "undefined",
          supported: ARCHIVE_VERSION,
        }),
      ],
    };
  }
  const size = jsonSizeProblem(value);
  if (size) return { ok: false, problems: [size] };
  const problems: ArchiveProblem[] = [];
  checkParts(archiveShape, value, [], problems, ARCHIVE_LIMITS.problems + 1);
  if (problems.length) return { ok: false, problems: capped(problems) };
  // No transforms: the value is the archive as the schema reads it.
  const archive = value as Archive;
  const references = [...laterKeyProblems(archive), ...archiveReferenceProblems(archive)];
  return references.length ? { ok: false, problems: capped(references) } : { ok: true, archive };
}

export type ArchiveRead =
  { ok: true; value: unknown } | { ok: false; reason: "notJson"; message: string } | { ok: false; reason: "invalid"; problems: ArchiveProblem[] };

/** The text of an uploaded file as JSON: its nesting checked first, then parsed. */
export function readArchiveText(text: string): ArchiveRead {
  const nesting = jsonNestingProblem(text);
  if (nesting) return { ok: false, reason: "invalid", problems: [nesting] };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: "notJson", message: (error as Error).message };
  }
}

/** The archive as the committed file holds it: 2-space indentation and a final newline. */
export function serializeArchive(archive: Archive): string {
  return `${JSON.stringify(archive, null, 2)}\n`;
}

// Names for the parts the JSON Schema defines once and refers to ($defs).
const definitions = z.registry<{ id: string; description?: string }>();
definitions.add(id, { id: "id", description: "A UUID, as in the database it came from." });
definitions.add(instant, { id: "instant", description: "An instant, ISO 8601 in UTC with milliseconds." });
definitions.add(day, { id: "date", description: "A calendar date, YYYY-MM-DD." });
definitions.add(email, { id: "email", description: "A person, by the email address in users." });
definitions.add(language, { id: "language" });
definitions.add(text, { id: "text", description: "Text of at most 200,000 characters, without NUL." });
definitions.add(line, { id: "line", description: "A short text of at most 2,000 characters, without NUL." });
definitions.add(count, { id: "count", description: "A whole number, 0 or more." });
definitions.add(positive, { id: "number", description: "A whole number, 1 or more." });
definitions.add(integer, { id: "integer", description: "A whole number (32 bits)." });
definitions.add(timeZone, { id: "timeZone", description: "An IANA time zone, e.g. Europe/Vienna." });
definitions.add(delegationCode, {
  id: "delegationCode",
  description: "A delegation's code in the instance (ISO 3166 alpha-3 for States, e.g. PER; EU for the European Union).",
});
definitions.add(nameInLanguages, {
  id: "nameInLanguages",
  description: "A name in other official languages, by language code (at most 2,000 characters each); the English field stands in for a language left out.",
});
definitions.add(textInLanguages, {
  id: "textInLanguages",
  description: "A text in other official languages, by language code; the English field stands in for a language left out.",
});
definitions.add(groupName, {
  id: "groupName",
  description: "A group's name in one language (at most 2,000 characters); blank when the English name stands in for it.",
});
definitions.add(comment, { id: "comment" });
definitions.add(crpText, { id: "crpText" });
definitions.add(crpHeading, { id: "crpHeading" });
definitions.add(crpModel, {
  id: "crpModel",
  description: "A CRP's document model (app/documents/crp.ts): what its page, HTML, Word, PDF and Markdown render.",
});

/** "CTOC-2020" + exportedAt -> "CTOC-2020-archive-2026-11-22.json" (ASCII whatever the prefix). */
export function archiveFileName(archive: Archive): string {
  const base = archive.consultation.receiptPrefix.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "consultation";
  return `${base}-archive-${archive.exportedAt.slice(0, 10)}.json`;
}

/** The JSON Schema of the format (db/archive.schema.json). */
export function archiveJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(archiveShape, { target: "draft-2020-12", reused: "ref", metadata: definitions }),
    title: `Nonpaper consultation archive, version ${ARCHIVE_VERSION}`,
  };
}
