import type { AddressInfo } from "node:net";
import { and, count, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatInstant } from "~/lib/dates";
import { INVITATION_TOKEN_PLACEHOLDER } from "~/lib/invitation-rules";
import { circulateConsultation } from "~/models/circulation.server";
import { findInvitationByToken, inviteDelegate } from "~/models/invitation.server";
import { MAX_ATTEMPTS, backoffDelayMs, dispatchPendingNotifications, queueNotifications, retryFailedNotifications } from "~/models/outbox.server";
import { getUserById } from "~/models/user.server";
import { action, loader } from "~/routes/outbox";
import { getDb, schema } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { insertDraftConsultation } from "./fixtures";
import { BASE_URL, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { noticeOf } from "./notices";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;
const NOTE = "The Secretariat presents its compliments to the Permanent Missions …";
const DEADLINE = new Date("2031-03-14T17:00:00Z");

// ---------------------------------------------------------------------------------------------
// A real SMTP server, started by the test, that keeps what it receives (or refuses it).

type Received = { from: string; to: string[]; raw: string };

async function startSmtp(options: { refuse?: string } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: no self-signed certificate for the client to reject.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (options.refuse) {
          const error = Object.assign(new Error(options.refuse), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function useSmtpUrl(url: string | null) {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetEnvForTests();
}

/** Decodes RFC 2047 encoded words ("=?UTF-8?B?…?=" and "=?UTF-8?Q?…?="), as a mail client does. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

/** The headers and the decoded text of a single-part message. */
function parseMessage(raw: string) {
  const split = raw.indexOf("\r\n\r\n");
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of headerText.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoded = raw.slice(split + 4);
  const transfer = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const body =
    transfer === "base64"
      ? Buffer.from(encoded.replace(/\s+/g, ""), "base64").toString("utf8")
      : transfer === "quoted-printable"
        ? Buffer.from(
            encoded.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            "latin1",
          ).toString("utf8")
        : encoded;
  return { headers, subject: decodeWords(headers.get("subject") ?? ""), body: body.replace(/\r\n/g, "\n") };
}

let drafts = 0;
async function circulatedDraft() {
  const db = await getDb();
  const { consultationId } = await insertDraftConsultation(db, {
    // Each consultation its own title, so that each message's subject says which it is.
    title: `Discussion points ${++drafts}`,
    deadline: DEADLINE,
    agendaItems: [{ number: "2", title: "Technical assistance", points: [{ label: "(a)", text: "A point." }] }],
    delegations: ["PER", "MAR", "CHN"],
  });
  const result = await circulateConsultation(await userByEmail("secretariat@nonpaper.test"), {
    consultationId,
    coveringNote: NOTE,
    baseUrl: BASE_URL,
  });
  if (!result.ok) throw new Error(`circulation failed: ${result.reason}`);
  return consultationId;
}

async function messagesOf(consultationId: string) {
  const db = await getDb();
  return db.select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.consultationId, consultationId));
}

beforeAll(() => useSmtpUrl(null));
afterEach(() => useSmtpUrl(null));

describe("sending the outbox through SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => smtp.close());

  it("leaves messages pending when no mail server is configured", async () => {
    const consultationId = await circulatedDraft();
    expect(await dispatchPendingNotifications()).toEqual({ configured: false });
    const messages = await messagesOf(consultationId);
    expect(messages).toHaveLength(3);
    for (const m of messages) expect(m).toMatchObject({ status: "pending", attempts: 0, sentAt: null, nextAttemptAt: null });
  });

  it("delivers each message to its recipient, in their language, with the deadline", async () => {
    useSmtpUrl(smtp.url);
    const consultationId = await circulatedDraft();
    smtp.received.length = 0;
    // Two servers dispatching at once: SKIP LOCKED gives each message to one of them.
    const results = await Promise.all([dispatchPendingNotifications({ limit: 50 }), dispatchPendingNotifications({ limit: 50 })]);
    const sent = results.reduce((n, r) => n + (r.configured ? r.sent : 0), 0);
    // Includes the three left pending by the previous test.
    expect(sent).toBe(6);
    expect(smtp.received).toHaveLength(6);
    expect(new Set(smtp.received.map((r) => r.to.join())).size).toBe(3);

    const expectations = [
      ["peru@nonpaper.test", "es", "America/Lima"],
      ["morocco@nonpaper.test", "ar", "Africa/Casablanca"],
      ["china@nonpaper.test", "zh", "Asia/Shanghai"],
    ] as const;
    const stored = await messagesOf(consultationId);
    for (const [email, language, zone] of expectations) {
      const row = stored.find((m) => m.recipientEmail === email)!;
      expect(row, email).toMatchObject({ status: "sent", attempts: 1, lastError: null, nextAttemptAt: null });
      expect(row.sentAt, email).toBeInstanceOf(Date);
      const delivered = smtp.received.filter((r) => r.to.includes(email)).map((r) => parseMessage(r.raw));
      const message = delivered.find((d) => d.subject === row.subject)!;
      expect(message, email).toBeDefined();
      expect(message.headers.get("from")).toBe("Nonpaper <no-reply@nonpaper.invalid>");
      expect(message.headers.get("content-language")).toBe(language);
      expect(message.body, email).toContain(formatInstant(DEADLINE, language, "Europe/Vienna"));
      expect(message.body, email).toContain(formatInstant(DEADLINE, language, zone));
      expect(message.body, email).toContain(`${BASE_URL}/consultations/${consultationId}`);
      expect(message.body, email).toContain(NOTE);
    }
    const arabic = smtp.received.find((r) => r.to.includes("morocco@nonpaper.test") && parseMessage(r.raw).body.includes(consultationId))!;
    expect(arabic.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    // The English title is isolated for direction inside the Arabic subject (U+2068 … U+2069), byte for byte through SMTP.
    expect(parseMessage(arabic.raw).subject).toBe(`ورقة غير رسمية لإبداء التعليقات: \u2068Discussion points ${drafts}\u2069`);

    // Nothing is sent twice.
    expect(await dispatchPendingNotifications()).toMatchObject({ configured: true, claimed: 0 });
    expect(smtp.received).toHaveLength(6);
  });
});

describe("when sending fails", () => {
  it("counts the attempt, keeps the error, waits longer each time, and gives up after five", async () => {
    const refusing = await startSmtp({ refuse: "Mailbox temporarily unavailable" });
    try {
      useSmtpUrl(refusing.url);
      const consultationId = await circulatedDraft();
      const start = new Date();
      const first = await dispatchPendingNotifications({ now: start });
      expect(first).toMatchObject({ configured: true, claimed: 3, sent: 0, retrying: 3, failed: 0 });
      for (const m of await messagesOf(consultationId)) {
        expect(m).toMatchObject({ status: "pending", attempts: 1 });
        expect(m.lastError).toMatch(/451/);
        expect(m.lastError).toMatch(/Mailbox temporarily unavailable/);
        expect(m.nextAttemptAt!.getTime()).toBe(start.getTime() + backoffDelayMs(1));
      }
      // Not due yet: nothing is tried before the backoff ends.
      expect(await dispatchPendingNotifications({ now: new Date(start.getTime() + backoffDelayMs(1) - 1000) })).toMatchObject({ claimed: 0 });

      let now = start;
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        now = new Date(now.getTime() + backoffDelayMs(attempt - 1));
        const result = await dispatchPendingNotifications({ now });
        expect(result, `attempt ${attempt}`).toMatchObject({ claimed: 3, sent: 0 });
        if (attempt < MAX_ATTEMPTS) {
          for (const m of await messagesOf(consultationId)) expect(m.nextAttemptAt!.getTime()).toBe(now.getTime() + backoffDelayMs(attempt));
        }
      }
      expect(backoffDelayMs(2)).toBe(4 * backoffDelayMs(1));
      for (const m of await messagesOf(consultationId)) {
        expect(m).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, nextAttemptAt: null, sentAt: null });
      }
      expect(await dispatchPendingNotifications({ now: new Date(now.getTime() + 86_400_000) })).toMatchObject({ claimed: 0 });

      // The secretariat retries them; a working server then delivers them.
      const officer = await userByEmail("secretariat@nonpaper.test");
      expect(await retryFailedNotifications(await userByEmail("chair@nonpaper.test"), { consultationId })).toEqual({ ok: false, reason: "forbidden" });
      expect(await retryFailedNotifications(officer, { consultationId, ipAddress: "10.0.0.3" })).toEqual({ ok: true, count: 3 });
      for (const m of await messagesOf(consultationId)) expect(m).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: null });
      const db = await getDb();
      const [audit] = await db
        .select({ details: schema.auditLog.details, actorId: schema.auditLog.actorId })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "outbox.retry"), eq(schema.auditLog.consultationId, consultationId)));
      expect(audit).toEqual({ details: { count: 3 }, actorId: officer.id });

      const working = await startSmtp();
      try {
        useSmtpUrl(working.url);
        expect(await dispatchPendingNotifications()).toMatchObject({ claimed: 3, sent: 3 });
        expect(working.received).toHaveLength(3);
      } finally {
        await working.close();
      }
    } finally {
      await refusing.close();
    }
  });

  it("fails the whole batch at once when the mail server cannot be reached", async () => {
    const gone = await startSmtp();
    await gone.close();
    useSmtpUrl(gone.url);
    const consultationId = await circulatedDraft();
    const result = await dispatchPendingNotifications();
    expect(result).toMatchObject({ configured: true, claimed: 3, sent: 0, retrying: 3 });
    for (const m of await messagesOf(consultationId)) {
      expect(m).toMatchObject({ status: "pending", attempts: 1 });
      expect(m.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    }
    // Leave nothing due for the tests that follow.
    const db = await getDb();
    await db.delete(schema.notificationOutbox).where(eq(schema.notificationOutbox.consultationId, consultationId));
  });
});

describe("invitation links at rest", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => smtp.close());
  const TOKEN = /\/invitations\/([A-Za-z0-9_-]{43})\?lng=fr/;

  it("keeps no token in the outbox nor on /outbox, and the email sent carries a working link", async () => {
    const db = await getDb();
    const { consultationId } = await insertDraftConsultation(db, { title: "Invitations at rest", deadline: DEADLINE, delegations: ["FRA"] });
    const [fra] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, "FRA"));
    const officer = await userByEmail("secretariat@nonpaper.test");
    const invited = await inviteDelegate(officer, {
      consultationId,
      delegationId: fra!.id,
      email: "at-rest@example.fr",
      name: "Claire Martin",
      language: "fr",
      timeZone: null,
      origin: BASE_URL,
    });
    if (!invited.ok) throw new Error(invited.reason);
    const stored = async () => (await messagesOf(consultationId)).find((m) => m.recipientEmail === "at-rest@example.fr")!;

    // Pending: the stored message has a placeholder where the token goes, and the page hides the link.
    expect((await stored()).body).toContain(`${BASE_URL}/invitations/${INVITATION_TOKEN_PLACEHOLDER}?lng=fr`);
    expect((await stored()).body).not.toMatch(TOKEN);
    const page = async () => {
      const result = (await outcome(async () =>
        loader({ request: await requestAs("secretariat@nonpaper.test", `/outbox?consultation=${consultationId}`), params: {}, context }),
      )) as { value: Awaited<ReturnType<typeof loader>> };
      return JSON.stringify(result.value);
    };
    expect(await page()).not.toContain("/invitations/");
    expect(await page()).toContain("[[link-hidden]]");

    // Sent: the invitee receives a link that opens the invitation.
    useSmtpUrl(smtp.url);
    await dispatchPendingNotifications();
    const mail = smtp.received.find((r) => r.to.includes("at-rest@example.fr"));
    expect(mail).toBeDefined();
    const token = TOKEN.exec(parseMessage(mail!.raw).body)?.[1];
    expect(token).toBeDefined();
    expect(await findInvitationByToken(token!)).toMatchObject({ state: "valid", invitation: { email: "at-rest@example.fr" } });

    // …and the token is readable nowhere: not in the outbox row, the invitation, the audit log or the page.
    const sent = await stored();
    expect(sent.status).toBe("sent");
    expect(JSON.stringify(sent)).not.toContain(token);
    const [invitation] = await db.select().from(schema.invitations).where(eq(schema.invitations.email, "at-rest@example.fr"));
    expect(JSON.stringify(invitation)).not.toContain(token);
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.consultationId, consultationId));
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(await page()).not.toContain(token);
    // The token issued when the invitation was created was never sent and no longer works.
    expect((await findInvitationByToken(invited.token)).state).toBe("unknown");
  });

  it("a message queued before this change, with the token in clear, is sent with a fresh link and kept without it", async () => {
    const db = await getDb();
    const { consultationId } = await insertDraftConsultation(db, { title: "Older invitation", deadline: DEADLINE, delegations: ["FRA"] });
    const [fra] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, "FRA"));
    const invited = await inviteDelegate(await userByEmail("secretariat@nonpaper.test"), {
      consultationId,
      delegationId: fra!.id,
      email: "older@example.fr",
      name: null,
      language: "fr",
      timeZone: null,
      origin: BASE_URL,
    });
    if (!invited.ok) throw new Error(invited.reason);
    // As the application stored it before: the real link in the body.
    const [row] = await messagesOf(consultationId);
    await db
      .update(schema.notificationOutbox)
      .set({ body: row!.body.replace(INVITATION_TOKEN_PLACEHOLDER, invited.token) })
      .where(eq(schema.notificationOutbox.id, row!.id));
    const listed = (await outcome(async () =>
      loader({ request: await requestAs("secretariat@nonpaper.test", `/outbox?consultation=${consultationId}`), params: {}, context }),
    )) as { value: Awaited<ReturnType<typeof loader>> };
    expect(JSON.stringify(listed.value)).not.toContain(invited.token);

    useSmtpUrl(smtp.url);
    await dispatchPendingNotifications();
    const mail = smtp.received.find((r) => r.to.includes("older@example.fr"));
    const token = TOKEN.exec(parseMessage(mail!.raw).body)?.[1];
    expect((await findInvitationByToken(token!)).state).toBe("valid");
    const [sent] = await messagesOf(consultationId);
    expect(sent!.status).toBe("sent");
    expect(sent!.body).not.toMatch(/\/invitations\/[A-Za-z0-9_-]{43}/);
    expect(sent!.body).toContain(INVITATION_TOKEN_PLACEHOLDER);
  });

  it("does not send the email of an invitation withdrawn meanwhile", async () => {
    const db = await getDb();
    const { consultationId } = await insertDraftConsultation(db, { title: "Withdrawn invitation", deadline: DEADLINE, delegations: ["FRA"] });
    const [fra] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, "FRA"));
    const invited = await inviteDelegate(await userByEmail("secretariat@nonpaper.test"), {
      consultationId,
      delegationId: fra!.id,
      email: "withdrawn@example.fr",
      name: null,
      language: "fr",
      timeZone: null,
      origin: BASE_URL,
    });
    if (!invited.ok) throw new Error(invited.reason);
    await db.update(schema.invitations).set({ revokedAt: new Date() }).where(eq(schema.invitations.id, invited.invitationId));
    useSmtpUrl(smtp.url);
    await dispatchPendingNotifications();
    expect(smtp.received.some((r) => r.to.includes("withdrawn@example.fr"))).toBe(false);
    const [message] = await messagesOf(consultationId);
    expect(message).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(message!.lastError).toMatch(/withdrawn/);
  });
});

describe("the outbox page", () => {
  const run = async (fn: typeof loader | typeof action, email: string | null, path: string, init?: RequestInit) =>
    outcome(async () => fn({ request: await requestAs(email, path, init), params: {}, context }));
  const thrownStatus = (result: Awaited<ReturnType<typeof run>>) => statusOf((result as { thrown: unknown }).thrown);
  const retry = (fields: Record<string, string> = {}) => ({ method: "POST", body: new URLSearchParams({ intent: "retry", ...fields }) });

  it("is for the secretariat only", async () => {
    expect(thrownStatus(await run(loader, null, "/outbox"))).toBe(302);
    expect(thrownStatus(await run(action, null, "/outbox", retry()))).toBe(302);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      expect(thrownStatus(await run(loader, email, "/outbox")), email).toBe(403);
      expect(thrownStatus(await run(action, email, "/outbox", retry())), email).toBe(403);
    }
  });

  it("lists messages newest first, filtered and paginated, and says whether mail is sent", async () => {
    const consultationId = await circulatedDraft();
    await queueNotifications(
      Array.from({ length: 57 }, (_, i) => ({
        recipientEmail: `bulk-${String(i).padStart(2, "0")}@nonpaper.test`,
        language: "en" as const,
        kind: "consultation.circulated",
        subject: `Bulk ${i}`,
        body: `Body ${i}`,
        consultationId,
      })),
    );
    const db = await getDb();
    await db
      .update(schema.notificationOutbox)
      .set({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "550 no such user" })
      .where(eq(schema.notificationOutbox.recipientEmail, "bulk-00@nonpaper.test"));

    const first = (await run(loader, "secretariat@nonpaper.test", `/outbox?consultation=${consultationId}`)) as {
      value: Awaited<ReturnType<typeof loader>>;
    };
    const outbox = first.value.outbox;
    expect(outbox.mailConfigured).toBe(false);
    expect(outbox.total).toBe(60);
    expect(outbox.counts).toEqual({ pending: 59, sent: 0, failed: 1 });
    expect(outbox.pages).toBe(2);
    expect(outbox.messages).toHaveLength(50);
    const times = outbox.messages.map((m) => new Date(m.createdAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(outbox.consultations.map((c) => c.id)).toContain(consultationId);

    const second = (await run(loader, "secretariat@nonpaper.test", `/outbox?consultation=${consultationId}&page=2`)) as {
      value: Awaited<ReturnType<typeof loader>>;
    };
    expect(second.value.outbox.messages).toHaveLength(10);
    const ids = new Set([...outbox.messages, ...second.value.outbox.messages].map((m) => m.id));
    expect(ids.size).toBe(60);

    const failed = (await run(loader, "secretariat@nonpaper.test", `/outbox?status=failed&consultation=${consultationId}`)) as {
      value: Awaited<ReturnType<typeof loader>>;
    };
    expect(failed.value.outbox.messages.map((m) => [m.recipientEmail, m.lastError])).toEqual([["bulk-00@nonpaper.test", "550 no such user"]]);

    // Malformed filters are ignored, not errors.
    const lenient = (await run(loader, "secretariat@nonpaper.test", "/outbox?status=lost&consultation=x&page=-3")) as {
      value: Awaited<ReturnType<typeof loader>>;
    };
    expect(lenient.value.filters).toEqual({ status: null, consultationId: null, page: 1 });

    // Retry: the failed message goes back in the queue, and the page says how many.
    const retried = await run(action, "secretariat@nonpaper.test", "/outbox", retry({ consultation: consultationId }));
    const response = (retried as { thrown: Response }).thrown;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/outbox?consultation=${consultationId}`);
    expect(await noticeOf(response)).toEqual({ kind: "outbox.retried", count: 1 });
    const [stillFailed] = await db
      .select({ n: count() })
      .from(schema.notificationOutbox)
      .where(and(eq(schema.notificationOutbox.consultationId, consultationId), eq(schema.notificationOutbox.status, "failed")));
    expect(stillFailed!.n).toBe(0);

    const bad = await run(action, "secretariat@nonpaper.test", "/outbox", { method: "POST", body: new URLSearchParams({ intent: "purge" }) });
    expect(thrownStatus(bad)).toBe(400);
  });
});
