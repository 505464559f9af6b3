// /consultations/:id/translations/:commentId — translating one comment: the circulated point it
// addresses above, then each paragraph of the original (in its own language and direction) beside
// a field for its English translation; for an amendment its proposed wording the same way. The
// secretariat saves drafts and marks translations final; the consultation's chairs read the page;
// delegates and anyone else get 404 (saving as a chair: 403).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { z } from "zod";
import { CirculatedPoint } from "~/components/translation-editor/circulated-point";
import { ConflictNotice } from "~/components/translation-editor/conflict-notice";
import { MachineNotice, SavedNotice, SupersededNotice } from "~/components/translation-editor/editor-notices";
import { OutdatedChanges } from "~/components/translation-editor/outdated-changes";
import { ReadOnlyTranslation } from "~/components/translation-editor/read-only-translation";
import { TranslationFacts } from "~/components/translation-editor/translation-facts";
import { TranslationForm } from "~/components/translation-editor/translation-form";
import { withData } from "~/components/ui/data-text";
import { useNotice } from "~/components/ui/notice";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName, nameInSentence } from "~/lib/delegation-names";
import { replyUnparsed } from "~/lib/form-unreadable";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { textFieldErrors, TranslationSchema } from "~/lib/translation-forms";
import { joinTranslation } from "~/lib/translation-segments";
import { mayReadComments, mayTranslate } from "~/lib/permissions";
import { getTranslationForEditing, saveTranslation, suggestTranslation, type TheirTranslation } from "~/models/translation.server";
import type { SessionUser } from "~/models/user.server";
import translationsStylesheet from "~/styles/translations.css?url";
import { clientAddress, requireUser } from "~/utils/auth.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import { translationProvider } from "~/utils/translation-provider.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: translationsStylesheet }];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data, language) => t("translations:editor.title", { delegation: nameInSentence(data.page.delegation, language, { isolate: true }) }),
};

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

async function readablePage(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  if (!mayReadComments(user) || !isUuid(params.consultationId) || !isUuid(params.commentId)) notFound();
  const page = await getTranslationForEditing(user, params.consultationId, params.commentId);
  if (!page) notFound();
  return { user, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, page } = await readablePage(request, params);
  return {
    page,
    readerTimeZone: user.timeZone ?? page.consultation.timeZone,
    // Left by the save's redirect: saved as a draft, or final.
    saved: await readNotice(request, ["translation.saved"]),
    machineAvailable: page.canEdit && translationProvider() !== null,
  };
}

// ---------------------------------------------------------------------------------------------
// The action: "suggest" asks the machine-translation provider; "draft" and "final" save

type ActionData = {
  result: SubmissionResult<string[]>;
  conflict?: TheirTranslation;
  superseded?: { currentCommentId: string | null };
  suggestion?: { body: string; proposedText: string | null };
  machineError?: string;
};

const respond = (payload: ActionData, status: number) => data(payload, { status });

type Call = {
  user: SessionUser;
  page: Awaited<ReturnType<typeof readablePage>>["page"];
  value: z.infer<typeof TranslationSchema>;
  reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean }) => SubmissionResult<string[]>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, page } = await readablePage(request, params);
  if (!mayTranslate(user)) throw data({ reason: "forbidden" }, { status: 403 });
  const submission = parseWithZod(await request.formData(), { schema: TranslationSchema });
  if (submission.status !== "success") return respond({ result: replyUnparsed(submission, "translations:errors.invalid") }, 400);
  const call: Call = { user, page, value: submission.value, reply: (options) => submission.reply(options) };
  if (call.value.intent === "suggest") return suggest(call, request.signal);
  return save(call, request, clientAddress(context));
}

async function suggest({ user, page, reply }: Call, signal: AbortSignal) {
  const suggested = await suggestTranslation(user, page.consultation.id, page.comment.id, { signal });
  if (suggested.ok) return respond({ result: reply({ resetForm: true }), suggestion: { body: suggested.body, proposedText: suggested.proposedText } }, 200);
  if (suggested.reason === "not_found") notFound();
  return respond({ result: reply(), machineError: suggested.reason }, suggested.reason === "off" ? 409 : 502);
}

async function save({ user, page, value, reply }: Call, request: Request, ipAddress: string) {
  const join = (cells: (string | undefined)[] | undefined) => joinTranslation((cells ?? []).map((cell) => ({ translation: cell ?? "" })));
  const saved = await saveTranslation(user, {
    consultationId: page.consultation.id,
    commentId: page.comment.id,
    expectedVersion: value.expectedVersion,
    body: join(value.body),
    proposedText: page.comment.kind === "amendment" ? join(value.proposed) : null,
    final: value.intent === "final",
    machineAssisted: value.machineAssisted === "1",
    ipAddress,
  });
  if (saved.ok)
    throw await redirectWithNotice(request, paths.translation(page.consultation.id, page.comment.id), { kind: "translation.saved", status: saved.status });
  switch (saved.reason) {
    case "not_found":
      notFound();
    // eslint-disable-next-line no-fallthrough
    case "conflict":
      return respond({ result: reply({ formErrors: ["translations:errors.conflict"] }), conflict: saved.theirs }, 409);
    case "superseded":
      return respond({ result: reply({ formErrors: ["translations:editor.superseded.body"] }), superseded: { currentCommentId: saved.currentCommentId } }, 409);
    case "compiled":
      return respond({ result: reply({ formErrors: ["translations:errors.compiled"] }) }, 409);
    case "invalid":
      return respond({ result: reply({ formErrors: ["translations:errors.invalid"] }) }, 400);
    case "text":
      return respond({ result: reply({ fieldErrors: textFieldErrors(saved.problems) }) }, 400);
  }
}

// ---------------------------------------------------------------------------------------------
// The page

export default function TranslationEditorPage() {
  const { page, readerTimeZone, machineAvailable, ...loaded } = useLoaderData<typeof loader>();
  const saved = useNotice(loaded.saved);
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { t, i18n } = useTranslation(["translations", "common"]);
  const language = i18n.language as Language;
  const name = delegationName(page.delegation, language);
  const original = page.comment.language;
  // Each field in its own language: an amendment's wording is often the English text of the point.
  const bodyLanguage = page.languages.body ?? original;
  const proposedLanguage = page.languages.proposedText ?? original;
  const originalName = t(`common:languageNames.${page.needs.body ? bodyLanguage : proposedLanguage}`);
  const proposedName = t(`common:languageNames.${proposedLanguage}`);
  const at = (instant: Date | string) => formatInstant(instant, language, readerTimeZone);
  const commentHref = (commentId: string) => paths.translation(page.consultation.id, commentId);
  const suggestion = actionData?.suggestion ?? null;
  const conflict = actionData?.conflict ?? null;
  const superseded = actionData?.superseded ?? page.superseded;

  return (
    <article className="translation-editor">
      {page.canEdit || page.superseded ? (
        <p className="eyebrow">
          <Link to={paths.translations(page.consultation.id)}>{t("editor.back")}</Link>
        </p>
      ) : null}
      <h1>{withData(t("editor.title", { delegation: nameInSentence(page.delegation, language, { isolate: true }) }))}</h1>

      {saved && !actionData ? <SavedNotice saved={saved.status} nextHref={page.nextToTranslateId ? commentHref(page.nextToTranslateId) : null} /> : null}
      <TranslationFacts page={page} name={name} originalName={originalName} at={at} />
      {superseded ? <SupersededNotice currentHref={superseded.currentCommentId ? commentHref(superseded.currentCommentId) : null} /> : null}
      {page.point ? <CirculatedPoint point={page.point} /> : null}
      {page.freshness?.state === "outdated" ? (
        <OutdatedChanges changes={page.freshness} bodyLanguage={bodyLanguage} proposedLanguage={proposedLanguage} />
      ) : null}
      {conflict ? <ConflictNotice conflict={conflict} hasProposed={page.alignment.proposedText !== null} at={at} reloadTo={location.pathname} /> : null}
      <MachineNotice suggested={suggestion !== null} error={actionData?.machineError} />

      {page.canEdit ? (
        <TranslationForm
          page={page}
          languages={{ body: bodyLanguage, proposed: proposedLanguage, originalName, proposedName }}
          suggestion={suggestion}
          conflict={conflict}
          lastResult={actionData?.result}
          machineAvailable={machineAvailable}
        />
      ) : (
        <ReadOnlyTranslation page={page} />
      )}

      <nav className="translation-editor__nav" aria-label={t("editor.back")}>
        {page.previousId ? <Link to={commentHref(page.previousId)}>{t("editor.previous")}</Link> : null}
        {page.nextToTranslateId && page.canEdit ? <Link to={commentHref(page.nextToTranslateId)}>{t("editor.next")}</Link> : null}
      </nav>
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
