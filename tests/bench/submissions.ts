// Benchmark: delegations writing and submitting at the scale of DESIGN.md §5 — 200 delegations,
// 10 agenda items × 6 points, every delegation commenting on every point (about 12,000 comments,
// 10 MB of text) in one of the six languages — then all 200 submitting in the same moment.
// Prints the wall time of the 200 concurrent saves and submits (with each submit's latency),
// and the server time (median of 5) and SQL statements of the submission pages' model calls.
//
//   npx tsx tests/bench/submissions.ts                                   # in-memory PGlite
//   DATABASE_URL=postgres://… npx tsx tests/bench/submissions.ts         # a database of your own (it writes!)
import { performance } from "node:perf_hooks";
import { circulateConsultation } from "~/models/circulation.server";
import { getRevision, getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission } from "~/models/submission-submit.server";
import { listSubmissionsForSecretariat } from "~/models/submission-secretariat.server";
import { getUserById, type SessionUser } from "~/models/user.server";
import { closeDb, getDb, schema } from "~/utils/db.server";
import { measure, median } from "./measure";
import { insertDraftConsultation } from "../db/fixtures";

if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR = "memory://";
process.env.SEED_DEMO = "1";

const LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
const SAMPLE: Record<(typeof LANGUAGES)[number], string> = {
  ar: "يرى وفدنا أن هذه النقطة تستحق مزيدًا من النظر، ويقترح تعزيز التعاون الدولي والمساعدة التقنية وفقًا للقانون الداخلي. ",
  zh: "我国代表团认为这一要点值得进一步审议，并建议根据国内法加强国际合作和技术援助。",
  en: "Our delegation considers that this point deserves further consideration and proposes strengthening international cooperation and technical assistance in accordance with domestic law. ",
  fr: "Notre délégation estime que ce point mérite un examen plus approfondi et propose de renforcer la coopération internationale et l'assistance technique conformément au droit interne. ",
  ru: "Наша делегация считает, что этот пункт заслуживает дальнейшего рассмотрения, и предлагает укрепить международное сотрудничество и техническую помощь в соответствии с внутренним правом. ",
  es: "Nuestra delegación considera que este punto merece un examen más detenido y propone reforzar la cooperación internacional y la asistencia técnica de conformidad con el derecho interno. ",
};
// About 800 characters a comment: 200 × 60 comments ≈ 10 MB.
const comment = (language: (typeof LANGUAGES)[number], n: number) => `${n}. ${SAMPLE[language].repeat(Math.ceil(800 / SAMPLE[language].length))}`.slice(0, 800);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const db = await getDb();
const officer = (await getUserById((await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, "secretariat@nonpaper.test") }))!.id)) as SessionUser;

// The seed has 198 delegations; two private-use codes make 200.
await db
  .insert(schema.delegations)
  .values(
    ["QQA", "QQB"].map((code) => ({
      code,
      kind: "intergovernmental_organization" as const,
      nameAr: code,
      nameZh: code,
      nameEn: `Benchmark organization ${code}`,
      nameFr: code,
      nameRu: code,
      nameEs: code,
    })),
  )
  .onConflictDoNothing();
const delegations = (await db.select({ id: schema.delegations.id, code: schema.delegations.code }).from(schema.delegations)).slice(0, 200);

const setupStart = performance.now();
const { consultationId } = await insertDraftConsultation(db, {
  title: "Benchmark consultation",
  receiptPrefix: `BENCH-${Date.now().toString(36).toUpperCase().slice(-6)}`,
  agendaItems: Array.from({ length: 10 }, (_, item) => ({
    number: String(item + 2),
    title: `Agenda item title ${item + 2}`,
    points: Array.from({ length: 6 }, (_, p) => ({
      label: `(${String.fromCharCode(97 + p)})`,
      text: `Point ${item * 6 + p + 1}: States parties should consider strengthening cooperation.`,
    })),
  })),
  delegations: delegations.map((d) => d.code),
});
const circulated = await circulateConsultation(officer, {
  consultationId,
  coveringNote: "The Secretariat presents its compliments …",
  baseUrl: "https://nonpaper.example.org",
});
if (!circulated.ok) throw new Error(`circulation refused: ${JSON.stringify(circulated)}`);
const tag = Date.now().toString(36);
const inserted = await db
  .insert(schema.users)
  .values(
    delegations.map((d, i) => ({
      email: `bench-submit-${tag}-${d.code.toLowerCase()}@example.org`,
      name: `Delegate of ${d.code}`,
      role: "delegate" as const,
      delegationId: d.id,
      language: LANGUAGES[i % 6]!,
      timeZone: "Asia/Tokyo",
    })),
  )
  .returning({
    id: schema.users.id,
    email: schema.users.email,
    name: schema.users.name,
    language: schema.users.language,
    timeZone: schema.users.timeZone,
    delegationId: schema.users.delegationId,
  });
const delegates: SessionUser[] = inserted.map((u) => ({ ...u, role: "delegate" as const }));
const first = await getSubmissionForDelegate(delegates[0]!, consultationId);
const points = first!.agendaItems.flatMap((item) => item.points);
const items = first!.agendaItems;
console.log(
  `Set-up: ${delegations.length} delegations registered and circulated to, ${points.length} points (${(performance.now() - setupStart).toFixed(0)} ms)`,
);
console.log(`Database: ${process.env.DATABASE_URL ? `PostgreSQL (pool of ${process.env.DATABASE_POOL_SIZE ?? 10})` : "PGlite (in memory)"}\n`);

const contentOf = (i: number) => {
  const language = LANGUAGES[i % 6]!;
  return {
    language,
    general: items.map((item, n) => ({ agendaItemId: item.id, body: comment(language, n) })),
    points: points.map((point, n) => ({ pointId: point.id, body: comment(language, n), proposedText: n % 10 === 0 ? `${point.text} (amended)` : null })),
  };
};
const contents = delegates.map((_, i) => contentOf(i));
const characters = contents.reduce((sum, c) => sum + [...c.general, ...c.points].reduce((n, e) => n + e.body.length, 0), 0);

const saves = await measure(() => Promise.all(delegates.map((user, i) => saveDraft(user, { consultationId, baseDraftVersion: 0, content: contents[i] }))));
const savesRefused = saves.result.filter((r) => !r.ok).length;
console.log(
  `${"200 drafts saved at once (saveDraft)".padEnd(52)} ${saves.ms.toFixed(0).padStart(8)} ms  ${String(saves.queries).padStart(5)} queries  (${(characters / 1e6).toFixed(1)} M characters, ${savesRefused} refused)`,
);

const latencies: number[] = [];
const submits = await measure(() =>
  Promise.all(
    delegates.map(async (user) => {
      const start = performance.now();
      const result = await submitSubmission(user, {
        consultationId,
        idempotencyKey: `bench-${user.id}`,
        draftVersion: 1,
        baseUrl: "https://nonpaper.example.org",
      });
      latencies.push(performance.now() - start);
      return result;
    }),
  ),
);
const ok = submits.result.filter((r) => r.ok);
const receipts = new Set(ok.map((r) => (r.ok ? r.receipt.receiptNumber : "")));
latencies.sort((a, b) => a - b);
console.log(
  `${"200 submits at once (submitSubmission)".padEnd(52)} ${submits.ms.toFixed(0).padStart(8)} ms  ${String(submits.queries).padStart(5)} queries  (${ok.length} ok, ${receipts.size} distinct receipts; latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms)`,
);
if (ok.length !== 200 || receipts.size !== 200) throw new Error("lost or duplicated submissions");
console.log("");

await median("delegate's submission page (getSubmissionForDelegate)", () => getSubmissionForDelegate(delegates[5]!, consultationId), 5, 52);
await median("one revision (getRevision, 70 comments)", () => getRevision(delegates[5]!, { consultationId, revisionNumber: 1 }), 5, 52);
await median("secretariat's list (listSubmissionsForSecretariat)", () => listSubmissionsForSecretariat(officer, consultationId), 5, 52);
await median("autosave with no change (saveDraft)", () => saveDraft(delegates[7]!, { consultationId, baseDraftVersion: 1, content: contents[7] }), 5, 52);

await closeDb();
