// The translation desk's paging and list logic (app/lib/desk-paging.ts, app/lib/translation-desk.ts).
import { describe, expect, it } from "vitest";
import { clampPage, deskHref, pageCount, pageNumbers, parsePage, shownRange, DESK_PAGE_SIZE } from "~/lib/desk-paging";
import { deskLanguage, deskNeighbours, excerptOf, summarizeDesk, type DeskIndexRow } from "~/lib/translation-desk";

describe("desk pages", () => {
  it("reads a page number, and anything else as page 1", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage(null)).toBe(1);
    for (const bad of ["", "0", "-2", "1.5", "abc", "1e3", " 2", "9999999"]) expect(parsePage(bad), bad).toBe(1);
  });

  it("counts pages, at least one, and shows the last for a page past it", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(DESK_PAGE_SIZE)).toBe(1);
    expect(pageCount(DESK_PAGE_SIZE + 1)).toBe(2);
    expect(pageCount(12_000)).toBe(120);
    expect(clampPage(7, 3)).toBe(3);
    expect(clampPage(0, 3)).toBe(1);
    expect(clampPage(2, 3)).toBe(2);
  });

  it("keeps the filters in every address and leaves page 1 out", () => {
    expect(deskHref({})).toBe("?");
    expect(deskHref({ status: "todo", language: "ar", delegation: "MAR", page: 3 })).toBe("?status=todo&language=ar&delegation=MAR&page=3");
    expect(deskHref({ status: "final", page: 1 })).toBe("?status=final");
  });

  it("offers the first, the last and the pages around the current one", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageNumbers(6, 120)).toEqual([1, null, 4, 5, 6, 7, 8, null, 120]);
    // One left-out number is shown rather than an ellipsis.
    expect(pageNumbers(4, 120)).toEqual([1, 2, 3, 4, 5, 6, null, 120]);
    expect(pageNumbers(120, 120)).toEqual([1, null, 118, 119, 120]);
  });

  it("says which rows a page shows", () => {
    expect(shownRange(1, 100)).toEqual({ from: 1, to: 100 });
    expect(shownRange(3, 17)).toEqual({ from: 201, to: 217 });
    expect(shownRange(1, 0)).toEqual({ from: 0, to: 0 });
  });
});

describe("the desk's list", () => {
  const statuses = ["todo", "draft", "final", "outdated"] as const;
  const languages = ["ar", "zh", "fr", "ru", "es"] as const;
  const index: DeskIndexRow[] = Array.from({ length: 1_234 }, (_, i) => ({
    commentId: `c${String(i).padStart(5, "0")}`,
    delegationCode: `D${i % 37}`,
    language: languages[i % 5]!,
    status: statuses[i % 7 === 0 ? 3 : i % 4 === 0 ? 0 : i % 3 === 0 ? 1 : 2]!,
    bodyNeeded: true,
  }));

  it("pages through every row exactly once, in order, whatever the filters", () => {
    for (const filters of [{}, { status: "todo" as const }, { language: "ar" as const }, { delegation: "D3", status: "final" as const }]) {
      const first = summarizeDesk(index, filters, 1, 100);
      const seen: string[] = [];
      for (let page = 1; page <= first.pages; page++) seen.push(...summarizeDesk(index, filters, page, 100).pageIds);
      const expected = index
        .filter((r) => (!("status" in filters) || r.status === filters.status) && (!("language" in filters) || r.language === filters.language))
        .filter((r) => !("delegation" in filters) || r.delegationCode === filters.delegation)
        .map((r) => r.commentId);
      expect(seen, JSON.stringify(filters)).toEqual(expected);
      expect(first.matching).toBe(expected.length);
      expect(first.pages).toBe(Math.max(1, Math.ceil(expected.length / 100)));
    }
  });

  it("counts by status under the language and delegation filters, not the status filter", () => {
    const all = summarizeDesk(index, {});
    const todo = summarizeDesk(index, { status: "todo" });
    expect(todo.counts).toEqual(all.counts);
    expect(Object.values(all.counts).reduce((a, b) => a + b, 0)).toBe(1_234);
    const arabic = summarizeDesk(index, { language: "ar", status: "draft" });
    expect(Object.values(arabic.counts).reduce((a, b) => a + b, 0)).toBe(index.filter((r) => r.language === "ar").length);
    expect(arabic.matching).toBe(index.filter((r) => r.language === "ar" && r.status === "draft").length);
    // Languages and delegations present come from the whole desk.
    expect(arabic.languages).toEqual(["ar", "es", "fr", "ru", "zh"]);
    expect(arabic.delegationCodes).toHaveLength(37);
    expect(arabic.total).toBe(1_234);
  });

  it("shows the last page for a page past it, and an empty desk as one empty page", () => {
    const last = summarizeDesk(index, {}, 999, 100);
    expect(last.page).toBe(13);
    expect(last.pageIds).toHaveLength(34);
    const none = summarizeDesk([], {}, 5);
    expect({ page: none.page, pages: none.pages, pageIds: none.pageIds, total: none.total }).toEqual({ page: 1, pages: 1, pageIds: [], total: 0 });
  });

  it("gives previous, next and the next comment not final, wrapping round", () => {
    const small: DeskIndexRow[] = ["final", "todo", "final", "final"].map((status, i) => ({
      commentId: `c${i}`,
      delegationCode: "PER",
      language: "es",
      status: status as DeskIndexRow["status"],
      bodyNeeded: true,
    }));
    expect(deskNeighbours(small, "c2")).toEqual({ previousId: "c1", nextId: "c3", nextToTranslateId: "c1" });
    expect(deskNeighbours(small, "c0")).toEqual({ previousId: null, nextId: "c1", nextToTranslateId: "c1" });
    expect(deskNeighbours(small, "gone")).toEqual({ previousId: null, nextId: null, nextToTranslateId: "c1" });
  });

  it("queues a comment under its text's language, else its wording's; English only: not on the desk", () => {
    expect(deskLanguage({ body: "ar", proposedText: "en" })).toBe("ar");
    expect(deskLanguage({ body: null, proposedText: "zh" })).toBe("zh");
    expect(deskLanguage({ body: "en", proposedText: "en" })).toBeNull();
    expect(deskLanguage({ body: null, proposedText: null })).toBeNull();
  });

  it("cuts excerpts at a space, on one line, never inside a surrogate pair", () => {
    expect(excerptOf("Un  texte\n\ncourt. ")).toBe("Un texte court.");
    const long = "mot ".repeat(100);
    expect(excerptOf(long)).toBe(`${"mot ".repeat(40).trim()}…`);
    const emoji = "𠀀".repeat(400);
    const cut = excerptOf(emoji);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});
