// The frame of the consultation pages (issue 14): who gets it, which pages its navigation offers,
// and that the frame and the page share one lookup of the consultation per request.
import { describe, expect, it } from "vitest";
import { CONSULTATION_PAGES } from "~/lib/consultation-pages";
import { loader as auditLoader } from "~/routes/consultations.$consultationId.audit";
import { loader as frameLoader } from "~/routes/consultations.$consultationId";
import { getDb } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { consultationIdByPrefix, createDelegate, outcome, requestAs, statusOf } from "./helpers";
import { countQueries } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const args = (request: Request, consultationId: string) => ({ request, params: { consultationId }, context });
const frameOf = async (email: string | null, consultationId: string) =>
  (await frameLoader(args(await requestAs(email, `/consultations/${consultationId}`), consultationId))).frame;
const frameAs = async (email: string, consultationId: string) => {
  const frame = await frameOf(email, consultationId);
  if (!frame) throw new Error(`no frame for ${email}`);
  return frame;
};
const deniedStatus = async (work: () => Promise<unknown>) => statusOf(((await outcome(work)) as { thrown: unknown }).thrown);

describe("the consultation frame", () => {
  it("gives each role the pages it may open, at this stage", async () => {
    const open = await consultationIdByPrefix("CTOC-2020");
    const secretariat = await frameAs("secretariat@nonpaper.test", open);
    expect(secretariat.consultation).toMatchObject({ id: open, status: "open" });
    expect(secretariat.pages).toEqual([
      "overview",
      "agenda",
      "registrations",
      "groups",
      "circulation",
      "closing",
      "submissions",
      "translations",
      "sideBySide",
      "matrix",
      "crp",
      "audit",
    ]);
    expect((await frameAs("chair@nonpaper.test", open)).pages).toEqual(["overview", "sideBySide", "matrix", "crp"]);
    expect((await frameAs("peru@nonpaper.test", open)).pages).toEqual(["overview", "submission", "joint", "alignments", "mission"]);
    // Every page the navigation can offer is one of the frame's known pages.
    expect(CONSULTATION_PAGES).toEqual(expect.arrayContaining(secretariat.pages));

    const draft = (await insertDraftConsultation(await getDb(), { delegations: ["PER"] })).consultationId;
    expect((await frameAs("secretariat@nonpaper.test", draft)).pages).toEqual(["overview", "agenda", "registrations", "groups", "circulation", "audit"]);
  });

  // The page's own guard answers them (403 for a role, 404 for the rest): the frame changes no status.
  it("shows nothing to whoever may not see the consultation, and sends anonymous visitors to sign in", async () => {
    const open = await consultationIdByPrefix("CTOC-2020");
    const draft = (await insertDraftConsultation(await getDb(), { delegations: ["PER"] })).consultationId;
    await createDelegate("fiji3@nonpaper.test", "FJI");
    expect(await frameOf("fiji3@nonpaper.test", open)).toBeNull(); // not registered
    expect(await frameOf("chair@nonpaper.test", draft)).toBeNull(); // a draft is the secretariat's
    expect(await frameOf("peru@nonpaper.test", draft)).toBeNull(); // registered, but not circulated
    expect(await frameOf("peru@nonpaper.test", "not-a-uuid")).toBeNull();
    expect(await frameOf("peru@nonpaper.test", "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await deniedStatus(() => frameOf(null, open))).toBe(302);
  });

  it("a page's own guard still refuses a role, whatever the frame shows", async () => {
    const open = await consultationIdByPrefix("CTOC-2020");
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const request = await requestAs(email, `/consultations/${open}/audit`);
      expect(await deniedStatus(() => auditLoader(args(request, open))), email).toBe(403);
    }
  });

  it("looks the consultation up once for the frame and the page of one request", async () => {
    const open = await consultationIdByPrefix("CTOC-2020");
    const path = `/consultations/${open}/audit`;
    // Warm up: the first request of a new session also records its use.
    await auditLoader(args(await requestAs("secretariat@nonpaper.test", path), open));
    const alone = await requestAs("secretariat@nonpaper.test", path);
    const pageAlone = await countQueries(() => auditLoader(args(alone, open)));
    const both = await requestAs("secretariat@nonpaper.test", path);
    // As Remix runs them: the frame's loader and the page's, in parallel, on the same Request.
    const frameAndPage = await countQueries(() => Promise.all([frameLoader(args(both, open)), auditLoader(args(both, open))]));
    expect(frameAndPage.queries).toBe(pageAlone.queries);
  });
});
