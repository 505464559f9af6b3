// Benchmark: what people feel at the scale of DESIGN.md §5 (issue 13). Fills a fresh database
// (embedded PGlite, or a database of its own on the PostgreSQL server in DATABASE_URL) with a
// consultation of N delegations × P points in unique six-script texts, starts the production
// server, and measures every page over HTTP with compression (first byte, total, bytes, SQL
// statements) against a raw baseline served in the same run, the heavy pages in Chromium, the CRP
// files, the delegates submitting all at once (on two servers too with PostgreSQL), memory and cold
// start. Prints a Markdown table with the date and machine; --json FILE writes the figures.
//
//   npm run bench -- --delegations 200 --points 60 [--json FILE]
//   npm run bench -- --delegations 6 --points 6 --check     # CI: exit 1 on any error, or when a
//                                                          # page's SQL count grows with the data
// Options: --seed N (texts; default 1), --runs N (requests per page after a warm-up; default 5),
// --browser-runs N (Chromium loads per page; default 3, 1 with --check). Exits 0 when bars fail:
// it measures.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import type { BaselineKey } from "./people-baseline";
import { agendaItemsFor } from "./people-data";
import { Report, machineLine } from "./people-report";
import { runSize, type SizeResult } from "./people-run";
import { ensureBuild } from "./people-server";

const { values } = parseArgs({
  options: {
    delegations: { type: "string", default: "200" },
    points: { type: "string", default: "60" },
    json: { type: "string" },
    check: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    runs: { type: "string", default: "5" },
    "browser-runs": { type: "string" },
  },
});
const scale = { delegations: Number(values.delegations), points: Number(values.points), seed: Number(values.seed) };
if (!(scale.delegations >= 2 && scale.points >= 1)) throw new Error("--delegations must be at least 2 and --points at least 1");
const runs = Math.max(5, Number(values.runs));
// One Chromium load per page in CI (it checks, it does not measure), three otherwise.
const browserRuns = Math.max(1, Number(values["browser-runs"] ?? (values.check ? 1 : 3)));

const loadBefore = os.loadavg()[0]!;
ensureBuild();
const a = await runSize(scale, { runs, browserRuns, full: true });
const report = new Report();
report.errors.push(...a.errors);

const page = (key: string) => a.pages.find((p) => p.key === key)!;
const maybePage = (key: string) => a.pages.find((p) => p.key === key);
const base = (key: BaselineKey) => a.baselines[key]?.totalMs;
const s = (ms: number | undefined) => (ms === undefined ? NaN : ms / 1000);

report.add("server cold start (spawn → first 200 from /healthz)", a.coldStartMs, "ms");
report.add("server memory idle (VmRSS)", a.idle.rssMb, "MB", { below: 200 }, undefined, `${a.idle.processes} process${a.idle.processes > 1 ? "es" : ""}`);
report.add("server memory peak after the pages (VmHWM)", a.afterPages.peakMb, "MB", { below: 600 });
report.add("server memory peak, whole run (VmHWM; the PDF's Chromium left out)", a.atEnd.peakMb, "MB");
report.add("translation desk, unfiltered: first byte", page("desk").ttfbMs, "ms", { below: 300 });
report.add("translation desk, unfiltered: total", page("desk").totalMs, "ms", { below: 1000, ratioAtMost: 1.5 }, base("desk"));
report.add("translation desk, Arabic only: total", page("desk-filter").totalMs, "ms", { ratioAtMost: 1.5 }, base("desk-filter"));
report.add("side-by-side, one agenda item (HTTP, gzip): total", page("side-item").totalMs, "ms", { ratioAtMost: 1.5 }, base("side-item"));
report.add("side-by-side, one point (HTTP, gzip): total", page("side-point").totalMs, "ms", { ratioAtMost: 1.5 }, base("side-point"));
report.add("matrix (HTTP, gzip): total", page("matrix").totalMs, "ms", { ratioAtMost: 1.5 }, base("matrix"));
report.add("CRP page: total", page("crp").totalMs, "ms", { below: 300, ratioAtMost: 1.5 }, base("crp"));
if (a.crp) report.add("CRP page after a compilation: total", a.crp.pageAfter.totalMs, "ms", { below: 300 });
// Issue 18, measured last (it closes the consultation): Rev.1 and the documents of both rounds.
if (a.revision) {
  report.add("Rev.1: close the reflection period (HTTP)", a.revision.closeMs, "ms");
  report.add("Rev.1: start the revised text, with its first page (HTTP)", a.revision.startMs, "ms", {}, undefined, `${a.revision.points} points`);
  report.add("Rev.1: points revised by an applied amendment", a.revision.applied, "points", {}, undefined, `of ${a.revision.points}`);
}
const rev1 = maybePage("rev1");
if (rev1) {
  report.add("Rev.1, one agenda item: first byte", rev1.ttfbMs, "ms");
  report.add("Rev.1, one agenda item (HTTP, gzip): total", rev1.totalMs, "ms", { ratioAtMost: 1.5 }, base("rev1"));
}
for (const key of ["resolution-docx", "resolution-xlsx", "compilation-docx", "revised-docx", "revised-clean-docx"]) {
  const file = maybePage(key);
  if (file) report.add(`${file.name} (HTTP): total`, s(file.totalMs), "s", {}, undefined, `${(file.bytes / 1e6).toFixed(2)} MB, ${file.sql ?? "?"} SQL`);
}
for (const [key, figure] of Object.entries(a.browser ?? {})) {
  const name = { "side-item": "side-by-side, one agenda item", desk: "translation desk", matrix: "matrix" }[key] ?? key;
  report.add(`Chromium, ${name}: DOMContentLoaded`, figure.domContentLoadedMs, "ms");
  report.add(`Chromium, ${name}: load`, figure.loadMs, "ms");
  report.add(`Chromium, ${name}: main thread free`, figure.mainThreadFreeMs, "ms", { below: 3000 }, undefined, `${figure.longTasks} long tasks`);
}
if (a.crp) {
  report.add("CRP: compile a draft (HTTP)", s(a.crp.compileMs), "s");
  report.add("CRP: Word file (HTTP)", s(a.crp.docxMs), "s", {}, undefined, `${(a.crp.docxBytes / 1e6).toFixed(1)} MB`);
  report.add("CRP: compile + Word", s(a.crp.compileMs + a.crp.docxMs), "s", { below: 2 });
  report.add("CRP: PDF (HTTP)", s(a.crp.pdfMs), "s", { below: 10 }, undefined, `${(a.crp.pdfBytes / 1e6).toFixed(1)} MB`);
}
const [one, two] = a.bursts;
if (one) {
  const label = `${one.delegates} delegates at once, one server`;
  report.add(`${label}: whole burst`, s(one.wallMs), "s", { atMost: 8 });
  report.add(`${label}: errors`, one.errors.length, "errors", { atMost: 0 });
  const kept = report.add(`${label}: submissions stored`, one.stored, "revisions", {}, undefined, `${one.acknowledged} acknowledged`);
  kept.bar = "= acknowledged = delegates";
  kept.pass = one.stored === one.acknowledged && one.acknowledged === one.delegates;
  report.add(`${label}: delegations stored twice`, one.duplicates, "delegations", { atMost: 0 });
  report.add(`${label}: gaps in the receipt numbers`, one.receiptGaps, "gaps", { atMost: 0 });
}
for (const b of a.bursts) {
  if (!b.cpu) continue;
  // Where the burst's time goes: every process shares this machine's cores, so the burst cannot end
  // before all the CPU it needs, divided by the cores, has been spent.
  const label = `burst on ${b.servers} server${b.servers > 1 ? "s" : ""}`;
  const total = b.cpu.servers + b.cpu.database + b.cpu.client;
  report.add(
    `${label}: CPU of the server${b.servers > 1 ? "s" : ""}`,
    b.cpu.servers,
    "s",
    {},
    undefined,
    `${((b.cpu.servers / b.delegates) * 1000).toFixed(0)} ms per delegate`,
  );
  report.add(`${label}: CPU of PostgreSQL`, b.cpu.database, "s", {}, undefined, b.cpu.database ? undefined : "PGlite runs in the server");
  report.add(`${label}: CPU of the benchmark's client`, b.cpu.client, "s");
  // A server's JavaScript runs on one thread (with PGlite, the database too): no burst ends before
  // one server's share of the work, however many cores are free.
  report.add(
    `${label}: the machine's floor (all CPU ÷ ${os.cpus().length} cores, or one server's CPU on its thread)`,
    Math.max(total / os.cpus().length, b.cpu.servers / b.servers),
    "s",
  );
}
if (two && one) {
  report.add(`${two.delegates} delegates at once, two servers: whole burst`, s(two.wallMs), "s");
  report.add("a second server adds", (one.wallMs / two.wallMs - 1) * 100, "%", { atLeast: 60 });
  if (two.stored !== two.acknowledged || two.duplicates || two.receiptGaps || two.acknowledged !== two.delegates)
    report.errors.push(`two servers: ${two.acknowledged} acknowledged, ${two.stored} stored, ${two.duplicates} twice, ${two.receiptGaps} receipt gaps`);
} else {
  report.add("a second server adds", null, "%", {}, undefined, "two servers: needs PostgreSQL");
}
for (const b of a.bursts) {
  if (b.stored !== b.acknowledged || b.acknowledged !== b.delegates || b.duplicates || b.receiptGaps) {
    report.errors.push(
      `burst on ${b.servers} server(s): ${b.acknowledged}/${b.delegates} acknowledged, ${b.stored} stored, ${b.duplicates} twice, ${b.receiptGaps} receipt gaps`,
    );
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
report.table(
  "Every page over HTTP (gzip, keep-alive; median of " + runs + " after a warm-up)",
  ["page", "status", "first byte ms", "total ms", "gzip MB", "HTML MB", "SQL", "server ms to headers", "baseline ms", "ratio"],
  a.pages.map((p) => {
    const b = a.baselines[p.key as BaselineKey];
    return [
      p.name,
      p.status,
      p.ttfbMs.toFixed(0),
      p.totalMs.toFixed(0),
      mb(p.wireBytes),
      mb(p.bytes),
      p.sql ?? "?",
      p.serverMs?.toFixed(0) ?? "?",
      b ? b.totalMs.toFixed(0) : "",
      b ? `${(p.totalMs / b.totalMs).toFixed(2)}×` : "",
    ];
  }),
);
if (a.bursts.length) {
  report.table(
    "The burst, step by step (ms)",
    ["step", ...a.bursts.flatMap((b) => [`p50, ${b.servers} server${b.servers > 1 ? "s" : ""}`, `p99, ${b.servers} server${b.servers > 1 ? "s" : ""}`])],
    Object.keys(one!.steps).map((step) => [
      step,
      ...a.bursts.flatMap((b) => [b.steps[step as keyof typeof b.steps].p50.toFixed(0), b.steps[step as keyof typeof b.steps].p99.toFixed(0)]),
    ]),
  );
}

// CI: a page whose statement count grows with the data runs a query per row. The documents of a
// whole consultation read it one agenda item at a time (getCommentResolution: the side-by-side of
// each item); they may grow with the agenda, no faster: at the larger size (twice the delegations,
// four times the comments) no more than in proportion to its agenda items.
const PER_AGENDA_ITEM = new Set(["resolution-docx", "resolution-xlsx", "compilation-docx"]);
let sqlProblems = 0;
if (values.check) {
  const bigger = { ...scale, delegations: scale.delegations * 2, points: scale.points * 2 };
  const b: SizeResult = await runSize(bigger, { runs, browserRuns, full: false });
  report.errors.push(...b.errors);
  const agendaGrowth = agendaItemsFor(bigger.points) / agendaItemsFor(scale.points);
  let perItem = 0;
  const lines = a.pages.map((p) => {
    const other = b.pages.find((q) => q.key === p.key);
    const known = p.sql !== null && other !== undefined && other.sql !== null;
    const same = known && p.sql === other.sql;
    const byAgenda = known && !same && PER_AGENDA_ITEM.has(p.key) && other.sql! <= p.sql! * agendaGrowth;
    if (byAgenda) perItem += 1;
    else if (!same) sqlProblems += 1;
    const verdict = same
      ? "same"
      : byAgenda
        ? `per agenda item (${agendaItemsFor(scale.points)} → ${agendaItemsFor(bigger.points)} items)`
        : "**GROWS or unknown**";
    return [p.name, p.sql ?? "?", other?.sql ?? "?", verdict];
  });
  report.table(
    `SQL statements per page at two sizes`,
    ["page", `${scale.delegations} × ${scale.points}`, `${bigger.delegations} × ${bigger.points}`, ""],
    lines,
  );
  report.add("pages whose SQL count grows with the data", sqlProblems, "pages", { atMost: 0 });
  report.add("documents read one agenda item at a time (SQL grows with the agenda only)", perItem, "documents");
}
report.add("errors (non-200, cut short, damaged text, lost or duplicate submission)", report.errors.length, "errors", { atMost: 0 });

const f = a.filled;
const heading =
  `### Measured ${machineLine(a.database)}\n\n` +
  `\`npm run bench -- --delegations ${scale.delegations} --points ${scale.points}${values.check ? " --check" : ""}\`: ${scale.delegations} delegations × ${scale.points} points, ` +
  `${f.comments.toLocaleString("en")} comments, ${f.translations.toLocaleString("en")} translations, ${f.reviews.toLocaleString("en")} reviews, ${f.megabytes.toFixed(1)} MB of text (seed ${scale.seed}, filled in ${f.seconds.toFixed(0)} s). ` +
  // Other work on the machine slows every figure: the load average says how much there was.
  `Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end.`;
console.log(report.markdown(heading));
if (values.json) writeFileSync(values.json, `${JSON.stringify(report.json(), null, 2)}\n`);
const failed = report.failures();
console.error(`bench: ${failed.length} bar(s) not met${failed.length ? `: ${failed.map((r) => r.name).join("; ")}` : ""}; ${report.errors.length} error(s)`);
process.exit(values.check && (report.errors.length > 0 || sqlProblems > 0) ? 1 : 0);
