import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { AppHeader } from "./components/app-header";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { DEFAULT_LANGUAGE, directionOf, isLanguage } from "./i18n/languages";
import { getOptionalUser } from "./utils/auth.server";
import { useNonce } from "./utils/nonce";
import { resolveLanguage } from "./utils/i18n.server";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Nonpaper" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const language = await resolveLanguage(request, user?.language);
  return {
    language,
    dir: directionOf(language),
    user: user && { id: user.id, name: user.name, role: user.role, email: user.email },
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

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
    if (data?.language && i18n.language !== data.language) void i18n.changeLanguage(data.language);
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
