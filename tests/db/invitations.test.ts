import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { RegistrationsActionData } from "~/lib/registration-forms";
import { acceptInvitation, findInvitationByToken, inviteDelegate } from "~/models/invitation.server";
import { renderForSending } from "~/models/outbox.server";
import { getUserById, verifyLogin } from "~/models/user.server";
import { action as registrationsAction } from "~/routes/consultations.$consultationId.registrations";
import { action as acceptAction, loader as invitationLoader } from "~/routes/invitations.$token";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { BASE_URL, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const SECRETARIAT = "secretariat@nonpaper.test";
const PASSWORD = "a long enough passphrase";
const DAY = 86_400_000;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;

function post(fields: Record<string, string>): RequestInit {
  return { method: "POST", body: new URLSearchParams(fields) };
}

/** Runs the registrations action; returns its status and payload. */
async function invite(consultationId: string, fields: Record<string, string>, email = SECRETARIAT) {
  const request = await requestAs(email, `/consultations/${consultationId}/registrations`, post(fields));
  const result = await outcome(() => registrationsAction({ request, params: { consultationId }, context }));
  if ("thrown" in result) return { status: statusOf(result.thrown), payload: null };
  const value = result.value as unknown as { data: RegistrationsActionData; init: { status?: number } | null };
  return { status: value.init?.status ?? 200, payload: value.data };
}

async function delegationId(code: string) {
  const db = await getDb();
  const [row] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, code));
  return row!.id;
}

async function setup(codes: string[] = ["PER", "MAR", "CHL"]) {
  const db = await getDb();
  // A deadline five days away: the link's usual 14 days cover it (a later deadline lengthens the link: closing.test.ts).
  const { consultationId } = await insertDraftConsultation(db, {
    title: "Discussion points on technical assistance",
    delegations: codes,
    deadline: new Date(Date.now() + 5 * DAY),
  });
  return { consultationId };
}

async function invitationsTo(email: string) {
  const db = await getDb();
  return db.select().from(schema.invitations).where(eq(schema.invitations.email, email)).orderBy(schema.invitations.createdAt);
}

async function outboxTo(email: string) {
  const db = await getDb();
  return db.select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.recipientEmail, email)).orderBy(schema.notificationOutbox.createdAt);
}

/** The one-time link's token, read back from the email as the dispatcher sends it (the stored copy has none). */
async function sentToken(message: { id: string; body: string }): Promise<string> {
  expect(message.body).not.toMatch(/\/invitations\/[A-Za-z0-9_-]{43}/);
  return tokenIn((await renderForSending(message.id))!);
}

function tokenIn(body: string): string {
  const match = /\/invitations\/([A-Za-z0-9_-]{43})\?lng=/.exec(body);
  if (!match) throw new Error(`no link in ${body}`);
  return match[1]!;
}

async function loadInvitation(token: string, email: string | null = null) {
  const request = await requestAs(email, `/invitations/${token}`);
  const result = (await invitationLoader({ request, params: { token }, context })) as unknown as {
    data: { state: string; invitation: { email: string; delegation: { nameEn: string } | null; role: string; name: string | null } | null };
    init: { status?: number } | null;
  };
  return { status: result.init?.status ?? 200, ...result.data };
}

async function accept(token: string, fields: Partial<Record<string, string>> = {}) {
  const body = { name: "Ana Torres", password: PASSWORD, confirmPassword: PASSWORD, language: "es", timeZone: "America/Lima", ...fields };
  const request = await requestAs(null, `/invitations/${token}`, post(body as Record<string, string>));
  const result = await outcome(() => acceptAction({ request, params: { token }, context }));
  if ("thrown" in result) return { status: statusOf(result.thrown), response: null, payload: null };
  if (result.value instanceof Response) return { status: result.value.status, response: result.value, payload: null };
  const value = result.value as unknown as { data: Record<string, unknown>; init: { status?: number } | null };
  return { status: value.init?.status ?? 200, response: null, payload: value.data };
}

describe("inviting a delegate", () => {
  it("stores only the token's hash, expires in 14 days, queues the email in the invitee's language with the link, and audits", async () => {
    const { consultationId } = await setup();
    const mar = await delegationId("MAR");
    const before = Date.now();
    const sent = await invite(consultationId, {
      intent: "invite",
      delegationId: mar,
      email: "  Karim.Alaoui@Example.ORG ",
      name: "كريم العلوي",
      language: "ar",
      timeZone: "Africa/Casablanca",
    });
    expect(sent.status).toBe(200);
    expect(sent.payload!.notice).toMatchObject({ kind: "invited", email: "karim.alaoui@example.org" });
    // No mail server in tests: the officer is shown the link once, to hand over; it works.
    const handed = sent.payload!.notice as { queued?: boolean; link?: string };
    expect(handed.queued).toBe(true);
    expect((await findInvitationByToken(tokenIn(handed.link!))).state).toBe("valid");

    const [invitation] = await invitationsTo("karim.alaoui@example.org");
    expect(invitation).toMatchObject({ role: "delegate", delegationId: mar, language: "ar", timeZone: "Africa/Casablanca", name: "كريم العلوي" });
    expect(invitation!.expiresAt.getTime() - before).toBeGreaterThanOrEqual(14 * DAY - 1000);
    expect(invitation!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(14 * DAY);

    const [message] = await outboxTo("karim.alaoui@example.org");
    expect(message).toMatchObject({ kind: "invitation", language: "ar", consultationId, status: "pending" });
    expect(message!.subject).toContain("Discussion points on technical assistance");
    expect(message!.subject).toMatch(/دعوة/);
    expect(message!.body).toContain("المغرب"); // the delegation, in Arabic
    expect(message!.body).toContain("Amina Haddad"); // who invites
    // The stored copy holds a placeholder; the token is issued when the message is sent.
    expect(message!.body).toContain(`${BASE_URL}/invitations/{{invitation-token}}?lng=ar`);
    const sentBody = (await renderForSending(message!.id))!;
    const token = tokenIn(sentBody);
    expect(sentBody).toContain(`${BASE_URL}/invitations/${token}?lng=ar`);
    const [issued] = await invitationsTo("karim.alaoui@example.org");
    expect(issued!.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(issued)).not.toContain(token);
    expect(JSON.stringify(await outboxTo("karim.alaoui@example.org"))).not.toContain(token);

    const db = await getDb();
    const [audit] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "invitation.create"), eq(schema.auditLog.entityId, invitation!.id)));
    expect(audit).toMatchObject({ consultationId, actorId: await userIdByEmail(SECRETARIAT) });
    expect(audit!.details).toMatchObject({ email: "karim.alaoui@example.org", code: "MAR", language: "ar", replaced: [] });
    expect(JSON.stringify(audit)).not.toContain(token);

    // The page lists it as pending.
    const page = await findInvitationByToken(token);
    expect(page).toMatchObject({ state: "valid", invitation: { email: "karim.alaoui@example.org", role: "delegate" } });

    // Sent again (a retry), it carries a new token and the earlier one stops working.
    const again = tokenIn((await renderForSending(message!.id))!);
    expect(again).not.toBe(token);
    expect(await findInvitationByToken(token)).toEqual({ state: "unknown" });
    expect((await findInvitationByToken(again)).state).toBe("valid");
  });

  it("refuses bad input, keeps what was typed, and creates nothing", async () => {
    const { consultationId } = await setup();
    const per = await delegationId("PER");
    const base = { intent: "invite", delegationId: per, email: "typed@example.org", name: "Typed Name", language: "es" };
    for (const [fields, message] of [
      [{ email: "" }, "registrations:errors.emailRequired"],
      [{ email: "not-an-address" }, "registrations:errors.emailInvalid"],
      [{ name: " " }, "registrations:errors.nameRequired"],
      [{ language: "de" }, "registrations:errors.languageInvalid"],
      [{ timeZone: "Mars/Olympus" }, "registrations:errors.timeZoneInvalid"],
    ] as const) {
      const refused = await invite(consultationId, { ...base, ...fields });
      expect(refused.status, message).toBe(400);
      expect(JSON.stringify(refused.payload!.result!.error), message).toContain(message);
      // What the officer typed comes back with the form.
      expect(refused.payload!.result!.initialValue).toMatchObject({ name: fields.name ?? "Typed Name" });
    }
    expect(await invitationsTo("typed@example.org")).toEqual([]);
    expect(await outboxTo("typed@example.org")).toEqual([]);
  });

  it("does not invite an address that has an account: says so for the same delegation, refuses otherwise", async () => {
    const { consultationId } = await setup();
    const per = await delegationId("PER");
    const same = await invite(consultationId, { intent: "invite", delegationId: per, email: "PERU@nonpaper.test", name: "L", language: "es" });
    expect(same.status).toBe(409);
    expect(JSON.stringify(same.payload!.result!.error)).toContain("registrations:errors.alreadyDelegate");
    for (const email of ["france@nonpaper.test", "chair@nonpaper.test"]) {
      const other = await invite(consultationId, { intent: "invite", delegationId: per, email, name: "X", language: "en" });
      expect(other.status, email).toBe(409);
      expect(JSON.stringify(other.payload!.result!.error)).toContain("registrations:errors.emailTaken");
      expect(await invitationsTo(email)).toEqual([]);
    }
    expect(await invitationsTo("peru@nonpaper.test")).toEqual([]);
  });

  it("only for a delegation registered for the consultation; not once the CRP is compiled", async () => {
    const { consultationId } = await setup(["PER"]);
    const fji = await delegationId("FJI");
    const unregistered = await invite(consultationId, { intent: "invite", delegationId: fji, email: "fj@example.org", name: "F", language: "en" });
    expect(unregistered.status).toBe(404);
    const db = await getDb();
    const per = await delegationId("PER");
    await db.update(schema.consultations).set({ status: "closed" }).where(eq(schema.consultations.id, consultationId));
    const closed = await invite(consultationId, { intent: "invite", delegationId: per, email: "late@example.org", name: "L", language: "en" });
    expect(closed.status).toBe(200);
    await db.update(schema.consultations).set({ status: "compiled" }).where(eq(schema.consultations.id, consultationId));
    const compiled = await invite(consultationId, { intent: "invite", delegationId: per, email: "later@example.org", name: "L", language: "en" });
    expect(compiled.status).toBe(409);
    expect(JSON.stringify(compiled.payload!.result!.error)).toContain("registrations:errors.inviteLocked");
    expect(await invitationsTo("fj@example.org")).toEqual([]);
    expect(await invitationsTo("later@example.org")).toEqual([]);
  });

  it("a new invitation to the same address withdraws the earlier one; re-sending gives a new token; withdrawing stops the link", async () => {
    const { consultationId } = await setup();
    const chl = await delegationId("CHL");
    const fields = { intent: "invite", delegationId: chl, email: "diplomat@example.cl", name: "Diplomat", language: "es" };
    await invite(consultationId, fields);
    const firstToken = await sentToken((await outboxTo("diplomat@example.cl"))[0]!);
    const second = await invite(consultationId, fields);
    expect(second.status).toBe(200);
    const [first, current] = await invitationsTo("diplomat@example.cl");
    expect(first!.revokedAt).not.toBeNull();
    expect(current!.revokedAt).toBeNull();
    const [firstMail, secondMail] = await outboxTo("diplomat@example.cl");
    const secondToken = await sentToken(secondMail!);
    // The withdrawn invitation's email is not sent (its link would be dead).
    expect(await renderForSending(firstMail!.id)).toBeNull();
    expect(await findInvitationByToken(firstToken)).toEqual({ state: "revoked" });
    expect((await loadInvitation(firstToken)).status).toBe(410);

    const resent = await invite(consultationId, { intent: "resend", invitationId: current!.id });
    expect(resent.status).toBe(200);
    expect(resent.payload!.notice).toMatchObject({ kind: "resent", email: "diplomat@example.cl" });
    expect(resent.payload!.delegationId).toBe(chl);
    const all = await invitationsTo("diplomat@example.cl");
    expect(all).toHaveLength(3);
    expect(all.filter((i) => !i.revokedAt)).toHaveLength(1);
    const mails = await outboxTo("diplomat@example.cl");
    const newToken = await sentToken(mails[2]!);
    expect(newToken).not.toBe(secondToken);
    expect(await findInvitationByToken(secondToken)).toEqual({ state: "revoked" });
    expect((await findInvitationByToken(newToken)).state).toBe("valid");

    const latest = all.find((i) => !i.revokedAt)!;
    const withdrawn = await invite(consultationId, { intent: "revoke", invitationId: latest.id });
    expect(withdrawn.status).toBe(200);
    expect(await findInvitationByToken(newToken)).toEqual({ state: "revoked" });
    // Neither can be done twice, nor for an invitation of another consultation's delegation.
    expect((await invite(consultationId, { intent: "revoke", invitationId: latest.id })).status).toBe(409);
    expect((await invite(consultationId, { intent: "resend", invitationId: latest.id })).status).toBe(409);
    const { consultationId: other } = await setup(["PER"]);
    expect((await invite(other, { intent: "resend", invitationId: first!.id })).status).toBe(404);

    const db = await getDb();
    const actions = await db.select({ action: schema.auditLog.action }).from(schema.auditLog).where(eq(schema.auditLog.consultationId, consultationId));
    expect(actions.map((a) => a.action).filter((a) => a.startsWith("invitation."))).toEqual([
      "invitation.create",
      "invitation.create",
      "invitation.resend",
      "invitation.revoke",
    ]);
  });

  it("two officers inviting one address at once leave exactly one pending invitation", async () => {
    const { consultationId } = await setup(["CHL"]);
    const officer = await userByEmail(SECRETARIAT);
    const input = {
      consultationId,
      delegationId: await delegationId("CHL"),
      email: "both@example.cl",
      name: "Both",
      language: "es" as const,
      timeZone: null,
      origin: BASE_URL,
    };
    const results = await Promise.all([inviteDelegate(officer, input), inviteDelegate(officer, input)]);
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await invitationsTo("both@example.cl");
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => !r.revokedAt)).toHaveLength(1);
  });
});

/** A fresh invitation through the model; returns its token. */
async function invited(email: string, code = "PER", language: "es" | "fr" | "en" = "es") {
  const { consultationId } = await setup([code]);
  const result = await inviteDelegate(await userByEmail(SECRETARIAT), {
    consultationId,
    delegationId: await delegationId(code),
    email,
    name: "Ana Torres",
    language,
    timeZone: null,
    origin: BASE_URL,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.token;
}

describe("the invitation page", () => {
  it("shows a valid invitation to anyone holding the link, without signing in", async () => {
    const token = await invited("ana@example.pe");
    const page = await loadInvitation(token);
    expect(page.status).toBe(200);
    expect(page.state).toBe("valid");
    expect(page.invitation).toMatchObject({ email: "ana@example.pe", role: "delegate", name: "Ana Torres", delegation: { nameEn: "Peru" } });
    // Looking does not use it up.
    expect((await loadInvitation(token)).state).toBe("valid");
  });

  it("explains unknown, malformed, expired and withdrawn links, never with a 500", async () => {
    const unknown = await loadInvitation("A".repeat(43));
    expect([unknown.status, unknown.state, unknown.invitation]).toEqual([404, "unknown", null]);
    for (const token of ["short", "x".repeat(500), "%00", "../../etc"]) {
      expect((await loadInvitation(token)).state, token).toBe("unknown");
    }
    const token = await invited("expired@example.pe");
    const db = await getDb();
    await db
      .update(schema.invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.invitations.email, "expired@example.pe"));
    const expired = await loadInvitation(token);
    expect([expired.status, expired.state]).toEqual([410, "expired"]);
    const refused = await accept(token);
    expect([refused.status, refused.payload?.state]).toEqual([410, "expired"]);
    expect(await invitationsTo("expired@example.pe").then((rows) => rows[0]!.acceptedAt)).toBeNull();
  });
});

describe("accepting an invitation", () => {
  it("creates the account, uses the invitation up, audits, and signs the new delegate in", async () => {
    const token = await invited("lucia@example.pe");
    const result = await accept(token, { name: "  Lucía Torres ", language: "fr", timeZone: "Europe/Paris" });
    expect(result.status).toBe(302);
    expect(result.response!.headers.get("Location")).toBe("/");
    expect(result.response!.headers.get("Set-Cookie")).toMatch(/__session=/);

    const user = await verifyLogin("lucia@example.pe", PASSWORD);
    expect(user).toMatchObject({
      email: "lucia@example.pe",
      name: "Lucía Torres",
      role: "delegate",
      delegationId: await delegationId("PER"),
      language: "fr",
      timeZone: "Europe/Paris",
    });
    const db = await getDb();
    const [stored] = await db.select({ hash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.id, user!.id));
    expect(stored!.hash).toMatch(/^\$argon2id\$/);
    const [invitation] = await invitationsTo("lucia@example.pe");
    expect(invitation!.acceptedAt).not.toBeNull();
    expect(invitation!.acceptedUserId).toBe(user!.id);
    const [audit] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "invitation.accept"), eq(schema.auditLog.entityId, invitation!.id)));
    expect(audit!.actorId).toBe(user!.id);

    // One time only.
    const again = await accept(token);
    expect([again.status, again.payload?.state]).toEqual([410, "used"]);
    expect((await loadInvitation(token)).state).toBe("used");
  });

  it("lets exactly one of two simultaneous acceptances through", async () => {
    const token = await invited("twice@example.pe");
    const input = { token, name: "Twice", password: PASSWORD, language: "es" as const, timeZone: "UTC" };
    const results = await Promise.all([acceptInvitation(input), acceptInvitation(input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "used")).toHaveLength(1);
    const db = await getDb();
    const [users] = await db.select({ n: count() }).from(schema.users).where(eq(schema.users.email, "twice@example.pe"));
    expect(users!.n).toBe(1);
  });

  it("refuses a short or mismatched password, keeps the rest, echoes no password, creates nothing", async () => {
    const token = await invited("careful@example.pe");
    for (const [fields, field, message] of [
      [{ password: "short", confirmPassword: "short" }, "password", "registrations:accept.errors.passwordTooShort"],
      [{ password: "x".repeat(201), confirmPassword: "x".repeat(201) }, "password", "registrations:accept.errors.passwordTooLong"],
      [{ confirmPassword: "another long passphrase" }, "confirmPassword", "registrations:accept.errors.passwordMismatch"],
      [{ name: "" }, "name", "registrations:accept.errors.nameRequired"],
      [{ timeZone: "Nowhere/Land" }, "timeZone", "registrations:accept.errors.timeZoneInvalid"],
      [{ language: "xx" }, "language", "registrations:accept.errors.languageInvalid"],
    ] as const) {
      const refused = await accept(token, fields);
      expect(refused.status, message).toBe(400);
      const result = refused.payload!.result as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
      expect(result.error[field], message).toContain(message);
      expect(result.initialValue).not.toHaveProperty("password");
      expect(result.initialValue).not.toHaveProperty("confirmPassword");
    }
    expect(await verifyLogin("careful@example.pe", PASSWORD)).toBeNull();
    expect((await findInvitationByToken(token)).state).toBe("valid");
  });

  it("refuses a name with a direction override, and strips the invisible characters that disguise one", async () => {
    const token = await invited("disguised@example.pe");
    for (const name of ["\u202EserroT anA", "Ana\u0007Torres", "\u200B\uFEFF"]) {
      const refused = await accept(token, { name });
      expect(refused.status, JSON.stringify(name)).toBe(400);
      const result = refused.payload!.result as { error: Record<string, string[]> };
      expect(result.error.name, JSON.stringify(name)).toEqual([
        name.startsWith("\u202E")
          ? "common:nameErrors.bidiControl"
          : name.includes("\u0007")
            ? "common:nameErrors.controlCharacter"
            : "registrations:accept.errors.nameRequired",
      ]);
    }
    expect(await verifyLogin("disguised@example.pe", PASSWORD)).toBeNull();

    const created = await accept(token, { name: "\uFEFFAna\u200B Tor\u00ADres\u2060" });
    expect(created.status).toBe(302);
    const db = await getDb();
    const [user] = await db.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.email, "disguised@example.pe"));
    expect(user!.name).toBe("Ana Torres");

    // ZWNJ inside an Arabic name is part of its spelling: kept.
    const arabic = await invited("zwnj@example.ma", "MAR", "fr");
    expect((await accept(arabic, { name: "عبد\u200Cالله العلوي" })).status).toBe(302);
    const [kept] = await db.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.email, "zwnj@example.ma"));
    expect(kept!.name).toBe("عبد\u200Cالله العلوي");
  });

  it("does not reveal that an account appeared meanwhile, and writes nothing", async () => {
    const token = await invited("raced@example.pe");
    const db = await getDb();
    await db.insert(schema.users).values({ email: "raced@example.pe", name: "Other", role: "chair" });
    const refused = await accept(token);
    expect([refused.status, refused.payload?.state]).toEqual([410, "unavailable"]);
    const [invitation] = await invitationsTo("raced@example.pe");
    expect(invitation!.acceptedAt).toBeNull();
    const [users] = await db.select({ n: count() }).from(schema.users).where(eq(schema.users.email, "raced@example.pe"));
    expect(users!.n).toBe(1);
  });

  it("a withdrawn or unknown link cannot be accepted", async () => {
    const token = await invited("withdrawn@example.pe");
    const db = await getDb();
    await db.update(schema.invitations).set({ revokedAt: new Date() }).where(eq(schema.invitations.email, "withdrawn@example.pe"));
    expect((await accept(token)).payload?.state).toBe("revoked");
    expect((await accept("B".repeat(43))).payload?.state).toBe("unknown");
    expect((await accept("nonsense")).payload?.state).toBe("unknown");
    expect(await verifyLogin("withdrawn@example.pe", PASSWORD)).toBeNull();
  });
});
