// The archive's pages: the download (/consultations/:id/archive.json) and the import page
// (/archive/import) are the secretariat's alone; chairs and delegates get 403 on every loader and
// action, an unknown consultation 404; an upload is first previewed, then imported with the
// preview's confirmation; bad uploads are refused with a localized reason and the archive's
// problems, and import nothing.
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkArchive, serializeArchive } from "~/lib/archive-schema";
import { exportConsultation } from "~/models/archive.server";
import ImportArchivePage, { action as importAction, loader as importLoader } from "~/routes/archive.import";
import { loader as downloadLoader } from "~/routes/consultations.$consultationId_.archive[.]json";
import { getDb, schema } from "~/utils/db.server";
import { crpConsultation, crpSubmissions } from "./crp-setup";
import { outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { renderRoute } from "./render-route";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const thrown = (result: { thrown: unknown } | { value: unknown }) => ("thrown" in result ? statusOf(result.thrown) : "allowed");

async function download(email: string | null, consultationId: string) {
  const request = await requestAs(email, `/consultations/${consultationId}/archive.json`);
  return outcome(() => downloadLoader({ request, params: { consultationId }, context }));
}

async function upload(email: string | null, file: { name: string; text: string } | null, confirm?: { confirmation: string }) {
  const form = new FormData();
  if (file) form.append("archive", new File([file.text], file.name, { type: "application/json" }));
  if (confirm) {
    form.append("intent", "confirm");
    form.append("confirmation", confirm.confirmation);
  }
  const request = await requestAs(email, "/archive/import", { method: "POST", body: form });
  return outcome(() => importAction({ request, params: {}, context }));
}

async function consultationCount() {
  const [row] = await (await getDb()).select({ n: count() }).from(schema.consultations);
  return Number(row!.n);
}

/** A chair of the consultation, so that the 403 is about the role, not about visibility. */
async function chairIt(consultationId: string) {
  await (await getDb()).insert(schema.consultationChairs).values({ consultationId, userId: await userIdByEmail("chair@nonpaper.test") });
}

describe("the archive download", () => {
  it("gives the secretariat the whole consultation as a JSON file named after its prefix and the day", async () => {
    const c = await crpConsultation();
    await crpSubmissions(c);
    const result = await download("secretariat@nonpaper.test", c.consultationId);
    expect(thrown(result)).toBe("allowed");
    const response = (result as { value: Response }).value;
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const [prefix] = await (
      await getDb()
    )
      .select({ p: schema.consultations.receiptPrefix })
      .from(schema.consultations)
      .where(eq(schema.consultations.id, c.consultationId));
    expect(response.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="${prefix!.p}-archive-\\d{4}-\\d\\d-\\d\\d\\.json"`));
    const text = await response.text();
    expect(text.endsWith("}\n")).toBe(true);
    const parsed = checkArchive(JSON.parse(text));
    expect(parsed.ok && parsed.archive.consultation.id).toBe(c.consultationId);
  });

  it("is refused to chairs and delegates (403), and answers 404 for an unknown consultation", async () => {
    const c = await crpConsultation();
    await chairIt(c.consultationId);
    expect(thrown(await download("chair@nonpaper.test", c.consultationId))).toBe(403);
    expect(thrown(await download("usa@nonpaper.test", c.consultationId))).toBe(403);
    expect(thrown(await download("peru@nonpaper.test", c.consultationId))).toBe(403);
    expect(thrown(await download(null, c.consultationId))).toBe(302);
    expect(thrown(await download("secretariat@nonpaper.test", "00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(thrown(await download("secretariat@nonpaper.test", "not-an-id"))).toBe(404);
  });
});

describe("the import page", () => {
  it("is the secretariat's alone: 403 to chairs and delegates on the loader and the action, and nothing imported", async () => {
    const c = await crpConsultation();
    await chairIt(c.consultationId);
    const text = serializeArchive((await exportConsultation(await getDb(), c.consultationId))!);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const request = await requestAs(email, "/archive/import");
      expect(thrown(await outcome(() => importLoader({ request, params: {}, context })))).toBe(403);
    }
    const before = await consultationCount();
    expect(thrown(await upload("chair@nonpaper.test", { name: "a.json", text }))).toBe(403);
    expect(thrown(await upload("morocco@nonpaper.test", { name: "a.json", text }))).toBe(403);
    expect(thrown(await upload(null, { name: "a.json", text }))).toBe(302);
    // The confirmation step too, even with the right digest.
    const preview = (await upload("secretariat@nonpaper.test", { name: "a.json", text })) as { value: { plan: { confirmation: string } } };
    const confirmation = preview.value.plan.confirmation;
    expect(thrown(await upload("chair@nonpaper.test", { name: "a.json", text }, { confirmation }))).toBe(403);
    expect(thrown(await upload("morocco@nonpaper.test", { name: "a.json", text }, { confirmation }))).toBe(403);
    expect(await consultationCount()).toBe(before);
    const request = await requestAs("secretariat@nonpaper.test", "/archive/import");
    expect(await importLoader({ request, params: {}, context })).toEqual({ maxMegabytes: 200 });
  });

  it("imports a valid archive (here a copy, as this instance holds it) and links to it", async () => {
    const c = await crpConsultation();
    await crpSubmissions(c);
    const text = serializeArchive((await exportConsultation(await getDb(), c.consultationId))!);
    const before = await consultationCount();
    // First the preview: nothing is written.
    const preview = await upload("secretariat@nonpaper.test", { name: "archive.json", text });
    expect(thrown(preview)).toBe("allowed");
    const plan = (preview as { value: { ok: "preview"; plan: { confirmation: string; remapped: boolean; accounts: unknown[]; chairs: unknown[] } } }).value
      .plan;
    expect(plan).toMatchObject({ remapped: true, accounts: [], chairs: [] });
    expect(await consultationCount()).toBe(before);
    const previewHtml = await renderRoute(ImportArchivePage, {
      url: "http://x/archive/import",
      loaderData: { maxMegabytes: 200 },
      actionData: (preview as { value: unknown }).value,
    });
    expect(previewHtml).toContain("Check before importing");
    expect(previewHtml).toContain("No account will be created.");
    // Then the confirmation, with the same file and the preview's digest.
    const result = await upload("secretariat@nonpaper.test", { name: "archive.json", text }, { confirmation: plan.confirmation });
    expect(thrown(result)).toBe("allowed");
    const value = (result as { value: { ok: true; consultationId: string; remapped: boolean; title: string } }).value;
    expect(value).toMatchObject({ ok: true, remapped: true, title: "Discussion points for future consideration" });
    expect(await consultationCount()).toBe(before + 1);
    const [entry] = await (
      await getDb()
    )
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, value.consultationId), eq(schema.auditLog.action, "consultation.import")));
    expect(entry).toMatchObject({ action: "consultation.import", actorId: await userIdByEmail("secretariat@nonpaper.test"), ipAddress: "127.0.0.1" });

    const html = await renderRoute(ImportArchivePage, { url: "http://x/archive/import", loaderData: { maxMegabytes: 200 }, actionData: value });
    expect(html).toContain(`href="/consultations/${value.consultationId}"`);
    expect(html).toContain("it has been imported as a copy");
  });

  it("refuses a missing file, a file that is not JSON and an invalid archive, with the reason and the problems", async () => {
    const before = await consultationCount();
    const none = await upload("secretariat@nonpaper.test", null);
    expect(none).toEqual({ value: expect.objectContaining({ data: { ok: false, error: "noFile" }, init: expect.objectContaining({ status: 400 }) }) });
    const notJson = await upload("secretariat@nonpaper.test", { name: "a.json", text: "{ not json" });
    expect((notJson as { value: { data: unknown } }).value.data).toEqual({ ok: false, error: "notJson" });
    const invalid = await upload("secretariat@nonpaper.test", {
      name: "a.json",
      text: JSON.stringify({ format: "nonpaper-consultation-archive", version: 1 }),
    });
    const data = (invalid as { value: { data: { ok: false; error: string; problems: { path: string }[]; total: number } } }).value.data;
    expect(data.error).toBe("invalid");
    expect(data.problems.map((p) => p.path)).toContain("consultation");
    expect(data.problems.length).toBe(data.total);
    expect(await consultationCount()).toBe(before);

    const html = await renderRoute(ImportArchivePage, { url: "http://x/archive/import", loaderData: { maxMegabytes: 200 }, actionData: data, language: "fr" });
    expect(html).toContain("Le fichier ne correspond pas au format d’archive. Rien n’a été importé.");
    expect(html).toContain("<code>consultation</code>");
    expect(html).toContain('aria-invalid="true"');
  });
});
