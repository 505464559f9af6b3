// The command-line entries, run through their main functions: `npm run crp` writes the four files
// of an archived consultation (final when nothing is missing, else a draft with the gaps listed,
// or the final version the archive holds); `npm run archive` exports and imports against the
// configured database, with usage errors (2) and refused files (1).
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import mammoth from "mammoth";
import { afterAll, describe, expect, it } from "vitest";
import { main as archiveMain } from "~/cli/archive";
import { main as crpMain } from "~/cli/crp";
import { UN_MAMMOTH_STYLE_MAP } from "~/documents/un-styles";
import { serializeArchive, type Archive } from "~/lib/archive-schema";
import { exportConsultation } from "~/models/archive.server";
import { compileCrp } from "~/models/crp.server";
import { getDb, schema } from "~/utils/db.server";
import { addRevision, crpConsultation, crpSubmissions } from "./crp-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), "nonpaper-archive-cli-"));
  scratch.push(dir);
  return dir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

async function archiveFile(consultationId: string): Promise<{ file: string; archive: Archive }> {
  const archive = (await exportConsultation(await getDb(), consultationId))!;
  const file = path.join(await tempDir(), "archive.json");
  await writeFile(file, serializeArchive(archive));
  return { file, archive };
}

// The PDF is written when LibreOffice or Chromium can make it.
const chromium = existsSync("/usr/bin/chromium") || existsSync("/usr/bin/soffice");

describe("npm run crp", () => {
  it("writes the final CRP as Word, PDF, HTML and Markdown when nothing is missing", { timeout: 60_000 }, async () => {
    const c = await crpConsultation({ delegations: ["USA", "CAN"] });
    await addRevision(c, "USA", {
      language: "en",
      comments: [{ key: "p", kind: "point", item: "2", point: "2(a)", body: "The United States supports this point." }],
    });
    await addRevision(c, "CAN", { language: "en", comments: [{ key: "g", kind: "general", item: "3", body: "Canada thanks the Chair." }] });
    const { file } = await archiveFile(c.consultationId);
    const out = path.join(await tempDir(), "crp");
    const run = capture();

    expect(await crpMain(["--archive", file, "--out", out], run.io, { issuedOn: "2026-10-01" })).toBe(0);
    const written = (await readdir(out)).sort();
    expect(written).toEqual(chromium ? ["crp.docx", "crp.html", "crp.md", "crp.pdf"] : ["crp.docx", "crp.html", "crp.md"]);
    expect(run.out).toEqual(["crp.docx", "crp.html", "crp.md", ...(chromium ? ["crp.pdf"] : [])].map((n) => `Wrote ${path.join(out, n)}`));
    expect(run.err.join("\n")).not.toMatch(/draft/i);

    const md = await readFile(path.join(out, "crp.md"), "utf8");
    expect(md.split("\n")[0]!.replace(/\\/g, "")).toBe("CTOC/COP/2026/CRP.1");
    const docx = await readFile(path.join(out, "crp.docx"));
    const html = (await mammoth.convertToHtml({ buffer: docx }, { styleMap: [...UN_MAMMOTH_STYLE_MAP] })).value;
    const headings = [...html.matchAll(/<h([1-4])>(.*?)<\/h\1>/g)].map((m) => m[2]!.replace(/<br \/>/g, " / "));
    expect(headings.slice(0, 3)).toEqual([
      "I.\tIntroduction",
      "II.\tComments of States parties on the discussion points arising from the meeting of the Working Group of Government Experts on Technical Assistance held in Vienna on 2 and 3 June 2025",
      "A.\tAgenda item 2 / Technical assistance",
    ]);
    expect(headings).toContain("United States of America");
    expect(headings).toContain("Canada");
    expect(html.indexOf("Agenda item 2")).toBeLessThan(html.indexOf("Agenda item 3"));
    if (chromium) expect((await readFile(path.join(out, "crp.pdf"))).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("writes a draft and lists what blocks the final one when translations are missing", { timeout: 60_000 }, async () => {
    const c = await crpConsultation();
    await crpSubmissions(c);
    const { file } = await archiveFile(c.consultationId);
    const out = path.join(await tempDir(), "crp");
    const run = capture();
    expect(await crpMain(["--archive", file, "--out", out], run.io)).toBe(0);
    expect(run.err[0]).toBe("The final CRP cannot be compiled yet; writing a draft, which marks these gaps:");
    expect(run.err.join("\n")).toContain("Morocco, Agenda item 2 (b) (amendment, ar): translation outdated");
    expect(run.err.join("\n")).toContain("Peru, Agenda item 2 (general, es): translation draft");
    const md = await readFile(path.join(out, "crp.md"), "utf8");
    expect(md.startsWith("**")).toBe(true); // the draft's mark comes first
    expect(existsSync(path.join(out, "crp.docx"))).toBe(true);
  });

  it("writes the final version the archive holds", { timeout: 60_000 }, async () => {
    const c = await crpConsultation({ delegations: ["USA"] });
    await addRevision(c, "USA", { language: "en", comments: [{ key: "g", kind: "general", item: "2", body: "The United States thanks the Chair." }] });
    const db = await getDb();
    await db.update(schema.consultations).set({ status: "closed", closedAt: new Date() }).where(eq(schema.consultations.id, c.consultationId));
    expect(await compileCrp(c.officer, { consultationId: c.consultationId, final: false })).toMatchObject({ ok: true, versionNumber: 1 });
    expect(await compileCrp(c.officer, { consultationId: c.consultationId, final: true, issuedOn: "2026-09-30" })).toMatchObject({
      ok: true,
      versionNumber: 2,
    });
    const { file } = await archiveFile(c.consultationId);
    const out = path.join(await tempDir(), "crp");
    const run = capture();
    expect(await crpMain(["--archive", file, "--out", out], run.io)).toBe(0);
    expect(run.err[0]).toBe("The archive holds the final CRP (version 2): writing it, with its own date of issue.");
    expect(await readFile(path.join(out, "crp.md"), "utf8")).toContain("30 September 2026");
  });

  it("dates a CRP compiled from an archive as given, else as the archive's last version was, never by the day it is rebuilt", { timeout: 60_000 }, async () => {
    const c = await crpConsultation({ delegations: ["USA"] });
    await addRevision(c, "USA", { language: "en", comments: [{ key: "g", kind: "general", item: "2", body: "The United States thanks the Chair." }] });
    const db = await getDb();
    await db.update(schema.consultations).set({ status: "closed", closedAt: new Date() }).where(eq(schema.consultations.id, c.consultationId));
    // Only a draft was compiled, on 9 October 2020: the rebuilt CRP keeps that date.
    expect(await compileCrp(c.officer, { consultationId: c.consultationId, final: false, issuedOn: "2020-10-09" })).toMatchObject({ ok: true });
    const { file } = await archiveFile(c.consultationId);
    const rebuilt = path.join(await tempDir(), "crp");
    const run = capture();
    expect(await crpMain(["--archive", file, "--out", rebuilt], run.io)).toBe(0);
    expect(await readFile(path.join(rebuilt, "crp.md"), "utf8")).toContain("9 October 2020");
    expect(run.err.join("\n")).not.toMatch(/dated today/);

    // --issued-on decides.
    const given = path.join(await tempDir(), "crp");
    expect(await crpMain(["--archive", file, "--out", given, "--issued-on", "2020-10-12"], capture().io)).toBe(0);
    expect(await readFile(path.join(given, "crp.md"), "utf8")).toContain("12 October 2020");

    // Not a day of the calendar: refused before anything is read.
    const bad = capture();
    expect(await crpMain(["--archive", file, "--out", given, "--issued-on", "2020-02-30"], bad.io)).toBe(2);
    expect(bad.err[0]).toMatch(/^--issued-on: "2020-02-30" is not a date as YYYY-MM-DD/);
  });

  it('keeps the latest version\'s choice of "[Original: …]" lines when it compiles from the data', { timeout: 60_000 }, async () => {
    const c = await crpConsultation({ delegations: ["PER"] });
    await addRevision(c, "PER", {
      language: "es",
      comments: [
        { key: "g", kind: "general", item: "2", body: "El Perú agradece a la Presidencia.", translation: { status: "final", body: "Peru thanks the Chair." } },
      ],
    });
    const written = async () => {
      const { file } = await archiveFile(c.consultationId);
      const out = path.join(await tempDir(), "crp");
      expect(await crpMain(["--archive", file, "--out", out], capture().io)).toBe(0);
      return readFile(path.join(out, "crp.md"), "utf8");
    };
    // No version yet: the lines are there, as on the CRP page by default.
    expect(await written()).toContain("[Original: Spanish]");
    // The secretariat compiled a draft without them: the rebuilt CRP has none either.
    expect(await compileCrp(c.officer, { consultationId: c.consultationId, final: false, originalLines: false, issuedOn: "2026-10-01" })).toMatchObject({
      ok: true,
    });
    const rebuilt = await written();
    expect(rebuilt).toContain("Peru thanks the Chair.");
    expect(rebuilt).not.toContain("[Original:");
  });

  it("refuses bad arguments (2) and a file that is not a valid archive (1)", async () => {
    const run = capture();
    expect(await crpMain(["--archive", "x.json"], run.io)).toBe(2);
    expect(await crpMain(["--bogus"], run.io)).toBe(2);
    expect(run.err.join("\n")).toContain("Usage:");
    const dir = await tempDir();
    const file = path.join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ format: "nonpaper-consultation-archive", version: 1, exportedAt: "yesterday" }));
    const bad = capture();
    expect(await crpMain(["--archive", file, "--out", dir], bad.io)).toBe(1);
    expect(bad.err[0]).toBe("The archive cannot be imported:");
    expect(bad.err).toContain("  exportedAt: Invalid ISO datetime");
    const notJson = capture();
    await writeFile(file, "{ not json");
    expect(await crpMain(["--archive", file, "--out", dir], notJson.io)).toBe(1);
    expect(notJson.err[0]).toMatch(/is not JSON/);
  });
});

describe("npm run archive", () => {
  it("exports a consultation of the configured database and imports it again as a copy", async () => {
    const c = await crpConsultation({ delegations: ["USA"] });
    const file = path.join(await tempDir(), "out.json");
    const exported = capture();
    expect(await archiveMain(["--export", c.consultationId, "--out", file], exported.io)).toBe(0);
    const archive = JSON.parse(await readFile(file, "utf8")) as Archive;
    expect(archive.consultation.id).toBe(c.consultationId);

    const imported = capture();
    expect(await archiveMain(["--import", file], imported.io)).toBe(0);
    const newId = imported.out[0]!;
    expect(newId).not.toBe(c.consultationId);
    expect(imported.err[0]).toMatch(/imported as a copy with new ids, receipt prefix .+-2\./);
    const [row] = await (await getDb()).select({ title: schema.consultations.title }).from(schema.consultations).where(eq(schema.consultations.id, newId));
    expect(row!.title).toBe(archive.consultation.title);
  });

  it("answers 2 to bad arguments, 1 to an unknown consultation or a broken file", async () => {
    for (const args of [
      [],
      ["--export", "x", "--out", "f"],
      ["--export", "00000000-0000-4000-8000-000000000000"],
      ["--import", "f", "--out", "g"],
      ["--import", "a", "--export", "b"],
    ]) {
      expect(await archiveMain(args, capture().io), args.join(" ")).toBe(2);
    }
    const missing = capture();
    expect(await archiveMain(["--export", "00000000-0000-4000-8000-000000000000", "--out", path.join(await tempDir(), "x.json")], missing.io)).toBe(1);
    expect(missing.err[0]).toMatch(/^No consultation/);
    const file = path.join(await tempDir(), "v4.json");
    await writeFile(file, JSON.stringify({ format: "nonpaper-consultation-archive", version: 4 }));
    const refused = capture();
    expect(await archiveMain(["--import", file], refused.io)).toBe(1);
    expect(refused.err).toEqual(["The archive cannot be imported:", "  version: version 4 is not supported: this instance reads versions 1, 2 and 3"]);
  });
});
