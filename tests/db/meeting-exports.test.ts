// What a chair takes into the room: the side-by-side as Word and Excel, as filtered, and the matrix
// as Excel; who may download them, and that every text arrives as written, Arabic right to left.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loader as exportLoader } from "~/routes/consultations.$consultationId_.exports.$file";
import { saveDisposition } from "~/models/disposition.server";
import { makeChairOf, newChair, writeRevision, writeTranslation } from "./consolidation-setup";
import { outcome, requestAs, statusOf } from "./helpers";
import { openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const OFFICER = "secretariat@nonpaper.test";
const CHAIR = "chair@nonpaper.test";
const context = { clientAddress: "127.0.0.1" };
const SPANISH = "Apoyamos el punto (a), «sin corchetes» — ñandú.";
const ARABIC = "يؤيد المغرب النقطة (أ) تأييداً تاماً.";

async function scenario() {
  const c = await openConsultation();
  await makeChairOf(c.consultationId);
  const [peruA] = await writeRevision(c.consultationId, "PER", "es", [{ kind: "point", pointId: c.points["2(a)"]!, body: SPANISH }]);
  await writeTranslation(peruA!, { status: "final", body: "We support point (a), without brackets." });
  await writeRevision(c.consultationId, "MAR", "ar", [{ kind: "point", pointId: c.points["2(a)"]!, body: ARABIC }]);
  return c;
}

async function download(email: string | null, consultationId: string, file: string, search = "") {
  const request = await requestAs(email, `/consultations/${consultationId}/exports/${file}${search}`);
  return outcome(() => exportLoader({ request, params: { consultationId, file }, context }));
}

async function bodyOf(result: Awaited<ReturnType<typeof download>>): Promise<{ response: Response; bytes: Buffer }> {
  if (!("value" in result)) throw new Error(`threw ${statusOf(result.thrown)}`);
  const response = result.value as unknown as Response;
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function sheetRows(bytes: Buffer): Promise<ExcelJS.Row[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: ExcelJS.Row[] = [];
  book.worksheets[0]!.eachRow((row) => rows.push(row));
  return rows;
}

describe("exports for the meeting", () => {
  it("refuses anyone but the secretariat and the consultation's chairs, and unknown files", async () => {
    const c = await scenario();
    const otherChair = await newChair();
    const status = (result: Awaited<ReturnType<typeof download>>) => ("thrown" in result ? statusOf(result.thrown) : 200);
    for (const file of ["side-by-side.docx", "side-by-side.xlsx", "matrix.xlsx", "comment-resolution.docx", "comment-resolution.xlsx"]) {
      expect(status(await download(null, c.consultationId, file))).toBe(302);
      expect(status(await download("peru@nonpaper.test", c.consultationId, file))).toBe(403);
      expect(status(await download(otherChair, c.consultationId, file))).toBe(404);
      expect(status(await download(CHAIR, "not-a-uuid", file))).toBe(404);
      expect(status(await download(CHAIR, c.consultationId, file))).toBe(200);
    }
    expect(status(await download(CHAIR, c.consultationId, "crp.exe"))).toBe(404);
  });

  it("writes the side-by-side to Excel as filtered, each text as written, the Arabic original right to left", async () => {
    const c = await scenario();
    const { response, bytes } = await bodyOf(await download(OFFICER, c.consultationId, "side-by-side.xlsx", "?item=2"));
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const rows = await sheetRows(bytes);
    expect(rows[2]!.values).toEqual([undefined, "Point", "Delegation", "Comment (English)", "Original"]);
    const entries = rows.slice(3).map((row) => (row.values as unknown[]).slice(1));
    expect(entries).toContainEqual(["(a)", "Peru", "We support point (a), without brackets.", SPANISH]);
    expect(entries).toContainEqual(["(a)", "Morocco", "[Translation pending]", ARABIC]);
    const morocco = rows.find((row) => row.getCell(2).value === "Morocco")!;
    expect(morocco.getCell(4).alignment).toMatchObject({ readingOrder: "rtl", horizontal: "right" });

    // Filtered to one delegation: only its entry.
    const filtered = await sheetRows((await bodyOf(await download(OFFICER, c.consultationId, "side-by-side.xlsx", "?item=2&delegation=MAR"))).bytes);
    expect(filtered.slice(3).map((row) => row.getCell(2).value)).toEqual(["Morocco"]);
  });

  it("writes the side-by-side to Word in landscape, the Arabic original marked right to left", async () => {
    const c = await scenario();
    const { response, bytes } = await bodyOf(await download(CHAIR, c.consultationId, "side-by-side.docx", "?item=2"));
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="side-by-side.docx"; filename*=UTF-8''side-by-side.docx`);
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain(SPANISH.replace("«", "«"));
    expect(xml).toContain("We support point (a), without brackets.");
    // The Arabic paragraph: right to left, its run marked as Arabic text.
    const arabicParagraph = xml.split("</w:p>").find((p) => p.includes(ARABIC))!;
    expect(arabicParagraph).toContain("<w:bidi/>");
    expect(arabicParagraph).toContain("<w:rtl/>");
    // The heading row repeats on every page.
    expect(xml).toContain("<w:tblHeader/>");
  });

  it("writes the matrix to Excel: a row per registered delegation, a column per point, the totals", async () => {
    const c = await scenario();
    const rows = await sheetRows((await bodyOf(await download(OFFICER, c.consultationId, "matrix.xlsx"))).bytes);
    const header = (rows[2]!.values as unknown[]).slice(1);
    expect(header[0]).toBe("Delegation");
    expect(header).toContain("2 (a)");
    const column = header.indexOf("2 (a)") + 1;
    const peru = rows.find((row) => row.getCell(1).value === "Peru")!;
    expect(peru.getCell(column).value).toBe("commented");
    const totals = rows.at(-1)!;
    expect(totals.getCell(1).value).toBe("Delegations that addressed the point");
    expect(totals.getCell(column).value).toBe(2);
  });

  it("writes the comment-resolution table of every agenda item: type, English with its original's language, proposed change, disposition, observations", async () => {
    const c = await scenario();
    const [usaB, usaItem3] = await writeRevision(c.consultationId, "USA", "en", [
      { kind: "amendment", pointId: c.points["2(b)"]!, body: "Delete the brackets.", proposedText: "The Secretariat should provide technical assistance." },
      { kind: "point", pointId: c.points["3(a)"]!, body: "The United States supports this point." },
    ]);
    const chair = await userByEmail(CHAIR);
    const observation = "Reflected in (b) of Rev.1 — «as proposed».";
    expect(await saveDisposition(chair, { consultationId: c.consultationId, commentId: usaB!, disposition: "reflected", observation })).toMatchObject({
      ok: true,
    });
    expect(await saveDisposition(chair, { consultationId: c.consultationId, commentId: usaItem3!, disposition: "noted", observation: null })).toMatchObject({
      ok: true,
    });

    const rows = await sheetRows((await bodyOf(await download(CHAIR, c.consultationId, "comment-resolution.xlsx"))).bytes);
    expect(rows[0]!.getCell(1).value).toBe("Comment-resolution table");
    expect((rows[2]!.values as unknown[]).slice(1)).toEqual([
      "Agenda item",
      "Point",
      "Delegation",
      "Type",
      "Comment (English)",
      "Proposed change",
      "Disposition",
      "Observations of the Secretariat",
      "id",
    ]);
    // Each row's comment id, in a hidden column: the file can come back.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bodyOf(await download(CHAIR, c.consultationId, "comment-resolution.xlsx"))).bytes as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getColumn(9).hidden).toBe(true);
    expect(rows.slice(3).map((row) => row.getCell(9).value)).toContain(usaB);
    const entries = rows.slice(3).map((row) => (row.values as unknown[]).slice(1, 9).map((v) => v ?? ""));
    expect(entries).toEqual([
      ["2", "(a)", "Morocco", "Comment", "[Original: Arabic]\n[Translation pending]", "", "", ""],
      ["2", "(a)", "Peru", "Comment", "[Original: Spanish]\nWe support point (a), without brackets.", "", "", ""],
      [
        "2",
        "(b)",
        "United States of America",
        "Amendment",
        "Delete the brackets.",
        "The Secretariat should provide technical assistance.",
        "Reflected",
        observation,
      ],
      ["3", "(a)", "United States of America", "Comment", "The United States supports this point.", "", "Noted", ""],
    ]);

    // Word: landscape, the heading row repeated, the observation as written; for an Arabic reader, the labels in Arabic and right to left.
    const xml = await (
      await JSZip.loadAsync((await bodyOf(await download(CHAIR, c.consultationId, "comment-resolution.docx"))).bytes)
    )
      .file("word/document.xml")!
      .async("string");
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain("Reflected in (b) of Rev.1 — «as proposed».");
    // An observation written in Arabic stands right to left in its cell.
    await saveDisposition(chair, { consultationId: c.consultationId, commentId: usaItem3!, disposition: "noted", observation: ARABIC });
    const again = await sheetRows((await bodyOf(await download(CHAIR, c.consultationId, "comment-resolution.xlsx"))).bytes);
    const noted = again.find((row) => row.getCell(7).value === "Noted")!;
    expect(noted.getCell(8).value).toBe(ARABIC);
    expect(noted.getCell(8).alignment).toMatchObject({ readingOrder: "rtl", horizontal: "right" });
    expect(noted.getCell(5).alignment).toMatchObject({ readingOrder: "ltr" });
  });
});
