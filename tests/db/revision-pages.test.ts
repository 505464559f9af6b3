// The Rev.1 pages (issue 18): the secretariat prepares the revised text from a closed
// consultation's overview, applies Peru's amendment and merges two points through the page's
// forms (without JavaScript), reads the page in Spanish, downloads both Word files; who may not.
import JSZip from "jszip";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action, default as RevisionPage, loader } from "~/routes/consultations.$consultationId.revision/route";
import OverviewPage, { loader as overviewLoader } from "~/routes/consultations.$consultationId._index";
import { loader as exportLoader } from "~/routes/consultations.$consultationId_.exports.$file";
import { getDb, schema } from "~/utils/db.server";
import { makeChairOf, writeRevision, writeTranslation } from "./consolidation-setup";
import { outcome, requestAs, statusOf } from "./helpers";
import { renderRoute } from "./render-route";
import { openConsultation } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const CHAIR = "chair@nonpaper.test";
const PERU = "peru@nonpaper.test";
const context = { clientAddress: "127.0.0.1" };
const AMENDED = "The Secretariat should provide technical assistance upon request.";

async function closed() {
  const c = await openConsultation();
  await makeChairOf(c.consultationId);
  const [amendment] = await writeRevision(c.consultationId, "PER", "es", [
    {
      kind: "amendment",
      pointId: c.points["2(b)"]!,
      body: "Proponemos precisar.",
      proposedText: "La Secretaría debería prestar asistencia técnica previa solicitud.",
    },
  ]);
  await writeTranslation(amendment!, { status: "final", body: "We propose to be precise.", proposedText: AMENDED });
  const db = await getDb();
  await db.update(schema.consultations).set({ status: "closed" }).where(eq(schema.consultations.id, c.consultationId));
  return { ...c, amendment: amendment! };
}

const post = async (email: string, path: string, fields: Record<string, string>) =>
  outcome(async () =>
    action({
      request: await requestAs(email, path, { method: "POST", body: new URLSearchParams(fields) }),
      params: { consultationId: path.split("/")[2]! },
      context,
    }),
  );

const location = (result: Awaited<ReturnType<typeof post>>) =>
  "value" in result && result.value instanceof Response ? result.value.headers.get("Location") : null;

describe("the Rev.1 page", () => {
  it("is prepared from the overview, takes Peru's amendment and a merge, and shows what each point was", async () => {
    const c = await closed();
    // The overview offers to prepare it.
    const overviewPath = `/consultations/${c.consultationId}`;
    const overview = await overviewLoader({ request: await requestAs(OFFICER, overviewPath), params: { consultationId: c.consultationId }, context });
    const overviewHtml = await renderRoute(OverviewPage, { url: `http://x${overviewPath}`, loaderData: overview });
    expect(overviewHtml).toContain("Prepare the revised text (Rev.1)");

    const started = await post(OFFICER, `/consultations/${c.consultationId}/revision`, { intent: "start" });
    const to = location(started)!;
    expect(to).toMatch(/^\/consultations\/[0-9a-f-]{36}\/revision$/);
    const roundId = to.split("/")[2]!;
    const page = async (email = OFFICER, language: "en" | "es" = "en") => {
      const path = `/consultations/${roundId}/revision?item=2`;
      const data = await loader({ request: await requestAs(email, path), params: { consultationId: roundId }, context });
      return { data, html: await renderRoute(RevisionPage, { url: `http://x${path}`, loaderData: data, language }) };
    };
    const first = await page();
    const [a, b] = first.data.points;
    expect(first.html).toContain("Revised discussion points (Rev.1)");
    expect(first.html).toContain("Apply this amendment");

    // Apply Peru's amendment to (b), then merge (b) into (a); a stale wording form is refused, nothing written.
    expect(
      location(
        await post(OFFICER, `/consultations/${roundId}/revision?item=2`, { intent: "apply", pointId: b!.id, commentId: c.amendment, basedOnVersion: "1" }),
      ),
    ).toBe(`/consultations/${roundId}/revision?item=2#point-${b!.id}`);
    const stale = await post(OFFICER, `/consultations/${roundId}/revision`, { intent: "wording", pointId: b!.id, text: "Lost?", basedOnVersion: "1" });
    expect("value" in stale && (stale.value as { init: { status: number } }).init.status).toBe(409);
    expect(location(await post(OFFICER, `/consultations/${roundId}/revision?item=2`, { intent: "merge", pointId: a!.id, otherPointId: b!.id }))).toContain(
      `#point-${a!.id}`,
    );

    const after = await page(OFFICER);
    expect(after.data.points).toHaveLength(1);
    expect(after.data.points[0]!.identity).toEqual({ kind: "merged", formers: ["(a)", "(b)"] });
    expect(after.data.points[0]!.text.endsWith(AMENDED)).toBe(true);
    expect(after.data.summary).toMatchObject({ merged: 1, deleted: 0 });
    expect(after.html.replace(/<[^>]+>/g, "")).toContain("Former (a) and (b), merged");
    // Peru's amendment is answered by the merged point, in English, with the Spanish original kept out of the page.
    expect(after.html).toContain(AMENDED);
    expect(after.data.points[0]!.comments.find((comment) => comment.commentId === c.amendment)!.answeredBy).toEqual(["(a)"]);

    // Both Word files: tracked changes against the circulated text, and a clean copy.
    const file = async (name: string) => {
      const response = (await exportLoader({
        request: await requestAs(OFFICER, `/consultations/${roundId}/exports/${name}`),
        params: { consultationId: roundId, file: name },
        context,
      })) as Response;
      expect(response.headers.get("Content-Disposition")).toContain(name);
      return (await JSZip.loadAsync(Buffer.from(await response.arrayBuffer())).then((zip) => zip.file("word/document.xml")!.async("string"))) as string;
    };
    const tracked = await file("revised-text.docx");
    expect(tracked).toMatch(/<w:ins [^>]*w:author="Secretariat"/);
    expect(tracked).toContain("<w:delText");
    const clean = await file("revised-text-clean.docx");
    expect(clean).not.toMatch(/<w:(ins|del) /);
    expect(clean).toContain("upon request");

    // In Spanish, for an officer reading Spanish.
    expect((await page(OFFICER, "es")).html).toContain("Puntos de debate revisados (Rev.1)");
  });

  it("is refused to delegates (403), and to the chair while it is a draft (404); a first round has none", async () => {
    const c = await closed();
    const started = await post(OFFICER, `/consultations/${c.consultationId}/revision`, { intent: "start" });
    const roundId = location(started)!.split("/")[2]!;
    const get = async (email: string, id: string) =>
      statusOf(
        (
          (await outcome(async () =>
            loader({ request: await requestAs(email, `/consultations/${id}/revision`), params: { consultationId: id }, context }),
          )) as { thrown: unknown }
        ).thrown,
      );
    expect(await get(PERU, roundId)).toBe(403);
    expect(await get(CHAIR, roundId)).toBe(404);
    expect(await get(OFFICER, c.consultationId)).toBe(404);
    for (const email of [PERU, CHAIR]) {
      const refused = await post(email, `/consultations/${roundId}/revision`, { intent: "split", pointId: c.points["2(a)"]! });
      expect(statusOf((refused as { thrown: unknown }).thrown)).toBe(403);
    }
    // The start is refused while the reflection period is open, with its message.
    const open = await openConsultation({ receiptPrefix: `OPEN-${Date.now().toString(36)}` });
    const early = await post(OFFICER, `/consultations/${open.consultationId}/revision`, { intent: "start" });
    expect((early as { value: { data: { reply: { error: string } } } }).value.data.reply.error).toBe("revision:errors.start_wrong_status");
  });
});
