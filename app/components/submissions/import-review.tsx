import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { Field } from "~/components/ui/field";
import { Redline } from "~/components/ui/redline";
import { isolate, withData } from "~/components/ui/data-text";
import { SubmitButton } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";
import { TableShell } from "~/components/ui/table-shell";
import type { DocxReadWarning } from "~/documents/docx-reader";
import { directionOf, isLanguage, LANGUAGE_CODES, type Language } from "~/i18n/languages";
import { nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import { redline, redlineStats } from "~/lib/redline";
import type { ImportConfidence, ImportConsultation, ImportReason } from "~/lib/submission-import";

/** One paragraph of the note under review, with what the import proposes for it. */
export type ImportReviewRow = {
  /** The paragraph as in the note (label included). */
  text: string;
  heading: boolean;
  /** The proposed target, as the select's value (see `targetValue` in app/lib/submission-import-review.ts). */
  target: string;
  /** What the amendment box starts from: the proposed wording, or the paragraph. */
  wording: string;
  confidence: ImportConfidence;
  reason: ImportReason;
  /** The label of the point a "label" proposal was read from, e.g. "(c)". */
  label: string | null;
};

/** What the review step shows: the kept original, the details of the note, the rows. */
export type ImportReviewData = {
  original: { id: string; filename: string; size: number };
  /** Made when the proposals were made: saving twice with it saves once. */
  idempotencyKey: string;
  details: { delegationId: string; receivedDate: string; receivedTime: string; language: Language };
  /** The language read from the text, or null. */
  guessedLanguage: Language | null;
  rows: ImportReviewRow[];
  warnings: DocxReadWarning[];
  targets: ImportConsultation;
  /** Per agenda item, the labels a new proposal may take here. */
  proposalLabels: Record<string, string[]>;
};

/** A refusal with values for its message (a comment too long, a character not allowed). */
export type ImportIssue = { message: string; values?: Record<string, string | number> };

type ReviewFormShape = {
  intent: string;
  attachmentId: string;
  idempotencyKey: string;
  delegationId: string;
  receivedDate: string;
  receivedTime: string;
  language: string;
  rows: { target: string; proposedText: string }[];
};

const isPointLabel = (label: string) => label.startsWith("(");

/** "12.3 KB", in the reader's language. */
function formatSize(bytes: number, language: string): string {
  const format = (value: number, unit: "byte" | "kilobyte" | "megabyte") =>
    new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return format(bytes, "byte");
  if (bytes < 1024 * 1024) return format(bytes / 1024, "kilobyte");
  return format(bytes / (1024 * 1024), "megabyte");
}

/** The reader's warnings, in the reader's language; paragraphs are numbered from 1 as in the table. */
export function ImportWarningList({ warnings }: { warnings: DocxReadWarning[] }) {
  const { t, i18n } = useTranslation("submissions");
  if (!warnings.length) return null;
  const list = new Intl.ListFormat(i18n.language, { style: "long", type: "conjunction" });
  return (
    <section className="submission-import__warnings" aria-labelledby="import-warnings-title">
      <h2 id="import-warnings-title">{t("importPage.warningsTitle")}</h2>
      <ul>
        {warnings.map((warning, index) => (
          <li key={index}>
            {warning.code === "controls_removed"
              ? t("import.warnings.controlsRemoved", { paragraphs: list.format(warning.paragraphs.map((p) => String(p + 1))) })
              : warning.code === "images_removed"
                ? t("import.warnings.imagesRemoved", { count: warning.count })
                : warning.code === "tables_flattened"
                  ? t("import.warnings.tablesFlattened", { count: warning.count })
                  : warning.code === "footnotes_appended"
                    ? t("import.warnings.footnotesAppended", { count: warning.count })
                    : t("import.warnings.reader", { message: warning.message })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The review of an import: the details of the note (delegation, when it was received, its
 * language), then one row per paragraph with the proposed target as a select, an amendment's
 * wording with its redline against the circulated text, and how sure the proposal is. Guesses
 * stand out. The form posts only the decisions (targets and wordings) with the id of the kept
 * original; the server reads the paragraphs again from it.
 */
export function ImportReviewForm({
  review,
  lastResult,
  issues,
  delegations,
  timeZone,
}: {
  review: ImportReviewData;
  lastResult: SubmissionResult<string[]> | null;
  issues: ImportIssue[];
  delegations: ({ id: string; code: string } & DelegationNames & DelegationArticles)[];
  timeZone: string;
}) {
  const { t, i18n } = useTranslation(["submissions", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm<ReviewFormShape>({
    id: `import-review-${review.original.id}`,
    lastResult,
    defaultValue: {
      ...review.details,
      rows: review.rows.map((row) => ({ target: row.target, proposedText: row.wording })),
    },
    shouldValidate: "onSubmit",
  });
  const [delegationId, setDelegationId] = useState(fields.delegationId.initialValue ?? review.details.delegationId);
  const initialLanguage = fields.language.initialValue;
  const [language, setLanguage] = useState<Language>(isLanguage(initialLanguage) ? initialLanguage : review.details.language);
  const delegation = delegations.find((d) => d.id === delegationId);
  const rowFields = fields.rows.getFieldList();
  const lowCount = review.rows.filter((row) => row.confidence === "low").length;
  const options = useTargetOptions(review);
  const points = useMemo(() => new Map(review.targets.agendaItems.flatMap((item) => item.points.map((p) => [p.id, p] as const))), [review.targets]);

  return (
    <Form method="post" {...getFormProps(form)} className="stack submission-import__review">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="attachmentId" value={review.original.id} />
      <input type="hidden" name="idempotencyKey" value={review.idempotencyKey} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {issues.length ? (
        <ul className="form-errors" role="alert">
          {issues.map((issue, index) => (
            <li key={index}>{String(t(issue.message as never, issue.values as never))}</li>
          ))}
        </ul>
      ) : null}

      <fieldset className="submission-import__details">
        <legend>{t("importPage.detailsLegend")}</legend>
        <div className="form-row">
          <Field field={fields.delegationId} label={t("importPage.delegation")}>
            <select {...getSelectProps(fields.delegationId)} onChange={(event) => setDelegationId(event.target.value)}>
              <option value="">{t("importPage.chooseDelegation")}</option>
              {delegations.map((d) => (
                <option key={d.id} value={d.id} lang="en">
                  {d.nameEn}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.language} label={t("importPage.language")}>
            <select {...getSelectProps(fields.language)} onChange={(event) => isLanguage(event.target.value) && setLanguage(event.target.value)}>
              {LANGUAGE_CODES.map((code) => (
                <option key={code} value={code}>
                  {t(`common:languageNames.${code}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.receivedDate} label={t("importPage.receivedDate")}>
            <input {...getInputProps(fields.receivedDate, { type: "date", ariaDescribedBy: "import-review-received-help" })} />
          </Field>
          <Field field={fields.receivedTime} label={t("importPage.receivedTime")}>
            <input {...getInputProps(fields.receivedTime, { type: "time", ariaDescribedBy: "import-review-received-help" })} />
          </Field>
        </div>
        <p className="field__help" id="import-review-received-help">
          {withData(t("importPage.receivedHelp", { zone: isolate(timeZone) }))}
        </p>
        {review.guessedLanguage && review.guessedLanguage !== language ? (
          <p className="field__help">{t("importPage.guessedLanguage", { language: t(`common:languageNames.${review.guessedLanguage}`) })}</p>
        ) : null}
        <p className="muted submission-import__original">
          {withData(t("importPage.original", { filename: isolate(review.original.filename), size: formatSize(review.original.size, i18n.language) }))}
        </p>
      </fieldset>

      <ImportWarningList warnings={review.warnings} />

      <p className={lowCount ? "submission-import__to-check" : "muted"}>
        {lowCount ? t("importPage.lowCount", { count: lowCount }) : t("importPage.noGuesses")}
      </p>
      <ReasonLegend />

      <TableShell caption={t("importPage.tableCaption")} captionHidden tableClassName="submission-import__table">
        <thead>
          <tr>
            <th scope="col">{t("importPage.columns.number")}</th>
            <th scope="col">{t("importPage.columns.paragraph")}</th>
            <th scope="col">{t("importPage.columns.target")}</th>
            <th scope="col">{t("importPage.columns.proposal")}</th>
          </tr>
        </thead>
        <tbody>
          {review.rows.map((row, index) => {
            const field = rowFields[index];
            if (!field) return null;
            return <ReviewRowView key={field.key ?? index} index={index} row={row} field={field} language={language} options={options} points={points} />;
          })}
        </tbody>
      </TableShell>

      <div className="submission-import__buttons">
        <SubmitButton pending={navigation.state !== "idle"} disabled={!delegation}>
          {delegation
            ? withData(t("importPage.save", { delegation: nameInSentence(delegation, i18n.language as Language, { isolate: true }) }))
            : t("importPage.saveNoDelegation")}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** What each badge means, from the import's own reasons. */
function ReasonLegend() {
  const { t } = useTranslation("submissions");
  const reasons: ImportReason[] = ["heading", "label", "quote", "carried", "formula", "none"];
  return (
    <details className="submission-import__legend">
      <summary>{t("importPage.legendTitle")}</summary>
      <dl>
        {reasons.map((reason) => (
          <div key={reason}>
            <dt>
              <Badge>{t(`importPage.badges.${reason}`, { label: "" }).trim()}</Badge>
            </dt>
            <dd>{t(`import.reasons.${reason}`)}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t("importPage.legendConfidence", {
          high: t("import.confidence.high"),
          medium: t("import.confidence.medium"),
          low: t("import.confidence.low"),
        })}
      </p>
    </details>
  );
}

/** The options of every row's select, grouped by agenda item: built once per review. */
function useTargetOptions(review: ImportReviewData): ReactNode {
  const { t } = useTranslation("submissions");
  return useMemo(
    () => (
      <>
        {review.targets.agendaItems.map((item) => {
          const named = item.number !== null;
          const group = named ? t("importPage.targets.group", { number: item.number }) : t("importPage.targets.groupSection", { title: item.title });
          return (
            <optgroup key={item.id} label={group}>
              <option value={`general:${item.id}`}>
                {named ? t("importPage.targets.general", { number: item.number }) : t("importPage.targets.generalSection", { title: item.title })}
              </option>
              {item.points.flatMap((point) => [
                <option key={`p${point.id}`} value={`point:${point.id}`}>
                  {t(isPointLabel(point.label) ? "importPage.targets.point" : "importPage.targets.named", { label: point.label })}
                </option>,
                <option key={`a${point.id}`} value={`amendment:${point.id}`}>
                  {t(isPointLabel(point.label) ? "importPage.targets.amendment" : "importPage.targets.namedAmendment", { label: point.label })}
                </option>,
              ])}
              {(review.proposalLabels[item.id] ?? []).map((label) => (
                <option key={`n${label}`} value={`proposal:${item.id}:${label}`}>
                  {named
                    ? t("importPage.targets.proposal", { label, number: item.number })
                    : t("importPage.targets.proposalSection", { label, title: item.title })}
                </option>
              ))}
            </optgroup>
          );
        })}
        <option value="skip">{t("import.targets.skip")}</option>
      </>
    ),
    [review, t],
  );
}

type RowFieldset = FieldMetadata<{ target: string; proposedText: string }, ReviewFormShape, string[]>;

/** One paragraph: its text in the note's language and direction, where it goes, why. */
function ReviewRowView({
  index,
  row,
  field,
  language,
  options,
  points,
}: {
  index: number;
  row: ImportReviewRow;
  field: RowFieldset;
  language: Language;
  options: ReactNode;
  points: Map<string, { id: string; label: string; text: string }>;
}) {
  const { t } = useTranslation("submissions");
  const f = field.getFieldset();
  const [target, setTarget] = useState(f.target.initialValue ?? row.target);
  const [wording, setWording] = useState(f.proposedText.initialValue ?? row.wording);
  const amended = target.startsWith("amendment:") ? (points.get(target.slice("amendment:".length)) ?? null) : null;
  const segments = useMemo(() => (amended ? redline(amended.text, wording) : null), [amended, wording]);
  const stats = segments ? redlineStats(segments) : null;
  const number = index + 1;
  const skipped = target === "skip";
  const className = ["submission-import__row", `submission-import__row--${row.confidence}`, skipped ? "submission-import__row--skip" : ""].join(" ");
  const badge =
    row.reason === "label" && row.label
      ? t("importPage.badges.label", { label: isolate(row.label) })
      : t(`importPage.badges.${row.reason}`, { label: "" }).trim();

  return (
    <tr className={className}>
      <th scope="row" className="numeric">
        {number}
      </th>
      <td className="submission-import__text" lang={language} dir={directionOf(language)}>
        {row.heading ? <strong>{row.text}</strong> : row.text}
      </td>
      <td className="submission-import__target">
        <div className="field">
          <label className="visually-hidden" htmlFor={f.target.id}>
            {t("importPage.targetLabel", { number })}
          </label>
          <select {...getSelectProps(f.target)} onChange={(event) => setTarget(event.target.value)}>
            {options}
          </select>
          <FormErrors id={f.target.errorId} errors={f.target.errors} />
        </div>
        {/* Kept in the form when another target is chosen, so that wording typed is not lost by a change of mind. */}
        <div className="field submission-import__wording" hidden={!amended}>
          <label htmlFor={f.proposedText.id}>{t("amendment.label", { label: amended?.label ?? "" })}</label>
          <textarea
            {...getTextareaProps(f.proposedText)}
            rows={Math.min(10, Math.max(3, Math.ceil(wording.length / 70)))}
            dir="auto"
            onChange={(event) => setWording(event.target.value)}
          />
          <FormErrors id={f.proposedText.errorId} errors={f.proposedText.errors} />
          {segments && stats ? (
            <figure className="submission-import__redline">
              <figcaption>{t("amendment.redlineTitle")}</figcaption>
              {stats.inserted + stats.deleted === 0 ? (
                <p className="muted">{t("amendment.unchanged")}</p>
              ) : (
                <div className="redline-box">
                  <Redline segments={segments} lang="en" />
                </div>
              )}
            </figure>
          ) : null}
        </div>
      </td>
      <td className="submission-import__why">
        <Badge className={`submission-import__confidence submission-import__confidence--${row.confidence}`}>{t(`import.confidence.${row.confidence}`)}</Badge>{" "}
        <Badge>{withData(badge)}</Badge>
      </td>
    </tr>
  );
}
