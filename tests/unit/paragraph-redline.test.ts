import { describe, expect, it } from "vitest";
import { documentParagraphs, paragraphRedlineStats, redlineByParagraph, type ParagraphRedline } from "~/lib/paragraph-redline";

/** The new document's paragraphs, read back from the rows (equal, inserted and changed text). */
function newSide(rows: ParagraphRedline[]): string[] {
  return rows.flatMap((row) =>
    row.kind === "skip" || row.kind === "delete"
      ? []
      : [
          row.segments
            .filter((s) => s.kind !== "delete")
            .map((s) => s.text)
            .join(""),
        ],
  );
}

describe("documentParagraphs", () => {
  it("splits at blank lines, whatever the line endings and blank runs, and keeps single line breaks", () => {
    expect(documentParagraphs("One\r\n\r\nTwo\nstill two\n\n\n  \nThree\n")).toEqual(["One", "Two\nstill two", "Three"]);
    expect(documentParagraphs("  \n\n")).toEqual([]);
  });
});

describe("redlineByParagraph", () => {
  it("marks a reworded paragraph word by word, and whole paragraphs inserted or deleted", () => {
    const before = "# Title\n\n1. First paragraph.\n\nA paragraph that goes.\n\nLast words here.";
    const after = "# Title\n\n1. First paragraph, amended.\n\nLast words here.\n\nA new closing paragraph.";
    const rows = redlineByParagraph(before, after);
    expect(rows.map((r) => r.kind)).toEqual(["equal", "change", "delete", "equal", "insert"]);
    const change = rows[1] as Extract<ParagraphRedline, { kind: "change" }>;
    expect(change.segments.filter((s) => s.kind === "insert").map((s) => s.text.trim())).toEqual([", amended"]);
    expect(change.segments.filter((s) => s.kind === "delete")).toEqual([]);
    expect(newSide(rows)).toEqual(documentParagraphs(after));
    expect(paragraphRedlineStats(rows)).toEqual({ changed: 1, inserted: 1, deleted: 1 });
  });

  it("gives only equal rows for the same text", () => {
    const text = "A\n\nB\n\nC";
    expect(redlineByParagraph(text, text.replace(/\n\n/g, "\r\n\r\n")).every((r) => r.kind === "equal")).toBe(true);
  });

  it("folds long unchanged stretches around a change, keeping the context on each side", () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i + 1}.`);
    const before = paragraphs.join("\n\n");
    const after = paragraphs.map((p, i) => (i === 99 ? "Paragraph one hundred, revised." : p)).join("\n\n");
    const rows = redlineByParagraph(before, after, { context: 2 });
    expect(rows.map((r) => (r.kind === "skip" ? `skip ${r.count}` : r.kind))).toEqual(["skip 97", "equal", "equal", "change", "equal", "equal", "skip 98"]);
  });

  it("stays fast on a long document with scattered changes", () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `Comment ${i} of a delegation on the discussion point, with some words.`);
    const changed = paragraphs.map((p, i) => (i % 1000 === 0 ? `${p} Added sentence.` : p));
    const started = performance.now();
    const rows = redlineByParagraph(paragraphs.join("\n\n"), changed.join("\n\n"), { context: 1 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(paragraphRedlineStats(rows)).toEqual({ changed: 20, inserted: 0, deleted: 0 });
  });
});
