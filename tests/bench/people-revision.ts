// Issue 18 at scale, after every other measurement (it changes the consultation): the secretariat
// closes the reflection period on the closing page and starts the Chair's revised text on the
// Rev.1 page, as people do; every other point of Rev.1 then takes a delegation's amendment with
// the page's "apply" (a Rev.1 with revised and kept points, so that the tracked changes have
// something to show). Then the Rev.1 page of one agenda item and the documents of both rounds:
// the comment-resolution table (Word, Excel) and the compilation text of round 1, Rev.1 as Word
// with tracked changes and clean.
import { performance } from "node:perf_hooks";
import type { Filled } from "./people-data";
import { pageProblem, type Client, type PageFigure } from "./people-http";
import { measurePages, type PageSpec, type People } from "./people-pages";

export type RevisionSetup = {
  /** Round 2: the consultation that carries Rev.1. */
  consultationId: string;
  /** The agenda item whose Rev.1 page is measured (its number, as the page's links name it). */
  item: string;
  closeMs: number;
  startMs: number;
  /** Points of Rev.1 that took an amendment, of all points. */
  applied: number;
  points: number;
  errors: string[];
};

const DOWNLOAD = { accept: "*/*" };
const log = (text: string) => console.error(`bench:   ${text}`);

/** The pages and documents measured once Rev.1 exists. */
export function revisionPageList(filled: Filled, setup: RevisionSetup): PageSpec[] {
  const first = `/consultations/${filled.consultationId}`;
  const second = `/consultations/${setup.consultationId}`;
  return [
    { key: "rev1", name: "Rev.1, one agenda item", who: "secretariat", path: `${second}/revision?item=${encodeURIComponent(setup.item)}` },
    { key: "resolution-docx", name: "comment-resolution table, Word", who: "chair", path: `${first}/exports/comment-resolution.docx`, headers: DOWNLOAD },
    { key: "resolution-xlsx", name: "comment-resolution table, Excel", who: "chair", path: `${first}/exports/comment-resolution.xlsx`, headers: DOWNLOAD },
    { key: "compilation-docx", name: "compilation text, Word", who: "chair", path: `${first}/exports/compilation-text.docx`, headers: DOWNLOAD },
    { key: "revised-docx", name: "Rev.1, Word, tracked changes", who: "secretariat", path: `${second}/exports/revised-text.docx`, headers: DOWNLOAD },
    { key: "revised-clean-docx", name: "Rev.1, Word, clean", who: "secretariat", path: `${second}/exports/revised-text-clean.docx`, headers: DOWNLOAD },
  ];
}

type ApplyForm = { pointId: string; commentId: string; basedOnVersion: string };

/** The points of a Rev.1 page in their order, each with its "apply this amendment" forms. */
function pointsOnPage(html: string): { id: string; applies: ApplyForm[] }[] {
  const points = [...html.matchAll(/<section[^>]*\bid="point-([0-9a-f-]{36})"/g)].map((m) => ({ id: m[1]!, applies: [] as ApplyForm[] }));
  const byId = new Map(points.map((p) => [p.id, p]));
  for (const [form] of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)) {
    const input = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1];
    if (input("intent") !== "apply") continue;
    const apply = { pointId: input("pointId") ?? "", commentId: input("commentId") ?? "", basedOnVersion: input("basedOnVersion") ?? "" };
    byId.get(apply.pointId)?.applies.push(apply);
  }
  return points;
}

/**
 * Closes the period (with the reason an early closing needs), starts Rev.1 (following the
 * redirect to its page), then on every agenda item applies an amendment to every other point: the
 * first one the page offers that can be applied (one proposed in another language and not yet
 * translated is refused, and the next is tried).
 */
export async function prepareRevision(secretariat: Client, filled: Filled): Promise<RevisionSetup> {
  const c = `/consultations/${filled.consultationId}`;
  const errors: string[] = [];
  const item = filled.items[0]!.number ?? filled.items[0]!.id;

  let start = performance.now();
  const close = await secretariat.post(
    `${c}/closing`,
    new URLSearchParams({ intent: "close", reason: "The Bureau agreed to end the reflection period early (benchmark).", confirmClose: "on" }),
  );
  const closeMs = performance.now() - start;
  if (close.status !== 302) errors.push(`closing the reflection period: HTTP ${close.status}`);

  start = performance.now();
  const started = await secretariat.post(`${c}/revision`, new URLSearchParams({ intent: "start" }));
  const location = String(started.headers.location ?? "");
  const consultationId = /\/consultations\/([0-9a-f-]{36})\/revision/.exec(location)?.[1] ?? "";
  const first = consultationId ? await secretariat.get(location) : null;
  const startMs = performance.now() - start;
  if (started.status !== 302 || !consultationId || consultationId === filled.consultationId) errors.push(`starting Rev.1: HTTP ${started.status} ${location}`);
  const firstProblem = first && pageProblem(first);
  if (firstProblem) errors.push(`Rev.1 after its start (${location}): ${firstProblem}`);
  log(`closed in ${closeMs.toFixed(0)} ms, Rev.1 started in ${startMs.toFixed(0)} ms (with its page)`);

  let applied = 0;
  let points = 0;
  if (consultationId) {
    const r = `/consultations/${consultationId}/revision`;
    for (const agendaItem of filled.items) {
      const query = `?item=${encodeURIComponent(agendaItem.number ?? agendaItem.id)}`;
      const page = await secretariat.get(`${r}${query}`);
      const problem = pageProblem(page);
      if (problem) {
        errors.push(`Rev.1 page ${query}: ${problem}`);
        continue;
      }
      const onPage = pointsOnPage(page.body.toString("utf8"));
      points += onPage.length;
      for (const [index, point] of onPage.entries()) {
        if (index % 2) continue;
        for (const form of point.applies) {
          const answer = await secretariat.post(`${r}${query}`, new URLSearchParams({ intent: "apply", ...form }));
          if (answer.status === 302) {
            applied += 1;
            break;
          }
          if (answer.status !== 409) {
            errors.push(`applying an amendment on Rev.1 ${query}: HTTP ${answer.status}`);
            break;
          }
        }
      }
    }
    log(`${applied} of ${points} points of Rev.1 took an amendment`);
  }
  return { consultationId, item, closeMs, startMs, applied, points, errors };
}

/** Prepares Rev.1 and measures its page and the documents of both rounds. */
export async function measureRevision(
  people: People,
  filled: Filled,
  runs: number,
): Promise<{ setup: RevisionSetup; pages: (PageFigure & { key: string })[] }> {
  const setup = await prepareRevision(people.secretariat, filled);
  if (!setup.consultationId) return { setup, pages: [] };
  return { setup, pages: await measurePages(people, revisionPageList(filled, setup), runs) };
}
