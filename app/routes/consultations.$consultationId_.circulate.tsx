import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { z } from "zod";
import { CirculatedView } from "~/components/circulation/circulated-view";
import { DraftView } from "~/components/circulation/draft-view";
import {
  CirculationActionSchema,
  circulateRefusal,
  closeRefusal,
  type CirculateSchema,
  type CirculationActionData,
  type CloseSchema,
  type SaveSchema,
} from "~/lib/circulation-forms";
import { isUuid } from "~/lib/ids";
import { circulateConsultation, closeReflectionPeriod, getCirculationPage, saveCoveringNote } from "~/models/circulation.server";
import { kickNotificationDispatch } from "~/models/outbox.server";
import type { SessionUser } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { isMailConfigured } from "~/utils/mailer.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.page.consultation.title} · Nonpaper` : "Nonpaper" },
];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const page = await getCirculationPage(user, params.consultationId, { baseUrl: publicBaseUrl(request) });
  if (!page) notFound();
  const url = new URL(request.url);
  return {
    page,
    mailConfigured: isMailConfigured(),
    readerTimeZone: user.timeZone,
    flash: url.searchParams.has("saved") ? ("saved" as const) : url.searchParams.has("closed") ? ("closed" as const) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The action: one handler per intent

type Call = {
  user: SessionUser;
  consultationId: string;
  reply: (errors: { formErrors: string[] }) => NonNullable<CirculationActionData["result"]>;
  ipAddress: string;
  baseUrl: string;
  here: string;
};

const respond = (payload: CirculationActionData, status?: number) => data(payload, status);

async function regenerate(call: Call) {
  // The draft goes back into the text box only; the saved note changes when the officer saves.
  const page = await getCirculationPage(call.user, call.consultationId, { baseUrl: call.baseUrl });
  if (!page) notFound();
  return respond({ result: null, regenerated: { text: page.note.generated, nonce: Date.now() } });
}

async function save(call: Call, value: z.infer<typeof SaveSchema>) {
  const { consultationId, ipAddress } = call;
  const saved = await saveCoveringNote(call.user, { consultationId, coveringNote: value.coveringNote, ipAddress });
  if (saved.ok) throw redirect(`${call.here}?saved=1`);
  if (saved.reason === "not_found") notFound();
  return respond({ result: call.reply({ formErrors: ["circulation:errors.notDraft"] }), regenerated: null }, 409);
}

async function circulate(call: Call, value: z.infer<typeof CirculateSchema>) {
  const { consultationId, baseUrl, ipAddress } = call;
  const result = await circulateConsultation(call.user, { consultationId, coveringNote: value.coveringNote, baseUrl, ipAddress });
  if (result.ok) {
    // Sending starts now, after the commit; the page does not wait for the mail server.
    kickNotificationDispatch();
    throw redirect(`/consultations/${consultationId}?circulated=${result.number}`);
  }
  if (result.reason === "not_found") notFound();
  return respond({ result: call.reply({ formErrors: circulateRefusal(result) }), regenerated: null }, 409);
}

async function closePeriod(call: Call, value: z.infer<typeof CloseSchema>) {
  const { consultationId, ipAddress, baseUrl } = call;
  const closed = await closeReflectionPeriod(call.user, { consultationId, reason: value.reason ?? null, ipAddress, baseUrl });
  if (closed.ok) {
    kickNotificationDispatch();
    throw redirect(`${call.here}?closed=1`);
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
    return respond({ result: submission.reply(), regenerated: null }, 400);
  }
  const call: Call = {
    user,
    consultationId,
    reply: (errors) => submission.reply(errors),
    ipAddress: clientAddress(context),
    baseUrl: publicBaseUrl(request),
    here: `/consultations/${consultationId}/circulate`,
  };
  const value = submission.value;
  switch (value.intent) {
    case "regenerate":
      return regenerate(call);
    case "save":
      return save(call, value);
    case "circulate":
      return circulate(call, value);
    case "close":
      return closePeriod(call, value);
  }
}

export default function CirculationPage() {
  const { page, flash, mailConfigured, readerTimeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("circulation");
  const { consultation } = page;
  return (
    <article className="circulation">
      <p className="eyebrow">
        <Link to={`/consultations/${consultation.id}`} lang="en" dir="ltr">
          {consultation.title}
        </Link>
      </p>
      <h1>{consultation.status === "draft" ? t("title.draft") : t("title.circulated")}</h1>
      {flash ? (
        <p className="circulation-flash" role="status">
          {t(`flash.${flash}`)}
        </p>
      ) : null}
      {consultation.status === "draft" ? (
        <DraftView page={page} mailConfigured={mailConfigured} actionData={actionData} />
      ) : (
        <CirculatedView page={page} readerTimeZone={readerTimeZone} actionData={actionData} />
      )}
    </article>
  );
}
