// The secretariat's import of a submission received by email, through the page's loader and
// action as the browser calls them: who may use it, the upload checks, the proposals for a real
// DOCX, the save (one revision, the original kept byte for byte, once however often it is sent).
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { wallClockIn } from "~/lib/dates";
import { MAX_UPLOAD_BYTES } from "~/lib/upload-check";
import { IMPORT_ORIGINAL_KEPT_DAYS, selectImportTargets } from "~/models/submission-import.server";
import { getRevision } from "~/models/submission-access.server";
import { action, loader } from "~/routes/consultations.$consultationId.submissions_.import/route";
import { getDb, schema } from "~/utils/db.server";
import { noteAsDocx, noteAsText, peruNote, type Note } from "../unit/submission-import.fixtures";
import { insertDraftConsultation } from "./fixtures";
import { consultationIdByPrefix, outcome, requestAs, statusOf } from "./helpers";
import { delegationIdOf, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const context = { clientAddress: "127.0.0.1" };
const path = (id: string) => `/consultations/${id}/submissions/import`;

type Row = { text: string; heading: boolean; target: string; wording: string; confidence: string; reason: string; label: string | null };
type Review = {
  original: { id: string; filename: string; size: number };
  idempotencyKey: string;
  details: { delegationId: string; receivedDate: string; receivedTime: string; language: string };
  guessedLanguage: string | null;
  rows: Row[];
  warnings: unknown[];
};
type Answer =
  | {
      step: "upload";
      result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
      upload: { message: string } | null;
      kept: { id: string } | null;
    }
  | { step: "review"; review: Review; result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } | null; issues: unknown[] };

async function run(kind: "loader" | "action", email: string | null, consultationId: string, init: RequestInit = {}) {
  const request = await requestAs(email, path(consultationId), init);
  const args = { request, params: { consultationId }, context };
  return outcome(async () => (kind === "loader" ? loader(args) : action(args)) as Promise<unknown>);
}

/** What an action answered: its data and status, or what it threw (a redirect, 404, …). */
function answerOf(result: { thrown: unknown } | { value: unknown }): { status: number; data: Answer } {
  if ("thrown" in result) throw new Error(`the action threw ${statusOf(result.thrown)}`);
  const value = result.value as { data: Answer; init: { status?: number } | null };
  return { status: value.init?.status ?? 200, data: value.data };
}

/** The details of step 1, as the form sends them, received an hour ago on the meeting's clock. */
function detailsForm(delegationId: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  const received = wallClockIn(new Date(Date.now() - 3_600_000), "Europe/Vienna");
  form.append("intent", "preview");
  form.append("delegationId", delegationId);
  form.append("receivedDate", received.date);
  form.append("receivedTime", received.time);
  form.append("language", "");
  form.append("pasted", extra.pasted ?? "");
  for (const [name, value] of Object.entries(extra)) if (name !== "pasted") form.append(name, value);
  return form;
}

function withFile(form: FormData, bytes: Uint8Array, name: string, type = DOCX) {
  form.append("file", new File([new Uint8Array(bytes)], name, { type }));
  return form;
}

/** The review form as the browser posts it when the officer keeps every proposal. */
function saveForm(review: Review, change: (rows: { target: string; proposedText: string }[]) => void = () => {}) {
  const rows = review.rows.map((row) => ({ target: row.target, proposedText: row.wording }));
  change(rows);
  const body = new URLSearchParams({
    intent: "save",
    attachmentId: review.original.id,
    idempotencyKey: review.idempotencyKey,
    delegationId: review.details.delegationId,
    receivedDate: review.details.receivedDate,
    receivedTime: review.details.receivedTime,
    language: review.details.language,
  });
  rows.forEach((row, i) => {
    body.append(`rows[${i}].target`, row.target);
    body.append(`rows[${i}].proposedText`, row.proposedText);
  });
  return body;
}

async function attachmentCount() {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(schema.attachments);
  return row!.n;
}

async function revisionsOf(consultationId: string, delegationId: string) {
  const db = await getDb();
  return db
    .select({
      id: schema.submissionRevisions.id,
      revisionNumber: schema.submissionRevisions.revisionNumber,
      source: schema.submissionRevisions.source,
      attachmentId: schema.submissionRevisions.attachmentId,
    })
    .from(schema.submissionRevisions)
    .innerJoin(schema.submissions, eq(schema.submissions.id, schema.submissionRevisions.submissionId))
    .where(and(eq(schema.submissions.consultationId, consultationId), eq(schema.submissions.delegationId, delegationId)));
}

/** The fixture's symbolic targets ("point:point-a", "general:item-2") for the real ids of the demo. */
async function symbolicTargets(consultationId: string) {
  const db = await getDb();
  const targets = await selectImportTargets(db, consultationId);
  const names = new Map<string, string>();
  for (const item of targets.agendaItems) {
    names.set(item.id, `item-${item.number}`);
    for (const point of item.points) names.set(point.id, `point-${point.label.slice(1, -1)}`);
  }
  return (value: string) =>
    value
      .split(":")
      .map((part) => names.get(part) ?? part)
      .join(":");
}

// Peru's note is entered for Colombia (and other tests use Egypt and Argentina): the demo already
// holds submissions of Peru, Morocco and France, and these tests read a delegation's history from nothing.
const IMPORTING = "COL";

async function previewPeru(consultationId: string, note: Note = peruNote) {
  const bytes = await noteAsDocx(note);
  const peru = await delegationIdOf(IMPORTING);
  const result = await run("action", OFFICER, consultationId, { method: "POST", body: withFile(detailsForm(peru), bytes, "Nota 5-12-M-087.docx") });
  const answer = answerOf(result);
  expect(answer.status).toBe(200);
  if (answer.data.step !== "review") throw new Error("no review");
  return { bytes, review: answer.data.review, peru };
}

describe("who may use the import page", () => {
  it("the loader: secretariat only; chair and delegate 403, anonymous to sign in, unknown ids 404", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    for (const [email, status] of [
      ["chair@nonpaper.test", 403],
      ["peru@nonpaper.test", 403],
      [null, 302],
    ] as const) {
      const denied = await run("loader", email, id);
      expect(statusOf((denied as { thrown: unknown }).thrown), String(email)).toBe(status);
    }
    for (const consultationId of ["not-a-uuid", UNKNOWN]) {
      const denied = await run("loader", OFFICER, consultationId);
      expect(statusOf((denied as { thrown: unknown }).thrown), consultationId).toBe(404);
    }
    const page = (await run("loader", OFFICER, id)) as { value: { accepting: boolean; delegations: { code: string; nameEn: string }[] } };
    expect(page.value.accepting).toBe(true);
    expect(page.value.delegations.map((d) => d.code)).toContain("PER");
    const names = page.value.delegations.map((d) => d.nameEn);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("both steps of the action: the same denials, and nothing is stored", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const peru = await delegationIdOf(IMPORTING);
    const bytes = await noteAsDocx(peruNote);
    const before = await attachmentCount();
    const preview = () => ({ method: "POST", body: withFile(detailsForm(peru), bytes, "note.docx") });
    const save = () => ({
      method: "POST",
      body: new URLSearchParams({ intent: "save", attachmentId: UNKNOWN, idempotencyKey: "import-key-123456", delegationId: peru }),
    });
    for (const init of [preview, save]) {
      for (const [email, status] of [
        ["chair@nonpaper.test", 403],
        ["peru@nonpaper.test", 403],
        [null, 302],
      ] as const) {
        const denied = await run("action", email, id, init());
        expect(statusOf((denied as { thrown: unknown }).thrown), `${email}`).toBe(status);
      }
      for (const consultationId of ["not-a-uuid", UNKNOWN]) {
        const denied = await run("action", OFFICER, consultationId, init());
        expect(statusOf((denied as { thrown: unknown }).thrown), consultationId).toBe(404);
      }
    }
    expect(await attachmentCount()).toBe(before);
  });

  it("before circulation and after compilation the page says why, and the action refuses", async () => {
    const db = await getDb();
    const { consultationId } = await insertDraftConsultation(db, { delegations: ["PER"] });
    const page = (await run("loader", OFFICER, consultationId)) as { value: { accepting: boolean } };
    expect(page.value.accepting).toBe(false);
    const refused = answerOf(
      await run("action", OFFICER, consultationId, { method: "POST", body: detailsForm(await delegationIdOf("PER"), { pasted: "Texto." }) }),
    );
    expect(refused.status).toBe(409);
    expect(refused.data.result?.error).toEqual({ "": ["submissions:importPage.errors.notCirculated"] });
    await db.update(schema.consultations).set({ status: "compiled" }).where(eq(schema.consultations.id, consultationId));
    const compiled = answerOf(
      await run("action", OFFICER, consultationId, { method: "POST", body: detailsForm(await delegationIdOf("PER"), { pasted: "Texto." }) }),
    );
    expect(compiled.status).toBe(409);
    expect(compiled.data.result?.error).toEqual({ "": ["submissions:importPage.errors.compiled"] });
  });

  it("a delegation not registered for the consultation is refused at both steps", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const fiji = await delegationIdOf("FJI");
    const before = await attachmentCount();
    const step1 = answerOf(await run("action", OFFICER, id, { method: "POST", body: detailsForm(fiji, { pasted: "Fiji supports point (a)." }) }));
    expect(step1.status).toBe(400);
    expect(step1.data.result?.error).toMatchObject({ delegationId: ["submissions:importPage.errors.delegationNotRegistered"] });
    // What was typed comes back.
    expect(step1.data.result?.initialValue).toMatchObject({ pasted: "Fiji supports point (a)." });
    expect(await attachmentCount()).toBe(before);

    const { review } = await previewPeru(id);
    const forged = saveForm({ ...review, details: { ...review.details, delegationId: fiji } });
    const step2 = answerOf(await run("action", OFFICER, id, { method: "POST", body: forged }));
    expect(step2.status).toBe(400);
    expect(step2.data.result?.error).toMatchObject({ delegationId: ["submissions:importPage.errors.delegationNotRegistered"] });
    expect(await revisionsOf(id, fiji)).toEqual([]);
  });

  it("an original of another consultation, or an unknown one, is not found", async () => {
    const id2020 = await consultationIdByPrefix("CTOC-2020");
    const id2023 = await consultationIdByPrefix("CTOC-2023");
    // The 2023 consultation is closed: an email received earlier may still be entered.
    const other = await previewPeru(id2023);
    const { review } = await previewPeru(id2020);
    for (const attachmentId of [other.review.original.id, UNKNOWN, "not-a-uuid"]) {
      const forged = saveForm({ ...review, original: { ...review.original, id: attachmentId } });
      const denied = await run("action", OFFICER, id2020, { method: "POST", body: forged });
      expect(statusOf((denied as { thrown: unknown }).thrown), attachmentId).toBe(404);
    }
    expect(await revisionsOf(id2020, review.details.delegationId)).toEqual([]);
  });
});

describe("the upload is checked before anything is stored", () => {
  it("a PDF is refused with the reason and what to do instead", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const before = await attachmentCount();
    const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    const answer = answerOf(
      await run("action", OFFICER, id, { method: "POST", body: withFile(detailsForm(await delegationIdOf(IMPORTING)), pdf, "note.pdf", "application/pdf") }),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.step).toBe("upload");
    expect(answer.data.step === "upload" && answer.data.upload?.message).toBe("submissions:import.upload.pdf");
    // The details typed come back.
    expect(answer.data.result?.initialValue).toMatchObject({ delegationId: await delegationIdOf(IMPORTING) });
    expect(await attachmentCount()).toBe(before);
  });

  it("a file over 10 MB is refused at the limit, with the details typed before it kept", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const before = await attachmentCount();
    const huge = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    const answer = answerOf(
      await run("action", OFFICER, id, { method: "POST", body: withFile(detailsForm(await delegationIdOf(IMPORTING)), huge, "big.docx") }),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.step === "upload" && answer.data.upload).toMatchObject({ message: "submissions:import.upload.tooLarge", values: { maxMegabytes: 10 } });
    expect(answer.data.result?.initialValue).toMatchObject({ delegationId: await delegationIdOf(IMPORTING) });
    expect(await attachmentCount()).toBe(before);
  });

  it("a file and pasted text together, or neither, are refused", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const peru = await delegationIdOf(IMPORTING);
    const before = await attachmentCount();
    const both = answerOf(
      await run("action", OFFICER, id, { method: "POST", body: withFile(detailsForm(peru, { pasted: "Texto." }), await noteAsDocx(peruNote), "n.docx") }),
    );
    expect(both.data.result?.error).toEqual({ "": ["submissions:importPage.errors.sourceBoth"] });
    const neither = answerOf(await run("action", OFFICER, id, { method: "POST", body: detailsForm(peru) }));
    expect(neither.data.result?.error).toEqual({ "": ["submissions:importPage.errors.sourceRequired"] });
    expect(await attachmentCount()).toBe(before);
  });

  it("a good file with a detail missing is kept, so the officer need not choose it again", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const form = withFile(detailsForm(""), await noteAsDocx(peruNote), "nota.docx");
    const first = answerOf(await run("action", OFFICER, id, { method: "POST", body: form }));
    expect(first.status).toBe(400);
    expect(first.data.result?.error).toMatchObject({ delegationId: ["submissions:importPage.errors.delegationRequired"] });
    const kept = first.data.step === "upload" ? first.data.kept : null;
    expect(kept).not.toBeNull();
    const second = answerOf(await run("action", OFFICER, id, { method: "POST", body: detailsForm(await delegationIdOf(IMPORTING), { keptId: kept!.id }) }));
    expect(second.status).toBe(200);
    expect(second.data.step === "review" && second.data.review.original).toMatchObject({ id: kept!.id, filename: "nota.docx" });
  });
});

describe("a DOCX import is split and saved", () => {
  it("proposes for each paragraph what a careful officer would choose, and guesses the language", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const symbolic = await symbolicTargets(id);
    const { review, bytes } = await previewPeru(id);
    expect(review.original).toMatchObject({ filename: "Nota 5-12-M-087.docx", size: bytes.byteLength });
    expect(review.details.language).toBe("es");
    expect(review.guessedLanguage).toBe("es");
    expect(review.rows.map((r) => r.text)).toEqual(peruNote.paragraphs.map((p) => p.text));
    const proposed = review.rows.map((row) => symbolic(row.target).replace(/^proposal:([^:]+):.*$/, "proposal:$1"));
    expect(proposed).toEqual(peruNote.paragraphs.map((p) => p.expected));
    // The amendment box starts from the quoted wording, without its quotation marks.
    const amendment = review.rows.find((r) => r.target.startsWith("amendment:"))!;
    expect(amendment.wording).toMatch(/^Subject to availability .* United Nations\.$/);
    expect(review.rows[0]).toMatchObject({ heading: true });
  });

  it("saves one revision from the corrected proposals, with the original byte for byte; a second save with the same key saves nothing", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const symbolic = await symbolicTargets(id);
    const { review, bytes, peru } = await previewPeru(id);
    const generalItem2 = review.rows.find((r) => symbolic(r.target) === "general:item-2")!.target;
    // The officer moves "Asimismo, sugiere …" from point (a) to a general comment on agenda item 2.
    const moved = review.rows.findIndex((r) => r.text.startsWith("Asimismo"));
    const body = saveForm(review, (rows) => {
      rows[moved]!.target = generalItem2;
    });
    const saved = await run("action", OFFICER, id, { method: "POST", body });
    const response = (saved as { thrown: Response }).thrown;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/consultations/${id}/submissions/${IMPORTING}/1`);

    const revisions = await revisionsOf(id, peru);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ revisionNumber: 1, source: "email_import" });
    const db = await getDb();
    const attachments = await db.select().from(schema.attachments).where(eq(schema.attachments.consultationId, id));
    // The kept copy is gone; the revision holds the original.
    const original = attachments.find((a) => a.id === revisions[0]!.attachmentId)!;
    expect(attachments.map((a) => a.id)).not.toContain(review.original.id);
    expect(original).toMatchObject({ filename: "Nota 5-12-M-087.docx", mediaType: DOCX, size: bytes.byteLength });
    expect(new Uint8Array(original.content)).toEqual(bytes);

    const officer = await userByEmail(OFFICER);
    const revision = await getRevision(officer, { consultationId: id, delegationId: peru, revisionNumber: 1 });
    expect(revision!.content.language).toBe("es");
    const named = (pointId: string) => symbolic(pointId);
    expect(revision!.content.general.map((g) => [named(g.agendaItemId), g.body])).toEqual([
      [
        "item-2",
        `${peruNote.paragraphs[4]!.text}\n\nAsimismo, sugiere que la Secretaría envíe recordatorios periódicos a las autoridades nacionales competentes.`,
      ],
    ]);
    const points = revision!.content.points.map((p) => ({ point: named(p.pointId), body: p.body, proposedText: p.proposedText }));
    expect(points.map((p) => p.point)).toEqual(["point-a", "point-b", "point-c"]);
    expect(points[0]!.body).toMatch(/^El Perú apoya este punto\./);
    expect(points[1]!.body).toBe(
      "El Perú propone la siguiente redacción:\n\nLa difusión en los seis idiomas oficiales permitiría que más autoridades nacionales utilicen el portal.",
    );
    expect(points[1]!.proposedText).toMatch(/^Subject to availability of extrabudgetary resources, UNODC should develop and implement a dissemination plan/);
    expect(points[2]).toMatchObject({ proposedText: null });

    // The same form again (a double click, a reload): the same revision, nothing new.
    const again = await run("action", OFFICER, id, { method: "POST", body: saveForm(review) });
    expect((again as { thrown: Response }).thrown.headers.get("Location")).toBe(`/consultations/${id}/submissions/${IMPORTING}/1`);
    expect(await revisionsOf(id, peru)).toHaveLength(1);
    expect(await db.select({ n: count() }).from(schema.attachments).where(eq(schema.attachments.consultationId, id))).toEqual([{ n: attachments.length }]);
  });

  it("two saves at the same moment make one revision", async () => {
    const id = await consultationIdByPrefix("CTOC-2023");
    const { review, peru } = await previewPeru(id);
    const before = (await revisionsOf(id, peru)).length;
    const results = await Promise.all([0, 1].map(() => run("action", OFFICER, id, { method: "POST", body: saveForm(review) })));
    const locations = results.map((r) => (r as { thrown: Response }).thrown.headers.get("Location"));
    expect(locations[0]).toBe(locations[1]);
    expect(await revisionsOf(id, peru)).toHaveLength(before + 1);
  });

  it("a refused save brings the review back as the officer left it, and saves nothing", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const morocco = await delegationIdOf("EGY");
    const { review } = await previewPeru(id);
    const point = review.rows.find((r) => r.target.startsWith("point:"))!;
    const moved = review.rows.indexOf(point);
    const amendTarget = point.target.replace("point:", "amendment:");
    const base = { ...review, details: { ...review.details, delegationId: morocco } };

    // An amendment without wording, a forged target, and a time in the future.
    const future = wallClockIn(new Date(Date.now() + 2 * 86_400_000), "Europe/Vienna");
    const body = saveForm({ ...base, details: { ...base.details, receivedDate: future.date } }, (rows) => {
      rows[moved] = { target: amendTarget, proposedText: "  " };
      rows[0]!.target = `point:${UNKNOWN}`;
    });
    const refused = answerOf(await run("action", OFFICER, id, { method: "POST", body }));
    expect(refused.status).toBe(400);
    expect(refused.data.step).toBe("review");
    expect(refused.data.result?.error).toMatchObject({
      [`rows[${moved}].proposedText`]: ["submissions:importPage.errors.wordingRequired"],
      "rows[0].target": ["submissions:importPage.errors.targetInvalid"],
    });
    const values = refused.data.result?.initialValue as { rows: { target: string }[]; receivedDate: string };
    expect(values.rows[moved]!.target).toBe(amendTarget);
    expect(values.receivedDate).toBe(future.date);
    expect(refused.data.step === "review" && refused.data.review.original.id).toBe(review.original.id);

    // The model refuses a receipt in the future.
    const later = answerOf(
      await run("action", OFFICER, id, { method: "POST", body: saveForm({ ...base, details: { ...base.details, receivedDate: future.date } }) }),
    );
    expect(later.status).toBe(400);
    expect(later.data.result?.error).toMatchObject({ receivedDate: ["submissions:importPage.errors.receivedInFuture"] });

    // Everything left out: nothing to save.
    const empty = answerOf(await run("action", OFFICER, id, { method: "POST", body: saveForm(base, (rows) => rows.forEach((r) => (r.target = "skip"))) }));
    expect(empty.data.result?.error).toMatchObject({ "": ["submissions:importPage.errors.nothingToSave"] });

    // Rows that are not the paragraphs of the original: a forged form.
    const short = saveForm(base, (rows) => rows.pop());
    const forged = await run("action", OFFICER, id, { method: "POST", body: short });
    expect(statusOf((forged as { thrown: unknown }).thrown)).toBe(400);
    expect(await revisionsOf(id, morocco)).toEqual([]);
  });

  it("pasted text is read the same way, and kept as the original", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const symbolic = await symbolicTargets(id);
    const france = await delegationIdOf("ARG");
    const pasted = noteAsText(peruNote, 72);
    const answer = answerOf(await run("action", OFFICER, id, { method: "POST", body: detailsForm(france, { pasted }) }));
    expect(answer.status).toBe(200);
    const review = (answer.data as Extract<Answer, { step: "review" }>).review;
    expect(review.original.filename).toBe("pasted-text.txt");
    expect(review.rows.map((r) => symbolic(r.target).replace(/^proposal:([^:]+):.*$/, "proposal:$1"))).toEqual(peruNote.paragraphs.map((p) => p.expected));
    const saved = await run("action", OFFICER, id, { method: "POST", body: saveForm(review) });
    expect((saved as { thrown: Response }).thrown.status).toBe(302);
    const [revision] = await revisionsOf(id, france);
    const db = await getDb();
    const [original] = await db.select().from(schema.attachments).where(eq(schema.attachments.id, revision!.attachmentId!));
    expect(new TextDecoder().decode(original!.content)).toBe(pasted);
  });

  it("originals of imports never saved are removed after a week, at the next preview", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const { review } = await previewPeru(id);
    const db = await getDb();
    const old = new Date(Date.now() - (IMPORT_ORIGINAL_KEPT_DAYS + 1) * 86_400_000);
    await db.update(schema.attachments).set({ createdAt: old }).where(eq(schema.attachments.id, review.original.id));
    const next = await previewPeru(id);
    const ids = (await db.select({ id: schema.attachments.id }).from(schema.attachments)).map((a) => a.id);
    expect(ids).not.toContain(review.original.id);
    expect(ids).toContain(next.review.original.id);
    // Originals of saved imports stay, however old.
    const referenced = await db.select({ id: schema.submissionRevisions.attachmentId }).from(schema.submissionRevisions);
    for (const { id: attachmentId } of referenced) if (attachmentId) expect(ids).toContain(attachmentId);
  });
});
