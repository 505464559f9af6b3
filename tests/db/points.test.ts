import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getConsultationForUser } from "~/models/consultation.server";
import { getPointHistory, revisePoint } from "~/models/point.server";
import { getUserById } from "~/models/user.server";
import { action, loader } from "~/routes/consultations.$consultationId.points.$pointId";
import { getDb, schema } from "~/utils/db.server";
import { consultationIdByPrefix, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const userByEmail = async (email: string) => (await getUserById(await userIdByEmail(email)))!;
const context = { clientAddress: "127.0.0.1" };
const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });

async function pointOf2020(index: number) {
  const consultationId = await consultationIdByPrefix("CTOC-2020");
  const detail = await getConsultationForUser(await userByEmail("secretariat@nonpaper.test"), consultationId);
  return { consultationId, point: detail!.agendaItems[0]!.points[index]! };
}

async function versionCount(pointId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(schema.pointVersions).where(eq(schema.pointVersions.pointId, pointId));
  return row!.n;
}

describe("point versions", () => {
  it("a revision adds a version, keeps the old one, and is in the audit log", async () => {
    const { consultationId, point } = await pointOf2020(0);
    const secretariat = await userByEmail("secretariat@nonpaper.test");
    const text = point.text.replace("should update", "[should] update");
    const result = await revisePoint(secretariat, { consultationId, pointId: point.id, text, basedOnVersion: 1 });
    expect(result).toEqual({ ok: true, versionNumber: 2 });
    const history = await getPointHistory(secretariat, consultationId, point.id);
    expect(history!.versions.map((v) => [v.versionNumber, v.source, v.circulated])).toEqual([
      [1, "draft_report", true],
      [2, "revision", false],
    ]);
    expect(history!.versions[0]!.text).toBe(point.text);
    const db = await getDb();
    const [audit] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "point.revise"), eq(schema.auditLog.entityId, point.id)));
    expect(audit).toMatchObject({ actorId: secretariat.id, consultationId, details: { versionNumber: 2 } });
  });

  it("refuses a revision based on an outdated version and returns the current text", async () => {
    const { consultationId, point } = await pointOf2020(1);
    const secretariat = await userByEmail("secretariat@nonpaper.test");
    await revisePoint(secretariat, { consultationId, pointId: point.id, text: "First edit.", basedOnVersion: 1 });
    const late = await revisePoint(secretariat, { consultationId, pointId: point.id, text: "Second edit.", basedOnVersion: 1 });
    expect(late).toEqual({ ok: false, reason: "stale", currentVersion: 2, currentText: "First edit." });
    expect(await versionCount(point.id)).toBe(2);
  });

  it("lets exactly one of two simultaneous edits through", async () => {
    const { consultationId, point } = await pointOf2020(2);
    const secretariat = await userByEmail("secretariat@nonpaper.test");
    const results = await Promise.all(
      ["Edit A.", "Edit B."].map((text) => revisePoint(secretariat, { consultationId, pointId: point.id, text, basedOnVersion: 1 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "stale")).toHaveLength(1);
    expect(await versionCount(point.id)).toBe(2);
  });

  it("does not save an unchanged text", async () => {
    const { consultationId, point } = await pointOf2020(3);
    const secretariat = await userByEmail("secretariat@nonpaper.test");
    const result = await revisePoint(secretariat, { consultationId, pointId: point.id, text: point.text, basedOnVersion: 1 });
    expect(result).toMatchObject({ ok: false, reason: "unchanged" });
    expect(await versionCount(point.id)).toBe(1);
  });

  it("writes nothing for a chair, a delegate, or a point of another consultation", async () => {
    const { consultationId, point } = await pointOf2020(4);
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const result = await revisePoint(await userByEmail(email), { consultationId, pointId: point.id, text: "X.", basedOnVersion: 1 });
      expect(result, email).toEqual({ ok: false, reason: "not_found" });
    }
    const other = await consultationIdByPrefix("CTOC-2023");
    const result = await revisePoint(await userByEmail("secretariat@nonpaper.test"), {
      consultationId: other,
      pointId: point.id,
      text: "X.",
      basedOnVersion: 1,
    });
    expect(result).toEqual({ ok: false, reason: "not_found" });
    expect(await versionCount(point.id)).toBe(1);
  });

  it("shows the history to the secretariat and the chair only", async () => {
    const { consultationId, point } = await pointOf2020(5);
    expect(await getPointHistory(await userByEmail("chair@nonpaper.test"), consultationId, point.id)).not.toBeNull();
    expect(await getPointHistory(await userByEmail("peru@nonpaper.test"), consultationId, point.id)).toBeNull();
    const other = await consultationIdByPrefix("CTOC-2023");
    expect(await getPointHistory(await userByEmail("secretariat@nonpaper.test"), other, point.id)).toBeNull();
  });
});

describe("point history page", () => {
  it("loader: 403 for delegates, 404 for a point outside the consultation, a redline for the chair", async () => {
    const { consultationId, point } = await pointOf2020(6);
    const path = `/consultations/${consultationId}/points/${point.id}`;
    const denied = await outcome(async () =>
      loader({ request: await requestAs("peru@nonpaper.test", path), params: { consultationId, pointId: point.id }, context }),
    );
    expect(statusOf((denied as { thrown: unknown }).thrown)).toBe(403);
    const other = await consultationIdByPrefix("CTOC-2023");
    const missing = await outcome(async () =>
      loader({ request: await requestAs("chair@nonpaper.test", path), params: { consultationId: other, pointId: point.id }, context }),
    );
    expect(statusOf((missing as { thrown: unknown }).thrown)).toBe(404);
    const page = await loader({ request: await requestAs("chair@nonpaper.test", path), params: { consultationId, pointId: point.id }, context });
    expect(page).toMatchObject({ from: 1, to: 1, canEdit: false, segments: [{ kind: "equal", text: point.text }] });
  });

  it("action: 403 for the chair and delegates; bad input changes nothing; a save redirects to the redline", async () => {
    const { consultationId, point } = await pointOf2020(6);
    const params = { consultationId, pointId: point.id };
    const path = `/consultations/${consultationId}/points/${point.id}`;
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const denied = await outcome(async () => action({ request: await requestAs(email, path, form({ text: "X.", basedOnVersion: "1" })), params, context }));
      expect(statusOf((denied as { thrown: unknown }).thrown), email).toBe(403);
    }
    for (const text of ["   ", "x".repeat(20_001)]) {
      const refused = await action({
        request: await requestAs("secretariat@nonpaper.test", path, form({ text, basedOnVersion: "1" })),
        params,
        context,
      });
      expect(statusOf(refused)).toBe(400);
    }
    expect(await versionCount(point.id)).toBe(1);
    const saved = await outcome(async () =>
      action({
        request: await requestAs("secretariat@nonpaper.test", path, form({ text: `${point.text} [New sentence.]\r\n`, basedOnVersion: "1" })),
        params,
        context,
      }),
    );
    const response = (saved as { thrown: Response }).thrown;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("?from=1&to=2");
    const history = await getPointHistory(await userByEmail("secretariat@nonpaper.test"), consultationId, point.id);
    expect(history!.versions[1]!.text).toBe(`${point.text} [New sentence.]`);
  });
});

describe("once the CRP is compiled", () => {
  it("the point-history page offers no edit and its action refuses a revision with 409", async () => {
    const consultationId = await consultationIdByPrefix("CTOC-2023");
    const db = await getDb();
    // The 2023 demo is closed; compile it.
    await db.update(schema.consultations).set({ status: "compiled" }).where(eq(schema.consultations.id, consultationId));
    const detail = await getConsultationForUser(await userByEmail("secretariat@nonpaper.test"), consultationId);
    const point = detail!.agendaItems[0]!.points[0]!;
    const params = { consultationId, pointId: point.id };
    const path = `/consultations/${consultationId}/points/${point.id}`;
    const page = await loader({ request: await requestAs("secretariat@nonpaper.test", path), params, context });
    expect(page.canEdit).toBe(false);
    const refused = await action({
      request: await requestAs("secretariat@nonpaper.test", path, form({ text: "Changed after compilation.", basedOnVersion: "1" })),
      params,
      context,
    });
    expect(statusOf(refused)).toBe(409);
    expect(await versionCount(point.id)).toBe(1);
  });
});
