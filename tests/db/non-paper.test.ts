import mammoth from "mammoth";
import { describe, expect, it, vi } from "vitest";
import { DRAFT_MARK } from "~/documents/non-paper";
import { fixedTranslator } from "~/i18n/i18next";
import { getConsultationForUser } from "~/models/consultation.server";
import { getNonPaperForUser } from "~/models/non-paper.server";
import { revisePoint } from "~/models/point.server";
import { getUserById } from "~/models/user.server";
import { loader as pageLoader } from "~/routes/consultations.$consultationId.non-paper";
import { loader as docxLoader } from "~/routes/consultations.$consultationId_.non-paper[.]docx";
import { loader as pdfLoader } from "~/routes/consultations.$consultationId_.non-paper[.]pdf";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { consultationIdByPrefix, createDelegate, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

// The PDF's engines (LibreOffice, Chromium) can be made to fail, as on a server that has neither.
const pdfEngines = vi.hoisted(() => ({ down: false }));
vi.mock("~/utils/pdf.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/utils/pdf.server")>();
  return {
    ...actual,
    printDocumentPdf: (sources: Parameters<typeof actual.printDocumentPdf>[0]) =>
      pdfEngines.down ? Promise.reject(new Error("neither LibreOffice nor Chromium")) : actual.printDocumentPdf(sources),
  };
});

const context = { clientAddress: "127.0.0.1" };
const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;

const page = async (email: string | null, consultationId: string) =>
  pageLoader({
    request: await requestAs(email, `/consultations/${consultationId}/non-paper`),
    params: { consultationId },
    context,
  });
const docx = async (email: string | null, consultationId: string) =>
  (await docxLoader({
    request: await requestAs(email, `/consultations/${consultationId}/non-paper.docx`),
    params: { consultationId },
    context,
  })) as Response;

const pdf = async (email: string | null, consultationId: string) =>
  (await pdfLoader({
    request: await requestAs(email, `/consultations/${consultationId}/non-paper.pdf`),
    params: { consultationId },
    context,
  })) as Response;

/** What a route threw: its HTTP status, for denials. */
async function deniedStatus(run: () => Promise<unknown>) {
  const result = await outcome(run);
  if (!("thrown" in result)) return "allowed";
  return statusOf(result.thrown);
}

async function createChair(email: string) {
  const db = await getDb();
  const [user] = await db.insert(schema.users).values({ email, name: email, role: "chair", language: "en" }).returning();
  return user!;
}

describe("the non-paper document: who gets which text", () => {
  it("gives a registered delegation the circulated wording even after the point was revised", async () => {
    const consultationId = await consultationIdByPrefix("CTOC-2020");
    const secretariat = await userByEmail("secretariat@nonpaper.test");
    const detail = await getConsultationForUser(secretariat, consultationId);
    const point = detail!.agendaItems[0]!.points[0]!;
    const revised = `${point.text} [Revised after circulation.]`;
    expect(await revisePoint(secretariat, { consultationId, pointId: point.id, text: revised, basedOnVersion: 1 })).toMatchObject({
      ok: true,
    });

    for (const email of ["peru@nonpaper.test", "chair@nonpaper.test", "secretariat@nonpaper.test"]) {
      const { model } = await page(email, consultationId);
      expect(model.draft, email).toBe(false);
      expect(model.kind).toBe("Non-paper");
      const first = model.sections[0]!.points[0]!;
      expect(first.label).toBe(point.label);
      expect(first.paragraphs.join("\n\n"), email).toBe(point.text);
      expect(JSON.stringify(model), email).not.toContain("Revised after circulation");
    }

    // The 2020 annex: agenda item 2 with points (a)–(g) in order, items 3 and 4 without points.
    const { model } = await page("peru@nonpaper.test", consultationId);
    expect(model.sections.map((s) => s.heading.text)).toEqual(["Agenda item 2", "Agenda item 3", "Agenda item 4"]);
    expect(model.sections[0]!.subheading?.label).toBe("A.");
    expect(model.sections[0]!.points.map((p) => p.label)).toEqual(["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)"]);
    expect(model.fileName).toBe("non-paper-CTOC-COP-WG.2-2020.docx");
  });

  it("answers 404 to an unregistered delegation, a malformed id and an unknown id", async () => {
    const consultationId = await consultationIdByPrefix("CTOC-2020");
    await createDelegate("fiji-np@nonpaper.test", "FJI");
    for (const [email, id] of [
      ["fiji-np@nonpaper.test", consultationId],
      ["peru@nonpaper.test", "not-a-uuid"],
      ["peru@nonpaper.test", "00000000-0000-4000-8000-000000000000"],
    ] as const) {
      expect(await deniedStatus(() => page(email, id)), `${email} ${id}`).toBe(404);
      expect(await deniedStatus(() => docx(email, id)), `${email} ${id} docx`).toBe(404);
      expect(await deniedStatus(() => pdf(email, id)), `${email} ${id} pdf`).toBe(404);
    }
  });

  it("answers 404 to a delegate of a registered delegation while the consultation is a draft", async () => {
    const db = await getDb();
    const { consultationId } = await insertDraftConsultation(db, {
      delegations: ["PER"],
      agendaItems: [{ number: "2", title: "Draft item", points: [{ label: "(a)", text: "Draft wording." }] }],
    });
    expect(await deniedStatus(() => page("peru@nonpaper.test", consultationId))).toBe(404);
    expect(await deniedStatus(() => docx("peru@nonpaper.test", consultationId))).toBe(404);
    expect(await deniedStatus(() => pdf("peru@nonpaper.test", consultationId))).toBe(404);
  });

  it("answers 404 to a chair of another consultation, and to a draft's own chair before circulation", async () => {
    const db = await getDb();
    const otherChair = await createChair("other-chair-np@nonpaper.test");
    const { consultationId: draftId } = await insertDraftConsultation(db, {
      agendaItems: [{ number: "2", title: "Draft item", points: [{ label: "(a)", text: "Draft wording." }] }],
    });
    await db.insert(schema.consultationChairs).values({ consultationId: draftId, userId: otherChair.id });
    const circulatedId = await consultationIdByPrefix("CTOC-2020");
    expect(await deniedStatus(() => page(otherChair.email, circulatedId))).toBe(404);
    expect(await deniedStatus(() => docx(otherChair.email, circulatedId))).toBe(404);
    expect(await deniedStatus(() => pdf(otherChair.email, circulatedId))).toBe(404);
    // Their own consultation has no circulated non-paper yet: nothing to read.
    expect(await deniedStatus(() => page(otherChair.email, draftId))).toBe(404);
    expect(await getNonPaperForUser(otherChair, draftId)).toBeNull();
  });

  it("gives the secretariat a draft preview of the current wording, marked as not circulated", async () => {
    const db = await getDb();
    const { consultationId, pointIds } = await insertDraftConsultation(db, {
      title: "Draft discussion points for the 2025 session",
      agendaItems: [
        {
          number: "2",
          title: "First item",
          points: [
            { label: "(a)", text: "First wording." },
            { label: "(b)", text: "Second point." },
          ],
        },
        { number: null, title: "Other matters", points: [] },
      ],
    });
    const secretariat = await userByEmail("secretariat@nonpaper.test");
    await revisePoint(secretariat, { consultationId, pointId: pointIds[0]!, text: "Revised [draft] wording.", basedOnVersion: 1 });

    const { model } = await page("secretariat@nonpaper.test", consultationId);
    expect(model.draft).toBe(true);
    expect(model.draftMark).toBe(DRAFT_MARK);
    expect(model.title).toBe("Draft discussion points for the 2025 session");
    expect(model.sections[0]!.points).toEqual([
      { label: "(a)", paragraphs: ["Revised [draft] wording."] },
      { label: "(b)", paragraphs: ["Second point."] },
    ]);
    expect(model.sections[1]).toMatchObject({ heading: { label: null, text: "Other matters" }, subheading: null, points: [] });
    expect(model.fileName).toBe("non-paper-CTOC-COP-WG.2-2025-draft.docx");

    const response = await docx("secretariat@nonpaper.test", consultationId);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
    expect(text).toContain(DRAFT_MARK);
    expect(text).toContain("Revised [draft] wording.");
  });

  it("reads the document in the same number of queries however many points it has", async () => {
    const db = await getDb();
    const client = (db as unknown as { $client?: { query?: unknown } }).$client;
    // Counted on PGlite, whose client drizzle calls once per query; postgres.js has no such door.
    if (typeof client?.query !== "function") return;
    const secretariat = await userByEmail("secretariat@nonpaper.test");
    const small = await insertDraftConsultation(db, {
      agendaItems: [{ number: "2", title: "One", points: [{ label: "(a)", text: "Only point." }] }],
    });
    const large = await insertDraftConsultation(db, {
      agendaItems: Array.from({ length: 5 }, (_, i) => ({
        number: String(i + 2),
        title: `Item ${i + 2}`,
        points: Array.from({ length: 12 }, (_, j) => ({ label: `(${j + 1})`, text: `Point ${i}.${j}.` })),
      })),
    });
    const spy = vi.spyOn(client as { query: (...args: unknown[]) => unknown }, "query");
    try {
      const queriesFor = async (consultationId: string) => {
        spy.mockClear();
        const source = await getNonPaperForUser(secretariat, consultationId);
        expect(source).not.toBeNull();
        return { queries: spy.mock.calls.length, points: source!.agendaItems.flatMap((item) => item.points).length };
      };
      const one = await queriesFor(small.consultationId);
      const sixty = await queriesFor(large.consultationId);
      expect(one.points).toBe(1);
      expect(sixty.points).toBe(60);
      expect(sixty.queries).toBe(one.queries);
      expect(one.queries).toBeGreaterThan(0);
      expect(one.queries).toBeLessThanOrEqual(4);
    } finally {
      spy.mockRestore();
    }
  });

  it("sends anonymous visitors to sign in and back", async () => {
    const consultationId = await consultationIdByPrefix("CTOC-2020");
    const attempts: [() => Promise<unknown>, string][] = [
      [() => page(null, consultationId), `/consultations/${consultationId}/non-paper`],
      [() => docx(null, consultationId), `/consultations/${consultationId}/non-paper.docx`],
      [() => pdf(null, consultationId), `/consultations/${consultationId}/non-paper.pdf`],
    ];
    for (const [run, path] of attempts) {
      const result = await outcome(run);
      const thrown = (result as { thrown: Response }).thrown;
      expect(statusOf(thrown)).toBe(302);
      expect(thrown.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`);
    }
  });

  it("serves the DOCX as an attachment with its file name, and the circulated text inside", async () => {
    const consultationId = await consultationIdByPrefix("CTOC-2020");
    const response = await docx("morocco@nonpaper.test", consultationId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="non-paper-CTOC-COP-WG.2-2020.docx"; filename*=UTF-8''non-paper-CTOC-COP-WG.2-2020.docx`,
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get("Content-Length"))).toBe(bytes.byteLength);
    // A ZIP container, as every .docx is.
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain("<h1>Agenda item 2</h1>");
    expect(html).toMatch(/<h2>A\.\s+Updating the legislative records/);
    expect(html).toMatch(/<p>\(g\)\s/);
  });

  it(
    "serves the PDF as an attachment with its file name; without an engine, 503 and what to do instead, in the reader's language",
    { timeout: 60_000 },
    async () => {
      const consultationId = await consultationIdByPrefix("CTOC-2020");
      const response = await pdf("morocco@nonpaper.test", consultationId);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="non-paper-CTOC-COP-WG.2-2020.pdf"; filename*=UTF-8''non-paper-CTOC-COP-WG.2-2020.pdf`,
      );
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(Number(response.headers.get("Content-Length"))).toBe(bytes.byteLength);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

      pdfEngines.down = true;
      vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        // Morocco's delegate reads the interface in Arabic.
        const refused = await pdf("morocco@nonpaper.test", consultationId);
        expect(refused.status).toBe(503);
        expect(refused.headers.get("Cache-Control")).toBe("no-store");
        expect(await refused.text()).toBe(fixedTranslator("ar", "documents")("nonPaper.pdfUnavailable"));
      } finally {
        pdfEngines.down = false;
        vi.mocked(console.error).mockRestore();
      }
    },
  );
});
