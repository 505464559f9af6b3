// /locales/:language?v=… — one language's interface strings for the browser (app/i18n/client.ts),
// so that the browser entry carries none. Under the current version the answer is cached for good;
// any other version is answered fresh and not cached.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { LOCALES_VERSION } from "~/i18n/instance";
import { isLanguage } from "~/i18n/languages";
import { localeJson } from "~/utils/locale-json.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const language = params.language;
  if (!isLanguage(language)) throw data({ reason: "not_found" }, { status: 404 });
  const current = new URL(request.url).searchParams.get("v") === LOCALES_VERSION;
  return new Response(localeJson(language), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
