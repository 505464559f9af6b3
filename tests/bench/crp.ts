// Benchmark: the CRP at the scale of DESIGN.md §5, without a database: 200 delegations each
// commenting on every one of 60 points (10 agenda items × 6) in one of the six languages, with a
// final English translation of every non-English comment (12,000 comments, about 10 MB of text).
// Prints the time of each step (median of 3); the bar for the DOCX is 5 s.
//
//   npx tsx tests/bench/crp.ts
import { performance } from "node:perf_hooks";
import { buildCrpModel, crpToHtml, crpToMarkdown, type CrpData, type CrpDelegationData } from "~/documents/crp";
import { renderCrpDocx } from "~/documents/crp-docx";
import type { Language } from "~/i18n/languages";
import { crpFixture } from "../unit/crp.fixture";

const LANGUAGES: Language[] = ["ar", "zh", "en", "fr", "ru", "es"];
const SAMPLE: Record<Language, string> = {
  ar: "تؤيد الدولة هذه النقطة وتقترح تعزيز التعاون الدولي والمساعدة التقنية وفقا للقانون الداخلي. ",
  zh: "本国支持这一要点，并建议根据国内法加强国际合作和技术援助。",
  en: "The State supports this point and proposes to strengthen international cooperation and technical assistance in accordance with domestic law. ",
  fr: "L’État appuie ce point et propose de renforcer la coopération internationale et l’assistance technique conformément au droit interne. ",
  ru: "Государство поддерживает этот пункт и предлагает укрепить международное сотрудничество и техническую помощь в соответствии с внутренним правом. ",
  es: "El Estado apoya este punto y propone fortalecer la cooperación internacional y la asistencia técnica de conformidad con el derecho interno. ",
};
/** About 420 characters of original and as many of translation per comment: 12,000 × ~840 ≈ 10 MB. */
const text = (language: Language, n: number) => `${n}. ${SAMPLE[language].repeat(Math.ceil(420 / SAMPLE[language].length))}`.trim();

const agendaItems = Array.from({ length: 10 }, (_, i) => ({
  id: `item-${i}`,
  number: String(i + 2),
  heading: String.fromCharCode(65 + i),
  title: `Agenda item title ${i + 2}`,
  introduction: "The Working Group may wish to consider the following:",
  points: Array.from({ length: 6 }, (_, p) => ({ id: `p-${i}-${p}`, label: `(${String.fromCharCode(97 + p)})`, text: text("en", p).slice(0, 300) })),
}));

const delegations: CrpDelegationData[] = Array.from({ length: 200 }, (_, d) => {
  const language = LANGUAGES[d % 6]!;
  return {
    code: `D${String(d).padStart(3, "0")}`,
    name: `State ${String(d).padStart(3, "0")}`,
    kind: "member_state",
    participation: "state_party",
    timeliness: d % 40 === 0 ? "late_accepted" : "on_time",
    language,
    comments: agendaItems.flatMap((item) =>
      item.points.map((point, p) => {
        const amendment = p === 2;
        return {
          id: `c-${d}-${point.id}`,
          kind: amendment ? ("amendment" as const) : ("point" as const),
          agendaItemId: item.id,
          pointId: point.id,
          label: null,
          position: 0,
          original: { language, body: text(language, d), proposedText: amendment ? text(language, p) : null },
          translation: language === "en" ? undefined : { status: "final" as const, body: text("en", d), proposedText: amendment ? text("en", p) : null },
        };
      }),
    ),
  };
});

const data: CrpData = { ...crpFixture, agendaItems, delegations };
const comments = delegations.reduce((sum, d) => sum + d.comments.length, 0);
const characters = delegations.reduce(
  (sum, d) =>
    sum +
    d.comments.reduce(
      (s, c) =>
        s +
        c.original.body.length +
        (c.original.proposedText?.length ?? 0) +
        (c.translation && c.translation.status !== "missing" ? c.translation.body.length + (c.translation.proposedText?.length ?? 0) : 0),
      0,
    ),
  0,
);
console.log(`${delegations.length} delegations, ${comments} comments, ${(characters / 1e6).toFixed(1)} million characters of comments and translations\n`);

async function median<T>(label: string, work: () => T | Promise<T>, runs = 3): Promise<T> {
  const times: number[] = [];
  let result: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} ${times[Math.floor(runs / 2)]!.toFixed(0).padStart(7)} ms`);
  return result!;
}

const result = await median("buildCrpModel (final)", () => buildCrpModel(data, { final: true }));
if (!result.ok) throw new Error(`missing: ${result.missing.length}`);
const model = result.model;
const markdown = await median("crpToMarkdown", () => crpToMarkdown(model));
const html = await median("crpToHtml (whole page)", () => crpToHtml(model, { document: true }));
const docx = await median("renderCrpDocx", () => renderCrpDocx(model));
// What the export does end to end: compile, then write the Word file.
const start = performance.now();
const again = buildCrpModel(data, { final: true });
if (again.ok) await renderCrpDocx(again.model);
const total = performance.now() - start;
console.log(`\nMarkdown ${(markdown.length / 1e6).toFixed(1)} MB, HTML ${(html.length / 1e6).toFixed(1)} MB, DOCX ${(docx.length / 1e6).toFixed(1)} MB`);
console.log(`Model + DOCX once: ${(total / 1000).toFixed(2)} s (bar: under 5 s)`);
