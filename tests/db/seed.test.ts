import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/utils/db.server";
import { seedDatabase } from "../../db/seed";
import { useTestDatabase } from "./support";

useTestDatabase();

async function counts() {
  const db = await getDb();
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
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
    expect(await counts()).toEqual({ delegations: 198, users: 13, consultations: 3, points: 21, versions: 21 });
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

  it("has nine delegations' comments on the 2020 points in the six languages, some translated", async () => {
    const db = await getDb();
    const rows = await db
      .select({
        code: schema.delegations.code,
        receipt: schema.submissionRevisions.receiptNumber,
        language: schema.submissionRevisions.language,
        source: schema.submissionRevisions.source,
        comments: count(schema.comments.id),
        translated: count(schema.translations.id),
      })
      .from(schema.submissionRevisions)
      .innerJoin(schema.submissions, eq(schema.submissions.id, schema.submissionRevisions.submissionId))
      .innerJoin(schema.delegations, eq(schema.delegations.id, schema.submissions.delegationId))
      .innerJoin(schema.comments, eq(schema.comments.revisionId, schema.submissionRevisions.id))
      .leftJoin(schema.translations, eq(schema.translations.commentId, schema.comments.id))
      .groupBy(schema.delegations.code, schema.submissionRevisions.id)
      .orderBy(schema.submissionRevisions.receiptNumber);
    expect(rows.map((r) => r.receipt)).toEqual(
      [
        "CTOC-2020-DZA-0001",
        "CTOC-2020-USA-0002",
        "CTOC-2020-EU-0003",
        "CTOC-2020-CHN-0004",
        "CTOC-2020-RUS-0005",
        "CTOC-2020-FRA-0006",
        "CTOC-2020-MAR-0007",
        "CTOC-2020-MEX-0008",
        "CTOC-2020-PER-0009",
      ].sort(),
    );
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(["ar", "zh", "en", "fr", "ru", "es"]));
    const peru = rows.find((r) => r.code === "PER")!;
    expect(peru).toMatchObject({ source: "editor", comments: 3, translated: 3 });
    expect(rows.find((r) => r.code === "MAR")).toMatchObject({ comments: 2, translated: 0 });
    expect(rows.find((r) => r.code === "EU")).toMatchObject({ source: "email_import" });
    // The next receipt continues the consultation's numbering.
    const [counter] = await db.select({ last: schema.receiptCounters.lastNumber }).from(schema.receiptCounters);
    expect(counter?.last).toBe(9);
  });

  it("is a no-op the second time", async () => {
    const before = await counts();
    await seedDatabase(await getDb(), { demo: true });
    expect(await counts()).toEqual(before);
  });
});
