// The one-time confirmation after an action (app/lib/notices.ts): the action redirects with it in
// a signed cookie bound to the page it redirects to; that page's loader reads it (readNotice), and
// the root loader, which runs in the same request, clears it (noticeCleared). A reload, the back
// button later or a shared link no longer repeats "Saved." as ?saved=1 in the address did.
//
// Signed with the session's secret, httpOnly, SameSite=Lax and Secure as the session cookie is
// (app/utils/session.server.ts), and short-lived: one that was never shown (the page redirected
// elsewhere first) does not turn up minutes later.
import { createCookie, redirect } from "@remix-run/node";
import { NoticeSchema, type Notice, type NoticeKind, type NoticeOf } from "~/lib/notices";
import { isSecureRequest, sessionSecret } from "./session.server";

const NOTICE_SECONDS = 120;

function noticeCookie(request: Request) {
  return createCookie("__notice", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isSecureRequest(request),
    secrets: [sessionSecret()],
    maxAge: NOTICE_SECONDS,
  });
}

/** The Set-Cookie header of a notice for the page at `to` (its path; the query and hash are not part of it). */
export async function noticeCookieHeader(request: Request, to: string, notice: Notice): Promise<string> {
  const path = new URL(to, "http://x").pathname;
  return noticeCookie(request).serialize({ path, notice });
}

/** A redirect to `to` that shows `notice` there once. */
export async function redirectWithNotice(request: Request, to: string, notice: Notice, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await noticeCookieHeader(request, to, notice));
  return redirect(to, { ...init, headers });
}

type Stored = { path: string; notice: Notice };

async function stored(request: Request): Promise<Stored | null | "malformed"> {
  const value: unknown = await noticeCookie(request).parse(request.headers.get("Cookie"));
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "object" || typeof (value as Stored).path !== "string") return "malformed";
  const notice = NoticeSchema.safeParse((value as Stored).notice);
  return notice.success ? { path: (value as Stored).path, notice: notice.data } : "malformed";
}

/**
 * The notice left for this page, if it is one of `kinds`: for a page's loader. Reading does not
 * clear it (the root loader does), so the page and its parents may all read it.
 */
export async function readNotice<K extends NoticeKind>(request: Request, kinds: readonly K[]): Promise<NoticeOf<K> | null> {
  const found = await stored(request);
  if (found === null || found === "malformed" || found.path !== new URL(request.url).pathname) return null;
  return (kinds as readonly NoticeKind[]).includes(found.notice.kind) ? (found.notice as NoticeOf<K>) : null;
}

/**
 * For the root loader: the Set-Cookie header that clears the notice once its page has been
 * loaded (or a cookie that does not read as one), else null. A notice for another page stays
 * until that page is loaded or it expires.
 */
export async function noticeCleared(request: Request): Promise<string | null> {
  const found = await stored(request);
  if (found === null) return null;
  if (found !== "malformed" && found.path !== new URL(request.url).pathname) return null;
  return noticeCookie(request).serialize("", { maxAge: 0 });
}
