// The consultation page as a delegate gets it: the server's time for the countdown, and the
// facts that decide between "write your comments", "late" and "closed".
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { submissionWindow } from "~/lib/countdown";
import { loader as consultationLoader } from "~/routes/consultations.$consultationId._index";
import { getDb, schema } from "~/utils/db.server";
import { consultationIdByPrefix, outcome, requestAs, statusOf } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const load = async (email: string, consultationId: string) =>
  consultationLoader({
    request: await requestAs(email, `/consultations/${consultationId}`),
    params: { consultationId },
    context,
  });

describe("the delegate's view of a circulated non-paper", () => {
  it("gives the server's time, so the countdown's HTML and hydration agree", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const before = Date.now();
    const page = await load("peru@nonpaper.test", id);
    expect(page.role).toBe("delegate");
    expect(Date.parse(page.now)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(page.now)).toBeLessThanOrEqual(Date.now());
    // The demo's 2020 consultation is open with a deadline ahead: "write your comments".
    const { consultation } = page.detail;
    expect(submissionWindow(consultation.status, consultation.deadline, Date.parse(page.now))).toBe("open");
  });

  it("is late once the deadline has passed, and closed once the period is closed", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const db = await getDb();
    await db
      .update(schema.consultations)
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where(eq(schema.consultations.id, id));
    const late = await load("morocco@nonpaper.test", id);
    expect(submissionWindow(late.detail.consultation.status, late.detail.consultation.deadline, Date.parse(late.now))).toBe("late");

    const closed = await load("peru@nonpaper.test", await consultationIdByPrefix("CTOC-2023"));
    expect(submissionWindow(closed.detail.consultation.status, closed.detail.consultation.deadline, Date.parse(closed.now))).toBe("closed");
  });

  it("still answers 404 to a delegation the non-paper was not circulated to", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    const db = await getDb();
    const [peru] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, "PER"));
    await db.delete(schema.registrations).where(eq(schema.registrations.delegationId, peru!.id));
    const denied = await outcome(() => load("peru@nonpaper.test", id));
    expect(statusOf((denied as { thrown: unknown }).thrown)).toBe(404);
  });
});
