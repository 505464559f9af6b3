// The mission's focal point (issue 19), its pure rules: who may see and change the mission, the
// limit, whom the focal point may remove, the forms, what each refusal says in six languages, and
// the invitation email saying that the focal point invites.
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18next";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { CONSULTATION_STATUSES } from "~/lib/consultation-status";
import {
  DEFAULT_DELEGATE_LIMIT,
  DelegateLimitSchema,
  FOCAL_POINT_REFUSALS,
  FocalPointSchema,
  MAX_DELEGATE_LIMIT,
  MISSION_REFUSALS,
  MissionInviteSchema,
  MissionRemoveSchema,
  MissionWithdrawSchema,
  changesByMission,
  effectiveDelegateLimit,
  isFocalPoint,
  mayBeFocalPoint,
  mayInviteWithin,
  maySeeMission,
  missionChangeRefusal,
  removalRefusal,
} from "~/lib/focal-point";
import { FORM_UNREADABLE } from "~/lib/form-unreadable";
import { invitationEmail } from "~/lib/invitation-email";

const EGY = "11111111-1111-4111-8111-111111111111";
const PER = "22222222-2222-4222-8222-222222222222";
const FOCAL = { id: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", role: "delegate" as const, delegationId: EGY };
const COLLEAGUE = { id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", role: "delegate" as const, delegationId: EGY };
const PERUVIAN = { id: "cccccccc-cccc-4ccc-8ccc-cccccccccccc", role: "delegate" as const, delegationId: PER };
const OFFICER = { id: "dddddddd-dddd-4ddd-8ddd-dddddddddddd", role: "secretariat" as const, delegationId: null };
const mission = { delegationId: EGY, focalPointId: FOCAL.id };

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("the limit", () => {
  it("is the secretariat's, or the default when none is set", () => {
    expect(effectiveDelegateLimit(null)).toBe(DEFAULT_DELEGATE_LIMIT);
    expect(effectiveDelegateLimit(undefined)).toBe(DEFAULT_DELEGATE_LIMIT);
    expect(effectiveDelegateLimit(3)).toBe(3);
    expect(DEFAULT_DELEGATE_LIMIT).toBe(10);
  });

  it("counts active delegates and pending invitations together, one more invitation at a time", () => {
    expect(mayInviteWithin({ active: 9, pending: 0 }, null)).toBe(true);
    expect(mayInviteWithin({ active: 9, pending: 1 }, null)).toBe(false);
    expect(mayInviteWithin({ active: 1, pending: 0 }, 2)).toBe(true);
    expect(mayInviteWithin({ active: 1, pending: 1 }, 2)).toBe(false);
    expect(mayInviteWithin({ active: 0, pending: 2 }, 2)).toBe(false);
    // A limit lowered below what the mission has removes no one: it refuses the next invitation.
    expect(mayInviteWithin({ active: 5, pending: 0 }, 3)).toBe(false);
  });
});

describe("who sees and who changes the mission", () => {
  it("is a delegates' page", () => {
    expect(maySeeMission({ role: "delegate", delegationId: EGY })).toBe(true);
    expect(maySeeMission({ role: "secretariat" })).toBe(false);
    expect(maySeeMission({ role: "chair" })).toBe(false);
  });

  it("has one focal point: the delegate named for that delegation", () => {
    expect(isFocalPoint(FOCAL, mission)).toBe(true);
    expect(isFocalPoint(COLLEAGUE, mission)).toBe(false);
    expect(isFocalPoint(FOCAL, { ...mission, focalPointId: null })).toBe(false);
    // Named by id, but not a delegate of that delegation (the rule does not trust the row alone).
    expect(isFocalPoint({ ...PERUVIAN, id: FOCAL.id }, mission)).toBe(false);
    expect(isFocalPoint({ ...OFFICER, id: FOCAL.id }, mission)).toBe(false);
  });

  it("answers 404 to other missions, 403 to a colleague, and nothing changes once the CRP is compiled", () => {
    for (const status of CONSULTATION_STATUSES) {
      const at = { ...mission, status };
      const expected = status === "draft" ? "not_found" : status === "compiled" ? "locked" : null;
      expect(missionChangeRefusal(FOCAL, at), status).toBe(expected);
      expect(missionChangeRefusal(COLLEAGUE, at), status).toBe(status === "draft" ? "not_found" : "forbidden");
      expect(missionChangeRefusal(PERUVIAN, at), status).toBe("not_found");
      expect(missionChangeRefusal(OFFICER, at), status).toBe("not_found");
    }
    expect(missionChangeRefusal(FOCAL, null)).toBe("not_found");
  });
});

describe("whom the focal point may remove", () => {
  const target = (
    who: typeof COLLEAGUE | typeof PERUVIAN | typeof OFFICER | typeof FOCAL,
    more: { disabledAt?: string | null; isFocalPoint?: boolean } = {},
  ) => ({
    ...who,
    disabledAt: more.disabledAt ?? null,
    isFocalPoint: more.isFocalPoint ?? false,
  });

  it("a colleague of the same delegation, active, not a focal point elsewhere", () => {
    expect(removalRefusal(FOCAL, mission, target(COLLEAGUE))).toBeNull();
  });

  it("never itself, nor anyone outside the delegation (as if they did not exist)", () => {
    expect(removalRefusal(FOCAL, mission, target(FOCAL, { isFocalPoint: true }))).toBe("self");
    expect(removalRefusal(FOCAL, mission, target(PERUVIAN))).toBe("not_found");
    expect(removalRefusal(FOCAL, mission, target(OFFICER))).toBe("not_found");
    expect(removalRefusal(FOCAL, mission, null)).toBe("not_found");
  });

  it("not twice, and not another consultation's focal point (the secretariat decides that)", () => {
    expect(removalRefusal(FOCAL, mission, target(COLLEAGUE, { disabledAt: "2025-06-02T10:00:00Z" }))).toBe("unchanged");
    expect(removalRefusal(FOCAL, mission, target(COLLEAGUE, { isFocalPoint: true }))).toBe("focal_point");
  });

  it("the secretariat names only an active delegate of the delegation", () => {
    expect(mayBeFocalPoint({ ...COLLEAGUE, disabledAt: null }, EGY)).toBe(true);
    expect(mayBeFocalPoint({ ...COLLEAGUE, disabledAt: new Date() }, EGY)).toBe(false);
    expect(mayBeFocalPoint({ ...PERUVIAN, disabledAt: null }, EGY)).toBe(false);
    expect(mayBeFocalPoint({ ...OFFICER, disabledAt: null }, EGY)).toBe(false);
    expect(mayBeFocalPoint(null, EGY)).toBe(false);
  });
});

describe("the forms", () => {
  const errorsOf = (result: { status?: string; error?: Record<string, string[] | null> | null }) => Object.values(result.error ?? {}).flatMap((e) => e ?? []);

  it("the focal point's invitation: address, name and language, with the secretariat's messages", () => {
    const ok = parseWithZod(form({ intent: "invite", email: " Attache@Egypt.example ", name: "Attaché", language: "ar" }), { schema: MissionInviteSchema });
    expect(ok.status).toBe("success");
    expect(ok.status === "success" && ok.value).toEqual({ intent: "invite", email: "Attache@Egypt.example", name: "Attaché", language: "ar" });
    const bad = parseWithZod(form({ intent: "invite", email: "nobody", name: "", language: "xx" }), { schema: MissionInviteSchema });
    expect(errorsOf(bad.reply()).sort()).toEqual([
      "registrations:errors.emailInvalid",
      "registrations:errors.languageInvalid",
      "registrations:errors.nameRequired",
    ]);
  });

  it("forged hidden fields answer 'the form could not be read'", () => {
    expect(errorsOf(parseWithZod(form({ intent: "remove", userId: "x" }), { schema: MissionRemoveSchema }).reply())).toEqual([FORM_UNREADABLE]);
    expect(errorsOf(parseWithZod(form({ intent: "withdraw", invitationId: "x" }), { schema: MissionWithdrawSchema }).reply())).toEqual([
      "registrations:errors.invitationGone",
    ]);
    expect(errorsOf(parseWithZod(form({ intent: "focal-point", delegationId: EGY, focalPointId: "x" }), { schema: FocalPointSchema }).reply())).toEqual([
      FORM_UNREADABLE,
    ]);
  });

  it("the secretariat's: an empty focal point is none, an empty limit the default, else 1 to the maximum", () => {
    const none = parseWithZod(form({ intent: "focal-point", delegationId: EGY, focalPointId: "" }), { schema: FocalPointSchema });
    expect(none.status === "success" && none.value.focalPointId).toBeNull();
    const named = parseWithZod(form({ intent: "focal-point", delegationId: EGY, focalPointId: FOCAL.id }), { schema: FocalPointSchema });
    expect(named.status === "success" && named.value.focalPointId).toBe(FOCAL.id);
    const limit = (value: string) => parseWithZod(form({ intent: "delegate-limit", delegationId: EGY, delegateLimit: value }), { schema: DelegateLimitSchema });
    for (const [value, expected] of [
      ["", null],
      [" 12 ", 12],
      ["1", 1],
      [String(MAX_DELEGATE_LIMIT), MAX_DELEGATE_LIMIT],
    ] as const) {
      const parsed = limit(value);
      expect(parsed.status === "success" && parsed.value.delegateLimit, value).toBe(expected);
    }
    for (const value of ["0", "-3", "2.5", String(MAX_DELEGATE_LIMIT + 1), "ten"]) {
      expect(errorsOf(limit(value).reply()), value).toEqual(["registrations:focalPoint.errors.limitInvalid"]);
    }
  });
});

describe("what a refusal says", () => {
  it("every message exists in the six languages", () => {
    const keys = [...Object.values(MISSION_REFUSALS), ...Object.values(FOCAL_POINT_REFUSALS)].map((r) => r.message);
    for (const language of LANGUAGE_CODES) {
      const { t } = createI18n(language);
      for (const key of keys) {
        const text = String(t(key as never, { limit: 4 } as never));
        expect(text, `${language} ${key}`).not.toBe(key.split(":")[1]);
        expect(text, `${language} ${key}`).not.toMatch(/{{|registrations:/);
      }
      // The limit is named in the sentence.
      expect(t("registrations:mission.errors.limit" as never, { limit: 4 } as never), language).toContain("4");
    }
  });
});

describe("the secretariat's list of changes", () => {
  it("groups the audit entries by mission, newest first, and leaves out those that name none", () => {
    const change = (id: number, code: string | null) => ({
      id,
      at: "2025-06-02T10:00:00Z",
      action: "mission.invite" as const,
      actorName: "A",
      email: "x@y.z",
      code,
    });
    const grouped = changesByMission([change(1, "EGY"), change(3, "EGY"), change(2, "PER"), change(4, null)]);
    expect([...grouped.keys()].sort()).toEqual(["EGY", "PER"]);
    expect(grouped.get("EGY")!.map((c) => c.id)).toEqual([3, 1]);
    expect(grouped.get("EGY")![0]).not.toHaveProperty("code");
  });
});

describe("the invitation email of a focal point", () => {
  const input = {
    inviteeName: "Ana Torres",
    inviterName: "Amina Haddad",
    delegationName: "X",
    consultationTitle: "Discussion points on technical assistance",
    meeting: { body: "Working Group on Technical Assistance", venue: "Vienna", startDate: "2025-06-02", endDate: "2025-06-03", timeZone: "Europe/Vienna" },
    link: `https://nonpaper.example.org/invitations/${"T".repeat(43)}?lng=fr`,
    expiresAt: new Date("2025-06-16T14:00:00Z"),
  };

  it("says in each language that the delegation's focal point invites, not the secretariat", () => {
    for (const language of LANGUAGE_CODES) {
      const byFocalPoint = invitationEmail({ ...input, language, inviterRole: "focalPoint" });
      const bySecretariat = invitationEmail({ ...input, language });
      expect(byFocalPoint.body, language).not.toBe(bySecretariat.body);
      for (const part of ["Amina Haddad", input.consultationTitle, input.link]) expect(byFocalPoint.body, `${language}: ${part}`).toContain(part);
      expect(byFocalPoint.body, language).not.toMatch(/{{|registrations:/);
      expect(byFocalPoint.subject).toBe(bySecretariat.subject);
    }
    expect(invitationEmail({ ...input, language: "en", inviterRole: "focalPoint" }).body).toContain(
      "Amina Haddad, your delegation's focal point for this consultation, invites you",
    );
  });
});
