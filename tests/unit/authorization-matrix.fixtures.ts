// The authorization matrix's database: a database of its own on a PostgreSQL server, migrated and
// seeded with the demo, plus the readers and objects the demo lacks (tests/unit/authorization-matrix.table.ts).
import { createHash, randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase } from "../../db/client";
import { seedDatabase } from "../../db/seed";
import type { Fixtures, ReaderKind } from "./authorization-matrix.table";

/** The demo accounts and the test's own, by kind of reader; all share the demo password. */
export const READER_EMAILS: Record<Exclude<ReaderKind, "anonymous">, string> = {
  delegate: "peru@nonpaper.test",
  otherDelegate: "egypt@nonpaper.test",
  unregisteredDelegate: "iceland@authz.test",
  chair: "chair@nonpaper.test",
  otherChair: "other-chair@authz.test",
  secretariat: "secretariat@nonpaper.test",
  disabled: "disabled-peru@authz.test",
};

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Whether a PostgreSQL server answers at `url` within a few seconds. */
export async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

const token = () => randomBytes(32).toString("base64url");
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * Migrates and seeds the database at `url` (the demo), then adds the readers and objects the demo
 * lacks. The CRP version (crpFile) is compiled later, by the secretariat over HTTP.
 */
export async function prepareDatabase(url: string): Promise<Omit<Fixtures, "crpFile">> {
  const handle = await openDatabase({ url });
  try {
    await seedDatabase(handle.db, { demo: true });
  } finally {
    await handle.close();
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [consultation] = await sql<{ id: string; title: string; meeting_id: string }[]>`
      select id, title, meeting_id from consultations where receipt_prefix = 'CTOC-2020'`;
    const [other] = await sql<{ id: string }[]>`select id from consultations where receipt_prefix = 'CTOC-2023'`;
    if (!consultation || !other) throw new Error("the demo's consultations are missing");
    // A title found nowhere else (the interface strings quote the demo's), so that the test can
    // tell that no answer names the consultation to a reader who may not open it.
    const title = `${consultation.title} (authorization matrix ${randomBytes(4).toString("hex")})`;
    await sql`update consultations set title = ${title} where id = ${consultation.id}`;
    const [peru] = await sql<{ password_hash: string; delegation_id: string }[]>`
      select password_hash, delegation_id from users where email = ${READER_EMAILS.delegate}`;
    const [officer] = await sql<{ id: string }[]>`select id from users where email = ${READER_EMAILS.secretariat}`;
    const [chair] = await sql<{ id: string }[]>`select id from users where email = ${READER_EMAILS.chair}`;
    const [iceland] = await sql<{ id: string }[]>`select id from delegations where code = 'ISL'`;
    if (!peru || !officer || !chair || !iceland) throw new Error("the demo's accounts are missing");
    const [group] = await sql<{ id: string }[]>`select id from groups where code = 'AFRICAN' and consultation_id is null`;
    if (!group) throw new Error("the standing groups are missing");

    // The readers the demo lacks: a delegate of a delegation registered nowhere, the chair of the
    // other consultation only, and a delegate of Peru (disabled once signed in).
    const newUser = (email: string, name: string, role: "delegate" | "chair", delegationId: string | null) => sql`
      insert into users (email, name, role, delegation_id, password_hash, language, time_zone)
      values (${email}, ${name}, ${role}, ${delegationId}, ${peru.password_hash}, 'en', 'Europe/Vienna')`;
    await newUser(READER_EMAILS.unregisteredDelegate, "Unregistered Delegate", "delegate", iceland.id);
    await newUser(READER_EMAILS.otherChair, "Other Chair", "chair", null);
    await newUser(READER_EMAILS.disabled, "Disabled Delegate", "delegate", peru.delegation_id);
    await sql`
      insert into consultation_chairs (consultation_id, user_id)
      select ${other.id}, id from users where email = ${READER_EMAILS.otherChair}`;

    // A draft consultation on the same meeting, chaired by the demo's chair, Peru registered.
    const [draft] = await sql<{ id: string }[]>`
      insert into consultations (meeting_id, title, status, receipt_prefix, created_by)
      values (${consultation.meeting_id}, 'Authorization matrix draft', 'draft', 'AUTHZ-DRAFT', ${officer.id})
      returning id`;
    await sql`insert into consultation_chairs (consultation_id, user_id) values (${draft!.id}, ${chair.id})`;
    await sql`
      insert into registrations (consultation_id, delegation_id, participation, registered_by)
      values (${draft!.id}, ${peru.delegation_id}, 'state_party', ${officer.id})`;

    // Links held by their owners: an invitation and a password reset, by their tokens' hashes.
    const invitationToken = token();
    await sql`
      insert into invitations (email, name, role, delegation_id, token_hash, expires_at, created_by)
      values ('invitee@authz.test', 'Invitee', 'delegate', ${peru.delegation_id}, ${sha256(invitationToken)}, now() + interval '7 days', ${officer.id})`;
    const resetToken = token();
    await sql`
      insert into password_resets (user_id, token_hash, expires_at)
      select id, ${sha256(resetToken)}, now() + interval '1 hour' from users where email = 'usa@nonpaper.test'`;

    // An original kept by the secretariat's import page (a note received by email).
    const note = Buffer.from("Peru supports the points.\n", "utf8");
    const [attachment] = await sql<{ id: string }[]>`
      insert into attachments (consultation_id, filename, media_type, size, content, uploaded_by)
      values (${consultation.id}, 'note.txt', 'text/plain', ${note.byteLength}, ${note}, ${officer.id})
      returning id`;

    // Peru's submitted revision, one of its comments, a point and an agenda item.
    const [revision] = await sql<{ revision_number: number; comment_id: string }[]>`
      select r.revision_number, c.id as comment_id
      from submission_revisions r
      join submissions s on s.id = r.submission_id
      join comments c on c.revision_id = r.id
      where s.consultation_id = ${consultation.id} and s.delegation_id = ${peru.delegation_id}
      order by c.position limit 1`;
    const [point] = await sql<{ id: string; agenda_item_id: string }[]>`
      select p.id, p.agenda_item_id from discussion_points p join agenda_items a on a.id = p.agenda_item_id
      where a.consultation_id = ${consultation.id} order by a.position, p.position limit 1`;
    if (!revision || !point) throw new Error("the demo's submissions or points are missing");

    const ids = await sql<{ email: string; id: string }[]>`select email, id from users`;
    const idOf = (email: string) => ids.find((row) => row.email === email)?.id ?? null;
    const userIds = Object.fromEntries(
      Object.entries({ anonymous: null, ...READER_EMAILS }).map(([kind, email]) => [kind, email ? idOf(email) : null]),
    ) as Record<ReaderKind, string | null>;

    return {
      consultationId: consultation.id,
      consultationTitle: title,
      draftConsultationId: draft!.id,
      meetingId: consultation.meeting_id,
      agendaItemId: point.agenda_item_id,
      pointId: point.id,
      commentId: revision.comment_id,
      attachmentId: attachment!.id,
      revision: { code: "PER", number: revision.revision_number },
      invitationToken,
      resetToken,
      groupId: group.id,
      userIds,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Disables an account directly, as the users page does, but leaving its session in place. */
export async function disableAccount(url: string, email: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`update users set disabled_at = now() where email = ${email}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
