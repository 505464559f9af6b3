// /locales/:language: the browser's only source of interface strings (app/i18n/client.ts).
import { describe, expect, it } from "vitest";
import { localeHref } from "~/i18n/instance";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { resources } from "~/i18n/resources";
import { loader } from "~/routes/locales.$language";

const get = (path: string, language: string) =>
  loader({ request: new Request(`http://localhost${path}`), params: { language }, context: { clientAddress: "127.0.0.1" } }) as Response;

describe("the locale route", () => {
  it("answers each language's strings, whole, cached for good under the current version", async () => {
    for (const language of LANGUAGE_CODES) {
      const response = get(localeHref(language), language);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(resources[language])));
    }
  });

  it("is versioned by the content of locales/, and another version is not cached", async () => {
    expect(localeHref("ar")).toMatch(/^\/locales\/ar\?v=[0-9a-f]{12}$/);
    for (const path of ["/locales/ar?v=old", "/locales/ar"]) {
      const response = get(path, "ar");
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("no-cache");
    }
  });

  it("answers 404 for anything that is not one of the six languages", () => {
    for (const language of ["de", "EN", "../en", "", "en?"]) {
      let thrown: unknown = null;
      try {
        get(`/locales/${language}`, language);
      } catch (error) {
        thrown = error;
      }
      // The app's 404 (the same answer as every unknown page), no text of its own.
      expect((thrown as { init?: { status?: number } } | null)?.init?.status, language).toBe(404);
    }
  });
});
