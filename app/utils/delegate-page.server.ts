// The loader and the action of a delegate's own page of a consultation beside the editor (the
// joint submission, the alignments: issue 19): who may not reach the consultation's delegate pages
// gets 404; the page's data carries the reader's zone and its one-time notice; a form that does not
// parse is a 400, a model's refusal a 409 with its message.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { FORM_UNREADABLE } from "~/lib/form-unreadable";
import { isUuid } from "~/lib/ids";
import type { NoticeKind } from "~/lib/notices";
import { mayWriteSubmission } from "~/lib/permissions";
import { getDelegationDeadline } from "~/models/submission-access.server";
import { requireUser, type SessionUser } from "~/utils/auth.server";
import { readNotice } from "~/utils/notice.server";

type Params = LoaderFunctionArgs["params"];

export const notFound = () => data({ reason: "not_found" }, { status: 404 });

/** The page the model gives the delegate (or 404), with the reader's zone and the page's notice. */
export async function loadDelegatePage<Page extends { meeting: { timeZone: string } }, K extends NoticeKind>(
  request: Request,
  params: Params,
  getPage: (user: SessionUser, consultationId: string) => Promise<Page | null>,
  noticeKind: K,
) {
  const user = await requireUser(request);
  const page = mayWriteSubmission(user) && isUuid(params.consultationId) ? await getPage(user, params.consultationId) : null;
  if (!page) throw notFound();
  return { ...page, readerTimeZone: user.timeZone ?? page.meeting.timeZone, notice: await readNotice(request, [noticeKind]) };
}

/**
 * The delegate and the form it sent, read by `read` (a schema's safeParse); 404 before the form is
 * read for whoever may not reach the consultation's delegate pages, and a 400 to return for a form
 * that does not parse.
 */
export async function readDelegateForm<T>(
  request: Request,
  params: Params,
  read: (fields: Record<string, unknown>) => z.SafeParseReturnType<unknown, T>,
): Promise<{ ok: true; user: SessionUser; consultationId: string; form: T } | { ok: false; response: ReturnType<typeof formError> }> {
  const user = await requireUser(request);
  if (!mayWriteSubmission(user) || !isUuid(params.consultationId) || !(await getDelegationDeadline(user, params.consultationId))) throw notFound();
  const parsed = read(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false, response: formError(parsed.error.issues[0]?.message ?? FORM_UNREADABLE, 400) };
  return { ok: true, user, consultationId: params.consultationId, form: parsed.data };
}

/** A model's refusal: 404 thrown for what the delegate may not reach, else its message with a 409. */
export function refused<R extends string>(reason: R | "not_found", message: (reason: R) => string) {
  if (reason === "not_found") throw notFound();
  return formError(message(reason as R), 409);
}

function formError(error: string, status: number) {
  return data({ error }, { status });
}
