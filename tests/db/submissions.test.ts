import { and, count, eq, inArray, isNull, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseReceiptNumber } from "~/lib/receipts";
import type { SubmissionContentInput } from "~/lib/submission-rules";
import { revisePoint } from "~/models/point.server";
import { getRevision, getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission, withdrawSubmission } from "~/models/submission-submit.server";
import type { SessionUser } from "~/models/user.server";
import { closeReflectionPeriod } from "~/models/circulation.server";
import { getDb, schema } from "~/utils/db.server";
import { BASE_URL, consultationIdByPrefix, createDelegate } from "./helpers";
import { POINT_TEXTS, anotherDelegate, countQueries, delegationIdOf, openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
let keyCounter = 0;
const key = () => `test-key-${Date.now()}-${keyCounter++}`;

type Open = Awaited<ReturnType<typeof openConsultation>>;

function spanishContent(c: Open, extra: Partial<SubmissionContentInput> = {}): SubmissionContentInput {
  return {
    language: "es",
    general: [{ agendaItemId: c.items["2"]!, body: "El Perú agradece a la Secretaría los puntos de debate." }],
    points: [
      { pointId: c.points["2(a)"]!, body: "Apoyamos el punto a)." },
      {
        pointId: c.points["2(b)"]!,
        body: "Proponemos suprimir los corchetes.",
        proposedText: "The Secretariat should continue to provide technical assistance.",
      },
    ],
    proposals: [{ agendaItemId: c.items["3"]!, body: "Nueva propuesta sobre cooperación regional." }],
    ...extra,
  };
}

/** Saves content on top of whatever the draft holds now, as `user`. */
async function saveOnTop(user: SessionUser, consultationId: string, content: unknown) {
  const page = await getSubmissionForDelegate(user, consultationId);
  return saveDraft(user, { consultationId, baseDraftVersion: page!.draft.draftVersion, content });
}

async function saveAndSubmit(user: SessionUser, consultationId: string, content: unknown, idempotencyKey = key()) {
  const saved = await saveOnTop(user, consultationId, content);
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
  return submitSubmission(user, { consultationId, idempotencyKey, draftVersion: saved.draftVersion, ipAddress: "127.0.0.1", baseUrl: BASE_URL });
}

/** The addresses of a delegation's active delegates (other tests of this file add some). */
async function missionAddresses(code: string) {
  const db = await getDb();
  const rows = await db
    .select({ email: schema.users.email, language: schema.users.language })
    .from(schema.users)
    .where(and(eq(schema.users.delegationId, await delegationIdOf(code)), isNull(schema.users.disabledAt)));
  return rows.map((r) => [r.email, r.language]).sort();
}

/** Everything the submission functions write for one consultation, to prove a refusal wrote nothing. */
async function footprint(consultationId: string) {
  const db = await getDb();
  const submissionIds = db.select({ id: schema.submissions.id }).from(schema.submissions).where(eq(schema.submissions.consultationId, consultationId));
  const [[subs], [revisions], [comments], [messages], [audits], drafts] = await Promise.all([
    db.select({ n: count() }).from(schema.submissions).where(eq(schema.submissions.consultationId, consultationId)),
    db.select({ n: count() }).from(schema.submissionRevisions).where(inArray(schema.submissionRevisions.submissionId, submissionIds)),
    db.select({ n: count() }).from(schema.comments).where(inArray(schema.comments.submissionId, submissionIds)),
    db.select({ n: count() }).from(schema.notificationOutbox).where(like(schema.notificationOutbox.kind, "submission.%")),
    db
      .select({ n: count() })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, consultationId), like(schema.auditLog.action, "submission.%"))),
    db
      .select({ id: schema.submissions.id, version: schema.submissions.draftVersion, status: schema.submissions.status, at: schema.submissions.draftUpdatedAt })
      .from(schema.submissions)
      .where(eq(schema.submissions.consultationId, consultationId)),
  ]);
  return { submissions: subs!.n, revisions: revisions!.n, comments: comments!.n, messages: messages!.n, audits: audits!.n, drafts };
}

describe("the delegate's submission page data", () => {
  it("shows the points as circulated, with the version an amendment is measured against, and an empty draft", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    // A revision after circulation is not what the delegation was sent.
    await revisePoint(await userByEmail("secretariat@nonpaper.test"), {
      consultationId: c.consultationId,
      pointId: c.points["2(a)"]!,
      text: "States parties should update and publish their legislative records.",
      basedOnVersion: 1,
    });
    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.delegation.code).toBe("PER");
    expect(page!.agendaItems.map((i) => [i.number, i.points.map((p) => [p.label, p.text, p.versionNumber])])).toEqual([
      [
        "2",
        [
          ["(a)", POINT_TEXTS.a, 1],
          ["(b)", POINT_TEXTS.b, 1],
        ],
      ],
      ["3", [["(a)", POINT_TEXTS.c, 1]]],
      ["4", []],
    ]);
    expect(page!.agendaItems[0]!.points[0]!.versionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(page!.draft).toEqual({ content: { language: "es", general: [], points: [], proposals: [] }, draftVersion: 0, updatedAt: null, updatedBy: null });
    expect(page!.revisions).toEqual([]);
    expect(page!.deadline.passed).toBe(false);
    expect(page!.deadline.effective).toEqual(page!.deadline.consultation);
    expect(page!.can).toEqual({ edit: true, submit: true, submitIsLate: false, withdraw: false });
    expect(page!.meeting.timeZone).toBe("Europe/Vienna");
  });

  it("costs the same number of queries however much was written", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    await saveAndSubmit(peru, c.consultationId, spanishContent(c));
    const small = await countQueries(() => getSubmissionForDelegate(peru, c.consultationId));
    for (let i = 0; i < 3; i++)
      await saveAndSubmit(peru, c.consultationId, spanishContent(c, { general: [{ agendaItemId: c.items["4"]!, body: `Versión ${i}` }] }));
    const large = await countQueries(() => getSubmissionForDelegate(peru, c.consultationId));
    expect(large.result!.revisions).toHaveLength(4);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(7);
  });
});

describe("the shared draft", () => {
  it("is saved on the server and found again, exactly as typed, HTML included", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    const script = `<script>alert("x")</script> & <b>negrita</b>`;
    const saved = await saveDraft(peru, {
      consultationId: c.consultationId,
      baseDraftVersion: 0,
      content: spanishContent(c, { general: [{ agendaItemId: c.items["2"]!, body: `${script}\r\nSegunda línea` }] }),
    });
    expect(saved).toMatchObject({ ok: true, changed: true, draftVersion: 1 });
    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.draft.draftVersion).toBe(1);
    expect(page!.draft.updatedBy).toEqual({ id: peru.id, name: "Lucía Fernández" });
    expect(page!.draft.updatedAt).toBeInstanceOf(Date);
    expect(page!.draft.content).toEqual({
      language: "es",
      general: [{ agendaItemId: c.items["2"], body: `${script}\nSegunda línea` }],
      points: [
        { pointId: c.points["2(a)"], body: "Apoyamos el punto a).", proposedText: null },
        {
          pointId: c.points["2(b)"],
          body: "Proponemos suprimir los corchetes.",
          proposedText: "The Secretariat should continue to provide technical assistance.",
        },
      ],
      proposals: [{ agendaItemId: c.items["3"], label: "(a)", body: "Nueva propuesta sobre cooperación regional." }],
    });
    const db = await getDb();
    const kinds = await db
      .select({ kind: schema.comments.kind, base: schema.comments.basePointVersionId })
      .from(schema.comments)
      .innerJoin(schema.submissions, eq(schema.submissions.id, schema.comments.submissionId))
      .where(and(eq(schema.submissions.consultationId, c.consultationId), isNull(schema.comments.revisionId)));
    expect(kinds.filter((k) => k.kind === "amendment")).toHaveLength(1);
    expect(kinds.find((k) => k.kind === "amendment")!.base).toBe(page!.agendaItems[0]!.points[1]!.versionId);
  });

  it("writes nothing when nothing changed, and drops an amendment identical to the circulated text", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    const first = await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 0, content: spanishContent(c) });
    const again = await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 1, content: spanishContent(c) });
    expect(again).toMatchObject({ ok: true, changed: false, draftVersion: 1 });
    expect(first.ok && again.ok && again.savedAt.getTime()).toBe(first.ok && first.savedAt.getTime());
    const untouched = await saveDraft(peru, {
      consultationId: c.consultationId,
      baseDraftVersion: 1,
      content: {
        language: "es",
        points: [
          { pointId: c.points["2(a)"]!, body: "", proposedText: POINT_TEXTS.a },
          { pointId: c.points["2(b)"]!, body: "Comentario", proposedText: POINT_TEXTS.b },
        ],
      },
    });
    expect(untouched).toMatchObject({ ok: true, changed: true, draftVersion: 2 });
    expect(untouched.ok && untouched.content.points).toEqual([{ pointId: c.points["2(b)"], body: "Comentario", proposedText: null }]);
  });

  it("creates nothing for an editor left empty", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    const result = await saveDraft(peru, {
      consultationId: c.consultationId,
      baseDraftVersion: 0,
      content: { language: "es", general: [{ agendaItemId: c.items["2"]!, body: "  " }] },
    });
    expect(result).toMatchObject({ ok: true, changed: false, draftVersion: 0 });
    expect((await footprint(c.consultationId)).submissions).toBe(0);
  });

  it("never overwrites another delegate's save: the second gets both texts, nothing is lost", async () => {
    const c = await openConsultation();
    const lucia = await userByEmail("peru@nonpaper.test");
    const colleague = await anotherDelegate("PER", "es");
    const both = await Promise.all([getSubmissionForDelegate(lucia, c.consultationId), getSubmissionForDelegate(colleague, c.consultationId)]);
    expect(both.map((p) => p!.draft.draftVersion)).toEqual([0, 0]);

    const mine = spanishContent(c);
    const theirs = { language: "es", general: [{ agendaItemId: c.items["2"]!, body: "Texto de mi colega." }] };
    expect(await saveDraft(lucia, { consultationId: c.consultationId, baseDraftVersion: 0, content: mine })).toMatchObject({ ok: true, draftVersion: 1 });
    const before = await footprint(c.consultationId);
    const conflict = await saveDraft(colleague, { consultationId: c.consultationId, baseDraftVersion: 0, content: theirs });
    expect(conflict.ok).toBe(false);
    if (conflict.ok || conflict.reason !== "conflict") throw new Error("expected a conflict");
    expect(conflict.current.draftVersion).toBe(1);
    expect(conflict.current.updatedBy).toEqual({ id: lucia.id, name: "Lucía Fernández" });
    expect(conflict.current.updatedAt).toBeInstanceOf(Date);
    expect(conflict.current.content.general[0]!.body).toBe(mine.general![0]!.body);
    expect(conflict.current.content.points).toHaveLength(2);
    expect(await footprint(c.consultationId)).toEqual(before);

    // The colleague combines both texts and saves on top of the version they were shown.
    const combined = spanishContent(c, { general: [{ agendaItemId: c.items["2"]!, body: `${mine.general![0]!.body}\nTexto de mi colega.` }] });
    expect(await saveDraft(colleague, { consultationId: c.consultationId, baseDraftVersion: 1, content: combined })).toMatchObject({
      ok: true,
      draftVersion: 2,
    });
    const page = await getSubmissionForDelegate(lucia, c.consultationId);
    expect(page!.draft.updatedBy!.id).toBe(colleague.id);
    expect(page!.draft.content.general[0]!.body).toContain("Texto de mi colega.");
  });

  it("lets exactly one of two first saves at the same moment through", async () => {
    const c = await openConsultation();
    const lucia = await userByEmail("peru@nonpaper.test");
    const colleague = await anotherDelegate("PER");
    const results = await Promise.all([
      saveDraft(lucia, { consultationId: c.consultationId, baseDraftVersion: 0, content: spanishContent(c) }),
      saveDraft(colleague, {
        consultationId: c.consultationId,
        baseDraftVersion: 0,
        content: { language: "en", general: [{ agendaItemId: c.items["3"]!, body: "Mine." }] },
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "conflict")).toHaveLength(1);
    const db = await getDb();
    const rows = await db.select().from(schema.submissions).where(eq(schema.submissions.consultationId, c.consultationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.draftVersion).toBe(1);
  });

  it("refuses bad content field by field and changes nothing", async () => {
    const c = await openConsultation();
    const other = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 0, content: spanishContent(c) });
    const before = await footprint(c.consultationId);
    const cases: [unknown, { field: string; message: string }][] = [
      [
        { ...spanishContent(c), language: "de" },
        { field: "language", message: "submissions:errors.languageUnknown" },
      ],
      [
        { language: "es", general: [{ agendaItemId: c.items["2"], body: "x".repeat(50_001) }] },
        { field: "general[0].body", message: "submissions:errors.tooLong" },
      ],
      [
        { language: "es", points: [{ pointId: c.points["2(a)"], body: "Apoyo\u202Eodnum" }] },
        { field: "points[0].body", message: "submissions:errors.bidiControl" },
      ],
      [
        { language: "es", points: [{ pointId: c.points["2(a)"], body: "ok", proposedText: "nul\u0000" }] },
        { field: "points[0].proposedText", message: "submissions:errors.lostCharacter" },
      ],
      [
        { language: "es", points: [{ pointId: c.points["2(a)"], body: "ok", proposedText: "bell\u0007" }] },
        { field: "points[0].proposedText", message: "submissions:errors.controlCharacter" },
      ],
      // A point of another consultation, an agenda item of another one, an unknown id.
      [
        {
          language: "es",
          points: [
            { pointId: c.points["2(a)"], body: "" },
            { pointId: other.points["2(a)"], body: "Forjado" },
          ],
        },
        { field: "points[1].pointId", message: "submissions:errors.pointUnknown" },
      ],
      [
        {
          language: "es",
          proposals: [
            { agendaItemId: c.items["2"], body: "" },
            { agendaItemId: other.items["2"], body: "Forjado" },
          ],
        },
        { field: "proposals[1].agendaItemId", message: "submissions:errors.agendaItemUnknown" },
      ],
      [
        { language: "es", general: [{ agendaItemId: UNKNOWN, body: "Forjado" }] },
        { field: "general[0].agendaItemId", message: "submissions:errors.agendaItemUnknown" },
      ],
      [
        { language: "es", points: [{ pointId: "x' or 1=1 --", body: "" }] },
        { field: "points[0].pointId", message: "submissions:errors.pointUnknown" },
      ],
      ["<script>", { field: "", message: "submissions:errors.invalid" }],
    ];
    for (const [content, issue] of cases) {
      const result = await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 1, content });
      expect(result.ok, JSON.stringify(issue)).toBe(false);
      if (!result.ok && result.reason === "invalid") expect(result.issues).toContainEqual(expect.objectContaining(issue));
      else throw new Error(`expected invalid, got ${JSON.stringify(result)}`);
    }
    expect(await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: -1, content: spanishContent(c) })).toMatchObject({
      ok: false,
      reason: "invalid",
    });
    expect(await footprint(c.consultationId)).toEqual(before);
  });

  it("is for the delegation's own delegates, while the consultation is open", async () => {
    const c = await openConsultation();
    for (const email of ["secretariat@nonpaper.test", "chair@nonpaper.test"]) {
      const user = await userByEmail(email);
      expect(await getSubmissionForDelegate(user, c.consultationId)).toBeNull();
      expect(await saveDraft(user, { consultationId: c.consultationId, baseDraftVersion: 0, content: spanishContent(c) })).toEqual({
        ok: false,
        reason: "not_found",
      });
    }
    const peru = await userByEmail("peru@nonpaper.test");
    await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 0, content: spanishContent(c) });
    // Closing before the deadline takes a reason (issue 11).
    expect(
      await closeReflectionPeriod(await userByEmail("secretariat@nonpaper.test"), { consultationId: c.consultationId, reason: "Ended early by the Bureau." }),
    ).toMatchObject({ ok: true, early: true });
    const before = await footprint(c.consultationId);
    expect(await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 1, content: spanishContent(c) })).toEqual({
      ok: false,
      reason: "not_open",
    });
    expect(await submitSubmission(peru, { consultationId: c.consultationId, idempotencyKey: key(), draftVersion: 1 })).toEqual({
      ok: false,
      reason: "not_open",
    });
    expect(await withdrawSubmission(peru, { consultationId: c.consultationId })).toEqual({ ok: false, reason: "not_open" });
    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.can).toEqual({ edit: false, submit: false, submitIsLate: false, withdraw: false });
    expect(page!.draft.content.points).toHaveLength(2);
    expect(await footprint(c.consultationId)).toEqual(before);
  });
});

describe("submitting", () => {
  it("freezes the draft into revision 1 with a receipt, emails the mission in each delegate's language, and logs it", async () => {
    const c = await openConsultation({ receiptPrefix: `CTOC-${Date.now().toString(36).toUpperCase().slice(-5)}` });
    const lucia = await userByEmail("peru@nonpaper.test");
    const colleague = await anotherDelegate("PER", "fr");
    const result = await saveAndSubmit(lucia, c.consultationId, spanishContent(c));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const prefix = (await getDb())
      .select({ p: schema.consultations.receiptPrefix })
      .from(schema.consultations)
      .where(eq(schema.consultations.id, c.consultationId));
    const [{ p }] = (await prefix) as [{ p: string }];
    expect(result.replayed).toBe(false);
    expect(result.receipt).toMatchObject({ receiptNumber: `${p}-PER-0001`, revisionNumber: 1, late: null });
    expect(parseReceiptNumber(result.receipt.receiptNumber)).toEqual({ prefix: p, delegationCode: "PER", sequence: 1 });

    const page = await getSubmissionForDelegate(lucia, c.consultationId);
    expect(page!.submissionStatus).toBe("submitted");
    expect(page!.revisions).toHaveLength(1);
    expect(page!.revisions[0]).toMatchObject({
      revisionNumber: 1,
      receiptNumber: `${p}-PER-0001`,
      language: "es",
      source: "editor",
      draftVersion: 1,
      submittedBy: { id: lucia.id, name: "Lucía Fernández" },
      supersededAt: null,
      withdrawnAt: null,
      late: null,
      state: "current",
    });
    expect(page!.unsubmittedChanges).toBe(false);
    expect(page!.can.withdraw).toBe(true);

    const revision = await getRevision(lucia, { consultationId: c.consultationId, revisionNumber: 1 });
    expect(revision!.content).toEqual(page!.draft.content);
    expect(revision!.points.map((p) => p.text).sort()).toEqual([POINT_TEXTS.a, POINT_TEXTS.b].sort());

    const db = await getDb();
    const messages = await db
      .select()
      .from(schema.notificationOutbox)
      .where(like(schema.notificationOutbox.dedupeKey, `receipt:${result.receipt.revisionId}:%`));
    expect(messages.map((m) => [m.recipientEmail, m.language]).sort()).toEqual(await missionAddresses("PER"));
    expect(messages.map((m) => m.recipientEmail)).toEqual(expect.arrayContaining([colleague.email, "peru@nonpaper.test"]));
    for (const m of messages) {
      expect(m.subject).toContain(`${p}-PER-0001`);
      expect(m.body).toContain(`${BASE_URL}/consultations/${c.consultationId}`);
      expect(m.kind).toBe("submission.receipt");
    }
    expect(messages.find((m) => m.recipientEmail === "peru@nonpaper.test")!.body).toContain("hora de Lima");
    expect(messages.find((m) => m.recipientEmail === colleague.email)!.body).toContain("Numéro d’accusé de réception");
    const [audit] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, c.consultationId), eq(schema.auditLog.action, "submission.submit")));
    expect(audit).toMatchObject({ actorId: lucia.id, entityId: result.receipt.revisionId, ipAddress: "127.0.0.1" });
    expect(audit!.details).toMatchObject({ receipt: `${p}-PER-0001`, revision: 1, late: false, delegation: "PER", comments: 4 });
  });

  it("makes a revision with a new receipt; every earlier revision stays readable, marked superseded", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    const morocco = await userByEmail("morocco@nonpaper.test");
    const first = await saveAndSubmit(peru, c.consultationId, spanishContent(c));
    const moroccan = await saveAndSubmit(morocco, c.consultationId, {
      language: "ar",
      general: [{ agendaItemId: c.items["2"]!, body: "يرحب المغرب بنقاط المناقشة." }],
    });
    const second = await saveAndSubmit(peru, c.consultationId, spanishContent(c, { proposals: [] }));
    if (!first.ok || !second.ok || !moroccan.ok) throw new Error("refused");
    // One running number per consultation, whoever submits.
    expect([first, moroccan, second].map((r) => r.ok && parseReceiptNumber(r.receipt.receiptNumber)!.sequence)).toEqual([1, 2, 3]);
    expect(second.receipt.revisionNumber).toBe(2);
    expect(moroccan.receipt.receiptNumber).toMatch(/-MAR-0002$/);

    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.revisions.map((r) => [r.revisionNumber, r.state])).toEqual([
      [2, "current"],
      [1, "superseded"],
    ]);
    const old = await getRevision(peru, { consultationId: c.consultationId, revisionNumber: 1 });
    expect(old!.revision.state).toBe("superseded");
    expect(old!.content.proposals).toHaveLength(1);
    const current = await getRevision(peru, { consultationId: c.consultationId, revisionNumber: 2 });
    expect(current!.content.proposals).toHaveLength(0);
    // The secretariat reads both, by delegation.
    const officer = await userByEmail("secretariat@nonpaper.test");
    const peruId = await delegationIdOf("PER");
    expect((await getRevision(officer, { consultationId: c.consultationId, delegationId: peruId, revisionNumber: 1 }))!.revision.receiptNumber).toBe(
      first.receipt.receiptNumber,
    );
    expect(await getRevision(officer, { consultationId: c.consultationId, revisionNumber: 1 })).toBeNull();
  });

  it("gives one revision for the same idempotency key, one after the other", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    const saved = await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 0, content: spanishContent(c) });
    const idempotencyKey = key();
    const input = { consultationId: c.consultationId, idempotencyKey, draftVersion: saved.ok ? saved.draftVersion : -1, baseUrl: BASE_URL };
    const first = await submitSubmission(peru, input);
    const before = await footprint(c.consultationId);
    const again = await submitSubmission(peru, input);
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(again).toMatchObject({ ok: true, replayed: true });
    expect(again.ok && first.ok && again.receipt).toEqual(first.ok && first.receipt);
    expect(await footprint(c.consultationId)).toEqual(before);
    // Even after the draft moved on, the same key answers with the same receipt.
    await saveOnTop(peru, c.consultationId, spanishContent(c, { proposals: [] }));
    expect(await submitSubmission(peru, input)).toMatchObject({
      ok: true,
      replayed: true,
      receipt: { receiptNumber: first.ok && first.receipt.receiptNumber },
    });
  });

  it("gives one revision for the same idempotency key sent many times at the same moment", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    const colleague = await anotherDelegate("PER");
    const saved = await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 0, content: spanishContent(c) });
    const idempotencyKey = key();
    const input = { consultationId: c.consultationId, idempotencyKey, draftVersion: saved.ok ? saved.draftVersion : -1 };
    const results = await Promise.all([peru, peru, colleague, peru, colleague].map((user) => submitSubmission(user, input)));
    expect(results.every((r) => r.ok)).toBe(true);
    const receipts = new Set(results.map((r) => r.ok && r.receipt.receiptNumber));
    expect(receipts.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    const after = await footprint(c.consultationId);
    expect(after.revisions).toBe(1);
    expect(after.audits).toBe(1);
    expect(after.messages).toBeGreaterThanOrEqual(2);
    const db = await getDb();
    const [receiptMessages] = await db
      .select({ n: count() })
      .from(schema.notificationOutbox)
      .where(like(schema.notificationOutbox.dedupeKey, `receipt:${results[0]!.ok && results[0]!.receipt.revisionId}:%`));
    expect(receiptMessages!.n).toBe((await missionAddresses("PER")).length);
  });

  it("refuses a draft changed since the confirmation, an empty draft and a bad key, and writes nothing", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    expect(await submitSubmission(peru, { consultationId: c.consultationId, idempotencyKey: key(), draftVersion: 0 })).toEqual({ ok: false, reason: "empty" });
    await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 0, content: spanishContent(c) });
    await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 1, content: spanishContent(c, { proposals: [] }) });
    const before = await footprint(c.consultationId);
    expect(await submitSubmission(peru, { consultationId: c.consultationId, idempotencyKey: key(), draftVersion: 1 })).toEqual({
      ok: false,
      reason: "stale_draft",
      draftVersion: 2,
    });
    for (const idempotencyKey of ["", "x", "<script>alert(1)</script>", "a b c d e f g h"]) {
      expect(await submitSubmission(peru, { consultationId: c.consultationId, idempotencyKey, draftVersion: 2 })).toEqual({
        ok: false,
        reason: "idempotency_key_invalid",
      });
    }
    // A draft emptied of every comment has nothing to submit.
    await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 2, content: { language: "es" } });
    const emptied = await footprint(c.consultationId);
    expect(await submitSubmission(peru, { consultationId: c.consultationId, idempotencyKey: key(), draftVersion: 3 })).toEqual({ ok: false, reason: "empty" });
    expect(await footprint(c.consultationId)).toEqual(emptied);
    expect(emptied.revisions).toBe(before.revisions);
  });
});

describe("withdrawing", () => {
  it("marks the current revision withdrawn, keeps the earlier ones, tells the mission, and allows a new submission", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    await saveAndSubmit(peru, c.consultationId, spanishContent(c));
    await saveAndSubmit(peru, c.consultationId, spanishContent(c, { proposals: [] }));
    const withdrawn = await withdrawSubmission(peru, { consultationId: c.consultationId, ipAddress: "127.0.0.1", baseUrl: BASE_URL });
    expect(withdrawn).toMatchObject({ ok: true, revisionNumber: 2 });
    expect(await withdrawSubmission(peru, { consultationId: c.consultationId })).toEqual({ ok: false, reason: "not_submitted" });

    const page = await getSubmissionForDelegate(peru, c.consultationId);
    expect(page!.submissionStatus).toBe("withdrawn");
    expect(page!.revisions.map((r) => r.state)).toEqual(["withdrawn", "superseded"]);
    expect(page!.can.withdraw).toBe(false);
    expect((await getRevision(peru, { consultationId: c.consultationId, revisionNumber: 1 }))!.content.proposals).toHaveLength(1);
    // The draft is still there to submit again.
    expect(page!.draft.content.points).toHaveLength(2);

    const db = await getDb();
    const [audit] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, c.consultationId), eq(schema.auditLog.action, "submission.withdraw")));
    expect(audit!.details).toMatchObject({ revision: 2, delegation: "PER" });
    const messages = await db.select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.kind, "submission.withdrawn"));
    expect(messages.some((m) => m.recipientEmail === "peru@nonpaper.test" && m.body.includes("Lucía Fernández"))).toBe(true);

    const again = await submitSubmission(peru, { consultationId: c.consultationId, idempotencyKey: key(), draftVersion: page!.draft.draftVersion });
    expect(again).toMatchObject({ ok: true, receipt: { revisionNumber: 3 } });
    const after = await getSubmissionForDelegate(peru, c.consultationId);
    expect(after!.submissionStatus).toBe("submitted");
    expect(after!.revisions.map((r) => r.state)).toEqual(["current", "withdrawn", "superseded"]);
  });

  it("refuses when nothing was submitted", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    expect(await withdrawSubmission(peru, { consultationId: c.consultationId })).toEqual({ ok: false, reason: "not_submitted" });
    await saveDraft(peru, { consultationId: c.consultationId, baseDraftVersion: 0, content: spanishContent(c) });
    expect(await withdrawSubmission(peru, { consultationId: c.consultationId })).toEqual({ ok: false, reason: "not_submitted" });
  });
});

describe("privacy: a delegate reaches only their own delegation's submission", () => {
  it("gives another delegation nothing, whatever ids it forges", async () => {
    const c = await openConsultation();
    const peru = await userByEmail("peru@nonpaper.test");
    await saveAndSubmit(peru, c.consultationId, spanishContent(c));
    await saveOnTop(peru, c.consultationId, spanishContent(c, { general: [{ agendaItemId: c.items["2"]!, body: "Borrador secreto del Perú." }] }));
    const peruId = await delegationIdOf("PER");

    const morocco = await userByEmail("morocco@nonpaper.test");
    // Morocco is registered: it sees its own, empty submission, never Peru's.
    const own = await getSubmissionForDelegate(morocco, c.consultationId);
    expect(own!.delegation.code).toBe("MAR");
    expect(own!.draft.draftVersion).toBe(0);
    expect(JSON.stringify(own)).not.toContain("Borrador secreto");
    expect(JSON.stringify(own)).not.toContain("PER-0001");
    expect(await getRevision(morocco, { consultationId: c.consultationId, revisionNumber: 1 })).toBeNull();
    expect(await getRevision(morocco, { consultationId: c.consultationId, revisionNumber: 1, delegationId: peruId })).toBeNull();
    expect(await withdrawSubmission(morocco, { consultationId: c.consultationId })).toEqual({ ok: false, reason: "not_submitted" });

    // A delegation not registered for the consultation, and forged or unknown consultation ids.
    const fiji = await userByEmail((await createDelegate(`fiji-${Date.now()}@nonpaper.test`, "FJI")).email);
    const before = await footprint(c.consultationId);
    for (const [user, consultationId] of [
      [fiji, c.consultationId],
      [peru, UNKNOWN],
      [peru, "not-a-uuid"],
      [peru, "' or 1=1 --"],
    ] as const) {
      const label = `${user.email} ${consultationId}`;
      expect(await getSubmissionForDelegate(user, consultationId), label).toBeNull();
      expect(await saveDraft(user, { consultationId, baseDraftVersion: 0, content: spanishContent(c) }), label).toEqual({ ok: false, reason: "not_found" });
      expect(await submitSubmission(user, { consultationId, idempotencyKey: key(), draftVersion: 1 }), label).toEqual({ ok: false, reason: "not_found" });
      expect(await withdrawSubmission(user, { consultationId }), label).toEqual({ ok: false, reason: "not_found" });
      expect(await getRevision(user, { consultationId, revisionNumber: 1, delegationId: peruId }), label).toBeNull();
    }
    expect(await footprint(c.consultationId)).toEqual(before);
  });

  it("shows a consultation's submissions to delegates only once it is circulated", async () => {
    const db = await getDb();
    const { insertDraftConsultation } = await import("./fixtures");
    const { consultationId } = await insertDraftConsultation(db, {
      delegations: ["PER"],
      agendaItems: [{ number: "2", title: "T", points: [{ label: "(a)", text: "x" }] }],
    });
    const peru = await userByEmail("peru@nonpaper.test");
    expect(await getSubmissionForDelegate(peru, consultationId)).toBeNull();
    expect(await saveDraft(peru, { consultationId, baseDraftVersion: 0, content: { language: "es" } })).toEqual({ ok: false, reason: "not_found" });
  });

  it("lets chairs read submitted revisions of the consultations they chair, and never drafts", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const peru = await userByEmail("peru@nonpaper.test");
    const page = await getSubmissionForDelegate(peru, id);
    const point = page!.agendaItems.find((i) => i.points.length)!.points[0]!;
    const saved = await saveDraft(peru, {
      consultationId: id,
      baseDraftVersion: page!.draft.draftVersion,
      content: { language: "es", points: [{ pointId: point.id, body: "Comentario del Perú." }] },
    });
    expect(saved.ok).toBe(true);
    const chair = await userByEmail("chair@nonpaper.test");
    const peruId = await delegationIdOf("PER");
    // The demo has Peru's first revision; the draft saved since is not readable by the chair.
    const next = page!.revisions.length + 1;
    expect(await getRevision(chair, { consultationId: id, delegationId: peruId, revisionNumber: next })).toBeNull();
    const submitted = await submitSubmission(peru, { consultationId: id, idempotencyKey: key(), draftVersion: saved.ok ? saved.draftVersion : 0 });
    expect(submitted.ok).toBe(true);
    const read = await getRevision(chair, { consultationId: id, delegationId: peruId, revisionNumber: next });
    expect(read!.content.points[0]!.body).toBe("Comentario del Perú.");
    expect(read!.points[0]!.text).toBe(point.text);
    // A consultation this chair does not chair.
    const other = await openConsultation();
    const secondSubmit = await saveAndSubmit(peru, other.consultationId, spanishContent(other));
    expect(secondSubmit.ok).toBe(true);
    expect(await getRevision(chair, { consultationId: other.consultationId, delegationId: peruId, revisionNumber: 1 })).toBeNull();
  });
});

describe("200 delegations submitting in the same moment", () => {
  it("gives each one revision with its own receipt, none lost or duplicated", { timeout: 180_000 }, async () => {
    const db = await getDb();
    // The seed has 198 delegations; two more make 200.
    const tag = Date.now().toString(36);
    await db
      .insert(schema.delegations)
      .values(
        ["A", "B"].map((letter) => ({
          // ISO 3166 reserves QMA–QZZ for private use: no real delegation has these codes.
          code: `QQ${letter}`,
          kind: "intergovernmental_organization" as const,
          nameAr: `منظمة ${letter}`,
          nameZh: `组织${letter}`,
          nameEn: `Test organization ${letter}`,
          nameFr: `Organisation ${letter}`,
          nameRu: `Организация ${letter}`,
          nameEs: `Organización ${letter}`,
        })),
      )
      .onConflictDoNothing();
    const all = await db.select({ id: schema.delegations.id, code: schema.delegations.code }).from(schema.delegations);
    const chosen = all.slice(0, 200);
    expect(chosen).toHaveLength(200);
    const c = await openConsultation({ delegations: chosen.map((d) => d.code) });
    const languages = ["ar", "zh", "en", "fr", "ru", "es"] as const;
    const inserted = await db
      .insert(schema.users)
      .values(
        chosen.map((d, i) => ({
          email: `load-${tag}-${d.code.toLowerCase()}@example.org`,
          name: `Delegate of ${d.code}`,
          role: "delegate" as const,
          delegationId: d.id,
          language: languages[i % 6],
          timeZone: "Asia/Tokyo",
        })),
      )
      .returning({
        id: schema.users.id,
        email: schema.users.email,
        name: schema.users.name,
        language: schema.users.language,
        delegationId: schema.users.delegationId,
        timeZone: schema.users.timeZone,
      });
    const delegates: SessionUser[] = inserted.map((u) => ({ ...u, role: "delegate" }));
    const content = (i: number) => ({
      language: languages[i % 6],
      general: [{ agendaItemId: c.items["2"]!, body: `Comment ${i} on item 2.` }],
      points: [{ pointId: c.points["2(a)"]!, body: `Comment ${i} on (a).`, proposedText: `Proposed wording ${i}.` }],
    });
    const saves = await Promise.all(
      delegates.map((user, i) => saveDraft(user, { consultationId: c.consultationId, baseDraftVersion: 0, content: content(i) })),
    );
    expect(saves.filter((s) => !s.ok)).toEqual([]);

    const started = performance.now();
    const results = await Promise.all(
      delegates.map((user) =>
        submitSubmission(user, { consultationId: c.consultationId, idempotencyKey: `load-${user.id}`, draftVersion: 1, baseUrl: BASE_URL }),
      ),
    );
    const elapsed = performance.now() - started;
    console.log(`200 concurrent submits: ${elapsed.toFixed(0)} ms (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const receipts = results.map((r) => (r.ok ? r.receipt.receiptNumber : ""));
    expect(new Set(receipts).size).toBe(200);
    // Gapless: the running numbers are exactly 1…200.
    expect(receipts.map((r) => parseReceiptNumber(r)!.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // Each receipt names its own delegation.
    results.forEach((r, i) => expect(r.ok && parseReceiptNumber(r.receipt.receiptNumber)!.delegationCode).toBe(chosen[i]!.code));

    const after = await footprint(c.consultationId);
    expect(after.submissions).toBe(200);
    expect(after.revisions).toBe(200);
    expect(after.comments).toBe(200 * 2 * 2); // two comments each, in the draft and in the revision
    expect(after.audits).toBe(200);
    const [messages] = await db
      .select({ n: count() })
      .from(schema.notificationOutbox)
      .where(and(eq(schema.notificationOutbox.consultationId, c.consultationId), eq(schema.notificationOutbox.kind, "submission.receipt")));
    const [delegatesOfThem] = await db
      .select({ n: count() })
      .from(schema.users)
      .where(
        and(
          inArray(
            schema.users.delegationId,
            chosen.map((d) => d.id),
          ),
          isNull(schema.users.disabledAt),
        ),
      );
    expect(messages!.n).toBe(delegatesOfThem!.n);
    expect(messages!.n).toBeGreaterThanOrEqual(200);
    // Every revision holds exactly its delegation's text.
    const frozen = await db
      .select({ body: schema.comments.body, delegationId: schema.submissions.delegationId })
      .from(schema.comments)
      .innerJoin(schema.submissions, eq(schema.submissions.id, schema.comments.submissionId))
      .where(and(eq(schema.submissions.consultationId, c.consultationId), eq(schema.comments.kind, "general")));
    const index = new Map(chosen.map((d, i) => [d.id, i]));
    for (const row of frozen) expect(row.body).toBe(`Comment ${index.get(row.delegationId)} on item 2.`);
  });
});
