// The benchmark's consultation at a given scale, in a fresh database seeded with the demo: N
// delegations registered, each with a delegate (the demo's password), points in agenda items of
// six, circulated, the demo chair as its chair; then the submissions (people-comments.ts). Also
// one or two "burst" consultations with the same agenda where nobody has written yet, for the
// 200 delegates submitting at once.
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import type { Language } from "~/i18n/languages";
import { circulateConsultation } from "~/models/circulation.server";
import { getUserById, type SessionUser } from "~/models/user.server";
import { schema, type Database } from "~/utils/db.server";
import { insertDraftConsultation } from "../db/fixtures";
import { fillSubmissions } from "./people-comments";
import { pointText, randomFor } from "./people-texts";

export type Scale = { delegations: number; points: number; seed: number };
export type Delegate = { id: string; email: string; code: string; language: Language; delegationId: string };
export type Point = { id: string; versionId: string; text: string; label: string };
export type Item = { id: string; number: string | null; points: Point[] };
export type Filled = {
  consultationId: string;
  burstConsultationIds: string[];
  items: Item[];
  /** The burst consultations' agenda (same texts, other ids), by consultation. */
  burstItems: Item[][];
  delegates: Delegate[];
  officerId: string;
  chairId: string;
  comments: number;
  translations: number;
  reviews: number;
  megabytes: number;
  seconds: number;
};

export const OFFICER_EMAIL = "secretariat@nonpaper.test";
export const CHAIR_EMAIL = "chair@nonpaper.test";
/** Interface and writing languages, about as often as delegations use them (English first). */
const LANGUAGE_PATTERN: Language[] = ["en", "fr", "es", "ar", "ru", "zh", "en", "es", "fr", "en", "ar", "en", "ru", "es", "zh", "en", "fr", "en", "ar", "es"];
export const languageOf = (index: number) => LANGUAGE_PATTERN[index % LANGUAGE_PATTERN.length]!;
const TIME_ZONES = ["Europe/Vienna", "America/New_York", "Asia/Tokyo", "Africa/Nairobi", "Asia/Riyadh", "Europe/Moscow", "America/Lima"];

/** Agenda items of six points. */
export const agendaItemsFor = (points: number) => Math.ceil(points / 6);

const agendaOf = (scale: Scale) =>
  Array.from({ length: agendaItemsFor(scale.points) }, (_, item) => ({
    number: String(item + 2),
    title: `Technical assistance: thematic cluster ${item + 1}`,
    points: Array.from({ length: Math.min(6, scale.points - item * 6) }, (_, p) => ({
      label: `(${String.fromCharCode(97 + p)})`,
      text: pointText(randomFor(scale.seed, `point:${item}:${p}`)),
    })),
  }));

async function pickDelegations(db: Database, count: number) {
  const existing = await db.select({ code: schema.delegations.code }).from(schema.delegations);
  // The seed has 198 delegations: private-use codes (QAA, QAB, …) make up any more.
  const extra = Array.from(
    { length: Math.max(0, count - existing.length) },
    (_, i) => `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
  );
  if (extra.length) {
    await db
      .insert(schema.delegations)
      .values(
        extra.map((code) => ({
          code,
          kind: "intergovernmental_organization" as const,
          nameAr: code,
          nameZh: code,
          nameEn: `Organization ${code}`,
          nameFr: code,
          nameRu: code,
          nameEs: code,
        })),
      )
      .onConflictDoNothing();
  }
  const all = await db.select({ id: schema.delegations.id, code: schema.delegations.code, nameEn: schema.delegations.nameEn }).from(schema.delegations);
  // By code, in JavaScript: the same order (hence the same data for a seed) whatever the database's collation.
  return all.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).slice(0, count);
}

async function loadItems(db: Database, consultationId: string): Promise<Item[]> {
  const rows = (await db.execute(sql`
    select i.id as item_id, i.number as item_number, p.id, p.label, v.id as version_id, v.text
    from agenda_items i join discussion_points p on p.agenda_item_id = i.id join point_versions v on v.point_id = p.id
    where i.consultation_id = ${consultationId} order by i.position, p.position`)) as unknown;
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
    item_id: string;
    item_number: string | null;
    id: string;
    label: string;
    version_id: string;
    text: string;
  }[];
  const items = new Map<string, Item>();
  for (const r of list) {
    if (!items.has(r.item_id)) items.set(r.item_id, { id: r.item_id, number: r.item_number, points: [] });
    items.get(r.item_id)!.points.push({ id: r.id, versionId: r.version_id, text: r.text, label: r.label });
  }
  return [...items.values()];
}

async function openConsultation(db: Database, officer: SessionUser, chairId: string, scale: Scale, codes: string[], prefix: string, title: string) {
  const { consultationId } = await insertDraftConsultation(db, { title, receiptPrefix: prefix, agendaItems: agendaOf(scale), delegations: codes });
  await db.insert(schema.consultationChairs).values({ consultationId, userId: chairId });
  const circulated = await circulateConsultation(officer, {
    consultationId,
    coveringNote:
      "The Secretariat of the United Nations Office on Drugs and Crime presents its compliments to the Permanent Missions and has the honour to circulate the discussion points.",
    baseUrl: "http://127.0.0.1",
  });
  if (!circulated.ok) throw new Error(`circulation refused: ${JSON.stringify(circulated)}`);
  return { consultationId, items: await loadItems(db, consultationId) };
}

export async function fillDatabase(db: Database, scale: Scale, bursts: number): Promise<Filled> {
  const start = performance.now();
  const idOf = async (email: string) =>
    (await db.select({ id: schema.users.id, hash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.email, email)))[0]!;
  const officerRow = await idOf(OFFICER_EMAIL);
  const chairId = (await idOf(CHAIR_EMAIL)).id;
  const officer = (await getUserById(officerRow.id))!;
  const delegations = await pickDelegations(db, scale.delegations);

  // One delegate per delegation, signing in with the demo's password (its hash, copied).
  const delegates = (
    await db
      .insert(schema.users)
      .values(
        delegations.map((d, i) => ({
          email: `delegate.${d.code.toLowerCase()}@people.bench.test`,
          name: `Delegate of ${d.nameEn}`,
          passwordHash: officerRow.hash,
          role: "delegate" as const,
          delegationId: d.id,
          language: languageOf(i),
          timeZone: TIME_ZONES[i % TIME_ZONES.length]!,
        })),
      )
      .returning({ id: schema.users.id, email: schema.users.email, language: schema.users.language, delegationId: schema.users.delegationId })
  ).map((u, i) => ({ id: u.id, email: u.email, language: u.language, delegationId: u.delegationId!, code: delegations[i]!.code }));

  const codes = delegations.map((d) => d.code);
  const main = await openConsultation(db, officer, chairId, scale, codes, "PPL-MAIN", "Discussion points on technical assistance (benchmark)");
  const counts = await fillSubmissions(db, {
    scale,
    consultationId: main.consultationId,
    items: main.items,
    delegates,
    officerId: officer.id,
    chairId,
    prefix: "PPL-MAIN",
  });
  // Statistics, as a database in use has them (autovacuum would take its time after a bulk load).
  await db.execute(sql`analyze`);
  const burst = [];
  for (let n = 1; n <= bursts; n++) {
    burst.push(await openConsultation(db, officer, chairId, scale, codes, `PPL-BURST${n}`, `Submissions at the deadline, round ${n} (benchmark)`));
  }
  return {
    consultationId: main.consultationId,
    burstConsultationIds: burst.map((b) => b.consultationId),
    items: main.items,
    burstItems: burst.map((b) => b.items),
    delegates,
    officerId: officer.id,
    chairId,
    ...counts,
    seconds: (performance.now() - start) / 1000,
  };
}
