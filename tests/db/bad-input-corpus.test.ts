// The bad-input corpus (issue 17): every case of tests/fixtures/bad-input/ sent to its route's
// loader or action as the browser would send it, signed in as the case says. Each answer must
// have the case's status, never 500, no stack trace or server path, and show the case's message
// (namespace:key): the answer's data holds the key, or the code the page turns into it (the error
// page for a thrown 4xx, the archive page's codes, …: shownKeys), and the key has a text in
// English, in the reader's language and in the four others. Every other message in the answer
// must be a key too, never Zod's English. And the database must be as it was, table by table
// (row count and md5 of the ordered rows). Not compared: sessions (every signed-in request moves
// last_seen_at), login_attempts and login_throttles (a refused sign-in or second-factor code is
// counted there on purpose, so that guessing is throttled: those rows are the defence, not the
// bad input's content). The pages' components are not rendered here: each shows its messages
// with t(key), which is what the texts checked are.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { matchRoutes } from "react-router-dom";
import { beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18next";
import { LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { serializeArchive, type Archive } from "~/lib/archive-schema";
import { exportConsultation } from "~/models/archive.server";
import { compileCrp } from "~/models/crp.server";
import { issueInvitationToken, inviteDelegate } from "~/models/invitation.server";
import { issuePasswordResetToken, requestPasswordReset } from "~/models/password-reset.server";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { submitSubmission } from "~/models/submission-submit.server";
import { createSession } from "~/models/session.server";
import { getDb, schema } from "~/utils/db.server";
import { sessionCookie } from "~/utils/session.server";
import * as accountRoute from "~/routes/account";
import * as archiveImportRoute from "~/routes/archive.import";
import * as agendaRoute from "~/routes/consultations.$consultationId.agenda";
import * as agendaImportRoute from "~/routes/consultations.$consultationId.agenda_.import";
import * as circulateRoute from "~/routes/consultations.$consultationId.circulate";
import * as closingRoute from "~/routes/consultations.$consultationId.closing";
import * as crpRoute from "~/routes/consultations.$consultationId.crp";
import * as consultationEditRoute from "~/routes/consultations.$consultationId.edit";
import * as matrixRoute from "~/routes/consultations.$consultationId.matrix";
import * as pointRoute from "~/routes/consultations.$consultationId.points.$pointId";
import * as registrationsRoute from "~/routes/consultations.$consultationId.registrations";
import * as sideBySideRoute from "~/routes/consultations.$consultationId.side-by-side/route";
import * as submissionRoute from "~/routes/consultations.$consultationId.submission";
import * as receiptRoute from "~/routes/consultations.$consultationId.submission_.receipts.$revisionNumber";
import * as reviewRoute from "~/routes/consultations.$consultationId.submission_.review";
import * as submissionsRoute from "~/routes/consultations.$consultationId.submissions";
import * as revisionRoute from "~/routes/consultations.$consultationId.submissions_.$delegationCode.$revisionNumber";
import * as importRoute from "~/routes/consultations.$consultationId.submissions_.import/route";
import * as translationRoute from "~/routes/consultations.$consultationId.translations_.$commentId";
import * as crpFileRoute from "~/routes/consultations.$consultationId_.crp_.$file";
import * as exportsRoute from "~/routes/consultations.$consultationId_.exports.$file";
import * as draftRoute from "~/routes/consultations.$consultationId_.submission_.draft";
import * as consultationNewRoute from "~/routes/consultations.new";
import * as invitationRoute from "~/routes/invitations.$token";
import * as languageRoute from "~/routes/language";
import * as loginRoute from "~/routes/login";
import * as loginTwoFactorRoute from "~/routes/login_.two-factor";
import * as meetingEditRoute from "~/routes/meetings.$meetingId.edit";
import * as meetingNewRoute from "~/routes/meetings.new";
import * as outboxRoute from "~/routes/outbox";
import * as resetLinkRoute from "~/routes/outbox_.reset-link";
import * as passwordResetRoute from "~/routes/password-reset";
import * as passwordResetTokenRoute from "~/routes/password-reset_.$token";
import * as twoFactorRoute from "~/routes/account_.two-factor";
import * as usersRoute from "~/routes/users";
import { ARCHIVE_MUTATIONS } from "../fixtures/bad-input/archives";
import { CASES } from "../fixtures/bad-input/index";
import { bytesOf, generateFile } from "../fixtures/bad-input/files";
import type { BadInputCase, Body } from "../fixtures/bad-input/types";
import { BASE_URL, userIdByEmail } from "./helpers";
import { delegationIdOf, openConsultation, userByEmail } from "./submission-setup";
import { crpConsultation, crpSubmissions } from "./crp-setup";
import { insertDraftConsultation } from "./fixtures";
import { useTestDatabase } from "./support";

useTestDatabase();

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;
type RouteModule = { loader?: unknown; action?: unknown };

// Every route a case may name, by the address the browser uses. matchRoutes ranks them as
// Remix does (a static segment before a parameter).
const ROUTES: [string, RouteModule][] = [
  ["/login", loginRoute],
  ["/login/two-factor", loginTwoFactorRoute],
  ["/password-reset", passwordResetRoute],
  ["/password-reset/:token", passwordResetTokenRoute],
  ["/invitations/:token", invitationRoute],
  ["/language", languageRoute],
  ["/account", accountRoute],
  ["/account/two-factor", twoFactorRoute],
  ["/users", usersRoute],
  ["/outbox", outboxRoute],
  ["/outbox/reset-link", resetLinkRoute],
  ["/meetings/new", meetingNewRoute],
  ["/meetings/:meetingId/edit", meetingEditRoute],
  ["/archive/import", archiveImportRoute],
  ["/consultations/new", consultationNewRoute],
  ["/consultations/:consultationId/edit", consultationEditRoute],
  ["/consultations/:consultationId/agenda", agendaRoute],
  ["/consultations/:consultationId/agenda/import", agendaImportRoute],
  ["/consultations/:consultationId/registrations", registrationsRoute],
  ["/consultations/:consultationId/circulate", circulateRoute],
  ["/consultations/:consultationId/closing", closingRoute],
  ["/consultations/:consultationId/crp", crpRoute],
  ["/consultations/:consultationId/crp/:file", crpFileRoute],
  ["/consultations/:consultationId/exports/:file", exportsRoute],
  ["/consultations/:consultationId/matrix", matrixRoute],
  ["/consultations/:consultationId/points/:pointId", pointRoute],
  ["/consultations/:consultationId/side-by-side", sideBySideRoute],
  ["/consultations/:consultationId/submission", submissionRoute],
  ["/consultations/:consultationId/submission/draft", draftRoute],
  ["/consultations/:consultationId/submission/review", reviewRoute],
  ["/consultations/:consultationId/submission/receipts/:revisionNumber", receiptRoute],
  ["/consultations/:consultationId/submissions", submissionsRoute],
  ["/consultations/:consultationId/submissions/import", importRoute],
  ["/consultations/:consultationId/submissions/:delegationCode/:revisionNumber", revisionRoute],
  ["/consultations/:consultationId/translations/:commentId", translationRoute],
];
const routeObjects = ROUTES.map(([path], index) => ({ path, id: String(index) }));

// Tables a refused request may write to on purpose (see the comment at the top).
const NOT_COMPARED = new Set(["sessions", "login_attempts", "login_throttles"]);

const context = { clientAddress: "127.0.0.1" };
const values: Record<string, string> = {};
let archiveBase: Archive;

function fill(text: string): string {
  return text.replace(/\{\{([^}]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${whole}`);
    return value;
  });
}

function archiveText(mutation: string): string {
  const change = ARCHIVE_MUTATIONS[mutation];
  if (!change) throw new Error(`no archive mutation ${mutation}`);
  const changed = change(structuredClone(archiveBase));
  return typeof changed === "string" ? changed : JSON.stringify(changed);
}

// ---------------------------------------------------------------------------------------------
// The database, table by table

async function rowsOf(query: string): Promise<Record<string, unknown>[]> {
  const db = await getDb();
  const result = (await db.execute(sql.raw(query))) as unknown as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
  return Array.isArray(result) ? result : result.rows;
}

let tables: string[] = [];
/** Every compared table: its row count and the md5 of its rows as text, in order. */
async function dump(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await rowsOf(`select count(*)::int as n, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as h from "${table}" t`);
    out[table] = `${String(row!.n)} ${String(row!.h)}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Requests

const cookies = new Map<string, string>();
const languages = new Map<string, Language>();

async function cookieOf(account: string): Promise<string> {
  let cookie = cookies.get(account);
  if (!cookie) {
    const email = `${account}@nonpaper.test`;
    const { token } = await createSession({ userId: await userIdByEmail(email), userAgent: null, ipAddress: null });
    cookie = (await sessionCookie(new Request(BASE_URL)).serialize(token)).split(";")[0]!;
    cookies.set(account, cookie);
    languages.set(account, (await userByEmail(email)).language as Language);
  }
  return cookie;
}

const CRLF = "\r\n";
async function bodyOf(body: Body): Promise<{ body: BodyInit; contentType?: string }> {
  if ("form" in body) return { body: new URLSearchParams(body.form.map(([k, v]) => [fill(k), fill(v)])) };
  if ("raw" in body) return { body: bytesOf(body.raw, fill), contentType: body.contentType };
  if ("multipart" in body) {
    const form = new FormData();
    for (const [name, value] of body.multipart) {
      if (typeof value === "string") form.append(name, fill(value));
      else form.append(name, new File([new Uint8Array(await generateFile(value.file, fill, archiveText))], value.filename, { type: value.type }));
    }
    return { body: form };
  }
  const boundary = `----corpus${randomUUID().replaceAll("-", "")}`;
  const parts: Uint8Array[] = [];
  for (const part of body.multipartRaw) {
    const file = part.filename === undefined ? "" : `; filename="${part.filename}"${CRLF}Content-Type: ${part.type ?? "application/octet-stream"}`;
    parts.push(bytesOf([`--${boundary}${CRLF}Content-Disposition: form-data; name="${part.name}"${file}${CRLF}${CRLF}`]));
    parts.push(bytesOf(part.value, fill), bytesOf([CRLF]));
  }
  parts.push(bytesOf([`--${boundary}--${CRLF}`]));
  return { body: Uint8Array.from(Buffer.concat(parts)), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function requestOf(c: BadInputCase): Promise<Request> {
  const headers = new Headers();
  if (c.as) headers.set("Cookie", await cookieOf(c.as));
  const init: RequestInit = { method: c.method, headers };
  if (c.body) {
    const { body, contentType } = await bodyOf(c.body);
    init.body = body;
    if (contentType) headers.set("Content-Type", contentType);
  }
  return new Request(`${BASE_URL}${fill(c.path)}`, init);
}

// ---------------------------------------------------------------------------------------------
// Answers

type Answer = { status: number; thrown: boolean; payload: unknown; text: string; route: string };

async function fromResponse(response: Response, thrown: boolean, route: string): Promise<Answer> {
  const text = await response.text();
  let payload: unknown = null;
  try {
    payload = JSON.parse(text);
  } catch {
    // not JSON: the text is checked as it is
  }
  return { status: response.status, thrown, payload, text, route };
}

async function answerOf(run: () => Promise<unknown>, route: string): Promise<Answer> {
  let result: unknown;
  let thrown = false;
  try {
    result = await run();
  } catch (error) {
    result = error;
    thrown = true;
  }
  if (result instanceof Response) return fromResponse(result, thrown, route);
  const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } | null } | null;
  if (wrapped && typeof wrapped === "object" && wrapped.type === "DataWithResponseInit") {
    return { status: wrapped.init?.status ?? 200, thrown, payload: wrapped.data, text: JSON.stringify(wrapped.data ?? null), route };
  }
  if (thrown) {
    const error = result as Error;
    return { status: 500, thrown, payload: null, text: `${String(error)}\n${error?.stack ?? ""}`, route };
  }
  return { status: 200, thrown, payload: result, text: JSON.stringify(result ?? null), route };
}

const KEY = /^[a-z][A-Za-z-]*:[A-Za-z0-9_.-]+$/;

/** The message keys the page shows for an answer: those in its data, and those it derives. */
function shownKeys(answer: Answer): Set<string> {
  const keys = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string") {
      if (KEY.test(value)) keys.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(answer.payload);
  const data = (answer.payload ?? {}) as Record<string, unknown>;
  // A thrown 4xx is the error page (app/components/ui/error-boundary.tsx).
  if (answer.thrown && answer.status >= 400) {
    const kind = { 400: "badRequest", 403: "forbidden", 404: "notFound", 503: "unavailable" }[answer.status] ?? "unexpected";
    keys.add(`common:errors.${kind}.title`);
  }
  // Pages that turn a code of their data into a message.
  const route = ROUTES[Number(answer.route)]![0];
  if (route === "/archive/import" && typeof data.error === "string") {
    keys.add(`archive:errors.${data.error}`);
    for (const p of (data.problems ?? []) as { code: string }[]) keys.add(`archive:problems.${p.code}`);
  }
  if (route === "/invitations/:token" && typeof data.state === "string" && data.state !== "valid") keys.add(`registrations:invalid.${data.state}.title`);
  if (route === "/password-reset/:token" && typeof data.state === "string" && data.state !== "valid") keys.add(`account:reset.invalid.${data.state}.title`);
  if (route === "/outbox/reset-link" && typeof data.reason === "string") keys.add(`account:handover.errors.${data.reason}`);
  // The autosave line under the editor (app/components/submission/use-autosave.ts, autosave-status.tsx).
  if (route === "/consultations/:consultationId/submission/draft" && data.ok === false) {
    const state =
      { signed_out: "signedOut", invalid: "invalid", conflict: "conflict", locked: "closed", deadline_passed: "closed" }[String(data.reason)] ?? "refused";
    keys.add(`submissions:autosave.${state}`);
  }
  if (route === "/login/two-factor" && data.expired === true) keys.add("auth:twoFactor.expired.title");
  return keys;
}

/**
 * The messages of an answer as the page shows them: every string under error, errors,
 * formErrors, fieldErrors or message (Conform's replies, the models' issues). Each must be a key
 * with a text, never Zod's English. The archive page's problems carry an English message for the
 * command line and a code for the page (archive:problems.<code>): those are left out here.
 */
function messagesOf(value: unknown, under = false, out: string[] = []): string[] {
  if (typeof value === "string") {
    if (under) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => messagesOf(v, under, out));
  else if (value && typeof value === "object") {
    for (const [name, v] of Object.entries(value)) {
      if (name === "problems" || name === "plan" || name === "initialValue" || name === "typedFields" || name === "values") continue;
      messagesOf(v, under || ["error", "errors", "formErrors", "fieldErrors", "message"].includes(name), out);
    }
  }
  return out;
}

const i18n = new Map<Language, ReturnType<typeof createI18n>>();
function translator(language: Language) {
  let instance = i18n.get(language);
  if (!instance) i18n.set(language, (instance = createI18n(language)));
  return instance;
}

/** The text of a key in a language, or null when the key has none there. */
function textOf(key: string, language: Language): string | null {
  const t = translator(language);
  if (!t.exists(key)) return null;
  const text = t.t(key as never, { count: 2, max: 1, size: 10, maxMegabytes: 10, status: 400 }) as string;
  return text && text !== key ? text : null;
}

// A stack trace or a server path in an answer: what the reader must never see.
const STACK = /\n\s+at |node_modules|file:\/\/|\/app\/\w|\.tsx?:\d+|Error: /;

// ---------------------------------------------------------------------------------------------
// The data the cases refer to

beforeAll(async () => {
  const db = await getDb();
  const open = await openConsultation({ delegations: ["PER", "MAR", "FRA", "CHN", "RUS", "USA"] });
  const other = await openConsultation({ delegations: ["PER", "FRA"] });
  const draft = await insertDraftConsultation(db, {
    agendaItems: [{ number: "5", title: "Draft item", points: [{ label: "(a)", text: "A draft point." }] }],
    delegations: ["PER"],
  });
  Object.assign(values, {
    open: open.consultationId,
    other: other.consultationId,
    draft: draft.consultationId,
    meeting: draft.meetingId,
    draftPoint: draft.pointIds[0]!,
    otherItem: other.items["2"]!,
    otherPoint: other.points["2(a)"]!,
  });
  for (const [name, id] of Object.entries(open.items)) values[`item:${name}`] = id;
  for (const [name, id] of Object.entries(open.points)) values[`point:${name}`] = id;
  const [draftItem] = await db
    .select({ id: schema.agendaItems.id })
    .from(schema.agendaItems)
    .where(eq(schema.agendaItems.consultationId, draft.consultationId));
  values.draftItem = draftItem!.id;
  for (const code of ["PER", "MAR", "FRA", "CHN", "RUS", "USA", "EGY", "COL", "DEU"]) values[`delegation:${code}`] = await delegationIdOf(code);
  for (const name of ["secretariat", "chair", "peru", "morocco", "france", "china", "usa", "egypt"])
    values[`user:${name}`] = await userIdByEmail(`${name}@nonpaper.test`);

  // Morocco submits in the open consultation, France in the other: revisions and comments to forge.
  const submit = async (email: string, consultationId: string, content: unknown) => {
    const user = await userByEmail(email);
    const page = await getSubmissionForDelegate(user, consultationId);
    const saved = await saveDraft(user, { consultationId, baseDraftVersion: page!.draft.draftVersion, content });
    if (!saved.ok) throw new Error(`save refused: ${JSON.stringify(saved)}`);
    const sent = await submitSubmission(user, { consultationId, idempotencyKey: randomUUID(), draftVersion: saved.draftVersion, baseUrl: BASE_URL });
    if (!sent.ok) throw new Error(`submit refused: ${JSON.stringify(sent)}`);
    const [revision] = await db
      .select({ id: schema.submissionRevisions.id })
      .from(schema.submissionRevisions)
      .where(eq(schema.submissionRevisions.receiptNumber, sent.receipt.receiptNumber));
    const [comment] = await db.select({ id: schema.comments.id }).from(schema.comments).where(eq(schema.comments.revisionId, revision!.id));
    return { revisionId: revision!.id, commentId: comment!.id };
  };
  const moroccan = await submit("morocco@nonpaper.test", open.consultationId, {
    language: "ar",
    general: [{ agendaItemId: open.items["2"]!, body: "تعليق المغرب على البند 2." }],
    points: [{ pointId: open.points["2(a)"]!, body: "يؤيد المغرب هذه النقطة." }],
  });
  const french = await submit("france@nonpaper.test", other.consultationId, {
    language: "fr",
    general: [{ agendaItemId: other.items["2"]!, body: "La France appuie ce point." }],
    points: [],
  });
  Object.assign(values, {
    "revision:MAR": moroccan.revisionId,
    "comment:MAR": moroccan.commentId,
    otherRevision: french.revisionId,
    otherComment: french.commentId,
  });
  const peru = await userByEmail("peru@nonpaper.test");
  values["draftVersion:peru"] = String((await getSubmissionForDelegate(peru, open.consultationId))!.draft.draftVersion);

  // Originals of email imports, one in each open consultation.
  const officer = await userByEmail("secretariat@nonpaper.test");
  for (const [name, consultationId] of [
    ["attachment", open.consultationId],
    ["otherAttachment", other.consultationId],
  ] as const) {
    const [row] = await db
      .insert(schema.attachments)
      .values({
        consultationId,
        filename: "note.txt",
        mediaType: "text/plain; charset=utf-8",
        size: 5,
        content: new TextEncoder().encode("Note."),
        uploadedBy: officer.id,
      })
      .returning({ id: schema.attachments.id });
    values[name] = row!.id;
  }

  // A live invitation link and a live password-reset link.
  const invited = await inviteDelegate(officer, {
    consultationId: open.consultationId,
    delegationId: values["delegation:USA"]!,
    email: "new.delegate@example.org",
    name: "New Delegate",
    language: "en",
    timeZone: null,
    origin: BASE_URL,
  });
  if (!invited.ok) throw new Error(`invitation refused: ${JSON.stringify(invited)}`);
  const [invitation] = await db.select({ id: schema.invitations.id }).from(schema.invitations).where(eq(schema.invitations.email, "new.delegate@example.org"));
  values.invitation = (await issueInvitationToken(db, invitation!.id))!;
  const usa = await userByEmail("usa@nonpaper.test");
  await requestPasswordReset({ email: usa.email, origin: BASE_URL, ipAddress: "127.0.0.1" });
  const [reset] = await db
    .select({ id: schema.passwordResets.id })
    .from(schema.passwordResets)
    .where(and(eq(schema.passwordResets.userId, usa.id)));
  values.resetToken = (await issuePasswordResetToken(db, reset!.id))!;

  // The archive the hostile files start from: a consultation with submissions, a chair and a
  // compiled draft CRP (as in archive-import-validation.test.ts).
  const crp = await crpConsultation();
  await crpSubmissions(crp);
  await db.insert(schema.consultationChairs).values({ consultationId: crp.consultationId, userId: values["user:chair"]! });
  const compiled = await compileCrp(crp.officer, { consultationId: crp.consultationId, final: false, issuedOn: "2026-10-01" });
  if (!compiled.ok) throw new Error(`CRP refused: ${JSON.stringify(compiled)}`);
  archiveBase = JSON.parse(serializeArchive((await exportConsultation(db, crp.consultationId))!)) as Archive;

  tables = (await rowsOf(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`))
    .map((r) => String(r.name))
    .filter((name) => !NOT_COMPARED.has(name));
  // Every cookie made now: no session row is written between the two dumps of a case.
  for (const account of new Set(CASES.map((c) => c.as).filter((a): a is string => !!a))) await cookieOf(account);
}, 120_000);

describe("the bad-input corpus", () => {
  it("has at least 80 cases, each with a unique id and a route", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const c of CASES) expect(matchRoutes(routeObjects, c.path.replace(/\?.*$/, "").replace(/\{\{[^}]+\}\}/g, "x")), c.id).not.toBeNull();
  });

  it("sees a change in any row, and the same rows again once it is undone", async () => {
    const db = await getDb();
    const chair = values["user:chair"]!;
    const [before] = await db.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, chair));
    const original = await dump();
    await db
      .update(schema.users)
      .set({ name: `${before!.name}.` })
      .where(eq(schema.users.id, chair));
    const changed = await dump();
    await db.update(schema.users).set({ name: before!.name }).where(eq(schema.users.id, chair));
    expect(tables.filter((table) => original[table] !== changed[table])).toEqual(["users"]);
    expect(await dump()).toEqual(original);
  });

  for (const c of CASES) {
    it(c.id, async () => {
      expect(c.expect.status, "a case never expects a 500").not.toBe(500);
      const request = await requestOf(c);
      const url = new URL(request.url);
      const [match] = matchRoutes(routeObjects, url.pathname) ?? [];
      if (!match) throw new Error(`no route for ${url.pathname}`);
      const module = ROUTES[Number(match.route.id)]![1];
      const handler = (c.method === "GET" ? module.loader : module.action) as Handler | undefined;
      if (!handler) throw new Error(`${match.route.path} has no ${c.method === "GET" ? "loader" : "action"}`);

      const before = await dump();
      const answer = await answerOf(() => handler({ request, params: match.params, context }), match.route.id);
      const after = await dump();

      expect(answer.text, "no stack trace or server path in the answer").not.toMatch(STACK);
      expect({ status: answer.status, keys: [...shownKeys(answer)] }, answer.text.slice(0, 2000)).toEqual({
        status: c.expect.status,
        keys: expect.arrayContaining([c.expect.key]),
      });
      // The archive page's `error` is a code of its own (archive:errors.<code>, in shownKeys).
      const messages = ROUTES[Number(answer.route)]![0] === "/archive/import" ? [] : messagesOf(answer.payload);
      for (const message of messages) expect(textOf(message, "en"), `the message "${message}" is a key with a text`).toBeTruthy();
      const reader = (c.as && languages.get(c.as)) || "en";
      expect(textOf(c.expect.key, reader), `${c.expect.key} in the reader's language, ${reader}`).toBeTruthy();
      for (const language of LANGUAGE_CODES) expect(textOf(c.expect.key, language), `${c.expect.key} in ${language}`).toBeTruthy();
      const changed = tables.filter((table) => before[table] !== after[table]);
      expect(changed, "tables changed by a refused request").toEqual([]);
    });
  }
});
