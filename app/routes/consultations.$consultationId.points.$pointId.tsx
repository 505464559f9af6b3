import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { FormErrors } from "~/components/ui/form-errors";
import { PendingText, Redline } from "~/components/ui/redline";
import { isolate, withData } from "~/components/ui/data-text";
import { basedOnVersion } from "~/lib/agenda-forms";
import { formatInstant } from "~/lib/dates";
import { replyUnparsed } from "~/lib/form-unreadable";
import { isUuid } from "~/lib/ids";
import { countOpenBrackets } from "~/lib/point-import";
import { redline, redlineStats } from "~/lib/redline";
import { MAX_POINT_TEXT } from "~/lib/limits";
import { mayEditPoint } from "~/lib/permissions";
import { getPointHistory, revisePoint } from "~/models/point.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { Button, SubmitButton } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";
import { TableShell } from "~/components/ui/table-shell";
import { VersionSelect } from "~/components/ui/version-select";

export const handle: TitleHandle<typeof loader> = { title: (t, data) => t("consultations:history.title", { label: isolate(data.point.label) }) };

const ReviseSchema = z.object({
  text: z
    .string({ required_error: "consultations:errors.textRequired" })
    // One kind of line break, no trailing spaces: the same text typed on any system is the same version.
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    // Conform reads the empty text after the transform (a text of spaces) as missing: "required" too.
    .pipe(
      z
        .string({ required_error: "consultations:errors.textRequired" })
        .min(1, "consultations:errors.textRequired")
        .max(MAX_POINT_TEXT, "consultations:errors.textTooLong"),
    ),
  basedOnVersion,
});

async function loadHistory(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireRole(request, "secretariat", "chair");
  const history = isUuid(params.consultationId) && isUuid(params.pointId) ? await getPointHistory(user, params.consultationId, params.pointId) : null;
  if (!history) throw data({ reason: "not_found" }, { status: 404 });
  return { user, history };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, history } = await loadHistory(request, params);
  const { versions } = history;
  const latest = versions.at(-1)?.versionNumber ?? 1;
  // Any two versions: ?from=&to=; by default the previous one against the current one.
  const url = new URL(request.url);
  const pick = (name: string, fallback: number) => {
    const wanted = Number(url.searchParams.get(name));
    return versions.some((v) => v.versionNumber === wanted) ? wanted : fallback;
  };
  const to = pick("to", latest);
  const from = pick("from", Math.max(1, to - 1));
  const textOf = (n: number) => versions.find((v) => v.versionNumber === n)?.text ?? "";
  const segments = redline(textOf(from), textOf(to));
  return {
    point: history.point,
    versions,
    from,
    to,
    segments,
    stats: redlineStats(segments),
    openBrackets: countOpenBrackets(textOf(latest)),
    canEdit: mayEditPoint(user, history.point.consultation),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId) || !isUuid(params.pointId)) throw data({ reason: "not_found" }, { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: ReviseSchema });
  if (submission.status !== "success") {
    return data({ result: replyUnparsed(submission), conflict: null }, { status: 400 });
  }
  const result = await revisePoint(user, {
    consultationId: params.consultationId,
    pointId: params.pointId,
    text: submission.value.text,
    basedOnVersion: submission.value.basedOnVersion,
    ipAddress: clientAddress(context),
  });
  if (result.ok) {
    throw redirect(`?from=${result.versionNumber - 1 || 1}&to=${result.versionNumber}`);
  }
  if (result.reason === "not_found") throw data({ reason: "not_found" }, { status: 404 });
  if (result.reason === "wrong_status") {
    return data({ result: submission.reply({ formErrors: ["consultations:errors.locked"] }), conflict: null }, { status: 409 });
  }
  if (result.reason === "unchanged") {
    return data({ result: submission.reply({ formErrors: ["consultations:errors.unchanged"] }), conflict: null }, { status: 400 });
  }
  // Someone saved another version meanwhile: keep what this officer typed and show theirs.
  return data(
    {
      result: submission.reply({ formErrors: ["consultations:errors.staleVersion"] }),
      conflict: { currentVersion: result.currentVersion!, currentText: result.currentText ?? "" },
    },
    { status: 409 },
  );
}

export default function PointHistoryPage() {
  const { point, versions, from, to, segments, stats, openBrackets, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("consultations");
  const current = versions.at(-1);
  // Each version by its number alone: the table above says where it came from.
  const choices = versions.map((v) => ({ number: v.versionNumber, label: String(v.versionNumber) }));
  const [form, fields] = useForm({
    id: `revise-${point.id}-${current?.versionNumber ?? 0}`,
    lastResult: actionData?.result,
    defaultValue: { text: current?.text ?? "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviseSchema }),
  });
  return (
    <article className="point-history">
      <p className="eyebrow">{point.agendaItem.number ? withData(t("agendaItem", { number: isolate(point.agendaItem.number) })) : t("generalSection")}</p>
      <h1>{withData(t("history.title", { label: isolate(point.label) }))}</h1>
      <p className="lead">{t("history.openBrackets", { count: openBrackets })}</p>

      <section aria-labelledby="versions-title" className="panel">
        <h2 id="versions-title">{t("history.versions")}</h2>
        <TableShell caption={t("history.versions")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("history.version")}</th>
              <th scope="col">{t("history.source")}</th>
              <th scope="col">{t("history.author")}</th>
              <th scope="col">{t("history.date")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  {v.versionNumber}
                  {v.circulated ? <Badge>{t("history.circulated")}</Badge> : null}
                </th>
                <td>{t(`history.sources.${v.source}`)}</td>
                <td>{v.authorName ?? "—"}</td>
                <td>{formatInstant(v.createdAt, i18n.language, point.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </TableShell>
      </section>

      <section aria-labelledby="compare-title" className="panel">
        <h2 id="compare-title">{t("history.compare")}</h2>
        <Form method="get" className="compare-form">
          <VersionSelect id="history-from" name="from" label={t("history.from")} value={from} versions={choices} />
          <VersionSelect id="history-to" name="to" label={t("history.to")} value={to} versions={choices} />
          <Button type="submit" variant="secondary">
            {t("history.show")}
          </Button>
        </Form>
        <p className="muted">{t("history.stats", { from, to, inserted: stats.inserted, deleted: stats.deleted })}</p>
        <div className="redline-box" dir="ltr">
          <Redline segments={segments} />
        </div>
      </section>

      {canEdit && current ? (
        <section aria-labelledby="edit-title" className="panel">
          <h2 id="edit-title">{t("history.edit")}</h2>
          <p className="muted">{t("history.editHelp")}</p>
          <Form method="post" {...getFormProps(form)} className="stack">
            {/* After a conflict the officer has seen the other version: the next save builds on it. */}
            <input type="hidden" name="basedOnVersion" value={actionData?.conflict?.currentVersion ?? current.versionNumber} />
            <FormErrors id={form.errorId} errors={form.errors} />
            {actionData?.conflict ? (
              <div className="conflict" role="status">
                <p>{t("history.conflict", { version: actionData.conflict.currentVersion })}</p>
                <p className="redline-box" lang="en" dir="ltr">
                  <PendingText text={actionData.conflict.currentText} />
                </p>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor={fields.text.id}>{withData(t("history.text", { label: isolate(point.label) }))}</label>
              <textarea {...getTextareaProps(fields.text)} rows={8} lang="en" dir="ltr" />
              <FormErrors id={fields.text.errorId} errors={fields.text.errors} />
            </div>
            <SubmitButton pending={navigation.state === "submitting"}>{t("history.save")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
