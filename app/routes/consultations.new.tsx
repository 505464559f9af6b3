import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ConsultationForm } from "~/components/consultation/consultation-form";
import { draftDefaults } from "~/lib/consultation-draft";
import { ConsultationSchema, suggestReceiptPrefix } from "~/lib/consultation-forms";
import { paths } from "~/lib/paths";
import { createConsultation } from "~/models/consultation.server";
import { listChairUsers, listMeetings } from "~/models/meeting.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { replyForRefusal } from "~/utils/consultation-form.server";
import type { TitleHandle } from "~/components/ui/document-title";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:consultationForm.newTitle") };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const [meetings, chairs] = await Promise.all([listMeetings(), listChairUsers()]);
  // Coming back from "Create a new meeting": what was typed, with that meeting chosen and a
  // receipt prefix and venue suggested from it unless typed already.
  const typed = draftDefaults(new URL(request.url).searchParams);
  const chosen = meetings.find((m) => m.id === typed.meetingId);
  if (!chosen) delete typed.meetingId;
  return {
    meetings,
    chairs,
    defaults: chosen
      ? {
          ...typed,
          receiptPrefix: typed.receiptPrefix || suggestReceiptPrefix(chosen.symbolPrefix, chosen.session),
          parentSessionVenue: typed.parentSessionVenue || chosen.venue,
        }
      : typed,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const submission = parseWithZod(await request.formData(), { schema: ConsultationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await createConsultation(user, submission.value, clientAddress(context));
  if (!result.ok) return data({ result: replyForRefusal(submission, result) }, { status: 400 });
  // Next step for a new consultation: its agenda items and points.
  throw redirect(paths.consultation(result.id));
}

export default function NewConsultationPage() {
  const { meetings, chairs, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("consultations");
  return (
    <section className="form-page">
      <p className="eyebrow">
        <Link to={paths.home()}>{t("home.title")}</Link>
      </p>
      <h1>{t("consultationForm.newTitle")}</h1>
      <p className="lead">{t("consultationForm.newLead")}</p>
      {/* "Create a new meeting" is beside the meeting list, inside the form, to keep what is typed. */}
      {meetings.length === 0 ? <p className="note">{t("consultationForm.noMeetings")}</p> : null}
      <ConsultationForm
        lastResult={actionData?.result}
        defaultValue={defaults}
        meetings={meetings}
        chairs={chairs}
        locked={false}
        submitLabel={t("consultationForm.create")}
      />
    </section>
  );
}
