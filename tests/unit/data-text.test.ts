// Data inside translated text, isolated for direction (issue 11, item 11).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataText, isolate, splitData, withData, withoutIsolates } from "~/components/ui/data-text";
import { createI18n } from "~/i18n/i18next";

const html = (node: ReturnType<typeof withData>) => renderToStaticMarkup(createElement("p", null, node));

describe("isolate() and withData()", () => {
  it("marks a value with the Unicode isolates", () => {
    expect(isolate("CTOC/COP/WG.2/2020/3")).toBe("\u2068CTOC/COP/WG.2/2020/3\u2069");
    expect(isolate(3)).toBe("\u20683\u2069");
    expect(isolate(null)).toBe("\u2068\u2069");
  });

  it("splits a sentence into text and data, nested marks nested", () => {
    expect(splitData(`Point ${isolate("(a)")}.`)).toEqual(["Point ", { data: ["(a)"] }, "."]);
    expect(splitData(`${isolate(`x ${isolate("y")}`)} z`)).toEqual([{ data: ["x ", { data: ["y"] }] }, " z"]);
    expect(splitData("no data")).toEqual(["no data"]);
    // A stray isolate (in a delegation's own text) is left as it is.
    expect(splitData("a \u2068 b")).toEqual(["a \u2068 b"]);
    expect(splitData("a \u2069 b")).toEqual(["a \u2069 b"]);
  });

  it("renders each value in a <bdi>, with no isolate characters left", () => {
    expect(html(withData(`النقطة ${isolate("(a)")}`))).toBe("<p>النقطة <bdi>(a)</bdi></p>");
    expect(html(withData("plain"))).toBe("<p>plain</p>");
    expect(html(withData(`${isolate("A & B")}, ${isolate("<C>")}`))).toBe("<p><bdi>A &amp; B</bdi>, <bdi>&lt;C&gt;</bdi></p>");
    expect(renderToStaticMarkup(createElement(DataText, { text: `x ${isolate("y")}` }))).toBe("x <bdi>y</bdi>");
  });

  it("gives the words alone for an accessible name", () => {
    expect(withoutIsolates(`Agenda item ${isolate("2")}, point ${isolate("(c)")}`)).toBe("Agenda item 2, point (c)");
  });

  it("works through i18next interpolation in Arabic and English, plurals included", () => {
    const ar = createI18n("ar");
    const sentence = ar.t("consolidation:sideBySide.point", { label: isolate("(c)") });
    expect(sentence).toContain("\u2068(c)\u2069");
    const markup = html(withData(sentence));
    expect(markup).toContain("<bdi>(c)</bdi>");
    expect(markup).not.toMatch(/[\u2068\u2069]/);
    const en = createI18n("en");
    expect(html(withData(en.t("registrations:invite.title", { delegation: isolate("Peru") })))).toBe("<p>Invite a delegate of <bdi>Peru</bdi></p>");
  });
});
