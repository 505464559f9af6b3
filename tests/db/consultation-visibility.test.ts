// Who sees which consultation is decided twice: in SQL by consultationVisibleTo (a query's WHERE,
// app/models/consultation.server.ts) and in plain data by mayOpenConsultation (app/lib/permissions.ts).
// Here the two answer the same for every role, every stage, chairing or not, registered or not.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { CONSULTATION_STATUSES } from "~/lib/consultation-status";
import { mayOpenConsultation } from "~/lib/permissions";
import { getConsultationFrame, listConsultationsForUser } from "~/models/consultation.server";
import { getUserById, type SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { createDelegate, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;

describe("consultationVisibleTo and mayOpenConsultation", () => {
  it("agree for every reader at every stage", async () => {
    const db = await getDb();
    const { consultationId } = await insertDraftConsultation(db, { delegations: ["PER"] });
    const chairing = await userByEmail("chair@nonpaper.test");
    await db.insert(schema.consultationChairs).values({ consultationId, userId: chairing.id });
    const [other] = await db.insert(schema.users).values({ email: "visibility-chair@nonpaper.test", name: "Other Chair", role: "chair" }).returning();
    const fiji = await createDelegate("visibility-fiji@nonpaper.test", "FJI");

    // Each reader with the facts the pure rule needs, as this test set them up.
    const readers: { name: string; user: SessionUser; isChair: boolean; isRegistered: boolean }[] = [
      { name: "the secretariat", user: await userByEmail("secretariat@nonpaper.test"), isChair: false, isRegistered: false },
      { name: "its chair", user: chairing, isChair: true, isRegistered: false },
      { name: "another chair", user: (await getUserById(other!.id))!, isChair: false, isRegistered: false },
      { name: "a registered delegate", user: await userByEmail("peru@nonpaper.test"), isChair: false, isRegistered: true },
      { name: "a delegate not registered", user: (await getUserById(fiji.id))!, isChair: false, isRegistered: false },
    ];

    const seen: string[] = [];
    for (const status of CONSULTATION_STATUSES) {
      await db.update(schema.consultations).set({ status }).where(eq(schema.consultations.id, consultationId));
      for (const { name, user, isChair, isRegistered } of readers) {
        const expected = mayOpenConsultation(user, { status, isChair, isRegistered });
        expect((await getConsultationFrame(user, consultationId)) !== null, `${name}, ${status}: the frame`).toBe(expected);
        expect(
          (await listConsultationsForUser(user)).some((c) => c.id === consultationId),
          `${name}, ${status}: the home page`,
        ).toBe(expected);
        if (expected) seen.push(`${name} ${status}`);
      }
    }
    // Both answers occur: the comparison is not vacuous.
    expect(seen).toEqual([
      "the secretariat draft",
      "the secretariat open",
      "its chair open",
      "a registered delegate open",
      "the secretariat closed",
      "its chair closed",
      "a registered delegate closed",
      "the secretariat compiled",
      "its chair compiled",
      "a registered delegate compiled",
    ]);
  });
});
