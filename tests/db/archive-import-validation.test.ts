// Archive import trusts nothing in the file (issue 12, item 9). Each hostile file is refused with
// a 400 that names its JSON paths, and nothing is written: a secretariat account the file would
// create, ids that collide with rows of this instance, receipts that are not the consultation's
// (prefix, delegation, counter), nesting deeper than the limit, a CRP model that does not fit
// (one whose `language` would put an attribute into the HTML). Accounts and chair access are
// created only once previewed and confirmed with the digest of the same file; the file's audit log
// is kept as imported, linked to no account here. Exports never hold a password hash, a two-factor
// secret or a recovery code, and imports never set one.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { main as archiveMain } from "~/cli/archive";
import { crpToHtml, type CrpModel } from "~/documents/crp";
import { checkArchive, IMPORTED_MARK, serializeArchive, type Archive, type ArchiveProblem } from "~/lib/archive-schema";
import { recordAudit } from "~/models/audit.server";
import {
  ArchiveConfirmationError,
  ArchiveValidationError,
  exportConsultation,
  importConsultation,
  previewImport,
  type ImportPlan,
} from "~/models/archive.server";
import { compileCrp } from "~/models/crp.server";
import ImportArchivePage, { action as importAction, type ActionResult } from "~/routes/archive.import";
import { getDb, schema } from "~/utils/db.server";
import { crpConsultation, crpSubmissions } from "./crp-setup";
import { outcome, requestAs, userIdByEmail } from "./helpers";
import { renderRoute } from "./render-route";
import { userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const OFFICER = "secretariat@nonpaper.test";
const INJECTION = 'en" onmouseover="alert(document.cookie)" data-x="';

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/**
 * A consultation with submissions, a chair, a compiled draft CRP and an audit log that names real
 * people (the officer who circulated and compiled, the chair who reviewed), as an archive.
 */
async function consultationArchive(): Promise<{ consultationId: string; archive: Archive }> {
  const db = await getDb();
  const c = await crpConsultation();
  await crpSubmissions(c);
  const chair = await userByEmail("chair@nonpaper.test");
  await db.insert(schema.consultationChairs).values({ consultationId: c.consultationId, userId: chair.id });
  await recordAudit({ actorId: chair.id, action: "review.save", entityType: "comment", consultationId: c.consultationId, details: { tag: "supports" } });
  expect((await compileCrp(c.officer, { consultationId: c.consultationId, final: false, issuedOn: "2026-10-01" })).ok).toBe(true);
  const archive = JSON.parse(serializeArchive((await exportConsultation(db, c.consultationId))!)) as Archive;
  return { consultationId: c.consultationId, archive };
}

/** What a refused import leaves: the same number of rows everywhere it could have written. */
async function snapshot() {
  const db = await getDb();
  const n = async (
    table: typeof schema.users | typeof schema.consultations | typeof schema.consultationChairs | typeof schema.auditLog | typeof schema.agendaItems,
  ) => Number((await db.select({ n: count() }).from(table as typeof schema.users))[0]!.n);
  return {
    users: await n(schema.users),
    consultations: await n(schema.consultations),
    chairs: await n(schema.consultationChairs),
    audit: await n(schema.auditLog),
    agendaItems: await n(schema.agendaItems),
  };
}

async function post(fields: { text?: string; intent?: string; confirmation?: string }, email = OFFICER) {
  const form = new FormData();
  if (fields.text !== undefined) form.append("archive", new File([fields.text], "archive.json", { type: "application/json" }));
  if (fields.intent) form.append("intent", fields.intent);
  if (fields.confirmation !== undefined) form.append("confirmation", fields.confirmation);
  const request = await requestAs(email, "/archive/import", { method: "POST", body: form });
  return outcome(() => importAction({ request, params: {}, context }));
}

/** The action's answer: its status (200 for a plain value) and data; a thrown error is a 500. */
function answer(result: Awaited<ReturnType<typeof post>>): { status: number; data: ActionResult } {
  if ("thrown" in result) return { status: 500, data: { ok: false, error: "notJson" } };
  const value = result.value as { data?: ActionResult; init?: { status?: number } } | ActionResult;
  if (value && typeof value === "object" && "init" in value && "data" in value) return { status: value.init?.status ?? 200, data: value.data! };
  return { status: 200, data: value as ActionResult };
}

/** The page refuses the file: 400, the problems with their paths, nothing written. */
async function refusedByPage(archive: unknown, text = JSON.stringify(archive)): Promise<ArchiveProblem[]> {
  const before = await snapshot();
  const result = answer(await post({ text, intent: "preview" }));
  expect(result.status).toBe(400);
  expect(result.data).toMatchObject({ ok: false, error: "invalid" });
  // Confirming it anyway is refused the same way.
  expect(answer(await post({ text, intent: "confirm", confirmation: "0".repeat(64) })).status).toBe(400);
  expect(await snapshot()).toEqual(before);
  return (result.data as { problems: ArchiveProblem[] }).problems;
}

/** The model refuses it: ArchiveValidationError, nothing written. */
async function refusedByModel(archive: unknown): Promise<ArchiveProblem[]> {
  const before = await snapshot();
  const thrown = await importConsultation(await getDb(), archive, { confirmation: "x" }).then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(ArchiveValidationError);
  expect(await snapshot()).toEqual(before);
  return (thrown as ArchiveValidationError).problems;
}

function deepValue(levels: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
}

describe("real archives", () => {
  it("every demo consultation's archive passes every check, and previews as a copy here", async () => {
    const db = await getDb();
    const all = await db.select({ id: schema.consultations.id }).from(schema.consultations);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const { id } of all) {
      const archive = JSON.parse(serializeArchive((await exportConsultation(db, id))!));
      expect(checkArchive(archive)).toMatchObject({ ok: true });
      expect(await previewImport(db, archive)).toMatchObject({ remapped: true, accounts: [] });
    }
  });
});

describe("accounts: never a secretariat account from a file", () => {
  it("refuses a file that names a secretariat officer this instance does not have, with the path", async () => {
    const { archive } = await consultationArchive();
    archive.users.push({ email: "rogue@example.org", name: "Rogue Officer", role: "secretariat", language: "en", timeZone: null, delegation: null });
    archive.consultation.createdBy = "rogue@example.org";
    const index = archive.users.length - 1;
    for (const problems of [await refusedByModel(archive), await refusedByPage(archive)]) {
      expect(problems).toContainEqual(
        expect.objectContaining({ path: `users[${index}]`, code: "secretariatNotCreated", values: { email: "rogue@example.org" } }),
      );
    }
    const [rogue] = await (await getDb()).select().from(schema.users).where(eq(schema.users.email, "rogue@example.org"));
    expect(rogue).toBeUndefined();
  });

  it("refuses a person whose account here has another role or delegation, and a chair grant to a non-chair", async () => {
    const { archive } = await consultationArchive();
    // The file calls Peru's delegate a chair and gives them the chair's access.
    archive.users.push({ email: "peru@nonpaper.test", name: "Peru", role: "chair", language: "es", timeZone: null, delegation: null });
    archive.chairs.push({ user: "peru@nonpaper.test", createdAt: archive.exportedAt });
    const problems = await refusedByModel(archive);
    expect(problems).toContainEqual(expect.objectContaining({ path: `users[${archive.users.length - 1}].role`, code: "roleDiffers" }));

    // Or keeps the delegate a delegate and still lists them as a chair.
    archive.users[archive.users.length - 1] = {
      email: "peru@nonpaper.test",
      name: "Peru",
      role: "delegate",
      language: "es",
      timeZone: null,
      delegation: "PER",
    };
    const check = checkArchive(archive);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toContainEqual(expect.objectContaining({ path: `chairs[${archive.chairs.length - 1}].user`, code: "chairNotChair" }));
    // Or moves them to another delegation.
    archive.chairs.pop();
    archive.users[archive.users.length - 1]!.delegation = "FRA";
    archive.submissions[0]!.draftUpdatedBy = "peru@nonpaper.test";
    expect(await refusedByModel(archive)).toContainEqual(
      expect.objectContaining({ path: `users[${archive.users.length - 1}].delegation`, code: "delegationDiffers" }),
    );
  });

  it("never reads or writes a password hash, a two-factor secret or a recovery code", async () => {
    const db = await getDb();
    const c = await crpConsultation({ delegations: ["USA"] });
    const chairId = await userIdByEmail("chair@nonpaper.test");
    await db.insert(schema.consultationChairs).values({ consultationId: c.consultationId, userId: chairId });
    await db
      .update(schema.users)
      .set({ totpSecret: "JBSWY3DPEHPK3PXPSECRETBASE32", totpEnabledAt: new Date(), totpLastStep: 123456 })
      .where(inArray(schema.users.id, [chairId, c.officer.id]));
    await db.insert(schema.recoveryCodes).values({ userId: chairId, codeHash: "recovery-code-hash-0123456789" });
    const [officer] = await db.select({ hash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.id, c.officer.id));
    const text = serializeArchive((await exportConsultation(db, c.consultationId))!);
    expect(officer!.hash).toBeTruthy();
    for (const secret of [officer!.hash!, "JBSWY3DPEHPK3PXPSECRETBASE32", "recovery-code-hash-0123456789"]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/password|argon2|totp|recovery|codeHash|tokenHash/i);

    // A file that brings them is refused; the accounts an import creates have none.
    const archive = JSON.parse(text) as Archive;
    const withSecrets = structuredClone(archive) as unknown as { users: Record<string, unknown>[] };
    withSecrets.users[0]!.passwordHash = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA";
    withSecrets.users[0]!.totpSecret = "JBSWY3DPEHPK3PXP";
    withSecrets.users[0]!.recoveryCodes = ["abcd-efgh"];
    const problems = await refusedByModel(withSecrets);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: "users[0]", code: "unknownKeys", values: { keys: "passwordHash, totpSecret, recoveryCodes" } }),
    );

    archive.users.push({ email: "new.chair@example.org", name: "New Chair", role: "chair", language: "fr", timeZone: "Europe/Paris", delegation: null });
    archive.chairs.push({ user: "new.chair@example.org", createdAt: archive.exportedAt });
    const plan = await previewImport(db, archive);
    await importConsultation(db, archive, { actorId: c.officer.id, confirmation: plan.confirmation });
    const [created] = await db.select().from(schema.users).where(eq(schema.users.email, "new.chair@example.org"));
    expect(created).toMatchObject({ role: "chair", passwordHash: null, totpSecret: null, totpEnabledAt: null, totpLastStep: null, language: "fr" });
    expect(await db.select().from(schema.recoveryCodes).where(eq(schema.recoveryCodes.userId, created!.id))).toEqual([]);
  });
});

describe("chairs and new accounts: previewed, then confirmed with the file's digest", () => {
  it("does not give an existing chair access, or create an account, without the confirmation", async () => {
    const { archive } = await consultationArchive();
    archive.users.push({ email: "observer.chair@example.org", name: "Vice-Chair", role: "chair", language: "ru", timeZone: null, delegation: null });
    archive.chairs.push({ user: "observer.chair@example.org", createdAt: archive.exportedAt });
    const db = await getDb();
    const before = await snapshot();
    const thrown = await importConsultation(db, archive, { actorId: await userIdByEmail(OFFICER) }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(ArchiveConfirmationError);
    expect((thrown as ArchiveConfirmationError).reason).toBe("needed");
    expect(await snapshot()).toEqual(before);

    // The page: the first post shows what would happen, and writes nothing.
    const text = JSON.stringify(archive);
    const preview = answer(await post({ text, intent: "preview" }));
    expect(preview.status).toBe(200);
    expect(preview.data.ok).toBe("preview");
    const plan = (preview.data as { plan: ImportPlan }).plan;
    expect(plan.accounts).toEqual([
      { email: "observer.chair@example.org", name: "Vice-Chair", role: "chair", delegation: null, delegationNames: null, language: "ru" },
    ]);
    expect(plan.chairs).toEqual([
      { email: "chair@nonpaper.test", name: expect.any(String), existing: true },
      { email: "observer.chair@example.org", name: "Vice-Chair", existing: false },
    ]);
    expect(await snapshot()).toEqual(before);

    // A confirmation without the digest, with another file's, or for a changed file: 400, nothing written.
    expect(answer(await post({ text, intent: "confirm" })).status).toBe(400);
    expect(answer(await post({ text, intent: "confirm", confirmation: "f".repeat(64) })).data).toMatchObject({ ok: false, error: "changed" });
    const other = structuredClone(archive);
    other.consultation.title = "Another title";
    const changed = answer(await post({ text: JSON.stringify(other), intent: "confirm", confirmation: plan.confirmation }));
    expect(changed.status).toBe(400);
    expect(changed.data).toMatchObject({ ok: false, error: "changed", plan: { title: "Another title" } });
    expect(await snapshot()).toEqual(before);

    // The previewed file with its digest: imported, the account created, both chairs given access.
    const done = answer(await post({ text, intent: "confirm", confirmation: plan.confirmation }));
    expect(done).toMatchObject({ status: 200, data: { ok: true, remapped: true } });
    const consultationId = (done.data as { consultationId: string }).consultationId;
    const chairs = await db
      .select({ email: schema.users.email, hash: schema.users.passwordHash })
      .from(schema.consultationChairs)
      .innerJoin(schema.users, eq(schema.users.id, schema.consultationChairs.userId))
      .where(eq(schema.consultationChairs.consultationId, consultationId));
    expect(chairs.map((c) => c.email).sort()).toEqual(["chair@nonpaper.test", "observer.chair@example.org"]);
    expect(chairs.find((c) => c.email === "observer.chair@example.org")!.hash).toBeNull();
    const [entry] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.consultationId, consultationId), eq(schema.auditLog.action, "consultation.import")));
    expect(entry).toMatchObject({
      actorId: await userIdByEmail(OFFICER),
      details: {
        accountsCreated: ["observer.chair@example.org"],
        chairsGranted: ["chair@nonpaper.test", "observer.chair@example.org"],
        confirmation: plan.confirmation,
      },
    });
  });

  it("shows the accounts and the chairs in the preview, in the reader's language", async () => {
    const { archive } = await consultationArchive();
    archive.users.push({ email: "mexico@example.org", name: "Ana Mx", role: "delegate", language: "es", timeZone: null, delegation: "MEX" });
    archive.submissions[0]!.draftUpdatedBy = "mexico@example.org";
    const plan = await previewImport(await getDb(), archive);
    const html = await renderRoute(ImportArchivePage, {
      url: "http://x/archive/import",
      loaderData: { maxMegabytes: 200 },
      actionData: { ok: "preview", plan },
    });
    expect(html).toContain("Check before importing");
    expect(html).toContain("Accounts to be created");
    expect(html).toMatch(/Ana Mx[\s\S]*mexico@example\.org[\s\S]*Delegate[\s\S]*Mexico/);
    expect(html).toMatch(/Chairs to be given access[\s\S]*chair@nonpaper\.test[\s\S]*Existing account/);
    expect(html).toContain(`name="confirmation" value="${plan.confirmation}"`);
    expect(html).toContain('name="intent" value="confirm"');
    const ar = await renderRoute(ImportArchivePage, {
      url: "http://x/archive/import",
      loaderData: { maxMegabytes: 200 },
      actionData: { ok: "preview", plan },
      language: "ar",
    });
    expect(ar).toContain("الحسابات التي ستُنشأ");
    expect(ar).toContain("المكسيك");
  });
});

describe("the audit log of a file: kept as imported, linked to no account here", () => {
  it("dates the entries at the import, links them to nobody, and keeps what the file said", async () => {
    const { archive } = await consultationArchive();
    const db = await getDb();
    // Back-dated entries in the name of real people of this instance, and of an officer it does not have.
    archive.auditLog.unshift({
      at: "2001-01-01T00:00:00.000Z",
      actor: "chair@nonpaper.test",
      action: "consultation.status",
      entityType: "consultation",
      entityId: archive.consultation.id,
      details: { to: "compiled" },
      ipAddress: "10.0.0.1",
    });
    archive.users.push({ email: "ghost@example.org", name: "Former Officer", role: "secretariat", language: "en", timeZone: null, delegation: null });
    archive.auditLog.push({
      at: "2001-01-02T00:00:00.000Z",
      actor: "ghost@example.org",
      action: "crp.compile",
      entityType: "consultation",
      entityId: null,
      details: {},
      ipAddress: null,
    });
    const officerId = await userIdByEmail(OFFICER);
    const plan = await previewImport(db, archive);
    expect(plan.accounts).toEqual([]); // the officer named only in the log gets no account
    const started = Date.now();
    const result = await importConsultation(db, archive, { actorId: officerId, confirmation: plan.confirmation });
    const entries = await db.select().from(schema.auditLog).where(eq(schema.auditLog.consultationId, result.consultationId)).orderBy(schema.auditLog.id);
    const imported = entries.filter((e) => e.action !== "consultation.import");
    expect(imported).toHaveLength(archive.auditLog.length);
    for (const e of imported) {
      expect(e.actorId).toBeNull();
      expect(e.ipAddress).toBeNull();
      expect(e.at.getTime()).toBeGreaterThanOrEqual(started - 1000);
      expect(e.details[IMPORTED_MARK]).toMatchObject({ importedBy: officerId, importedAt: e.at.toISOString() });
    }
    expect(imported[0]!.details).toEqual({
      to: "compiled",
      [IMPORTED_MARK]: {
        at: "2001-01-01T00:00:00.000Z",
        actor: expect.objectContaining({ email: "chair@nonpaper.test", role: "chair" }),
        ipAddress: "10.0.0.1",
        importedAt: expect.any(String),
        importedBy: officerId,
      },
    });
    expect(imported.at(-1)!.details[IMPORTED_MARK]).toMatchObject({ actor: { email: "ghost@example.org", name: "Former Officer", role: "secretariat" } });
    const [ghost] = await db.select().from(schema.users).where(eq(schema.users.email, "ghost@example.org"));
    expect(ghost).toBeUndefined();

    // Exported again, the entries say what the file said, with their people.
    const again = (await exportConsultation(db, result.consultationId))!;
    expect(again.auditLog[0]).toMatchObject({
      at: "2001-01-01T00:00:00.000Z",
      actor: "chair@nonpaper.test",
      details: { to: "compiled" },
      ipAddress: "10.0.0.1",
    });
    expect(again.auditLog.at(-1)).toMatchObject({ at: "2001-01-02T00:00:00.000Z", actor: "ghost@example.org" });
    expect(again.users).toContainEqual(expect.objectContaining({ email: "ghost@example.org", role: "secretariat" }));
    expect(checkArchive(again).ok).toBe(true);
  });

  it("refuses a file whose details use the mark itself, or that brings an import entry", async () => {
    const { archive } = await consultationArchive();
    archive.auditLog[0]!.details = { [IMPORTED_MARK]: { at: "2001-01-01T00:00:00.000Z" } };
    // Nor can it bring an import entry of its own.
    archive.auditLog[1]!.action = "consultation.import";
    const problems = await refusedByPage(archive);
    expect(problems).toContainEqual(expect.objectContaining({ path: "auditLog[0].details", code: "reservedKey" }));
    expect(problems).toContainEqual(expect.objectContaining({ path: "auditLog[1].action", code: "reservedAction" }));
  });
});

describe("ids and receipts", () => {
  it("answers 400 with the paths, not 500, when the file's ids are other rows' here", async () => {
    const { archive } = await consultationArchive();
    // A new consultation id, so that the file is not read as a copy, over the same rows.
    archive.consultation.id = randomUUID();
    archive.consultation.receiptPrefix = `NEW${Math.floor(Math.random() * 1e6)}`;
    for (const s of archive.submissions)
      for (const r of s.revisions) r.receiptNumber = r.receiptNumber.replace(/^.*-([A-Z]{2,3}-\d{4,})$/, `${archive.consultation.receiptPrefix}-$1`);
    const problems = await refusedByPage(archive);
    expect(problems).toContainEqual({
      path: "agendaItems[0].id",
      code: "idTaken",
      message: expect.stringContaining("already another row's"),
      values: { id: archive.agendaItems[0]!.id },
    });
    // Every colliding row is named (the page lists the first 20).
    expect((await refusedByModel(archive)).map((p) => p.path)).toContain("submissions[0].revisions[0].id");
  });

  it("answers 400 for ids or values the database holds unique, used twice in the file", async () => {
    const { archive } = await consultationArchive();
    const item = archive.agendaItems[0]!;
    item.points[0]!.versions.push({ ...item.points[0]!.versions[0]!, id: randomUUID() });
    archive.registrations.push({ ...archive.registrations[0]!, id: randomUUID() });
    archive.chairs.push({ ...archive.chairs[0]! });
    const problems = await refusedByPage(archive);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: `agendaItems[0].points[0].versions[${item.points[0]!.versions.length - 1}].versionNumber`, code: "duplicate" }),
        expect.objectContaining({ path: `registrations[${archive.registrations.length - 1}].delegation`, code: "duplicate" }),
        expect.objectContaining({ path: `chairs[${archive.chairs.length - 1}].user`, code: "duplicate" }),
      ]),
    );
  });

  it("refuses receipts that are not the consultation's prefix, the submission's delegation, or a receipt number", async () => {
    const { archive } = await consultationArchive();
    const prefix = archive.consultation.receiptPrefix;
    const [first, second, third] = archive.submissions.filter((s) => s.revisions.length);
    first!.revisions[0]!.receiptNumber = `OTHER-${first!.delegation}-0001`;
    second!.revisions[0]!.receiptNumber = `${prefix}-${second!.delegation === "ZAF" ? "ARG" : "ZAF"}-0001`;
    third!.revisions[0]!.receiptNumber = "whatever";
    const problems = await refusedByPage(archive);
    const at = (s: Archive["submissions"][number]) => `submissions[${archive.submissions.indexOf(s)}].revisions[0].receiptNumber`;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: at(first!), code: "receiptPrefix", values: { receipt: `OTHER-${first!.delegation}-0001`, prefix } }),
        expect.objectContaining({ path: at(second!), code: "receiptDelegation" }),
        expect.objectContaining({ path: at(third!), code: "receiptFormat" }),
      ]),
    );
  });

  it("refuses a receipt counter below the receipts, or none with receipts", async () => {
    const { archive } = await consultationArchive();
    archive.consultation.lastReceiptNumber = 1;
    expect(await refusedByPage(archive)).toContainEqual(expect.objectContaining({ path: "consultation.lastReceiptNumber", code: "counterBelowReceipts" }));
    archive.consultation.lastReceiptNumber = null;
    expect(await refusedByModel(archive)).toContainEqual(
      expect.objectContaining({ path: "consultation.lastReceiptNumber", code: "counterBelowReceipts", values: expect.objectContaining({ counter: "null" }) }),
    );
  });
});

describe("nesting and size", () => {
  it("refuses nesting deeper than the limit on the raw text (400, with the path), before parsing it", async () => {
    const { archive } = await consultationArchive();
    // 100,000 levels in an entry's details: enough to overflow the stack of JSON.stringify (a 500 before).
    archive.auditLog[0]!.details = { deep: "DEEP" };
    const text = JSON.stringify(archive).replace('"DEEP"', `${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    const problems = await refusedByPage(null, text);
    expect(problems).toEqual([expect.objectContaining({ code: "depth", path: expect.stringMatching(/^auditLog\[0\]\.details\.deep(\[0\])+$/) })]);
  });

  it("refuses a parsed value nested too deep (the model's own check), naming where", async () => {
    const { archive } = await consultationArchive();
    archive.auditLog[0]!.details = { nested: deepValue(40) };
    const problems = await refusedByModel(archive);
    expect(problems).toEqual([expect.objectContaining({ code: "depth", path: expect.stringMatching(/^auditLog\[0\]\.details\.nested\.next/) })]);
  });

  it("refuses text the database cannot store (NUL) and an array past its limit, early", async () => {
    const { archive } = await consultationArchive();
    archive.consultation.title = "Title\u0000";
    archive.auditLog[0]!.details = { note: "\u0000" };
    const problems = await refusedByPage(archive);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "consultation.title", code: "unstorable" }),
        expect.objectContaining({ path: "auditLog[0].details", code: "unstorable" }),
      ]),
    );
    const many = structuredClone(archive) as unknown as { users: unknown[] };
    many.users = Array.from({ length: 300_000 }, () => 1);
    const started = Date.now();
    expect(checkArchive(many)).toMatchObject({ ok: false, problems: [{ path: "users", code: "tooMany" }] });
    expect(Date.now() - started).toBeLessThan(2_000);
    // Under the limit but every item broken: the checking stops after the first 500 problems.
    many.users = Array.from({ length: 150_000 }, () => 1);
    const result = checkArchive(many);
    expect(!result.ok && result.problems.length).toBe(501);
    expect(!result.ok && result.problems.at(-1)).toMatchObject({ code: "moreProblems" });
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});

describe("the CRP model", () => {
  it("refuses a model that does not fit, with the path (it would break /crp and every download)", async () => {
    const { archive } = await consultationArchive();
    const model = archive.generatedDocuments[0]!.model as unknown as Record<string, any>;
    model.comments.items = "not a list";
    delete model.masthead.symbol;
    model.fileBase = "../../etc/passwd";
    const problems = await refusedByPage(archive);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "generatedDocuments[0].model.comments.items", code: "type" }),
        expect.objectContaining({ path: "generatedDocuments[0].model.masthead.symbol", code: "missing" }),
        expect.objectContaining({ path: "generatedDocuments[0].model.fileBase", code: "format" }),
      ]),
    );
  });

  it("refuses a paragraph language other than the six codes (an attribute injected into the HTML file)", async () => {
    const { archive } = await consultationArchive();
    const model = archive.generatedDocuments[0]!.model;
    const found = model.comments.items
      .flatMap((item, i) =>
        item.delegations.flatMap((d, j) =>
          d.blocks.map((b, k) => ({ b, path: `generatedDocuments[0].model.comments.items[${i}].delegations[${j}].blocks[${k}]` })),
        ),
      )
      .find(({ b }) => b.kind === "text" && b.text.paragraphs.length)!;
    (found.b as { text: { paragraphs: { language: string }[] } }).text.paragraphs[0]!.language = INJECTION;
    const problems = await refusedByPage(archive);
    expect(problems).toContainEqual(expect.objectContaining({ path: `${found.path}.text.paragraphs[0].language`, code: "value" }));
    // And a direction that is not the language's.
    const paragraph = (found.b as { text: { paragraphs: { language: string; dir: string }[] } }).text.paragraphs[0]!;
    paragraph.language = "ar";
    paragraph.dir = "ltr";
    expect(await refusedByModel(archive)).toContainEqual(expect.objectContaining({ path: `${found.path}.text.paragraphs[0].dir`, code: "direction" }));
  });

  it("never writes a model's language into an HTML attribute as it is", async () => {
    const { archive } = await consultationArchive();
    const model = structuredClone(archive.generatedDocuments[0]!.model) as CrpModel;
    const section = model.comments.items.flatMap((i) => i.delegations)[0]!;
    section.blocks = [
      { kind: "text", text: { mark: null, paragraphs: [{ text: "Texto", language: INJECTION as "es", dir: 'ltr" autofocus onfocus="x' as "ltr" }] } },
      { kind: "labelled", label: "(a)", text: { mark: null, paragraphs: [{ text: "Propuesta", language: INJECTION as "es", dir: "ltr" }] } },
      { kind: "text", text: { mark: null, paragraphs: [{ text: "نص", language: "ar", dir: 'ltr" onclick="x' as "ltr" }] } },
    ];
    const html = crpToHtml(model, { document: true });
    expect(html).not.toMatch(/onmouseover|onfocus|onclick|autofocus|data-x/);
    expect(html).toContain('<p lang="ar" dir="rtl">نص</p>');
    expect(html).toContain("<p>Texto</p>");
  });
});

describe("the command line", () => {
  it("lists the accounts and chairs an import would create, and imports only with --confirm", async () => {
    const { archive } = await consultationArchive();
    const dir = await mkdtemp(path.join(tmpdir(), "nonpaper-archive-validation-"));
    scratch.push(dir);
    const file = path.join(dir, "archive.json");
    await writeFile(file, serializeArchive(archive));
    const before = await snapshot();
    const err: string[] = [];
    const io = { out: () => {}, err: (line: string) => err.push(line) };
    expect(await archiveMain(["--import", file], io)).toBe(1);
    expect(err.join("\n")).toContain("chair access: chair@nonpaper.test");
    expect(await snapshot()).toEqual(before);
    const digest = /--confirm ([0-9a-f]{64})/.exec(err.join("\n"))![1]!;
    expect(await archiveMain(["--import", file, "--confirm", digest], { out: () => {}, err: () => {} })).toBe(0);
    expect((await snapshot()).consultations).toBe(before.consultations + 1);

    // Deep nesting in a file is refused before it is parsed.
    await writeFile(file, `{"format":"nonpaper-consultation-archive","version":1,"x":${"[".repeat(50)}${"]".repeat(50)}}`);
    const deep: string[] = [];
    expect(await archiveMain(["--import", file], { out: () => {}, err: (line) => deep.push(line) })).toBe(1);
    expect(deep.join("\n")).toMatch(/x(\[0\])+: nested more than 32 levels deep/);
  });
});

describe("the messages", () => {
  it("are in the reader's language, each with its JSON path", async () => {
    const { archive } = await consultationArchive();
    archive.submissions.find((s) => s.revisions.length)!.revisions[0]!.receiptNumber = "OTHER-PER-0001";
    const problems = (await refusedByPage(archive)).slice(0, 5);
    const data = { ok: false, error: "invalid", problems, total: problems.length };
    const fr = await renderRoute(ImportArchivePage, { url: "http://x/archive/import", loaderData: { maxMegabytes: 200 }, actionData: data, language: "fr" });
    expect(fr).toContain("ne commence pas par le préfixe");
    expect(fr).toMatch(/<bdi dir="ltr"><code>submissions\[\d\]\.revisions\[0\]\.receiptNumber<\/code><\/bdi>/);
    const zh = await renderRoute(ImportArchivePage, { url: "http://x/archive/import", loaderData: { maxMegabytes: 200 }, actionData: data, language: "zh" });
    expect(zh).toContain("不是以磋商的前缀");
  });
});
