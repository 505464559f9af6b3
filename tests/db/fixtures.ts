import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as schema from "../../db/schema/index";

/**
 * A draft consultation on a new meeting, for tests (and for scripts that prepare a dev database):
 * optionally with agenda items and points (version 1, from the draft report) and registered
 * delegations (by ISO3 code). Works with any drizzle handle (getDb() in tests, openDatabase() in
 * a script).
 */
export async function insertDraftConsultation(
  db: Database,
  options: {
    title?: string;
    receiptPrefix?: string;
    deadline?: Date | null;
    agendaItems?: { number: string | null; title: string; points: { label: string; text: string }[] }[];
    delegations?: string[];
  } = {},
) {
  const [officer] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "secretariat@nonpaper.test"));
  const [meeting] = await db
    .insert(schema.meetings)
    .values({
      body: "Working Group of Government Experts on Technical Assistance",
      symbolPrefix: "CTOC/COP/WG.2",
      session: "2025",
      venue: "Vienna",
      startDate: "2025-06-02",
      endDate: "2025-06-03",
      format: "in_person",
      timeZone: "Europe/Vienna",
      createdBy: officer?.id ?? null,
    })
    .returning({ id: schema.meetings.id });
  const [consultation] = await db
    .insert(schema.consultations)
    .values({
      meetingId: meeting!.id,
      title: options.title ?? "Draft discussion points",
      status: "draft",
      receiptPrefix: options.receiptPrefix ?? `T-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      deadline: options.deadline === undefined ? new Date(Date.now() + 14 * 86_400_000) : options.deadline,
      crpSymbol: "CTOC/COP/2026/CRP.1",
      parentSession: "Thirteenth session",
      createdBy: officer?.id ?? null,
    })
    .returning({ id: schema.consultations.id });
  const consultationId = consultation!.id;
  const pointIds: string[] = [];
  for (const [position, item] of (options.agendaItems ?? []).entries()) {
    const [row] = await db
      .insert(schema.agendaItems)
      .values({ consultationId, number: item.number, title: item.title, position })
      .returning({ id: schema.agendaItems.id });
    for (const [index, point] of item.points.entries()) {
      const [p] = await db
        .insert(schema.discussionPoints)
        .values({ agendaItemId: row!.id, label: point.label, position: index })
        .returning({ id: schema.discussionPoints.id });
      await db.insert(schema.pointVersions).values({
        pointId: p!.id,
        versionNumber: 1,
        text: point.text,
        source: "draft_report",
        authorId: officer?.id ?? null,
      });
      pointIds.push(p!.id);
    }
  }
  if (options.delegations?.length) {
    const found = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(inArray(schema.delegations.code, options.delegations));
    await db.insert(schema.registrations).values(found.map((d) => ({ consultationId, delegationId: d.id })));
  }
  return { consultationId, meetingId: meeting!.id, pointIds };
}
