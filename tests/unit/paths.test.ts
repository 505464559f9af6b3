// Every in-app address comes from app/lib/paths.ts: each function's output, the encoding of
// segments from data, the query (order, empty values left out), and that each path is one the
// route files in app/routes/ define.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCrpFile } from "~/lib/crp-files";
import { paths } from "~/lib/paths";

const C = "0b6f1f9e-3c1a-4d2b-9a7e-5f4c3b2a1d0e";
const P = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const M = "11111111-2222-4333-8444-555555555555";
const TOKEN = "T".repeat(43);
const HOSTILE = "A/B?c#d e عربي";
const HOSTILE_SEGMENT = "A%2FB%3Fc%23d%20e%20%D8%B9%D8%B1%D8%A8%D9%8A";

/**
 * The URL pattern of a flat route file: dots are slashes, `$name` a parameter, a trailing `_`
 * leaves the segment out of nesting only, `[.]` is a literal dot, `_index` the parent's own page.
 * A folder route (`name/route.tsx`) has its folder's pattern.
 */
function routePattern(file: string): string {
  const name = file.replace(/\/route\.tsx?$/, "").replace(/\.tsx?$/, "");
  const segments = name
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .map((s) => s.replace(/\u0000/g, "."))
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s === "$" ? "*" : s.startsWith("$") ? `:${s.slice(1)}` : s));
  return `/${segments.join("/")}`;
}

/** Every route module, as a file name or, for a folder route, `folder/route.tsx` (its other modules are private). */
const ROUTE_FILES = readdirSync("app/routes", { withFileTypes: true }).flatMap((entry) => {
  if (!entry.isDirectory()) return [entry.name];
  const route = readdirSync(`app/routes/${entry.name}`).find((file) => /^route\.tsx?$/.test(file));
  return route ? [`${entry.name}/${route}`] : [];
});
const ROUTES = new Map(ROUTE_FILES.map((file) => [file, routePattern(file)]));

/** Whether `pathname` is one the pattern matches (a parameter is one non-empty segment). */
function matches(pattern: string, pathname: string): boolean {
  const want = pattern.split("/");
  const got = pathname.split("/");
  return want.length === got.length && want.every((w, i) => (w.startsWith(":") ? got[i] !== "" : w === got[i]));
}

const pathnameOf = (href: string) => new URL(href, "http://x").pathname;

// Each function, called with sample ids, its address today, and the route file that serves it.
const CASES: [keyof typeof paths, string, string][] = [
  ["home", paths.home(), "_index.tsx"],
  ["login", paths.login(), "login.tsx"],
  ["loginTwoFactor", paths.loginTwoFactor(), "login_.two-factor.tsx"],
  ["loginTwoFactorSetup", paths.loginTwoFactorSetup(), "login_.two-factor_.setup.tsx"],
  ["logout", paths.logout(), "logout.tsx"],
  ["account", paths.account(), "account.tsx"],
  ["accountTwoFactor", paths.accountTwoFactor(), "account_.two-factor.tsx"],
  ["users", paths.users(), "users.tsx"],
  ["groups", paths.groups(), "groups._index.tsx"],
  ["group", paths.group(P), "groups.$groupId.tsx"],
  ["outbox", paths.outbox(), "outbox.tsx"],
  ["outboxResetLink", paths.outboxResetLink(), "outbox_.reset-link.tsx"],
  ["meetingNew", paths.meetingNew(), "meetings.new.tsx"],
  ["meetingEdit", paths.meetingEdit(M), "meetings.$meetingId.edit.tsx"],
  ["consultationNew", paths.consultationNew(), "consultations.new.tsx"],
  ["archiveImport", paths.archiveImport(), "archive.import.tsx"],
  ["invitation", paths.invitation(TOKEN), "invitations.$token.tsx"],
  ["passwordReset", paths.passwordReset(), "password-reset.tsx"],
  ["resetPassword", paths.resetPassword(TOKEN), "password-reset_.$token.tsx"],
  ["language", paths.language(), "language.tsx"],
  ["locales", paths.locales("ar"), "locales.$language.ts"],
  ["consultation", paths.consultation(C), "consultations.$consultationId._index.tsx"],
  ["consultationEdit", paths.consultationEdit(C), "consultations.$consultationId.edit.tsx"],
  ["agenda", paths.agenda(C), "consultations.$consultationId.agenda.tsx"],
  ["agendaImport", paths.agendaImport(C), "consultations.$consultationId.agenda_.import.tsx"],
  ["registrations", paths.registrations(C), "consultations.$consultationId.registrations.tsx"],
  ["consultationGroups", paths.consultationGroups(C), "consultations.$consultationId.groups.tsx"],
  ["circulate", paths.circulate(C), "consultations.$consultationId.circulate.tsx"],
  ["closing", paths.closing(C), "consultations.$consultationId.closing.tsx"],
  ["nonPaper", paths.nonPaper(C), "consultations.$consultationId.non-paper.tsx"],
  ["nonPaperDocx", paths.nonPaperDocx(C), "consultations.$consultationId_.non-paper[.]docx.ts"],
  ["nonPaperPdf", paths.nonPaperPdf(C), "consultations.$consultationId_.non-paper[.]pdf.ts"],
  ["sideBySide", paths.sideBySide(C), "consultations.$consultationId.side-by-side/route.tsx"],
  ["revision", paths.revision(C), "consultations.$consultationId.revision/route.tsx"],
  ["meetingExport", paths.meetingExport(C, "side-by-side.docx", "?item=2"), "consultations.$consultationId_.exports.$file.ts"],
  ["dispositionImport", paths.dispositionImport(C), "consultations.$consultationId.dispositions_.import.tsx"],
  ["matrix", paths.matrix(C), "consultations.$consultationId.matrix.tsx"],
  ["crp", paths.crp(C), "consultations.$consultationId.crp.tsx"],
  ["crpFile", paths.crpFile(C, 3, "docx"), "consultations.$consultationId_.crp_.$file.ts"],
  ["audit", paths.audit(C), "consultations.$consultationId.audit.tsx"],
  ["auditCsv", paths.auditCsv(C, { delegation: "PER" }), "consultations.$consultationId_.audit[.]csv.ts"],
  ["archiveJson", paths.archiveJson(C), "consultations.$consultationId_.archive[.]json.ts"],
  ["point", paths.point(C, P), "consultations.$consultationId.points.$pointId.tsx"],
  ["translations", paths.translations(C), "consultations.$consultationId.translations.tsx"],
  ["translation", paths.translation(C, P), "consultations.$consultationId.translations_.$commentId.tsx"],
  ["submission", paths.submission(C), "consultations.$consultationId.submission.tsx"],
  ["ownDispositions", paths.ownDispositions(C), "consultations.$consultationId.submission_.dispositions.tsx"],
  ["submissionDraft", paths.submissionDraft(C), "consultations.$consultationId_.submission_.draft.ts"],
  ["submissionPresence", paths.submissionPresence(C), "consultations.$consultationId_.submission_.presence.ts"],
  ["submissionReview", paths.submissionReview(C), "consultations.$consultationId.submission_.review.tsx"],
  ["receipt", paths.receipt(C, 2), "consultations.$consultationId.submission_.receipts.$revisionNumber.tsx"],
  ["joint", paths.joint(C), "consultations.$consultationId.submission_.joint.tsx"],
  ["alignments", paths.alignments(C), "consultations.$consultationId.alignments.tsx"],
  ["alignmentReceipt", paths.alignmentReceipt(C, "CTOC-2020-MAR-0012"), "consultations.$consultationId.alignments_.$receiptNumber.tsx"],
  ["mission", paths.mission(C), "consultations.$consultationId.mission.tsx"],
  ["submissions", paths.submissions(C), "consultations.$consultationId.submissions.tsx"],
  ["submissionsImport", paths.submissionsImport(C), "consultations.$consultationId.submissions_.import/route.tsx"],
  ["delegationRevision", paths.delegationRevision(C, "FRA", 2), "consultations.$consultationId.submissions_.$delegationCode.$revisionNumber.tsx"],
];

describe("routePattern", () => {
  it("reads flat route file names", () => {
    expect(routePattern("consultations.$consultationId.submission_.receipts.$revisionNumber.tsx")).toBe(
      "/consultations/:consultationId/submission/receipts/:revisionNumber",
    );
    expect(routePattern("consultations.$consultationId_.archive[.]json.ts")).toBe("/consultations/:consultationId/archive.json");
    expect(routePattern("_index.tsx")).toBe("/");
    expect(routePattern("$.tsx")).toBe("/*");
    expect(routePattern("consultations.$consultationId.submissions_.import/route.tsx")).toBe("/consultations/:consultationId/submissions/import");
  });
});

describe("paths", () => {
  it("has a case below for every function", () => {
    expect(CASES.map(([name]) => name).sort()).toEqual(Object.keys(paths).sort());
  });

  it.each(CASES)("%s is served by its route file", (_, href, file) => {
    const pattern = ROUTES.get(file);
    expect(pattern, `app/routes/${file}`).toBeDefined();
    expect(matches(pattern!, pathnameOf(href)), `${href} against ${pattern}`).toBe(true);
  });

  it("reaches every page and resource route but the catch-all and the health check", () => {
    const reached = new Set(CASES.map(([, , file]) => file));
    const unreached = [...ROUTES.keys()].filter((file) => !reached.has(file));
    // The consultation pages' frame is a layout: its address is its _index page's.
    expect(unreached.sort()).toEqual(["$.tsx", "consultations.$consultationId.tsx", "healthz.tsx"]);
  });

  it("writes the addresses the app has always used", () => {
    expect(paths.home()).toBe("/");
    expect(paths.login()).toBe("/login");
    expect(paths.loginTwoFactor()).toBe("/login/two-factor");
    expect(paths.loginTwoFactorSetup()).toBe("/login/two-factor/setup");
    expect(paths.logout()).toBe("/logout");
    expect(paths.account()).toBe("/account");
    expect(paths.accountTwoFactor()).toBe("/account/two-factor");
    expect(paths.users()).toBe("/users");
    expect(paths.groups()).toBe("/groups");
    expect(paths.group(P)).toBe(`/groups/${P}`);
    expect(paths.group("a/b")).toBe("/groups/a%2Fb");
    expect(paths.outbox()).toBe("/outbox");
    expect(paths.outboxResetLink()).toBe("/outbox/reset-link");
    expect(paths.meetingNew()).toBe("/meetings/new");
    expect(paths.meetingEdit(M)).toBe(`/meetings/${M}/edit`);
    expect(paths.consultationNew()).toBe("/consultations/new");
    expect(paths.archiveImport()).toBe("/archive/import");
    expect(paths.invitation(TOKEN)).toBe(`/invitations/${TOKEN}`);
    expect(paths.passwordReset()).toBe("/password-reset");
    expect(paths.resetPassword(TOKEN)).toBe(`/password-reset/${TOKEN}`);
    expect(paths.language()).toBe("/language");
    expect(paths.locales("zh")).toBe("/locales/zh");
    expect(paths.consultation(C)).toBe(`/consultations/${C}`);
    expect(paths.consultationEdit(C)).toBe(`/consultations/${C}/edit`);
    expect(paths.agenda(C)).toBe(`/consultations/${C}/agenda`);
    expect(paths.agendaImport(C)).toBe(`/consultations/${C}/agenda/import`);
    expect(paths.registrations(C)).toBe(`/consultations/${C}/registrations`);
    expect(paths.consultationGroups(C)).toBe(`/consultations/${C}/groups`);
    expect(paths.circulate(C)).toBe(`/consultations/${C}/circulate`);
    expect(paths.closing(C)).toBe(`/consultations/${C}/closing`);
    expect(paths.nonPaper(C)).toBe(`/consultations/${C}/non-paper`);
    expect(paths.nonPaperPdf(C)).toBe(`/consultations/${C}/non-paper.pdf`);
    expect(paths.nonPaperDocx(C)).toBe(`/consultations/${C}/non-paper.docx`);
    expect(paths.sideBySide(C)).toBe(`/consultations/${C}/side-by-side`);
    expect(paths.meetingExport(C, "compilation-text.docx")).toBe(`/consultations/${C}/exports/compilation-text.docx`);
    expect(paths.matrix(C)).toBe(`/consultations/${C}/matrix`);
    expect(paths.crp(C)).toBe(`/consultations/${C}/crp`);
    expect(paths.crpFile(C, 3, "docx")).toBe(`/consultations/${C}/crp/v3.docx`);
    expect(paths.audit(C)).toBe(`/consultations/${C}/audit`);
    expect(paths.archiveJson(C)).toBe(`/consultations/${C}/archive.json`);
    expect(paths.point(C, P)).toBe(`/consultations/${C}/points/${P}`);
    expect(paths.translations(C)).toBe(`/consultations/${C}/translations`);
    expect(paths.translation(C, P)).toBe(`/consultations/${C}/translations/${P}`);
    expect(paths.submission(C)).toBe(`/consultations/${C}/submission`);
    expect(paths.ownDispositions(C)).toBe(`/consultations/${C}/submission/dispositions`);
    expect(paths.submissionDraft(C)).toBe(`/consultations/${C}/submission/draft`);
    expect(paths.submissionPresence(C)).toBe(`/consultations/${C}/submission/presence`);
    expect(paths.submissionReview(C)).toBe(`/consultations/${C}/submission/review`);
    expect(paths.receipt(C, 1)).toBe(`/consultations/${C}/submission/receipts/1`);
    expect(paths.joint(C)).toBe(`/consultations/${C}/submission/joint`);
    expect(paths.alignments(C)).toBe(`/consultations/${C}/alignments`);
    expect(paths.alignmentReceipt(C, "CTOC-2020-MAR-0012")).toBe(`/consultations/${C}/alignments/CTOC-2020-MAR-0012`);
    expect(paths.mission(C)).toBe(`/consultations/${C}/mission`);
    expect(paths.submissions(C)).toBe(`/consultations/${C}/submissions`);
    expect(paths.submissionsImport(C)).toBe(`/consultations/${C}/submissions/import`);
    expect(paths.delegationRevision(C, "FRA", 2)).toBe(`/consultations/${C}/submissions/FRA/2`);
  });

  it("writes the queries and anchors of today's links and redirects", () => {
    // What an action did ("Saved.", "circulated") is a one-time notice, not a query: the
    // redirects after a change go to the page's own address, with the focus target and hash
    // where the page moves the focus after it.
    expect(paths.agenda(C, { focus: `point-up-${P}` }, `point-up-${P}`)).toBe(`/consultations/${C}/agenda?focus=point-up-${P}#point-up-${P}`);
    expect(paths.crp(C, {}, "paragraph-received")).toBe(`/consultations/${C}/crp#paragraph-received`);
    expect(paths.crp(C, { from: 1, to: 2 })).toBe(`/consultations/${C}/crp?from=1&to=2`);
    expect(paths.sideBySide(C, { item: "3", point: P }, `point-${P}-FRA`)).toBe(`/consultations/${C}/side-by-side?item=3&point=${P}#point-${P}-FRA`);
    expect(paths.submissions(C, { status: "late_pending", extend: "FRA" })).toBe(`/consultations/${C}/submissions?status=late_pending&extend=FRA`);
    expect(paths.submissions(C, {}, "late-title")).toBe(`/consultations/${C}/submissions#late-title`);
    expect(paths.outbox({ consultation: C })).toBe(`/outbox?consultation=${C}`);
    expect(paths.login({ idle: 120, redirectTo: "/consultations?x=1" })).toBe("/login?idle=120&redirectTo=%2Fconsultations%3Fx%3D1");
    // ?sent=1 is the page's other state (the form gives way to "check your inbox"), not only a message.
    expect(paths.passwordReset({ sent: 1 })).toBe("/password-reset?sent=1");
    expect(paths.meetingEdit(M, { back: `/consultations/${C}` })).toBe(`/meetings/${M}/edit?back=%2Fconsultations%2F${C}`);
    expect(paths.invitation(TOKEN, { lng: "fr" })).toBe(`/invitations/${TOKEN}?lng=fr`);
    expect(paths.locales("ar", { v: "0123456789ab" })).toBe("/locales/ar?v=0123456789ab");
  });

  it("encodes segments from data, so that each stays one segment", () => {
    expect(paths.delegationRevision(C, HOSTILE, 2)).toBe(`/consultations/${C}/submissions/${HOSTILE_SEGMENT}/2`);
    expect(paths.consultation(HOSTILE)).toBe(`/consultations/${HOSTILE_SEGMENT}`);
    expect(paths.point(C, "../../users")).toBe(`/consultations/${C}/points/..%2F..%2Fusers`);
    expect(paths.invitation("a/b?c")).toBe("/invitations/a%2Fb%3Fc");
    expect(paths.meetingEdit("x#y")).toBe("/meetings/x%23y/edit");
    // Read back, the hostile code is the route's one parameter, intact.
    const pathname = pathnameOf(paths.delegationRevision(C, HOSTILE, 2));
    expect(matches(ROUTES.get("consultations.$consultationId.submissions_.$delegationCode.$revisionNumber.tsx")!, pathname)).toBe(true);
    expect(decodeURIComponent(pathname.split("/")[4]!)).toBe(HOSTILE);
    // A hostile hash and query value stay in their part of the address.
    const url = new URL(paths.sideBySide(C, { delegation: HOSTILE }, HOSTILE), "http://x");
    expect(url.pathname).toBe(`/consultations/${C}/side-by-side`);
    expect(url.searchParams.get("delegation")).toBe(HOSTILE);
    expect(decodeURIComponent(url.hash.slice(1))).toBe(HOSTILE);
  });

  it("keeps a CRP file's version and format readable by the route", () => {
    const file = paths.crpFile(C, 12, "pdf").split("/").at(-1);
    expect(parseCrpFile(file)).toEqual({ versionNumber: 12, format: "pdf" });
  });

  it("leaves out empty values and writes the rest in the page's own order", () => {
    expect(paths.outbox({ status: null, consultation: undefined, page: "" })).toBe("/outbox");
    expect(paths.submissions(C, { status: "", extend: "FRA" })).toBe(`/consultations/${C}/submissions?extend=FRA`);
    // Given in another order, the same address.
    expect(paths.sideBySide(C, { point: P, item: "3" })).toBe(`/consultations/${C}/side-by-side?item=3&point=${P}`);
    expect(paths.login({ redirectTo: "/users", idle: 30 })).toBe("/login?idle=30&redirectTo=%2Fusers");
    expect(paths.translations(C, { page: 2, delegation: "FRA", language: "fr", status: "todo" })).toBe(
      `/consultations/${C}/translations?status=todo&language=fr&delegation=FRA&page=2`,
    );
    expect(paths.agenda(C, {}, "")).toBe(`/consultations/${C}/agenda`);
  });
});
