// A meeting stored with an old zone name (before the app used current IANA names, or from an
// older archive) is edited and saved under the current name (issue 11, item 14).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as editMeetingAction, loader as editMeetingLoader } from "~/routes/meetings.$meetingId.edit";
import { getDb, schema } from "~/utils/db.server";
import { outcome, requestAs } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };

describe("a meeting stored under Europe/Kiev", () => {
  it("shows Europe/Kyiv chosen on its edit page and saves the current name", async () => {
    const db = await getDb();
    const [meeting] = await db
      .insert(schema.meetings)
      .values({
        body: "Working Group",
        symbolPrefix: "CTOC/COP/WG.9",
        session: "2019",
        venue: "Kyiv",
        startDate: "2019-05-01",
        endDate: "2019-05-02",
        format: "in_person",
        timeZone: "Europe/Kiev",
      })
      .returning({ id: schema.meetings.id });
    const meetingId = meeting!.id;
    const page = await outcome(async () =>
      editMeetingLoader({ request: await requestAs("secretariat@nonpaper.test", `/meetings/${meetingId}/edit`), params: { meetingId }, context }),
    );
    if (!("value" in page)) throw new Error("expected the page");
    expect(page.value.meeting.timeZone).toBe("Europe/Kyiv");

    const body = new URLSearchParams({
      body: "Working Group",
      symbolPrefix: "CTOC/COP/WG.9",
      session: "2019",
      venue: "Kyiv",
      startDate: "2019-05-01",
      endDate: "2019-05-02",
      format: "in_person",
      timeZone: "Europe/Kiev",
    });
    const request = await requestAs("secretariat@nonpaper.test", `/meetings/${meetingId}/edit`, { method: "POST", body });
    const saved = await outcome(() => editMeetingAction({ request, params: { meetingId }, context }));
    expect("thrown" in saved && saved.thrown instanceof Response && saved.thrown.status).toBe(302);
    const [row] = await db.select({ timeZone: schema.meetings.timeZone }).from(schema.meetings).where(eq(schema.meetings.id, meetingId));
    expect(row!.timeZone).toBe("Europe/Kyiv");
  });
});
