// The translation desk's pages: the list and the editor, every loader and action as the
// secretariat, the consultation's chair, another chair, a delegate and an anonymous visitor; a
// comment of another consultation; saving, conflicts and the machine suggestion through the
// route against a small LibreTranslate look-alike started here. The model is tested in
// translations.test.ts.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission } from "~/models/submission-submit.server";
import { listTranslationDesk } from "~/models/translation.server";
import type { SessionUser } from "~/models/user.server";
import { action as editorAction, loader as editorLoader } from "~/routes/consultations.$consultationId.translations_.$commentId";
import { loader as deskLoader } from "~/routes/consultations.$consultationId.translations";
import { resetEnvForTests } from "~/utils/env.server";
import { getDb, schema } from "~/utils/db.server";
import { outcome, requestAs, statusOf } from "./helpers";
import { noticeCookie, noticeOf, withCookie } from "./notices";
import { countQueries, openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const CHAIR = "chair@nonpaper.test";
const DELEGATE = "morocco@nonpaper.test";
const context = { clientAddress: "127.0.0.1" };
let counter = 0;

const MOROCCO = "يشكر المغرب الأمانة.\n\nالفقرة الثانية.";

async function submit(user: SessionUser, consultationId: string, content: unknown) {
  const page = await getSubmissionForDelegate(user, consultationId);
  const saved = await saveDraft(user, { consultationId, baseDraftVersion: page!.draft.draftVersion, content });
  if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
  const result = await submitSubmission(user, { consultationId, idempotencyKey: `pages-${Date.now()}-${counter++}`, draftVersion: saved.draftVersion });
  if (!result.ok) throw new Error(`submit refused: ${JSON.stringify(result)}`);
}

/** Morocco's Arabic general comment and Peru's Spanish amendment; the chair chairs it. */
async function scenario() {
  const c = await openConsultation();
  await submit(await userByEmail("morocco@nonpaper.test"), c.consultationId, { language: "ar", general: [{ agendaItemId: c.items["2"]!, body: MOROCCO }] });
  await submit(await userByEmail("peru@nonpaper.test"), c.consultationId, {
    language: "es",
    points: [{ pointId: c.points["2(a)"]!, body: "Proponemos.", proposedText: "Los Estados deberían revisar su legislación." }],
  });
  const db = await getDb();
  const chair = await userByEmail(CHAIR);
  await db.insert(schema.consultationChairs).values({ consultationId: c.consultationId, userId: chair.id });
  const desk = (await listTranslationDesk(await userByEmail(OFFICER), c.consultationId))!;
  return {
    c,
    morocco: desk.rows.find((r) => r.delegation.code === "MAR")!.commentId,
    peru: desk.rows.find((r) => r.delegation.code === "PER")!.commentId,
  };
}

async function anotherChair() {
  const db = await getDb();
  const email = `chair-${Date.now()}-${counter++}@nonpaper.test`;
  await db.insert(schema.users).values({ email, name: "Another Chair", role: "chair", language: "en" });
  return email;
}

const deskPath = (consultationId: string) => `/consultations/${consultationId}/translations`;

async function loadDesk(email: string | null, consultationId: string, search = "") {
  const request = await requestAs(email, `${deskPath(consultationId)}${search}`);
  return outcome(() => deskLoader({ request, params: { consultationId }, context }));
}

async function loadEditor(email: string | null, consultationId: string, commentId: string, search = "", cookie?: string | null) {
  const request = await requestAs(email, `${deskPath(consultationId)}/${commentId}${search}`);
  return outcome(() => editorLoader({ request: cookie ? withCookie(request, cookie) : request, params: { consultationId, commentId }, context }));
}

async function post(email: string | null, consultationId: string, commentId: string, fields: Record<string, string>) {
  const request = await requestAs(email, `${deskPath(consultationId)}/${commentId}`, { method: "POST", body: new URLSearchParams(fields) });
  return outcome(() => editorAction({ request, params: { consultationId, commentId }, context }));
}

function thrownStatus(result: { thrown: unknown } | { value: unknown }) {
  return "thrown" in result ? statusOf(result.thrown) : "returned";
}

function redirected(result: { thrown: unknown } | { value: unknown }) {
  if (!("thrown" in result) || !(result.thrown instanceof Response)) throw new Error("expected a redirect");
  return { status: result.thrown.status, location: result.thrown.headers.get("Location"), response: result.thrown };
}

type Returned = {
  data: {
    result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
    conflict?: { body: string; version: number };
    suggestion?: { body: string; proposedText: string | null };
    machineError?: string;
  };
  init: { status: number };
};
function returned(result: { thrown: unknown } | { value: unknown }) {
  if (!("value" in result)) throw new Error(`the action threw ${statusOf(result.thrown)}`);
  const value = result.value as unknown as Returned;
  return { status: value.init.status, ...value.data };
}

async function translationOf(commentId: string) {
  const db = await getDb();
  const rows = await db.select().from(schema.translations);
  return rows.find((r) => r.commentId === commentId) ?? null;
}

describe("who may open the desk and the editor", () => {
  it("the desk: anonymous to sign-in, chairs and delegates 403, unknown or malformed consultations 404", async () => {
    const { c } = await scenario();
    const anonymous = await loadDesk(null, c.consultationId);
    expect(thrownStatus(anonymous)).toBe(302);
    expect(thrownStatus(await loadDesk(CHAIR, c.consultationId))).toBe(403);
    expect(thrownStatus(await loadDesk(await anotherChair(), c.consultationId))).toBe(403);
    expect(thrownStatus(await loadDesk(DELEGATE, c.consultationId))).toBe(403);
    expect(thrownStatus(await loadDesk(OFFICER, "00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(thrownStatus(await loadDesk(OFFICER, "nope"))).toBe(404);
  });

  it("the editor: the consultation's chair reads; other chairs, delegates and forged ids get 404; anonymous signs in", async () => {
    const { c, morocco } = await scenario();
    expect(thrownStatus(await loadEditor(null, c.consultationId, morocco))).toBe(302);
    const chair = await loadEditor(CHAIR, c.consultationId, morocco);
    expect("value" in chair && chair.value.page.canEdit).toBe(false);
    expect(thrownStatus(await loadEditor(await anotherChair(), c.consultationId, morocco))).toBe(404);
    expect(thrownStatus(await loadEditor(DELEGATE, c.consultationId, morocco))).toBe(404);
    const other = await openConsultation();
    expect(thrownStatus(await loadEditor(OFFICER, other.consultationId, morocco))).toBe(404);
    expect(thrownStatus(await loadEditor(OFFICER, c.consultationId, "00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(thrownStatus(await loadEditor(OFFICER, c.consultationId, "nope"))).toBe(404);
  });

  it("the editor's action: chairs 403, other chairs and delegates 404, anonymous signs in, forged ids 404; nothing written", async () => {
    const { c, morocco } = await scenario();
    const fields = { intent: "draft", expectedVersion: "0", "body[0]": "Morocco thanks the Secretariat." };
    expect(thrownStatus(await post(null, c.consultationId, morocco, fields))).toBe(302);
    expect(thrownStatus(await post(CHAIR, c.consultationId, morocco, fields))).toBe(403);
    expect(thrownStatus(await post(CHAIR, c.consultationId, morocco, { ...fields, intent: "suggest" }))).toBe(403);
    expect(thrownStatus(await post(await anotherChair(), c.consultationId, morocco, fields))).toBe(404);
    expect(thrownStatus(await post(DELEGATE, c.consultationId, morocco, fields))).toBe(404);
    const other = await openConsultation();
    expect(thrownStatus(await post(OFFICER, other.consultationId, morocco, fields))).toBe(404);
    expect(await translationOf(morocco)).toBeNull();
  });
});

describe("the desk", () => {
  it("lists, counts and filters by status, language and delegation; unknown filter values are ignored", async () => {
    const { c, morocco } = await scenario();
    const all = await loadDesk(OFFICER, c.consultationId);
    if (!("value" in all)) throw new Error("denied");
    expect(all.value.rows.map((r) => [r.delegation.code, r.status])).toEqual([
      ["MAR", "todo"],
      ["PER", "todo"],
    ]);
    expect(all.value.counts).toEqual({ todo: 2, draft: 0, final: 0, outdated: 0 });
    await post(OFFICER, c.consultationId, morocco, {
      intent: "final",
      expectedVersion: "0",
      "body[0]": "Morocco thanks the Secretariat.",
      "body[1]": "Second paragraph.",
    });
    const finals = await loadDesk(OFFICER, c.consultationId, "?status=final&language=ar&delegation=MAR");
    if (!("value" in finals)) throw new Error("denied");
    expect(finals.value.rows.map((r) => r.commentId)).toEqual([morocco]);
    expect(finals.value.filters).toEqual({ status: "final", language: "ar", delegation: "MAR" });
    const ignored = await loadDesk(OFFICER, c.consultationId, "?status=lost&language=xx&delegation=<b>");
    if (!("value" in ignored)) throw new Error("denied");
    expect(ignored.value.filters).toEqual({ status: null, language: null, delegation: null });
    expect(ignored.value.rows).toHaveLength(2);
  });

  it("reads with a bounded number of queries", async () => {
    const { c } = await scenario();
    const request = await requestAs(OFFICER, deskPath(c.consultationId));
    const counted = await countQueries(() => deskLoader({ request, params: { consultationId: c.consultationId }, context }));
    // The session's lookup, the consultation, the rows.
    expect(counted.queries).toBeLessThanOrEqual(4);
  });
});

describe("the editor", () => {
  it("shows the original paragraph by paragraph, saves a draft then final, redirects with a notice and the next comment", async () => {
    const { c, morocco, peru } = await scenario();
    const loaded = await loadEditor(OFFICER, c.consultationId, morocco);
    if (!("value" in loaded)) throw new Error("denied");
    expect(loaded.value.page.alignment.body.rows.map((r) => r.original)).toEqual(["يشكر المغرب الأمانة.", "الفقرة الثانية."]);
    expect(loaded.value.machineAvailable).toBe(false);

    const draft = redirected(
      await post(OFFICER, c.consultationId, morocco, { intent: "draft", expectedVersion: "0", "body[0]": "Morocco thanks the Secretariat.", "body[1]": "" }),
    );
    expect(draft.location).toBe(`${deskPath(c.consultationId)}/${morocco}`);
    expect(await noticeOf(draft.response)).toEqual({ kind: "translation.saved", status: "draft" });
    expect(await translationOf(morocco)).toMatchObject({ status: "draft", body: "Morocco thanks the Secretariat.", version: 1 });

    const final = redirected(
      await post(OFFICER, c.consultationId, morocco, {
        intent: "final",
        expectedVersion: "1",
        "body[0]": "Morocco thanks the Secretariat.",
        "body[1]": "The second paragraph.",
      }),
    );
    expect(final.location).toBe(`${deskPath(c.consultationId)}/${morocco}`);
    expect(await noticeOf(final.response)).toEqual({ kind: "translation.saved", status: "final" });
    expect(await translationOf(morocco)).toMatchObject({ status: "final", body: "Morocco thanks the Secretariat.\n\nThe second paragraph.", version: 2 });

    const after = await loadEditor(OFFICER, c.consultationId, morocco, "", noticeCookie(final.response));
    if (!("value" in after)) throw new Error("denied");
    expect(after.value.saved).toEqual({ kind: "translation.saved", status: "final" });
    expect(after.value.page.nextToTranslateId).toBe(peru);
  });

  it("an amendment's proposed wording is required to mark it final; errors keep what was typed", async () => {
    const { c, peru } = await scenario();
    const result = returned(await post(OFFICER, c.consultationId, peru, { intent: "final", expectedVersion: "0", "body[0]": "We propose." }));
    expect(result.status).toBe(400);
    expect(result.result.error?.proposed).toEqual(["translations:errors.proposedRequired"]);
    expect(result.result.initialValue).toMatchObject({ body: ["We propose."] });
    expect(await translationOf(peru)).toBeNull();

    const bidi = returned(await post(OFFICER, c.consultationId, peru, { intent: "draft", expectedVersion: "0", "body[0]": "We \u202Epropose." }));
    expect(bidi.result.error?.body).toEqual(["translations:errors.bidiControl"]);
    const forged = returned(await post(OFFICER, c.consultationId, peru, { intent: "publish", expectedVersion: "x" }));
    expect(forged.status).toBe(400);
    expect(await translationOf(peru)).toBeNull();
  });

  it("a conflict returns both texts and keeps mine; keeping mine saves over theirs", async () => {
    const { c, morocco } = await scenario();
    redirected(await post(OFFICER, c.consultationId, morocco, { intent: "draft", expectedVersion: "0", "body[0]": "Their text." }));
    const conflict = returned(await post(OFFICER, c.consultationId, morocco, { intent: "draft", expectedVersion: "0", "body[0]": "My text." }));
    expect(conflict.status).toBe(409);
    expect(conflict.conflict).toMatchObject({ body: "Their text.", version: 1 });
    expect(conflict.result.error?.[""]).toEqual(["translations:errors.conflict"]);
    expect(conflict.result.initialValue).toMatchObject({ body: ["My text."] });
    expect(await translationOf(morocco)).toMatchObject({ body: "Their text.", version: 1 });
    redirected(await post(OFFICER, c.consultationId, morocco, { intent: "draft", expectedVersion: "1", "body[0]": "My text." }));
    expect(await translationOf(morocco)).toMatchObject({ body: "My text.", version: 2 });
  });

  it("refuses to save once the CRP is compiled", async () => {
    const { c, morocco } = await scenario();
    const db = await getDb();
    const { eq } = await import("drizzle-orm");
    await db.update(schema.consultations).set({ status: "compiled" }).where(eq(schema.consultations.id, c.consultationId));
    const refused = returned(await post(OFFICER, c.consultationId, morocco, { intent: "draft", expectedVersion: "0", "body[0]": "Text." }));
    expect(refused.status).toBe(409);
    expect(refused.result.error?.[""]).toEqual(["translations:errors.compiled"]);
    expect(await translationOf(morocco)).toBeNull();
  });
});

describe("machine suggestions through the route", () => {
  let server: Server;
  let mode: "ok" | "500" = "ok";
  const received: { q: string[]; source: string; target: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let raw = "";
      request.setEncoding("utf8");
      request.on("data", (chunk: string) => (raw += chunk));
      request.on("end", () => {
        const body = JSON.parse(raw) as { q: string[]; source: string; target: string };
        received.push(body);
        response.writeHead(mode === "ok" ? 200 : 500, { "Content-Type": "application/json" });
        response.end(JSON.stringify(mode === "ok" ? { translatedText: body.q.map((p) => `[en] ${p.length}`) } : { error: "crashed" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.TRANSLATE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    resetEnvForTests();
  });

  afterAll(async () => {
    delete process.env.TRANSLATE_URL;
    resetEnvForTests();
    await new Promise((resolve) => server.close(resolve));
  });

  it("fills the form with an unsaved, machine-assisted draft paragraph by paragraph; errors come back by kind", async () => {
    const { c, morocco, peru } = await scenario();
    const loaded = await loadEditor(OFFICER, c.consultationId, morocco);
    expect("value" in loaded && loaded.value.machineAvailable).toBe(true);
    const chairView = await loadEditor(CHAIR, c.consultationId, morocco);
    expect("value" in chairView && chairView.value.machineAvailable).toBe(false);

    const suggested = returned(await post(OFFICER, c.consultationId, morocco, { intent: "suggest", expectedVersion: "0" }));
    expect(suggested.status).toBe(200);
    expect(suggested.suggestion).toEqual({ body: "[en] 20\n\n[en] 15", proposedText: null });
    expect(received.at(-1)).toMatchObject({ source: "ar", target: "en" });
    expect(await translationOf(morocco)).toBeNull();

    const amendment = returned(await post(OFFICER, c.consultationId, peru, { intent: "suggest", expectedVersion: "0" }));
    expect(amendment.suggestion?.proposedText).toBe("[en] 44");

    mode = "500";
    const failed = returned(await post(OFFICER, c.consultationId, morocco, { intent: "suggest", expectedVersion: "0" }));
    expect(failed.status).toBe(502);
    expect(failed.machineError).toBe("refused");
    mode = "ok";

    // Saved by a person, it is marked machine-assisted.
    redirected(await post(OFFICER, c.consultationId, morocco, { intent: "draft", expectedVersion: "0", machineAssisted: "1", "body[0]": "Morocco thanks." }));
    expect(await translationOf(morocco)).toMatchObject({ machineAssisted: true, status: "draft" });
  });
});
