import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getConsultationForUser, listConsultationsForUser } from "~/models/consultation.server";
import { getUserById } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";
import { consultationIdByPrefix, createDelegate, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;

describe("who sees which consultation", () => {
  it("shows the demo consultations to the secretariat, the chair and a registered delegate", async () => {
    for (const email of ["secretariat@nonpaper.test", "chair@nonpaper.test", "peru@nonpaper.test", "morocco@nonpaper.test"]) {
      const list = await listConsultationsForUser(await userByEmail(email));
      expect(list.map((c) => c.meeting.session).sort(), email).toEqual(["2020", "2020", "2023"]);
    }
  });

  it("counts the points of each consultation", async () => {
    const list = await listConsultationsForUser(await userByEmail("secretariat@nonpaper.test"));
    expect(Object.fromEntries(list.map((c) => [c.title, c.pointCount]))).toEqual({
      "Discussion points for future consideration": 7,
      "Recommendations of the Working Group": 11,
      "Self-assessment questionnaires: questions still in brackets": 3,
    });
  });

  it("hides consultations from a delegation that is not registered", async () => {
    // Fiji is in neither attendance list.
    const delegate = await createDelegate("fiji@nonpaper.test", "FJI");
    const user = (await getUserById(delegate.id))!;
    expect(await listConsultationsForUser(user)).toEqual([]);
    expect(await getConsultationForUser(user, await consultationIdByPrefix("CTOC-2020"))).toBeNull();
  });

  it("hides consultations from a chair who does not chair them", async () => {
    const db = await getDb();
    const [other] = await db.insert(schema.users).values({ email: "other-chair@nonpaper.test", name: "Other Chair", role: "chair" }).returning();
    const user = (await getUserById(other!.id))!;
    expect(await listConsultationsForUser(user)).toEqual([]);
    expect(await getConsultationForUser(user, await consultationIdByPrefix("CTOC-2023"))).toBeNull();
  });

  it("never shows a draft to delegates, even registered ones", async () => {
    const db = await getDb();
    const id = await consultationIdByPrefix("CTOC-2023");
    await db.update(schema.consultations).set({ status: "draft" }).where(eq(schema.consultations.id, id));
    try {
      const peru = await userByEmail("peru@nonpaper.test");
      expect((await listConsultationsForUser(peru)).map((c) => c.id)).not.toContain(id);
      expect(await getConsultationForUser(peru, id)).toBeNull();
      expect(await getConsultationForUser(await userByEmail("secretariat@nonpaper.test"), id)).not.toBeNull();
    } finally {
      await db.update(schema.consultations).set({ status: "closed" }).where(eq(schema.consultations.id, id));
    }
  });
});

describe("the points of a consultation", () => {
  it("lists agenda items and points in order", async () => {
    const detail = await getConsultationForUser(await userByEmail("peru@nonpaper.test"), await consultationIdByPrefix("CTOC-2020"));
    expect(detail!.agendaItems.map((i) => [i.number, i.points.map((p) => p.label).join(" ")])).toEqual([
      ["2", "(a) (b) (c) (d) (e) (f) (g)"],
      ["3", ""],
      ["4", ""],
    ]);
    expect(detail!.nonPaper?.number).toBe(1);
    expect(detail!.registeredCount).toBe(80);
  });

  it("shows delegates the circulated wording and the secretariat the current one", async () => {
    const db = await getDb();
    const consultationId = await consultationIdByPrefix("CTOC-2020");
    const secretariat = await userByEmail("secretariat@nonpaper.test");
    const before = await getConsultationForUser(secretariat, consultationId);
    const pointB = before!.agendaItems[0]!.points[1]!;
    await db.insert(schema.pointVersions).values({
      pointId: pointB.id,
      versionNumber: 2,
      text: pointB.text.replace("should develop", "should [develop and implement]"),
      source: "revision",
      authorId: secretariat.id,
    });
    try {
      const asSecretariat = (await getConsultationForUser(secretariat, consultationId))!.agendaItems[0]!.points[1]!;
      expect(asSecretariat).toMatchObject({ versionNumber: 2, changedSinceCirculation: true });
      expect(asSecretariat.text).toContain("[develop and implement]");
      const asDelegate = (await getConsultationForUser(await userByEmail("peru@nonpaper.test"), consultationId))!.agendaItems[0]!.points[1]!;
      expect(asDelegate).toMatchObject({ versionNumber: 1, changedSinceCirculation: false, text: pointB.text });
    } finally {
      await db.delete(schema.pointVersions).where(and(eq(schema.pointVersions.pointId, pointB.id), eq(schema.pointVersions.versionNumber, 2)));
    }
  });

  it("does not show delegates a point added after circulation", async () => {
    const db = await getDb();
    const consultationId = await consultationIdByPrefix("CTOC-2020");
    const secretariat = await userByEmail("secretariat@nonpaper.test");
    const detail = await getConsultationForUser(secretariat, consultationId);
    const [point] = await db.insert(schema.discussionPoints).values({ agendaItemId: detail!.agendaItems[1]!.id, label: "(a)", position: 0 }).returning();
    await db.insert(schema.pointVersions).values({ pointId: point!.id, versionNumber: 1, text: "New.", source: "revision" });
    const asSecretariat = await getConsultationForUser(secretariat, consultationId);
    expect(asSecretariat!.agendaItems[1]!.points).toMatchObject([{ label: "(a)", notYetCirculated: true }]);
    const asDelegate = await getConsultationForUser(await userByEmail("peru@nonpaper.test"), consultationId);
    expect(asDelegate!.agendaItems[1]!.points).toEqual([]);
    await db.delete(schema.discussionPoints).where(eq(schema.discussionPoints.id, point!.id));
  });
});
