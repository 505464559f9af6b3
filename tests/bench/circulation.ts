// Benchmark: preparing and circulating a consultation at the scale of DESIGN.md §5 (every
// delegation registered, 10 agenda items × 6 points, two delegates and one pending invitation per
// delegation). Prints the server time (median of 5) and the number of SQL statements of each
// secretariat page's model call, then of the circulation itself and the non-paper DOCX.
//
//   npm run bench:circulation                       # in-memory PGlite
//   DATABASE_URL=postgres://… npm run bench:circulation  # a server database of your own (it writes!)
import { performance } from "node:perf_hooks";
import { buildNonPaperModel } from "~/documents/non-paper";
import { renderNonPaperDocx } from "~/documents/non-paper-docx";
import { getAgendaForEditor } from "~/models/agenda.server";
import { circulateConsultation, getCirculationPage } from "~/models/circulation.server";
import { getConsultationForUser } from "~/models/consultation.server";
import { getNonPaperForUser } from "~/models/non-paper.server";
import { listOutbox } from "~/models/outbox.server";
import { getRegistrationsPage } from "~/models/registration.server";
import { getUserById, type SessionUser } from "~/models/user.server";
import { closeDb, getDb, schema } from "~/utils/db.server";
import { measure, median } from "./measure";
import { insertDraftConsultation } from "../db/fixtures";

if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR = "memory://";
process.env.SEED_DEMO = "1";

const WORDS =
  "States parties should consider strengthening international cooperation and technical assistance [in accordance with domestic law] including through".split(
    " ",
  );
const pointText = (n: number) => Array.from({ length: 150 }, (_, i) => WORDS[(i * 7 + n) % WORDS.length]).join(" ") + ".";

const db = await getDb();
const officer = (await getUserById((await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, "secretariat@nonpaper.test") }))!.id)) as SessionUser;
const delegations = await db.select({ id: schema.delegations.id, code: schema.delegations.code }).from(schema.delegations);

const setupStart = performance.now();
const { consultationId } = await insertDraftConsultation(db, {
  title: "Benchmark consultation",
  receiptPrefix: `BENCH-${Date.now().toString(36).toUpperCase().slice(-6)}`,
  agendaItems: Array.from({ length: 10 }, (_, item) => ({
    number: String(item + 2),
    title: `Agenda item title ${item + 2}`,
    points: Array.from({ length: 6 }, (_, p) => ({ label: `(${String.fromCharCode(97 + p)})`, text: pointText(item * 6 + p) })),
  })),
  delegations: delegations.map((d) => d.code),
});
const tag = Date.now().toString(36);
await db.insert(schema.users).values(
  delegations.flatMap((d, i) =>
    [1, 2].map((n) => ({
      email: `bench-${tag}-${d.code.toLowerCase()}-${n}@example.org`,
      name: `Delegate ${n} of ${d.code}`,
      role: "delegate" as const,
      delegationId: d.id,
      language: (["ar", "zh", "en", "fr", "ru", "es"] as const)[(i + n) % 6],
      timeZone: ["Europe/Vienna", "America/New_York", "Asia/Tokyo", "Africa/Nairobi"][(i + n) % 4],
    })),
  ),
);
await db.insert(schema.invitations).values(
  delegations.map((d) => ({
    email: `bench-${tag}-${d.code.toLowerCase()}-invitee@example.org`,
    role: "delegate" as const,
    delegationId: d.id,
    language: "fr" as const,
    tokenHash: `bench-${tag}-${d.code}`,
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
  })),
);
console.log(
  `Set-up: ${delegations.length} delegations registered, ${delegations.length * 2} delegates, ${delegations.length} invitations, 60 points (${(performance.now() - setupStart).toFixed(0)} ms)`,
);
console.log(`Database: ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite (in memory)"}\n`);

const baseUrl = "https://nonpaper.example.org";
await median("consultation page (getConsultationForUser)", () => getConsultationForUser(officer, consultationId));
await median("agenda editor (getAgendaForEditor)", () => getAgendaForEditor(officer, consultationId));
await median("registrations page (getRegistrationsPage)", () => getRegistrationsPage(officer, consultationId));
await median("circulate page (getCirculationPage)", () => getCirculationPage(officer, consultationId, { baseUrl }));

const circulated = await measure(() => circulateConsultation(officer, { consultationId, coveringNote: "The Secretariat presents its compliments …", baseUrl }));
const outcome = circulated.result;
if (!outcome.ok) throw new Error(`circulation refused: ${JSON.stringify(outcome)}`);
console.log(
  `${"circulate (one transaction)".padEnd(46)} ${circulated.ms.toFixed(1).padStart(8)} ms  ${String(circulated.queries).padStart(3)} queries  (${outcome.points} points frozen, ${outcome.notifications} notifications queued)`,
);

await median("outbox page 1 (listOutbox)", () => listOutbox(officer, { status: null, consultationId, page: 1 }));
await median("non-paper DOCX (load, model, render)", async () => {
  const data = await getNonPaperForUser(officer, consultationId);
  return renderNonPaperDocx(buildNonPaperModel(data!));
});

await closeDb();
