import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { directionOf, LANGUAGES } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { kindKey } from "~/lib/outbox-kinds";
import { ResetLinkHandover } from "~/components/account/reset-handover";
import { Badge } from "~/components/ui/badge";
import { TableShell } from "~/components/ui/table-shell";
import { Button, SubmitButton } from "~/components/ui/button";
import { Notice, useNotice } from "~/components/ui/notice";
import { HIDDEN_LINK } from "~/lib/invitation-rules";
import { paths } from "~/lib/paths";
import { kickNotificationDispatch, listOutbox, retryFailedNotifications, type OutboxStatus } from "~/models/outbox.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import circulationStylesheet from "~/styles/circulation.css?url";
import accountStylesheet from "~/styles/account.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("circulation:outbox.title") };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: circulationStylesheet },
  { rel: "stylesheet", href: accountStylesheet },
];

// Repeated here (not imported from the model) because the page renders them in the browser too.
const OUTBOX_STATUSES: OutboxStatus[] = ["pending", "sent", "failed"];
const isStatus = (value: string | null): value is OutboxStatus => OUTBOX_STATUSES.includes(value as OutboxStatus);

/** The filters in the address; anything malformed is ignored rather than an error. */
function filtersOf(url: URL) {
  const status = url.searchParams.get("status");
  const consultation = url.searchParams.get("consultation");
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  return {
    status: isStatus(status) ? status : null,
    consultationId: isUuid(consultation) ? consultation : null,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function outboxHref(filters: { status: OutboxStatus | null; consultationId: string | null; page?: number }) {
  const page = filters.page && filters.page > 1 ? filters.page : null;
  return paths.outbox({ status: filters.status, consultation: filters.consultationId, page });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const url = new URL(request.url);
  const filters = filtersOf(url);
  const outbox = await listOutbox(user, filters);
  if (!outbox) throw data({ reason: "forbidden" }, { status: 403 });
  return {
    outbox,
    filters,
    readerTimeZone: user.timeZone ?? "UTC",
    // Left by the retry's redirect: how many messages were queued again.
    retried: await readNotice(request, ["outbox.retried"]),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const form = await request.formData();
  if (form.get("intent") !== "retry") throw data({ reason: "bad_request" }, { status: 400 });
  const consultation = form.get("consultation");
  const consultationId = typeof consultation === "string" && isUuid(consultation) ? consultation : null;
  const result = await retryFailedNotifications(user, { consultationId, ipAddress: clientAddress(context) });
  if (!result.ok) throw data({ reason: "forbidden" }, { status: 403 });
  kickNotificationDispatch();
  throw await redirectWithNotice(request, outboxHref({ status: null, consultationId }), { kind: "outbox.retried", count: result.count });
}

export default function OutboxPage() {
  const { outbox, filters, readerTimeZone, ...loaded } = useLoaderData<typeof loader>();
  const retried = useNotice(loaded.retried)?.count ?? null;
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("circulation");
  const when = (instant: string | Date | null) => (instant ? formatInstant(instant, i18n.language, readerTimeZone) : "—");
  return (
    <section className="outbox">
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t("outbox.intro")}</p>
      <p className={`outbox__banner ${outbox.mailConfigured ? "outbox__banner--ok" : "outbox__banner--warning"}`} role="note">
        {outbox.mailConfigured ? t("outbox.configured") : t("outbox.notConfigured")}
      </p>
      {retried !== null ? <Notice tone="success">{retried > 0 ? t("outbox.retried", { count: retried }) : t("outbox.nothingToRetry")}</Notice> : null}

      <Form method="get" className="compare-form outbox__filters">
        <label>
          {t("outbox.filterStatus")}{" "}
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("outbox.allStatuses")}</option>
            {OUTBOX_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`outboxStatus.${status}`)} ({outbox.counts[status]})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("outbox.filterConsultation")}{" "}
          <select name="consultation" defaultValue={filters.consultationId ?? ""}>
            <option value="">{t("outbox.allConsultations")}</option>
            {outbox.consultations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          {t("outbox.show")}
        </Button>
      </Form>

      <div className="outbox__bar">
        <p className="muted">{t("outbox.count", { count: outbox.total })}</p>
        {outbox.counts.failed > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="retry" />
            {filters.consultationId ? <input type="hidden" name="consultation" value={filters.consultationId} /> : null}
            <SubmitButton pending={navigation.state !== "idle"}>{t("outbox.retry", { count: outbox.counts.failed })}</SubmitButton>
          </Form>
        ) : null}
      </div>

      {outbox.messages.length === 0 ? (
        <p className="empty">{t("outbox.empty")}</p>
      ) : (
        <TableShell caption={t("outbox.title")} captionHidden tableClassName="outbox__table">
          <thead>
            <tr>
              <th scope="col">{t("columns.recipient")}</th>
              <th scope="col">{t("columns.message")}</th>
              <th scope="col">{t("columns.consultation")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.created")}</th>
            </tr>
          </thead>
          <tbody>
            {outbox.messages.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="outbox__recipient">
                  <span dir="ltr">{m.recipientEmail}</span>
                  <span className="outbox__meta" lang={m.language}>
                    {LANGUAGES.find((l) => l.code === m.language)?.nativeName}
                  </span>
                </th>
                <td>
                  <span className="outbox__meta">{t(kindKey(m.kind))}</span>
                  <details className="outbox__message">
                    <summary lang={m.language} dir={directionOf(m.language)}>
                      {m.subject}
                    </summary>
                    <pre className="outbox__body" lang={m.language} dir={directionOf(m.language)}>
                      {m.body.split(HIDDEN_LINK).map((part, i) => (
                        <Fragment key={i}>
                          {i > 0 ? <em className="muted">{t("outbox.linkHidden")}</em> : null}
                          {part}
                        </Fragment>
                      ))}
                    </pre>
                  </details>
                  {m.kind === "password_reset" && m.status === "pending" && !outbox.mailConfigured ? <ResetLinkHandover messageId={m.id} /> : null}
                </td>
                <td lang="en" dir="ltr" className="outbox__consultation">
                  {m.consultation ? <Link to={paths.circulate(m.consultation.id)}>{m.consultation.title}</Link> : "—"}
                </td>
                <td>
                  <Badge className={`outbox-status outbox-status--${m.status}`}>{t(`outboxStatus.${m.status}`)}</Badge>
                  <span className="outbox__meta">{t("outbox.attempts", { count: m.attempts })}</span>
                  {m.lastError ? (
                    <span className="outbox-error" dir="ltr">
                      {m.lastError}
                    </span>
                  ) : null}
                  {m.sentAt ? <span className="outbox__meta">{t("outbox.sentAt", { time: when(m.sentAt) })}</span> : null}
                  {m.status === "pending" && m.nextAttemptAt ? (
                    <span className="outbox__meta">{t("outbox.nextAttempt", { time: when(m.nextAttemptAt) })}</span>
                  ) : null}
                </td>
                <td className="outbox__time">{when(m.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </TableShell>
      )}

      {outbox.pages > 1 ? (
        <nav className="outbox__pagination" aria-label={t("outbox.pages")}>
          {outbox.page > 1 ? (
            <Link to={outboxHref({ ...filters, page: outbox.page - 1 })} rel="prev">
              {t("outbox.previous")}
            </Link>
          ) : null}
          <span aria-current="page">{t("outbox.pageOf", { page: outbox.page, pages: outbox.pages })}</span>
          {outbox.page < outbox.pages ? (
            <Link to={outboxHref({ ...filters, page: outbox.page + 1 })} rel="next">
              {t("outbox.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
