import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CloseForm, CloseSchema } from "~/components/closing/close-form";
import { RemindPanel } from "~/components/closing/remind-panel";
import { Standings } from "~/components/closing/standings";
import { Deadline } from "~/components/deadline";
import { StatusBadge } from "~/components/status-badge";
import { formatInstant } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { closeReflectionPeriod, getClosingPage, remindMissions } from "~/models/closing.server";
import { kickNotificationDispatch } from "~/models/outbox.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { isMailConfigured } from "~/utils/mailer.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.page.consultation.title} · Nonpaper` : "Nonpaper" },
];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

const count = (value: string | null) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 && value !== null ? n : null;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const page = await getClosingPage(user, params.consultationId);
  if (!page) notFound();
  const url = new URL(request.url);
  // Set by the action's redirects: what the officer just did.
  const reminded = count(url.searchParams.get("reminded"));
  const closed = count(url.searchParams.get("closed"));
  return {
    page,
    readerTimeZone: user.timeZone,
    mailConfigured: isMailConfigured(),
    flash:
      reminded !== null
        ? { kind: "reminded" as const, messages: reminded, delegations: count(url.searchParams.get("missions")) ?? 0 }
        : closed !== null
          ? { kind: "closed" as const, count: closed }
          : null,
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
  const here = `/consultations/${consultationId}/closing`;

  if (formData.get("intent") === "remind") {
    const result = await remindMissions(user, { consultationId, ipAddress, baseUrl });
    if (result.ok) {
      kickNotificationDispatch();
      throw redirect(`${here}?reminded=${result.messages}&missions=${result.delegations}`);
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
    throw redirect(`${here}?closed=${closed.notifications}`);
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
  const { page, readerTimeZone, mailConfigured, flash } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ClosingActionData | undefined;
  const { t, i18n } = useTranslation("consultations");
  const { consultation } = page;
  const zone = consultation.meeting.timeZone;
  const open = consultation.status === "open";
  return (
    <article className="closing stack">
      <p className="eyebrow">
        <Link to={`/consultations/${consultation.id}`} lang="en" dir="ltr">
          {consultation.title}
        </Link>
      </p>
      <h1>{t("closing.title")}</h1>
      {flash ? (
        <p className="flash" role="status">
          {flash.kind === "reminded"
            ? t("closing.remind.sent", { messages: flash.messages, delegations: flash.delegations })
            : t("closing.close.done", { count: flash.count })}{" "}
          {mailConfigured ? null : t("closing.remind.mailOff")}{" "}
          <Link to={`/outbox?consultation=${consultation.id}`}>{t("closing.remind.outbox")}</Link>
        </p>
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
            nobody={!page.delegations.some((d) => d.standing !== "submitted" && d.delegates > 0)}
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
