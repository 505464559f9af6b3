import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CloseForm, CloseSchema } from "~/components/closing/close-form";
import { RemindPanel } from "~/components/closing/remind-panel";
import { Standings } from "~/components/closing/standings";
import { Deadline } from "~/components/ui/deadline";
import { StatusBadge } from "~/components/ui/status-badge";
import { Notice, useNotice } from "~/components/ui/notice";
import { needsReminder } from "~/lib/closing";
import { formatInstant } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { closeReflectionPeriod, getClosingPage, remindMissions } from "~/models/closing.server";
import { kickNotificationDispatch } from "~/models/outbox.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { isMailConfigured } from "~/utils/mailer.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import circulationStylesheet from "~/styles/circulation.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:closing.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: circulationStylesheet }];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const page = await getClosingPage(user, params.consultationId);
  if (!page) notFound();
  return {
    page,
    readerTimeZone: user.timeZone,
    mailConfigured: isMailConfigured(),
    // Left by the action's redirects: what the officer just did.
    notice: await readNotice(request, ["closing.reminded", "closing.closed"]),
  };
}

export type ClosingActionData = {
  intent: "remind" | "close";
  result?: SubmissionResult<string[]>;
  errors?: string[];
  values?: Record<string, string>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const consultationId = params.consultationId;
  const formData = await request.formData();
  const ipAddress = clientAddress(context);
  const baseUrl = publicBaseUrl(request);

  if (formData.get("intent") === "remind") {
    const result = await remindMissions(user, { consultationId, ipAddress, baseUrl });
    if (result.ok) {
      kickNotificationDispatch();
      throw await redirectWithNotice(request, paths.closing(consultationId), {
        kind: "closing.reminded",
        messages: result.messages,
        delegations: result.delegations,
      });
    }
    if (result.reason === "not_found") notFound();
    const errors = {
      not_open: "consultations:closing.errors.notOpen",
      deadline_passed: "consultations:closing.errors.deadlinePassed",
      nobody: "consultations:closing.errors.nobody",
      already_today: "consultations:closing.errors.alreadyToday",
    }[result.reason];
    return data<ClosingActionData>(
      { intent: "remind", errors: [errors], values: result.reason === "already_today" ? { time: result.lastAt.toISOString() } : undefined },
      { status: 409 },
    );
  }

  if (formData.get("intent") !== "close") throw data({ reason: "bad_intent" }, { status: 400 });
  const submission = parseWithZod(formData, { schema: CloseSchema });
  if (submission.status !== "success") return data<ClosingActionData>({ intent: "close", result: submission.reply() }, { status: 400 });
  const closed = await closeReflectionPeriod(user, { consultationId, reason: submission.value.reason ?? null, ipAddress, baseUrl });
  if (closed.ok) {
    kickNotificationDispatch();
    throw await redirectWithNotice(request, paths.closing(consultationId), { kind: "closing.closed", count: closed.notifications });
  }
  if (closed.reason === "not_found") notFound();
  const reply =
    closed.reason === "not_open"
      ? submission.reply({ formErrors: ["consultations:closing.errors.notOpen"] })
      : submission.reply({
          fieldErrors: {
            reason: [
              {
                reason_required: "consultations:closing.errors.reasonRequired",
                reason_too_long: "consultations:closing.errors.reasonTooLong",
                invalid: "consultations:closing.errors.reasonInvalid",
              }[closed.reason],
            ],
          },
        });
  return data<ClosingActionData>({ intent: "close", result: reply }, { status: closed.reason === "not_open" ? 409 : 400 });
}

export default function ClosingPage() {
  const { page, readerTimeZone, mailConfigured, notice: loaded } = useLoaderData<typeof loader>();
  const notice = useNotice(loaded);
  const actionData = useActionData<typeof action>() as ClosingActionData | undefined;
  const { t, i18n } = useTranslation("consultations");
  const { consultation } = page;
  const zone = consultation.meeting.timeZone;
  const open = consultation.status === "open";
  return (
    <article className="closing stack">
      <h1>{t("closing.title")}</h1>
      {notice ? (
        <Notice tone="success">
          {notice.kind === "closing.reminded"
            ? t("closing.remind.sent", { messages: notice.messages, delegations: notice.delegations })
            : t("closing.close.done", { count: notice.count })}{" "}
          {mailConfigured ? null : t("closing.remind.mailOff")} <Link to={paths.outbox({ consultation: consultation.id })}>{t("closing.remind.outbox")}</Link>
        </Notice>
      ) : null}
      <p className="lead">{t("closing.intro")}</p>
      <dl className="facts">
        <div>
          <dt>{t("facts.status")}</dt>
          <dd>
            <StatusBadge status={consultation.status} />
          </dd>
        </div>
        <div>
          <dt>{t("facts.deadline")}</dt>
          <dd>
            <Deadline deadline={consultation.deadline} meetingTimeZone={zone} readerTimeZone={readerTimeZone} />
          </dd>
        </div>
      </dl>
      {consultation.closedAt ? <p className="note">{t("closing.closedOn", { date: formatInstant(consultation.closedAt, i18n.language, zone) })}</p> : null}
      {!open && !consultation.closedAt ? <p className="note">{t("closing.notOpen")}</p> : null}

      <Standings delegations={page.delegations} consultationDeadline={consultation.deadline} timeZone={zone} />

      {open ? (
        <>
          <RemindPanel
            consultationId={consultation.id}
            lastReminder={page.lastReminder}
            remindedToday={page.remindedToday}
            deadlinePassed={consultation.deadline !== null && !page.early}
            nobody={!page.delegations.some((d) => needsReminder(d.standing) && d.delegates > 0)}
            timeZone={zone}
            errors={actionData?.intent === "remind" ? actionData.errors : undefined}
            errorValues={actionData?.values}
          />
          <CloseForm
            consultationId={consultation.id}
            deadline={page.early ? consultation.deadline : null}
            timeZone={zone}
            lastResult={actionData?.intent === "close" ? actionData.result : undefined}
          />
        </>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
