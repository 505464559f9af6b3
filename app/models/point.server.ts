import { and, asc, desc, eq, sql } from "drizzle-orm";
import { isActive } from "~/lib/consultation-status";
import { mayManageConsultation, maySeeCurrentWording } from "~/lib/permissions";
import { recordAudit } from "~/models/audit.server";
import { consultationVisibleTo } from "~/models/consultation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";

const { agendaItems, consultations, discussionPoints, meetings, nonPaperPoints, pointVersions, users } = schema;

/**
 * A point with every version, oldest first, for the point-history page. Secretariat and the
 * consultation's chairs only (delegates see points as circulated, on the consultation page).
 * Three queries.
 */
export async function getPointHistory(user: SessionUser, consultationId: string, pointId: string) {
  if (!maySeeCurrentWording(user)) return null;
  const db = await getDb();
  const [point] = await db
    .select({
      id: discussionPoints.id,
      label: discussionPoints.label,
      agendaItem: { id: agendaItems.id, number: agendaItems.number, title: agendaItems.title },
      consultation: { id: consultations.id, title: consultations.title, status: consultations.status },
      timeZone: meetings.timeZone,
    })
    .from(discussionPoints)
    .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(and(eq(discussionPoints.id, pointId), eq(consultations.id, consultationId), consultationVisibleTo(user)));
  if (!point) return null;

  const versions = await db
    .select({
      id: pointVersions.id,
      versionNumber: pointVersions.versionNumber,
      text: pointVersions.text,
      source: pointVersions.source,
      createdAt: pointVersions.createdAt,
      authorName: users.name,
      // Whether this version went out in a non-paper.
      circulated: sql<boolean>`exists (select 1 from ${nonPaperPoints} where ${nonPaperPoints.pointVersionId} = ${pointVersions.id})`,
    })
    .from(pointVersions)
    .leftJoin(users, eq(users.id, pointVersions.authorId))
    .where(eq(pointVersions.pointId, pointId))
    .orderBy(asc(pointVersions.versionNumber));
  return { point, versions };
}

export type RevisePointResult =
  | { ok: true; versionNumber: number }
  | { ok: false; reason: "not_found" | "wrong_status" | "stale" | "unchanged"; currentVersion?: number; currentText?: string };

/**
 * A new version of a point's text; versions are never overwritten. `basedOnVersion` is the
 * version the officer edited: if someone saved another in between, nothing is written and the
 * caller shows both texts. While the consultation is a draft the new wording is being prepared
 * for the non-paper (source "non_paper"); after circulation it is a "revision"; once the CRP is
 * compiled, nothing changes ("wrong_status").
 */
export async function revisePoint(
  user: SessionUser,
  input: { consultationId: string; pointId: string; text: string; basedOnVersion: number; ipAddress?: string | null },
): Promise<RevisePointResult> {
  if (!mayManageConsultation(user)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    // A share lock: revisions of different points go on together, but a circulation (which
    // updates this row) waits for them, so the source below matches what was circulated.
    const [consultation] = await tx.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, input.consultationId)).for("share");
    if (!consultation) return { ok: false, reason: "not_found" } as const;
    if (!isActive(consultation.status)) return { ok: false, reason: "wrong_status" } as const;
    const [point] = await tx
      .select({ id: discussionPoints.id })
      .from(discussionPoints)
      .innerJoin(agendaItems, eq(agendaItems.id, discussionPoints.agendaItemId))
      .where(and(eq(discussionPoints.id, input.pointId), eq(agendaItems.consultationId, input.consultationId)))
      // Serialises concurrent edits of one point.
      .for("update", { of: discussionPoints });
    if (!point) return { ok: false, reason: "not_found" } as const;
    const [current] = await tx
      .select({ versionNumber: pointVersions.versionNumber, text: pointVersions.text })
      .from(pointVersions)
      .where(eq(pointVersions.pointId, input.pointId))
      .orderBy(desc(pointVersions.versionNumber))
      .limit(1);
    const currentVersion = current?.versionNumber ?? 0;
    if (currentVersion !== input.basedOnVersion) {
      return { ok: false, reason: "stale", currentVersion, currentText: current?.text } as const;
    }
    if (current && current.text === input.text) return { ok: false, reason: "unchanged", currentVersion } as const;
    const versionNumber = currentVersion + 1;
    await tx.insert(pointVersions).values({
      pointId: input.pointId,
      versionNumber,
      text: input.text,
      source: consultation.status === "draft" ? "non_paper" : "revision",
      authorId: user.id,
    });
    await recordAudit(
      {
        actorId: user.id,
        action: "point.revise",
        entityType: "discussion_point",
        entityId: input.pointId,
        consultationId: input.consultationId,
        details: { versionNumber, basedOnVersion: input.basedOnVersion },
        ipAddress: input.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true, versionNumber } as const;
  });
}
