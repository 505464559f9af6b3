// Where to send a reader back to (after signing in, changing the language, editing a meeting):
// only a path on this site. Browsers are forgiving in ways that turn a path into another site:
// they drop tabs and line breaks ("/\t/evil.example" becomes "//evil.example") and read "\" as
// "/". So any white space, control character or backslash is refused outright, and what is left
// must resolve, against a stand-in origin, to that same origin.
import { paths } from "~/lib/paths";

const HERE = "http://nonpaper.invalid";
const SUSPECT = /[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\\]/u;

export function safeRedirect(target: unknown, fallback = paths.home()): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2_000) return fallback;
  if (SUSPECT.test(target) || !target.startsWith("/") || target.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(target, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
