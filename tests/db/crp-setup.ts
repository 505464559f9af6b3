// Shared set-up of the CRP tests: a circulated consultation with two agenda items and the
// submissions that make a CRP: three delegations in three languages (Peru in Spanish, Morocco in
// Arabic and late but accepted, the United States in English with an amendment and new proposals),
// translations final, draft, outdated and missing; and revisions that must not count (superseded,
// held late, declined).
import { and, eq, sql } from "drizzle-orm";
import { formatReceiptNumber } from "~/lib/receipts";
import { circulateConsultation } from "~/models/circulation.server";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { BASE_URL } from "./helpers";
import { delegationIdOf, userByEmail } from "./submission-setup";

type Language = "ar" | "zh" | "en" | "fr" | "ru" | "es";
type Kind = "general" | "point" | "amendment" | "new_proposal";

export type CommentSpec = {
  key: string;
  kind: Kind;
  item: string;
  point?: string;
  label?: string;
  body: string;
  proposedText?: string;
  /** The English translation: final, draft, or outdated (translated from an earlier wording). */
  translation?: { status: "final" | "draft" | "outdated"; body: string; proposedText?: string };
};

export const POINTS = {
  "2(a)": "States parties should update their legislative records.",
  "2(b)": "The Secretariat should [continue to] provide technical assistance.",
  "3(a)": "States should share relevant court decisions with the Secretariat.",
};

let sequence = 0;

/** A circulated consultation with items 2 and 3 and the facts of the masthead (all but `complete: false`). */
export async function crpConsultation(options: { delegations?: string[]; complete?: boolean } = {}) {
  const db = await getDb();
  const { consultationId } = await insertDraftConsultation(db, {
    title: "Discussion points for future consideration",
    agendaItems: [
      {
        number: "2",
        title: "Technical assistance",
        points: [
          { label: "(a)", text: POINTS["2(a)"] },
          { label: "(b)", text: POINTS["2(b)"] },
        ],
      },
      { number: "3", title: "Other matters", points: [{ label: "(a)", text: POINTS["3(a)"] }] },
    ],
    delegations: options.delegations ?? ["PER", "MAR", "USA", "CHN", "FRA", "RUS"],
  });
  const officer = await userByEmail("secretariat@nonpaper.test");
  const circulated = await circulateConsultation(officer, { consultationId, coveringNote: "The Secretariat presents its compliments …", baseUrl: BASE_URL });
  if (!circulated.ok) throw new Error(`circulation refused: ${JSON.stringify(circulated)}`);
  if (options.complete !== false) {
    await db
      .update(schema.consultations)
      .set({
        crpSymbol: "CTOC/COP/2026/CRP.1",
        parentSession: "Thirteenth session",
        parentSessionVenue: "Vienna",
        parentSessionStartDate: "2026-10-12",
        parentSessionEndDate: "2026-10-16",
        parentAgendaItemNumber: "4",
        parentAgendaItemTitle: "Technical assistance",
        provisionalAgendaSymbol: "CTOC/COP/2026/1",
        reflectionApprovedOn: "2025-06-20",
        reflectionApprovalMethod: "silence procedure",
      })
      .where(eq(schema.consultations.id, consultationId));
  }
  const rows = await db
    .select({ itemId: schema.agendaItems.id, number: schema.agendaItems.number, pointId: schema.discussionPoints.id, label: schema.discussionPoints.label })
    .from(schema.agendaItems)
    .leftJoin(schema.discussionPoints, eq(schema.discussionPoints.agendaItemId, schema.agendaItems.id))
    .where(eq(schema.agendaItems.consultationId, consultationId));
  const items: Record<string, string> = {};
  const points: Record<string, string> = {};
  for (const r of rows) {
    items[r.number!] = r.itemId;
    if (r.pointId) points[`${r.number}${r.label}`] = r.pointId;
  }
  return { consultationId, items, points, officer };
}

/**
 * Writes a submitted revision straight into the tables (with its comments and translations), as
 * the submission and translation pages would have left it. Returns the comment ids by key.
 */
export async function addRevision(
  c: { consultationId: string; items: Record<string, string>; points: Record<string, string> },
  code: string,
  spec: {
    language: Language;
    late?: "pending" | "accepted" | "declined" | null;
    superseded?: boolean;
    withdrawn?: boolean;
    revisionNumber?: number;
    comments: CommentSpec[];
  },
): Promise<Record<string, string>> {
  const db = await getDb();
  const delegationId = await delegationIdOf(code);
  await db
    .insert(schema.submissions)
    .values({ consultationId: c.consultationId, delegationId, status: "submitted", language: spec.language })
    .onConflictDoNothing();
  const [submission] = await db
    .select({ id: schema.submissions.id })
    .from(schema.submissions)
    .where(and(eq(schema.submissions.consultationId, c.consultationId), eq(schema.submissions.delegationId, delegationId)));
  const n = ++sequence;
  // A real receipt: the consultation's prefix, the delegation and the next number of its counter.
  const [{ prefix }] = (await db
    .select({ prefix: schema.consultations.receiptPrefix })
    .from(schema.consultations)
    .where(eq(schema.consultations.id, c.consultationId))) as [{ prefix: string }];
  const [counter] = await db
    .insert(schema.receiptCounters)
    .values({ consultationId: c.consultationId, lastNumber: 1 })
    .onConflictDoUpdate({ target: schema.receiptCounters.consultationId, set: { lastNumber: sql`${schema.receiptCounters.lastNumber} + 1` } })
    .returning({ lastNumber: schema.receiptCounters.lastNumber });
  const [revision] = await db
    .insert(schema.submissionRevisions)
    .values({
      submissionId: submission!.id,
      revisionNumber: spec.revisionNumber ?? 1,
      receiptNumber: formatReceiptNumber({ prefix, delegationCode: code, sequence: counter!.lastNumber }),
      idempotencyKey: `crp-test-${n}`,
      language: spec.language,
      source: "email_import",
      supersededAt: spec.superseded ? new Date() : null,
      withdrawnAt: spec.withdrawn ? new Date() : null,
      late: spec.late ?? null,
    })
    .returning({ id: schema.submissionRevisions.id });
  const ids: Record<string, string> = {};
  if (!spec.comments.length) return ids;
  const inserted = await db
    .insert(schema.comments)
    .values(
      spec.comments.map((comment, position) => ({
        submissionId: submission!.id,
        revisionId: revision!.id,
        kind: comment.kind,
        agendaItemId: c.items[comment.item]!,
        pointId: comment.point ? c.points[comment.point]! : null,
        label: comment.label ?? null,
        position,
        language: spec.language,
        body: comment.body,
        proposedText: comment.proposedText ?? null,
      })),
    )
    .returning({ id: schema.comments.id });
  spec.comments.forEach((comment, i) => (ids[comment.key] = inserted[i]!.id));
  const translated = spec.comments.flatMap((comment, i) => (comment.translation ? [{ comment, id: inserted[i]!.id }] : []));
  if (translated.length) {
    await db.insert(schema.translations).values(
      translated.map(({ comment, id }) => ({
        commentId: id,
        status: comment.translation!.status === "outdated" ? ("final" as const) : comment.translation!.status,
        body: comment.translation!.body,
        proposedText: comment.translation!.proposedText ?? null,
        // An outdated translation was made from an earlier wording of the original.
        sourceBody: comment.translation!.status === "outdated" ? `${comment.body} (earlier wording)` : comment.body,
        sourceProposedText: comment.proposedText ?? null,
      })),
    );
  }
  return ids;
}

/** The three delegations of the tests, and three whose revisions must not count. */
export async function crpSubmissions(c: Awaited<ReturnType<typeof crpConsultation>>) {
  const peru = await addRevision(c, "PER", {
    language: "es",
    comments: [
      {
        key: "general",
        kind: "general",
        item: "2",
        body: "El Perú agradece a la Presidencia.",
        translation: { status: "draft", body: "Peru thanks the Chair." },
      },
      {
        key: "point",
        kind: "point",
        item: "2",
        point: "2(a)",
        body: "El Perú apoya este punto.",
        translation: { status: "final", body: "Peru supports this point." },
      },
    ],
  });
  const morocco = await addRevision(c, "MAR", {
    language: "ar",
    late: "accepted",
    comments: [
      {
        key: "amendment",
        kind: "amendment",
        item: "2",
        point: "2(b)",
        body: "يقترح المغرب الصيغة التالية.",
        proposedText: "ينبغي للأمانة أن تقدم المساعدة التقنية.",
        translation: {
          status: "outdated",
          body: "Morocco proposes the following wording.",
          proposedText: "The Secretariat should provide technical assistance.",
        },
      },
      { key: "proposal", kind: "new_proposal", item: "3", label: "(a)", body: "ينبغي إنشاء قاعدة بيانات." },
    ],
  });
  const usa = await addRevision(c, "USA", {
    language: "en",
    comments: [
      {
        key: "amendment",
        kind: "amendment",
        item: "3",
        point: "3(a)",
        body: "The United States proposes a shorter text.",
        proposedText: "States should share court decisions.",
      },
      { key: "proposalA", kind: "new_proposal", item: "3", label: "(a)", body: "UNODC should publish a digest of case law." },
    ],
  });
  // China: revision 1 (Chinese) superseded by revision 2 (English): only the second counts.
  await addRevision(c, "CHN", {
    language: "zh",
    superseded: true,
    comments: [{ key: "old", kind: "general", item: "2", body: "中国的旧意见。" }],
  });
  const china = await addRevision(c, "CHN", {
    language: "en",
    revisionNumber: 2,
    comments: [{ key: "general", kind: "general", item: "2", body: "China welcomes the points." }],
  });
  // France: late and not yet decided; the Russian Federation: late and declined. Neither counts.
  await addRevision(c, "FRA", { language: "fr", late: "pending", comments: [{ key: "g", kind: "general", item: "2", body: "La France attend." }] });
  await addRevision(c, "RUS", { language: "ru", late: "declined", comments: [{ key: "g", kind: "general", item: "2", body: "Россия опоздала." }] });
  return { peru, morocco, usa, china };
}
