// The submissions of the benchmark's consultation, written in bulk (multi-row inserts): for each
// delegation a current revision with a comment on nearly every point (unique texts in its
// language), general comments, an amendment on about one point in ten, a few new proposals; some
// delegations with an earlier, superseded revision, a late one pending, accepted or declined, a
// newer unsubmitted draft, or nothing sent. English translations for most non-English comments
// (final, draft, machine-assisted, a few outdated), the chair's reviews, and the audit entries.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Language } from "~/i18n/languages";
import { formatReceiptNumber } from "~/lib/receipts";
import { schema, type Database } from "~/utils/db.server";
import type { Delegate, Item, Scale } from "./people-data";
import { commentText, proposedWording, randomFor } from "./people-texts";

const TAGS = ["supports", "proposes_amendment", "objects", "new_proposal", "general", "needs_follow_up"] as const;

async function insertAll(db: Database, table: PgTable, rows: Record<string, unknown>[], size = 400) {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size) as never);
}

type Input = { scale: Scale; consultationId: string; items: Item[]; delegates: Delegate[]; officerId: string; chairId: string; prefix: string };

export async function fillSubmissions(db: Database, input: Input) {
  const { scale, consultationId, items, delegates, officerId, chairId, prefix } = input;
  const seed = scale.seed;
  const seen = new Set<string>();
  // Unique texts: a repeat (never seen so far) would be generated again with another salt.
  const unique = (make: (salt: number) => string) => {
    for (let salt = 0; ; salt++) {
      const text = make(salt);
      if (!seen.has(text)) return (seen.add(text), text);
    }
  };
  const submissionRows: Record<string, unknown>[] = [];
  const revisionRows: Record<string, unknown>[] = [];
  const commentRows: Record<string, unknown>[] = [];
  const translationRows: Record<string, unknown>[] = [];
  const reviewRows: Record<string, unknown>[] = [];
  const auditRows: Record<string, unknown>[] = [];
  const newerDrafts: string[] = [];
  let sequence = 0;
  let bytes = 0;
  const now = Date.now();

  const translate = (
    comment: { id: string; body: string; proposedText: string | null; ownWording: string | null },
    key: string,
    delegate: Delegate,
    at: Date,
  ) => {
    const random = randomFor(seed, `t:${key}`);
    if (!random.chance(0.85)) return;
    const final = random.chance(0.7);
    const outdated = random.chance(0.03);
    const machineAssisted = random.chance(0.1);
    const body = commentText("en", random, 300, 900);
    // Wording proposed in the delegation's language is translated as the amended English point.
    const proposedText = comment.ownWording ? proposedWording(comment.ownWording, random) : null;
    bytes += Buffer.byteLength(body) + (proposedText ? Buffer.byteLength(proposedText) : 0);
    translationRows.push({
      commentId: comment.id,
      status: final ? "final" : "draft",
      body,
      proposedText,
      sourceBody: outdated ? commentText(delegate.language, random) : comment.body,
      sourceProposedText: comment.proposedText,
      machineAssisted,
      translatorId: officerId,
      finalizedBy: final ? officerId : null,
      finalizedAt: final ? at : null,
    });
    if (final) {
      auditRows.push({
        at,
        actorId: officerId,
        action: "translation.finalize",
        entityType: "comment",
        entityId: comment.id,
        consultationId,
        details: { delegation: delegate.code, commentId: comment.id, language: delegate.language, version: 1, machineAssisted },
      });
    }
  };

  delegates.forEach((delegate, i) => {
    if (i % 50 === 49) return; // registered, never wrote
    const language: Language = delegate.language;
    const submissionId = randomUUID();
    const revisionCount = i % 33 === 5 ? 2 : 1;
    for (let r = 1; r <= revisionCount; r++) {
      const current = r === revisionCount;
      const revisionId = randomUUID();
      const submittedAt = new Date(now - 3 * 86_400_000 + i * 60_000 + r * 3_600_000);
      const late = !current ? null : i % 50 === 7 ? "pending" : i % 50 === 17 ? "accepted" : i % 67 === 40 ? "declined" : null;
      const receiptNumber = formatReceiptNumber({ prefix, delegationCode: delegate.code, sequence: ++sequence });
      const decided = late === "accepted" || late === "declined";
      revisionRows.push({
        id: revisionId,
        submissionId,
        revisionNumber: r,
        receiptNumber,
        idempotencyKey: randomUUID(),
        draftVersion: r,
        language,
        submittedAt,
        submittedBy: delegate.id,
        supersededAt: current ? null : new Date(submittedAt.getTime() + 3_600_000),
        late,
        lateDecidedBy: decided ? officerId : null,
        lateDecidedAt: decided ? new Date(submittedAt.getTime() + 7_200_000) : null,
        lateReason:
          late === "accepted" ? "Documented technical difficulties at the mission." : late === "declined" ? "Received after the compilation had begun." : null,
      });
      const counted = current && (late === null || late === "accepted");
      const base = { submissionId, revisionId, language };
      const positions = { general: 0, points: 0, proposals: 0 };
      let written = 0;
      // An earlier revision covered only the first agenda item.
      (current ? items : items.slice(0, 1)).forEach((item, itemIndex) => {
        const key = (rest: string) => `${i}:${r}:${itemIndex}:${rest}`;
        const chances = randomFor(seed, key("item"));
        const push = (row: Record<string, unknown>, ownWording: string | null = null) => {
          commentRows.push(row);
          written += 1;
          const body = row.body as string;
          const proposedText = (row.proposedText as string | null) ?? null;
          bytes += Buffer.byteLength(body) + (proposedText ? Buffer.byteLength(proposedText) : 0);
          if (language !== "en") translate({ id: row.id as string, body, proposedText, ownWording }, key(String(written)), delegate, submittedAt);
          if (counted && (row.kind === "point" || row.kind === "amendment") && chances.chance(0.25)) {
            const tag = chances.chance(0.9) ? chances.pick(TAGS) : null;
            const note = tag === null || chances.chance(0.2) ? commentText("en", chances, 60, 200) : null;
            reviewRows.push({ commentId: row.id, reviewerId: chairId, tag, note });
          }
        };
        if (chances.chance(0.7)) {
          const body = unique((salt) => commentText(language, randomFor(seed, key(`general:${salt}`))));
          push({ id: randomUUID(), ...base, kind: "general", agendaItemId: item.id, position: positions.general++, body });
        }
        item.points.forEach((point, p) => {
          const random = randomFor(seed, key(`point:${p}`));
          if (!random.chance(0.95)) return;
          const amend = random.chance(0.1);
          const ownWording = amend && language !== "en" && random.chance(0.4);
          const body = unique((salt) => commentText(language, randomFor(seed, key(`comment:${p}:${salt}`))));
          const proposedText = amend ? proposedWording(point.text, random, ownWording ? language : undefined) : null;
          push(
            {
              id: randomUUID(),
              ...base,
              kind: amend ? "amendment" : "point",
              agendaItemId: item.id,
              pointId: point.id,
              basePointVersionId: point.versionId,
              position: positions.points++,
              body,
              proposedText,
            },
            ownWording ? point.text : null,
          );
        });
        if (chances.chance(0.03)) {
          const body = unique((salt) => commentText(language, randomFor(seed, key(`proposal:${salt}`))));
          const label = `(${String.fromCharCode(97 + item.points.length)})`;
          push({ id: randomUUID(), ...base, kind: "new_proposal", agendaItemId: item.id, label, position: positions.proposals++, body });
        }
      });
      auditRows.push({
        at: submittedAt,
        actorId: delegate.id,
        action: "submission.submit",
        entityType: "submission_revision",
        entityId: revisionId,
        consultationId,
        details: { delegation: delegate.code, receipt: receiptNumber, revision: r, late: late !== null, language, comments: written },
      });
    }
    const newer = i % 20 === 9;
    if (newer) newerDrafts.push(submissionId);
    submissionRows.push({
      id: submissionId,
      consultationId,
      delegationId: delegate.delegationId,
      status: "submitted",
      language,
      draftVersion: revisionCount + (newer ? 2 : 1),
      draftUpdatedAt: new Date(now - 86_400_000),
      draftUpdatedBy: delegate.id,
    });
  });

  await insertAll(db, schema.submissions, submissionRows);
  await insertAll(db, schema.submissionRevisions, revisionRows);
  await insertAll(db, schema.comments, commentRows);
  await insertAll(db, schema.translations, translationRows);
  await insertAll(db, schema.chairReviews, reviewRows);
  await insertAll(db, schema.auditLog, auditRows);
  if (sequence) await db.insert(schema.receiptCounters).values({ consultationId, lastNumber: sequence });
  // Each delegation's draft: its latest revision as it was sent, copied in one statement…
  await db.execute(sql`
    insert into comments (submission_id, revision_id, kind, agenda_item_id, point_id, base_point_version_id, label, position, language, body, proposed_text)
    select c.submission_id, null, c.kind, c.agenda_item_id, c.point_id, c.base_point_version_id, c.label, c.position, c.language, c.body, c.proposed_text
    from comments c join submission_revisions r on r.id = c.revision_id join submissions s on s.id = r.submission_id
    where s.consultation_id = ${consultationId}
      and r.revision_number = (select max(x.revision_number) from submission_revisions x where x.submission_id = r.submission_id)`);
  // …and a few changed since, not submitted yet.
  for (const id of newerDrafts) {
    await db.execute(sql`update comments set body = body || ${"\n\nWe would add a further remark after consulting the capital."}
      where submission_id = ${id} and revision_id is null and kind = 'point' and position = 0`);
  }
  return { comments: commentRows.length, translations: translationRows.length, reviews: reviewRows.length, megabytes: bytes / 1e6 };
}

/** A delegate's editor fields for the burst: a comment on nearly every point, general comments, a few amendments. */
export function burstFields(seed: number, index: number, language: Language, items: Item[]): [string, string][] {
  const fields: [string, string][] = [["language", language]];
  items.forEach((item, itemIndex) => {
    const chances = randomFor(seed, `burst:${index}:${itemIndex}`);
    if (chances.chance(0.7)) fields.push([`general.${item.id}`, commentText(language, randomFor(seed, `burst:${index}:${itemIndex}:general`))]);
    item.points.forEach((point, p) => {
      const random = randomFor(seed, `burst:${index}:${itemIndex}:${p}`);
      if (!random.chance(0.95)) return;
      fields.push([`point.${point.id}.comment`, commentText(language, random)]);
      if (random.chance(0.1)) fields.push([`point.${point.id}.amendment`, proposedWording(point.text, random)]);
    });
  });
  return fields;
}
