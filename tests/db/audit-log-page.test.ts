// The audit page's filters (actor, action, delegation, days on the reader's clock), its paging and
// bounded queries, and its CSV export: the same guard and filters, UTF-8 with a byte order mark,
// RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { csvField, csvText } from "~/lib/audit-csv";
import { parseAuditFilters } from "~/lib/audit-filters";
import { paths } from "~/lib/paths";
import AuditPage, { loader as pageLoader } from "~/routes/consultations.$consultationId.audit";
import { loader as csvLoader } from "~/routes/consultations.$consultationId_.audit[.]csv";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { createDelegate, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { renderRoute } from "./render-route";
import { countQueries, delegationIdOf } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const SECRETARIAT = "secretariat@nonpaper.test";

// Names and details in the six scripts (and a few that spreadsheets or CSV readers stumble on).
const SIX = {
  ar: "وفد المغرب: تعليق على الفقرة (ب)",
  zh: "中国代表团：关于（b）段的意见",
  ru: "Делегация России: замечание «к пункту (b)»",
  fr: "Délégation française : « observation » sur l’alinéa b",
  es: "Delegación del Perú: observación sobre el apartado b) — año",
  en: 'United States: "comment", on point (b)\r\nsecond line',
};
const FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"];

let consultationId: string;
let other: string;
type EntryName =
  | "lateNightUtc"
  | "tokyoTenth"
  | "nextDayVienna"
  | "peruSubmits"
  | "moroccoExtended"
  | "bothRegistered"
  | "peruRemoved"
  | "peruAccepted"
  | "reminded"
  | "moroccoWrites"
  | "formulas"
  | "elsewhere";
const ids = {} as Record<EntryName, number>;
let officerId: string;
let peruDelegateId: string;

type Loaded = Awaited<ReturnType<typeof pageLoader>>;

async function page(query: Parameters<typeof paths.audit>[1] = {}, email = SECRETARIAT): Promise<Loaded> {
  const request = await requestAs(email, paths.audit(consultationId, query));
  return pageLoader({ request, params: { consultationId }, context });
}

const idsOf = (loaded: { entries: { id: number }[] }) => loaded.entries.map((e) => e.id);

async function insertEntry(name: EntryName, entry: Omit<typeof schema.auditLog.$inferInsert, "consultationId"> & { consultationId?: string }) {
  const db = await getDb();
  const [row] = await db
    .insert(schema.auditLog)
    .values({ consultationId, ...entry })
    .returning({ id: schema.auditLog.id });
  ids[name] = row!.id;
}

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    expect(text[i], `field at ${i} is quoted`).toBe('"');
    let field = "";
    i += 1;
    for (;;) {
      const quote = text.indexOf('"', i);
      expect(quote).toBeGreaterThanOrEqual(0);
      field += text.slice(i, quote);
      if (text[quote + 1] === '"') {
        field += '"';
        i = quote + 2;
      } else {
        i = quote + 1;
        break;
      }
    }
    record.push(field);
    if (text[i] === ",") i += 1;
    else {
      expect(text.slice(i, i + 2), "records end with CRLF").toBe("\r\n");
      records.push(record);
      record = [];
      i += 2;
    }
  }
  return records;
}

/** The records of a CSV response, after checking that it starts with the UTF-8 byte order mark. */
async function csvRecords(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.slice(3)));
}

async function csv(query: Parameters<typeof paths.auditCsv>[1] = {}, email: string | null = SECRETARIAT, id = consultationId) {
  const request = await requestAs(email, paths.auditCsv(id, query));
  return csvLoader({ request, params: { consultationId: id }, context });
}

beforeAll(async () => {
  const db = await getDb();
  ({ consultationId } = await insertDraftConsultation(db, {
    agendaItems: [{ number: "2", title: "Technical assistance", points: [] }],
    delegations: ["PER", "MAR"],
  }));
  ({ consultationId: other } = await insertDraftConsultation(db, { delegations: ["PER"] }));
  officerId = await userIdByEmail(SECRETARIAT);
  peruDelegateId = await userIdByEmail("peru@nonpaper.test");
  const moroccoDelegate = await createDelegate(`audit-page-${Date.now()}@nonpaper.test`, "MAR");
  await db.update(schema.users).set({ name: SIX.ar }).where(eq(schema.users.id, moroccoDelegate.id));

  // 2025-03-09T23:30Z is 00:30 on 10 March in Vienna (the officer's clock), 08:30 on the 10th in Tokyo.
  await insertEntry("lateNightUtc", {
    at: new Date("2025-03-09T23:30:00Z"),
    actorId: officerId,
    action: "consultation.update",
    entityType: "consultation",
    details: { title: SIX.fr },
  });
  // 16:00Z on the 9th is 17:00 on the 9th in Vienna, but 01:00 on the 10th in Tokyo.
  await insertEntry("tokyoTenth", {
    at: new Date("2025-03-09T16:00:00Z"),
    actorId: officerId,
    action: "consultation.update",
    entityType: "consultation",
    details: { note: SIX.zh },
  });
  await insertEntry("nextDayVienna", {
    at: new Date("2025-03-10T23:30:00Z"),
    actorId: officerId,
    action: "consultation.status",
    entityType: "consultation",
    details: {},
  });
  await insertEntry("peruSubmits", {
    at: new Date("2025-04-01T10:00:00Z"),
    actorId: peruDelegateId,
    action: "submission.submit",
    entityType: "submission_revision",
    details: { delegation: "PER", text: SIX.es },
  });
  await insertEntry("moroccoExtended", {
    at: new Date("2025-04-02T10:00:00Z"),
    actorId: officerId,
    action: "registration.extend_deadline",
    entityType: "registration",
    details: { delegation: "MAR", text: SIX.ru },
  });
  await insertEntry("bothRegistered", {
    at: new Date("2025-04-03T10:00:00Z"),
    actorId: officerId,
    action: "registration.create",
    entityType: "consultation",
    details: { codes: ["PER", "MAR"] },
  });
  await insertEntry("peruRemoved", {
    at: new Date("2025-04-04T10:00:00Z"),
    actorId: officerId,
    action: "registration.delete",
    entityType: "registration",
    details: { code: "PER" },
  });
  await insertEntry("peruAccepted", {
    at: new Date("2025-04-05T10:00:00Z"),
    actorId: null,
    action: "invitation.accept",
    entityType: "invitation",
    details: { delegationId: await delegationIdOf("PER") },
  });
  await insertEntry("reminded", {
    at: new Date("2025-04-06T10:00:00Z"),
    actorId: officerId,
    action: "closing.remind",
    entityType: "consultation",
    details: { delegations: ["MAR"], unreached: ["PER"] },
  });
  await insertEntry("moroccoWrites", {
    at: new Date("2025-04-07T10:00:00Z"),
    actorId: moroccoDelegate.id,
    action: "submission.submit",
    entityType: "submission_revision",
    entityId: SIX.en,
    details: { delegation: "MAR", text: SIX.ar },
  });
  await insertEntry("formulas", {
    at: new Date("2025-04-08T10:00:00Z"),
    actorId: null,
    action: "consultation.import",
    entityType: FORMULAS[0]!,
    entityId: FORMULAS[1]!,
    details: { FORMULAS },
  });
  // Another consultation's entry never shows here.
  await insertEntry("elsewhere", {
    consultationId: other,
    at: new Date("2025-04-01T11:00:00Z"),
    actorId: peruDelegateId,
    action: "submission.submit",
    entityType: "submission_revision",
    details: { delegation: "PER" },
  });
});

describe("the audit page's filters", () => {
  it("without filters: every entry of this consultation, newest first", async () => {
    const all = await page();
    expect(idsOf(all)).toEqual(
      Object.entries(ids)
        .filter(([name]) => name !== "elsewhere")
        .map(([, id]) => id)
        .sort((a, b) => b - a),
    );
    expect(all.matching).toBe(11);
    expect(all.choices.actions).toEqual([...new Set(all.entries.map((e) => e.action))].sort());
    expect(all.choices.delegations.map((d) => d.code).sort()).toEqual(["MAR", "PER"]);
    expect(all.choices.actors.map((a) => a.id)).toContain(null);
  });

  it("by actor: an account, or the system", async () => {
    expect(idsOf(await page({ actor: peruDelegateId }))).toEqual([ids.peruSubmits]);
    expect(idsOf(await page({ actor: "system" }))).toEqual([ids.formulas, ids.peruAccepted]);
  });

  it("by action", async () => {
    expect(idsOf(await page({ action: "submission.submit" }))).toEqual([ids.moroccoWrites, ids.peruSubmits]);
    expect(idsOf(await page({ action: "submission.submit", actor: officerId }))).toEqual([]);
  });

  it("by delegation: by its delegates, or naming it by code, in a list of codes, or by id", async () => {
    expect(idsOf(await page({ delegation: "PER" }))).toEqual([ids.peruAccepted, ids.peruRemoved, ids.bothRegistered, ids.peruSubmits]);
    expect(idsOf(await page({ delegation: "MAR" }))).toEqual([ids.moroccoWrites, ids.reminded, ids.bothRegistered, ids.moroccoExtended]);
    expect(idsOf(await page({ delegation: "per" }))).toEqual(idsOf(await page({ delegation: "PER" })));
  });

  it("by calendar days on the reader's clock (the meeting's when the reader has none), both days included", async () => {
    // The officer reads Vienna time.
    expect(idsOf(await page({ from: "2025-03-10", to: "2025-03-10" }))).toEqual([ids.lateNightUtc]);
    expect(idsOf(await page({ from: "2025-03-09", to: "2025-03-10" }))).toEqual([ids.tokyoTenth, ids.lateNightUtc]);
    expect(idsOf(await page({ to: "2025-03-09" }))).toEqual([ids.tokyoTenth]);
    expect(idsOf(await page({ from: "2025-04-08" }))).toEqual([ids.formulas]);
    const db = await getDb();
    try {
      await db.update(schema.users).set({ timeZone: "Asia/Tokyo" }).where(eq(schema.users.id, officerId));
      expect(idsOf(await page({ from: "2025-03-10", to: "2025-03-10" }))).toEqual([ids.tokyoTenth, ids.lateNightUtc]);
      // No zone of one's own: the meeting's (Vienna).
      await db.update(schema.users).set({ timeZone: null }).where(eq(schema.users.id, officerId));
      expect(idsOf(await page({ from: "2025-03-10", to: "2025-03-10" }))).toEqual([ids.lateNightUtc]);
    } finally {
      await db.update(schema.users).set({ timeZone: "Europe/Vienna" }).where(eq(schema.users.id, officerId));
    }
  });

  it("every filter at once", async () => {
    const loaded = await page({ actor: officerId, action: "registration.create", delegation: "MAR", from: "2025-04-03", to: "2025-04-03" });
    expect(idsOf(loaded)).toEqual([ids.bothRegistered]);
    expect(loaded.matching).toBe(1);
  });

  it("a date that is not a day, or a range that ends before it starts, is left out and says why", async () => {
    const bad = await page({ from: "2025-02-30", to: "yesterday" });
    expect(bad.errors).toEqual({ from: ["consultations:audit.filters.badDate"], to: ["consultations:audit.filters.badDate"] });
    expect(bad.matching).toBe(11);
    const backwards = await page({ from: "2025-04-05", to: "2025-04-01" });
    expect(backwards.errors).toEqual({ to: ["consultations:audit.filters.toBeforeFrom"] });
    expect(idsOf(backwards)).toEqual([ids.formulas, ids.moroccoWrites, ids.reminded, ids.peruAccepted]);
    // Values that cannot be an account, an action or a delegation are ignored, never an error.
    expect(parseAuditFilters(new URLSearchParams("actor=1 or 1=1&action=DROP TABLE&delegation=PERU")).filters).toEqual({
      actor: null,
      action: null,
      delegation: null,
      from: null,
      to: null,
    });
  });

  it("renders a GET form that works without JavaScript, with what is applied, the dates as typed and the CSV link with the same filters", async () => {
    const query = { delegation: "PER", from: "2025-04-01", to: "2025-13-01" };
    const loaded = await page(query);
    const html = await renderRoute(AuditPage, { url: `http://x${paths.audit(consultationId, query)}`, loaderData: loaded });
    expect(html).toMatch(/<form[^>]*method="get"[^>]*id="audit-filters"|<form[^>]*id="audit-filters"[^>]*method="get"/);
    for (const name of ["actor", "action", "delegation", "from", "to"]) expect(html).toContain(`name="${name}"`);
    expect(html).toMatch(/<option value="PER" selected="">Peru<\/option>/);
    expect(html).toContain('value="2025-13-01"');
    expect(html).toContain("Enter a date as year-month-day");
    expect(html).toContain("Calendar days, Vienna time");
    expect(html).toContain(`href="${paths.auditCsv(consultationId, { delegation: "PER", from: "2025-04-01" }).replace(/&/g, "&amp;")}"`);
    expect(html).toContain("no one can change or delete them");
  });
});

describe("paging and the cost of a page", () => {
  it("pages back by entry, keeping the filters, with no entry twice or missed", async () => {
    const db = await getDb();
    const many = Array.from({ length: 230 }, (_, n) => ({
      consultationId,
      at: new Date(Date.UTC(2025, 4, 1, 0, n)),
      actorId: officerId,
      action: "point.revise",
      entityType: "point",
      details: { n },
    }));
    await db.insert(schema.auditLog).values(many);
    const seen: number[] = [];
    let loaded = await page({ action: "point.revise" });
    const pages = [loaded.entries.length];
    seen.push(...idsOf(loaded));
    while (loaded.hasMore) {
      loaded = await page({ action: "point.revise", before: loaded.entries.at(-1)!.id });
      expect(loaded.paged).toBe(true);
      expect(loaded.matching).toBe(230);
      pages.push(loaded.entries.length);
      seen.push(...idsOf(loaded));
    }
    expect(pages).toEqual([100, 100, 30]);
    expect(new Set(seen).size).toBe(230);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it("costs the same number of queries for a short log and a long one, with and without filters", async () => {
    const request = async (query: Parameters<typeof paths.audit>[1]) => {
      const r = await requestAs(SECRETARIAT, paths.audit(consultationId, query));
      return countQueries(() => pageLoader({ request: r, params: { consultationId }, context }));
    };
    const shortRequest = await requestAs(SECRETARIAT, paths.audit(other));
    const short = await countQueries(() => pageLoader({ request: shortRequest, params: { consultationId: other }, context }));
    const long = await request({});
    const filtered = await request({ actor: officerId, action: "point.revise", delegation: "MAR", from: "2025-01-01", to: "2025-12-31" });
    // requestAs's session is made outside the count; the guard, the page (2) and the choices (3).
    expect(long.queries).toBeLessThanOrEqual(8);
    expect(long.queries).toBe(short.queries);
    expect(filtered.queries).toBe(long.queries);
  });
});

describe("the CSV export", () => {
  it("has the page's guard: 403 for other roles, sign-in for visitors, 404 for unknown consultations", async () => {
    for (const [email, status] of [
      ["chair@nonpaper.test", 403],
      ["peru@nonpaper.test", 403],
      [null, 302],
    ] as const) {
      const result = await outcome(() => csv({}, email));
      expect(statusOf((result as { thrown: unknown }).thrown), String(email)).toBe(status);
    }
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000"]) {
      const result = await outcome(() => csv({}, SECRETARIAT, id));
      expect(statusOf((result as { thrown: unknown }).thrown)).toBe(404);
    }
  });

  it("is UTF-8 with a byte order mark, RFC 4180, every matching entry (not one page), and the six scripts read back as written", async () => {
    const response = await csv();
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="audit-log-CTOC-COP-WG\.2\.csv"/);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.slice(3));
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(["Entry", "When (UTC)", "When", "Who", "Email", "Role", "Delegation", "What", "Action code", "Entity type", "Entity ID", "Details"]);
    // Every entry, past the page's 100.
    expect(records).toHaveLength(11 + 230);
    expect(records.map((r) => Number(r[0]))).toEqual(records.map((r) => Number(r[0])).sort((a, b) => b - a));
    const byId = new Map(records.map((r) => [Number(r[0]), r]));
    const moroccoRow = byId.get(ids.moroccoWrites)!;
    expect(moroccoRow[3]).toBe(SIX.ar);
    expect(moroccoRow[6]).toBe("MAR");
    expect(moroccoRow[8]).toBe("submission.submit");
    expect(moroccoRow[7]).toBe("Submission received");
    // The field with a quote, a comma and a line break comes back whole.
    expect(moroccoRow[10]).toBe(SIX.en);
    const details = [ids.lateNightUtc, ids.tokyoTenth, ids.peruSubmits, ids.moroccoExtended, ids.moroccoWrites].map((id) => JSON.parse(byId.get(id)![11]!));
    expect(details.map((d) => d.title ?? d.note ?? d.text)).toEqual([SIX.fr, SIX.zh, SIX.es, SIX.ru, SIX.ar]);
    const late = byId.get(ids.lateNightUtc)!;
    expect(late[1]).toBe("2025-03-09T23:30:00.000Z");
    expect(late[2]).toBe("10 March 2025, 00:30 (Vienna time)");
    expect(late[3]).toBe("Amina Haddad");
    expect(late[5]).toBe("Secretariat");
    expect(byId.get(ids.peruAccepted)![3]).toBe("System");
  });

  it("defuses formulas: a cell starting with = + - @, a tab or a carriage return starts with an apostrophe", async () => {
    const [, row] = await csvRecords(await csv({ action: "consultation.import" }));
    expect(row![9]).toBe(`'${FORMULAS[0]}`);
    expect(row![10]).toBe(`'${FORMULAS[1]}`);
    for (const formula of FORMULAS) expect(csvField(formula)).toBe(`"'${formula.replace(/"/g, '""')}"`);
    for (const plain of ["Peru", "2025-04-01T10:00:00.000Z", '{"a":1}', "", " =not a formula", "'quoted"])
      expect(csvField(plain)).toBe(`"${plain.replace(/"/g, '""')}"`);
    expect(
      csvText([
        ["a", null],
        ['b"c', 3],
      ]),
    ).toBe('\uFEFF"a",""\r\n"b""c","3"\r\n');
  });

  it("applies the page's filters, and writes the header in the reader's language", async () => {
    const filtered = await csvRecords(await csv({ delegation: "PER", from: "2025-04-04" }));
    expect(filtered.slice(1).map((r) => Number(r[0]))).toEqual([ids.peruAccepted, ids.peruRemoved]);
    expect(filtered.slice(1).map((r) => Number(r[0]))).toEqual(idsOf(await page({ delegation: "PER", from: "2025-04-04" })));

    const request = await requestAs(SECRETARIAT, `${paths.auditCsv(consultationId, { actor: "system" })}&lng=ar`);
    const arabic = await csvRecords(await csvLoader({ request, params: { consultationId }, context }));
    expect(arabic[0]![3]).toBe("مَن");
    expect(arabic[1]![3]).toBe("النظام");
    expect(arabic).toHaveLength(3);
  });
});
