// The notice under a comment field with refused invisible characters, as the server renders it.
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { InvisibleCharacters } from "~/components/submission/invisible-characters";
import { createI18n } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";

const render = (element: ReactElement, language: Language = "en") => renderToString(createElement(I18nextProvider, { i18n: createI18n(language) }, element));
const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("InvisibleCharacters", () => {
  it("says which characters, where, with the text around them, and offers to remove them", () => {
    const html = render(createElement(InvisibleCharacters, { value: "Text\u202Ereversed\u2066x", onRemove: () => {} }));
    expect(text(html)).toContain("This text contains 2 invisible characters that cannot be saved.");
    expect(text(html)).toContain("U+202E, direction override, at character 5");
    expect(text(html)).toContain("…TextU+202Ereversedx…");
    expect(html).toContain("Remove invisible characters");
    // The characters themselves are not drawn: they would reorder the notice.
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it("shows nothing for clean text, Persian joiners and marks included, or read-only fields", () => {
    expect(text(render(createElement(InvisibleCharacters, { value: "می\u200Cخواهم \u200F", onRemove: () => {} })))).toBe("");
    expect(render(createElement(InvisibleCharacters, { value: "a\u202Eb", onRemove: () => {}, readOnly: true }))).toBe("");
  });

  it("speaks Arabic with its plural forms", () => {
    const html = render(createElement(InvisibleCharacters, { value: "نص\u202Eمعكوس", onRemove: () => {} }), "ar");
    expect(text(html)).toContain("يتضمن هذا النص حرفاً واحداً غير مرئي يمنع حفظه.");
    expect(text(html)).toContain("حذف الأحرف غير المرئية");
  });
});
