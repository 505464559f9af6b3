// Renders a route's page component to HTML with the data its loader (and action) returned, in a
// static React Router (what Remix renders on the server, without the Remix build).
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { createI18n } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";

export async function renderRoute(
  Component: ComponentType,
  options: { url: string; loaderData: unknown; actionData?: unknown; language?: Language },
): Promise<string> {
  const handler = createStaticHandler([
    { id: "page", path: "/*", loader: () => options.loaderData as never, action: () => (options.actionData ?? null) as never, Component },
  ]);
  const context = await handler.query(new Request(options.url));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  if (options.actionData !== undefined) context.actionData = { page: options.actionData };
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    createElement(I18nextProvider, { i18n: createI18n(options.language ?? "en") }, createElement(StaticRouterProvider, { router, context, hydrate: false })),
  );
}
