import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { z } from "zod";
import { StatusBadge } from "~/components/status-badge";
import { ExtensionForm } from "~/components/submissions/extension-form";
import { LateDecisionForm } from "~/components/submissions/late-decision-form";
import { StatusTotals } from "~/components/submissions/status-totals";
import { SubmissionsTable } from "~/components/submissions/submissions-table";
import { isolate, withData } from "~/components/ui/data-text";
import type { Language } from "~/i18n/languages";
import { formatInstant, instantFromWallClock, wallClockIn } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { isReceiptNumber } from "~/lib/receipts";
import { filterHref, isRowStatus, rowStatus, statusTotals } from "~/lib/submission-list";
import {
  decisionRefusal,
  extensionRefusal,
  listError,
  SubmissionListActionSchema,
  type DecisionSchema,
  type ExtensionSchema,
  type SubmissionListAnswer,
} from "~/lib/submission-list-forms";
import { kickNotificationDispatch } from "~/models/outbox.server";
import { isDelegationCode, listDelegationRevisions } from "~/models/submission-history.server";
import { decideLateSubmission, extendDeadline, listSubmissionsForSecretariat } from "~/models/submission.server";
import type { SessionUser } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} · Nonpaper` : "Nonpaper" },
];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const page = await listSubmissionsForSecretariat(user, params.consultationId);
  if (!page) notFound();
  const url = new URL(request.url);
  const wanted = url.searchParams.get("status");
  const filter = isRowStatus(wanted) ? wanted : null;
  const rows = page.rows.map((row) => ({ ...row, status: rowStatus(row) }));

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
    totals: statusTotals(rows),
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

// ---------------------------------------------------------------------------------------------
// The action: one handler per intent

type Page = NonNullable<Awaited<ReturnType<typeof listSubmissionsForSecretariat>>>;
type Errors = { formErrors?: string[]; fieldErrors?: Record<string, string[]> };
type Call = {
  user: SessionUser;
  consultationId: string;
  page: Page;
  target: string | null;
  reply: (errors?: Errors) => SubmissionResult<string[]>;
  ipAddress: string;
  baseUrl: string;
  here: string;
};

const respond = (payload: SubmissionListAnswer, status: number) => data(payload, { status });

async function decide(call: Call, value: z.infer<typeof DecisionSchema>) {
  const { consultationId } = call;
  // The revision must be this delegation's, in this consultation; anything else is not found.
  const history = await listDelegationRevisions(call.user, { consultationId, delegationCode: value.delegationCode });
  if (!history?.revisions.some((r) => r.id === value.revisionId)) notFound();
  const { ipAddress, baseUrl } = call;
  const decided = await decideLateSubmission(call.user, { revisionId: value.revisionId, decision: value.decision, reason: value.reason, ipAddress, baseUrl });
  if (decided.ok) {
    kickNotificationDispatch();
    throw redirect(`${call.here}?${new URLSearchParams({ done: decided.decision, code: value.delegationCode, receipt: decided.receiptNumber })}`);
  }
  if (decided.reason === "not_found") notFound();
  const message = decisionRefusal[decided.reason];
  const reply = decided.reason === "not_pending" ? call.reply({ formErrors: [message] }) : call.reply({ fieldErrors: { reason: [message] } });
  return respond({ intent: "decide", target: call.target, result: reply }, decided.reason === "not_pending" ? 409 : 400);
}

async function extend(call: Call, value: z.infer<typeof ExtensionSchema>) {
  const answer = (errors: Errors, status: number) => respond({ intent: "extend", target: call.target, result: call.reply(errors) }, status);
  const row = call.page.rows.find((r) => r.delegation.id === value.delegationId);
  if (!row) return answer({ fieldErrors: { delegationId: [listError("chooseDelegation")] } }, 404);
  const until = instantFromWallClock(value.date, value.time, call.page.consultation.timeZone);
  if (!until) return answer({ fieldErrors: { date: ["consultations:errors.dateInvalid"] } }, 400);
  const { ipAddress, baseUrl } = call;
  const extended = await extendDeadline(call.user, { consultationId: call.consultationId, delegationId: value.delegationId, until, ipAddress, baseUrl });
  if (extended.ok) {
    kickNotificationDispatch();
    throw redirect(`${call.here}?${new URLSearchParams({ done: "extended", code: row.delegation.code })}`);
  }
  if (extended.reason === "not_found") notFound();
  return answer(extensionRefusal(extended.reason), extended.reason === "not_open" ? 409 : 400);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const page = await listSubmissionsForSecretariat(user, params.consultationId);
  if (!page) notFound();
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SubmissionListActionSchema });
  const intent = formData.get("intent");
  const target = String(formData.get(intent === "extend" ? "delegationId" : "revisionId") ?? "") || null;
  const known = intent === "decide" || intent === "extend" ? intent : null;
  if (submission.status !== "success") return respond({ intent: known, target, result: submission.reply() }, 400);
  const call: Call = {
    user,
    consultationId: params.consultationId,
    page,
    target,
    reply: (options) => submission.reply(options),
    ipAddress: clientAddress(context),
    baseUrl: publicBaseUrl(request),
    here: `/consultations/${params.consultationId}/submissions`,
  };
  const value = submission.value;
  return value.intent === "decide" ? decide(call, value) : extend(call, value);
}

// ---------------------------------------------------------------------------------------------
// The page

export default function SubmissionsPage() {
  const { consultation, rows, registered, totals, filter, flash, pending, canDecide, canExtend, delegations, extendFor, deadlineWallClock } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["submissions", "common", "registrations"]);
  const language = i18n.language as Language;
  const inMeetingZone = (instant: Date | string) => formatInstant(instant, language, consultation.timeZone);
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

      <StatusTotals registered={registered} totals={totals} filter={filter} />

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
          <SubmissionsTable rows={rows} consultationId={consultation.id} canExtend={canExtend} filter={filter} inMeetingZone={inMeetingZone} />
        )}
      </section>

      {canExtend && registered > 0 ? (
        <ExtensionForm timeZone={consultation.timeZone} delegations={delegations} extendFor={extendFor} deadlineWallClock={deadlineWallClock} />
      ) : null}
      {!canExtend && registered > 0 ? <p className="note">{t("secretariat.extend.notOpen")}</p> : null}
    </article>
  );
}
