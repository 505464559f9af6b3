// The one rule against cross-site writes (CSRF), applied by app/server.ts to every request before
// Remix sees it. Cookies are SameSite=Lax, which stops most cross-site posts from carrying the
// session; this rule also covers what Lax does not (sign-in, same-site subdomains, the first two
// minutes of a fresh Lax cookie in some browsers) and answers with a clear 403 instead of Remix's
// bare 500.

/** Methods that only read. Everything else (POST, PUT, PATCH, DELETE, unknown verbs) writes. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type SameOriginInput = {
  method: string;
  /** The Origin header as sent, or null when absent. */
  origin: string | null;
  /** The Sec-Fetch-Site header as sent, or null when absent. */
  secFetchSite: string | null;
  /** The site's own origin ("https://nonpaper.example.org"): PUBLIC_URL, else the request's scheme and host. */
  siteOrigin: string;
};

/** The origin part (scheme, host, port) of a URL, lower-cased; null when it is not an http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

/**
 * May this request change state? Reads always pass. A write passes when its Origin is the site's
 * origin, or when it has no Origin (old browsers, non-browser clients) and Sec-Fetch-Site, if
 * present, says the request came from the site itself or from the user (typed address, bookmark).
 * `Origin: null` (sandboxed frames, privacy redirects) is refused: it proves nothing.
 * Same-origin `navigator.sendBeacon` posts carry the site's Origin and pass.
 */
export function isSameOriginWrite({ method, origin, secFetchSite, siteOrigin }: SameOriginInput): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const site = originOf(siteOrigin);
  if (!site) return false;
  if (origin !== null) return originOf(origin) === site;
  const fetchSite = secFetchSite?.trim().toLowerCase();
  return fetchSite === undefined || fetchSite === "" || fetchSite === "same-origin" || fetchSite === "none";
}

/**
 * Whether to answer a refusal as JSON: the client asked for JSON (the autosave and presence
 * calls do) or sent JSON. Browsers' own form posts and navigations get the HTML page.
 */
export function prefersJson(accept: string | null, contentType: string | null): boolean {
  const wanted = (accept ?? "").toLowerCase();
  if (/\bapplication\/(?:[\w.+-]+\+)?json\b/.test(wanted) && !wanted.includes("text/html")) return true;
  return /\bapplication\/(?:[\w.+-]+\+)?json\b/.test((contentType ?? "").toLowerCase());
}
