// Messages to every registered mission of a consultation (their delegates' addresses), each in
// the recipient's own language, queued in the outbox inside the caller's transaction.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { deadlineChangeMessage, type MissionMailContext } from "~/lib/deadline-email";
import { nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import { meetingLine, type MeetingNameSource } from "~/lib/meeting-names";
import type { MessageText } from "~/lib/notification-text";
import { paths } from "~/lib/paths";
import { delegationSentenceColumns } from "~/models/delegation.server";
import { queueNotifications, type QueuedNotification } from "~/models/outbox.server";
import { schema, type Reader, type Transaction } from "~/utils/db.server";

const { delegations, registrations, users } = schema;

/** The kinds of the outbox messages sent to every registered mission. */
export const MISSION_MESSAGE_KINDS = {
  closed: "consultation.closed",
  deadline: "consultation.deadline_changed",
  reminder: "consultation.reminder",
} as const;

export type MissionDelegate = {
  userId: string;
  email: string;
  name: string;
  language: Language;
  timeZone: string | null;
  delegationId: string;
  deadlineExtendedTo: Date | null;
  delegation: DelegationNames & DelegationArticles & { code: string };
};

/**
 * The active delegate accounts of the consultation's registered delegations (or of the ones
 * named), with their delegation's names and extension: one query.
 */
export function listMissionDelegates(db: Reader, consultationId: string, delegationIds?: string[]): Promise<MissionDelegate[]> {
  if (delegationIds && !delegationIds.length) return Promise.resolve([]);
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      language: users.language,
      timeZone: users.timeZone,
      delegationId: registrations.delegationId,
      deadlineExtendedTo: registrations.deadlineExtendedTo,
      delegation: { code: delegations.code, ...delegationSentenceColumns },
    })
    .from(users)
    .innerJoin(registrations, and(eq(registrations.consultationId, consultationId), eq(registrations.delegationId, users.delegationId)))
    .innerJoin(delegations, eq(delegations.id, registrations.delegationId))
    .where(and(eq(users.role, "delegate"), isNull(users.disabledAt), delegationIds ? inArray(registrations.delegationId, delegationIds) : undefined))
    .orderBy(asc(delegations.nameEn), asc(users.email));
}

export type MissionConsultation = {
  id: string;
  title: string;
  meeting: MeetingNameSource & { startDate: string; endDate: string; timeZone: string };
};

/** The absolute address of a page of the site, for an email; null without the site's address. */
export function siteLink(baseUrl: string | null | undefined, path: string): string | null {
  return baseUrl ? `${baseUrl.replace(/\/+$/, "")}${path}` : null;
}

export function missionLink(baseUrl: string | null | undefined, consultationId: string): string | null {
  return siteLink(baseUrl, paths.consultation(consultationId));
}

/**
 * One message per delegate, written by `build` in the delegate's language, queued in the
 * caller's transaction. The dedupe key makes a retried change queue nothing new. Returns how many.
 */
export async function queueMissionMessages(
  tx: Transaction,
  consultation: MissionConsultation,
  recipients: MissionDelegate[],
  options: { kind: string; dedupe: string; baseUrl?: string | null },
  build: (context: MissionMailContext, recipient: MissionDelegate) => MessageText,
): Promise<number> {
  const link = missionLink(options.baseUrl, consultation.id);
  const { meeting } = consultation;
  const messages: QueuedNotification[] = recipients.map((r) => {
    const text = build(
      {
        language: r.language,
        recipientName: r.name,
        delegationName: nameInSentence(r.delegation, r.language),
        consultationTitle: consultation.title,
        // The body and venue in the delegate's language where the secretariat gave them.
        meetingName: meetingLine(meeting, r.language),
        meetingTimeZone: meeting.timeZone,
        recipientTimeZone: r.timeZone,
        link,
      },
      r,
    );
    return {
      recipientEmail: r.email,
      recipientUserId: r.userId,
      language: r.language,
      kind: options.kind,
      subject: text.subject,
      body: text.body,
      consultationId: consultation.id,
      dedupeKey: `${options.dedupe}:${r.email.toLowerCase()}`,
    };
  });
  await queueNotifications(messages, tx);
  return messages.length;
}

/**
 * Tells every registered mission that the consultation's deadline moved (extended, or changed
 * otherwise), with the delegation's own extension when that still applies. Returns how many
 * messages were queued.
 */
export async function notifyDeadlineChange(
  tx: Transaction,
  consultation: MissionConsultation,
  change: { previous: Date | null; next: Date; baseUrl?: string | null },
): Promise<number> {
  const recipients = await listMissionDelegates(tx, consultation.id);
  return queueMissionMessages(
    tx,
    consultation,
    recipients,
    {
      kind: MISSION_MESSAGE_KINDS.deadline,
      dedupe: `deadline:${consultation.id}:${change.previous?.toISOString() ?? "none"}>${change.next.toISOString()}@${Date.now()}`,
      baseUrl: change.baseUrl,
    },
    (context, r) =>
      deadlineChangeMessage({
        ...context,
        previous: change.previous,
        next: change.next,
        ownExtension: r.deadlineExtendedTo && r.deadlineExtendedTo.getTime() > change.next.getTime() ? r.deadlineExtendedTo : null,
      }),
  );
}
