import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingForm } from "~/components/meeting-form";
import { MeetingSchema } from "~/lib/consultation-forms";
import { createMeeting } from "~/models/meeting.server";
import { clientAddress, requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Nonpaper" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const submission = parseWithZod(await request.formData(), { schema: MeetingSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const id = await createMeeting(user, submission.value, clientAddress(context));
  // Straight on to the consultation on this meeting: the usual reason for creating one.
  throw redirect(`/consultations/new?meetingId=${id}`);
}

export default function NewMeetingPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("consultations");
  return (
    <section className="form-page">
      <p className="eyebrow">
        <Link to="/consultations/new">{t("consultationForm.back")}</Link>
      </p>
      <h1>{t("meetingForm.newTitle")}</h1>
      <p className="lead">{t("meetingForm.newLead")}</p>
      <MeetingForm lastResult={actionData?.result} submitLabel={t("meetingForm.create")} />
    </section>
  );
}
