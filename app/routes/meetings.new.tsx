import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { MeetingForm } from "~/components/meetings/meeting-form";
import { draftReturnPath, RETURN_FIELD, safeDraftReturn, withMeeting } from "~/lib/consultation-draft";
import { MeetingSchema } from "~/lib/consultation-forms";
import { paths } from "~/lib/paths";
import { createMeeting } from "~/models/meeting.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:meetingForm.newTitle") };

/** The consultation form to return to, with what the officer had typed there (checked). */
function backOf(request: Request): string | null {
  return safeDraftReturn(new URL(request.url).searchParams.get("back"));
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return { back: backOf(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const formData = await request.formData();
  // "Create a new meeting" on a consultation form posts that form here: its values travel in
  // the way back (the meeting form posts to this URL, query included), and nothing is saved yet.
  if (formData.has(RETURN_FIELD)) {
    const back = draftReturnPath(formData.get(RETURN_FIELD), formData);
    throw redirect(paths.meetingNew({ back }));
  }
  const submission = parseWithZod(formData, { schema: MeetingSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const id = await createMeeting(user, submission.value, clientAddress(context));
  if (!id) throw data({ reason: "forbidden" }, { status: 403 });
  // Straight on to the consultation on this meeting (the usual reason for creating one), with
  // anything already typed there.
  throw redirect(withMeeting(backOf(request) ?? paths.consultationNew(), id));
}

export default function NewMeetingPage() {
  const { back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("consultations");
  return (
    <section className="form-page">
      <p className="eyebrow">
        <Link to={back ?? paths.consultationNew()}>
          {back && !back.startsWith(paths.consultationNew()) ? t("consultationForm.backToConsultation") : t("consultationForm.back")}
        </Link>
      </p>
      <h1>{t("meetingForm.newTitle")}</h1>
      <p className="lead">{t("meetingForm.newLead")}</p>
      {back ? <p className="note">{t("meetingForm.draftKept")}</p> : null}
      <MeetingForm lastResult={actionData?.result} submitLabel={t("meetingForm.create")} />
    </section>
  );
}
