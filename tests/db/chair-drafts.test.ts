// A consultation is the secretariat's alone until it is circulated: its own chairs get 404 on
// every page of a draft (and do not find it on the home page), and read it once circulated.
import { beforeAll, describe, expect, it } from "vitest";
import { circulateConsultation } from "~/models/circulation.server";
import { getUserById } from "~/models/user.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as consultationLoader } from "~/routes/consultations.$consultationId._index";
import { loader as agendaLoader } from "~/routes/consultations.$consultationId.agenda";
import { loader as crpLoader } from "~/routes/consultations.$consultationId.crp";
import { loader as matrixLoader } from "~/routes/consultations.$consultationId.matrix";
import { loader as nonPaperLoader } from "~/routes/consultations.$consultationId.non-paper";
import { loader as nonPaperDocxLoader } from "~/routes/consultations.$consultationId_.non-paper[.]docx";
import { loader as pointLoader } from "~/routes/consultations.$consultationId.points.$pointId";
import { loader as sideBySideLoader } from "~/routes/consultations.$consultationId.side-by-side/route";
import { loader as submissionsLoader } from "~/routes/consultations.$consultationId.submissions";
import { loader as translationsLoader } from "~/routes/consultations.$consultationId.translations";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { BASE_URL, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const TITLE = "Draft points not yet circulated";
let consultationId: string;
let pointId: string;

// Every page a chair may open at all: all go through consultationVisibleTo.
const PAGES = [
  ["consultation page", "", consultationLoader],
  ["non-paper", "/non-paper", nonPaperLoader],
  ["non-paper .docx", "/non-paper.docx", nonPaperDocxLoader],
  ["side-by-side", "/side-by-side", sideBySideLoader],
  ["matrix", "/matrix", matrixLoader],
  ["CRP", "/crp", crpLoader],
  ["point history", "/points/:pointId", pointLoader],
] as const;

// The secretariat's desks: never open to a chair, draft or not.
const SECRETARIAT_PAGES = [
  ["translations desk", "/translations", translationsLoader],
  ["submissions", "/submissions", submissionsLoader],
  ["agenda editor", "/agenda", agendaLoader],
] as const;

async function statusFor(email: string, path: string, loader: (args: never) => unknown) {
  const request = await requestAs(email, `/consultations/${consultationId}${path.replace(":pointId", pointId)}`);
  const result = await outcome(async () => loader({ request, params: { consultationId, pointId }, context } as never));
  return "thrown" in result ? statusOf(result.thrown) : 200;
}

beforeAll(async () => {
  const db = await getDb();
  let pointIds: string[];
  ({ consultationId, pointIds } = await insertDraftConsultation(db, {
    title: TITLE,
    agendaItems: [{ number: "2", title: "Technical assistance", points: [{ label: "(a)", text: "States parties should update their records." }] }],
    delegations: ["PER"],
  }));
  pointId = pointIds[0]!;
  await db.insert(schema.consultationChairs).values({ consultationId, userId: await userIdByEmail("chair@nonpaper.test") });
});

describe("a draft consultation and its chair", () => {
  it("every page answers 404 to the chair while it is a draft, 200 to the secretariat", async () => {
    for (const [name, path, loader] of PAGES) {
      expect(await statusFor("chair@nonpaper.test", path, loader as never), name).toBe(404);
    }
    for (const [name, path, loader] of [...PAGES, ...SECRETARIAT_PAGES]) {
      expect(await statusFor("secretariat@nonpaper.test", path, loader as never), name).toBe(200);
    }
    for (const [name, path, loader] of SECRETARIAT_PAGES) {
      expect(await statusFor("chair@nonpaper.test", path, loader as never), name).toBe(403);
    }
    const home = (await homeLoader({ request: await requestAs("chair@nonpaper.test", "/"), params: {}, context })) as unknown;
    expect(JSON.stringify(home)).not.toContain(TITLE);
  });

  it("once circulated, the chair reads it", async () => {
    const officer = (await getUserById(await userIdByEmail("secretariat@nonpaper.test")))!;
    const circulated = await circulateConsultation(officer, { consultationId, coveringNote: "The Secretariat presents its compliments …", baseUrl: BASE_URL });
    expect(circulated.ok).toBe(true);
    for (const [name, path, loader] of PAGES) {
      expect(await statusFor("chair@nonpaper.test", path, loader as never), name).toBe(200);
    }
    for (const [name, path, loader] of SECRETARIAT_PAGES) {
      expect(await statusFor("chair@nonpaper.test", path, loader as never), name).toBe(403);
    }
    const home = (await homeLoader({ request: await requestAs("chair@nonpaper.test", "/"), params: {}, context })) as unknown;
    expect(JSON.stringify(home)).toContain(TITLE);
  });
});
