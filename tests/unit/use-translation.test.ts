// The server's translation hook (app/i18n/use-translation.ts): the same words as i18next gives, in
// each instance's own language, one translation function per instance and namespace however many
// components ask, and a label remembered with its options never said in place of another.
import { createElement, Fragment, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n, serverI18n } from "~/i18n/i18next";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { useTranslation } from "~/i18n/use-translation";

const seen: unknown[] = [];

function Label({ count }: { count?: number }): ReactElement {
  const { t } = useTranslation(["submissions", "consultations"]);
  seen.push(t);
  return createElement(
    "p",
    null,
    `${t("consultations:generalSection")}|${t("consultations:agendaItem", { number: String(count ?? 1) })}|${t("consultations:redline.pendingTitle")}`,
  );
}

describe("useTranslation on the server", () => {
  it("says what i18next says, in every language, for labels with and without options", () => {
    for (const language of LANGUAGE_CODES) {
      const i18n = createI18n(language);
      const html = renderToString(createElement(I18nextProvider, { i18n }, createElement(Label, { count: 2 })));
      const t = i18n.getFixedT(language, "consultations");
      expect(html).toBe(
        `<p>${[t("generalSection"), t("agendaItem", { number: "2" }), t("redline.pendingTitle")].join("|").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;")}</p>`,
      );
    }
  });

  it("makes one translation function per instance and namespaces, however many components ask", () => {
    seen.length = 0;
    const i18n = serverI18n("fr");
    renderToString(
      createElement(I18nextProvider, { i18n }, createElement(Fragment, null, ...[1, 2, 3].map((n) => createElement(Label, { key: n, count: n })))),
    );
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(1);
    // Remembered with their options: each item keeps its own number, the second time too.
    const html = renderToString(
      createElement(I18nextProvider, { i18n }, createElement(Fragment, null, ...[7, 8].map((n) => createElement(Label, { key: n, count: n })))),
    );
    const t = i18n.getFixedT("fr", "consultations");
    const twice = renderToString(
      createElement(I18nextProvider, { i18n }, createElement(Fragment, null, ...[8, 7].map((n) => createElement(Label, { key: n, count: n })))),
    );
    const text = html.replace(/&#x27;/g, "'");
    expect(twice.indexOf("8")).toBeLessThan(twice.indexOf("7"));
    expect(text).toContain(t("agendaItem", { number: "7" }));
    expect(text).toContain(t("agendaItem", { number: "8" }));
  });

  it("keeps one shared instance per language on the server, each in its own language", () => {
    expect(serverI18n("ar")).toBe(serverI18n("ar"));
    expect(serverI18n("ar").language).toBe("ar");
    expect(serverI18n("zh").language).toBe("zh");
  });
});
