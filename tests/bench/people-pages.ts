// The pages people open at scale, each as the person who opens it (the secretariat with its
// two-factor code, the chair, a delegate), measured over HTTP; and the CRP's compile, Word and
// PDF through the same routes the secretariat uses.
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../db/seed";
import { CHAIR_EMAIL, OFFICER_EMAIL, type Delegate, type Filled } from "./people-data";
import { Client, measurePage, pageProblem, signIn, type PageFigure } from "./people-http";

export type Who = "secretariat" | "chair" | "delegate";
/** `headers`: what a browser sends for a download instead of a page. */
export type PageSpec = { key: string; name: string; who: Who; path: string; headers?: Record<string, string> };
export type People = Record<Who, Client>;

/** The delegate whose own pages are measured: one writing in Arabic, who has sent something. */
export const pageDelegate = (filled: Filled): Delegate => filled.delegates.find((d, i) => d.language === "ar" && i % 50 !== 49) ?? filled.delegates[0]!;

export function pageList(filled: Filled): PageSpec[] {
  const c = `/consultations/${filled.consultationId}`;
  const item = filled.items[0]!;
  return [
    { key: "overview", name: "consultation overview", who: "secretariat", path: c },
    { key: "agenda", name: "agenda", who: "secretariat", path: `${c}/agenda` },
    { key: "registrations", name: "registrations", who: "secretariat", path: `${c}/registrations` },
    { key: "submissions", name: "submissions list", who: "secretariat", path: `${c}/submissions` },
    { key: "desk", name: "translation desk, unfiltered", who: "secretariat", path: `${c}/translations` },
    { key: "desk-filter", name: "translation desk, Arabic only", who: "secretariat", path: `${c}/translations?language=ar` },
    { key: "side-item", name: "side-by-side, one agenda item", who: "chair", path: `${c}/side-by-side?item=${item.id}` },
    { key: "side-point", name: "side-by-side, one point", who: "chair", path: `${c}/side-by-side?item=${item.id}&point=${item.points[0]!.id}` },
    { key: "matrix", name: "matrix", who: "chair", path: `${c}/matrix` },
    { key: "crp", name: "CRP page", who: "secretariat", path: `${c}/crp` },
    { key: "audit", name: "audit log", who: "secretariat", path: `${c}/audit` },
    { key: "editor", name: "delegate's submission editor", who: "delegate", path: `${c}/submission` },
    { key: "review", name: "delegate's review page", who: "delegate", path: `${c}/submission/review` },
  ];
}

export async function signInPeople(base: string, filled: Filled): Promise<People> {
  const people = { secretariat: new Client(base), chair: new Client(base), delegate: new Client(base) };
  await signIn(people.secretariat, OFFICER_EMAIL, DEMO_PASSWORD, DEMO_TOTP_SECRET);
  await signIn(people.chair, CHAIR_EMAIL, DEMO_PASSWORD);
  await signIn(people.delegate, pageDelegate(filled).email, DEMO_PASSWORD);
  return people;
}

export async function measurePages(people: People, pages: PageSpec[], runs: number): Promise<(PageFigure & { key: string })[]> {
  const figures = [];
  for (const page of pages) {
    const figure = await measurePage(people[page.who], page.name, page.path, runs, page.headers);
    console.error(
      `bench:   ${page.name.padEnd(36)} ${figure.status} ttfb ${figure.ttfbMs.toFixed(0).padStart(6)} ms  total ${figure.totalMs.toFixed(0).padStart(6)} ms  ` +
        `${(figure.wireBytes / 1e6).toFixed(2)}/${(figure.bytes / 1e6).toFixed(2)} MB  ${figure.sql ?? "?"} SQL${figure.errors.length ? `  ERRORS: ${figure.errors.length}` : ""}`,
    );
    figures.push({ ...figure, key: page.key });
  }
  return figures;
}

export type CrpFigures = { compileMs: number; docxMs: number; docxBytes: number; pdfMs: number; pdfBytes: number; errors: string[] };

/** "Compile a draft" on the CRP page, then the compiled version as Word and as PDF. */
export async function measureCrp(secretariat: Client, consultationId: string): Promise<CrpFigures> {
  const c = `/consultations/${consultationId}/crp`;
  const errors: string[] = [];
  const compile = await secretariat.post(c, new URLSearchParams({ intent: "draft", expectedLatestVersion: "0" }));
  // Compiled on top of version 0, it is version 1 (the redirect says so in a one-time notice, not in the address).
  const version = compile.status === 302 && String(compile.headers.location ?? "").endsWith(c) ? 1 : null;
  if (!version) errors.push(`CRP compile: HTTP ${compile.status} ${compile.headers.location ?? ""}`);
  const docx = await secretariat.get(`${c}/v${version ?? 1}.docx`, { accept: "*/*" });
  const docxProblem = pageProblem(docx);
  if (docxProblem) errors.push(`CRP DOCX: ${docxProblem}`);
  const pdf = await secretariat.get(`${c}/v${version ?? 1}.pdf`, { accept: "*/*" });
  const pdfProblem = pageProblem(pdf) ?? (pdf.body.subarray(0, 5).toString("latin1") === "%PDF-" ? null : "not a PDF");
  if (pdfProblem) errors.push(`CRP PDF: ${pdfProblem}`);
  return { compileMs: compile.totalMs, docxMs: docx.totalMs, docxBytes: docx.body.length, pdfMs: pdf.totalMs, pdfBytes: pdf.body.length, errors };
}
