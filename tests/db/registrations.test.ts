import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { readReferenceReport } from "../../db/files";
import { getUserById } from "~/models/user.server";
import { registerDelegations } from "~/models/registration.server";
import { action, loader } from "~/routes/consultations.$consultationId.registrations";
import type { RegistrationsActionData } from "~/lib/registration-forms";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { consultationIdByPrefix, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const SECRETARIAT = "secretariat@nonpaper.test";
const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;

/** A POST body; arrays become repeated fields, as a form sends them. */
function post(fields: Record<string, string | string[]>): RequestInit {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return { method: "POST", body };
}

const pathOf = (consultationId: string) => `/consultations/${consultationId}/registrations`;

async function callAction(email: string | null, consultationId: string, fields: Record<string, string | string[]>) {
  const request = await requestAs(email, pathOf(consultationId), post(fields));
  return action({ request, params: { consultationId }, context });
}

/** What the action answered: its status and payload (data() or a thrown response). */
async function answer(email: string | null, consultationId: string, fields: Record<string, string | string[]>) {
  const result = await outcome(() => callAction(email, consultationId, fields));
  if ("thrown" in result) return { status: statusOf(result.thrown), payload: null };
  const value = result.value as unknown as { data: RegistrationsActionData; init: { status?: number } | null };
  return { status: value.init?.status ?? 200, payload: value.data };
}

async function loadPage(email: string | null, consultationId: string, query = "") {
  const request = await requestAs(email, `${pathOf(consultationId)}${query}`);
  return loader({ request, params: { consultationId }, context });
}

async function ids(codes: string[]) {
  const db = await getDb();
  const rows = await db
    .select({ id: schema.delegations.id, code: schema.delegations.code })
    .from(schema.delegations)
    .where(inArray(schema.delegations.code, codes));
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  return codes.map((code) => byCode.get(code)!);
}

async function registeredCodes(consultationId: string) {
  const db = await getDb();
  const rows = await db
    .select({ code: schema.delegations.code, participation: schema.registrations.participation })
    .from(schema.registrations)
    .innerJoin(schema.delegations, eq(schema.delegations.id, schema.registrations.delegationId))
    .where(eq(schema.registrations.consultationId, consultationId));
  return Object.fromEntries(rows.map((r) => [r.code, r.participation]));
}

async function auditOf(consultationId: string, action: string) {
  const db = await getDb();
  return db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, action)))
    .orderBy(schema.auditLog.id);
}

async function setStatus(consultationId: string, status: "draft" | "open" | "closed" | "compiled") {
  const db = await getDb();
  await db.update(schema.consultations).set({ status }).where(eq(schema.consultations.id, consultationId));
}

async function draft(delegations: string[] = []) {
  return (await insertDraftConsultation(await getDb(), { delegations })).consultationId;
}

function excerpt(text: string, start: string, end: string) {
  const from = text.indexOf(start);
  return text.slice(from, text.indexOf(end, from) + end.length);
}

describe("registrations page: who may ask", () => {
  it("loader: sign-in for anonymous visitors, 403 for chair and delegate, 404 for malformed and unknown ids", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const anonymous = await outcome(() => loadPage(null, id));
    expect(statusOf((anonymous as { thrown: unknown }).thrown)).toBe(302);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const denied = await outcome(() => loadPage(email, id));
      expect(statusOf((denied as { thrown: unknown }).thrown), email).toBe(403);
    }
    for (const consultationId of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const missing = await outcome(() => loadPage(SECRETARIAT, consultationId));
      expect(statusOf((missing as { thrown: unknown }).thrown), consultationId).toBe(404);
    }
  });

  it("action: every intent checks the role and the consultation before reading the form", async () => {
    const id = await draft(["PER"]);
    const [peru] = await ids(["PER"]);
    const intents: Record<string, string>[] = [
      { intent: "register", delegationId: peru! },
      { intent: "review", names: "Peru" },
      { intent: "remove", delegationId: peru! },
      { intent: "participation", delegationId: peru!, participation: "observer" },
      { intent: "invite", delegationId: peru!, email: "x@example.org", name: "X", language: "en" },
      { intent: "resend", invitationId: "00000000-0000-4000-8000-000000000000" },
      { intent: "revoke", invitationId: "00000000-0000-4000-8000-000000000000" },
    ];
    for (const fields of intents) {
      expect((await answer(null, id, fields)).status, `anonymous ${fields.intent}`).toBe(302);
      expect((await answer("chair@nonpaper.test", id, fields)).status, `chair ${fields.intent}`).toBe(403);
      expect((await answer("peru@nonpaper.test", id, fields)).status, `delegate ${fields.intent}`).toBe(403);
      expect((await answer(SECRETARIAT, "not-a-uuid", fields)).status, `malformed ${fields.intent}`).toBe(404);
      expect((await answer(SECRETARIAT, "00000000-0000-4000-8000-000000000000", fields)).status, `unknown ${fields.intent}`).toBe(404);
    }
    expect((await answer(SECRETARIAT, id, { intent: "publish" })).status).toBe(400);
    // Nothing changed.
    expect(await registeredCodes(id)).toEqual({ PER: "state_party" });
    const db = await getDb();
    const [invited] = await db.select({ n: count() }).from(schema.invitations).where(eq(schema.invitations.email, "x@example.org"));
    expect(invited!.n).toBe(0);
  });

  it("shows the secretariat the registered delegations with their delegates", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const page = await loadPage(SECRETARIAT, id);
    expect(page.registered.length).toBeGreaterThanOrEqual(79);
    const peru = page.registered.find((r) => r.delegation.code === "PER")!;
    expect(peru.delegation.nameEs).toBe("Perú");
    expect(peru.delegates.map((d) => d.email)).toEqual(["peru@nonpaper.test"]);
    expect(peru.defaultLanguage).toBe("es");
    expect(page.delegations).toHaveLength(198);
    expect(page.delegations.find((d) => d.code === "PER")!.registered).toBe(true);
    expect(page.delegations.find((d) => d.code === "FJI")!.registered).toBe(false);
    expect(page.canChange).toBe(true);
  });
});

describe("registering delegations", () => {
  it("registers chosen delegations with a participation, and is idempotent", async () => {
    const id = await draft();
    const [per, chl, fji] = await ids(["PER", "CHL", "FJI"]);
    const first = await answer(SECRETARIAT, id, { intent: "register", delegationId: [per!, chl!], participation: "signatory" });
    expect(first.status).toBe(200);
    expect(first.payload!.notice).toEqual({ kind: "registered", added: ["CHL", "PER"], alreadyRegistered: [] });
    expect(await registeredCodes(id)).toEqual({ CHL: "signatory", PER: "signatory" });

    const again = await answer(SECRETARIAT, id, { intent: "register", delegationId: [per!, fji!, per!] });
    expect(again.payload!.notice).toEqual({ kind: "registered", added: ["FJI"], alreadyRegistered: ["PER"] });
    // An existing registration keeps its participation.
    expect(await registeredCodes(id)).toEqual({ CHL: "signatory", PER: "signatory", FJI: "state_party" });

    const audits = await auditOf(id, "registration.create");
    expect(audits.map((a) => a.details)).toEqual([
      { codes: ["CHL", "PER"], participation: "signatory" },
      { codes: ["FJI"], participation: "state_party" },
    ]);
    expect(audits[0]!.actorId).toBe(await userIdByEmail(SECRETARIAT));

    // Only what was new is audited: registering the same again writes nothing.
    await answer(SECRETARIAT, id, { intent: "register", delegationId: [fji!] });
    expect(await auditOf(id, "registration.create")).toHaveLength(2);
  });

  it("refuses bad input with a message and changes nothing", async () => {
    const id = await draft();
    const [per] = await ids(["PER"]);
    const cases: [Record<string, string | string[]>, string][] = [
      [{ intent: "register" }, "registrations:errors.chooseDelegation"],
      [{ intent: "register", delegationId: "" }, "registrations:errors.chooseDelegation"],
      [{ intent: "register", delegationId: "PER" }, "registrations:errors.unknownDelegation"],
      [{ intent: "register", delegationId: [per!, "00000000-0000-4000-8000-000000000000"] }, "registrations:errors.unknownDelegation"],
      [{ intent: "register", delegationId: per!, participation: "member" }, "registrations:errors.participationInvalid"],
    ];
    for (const [fields, message] of cases) {
      const refused = await answer(SECRETARIAT, id, fields);
      expect(refused.status, JSON.stringify(fields)).toBe(400);
      expect(JSON.stringify(refused.payload!.result!.error), JSON.stringify(fields)).toContain(message);
    }
    expect(await registeredCodes(id)).toEqual({});
  });

  it("reviews a pasted attendance paragraph (2020) and registers what was ticked", async () => {
    const id = await draft();
    const paragraph = excerpt(readReferenceReport("wg2-2020-draft-report.txt"), "15. The following parties", "[...].");
    const reviewed = await answer(SECRETARIAT, id, { intent: "review", names: paragraph });
    expect(reviewed.status).toBe(200);
    const rows = reviewed.payload!.review!;
    expect(rows).toHaveLength(79);
    expect(rows.every((r) => r.kind === "found" && r.preselected)).toBe(true);
    // Reviewing registers nothing.
    expect(await registeredCodes(id)).toEqual({});
    expect(reviewed.payload!.names).toBe(paragraph);

    const saved = await answer(SECRETARIAT, id, {
      intent: "register",
      source: "review",
      names: paragraph,
      delegationId: rows.filter((r) => r.preselected).map((r) => r.delegationId!),
    });
    expect(saved.status).toBe(200);
    const codes = await registeredCodes(id);
    expect(Object.keys(codes)).toHaveLength(79);
    for (const code of ["DZA", "BOL", "BIH", "EU", "TUR", "GBR", "VEN", "PSE", "YEM"]) expect(codes[code], code).toBe("state_party");
  });

  it("reviews the 2023 paragraph: marks the delegations already registered", async () => {
    const id = await draft(["PER", "MAR"]);
    const paragraph = excerpt(readReferenceReport("wg2-2023-report.txt"), "41. The following parties", "(Bolivarian Republic of).");
    const rows = (await answer(SECRETARIAT, id, { intent: "review", names: paragraph })).payload!.review!;
    expect(rows).toHaveLength(81);
    expect(
      rows
        .filter((r) => r.kind === "registered")
        .map((r) => r.input)
        .sort(),
    ).toEqual(["Morocco", "Peru"]);
    expect(rows.filter((r) => r.kind === "found")).toHaveLength(79);
    const [tur, tza] = await ids(["TUR", "TZA"]);
    expect(rows.find((r) => r.input === "Türkiye")!.delegationId).toBe(tur);
    expect(rows.find((r) => r.input === "United Republic of Tanzania")!.delegationId).toBe(tza);
  });

  it("asks to confirm guesses, to choose among candidates, and offers the nearest names when nothing matches", async () => {
    const id = await draft();
    const text = "Argentinia\nBolivia\nKorea\nAtlantis\nBolivia (Plurinational State of)";
    const rows = (await answer(SECRETARIAT, id, { intent: "review", names: text })).payload!.review!;
    const [arg, bol, kor, prk] = await ids(["ARG", "BOL", "KOR", "PRK"]);
    expect(rows.map((r) => [r.input, r.kind, r.preselected])).toEqual([
      ["Argentinia", "confirm", false],
      ["Bolivia", "found", true],
      ["Korea", "choose", false],
      ["Atlantis", "unmatched", false],
      ["Bolivia (Plurinational State of)", "duplicate", false],
    ]);
    expect(rows[0]!.delegationId).toBe(arg);
    expect(rows[1]!.delegationId).toBe(bol);
    expect(rows[2]!.candidateIds.sort()).toEqual([kor!, prk!].sort());
    expect(rows[3]!.candidateIds.length).toBeGreaterThan(0);
  });

  it("from the review, a refusal comes back with the review and what was ticked", async () => {
    const id = await draft();
    const refused = await answer(SECRETARIAT, id, {
      intent: "register",
      source: "review",
      names: "Peru, Chile",
      delegationId: ["", ""],
    });
    expect(refused.status).toBe(400);
    expect(refused.payload!.source).toBe("review");
    expect(refused.payload!.review!.map((r) => r.input)).toEqual(["Peru", "Chile"]);
    expect(refused.payload!.names).toBe("Peru, Chile");
    expect(JSON.stringify(refused.payload!.result!.error)).toContain("registrations:errors.chooseDelegation");
  });

  it("refuses an empty or oversized paste, or one with no names", async () => {
    const id = await draft();
    for (const [names, message] of [
      ["", "registrations:errors.namesRequired"],
      ["x".repeat(20_001), "registrations:errors.namesTooLong"],
      [" , ; 12 ", "registrations:errors.noNamesFound"],
    ] as const) {
      const refused = await answer(SECRETARIAT, id, { intent: "review", names });
      expect(refused.status, message).toBe(400);
      expect(JSON.stringify(refused.payload!.result!.error)).toContain(message);
    }
  });
});

describe("changing and removing registrations", () => {
  it("removes a registration without a submission and refuses one with a submission", async () => {
    const id = await draft(["PER", "CHL"]);
    const [per, chl] = await ids(["PER", "CHL"]);
    const db = await getDb();
    await db.insert(schema.submissions).values({ consultationId: id, delegationId: per! });

    const refused = await answer(SECRETARIAT, id, { intent: "remove", delegationId: per! });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.payload!.result!.error)).toContain("registrations:errors.hasSubmission");

    const removed = await answer(SECRETARIAT, id, { intent: "remove", delegationId: chl! });
    expect(removed.status).toBe(200);
    expect(removed.payload!.notice).toEqual({ kind: "removed", code: "CHL" });
    expect(await registeredCodes(id)).toEqual({ PER: "state_party" });
    expect((await auditOf(id, "registration.delete")).map((a) => a.details)).toEqual([{ code: "CHL", participation: "state_party" }]);

    // The page says which one cannot be removed.
    const page = await loadPage(SECRETARIAT, id);
    expect(page.registered.map((r) => [r.delegation.code, r.hasSubmission])).toEqual([["PER", true]]);

    const gone = await answer(SECRETARIAT, id, { intent: "remove", delegationId: chl! });
    expect(gone.status).toBe(404);
  });

  it("changes the participation, with an audit entry", async () => {
    const id = await draft(["IRN"]);
    const [irn] = await ids(["IRN"]);
    const changed = await answer(SECRETARIAT, id, { intent: "participation", delegationId: irn!, participation: "signatory" });
    expect(changed.status).toBe(200);
    expect(await registeredCodes(id)).toEqual({ IRN: "signatory" });
    expect((await auditOf(id, "registration.update")).map((a) => a.details)).toEqual([{ code: "IRN", from: "state_party", to: "signatory" }]);
    const same = await answer(SECRETARIAT, id, { intent: "participation", delegationId: irn!, participation: "signatory" });
    expect(same.status).toBe(400);
    const bad = await answer(SECRETARIAT, id, { intent: "participation", delegationId: irn!, participation: "member" });
    expect(bad.status).toBe(400);
    expect(await auditOf(id, "registration.update")).toHaveLength(1);
  });

  it("allows changes while draft or open (late registration), none once closed or compiled", async () => {
    const id = await draft(["PER", "CHL"]);
    const [per, chl, fji] = await ids(["PER", "CHL", "FJI"]);
    await setStatus(id, "open");
    expect((await answer(SECRETARIAT, id, { intent: "register", delegationId: fji! })).status).toBe(200);
    expect((await loadPage(SECRETARIAT, id)).canChange).toBe(true);

    for (const status of ["closed", "compiled"] as const) {
      await setStatus(id, status);
      const before = await registeredCodes(id);
      const fieldSets: Record<string, string>[] = [
        { intent: "register", delegationId: (await ids(["NZL"]))[0]! },
        { intent: "review", names: "New Zealand" },
        { intent: "remove", delegationId: chl! },
        { intent: "participation", delegationId: per!, participation: "observer" },
      ];
      for (const fields of fieldSets) {
        const refused = await answer(SECRETARIAT, id, fields);
        expect(refused.status, `${status} ${fields.intent}`).toBe(409);
        expect(JSON.stringify(refused.payload!.result!.error)).toContain("registrations:errors.locked");
      }
      expect(await registeredCodes(id)).toEqual(before);
      const page = await loadPage(SECRETARIAT, id);
      expect(page.canChange).toBe(false);
      expect(page.canInvite).toBe(status === "closed");
    }
    // Nor through the model directly.
    const result = await registerDelegations(await userByEmail(SECRETARIAT), {
      consultationId: id,
      delegationIds: [fji!],
      participation: "state_party",
    });
    expect(result).toEqual({ ok: false, reason: "wrong_status" });
  });

  it("the models write nothing for a chair or a delegate", async () => {
    const id = await draft();
    const [per] = await ids(["PER"]);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const result = await registerDelegations(await userByEmail(email), { consultationId: id, delegationIds: [per!], participation: "state_party" });
      expect(result).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await registeredCodes(id)).toEqual({});
  });
});

/** Counts the SQL statements sent through the app's database while `run` runs. */
async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const db = await getDb();
  const session = (db as unknown as { session: { prepareQuery: (...args: unknown[]) => unknown } }).session;
  const spy = vi.spyOn(session, "prepareQuery");
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe("bounded number of queries", () => {
  it("the page loader sends the same number of queries for 3 delegations as for 150 with delegates and invitations", async () => {
    const db = await getDb();
    const small = await draft(["PER", "CHL", "FJI"]);
    const all = await db.select({ id: schema.delegations.id, code: schema.delegations.code }).from(schema.delegations).limit(150);
    const large = (await insertDraftConsultation(db, { delegations: all.map((d) => d.code) })).consultationId;
    // Two delegates and one invitation for each delegation.
    await db
      .insert(schema.users)
      .values(
        all.flatMap((d, i) =>
          [1, 2].map((n) => ({ email: `bulk-${i}-${n}@example.org`, name: `Delegate ${i}-${n}`, role: "delegate" as const, delegationId: d.id })),
        ),
      );
    await db.insert(schema.invitations).values(
      all.map((d, i) => ({
        email: `bulk-invite-${i}@example.org`,
        role: "delegate" as const,
        delegationId: d.id,
        tokenHash: `bulk-${i}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    );
    // Signed-in requests prepared outside the count (creating the session is not the page's work).
    const smallRequest = await requestAs(SECRETARIAT, pathOf(small));
    const largeRequest = await requestAs(SECRETARIAT, pathOf(large));
    let largePage: Awaited<ReturnType<typeof loader>> | null = null;
    const smallCount = await countQueries(() => loader({ request: smallRequest, params: { consultationId: small }, context }));
    const largeCount = await countQueries(async () => {
      largePage = await loader({ request: largeRequest, params: { consultationId: large }, context });
    });
    expect(largePage!.registered).toHaveLength(150);
    expect(largePage!.registered.every((r) => r.delegates.length >= 2 && r.pendingCount >= 1)).toBe(true);
    expect(largeCount).toBe(smallCount);
    // Sign-in check (2) + consultation (1) + registrations, delegates, invitations, delegations (4).
    expect(largeCount).toBeGreaterThanOrEqual(5);
    expect(largeCount).toBeLessThanOrEqual(7);
  });
});
