import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18next";
import { LANGUAGE_CODES } from "~/i18n/languages";
import {
  MAX_COMMENT_LENGTH,
  SubmissionContentSchema,
  characterCount,
  checkDecisionReason,
  fieldErrors,
  fieldName,
  isEmptyContent,
  isIdempotencyKey,
  normalizeCommentText,
  parseSubmissionContent,
  proposalLabel,
  refusalMessage,
  revisionState,
  sameContent,
  textProblems,
  type SubmissionRefusal,
} from "~/lib/submission-rules";

const ITEM_2 = "11111111-1111-4111-8111-111111111111";
const ITEM_3 = "22222222-2222-4222-8222-222222222222";
const POINT_A = "33333333-3333-4333-8333-333333333333";
const POINT_B = "44444444-4444-4444-8444-444444444444";

function parse(input: unknown) {
  return parseSubmissionContent(input);
}
function issues(input: unknown) {
  const result = parse(input);
  if (result.ok) throw new Error("expected issues");
  return result.issues;
}

describe("the content of a submission", () => {
  it("accepts a comment in each of the six languages and keeps it exactly", () => {
    const texts = {
      ar: "يرحب وفد المغرب بالنقطة (أ)\u200F ويقترح إضافة «الدول الأطراف».",
      zh: "中国代表团支持要点(a)，并建议加强技术援助。",
      en: "The delegation of the United States supports point (a).",
      fr: "La délégation française appuie le point a) — « avec réserve ».",
      ru: "Делегация Российской Федерации поддерживает пункт (а).",
      es: "La delegación del Perú apoya el punto a) y propone añadir «de conformidad con el derecho interno».",
    };
    for (const language of LANGUAGE_CODES) {
      const result = parse({ language, general: [{ agendaItemId: ITEM_2, body: texts[language] }] });
      expect(result.ok, language).toBe(true);
      if (result.ok) expect(result.content.general[0]!.body).toBe(texts[language]);
    }
  });

  it("refuses an unknown language code with its own message", () => {
    for (const language of ["de", "EN", "", null, undefined, 3]) {
      expect(issues({ language, general: [] })).toEqual([{ field: "language", message: "submissions:errors.languageUnknown" }]);
    }
  });

  it("stores HTML and script as text, unchanged", () => {
    const body = `<script>alert("x")</script> <b>bold</b> &amp; <img src=x onerror=alert(1)>`;
    const result = parse({ language: "en", points: [{ pointId: POINT_A, body, proposedText: "<i>new</i> text" }] });
    expect(result.ok && result.content.points[0]).toEqual({ pointId: POINT_A, body, proposedText: "<i>new</i> text" });
  });

  it("normalizes line breaks of every system, and trims the whole text only", () => {
    expect(normalizeCommentText("  First\r\nsecond\rthird\u2028fourth\u2029fifth\u0085sixth\vseventh\feighth  \n\n")).toBe(
      "First\nsecond\nthird\nfourth\nfifth\nsixth\nseventh\neighth",
    );
    expect(normalizeCommentText("keeps\tthe  inner   spacing")).toBe("keeps\tthe  inner   spacing");
  });

  it("drops empty comments and keeps the others in order", () => {
    const result = parse({
      language: "es",
      general: [
        { agendaItemId: ITEM_2, body: "   " },
        { agendaItemId: ITEM_3, body: "Sobre el tema 3." },
      ],
      points: [
        { pointId: POINT_A, body: "", proposedText: null },
        { pointId: POINT_B, body: " \r\n " },
      ],
      proposals: [{ agendaItemId: ITEM_2, body: "" }],
    });
    expect(result.ok && result.content).toEqual({
      language: "es",
      general: [{ agendaItemId: ITEM_3, body: "Sobre el tema 3." }],
      points: [],
      proposals: [],
    });
    expect(result.ok && result.sources).toEqual({ general: [1], points: [], proposals: [] });
  });

  it("keeps an amendment without a comment, and an empty amendment as a proposal to delete the point", () => {
    const result = parse({
      language: "en",
      points: [
        { pointId: POINT_A, proposedText: "States parties should update their records." },
        { pointId: POINT_B, body: "Delete this point.", proposedText: "   " },
      ],
    });
    expect(result.ok && result.content.points).toEqual([
      { pointId: POINT_A, body: "", proposedText: "States parties should update their records." },
      { pointId: POINT_B, body: "Delete this point.", proposedText: "" },
    ]);
  });

  it("letters new proposals (a), (b), … within each agenda item, ignoring labels sent", () => {
    const result = parse({
      language: "fr",
      proposals: [
        { agendaItemId: ITEM_2, label: "(z)", body: "Première proposition." },
        { agendaItemId: ITEM_3, body: "Sur le point 3." },
        { agendaItemId: ITEM_2, body: "" },
        { agendaItemId: ITEM_2, label: "<b>", body: "Deuxième proposition." },
      ],
    });
    expect(result.ok && result.content.proposals).toEqual([
      { agendaItemId: ITEM_2, label: "(a)", body: "Première proposition." },
      { agendaItemId: ITEM_3, label: "(a)", body: "Sur le point 3." },
      { agendaItemId: ITEM_2, label: "(b)", body: "Deuxième proposition." },
    ]);
    expect(result.ok && result.sources.proposals).toEqual([0, 1, 3]);
  });

  it("labels past (z) as the UN does", () => {
    expect([0, 1, 25, 26, 27, 52].map(proposalLabel)).toEqual(["(a)", "(b)", "(z)", "(aa)", "(bb)", "(aaa)"]);
  });

  it("refuses a text over 50,000 characters, counting characters as readers do", () => {
    const chinese = "技".repeat(MAX_COMMENT_LENGTH);
    expect(parse({ language: "zh", general: [{ agendaItemId: ITEM_2, body: chinese }] }).ok).toBe(true);
    // 50,000 emoji are 100,000 UTF-16 units but 50,000 characters.
    expect(parse({ language: "en", general: [{ agendaItemId: ITEM_2, body: "🌍".repeat(MAX_COMMENT_LENGTH) }] }).ok).toBe(true);
    expect(issues({ language: "en", points: [{ pointId: POINT_A, body: "x".repeat(MAX_COMMENT_LENGTH + 1) }] })).toEqual([
      { field: "points[0].body", message: "submissions:errors.tooLong", values: { length: MAX_COMMENT_LENGTH + 1, max: MAX_COMMENT_LENGTH } },
    ]);
    expect(issues({ language: "en", points: [{ pointId: POINT_A, proposedText: "y".repeat(MAX_COMMENT_LENGTH + 5) }] })[0]).toMatchObject({
      field: "points[0].proposedText",
      message: "submissions:errors.tooLong",
    });
    // Windows line breaks count once: the limit is on the stored text.
    expect(parse({ language: "en", general: [{ agendaItemId: ITEM_2, body: "a\r\n".repeat(MAX_COMMENT_LENGTH / 2) }] }).ok).toBe(true);
    expect(characterCount("a🌍b")).toBe(3);
  });

  it("refuses control characters, naming the character and where it is", () => {
    // NUL is named as a damaged character: no person types it (a display fault inserted it).
    expect(issues({ language: "en", general: [{ agendaItemId: ITEM_2, body: "Text\u0000with a NUL" }] })).toEqual([
      { field: "general[0].body", message: "submissions:errors.lostCharacter", values: { code: "U+0000", position: 5 } },
    ]);
    for (const char of ["\u0007", "\u001B", "\u007F", "\u0080", "\u009B"]) {
      expect(
        textProblems(`a${char}b`).map((p) => p.message),
        JSON.stringify(char),
      ).toEqual(["submissions:errors.controlCharacter"]);
    }
    // Tabs and line breaks are ordinary text.
    expect(textProblems(normalizeCommentText("a\tb\nc\r\nd\ve"))).toEqual([]);
  });

  it("refuses bidi overrides, embeddings and isolates, and keeps the marks Arabic needs", () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const problems = textProblems(`abc${String.fromCodePoint(code)}def`);
      expect(problems).toEqual([{ message: "submissions:errors.bidiControl", values: { code: `U+${code.toString(16).toUpperCase()}`, position: 4 } }]);
    }
    // RLM, LRM, ALM, ZWJ, ZWNJ: needed by Arabic, Persian and Indic scripts.
    expect(textProblems("مرحبا\u200F \u200E \u061C ک\u200Cه \u200D")).toEqual([]);
    // The position counts characters, not UTF-16 units.
    expect(textProblems("🌍🌍\u202E")[0]!.values).toEqual({ code: "U+202E", position: 3 });
  });

  it("reports every problem of a forged content at its field, and changes nothing", () => {
    const found = issues({
      language: "en",
      general: [
        { agendaItemId: "not-an-id", body: "x" },
        { agendaItemId: ITEM_2, body: "one" },
        { agendaItemId: ITEM_2, body: "two" },
      ],
      points: [
        { pointId: POINT_A, body: "a" },
        { pointId: POINT_A, proposedText: "b" },
        { pointId: 42, body: "c" },
        { pointId: POINT_B, body: { html: true } },
      ],
    });
    expect(found).toEqual([
      { field: "general[0].agendaItemId", message: "submissions:errors.agendaItemUnknown" },
      { field: "points[2].pointId", message: "submissions:errors.pointUnknown" },
      { field: "points[3].body", message: "submissions:errors.invalid" },
    ]);
    // Duplicates are checked once the entries themselves are valid.
    expect(
      issues({
        language: "en",
        general: [
          { agendaItemId: ITEM_2, body: "one" },
          { agendaItemId: ITEM_2, body: "two" },
        ],
        points: [
          { pointId: POINT_A, body: "a" },
          { pointId: POINT_A, proposedText: "b" },
        ],
      }),
    ).toEqual([
      { field: "general[1].agendaItemId", message: "submissions:errors.duplicateAgendaItem" },
      { field: "points[1].pointId", message: "submissions:errors.duplicatePoint" },
    ]);
    expect(issues("not an object")).toEqual([{ field: "", message: "submissions:errors.invalid" }]);
    expect(issues({ language: "en", general: "x" })).toEqual([{ field: "general", message: "submissions:errors.invalid" }]);
  });

  it("refuses too many entries and a submission too long as a whole", () => {
    const many = Array.from({ length: 201 }, () => ({ agendaItemId: ITEM_2, body: "x" }));
    expect(issues({ language: "en", general: many })).toContainEqual({
      field: "general",
      message: "submissions:errors.tooManyEntries",
      values: { max: 200 },
    });
    const long = Array.from({ length: 41 }, (_, i) => ({
      pointId: `33333333-3333-4333-8333-${String(i).padStart(12, "0")}`,
      body: "x".repeat(MAX_COMMENT_LENGTH),
    }));
    expect(issues({ language: "en", points: long })).toEqual([{ field: "", message: "submissions:errors.submissionTooLong", values: { max: 2_000_000 } }]);
  });

  it("works as a Zod schema (for Conform) with the same normalization", () => {
    const parsed = SubmissionContentSchema.parse({ language: "ru", proposals: [{ agendaItemId: ITEM_2, body: " Новое\r\nпредложение " }] });
    expect(parsed).toEqual({ language: "ru", general: [], points: [], proposals: [{ agendaItemId: ITEM_2, label: "(a)", body: "Новое\nпредложение" }] });
  });

  it("groups issues by field for forms, with Conform's field names", () => {
    expect(fieldName(["points", 2, "body"])).toBe("points[2].body");
    expect(fieldName([])).toBe("");
    expect(
      fieldErrors([
        { field: "points[0].body", message: "a" },
        { field: "points[0].body", message: "b" },
        { field: "language", message: "c" },
      ]),
    ).toEqual({ "points[0].body": ["a", "b"], language: ["c"] });
  });

  it("compares contents and knows an empty one", () => {
    const a = parse({ language: "en", general: [{ agendaItemId: ITEM_2, body: "x" }] });
    const b = parse({ language: "en", general: [{ agendaItemId: ITEM_2, body: " x\r\n" }] });
    expect(a.ok && b.ok && sameContent(a.content, b.content)).toBe(true);
    const c = parse({ language: "fr", general: [{ agendaItemId: ITEM_2, body: "x" }] });
    expect(a.ok && c.ok && sameContent(a.content, c.content)).toBe(false);
    const empty = parse({ language: "en", general: [{ agendaItemId: ITEM_2, body: "" }] });
    expect(empty.ok && isEmptyContent(empty.content)).toBe(true);
  });
});

describe("the other inputs", () => {
  it("accepts idempotency keys a browser makes, and nothing else", () => {
    expect(isIdempotencyKey("0b6f7e2c-5c1d-4a8e-9f3b-2d7c1e0a9b8c")).toBe(true);
    expect(isIdempotencyKey("submit:1234abcd")).toBe(true);
    for (const bad of ["", "short", "x".repeat(101), "has space 12345", "<script>alert</script>", 12345678, null]) {
      expect(isIdempotencyKey(bad), String(bad)).toBe(false);
    }
  });

  it("requires a reason for a decision on a late submission", () => {
    expect(checkDecisionReason("  Received by email on time; the upload failed. ")).toEqual({
      ok: true,
      reason: "Received by email on time; the upload failed.",
    });
    expect(checkDecisionReason(" \n ")).toEqual({ ok: false, refusal: "reason_required" });
    expect(checkDecisionReason(undefined)).toEqual({ ok: false, refusal: "reason_required" });
    expect(checkDecisionReason("x".repeat(2001))).toEqual({ ok: false, refusal: "reason_too_long" });
    expect(checkDecisionReason("ok\u202Eko")).toEqual({ ok: false, refusal: "invalid" });
  });

  it("tells where a revision stands", () => {
    const base = { supersededAt: null, withdrawnAt: null, late: null };
    const at = new Date();
    expect(revisionState(base)).toBe("current");
    expect(revisionState({ ...base, late: "accepted" })).toBe("current");
    expect(revisionState({ ...base, late: "pending" })).toBe("pending");
    expect(revisionState({ ...base, late: "declined" })).toBe("declined");
    expect(revisionState({ ...base, supersededAt: at })).toBe("superseded");
    expect(revisionState({ ...base, late: "declined", supersededAt: at })).toBe("declined");
    expect(revisionState({ ...base, withdrawnAt: at, supersededAt: at })).toBe("withdrawn");
  });
});

describe("the messages", () => {
  const keys = [
    "invalid",
    "languageUnknown",
    "tooLong",
    "submissionTooLong",
    "controlCharacter",
    "lostCharacter",
    "bidiControl",
    "agendaItemUnknown",
    "pointUnknown",
    "duplicateAgendaItem",
    "duplicatePoint",
    "tooManyEntries",
  ];
  const refusals: SubmissionRefusal[] = [
    "not_found",
    "invalid",
    "not_open",
    "deadline_passed",
    "conflict",
    "stale_draft",
    "empty",
    "not_submitted",
    "not_pending",
    "reason_required",
    "reason_too_long",
    "extension_not_later",
    "extension_past",
    "idempotency_key_invalid",
  ];

  for (const language of LANGUAGE_CODES) {
    it(`${language}: every validation message and refusal is translated, with its values`, () => {
      const { t } = createI18n(language);
      const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string;
      for (const key of [...keys.map((k) => `submissions:errors.${k}`), ...refusals.map(refusalMessage)]) {
        const text = translate(key, { length: 50_123, max: 50_000, code: "U+202E", position: 17 });
        expect(text, key).not.toBe(key.replace("submissions:", ""));
        expect(text, key).not.toMatch(/\{\{|errors\./);
      }
      const tooLong = translate("submissions:errors.tooLong", { length: 50_123, max: 50_000 });
      expect(tooLong).toMatch(/50[\s,.\u00a0\u202f٬]?123|٥٠٬?١٢٣/);
      expect(translate("submissions:errors.bidiControl", { code: "U+202E", position: 17 })).toContain("U+202E");
    });
  }
});
