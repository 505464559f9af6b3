import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { AppHeader } from "~/components/ui/app-header";
import { DocumentTitle } from "./components/ui/document-title";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { switchLanguage } from "./i18n/client";
import { localeHref } from "./i18n/instance";
import { DEFAULT_LANGUAGE, directionOf, isLanguage } from "./i18n/languages";
import { getOptionalUser } from "./utils/auth.server";
import { useNonce } from "./utils/nonce";
import { resolveLanguage } from "./utils/i18n.server";
import { noticeCleared } from "./utils/notice.server";
import tokensStylesheet from "./styles/tokens.css?url";
import uiStylesheet from "./styles/ui.css?url";
import baseStylesheet from "./styles/base.css?url";

// The tokens (colours, spacing, type), then the shared parts (app/components/ui/), then what every
// page needs (base.css); each route adds its feature's sheet after them (README, "Decisions").
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tokensStylesheet },
  { rel: "stylesheet", href: uiStylesheet },
  { rel: "stylesheet", href: baseStylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

async function rootData(request: Request) {
  const user = await getOptionalUser(request);
  const language = await resolveLanguage(request, user?.language);
  return {
    language,
    dir: directionOf(language),
    user: user && { id: user.id, name: user.name, role: user.role, email: user.email },
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  // It runs in the same request as the page a notice is for (a redirect that sets a cookie makes
  // Remix reload every loader): it clears the one-time notice that page has just read.
  const [payload, cleared] = await Promise.all([rootData(request), noticeCleared(request)]);
  return data(payload, cleared ? { headers: { "Set-Cookie": cleared } } : undefined);
}

export type RootData = Awaited<ReturnType<typeof rootData>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  // Without the root loader's data (an error page, e.g. the database unavailable), the language
  // app/entry.server.tsx resolved for this request, so that <html lang dir> matches the text and
  // app/entry.client.tsx hydrates in it.
  const { i18n } = useTranslation();
  const language = data?.language ?? (isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE);
  // Inline scripts run only with this response's CSP nonce (app/utils/security.server.ts).
  const nonce = useNonce();
  return (
    <html lang={language} dir={data?.dir ?? directionOf(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <DocumentTitle />
        {/* The reader's strings, which app/entry.client.tsx fetches before hydrating. */}
        <link rel="preload" href={localeHref(language)} as="fetch" crossOrigin="anonymous" />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function useSyncLanguage() {
  const data = useRootData();
  const { i18n } = useTranslation();
  // After the switcher posts, the root loader returns the new language: follow it in the browser.
  useEffect(() => {
    if (data?.language && i18n.language !== data.language) void switchLanguage(i18n, data.language);
  }, [data?.language, i18n]);
}

export default function App() {
  useSyncLanguage();
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <AppHeader />
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  useSyncLanguage();
  return (
    <>
      <AppHeader />
      <main id="main" className="page" tabIndex={-1}>
        <GeneralErrorBoundary error={error} key={location.pathname} />
      </main>
    </>
  );
}
