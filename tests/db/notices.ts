// The one-time notice an action's redirect leaves for its page (app/utils/notice.server.ts), as
// the tests read it: the notice itself, and the cookie that carries it to the page's request.
import { NoticeSchema, type Notice } from "~/lib/notices";
import { noticeCookieHeader, readNotice } from "~/utils/notice.server";
import { BASE_URL } from "./helpers";

const KINDS = NoticeSchema.options.map((option) => option.shape.kind.value);

/** The notice cookie a redirect sets, as a Cookie header's pair ("__notice=…"), or null. */
export function noticeCookie(response: Response | string[]): string | null {
  const setCookies = Array.isArray(response) ? response : response.headers.getSetCookie();
  const header = setCookies.find((cookie) => cookie.startsWith("__notice="));
  return header ? header.split(";")[0]! : null;
}

/** The notice a redirect leaves for the page it goes to (read as that page's loader reads it), or null. */
export async function noticeOf(response: Response): Promise<Notice | null> {
  return noticeIn(response.headers.get("Location"), response.headers.getSetCookie());
}

/** The same from a redirect's Location and Set-Cookie headers. */
export async function noticeIn(location: string | null, setCookies: string[]): Promise<Notice | null> {
  const cookie = noticeCookie(setCookies);
  if (!cookie || !location) return null;
  return readNotice(new Request(new URL(location, BASE_URL), { headers: { Cookie: cookie } }), KINDS);
}

/** `request` with one cookie more, in the same Cookie header (a second header would not parse). */
export function withCookie(request: Request, cookie: string): Request {
  const headers = new Headers(request.headers);
  const current = headers.get("Cookie");
  headers.set("Cookie", current ? `${current}; ${cookie}` : cookie);
  return new Request(request, { headers });
}

/** The Cookie pair of a notice left for the page at `path` (as an action's redirect would set it). */
export async function noticeFor(path: string, notice: Notice): Promise<string> {
  return (await noticeCookieHeader(new Request(new URL(path, BASE_URL)), path, notice)).split(";")[0]!;
}
