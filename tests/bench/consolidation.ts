// Benchmark: the side-by-side view and the matrix at the scale of DESIGN.md §5 — 200 delegations,
// 10 agenda items × 6 points, every delegation commenting on every point (plus a general comment
// per item: 14,000 comments, about 10 MB), an amendment on every tenth point, translations for
// five comments in six. For each page: the server's work (the route's loader, i.e. the session
// and the model, then React's renderToString of the page) against a baseline of one hand-written
// SQL query through the same driver and a plain string template producing equivalent HTML
// (the same redlines, the same escaping). Median of 5. DESIGN.md §5: within 2× of the baseline.
//
//   NODE_ENV=production VITEST=1 npx vite-node --options.deps.inline=react-router-dom \
//     --options.deps.inline=react-router --options.deps.inline=@remix-run/react tests/bench/consolidation.ts
//   (with DATABASE_URL=postgres://… for PostgreSQL: a database of your own, it writes)
//
// vite-node, not tsx: the routes import their stylesheet with `?url`. VITEST=1 keeps the Remix
// plugin out, as under Vitest; the inlined packages make Remix and the static router share one
// copy of React Router; NODE_ENV=production measures React as it runs in production.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { redline } from "~/lib/redline";
import { circulateConsultation } from "~/models/circulation.server";
import { getUserById, type SessionUser } from "~/models/user.server";
import MatrixPage, { loader as matrixLoader } from "~/routes/consultations.$consultationId.matrix";
import SideBySidePage, { loader as sideLoader } from "~/routes/consultations.$consultationId.side-by-side/route";
import { closeDb, getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "../db/fixtures";
import { requestAs } from "../db/helpers";
import { renderRoute } from "../db/render-route";
import { measure } from "./measure";

if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR = "memory://";
process.env.SEED_DEMO = "1";

const LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
type Lang = (typeof LANGUAGES)[number];
const SAMPLE: Record<Lang, string> = {
  ar: "يرى وفدنا أن هذه النقطة تستحق مزيدًا من النظر، ويقترح تعزيز التعاون الدولي والمساعدة التقنية وفقًا للقانون الداخلي. ",
  zh: "我国代表团认为这一要点值得进一步审议，并建议根据国内法加强国际合作和技术援助。",
  en: "Our delegation considers that this point deserves further consideration and proposes strengthening international cooperation and technical assistance in accordance with domestic law. ",
  fr: "Notre délégation estime que ce point mérite un examen plus approfondi et propose de renforcer la coopération internationale et l'assistance technique conformément au droit interne. ",
  ru: "Наша делегация считает, что этот пункт заслуживает дальнейшего рассмотрения, и предлагает укрепить международное сотрудничество и техническую помощь в соответствии с внутренним правом. ",
  es: "Nuestra delegación considera que este punto merece un examen más detenido y propone reforzar la cooperación internacional y la asistencia técnica de conformidad con el derecho interno. ",
};
const text = (language: Lang, n: number, size = 700) => `${n}. ${SAMPLE[language].repeat(Math.ceil(size / SAMPLE[language].length))}`.slice(0, size);

const db = await getDb();
const officerId = (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, "secretariat@nonpaper.test") }))!.id;
const officer = (await getUserById(officerId)) as SessionUser;

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
  receiptPrefix: `BCONS-${Date.now().toString(36).toUpperCase().slice(-6)}`,
  agendaItems: Array.from({ length: 10 }, (_, item) => ({
    number: String(item + 2),
    title: `Agenda item title ${item + 2}`,
    points: Array.from({ length: 6 }, (_, p) => ({
      label: `(${String.fromCharCode(97 + p)})`,
      text: `Point ${item * 6 + p + 1}: States parties should consider strengthening international cooperation and [technical] assistance.`,
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

const pointRows = (await db.execute(sql`
  select p.id, p.agenda_item_id, v.id as version_id, v.text
  from discussion_points p join agenda_items i on i.id = p.agenda_item_id
  join point_versions v on v.point_id = p.id
  where i.consultation_id = ${consultationId} order by i.position, p.position`)) as unknown;
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);
const points = rowsOf<{ id: string; agenda_item_id: string; version_id: string; text: string }>(pointRows);
const itemIds = [...new Set(points.map((p) => p.agenda_item_id))];

// Submissions, one current revision each, and the comments: written in bulk.
const submissionIds = await db
  .insert(schema.submissions)
  .values(delegations.map((d, i) => ({ consultationId, delegationId: d.id, status: "submitted" as const, language: LANGUAGES[i % 6]! })))
  .returning({ id: schema.submissions.id, delegationId: schema.submissions.delegationId, language: schema.submissions.language });
const revisions = await db
  .insert(schema.submissionRevisions)
  .values(
    submissionIds.map((s, i) => ({
      submissionId: s.id,
      revisionNumber: 1,
      receiptNumber: `BCONS-${i}-${Date.now()}`,
      idempotencyKey: `bcons-${i}-${Date.now()}`,
      language: s.language,
    })),
  )
  .returning({ id: schema.submissionRevisions.id, submissionId: schema.submissionRevisions.submissionId });
const revisionOf = new Map(revisions.map((r) => [r.submissionId, r.id]));
let commentCount = 0;
let translationCount = 0;
for (const [index, s] of submissionIds.entries()) {
  const language = s.language as Lang;
  const base = { submissionId: s.id, revisionId: revisionOf.get(s.id)!, language };
  const rows = [
    ...itemIds.map((agendaItemId, n) => ({ ...base, kind: "general" as const, agendaItemId, position: n, body: text(language, n, 400) })),
    ...points.map((p, n) => {
      const amend = (n + index) % 10 === 0;
      return {
        ...base,
        kind: amend ? ("amendment" as const) : ("point" as const),
        agendaItemId: p.agenda_item_id,
        pointId: p.id,
        basePointVersionId: p.version_id,
        position: n,
        body: text(language, n),
        proposedText: amend ? p.text.replace("should consider strengthening", "shall strengthen").replace("[technical] ", "technical ") : null,
      };
    }),
  ];
  const inserted = await db
    .insert(schema.comments)
    .values(rows)
    .returning({ id: schema.comments.id, body: schema.comments.body, proposedText: schema.comments.proposedText });
  commentCount += inserted.length;
  if (language !== "en") {
    const translated = inserted.filter((_, n) => n % 6 !== 5);
    await db.insert(schema.translations).values(
      translated.map((c, n) => ({
        commentId: c.id,
        status: n % 4 === 0 ? ("draft" as const) : ("final" as const),
        body: text("en", n),
        proposedText: c.proposedText,
        sourceBody: c.body,
        sourceProposedText: c.proposedText,
        machineAssisted: n % 7 === 0,
      })),
    );
    translationCount += translated.length;
  }
}
console.log(
  `Set-up: ${delegations.length} delegations, ${points.length} points, ${commentCount} comments, ${translationCount} translations (${((performance.now() - setupStart) / 1000).toFixed(1)} s)`,
);
console.log(`Database: ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite (in memory)"}\n`);

// ---------------------------------------------------------------------------------------------
// Baselines: one query, one template.

const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const dirOf = (language: string) => (language === "ar" ? "rtl" : "ltr");

const latestNonPaper = rowsOf<{ id: string }>(
  await db.execute(sql`select id from non_papers where consultation_id = ${consultationId} order by number desc limit 1`),
)[0]!.id;
const TAGS = ["supports", "proposes_amendment", "objects", "new_proposal", "general", "needs_follow_up"];
const tagOptions = `<option value="">No tag</option>${TAGS.map((tag) => `<option value="${tag}">${tag}</option>`).join("")}`;
const LANGUAGE_NAMES: Record<string, string> = { ar: "Arabic", zh: "Chinese", en: "English", fr: "French", ru: "Russian", es: "Spanish" };

let baselineStart = 0;
async function sideBaseline() {
  baselineStart = performance.now();
  const result = await db.execute(sql`
    select c.id, c.kind, c.point_id, c.label as proposal_label, c.language, c.body, c.proposed_text, d.code, d.name_en,
           r.revision_number, bv.text as base_text, t.body as t_body, t.proposed_text as t_proposed, t.status as t_status,
           t.machine_assisted, t.source_body, p.label, pv.text as point_text, pv.version_number,
           (select string_agg(cr.tag::text, ',') from chair_reviews cr where cr.comment_id = c.id) as tags
    from comments c
    join submission_revisions r on r.id = c.revision_id
    join submissions s on s.id = r.submission_id
    join delegations d on d.id = s.delegation_id
    left join point_versions bv on bv.id = c.base_point_version_id
    left join translations t on t.comment_id = c.id and t.target_language = 'en'
    left join discussion_points p on p.id = c.point_id
    left join non_paper_points np on np.non_paper_id = ${latestNonPaper} and np.point_version_id in (select id from point_versions where point_id = p.id)
    left join point_versions pv on pv.id = np.point_version_id
    where s.consultation_id = ${consultationId} and c.agenda_item_id = ${itemIds[0]}
      and r.superseded_at is null and r.withdrawn_at is null and (r.late is null or r.late = 'accepted')
    order by p.position nulls last, c.kind, d.name_en`);
  type Row = {
    id: string;
    kind: string;
    point_id: string | null;
    proposal_label: string | null;
    language: string;
    body: string;
    proposed_text: string | null;
    code: string;
    name_en: string;
    revision_number: number;
    base_text: string | null;
    t_body: string | null;
    t_proposed: string | null;
    t_status: string | null;
    machine_assisted: boolean | null;
    source_body: string | null;
    label: string | null;
    point_text: string | null;
    version_number: number | null;
    tags: string | null;
  };
  const rows = rowsOf<Row>(result);
  if (process.env.BENCH_PARTS) console.log(`  baseline query done at ${(performance.now() - baselineStart).toFixed(1)} ms`);
  const out: string[] = [];
  const entry = (r: Row) => {
    const anchor = r.point_id ? `point-${r.point_id}-${r.code}` : `general-${r.code}`;
    const status = r.language === "en" ? null : !r.t_status ? "todo" : r.source_body !== r.body ? "outdated" : r.t_status;
    const texts =
      status === null
        ? `<div class="sbs-entry__texts"><div class="sbs-entry__original"><p class="sbs-label">Written in English: no translation needed.</p><div class="sbs-text" lang="en" dir="ltr">${escape(r.body)}</div></div></div>`
        : `<div class="sbs-entry__texts sbs-entry__texts--beside"><div class="sbs-entry__translation" lang="en" dir="ltr"><p class="sbs-label" lang="en" dir="ltr"><span>Unofficial translation</span>${r.machine_assisted ? '<span class="badge sbs-badge--machine">Machine-assisted</span>' : ""}${status !== "final" ? `<span class="badge sbs-status sbs-status--${status}">Translation status: ${status}</span>` : ""}</p>${r.t_body ? `<div class="sbs-text">${escape(r.t_body)}</div>` : '<p class="empty">Not translated yet: the original follows.</p>'}</div><div class="sbs-entry__original"><p class="sbs-label">Original (${LANGUAGE_NAMES[r.language]})</p><div class="sbs-text" lang="${r.language}" dir="${dirOf(r.language)}">${escape(r.body)}</div></div></div>`;
    const redlined =
      r.kind === "amendment"
        ? `<div class="sbs-entry__amendment"><p class="sbs-label">Proposed amendment</p><p class="muted sbs-legend">The proposed wording against the circulated text: insertions underlined, deletions struck through.</p><div class="redline-box" dir="ltr"><p class="redline" lang="en" dir="auto">${redline(
            r.base_text ?? "",
            r.proposed_text ?? "",
          )
            .map((seg) => {
              if (seg.kind === "equal") return escape(seg.text);
              const tag = seg.kind === "insert" ? "ins" : "del";
              const word = seg.kind === "insert" ? "inserted" : "deleted";
              return `<${tag}><span class="visually-hidden" lang="en">[${word}: </span>${escape(seg.text)}<span class="visually-hidden" lang="en"> :end ${word}]</span></${tag}>`;
            })
            .join(
              "",
            )}</p></div>${r.t_proposed && r.t_proposed !== r.proposed_text ? `<p class="sbs-label">Translation of the proposed wording</p><div class="sbs-text" lang="en" dir="ltr">${escape(r.t_proposed)}</div>` : ""}</div>`
        : "";
    const id = `review-${r.id}`;
    return (
      `<li><article id="${anchor}" class="sbs-entry" aria-labelledby="${anchor}-name"><header class="sbs-entry__header"><h4 id="${anchor}-name">${escape(r.name_en)}</h4><span class="sbs-entry__meta"><a href="/consultations/${consultationId}/submissions/${r.code}/${r.revision_number}" aria-describedby="${anchor}-name">Revision ${r.revision_number}</a>${r.kind === "amendment" ? '<span class="badge sbs-badge--amendment">Proposed amendment</span>' : ""}</span></header>` +
      texts +
      redlined +
      `<div class="sbs-review"><form method="post" action="${sidePath}#${anchor}" class="sbs-review__form" aria-labelledby="${id}-title"><p id="${id}-title" class="sbs-label">Your review</p><input type="hidden" name="intent" value="review"/><input type="hidden" name="commentId" value="${r.id}"/><input type="hidden" name="anchor" value="${anchor}"/><div class="sbs-review__fields"><div class="field"><label for="${id}-tag">Tag</label><select id="${id}-tag" name="tag">${tagOptions}</select></div><div class="field sbs-review__note"><label for="${id}-note">Private note</label><textarea id="${id}-note" name="note" rows="2" maxlength="5000"></textarea></div><button type="submit" class="button button--secondary" aria-describedby="${anchor}-name">Save the review</button></div></form></div></article></li>`
    );
  };
  let point: string | null = null;
  let group: Row[] = [];
  const flush = () => {
    if (!group.length) return;
    const first = group[0]!;
    const delegations = (pred: (r: Row) => boolean) => new Set(group.filter(pred).map((r) => r.code)).size;
    const tagCounts = TAGS.map((tag) => [tag, delegations((r) => (r.tags ?? "").split(",").includes(tag))] as const).filter(([, n]) => n > 0);
    out.push(
      `<section id="point-${first.point_id}" class="sbs-point" aria-labelledby="point-${first.point_id}-title"><div class="sbs-point__text"><h2 id="point-${first.point_id}-title">Point ${escape(first.label ?? "")}</h2><p class="muted sbs-point__version">Circulated text (version ${first.version_number})</p><p class="sbs-point__wording" lang="en" dir="ltr">${escape(first.point_text ?? "")}</p></div><div class="sbs-point__comments"><section class="sbs-summary"><h3>Review summary</h3><ul><li>${delegations((r) => r.body !== "")} delegations commented</li><li>${delegations((r) => r.kind === "amendment")} delegations proposed an amendment</li>${tagCounts.map(([tag, n]) => `<li>${tag}: ${n} delegations</li>`).join("")}</ul></section><ol class="sbs-entries">${group.map(entry).join("")}</ol></div></section>`,
    );
    group = [];
  };
  const general: string[] = [];
  const proposals: string[] = [];
  for (const r of rows) {
    if (!r.point_id) {
      (r.kind === "general" ? general : proposals).push(entry(r));
      continue;
    }
    if (r.point_id !== point) {
      flush();
      point = r.point_id;
    }
    group.push(r);
  }
  flush();
  out.push(`<section class="sbs-aside"><h2>General comments</h2><ol class="sbs-entries">${general.join("")}</ol></section>`);
  out.push(`<section class="sbs-aside"><h2>New proposals</h2><ol class="sbs-entries">${proposals.join("")}</ol></section>`);
  return out.join("");
}

async function matrixBaseline() {
  const result = await db.execute(sql`
    select d.code, d.name_en, c.point_id, bool_or(c.body <> '') as commented, bool_or(c.kind = 'amendment') as amended
    from registrations g join delegations d on d.id = g.delegation_id
    left join submissions s on s.consultation_id = g.consultation_id and s.delegation_id = g.delegation_id
    left join submission_revisions r on r.submission_id = s.id and r.superseded_at is null and r.withdrawn_at is null and (r.late is null or r.late = 'accepted')
    left join comments c on c.revision_id = r.id and c.point_id is not null
    where g.consultation_id = ${consultationId}
    group by d.code, d.name_en, c.point_id order by d.name_en`);
  const rows = rowsOf<{ code: string; name_en: string; point_id: string | null; commented: boolean; amended: boolean }>(result);
  const byDelegation = new Map<string, { name: string; cells: Map<string, string> }>();
  for (const r of rows) {
    let d = byDelegation.get(r.code);
    if (!d) byDelegation.set(r.code, (d = { name: r.name_en, cells: new Map() }));
    if (r.point_id) d.cells.set(r.point_id, r.commented && r.amended ? "b" : r.amended ? "a" : "c");
  }
  const out = [`<table><caption>Comments</caption><thead><tr>${points.map((p, n) => `<th scope="col">${n}</th>`).join("")}</tr></thead><tbody>`];
  for (const [code, d] of byDelegation) {
    out.push(`<tr><th scope="row">${escape(d.name)}</th>`);
    for (const p of points) {
      const mark = d.cells.get(p.id);
      out.push(
        mark
          ? `<td><a class="${mark}" href="side-by-side?item=2&amp;point=a&amp;delegation=${code}"><span class="v">commented</span></a></td>`
          : `<td><span class="v">no comment</span></td>`,
      );
    }
    out.push(`<td>${d.cells.size}</td></tr>`);
  }
  out.push("</tbody></table>");
  return out.join("");
}

// ---------------------------------------------------------------------------------------------
// The pages: the route's loader (session, model), then renderToString.

const sidePath = `/consultations/${consultationId}/side-by-side?item=2`;
const matrixPath = `/consultations/${consultationId}/matrix`;
const context = { clientAddress: "127.0.0.1" };

// The officer's signed-in request (the session is looked up by the loader, as on every request).
const cookie = (await requestAs("secretariat@nonpaper.test", "/")).headers.get("Cookie")!;
const signedIn = (path: string) => new Request(`http://bench${path}`, { headers: { Cookie: cookie } });

async function sidePage() {
  const data = await sideLoader({ request: signedIn(sidePath), params: { consultationId }, context });
  return renderRoute(SideBySidePage, { url: `http://bench${sidePath}`, loaderData: data });
}
async function matrixPage() {
  const data = await matrixLoader({ request: signedIn(matrixPath), params: { consultationId }, context });
  return renderRoute(MatrixPage, { url: `http://bench${matrixPath}`, loaderData: data });
}

async function medianOf(work: () => Promise<string>, runs = 5) {
  const times: number[] = [];
  let queries = 0;
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const m = await measure(work);
    times.push(m.ms);
    queries = m.queries;
    size = Buffer.byteLength(m.result);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)]!, queries, size };
}

const report = (label: string, r: { ms: number; queries: number; size: number }) =>
  console.log(
    `${label.padEnd(58)} ${r.ms.toFixed(1).padStart(8)} ms  ${String(r.queries).padStart(3)} queries  ${(r.size / 1024).toFixed(0).padStart(6)} KiB HTML`,
  );

// Warm-up (JIT, i18n, caches) before measuring.
await sidePage();
await sideBaseline();
await matrixPage();
await matrixBaseline();

if (process.env.BENCH_PARTS) {
  const loaded = await measure(() => sideLoader({ request: signedIn(sidePath), params: { consultationId }, context }));
  console.log(`  side-by-side loader alone: ${loaded.ms.toFixed(1)} ms, ${loaded.queries} queries`);
  const rendered = await measure(() => renderRoute(SideBySidePage, { url: `http://bench${sidePath}`, loaderData: loaded.result }));
  console.log(`  side-by-side render alone: ${rendered.ms.toFixed(1)} ms`);
}
const side = await medianOf(sidePage);
const sideBase = await medianOf(sideBaseline);
report("side-by-side, item 2 (loader + renderToString)", side);
report("  baseline: one SQL query + string template", sideBase);
console.log(`  ratio ${(side.ms / sideBase.ms).toFixed(2)}× (DESIGN.md §5: at most 2×)\n`);
const matrix = await medianOf(matrixPage);
const matrixBase = await medianOf(matrixBaseline);
report("matrix, 200 × 60 (loader + renderToString)", matrix);
report("  baseline: one SQL query + string template", matrixBase);
console.log(`  ratio ${(matrix.ms / matrixBase.ms).toFixed(2)}×`);

await closeDb();
