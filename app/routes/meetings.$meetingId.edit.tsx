import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { MeetingForm } from "~/components/meetings/meeting-form";
import { MeetingSchema } from "~/lib/consultation-forms";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { currentTimeZone } from "~/lib/time-zones";
import { getMeeting, updateMeeting } from "~/models/meeting.server";
import { safeRedirect, clientAddress, requireRole } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:meetingForm.editTitle") };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const meeting = isUuid(params.meetingId) ? await getMeeting(params.meetingId) : null;
  if (!meeting) throw data({ reason: "not_found" }, { status: 404 });
  // A zone stored under an old name ("Europe/Kiev") is chosen in the list by its current one.
  return { meeting: { ...meeting, timeZone: currentTimeZone(meeting.timeZone) } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.meetingId)) throw data({ reason: "not_found" }, { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: MeetingSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await updateMeeting(user, params.meetingId, submission.value, clientAddress(context));
  if (!saved) throw data({ reason: "not_found" }, { status: 404 });
  throw redirect(safeRedirect(new URL(request.url).searchParams.get("back"), paths.home()));
}

export default function EditMeetingPage() {
  const { meeting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("consultations");
  return (
    <section className="form-page">
      <h1>{t("meetingForm.editTitle")}</h1>
      <p className="lead">{t("meetingForm.editLead")}</p>
      <MeetingForm
        lastResult={actionData?.result}
        defaultValue={{ ...meeting, parentBody: meeting.parentBody ?? undefined }}
        submitLabel={t("meetingForm.save")}
      />
    </section>
  );
}
