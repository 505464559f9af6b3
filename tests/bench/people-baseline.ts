// The raw baselines: what the heavy pages would cost written by hand. A bare Node http server in
// the bench process answers each with one hand-written SQL query (through the app's driver, on the
// same database) rendered by a string template (escaped), gzip-compressed by the same
// `compression` middleware, and is measured over HTTP exactly as the pages are. Review controls
// are links (a form opened on demand), as the issue's fix for Chromium's form handling suggests;
// the desk shows its first 100 rows, with the counts and filters, as the page does.
import http from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import { sql } from "drizzle-orm";
import { escapeHtml } from "~/lib/html-escape";
import { redline } from "~/lib/redline";
import type { Database } from "~/utils/db.server";
import type { Filled } from "./people-data";

const escape = (value: string | null | undefined) => escapeHtml(value ?? "");
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p)}</p>`)
    .join("");
const dirOf = (language: string) => (language === "ar" ? "rtl" : "ltr");
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>${escape(title)}</title><link rel="stylesheet" href="/app.css"></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

type SideRow = {
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
  my_tag: string | null;
  my_note: string | null;
};

async function sideBySide(db: Database, filled: Filled, point: string | null) {
  const item = filled.items[0]!.id;
  const rows = rowsOf<SideRow>(
    await db.execute(sql`
    with circulated as (
      select pv.point_id, pv.text, pv.version_number from non_paper_points np join point_versions pv on pv.id = np.point_version_id
      where np.non_paper_id = (select id from non_papers where consultation_id = ${filled.consultationId} order by number desc limit 1)),
    tags as (select cr.comment_id, string_agg(cr.tag::text, ',') as tags from chair_reviews cr join comments rc on rc.id = cr.comment_id
      where rc.agenda_item_id = ${item} group by cr.comment_id)
    select c.id, c.kind, c.point_id, c.label as proposal_label, c.language, c.body, c.proposed_text, d.code, d.name_en, r.revision_number,
           bv.text as base_text, t.body as t_body, t.proposed_text as t_proposed, t.status as t_status, t.machine_assisted, t.source_body,
           p.label, pv.text as point_text, pv.version_number, tags.tags, mine.tag as my_tag, mine.note as my_note
    from comments c
    join submission_revisions r on r.id = c.revision_id
    join submissions s on s.id = r.submission_id
    join delegations d on d.id = s.delegation_id
    left join point_versions bv on bv.id = c.base_point_version_id
    left join translations t on t.comment_id = c.id and t.target_language = 'en'
    left join discussion_points p on p.id = c.point_id
    left join circulated pv on pv.point_id = c.point_id
    left join tags on tags.comment_id = c.id
    left join chair_reviews mine on mine.comment_id = c.id and mine.reviewer_id = ${filled.chairId}
    where s.consultation_id = ${filled.consultationId} and c.agenda_item_id = ${item} ${point ? sql`and c.point_id = ${point}` : sql``}
      and r.superseded_at is null and r.withdrawn_at is null and (r.late is null or r.late = 'accepted')
    order by p.position nulls last, c.kind, d.name_en`),
  );
  const entry = (r: SideRow) => {
    const anchor = `${r.point_id ? `point-${r.point_id}` : "general"}-${r.code}`;
    const status = r.language === "en" ? null : !r.t_status ? "todo" : r.source_body !== r.body ? "outdated" : r.t_status;
    const original = `<div class="original" lang="${r.language}" dir="${dirOf(r.language)}">${paragraphs(r.body)}</div>`;
    const texts =
      status === null
        ? original
        : `<div class="translation" lang="en"><p class="label">Unofficial translation${r.machine_assisted ? " · machine-assisted" : ""} · ${status}</p>${r.t_body ? paragraphs(r.t_body) : "<p>Not translated yet.</p>"}</div>${original}`;
    const amendment =
      r.kind === "amendment"
        ? `<div class="redline" dir="ltr">${redline(r.base_text ?? "", r.proposed_text ?? "")
            .map((s) =>
              s.kind === "equal" ? escape(s.text) : `<${s.kind === "insert" ? "ins" : "del"}>${escape(s.text)}</${s.kind === "insert" ? "ins" : "del"}>`,
            )
            .join("")}</div>${r.t_proposed ? `<div lang="en">${escape(r.t_proposed)}</div>` : ""}`
        : "";
    const review = `<p class="review">${r.tags ? `Tags: ${escape(r.tags)}. ` : ""}${r.my_tag || r.my_note ? `Your review: ${escape(r.my_tag)} ${escape(r.my_note)}` : ""} <a href="?review=${r.id}#${anchor}">Review</a></p>`;
    return `<li><article id="${anchor}"><h4>${escape(r.name_en)}</h4><a href="/submissions/${r.code}/${r.revision_number}">Revision ${r.revision_number}</a>${texts}${amendment}${review}</article></li>`;
  };
  const out: string[] = [];
  let current: string | null = null;
  for (const r of rows) {
    const group = r.point_id ?? `${r.kind}`;
    if (group !== current) {
      if (current !== null) out.push("</ol></section>");
      current = group;
      out.push(
        `<section><h2>${r.point_id ? `Point ${escape(r.label)}` : r.kind === "general" ? "General comments" : "New proposals"}</h2>${r.point_text ? `<p lang="en">${escape(r.point_text)} (version ${r.version_number})</p>` : ""}<ol>`,
      );
    }
    out.push(entry(r));
  }
  if (current !== null) out.push("</ol></section>");
  return page("Side by side", out.join(""));
}

async function matrix(db: Database, filled: Filled) {
  const rows = rowsOf<{ code: string; name_en: string; point_id: string | null; commented: boolean; amended: boolean }>(
    await db.execute(sql`
    select d.code, d.name_en, x.point_id, x.commented, x.amended
    from registrations g join delegations d on d.id = g.delegation_id
    left join (
      select s.delegation_id, c.point_id, bool_or(c.body <> '') as commented, bool_or(c.kind = 'amendment') as amended
      from submissions s
      join submission_revisions r on r.submission_id = s.id and r.superseded_at is null and r.withdrawn_at is null and (r.late is null or r.late = 'accepted')
      join comments c on c.revision_id = r.id and c.point_id is not null
      where s.consultation_id = ${filled.consultationId}
      group by s.delegation_id, c.point_id) x on x.delegation_id = g.delegation_id
    where g.consultation_id = ${filled.consultationId}
    order by d.name_en`),
  );
  const points = filled.items.flatMap((item, i) => item.points.map((p) => ({ ...p, item: i + 2 })));
  const byDelegation = new Map<string, { name: string; cells: Map<string, string> }>();
  for (const r of rows) {
    if (!byDelegation.has(r.code)) byDelegation.set(r.code, { name: r.name_en, cells: new Map() });
    if (r.point_id) byDelegation.get(r.code)!.cells.set(r.point_id, r.commented && r.amended ? "both" : r.amended ? "amendment" : "comment");
  }
  const out = [
    `<table><thead><tr><th>Delegation</th>${points.map((p) => `<th scope="col">${p.item} ${escape(p.label)}</th>`).join("")}<th>Total</th></tr></thead><tbody>`,
  ];
  for (const [code, d] of byDelegation) {
    out.push(`<tr><th scope="row">${escape(d.name)}</th>`);
    for (const p of points) {
      const mark = d.cells.get(p.id);
      out.push(mark ? `<td><a class="${mark}" href="side-by-side?item=${p.item}&amp;point=${p.id}#point-${p.id}-${code}">${mark}</a></td>` : `<td>–</td>`);
    }
    out.push(`<td>${d.cells.size}</td></tr>`);
  }
  out.push("</tbody></table>");
  return page("Matrix", out.join(""));
}

type DeskRow = {
  id: string;
  language: string;
  body: string;
  code: string;
  name_en: string;
  item: string | null;
  label: string | null;
  status: string;
  translator: string | null;
  updated_at: string | null;
  machine_assisted: boolean | null;
};
type DeskPage = DeskRow & {
  counts: Record<string, number> | null;
  languages: string[] | null;
  delegations: { code: string; name: string }[] | null;
  matching: number;
};

const DESK_PAGE_SIZE = 100;
// Every comment still to translate, its status; the page of rows shown, with the counts under the
// filter and the languages and delegations present for the filters.
const deskQuery = (filled: Filled, language: string | null) => sql`
  with desk as (
    select c.id, c.language, c.body, d.code, d.name_en, i.number as item, p.label, u.name as translator, t.updated_at, t.machine_assisted,
           i.position as item_position, p.position as point_position, c.label as proposal_label, c.position,
           case when t.id is null then 'todo' when t.source_body is distinct from c.body or t.source_proposed_text is distinct from c.proposed_text then 'outdated' else t.status::text end as status
    from comments c
    join submission_revisions r on r.id = c.revision_id and r.superseded_at is null and r.withdrawn_at is null and (r.late is null or r.late = 'accepted')
    join submissions s on s.id = c.submission_id
    join delegations d on d.id = s.delegation_id
    join agenda_items i on i.id = c.agenda_item_id
    left join discussion_points p on p.id = c.point_id
    left join translations t on t.comment_id = c.id and t.target_language = 'en'
    left join users u on u.id = t.translator_id
    where s.consultation_id = ${filled.consultationId} and c.language <> 'en'),
  filtered as (select * from desk ${language ? sql`where language = ${language}` : sql``})
  select f.*,
         (select json_object_agg(status, n) from (select status, count(*) as n from filtered group by status) x) as counts,
         (select count(*) from filtered) as matching,
         (select json_agg(distinct language) from desk) as languages,
         (select json_agg(x) from (select distinct code, name_en as name from desk order by name_en) x) as delegations
  from (select * from filtered order by item_position, point_position nulls last, proposal_label, name_en, position, id limit ${DESK_PAGE_SIZE}) f`;

async function desk(db: Database, filled: Filled, language: string | null) {
  const rows = rowsOf<DeskPage>(await db.execute(deskQuery(filled, language)));
  const first = rows[0];
  const excerpt = (text: string) => {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length <= 160 ? flat : `${flat.slice(0, 160)}…`;
  };
  const body = rows
    .map(
      (r) =>
        `<tr><td><a href="translations/${r.id}">${escape(r.name_en)}</a></td><td>${r.language}</td><td>${escape(r.item)} ${escape(r.label)}</td>` +
        `<td lang="${r.language}" dir="${dirOf(r.language)}">${escape(excerpt(r.body))}</td><td>${r.status}${r.machine_assisted ? " (machine-assisted)" : ""}</td>` +
        `<td>${escape(r.translator)}</td><td>${r.updated_at ? escape(new Date(r.updated_at).toISOString().slice(0, 16)) : ""}</td></tr>`,
    )
    .join("");
  const counts = Object.entries(first?.counts ?? {})
    .map(([status, n]) => `<li><a href="?status=${status}">${status}: ${n}</a></li>`)
    .join("");
  const filters =
    `<form method="get"><select name="language">${(first?.languages ?? []).map((l) => `<option value="${l}">${l}</option>`).join("")}</select>` +
    `<select name="delegation">${(first?.delegations ?? []).map((d) => `<option value="${escape(d.code)}">${escape(d.name)}</option>`).join("")}</select><button>Filter</button></form>`;
  const pages = Math.ceil(Number(first?.matching ?? 0) / DESK_PAGE_SIZE);
  const paging = `<nav>${Array.from({ length: pages }, (_, i) => `<a href="?page=${i + 1}">${i + 1}</a>`).join(" ")}</nav>`;
  return page(
    "Translation desk",
    `<ul>${counts}</ul>${filters}<table><thead><tr><th>Delegation</th><th>Language</th><th>Point</th><th>Text</th><th>Status</th><th>Translator</th><th>Updated</th></tr></thead><tbody>${body}</tbody></table>${paging}`,
  );
}

async function crp(db: Database, filled: Filled) {
  const rows = rowsOf<DeskRow & { total: number; versions: { number: number; status: string; digest: string; at: string }[] | null }>(
    await db.execute(sql`
      select c.id, c.language, c.body, d.code, d.name_en, i.number as item, p.label, count(*) over () as total,
             case when t.id is null then 'todo' when t.source_body is distinct from c.body then 'outdated' else t.status::text end as status,
             (select json_agg(json_build_object('number', g.version_number, 'status', g.status, 'digest', g.source_digest, 'at', g.created_at) order by g.version_number)
              from generated_documents g where g.consultation_id = s.consultation_id and g.kind = 'crp') as versions
      from comments c
      join submission_revisions r on r.id = c.revision_id and r.superseded_at is null and r.withdrawn_at is null and (r.late is null or r.late = 'accepted')
      join submissions s on s.id = c.submission_id
      join delegations d on d.id = s.delegation_id
      join agenda_items i on i.id = c.agenda_item_id
      left join discussion_points p on p.id = c.point_id
      left join translations t on t.comment_id = c.id and t.target_language = 'en'
      where s.consultation_id = ${filled.consultationId} and c.language <> 'en' and (t.id is null or t.status <> 'final' or t.source_body is distinct from c.body)
      order by i.position, p.position nulls last, d.name_en limit 200`),
  );
  const versions = (rows[0]?.versions ?? [])
    .map((v) => `<tr><td>${v.number}</td><td>${v.status}</td><td>${escape(v.at)}</td><td><code>${escape(v.digest.slice(0, 12))}</code></td></tr>`)
    .join("");
  const blocking = rows
    .map((r) => `<li><a href="translations/${r.id}">${escape(r.name_en)}, ${escape(r.item)} ${escape(r.label)}: translation ${r.status}</a></li>`)
    .join("");
  return page("Conference room paper", `<table>${versions}</table><p>${rows[0]?.total ?? 0} translations block the final CRP.</p><ol>${blocking}</ol>`);
}

type RevisionRow = {
  items: { id: string; number: string | null; title: string }[];
  id: string | null;
  label: string | null;
  version_number: number | null;
  text: string | null;
  former_label: string | null;
  former_text: string | null;
  comment_id: string | null;
  kind: string | null;
  comment_point_id: string | null;
  proposal_label: string | null;
  language: string;
  body: string;
  proposed_text: string | null;
  t_body: string | null;
  t_proposed: string | null;
  name_en: string;
  disposition: string | null;
  answered_by: string | null;
};

/**
 * Rev.1 of one agenda item (issue 18): the round's points with their current wording, each beside
 * its circulated wording (a redline) and the previous round's comments on the point it comes from
 * (English beside a pending original, the disposition, the Rev.1 points answering it), then the
 * item's general comments and new proposals; the secretariat's tools as links.
 */
async function revision(db: Database, filled: Filled, round: { consultationId: string; item: string }) {
  const rows = rowsOf<RevisionRow>(
    await db.execute(sql`
    with item as (select id from agenda_items where consultation_id = ${round.consultationId} and (number = ${round.item} or id::text = ${round.item})),
    current as (
      select distinct on (v.point_id) v.point_id, v.version_number, v.text from point_versions v join discussion_points p on p.id = v.point_id
      where p.agenda_item_id = (select id from item) order by v.point_id, v.version_number desc),
    circulated as (
      select pv.point_id, pv.text from non_paper_points np join point_versions pv on pv.id = np.point_version_id
      where np.non_paper_id = (select id from non_papers where consultation_id = ${filled.consultationId} order by number desc limit 1)),
    points as (
      select p.id, p.label, p.position, cur.version_number, cur.text, o.origin_point_id, fp.label as former_label, fp.agenda_item_id as former_item, fc.text as former_text
      from discussion_points p join current cur on cur.point_id = p.id
      left join point_origins o on o.point_id = p.id
      left join discussion_points fp on fp.id = o.origin_point_id
      left join circulated fc on fc.point_id = o.origin_point_id
      where p.agenda_item_id = (select id from item)),
    answers as (
      select a.comment_id, string_agg(rp.label, ', ') as labels from point_answers a join discussion_points rp on rp.id = a.point_id
      join agenda_items ri on ri.id = rp.agenda_item_id where ri.consultation_id = ${round.consultationId} group by a.comment_id),
    earlier as (
      select c.id as comment_id, c.kind, c.point_id as comment_point_id, c.label as proposal_label, c.language, c.body, c.proposed_text, c.position,
             t.body as t_body, t.proposed_text as t_proposed, d.name_en, cd.disposition, answers.labels as answered_by
      from comments c
      join submission_revisions r on r.id = c.revision_id
      join submissions s on s.id = r.submission_id
      join delegations d on d.id = s.delegation_id
      left join translations t on t.comment_id = c.id and t.target_language = 'en'
      left join comment_dispositions cd on cd.comment_id = c.id
      left join answers on answers.comment_id = c.id
      where s.consultation_id = ${filled.consultationId} and c.agenda_item_id = (select former_item from points where former_item is not null limit 1)
        and r.superseded_at is null and r.withdrawn_at is null and (r.late is null or r.late = 'accepted'))
    select (select json_agg(json_build_object('id', i.id, 'number', i.number, 'title', i.title) order by i.position) from agenda_items i
              where i.consultation_id = ${round.consultationId}) as items,
           p.id, p.label, p.version_number, p.text, p.former_label, p.former_text,
           e.comment_id, e.kind::text, e.comment_point_id, e.proposal_label, e.language, e.body, e.proposed_text, e.t_body, e.t_proposed, e.name_en,
           e.disposition::text, e.answered_by
    from points p full join earlier e on e.comment_point_id = p.origin_point_id
    where p.id is not null or e.comment_point_id is null
    order by p.position nulls last, e.kind, e.position, e.name_en`),
  );
  const comment = (r: RevisionRow, pointId: string | null) => {
    const pending = r.language !== "en" && r.t_body === null;
    const body = r.language === "en" || pending ? r.body : r.t_body!;
    const proposed =
      r.proposed_text === null ? "" : `<blockquote lang="${pending ? r.language : "en"}" dir="auto">${escape(r.t_proposed ?? r.proposed_text)}</blockquote>`;
    const tools = `<a href="?${r.kind === "amendment" && pointId ? `apply=${r.comment_id}&point=${pointId}` : `answer=${r.comment_id}`}">${r.kind === "amendment" ? "Apply" : "Link"}</a>`;
    return (
      `<li id="comment-${r.comment_id}"><p><strong><bdi>${escape(r.name_en)}</bdi></strong> · ${r.kind} · Disposition: ${r.disposition ?? "none"}</p>` +
      `<p lang="${pending ? r.language : "en"}" dir="auto">${escape(body)}</p>${proposed}${r.answered_by ? `<p>Answered by: ${escape(r.answered_by)}</p>` : ""}${tools}</li>`
    );
  };
  const out: string[] = [];
  let current: string | null = null;
  for (const r of rows) {
    const group = r.id ?? "others";
    if (group !== current) {
      if (current !== null) out.push("</ul></section>");
      current = group;
      if (r.id === null) {
        out.push(`<section><h3>General comments and new proposals</h3><ul>`);
      } else {
        const segments = r.former_text === null ? null : redline(r.former_text, r.text ?? "");
        const wording =
          segments && segments.some((s) => s.kind !== "equal")
            ? `<div class="redline" lang="en" dir="ltr">${segments
                .map((s) =>
                  s.kind === "equal" ? escape(s.text) : `<${s.kind === "insert" ? "ins" : "del"}>${escape(s.text)}</${s.kind === "insert" ? "ins" : "del"}>`,
                )
                .join("")}</div>`
            : `<p lang="en" dir="ltr">${escape(r.text)}</p><p>Unchanged.</p>`;
        const brackets = (r.text ?? "").split("[").length - 1;
        out.push(
          `<section id="point-${r.id}"><h3><bdi>${escape(r.label)}</bdi> (former ${escape(r.former_label)})</h3>${wording}` +
            `${brackets ? `<p>${brackets} passages in brackets</p>` : ""}<a href="?edit=${r.id}&version=${r.version_number}">Change ${escape(r.label)}</a><ul>`,
        );
      }
    }
    if (r.comment_id) out.push(comment(r, r.id));
  }
  if (current !== null) out.push("</ul></section>");
  const items = (rows[0]?.items ?? []).map((i) => `<li><a href="?item=${escape(i.number ?? i.id)}">${escape(i.number)} ${escape(i.title)}</a></li>`).join("");
  return page("Rev.1", `<nav><ul>${items}</ul></nav>${out.join("")}`);
}

export type BaselineKey = "side-item" | "side-point" | "matrix" | "desk" | "desk-filter" | "crp" | "rev1";
export const BASELINE_PATHS: Record<BaselineKey, string> = {
  "side-item": "/side-item",
  "side-point": "/side-point",
  matrix: "/matrix",
  desk: "/desk",
  "desk-filter": "/desk-filter",
  crp: "/crp",
  rev1: "/rev1",
};

/**
 * Starts the bare server; returns its address, the baselines it serves (Rev.1's once the run has
 * started it: round 2's consultation and the agenda item measured) and a stop function.
 */
export async function startBaselineServer(
  db: Database,
  filled: Filled,
  round: { consultationId: string; item: string } | null,
): Promise<{ url: string; keys: BaselineKey[]; stop: () => Promise<void> }> {
  const render: Record<string, () => Promise<string>> = {
    "/side-item": () => sideBySide(db, filled, null),
    "/side-point": () => sideBySide(db, filled, filled.items[0]!.points[0]!.id),
    "/matrix": () => matrix(db, filled),
    "/desk": () => desk(db, filled, null),
    "/desk-filter": () => desk(db, filled, "ar"),
    "/crp": () => crp(db, filled),
    ...(round ? { "/rev1": () => revision(db, filled, round) } : {}),
  };
  const compress = compression();
  const server = http.createServer((req, res) => {
    compress(req as never, res as never, () => {
      const make = render[req.url ?? ""];
      if (!make) return void res.writeHead(404).end();
      make().then(
        (html) => res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    keys: (Object.keys(BASELINE_PATHS) as BaselineKey[]).filter((key) => render[BASELINE_PATHS[key]]),
    stop: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
