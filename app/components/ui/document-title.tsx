import { useMatches } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useContext } from "react";
// The router's state, as Remix's own <Meta> reads it for the errors of the routes (the public hook,
// useRouteError, answers only for the route it is called in; this title is the root's).
import { UNSAFE_DataRouterStateContext as DataRouterStateContext } from "react-router-dom";
import { errorKind } from "~/components/ui/error-boundary";
import { isLanguage, DEFAULT_LANGUAGE, type Language } from "~/i18n/languages";
import type { NAMESPACES } from "~/i18n/resources";
import { useTranslation } from "~/i18n/use-translation";

/**
 * A route's part of the document's <title>, in the reader's language: `handle.title(t, data)`.
 * Data inside it (a consultation's title, a symbol) goes through isolate() so that it keeps its
 * direction in an Arabic title bar.
 */
export type TitleHandle<Loader extends (...args: never[]) => unknown = () => unknown> = {
  title: (t: TitleT, data: LoaderValue<Awaited<ReturnType<Loader>>>, language: Language) => string | null;
};

/** A loader's data as the page has it: what `data(value, { status })` returned is the value. */
type LoaderValue<T> = T extends { type: string; data: infer D; init: ResponseInit | null } ? D : T;

/** Keys of every namespace, written "namespace:key". */
type TitleT = TFunction<(typeof NAMESPACES)[number][]>;

const hasTitle = (handle: unknown): handle is TitleHandle =>
  typeof handle === "object" && handle !== null && typeof (handle as TitleHandle).title === "function";

/**
 * The document's title: the page's own part first, then its parents' ("Matrix · <consultation> ·
 * Nonpaper"), so that every page has its own. Where a route failed, the error page's title takes
 * the place of that route's part and of those below it, which are not shown ("Page not found ·
 * <consultation> · Nonpaper"); the routes above it have their data.
 */
export function DocumentTitle() {
  const matches = useMatches();
  const errors = useContext(DataRouterStateContext)?.errors ?? null;
  const { t, i18n } = useTranslation(["common", "consultations"]);
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const parts: string[] = [];
  for (const match of matches) {
    if (errors && match.id in errors) {
      parts.push(t(`common:errors.${errorKind(errors[match.id]).kind}.title`));
      break;
    }
    if (!hasTitle(match.handle)) continue;
    const part = match.handle.title(t as unknown as TitleT, match.data as never, language);
    if (part) parts.push(part);
  }
  parts.reverse().push("Nonpaper");
  return <title>{parts.join(" · ")}</title>;
}
