import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/utils/db.server";
import { seedDatabase } from "../../db/seed";
import { useTestDatabase } from "./support";

useTestDatabase();

async function counts() {
  const db = await getDb();
  const n = async (table: PgTable) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    delegations: await n(schema.delegations),
    users: await n(schema.users),
    consultations: await n(schema.consultations),
    points: await n(schema.discussionPoints),
    versions: await n(schema.pointVersions),
  };
}

describe("seed", () => {
  it("loads the delegations and the three demo consultations", async () => {
    expect(await counts()).toEqual({ delegations: 198, users: 8, consultations: 3, points: 21, versions: 21 });
  });

  it("stores delegation names in six languages", async () => {
    const db = await getDb();
    const [peru] = await db.select().from(schema.delegations).where(eq(schema.delegations.code, "PER"));
    expect(peru).toMatchObject({ nameEn: "Peru", nameEs: "Perú", nameFr: "Pérou", articleFr: "le", kind: "member_state" });
    const [turkiye] = await db.select().from(schema.delegations).where(eq(schema.delegations.code, "TUR"));
    expect(turkiye?.nameEn).toBe("Türkiye");
  });

  it("splits the 2020 annex and the 2023 recommendations into agenda items and points", async () => {
    const db = await getDb();
    const items = await db
      .select({
        prefix: schema.consultations.receiptPrefix,
        number: schema.agendaItems.number,
        title: schema.agendaItems.title,
        points: count(schema.discussionPoints.id),
      })
      .from(schema.agendaItems)
      .innerJoin(schema.consultations, eq(schema.consultations.id, schema.agendaItems.consultationId))
      .leftJoin(schema.discussionPoints, eq(schema.discussionPoints.agendaItemId, schema.agendaItems.id))
      .groupBy(schema.consultations.receiptPrefix, schema.agendaItems.id)
      .orderBy(schema.consultations.receiptPrefix, schema.agendaItems.position);
    expect(items.map((i) => [i.prefix, i.number, i.points])).toEqual([
      ["CTOC-2020", "2", 7],
      ["CTOC-2020", "3", 0],
      ["CTOC-2020", "4", 0],
      ["CTOC-2023", null, 1],
      ["CTOC-2023", "2", 6],
      ["CTOC-2023", "3", 4],
      ["CTOC-IEG-2020", "2", 3],
      ["CTOC-IEG-2020", "3", 0],
    ]);
    expect(items[0]!.title).toMatch(/^Updating the legislative records of States parties/);
  });

  it("is a no-op the second time", async () => {
    const before = await counts();
    await seedDatabase(await getDb(), { demo: true });
    expect(await counts()).toEqual(before);
  });
});
