// Who else of the mission has the draft open: only the delegation's own delegates report and
// learn it; everyone else gets 401 or 404 and nothing is written.
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { colleaguesInDraft, PRESENCE_TTL_MS, reportDraftPresence } from "~/models/draft-presence.server";
import { action as presenceAction, loader as presenceLoader } from "~/routes/consultations.$consultationId_.submission_.presence";
import { loader as editorLoader } from "~/routes/consultations.$consultationId.submission";
import { getDb, schema } from "~/utils/db.server";
import { createDelegate, requestAs } from "./helpers";
import { openConsultation, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
let consultationId: string;

beforeAll(async () => {
  ({ consultationId } = await openConsultation({ delegations: ["PER", "MAR"] }));
  await createDelegate("peru-second@nonpaper.test", "PER");
  await createDelegate("fiji@nonpaper.test", "FJI");
});

async function post(email: string | null, intent: string, id = consultationId) {
  const body = new FormData();
  body.set("intent", intent);
  const request = await requestAs(email, `/consultations/${id}/submission/presence`, { method: "POST", body });
  const response = (await presenceAction({ request, params: { consultationId: id }, context })) as Response;
  return { status: response.status, body: (await response.json()) as { ok: boolean; colleagues?: string[]; reason?: string } };
}

async function rows() {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(schema.draftPresence);
  return row!.n;
}

describe("draft presence", () => {
  it("two delegates of one mission see each other; another mission sees neither", async () => {
    expect(await post("peru@nonpaper.test", "open")).toEqual({ status: 200, body: { ok: true, colleagues: [] } });
    expect(await post("peru-second@nonpaper.test", "open")).toEqual({ status: 200, body: { ok: true, colleagues: ["Lucía Fernández"] } });
    expect(await post("morocco@nonpaper.test", "open")).toEqual({ status: 200, body: { ok: true, colleagues: [] } });
    // The editor's loader says so too, for a page without scripts.
    const page = await editorLoader({
      request: await requestAs("peru@nonpaper.test", `/consultations/${consultationId}/submission`),
      params: { consultationId },
      context,
    });
    expect(page.colleagues).toEqual(["peru-second@nonpaper.test"]);
  });

  it("leaving, and silence longer than the time to live, end it", async () => {
    const peru = await userByEmail("peru@nonpaper.test");
    expect((await post("peru-second@nonpaper.test", "close")).body.colleagues).toEqual(["Lucía Fernández"]);
    expect(await colleaguesInDraft(peru, consultationId)).toEqual([]);
    await reportDraftPresence(await userByEmail("peru-second@nonpaper.test"), consultationId, true, new Date(Date.now() - PRESENCE_TTL_MS - 1_000));
    expect(await colleaguesInDraft(peru, consultationId)).toEqual([]);
  });

  it("refused, writing nothing: anonymous, secretariat, chair, an unregistered delegation, a malformed id, a bad intent, GET", async () => {
    const before = await rows();
    expect((await post(null, "open")).status).toBe(401);
    expect((await post("secretariat@nonpaper.test", "open")).status).toBe(404);
    expect((await post("chair@nonpaper.test", "open")).status).toBe(404);
    expect((await post("fiji@nonpaper.test", "open")).status).toBe(404);
    expect((await post("peru@nonpaper.test", "open", "not-a-uuid")).status).toBe(404);
    expect((await post("peru@nonpaper.test", "watch")).status).toBe(400);
    expect((presenceLoader() as Response).status).toBe(405);
    expect(await rows()).toBe(before);
  });
});
