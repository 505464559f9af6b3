// The open redirect closed at every caller: after signing in, after a language change, after
// editing a meeting, a target that a browser would read as another site goes home instead.
import { describe, expect, it } from "vitest";
import { createMeeting } from "~/models/meeting.server";
import { getUserById } from "~/models/user.server";
import { action as languageAction } from "~/routes/language";
import { action as loginAction } from "~/routes/login";
import { action as editMeetingAction } from "~/routes/meetings.$meetingId.edit";
import { outcome, requestAs, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const ATTACKS = ["/\t/evil.example", "/\n/evil.example", "/\\evil.example", "//evil.example", "https://evil.example", "https:evil.example"];

function form(fields: Record<string, string>): RequestInit {
  return { method: "POST", body: new URLSearchParams(fields) };
}

/** Where a redirect (returned or thrown) points. */
async function locationOf(run: () => Promise<unknown>): Promise<string | null> {
  const result = await outcome(run);
  const response = ("value" in result ? result.value : result.thrown) as Response;
  return response instanceof Response ? response.headers.get("Location") : null;
}

describe("no redirect leaves the site", () => {
  it("sign-in", async () => {
    for (const target of ATTACKS) {
      const request = await requestAs(null, "/login", form({ email: "usa@nonpaper.test", password: "nonpaper-demo", redirectTo: target }));
      expect(await locationOf(() => loginAction({ request, params: {}, context })), JSON.stringify(target)).toBe("/");
    }
    const request = await requestAs(null, "/login", form({ email: "usa@nonpaper.test", password: "nonpaper-demo", redirectTo: "/users?x=1" }));
    expect(await locationOf(() => loginAction({ request, params: {}, context }))).toBe("/users?x=1");
  });

  it("the language switch", async () => {
    for (const target of ATTACKS) {
      const request = await requestAs("france@nonpaper.test", "/language", form({ language: "fr", redirectTo: target }));
      expect(await locationOf(() => languageAction({ request, params: {}, context })), JSON.stringify(target)).toBe("/");
    }
  });

  it("editing a meeting (its `back` address, as the query string delivers it, %09 decoded)", async () => {
    const officer = (await getUserById(await userIdByEmail("secretariat@nonpaper.test")))!;
    const meetingId = (await createMeeting(officer, {
      body: "Working Group on International Cooperation",
      symbolPrefix: "CTOC/COP/WG.3",
      session: "2026",
      venue: "Vienna",
      startDate: "2026-06-01",
      endDate: "2026-06-03",
      format: "hybrid",
      timeZone: "Europe/Vienna",
    }))!;
    const fields = {
      body: "Working Group on International Cooperation",
      symbolPrefix: "CTOC/COP/WG.3",
      session: "2026",
      venue: "Vienna",
      startDate: "2026-06-01",
      endDate: "2026-06-03",
      format: "hybrid",
      timeZone: "Europe/Vienna",
    };
    for (const back of [...ATTACKS, "%2F%09%2Fevil.example"]) {
      const query = back.startsWith("%") ? back : encodeURIComponent(back);
      const request = await requestAs("secretariat@nonpaper.test", `/meetings/${meetingId}/edit?back=${query}`, form(fields));
      expect(await locationOf(() => editMeetingAction({ request, params: { meetingId }, context })), back).toBe("/");
    }
  });
});
