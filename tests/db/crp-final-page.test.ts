// The CRP page once the final CRP is compiled (issue 11, item 14): it shows the final version
// without the draft mark, offers no further compilation, and the server refuses a second final
// one with a clear message. And the comparison of two versions reads as text, not Markdown.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { CRP_DRAFT_MARK } from "~/documents/crp";
import { action, loader } from "~/routes/consultations.$consultationId.crp";
import { getDb, schema } from "~/utils/db.server";
import { addRevision, crpConsultation } from "./crp-setup";
import { outcome, requestAs, statusOf } from "./helpers";
import { noticeOf } from "./notices";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const OFFICER = "secretariat@nonpaper.test";
const path = (id: string) => `/consultations/${id}/crp`;

async function load(email: string, consultationId: string, search = "") {
  const request = await requestAs(email, `${path(consultationId)}${search}`);
  const result = await outcome(() => loader({ request, params: { consultationId }, context }));
  if (!("value" in result)) throw new Error(`expected the page, got ${statusOf(result.thrown)}`);
  return result.value;
}

async function post(consultationId: string, fields: Record<string, string>) {
  const request = await requestAs(OFFICER, path(consultationId), { method: "POST", body: new URLSearchParams(fields) });
  return outcome(() => action({ request, params: { consultationId }, context }));
}

/** A consultation with one English comment, a draft (v1), then closed and compiled final (v2). */
async function compiledFinal() {
  const c = await crpConsultation();
  await addRevision(c, "USA", {
    language: "en",
    comments: [{ key: "general", kind: "general", item: "2", body: "The United States welcomes the points." }],
  });
  expect("thrown" in (await post(c.consultationId, { intent: "draft", expectedLatestVersion: "0" }))).toBe(true);
  const db = await getDb();
  await db.update(schema.consultations).set({ status: "closed", closedAt: new Date() }).where(eq(schema.consultations.id, c.consultationId));
  const final = await post(c.consultationId, { intent: "final", expectedLatestVersion: "1", confirm: "on" });
  expect("thrown" in final && final.thrown instanceof Response && final.thrown.headers.get("Location")).toBe(path(c.consultationId));
  expect(await noticeOf((final as { thrown: Response }).thrown)).toEqual({ kind: "crp.compiled", version: 2 });
  return c;
}

describe("the CRP page after the final compilation", () => {
  it("shows the final version's preview without the draft mark and offers no compilation", async () => {
    const c = await compiledFinal();
    const page = await load(OFFICER, c.consultationId);
    expect(page.page.canCompileFinal).toBe(false);
    expect(page.page.canCompileDraft).toBe(false);
    expect(page.page.finalVersion).toBe(2);
    expect(page.page.blocking).toEqual([]);
    expect(page.preview?.html).toContain("The United States welcomes the points.");
    expect(page.preview?.html).not.toContain(CRP_DRAFT_MARK);
    // Before the final one, the preview is a draft and says so.
    const open = await crpConsultation();
    expect((await load(OFFICER, open.consultationId)).preview?.html).toContain(CRP_DRAFT_MARK);
    expect((await load(OFFICER, open.consultationId)).page.finalVersion).toBeNull();
  });

  it("refuses a second final compilation with a clear message, saving nothing", async () => {
    const c = await compiledFinal();
    const again = await post(c.consultationId, { intent: "final", expectedLatestVersion: "2", confirm: "on" });
    if (!("value" in again)) throw new Error("expected an answer");
    const answer = again.value as unknown as { data: { result: { error: Record<string, string[]> } }; init: { status: number } };
    expect(answer.init.status).toBe(409);
    expect(answer.data.result.error[""]).toEqual(["crp:errors.alreadyFinal"]);
    const db = await getDb();
    const versions = await db
      .select({ n: schema.generatedDocuments.versionNumber })
      .from(schema.generatedDocuments)
      .where(eq(schema.generatedDocuments.consultationId, c.consultationId));
    expect(versions).toHaveLength(2);
  });
});

describe("the comparison of two versions", () => {
  it("reads as text: headings and paragraphs without Markdown marks", async () => {
    const c = await compiledFinal();
    const page = await load(OFFICER, c.consultationId, "?from=1&to=2");
    const rows = page.redline!.rows.flatMap((r) => (r.kind === "skip" ? [] : [r]));
    const text = rows.flatMap((r) => r.segments.map((s) => s.text)).join("\n");
    expect(text).not.toMatch(/(^|\n)#+ /);
    expect(text).not.toContain("**");
    expect(text).not.toMatch(/\\[.\-*_#]/);
    // The draft mark went away between the draft and the final version: one deleted paragraph.
    expect(
      rows
        .find((r) => r.kind === "delete")
        ?.segments.map((s) => s.text)
        .join(""),
    ).toBe(CRP_DRAFT_MARK);
  });
});
