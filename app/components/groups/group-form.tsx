// A group's form, to create one or to edit it: its names in the six languages with the French and
// Spanish articles, the date of its membership, its members (ticked, to untick) and members to add
// by pasting names or codes. A plain form: it works without JavaScript; Conform validates it in the
// browser with the server's schema.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { Field } from "~/components/ui/field";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { delegationName } from "~/lib/delegation-names";
import { STANDING_KINDS, type GroupNames } from "~/lib/groups";

/** The order in which the names are asked: the one required first, then the UN's order. */
const NAME_LANGUAGES = ["en", "fr", "es", "ru", "zh", "ar"] as const;
const NAME_FIELD = { en: "nameEn", fr: "nameFr", es: "nameEs", ru: "nameRu", zh: "nameZh", ar: "nameAr" } as const;
// Stored with a straight apostrophe, as the delegations' articles are.
const ARTICLES_FR = ["le", "la", "l'", "les"];
const ARTICLES_ES = ["el", "la", "los", "las"];

export type GroupFormDefaults = GroupNames & { articleFr: string | null; articleEs: string | null; membershipAsOf: string };
export type MemberOption = GroupNames & { id: string; code: string };

/** The form's fields, as Conform types them. */
type GroupFormShape = GroupNames & {
  kind: string;
  articleFr: string;
  articleEs: string;
  membershipAsOf: string;
  memberId: string[];
  add: string;
};

export function GroupForm({
  id,
  intent,
  schema,
  defaults,
  members,
  withKind = false,
  lastResult,
  submitLabel,
}: {
  id: string;
  intent: "create" | "save";
  schema: ZodTypeAny;
  /** The group's values (editing), or only the date to propose (creating; the server's today). */
  defaults: Partial<GroupFormDefaults> & { membershipAsOf: string };
  /** The current members, ticked (editing); none when creating. */
  members?: MemberOption[];
  /** A standing group being created: ask its kind. */
  withKind?: boolean;
  lastResult?: SubmissionResult<string[]>;
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation(["groups", "common"]);
  const language = i18n.language as Language;
  const [form, fields] = useForm<GroupFormShape>({
    id,
    lastResult,
    defaultValue: { ...defaults, articleFr: defaults.articleFr ?? "", articleEs: defaults.articleEs ?? "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // After a refusal, the members as the officer left them; otherwise every current member ticked.
  const submitted = lastResult?.initialValue?.memberId;
  const ticked = submitted === undefined ? null : new Set([submitted].flat().map(String));
  const kindField = fields.kind;
  return (
    <Form method="post" {...getFormProps(form)} className="stack group-form">
      <input type="hidden" name="intent" value={intent} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {withKind ? (
        <Field field={kindField} label={t("form.kind")}>
          <select {...getSelectProps(kindField)} defaultValue={String(kindField.initialValue ?? "regional")}>
            {STANDING_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <fieldset className="group-form__names">
        <legend>{t("form.names")}</legend>
        <p className="field__help">{t("form.namesHelp")}</p>
        {NAME_LANGUAGES.map((lang) => {
          const field = fields[NAME_FIELD[lang]];
          return (
            <Field key={lang} field={field} label={t(`common:languageNames.${lang}`)}>
              <input {...getInputProps(field, { type: "text" })} lang={lang} dir={lang === "ar" ? "rtl" : "ltr"} required={lang === "en"} maxLength={200} />
            </Field>
          );
        })}
        <div className="group-form__articles">
          <Field field={fields.articleFr} label={t("form.articleFr")}>
            <select {...getSelectProps(fields.articleFr)} lang="fr">
              <option value="">{t("form.articleNone")}</option>
              {ARTICLES_FR.map((article) => (
                <option key={article} value={article}>
                  {article}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.articleEs} label={t("form.articleEs")}>
            <select {...getSelectProps(fields.articleEs)} lang="es">
              <option value="">{t("form.articleNone")}</option>
              {ARTICLES_ES.map((article) => (
                <option key={article} value={article}>
                  {article}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="field__help">{t("form.articleHelp")}</p>
      </fieldset>
      <Field field={fields.membershipAsOf} label={t("form.membershipAsOf")} hint={t("form.membershipAsOfHelp")}>
        <input {...getInputProps(fields.membershipAsOf, { type: "date", ariaDescribedBy: fields.membershipAsOf.descriptionId })} required />
      </Field>
      {members?.length ? (
        <fieldset className="group-form__members">
          <legend>
            {t("form.members")} ({members.length})
          </legend>
          <p className="field__help">{t("form.membersHelp")}</p>
          <ul className="group-form__member-list">
            {members.map((member) => (
              <li key={member.id}>
                <label>
                  <input type="checkbox" name="memberId" value={member.id} defaultChecked={ticked ? ticked.has(member.id) : true} />{" "}
                  <bdi>{delegationName(member, language)}</bdi> <span className="muted">{member.code}</span>
                </label>
              </li>
            ))}
          </ul>
          <FormErrors id={fields.memberId.errorId} errors={fields.memberId.errors} />
        </fieldset>
      ) : null}
      <Field field={fields.add} label={t("form.add")} hint={t("form.addHelp")}>
        <textarea {...getTextareaProps(fields.add, { ariaDescribedBy: fields.add.descriptionId })} rows={members?.length ? 4 : 8} dir="auto" />
      </Field>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
