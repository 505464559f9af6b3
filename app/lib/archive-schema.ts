// The consultation archive, format version 1: one JSON file that holds a whole consultation (its
// meeting, agenda, points and their versions, non-papers, registrations, submissions with every
// revision and comment, translations, reviews, compilations, attached files and audit log), so
// that it can be imported into another instance, or the same one, with nothing lost.
//
// Ids are the database's UUIDs (an export of an import is the same file); people are named by
// email and delegations by code, because those are what two instances share. Passwords and
// sessions are never in it. db/archive.schema.json is this schema as JSON Schema
// (archiveJsonSchema(); tests/unit/archive-schema.test.ts keeps the committed file equal to it).
//
// Versioning: any change that an importer of the current version could not read, or would read
// wrongly, gets a new version number; importers refuse versions they do not know.
import { z } from "zod/v4";

export const ARCHIVE_FORMAT = "nonpaper-consultation-archive";
export const ARCHIVE_VERSION = 1;
/** The largest archive the import page accepts (attachments travel inside, base64). */
export const ARCHIVE_MAX_BYTES = 200 * 1024 * 1024;

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
  documentKind: ["non_paper", "note_verbale", "crp"],
  documentStatus: ["draft", "final"],
} as const;

const id = z.guid();
const instant = z.iso.datetime();
const day = z.iso.date();
const text = z.string();
const email = z.string().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/, "an email address");
const count = z.number().int().min(0);
const positive = z.number().int().min(1);
const language = z.enum(ARCHIVE_ENUMS.language);
const delegationCode = z.string().min(1).max(32);

// A person named in the archive. Missing ones are created on import without a password (they
// can be invited later); existing accounts are never changed.
const user = z.strictObject({
  email,
  name: text.min(1),
  role: z.enum(ARCHIVE_ENUMS.role),
  language,
  timeZone: text.nullable(),
  delegation: delegationCode.nullable(),
});

const meeting = z.strictObject({
  id,
  body: text,
  parentBody: text.nullable(),
  symbolPrefix: text,
  session: text,
  venue: text,
  startDate: day,
  endDate: day,
  format: z.enum(ARCHIVE_ENUMS.meetingFormat),
  timeZone: text,
  createdBy: email.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

const consultation = z.strictObject({
  id,
  title: text,
  status: z.enum(ARCHIVE_ENUMS.consultationStatus),
  workingLanguage: language,
  deadline: instant.nullable(),
  receiptPrefix: text.min(1),
  crpSymbol: text.nullable(),
  parentSession: text.nullable(),
  parentSessionVenue: text.nullable(),
  parentSessionStartDate: day.nullable(),
  parentSessionEndDate: day.nullable(),
  parentAgendaItemNumber: text.nullable(),
  parentAgendaItemTitle: text.nullable(),
  provisionalAgendaSymbol: text.nullable(),
  reflectionApprovedOn: day.nullable(),
  reflectionApprovalMethod: text.nullable(),
  introductionNote: text.nullable(),
  /** Paragraphs of the CRP's introduction rewritten by hand, by key ("session", "received", …). */
  introductionParagraphs: z.partialRecord(z.enum(["session", "approval", "received", "late", "translations", "presentation"]), text).nullable(),
  coveringNote: text.nullable(),
  circulatedAt: instant.nullable(),
  closedAt: instant.nullable(),
  compiledAt: instant.nullable(),
  createdBy: email.nullable(),
  createdAt: instant,
  updatedAt: instant,
  /** The last receipt sequence number given out (null before the first submission). */
  lastReceiptNumber: count.nullable(),
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

const point = z.strictObject({
  id,
  label: text.min(1),
  position: z.number().int(),
  createdAt: instant,
  versions: z.array(pointVersion),
});

const agendaItem = z.strictObject({
  id,
  number: text.nullable(),
  heading: text.nullable(),
  title: text,
  introduction: text.nullable(),
  position: z.number().int(),
  createdAt: instant,
  points: z.array(point),
});

const nonPaper = z.strictObject({
  id,
  number: positive,
  circulatedAt: instant,
  circulatedBy: email.nullable(),
  coveringNote: text.nullable(),
  /** The point versions frozen in it. */
  pointVersions: z.array(id),
});

const registration = z.strictObject({
  id,
  delegation: delegationCode,
  participation: z.enum(ARCHIVE_ENUMS.participation),
  deadlineExtendedTo: instant.nullable(),
  registeredBy: email.nullable(),
  createdAt: instant,
});

const attachment = z.strictObject({
  id,
  filename: text,
  mediaType: text,
  size: count,
  uploadedBy: email.nullable(),
  createdAt: instant,
  /** The file's bytes, base64. */
  content: z.base64(),
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
  note: text.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

const comment = z.strictObject({
  id,
  kind: z.enum(ARCHIVE_ENUMS.commentKind),
  agendaItemId: id,
  pointId: id.nullable(),
  basePointVersionId: id.nullable(),
  label: text.nullable(),
  position: z.number().int(),
  language,
  body: text,
  proposedText: text.nullable(),
  createdAt: instant,
  updatedAt: instant,
  translations: z.array(translation),
  reviews: z.array(review),
});

const revision = z.strictObject({
  id,
  revisionNumber: positive,
  receiptNumber: text.min(1),
  idempotencyKey: text.min(1),
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
  comments: z.array(comment),
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
  /** The mission's shared draft (comments not yet frozen in a revision). */
  draftComments: z.array(comment),
  revisions: z.array(revision),
});

const generatedDocument = z.strictObject({
  id,
  kind: z.enum(ARCHIVE_ENUMS.documentKind),
  versionNumber: positive,
  status: z.enum(ARCHIVE_ENUMS.documentStatus),
  /** The document model the exports are rendered from (app/documents/crp.ts for a CRP). */
  model: z.unknown(),
  sourceDigest: text,
  createdBy: email.nullable(),
  createdAt: instant,
});

const auditEntry = z.strictObject({
  at: instant,
  actor: email.nullable(),
  action: text.min(1),
  entityType: text,
  entityId: text.nullable(),
  details: z.record(z.string(), z.unknown()),
  ipAddress: text.nullable(),
});

/** The file as the schema describes it, without the checks between its parts. */
export const archiveShape = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION).describe("Importers refuse a version they do not know."),
  exportedAt: instant,
  meeting: meeting.describe("The session the consultation belongs to; shared with the instance's meeting of the same id."),
  consultation,
  users: z.array(user).describe("Everyone the file names, by email (never a password or a session)."),
  chairs: z.array(chair),
  agendaItems: z.array(agendaItem).describe("In agenda order, each with its discussion points and every version of their wording."),
  nonPapers: z.array(nonPaper).describe("Each circulation, with the point versions it froze."),
  registrations: z.array(registration).describe("The delegations registered, by code."),
  attachments: z.array(attachment).describe("Files kept as received (email originals)."),
  submissions: z.array(submission).describe("One per delegation: its shared draft and every submitted revision with receipts, late decisions, comments, translations and reviews."),
  generatedDocuments: z.array(generatedDocument).describe("Every compilation (CRP versions) with its document model."),
  auditLog: z.array(auditEntry).describe("The consultation's audit log, oldest first (imports of the file are not in it)."),
});

export type Archive = z.infer<typeof archiveShape>;
export type ArchiveUser = z.infer<typeof user>;
export type ArchiveComment = z.infer<typeof comment>;

type Path = (string | number)[];
type Problem = { path: Path; message: string };

/**
 * What JSON Schema cannot say: every id is unique, every reference (to a point, a point version,
 * an agenda item, an attachment, a person) points into the file, and a comment's point belongs to
 * its agenda item.
 */
export function archiveReferenceProblems(archive: Archive): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const unique = (value: string, path: Path) => {
    if (seen.has(value)) problems.push({ path, message: `the id ${value} is used twice` });
    seen.add(value);
  };
  const emails = new Set<string>();
  archive.users.forEach((u, i) => {
    const key = u.email.toLowerCase();
    if (emails.has(key)) problems.push({ path: ["users", i, "email"], message: `${u.email} is listed twice` });
    emails.add(key);
  });
  const person = (value: string | null, path: Path) => {
    if (value !== null && !emails.has(value.toLowerCase())) problems.push({ path, message: `${value} is not in users` });
  };

  unique(archive.meeting.id, ["meeting", "id"]);
  unique(archive.consultation.id, ["consultation", "id"]);
  person(archive.meeting.createdBy, ["meeting", "createdBy"]);
  person(archive.consultation.createdBy, ["consultation", "createdBy"]);
  archive.chairs.forEach((c, i) => person(c.user, ["chairs", i, "user"]));

  const itemOfPoint = new Map<string, string>();
  const versionIds = new Set<string>();
  archive.agendaItems.forEach((item, i) => {
    unique(item.id, ["agendaItems", i, "id"]);
    item.points.forEach((p, j) => {
      unique(p.id, ["agendaItems", i, "points", j, "id"]);
      itemOfPoint.set(p.id, item.id);
      p.versions.forEach((v, k) => {
        const path = ["agendaItems", i, "points", j, "versions", k];
        unique(v.id, [...path, "id"]);
        versionIds.add(v.id);
        person(v.author, [...path, "author"]);
      });
    });
  });
  const itemIds = new Set(archive.agendaItems.map((item) => item.id));

  archive.nonPapers.forEach((n, i) => {
    unique(n.id, ["nonPapers", i, "id"]);
    person(n.circulatedBy, ["nonPapers", i, "circulatedBy"]);
    n.pointVersions.forEach((v, j) => {
      if (!versionIds.has(v)) problems.push({ path: ["nonPapers", i, "pointVersions", j], message: `no point version ${v}` });
    });
  });
  archive.registrations.forEach((r, i) => {
    unique(r.id, ["registrations", i, "id"]);
    person(r.registeredBy, ["registrations", i, "registeredBy"]);
  });
  const attachmentIds = new Set<string>();
  archive.attachments.forEach((a, i) => {
    unique(a.id, ["attachments", i, "id"]);
    attachmentIds.add(a.id);
    person(a.uploadedBy, ["attachments", i, "uploadedBy"]);
  });

  const checkComment = (c: ArchiveComment, path: Path) => {
    unique(c.id, [...path, "id"]);
    if (!itemIds.has(c.agendaItemId)) problems.push({ path: [...path, "agendaItemId"], message: `no agenda item ${c.agendaItemId}` });
    if (c.pointId !== null) {
      const item = itemOfPoint.get(c.pointId);
      if (!item) problems.push({ path: [...path, "pointId"], message: `no discussion point ${c.pointId}` });
      else if (item !== c.agendaItemId) problems.push({ path: [...path, "pointId"], message: `the point ${c.pointId} is not under agenda item ${c.agendaItemId}` });
    }
    if ((c.kind === "point" || c.kind === "amendment") !== (c.pointId !== null)) {
      problems.push({ path: [...path, "pointId"], message: `a comment of kind ${c.kind} ${c.pointId === null ? "needs" : "has no"} point` });
    }
    if (c.kind === "amendment" && c.proposedText === null) problems.push({ path: [...path, "proposedText"], message: "an amendment needs its proposed wording" });
    if (c.basePointVersionId !== null && !versionIds.has(c.basePointVersionId)) {
      problems.push({ path: [...path, "basePointVersionId"], message: `no point version ${c.basePointVersionId}` });
    }
    c.translations.forEach((t, k) => {
      unique(t.id, [...path, "translations", k, "id"]);
      person(t.translator, [...path, "translations", k, "translator"]);
      person(t.finalizedBy, [...path, "translations", k, "finalizedBy"]);
    });
    c.reviews.forEach((r, k) => {
      unique(r.id, [...path, "reviews", k, "id"]);
      person(r.reviewer, [...path, "reviews", k, "reviewer"]);
    });
  };
  const delegations = new Set<string>();
  const receipts = new Set<string>();
  archive.submissions.forEach((s, i) => {
    const path = ["submissions", i];
    unique(s.id, [...path, "id"]);
    if (delegations.has(s.delegation)) problems.push({ path: [...path, "delegation"], message: `${s.delegation} has two submissions` });
    delegations.add(s.delegation);
    person(s.draftUpdatedBy, [...path, "draftUpdatedBy"]);
    s.draftComments.forEach((c, j) => checkComment(c, [...path, "draftComments", j]));
    s.revisions.forEach((r, j) => {
      const revisionPath = [...path, "revisions", j];
      unique(r.id, [...revisionPath, "id"]);
      if (receipts.has(r.receiptNumber)) problems.push({ path: [...revisionPath, "receiptNumber"], message: `the receipt ${r.receiptNumber} is used twice` });
      receipts.add(r.receiptNumber);
      if (r.attachmentId !== null && !attachmentIds.has(r.attachmentId)) {
        problems.push({ path: [...revisionPath, "attachmentId"], message: `no attachment ${r.attachmentId}` });
      }
      person(r.submittedBy, [...revisionPath, "submittedBy"]);
      person(r.lateDecidedBy, [...revisionPath, "lateDecidedBy"]);
      r.comments.forEach((c, k) => checkComment(c, [...revisionPath, "comments", k]));
    });
  });
  archive.generatedDocuments.forEach((d, i) => {
    unique(d.id, ["generatedDocuments", i, "id"]);
    person(d.createdBy, ["generatedDocuments", i, "createdBy"]);
  });
  archive.auditLog.forEach((e, i) => person(e.actor, ["auditLog", i, "actor"]));
  archive.users.forEach((u, i) => {
    if ((u.role === "delegate") !== (u.delegation !== null)) {
      problems.push({ path: ["users", i, "delegation"], message: u.role === "delegate" ? "a delegate needs a delegation" : "only a delegate has a delegation" });
    }
  });
  return problems;
}

/** The whole check: the shape, then the references between its parts. */
export const archiveSchema = archiveShape.superRefine((archive, ctx) => {
  for (const problem of archiveReferenceProblems(archive)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
});

export type ArchiveProblem = { path: string; message: string };

/** `["submissions", 0, "revisions", 1, "id"]` -> `submissions[0].revisions[1].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || "(the file)";
}

export type ArchiveCheck = { ok: true; archive: Archive } | { ok: false; problems: ArchiveProblem[] };

/**
 * Checks a parsed JSON value against the format. A file of another format or an unknown version is
 * refused before anything else is read, with a message that says so.
 */
export function checkArchive(value: unknown): ArchiveCheck {
  const head = (value && typeof value === "object" ? value : {}) as { format?: unknown; version?: unknown };
  if (head.format !== ARCHIVE_FORMAT) {
    return { ok: false, problems: [{ path: "format", message: `not a consultation archive (expected "${ARCHIVE_FORMAT}")` }] };
  }
  if (head.version !== ARCHIVE_VERSION) {
    return {
      ok: false,
      problems: [{ path: "version", message: `version ${JSON.stringify(head.version)} is not supported: this instance reads version ${ARCHIVE_VERSION}` }],
    };
  }
  const parsed = archiveSchema.safeParse(value);
  if (parsed.success) return { ok: true, archive: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
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
definitions.add(text, { id: "text" });
definitions.add(count, { id: "count", description: "A whole number, 0 or more." });
definitions.add(positive, { id: "number", description: "A whole number, 1 or more." });
definitions.add(delegationCode, { id: "delegationCode", description: "A delegation's code in the instance (ISO 3166 alpha-3 for States, e.g. PER; EU for the European Union)." });
definitions.add(comment, { id: "comment" });

/** "CTOC-2020" + exportedAt -> "CTOC-2020-archive-2026-11-22.json" (ASCII whatever the prefix). */
export function archiveFileName(archive: Archive): string {
  const base = archive.consultation.receiptPrefix.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "consultation";
  return `${base}-archive-${archive.exportedAt.slice(0, 10)}.json`;
}

/** The JSON Schema of the format (db/archive.schema.json). */
export function archiveJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(archiveShape, { target: "draft-2020-12", reused: "ref", metadata: definitions }),
    title: "Nonpaper consultation archive, version 1",
  };
}
