import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { z } from "zod";
import { StatusBadge } from "~/components/ui/status-badge";
import { ExtensionForm } from "~/components/submissions/extension-form";
import { LateDecisionForm } from "~/components/submissions/late-decision-form";
import { StatusTotals } from "~/components/submissions/status-totals";
import { SubmissionsTable } from "~/components/submissions/submissions-table";
import { isolate, withData } from "~/components/ui/data-text";
import { Notice, useNotice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import type { Language } from "~/i18n/languages";
import { formatInstant, instantFromWallClock, wallClockIn } from "~/lib/dates";
import { nameInSentence } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { filterHref, isRowStatus, rowStatus, statusTotals } from "~/lib/submission-list";
import { mayDecideLateSubmission, mayExtendDeadline } from "~/lib/permissions";
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
import { decideLateSubmission, extendDeadline, listSubmissionsForSecretariat } from "~/models/submission-secretariat.server";
import type { SessionUser } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { publicBaseUrl } from "~/utils/env.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import submissionsStylesheet from "~/styles/submissions.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("submissions:secretariat.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: submissionsStylesheet }];

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

  // The confirmation the action's redirect left, with the delegation's names from the data.
  const notice = await readNotice(request, ["submissions.decided", "submissions.extended"]);
  const flashRow = notice ? rows.find((r) => r.delegation.code === notice.code) : undefined;
  const flash =
    flashRow && notice?.kind === "submissions.decided"
      ? { kind: notice.decision, delegation: flashRow.delegation, receipt: notice.receipt }
      : flashRow && notice?.kind === "submissions.extended"
        ? { kind: "extended" as const, delegation: flashRow.delegation, until: flashRow.deadline }
        : null;
  const extendCode = url.searchParams.get("extend");

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
    canDecide: mayDecideLateSubmission(user, page.consultation),
    canExtend: mayExtendDeadline(user, page.consultation),
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
  request: Request;
  user: SessionUser;
  consultationId: string;
  page: Page;
  target: string | null;
  reply: (errors?: Errors) => SubmissionResult<string[]>;
  ipAddress: string;
  baseUrl: string;
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
    throw await redirectWithNotice(call.request, paths.submissions(consultationId), {
      kind: "submissions.decided",
      decision: decided.decision,
      code: value.delegationCode,
      receipt: decided.receiptNumber,
    });
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
    throw await redirectWithNotice(call.request, paths.submissions(call.consultationId), { kind: "submissions.extended", code: row.delegation.code });
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
    request,
    user,
    consultationId: params.consultationId,
    page,
    target,
    reply: (options) => submission.reply(options),
    ipAddress: clientAddress(context),
    baseUrl: publicBaseUrl(request),
  };
  const value = submission.value;
  return value.intent === "decide" ? decide(call, value) : extend(call, value);
}

// ---------------------------------------------------------------------------------------------
// The page

export default function SubmissionsPage() {
  const { consultation, rows, registered, totals, filter, pending, canDecide, canExtend, delegations, extendFor, deadlineWallClock, ...loaded } =
    useLoaderData<typeof loader>();
  const flash = useNotice(loaded.flash);
  const { t, i18n } = useTranslation(["submissions", "common", "registrations"]);
  const language = i18n.language as Language;
  const inMeetingZone = (instant: Date | string) => formatInstant(instant, language, consultation.timeZone);
  return (
    <article className="submissions-page">
      <PageHeader title={t("secretariat.title")} aside={<StatusBadge status={consultation.status} />} lead={t("secretariat.lead")} />
      <p className="submissions-page__deadline">
        {t("secretariat.consultationDeadline", {
          deadline: consultation.deadline ? inMeetingZone(consultation.deadline) : t("secretariat.noDeadline"),
        })}
      </p>

      {flash ? (
        <Notice tone="success">
          {withData(
            flash.kind === "extended"
              ? t("secretariat.flash.extended", {
                  delegation: nameInSentence(flash.delegation, language, { isolate: true }),
                  time: flash.until ? inMeetingZone(flash.until) : "",
                })
              : t(`secretariat.flash.${flash.kind}`, {
                  delegation: nameInSentence(flash.delegation, language, { isolate: true }),
                  receipt: isolate(flash.receipt),
                }),
          )}
        </Notice>
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
        <h2 id="list-title">{filter ? t("secretariat.filter.showing", { status: t(`secretariat.status.${filter}`) }) : t("secretariat.table.title")}</h2>
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

export const ErrorBoundary = ConsultationPageErrorBoundary;
