// The delegate's building blocks rendered as the server renders them (no browser needed):
// what is in the HTML before any script runs, in English and Arabic.
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { AmendmentEditor } from "~/components/submission/amendment-editor";
import { AutosaveStatusLine } from "~/components/submission/autosave-status";
import { Countdown } from "~/components/ui/countdown";
import { LanguageTextarea, SubmissionLanguageSelect } from "~/components/submission/language-textarea";
import { ScriptHint } from "~/components/submission/script-hint";
import type { AutosaveStatus } from "~/components/submission/use-autosave";
import { createI18n } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";

const render = (element: ReactElement, language: Language = "en") => renderToString(createElement(I18nextProvider, { i18n: createI18n(language) }, element));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

const POINT = "States parties should develop and implement a national strategy for technical assistance, in consultation with relevant stakeholders.";

describe("Countdown", () => {
  const deadline = "2020-08-14T16:00:00Z";
  it("renders the time left at the server's time, so hydration says the same", () => {
    const html = render(createElement(Countdown, { deadline, now: "2020-08-11T12:00:00Z" }));
    expect(text(html)).toBe("Time left: 3 days 4 hours");
    // The live region is there from the start, and empty: nothing is announced on load.
    expect(html).toMatch(/<span class="visually-hidden" role="status"><\/span>/);
    expect(text(render(createElement(Countdown, { deadline, now: "2020-08-11T12:00:00Z" }), "ar"))).toBe("الوقت المتبقي: 3 أيام و4 ساعات");
  });

  it("says the deadline passed, without the label", () => {
    expect(text(render(createElement(Countdown, { deadline, now: "2020-08-14T16:00:00Z" })))).toBe("Deadline passed");
    expect(render(createElement(Countdown, { deadline, now: "2020-08-14T15:30:00Z" }))).toContain("countdown--lastHour");
  });
});

describe("AmendmentEditor", () => {
  it("starts from the circulated text, with no change", () => {
    const html = render(createElement(AmendmentEditor, { pointLabel: "(a)", circulatedText: POINT, name: "amendment.a" }));
    expect(html).toContain('name="amendment.a"');
    expect(html).toMatch(/<textarea[^>]*lang="en"[^>]*dir="ltr"/);
    expect(text(html)).toContain("Proposed wording of point (a)");
    expect(text(html)).toContain("No change from the circulated text.");
    expect(html).not.toMatch(/<ins|<del/);
    // Nothing to reset yet.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Reset to the circulated text<\/button>/);
  });

  it("shows the redline and its summary for an edited copy, in any interface language", () => {
    const edited = POINT.replace("develop and implement", "adopt and regularly update").replace(", in consultation", " in consultation");
    const html = render(createElement(AmendmentEditor, { pointLabel: "(a)", circulatedText: POINT, defaultValue: edited }), "ar");
    expect(html).toMatch(/<del>.*develop.*<\/del>/);
    expect(html).toMatch(/<ins>.*adopt.*regularly.*update.*<\/ins>/);
    // The interface is Arabic; the wording stays English, left to right.
    expect(html).toMatch(/<div class="redline-box" dir="ltr"><p class="redline" lang="en"/);
    expect(text(html)).toContain("أُدرجت 3 كلمات، حُذفت كلمتان");
  });

  it("counts only words: a changed comma is a minor change", () => {
    const html = render(createElement(AmendmentEditor, { pointLabel: "(a)", circulatedText: POINT, value: POINT.replace(",", ";") }));
    expect(text(html)).toContain("Only punctuation or spacing changed.");
  });

  it("shows no reset button when read-only", () => {
    const html = render(createElement(AmendmentEditor, { pointLabel: "(a)", circulatedText: POINT, readOnly: true }));
    expect(html).toMatch(/<textarea[^>]*readonly=""/);
    expect(text(html)).not.toContain("Reset to the circulated text");
  });
});

describe("ScriptHint", () => {
  const russian = "Российская Федерация поддерживает данную рекомендацию и предлагает дополнить пункт (а).";
  it("points out Russian typed under French, in the interface language", () => {
    const html = render(createElement(ScriptHint, { language: "fr", text: russian, onChangeLanguage: () => {} }));
    expect(text(html)).toContain("This text looks like Russian, but the submission language is French.");
    expect(text(html)).toContain("Change the submission language to Russian");
    expect(text(html)).toContain("Keep French");
    expect(html).toContain('aria-live="polite"');
    const ar = text(render(createElement(ScriptHint, { language: "fr", text: russian, onChangeLanguage: () => {} }), "ar"));
    expect(ar).toContain("يبدو أن هذا النص مكتوب باللغة الروسية، ولكن لغة المساهمة المختارة هي الفرنسية.");
  });

  it("is an empty polite region when the text fits", () => {
    expect(render(createElement(ScriptHint, { language: "ru", text: russian }))).toBe('<div class="script-hint" aria-live="polite"></div>');
  });
});

describe("LanguageTextarea and SubmissionLanguageSelect", () => {
  it("lays Arabic out right to left and the others left to right", () => {
    expect(render(createElement(LanguageTextarea, { language: "ar", name: "c" }))).toMatch(/lang="ar" dir="rtl"/);
    expect(render(createElement(LanguageTextarea, { language: "zh", name: "c" }))).toMatch(/lang="zh" dir="ltr"/);
  });

  it("lists the six languages by their own names and the interface's", () => {
    const html = render(createElement(SubmissionLanguageSelect, { name: "language", defaultValue: "es" }), "fr");
    expect(text(html)).toContain("Español — espagnol");
    expect(text(html)).toContain("Français");
    expect(text(html)).not.toContain("Français — ");
    expect(html.match(/<option/g)).toHaveLength(6);
  });
});

describe("AutosaveStatusLine", () => {
  const base: AutosaveStatus = {
    state: "saved",
    savedAt: null,
    retryAt: null,
    httpStatus: null,
    keptLocally: false,
    storageFailed: false,
    restoredFrom: null,
    recovered: false,
  };

  it("says when everything was saved, in the reader's zone", () => {
    const html = render(createElement(AutosaveStatusLine, { status: { ...base, savedAt: new Date().toISOString() }, timeZone: "UTC" }));
    expect(text(html)).toMatch(/^All changes saved at \d\d:\d\d$/);
  });

  it("keeps the text and asks to sign in again in a new tab when the session expired", () => {
    const html = render(createElement(AutosaveStatusLine, { status: { ...base, state: "signedOut", keptLocally: true }, timeZone: "UTC" }));
    expect(text(html)).toContain("Your session has expired: your text is kept in this browser.");
    expect(html).toMatch(/<a href="\/login" target="_blank" rel="noopener noreferrer">Sign in again \(opens in a new tab\)<\/a>/);
  });

  it("warns when the browser could not keep a copy either", () => {
    const html = render(createElement(AutosaveStatusLine, { status: { ...base, state: "retrying", storageFailed: true }, timeZone: "UTC", onRetry: () => {} }));
    expect(text(html)).toContain("Not saved: connection lost — retrying");
    expect(text(html)).toContain("Try again now");
    expect(text(html)).toContain("copy your text somewhere safe");
  });
});
