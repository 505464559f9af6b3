// Links in emails come from PUBLIC_URL when it is set, never from the Host a client sends.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDraft } from "~/models/submission-draft.server";
import { action as registrationsAction } from "~/routes/consultations.$consultationId.registrations";
import { action as reviewAction, loader as reviewLoader } from "~/routes/consultations.$consultationId.submission_.review";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { publicUrlWarning, resetEnvForTests } from "~/utils/env.server";
import { outcome, requestAs, statusOf } from "./helpers";
import { openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const PUBLIC = "https://nonpaper.example.org";
const before = process.env.PUBLIC_URL;

beforeAll(() => {
  process.env.PUBLIC_URL = PUBLIC;
  resetEnvForTests();
});
afterAll(() => {
  if (before === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = before;
  resetEnvForTests();
});

/** The same request as a signed-in browser's, but sent to a forged Host. */
async function forged(email: string, path: string, init: RequestInit = {}): Promise<Request> {
  const genuine = await requestAs(email, path, init);
  return new Request(`http://evil.example${path}`, { method: genuine.method, headers: genuine.headers, body: init.body, duplex: "half" } as RequestInit);
}

describe("links in emails", () => {
  it("a receipt submitted through a forged Host links to PUBLIC_URL", async () => {
    const c = await openConsultation({ delegations: ["PER"] });
    const peru = await userByEmail("peru@nonpaper.test");
    await saveDraft(peru, {
      consultationId: c.consultationId,
      baseDraftVersion: 0,
      content: { language: "es", points: [{ pointId: c.points["2(a)"]!, body: "Apoyamos el punto (a)." }] },
    });
    const path = `/consultations/${c.consultationId}/submission/review`;
    const page = await reviewLoader({ request: await forged("peru@nonpaper.test", path), params: { consultationId: c.consultationId }, context });
    const body = new URLSearchParams({ intent: "submit", idempotencyKey: page.idempotencyKey, draftVersion: String(page.draftVersion) });
    const submitted = await outcome(async () =>
      reviewAction({ request: await forged("peru@nonpaper.test", path, { method: "POST", body }), params: { consultationId: c.consultationId }, context }),
    );
    expect(statusOf((submitted as { thrown: unknown }).thrown)).toBe(302);
    const db = await getDb();
    const mails = await db
      .select({ body: schema.notificationOutbox.body })
      .from(schema.notificationOutbox)
      .where(eq(schema.notificationOutbox.recipientEmail, "peru@nonpaper.test"));
    // The circulation email (sent by the set-up, not through a request) is not the receipt.
    const receipts = mails.filter((m) => m.body.includes(c.consultationId) && !m.body.includes("http://nonpaper.test"));
    expect(receipts.length).toBeGreaterThan(0);
    for (const mail of receipts) {
      expect(mail.body).toContain(`${PUBLIC}/consultations/${c.consultationId}`);
      expect(mail.body).not.toContain("evil.example");
    }
  });

  it("an invitation sent through a forged Host links to PUBLIC_URL", async () => {
    const db = await getDb();
    const { consultationId } = await insertDraftConsultation(db, { delegations: ["MAR"] });
    const [mar] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, "MAR"));
    const email = "forged-host@example.org";
    const body = new URLSearchParams({ intent: "invite", delegationId: mar!.id, email, name: "Karim", language: "fr" });
    const path = `/consultations/${consultationId}/registrations`;
    const sent = await outcome(async () =>
      registrationsAction({ request: await forged("secretariat@nonpaper.test", path, { method: "POST", body }), params: { consultationId }, context }),
    );
    expect("value" in sent).toBe(true);
    const [mail] = await db
      .select({ body: schema.notificationOutbox.body })
      .from(schema.notificationOutbox)
      .where(eq(schema.notificationOutbox.recipientEmail, email));
    expect(mail!.body).toContain(`${PUBLIC}/invitations/`);
    expect(mail!.body).not.toContain("evil.example");
  });

  it("production without PUBLIC_URL says so at start-up", () => {
    expect(publicUrlWarning({ NODE_ENV: "production" })).toMatch(/PUBLIC_URL is not set/);
    expect(publicUrlWarning({ NODE_ENV: "production", PUBLIC_URL: PUBLIC })).toBeNull();
    expect(publicUrlWarning({ NODE_ENV: "development" })).toBeNull();
  });
});
