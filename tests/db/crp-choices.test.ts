// Issue 16 on the CRP page: the originating meeting's session and an agenda item's own introduction
// come from the data; the compile forms offer to leave out the "[Original: …]" lines, and the
// version keeps the choice; once the final CRP is compiled the page offers neither a compilation nor
// a list of what would block one.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildCrpModel, crpToMarkdown, type CrpModel } from "~/documents/crp";
import { loadCrpData } from "~/models/crp.server";
import CrpPage, { action, loader } from "~/routes/consultations.$consultationId.crp";
import { getDb, schema } from "~/utils/db.server";
import { addRevision, crpConsultation } from "./crp-setup";
import { outcome, requestAs, statusOf } from "./helpers";
import { renderRoute } from "./render-route";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const OFFICER = "secretariat@nonpaper.test";
const path = (id: string) => `/consultations/${id}/crp`;

async function load(consultationId: string) {
  const request = await requestAs(OFFICER, path(consultationId));
  const result = await outcome(() => loader({ request, params: { consultationId }, context }));
  if (!("value" in result)) throw new Error(`expected the page, got ${statusOf(result.thrown)}`);
  return result.value;
}

async function compile(consultationId: string, fields: Record<string, string>) {
  const request = await requestAs(OFFICER, path(consultationId), { method: "POST", body: new URLSearchParams(fields) });
  const result = await outcome(() => action({ request, params: { consultationId }, context }));
  expect("thrown" in result && result.thrown instanceof Response && result.thrown.headers.get("Location")).toBe(path(consultationId));
}

async function auditOf(consultationId: string, action: string) {
  const db = await getDb();
  return db
    .select({ details: schema.auditLog.details })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, action)))
    .orderBy(schema.auditLog.id);
}

async function savedModel(consultationId: string, versionNumber: number): Promise<CrpModel> {
  const db = await getDb();
  const [row] = await db
    .select({ model: schema.generatedDocuments.model })
    .from(schema.generatedDocuments)
    .where(and(eq(schema.generatedDocuments.consultationId, consultationId), eq(schema.generatedDocuments.versionNumber, versionNumber)));
  return row!.model as CrpModel;
}

/** A consultation whose only comment is Peru's, in Spanish, translated and final. */
async function withPeru() {
  const c = await crpConsultation({ delegations: ["PER"] });
  await addRevision(c, "PER", {
    language: "es",
    comments: [
      {
        key: "general",
        kind: "general",
        item: "2",
        body: "El Perú propone:\n\n(a) actualizar los registros;\n\n(b) publicarlos.",
        translation: { status: "final", body: "Peru proposes:\n\n(a) to update the records;\n\n(b) to publish them." },
      },
    ],
  });
  return c;
}

describe("facts of the CRP from the data", () => {
  it("names the originating meeting's session, and lets an agenda item's own introduction replace the standard sentence", async () => {
    const c = await withPeru();
    const db = await getDb();
    const [consultation] = await db
      .select({ meetingId: schema.consultations.meetingId })
      .from(schema.consultations)
      .where(eq(schema.consultations.id, c.consultationId));
    await db.update(schema.meetings).set({ session: "Fourteenth meeting" }).where(eq(schema.meetings.id, consultation!.meetingId));
    await db.update(schema.agendaItems).set({ introduction: "The Working Group recommended that:" }).where(eq(schema.agendaItems.id, c.items["2"]!));

    const data = (await loadCrpData(db, c.consultationId, { issuedOn: "2026-10-01" }))!;
    expect(data.meeting.session).toBe("Fourteenth meeting");
    const built = buildCrpModel(data, { final: false });
    if (!built.ok) throw new Error("a draft always compiles");
    const origin = "arising from the fourteenth meeting of the Working Group of Government Experts on Technical Assistance held in Vienna on 2 and 3 June 2025";
    expect(built.model.title).toBe(`Comments received on the discussion points ${origin}`);
    expect(built.model.comments.heading.text).toBe(`Comments of States parties on the discussion points ${origin}`);
    expect(built.model.introduction.paragraphs[0]!.text).toMatch(/held its fourteenth meeting in Vienna on 2 and 3 June 2025\.$/);
    expect(built.model.comments.items.map((i) => i.introduction)).toEqual([
      ["The Working Group recommended that:"],
      ["The discussion points under agenda item 3, as circulated, read as follows:"],
    ]);
  });
});

describe("the [Original: …] lines, a choice of the compile form", () => {
  it("are kept by default, left out when the box is ticked, and each version keeps its choice", async () => {
    const c = await withPeru();
    await compile(c.consultationId, { intent: "draft", expectedLatestVersion: "0" });
    await compile(c.consultationId, { intent: "draft", expectedLatestVersion: "1", omitOriginalLines: "on" });

    const [kept, leftOut] = [await savedModel(c.consultationId, 1), await savedModel(c.consultationId, 2)];
    expect([kept.originalLines, leftOut.originalLines]).toEqual([true, false]);
    expect(crpToMarkdown(kept)).toContain("#### Peru\n\n[Original: Spanish]\n\nPeru proposes:\n\n(a) to update the records;\n\n(b) to publish them.");
    expect(crpToMarkdown(leftOut)).toContain("#### Peru\n\nPeru proposes:\n\n(a) to update the records;\n\n(b) to publish them.");
    expect(leftOut.comments.items[0]!.delegations[0]!.blocks).toEqual([
      {
        kind: "text",
        text: {
          mark: null,
          paragraphs: [
            { text: "Peru proposes:", language: "en", dir: "ltr" },
            { text: "to update the records;", language: "en", dir: "ltr", label: "(a)" },
            { text: "to publish them.", language: "en", dir: "ltr", label: "(b)" },
          ],
        },
      },
    ]);
    // The choice is in the audit entry only when it departs from the default.
    expect((await auditOf(c.consultationId, "crp.compile")).map((e) => (e.details as { originalLines?: boolean }).originalLines)).toEqual([undefined, false]);
    // The comparison of the two versions: the line removed, as text.
    const request = await requestAs(OFFICER, `${path(c.consultationId)}?from=1&to=2`);
    const page = await outcome(() => loader({ request, params: { consultationId: c.consultationId }, context }));
    if (!("value" in page)) throw new Error("expected the page");
    const changed = page.value.redline!.rows.filter((r) => r.kind !== "equal" && r.kind !== "skip");
    expect(changed.map((r) => [r.kind, r.kind === "skip" ? "" : r.segments.map((s) => s.text).join("")])).toEqual([["delete", "[Original: Spanish]"]]);
  });

  it("are offered in both compile forms, unticked", async () => {
    const c = await withPeru();
    const db = await getDb();
    await db.update(schema.consultations).set({ status: "closed", closedAt: new Date() }).where(eq(schema.consultations.id, c.consultationId));
    const html = await renderRoute(CrpPage, { url: `http://nonpaper.test${path(c.consultationId)}`, loaderData: await load(c.consultationId) });
    for (const form of ["draft", "final"]) {
      expect(html).toContain(
        `<input type="checkbox" id="crp-omit-original-lines-${form}" name="omitOriginalLines" aria-describedby="crp-omit-original-lines-${form}-help"/>`,
      );
    }
    expect(html).toContain("Leave out the line <bdi>[Original: …]</bdi> above each delegation&#x27;s translated comments");
    expect(html).toContain("Nothing is missing: the final CRP can be compiled.");
  });
});

describe("the CRP page once the final CRP is compiled", () => {
  it("shows neither a compile form nor a list of what would block one", async () => {
    const c = await withPeru();
    const db = await getDb();
    await db.update(schema.consultations).set({ status: "closed", closedAt: new Date() }).where(eq(schema.consultations.id, c.consultationId));
    await compile(c.consultationId, { intent: "final", expectedLatestVersion: "0", confirm: "on", omitOriginalLines: "on" });
    const loaderData = await load(c.consultationId);
    expect(loaderData.page.finalVersion).toBe(1);
    // The preview is the final version as compiled, with its choice.
    expect(loaderData.preview!.html).not.toContain("[Original:");
    const html = await renderRoute(CrpPage, { url: `http://nonpaper.test${path(c.consultationId)}`, loaderData });
    expect(html).toContain("The final CRP has been compiled.");
    expect(html).not.toContain("Nothing is missing");
    expect(html).not.toContain('name="intent"');
    expect(html).toContain("The final CRP (version 1)");
  });
});
