import { serverI18n } from "~/i18n/i18next";
import { DEFAULT_LANGUAGE, isLanguage, languageFromAcceptHeader, type Language } from "~/i18n/languages";
import { isSecureRequest } from "./session.server";

/** Set-Cookie for the reader's language: a plain `lng=ar`, so that it can also be set by hand. */
export function languageCookieHeader(request: Request, language: Language): string {
  const secure = isSecureRequest(request) ? "; Secure" : "";
  return `lng=${language}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax${secure}`;
}

function cookieLanguage(request: Request): Language | null {
  const raw = request.headers
    .get("Cookie")
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("lng="))
    ?.slice(4);
  return isLanguage(raw) ? raw : null;
}

/**
 * The reader's language: ?lng= in the address, then the lng cookie (set by the switcher and at
 * sign-in from the profile), then the profile, then the browser's Accept-Language, then English.
 */
export async function resolveLanguage(request: Request, profileLanguage?: Language | null): Promise<Language> {
  const param = new URL(request.url).searchParams.get("lng");
  if (isLanguage(param)) return param;
  return cookieLanguage(request) ?? profileLanguage ?? languageFromAcceptHeader(request.headers.get("Accept-Language")) ?? DEFAULT_LANGUAGE;
}

/** A translation function for messages produced on the server (validation errors, emails). */
export async function getFixedT(request: Request, profileLanguage?: Language | null) {
  const language = await resolveLanguage(request, profileLanguage);
  return { t: serverI18n(language).t, language };
}
