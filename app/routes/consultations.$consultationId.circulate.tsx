import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { z } from "zod";
import { CirculatedView } from "~/components/circulation/circulated-view";
import { DraftView } from "~/components/circulation/draft-view";
import { Notice, useNotice } from "~/components/ui/notice";
import {
  CirculationActionSchema,
  circulateRefusal,
  closeRefusal,
  regeneratedLanguage,
  type CirculateSchema,
  type CirculationActionData,
  type CloseSchema,
  type RegenerateSchema,
  type SaveSchema,
} from "~/lib/circulation-forms";
import { replyUnparsed } from "~/lib/form-unreadable";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { circulateConsultation, closeReflectionPeriod, draftCoveringNote, getCirculationPage, saveCoveringNote } from "~/models/circulation.server";
import { kickNotificationDispatch } from "~/models/outbox.server";
import type { SessionUser } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { isMailConfigured } from "~/utils/mailer.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import circulationStylesheet from "~/styles/circulation.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: circulationStylesheet }];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data) => (data.page.consultation.status === "draft" ? t("circulation:title.draft") : t("circulation:title.circulated")),
};

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const page = await getCirculationPage(user, params.consultationId, { baseUrl: publicBaseUrl(request) });
  if (!page) notFound();
  return {
    page,
    mailConfigured: isMailConfigured(),
    readerTimeZone: user.timeZone,
    // Left by the action's redirect: the note saved, the period closed.
    notice: await readNotice(request, ["circulation.saved", "circulation.closed"]),
  };
}

// ---------------------------------------------------------------------------------------------
// The action: one handler per intent

type Call = {
  request: Request;
  user: SessionUser;
  consultationId: string;
  reply: (errors: { formErrors: string[] }) => NonNullable<CirculationActionData["result"]>;
  ipAddress: string;
  baseUrl: string;
};

const respond = (payload: CirculationActionData, status?: number) => data(payload, status);

async function regenerate(call: Call, value: z.infer<typeof RegenerateSchema>) {
  // The draft goes back into its text box only, the others keep what was typed; the saved notes
  // change when the officer saves.
  const language = regeneratedLanguage(value.intent);
  const text = await draftCoveringNote(call.user, call.consultationId, language, { baseUrl: call.baseUrl });
  if (text === null) notFound();
  const typed = { coveringNote: value.coveringNote ?? null, translations: value.translations ?? null };
  return respond({ result: null, regenerated: { language, text, nonce: Date.now(), typed } });
}

async function save(call: Call, value: z.infer<typeof SaveSchema>) {
  const { consultationId, ipAddress } = call;
  const saved = await saveCoveringNote(call.user, {
    consultationId,
    coveringNote: value.coveringNote,
    coveringNoteTranslations: value.translations,
    ipAddress,
  });
  if (saved.ok) throw await redirectWithNotice(call.request, paths.circulate(consultationId), { kind: "circulation.saved" });
  if (saved.reason === "not_found") notFound();
  const message = saved.reason === "note_too_long" ? "circulation:errors.noteTooLong" : "circulation:errors.notDraft";
  return respond({ result: call.reply({ formErrors: [message] }), regenerated: null }, saved.reason === "note_too_long" ? 400 : 409);
}

async function circulate(call: Call, value: z.infer<typeof CirculateSchema>) {
  const { consultationId, baseUrl, ipAddress } = call;
  const result = await circulateConsultation(call.user, {
    consultationId,
    coveringNote: value.coveringNote,
    coveringNoteTranslations: value.translations,
    baseUrl,
    ipAddress,
  });
  if (result.ok) {
    // Sending starts now, after the commit; the page does not wait for the mail server.
    kickNotificationDispatch();
    throw await redirectWithNotice(call.request, paths.consultation(consultationId), { kind: "consultation.circulated", number: result.number });
  }
  if (result.reason === "not_found") notFound();
  return respond({ result: call.reply({ formErrors: circulateRefusal(result) }), regenerated: null }, 409);
}

async function closePeriod(call: Call, value: z.infer<typeof CloseSchema>) {
  const { consultationId, ipAddress, baseUrl } = call;
  const closed = await closeReflectionPeriod(call.user, { consultationId, reason: value.reason ?? null, ipAddress, baseUrl });
  if (closed.ok) {
    kickNotificationDispatch();
    throw await redirectWithNotice(call.request, paths.circulate(consultationId), { kind: "circulation.closed" });
  }
  if (closed.reason === "not_found") notFound();
  const status = closed.reason === "not_open" ? 409 : 400;
  return respond({ result: call.reply({ formErrors: [closeRefusal[closed.reason]] }), regenerated: null }, status);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const consultationId = params.consultationId;
  const submission = parseWithZod(await request.formData(), { schema: CirculationActionSchema });
  if (submission.status !== "success") {
    return respond({ result: replyUnparsed(submission), regenerated: null }, 400);
  }
  const call: Call = {
    request,
    user,
    consultationId,
    reply: (errors) => submission.reply(errors),
    ipAddress: clientAddress(context),
    baseUrl: publicBaseUrl(request),
  };
  const value = submission.value;
  switch (value.intent) {
    case "regenerate":
    case "regenerate-ar":
    case "regenerate-zh":
    case "regenerate-fr":
    case "regenerate-ru":
    case "regenerate-es":
      return regenerate(call, value);
    case "save":
      return save(call, value);
    case "circulate":
      return circulate(call, value);
    case "close":
      return closePeriod(call, value);
  }
}

export default function CirculationPage() {
  const { page, mailConfigured, readerTimeZone, notice: loaded } = useLoaderData<typeof loader>();
  const notice = useNotice(loaded);
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("circulation");
  const { consultation } = page;
  return (
    <article className="circulation">
      <h1>{consultation.status === "draft" ? t("title.draft") : t("title.circulated")}</h1>
      {notice ? <Notice tone="success">{t(notice.kind === "circulation.saved" ? "flash.saved" : "flash.closed")}</Notice> : null}
      {consultation.status === "draft" ? (
        <DraftView page={page} mailConfigured={mailConfigured} actionData={actionData} />
      ) : (
        <CirculatedView page={page} readerTimeZone={readerTimeZone} actionData={actionData} />
      )}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
