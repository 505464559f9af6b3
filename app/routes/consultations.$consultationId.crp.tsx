import tinos400 from "@fontsource/tinos/400.css?url";
import tinos700 from "@fontsource/tinos/700.css?url";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { z } from "zod";
import { CompilePanel } from "~/components/crp/compile-panel";
import { IntroductionForm, IntroductionParagraphs } from "~/components/crp/introduction-form";
import { PreviewPanel } from "~/components/crp/preview-panel";
import { RedlinePanel } from "~/components/crp/redline-panel";
import { VersionsTable } from "~/components/crp/versions-table";
import { StatusBadge } from "~/components/ui/status-badge";
import { Notice, useNotice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { crpPreview } from "~/documents/crp-preview";
import { EDITABLE_INTRODUCTION_KEYS } from "~/lib/crp-files";
import { compileRefusalMessage, CrpActionSchema, intentOf, MAX_BLOCKING_SHOWN, previewPartParam, versionParam, type CrpActionAnswer } from "~/lib/crp-forms";
import { wallClockIn } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { compileCrp, getCrpPage, getCrpRedline, saveIntroductionNote, saveIntroductionParagraph } from "~/models/crp.server";
import type { SessionUser } from "~/models/user.server";
import stylesheet from "~/styles/crp.css?url";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("crp:title") };

// Tinos has the metrics of Times New Roman: the preview breaks its lines as Word does.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tinos400 },
  { rel: "stylesheet", href: tinos700 },
  { rel: "stylesheet", href: stylesheet },
];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // As the side-by-side view and the matrix: 403 to delegates whatever the id, 404 to a chair of another.
  const user = await requireRole(request, "secretariat", "chair");
  if (!isUuid(params.consultationId)) notFound();
  const page = await getCrpPage(user, params.consultationId);
  if (!page) notFound();
  const url = new URL(request.url);
  // The redline: the two versions asked for, or by default the latest against the one before.
  const from = versionParam(url.searchParams.get("from")) ?? (page.latestVersion > 1 ? page.latestVersion - 1 : null);
  const to = versionParam(url.searchParams.get("to")) ?? (page.latestVersion > 1 ? page.latestVersion : null);
  const redline = from !== null && to !== null ? await getCrpRedline(user, params.consultationId, from, to) : null;
  // The models stay on the server: the page gets the preview's HTML (whole when small, else the
  // part asked for) and the start of a long blocking list.
  const { preview, blocking, ...rest } = page;
  // The introduction as a draft would say it now, for the secretariat to rewrite a paragraph.
  const introduction = preview ? preview.introduction.paragraphs.filter((p) => EDITABLE_INTRODUCTION_KEYS.includes(p.key)) : [];
  return {
    page: { ...rest, blocking: blocking.slice(0, MAX_BLOCKING_SHOWN) },
    blockingTotal: blocking.length,
    preview: preview ? crpPreview(preview, previewPartParam(url.searchParams.get("preview"))) : null,
    redline,
    introduction,
    redlineAsked: url.searchParams.has("from") || url.searchParams.has("to"),
    readerTimeZone: user.timeZone ?? page.consultation.timeZone,
    // The compile forms' date of issue: today on the meeting's clock, as the model would date it.
    today: wallClockIn(new Date(), page.consultation.timeZone).date,
    // Left by the action's redirect: the introduction saved, a version compiled.
    notice: await readNotice(request, ["crp.saved", "crp.compiled"]),
  };
}

// ---------------------------------------------------------------------------------------------
// The action: one handler per intent

type Value<I extends CrpActionAnswer["intent"]> = Extract<z.infer<typeof CrpActionSchema>, { intent: I }>;
type Call = {
  request: Request;
  user: SessionUser;
  consultationId: string;
  ipAddress: string;
  /** The form's answer with the server's own errors. */
  reply: (errors: string[]) => SubmissionResult<string[]>;
};

function refused(answer: Omit<CrpActionAnswer, "result">, result: SubmissionResult<string[]>, status = 409) {
  return data<CrpActionAnswer>({ ...answer, result }, { status });
}

const introductionError = (reason: "compiled" | "too_long") => (reason === "too_long" ? "crp:errors.introductionTooLong" : "crp:errors.compiled");

async function saveParagraph(call: Call, value: Value<"paragraph">) {
  const saved = await saveIntroductionParagraph(call.user, {
    consultationId: call.consultationId,
    key: value.key,
    text: value.reset ? null : value.text,
    ipAddress: call.ipAddress,
  });
  if (saved.ok) throw await redirectWithNotice(call.request, paths.crp(call.consultationId, {}, `paragraph-${value.key}`), { kind: "crp.saved" });
  if (saved.reason === "not_found") notFound();
  return refused({ intent: "paragraph", key: value.key }, call.reply([introductionError(saved.reason)]));
}

async function saveNote(call: Call, value: Value<"introduction">) {
  const saved = await saveIntroductionNote(call.user, { consultationId: call.consultationId, note: value.introductionNote, ipAddress: call.ipAddress });
  if (saved.ok) throw await redirectWithNotice(call.request, paths.crp(call.consultationId, {}, "introduction-title"), { kind: "crp.saved" });
  if (saved.reason === "not_found") notFound();
  return refused({ intent: "introduction" }, call.reply([introductionError(saved.reason)]));
}

async function compile(call: Call, value: Value<"draft" | "final">) {
  const final = value.intent === "final";
  const result = await compileCrp(call.user, {
    consultationId: call.consultationId,
    final,
    expectedLatestVersion: value.expectedLatestVersion,
    issuedOn: value.issuedOn,
    originalLines: !value.omitOriginalLines,
    ipAddress: call.ipAddress,
  });
  if (result.ok) throw await redirectWithNotice(call.request, paths.crp(call.consultationId), { kind: "crp.compiled", version: result.versionNumber });
  if (result.reason === "not_found") notFound();
  const blocked = result.reason === "blocked" ? result.missing : null;
  return refused(
    { intent: value.intent, missing: blocked?.slice(0, MAX_BLOCKING_SHOWN), missingTotal: blocked?.length },
    call.reply([compileRefusalMessage(result.reason, final)]),
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) notFound();
  const submission = parseWithZod(await request.formData(), { schema: CrpActionSchema });
  if (submission.status !== "success") {
    const key = EDITABLE_INTRODUCTION_KEYS.find((k) => k === submission.payload.key);
    return refused({ intent: intentOf(submission.payload.intent), key }, submission.reply(), 400);
  }
  const call: Call = {
    request,
    user,
    consultationId: params.consultationId,
    ipAddress: clientAddress(context),
    reply: (formErrors) => submission.reply({ formErrors }),
  };
  const value = submission.value;
  if (value.intent === "paragraph") return saveParagraph(call, value);
  if (value.intent === "introduction") return saveNote(call, value);
  return compile(call, value);
}

// ---------------------------------------------------------------------------------------------
// The page

export default function CrpPage() {
  const { page, blockingTotal, preview, redline, introduction, redlineAsked, readerTimeZone, ...loaded } = useLoaderData<typeof loader>();
  const notice = useNotice(loaded.notice);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("crp");
  const { consultation, versions, blocking } = page;
  const busy = navigation.state === "submitting";
  // Form-level and field errors of one of the two compile forms, after its own submit.
  const errorsFor = (intent: CrpActionAnswer["intent"]) =>
    actionData?.intent === intent ? Object.values(actionData.result?.error ?? {}).flatMap((messages) => messages ?? []) : [];

  return (
    <article className="crp-page">
      <PageHeader title={t("title")} aside={<StatusBadge status={consultation.status} />} lead={t("lead")} />
      {notice ? <Notice tone="success">{notice.kind === "crp.compiled" ? t("flash.compiled", { version: notice.version }) : t("flash.saved")}</Notice> : null}

      <CompilePanel
        consultationId={consultation.id}
        status={consultation.status}
        latestVersion={page.latestVersion}
        missing={actionData?.missing ?? blocking}
        total={actionData?.missingTotal ?? blockingTotal}
        canCompileDraft={page.canCompileDraft}
        canCompileFinal={page.canCompileFinal}
        finalBlocked={blocking.length > 0}
        today={loaded.today}
        errorsFor={errorsFor}
      />

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

      {versions.length > 1 ? <RedlinePanel versions={versions} redline={redline} asked={redlineAsked} /> : null}

      <PreviewPanel finalVersion={page.finalVersion} preview={preview} />
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
