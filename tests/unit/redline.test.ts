import { describe, expect, it } from "vitest";
import { readReferenceReport } from "../../db/files";
import { pendingPassages, redline, redlineStats, type RedlineSegment } from "../../app/lib/redline";

const report2020 = readReferenceReport("wg2-2020-draft-report.txt");

// Point (b) of the WG.2 2020 draft report, read from the reference text.
const pointB = (() => {
  const line = report2020.split("\n").find((l) => l.startsWith("(b) Subject to availability"));
  if (!line) throw new Error("point (b) not found in the reference report");
  return line.slice("(b) ".length).trim();
})();

const seg = (kind: RedlineSegment["kind"], text: string): RedlineSegment => ({ kind, text });
const eq = (text: string) => seg("equal", text);
const ins = (text: string) => seg("insert", text);
const del = (text: string) => seg("delete", text);

const beforeOf = (segments: RedlineSegment[]) =>
  segments
    .filter((s) => s.kind !== "insert")
    .map((s) => s.text)
    .join("");
const afterOf = (segments: RedlineSegment[]) =>
  segments
    .filter((s) => s.kind !== "delete")
    .map((s) => s.text)
    .join("");
const collapse = (text: string) => text.replace(/\s+/gu, " ");

/** Breaches of the documented guarantees (plain checks: cheap enough to run thousands of times). */
function invariantErrors(before: string, after: string, segments: RedlineSegment[]): string[] {
  const errors: string[] = [];
  if (afterOf(segments) !== after) errors.push("equal+insert differs from after");
  if (collapse(beforeOf(segments)) !== collapse(before)) errors.push("equal+delete differs from before");
  segments.forEach((s, index) => {
    if (s.text === "") errors.push(`empty segment at ${index}`);
    const next = segments[index + 1];
    if (next && next.kind === s.kind) errors.push(`unmerged ${s.kind} segments at ${index}`);
    if (next && s.kind === "insert" && next.kind === "delete") errors.push(`insert before delete at ${index}`);
  });
  return errors;
}

function expectInvariants(before: string, after: string, segments: RedlineSegment[]) {
  expect(invariantErrors(before, after, segments), JSON.stringify({ before, after })).toEqual([]);
}

describe("redline on point (b) of the WG.2 2020 draft report", () => {
  it("reads the point from the reference report", () => {
    expect(pointB).toBe(
      "Subject to availability of extrabudgetary resources, UNODC should develop a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal.",
    );
  });

  it("marks an inserted phrase only, with the space that follows it", () => {
    const after = pointB.replace("develop a", "develop and implement a");
    const r = redline(pointB, after);
    expect(r).toEqual([
      eq("Subject to availability of extrabudgetary resources, UNODC should develop "),
      ins("and implement "),
      eq("a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal."),
    ]);
    expect(beforeOf(r)).toBe(pointB);
    expect(afterOf(r)).toBe(after);
    expect(redlineStats(r)).toEqual({ inserted: 2, deleted: 0 });
  });

  it("the short example from the brief", () => {
    expect(redline("UNODC should develop a dissemination plan.", "UNODC should develop and implement a dissemination plan.")).toEqual([
      eq("UNODC should develop "),
      ins("and implement "),
      eq("a dissemination plan."),
    ]);
  });

  it("marks a deleted phrase only", () => {
    const after = pointB.replace("Subject to availability of extrabudgetary resources, ", "");
    const r = redline(pointB, after);
    expect(r).toEqual([
      del("Subject to availability of extrabudgetary resources, "),
      eq("UNODC should develop a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal."),
    ]);
    expect(beforeOf(r)).toBe(pointB);
    expect(redlineStats(r)).toEqual({ inserted: 0, deleted: 6 });
  });

  it("marks a deletion in the middle with the space that follows it", () => {
    const after = pointB.replace("knowledge management portal", "portal");
    expect(redline(pointB, after)).toEqual([
      eq("Subject to availability of extrabudgetary resources, UNODC should develop a dissemination plan to raise awareness on the usefulness of the SHERLOC "),
      del("knowledge management "),
      eq("portal."),
    ]);
  });

  it("marks the last word deleted with the space before it", () => {
    const r = redline("to raise awareness on the portal", "to raise awareness on the");
    expect(r).toEqual([eq("to raise awareness on the"), del(" portal")]);
  });

  it("marks a replaced word without its surrounding spaces", () => {
    const after = pointB.replace("dissemination plan", "dissemination strategy");
    const r = redline(pointB, after);
    expect(r).toEqual([
      eq("Subject to availability of extrabudgetary resources, UNODC should develop a dissemination "),
      del("plan"),
      ins("strategy"),
      eq(" to raise awareness on the usefulness of the SHERLOC knowledge management portal."),
    ]);
    expect(redlineStats(r)).toEqual({ inserted: 1, deleted: 1 });
  });

  it("marks a replaced word before punctuation without the punctuation", () => {
    const after = pointB.replace("portal.", "platform.");
    expect(redline(pointB, after).slice(-3)).toEqual([del("portal"), ins("platform"), eq(".")]);
  });

  it("marks only the changed punctuation", () => {
    const after = pointB.replace("resources,", "resources;");
    const r = redline(pointB, after);
    expect(r).toEqual([
      eq("Subject to availability of extrabudgetary resources"),
      del(","),
      ins(";"),
      eq(" UNODC should develop a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal."),
    ]);
    expect(redlineStats(r)).toEqual({ inserted: 0, deleted: 0 });
  });

  it("marks the final full stop replaced by a semicolon", () => {
    expect(redline(pointB, pointB.replace(/\.$/u, ";")).slice(-3)).toEqual([eq(pointB.slice(0, -1)), del("."), ins(";")]);
  });

  it("marks only the brackets put around a phrase", () => {
    const after = pointB.replace("Subject to availability of extrabudgetary resources,", "[Subject to availability of extrabudgetary resources,]");
    const r = redline(pointB, after);
    expect(r).toEqual([
      ins("["),
      eq("Subject to availability of extrabudgetary resources,"),
      ins("]"),
      eq(" UNODC should develop a dissemination plan to raise awareness on the usefulness of the SHERLOC knowledge management portal."),
    ]);
    expect(redlineStats(r)).toEqual({ inserted: 0, deleted: 0 });
  });

  it("marks only the brackets removed when a phrase is agreed", () => {
    const bracketed = pointB.replace("to raise awareness", "[to raise awareness]");
    const r = redline(bracketed, pointB);
    expect(r.filter((s) => s.kind !== "equal")).toEqual([del("["), del("]")]);
    expect(beforeOf(r)).toBe(bracketed);
  });

  it("produces no change at all for whitespace-only edits, taking the new whitespace", () => {
    const after = pointB.replace("resources, UNODC", "resources,  UNODC").replace("plan to", "plan\nto").replace("the SHERLOC", "the\u00a0SHERLOC");
    const r = redline(pointB, after);
    expect(r).toEqual([eq(after)]);
    expect(r.some((s) => s.kind !== "equal")).toBe(false);
    expect(collapse(beforeOf(r))).toBe(collapse(pointB));
  });

  it("ignores leading and trailing whitespace changes when both sides have some", () => {
    expect(redline(`  ${pointB}\n`, `\n${pointB} `)).toEqual([eq(`\n${pointB} `)]);
  });

  it("marks whitespace that exists on one side only", () => {
    expect(redline(pointB, `${pointB}\n`)).toEqual([eq(pointB), ins("\n")]);
    expect(redline("capacity building", "capacity-building")).toEqual([eq("capacity"), del(" "), ins("-"), eq("building")]);
  });

  it("returns one equal segment for identical texts", () => {
    expect(redline(pointB, pointB)).toEqual([eq(pointB)]);
  });

  it("returns one insert segment when before is empty", () => {
    expect(redline("", pointB)).toEqual([ins(pointB)]);
    expect(redlineStats(redline("", pointB))).toEqual({ inserted: 24, deleted: 0 });
  });

  it("returns one delete segment when after is empty", () => {
    expect(redline(pointB, "")).toEqual([del(pointB)]);
    expect(redlineStats(redline(pointB, ""))).toEqual({ inserted: 0, deleted: 24 });
  });

  it("returns nothing for two empty texts", () => {
    expect(redline("", "")).toEqual([]);
  });

  it("puts the deletion before the insertion when a phrase is rewritten", () => {
    const after = pointB.replace("to raise awareness on the usefulness of", "to promote");
    const r = redline(pointB, after);
    expect(r).toEqual([
      eq("Subject to availability of extrabudgetary resources, UNODC should develop a dissemination plan to "),
      del("raise awareness on the usefulness of"),
      ins("promote"),
      eq(" the SHERLOC knowledge management portal."),
    ]);
    expect(redlineStats(r)).toEqual({ inserted: 1, deleted: 6 });
  });
});

describe("redline tokens", () => {
  it("treats curly quotes as tokens of their own", () => {
    const r = redline("the “usefulness” of SHERLOC", "the ‘usefulness’ of SHERLOC");
    expect(r).toEqual([eq("the "), del("“"), ins("‘"), eq("usefulness"), del("”"), ins("’"), eq(" of SHERLOC")]);
  });

  it("treats parentheses as tokens of their own", () => {
    expect(redline("Venezuela (Bolivarian Republic of)", "Venezuela (Bolivarian Republic of),")).toEqual([eq("Venezuela (Bolivarian Republic of)"), ins(",")]);
    expect(redline("(CTOC/COP/WG.2/2020/2)", "(CTOC/COP/WG.2/2020/3)")).toEqual([eq("(CTOC/COP/WG.2/2020/"), del("2"), ins("3"), eq(")")]);
  });

  it("treats hyphens and en dashes as tokens of their own", () => {
    expect(redline("capacity-building activities", "capacity–building activities")).toEqual([eq("capacity"), del("-"), ins("–"), eq("building activities")]);
    expect(redline("2020–2021", "2020–2022")).toEqual([eq("2020–"), del("2021"), ins("2022")]);
    expect(redline("capacity-building", "institution-building")).toEqual([del("capacity"), ins("institution"), eq("-building")]);
  });

  it("keeps decomposed accents with their letter", () => {
    const r = redline("un cafe\u0301 noir", "un cafe noir");
    expect(r).toEqual([eq("un "), del("cafe\u0301"), ins("cafe"), eq(" noir")]);
  });

  it("does not mark a whole word for a change of case elsewhere", () => {
    expect(redline("States parties", "States Parties")).toEqual([eq("States "), del("parties"), ins("Parties")]);
  });
});

describe("redline in the other UN languages", () => {
  it("Arabic: one word replaced", () => {
    const before = "رهنا بتوافر موارد من خارج الميزانية، ينبغي للمكتب أن يضع خطة لنشر المعلومات.";
    const after = "رهنا بتوافر موارد من خارج الميزانية، ينبغي للمكتب أن يعدّ خطة لنشر المعلومات.";
    const r = redline(before, after);
    expect(r).toEqual([eq("رهنا بتوافر موارد من خارج الميزانية، ينبغي للمكتب أن "), del("يضع"), ins("يعدّ"), eq(" خطة لنشر المعلومات.")]);
    expect(redlineStats(r)).toEqual({ inserted: 1, deleted: 1 });
  });

  it("Arabic: harakat stay with their word, the Arabic comma is punctuation", () => {
    expect(redline("وضع خُطَّة للنشر", "وضع خطة للنشر")).toEqual([eq("وضع "), del("خُطَّة"), ins("خطة"), eq(" للنشر")]);
    expect(redline("الميزانية، ينبغي", "الميزانية؛ ينبغي")).toEqual([eq("الميزانية"), del("،"), ins("؛"), eq(" ينبغي")]);
  });

  it("Russian: phrase inserted and word replaced", () => {
    const before = "При условии наличия внебюджетных ресурсов ЮНОДК следует разработать план распространения информации.";
    expect(redline(before, before.replace("разработать план", "разработать и осуществить план"))).toEqual([
      eq("При условии наличия внебюджетных ресурсов ЮНОДК следует разработать "),
      ins("и осуществить "),
      eq("план распространения информации."),
    ]);
    const r = redline(before, before.replace("разработать", "подготовить"));
    expect(r).toEqual([
      eq("При условии наличия внебюджетных ресурсов ЮНОДК следует "),
      del("разработать"),
      ins("подготовить"),
      eq(" план распространения информации."),
    ]);
    expect(redlineStats(r)).toEqual({ inserted: 1, deleted: 1 });
  });

  it("Chinese: one character inserted is marked alone", () => {
    const before = "在有预算外资源的情况下，毒品和犯罪问题办公室应制定一项传播计划。";
    const after = "在有预算外资源的情况下，毒品和犯罪问题办公室应当制定一项传播计划。";
    const r = redline(before, after);
    expect(r).toEqual([eq("在有预算外资源的情况下，毒品和犯罪问题办公室应"), ins("当"), eq("制定一项传播计划。")]);
    expect(redlineStats(r)).toEqual({ inserted: 1, deleted: 0 });
  });

  it("Chinese: diffed per character, full-width punctuation is a token", () => {
    const r = redline("制定一项传播计划。", "制定一项宣传战略；");
    // 传 is common to 传播 and 宣传, so it stays unmarked.
    expect(r).toEqual([eq("制定一项"), ins("宣"), eq("传"), del("播计划。"), ins("战略；")]);
    expect(redlineStats(r)).toEqual({ inserted: 3, deleted: 3 });
    expect(redline("计划。", "计划；")).toEqual([eq("计划"), del("。"), ins("；")]);
  });

  it("Japanese: kana and kanji diffed per character", () => {
    expect(redline("計画を作成する", "計画を策定する")).toEqual([eq("計画を"), del("作成"), ins("策定"), eq("する")]);
  });

  it("French: apostrophes and non-breaking spaces", () => {
    const before =
      "Sous réserve de la disponibilité de ressources extrabudgétaires, l’ONUDC devrait élaborer un plan de diffusion\u00a0; il s'agit de «\u00a0sensibiliser\u00a0» les États.";
    // Regular spaces instead of no-break spaces: no change at all.
    const spaced = before.replace(/\u00a0/gu, " ");
    expect(redline(before, spaced)).toEqual([eq(spaced)]);

    // A straight apostrophe made typographic: only the apostrophe is marked.
    const typographic = before.replace("s'agit", "s’agit");
    const r1 = redline(before, typographic);
    expect(r1.filter((s) => s.kind !== "equal")).toEqual([del("'"), ins("’")]);

    // An elided article changed: only the article is marked, not the noun.
    const r2 = redline(before, before.replace("l’ONUDC", "de l’ONUDC"));
    expect(r2.filter((s) => s.kind !== "equal")).toEqual([ins("de ")]);
    expect(redline("l’ONUDC", "d’ONUDC")).toEqual([del("l"), ins("d"), eq("’ONUDC")]);

    // An insertion next to a no-break space keeps the no-break space.
    const after = before.replace("élaborer un", "élaborer et mettre en œuvre un");
    const r3 = redline(before, after);
    expect(r3.filter((s) => s.kind !== "equal")).toEqual([ins("et mettre en œuvre ")]);
    expect(beforeOf(r3)).toBe(before);
    expect(afterOf(r3)).toBe(after);
    expect(redlineStats(r3)).toEqual({ inserted: 4, deleted: 0 });
  });

  it("Spanish: one word replaced, inverted punctuation is a token", () => {
    const before = "La ONUDD debería elaborar un plan de difusión.";
    expect(redline(before, before.replace("elaborar", "preparar"))).toEqual([
      eq("La ONUDD debería "),
      del("elaborar"),
      ins("preparar"),
      eq(" un plan de difusión."),
    ]);
    expect(redline("¿Debería?", "Debería")).toEqual([del("¿"), eq("Debería"), del("?")]);
  });
});

describe("redline invariants", () => {
  // Deterministic PRNG (mulberry32) so failures are reproducible.
  function rng(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const words = [
    ...pointB.split(" "),
    "States",
    "parties",
    "UNODC",
    "SHERLOC",
    "the",
    "of",
    "and",
    "co-operation",
    "2020–2021",
    "ينبغي",
    "للمكتب",
    "خُطَّة",
    "ЮНОДК",
    "следует",
    "план",
    "l’ONUDC",
    "s'agit",
    "élaborer",
    "cafe\u0301",
    "办公室",
    "应",
    "制定",
    "计划。",
    "“usefulness”",
    "(a)",
    "[pending]",
    "[",
    "]",
    ",",
    ";",
    ".",
    "—",
    "🙂",
    "\u0301",
  ];
  const spaces = [" ", " ", " ", " ", "  ", "\n", "\u00a0", "\t", ""];

  const pieces = (random: () => number, n: number) => Array.from({ length: n }, () => ({ word: pick(random, words), space: pick(random, spaces) }));
  const join = (ps: { word: string; space: string }[]) => ps.map((p) => p.word + p.space).join("");

  it("holds for many random edits of multilingual text", () => {
    const random = rng(20200709);
    for (let c = 0; c < 400; c++) {
      const before = pieces(random, Math.floor(random() * 40));
      const after = before.flatMap((p) => {
        const r = random();
        if (r < 0.1) return [];
        if (r < 0.2) return [{ word: pick(random, words), space: p.space }];
        if (r < 0.3) return [p, { word: pick(random, words), space: pick(random, spaces) }];
        if (r < 0.4) return [{ word: p.word, space: pick(random, spaces) }];
        return [p];
      });
      const b = join(before);
      const a = join(after);
      expectInvariants(b, a, redline(b, a));
      expectInvariants(a, b, redline(a, b));
    }
  });

  it("holds for random character soup", () => {
    const random = rng(42);
    const alphabet = ["a", "b", "é", "e\u0301", " ", "  ", "\n", ",", "[", "]", "中", "文", "ب", "й", "’", "-", "–", "🙂"];
    for (let c = 0; c < 400; c++) {
      const make = () => Array.from({ length: Math.floor(random() * 30) }, () => pick(random, alphabet)).join("");
      const b = make();
      const a = make();
      expectInvariants(b, a, redline(b, a));
    }
  });

  it("rebuilds before exactly when all whitespace is single spaces", () => {
    const random = rng(7);
    for (let c = 0; c < 300; c++) {
      const before = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pick(random, words));
      const after = before.flatMap((w) => {
        const r = random();
        if (r < 0.15) return [];
        if (r < 0.3) return [pick(random, words)];
        if (r < 0.45) return [w, pick(random, words)];
        return [w];
      });
      const b = before.join(" ");
      const a = after.join(" ");
      const r = redline(b, a);
      expect(beforeOf(r)).toBe(b);
      expect(afterOf(r)).toBe(a);
    }
  });

  it("handles a 2,000-word point against a heavily edited version", () => {
    const source = readReferenceReport("wg2-2023-report.txt").split(/\s+/u).filter(Boolean);
    expect(source.length).toBeGreaterThanOrEqual(2000);
    const original = source.slice(0, 2000);
    const random = rng(2023);
    let changedWords = 0;
    const edited = original.flatMap((w) => {
      const r = random();
      if (r < 0.1) {
        changedWords++;
        return [];
      }
      if (r < 0.2) {
        changedWords++;
        return [pick(random, source)];
      }
      if (r < 0.3) {
        changedWords++;
        return [w, pick(random, source)];
      }
      return [w];
    });
    const before = original.join(" ");
    const after = edited.join(" ");
    const r = redline(before, after);
    expectInvariants(before, after, r);
    expect(beforeOf(r)).toBe(before);
    // The unchanged 70 % must mostly survive as equal text, not as one big replacement.
    const equalChars = r.filter((s) => s.kind === "equal").reduce((n, s) => n + s.text.length, 0);
    expect(equalChars).toBeGreaterThan(before.length * 0.6);
    const stats = redlineStats(r);
    expect(stats.deleted).toBeGreaterThan(0);
    expect(stats.deleted).toBeLessThan(changedWords * 3);

    // Unrelated texts of the same size: still valid (and fast) even with no anchors.
    const shuffled = [...original].sort(() => random() - 0.5).join(" ");
    expectInvariants(before, shuffled, redline(before, shuffled));
    const unrelated = Array.from({ length: 2000 }, (_, k) => `w${k}`).join(" ");
    expect(redline(before, unrelated)).toEqual([del(before), ins(unrelated)]);
  });
});

describe("redlineStats", () => {
  it("counts words, not punctuation or whitespace", () => {
    expect(redlineStats([eq("UNODC should "), del("develop, "), ins("develop and implement (urgently) "), eq("a plan.")])).toEqual({ inserted: 4, deleted: 1 });
  });

  it("counts each CJK character as one word", () => {
    expect(redlineStats([ins("宣传战略；"), del("plan")])).toEqual({ inserted: 4, deleted: 1 });
  });

  it("counts numbers and words with combining marks once", () => {
    expect(redlineStats([ins("2020 cafe\u0301 خُطَّة")])).toEqual({ inserted: 3, deleted: 0 });
  });

  it("is zero for no changes", () => {
    expect(redlineStats([])).toEqual({ inserted: 0, deleted: 0 });
    expect(redlineStats(redline(pointB, pointB))).toEqual({ inserted: 0, deleted: 0 });
  });
});

describe("pendingPassages", () => {
  const rebuild = (runs: { text: string }[]) => runs.map((r) => r.text).join("");

  it("returns the whole text as agreed when there are no brackets", () => {
    expect(pendingPassages(pointB)).toEqual([{ text: pointB, pending: false }]);
  });

  it("returns nothing for an empty text", () => {
    expect(pendingPassages("")).toEqual([]);
  });

  it("marks a bracketed passage as pending, brackets included", () => {
    const text =
      "At its 1st meeting, on 9 July, the Working Group of Government Experts on Technical Assistance adopted the following agenda [as orally amended]:";
    expect(pendingPassages(text)).toEqual([
      {
        text: "At its 1st meeting, on 9 July, the Working Group of Government Experts on Technical Assistance adopted the following agenda ",
        pending: false,
      },
      { text: "[as orally amended]", pending: true },
      { text: ":", pending: false },
    ]);
  });

  it("handles a pending word in the middle and at the start or end", () => {
    expect(pendingPassages("At its 2nd, 3rd and [4th] meetings")).toEqual([
      { text: "At its 2nd, 3rd and ", pending: false },
      { text: "[4th]", pending: true },
      { text: " meetings", pending: false },
    ]);
    expect(pendingPassages("[Subject to availability of extrabudgetary resources,] UNODC")).toEqual([
      { text: "[Subject to availability of extrabudgetary resources,]", pending: true },
      { text: " UNODC", pending: false },
    ]);
    expect(pendingPassages("[entire text]")).toEqual([{ text: "[entire text]", pending: true }]);
  });

  it("keeps nested brackets inside the outer pending run", () => {
    expect(pendingPassages("UNODC should [develop [and implement]] a plan")).toEqual([
      { text: "UNODC should ", pending: false },
      { text: "[develop [and implement]]", pending: true },
      { text: " a plan", pending: false },
    ]);
  });

  it("keeps adjacent bracketed passages as separate runs", () => {
    expect(pendingPassages("[shall][should] develop")).toEqual([
      { text: "[shall]", pending: true },
      { text: "[should]", pending: true },
      { text: " develop", pending: false },
    ]);
  });

  it("makes the rest of the text pending after an unclosed bracket", () => {
    expect(pendingPassages("UNODC should develop a plan [to raise awareness")).toEqual([
      { text: "UNODC should develop a plan ", pending: false },
      { text: "[to raise awareness", pending: true },
    ]);
    expect(pendingPassages("a [b [c] d")).toEqual([
      { text: "a ", pending: false },
      { text: "[b [c] d", pending: true },
    ]);
  });

  it("treats a stray closing bracket as ordinary text", () => {
    expect(pendingPassages("a] b [c]")).toEqual([
      { text: "a] b ", pending: false },
      { text: "[c]", pending: true },
    ]);
  });

  it("recognises full-width brackets in Chinese text", () => {
    expect(pendingPassages("办公室应［制定］一项计划")).toEqual([
      { text: "办公室应", pending: false },
      { text: "［制定］", pending: true },
      { text: "一项计划", pending: false },
    ]);
  });

  it("always concatenates back to the original text", () => {
    for (const text of ["[a] b [c [d] e] f [", "]]][[[", "no brackets", "x[y]z", pointB]) {
      expect(rebuild(pendingPassages(text))).toBe(text);
    }
  });
});
