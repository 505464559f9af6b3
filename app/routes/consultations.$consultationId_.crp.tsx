import tinos400 from "@fontsource/tinos/400.css?url";
import tinos700 from "@fontsource/tinos/700.css?url";
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors } from "~/components/form-errors";
import { Redline } from "~/components/redline";
import { StatusBadge } from "~/components/status-badge";
import { isolate, withData } from "~/components/ui/data-text";
import { CRP_HTML_STYLE, crpToHtml, type CrpIntroductionKey, type CrpMissing } from "~/documents/crp";
import { CRP_FORMATS, crpVersionHref, EDITABLE_INTRODUCTION_KEYS, MAX_INTRODUCTION_NOTE } from "~/lib/crp-files";
import { formatInstant } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { paragraphRedlineStats } from "~/lib/paragraph-redline";
import { compileCrp, getCrpPage, getCrpRedline, saveIntroductionNote, saveIntroductionParagraph, type CrpVersionSummary } from "~/models/crp.server";
import stylesheet from "~/styles/crp.css?url";
import { clientAddress, requireRole, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `CRP · ${data.page.consultation.title} · Nonpaper` : "Nonpaper" },
];

// Tinos has the metrics of Times New Roman: the preview breaks its lines as Word does.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tinos400 },
  { rel: "stylesheet", href: tinos700 },
  { rel: "stylesheet", href: stylesheet },
];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

const version = z.coerce.number({ invalid_type_error: "crp:errors.invalid" }).int("crp:errors.invalid").min(0, "crp:errors.invalid");

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("draft"), expectedLatestVersion: version }),
  z.object({
    intent: z.literal("final"),
    expectedLatestVersion: version,
    confirm: z.literal("on", { errorMap: () => ({ message: "crp:errors.confirmRequired" }) }),
  }),
  z.object({
    intent: z.literal("paragraph"),
    key: z.enum(EDITABLE_INTRODUCTION_KEYS as [CrpIntroductionKey, ...CrpIntroductionKey[]], { errorMap: () => ({ message: "crp:errors.invalid" }) }),
    // Empty: the paragraph is left out; "reset": it follows the data again.
    text: z
      .string()
      .default("")
      .transform((v) => v.replace(/\r\n?/g, "\n").trim())
      .pipe(z.string().max(MAX_INTRODUCTION_NOTE, "crp:errors.introductionTooLong")),
    reset: z.literal("1").optional(),
  }),
  z.object({
    intent: z.literal("introduction"),
    // An empty note brings back the standard paragraph.
    introductionNote: z
      .string()
      .default("")
      .transform((v) => v.replace(/\r\n?/g, "\n").trim())
      .pipe(z.string().max(MAX_INTRODUCTION_NOTE, "crp:errors.introductionTooLong")),
  }),
]);

/** Beyond this the preview is not embedded in the page (a CRP at the design's scale is ~10 MB). */
const MAX_PREVIEW_CHARS = 2_000_000;
/** The blocking list shows this many entries, then says how many more. */
const MAX_BLOCKING_SHOWN = 200;

/** A version number from the query string, or null. */
function versionParam(value: string | null): number | null {
  return value && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.consultationId)) notFound();
  const page = await getCrpPage(user, params.consultationId);
  if (!page) notFound();
  const url = new URL(request.url);
  // The redline: the two versions asked for, or by default the latest against the one before.
  const from = versionParam(url.searchParams.get("from")) ?? (page.latestVersion > 1 ? page.latestVersion - 1 : null);
  const to = versionParam(url.searchParams.get("to")) ?? (page.latestVersion > 1 ? page.latestVersion : null);
  const redline = from !== null && to !== null ? await getCrpRedline(user, params.consultationId, from, to) : null;
  const compiled = versionParam(url.searchParams.get("compiled"));
  // The model itself stays on the server: the page gets its HTML, unless it is too long to embed
  // (then the officer compiles a draft and opens its HTML), and the start of a long blocking list.
  const { preview, blocking, ...rest } = page;
  // The introduction as a draft would say it now, for the secretariat to rewrite a paragraph.
  const introduction = preview ? preview.introduction.paragraphs.filter((p) => EDITABLE_INTRODUCTION_KEYS.includes(p.key)) : [];
  const previewHtml = preview ? crpToHtml(preview) : null;
  const previewTooLarge = previewHtml !== null && previewHtml.length > MAX_PREVIEW_CHARS;
  return {
    page: { ...rest, blocking: blocking.slice(0, MAX_BLOCKING_SHOWN) },
    blockingTotal: blocking.length,
    previewHtml: previewTooLarge ? null : previewHtml,
    previewMegabytes: previewTooLarge ? Math.ceil(previewHtml!.length / 1_000_000) : null,
    redline,
    introduction,
    redlineAsked: url.searchParams.has("from") || url.searchParams.has("to"),
    readerTimeZone: user.timeZone ?? page.consultation.timeZone,
    flash: compiled !== null ? { kind: "compiled" as const, version: compiled } : url.searchParams.has("saved") ? { kind: "saved" as const, version: null } : null,
  };
}

type ActionAnswer = {
  intent: "draft" | "final" | "introduction" | "paragraph";
  /** The paragraph a refused "paragraph" answer is about. */
  key?: CrpIntroductionKey;
  result: SubmissionResult<string[]>;
  missing?: CrpMissing[];
  missingTotal?: number;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const consultationId = params.consultationId;
  const submission = parseWithZod(await request.formData(), { schema: ActionSchema });
  const intentOf = (value: unknown) => (value === "final" || value === "introduction" || value === "paragraph" ? value : "draft");
  if (submission.status !== "success") {
    const key = submission.payload.key;
    const paragraph = EDITABLE_INTRODUCTION_KEYS.find((k) => k === key);
    return data<ActionAnswer>({ intent: intentOf(submission.payload.intent), key: paragraph, result: submission.reply() }, { status: 400 });
  }
  const value = submission.value;
  const ipAddress = clientAddress(context);
  const here = `/consultations/${consultationId}/crp`;

  if (value.intent === "paragraph") {
    const saved = await saveIntroductionParagraph(user, { consultationId, key: value.key, text: value.reset ? null : value.text, ipAddress });
    if (saved.ok) throw redirect(`${here}?saved=1#paragraph-${value.key}`);
    if (saved.reason === "not_found") notFound();
    const error = saved.reason === "too_long" ? "crp:errors.introductionTooLong" : "crp:errors.compiled";
    return data<ActionAnswer>({ intent: "paragraph", key: value.key, result: submission.reply({ formErrors: [error] }) }, { status: 409 });
  }

  if (value.intent === "introduction") {
    const saved = await saveIntroductionNote(user, { consultationId, note: value.introductionNote, ipAddress });
    if (saved.ok) throw redirect(`${here}?saved=1#introduction-title`);
    if (saved.reason === "not_found") notFound();
    const error = saved.reason === "too_long" ? "crp:errors.introductionTooLong" : "crp:errors.compiled";
    return data<ActionAnswer>({ intent: "introduction", result: submission.reply({ formErrors: [error] }) }, { status: 409 });
  }

  const final = value.intent === "final";
  const result = await compileCrp(user, { consultationId, final, expectedLatestVersion: value.expectedLatestVersion, ipAddress });
  if (result.ok) throw redirect(`${here}?compiled=${result.versionNumber}`);
  if (result.reason === "not_found") notFound();
  const error =
    result.reason === "stale"
      ? "crp:errors.stale"
      : result.reason === "blocked"
        ? "crp:errors.blocked"
        : result.reason === "not_closed"
          ? "crp:errors.notClosed"
          : result.reason === "not_circulated"
            ? "crp:errors.notCirculated"
            : final
              ? "crp:errors.alreadyFinal" // a second final compilation: the final CRP stays as issued
              : "crp:errors.compiled";
  return data<ActionAnswer>(
    {
      intent: value.intent,
      result: submission.reply({ formErrors: [error] }),
      missing: result.reason === "blocked" ? result.missing.slice(0, MAX_BLOCKING_SHOWN) : undefined,
      missingTotal: result.reason === "blocked" ? result.missing.length : undefined,
    },
    { status: 409 },
  );
}

export default function CrpPage() {
  const { page, blockingTotal, previewHtml, previewMegabytes, redline, introduction, redlineAsked, readerTimeZone, flash } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("crp");
  const { consultation, versions, blocking } = page;
  const busy = navigation.state === "submitting";
  // A compilation at scale takes seconds: the button says so while the server works.
  const compiling = busy ? navigation.formData?.get("intent") : null;
  const base = `/consultations/${consultation.id}`;
  // Form-level and field errors of one of the two compile forms, after its own submit.
  const errorsFor = (intent: ActionAnswer["intent"]) =>
    actionData?.intent === intent ? Object.values(actionData.result?.error ?? {}).flatMap((messages) => messages ?? []) : [];
  const stats = redline ? paragraphRedlineStats(redline.rows) : null;

  return (
    <article className="crp-page">
      <p className="eyebrow">
        <Link to={base}>
          <bdi>{consultation.title}</bdi>
        </Link>
      </p>
      <div className="page-title">
        <h1>{t("title")}</h1>
        <StatusBadge status={consultation.status} />
      </div>
      <p className="lead">{t("lead")}</p>
      {flash ? (
        <p className="flash" role="status">
          {flash.kind === "compiled" ? t("flash.compiled", { version: flash.version }) : t("flash.saved")}
        </p>
      ) : null}

      <section aria-labelledby="compile-title" className="panel">
        <h2 id="compile-title">{t("compile.title")}</h2>
        {consultation.status === "draft" ? <p className="note">{t("compile.notCirculated")}</p> : null}
        {consultation.status === "open" ? <p className="note">{t("compile.openNote")}</p> : null}
        {consultation.status === "compiled" ? <p className="note">{t("compile.compiledNote")}</p> : null}
        <BlockingList
          consultationId={consultation.id}
          missing={actionData?.missing ?? blocking}
          total={actionData?.missingTotal ?? blockingTotal}
        />
        {page.canCompileDraft || page.canCompileFinal ? (
          <div className="crp-compile">
            {page.canCompileDraft ? (
              <Form method="post" className="stack crp-compile__form">
                <input type="hidden" name="intent" value="draft" />
                <input type="hidden" name="expectedLatestVersion" value={page.latestVersion} />
                <p className="muted">{t("compile.draftHelp")}</p>
                <FormErrors errors={errorsFor("draft")} />
                <button type="submit" className="button button--secondary" disabled={busy}>
                  {compiling === "draft" ? t("compile.working") : t("compile.draft")}
                </button>
              </Form>
            ) : null}
            {page.canCompileFinal ? (
              <Form method="post" className="stack crp-compile__form">
                <input type="hidden" name="intent" value="final" />
                <input type="hidden" name="expectedLatestVersion" value={page.latestVersion} />
                <p className="muted">{t("compile.finalHelp")}</p>
                <FormErrors errors={errorsFor("final")} />
                <div className="checkbox">
                  <input type="checkbox" id="crp-confirm" name="confirm" required disabled={blocking.length > 0} />
                  <label htmlFor="crp-confirm">{t("compile.confirm")}</label>
                </div>
                <button type="submit" className="button" disabled={busy || blocking.length > 0}>
                  {compiling === "final" ? t("compile.working") : t("compile.final")}
                </button>
              </Form>
            ) : null}
          </div>
        ) : null}
        <p id="crp-compiling" className="visually-hidden" role="status">
          {compiling === "draft" || compiling === "final" ? t("compile.working") : ""}
        </p>
      </section>

      {page.canEditIntroduction ? (
        <IntroductionForm note={consultation.introductionNote} lastResult={actionData?.intent === "introduction" ? actionData.result : undefined} busy={busy}>
          <IntroductionParagraphs
            paragraphs={introduction}
            rewritten={page.rewrittenParagraphs}
            refused={actionData?.intent === "paragraph" ? { key: actionData.key, result: actionData.result } : null}
            busy={busy}
          />
        </IntroductionForm>
      ) : null}

      <section aria-labelledby="versions-title" className="panel">
        <h2 id="versions-title">{t("versions.title")}</h2>
        {versions.length ? (
          <VersionsTable consultationId={consultation.id} versions={versions} language={i18n.language} timeZone={readerTimeZone} />
        ) : (
          <p className="empty">{t("versions.none")}</p>
        )}
      </section>

      {versions.length > 1 ? (
        <section aria-labelledby="redline-title" className="panel">
          <h2 id="redline-title">{t("redline.title")}</h2>
          <Form method="get" className="compare-form">
            <VersionSelect name="from" label={t("redline.from")} value={redline?.from ?? versions[1]!.versionNumber} versions={versions} />
            <VersionSelect name="to" label={t("redline.to")} value={redline?.to ?? versions[0]!.versionNumber} versions={versions} />
            <button type="submit" className="button button--secondary">
              {t("redline.show")}
            </button>
          </Form>
          {redline && stats ? (
            <>
              <p className="muted" role="status">
                {t("redline.stats", { from: redline.from, to: redline.to, changed: stats.changed, inserted: stats.inserted, deleted: stats.deleted })}
              </p>
              <div className="crp-redline redline-box" lang="en" dir="ltr">
                {redline.rows.map((row, index) =>
                  row.kind === "skip" ? (
                    <p key={index} className="crp-redline__skip" lang={i18n.language} dir={i18n.dir()}>
                      {t("redline.skipped", { count: row.count })}
                    </p>
                  ) : (
                    // Headings keep their weight, not their Markdown marks; they are not page headings.
                    <div key={index} className={`crp-redline__row crp-redline__row--${row.kind} crp-redline__block--${row.style ?? "paragraph"}`}>
                      <Redline segments={row.segments} />
                    </div>
                  ),
                )}
              </div>
            </>
          ) : redlineAsked ? (
            <p className="form-errors" role="alert">
              {t("redline.notFound")}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="preview-title" className="panel">
        <h2 id="preview-title">{page.finalVersion !== null ? t("preview.finalTitle", { version: page.finalVersion }) : t("preview.title")}</h2>
        <p className="muted">{page.finalVersion !== null ? t("preview.finalHelp") : t("preview.help")}</p>
        {/* crpToHtml escapes every piece of data (&, <, >, quotes) and adds only its own markup. */}
        {previewMegabytes ? <p className="note">{t("preview.tooLarge", { count: previewMegabytes })}</p> : null}
        {previewHtml ? (
          <div className="crp-preview">
            <style dangerouslySetInnerHTML={{ __html: CRP_HTML_STYLE.replace(/@page[^}]*}/, "") }} />
            <div dangerouslySetInnerHTML={{ __html: previewHtml }} />
          </div>
        ) : null}
      </section>
    </article>
  );
}

/** What a final compilation still lacks, each with where to fix it. */
function BlockingList({ consultationId, missing, total }: { consultationId: string; missing: CrpMissing[]; total: number }) {
  const { t } = useTranslation("crp");
  if (!total) return <p className="crp-ready">{t("blocking.none")}</p>;
  return (
    <div className="crp-blocking">
      <h3>{t("blocking.title", { count: total })}</h3>
      <ul>
        {missing.map((m) =>
          m.kind === "translation" ? (
            <li key={m.commentId}>
              <Link to={`/consultations/${consultationId}/translations/${m.commentId}`}>
                {withData(
                  t(`blocking.translation.${m.status}`, {
                    delegation: isolate(m.delegationName),
                    where: m.label ? `${m.agendaItem}, ${isolate(m.label)}` : m.agendaItem,
                    language: t(`languages.${m.language}`),
                  }),
                )}
              </Link>{" "}
              <span className="muted">({t(`blocking.kind.${m.commentKind}`)})</span>
            </li>
          ) : (
            <li key={m.field}>
              <Link to={`/consultations/${consultationId}/edit`}>{t(`blocking.fact.${m.field}`)}</Link>
            </li>
          ),
        )}
      </ul>
      {total > missing.length ? <p>{t("blocking.more", { count: total - missing.length })}</p> : null}
    </div>
  );
}

function IntroductionForm({
  note,
  lastResult,
  busy,
  children,
}: {
  note: string | null;
  lastResult: ActionAnswer["result"] | undefined;
  busy: boolean;
  children: React.ReactNode;
}) {
  const { t } = useTranslation("crp");
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { intent: "introduction", introductionNote: note ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="introduction-title" className="panel">
      <h2 id="introduction-title">{t("introduction.title")}</h2>
      <p className="muted">{t("introduction.help")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="introduction" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.introductionNote.id}>{t("introduction.label")}</label>
          <textarea {...getTextareaProps(fields.introductionNote)} rows={6} lang="en" dir="ltr" maxLength={MAX_INTRODUCTION_NOTE} />
          <p className="field__help">{t("introduction.limit", { count: MAX_INTRODUCTION_NOTE })}</p>
          <FormErrors id={fields.introductionNote.errorId} errors={fields.introductionNote.errors} />
        </div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t("introduction.save")}
        </button>
      </Form>
      {children}
    </section>
  );
}

/**
 * The other paragraphs of section I as the data words them now, each open to be rewritten by hand
 * (it then no longer follows the data), left out (emptied), or given back to the data.
 */
function IntroductionParagraphs({
  paragraphs,
  rewritten,
  refused,
  busy,
}: {
  paragraphs: { number: number; key: CrpIntroductionKey; text: string }[];
  rewritten: CrpIntroductionKey[];
  refused: { key: CrpIntroductionKey | undefined; result: ActionAnswer["result"] } | null;
  busy: boolean;
}) {
  const { t } = useTranslation("crp");
  if (!paragraphs.length) return null;
  return (
    <div className="crp-paragraphs">
      <h3>{t("introduction.paragraphs.title")}</h3>
      <p className="muted">{t("introduction.paragraphs.help")}</p>
      {paragraphs.map((paragraph) => {
        const byHand = rewritten.includes(paragraph.key);
        const mine = refused?.key === paragraph.key ? refused.result : undefined;
        const errors = Object.values(mine?.error ?? {}).flatMap((messages) => messages ?? []);
        // What the officer typed comes back with the error.
        const typed = (mine?.initialValue as { text?: unknown } | undefined)?.text;
        const id = `paragraph-${paragraph.key}`;
        return (
          <details key={paragraph.key} id={id} open={errors.length > 0 || undefined}>
            <summary>
              {t("introduction.paragraphs.summary", { number: paragraph.number })}
              {byHand ? <span className="badge">{t("introduction.paragraphs.byHand")}</span> : null}
            </summary>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="paragraph" />
              <input type="hidden" name="key" value={paragraph.key} />
              <FormErrors id={`${id}-errors`} errors={errors} />
              <div className="field">
                <label htmlFor={`${id}-text`}>{t("introduction.paragraphs.label", { number: paragraph.number })}</label>
                <textarea id={`${id}-text`} name="text" rows={4} lang="en" dir="ltr" maxLength={MAX_INTRODUCTION_NOTE} defaultValue={typeof typed === "string" ? typed : paragraph.text} />
              </div>
              <p className="actions-row">
                <button type="submit" className="button button--secondary" disabled={busy}>
                  {t("introduction.paragraphs.save")}
                </button>{" "}
                {byHand ? (
                  <button type="submit" name="reset" value="1" className="button button--secondary" disabled={busy}>
                    {t("introduction.paragraphs.reset")}
                  </button>
                ) : null}
              </p>
            </Form>
          </details>
        );
      })}
    </div>
  );
}

function VersionsTable({
  consultationId,
  versions,
  language,
  timeZone,
}: {
  consultationId: string;
  versions: (Omit<CrpVersionSummary, "createdAt"> & { createdAt: string | Date })[];
  language: string;
  timeZone: string;
}) {
  const { t } = useTranslation("crp");
  return (
    <div className="table-scroll">
      <table className="table crp-versions">
        <caption className="visually-hidden">{t("versions.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("versions.version")}</th>
            <th scope="col">{t("versions.status")}</th>
            <th scope="col">{t("versions.by")}</th>
            <th scope="col">{t("versions.at")}</th>
            <th scope="col">{t("versions.data")}</th>
            <th scope="col">{t("versions.downloads")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.versionNumber}>
              <th scope="row">{v.versionNumber}</th>
              <td>
                <span className={`badge crp-status crp-status--${v.status}`}>{t(`versions.statuses.${v.status}`)}</span>
              </td>
              <td>{v.createdBy ?? "—"}</td>
              <td>{formatInstant(v.createdAt, language, timeZone)}</td>
              <td>{v.changedSince ? <strong>{t("versions.changed")}</strong> : t("versions.unchanged")}</td>
              <td>
                <ul className="crp-downloads">
                  {CRP_FORMATS.map((format) => (
                    <li key={format}>
                      <a href={crpVersionHref(consultationId, v.versionNumber, format)} download={format === "html" ? undefined : ""}>
                        {t(`versions.formats.${format}`)}
                        <span className="visually-hidden"> {t("versions.ofVersion", { version: v.versionNumber })}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VersionSelect({ name, label, value, versions }: { name: string; label: string; value: number; versions: { versionNumber: number; status: "draft" | "final" }[] }) {
  const { t } = useTranslation("crp");
  return (
    <div className="field">
      <label htmlFor={`crp-${name}`}>{label}</label>
      {/* Keyed by the value: after a compile the page is reloaded in place and the new default must show. */}
      <select key={value} id={`crp-${name}`} name={name} defaultValue={value}>
        {versions.map((v) => (
          <option key={v.versionNumber} value={v.versionNumber}>
            {t("redline.option", { version: v.versionNumber, status: t(`versions.statuses.${v.status}`) })}
          </option>
        ))}
      </select>
    </div>
  );
}
