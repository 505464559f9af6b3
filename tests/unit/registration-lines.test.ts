// Pasted registration lists, one delegation per line (issue 11, item 14): a line that begins
// with an article ("the Netherlands") is its own delegation, not the end of the line before;
// names with a leading article or an "and" inside one official name still match.
import { describe, expect, it } from "vitest";
import delegationsJson from "../../db/seed-data/delegations.json";
import { delegationNameList, matchNameList, splitNameList, type MatchableDelegation } from "~/lib/delegation-match";
import { buildRegistrationReview } from "~/lib/registration-review";

const delegations: MatchableDelegation[] = (delegationsJson as Omit<MatchableDelegation, "id">[]).map((d) => ({ ...d, id: d.code }));
const known = delegationNameList(delegations);
const codes = (text: string) => matchNameList(text, delegations).map((r) => (r.status === "matched" ? r.delegation?.code : `${r.status}:${r.input}`));

describe("one delegation per line", () => {
  it("does not merge 'Czech Republic' and 'the Netherlands'", () => {
    expect(splitNameList("Czech Republic\nthe Netherlands", known)).toEqual(["Czech Republic", "Netherlands"]);
    expect(splitNameList("Czech Republic\nthe Netherlands")).toEqual(["Czech Republic", "Netherlands"]);
    expect(codes("Czech Republic\nthe Netherlands")).toEqual(["CZE", "NLD"]);
  });

  it("keeps every line its own delegation, articles and 'and' inside names included", () => {
    const text = [
      "Czech Republic",
      "the Netherlands",
      "Antigua and Barbuda",
      "the Gambia",
      "Bosnia and Herzegovina",
      "the Philippines",
      "Trinidad and Tobago",
      "the Sudan",
      "Saint Vincent and the Grenadines",
      "the United Republic of Tanzania",
      "Sao Tome and Principe",
      "The Bahamas",
      "United Kingdom of Great Britain and Northern Ireland",
    ].join("\n");
    expect(codes(text)).toEqual(["CZE", "NLD", "ATG", "GMB", "BIH", "PHL", "TTO", "SDN", "VCT", "TZA", "STP", "BHS", "GBR"]);
    // Without the list of known names, too (the built-in list of compound names).
    expect(splitNameList(text)).toHaveLength(13);
  });

  it("still joins a name the PDF wrapped across lines", () => {
    expect(splitNameList("Saint Vincent and\nthe Grenadines\nthe Netherlands", known)).toEqual(["Saint Vincent and the Grenadines", "Netherlands"]);
    expect(splitNameList("Czech Republic\nnetherlands", known)).toEqual(["Czech Republic", "netherlands"]);
    expect(splitNameList("Democratic Republic of the\nCongo; Chile", known)).toEqual(["Democratic Republic of the Congo", "Chile"]);
    expect(splitNameList("Bolivia (Plurinational\nState of)\nthe Niger", known)).toEqual(["Bolivia (Plurinational State of)", "Niger"]);
  });

  it("offers each line as its own row in the review, pre-ticked", () => {
    const rows = buildRegistrationReview(matchNameList("Czech Republic\nthe Netherlands", delegations), new Set());
    expect(rows.map((r) => [r.input, r.kind, r.delegationId])).toEqual([
      ["Czech Republic", "found", "CZE"],
      ["Netherlands", "found", "NLD"],
    ]);
  });
});
