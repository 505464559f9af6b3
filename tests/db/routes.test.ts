import { describe, expect, it } from "vitest";
import { loader as consultationLoader } from "~/routes/consultations.$consultationId._index";
import { loader as homeLoader } from "~/routes/_index";
import { action as languageAction } from "~/routes/language";
import { loader as usersLoader } from "~/routes/users";
import { getUserById } from "~/models/user.server";
import { consultationIdByPrefix, createDelegate, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context });

describe("every loader checks who is asking", () => {
  it("home: anonymous visitors are sent to sign in", async () => {
    const result = await outcome(async () => homeLoader(args(await requestAs(null, "/"))));
    expect(statusOf((result as { thrown: unknown }).thrown)).toBe(302);
  });

  it("users: only the secretariat", async () => {
    for (const email of ["chair@nonpaper.test", "peru@nonpaper.test"]) {
      const denied = await outcome(async () => usersLoader(args(await requestAs(email, "/users"))));
      expect(statusOf((denied as { thrown: unknown }).thrown), email).toBe(403);
    }
    const allowed = await usersLoader(args(await requestAs("secretariat@nonpaper.test", "/users")));
    expect(allowed.users.length).toBeGreaterThanOrEqual(8);
    expect(allowed.users[0]).not.toHaveProperty("passwordHash");
  });

  it("consultation: 404 for an unregistered delegation, a malformed id and an unknown id", async () => {
    const id = await consultationIdByPrefix("CTOC-2020");
    await createDelegate("fiji2@nonpaper.test", "FJI");
    for (const [email, consultationId] of [
      ["fiji2@nonpaper.test", id],
      ["peru@nonpaper.test", "not-a-uuid"],
      ["peru@nonpaper.test", "00000000-0000-4000-8000-000000000000"],
    ] as const) {
      const denied = await outcome(async () => consultationLoader(args(await requestAs(email, `/consultations/${consultationId}`), { consultationId })));
      expect(statusOf((denied as { thrown: unknown }).thrown), `${email} ${consultationId}`).toBe(404);
    }
    const allowed = await consultationLoader(args(await requestAs("peru@nonpaper.test", `/consultations/${id}`), { consultationId: id }));
    expect(allowed.detail.consultation.id).toBe(id);
  });

  it("language: remembers the choice in a cookie and in the profile", async () => {
    const body = new URLSearchParams({ language: "ar", redirectTo: "/users" });
    const request = await requestAs("france@nonpaper.test", "/language", { method: "POST", body });
    const response = (await languageAction(args(request))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/users");
    expect(response.headers.get("Set-Cookie")).toMatch(/^lng=ar;/);
    expect((await getUserById(await userIdByEmail("france@nonpaper.test")))?.language).toBe("ar");
  });

  it("language: rejects an unknown language and changes nothing", async () => {
    const body = new URLSearchParams({ language: "de" });
    const request = await requestAs("china@nonpaper.test", "/language", { method: "POST", body });
    const result = await outcome(async () => languageAction(args(request)));
    expect(statusOf((result as { thrown: unknown }).thrown)).toBe(400);
    expect((await getUserById(await userIdByEmail("china@nonpaper.test")))?.language).toBe("zh");
  });
});
