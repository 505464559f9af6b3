// Groups of States (issue 19) on both databases: the standing groups seeded with their membership,
// creating and editing groups (standing and a consultation's own) through the pages' actions, the
// coordinator of a group in a consultation (a registered member), deleting a consultation's own
// group, the denials (403 pages, not_found models), the audit entries, and a fixed number of queries
// with a group of 134 members.
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed";
import type { GroupsActionData } from "~/lib/groups";
import {
  createGroup,
  deleteGroup,
  getConsultationGroupsPage,
  getGroupPage,
  listCoordinatedGroups,
  listGroupMembers,
  listStandingGroups,
  setGroupCoordinator,
  updateGroup,
} from "~/models/group.server";
import { getUserById, type SessionUser } from "~/models/user.server";
import ConsultationGroupsPage, { action as consultationAction, loader as consultationLoader } from "~/routes/consultations.$consultationId.groups";
import GroupPage, { action as groupAction, loader as groupLoader } from "~/routes/groups.$groupId";
import StandingGroupsPage, { action as standingAction, loader as standingLoader } from "~/routes/groups._index";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { renderRoute } from "./render-route";
import { countQueries } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const SECRETARIAT = "secretariat@nonpaper.test";
const CHAIR = "chair@nonpaper.test";
const DELEGATE = "peru@nonpaper.test";
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const userByEmail = async (email: string): Promise<SessionUser> => (await getUserById(await userIdByEmail(email)))!;

/** A POST body; arrays become repeated fields, as a form sends them. */
function post(fields: Record<string, string | string[]>): RequestInit {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return { method: "POST", body };
}

type Answer = { status: number; payload: GroupsActionData | null };

/** What an action answered: its status and payload (data() or a thrown response). */
async function answer(run: () => Promise<unknown>): Promise<Answer> {
  const result = await outcome(run);
  if ("thrown" in result) return { status: statusOf(result.thrown) ?? 500, payload: null };
  const value = result.value as { data: GroupsActionData; init: { status?: number } | null };
  return { status: value.init?.status ?? 200, payload: value.data };
}

const standingPost = async (email: string | null, fields: Record<string, string | string[]>) =>
  answer(async () => standingAction({ request: await requestAs(email, "/groups", post(fields)), params: {}, context }));
const groupPost = async (email: string | null, groupId: string, fields: Record<string, string | string[]>) =>
  answer(async () => groupAction({ request: await requestAs(email, `/groups/${groupId}`, post(fields)), params: { groupId }, context }));
const consultationPost = async (email: string | null, consultationId: string, fields: Record<string, string | string[]>) =>
  answer(async () =>
    consultationAction({ request: await requestAs(email, `/consultations/${consultationId}/groups`, post(fields)), params: { consultationId }, context }),
  );
const loaded = async (run: () => Promise<unknown>) => {
  const result = await outcome(run);
  return "thrown" in result ? { status: statusOf(result.thrown), value: null } : { status: 200, value: result.value };
};

async function idsOf(codes: string[]) {
  const db = await getDb();
  const rows = await db
    .select({ id: schema.delegations.id, code: schema.delegations.code })
    .from(schema.delegations)
    .where(inArray(schema.delegations.code, codes));
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  return codes.map((code) => byCode.get(code)!);
}

async function standingGroupId(code: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: schema.groups.id })
    .from(schema.groups)
    .where(and(eq(schema.groups.code, code), isNull(schema.groups.consultationId)));
  return row!.id;
}

async function memberCodes(groupId: string) {
  const db = await getDb();
  const rows = await db
    .select({ code: schema.delegations.code })
    .from(schema.groupMembers)
    .innerJoin(schema.delegations, eq(schema.delegations.id, schema.groupMembers.delegationId))
    .where(eq(schema.groupMembers.groupId, groupId))
    .orderBy(asc(schema.delegations.code));
  return rows.map((r) => r.code);
}

async function auditOf(action: string, entityId: string) {
  const db = await getDb();
  return db
    .select({ details: schema.auditLog.details, consultationId: schema.auditLog.consultationId, actorId: schema.auditLog.actorId })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.entityId, entityId)))
    .orderBy(asc(schema.auditLog.id));
}

async function groupCount() {
  const db = await getDb();
  return (await db.select({ n: count() }).from(schema.groups))[0]!.n;
}

async function setStatus(consultationId: string, status: "draft" | "open" | "closed" | "compiled") {
  const db = await getDb();
  await db.update(schema.consultations).set({ status }).where(eq(schema.consultations.id, consultationId));
}

const draft = async (codes: string[]) => (await insertDraftConsultation(await getDb(), { delegations: codes })).consultationId;

/** A group form's fields: names, the date, and members to add (pasted). */
const groupForm = (intent: string, fields: Record<string, string | string[]> = {}) => ({
  intent,
  nameEn: "Test Group",
  membershipAsOf: "2026-12-01",
  ...fields,
});

describe("the standing groups, as seeded", () => {
  it("are the five regional groups and the European Union, with their members and the date of their membership", async () => {
    const db = await getDb();
    const rows = await db
      .select({ code: schema.groups.code, kind: schema.groups.kind, asOf: schema.groups.membershipAsOf, members: count(schema.groupMembers.delegationId) })
      .from(schema.groups)
      .leftJoin(schema.groupMembers, eq(schema.groupMembers.groupId, schema.groups.id))
      .where(isNull(schema.groups.consultationId))
      .groupBy(schema.groups.id)
      .orderBy(asc(schema.groups.code));
    expect(rows).toEqual([
      { code: "AFRICAN", kind: "regional", asOf: "2025-01-01", members: 54 },
      { code: "ASIA_PACIFIC", kind: "regional", asOf: "2025-01-01", members: 55 },
      { code: "EEG", kind: "regional", asOf: "2025-01-01", members: 23 },
      { code: "EU", kind: "integration", asOf: "2025-01-01", members: 28 },
      { code: "GRULAC", kind: "regional", asOf: "2025-01-01", members: 33 },
      { code: "WEOG", kind: "regional", asOf: "2025-01-01", members: 28 },
    ]);
    const [african] = await db.select().from(schema.groups).where(eq(schema.groups.code, "AFRICAN"));
    expect(african).toMatchObject({ nameFr: "Groupe des États d'Afrique", articleFr: "le", nameEs: "Grupo de los Estados de África", articleEs: "el" });
    expect(await memberCodes(await standingGroupId("EU"))).toContain("EU");
  });

  it("seeding again adds only a standing group the database lacks, and never resets one the secretariat changed", async () => {
    const db = await getDb();
    const african = await standingGroupId("AFRICAN");
    await db.update(schema.groups).set({ membershipAsOf: "2026-06-30" }).where(eq(schema.groups.id, african));
    await db.delete(schema.groups).where(eq(schema.groups.id, await standingGroupId("EEG")));
    await seedDatabase(db, { demo: false });
    expect(await memberCodes(await standingGroupId("EEG"))).toHaveLength(23);
    expect(await standingGroupId("AFRICAN")).toBe(african);
    const [row] = await db.select({ asOf: schema.groups.membershipAsOf }).from(schema.groups).where(eq(schema.groups.id, african));
    expect(row!.asOf).toBe("2026-06-30");
    const before = await groupCount();
    await seedDatabase(db, { demo: false });
    expect(await groupCount()).toBe(before);
  });
});

describe("who may", () => {
  it("pages: sign-in for anonymous visitors, 403 for a chair and a delegate, 404 for an unknown or malformed id", async () => {
    const groupId = await standingGroupId("AFRICAN");
    const consultationId = await draft(["PER"]);
    const pages: [string, (email: string | null, id?: string) => Promise<unknown>][] = [
      ["standing", async (email) => standingLoader({ request: await requestAs(email, "/groups"), params: {}, context })],
      ["group", async (email, id = groupId) => groupLoader({ request: await requestAs(email, `/groups/${id}`), params: { groupId: id }, context })],
      [
        "consultation",
        async (email, id = consultationId) =>
          consultationLoader({ request: await requestAs(email, `/consultations/${id}/groups`), params: { consultationId: id }, context }),
      ],
    ];
    for (const [name, load] of pages) {
      expect((await loaded(() => load(null))).status, name).toBe(302);
      for (const email of [CHAIR, DELEGATE]) expect((await loaded(() => load(email))).status, `${name} ${email}`).toBe(403);
      expect((await loaded(() => load(SECRETARIAT))).status, name).toBe(200);
      if (name !== "standing") for (const id of [UNKNOWN, "not-a-uuid"]) expect((await loaded(() => load(SECRETARIAT, id))).status, `${name} ${id}`).toBe(404);
    }
  });

  it("actions: every intent checks the role (and the id) before reading the form; nothing changes", async () => {
    const groupId = await standingGroupId("AFRICAN");
    const consultationId = await draft(["EGY"]);
    const [egypt] = await idsOf(["EGY"]);
    const before = await groupCount();
    const create = groupForm("create", { kind: "political", add: "Peru" });
    for (const email of [null, CHAIR, DELEGATE]) {
      const expected = email ? 403 : 302;
      expect((await standingPost(email, create)).status).toBe(expected);
      expect((await groupPost(email, groupId, groupForm("save", { add: "Peru" }))).status).toBe(expected);
      const intents: Record<string, string>[] = [create, { intent: "coordinator", groupId, delegationId: egypt! }, { intent: "delete", groupId }];
      for (const fields of intents) expect((await consultationPost(email, consultationId, fields)).status, `${email} ${fields.intent}`).toBe(expected);
    }
    expect((await groupPost(SECRETARIAT, "not-a-uuid", groupForm("save"))).status).toBe(404);
    expect((await groupPost(SECRETARIAT, UNKNOWN, groupForm("save", { memberId: egypt! }))).status).toBe(404);
    expect((await consultationPost(SECRETARIAT, UNKNOWN, create)).status).toBe(404);
    expect((await consultationPost(SECRETARIAT, consultationId, { intent: "publish" })).status).toBe(400);
    expect(await groupCount()).toBe(before);
    expect(await memberCodes(groupId)).toHaveLength(54);
    const db = await getDb();
    // The demo names a coordinator of its own 2020 consultation; none was named for this one.
    expect((await db.select({ n: count() }).from(schema.groupCoordinators).where(eq(schema.groupCoordinators.consultationId, consultationId)))[0]!.n).toBe(0);
  });

  it("models: to a chair and a delegate, as if nothing existed", async () => {
    const groupId = await standingGroupId("AFRICAN");
    const consultationId = await draft(["EGY"]);
    const [egypt] = await idsOf(["EGY"]);
    const names = { nameEn: "X", nameFr: "", nameEs: "", nameRu: "", nameZh: "", nameAr: "", articleFr: null, articleEs: null };
    for (const email of [CHAIR, DELEGATE]) {
      const user = await userByEmail(email);
      expect(await listStandingGroups(user)).toBeNull();
      expect(await getGroupPage(user, groupId)).toBeNull();
      expect(await getConsultationGroupsPage(user, consultationId)).toBeNull();
      expect(await createGroup(user, { ...names, consultationId, kind: "ad_hoc", membershipAsOf: "2026-01-01", memberIds: [egypt!] })).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect(await updateGroup(user, { ...names, groupId, membershipAsOf: "2026-01-01", memberIds: [egypt!] })).toEqual({ ok: false, reason: "not_found" });
      expect(await setGroupCoordinator(user, { consultationId, groupId, delegationId: egypt! })).toEqual({ ok: false, reason: "not_found" });
      expect(await deleteGroup(user, { consultationId, groupId })).toEqual({ ok: false, reason: "not_found" });
    }
  });
});

describe("standing groups: created and edited by the secretariat", () => {
  it("creates a group from pasted names and codes, with its code, names and date, audited", async () => {
    const answered = await standingPost(
      SECRETARIAT,
      groupForm("create", {
        kind: "political",
        nameEn: "Group of Five for Testing",
        nameFr: "Groupe des Cinq pour les essais",
        articleFr: "le",
        articleEs: "",
        add: "Egypt, Maroc y Túnez\nPER FRA",
      }),
    );
    expect(answered.status).toBe(200);
    expect(answered.payload!.notice).toEqual({ kind: "created", code: "GOFFT" });
    const groupId = await standingGroupId("GOFFT");
    expect(await memberCodes(groupId)).toEqual(["EGY", "FRA", "MAR", "PER", "TUN"]);
    const db = await getDb();
    const [row] = await db.select().from(schema.groups).where(eq(schema.groups.id, groupId));
    expect(row).toMatchObject({
      kind: "political",
      nameFr: "Groupe des Cinq pour les essais",
      articleFr: "le",
      articleEs: null,
      nameEs: "",
      membershipAsOf: "2026-12-01",
    });
    const [entry] = await auditOf("group.create", groupId);
    expect(entry).toMatchObject({ consultationId: null, actorId: await userIdByEmail(SECRETARIAT) });
    expect(entry!.details).toMatchObject({ group: "GOFFT", kind: "political", codes: ["EGY", "FRA", "MAR", "PER", "TUN"], membershipAsOf: "2026-12-01" });
    // The page lists it with the seeded ones.
    const listed = await listStandingGroups(await userByEmail(SECRETARIAT));
    expect(listed!.find((g) => g.code === "GOFFT")).toMatchObject({ memberCount: 5 });
  });

  it("saves nothing while a pasted name is unsure, and says which and why", async () => {
    const before = await groupCount();
    const answered = await standingPost(SECRETARIAT, groupForm("create", { kind: "political", nameEn: "Unsure", add: "Peru, Korea\nMarocco\nAtlantis" }));
    expect(answered.status).toBe(400);
    expect(answered.payload!.problems!.map((p) => [p.input, p.kind])).toEqual([
      ["Korea", "choose"],
      ["Marocco", "confirm"],
      ["Atlantis", "unmatched"],
    ]);
    expect(answered.payload!.problems![0]!.candidates.map((d) => d.code)).toEqual(expect.arrayContaining(["KOR", "PRK"]));
    expect(await groupCount()).toBe(before);
    // The form's own errors: no name, a date that is not one, no member.
    const invalid = await standingPost(SECRETARIAT, { intent: "create", kind: "political", nameEn: " ", membershipAsOf: "2026-02-30", add: "Peru" });
    expect(invalid.status).toBe(400);
    expect(invalid.payload!.result!.error).toMatchObject({ nameEn: ["groups:errors.nameRequired"], membershipAsOf: ["groups:errors.dateInvalid"] });
    const empty = await standingPost(SECRETARIAT, groupForm("create", { kind: "political" }));
    expect(empty.status).toBe(400);
    expect(empty.payload!.result!.error?.[""]).toEqual(["groups:errors.noMembers"]);
    expect(await groupCount()).toBe(before);
  });

  it("edits a standing group: untick to remove, paste to add, new date; audited with what was added and removed", async () => {
    const groupId = await standingGroupId("WEOG");
    const page = await loaded(async () => groupLoader({ request: await requestAs(SECRETARIAT, `/groups/${groupId}`), params: { groupId }, context }));
    const value = page.value as Awaited<ReturnType<typeof groupLoader>>;
    expect(value.members).toHaveLength(28);
    expect(value.canChange).toBe(true);
    const kept = value.members.filter((m) => m.code !== "TUR").map((m) => m.id);
    const g = value.group;
    const answered = await groupPost(SECRETARIAT, groupId, {
      intent: "save",
      nameEn: g.nameEn,
      nameFr: g.nameFr,
      nameEs: g.nameEs,
      nameRu: g.nameRu,
      nameZh: g.nameZh,
      nameAr: g.nameAr,
      articleFr: g.articleFr ?? "",
      articleEs: g.articleEs ?? "",
      membershipAsOf: "2026-11-30",
      memberId: kept,
      add: "United States of America",
    });
    expect(answered.status).toBe(200);
    expect(answered.payload!.notice).toEqual({ kind: "saved", code: "WEOG" });
    const codes = await memberCodes(groupId);
    expect(codes).toHaveLength(28);
    expect(codes).toContain("USA");
    expect(codes).not.toContain("TUR");
    const [entry] = await auditOf("group.update", groupId);
    expect(entry!.details).toMatchObject({ group: "WEOG", added: ["USA"], removed: ["TUR"], membershipAsOf: "2026-11-30" });
    const again = await getGroupPage(await userByEmail(SECRETARIAT), groupId);
    expect(again!.group.membershipAsOf).toBe("2026-11-30");
    expect(again!.group.consultation).toBeNull();
  });
});

describe("a consultation's groups and their coordinators", () => {
  it("lists the standing groups with a registered member, and the consultation's own", async () => {
    const consultationId = await draft(["EGY", "MAR", "FRA", "PER"]);
    const page = await getConsultationGroupsPage(await userByEmail(SECRETARIAT), consultationId);
    const byCode = new Map(page!.groups.map((g) => [g.code, g]));
    expect(byCode.get("AFRICAN")).toMatchObject({ memberCount: 54, registeredCount: 2, coordinatorId: null });
    expect(byCode.get("AFRICAN")!.registered.map((d) => d.code)).toEqual(["EGY", "MAR"]);
    expect(byCode.get("GRULAC")).toMatchObject({ registeredCount: 1 });
    expect(byCode.get("EU")).toMatchObject({ registeredCount: 1 });
    expect(byCode.has("EEG")).toBe(false);
    expect(byCode.has("ASIA_PACIFIC")).toBe(false);

    const created = await consultationPost(SECRETARIAT, consultationId, groupForm("create", { nameEn: "Friends of the Chair", add: "Egypt\nFrance\nIceland" }));
    expect(created.status).toBe(200);
    expect(created.payload!.notice).toEqual({ kind: "created", code: "FOTC" });
    const again = await getConsultationGroupsPage(await userByEmail(SECRETARIAT), consultationId);
    const own = again!.groups.find((g) => g.code === "FOTC")!;
    expect(own).toMatchObject({ kind: "ad_hoc", consultationId, memberCount: 3, registeredCount: 2 });
    // The consultation's own groups come after the standing ones.
    expect(again!.groups.at(-1)!.code).toBe("FOTC");
    const [entry] = await auditOf("group.create", own.id);
    expect(entry).toMatchObject({ consultationId, details: expect.objectContaining({ group: "FOTC", kind: "ad_hoc", codes: ["EGY", "FRA", "ISL"] }) });
    // Another consultation does not see it, nor may it set its coordinator.
    const other = await draft(["EGY"]);
    expect((await getConsultationGroupsPage(await userByEmail(SECRETARIAT), other))!.groups.some((g) => g.code === "FOTC")).toBe(false);
    const [egypt] = await idsOf(["EGY"]);
    const elsewhere = await consultationPost(SECRETARIAT, other, { intent: "coordinator", groupId: own.id, delegationId: egypt! });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.payload!.result!.error?.[""]).toEqual(["groups:errors.groupGone"]);
  });

  it("sets the coordinator among the registered members only, changes and clears it, each change audited", async () => {
    const consultationId = await draft(["EGY", "MAR", "PER"]);
    const african = await standingGroupId("AFRICAN");
    const [egypt, morocco, tunisia, peru] = await idsOf(["EGY", "MAR", "TUN", "PER"]);
    const set = (delegationId: string) => consultationPost(SECRETARIAT, consultationId, { intent: "coordinator", groupId: african, delegationId });

    const notRegistered = await set(tunisia!);
    expect(notRegistered.status).toBe(400);
    expect(notRegistered.payload!.result!.error?.[""]).toEqual(["groups:errors.coordinatorNotRegistered"]);
    const notMember = await set(peru!);
    expect(notMember.status).toBe(400);
    expect(notMember.payload!.result!.error?.[""]).toEqual(["groups:errors.coordinatorNotMember"]);

    expect((await set(egypt!)).payload!.notice).toEqual({ kind: "coordinator" });
    expect((await set(egypt!)).status).toBe(200); // the same again: nothing to record
    expect((await set(morocco!)).status).toBe(200);
    expect((await set("")).status).toBe(200);
    expect((await auditOf("group.coordinator", african)).filter((e) => e.consultationId === consultationId).map((e) => e.details)).toEqual([
      { group: "AFRICAN", delegation: "EGY", previous: null },
      { group: "AFRICAN", delegation: "MAR", previous: "EGY" },
      { group: "AFRICAN", delegation: null, previous: "MAR" },
    ]);

    await set(egypt!);
    const page = await getConsultationGroupsPage(await userByEmail(SECRETARIAT), consultationId);
    expect(page!.groups.find((g) => g.code === "AFRICAN")!.coordinatorId).toBe(egypt);
    // What the joint submissions read: the groups Egypt coordinates here, and their members.
    const coordinated = await listCoordinatedGroups(consultationId, egypt!);
    expect(coordinated.map((g) => [g.code, g.memberCount])).toEqual([["AFRICAN", 54]]);
    expect((await listGroupMembers([african])).get(african)).toHaveLength(54);
  });

  it("a member taken out of a group coordinates it no more", async () => {
    const consultationId = await draft(["EGY", "FRA"]);
    const secretariat = await userByEmail(SECRETARIAT);
    const [egypt, france] = await idsOf(["EGY", "FRA"]);
    const names = { nameEn: "Pair", nameFr: "", nameEs: "", nameRu: "", nameZh: "", nameAr: "", articleFr: null, articleEs: null };
    const created = await createGroup(secretariat, { ...names, consultationId, kind: "ad_hoc", membershipAsOf: "2026-12-01", memberIds: [egypt!, france!] });
    if (!created.ok) throw new Error(created.reason);
    expect(await setGroupCoordinator(secretariat, { consultationId, groupId: created.id, delegationId: france! })).toEqual({
      ok: true,
      changed: true,
      code: "FRA",
    });
    expect(await updateGroup(secretariat, { ...names, groupId: created.id, membershipAsOf: "2026-12-02", memberIds: [egypt!] })).toEqual({
      ok: true,
      code: "PAIR",
      added: [],
      removed: ["FRA"],
    });
    const db = await getDb();
    expect(await db.select().from(schema.groupCoordinators).where(eq(schema.groupCoordinators.groupId, created.id))).toEqual([]);
    const [entry] = await auditOf("group.update", created.id);
    expect(entry!.details).toMatchObject({ removed: ["FRA"], coordinatorsRemoved: [{ consultationId, delegation: "FRA" }] });
  });

  it("deletes a consultation's own group with no submission on its behalf, never a standing one", async () => {
    const consultationId = await draft(["EGY", "MAR"]);
    const secretariat = await userByEmail(SECRETARIAT);
    const [egypt, morocco] = await idsOf(["EGY", "MAR"]);
    const names = { nameEn: "Maghreb and Egypt", nameFr: "", nameEs: "", nameRu: "", nameZh: "", nameAr: "", articleFr: null, articleEs: null };
    const created = await createGroup(secretariat, { ...names, consultationId, kind: "ad_hoc", membershipAsOf: "2026-12-01", memberIds: [egypt!, morocco!] });
    if (!created.ok) throw new Error(created.reason);

    const standing = await consultationPost(SECRETARIAT, consultationId, { intent: "delete", groupId: await standingGroupId("AFRICAN") });
    expect(standing.status).toBe(409);
    expect(standing.payload!.result!.error?.[""]).toEqual(["groups:errors.standingNotDeleted"]);

    const db = await getDb();
    const [submission] = await db
      .insert(schema.submissions)
      .values({ consultationId, delegationId: egypt!, onBehalfOfGroupId: created.id })
      .returning({ id: schema.submissions.id });
    const spoken = await consultationPost(SECRETARIAT, consultationId, { intent: "delete", groupId: created.id });
    expect(spoken.status).toBe(409);
    expect(spoken.payload!.result!.error?.[""]).toEqual(["groups:errors.hasSubmissions"]);
    expect(await memberCodes(created.id)).toEqual(["EGY", "MAR"]);

    await db.delete(schema.submissions).where(eq(schema.submissions.id, submission!.id));
    const deleted = await consultationPost(SECRETARIAT, consultationId, { intent: "delete", groupId: created.id });
    expect(deleted.status).toBe(200);
    expect(deleted.payload!.notice).toEqual({ kind: "deleted", code: "MAE" });
    expect(await db.select().from(schema.groups).where(eq(schema.groups.id, created.id))).toEqual([]);
    expect(await memberCodes(created.id)).toEqual([]);
    const [entry] = await auditOf("group.delete", created.id);
    expect(entry).toMatchObject({ consultationId, details: { group: "MAE", name: "Maghreb and Egypt" } });
  });

  it("changes nothing once the consultation is closed", async () => {
    const consultationId = await draft(["EGY", "MAR"]);
    const secretariat = await userByEmail(SECRETARIAT);
    const [egypt] = await idsOf(["EGY"]);
    const names = { nameEn: "Closed Group", nameFr: "", nameEs: "", nameRu: "", nameZh: "", nameAr: "", articleFr: null, articleEs: null };
    const created = await createGroup(secretariat, { ...names, consultationId, kind: "ad_hoc", membershipAsOf: "2026-12-01", memberIds: [egypt!] });
    if (!created.ok) throw new Error(created.reason);
    await setStatus(consultationId, "closed");
    const african = await standingGroupId("AFRICAN");
    const coordinator = await consultationPost(SECRETARIAT, consultationId, { intent: "coordinator", groupId: african, delegationId: egypt! });
    expect(coordinator.status).toBe(409);
    expect(coordinator.payload!.result!.error?.[""]).toEqual(["groups:errors.locked"]);
    expect((await consultationPost(SECRETARIAT, consultationId, groupForm("create", { add: "Egypt" }))).status).toBe(409);
    expect((await consultationPost(SECRETARIAT, consultationId, { intent: "delete", groupId: created.id })).status).toBe(409);
    expect((await groupPost(SECRETARIAT, created.id, groupForm("save", { memberId: egypt!, add: "Morocco" }))).status).toBe(409);
    expect(await memberCodes(created.id)).toEqual(["EGY"]);
    const page = await loaded(async () =>
      consultationLoader({ request: await requestAs(SECRETARIAT, `/consultations/${consultationId}/groups`), params: { consultationId }, context }),
    );
    expect((page.value as Awaited<ReturnType<typeof consultationLoader>>).canChange).toBe(false);
    const groupPage = await getGroupPage(secretariat, created.id);
    expect(groupPage!.group.consultation).toMatchObject({ id: consultationId, status: "closed" });
  });
});

describe("the pages", () => {
  it("show the groups, their members, the date and the coordinators, in the reader's language", async () => {
    const consultationId = await draft(["EGY", "MAR", "FRA"]);
    const african = await standingGroupId("AFRICAN");
    const [egypt] = await idsOf(["EGY"]);
    await consultationPost(SECRETARIAT, consultationId, { intent: "coordinator", groupId: african, delegationId: egypt! });
    const load = async <T>(run: () => Promise<T>) => (await loaded(run)).value as T;

    const standing = await load(async () => standingLoader({ request: await requestAs(SECRETARIAT, "/groups"), params: {}, context }));
    const standingHtml = await renderRoute(StandingGroupsPage, { url: "http://nonpaper.test/groups", loaderData: standing, language: "fr" });
    expect(standingHtml).toContain("Groupe des États d&#x27;Afrique");
    expect(standingHtml).toContain("1 janvier 2025");
    expect(standingHtml).toContain("Nouveau groupe permanent");

    const grulac = await standingGroupId("GRULAC");
    const group = await load(async () => groupLoader({ request: await requestAs(SECRETARIAT, `/groups/${grulac}`), params: { groupId: grulac }, context }));
    const groupHtml = await renderRoute(GroupPage, { url: `http://nonpaper.test/groups/${grulac}`, loaderData: group, language: "es" });
    expect(groupHtml).toContain("Grupo de los Estados de América Latina y el Caribe");
    expect(groupHtml).toContain("Composición al 1 de enero de 2025");
    expect(groupHtml.match(/name="memberId"/g)).toHaveLength(33);

    const page = await load(async () =>
      consultationLoader({ request: await requestAs(SECRETARIAT, `/consultations/${consultationId}/groups`), params: { consultationId }, context }),
    );
    const html = await renderRoute(ConsultationGroupsPage, { url: `http://nonpaper.test/consultations/${consultationId}/groups`, loaderData: page });
    expect(html).toContain("Group of African States");
    expect(html).toContain("2 of 54");
    expect(html).toMatch(new RegExp(`<option value="${egypt}" selected="">Egypt</option>`));
    expect(html).toContain("New group for this consultation");
    // Problems with a pasted list, as the action returns them.
    const problems = await consultationPost(SECRETARIAT, consultationId, groupForm("create", { add: "Korea" }));
    const withProblems = await renderRoute(ConsultationGroupsPage, {
      url: `http://nonpaper.test/consultations/${consultationId}/groups`,
      loaderData: page,
      actionData: problems.payload,
    });
    expect(withProblems).toContain("Some names were not recognized");
    expect(withProblems).toMatch(/Several delegations fit: .*Republic of Korea \(KOR\)/);
  });
});

describe("a fixed number of queries, whatever the size of a group", () => {
  it("reads and writes a group of 134 members as it does one of 2", async () => {
    const db = await getDb();
    const secretariat = await userByEmail(SECRETARIAT);
    const states = await db
      .select({ id: schema.delegations.id, code: schema.delegations.code })
      .from(schema.delegations)
      .where(eq(schema.delegations.kind, "member_state"))
      .orderBy(asc(schema.delegations.code));
    const big = states.slice(0, 134);
    const small = states.slice(0, 2);
    const names = (nameEn: string) => ({ nameEn, nameFr: "", nameEs: "", nameRu: "", nameZh: "", nameAr: "", articleFr: null, articleEs: null });

    const createBig = await countQueries(() =>
      createGroup(secretariat, { ...names("Big One"), consultationId: null, kind: "political", membershipAsOf: "2026-12-01", memberIds: big.map((d) => d.id) }),
    );
    const createSmall = await countQueries(() =>
      createGroup(secretariat, {
        ...names("Small One"),
        consultationId: null,
        kind: "political",
        membershipAsOf: "2026-12-01",
        memberIds: small.map((d) => d.id),
      }),
    );
    expect(createBig.queries).toBe(createSmall.queries);
    if (!createBig.result.ok || !createSmall.result.ok) throw new Error("not created");
    const bigId = createBig.result.id;
    const smallId = createSmall.result.id;
    expect(await memberCodes(bigId)).toHaveLength(134);

    // The page of a consultation where all 134 are registered, and of one where 2 are.
    const bigConsultation = await draft(big.map((d) => d.code));
    const smallConsultation = await draft(small.map((d) => d.code));
    const readBig = await countQueries(() => getConsultationGroupsPage(secretariat, bigConsultation));
    const readSmall = await countQueries(() => getConsultationGroupsPage(secretariat, smallConsultation));
    expect(readBig.queries).toBe(readSmall.queries);
    expect(readBig.queries).toBeLessThanOrEqual(4);
    expect(readBig.result!.groups.find((g) => g.id === bigId)).toMatchObject({ memberCount: 134, registeredCount: 134 });
    expect(readBig.result!.groups.find((g) => g.id === bigId)!.registered).toHaveLength(134);

    const pageBig = await countQueries(() => getGroupPage(secretariat, bigId));
    const pageSmall = await countQueries(() => getGroupPage(secretariat, smallId));
    expect(pageBig.queries).toBe(pageSmall.queries);
    expect(pageBig.result!.members).toHaveLength(134);

    // Replacing every member of the big group, and one of the small one.
    const others = states.slice(states.length - 134).map((d) => d.id);
    const updateBig = await countQueries(() =>
      updateGroup(secretariat, { ...names("Big One"), groupId: bigId, membershipAsOf: "2026-12-02", memberIds: others }),
    );
    const updateSmall = await countQueries(() =>
      updateGroup(secretariat, {
        ...names("Small One"),
        groupId: smallId,
        membershipAsOf: "2026-12-02",
        memberIds: [states[5]!.id, small[0]!.id],
      }),
    );
    expect(updateBig.result.ok && updateSmall.result.ok).toBe(true);
    expect(updateBig.queries).toBe(updateSmall.queries);
    expect(await memberCodes(bigId)).toHaveLength(134);

    // A coordinator among 134 registered members.
    const coordinator = await countQueries(() =>
      setGroupCoordinator(secretariat, { consultationId: bigConsultation, groupId: bigId, delegationId: big[100]!.id }),
    );
    expect(coordinator.result).toMatchObject({ ok: true });
    const members = await countQueries(() => listGroupMembers([bigId, smallId]));
    expect(members.queries).toBe(1);
  });

  it("refuses more members than a group may have", async () => {
    const db = await getDb();
    const secretariat = await userByEmail(SECRETARIAT);
    const ids = Array.from({ length: 251 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const names = { nameEn: "Too Big", nameFr: "", nameEs: "", nameRu: "", nameZh: "", nameAr: "", articleFr: null, articleEs: null };
    expect(await createGroup(secretariat, { ...names, consultationId: null, kind: "political", membershipAsOf: "2026-12-01", memberIds: ids })).toEqual({
      ok: false,
      reason: "too_many",
    });
    expect(await createGroup(secretariat, { ...names, consultationId: null, kind: "political", membershipAsOf: "2026-12-01", memberIds: [ids[0]!] })).toEqual({
      ok: false,
      reason: "unknown_delegation",
    });
    expect(await createGroup(secretariat, { ...names, consultationId: null, kind: "ad_hoc", membershipAsOf: "2026-12-01", memberIds: [ids[0]!] })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect((await db.select({ n: count() }).from(schema.groups).where(eq(schema.groups.nameEn, "Too Big")))[0]!.n).toBe(0);
  });
});
