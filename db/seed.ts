import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { hash } from "argon2";
import { extractSection, parseDiscussionPoints } from "../app/lib/point-import";
import { formatReceiptNumber } from "../app/lib/receipts";
import type { Database } from "./client";
import { readReferenceReport } from "./files";
import * as schema from "./schema/index";
import { DEMO_SUBMISSIONS_2020 } from "./seed-data/comments-2020";
import delegationData from "./seed-data/delegations.json";
import groupData from "./seed-data/groups.json";
import { nameColumns } from "./seed-data/names";

// Serialises seeding between app servers starting at the same time (any fixed number).
const SEED_LOCK = 4_242_021;

export const DEMO_PASSWORD = "nonpaper-demo";

/**
 * The demo secretariat's two-factor secret (base32, 160 bits), published in the README so that
 * anyone can add it to an authenticator app. Only the demo account has it.
 */
export const DEMO_TOTP_SECRET = "NONPAPERDEMOTOTPSECRETARIATCODES";
/** The demo account that signs in with two factors (the secretariat must). */
export const DEMO_TOTP_EMAIL = "secretariat@nonpaper.test";

type DelegationRecord = (typeof delegationData)[number];

// The demo meetings' names in the other official languages, as UN documents in those languages
// write them (issue 15): the Working Group by the short name the Conference's documents use in each
// language. The intergovernmental expert group has only its English name here (the others are left
// to the English fallback rather than guessed).
const WORKING_GROUP_ON_TECHNICAL_ASSISTANCE = {
  fr: "Groupe de travail sur l’assistance technique",
  es: "Grupo de Trabajo sobre Asistencia Técnica",
  ru: "Рабочая группа по технической помощи",
  zh: "技术援助工作组",
  ar: "الفريق العامل المعني بالمساعدة التقنية",
};
const VIENNA = { fr: "Vienne", es: "Viena", ru: "Вена", zh: "维也纳", ar: "فيينا" };
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Reference data always; the demo (users, the 2020 and 2023 consultations, and a late one) on request. */
export async function seedDatabase(db: Database, options: { demo: boolean }) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [delegationCount] = await tx.select({ n: count() }).from(schema.delegations);
    if (!delegationCount?.n) await seedDelegations(tx);
    await seedStandingGroups(tx);
    if (!options.demo) return;
    const [userCount] = await tx.select({ n: count() }).from(schema.users);
    if (!userCount?.n) await seedDemo(tx);
    else await giveDemoSecretariatItsSecret(tx);
  });
}

/**
 * A demo database made before two-factor sign-in: its secretariat gets the published secret,
 * so that the README's sign-in still works (only while it has none of its own).
 */
async function giveDemoSecretariatItsSecret(tx: Tx) {
  await tx
    .update(schema.users)
    .set({ totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() })
    .where(and(eq(schema.users.email, DEMO_TOTP_EMAIL), isNull(schema.users.totpSecret)));
}

async function seedDelegations(tx: Tx) {
  const rows = (delegationData as DelegationRecord[]).map((d) => ({
    code: d.code,
    kind: d.kind as (typeof schema.delegationKindEnum.enumValues)[number],
    iso2: d.iso2,
    iso3: d.iso3,
    m49: d.m49,
    ...nameColumns(d),
    formalNameEn: d.formalNames.en,
  }));
  await tx.insert(schema.delegations).values(rows);
}

/**
 * The standing groups of db/seed-data/groups.json (the UN regional groups, the European Union and
 * its member States) that the database lacks, by code: a new database gets them all, an older one
 * those added to the file since. A group already there is the secretariat's to edit, never reset.
 */
async function seedStandingGroups(tx: Tx) {
  const present = await tx.select({ code: schema.groups.code }).from(schema.groups).where(isNull(schema.groups.consultationId));
  const have = new Set(present.map((g) => g.code));
  const missing = groupData.groups.filter((g) => !have.has(g.code));
  if (!missing.length) return;
  const delegationIds = await tx.select({ id: schema.delegations.id, code: schema.delegations.code }).from(schema.delegations);
  const idOf = new Map(delegationIds.map((d) => [d.code, d.id]));
  const created = await tx
    .insert(schema.groups)
    .values(
      missing.map((g) => ({
        code: g.code,
        kind: g.kind as (typeof schema.groupKindEnum.enumValues)[number],
        ...nameColumns(g),
        membershipAsOf: groupData.membershipAsOf,
      })),
    )
    .returning({ id: schema.groups.id, code: schema.groups.code });
  const groupIdOf = new Map(created.map((g) => [g.code, g.id]));
  // A code the delegations lack is skipped (tests/unit/groups-data.test.ts keeps the file right).
  const members = missing.flatMap((g) =>
    g.members.flatMap((code) => {
      const delegationId = idOf.get(code);
      return delegationId ? [{ groupId: groupIdOf.get(g.code)!, delegationId }] : [];
    }),
  );
  if (members.length) await tx.insert(schema.groupMembers).values(members);
}

/**
 * Egypt coordinates the African Group in 2020. Its mission does not require clearance in the demo
 * (the tests submit as Egypt's delegates); Karim Mansour, an approver, can require it from the
 * submission page.
 */
async function seedMissionWorkflow(tx: Tx, input: { consultationId: string; delegationId: Map<string, string>; officer: string }) {
  const egypt = input.delegationId.get("EGY")!;
  const [african] = await tx
    .select({ id: schema.groups.id })
    .from(schema.groups)
    .where(and(eq(schema.groups.code, "AFRICAN"), isNull(schema.groups.consultationId)));
  if (african)
    await tx
      .insert(schema.groupCoordinators)
      .values({ consultationId: input.consultationId, groupId: african.id, delegationId: egypt, assignedBy: input.officer });
}

// Delegations registered for each demo session, from the attendance paragraphs of the reports.
const PARTIES_2020 =
  "DZA AGO ARG ARM AUS AUT AZE BEL BOL BIH BRA CAN CHL CHN COL CRI HRV CUB CYP CZE DOM ECU EGY SLV EU FRA GHA GRC GTM HND HUN IND IDN IRQ ISR ITA JPN JOR KWT KGZ LBN LBY MYS MLT MEX MAR MMR NAM NGA NPL NOR OMN PRY PER PHL POL PRT KOR ROU RUS SAU SGP SVK SVN ZAF ESP PSE SDN THA TUN TUR TKM UKR ARE GBR USA URY VEN YEM".split(
    " ",
  );
const PARTIES_2023 =
  "DZA ARG ARM AUS AUT BHR BLR BRA BGR BFA BDI CAN TCD CHL CHN COL CRI CYP CZE DOM ECU EGY SLV GNQ EU FIN FRA GEO DEU GRC GTM HND HUN IND IDN IRQ ITA JPN JOR KIR KWT KGZ LBY MYS MDV MLT MEX MAR MOZ MMR NAM NGA PAK PRY PER RUS SYR GBR USA VEN NIC OMN PAN PHL POL QAT MDA ROU SAU SVK SVN ZAF ESP SWE THA TGO TUN TUR UKR TZA URY".split(
    " ",
  );
const SIGNATORIES = ["IRN"];

type DemoUser = {
  email: string;
  name: string;
  role: "secretariat" | "chair" | "delegate";
  delegation?: string;
  language: (typeof schema.languageEnum.enumValues)[number];
  timeZone: string;
  /** May clear the mission's comments (its head of delegation). */
  approver?: boolean;
};

export const DEMO_USERS: DemoUser[] = [
  { email: "secretariat@nonpaper.test", name: "Amina Haddad", role: "secretariat", language: "en", timeZone: "Europe/Vienna" },
  { email: "chair@nonpaper.test", name: "Elena Varga", role: "chair", language: "en", timeZone: "America/New_York" },
  { email: "peru@nonpaper.test", name: "Lucía Fernández", role: "delegate", delegation: "PER", language: "es", timeZone: "America/Lima" },
  { email: "morocco@nonpaper.test", name: "Youssef Benali", role: "delegate", delegation: "MAR", language: "ar", timeZone: "Africa/Casablanca" },
  { email: "france@nonpaper.test", name: "Claire Dubois", role: "delegate", delegation: "FRA", language: "fr", timeZone: "Europe/Paris" },
  { email: "china@nonpaper.test", name: "Li Wei", role: "delegate", delegation: "CHN", language: "zh", timeZone: "Asia/Shanghai" },
  { email: "russia@nonpaper.test", name: "Irina Sokolova", role: "delegate", delegation: "RUS", language: "ru", timeZone: "Europe/Moscow" },
  { email: "usa@nonpaper.test", name: "James Carter", role: "delegate", delegation: "USA", language: "en", timeZone: "America/New_York" },
  // Two delegates of one mission (who draft together): Karim Mansour, its head of delegation, is an
  // approver (he can require clearance); Egypt coordinates the African Group in 2020.
  { email: "egypt@nonpaper.test", name: "Nour El-Sayed", role: "delegate", delegation: "EGY", language: "ar", timeZone: "Africa/Cairo" },
  { email: "egypt2@nonpaper.test", name: "Karim Mansour", role: "delegate", delegation: "EGY", language: "ar", timeZone: "Africa/Cairo", approver: true },
  // Missions writing in Arabic, Chinese and Russian without demo comments yet: the journeys that
  // type long texts start from nothing.
  { email: "jordan@nonpaper.test", name: "Rania Al-Khatib", role: "delegate", delegation: "JOR", language: "ar", timeZone: "Asia/Amman" },
  { email: "singapore@nonpaper.test", name: "Tan Mei Ling", role: "delegate", delegation: "SGP", language: "zh", timeZone: "Asia/Singapore" },
  { email: "kyrgyzstan@nonpaper.test", name: "Aida Bekova", role: "delegate", delegation: "KGZ", language: "ru", timeZone: "Asia/Bishkek" },
];

/** 18:00 on the given calendar day in Vienna (CET/CEST), as an instant. */
function viennaEvening(day: Date): Date {
  const ymd = day.toISOString().slice(0, 10);
  // Vienna is UTC+1 in winter and UTC+2 in summer; pick the offset that lands on 18:00 local.
  for (const offset of [1, 2]) {
    const candidate = new Date(`${ymd}T${String(18 - offset).padStart(2, "0")}:00:00Z`);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Vienna",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(candidate);
    if (local === "18") return candidate;
  }
  throw new Error("unreachable");
}

async function seedDemo(tx: Tx) {
  const passwordHash = await hash(DEMO_PASSWORD);
  const codes = [...new Set([...PARTIES_2020, ...PARTIES_2023, ...SIGNATORIES])];
  const found = await tx
    .select({ id: schema.delegations.id, code: schema.delegations.code })
    .from(schema.delegations)
    .where(inArray(schema.delegations.code, codes));
  const delegationId = new Map(found.map((d) => [d.code, d.id]));
  const missing = codes.filter((code) => !delegationId.has(code));
  if (missing.length) throw new Error(`Demo seed: unknown delegation codes ${missing.join(", ")}`);

  const users = await tx
    .insert(schema.users)
    .values(
      DEMO_USERS.map((u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        delegationId: u.delegation ? delegationId.get(u.delegation)! : null,
        language: u.language,
        timeZone: u.timeZone,
        approver: u.approver ?? false,
        passwordHash,
        ...(u.email === DEMO_TOTP_EMAIL ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
      })),
    )
    .returning({ id: schema.users.id, email: schema.users.email });
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  const officer = userId("secretariat@nonpaper.test");
  const chair = userId("chair@nonpaper.test");

  // 2020: the Chair's discussion points annexed to the draft report, circulated as a non-paper.
  // The deadline is moved to four weeks after seeding so that the demo can be commented on.
  const now = new Date();
  const meeting2020 = await insertMeeting(tx, {
    body: "Working Group of Government Experts on Technical Assistance",
    bodyTranslations: WORKING_GROUP_ON_TECHNICAL_ASSISTANCE,
    parentBody: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    symbolPrefix: "CTOC/COP/WG.2",
    session: "2020",
    venue: "Vienna",
    venueTranslations: VIENNA,
    startDate: "2020-07-09",
    endDate: "2020-07-10",
    format: "hybrid" as const,
    timeZone: "Europe/Vienna",
    createdBy: officer,
  });
  const annex2020 = parseDiscussionPoints(
    extractSection(readReferenceReport("wg2-2020-draft-report.txt"), /^A\. Updating the legislative records/, /^III\. Organization of the meeting/),
  );
  const consultation2020 = await seedConsultation(tx, {
    meetingId: meeting2020,
    officer,
    chair,
    consultation: {
      title: "Discussion points for future consideration",
      status: "open",
      deadline: viennaEvening(new Date(now.getTime() + 28 * 86_400_000)),
      receiptPrefix: "CTOC-2020",
      // Illustrative symbols for the demo CRP to the tenth session of the Conference.
      crpSymbol: "CTOC/COP/2020/CRP.5",
      parentSession: "Tenth session",
      parentSessionVenue: "Vienna",
      parentSessionStartDate: "2020-10-12",
      parentSessionEndDate: "2020-10-16",
      parentAgendaItemNumber: "4",
      parentAgendaItemTitle: "Technical assistance",
      provisionalAgendaSymbol: "CTOC/COP/2020/1",
      reflectionApprovedOn: "2020-07-24",
      reflectionApprovalMethod: "silence procedure",
      circulatedAt: new Date(now.getTime() - 86_400_000),
    },
    agendaItems: annex2020.agendaItems.map((item, index) => ({ ...item, number: String(index + 2) })),
    parties: PARTIES_2020,
    delegationId,
  });

  await seedSubmissions2020(tx, { consultationId: consultation2020, delegationId, officer, userId, now });
  await seedMissionWorkflow(tx, { consultationId: consultation2020, delegationId, officer });

  // 2023: the eleven recommendations, as a consultation whose reflection period has ended.
  const meeting2023 = await insertMeeting(tx, {
    body: "Working Group of Government Experts on Technical Assistance",
    bodyTranslations: WORKING_GROUP_ON_TECHNICAL_ASSISTANCE,
    parentBody: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    symbolPrefix: "CTOC/COP/WG.2",
    session: "2023",
    venue: "Vienna",
    venueTranslations: VIENNA,
    startDate: "2023-05-29",
    endDate: "2023-05-30",
    format: "hybrid" as const,
    timeZone: "Europe/Vienna",
    createdBy: officer,
  });
  const section2023 = parseDiscussionPoints(
    extractSection(readReferenceReport("wg2-2023-report.txt"), /^A\. General recommendations/, /^III\. Summary of deliberations/),
  );
  await seedConsultation(tx, {
    meetingId: meeting2023,
    officer,
    chair,
    consultation: {
      title: "Recommendations of the Working Group",
      status: "closed",
      deadline: viennaEvening(new Date("2023-07-14T12:00:00Z")),
      receiptPrefix: "CTOC-2023",
      crpSymbol: "CTOC/COP/2024/CRP.2",
      parentSession: "Twelfth session",
      parentSessionVenue: "Vienna",
      parentSessionStartDate: "2024-10-14",
      parentSessionEndDate: "2024-10-18",
      parentAgendaItemNumber: "5",
      parentAgendaItemTitle: "Technical assistance",
      provisionalAgendaSymbol: "CTOC/COP/2024/1",
      reflectionApprovedOn: "2023-06-09",
      reflectionApprovalMethod: "silence procedure",
      circulatedAt: new Date("2023-06-16T08:00:00Z"),
      closedAt: viennaEvening(new Date("2023-07-14T12:00:00Z")),
    },
    // A. General recommendations has no agenda item number; B and C are items 2 and 3.
    agendaItems: section2023.agendaItems.map((item, index) => ({ ...item, number: index === 0 ? null : String(index + 1) })),
    parties: PARTIES_2023,
    delegationId,
  });

  // 2020, second meeting of the intergovernmental expert group (resolution 9/1): a consultation
  // whose deadline passed a week before seeding while it is still open, so that the demo shows
  // late submissions held for the secretariat. Peru's mission left a draft before the deadline.
  // The points summarise the documents before that meeting (its report, paragraph 17).
  const meetingIeg = await insertMeeting(tx, {
    body: "Intergovernmental expert group established in accordance with Conference resolution 9/1",
    parentBody: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    symbolPrefix: "CTOC/COP/WG.10",
    session: "2020",
    venue: "Vienna",
    venueTranslations: VIENNA,
    startDate: "2020-07-13",
    endDate: "2020-07-15",
    format: "hybrid" as const,
    timeZone: "Europe/Vienna",
    createdBy: officer,
  });
  const iegDeadline = viennaEvening(new Date(now.getTime() - 7 * 86_400_000));
  const iegId = await seedConsultation(tx, {
    meetingId: meetingIeg,
    officer,
    chair,
    consultation: {
      title: "Self-assessment questionnaires: questions still in brackets",
      status: "open",
      deadline: iegDeadline,
      receiptPrefix: "CTOC-IEG-2020",
      crpSymbol: "CTOC/COP/2020/CRP.6",
      parentSession: "Tenth session",
      parentSessionVenue: "Vienna",
      parentSessionStartDate: "2020-10-12",
      parentSessionEndDate: "2020-10-16",
      parentAgendaItemNumber: "2",
      parentAgendaItemTitle: "Review mechanism",
      provisionalAgendaSymbol: "CTOC/COP/2020/1",
      reflectionApprovedOn: "2020-07-15",
      reflectionApprovalMethod: "silence procedure",
      circulatedAt: new Date(now.getTime() - 21 * 86_400_000),
    },
    agendaItems: [
      {
        number: "2",
        heading: null,
        title:
          "Finalization and harmonization of the self-assessment questionnaires for the review of the implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto",
        introduction: null,
        points: [
          {
            label: "(a)",
            text: "The questions of the draft harmonized self-assessment questionnaire for the Convention (CTOC/COP/WG.10/2020/CRP.2) on which pending issues remain [marked in brackets].",
          },
          {
            label: "(b)",
            text: "The draft harmonized self-assessment questionnaires for the Protocols on trafficking in persons, the smuggling of migrants and firearms (CTOC/COP/WG.10/2020/CRP.3, CRP.4 and CRP.5).",
          },
          {
            label: "(c)",
            text: "The methodology for the harmonization of the self-assessment questionnaires (CTOC/COP/WG.10/2020/CRP.1).",
          },
        ],
      },
      { number: "3", heading: null, title: "Other matters", introduction: null, points: [] },
    ],
    parties: PARTIES_2020,
    delegationId,
  });
  const [iegItem] = await tx
    .select({ id: schema.agendaItems.id })
    .from(schema.agendaItems)
    .where(sql`${schema.agendaItems.consultationId} = ${iegId} and ${schema.agendaItems.number} = '2'`);
  const [peruDraft] = await tx
    .insert(schema.submissions)
    .values({
      consultationId: iegId,
      delegationId: delegationId.get("PER")!,
      language: "es",
      draftVersion: 1,
      draftUpdatedAt: new Date(iegDeadline.getTime() - 2 * 86_400_000),
      draftUpdatedBy: userId("peru@nonpaper.test"),
    })
    .returning({ id: schema.submissions.id });
  await tx.insert(schema.comments).values({
    submissionId: peruDraft!.id,
    kind: "general",
    agendaItemId: iegItem!.id,
    position: 0,
    language: "es",
    body: "El Perú apoya la armonización de los cuestionarios y propone mantener las preguntas sobre asistencia técnica.",
  });

  await tx.insert(schema.auditLog).values({
    action: "demo.seed",
    entityType: "database",
    details: { users: DEMO_USERS.length },
  });
}

/**
 * Submitted comments on the 2020 points from nine delegations in the six languages (revision 1 of
 * each, on time), with the secretariat's translations of some: the demo of the translation desk and
 * the side-by-side view. Missions with a demo account submitted in the editor (their draft holds the
 * same text); the others' comments were imported from their emails by the secretariat.
 */
async function seedSubmissions2020(
  tx: Tx,
  input: { consultationId: string; delegationId: Map<string, string>; officer: string; userId: (email: string) => string; now: Date },
) {
  const item = await tx
    .select({ id: schema.agendaItems.id })
    .from(schema.agendaItems)
    .where(sql`${schema.agendaItems.consultationId} = ${input.consultationId} and ${schema.agendaItems.number} = '2'`);
  const agendaItemId = item[0]!.id;
  const points = await tx
    .select({ id: schema.discussionPoints.id, label: schema.discussionPoints.label, versionId: schema.pointVersions.id })
    .from(schema.discussionPoints)
    .innerJoin(schema.pointVersions, sql`${schema.pointVersions.pointId} = ${schema.discussionPoints.id}`)
    .where(sql`${schema.discussionPoints.agendaItemId} = ${agendaItemId}`);
  const point = (label: string) => {
    const found = points.find((p) => p.label === label);
    if (!found) throw new Error(`Demo seed: no point ${label}`);
    return found;
  };
  const accounts = new Map(DEMO_USERS.filter((u) => u.delegation).map((u) => [u.delegation!, input.userId(u.email)]));
  // Receipts are numbered in the order the submissions arrived.
  const ordered = [...DEMO_SUBMISSIONS_2020].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const [index, demo] of ordered.entries()) {
    const submittedAt = new Date(input.now.getTime() - demo.daysAgo * 86_400_000);
    const delegate = accounts.get(demo.delegation) ?? null;
    const [submission] = await tx
      .insert(schema.submissions)
      .values({
        consultationId: input.consultationId,
        delegationId: input.delegationId.get(demo.delegation)!,
        status: "submitted",
        language: demo.language,
        draftVersion: delegate ? 1 : 0,
        draftUpdatedAt: delegate ? submittedAt : null,
        draftUpdatedBy: delegate,
      })
      .returning({ id: schema.submissions.id });
    const receiptNumber = formatReceiptNumber({ prefix: "CTOC-2020", delegationCode: demo.delegation, sequence: index + 1 });
    const [revision] = await tx
      .insert(schema.submissionRevisions)
      .values({
        submissionId: submission!.id,
        revisionNumber: 1,
        receiptNumber,
        idempotencyKey: `demo-seed-${demo.delegation}`,
        draftVersion: delegate ? 1 : null,
        language: demo.language,
        source: delegate ? "editor" : "email_import",
        submittedAt,
        submittedBy: delegate ?? input.officer,
      })
      .returning({ id: schema.submissionRevisions.id });
    const rows = demo.comments.map((c, position) => ({
      submissionId: submission!.id,
      kind: c.kind,
      agendaItemId,
      pointId: c.kind === "general" ? null : point(c.point).id,
      basePointVersionId: c.kind === "amendment" ? point(c.point).versionId : null,
      position,
      language: demo.language,
      body: c.body,
      proposedText: c.kind === "amendment" ? c.proposedText : null,
      createdAt: submittedAt,
      updatedAt: submittedAt,
    }));
    const frozen = await tx
      .insert(schema.comments)
      .values(rows.map((row) => ({ ...row, revisionId: revision!.id })))
      .returning({ id: schema.comments.id });
    if (delegate) await tx.insert(schema.comments).values(rows);
    const translated = demo.comments.flatMap((c, i) => (c.translation ? [{ comment: c, id: frozen[i]!.id }] : []));
    if (translated.length && demo.translationStatus) {
      const final = demo.translationStatus === "final";
      const translatedAt = new Date(submittedAt.getTime() + 3 * 3_600_000);
      await tx.insert(schema.translations).values(
        translated.map(({ comment, id }) => ({
          commentId: id,
          status: demo.translationStatus!,
          body: comment.translation!,
          proposedText: comment.kind === "amendment" ? (comment.translatedProposal ?? null) : null,
          sourceBody: comment.body,
          sourceProposedText: comment.kind === "amendment" ? comment.proposedText : null,
          translatorId: input.officer,
          finalizedBy: final ? input.officer : null,
          finalizedAt: final ? translatedAt : null,
          createdAt: translatedAt,
          updatedAt: translatedAt,
        })),
      );
    }
    await tx.insert(schema.auditLog).values({
      actorId: delegate ?? input.officer,
      action: delegate ? "submission.submit" : "submission.import",
      entityType: "submission_revision",
      entityId: revision!.id,
      consultationId: input.consultationId,
      at: submittedAt,
      details: { delegation: demo.delegation, receipt: receiptNumber, revision: 1, late: false, language: demo.language, comments: rows.length, seeded: true },
    });
  }
  await tx.insert(schema.receiptCounters).values({ consultationId: input.consultationId, lastNumber: ordered.length });
}

async function insertMeeting(tx: Tx, values: typeof schema.meetings.$inferInsert) {
  const [row] = await tx.insert(schema.meetings).values(values).returning({ id: schema.meetings.id });
  return row!.id;
}

type SeedAgendaItem = {
  number: string | null;
  heading: string | null;
  title: string;
  introduction: string | null;
  points: { label: string; text: string }[];
};

async function seedConsultation(
  tx: Tx,
  input: {
    meetingId: string;
    officer: string;
    chair: string;
    consultation: Omit<typeof schema.consultations.$inferInsert, "meetingId">;
    agendaItems: SeedAgendaItem[];
    parties: string[];
    delegationId: Map<string, string>;
  },
) {
  const [consultation] = await tx
    .insert(schema.consultations)
    .values({ ...input.consultation, meetingId: input.meetingId, createdBy: input.officer })
    .returning({ id: schema.consultations.id, circulatedAt: schema.consultations.circulatedAt });
  const consultationId = consultation!.id;
  await tx.insert(schema.consultationChairs).values({ consultationId, userId: input.chair });

  const [nonPaper] = await tx
    .insert(schema.nonPapers)
    .values({ consultationId, number: 1, circulatedAt: consultation!.circulatedAt!, circulatedBy: input.officer })
    .returning({ id: schema.nonPapers.id });

  for (const [position, item] of input.agendaItems.entries()) {
    const [agendaItem] = await tx
      .insert(schema.agendaItems)
      .values({
        consultationId,
        number: item.number,
        heading: item.heading,
        title: item.title,
        introduction: item.introduction,
        position,
      })
      .returning({ id: schema.agendaItems.id });
    if (!item.points.length) continue;
    const points = await tx
      .insert(schema.discussionPoints)
      .values(item.points.map((p, i) => ({ agendaItemId: agendaItem!.id, label: p.label, position: i })))
      .returning({ id: schema.discussionPoints.id, position: schema.discussionPoints.position });
    const versions = await tx
      .insert(schema.pointVersions)
      .values(
        points.map((p) => ({
          pointId: p.id,
          versionNumber: 1,
          text: item.points[p.position]!.text,
          source: "draft_report" as const,
          authorId: input.officer,
        })),
      )
      .returning({ id: schema.pointVersions.id });
    await tx.insert(schema.nonPaperPoints).values(versions.map((v) => ({ nonPaperId: nonPaper!.id, pointVersionId: v.id })));
  }

  await tx.insert(schema.registrations).values([
    ...input.parties.map((code) => ({
      consultationId,
      delegationId: input.delegationId.get(code)!,
      participation: "state_party" as const,
      registeredBy: input.officer,
    })),
    ...SIGNATORIES.map((code) => ({
      consultationId,
      delegationId: input.delegationId.get(code)!,
      participation: "signatory" as const,
      registeredBy: input.officer,
    })),
  ]);
  await tx.insert(schema.auditLog).values({
    actorId: input.officer,
    action: "consultation.circulate",
    entityType: "consultation",
    entityId: consultationId,
    consultationId,
    details: { nonPaper: 1, seeded: true },
  });
  return consultationId;
}
