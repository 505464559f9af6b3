import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/form-errors";
import { DelegationPeople } from "~/components/registration-delegates";
import { PasteForm, PickForm, ReviewForm } from "~/components/registration-forms";
import { StatusBadge } from "~/components/status-badge";
import { isolate, withData } from "~/components/ui/data-text";
import type { Language } from "~/i18n/languages";
import { isActive } from "~/lib/consultation-status";
import { formatInstant } from "~/lib/dates";
import { matchNameList } from "~/lib/delegation-match";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { invitationState, timeZoneChoices } from "~/lib/invitation-rules";
import {
  InviteSchema,
  ParticipationSchema,
  RegisterSchema,
  RemoveSchema,
  ResendSchema,
  ReviewSchema,
  RevokeSchema,
  type Notice,
  type RegistrationsActionData,
} from "~/lib/registration-forms";
import {
  PARTICIPATIONS,
  buildRegistrationReview,
  canChangeRegistrations,
  toMatchable,
  type ReviewRow,
} from "~/lib/registration-review";
import { inviteDelegate, resendInvitation, revokeInvitation } from "~/models/invitation.server";
import {
  changeParticipation,
  findConsultationStatus,
  getRegistrationsPage,
  listDelegationsForMatching,
  listRegisteredDelegationIds,
  registerDelegations,
  removeRegistration,
} from "~/models/registration.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { isMailConfigured } from "~/utils/mailer.server";
import { publicBaseUrl } from "~/utils/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} · Nonpaper` : "Nonpaper" },
];

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const page = isUuid(params.consultationId) ? await getRegistrationsPage(user, params.consultationId) : null;
  if (!page) throw notFound();
  const now = new Date();
  const delegatesOf = new Map<string, typeof page.delegates>();
  for (const d of page.delegates) delegatesOf.set(d.delegationId!, [...(delegatesOf.get(d.delegationId!) ?? []), d]);
  const invitationsOf = new Map<string, (typeof page.invitations[number] & { state: ReturnType<typeof invitationState> })[]>();
  for (const i of page.invitations) {
    invitationsOf.set(i.delegationId!, [...(invitationsOf.get(i.delegationId!) ?? []), { ...i, state: invitationState(i, now) }]);
  }
  const registeredIds = new Set(page.registered.map((r) => r.delegation.id));
  return {
    consultation: page.consultation,
    canChange: canChangeRegistrations(page.consultation.status),
    canInvite: isActive(page.consultation.status),
    registered: page.registered.map((r) => {
      const people = delegatesOf.get(r.delegation.id) ?? [];
      const invited = invitationsOf.get(r.delegation.id) ?? [];
      return {
        ...r,
        delegates: people,
        invitations: invited,
        pendingCount: invited.filter((i) => i.state === "pending").length,
        // Invite in the language the delegation's delegates already use, else English.
        defaultLanguage: mostCommon(people.map((p) => p.language)) ?? "en",
      };
    }),
    delegations: page.delegations.map((d) => ({ ...d, registered: registeredIds.has(d.id) })),
    filter: new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "",
    // ?open=PER opens that delegation's delegates (the table's links), with or without JavaScript.
    openCode: new URL(request.url).searchParams.get("open")?.slice(0, 10) ?? null,
    timeZones: timeZoneChoices(),
  };
}

function mostCommon(values: Language[]): Language | null {
  const counts = new Map<Language, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const respond = (payload: RegistrationsActionData, status = 200) => data(payload, { status });
type Reply = NonNullable<RegistrationsActionData["result"]>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const consultationId = params.consultationId;
  const status = isUuid(consultationId) ? await findConsultationStatus(consultationId) : null;
  if (!isUuid(consultationId) || !status) throw notFound();
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const ipAddress = clientAddress(context);
  const origin = publicBaseUrl(request);
  const locked = (result: Reply, extra: Partial<RegistrationsActionData> = {}) =>
    respond({ intent, ...extra, result }, 409);

  switch (intent) {
    case "review": {
      const submission = parseWithZod(formData, { schema: ReviewSchema });
      if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
      if (!canChangeRegistrations(status)) return locked(submission.reply({ formErrors: ["registrations:errors.locked"] }));
      const review = await reviewNames(consultationId, submission.value.names);
      if (!review.length) {
        return respond({ intent, result: submission.reply({ fieldErrors: { names: ["registrations:errors.noNamesFound"] } }) }, 400);
      }
      return respond({ intent, result: submission.reply(), review, names: submission.value.names });
    }

    case "register": {
      const submission = parseWithZod(formData, { schema: RegisterSchema });
      const source = formData.get("source") === "review" ? "review" : "pick";
      // From the review, a refusal shows the review again, with what the officer ticked.
      const names = typeof formData.get("names") === "string" ? String(formData.get("names")) : undefined;
      const again = async () =>
        source === "review" && names ? { review: await reviewNames(consultationId, names), names } : {};
      if (submission.status !== "success") {
        return respond({ intent, source, result: submission.reply(), ...(await again()) }, 400);
      }
      const result = await registerDelegations(user, {
        consultationId,
        delegationIds: submission.value.delegationId,
        participation: submission.value.participation,
        ipAddress,
      });
      if (result.ok) {
        return respond({
          intent,
          source,
          result: submission.reply({ resetForm: true }),
          notice: { kind: "registered", added: result.added, alreadyRegistered: result.alreadyRegistered },
        });
      }
      if (result.reason === "not_found") throw notFound();
      const message = result.reason === "wrong_status" ? "registrations:errors.locked" : "registrations:errors.unknownDelegation";
      return respond(
        { intent, source, result: submission.reply({ formErrors: [message] }), ...(await again()) },
        result.reason === "wrong_status" ? 409 : 400,
      );
    }

    case "remove": {
      const submission = parseWithZod(formData, { schema: RemoveSchema });
      if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
      const { delegationId } = submission.value;
      const result = await removeRegistration(user, { consultationId, delegationId, ipAddress });
      if (result.ok) return respond({ intent, delegationId, notice: { kind: "removed", code: result.code } });
      const message = {
        not_found: "registrations:errors.notRegistered",
        wrong_status: "registrations:errors.locked",
        has_submission: "registrations:errors.hasSubmission",
      }[result.reason];
      return respond(
        { intent, delegationId, result: submission.reply({ formErrors: [message] }) },
        result.reason === "not_found" ? 404 : 409,
      );
    }

    case "participation": {
      const submission = parseWithZod(formData, { schema: ParticipationSchema });
      if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
      const { delegationId, participation: chosen } = submission.value;
      const result = await changeParticipation(user, { consultationId, delegationId, participation: chosen, ipAddress });
      if (result.ok) {
        return respond({ intent, delegationId, notice: { kind: "participationChanged", delegationId, participation: chosen } });
      }
      const message = {
        not_found: "registrations:errors.notRegistered",
        wrong_status: "registrations:errors.locked",
        unchanged: "registrations:errors.unchanged",
      }[result.reason];
      return respond(
        { intent, delegationId, result: submission.reply({ formErrors: [message] }) },
        result.reason === "not_found" ? 404 : result.reason === "unchanged" ? 400 : 409,
      );
    }

    case "invite": {
      const submission = parseWithZod(formData, { schema: InviteSchema });
      const delegationId = String(formData.get("delegationId") ?? "");
      if (submission.status !== "success") return respond({ intent, delegationId, result: submission.reply() }, 400);
      const value = submission.value;
      const result = await inviteDelegate(user, {
        consultationId,
        delegationId: value.delegationId,
        email: value.email,
        name: value.name,
        language: value.language,
        timeZone: value.timeZone || null,
        origin,
        ipAddress,
      });
      if (result.ok) {
        return respond({
          intent,
          delegationId,
          result: submission.reply({ resetForm: true }),
          notice: { kind: "invited", email: result.email, expiresAt: result.expiresAt, ...queuedLink(result.link) },
        });
      }
      const refusal = {
        not_found: { message: "registrations:errors.notRegistered", status: 404 },
        wrong_status: { message: "registrations:errors.inviteLocked", status: 409 },
        already_delegate: { message: "registrations:errors.alreadyDelegate", status: 409 },
        email_taken: { message: "registrations:errors.emailTaken", status: 409 },
      }[result.reason];
      const reply =
        result.reason === "already_delegate" || result.reason === "email_taken"
          ? submission.reply({ fieldErrors: { email: [refusal.message] } })
          : submission.reply({ formErrors: [refusal.message] });
      return respond({ intent, delegationId, result: reply }, refusal.status);
    }

    case "resend":
    case "revoke": {
      const submission = parseWithZod(formData, { schema: intent === "resend" ? ResendSchema : RevokeSchema });
      if (submission.status !== "success") return respond({ intent, result: submission.reply() }, 400);
      const invitationId = submission.value.invitationId;
      if (intent === "resend") {
        const result = await resendInvitation(user, { consultationId, invitationId, origin, ipAddress });
        if (result.ok) {
          return respond({
            intent,
            delegationId: result.delegationId,
            notice: { kind: "resent", email: result.email, expiresAt: result.expiresAt, ...queuedLink(result.link) },
          });
        }
        const message =
          result.reason === "wrong_status"
            ? "registrations:errors.inviteLocked"
            : result.reason === "already_delegate" || result.reason === "email_taken"
              ? "registrations:errors.emailTaken"
              : "registrations:errors.invitationGone";
        return respond({ intent, result: submission.reply({ formErrors: [message] }) }, result.reason === "not_found" ? 404 : 409);
      }
      const result = await revokeInvitation(user, { consultationId, invitationId, ipAddress });
      if (result.ok) {
        return respond({ intent, delegationId: result.delegationId ?? undefined, notice: { kind: "revoked", email: result.email } });
      }
      return respond(
        { intent, result: submission.reply({ formErrors: ["registrations:errors.invitationGone"] }) },
        result.reason === "not_found" ? 404 : 409,
      );
    }

    default:
      throw data({ reason: "bad_intent" }, { status: 400 });
  }
}

/** Matches pasted names against every delegation and marks those already registered: two queries. */
async function reviewNames(consultationId: string, names: string): Promise<ReviewRow[]> {
  const [delegations, registered] = await Promise.all([listDelegationsForMatching(), listRegisteredDelegationIds(consultationId)]);
  return buildRegistrationReview(matchNameList(names, delegations.map(toMatchable)), registered);
}

// ---------------------------------------------------------------------------------------
// Page

export default function RegistrationsPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as RegistrationsActionData | undefined;
  const { t, i18n } = useTranslation("registrations");
  const language = i18n.language as Language;
  const { consultation, registered, canChange, canInvite } = page;
  const byCode = new Map(page.delegations.map((d) => [d.code, d]));
  const byId = new Map(page.delegations.map((d) => [d.id, d]));
  const nameOfCode = (code: string) => {
    const d = byCode.get(code);
    return d ? delegationName(d, language) : code;
  };
  // Names in the reader's alphabetical order, joined as the language joins a list ("A, B and C").
  const list = (codes: string[]) =>
    new Intl.ListFormat(language, { type: "conjunction" }).format(
      codes.map(nameOfCode).sort(new Intl.Collator(language).compare),
    );
  // Errors of the one-button forms in table rows are shown at the top of the page.
  const rowErrors =
    actionData && ["remove", "participation", "resend", "revoke"].includes(actionData.intent)
      ? actionData.result?.error?.[""] ?? undefined
      : undefined;
  // What happened to one delegation's invitations is said beside them; the rest at the top.
  const notice = actionData?.notice;
  const isInvitationNotice = notice ? ["invited", "resent", "revoked"].includes(notice.kind) : false;
  const noticeText = (n: Notice) => (
    <NoticeText
      notice={n}
      list={list}
      nameOfId={(id) => {
        const d = byId.get(id);
        return d ? delegationName(d, language) : "";
      }}
      timeZone={consultation.meeting.timeZone}
      consultationId={consultation.id}
    />
  );
  const topMessage = useRef<HTMLDivElement>(null);
  // With JavaScript the page does not reload: bring the result of a table or list action into
  // view (and focus, for keyboard and screen-reader users whose button may have gone).
  useEffect(() => {
    if ((notice && !isInvitationNotice) || rowErrors) topMessage.current?.focus();
  }, [actionData]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <article className="registrations">
      <p className="eyebrow">
        <Link to={`/consultations/${consultation.id}`}>
          <bdi>{consultation.title}</bdi>
        </Link>
        {" · "}
        <bdi lang="en">{consultation.meeting.symbolPrefix}</bdi>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p className="registrations__status">
        <StatusBadge status={consultation.status} /> <strong>{t("count", { count: registered.length })}</strong>
      </p>
      {!canChange ? <p className="note">{t("lockedNote")}</p> : null}
      {!canInvite ? <p className="note">{t("inviteLockedNote")}</p> : null}

      <div ref={topMessage} tabIndex={-1} className="registrations__messages">
        <div aria-live="polite" role="status" className="registrations__notice-region">
          {notice && !isInvitationNotice ? noticeText(notice) : null}
        </div>
        <FormErrors errors={rowErrors} />
      </div>

      <section aria-labelledby="registered-title" className="panel">
        <h2 id="registered-title">{t("table.caption")}</h2>
        {registered.length === 0 ? (
          <p className="empty">{t("table.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table registrations__table">
              <caption className="visually-hidden">{t("table.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("table.delegation")}</th>
                  <th scope="col">{t("table.participation")}</th>
                  <th scope="col" className="numeric">
                    {t("table.delegates")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("table.pending")}
                  </th>
                  {canChange ? <th scope="col">{t("table.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {registered.map((r) => {
                  const english = r.delegation.nameEn;
                  const local = delegationName(r.delegation, language);
                  return (
                    <tr key={r.id}>
                      <th scope="row">
                        <span lang="en" dir="ltr">
                          {english}
                        </span>
                        {local !== english ? (
                          <span className="registrations__local-name" lang={language}>
                            {local}
                          </span>
                        ) : null}
                      </th>
                      <td>
                        {canChange ? (
                          <Form method="post" className="registrations__inline-form">
                            <input type="hidden" name="intent" value="participation" />
                            <input type="hidden" name="delegationId" value={r.delegation.id} />
                            <label className="visually-hidden" htmlFor={`participation-${r.id}`}>
                              {t("table.participationOf", { delegation: local })}
                            </label>
                            <select id={`participation-${r.id}`} name="participation" defaultValue={r.participation}>
                              {PARTICIPATIONS.map((p) => (
                                <option key={p} value={p}>
                                  {t(`participation.${p}`)}
                                </option>
                              ))}
                            </select>
                            <button type="submit" className="button button--secondary button--small">
                              {t("table.change")}
                              <span className="visually-hidden"> · {t("table.participationOf", { delegation: local })}</span>
                            </button>
                          </Form>
                        ) : (
                          t(`participation.${r.participation}`)
                        )}
                      </td>
                      <td className="numeric">
                        <Link to={`?open=${r.delegation.code}#delegation-${r.delegation.code}`}>
                          {r.delegates.length}
                          <span className="visually-hidden"> · {t("table.delegatesOf", { delegation: local })}</span>
                        </Link>
                      </td>
                      <td className="numeric">{r.pendingCount}</td>
                      {canChange ? (
                        <td>
                          {r.hasSubmission ? (
                            <span className="muted">{t("table.hasSubmission")}</span>
                          ) : (
                            <Form method="post">
                              <input type="hidden" name="intent" value="remove" />
                              <input type="hidden" name="delegationId" value={r.delegation.id} />
                              <button
                                type="submit"
                                className="button button--secondary button--small button--danger"
                                aria-label={t("table.removeLabel", { delegation: local })}
                              >
                                {t("table.remove")}
                              </button>
                            </Form>
                          )}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canChange ? (
        <section aria-labelledby="add-title" className="panel">
          <h2 id="add-title">{t("add.title")}</h2>
          <div className="registrations__add">
            <PickForm
              delegations={page.delegations}
              initialFilter={page.filter}
              lastResult={actionData?.intent === "register" && actionData.source !== "review" ? actionData.result : undefined}
            />
            <PasteForm lastResult={actionData?.intent === "review" ? actionData.result : undefined} names={actionData?.names} />
          </div>
          {actionData?.review ? (
            <ReviewForm
              rows={actionData.review}
              names={actionData.names ?? ""}
              delegations={byId}
              lastResult={actionData.intent === "register" ? actionData.result : undefined}
            />
          ) : null}
        </section>
      ) : null}

      {registered.length ? (
        <section aria-labelledby="delegates-title" className="panel">
          <h2 id="delegates-title">{t("delegates.title")}</h2>
          <p className="muted">{t("delegates.intro")}</p>
          <datalist id="time-zones">
            {page.timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {registered.map((r) => (
            <DelegationPeople
              key={r.id}
              registration={r}
              canInvite={canInvite}
              timeZone={consultation.meeting.timeZone}
              open={actionData?.delegationId === r.delegation.id || page.openCode === r.delegation.code}
              notice={notice && isInvitationNotice && actionData?.delegationId === r.delegation.id ? noticeText(notice) : null}
              lastResult={actionData?.intent === "invite" && actionData.delegationId === r.delegation.id ? actionData.result : undefined}
            />
          ))}
        </section>
      ) : null}
    </article>
  );
}

function NoticeText({
  notice,
  list,
  nameOfId,
  timeZone,
  consultationId,
}: {
  notice: Notice;
  list: (codes: string[]) => string;
  nameOfId: (id: string) => string;
  /** The meeting's zone, in which the consultation states its deadlines. */
  timeZone: string;
  consultationId: string;
}) {
  const { t, i18n } = useTranslation("registrations");
  const date = (value: Date | string) => formatInstant(value, i18n.language, timeZone);
  switch (notice.kind) {
    case "registered":
      return (
        <div className="notice">
          {notice.added.length ? <p>{withData(t("notices.registered", { names: isolate(list(notice.added)) }))}</p> : null}
          {notice.alreadyRegistered.length ? <p>{withData(t("notices.alreadyRegistered", { names: isolate(list(notice.alreadyRegistered)) }))}</p> : null}
        </div>
      );
    case "removed":
      return <p className="notice">{withData(t("notices.removed", { delegation: isolate(list([notice.code])) }))}</p>;
    case "participationChanged":
      return (
        <p className="notice">
          {withData(
            t("notices.participationChanged", {
              delegation: isolate(nameOfId(notice.delegationId)),
              participation: t(`participation.${notice.participation}`),
            }),
          )}
        </p>
      );
    // Without a mail server nothing was sent: say where the message waits, not that it went.
    case "invited":
      return (
        <p className="notice">
          {withData(t(notice.queued ? "notices.invitedQueued" : "notices.invited", { email: isolate(notice.email), date: date(notice.expiresAt) }))}
          {notice.queued ? <OutboxLink consultationId={consultationId} /> : null}
          {notice.link ? <LinkOnce link={notice.link} /> : null}
        </p>
      );
    case "resent":
      return (
        <p className="notice">
          {withData(t(notice.queued ? "notices.resentQueued" : "notices.resent", { email: isolate(notice.email) }))}
          {notice.queued ? <OutboxLink consultationId={consultationId} /> : null}
          {notice.link ? <LinkOnce link={notice.link} /> : null}
        </p>
      );
    case "revoked":
      return <p className="notice">{withData(t("notices.revoked", { email: isolate(notice.email) }))}</p>;
  }
}


// Without a mail server the officer hands the link over; the outbox keeps it hidden, so this is the only time it shows.
function LinkOnce({ link }: { link: string }) {
  const { t } = useTranslation("registrations");
  return (
    <span className="notice__link">
      {" "}
      {t("notices.linkOnce")} <code dir="ltr">{link}</code>
    </span>
  );
}

/** Whether the message waits (no mail server), and then the link to hand over. */
function queuedLink(link: string) {
  return isMailConfigured() ? { queued: false } : { queued: true, link };
}

function OutboxLink({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation("registrations");
  return (
    <>
      {" "}
      <Link to={`/outbox?consultation=${consultationId}`}>{t("notices.outboxLink")}</Link>
    </>
  );
}
