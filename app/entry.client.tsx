import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createBrowserI18n } from "./i18n/client";
import { DEFAULT_LANGUAGE, isLanguage } from "./i18n/languages";

// The server rendered <html lang>; hydrate in the same language, once its strings have arrived
// (the page's <head> preloads them, so this is rarely a wait).
const lang = document.documentElement.lang;
void createBrowserI18n(isLanguage(lang) ? lang : DEFAULT_LANGUAGE).then((i18n) =>
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  }),
);
