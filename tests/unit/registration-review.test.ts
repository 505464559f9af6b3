import { describe, expect, it } from "vitest";
import delegationsJson from "../../db/seed-data/delegations.json";
import { matchDelegations, type MatchableDelegation } from "~/lib/delegation-match";
import { buildRegistrationReview, canChangeRegistrations, delegationMatchesFilter, reviewSummary, toMatchable } from "~/lib/registration-review";
import { RegisterSchema } from "~/lib/registration-forms";
import { parseWithZod } from "@conform-to/zod";

const delegations: MatchableDelegation[] = (delegationsJson as Omit<MatchableDelegation, "id">[]).map((d) => ({ ...d, id: d.code }));
const byCode = (code: string) => delegations.find((d) => d.code === code)!;

describe("registrations may change while draft or open", () => {
  it("not once closed or compiled", () => {
    expect(["draft", "open", "closed", "compiled"].map((s) => canChangeRegistrations(s as never))).toEqual([true, true, false, false]);
  });
});

describe("review of pasted names", () => {
  const review = (names: string[], registered: string[] = []) => buildRegistrationReview(matchDelegations(names, delegations), new Set(registered));

  it("ticks sure matches, asks to confirm guesses, to choose when several fit, and offers the nearest when none does", () => {
    const rows = review(["Peru", "Turkey", "Bolivia", "Argentinia", "Korea", "Atlantis"]);
    expect(rows.map((r) => [r.input, r.kind, r.method, r.delegationId, r.preselected])).toEqual([
      ["Peru", "found", "name", "PER", true],
      ["Turkey", "found", "alias", "TUR", true],
      ["Bolivia", "found", "alias", "BOL", true],
      ["Argentinia", "confirm", "fuzzy", "ARG", false],
      ["Korea", "choose", "alias", null, false],
      ["Atlantis", "unmatched", null, null, false],
    ]);
    expect(rows[4]!.candidateIds.sort()).toEqual(["KOR", "PRK"]);
    expect(rows[5]!.candidateIds.length).toBeGreaterThan(0);
  });

  it("marks what is already registered and what is repeated, and never offers a registered candidate", () => {
    const rows = review(["Peru", "Pérou", "Chile", "Korea"], ["CHL", "KOR"]);
    expect(rows.map((r) => r.kind)).toEqual(["found", "duplicate", "registered", "choose"]);
    expect(rows.filter((r) => r.preselected)).toHaveLength(1);
    expect(rows[3]!.candidateIds).toEqual(["PRK"]);
  });

  it("says an ambiguous name is registered when every candidate already is", () => {
    const [korea] = review(["Korea"], ["KOR", "PRK"]);
    expect(korea).toMatchObject({ kind: "registered", delegationId: null, candidateIds: [], preselected: false });
  });

  it("counts each kind", () => {
    const rows = review(["Peru", "Peru", "Argentinia", "Korea", "Atlantis"], ["CHL"]);
    expect(reviewSummary(rows)).toEqual({ found: 1, confirm: 1, choose: 1, unmatched: 1, registered: 0, duplicate: 1 });
  });
});

describe("filter of the delegation list", () => {
  it("finds a delegation by part of any of its six names, ignoring case and accents, or by code", () => {
    const civ = byCode("CIV");
    for (const filter of ["cote", "Côte d'Iv", "IVOIRE", "Кот-д", "科特", "CIV", "civ", ""]) {
      expect(delegationMatchesFilter(civ, filter), filter).toBe(true);
    }
    expect(delegationMatchesFilter(civ, "peru")).toBe(false);
    expect(delegationMatchesFilter(byCode("PER"), "Perú")).toBe(true);
    expect(delegationMatchesFilter(byCode("MAR"), "المغرب")).toBe(true);
  });

  it("builds the matcher's shape from a database row", () => {
    const row = {
      id: "x",
      code: "PER",
      nameAr: "بيرو",
      nameZh: "秘鲁",
      nameEn: "Peru",
      nameFr: "Pérou",
      nameRu: "Перу",
      nameEs: "Perú",
      formalNameEn: "the Republic of Peru",
    };
    expect(toMatchable(row)).toEqual({
      id: "x",
      code: "PER",
      names: { ar: "بيرو", zh: "秘鲁", en: "Peru", fr: "Pérou", ru: "Перу", es: "Perú" },
      formalNames: { en: "the Republic of Peru" },
    });
  });
});

describe("the register form's schema", () => {
  const parse = (entries: [string, string][]) => {
    const formData = new FormData();
    for (const [k, v] of entries) formData.append(k, v);
    const submission = parseWithZod(formData, { schema: RegisterSchema });
    return submission.status === "success"
      ? { status: submission.status, value: submission.value, error: undefined }
      : { status: submission.status, value: undefined, error: submission.error };
  };
  const id = "00000000-0000-4000-8000-000000000001";

  it("drops unticked and 'none of these' values and defaults to State party", () => {
    const result = parse([
      ["intent", "register"],
      ["delegationId", ""],
      ["delegationId", id],
    ]);
    expect(result.status).toBe("success");
    expect(result.value).toMatchObject({ delegationId: [id], participation: "state_party" });
  });

  it("asks for at least one delegation, and refuses forged ids and participations", () => {
    expect(parse([["intent", "register"]]).error).toEqual({ delegationId: ["registrations:errors.chooseDelegation"] });
    expect(
      parse([
        ["intent", "register"],
        ["delegationId", "PER"],
      ]).error,
    ).toEqual({ delegationId: ["registrations:errors.unknownDelegation"] });
    expect(
      parse([
        ["intent", "register"],
        ["delegationId", id],
        ["participation", "member"],
      ]).error,
    ).toEqual({
      participation: ["registrations:errors.participationInvalid"],
    });
  });
});
