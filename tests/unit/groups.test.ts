// The pure rules of groups of States (app/lib/groups.ts): names in a sentence, with the French and
// Spanish articles; members read from a pasted list of names or codes; codes and dates.
import { describe, expect, it } from "vitest";
import delegationData from "../../db/seed-data/delegations.json";
import groupData from "../../db/seed-data/groups.json";
import { nameColumns } from "../../db/seed-data/names";
import { createI18n } from "~/i18n/i18next";
import { nameForm } from "~/i18n/name-forms";
import type { MatchableDelegation } from "~/lib/delegation-match";
import { canChangeConsultationGroups, concernsConsultation, groupCodeFrom, groupInSentence, groupName, isMembershipDate, matchMemberList } from "~/lib/groups";

const FSI = "\u2068";
const PDI = "\u2069";

/** A group as the queries select it, from the seed data. */
function group(code: string) {
  return nameColumns(groupData.groups.find((row) => row.code === code)!);
}

const DELEGATIONS: MatchableDelegation[] = delegationData.map((d) => ({
  id: `id-${d.code}`,
  code: d.code,
  names: d.names,
  formalNames: { en: d.formalNames.en },
}));

describe("a group's name", () => {
  it("in the reader's language, English where a consultation's group was named in English only", () => {
    expect(groupName(group("AFRICAN"), "fr")).toBe("Groupe des États d'Afrique");
    expect(groupName(group("AFRICAN"), "zh")).toBe("非洲国家组");
    const adHoc = { ...group("AFRICAN"), nameEn: "Friends of the Chair", nameFr: "", nameEs: " ", nameRu: "", nameZh: "", nameAr: "" };
    expect(groupName(adHoc, "fr")).toBe("Friends of the Chair");
    expect(groupName(adHoc, "es")).toBe("Friends of the Chair");
  });

  it("in a sentence, with its article and contraction in French and Spanish", () => {
    const of = (code: string, language: "fr" | "es") => {
      const name = groupInSentence(group(code), language);
      return nameForm("of", language, name.name, name.article);
    };
    expect(of("AFRICAN", "fr")).toBe("du Groupe des États d'Afrique");
    expect(of("EU", "fr")).toBe("de l’Union européenne et ses États membres");
    expect(of("AFRICAN", "es")).toBe("del Grupo de los Estados de África");
    expect(of("EU", "es")).toBe("de la Unión Europea y sus Estados miembros");
    expect(String(groupInSentence(group("WEOG"), "ar", { isolate: true }))).toBe(`${FSI}مجموعة دول أوروبا الغربية ودول أخرى${PDI}`);
    // A name shown in English for want of a French one takes no French article.
    const adHoc = { ...group("AFRICAN"), nameEn: "Friends of the Chair", nameFr: "" };
    expect(groupInSentence(adHoc, "fr")).toMatchObject({ name: "Friends of the Chair", article: null });
  });

  it("through i18next, as a delegation's name is ({{delegation, of}})", () => {
    const t = createI18n("fr").getFixedT("fr") as unknown as (key: string, options: Record<string, unknown>) => string;
    expect(t("submissions:editor.title", { delegation: groupInSentence(group("AFRICAN"), "fr") })).toBe("Observations du Groupe des États d'Afrique");
  });
});

describe("members from a pasted list", () => {
  it("reads names in any language and codes in capitals, each once, in order", () => {
    const { ids, problems, methods } = matchMemberList("Egypt, Maroc y\nTUN PER\n埃及", DELEGATIONS);
    expect(problems).toEqual([]);
    expect(ids).toEqual(["id-EGY", "id-MAR", "id-TUN", "id-PER"]);
    expect(methods["id-TUN"]).toBe("code");
    expect(methods["id-EGY"]).toBe("name");
  });

  it("never takes a guess or an ambiguous name silently", () => {
    const { ids, problems } = matchMemberList("Peru\nKorea\nMarocco\nAtlantis", DELEGATIONS);
    expect(ids).toEqual(["id-PER"]);
    expect(problems.map((p) => [p.input, p.kind])).toEqual([
      ["Korea", "choose"],
      ["Marocco", "confirm"],
      ["Atlantis", "unmatched"],
    ]);
    expect(problems[0]!.candidateIds).toEqual(expect.arrayContaining(["id-KOR", "id-PRK"]));
    expect(problems[1]!.candidateIds[0]).toBe("id-MAR");
  });

  it("reads the whole membership of a regional group given as codes", () => {
    const codes = groupData.groups.find((g) => g.code === "AFRICAN")!.members;
    expect(matchMemberList(codes.join(" "), DELEGATIONS).ids).toHaveLength(54);
    expect(matchMemberList(codes.join(", "), DELEGATIONS).ids).toHaveLength(54);
  });
});

describe("the rules", () => {
  it("codes from the English name, numbered when taken", () => {
    expect(groupCodeFrom("Friends of the Chair", new Set())).toBe("FOTC");
    expect(groupCodeFrom("Group of 77 and China", new Set())).toBe("GO77AC");
    expect(groupCodeFrom("JUSCANZ", new Set())).toBe("JUSCANZ");
    expect(groupCodeFrom("Friends of the Chair", new Set(["FOTC", "FOTC-2"]))).toBe("FOTC-3");
    expect(groupCodeFrom("—", new Set())).toBe("GROUP");
  });

  it("dates of membership are calendar dates", () => {
    expect(isMembershipDate("2025-01-01")).toBe(true);
    expect(isMembershipDate("2025-02-30")).toBe(false);
    expect(isMembershipDate("25-01-01")).toBe(false);
    expect(isMembershipDate("1900-01-01")).toBe(false);
  });

  it("a consultation's groups change while it is a draft or open; standing groups concern it through a registered member", () => {
    expect(["draft", "open", "closed", "compiled"].map((s) => canChangeConsultationGroups(s as never))).toEqual([true, true, false, false]);
    expect(concernsConsultation({ consultationId: null, registeredCount: 0 }, "c")).toBe(false);
    expect(concernsConsultation({ consultationId: null, registeredCount: 2 }, "c")).toBe(true);
    expect(concernsConsultation({ consultationId: "c", registeredCount: 0 }, "c")).toBe(true);
    expect(concernsConsultation({ consultationId: "d", registeredCount: 3 }, "c")).toBe(false);
  });
});
