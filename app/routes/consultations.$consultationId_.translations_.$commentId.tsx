// /consultations/:id/translations/:commentId — translating one comment: the circulated point it
// addresses above, then each paragraph of the original (in its own language and direction) beside
// a field for its English translation; for an amendment its proposed wording the same way. The
// secretariat saves drafts and marks translations final; the consultation's chairs read the page;
// delegates and anyone else get 404 (saving as a chair: 403).
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors } from "~/components/form-errors";
import { Redline } from "~/components/redline";
import { isolate, withData } from "~/components/ui/data-text";
import { directionOf, type Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { alignSegments, joinTranslation, type AlignedRow } from "~/lib/translation-segments";
import {
  getTranslationForEditing,
  saveTranslation,
  suggestTranslation,
  type TheirTranslation,
  type TranslationForEditing,
} from "~/models/translation.server";
import translationsStylesheet from "~/styles/translations.css?url";
import { clientAddress, requireUser } from "~/utils/auth.server";
import { translationProvider } from "~/utils/translation-provider.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: translationsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.page.delegation.nameEn} · Translation · ${data.page.consultation.title} · Nonpaper` : "Nonpaper" },
];

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

/** More paragraphs than any comment has; more is a forged request. */
const MAX_PARAGRAPHS = 2_000;

const E = (key: string) => `translations:errors.${key}`;

const paragraphs = z.array(z.string().optional(), { invalid_type_error: E("invalid") }).max(MAX_PARAGRAPHS, E("invalid")).optional();

const EditorSchema = z.object({
  // "draft" and "final" save; "suggest" asks the machine-translation provider.
  intent: z.enum(["draft", "final", "suggest"], { errorMap: () => ({ message: E("invalid") }) }),
  expectedVersion: z.coerce.number({ invalid_type_error: E("invalid"), required_error: E("invalid") }).int(E("invalid")).min(0, E("invalid")),
  machineAssisted: z.enum(["0", "1"]).optional(),
  body: paragraphs,
  proposed: paragraphs,
});

async function readablePage(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  if (user.role === "delegate" || !isUuid(params.consultationId) || !isUuid(params.commentId)) notFound();
  const page = await getTranslationForEditing(user, params.consultationId, params.commentId);
  if (!page) notFound();
  return { user, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, page } = await readablePage(request, params);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    page,
    readerTimeZone: user.timeZone ?? page.consultation.timeZone,
    saved: saved === "draft" || saved === "final" ? (saved as "draft" | "final") : null,
    machineAvailable: page.canEdit && translationProvider() !== null,
  };
}

type ActionData = {
  result: SubmissionResult<string[]>;
  conflict?: TheirTranslation;
  superseded?: { currentCommentId: string | null };
  suggestion?: { body: string; proposedText: string | null };
  machineError?: string;
};

const respond = (payload: ActionData, status: number) => data(payload, { status });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, page } = await readablePage(request, params);
  if (user.role !== "secretariat") throw data({ reason: "forbidden" }, { status: 403 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: EditorSchema });
  if (submission.status !== "success") return respond({ result: submission.reply() }, 400);
  const value = submission.value;

  if (value.intent === "suggest") {
    const suggested = await suggestTranslation(user, page.consultation.id, page.comment.id, { signal: request.signal });
    if (suggested.ok) return respond({ result: submission.reply({ resetForm: true }), suggestion: { body: suggested.body, proposedText: suggested.proposedText } }, 200);
    if (suggested.reason === "not_found") notFound();
    return respond({ result: submission.reply(), machineError: suggested.reason }, suggested.reason === "off" ? 409 : 502);
  }

  const join = (cells: (string | undefined)[] | undefined) => joinTranslation((cells ?? []).map((cell) => ({ translation: cell ?? "" })));
  const saved = await saveTranslation(user, {
    consultationId: page.consultation.id,
    commentId: page.comment.id,
    expectedVersion: value.expectedVersion,
    body: join(value.body),
    proposedText: page.comment.kind === "amendment" ? join(value.proposed) : null,
    final: value.intent === "final",
    machineAssisted: value.machineAssisted === "1",
    ipAddress: clientAddress(context),
  });
  if (saved.ok) throw redirect(`/consultations/${page.consultation.id}/translations/${page.comment.id}?saved=${saved.status}`);
  switch (saved.reason) {
    case "not_found":
      notFound();
    // eslint-disable-next-line no-fallthrough
    case "conflict":
      return respond({ result: submission.reply({ formErrors: [E("conflict")] }), conflict: saved.theirs }, 409);
    case "superseded":
      return respond({ result: submission.reply({ formErrors: ["translations:editor.superseded.body"] }), superseded: { currentCommentId: saved.currentCommentId } }, 409);
    case "compiled":
      return respond({ result: submission.reply({ formErrors: [E("compiled")] }) }, 409);
    case "invalid":
      return respond({ result: submission.reply({ formErrors: [E("invalid")] }) }, 400);
    case "text": {
      const fieldErrors: Record<string, string[]> = {};
      for (const problem of saved.problems) {
        const field = problem.field === "proposedText" ? "proposed" : "body";
        (fieldErrors[field] ??= []).push(E(problem.problem));
      }
      return respond({ result: submission.reply({ fieldErrors }) }, 400);
    }
  }
}

type Page = TranslationForEditing;

/** "Agenda item 2, point (c)" in the reader's language. */
function useWhere(page: Pick<Page, "agendaItem" | "point" | "comment">) {
  const { t } = useTranslation(["translations", "consultations"]);
  // Numbers and labels marked as data (isolate), shown with withData.
  const item = page.agendaItem.number ? t("consultations:agendaItem", { number: isolate(page.agendaItem.number) }) : t("consultations:generalSection");
  const detail = page.point
    ? t("where.point", { label: isolate(page.point.label) })
    : page.comment.kind === "new_proposal"
      ? t("where.proposal", { label: isolate(page.comment.label ?? "") })
      : t("where.general");
  return `${item}, ${detail}`;
}

export default function TranslationEditorPage() {
  const { page, readerTimeZone, saved, machineAvailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const { t, i18n } = useTranslation(["translations", "common", "consultations"]);
  const language = i18n.language as Language;
  const where = useWhere(page);
  const name = delegationName(page.delegation, language);
  const original = page.comment.language;
  // Each field in its own language: an amendment's wording is often the English text of the point.
  const bodyLanguage = page.languages.body ?? original;
  const proposedLanguage = page.languages.proposedText ?? original;
  const originalName = t(`common:languageNames.${page.needs.body ? bodyLanguage : proposedLanguage}`);
  const proposedName = t(`common:languageNames.${proposedLanguage}`);
  const at = (instant: Date | string) => formatInstant(instant, language, readerTimeZone);
  const base = `/consultations/${page.consultation.id}/translations`;
  const suggestion = actionData?.suggestion ?? null;
  const conflict = actionData?.conflict ?? null;
  const superseded = actionData?.superseded ?? page.superseded;

  // What the fields start from: a machine suggestion, else the stored translation.
  const bodyRows = suggestion ? alignSegments(page.comment.body, suggestion.body).rows : page.alignment.body.rows;
  const proposedRows = page.alignment.proposedText
    ? suggestion
      ? alignSegments(page.comment.proposedText ?? "", suggestion.proposedText ?? "").rows
      : page.alignment.proposedText.rows
    : null;
  const machineAssisted = suggestion !== null || (page.translation?.machineAssisted ?? false);
  const version = conflict ? conflict.version : (page.translation?.version ?? 0);
  const formKey = `translation-${page.comment.id}-${page.translation?.version ?? 0}-${suggestion ? "suggested" : "stored"}`;

  const [form, fields] = useForm({
    id: formKey,
    lastResult: suggestion ? undefined : actionData?.result,
    defaultValue: {
      body: bodyRows.map((row) => row.translation),
      proposed: proposedRows?.map((row) => row.translation) ?? [],
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditorSchema }),
  });
  const bodyFields = fields.body.getFieldList();
  const proposedFields = fields.proposed.getFieldList();
  const busy = navigation.state !== "idle";
  const mismatch = suggestion ? alignSegments(page.comment.body, suggestion.body).mismatch : page.alignment.body.mismatch;
  const proposedMismatch = page.alignment.proposedText?.mismatch ?? null;

  return (
    <article className="translation-editor">
      <p className="eyebrow">
        <Link to={`/consultations/${page.consultation.id}`} lang="en" dir="ltr">
          {page.consultation.title}
        </Link>
        {page.canEdit || page.superseded ? (
          <>
            {" · "}
            <Link to={base}>{t("editor.back")}</Link>
          </>
        ) : null}
      </p>
      <h1>{withData(t("editor.title", { delegation: isolate(name) }))}</h1>

      {saved && !actionData ? (
        <div className="flash" role="status">
          <p>{t(`editor.saved.${saved}`)}</p>
          <p>
            {page.nextToTranslateId ? (
              <Link to={`${base}/${page.nextToTranslateId}`}>{t("editor.next")}</Link>
            ) : (
              t("editor.noNext")
            )}
          </p>
        </div>
      ) : null}

      <section className="panel" aria-labelledby="translation-facts-title">
        <h2 id="translation-facts-title" className="visually-hidden">
          {t("editor.facts.title")}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t("editor.facts.delegation")}</dt>
            <dd>
              {name}
              {language !== "en" && name !== page.delegation.nameEn ? (
                <span lang="en" dir="ltr" className="muted">
                  {" "}
                  ({page.delegation.nameEn})
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("editor.facts.where")}</dt>
            <dd>
              {withData(where)}
              <span className="agenda-item__title" lang="en" dir="ltr">
                {" "}
                — {page.agendaItem.title}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("editor.facts.kind")}</dt>
            <dd>{t(`kind.${page.comment.kind}`)}</dd>
          </div>
          <div>
            <dt>{t("editor.facts.language")}</dt>
            <dd>{originalName}</dd>
          </div>
          <div>
            <dt>{t("editor.facts.status")}</dt>
            <dd>
              <span className={`badge desk-status desk-status--${page.status}`}>{t(`status.${page.status}`)}</span>
            </dd>
          </div>
          {page.translation ? (
            <>
              <div>
                <dt>{t("editor.facts.translator")}</dt>
                <dd>{page.translation.translatorName ?? t("desk.table.none")}</dd>
              </div>
              <div>
                <dt>{t("editor.facts.updated")}</dt>
                <dd>
                  <time dateTime={new Date(page.translation.updatedAt).toISOString()}>{at(page.translation.updatedAt)}</time>
                </dd>
              </div>
              {page.translation.finalizedAt ? (
                <div>
                  <dt>{t("editor.facts.finalized")}</dt>
                  <dd>
                    <time dateTime={new Date(page.translation.finalizedAt).toISOString()}>{at(page.translation.finalizedAt)}</time>
                    {page.translation.finalizedByName ? ` · ${page.translation.finalizedByName}` : null}
                  </dd>
                </div>
              ) : null}
            </>
          ) : null}
        </dl>
      </section>

      {superseded ? (
        <section className="translation-editor__warning" role="alert" aria-labelledby="superseded-title">
          <h2 id="superseded-title">{t("editor.superseded.title")}</h2>
          <p>{t("editor.superseded.body")}</p>
          {superseded.currentCommentId ? (
            <p>
              <Link to={`${base}/${superseded.currentCommentId}`}>{t("editor.superseded.link")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {page.point ? (
        <section className="panel translation-editor__point" aria-labelledby="point-title">
          <h2 id="point-title">{withData(t("editor.point", { label: isolate(page.point.label) }))}</h2>
          <p className="muted">{t("editor.pointNote")}</p>
          <p className="translation-editor__point-text" lang="en" dir="ltr">
            {page.point.text}
          </p>
        </section>
      ) : null}

      {page.freshness?.state === "outdated" ? (
        <section className="translation-editor__outdated" aria-labelledby="outdated-title">
          <h2 id="outdated-title">{t("editor.outdated.title")}</h2>
          <p>{t("editor.outdated.intro")}</p>
          {page.freshness.body ? (
            <>
              <h3>{t("editor.outdated.body")}</h3>
              <Redline segments={page.freshness.body} lang={bodyLanguage} />
            </>
          ) : null}
          {page.freshness.proposedText ? (
            <>
              <h3>{t("editor.outdated.proposed")}</h3>
              <Redline segments={page.freshness.proposedText} lang={proposedLanguage} />
            </>
          ) : null}
        </section>
      ) : null}

      {conflict ? <ConflictNotice conflict={conflict} hasProposed={proposedRows !== null} at={at} reloadTo={location.pathname} /> : null}

      {suggestion ? (
        <p className="flash" role="status">
          {t("editor.machine.suggested")}
        </p>
      ) : null}
      {actionData?.machineError ? (
        <p className="form-errors" role="alert">
          {t(`editor.machine.errors.${actionData.machineError as "off"}`)}
        </p>
      ) : null}

      {page.canEdit ? (
        <Form method="post" {...getFormProps(form)} className="translation-editor__form" key={formKey}>
          <input type="hidden" name="expectedVersion" value={version} />
          <input type="hidden" name="machineAssisted" value={machineAssisted ? "1" : "0"} />
          <FormErrors id={form.errorId} errors={form.errors} />
          {machineAvailable ? (
            <div className="translation-editor__machine">
              <button type="submit" name="intent" value="suggest" className="button button--secondary" disabled={busy} formNoValidate>
                {t("editor.machine.suggest")}
              </button>
              <p className="field__help">{t("editor.machine.help")}</p>
            </div>
          ) : null}

          <h2>{t("editor.comment")}</h2>
          <TranslationLabels machineAssisted={machineAssisted} />
          {page.needs.body ? (
            <>
              <ParagraphTable
                id="body"
                caption={t("editor.comment")}
                rows={bodyRows}
                language={bodyLanguage}
                originalName={originalName}
                fieldNames={bodyFields.map((f) => f.name)}
                mismatch={mismatch}
              />
              <FormErrors id={fields.body.errorId} errors={fields.body.errors} />
            </>
          ) : (
            <AsWritten text={page.comment.body} language={bodyLanguage} />
          )}

          {proposedRows && !page.needs.proposedText ? (
            <>
              <h2>{t("editor.proposed")}</h2>
              <AsWritten text={page.comment.proposedText ?? ""} language={proposedLanguage} />
            </>
          ) : proposedRows ? (
            <>
              <h2>{t("editor.proposed")}</h2>
              <p className="field__help">{t("editor.proposedHelp")}</p>
              {page.comment.proposedText === "" ? <p>{t("editor.deletion")}</p> : null}
              <ParagraphTable
                id="proposed"
                caption={t("editor.proposed")}
                rows={proposedRows}
                language={proposedLanguage}
                originalName={proposedName}
                fieldNames={proposedFields.map((f) => f.name)}
                mismatch={suggestion ? null : proposedMismatch}
                autoDirection
              />
              <FormErrors id={fields.proposed.errorId} errors={fields.proposed.errors} />
            </>
          ) : null}

          <div className="translation-editor__buttons">
            <button type="submit" name="intent" value="draft" className="button button--secondary" disabled={busy}>
              {conflict ? t("editor.conflict.keepMine") : t("editor.saveDraft")}
            </button>
            {!conflict ? (
              <button type="submit" name="intent" value="final" className="button" disabled={busy}>
                {t("editor.saveFinal")}
              </button>
            ) : null}
          </div>
          <p className="field__help">{conflict ? t("editor.conflict.keepMineHelp") : t("editor.finalHelp")}</p>
        </Form>
      ) : (
        <ReadOnlyTranslation page={page} originalName={originalName} />
      )}

      <nav className="translation-editor__nav" aria-label={t("editor.back")}>
        {page.previousId ? <Link to={`${base}/${page.previousId}`}>{t("editor.previous")}</Link> : null}
        {page.nextToTranslateId && page.canEdit ? <Link to={`${base}/${page.nextToTranslateId}`}>{t("editor.next")}</Link> : null}
      </nav>
    </article>
  );
}

/** A field written in English: shown as written, with no field to translate it. */
function AsWritten({ text, language }: { text: string; language: Language }) {
  const { t } = useTranslation(["translations", "common"]);
  if (!text.trim()) return null;
  return (
    <div className="translation-editor__as-written">
      <p className="note">{t("editor.inWorkingLanguage", { language: t(`common:languageNames.${language}`) })}</p>
      <div className="translation-table__original" lang={language} dir={directionOf(language)}>
        {text}
      </div>
    </div>
  );
}

function TranslationLabels({ machineAssisted }: { machineAssisted: boolean }) {
  const { t } = useTranslation("translations");
  return (
    <p className="translation-labels">
      <span className="badge translation-label--unofficial">{t("labels.unofficial")}</span>
      {machineAssisted ? <span className="badge desk-machine">{t("labels.machineAssisted")}</span> : null}
    </p>
  );
}

/** One row per paragraph: the original in its language and direction, the English field beside it. */
function ParagraphTable({
  id,
  caption,
  rows,
  language,
  originalName,
  fieldNames,
  mismatch,
  autoDirection = false,
}: {
  id: string;
  caption: string;
  rows: AlignedRow[];
  language: Language;
  originalName: string;
  fieldNames: string[];
  mismatch: { originalParagraphs: number; translationParagraphs: number } | null;
  /** An amendment is often edited from the circulated English wording: let each paragraph find its direction. */
  autoDirection?: boolean;
}) {
  const { t } = useTranslation("translations");
  return (
    <>
      {mismatch ? (
        <p className="translation-editor__warning" role="note">
          {t("editor.mismatch", { count: mismatch.originalParagraphs, translation: mismatch.translationParagraphs })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="table translation-table" id={`${id}-table`}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("editor.original", { language: originalName })}</th>
              <th scope="col">{t("editor.translation")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const fieldId = `${id}-paragraph-${index}`;
              return (
                <tr key={index}>
                  <td>
                    <span className="translation-table__paragraph">{t("editor.paragraph", { number: index + 1 })}</span>
                    <div className="translation-table__original" lang={language} dir={autoDirection ? "auto" : directionOf(language)}>
                      {row.original}
                    </div>
                  </td>
                  <td>
                    <label htmlFor={fieldId} className="visually-hidden">
                      {t("editor.fieldLabel", { number: index + 1 })}
                    </label>
                    <textarea
                      id={fieldId}
                      name={fieldNames[index] ?? `${id}[${index}]`}
                      defaultValue={row.translation}
                      lang="en"
                      dir="ltr"
                      rows={Math.min(20, Math.max(4, Math.ceil(row.original.length / 60) + 1))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ConflictNotice({
  conflict,
  hasProposed,
  at,
  reloadTo,
}: {
  conflict: TheirTranslation;
  hasProposed: boolean;
  at: (instant: Date | string) => string;
  reloadTo: string;
}) {
  const { t } = useTranslation("translations");
  return (
    <section className="translation-editor__conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("editor.conflict.title")}</h2>
      <p>
        {withData(
          t("editor.conflict.intro", {
            name: conflict.translatorName ? isolate(conflict.translatorName) : t("editor.conflict.someone"),
            version: conflict.version,
            time: at(conflict.updatedAt),
          }),
        )}
      </p>
      <h3>{t("editor.conflict.theirs")}</h3>
      <div className="translation-editor__theirs" lang="en" dir="ltr">
        {conflict.body}
      </div>
      {hasProposed ? (
        <>
          <h3>{t("editor.conflict.theirsProposed")}</h3>
          <div className="translation-editor__theirs" lang="en" dir="ltr">
            {conflict.proposedText}
          </div>
        </>
      ) : null}
      <p>
        {/* Reloading the page shows their translation in the fields. */}
        <Link to={reloadTo} className="button button--secondary">
          {t("editor.conflict.takeTheirs")}
        </Link>
      </p>
    </section>
  );
}

function ReadOnlyTranslation({ page }: { page: Page; originalName: string }) {
  const { t } = useTranslation(["translations", "common"]);
  const table = (rows: AlignedRow[], caption: string, original: Language) => (
    <div className="table-scroll">
      <table className="table translation-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("editor.original", { language: t(`common:languageNames.${original}`) })}</th>
            <th scope="col">{t("editor.translation")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td>
                <div className="translation-table__original" lang={original} dir={directionOf(original)}>
                  {row.original}
                </div>
              </td>
              <td>
                <div className="translation-table__translation" lang="en" dir="ltr">
                  {row.translation || <span className="muted">{t("editor.notTranslated")}</span>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="read-only-title">
      <h2 id="read-only-title">{t("editor.comment")}</h2>
      <p className="note">{t("editor.readOnly")}</p>
      {page.translation ? <TranslationLabels machineAssisted={page.translation.machineAssisted} /> : null}
      {page.needs.body ? (
        table(page.alignment.body.rows, t("editor.comment"), page.languages.body ?? page.comment.language)
      ) : (
        <AsWritten text={page.comment.body} language={page.languages.body ?? page.comment.language} />
      )}
      {page.alignment.proposedText ? (
        <>
          <h2>{t("editor.proposed")}</h2>
          {page.needs.proposedText ? (
            table(page.alignment.proposedText.rows, t("editor.proposed"), page.languages.proposedText ?? page.comment.language)
          ) : (
            <AsWritten text={page.comment.proposedText ?? ""} language={page.languages.proposedText ?? page.comment.language} />
          )}
        </>
      ) : null}
    </section>
  );
}
