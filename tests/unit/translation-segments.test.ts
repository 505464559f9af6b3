import { describe, expect, it } from "vitest";
import type { RedlineSegment } from "~/lib/redline";
import {
  alignSegments,
  joinTranslation,
  normalizeParagraphText,
  segmentParagraphs,
  translationFreshness,
  translationStatus,
  type TranslationState,
} from "~/lib/translation-segments";
import { chinaNote, franceNote, moroccoNote, peruNote, russiaNote, type Note } from "./submission-import.fixtures";

/** The body paragraphs of a delegation's note (no headings), as one comment would hold them. */
const commentOf = (note: Note, count: number) =>
  note.paragraphs
    .filter((p) => p.look === "p")
    .slice(0, count)
    .map((p) => p.text);

const afterOf = (segments: readonly RedlineSegment[] | null) =>
  (segments ?? [])
    .filter((s) => s.kind !== "delete")
    .map((s) => s.text)
    .join("");
const changes = (segments: readonly RedlineSegment[] | null) => (segments ?? []).filter((s) => s.kind !== "equal");

describe("segmentParagraphs", () => {
  it.each([
    ["Morocco (ar)", moroccoNote],
    ["Peru (es)", peruNote],
    ["France (fr)", franceNote],
    ["Russian Federation (ru)", russiaNote],
    ["China (zh)", chinaNote],
  ])("splits %s's note into its paragraphs without losing a character", (_name, note) => {
    const paragraphs = commentOf(note, 4);
    const text = paragraphs.join("\n\n");
    expect(segmentParagraphs(text)).toEqual(paragraphs);
    expect(segmentParagraphs(text).join("\n\n")).toBe(text);
  });

  it("keeps single line breaks inside a paragraph", () => {
    const text = "(ج) تقترح المملكة المغربية\nأن تشمل أنشطة بناء القدرات.\n\nوتؤكد المملكة المغربية على أهمية ذلك.";
    expect(segmentParagraphs(text)).toEqual(["(ج) تقترح المملكة المغربية\nأن تشمل أنشطة بناء القدرات.", "وتؤكد المملكة المغربية على أهمية ذلك."]);
  });

  it("reads CRLF, CR, several blank lines, whitespace-only lines and trailing spaces as one paragraph break", () => {
    const text = "  \r\n中方支持该建议。  \r\n\r\n \t\r\n\r\n关于建议5，中方认为技术援助应当尊重各国的司法主权。\u3000\r第二行\r\n\r\n";
    expect(segmentParagraphs(text)).toEqual(["中方支持该建议。", "关于建议5，中方认为技术援助应当尊重各国的司法主权。\n第二行"]);
    expect(normalizeParagraphText(text)).toBe(segmentParagraphs(text).join("\n\n"));
  });

  it("treats the Unicode paragraph and line separators as such", () => {
    expect(segmentParagraphs("Первый абзац.\u2029Второй абзац,\u2028вторая строка.")).toEqual(["Первый абзац.", "Второй абзац,\nвторая строка."]);
  });

  it("keeps leading indentation, punctuation and bidi-neutral characters", () => {
    const text = "    « Les États sont encouragés » ;\n\n（a）工作组应考虑编写关于电子证据的技术援助工具。\n\n«  » — ؟ ، ؛";
    expect(segmentParagraphs(text)).toEqual(["    « Les États sont encouragés » ;", "（a）工作组应考虑编写关于电子证据的技术援助工具。", "«  » — ؟ ، ؛"]);
  });

  it("gives no paragraphs for an empty or whitespace-only text", () => {
    expect(segmentParagraphs("")).toEqual([]);
    expect(segmentParagraphs(" \r\n\t\n\u3000\n")).toEqual([]);
  });

  it("normalizes idempotently and round-trips many paragraphs", () => {
    const paragraphs = Array.from({ length: 500 }, (_, i) => `Párrafo ${i + 1}: la Secretaría envía recordatorios.`);
    const messy = paragraphs.join(" \r\n\r\n\r\n");
    expect(segmentParagraphs(messy)).toEqual(paragraphs);
    const normalized = normalizeParagraphText(messy);
    expect(normalizeParagraphText(normalized)).toBe(normalized);
  });
});

describe("alignSegments and joinTranslation", () => {
  const original = commentOf(moroccoNote, 4).slice(1).join("\n\n"); // three Arabic paragraphs
  const english = [
    "(a) The Kingdom of Morocco supports this point and notes that it has updated its legislative records in the SHERLOC knowledge management portal.",
    "(c) The Kingdom of Morocco proposes that capacity-building activities include training judges and prosecutors in the use of the portal.",
    "The Kingdom of Morocco stresses the importance of providing these training activities in Arabic.",
  ];

  it("pairs each original paragraph with its translation when the counts match", () => {
    const alignment = alignSegments(original, english.join("\n\n"));
    expect(alignment.mismatch).toBeNull();
    expect(alignment.rows).toHaveLength(3);
    expect(alignment.rows[0]?.original.startsWith("(أ) تؤيد")).toBe(true);
    expect(alignment.rows[0]?.translation).toBe(english[0]);
    expect(alignment.rows[2]?.original).toBe("وتؤكد المملكة المغربية على أهمية توفير هذه الأنشطة التدريبية باللغة العربية.");
    expect(alignment.rows[2]?.translation).toBe(english[2]);
    expect(joinTranslation(alignment.rows)).toBe(english.join("\n\n"));
  });

  it("gives empty translation cells, without a mismatch, when nothing is translated yet", () => {
    const alignment = alignSegments(original, "  \r\n ");
    expect(alignment.rows.map((r) => r.translation)).toEqual(["", "", ""]);
    expect(alignment.mismatch).toBeNull();
    expect(joinTranslation(alignment.rows)).toBe("");
  });

  it("appends extra translation paragraphs to the last row and flags the mismatch", () => {
    const four = [...english.slice(0, 2), "The Kingdom of Morocco stresses", "the importance of Arabic."];
    const alignment = alignSegments(original, four.join("\r\n\r\n"));
    expect(alignment.mismatch).toEqual({ originalParagraphs: 3, translationParagraphs: 4 });
    expect(alignment.rows).toHaveLength(3);
    expect(alignment.rows[2]?.translation).toBe("The Kingdom of Morocco stresses\n\nthe importance of Arabic.");
    expect(joinTranslation(alignment.rows)).toBe(four.join("\n\n"));
  });

  it("leaves the last rows empty and flags the mismatch when the translation has fewer paragraphs", () => {
    const alignment = alignSegments(original, english[0] as string);
    expect(alignment.mismatch).toEqual({ originalParagraphs: 3, translationParagraphs: 1 });
    expect(alignment.rows.map((r) => r.translation)).toEqual([english[0], "", ""]);
    expect(joinTranslation(alignment.rows)).toBe(english[0]);
  });

  it("gives one row to type into for an empty original, holding all of a translation", () => {
    expect(alignSegments("", "")).toEqual({
      rows: [{ original: "", translation: "" }],
      originalParagraphs: 0,
      translationParagraphs: 0,
      mismatch: null,
    });
    const alignment = alignSegments("", "One.\n\nTwo.");
    expect(alignment.rows).toEqual([{ original: "", translation: "One.\n\nTwo." }]);
    expect(alignment.mismatch).toEqual({ originalParagraphs: 0, translationParagraphs: 2 });
  });

  it("joins edited rows: cells normalized, emptied cells dropped, blank lines inside a cell kept as breaks", () => {
    expect(
      joinTranslation([{ translation: "  Le Pérou appuie ce point.  \r\n" }, { translation: "" }, { translation: "Première partie.\n\n\n\nSeconde partie." }]),
    ).toBe("  Le Pérou appuie ce point.\n\nPremière partie.\n\nSeconde partie.");
  });

  it("round-trips any translation through align then join", () => {
    const samples = [
      "",
      "一段。",
      "a\n\nb\n\nc\n\nd\n\ne",
      "Первый.\r\n\r\nВторой,\r\nстрока.\r\n\r\n\r\n",
      Array.from({ length: 200 }, (_, i) => `Paragraph ${i}.`).join("\n\n"),
    ];
    for (const source of ["", original, "Uno.\n\nDos."]) {
      for (const translation of samples) {
        expect(joinTranslation(alignSegments(source, translation).rows)).toBe(normalizeParagraphText(translation));
      }
    }
  });
});

describe("translationFreshness", () => {
  const body = peruNote.paragraphs.find((p) => p.text.startsWith("(a) El Perú apoya"))?.text as string;
  const amendmentBody = "(b) El Perú propone la siguiente redacción:";
  const proposed =
    "Subject to availability of extrabudgetary resources, UNODC should develop and implement a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal in all official languages of the United Nations.";

  it("is current when the original is unchanged", () => {
    expect(translationFreshness({ sourceBody: body, sourceProposedText: null }, { body, proposedText: null })).toEqual({
      state: "current",
    });
  });

  it("is current when only whitespace between words changed (CRLF, reflowed lines, doubled spaces)", () => {
    const reflowed = body.replace("portal SHERLOC", "portal\r\nSHERLOC").replace("en marzo", "en  marzo");
    expect(
      translationFreshness({ sourceBody: body, sourceProposedText: proposed }, { body: reflowed, proposedText: proposed.replace(/ /g, "\u00A0") }),
    ).toEqual({ state: "current" });
  });

  it("is outdated with the redline of the body when a revision changed the wording", () => {
    const revised = body.replace("en marzo de 2020", "en abril de 2020");
    const freshness = translationFreshness({ sourceBody: body, sourceProposedText: null }, { body: revised, proposedText: null });
    expect(freshness.state).toBe("outdated");
    if (freshness.state !== "outdated") return;
    expect(freshness.proposedText).toBeNull();
    expect(changes(freshness.body)).toEqual([
      { kind: "delete", text: "marzo" },
      { kind: "insert", text: "abril" },
    ]);
    expect(afterOf(freshness.body)).toBe(revised);
  });

  it("reports an amendment's changed proposed text apart from its unchanged body", () => {
    const revised = proposed.replace(" in all official languages of the United Nations", "");
    const freshness = translationFreshness({ sourceBody: amendmentBody, sourceProposedText: proposed }, { body: amendmentBody, proposedText: revised });
    expect(freshness.state).toBe("outdated");
    if (freshness.state !== "outdated") return;
    expect(freshness.body).toBeNull();
    expect(changes(freshness.proposedText)).toEqual([{ kind: "delete", text: " in all official languages of the United Nations" }]);
  });

  it("counts a proposed text appearing or disappearing as a change", () => {
    const added = translationFreshness({ sourceBody: amendmentBody, sourceProposedText: null }, { body: amendmentBody, proposedText: proposed });
    expect(added.state === "outdated" && afterOf(added.proposedText)).toBe(proposed);
    const removed = translationFreshness({ sourceBody: amendmentBody, sourceProposedText: proposed }, { body: amendmentBody, proposedText: null });
    expect(removed.state === "outdated" && changes(removed.proposedText)).toEqual([{ kind: "delete", text: proposed }]);
    // An empty proposed text and none are the same wording.
    expect(translationFreshness({ sourceBody: "x", sourceProposedText: "" }, { body: "x", proposedText: null }).state).toBe("current");
  });

  it("marks changed Arabic, Chinese and Russian words", () => {
    const arabic = "وتؤكد المملكة المغربية على أهمية توفير هذه الأنشطة التدريبية باللغة العربية.";
    const ar = translationFreshness(
      { sourceBody: arabic, sourceProposedText: null },
      { body: arabic.replace("التدريبية", "التدريبية والتوعوية"), proposedText: null },
    );
    expect(ar.state === "outdated" && changes(ar.body)).toEqual([{ kind: "insert", text: "والتوعوية " }]);

    const chinese = "关于建议5，中方认为技术援助应当尊重各国的司法主权。";
    const zh = translationFreshness({ sourceBody: chinese, sourceProposedText: null }, { body: chinese.replace("应当", "必须"), proposedText: null });
    expect(zh.state === "outdated" && changes(zh.body)).toEqual([
      { kind: "delete", text: "应当" },
      { kind: "insert", text: "必须" },
    ]);

    const russian = "Российская Федерация поддерживает эту рекомендацию.";
    const ru = translationFreshness(
      { sourceBody: russian, sourceProposedText: null },
      { body: russian.replace("поддерживает", "не поддерживает"), proposedText: null },
    );
    expect(ru.state === "outdated" && changes(ru.body)).toEqual([{ kind: "insert", text: "не " }]);
  });

  it("counts a change of punctuation", () => {
    const french = "La France n’a pas d’observations sur ce point à ce stade.";
    const fr = translationFreshness({ sourceBody: french, sourceProposedText: null }, { body: french.replace(".", " !"), proposedText: null });
    expect(fr.state).toBe("outdated");
  });
});

describe("translationStatus", () => {
  const comment = { body: "中方支持该建议。", proposedText: null };
  const translated = (status: TranslationState["status"], sourceBody = comment.body): TranslationState => ({
    status,
    sourceBody,
    sourceProposedText: null,
  });

  it("is to do without a translation", () => {
    expect(translationStatus(null, comment)).toBe("todo");
  });

  it("is the translation's own status while the original is unchanged", () => {
    expect(translationStatus(translated("draft"), comment)).toBe("draft");
    expect(translationStatus(translated("final"), comment)).toBe("final");
    expect(translationStatus(translated("final", " 中方支持该建议。\r\n"), comment)).toBe("final");
  });

  it("is outdated, draft or final, once the original changed", () => {
    const revised = { body: "中方原则上支持该建议。", proposedText: null };
    expect(translationStatus(translated("draft"), revised)).toBe("outdated");
    expect(translationStatus(translated("final"), revised)).toBe("outdated");
    expect(translationStatus(translated("final"), { body: comment.body, proposedText: "工作组应考虑编写工具。" })).toBe("outdated");
  });
});
