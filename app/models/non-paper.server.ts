import { and, asc, eq, inArray } from "drizzle-orm";
import type { NonPaperData } from "~/documents/non-paper";
import { mayPreviewNonPaper } from "~/lib/permissions";
import { consultationVisibleTo, selectAgendaItems, selectCurrentVersions, selectLatestNonPaper } from "~/models/consultation.server";
import type { SessionUser } from "~/models/user.server";
import { getDb, schema } from "~/utils/db.server";

const { consultations, discussionPoints, meetings, nonPaperPoints, pointVersions } = schema;

export type NonPaperForUser = NonPaperData & {
  consultation: NonPaperData["consultation"] & { id: string; status: (typeof consultations.$inferSelect)["status"] };
};

/**
 * The data of a consultation's non-paper for the document, or null when the user may not have it
 * (the caller answers 404). Delegates and chairs get the latest circulated non-paper, in the
 * wording frozen at circulation, and nothing before one is circulated. The secretariat gets the
 * circulated one too, or, before circulation, a draft preview of the current wording
 * (`nonPaper: null`). Four queries, however many points.
 */
export async function getNonPaperForUser(user: SessionUser, consultationId: string): Promise<NonPaperForUser | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      consultation: {
        id: consultations.id,
        title: consultations.title,
        status: consultations.status,
        deadline: consultations.deadline,
      },
      meeting: {
        body: meetings.body,
        parentBody: meetings.parentBody,
        symbolPrefix: meetings.symbolPrefix,
        session: meetings.session,
        venue: meetings.venue,
        startDate: meetings.startDate,
        endDate: meetings.endDate,
        timeZone: meetings.timeZone,
      },
    })
    .from(consultations)
    .innerJoin(meetings, eq(meetings.id, consultations.meetingId))
    .where(and(eq(consultations.id, consultationId), consultationVisibleTo(user)));
  if (!row) return null;

  const [items, [latest]] = await Promise.all([selectAgendaItems(db, consultationId), selectLatestNonPaper(db, consultationId)]);
  // Only the secretariat may see wording that has not been circulated.
  if (!latest && !mayPreviewNonPaper(user)) return null;

  const itemIds = items.map((item) => item.id);
  const current = selectCurrentVersions(db, consultationId).as("current_version");
  const points = !itemIds.length
    ? []
    : latest
      ? // The versions frozen in the non-paper, whatever was revised since.
        await db
          .select({ agendaItemId: discussionPoints.agendaItemId, label: discussionPoints.label, text: pointVersions.text })
          .from(nonPaperPoints)
          .innerJoin(pointVersions, eq(pointVersions.id, nonPaperPoints.pointVersionId))
          .innerJoin(discussionPoints, eq(discussionPoints.id, pointVersions.pointId))
          .where(and(eq(nonPaperPoints.nonPaperId, latest.id), inArray(discussionPoints.agendaItemId, itemIds)))
          .orderBy(asc(discussionPoints.position))
      : // A draft preview: each point's highest version.
        await db
          .select({ agendaItemId: discussionPoints.agendaItemId, label: discussionPoints.label, text: current.text })
          .from(discussionPoints)
          .innerJoin(current, eq(current.pointId, discussionPoints.id))
          .orderBy(asc(discussionPoints.position), asc(discussionPoints.id));

  const pointsByItem = new Map<string, { label: string; text: string }[]>();
  for (const { agendaItemId, label, text } of points) {
    const list = pointsByItem.get(agendaItemId) ?? [];
    list.push({ label, text });
    pointsByItem.set(agendaItemId, list);
  }
  return {
    consultation: row.consultation,
    meeting: row.meeting,
    nonPaper: latest ? { number: latest.number, circulatedAt: latest.circulatedAt } : null,
    agendaItems: items.map(({ id, ...item }) => ({
      ...item,
      points: pointsByItem.get(id) ?? [],
    })),
    generatedAt: new Date(),
  };
}
