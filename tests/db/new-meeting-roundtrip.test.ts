// "Create a new meeting" from a consultation form keeps what was typed there (issue 11, item 13):
// the form is posted to the meeting page, which carries the values in its way back and returns
// to the consultation form with them and the new meeting chosen. No JavaScript involved.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { draftDefaults, draftReturnPath, safeDraftReturn, withMeeting } from "~/lib/consultation-draft";
import { loader as editLoader } from "~/routes/consultations.$consultationId.edit";
import { loader as newLoader } from "~/routes/consultations.new";
import { action as newMeetingAction, loader as newMeetingLoader } from "~/routes/meetings.new";
import { getDb, schema } from "~/utils/db.server";
import { insertDraftConsultation } from "./fixtures";
import { outcome, requestAs, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const OFFICER = "secretariat@nonpaper.test";

const location = (result: { thrown: unknown } | { value: unknown }) =>
  "thrown" in result && result.thrown instanceof Response ? result.thrown.headers.get("Location") : null;

async function postMeetingPage(path: string, fields: [string, string][]) {
  const request = await requestAs(OFFICER, path, { method: "POST", body: new URLSearchParams(fields) });
  return outcome(() => newMeetingAction({ request, params: {}, context }));
}

const meetingFields: [string, string][] = [
  ["body", "Working Group on Firearms"],
  ["symbolPrefix", "CTOC/COP/WG.6"],
  ["session", "2026"],
  ["venue", "Vienna"],
  ["startDate", "2026-07-01"],
  ["endDate", "2026-07-03"],
  ["format", "in_person"],
  ["timeZone", "Europe/Vienna"],
];

describe("Create a new meeting from the new-consultation form", () => {
  it("comes back with the title, prefix and other typed values, and the new meeting chosen", async () => {
    const chairId = await userIdByEmail("chair@nonpaper.test");
    // 1. The officer has typed a title and a prefix, then presses "Create a new meeting".
    const carried = await postMeetingPage("/meetings/new", [
      ["returnTo", "/consultations/new"],
      ["meetingId", ""],
      ["title", "Discussion points on firearms — «draft»"],
      ["receiptPrefix", "FA-2026"],
      ["workingLanguage", "fr"],
      ["deadlineDate", "2026-08-01"],
      ["deadlineTime", "17:30"],
      ["chairIds", chairId],
    ]);
    const meetingPage = location(carried);
    expect(meetingPage).toMatch(/^\/meetings\/new\?back=/);
    // Nothing was created by that first step.
    const db = await getDb();
    expect(await db.select().from(schema.meetings).where(eq(schema.meetings.symbolPrefix, "CTOC/COP/WG.6"))).toHaveLength(0);

    // 2. The meeting page knows the way back.
    const page = await outcome(async () => newMeetingLoader({ request: await requestAs(OFFICER, meetingPage!), params: {}, context }));
    if (!("value" in page)) throw new Error("expected the meeting page");
    expect(page.value.back).toMatch(/^\/consultations\/new\?/);

    // 3. The meeting form posts to the same URL; creating the meeting returns to the consultation form.
    const created = await postMeetingPage(meetingPage!, meetingFields);
    const back = location(created);
    expect(back).toMatch(/^\/consultations\/new\?/);
    const [meeting] = await db.select({ id: schema.meetings.id }).from(schema.meetings).where(eq(schema.meetings.symbolPrefix, "CTOC/COP/WG.6"));
    expect(new URL(back!, "http://x").searchParams.get("meetingId")).toBe(meeting!.id);

    // 4. The consultation form shows what was typed, the typed prefix kept, the meeting chosen.
    const form = await outcome(async () => newLoader({ request: await requestAs(OFFICER, back!), params: {}, context }));
    if (!("value" in form)) throw new Error("expected the consultation form");
    expect(form.value.defaults).toMatchObject({
      meetingId: meeting!.id,
      title: "Discussion points on firearms — «draft»",
      receiptPrefix: "FA-2026",
      workingLanguage: "fr",
      deadlineDate: "2026-08-01",
      deadlineTime: "17:30",
      chairIds: [chairId],
      parentSessionVenue: "Vienna",
    });
  });

  it("suggests a prefix from the new meeting when none was typed", async () => {
    const carried = await postMeetingPage("/meetings/new", [
      ["returnTo", "/consultations/new"],
      ["title", "Points"],
    ]);
    const created = await postMeetingPage(
      location(carried)!,
      meetingFields.map(([k, v]) => [k, k === "symbolPrefix" ? "CTOC/COP/WG.7" : v]),
    );
    const form = await outcome(async () => newLoader({ request: await requestAs(OFFICER, location(created)!), params: {}, context }));
    if (!("value" in form)) throw new Error("expected the consultation form");
    expect(form.value.defaults).toMatchObject({ title: "Points", receiptPrefix: "WG7-2026" });
  });

  it("returns to a draft's edit page with what was typed over what is saved", async () => {
    const db = await getDb();
    const { consultationId } = await insertDraftConsultation(db, { title: "Saved title", agendaItems: [], delegations: [] });
    const path = `/consultations/${consultationId}/edit`;
    const carried = await postMeetingPage("/meetings/new", [
      ["returnTo", path],
      ["title", "Typed title"],
    ]);
    const created = await postMeetingPage(
      location(carried)!,
      meetingFields.map(([k, v]) => [k, k === "symbolPrefix" ? "CTOC/COP/WG.8" : v]),
    );
    const back = location(created)!;
    expect(back.startsWith(`${path}?`)).toBe(true);
    const form = await outcome(async () => editLoader({ request: await requestAs(OFFICER, back), params: { consultationId }, context }));
    if (!("value" in form)) throw new Error("expected the edit page");
    expect(form.value.defaults.title).toBe("Typed title");
    expect(form.value.defaults.meetingId).toBe(new URL(back, "http://x").searchParams.get("meetingId"));
  });

  it("refuses to carry anyone anywhere else", async () => {
    for (const target of [
      "//evil.example/consultations/new",
      "https://evil.example/consultations/new",
      "/login",
      "/consultations/new/../../logout",
      "/\\evil.example",
    ]) {
      const carried = await postMeetingPage("/meetings/new", [
        ["returnTo", target],
        ["title", "x"],
      ]);
      expect(location(carried)).toBe("/meetings/new");
    }
    for (const back of ["//evil.example", "https://evil.example/consultations/new", "/consultations/new/../x", "/\\evil", "/meetings/new"]) {
      expect(safeDraftReturn(back)).toBeNull();
      const page = await outcome(async () =>
        newMeetingLoader({ request: await requestAs(OFFICER, `/meetings/new?${new URLSearchParams({ back })}`), params: {}, context }),
      );
      if ("value" in page) expect(page.value.back).toBeNull();
    }
    // A delegate cannot use the meeting page to bounce anywhere.
    const request = await requestAs("peru@nonpaper.test", "/meetings/new", { method: "POST", body: new URLSearchParams([["returnTo", "/consultations/new"]]) });
    const refused = await outcome(() => newMeetingAction({ request, params: {}, context }));
    expect(location(refused)).toBeNull();
  });
});

describe("the carried values", () => {
  it("keep only the form's fields, bounded, and chair ids only", () => {
    const values = new URLSearchParams([
      ["title", "x".repeat(5000)],
      ["receiptPrefix", "AB-1"],
      ["password", "secret"],
      ["chairIds", "not-an-id"],
      ["chairIds", "7d4c1f52-3b7e-4c55-9a59-5c7a3a3b2f10"],
    ]);
    const back = draftReturnPath("/consultations/new", values)!;
    const query = new URL(back, "http://x").searchParams;
    expect(query.get("title")).toHaveLength(400);
    expect(query.has("password")).toBe(false);
    expect(query.getAll("chairIds")).toEqual(["7d4c1f52-3b7e-4c55-9a59-5c7a3a3b2f10"]);
    expect(withMeeting(back, "0b7c1f52-3b7e-4c55-9a59-5c7a3a3b2f10")).toContain("meetingId=0b7c1f52");
    expect(draftDefaults(new URLSearchParams("meetingId=nope&title=T"))).toEqual({ title: "T" });
  });
});
