import { EarlierOnPoint } from "~/components/revision/earlier-comments";
import type { EarlierComments } from "~/models/revision.server";
import { Form } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { directionOf, type Language, isLanguage } from "~/i18n/languages";
import { mergeDraftFields, normalizeFieldText, type DraftFields } from "~/lib/autosave-store";
import { paths } from "~/lib/paths";
import { amendmentField, commentField, generalField, LANGUAGE_FIELD, proposalField, proposalFieldsOf, type FieldIssue } from "~/lib/submission-fields";
import { proposalLabel } from "~/lib/submission-rules";
import { AmendmentEditor } from "~/components/submission/amendment-editor";
import { AutosaveStatusLine, RestoreOffer, formatSaveTime } from "~/components/submission/autosave-status";
import { SubmissionLanguageSelect, LanguageTextarea } from "~/components/submission/language-textarea";
import { PendingText } from "~/components/ui/redline";
import { InvisibleCharacters } from "~/components/submission/invisible-characters";
import { ScriptHint } from "~/components/submission/script-hint";
import { useAutosave } from "~/components/submission/use-autosave";
import { isolate, withData } from "~/components/ui/data-text";
import { useStickyEnd } from "~/components/ui/use-sticky-end";
import { useDraftPresence } from "~/components/submission/use-draft-presence";
import { Button, SubmitButton } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";

export type EditorPoint = { id: string; label: string; text: string; versionNumber: number };
export type EditorAgendaItem = { id: string; number: string | null; title: string; points: EditorPoint[] };

/** What the server answered when a colleague saved in between (the 409 of the autosave route). */
export type DraftConflict = {
  draftVersion: number;
  fields: DraftFields;
  updatedBy: string | null;
  updatedAt: string | null;
  /** The server text this page last knew, when known (autosave): fields only one side changed merge by themselves. */
  base?: DraftFields | null;
};

/** The passages both sides changed differently (every difference when the common base is unknown). */
function conflictingFields(conflict: DraftConflict, mine: DraftFields): { names: string[]; merged: DraftFields } {
  if (conflict.base) {
    const { merged, conflicts } = mergeDraftFields(conflict.base, mine, conflict.fields);
    return { names: conflicts, merged };
  }
  const names = [...new Set([...Object.keys(mine), ...Object.keys(conflict.fields)])].filter(
    (name) => normalizeFieldText(mine[name] ?? "") !== normalizeFieldText(conflict.fields[name] ?? ""),
  );
  return { names, merged: { ...mine } };
}

export type SubmissionEditorProps = {
  consultationId: string;
  userId: string;
  agendaItems: EditorAgendaItem[];
  /** The server's draft as fields, and its version and time. */
  serverFields: DraftFields;
  draftVersion: number;
  savedAt: string | null;
  /** What the delegate typed when the form came back from the server (validation, conflict). */
  typedFields?: DraftFields | null;
  errors?: Record<string, FieldIssue[]> | null;
  conflict?: DraftConflict | null;
  /** Other delegates of the mission with the draft open when the page was loaded. */
  colleagues?: string[];
  /** The deadline passed, or the consultation is no longer open: everything shows, nothing changes. */
  readOnly: boolean;
  /** The reader's zone for save times. */
  timeZone: string;
  /** "Review and submit" says that a submission now is held as late. */
  submitIsLate: boolean;
  canSubmit: boolean;
  submitting?: boolean;
  /** The review button's words where "Review and submit" is not what follows (a mission's clearance, issue 19). */
  reviewLabel?: string;
  /** On a later round: the delegation's comments of the round before, by this round's point. */
  earlier?: EarlierComments | null;
};

function conflictFromBody(body: unknown): DraftConflict | null {
  const b = (body ?? {}) as Partial<DraftConflict>;
  if (typeof b.draftVersion !== "number" || typeof b.fields !== "object" || b.fields === null) return null;
  return { draftVersion: b.draftVersion, fields: b.fields, updatedBy: b.updatedBy ?? null, updatedAt: b.updatedAt ?? null };
}

/**
 * The delegation's shared draft: the submission language; per agenda item a general comment;
 * per point its circulated text (English, as circulated), a comment and an optional amendment
 * with its live redline; the delegation's new proposals, lettered (a), (b), … as the server
 * letters them. Saved as the delegate types (useAutosave); a colleague's save in between opens a
 * panel with both texts per field. The form itself posts to the page ("Review and submit"), so
 * it also works before the scripts have loaded.
 */
export function SubmissionEditor(props: SubmissionEditorProps) {
  const { t } = useTranslation(["submissions", "consultations"]);
  const { agendaItems, readOnly } = props;
  const [fields, setFields] = useState<DraftFields>(() => props.typedFields ?? props.serverFields);
  const [errors, setErrors] = useState<Record<string, FieldIssue[]>>(() => props.errors ?? {});
  const [conflict, setConflict] = useState<DraftConflict | null>(() => props.conflict ?? null);
  // A colleague's save merged without asking: which passages came from them, to say so.
  const [mergeNotice, setMergeNotice] = useState<{ names: string[]; by: string | null; at: string | null } | null>(null);
  const fieldsNow = useRef(fields);
  fieldsNow.current = fields;
  // Text typed before the page's scripts took over is in the fields, not yet in the state: keep it.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const typedEarly: DraftFields = {};
    for (const element of Array.from(formRef.current?.querySelectorAll<HTMLTextAreaElement>("textarea[name]") ?? [])) {
      if (element.value !== (fields[element.name] ?? "")) typedEarly[element.name] = element.value;
    }
    if (Object.keys(typedEarly).length) setFields((current) => ({ ...current, ...typedEarly }));
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A later answer of the page's action (review refused): show it, with what was typed.
  useEffect(() => {
    if (props.errors) setErrors(props.errors);
    if (props.conflict) setConflict(props.conflict);
    if (props.typedFields) setFields(props.typedFields);
  }, [props.errors, props.conflict, props.typedFields]);

  const autosave = useAutosave({
    url: paths.submissionDraft(props.consultationId),
    storageKey: `submission:${props.consultationId}`,
    owner: props.userId,
    fields,
    draftVersion: props.draftVersion,
    serverFields: props.serverFields,
    savedAt: props.savedAt,
    enabled: !readOnly,
    onRestore: (restored) => setFields(restored),
    onConflict: (outcome, base) => {
      const theirs = conflictFromBody(outcome.body);
      if (!theirs) return setConflict(null);
      const { merged, conflicts, taken } = mergeDraftFields(base, fieldsNow.current, theirs.fields);
      if (conflicts.length > 0) return setConflict({ ...theirs, base });
      // Only different passages changed: take theirs where only they changed, keep the rest, save.
      setFields(merged);
      setMergeNotice({ names: taken, by: theirs.updatedBy, at: theirs.updatedAt });
      autosave.resolveConflict({ draftVersion: theirs.draftVersion, fields: theirs.fields }, merged);
    },
    onInvalid: (body) => {
      const e = (body as { errors?: Record<string, FieldIssue[]> } | null)?.errors;
      if (e) setErrors(e);
    },
    onSaved: () => setErrors({}),
  });

  const barRef = useStickyEnd<HTMLDivElement>();
  const colleagues = useDraftPresence(paths.submissionPresence(props.consultationId), props.colleagues ?? [], !readOnly);
  const { i18n } = useTranslation();

  const language: Language = isLanguage(fields[LANGUAGE_FIELD]) ? (fields[LANGUAGE_FIELD] as Language) : "en";
  const set = (name: string, value: string) => setFields((current) => ({ ...current, [name]: value }));
  const remove = (name: string) =>
    setFields((current) => {
      const { [name]: _, ...rest } = current;
      return rest;
    });

  const pointsById = useMemo(() => new Map(agendaItems.flatMap((item) => item.points.map((p) => [p.id, { item, point: p }] as const))), [agendaItems]);
  const itemsById = useMemo(() => new Map(agendaItems.map((item) => [item.id, item])), [agendaItems]);
  const itemName = (item: EditorAgendaItem) => (item.number ? t("consultations:agendaItem", { number: item.number }) : t("consultations:generalSection"));

  /** A human name for a field, for the conflict panel and the restore offer. */
  const describeField = (name: string): string | null => {
    if (name === LANGUAGE_FIELD) return t("editor.language");
    const parts = name.split(".");
    if (parts[0] === "general") {
      const item = itemsById.get(parts[1]!);
      return item ? t("editor.describe.general", { item: itemName(item) }) : null;
    }
    if (parts[0] === "point") {
      const found = pointsById.get(parts[1]!);
      if (!found) return null;
      const args = { item: itemName(found.item), label: found.point.label };
      return parts[2] === "amendment" ? t("editor.describe.amendment", args) : t("editor.describe.comment", args);
    }
    if (parts[0] === "proposal") {
      const item = itemsById.get(parts[1]!);
      return item ? t("editor.describe.proposal", { item: itemName(item), label: proposalLabel(Number(parts[2])) }) : null;
    }
    return null;
  };

  // The comments typed, for the script check (amendments are English wording, left out).
  const typedText = Object.entries(fields)
    .filter(([name]) => name !== LANGUAGE_FIELD && !name.endsWith(".amendment"))
    .map(([, value]) => value)
    .join("\n\n");
  const pointTexts = useMemo(() => agendaItems.flatMap((item) => item.points.map((p) => p.text)), [agendaItems]);

  const fieldErrors = (name: string) => errors[name] ?? [];
  const errorId = (name: string) => `error-${name.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const textareaProps = (name: string) => {
    const problems = fieldErrors(name);
    return {
      id: `field-${name.replace(/[^A-Za-z0-9-]/g, "-")}`,
      name,
      language,
      value: fields[name] ?? "",
      onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => set(name, event.target.value),
      onBlur: autosave.saveNow,
      readOnly,
      "aria-invalid": problems.length ? true : undefined,
      "aria-describedby": problems.length ? errorId(name) : undefined,
    };
  };

  const removeProposal = (agendaItemId: string, name: string) =>
    setFields((current) => {
      // Renumber what is left, so that the fields stay (a), (b), … as the server will letter them.
      const names = proposalFieldsOf(current, agendaItemId);
      const bodies = names.filter((n) => n !== name).map((n) => current[n] ?? "");
      const next: DraftFields = { ...current };
      for (const n of names) delete next[n];
      bodies.forEach((body, index) => (next[proposalField(agendaItemId, index)] = body));
      return next;
    });

  return (
    <div className="submission-editor">
      {autosave.offer ? (
        <RestoreOffer
          copy={autosave.offer}
          serverFields={props.serverFields}
          describeField={describeField}
          onUse={autosave.acceptOffer}
          onDiscard={autosave.declineOffer}
          timeZone={props.timeZone}
        />
      ) : null}

      {colleagues.length > 0 ? (
        <Notice className="submission-editor__presence">
          {t("editor.presence", { names: new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(colleagues) })}
        </Notice>
      ) : null}

      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          mine={fields}
          describeField={describeField}
          timeZone={props.timeZone}
          language={language}
          onResolve={(resolved) => {
            setMergeNotice(null);
            setFields(resolved);
            setConflict(null);
            autosave.resolveConflict({ draftVersion: conflict.draftVersion, fields: conflict.fields }, resolved);
          }}
        />
      ) : null}
      {mergeNotice && !conflict ? <MergeNotice notice={mergeNotice} describeField={describeField} timeZone={props.timeZone} /> : null}

      <Form method="post" className="submission-editor__form" noValidate ref={formRef}>
        <input type="hidden" name="intent" value="review" />
        <input type="hidden" name="draftVersion" value={autosave.draftVersion} />
        <FieldProblems id={errorId("")} problems={fieldErrors("")} />

        <section className="submission-editor__language" aria-labelledby="editor-language-title">
          <h2 id="editor-language-title">{t("editor.languageTitle")}</h2>
          <div className="field">
            <label htmlFor="submission-language">{t("editor.language")}</label>
            <p className="field__help" id="submission-language-help">
              {t("editor.languageHelp")}
            </p>
            <SubmissionLanguageSelect
              id="submission-language"
              name={LANGUAGE_FIELD}
              value={language}
              onLanguageChange={(next) => set(LANGUAGE_FIELD, next)}
              disabled={readOnly}
              aria-describedby="submission-language-help"
            />
            {/* A disabled select is not posted: keep the language in the form. */}
            {readOnly ? <input type="hidden" name={LANGUAGE_FIELD} value={language} /> : null}
            <FieldProblems id={errorId(LANGUAGE_FIELD)} problems={fieldErrors(LANGUAGE_FIELD)} />
          </div>
          {readOnly ? null : <ScriptHint language={language} text={typedText} ignore={pointTexts} onChangeLanguage={(next) => set(LANGUAGE_FIELD, next)} />}
        </section>

        {agendaItems.map((item) => {
          const headingId = `editor-item-${item.id}`;
          const proposals = proposalFieldsOf(fields, item.id);
          return (
            <section key={item.id} className="submission-editor__item" aria-labelledby={headingId}>
              <h2 id={headingId}>
                <span className="agenda-item__number">{itemName(item)}</span>{" "}
                <span className="agenda-item__title" lang="en" dir="ltr">
                  {item.title}
                </span>
              </h2>

              <div className="field">
                <label htmlFor={textareaProps(generalField(item.id)).id}>{t("editor.general")}</label>
                <LanguageTextarea rows={4} {...textareaProps(generalField(item.id))} />
                <FieldProblems id={errorId(generalField(item.id))} problems={fieldErrors(generalField(item.id))} />
                <InvisibleCharacters value={fields[generalField(item.id)] ?? ""} onRemove={(text) => set(generalField(item.id), text)} readOnly={readOnly} />
              </div>

              {item.points.map((point) => {
                const amendmentName = amendmentField(point.id);
                const amending = amendmentName in fields;
                const pointHeadingId = `editor-point-${point.id}`;
                return (
                  <section key={point.id} className="submission-editor__point" aria-labelledby={pointHeadingId}>
                    <h3 id={pointHeadingId}>{withData(t("editor.point", { label: isolate(point.label) }))}</h3>
                    <figure className="circulated-text">
                      <figcaption>{t("editor.circulated")}</figcaption>
                      <blockquote lang="en" dir="ltr">
                        <PendingText text={point.text} />
                      </blockquote>
                    </figure>
                    {props.earlier ? <EarlierOnPoint comments={props.earlier.byPoint[point.id]} earlier={props.earlier} /> : null}
                    <div className="field">
                      <label htmlFor={textareaProps(commentField(point.id)).id}>{withData(t("editor.comment", { label: isolate(point.label) }))}</label>
                      <LanguageTextarea rows={4} {...textareaProps(commentField(point.id))} />
                      <FieldProblems id={errorId(commentField(point.id))} problems={fieldErrors(commentField(point.id))} />
                      <InvisibleCharacters
                        value={fields[commentField(point.id)] ?? ""}
                        onRemove={(text) => set(commentField(point.id), text)}
                        readOnly={readOnly}
                      />
                    </div>
                    {amending ? (
                      <div className="submission-editor__amendment">
                        <AmendmentEditor
                          pointLabel={point.label}
                          circulatedText={point.text}
                          name={amendmentName}
                          id={`field-${amendmentName.replace(/[^A-Za-z0-9-]/g, "-")}`}
                          value={fields[amendmentName] ?? ""}
                          onChange={(value) => set(amendmentName, value)}
                          onBlur={autosave.saveNow}
                          readOnly={readOnly}
                          errors={fieldErrors(amendmentName).map((p) => p.message)}
                        />
                        <InvisibleCharacters value={fields[amendmentName] ?? ""} onRemove={(text) => set(amendmentName, text)} readOnly={readOnly} />
                        {readOnly ? null : (
                          <Button variant="secondary" size="small" onClick={() => remove(amendmentName)}>
                            {t("editor.removeAmendment", { label: point.label })}
                          </Button>
                        )}
                      </div>
                    ) : readOnly ? null : (
                      <Button variant="secondary" onClick={() => set(amendmentName, point.text)}>
                        {t("editor.proposeAmendment", { label: point.label })}
                      </Button>
                    )}
                  </section>
                );
              })}

              <section className="submission-editor__proposals" aria-labelledby={`${headingId}-proposals`}>
                <h3 id={`${headingId}-proposals`}>{t("editor.proposalsTitle")}</h3>
                <p className="field__help">{t("editor.proposalsHelp")}</p>
                {proposals.map((name, index) => (
                  <div key={name} className="field submission-editor__proposal">
                    <label htmlFor={textareaProps(name).id}>{t("editor.proposal", { label: proposalLabel(index) })}</label>
                    <LanguageTextarea rows={3} {...textareaProps(name)} />
                    <FieldProblems id={errorId(name)} problems={fieldErrors(name)} />
                    <InvisibleCharacters value={fields[name] ?? ""} onRemove={(text) => set(name, text)} readOnly={readOnly} />
                    {readOnly ? null : (
                      <Button variant="secondary" size="small" onClick={() => removeProposal(item.id, name)}>
                        {t("editor.removeProposal", { label: proposalLabel(index) })}
                      </Button>
                    )}
                  </div>
                ))}
                {readOnly ? null : (
                  <Button variant="secondary" onClick={() => set(proposalField(item.id, proposals.length), "")}>
                    {t("editor.addProposal", { label: proposalLabel(proposals.length) })}
                  </Button>
                )}
              </section>
            </section>
          );
        })}

        <div className="submission-editor__bar" ref={barRef}>
          <AutosaveStatusLine status={autosave.status} timeZone={props.timeZone} onRetry={autosave.saveNow} />
          {props.canSubmit ? (
            <div className="submission-editor__submit">
              {props.submitIsLate ? <p className="submission-editor__late">{t("editor.lateNote")}</p> : null}
              <SubmitButton pending={props.submitting} disabled={conflict !== null}>
                {props.reviewLabel ?? t("editor.review")}
              </SubmitButton>
            </div>
          ) : null}
        </div>
      </Form>
    </div>
  );
}

function FieldProblems({ id, problems }: { id: string; problems: FieldIssue[] }) {
  const { t } = useTranslation("submissions");
  if (!problems.length) return null;
  return (
    // The alert role on a wrapper: on the list itself it would hide the list's items from readers.
    <div id={id} role="alert">
      <ul className="form-errors">
        {problems.map((problem, index) => (
          <li key={index}>{String(t(problem.message as never, (problem.values ?? {}) as never))}</li>
        ))}
      </ul>
    </div>
  );
}

/** Says which passages a colleague's save brought into this draft, merged without asking. */
function MergeNotice({
  notice,
  describeField,
  timeZone,
}: {
  notice: { names: string[]; by: string | null; at: string | null };
  describeField: (name: string) => string | null;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation("submissions");
  const described = notice.names.map((name) => describeField(name)).filter((name): name is string => Boolean(name));
  if (described.length === 0) return null;
  const fields = new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(described);
  return (
    <Notice className="submission-editor__merged">
      {notice.by && notice.at
        ? t("editor.conflict.merged", { name: notice.by, time: formatSaveTime(notice.at, i18n.language, timeZone, { withDate: true }), fields })
        : t("editor.conflict.mergedAnonymous", { fields })}
    </Notice>
  );
}

/**
 * Both texts of each passage that this delegate and a colleague both changed, side by side, with
 * "Keep mine" or "Take theirs" for each and neither chosen in advance; passages only one of them
 * changed are merged already. Nothing is saved until every passage has a choice.
 */
function ConflictPanel({
  conflict,
  mine,
  describeField,
  timeZone,
  language,
  onResolve,
}: {
  conflict: DraftConflict;
  mine: DraftFields;
  describeField: (name: string) => string | null;
  timeZone: string;
  language: Language;
  onResolve: (fields: DraftFields) => void;
}) {
  const { t, i18n } = useTranslation("submissions");
  const { names, merged } = conflictingFields(conflict, mine);
  const [choice, setChoice] = useState<Record<string, "mine" | "theirs">>({});
  const undecided = names.filter((name) => !choice[name]);
  const theirLanguage: Language = isLanguage(conflict.fields[LANGUAGE_FIELD]) ? (conflict.fields[LANGUAGE_FIELD] as Language) : language;
  const resolve = () => {
    if (undecided.length > 0) return;
    const result: DraftFields = { ...merged };
    for (const name of names) {
      const from = choice[name] === "theirs" ? conflict.fields : mine;
      if (name in from) result[name] = from[name]!;
      else delete result[name];
    }
    onResolve(result);
  };
  const shown = (value: string | undefined) => (value === undefined ? t("editor.conflict.absent") : value || t("editor.conflict.empty"));
  return (
    <section className="conflict-panel" aria-labelledby="conflict-title" role="region">
      <h2 id="conflict-title">{t("editor.conflict.title")}</h2>
      <p>
        {conflict.updatedBy && conflict.updatedAt
          ? t("editor.conflict.byWhom", { name: conflict.updatedBy, time: formatSaveTime(conflict.updatedAt, i18n.language, timeZone, { withDate: true }) })
          : t("editor.conflict.intro")}
      </p>
      <p>{t("editor.conflict.help")}</p>
      {names.map((name, index) => {
        const groupName = `conflict-choice-${index}`;
        return (
          <fieldset key={name} className="conflict-panel__field">
            <legend>{describeField(name) ?? name}</legend>
            <div className="conflict-panel__texts">
              <div>
                <h3>{t("editor.conflict.mine")}</h3>
                <div className="conflict-panel__text" lang={language} dir={directionOf(language)}>
                  {shown(mine[name])}
                </div>
              </div>
              <div>
                <h3>{t("editor.conflict.theirs")}</h3>
                <div className="conflict-panel__text" lang={theirLanguage} dir={directionOf(theirLanguage)}>
                  {shown(conflict.fields[name])}
                </div>
              </div>
            </div>
            <p className="conflict-panel__choice">
              <label>
                <input type="radio" name={groupName} checked={choice[name] === "mine"} onChange={() => setChoice((c) => ({ ...c, [name]: "mine" }))} />{" "}
                {t("editor.conflict.keepMine")}
              </label>
              <label>
                <input type="radio" name={groupName} checked={choice[name] === "theirs"} onChange={() => setChoice((c) => ({ ...c, [name]: "theirs" }))} />{" "}
                {t("editor.conflict.takeTheirs")}
              </label>
            </p>
          </fieldset>
        );
      })}
      {undecided.length > 0 ? (
        <p id="conflict-undecided" className="conflict-panel__hint">
          {t("editor.conflict.chooseEach")}
        </p>
      ) : null}
      <Button onClick={resolve} aria-disabled={undecided.length > 0} aria-describedby={undecided.length > 0 ? "conflict-undecided" : undefined}>
        {t("editor.conflict.resolve")}
      </Button>
    </section>
  );
}
