// Dispositions read back from the comment-resolution table in Excel: the disposition from its label
// in any of the six languages or its stored value, an empty cell as none, the observations checked
// as the side-by-side's form checks them, and every row's problem reported with its row number.
import { describe, expect, it } from "vitest";
import { fixedTranslator } from "~/i18n/i18next";
import { LANGUAGE_CODES } from "~/i18n/languages";
import {
  dispositionFromLabel,
  dispositionLabels,
  importMessage,
  labelKey,
  MAX_IMPORT_ROWS,
  parseDispositionRows,
  refusedRow,
  uploadedName,
  type SheetRow,
} from "~/lib/disposition-import";
import { DISPOSITIONS, MAX_OBSERVATION } from "~/lib/dispositions";

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const row = (rowNumber: number, dispositionLabel: string, observation = "", id = ID(rowNumber)): SheetRow => ({ rowNumber, id, dispositionLabel, observation });
const ARABIC = "أُدرج في الفقرة (ب) من التنقيح الأول، مع حذف الأقواس المعقوفة.";

describe("dispositionFromLabel", () => {
  it("reads every disposition's label in each of the six languages", () => {
    for (const language of LANGUAGE_CODES) {
      const t = fixedTranslator(language, "consolidation");
      for (const disposition of DISPOSITIONS) {
        const label = t(`consolidation:dispositions.${disposition}`);
        expect(dispositionFromLabel(label), `${language}: ${label}`).toBe(disposition);
      }
      // "No disposition yet", as a reader may type it: none.
      expect(dispositionFromLabel(t("consolidation:disposition.none")), language).toBeNull();
    }
  });

  it("has one meaning for every label: no label of one language is another disposition's in another", () => {
    const labels = dispositionLabels();
    expect(new Set(labels.values())).toEqual(new Set([...DISPOSITIONS, null]));
    // Six languages and the stored values: at least one way of writing each disposition per language.
    expect(labels.size).toBeGreaterThanOrEqual(DISPOSITIONS.length * LANGUAGE_CODES.length);
  });

  it("reads the stored value and the labels as typed: any case, spaces, no accents or vowel marks, invisible marks around", () => {
    expect(dispositionFromLabel("partly_reflected")).toBe("partly_reflected");
    expect(dispositionFromLabel("  Partly Reflected ")).toBe("partly_reflected");
    expect(dispositionFromLabel("not-reflected")).toBe("not_reflected");
    expect(dispositionFromLabel("NOTED")).toBe("noted");
    expect(dispositionFromLabel("prise en compte\u00A0en partie")).toBe("partly_reflected");
    expect(dispositionFromLabel("Retiree")).toBe("withdrawn");
    expect(dispositionFromLabel("учтено частично")).toBe("partly_reflected");
    // Arabic with and without its vowel marks, and with a right-to-left mark that a copy brings along.
    expect(dispositionFromLabel("أُدرج جزئياً")).toBe("partly_reflected");
    expect(dispositionFromLabel("أدرج جزئيا")).toBe("partly_reflected");
    expect(dispositionFromLabel("\u200Fلم يُدرج\u200F")).toBe("not_reflected");
    expect(dispositionFromLabel("部分反映")).toBe("partly_reflected");
    expect(dispositionFromLabel("Reflejada en parte")).toBe("partly_reflected");
  });

  it("reads an empty cell as no disposition, and anything else as none of them", () => {
    expect(dispositionFromLabel("")).toBeNull();
    expect(dispositionFromLabel(" \u00A0\n")).toBeNull();
    expect(dispositionFromLabel("Reflectd")).toBeUndefined();
    expect(dispositionFromLabel("Reflected, mostly")).toBeUndefined();
    expect(dispositionFromLabel("1")).toBeUndefined();
  });

  it("compares labels without marks, case or spacing", () => {
    expect(labelKey(" Prise\u00A0en  Compte ")).toBe("prise en compte");
    expect(labelKey("أُدرج")).toBe(labelKey("ادرج"));
  });
});

describe("parseDispositionRows", () => {
  it("returns each row's disposition and observations, stored as the side-by-side stores them", () => {
    const parsed = parseDispositionRows([
      row(4, "Prise en compte en partie", `  ${ARABIC}\r\n`),
      row(5, "", ""),
      row(6, "noted", "Line one\r\nline two"),
      row(7, "已撤回"),
    ]);
    expect(parsed).toEqual({
      ok: true,
      entries: [
        { rowNumber: 4, commentId: ID(4), disposition: "partly_reflected", observation: ARABIC },
        { rowNumber: 5, commentId: ID(5), disposition: null, observation: null },
        { rowNumber: 6, commentId: ID(6), disposition: "noted", observation: "Line one\nline two" },
        { rowNumber: 7, commentId: ID(7), disposition: "withdrawn", observation: null },
      ],
    });
    // Byte for byte: the Arabic observations as typed, only the surrounding white space trimmed.
    if (parsed.ok) expect(Buffer.from(parsed.entries[0]!.observation!)).toEqual(Buffer.from(ARABIC));
  });

  it("reads the id in any case, and keeps it as the database writes ids", () => {
    const parsed = parseDispositionRows([row(4, "Noted", "", ID(4).toUpperCase())]);
    expect(parsed.ok && parsed.entries[0]!.commentId).toBe(ID(4));
  });

  it("reports every problem of every row with its row number, and returns nothing to save", () => {
    const parsed = parseDispositionRows([
      row(4, "Reflected"),
      row(5, "Reflectd"),
      row(6, "Noted", "x".repeat(MAX_OBSERVATION + 1)),
      row(7, "Noted", "Reflected as \u202Egnorw\u202C proposed."),
      row(8, "", "An observation without a disposition."),
      row(9, "Noted", "", ""),
      row(10, "Noted", "", "not-an-id"),
      row(11, "Withdrawn", "", ID(4)),
    ]);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { rowNumber: 5, message: importMessage("unknownDisposition"), values: { row: 5, value: "Reflectd" } },
        { rowNumber: 6, message: importMessage("observationTooLong"), values: { row: 6, max: MAX_OBSERVATION } },
        { rowNumber: 7, message: importMessage("observationInvalid"), values: { row: 7 } },
        { rowNumber: 8, message: importMessage("observationWithoutDisposition"), values: { row: 8 } },
        { rowNumber: 9, message: importMessage("missingId"), values: { row: 9 } },
        { rowNumber: 10, message: importMessage("invalidId"), values: { row: 10 } },
        { rowNumber: 11, message: importMessage("duplicateId"), values: { row: 11, first: 4 } },
      ],
    });
  });

  it("counts the observations' length in characters as a reader counts them", () => {
    const chinese = "已".repeat(MAX_OBSERVATION);
    const emoji = "🙂".repeat(MAX_OBSERVATION);
    expect(parseDispositionRows([row(4, "Noted", chinese), row(5, "Noted", emoji)]).ok).toBe(true);
    expect(parseDispositionRows([row(4, "Noted", `${emoji}🙂`)])).toMatchObject({ ok: false, problems: [{ message: importMessage("observationTooLong") }] });
  });

  it("refuses every bidi embedding, override and isolate, and control characters, but keeps the marks right-to-left text needs", () => {
    for (const char of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u0007", "\u0000"]) {
      const parsed = parseDispositionRows([row(4, "Noted", `Reflected${char} in Rev.1`)]);
      expect(parsed, `U+${char.codePointAt(0)!.toString(16)}`).toMatchObject({
        ok: false,
        problems: [{ rowNumber: 4, message: importMessage("observationInvalid") }],
      });
    }
    const marks = `${ARABIC}\u200F (CTOC/COP/WG.2)\u200E\u200D`;
    expect(parseDispositionRows([row(4, "Noted", marks)])).toEqual({
      ok: true,
      entries: [{ rowNumber: 4, commentId: ID(4), disposition: "noted", observation: marks }],
    });
  });

  it("shows a refused value on one line, without invisible marks, cut at 60 characters", () => {
    const parsed = parseDispositionRows([row(4, `Reflected\u202E\nbut ${"very ".repeat(20)}much`)]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const value = String(parsed.problems[0]!.values.value);
      expect(value.startsWith("Reflected but very")).toBe(true);
      expect([...value].length).toBe(60);
      expect(value.endsWith("…")).toBe(true);
    }
  });

  it("refuses more rows than any consultation has comments", () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => row(i + 4, "Noted"));
    expect(parseDispositionRows(rows)).toEqual({
      ok: false,
      problems: [{ rowNumber: null, message: importMessage("tooManyRows"), values: { max: MAX_IMPORT_ROWS } }],
    });
    expect(parseDispositionRows([])).toEqual({ ok: true, entries: [] });
  });
});

describe("refusedRow", () => {
  it("words the model's refusals as the parser words the same problems", () => {
    expect(refusedRow({ rowNumber: 12, reason: "not_found" })).toEqual({ rowNumber: 12, message: importMessage("notFound"), values: { row: 12 } });
    expect(refusedRow({ rowNumber: 12, reason: "changed_meanwhile" })).toEqual({
      rowNumber: 12,
      message: importMessage("changedMeanwhile"),
      values: { row: 12 },
    });
    expect(refusedRow({ rowNumber: 12, reason: "duplicate_id", first: 4 })).toEqual({
      rowNumber: 12,
      message: importMessage("duplicateId"),
      values: { row: 12, first: 4 },
    });
    expect(refusedRow({ rowNumber: 12, reason: "observation_too_long" }).values).toEqual({ row: 12, max: MAX_OBSERVATION });
  });
});

describe("uploadedName", () => {
  it("keeps the file's own name, without a path, control or text-direction characters", () => {
    expect(uploadedName("C:\\Users\\officer\\comment-resolution (2).xlsx")).toBe("comment-resolution (2).xlsx");
    expect(uploadedName("résolution\u202Exslx.exe")).toBe("résolutionxslx.exe");
    expect(uploadedName("")).toBe("comment-resolution.xlsx");
    expect([...uploadedName("a".repeat(500))].length).toBe(200);
  });
});
