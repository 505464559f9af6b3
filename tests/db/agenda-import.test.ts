// The paste-to-import page with a real report laid out in numbered paragraphs (2018), and the
// corrections of the review, called as Remix calls the route: every correction and the final
// check are made on the server.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getAgendaForEditor } from "~/models/agenda.server";
import { getUserById } from "~/models/user.server";
import { action as importAction } from "~/routes/consultations.$consultationId.agenda_.import";
import { extractSection, type ReviewItem } from "~/lib/point-import";
import { getDb, schema } from "~/utils/db.server";
import { readReferenceReport } from "../../db/files";
import { insertDraftConsultation } from "./fixtures";
import { outcome, requestAs, userIdByEmail } from "./helpers";
import { noticeOf } from "./notices";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const SECRETARIAT = "secretariat@nonpaper.test";
const section2018 = () => extractSection(readReferenceReport("wg2-wg3-2018-draft-report.txt"), /^#* *II\. Recommendations/, /^#* *III\. Summary/);

type Review = {
  step: "review";
  pasted: string;
  review: { items: ReviewItem[] } | null;
  warnings: { code: string }[];
  found: { items: number; points: number };
  corrected: boolean;
  focus: string | null;
  opError: string | null;
  result: { error?: Record<string, string[]> } | null;
};

async function callImport(consultationId: string, fields: Record<string, string>) {
  const path = `/consultations/${consultationId}/agenda/import`;
  return outcome(async () =>
    importAction({ request: await requestAs(SECRETARIAT, path, { method: "POST", body: new URLSearchParams(fields) }), params: { consultationId }, context }),
  );
}
const answer = (result: { thrown: unknown } | { value: unknown }) => (result as { value: { data: Review; init: { status: number } | null } }).value;

// The review as the browser posts it: every field of the form, checkboxes only when ticked.
function formOf(items: ReviewItem[], extra: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = { pasted: section2018(), reviewKey: "k", ...extra };
  items.forEach((item, i) => {
    Object.assign(fields, {
      [`items[${i}].kind`]: item.kind,
      [`items[${i}].number`]: item.number,
      [`items[${i}].heading`]: item.heading,
      [`items[${i}].title`]: item.title,
      [`items[${i}].introduction`]: item.introduction,
    });
    if (item.exclude) fields[`items[${i}].exclude`] = "on";
    item.points.forEach((p, j) => {
      Object.assign(fields, {
        [`items[${i}].points[${j}].kind`]: p.kind,
        [`items[${i}].points[${j}].label`]: p.label,
        [`items[${i}].points[${j}].text`]: p.text,
      });
      if (p.exclude) fields[`items[${i}].points[${j}].exclude`] = "on";
    });
  });
  return fields;
}

async function draft() {
  return insertDraftConsultation(await getDb(), { agendaItems: [] });
}

describe("importing the 2018 report (numbered paragraphs)", () => {
  it("preview finds the two working groups, paragraphs 6–8 as points, and shows the chapter heading as a line", async () => {
    const { consultationId } = await draft();
    const review = answer(await callImport(consultationId, { intent: "preview", pasted: section2018() })).data;
    expect(review.found).toEqual({ items: 2, points: 3 });
    expect(review.warnings).toEqual([]);
    expect(review.review!.items.map((i) => [i.kind, i.number, i.title, i.points.map((p) => `${p.kind}:${p.label}`)])).toEqual([
      ["lines", "", "", ["line:"]],
      ["item", "2", "Working Group of Government Experts on Technical Assistance", ["point:6.", "point:7.", "point:8."]],
      ["item", "3", "Working Group on International Cooperation", []],
    ]);
  });

  it("a correction is applied by the server to the review as posted, with or without the cursor", async () => {
    const { consultationId } = await draft();
    const items = answer(await callImport(consultationId, { intent: "preview", pasted: section2018() })).data.review!.items;
    // Without JavaScript: no cursor, so point 8 is split at its blank line.
    const split = answer(await callImport(consultationId, formOf(items, { intent: "review:split:1:2" })));
    expect(split.data.review!.items[1]!.points.map((p) => p.label)).toEqual(["6.", "7.", "8.", "9."]);
    expect(split.data.found).toEqual({ items: 2, points: 4 });
    expect(split.data.corrected).toBe(true);
    expect(split.data.focus).toBe("import-entry-1-3");
    // With JavaScript: where the cursor was, in CRLF text as browsers post it.
    const edited = structuredClone(items);
    edited[1]!.points[0]!.text = "First part.\r\nSecond part.";
    const atCursor = answer(await callImport(consultationId, formOf(edited, { intent: "review:split:1:0", cursor: "1:0:12" })));
    expect(atCursor.data.review!.items[1]!.points.slice(0, 2).map((p) => p.text)).toEqual(["First part.", "Second part."]);
    // A point of one line without a cursor cannot be split: the review comes back with a message.
    const nowhere = answer(await callImport(consultationId, formOf(items, { intent: "review:split:1:0" })));
    expect(nowhere.init?.status).toBe(400);
    expect(nowhere.data.opError).toBe("agenda:errors.splitNowhere");
    expect(nowhere.data.review!.items).toEqual(items);
    // A correction of something that is not there is a bad request.
    const bad = await callImport(consultationId, formOf(items, { intent: "review:merge:1:9" }));
    expect("thrown" in bad && (bad.thrown as { init: { status: number } }).init.status).toBe(400);
  });

  it("save refuses an import without points, with a message, and saves nothing", async () => {
    const { consultationId } = await draft();
    const items = answer(await callImport(consultationId, { intent: "preview", pasted: section2018() })).data.review!.items;
    const noPoints = items.map((item) => ({ ...item, points: item.points.map((p) => ({ ...p, exclude: true })) }));
    const refused = answer(await callImport(consultationId, formOf(noPoints, { intent: "save" })));
    expect(refused.init?.status).toBe(400);
    expect(refused.data.result?.error).toEqual({ "": ["agenda:errors.noPointsToImport"] });
    expect(refused.data.warnings.map((w) => w.code)).toEqual(["no_points_found"]);
    const agenda = await getAgendaForEditor((await getUserById(await userIdByEmail(SECRETARIAT)))!, consultationId);
    expect(agenda!.agendaItems).toEqual([]);
  });

  it("save keeps lines out even when they are posted without the box ticked, and saves the points", async () => {
    const { consultationId } = await draft();
    const items = answer(await callImport(consultationId, { intent: "preview", pasted: section2018() })).data.review!.items;
    const saved = await callImport(consultationId, formOf(items, { intent: "save" }));
    const response = (saved as { thrown: Response }).thrown;
    expect(response.headers.get("Location")).toBe(`/consultations/${consultationId}/agenda`);
    expect(await noticeOf(response)).toEqual({ kind: "agenda.imported", items: 2, points: 3 });
    const db = await getDb();
    const rows = await db
      .select({ title: schema.agendaItems.title, label: schema.discussionPoints.label })
      .from(schema.agendaItems)
      .leftJoin(schema.discussionPoints, eq(schema.discussionPoints.agendaItemId, schema.agendaItems.id))
      .where(eq(schema.agendaItems.consultationId, consultationId))
      .orderBy(asc(schema.agendaItems.position), asc(schema.discussionPoints.position));
    expect(rows.map((r) => `${r.title.slice(0, 13)} ${r.label ?? "-"}`)).toEqual([
      "Working Group 6.",
      "Working Group 7.",
      "Working Group 8.",
      "Working Group -",
    ]);
  });
});
