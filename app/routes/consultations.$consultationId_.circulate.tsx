import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Deadline } from "~/components/deadline";
import { FormErrors } from "~/components/form-errors";
import { StatusBadge } from "~/components/status-badge";
import { isolate, withData } from "~/components/ui/data-text";
import { LANGUAGES, type Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { MAX_COVERING_NOTE, normalizeNote } from "~/lib/note-verbale";
import {
  circulateConsultation,
  closeReflectionPeriod,
  getCirculationPage,
  saveCoveringNote,
  type CirculationBlocker,
} from "~/models/circulation.server";
import { kickNotificationDispatch } from "~/models/outbox.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { isMailConfigured } from "~/utils/mailer.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.page.consultation.title} · Nonpaper` : "Nonpaper" },
];

const note = z
  .string({ required_error: "circulation:errors.noteRequired" })
  .transform(normalizeNote)
  .pipe(z.string().min(1, "circulation:errors.noteRequired").max(MAX_COVERING_NOTE, "circulation:errors.noteTooLong"));

// One form with three buttons (save, regenerate, circulate) and a separate one to close.
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), coveringNote: note }),
  z.object({ intent: z.literal("regenerate"), coveringNote: z.string().optional() }),
  z.object({
    intent: z.literal("circulate"),
    coveringNote: note,
    confirm: z.literal("on", { errorMap: () => ({ message: "circulation:errors.confirmRequired" }) }),
  }),
  z.object({
    intent: z.literal("close"),
    // Required before the deadline; the model decides (the closing page is where officers close).
    reason: z.string().optional(),
    confirmClose: z.literal("on", { errorMap: () => ({ message: "circulation:errors.confirmCloseRequired" }) }),
  }),
]);

const blockerMessage: Record<CirculationBlocker, string> = {
  no_points: "circulation:errors.noPoints",
  no_registrations: "circulation:errors.noRegistrations",
  no_deadline: "circulation:errors.noDeadline",
  deadline_passed: "circulation:errors.deadlinePassed",
};

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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const consultationId = params.consultationId;
  const submission = parseWithZod(await request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), regenerated: null }, { status: 400 });
  }
  const value = submission.value;
  const ipAddress = clientAddress(context);
  const here = `/consultations/${consultationId}/circulate`;

  if (value.intent === "regenerate") {
    // The draft goes back into the text box only; the saved note changes when the officer saves.
    const page = await getCirculationPage(user, consultationId, { baseUrl: publicBaseUrl(request) });
    if (!page) notFound();
    return data({ result: null, regenerated: { text: page.note.generated, nonce: Date.now() } });
  }

  if (value.intent === "save") {
    const saved = await saveCoveringNote(user, { consultationId, coveringNote: value.coveringNote, ipAddress });
    if (saved.ok) throw redirect(`${here}?saved=1`);
    if (saved.reason === "not_found") notFound();
    return data({ result: submission.reply({ formErrors: ["circulation:errors.notDraft"] }), regenerated: null }, { status: 409 });
  }

  if (value.intent === "circulate") {
    const result = await circulateConsultation(user, {
      consultationId,
      coveringNote: value.coveringNote,
      baseUrl: publicBaseUrl(request),
      ipAddress,
    });
    if (result.ok) {
      // Sending starts now, after the commit; the page does not wait for the mail server.
      kickNotificationDispatch();
      throw redirect(`/consultations/${consultationId}?circulated=${result.number}`);
    }
    if (result.reason === "not_found") notFound();
    const formErrors =
      result.reason === "blocked"
        ? (result.blockers ?? []).map((b) => blockerMessage[b])
        : result.reason === "not_draft"
          ? ["circulation:errors.notDraft"]
          : [`circulation:errors.${result.reason === "note_too_long" ? "noteTooLong" : "noteRequired"}`];
    return data({ result: submission.reply({ formErrors }), regenerated: null }, { status: 409 });
  }

  const closed = await closeReflectionPeriod(user, { consultationId, reason: value.reason ?? null, ipAddress, baseUrl: publicBaseUrl(request) });
  if (closed.ok) {
    kickNotificationDispatch();
    throw redirect(`${here}?closed=1`);
  }
  if (closed.reason === "not_found") notFound();
  const closeError = {
    not_open: "circulation:errors.notOpen",
    reason_required: "consultations:closing.errors.reasonRequired",
    reason_too_long: "consultations:closing.errors.reasonTooLong",
    invalid: "consultations:closing.errors.reasonInvalid",
  }[closed.reason];
  return data({ result: submission.reply({ formErrors: [closeError] }), regenerated: null }, { status: closed.reason === "not_open" ? 409 : 400 });
}

export default function CirculationPage() {
  const { page, flash } = useLoaderData<typeof loader>();
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
      {consultation.status === "draft" ? <DraftView /> : <CirculatedView />}
    </article>
  );
}

function DraftView() {
  const { page, mailConfigured } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("circulation");
  const language = i18n.language as Language;
  const { consultation, checklist, recipients } = page;
  const id = consultation.id;
  const regenerated = actionData?.regenerated ?? null;
  const [form, fields] = useForm({
    // A new id when the draft is regenerated, so that the text box takes the new text.
    id: regenerated ? `circulate-${id}-${regenerated.nonce}` : `circulate-${id}`,
    lastResult: regenerated ? undefined : actionData?.result,
    defaultValue: { coveringNote: regenerated?.text ?? page.note.saved ?? page.note.generated },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionSchema }),
  });
  const blocked = checklist.blockers.length > 0;
  const has = (b: CirculationBlocker) => checklist.blockers.includes(b);
  const deadlineText = checklist.deadline
    ? formatInstant(checklist.deadline, i18n.language, consultation.meeting.timeZone)
    : null;
  const busy = navigation.state !== "idle";

  return (
    <>
      <p className="lead">{t("intro", { number: page.nextNonPaperNumber })}</p>

      <section className="panel" aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t("checklist.title")}</h2>
        <ul className="circulation-checklist">
          <ChecklistItem
            state={has("no_points") ? "todo" : "done"}
            text={
              has("no_points")
                ? t("checklist.points.missing")
                : t("checklist.points.ok", { count: checklist.points, items: t("checklist.points.items", { count: checklist.agendaItemsWithPoints }) })
            }
            link={{ to: `/consultations/${id}/agenda`, label: t("checklist.points.link") }}
          />
          {checklist.pointsWithBrackets > 0 ? (
            <ChecklistItem
              state="warning"
              text={t("checklist.brackets", { count: checklist.pointsWithBrackets })}
              link={{ to: `/consultations/${id}/agenda`, label: t("checklist.points.link") }}
            />
          ) : null}
          <ChecklistItem
            state={has("no_registrations") ? "todo" : "done"}
            text={has("no_registrations") ? t("checklist.registrations.missing") : t("checklist.registrations.ok", { count: checklist.registrations })}
            link={{ to: `/consultations/${id}/registrations`, label: t("checklist.registrations.link") }}
          />
          {checklist.unreachedDelegations.length > 0 ? (
            <ChecklistItem
              state="warning"
              text={t("checklist.unreached", {
                count: checklist.unreachedDelegations.length,
                names: checklist.unreachedDelegations.map((d) => isolate(delegationName(d, language))).join(t("listSeparator")),
              })}
              link={{ to: `/consultations/${id}/registrations`, label: t("checklist.invite") }}
            />
          ) : null}
          <ChecklistItem
            state={has("no_deadline") || has("deadline_passed") ? "todo" : "done"}
            text={
              has("no_deadline")
                ? t("checklist.deadline.missing")
                : has("deadline_passed")
                  ? t("checklist.deadline.passed", { deadline: deadlineText })
                  : t("checklist.deadline.ok", { deadline: deadlineText })
            }
            link={{ to: `/consultations/${id}/edit`, label: t("checklist.deadline.link") }}
          />
        </ul>
      </section>

      {/* Posting to the bare address drops a "?saved" notice that no longer applies. */}
      <Form method="post" action={`/consultations/${id}/circulate`} {...getFormProps(form)}>
        <section className="panel stack" aria-labelledby="note-title">
          <h2 id="note-title">{t("note.title")}</h2>
          <p className="muted">{t("note.help")}</p>
          <p className="muted">
            {regenerated ? t("note.regenerated") : page.note.saved ? t("note.fromSaved") : t("note.fromData")}
          </p>
          <div className="field">
            <label htmlFor={fields.coveringNote.id}>{t("note.label")}</label>
            <textarea
              {...getTextareaProps(fields.coveringNote)}
              key={fields.coveringNote.key}
              rows={22}
              lang="en"
              dir="ltr"
              className="circulation__note-input"
            />
            <FormErrors id={fields.coveringNote.errorId} errors={fields.coveringNote.errors} />
          </div>
          <div className="circulation__buttons">
            <button type="submit" name="intent" value="save" className="button button--secondary" disabled={busy}>
              {t("note.save")}
            </button>
            <button type="submit" name="intent" value="regenerate" className="button button--secondary" disabled={busy}>
              {t("note.regenerate")}
            </button>
          </div>
        </section>

        <section className="panel stack" aria-labelledby="summary-title">
          <h2 id="summary-title">{t("summary.title")}</h2>
          <ul className="circulation__summary">
            <li>{t("summary.freeze", { count: checklist.points, number: page.nextNonPaperNumber })}</li>
            <li>{t("summary.open")}</li>
            <li>
              <NotifySummary {...recipients} />
            </li>
            <li>
              {mailConfigured ? t("summary.mailConfigured") : t("summary.mailNotConfigured")}{" "}
              <Link to={`/outbox?consultation=${id}`}>{t("summary.outboxLink")}</Link>
            </li>
          </ul>
          <FormErrors id={form.errorId} errors={form.errors} />
          {blocked ? <p className="circulation__warning">{t("confirm.blocked")}</p> : null}
          <div className="circulation__confirm">
            <input {...getInputProps(fields.confirm, { type: "checkbox" })} key={fields.confirm.key} disabled={blocked} />
            <label htmlFor={fields.confirm.id}>{t("confirm.label", { number: page.nextNonPaperNumber })}</label>
          </div>
          <FormErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
          <button type="submit" name="intent" value="circulate" className="button" disabled={blocked || busy}>
            {t("confirm.button")}
          </button>
        </section>
      </Form>
    </>
  );
}

/** Who will be notified, in a sentence that leaves out a count of zero. */
function NotifySummary({ delegates, invitees, delegations }: { delegates: number; invitees: number; delegations: number }) {
  const { t } = useTranslation("circulation");
  if (delegates + invitees === 0) return <>{t("summary.notifyNobody")}</>;
  const ofDelegations = t("summary.delegations", { count: delegations });
  const delegatesText = t("summary.delegates", { count: delegates });
  const inviteesText = t("summary.invitees", { count: invitees });
  if (delegates === 0 || invitees === 0) {
    return <>{t("summary.notifyOnly", { people: delegates === 0 ? inviteesText : delegatesText, delegations: ofDelegations })}</>;
  }
  return <>{t("summary.notify", { delegates: delegatesText, invitees: inviteesText, delegations: ofDelegations })}</>;
}

function ChecklistItem({
  state,
  text,
  link,
}: {
  state: "done" | "todo" | "warning";
  text: string;
  link: { to: string; label: string };
}) {
  const { t } = useTranslation("circulation");
  return (
    <li className={`circulation-checklist__item circulation-checklist__item--${state}`}>
      <span className={`badge circulation-checklist__state circulation-checklist__state--${state}`}>{t(`checklist.state.${state}`)}</span>
      <span className="circulation-checklist__text">{withData(text)}</span>
      {state === "done" ? null : <Link to={link.to}>{link.label}</Link>}
    </li>
  );
}

function CirculatedView() {
  const { page, readerTimeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("circulation");
  const { t: tc } = useTranslation("consultations");
  const { consultation, nonPaper, notifications, notificationCounts: counts } = page;
  const zone = consultation.meeting.timeZone;
  const beforeDeadline = consultation.deadline !== null && new Date(consultation.deadline).getTime() > Date.now();
  return (
    <>
      <section className="panel" aria-labelledby="nonpaper-title">
        <h2 id="nonpaper-title">{nonPaper ? t("circulated.nonPaper", { number: nonPaper.number }) : t("circulated.noNonPaper")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("circulated.status")}</dt>
            <dd>
              <StatusBadge status={consultation.status} />
            </dd>
          </div>
          {nonPaper ? (
            <>
              <div>
                <dt>{t("circulated.on")}</dt>
                <dd>{formatInstant(nonPaper.circulatedAt, i18n.language, zone)}</dd>
              </div>
              <div>
                <dt>{t("circulated.by")}</dt>
                <dd>{nonPaper.circulatedByName ?? "—"}</dd>
              </div>
              <div>
                <dt>{t("circulated.points")}</dt>
                <dd>{t("circulated.pointCount", { count: nonPaper.points })}</dd>
              </div>
            </>
          ) : null}
          <div>
            <dt>{t("circulated.deadline")}</dt>
            <dd>
              <Deadline deadline={consultation.deadline} meetingTimeZone={zone} readerTimeZone={readerTimeZone} />
            </dd>
          </div>
          {consultation.closedAt ? (
            <div>
              <dt>{t("circulated.closedOn")}</dt>
              <dd>{formatInstant(consultation.closedAt, i18n.language, zone)}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {nonPaper ? (
        <section className="panel" aria-labelledby="sent-note-title">
          <h2 id="sent-note-title">{t("circulated.noteTitle")}</h2>
          {nonPaper.coveringNote ? (
            <div className="circulation__note" lang="en" dir="ltr">
              {nonPaper.coveringNote.split("\n\n").map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
          ) : (
            <p className="empty">{t("circulated.noNote")}</p>
          )}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="notifications-title">
        <h2 id="notifications-title">{t("notifications.title")}</h2>
        <p>
          {t("notifications.summary", {
            sent: t("notifications.sent", { count: counts.sent }),
            pending: t("notifications.pending", { count: counts.pending }),
            failed: t("notifications.failed", { count: counts.failed }),
          })}{" "}
          <Link to={`/outbox?consultation=${consultation.id}`}>{t("notifications.outboxLink")}</Link>
        </p>
        {notifications.length === 0 ? (
          <p className="empty">{t("notifications.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t("notifications.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.recipient")}</th>
                  <th scope="col">{t("columns.language")}</th>
                  <th scope="col">{t("columns.status")}</th>
                  <th scope="col" className="numeric">
                    {t("columns.attempts")}
                  </th>
                  <th scope="col">{t("columns.sent")}</th>
                </tr>
              </thead>
              <tbody>
                {notifications.map((n) => (
                  <tr key={n.id}>
                    <th scope="row" dir="ltr">
                      {n.recipientEmail}
                    </th>
                    <td lang={n.language}>{LANGUAGES.find((l) => l.code === n.language)?.nativeName}</td>
                    <td>
                      <span className={`badge outbox-status outbox-status--${n.status}`}>{t(`outboxStatus.${n.status}`)}</span>
                      {n.lastError ? (
                        <span className="outbox-error" dir="ltr">
                          {n.lastError}
                        </span>
                      ) : null}
                    </td>
                    <td className="numeric">{n.attempts}</td>
                    <td>{n.sentAt ? formatInstant(n.sentAt, i18n.language, zone) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {consultation.status === "open" ? (
        <section className="panel stack" aria-labelledby="close-title">
          <h2 id="close-title">{t("close.title")}</h2>
          <p>{t("close.help")}</p>
          {beforeDeadline ? <p className="circulation__warning">{t("close.beforeDeadline")}</p> : null}
          <FormErrors errors={actionData?.result?.error?.[""] ?? undefined} />
          {/* Who has not submitted, reminders and the reason for an early closing: one page. */}
          <p>
            <Link to={`/consultations/${consultation.id}/closing`} className="button">
              {tc("closing.link")}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
