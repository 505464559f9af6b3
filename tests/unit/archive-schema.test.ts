// The archive format: the committed JSON Schema is the one generated from the Zod schema, both
// accept a sample archive and refuse the same broken ones; the checks between parts (references,
// unique ids) and the messages for another format or an unknown version.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as enums from "../../db/schema/enums";
import { ARCHIVE_ENUMS, archiveJsonSchema, checkArchive, formatPath, serializeArchive, type Archive } from "~/lib/archive-schema";

const committed = JSON.parse(readFileSync(new URL("../../db/archive.schema.json", import.meta.url), "utf8"));

type JsonSchema = Record<string, unknown>;

/**
 * A small JSON Schema (2020-12) check for the keywords the generated schema uses; no validator is
 * installed, and this one only needs to agree with Zod on the samples below.
 */
function jsonSchemaErrors(schema: JsonSchema, value: unknown, root: JsonSchema = schema, path = ""): string[] {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/$defs/", "");
    return jsonSchemaErrors((root.$defs as Record<string, JsonSchema>)[name]!, value, root, path);
  }
  if (Array.isArray(schema.anyOf)) {
    return (schema.anyOf as JsonSchema[]).some((s) => jsonSchemaErrors(s, value, root, path).length === 0) ? [] : [`${path}: no alternative fits`];
  }
  const errors: string[] = [];
  const type = schema.type as string | undefined;
  const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  if (type === "integer" ? !Number.isInteger(value) : type && type !== actual) return [`${path}: expected ${type}`];
  if ("const" in schema && schema.const !== value) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: not in the enum`);
  if (typeof value === "string") {
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern).test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
    if (typeof schema.minLength === "number" && value.length < schema.minLength) errors.push(`${path}: too short`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) errors.push(`${path}: too long`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${path}: below the minimum`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${path}: above the maximum`);
  }
  if (actual === "array" && schema.items) {
    (value as unknown[]).forEach((item, i) => errors.push(...jsonSchemaErrors(schema.items as JsonSchema, item, root, `${path}[${i}]`)));
  }
  if (actual === "object") {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in record)) errors.push(`${path}.${key}: missing`);
    for (const [key, v] of Object.entries(record)) {
      if (properties[key]) errors.push(...jsonSchemaErrors(properties[key]!, v, root, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
        errors.push(...jsonSchemaErrors(schema.additionalProperties as JsonSchema, v, root, `${path}.${key}`));
      }
    }
  }
  return errors;
}

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const AT = "2026-06-02T08:00:00.000Z";

function sample(): Archive {
  return {
    format: "nonpaper-consultation-archive",
    version: 1,
    exportedAt: "2026-11-22T10:00:00.000Z",
    meeting: {
      id: ID(1),
      body: "Working Group on Technical Assistance",
      parentBody: "Conference of the Parties",
      symbolPrefix: "CTOC/COP/WG.2",
      session: "2026",
      venue: "Vienna",
      startDate: "2026-06-02",
      endDate: "2026-06-03",
      format: "hybrid",
      timeZone: "Europe/Vienna",
      createdBy: "secretariat@nonpaper.test",
      createdAt: AT,
      updatedAt: AT,
    },
    consultation: {
      id: ID(2),
      title: "Discussion points",
      status: "open",
      workingLanguage: "en",
      deadline: "2026-07-01T16:00:00.000Z",
      receiptPrefix: "CTOC-2026",
      crpSymbol: "CTOC/COP/2026/CRP.1",
      parentSession: "Thirteenth session",
      parentSessionVenue: "Vienna",
      parentSessionStartDate: "2026-10-12",
      parentSessionEndDate: "2026-10-16",
      parentAgendaItemNumber: "4",
      parentAgendaItemTitle: "Technical assistance",
      provisionalAgendaSymbol: "CTOC/COP/2026/1",
      reflectionApprovedOn: "2026-06-10",
      reflectionApprovalMethod: "silence procedure",
      introductionNote: null,
      introductionParagraphs: null,
      coveringNote: "The Secretariat presents its compliments …",
      circulatedAt: AT,
      closedAt: null,
      compiledAt: null,
      createdBy: "secretariat@nonpaper.test",
      createdAt: AT,
      updatedAt: AT,
      lastReceiptNumber: 1,
    },
    users: [
      { email: "peru@nonpaper.test", name: "Ana Pérez", role: "delegate", language: "es", timeZone: "America/Lima", delegation: "PER" },
      { email: "secretariat@nonpaper.test", name: "Secretariat officer", role: "secretariat", language: "en", timeZone: null, delegation: null },
    ],
    chairs: [],
    agendaItems: [
      {
        id: ID(3),
        number: "2",
        heading: null,
        title: "Technical assistance",
        introduction: null,
        position: 0,
        createdAt: AT,
        points: [
          {
            id: ID(4),
            label: "(a)",
            position: 0,
            createdAt: AT,
            versions: [{ id: ID(5), versionNumber: 1, text: "States should share good practices.", source: "draft_report", author: null, createdAt: AT }],
          },
        ],
      },
    ],
    nonPapers: [{ id: ID(6), number: 1, circulatedAt: AT, circulatedBy: "secretariat@nonpaper.test", coveringNote: null, pointVersions: [ID(5)] }],
    registrations: [{ id: ID(7), delegation: "PER", participation: "state_party", deadlineExtendedTo: null, registeredBy: null, createdAt: AT }],
    attachments: [],
    submissions: [
      {
        id: ID(8),
        delegation: "PER",
        status: "submitted",
        language: "es",
        draftVersion: 1,
        draftUpdatedAt: AT,
        draftUpdatedBy: "peru@nonpaper.test",
        createdAt: AT,
        draftComments: [],
        revisions: [
          {
            id: ID(9),
            revisionNumber: 1,
            receiptNumber: "CTOC-2026-PER-0001",
            idempotencyKey: "k-1",
            draftVersion: 1,
            language: "es",
            source: "editor",
            attachmentId: null,
            submittedAt: AT,
            submittedBy: "peru@nonpaper.test",
            supersededAt: null,
            withdrawnAt: null,
            late: null,
            lateDecidedBy: null,
            lateDecidedAt: null,
            lateReason: null,
            comments: [
              {
                id: ID(10),
                kind: "amendment",
                agendaItemId: ID(3),
                pointId: ID(4),
                basePointVersionId: ID(5),
                label: null,
                position: 0,
                language: "es",
                body: "El Perú propone:",
                proposedText: "Los Estados deberían compartir buenas prácticas.",
                createdAt: AT,
                updatedAt: AT,
                translations: [
                  {
                    id: ID(11),
                    targetLanguage: "en",
                    status: "final",
                    body: "Peru proposes:",
                    proposedText: "States should share good practices.",
                    sourceBody: "El Perú propone:",
                    sourceProposedText: "Los Estados deberían compartir buenas prácticas.",
                    machineAssisted: false,
                    version: 2,
                    translator: "secretariat@nonpaper.test",
                    finalizedBy: "secretariat@nonpaper.test",
                    finalizedAt: AT,
                    createdAt: AT,
                    updatedAt: AT,
                  },
                ],
                reviews: [],
              },
            ],
          },
        ],
      },
    ],
    generatedDocuments: [],
    auditLog: [
      {
        at: AT,
        actor: "secretariat@nonpaper.test",
        action: "consultation.circulate",
        entityType: "consultation",
        entityId: ID(2),
        details: { delegations: 1 },
        ipAddress: null,
      },
    ],
  };
}

describe("the archive schema", () => {
  it("the committed db/archive.schema.json is the one generated from the Zod schema", () => {
    expect(committed).toEqual(archiveJsonSchema());
    expect(committed.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("repeats the database's enums exactly", () => {
    expect(ARCHIVE_ENUMS.language).toEqual(enums.languageEnum.enumValues);
    expect(ARCHIVE_ENUMS.role).toEqual(enums.roleEnum.enumValues);
    expect(ARCHIVE_ENUMS.consultationStatus).toEqual(enums.consultationStatusEnum.enumValues);
    expect(ARCHIVE_ENUMS.meetingFormat).toEqual(enums.meetingFormatEnum.enumValues);
    expect(ARCHIVE_ENUMS.pointVersionSource).toEqual(enums.pointVersionSourceEnum.enumValues);
    expect(ARCHIVE_ENUMS.participation).toEqual(enums.participationEnum.enumValues);
    expect(ARCHIVE_ENUMS.commentKind).toEqual(enums.commentKindEnum.enumValues);
    expect(ARCHIVE_ENUMS.submissionStatus).toEqual(enums.submissionStatusEnum.enumValues);
    expect(ARCHIVE_ENUMS.lateDecision).toEqual(enums.lateDecisionEnum.enumValues);
    expect(ARCHIVE_ENUMS.submissionSource).toEqual(enums.submissionSourceEnum.enumValues);
    expect(ARCHIVE_ENUMS.translationStatus).toEqual(enums.translationStatusEnum.enumValues);
    expect(ARCHIVE_ENUMS.reviewTag).toEqual(enums.reviewTagEnum.enumValues);
    expect(ARCHIVE_ENUMS.disposition).toEqual(enums.dispositionEnum.enumValues);
    expect(ARCHIVE_ENUMS.documentKind).toEqual(enums.documentKindEnum.enumValues);
    expect(ARCHIVE_ENUMS.documentStatus).toEqual(enums.documentStatusEnum.enumValues);
  });

  it("Zod and the JSON Schema both accept a sample archive", () => {
    const archive = sample();
    expect(checkArchive(archive)).toEqual({ ok: true, archive });
    expect(jsonSchemaErrors(committed, archive)).toEqual([]);
  });

  it("Zod and the JSON Schema refuse the same broken files", () => {
    const broken: [string, (a: Record<string, any>) => void][] = [
      ["a missing field", (a) => delete a.consultation.title],
      ["an unknown field", (a) => (a.consultation.password = "x")],
      ["a wrong enum value", (a) => (a.submissions[0].language = "de")],
      ["a date that is not ISO", (a) => (a.meeting.createdAt = "2 June 2026")],
      ["a bad id", (a) => (a.agendaItems[0].id = "item-1")],
      ["a negative count", (a) => (a.consultation.lastReceiptNumber = -1)],
      [
        "base64 that is not",
        (a) => (a.attachments = [{ id: ID(20), filename: "x", mediaType: "text/plain", size: 1, uploadedBy: null, createdAt: AT, content: "@@" }]),
      ],
    ];
    for (const [name, tamper] of broken) {
      const archive = sample() as Record<string, any>;
      tamper(archive);
      expect(checkArchive(archive).ok, name).toBe(false);
      expect(jsonSchemaErrors(committed, archive).length, name).toBeGreaterThan(0);
    }
  });

  it("names each broken reference by its path", () => {
    const archive = sample();
    const revision = archive.submissions[0]!.revisions[0]!;
    revision.comments[0]!.pointId = ID(99);
    revision.comments[0]!.translations[0]!.translator = "nobody@nonpaper.test";
    archive.nonPapers[0]!.pointVersions.push(ID(98));
    archive.registrations[0]!.id = ID(3);
    const result = checkArchive(archive);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { path: "nonPapers[0].pointVersions[1]", message: `no point version ${ID(98)}`, code: "noPointVersion", values: { id: ID(98) } },
      { path: "registrations[0].id", message: `the id ${ID(3)} is used twice`, code: "duplicateId", values: { id: ID(3) } },
      { path: "submissions[0].revisions[0].comments[0].pointId", message: `no discussion point ${ID(99)}`, code: "noPoint", values: { id: ID(99) } },
      {
        path: "submissions[0].revisions[0].comments[0].translations[0].translator",
        message: "nobody@nonpaper.test is not in users",
        code: "noPerson",
        values: { email: "nobody@nonpaper.test" },
      },
    ]);
  });

  it("refuses another format or an unknown version before reading further", () => {
    expect(checkArchive({ format: "something-else", version: 1 })).toEqual({
      ok: false,
      problems: [{ path: "format", message: 'not a consultation archive (expected "nonpaper-consultation-archive")', code: "notArchive" }],
    });
    expect(checkArchive({ ...sample(), version: 4 })).toEqual({
      ok: false,
      problems: [
        {
          path: "version",
          message: "version 4 is not supported: this instance reads versions 1, 2 and 3",
          code: "version",
          values: { version: "4", supported: 3 },
        },
      ],
    });
    expect(checkArchive(null).ok).toBe(false);
  });

  it("reads version 1, 2 and 3 files, and a version 1 file holds none of version 2's keys", () => {
    expect(checkArchive({ ...sample(), version: 2 }).ok).toBe(true);
    expect(jsonSchemaErrors(committed, { ...sample(), version: 2 })).toEqual([]);
    expect(checkArchive({ ...sample(), version: 3 }).ok).toBe(true);
    expect(jsonSchemaErrors(committed, { ...sample(), version: 3 })).toEqual([]);
    const archive = { ...secondRound(), version: 1 as const };
    const result = checkArchive(archive);
    expect(!result.ok && result.problems).toEqual([
      { path: "consultation", message: "not in version 1 of the format: round, previousRound", code: "unknownKeys", values: { keys: "round, previousRound" } },
      {
        path: "agendaItems[0].points[0]",
        message: "not in version 1 of the format: origins, answers",
        code: "unknownKeys",
        values: { keys: "origins, answers" },
      },
    ]);
  });

  it("writes JSON with 2-space indentation and a final newline; paths read as in JavaScript", () => {
    expect(serializeArchive(sample())).toMatch(/^\{\n {2}"format": "nonpaper-consultation-archive",\n {2}"version": 1,\n[\s\S]*\}\n$/);
    expect(formatPath(["submissions", 0, "revisions", 1, "id"])).toBe("submissions[0].revisions[1].id");
    expect(formatPath([])).toBe("(the file)");
  });
});

/** The sample as a second round's file: its point merges two points of the previous round and answers one of its comments. */
function secondRound(): Archive {
  const archive = sample();
  archive.version = 2;
  archive.consultation.round = 2;
  archive.consultation.previousRound = {
    consultationId: ID(50),
    round: 1,
    points: [
      { id: ID(51), label: "(a)", agendaItemNumber: "2", text: "States should share practices." },
      { id: ID(52), label: "(b)", agendaItemNumber: "2", text: "States should share good practices." },
    ],
  };
  const point = archive.agendaItems[0]!.points[0]!;
  point.origins = [ID(51), ID(52)];
  point.answers = [{ commentId: ID(60), linkedBy: "secretariat@nonpaper.test", linkedAt: AT }];
  return archive;
}

describe("a later round (version 2)", () => {
  it("Zod and the JSON Schema accept a second round's file; the comments its points answer are outside the file", () => {
    const archive = secondRound();
    expect(checkArchive(archive)).toEqual({ ok: true, archive });
    expect(jsonSchemaErrors(committed, archive)).toEqual([]);
  });

  it("Zod and the JSON Schema refuse the same broken ones", () => {
    const broken: [string, (a: Record<string, any>) => void][] = [
      ["round 0", (a) => (a.consultation.round = 0)],
      ["an origin that is not an id", (a) => (a.agendaItems[0].points[0].origins = ["(a)"])],
      ["a previous point without its text", (a) => delete a.consultation.previousRound.points[0].text],
      ["an answer with an unknown field", (a) => (a.agendaItems[0].points[0].answers[0].note = "x")],
      ["an answer's date that is not ISO", (a) => (a.agendaItems[0].points[0].answers[0].linkedAt = "today")],
    ];
    for (const [name, tamper] of broken) {
      const archive = secondRound() as Record<string, any>;
      tamper(archive);
      expect(checkArchive(archive).ok, name).toBe(false);
      expect(jsonSchemaErrors(committed, archive).length, name).toBeGreaterThan(0);
    }
  });

  it("names an origin the file does not list, a repeated origin or answer, an unknown person and a previous round that is not earlier", () => {
    const archive = secondRound();
    const point = archive.agendaItems[0]!.points[0]!;
    point.origins = [ID(51), ID(53), ID(51)];
    point.answers = [...point.answers!, { commentId: ID(60), linkedBy: "nobody@nonpaper.test", linkedAt: AT }];
    archive.consultation.previousRound!.round = 2;
    archive.consultation.previousRound!.points[1]!.id = ID(4);
    const result = checkArchive(archive);
    expect(!result.ok && result.problems).toEqual([
      { path: "consultation.previousRound.round", message: "the previous round (2) is not before this one (2)", code: "invalid" },
      { path: "agendaItems[0].points[0].id", message: `the id ${ID(4)} is used twice`, code: "duplicateId", values: { id: ID(4) } },
      {
        path: "agendaItems[0].points[0].origins[1]",
        message: `no point ${ID(53)} in consultation.previousRound.points`,
        code: "noPoint",
        values: { id: ID(53) },
      },
      { path: "agendaItems[0].points[0].origins[2]", message: `the origin ${ID(51)} appears twice`, code: "duplicate", values: { value: ID(51) } },
      { path: "agendaItems[0].points[0].answers[1].commentId", message: `the comment ${ID(60)} appears twice`, code: "duplicate", values: { value: ID(60) } },
      {
        path: "agendaItems[0].points[0].answers[1].linkedBy",
        message: "nobody@nonpaper.test is not in users",
        code: "noPerson",
        values: { email: "nobody@nonpaper.test" },
      },
    ]);
  });
});

/**
 * The sample as version 3 writes a joint submission: Peru on behalf of a group of its own (Chile a
 * member and the coordinator), cleared by an approver, Chile invited as co-sponsor and confirmed,
 * Mexico aligned with a receipt, and Peru's registration with its focal point and delegate limit.
 */
function jointSubmission(): Archive {
  const archive = sample();
  archive.version = 3;
  archive.users.push({
    email: "chile@nonpaper.test",
    name: "Carla Soto",
    role: "delegate",
    language: "es",
    timeZone: "America/Santiago",
    delegation: "CHL",
    approver: true,
  });
  archive.users.push({ email: "mexico@nonpaper.test", name: "Mario Ruiz", role: "delegate", language: "es", timeZone: null, delegation: "MEX" });
  archive.users.sort((a, b) => (a.email < b.email ? -1 : 1));
  archive.registrations[0] = { ...archive.registrations[0]!, focalPoint: "peru@nonpaper.test", delegateLimit: 5 };
  archive.groups = [
    {
      id: ID(40),
      code: "PACIFIC",
      standing: false,
      kind: "ad_hoc",
      names: { ar: "", zh: "", en: "Pacific friends", fr: "", ru: "", es: "Amigos del Pacífico" },
      articles: { fr: null, es: "los" },
      membershipAsOf: "2026-06-01",
      members: ["CHL", "PER"],
      coordinator: { delegation: "PER", assignedBy: "secretariat@nonpaper.test", assignedAt: AT },
      createdBy: "secretariat@nonpaper.test",
      createdAt: AT,
      updatedAt: AT,
    },
  ];
  const submission = archive.submissions[0]!;
  Object.assign(submission, {
    onBehalfOf: ID(40),
    clearanceRequestedAt: AT,
    clearanceRequestedBy: "peru@nonpaper.test",
    clearedDraftVersion: 1,
    clearedBy: "chile@nonpaper.test",
    clearedAt: AT,
    cosponsors: [{ delegation: "CHL", invitedBy: "peru@nonpaper.test", invitedAt: AT, confirmedBy: "chile@nonpaper.test", confirmedAt: AT, withdrawnAt: null }],
    alignments: [{ id: ID(41), delegation: "MEX", receiptNumber: "CTOC-2026-MEX-0002", alignedBy: "mexico@nonpaper.test", alignedAt: AT, withdrawnAt: null }],
  });
  archive.consultation.lastReceiptNumber = 2;
  return archive;
}

describe("groups, joint submissions, alignment, clearance and focal points (version 3)", () => {
  it("Zod and the JSON Schema accept a joint submission's file", () => {
    const archive = jointSubmission();
    expect(checkArchive(archive)).toEqual({ ok: true, archive });
    expect(jsonSchemaErrors(committed, archive)).toEqual([]);
  });

  it("Zod and the JSON Schema refuse the same broken ones", () => {
    const broken: [string, (a: Record<string, any>) => void][] = [
      ["a group without its English name", (a) => (a.groups[0].names.en = "")],
      ["a group missing a language", (a) => delete a.groups[0].names.ru],
      ["a group of an unknown kind", (a) => (a.groups[0].kind = "caucus")],
      ["a group code in lower case", (a) => (a.groups[0].code = "pacific")],
      ["a member that is not a code", (a) => (a.groups[0].members[0] = "Chile")],
      ["a membership date that is not a date", (a) => (a.groups[0].membershipAsOf = "June 2026")],
      ["on behalf of something that is not an id", (a) => (a.submissions[0].onBehalfOf = "PACIFIC")],
      ["a cleared draft version below 0", (a) => (a.submissions[0].clearedDraftVersion = -1)],
      ["a co-sponsor with an unknown field", (a) => (a.submissions[0].cosponsors[0].status = "confirmed")],
      ["an alignment without its receipt", (a) => delete a.submissions[0].alignments[0].receiptNumber],
      ["a focal point that is not an email", (a) => (a.registrations[0].focalPoint = "Ana")],
      ["an approver flag that is not a boolean", (a) => (a.users[0].approver = "yes")],
    ];
    for (const [name, tamper] of broken) {
      const archive = jointSubmission() as Record<string, any>;
      tamper(archive);
      expect(checkArchive(archive).ok, name).toBe(false);
      expect(jsonSchemaErrors(committed, archive).length, name).toBeGreaterThan(0);
    }
  });

  it("names a group the file lacks, repeated codes and members, a focal point of another delegation, and checks alignment receipts as revisions'", () => {
    const archive = jointSubmission();
    const [group] = archive.groups!;
    archive.groups!.push({ ...group!, id: ID(42), members: ["PER", "PER"], coordinator: null });
    const submission = archive.submissions[0]!;
    submission.onBehalfOf = ID(43);
    submission.cosponsors!.push({ ...submission.cosponsors![0]! });
    submission.alignments!.push({ ...submission.alignments![0]!, id: ID(44), delegation: "CHL", receiptNumber: "CTOC-2026-PER-0003" });
    archive.registrations[0]!.focalPoint = "chile@nonpaper.test";
    const result = checkArchive(archive);
    expect(!result.ok && result.problems).toEqual([
      {
        path: "registrations[0].focalPoint",
        message: "chile@nonpaper.test is not a delegate of PER",
        code: "focalPointDelegation",
        values: { email: "chile@nonpaper.test", code: "PER" },
      },
      { path: "groups[1].code", message: "the group code PACIFIC appears twice", code: "duplicate", values: { value: "PACIFIC" } },
      { path: "groups[1].members[1]", message: "the member PER appears twice", code: "duplicate", values: { value: "PER" } },
      { path: "submissions[0].onBehalfOf", message: `no group ${ID(43)} in groups`, code: "noGroup", values: { id: ID(43) } },
      { path: "submissions[0].cosponsors[1].delegation", message: "the co-sponsor CHL appears twice", code: "duplicate", values: { value: "CHL" } },
      {
        path: "submissions[0].alignments[1].receiptNumber",
        message: "the receipt CTOC-2026-PER-0003 is not of CHL",
        code: "receiptDelegation",
        values: { receipt: "CTOC-2026-PER-0003", code: "CHL" },
      },
    ]);
    // An alignment's receipt counts against the counter as a revision's does.
    const below = jointSubmission();
    below.consultation.lastReceiptNumber = 1;
    const counted = checkArchive(below);
    expect(!counted.ok && counted.problems).toEqual([
      {
        path: "consultation.lastReceiptNumber",
        message: "the receipt counter 1 is below the receipt CTOC-2026-MEX-0002",
        code: "counterBelowReceipts",
        values: { counter: 1, receipt: "CTOC-2026-MEX-0002" },
      },
    ]);
  });

  it("a version 1 or 2 file holds none of version 3's keys", () => {
    const archive = { ...jointSubmission(), version: 2 as const };
    const result = checkArchive(archive);
    expect(!result.ok && result.problems).toEqual([
      { path: "(the file)", message: "not in version 2 of the format: groups", code: "unknownKeys", values: { keys: "groups" } },
      { path: "users[0]", message: "not in version 2 of the format: approver", code: "unknownKeys", values: { keys: "approver" } },
      {
        path: "registrations[0]",
        message: "not in version 2 of the format: focalPoint, delegateLimit",
        code: "unknownKeys",
        values: { keys: "focalPoint, delegateLimit" },
      },
      {
        path: "submissions[0]",
        message:
          "not in version 2 of the format: onBehalfOf, clearanceRequestedAt, clearanceRequestedBy, clearedDraftVersion, clearedBy, clearedAt, cosponsors, alignments",
        code: "unknownKeys",
        values: {
          keys: "onBehalfOf, clearanceRequestedAt, clearanceRequestedBy, clearedDraftVersion, clearedBy, clearedAt, cosponsors, alignments",
        },
      },
    ]);
    const v1 = checkArchive({ ...jointSubmission(), version: 1 });
    expect(!v1.ok && v1.problems.map((p) => [p.path, p.message])).toEqual([
      ["(the file)", "not in version 1 of the format: groups"],
      ["users[0]", "not in version 1 of the format: approver"],
      ["registrations[0]", "not in version 1 of the format: focalPoint, delegateLimit"],
      ["submissions[0]", expect.stringMatching(/^not in version 1 of the format: onBehalfOf, /)],
    ]);
  });
});
