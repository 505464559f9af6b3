import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ConsultationForm } from "~/components/consultation/consultation-form";
import { draftDefaults } from "~/lib/consultation-draft";
import { ConsultationSchema } from "~/lib/consultation-forms";
import { wallClockIn } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { getConsultationSettings, updateConsultation } from "~/models/consultation.server";
import { listChairUsers, listMeetings } from "~/models/meeting.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { replyForRefusal } from "~/utils/consultation-form.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:consultationForm.editTitle") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const settings = isUuid(params.consultationId) ? await getConsultationSettings(user, params.consultationId) : null;
  if (!settings) throw data({ reason: "not_found" }, { status: 404 });
  const [meetings, chairs] = await Promise.all([listMeetings(), listChairUsers()]);
  // The deadline is edited as the wall-clock date and time of the meeting's zone.
  const deadline = settings.deadline ? wallClockIn(settings.deadline, settings.meetingTimeZone) : null;
  const { deadline: _instant, meetingTimeZone: _zone, status, id, ...fields } = settings;
  const defaults = Object.fromEntries(
    Object.entries({ ...fields, deadlineDate: deadline?.date, deadlineTime: deadline?.time }).filter(([, v]) => v !== null && v !== undefined),
  ) as Record<string, string | string[]>;
  // Back from "Create a new meeting" (drafts only): what was typed, over what is saved.
  const typed = status === "draft" ? draftDefaults(new URL(request.url).searchParams) : {};
  if (typed.meetingId && !meetings.some((m) => m.id === typed.meetingId)) delete typed.meetingId;
  return { settings: { id, title: settings.title, status }, defaults: { ...defaults, ...typed }, meetings, chairs };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) throw data({ reason: "not_found" }, { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: ConsultationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // A new deadline while open is emailed to every registered mission, with a link back here.
  const result = await updateConsultation(user, params.consultationId, submission.value, clientAddress(context), {
    baseUrl: publicBaseUrl(request),
  });
  if (!result.ok && result.reason === "not_found") throw data({ reason: "not_found" }, { status: 404 });
  if (!result.ok) return data({ result: replyForRefusal(submission, result) }, { status: 400 });
  throw redirect(paths.consultation(params.consultationId));
}

export default function EditConsultationPage() {
  const { settings, defaults, meetings, chairs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("consultations");
  if (settings.status === "compiled") {
    return (
      <section className="form-page">
        <h1>{t("consultationForm.editTitle")}</h1>
        <p className="note">{t("errors.locked")}</p>
      </section>
    );
  }
  return (
    <section className="form-page">
      <h1>{t("consultationForm.editTitle")}</h1>
      {settings.status !== "draft" ? <p className="note">{t("consultationForm.lockedAfterCirculation")}</p> : null}
      {settings.status === "open" ? <p className="note">{t("closing.editNotice")}</p> : null}
      <ConsultationForm
        lastResult={actionData?.result}
        defaultValue={defaults}
        meetings={meetings}
        chairs={chairs}
        locked={settings.status !== "draft"}
        submitLabel={t("consultationForm.save")}
      />
    </section>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
