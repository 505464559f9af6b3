import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors } from "~/components/form-errors";
import { FormField } from "~/components/form-field";
import { StatusBadge } from "~/components/status-badge";
import { isolate, withData } from "~/components/ui/data-text";
import type { Language } from "~/i18n/languages";
import { formatInstant, instantFromWallClock, wallClockIn } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { isReceiptNumber } from "~/lib/receipts";
import { MAX_DECISION_REASON, normalizeCommentText, textProblems, type RevisionState } from "~/lib/submission-rules";
import { kickNotificationDispatch } from "~/models/outbox.server";
import { isDelegationCode, listDelegationRevisions } from "~/models/submission-history.server";
import { decideLateSubmission, extendDeadline, listSubmissionsForSecretariat } from "~/models/submission.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} · Nonpaper` : "Nonpaper" },
];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

/** Where a delegation stands, from its latest revision (a draft's content is never shown here). */
const ROW_STATUSES = ["none", "draft", "submitted", "late_pending", "late_accepted", "late_declined", "withdrawn"] as const;
type RowStatus = (typeof ROW_STATUSES)[number];
const isRowStatus = (value: string | null): value is RowStatus => ROW_STATUSES.includes(value as RowStatus);

function rowStatus(row: { submission: unknown; latest: { state: RevisionState; late: string | null } | null }): RowStatus {
  if (!row.latest) return row.submission ? "draft" : "none";
  switch (row.latest.state) {
    case "withdrawn":
      return "withdrawn";
    case "pending":
      return "late_pending";
    case "declined":
      return "late_declined";
    default:
      // The latest revision is never superseded: only a later one supersedes.
      return row.latest.late === "accepted" ? "late_accepted" : "submitted";
  }
}

const E = (key: string) => `submissions:secretariat.errors.${key}`;

const DecisionSchema = z.object({
  intent: z.literal("decide"),
  revisionId: z.string({ required_error: "submissions:errors.invalid" }).uuid("submissions:errors.invalid"),
  // The same rule as isDelegationCode, which lives in a server module.
  delegationCode: z.string({ required_error: "submissions:errors.invalid" }).regex(/^[A-Z]{2,3}$/, "submissions:errors.invalid"),
  decision: z.enum(["accepted", "declined"], { errorMap: () => ({ message: E("chooseDecision") }) }),
  reason: z
    .string({ required_error: "submissions:errors.reasonRequired" })
    .transform(normalizeCommentText)
    // Conform reads an empty text as missing, also after the transform: both say "required".
    .pipe(
      z
        .string({ required_error: "submissions:errors.reasonRequired" })
        .min(1, "submissions:errors.reasonRequired")
        .max(MAX_DECISION_REASON, "submissions:errors.reasonTooLong")
        // Control and bidi-override characters (the length has its own message above).
        .refine((value) => textProblems(value, Infinity).length === 0, E("reasonInvisible")),
    ),
});

const ExtendSchema = z.object({
  intent: z.literal("extend"),
  delegationId: z.string({ required_error: E("chooseDelegation") }).uuid(E("chooseDelegation")),
  date: z.string({ required_error: "consultations:errors.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "consultations:errors.dateInvalid"),
  time: z.string({ required_error: "consultations:errors.required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "consultations:errors.timeInvalid"),
});

const ActionSchema = z.discriminatedUnion("intent", [DecisionSchema, ExtendSchema]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const page = await listSubmissionsForSecretariat(user, params.consultationId);
  if (!page) notFound();
  const url = new URL(request.url);
  const wanted = url.searchParams.get("status");
  const filter = isRowStatus(wanted) ? wanted : null;
  const rows = page.rows.map((row) => ({ ...row, status: rowStatus(row) }));
  const totals = Object.fromEntries(ROW_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<RowStatus, number>;

  // The confirmation after a redirect: only well-formed values, and names from the data.
  const done = url.searchParams.get("done");
  const code = url.searchParams.get("code");
  const receipt = url.searchParams.get("receipt");
  const flashRow = isDelegationCode(code) ? rows.find((r) => r.delegation.code === code) : undefined;
  const flash =
    flashRow && (done === "accepted" || done === "declined") && receipt && isReceiptNumber(receipt)
      ? { kind: done as "accepted" | "declined", delegation: flashRow.delegation, receipt }
      : flashRow && done === "extended"
        ? { kind: "extended" as const, delegation: flashRow.delegation, until: flashRow.deadline }
        : null;
  const extendCode = url.searchParams.get("extend");
  const { status } = page.consultation;

  return {
    consultation: page.consultation,
    readerTimeZone: user.timeZone,
    rows: filter ? rows.filter((r) => r.status === filter) : rows,
    registered: rows.length,
    totals,
    filter,
    flash,
    pending: rows.filter((r) => r.status === "late_pending"),
    // The model refuses decisions only once the CRP is compiled, extensions unless open.
    canDecide: status === "open" || status === "closed",
    canExtend: status === "open",
    delegations: rows.map((r) => ({ id: r.delegation.id, code: r.delegation.code, nameEn: r.delegation.nameEn })),
    extendFor: isDelegationCode(extendCode) ? (rows.find((r) => r.delegation.code === extendCode)?.delegation.id ?? null) : null,
    // The form starts at the consultation's deadline on the meeting's clock.
    deadlineWallClock: page.consultation.deadline ? wallClockIn(page.consultation.deadline, page.consultation.timeZone) : null,
  };
}

type ActionResult = {
  intent: "decide" | "extend" | null;
  /** The revision or delegation the form was about, so that only that form shows the answer. */
  target: string | null;
  result: SubmissionResult<string[]>;
};

const respond = (payload: ActionResult, status: number) => data(payload, { status });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const consultationId = params.consultationId;
  const page = await listSubmissionsForSecretariat(user, consultationId);
  if (!page) notFound();
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ActionSchema });
  const intent = formData.get("intent");
  const target = String(formData.get(intent === "extend" ? "delegationId" : "revisionId") ?? "") || null;
  const known = intent === "decide" || intent === "extend" ? intent : null;
  if (submission.status !== "success") return respond({ intent: known, target, result: submission.reply() }, 400);
  const value = submission.value;
  const ipAddress = clientAddress(context);
  const baseUrl = publicBaseUrl(request);
  const here = `/consultations/${consultationId}/submissions`;

  if (value.intent === "decide") {
    // The revision must be this delegation's, in this consultation; anything else is not found.
    const history = await listDelegationRevisions(user, { consultationId, delegationCode: value.delegationCode });
    if (!history?.revisions.some((r) => r.id === value.revisionId)) notFound();
    const decided = await decideLateSubmission(user, {
      revisionId: value.revisionId,
      decision: value.decision,
      reason: value.reason,
      ipAddress,
      baseUrl,
    });
    if (decided.ok) {
      kickNotificationDispatch();
      throw redirect(`${here}?${new URLSearchParams({ done: decided.decision, code: value.delegationCode, receipt: decided.receiptNumber })}`);
    }
    if (decided.reason === "not_found") notFound();
    const message = {
      not_pending: "submissions:errors.notPending",
      reason_required: "submissions:errors.reasonRequired",
      reason_too_long: "submissions:errors.reasonTooLong",
      invalid: E("reasonInvisible"),
    }[decided.reason];
    const reply =
      decided.reason === "not_pending" ? submission.reply({ formErrors: [message] }) : submission.reply({ fieldErrors: { reason: [message] } });
    return respond({ intent: "decide", target, result: reply }, decided.reason === "not_pending" ? 409 : 400);
  }

  const row = page.rows.find((r) => r.delegation.id === value.delegationId);
  if (!row) {
    return respond({ intent: "extend", target, result: submission.reply({ fieldErrors: { delegationId: [E("chooseDelegation")] } }) }, 404);
  }
  const until = instantFromWallClock(value.date, value.time, page.consultation.timeZone);
  if (!until) return respond({ intent: "extend", target, result: submission.reply({ fieldErrors: { date: ["consultations:errors.dateInvalid"] } }) }, 400);
  const extended = await extendDeadline(user, { consultationId, delegationId: value.delegationId, until, ipAddress, baseUrl });
  if (extended.ok) {
    kickNotificationDispatch();
    throw redirect(`${here}?${new URLSearchParams({ done: "extended", code: row.delegation.code })}`);
  }
  if (extended.reason === "not_found") notFound();
  const refusal = {
    not_open: { formErrors: [E("notOpenForExtensions")] },
    invalid: { fieldErrors: { date: ["consultations:errors.dateInvalid"] } },
    extension_not_later: { fieldErrors: { date: ["submissions:errors.extensionNotLater"] } },
    extension_past: { fieldErrors: { date: ["submissions:errors.extensionPast"] } },
  }[extended.reason];
  return respond({ intent: "extend", target, result: submission.reply(refusal) }, extended.reason === "not_open" ? 409 : 400);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Row = LoaderData["rows"][number];

export default function SubmissionsPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { consultation, rows, registered, totals, filter, flash, pending, canDecide, canExtend } = loaderData;
  const { t, i18n } = useTranslation(["submissions", "common", "registrations"]);
  const language = i18n.language as Language;
  const inMeetingZone = (instant: Date | string) => formatInstant(instant, language, consultation.timeZone);
  const filterHref = (status: RowStatus | null) => (status ? `?status=${status}` : "?");
  return (
    <article className="submissions-page">
      <p className="eyebrow">
        <Link to={`/consultations/${consultation.id}`} lang="en" dir="ltr">
          {consultation.title}
        </Link>
      </p>
      <div className="page-title">
        <h1>{t("secretariat.title")}</h1>
        <StatusBadge status={consultation.status} />
      </div>
      <p className="lead">{t("secretariat.lead")}</p>
      <p className="submissions-page__deadline">
        {t("secretariat.consultationDeadline", {
          deadline: consultation.deadline ? inMeetingZone(consultation.deadline) : t("secretariat.noDeadline"),
        })}
      </p>

      {flash ? (
        <p className="flash" role="status">
          {withData(
            flash.kind === "extended"
              ? t("secretariat.flash.extended", {
                  delegation: isolate(delegationName(flash.delegation, language)),
                  time: flash.until ? inMeetingZone(flash.until) : "",
                })
              : t(`secretariat.flash.${flash.kind}`, { delegation: isolate(delegationName(flash.delegation, language)), receipt: isolate(flash.receipt) }),
          )}
        </p>
      ) : null}

      <nav aria-label={t("secretariat.filter.label")} className="submission-totals">
        <ul>
          <li>
            <Link to={filterHref(null)} aria-current={filter === null ? "page" : undefined} className="submission-totals__link">
              <span className="submission-totals__count">{registered}</span>
              <span>{t("secretariat.filter.all")}</span>
            </Link>
          </li>
          {ROW_STATUSES.map((status) => (
            <li key={status}>
              <Link
                to={filterHref(status)}
                aria-current={filter === status ? "page" : undefined}
                className={`submission-totals__link submission-totals__link--${status}`}
              >
                <span className="submission-totals__count">{totals[status]}</span>
                <span>{t(`secretariat.status.${status}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {canDecide && pending.length ? (
        <section aria-labelledby="late-title" className="panel late-decisions">
          <h2 id="late-title">{t("secretariat.late.title")}</h2>
          <p className="muted">{t("secretariat.late.intro")}</p>
          {pending.map((row) => (
            <LateDecisionForm key={row.latest!.id} row={row} consultationId={consultation.id} inMeetingZone={inMeetingZone} />
          ))}
        </section>
      ) : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">
          {filter ? t("secretariat.filter.showing", { status: t(`secretariat.status.${filter}`) }) : t("secretariat.table.title")}
        </h2>
        {registered === 0 ? (
          <p className="empty">{t("secretariat.noRegistrations")}</p>
        ) : rows.length === 0 ? (
          <p className="empty">
            {t("secretariat.filter.empty")} <Link to={filterHref(null)}>{t("secretariat.filter.showAll")}</Link>
          </p>
        ) : (
          <div className="table-scroll">
            <table className="table submissions-table">
              <caption className="visually-hidden">{t("secretariat.table.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("secretariat.table.delegation")}</th>
                  <th scope="col">{t("registrations:participation.label")}</th>
                  <th scope="col">{t("secretariat.table.status")}</th>
                  <th scope="col">{t("secretariat.table.deadline")}</th>
                  <th scope="col">{t("secretariat.table.revisions")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <SubmissionRow
                    key={row.delegation.id}
                    row={row}
                    consultationId={consultation.id}
                    canExtend={canExtend}
                    filter={filter}
                    inMeetingZone={inMeetingZone}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canExtend && registered > 0 ? <ExtendForm data={loaderData} /> : null}
      {!canExtend && registered > 0 ? <p className="note">{t("secretariat.extend.notOpen")}</p> : null}
    </article>
  );
}

function SubmissionRow({
  row,
  consultationId,
  canExtend,
  filter,
  inMeetingZone,
}: {
  row: Row;
  consultationId: string;
  canExtend: boolean;
  filter: RowStatus | null;
  inMeetingZone: (instant: Date | string) => string;
}) {
  const { t, i18n } = useTranslation(["submissions", "common", "registrations"]);
  const language = i18n.language as Language;
  const localName = delegationName(row.delegation, language);
  const name = localName || row.delegation.nameEn;
  const latest = row.latest;
  const base = `/consultations/${consultationId}/submissions/${row.delegation.code}`;
  const extendHref = `?${new URLSearchParams({ ...(filter ? { status: filter } : {}), extend: row.delegation.code })}#extend-title`;
  return (
    <tr id={`delegation-${row.delegation.code}`}>
      <th scope="row">
        <span lang="en" dir="ltr" className="submissions-table__name">
          {row.delegation.nameEn}
        </span>
        {language !== "en" && localName !== row.delegation.nameEn ? (
          <span lang={language} className="submissions-table__local">
            {localName}
          </span>
        ) : null}
      </th>
      <td>{t(`registrations:participation.${row.participation}`)}</td>
      <td>
        <span className={`badge submission-status submission-status--${row.status}`}>{t(`secretariat.status.${row.status}`)}</span>
        {latest ? (
          <dl className="submissions-table__facts">
            <div>
              <dt>{t("secretariat.table.receipt")}</dt>
              <dd dir="ltr" className="receipt-number">
                {latest.receiptNumber}
              </dd>
            </div>
            <div>
              <dt>{t("secretariat.table.revision")}</dt>
              <dd>{latest.revisionNumber}</dd>
            </div>
            <div>
              <dt>{t("secretariat.table.language")}</dt>
              <dd>{t(`common:languageNames.${latest.language}`)}</dd>
            </div>
            <div>
              <dt>{latest.source === "email_import" ? t("secretariat.table.receivedByEmail") : t("secretariat.table.submittedAt")}</dt>
              <dd>
                <time dateTime={new Date(latest.submittedAt).toISOString()}>{inMeetingZone(latest.submittedAt)}</time>
              </dd>
            </div>
          </dl>
        ) : row.submission?.draftUpdatedAt ? (
          <p className="submissions-table__note">{t("secretariat.table.draftSaved", { time: inMeetingZone(row.submission.draftUpdatedAt) })}</p>
        ) : null}
      </td>
      <td>
        {row.deadline ? <time dateTime={new Date(row.deadline).toISOString()}>{inMeetingZone(row.deadline)}</time> : t("secretariat.noDeadline")}
        {row.deadlineExtendedTo ? <span className="badge submission-extended">{t("secretariat.table.extended")}</span> : null}
        {canExtend ? (
          <p className="submissions-table__note">
            <Link to={extendHref} aria-label={t("secretariat.table.extendFor", { delegation: name })}>
              {t("secretariat.table.extend")}
            </Link>
          </p>
        ) : null}
      </td>
      <td>
        {latest ? (
          <>
            <Link to={`${base}/${latest.revisionNumber}`} aria-label={t("secretariat.table.readLabel", { number: latest.revisionNumber, delegation: name })}>
              {t("secretariat.table.read", { number: latest.revisionNumber })}
            </Link>
            {latest.revisionNumber > 1 ? (
              <p className="submissions-table__note">
                {t("secretariat.table.earlier")}{" "}
                {Array.from({ length: latest.revisionNumber - 1 }, (_, i) => latest.revisionNumber - 1 - i).map((n, i) => (
                  <span key={n}>
                    {i > 0 ? ", " : null}
                    <Link to={`${base}/${n}`} aria-label={t("secretariat.table.readLabel", { number: n, delegation: name })}>
                      {n}
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

function LateDecisionForm({
  row,
  consultationId,
  inMeetingZone,
}: {
  row: Row;
  consultationId: string;
  inMeetingZone: (instant: Date | string) => string;
}) {
  const { t, i18n } = useTranslation("submissions");
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const latest = row.latest!;
  const mine = actionData?.intent === "decide" && actionData.target === latest.id;
  const [form, fields] = useForm({
    id: `decide-${latest.id}`,
    lastResult: mine ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
  });
  const name = delegationName(row.delegation, i18n.language as Language);
  const headingId = `late-${latest.id}`;
  const busy = navigation.state !== "idle" && navigation.formData?.get("revisionId") === latest.id;
  return (
    <section className="late-decision" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p>
        {withData(
          t("secretariat.late.arrived", {
            receipt: isolate(latest.receiptNumber),
            time: inMeetingZone(latest.submittedAt),
            deadline: row.deadline ? inMeetingZone(row.deadline) : t("secretariat.noDeadline"),
          }),
        )}{" "}
        <Link to={`/consultations/${consultationId}/submissions/${row.delegation.code}/${latest.revisionNumber}`}>
          {t("secretariat.late.read", { number: latest.revisionNumber })}
        </Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="stack late-decision__form">
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="revisionId" value={latest.id} />
        <input type="hidden" name="delegationCode" value={row.delegation.code} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField field={fields.reason} label={t("secretariat.late.reason")} help={t("secretariat.late.reasonHelp")}>
          <textarea
            {...getTextareaProps(fields.reason, { ariaDescribedBy: fields.reason.descriptionId })}
            rows={3}
            maxLength={MAX_DECISION_REASON}
          />
        </FormField>
        <FormErrors id={fields.decision.errorId} errors={fields.decision.errors} />
        <div className="late-decision__buttons">
          <button type="submit" name="decision" value="accepted" className="button" disabled={busy}>
            {t("secretariat.late.accept")}
          </button>
          <button type="submit" name="decision" value="declined" className="button button--secondary" disabled={busy}>
            {t("secretariat.late.decline")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function ExtendForm({ data: loaderData }: { data: LoaderData }) {
  const { consultation, delegations, extendFor, deadlineWallClock } = loaderData;
  const { t, i18n } = useTranslation(["submissions", "common"]);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const mine = actionData?.intent === "extend";
  const [form, fields] = useForm({
    id: `extend-${extendFor ?? "any"}`,
    lastResult: mine ? actionData.result : undefined,
    defaultValue: { delegationId: extendFor ?? "", date: "", time: deadlineWallClock?.time ?? "18:00" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExtendSchema }),
  });
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "extend";
  return (
    <section aria-labelledby="extend-title" className="panel extend-deadline">
      <h2 id="extend-title">{t("secretariat.extend.title")}</h2>
      <p className="muted">{t("secretariat.extend.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="extend" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <p className="field__help">{withData(t("secretariat.extend.zone", { zone: isolate(consultation.timeZone.replace(/_/g, " ")) }))}</p>
        <div className="form-row">
          <FormField field={fields.delegationId} label={t("secretariat.extend.delegation")}>
            <select {...getSelectProps(fields.delegationId)} dir="ltr" lang="en">
              <option value="" lang={i18n.language}>
                {t("secretariat.extend.choose")}
              </option>
              {delegations.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.nameEn}
                </option>
              ))}
            </select>
          </FormField>
          <FormField field={fields.date} label={t("secretariat.extend.date")}>
            <input {...getInputProps(fields.date, { type: "date" })} />
          </FormField>
          <FormField field={fields.time} label={t("secretariat.extend.time")}>
            <input {...getInputProps(fields.time, { type: "time" })} />
          </FormField>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("secretariat.extend.submit")}
        </button>
      </Form>
    </section>
  );
}
