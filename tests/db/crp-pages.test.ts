// The CRP page and its downloads as routes: who may read, who may compile, what the files are.
import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, describe, expect, it } from "vitest";
import { buildCrpModel, type CrpModel } from "~/documents/crp";
import { crpPreview } from "~/documents/crp-preview";
import CrpPage, { action, loader } from "~/routes/consultations.$consultationId.crp";
import { loader as fileLoader } from "~/routes/consultations.$consultationId_.crp_.$file";
import { closePdfBrowser } from "~/utils/pdf.server";
import { getDb, schema } from "~/utils/db.server";
import { crpConsultation, crpSubmissions } from "./crp-setup";
import { outcome, requestAs, statusOf } from "./helpers";
import { noticeCookie, noticeOf, withCookie } from "./notices";
import { renderRoute } from "./render-route";
import { crpFixture } from "../unit/crp.fixture";
import { useTestDatabase } from "./support";

useTestDatabase();
afterAll(() => closePdfBrowser());

const context = { clientAddress: "127.0.0.1" };
const path = (id: string) => `/consultations/${id}/crp`;

async function load(email: string | null, consultationId: string, search = "", cookie?: string | null) {
  const request = await requestAs(email, `${path(consultationId)}${search}`);
  return outcome(() => loader({ request: cookie ? withCookie(request, cookie) : request, params: { consultationId }, context }));
}

async function post(email: string | null, consultationId: string, fields: Record<string, string>) {
  const request = await requestAs(email, path(consultationId), { method: "POST", body: new URLSearchParams(fields) });
  return outcome(() => action({ request, params: { consultationId }, context }));
}

async function download(email: string | null, consultationId: string, file: string) {
  const request = await requestAs(email, `${path(consultationId)}/${file}`);
  return outcome(() => fileLoader({ request, params: { consultationId, file }, context }));
}

const thrown = (result: { thrown: unknown } | { value: unknown }) => ("thrown" in result ? statusOf(result.thrown) : "allowed");

async function versionCount(consultationId: string) {
  const db = await getDb();
  return (
    await db.select({ id: schema.generatedDocuments.id }).from(schema.generatedDocuments).where(eq(schema.generatedDocuments.consultationId, consultationId))
  ).length;
}

/** The consultation, its chair, a chair of nothing here, and one compiled draft. */
async function setUp() {
  const c = await crpConsultation();
  await crpSubmissions(c);
  const db = await getDb();
  const [chair] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "chair@nonpaper.test"));
  await db.insert(schema.consultationChairs).values({ consultationId: c.consultationId, userId: chair!.id }).onConflictDoNothing();
  await db
    .insert(schema.users)
    .values({ email: `other-chair-${c.consultationId.slice(0, 8)}@nonpaper.test`, name: "Other chair", role: "chair", language: "fr" })
    .onConflictDoNothing();
  const compiled = await post("secretariat@nonpaper.test", c.consultationId, { intent: "draft", expectedLatestVersion: "0" });
  const response = "thrown" in compiled && compiled.thrown instanceof Response ? compiled.thrown : null;
  expect(response?.headers.get("Location")).toBe(path(c.consultationId));
  expect(await noticeOf(response!)).toEqual({ kind: "crp.compiled", version: 1 });
  return { ...c, otherChair: `other-chair-${c.consultationId.slice(0, 8)}@nonpaper.test`, compiledNotice: noticeCookie(response!) };
}

describe("the CRP page", () => {
  it("shows the secretariat the versions, the blocking list with links to the desk, and the preview", async () => {
    const c = await setUp();
    const result = await load("secretariat@nonpaper.test", c.consultationId, "", c.compiledNotice);
    if (!("value" in result)) throw new Error("expected the page");
    const page = result.value;
    expect(page.notice).toEqual({ kind: "crp.compiled", version: 1 });
    expect(page.page.versions.map((v) => [v.versionNumber, v.status, v.changedSince])).toEqual([[1, "draft", false]]);
    expect(page.page.blocking.filter((m) => m.kind === "translation")).toHaveLength(3);
    expect(page.preview?.html).toContain('<article class="crp" lang="en" dir="ltr">');
    expect(page.preview?.parts).toBeNull(); // small: the whole preview, no parts
    expect(page.page.canCompileDraft).toBe(true);
    expect(page.page.canCompileFinal).toBe(false); // still open
  });

  it("lets the consultation's chair read the page and the files, and compile nothing", async () => {
    const c = await setUp();
    const result = await load("chair@nonpaper.test", c.consultationId);
    expect(thrown(result)).toBe("allowed");
    if ("value" in result) expect([result.value.page.canCompileDraft, result.value.page.canEditIntroduction]).toEqual([false, false]);
    expect(thrown(await download("chair@nonpaper.test", c.consultationId, "v1.md"))).toBe("allowed");
    const forms: Record<string, string>[] = [
      { intent: "draft", expectedLatestVersion: "1" },
      { intent: "introduction", introductionNote: "Chair's text." },
      { intent: "paragraph", key: "received", text: "Chair's text." },
    ];
    for (const fields of forms) {
      expect(thrown(await post("chair@nonpaper.test", c.consultationId, fields))).toBe(403);
    }
    expect(await versionCount(c.consultationId)).toBe(1);
  });

  it("refuses delegates, other chairs, anonymous visitors, malformed ids and files, and changes nothing", async () => {
    const c = await setUp();
    // A delegate: 403, as on the side-by-side and the matrix (a page of the comments, whatever the id);
    // a chair of another consultation: 404 (it does not learn that this one exists).
    for (const [email, status] of [
      ["peru@nonpaper.test", 403],
      [c.otherChair, 404],
    ] as const) {
      expect(thrown(await load(email, c.consultationId)), email).toBe(status);
      expect(thrown(await download(email, c.consultationId, "v1.docx")), email).toBe(status);
    }
    expect(thrown(await load("peru@nonpaper.test", "00000000-0000-4000-8000-000000000000"))).toBe(403);
    expect(thrown(await post("peru@nonpaper.test", c.consultationId, { intent: "draft", expectedLatestVersion: "1" }))).toBe(403);
    expect(thrown(await post(c.otherChair, c.consultationId, { intent: "draft", expectedLatestVersion: "1" }))).toBe(403);
    expect(thrown(await load(null, c.consultationId))).toBe(302);
    expect(thrown(await download(null, c.consultationId, "v1.docx"))).toBe(302);
    expect(thrown(await post(null, c.consultationId, { intent: "draft", expectedLatestVersion: "1" }))).toBe(302);
    expect(thrown(await load("secretariat@nonpaper.test", "not-a-uuid"))).toBe(404);
    expect(thrown(await load("secretariat@nonpaper.test", "00000000-0000-4000-8000-000000000000"))).toBe(404);
    for (const file of ["v2.docx", "v1.exe", "1.docx", "v0.md", "v1.docx.md"]) {
      expect(thrown(await download("secretariat@nonpaper.test", c.consultationId, file)), file).toBe(404);
    }
    expect(await versionCount(c.consultationId)).toBe(1);
  });

  it("answers a stale compile, a final one while open, a missing confirmation and bad input with a message, saving nothing", async () => {
    const c = await setUp();
    const answers = [
      [{ intent: "draft", expectedLatestVersion: "0" }, 409, "crp:errors.stale"],
      [{ intent: "final", expectedLatestVersion: "1", confirm: "on" }, 409, "crp:errors.notClosed"],
      [{ intent: "final", expectedLatestVersion: "1" }, 400, "crp:errors.confirmRequired"],
      [{ intent: "draft", expectedLatestVersion: "x" }, 400, "crp:errors.invalid"],
      [{ intent: "draft", expectedLatestVersion: "1", issuedOn: "2020-02-30" }, 400, "crp:errors.issuedOnInvalid"],
      [{ intent: "draft", expectedLatestVersion: "1", issuedOn: "9 October 2020" }, 400, "crp:errors.issuedOnInvalid"],
      [{ intent: "draft", expectedLatestVersion: "1", issuedOn: "1989-12-31" }, 400, "crp:errors.issuedOnOutOfRange"],
      [{ intent: "draft", expectedLatestVersion: "1", issuedOn: "2999-01-01" }, 400, "crp:errors.issuedOnOutOfRange"],
      [{ intent: "introduction", introductionNote: "x".repeat(10_001) }, 400, "crp:errors.introductionTooLong"],
      [{ intent: "paragraph", key: "received", text: "x".repeat(10_001) }, 400, "crp:errors.introductionTooLong"],
      [{ intent: "paragraph", key: "purpose", text: "x" }, 400, "crp:errors.invalid"],
    ] as const;
    for (const [fields, status, message] of answers) {
      const result = await post("secretariat@nonpaper.test", c.consultationId, fields);
      if (!("value" in result)) throw new Error(`expected an answer for ${JSON.stringify(fields).slice(0, 60)}`);
      const answer = result.value as unknown as { init: { status: number }; data: { result: { error: Record<string, string[]> } } };
      expect(answer.init.status).toBe(status);
      expect(Object.values(answer.data.result.error).flat()).toContain(message);
    }
    expect(await versionCount(c.consultationId)).toBe(1);
    // What the officer typed comes back with the error.
    const long = await post("secretariat@nonpaper.test", c.consultationId, { intent: "introduction", introductionNote: "y".repeat(10_001) });
    if ("value" in long) expect(JSON.stringify(long.value)).toContain("y".repeat(100));
  });

  it("keeps the date of issue the officer chose with the version, and offers today on the meeting's clock", async () => {
    const c = await setUp();
    const page = await load("secretariat@nonpaper.test", c.consultationId);
    if (!("value" in page)) throw new Error("expected the page");
    expect(page.value.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await post("secretariat@nonpaper.test", c.consultationId, { intent: "draft", expectedLatestVersion: "1", issuedOn: "2020-10-09" });
    const db = await getDb();
    const [version] = await db
      .select({ model: schema.generatedDocuments.model })
      .from(schema.generatedDocuments)
      .where(and(eq(schema.generatedDocuments.consultationId, c.consultationId), eq(schema.generatedDocuments.versionNumber, 2)));
    expect((version!.model as CrpModel).masthead).toMatchObject({ date: "9 October 2020", issuedOn: "2020-10-09" });
  });

  it("saves the introduction and shows the redline between two versions", async () => {
    const c = await setUp();
    const saved = await post("secretariat@nonpaper.test", c.consultationId, { intent: "introduction", introductionNote: "The meeting ran out of time." });
    expect("thrown" in saved && saved.thrown instanceof Response && saved.thrown.headers.get("Location")).toBe(`${path(c.consultationId)}#introduction-title`);
    expect(await noticeOf((saved as { thrown: Response }).thrown)).toEqual({ kind: "crp.saved" });
    await post("secretariat@nonpaper.test", c.consultationId, { intent: "draft", expectedLatestVersion: "1" });
    const result = await load("chair@nonpaper.test", c.consultationId, "?from=1&to=2");
    if (!("value" in result)) throw new Error("expected the page");
    const inserted = result.value.redline!.rows.flatMap((r) => (r.kind === "skip" ? [] : r.segments.filter((s) => s.kind === "insert").map((s) => s.text)));
    expect(inserted.join(" ")).toMatch(/ran out.*time/);
    // Another paragraph rewritten by hand: back at its place, in the page's introduction.
    const paragraph = await post("secretariat@nonpaper.test", c.consultationId, { intent: "paragraph", key: "received", text: "Comments came from Peru." });
    expect("thrown" in paragraph && paragraph.thrown instanceof Response && paragraph.thrown.headers.get("Location")).toMatch(/\/crp#paragraph-received$/);
    expect(await noticeOf((paragraph as { thrown: Response }).thrown)).toEqual({ kind: "crp.saved" });
    const page = await load("secretariat@nonpaper.test", c.consultationId);
    if (!("value" in page)) throw new Error("expected the page");
    expect(page.value.page.rewrittenParagraphs).toEqual(["received"]);
    expect(page.value.introduction.find((p) => p.key === "received")?.text).toBe("Comments came from Peru.");
    const back = await post("secretariat@nonpaper.test", c.consultationId, { intent: "paragraph", key: "received", text: "ignored", reset: "1" });
    expect("thrown" in back && back.thrown instanceof Response).toBe(true);
    const again = await load("secretariat@nonpaper.test", c.consultationId);
    if ("value" in again) expect(again.value.page.rewrittenParagraphs).toEqual([]);
    const missing = await load("chair@nonpaper.test", c.consultationId, "?from=1&to=7");
    if ("value" in missing) expect([missing.value.redline, missing.value.redlineAsked]).toEqual([null, true]);
  });
});

describe("a long preview", () => {
  /** The fixture's draft with every comment 400,000 characters long: several megabytes of HTML. */
  function longDraft(): CrpModel {
    const long = (text: string) => `${text} `.repeat(Math.ceil(400_000 / (text.length + 1)));
    const built = buildCrpModel(
      {
        ...crpFixture,
        delegations: crpFixture.delegations.map((d) => ({
          ...d,
          comments: d.comments.map((c) => ({
            ...c,
            original: { ...c.original, body: long(c.original.body) },
            translation: c.translation && c.translation.status !== "missing" ? { ...c.translation, body: long(c.translation.body) } : c.translation,
          })),
        })),
      },
      { final: false },
    );
    if (!built.ok) throw new Error("a draft always compiles");
    return built.model;
  }

  it("lists its parts and shows the one asked for, in the reader's language around the English document", async () => {
    const c = await setUp();
    const result = await load("secretariat@nonpaper.test", c.consultationId, "?preview=item-2");
    if (!("value" in result)) throw new Error("expected the page");
    const url = `http://nonpaper.test${path(c.consultationId)}?from=1&preview=item-2`;
    const loaderData = { ...result.value, preview: crpPreview(longDraft(), "item-2") };
    const html = await renderRoute(CrpPage, { url, loaderData });
    expect(html).toMatch(/The whole preview is about \d+ MB, too long for one page/);
    expect(html).toContain('<nav aria-label="Parts of the preview">');
    // Each part a link that keeps the rest of the address, the one shown marked current.
    expect(html).toContain('href="/consultations/' + c.consultationId + '/crp?from=1&amp;preview=introduction#preview-title"');
    expect(html).toMatch(/<a aria-current="true"[^>]* href="[^"]*preview=item-2#preview-title">B\. Agenda item 3: Application of the Convention/);
    expect(html).toContain('<section aria-labelledby="crp-item-2">');
    expect(html).not.toContain('<section aria-labelledby="crp-item-1">');
    expect(html).not.toContain('<header class="crp-masthead">');
    const ar = await renderRoute(CrpPage, { url, loaderData, language: "ar" });
    expect(ar).toContain("أجزاء المعاينة");
    expect(ar).toContain('<ul class="crp-preview-parts" lang="en" dir="ltr">');
  });
});

describe("the downloads", () => {
  it("serves a saved version as Word, Markdown and HTML with its file name", async () => {
    const c = await setUp();
    const docx = await download("secretariat@nonpaper.test", c.consultationId, "v1.docx");
    if (!("value" in docx)) throw new Error("expected the file");
    const response = docx.value as Response;
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("Content-Disposition")).toContain('attachment; filename="CTOC-COP-2026-CRP.1-draft-v1.docx"');
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text).toContain("CTOC/COP/2026/CRP.1");
    expect(text).toContain("Note by the Secretariat");
    // Section II: items in order, delegations in English alphabetical order under each.
    const comments = text.slice(text.indexOf("Agenda item 2"));
    const order = ["Agenda item 2", "China", "Morocco", "Peru", "Agenda item 3", "Morocco", "United States of America"].map((s, i, all) =>
      comments.indexOf(s, i > all.indexOf("Agenda item 3") ? comments.indexOf("Agenda item 3") : 0),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("word/footnotes.xml")?.async("string")).toContain("CTOC/COP/2026/1.");

    const md = await download("secretariat@nonpaper.test", c.consultationId, "v1.md");
    const mdResponse = (md as { value: Response }).value;
    expect(mdResponse.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(mdResponse.headers.get("Content-Disposition")).toContain('filename="CTOC-COP-2026-CRP.1-draft-v1.md"');
    expect(await mdResponse.text()).toContain("## I. Introduction");

    const html = await download("chair@nonpaper.test", c.consultationId, "v1.html");
    const htmlResponse = (html as { value: Response }).value;
    expect(htmlResponse.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(htmlResponse.headers.get("Content-Disposition")).toMatch(/^inline; filename="CTOC-COP-2026-CRP.1-draft-v1.html"/);
    expect(htmlResponse.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(await htmlResponse.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it("prints a version as PDF with Chromium", { timeout: 60_000 }, async () => {
    const c = await setUp();
    const pdf = await download("secretariat@nonpaper.test", c.consultationId, "v1.pdf");
    if (!("value" in pdf)) throw new Error(`expected the PDF, got ${JSON.stringify(pdf)}`);
    const response = pdf.value as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toContain('filename="CTOC-COP-2026-CRP.1-draft-v1.pdf"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.byteLength).toBeGreaterThan(5_000);
  });
});
